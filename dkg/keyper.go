package dkg

import (
	"bytes"
	"crypto/ecdsa"
	crand "crypto/rand"
	"encoding/binary"
	"fmt"
	"io"
	"math/big"
	"slices"
	"strings"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/crypto/ecies"

	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/eon"
	"github.com/veil-sequencer/veil/threshold"
)

// Fault names a dealer that was disqualified and why.
type Fault struct {
	Dealer int
	Err    error
}

func (f Fault) Error() string { return fmt.Sprintf("dealer %d: %v", f.Dealer, f.Err) }
func (f Fault) Unwrap() error { return f.Err }

// FailureError is a DKG that ended with fewer than t qualified dealers. It
// names every disqualified dealer.
type FailureError struct {
	Qualified []int
	Threshold int
	Faults    []Fault
}

func (e *FailureError) Error() string {
	parts := make([]string, len(e.Faults))
	for i, f := range e.Faults {
		parts[i] = f.Error()
	}
	return fmt.Sprintf("%v: %d qualified of threshold %d; %s", ErrTooFew, len(e.Qualified), e.Threshold, strings.Join(parts, "; "))
}

func (e *FailureError) Unwrap() error { return ErrTooFew }

// Result is what a DKG gives one keyper.
type Result struct {
	Config       Config
	Index        int                         // this keyper, from 1; 0 for an observer
	EonKey       *threshold.EonPublicKey     // Σ qualified dealers' a₀·G2
	Share        *threshold.SecretKeyShare   // this keyper's s_i; nil with ErrNoOwnShare
	PublicShares []*threshold.PublicKeyShare // every keyper's s_j·G2, [j-1]
	Qualified    []int                       // dealers whose polynomials make the key
	Faults       []Fault                     // dealers disqualified, and why
}

// Eon returns the public parts of a result, taking effect at activationSlot.
func (r *Result) Eon(activationSlot uint64) *eon.Info {
	info := &eon.Info{Eon: r.Config.Eon, PublicKey: r.EonKey, Threshold: r.Config.Threshold,
		ActivationSlot: activationSlot, ChainID: r.Config.ChainID}
	for i, a := range r.Config.Keypers {
		info.Keypers = append(info.Keypers, eon.Keyper{Index: i + 1, Address: a, PublicKeyShare: r.PublicShares[i]})
	}
	return info
}

// KeyShare returns this keyper's share of the eon, for its key file.
func (r *Result) KeyShare(activationSlot uint64) (*eon.Share, error) {
	if r.Share == nil {
		return nil, fmt.Errorf("%w: keyper %d has no share", ErrNoOwnShare, r.Index)
	}
	return &eon.Share{Eon: r.Eon(activationSlot), Index: r.Index, Address: r.Config.Keypers[r.Index-1], Share: r.Share}, nil
}

// Committee returns the public side of the result, for verifying and
// combining key shares.
func (r *Result) Committee() (*threshold.Committee, error) {
	return threshold.NewCommittee(r.EonKey, r.PublicShares, r.Config.Threshold)
}

type deal struct {
	commitment *threshold.Commitment
	share      *threshold.SecretKeyShare // this keyper's share; nil if missing or invalid
}

// Keyper is one keyper's DKG state machine. It is not safe for concurrent
// use; the driver serialises calls.
type Keyper struct {
	cfg    Config
	domain eip712.Domain
	index  int
	key    *ecdsa.PrivateKey
	rand   io.Reader

	phase Phase
	eph   *ecies.PrivateKey
	poly  *threshold.Polynomial

	received   map[Phase]map[int][]byte // first message per phase and sender, encoded
	ephKeys    map[int]*ecies.PublicKey
	deals      map[int]*deal
	faults     map[int]error
	complained []uint64             // dealers this keyper complains about
	complaints map[int][]int        // dealer → complainers
	justified  map[int]map[int]bool // dealer → complainers answered validly

	result *Result
	err    error

	// tamper, set only by tests, rewrites this keyper's messages before it
	// signs them: a keyper that is malicious but holds its own key.
	tamper func(*Message)
}

