package auction

import (
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/veil-sequencer/veil/bid"
	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/params"
	"github.com/veil-sequencer/veil/threshold"
	"github.com/veil-sequencer/veil/threshold/thresholdtest"
)

const (
	testChain = 1337
	testSlot  = 20
)

var testDomain = eip712.Domain{ChainID: testChain, Salt: common.Hash{7}}

// world is a committee, three builders and a pool the tests change.
type world struct {
	t        testing.TB
	deal     *thresholdtest.Dealing
	key      *threshold.IdentityKey // testSlot's bid key
	builders []*ecdsa.PrivateKey
	st       *fakeState
}

func newWorld(t testing.TB) *world {
	d, err := thresholdtest.Deal(nil, 1, 1)
	if err != nil {
		t.Fatal(err)
	}
	id := threshold.BidIdentity(testChain, testSlot).Point()
	key, err := d.Key(id)
	if err != nil {
		t.Fatal(err)
	}
	w := &world{t: t, deal: d, key: key, st: &fakeState{known: map[common.Hash]Queued{}, funds: map[common.Address]*big.Int{}, coll: map[common.Address]*big.Int{}, res: map[common.Address]*big.Int{}}}
	for i := range 3 {
		k, _ := crypto.ToECDSA(crypto.Keccak256([]byte(fmt.Sprint("builder", i))))
		w.builders = append(w.builders, k)
		w.st.coll[crypto.PubkeyToAddress(k.PublicKey)] = big.NewInt(1000)
	}
	return w
}

func (w *world) builder(i int) common.Address { return crypto.PubkeyToAddress(w.builders[i].PublicKey) }

// env queues (or, with queued false, only records) an envelope of sender s.
func (w *world) env(s byte, nonce, queuedSlot, gas uint64, queued bool) common.Hash {
	h := crypto.Keccak256Hash([]byte{s}, big.NewInt(int64(nonce)).Bytes(), []byte{byte(queuedSlot)})
	q := Queued{Hash: h, Sender: common.Address{s}, Nonce: nonce, QueuedSlot: queuedSlot, MaxFeePerGas: big.NewInt(1), GasLimit: gas}
	w.st.known[h] = q
	if queued {
		w.st.pool = append(w.st.pool, q)
	}
	if _, ok := w.st.funds[q.Sender]; !ok {
		w.st.funds[q.Sender] = big.NewInt(1e9)
	}
	return h
}

// seal signs a bid of builder i; payload fields left zero are filled in.
func (w *world) seal(i int, seq uint64, p *bid.Payload) Committed {
	w.t.Helper()
	if p.Builder == (common.Address{}) {
		p.Builder = w.builder(i)
	}
	if p.Slot == 0 {
		p.Slot = testSlot
	}
	sealed, err := bid.Seal(nil, p, testChain, w.deal.EonKey)
	if err != nil {
		w.t.Fatal(err)
	}
	return w.sign(i, seq, sealed)
}

func (w *world) sign(i int, seq uint64, sealed []byte) Committed {
	w.t.Helper()
	b := &bid.Bid{ChainID: testChain, Eon: 1, Slot: testSlot, Builder: w.builder(i), Seq: seq, Sealed: sealed}
	if err := b.Sign(testDomain, w.builders[i]); err != nil {
		w.t.Fatal(err)
	}
	return Committed{Bid: b, Hash: b.Hash(testDomain)}
}

type fakeState struct {
	pool   []Queued
	known  map[common.Hash]Queued
	funds  map[common.Address]*big.Int
	coll   map[common.Address]*big.Int
	res    map[common.Address]*big.Int // penalties reserved for other slots' bids
	forced []Forced
}

func (s *fakeState) Pool() []Queued { return slices.Clone(s.pool) }
func (s *fakeState) Envelope(h common.Hash) (Queued, bool) {
	q, ok := s.known[h]
	return q, ok
}
func (s *fakeState) Funds(a common.Address) *big.Int      { return s.funds[a] }
func (s *fakeState) Collateral(a common.Address) *big.Int { return s.coll[a] }
func (s *fakeState) Reserved(a common.Address) *big.Int   { return s.res[a] }
func (s *fakeState) Forced() []Forced                     { return s.forced }

