package mempool

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/veil-sequencer/veil/withdrawal"
)

type withdrawView struct {
	dep, coll *big.Int
	next      uint64
	frozen    bool
}

func (v withdrawView) Unreserved(common.Address) (*big.Int, *big.Int) { return v.dep, v.coll }
func (v withdrawView) NextWithdrawNonce(common.Address) uint64        { return v.next }
func (v withdrawView) WithdrawalsFrozen() bool                        { return v.frozen }

// TestAdmitWithdraw: each rule refuses with its code and field, and an
// accepted withdrawal takes amount + fee from the unreserved deposit
// first, then from the free collateral.
func TestAdmitWithdraw(t *testing.T) {
	p := testParams(common.Hash{5})
	key, _ := crypto.ToECDSA(crypto.Keccak256([]byte("withdrawer")))
	fee := MinWithdrawFee(p) // 100,000 wei at the default minimum fee of 1
	build := func(f func(w *withdrawal.Withdrawal)) *withdrawal.Withdrawal {
		w := &withdrawal.Withdrawal{ChainID: 1337, Account: crypto.PubkeyToAddress(key.PublicKey), Recipient: common.Address{0xbe}, Amount: big.NewInt(1_000_000), WithdrawNonce: 3, Fee: new(big.Int).Set(fee)}
		f(w)
		if err := w.Sign(p.Domain, key); err != nil {
			t.Fatal(err)
		}
		return w
	}
	same := func(*withdrawal.Withdrawal) {}
	rich := withdrawView{dep: big.NewInt(2_000_000), coll: big.NewInt(0), next: 3}
	for _, tc := range []struct {
		name         string
		w            *withdrawal.Withdrawal
		v            withdrawView
		code         Code
		field        string
		fromDep, col int64
	}{
		{"from the deposit", build(same), rich, 0, "", 1_100_000, 0},
		{"the rest from collateral", build(same), withdrawView{dep: big.NewInt(600_000), coll: big.NewInt(900_000), next: 3}, 0, "", 600_000, 500_000},
		{"another chain", build(func(w *withdrawal.Withdrawal) { w.ChainID = 1 }), rich, CodeWrongChain, "chainId", 0, 0},
		{"zero amount", build(func(w *withdrawal.Withdrawal) { w.Amount = new(big.Int) }), rich, CodeBadField, "amount", 0, 0},
		{"to nobody", build(func(w *withdrawal.Withdrawal) { w.Recipient = common.Address{} }), rich, CodeBadField, "recipient", 0, 0},
		{"fee below the minimum", build(func(w *withdrawal.Withdrawal) { w.Fee = new(big.Int).Sub(fee, big.NewInt(1)) }), rich, CodeFeeTooLow, "fee", 0, 0},
		{"amount and fee past 2^256", build(func(w *withdrawal.Withdrawal) {
			w.Amount = new(big.Int).Lsh(big.NewInt(1), 256)
			w.Amount.Sub(w.Amount, big.NewInt(1))
		}), rich, CodeFeeOverflow, "amount", 0, 0},
		{"nonce used", build(same), withdrawView{dep: rich.dep, coll: rich.coll, next: 4}, CodeNonceUsed, "withdrawNonce", 0, 0},
		{"nonce gap", build(same), withdrawView{dep: rich.dep, coll: rich.coll, next: 2}, CodeNonceGap, "withdrawNonce", 0, 0},
		{"withdrawals frozen on L1", build(same), withdrawView{dep: rich.dep, coll: rich.coll, next: 3, frozen: true}, CodeWithdrawalsFrozen, "amount", 0, 0},
		{"more than unreserved", build(same), withdrawView{dep: big.NewInt(600_000), coll: big.NewInt(499_999), next: 3}, CodeInsufficientDeposit, "amount", 0, 0},
		{"a negative unreserved deposit counts as none", build(same), withdrawView{dep: big.NewInt(-5), coll: big.NewInt(1_100_000), next: 3}, 0, "", 0, 1_100_000},
	} {
		t.Run(tc.name, func(t *testing.T) {
			adm, rej := AdmitWithdraw(tc.w, tc.v, p)
			if tc.code != 0 {
				if rej == nil || rej.Code != tc.code || rej.Field != tc.field {
					t.Fatalf("%v, want %s (%s)", rej, tc.code, tc.field)
				}
				return
			}
			if rej != nil {
				t.Fatal(rej)
			}
			if adm.FromDeposit.Int64() != tc.fromDep || adm.FromCollateral.Int64() != tc.col || adm.Hash != tc.w.Hash(p.Domain) {
				t.Fatalf("admission %v from the deposit, %v from collateral", adm.FromDeposit, adm.FromCollateral)
			}
		})
	}
	forged := build(same)
	forged.Account = common.Address{0x66}
	if _, rej := AdmitWithdraw(forged, rich, p); rej == nil || rej.Code != CodeBadSignature {
		t.Fatalf("another account's withdrawal: %v", rej)
	}
}