// New makes keyper index's state machine (index from 1). key is its
// long-term signing key, whose address must be cfg.Keypers[index-1]; rand
// (nil: crypto/rand) supplies the ephemeral key and the polynomial.
func New(cfg Config, index int, key *ecdsa.PrivateKey, rand io.Reader) (*Keyper, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if index < 1 || index > cfg.N() {
		return nil, fmt.Errorf("%w: keyper %d of %d", ErrConfig, index, cfg.N())
	}
	if key == nil || crypto.PubkeyToAddress(key.PublicKey) != cfg.Keypers[index-1] {
		return nil, fmt.Errorf("%w: key is not keyper %d's (%s)", ErrConfig, index, cfg.Keypers[index-1])
	}
	if rand == nil {
		rand = crand.Reader
	}
	k := blank(cfg)
	k.index, k.key, k.rand = index, key, rand
	return k, nil
}

// blank is a state machine for cfg before Start: no keyper, key or
// randomness yet (an observer stays so).
func blank(cfg Config) *Keyper {
	return &Keyper{
		cfg: cfg, domain: cfg.Domain(),
		received:   make(map[Phase]map[int][]byte),
		ephKeys:    make(map[int]*ecies.PublicKey),
		deals:      make(map[int]*deal),
		faults:     make(map[int]error),
		complaints: make(map[int][]int),
		justified:  make(map[int]map[int]bool),
	}
}

// Secrets is what this keyper must keep to take up its DKG again after a
// restart: its ephemeral key once started, and its polynomial once it
// dealt (32 bytes each, big-endian: the key, then the coefficients). The
// rest comes back from the public transcript (Resume). nil before Start
// and after the result, when they are wiped. Handle it as a secret.
func (k *Keyper) Secrets() []byte {
	if k.eph == nil {
		return nil
	}
	out := k.eph.D.FillBytes(make([]byte, 32))
	if k.poly != nil {
		out = append(out, k.poly.Bytes()...)
	}
	return out
}

// Resume makes keyper index's state machine again from what Secrets
// returned: Start announces the same ephemeral key and, if it had dealt,
// its deal is of the same polynomial (its shares encrypted anew), so the
// shares dealt to it still decrypt and its justifications still match its
// commitments. Feed it the transcript as at first.
func Resume(cfg Config, index int, key *ecdsa.PrivateKey, secrets []byte, rand io.Reader) (*Keyper, error) {
	k, err := New(cfg, index, key, rand)
	if err != nil {
		return nil, err
	}
	if len(secrets) < 32 || (len(secrets)-32)%threshold.ScalarSize != 0 {
		return nil, fmt.Errorf("%w: secrets of %d bytes", ErrEphemeralState, len(secrets))
	}
	eph, err := crypto.ToECDSA(secrets[:32])
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrEphemeralState, err)
	}
	k.eph = ecies.ImportECDSA(eph)
	if len(secrets) > 32 {
		if k.poly, err = threshold.ParsePolynomial(secrets[32:]); err != nil {
			return nil, fmt.Errorf("%w: %w", ErrEphemeralState, err)
		}
		if k.poly.Threshold() != cfg.Threshold {
			return nil, fmt.Errorf("%w: a polynomial of %d coefficients for threshold %d", ErrEphemeralState, k.poly.Threshold(), cfg.Threshold)
		}
	}
	return k, nil
}

// NewObserver is a state machine that holds no key and sends nothing: it
// takes the session's public messages and computes its public result
// (qualified dealers, faults, the eon key and every keyper's public share)
// exactly as every keyper does, since only public messages decide them.
// It is what the chain runs over the transcript it orders (protocol
// §10). Start and Advance return no messages; its Result has no Share.
func NewObserver(cfg Config) (*Keyper, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	return blank(cfg), nil
}

// Index is this keyper's index (from 1); 0 for an observer.
func (k *Keyper) Index() int { return k.index }

// observer reports whether k holds no key (NewObserver).
func (k *Keyper) observer() bool { return k.index == 0 }

// Phase is the phase whose messages Handle accepts now (0 before Start).
func (k *Keyper) Phase() Phase { return k.phase }

// Start opens the announce phase and returns this keyper's announcement of
// a fresh ephemeral key.
func (k *Keyper) Start() (*Message, error) {
	if k.phase != 0 {
		return nil, fmt.Errorf("%w: already started", ErrWrongPhase)
	}
	if k.observer() {
		k.phase = PhaseAnnounce
		return nil, nil
	}
	if k.eph == nil { // Resume sets it
		eph, err := ecies.GenerateKey(k.rand, crypto.S256(), nil)
		if err != nil {
			return nil, fmt.Errorf("dkg: ephemeral key: %w", err)
		}
		k.eph = eph
	}
	k.phase = PhaseAnnounce
	return k.sign(&Message{Phase: PhaseAnnounce, EphemeralKey: crypto.CompressPubkey(k.eph.PublicKey.ExportECDSA())})
}

