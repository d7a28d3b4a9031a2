package node

import (
	"github.com/veil-sequencer/veil/api/apitypes"
	"github.com/veil-sequencer/veil/chain"
)

// finality is whether slot is final (protocol §9): covered by a batch L1
// accepted, as far as Veil applied L1; nil until then.
func (b *Backend) finality(st *chain.State, slot uint64) (*apitypes.Final, error) {
	per := b.params.BatchSlots
	if per == 0 || slot == 0 {
		return nil, nil
	}
	index := (slot - 1) / per
	next, err := st.NextAcceptedBatch()
	if err != nil || index >= next {
		return nil, err
	}
	acc, ok, err := st.BatchAccepted(index)
	if err != nil || !ok {
		return nil, err
	}
	return &apitypes.Final{Batch: index, L1Block: acc.L1Block}, nil
}