var testParams = params.Params{Reserve: big.NewInt(5), SlotGasLimit: 1_000_000, InclusionReserve: 200_000, InclusionAge: 8}

func verdicts(r *Result) map[common.Address]string {
	out := map[common.Address]string{}
	for _, b := range r.Bids {
		out[b.Builder] = string(b.Verdict) + "/" + b.Reason
	}
	return out
}

// TestPriceRule: the highest valid value wins at the second-highest valid
// value or the reserve; ties to the lowest bid hash; invalid bids never
// win; with no valid bid the fallback bundle orders the slot.
func TestPriceRule(t *testing.T) {
	w := newWorld(t)
	a0 := w.env(0xa, 0, testSlot-1, 100_000, true)
	b0 := w.env(0xb, 0, testSlot-1, 100_000, true)
	tie := [2]Committed{w.seal(0, 1, &bid.Payload{Value: big.NewInt(10), Bundle: []common.Hash{a0}}),
		w.seal(1, 1, &bid.Payload{Value: big.NewInt(10), Bundle: []common.Hash{b0}})}
	lowTie := 0
	if tie[1].Hash.Cmp(tie[0].Hash) < 0 {
		lowTie = 1
	}
	for _, tc := range []struct {
		name       string
		bids       []Committed
		winner     int // -1: none
		price      int64
		included   []common.Hash
		wantBundle []common.Hash
	}{
		{"no bid: fallback", nil, -1, 0, []common.Hash{a0, b0}, nil},
		{"one bid: the reserve; the chain appends the rest", []Committed{w.seal(0, 1, &bid.Payload{Value: big.NewInt(50), Bundle: []common.Hash{b0}})}, 0, 5, []common.Hash{b0, a0}, []common.Hash{b0}},
		{"two bids: the second value", []Committed{
			w.seal(0, 1, &bid.Payload{Value: big.NewInt(7), Bundle: []common.Hash{a0}}),
			w.seal(1, 1, &bid.Payload{Value: big.NewInt(12), Bundle: []common.Hash{b0, a0}}),
		}, 1, 7, []common.Hash{b0, a0}, []common.Hash{b0, a0}},
		{"tie: lowest hash", tie[:], lowTie, 10, nil, nil},
		{"invalid highest: the next wins", []Committed{
			w.seal(0, 1, &bid.Payload{Value: big.NewInt(2000), Bundle: []common.Hash{a0}}), // above collateral
			w.seal(1, 1, &bid.Payload{Value: big.NewInt(9), Bundle: []common.Hash{b0}}),
		}, 1, 5, []common.Hash{b0, a0}, []common.Hash{b0}},
		{"all invalid: fallback", []Committed{
			w.seal(0, 1, &bid.Payload{Value: big.NewInt(4), Bundle: []common.Hash{a0}}),    // below reserve
			w.seal(1, 1, &bid.Payload{Value: big.NewInt(2000), Bundle: []common.Hash{b0}}), // above collateral
		}, -1, 0, []common.Hash{a0, b0}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := Decide(testSlot, tc.bids, w.key, w.st, testParams)
			if tc.winner < 0 {
				if r.Winner != nil || r.Price != nil {
					t.Fatalf("winner %v at %v, want none", r.Winner, r.Price)
				}
				if !sameSet(r.Included, tc.included) || !reflect.DeepEqual(r.Bundle, r.Included) {
					t.Fatalf("fallback order %v, want %v", r.Included, tc.included)
				}
				return
			}
			if r.Winner == nil || *r.Winner != w.builder(tc.winner) || r.Price.Int64() != tc.price {
				t.Fatalf("winner %v at %v, want builder %d at %d; bids %v", r.Winner, r.Price, tc.winner, tc.price, verdicts(r))
			}
			if *r.WinningBid != tc.bids[tc.winner].Hash {
				t.Fatal("winning bid hash")
			}
			if tc.included != nil && (!reflect.DeepEqual(r.Included, tc.included) || !reflect.DeepEqual(r.Bundle, tc.wantBundle)) {
				t.Fatalf("included %v bundle %v, want %v", r.Included, r.Bundle, tc.included)
			}
		})
	}
}

