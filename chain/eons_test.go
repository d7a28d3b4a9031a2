package chain

import (
	"context"
	"fmt"
	"math/big"
	"testing"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/cometbft/cometbft/crypto/ed25519"
	"github.com/ethereum/go-ethereum/common"

	"github.com/veil-sequencer/veil/contracts"
	"github.com/veil-sequencer/veil/dkg"
	"github.com/veil-sequencer/veil/oracle"
	"github.com/veil-sequencer/veil/proposer"
	"github.com/veil-sequencer/veil/threshold"
	"github.com/veil-sequencer/veil/threshold/thresholdtest"
)

// honestDKG runs eon 2's DKG of newDKGNet with every keyper honest
// (blocks 6 … 9) and block 10, which deals it.
func honestDKG(t *testing.T, n *dkgNet) {
	t.Helper()
	d, _, _ := n.state().CurrentDKG()
	runDKG(t, n, len(d.Members))
	if out, done, err := n.state().DKGOutcome(2); err != nil || !done || out.Eon == nil {
		t.Fatalf("eon 2 not dealt: %+v %v %v", out, done, err)
	}
}

// runDKG runs eon 2's DKG of newDKGNet with its first speaking keypers
// honest and the others silent: their messages in blocks 6 … 9, one phase
// a block, and block 10, which computes the outcome.
func runDKG(t *testing.T, n *dkgNet, speaking int) {
	t.Helper()
	d, _, _ := n.state().CurrentDKG()
	cfg := d.Config(1337)
	var keypers []*dkg.Keyper
	var out [][]byte
	for i := range speaking {
		k, err := dkg.New(cfg, i+1, n.keys[i], nil)
		if err != nil {
			t.Fatal(err)
		}
		m, _ := k.Start()
		keypers, out = append(keypers, k), append(out, dkgTx(m))
	}
	for slot := int64(6); slot <= 9; slot++ {
		n.block(slot, out)
		committed, _ := n.state().DKGMessages(2, dkg.Phase(slot-5))
		out = out[:0]
		for _, k := range keypers {
			for _, m := range committed {
				_ = k.Handle(m)
			}
			ms, _ := k.Advance()
			for _, m := range ms {
				out = append(out, dkgTx(m))
			}
		}
	}
	n.block(10, nil)
}

// eonKeys is the proposer's key source with the genesis committee's
// signature of a due eon statement, made from the dealing.
type eonKeys struct {
	thresholdtest.Keys
	n *dkgNet
}

// BatchSignature signs the due batch with the genesis committee's key.
func (k eonKeys) BatchSignature(_ context.Context, index uint64) (common.Hash, *threshold.IdentityKey, bool) {
	due, err := k.n.state().batchDue(k.n.params.Domain)
	if err != nil || due == nil || due.Fixed.Index != index || due.Fixed.Eon != 1 {
		return common.Hash{}, nil, false
	}
	data := common.Hash{0xda}
	sigma, err := k.Dealing.Key(threshold.SigningIdentity(1337, 1, due.Digest(data)).Point())
	return data, sigma, err == nil
}

func (k eonKeys) EonSignature(_ context.Context, due *proposer.StatementDue) (*threshold.IdentityKey, bool) {
	if due.Signer != 1 { // the dealing is eon 1's
		return nil, false
	}
	sigma, err := k.Dealing.Key(due.Identity(1337).Point())
	return sigma, err == nil
}

func (k eonKeys) SlashSignature(ctx context.Context, due *proposer.StatementDue) (*threshold.IdentityKey, bool) {
	return k.EonSignature(ctx, due)
}

// registered is the event item of SequencerRegistry's EonRegistered for a
// dealt eon's key and members.
func registered(t *testing.T, number uint64, key []byte, members []contracts.StatementsMember) []byte {
	return logItem(t, testL1.Contracts.SequencerRegistry, contracts.SequencerRegistryMetaData, "EonRegistered",
		number, uint64(1), key, contracts.KeypersRoot(members), members)
}

