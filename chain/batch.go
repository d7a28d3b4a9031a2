package chain

import (
	"cmp"
	"encoding/binary"
	"fmt"
	"sort"

	"github.com/ethereum/go-ethereum/common"

	"github.com/veil-sequencer/veil/batch"
	"github.com/veil-sequencer/veil/contracts"
	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/mempool"
	"github.com/veil-sequencer/veil/merkle"
	"github.com/veil-sequencer/veil/params"
	"github.com/veil-sequencer/veil/proposer"
	"github.com/veil-sequencer/veil/threshold"
)

// Batches (protocol §9, "Veil onto L1"): on a network anchored on L1 the
// chain fixes each batch's slot range and what its header states of them;
// the committee then adds the data it builds and signs.
const (
	prefixBatchEnd  = 0x20 // ‖ lastSlot(8) → appHash(32) ‖ l1Applied(8) ‖ forcedUpTo(8): the state after the last slot of a batch not fixed yet
	prefixBatch     = 0x21 // ‖ index(8) → batch record (Batch.encode)
	keyNextBatch    = 0x22 // → the index of the next batch to fix (8)
	keyForcedNext   = 0x23 // → one past the highest forcedIndex applied (8)
	prefixBatchSig  = 0x24 // ‖ index(8) → dataHash(32) ‖ header digest(32) ‖ σ(48) ‖ the block that recorded it(8)
	keyNextUnsigned = 0x25 // → the lowest batch index not signed yet (8)
	prefixAccepted  = 0x26 // ‖ index(8) → L1 block(8) ‖ header hash(32) ‖ the block that applied it(8)
	keyNextAccepted = 0x27 // → the lowest batch index not accepted on L1 yet (8)
	keySlotEnd      = 0x28 // → slot(8) ‖ appHash(32) ‖ l1Applied(8) ‖ forcedUpTo(8): the state after the last committed slot
	keyOpenBatch    = 0x29 // → firstSlot(8) ‖ payload bound(8) of the batch the chain is filling
	prefixEarlyAcc  = 0x2a // ‖ index(8) → L1 block(8) ‖ header hash(32) ‖ the block that applied it(8): accepted before its σ was recorded
	batchEndSize    = 32 + 8 + 8
	batchRecordSize = 8*3 + 32*2 + 8*2 + 32 + 8
)

// Batch is a batch as the chain fixed it: every field of its L1 header but
// the parent and dataHash, which the committee's header adds (protocol §9).
type Batch struct {
	Index           uint64
	Eon             uint64
	FirstSlot       uint64
	LastSlot        uint64
	RecordsRoot     common.Hash // over the slots' record hashes (batch.RecordHash of their canonical JSON), in slot order
	WithdrawalsRoot common.Hash // over the withdrawals committed in the slots, by (slot, account, withdrawNonce)
	ForcedUpTo      uint64      // every forced item with a lower index was settled by LastSlot
	L1Applied       uint64      // the last L1 block applied by LastSlot
	AppHash         common.Hash // after LastSlot
	FixedIn         uint64      // the block that fixed it
}

func (b Batch) encode() []byte {
	out := make([]byte, 0, batchRecordSize)
	for _, v := range []uint64{b.Eon, b.FirstSlot, b.LastSlot} {
		out = binary.BigEndian.AppendUint64(out, v)
	}
	out = append(out, b.RecordsRoot[:]...)
	out = append(out, b.WithdrawalsRoot[:]...)
	out = binary.BigEndian.AppendUint64(out, b.ForcedUpTo)
	out = binary.BigEndian.AppendUint64(out, b.L1Applied)
	out = append(out, b.AppHash[:]...)
	out = binary.BigEndian.AppendUint64(out, b.FixedIn)
	return out
}

func decodeBatch(index uint64, v []byte) (Batch, error) {
	if len(v) != batchRecordSize {
		return Batch{}, fmt.Errorf("%w: batch %d record of %d bytes", ErrCorrupt, index, len(v))
	}
	u := func(i int) uint64 { return binary.BigEndian.Uint64(v[i:]) }
	return Batch{Index: index, Eon: u(0), FirstSlot: u(8), LastSlot: u(16), RecordsRoot: common.BytesToHash(v[24:56]),
		WithdrawalsRoot: common.BytesToHash(v[56:88]), ForcedUpTo: u(88), L1Applied: u(96), AppHash: common.BytesToHash(v[104:136]),
		FixedIn: u(136)}, nil
}

