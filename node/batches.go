package node

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto/kzg4844"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/veil-sequencer/veil/api"
	"github.com/veil-sequencer/veil/batch"
	"github.com/veil-sequencer/veil/chain"
	"github.com/veil-sequencer/veil/client"
	"github.com/veil-sequencer/veil/contracts"
	"github.com/veil-sequencer/veil/decrypt"
	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/keyper"
	"github.com/veil-sequencer/veil/mempool"
	"github.com/veil-sequencer/veil/poster"
	"github.com/veil-sequencer/veil/threshold"
)

// Batches (protocol §9). Each keyper builds a fixed batch's data itself,
// from the chain's records and its own decryptions, signs the header it
// computes with its share of the eon key and sends the share to its peers
// (POST /v1/p2p/batchshares); t shares of one header combine into σ, which
// a proposer records (chain.BatchSigSource). The node whose block recorded
// σ then posts the batch to L1; any node with a poster key posts it too if
// L1 has not accepted it postWait L1 blocks after that node saw σ
// recorded. The batcher is that loop, one goroutine per keyper woken by
// each committed block and by a ticker: nothing of it runs on consensus's
// path.

const (
	// batchKeep bounds the batches a keyper holds built: each is at most
	// one blob transaction (6 blobs, 768 KiB) and its data. A batch
	// dropped is built again from the chain if this node must post it.
	batchKeep = keyper.BatchWindow
	// batchResend is how often a keyper sends its share again until σ is
	// on chain: a peer that was down when it was first sent needs it.
	batchResend = 3 * time.Second
	// batchTick wakes the loop between blocks, for resends and posting.
	batchTick = time.Second
	// postWait is how many L1 blocks after seeing σ recorded a node posts
	// a batch L1 has not accepted, whoever was to post it; keyper k waits
	// postStagger·(k−1) blocks more, so that the nodes stepping in do not
	// all send at once (each checks BatchInbox first).
	postWait    = 5
	postStagger = 2
	// proposersKeep is how many recent blocks' proposers are remembered,
	// to tell whether this node recorded a σ.
	proposersKeep = 256
	// settledKeep bounds the batches remembered as posted, or as not
	// postable by this node, while L1's acceptance is not applied.
	settledKeep = 64
)

// ErrNoBatches answers POST /v1/p2p/batchshares on a keyper whose network
// has no L1: it signs no batches.
var ErrNoBatches = errors.New("node: this network has no L1: its keypers sign no batches")

// Results of posting a batch (veil_batch_posts_total's result).
const (
	postPosted   = "posted"        // landed and accepted
	postReverted = "reverted"      // landed and failed: another copy was first
	postFailed   = "failed"        // not sent, or not landed (L1 unreachable, refused, …)
	postTaken    = "already_on_l1" // L1 took the index before this node sent it
)

// Why a batch share was refused (veil_batch_share_faults_total's reason).
const (
	faultOtherHeader = "other_header" // its keyper signed another header
	faultBadShare    = "bad_share"
	faultTwoHeaders  = "two_headers"
)

