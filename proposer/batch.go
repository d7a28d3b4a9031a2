package proposer

import (
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/common"

	"github.com/veil-sequencer/veil/batch"
	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/threshold"
)

// BatchSig is the committee's signature of a batch header as a record
// carries it: the batch, the dataHash the committee computed (the one
// header field the chain cannot compute), and σ.
type BatchSig struct {
	Index    uint64
	DataHash common.Hash
	Sigma    *threshold.IdentityKey
}

// BatchDue is the next batch whose signature the chain waits for: fixed,
// its parent (the previous batch's signed header digest) known.
type BatchDue struct {
	Fixed  batch.Fixed
	Parent common.Hash
	Domain eip712.Domain
	// EonKey is the key of the batch's eon when it is not the slot's (the
	// last batch of an eon, signed after the next one's activation); nil:
	// Inputs.EonKey.
	EonKey *threshold.EonPublicKey
}

// Digest is the header digest the committee signs for dataHash.
func (d *BatchDue) Digest(dataHash common.Hash) common.Hash {
	return batch.Digest(d.Domain, batch.Header(d.Fixed, d.Parent, dataHash))
}

// ErrBadBatchSig is a record's batch signature that is not the due batch's
// or does not verify.
var ErrBadBatchSig = errors.New("proposer: the record's batch signature is not valid for the due batch")

// checkBatch verifies a record's batch signature against the due batch:
// σ must be the key of the signing identity of the header the chain's
// fields and the recorded dataHash make (protocol §9).
func checkBatch(in Inputs, sig *BatchSig) error {
	if sig == nil {
		return nil
	}
	due := in.BatchDue
	if due == nil || sig.Index != due.Fixed.Index {
		return fmt.Errorf("%w: batch %d is not due", ErrBadBatchSig, sig.Index)
	}
	key := in.EonKey
	if due.EonKey != nil {
		key = due.EonKey
	}
	id := threshold.SigningIdentity(due.Fixed.ChainID, due.Fixed.Eon, due.Digest(sig.DataHash))
	if err := threshold.VerifyKey(key, id.Point(), sig.Sigma); err != nil {
		return fmt.Errorf("%w: batch %d: %v", ErrBadBatchSig, sig.Index, err)
	}
	return nil
}
