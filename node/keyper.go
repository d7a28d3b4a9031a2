package node

import (
	"cmp"
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/veil-sequencer/veil/chain"
	"github.com/veil-sequencer/veil/decrypt"
	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/envelope"
	"github.com/veil-sequencer/veil/eon"
	"github.com/veil-sequencer/veil/keyper"
	"github.com/veil-sequencer/veil/mempool"
	"github.com/veil-sequencer/veil/store"
	"github.com/veil-sequencer/veil/threshold"
)

// Keyper is one node's part in the committee: the runtime around
// keyper.Core, which makes the protocol's decisions (what to release,
// which shares count, whose silence to name, when keys are whole). The
// runtime steps the core with each committed block, read from the
// validator's state, and each message peers send to POST /v1/p2p/shares;
// it runs the crypto the core hands out without holding the core's lock,
// signs the core's releases and sends them to every peer with retries,
// hands combined keys to the proposer as soon as the core reports them
// (chain.KeySource), decrypts each committed bundle once its keys are
// whole, and keeps the metrics and logs. On a network with an L1 it also
// signs and posts batches (node/batches.go).
type Keyper struct {
	smu     sync.RWMutex
	shares  map[uint64]*eon.Share // this node's share of each eon it is keyper of (node/eons.go)
	signer  *ecdsa.PrivateKey
	domain  eip712.Domain
	peers   []string // API base URLs of the other nodes
	wait    time.Duration
	log     *slog.Logger
	client  *http.Client
	chain   atomic.Pointer[chainRef]
	sending sync.WaitGroup
	life    sync.Mutex // orders starting a release against Close
	closed  bool
	stop    chan struct{} // closed by Quiesce or Close: sends stop retrying
	quiet   sync.Once     // closes stop
	keys    *keyBoard     // what the proposer is given
	batches *batcher      // batches signed and posted (node/batches.go); idle until startBatches
	dkg     *dkgDriver    // its part in the chain's DKGs (node/dkg.go); idle until startDKG

	mu      sync.Mutex // guards core and the fields below; never held over crypto (Work runs after it is released)
	core    *keyper.Core
	faults  map[uint64]int     // bad shares by keyper
	bundles map[uint64]*reveal // committed bundles being collected or decrypted
	reveals revealCache
	// lastDecrypted is the latest slot decrypt kept (veil_decrypted_slot),
	// so a scrape need not walk reveals.
	lastDecrypted uint64
	onReveal      func(*Reveal)
	onBidKey      func(slot uint64, key *threshold.IdentityKey)
	// health is what act saw of each keyper, by (eon, index): GET
	// /v1/validators shows the active eon's (node/status.go).
	health map[[2]uint64]*keyperHealth

	metric  *prometheus.CounterVec
	silent  *prometheus.CounterVec
	dropped *prometheus.CounterVec
	timings *prometheus.HistogramVec
}

// KeyperChain is what the keyper reads of its validator's committed
// state: the committed height, and a view of it to read a slot's bids and
// bundle from (through chain.State, never writing). *store.Store is one.
type KeyperChain interface {
	Height() uint64
	Begin() *store.Block
}

type chainRef struct{ KeyperChain }

// revealKeep and keyperRevealBytes bound the decrypted bundles a keyper keeps in
// memory, in slots and in bytes (a bundle may be megabytes, so 512 of them
// alone did not bound it); older ones are decrypted again from the keys on
// chain when asked (node/flightcache.go caches those).
const (
	revealKeep        = keyper.BundleKeep
	keyperRevealBytes = 64 << 20
)

// silentFresh is how recent a block must be for this node to judge who
// was silent about its bundle (keyper.Committed's Fresh).
const silentFresh = 2 * time.Second

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

// stageTime is one stage as veil_decryption_seconds labels it.
type stageTime struct {
	stage string
	d     time.Duration
}

// labelled is s by veil_decryption_seconds's stage label: the one list
// of the labels, which presetMetrics creates from a zero Stages and
// decrypt observes.
func (s Stages) labelled() []stageTime {
	return []stageTime{{"shares", s.Shares}, {"verify", s.Verify}, {"combine", s.Combine}, {"decrypt", s.Decrypt}, {"total", s.Total}}
}

