package chain

import (
	"crypto/ecdsa"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/veil-sequencer/veil/auction"
	"github.com/veil-sequencer/veil/bid"
	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/threshold"
	"github.com/veil-sequencer/veil/threshold/thresholdtest"
)

// TestOpenedCache: an opening is kept by bid hash and given again only
// for the key it was made with; the cache stays within its bytes, oldest
// slots first.
func TestOpenedCache(t *testing.T) {
	d, err := thresholdtest.Deal(nil, 1, 1)
	if err != nil {
		t.Fatal(err)
	}
	key, _ := crypto.ToECDSA(crypto.Keccak256([]byte("opened cache builder")))
	sealed := func(slot uint64, n int) auction.Committed {
		p := &bid.Payload{Value: big.NewInt(7), Builder: crypto.PubkeyToAddress(key.PublicKey), Slot: slot, Bundle: make([]common.Hash, n)}
		raw, err := bid.Seal(nil, p, 1337, d.EonKey)
		if err != nil {
			t.Fatal(err)
		}
		return signBid(t, key, slot, raw)
	}
	keyOf := func(slot uint64) *threshold.IdentityKey {
		k, err := d.Key(threshold.BidIdentity(1337, slot).Point())
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	c := newOpenedCache(1 << 20)
	b := sealed(10, 3)
	first, err := c.open(b, keyOf(10))
	if err != nil || len(first.Bundle) != 3 {
		t.Fatalf("open: %v %v", first, err)
	}
	if again, _ := c.open(b, keyOf(10)); again != first {
		t.Fatal("the second opening was not the cached one")
	}
	if p, err := c.open(b, keyOf(11)); err == nil || p == first {
		t.Fatal("another slot's key got the cached opening")
	}
	// 2,000-entry bundles (~64 KiB each) over 40 slots: within the bound.
	for s := uint64(20); s < 60; s++ {
		x := sealed(s, 2000)
		if _, err := c.open(x, keyOf(s)); err != nil {
			t.Fatal(err)
		}
		if c.bytes > c.limit {
			t.Fatalf("slot %d: %d bytes cached, bound %d", s, c.bytes, c.limit)
		}
	}
	if _, ok := c.m[b.Hash]; ok {
		t.Fatal("slot 10's opening outlived newer slots past the bound")
	}
}

func signBid(t *testing.T, key *ecdsa.PrivateKey, slot uint64, sealed []byte) auction.Committed {
	t.Helper()
	dom := eip712.Domain{ChainID: 1337}
	x := &bid.Bid{ChainID: 1337, Eon: 1, Slot: slot, Builder: crypto.PubkeyToAddress(key.PublicKey), Seq: 1, Sealed: sealed}
	if err := x.Sign(dom, key); err != nil {
		t.Fatal(err)
	}
	return auction.Committed{Bid: x, Hash: x.Hash(dom)}
}
