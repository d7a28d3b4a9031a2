package node

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"

	"github.com/veil-sequencer/veil/chain"
	"github.com/veil-sequencer/veil/contracts"
	"github.com/veil-sequencer/veil/eon"
	"github.com/veil-sequencer/veil/keyfile"
	"github.com/veil-sequencer/veil/keyper"
	"github.com/veil-sequencer/veil/proposer"
	"github.com/veil-sequencer/veil/threshold"
)

// Eon handovers on the keyper's side (protocol §10). A node holds a share
// of every eon it is keyper of: the one it was started with, and each one
// a DKG on chain dealt it, kept in <data>/eon-<chain>-<eon>.share (0600,
// the keyfile format) before the DKG's secrets are removed, and loaded
// again at start. It releases for a slot's bundle under the eon the slot
// is in and for a bid key under the next slot's, so across an activation
// the old committee still releases for the bundles committed before it.
//
// The active committee signs the next eon's EonKey statement as it signs a
// batch header: each keyper releases its share of the statement's signing
// identity, for the digest the chain computed (never one a peer sends),
// and t shares combine into σ, which the proposer records. The shares
// travel as BatchShares whose index has statementBit set and names the
// new eon, so one can never be taken for a batch's. Once σ is on chain a
// node with an L1 poster registers the eon on L1 (registerEon): at once if
// its block recorded σ, else after postWait (and its stagger) L1 blocks.

// statementBit marks a BatchShare's index as an EonKey statement's: index
// = statementBit | the new eon.
const statementBit = uint64(1) << 63

// maxSigners bounds the batch signers kept, one per eon: an activation
// needs two.
const maxSigners = 3

// shareOf is this node's share of eon e, nil if it is no keyper of it.
func (k *Keyper) shareOf(e uint64) *eon.Share {
	k.smu.RLock()
	defer k.smu.RUnlock()
	return k.shares[e]
}

// index is this node's keyper index in the latest eon it holds a share
// of (0: none).
func (k *Keyper) index() int {
	k.smu.RLock()
	defer k.smu.RUnlock()
	var best *eon.Share
	for _, s := range k.shares {
		if best == nil || s.Eon.Eon > best.Eon.Eon {
			best = s
		}
	}
	if best == nil {
		return 0
	}
	return best.Index
}

// Eons lists the eons this node holds a share of.
func (k *Keyper) Eons() []uint64 {
	k.smu.RLock()
	defer k.smu.RUnlock()
	out := make([]uint64, 0, len(k.shares))
	for e := range k.shares {
		out = append(out, e)
	}
	slices.Sort(out)
	return out
}

// addShare makes this node keyper of share's eon from now on.
func (k *Keyper) addShare(share *eon.Share) error {
	if err := share.Check(); err != nil {
		return err
	}
	k.smu.Lock()
	if _, ok := k.shares[share.Eon.Eon]; ok {
		k.smu.Unlock()
		return nil
	}
	k.shares[share.Eon.Eon] = share
	k.smu.Unlock()
	k.mu.Lock()
	err := k.core.AddEon(share)
	k.mu.Unlock()
	if err != nil {
		return err
	}
	k.log.Info("keyper of a new eon", "eon", share.Eon.Eon, "index", share.Index, "of", len(share.Eon.Keypers), "threshold", share.Eon.Threshold)
	return nil
}

// shareFile is where this node keeps its share of eon e of chain chainID.
func shareFile(dir string, chainID, e uint64) string {
	return filepath.Join(dir, fmt.Sprintf("eon-%d-%d.share", chainID, e))
}

// loadShares takes up the shares earlier DKGs dealt this node, kept in
// dir; one that does not read is logged and skipped (the node then
// releases nothing for that eon, which its peers name as silence).
func (k *Keyper) loadShares(dir string) {
	files, _ := filepath.Glob(filepath.Join(dir, fmt.Sprintf("eon-%d-*.share", k.domain.ChainID)))
	for _, f := range files {
		share, err := keyfile.Read(f)
		if err == nil && share.Eon.ChainID != k.domain.ChainID {
			err = fmt.Errorf("a share of chain %d", share.Eon.ChainID)
		}
		if err == nil {
			err = k.addShare(share)
		}
		if err != nil {
			k.log.Error("an eon share kept from a DKG does not load", "file", f, "err", err)
		}
	}
}

// keepShare writes this node's share of a dealt eon where loadShares finds
// it, before the DKG's secrets are removed.
func (k *Keyper) keepShare(dir string, share *eon.Share) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	return keyfile.Write(shareFile(dir, k.domain.ChainID, share.Eon.Eon), share)
}

// signerFor is the batch signer of eon e, made on first use from this
// node's share of it. Holds b.mu.
func (b *batcher) signerFor(e uint64) (*keyper.BatchSigner, error) {
	if s := b.signers[e]; s != nil {
		return s, nil
	}
	share := b.k.shareOf(e)
	if share == nil {
		return nil, fmt.Errorf("%w: eon %d", keyper.ErrForeign, e)
	}
	s, err := keyper.NewBatchSigner(share.Eon, b.k.domain, b.next)
	if err != nil {
		return nil, err
	}
	if b.signers == nil {
		b.signers = map[uint64]*keyper.BatchSigner{}
	}
	b.signers[e] = s
	for len(b.signers) > maxSigners {
		delete(b.signers, slices.Min(slices.Collect(maps.Keys(b.signers))))
	}
	return s, nil
}

