package node

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/veil-sequencer/veil/chain"
	"github.com/veil-sequencer/veil/l1watch"
	"github.com/veil-sequencer/veil/oracle"
)

// L1Source is where a node reads the L1 its genesis names: the L1 node's
// JSON-RPC URL and, for dev chains whose `finalized` tag moves slowly, the
// depth at which a block counts as final (0: the `finalized` tag).
type L1Source struct {
	URL           string
	Confirmations uint64
}

// l1Reader is a node's L1 watcher, running until Close, as the chain's
// L1View: what the node's vote extensions attest and its proposals apply.
type l1Reader struct {
	w      *l1watch.Watcher
	client *ethclient.Client
	cancel context.CancelFunc
	done   chan struct{}
}

// startL1 dials src and starts a watcher from the block after applied
// (whose hash is appliedHash) of the network's L1. The watcher never
// blocks consensus: an L1 that is down only leaves the node's extensions
// empty, and a reorg below finality (logged loudly by the watcher) stops
// its view for good while the node runs on.
func startL1(l1 *chain.GenesisL1, src L1Source, applied uint64, appliedHash [32]byte, log *slog.Logger) (*l1Reader, error) {
	client, err := ethclient.Dial(src.URL)
	if err != nil {
		return nil, fmt.Errorf("node: L1 %s: %w", src.URL, err)
	}
	w, err := l1watch.New(l1watch.Config{Client: client, ChainID: l1.ChainID, Contracts: l1.Contracts,
		Confirmations: src.Confirmations, From: applied + 1, FromParent: appliedHash, Log: log.With("l1", src.URL)})
	if err != nil {
		client.Close()
		return nil, err
	}
	ctx, cancel := context.WithCancel(context.Background())
	r := &l1Reader{w: w, client: client, cancel: cancel, done: make(chan struct{})}
	go func() {
		defer close(r.done)
		if err := w.Run(ctx); err != nil {
			log.Error("the L1 view stopped: this node attests nothing more", "l1", src.URL, "err", err)
		}
	}()
	return r, nil
}

// After is the node's final blocks after applied; what Veil applied is
// pruned first, since no extension or proposal needs it again.
func (r *l1Reader) After(applied uint64, max int) []oracle.Attestation {
	r.w.Prune(applied)
	blocks := r.w.After(applied, max)
	out := make([]oracle.Attestation, len(blocks))
	for i, b := range blocks {
		out[i] = oracle.Attestation{Number: b.Number, Hash: b.Hash, EventsRoot: b.EventsRoot, Time: b.Time}
	}
	return out
}

// Events is the items of an agreed block, if the node read that block.
func (r *l1Reader) Events(a oracle.Attestation) ([][]byte, bool) {
	if a.Number == 0 {
		return nil, false
	}
	blocks := r.w.After(a.Number-1, 1)
	if len(blocks) != 1 || blocks[0].Hash != a.Hash || blocks[0].EventsRoot != a.EventsRoot {
		return nil, false
	}
	items := make([][]byte, len(blocks[0].Events))
	for i, e := range blocks[0].Events {
		items[i] = e.Item()
	}
	return items, true
}

// Metrics are the watcher's: veil_l1_head, veil_l1_lag_seconds and its
// error counters.
func (r *l1Reader) Metrics() []prometheus.Collector { return r.w.Metrics() }

// Close stops the watcher and waits for it.
func (r *l1Reader) Close() {
	r.cancel()
	<-r.done
	r.client.Close()
}