// reveal is a committed bundle on its way to a Reveal.
type reveal struct {
	Reveal
	committed time.Time
	// fresh is a bundle committed while this node was live, not replayed
	// catching up: only those get keys here (peers released theirs long
	// ago), so only those count as the decryption backlog.
	fresh   bool
	started bool // decryption launched
}

// NewKeyper runs keyper share.Index with its signing key (share nil: a
// node that holds no eon's share yet and joins one through the chain's
// DKG); wait bounds how
// long a proposer waits for a bid key (the protocol's shareWait).
func NewKeyper(share *eon.Share, signer *ecdsa.PrivateKey, domain eip712.Domain, peers []string, wait time.Duration, log *slog.Logger) (*Keyper, error) {
	return newKeyper(share, signer, domain, peers, wait, log, nil)
}

// newKeyper is NewKeyper with the randomness of batch verification (nil:
// crypto/rand), which tests hold up to catch work done under the lock.
func newKeyper(share *eon.Share, signer *ecdsa.PrivateKey, domain eip712.Domain, peers []string, wait time.Duration, log *slog.Logger, rand io.Reader) (*Keyper, error) {
	core := keyper.NewCore(keyper.Config{Domain: domain, Rand: rand})
	shares := map[uint64]*eon.Share{}
	if share != nil {
		if err := core.AddEon(share); err != nil {
			return nil, err
		}
		shares[share.Eon.Eon] = share
	}
	if log == nil {
		log = slog.Default()
	}
	k := &Keyper{shares: shares, signer: signer, domain: domain, peers: peers, wait: wait, log: log.With("keyper", crypto.PubkeyToAddress(signer.PublicKey)),
		client: &http.Client{Timeout: 2 * time.Second}, stop: make(chan struct{}), keys: newKeyBoard(),
		core: core, faults: make(map[uint64]int), bundles: make(map[uint64]*reveal), reveals: newRevealCache(),
		metric: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "veil_share_faults_total",
			Help: "Key shares that failed verification, by the keyper that signed them."}, []string{"keyper"}),
		silent: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "veil_shares_missing_total",
			Help: "Committed bundles a keyper sent no signed shares for, by keyper."}, []string{"keyper"}),
		dropped: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "veil_share_messages_dropped_total",
			Help: "Signed share messages not verified because their keyper sent bad shares for the slot before, by keyper."}, []string{"keyper"}),
		timings: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "veil_decryption_seconds",
			Help:    "Time per committed bundle on this node, by stage: shares, verify, combine, decrypt, total (commit to plaintexts).",
			Buckets: prometheus.ExponentialBuckets(0.001, 2, 14)}, []string{"stage"})}
	k.batches = newBatcher(k)
	k.dkg = newDKGDriver(k)
	k.presetMetrics()
	return k, nil
}

// Metrics are the keyper's collectors for the node's /metrics.
func (k *Keyper) Metrics() []prometheus.Collector {
	return []prometheus.Collector{k.metric, k.silent, k.dropped, k.timings, newDecryptionCollector(k),
		k.batches.faults, k.batches.posts, k.batches.statementPosts, k.dkg.phase, k.dkg.failures}
}

// Attach connects the keyper to its validator's committed state, which
// says which slots have bids and what each bundle holds, and releases for
// the committed height: what this keyper collected and sent before a
// restart is gone, and without it a slot with bids could not close.
func (k *Keyper) Attach(c KeyperChain) {
	k.chain.Store(&chainRef{c})
	k.Committed(c.Height(), time.Time{})
}

// height is the node's committed height (0 before it is attached).
func (k *Keyper) height() uint64 {
	if c := k.chain.Load(); c != nil {
		return c.Height()
	}
	return 0
}

