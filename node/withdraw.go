package node

import (
	"context"

	"github.com/ethereum/go-ethereum/common"

	"github.com/veil-sequencer/veil/api/apitypes"
	"github.com/veil-sequencer/veil/chain"
	"github.com/veil-sequencer/veil/mempool"
	"github.com/veil-sequencer/veil/withdrawal"
)

// SubmitWithdrawal hands a withdrawal to CometBFT's mempool, admitted by
// CheckTx against the committed state and this node's pending transactions
// (the account's next withdrawNonce, and its unreserved deposit and free
// collateral after what is pending), as for envelopes and bids. A
// withdrawal the chain already committed gets the same answer again.
func (b *Backend) SubmitWithdrawal(ctx context.Context, w *withdrawal.Withdrawal) (common.Hash, error) {
	h := w.Hash(b.params.Domain)
	tx := append([]byte{chain.TxWithdraw}, w.EncodeCanonical()...)
	rej, err := b.broadcast(ctx, tx)
	if err != nil || rej == nil {
		return h, err
	}
	// Its withdrawNonce used by itself: the same withdrawal, committed
	// after CometBFT's cache of seen transactions forgot it.
	if rej.Code == mempool.CodeNonceUsed {
		ws, err := b.state().Withdrawals(w.Account)
		if err != nil {
			return common.Hash{}, err
		}
		for _, c := range ws {
			if c.WithdrawNonce == w.WithdrawNonce && b.withdrawalHash(c) == h {
				return h, nil
			}
		}
	}
	return common.Hash{}, rej
}

// Withdrawals answers GET /v1/withdrawals/{account}: every committed
// withdrawal is "committed" until batches are built.
func (b *Backend) Withdrawals(_ context.Context, a common.Address) (apitypes.Withdrawals, error) {
	st := b.state() // one read view: the list and the next nonce agree
	next, err := st.NextWithdrawNonce(a)
	if err != nil {
		return apitypes.Withdrawals{}, err
	}
	ws, err := st.Withdrawals(a)
	if err != nil {
		return apitypes.Withdrawals{}, err
	}
	out := apitypes.Withdrawals{Account: a, NextWithdrawNonce: next, Withdrawals: make([]apitypes.Withdrawal, len(ws))}
	for i, w := range ws {
		out.Withdrawals[i] = apitypes.Withdrawal{Hash: b.withdrawalHash(w), WithdrawNonce: w.WithdrawNonce, Recipient: w.Recipient,
			Amount: apitypes.Wei{Int: w.Amount}, Fee: apitypes.Wei{Int: w.Fee}, Slot: w.Slot, State: apitypes.WithdrawalCommitted}
	}
	return out, nil
}

// withdrawalHash is a committed withdrawal's hash: the state keeps what
// it signs, not the digest.
func (b *Backend) withdrawalHash(w chain.Withdrawal) common.Hash {
	x := withdrawal.Withdrawal{ChainID: b.params.Domain.ChainID, Account: w.Account, Recipient: w.Recipient,
		Amount: w.Amount, WithdrawNonce: w.WithdrawNonce, Fee: w.Fee}
	return x.Hash(b.params.Domain)
}
