package chain

import (
	"cmp"
	"encoding/binary"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"

	"github.com/veil-sequencer/veil/batch"
	"github.com/veil-sequencer/veil/contracts"
	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/mempool"
	"github.com/veil-sequencer/veil/merkle"
	"github.com/veil-sequencer/veil/withdrawal"
)

// Withdrawals (protocol §9): chain transaction 0x05 debits the account now;
// the withdrawal joins the batch that covers its slot (withdrawalsRoot) and
// is paid on L1 against it.
const (
	prefixWithdrawNonce = 0x1d // ‖ account(20) → the next withdrawNonce (8)
	prefixWithdrawal    = 0x1e // ‖ account(20) ‖ withdrawNonce(8) → slot(8) ‖ recipient(20) ‖ amount(32) ‖ fee(32)
	prefixSlotWithdraw  = 0x1f // ‖ slot(8) ‖ account(20) ‖ withdrawNonce(8) → ∅: a slot's withdrawals, for its batch
	prefixClaimed       = 0x2b // ‖ account(20) ‖ withdrawNonce(8) → L1 block(8): the vault paid it (DepositVault's Withdrawn)
	keyFrozenFrom       = 0x2c // → batch index(8): an equivocation proof froze withdrawals from this batch on
)

// Withdrawal is a committed withdrawal.
type Withdrawal struct {
	Account       common.Address
	WithdrawNonce uint64
	Slot          uint64 // the block that committed it
	Recipient     common.Address
	Amount        *big.Int
	Fee           *big.Int
}

const withdrawalSize = 8 + 20 + 32 + 32

func (w Withdrawal) encode() []byte {
	out := make([]byte, 0, withdrawalSize)
	out = binary.BigEndian.AppendUint64(out, w.Slot)
	out = append(out, w.Recipient[:]...)
	out = append(out, common.BigToHash(w.Amount).Bytes()...)
	return append(out, common.BigToHash(w.Fee).Bytes()...)
}

func decodeWithdrawal(account common.Address, nonce uint64, v []byte) (Withdrawal, error) {
	if len(v) != withdrawalSize {
		return Withdrawal{}, fmt.Errorf("%w: withdrawal %s/%d of %d bytes", ErrCorrupt, account, nonce, len(v))
	}
	return Withdrawal{Account: account, WithdrawNonce: nonce, Slot: binary.BigEndian.Uint64(v), Recipient: common.BytesToAddress(v[8:28]),
		Amount: new(big.Int).SetBytes(v[28:60]), Fee: new(big.Int).SetBytes(v[60:92])}, nil
}

// NextWithdrawNonce is the account's next withdrawNonce.
func (s *State) NextWithdrawNonce(a common.Address) (uint64, error) {
	v, err := s.b.Get(key(prefixWithdrawNonce, a[:]))
	if err != nil || v == nil {
		return 0, err
	}
	if len(v) != 8 {
		return 0, fmt.Errorf("%w: withdraw nonce of %s", ErrCorrupt, a)
	}
	return binary.BigEndian.Uint64(v), nil
}

// Withdrawals lists the account's committed withdrawals in withdrawNonce
// order.
func (s *State) Withdrawals(a common.Address) ([]Withdrawal, error) {
	var out []Withdrawal
	var bad error
	err := s.b.Scan(key(prefixWithdrawal, a[:]), func(k, v []byte) bool {
		w, err := decodeWithdrawal(a, binary.BigEndian.Uint64(k[21:]), v)
		if err != nil {
			bad = err
			return false
		}
		out = append(out, w)
		return true
	})
	if err == nil {
		err = bad
	}
	return out, err
}

// WithdrawalClaimed is the L1 block in which the vault paid the account's
// withdrawal withdrawNonce, as far as Veil applied L1; ok is false before.
func (s *State) WithdrawalClaimed(a common.Address, nonce uint64) (l1Block uint64, ok bool, err error) {
	v, err := s.b.Get(key(prefixClaimed, a[:], u64(nonce)))
	if err != nil || v == nil {
		return 0, false, err
	}
	if len(v) != 8 {
		return 0, false, fmt.Errorf("%w: claim of %s/%d of %d bytes", ErrCorrupt, a, nonce, len(v))
	}
	return binary.BigEndian.Uint64(v), true, nil
}

