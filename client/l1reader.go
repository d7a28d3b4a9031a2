package client

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strings"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto/kzg4844"

	"github.com/veil-sequencer/veil/batch"
	"github.com/veil-sequencer/veil/contracts"
	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/threshold"
)

// BlobSource gives a blob by its versioned hash. L1 execution nodes do not
// serve the blobs of included transactions and consensus nodes drop them
// after about 18 days, so a rollup deriving from L1 names an archive; what
// it gives is checked against the versioned hash (VerifyBatch).
type BlobSource interface {
	Blob(ctx context.Context, versionedHash common.Hash) (*kzg4844.Blob, error)
}

// DirArchive is a BlobSource over a directory: one file per blob, named by
// its versioned hash in hex (no 0x), holding the blob's 131,072 bytes.
type DirArchive string

// ErrNoBlob is a blob the source does not have.
var ErrNoBlob = errors.New("client: blob not in the archive")

// Blob reads a blob from the directory.
func (d DirArchive) Blob(_ context.Context, h common.Hash) (*kzg4844.Blob, error) {
	raw, err := os.ReadFile(filepath.Join(string(d), strings.TrimPrefix(h.Hex(), "0x")))
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("%w: %s", ErrNoBlob, h)
	}
	if err != nil {
		return nil, err
	}
	var b kzg4844.Blob
	if len(raw) != len(b) {
		return nil, fmt.Errorf("client: archived blob %s has %d bytes", h, len(raw))
	}
	copy(b[:], raw)
	return &b, nil
}

// Put archives a built batch's blobs (a poster keeps what it posted).
func (d DirArchive) Put(b *batch.Built) error {
	if err := os.MkdirAll(string(d), 0o755); err != nil {
		return err
	}
	for i, h := range b.VersionedHashes {
		name := filepath.Join(string(d), strings.TrimPrefix(h.Hex(), "0x"))
		if err := os.WriteFile(name+".tmp", b.Blobs[i][:], 0o644); err != nil {
			return err
		}
		if err := os.Rename(name+".tmp", name); err != nil {
			return err
		}
	}
	return nil
}

// L1Backend is what reading batches needs of an L1 node (an
// ethclient.Client).
type L1Backend interface {
	bind.ContractCaller
	FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error)
	TransactionByHash(ctx context.Context, hash common.Hash) (*types.Transaction, bool, error)
}

// L1Reader derives Veil's slots from L1 alone (protocol §9, "Rollups read
// L1 too"): BatchInbox's accepted batches, each checked by VerifyBatch
// against the eon key the registry holds, its blobs from Blobs.
type L1Reader struct {
	L1              L1Backend
	Inbox, Registry common.Address
	Domain          eip712.Domain // the deployment's: its chain id and salt
	Blobs           BlobSource
	// EonKeys are eon keys the reader trusts already (the genesis eon's,
	// from the trusted genesis): an L1 node that lies could serve another
	// key from the registry and batches signed under it. Other eons' keys
	// are read from the registry, trusting the L1 node.
	EonKeys map[uint64]*threshold.EonPublicKey
}

// L1Slots is one accepted batch's verified slots.
type L1Slots struct {
	Index   uint64
	L1Block uint64
	Digest  common.Hash // its header's: the next one's parent
	Slots   []Slot
}

