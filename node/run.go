package node

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"path/filepath"
	"sync"
	"time"

	cmtmempool "github.com/cometbft/cometbft/mempool"
	cmttypes "github.com/cometbft/cometbft/types"
	"github.com/ethereum/go-ethereum/common"
	"github.com/prometheus/client_golang/prometheus"
	"golang.org/x/sync/errgroup"

	"github.com/veil-sequencer/veil/api"
	"github.com/veil-sequencer/veil/chain"
	"github.com/veil-sequencer/veil/mempool"
	"github.com/veil-sequencer/veil/threshold"
)

// Config is one sequencer node of a network: where its validator runs, its
// keyper (nil: it releases no shares) and its HTTP listeners.
type Config struct {
	Network      *Network
	Spec         ValidatorSpec
	APIListen    string // host:port of the public API
	KeyperListen string // host:port of the keyper listener; unused without Keyper
	Keyper       *Keyper
	// OnBlock, if set, is told of every committed block.
	OnBlock func(chain.BlockInfo)
	// Stopping, if set, is called once as the node begins to stop (veil
	// node quiets CometBFT's expected peer chatter then).
	Stopping func()
	Log      *slog.Logger // nil: slog.Default()
	// Memory bounds the node's caches; zero is MemoryFor(DefaultMemoryBytes).
	Memory Memory
	// L1, on a network whose genesis names an L1, is where this node reads
	// it; without it the node attests nothing (it still checks others').
	L1 *L1Source
	// PosterKey, with L1, is the L1 account this node posts the
	// committee's batches from (protocol §9); it should send nothing
	// else. Nil: the node's keyper signs batches, the node never posts.
	PosterKey *ecdsa.PrivateKey
	// BlobArchive, with L1, is a directory where this node's keyper keeps
	// the blobs of every batch it builds, by versioned hash: what readers
	// of L1 alone need (client.DirArchive, veil follow --l1 --blobs).
	BlobArchive string
	// RefuseSenders is a test hook: the API refuses envelopes from these
	// senders, as validators censoring them would, so that tests show
	// forced inclusion reaching the chain all the same.
	RefuseSenders []common.Address
}

// Node is a running sequencer node: its validator, its keyper and its
// listeners. Its parts are held through the methods stopping uses, so the
// order can be tested with fakes.
type Node struct {
	index     int
	listeners []listener // public API, keyper listener
	keyper    closer     // nil without a keyper
	chain     stopper
	l1        closer          // nil without an L1 view
	quit      <-chan struct{} // closed when CometBFT stops; nil for fakes
	stopOnce  sync.Once
	stopErr   error
}

type (
	listener interface {
		Shutdown(context.Context) error
		Done() <-chan struct{}
		Err() error
	}
	closer  interface{ Close() }
	stopper interface{ Stop() error }
)