// TestHandover: eon 2, dealt in block 10, is signed by the genesis
// committee in block 11's record; L1 registers it (with a forged
// registration of another key before, which is skipped), block 12 applies
// that and fixes the activation K+1 slots later; two slots before it the
// next validator set is written (the DKG's members, with their L1 stakes
// as bonds) and returned as updates; from then on the active eon's
// envelopes valid past the activation are refused eon_ending; at the
// activation eon 2 is active, an eon-1 envelope still queued is dropped
// eon_changed, eon 1's are refused, and bids for later slots name eon 2. A
// member slashed (for older evidence) in the block that returns the change
// never joins. A replica agrees.
func TestHandover(t *testing.T) {
	n := newDKGNet(t, 4)
	n.app.cfg.Keys = eonKeys{thresholdtest.Keys{Dealing: n.deal, ChainID: 1337}, n}
	honestDKG(t, n)
	due, err := n.state().eonDue(1)
	if err != nil || due == nil || due.Subject != 2 || due.Signer != 1 {
		t.Fatalf("statement due %+v %v", due, err)
	}
	n.block(11, nil)
	stmt, ok, err := n.state().EonStatementOf(2)
	if err != nil || !ok || stmt.Sigma == nil || stmt.Recorded != 11 || stmt.Digest != due.Digest {
		t.Fatalf("statement %+v %v %v", stmt, ok, err)
	}
	if d, _ := n.state().eonDue(1); d != nil {
		t.Fatal("the statement is still due once signed")
	}

	out, _, _ := n.state().DKGOutcome(2)
	d, _, _ := n.state().CurrentDKG()
	var cometKeys [][32]byte
	for _, m := range d.Members {
		cometKeys = append(cometKeys, m.CometPubKey)
	}
	members, err := contracts.Members(out.Eon, cometKeys)
	if err != nil {
		t.Fatal(err)
	}
	key := out.Eon.PublicKey.EIP2537()
	forged := append([]byte(nil), key...)
	forged[len(forged)-1] ^= 1
	n.view[12] = [][]byte{registered(t, 2, forged, members), registered(t, 2, key, members)}
	n.lastL1 = 12
	seen := n.attest(12, 12)
	skipped, _ := n.state().L1Skipped()
	if _, ok := n.run(12, n.commit(11, [][]oracle.Attestation{seen, seen, seen, nil}), nil); !ok {
		t.Fatal("block 12 refused")
	}
	act, ok, err := n.state().LastActivation()
	k := n.params.K
	if err != nil || !ok || act.Eon != 2 || act.Slot != 12+k+1 || act.FixedIn != 12 || act.Prev != 1 {
		t.Fatalf("activation %+v %v %v", act, ok, err)
	}
	if s, _ := n.state().L1Skipped(); s != skipped+1 {
		t.Fatalf("%d events skipped, want the forged registration", s-skipped)
	}
	// The active eon's envelopes must end before the activation.
	if got := n.check(txOf(n.envelope(0, 0, 2, act.Slot))); got != "eon_ending" {
		t.Fatalf("an envelope valid into eon 2: %q", got)
	}
	// Block act.Slot−2 also decides evidence against member 4 (as if from
	// an earlier tenure): it is slashed and never joins, so the change is
	// 3 in and 4 out, one update per key.
	for h := int64(13); uint64(h) < act.Slot-1; h++ {
		if uint64(h) == act.Slot-2 {
			bad := d.Members[3].CometAddress()
			n.evidence = []abci.Misbehavior{{Type: abci.MisbehaviorType_DUPLICATE_VOTE, Validator: abci.Validator{Address: bad[:], Power: 1}, Height: 3}}
		}
		n.block(h, nil)
	}
	updates := n.lastUpdates // FinalizeBlock's, of block act.Slot−2
	if len(updates) != 7 {
		t.Fatalf("%d validator updates at slot %d, want 3 in and 4 out: %v", len(updates), act.Slot-2, updates)
	}
	for _, u := range updates {
		in := false
		for _, c := range cometKeys[:3] {
			if string(u.PubKey.GetEd25519()) == string(c[:]) {
				in = true
			}
		}
		if want := map[bool]int64{true: 1, false: 0}[in]; u.Power != want {
			t.Fatalf("update %x power %d, want %d", u.PubKey.GetEd25519(), u.Power, want)
		}
	}
	for i, m := range d.Members {
		want := m.Stake
		if i == 3 {
			want = new(big.Int) // slashed: its bond taken
		}
		if b, ok, _ := n.state().Bond(m.CometAddress()); !ok || b.Amount.Cmp(want) != 0 || b.Keyper != m.Keyper {
			t.Fatalf("member %d's bond %+v %v", m.Number, b, ok)
		}
	}
	// Queued in the last slot of eon 1, dropped at the activation.
	last := n.envelope(0, 0, 2, act.Slot-1)
	n.block(int64(act.Slot-1), [][]byte{txOf(last)})
	n.block(int64(act.Slot), nil)
	st := n.state()
	if e, _ := activeEon(st.b); e != 2 {
		t.Fatalf("active eon %d at the activation slot", e)
	}
	info, ok, err := st.EonInfo(2)
	if err != nil || !ok || info.ActivationSlot != act.Slot || !info.PublicKey.Equal(out.Eon.PublicKey) {
		t.Fatalf("eon 2 %+v %v %v", info, ok, err)
	}
	if r, ok, _ := st.Tx(last.Hash(n.params.Domain)); !ok || r.Status != StatusDropped || DropReason(r.Reason) != "eon_changed" {
		t.Fatalf("the queued eon-1 envelope: %+v", r)
	}
	// Member 4's Slash, signed by eon 1 in block act.Slot−1, is due again
	// for eon 2: L1 will check it under eon 2 once eon 2 is in charge.
	if due, err := st.SlashDue(); err != nil || due == nil || due.Subject != d.Members[3].Number || due.Signer != 2 {
		t.Fatalf("member 4's slash after the activation: %+v %v", due, err)
	}
	for slot, want := range map[uint64]uint64{act.Slot - 1: 1, act.Slot: 2, act.Slot + 5: 2} {
		if got, _ := st.EonOfSlot(slot); got != want {
			t.Fatalf("slot %d is in eon %d, want %d", slot, got, want)
		}
	}
	if got := n.check(txOf(n.envelope(1, 0, 2, act.Slot+5))); got != "wrong_eon" {
		t.Fatalf("an eon-1 envelope after the activation: %q", got)
	}
	if in, _ := st.IsMemberAt(act.Slot, cometKeys[0][:]); !in {
		t.Fatal("a new member is not in the set at the activation")
	}
	if in, _ := st.IsMemberAt(act.Slot, n.vals[0].PubKey().Bytes()); in {
		t.Fatal("a genesis validator is still in the set after the activation")
	}
	if in, _ := st.IsMemberAt(act.Slot-1, n.vals[0].PubKey().Bytes()); !in {
		t.Fatal("a genesis validator is not in the set before the activation")
	}
	signers, _ := st.signersAt(act.Slot)
	if len(signers) != 3 || signers[0].Address == common.Address(n.vals[0].PubKey().Address()) {
		t.Fatalf("signers at the activation %+v", signers)
	}
	// Height act.Slot was signed by the new members: their votes, and
	// only theirs, make the next block's last commit.
	old := n.vals
	n.vals = nil
	for i := range 3 { // member 4 was slashed before it joined
		n.vals = append(n.vals, ed25519.GenPrivKeyFromSecret([]byte(fmt.Sprint("dkg comet ", i))))
	}
	n.block(int64(act.Slot+1), nil)
	n.block(int64(act.Slot+2), nil)
	// Eon 1's last batch ends before the activation and is signed by eon
	// 1's committee, under eon 1's key, after it.
	b0, ok, _ := n.state().Batch(0)
	if !ok || b0.Eon != 1 || b0.LastSlot != act.Slot-1 {
		t.Fatalf("eon 1's last batch %+v %v", b0, ok)
	}
	n.block(int64(act.Slot+3), nil)
	if sig, ok, err := n.state().BatchSignature(0); err != nil || !ok || sig.Slot != act.Slot+2 && sig.Slot != act.Slot+3 {
		t.Fatalf("eon 1's last batch signed: %+v %v %v", sig, ok, err)
	}
	n.vals = old
	n.replayAgrees()
}

