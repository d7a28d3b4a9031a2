package chain

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/veil-sequencer/veil/auction"
	"github.com/veil-sequencer/veil/proposer"
	"github.com/veil-sequencer/veil/threshold"
	"github.com/veil-sequencer/veil/wire"
)

// prefixSlotRecord keeps each slot's record: ‖ slot(8) → its canonical JSON.
const prefixSlotRecord = 0x12

// prefixSlotTime keeps each slot's block time (the CometBFT header's,
// agreed by consensus): ‖ slot(8) → nanoseconds since 1970 UTC (8). Batch
// data carries it, so rollups reading L1 time their blocks as rollups
// reading the feed do.
const prefixSlotTime = 0x38

// SlotTime reads slot's block time in nanoseconds since 1970 UTC; ok is
// false before the slot is decided.
func (s *State) SlotTime(slot uint64) (uint64, bool, error) {
	v, err := s.b.Get(key(prefixSlotTime, u64(slot)))
	if err != nil || v == nil {
		return 0, false, err
	}
	if len(v) != 8 {
		return 0, false, fmt.Errorf("%w: time of slot %d has %d bytes", ErrCorrupt, slot, len(v))
	}
	return binary.BigEndian.Uint64(v), true, nil
}

// setSlotTime records slot's block time. CometBFT's block times start
// after 1970 and rise block by block, so a time before 1970 never comes
// from an agreed header: it is recorded as 0.
func (s *State) setSlotTime(slot uint64, t time.Time) {
	s.b.Insert(key(prefixSlotTime, u64(slot)), u64(uint64(max(t.UnixNano(), 0))))
}

// SlotRecord reads slot's record, nil before the slot is decided.
func (s *State) SlotRecord(slot uint64) (*proposer.Record, error) {
	v, err := s.b.Get(key(prefixSlotRecord, u64(slot)))
	if err != nil || v == nil {
		return nil, err
	}
	r, err := proposer.Decode(v)
	if err != nil {
		return nil, fmt.Errorf("%w: slot %d record: %v", ErrCorrupt, slot, err)
	}
	return r, nil
}

// keyBeneficiary holds the address that receives auction prices, penalties
// and inclusion fees (protocol §5), from genesis.
const keyBeneficiary = 0x11 // → address(20)

// auctionState is auction.State over a block's write set for slot's
// auction. A storage error makes it answer as if the state were empty and
// is kept in Err: check it after the auction.
type auctionState struct {
	st      *State
	slot    uint64
	penalty *big.Int // reserved per bid, released when its slot settles
	firstErr
}

func (a *auctionState) Pool() []auction.Queued {
	p, err := a.st.Pool()
	a.keep(err)
	return p
}

func (a *auctionState) Envelope(h common.Hash) (auction.Queued, bool) {
	r, ok, err := a.st.Tx(h)
	a.keep(err)
	if !ok || err != nil {
		return auction.Queued{}, false
	}
	e := r.Envelope
	fee := e.MaxFeePerGas
	if r.Forced != 0 {
		fee = new(big.Int) // paid on L1, as its pool entry says
	}
	return auction.Queued{Hash: h, Sender: e.Sender, Nonce: e.Nonce, QueuedSlot: r.QueuedSlot, MaxFeePerGas: fee,
		GasLimit: e.GasLimit, Committed: r.Status == StatusCommitted}, true
}

func (a *auctionState) Forced() []auction.Forced {
	w, err := a.st.waitingForced()
	a.keep(err)
	return forcedQueue(w)
}

func (a *auctionState) Funds(s common.Address) *big.Int { return a.st.Funds(s) }

func (a *auctionState) Collateral(b common.Address) *big.Int {
	bu, err := a.st.Builder(b)
	a.keep(err)
	return bu.Collateral
}

// Reserved is what stays reserved once slot's bids settle (ApplyRecord
// settles them before the price is taken).
func (a *auctionState) Reserved(b common.Address) *big.Int {
	r, err := a.st.ReservedBeyond(a.slot, b, a.penalty)
	a.keep(err)
	return r
}

// slotInputs gathers what slot's record is a function of, from the state at
// the top of block slot (after expiry).
func (a *App) slotInputs(st *State, slot, eon uint64) (proposer.Inputs, *auctionState, error) {
	info, err := a.eonInfo(st, eon)
	if err != nil {
		return proposer.Inputs{}, nil, err
	}
	bids, err := st.SlotBids(slot)
	if err != nil {
		return proposer.Inputs{}, nil, err
	}
	as := &auctionState{st: st, slot: slot, penalty: a.cfg.Params.InvalidBidPenalty}
	due, err := st.dueKeys(slot)
	if err != nil {
		return proposer.Inputs{}, nil, err
	}
	for i := range due { // a bundle committed before an activation has its old eon's keys
		if e, err := st.EonOfSlot(due[i].Slot); err != nil {
			return proposer.Inputs{}, nil, err
		} else if e != eon {
			old, err := a.eonInfo(st, e)
			if err != nil {
				return proposer.Inputs{}, nil, err
			}
			due[i].EonKey = old.PublicKey
		}
	}
	in := proposer.Inputs{ChainID: a.cfg.Params.Domain.ChainID, Slot: slot, Eon: eon, EonKey: info.PublicKey, State: as, Params: a.cfg.Params.Params, Bids: bids, Due: due,
		Open: a.opened.open}
	if k, ok := a.cfg.Keys.(knownKeys); ok {
		in.Known = k.KnownKey
	}
	return in, as, nil
}

