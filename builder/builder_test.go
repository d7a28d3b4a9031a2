package builder

import (
	"errors"
	"math/big"
	"reflect"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/veil-sequencer/veil/auction"
	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/params"
	"github.com/veil-sequencer/veil/threshold"
	"github.com/veil-sequencer/veil/threshold/thresholdtest"
)

func q(sender byte, nonce uint64, fee int64, queuedSlot uint64, gas uint64) auction.Queued {
	return auction.Queued{Hash: common.Hash{sender, byte(nonce)}, Sender: common.Address{sender}, Nonce: nonce,
		MaxFeePerGas: big.NewInt(fee), QueuedSlot: queuedSlot, GasLimit: gas}
}

func rich(common.Address) *big.Int { return big.NewInt(1e18) }

// TestBundle: fee first, then age; a sender's higher-fee later nonce waits
// for its earlier one; what does not fit the gas limit is left out.
func TestBundle(t *testing.T) {
	a0, a1 := q(0xa, 0, 1, 5, 100), q(0xa, 1, 9, 5, 100) // a's nonce 1 pays more, but comes after 0
	b0 := q(0xb, 0, 5, 6, 100)
	c0 := q(0xc, 0, 5, 4, 100) // same fee as b0, queued earlier
	big0 := q(0xd, 0, 7, 4, 1000)
	pool := []auction.Queued{a1, b0, big0, a0, c0}
	got := Bundle(pool, rich, 450)
	var hs []common.Hash
	for _, x := range got {
		hs = append(hs, x.Hash)
	}
	want := []common.Hash{c0.Hash, b0.Hash, a0.Hash, a1.Hash} // big0 (fee 7) does not fit
	if !reflect.DeepEqual(hs, want) {
		t.Fatalf("bundle %v, want %v", hs, want)
	}
}

func TestValue(t *testing.T) {
	bundle := []auction.Queued{q(1, 0, 10, 1, 1000), q(2, 0, 10, 1, 1000)} // fees 20,000
	for _, tc := range []struct {
		name                string
		share               int64
		reserve, collateral int64
		want                int64
		err                 error
	}{
		{"a tenth of the fees", 10, 1, 1e6, 2000, nil},
		{"raised to the reserve", 1, 500, 1e6, 500, nil},
		{"all the fees", 100, 1, 1e6, 20000, nil},
		{"above the collateral", 100, 1, 10000, 0, ErrNoValue},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v, err := Strategy{SharePercent: tc.share}.Value(bundle, big.NewInt(tc.reserve), big.NewInt(tc.collateral))
			if !errors.Is(err, tc.err) || (err == nil && v.Int64() != tc.want) {
				t.Fatalf("%v %v, want %d %v", v, err, tc.want, tc.err)
			}
		})
	}
	for _, s := range []string{"share:", "share:101", "fixed:5", "share:-1"} {
		if _, err := ParseStrategy(s); err == nil {
			t.Errorf("%q accepted", s)
		}
	}
	if st, err := ParseStrategy("share:25"); err != nil || st.SharePercent != 25 {
		t.Fatalf("share:25: %v %v", st, err)
	}
}

type state struct{ pool []auction.Queued }

func (s state) Pool() []auction.Queued { return s.pool }
func (s state) Envelope(h common.Hash) (auction.Queued, bool) {
	for _, x := range s.pool {
		if x.Hash == h {
			return x, true
		}
	}
	return auction.Queued{}, false
}
func (state) Funds(common.Address) *big.Int      { return big.NewInt(1e18) }
func (state) Collateral(common.Address) *big.Int { return big.NewInt(1e18) }
func (state) Reserved(common.Address) *big.Int   { return nil }
func (state) Forced() []auction.Forced           { return nil }

