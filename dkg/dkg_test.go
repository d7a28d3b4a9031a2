package dkg

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	mrand "math/rand/v2"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/threshold"
)

// longTermKey is keyper i's deterministic test key.
func longTermKey(t testing.TB, seed string, i int) *ecdsa.PrivateKey {
	k, err := crypto.ToECDSA(crypto.Keccak256([]byte(fmt.Sprintf("%s/%d", seed, i))))
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func testConfig(t testing.TB, n, th int, eon uint64) (Config, []*ecdsa.PrivateKey) {
	cfg := Config{ChainID: 1337, Eon: eon, Threshold: th}
	var keys []*ecdsa.PrivateKey
	for i := 1; i <= n; i++ {
		k := longTermKey(t, "veil-test", i)
		keys = append(keys, k)
		cfg.Keypers = append(cfg.Keypers, crypto.PubkeyToAddress(k.PublicKey))
	}
	return cfg, keys
}

func newLocal(t testing.TB, cfg Config, keys []*ecdsa.PrivateKey) *Local {
	l := &Local{}
	for i, key := range keys {
		var seed [32]byte
		copy(seed[:], fmt.Sprintf("rand/%d/%d", cfg.Eon, i))
		k, err := New(cfg, i+1, key, mrand.NewChaCha8(seed))
		if err != nil {
			t.Fatal(err)
		}
		l.Keypers = append(l.Keypers, k)
	}
	return l
}

func run(t *testing.T, l *Local) ([]*Result, []error, []Rejection) {
	t.Helper()
	res, errs, rej, err := l.Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return res, errs, rej
}

// checkAgreement asserts every listed keyper finished with the same eon key,
// public shares and qualified set, and that its share matches.
func checkAgreement(t *testing.T, res []*Result, errs []error, keypers []int, qualified []int) {
	t.Helper()
	first := res[keypers[0]-1]
	for _, i := range keypers {
		r, err := res[i-1], errs[i-1]
		if err != nil {
			t.Fatalf("keyper %d: %v", i, err)
		}
		if !r.EonKey.Equal(first.EonKey) || fmt.Sprint(r.Qualified) != fmt.Sprint(qualified) {
			t.Fatalf("keyper %d: eon key %s qualified %v; keyper %d: %s %v; want qualified %v",
				i, r.EonKey, r.Qualified, keypers[0], first.EonKey, first.Qualified, qualified)
		}
		for j := range r.PublicShares {
			if !r.PublicShares[j].Equal(first.PublicShares[j]) {
				t.Fatalf("keyper %d disagrees on keyper %d's public share", i, j+1)
			}
		}
		if !r.Share.PublicKeyShare().Equal(r.PublicShares[i-1]) {
			t.Fatalf("keyper %d: share does not match its public share", i)
		}
	}
}

// checkDecryption encrypts under the eon key and checks that the shares of
// keypers `signers` (≥ t) decrypt and that t−1 of them cannot.
func checkDecryption(t *testing.T, res []*Result, signers []int) {
	t.Helper()
	r := res[signers[0]-1]
	c, err := r.Committee()
	if err != nil {
		t.Fatal(err)
	}
	id := threshold.BidIdentity(1337, 9).Point()
	ct, err := threshold.Encrypt(nil, []byte("after the DKG"), r.EonKey, id)
	if err != nil {
		t.Fatal(err)
	}
	var claims []threshold.ShareClaim
	for _, i := range signers {
		claims = append(claims, threshold.ShareClaim{Keyper: i, Identity: id, Share: res[i-1].Share.Release(id)})
	}
	key, faults, err := c.CombineClaims(nil, claims)
	if err != nil || len(faults) > 0 {
		t.Fatal(err, faults)
	}
	if m, err := ct.Decrypt(key); err != nil || string(m) != "after the DKG" {
		t.Fatalf("decrypt with %v: %q %v", signers, m, err)
	}
	th := r.Config.Threshold
	if _, _, err := c.CombineClaims(nil, claims[:th-1]); !errors.Is(err, threshold.ErrTooFewShares) {
		t.Fatalf("t−1 shares: %v", err)
	}
	// A coalition of t−1 interpolating as if the threshold were t−1 gets
	// no key.
	if th > 1 {
		small, err := threshold.NewCommittee(r.EonKey, r.PublicShares, th-1)
		if err != nil {
			t.Fatal(err)
		}
		var sv []threshold.VerifiedShare
		for _, i := range signers[:th-1] {
			v, _ := small.VerifyShare(i, id, res[i-1].Share.Release(id))
			sv = append(sv, v)
		}
		wrong, err := small.Combine(sv)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ct.Decrypt(wrong); !errors.Is(err, threshold.ErrDecrypt) {
			t.Fatalf("t−1 shares decrypted: %v", err)
		}
	}
}

func seq(from, to int) []int {
	var s []int
	for i := from; i <= to; i++ {
		s = append(s, i)
	}
	return s
}

func TestHonestDKG(t *testing.T) {
	cfg, keys := testConfig(t, 7, 5, 1)
	l := newLocal(t, cfg, keys)
	// Capture each dealer's constant term while it deals.
	constants := map[int]*threshold.SecretKeyShare{}
	l.Deliver = func(to int, m *Message) *Message {
		if m.Phase == PhaseDeal && to == 1 {
			constants[int(m.Keyper)] = l.Keypers[m.Keyper-1].poly.Share(0)
		}
		return m
	}
	var phases []Phase
	l.Progress = func(s PhaseStats) { phases = append(phases, s.Phase) }
	res, errs, rej := run(t, l)
	if len(rej) != 0 {
		t.Fatalf("honest run rejected %v", rej)
	}
	if fmt.Sprint(phases) != "[announce deal complaint justification]" {
		t.Fatalf("phases %v", phases)
	}
	checkAgreement(t, res, errs, seq(1, 7), seq(1, 7))
	var parts []*threshold.SecretKeyShare
	for _, s := range constants {
		parts = append(parts, s)
	}
	if len(parts) != 7 || !bytes.Equal(threshold.SumShares(parts).PublicKeyShare().Bytes(), res[0].EonKey.Bytes()) {
		t.Fatal("eon key is not the sum of the dealers' constant terms")
	}
	checkDecryption(t, res, []int{7, 2, 4, 5, 1})
	checkDecryption(t, res, []int{3, 4, 5, 6, 7})
	for _, k := range l.Keypers {
		if k.eph != nil || k.poly != nil {
			t.Fatalf("keyper %d kept its ephemeral key or polynomial", k.index)
		}
	}
}

// corruptShareFor makes dealer's deal carry, for keyper victim, a share of
// the right form but the wrong value (encrypted properly, so only the
// commitment check catches it).
func corruptShareFor(l *Local, dealer, victim int) {
	k := l.Keypers[dealer-1]
	k.tamper = func(m *Message) {
		if m.Phase != PhaseDeal {
			return
		}
		wrong := k.poly.Share(victim + 100).Bytes()
		ct, err := eciesEncrypt(k, victim, wrong[:])
		if err != nil {
			panic(err)
		}
		m.Shares[victim-1] = ct
	}
}

func TestBadShareJustified(t *testing.T) {
	cfg, keys := testConfig(t, 7, 5, 1)
	l := newLocal(t, cfg, keys)
	corruptShareFor(l, 2, 5)
	var complaints, justifications int
	l.Progress = func(s PhaseStats) {
		switch s.Phase {
		case PhaseComplaint:
			complaints = s.Messages
		case PhaseJustification:
			justifications = s.Messages
		}
	}
	res, errs, _ := run(t, l)
	if complaints != 1 || justifications != 1 {
		t.Fatalf("%d complaints, %d justifications; want 1 and 1", complaints, justifications)
	}
	// Dealer 2 revealed keyper 5's true share: it stays, keyper 5 uses it.
	checkAgreement(t, res, errs, seq(1, 7), seq(1, 7))
	checkDecryption(t, res, []int{1, 2, 3, 4, 5})
}

func TestBadShareUnjustified(t *testing.T) {
	cfg, keys := testConfig(t, 7, 5, 1)
	l := newLocal(t, cfg, keys)
	corruptShareFor(l, 2, 5)
	l.Deliver = func(_ int, m *Message) *Message {
		if m.Phase == PhaseJustification && m.Keyper == 2 {
			return nil // dealer 2 stays silent when accused
		}
		return m
	}
	res, errs, _ := run(t, l)
	qual := []int{1, 3, 4, 5, 6, 7}
	checkAgreement(t, res, errs, seq(1, 7), qual)
	for _, r := range res {
		if len(r.Faults) != 1 || r.Faults[0].Dealer != 2 || !errors.Is(r.Faults[0], ErrUnjustified) {
			t.Fatalf("keyper %d faults %v", r.Index, r.Faults)
		}
	}
	checkDecryption(t, res, []int{5, 6, 7, 1, 2})
}

func TestInconsistentCommitments(t *testing.T) {
	cfg, keys := testConfig(t, 7, 5, 1)
	for _, tc := range []struct {
		name   string
		tamper func(k *Keyper, m *Message)
		want   error
	}{
		{"commitments of another polynomial", func(k *Keyper, m *Message) {
			other, _ := threshold.NewPolynomial(nil, 5)
			m.Commitments = other.Commit().Bytes()
		}, ErrUnjustified},
		{"t−1 commitments", func(k *Keyper, m *Message) { m.Commitments = m.Commitments[:4*threshold.G2Size] }, ErrBadDeal},
		{"commitment not on the curve", func(k *Keyper, m *Message) { m.Commitments[97] ^= 0xff }, ErrBadDeal},
		{"a share missing", func(k *Keyper, m *Message) { m.Shares = m.Shares[:6] }, ErrBadDeal},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := newLocal(t, cfg, keys)
			k := l.Keypers[2]
			k.tamper = func(m *Message) {
				if m.Phase == PhaseDeal {
					tc.tamper(k, m)
				}
			}
			res, errs, _ := run(t, l)
			checkAgreement(t, res, errs, seq(1, 7), []int{1, 2, 4, 5, 6, 7})
			if f := res[0].Faults; len(f) != 1 || f[0].Dealer != 3 || !errors.Is(f[0], tc.want) {
				t.Fatalf("faults %v, want dealer 3: %v", f, tc.want)
			}
		})
	}
}

