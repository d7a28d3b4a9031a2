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
	"github.com/veil-sequencer/veil/params"
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
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
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
	// Queue, when set, is the ForcedInclusionQueue, and Read applies the
	// escape hatch (protocol §9) with Params' forceDeadline and forcedGas:
	// reads must then start at the deployment (the genesis's StartBlock),
	// since any item enqueued since may escape.
	Queue  common.Address
	Params params.Params
	// StartBlock is where Follow starts: the genesis's L1 start block.
	StartBlock uint64
	// L1ChainID is the L1 chain the genesis names (FromL1), for the caller
	// to check its node against.
	L1ChainID uint64
	// Confirmations is how far Follow trusts L1: 0 reads up to its
	// `finalized` block, as Veil applies L1 (a batch read from a block L1
	// later reorgs away would make the next one look forged); D > 0 up to
	// latest − D (dev chains, whose finality is slow or simulated).
	Confirmations uint64

	esc escapeState
}

// L1Slots is one accepted batch's verified slots or, when Escaped is set,
// the forced items the escape hatch derives at L1Block (after every slot
// derived before them).
type L1Slots struct {
	Index   uint64
	L1Block uint64
	Digest  common.Hash // its header's: the next one's parent
	Slots   []Slot
	Escaped []Escaped
}

// Read verifies the batches BatchInbox accepted in L1 blocks from … to, in
// order, the first continuing parent (zero before batch 0); it returns them,
// with the escape hatch's items between them when Queue is set, and the
// last one's digest. A batch that does not verify stops the read with an
// error naming the batch and the part. Reads continue one another: the
// next starts at to+1.
func (r *L1Reader) Read(ctx context.Context, from, to uint64, parent common.Hash) ([]L1Slots, common.Hash, error) {
	inbox, err := contracts.NewBatchInboxFilterer(r.Inbox, nil)
	if err != nil {
		return nil, parent, err
	}
	inboxABI, err := contracts.BatchInboxMetaData.GetAbi()
	if err != nil {
		return nil, parent, err
	}
	queueABI, err := contracts.ForcedInclusionQueueMetaData.GetAbi()
	if err != nil {
		return nil, parent, err
	}
	addrs := []common.Address{r.Inbox}
	topics := []common.Hash{inboxABI.Events["BatchAccepted"].ID}
	if r.Queue != (common.Address{}) {
		addrs, topics = append(addrs, r.Queue), append(topics, queueABI.Events["Enqueued"].ID)
	}
	logs, err := r.L1.FilterLogs(ctx, ethereum.FilterQuery{FromBlock: newUint(from), ToBlock: newUint(to), Addresses: addrs,
		Topics: [][]common.Hash{topics}})
	if err != nil {
		return nil, parent, fmt.Errorf("client: BatchInbox logs %d…%d: %w", from, to, err)
	}
	queue, err := contracts.NewForcedInclusionQueueFilterer(r.Queue, nil)
	if err != nil {
		return nil, parent, err
	}
	escapes := r.Queue != (common.Address{})
	var out []L1Slots
	next := from // the first block whose escapes are not yet taken
	for i, l := range logs {
		if escapes && l.BlockNumber > next {
			if out, err = r.escapesIn(ctx, next, l.BlockNumber-1, out); err != nil {
				return out, parent, err
			}
			next = l.BlockNumber
		}
		switch {
		case l.Address == r.Queue && escapes:
			ev, err := queue.ParseEnqueued(l)
			if err != nil {
				return out, parent, fmt.Errorf("client: Enqueued in L1 block %d: %w", l.BlockNumber, err)
			}
			r.esc.enqueue(ev, r.Domain.ChainID, r.Params)
		case l.Address == r.Inbox:
			ev, err := inbox.ParseBatchAccepted(l)
			if err != nil {
				return out, parent, fmt.Errorf("client: BatchAccepted in L1 block %d: %w", l.BlockNumber, err)
			}
			slots, err := r.verify(ctx, l, ev, parent, inboxABI)
			if err != nil {
				return out, parent, err
			}
			parent = ev.HeaderHash
			r.esc.cover(ev.Header.ForcedUpTo)
			out = append(out, L1Slots{Index: ev.Index, L1Block: l.BlockNumber, Digest: ev.HeaderHash, Slots: slots})
		}
		// A block's escapes come after its events.
		if last := i == len(logs)-1 || logs[i+1].BlockNumber != l.BlockNumber; escapes && last {
			if out, err = r.escapesIn(ctx, l.BlockNumber, l.BlockNumber, out); err != nil {
				return out, parent, err
			}
			next = l.BlockNumber + 1
		}
	}
	if escapes && next <= to {
		if out, err = r.escapesIn(ctx, next, to, out); err != nil {
			return out, parent, err
		}
	}
	return out, parent, nil
}

// verify checks an accepted batch against L1 and its blobs.
func (r *L1Reader) verify(ctx context.Context, l types.Log, ev *contracts.BatchInboxBatchAccepted, parent common.Hash, inboxABI *abi.ABI) ([]Slot, error) {
	b, err := r.submitted(ctx, l.TxHash, ev, inboxABI)
	if err != nil {
		return nil, err
	}
	key, err := r.eonKey(ctx, b.Header.Eon)
	if err != nil {
		return nil, err
	}
	blobs := make([]kzg4844.Blob, len(b.VersionedHashes))
	for i, h := range b.VersionedHashes {
		blob, err := r.Blobs.Blob(ctx, h)
		if err != nil {
			return nil, fmt.Errorf("client: batch %d: %w", ev.Index, err)
		}
		blobs[i] = *blob
	}
	return VerifyBatch(r.Domain, key, parent, b, blobs)
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