// TestDealtEonExpires: a dealt eon that L1 never registers fails
// eonRegisterEpochs epochs after its DKG ended, and that block's boundary
// opens the retry, eon 3.
func TestDealtEonExpires(t *testing.T) {
	n := newDKGNet(t, 4)
	honestDKG(t, n)
	end := uint64(10) + eonRegisterEpochs*n.params.EpochSlots
	for h := int64(11); uint64(h) < end; h++ {
		n.block(h, nil)
	}
	if out, _, _ := n.state().DKGOutcome(2); out.Eon == nil {
		t.Fatalf("eon 2 failed before its deadline: %s", out.Failed)
	}
	n.block(int64(end), nil)
	out, done, err := n.state().DKGOutcome(2)
	if err != nil || !done || out.Eon != nil || out.Failed != "not registered on L1 within 2 epochs" {
		t.Fatalf("outcome %+v %v %v", out, done, err)
	}
	if d, _, _ := n.state().CurrentDKG(); d.Eon != 3 || d.Start != end {
		t.Fatalf("the retry: %+v", d)
	}
	if _, ok, _ := n.state().EonStatementOf(2); ok {
		t.Fatal("an expired eon's statement is kept")
	}
}

// BenchmarkDKGOnChain drives an n-keyper DKG through the chain's encoding
// and blocks (protocol §10): every keyper's messages are 0x04
// transactions, each phase a block, and the result block runs the
// observer. It reports the transcript's bytes, the chain's time over the
// DKG's blocks (proposal, check, finalization and commit of each, as one
// validator pays it), the slowest of those blocks (the slot-time impact),
// and one keyper's own time (its share of the state machines' work).
func BenchmarkDKGOnChain(b *testing.B) {
	for _, n := range []int{4, 10, 31} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			var bytes, chainNs, slowest, keyperNs float64
			for range b.N {
				b.StopTimer()
				net := newDKGNet(b, n)
				d, _, _ := net.state().CurrentDKG()
				cfg := d.Config(1337)
				keypers := make([]*dkg.Keyper, n)
				var out [][]byte
				var keyperTime time.Duration
				for i := range keypers {
					start := time.Now()
					k, err := dkg.New(cfg, i+1, net.keys[i], nil)
					if err != nil {
						b.Fatal(err)
					}
					m, _ := k.Start()
					keyperTime += time.Since(start)
					keypers[i], out = k, append(out, dkgTx(m))
				}
				b.StartTimer()
				for slot := int64(6); slot <= 10; slot++ {
					for _, tx := range out {
						bytes += float64(len(tx))
					}
					start := time.Now()
					net.block(slot, out)
					took := time.Since(start)
					chainNs += float64(took)
					slowest = max(slowest, float64(took))
					if slot == 10 {
						break
					}
					committed, _ := net.state().DKGMessages(2, dkg.Phase(slot-5))
					out = out[:0]
					for _, k := range keypers {
						start := time.Now()
						for _, m := range committed {
							_ = k.Handle(m)
						}
						ms, _ := k.Advance()
						keyperTime += time.Since(start)
						for _, m := range ms {
							out = append(out, dkgTx(m))
						}
					}
				}
				keyperNs += float64(keyperTime) / float64(n)
				if o, _, _ := net.state().DKGOutcome(2); o == nil || o.Eon == nil {
					b.Fatalf("not dealt: %+v", o)
				}
			}
			b.ReportMetric(bytes/float64(b.N), "transcript-B")
			b.ReportMetric(chainNs/float64(b.N)/1e6, "chain-ms")
			b.ReportMetric(slowest/1e6, "slowest-block-ms")
			b.ReportMetric(keyperNs/float64(b.N)/1e6, "keyper-ms")
		})
	}
}

