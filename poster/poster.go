// Package poster puts the committee's batches on L1 (protocol §9): the
// header, the committee's signature and the batch data in EIP-4844 blobs,
// one blob transaction to BatchInbox.submit, with its fees estimated from
// L1 and the transaction replaced at higher fees when it does not land.
package poster

import (
	"cmp"
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/crypto/kzg4844"
	"github.com/holiman/uint256"

	"github.com/veil-sequencer/veil/batch"
	"github.com/veil-sequencer/veil/contracts"
)

// Backend is what posting needs of an L1 node (an ethclient.Client).
type Backend interface {
	ChainID(ctx context.Context) (*big.Int, error)
	NonceAt(ctx context.Context, account common.Address, blockNumber *big.Int) (uint64, error)
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
	SuggestGasTipCap(ctx context.Context) (*big.Int, error)
	BlobBaseFee(ctx context.Context) (*big.Int, error)
	EstimateGas(ctx context.Context, msg ethereum.CallMsg) (uint64, error)
	SendTransaction(ctx context.Context, tx *types.Transaction) error
	TransactionReceipt(ctx context.Context, hash common.Hash) (*types.Receipt, error)
}

// Fees are a blob transaction's prices, in wei.
type Fees struct {
	Tip, FeeCap, BlobFeeCap *big.Int
}

// Poster posts batches from one L1 account.
type Poster struct {
	L1    Backend
	Key   *ecdsa.PrivateKey // pays; its account should post nothing else
	Inbox common.Address
	// ReplaceAfter is how many L1 blocks a sent transaction may wait
	// before it is replaced with higher fees (0: 3).
	ReplaceAfter uint64
	// Poll is how often receipts are looked for (0: 500 ms).
	Poll time.Duration
	// Fees prices attempt n (0 first, then each replacement); nil:
	// Estimate. A replacement is raised to what L1 nodes take as one
	// anyway (every cap ×2, go-ethereum's blob pool's bump).
	Fees func(ctx context.Context, attempt int) (Fees, error)
	Log  *slog.Logger
}

// Posted is a batch that landed.
type Posted struct {
	Receipt  *types.Receipt
	Attempts int // transactions sent: 1 + replacements
}

// ErrReverted is a posting transaction that landed and failed.
var ErrReverted = errors.New("poster: BatchInbox.submit reverted")

// ErrNonceTaken is a post whose nonce a transaction it did not send took:
// one this account sent before (a poster killed after sending, whose copy
// landed since), or another use of the key. The caller looks at the inbox
// before posting again.
var ErrNonceTaken = errors.New("poster: the account's nonce was taken by another transaction")

// maxUnderpriced bounds the sends in a row that L1 refuses as underpriced
// replacements (of a transaction this account left in the pool), each
// priced at twice the last: 24 outbid a leftover priced up to 2^24 times
// the estimate.
const maxUnderpriced = 24

// Estimate prices a blob transaction from L1: the suggested tip, a fee cap
// of twice the base fee plus the tip, and twice the blob base fee, so a
// few full blocks do not strand it.
func Estimate(ctx context.Context, l1 Backend) (Fees, error) {
	tip, err := l1.SuggestGasTipCap(ctx)
	if err != nil {
		return Fees{}, fmt.Errorf("poster: tip: %w", err)
	}
	head, err := l1.HeaderByNumber(ctx, nil)
	if err != nil {
		return Fees{}, fmt.Errorf("poster: head: %w", err)
	}
	base := head.BaseFee
	if base == nil {
		base = new(big.Int)
	}
	blob, err := l1.BlobBaseFee(ctx)
	if err != nil {
		return Fees{}, fmt.Errorf("poster: blob base fee: %w", err)
	}
	return Fees{Tip: tip, FeeCap: new(big.Int).Add(new(big.Int).Lsh(base, 1), tip),
		BlobFeeCap: new(big.Int).Lsh(max1(blob), 1)}, nil
}

func max1(x *big.Int) *big.Int {
	if x == nil || x.Sign() <= 0 {
		return big.NewInt(1)
	}
	return x
}

