package contracts

import (
	"context"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/veil-sequencer/veil/threshold/thresholdtest"
)

// next is the header that continues the inbox's chain: the next index,
// parent and first slot, 32 slots, the eon in charge, and dataHash over
// blobs made from seed (returned with it).
func (v *veil) next(tb testing.TB, seed byte) (StatementsBatch, *types.BlobTxSidecar, []common.Hash) {
	tb.Helper()
	o := &bind.CallOpts{}
	index, err1 := v.inbox.NextIndex(o)
	parent, err2 := v.inbox.LastHeaderHash(o)
	first, err3 := v.inbox.NextFirstSlot(o)
	eon, err4 := v.inbox.EonInCharge(o)
	for _, err := range []error{err1, err2, err3, err4} {
		if err != nil {
			tb.Fatal(err)
		}
	}
	sc, hashes := blobs(tb, seed, 1)
	return StatementsBatch{ChainId: testChainID, Eon: eon, Index: index, FirstSlot: first, LastSlot: first + 31,
		Parent: parent, RecordsRoot: common.Hash{seed, 1}, DataHash: dataHash(hashes), WithdrawalsRoot: common.Hash{seed, 2},
		ForcedUpTo: 0, L1Applied: 7, AppHash: common.Hash{seed, 3}}, sc, hashes
}

// accept signs h with d and submits it; it must be accepted.
func (v *veil) accept(tb testing.TB, d *thresholdtest.Dealing, h StatementsBatch, sc *types.BlobTxSidecar) {
	tb.Helper()
	if r := v.submit(tb, h, sign(tb, d, h.Eon, BatchDigest(v.domain, h)), sc); r.Status != types.ReceiptStatusSuccessful {
		tb.Fatalf("batch %d not accepted (gas %d): %s", h.Index, r.GasUsed, v.callSubmit(tb, h, sign(tb, d, h.Eon, BatchDigest(v.domain, h)), sc.BlobHashes()))
	}
}

// registerEon registers eon's key, signed by the eon in charge (signer, dealt by by).
func (v *veil) registerEon(tb testing.TB, eon uint64, d *thresholdtest.Dealing, signer uint64, by *thresholdtest.Dealing) {
	tb.Helper()
	ms := members(d, v.account(3), common.Address{0xb2}, common.Address{0xb3}, common.Address{0xb4})
	sigma := sign(tb, by, signer, EonKeyDigest(v.domain, eon, d.EonKey.EIP2537(), KeypersRoot(ms)))
	v.mine(tb, func() error {
		tx, err := v.reg.RegisterEon(v.auth(tb), eon, d.EonKey.EIP2537(), ms, sigma)
		if err != nil {
			return err
		}
		return waitOK(context.Background(), v.sim.Client(), "registerEon", tx)
	})
}

