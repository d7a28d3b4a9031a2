package chain

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"

	"github.com/veil-sequencer/veil/auction"
	"github.com/veil-sequencer/veil/batch"
	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/envelope"
	"github.com/veil-sequencer/veil/mempool"
	"github.com/veil-sequencer/veil/store"
	"github.com/veil-sequencer/veil/threshold"
	"github.com/veil-sequencer/veil/wire"
)

// Key layout of the state (normative: the AppHash covers these bytes; see
// docs/chain.md). Integers are big-endian.
const (
	prefixAccount  = 0x01 // ‖ address(20) → account record
	prefixTx       = 0x02 // ‖ hash(32) → tx record
	prefixPool     = 0x03 // ‖ queuedSlot(8) ‖ hash(32) → sender(20) ‖ nonce(8) ‖ gasLimit(8) ‖ maxFeePerGas(32): the pool in queued order
	prefixIdentity = 0x04 // ‖ eon(8) ‖ identity(32) → ∅: identities used
	prefixFee      = 0x05 // ‖ feeKey(40) ‖ hash(32) → ∅: the pool, cheapest per byte first
	prefixNonce    = 0x06 // ‖ sender(20) ‖ nonce(8) → hash(32): queued envelopes by sender
	prefixExpiry   = 0x07 // ‖ validUntilSlot(8) ‖ hash(32) → ∅
	prefixBundle   = 0x08 // ‖ slot(8) → hash(32)…: the slot's bundle in order
	keyPoolSize    = 0x09 // → u64
)

// TxStatus is an envelope's commitment level as the chain records it.
type TxStatus byte

const (
	StatusQueued    TxStatus = 1
	StatusCommitted TxStatus = 2
	StatusDropped   TxStatus = 3
)

func (s TxStatus) String() string {
	switch s {
	case StatusQueued:
		return "queued"
	case StatusCommitted:
		return "committed"
	case StatusDropped:
		return "dropped"
	}
	return fmt.Sprintf("status(%d)", byte(s))
}

// Why an envelope was dropped.
const (
	ReasonExpired byte = 1
	ReasonEvicted byte = 2
	ReasonEscaped byte = 3 // a forced envelope past its deadline (protocol §9's escape hatch)
	// ReasonEonChanged is an envelope still queued when a new eon became
	// active: its eon's keypers never release for it (protocol §10).
	ReasonEonChanged byte = 4
)

// DropReason names a drop reason as the API and forced records say it
// ("" for none).
func DropReason(r byte) string {
	switch r {
	case ReasonExpired:
		return "expired"
	case ReasonEvicted:
		return "evicted"
	case ReasonEscaped:
		return "escaped"
	case ReasonEonChanged:
		return "eon_changed"
	}
	return ""
}

// ErrCorrupt is a state record that does not decode.
var ErrCorrupt = errors.New("chain: corrupt state record")

func key(prefix byte, parts ...[]byte) []byte {
	k := []byte{prefix}
	for _, p := range parts {
		k = append(k, p...)
	}
	return k
}

func u64(v uint64) []byte { return binary.BigEndian.AppendUint64(nil, v) }

// Account is a sender's record.
type Account struct {
	Deposit        *big.Int
	PendingCharges *big.Int
	NextNonce      uint64
	InPool         uint32
}

func (a Account) encode() []byte {
	out := make([]byte, 76)
	wire.OrZero(a.Deposit).FillBytes(out[:32])
	wire.OrZero(a.PendingCharges).FillBytes(out[32:64])
	binary.BigEndian.PutUint64(out[64:], a.NextNonce)
	binary.BigEndian.PutUint32(out[72:], a.InPool)
	return out
}

func decodeAccount(b []byte) (Account, error) {
	if b == nil {
		return Account{Deposit: new(big.Int), PendingCharges: new(big.Int)}, nil
	}
	if len(b) != 76 {
		return Account{}, fmt.Errorf("%w: account of %d bytes", ErrCorrupt, len(b))
	}
	return Account{
		Deposit:        new(big.Int).SetBytes(b[:32]),
		PendingCharges: new(big.Int).SetBytes(b[32:64]),
		NextNonce:      binary.BigEndian.Uint64(b[64:]),
		InPool:         binary.BigEndian.Uint32(b[72:]),
	}, nil
}

// TxRecord is what the chain knows of an envelope.
type TxRecord struct {
	Status     TxStatus
	QueuedSlot uint64
	Slot       uint64 // committed: the bundle's slot
	Index      uint32 // committed: position in the bundle
	Reason     byte   // dropped: why
	// Forced is forcedIndex+1 for an envelope forced in from L1 (protocol
	// §9), 0 for one admitted on Veil: a forced envelope paid on L1, so it
	// is charged nothing here and has no place in the fee and expiry
	// indexes, the pool size or its sender's count.
	Forced   uint64
	Envelope *envelope.Envelope
}

