package node

import (
	"math/big"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/veil-sequencer/veil/auction"
	"github.com/veil-sequencer/veil/chain"
	"github.com/veil-sequencer/veil/eon"
	"github.com/veil-sequencer/veil/mempool"
	"github.com/veil-sequencer/veil/store"
)

// The node's own metrics beside the keyper's (node/keyper.go) and the L1
// watcher's (package l1watch); docs/operations.md#metrics lists them all.
// Every labelled series whose label values are known up front is created
// at 0 when the node starts: rate() and increase() see a counter's first
// step only from a sample before it, and a series missing until its
// first event looks like a metric the node does not export.

// chainMetrics are counted from each committed block (Config.OnBlock's
// path): the slot interval, envelopes, and the slot's auction as its record
// decided it.
type chainMetrics struct {
	target    prometheus.Gauge
	interval  prometheus.Histogram
	queued    prometheus.Counter
	committed prometheus.Counter
	bids      *prometheus.CounterVec
	slots     *prometheus.CounterVec
	winning   prometheus.Gauge
	price     prometheus.Gauge
	winSum    prometheus.Counter
	priceSum  prometheus.Counter

	// last is the previous committed block, for the interval. committed
	// runs in CometBFT's Commit, one block at a time: no lock.
	last     time.Time
	lastSlot uint64
}

// Auction outcomes of a slot (veil_auction_slots_total's outcome).
const (
	outcomeWon        = "won"          // a valid bid won
	outcomeNoValidBid = "no_valid_bid" // bids, none valid: the fallback order
	outcomeNoBids     = "no_bids"      // no bid committed for the slot
)

func newChainMetrics(target time.Duration) *chainMetrics {
	m := &chainMetrics{
		target: prometheus.NewGauge(prometheus.GaugeOpts{Name: "veil_slot_target_seconds",
			Help: "The network's slot (block_time): what veil_slot_interval_seconds aims at."}),
		// Buckets around the slots networks use (250 ms to 1 s), so that
		// quantiles near the target are read from neighbouring bounds.
		interval: prometheus.NewHistogram(prometheus.HistogramOpts{Name: "veil_slot_interval_seconds",
			Help:    "Time between consecutive committed blocks, by their header times.",
			Buckets: []float64{0.1, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.75, 1, 1.5, 2, 3, 5, 10, 30}}),
		queued: prometheus.NewCounter(prometheus.CounterOpts{Name: "veil_envelopes_queued_total",
			Help: "Envelopes that entered the chain's pool, by committed block."}),
		committed: prometheus.NewCounter(prometheus.CounterOpts{Name: "veil_envelopes_committed_total",
			Help: "Envelopes in committed bundles (ordered, to be decrypted)."}),
		bids: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "veil_auction_bids_total",
			Help: "Committed bids of decided slots, by verdict: valid, invalid (its penalty forfeited), superseded."}, []string{"verdict"}),
		slots: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "veil_auction_slots_total",
			Help: "Decided slots by auction outcome: won (a valid bid won), no_valid_bid (the fallback order), no_bids."}, []string{"outcome"}),
		winning: prometheus.NewGauge(prometheus.GaugeOpts{Name: "veil_auction_winning_bid_wei",
			Help: "The winning bid's value in the last slot a bid won, in wei."}),
		price: prometheus.NewGauge(prometheus.GaugeOpts{Name: "veil_auction_price_wei",
			Help: "The price the winner paid (the second price) in the last slot a bid won, in wei."}),
		winSum: prometheus.NewCounter(prometheus.CounterOpts{Name: "veil_auction_winning_bid_wei_total",
			Help: "Sum of winning bids' values, in wei: over veil_auction_slots_total{outcome=\"won\"}, the mean winning bid."}),
		priceSum: prometheus.NewCounter(prometheus.CounterOpts{Name: "veil_auction_price_wei_total",
			Help: "Sum of the prices winners paid, in wei: over veil_auction_slots_total{outcome=\"won\"}, the mean price."}),
	}
	m.target.Set(target.Seconds())
	for _, v := range []auction.Verdict{auction.Valid, auction.Invalid, auction.Superseded} {
		m.bids.WithLabelValues(string(v))
	}
	for _, o := range []string{outcomeWon, outcomeNoValidBid, outcomeNoBids} {
		m.slots.WithLabelValues(o)
	}
	return m
}

