package chain

import (
	"math/big"
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/veil-sequencer/veil/contracts"
	"github.com/veil-sequencer/veil/merkle"
	"github.com/veil-sequencer/veil/oracle"
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
	a.replayAgrees()
}