// batcher is a keyper's part in batches: see the comment above.
type batcher struct {
	k      *Keyper
	wake   chan struct{}
	faults *prometheus.CounterVec
	posts  *prometheus.CounterVec
	// statementPosts counts this node's registry transactions (registerEon,
	// slash) by result.
	statementPosts *prometheus.CounterVec

	// Test hooks, set before start: alter changes a batch's slots before
	// they are built (a keyper that builds other data than its peers);
	// onBuilt sees every batch built; fees prices posts (poster.Fees).
	alter   func(index uint64, slots []batch.Slot) []batch.Slot
	onBuilt func(index uint64, b *batch.Built)
	fees    func(ctx context.Context, attempt int) (poster.Fees, error)

	archive string       // a directory this node keeps its batches' blobs in ("" none; set by start)
	self    []byte       // this node's CometBFT validator address (set by start)
	l1      *batchPoster // nil: this node does not post (set by start)

	head   uint64    // L1's, read by the loop at most every batchTick
	headAt time.Time // when head was read

	pmu       sync.Mutex
	proposers map[uint64][]byte // by height, the last proposersKeep blocks'

	bmu   sync.Mutex
	board map[uint64]*batchSig // what the proposer is given, by batch

	mu         sync.Mutex                     // guards the fields below; held over one share's verification (a pairing), never over building or I/O
	started    bool                           // start ran
	signers    map[uint64]*keyper.BatchSigner // by eon, for the eons this node holds a share of (signerFor)
	statements map[uint64]*statementSigning   // statements being signed, by share index (node/eons.go)
	onL1       map[uint64]*statementPost      // signed statements on their way to L1, by share index
	next       uint64                         // the lowest batch not signed on chain, as last read
	built      map[uint64]*builtBatch
	settled    map[uint64]bool   // posted, or not postable by this node
	unheld     map[uint64]uint64 // signed batches not held, by the L1 head when first seen so
	busy       bool              // a post in flight
	broken     uint64            // 1 + the index of a batch whose data cannot be built (batch.Build refused it)
}

// batchSig is this node's dataHash of a batch and σ once combined.
type batchSig struct {
	dataHash common.Hash
	sigma    *threshold.IdentityKey
}

// builtBatch is a batch this node built: to sign, then to post.
type builtBatch struct {
	fixed  batch.Fixed
	parent common.Hash
	built  *batch.Built
	share  []byte    // this keyper's BatchShare, sent until σ is on chain (nil if built to post)
	sentAt time.Time // when share was last sent
	// Once σ is on chain:
	recorded bool
	ours     bool   // this node proposed the block that recorded σ
	counting bool   // from is set
	from     uint64 // the L1 head postWait counts from
	posting  bool
}

// batchPoster is how a node posts batches: its L1 client and the account
// that pays.
type batchPoster struct {
	client *ethclient.Client
	inbox  *contracts.BatchInbox
	poster *poster.Poster
}

// newBatchPoster posts to the inbox at addr from key's account through
// client (the node's L1 reader's).
func newBatchPoster(client *ethclient.Client, key *ecdsa.PrivateKey, addr common.Address, log *slog.Logger) (*batchPoster, error) {
	inbox, err := contracts.NewBatchInbox(addr, client)
	if err != nil {
		return nil, fmt.Errorf("node: BatchInbox: %w", err)
	}
	return &batchPoster{client: client, inbox: inbox, poster: &poster.Poster{L1: client, Key: key, Inbox: addr, Log: log}}, nil
}

func newBatcher(k *Keyper) *batcher {
	b := &batcher{k: k, wake: make(chan struct{}, 1), proposers: make(map[uint64][]byte), board: make(map[uint64]*batchSig),
		built: make(map[uint64]*builtBatch), settled: make(map[uint64]bool), unheld: make(map[uint64]uint64),
		faults: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "veil_batch_share_faults_total",
			Help: "Batch signature shares refused, by the keyper that signed them and why: other_header (it signed another header), bad_share, two_headers."},
			[]string{"keyper", "reason"}),
		posts: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "veil_batch_posts_total",
			Help: "Batches this node tried to post to L1, by result: posted, reverted, failed, already_on_l1."}, []string{"result"}),
		statementPosts: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "veil_statement_posts_total",
			Help: "Committee statements this node sent to SequencerRegistry (registerEon, slash), by result: posted, reverted, failed."}, []string{"result"})}
	// At 0 from the start (node/metrics.go); the faults' series are per
	// keyper, created with each eon (Keyper.labelKeypers).
	for _, r := range []string{postPosted, postReverted, postFailed, postTaken} {
		b.posts.WithLabelValues(r)
	}
	for _, r := range []string{postPosted, postReverted, postFailed} {
		b.statementPosts.WithLabelValues(r)
	}
	return b
}