// Post sends BatchInbox.submit(header, sigma) with b's blobs and waits
// until it lands, replacing it at higher fees while it does not. It
// returns ErrReverted (wrapped, with the transaction) if it landed and
// failed, for instance because another poster's copy landed first.
func (p *Poster) Post(ctx context.Context, header contracts.StatementsBatch, sigma []byte, b *batch.Built) (*Posted, error) {
	abi, err := contracts.BatchInboxMetaData.GetAbi()
	if err != nil {
		return nil, err
	}
	data, err := abi.Pack("submit", header, sigma)
	if err != nil {
		return nil, fmt.Errorf("poster: pack submit: %w", err)
	}
	sidecar, err := Sidecar(b)
	if err != nil {
		return nil, err
	}
	from := crypto.PubkeyToAddress(p.Key.PublicKey)
	chainID, err := p.L1.ChainID(ctx)
	if err != nil {
		return nil, fmt.Errorf("poster: chain id: %w", err)
	}
	// The account posts nothing else, so a transaction pending at its
	// confirmed nonce is an earlier post of this account (a poster killed
	// after sending): the post replaces it rather than queueing behind it,
	// where a stuck one would hold it forever.
	nonce, err := p.L1.NonceAt(ctx, from, nil)
	if err != nil {
		return nil, fmt.Errorf("poster: nonce: %w", err)
	}
	first, err := p.fees(ctx, 0, Fees{})
	if err != nil {
		return nil, err
	}
	// Gas is estimated without the attempt's prices (a first attempt may
	// be priced to wait), at any blob fee the blobs need.
	gas, err := p.L1.EstimateGas(ctx, ethereum.CallMsg{From: from, To: &p.Inbox, Data: data, BlobHashes: b.VersionedHashes})
	if err != nil {
		return nil, fmt.Errorf("poster: batch %d would not be accepted: %w", header.Index, err)
	}
	gas += gas/4 + 20_000
	log := p.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	var sent []common.Hash
	fees, underpriced := first, 0
	for attempt := 0; ; attempt++ {
		if attempt > 0 {
			if fees, err = p.fees(ctx, attempt, fees); err != nil {
				return nil, err
			}
		}
		tx, err := types.SignNewTx(p.Key, types.LatestSignerForChainID(chainID), &types.BlobTx{
			ChainID: uint256.MustFromBig(chainID), Nonce: nonce, GasTipCap: uint256.MustFromBig(fees.Tip),
			GasFeeCap: uint256.MustFromBig(fees.FeeCap), Gas: gas, To: p.Inbox, Data: data,
			BlobFeeCap: uint256.MustFromBig(fees.BlobFeeCap), BlobHashes: b.VersionedHashes, Sidecar: sidecar})
		if err != nil {
			return nil, err
		}
		switch err := p.L1.SendTransaction(ctx, tx); {
		case err == nil, sendError(err) == sendKnown:
			sent = append(sent, tx.Hash())
			log.Info("batch posted", "index", header.Index, "tx", tx.Hash(), "attempt", attempt+1, "tip", fees.Tip,
				"feeCap", fees.FeeCap, "blobFeeCap", fees.BlobFeeCap, "blobs", len(b.Blobs))
		case sendError(err) == sendUnderpriced && underpriced < maxUnderpriced:
			// Our own leftover holds the nonce at a higher price: outbid
			// it at once.
			underpriced++
			log.Info("batch post underpriced against a pending transaction of this account: raising the fees",
				"index", header.Index, "nonce", nonce, "attempt", attempt+1)
			continue
		case sendError(err) == sendNonceLow:
			// Mined: by a transaction sent here, or by another.
			r, err := p.receipt(ctx, sent)
			if err != nil || r == nil {
				return nil, cmp.Or(err, fmt.Errorf("%w: batch %d, nonce %d", ErrNonceTaken, header.Index, nonce))
			}
		default:
			return nil, fmt.Errorf("poster: send batch %d (attempt %d): %w", header.Index, attempt+1, err)
		}
		underpriced = 0
		r, err := p.await(ctx, sent)
		if err != nil {
			return nil, err
		}
		if r == nil {
			// Not landed. If the nonce is spent, no transaction sent
			// here took it.
			if n, err := p.L1.NonceAt(ctx, from, nil); err != nil {
				return nil, fmt.Errorf("poster: nonce: %w", err)
			} else if n > nonce {
				if r, err = p.receipt(ctx, sent); err != nil || r == nil {
					return nil, cmp.Or(err, fmt.Errorf("%w: batch %d, nonce %d", ErrNonceTaken, header.Index, nonce))
				}
			}
		}
		if r == nil {
			continue // stuck: replace it
		}
		out := &Posted{Receipt: r, Attempts: len(sent)}
		if r.Status != types.ReceiptStatusSuccessful {
			return out, fmt.Errorf("%w: batch %d, tx %s", ErrReverted, header.Index, r.TxHash)
		}
		return out, nil
	}
}

