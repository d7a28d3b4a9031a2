package l1watch

import "github.com/prometheus/client_golang/prometheus"

type metrics struct {
	head   prometheus.Gauge
	lag    prometheus.Gauge
	errors *prometheus.CounterVec
	reorgs prometheus.Counter
}

func newMetrics() metrics {
	m := metrics{
		head: prometheus.NewGauge(prometheus.GaugeOpts{Name: "veil_l1_head",
			Help: "The highest final L1 block this node has read."}),
		lag: prometheus.NewGauge(prometheus.GaugeOpts{Name: "veil_l1_lag_seconds",
			Help: "Seconds from the timestamp of the highest final L1 block read to now."}),
		errors: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "veil_l1_errors_total",
			Help: "Failed reads of L1, by kind: unreachable, rpc (the node answered an error), inconsistent (answers that do not fit together), wrong_chain."},
			[]string{"kind"}),
		reorgs: prometheus.NewCounter(prometheus.CounterOpts{Name: "veil_l1_reorgs_total",
			Help: "Final L1 blocks seen to change (reorgs below finality); after one the node stops reading L1."}),
	}
	for _, k := range []string{kindUnreachable, kindRPC, kindInconsistent, kindWrongChain} {
		m.errors.WithLabelValues(k) // exported at 0 before the first error
	}
	return m
}

// Metrics are the watcher's collectors, for the node's /metrics.
func (w *Watcher) Metrics() []prometheus.Collector {
	return []prometheus.Collector{w.m.head, w.m.lag, w.m.errors, w.m.reorgs}
}