// startBatches makes the keyper sign its network's batches, and post them
// through l1 if not nil; self is its validator's CometBFT address.
func (k *Keyper) startBatches(self []byte, l1 *batchPoster, archive string) error {
	b := k.batches
	if l1 != nil && b.fees != nil {
		l1.poster.Fees = b.fees
	}
	b.mu.Lock()
	b.started, b.self, b.l1, b.archive = true, self, l1, archive
	b.mu.Unlock()
	k.spawnLoop(b.run)
	return nil
}

// committed notes block height's proposer and wakes the loop.
func (b *batcher) committed(height uint64, proposer []byte) {
	b.pmu.Lock()
	b.proposers[height] = bytes.Clone(proposer)
	if len(b.proposers) > proposersKeep {
		for h := range b.proposers {
			if h+proposersKeep <= height {
				delete(b.proposers, h)
			}
		}
	}
	b.pmu.Unlock()
	select {
	case b.wake <- struct{}{}:
	default:
	}
}

func (b *batcher) proposer(height uint64) []byte {
	b.pmu.Lock()
	defer b.pmu.Unlock()
	return b.proposers[height]
}

func (b *batcher) run(ctx context.Context) {
	// The KZG setup loads on first use, seconds on a small machine: now,
	// rather than when the first batch is due.
	_, _ = kzg4844.BlobToCommitment(new(kzg4844.Blob))
	tick := time.NewTicker(batchTick)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-b.wake:
		case <-tick.C:
		}
		b.step(ctx)
	}
}

// step reads the committed state and does what it asks: sign the batch
// due, resend this keyper's share, post what is this node's to post.
func (b *batcher) step(ctx context.Context) {
	c := b.k.chain.Load()
	if c == nil {
		return
	}
	st := chain.NewState(c.Begin(), b.k.domain)
	next, err := st.NextUnsignedBatch()
	if err != nil {
		b.k.log.Error("reading batches", "err", err)
		return
	}
	b.signed(next)
	if err := b.signDue(ctx, st); err != nil && ctx.Err() == nil {
		b.k.log.Warn("signing a batch", "err", err)
	}
	if err := b.signStatements(st); err != nil && ctx.Err() == nil {
		b.k.log.Warn("signing a statement", "err", err)
	}
	b.resend()
	if b.l1 != nil {
		if err := b.postStatements(ctx, st); err != nil && ctx.Err() == nil {
			b.k.log.Warn("sending a statement to L1", "err", err)
		}
		if err := b.post(ctx, st, next); err != nil && ctx.Err() == nil {
			b.k.log.Warn("posting batches", "err", err)
		}
	}
}

// signed forgets what batches below next needed for signing: their σ is
// on chain.
func (b *batcher) signed(next uint64) {
	b.mu.Lock()
	b.next = max(b.next, next)
	for _, s := range b.signers {
		s.Signed(b.next)
	}
	if b.l1 == nil { // nothing to post
		for i := range b.built {
			if i < b.next {
				delete(b.built, i)
			}
		}
	}
	b.mu.Unlock()
	b.bmu.Lock()
	for i := range b.board {
		if i < next {
			delete(b.board, i)
		}
	}
	b.bmu.Unlock()
}

// signDue builds the batch the chain waits for, if this node has not, and
// signs the header it makes: its share goes to its own signer and to
// every peer.
func (b *batcher) signDue(ctx context.Context, st *chain.State) error {
	due, err := st.BatchDue(b.k.domain)
	if err != nil || due == nil {
		return err
	}
	i := due.Fixed.Index
	share := b.k.shareOf(due.Fixed.Eon)
	if share == nil {
		return nil // another eon's committee signs it
	}
	b.mu.Lock()
	_, have := b.built[i]
	skip := have || b.broken == i+1
	b.mu.Unlock()
	if skip {
		return nil
	}
	built, err := b.build(ctx, st, due.Fixed)
	if err != nil {
		return err
	}
	digest := due.Digest(built.DataHash)
	mine, err := keyper.SignBatch(share, b.k.domain, b.k.signer, i, digest)
	if err != nil {
		return fmt.Errorf("node: signing batch %d: %w", i, err)
	}
	e := &builtBatch{fixed: due.Fixed, parent: due.Parent, built: built, share: mine.Encode(), sentAt: time.Now()}
	b.bmu.Lock()
	b.board[i] = &batchSig{dataHash: built.DataHash}
	b.bmu.Unlock()
	b.mu.Lock()
	b.keep(i, e)
	signer, err := b.signerFor(due.Fixed.Eon)
	if err != nil {
		b.mu.Unlock()
		return err
	}
	sigma, err := b.wantOwn(signer, i, digest, mine)
	b.mu.Unlock()
	if err != nil {
		return fmt.Errorf("node: batch %d: %w", i, err)
	}
	b.k.log.Info("batch built and signed", "batch", i, "slots", fmt.Sprintf("%d…%d", due.Fixed.FirstSlot, due.Fixed.LastSlot),
		"bytes", len(built.Data), "blobs", len(built.Blobs), "dataHash", built.DataHash, "digest", digest)
	b.combined(i, sigma)
	b.broadcast(i, e.share)
	return nil
}