func sameSet(a, b []common.Hash) bool {
	x, y := slices.Clone(a), slices.Clone(b)
	cmp := func(p, q common.Hash) int { return p.Cmp(q) }
	slices.SortFunc(x, cmp)
	slices.SortFunc(y, cmp)
	return reflect.DeepEqual(x, y)
}

// TestFaults: each fault a builder controls makes its bid invalid with its
// reason, so a valid rival wins.
func TestFaults(t *testing.T) {
	w := newWorld(t)
	s0 := w.env(0xa, 0, testSlot-1, 100_000, true)
	s1 := w.env(0xa, 1, testSlot-1, 100_000, true)
	s2 := w.env(0xa, 2, testSlot-1, 100_000, true)
	other := w.env(0xb, 0, testSlot-1, 100_000, true)
	big1 := w.env(0xc, 0, testSlot-1, 700_000, true)
	big2 := w.env(0xd, 0, testSlot-1, 200_000, true)
	rival := w.seal(2, 1, &bid.Payload{Value: big.NewInt(6), Bundle: []common.Hash{other}})
	rivalPayload, _ := bid.Open(rival.Bid.Sealed, w.key)

	badLength, _ := threshold.Encrypt(nil, make([]byte, 61), w.deal.EonKey, threshold.BidIdentity(testChain, testSlot).Point())
	inner, _ := (&bid.Payload{Value: big.NewInt(9), Builder: w.builder(0), Slot: testSlot + 3}).Bytes()
	innerSlot, _ := threshold.Encrypt(nil, inner, w.deal.EonKey, threshold.BidIdentity(testChain, testSlot).Point())
	otherSlot, _ := bid.Seal(nil, &bid.Payload{Value: big.NewInt(9), Builder: w.builder(0), Slot: testSlot + 1}, testChain, w.deal.EonKey)
	for _, tc := range []struct {
		name   string
		bid    Committed
		reason string
	}{
		{"copied from a rival", w.sign(0, 1, rival.Bid.Sealed), ReasonBuilderMismatch},
		{"sealed to another slot", w.sign(0, 1, otherSlot), ReasonUndecryptable},
		{"garbage", w.sign(0, 1, []byte{3, 1, 2}), ReasonUndecryptable},
		{"payload of 61 bytes", w.sign(0, 1, badLength.Bytes()), ReasonBadPayload},
		{"inner slot differs", w.sign(0, 1, innerSlot.Bytes()), ReasonSlotMismatch},
		{"below reserve", w.seal(0, 1, &bid.Payload{Value: big.NewInt(4)}), ReasonBelowReserve},
		{"above collateral", w.seal(0, 1, &bid.Payload{Value: big.NewInt(1001)}), ReasonAboveCollateral},
		{"an envelope twice", w.seal(0, 1, &bid.Payload{Value: big.NewInt(9), Bundle: []common.Hash{s0, other, s0}}), ReasonDuplicate},
		{"a never-admitted hash twice", w.seal(0, 1, &bid.Payload{Value: big.NewInt(9), Bundle: []common.Hash{{0xee}, s0, {0xee}}}), ReasonDuplicate},
		{"nonces out of order", w.seal(0, 1, &bid.Payload{Value: big.NewInt(9), Bundle: []common.Hash{s0, s2, s1}}), ReasonNonceOrder},
		{"a nonce skipped", w.seal(0, 1, &bid.Payload{Value: big.NewInt(9), Bundle: []common.Hash{s0, s2}}), ReasonNonceOrder},
		{"the sender's first nonce left out", w.seal(0, 1, &bid.Payload{Value: big.NewInt(9), Bundle: []common.Hash{s1, s2}}), ReasonNonceOrder},
		{"over the bid gas limit", w.seal(0, 1, &bid.Payload{Value: big.NewInt(9), Bundle: []common.Hash{big1, big2}}), ReasonGasLimit},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := Decide(testSlot, []Committed{tc.bid, rival}, w.key, w.st, testParams)
			if got := verdicts(r)[w.builder(0)]; got != "invalid/"+tc.reason {
				t.Fatalf("verdict %s, want invalid/%s", got, tc.reason)
			}
			if r.Winner == nil || *r.Winner != w.builder(2) || r.Price.Cmp(testParams.Reserve) != 0 {
				t.Fatalf("winner %v at %v, want the rival at the reserve", r.Winner, r.Price)
			}
			if !slices.Equal(r.Penalized(), []common.Address{w.builder(0)}) {
				t.Fatalf("penalized %v", r.Penalized())
			}
		})
	}
	if rivalPayload.Slot != testSlot {
		t.Fatal("rival payload")
	}
}

