package auction

import (
	"math"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/veil-sequencer/veil/bid"
	"github.com/veil-sequencer/veil/params"
	"github.com/veil-sequencer/veil/wire"
)

// TestFreeCollateral: a bid's value may reach its builder's collateral less
// the penalties reserved for its bids of other slots, never the whole
// collateral (issue 15, finding 10): the price must leave those penalties
// backed.
func TestFreeCollateral(t *testing.T) {
	for _, tc := range []struct {
		name     string
		reserved *big.Int // of builder 0, whose collateral is 1000
		value    int64
		want     string
	}{
		{"nothing reserved: the whole collateral", nil, 1000, "valid/"},
		{"up to the free collateral", big.NewInt(300), 700, "valid/"},
		{"one wei into the reserved penalties", big.NewInt(300), 701, "invalid/" + ReasonAboveCollateral},
		{"the whole collateral", big.NewInt(300), 1000, "invalid/" + ReasonAboveCollateral},
		{"more reserved than collateral", big.NewInt(1200), 5, "invalid/" + ReasonAboveCollateral},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := newWorld(t)
			w.st.res[w.builder(0)] = tc.reserved
			b := w.seal(0, 1, &bid.Payload{Value: big.NewInt(tc.value)})
			rival := w.seal(1, 1, &bid.Payload{Value: big.NewInt(6)})
			r := Decide(testSlot, []Committed{b, rival}, w.key, w.st, testParams)
			if got := verdicts(r)[w.builder(0)]; got != tc.want {
				t.Fatalf("verdict %s, want %s", got, tc.want)
			}
			free := new(big.Int).Sub(big.NewInt(1000), wire.OrZero(tc.reserved))
			if r.Winner != nil && *r.Winner == w.builder(0) && r.Price.Cmp(free) > 0 {
				t.Fatalf("price %v above the free collateral %v", r.Price, free)
			}
		})
	}
}

// TestGasSumsNeverWrap: gas limits are senders' uint64s; a sum that wraps
// must not fit (issue 15, finding 6). Whatever the pool, a slot never
// includes more than its gas limit nor a bundle more than the bid gas limit.
func TestGasSumsNeverWrap(t *testing.T) {
	const half = 1 << 63
	overdue := uint64(testSlot - 12)
	// h names envelopes so that (queued slot, hash) order is chosen: a
	// sender's later nonce first pulls its whole run into one sum.
	h := func(b byte) common.Hash { return common.Hash{31: b} }
	env := func(hash byte, sender byte, nonce, queued, gas uint64) Queued {
		return Queued{Hash: h(hash), Sender: common.Address{sender}, Nonce: nonce, QueuedSlot: queued, MaxFeePerGas: big.NewInt(1), GasLimit: gas}
	}
	never := testParams
	never.InclusionAge = math.MaxUint64
	inverted := testParams
	inverted.InclusionReserve = testParams.SlotGasLimit + 1
	for _, tc := range []struct {
		name   string
		p      params.Params
		pool   []Queued
		bid    []common.Hash // the winner's bundle; nil: no bid
		reason string        // the bid's expected reason, "" valid
		want   int           // envelopes included
	}{
		{"an overdue run of one sender: 2^63 + 2^63", testParams,
			[]Queued{env(2, 0xa, 0, overdue, half), env(1, 0xa, 1, overdue, half)}, nil, "", 0},
		{"an overdue run of one sender: 1 + 2^64−1 (the fill takes the 1)", testParams,
			[]Queued{env(2, 0xa, 0, overdue, 1), env(1, 0xa, 1, overdue, math.MaxUint64)}, []common.Hash{}, "", 1},
		{"overdue runs of two senders of 2^63", testParams,
			[]Queued{env(1, 0xa, 0, overdue, half), env(2, 0xb, 0, overdue, half)}, nil, "", 0},
		{"an overdue run after a winner's bundle", testParams,
			[]Queued{env(3, 0xc, 0, testSlot-1, 300_000), env(2, 0xa, 0, overdue, half), env(1, 0xa, 1, overdue, half)},
			[]common.Hash{h(3)}, "", 1},
		{"a bid of two 2^63 envelopes", testParams,
			[]Queued{env(1, 0xa, 0, testSlot-1, half), env(2, 0xb, 0, testSlot-1, half)},
			[]common.Hash{h(1), h(2)}, ReasonGasLimit, 0},
		{"fallback: an inclusion reserve above the slot leaves bids no gas; the fill takes what fits", inverted,
			[]Queued{env(1, 0xa, 0, testSlot-1, half), env(2, 0xb, 0, testSlot-1, 21_000)}, nil, "", 1},
		{"an inclusion age too large to add: never overdue, but the fill takes it", never,
			[]Queued{env(2, 0xa, 0, overdue, 21_000)}, []common.Hash{}, "", 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := newWorld(t)
			for _, q := range tc.pool {
				w.st.pool, w.st.known[q.Hash] = append(w.st.pool, q), q
				w.st.funds[q.Sender], _ = new(big.Int).SetString("1000000000000000000000000", 10) // pays 2^65 gas at 1 wei
			}
			var bids []Committed
			if tc.bid != nil {
				bids = append(bids, w.seal(0, 1, &bid.Payload{Value: big.NewInt(9), Bundle: tc.bid}))
			}
			r := Decide(testSlot, bids, w.key, w.st, tc.p)
			if tc.bid != nil {
				want := "valid/"
				if tc.reason != "" {
					want = "invalid/" + tc.reason
				}
				if got := verdicts(r)[w.builder(0)]; got != want {
					t.Fatalf("verdict %s, want %s", got, want)
				}
			}
			if got := gasOf(w.st, r.Included); got.Cmp(new(big.Int).SetUint64(tc.p.SlotGasLimit)) > 0 || len(r.Included) != tc.want {
				t.Fatalf("%d envelopes of %v gas included in a %d slot, want %d", len(r.Included), got, tc.p.SlotGasLimit, tc.want)
			}
			if r.Winner == nil {
				if got := gasOf(w.st, r.Bundle); got.Cmp(new(big.Int).SetUint64(tc.p.BidGasLimit())) > 0 {
					t.Fatalf("fallback bundle of %v gas, bid gas limit %d", got, tc.p.BidGasLimit())
				}
			}
		})
	}
}