// Batch reads batch index; ok is false until the chain fixed it.
func (s *State) Batch(index uint64) (Batch, bool, error) {
	v, err := s.b.Get(key(prefixBatch, u64(index)))
	if err != nil || v == nil {
		return Batch{}, false, err
	}
	b, err := decodeBatch(index, v)
	return b, err == nil, err
}

// NextBatch is the index of the next batch to fix: how many are fixed.
func (s *State) NextBatch() (uint64, error) { return s.counter(keyNextBatch) }

// counter reads a single-byte key holding a u64 (zero when absent): the
// pool size, the skipped L1 events, the batch counters.
func (s *State) counter(k byte) (uint64, error) {
	v, err := s.b.Get([]byte{k})
	if err != nil || v == nil {
		return 0, err
	}
	if len(v) != 8 {
		return 0, fmt.Errorf("%w: counter 0x%02x of %d bytes", ErrCorrupt, k, len(v))
	}
	return binary.BigEndian.Uint64(v), nil
}

// forcedUpTo is the number of forced items settled: the lowest forcedIndex
// still waiting, or one past the highest applied when none waits.
func (s *State) forcedUpTo() (uint64, error) {
	next, err := s.counter(keyForcedNext)
	if err != nil {
		return 0, err
	}
	err = s.b.Scan([]byte{prefixForcedWaiting}, func(k, _ []byte) bool {
		next = min(next, binary.BigEndian.Uint64(k[1:]))
		return false
	})
	return next, err
}

// A batch's slots (protocol §9, decided here where DESIGN is silent): a
// batch ends after BatchSlots slots, or earlier, before the slot whose
// batch data could take its payload past batch.PayloadBudget, so every
// batch fits the blobs of one L1 transaction. The chain cannot see
// plaintexts, so it counts each ordered item at the most its entry can
// take (dataBound); a slot's gas caps that at MaxSlotData, which the
// genesis of a network with an L1 keeps within the budget.

// maxReason bounds the reason an invalid entry carries in batch data
// (decrypt's reasons and statuses; a test holds them to it).
const maxReason = 32

// envelopeBound is the most batch data an ordered envelope takes: its
// plaintext is its ciphertext less the header and at least one byte of
// padding, or it is invalid and takes its reason.
func envelopeBound(ciphertext int) uint64 {
	return batch.TxOverhead + uint64(max(ciphertext-threshold.HeaderSize-1, maxReason))
}

// plainBound is the most batch data a forced plain transaction takes.
func plainBound(raw int) uint64 { return batch.TxOverhead + uint64(max(raw, maxReason)) }

// MaxSlotData is the most batch payload one slot can order under p: every
// ordered item pays at least mempool.BaseGas + mempool.GasPerByte per byte
// of its ciphertext or plain transaction, and more than either bound above
// costs (envelopeBound(n) ≤ n ≤ its gas/GasPerByte; BaseGas/GasPerByte
// exceeds any entry's overhead), so a slot's gas bounds its bytes.
func MaxSlotData(p params.Params) uint64 {
	return batch.SlotOverhead + p.SlotGasLimit/mempool.GasPerByte
}

// noteSlotEnd runs at the top of block slot: it keeps what a batch ending
// at slot−1 states of the state after it (its appHash, committed at
// slot−1, and l1Applied and forcedUpTo, unchanged since), which the slot's
// record decides (closeBatch).
func (s *State) noteSlotEnd(slot, committedHeight uint64, appHash common.Hash) error {
	last := slot - 1
	if last == 0 {
		return nil
	}
	if committedHeight != last {
		return fmt.Errorf("chain: block %d begins over committed height %d", slot, committedHeight)
	}
	l1, _, err := s.L1Applied()
	if err != nil {
		return err
	}
	upTo, err := s.forcedUpTo()
	if err != nil {
		return err
	}
	v := append(u64(last), appHash.Bytes()...)
	v = append(v, u64(l1)...)
	s.b.Set([]byte{keySlotEnd}, append(v, u64(upTo)...))
	return nil
}