func (k *Keyper) sign(m *Message) (*Message, error) {
	m.ChainID, m.Eon, m.Keyper = k.cfg.ChainID, k.cfg.Eon, uint64(k.index)
	if k.tamper != nil {
		k.tamper(m)
	}
	sig, err := eip712.Sign(m.Digest(k.domain), k.key)
	if err != nil {
		return nil, err
	}
	m.Signature = sig
	return m, nil
}

// Handle takes one message of the current phase (the keyper's own
// included). Cheap checks come first (session, sender, shape), then the
// signature, then the phase's own checks. An error names the sender and the
// fault; a rejected message changes nothing. A dealer's provable faults
// (a malformed deal, two different deals, a false justification) disqualify
// it as well. Repeating a message already taken is a no-op.
func (k *Keyper) Handle(m *Message) error {
	if err := check(k.cfg, k.domain, m); err != nil {
		return err
	}
	sender := int(m.Keyper)
	if m.Phase != k.phase {
		return fmt.Errorf("%w: %s from keyper %d during %s", ErrWrongPhase, m.Phase, sender, k.phase)
	}
	enc := m.Encode()
	if prev, ok := k.received[m.Phase][sender]; ok {
		if bytes.Equal(prev, enc) {
			return nil
		}
		if m.Phase == PhaseDeal {
			k.disqualify(sender, ErrEquivocation)
		}
		return fmt.Errorf("%w: keyper %d in %s", ErrEquivocation, sender, m.Phase)
	}
	var err error
	switch m.Phase {
	case PhaseAnnounce:
		err = k.handleAnnounce(sender, m)
	case PhaseDeal:
		k.handleDeal(sender, m)
	case PhaseComplaint:
		err = k.handleComplaint(sender, m)
	case PhaseJustification:
		err = k.handleJustification(sender, m)
	}
	if err != nil {
		return err
	}
	if k.received[m.Phase] == nil {
		k.received[m.Phase] = make(map[int][]byte)
	}
	k.received[m.Phase][sender] = enc
	return nil
}

// Check runs on m the checks Handle makes of any message whatever its
// state: the session, the sender, the shape, the signature, and each
// phase's own stateless checks (an announced key that parses, accused
// dealers and justified keypers in range). A message that passes is one
// every keyper of cfg takes in its phase, once: what the chain admits into
// the transcript it orders (protocol §10).
func Check(cfg Config, m *Message) error {
	return check(cfg, cfg.Domain(), m)
}

func check(cfg Config, domain eip712.Domain, m *Message) error {
	if m.ChainID != cfg.ChainID || m.Eon != cfg.Eon {
		return fmt.Errorf("%w: chain %d eon %d from keyper %d, want chain %d eon %d",
			ErrWrongSession, m.ChainID, m.Eon, m.Keyper, cfg.ChainID, cfg.Eon)
	}
	if m.Keyper < 1 || m.Keyper > uint64(cfg.N()) {
		return fmt.Errorf("%w: keyper %d", ErrUnknownKeyper, m.Keyper)
	}
	if err := m.checkShape(); err != nil {
		return err
	}
	sender := int(m.Keyper)
	if err := eip712.Verify(m.Digest(domain), m.Signature, cfg.Keypers[sender-1]); err != nil {
		return fmt.Errorf("%w: %s from keyper %d: %w", ErrBadSignature, m.Phase, sender, err)
	}
	switch m.Phase {
	case PhaseAnnounce:
		if _, err := crypto.DecompressPubkey(m.EphemeralKey); err != nil {
			return fmt.Errorf("%w: announce from keyper %d: ephemeral key: %w", ErrBadMessage, sender, err)
		}
	case PhaseComplaint:
		for _, d := range m.Accused {
			if d < 1 || d > uint64(cfg.N()) {
				return fmt.Errorf("%w: complaint from keyper %d against unknown dealer %d", ErrBadMessage, sender, d)
			}
		}
	case PhaseJustification:
		for _, j := range m.Keypers {
			if j < 1 || j > uint64(cfg.N()) {
				return fmt.Errorf("%w: justification from dealer %d for unknown keyper %d", ErrBadMessage, sender, j)
			}
		}
	}
	return nil
}

func (k *Keyper) handleAnnounce(sender int, m *Message) error {
	pub, err := crypto.DecompressPubkey(m.EphemeralKey)
	if err != nil {
		return fmt.Errorf("%w: announce from keyper %d: ephemeral key: %w", ErrBadMessage, sender, err)
	}
	k.ephKeys[sender] = ecies.ImportECDSAPublic(pub)
	return nil
}

