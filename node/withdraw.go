package node

import (
	"context"

	"github.com/ethereum/go-ethereum/common"

	"github.com/veil-sequencer/veil/api"
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

// Withdrawals answers GET /v1/withdrawals/{account}: each committed
// withdrawal with how far its batch has come.
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
	accepted, err := st.NextAcceptedBatch()
	if err != nil {
		return apitypes.Withdrawals{}, err
	}
	frozenFrom, frozen, err := st.FrozenFrom()
	if err != nil {
		return apitypes.Withdrawals{}, err
	}
	out := apitypes.Withdrawals{Account: a, NextWithdrawNonce: next, Withdrawals: make([]apitypes.Withdrawal, len(ws))}
	for i, w := range ws {
		x := apitypes.Withdrawal{Hash: b.withdrawalHash(w), WithdrawNonce: w.WithdrawNonce, Recipient: w.Recipient,
			Amount: apitypes.Wei{Int: w.Amount}, Fee: apitypes.Wei{Int: w.Fee}, Slot: w.Slot, State: apitypes.WithdrawalCommitted}
		if index, ok, err := st.BatchOf(w.Slot); err != nil {
			return apitypes.Withdrawals{}, err
		} else if ok {
			x.State, x.Batch = apitypes.WithdrawalInBatch, &index
			if index < accepted {
				x.State = apitypes.WithdrawalClaimable
			}
		}
		at, claimed, err := st.WithdrawalClaimed(a, w.WithdrawNonce)
		switch {
		case err != nil:
			return apitypes.Withdrawals{}, err
		case claimed:
			x.State, x.ClaimedIn = apitypes.WithdrawalClaimed, &at
		case frozen && (x.Batch == nil || *x.Batch >= frozenFrom):
			x.State = apitypes.WithdrawalFrozen
		}
		out.Withdrawals[i] = x
	}
	return out, nil
}

// WithdrawalProof answers GET /v1/withdrawals/{account}/{nonce}/proof:
// ErrNotFound until the batch that covers the withdrawal is signed.
func (b *Backend) WithdrawalProof(_ context.Context, a common.Address, nonce uint64) (apitypes.WithdrawalProof, error) {
	st := b.state()
	p, ok, err := st.WithdrawalProof(b.params.Domain, a, nonce)
	if err != nil {
		return apitypes.WithdrawalProof{}, err
	}
	if !ok {
		return apitypes.WithdrawalProof{}, api.ErrNotFound
	}
	ws, err := st.Withdrawals(a)
	if err != nil {
		return apitypes.WithdrawalProof{}, err
	}
	var w chain.Withdrawal
	for _, x := range ws {
		if x.WithdrawNonce == nonce {
			w = x
		}
	}
	next, err := st.NextAcceptedBatch()
	if err != nil {
		return apitypes.WithdrawalProof{}, err
	}
	h := p.Header
	return apitypes.WithdrawalProof{Header: apitypes.BatchHeader{ChainID: h.ChainId, Eon: h.Eon, Index: h.Index, FirstSlot: h.FirstSlot,
		LastSlot: h.LastSlot, Parent: h.Parent, RecordsRoot: h.RecordsRoot, DataHash: h.DataHash, WithdrawalsRoot: h.WithdrawalsRoot,
		ForcedUpTo: h.ForcedUpTo, L1Applied: h.L1Applied, AppHash: h.AppHash}, Account: a, Recipient: w.Recipient,
		Amount: apitypes.Wei{Int: w.Amount}, WithdrawNonce: nonce, Index: p.Index, Size: p.Size, Path: p.Path,
		Accepted: p.Batch < next}, nil
}

// withdrawalHash is a committed withdrawal's hash: the state keeps what
// it signs, not the digest.
func (b *Backend) withdrawalHash(w chain.Withdrawal) common.Hash {
	x := withdrawal.Withdrawal{ChainID: b.params.Domain.ChainID, Account: w.Account, Recipient: w.Recipient,
		Amount: w.Amount, WithdrawNonce: w.WithdrawNonce, Fee: w.Fee}
	return x.Hash(b.params.Domain)
}