// Start starts a node in dependency order: both listeners are bound first
// (a taken port fails the start, not a running validator), then the
// validator, then the keyper is attached to it, and only then do the
// listeners serve, so no request reaches a part not yet running. On an
// error nothing is left running, the keyper included.
func Start(cfg Config) (*Node, error) {
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	kp := cfg.Keyper
	fail := func(err error) (*Node, error) {
		if kp != nil {
			kp.Close()
		}
		return nil, err
	}
	pub, err := net.Listen("tcp", cfg.APIListen)
	if err != nil {
		return fail(fmt.Errorf("validator %d API: %w", cfg.Spec.Index, err))
	}
	var kl net.Listener
	if kp != nil {
		if kl, err = net.Listen("tcp", cfg.KeyperListen); err != nil {
			pub.Close()
			return fail(fmt.Errorf("validator %d keyper listener: %w", cfg.Spec.Index, err))
		}
	}
	cm := newChainMetrics(cfg.Network.BlockTime())
	cb := func(b chain.BlockInfo) {
		cm.observe(b)
		if cfg.OnBlock != nil {
			cfg.OnBlock(b)
		}
		if kp != nil {
			kp.committedBlock(b)
		}
	}
	if cfg.Memory == (Memory{}) {
		cfg.Memory = MemoryFor(DefaultMemoryBytes)
	}
	opts := []ValidatorOption{WithMemory(cfg.Memory)}
	if kp != nil {
		opts = append(opts, WithKeys(kp))
		kp.setRevealLimit(cfg.Memory.KeyperReveals)
	}
	v, err := cfg.Network.StartValidator(cfg.Spec, cfg.Log, cb, opts...)
	if err != nil {
		pub.Close()
		if kl != nil {
			kl.Close()
		}
		return fail(err)
	}
	// The L1 view starts after what the state applied; until it is
	// attached the node's extensions attest nothing.
	var l1 *l1Reader
	if l1g := cfg.Network.L1(); l1g != nil && cfg.L1 != nil && cfg.L1.URL != "" {
		applied, hash, err := chain.NewState(v.Store.Begin(), cfg.Network.Params().Domain).L1Applied()
		if err == nil {
			l1, err = startL1(l1g, *cfg.L1, applied, hash, cfg.Log)
		}
		if err != nil {
			pub.Close()
			if kl != nil {
				kl.Close()
			}
			_ = v.Stop()
			return fail(err)
		}
		v.App.AttachL1(l1)
	}
	if kp != nil && cfg.Network.L1() != nil {
		if err := startBatches(kp, v, cfg, l1); err != nil {
			pub.Close()
			if kl != nil {
				kl.Close()
			}
			_ = v.Stop()
			if l1 != nil {
				l1.Close()
			}
			return fail(err)
		}
	}
	if kp != nil && cfg.Network.L1() != nil {
		client := v.Client
		kp.startDKG(func(ctx context.Context, tx []byte) error {
			res, err := client.BroadcastTxSync(ctx, cmttypes.Tx(tx))
			switch {
			case errors.Is(err, cmtmempool.ErrTxInCache), err == nil && mempool.Code(res.Code) == mempool.CodeDKGDuplicate:
				return nil // sent already, not committed yet
			case err != nil:
				return err
			case res.Code != 0:
				return chain.RejectionOf(res.Code, res.Data, res.Log)
			}
			return nil
		}, cfg.Network.Params().DKGPhaseSlots, filepath.Join(cfg.Spec.Home, "data"))
	}
	if kp != nil {
		app, log := v.App, cfg.Log
		kp.onBidKeys(func(slot uint64, key *threshold.IdentityKey) {
			if err := app.OpenBids(slot, key); err != nil {
				log.Warn("opening bids ahead of the proposal", "slot", slot, "err", err)
			}
		})
	}
	backend := NewBackend(cfg.Network, v)
	backend.refuse = cfg.RefuseSenders
	backend.feed.eventBytes, backend.feed.revealBytes = cfg.Memory.FeedEvents, cfg.Memory.FeedReveals
	acfg := api.Config{Backend: backend, Log: cfg.Log}
	app := v.App
	acfg.Collectors = append(acfg.Collectors, prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "veil_eon_active",
		Help: "The eon active in the committed state (protocol §10): it changes at each handover's activation slot."}, func() float64 {
		if info, err := app.Eon(); err == nil {
			return float64(info.Eon)
		}
		return 0
	}))
	acfg.Collectors = append(acfg.Collectors, cm.collectors()...)
	acfg.Collectors = append(acfg.Collectors, newStateCollector(v.Store, cfg.Network.Params(), cfg.Network.L1() != nil))
	if l1 != nil {
		acfg.Collectors = append(acfg.Collectors, l1.Metrics()...)
	}
	if kp != nil {
		kp.Attach(v.Store)
		backend.WithKeyper(kp)
		acfg.Collectors = append(acfg.Collectors, kp.Metrics()...)
	}
	srv := api.New(acfg)
	n := &Node{index: cfg.Spec.Index, chain: v, quit: v.cmt.Quit(), listeners: []listener{srv.Serve(pub)}}
	if l1 != nil {
		n.l1 = l1
	}
	if kp != nil {
		n.keyper = kp
		n.listeners = append(n.listeners, srv.ServeKeyper(kl))
	}
	return n, nil
}