func TestSilentKeypers(t *testing.T) {
	cfg, keys := testConfig(t, 7, 5, 1)
	t.Run("never announces", func(t *testing.T) {
		l := newLocal(t, cfg, keys)
		l.Keypers[6] = nil
		res, errs, _ := run(t, l)
		checkAgreement(t, res, errs, seq(1, 6), seq(1, 6))
		if f := res[0].Faults; len(f) != 1 || f[0].Dealer != 7 || !errors.Is(f[0], ErrSilent) {
			t.Fatalf("faults %v", f)
		}
		checkDecryption(t, res, seq(2, 6))
	})
	t.Run("announces, never deals", func(t *testing.T) {
		l := newLocal(t, cfg, keys)
		l.Deliver = func(_ int, m *Message) *Message {
			if m.Phase == PhaseDeal && m.Keyper == 4 {
				return nil
			}
			return m
		}
		res, errs, _ := run(t, l)
		// Keyper 4 still holds a share of the others' polynomials.
		checkAgreement(t, res, errs, seq(1, 7), []int{1, 2, 3, 5, 6, 7})
		checkDecryption(t, res, []int{4, 5, 6, 7, 1})
	})
}

func TestTooFewQualified(t *testing.T) {
	cfg, keys := testConfig(t, 4, 3, 1)
	l := newLocal(t, cfg, keys)
	l.Keypers[2], l.Keypers[3] = nil, nil
	res, errs, _ := run(t, l)
	for i := range 2 {
		var fe *FailureError
		if res[i] != nil || !errors.As(errs[i], &fe) || !errors.Is(errs[i], ErrTooFew) {
			t.Fatalf("keyper %d: %v %v", i+1, res[i], errs[i])
		}
		if fmt.Sprint(fe.Qualified) != "[1 2]" || len(fe.Faults) != 2 || fe.Faults[0].Dealer != 3 || fe.Faults[1].Dealer != 4 {
			t.Fatalf("keyper %d: %v", i+1, fe)
		}
	}
}