// fees prices an attempt, a replacement at least the bump L1 nodes ask
// of a blob transaction: go-ethereum's blob pool takes one only at twice
// the tip, the fee cap and the blob fee cap.
func (p *Poster) fees(ctx context.Context, attempt int, prev Fees) (Fees, error) {
	var f Fees
	var err error
	if p.Fees != nil {
		f, err = p.Fees(ctx, attempt)
	} else {
		f, err = Estimate(ctx, p.L1)
	}
	if err != nil || attempt == 0 {
		return f, err
	}
	bump := func(x, old *big.Int, num, den int64) *big.Int {
		least := new(big.Int).Mul(old, big.NewInt(num))
		least.Div(least, big.NewInt(den)).Add(least, big.NewInt(1))
		if x.Cmp(least) < 0 {
			return least
		}
		return x
	}
	return Fees{Tip: bump(f.Tip, prev.Tip, 2, 1), FeeCap: bump(f.FeeCap, prev.FeeCap, 2, 1),
		BlobFeeCap: bump(f.BlobFeeCap, prev.BlobFeeCap, 2, 1)}, nil
}

// await waits for a receipt of any transaction sent for the batch: nil
// once ReplaceAfter blocks pass without one.
func (p *Poster) await(ctx context.Context, sent []common.Hash) (*types.Receipt, error) {
	after, poll := p.ReplaceAfter, p.Poll
	if after == 0 {
		after = 3
	}
	if poll == 0 {
		poll = 500 * time.Millisecond
	}
	head, err := p.L1.HeaderByNumber(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("poster: head: %w", err)
	}
	start := head.Number.Uint64()
	tick := time.NewTicker(poll)
	defer tick.Stop()
	for {
		if r, err := p.receipt(ctx, sent); err != nil || r != nil {
			return r, err
		}
		head, err := p.L1.HeaderByNumber(ctx, nil)
		if err != nil {
			return nil, fmt.Errorf("poster: head: %w", err)
		}
		if head.Number.Uint64() >= start+after {
			return nil, nil
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-tick.C:
		}
	}
}

// receipt is the receipt of any transaction in sent; nil while none
// landed.
func (p *Poster) receipt(ctx context.Context, sent []common.Hash) (*types.Receipt, error) {
	for _, h := range sent {
		r, err := p.L1.TransactionReceipt(ctx, h)
		if err == nil {
			return r, nil
		}
		if !errors.Is(err, ethereum.NotFound) {
			return nil, fmt.Errorf("poster: receipt of %s: %w", h, err)
		}
	}
	return nil, nil
}

// What an L1 node's refusal of a send means for the post; L1 nodes answer
// over JSON-RPC in words (go-ethereum's txpool errors), so the words are
// what is matched.
const (
	sendOther       = iota
	sendKnown       // this very transaction is in the pool: wait for it
	sendNonceLow    // the nonce was mined: by ours, or another's
	sendUnderpriced // a pending transaction of this account holds the nonce at a higher price
)

func sendError(err error) int {
	s := err.Error()
	switch {
	case strings.Contains(s, "already known"):
		return sendKnown
	case strings.Contains(s, "nonce too low"):
		return sendNonceLow
	case strings.Contains(s, "replacement transaction underpriced"):
		return sendUnderpriced
	}
	return sendOther
}

// Sidecar is the blob transaction's sidecar for b: the blobs, their
// commitments and cell proofs (EIP-7594, what L1 nodes take since Osaka).
func Sidecar(b *batch.Built) (*types.BlobTxSidecar, error) {
	var proofs []kzg4844.Proof
	for i := range b.Blobs {
		ps, err := kzg4844.ComputeCellProofs(&b.Blobs[i])
		if err != nil {
			return nil, fmt.Errorf("poster: blob %d: %w", i, err)
		}
		proofs = append(proofs, ps...)
	}
	return types.NewBlobTxSidecar(types.BlobSidecarVersion1, b.Blobs, b.Commitments, proofs), nil
}
