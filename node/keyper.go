package node

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/veil-sequencer/veil/api"
	"github.com/veil-sequencer/veil/chain"
	"github.com/veil-sequencer/veil/decrypt"
	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/envelope"
	"github.com/veil-sequencer/veil/eon"
	"github.com/veil-sequencer/veil/keyper"
	"github.com/veil-sequencer/veil/threshold"
)

// Keyper is one node's part in the committee: when block s commits it
// releases its share of slot s+1's bid key (only if bids were committed for
// that slot), then its shares of the keys of bundle(s), and sends each to
// every peer's POST /v1/p2p/shares; it collects the shares peers send,
// gives the proposer combined keys, and decrypts each committed bundle as
// soon as its keys are whole. Shares are released only from a committed
// block (DESIGN §3), transaction-key shares only through
// keyper.ReleaseBundle.
type Keyper struct {
	share   *eon.Share
	signer  *ecdsa.PrivateKey
	domain  eip712.Domain
	peers   []string // API base URLs of the other nodes
	wait    time.Duration
	log     *slog.Logger
	client  *http.Client
	node    atomic.Pointer[chain.Node]
	sending sync.WaitGroup
	life    sync.Mutex // orders starting a release against Close
	closed  bool
	stop    chan struct{} // closed by Close: sends stop retrying

	mu        sync.Mutex
	collector *keyper.Collector
	faults    map[uint64]int // bad shares by keyper
	metric    *prometheus.CounterVec
	heard     map[uint64]map[uint64]bool // slot → keypers whose signed transaction shares for it arrived
	owed      map[uint64]bool            // slots with a bundle committed while this node was at the head
	silent    *prometheus.CounterVec
	dropped   *prometheus.CounterVec
	pending   map[uint64]map[uint64]*keyper.Message // transaction shares from keypers ahead of this node, by slot and keyper
	bundles   map[uint64]*reveal                    // committed bundles being collected or decrypted
	reveals   map[uint64]*Reveal                    // decrypted bundles, the last revealKeep slots within keyperRevealBytes
	revealed  int64                                 // bytes of reveals (revealBytes)
	timings   *prometheus.HistogramVec
	onReveal  func(*Reveal)
}

// revealKeep and keyperRevealBytes bound the decrypted bundles a keyper keeps in
// memory, in slots and in bytes (a bundle may be megabytes, so 512 of them
// alone did not bound it); older ones are decrypted again from the keys on
// chain when asked (node/flightcache.go caches those).
const (
	revealKeep        = 512
	keyperRevealBytes = 64 << 20
)

// silentAfter is how many slots after a bundle commits a keyper that sent
// no signed shares for it is named (honest ones retry for about 5 s);
// silentFresh is how recent the block must be for this node to judge: a
// node syncing old blocks missed what peers sent while it was behind, and
// names nobody for those.
const (
	silentAfter = 16
	silentFresh = 2 * time.Second
)

// pendingAhead bounds how far ahead of this node a peer's transaction
// shares are kept for later; pendingBehind keeps them for a slot this node
// committed a moment ago, whose release (which tells the collector what to
// expect) is still running.
const (
	pendingAhead  = 8
	pendingBehind = 4
)

// Reveal is a decrypted bundle: its envelopes' hashes, identities, keys and
// results, in bundle order, and how long each stage took on this node.
type Reveal struct {
	Slot       uint64
	Hashes     []common.Hash
	Identities []threshold.Identity
	Envelopes  []*envelope.Envelope
	Keys       []*threshold.IdentityKey
	Results    []decrypt.Result
	Stages     Stages
}

// Stages times a bundle from its commit to its plaintexts on one node.
type Stages struct {
	Shares  time.Duration // computing this keyper's shares
	Verify  time.Duration // verifying peers' shares (and its own)
	Combine time.Duration // combining t shares per identity
	Decrypt time.Duration // decrypting and judging every envelope
	Total   time.Duration // from the commit to the last plaintext
}

// reveal is a committed bundle on its way to a Reveal.
type reveal struct {
	Reveal
	committed time.Time
	started   bool // decryption launched
}

