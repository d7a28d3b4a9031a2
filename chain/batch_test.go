package chain

import (
	"context"
	"encoding/binary"
	"math/big"
	"slices"
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/veil-sequencer/veil/batch"
	"github.com/veil-sequencer/veil/contracts"
	"github.com/veil-sequencer/veil/decrypt"
	"github.com/veil-sequencer/veil/mempool"
	"github.com/veil-sequencer/veil/merkle"
	"github.com/veil-sequencer/veil/oracle"
	"github.com/veil-sequencer/veil/params"
	"github.com/veil-sequencer/veil/proposer"
	"github.com/veil-sequencer/veil/threshold"
	"github.com/veil-sequencer/veil/threshold/thresholdtest"
)

// TestBatches: with batches of 4 slots, batch 0 is fixed by block 6 (its
// last slot's keys are on chain two blocks after it) and states its slots'
// records, the withdrawal committed in them, the forced items settled, the
// L1 block applied and the AppHash after slot 4; nothing is fixed before,
// the next batch waits for its own slots, and a replica agrees.
func TestBatches(t *testing.T) {
	a := newL1AppBatches(t, 4)
	a.view[12] = [][]byte{enqueued(t, 0, 50000, plainTx(t, 1337, 0))}
	a.view[14] = [][]byte{enqueued(t, 1, 50000, []byte("not a transaction"))}
	amount := big.NewInt(3e14)
	a.pending = [][]byte{a.withdrawTx(0, 0, amount)}
	st := func() *State { return NewState(a.store.Begin(), a.params.Domain) }
	none := [][]oracle.Attestation{nil, nil, nil, nil}
	var appHash4 common.Hash
	for h := int64(1); h <= 7; h++ {
		lc := abci.ExtendedCommitInfo{}
		switch {
		case h == 2:
			all := a.attest(11, 15)
			lc = a.commit(1, [][]oracle.Attestation{all, all, all, all})
		case h > 2:
			lc = a.commit(h-1, none)
		}
		if _, ok := a.run(h, lc, nil); !ok {
			t.Fatalf("block %d refused", h)
		}
		a.pending = nil
		n, err := st().NextBatch()
		if err != nil {
			t.Fatal(err)
		}
		if want := map[bool]uint64{true: 1, false: 0}[h >= 6]; n != want {
			t.Fatalf("after block %d: %d batches fixed, want %d", h, n, want)
		}
		if h == 4 {
			_, appHash4 = a.store.Committed()
		}
	}
	b, ok, err := st().Batch(0)
	if err != nil || !ok {
		t.Fatalf("batch 0: %v %v", ok, err)
	}
	var records [][]byte
	for s := uint64(1); s <= 4; s++ {
		r, err := st().SlotRecord(s)
		if err != nil || r == nil {
			t.Fatal(err)
		}
		h := crypto.Keccak256Hash(r.Encode())
		records = append(records, h[:])
	}
	w0 := crypto.PubkeyToAddress(a.fixture.keys[0].PublicKey)
	item := contracts.WithdrawalItem(contracts.DepositVaultWithdrawal{Account: w0, Recipient: common.Address{0xbe}, Amount: amount, WithdrawNonce: 0})
	want := Batch{Index: 0, Eon: 1, FirstSlot: 1, LastSlot: 4, RecordsRoot: merkle.Root(records), WithdrawalsRoot: merkle.Root([][]byte{item}),
		ForcedUpTo: 2, L1Applied: 15, AppHash: appHash4, FixedIn: 6}
	if b != want {
		t.Fatalf("batch 0:\n%+v\nwant\n%+v", b, want)
	}
	if _, ok, _ := st().Batch(1); ok {
		t.Fatal("batch 1 fixed before its slots")
	}
	for slot, want := range map[uint64]bool{0: false, 1: true, 4: true, 5: false} {
		if i, ok, err := st().BatchOf(slot); err != nil || ok != want || i != 0 {
			t.Fatalf("the batch of slot %d: %d %v %v, want batch 0: %v", slot, i, ok, err, want)
		}
	}

	// Block 8: the proposer has the committee's signature of batch 0's
	// header; a record with a σ for another dataHash, or for a batch not
	// due, is refused.
	dataHash := common.Hash{0xda}
	keys := &batchKeys{Keys: thresholdtest.Keys{Dealing: a.deal, ChainID: 1337}, a: a, dataHash: dataHash}
	a.app.cfg.Keys = keys
	lc := a.commit(7, none)
	retamper := func(f func(r *proposer.Record)) func([][]byte) [][]byte {
		return func(txs [][]byte) [][]byte {
			r, err := proposer.Decode(txs[0][1:])
			if err != nil {
				t.Fatal(err)
			}
			f(r)
			return append([][]byte{append([]byte{TxSlotRecord}, r.Encode()...)}, txs[1:]...)
		}
	}
	for name, tamper := range map[string]func(r *proposer.Record){
		"σ of another dataHash": func(r *proposer.Record) { r.Batch.DataHash = common.Hash{0xdb} },
		"a batch not due":       func(r *proposer.Record) { r.Batch.Index = 1 },
	} {
		if _, ok := a.run(8, lc, retamper(tamper)); ok {
			t.Fatalf("a record with %s passed", name)
		}
	}
	txs, ok := a.run(8, lc, nil)
	if !ok {
		t.Fatal("block 8 refused")
	}
	if r, _ := proposer.Decode(txs[0][1:]); r.Batch == nil || r.Batch.Index != 0 {
		t.Fatalf("block 8's record carries no batch signature: %+v", r.Batch)
	}
	signed, ok, err := st().BatchSignature(0)
	h := batch.Header(batch.Fixed{ChainID: 1337, Eon: 1, Index: 0, FirstSlot: 1, LastSlot: 4, RecordsRoot: want.RecordsRoot,
		WithdrawalsRoot: want.WithdrawalsRoot, ForcedUpTo: 2, L1Applied: 15, AppHash: appHash4}, common.Hash{}, dataHash)
	if err != nil || !ok || signed.DataHash != dataHash || signed.Digest != batch.Digest(a.params.Domain, h) || signed.Slot != 8 {
		t.Fatalf("batch 0's signature: %+v %v %v", signed, ok, err)
	}
	if n, _ := st().counter(keyNextUnsigned); n != 1 {
		t.Fatalf("next unsigned batch %d", n)
	}
	// Wallet 0's withdrawal (slot 1) is proven in batch 0's signed header.
	proof, ok, err := st().WithdrawalProof(a.params.Domain, w0, 0)
	if err != nil || !ok || proof.Batch != 0 || proof.Header != h || proof.Size != 1 {
		t.Fatalf("withdrawal proof: %+v %v %v", proof, ok, err)
	}
	if err := merkle.Verify(proof.Header.WithdrawalsRoot, item, int(proof.Index), int(proof.Size), proof.Path); err != nil {
		t.Fatalf("the proof does not verify: %v", err)
	}
	if _, ok, _ := st().WithdrawalProof(a.params.Domain, w0, 1); ok {
		t.Fatal("a proof for a withdrawal never made")
	}

	// L1 accepts it (block 16), and a second event claims batch 0 again
	// with a header this chain never signed (block 17): the first is
	// applied, the second skipped.
	a.view[16] = [][]byte{accepted(t, 0, signed.Digest, h)}
	a.view[17] = [][]byte{accepted(t, 0, common.Hash{0xee}, h)}
	a.lastL1 = 17
	seen := a.attest(16, 17)
	if _, ok := a.run(9, a.commit(8, [][]oracle.Attestation{seen, seen, seen, nil}), nil); !ok {
		t.Fatal("block 9 refused")
	}
	if acc, ok, err := st().BatchAccepted(0); err != nil || !ok || acc.L1Block != 16 || acc.HeaderHash != signed.Digest || acc.Slot != 9 {
		t.Fatalf("batch 0 accepted: %+v %v %v", acc, ok, err)
	}
	if n, _ := st().NextAcceptedBatch(); n != 1 {
		t.Fatalf("next accepted batch %d", n)
	}
	if n, _ := st().L1Skipped(); n != 1 {
		t.Fatalf("%d events skipped, want the forged acceptance", n)
	}
	a.replayAgrees()
}

