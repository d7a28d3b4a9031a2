package chain

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"sync"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/ethereum/go-ethereum/common"

	"github.com/veil-sequencer/veil/envelope"
	"github.com/veil-sequencer/veil/mempool"
	"github.com/veil-sequencer/veil/store"
)

// checkState is this node's mempool as admission sees it: the committed
// state after the next slot's expiry, with every transaction CheckTx has
// admitted since the last commit applied on top (envelopes queued, bids
// counted and their penalties reserved), exactly as the next block would
// apply them. Admission against it counts what is pending: a sender's next
// nonce, its identities, its cap and the deposit behind all its charges; a
// builder's highest seq, its bids and the slot's, and its free collateral.
// So everything in the mempool can be included and paid for, and nobody
// fills the mempool for free (issue 15).
//
// Commit starts it afresh; CometBFT then rechecks what is left in its
// mempool, in mempool order, which rebuilds it. The API reads it for
// pending envelopes. Its size follows CometBFT's mempool (a few writes per
// admitted transaction), which CometBFT bounds in transactions and bytes.
type checkState struct {
	mu     sync.Mutex
	height uint64 // the committed height it was built on
	b      *store.Block
	st     *State
	// pool is the pool keys of the envelopes CheckTx queued in b, sorted
	// (a few thousand at most: CometBFT's mempool), so a pool page reads
	// them without scanning every write of the check state.
	pool []string

	// last is the check state before the last commit, with its height,
	// for Pending between a commit and the recheck that rebuilds b.
	last       *store.Block
	lastHeight uint64
}

// commit sets the check state aside at a commit: the recheck rebuilds it.
func (c *checkState) commit() {
	c.mu.Lock()
	defer c.mu.Unlock()
	// Only the state of the block just committed: an older one would hold
	// envelopes long dropped.
	c.last, c.lastHeight = c.b, c.height
	c.b, c.st, c.pool = nil, nil, nil
}

// resetCheck rebuilds the check state over the committed state, running the
// next slot's expiry as its block will. Callers hold mu.
func (a *App) resetCheck() error {
	c := &a.check
	c.b, c.st, c.pool = nil, nil, nil
	b := a.store.Begin()
	st := NewState(b, a.cfg.Params.Domain)
	height := a.store.Height()
	if _, err := a.startSlot(st, height+1); err != nil {
		return err
	}
	c.height, c.b, c.st = height, b, st
	return nil
}

// checkTx admits tx against the check state and, if it passes, applies it
// there. A *txError is a rejection (the check state is unchanged).
func (a *App) checkTx(tx []byte) error {
	c := &a.check
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.b == nil || c.height != a.store.Height() {
		if err := a.resetCheck(); err != nil {
			return err
		}
	}
	eon, err := activeEon(c.b)
	if err != nil {
		return err
	}
	slot := c.height + 1
	if len(tx) > 0 && (tx[0] == TxBid || tx[0] == TxWithdraw || tx[0] == TxDKG) {
		err = a.applyTx(c.st, tx, slot, eon)
	} else {
		var chk *mempool.Checked
		var adm *mempool.Admission
		if chk, adm, err = admitTx(c.st, tx, slot, eon, a.cfg.Params, a.verified); err == nil {
			if err = c.st.Queue(chk.Envelope, adm, slot); err == nil {
				k := string(key(prefixPool, u64(slot), adm.Hash[:]))
				i, _ := slices.BinarySearch(c.pool, k)
				c.pool = slices.Insert(c.pool, i, k)
			}
		}
	}
	if err != nil && !isRejection(err) {
		// A storage failure may have left a partial write: start over.
		c.b, c.st, c.pool = nil, nil, nil
	}
	return err
}

func isRejection(err error) bool {
	var te *txError
	return errors.As(err, &te)
}

// Pending returns an envelope this node's mempool holds that the chain has
// not queued yet (admitted by CheckTx since the last commit; until the
// recheck after a commit has seen it, the one before, if the chain has not
// queued it since).
func (a *App) Pending(h common.Hash) (*envelope.Envelope, bool) {
	c := &a.check
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := pendingIn(c.b, c.height, h)
	if !ok {
		if e, ok = pendingIn(c.last, c.lastHeight, h); ok {
			// The chain may have queued it since.
			if v, err := a.store.Get(key(prefixTx, h[:])); err != nil || v != nil {
				return nil, false
			}
		}
	}
	return e, ok
}

func pendingIn(b *store.Block, height uint64, h common.Hash) (*envelope.Envelope, bool) {
	if b == nil {
		return nil, false
	}
	v, ok := b.Own(key(prefixTx, h[:]))
	if !ok || v == nil {
		return nil, false
	}
	r, err := decodeTx(v)
	if err != nil || r.Status != StatusQueued || r.QueuedSlot <= height {
		return nil, false
	}
	return r.Envelope, true
}

// PoolEntry is one envelope of the pool as GET /v1/pool lists it.
type PoolEntry struct {
	Hash     common.Hash
	Pending  bool // in this node's mempool, not queued on chain yet
	Envelope *envelope.Envelope
}

// PoolCursorSize is the length of a pool cursor: queued slot(8) ‖ hash(32),
// the key of the last entry read.
const PoolCursorSize = 8 + common.HashLength

