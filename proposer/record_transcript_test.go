package proposer

import (
	"bytes"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/veil-sequencer/veil/auction"
	"github.com/veil-sequencer/veil/bid"
	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/params"
	"github.com/veil-sequencer/veil/threshold"
	"github.com/veil-sequencer/veil/threshold/thresholdtest"
	"github.com/veil-sequencer/veil/wire"
)

// The record transcript's slot, and its envelopes by name: two of sender
// A's nonces and one of B's queued in slot 29, one of C queued in slot 20
// (overdue at slot 30: the chain's inclusion list takes it), and one no
// block ever admitted.
const recSlot = 30

var recEnvelopes = map[string]auction.Queued{
	"a0":  {Hash: common.Hash{0x01}, Sender: common.Address{0xa}, Nonce: 0, QueuedSlot: 29},
	"a1":  {Hash: common.Hash{0x02}, Sender: common.Address{0xa}, Nonce: 1, QueuedSlot: 29},
	"b0":  {Hash: common.Hash{0x03}, Sender: common.Address{0xb}, Nonce: 0, QueuedSlot: 29},
	"old": {Hash: common.Hash{0x04}, Sender: common.Address{0xc}, Nonce: 0, QueuedSlot: 20},
}

func recHash(name string) common.Hash {
	if q, ok := recEnvelopes[name]; ok {
		return q.Hash
	}
	return crypto.Keccak256Hash([]byte(name)) // never admitted
}

func recName(h common.Hash) string {
	for n, q := range recEnvelopes {
		if q.Hash == h {
			return n
		}
	}
	if h == recHash("nowhere") {
		return "nowhere"
	}
	return h.Hex()
}

// recState is the chain state the auction reads: every named envelope
// queued, funds and collateral plenty.
type recState struct{}

func (recState) Pool() []auction.Queued {
	var out []auction.Queued
	for _, n := range []string{"a0", "a1", "b0", "old"} {
		q := recEnvelopes[n]
		q.MaxFeePerGas, q.GasLimit = big.NewInt(1), 50_000
		out = append(out, q)
	}
	return out
}

func (s recState) Envelope(h common.Hash) (auction.Queued, bool) {
	for _, q := range s.Pool() {
		if q.Hash == h {
			return q, true
		}
	}
	return auction.Queued{}, false
}
func (recState) Funds(common.Address) *big.Int      { return big.NewInt(1e18) }
func (recState) Collateral(common.Address) *big.Int { return big.NewInt(1e18) }
func (recState) Reserved(common.Address) *big.Int   { return nil }
func (recState) Forced() []auction.Forced           { return nil }

// recBid is a committed bid: builder index, seq, sealed value and bundle.
type recBid struct {
	builder int
	seq     uint64
	value   int64
	bundle  []string
}

// recDue is a bundle due in the block: back slots before it, with n
// identities, required or not, and which of its keys the proposer has:
// "whole", "partial" (one missing) or "none".
type recDue struct {
	back     uint64
	n        int
	required bool
	have     string
}

// recCase is one row: the proposer's inputs and the record it must build.
type recCase struct {
	name   string
	bids   []recBid
	bidKey bool // the proposer has the slot's bid key
	due    []recDue

	err       error             // Build's error; nil: the record below
	carries   bool              // the record carries the bid key
	verdicts  map[string]string // "builder/seq" → verdict [reason]
	winner    int               // builder index; −1: none
	price     int64             // −1: null
	bundle    []string
	included  []string
	keySlots  []uint64 // the slot of each recorded key, in order
	keysWhole bool     // every recorded key is the dealer's
}

