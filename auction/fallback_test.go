package auction

import (
	"fmt"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
)

func q(name string, sender byte, nonce, slot uint64, fee int64, gas uint64) Queued {
	return Queued{Hash: common.BytesToHash([]byte(name)), Sender: common.Address{sender}, Nonce: nonce,
		QueuedSlot: slot, MaxFeePerGas: big.NewInt(fee), GasLimit: gas}
}

func names(pool []Queued, hashes []common.Hash) string {
	byHash := map[common.Hash]string{}
	for _, p := range pool {
		byHash[p.Hash] = string(common.TrimLeftZeroes(p.Hash[:]))
	}
	out := ""
	for _, h := range hashes {
		out += byHash[h] + " "
	}
	return out
}

func rich(common.Address) *big.Int { return big.NewInt(1e18) }

func TestFallbackBundle(t *testing.T) {
	for _, tc := range []struct {
		name  string
		pool  []Queued
		funds func(common.Address) *big.Int
		gas   uint64
		want  string
	}{
		{"empty", nil, rich, 1e6, ""},
		{"older slot first, then higher fee, then hash", []Queued{
			q("c", 3, 0, 5, 10, 21000),
			q("a", 1, 0, 4, 1, 21000),
			q("b", 2, 0, 5, 20, 21000),
			q("d", 4, 0, 5, 10, 21000),
		}, rich, 1e6, "a b c d "},
		{"a sender's nonces in order, even when a later one pays more", []Queued{
			q("x1", 1, 1, 3, 100, 21000),
			q("x0", 1, 0, 3, 1, 21000),
			q("y0", 2, 0, 3, 50, 21000),
		}, rich, 1e6, "y0 x0 x1 "},
		{"a nonce gap stops the sender", []Queued{
			q("x0", 1, 0, 3, 1, 21000),
			q("x2", 1, 2, 3, 1, 21000),
		}, rich, 1e6, "x0 "},
		{"what does not fit skips its sender, others go on", []Queued{
			q("big", 1, 0, 1, 10, 60000),
			q("big+1", 1, 1, 1, 10, 21000),
			q("small", 2, 0, 2, 1, 21000),
			q("small+1", 2, 1, 2, 1, 21000),
		}, rich, 50000, "small small+1 "},
		{"unpayable after earlier charges", []Queued{
			q("p0", 1, 0, 1, 1, 21000),
			q("p1", 1, 1, 1, 1, 21000),
			q("o0", 2, 0, 1, 1, 21000),
		}, func(a common.Address) *big.Int {
			if a == (common.Address{1}) {
				return big.NewInt(30000) // pays p0 (21000), not p1
			}
			return big.NewInt(21000)
		}, 1e6, "o0 p0 "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := names(tc.pool, FallbackBundle(tc.pool, tc.funds, tc.gas))
			if got != tc.want {
				t.Fatalf("bundle %q, want %q", got, tc.want)
			}
		})
	}
}

// TestFallbackDeterministic: the order of the pool slice never matters.
func TestFallbackDeterministic(t *testing.T) {
	var pool []Queued
	for i := range 40 {
		pool = append(pool, q(fmt.Sprintf("e%02d", i), byte(i%7), uint64(i/7), uint64(i%3), int64(i%5), 21000))
	}
	want := FallbackBundle(pool, rich, 500000)
	for shift := 1; shift < len(pool); shift += 7 {
		rotated := append(append([]Queued(nil), pool[shift:]...), pool[:shift]...)
		got := FallbackBundle(rotated, rich, 500000)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("rotation %d changes the bundle", shift)
		}
	}
	if len(want) != 23 { // 500000 / 21000
		t.Fatalf("%d envelopes, want 23 (gas-bound)", len(want))
	}
}
