package proposer

import (
	"bytes"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/veil-sequencer/veil/auction"
	"github.com/veil-sequencer/veil/bid"
	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/params"
	"github.com/veil-sequencer/veil/threshold"
	"github.com/veil-sequencer/veil/threshold/thresholdtest"
)

const slot = 30

type state struct {
	pool  []auction.Queued
	known map[common.Hash]auction.Queued
}

func (s *state) Pool() []auction.Queued { return slices.Clone(s.pool) }
func (s *state) Envelope(h common.Hash) (auction.Queued, bool) {
	q, ok := s.known[h]
	return q, ok
}
func (s *state) Funds(common.Address) *big.Int      { return big.NewInt(1e18) }
func (s *state) Collateral(common.Address) *big.Int { return big.NewInt(1e18) }
func (s *state) Reserved(common.Address) *big.Int   { return nil }
func (s *state) Forced() []auction.Forced           { return nil }

// fixture: a 1-of-1 eon, two queued envelopes and two builders' bids.
func fixture(t testing.TB) (Inputs, *threshold.IdentityKey, *thresholdtest.Dealing) {
	d, err := thresholdtest.Deal(nil, 1, 1)
	if err != nil {
		t.Fatal(err)
	}
	st := &state{known: map[common.Hash]auction.Queued{}}
	var hs []common.Hash
	for i := range 2 {
		q := auction.Queued{Hash: common.Hash{byte(i + 1)}, Sender: common.Address{byte(i + 1)}, QueuedSlot: slot - 1, MaxFeePerGas: big.NewInt(1), GasLimit: 50_000}
		st.pool, st.known[q.Hash] = append(st.pool, q), q
		hs = append(hs, q.Hash)
	}
	in := Inputs{ChainID: 1337, Slot: slot, Eon: 1, EonKey: d.EonKey, State: st, Params: testNetParams()}
	dom := eip712.Domain{ChainID: 1337}
	for i, bundle := range [][]common.Hash{{hs[0], hs[1]}, {hs[1]}} {
		k, _ := crypto.ToECDSA(crypto.Keccak256([]byte(fmt.Sprint("proposer builder", i))))
		builder := crypto.PubkeyToAddress(k.PublicKey)
		sealed, err := bid.Seal(nil, &bid.Payload{Value: big.NewInt(int64(10 + i)), Builder: builder, Slot: slot, Bundle: bundle}, 1337, d.EonKey)
		if err != nil {
			t.Fatal(err)
		}
		b := &bid.Bid{ChainID: 1337, Eon: 1, Slot: slot, Builder: builder, Seq: 1, Sealed: sealed}
		if err := b.Sign(dom, k); err != nil {
			t.Fatal(err)
		}
		in.Bids = append(in.Bids, auction.Committed{Bid: b, Hash: b.Hash(dom)})
	}
	return in, keyFor(t, d, slot), d
}

// keyFor is slot s's bid key.
func keyFor(t testing.TB, d *thresholdtest.Dealing, s uint64) *threshold.IdentityKey {
	return keyOf(t, d, threshold.BidIdentity(1337, s))
}

// TestCheck: every validator accepts exactly the record the auction gives
// and rejects a proposer that alters the result, drops a committed bid,
// reorders the slot, or lacks or fakes the bid key.
func TestCheck(t *testing.T) {
	in, key, d := fixture(t)
	rec, err := Build(in, key, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rec.Auction.Winner == nil || rec.Auction.Price.Int64() != 10 || len(rec.Auction.Included) != 2 || rec.Auction.Included[0] != (common.Hash{2}) {
		t.Fatalf("auction: winner %v price %v included %v", rec.Auction.Winner, rec.Auction.Price, rec.Auction.Included)
	}
	good := rec.Encode()
	if _, err := Check(in, good); err != nil {
		t.Fatalf("the honest record: %v", err)
	}
	if _, err := Build(in, nil, nil); !errors.Is(err, ErrNoBidKey) {
		t.Fatalf("build without the key: %v", err)
	}
	alter := func(edit func(r *Record)) []byte {
		r, err := Decode(good)
		if err != nil {
			t.Fatal(err)
		}
		edit(r)
		return r.Encode()
	}
	noBids := in
	noBids.Bids = nil
	fallback, _ := Build(noBids, nil, nil)
	for _, tc := range []struct {
		name string
		in   Inputs
		raw  []byte
		want error
	}{
		{"price altered", in, alter(func(r *Record) { r.Auction.Price = big.NewInt(11) }), ErrMismatch},
		{"a committed bid dropped", in, alter(func(r *Record) { r.Auction.Bids = r.Auction.Bids[:1] }), ErrMismatch},
		{"another order", in, alter(func(r *Record) { r.Auction.Included = []common.Hash{{1}, {2}} }), ErrMismatch},
		{"the loser wins", in, alter(func(r *Record) {
			for _, b := range r.Auction.Bids {
				if b.Builder != *r.Auction.Winner {
					r.Auction.Winner = &b.Builder
					break
				}
			}
		}), ErrMismatch},
		{"no bid key", in, alter(func(r *Record) { r.BidKey = nil }), ErrNoBidKey},
		{"another slot's key", in, alter(func(r *Record) { r.BidKey = keyFor(t, d, slot+1) }), ErrBadBidKey},
		{"a key without bids", noBids, alter(func(r *Record) {}), ErrMismatch},
		{"another slot", in, alter(func(r *Record) { r.Slot++ }), ErrMismatch},
		{"not canonical", in, bytes.Replace(good, []byte(`{"slot"`), []byte(`{ "slot"`), 1), ErrNotCanonical},
		{"fallback record is fine", noBids, fallback.Encode(), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Check(tc.in, tc.raw)
			if (tc.want == nil && err != nil) || (tc.want != nil && !errors.Is(err, tc.want)) {
				t.Fatalf("got %v, want %v", err, tc.want)
			}
		})
	}
	if !strings.Contains(string(fallback.Encode()), `"bidKey":null`) {
		t.Fatalf("fallback record: %s", fallback.Encode())
	}
}