func TestRejectedMessages(t *testing.T) {
	cfg, keys := testConfig(t, 4, 3, 1)
	// An honest eon-1 run supplies genuine messages to replay.
	l := newLocal(t, cfg, keys)
	var announce, deal *Message
	l.Deliver = func(to int, m *Message) *Message {
		if to == 1 && m.Keyper == 2 {
			switch m.Phase {
			case PhaseAnnounce:
				announce = m
			case PhaseDeal:
				deal = m
			}
		}
		return m
	}
	run(t, l)

	fresh := func(c Config) *Keyper {
		k, err := New(c, 1, keys[0], nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := k.Start(); err != nil {
			t.Fatal(err)
		}
		return k
	}
	other := cfg
	other.Eon = 2
	otherChain := cfg
	otherChain.ChainID = 1
	otherSet := cfg
	otherSet.Threshold = 2 // same chain and eon, another committee: another salt

	forged := *announce
	forged.Signature, _ = eip712.Sign(announce.Digest(cfg.Domain()), longTermKey(t, "intruder", 1))
	resigned := *announce
	resigned.EphemeralKey = deal.Commitments[:33] // content changed after signing

	for _, tc := range []struct {
		name string
		cfg  Config
		m    *Message
		want error
	}{
		{"replay into another eon", other, announce, ErrWrongSession},
		{"replay into another chain", otherChain, announce, ErrWrongSession},
		{"replay into another committee", otherSet, announce, ErrBadSignature},
		{"forged signature", cfg, &forged, ErrBadSignature},
		{"altered after signing", cfg, &resigned, ErrBadSignature},
		{"deal during announce", cfg, deal, ErrWrongPhase},
		{"unknown keyper", cfg, func() *Message { m := *announce; m.Keyper = 9; return &m }(), ErrUnknownKeyper},
	} {
		t.Run(tc.name, func(t *testing.T) {
			k := fresh(tc.cfg)
			before := len(k.ephKeys)
			if err := k.Handle(tc.m); !errors.Is(err, tc.want) {
				t.Fatalf("got %v, want %v", err, tc.want)
			}
			if len(k.ephKeys) != before {
				t.Fatal("a rejected message changed the state")
			}
		})
	}

	t.Run("equivocating dealer", func(t *testing.T) {
		l := newLocal(t, cfg, keys)
		var first *Message
		l.Deliver = func(to int, m *Message) *Message {
			if m.Phase == PhaseDeal && m.Keyper == 2 && to == 1 {
				first = m
			}
			return m
		}
		// Keyper 2 also signs a second, different deal; keyper 3 sees both.
		second := make(chan *Message, 1)
		k2 := l.Keypers[1]
		k2.tamper = func(m *Message) {
			if m.Phase == PhaseDeal && len(second) == 0 {
				alt := *m
				alt.Commitments = bytes.Clone(m.Commitments)
				other, _ := threshold.NewPolynomial(nil, 3)
				alt.Commitments = other.Commit().Bytes()
				alt.Signature, _ = eip712.Sign(alt.Digest(cfg.Domain()), keys[1])
				second <- &alt
			}
		}
		origDeliver := l.Deliver
		l.Deliver = func(to int, m *Message) *Message {
			m = origDeliver(to, m)
			if m.Phase == PhaseDeal && m.Keyper == 2 {
				alt := <-second
				second <- alt
				// Every keyper gets both: the first is taken, the second is equivocation.
				if err := l.Keypers[to-1].Handle(m); err != nil {
					t.Errorf("first deal: %v", err)
				}
				return alt
			}
			return m
		}
		res, errs, rej := run(t, l)
		if first == nil {
			t.Fatal("no deal seen")
		}
		if len(rej) != 4 || !errors.Is(rej[0].Err, ErrEquivocation) {
			t.Fatalf("rejections %v", rej)
		}
		checkAgreement(t, res, errs, seq(1, 4), []int{1, 3, 4})
	})
}

func TestOutOfRangeIndices(t *testing.T) {
	cfg, keys := testConfig(t, 4, 3, 1)
	for _, tc := range []struct {
		name string
		m    *Message
	}{
		{"complaint against dealer 0", &Message{Phase: PhaseComplaint, Accused: []uint64{0, 2}}},
		{"complaint against dealer 5", &Message{Phase: PhaseComplaint, Accused: []uint64{5}}},
		{"justification for keyper 0", &Message{Phase: PhaseJustification, Keypers: []uint64{0}, Shares: [][]byte{make([]byte, 32)}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := newLocal(t, cfg, keys)
			// Bring keyper 1 to the message's phase with an honest run's deals.
			k := l.Keypers[0]
			l.Keypers = l.Keypers[:1]
			if _, err := k.Start(); err != nil {
				t.Fatal(err)
			}
			for k.Phase() != tc.m.Phase {
				if _, err := k.Advance(); err != nil {
					t.Fatal(err)
				}
			}
			tc.m.ChainID, tc.m.Eon, tc.m.Keyper = cfg.ChainID, cfg.Eon, 2
			tc.m.Signature, _ = eip712.Sign(tc.m.Digest(cfg.Domain()), keys[1])
			if err := k.Handle(tc.m); !errors.Is(err, ErrBadMessage) {
				t.Fatalf("got %v, want ErrBadMessage", err)
			}
		})
	}
}

// TestObserverAgrees: an observer, holding no key and sending nothing,
// computes from the public messages alone the result every keyper
// computes (qualified dealers, each fault's dealer and kind, the eon key,
// every public share), whatever the faults; with too few qualified it
// fails alike; it has no share and says nothing.
func TestObserverAgrees(t *testing.T) {
	cfg, keys := testConfig(t, 7, 5, 1)
	silentJustification := func(l *Local) {
		l.Deliver = func(_ int, m *Message) *Message {
			if m.Phase == PhaseJustification && m.Keyper == 2 {
				return nil
			}
			return m
		}
	}
	for _, tc := range []struct {
		name  string
		setup func(l *Local)
		fail  bool
	}{
		{"honest", func(*Local) {}, false},
		{"a bad share, justified", func(l *Local) { corruptShareFor(l, 2, 5) }, false},
		{"a bad share, unjustified", func(l *Local) { corruptShareFor(l, 2, 5); silentJustification(l) }, false},
		{"a silent keyper", func(l *Local) { l.Keypers[6] = nil }, false},
		{"inconsistent commitments", func(l *Local) {
			l.Keypers[2].tamper = func(m *Message) {
				if m.Phase == PhaseDeal {
					other, _ := threshold.NewPolynomial(nil, 5)
					m.Commitments = other.Commit().Bytes()
				}
			}
		}, false},
		{"too few qualified", func(l *Local) { l.Keypers[4], l.Keypers[5], l.Keypers[6] = nil, nil, nil }, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := newLocal(t, cfg, keys)
			tc.setup(l)
			obs, err := NewObserver(cfg)
			if err != nil {
				t.Fatal(err)
			}
			var said int
			deliver := l.Deliver
			l.Deliver = func(to int, m *Message) *Message {
				if m.Keyper == 0 {
					said++
				}
				if deliver != nil {
					return deliver(to, m)
				}
				return m
			}
			l.Keypers = append(l.Keypers, obs)
			res, errs, _ := run(t, l)
			got, gotErr := res[len(res)-1], errs[len(errs)-1]
			if said != 0 {
				t.Fatalf("the observer sent %d messages", said)
			}
			want, wantErr := res[0], errs[0]
			if tc.fail {
				var fe, ofe *FailureError
				if !errors.As(wantErr, &fe) || !errors.As(gotErr, &ofe) || fmt.Sprint(fe.Qualified) != fmt.Sprint(ofe.Qualified) {
					t.Fatalf("keyper 1: %v; observer: %v", wantErr, gotErr)
				}
				return
			}
			if wantErr != nil || gotErr != nil {
				t.Fatalf("keyper 1: %v; observer: %v", wantErr, gotErr)
			}
			if got.Index != 0 || got.Share != nil || !got.EonKey.Equal(want.EonKey) || fmt.Sprint(got.Qualified) != fmt.Sprint(want.Qualified) ||
				len(got.Faults) != len(want.Faults) || len(got.PublicShares) != len(want.PublicShares) {
				t.Fatalf("observer %+v, keyper 1 %+v", got, want)
			}
			for i := range got.Faults {
				if got.Faults[i].Dealer != want.Faults[i].Dealer || got.Faults[i].Err.Error() != want.Faults[i].Err.Error() {
					t.Fatalf("fault %d: observer %v, keyper 1 %v", i, got.Faults[i], want.Faults[i])
				}
			}
			for i := range got.PublicShares {
				if !got.PublicShares[i].Equal(want.PublicShares[i]) {
					t.Fatalf("public share %d differs", i+1)
				}
			}
		})
	}
}

