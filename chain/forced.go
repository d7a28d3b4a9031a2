package chain

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/veil-sequencer/veil/auction"
	"github.com/veil-sequencer/veil/envelope"
	"github.com/veil-sequencer/veil/l1event"
	"github.com/veil-sequencer/veil/mempool"
	"github.com/veil-sequencer/veil/wire"
)

// Forced inclusion (protocol §9, docs/l1.md): the ForcedInclusionQueue's
// items, applied through the oracle, waiting for their slot and ordered.
const (
	prefixForced        = 0x19 // ‖ forcedIndex(8) → forced record (encodeForced)
	prefixForcedWaiting = 0x1a // ‖ forcedIndex(8) → ∅: applied, not yet ordered
	prefixForcedPlain   = 0x1b // ‖ transaction hash(32) → forcedIndex(8): plain transactions accepted
	prefixSlotPlain     = 0x1c // ‖ slot(8) → (place in the order(4) ‖ forcedIndex(8))…: a slot's plain transactions
)

// ForcedStatus is where a forced item stands.
type ForcedStatus byte

// Statuses of a forced item.
const (
	ForcedWaiting ForcedStatus = 1 // applied, waiting for its slot
	ForcedOrdered ForcedStatus = 2 // in Slot's order
	ForcedRefused ForcedStatus = 3 // failed a rule (Reason): never ordered
	ForcedDropped ForcedStatus = 4 // an envelope dropped with an earlier nonce of its sender (Reason)
	ForcedEscaped ForcedStatus = 5 // still waiting at its deadline: rollups derive it from L1, Veil never orders it
)

func (s ForcedStatus) String() string {
	switch s {
	case ForcedWaiting:
		return "waiting"
	case ForcedOrdered:
		return "ordered"
	case ForcedRefused:
		return "refused"
	case ForcedDropped:
		return "dropped"
	case ForcedEscaped:
		return "escaped"
	}
	return fmt.Sprintf("status(%d)", byte(s))
}

// ForcedKind is what a forced item holds.
type ForcedKind byte

// Kinds of forced item, by its first byte: an item is taken for an
// envelope or a plain transaction, and refused if it is not one.
const (
	ForcedUnknown  ForcedKind = 0
	ForcedEnvelope ForcedKind = 1 // a Veil envelope, canonical JSON (its first byte '{')
	ForcedPlain    ForcedKind = 2 // a signed rollup transaction, EIP-2718
)

func (k ForcedKind) String() string {
	switch k {
	case ForcedEnvelope:
		return "envelope"
	case ForcedPlain:
		return "plain"
	}
	return ""
}

// Reasons a forced item is refused besides the envelope rules' codes and
// decrypt's reasons for a plain transaction.
const (
	ReasonForcedGas       = mempool.ReasonForcedGas
	ReasonForcedDuplicate = mempool.ReasonForcedDuplicate
	ReasonGasExceedsItem  = mempool.ReasonGasExceedsItem
	reasonDroppedPrefix   = "dropped_with_earlier_nonce_" // + expired | evicted | escaped
)

// ForcedItem is a forced item as Veil applied it.
type ForcedItem struct {
	Index       uint64
	Status      ForcedStatus
	Kind        ForcedKind
	AppliedSlot uint64 // the block whose record applied it
	Slot        uint64 // ordered: the slot
	L1Block     uint64
	L1Sender    common.Address
	Gas         uint64 // declared on L1
	TxGas       uint64 // its own gas limit (envelope or transaction)
	L1Time      uint64
	Hash        common.Hash // the envelope's hash, or keccak256 of the plain transaction
	Reason      string
	Plain       []byte // a plain transaction's bytes (accepted ones only)
}

// A forced record is status(1) ‖ kind(1) ‖ appliedSlot(8) ‖ slot(8) ‖
// l1Block(8) ‖ l1Sender(20) ‖ gas(8) ‖ txGas(8) ‖ l1Time(8) ‖ hash(32) ‖
// len(reason)(1) ‖ reason ‖ the plain transaction (rest).
const forcedHeader = 1 + 1 + 8 + 8 + 8 + 20 + 8 + 8 + 8 + 32 + 1

