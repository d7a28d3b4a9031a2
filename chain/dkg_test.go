package chain

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	mrand "math/rand/v2"
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/cometbft/cometbft/crypto/ed25519"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/veil-sequencer/veil/contracts"
	"github.com/veil-sequencer/veil/dkg"
	"github.com/veil-sequencer/veil/mempool"
	"github.com/veil-sequencer/veil/oracle"
	"github.com/veil-sequencer/veil/params"
)

// dkgNet is a network anchored on L1 whose registry holds n registrations
// other than the genesis validators, with epochs of 5 slots and DKG phases
// of 1: the boundary at slot 5 opens eon 2's DKG among them, its phases
// take messages in slots 6 … 9, and block 10 computes the result.
type dkgNet struct {
	*l1App
	keys []*ecdsa.PrivateKey // keyper i+1's
}

func newDKGNet(t testing.TB, n int) *dkgNet {
	a := newL1AppParams(t, func(p *params.Params) { p.EpochSlots, p.DKGPhaseSlots = 5, 1 })
	net := &dkgNet{l1App: a}
	reg := testL1.Contracts.SequencerRegistry
	for i := range n {
		k, _ := crypto.ToECDSA(crypto.Keccak256([]byte(fmt.Sprint("dkg keyper ", i))))
		net.keys = append(net.keys, k)
		comet := ed25519.GenPrivKeyFromSecret([]byte(fmt.Sprint("dkg comet ", i)))
		addr := crypto.PubkeyToAddress(k.PublicKey)
		sig, err := comet.Sign(contracts.RegistrationMessage(testL1.ChainID, reg, addr))
		if err != nil {
			t.Fatal(err)
		}
		// Stakes fall with i, so keyper i+1 is the set's member i+1.
		a.view[11] = append(a.view[11], logItem(t, reg, contracts.SequencerRegistryMetaData, "Registered", uint64(i), addr,
			[32]byte(comet.PubKey().Bytes()), sig, big.NewInt(int64(100-i))))
	}
	a.lastL1 = 11
	seen := a.attest(11, 11)
	if _, ok := a.run(1, abci.ExtendedCommitInfo{}, nil); !ok {
		t.Fatal("block 1 refused")
	}
	if _, ok := a.run(2, a.commit(1, [][]oracle.Attestation{seen, seen, seen, nil}), nil); !ok {
		t.Fatal("block 2 refused")
	}
	for h := int64(3); h <= 5; h++ {
		net.block(h, nil)
	}
	return net
}

// block decides height h with txs in it.
func (n *dkgNet) block(h int64, txs [][]byte) {
	n.t.Helper()
	n.pending = txs
	got, ok := n.run(h, n.commit(h-1, [][]oracle.Attestation{nil, nil, nil, nil}), nil)
	if !ok || len(got) != len(txs)+1 {
		n.t.Fatalf("block %d (%v): %d transactions, want the record and %d", h, ok, len(got), len(txs))
	}
	n.pending = nil
}

func (n *dkgNet) state() *State { return NewState(n.store.Begin(), n.params.Domain) }

// check is CheckTx's code for tx ("" if accepted).
func (n *dkgNet) check(tx []byte) string {
	n.t.Helper()
	res, err := n.app.CheckTx(context.Background(), &abci.RequestCheckTx{Tx: tx})
	if err != nil {
		n.t.Fatal(err)
	}
	if res.Code == 0 {
		return ""
	}
	return mempool.Code(res.Code).String()
}

func dkgTx(m *dkg.Message) []byte { return append([]byte{TxDKG}, m.Encode()...) }

