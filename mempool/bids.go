package mempool

import (
	"math/big"

	"github.com/ethereum/go-ethereum/common"

	"github.com/veil-sequencer/veil/bid"
	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/threshold"
	"github.com/veil-sequencer/veil/wire"
)

// Builder is what the bid rules need to know of a builder.
type Builder struct {
	Collateral *big.Int // wei
	Reserved   *big.Int // penalties reserved by its admitted bids not yet settled
}

// BidView is the state the bid rules read.
type BidView interface {
	// Block is the height a bid admitted now would be committed in.
	Block() uint64
	// Eon is the eon active at slot.
	EonAt(slot uint64) uint64
	Builder(common.Address) Builder
	// SlotBids is how many bids slot has, and the builder's highest seq and
	// count among them (ok false if it has none).
	SlotBids(slot uint64, builder common.Address) (total int, seq uint64, count int, ok bool)
}

// BidAdmission is an accepted bid's effect.
type BidAdmission struct {
	Hash    common.Hash
	Reserve *big.Int // the penalty reserved from the builder's collateral
}

// CheckBidSlot is the bid rule of the slot window alone: a bid committed
// in block may serve slots block+1 … block+K. The API applies it against
// the committed height before CometBFT's mempool, whose cache of seen
// transactions would answer a bid replayed after its slot as held.
func CheckBidSlot(slot, block uint64, p Params) *Rejection {
	if slot <= block || slot > block+p.K {
		return reject(CodeWrongSlot, "slot", "slot %d: a bid committed in block %d serves slots %d to %d", slot, block, block+1, block+p.K)
	}
	return nil
}

// AdmitBid applies every bid rule, cheapest first (the cryptography after
// the stateless bounds), and returns the first rejection or the admission.
// It never changes anything. The same function serves the API, CheckTx and
// the block steps.
func AdmitBid(b *bid.Bid, v BidView, p Params) (*BidAdmission, *Rejection) {
	return admitBid(b, nil, v, p)
}

// CheckedBid is a bid whose ciphertext and signature passed, with its
// digest: a pure function of its bytes and the domain, so a node that
// checked it once (its API, or a validator of the same process) need not
// again.
type CheckedBid struct {
	Bid  *bid.Bid
	Hash common.Hash
}

// AdmitBidVerified is AdmitBid for a bid whose cryptography passed before.
func AdmitBidVerified(c *CheckedBid, v BidView, p Params) (*BidAdmission, *Rejection) {
	return admitBid(c.Bid, &c.Hash, v, p)
}

func admitBid(b *bid.Bid, checked *common.Hash, v BidView, p Params) (*BidAdmission, *Rejection) {
	if b.ChainID != p.Domain.ChainID {
		return nil, reject(CodeWrongChain, "chainId", "chain %d, this is chain %d", b.ChainID, p.Domain.ChainID)
	}
	if rej := CheckBidSlot(b.Slot, v.Block(), p); rej != nil {
		return nil, rej
	}
	if eon := v.EonAt(b.Slot); b.Eon != eon {
		return nil, reject(CodeWrongEon, "eon", "eon %d, slot %d is in eon %d", b.Eon, b.Slot, eon)
	}
	if len(b.Sealed) > p.MaxSealedSize {
		return nil, reject(CodeTooLarge, "sealed", "%d bytes, at most %d", len(b.Sealed), p.MaxSealedSize)
	}
	var h common.Hash
	if checked != nil {
		h = *checked
	} else {
		if _, err := threshold.ParseCiphertext(b.Sealed); err != nil {
			return nil, &Rejection{Code: CodeBadCiphertext, Field: "sealed", Err: err}
		}
		h = b.Hash(p.Domain)
		if err := eip712.Verify(h, b.Signature, b.Builder); err != nil {
			return nil, &Rejection{Code: CodeBadSignature, Field: "signature", Err: err}
		}
	}
	total, seq, count, ok := v.SlotBids(b.Slot, b.Builder)
	switch {
	case ok && b.Seq <= seq:
		return nil, reject(CodeSeqTooLow, "seq", "seq %d, the builder's highest for slot %d is %d", b.Seq, b.Slot, seq)
	case count >= p.BidsPerBuilder:
		return nil, reject(CodeBidLimit, "builder", "%d bids for slot %d, at most %d per builder", count, b.Slot, p.BidsPerBuilder)
	case total >= p.BidsPerSlot:
		return nil, reject(CodeBidLimit, "slot", "slot %d has %d bids, at most %d", b.Slot, total, p.BidsPerSlot)
	}
	bu := v.Builder(b.Builder)
	free := new(big.Int).Sub(wire.OrZero(bu.Collateral), wire.OrZero(bu.Reserved))
	if free.Cmp(wire.OrZero(p.InvalidBidPenalty)) < 0 {
		return nil, reject(CodeInsufficientCollateral, "builder", "collateral %v wei with %v reserved leaves less than the %v penalty", wire.OrZero(bu.Collateral), wire.OrZero(bu.Reserved), wire.OrZero(p.InvalidBidPenalty))
	}
	return &BidAdmission{Hash: h, Reserve: new(big.Int).Set(wire.OrZero(p.InvalidBidPenalty))}, nil
}