// startBatches makes the keyper sign the network's batches, and post them
// from cfg.PosterKey's account when the node reads L1.
func startBatches(kp *Keyper, v *Validator, cfg Config, l1 *l1Reader) error {
	pub, err := v.cmt.PrivValidator().GetPubKey()
	if err != nil {
		return fmt.Errorf("validator %d key: %w", cfg.Spec.Index, err)
	}
	var post *batchPoster
	if l1 == nil && cfg.PosterKey != nil {
		cfg.Log.Warn("a poster key but no L1 to read: this node posts no batches")
	}
	if l1 != nil && cfg.PosterKey != nil {
		if post, err = newBatchPoster(l1.client, cfg.PosterKey, cfg.Network.L1().Contracts.BatchInbox, cfg.Log); err != nil {
			return err
		}
	}
	return kp.startBatches(pub.Address(), post, cfg.BlobArchive)
}

// Run starts a node and keeps it running until ctx ends or one of its
// parts stops on its own (a listener that can no longer accept, CometBFT
// halting); then it stops every part in dependency order and returns the
// first failure. It is the whole life of veil node.
func Run(ctx context.Context, cfg Config) error {
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	n, err := Start(cfg)
	if err != nil {
		return err
	}
	running := []any{"chain", cfg.Network.ChainID, "api", "http://" + cfg.APIListen, "blockTime", cfg.Network.BlockTime().String()}
	if cfg.Keyper != nil {
		running = append(running, "keyperListener", "http://"+cfg.KeyperListen)
	}
	cfg.Log.Info("node running", running...)
	return n.supervise(ctx, cfg.Log, cfg.Stopping)
}

// supervise waits until ctx ends or a part of the node stops on its own,
// then stops the whole node (stopping, if set, is called first) and
// returns the first part's failure, or Stop's.
func (n *Node) supervise(ctx context.Context, log *slog.Logger, stopping func()) error {
	g, gctx := errgroup.WithContext(ctx)
	for _, l := range n.listeners {
		g.Go(func() error {
			select {
			case <-l.Done():
				return l.Err() // nil after a Shutdown
			case <-gctx.Done():
				return nil
			}
		})
	}
	if n.quit != nil {
		g.Go(func() error {
			select {
			case <-n.quit:
				if gctx.Err() != nil {
					return nil // stopped by Stop below
				}
				return fmt.Errorf("validator %d: CometBFT stopped", n.index)
			case <-gctx.Done():
				return nil
			}
		})
	}
	g.Go(func() error {
		<-gctx.Done()
		log.Info("node stopping")
		if stopping != nil {
			stopping()
		}
		return n.Stop()
	})
	err := g.Wait()
	if ctx.Err() != nil && errors.Is(err, context.Canceled) {
		err = nil
	}
	return err
}

// listenerGrace bounds how long stopping waits for HTTP requests in flight
// before closing their connections.
const listenerGrace = 5 * time.Second

// Stop stops the node's parts in dependency order (StopAll); a second call
// returns the first one's result.
func (n *Node) Stop() error {
	n.stopOnce.Do(func() { n.stopErr = StopAll([]*Node{n}) })
	return n.stopErr
}

// StopAll stops nodes of one process in dependency order, each step for
// every node before the next: the keypers stop retrying sends to peers
// (whose listeners are about to close); the HTTP listeners shut, so no
// request reaches a keyper or a validator being stopped; then the keypers
// close, which Keyper.Close says must happen before the validator whose
// state a release reads stops; then the validators and their stores
// (Network.WaitClosed waits for the last of their databases).
func StopAll(nodes []*Node) error {
	for _, n := range nodes {
		if q, ok := n.keyper.(interface{ Quiesce() }); ok {
			q.Quiesce() // no more retries into listeners about to close
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), listenerGrace)
	defer cancel()
	var wg sync.WaitGroup
	for _, n := range nodes {
		for _, l := range n.listeners {
			// At once: a block feed reader holds a listener for the whole
			// grace, and every node's would add up.
			wg.Go(func() { _ = l.Shutdown(ctx) }) // past the grace it closes the rest itself
		}
	}
	wg.Wait()
	for _, n := range nodes {
		if n.keyper != nil {
			n.keyper.Close()
		}
	}
	var errs []error
	for _, n := range nodes {
		if err := n.chain.Stop(); err != nil {
			errs = append(errs, fmt.Errorf("stop validator %d: %w", n.index, err))
		}
	}
	for _, n := range nodes {
		if n.l1 != nil {
			n.l1.Close() // after the validator: ExtendVote may read it to the end
		}
	}
	return errors.Join(errs...)
}