// closeBatch runs once slot's order is committed, knowing its payload
// bound: the open batch ends at slot−1 when it holds batchSlots slots,
// when slot would take it past the budget, or when slot is an eon's first
// (activation: a batch is one eon's); slot then opens the next one.
func (s *State) closeBatch(slot, bound, batchSlots uint64, activation bool) error {
	first, size := uint64(1), uint64(0)
	v, err := s.b.Get([]byte{keyOpenBatch})
	if err != nil {
		return err
	}
	if v != nil {
		if len(v) != 16 {
			return fmt.Errorf("%w: open batch of %d bytes", ErrCorrupt, len(v))
		}
		first, size = binary.BigEndian.Uint64(v), binary.BigEndian.Uint64(v[8:])
	}
	if last := slot - 1; last >= first && (activation || last-first+1 >= batchSlots || size+bound > batch.PayloadBudget) {
		end, err := s.b.Get([]byte{keySlotEnd})
		if err != nil {
			return err
		}
		if len(end) != 8+batchEndSize || binary.BigEndian.Uint64(end) != last {
			return fmt.Errorf("%w: the state after slot %d, which ends a batch, was not kept", ErrCorrupt, last)
		}
		s.b.Insert(key(prefixBatchEnd, u64(last)), end[8:])
		first, size = slot, 0
	}
	s.b.Set([]byte{keyOpenBatch}, append(u64(first), u64(size+bound)...))
	return nil
}

// fixBatch runs after block slot's record: once the slots of the next
// batch have their keys on chain (those of its last slot are required two
// blocks after it), it fixes the batch from their records, their
// withdrawals and the state after its last slot.
func (s *State) fixBatch(slot uint64) error {
	n, err := s.NextBatch()
	if err != nil {
		return err
	}
	first := uint64(1)
	if n > 0 {
		prev, ok, err := s.Batch(n - 1)
		if err != nil || !ok {
			return cmp.Or(err, fmt.Errorf("%w: batch %d is counted but not kept", ErrCorrupt, n-1))
		}
		first = prev.LastSlot + 1
	}
	var last uint64
	var end []byte
	if err := s.b.Scan([]byte{prefixBatchEnd}, func(k, v []byte) bool {
		if sl := binary.BigEndian.Uint64(k[1:]); sl >= first && (end == nil || sl < last) {
			last, end = sl, v
		}
		return true
	}); err != nil {
		return err
	}
	if end == nil || slot < last+2 {
		return nil
	}
	if len(end) != batchEndSize {
		return fmt.Errorf("%w: the end of batch %d (slot %d) is %d bytes", ErrCorrupt, n, last, len(end))
	}
	eon, err := s.EonOfSlot(last) // a batch never spans an activation
	if err != nil {
		return err
	}
	b := Batch{Index: n, Eon: eon, FirstSlot: first, LastSlot: last, AppHash: common.BytesToHash(end[:32]),
		L1Applied: binary.BigEndian.Uint64(end[32:]), ForcedUpTo: binary.BigEndian.Uint64(end[40:]), FixedIn: slot}
	records := make([][]byte, 0, last-first+1)
	var withdrawals [][]byte
	for sl := first; sl <= last; sl++ {
		rec, err := s.b.Get(key(prefixSlotRecord, u64(sl)))
		if err != nil {
			return err
		}
		if rec == nil {
			return fmt.Errorf("%w: slot %d of batch %d has no record", ErrCorrupt, sl, n)
		}
		h := batch.RecordHash(rec) // the batch data names each slot's record by it
		records = append(records, h[:])
		if err := s.slotWithdrawals(sl, func(w Withdrawal) {
			withdrawals = append(withdrawals, contracts.WithdrawalItem(contracts.DepositVaultWithdrawal{
				Account: w.Account, Recipient: w.Recipient, Amount: w.Amount, WithdrawNonce: w.WithdrawNonce}))
		}); err != nil {
			return err
		}
	}
	b.RecordsRoot, b.WithdrawalsRoot = merkle.Root(records), merkle.Root(withdrawals)
	s.b.Insert(key(prefixBatch, u64(n)), b.encode()) // each index once
	s.b.Set([]byte{keyNextBatch}, u64(n+1))
	s.b.Delete(key(prefixBatchEnd, u64(last)))
	return nil
}

// BatchOf is the index of the fixed batch that covers slot; ok is false
// while no fixed batch does. Batches cover consecutive slot ranges in
// index order, so it searches them.
func (s *State) BatchOf(slot uint64) (uint64, bool, error) {
	n, err := s.NextBatch()
	if err != nil || n == 0 || slot == 0 {
		return 0, false, err
	}
	var ferr error
	i := sort.Search(int(n), func(i int) bool {
		b, ok, err := s.Batch(uint64(i))
		if err != nil || !ok {
			ferr = cmp.Or(err, fmt.Errorf("%w: batch %d is counted but not kept", ErrCorrupt, i))
			return true
		}
		return b.LastSlot >= slot
	})
	if ferr != nil || i == int(n) {
		return 0, false, ferr
	}
	return uint64(i), true, nil
}

