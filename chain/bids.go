package chain

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"

	"github.com/veil-sequencer/veil/auction"
	"github.com/veil-sequencer/veil/bid"
	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/mempool"
	"github.com/veil-sequencer/veil/wire"
)

// Keys of builders and bids (the normative table in docs/chain.md).
const (
	prefixBuilder  = 0x0d // ‖ builder(20) → collateral(32) ‖ reserved(32)
	prefixSlotSeq  = 0x0e // ‖ slot(8) ‖ builder(20) → highest seq(8) ‖ bids(4)
	prefixBid      = 0x0f // ‖ slot(8) ‖ bidHash(32) → chainId(8) ‖ eon(8) ‖ builder(20) ‖ seq(8) ‖ signature(65) ‖ sealed
	prefixBidCount = 0x10 // ‖ slot(8) → bids(4)
)

// Builder reads a builder's collateral and reserved penalties (zero if it
// has none).
func (s *State) Builder(a common.Address) (mempool.Builder, error) {
	v, err := s.b.Get(key(prefixBuilder, a[:]))
	if err != nil || v == nil {
		return mempool.Builder{Collateral: new(big.Int), Reserved: new(big.Int)}, err
	}
	if len(v) != 64 {
		return mempool.Builder{}, fmt.Errorf("%w: builder %s record of %d bytes", ErrCorrupt, a, len(v))
	}
	return mempool.Builder{Collateral: new(big.Int).SetBytes(v[:32]), Reserved: new(big.Int).SetBytes(v[32:])}, nil
}

// SetBuilder writes a builder's record.
func (s *State) SetBuilder(a common.Address, b mempool.Builder) {
	v := make([]byte, 64)
	wire.OrZero(b.Collateral).FillBytes(v[:32])
	wire.OrZero(b.Reserved).FillBytes(v[32:])
	s.b.Set(key(prefixBuilder, a[:]), v)
}

// BidCount is how many bids are committed for slot, read from its counter
// (no bid decoded).
func (s *State) BidCount(slot uint64) (int, error) {
	v, err := s.b.Get(key(prefixBidCount, u64(slot)))
	if err != nil || len(v) != 4 {
		return 0, err
	}
	return int(binary.BigEndian.Uint32(v)), nil
}

// slotBids reads how many bids slot has and the builder's highest seq and
// count among them.
func (s *State) slotBids(slot uint64, builder common.Address) (total int, seq uint64, count int, ok bool, err error) {
	if total, err = s.BidCount(slot); err != nil {
		return 0, 0, 0, false, err
	}
	v, err := s.b.Get(key(prefixSlotSeq, u64(slot), builder[:]))
	if err != nil || v == nil {
		return total, 0, 0, false, err
	}
	if len(v) != 12 {
		return 0, 0, 0, false, fmt.Errorf("%w: seq record of %d bytes", ErrCorrupt, len(v))
	}
	return total, binary.BigEndian.Uint64(v), int(binary.BigEndian.Uint32(v[8:])), true, nil
}

// QueueBid commits an admitted bid for its slot: the penalty is reserved
// from the builder's collateral and the bid joins the slot's bid set.
// Admission checked the free collateral; a reservation beyond the
// collateral would be a penalty nothing backs, so it is refused here too.
func (s *State) QueueBid(b *bid.Bid, adm *mempool.BidAdmission) error {
	bu, err := s.Builder(b.Builder)
	if err != nil {
		return err
	}
	bu.Reserved = new(big.Int).Add(bu.Reserved, adm.Reserve)
	if bu.Reserved.Cmp(bu.Collateral) > 0 {
		return fmt.Errorf("%w: builder %s would reserve %v of %v collateral", ErrCorrupt, b.Builder, bu.Reserved, bu.Collateral)
	}
	s.SetBuilder(b.Builder, bu)
	total, _, count, _, err := s.slotBids(b.Slot, b.Builder)
	if err != nil {
		return err
	}
	s.b.Set(key(prefixSlotSeq, u64(b.Slot), b.Builder[:]), binary.BigEndian.AppendUint32(u64(b.Seq), uint32(count+1)))
	s.b.Set(key(prefixBidCount, u64(b.Slot)), binary.BigEndian.AppendUint32(nil, uint32(total+1)))
	s.b.Insert(key(prefixBid, u64(b.Slot), adm.Hash[:]), encodeBid(b)) // a new hash: its signature is new
	return nil
}

// A stored bid is binary, not its JSON: every validator reads a slot's
// bids several times per block, and decoding 64 KiB of hex each time cost
// more than the auction.
const storedBidHeader = 8 + 8 + common.AddressLength + 8 + eip712.SignatureSize