// FuzzDecode: slot records arrive in blocks from proposers: the decoder
// never panics and accepts only canonical bytes.
func FuzzDecode(f *testing.F) {
	in, key, _ := fixture(f)
	rec, _ := Build(in, key, nil)
	f.Add(rec.Encode())
	rec.EonSig = &StatementSig{Subject: 2, Sigma: key} // a record with statements' σ
	rec.Slash = &StatementSig{Subject: 3, Sigma: key}
	f.Add(rec.Encode())
	in.Bids = nil
	fb, _ := Build(in, nil, nil)
	f.Add(fb.Encode())
	f.Add([]byte(`{}`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		r, err := Decode(raw)
		if err != nil {
			return
		}
		if !bytes.Equal(r.Encode(), raw) {
			t.Fatal("accepted a non-canonical record")
		}
	})
}

func keyOf(t testing.TB, d *thresholdtest.Dealing, id threshold.Identity) *threshold.IdentityKey {
	key, err := d.Key(id.Point())
	if err != nil {
		t.Fatal(err)
	}
	return key
}

// TestCheckKeys: a block may carry the keys of bundle(s−1) and must carry
// those of bundle(s−2), each whole, in order, valid under the eon key.
func TestCheckKeys(t *testing.T) {
	in, key, d := fixture(t)
	a, b, c := threshold.Identity{0xa}, threshold.Identity{0xb}, threshold.Identity{0xc}
	in.Due = []Due{{Slot: slot - 2, Identities: []threshold.Identity{c}, Required: true}, {Slot: slot - 1, Identities: []threshold.Identity{a, b}}}
	ka, kb, kc := keyOf(t, d, a), keyOf(t, d, b), keyOf(t, d, c)
	if _, err := Build(in, key, KeySet{slot - 1: {ka, kb}}); !errors.Is(err, ErrNoKeys) {
		t.Fatalf("build without the required keys: %v", err)
	}
	rec, err := Build(in, key, KeySet{slot - 2: {kc}, slot - 1: {ka, nil}}) // a partial set is left out
	if err != nil || len(rec.Keys) != 1 {
		t.Fatalf("build: %v %v", rec, err)
	}
	rec, err = Build(in, key, KeySet{slot - 2: {kc}, slot - 1: {ka, kb}})
	if err != nil || len(rec.Keys) != 3 || rec.Keys[0].Slot != slot-2 || rec.Keys[2].Index != 1 {
		t.Fatalf("build: %+v %v", rec, err)
	}
	good := rec.Encode()
	with := func(keys ...Key) []byte {
		r, _ := Decode(good)
		r.Keys = keys
		return r.Encode()
	}
	kC := Key{Slot: slot - 2, Index: 0, Identity: c, Key: kc}
	kA := Key{Slot: slot - 1, Index: 0, Identity: a, Key: ka}
	kB := Key{Slot: slot - 1, Index: 1, Identity: b, Key: kb}
	for _, tc := range []struct {
		name string
		raw  []byte
		want error
	}{
		{"both bundles", good, nil},
		{"only the required one", with(kC), nil},
		{"required keys missing", with(kA, kB), ErrNoKeys},
		{"a partial set", with(kC, kA), ErrBadKeys},
		{"out of order", with(kC, Key{Slot: slot - 1, Index: 0, Identity: b, Key: kb}, Key{Slot: slot - 1, Index: 1, Identity: a, Key: ka}), ErrBadKeys},
		{"a wrong key", with(kC, kA, Key{Slot: slot - 1, Index: 1, Identity: b, Key: ka}), ErrBadKeys},
		{"an identity outside the bundle", with(kC, kA, Key{Slot: slot - 1, Index: 1, Identity: c, Key: kc}), ErrBadKeys},
		{"a bundle that is not due", with(kC, Key{Slot: slot - 3, Index: 0, Identity: c, Key: kc}), ErrBadKeys},
	} {
		// The same verdicts whether the node knows the good keys verified
		// (its keyper combined them) or not: a known key is taken as
		// known, not parsed, and any other is checked as before.
		for _, knows := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s, keys known %v", tc.name, knows), func(t *testing.T) {
				in := in
				if knows {
					in.Known = func(s uint64, i uint32, id threshold.Identity, raw []byte) (*threshold.IdentityKey, bool) {
						for _, k := range []Key{kC, kA, kB} {
							if k.Slot == s && k.Index == i && k.Identity == id && bytes.Equal(k.Key.Bytes(), raw) {
								return k.Key, true
							}
						}
						return nil, false
					}
				}
				rec, err := Check(in, tc.raw)
				if (tc.want == nil && err != nil) || (tc.want != nil && !errors.Is(err, tc.want)) {
					t.Fatalf("got %v, want %v", err, tc.want)
				}
				if err == nil && (rec.Keys[0].Key == kc) != knows {
					t.Fatalf("the recorded key is the known one: %v, want %v", rec.Keys[0].Key == kc, knows)
				}
			})
		}
	}
}

// testNetParams are the default network parameters with a reserve of 1 wei.
func testNetParams() params.Params {
	p := params.Default()
	p.Reserve = big.NewInt(1)
	return p
}