// TestRecordTranscript: for each set of inputs (the auction's bids, the
// queued envelopes, the keys the proposer has, the bundles due), Build
// gives exactly the record fields written in the row, every validator's
// Check accepts it, and Check rejects it with each field tampered.
func TestRecordTranscript(t *testing.T) {
	d, err := thresholdtest.Deal(rand.NewChaCha8([32]byte{30}), 3, 2)
	if err != nil {
		t.Fatal(err)
	}
	p := params.Default()
	p.Reserve = big.NewInt(10)
	builders := make([]common.Address, 2)
	keys := make([]*ecdsa.PrivateKey, 2)
	for i := range builders {
		keys[i], _ = crypto.ToECDSA(crypto.Keccak256(fmt.Appendf(nil, "record builder %d", i)))
		builders[i] = crypto.PubkeyToAddress(keys[i].PublicKey)
	}
	dom := eip712.Domain{ChainID: 1337}
	tampered := map[string]int{} // tamper → records it was tried on
	for _, tc := range []recCase{
		{name: "no bids: the fallback bundle, oldest first", winner: -1, price: -1,
			bundle: []string{"old", "a0", "a1", "b0"}, included: []string{"old", "a0", "a1", "b0"}},
		{name: "one valid bid wins at the reserve", bids: []recBid{{0, 1, 50, []string{"b0"}}}, bidKey: true,
			carries: true, verdicts: map[string]string{"0/1": "valid 50"}, winner: 0, price: 10,
			bundle: []string{"b0"}, included: []string{"b0", "old", "a0", "a1"}},
		{name: "the highest bid pays the second", bids: []recBid{{0, 1, 50, []string{"b0"}}, {1, 1, 70, []string{"a0", "a1"}}}, bidKey: true,
			carries: true, verdicts: map[string]string{"0/1": "valid 50", "1/1": "valid 70"}, winner: 1, price: 50,
			bundle: []string{"a0", "a1"}, included: []string{"a0", "a1", "old", "b0"}},
		{name: "an invalid bid is named, the valid one wins", bids: []recBid{{0, 1, 70, []string{"a1"}}, {1, 1, 20, []string{"b0"}}}, bidKey: true,
			carries: true, verdicts: map[string]string{"0/1": "invalid 70 nonce_order", "1/1": "valid 20"}, winner: 1, price: 10,
			bundle: []string{"b0"}, included: []string{"b0", "old", "a0", "a1"}},
		{name: "a never-admitted entry is dropped, not fined", bids: []recBid{{0, 1, 50, []string{"nowhere", "b0"}}}, bidKey: true,
			carries: true, verdicts: map[string]string{"0/1": "valid 50"}, winner: 0, price: 10,
			bundle: []string{"nowhere", "b0"}, included: []string{"b0", "old", "a0", "a1"}},
		{name: "no valid bid: the fallback bundle, the key still recorded", bids: []recBid{{0, 1, 50, []string{"b0", "b0"}}, {1, 1, 5, []string{"b0"}}}, bidKey: true,
			carries: true, verdicts: map[string]string{"0/1": "invalid 50 duplicate_envelope", "1/1": "invalid 5 below_reserve"}, winner: -1, price: -1,
			bundle: []string{"old", "a0", "a1", "b0"}, included: []string{"old", "a0", "a1", "b0"}},
		{name: "a higher seq supersedes", bids: []recBid{{0, 1, 90, []string{"a0"}}, {0, 2, 40, []string{"b0"}}, {1, 1, 30, []string{"a0", "a1"}}}, bidKey: true,
			carries: true, verdicts: map[string]string{"0/1": "superseded", "0/2": "valid 40", "1/1": "valid 30"}, winner: 0, price: 30,
			bundle: []string{"b0"}, included: []string{"b0", "old", "a0", "a1"}},
		{name: "bids without the bid key", bids: []recBid{{0, 1, 50, []string{"b0"}}}, err: ErrNoBidKey},
		{name: "keys of bundle(s−1), whole", due: []recDue{{1, 2, false, "whole"}}, winner: -1, price: -1,
			bundle: []string{"old", "a0", "a1", "b0"}, included: []string{"old", "a0", "a1", "b0"}, keySlots: []uint64{29, 29}, keysWhole: true},
		{name: "keys of bundle(s−2), a partial set of s−1 left out", due: []recDue{{2, 1, true, "whole"}, {1, 2, false, "partial"}}, winner: -1, price: -1,
			bundle: []string{"old", "a0", "a1", "b0"}, included: []string{"old", "a0", "a1", "b0"}, keySlots: []uint64{28}, keysWhole: true},
		{name: "both bundles' keys", due: []recDue{{2, 1, true, "whole"}, {1, 2, false, "whole"}}, winner: -1, price: -1,
			bundle: []string{"old", "a0", "a1", "b0"}, included: []string{"old", "a0", "a1", "b0"}, keySlots: []uint64{28, 29, 29}, keysWhole: true},
		{name: "the required keys missing", due: []recDue{{2, 1, true, "none"}, {1, 2, false, "whole"}}, err: ErrNoKeys},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := Inputs{ChainID: 1337, Slot: recSlot, Eon: 1, EonKey: d.EonKey, State: recState{}, Params: p}
			byHash := map[common.Hash]string{}
			for i, b := range tc.bids {
				var bundle []common.Hash
				for _, n := range b.bundle {
					bundle = append(bundle, recHash(n))
				}
				sealed, err := bid.Seal(rand.NewChaCha8([32]byte{byte(i)}), &bid.Payload{Value: big.NewInt(b.value), Builder: builders[b.builder], Slot: recSlot, Bundle: bundle}, 1337, d.EonKey)
				if err != nil {
					t.Fatal(err)
				}
				x := &bid.Bid{ChainID: 1337, Eon: 1, Slot: recSlot, Builder: builders[b.builder], Seq: b.seq, Sealed: sealed}
				if err := x.Sign(dom, keys[b.builder]); err != nil {
					t.Fatal(err)
				}
				in.Bids = append(in.Bids, auction.Committed{Bid: x, Hash: x.Hash(dom)})
				byHash[x.Hash(dom)] = fmt.Sprintf("%d/%d", b.builder, b.seq)
			}
			have := KeySet{}
			for _, due := range tc.due {
				s := recSlot - due.back
				dd := Due{Slot: s, Required: due.required}
				var ks []*threshold.IdentityKey
				for i := range due.n {
					id := threshold.Identity{byte(s), byte(i)}
					dd.Identities = append(dd.Identities, id)
					ks = append(ks, recKey(t, d, id))
				}
				switch due.have {
				case "whole":
					have[s] = ks
				case "partial":
					ks[len(ks)-1] = nil
					have[s] = ks
				}
				in.Due = append(in.Due, dd)
			}
			var key *threshold.IdentityKey
			if tc.bidKey {
				key = recKey(t, d, threshold.BidIdentity(1337, recSlot))
			}

			rec, err := Build(in, key, have)
			if tc.err != nil || err != nil {
				if !errors.Is(err, tc.err) || tc.err == nil {
					t.Fatalf("Build: %v, want %v", err, tc.err)
				}
				return
			}
			// The record, field by field.
			if rec.Slot != recSlot || rec.Eon != 1 || (rec.BidKey != nil) != tc.carries {
				t.Errorf("slot %d eon %d bid key %v, want %d 1 %v", rec.Slot, rec.Eon, rec.BidKey != nil, recSlot, tc.carries)
			}
			a := rec.Auction
			verdicts := map[string]string{}
			for _, b := range a.Bids {
				v := string(b.Verdict)
				if b.Value != nil {
					v += " " + b.Value.String()
				}
				if b.Reason != "" {
					v += " " + b.Reason
				}
				verdicts[byHash[b.BidHash]] = v
			}
			if len(verdicts) != len(tc.verdicts) || !equalMaps(verdicts, tc.verdicts) {
				t.Errorf("verdicts %v, want %v", verdicts, tc.verdicts)
			}
			winner := -1
			for i, b := range builders {
				if a.Winner != nil && *a.Winner == b {
					winner = i
				}
			}
			if winner != tc.winner || (a.Winner != nil) != (tc.winner >= 0) {
				t.Errorf("winner %v, want builder %d", a.Winner, tc.winner)
			}
			if (a.WinningBid != nil) != (tc.winner >= 0) || (a.WinningBid != nil && byHash[*a.WinningBid] == "") {
				t.Errorf("winning bid %v", a.WinningBid)
			}
			switch {
			case tc.price < 0 && a.Price != nil, tc.price >= 0 && (a.Price == nil || a.Price.Cmp(big.NewInt(tc.price)) != 0):
				t.Errorf("price %v, want %d (−1: null)", a.Price, tc.price)
			}
			if got := recNames(a.Bundle); !slices.Equal(got, tc.bundle) {
				t.Errorf("bundle %v, want %v", got, tc.bundle)
			}
			if got := recNames(a.Included); !slices.Equal(got, tc.included) {
				t.Errorf("included %v, want %v", got, tc.included)
			}
			var slots []uint64
			for i, k := range rec.Keys {
				slots = append(slots, k.Slot)
				if tc.keysWhole && !k.Key.Equal(have[k.Slot][k.Index]) {
					t.Errorf("key %d is not the proposer's", i)
				}
			}
			if !slices.Equal(slots, tc.keySlots) {
				t.Errorf("keys of slots %v, want %v", slots, tc.keySlots)
			}

			// Every validator accepts it, and nothing else.
			good := rec.Encode()
			if _, err := Check(in, good); err != nil {
				t.Fatalf("Check of the honest record: %v", err)
			}
			for _, tm := range recordTampers(t, d, builders) {
				r, err := Decode(good)
				if err != nil {
					t.Fatal(err)
				}
				want, ok := tm.edit(r)
				if !ok {
					continue
				}
				tampered[tm.name]++
				raw := r.Encode()
				if tm.raw != nil {
					raw = tm.raw(good)
				}
				if _, err := Check(in, raw); !errors.Is(err, want) {
					t.Errorf("%s: Check says %v, want %v", tm.name, err, want)
				}
			}
		})
	}
	for _, tm := range recordTampers(t, d, builders) {
		if tampered[tm.name] == 0 {
			t.Errorf("tamper %q was tried on no record", tm.name)
		}
	}
}