// slotWithdrawals calls f with each withdrawal committed in slot, by
// (account, withdrawNonce).
func (s *State) slotWithdrawals(slot uint64, f func(Withdrawal)) error {
	var keys [][]byte
	if err := s.b.Scan(key(prefixSlotWithdraw, u64(slot)), func(k, _ []byte) bool {
		keys = append(keys, k)
		return true
	}); err != nil {
		return err
	}
	for _, k := range keys {
		a, nonce := common.BytesToAddress(k[9:29]), binary.BigEndian.Uint64(k[29:])
		v, err := s.b.Get(key(prefixWithdrawal, a[:], u64(nonce)))
		if err != nil {
			return err
		}
		w, err := decodeWithdrawal(a, nonce, v)
		if err != nil {
			return err
		}
		f(w)
	}
	return nil
}

// BatchSigned is a batch's committee signature as the chain recorded it.
type BatchSigned struct {
	DataHash common.Hash
	Digest   common.Hash // the header's EIP-712 digest: the next header's parent
	Sigma    *threshold.IdentityKey
	Slot     uint64 // the block whose record carried it
}

// BatchSignature reads batch index's recorded signature; ok is false
// until a record carried it.
func (s *State) BatchSignature(index uint64) (BatchSigned, bool, error) {
	v, err := s.b.Get(key(prefixBatchSig, u64(index)))
	if err != nil || v == nil {
		return BatchSigned{}, false, err
	}
	if len(v) != 32+32+threshold.G1Size+8 {
		return BatchSigned{}, false, fmt.Errorf("%w: batch %d signature of %d bytes", ErrCorrupt, index, len(v))
	}
	sigma, err := threshold.ParseIdentityKey(v[64 : 64+threshold.G1Size])
	if err != nil {
		return BatchSigned{}, false, fmt.Errorf("%w: batch %d signature: %v", ErrCorrupt, index, err)
	}
	return BatchSigned{DataHash: common.BytesToHash(v[:32]), Digest: common.BytesToHash(v[32:64]), Sigma: sigma,
		Slot: binary.BigEndian.Uint64(v[64+threshold.G1Size:])}, true, nil
}

// batchDue is the batch whose signature the chain waits for: the lowest
// unsigned one, once fixed (nil before).
func (s *State) batchDue(domain eip712.Domain) (*proposer.BatchDue, error) {
	n, err := s.counter(keyNextUnsigned)
	if err != nil {
		return nil, err
	}
	return s.BatchFixed(domain, n)
}

// BatchFixed is batch n's header as the chain knows it before its dataHash:
// the fixed fields and the parent, the previous batch's signed digest (nil
// while n is not fixed, or its parent not signed).
func (s *State) BatchFixed(domain eip712.Domain, n uint64) (*proposer.BatchDue, error) {
	b, ok, err := s.Batch(n)
	if err != nil || !ok {
		return nil, err
	}
	var parent common.Hash
	if n > 0 {
		prev, ok, err := s.BatchSignature(n - 1)
		if err != nil || !ok {
			return nil, err
		}
		parent = prev.Digest
	}
	return &proposer.BatchDue{Domain: domain, Parent: parent, Fixed: batch.Fixed{ChainID: domain.ChainID, Eon: b.Eon, Index: n,
		FirstSlot: b.FirstSlot, LastSlot: b.LastSlot, RecordsRoot: b.RecordsRoot, WithdrawalsRoot: b.WithdrawalsRoot,
		ForcedUpTo: b.ForcedUpTo, L1Applied: b.L1Applied, AppHash: b.AppHash}}, nil
}

