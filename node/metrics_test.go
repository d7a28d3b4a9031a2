package node

import (
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/veil-sequencer/veil/auction"
	"github.com/veil-sequencer/veil/chain"
)

// TestChainMetrics: committed blocks count as the dashboards and alerts
// read them: intervals between consecutive blocks only, bids by verdict,
// slots by outcome, the winner's bid and price, every labelled series at
// 0 before its first block.
func TestChainMetrics(t *testing.T) {
	m := newChainMetrics(500 * time.Millisecond)
	if v := testutil.ToFloat64(m.target); v != 0.5 {
		t.Fatalf("target %v", v)
	}
	if n := testutil.CollectAndCount(m.bids) + testutil.CollectAndCount(m.slots); n != 6 {
		t.Fatalf("%d bid and slot series before any block, want 6 at 0", n)
	}
	t0 := time.Unix(1_000_000, 0)
	winner, loser := common.Address{1}, common.Address{2}
	won := &auction.Result{
		Bids: []auction.BidResult{
			{BidHash: common.Hash{1}, Builder: winner, Value: big.NewInt(5_000), Verdict: auction.Valid},
			{BidHash: common.Hash{2}, Builder: loser, Value: big.NewInt(3_000), Verdict: auction.Valid},
			{BidHash: common.Hash{3}, Builder: loser, Verdict: auction.Invalid, Reason: auction.ReasonUndecryptable},
		},
		Winner: &winner, WinningBid: &common.Hash{1}, Price: big.NewInt(3_000),
	}
	fallback := &auction.Result{Bids: []auction.BidResult{{BidHash: common.Hash{4}, Verdict: auction.Invalid}}}
	for _, b := range []chain.BlockInfo{
		{Height: 7, Time: t0, Queued: 2, Committed: 1, Auction: &auction.Result{}}, // the first block this node saw: no interval
		{Height: 8, Time: t0.Add(500 * time.Millisecond), Queued: 1, Committed: 2, Auction: won},
		{Height: 9, Time: t0.Add(1500 * time.Millisecond), Auction: fallback},
		{Height: 11, Time: t0.Add(5 * time.Second), Auction: &auction.Result{}}, // after a gap: no interval
	} {
		m.observe(b)
	}
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"queued", testutil.ToFloat64(m.queued), 3},
		{"committed", testutil.ToFloat64(m.committed), 3},
		{"valid bids", testutil.ToFloat64(m.bids.WithLabelValues("valid")), 2},
		{"invalid bids", testutil.ToFloat64(m.bids.WithLabelValues("invalid")), 2},
		{"superseded bids", testutil.ToFloat64(m.bids.WithLabelValues("superseded")), 0},
		{"won", testutil.ToFloat64(m.slots.WithLabelValues(outcomeWon)), 1},
		{"no valid bid", testutil.ToFloat64(m.slots.WithLabelValues(outcomeNoValidBid)), 1},
		{"no bids", testutil.ToFloat64(m.slots.WithLabelValues(outcomeNoBids)), 2},
		{"winning bid", testutil.ToFloat64(m.winning), 5_000},
		{"price", testutil.ToFloat64(m.price), 3_000},
		{"winning bids' sum", testutil.ToFloat64(m.winSum), 5_000},
		{"prices' sum", testutil.ToFloat64(m.priceSum), 3_000},
	} {
		if c.got != c.want {
			t.Errorf("%s: %v, want %v", c.name, c.got, c.want)
		}
	}
	count, sum := histogram(t, m.interval)
	if count != 2 || sum != 1.5 {
		t.Errorf("intervals: %d summing to %v s, want 2 (0.5 s and 1 s)", count, sum)
	}
}

func histogram(t *testing.T, h prometheus.Histogram) (uint64, float64) {
	t.Helper()
	reg := prometheus.NewRegistry()
	reg.MustRegister(h)
	mfs, err := reg.Gather()
	if err != nil || len(mfs) != 1 {
		t.Fatalf("gather: %v (%d families)", err, len(mfs))
	}
	hm := mfs[0].GetMetric()[0].GetHistogram()
	return hm.GetSampleCount(), hm.GetSampleSum()
}