// shareContext is ECIES's shared info for the share from dealer to keyper,
// so a ciphertext cannot be replayed to another keyper, eon or chain.
func (k *Keyper) shareContext(dealer, keyper int) []byte {
	b := []byte("veil/dkg/share/v1")
	b = binary.BigEndian.AppendUint64(b, k.cfg.ChainID)
	b = binary.BigEndian.AppendUint64(b, k.cfg.Eon)
	b = binary.BigEndian.AppendUint64(b, uint64(dealer))
	return binary.BigEndian.AppendUint64(b, uint64(keyper))
}

// handleDeal never rejects a validly signed deal: a malformed one is public
// proof against its dealer, who is disqualified by every keyper alike.
func (k *Keyper) handleDeal(dealer int, m *Message) {
	if len(m.Shares) != k.cfg.N() {
		k.disqualify(dealer, fmt.Errorf("%w: %d shares for %d keypers", ErrBadDeal, len(m.Shares), k.cfg.N()))
		return
	}
	c, err := threshold.ParseCommitment(m.Commitments, k.cfg.Threshold)
	if err != nil {
		k.disqualify(dealer, fmt.Errorf("%w: %w", ErrBadDeal, err))
		return
	}
	d := &deal{commitment: c}
	k.deals[dealer] = d
	if k.eph == nil {
		return
	}
	plain, err := k.eph.Decrypt(m.Shares[k.index-1], k.shareContext(dealer, k.index), nil)
	if err == nil {
		var s *threshold.SecretKeyShare
		if s, err = threshold.ParseSecretKeyShare(plain); err == nil && c.VerifyShare(k.index, s) {
			d.share = s
		}
		clear(plain)
	}
	if d.share == nil {
		k.complained = append(k.complained, uint64(dealer))
	}
}

func (k *Keyper) handleComplaint(sender int, m *Message) error {
	for _, d := range m.Accused {
		k.complaints[int(d)] = append(k.complaints[int(d)], sender)
	}
	return nil
}

func (k *Keyper) handleJustification(dealer int, m *Message) error {
	d := k.deals[dealer]
	if d == nil || k.faults[dealer] != nil {
		return nil // nothing to justify: the dealer is out already
	}
	for i, j := range m.Keypers {
		// Only complaints need answers: a share revealed to no complainer
		// is not checked, so a dealer cannot make every keyper (and the
		// chain's observer) check n shares by listing everyone.
		if !slices.Contains(k.complaints[dealer], int(j)) {
			continue
		}
		s, err := threshold.ParseSecretKeyShare(m.Shares[i])
		if err != nil || !d.commitment.VerifyShare(int(j), s) {
			k.disqualify(dealer, fmt.Errorf("%w: revealed share for keyper %d does not match the commitment", ErrUnjustified, j))
			return nil
		}
		if k.justified[dealer] == nil {
			k.justified[dealer] = make(map[int]bool)
		}
		k.justified[dealer][int(j)] = true
		if int(j) == k.index && d.share == nil {
			d.share = s
		}
	}
	return nil
}

func (k *Keyper) disqualify(dealer int, err error) {
	if k.faults[dealer] == nil {
		k.faults[dealer] = err
	}
}

// Advance ends the current phase and returns the messages to broadcast for
// the next one (to every keyper, this one included). Ending the
// justification phase computes the result: then it returns no messages and,
// if the DKG failed, a *FailureError naming the dealers at fault.
func (k *Keyper) Advance() ([]*Message, error) {
	switch k.phase {
	case PhaseAnnounce:
		k.phase = PhaseDeal
		if k.observer() {
			return nil, nil
		}
		m, err := k.makeDeal()
		if err != nil {
			return nil, err
		}
		return []*Message{m}, nil
	case PhaseDeal:
		for d := 1; d <= k.cfg.N(); d++ {
			if k.deals[d] == nil {
				k.disqualify(d, ErrSilent)
			}
		}
		k.phase = PhaseComplaint
		if len(k.complained) == 0 {
			return nil, nil
		}
		slices.Sort(k.complained)
		m, err := k.sign(&Message{Phase: PhaseComplaint, Accused: slices.Compact(k.complained)})
		return []*Message{m}, err
	case PhaseComplaint:
		k.phase = PhaseJustification
		accusers := slices.Compact(slices.Sorted(slices.Values(k.complaints[k.index])))
		if len(accusers) == 0 || k.poly == nil {
			return nil, nil
		}
		m := &Message{Phase: PhaseJustification}
		for _, j := range accusers {
			s := k.poly.Share(j).Bytes()
			m.Keypers = append(m.Keypers, uint64(j))
			m.Shares = append(m.Shares, s[:])
		}
		m, err := k.sign(m)
		return []*Message{m}, err
	case PhaseJustification:
		k.phase = PhaseDone
		k.result, k.err = k.finish()
		k.wipe()
		return nil, k.err
	}
	return nil, fmt.Errorf("%w: cannot advance from %s", ErrWrongPhase, k.phase)
}