// TestSlashStatement: a genesis validator registered on L1 equivocates;
// the block that slashes it in Veil also writes its Slash statement
// (registration, height, evidence hash); the next block's record carries
// the genesis committee's σ of it, which the chain keeps and which verifies
// on L1's terms (the statement digest contracts.SlashDigest computes);
// L1's Slashed comes back through the oracle and flags the registration.
// A replica agrees.
func TestSlashStatement(t *testing.T) {
	a := newL1App(t)
	a.app.cfg.Keys = eonKeys{Keys: thresholdtest.Keys{Dealing: a.deal, ChainID: 1337}}
	reg := testL1.Contracts.SequencerRegistry
	for i, v := range a.vals {
		keyper := common.Address{0xc0, byte(i)}
		sig, err := v.Sign(contracts.RegistrationMessage(testL1.ChainID, reg, keyper))
		if err != nil {
			t.Fatal(err)
		}
		a.view[11] = append(a.view[11], logItem(t, reg, contracts.SequencerRegistryMetaData, "Registered", uint64(i), keyper,
			[32]byte(v.PubKey().Bytes()), sig, big.NewInt(100)))
	}
	a.lastL1 = 11
	seen := a.attest(11, 11)
	if _, ok := a.run(1, abci.ExtendedCommitInfo{}, nil); !ok {
		t.Fatal("block 1 refused")
	}
	if _, ok := a.run(2, a.commit(1, [][]oracle.Attestation{seen, seen, seen, nil}), nil); !ok {
		t.Fatal("block 2 refused")
	}
	st := func() *State { return NewState(a.store.Begin(), a.params.Domain) }
	if r, ok, _ := st().RegistrationOfKey([32]byte(a.vals[1].PubKey().Bytes())); !ok || r.Number != 1 {
		t.Fatalf("validator 1's registration %+v %v", r, ok)
	}
	none := [][]oracle.Attestation{nil, nil, nil, nil}
	offender := common.Address(a.vals[1].PubKey().Address())
	a.evidence = []abci.Misbehavior{{Type: abci.MisbehaviorType_DUPLICATE_VOTE, Validator: abci.Validator{Address: offender[:], Power: 1}, Height: 2}}
	if _, ok := a.run(3, a.commit(2, none), nil); !ok {
		t.Fatal("block 3 refused")
	}
	due, err := st().SlashDue()
	evidence := EvidenceHash(abci.MisbehaviorType_DUPLICATE_VOTE, offender, 2)
	want := contracts.SlashDigest(a.params.Domain, 1, 2, evidence)
	if err != nil || due == nil || due.Subject != 1 || due.Signer != 1 || due.Digest != want {
		t.Fatalf("slash due %+v %v", due, err)
	}
	if _, ok := a.run(4, a.commit(3, none), nil); !ok {
		t.Fatal("block 4 refused")
	}
	stmts, err := st().SlashStatements()
	if err != nil || len(stmts) != 1 || stmts[0].Sigma == nil || stmts[0].Recorded != 4 || stmts[0].Height != 2 || stmts[0].EvidenceHash != evidence {
		t.Fatalf("slash statements %+v %v", stmts, err)
	}
	if err := threshold.VerifyKey(a.deal.EonKey, threshold.SigningIdentity(1337, 1, want).Point(), stmts[0].Sigma); err != nil {
		t.Fatalf("σ does not verify: %v", err)
	}
	if d, _ := st().SlashDue(); d != nil {
		t.Fatalf("still due once signed: %+v", d)
	}
	// L1 takes it; the oracle brings Slashed back.
	a.view[12] = [][]byte{logItem(t, reg, contracts.SequencerRegistryMetaData, "Slashed", uint64(1), common.Address{0xc0, 1}, uint64(2), [32]byte(evidence), big.NewInt(100))}
	a.lastL1 = 12
	seen = a.attest(12, 12)
	if _, ok := a.run(5, a.commit(4, [][]oracle.Attestation{seen, seen, seen, seen}), nil); !ok {
		t.Fatal("block 5 refused")
	}
	if r, ok, _ := st().Registration(1); !ok || !r.Slashed || r.Stake.Sign() != 0 {
		t.Fatalf("registration 1 after L1's Slashed: %+v", r)
	}
	a.replayAgrees()
}