// TestOvertaken: entries state overtook since sealing, or never admitted,
// are dropped, not fined: one never admitted or one an earlier slot took
// alone, one expired (or unpayable) with its sender's later entries. After
// the bundle the chain appends the long-queued envelopes, then every other
// payable queued one in fallback order (protocol §5).
func TestOvertaken(t *testing.T) {
	w := newWorld(t)
	taken := w.env(0xa, 0, testSlot-2, 100_000, false) // committed by an earlier slot
	q := w.st.known[taken]
	q.Committed = true
	w.st.known[taken] = q
	a1 := w.env(0xa, 1, testSlot-2, 100_000, true)
	gone := w.env(0xf, 0, testSlot-2, 100_000, false) // expired
	after := w.env(0xf, 1, testSlot-2, 100_000, true)
	poor0 := w.env(0xb, 0, testSlot-1, 100_000, true)
	poor1 := w.env(0xb, 1, testSlot-1, 100_000, true)
	w.st.funds[common.Address{0xb}] = big.NewInt(150_000) // pays one of its two
	rich := w.env(0xc, 0, testSlot-1, 100_000, true)
	old0 := w.env(0xd, 0, testSlot-12, 100_000, true) // queued 12 slots ago: overdue
	old1 := w.env(0xd, 1, testSlot-11, 100_000, true)
	young := w.env(0xe, 0, testSlot-3, 100_000, true)

	pending := common.Hash{0xee} // still pending when the slot is decided
	b := w.seal(0, 1, &bid.Payload{Value: big.NewInt(9), Bundle: []common.Hash{pending, taken, a1, poor0, rich, poor1, gone, after}})
	r := Decide(testSlot, []Committed{b}, w.key, w.st, testParams)
	if got := verdicts(r)[w.builder(0)]; got != "valid/" {
		t.Fatalf("verdict %s", got)
	}
	// The bundle's kept entries; the inclusion list (old0 with old1); the
	// fill in (queued slot, −fee, hash) order: young before after, while
	// poor1 stays unpayable.
	want := []common.Hash{a1, poor0, rich, old0, old1, young, after}
	if !reflect.DeepEqual(r.Included, want) {
		t.Fatalf("included %v, want %v (young %v, after %v)", r.Included, want, young, after)
	}
	if !reflect.DeepEqual(r.Bundle, b.payloadBundle(t, w)) {
		t.Fatal("the record's bundle is the bid's as sealed")
	}
	if len(r.Penalized()) != 0 {
		t.Fatal("an overtaken entry was fined")
	}
}

func (c Committed) payloadBundle(t *testing.T, w *world) []common.Hash {
	p, err := bid.Open(c.Bid.Sealed, w.key)
	if err != nil {
		t.Fatal(err)
	}
	return p.Bundle
}

