package contracts

import (
	"context"
	"fmt"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"

	"github.com/veil-sequencer/veil/merkle"
)

// TestDepositVault: fee deposits and collateral share one running index,
// each with its event and the ether kept; funding is its own event; a
// deposit of nothing or for the zero address reverts with its named error
// and changes nothing.
func TestDepositVault(t *testing.T) {
	v := newVeil(t)
	vault := v.vault
	wallet, builder := common.Address{0xaa}, common.Address{0xbb}
	pay := func(wei int64) *bind.TransactOpts {
		a := v.auth(t)
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
		v.sim.Commit()
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
	funded, err := vault.FilterFunded(&bind.FilterOpts{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for funded.Next() {
		got = append(got, fmtEvent("funded", 0, funded.Event.From, funded.Event.Amount))
	}
	want := []string{
		fmtEvent("deposit", 0, wallet, big.NewInt(1e18)),
		fmtEvent("deposit", 2, wallet, big.NewInt(3)),
		fmtEvent("collateral", 1, builder, big.NewInt(2e18)),
		fmtEvent("funded", 0, v.account(0), testFund),
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("events:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	held := func() (*big.Int, uint64) {
		bal, err := v.sim.Client().BalanceAt(context.Background(), v.at.DepositVault, nil)
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
	if want := new(big.Int).Add(testFund, big.NewInt(3e18+3)); bal.Cmp(want) != 0 || next != 3 {
		t.Fatalf("vault holds %v wei, next index %d", bal, next)
	}
	for _, tc := range []struct {
		name   string
		call   func() error
		revert string
	}{
		{"a deposit of nothing", func() error { _, err := vault.Deposit(pay(0), wallet); return err }, "ZeroAmount"},
		{"collateral of nothing", func() error { _, err := vault.DepositCollateral(pay(0), builder); return err }, "ZeroAmount"},
		{"funding of nothing", func() error { _, err := vault.Fund(pay(0)); return err }, "ZeroAmount"},
		{"a deposit for the zero address", func() error { _, err := vault.Deposit(pay(5), common.Address{}); return err }, "ZeroAddress"},
		{"collateral for the zero address", func() error { _, err := vault.DepositCollateral(pay(5), common.Address{}); return err }, "ZeroAddress"},
		{"a vault without an inbox", func() error {
			_, _, _, err := DeployDepositVault(v.auth(t), v.sim.Client(), common.Address{}, 1)
			return err
		}, "ZeroAddress"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.call()
			if err == nil || !strings.Contains(revertName(DepositVaultMetaData, err), tc.revert) {
				t.Fatalf("got %v, want a revert %s", err, tc.revert)
			}
			v.sim.Commit()
			if b, n := held(); b.Cmp(bal) != 0 || n != next {
				t.Fatalf("a refused deposit changed the vault: %v wei, next %d", b, n)
			}
		})
	}
}

func fmtEvent(kind string, index uint64, to common.Address, amount *big.Int) string {
	return fmt.Sprintf("%s %d %s %v", kind, index, to.Hex(), amount)
}

// TestWithdraw: a withdrawal in an accepted batch is paid to its recipient
// once, withdrawDelay after the batch was accepted, on its Merkle proof;
// early, twice, with another amount, against a batch not accepted, to a
// recipient that refuses ether, or after an equivocation froze its batch,
// it reverts with its named error and pays nothing.
func TestWithdraw(t *testing.T) {
	v := newVeil(t)
	ctx := context.Background()
	recipient := common.Address{0xcc}
	ws := []DepositVaultWithdrawal{
		{Account: common.Address{0xa1}, Recipient: recipient, Amount: big.NewInt(1e18), WithdrawNonce: 0},
		{Account: common.Address{0xa1}, Recipient: recipient, Amount: big.NewInt(2), WithdrawNonce: 1},
		{Account: common.Address{0xa2}, Recipient: v.at.ForcedInclusionQueue, Amount: big.NewInt(3), WithdrawNonce: 0}, // no receive()
	}
	var items [][]byte
	for _, w := range ws {
		items = append(items, WithdrawalItem(w))
	}
	h, sc, _ := v.next(t, 1)
	h.WithdrawalsRoot = merkle.Root(items)
	v.accept(t, v.eon, h, sc)
	proof := func(i int) []common.Hash {
		p, err := merkle.Proof(items, i)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	withdraw := func(h StatementsBatch, w DepositVaultWithdrawal, i int) string {
		path := proof(i)
		raw := make([][32]byte, len(path))
		for j := range path {
			raw[j] = path[j]
		}
		_, err := v.vault.Withdraw(v.auth(t), h, w, big.NewInt(int64(i)), big.NewInt(int64(len(items))), raw)
		if err != nil {
			return revertName(DepositVaultMetaData, err)
		}
		v.sim.Commit()
		return ""
	}
	balance := func(a common.Address) *big.Int {
		b, err := v.sim.Client().BalanceAt(ctx, a, nil)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	unaccepted := h
	unaccepted.AppHash = common.Hash{0x99}
	more := ws[0]
	more.Amount = big.NewInt(2e18)
	type step struct {
		name   string
		header StatementsBatch
		w      DepositVaultWithdrawal
		index  int
		revert string
		paid   *big.Int // to recipient
	}
	zero := new(big.Int)
	run := func(steps []step) {
		for _, s := range steps {
			before := balance(recipient)
			if got := withdraw(s.header, s.w, s.index); got != s.revert {
				t.Fatalf("%s: %q, want %q", s.name, got, s.revert)
			}
			if d := new(big.Int).Sub(balance(recipient), before); d.Cmp(s.paid) != 0 {
				t.Fatalf("%s: the recipient got %v, want %v", s.name, d, s.paid)
			}
		}
	}
	run([]step{
		{"before the delay", h, ws[0], 0, "WithdrawTooEarly", zero},
		{"a batch not accepted", unaccepted, ws[0], 0, "BatchNotAccepted", zero},
	})
	v.later(t, testWithdrawDelay*time.Second)
	run([]step{
		{"another amount", h, more, 0, "BadProof", zero},
		{"the proof of another withdrawal", h, ws[0], 1, "BadProof", zero},
		{"after the delay", h, ws[0], 0, "", ws[0].Amount},
		{"twice", h, ws[0], 0, "AlreadyClaimed", zero},
		{"to a recipient refusing ether", h, ws[2], 2, "TransferFailed", zero},
	})
	it, err := v.vault.FilterWithdrawn(&bind.FilterOpts{}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !it.Next() || it.Event.Account != ws[0].Account || it.Event.Amount.Cmp(ws[0].Amount) != 0 || it.Event.BatchIndex != 0 || it.Next() {
		t.Fatalf("Withdrawn events: %+v", it.Event)
	}
	// An equivocation at batch 0 freezes what is not yet paid.
	forked := h
	forked.RecordsRoot = common.Hash{0x77}
	if _, err := v.inbox.ProveEquivocation(v.auth(t), forked, sign(t, v.eon, forked.Eon, BatchDigest(v.domain, forked))); err != nil {
		t.Fatal(err)
	}
	v.sim.Commit()
	run([]step{{"after an equivocation", h, ws[1], 1, "WithdrawalsFrozen", zero}})
	// Nor does money come in any more: it could never leave.
	pay := v.auth(t)
	pay.Value = big.NewInt(1e18)
	if _, err := v.vault.Deposit(pay, common.Address{0xa1}); err == nil || revertName(DepositVaultMetaData, err) != "DepositsClosed" {
		t.Fatalf("a deposit after an equivocation: %v", err)
	}
	if _, err := v.vault.Fund(pay); err == nil || revertName(DepositVaultMetaData, err) != "DepositsClosed" {
		t.Fatalf("funding after an equivocation: %v", err)
	}
	if _, _, _, err := DeployDepositVault(v.auth(t), v.sim.Client(), v.at.BatchInbox, ^uint64(0)); err == nil || revertName(DepositVaultMetaData, err) != "BadDelay" {
		t.Fatalf("a vault whose delay has no end: %v", err)
	}
}