// NewKeyper runs keyper share.Index with its signing key; wait bounds how
// long a proposer waits for a bid key (DESIGN's shareWait).
func NewKeyper(share *eon.Share, signer *ecdsa.PrivateKey, domain eip712.Domain, peers []string, wait time.Duration, log *slog.Logger) (*Keyper, error) {
	c, err := keyper.NewCollector(share.Eon, domain, nil)
	if err != nil {
		return nil, err
	}
	if log == nil {
		log = slog.Default()
	}
	return &Keyper{share: share, signer: signer, domain: domain, peers: peers, wait: wait, log: log.With("keyper", share.Index),
		client: &http.Client{Timeout: 2 * time.Second}, collector: c, faults: make(map[uint64]int), stop: make(chan struct{}),
		metric: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "veil_share_faults_total",
			Help: "Key shares that failed verification, by the keyper that signed them."}, []string{"keyper"}),
		silent: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "veil_shares_missing_total",
			Help: "Committed bundles a keyper sent no signed shares for, by keyper."}, []string{"keyper"}),
		dropped: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "veil_share_messages_dropped_total",
			Help: "Signed share messages not verified because their keyper sent bad shares for the slot before, by keyper."}, []string{"keyper"}),
		heard: make(map[uint64]map[uint64]bool), owed: make(map[uint64]bool),
		pending: make(map[uint64]map[uint64]*keyper.Message), bundles: make(map[uint64]*reveal), reveals: make(map[uint64]*Reveal),
		timings: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "veil_decryption_seconds",
			Help:    "Time per committed bundle on this node, by stage: shares, verify, combine, decrypt, total (commit to plaintexts).",
			Buckets: prometheus.ExponentialBuckets(0.001, 2, 14)}, []string{"stage"})}, nil
}

// Metrics are the keyper's collectors for the node's /metrics.
func (k *Keyper) Metrics() []prometheus.Collector {
	return []prometheus.Collector{k.metric, k.silent, k.dropped, k.timings}
}

// Attach connects the keyper to its validator, whose committed state says
// which slots have bids, and releases for the slot after the committed
// height: what this keyper collected and sent before a restart is gone, and
// without it a slot with bids could not close.
func (k *Keyper) Attach(n *chain.Node) {
	k.node.Store(n)
	k.Committed(n.Store.Height(), time.Time{})
}

// Committed is called after block height commits, with its header time: it
// releases the bid-key share of slot height+1 if bids were committed for
// it, in the background (the commit path does not wait for the curve
// arithmetic or the peers).
func (k *Keyper) Committed(height uint64, blockTime time.Time) {
	n := k.node.Load()
	if n == nil {
		return
	}
	fresh := time.Since(blockTime) < silentFresh
	k.spawn(func() { k.release(n, height, fresh) })
}

// spawn runs f in the background unless the keyper is closed; Close waits
// for it. (A WaitGroup's Add must not race its Wait.)
func (k *Keyper) spawn(f func()) {
	k.life.Lock()
	defer k.life.Unlock()
	if !k.closed {
		k.sending.Go(f)
	}
}

func (k *Keyper) release(n *chain.Node, height uint64, fresh bool) {
	committed := time.Now()
	k.mu.Lock()
	k.collector.Forget(threshold.BidIdentity(k.share.Eon.ChainID, height)) // slot height is decided
	k.judgeSilent(height)
	k.mu.Unlock()
	k.releaseBidKey(n, height+1)
	k.releaseBundle(n, height, committed, fresh)
}

// judgeSilent names, for each bundle committed silentAfter slots before
// height while this node was at the head, every keyper that sent no signed
// shares for it. (Shares that fail verification are faults, counted
// apart; here only whether a keyper spoke counts.) Holds k.mu.
func (k *Keyper) judgeSilent(height uint64) {
	for s := range k.owed {
		if s+silentAfter > height {
			continue
		}
		for i := range uint64(len(k.share.Eon.Keypers)) {
			if !k.heard[s][i+1] {
				k.silent.WithLabelValues(strconv.FormatUint(i+1, 10)).Inc()
				k.log.Warn("keyper sent no shares for a committed bundle", "from", i+1, "slot", s)
			}
		}
		delete(k.owed, s)
	}
	for s := range k.heard {
		if s+silentAfter <= height {
			delete(k.heard, s)
		}
	}
}

