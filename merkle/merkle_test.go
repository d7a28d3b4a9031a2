package merkle

import (
	"fmt"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

func items(n int) [][]byte {
	out := make([][]byte, n)
	for i := range out {
		out[i] = []byte(fmt.Sprintf("item %d", i))
	}
	return out
}

// TestRootByHand spells RFC 6962's tree out for small sizes.
func TestRootByHand(t *testing.T) {
	l := func(s string) common.Hash { return crypto.Keccak256Hash([]byte{0}, []byte(s)) }
	n := func(a, b common.Hash) common.Hash { return crypto.Keccak256Hash([]byte{1}, a[:], b[:]) }
	a, b, c, d, e := l("item 0"), l("item 1"), l("item 2"), l("item 3"), l("item 4")
	for _, tc := range []struct {
		size int
		want common.Hash
	}{
		{0, crypto.Keccak256Hash([]byte(""))},
		{1, a},
		{2, n(a, b)},
		{3, n(n(a, b), c)},
		{4, n(n(a, b), n(c, d))},
		{5, n(n(n(a, b), n(c, d)), e)},
	} {
		if got := Root(items(tc.size)); got != tc.want {
			t.Errorf("size %d: %s, want %s", tc.size, got, tc.want)
		}
	}
}

func TestProofs(t *testing.T) {
	for size := 1; size <= 17; size++ {
		its := items(size)
		root := Root(its)
		for i := range its {
			path, err := Proof(its, i)
			if err != nil {
				t.Fatal(err)
			}
			if err := Verify(root, its[i], i, size, path); err != nil {
				t.Fatalf("size %d index %d: %v", size, i, err)
			}
			if err := Verify(root, []byte("other"), i, size, path); err == nil {
				t.Fatalf("size %d index %d: a wrong item verified", size, i)
			}
			if size > 1 {
				if err := Verify(root, its[i], (i+1)%size, size, path); err == nil && its[i] != nil {
					t.Fatalf("size %d: item %d verified at index %d", size, i, (i+1)%size)
				}
				if err := Verify(root, its[i], i, size, path[:len(path)-1]); err == nil {
					t.Fatalf("size %d index %d: a short path verified", size, i)
				}
			}
		}
	}
}