// Committed is called after block height commits, with its header time:
// the core releases slot height+1's bid-key share if bids were committed
// for it and the shares of bundle(height), in the background (the commit
// path does not wait for the curve arithmetic or the peers).
func (k *Keyper) Committed(height uint64, blockTime time.Time) {
	c := k.chain.Load()
	if c == nil {
		return
	}
	fresh := time.Since(blockTime) < silentFresh
	k.spawn(func() { k.release(c, height, fresh) })
}

// committedBlock is Committed for a node that knows the block's proposer
// (Start): whether this node proposed the block that recorded a batch's
// signature decides whether it posts the batch at once.
func (k *Keyper) committedBlock(b chain.BlockInfo) {
	k.batches.committed(b.Height, b.Proposer)
	k.dkg.committed()
	k.Committed(b.Height, b.Time)
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

// spawnLoop runs loop in the background (as spawn) with a context that
// ends when the keyper stops sending (Quiesce or Close).
func (k *Keyper) spawnLoop(loop func(ctx context.Context)) {
	k.spawn(func() {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		go func() {
			select {
			case <-k.stop:
			case <-ctx.Done():
			}
			cancel()
		}()
		loop(ctx)
	})
}

// release reads what block height committed and steps the core with it.
func (k *Keyper) release(c KeyperChain, height uint64, fresh bool) {
	committed := time.Now()
	k.keys.prune(height)
	st := chain.NewState(c.Begin(), k.domain)
	slotEon, err := st.EonOfSlot(height)
	if err != nil {
		k.log.Error("reading the slot's eon", "slot", height, "err", err)
		return
	}
	bidEon, err := st.EonOfSlot(height + 1)
	if err != nil {
		k.log.Error("reading the slot's eon", "slot", height+1, "err", err)
		return
	}
	if k.shareOf(slotEon) == nil && k.shareOf(bidEon) == nil {
		k.drive(keyper.Committed{Eon: slotEon, BidEon: bidEon, Height: height, Unread: true}) // the core's clock only
		return
	}
	in := keyper.Committed{Eon: slotEon, BidEon: bidEon, Height: height, Fresh: fresh}
	bids, err := st.BidCount(height + 1)
	if err != nil {
		k.log.Error("reading bids", "slot", height+1, "err", err)
	}
	in.BidsNext = bids > 0
	hashes, envs, err := st.BundleEnvelopes(height)
	if err != nil {
		k.log.Error("reading the committed bundle", "slot", height, "err", err)
		in.Unread = true
	}
	in.Bundle = chain.Identities(envs)
	in.Points = keyper.HashPoints(in.Bundle) // the curve work, before the lock
	if len(envs) > 0 {
		k.hold(&reveal{Reveal: Reveal{Slot: height, Hashes: hashes, Identities: in.Bundle, Envelopes: envs}, committed: committed, fresh: fresh})
	}
	if _, err := k.drive(in); err != nil {
		k.log.Error("releasing shares", "slot", height, "err", err)
	}
}

// hold keeps committed bundle r until its keys are whole, unless it is
// decrypted or held already.
func (k *Keyper) hold(r *reveal) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if _, ok := k.reveals.get(r.Slot); !ok && k.bundles[r.Slot] == nil {
		k.bundles[r.Slot] = r
	}
	// The core abandons bundles it collects; one it does not (released
	// again after it was done) must not stay here with its envelopes.
	for s, b := range k.bundles {
		if s+revealKeep <= r.Slot && !b.started {
			delete(k.bundles, s)
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
	if k.shareOf(m.Eon) == nil {
		// An eon this node is no keyper of (not yet, or any more): peers
		// send every keyper listener each release, and its committee
		// decrypts without this node.
		return 0, nil
	}
	height := k.height()
	faults, err := k.drive(keyper.Received{Msg: m, Height: height})
	if errors.Is(err, keyper.ErrTooFarAhead) {
		// A rule the message breaks, as admission's are: the API answers
		// 409 wrong_slot (a peer retries a 5xx, which this is not).
		return 0, &mempool.Rejection{Code: mempool.CodeWrongSlot, Field: "slot",
			Err: fmt.Errorf("slot %d, this node is at %d (at most %d ahead): %w", m.Slot, height, keyper.PendingAhead, err)}
	}
	return faults, err
}

// drive steps the core with in and follows what comes of it, depth first
// on this goroutine: each step's Ready is acted on under the lock (cheap:
// counters, maps, notifications), its messages signed and sent, its work
// done without the lock and the result stepped in. So the signature and
// pairings of a byzantine keyper's message never keep BidKey, BundleKeys
// or an honest keyper's shares waiting (the protocol's shareWait bounds the
// proposer). It returns the faults found and the first error of in and
// the steps that check it; a failed combine is logged, not returned (the
// message that completed the keys was good).
func (k *Keyper) drive(in keyper.Input) (int, error) {
	k.mu.Lock()
	rd, err := k.core.Step(in)
	faults := k.act(rd)
	k.mu.Unlock()
	for _, m := range rd.Send {
		k.broadcast(m)
	}
	for _, w := range rd.Work {
		start := time.Now()
		res := w.Do()
		k.timeWork(w, time.Since(start))
		f, werr := k.drive(res)
		faults += f
		if _, ok := w.(*keyper.Combine); ok && werr != nil {
			k.log.Error("combining keys", "err", werr)
			werr = nil
		}
		if err == nil {
			err = werr
		}
	}
	return faults, err
}

// act does what a Ready asks that needs no crypto: faults, drops and
// silences counted and logged, keys handed to the proposer, whole bundles
// decrypted, abandoned ones dropped. Holds k.mu.
func (k *Keyper) act(rd keyper.Ready) int {
	for _, f := range rd.Faults {
		if f.Known {
			continue // a resend: counted and logged the first time
		}
		k.faults[f.Keyper]++
		k.noteHealth(f.Eon, f.Keyper, f.Slot, true)
		k.metric.WithLabelValues(strconv.FormatUint(f.Keyper, 10)).Inc()
		k.log.Warn("bad key share", "from", f.Keyper, "slot", f.Slot, "identity", f.Identity, "err", f.Err)
	}
	for _, d := range rd.Dropped {
		// Shares dropped unverified from a keyper already named: counted,
		// not logged (it would be a flood).
		k.dropped.WithLabelValues(strconv.FormatUint(d.Keyper, 10)).Inc()
	}
	for _, s := range rd.Silent {
		k.silent.WithLabelValues(strconv.FormatUint(s.Keyper, 10)).Inc()
		k.noteHealth(s.Eon, s.Keyper, s.Slot, false)
		k.log.Warn("keyper sent no shares for a committed bundle", "from", s.Keyper, "slot", s.Slot)
	}
	for _, t := range rd.Abandoned {
		delete(k.bundles, t.Slot)
	}
	for _, ks := range rd.Keys {
		k.keys.put(ks)
		if ks.Kind == keyper.KindBidKey && len(ks.Keys) == 1 && k.onBidKey != nil {
			slot, key, f := ks.Slot, ks.Keys[0], k.onBidKey
			k.spawn(func() { f(slot, key) })
		}
		if ks.Kind != keyper.KindBundle {
			continue
		}
		if r := k.bundles[ks.Slot]; r != nil && !r.started {
			r.Keys, r.started = ks.Keys, true
			k.spawn(func() { k.decrypt(r) })
		}
	}
	return len(rd.Faults)
}

// timeWork adds the time a work took to its bundle's stage.
func (k *Keyper) timeWork(w keyper.Work, d time.Duration) {
	k.mu.Lock()
	defer k.mu.Unlock()
	var m *keyper.Message
	switch w := w.(type) {
	case *keyper.Release:
		if r := k.bundles[w.Slot]; r != nil && w.Kind == keyper.KindBundle {
			r.Stages.Shares = d
		}
		return
	case *keyper.Combine:
		if r := k.bundles[w.Slot]; r != nil && w.Kind == keyper.KindBundle {
			r.Stages.Combine = d
		}
		return
	case *keyper.Check:
		m = w.Message()
	case *keyper.Batch:
		m = w.Message()
	default:
		return
	}
	if r := k.bundles[m.Slot]; r != nil && !r.started && len(m.Shares) > 0 {
		r.Stages.Verify += d
	}
}

// decrypt opens a bundle whose keys are whole and keeps the result.
func (k *Keyper) decrypt(r *reveal) {
	start := time.Now()
	res, err := decrypt.Bundle(context.Background(), r.Envelopes, r.Keys) // both fixed once started
	if err != nil {
		k.log.Error("decrypting", "slot", r.Slot, "err", err)
		k.mu.Lock()
		delete(k.bundles, r.Slot) // its keys are on chain: the feed decrypts it from them
		k.mu.Unlock()
		return
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	r.Results = res
	r.Stages.Decrypt = time.Since(start)
	r.Stages.Total = time.Since(r.committed)
	out := r.Reveal
	for _, st := range out.Stages.labelled() {
		k.timings.WithLabelValues(st.stage).Observe(st.d.Seconds())
	}
	delete(k.bundles, r.Slot)
	k.reveals.keep(&out)
	k.lastDecrypted = max(k.lastDecrypted, r.Slot)
	if k.onReveal != nil {
		k.onReveal(&out)
	}
}

// revealCache keeps decrypted bundles within revealKeep slots and
// keyperRevealBytes.
type revealCache struct {
	m     map[uint64]*Reveal
	bytes int64 // of m's bundles (revealBytes)
	limit int64 // 0: keyperRevealBytes
}

func newRevealCache() revealCache { return revealCache{m: make(map[uint64]*Reveal)} }

func (c *revealCache) get(slot uint64) (*Reveal, bool) {
	r, ok := c.m[slot]
	return r, ok
}

// keep adds a decrypted bundle; past the bounds the oldest go first and
// the newest stays.
func (c *revealCache) keep(out *Reveal) {
	if old := c.m[out.Slot]; old != nil {
		c.bytes -= revealBytes(old)
	}
	c.m[out.Slot] = out
	c.bytes += revealBytes(out)
	for s, rv := range c.m {
		if s+revealKeep <= out.Slot {
			delete(c.m, s)
			c.bytes -= revealBytes(rv)
		}
	}
	for c.bytes > cmp.Or(c.limit, keyperRevealBytes) && len(c.m) > 1 {
		oldest := out.Slot
		for s := range c.m {
			oldest = min(oldest, s)
		}
		c.bytes -= revealBytes(c.m[oldest])
		delete(c.m, oldest)
	}
}

// setRevealLimit bounds the decrypted bundles kept (Memory.KeyperReveals).
func (k *Keyper) setRevealLimit(n int64) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.reveals.limit = n
}

// onBidKeys sets a function told, off the keyper's lock, of every bid key
// combined: the node opens the slot's bids with it ahead of the proposal.
func (k *Keyper) onBidKeys(f func(slot uint64, key *threshold.IdentityKey)) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.onBidKey = f
}

// OnReveal sets a function told about every bundle this keyper decrypts
// (the devnet logs a line per bundle); set it before the keyper attaches.
func (k *Keyper) OnReveal(f func(*Reveal)) { k.onReveal = f }

// Reveal returns slot's decrypted bundle if this keyper has it.
func (k *Keyper) Reveal(slot uint64) (*Reveal, bool) {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.reveals.get(slot)
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

// Close stops releasing and waits for releases in flight; call it before
// stopping the validator, whose state a release reads.
func (k *Keyper) Close() {
	k.life.Lock()
	k.closed = true
	k.life.Unlock()
	k.Quiesce()
	k.sending.Wait()
}

// Quiesce stops retrying releases to peers: the node is stopping, and its
// peers' listeners (in a devnet, this process's) close meanwhile; a release
// retried into them only warns. It is the first step of stopping a node,
// before its listeners shut; Close still follows.
func (k *Keyper) Quiesce() { k.quiet.Do(func() { close(k.stop) }) }

// ErrNotKeyper answers POST /v1/p2p/shares and /v1/p2p/batchshares on a
// node without a keyper.
var ErrNotKeyper = fmt.Errorf("node: this node is not a keyper")
