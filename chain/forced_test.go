package chain

import (
	"bytes"
	"math/big"
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/veil-sequencer/veil/contracts"
	"github.com/veil-sequencer/veil/l1event"
	"github.com/veil-sequencer/veil/oracle"
)

// enqueued is the event item of a ForcedInclusionQueue Enqueued log.
func enqueued(t *testing.T, index uint64, gas uint64, item []byte) []byte {
	t.Helper()
	return enqueuedAt(t, index, gas, 1700, item)
}

// enqueuedAt is enqueued at L1 time l1Time.
func enqueuedAt(t *testing.T, index, gas, l1Time uint64, item []byte) []byte {
	return logItem(t, testL1.Contracts.ForcedInclusionQueue, contracts.ForcedInclusionQueueMetaData, "Enqueued",
		index, common.Address{0xe1}, gas, big.NewInt(1), l1Time, item)
}

// plainTx is a signed EIP-1559 rollup transaction of chain.
func plainTx(t *testing.T, chain int64, nonce uint64) []byte {
	t.Helper()
	k, _ := crypto.ToECDSA(crypto.Keccak256([]byte("forced plain sender")))
	id := big.NewInt(chain)
	tx, err := types.SignNewTx(k, types.LatestSignerForChainID(id), &types.DynamicFeeTx{ChainID: id, Nonce: nonce,
		GasTipCap: big.NewInt(1), GasFeeCap: big.NewInt(1), Gas: 21000, To: &common.Address{0x77}, Value: big.NewInt(5)})
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := tx.MarshalBinary()
	return raw
}

