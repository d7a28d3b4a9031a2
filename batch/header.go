package batch

import (
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto/kzg4844"

	"github.com/veil-sequencer/veil/contracts"
	"github.com/veil-sequencer/veil/eip712"
)

// Fixed is what the chain fixes of a batch from its own state (package
// chain's Batch): every header field but the parent and the dataHash.
type Fixed struct {
	ChainID         uint64
	Eon             uint64
	Index           uint64
	FirstSlot       uint64
	LastSlot        uint64
	RecordsRoot     common.Hash
	WithdrawalsRoot common.Hash
	ForcedUpTo      uint64
	L1Applied       uint64
	AppHash         common.Hash
}

// Header is the batch's L1 header: the fixed fields, the previous header's
// digest (zero for batch 0) and the blobs' dataHash.
func Header(f Fixed, parent, dataHash common.Hash) contracts.StatementsBatch {
	return contracts.StatementsBatch{ChainId: f.ChainID, Eon: f.Eon, Index: f.Index, FirstSlot: f.FirstSlot, LastSlot: f.LastSlot,
		Parent: parent, RecordsRoot: f.RecordsRoot, DataHash: dataHash, WithdrawalsRoot: f.WithdrawalsRoot,
		ForcedUpTo: f.ForcedUpTo, L1Applied: f.L1Applied, AppHash: f.AppHash}
}

// Digest is the header's EIP-712 digest under the deployment's domain: what
// the committee signs, BatchInbox stores and the next header names.
func Digest(d eip712.Domain, h contracts.StatementsBatch) common.Hash {
	return contracts.BatchDigest(d, h)
}

// Built is a batch's data as a keyper builds it, ready to sign and post.
type Built struct {
	Data            []byte
	Blobs           []kzg4844.Blob
	Commitments     []kzg4844.Commitment
	VersionedHashes []common.Hash
	DataHash        common.Hash
}

// Build encodes the slots, packs them into blobs and commits to them.
func Build(slots []Slot) (*Built, error) {
	data, err := Encode(slots)
	if err != nil {
		return nil, err
	}
	blobs, err := Blobs(data)
	if err != nil {
		return nil, fmt.Errorf("batch of slots %d…%d: %w", first(slots), last(slots), err)
	}
	commits, hashes, err := Commitments(blobs)
	if err != nil {
		return nil, err
	}
	return &Built{Data: data, Blobs: blobs, Commitments: commits, VersionedHashes: hashes, DataHash: DataHash(hashes)}, nil
}

func first(s []Slot) uint64 {
	if len(s) == 0 {
		return 0
	}
	return s[0].Slot
}

func last(s []Slot) uint64 {
	if len(s) == 0 {
		return 0
	}
	return s[len(s)-1].Slot
}