// ErrCursor is a pool cursor this node did not make.
var ErrCursor = errors.New("chain: not a pool cursor")

// PoolPage lists up to limit envelopes of the pool after cursor (empty:
// from the start), and no more once their ciphertexts reach maxBytes (a
// page holds at least one): the
// queued ones in (queued slot, hash) order, then this node's pending ones
// (which the next block queues), read from the keys onwards, so a page
// costs its own size whatever the pool holds. next is the cursor of the
// page's last entry (cursor itself for an empty page): stable across
// blocks, since a pending envelope keeps its key when queued.
func (a *App) PoolPage(cursor string, limit, maxBytes int) ([]PoolEntry, string, error) {
	var from []byte
	if cursor != "" {
		raw, err := hex.DecodeString(cursor)
		if err != nil || len(raw) != PoolCursorSize {
			return nil, "", fmt.Errorf("%w: %q", ErrCursor, cursor)
		}
		from = append(key(prefixPool, raw), 0) // the next key after it
	}
	c := &a.check
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.b == nil || c.height != a.store.Height() {
		if err := a.resetCheck(); err != nil {
			return nil, "", err
		}
	}
	var out []PoolEntry
	next := cursor
	size := 0
	full := func() bool { return len(out) >= limit || (len(out) > 0 && size >= maxBytes) }
	// add lists the entry at pool key k unless the check state removed it
	// (expired, evicted); false once the page is full.
	add := func(k []byte) (bool, error) {
		if full() {
			return false, nil
		}
		if v, written := c.b.Own(k); written && v == nil {
			return true, nil
		}
		if len(k) != 1+PoolCursorSize {
			return false, fmt.Errorf("%w: pool key %x", ErrCorrupt, k)
		}
		h := common.BytesToHash(k[9:])
		r, ok, err := c.st.Tx(h)
		if err != nil || !ok {
			return false, errors.Join(err, fmt.Errorf("%w: pool entry %s without a record", ErrCorrupt, h))
		}
		out = append(out, PoolEntry{Hash: h, Pending: binary.BigEndian.Uint64(k[1:]) > c.height, Envelope: r.Envelope})
		size += len(r.Envelope.Ciphertext)
		next = hex.EncodeToString(k[1:])
		return true, nil
	}
	// The committed pool from the store (every key of slot ≤ height), then
	// the pending keys (slot height+1, after all of them).
	var bad error
	if err := a.store.ScanCommitted([]byte{prefixPool}, from, func(k []byte) bool {
		more, err := add(k)
		bad = err
		return more
	}); err != nil {
		return nil, "", err
	}
	if bad != nil {
		return nil, "", bad
	}
	i, _ := slices.BinarySearch(c.pool, string(from))
	for _, k := range c.pool[i:] {
		more, err := add([]byte(k))
		if err != nil {
			return nil, "", err
		}
		if !more {
			break
		}
	}
	return out, next, nil
}

// RejectionOf is the admission rule CheckTx refused a transaction for, from
// the code, data (the field) and log of its answer as CometBFT's broadcast
// returns them (nil if it accepted it): its code, field and message, as
// the API reports them. A number this version does not know is bad_tx.
func RejectionOf(code uint32, data []byte, log string) *mempool.Rejection {
	if code == abci.CodeTypeOK {
		return nil
	}
	c := mempool.Code(code)
	if !c.Known() {
		c = mempool.CodeBadTx
	}
	return &mempool.Rejection{Code: c, Field: string(data), Err: errors.New(log)}
}

// recheckDrops remembers, by envelope hash, the pending envelopes this
// node's mempool dropped when a commit made them fail a rule (an
// activation, expiry): never queued, never charged, and gone from the
// check state, they would otherwise be unknown to GET
// /v1/transactions/{hash}, and a wallet could not tell what became of
// them. FIFO-bounded by count (each entry about 60 bytes).
type recheckDrops struct {
	mu    sync.Mutex
	code  map[common.Hash]mempool.Code
	order []common.Hash
}

// maxRecheckDrops bounds recheckDrops: about 1 MiB.
const maxRecheckDrops = 16 << 10

// noteRecheckDrop records that the pending tx failed its recheck with
// code, if it is an envelope this node verified (the only kind a wallet
// asks about by hash).
func (a *App) noteRecheckDrop(tx []byte, code mempool.Code) {
	if len(tx) == 0 || tx[0] != TxEnvelope {
		return
	}
	c, ok := a.verified.get(sha256.Sum256(tx)).(*mempool.Checked)
	if !ok {
		return
	}
	r := &a.recheck
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.code == nil {
		r.code = make(map[common.Hash]mempool.Code)
	}
	if _, ok := r.code[c.Hash]; !ok {
		r.order = append(r.order, c.Hash)
	}
	r.code[c.Hash] = code
	for len(r.order) > maxRecheckDrops {
		delete(r.code, r.order[0])
		r.order = r.order[1:]
	}
}

// RecheckDropped is the rule a pending envelope failed when this node's
// mempool dropped it on recheck; ok is false if it did not.
func (a *App) RecheckDropped(h common.Hash) (mempool.Code, bool) {
	r := &a.recheck
	r.mu.Lock()
	defer r.mu.Unlock()
	code, ok := r.code[h]
	return code, ok
}