// knownKeys is a KeySource that also tells which recorded keys it holds
// verified (a node's keyper), so checking a record skips decoding and
// verifying those (proposer.Inputs.Known).
type knownKeys interface {
	KnownKey(slot uint64, index uint32, id threshold.Identity, raw []byte) (*threshold.IdentityKey, bool)
}

// ApplyRecord applies a checked slot record, in protocol §5's order: every
// bid of the slot settles its reservation; invalid bids forfeit the penalty
// (in bid-hash order), the winner pays the price from its collateral, then
// the final order is committed with each envelope's inclusion fee (none for
// a forced one) and the forced items settled. Prices, penalties and fees go
// to the beneficiary.
//
// Penalties and the price come only from free collateral (collateral less
// what is still reserved for the builder's later bids), so collateral ≥
// reserved holds after every block and each later penalty can be taken in
// full. The auction judged values against the same free collateral
// (auction.FreeCollateral), so a checked record's price always fits; one
// that does not is ErrCorrupt.
func (s *State) ApplyRecord(rec *proposer.Record, penalty *big.Int) error {
	_, err := s.applyRecord(rec, penalty)
	return err
}

// applyRecord is ApplyRecord returning the bound on the slot's batch
// payload (closeBatch).
func (s *State) applyRecord(rec *proposer.Record, penalty *big.Int) (uint64, error) {
	slot := rec.Slot
	s.b.Insert(key(prefixSlotRecord, u64(slot)), rec.Encode()) // one record per slot
	s.recordKeys(rec.Keys)
	if err := s.SettleBids(slot, penalty); err != nil {
		return 0, err
	}
	earned := new(big.Int)
	// take moves amount of the builder's free collateral to earned; all of
	// it, or (whole false, a penalty) what is free.
	take := func(builder common.Address, amount *big.Int, whole bool) error {
		bu, err := s.Builder(builder)
		if err != nil {
			return err
		}
		free := new(big.Int).Sub(bu.Collateral, bu.Reserved)
		if free.Sign() < 0 {
			return fmt.Errorf("%w: builder %s reserves %v of %v collateral", ErrCorrupt, builder, bu.Reserved, bu.Collateral)
		}
		amount = new(big.Int).Set(wire.OrZero(amount))
		if amount.Cmp(free) > 0 {
			if whole {
				return fmt.Errorf("%w: winner %s cannot pay %v from %v free collateral", ErrCorrupt, builder, amount, free)
			}
			amount.Set(free) // a penalty takes what is free
		}
		bu.Collateral = new(big.Int).Sub(bu.Collateral, amount)
		s.SetBuilder(builder, bu)
		earned.Add(earned, amount)
		return nil
	}
	for _, b := range rec.Auction.Bids {
		if b.Verdict == auction.Invalid {
			if err := take(b.Builder, penalty, false); err != nil {
				return 0, err
			}
		}
	}
	if w := rec.Auction.Winner; w != nil {
		if err := take(*w, rec.Auction.Price, true); err != nil {
			return 0, err
		}
	}
	waiting, err := s.waitingForced()
	if err != nil {
		return 0, err
	}
	fees, bound, err := s.commitBundle(slot, rec.Auction.Included, waiting)
	if err != nil {
		return 0, err
	}
	if err := s.settleForced(slot, rec.Auction.Included, waiting); err != nil {
		return 0, err
	}
	return bound, s.credit(earned.Add(earned, fees))
}

// credit adds wei to the beneficiary's deposit.
func (s *State) credit(amount *big.Int) error {
	if amount.Sign() == 0 {
		return nil
	}
	v, err := s.b.Get([]byte{keyBeneficiary})
	if err != nil {
		return err
	}
	if len(v) != common.AddressLength {
		return errors.Join(ErrCorrupt, fmt.Errorf("beneficiary record of %d bytes", len(v)))
	}
	to := common.BytesToAddress(v)
	acct, err := s.Account(to)
	if err != nil {
		return err
	}
	acct.Deposit = new(big.Int).Add(acct.Deposit, amount)
	s.SetAccount(to, acct)
	return nil
}