func (k *Keyper) makeDeal() (*Message, error) {
	if k.poly == nil { // Resume sets it
		poly, err := threshold.NewPolynomial(k.rand, k.cfg.Threshold)
		if err != nil {
			return nil, err
		}
		k.poly = poly
	}
	poly := k.poly
	m := &Message{Phase: PhaseDeal, Commitments: poly.Commit().Bytes(), Shares: make([][]byte, k.cfg.N())}
	for j := 1; j <= k.cfg.N(); j++ {
		pub := k.ephKeys[j]
		if pub == nil {
			m.Shares[j-1] = []byte{} // j announced no key: nothing can reach it
			continue
		}
		s := poly.Share(j).Bytes()
		ct, err := ecies.Encrypt(k.rand, pub, s[:], k.shareContext(k.index, j), nil)
		clear(s[:])
		if err != nil {
			return nil, fmt.Errorf("dkg: encrypt share for keyper %d: %w", j, err)
		}
		m.Shares[j-1] = ct
	}
	return k.sign(m)
}

func (k *Keyper) finish() (*Result, error) {
	for dealer, accusers := range k.complaints {
		if k.deals[dealer] == nil || k.faults[dealer] != nil {
			continue
		}
		for _, j := range accusers {
			if !k.justified[dealer][j] {
				k.disqualify(dealer, fmt.Errorf("%w: keyper %d's complaint", ErrUnjustified, j))
				break
			}
		}
	}
	res := &Result{Config: k.cfg, Index: k.index}
	for d := 1; d <= k.cfg.N(); d++ {
		if err := k.faults[d]; err != nil {
			res.Faults = append(res.Faults, Fault{Dealer: d, Err: err})
		} else {
			res.Qualified = append(res.Qualified, d)
		}
	}
	if len(res.Qualified) < k.cfg.Threshold {
		return nil, &FailureError{Qualified: res.Qualified, Threshold: k.cfg.Threshold, Faults: res.Faults}
	}
	commitments := make([]*threshold.Commitment, len(res.Qualified))
	var shares []*threshold.SecretKeyShare
	for i, d := range res.Qualified {
		commitments[i] = k.deals[d].commitment
		if s := k.deals[d].share; s != nil {
			shares = append(shares, s)
		}
	}
	var err error
	if res.EonKey, res.PublicShares, err = threshold.Aggregate(commitments, k.cfg.N()); err != nil {
		return nil, fmt.Errorf("dkg: aggregate: %w", err)
	}
	if k.observer() {
		return res, nil
	}
	if len(shares) != len(res.Qualified) {
		return res, fmt.Errorf("%w: keyper %d has %d of %d dealers' shares", ErrNoOwnShare, k.index, len(shares), len(res.Qualified))
	}
	res.Share = threshold.SumShares(shares)
	if !res.Share.PublicKeyShare().Equal(res.PublicShares[k.index-1]) {
		return res, fmt.Errorf("%w: keyper %d's share does not match its public share", ErrNoOwnShare, k.index)
	}
	return res, nil
}

// wipe drops the ephemeral key, the polynomial and the dealers' shares once
// the result exists: none of them may outlive the DKG.
func (k *Keyper) wipe() {
	if k.eph != nil {
		zeroBig(k.eph.D)
		k.eph = nil
	}
	if k.poly != nil {
		k.poly.Zero()
		k.poly = nil
	}
	for _, d := range k.deals {
		if d.share != nil {
			d.share.Zero()
			d.share = nil
		}
	}
}

// Result returns the outcome once the justification phase has ended. With
// ErrNoOwnShare the public parts are still there.
func (k *Keyper) Result() (*Result, error) {
	if k.phase != PhaseDone {
		return nil, ErrNotDone
	}
	return k.result, k.err
}

// zeroBig overwrites a big.Int's words, not just its length.
func zeroBig(x *big.Int) {
	clear(x.Bits())
	x.SetInt64(0)
}