// accepted is the event item of BatchInbox's BatchAccepted.
func accepted(t *testing.T, index uint64, headerHash common.Hash, h contracts.StatementsBatch) []byte {
	return logItem(t, testL1.Contracts.BatchInbox, contracts.BatchInboxMetaData, "BatchAccepted", index, h.Eon, headerHash, h)
}

// batchKeys is the proposer's key source with the committee's signature
// of the due batch for dataHash, made from the dealing.
type batchKeys struct {
	thresholdtest.Keys
	a        *l1App
	dataHash common.Hash
}

func (k *batchKeys) BatchSignature(_ context.Context, index uint64) (common.Hash, *threshold.IdentityKey, bool) {
	due, err := NewState(k.a.store.Begin(), k.a.params.Domain).batchDue(k.a.params.Domain)
	if err != nil || due == nil || due.Fixed.Index != index {
		return common.Hash{}, nil, false
	}
	sigma, err := k.a.deal.Key(threshold.SigningIdentity(1337, due.Fixed.Eon, due.Digest(k.dataHash)).Point())
	return k.dataHash, sigma, err == nil
}

// TestBatchRanges: a batch ends after batchSlots slots, or before the slot
// whose payload bound would take it past batch.PayloadBudget; a slot at
// the budget is a batch alone.
func TestBatchRanges(t *testing.T) {
	const budget = batch.PayloadBudget
	small := uint64(batch.SlotOverhead)
	for _, tc := range []struct {
		name   string
		per    uint64
		bounds []uint64 // slot 1, 2, …
		ends   []uint64 // the last slots of the batches ended
		act    uint64   // an eon's activation slot (0: none)
	}{
		{"by count", 4, []uint64{small, small, small, small, small, small, small, small, small}, []uint64{4, 8}, 0},
		{"one slot a batch", 1, []uint64{small, small, small}, []uint64{1, 2}, 0},
		{"a slot past the open batch's room", 8, []uint64{budget / 2, budget / 2, budget - budget/2*2 + 1, small, small}, []uint64{2}, 0},
		{"exactly the budget fits", 8, []uint64{budget / 2, budget - budget/2, small}, []uint64{2}, 0},
		{"a slot at the budget alone", 8, []uint64{small, budget, small}, []uint64{1, 2}, 0},
		{"count and bytes together", 3, []uint64{small, budget, small, small, small, small}, []uint64{1, 2, 5}, 0},
		{"an activation ends the batch", 4, []uint64{small, small, small, small, small, small, small, small, small}, []uint64{2, 6}, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := openStore(t, t.TempDir())
			defer s.Close()
			st := NewState(s.Begin(), testParams().Domain)
			for i, bound := range tc.bounds {
				slot := uint64(i + 1)
				if err := st.noteSlotEnd(slot, slot-1, common.Hash{byte(slot - 1)}); err != nil {
					t.Fatal(err)
				}
				if err := st.closeBatch(slot, bound, tc.per, slot == tc.act); err != nil {
					t.Fatal(err)
				}
			}
			var ends []uint64
			if err := st.b.Scan([]byte{prefixBatchEnd}, func(k, v []byte) bool {
				last := binary.BigEndian.Uint64(k[1:])
				if common.BytesToHash(v[:32]) != (common.Hash{byte(last)}) {
					t.Errorf("batch ending at %d keeps the state after slot %d", last, v[0])
				}
				ends = append(ends, last)
				return true
			}); err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(ends, tc.ends) {
				t.Fatalf("batches end at %v, want %v", ends, tc.ends)
			}
		})
	}
}

