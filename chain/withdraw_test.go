package chain

import (
	"context"
	"math/big"
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/veil-sequencer/veil/mempool"
	"github.com/veil-sequencer/veil/withdrawal"
)

// TestWithdraw: a committed Withdraw debits the account's unreserved
// deposit (what its queued envelopes will be charged stays), pays its fee
// to the beneficiary and is listed for its batch; CheckTx and the block
// refuse a replay, more than the unreserved deposit and a malformed body,
// changing nothing.
func TestWithdraw(t *testing.T) {
	a := newApp(t)
	ctx := context.Background()
	if _, err := a.app.InitChain(ctx, &abci.RequestInitChain{AppStateBytes: a.genesis}); err != nil {
		t.Fatal(err)
	}
	fee := mempool.MinWithdrawFee(a.params)
	tx := func(wallet int, nonce uint64, amount *big.Int) []byte { return a.withdrawTx(wallet, nonce, amount) }
	check := func(tx []byte) string {
		res, err := a.app.CheckTx(ctx, &abci.RequestCheckTx{Tx: tx})
		if err != nil {
			t.Fatal(err)
		}
		if res.Code == 0 {
			return ""
		}
		return mempool.Code(res.Code).String()
	}
	st := func() *State { return NewState(a.store.Begin(), a.params.Domain) }
	w0 := crypto.PubkeyToAddress(a.fixture.keys[0].PublicKey)
	w1 := crypto.PubkeyToAddress(a.fixture.keys[1].PublicKey)
	before, _ := st().Account(w0)
	amount := big.NewInt(4e14)

	// Wallet 1 queues an envelope (charge 30,000 × 2) in block 1, with a
	// withdrawal of wallet 0.
	env := a.tx(1, 0)
	first := tx(0, 0, amount)
	if _, fin := a.block(1, [][]byte{env, first}); len(fin.TxResults) != 3 || fin.TxResults[1].Code != 0 || fin.TxResults[2].Code != 0 {
		t.Fatalf("block 1: %v", fin.TxResults)
	}
	after, _ := st().Account(w0)
	if want := new(big.Int).Sub(before.Deposit, new(big.Int).Add(amount, fee)); after.Deposit.Cmp(want) != 0 {
		t.Fatalf("deposit %v after withdrawing, want %v", after.Deposit, want)
	}
	if got, _ := st().Account(common.Address{}); got.Deposit.Cmp(fee) != 0 {
		t.Fatalf("the beneficiary holds %v, want the fee %v", got.Deposit, fee)
	}
	ws, err := st().Withdrawals(w0)
	if err != nil || len(ws) != 1 || ws[0].Slot != 1 || ws[0].Amount.Cmp(amount) != 0 || ws[0].Recipient != (common.Address{0xbe}) {
		t.Fatalf("withdrawals %+v (%v)", ws, err)
	}
	if n, _ := st().NextWithdrawNonce(w0); n != 1 {
		t.Fatalf("next withdrawNonce %d", n)
	}

	hash := a.store.AppHash()
	acct1, _ := st().Account(w1)
	unreserved := new(big.Int).Sub(acct1.Deposit, acct1.PendingCharges)
	for _, tc := range []struct {
		name, code string
		tx         []byte
	}{
		{"a replay", "nonce_used", first},
		{"a nonce ahead", "nonce_gap", tx(0, 2, big.NewInt(1))},
		{"one wei of the reserved charge", "insufficient_deposit", tx(1, 0, new(big.Int).Add(new(big.Int).Sub(unreserved, fee), big.NewInt(1)))},
		{"no JSON", "bad_json", []byte{TxWithdraw, '{'}},
		{"missing fields", "missing_field", []byte{TxWithdraw, '{', '}'}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := check(tc.tx); got != tc.code {
				t.Fatalf("CheckTx: %q, want %s", got, tc.code)
			}
		})
	}
	// Exactly the unreserved deposit passes; the block then holds it.
	all := tx(1, 0, new(big.Int).Sub(unreserved, fee))
	if got := check(all); got != "" {
		t.Fatalf("withdrawing all that is unreserved: %s", got)
	}
	if a.store.AppHash() != hash {
		t.Fatal("CheckTx changed the state")
	}
	if _, fin := a.block(2, [][]byte{all}); len(fin.TxResults) != 2 || fin.TxResults[1].Code != 0 {
		t.Fatalf("block 2: %v", fin.TxResults)
	}
	// Slot 2's record charged the envelope before the withdrawal ran:
	// nothing is left, and nothing is owed.
	if got, _ := st().Account(w1); got.Deposit.Sign() != 0 || got.PendingCharges.Sign() != 0 {
		t.Fatalf("wallet 1 after withdrawing all: deposit %v, pending %v", got.Deposit, got.PendingCharges)
	}
}

// withdrawTx is wallet's Withdraw of amount to 0xbe… at the minimum fee.
func (a *appFixture) withdrawTx(wallet int, nonce uint64, amount *big.Int) []byte {
	k := a.fixture.keys[wallet]
	w := &withdrawal.Withdrawal{ChainID: 1337, Account: crypto.PubkeyToAddress(k.PublicKey), Recipient: common.Address{0xbe},
		Amount: amount, WithdrawNonce: nonce, Fee: mempool.MinWithdrawFee(a.params)}
	if err := w.Sign(a.params.Domain, k); err != nil {
		a.t.Fatal(err)
	}
	return append([]byte{TxWithdraw}, w.EncodeCanonical()...)
}