// FrozenFrom is the first batch whose withdrawals an equivocation proof
// froze on L1 (BatchInbox.frozenFrom, as far as Veil applied L1); ok is
// false while none is.
func (s *State) FrozenFrom() (index uint64, ok bool, err error) {
	v, err := s.b.Get([]byte{keyFrozenFrom})
	if err != nil || v == nil {
		return 0, false, err
	}
	if len(v) != 8 {
		return 0, false, fmt.Errorf("%w: frozenFrom of %d bytes", ErrCorrupt, len(v))
	}
	return binary.BigEndian.Uint64(v), true, nil
}

// applyClaimed records DepositVault's Withdrawn: the vault paid a
// withdrawal against a header the committee signed, so it is one this
// chain committed, with its recipient and amount. One that is not, or is
// paid twice, is an L1 the chain does not know: skipped, never trusted.
func (s *State) applyClaimed(a common.Address, nonce uint64, recipient common.Address, amount *big.Int, l1Block uint64) error {
	v, err := s.b.Get(key(prefixWithdrawal, a[:], u64(nonce)))
	if err != nil {
		return err
	}
	if v == nil {
		return &eventError{fmt.Errorf("chain: L1 paid withdrawal %s/%d, which this chain did not commit", a, nonce)}
	}
	w, err := decodeWithdrawal(a, nonce, v)
	if err != nil {
		return err
	}
	if w.Recipient != recipient || w.Amount.Cmp(amount) != 0 {
		return &eventError{fmt.Errorf("chain: L1 paid withdrawal %s/%d %v wei to %s, this chain committed %v wei to %s",
			a, nonce, amount, recipient, w.Amount, w.Recipient)}
	}
	if _, ok, err := s.WithdrawalClaimed(a, nonce); err != nil || ok {
		return cmp.Or(err, error(&eventError{fmt.Errorf("chain: withdrawal %s/%d paid twice", a, nonce)}))
	}
	s.b.Insert(key(prefixClaimed, a[:], u64(nonce)), u64(l1Block))
	return nil
}

// applyFrozen records BatchInbox's Equivocation: withdrawals from batch
// index on are frozen for good (the inbox checked the proof's σ, and only
// ever lowers frozenFrom).
func (s *State) applyFrozen(index uint64) error {
	if cur, ok, err := s.FrozenFrom(); err != nil || (ok && cur <= index) {
		return err
	}
	s.b.Set([]byte{keyFrozenFrom}, u64(index))
	return nil
}

// withdrawView is mempool.WithdrawView over the state; a storage error
// answers as nothing and is kept in Err.
type withdrawView struct {
	firstErr
	s *State
}

func (v *withdrawView) Unreserved(a common.Address) (*big.Int, *big.Int) {
	acct, err := v.s.Account(a)
	v.keep(err)
	bu, err := v.s.Builder(a)
	v.keep(err)
	if acct.Deposit == nil || bu.Collateral == nil {
		return nil, nil
	}
	return new(big.Int).Sub(acct.Deposit, acct.PendingCharges), new(big.Int).Sub(bu.Collateral, bu.Reserved)
}

func (v *withdrawView) WithdrawalsFrozen() bool {
	_, ok, err := v.s.FrozenFrom()
	v.keep(err)
	return ok
}

func (v *withdrawView) NextWithdrawNonce(a common.Address) uint64 {
	n, err := v.s.NextWithdrawNonce(a)
	v.keep(err)
	return n
}