func (f ForcedItem) encode() []byte {
	out := make([]byte, 0, forcedHeader+len(f.Reason)+len(f.Plain))
	out = append(out, byte(f.Status), byte(f.Kind))
	out = binary.BigEndian.AppendUint64(out, f.AppliedSlot)
	out = binary.BigEndian.AppendUint64(out, f.Slot)
	out = binary.BigEndian.AppendUint64(out, f.L1Block)
	out = append(out, f.L1Sender[:]...)
	out = binary.BigEndian.AppendUint64(out, f.Gas)
	out = binary.BigEndian.AppendUint64(out, f.TxGas)
	out = binary.BigEndian.AppendUint64(out, f.L1Time)
	out = append(out, f.Hash[:]...)
	reason := f.Reason[:min(len(f.Reason), 255)] // codes and reasons are short names
	out = append(out, byte(len(reason)))
	out = append(out, reason...)
	return append(out, f.Plain...)
}

func decodeForced(index uint64, b []byte) (ForcedItem, error) {
	if len(b) < forcedHeader || len(b) < forcedHeader+int(b[forcedHeader-1]) {
		return ForcedItem{}, fmt.Errorf("%w: forced record %d of %d bytes", ErrCorrupt, index, len(b))
	}
	f := ForcedItem{Index: index, Status: ForcedStatus(b[0]), Kind: ForcedKind(b[1]),
		AppliedSlot: binary.BigEndian.Uint64(b[2:]), Slot: binary.BigEndian.Uint64(b[10:]), L1Block: binary.BigEndian.Uint64(b[18:]),
		L1Sender: common.BytesToAddress(b[26:46]), Gas: binary.BigEndian.Uint64(b[46:]), TxGas: binary.BigEndian.Uint64(b[54:]),
		L1Time: binary.BigEndian.Uint64(b[62:]), Hash: common.BytesToHash(b[70:102])}
	n := int(b[forcedHeader-1])
	f.Reason = string(b[forcedHeader : forcedHeader+n])
	if rest := b[forcedHeader+n:]; len(rest) > 0 {
		f.Plain = bytes.Clone(rest)
	}
	return f, nil
}

// Forced reads a forced item; ok is false until a block applied it.
func (s *State) Forced(index uint64) (ForcedItem, bool, error) {
	v, err := s.b.Get(key(prefixForced, u64(index)))
	if err != nil || v == nil {
		return ForcedItem{}, false, err
	}
	f, err := decodeForced(index, v)
	return f, err == nil, err
}

func (s *State) setForced(f ForcedItem) { s.b.Set(key(prefixForced, u64(f.Index)), f.encode()) }

// waitingForced lists the items waiting for a slot, in forcedIndex order.
func (s *State) waitingForced() ([]ForcedItem, error) {
	var idx []uint64
	if err := s.b.Scan([]byte{prefixForcedWaiting}, func(k, _ []byte) bool {
		idx = append(idx, binary.BigEndian.Uint64(k[1:]))
		return true
	}); err != nil {
		return nil, err
	}
	out := make([]ForcedItem, 0, len(idx))
	for _, i := range idx {
		f, ok, err := s.Forced(i)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, fmt.Errorf("%w: waiting forced item %d has no record", ErrCorrupt, i)
		}
		out = append(out, f)
	}
	return out, nil
}

// PlainEntry is a forced plain transaction at its place in a slot's order.
type PlainEntry struct {
	Place int // index in the record's included
	Item  ForcedItem
}

// SlotPlain lists slot's forced plain transactions in order (none for most
// slots).
func (s *State) SlotPlain(slot uint64) ([]PlainEntry, error) {
	v, err := s.b.Get(key(prefixSlotPlain, u64(slot)))
	if err != nil || v == nil {
		return nil, err
	}
	if len(v)%12 != 0 {
		return nil, fmt.Errorf("%w: plain entries of slot %d have %d bytes", ErrCorrupt, slot, len(v))
	}
	out := make([]PlainEntry, 0, len(v)/12)
	for i := 0; i < len(v); i += 12 {
		index := binary.BigEndian.Uint64(v[i+4:])
		f, ok, err := s.Forced(index)
		if err != nil {
			return nil, err
		}
		if !ok || f.Kind != ForcedPlain {
			return nil, fmt.Errorf("%w: slot %d orders forced item %d, which is no plain transaction", ErrCorrupt, slot, index)
		}
		out = append(out, PlainEntry{Place: int(binary.BigEndian.Uint32(v[i:])), Item: f})
	}
	return out, nil
}

