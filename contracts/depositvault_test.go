package contracts

import (
	"context"
	"fmt"
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
)

// TestDepositVault: fee deposits and collateral share one running index,
// each with its event and the ether kept; a deposit of nothing or for the
// zero address reverts with its named error and changes nothing.
func TestDepositVault(t *testing.T) {
	chain := newL1(t)
	auth := chain.auth(t)
	addr, _, vault, err := DeployDepositVault(auth, chain.sim.Client())
	if err != nil {
		t.Fatal(err)
	}
	chain.sim.Commit()
	wallet, builder := common.Address{0xaa}, common.Address{0xbb}
	pay := func(wei int64) *bind.TransactOpts {
		a := chain.auth(t)
		a.Value = big.NewInt(wei)
		return a
	}
	for _, step := range []func() error{
		func() error { _, err := vault.Deposit(pay(1e18), wallet); return err },
		func() error { _, err := vault.DepositCollateral(pay(2e18), builder); return err },
		func() error { _, err := vault.Deposit(pay(3), wallet); return err },
	} {
		if err := step(); err != nil {
			t.Fatal(err)
		}
		chain.sim.Commit()
	}
	deposits, err := vault.FilterDeposited(&bind.FilterOpts{}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for deposits.Next() {
		e := deposits.Event
		got = append(got, fmtEvent("deposit", e.DepositIndex, e.Account, e.Amount))
	}
	collateral, err := vault.FilterCollateralDeposited(&bind.FilterOpts{}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	for collateral.Next() {
		e := collateral.Event
		got = append(got, fmtEvent("collateral", e.DepositIndex, e.Builder, e.Amount))
	}
	want := []string{
		fmtEvent("deposit", 0, wallet, big.NewInt(1e18)),
		fmtEvent("deposit", 2, wallet, big.NewInt(3)),
		fmtEvent("collateral", 1, builder, big.NewInt(2e18)),
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("events:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	held := func() (*big.Int, uint64) {
		bal, err := chain.sim.Client().BalanceAt(context.Background(), addr, nil)
		if err != nil {
			t.Fatal(err)
		}
		next, err := vault.NextDepositIndex(&bind.CallOpts{})
		if err != nil {
			t.Fatal(err)
		}
		return bal, next
	}
	bal, next := held()
	if bal.Cmp(big.NewInt(3e18+3)) != 0 || next != 3 {
		t.Fatalf("vault holds %v wei, next index %d", bal, next)
	}
	for _, tc := range []struct {
		name   string
		call   func() error
		revert string
	}{
		{"a deposit of nothing", func() error { _, err := vault.Deposit(pay(0), wallet); return err }, "ZeroAmount"},
		{"collateral of nothing", func() error { _, err := vault.DepositCollateral(pay(0), builder); return err }, "ZeroAmount"},
		{"a deposit for the zero address", func() error { _, err := vault.Deposit(pay(5), common.Address{}); return err }, "ZeroAddress"},
		{"collateral for the zero address", func() error { _, err := vault.DepositCollateral(pay(5), common.Address{}); return err }, "ZeroAddress"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.call()
			if err == nil || !strings.Contains(revertName(DepositVaultMetaData, err), tc.revert) {
				t.Fatalf("got %v, want a revert %s", err, tc.revert)
			}
			chain.sim.Commit()
			if b, n := held(); b.Cmp(bal) != 0 || n != next {
				t.Fatalf("a refused deposit changed the vault: %v wei, next %d", b, n)
			}
		})
	}
}

func fmtEvent(kind string, index uint64, to common.Address, amount *big.Int) string {
	return fmt.Sprintf("%s %d %s %v", kind, index, to.Hex(), amount)
}

// BenchmarkDepositGas reports the gas of a fee deposit (the second one:
// the index's storage slot is no longer zero).
func BenchmarkDepositGas(b *testing.B) {
	chain := newL1(b)
	addr, _, vault, err := DeployDepositVault(chain.auth(b), chain.sim.Client())
	if err != nil {
		b.Fatal(err)
	}
	chain.sim.Commit()
	first := chain.auth(b)
	first.Value = big.NewInt(1)
	if _, err := vault.Deposit(first, common.Address{1}); err != nil {
		b.Fatal(err)
	}
	chain.sim.Commit()
	parsed, _ := DepositVaultMetaData.GetAbi()
	input, err := parsed.Pack("deposit", common.Address{2})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(chain.gasTo(b, addr, input, big.NewInt(1e18))), "gas")
}
