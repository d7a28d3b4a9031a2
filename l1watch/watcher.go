// Package l1watch is a Veil node's view of its L1 (protocol §9, "L1 into
// Veil"). It follows the node's own L1 node, reads in order the blocks it
// deems final, each with the logs of Veil's four contracts, and holds them
// for consensus, which attests (number, hash, eventsRoot) of the blocks after
// l1Applied in its vote extensions and applies their events once validators
// agree. Consensus must never wait on L1 (ExtendVote reads a cached view), so
// all reading happens in Run's loop and After, Prune and Head only look at
// what it has read.
//
// Final means at or below the L1's `finalized` tag, or, with Confirmations
// D > 0 (dev chains, whose finality is slow or simulated), at or below
// latest − D.
//
// What consensus hashes, identically on every node: an event's item is
//
//	address (20) ‖ topic count (1 byte) ‖ topics (32 each) ‖ data
//
// and a block's eventsRoot is the root (§4, package merkle) over its events'
// items in log order; a block without events has merkle.Empty, keccak256("").
//
// The watcher trusts its L1 node for finality and checks what it can: each
// header's number, each block's parent hash against the block read before it
// (and block From's against Config.FromParent when given), the last block
// read again while nothing new is final, and each log's block number, block
// hash and Removed flag against the header of its block, its address and its
// topics (four at most). A log that does not fit means the node's view moved
// while it was read: the batch is dropped, counted and read again on the
// next poll. A final block that changed is a
// reorg below finality, which no retry can mend: the watcher stops reading
// and serving for good and Run returns an error wrapping ErrReorg.
//
// An L1 node that cannot be reached or answers errors is retried every Poll,
// each call under Timeout, while what was read is served: an L1 restart is
// a stretch of counted errors, logged when it starts, changes kind, every
// minute it lasts and when it ends. The chain id is checked at the start
// and after every failure. What is held is bounded (MaxBlocks blocks and
// MaxBytes event bytes above what Veil applied): when full, reading ahead
// waits for Prune.
package l1watch

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"math/big"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/veil-sequencer/veil/contracts"
)

// Defaults of Config's zero values.
const (
	DefaultPoll      = time.Second
	DefaultTimeout   = 10 * time.Second
	DefaultBatch     = 100
	DefaultMaxBlocks = 1024
	DefaultMaxBytes  = 64 << 20
)

// warnEvery is how often a lasting L1 failure is logged again: the first
// failure, a change of its kind and the recovery are logged at once, the
// polls in between are only counted.
const warnEvery = time.Minute

var (
	// ErrReorg is a final block that changed: the L1 node's finality
	// failed, or the node is not on the chain it was. Fatal.
	ErrReorg = errors.New("l1watch: reorg below finality")
	// ErrWrongChain is an L1 node on another chain than the genesis names.
	// Fatal.
	ErrWrongChain = errors.New("l1watch: wrong L1 chain")
)

// Client is what the watcher needs of an L1 node; *ethclient.Client has it.
type Client interface {
	ChainID(ctx context.Context) (*big.Int, error)
	// HeaderByNumber returns the latest header for nil and the finalized
	// one for big.NewInt(int64(rpc.FinalizedBlockNumber)).
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
	FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error)
}

// Config configures a Watcher.
type Config struct {
	Client Client
	// ChainID is the L1 the genesis names; Run refuses another.
	ChainID uint64
	// Contracts are the four contracts whose logs are Veil events.
	Contracts contracts.Addresses
	// Confirmations 0 follows the `finalized` tag; D > 0 treats latest − D
	// as final (dev chains).
	Confirmations uint64
	// From is the first L1 block of interest (say the deployment's, or
	// l1Applied + 1 on a restart); earlier blocks are never read. 0 is
	// taken as 1: block 0 is a genesis, which has no logs, and so From − 1,
	// the l1Applied before anything, is a block number.
	From uint64
	// FromParent, when set, is the hash block From's parent must have (the
	// one Veil agreed for From − 1); another one is a reorg.
	FromParent common.Hash
	// Poll is how often to look for new final blocks (DefaultPoll).
	Poll time.Duration
	// Timeout bounds each L1 call (DefaultTimeout).
	Timeout time.Duration
	// Batch is the most blocks read per round, one FilterLogs range
	// (DefaultBatch).
	Batch int
	// MaxBlocks is the most blocks held that Veil has not applied
	// (DefaultMaxBlocks); reading ahead stops there until Prune.
	MaxBlocks int
	// MaxBytes is the most event bytes (items) held (DefaultMaxBytes);
	// reading ahead stops there until Prune. One block larger than it
	// alone is still held, or reading could never go past it.
	MaxBytes int
	Log      *slog.Logger
	// Now is the clock of the lag metric and of log rate limits (time.Now).
	Now func() time.Time
}

