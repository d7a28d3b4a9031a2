package node

import (
	"context"

	"github.com/ethereum/go-ethereum/common"

	"github.com/veil-sequencer/veil/api"
	"github.com/veil-sequencer/veil/api/apitypes"
	"github.com/veil-sequencer/veil/chain"
)

// Forced answers GET /v1/forced/{index}.
func (b *Backend) Forced(_ context.Context, index uint64) (apitypes.Forced, error) {
	f, ok, err := b.state().Forced(index)
	if err != nil {
		return apitypes.Forced{}, err
	}
	if !ok {
		return apitypes.Forced{}, api.ErrNotFound
	}
	return forcedOf(f), nil
}

func forcedOf(f chain.ForcedItem) apitypes.Forced {
	out := apitypes.Forced{Index: f.Index, Status: f.Status.String(), Kind: f.Kind.String(), Reason: f.Reason,
		AppliedSlot: f.AppliedSlot, L1Block: f.L1Block, L1Sender: f.L1Sender, L1Time: f.L1Time, Gas: f.Gas}
	if f.Hash != (common.Hash{}) {
		h := f.Hash
		out.Hash = &h
	}
	if f.Status == chain.ForcedOrdered {
		slot := f.Slot
		out.Slot = &slot
	}
	return out
}

// plainTransaction is GET /v1/transactions/{hash} of a forced plain
// transaction: public from the moment it was on L1, so decrypted once
// ordered; false if hash is none.
func plainTransaction(st *chain.State, h common.Hash) (apitypes.Transaction, bool, error) {
	f, ok, err := st.ForcedPlain(h)
	if err != nil || !ok {
		return apitypes.Transaction{}, false, err
	}
	index := f.Index
	tx := apitypes.Transaction{Hash: h, Status: f.Status.String(), Forced: &index}
	if f.Status == chain.ForcedOrdered {
		entries, err := st.SlotPlain(f.Slot)
		if err != nil {
			return apitypes.Transaction{}, false, err
		}
		for _, e := range entries {
			if e.Item.Index == f.Index {
				slot, place := f.Slot, uint64(e.Place)
				tx.Status, tx.Slot, tx.Index, tx.PlaintextHash = "decrypted", &slot, &place, &tx.Hash
			}
		}
	}
	return tx, true, nil
}
