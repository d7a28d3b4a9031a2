package node

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/veil-sequencer/veil/chain"
	"github.com/veil-sequencer/veil/dkg"
	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/keyper"
	"github.com/veil-sequencer/veil/threshold"
)

// Keyper is one node's part in the committee: when a block commits it
// releases its share of the next slot's bid key (only if bids were
// committed for that slot), sends it to every peer's POST /v1/p2p/shares,
// collects the shares peers send, and gives the proposer the combined key.
// Shares are released only from a committed block (DESIGN §3).
type Keyper struct {
	share   *dkg.KeyShare
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
}

// NewKeyper runs keyper share.Index with its signing key; wait bounds how
// long a proposer waits for a bid key (DESIGN's shareWait).
func NewKeyper(share *dkg.KeyShare, signer *ecdsa.PrivateKey, domain eip712.Domain, peers []string, wait time.Duration, log *slog.Logger) (*Keyper, error) {
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
			Help: "Key shares that failed verification, by the keyper that signed them."}, []string{"keyper"})}, nil
}

// Metrics are the keyper's collectors for the node's /metrics.
func (k *Keyper) Metrics() prometheus.Collector { return k.metric }

// Attach connects the keyper to its validator, whose committed state says
// which slots have bids, and releases for the slot after the committed
// height: what this keyper collected and sent before a restart is gone, and
// without it a slot with bids could not close.
func (k *Keyper) Attach(n *chain.Node) {
	k.node.Store(n)
	k.Committed(n.Store.Height())
}

// Committed is called after block height commits: it releases the bid-key
// share of slot height+1 if bids were committed for it, in the background
// (the commit path does not wait for the curve arithmetic or the peers).
func (k *Keyper) Committed(height uint64) {
	n := k.node.Load()
	if n == nil {
		return
	}
	k.life.Lock()
	defer k.life.Unlock()
	if !k.closed {
		k.sending.Go(func() { k.release(n, height) })
	}
}

func (k *Keyper) release(n *chain.Node, height uint64) {
	k.mu.Lock()
	k.collector.Forget(threshold.BidIdentity(k.share.Eon.ChainID, height)) // slot height is decided
	k.mu.Unlock()
	slot := height + 1
	bids, err := chain.NewState(n.Store.Begin(), k.domain).BidCount(slot)
	if err != nil {
		k.log.Error("reading bids", "slot", slot, "err", err)
		return
	}
	if bids == 0 {
		return
	}
	eon := k.share.Eon
	m := &keyper.Message{ChainID: eon.ChainID, Eon: eon.Eon, Slot: slot, Keyper: uint64(k.share.Index),
		BidKeyShare: k.share.Share.Release(threshold.BidIdentity(eon.ChainID, slot).Point()).Bytes()}
	if err := m.Sign(k.domain, k.signer); err != nil {
		k.log.Error("signing shares", "slot", slot, "err", err)
		return
	}
	if _, err := k.add(m); err != nil {
		k.log.Error("own shares refused", "slot", slot, "err", err)
		return
	}
	body := m.Encode()
	for _, p := range k.peers {
		k.sending.Go(func() { k.send(p, slot, body) })
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
// naming their keyper, counted, and never used.
func (k *Keyper) Receive(raw []byte) (int, error) {
	m, err := keyper.Decode(raw)
	if err != nil {
		return 0, err
	}
	return k.add(m)
}

func (k *Keyper) add(m *keyper.Message) (int, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	faults, err := k.collector.Add(m)
	for _, f := range faults {
		k.faults[f.Keyper]++
		k.metric.WithLabelValues(strconv.FormatUint(f.Keyper, 10)).Inc()
		k.log.Warn("bad key share", "from", f.Keyper, "slot", f.Slot, "identity", f.Identity, "err", f.Err)
	}
	return len(faults), err
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