// releaseBidKey releases this keyper's share of slot's bid key if bids
// were committed for it.
func (k *Keyper) releaseBidKey(n *chain.Node, slot uint64) {
	bids, err := chain.NewState(n.Store.Begin(), k.domain).BidCount(slot)
	if err != nil {
		k.log.Error("reading bids", "slot", slot, "err", err)
		return
	}
	if bids == 0 {
		return
	}
	eon := k.share.Eon
	k.broadcast(&keyper.Message{ChainID: eon.ChainID, Eon: eon.Eon, Slot: slot, Keyper: uint64(k.share.Index),
		BidKeyShare: k.share.Share.Release(threshold.BidIdentity(eon.ChainID, slot).Point()).Bytes()})
}

// committedChain is keyper.Committed over what the keyper read from its
// validator's committed state: the height and one committed bundle's
// identities, recomputed from its envelopes.
type committedChain struct {
	height uint64
	slot   uint64
	ids    []threshold.Identity
}

func (c committedChain) Height() uint64 { return c.height }
func (c committedChain) BundleIdentities(slot uint64) ([]threshold.Identity, error) {
	if slot != c.slot {
		return nil, fmt.Errorf("node: bundle of slot %d was not read", slot)
	}
	return c.ids, nil
}

// releaseBundle releases this keyper's shares of the keys of slot's
// committed bundle, after telling the collector which identities to expect
// and adding the shares peers sent early.
func (k *Keyper) releaseBundle(n *chain.Node, slot uint64, committed time.Time, fresh bool) {
	height := n.Store.Height()
	hashes, envs, err := chain.NewState(n.Store.Begin(), k.domain).BundleEnvelopes(slot)
	if err != nil {
		k.log.Error("reading the committed bundle", "slot", slot, "err", err)
		return
	}
	ids := chain.Identities(envs)
	if len(ids) == 0 {
		// Nothing to release; shares a keyper sent for this empty bundle
		// are for identities outside it, and named as such.
		k.mu.Lock()
		early := k.pending[slot]
		delete(k.pending, slot)
		k.collector.Expect(slot, nil)
		k.mu.Unlock()
		for _, m := range early {
			_, _ = k.add(m)
		}
		k.mu.Lock()
		k.collector.ForgetBundle(slot)
		k.mu.Unlock()
		return
	}
	r := &reveal{Reveal: Reveal{Slot: slot, Hashes: hashes, Identities: ids, Envelopes: envs}, committed: committed}
	k.mu.Lock()
	if fresh {
		k.owed[slot] = true
	}
	_, done := k.reveals[slot] // a restart released it again
	if !done {
		k.collector.Expect(slot, ids)
		k.bundles[slot] = r
		for s := range k.bundles { // never whole (keypers down): give up after as long as reveals are kept
			if s+revealKeep <= slot {
				delete(k.bundles, s)
				k.collector.ForgetBundle(s)
			}
		}
	}
	early := k.pending[slot]
	delete(k.pending, slot)
	points := k.collector.Points(slot)
	k.mu.Unlock()
	for _, m := range early {
		if _, err := k.add(m); err != nil {
			k.log.Warn("early shares refused", "slot", slot, "from", m.Keyper, "err", err)
		}
	}
	start := time.Now()
	shares, err := keyper.ReleaseBundle(k.share.Share, committedChain{height: height, slot: slot, ids: ids}, slot, points)
	if err != nil {
		k.log.Error("releasing shares", "slot", slot, "err", err)
		return
	}
	k.mu.Lock()
	r.Stages.Shares = time.Since(start)
	k.mu.Unlock()
	eon := k.share.Eon
	k.broadcast(&keyper.Message{ChainID: eon.ChainID, Eon: eon.Eon, Slot: slot, Keyper: uint64(k.share.Index), Shares: shares})
}