// TestDKGOnChain: the keypers of eon 2's DKG run their state machines on
// what the chain commits, one phase a block, their messages chain
// transactions; keyper 3 deals a bad share to keyper 1, which complains,
// and justifies it; keyper 2 restarts after the deal phase, taken up again
// from its secrets (dkg.Resume) and the transcript, and still gets its
// share. Block 10 computes, from the transcript alone, the eon
// key and public shares every keyper computed. CheckTx refuses a message
// in another phase, from no member, signed by another key, for another
// eon, or a keyper's second in a phase, each by its code and changing
// nothing; a replica agrees.
func TestDKGOnChain(t *testing.T) {
	n := newDKGNet(t, 4)
	d, ok, err := n.state().CurrentDKG()
	if err != nil || !ok || d.Eon != 2 || d.Threshold != 3 {
		t.Fatalf("DKG %+v %v %v", d, ok, err)
	}
	cfg := d.Config(1337)
	keypers := make([]*dkg.Keyper, 4)
	var out [][]byte
	for i := range keypers {
		seed := [32]byte{byte(i)}
		if keypers[i], err = dkg.New(cfg, i+1, n.keys[i], mrand.NewChaCha8(seed)); err != nil {
			t.Fatal(err)
		}
		m, err := keypers[i].Start()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, dkgTx(m))
	}
	out0 := bytes.Clone(out[0])
	// Refusals, in the announce slot.
	other, _ := crypto.ToECDSA(crypto.Keccak256([]byte("not a keyper")))
	stranger, _ := dkg.New(dkg.Config{ChainID: 1337, Eon: 2, Threshold: 1, Keypers: []common.Address{crypto.PubkeyToAddress(other.PublicKey)}}, 1, other, nil)
	forged, _ := stranger.Start()
	later, _ := dkg.New(dkg.Config{ChainID: 1337, Eon: 3, Threshold: 3, Keypers: cfg.Keypers}, 1, n.keys[0], nil)
	laterMsg, _ := later.Start()
	outOfRange, _ := dkg.Decode(out[0][1:])
	outOfRange.Keyper = 9
	for _, tc := range []struct {
		name, code string
		tx         []byte
	}{
		{"signed by another key", "bad_signature", dkgTx(forged)},
		{"no member", "dkg_not_member", dkgTx(outOfRange)},
		{"another eon", "dkg_not_running", dkgTx(laterMsg)},
		{"not a message", "bad_tx", []byte{TxDKG, '{'}},
	} {
		if got := n.check(tc.tx); got != tc.code {
			t.Errorf("%s: CheckTx %q, want %s", tc.name, got, tc.code)
		}
	}
	// Keyper 3's deal gives keyper 1 a share that does not decrypt.
	corrupt := func(ms []*dkg.Message) {
		for _, m := range ms {
			if m.Phase == dkg.PhaseDeal && m.Keyper == 3 {
				m.Shares[0] = append([]byte(nil), m.Shares[0]...)
				m.Shares[0][len(m.Shares[0])-1] ^= 1
				// re-signed by keyper 3 below
			}
		}
	}
	slot := int64(6)
	for phase := dkg.PhaseAnnounce; phase < dkg.PhaseDone; phase++ {
		if phase == dkg.PhaseAnnounce {
			if got := n.check(out[0]); got != "" {
				t.Fatalf("keyper 1's announcement: %s", got)
			}
			if got := n.check(out[0]); got != "dkg_duplicate" {
				t.Fatalf("keyper 1's announcement again: %s", got)
			}
		}
		if phase == dkg.PhaseDeal {
			// A deal of another shape, signed by its dealer, is refused
			// (its dealer would be silent): a share too long, one missing.
			for _, edit := range []func(m *dkg.Message){
				func(m *dkg.Message) { m.Shares[0] = append(m.Shares[0], make([]byte, 1000)...) },
				func(m *dkg.Message) { m.Shares = m.Shares[:3] },
			} {
				m, _ := dkg.Decode(out[3][1:])
				edit(m)
				resign(t, cfg, m, n.keys[3])
				if got := n.check(dkgTx(m)); got != "bad_tx" {
					t.Fatalf("a deal of another shape: %q", got)
				}
			}
		}
		n.block(slot, out)
		if phase == dkg.PhaseAnnounce {
			if got := n.check(out[1]); got != "dkg_wrong_phase" {
				t.Fatalf("an announcement in the deal slot: %q", got)
			}
		}
		committed, err := n.state().DKGMessages(2, phase)
		if err != nil || len(committed) != len(out) {
			t.Fatalf("%s: %d messages in state (%v), want %d", phase, len(committed), err, len(out))
		}
		if phase == dkg.PhaseDeal {
			keypers[1] = restarted(t, n, cfg, keypers[1].Secrets(), committed[1])
		}
		out = out[:0]
		for i, k := range keypers {
			for _, m := range committed {
				if err := k.Handle(m); err != nil {
					t.Fatalf("keyper %d handling %s from %d: %v", i+1, m.Phase, m.Keyper, err)
				}
			}
			ms, err := k.Advance()
			if err != nil {
				t.Fatalf("keyper %d ending %s: %v", i+1, phase, err)
			}
			if i == 2 {
				corrupt(ms)
				for _, m := range ms {
					if m.Phase == dkg.PhaseDeal {
						resign(t, cfg, m, n.keys[2])
					}
				}
			}
			for _, m := range ms {
				out = append(out, dkgTx(m))
			}
		}
		if phase == dkg.PhaseDeal && len(out) != 1 {
			t.Fatalf("%d complaints, want keyper 1's", len(out))
		}
		slot++
	}
	if _, done, _ := n.state().DKGOutcome(2); done {
		t.Fatal("an outcome before block 10")
	}
	n.block(10, nil)
	outcome, done, err := n.state().DKGOutcome(2)
	if err != nil || !done || outcome.Eon == nil {
		t.Fatalf("outcome %+v %v %v", outcome, done, err)
	}
	if got := n.check(out0); got != "dkg_not_running" {
		t.Fatalf("a message once the DKG is over: %q", got)
	}
	for i, k := range keypers {
		res, err := k.Result()
		if err != nil {
			t.Fatalf("keyper %d: %v", i+1, err)
		}
		if !res.EonKey.Equal(outcome.Eon.PublicKey) || len(res.Qualified) != 4 {
			t.Fatalf("keyper %d: eon key %s qualified %v; the chain: %s", i+1, res.EonKey, res.Qualified, outcome.Eon.PublicKey)
		}
		for j, ps := range res.PublicShares {
			if !ps.Equal(outcome.Eon.Keypers[j].PublicKeyShare) {
				t.Fatalf("keyper %d's public share %d differs from the chain's", i+1, j+1)
			}
		}
	}
	if outcome.Eon.Eon != 2 || outcome.Eon.Threshold != 3 || outcome.Eon.Keypers[0].Address != cfg.Keypers[0] {
		t.Fatalf("the chain's eon %+v", outcome.Eon)
	}
	n.replayAgrees()
}