// charge is what including the envelope costs its sender on Veil:
// gasLimit × maxFeePerGas, nothing for a forced one.
func (r TxRecord) charge() *big.Int {
	if r.Forced != 0 {
		return new(big.Int)
	}
	return new(big.Int).Mul(new(big.Int).SetUint64(r.Envelope.GasLimit), r.Envelope.MaxFeePerGas)
}

// A tx record is status(1) ‖ queuedSlot(8) ‖ slot(8) ‖ index(4) ‖ reason(1)
// ‖ forced(8) ‖ the envelope in binary: chainId(8) ‖ eon(8) ‖ identityPrefix(32) ‖
// sender(20) ‖ gasLimit(8) ‖ maxFeePerGas(32) ‖ nonce(8) ‖ validUntilSlot(8)
// ‖ signature(65) ‖ ciphertext(rest). Binary, not JSON: block processing
// reads records often.
const (
	txHeaderSize   = 30
	txEnvelopeSize = 8 + 8 + 32 + 20 + 8 + 32 + 8 + 8 + 65
)

func (r TxRecord) encode() []byte {
	e := r.Envelope
	out := make([]byte, 0, txHeaderSize+txEnvelopeSize+len(e.Ciphertext))
	out = append(out, byte(r.Status))
	out = binary.BigEndian.AppendUint64(out, r.QueuedSlot)
	out = binary.BigEndian.AppendUint64(out, r.Slot)
	out = binary.BigEndian.AppendUint32(out, r.Index)
	out = append(out, r.Reason)
	out = binary.BigEndian.AppendUint64(out, r.Forced)
	out = binary.BigEndian.AppendUint64(out, e.ChainID)
	out = binary.BigEndian.AppendUint64(out, e.Eon)
	out = append(out, e.IdentityPrefix[:]...)
	out = append(out, e.Sender[:]...)
	out = binary.BigEndian.AppendUint64(out, e.GasLimit)
	out = append(out, wire.OrZero(e.MaxFeePerGas).FillBytes(make([]byte, 32))...)
	out = binary.BigEndian.AppendUint64(out, e.Nonce)
	out = binary.BigEndian.AppendUint64(out, e.ValidUntilSlot)
	sig := make([]byte, 65)
	copy(sig, e.Signature)
	if sig[64] < 27 {
		sig[64] += 27
	}
	out = append(out, sig...)
	return append(out, e.Ciphertext...)
}

func decodeTx(b []byte) (TxRecord, error) {
	if len(b) < txHeaderSize+txEnvelopeSize {
		return TxRecord{}, fmt.Errorf("%w: tx record of %d bytes", ErrCorrupt, len(b))
	}
	r := TxRecord{Status: TxStatus(b[0]), QueuedSlot: binary.BigEndian.Uint64(b[1:]),
		Slot: binary.BigEndian.Uint64(b[9:]), Index: binary.BigEndian.Uint32(b[17:]), Reason: b[21], Forced: binary.BigEndian.Uint64(b[22:])}
	p := b[txHeaderSize:]
	e := &envelope.Envelope{ChainID: binary.BigEndian.Uint64(p), Eon: binary.BigEndian.Uint64(p[8:])}
	copy(e.IdentityPrefix[:], p[16:48])
	copy(e.Sender[:], p[48:68])
	e.GasLimit = binary.BigEndian.Uint64(p[68:])
	e.MaxFeePerGas = new(big.Int).SetBytes(p[76:108])
	e.Nonce = binary.BigEndian.Uint64(p[108:])
	e.ValidUntilSlot = binary.BigEndian.Uint64(p[116:])
	e.Signature = bytes.Clone(p[124:189])
	e.Ciphertext = bytes.Clone(p[189:])
	r.Envelope = e
	return r, nil
}

// feeKey orders pool entries by charge per ciphertext byte, to 2⁻⁶⁴ wei:
// floor(charge · 2⁶⁴ / size), 40 bytes big-endian.
func feeKey(charge *big.Int, size int) []byte {
	v := new(big.Int).Lsh(charge, 64)
	v.Quo(v, big.NewInt(int64(max(size, 1))))
	return v.FillBytes(make([]byte, 40))
}

// State is the application state as one block sees it. Its methods are the
// chain's transitions; they touch only the block's write set.
type State struct {
	b      *store.Block
	domain eip712.Domain
}