// TestGreedyGasNeverWraps: the fallback and the reference builder's packing
// (both Greedy) stop at the gas limit however large the envelopes.
func TestGreedyGasNeverWraps(t *testing.T) {
	pool := []Queued{q("a", 1, 0, 5, 1, 1<<63), q("b", 2, 0, 5, 1, 1<<63), q("c", 3, 0, 5, 1, math.MaxUint64), q("d", 4, 0, 5, 1, 21_000)}
	huge := func(common.Address) *big.Int { return new(big.Int).Lsh(big.NewInt(1), 70) }
	for _, limit := range []uint64{30_000_000, 1 << 63, math.MaxUint64} {
		for _, less := range []func(a, b *Queued) bool{ByAge, ByFee} {
			got := Greedy(pool, huge, limit, less)
			st := &fakeState{known: map[common.Hash]Queued{}}
			for _, p := range pool {
				st.known[p.Hash] = p
			}
			if sum := gasOf(st, got); sum.Cmp(new(big.Int).SetUint64(limit)) > 0 {
				t.Fatalf("limit %d: bundle %s of %v gas", limit, names(pool, got), sum)
			}
		}
	}
}

// gasOf is the gas of the envelopes named, summed without a bound.
func gasOf(st *fakeState, hs []common.Hash) *big.Int {
	sum := new(big.Int)
	for _, h := range hs {
		sum.Add(sum, new(big.Int).SetUint64(st.known[h].GasLimit))
	}
	return sum
}

// TestOverdue: "queued more than age slots" never adds queuedSlot+age,
// which a large age (a genesis parameter) would wrap into "overdue now".
func TestOverdue(t *testing.T) {
	for _, tc := range []struct {
		queued, slot, age uint64
		want              bool
	}{
		{10, 19, 8, true},
		{10, 18, 8, false},
		{10, 10, 8, false},
		{20, 10, 8, false}, // queued after the slot: never overdue
		{10, math.MaxUint64, math.MaxUint64, false},
		{1, math.MaxUint64, math.MaxUint64 - 2, true},
	} {
		if got := overdue(tc.queued, tc.slot, tc.age); got != tc.want {
			t.Errorf("overdue(%d, %d, %d) = %v, want %v", tc.queued, tc.slot, tc.age, got, tc.want)
		}
	}
}
