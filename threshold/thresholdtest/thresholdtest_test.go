package thresholdtest

import (
	"bytes"
	"context"
	"math/rand/v2"
	"testing"

	"github.com/veil-sequencer/veil/threshold"
)

type seeded struct{ r *rand.ChaCha8 }

func (s seeded) Read(p []byte) (int, error) { return s.r.Read(p) }

func TestDeal(t *testing.T) {
	d1, err := Deal(seeded{rand.NewChaCha8([32]byte{1})}, 4, 3)
	if err != nil {
		t.Fatal(err)
	}
	d2, _ := Deal(seeded{rand.NewChaCha8([32]byte{1})}, 4, 3)
	if !d1.EonKey.Equal(d2.EonKey) {
		t.Fatal("a seeded reader gave two dealings")
	}
	c, err := d1.Committee()
	if err != nil {
		t.Fatal(err)
	}
	id := threshold.BidIdentity(1337, 5)
	var shares []threshold.VerifiedShare
	for i := 2; i <= 4; i++ { // any t keypers, not only the first
		if !d1.Shares[i-1].PublicKeyShare().Equal(d1.PublicShares[i-1]) {
			t.Fatalf("keyper %d's public share does not match its share", i)
		}
		v, err := c.VerifyShare(i, id.Point(), d1.Shares[i-1].Release(id.Point()))
		if err != nil {
			t.Fatal(err)
		}
		shares = append(shares, v)
	}
	want, err := c.Combine(shares)
	if err != nil {
		t.Fatal(err)
	}
	got, ok := Keys{Dealing: d1, ChainID: 1337}.BidKey(context.Background(), 5)
	if !ok || !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Fatal("Keys.BidKey differs from the key t keypers combine")
	}
	if _, err := Deal(nil, 3, 4); err == nil {
		t.Fatal("t > n dealt")
	}
}