func recNames(hs []common.Hash) []string {
	out := []string{}
	for _, h := range hs {
		out = append(out, recName(h))
	}
	return out
}

func equalMaps(a, b map[string]string) bool {
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// recordTamper alters one field of a decoded record; edit reports the
// error Check must give, or false where the field cannot be altered so.
type recordTamper struct {
	name string
	edit func(r *Record) (error, bool)
	raw  func(good []byte) []byte // alters the bytes instead
}

func recordTampers(t *testing.T, d *thresholdtest.Dealing, builders []common.Address) []recordTamper {
	other := recKey(t, d, threshold.BidIdentity(1337, recSlot+1))
	own := recKey(t, d, threshold.BidIdentity(1337, recSlot))
	return []recordTamper{
		{name: "slot", edit: func(r *Record) (error, bool) { r.Slot++; return ErrMismatch, true }},
		{name: "eon", edit: func(r *Record) (error, bool) { r.Eon++; return ErrMismatch, true }},
		{name: "bid key left out", edit: func(r *Record) (error, bool) {
			ok := r.BidKey != nil
			r.BidKey = nil
			return ErrNoBidKey, ok
		}},
		{name: "another slot's bid key", edit: func(r *Record) (error, bool) {
			ok := r.BidKey != nil
			r.BidKey = other
			return ErrBadBidKey, ok
		}},
		{name: "a bid key without bids", edit: func(r *Record) (error, bool) {
			ok := r.BidKey == nil
			r.BidKey = own
			return ErrMismatch, ok
		}},
		{name: "a committed bid dropped", edit: func(r *Record) (error, bool) {
			ok := len(r.Auction.Bids) > 0
			if ok {
				r.Auction.Bids = r.Auction.Bids[1:]
			}
			return ErrMismatch, ok
		}},
		{name: "a verdict", edit: func(r *Record) (error, bool) {
			ok := len(r.Auction.Bids) > 0
			if ok {
				b := &r.Auction.Bids[0]
				if b.Verdict == auction.Valid {
					b.Verdict, b.Reason = auction.Invalid, auction.ReasonBelowReserve
				} else {
					b.Verdict, b.Reason = auction.Valid, ""
				}
			}
			return ErrMismatch, ok
		}},
		{name: "a value", edit: func(r *Record) (error, bool) {
			for i := range r.Auction.Bids {
				if v := r.Auction.Bids[i].Value; v != nil {
					r.Auction.Bids[i].Value = new(big.Int).Add(v, big.NewInt(1))
					return ErrMismatch, true
				}
			}
			return nil, false
		}},
		{name: "the winner", edit: func(r *Record) (error, bool) {
			w := builders[0]
			if r.Auction.Winner != nil && *r.Auction.Winner == w {
				w = builders[1]
			}
			r.Auction.Winner = &w
			return ErrMismatch, true
		}},
		{name: "the winning bid", edit: func(r *Record) (error, bool) {
			h := common.Hash{0xee}
			r.Auction.WinningBid = &h
			return ErrMismatch, true
		}},
		{name: "the price", edit: func(r *Record) (error, bool) {
			r.Auction.Price = new(big.Int).Add(wire.OrZero(r.Auction.Price), big.NewInt(1))
			return ErrMismatch, true
		}},
		{name: "the bundle", edit: func(r *Record) (error, bool) {
			r.Auction.Bundle = append(slices.Clone(r.Auction.Bundle), recHash("a0"))
			return ErrMismatch, true
		}},
		{name: "the order", edit: func(r *Record) (error, bool) {
			ok := len(r.Auction.Included) > 1
			r.Auction.Included = slices.Clone(r.Auction.Included)
			slices.Reverse(r.Auction.Included)
			return ErrMismatch, ok
		}},
		{name: "an envelope left out", edit: func(r *Record) (error, bool) {
			ok := len(r.Auction.Included) > 0
			if ok {
				r.Auction.Included = r.Auction.Included[:len(r.Auction.Included)-1]
			}
			return ErrMismatch, ok
		}},
		{name: "the required keys left out", edit: func(r *Record) (error, bool) {
			ok := len(r.Keys) > 0 && r.Keys[0].Slot == recSlot-2
			r.Keys = slices.DeleteFunc(r.Keys, func(k Key) bool { return k.Slot == recSlot-2 })
			return ErrNoKeys, ok
		}},
		{name: "a partial set of keys", edit: func(r *Record) (error, bool) {
			ok := len(r.Keys) > 1 && r.Keys[len(r.Keys)-1].Slot == r.Keys[len(r.Keys)-2].Slot
			if ok {
				r.Keys = r.Keys[:len(r.Keys)-1]
			}
			return ErrBadKeys, ok
		}},
		{name: "keys swapped", edit: func(r *Record) (error, bool) {
			n := len(r.Keys)
			ok := n > 1 && r.Keys[n-1].Slot == r.Keys[n-2].Slot
			if ok {
				r.Keys[n-1].Key, r.Keys[n-2].Key = r.Keys[n-2].Key, r.Keys[n-1].Key
			}
			return ErrBadKeys, ok
		}},
		{name: "keys of a bundle not due", edit: func(r *Record) (error, bool) {
			id := threshold.Identity{byte(recSlot - 3)}
			r.Keys = append(r.Keys, Key{Slot: recSlot - 3, Identity: id, Key: recKey(t, d, id)})
			return ErrBadKeys, true
		}},
		{name: "not canonical", edit: func(*Record) (error, bool) { return ErrNotCanonical, true },
			raw: func(good []byte) []byte { return bytes.Replace(good, []byte(`{"slot"`), []byte(`{ "slot"`), 1) }},
	}
}

// recKey is the dealer's key of id.
func recKey(t *testing.T, d *thresholdtest.Dealing, id threshold.Identity) *threshold.IdentityKey {
	t.Helper()
	key, err := d.Key(id.Point())
	if err != nil {
		t.Fatal(err)
	}
	return key
}
