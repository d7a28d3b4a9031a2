package mempool

import (
	"math/big"

	"github.com/ethereum/go-ethereum/common"

	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/wire"
	"github.com/veil-sequencer/veil/withdrawal"
)

// WithdrawGas is the gas a withdrawal's fee pays for at the minimum fee per
// gas: the least fee is MinFeePerGas × WithdrawGas, so withdrawals cost
// about what an envelope of their size would, and a flood of them costs its
// sender (protocol §9: "a fee ≥ the minimum").
const WithdrawGas = 100_000

// WithdrawView is what the withdrawal rules read of the state.
type WithdrawView interface {
	// Unreserved is what the account can take out: its deposit less the
	// pending charges of its queued envelopes, and its collateral less the
	// penalties reserved for its bids (nil: nothing).
	Unreserved(a common.Address) (deposit, collateral *big.Int)
	NextWithdrawNonce(a common.Address) uint64
	// WithdrawalsFrozen reports whether an equivocation proof froze
	// withdrawals on L1 (protocol §9): every later batch is frozen too, so
	// a new withdrawal could never be paid.
	WithdrawalsFrozen() bool
}

// WithdrawAdmission is an accepted withdrawal's effect: amount + fee taken
// from the unreserved deposit first, the rest from the free collateral.
type WithdrawAdmission struct {
	Hash           common.Hash
	FromDeposit    *big.Int
	FromCollateral *big.Int
}

// MinWithdrawFee is the least fee a withdrawal pays.
func MinWithdrawFee(p Params) *big.Int {
	return new(big.Int).Mul(wire.OrZero(p.MinFeePerGas), big.NewInt(WithdrawGas))
}

// AdmitWithdraw applies the withdrawal rules, cheapest first, and returns
// the first rejection or the admission; it changes nothing.
func AdmitWithdraw(w *withdrawal.Withdrawal, v WithdrawView, p Params) (*WithdrawAdmission, *Rejection) {
	if w.ChainID != p.Domain.ChainID {
		return nil, reject(CodeWrongChain, "chainId", "chain %d, this is chain %d", w.ChainID, p.Domain.ChainID)
	}
	if w.Amount == nil || w.Amount.Sign() <= 0 {
		return nil, reject(CodeBadField, "amount", "%v wei: want a positive amount", w.Amount)
	}
	if w.Recipient == (common.Address{}) {
		return nil, reject(CodeBadField, "recipient", "the zero address: the vault would pay nobody")
	}
	if least := MinWithdrawFee(p); w.Fee == nil || w.Fee.Cmp(least) < 0 {
		return nil, reject(CodeFeeTooLow, "fee", "%v wei, at least %v (%d gas at the minimum fee)", w.Fee, least, WithdrawGas)
	}
	need := new(big.Int).Add(w.Amount, w.Fee)
	if !wire.FitsUint256(need) {
		return nil, reject(CodeFeeOverflow, "amount", "amount + fee ≥ 2^256")
	}
	h := w.Hash(p.Domain)
	if err := eip712.Verify(h, w.Signature, w.Account); err != nil {
		return nil, &Rejection{Code: CodeBadSignature, Field: "signature", Err: err}
	}
	switch next := v.NextWithdrawNonce(w.Account); {
	case w.WithdrawNonce < next:
		return nil, reject(CodeNonceUsed, "withdrawNonce", "withdrawNonce %d, next is %d", w.WithdrawNonce, next)
	case w.WithdrawNonce != next:
		return nil, reject(CodeNonceGap, "withdrawNonce", "withdrawNonce %d, next is %d", w.WithdrawNonce, next)
	}
	if v.WithdrawalsFrozen() {
		return nil, reject(CodeWithdrawalsFrozen, "amount", "an equivocation proof froze withdrawals on L1: the vault would never pay this one")
	}
	dep, coll := v.Unreserved(w.Account)
	dep, coll = nonNegative(dep), nonNegative(coll)
	if have := new(big.Int).Add(dep, coll); have.Cmp(need) < 0 {
		return nil, reject(CodeInsufficientDeposit, "amount", "%v wei unreserved (deposit %v, collateral %v), amount and fee need %v", have, dep, coll, need)
	}
	adm := &WithdrawAdmission{Hash: h, FromDeposit: new(big.Int).Set(need), FromCollateral: new(big.Int)}
	if need.Cmp(dep) > 0 {
		adm.FromDeposit.Set(dep)
		adm.FromCollateral.Sub(need, dep)
	}
	return adm, nil
}

func nonNegative(x *big.Int) *big.Int {
	if x == nil || x.Sign() < 0 {
		return new(big.Int)
	}
	return x
}