// TestMaxSlotData: the default parameters keep a slot within one batch,
// and the bound holds for the largest items a slot's gas can buy.
func TestMaxSlotData(t *testing.T) {
	p := params.Default()
	if m := MaxSlotData(p); m > batch.PayloadBudget {
		t.Fatalf("the default slot orders up to %d bytes, past the %d a batch carries", m, batch.PayloadBudget)
	}
	gas := func(n int) uint64 { return mempool.BaseGas + mempool.GasPerByte*uint64(n) }
	for _, n := range []int{0, 1, threshold.HeaderSize, threshold.HeaderSize + 1 + maxReason, 200, 1 << 16} {
		if b := envelopeBound(n); b*mempool.GasPerByte > gas(n) {
			t.Errorf("an envelope of %d ciphertext bytes bounds %d bytes of data, more than its %d gas buys", n, b, gas(n))
		}
		if b := plainBound(n); b*mempool.GasPerByte > gas(n) {
			t.Errorf("a plain transaction of %d bytes bounds %d bytes of data, more than its %d gas buys", n, b, gas(n))
		}
	}
	for _, r := range []string{decrypt.ReasonBadCiphertext, decrypt.ReasonBadEncoding, decrypt.ReasonWrongSigner, decrypt.ReasonWrongChain,
		decrypt.ReasonGasExceeds, decrypt.ReasonGasExceedsDeclared, decrypt.Invalid} {
		if len(r) > maxReason {
			t.Errorf("reason %q is longer than the %d bytes batch data bounds", r, maxReason)
		}
	}
}