// TestSealedBidWins: what the reference builder seals, the auction opens,
// finds valid and lets win, ordering the slot as the builder did.
func TestSealedBidWins(t *testing.T) {
	d, err := thresholdtest.Deal(nil, 1, 1)
	if err != nil {
		t.Fatal(err)
	}
	id := threshold.BidIdentity(1337, 9).Point()
	key, err := d.Key(id)
	if err != nil {
		t.Fatal(err)
	}
	pool := []auction.Queued{q(0xa, 0, 1, 5, 30000), q(0xa, 1, 9, 5, 30000), q(0xb, 0, 5, 6, 30000)}
	p := params.Default()
	p.Reserve = big.NewInt(1)
	bundle := Bundle(pool, rich, p.BidGasLimit())
	value, err := Strategy{SharePercent: 10}.Value(bundle, p.Reserve, big.NewInt(1e18))
	if err != nil {
		t.Fatal(err)
	}
	bk, _ := crypto.GenerateKey()
	dom := eip712.Domain{ChainID: 1337}
	b, err := Seal(nil, bk, dom, d.EonKey, 1, 9, 1, value, bundle)
	if err != nil {
		t.Fatal(err)
	}
	r := auction.Decide(9, []auction.Committed{{Bid: b, Hash: b.Hash(dom)}}, key, state{pool}, p)
	if r.Winner == nil || *r.Winner != b.Builder || r.Bids[0].Value.Cmp(value) != 0 || len(r.Included) != 3 || r.Included[0] != bundle[0].Hash {
		t.Fatalf("auction: %+v", r)
	}
}

// TestTrackerNextSlot: a bid for slot h+2 orders the envelopes pending at
// height h with their senders' lower nonces pending at h−1 (so the bundle
// stays in nonce order if slot h+1 leaves them queued), never other
// envelopes, which earlier slots order.
func TestTrackerNextSlot(t *testing.T) {
	a0 := q(0xa, 0, 1, 0, 100) // pending at 9; a1 pending at 10: a0 comes along
	a1 := q(0xa, 1, 9, 0, 100)
	b0 := q(0xb, 0, 50, 0, 100) // pending at 9, nothing of b's at 10: slot 11 takes it
	c0 := q(0xc, 0, 3, 0, 100)  // pending at 10
	c1 := q(0xc, 1, 3, 0, 100)
	d0 := q(0xd, 0, 2, 0, 10_000) // pending at 10, over the gas limit
	hashes := func(qs []auction.Queued) []common.Hash {
		var out []common.Hash
		for _, x := range qs {
			out = append(out, x.Hash)
		}
		return out
	}
	for _, tc := range []struct {
		name    string
		observe func(tr *Tracker)
		gas     uint64
		want    []common.Hash
	}{
		{"pending now with lower nonces pending before, fee first", func(tr *Tracker) {
			tr.Observe(9, []auction.Queued{a0, b0})
			tr.Observe(10, []auction.Queued{c0, a1})
			tr.Observe(10, []auction.Queued{c1, d0}) // a later look at the same height adds
		}, 1000, []common.Hash{c0.Hash, c1.Hash, a0.Hash, a1.Hash}},
		{"what does not fit is left out", func(tr *Tracker) {
			tr.Observe(9, []auction.Queued{a0, b0})
			tr.Observe(10, []auction.Queued{c0, a1, c1, d0})
		}, 250, []common.Hash{c0.Hash, c1.Hash}},
		{"a height skipped: nothing from before", func(tr *Tracker) {
			tr.Observe(8, []auction.Queued{a0, b0})
			tr.Observe(10, []auction.Queued{a1})
		}, 1000, []common.Hash{a1.Hash}},
		{"nothing pending", func(tr *Tracker) {
			tr.Observe(9, []auction.Queued{a0, b0})
			tr.Observe(10, nil)
		}, 1000, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tr := &Tracker{}
			tc.observe(tr)
			if got := hashes(tr.NextSlot(tc.gas)); !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("bundle %v, want %v", got, tc.want)
			}
		})
	}
}