// TestSeqAndDeterminism: only a builder's highest seq is opened, and the
// result does not depend on the order bids are given in.
func TestSeqAndDeterminism(t *testing.T) {
	w := newWorld(t)
	e := w.env(0xa, 0, testSlot-1, 100_000, true)
	bids := []Committed{
		w.seal(0, 1, &bid.Payload{Value: big.NewInt(900), Bundle: []common.Hash{e}}),
		w.seal(0, 2, &bid.Payload{Value: big.NewInt(8), Bundle: []common.Hash{e}}),
		w.seal(1, 1, &bid.Payload{Value: big.NewInt(7)}),
		w.seal(2, 5, &bid.Payload{Value: big.NewInt(6), Bundle: []common.Hash{e}}),
	}
	first := Decide(testSlot, bids, w.key, w.st, testParams)
	if *first.Winner != w.builder(0) || first.Price.Int64() != 7 {
		t.Fatalf("winner %v at %v: seq 2 (value 8) must count, not seq 1 (900)", first.Winner, first.Price)
	}
	super := 0
	for _, b := range first.Bids {
		if b.Verdict == Superseded {
			super++
			if b.Value != nil || b.Seq != 1 {
				t.Fatalf("superseded bid %+v was opened", b)
			}
		}
	}
	if super != 1 || len(first.Bids) != 4 || !slices.IsSortedFunc(first.Bids, func(a, b BidResult) int { return a.BidHash.Cmp(b.BidHash) }) {
		t.Fatalf("bids %+v", first.Bids)
	}
	rnd := rand.New(rand.NewPCG(1, 2))
	for range 10 {
		rnd.Shuffle(len(bids), func(i, j int) { bids[i], bids[j] = bids[j], bids[i] })
		if again := Decide(testSlot, bids, w.key, w.st, testParams); !reflect.DeepEqual(again, first) {
			t.Fatalf("result depends on input order:\n%+v\n%+v", again, first)
		}
	}
}

// TestTooFewShares: a key combined from t−1 of the committee's shares
// opens no bid: every bid is undecryptable and the fallback orders the slot.
func TestTooFewShares(t *testing.T) {
	w := newWorld(t)
	d, err := thresholdtest.Deal(nil, 4, 3)
	if err != nil {
		t.Fatal(err)
	}
	w.deal = d
	e := w.env(0xa, 0, testSlot-1, 100_000, true)
	b := w.seal(0, 1, &bid.Payload{Value: big.NewInt(9), Bundle: []common.Hash{e}})
	c, err := threshold.NewCommittee(d.EonKey, d.PublicShares, 2) // as if t were 2: combines what 2 shares give
	if err != nil {
		t.Fatal(err)
	}
	id := threshold.BidIdentity(testChain, testSlot).Point()
	var claims []threshold.ShareClaim
	for i := range 2 {
		claims = append(claims, threshold.ShareClaim{Keyper: i + 1, Identity: id, Share: d.Shares[i].Release(id)})
	}
	weak, _, err := c.CombineClaims(nil, claims)
	if err != nil {
		t.Fatal(err)
	}
	r := Decide(testSlot, []Committed{b}, weak, w.st, testParams)
	if r.Winner != nil || verdicts(r)[w.builder(0)] != "invalid/"+ReasonUndecryptable {
		t.Fatalf("t−1 shares opened a bid: %v", verdicts(r))
	}
}

// BenchmarkDecide200x1000 opens and judges 200 bids, each a 1,000-envelope
// bundle over a pool of 1,000 senders' envelopes, on one core.
func BenchmarkDecide200x1000(b *testing.B) {
	w := newWorld(b)
	var pool []common.Hash
	for s := range 1000 {
		h := crypto.Keccak256Hash(big.NewInt(int64(s)).Bytes())
		sender := common.BigToAddress(big.NewInt(int64(s + 1)))
		q := Queued{Hash: h, Sender: sender, QueuedSlot: testSlot - 1, MaxFeePerGas: big.NewInt(1), GasLimit: 20_000}
		w.st.known[h], w.st.funds[sender] = q, big.NewInt(1e9)
		w.st.pool = append(w.st.pool, q)
		pool = append(pool, h)
	}
	rnd := rand.New(rand.NewPCG(3, 4))
	var bids []Committed
	for i := range 200 {
		k, _ := crypto.ToECDSA(crypto.Keccak256([]byte(fmt.Sprint("bench builder", i))))
		w.builders = append(w.builders, k)
		w.st.coll[crypto.PubkeyToAddress(k.PublicKey)] = big.NewInt(1e6)
		bundle := slices.Clone(pool)
		rnd.Shuffle(len(bundle), func(i, j int) { bundle[i], bundle[j] = bundle[j], bundle[i] })
		bids = append(bids, w.seal(len(w.builders)-1, 1, &bid.Payload{Value: big.NewInt(int64(10 + i)), Bundle: bundle}))
	}
	p := testParams
	p.SlotGasLimit, p.InclusionReserve = 30_000_000, 6_000_000
	for b.Loop() {
		r := Decide(testSlot, bids, w.key, w.st, p)
		if r.Winner == nil || len(r.Included) != 1000 {
			b.Fatalf("winner %v, %d included", r.Winner, len(r.Included))
		}
	}
}