// Watcher is one node's view of its L1. Run reads; After, Prune and Head
// may be called from any goroutine meanwhile.
type Watcher struct {
	client        Client
	chainID       uint64
	addrs         []common.Address
	confirmations uint64
	from          uint64
	fromParent    common.Hash
	poll          time.Duration
	timeout       time.Duration
	batch         int
	maxBlocks     int
	maxBytes      int
	log           *slog.Logger
	now           func() time.Time
	m             metrics
	wake          chan struct{} // Prune freed room: read now
	started       atomic.Bool

	// Run's own.
	checkChain bool // check the chain id before reading (at start, after failures)
	out        outage
	full       bool // reading paused by the bounds
	noFinal    bool // the L1 has no finalized block yet

	mu     sync.Mutex
	blocks []Block // held: consecutive, all ≥ keep
	bytes  int     // event bytes of blocks
	keep   uint64  // blocks below are applied by Veil and not held
	last   ref     // the last block read, held or not
	stuck  bool    // the next block did not fit MaxBytes: wait for Prune
	broken bool    // a reorg was seen: serve nothing
}

// ref is a block read.
type ref struct {
	number uint64
	hash   common.Hash
	time   uint64
	ok     bool
}

// outage is a run of failed polls, for rate-limited logs.
type outage struct {
	failures     int
	kind         string
	since, shown time.Time
}