// build builds batch f.Index's data from the chain and this keyper's
// decryptions.
func (b *batcher) build(ctx context.Context, st *chain.State, f batch.Fixed) (*batch.Built, error) {
	if f.LastSlot < f.FirstSlot {
		return nil, fmt.Errorf("%w: batch %d has slots %d…%d", chain.ErrCorrupt, f.Index, f.FirstSlot, f.LastSlot)
	}
	slots := make([]batch.Slot, 0, f.LastSlot-f.FirstSlot+1)
	for s := f.FirstSlot; s <= f.LastSlot; s++ {
		bs, err := batchSlot(ctx, st, s, b.k.batchReveal)
		if err != nil {
			return nil, fmt.Errorf("node: batch %d: %w", f.Index, err)
		}
		slots = append(slots, bs)
	}
	if b.alter != nil {
		slots = b.alter(f.Index, slots)
	}
	built, err := batch.Build(slots)
	if err != nil {
		// The same slots always fail alike: not tried again.
		b.mu.Lock()
		b.broken = f.Index + 1
		b.mu.Unlock()
		return nil, fmt.Errorf("node: batch %d cannot be built: %w", f.Index, err)
	}
	if b.archive != "" {
		// Kept for readers of L1 alone (veil follow --l1): L1 nodes do
		// not serve the blobs of included transactions.
		if err := client.DirArchive(b.archive).Put(built); err != nil {
			b.k.log.Warn("batch blobs not archived", "batch", f.Index, "dir", b.archive, "err", err)
		}
	}
	if b.onBuilt != nil {
		b.onBuilt(f.Index, built)
	}
	return built, nil
}

// batchReveal is slot's decrypted bundle: this keyper's, or decrypted from
// the keys on chain (after a restart, or before its own decryption ends).
func (k *Keyper) batchReveal(ctx context.Context, st *chain.State, slot uint64) (*Reveal, bool, error) {
	if r, ok := k.Reveal(slot); ok && r.Results != nil {
		return r, true, nil
	}
	return revealFromKeys(ctx, st, slot, decrypt.Bundle)
}

// keep holds e as batch i, dropping the highest other signed batch past
// batchKeep: L1 takes batches in order, so the lowest are posted first,
// and the batch being signed is kept for its resends. Holds b.mu.
func (b *batcher) keep(i uint64, e *builtBatch) {
	b.built[i] = e
	for len(b.built) > batchKeep {
		victim, found := uint64(0), false
		for j, o := range b.built {
			if j != i && j < b.next && !o.posting && (!found || j > victim) {
				victim, found = j, true
			}
		}
		if !found {
			return
		}
		delete(b.built, victim)
	}
}

// wantOwn sets this node's digest for index in signer, which judges the
// shares held for it, then adds this node's own share mine; faults found
// are counted and logged. It returns σ once t shares verify. Holds b.mu.
func (b *batcher) wantOwn(signer *keyper.BatchSigner, index uint64, digest common.Hash, mine *keyper.BatchShare) (*threshold.IdentityKey, error) {
	sigma, faults, err := signer.Want(index, digest)
	if err == nil && sigma == nil {
		var f *keyper.BatchFault
		if sigma, f, err = signer.Receive(mine); f != nil {
			faults = append(faults, *f)
		}
	}
	for _, f := range faults {
		b.fault(f)
	}
	return sigma, err
}