// broadcast signs a release, adds it to this node's collector and sends it
// to every peer.
func (k *Keyper) broadcast(m *keyper.Message) {
	if err := m.Sign(k.domain, k.signer); err != nil {
		k.log.Error("signing shares", "slot", m.Slot, "err", err)
		return
	}
	// ErrNotExpected here means t peers' shares came first and this node
	// combined the keys and forgot the bundle already; the peers may still
	// need these shares, so they are sent all the same.
	if _, err := k.add(m); err != nil && !errors.Is(err, keyper.ErrNotExpected) {
		k.log.Error("own shares refused", "slot", m.Slot, "err", err)
		return
	}
	body := m.Encode()
	for _, p := range k.peers {
		k.sending.Go(func() { k.send(p, m.Slot, body) })
	}
}

// sendAttempts and sendRetry bound how long a release is retried to a peer
// that cannot be reached (starting, restarting): a few slots.
const (
	sendAttempts = 20
	sendRetry    = 250 * time.Millisecond
)

func (k *Keyper) send(peer string, slot uint64, body []byte) {
	for attempt := 1; ; attempt++ {
		resp, err := k.client.Post(peer+"/v1/p2p/shares", "application/json", bytes.NewReader(body))
		if err == nil {
			msg, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
			resp.Body.Close()
			switch {
			case resp.StatusCode == http.StatusAccepted:
				return
			case resp.StatusCode < 500:
				k.log.Warn("peer refused shares", "peer", peer, "slot", slot, "status", resp.StatusCode, "body", string(msg))
				return
			}
			err = fmt.Errorf("status %d", resp.StatusCode)
		}
		if attempt == sendAttempts {
			k.log.Warn("sending shares", "peer", peer, "slot", slot, "attempts", attempt, "err", err)
			return
		}
		select {
		case <-k.stop:
			return
		case <-time.After(sendRetry):
		}
	}
}

// Receive takes a message from a peer (POST /v1/p2p/shares). A message
// refused whole is an error; bad shares in a signed message are logged
// naming their keyper, counted, and never used. Transaction shares for a
// bundle this node has not committed yet are kept (a few slots ahead at
// most) and added when it has.
func (k *Keyper) Receive(raw []byte) (int, error) {
	m, err := keyper.Decode(raw)
	if err != nil {
		return 0, err
	}
	// A slot far ahead is refused before the signature is checked (add
	// drops a long-decided slot's bid-key share unverified).
	if height := k.height(); m.Slot > height+pendingAhead {
		return 0, tooFarAhead(m.Slot, height)
	}
	faults, err := k.add(m)
	if errors.Is(err, keyper.ErrNotExpected) {
		return 0, k.keep(m)
	}
	return faults, err
}

// ErrTooFarAhead refuses transaction shares for a slot far beyond this
// node's committed height.
var ErrTooFarAhead = errors.New("node: shares for a slot too far ahead")

// height is the node's committed height (0 before it runs).
func (k *Keyper) height() uint64 {
	if n := k.node.Load(); n != nil {
		return n.Store.Height()
	}
	return 0
}

// tooFarAhead is ErrTooFarAhead as the API answers it: 409 wrong_slot (a
// peer retries a 5xx, which this is not).
func tooFarAhead(slot, height uint64) error {
	msg := fmt.Sprintf("slot %d, this node is at %d (at most %d ahead)", slot, height, pendingAhead)
	return errors.Join(ErrTooFarAhead, &api.Error{Status: http.StatusConflict, Code: "wrong_slot", Field: "slot", Message: msg})
}

// keep holds a message the collector refused with ErrNotExpected.
func (k *Keyper) keep(m *keyper.Message) error {
	height := k.height()
	switch {
	case m.Slot+pendingBehind <= height:
		return nil // long decided here: its keys are on chain
	case m.Slot > height+pendingAhead:
		return tooFarAhead(m.Slot, height)
	}
	// The collector answers ErrNotExpected only for a message it has
	// authenticated (chain, eon, keyper, signature), and one is kept per
	// keyper and slot: memory stays bounded whoever sends.
	k.mu.Lock()
	defer k.mu.Unlock()
	if _, done := k.reveals[m.Slot]; done {
		return nil
	}
	for s := range k.pending {
		if s+pendingBehind <= height {
			delete(k.pending, s)
		}
	}
	if k.pending[m.Slot] == nil {
		k.pending[m.Slot] = make(map[uint64]*keyper.Message)
	}
	k.pending[m.Slot][m.Keyper] = m
	return nil
}

