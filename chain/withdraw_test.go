package chain

import (
	"context"
	"math/big"
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/veil-sequencer/veil/contracts"
	"github.com/veil-sequencer/veil/mempool"
	"github.com/veil-sequencer/veil/oracle"
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

// TestWithdrawalClaimedAndFrozen: DepositVault's Withdrawn, applied
// through the oracle, marks the withdrawal claimed; a payment of a
// withdrawal this chain did not commit, with another amount, or twice, is
// skipped and counted. BatchInbox's Equivocation freezes withdrawals from
// its index on (a later proof for a higher index changes nothing), and
// from then on CheckTx and the block refuse a new Withdraw as
// withdrawals_frozen. A replica agrees.
func TestWithdrawalClaimedAndFrozen(t *testing.T) {
	a := newL1App(t)
	ctx := context.Background()
	st := func() *State { return NewState(a.store.Begin(), a.params.Domain) }
	w0 := crypto.PubkeyToAddress(a.fixture.keys[0].PublicKey)
	amount := big.NewInt(4e14)
	a.pending = [][]byte{a.withdrawTx(0, 0, amount)}
	if _, ok := a.run(1, abci.ExtendedCommitInfo{}, nil); !ok {
		t.Fatal("block 1 refused")
	}
	a.pending = nil
	if ws, _ := st().Withdrawals(w0); len(ws) != 1 {
		t.Fatalf("withdrawals %+v", ws)
	}
	vault, inbox := testL1.Contracts.DepositVault, testL1.Contracts.BatchInbox
	withdrawn := func(nonce uint64, to common.Address, wei *big.Int) []byte {
		return logItem(t, vault, contracts.DepositVaultMetaData, "Withdrawn", w0, nonce, to, wei, uint64(0))
	}
	equivocation := func(index uint64) []byte {
		return logItem(t, inbox, contracts.BatchInboxMetaData, "Equivocation", index, uint64(1), [32]byte{1}, [32]byte{2})
	}
	a.view[11] = [][]byte{
		withdrawn(0, common.Address{0xbe}, big.NewInt(1)), // another amount
		withdrawn(0, common.Address{0xbf}, amount),        // another recipient
		withdrawn(1, common.Address{0xbe}, amount),        // never committed
		withdrawn(0, common.Address{0xbe}, amount),
		withdrawn(0, common.Address{0xbe}, amount), // twice
	}
	a.view[12] = [][]byte{equivocation(3), equivocation(5)}
	a.lastL1 = 12
	seen := a.attest(11, 12)
	if _, ok := a.run(2, a.commit(1, [][]oracle.Attestation{seen, seen, seen, nil}), nil); !ok {
		t.Fatal("block 2 refused")
	}
	if l1, _, _ := st().L1Applied(); l1 != 12 {
		t.Fatalf("L1 applied up to %d, want 12", l1)
	}
	if at, ok, err := st().WithdrawalClaimed(w0, 0); err != nil || !ok || at != 11 {
		t.Fatalf("withdrawal 0 claimed: %d %v %v", at, ok, err)
	}
	if _, ok, _ := st().WithdrawalClaimed(w0, 1); ok {
		t.Fatal("a withdrawal never committed is claimed")
	}
	if n, _ := st().L1Skipped(); n != 4 {
		t.Fatalf("%d events skipped, want 4", n)
	}
	if from, ok, err := st().FrozenFrom(); err != nil || !ok || from != 3 {
		t.Fatalf("frozen from %d %v %v, want 3", from, ok, err)
	}
	next := a.withdrawTx(0, 1, big.NewInt(1))
	res, err := a.app.CheckTx(ctx, &abci.RequestCheckTx{Tx: next})
	if err != nil || mempool.Code(res.Code) != mempool.CodeWithdrawalsFrozen {
		t.Fatalf("CheckTx of a withdrawal after the freeze: %v %v", res, err)
	}
	// The proposer leaves it out; a proposer that puts it in is refused.
	a.pending = [][]byte{next}
	none := [][]oracle.Attestation{nil, nil, nil, nil}
	if _, ok := a.run(3, a.commit(2, none), func(txs [][]byte) [][]byte { return append(txs, next) }); ok {
		t.Fatal("a block with a withdrawal after the freeze was accepted")
	}
	if txs, ok := a.run(3, a.commit(2, none), nil); !ok || len(txs) != 1 {
		t.Fatalf("block 3 (%v): %d transactions, want the record alone", ok, len(txs))
	}
	if n, _ := st().NextWithdrawNonce(w0); n != 1 {
		t.Fatalf("next withdrawNonce %d after the freeze", n)
	}
	a.replayAgrees()
}