// fault counts and logs a keyper's bad share. Holds b.mu.
func (b *batcher) fault(f keyper.BatchFault) {
	reason := faultBadShare
	switch {
	case errors.Is(f.Err, keyper.ErrOtherHeader):
		reason = faultOtherHeader
	case errors.Is(f.Err, keyper.ErrTwoHeaders):
		reason = faultTwoHeaders
	}
	b.faults.WithLabelValues(strconv.FormatUint(f.Keyper, 10), reason).Inc()
	b.k.log.Warn("bad batch share", "from", f.Keyper, "batch", f.Index, "reason", reason, "err", f.Err)
}

// combined puts batch i's σ, once combined, where the proposer finds it.
func (b *batcher) combined(i uint64, sigma *threshold.IdentityKey) {
	if sigma == nil {
		return
	}
	b.bmu.Lock()
	defer b.bmu.Unlock()
	if s := b.board[i]; s != nil && s.sigma == nil {
		s.sigma = sigma
		b.k.log.Info("batch signature combined", "batch", i)
	}
}

// signature is batch i's dataHash and σ, once combined.
func (b *batcher) signature(i uint64) (common.Hash, *threshold.IdentityKey, bool) {
	b.bmu.Lock()
	defer b.bmu.Unlock()
	s := b.board[i]
	if s == nil || s.sigma == nil {
		return common.Hash{}, nil, false
	}
	return s.dataHash, s.sigma, true
}

// BatchSignature gives the proposer the committee's signature of batch
// index as this node combined it (chain.BatchSigSource): it never waits.
func (k *Keyper) BatchSignature(_ context.Context, index uint64) (common.Hash, *threshold.IdentityKey, bool) {
	return k.batches.signature(index)
}

// broadcast sends batch i's share to every peer once.
func (b *batcher) broadcast(i uint64, body []byte) {
	for _, p := range b.k.peers {
		b.k.spawn(func() { b.k.sendBatchShare(p, i, body) })
	}
}

// resend sends again each share not sent for batchResend whose σ is not
// on chain.
func (b *batcher) resend() {
	now := time.Now()
	type out struct {
		i    uint64
		body []byte
	}
	var due []out
	b.mu.Lock()
	for i, e := range b.built {
		if i >= b.next && e.share != nil && now.Sub(e.sentAt) >= batchResend {
			e.sentAt = now
			due = append(due, out{i, e.share})
		}
	}
	b.mu.Unlock()
	for _, o := range due {
		b.broadcast(o.i, o.body)
	}
}

// ReceiveBatchShare takes a peer's BatchShare (POST /v1/p2p/batchshares):
// a message refused whole is an error; a fault in a signed one is logged
// naming its keyper, counted, and returned as 1.
func (k *Keyper) ReceiveBatchShare(raw []byte) (int, error) {
	return k.batches.receive(raw)
}

func (b *batcher) receive(raw []byte) (int, error) {
	m, err := keyper.DecodeBatchShare(raw)
	if err != nil {
		return 0, err
	}
	if m.Index&statementBit != 0 {
		return b.receiveStatementShare(m)
	}
	b.mu.Lock()
	if !b.started {
		b.mu.Unlock()
		return 0, ErrNoBatches
	}
	if b.k.shareOf(m.Eon) == nil {
		b.mu.Unlock()
		return 0, nil // an eon this node is no keyper of (yet, or any more): its committee signs without it
	}
	signer, err := b.signerFor(m.Eon)
	if err != nil {
		b.mu.Unlock()
		return 0, err
	}
	next := b.next
	if m.Index < next {
		b.mu.Unlock()
		return 0, nil // signed on chain: nothing more to do with it
	}
	if m.Index >= next+keyper.BatchWindow {
		b.mu.Unlock()
		return 0, &mempool.Rejection{Code: mempool.CodeWrongSlot, Field: "index",
			Err: fmt.Errorf("batch %d: this node waits for batch %d's signature (at most %d ahead)", m.Index, next, keyper.BatchWindow-1)}
	}
	sigma, f, err := signer.Receive(m)
	if f != nil {
		b.fault(*f)
	}
	b.mu.Unlock()
	if err != nil {
		return 0, err
	}
	b.combined(m.Index, sigma)
	if f != nil {
		return 1, nil
	}
	return 0, nil
}