// recordBatchSig stores a checked record's batch signature: the batch is
// signed, the next becomes due.
func (s *State) recordBatchSig(due *proposer.BatchDue, sig *proposer.BatchSig, slot uint64) error {
	digest := due.Digest(sig.DataHash)
	v := append(sig.DataHash.Bytes(), digest.Bytes()...)
	v = append(v, sig.Sigma.Bytes()...)
	s.b.Insert(key(prefixBatchSig, u64(sig.Index)), append(v, u64(slot)...)) // signed once
	s.b.Set([]byte{keyNextUnsigned}, u64(sig.Index+1))
	// L1 may have accepted the batch already: a keyper that combined σ
	// itself posted before a record carried it.
	early, err := s.b.Get(key(prefixEarlyAcc, u64(sig.Index)))
	if err != nil || early == nil {
		return err
	}
	s.b.Delete(key(prefixEarlyAcc, u64(sig.Index)))
	if len(early) != 48 {
		return fmt.Errorf("%w: batch %d early acceptance of %d bytes", ErrCorrupt, sig.Index, len(early))
	}
	if common.BytesToHash(early[8:40]) != digest {
		return nil // L1 took a header this chain did not sign (protocol §9: a committee equivocated); never final
	}
	return s.accept(sig.Index, early)
}

// NextUnsignedBatch is the lowest batch index whose signature is not
// recorded yet.
func (s *State) NextUnsignedBatch() (uint64, error) { return s.counter(keyNextUnsigned) }

// BatchDue is the batch whose signature the chain waits for, with what the
// committee's header needs (nil while none is fixed).
func (s *State) BatchDue(domain eip712.Domain) (*proposer.BatchDue, error) { return s.batchDue(domain) }

// Accepted is a batch BatchInbox accepted, as the oracle applied it.
type Accepted struct {
	L1Block    uint64
	HeaderHash common.Hash
	Slot       uint64 // the Veil block that applied the event
}

// BatchAccepted reads batch index's acceptance on L1; ok is false until
// the oracle applied it.
func (s *State) BatchAccepted(index uint64) (Accepted, bool, error) {
	v, err := s.b.Get(key(prefixAccepted, u64(index)))
	if err != nil || v == nil {
		return Accepted{}, false, err
	}
	if len(v) != 48 {
		return Accepted{}, false, fmt.Errorf("%w: batch %d acceptance of %d bytes", ErrCorrupt, index, len(v))
	}
	return Accepted{L1Block: binary.BigEndian.Uint64(v), HeaderHash: common.BytesToHash(v[8:40]), Slot: binary.BigEndian.Uint64(v[40:])}, true, nil
}

// NextAcceptedBatch is the lowest batch index L1 has not accepted (as far
// as Veil applied L1): every slot up to the last accepted batch's is final.
func (s *State) NextAcceptedBatch() (uint64, error) { return s.counter(keyNextAccepted) }

// applyAccepted records BatchInbox's BatchAccepted. L1 accepts batches in
// index order, each continuing the last, so the event is trusted as L1
// states it (more than 2/3 of the validators attested it); one whose
// header is not the one the chain signed for the index is L1 accepting a
// header Veil's committee never signed, which BatchInbox's signature check
// rules out, and is skipped as an event Veil cannot apply.
func (s *State) applyAccepted(index uint64, headerHash common.Hash, l1Block, slot uint64) error {
	v := append(u64(l1Block), headerHash[:]...)
	v = append(v, u64(slot)...)
	signed, ok, err := s.BatchSignature(index)
	if err != nil {
		return err
	}
	if !ok {
		// Not signed on chain yet (σ was combined and posted before a record
		// carried it): kept until the record does (recordBatchSig).
		if early, err := s.b.Get(key(prefixEarlyAcc, u64(index))); err != nil || early != nil {
			return cmp.Or(err, error(&eventError{fmt.Errorf("chain: batch %d accepted twice", index)}))
		}
		s.b.Set(key(prefixEarlyAcc, u64(index)), v)
		return nil
	}
	if signed.Digest != headerHash {
		return &eventError{fmt.Errorf("chain: L1 accepted batch %d with header %s, which this chain did not sign", index, headerHash)}
	}
	if _, ok, err := s.BatchAccepted(index); err != nil || ok {
		if err == nil {
			err = &eventError{fmt.Errorf("chain: batch %d accepted twice", index)}
		}
		return err
	}
	return s.accept(index, v)
}

// accept records batch index's acceptance (L1 block ‖ header hash ‖ the
// block that applied it).
func (s *State) accept(index uint64, v []byte) error {
	s.b.Insert(key(prefixAccepted, u64(index)), v)
	next, err := s.counter(keyNextAccepted)
	if err != nil {
		return err
	}
	s.b.Set([]byte{keyNextAccepted}, u64(max(next, index+1)))
	return nil
}