// eonSigning is the next eon's key statement this node signs: the due
// statement, its own share (sent until σ is on chain), and σ once t
// shares combined.
type eonSigning struct {
	due    proposer.EonDue
	signer *keyper.BatchSigner
	share  []byte
	sentAt time.Time
	sigma  *threshold.IdentityKey
	// For registering it on L1 once σ is on chain:
	seen       uint64 // the L1 head when this node first saw σ recorded (0: not yet)
	registered bool   // on L1, or sent by this node
}

// signEon signs the statement the chain waits for, if this node is keyper
// of its signing eon; it forgets one the chain no longer waits for.
func (b *batcher) signEon(st *chain.State) error {
	due, err := st.EonDue()
	if err != nil {
		return err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	cur := b.eonSig
	if cur != nil && (due == nil || *due != cur.due) {
		if due == nil && cur.sigma != nil {
			return nil // σ recorded: kept for registering on L1
		}
		cur = nil
	}
	if due == nil {
		b.eonSig = cur
		return nil
	}
	share := b.k.shareOf(due.Signer)
	if share == nil {
		b.eonSig = nil
		return nil
	}
	if cur == nil {
		signer, err := keyper.NewBatchSigner(share.Eon, b.k.domain, statementBit|due.Eon)
		if err != nil {
			return err
		}
		cur = &eonSigning{due: *due, signer: signer}
		b.eonSig = cur
	}
	if cur.share == nil {
		mine, err := keyper.SignBatch(share, b.k.domain, b.k.signer, statementBit|due.Eon, due.Digest)
		if err != nil {
			return fmt.Errorf("node: signing eon %d's key: %w", due.Eon, err)
		}
		cur.share, cur.sentAt = mine.Encode(), time.Now()
		sigma, faults, err := cur.signer.Want(statementBit|due.Eon, due.Digest)
		if err == nil && sigma == nil {
			var f *keyper.BatchFault
			if sigma, f, err = cur.signer.Receive(mine); f != nil {
				faults = append(faults, *f)
			}
		}
		for _, f := range faults {
			b.fault(f)
		}
		if err != nil {
			return fmt.Errorf("node: eon %d's key statement: %w", due.Eon, err)
		}
		b.k.log.Info("eon key statement signed", "eon", due.Eon, "signer", due.Signer, "digest", due.Digest)
		b.eonCombined(cur, sigma)
		b.broadcast(statementBit|due.Eon, cur.share)
		return nil
	}
	if time.Since(cur.sentAt) >= batchResend && cur.sigma == nil {
		cur.sentAt = time.Now()
		b.broadcast(statementBit|due.Eon, cur.share)
	}
	return nil
}

// eonCombined keeps σ once combined. Holds b.mu.
func (b *batcher) eonCombined(cur *eonSigning, sigma *threshold.IdentityKey) {
	if sigma != nil && cur.sigma == nil {
		cur.sigma = sigma
		b.k.log.Info("eon key statement's signature combined", "eon", cur.due.Eon)
	}
}

// receiveEonShare takes a peer's share of the statement being signed; one
// for any other statement is dropped (nobody blamed: it may be late or
// early).
func (b *batcher) receiveEonShare(m *keyper.BatchShare) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	cur := b.eonSig
	if cur == nil || m.Index != statementBit|cur.due.Eon || m.Eon != cur.due.Signer {
		return 0, nil
	}
	sigma, f, err := cur.signer.Receive(m)
	if f != nil {
		b.fault(*f)
	}
	if err != nil {
		return 0, err
	}
	b.eonCombined(cur, sigma)
	if f != nil {
		return 1, nil
	}
	return 0, nil
}

// EonSignature gives the proposer the active committee's σ of the due
// statement as this node combined it (chain.EonSigSource): it never waits.
func (k *Keyper) EonSignature(_ context.Context, due *proposer.EonDue) (*threshold.IdentityKey, bool) {
	b := k.batches
	b.mu.Lock()
	defer b.mu.Unlock()
	if cur := b.eonSig; cur != nil && cur.due == *due && cur.sigma != nil {
		return cur.sigma, true
	}
	return nil, false
}