// TestResumeSecrets: Secrets is nil before Start and after the result,
// the ephemeral key alone after Start, with the polynomial after the deal;
// Resume refuses secrets of a wrong length, a key out of range, or a
// polynomial of another threshold, naming the ephemeral state.
func TestResumeSecrets(t *testing.T) {
	cfg, keys := testConfig(t, 4, 3, 1)
	k, err := New(cfg, 1, keys[0], nil)
	if err != nil {
		t.Fatal(err)
	}
	if k.Secrets() != nil {
		t.Fatal("secrets before Start")
	}
	if _, err := k.Start(); err != nil {
		t.Fatal(err)
	}
	if got := len(k.Secrets()); got != 32 {
		t.Fatalf("%d bytes of secrets after Start, want 32", got)
	}
	if _, err := k.Advance(); err != nil {
		t.Fatal(err)
	}
	full := k.Secrets()
	if len(full) != 32+3*32 {
		t.Fatalf("%d bytes of secrets after the deal, want %d", len(full), 32+3*32)
	}
	other, _ := testConfig(t, 4, 2, 1)
	for _, tc := range []struct {
		name    string
		cfg     Config
		secrets []byte
	}{
		{"empty", cfg, nil},
		{"short", cfg, full[:31]},
		{"a partial coefficient", cfg, full[:40]},
		{"a key of zeros", cfg, make([]byte, 32)},
		{"another threshold", other, full},
	} {
		if _, err := Resume(tc.cfg, 1, keys[0], tc.secrets, nil); !errors.Is(err, ErrEphemeralState) {
			t.Errorf("%s: %v, want ErrEphemeralState", tc.name, err)
		}
	}
	if _, err := Resume(cfg, 1, keys[0], full, nil); err != nil {
		t.Fatalf("resuming from its own secrets: %v", err)
	}
}

// TestUnaskedJustificationIgnored: a dealer that, besides answering the
// one complaint against it, reveals a junk share to a keyper that did not
// complain is neither disqualified nor costs anyone a check for it: only
// complainers' shares are verified.
func TestUnaskedJustificationIgnored(t *testing.T) {
	cfg, keys := testConfig(t, 7, 5, 1)
	l := newLocal(t, cfg, keys)
	corruptShareFor(l, 2, 5)
	deal := l.Keypers[1].tamper
	l.Keypers[1].tamper = func(m *Message) {
		deal(m)
		if m.Phase == PhaseJustification {
			m.Keypers = append(m.Keypers, 6)
			m.Shares = append(m.Shares, make([]byte, 32)) // not even a share
		}
	}
	res, errs, _ := run(t, l)
	checkAgreement(t, res, errs, seq(1, 7), seq(1, 7))
	checkDecryption(t, res, []int{1, 2, 3, 4, 5})
}
