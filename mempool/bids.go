package mempool

import (
	"math/big"

	"github.com/ethereum/go-ethereum/common"

	"github.com/veil-sequencer/veil/bid"
	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/threshold"
)

// Rejection codes of bids (DESIGN §8).
const (
	CodeWrongSlot              = "wrong_slot"
	CodeSeqTooLow              = "seq_too_low"
	CodeBidLimit               = "bid_limit"
	CodeInsufficientCollateral = "insufficient_collateral"
)

// BidParams are the bid admission parameters (DESIGN §3, §4; defaults in
// DefaultBidParams).
type BidParams struct {
	ChainID       uint64
	Domain        eip712.Domain
	K             uint64   // bids for slot s are committed in blocks s−K … s−1
	BuilderCap    int      // bids per builder per slot
	SlotCap       int      // bids per slot
	MaxSealedSize int      // bytes
	Penalty       *big.Int // the invalid-bid penalty, reserved from collateral at admission
}

// DefaultBidParams are DESIGN's defaults with the given penalty.
func DefaultBidParams(chainID uint64, domainSalt common.Hash, penalty *big.Int) BidParams {
	return BidParams{ChainID: chainID, Domain: eip712.Domain{ChainID: chainID, Salt: domainSalt},
		K: 4, BuilderCap: 5, SlotCap: 64, MaxSealedSize: 64 << 10, Penalty: penalty}
}

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
func CheckBidSlot(slot, block uint64, p BidParams) *Rejection {
	if slot <= block || slot > block+p.K {
		return reject(CodeWrongSlot, "slot", "slot %d: a bid committed in block %d serves slots %d to %d", slot, block, block+1, block+p.K)
	}
	return nil
}

// AdmitBid applies every bid rule, cheapest first (the cryptography after
// the stateless bounds), and returns the first rejection or the admission.
// It never changes anything. The same function serves the API, CheckTx and
// the block steps.
func AdmitBid(b *bid.Bid, v BidView, p BidParams) (*BidAdmission, *Rejection) {
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
func AdmitBidVerified(c *CheckedBid, v BidView, p BidParams) (*BidAdmission, *Rejection) {
	return admitBid(c.Bid, &c.Hash, v, p)
}

func admitBid(b *bid.Bid, checked *common.Hash, v BidView, p BidParams) (*BidAdmission, *Rejection) {
	if b.ChainID != p.ChainID {
		return nil, reject(CodeWrongChain, "chainId", "chain %d, this is chain %d", b.ChainID, p.ChainID)
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
			return nil, &Rejection{Code: CodeBadCiphertext, Status: statusOf[CodeBadCiphertext], Field: "sealed", Err: err}
		}
		h = b.Hash(p.Domain)
		if err := eip712.Verify(h, b.Signature, b.Builder); err != nil {
			return nil, &Rejection{Code: CodeBadSignature, Status: statusOf[CodeBadSignature], Field: "signature", Err: err}
		}
	}
	total, seq, count, ok := v.SlotBids(b.Slot, b.Builder)
	switch {
	case ok && b.Seq <= seq:
		return nil, reject(CodeSeqTooLow, "seq", "seq %d, the builder's highest for slot %d is %d", b.Seq, b.Slot, seq)
	case count >= p.BuilderCap:
		return nil, reject(CodeBidLimit, "builder", "%d bids for slot %d, at most %d per builder", count, b.Slot, p.BuilderCap)
	case total >= p.SlotCap:
		return nil, reject(CodeBidLimit, "slot", "slot %d has %d bids, at most %d", b.Slot, total, p.SlotCap)
	}
	bu := v.Builder(b.Builder)
	free := new(big.Int).Sub(orZero(bu.Collateral), orZero(bu.Reserved))
	if free.Cmp(orZero(p.Penalty)) < 0 {
		return nil, reject(CodeInsufficientCollateral, "builder", "collateral %v wei with %v reserved leaves less than the %v penalty", orZero(bu.Collateral), orZero(bu.Reserved), orZero(p.Penalty))
	}
	return &BidAdmission{Hash: h, Reserve: new(big.Int).Set(orZero(p.Penalty))}, nil
}