// TestBatchInbox: batches that continue the chain, carry their data in
// blobs and are signed by the eon in charge are accepted, with their
// header in the event; every rule of protocol §9 refuses a header that
// breaks it with its named error and changes nothing; the first batch of a
// later eon retires the earlier one.
func TestBatchInbox(t *testing.T) {
	v := newVeil(t)
	o := &bind.CallOpts{}
	h0, sc0, _ := v.next(t, 1)
	v.accept(t, v.eon, h0, sc0)
	h1, sc1, hashes1 := v.next(t, 2)
	if h1.Index != 1 || h1.Parent != BatchDigest(v.domain, h0) || h1.FirstSlot != h0.LastSlot+1 {
		t.Fatalf("after batch 0 the inbox expects %+v", h1)
	}
	it, err := v.inbox.FilterBatchAccepted(&bind.FilterOpts{}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !it.Next() || it.Event.Index != 0 || it.Event.HeaderHash != BatchDigest(v.domain, h0) || it.Event.Header != h0 || it.Next() {
		t.Fatalf("BatchAccepted: %+v", it.Event)
	}
	if at, err := v.inbox.AcceptedAt(o, h0); err != nil || at == 0 {
		t.Fatalf("acceptedAt(batch 0) = %d, %v", at, err)
	}

	other, err := thresholdtest.Deal(nil, 4, 3)
	if err != nil {
		t.Fatal(err)
	}
	signed := func(h StatementsBatch) []byte { return sign(t, v.eon, h.Eon, BatchDigest(v.domain, h)) }
	with := func(f func(*StatementsBatch)) StatementsBatch { h := h1; f(&h); return h }
	for _, tc := range []struct {
		name   string
		header StatementsBatch
		sigma  []byte
		blobs  []common.Hash
		revert string
	}{
		{"the next batch", h1, signed(h1), hashes1, ""},
		{"another Veil chain", with(func(h *StatementsBatch) { h.ChainId++ }), nil, hashes1, "WrongChainId"},
		{"an index taken", with(func(h *StatementsBatch) { h.Index = 0 }), nil, hashes1, "WrongIndex"},
		{"an index skipped", with(func(h *StatementsBatch) { h.Index = 2 }), nil, hashes1, "WrongIndex"},
		{"the wrong parent", with(func(h *StatementsBatch) { h.Parent = common.Hash{1} }), nil, hashes1, "WrongParent"},
		{"a slot gap", with(func(h *StatementsBatch) { h.FirstSlot++ }), nil, hashes1, "WrongFirstSlot"},
		{"slots overlapping", with(func(h *StatementsBatch) { h.FirstSlot-- }), nil, hashes1, "WrongFirstSlot"},
		{"slots backwards", with(func(h *StatementsBatch) { h.LastSlot = h.FirstSlot - 1 }), nil, hashes1, "BadSlotRange"},
		{"slots without end", with(func(h *StatementsBatch) { h.LastSlot = ^uint64(0) }), nil, hashes1, "BadSlotRange"},
		{"an unregistered eon", with(func(h *StatementsBatch) { h.Eon = 9 }), nil, hashes1, "UnknownEon"},
		{"no blobs", h1, signed(h1), nil, "NoBlobs"},
		{"the wrong data hash", with(func(h *StatementsBatch) { h.DataHash = common.Hash{2} }), nil, hashes1, "WrongDataHash"},
		{"another blob", h1, signed(h1), []common.Hash{{0x01, 9}}, "WrongDataHash"},
		{"signed by another committee", h1, sign(t, other, h1.Eon, BatchDigest(v.domain, h1)), hashes1, "BadSignature"},
		{"a signature on another header", h1, signed(h0), hashes1, "BadSignature"},
		{"a signature for another eon", h1, sign(t, v.eon, h1.Eon+1, BatchDigest(v.domain, h1)), hashes1, "BadSignature"},
		{"the point at infinity", h1, make([]byte, 128), hashes1, "BadSignature"},
		{"a compressed signature", h1, signed(h1)[:48], hashes1, "BadSignatureLength"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sigma := tc.sigma
			if sigma == nil {
				sigma = signed(tc.header)
			}
			if got := v.callSubmit(t, tc.header, sigma, tc.blobs); !strings.Contains(got, tc.revert) || (tc.revert == "") != (got == "") {
				t.Fatalf("submit: %q, want %q", got, tc.revert)
			}
		})
	}
	// A refused transaction changes nothing: the chain still expects h1.
	if r := v.submit(t, with(func(h *StatementsBatch) { h.Parent = common.Hash{1} }), signed(h1), sc1); r.Status != types.ReceiptStatusFailed {
		t.Fatal("a batch with the wrong parent was accepted")
	}
	if again, _, _ := v.next(t, 2); again != h1 {
		t.Fatalf("a refused batch moved the inbox: it expects %+v", again)
	}
	v.accept(t, v.eon, h1, sc1)

	// Eon 2, registered by eon 1, takes over with its first batch; eon 1 retires.
	if _, retired, _ := v.retiredAt(t, testGenesisEon); retired {
		t.Fatal("the genesis eon retired before any later eon's batch")
	}
	eon2, err := thresholdtest.Deal(nil, 4, 3)
	if err != nil {
		t.Fatal(err)
	}
	v.registerEon(t, 2, eon2, testGenesisEon, v.eon)
	h2, sc2, _ := v.next(t, 3)
	h2.Eon = 2
	h2.DataHash = dataHash(sc2.BlobHashes())
	if got := v.callSubmit(t, h2, sign(t, v.eon, 2, BatchDigest(v.domain, h2)), sc2.BlobHashes()); got != "BadSignature" {
		t.Fatalf("eon 2's batch signed by eon 1: %q", got)
	}
	v.accept(t, eon2, h2, sc2)
	if since, retired, _ := v.retiredAt(t, testGenesisEon); !retired || since == 0 {
		t.Fatal("eon 1 is not retired after eon 2's first batch")
	}
	if _, retired, _ := v.retiredAt(t, 2); retired {
		t.Fatal("eon 2 retired with its own batch")
	}
	h3, _, hashes3 := v.next(t, 4)
	h3.Eon = testGenesisEon
	if got := v.callSubmit(t, h3, sign(t, v.eon, h3.Eon, BatchDigest(v.domain, h3)), hashes3); got != "EonRetired" {
		t.Fatalf("a batch of the retired eon: %q", got)
	}
	ev, err := v.inbox.FilterEonInCharge(&bind.FilterOpts{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var eons []uint64
	for ev.Next() {
		eons = append(eons, ev.Event.Eon)
	}
	if len(eons) != 2 || eons[0] != testGenesisEon || eons[1] != 2 {
		t.Fatalf("EonInCharge events for eons %v", eons)
	}
}

func (v *veil) retiredAt(tb testing.TB, eon uint64) (uint64, bool, error) {
	tb.Helper()
	r, err := v.inbox.RetiredAt(&bind.CallOpts{}, eon)
	if err != nil {
		tb.Fatal(err)
	}
	return r.Since, r.Retired, nil
}

// TestEquivocation: a second header for a taken index, validly signed by
// a registered eon, freezes withdrawals from that index on, once; the
// accepted header itself, an untaken index, an unknown eon or a bad
// signature prove nothing.
func TestEquivocation(t *testing.T) {
	v := newVeil(t)
	h0, sc0, _ := v.next(t, 1)
	v.accept(t, v.eon, h0, sc0)
	h1, sc1, _ := v.next(t, 2)
	v.accept(t, v.eon, h1, sc1)
	signed := func(h StatementsBatch) []byte { return sign(t, v.eon, h.Eon, BatchDigest(v.domain, h)) }
	forked := h1
	forked.WithdrawalsRoot = common.Hash{0xee}
	unknown := forked
	unknown.Eon = 7
	future := forked
	future.Index = 2
	other, err := thresholdtest.Deal(nil, 4, 3)
	if err != nil {
		t.Fatal(err)
	}
	prove := func(h StatementsBatch, sigma []byte) string {
		_, err := v.inbox.ProveEquivocation(v.auth(t), h, sigma)
		if err == nil {
			v.sim.Commit()
			return ""
		}
		return revertName(BatchInboxMetaData, err)
	}
	frozen := func() uint64 {
		f, err := v.inbox.FrozenFrom(&bind.CallOpts{})
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	const none = ^uint64(0)
	for _, tc := range []struct {
		name   string
		header StatementsBatch
		sigma  []byte
		revert string
		frozen uint64
	}{
		{"the accepted header", h1, signed(h1), "SameHeader", none},
		{"an index not taken", future, signed(future), "NotTaken", none},
		{"an unknown eon", unknown, signed(unknown), "UnknownEon", none},
		{"a bad signature", forked, sign(t, other, forked.Eon, BatchDigest(v.domain, forked)), "BadSignature", none},
		{"another Veil chain", func() StatementsBatch { h := forked; h.ChainId++; return h }(), signed(forked), "WrongChainId", none},
		{"a second header for index 1", forked, signed(forked), "", 1},
		{"a third header for index 1", func() StatementsBatch { h := forked; h.AppHash = common.Hash{9}; return h }(), nil, "AlreadyFrozen", 1},
		{"a second header for index 0", func() StatementsBatch { h := h0; h.AppHash = common.Hash{9}; return h }(), nil, "", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sigma := tc.sigma
			if sigma == nil {
				sigma = signed(tc.header)
			}
			if got := prove(tc.header, sigma); got != tc.revert {
				t.Fatalf("proveEquivocation: %q, want %q", got, tc.revert)
			}
			if f := frozen(); f != tc.frozen {
				t.Fatalf("frozen from %d, want %d", f, tc.frozen)
			}
		})
	}
	it, err := v.inbox.FilterEquivocation(&bind.FilterOpts{}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []uint64
	for it.Next() {
		got = append(got, it.Event.Index)
		if it.Event.Index == 1 && (it.Event.HeaderHash != BatchDigest(v.domain, forked) || it.Event.AcceptedHash != BatchDigest(v.domain, h1)) {
			t.Fatalf("Equivocation event %+v", it.Event)
		}
	}
	if len(got) != 2 || got[0] != 1 || got[1] != 0 {
		t.Fatalf("Equivocation events for indexes %v, want [1 0]", got)
	}
}
