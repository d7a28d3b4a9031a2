package api

import "github.com/veil-sequencer/veil/mempool"

// Kinds of submission (veil_api_accepted_total's kind).
const (
	kindTransaction = "transaction"
	kindBid         = "bid"
	kindWithdrawal  = "withdrawal"
)

// presetMetrics creates every series whose labels are known at 0: rate()
// and increase() see a counter's first step only from a sample before it,
// and a code's series appearing with its first rejection would hide it
// from them.
func (s *Server) presetMetrics() {
	for _, k := range []string{kindTransaction, kindBid, kindWithdrawal} {
		s.accepted.WithLabelValues(k)
	}
	for _, c := range mempool.Codes() {
		s.rejected.WithLabelValues(c.String())
	}
}