// applyWithdraw admits a Withdraw transaction and applies it in slot: the
// account's unreserved deposit (then free collateral) pays amount and fee,
// its withdrawNonce moves on, the withdrawal is recorded for its batch and
// the fee goes to the beneficiary. A *txError is a rejection, which wrote
// nothing.
func (s *State) applyWithdraw(body []byte, slot uint64, p mempool.Params) error {
	w, err := withdrawal.DecodeCanonical(body)
	if err != nil {
		return decodeError(err)
	}
	v := &withdrawView{s: s}
	adm, rej := mempool.AdmitWithdraw(w, v, p)
	if v.Err != nil {
		return v.Err
	}
	if rej != nil {
		return &txError{code: rej.Code, err: rej}
	}
	if adm.FromDeposit.Sign() > 0 {
		acct, err := s.Account(w.Account)
		if err != nil {
			return err
		}
		acct.Deposit = new(big.Int).Sub(acct.Deposit, adm.FromDeposit)
		s.SetAccount(w.Account, acct)
	}
	if adm.FromCollateral.Sign() > 0 {
		bu, err := s.Builder(w.Account)
		if err != nil {
			return err
		}
		bu.Collateral = new(big.Int).Sub(bu.Collateral, adm.FromCollateral)
		s.SetBuilder(w.Account, bu)
	}
	s.b.Set(key(prefixWithdrawNonce, w.Account[:]), u64(w.WithdrawNonce+1))
	rec := Withdrawal{Account: w.Account, WithdrawNonce: w.WithdrawNonce, Slot: slot, Recipient: w.Recipient, Amount: w.Amount, Fee: w.Fee}
	s.b.Insert(key(prefixWithdrawal, w.Account[:], u64(w.WithdrawNonce)), rec.encode()) // each nonce once
	s.b.Insert(key(prefixSlotWithdraw, u64(slot), w.Account[:], u64(w.WithdrawNonce)), nil)
	return s.credit(w.Fee)
}

// WithdrawalProof is what DepositVault.withdraw takes to pay a withdrawal:
// the signed header of the batch that covers it and the Merkle path of its
// item among the batch's withdrawals.
type WithdrawalProof struct {
	Batch  uint64
	Header contracts.StatementsBatch
	Index  uint64 // the item's place among the batch's withdrawals
	Size   uint64 // how many withdrawals the batch holds
	Path   []common.Hash
}

// WithdrawalProof proves the account's withdrawal withdrawNonce in the batch
// that covers its slot; ok is false until that batch is signed (its header
// needs the committee's dataHash).
func (s *State) WithdrawalProof(domain eip712.Domain, account common.Address, nonce uint64) (*WithdrawalProof, bool, error) {
	v, err := s.b.Get(key(prefixWithdrawal, account[:], u64(nonce)))
	if err != nil || v == nil {
		return nil, false, err
	}
	w, err := decodeWithdrawal(account, nonce, v)
	if err != nil || w.Slot == 0 {
		return nil, false, err
	}
	index, ok, err := s.BatchOf(w.Slot)
	if err != nil || !ok {
		return nil, false, err
	}
	signed, ok, err := s.BatchSignature(index)
	if err != nil || !ok {
		return nil, false, err
	}
	fixed, err := s.BatchFixed(domain, index)
	if err != nil || fixed == nil {
		return nil, false, err
	}
	var items [][]byte
	place := -1
	for sl := fixed.Fixed.FirstSlot; sl <= fixed.Fixed.LastSlot; sl++ {
		if err := s.slotWithdrawals(sl, func(x Withdrawal) {
			if x.Account == account && x.WithdrawNonce == nonce {
				place = len(items)
			}
			items = append(items, contracts.WithdrawalItem(contracts.DepositVaultWithdrawal{
				Account: x.Account, Recipient: x.Recipient, Amount: x.Amount, WithdrawNonce: x.WithdrawNonce}))
		}); err != nil {
			return nil, false, err
		}
	}
	if place < 0 {
		return nil, false, fmt.Errorf("%w: withdrawal %s/%d is not among batch %d's", ErrCorrupt, account, nonce, index)
	}
	path, err := merkle.Proof(items, place)
	if err != nil {
		return nil, false, err
	}
	return &WithdrawalProof{Batch: index, Header: batch.Header(fixed.Fixed, fixed.Parent, signed.DataHash), Index: uint64(place),
		Size: uint64(len(items)), Path: path}, true, nil
}
