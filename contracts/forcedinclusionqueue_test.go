package contracts

import (
	"context"
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
)

// TestForcedInclusionQueue: items are queued in forcedIndex order with
// their sender, gas, price and L1 time, paying price × gas and getting the
// excess back; the price holds within a block, rises after a block above
// the target and falls back to the minimum in empty blocks; an empty,
// oversized, under- or over-gassed or underpaid item reverts with its named
// error and changes nothing.
func TestForcedInclusionQueue(t *testing.T) {
	v := newVeil(t)
	q := v.queue
	ctx := context.Background()
	o := &bind.CallOpts{}
	price := func() *big.Int {
		p, err := q.PricePerGas(o)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	held := func() *big.Int {
		b, err := v.sim.Client().BalanceAt(ctx, v.at.ForcedInclusionQueue, nil)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	pay := func(wei *big.Int) *bind.TransactOpts { a := v.auth(t); a.Value = wei; return a }
	cost := func(gas uint64) *big.Int { return new(big.Int).Mul(price(), new(big.Int).SetUint64(gas)) }
	if p := price(); p.Cmp(testMinFee) != 0 {
		t.Fatalf("the first price is %v, want the minimum fee %v", p, testMinFee)
	}
	item := []byte{0x02, 0xf8, 0x70} // a typed transaction's first bytes will do: L1 does not parse items
	const gas = 1_000_000
	// Three items in one block: the same price, in index order; the
	// overpaid one gets its excess back.
	overpaid := new(big.Int).Add(cost(gas), big.NewInt(12345))
	for _, value := range []*big.Int{cost(gas), overpaid, cost(2_000_000)} {
		g := uint64(gas)
		if value.Cmp(cost(2_000_000)) == 0 {
			g = 2_000_000
		}
		if _, err := q.Enqueue(pay(value), item, g); err != nil {
			t.Fatal(err)
		}
	}
	v.sim.Commit()
	if got, want := held(), new(big.Int).Mul(testMinFee, big.NewInt(4_000_000)); got.Cmp(want) != 0 {
		t.Fatalf("the queue holds %v, want %v (price × gas of three items)", got, want)
	}
	it, err := q.FilterEnqueued(&bind.FilterOpts{}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := uint64(0); i < 3; i++ {
		if !it.Next() || it.Event.ForcedIndex != i || it.Event.Sender != v.account(0) || it.Event.PricePerGas.Cmp(testMinFee) != 0 ||
			it.Event.Timestamp == 0 || string(it.Event.Item) != string(item) {
			t.Fatalf("Enqueued %d: %+v", i, it.Event)
		}
	}
	// 4M gas against a 3M target: the next block's price is 1/8 × 1/3 up.
	v.sim.Commit()
	want := new(big.Int).Add(testMinFee, new(big.Int).Div(testMinFee, big.NewInt(24)))
	if p := price(); p.Cmp(want) != 0 {
		t.Fatalf("after a busy block the price is %v, want %v", p, want)
	}
	if _, err := q.Enqueue(pay(new(big.Int).Mul(testMinFee, big.NewInt(gas))), item, gas); err == nil ||
		revertName(ForcedInclusionQueueMetaData, err) != "Underpaid" {
		t.Fatalf("an item paid at the minimum fee after the price rose: %v", err)
	}
	next, err := q.NextForcedIndex(o)
	if err != nil || next != 3 {
		t.Fatalf("next index %d, %v", next, err)
	}
	before := held()
	for _, tc := range []struct {
		name   string
		item   []byte
		gas    uint64
		value  func() *big.Int // at the price when it is sent (empty blocks lower it)
		revert string
	}{
		{"an empty item", nil, gas, func() *big.Int { return cost(gas) }, "EmptyItem"},
		{"an item too large", make([]byte, 140_001), 3_000_000, func() *big.Int { return cost(3_000_000) }, "ItemTooLarge"},
		{"gas below the item's size", make([]byte, 1000), 21_000 + 16*1000 - 1, func() *big.Int { return cost(gas) }, "GasTooLow"},
		{"gas above forcedGas", item, 3_000_001, func() *big.Int { return cost(3_000_001) }, "GasTooHigh"},
		{"an item underpaid", item, gas, func() *big.Int { return new(big.Int).Sub(cost(gas), big.NewInt(1)) }, "Underpaid"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := q.Enqueue(pay(tc.value()), tc.item, tc.gas)
			if err == nil || !strings.Contains(revertName(ForcedInclusionQueueMetaData, err), tc.revert) {
				t.Fatalf("got %v, want a revert %s", err, tc.revert)
			}
			v.sim.Commit()
			if n, _ := q.NextForcedIndex(o); n != 3 || held().Cmp(before) != 0 {
				t.Fatal("a refused item changed the queue")
			}
		})
	}
	// Three full items in a block, three times the target: the next
	// block's price is 1/8 up, no more (EIP-1559's bound).
	v.sim.Commit()
	start := price()
	for range 3 {
		if _, err := q.Enqueue(pay(cost(3_000_000)), item, 3_000_000); err != nil {
			t.Fatal(err)
		}
	}
	v.sim.Commit()
	v.sim.Commit()
	if p, want := price(), new(big.Int).Add(start, new(big.Int).Div(start, big.NewInt(8))); p.Cmp(want) != 0 {
		t.Fatalf("after a block at three times the target the price is %v, want %v", p, want)
	}
	// Empty blocks bring the price back to the minimum, never below.
	for range 40 {
		v.sim.Commit()
	}
	if p := price(); p.Cmp(testMinFee) != 0 {
		t.Fatalf("after empty blocks the price is %v, want %v", p, testMinFee)
	}
	bad := v.deployment().Forced
	bad.MinFeePerGas = new(big.Int)
	if _, _, _, err := DeployForcedInclusionQueue(v.auth(t), v.sim.Client(), bad); err == nil || revertName(ForcedInclusionQueueMetaData, err) != "BadConfig" {
		t.Fatalf("a queue without a minimum fee: %v", err)
	}
}