// forcedQueue is what the auction reads of the waiting items. A plain
// transaction counts the gas its item declared (and paid for on L1), at
// least 21000 + 16 per byte: its own gas limit could be anything down to
// zero, which would let every waiting item past the forced gas (found in
// review).
func forcedQueue(waiting []ForcedItem) []auction.Forced {
	out := make([]auction.Forced, len(waiting))
	for i, f := range waiting {
		out[i] = auction.Forced{Index: f.Index, Hash: f.Hash, Plain: f.Kind == ForcedPlain, Gas: f.Gas}
	}
	return out
}

// settleForced updates the waiting items after slot's order was committed:
// those it ordered (plain ones by hash, envelopes by their records) are
// ordered, envelopes dropped with an earlier nonce of their sender are
// dropped; the rest wait on.
func (s *State) settleForced(slot uint64, order []common.Hash, waiting []ForcedItem) error {
	if len(waiting) == 0 {
		return nil
	}
	in := make(map[common.Hash]bool, len(order))
	for _, h := range order {
		in[h] = true
	}
	for _, f := range waiting {
		switch f.Kind {
		case ForcedPlain:
			if !in[f.Hash] {
				continue
			}
			f.Status, f.Slot = ForcedOrdered, slot
		default:
			r, ok, err := s.Tx(f.Hash)
			if err != nil {
				return err
			}
			switch {
			case !ok:
				return fmt.Errorf("%w: forced envelope %s has no record", ErrCorrupt, f.Hash)
			case r.Status == StatusCommitted:
				f.Status, f.Slot = ForcedOrdered, r.Slot
			case r.Status == StatusDropped:
				f.Status, f.Reason = ForcedDropped, reasonDroppedPrefix+DropReason(r.Reason)
			default:
				continue
			}
		}
		s.setForced(f)
		s.b.Delete(key(prefixForcedWaiting, u64(f.Index)))
	}
	return nil
}

// escapeForced applies the escape hatch (protocol §9) once Veil's agreed
// L1 time has reached now: every forced item still waiting that is
// deadline seconds old is escaped. No accepted batch can cover a waiting
// item (a batch's forcedUpTo stops at the lowest one waiting at its end),
// so these are exactly the items rollups derive from L1 alone, after the
// last covered slot; Veil skips them from now on (an escaped envelope
// leaves the pool uncharged, with its sender's later nonces), and
// forcedUpTo moves past them.
func (s *State) escapeForced(now, deadline uint64) error {
	waiting, err := s.waitingForced()
	if err != nil {
		return err
	}
	for _, f := range waiting {
		if now < f.L1Time || now-f.L1Time < deadline {
			continue
		}
		if f.Kind == ForcedEnvelope {
			if err := s.drop(f.Hash, ReasonEscaped); err != nil {
				return err
			}
		}
		f.Status = ForcedEscaped
		s.setForced(f)
		s.b.Delete(key(prefixForcedWaiting, u64(f.Index)))
	}
	return nil
}

// forcedEnv is where an item is applied: the block, its slot's eon and the
// rules.
type forcedEnv struct {
	slot, eon uint64
	p         mempool.Params
}

// applyForced applies an Enqueued event: the item is judged by the rules
// and waits for its slot, or is recorded refused with its reason. Either
// way the item is recorded by its forcedIndex; an index already recorded
// is no event L1 can emit and is skipped.
func (s *State) applyForced(ev *l1event.Event, l1Block uint64, env forcedEnv) error {
	if old, err := s.b.Get(key(prefixForced, u64(ev.ForcedIndex))); err != nil || old != nil {
		if err != nil {
			return err
		}
		return &eventError{fmt.Errorf("chain: forced item %d applied twice", ev.ForcedIndex)}
	}
	f := ForcedItem{Index: ev.ForcedIndex, Status: ForcedWaiting, AppliedSlot: env.slot, L1Block: l1Block,
		L1Sender: ev.Sender, Gas: ev.Gas, L1Time: ev.Timestamp}
	reason, err := s.judgeForced(&f, ev.Item, env)
	if err != nil {
		return err
	}
	next, err := s.counter(keyForcedNext)
	if err != nil {
		return err
	}
	s.b.Set([]byte{keyForcedNext}, u64(max(next, f.Index+1)))
	if reason != "" {
		f.Status, f.Reason, f.Plain = ForcedRefused, reason, nil
		s.setForced(f)
		return nil
	}
	s.setForced(f)
	s.b.Insert(key(prefixForcedWaiting, u64(f.Index)), nil)
	return nil
}