// ReceiveBatchShare answers POST /v1/p2p/batchshares.
func (b *Backend) ReceiveBatchShare(_ context.Context, raw []byte) (int, error) {
	if b.keyper == nil {
		return 0, fmt.Errorf("%w: %w", api.ErrNotFound, ErrNotKeyper)
	}
	n, err := b.keyper.ReceiveBatchShare(raw)
	if errors.Is(err, ErrNoBatches) {
		err = fmt.Errorf("%w: %w", api.ErrNotFound, err)
	}
	return n, err
}

// post posts the lowest batch signed on chain, not settled here, that is
// this node's to post: at once (once L1 takes its index) if this node's
// block recorded σ; else postWait (and its stagger) L1 blocks after it
// became the lowest batch the chain has not seen accepted, with σ
// recorded. Counting from then, not from σ, keeps the nodes stepping in
// from racing the batch's own poster when an earlier batch was late. A
// batch this node does not hold (it restarted, or dropped it) is built
// again once it is this node's to post by that rule: a node catching up
// sees the batches it replays accepted before then, and builds none.
func (b *batcher) post(ctx context.Context, st *chain.State, next uint64) error {
	accepted, err := st.NextAcceptedBatch()
	if err != nil {
		return err
	}
	b.mu.Lock()
	for i := range b.built {
		if i < accepted {
			delete(b.built, i)
		}
	}
	for i := range b.settled {
		if i < accepted || len(b.settled) > settledKeep {
			delete(b.settled, i)
		}
	}
	for i := range b.unheld {
		if i < accepted {
			delete(b.unheld, i)
		}
	}
	busy := b.busy
	b.mu.Unlock()
	if busy {
		return nil
	}
	wait := postWait + postStagger*uint64(max(b.k.index()-1, 0))
	for i := accepted; i < next && i < accepted+batchKeep; i++ {
		b.mu.Lock()
		e, settled, broken := b.built[i], b.settled[i], b.broken == i+1
		seen, waiting := b.unheld[i]
		b.mu.Unlock()
		if settled || broken {
			continue
		}
		sig, ok, err := st.BatchSignature(i)
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("%w: batch %d is below the next unsigned %d but has no signature", chain.ErrCorrupt, i, next)
		}
		if e == nil {
			if i != accepted {
				continue // not this node's to post yet
			}
			head, err := b.l1Head(ctx)
			if err != nil {
				return err
			}
			if !waiting {
				b.mu.Lock()
				b.unheld[i] = head
				b.mu.Unlock()
				continue
			}
			if head < seen+wait {
				continue
			}
			f, parent, err := fixedOf(st, b.k.domain, i)
			if err != nil {
				return err
			}
			built, err := b.build(ctx, st, f)
			if err != nil {
				return err
			}
			e = &builtBatch{fixed: f, parent: parent, built: built, recorded: true, counting: true, from: seen}
			b.mu.Lock()
			b.keep(i, e)
			delete(b.unheld, i)
			b.mu.Unlock()
		}
		header := batch.Header(e.fixed, e.parent, sig.DataHash)
		if sig.DataHash != e.built.DataHash || batch.Digest(b.k.domain, header) != sig.Digest {
			b.k.log.Warn("this node built other data for a signed batch: it cannot post it", "batch", i,
				"built", e.built.DataHash, "recorded", sig.DataHash)
			b.settle(i)
			continue
		}
		b.mu.Lock()
		if !e.recorded {
			e.recorded, e.ours = true, bytes.Equal(b.proposer(sig.Slot), b.self)
		}
		ours, counting, from := e.ours, e.counting, e.from
		b.mu.Unlock()
		if !ours {
			if i != accepted {
				continue
			}
			head, err := b.l1Head(ctx)
			if err != nil {
				return err
			}
			if !counting {
				b.mu.Lock()
				e.counting, e.from = true, head
				b.mu.Unlock()
				continue
			}
			if head < from+wait {
				continue
			}
		}
		b.mu.Lock()
		b.busy, e.posting = true, true
		b.mu.Unlock()
		sigma := sig.Sigma.EIP2537()
		b.k.spawn(func() { b.postOne(ctx, e, header, sigma) })
		return nil
	}
	return nil
}