// New checks cfg and makes a watcher; it does not touch the L1 (Run does).
func New(cfg Config) (*Watcher, error) {
	if cfg.Client == nil {
		return nil, errors.New("l1watch: Config.Client is required")
	}
	if cfg.ChainID == 0 {
		return nil, errors.New("l1watch: Config.ChainID is required")
	}
	addrs := []common.Address{cfg.Contracts.SequencerRegistry, cfg.Contracts.BatchInbox,
		cfg.Contracts.DepositVault, cfg.Contracts.ForcedInclusionQueue}
	for _, a := range addrs {
		if a == (common.Address{}) {
			return nil, fmt.Errorf("l1watch: Config.Contracts has a zero address: %+v", cfg.Contracts)
		}
	}
	if cfg.From == 0 {
		cfg.From = 1
	}
	if cfg.Poll <= 0 {
		cfg.Poll = DefaultPoll
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.Batch <= 0 {
		cfg.Batch = DefaultBatch
	}
	if cfg.MaxBlocks <= 0 {
		cfg.MaxBlocks = DefaultMaxBlocks
	}
	if cfg.MaxBytes <= 0 {
		cfg.MaxBytes = DefaultMaxBytes
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &Watcher{
		client: cfg.Client, chainID: cfg.ChainID, addrs: addrs, confirmations: cfg.Confirmations,
		from: cfg.From, fromParent: cfg.FromParent, poll: cfg.Poll, timeout: cfg.Timeout, batch: cfg.Batch,
		maxBlocks: cfg.MaxBlocks, maxBytes: cfg.MaxBytes, log: cfg.Log, now: cfg.Now,
		m: newMetrics(), wake: make(chan struct{}, 1), checkChain: true, keep: cfg.From,
	}, nil
}

// Run reads final blocks until ctx ends, then returns nil. An unreachable
// or failing L1 is retried every Poll (what was read is served meanwhile),
// so an L1 restart is only a stretch of counted errors. Run returns an
// error only when going on would be wrong: a reorg below finality
// (ErrReorg) or an L1 on another chain (ErrWrongChain). Run once.
func (w *Watcher) Run(ctx context.Context) error {
	if !w.started.CompareAndSwap(false, true) {
		return errors.New("l1watch: Run called twice")
	}
	final := "the finalized tag"
	if w.confirmations > 0 {
		final = fmt.Sprintf("latest − %d", w.confirmations)
	}
	w.log.Info("l1watch: following L1", "chain_id", w.chainID, "from", w.from, "final", final, "poll", w.poll)
	timer := time.NewTimer(w.poll)
	defer timer.Stop()
	for {
		more, err := w.step(ctx)
		if ctx.Err() != nil {
			return nil
		}
		switch {
		case errors.Is(err, ErrReorg):
			return err // step logged and counted it
		case errors.Is(err, ErrWrongChain):
			w.m.errors.WithLabelValues(kindWrongChain).Inc()
			w.log.Error("l1watch: the L1 node is on another chain; not reading it", "err", err)
			return err
		case err != nil:
			w.failed(err)
		default:
			w.recovered()
		}
		w.updateLag()
		if more {
			continue
		}
		timer.Reset(w.poll)
		select {
		case <-ctx.Done():
			return nil
		case <-timer.C:
		case <-w.wake:
		}
	}
}

// After is the final blocks applied+1, applied+2, … (consecutive, at most
// max) as read, from the cache, never waiting on L1. It is empty while
// block applied+1 is not read yet (or was pruned), and always after a
// reorg. The blocks share their events with the cache: read them only.
func (w *Watcher) After(applied uint64, max int) []Block {
	if max <= 0 || applied == math.MaxUint64 {
		return nil
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.broken || len(w.blocks) == 0 {
		return nil
	}
	first := w.blocks[0].Number
	if applied+1 < first || applied+1-first >= uint64(len(w.blocks)) {
		return nil
	}
	i := int(applied + 1 - first)
	return slices.Clone(w.blocks[i:min(len(w.blocks), i+max)])
}

// Prune forgets the blocks up to applied, which Veil has applied, and lets
// reading go on if the bounds had stopped it. Blocks up to applied that are
// not read yet will not be held either.
func (w *Watcher) Prune(applied uint64) {
	w.mu.Lock()
	if applied == math.MaxUint64 || applied+1 <= w.keep {
		w.mu.Unlock()
		return
	}
	w.keep = applied + 1
	// Wake Run only if the bounds held it back: a poll per Veil block
	// would only add L1 calls.
	full := len(w.blocks) >= w.maxBlocks || w.bytes >= w.maxBytes || w.stuck
	k := 0
	for k < len(w.blocks) && w.blocks[k].Number <= applied {
		w.bytes -= w.blocks[k].size()
		k++
	}
	if k > 0 {
		w.stuck = false
	}
	clear(w.blocks[:k]) // let the events go before append reallocates
	w.blocks = w.blocks[k:]
	w.mu.Unlock()
	if full && k > 0 {
		select {
		case w.wake <- struct{}{}:
		default:
		}
	}
}

// Head is the highest final block read; ok is false before the first one
// and after a reorg.
func (w *Watcher) Head() (number uint64, ok bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.last.number, w.last.ok && !w.broken
}

// failed counts a failed poll and logs it, at once when an outage starts
// or changes kind, then once every warnEvery.
func (w *Watcher) failed(err error) {
	kind := kindOf(err)
	w.m.errors.WithLabelValues(kind).Inc()
	w.checkChain = true // an L1 back from an outage may be another node
	now := w.now()
	o := &w.out
	o.failures++
	switch {
	case o.failures == 1:
		*o = outage{failures: 1, kind: kind, since: now, shown: now}
		w.log.Warn("l1watch: reading L1 failed; retrying every poll, serving what was read", "kind", kind, "err", err)
	case kind != o.kind || now.Sub(o.shown) >= warnEvery:
		o.kind, o.shown = kind, now
		w.log.Warn("l1watch: L1 still failing", "kind", kind, "failures", o.failures, "since", o.since, "err", err)
	}
}

// recovered ends an outage.
func (w *Watcher) recovered() {
	if w.out.failures == 0 {
		return
	}
	w.log.Info("l1watch: reading L1 again", "failures", w.out.failures, "after", w.now().Sub(w.out.since))
	w.out = outage{}
}

// updateLag sets the lag metric from the head block's time.
func (w *Watcher) updateLag() {
	w.mu.Lock()
	last := w.last
	w.mu.Unlock()
	if last.ok {
		w.m.lag.Set(w.now().Sub(time.Unix(int64(min(last.time, math.MaxInt64)), 0)).Seconds())
	}
}