// add verifies m and keeps its valid shares. Only the collector's cheap
// steps (which shares a message still needs, keeping the verified ones)
// hold k.mu: the signature and the pairings run outside it, so BidKey,
// BundleKeys and honest keypers' shares never wait for a byzantine
// keyper's bad ones (DESIGN's shareWait bounds the proposer).
func (k *Keyper) add(m *keyper.Message) (int, error) {
	start := time.Now()
	if err := k.collector.Authenticate(m); err != nil {
		return 0, err
	}
	if m.BidKeyShare != nil && m.Slot+pendingBehind <= k.height() {
		// The slot is long decided and its bid key on chain: its share
		// would cost a pairing and stay in the collector's memory for
		// good, whoever chose the slot. The transaction shares still
		// count (and the keyper is heard).
		cp := *m
		cp.BidKeyShare = nil
		m = &cp
	}
	took := time.Since(start) // the verify stage, not the waits for k.mu
	k.mu.Lock()
	b, err := k.collector.Plan(m)
	k.mu.Unlock()
	if err == nil {
		start := time.Now()
		b.Verify()
		took += time.Since(start)
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	var faults []keyper.Fault
	if err == nil {
		faults, err = k.collector.Apply(b)
	}
	k.heardFrom(m, err)
	if r := k.bundles[m.Slot]; r != nil && !r.started && len(m.Shares) > 0 {
		r.Stages.Verify += took
	}
	for _, f := range faults {
		if f.Known {
			continue // a resend: counted and logged the first time
		}
		k.faults[f.Keyper]++
		k.metric.WithLabelValues(strconv.FormatUint(f.Keyper, 10)).Inc()
		k.log.Warn("bad key share", "from", f.Keyper, "slot", f.Slot, "identity", f.Identity, "err", f.Err)
	}
	if errors.Is(err, keyper.ErrFaultyKeyper) {
		// Shares dropped unverified from a keyper already named: accepted
		// like any signed message, counted, not logged (it would be a
		// flood), and the rest of the message still counts.
		k.dropped.WithLabelValues(strconv.FormatUint(m.Keyper, 10)).Inc()
		err = nil
	}
	if r := k.bundles[m.Slot]; r != nil && !r.started && err == nil {
		start := time.Now()
		if keys, ok := k.collector.BundleKeys(m.Slot); ok {
			r.Stages.Combine = time.Since(start)
			r.Keys, r.started = keys, true
			k.collector.ForgetBundle(m.Slot)
			k.spawn(func() { k.decrypt(r) })
		}
	}
	return len(faults), err
}

// heardFrom notes that m's keyper spoke for its slot: the collector
// authenticated it (it accepted it, or answered ErrNotExpected or
// ErrFaultyKeyper, which it does only after checking the signature) and
// it carries transaction shares. Slots far ahead are not noted, so a
// keyper cannot grow the memory. Holds k.mu.
func (k *Keyper) heardFrom(m *keyper.Message, err error) {
	if len(m.Shares) == 0 || (err != nil && !errors.Is(err, keyper.ErrNotExpected) && !errors.Is(err, keyper.ErrFaultyKeyper)) {
		return
	}
	if n := k.node.Load(); n == nil || m.Slot > n.Store.Height()+pendingAhead {
		return
	}
	if k.heard[m.Slot] == nil {
		k.heard[m.Slot] = make(map[uint64]bool)
	}
	k.heard[m.Slot][m.Keyper] = true
}

// decrypt opens a bundle whose keys are whole and keeps the result.
func (k *Keyper) decrypt(r *reveal) {
	start := time.Now()
	res, err := decrypt.Bundle(context.Background(), r.Envelopes, r.Keys) // both fixed once started
	if err != nil {
		k.log.Error("decrypting", "slot", r.Slot, "err", err)
		return
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	r.Results = res
	r.Stages.Decrypt = time.Since(start)
	r.Stages.Total = time.Since(r.committed)
	out := r.Reveal
	for stage, d := range map[string]time.Duration{"shares": out.Stages.Shares, "verify": out.Stages.Verify,
		"combine": out.Stages.Combine, "decrypt": out.Stages.Decrypt, "total": out.Stages.Total} {
		k.timings.WithLabelValues(stage).Observe(d.Seconds())
	}
	delete(k.bundles, r.Slot)
	k.keepReveal(&out)
	if k.onReveal != nil {
		k.onReveal(&out)
	}
}

// keepReveal keeps a decrypted bundle within revealKeep slots and
// keyperRevealBytes. Holds k.mu.
func (k *Keyper) keepReveal(out *Reveal) {
	if old := k.reveals[out.Slot]; old != nil {
		k.revealed -= revealBytes(old)
	}
	k.reveals[out.Slot] = out
	k.revealed += revealBytes(out)
	for s, rv := range k.reveals {
		if s+revealKeep <= out.Slot {
			delete(k.reveals, s)
			k.revealed -= revealBytes(rv)
		}
	}
	// Past the byte bound, the oldest go first; the newest stays.
	for k.revealed > keyperRevealBytes && len(k.reveals) > 1 {
		oldest := out.Slot
		for s := range k.reveals {
			oldest = min(oldest, s)
		}
		k.revealed -= revealBytes(k.reveals[oldest])
		delete(k.reveals, oldest)
	}
}

// OnReveal sets a function told about every bundle this keyper decrypts
// (the devnet logs a line per bundle); set it before the keyper attaches.
func (k *Keyper) OnReveal(f func(*Reveal)) { k.onReveal = f }

// Reveal returns slot's decrypted bundle if this keyper has it.
func (k *Keyper) Reveal(slot uint64) (*Reveal, bool) {
	k.mu.Lock()
	defer k.mu.Unlock()
	r, ok := k.reveals[slot]
	return r, ok
}

// Faults is how many bad shares each keyper has sent this node.
func (k *Keyper) Faults() map[uint64]int {
	k.mu.Lock()
	defer k.mu.Unlock()
	out := make(map[uint64]int, len(k.faults))
	for i, n := range k.faults {
		out[i] = n
	}
	return out
}

// BidKey gives the proposer slot's bid key, waiting at most the keyper's
// bound for t shares.
func (k *Keyper) BidKey(ctx context.Context, slot uint64) (*threshold.IdentityKey, bool) {
	deadline := time.NewTimer(k.wait)
	defer deadline.Stop()
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for {
		k.mu.Lock()
		key, ok := k.collector.BidKey(slot)
		k.mu.Unlock()
		if ok {
			return key, true
		}
		select {
		case <-ctx.Done():
			return nil, false
		case <-deadline.C:
			k.log.Warn("no bid key in time", "slot", slot, "wait", k.wait)
			return nil, false
		case <-tick.C:
		}
	}
}

// BundleKeys gives the proposer the keys of slot's committed bundle for
// ids, once whole; if wait, it waits at most the keyper's bound for them.
func (k *Keyper) BundleKeys(ctx context.Context, slot uint64, ids []threshold.Identity, wait bool) ([]*threshold.IdentityKey, bool) {
	var deadline <-chan time.Time
	if wait {
		t := time.NewTimer(k.wait)
		defer t.Stop()
		deadline = t.C
	}
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for {
		k.mu.Lock()
		var keys []*threshold.IdentityKey
		var have []threshold.Identity
		if r := k.reveals[slot]; r != nil {
			keys, have = r.Keys, r.Identities
		} else if r := k.bundles[slot]; r != nil && r.Keys != nil {
			keys, have = r.Keys, r.Identities
		}
		k.mu.Unlock()
		if keys != nil && slices.Equal(have, ids) {
			return keys, true
		}
		if !wait {
			return nil, false
		}
		select {
		case <-ctx.Done():
			return nil, false
		case <-deadline:
			k.log.Warn("no bundle keys in time", "slot", slot, "wait", k.wait)
			return nil, false
		case <-tick.C:
		}
	}
}

// Close stops releasing and waits for releases in flight; call it before
// stopping the validator, whose state a release reads.
func (k *Keyper) Close() {
	k.life.Lock()
	if !k.closed {
		k.closed = true
		close(k.stop)
	}
	k.life.Unlock()
	k.sending.Wait()
}

// ErrNotKeyper answers POST /v1/p2p/shares on a node without a keyper.
var ErrNotKeyper = fmt.Errorf("node: this node is not a keyper")