// TestForcedInclusion: forced items applied in block 2 are judged there
// (refused ones recorded with their reason, on every path alike) and
// ordered in slot 3: the forced envelope charged nothing on Veil, the plain
// transaction after the slot's bundle by its hash, kept apart from the
// bundle whose keys are released; the items' records say where each went,
// and a replica replaying the blocks agrees.
func TestForcedInclusion(t *testing.T) {
	a := newL1App(t)
	env := a.envelope(1, 0, 2, 3) // valid until slot 3: unchecked for a forced envelope
	forcedEnv := env.EncodeCanonical()
	tooBig := a.envelope(0, 5, 2, 3)
	reused := a.envelope(1, 0, 2, 50) // the same identity: used by item 0
	reused.Nonce = 1
	if err := reused.Sign(a.params.Domain, a.fixture.keys[1]); err != nil {
		t.Fatal(err)
	}
	plainOK := plainTx(t, 1337, 0)
	forcedGas := a.params.ForcedGas()
	a.view[12] = [][]byte{
		enqueued(t, 0, 40000, forcedEnv),
		enqueued(t, 1, 50000, plainOK),
		enqueued(t, 2, 29999, tooBig.EncodeCanonical()), // its gas limit is 30,000
		enqueued(t, 3, 50000, plainTx(t, 1, 0)),         // another chain
		enqueued(t, 4, 50000, []byte(`{"chainId":`)),    // no envelope
		enqueued(t, 5, 50000, plainOK),                  // forced twice
		enqueued(t, 6, 50000, reused.EncodeCanonical()), // identity already used
		enqueued(t, 7, forcedGas+1, plainTx(t, 1337, 1)),
		enqueued(t, 8, 50000, []byte{0x02, 0xf8, 0x01}), // no transaction
	}
	wantRefused := map[uint64]string{2: "gas_exceeds_declared", 3: "wrong_chain", 4: "bad_json", 5: "duplicate_plain",
		6: "identity_reused", 7: "gas_above_forced_gas", 8: "bad_encoding"}

	a.pending = [][]byte{a.tx(0, 0)}
	if _, ok := a.run(1, abci.ExtendedCommitInfo{}, nil); !ok {
		t.Fatal("block 1 refused")
	}
	a.pending = [][]byte{a.tx(0, 1)}
	all := a.attest(11, 15)
	if _, ok := a.run(2, a.commit(1, [][]oracle.Attestation{all, all, all, all}), nil); !ok {
		t.Fatal("block 2 refused")
	}
	st := func() *State { return NewState(a.store.Begin(), a.params.Domain) }
	envHash, plainHash := env.Hash(a.params.Domain), crypto.Keccak256Hash(plainOK)
	for i := uint64(0); i <= 8; i++ {
		f, ok, err := st().Forced(i)
		if err != nil || !ok {
			t.Fatalf("item %d: %v %v", i, ok, err)
		}
		want, refused := wantRefused[i]
		switch {
		case refused && (f.Status != ForcedRefused || f.Reason != want):
			t.Errorf("item %d: %s %q, want refused %q", i, f.Status, f.Reason, want)
		case !refused && f.Status != ForcedWaiting:
			t.Errorf("item %d: %s %q, want waiting", i, f.Status, f.Reason)
		}
		if f.AppliedSlot != 2 || f.L1Block != 12 || f.L1Sender != (common.Address{0xe1}) || f.L1Time != 1700 {
			t.Errorf("item %d recorded as %+v", i, f)
		}
	}
	r, ok, _ := st().Tx(envHash)
	if !ok || r.Status != StatusQueued || r.Forced != 1 {
		t.Fatalf("the forced envelope's record: %+v", r)
	}
	before, _ := st().Account(a.envelope(1, 0, 2, 3).Sender)

	a.pending = nil
	_, ok = a.run(3, a.commit(2, [][]oracle.Attestation{nil, nil, nil, nil}), nil)
	if !ok {
		t.Fatal("block 3 refused")
	}
	rec, err := st().SlotRecord(3)
	if err != nil || rec == nil {
		t.Fatal(err)
	}
	order := rec.Auction.Included
	if n := len(order); n != 3 || order[n-1] != plainHash {
		t.Fatalf("slot 3's order %v: want wallet 0's nonce 1, the forced envelope, then the plain transaction %s", order, plainHash)
	}
	bundle, _, err := st().BundleEnvelopes(3)
	if err != nil || len(bundle) != 2 || bytes.Equal(bundle[0][:], plainHash[:]) || bundle[1] == plainHash {
		t.Fatalf("slot 3's bundle %v (%v): the envelopes alone", bundle, err)
	}
	plain, err := st().SlotPlain(3)
	if err != nil || len(plain) != 1 || plain[0].Place != 2 || !bytes.Equal(plain[0].Item.Plain, plainOK) {
		t.Fatalf("slot 3's plain transactions: %+v %v", plain, err)
	}
	for _, i := range []uint64{0, 1} {
		if f, _, _ := st().Forced(i); f.Status != ForcedOrdered || f.Slot != 3 {
			t.Errorf("item %d after slot 3: %+v", i, f)
		}
	}
	if r, _, _ := st().Tx(envHash); r.Status != StatusCommitted || r.Slot != 3 {
		t.Fatalf("the forced envelope after slot 3: %+v", r)
	}
	if after, _ := st().Account(env.Sender); after.Deposit.Cmp(before.Deposit) != 0 || after.NextNonce != 1 {
		t.Fatalf("the forced envelope's sender: deposit %v → %v, next nonce %d", before.Deposit, after.Deposit, after.NextNonce)
	}
	if w, _ := st().waitingForced(); len(w) != 0 {
		t.Fatalf("%d items still waiting", len(w))
	}
	// Keys for slot 3's bundle: the envelopes' alone, recorded by block 5.
	for h := int64(4); h <= 5; h++ {
		if _, ok := a.run(h, a.commit(h-1, [][]oracle.Attestation{nil, nil, nil, nil}), nil); !ok {
			t.Fatalf("block %d refused", h)
		}
	}
	if keys, ok, err := st().BundleKeys(3); err != nil || !ok || len(keys) != 2 {
		t.Fatalf("slot 3's keys: %d %v %v", len(keys), ok, err)
	}
	a.replayAgrees()
}