// NewState wraps a block.
func NewState(b *store.Block, domain eip712.Domain) *State { return &State{b: b, domain: domain} }

// Account reads a sender's record (zero if it has none).
func (s *State) Account(a common.Address) (Account, error) {
	v, err := s.b.Get(key(prefixAccount, a[:]))
	if err != nil {
		return Account{}, err
	}
	return decodeAccount(v)
}

// SetAccount writes a sender's record (genesis deposits, bridging).
func (s *State) SetAccount(a common.Address, acct Account) {
	s.b.Set(key(prefixAccount, a[:]), acct.encode())
}

// Bond is a validator's stake in the state.
type Bond struct {
	Validator common.Address // CometBFT validator address
	Keyper    common.Address
	Amount    *big.Int
}

// SetBond writes a validator's bond.
func (s *State) SetBond(b Bond) {
	v := append(b.Keyper.Bytes(), common.BigToHash(b.Amount).Bytes()...)
	s.b.Set(key(prefixBond, b.Validator[:]), v)
}

// Bond reads a validator's bond; ok is false if it has none.
func (s *State) Bond(validator common.Address) (Bond, bool, error) {
	v, err := s.b.Get(key(prefixBond, validator[:]))
	if err != nil || v == nil {
		return Bond{}, false, err
	}
	if len(v) != common.AddressLength+common.HashLength {
		return Bond{}, false, fmt.Errorf("%w: bond of %s is %d bytes", ErrCorrupt, validator, len(v))
	}
	return Bond{Validator: validator, Keyper: common.BytesToAddress(v[:20]), Amount: new(big.Int).SetBytes(v[20:])}, true, nil
}

// Tx reads an envelope's record; ok is false if the chain never saw it.
func (s *State) Tx(h common.Hash) (TxRecord, bool, error) {
	v, err := s.b.Get(key(prefixTx, h[:]))
	if err != nil || v == nil {
		return TxRecord{}, false, err
	}
	r, err := decodeTx(v)
	return r, err == nil, err
}

func (s *State) poolSize() (uint64, error) { return s.counter(keyPoolSize) }

func (s *State) addPoolSize(d int) error {
	n, err := s.poolSize()
	if err != nil {
		return err
	}
	s.b.Set([]byte{keyPoolSize}, u64(uint64(int64(n)+int64(d))))
	return nil
}

// Queue puts an admitted envelope into the pool in slot, evicting what the
// admission says to evict.
func (s *State) Queue(e *envelope.Envelope, adm *mempool.Admission, slot uint64) error {
	if adm.Evict != nil {
		if err := s.drop(*adm.Evict, ReasonEvicted); err != nil {
			return err
		}
	}
	h := adm.Hash
	acct, err := s.Account(e.Sender)
	if err != nil {
		return err
	}
	acct.PendingCharges = new(big.Int).Add(acct.PendingCharges, adm.Charge)
	acct.NextNonce = e.Nonce + 1
	acct.InPool++
	s.SetAccount(e.Sender, acct)
	// Every key below is new: the identity was unused (identity_reused),
	// so this envelope was never queued and no key holding its hash exists;
	// on chain the nonce is the sender's next, above every queued one.
	// Insert spares the AppHash reading their committed values.
	s.b.Insert(key(prefixTx, h[:]), TxRecord{Status: StatusQueued, QueuedSlot: slot, Envelope: e}.encode())
	s.b.Insert(key(prefixPool, u64(slot), h[:]), poolEntry(e, e.MaxFeePerGas))
	s.b.Insert(key(prefixIdentity, u64(e.Eon), adm.Identity[:]), nil)
	s.b.Insert(key(prefixFee, feeKey(adm.Charge, len(e.Ciphertext)), h[:]), nil)
	s.b.Insert(key(prefixNonce, e.Sender[:], u64(e.Nonce)), h[:])
	s.b.Insert(key(prefixExpiry, u64(e.ValidUntilSlot), h[:]), nil)
	return s.addPoolSize(1)
}

// unpool removes a queued envelope's pool entries and its pending charge.
// It returns the record so the caller can set the new status.
func (s *State) unpool(h common.Hash) (TxRecord, error) {
	r, ok, err := s.Tx(h)
	if err != nil {
		return r, err
	}
	if !ok || r.Status != StatusQueued {
		return r, fmt.Errorf("%w: %s is not queued", ErrCorrupt, h)
	}
	e := r.Envelope
	s.b.Delete(key(prefixPool, u64(r.QueuedSlot), h[:]))
	s.b.Delete(key(prefixNonce, e.Sender[:], u64(e.Nonce)))
	if r.Forced != 0 {
		return r, nil // none of the rest was written for it (queueForced)
	}
	charge := r.charge()
	acct, err := s.Account(e.Sender)
	if err != nil {
		return r, err
	}
	acct.PendingCharges = new(big.Int).Sub(acct.PendingCharges, charge)
	acct.InPool--
	s.SetAccount(e.Sender, acct)
	s.b.Delete(key(prefixFee, feeKey(charge, len(e.Ciphertext)), h[:]))
	s.b.Delete(key(prefixExpiry, u64(e.ValidUntilSlot), h[:]))
	return r, s.addPoolSize(-1)
}

