package chain

import (
	"fmt"
	"math/big"
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/cometbft/cometbft/crypto/ed25519"
	"github.com/ethereum/go-ethereum/common"

	"github.com/veil-sequencer/veil/contracts"
	"github.com/veil-sequencer/veil/oracle"
	"github.com/veil-sequencer/veil/params"
)

// TestEpochBoundary: the registry's events, applied through the oracle,
// give each registration its state: a proof by the CometBFT key makes it
// proven, a junk proof or a key an earlier proven registration owns does
// not; exits, withdrawals and L1 slashes are recorded, and events of
// registrations the chain lacks, or a registration twice, are skipped and
// counted. At the epoch boundary (slot 5 of epochs of 5) the next set is
// the 3 largest stakes of the eligible ones, ties to the earlier
// registration, and since it is not the current set the DKG of eon 2
// opens among it; a replica agrees.
func TestEpochBoundary(t *testing.T) {
	a := newL1AppParams(t, func(p *params.Params) { p.EpochSlots, p.MaxValidators, p.DKGPhaseSlots = 5, 3, 1 })
	st := func() *State { return NewState(a.store.Begin(), a.params.Domain) }
	reg := testL1.Contracts.SequencerRegistry
	cometKeys := make([]ed25519.PrivKey, 8)
	for i := range cometKeys {
		cometKeys[i] = ed25519.GenPrivKeyFromSecret([]byte(fmt.Sprint("comet ", i)))
	}
	keyper := func(i int) common.Address { return common.Address{0xa0, byte(i)} }
	registered := func(number uint64, comet int, by int, stake int64, junk bool) []byte {
		t.Helper()
		sig, err := cometKeys[comet].Sign(contracts.RegistrationMessage(testL1.ChainID, reg, keyper(by)))
		if err != nil {
			t.Fatal(err)
		}
		if junk {
			sig[0] ^= 1
		}
		return logItem(t, reg, contracts.SequencerRegistryMetaData, "Registered", number, keyper(by),
			[32]byte(cometKeys[comet].PubKey().Bytes()), sig, big.NewInt(stake))
	}
	wei := big.NewInt(1)
	a.view[11] = [][]byte{
		registered(0, 0, 0, 5, false), // A
		registered(1, 1, 1, 7, false), // B
		registered(2, 2, 2, 5, false), // C: A's stake, registered later
		registered(3, 3, 3, 9, true),  // a junk proof
		registered(4, 0, 4, 9, false), // A's key again, proven by its holder: A owns it
		registered(5, 5, 5, 9, false), // exits
		registered(6, 6, 6, 9, false), // slashed on L1
		registered(7, 7, 7, 4, false), // D: the fourth stake
		registered(7, 7, 7, 4, false), // twice
	}
	a.view[12] = [][]byte{
		logItem(t, reg, contracts.SequencerRegistryMetaData, "ExitRequested", uint64(5), keyper(5), uint64(1800)),
		logItem(t, reg, contracts.SequencerRegistryMetaData, "Slashed", uint64(6), keyper(6), uint64(3), [32]byte{1}, big.NewInt(9)),
		logItem(t, reg, contracts.SequencerRegistryMetaData, "ExitRequested", uint64(9), keyper(9), uint64(1800)), // unknown
		logItem(t, reg, contracts.SequencerRegistryMetaData, "StakeWithdrawn", uint64(1), keyper(2), wei),         // another keyper's
	}
	a.lastL1 = 12
	seen := a.attest(11, 12)
	none := [][]oracle.Attestation{nil, nil, nil, nil}
	if _, ok := a.run(1, abci.ExtendedCommitInfo{}, nil); !ok {
		t.Fatal("block 1 refused")
	}
	if _, ok := a.run(2, a.commit(1, [][]oracle.Attestation{seen, seen, seen, nil}), nil); !ok {
		t.Fatal("block 2 refused")
	}
	if _, ok, _ := st().NextValidators(); ok {
		t.Fatal("a next set before the first boundary")
	}
	regs, err := st().Registrations()
	if err != nil || len(regs) != 8 {
		t.Fatalf("%d registrations (%v), want 8", len(regs), err)
	}
	for _, tc := range []struct {
		number                   uint64
		proven, exiting, slashed bool
		stake                    int64
	}{
		{0, true, false, false, 5}, {3, false, false, false, 9}, {4, false, false, false, 9},
		{5, true, true, false, 9}, {6, true, false, true, 0}, {7, true, false, false, 4},
	} {
		r := regs[tc.number]
		if r.Proven != tc.proven || (r.ExitRequestedAt != 0) != tc.exiting || r.Slashed != tc.slashed || r.Stake.Int64() != tc.stake {
			t.Errorf("registration %d: %+v", tc.number, r)
		}
	}
	if n, _ := st().L1Skipped(); n != 3 {
		t.Errorf("%d events skipped, want 3 (a registration twice, an exit of none, another keyper's withdrawal)", n)
	}
	for h := int64(3); h <= 5; h++ {
		if _, ok := a.run(h, a.commit(h-1, none), nil); !ok {
			t.Fatalf("block %d refused", h)
		}
	}
	next, ok, err := st().NextValidators()
	if err != nil || !ok || next.Epoch != 1 || len(next.Members) != 3 {
		t.Fatalf("next set %+v %v %v", next, ok, err)
	}
	for i, want := range []uint64{1, 0, 2} {
		if next.Members[i].Number != want {
			t.Fatalf("next set member %d is registration %d, want %d (B, A, C)", i, next.Members[i].Number, want)
		}
	}
	// It is not the genesis validators: the next eon's DKG opened among it.
	d, ok, err := st().CurrentDKG()
	if err != nil || !ok || d.Eon != 2 || d.Start != 5 || d.Threshold != 3 || len(d.Members) != 3 || d.Members[0].Number != 1 {
		t.Fatalf("DKG %+v %v %v", d, ok, err)
	}
	a.replayAgrees()
}