// judgeForced decodes an item, applies its rules and, when it passes,
// queues a forced envelope or indexes a plain transaction; it returns the
// reason it is refused ("" when it passes) or a storage error.
func (s *State) judgeForced(f *ForcedItem, item []byte, env forcedEnv) (string, error) {
	if f.Gas > env.p.ForcedGas() {
		return ReasonForcedGas, nil // the queue was deployed with another forcedGas
	}
	if mempool.IsForcedEnvelope(item) {
		f.Kind = ForcedEnvelope
		e, err := envelope.DecodeCanonical(item)
		if err != nil {
			var we *wire.Error
			if errors.As(err, &we) {
				return we.Code, nil
			}
			return mempool.CodeBadTx.String(), nil
		}
		f.Hash, f.TxGas = e.Hash(env.p.Domain), e.GasLimit
		if e.GasLimit > f.Gas {
			return ReasonGasExceedsItem, nil
		}
		v := s.View(env.slot, env.eon)
		adm, rej := mempool.AdmitForced(e, v, env.p)
		if v.Err != nil {
			return "", v.Err
		}
		if rej != nil {
			return rej.Code.String(), nil
		}
		return "", s.queueForced(e, adm, env.slot, f.Index)
	}
	f.Kind = ForcedPlain
	f.Hash = crypto.Keccak256Hash(item)
	reason, tx := mempool.ForcedPlain(item, f.Gas, env.p.Domain.ChainID, env.p.Params)
	if reason != "" {
		return reason, nil
	}
	if v, err := s.b.Get(key(prefixForcedPlain, f.Hash[:])); err != nil || v != nil {
		// The same transaction twice would put one hash twice in an order.
		return ReasonForcedDuplicate, err
	}
	f.TxGas, f.Plain = tx.Gas(), bytes.Clone(item)
	s.b.Insert(key(prefixForcedPlain, f.Hash[:]), u64(f.Index))
	return "", nil
}

// queueForced puts a forced envelope into the pool: in queued order and by
// sender and nonce like any envelope (so its sender's nonces stay
// contiguous and ordering runs them in order), its identity used, its fee
// per gas zero; not in the fee or expiry indexes nor counted in the pool
// size or its sender's envelopes (pool_full, validUntilSlot and the sender
// cap do not apply to it), charged nothing.
func (s *State) queueForced(e *envelope.Envelope, adm *mempool.Admission, slot, index uint64) error {
	h := adm.Hash
	acct, err := s.Account(e.Sender)
	if err != nil {
		return err
	}
	acct.NextNonce = e.Nonce + 1
	s.SetAccount(e.Sender, acct)
	s.b.Insert(key(prefixTx, h[:]), TxRecord{Status: StatusQueued, QueuedSlot: slot, Forced: index + 1, Envelope: e}.encode())
	s.b.Insert(key(prefixPool, u64(slot), h[:]), poolEntry(e, new(big.Int)))
	s.b.Insert(key(prefixIdentity, u64(e.Eon), adm.Identity[:]), nil)
	s.b.Insert(key(prefixNonce, e.Sender[:], u64(e.Nonce)), h[:])
	return nil
}

// ForcedPlain reads the forced item of an accepted plain transaction by its
// hash; ok is false for any other hash.
func (s *State) ForcedPlain(h common.Hash) (ForcedItem, bool, error) {
	v, err := s.b.Get(key(prefixForcedPlain, h[:]))
	if err != nil || v == nil {
		return ForcedItem{}, false, err
	}
	if len(v) != 8 {
		return ForcedItem{}, false, fmt.Errorf("%w: forced plain index of %s", ErrCorrupt, h)
	}
	return s.Forced(binary.BigEndian.Uint64(v))
}