// drop removes a queued envelope uncharged, and with it its sender's later
// queued nonces, which could never be included without it; the sender's
// next nonce goes back to the dropped one.
func (s *State) drop(h common.Hash, reason byte) error {
	r, ok, err := s.Tx(h)
	if err != nil {
		return err
	}
	if !ok || r.Status != StatusQueued {
		return nil // already gone with an earlier nonce
	}
	sender, nonce := r.Envelope.Sender, r.Envelope.Nonce
	var later []common.Hash
	if err := s.b.Scan(key(prefixNonce, sender[:]), func(k, v []byte) bool {
		if binary.BigEndian.Uint64(k[21:]) > nonce {
			later = append(later, common.BytesToHash(v))
		}
		return true
	}); err != nil {
		return err
	}
	for _, x := range append([]common.Hash{h}, later...) {
		r, err := s.unpool(x)
		if err != nil {
			return err
		}
		r.Status, r.Reason = StatusDropped, reason
		s.b.Set(key(prefixTx, x[:]), r.encode())
	}
	acct, err := s.Account(sender)
	if err != nil {
		return err
	}
	acct.NextNonce = nonce
	s.SetAccount(sender, acct)
	return nil
}

// Expire drops every queued envelope valid only before slot.
func (s *State) Expire(slot uint64) error {
	var expired []common.Hash
	if err := s.b.Scan([]byte{prefixExpiry}, func(k, _ []byte) bool {
		if binary.BigEndian.Uint64(k[1:]) >= slot {
			return false
		}
		expired = append(expired, common.BytesToHash(k[9:]))
		return true
	}); err != nil {
		return err
	}
	for _, h := range expired {
		if err := s.drop(h, ReasonExpired); err != nil {
			return err
		}
	}
	return nil
}

// poolEntry is what ordering needs of a queued envelope, kept in its pool
// key's value so that listing the pool decodes no envelope.
// Its fee per gas is what ordering charges: the envelope's maxFeePerGas, or
// zero for a forced envelope (paid on L1).
func poolEntry(e *envelope.Envelope, feePerGas *big.Int) []byte {
	out := make([]byte, 0, 68)
	out = append(out, e.Sender[:]...)
	out = binary.BigEndian.AppendUint64(out, e.Nonce)
	out = binary.BigEndian.AppendUint64(out, e.GasLimit)
	return append(out, wire.OrZero(feePerGas).FillBytes(make([]byte, 32))...)
}

// Pool lists the queued envelopes in queued order, as ordering sees them.
func (s *State) Pool() ([]auction.Queued, error) {
	var out []auction.Queued
	var bad error
	if err := s.b.Scan([]byte{prefixPool}, func(k, v []byte) bool {
		if len(k) != 41 || len(v) != 68 {
			bad = fmt.Errorf("%w: pool entry %x", ErrCorrupt, k)
			return false
		}
		out = append(out, auction.Queued{
			Hash:         common.BytesToHash(k[9:]),
			QueuedSlot:   binary.BigEndian.Uint64(k[1:]),
			Sender:       common.BytesToAddress(v[:20]),
			Nonce:        binary.BigEndian.Uint64(v[20:]),
			GasLimit:     binary.BigEndian.Uint64(v[28:]),
			MaxFeePerGas: new(big.Int).SetBytes(v[36:]),
		})
		return true
	}); err != nil {
		return nil, err
	}
	return out, bad
}

// Funds is a sender's deposit, what ordering may charge it from: the
// orderer subtracts the bundle's own charges as it goes (protocol §5).
func (s *State) Funds(a common.Address) *big.Int {
	acct, err := s.Account(a)
	if err != nil {
		return new(big.Int)
	}
	return acct.Deposit
}

// CommitBundle fixes slot's order: each envelope leaves the pool, is
// charged its inclusion fee and records its slot and index in the bundle;
// each forced plain transaction is ordered at its place.
func (s *State) CommitBundle(slot uint64, order []common.Hash) error {
	waiting, err := s.waitingForced()
	if err != nil {
		return err
	}
	_, _, err = s.commitBundle(slot, order, waiting)
	return err
}

