package rollup

import (
	"errors"
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics are the rollup node's Prometheus metrics, served at /metrics on
// the JSON-RPC port; each node has its own registry.
type metrics struct {
	reg      *prometheus.Registry
	blocks   prometheus.Counter
	txs      prometheus.Counter
	skipped  *prometheus.CounterVec
	lastSlot prometheus.Gauge
	head     prometheus.Gauge
	took     prometheus.Histogram
	lag      prometheus.Histogram
	relayed  *prometheus.CounterVec
}

func newMetrics() *metrics {
	m := &metrics{
		reg:      prometheus.NewRegistry(),
		blocks:   prometheus.NewCounter(prometheus.CounterOpts{Name: "veil_rollup_blocks_total", Help: "L2 blocks built and imported."}),
		txs:      prometheus.NewCounter(prometheus.CounterOpts{Name: "veil_rollup_transactions_total", Help: "Transactions executed in L2 blocks."}),
		skipped:  prometheus.NewCounterVec(prometheus.CounterOpts{Name: "veil_rollup_skipped_total", Help: "Transactions Veil ordered that the EVM skipped, by reason."}, []string{"reason"}),
		lastSlot: prometheus.NewGauge(prometheus.GaugeOpts{Name: "veil_rollup_last_slot", Help: "The last Veil slot in the head L2 block."}),
		head:     prometheus.NewGauge(prometheus.GaugeOpts{Name: "veil_rollup_head", Help: "The head L2 block's number."}),
		took: prometheus.NewHistogram(prometheus.HistogramOpts{Name: "veil_rollup_block_seconds", Help: "Building and importing one L2 block.",
			Buckets: prometheus.ExponentialBuckets(0.001, 2, 14)}),
		lag: prometheus.NewHistogram(prometheus.HistogramOpts{Name: "veil_rollup_slot_lag_seconds", Help: "From a slot's block time to the import of the L2 block holding it.",
			Buckets: prometheus.ExponentialBuckets(0.1, 2, 10)}),
		relayed: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "veil_rollup_relayed_total", Help: "eth_sendRawTransaction calls, by result (relayed, refused: checked before Veil, failed: Veil refused or unreachable)."}, []string{"result"}),
	}
	// Every series at 0 from the start: rate() and increase() see a
	// counter's first step only from a sample before it.
	for _, r := range []string{SkipNonceTooLow, SkipNonceTooHigh, SkipInsufficient, SkipFeeCapTooLow, SkipBlockGas,
		SkipIntrinsicGas, SkipBadEncoding, SkipSenderNotEOA, SkipOtherwise} {
		m.skipped.WithLabelValues(r)
	}
	for _, r := range []string{relayRelayed, relayRefused, relayFailed} {
		m.relayed.WithLabelValues(r)
	}
	m.reg.MustRegister(m.blocks, m.txs, m.skipped, m.lastSlot, m.head, m.took, m.lag, m.relayed,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// observe counts an imported block.
func (m *metrics) observe(b Block) {
	m.blocks.Inc()
	m.txs.Add(float64(b.Txs))
	for _, s := range b.Skipped {
		m.skipped.WithLabelValues(s.Reason).Inc()
	}
	m.lastSlot.Set(float64(b.LastSlot))
	m.head.Set(float64(b.Number))
	m.took.Observe(b.Took.Seconds())
	for _, t := range b.SlotTimes {
		m.lag.Observe(b.Imported.Sub(t).Seconds())
	}
}

// Results of eth_sendRawTransaction (veil_rollup_relayed_total's result).
const (
	relayRelayed = "relayed"
	relayRefused = "refused" // by the checks before Veil
	relayFailed  = "failed"  // Veil refused it or was unreachable
)

// relay counts an eth_sendRawTransaction's result.
func (m *metrics) relay(err error) {
	switch {
	case err == nil:
		m.relayed.WithLabelValues(relayRelayed).Inc()
	case errors.Is(err, errVeil):
		m.relayed.WithLabelValues(relayFailed).Inc()
	default:
		m.relayed.WithLabelValues(relayRefused).Inc()
	}
}

func (m *metrics) handler() http.Handler { return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{}) }