// FuzzForcedItem: whatever bytes an L1 sender enqueues, applying the item
// records it (waiting or refused with a reason) and never fails or panics:
// an item is outside input that consensus applies.
func FuzzForcedItem(f *testing.F) {
	fx := newFixture(f, 1)
	f.Add(fx.envelope(0, 0, 2, 50).EncodeCanonical(), uint64(60000))
	f.Add([]byte(`{"chainId":1337}`), uint64(50000))
	f.Add([]byte{0x02, 0xf8, 0x6c}, uint64(50000))
	f.Add([]byte{0xf8, 0x6c, 0x80}, uint64(21000))
	f.Add([]byte{}, uint64(0))
	f.Fuzz(func(t *testing.T, item []byte, gas uint64) {
		st := NewState(fx.store.Begin(), fx.params.Domain)
		ev := &l1event.Event{Kind: l1event.Forced, ForcedIndex: 3, Gas: gas, Item: item}
		if err := st.applyForced(ev, 12, forcedEnv{slot: 2, eon: 1, p: fx.params}); err != nil {
			t.Fatalf("applying an item failed instead of recording it: %v", err)
		}
		it, ok, err := st.Forced(3)
		switch {
		case err != nil || !ok:
			t.Fatalf("item not recorded: %v %v", ok, err)
		case it.Status == ForcedRefused && it.Reason == "":
			t.Fatal("refused without a reason")
		case it.Status == ForcedWaiting && it.Kind == ForcedPlain && crypto.Keccak256Hash(it.Plain) != it.Hash:
			t.Fatal("a plain transaction waits under another hash")
		case it.Status != ForcedRefused && it.Status != ForcedWaiting:
			t.Fatalf("status %s", it.Status)
		}
	})
}

// TestForcedEscape: L1 time agreed by the oracle reaches the deadline of
// two forced items (an envelope and a plain transaction) while they still
// wait, in the very record that applies them (Veil catching up after a
// stop): both escape, the envelope leaves the pool uncharged, neither is
// ordered, and forcedUpTo passes them; an item younger than the deadline
// waits and is ordered as usual. A replica agrees.
func TestForcedEscape(t *testing.T) {
	a := newL1App(t)
	deadline := a.params.ForceDeadline
	env := a.envelope(1, 0, 2, 3)
	plainOld, plainYoung := plainTx(t, 1337, 0), plainTx(t, 1337, 1)
	a.view[12] = [][]byte{
		enqueuedAt(t, 0, 40000, 1000, env.EncodeCanonical()),
		enqueuedAt(t, 1, 50000, 1000, plainOld),
		enqueuedAt(t, 2, 50000, 1001, plainYoung),
	}
	a.times = map[uint64]uint64{14: 1000 + deadline, 15: 1000 + deadline}
	if _, ok := a.run(1, abci.ExtendedCommitInfo{}, nil); !ok {
		t.Fatal("block 1 refused")
	}
	all := a.attest(11, 15)
	if _, ok := a.run(2, a.commit(1, [][]oracle.Attestation{all, all, all, all}), nil); !ok {
		t.Fatal("block 2 refused")
	}
	st := func() *State { return NewState(a.store.Begin(), a.params.Domain) }
	if now, err := st().L1Time(); err != nil || now != 1000+deadline {
		t.Fatalf("L1 time %d (%v), want %d", now, err, 1000+deadline)
	}
	for i, want := range []ForcedStatus{ForcedEscaped, ForcedEscaped, ForcedWaiting} {
		if f, ok, err := st().Forced(uint64(i)); err != nil || !ok || f.Status != want || f.Slot != 0 {
			t.Fatalf("item %d: %+v %v %v, want %s", i, f, ok, err, want)
		}
	}
	if r, ok, _ := st().Tx(env.Hash(a.params.Domain)); !ok || r.Status != StatusDropped || DropReason(r.Reason) != "escaped" {
		t.Fatalf("the escaped envelope's record: %+v", r)
	}
	if upTo, _ := st().forcedUpTo(); upTo != 2 {
		t.Fatalf("forcedUpTo %d, want 2 (the escaped items settled)", upTo)
	}
	if _, ok := a.run(3, a.commit(2, [][]oracle.Attestation{nil, nil, nil, nil}), nil); !ok {
		t.Fatal("block 3 refused")
	}
	rec, err := st().SlotRecord(3)
	if err != nil || rec == nil {
		t.Fatal(err)
	}
	if young := crypto.Keccak256Hash(plainYoung); len(rec.Auction.Included) != 1 || rec.Auction.Included[0] != young {
		t.Fatalf("slot 3 orders %v, want the young plain transaction %s alone", rec.Auction.Included, young)
	}
	if f, _, _ := st().Forced(2); f.Status != ForcedOrdered || f.Slot != 3 {
		t.Fatalf("item 2 after slot 3: %+v", f)
	}
	a.replayAgrees()
}