// restarted is keyper 2 after a restart once the deal phase is over
// (node/dkg.go keeps its secrets on disk): made again from its secrets, it
// announces the same key, and fed the announcements it deals the same
// polynomial as its committed deal.
func restarted(t *testing.T, n *dkgNet, cfg dkg.Config, secrets []byte, deal *dkg.Message) *dkg.Keyper {
	t.Helper()
	again, err := dkg.Resume(cfg, 2, n.keys[1], secrets, nil)
	if err != nil {
		t.Fatal(err)
	}
	announce, err := again.Start()
	if err != nil {
		t.Fatal(err)
	}
	announced, _ := n.state().DKGMessages(2, dkg.PhaseAnnounce)
	if string(announce.Encode()) != string(announced[1].Encode()) {
		t.Fatal("keyper 2 announces another key after a restart")
	}
	for _, m := range announced {
		if err := again.Handle(m); err != nil {
			t.Fatal(err)
		}
	}
	redeal, err := again.Advance()
	if err != nil || len(redeal) != 1 || string(redeal[0].Commitments) != string(deal.Commitments) {
		t.Fatalf("keyper 2 deals another polynomial after a restart (%v)", err)
	}
	return again
}

// resign signs m again with key, after a test changed it.
func resign(t *testing.T, cfg dkg.Config, m *dkg.Message, key *ecdsa.PrivateKey) {
	t.Helper()
	sig, err := crypto.Sign(m.Digest(cfg.Domain()).Bytes(), key)
	if err != nil {
		t.Fatal(err)
	}
	sig[64] += 27
	m.Signature = sig
}

// TestDKGFails: with only 2 of 4 keypers speaking (threshold 3), block 10
// records the failure naming the silent dealers, and the boundary in the
// same block opens the retry as eon 3, never reusing eon 2's number.
func TestDKGFails(t *testing.T) {
	n := newDKGNet(t, 4)
	runDKG(t, n, 2)
	outcome, done, err := n.state().DKGOutcome(2)
	if err != nil || !done || outcome.Eon != nil || outcome.Failed != "2 qualified dealers [1 2], threshold 3; disqualified: 3 (silent) 4 (silent)" {
		t.Fatalf("outcome %+v %v %v", outcome, done, err)
	}
	if d, _, _ := n.state().CurrentDKG(); d.Eon != 3 || d.Start != 10 {
		t.Fatalf("the retry: %+v", d)
	}
	n.replayAgrees()
}

// TestCurrentDKGEon: the DKG's eon alone, as CurrentDKG has it on a
// network with a DKG and none before the first, read without the
// members' registrations (a record naming registrations the state lacks
// still answers, where CurrentDKG fails); a malformed record is corrupt.
func TestCurrentDKGEon(t *testing.T) {
	a := newApp(t)
	st := NewState(a.store.Begin(), a.params.Domain)
	if n, ok, err := st.CurrentDKGEon(); n != 0 || ok || err != nil {
		t.Fatalf("before the first DKG: %d %v %v", n, ok, err)
	}
	st.b.Set([]byte{keyDKG}, (&DKG{Eon: 7, Start: 40, Threshold: 2, Members: []Registration{{Number: 5}, {Number: 9}}}).encode())
	if n, ok, err := st.CurrentDKGEon(); n != 7 || !ok || err != nil {
		t.Fatalf("a DKG naming unknown registrations: %d %v %v", n, ok, err)
	}
	if _, _, err := st.CurrentDKG(); !errors.Is(err, ErrCorrupt) {
		t.Fatalf("CurrentDKG of unknown registrations: %v (the test's premise)", err)
	}
	st.b.Set([]byte{keyDKG}, make([]byte, 21))
	if _, _, err := st.CurrentDKGEon(); !errors.Is(err, ErrCorrupt) {
		t.Fatalf("a 21-byte record: %v, want ErrCorrupt", err)
	}

	n := newDKGNet(t, 4)
	runDKG(t, n, 2) // fails: the retry opens as eon 3
	d, ok, err := n.state().CurrentDKG()
	if err != nil || !ok {
		t.Fatalf("DKG %+v %v %v", d, ok, err)
	}
	if e, ok, err := n.state().CurrentDKGEon(); e != d.Eon || e != 3 || !ok || err != nil {
		t.Fatalf("CurrentDKGEon %d %v %v, CurrentDKG's eon %d", e, ok, err, d.Eon)
	}
}