func (m *chainMetrics) collectors() []prometheus.Collector {
	return []prometheus.Collector{m.target, m.interval, m.queued, m.committed, m.bids, m.slots, m.winning, m.price, m.winSum, m.priceSum}
}

// observe counts committed block b.
func (m *chainMetrics) observe(b chain.BlockInfo) {
	if m.lastSlot != 0 && b.Height == m.lastSlot+1 && !b.Time.Before(m.last) {
		m.interval.Observe(b.Time.Sub(m.last).Seconds())
	}
	m.last, m.lastSlot = b.Time, b.Height
	m.queued.Add(float64(b.Queued))
	m.committed.Add(float64(b.Committed))
	a := b.Auction
	if a == nil {
		return
	}
	for _, x := range a.Bids {
		m.bids.WithLabelValues(string(x.Verdict)).Inc()
	}
	switch {
	case a.Winner != nil:
		m.slots.WithLabelValues(outcomeWon).Inc()
	case len(a.Bids) > 0:
		m.slots.WithLabelValues(outcomeNoValidBid).Inc()
	default:
		m.slots.WithLabelValues(outcomeNoBids).Inc()
	}
	if a.Winner == nil {
		return
	}
	if a.WinningBid != nil {
		for _, x := range a.Bids {
			if x.BidHash == *a.WinningBid && x.Value != nil {
				v := weiFloat(x.Value)
				m.winning.Set(v)
				m.winSum.Add(v)
			}
		}
	}
	if a.Price != nil {
		p := weiFloat(a.Price)
		m.price.Set(p)
		m.priceSum.Add(p)
	}
}

// weiFloat is an amount as a metric's value: float64 keeps its first 16
// digits, which is all a graph needs.
func weiFloat(x *big.Int) float64 {
	f, _ := new(big.Float).SetInt(x).Float64()
	return max(f, 0)
}

// stateCollector reads the committed state at each scrape: what the chain
// holds, not what this node saw happen, so it is right after a restart.
type stateCollector struct {
	store  *store.Store
	params mempool.Params
	l1     bool // the network is anchored on L1: batches and L1 blocks

	slot, next, l1Applied, batches *prometheus.Desc
}

func newStateCollector(s *store.Store, p mempool.Params, l1 bool) *stateCollector {
	return &stateCollector{store: s, params: p, l1: l1,
		slot: prometheus.NewDesc("veil_committed_slot", "The last committed slot (block height).", nil, nil),
		next: prometheus.NewDesc("veil_eon_next",
			"The eon of the DKG running, or of the last one (0 before the first): it exceeds veil_eon_active from a DKG's start to its eon's activation.", nil, nil),
		l1Applied: prometheus.NewDesc("veil_l1_applied", "The last L1 block the chain applied (its deposits, forced items, batch acceptances).", nil, nil),
		batches: prometheus.NewDesc("veil_batches",
			"Batches by how far the chain has taken them: fixed (closed over their slots), signed (the committee's σ recorded), on_l1 (L1's acceptance applied).",
			[]string{"state"}, nil),
	}
}

func (c *stateCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- c.slot
	ch <- c.next
	if c.l1 {
		ch <- c.l1Applied
		ch <- c.batches
	}
}