// Read verifies the batches BatchInbox accepted in L1 blocks from … to, in
// order, the first continuing parent (zero before batch 0); it returns them
// and the last one's digest. A batch that does not verify stops the read
// with an error naming the batch and the part.
func (r *L1Reader) Read(ctx context.Context, from, to uint64, parent common.Hash) ([]L1Slots, common.Hash, error) {
	inbox, err := contracts.NewBatchInboxFilterer(r.Inbox, nil)
	if err != nil {
		return nil, parent, err
	}
	inboxABI, err := contracts.BatchInboxMetaData.GetAbi()
	if err != nil {
		return nil, parent, err
	}
	logs, err := r.L1.FilterLogs(ctx, ethereum.FilterQuery{FromBlock: newUint(from), ToBlock: newUint(to), Addresses: []common.Address{r.Inbox},
		Topics: [][]common.Hash{{inboxABI.Events["BatchAccepted"].ID}}})
	if err != nil {
		return nil, parent, fmt.Errorf("client: BatchInbox logs %d…%d: %w", from, to, err)
	}
	var out []L1Slots
	for _, l := range logs {
		ev, err := inbox.ParseBatchAccepted(l)
		if err != nil {
			return out, parent, fmt.Errorf("client: BatchAccepted in L1 block %d: %w", l.BlockNumber, err)
		}
		b, err := r.submitted(ctx, l.TxHash, ev, inboxABI)
		if err != nil {
			return out, parent, err
		}
		key, err := r.eonKey(ctx, b.Header.Eon)
		if err != nil {
			return out, parent, err
		}
		blobs := make([]kzg4844.Blob, len(b.VersionedHashes))
		for i, h := range b.VersionedHashes {
			blob, err := r.Blobs.Blob(ctx, h)
			if err != nil {
				return out, parent, fmt.Errorf("client: batch %d: %w", ev.Index, err)
			}
			blobs[i] = *blob
		}
		slots, err := VerifyBatch(r.Domain, key, parent, b, blobs)
		if err != nil {
			return out, parent, err
		}
		parent = ev.HeaderHash
		out = append(out, L1Slots{Index: ev.Index, L1Block: l.BlockNumber, Digest: ev.HeaderHash, Slots: slots})
	}
	return out, parent, nil
}

// submitted is the batch L1 accepted in transaction hash: the header from
// the event (a submit may be made from inside a contract, where the
// transaction's own calldata is not the call), the blob hashes from the
// transaction (BLOBHASH reads the transaction's), and σ from its calldata
// when the transaction calls submit itself; otherwise BatchInbox's own
// check of σ stands (L1Checked).
func (r *L1Reader) submitted(ctx context.Context, hash common.Hash, ev *contracts.BatchInboxBatchAccepted, inbox *abi.ABI) (L1Batch, error) {
	if batch.Digest(r.Domain, ev.Header) != ev.HeaderHash || ev.Header.Index != ev.Index {
		return L1Batch{}, fail("batch header", "BatchAccepted of batch %d names a header hash its header does not have", ev.Index)
	}
	tx, _, err := r.L1.TransactionByHash(ctx, hash)
	if err != nil {
		return L1Batch{}, fmt.Errorf("client: transaction %s: %w", hash, err)
	}
	out := L1Batch{Header: ev.Header, VersionedHashes: tx.BlobHashes(), L1Checked: true}
	data := tx.Data()
	if tx.To() == nil || *tx.To() != r.Inbox || len(data) < 4 {
		return out, nil
	}
	m, err := inbox.MethodById(data[:4])
	if err != nil || m.Name != "submit" {
		return out, nil
	}
	args, err := m.Inputs.Unpack(data[4:])
	if err != nil || len(args) != 2 {
		return out, nil
	}
	h, ok := abi.ConvertType(args[0], new(contracts.StatementsBatch)).(*contracts.StatementsBatch)
	sigma, ok2 := args[1].([]byte)
	if ok && ok2 && *h == ev.Header {
		out.Sigma, out.L1Checked = sigma, false
	}
	return out, nil
}

// eonKey is an eon's key as the registry holds it (cached: registered
// keys do not change).
func (r *L1Reader) eonKey(ctx context.Context, eon uint64) (*threshold.EonPublicKey, error) {
	if k, ok := r.EonKeys[eon]; ok {
		return k, nil
	}
	reg, err := contracts.NewSequencerRegistryCaller(r.Registry, r.L1)
	if err != nil {
		return nil, err
	}
	got, err := reg.EonKey(&bind.CallOpts{Context: ctx}, eon)
	if err != nil {
		return nil, fmt.Errorf("client: eon %d's key from the registry: %w", eon, err)
	}
	k, err := threshold.ParseEonPublicKeyEIP2537(got.PublicKey)
	if err != nil {
		return nil, fail("eon key", "eon %d: %v", eon, err)
	}
	if r.EonKeys == nil {
		r.EonKeys = make(map[uint64]*threshold.EonPublicKey)
	}
	r.EonKeys[eon] = k
	return k, nil
}

func newUint(n uint64) *big.Int { return new(big.Int).SetUint64(n) }