// TestFillOrder: after the winner's bundle the chain appends, within the
// slot's gas (not only the reserve), first the long-queued envelopes, then
// the others in fallback order; a sender's later nonce follows its
// earlier ones, and what does not fit waits.
func TestFillOrder(t *testing.T) {
	w := newWorld(t)
	top := w.env(0xa, 0, testSlot-1, 500_000, true)  // the winner's bundle
	old := w.env(0xb, 0, testSlot-12, 150_000, true) // overdue: the inclusion list
	y0 := w.env(0xc, 0, testSlot-2, 100_000, true)   // the fill, oldest first
	y1 := w.env(0xc, 1, testSlot-1, 100_000, true)   // after its sender's nonce 0
	z := w.env(0xd, 0, testSlot-1, 100_000, true)
	late := w.env(0xe, 0, testSlot-1, 100_000, true) // 1,050,000 gas: over the slot, waits
	b := w.seal(0, 1, &bid.Payload{Value: big.NewInt(9), Bundle: []common.Hash{top}})
	r := Decide(testSlot, []Committed{b}, w.key, w.st, testParams)
	got := r.Included
	if len(got) != 5 || got[0] != top || got[1] != old || got[2] != y0 {
		t.Fatalf("included %v: want the bundle %v, the list %v, then %v first", got, top, old, y0)
	}
	// Of y1, z and late (same slot, same fee: hash order) two fit the
	// 1,000,000 gas; y1 only after y0, which it does follow.
	tail := []common.Hash{y1, z, late}
	slices.SortFunc(tail, func(a, b common.Hash) int { return a.Cmp(b) })
	if !slices.Equal(got[3:], tail[:2]) {
		t.Fatalf("fill %v, want the two least hashes of %v", got[3:], tail)
	}
}

// BenchmarkDecideFill orders a slot from a full pool: one winner's bundle
// of 200 envelopes, then the chain's fill over 10,000 queued envelopes of
// 2,500 senders (4 nonces each) until the 30,000,000 gas are spent.
func BenchmarkDecideFill(b *testing.B) {
	w := newWorld(b)
	var bundle []common.Hash
	for s := range 2500 {
		sender := common.BigToAddress(big.NewInt(int64(s + 1)))
		w.st.funds[sender] = big.NewInt(1e12)
		for n := range uint64(4) {
			h := crypto.Keccak256Hash(sender[:], big.NewInt(int64(n)).Bytes())
			q := Queued{Hash: h, Sender: sender, Nonce: n, QueuedSlot: testSlot - 1 - uint64(s%3), MaxFeePerGas: big.NewInt(int64(1 + s%7)), GasLimit: 25_000}
			w.st.known[h] = q
			w.st.pool = append(w.st.pool, q)
			if s < 200 && n == 0 {
				bundle = append(bundle, h)
			}
		}
	}
	bids := []Committed{w.seal(0, 1, &bid.Payload{Value: big.NewInt(10), Bundle: bundle})}
	p := testParams
	p.SlotGasLimit, p.InclusionReserve = 30_000_000, 6_000_000
	for b.Loop() {
		r := Decide(testSlot, bids, w.key, w.st, p)
		if r.Winner == nil || len(r.Included) != 1200 {
			b.Fatalf("winner %v, %d included", r.Winner, len(r.Included))
		}
	}
}

// forcedEnv queues sender s's forced envelope: paid on L1, so its fee per
// gas on Veil is zero.
func (w *world) forcedEnv(s byte, nonce, gas uint64) common.Hash {
	h := w.env(s, nonce, testSlot-1, gas, true)
	q := w.st.known[h]
	q.MaxFeePerGas = new(big.Int)
	w.st.known[h] = q
	w.st.pool[len(w.st.pool)-1] = q
	return h
}