// TestBatchAcceptedEarly: L1 accepts batch 0 (a keyper combined σ and
// posted it) before any record carried σ; the acceptance waits and is
// recorded with the record that signs the batch, and a replica agrees.
func TestBatchAcceptedEarly(t *testing.T) {
	a := newL1AppBatches(t, 4)
	st := func() *State { return NewState(a.store.Begin(), a.params.Domain) }
	none := [][]oracle.Attestation{nil, nil, nil, nil}
	for h := int64(1); h <= 7; h++ {
		lc := abci.ExtendedCommitInfo{}
		if h > 1 {
			lc = a.commit(h-1, none)
		}
		if _, ok := a.run(h, lc, nil); !ok {
			t.Fatalf("block %d refused", h)
		}
	}
	due, err := st().BatchDue(a.params.Domain)
	if err != nil || due == nil {
		t.Fatalf("batch 0 not due: %v", err)
	}
	dataHash := common.Hash{0xda}
	digest := due.Digest(dataHash)
	h := batch.Header(due.Fixed, due.Parent, dataHash)
	a.view[12] = [][]byte{accepted(t, 0, digest, h)}
	a.lastL1 = 12
	seen := a.attest(11, 12)
	if _, ok := a.run(8, a.commit(7, [][]oracle.Attestation{seen, seen, seen, nil}), nil); !ok {
		t.Fatal("block 8 refused")
	}
	if l1, _, _ := st().L1Applied(); l1 != 12 {
		t.Fatalf("L1 applied up to %d, want 12", l1)
	}
	if _, ok, _ := st().BatchAccepted(0); ok {
		t.Fatal("batch 0 accepted before the chain signed it")
	}
	a.app.cfg.Keys = &batchKeys{Keys: thresholdtest.Keys{Dealing: a.deal, ChainID: 1337}, a: a, dataHash: dataHash}
	if _, ok := a.run(9, a.commit(8, none), nil); !ok {
		t.Fatal("block 9 refused")
	}
	if acc, ok, err := st().BatchAccepted(0); err != nil || !ok || acc.L1Block != 12 || acc.HeaderHash != digest || acc.Slot != 8 {
		t.Fatalf("batch 0 accepted: %+v %v %v", acc, ok, err)
	}
	if n, _ := st().NextAcceptedBatch(); n != 1 {
		t.Fatalf("next accepted batch %d", n)
	}
	if n, _ := st().L1Skipped(); n != 0 {
		t.Fatalf("%d events skipped", n)
	}
	a.replayAgrees()
}
