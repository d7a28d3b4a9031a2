package node

import (
	"github.com/veil-sequencer/veil/api/apitypes"
	"github.com/veil-sequencer/veil/chain"
)

// finality is whether slot is final (protocol §9): covered by a batch L1
// accepted, as far as Veil applied L1; nil until then.
func (b *Backend) finality(st *chain.State, slot uint64) (*apitypes.Final, error) {
	index, ok, err := st.BatchOf(slot)
	if err != nil || !ok {
		return nil, err
	}
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
