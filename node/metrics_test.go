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

// TestDecryptionMetrics: the backlog and the pending bundles are the
// bundles committed while the node was live: one replayed catching up
// after a restart gets no keys here, and counted it would hold the
// backlog up (VeilDecryptionBehind) until the core gave it up 512 slots
// later. veil_decrypted_slot is the latest slot decrypted, and every
// stage's series exists before the first bundle.
func TestDecryptionMetrics(t *testing.T) {
	k := testKeyper(t)
	if n := testutil.CollectAndCount(k.timings); n != 5 {
		t.Fatalf("%d stage series before any bundle, want 5", n)
	}
	read := func() (backlog, pending, decrypted float64) {
		t.Helper()
		reg := prometheus.NewRegistry()
		reg.MustRegister(newDecryptionCollector(k))
		mfs, err := reg.Gather()
		if err != nil {
			t.Fatal(err)
		}
		for _, mf := range mfs {
			v := mf.GetMetric()[0].GetGauge().GetValue()
			switch mf.GetName() {
			case "veil_decryption_backlog_seconds":
				backlog = v
			case "veil_decryption_pending_bundles":
				pending = v
			case "veil_decrypted_slot":
				decrypted = v
			}
		}
		return
	}
	if b, p, d := read(); b != 0 || p != 0 || d != 0 {
		t.Fatalf("a new keyper: backlog %v s, %v pending, decrypted slot %v", b, p, d)
	}
	// Slots 3 and 4 replayed after a restart an hour after their commit.
	for _, s := range []uint64{3, 4} {
		k.hold(&reveal{Reveal: Reveal{Slot: s}, committed: time.Now().Add(-time.Hour)})
	}
	if b, p, _ := read(); b != 0 || p != 0 {
		t.Fatalf("replayed bundles only: backlog %v s, %v pending, want none", b, p)
	}
	live := &reveal{Reveal: Reveal{Slot: 10}, committed: time.Now().Add(-30 * time.Second), fresh: true}
	k.hold(live)
	if b, p, _ := read(); b < 30 || b > 60 || p != 1 {
		t.Fatalf("a live bundle 30 s old beside replayed ones: backlog %v s, %v pending, want 30 s and 1", b, p)
	}
	k.decrypt(live)
	if b, p, d := read(); b != 0 || p != 0 || d != 10 {
		t.Fatalf("after decrypting slot 10: backlog %v s, %v pending, decrypted slot %v", b, p, d)
	}
	k.hold(&reveal{Reveal: Reveal{Slot: 8}, fresh: true, committed: time.Now()})
	k.decrypt(k.bundles[8])
	if _, _, d := read(); d != 10 {
		t.Fatalf("after decrypting slot 8 late: decrypted slot %v, want 10", d)
	}
	reg := prometheus.NewRegistry()
	reg.MustRegister(k.timings)
	mfs, err := reg.Gather()
	if err != nil || len(mfs) != 1 || len(mfs[0].GetMetric()) != 5 {
		t.Fatalf("gather: %v (%d families)", err, len(mfs))
	}
	for _, m := range mfs[0].GetMetric() {
		if n := m.GetHistogram().GetSampleCount(); n != 2 {
			t.Errorf("stage %s: %d bundles timed, want 2", m.GetLabel()[0].GetValue(), n)
		}
	}
}