// TestForcedOrder: forced items from L1 come right after the winner's
// bundle and before the inclusion list, in forcedIndex order, each
// envelope after its sender's earlier queued nonces, within the forced gas
// (100,000 here: half the 200,000 reserve); the first that does not fit
// ends the forced items for the slot, one whose sender cannot pay its
// earlier nonces waits without holding up the rest, and one the bundle
// took is not repeated.
func TestForcedOrder(t *testing.T) {
	type built struct {
		bundle []common.Hash
		forced []Forced
		want   func(included []common.Hash) string // "" when the order is right
	}
	plain := func(n byte, gas uint64) Forced {
		return Forced{Index: uint64(n), Hash: crypto.Keccak256Hash([]byte("plain"), []byte{n}), Plain: true, Gas: gas}
	}
	expect := func(want ...common.Hash) func([]common.Hash) string {
		return func(got []common.Hash) string {
			if !slices.Equal(got, want) {
				return fmt.Sprintf("included %v, want %v", got, want)
			}
			return ""
		}
	}
	for _, tc := range []struct {
		name  string
		build func(w *world) built
	}{
		{"after the bundle, before the inclusion list", func(w *world) built {
			top := w.env(0xa, 0, testSlot-1, 500_000, true)
			old := w.env(0xb, 0, testSlot-12, 150_000, true) // overdue
			e0 := w.env(0xf, 0, testSlot-2, 30_000, true)    // the forced envelope's sender's earlier nonce
			f := w.forcedEnv(0xf, 1, 40_000)
			p := plain(2, 21_000)
			return built{[]common.Hash{top}, []Forced{{Index: 1, Hash: f}, p}, expect(top, e0, f, p.Hash, old)}
		}},
		{"the forced gas ends the step", func(w *world) built {
			top := w.env(0xa, 0, testSlot-1, 500_000, true)
			p1, p2, p3 := plain(1, 60_000), plain(2, 50_000), plain(3, 21_000) // p2 passes 100,000: it and p3 wait
			return built{[]common.Hash{top}, []Forced{p1, p2, p3}, expect(top, p1.Hash)}
		}},
		{"taken by the bundle", func(w *world) built {
			f := w.forcedEnv(0xf, 0, 40_000)
			p := plain(2, 21_000)
			return built{[]common.Hash{f}, []Forced{{Index: 1, Hash: f}, p}, expect(f, p.Hash)}
		}},
		{"an unpayable earlier nonce waits alone", func(w *world) built {
			top := w.env(0xa, 0, testSlot-1, 500_000, true)
			w.env(0xf, 0, testSlot-2, 30_000, true)
			w.st.funds[common.Address{0xf}] = big.NewInt(10) // cannot pay 30,000
			f := w.forcedEnv(0xf, 1, 40_000)
			p := plain(2, 21_000)
			return built{[]common.Hash{top}, []Forced{{Index: 1, Hash: f}, p}, expect(top, p.Hash)}
		}},
		{"a run above the whole forced gas waits alone", func(w *world) built {
			top := w.env(0xa, 0, testSlot-1, 300_000, true)
			e0 := w.env(0xf, 0, testSlot-2, 90_000, true)
			f := w.forcedEnv(0xf, 1, 40_000) // with e0: 130,000
			p := plain(2, 21_000)
			// e0 and f still come in the fill after the list: not forced, not lost.
			return built{[]common.Hash{top}, []Forced{{Index: 1, Hash: f}, p}, expect(top, p.Hash, e0, f)}
		}},
		{"dropped before its slot", func(w *world) built {
			top := w.env(0xa, 0, testSlot-1, 500_000, true)
			gone := w.env(0xf, 0, testSlot-2, 30_000, false) // no longer queued
			p := plain(2, 21_000)
			return built{[]common.Hash{top}, []Forced{{Index: 1, Hash: gone}, p}, expect(top, p.Hash)}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := newWorld(t)
			b := tc.build(w)
			w.st.forced = b.forced
			c := w.seal(0, 1, &bid.Payload{Value: big.NewInt(9), Bundle: b.bundle})
			r := Decide(testSlot, []Committed{c}, w.key, w.st, testParams)
			if r.Winner == nil {
				t.Fatalf("no winner: %+v", r.Bids)
			}
			if msg := b.want(r.Included); msg != "" {
				t.Fatal(msg)
			}
		})
	}
}