// l1Head is L1's latest block number, read at most every batchTick.
func (b *batcher) l1Head(ctx context.Context) (uint64, error) {
	if time.Since(b.headAt) < batchTick {
		return b.head, nil
	}
	h, err := b.l1.client.BlockNumber(ctx)
	if err != nil {
		return 0, fmt.Errorf("node: L1 head: %w", err)
	}
	b.head, b.headAt = h, time.Now()
	return h, nil
}

// fixedOf is batch i's fixed header fields and parent as the chain has
// them once i is signed (what chain.State.BatchDue gave while it was due).
func fixedOf(st *chain.State, domain eip712.Domain, i uint64) (batch.Fixed, common.Hash, error) {
	f, err := st.BatchFixed(domain, i)
	if err != nil {
		return batch.Fixed{}, common.Hash{}, err
	}
	if f == nil {
		return batch.Fixed{}, common.Hash{}, fmt.Errorf("%w: batch %d is signed but not fixed, or its parent not signed", chain.ErrCorrupt, i)
	}
	return f.Fixed, f.Parent, nil
}

// settle remembers that batch i needs nothing more from this node, and
// drops its data.
func (b *batcher) settle(i uint64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.settled[i] = true
	delete(b.built, i)
}

// postOne posts a batch unless L1 already took its index; one whose
// earlier batch is not on L1 yet waits for a later step. A failure starts
// the postWait count again.
func (b *batcher) postOne(ctx context.Context, e *builtBatch, h contracts.StatementsBatch, sigma []byte) {
	i := h.Index
	result := b.send(ctx, e, h, sigma)
	if result != "" {
		b.posts.WithLabelValues(result).Inc()
	}
	b.mu.Lock()
	b.busy, e.posting = false, false
	if result == postFailed || result == postReverted {
		e.ours, e.counting = false, false
	}
	b.mu.Unlock()
	if result == postPosted || result == postTaken {
		b.settle(i)
	}
}

// send is postOne's L1 part: its result, "" if nothing was tried.
func (b *batcher) send(ctx context.Context, e *builtBatch, h contracts.StatementsBatch, sigma []byte) string {
	i := h.Index
	onL1, err := b.l1.inbox.NextIndex(&bind.CallOpts{Context: ctx})
	switch {
	case ctx.Err() != nil:
		return ""
	case err != nil:
		b.k.log.Warn("posting a batch: reading BatchInbox", "batch", i, "err", err)
		return postFailed
	case onL1 > i:
		return postTaken
	case onL1 < i:
		return "" // batch onL1 first
	}
	res, err := b.l1.poster.Post(ctx, h, sigma, e.built)
	switch {
	case ctx.Err() != nil:
		return ""
	case errors.Is(err, poster.ErrReverted):
		b.k.log.Warn("posted batch reverted", "batch", i, "err", err)
		return postReverted
	case err != nil:
		b.k.log.Warn("posting a batch", "batch", i, "err", err)
		return postFailed
	}
	b.k.log.Info("batch on L1", "batch", i, "tx", res.Receipt.TxHash, "l1Block", res.Receipt.BlockNumber,
		"gas", res.Receipt.GasUsed, "blobGas", res.Receipt.BlobGasUsed, "attempts", res.Attempts)
	return postPosted
}