// registerEon registers on L1 the dealt eon whose σ the chain recorded,
// unless L1 has it (protocol §10): at once if this node proposed the block
// that recorded σ, else postWait (and its stagger) L1 blocks after it saw
// σ, and only once the signing eon is the one in charge on L1 (the
// registry checks σ under that eon's key).
func (b *batcher) registerEon(ctx context.Context, st *chain.State) error {
	d, ok, err := st.CurrentDKG()
	if err != nil || !ok {
		return err
	}
	stmt, ok, err := st.EonStatementOf(d.Eon)
	if err != nil || !ok || stmt.Sigma == nil {
		return err
	}
	if a, ok, err := st.LastActivation(); err != nil || (ok && a.Eon >= d.Eon) {
		return err // fixed: L1 has it
	}
	l1, err := st.L1()
	if err != nil || l1 == nil {
		return err
	}
	b.mu.Lock()
	cur := b.eonSig
	if cur == nil || cur.due.Eon != d.Eon {
		// Restarted after σ was recorded: the statement is on chain.
		active, err := st.ActiveEon()
		if err != nil {
			b.mu.Unlock()
			return err
		}
		cur = &eonSigning{due: proposer.EonDue{Eon: d.Eon, Signer: active, Digest: stmt.Digest}, sigma: stmt.Sigma}
		b.eonSig = cur
	}
	registered, seen, busy := cur.registered, cur.seen, b.busy
	b.mu.Unlock()
	if registered || busy {
		return nil
	}
	head, err := b.l1Head(ctx)
	if err != nil {
		return err
	}
	ours := bytes.Equal(b.proposer(stmt.Recorded), b.self)
	if seen == 0 {
		b.mu.Lock()
		cur.seen = head
		b.mu.Unlock()
		seen = head
	}
	if !ours && head < seen+postWait+postStagger*uint64(max(b.k.index()-1, 0)) {
		return nil
	}
	reg, err := contracts.NewSequencerRegistry(l1.Contracts.SequencerRegistry, b.l1.client)
	if err != nil {
		return err
	}
	call := &bind.CallOpts{Context: ctx}
	if key, err := reg.EonKey(call, d.Eon); err != nil {
		return fmt.Errorf("node: reading eon %d on L1: %w", d.Eon, err)
	} else if len(key.PublicKey) > 0 {
		b.mu.Lock()
		cur.registered = true
		b.mu.Unlock()
		return nil
	}
	if inCharge, err := b.l1.inbox.EonInCharge(call); err != nil {
		return fmt.Errorf("node: reading the eon in charge on L1: %w", err)
	} else if inCharge != cur.due.Signer {
		b.k.log.Info("eon key statement waits: L1 checks it under the eon in charge", "eon", d.Eon, "signer", cur.due.Signer, "inCharge", inCharge)
		return nil
	}
	out, ok, err := st.DKGOutcome(d.Eon)
	if err != nil || !ok || out.Eon == nil {
		return err
	}
	keys := make([][32]byte, len(d.Members))
	for i, m := range d.Members {
		keys[i] = m.CometPubKey
	}
	members, err := contracts.Members(out.Eon, keys)
	if err != nil {
		return err
	}
	opts, err := bind.NewKeyedTransactorWithChainID(b.l1.poster.Key, new(big.Int).SetUint64(l1.ChainID))
	if err != nil {
		return err
	}
	opts.Context = ctx
	b.mu.Lock()
	b.busy = true // the poster's account sends one transaction at a time
	b.mu.Unlock()
	b.k.spawn(func() {
		defer func() {
			b.mu.Lock()
			b.busy = false
			b.mu.Unlock()
		}()
		if err := b.sendEon(ctx, reg, opts, cur, d.Eon, out.Eon.PublicKey.EIP2537(), members, stmt.Sigma.EIP2537()); err != nil && ctx.Err() == nil {
			b.k.log.Warn("registering the next eon on L1", "eon", d.Eon, "err", err)
		}
	})
	return nil
}

// sendEon is registerEon's L1 transaction, waited for.
func (b *batcher) sendEon(ctx context.Context, reg *contracts.SequencerRegistry, opts *bind.TransactOpts, cur *eonSigning,
	number uint64, key []byte, members []contracts.StatementsMember, sigma []byte) error {
	tx, err := reg.RegisterEon(opts, number, key, members, sigma)
	if err != nil {
		b.registrations.WithLabelValues(postFailed).Inc()
		return fmt.Errorf("node: registering eon %d on L1: %w", number, err)
	}
	wait, cancel := context.WithTimeout(ctx, registerWait)
	defer cancel()
	rcpt, err := bind.WaitMined(wait, b.l1.client, tx)
	switch {
	case err != nil:
		b.registrations.WithLabelValues(postFailed).Inc()
		return fmt.Errorf("node: registering eon %d on L1: %w", number, err)
	case rcpt.Status != 1:
		b.registrations.WithLabelValues(postReverted).Inc()
		b.mu.Lock()
		cur.seen = 0 // count again: another node's may have landed first
		b.mu.Unlock()
		return fmt.Errorf("node: registering eon %d on L1: reverted in L1 block %d", number, rcpt.BlockNumber)
	}
	b.registrations.WithLabelValues(postPosted).Inc()
	b.mu.Lock()
	cur.registered = true
	b.mu.Unlock()
	b.k.log.Info("eon registered on L1", "eon", number, "l1Block", rcpt.BlockNumber, "tx", tx.Hash(), "signer", cur.due.Signer)
	return nil
}

// registerWait bounds how long a node waits for its registerEon to land.
const registerWait = 2 * time.Minute