func encodeBid(b *bid.Bid) []byte {
	v := make([]byte, 0, storedBidHeader+len(b.Sealed))
	v = binary.BigEndian.AppendUint64(v, b.ChainID)
	v = binary.BigEndian.AppendUint64(v, b.Eon)
	v = append(v, b.Builder[:]...)
	v = binary.BigEndian.AppendUint64(v, b.Seq)
	v = append(v, b.Signature...)
	return append(v, b.Sealed...)
}

func decodeBid(slot uint64, v []byte) (*bid.Bid, error) {
	if len(v) < storedBidHeader {
		return nil, fmt.Errorf("%w: stored bid of %d bytes", ErrCorrupt, len(v))
	}
	b := &bid.Bid{ChainID: binary.BigEndian.Uint64(v), Eon: binary.BigEndian.Uint64(v[8:]), Slot: slot,
		Builder: common.Address(v[16:36]), Seq: binary.BigEndian.Uint64(v[36:])}
	b.Signature = bytes.Clone(v[44:storedBidHeader])
	b.Sealed = bytes.Clone(v[storedBidHeader:])
	return b, nil
}

// SlotBids lists the bids committed for slot, by bid hash.
func (s *State) SlotBids(slot uint64) ([]auction.Committed, error) {
	var out []auction.Committed
	var derr error
	err := s.b.Scan(key(prefixBid, u64(slot)), func(k, v []byte) bool {
		b, err := decodeBid(slot, v)
		if err != nil {
			derr = err
			return false
		}
		out = append(out, auction.Committed{Bid: b, Hash: common.BytesToHash(k[len(k)-common.HashLength:])})
		return true
	})
	return out, errors.Join(err, derr)
}

// HasBid reports whether slot's bid set holds the bid.
func (s *State) HasBid(slot uint64, h common.Hash) (bool, error) {
	v, err := s.b.Get(key(prefixBid, u64(slot), h[:]))
	return v != nil, err
}

// ReservedBeyond is the builder's reservation once slot's bids settle: the
// penalties its bids for other slots stand on, which slot's price must
// leave in its collateral. It counts one penalty per bid of slot, as
// SettleBids releases.
func (s *State) ReservedBeyond(slot uint64, builder common.Address, penalty *big.Int) (*big.Int, error) {
	bu, err := s.Builder(builder)
	if err != nil {
		return nil, err
	}
	_, _, count, _, err := s.slotBids(slot, builder)
	if err != nil {
		return nil, err
	}
	r := new(big.Int).Mul(wire.OrZero(penalty), big.NewInt(int64(count)))
	r.Sub(bu.Reserved, r)
	if r.Sign() < 0 {
		return nil, fmt.Errorf("%w: builder %s reserves less than its bids", ErrCorrupt, builder)
	}
	return r, nil
}

// SettleBids releases the penalties slot's bids reserved, before slot's
// record takes its penalties and price.
func (s *State) SettleBids(slot uint64, penalty *big.Int) error {
	bids, err := s.SlotBids(slot)
	if err != nil {
		return err
	}
	for _, c := range bids {
		b := c.Bid
		bu, err := s.Builder(b.Builder)
		if err != nil {
			return err
		}
		bu.Reserved = new(big.Int).Sub(bu.Reserved, penalty)
		if bu.Reserved.Sign() < 0 {
			return fmt.Errorf("%w: builder %s reserves less than its bids", ErrCorrupt, b.Builder)
		}
		s.SetBuilder(b.Builder, bu)
	}
	return nil
}

// BidView is mempool.BidView over this state for a bid committed in block.
// A storage error makes it answer as if the state were empty and is kept in
// Err: check it after AdmitBid.
type BidView struct {
	s     *State
	block uint64
	eon   uint64
	firstErr
}

// BidView returns the bid admission view for block, in eon.
func (s *State) BidView(block, eon uint64) *BidView { return &BidView{s: s, block: block, eon: eon} }

func (v *BidView) Block() uint64 { return v.block }

// EonAt is the eon whose key a bid for slot is sealed to: the next eon's
// from its activation slot on, once fixed.
func (v *BidView) EonAt(slot uint64) uint64 {
	a, ok, err := v.s.pendingActivation(v.block)
	v.keep(err)
	if ok && slot >= a.Slot {
		return a.Eon
	}
	return v.eon
}

func (v *BidView) Builder(a common.Address) mempool.Builder {
	b, err := v.s.Builder(a)
	v.keep(err)
	return b
}

func (v *BidView) SlotBids(slot uint64, builder common.Address) (int, uint64, int, bool) {
	total, seq, count, ok, err := v.s.slotBids(slot, builder)
	v.keep(err)
	return total, seq, count, ok
}
