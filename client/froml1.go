package client

import (
	"crypto/sha256"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto/kzg4844"

	"github.com/veil-sequencer/veil/batch"
	"github.com/veil-sequencer/veil/contracts"
	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/merkle"
	"github.com/veil-sequencer/veil/threshold"
)

// L1Batch is a batch as BatchInbox took it: the header and σ from its
// submit call, the versioned hashes of its transaction's blobs.
type L1Batch struct {
	Header          contracts.StatementsBatch
	Sigma           []byte // EIP-2537, as submitted
	VersionedHashes []common.Hash
	// L1Checked: σ is not at hand (the batch was submitted from inside a
	// contract) and BatchInbox's check of it, under the registry's key,
	// stands in for VerifyBatch's.
	L1Checked bool
}

// MaxBatchPayload bounds what one batch's data may inflate to: data from
// L1 is outside input, and DEFLATE can claim far more than it holds. It is
// the bound batch.Encode keeps too.
const MaxBatchPayload = batch.MaxPayload

// VerifyBatch checks a batch read from L1 alone (protocol §9, "Rollups
// read L1 too") and returns its slots: the header continues parent (the
// previous accepted header's digest; zero before batch 0) for this chain;
// σ is the committee's signature of it under the eon's key (as the
// registry holds it); the blobs are the transaction's (each commitment's
// versioned hash) and hash to dataHash; the data decodes to exactly the
// header's slots, in order, whose record hashes make recordsRoot. Each
// failure names its part.
func VerifyBatch(d eip712.Domain, eonKey *threshold.EonPublicKey, parent common.Hash, b L1Batch, blobs []kzg4844.Blob) ([]Slot, error) {
	h := b.Header
	switch {
	case h.ChainId != d.ChainID:
		return nil, fail("batch header", "chain %d, want %d", h.ChainId, d.ChainID)
	case h.Parent != parent:
		return nil, fail("batch parent", "batch %d names parent %s, the chain's last header is %s", h.Index, common.Hash(h.Parent), parent)
	case h.LastSlot < h.FirstSlot:
		return nil, fail("batch header", "slots %d…%d", h.FirstSlot, h.LastSlot)
	}
	if !b.L1Checked {
		sigma, err := threshold.ParseIdentityKeyEIP2537(b.Sigma)
		if err != nil {
			return nil, fail("batch signature", "batch %d: %v", h.Index, err)
		}
		digest := batch.Digest(d, h)
		if err := threshold.VerifyKey(eonKey, threshold.SigningIdentity(h.ChainId, h.Eon, digest).Point(), sigma); err != nil {
			return nil, fail("batch signature", "batch %d: not the committee's: %v", h.Index, err)
		}
	}
	if len(blobs) != len(b.VersionedHashes) {
		return nil, fail("batch blobs", "%d blobs for %d versioned hashes", len(blobs), len(b.VersionedHashes))
	}
	if batch.DataHash(b.VersionedHashes) != h.DataHash {
		return nil, fail("batch dataHash", "batch %d: the transaction's blobs hash to another dataHash", h.Index)
	}
	for i := range blobs {
		c, err := kzg4844.BlobToCommitment(&blobs[i])
		if err != nil {
			return nil, fail("batch blobs", "blob %d: %v", i, err)
		}
		if common.Hash(kzg4844.CalcBlobHashV1(sha256.New(), &c)) != b.VersionedHashes[i] {
			return nil, fail("batch blobs", "blob %d is not the one versioned hash %s names", i, b.VersionedHashes[i])
		}
	}
	data, err := batch.FromBlobs(blobs)
	if err != nil {
		return nil, fail("batch data", "%v", err)
	}
	slots, err := batch.Decode(data, MaxBatchPayload)
	if err != nil {
		return nil, fail("batch data", "%v", err)
	}
	if n := h.LastSlot - h.FirstSlot + 1; uint64(len(slots)) != n {
		return nil, fail("batch contents", "%d slots for slots %d…%d", len(slots), h.FirstSlot, h.LastSlot)
	}
	records := make([][]byte, len(slots))
	out := make([]Slot, len(slots))
	for i, s := range slots {
		if s.Slot != h.FirstSlot+uint64(i) {
			return nil, fail("batch contents", "entry %d is slot %d, want %d", i, s.Slot, h.FirstSlot+uint64(i))
		}
		records[i] = s.RecordHash[:]
		out[i] = Slot{Slot: s.Slot, Time: time.Unix(0, int64(s.Time)).UTC()}
		for j, tx := range s.Txs {
			if tx.Reason != "" {
				out[i].Invalid = append(out[i].Invalid, Invalid{Index: j, Reason: tx.Reason})
			} else {
				out[i].Txs = append(out[i].Txs, tx.Plaintext)
			}
		}
	}
	if merkle.Root(records) != h.RecordsRoot {
		return nil, fail("batch contents", "batch %d: the slots' record hashes are not its recordsRoot", h.Index)
	}
	return out, nil
}