// Collect leaves out what fails to read (a scrape with an error would be
// lost whole); the node's log says what failed where it is used.
func (c *stateCollector) Collect(ch chan<- prometheus.Metric) {
	ch <- prometheus.MustNewConstMetric(c.slot, prometheus.GaugeValue, float64(c.store.Height()))
	st := chain.NewState(c.store.Begin(), c.params.Domain)
	if n, _, err := st.CurrentDKGEon(); err == nil {
		ch <- prometheus.MustNewConstMetric(c.next, prometheus.GaugeValue, float64(n))
	}
	if !c.l1 {
		return
	}
	if n, _, err := st.L1Applied(); err == nil {
		ch <- prometheus.MustNewConstMetric(c.l1Applied, prometheus.GaugeValue, float64(n))
	}
	for _, b := range []struct {
		state string
		read  func() (uint64, error)
	}{{"fixed", st.NextBatch}, {"signed", st.NextUnsignedBatch}, {"on_l1", st.NextAcceptedBatch}} {
		if n, err := b.read(); err == nil {
			ch <- prometheus.MustNewConstMetric(c.batches, prometheus.GaugeValue, float64(n), b.state)
		}
	}
}

// decryptionCollector reports the keyper's bundles in flight at each
// scrape: a bundle stuck without keys shows as a growing age long before
// the core abandons it (keyper.BundleKeep slots). Bundles replayed while
// catching up are left out: they get no keys here and would hold the age
// up for 512 slots after every restart.
type decryptionCollector struct {
	k                         *Keyper
	backlog, pending, decrypt *prometheus.Desc
}

func newDecryptionCollector(k *Keyper) *decryptionCollector {
	return &decryptionCollector{k: k,
		backlog: prometheus.NewDesc("veil_decryption_backlog_seconds",
			"Age of the oldest bundle committed while this node was live that it has not decrypted yet (0: none waiting).", nil, nil),
		pending: prometheus.NewDesc("veil_decryption_pending_bundles",
			"Bundles (with envelopes) committed while this node was live that it is collecting keys for or decrypting.", nil, nil),
		decrypt: prometheus.NewDesc("veil_decrypted_slot", "The latest slot whose bundle this node decrypted (0: none since it started).", nil, nil),
	}
}

func (c *decryptionCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- c.backlog
	ch <- c.pending
	ch <- c.decrypt
}

func (c *decryptionCollector) Collect(ch chan<- prometheus.Metric) {
	k := c.k
	k.mu.Lock()
	var oldest time.Time
	var pending int
	for _, r := range k.bundles {
		if !r.fresh {
			continue
		}
		pending++
		if oldest.IsZero() || r.committed.Before(oldest) {
			oldest = r.committed
		}
	}
	last := k.lastDecrypted
	k.mu.Unlock()
	var age float64
	if !oldest.IsZero() {
		age = time.Since(oldest).Seconds()
	}
	ch <- prometheus.MustNewConstMetric(c.backlog, prometheus.GaugeValue, age)
	ch <- prometheus.MustNewConstMetric(c.pending, prometheus.GaugeValue, float64(pending))
	ch <- prometheus.MustNewConstMetric(c.decrypt, prometheus.GaugeValue, float64(last))
}

// presetMetrics creates the keyper's series whose labels are known: the
// stages, and one per keyper of each eon it holds a share of.
func (k *Keyper) presetMetrics() {
	for _, st := range (Stages{}).labelled() {
		k.timings.WithLabelValues(st.stage)
	}
	k.smu.RLock()
	defer k.smu.RUnlock()
	for _, s := range k.shares {
		k.labelKeypers(s.Eon)
	}
}

// labelKeypers creates the per-keyper series of an eon's committee. A
// keyper is its index in the eon, so a new eon's committee may reuse an
// index for another node.
func (k *Keyper) labelKeypers(e *eon.Info) {
	for _, kp := range e.Keypers {
		i := strconv.Itoa(kp.Index)
		k.metric.WithLabelValues(i)
		k.silent.WithLabelValues(i)
		k.dropped.WithLabelValues(i)
		for _, r := range []string{faultOtherHeader, faultBadShare, faultTwoHeaders} {
			k.batches.faults.WithLabelValues(i, r)
		}
	}
}
