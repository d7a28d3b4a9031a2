package mempool

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/veil-sequencer/veil/bid"
	"github.com/veil-sequencer/veil/threshold/thresholdtest"
)

type fakeBidView struct {
	block    uint64
	builders map[common.Address]Builder
	total    int
	seq      uint64
	count    int
	has      bool
}

func (v *fakeBidView) Block() uint64                    { return v.block }
func (v *fakeBidView) EonAt(uint64) uint64              { return 1 }
func (v *fakeBidView) Builder(a common.Address) Builder { return v.builders[a] }
func (v *fakeBidView) SlotBids(uint64, common.Address) (int, uint64, int, bool) {
	return v.total, v.seq, v.count, v.has
}

// TestAdmitBid: each bid rule rejects with its own code and field,
// in the protocol's window [height+2, height+K+1] for a bid admitted now.
func TestAdmitBid(t *testing.T) {
	d, _ := thresholdtest.Deal(nil, 1, 1)
	key, _ := crypto.ToECDSA(crypto.Keccak256([]byte("bidder")))
	builder := crypto.PubkeyToAddress(key.PublicKey)
	p := testParams(common.Hash{1})
	p.InvalidBidPenalty = big.NewInt(100)
	const committed = 10 // last committed height: admitted now, a bid lands in block 11
	mk := func(edit func(b *bid.Bid)) *bid.Bid {
		sealed, err := bid.Seal(nil, &bid.Payload{Value: big.NewInt(1), Builder: builder, Slot: 13}, 1337, d.EonKey)
		if err != nil {
			t.Fatal(err)
		}
		b := &bid.Bid{ChainID: 1337, Eon: 1, Slot: 13, Builder: builder, Seq: 2, Sealed: sealed}
		if edit != nil {
			edit(b)
		}
		if err := b.Sign(p.Domain, key); err != nil {
			t.Fatal(err)
		}
		return b
	}
	view := func(edit func(v *fakeBidView)) *fakeBidView {
		v := &fakeBidView{block: committed + 1, builders: map[common.Address]Builder{builder: {Collateral: big.NewInt(1000), Reserved: big.NewInt(800)}}}
		if edit != nil {
			edit(v)
		}
		return v
	}
	for _, tc := range []struct {
		name  string
		bid   *bid.Bid
		view  *fakeBidView
		code  Code // 0: admitted
		field string
	}{
		{"valid, lowest slot", mk(func(b *bid.Bid) { b.Slot = committed + 2 }), view(nil), 0, ""},
		{"valid, highest slot", mk(func(b *bid.Bid) { b.Slot = committed + 5 }), view(nil), 0, ""},
		{"slot of the next block", mk(func(b *bid.Bid) { b.Slot = committed + 1 }), view(nil), CodeWrongSlot, "slot"},
		{"slot past K", mk(func(b *bid.Bid) { b.Slot = committed + 6 }), view(nil), CodeWrongSlot, "slot"},
		{"other chain", mk(func(b *bid.Bid) { b.ChainID = 1 }), view(nil), CodeWrongChain, "chainId"},
		{"other eon", mk(func(b *bid.Bid) { b.Eon = 2 }), view(nil), CodeWrongEon, "eon"},
		{"sealed too large", mk(func(b *bid.Bid) { b.Sealed = make([]byte, 64<<10+1) }), view(nil), CodeTooLarge, "sealed"},
		{"sealed not a ciphertext", mk(func(b *bid.Bid) { b.Sealed = []byte{3, 0} }), view(nil), CodeBadCiphertext, "sealed"},
		{"signed by another", func() *bid.Bid { b := mk(nil); b.Builder = common.Address{9}; return b }(), view(nil), CodeBadSignature, "signature"},
		{"seq equal", mk(nil), view(func(v *fakeBidView) { v.has, v.seq, v.count = true, 2, 1 }), CodeSeqTooLow, "seq"},
		{"sixth bid", mk(func(b *bid.Bid) { b.Seq = 9 }), view(func(v *fakeBidView) { v.has, v.seq, v.count = true, 5, 5 }), CodeBidLimit, "builder"},
		{"slot full", mk(nil), view(func(v *fakeBidView) { v.total = 64 }), CodeBidLimit, "slot"},
		{"collateral reserved", mk(nil), view(func(v *fakeBidView) {
			v.builders[builder] = Builder{Collateral: big.NewInt(1000), Reserved: big.NewInt(901)}
		}), CodeInsufficientCollateral, "builder"},
		{"no collateral", mk(nil), view(func(v *fakeBidView) { v.builders = nil }), CodeInsufficientCollateral, "builder"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			adm, rej := AdmitBid(tc.bid, tc.view, p)
			if tc.code == 0 {
				if rej != nil || adm.Hash != tc.bid.Hash(p.Domain) || adm.Reserve.Cmp(p.InvalidBidPenalty) != 0 {
					t.Fatalf("rejected: %v", rej)
				}
				return
			}
			if rej == nil || rej.Code != tc.code || rej.Field != tc.field {
				t.Fatalf("got %v, want %s %s", rej, tc.code, tc.field)
			}
			// A bid checked before skips only the cryptography: every
			// other rule answers the same.
			if tc.code != CodeBadSignature && tc.code != CodeBadCiphertext {
				_, again := AdmitBidVerified(&CheckedBid{Bid: tc.bid, Hash: tc.bid.Hash(p.Domain)}, tc.view, p)
				if again == nil || again.Code != tc.code || again.Field != tc.field {
					t.Fatalf("verified: got %v, want %s %s", again, tc.code, tc.field)
				}
			}
		})
	}
}