// commitBundle is CommitBundle returning the inclusion fees charged and
// the bound on the slot's batch payload (closeBatch). The
// bundle (prefixBundle, what keys are released for) is the order's
// envelopes; the order's forced plain transactions, which need no key, are
// kept apart by their place in it (prefixSlotPlain).
func (s *State) commitBundle(slot uint64, order []common.Hash, waiting []ForcedItem) (*big.Int, uint64, error) {
	plainAt := make(map[common.Hash]ForcedItem)
	for _, f := range waiting {
		if f.Kind == ForcedPlain {
			plainAt[f.Hash] = f
		}
	}
	fees, bound := new(big.Int), uint64(batch.SlotOverhead)
	var all, plain []byte
	for i, h := range order {
		if f, ok := plainAt[h]; ok {
			plain = binary.BigEndian.AppendUint32(plain, uint32(i))
			plain = binary.BigEndian.AppendUint64(plain, f.Index)
			bound += plainBound(len(f.Plain))
			delete(plainAt, h) // ordered once
			continue
		}
		r, err := s.unpool(h)
		if err != nil {
			return nil, 0, err
		}
		e := r.Envelope
		bound += envelopeBound(len(e.Ciphertext))
		charge := r.charge()
		acct, err := s.Account(e.Sender)
		if err != nil {
			return nil, 0, err
		}
		if acct.Deposit.Cmp(charge) < 0 {
			return nil, 0, fmt.Errorf("%w: %s cannot pay %s", ErrCorrupt, e.Sender, h)
		}
		if charge.Sign() > 0 {
			fees.Add(fees, charge)
			acct.Deposit = new(big.Int).Sub(acct.Deposit, charge)
			s.SetAccount(e.Sender, acct)
		}
		r.Status, r.Slot, r.Index = StatusCommitted, slot, uint32(len(all)/common.HashLength)
		s.b.Set(key(prefixTx, h[:]), r.encode())
		all = append(all, h[:]...)
	}
	s.b.Set(key(prefixBundle, u64(slot)), all)
	if plain != nil {
		s.b.Insert(key(prefixSlotPlain, u64(slot)), plain) // one order per slot
	}
	return fees, bound, nil
}

// View is mempool.View over this state at a slot and eon. A storage error
// makes it answer as if the state were empty and is kept in Err: check it
// after Admit.
type View struct {
	firstErr
	s    *State
	slot uint64
	eon  uint64
}

// View returns the admission view of slot in eon.
func (s *State) View(slot, eon uint64) *View { return &View{s: s, slot: slot, eon: eon} }

// firstErr is the error half of the views the rules and the auction read
// the state through: their interfaces return no errors, so a view answers
// a storage failure as if the state were empty and keeps the first error
// in Err for the caller to check after.
type firstErr struct{ Err error }

func (f *firstErr) keep(err error) {
	if err != nil && f.Err == nil {
		f.Err = err
	}
}

func (v *View) Slot() uint64 { return v.slot }
func (v *View) Eon() uint64  { return v.eon }

func (v *View) EonEnd() uint64 {
	a, ok, err := v.s.pendingActivation(v.slot)
	v.keep(err)
	if !ok || a.Eon == v.eon {
		return 0
	}
	return a.Slot
}

func (v *View) Account(a common.Address) mempool.Account {
	acct, err := v.s.Account(a)
	v.keep(err)
	return mempool.Account{Deposit: acct.Deposit, PendingCharges: acct.PendingCharges, NextNonce: acct.NextNonce, InPool: int(acct.InPool)}
}

func (v *View) IdentityUsed(eon uint64, id threshold.Identity) bool {
	b, err := v.s.b.Get(key(prefixIdentity, u64(eon), id[:]))
	v.keep(err)
	return b != nil
}

func (v *View) PoolSize() int {
	n, err := v.s.poolSize()
	v.keep(err)
	return int(n)
}

func (v *View) Cheapest() (mempool.PoolEntry, bool) {
	var h common.Hash
	found := false
	v.keep(v.s.b.Scan([]byte{prefixFee}, func(k, _ []byte) bool {
		h, found = common.BytesToHash(k[41:]), true
		return false
	}))
	if !found {
		return mempool.PoolEntry{}, false
	}
	r, ok, err := v.s.Tx(h)
	v.keep(err)
	if !ok {
		return mempool.PoolEntry{}, false
	}
	e := r.Envelope
	return mempool.PoolEntry{Hash: h, Charge: new(big.Int).Mul(new(big.Int).SetUint64(e.GasLimit), e.MaxFeePerGas), Size: len(e.Ciphertext)}, true
}
