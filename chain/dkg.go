package chain

import (
	"cmp"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/veil-sequencer/veil/dkg"
	"github.com/veil-sequencer/veil/eon"
	"github.com/veil-sequencer/veil/mempool"
	"github.com/veil-sequencer/veil/threshold"
)

// The next eon's DKG on chain (protocol §10). When an epoch boundary's next
// set differs from the current validators, the chain opens a DKG among the
// next set for a new eon: each of its four phases takes messages (chain
// transaction 0x04, the DKG's canonical encoding) for dkgPhaseSlots slots,
// the chain keeps the first valid message of each keyper in each phase,
// and in the first block after the last phase it runs a dkg observer over
// that transcript, so every node computes the same result from public
// messages alone: the new eon's public parts, or a failure.
const (
	keyDKG        = 0x30 // → eon(8) ‖ start(8) ‖ threshold(4) ‖ registration(8)…: the DKG running, or the last one
	prefixDKGMsg  = 0x31 // ‖ eon(8) ‖ phase(1) ‖ keyper(4) → the message's canonical encoding
	prefixDKGDone = 0x32 // ‖ eon(8) → 0x01 ‖ the eon's public parts (the GET /v1/eon shape), or 0x00 ‖ why it failed
)

// DKG is a DKG the chain opened.
type DKG struct {
	Eon       uint64
	Start     uint64 // the epoch boundary that opened it; phases take messages from Start+1 on
	Threshold int
	Members   []Registration // keyper i is Members[i-1]
}

// Config is the DKG's session as every keyper runs it.
func (d *DKG) Config(chainID uint64) dkg.Config {
	cfg := dkg.Config{ChainID: chainID, Eon: d.Eon, Threshold: d.Threshold}
	for _, m := range d.Members {
		cfg.Keypers = append(cfg.Keypers, m.Keyper)
	}
	return cfg
}

// PhaseAt is the phase whose messages slot's block takes: 0 at or before
// Start, dkg.PhaseDone once the four phases are over.
func (d *DKG) PhaseAt(slot, phaseSlots uint64) dkg.Phase {
	if slot <= d.Start {
		return 0
	}
	k := (slot - d.Start - 1) / phaseSlots
	if k >= 4 {
		return dkg.PhaseDone
	}
	return dkg.PhaseAnnounce + dkg.Phase(k)
}

// End is the first slot after the last phase: its block computes the
// result.
func (d *DKG) End(phaseSlots uint64) uint64 { return d.Start + 4*phaseSlots + 1 }

// DKGOutcome is how a DKG ended.
type DKGOutcome struct {
	Eon    *eon.Info // the new eon's public parts (activation slot 0 until fixed); nil if it failed
	Failed string    // why it failed
}

// dkgThreshold is the threshold of an n-keyper eon: ⌊2n/3⌋ + 1, as the
// genesis eon's.
func dkgThreshold(n int) int { return 2*n/3 + 1 }

func (d *DKG) encode() []byte {
	v := binary.BigEndian.AppendUint64(nil, d.Eon)
	v = binary.BigEndian.AppendUint64(v, d.Start)
	v = binary.BigEndian.AppendUint32(v, uint32(d.Threshold))
	return append(v, registrationList(d.Members)...)
}

// CurrentDKG is the DKG running, or the last one; ok is false before the
// first.
func (s *State) CurrentDKG() (*DKG, bool, error) {
	v, err := s.b.Get([]byte{keyDKG})
	if err != nil || v == nil {
		return nil, false, err
	}
	if len(v) < 20 || (len(v)-20)%8 != 0 {
		return nil, false, fmt.Errorf("%w: DKG record of %d bytes", ErrCorrupt, len(v))
	}
	d := &DKG{Eon: binary.BigEndian.Uint64(v), Start: binary.BigEndian.Uint64(v[8:]), Threshold: int(binary.BigEndian.Uint32(v[16:]))}
	if d.Members, err = s.registrationsIn(v[20:], "the DKG"); err != nil {
		return nil, false, err
	}
	return d, true, nil
}

// CurrentDKGEon is CurrentDKG's eon alone (0 and ok false before the
// first DKG), for readers such as a metrics scrape that need not read
// every member's registration.
func (s *State) CurrentDKGEon() (uint64, bool, error) {
	v, err := s.b.Get([]byte{keyDKG})
	if err != nil || v == nil {
		return 0, false, err
	}
	if len(v) < 20 || (len(v)-20)%8 != 0 {
		return 0, false, fmt.Errorf("%w: DKG record of %d bytes", ErrCorrupt, len(v))
	}
	return binary.BigEndian.Uint64(v), true, nil
}

// DKGOutcome is how the DKG of eon ended; ok is false while it runs.
func (s *State) DKGOutcome(number uint64) (*DKGOutcome, bool, error) {
	v, err := s.b.Get(key(prefixDKGDone, u64(number)))
	if err != nil || v == nil {
		return nil, false, err
	}
	if len(v) < 1 {
		return nil, false, fmt.Errorf("%w: DKG outcome of eon %d is empty", ErrCorrupt, number)
	}
	if v[0] == 0 {
		return &DKGOutcome{Failed: string(v[1:])}, true, nil
	}
	info, err := eon.Parse(v[1:])
	if err != nil {
		return nil, false, fmt.Errorf("%w: DKG outcome of eon %d: %w", ErrCorrupt, number, err)
	}
	return &DKGOutcome{Eon: info}, true, nil
}

// DKGOutcomeRaw is DKGOutcome without decoding the eon (its keys were
// checked when it was recorded): dealt, with the eon's JSON, or failed,
// with why. For readers that only pass it on.
func (s *State) DKGOutcomeRaw(number uint64) (dealt bool, data []byte, ok bool, err error) {
	v, err := s.b.Get(key(prefixDKGDone, u64(number)))
	if err != nil || v == nil {
		return false, nil, false, err
	}
	if len(v) < 1 {
		return false, nil, false, fmt.Errorf("%w: DKG outcome of eon %d is empty", ErrCorrupt, number)
	}
	return v[0] == 1, v[1:], true, nil
}

// DKGMessages is the transcript of eon's DKG in phase: each keyper's
// message, in keyper order.
func (s *State) DKGMessages(number uint64, phase dkg.Phase) ([]*dkg.Message, error) {
	var out []*dkg.Message
	var bad error
	err := s.b.Scan(key(prefixDKGMsg, u64(number), []byte{byte(phase)}), func(_, v []byte) bool {
		m, err := dkg.Decode(v)
		if err != nil {
			bad = fmt.Errorf("%w: a DKG message in state: %w", ErrCorrupt, err)
			return false
		}
		out = append(out, m)
		return true
	})
	return out, cmp.Or(err, bad)
}

// openDKG opens the next eon's DKG at an epoch boundary if the next set
// differs from the current validators and no DKG is running or waiting
// to activate (protocol §10). The eon number is one past any eon the
// chain has or tried: a failed DKG's number is never reused, so its
// messages can never count for another.
func (s *State) openDKG(slot uint64, set []Registration, activeEon uint64) error {
	if len(set) == 0 {
		return nil
	}
	current, err := s.cometSet(slot + 1)
	if err != nil {
		return err
	}
	var next [][32]byte
	for _, r := range set {
		next = append(next, r.CometPubKey)
	}
	if sameSet(current, next) {
		return nil
	}
	number := activeEon + 1
	if last, ok, err := s.CurrentDKG(); err != nil {
		return err
	} else if ok {
		dealt, _, done, err := s.DKGOutcomeRaw(last.Eon)
		switch {
		case err != nil:
			return err
		case !done:
			return nil // running
		case dealt && last.Eon > activeEon:
			return nil // dealt: it waits for its activation (or its expiry), and no other DKG opens meanwhile
		}
		number = max(number, last.Eon+1)
	}
	d := &DKG{Eon: number, Start: slot, Threshold: dkgThreshold(len(set)), Members: set}
	s.b.Set([]byte{keyDKG}, d.encode())
	return nil
}

func sameSet(a, b [][32]byte) bool {
	if len(a) != len(b) {
		return false
	}
	less := func(x, y [32]byte) int { return slices.Compare(x[:], y[:]) }
	a, b = slices.Clone(a), slices.Clone(b)
	slices.SortFunc(a, less)
	slices.SortFunc(b, less)
	return slices.Equal(a, b)
}

// maxDealShare bounds one encrypted share of a deal: go-ethereum's ECIES
// of a 32-byte scalar is 65 + 16 + 32 + 32 = 145 bytes.
const maxDealShare = 145

// DKG admission errors, beyond the DKG's own (a bad signature is
// bad_signature).
var (
	errNoDKG    = errors.New("chain: no DKG runs for this eon")
	errDKGPhase = errors.New("chain: a DKG message outside its phase")
	errDKGTwice = errors.New("chain: a second DKG message from one keyper in one phase")
)

// applyDKG admits a DKG message (chain transaction 0x04) in slot: for the
// DKG running, in the phase slot's block takes, from one of its keypers,
// signed by it, well formed, the keyper's first in the phase; it is kept
// for the transcript. A *txError is a rejection, which wrote nothing.
func (s *State) applyDKG(body []byte, slot, phaseSlots uint64) error {
	m, err := dkg.Decode(body)
	if err != nil {
		return &txError{code: mempool.CodeBadTx, err: err}
	}
	d, ok, err := s.CurrentDKG()
	if err != nil {
		return err
	}
	if !ok || d.Eon != m.Eon {
		return &txError{code: mempool.CodeDKGNotRunning, err: fmt.Errorf("%w: eon %d", errNoDKG, m.Eon)}
	}
	// The phase first: a DKG over takes no phase (its outcome is recorded
	// in the block of its End slot), and nothing costly runs before it.
	switch want := d.PhaseAt(slot, phaseSlots); {
	case want == dkg.PhaseDone:
		return &txError{code: mempool.CodeDKGNotRunning, err: fmt.Errorf("%w: eon %d's DKG is over", errNoDKG, m.Eon)}
	case m.Phase != want:
		return &txError{code: mempool.CodeDKGWrongPhase, err: fmt.Errorf("%w: %s in slot %d, which takes %s", errDKGPhase, m.Phase, slot, want)}
	}
	if m.Phase == dkg.PhaseDeal {
		// A deal's size is fixed by the DKG: n shares of one encrypted
		// scalar, t commitments. A deal of any other shape would only be
		// proof against its dealer; refused here, its dealer is silent and
		// disqualified alike, and no member can store more than a deal.
		n := len(d.Members)
		if len(m.Shares) != n || len(m.Commitments) != d.Threshold*threshold.G2Size {
			return &txError{code: mempool.CodeBadTx, err: fmt.Errorf("%w: a deal of %d shares and %d bytes of commitments, want %d and %d",
				dkg.ErrBadDeal, len(m.Shares), len(m.Commitments), n, d.Threshold*threshold.G2Size)}
		}
		for j, sh := range m.Shares {
			if len(sh) > maxDealShare {
				return &txError{code: mempool.CodeBadTx, err: fmt.Errorf("%w: share %d of %d bytes, at most %d", dkg.ErrBadDeal, j+1, len(sh), maxDealShare)}
			}
		}
	}
	if err := dkg.Check(d.Config(s.domain.ChainID), m); err != nil {
		code := mempool.CodeBadTx
		switch {
		case errors.Is(err, dkg.ErrBadSignature):
			code = mempool.CodeBadSignature
		case errors.Is(err, dkg.ErrUnknownKeyper):
			code = mempool.CodeDKGNotMember
		case errors.Is(err, dkg.ErrWrongSession):
			code = mempool.CodeDKGNotRunning
		}
		return &txError{code: code, err: err}
	}
	k := key(prefixDKGMsg, u64(d.Eon), []byte{byte(m.Phase)}, binary.BigEndian.AppendUint32(nil, uint32(m.Keyper)))
	if prev, err := s.b.Get(k); err != nil || prev != nil {
		return cmp.Or(err, error(&txError{code: mempool.CodeDKGDuplicate, err: fmt.Errorf("%w: keyper %d in %s", errDKGTwice, m.Keyper, m.Phase)}))
	}
	s.b.Insert(k, m.Encode())
	return nil
}

// finishDKG computes, in the block of the running DKG's End slot, its
// outcome from the transcript with a dkg observer: the same on every node.
func (s *State) finishDKG(slot, phaseSlots uint64) error {
	d, ok, err := s.CurrentDKG()
	if err != nil || !ok || slot != d.End(phaseSlots) {
		return err
	}
	cfg := d.Config(s.domain.ChainID)
	obs, err := dkg.NewObserver(cfg)
	if err != nil {
		return s.failDKG(d.Eon, "its configuration is refused", nil)
	}
	if _, err := obs.Start(); err != nil {
		return s.failDKG(d.Eon, "its observer would not start", nil)
	}
	for phase := dkg.PhaseAnnounce; phase < dkg.PhaseDone; phase++ {
		msgs, err := s.DKGMessages(d.Eon, phase)
		if err != nil {
			return err
		}
		for _, m := range msgs {
			_ = obs.Handle(m) // admitted by dkg.Check: a refusal here ignores it, as every keyper does
		}
		if _, err := obs.Advance(); err != nil && phase != dkg.PhaseJustification {
			return s.failDKG(d.Eon, "its observer failed in "+phase.String(), nil)
		}
	}
	res, err := obs.Result()
	var fe *dkg.FailureError
	switch {
	case errors.As(err, &fe):
		return s.failDKG(d.Eon, fmt.Sprintf("%d qualified dealers %v, threshold %d", len(fe.Qualified), fe.Qualified, d.Threshold), fe.Faults)
	case err != nil:
		return s.failDKG(d.Eon, "no result", nil)
	}
	// What is recorded must read back: a key or public share at infinity
	// (dealers who colluded) fails the DKG rather than the chain.
	raw, err := json.Marshal(res.Eon(0))
	if err != nil {
		return err
	}
	info, err := eon.Parse(raw)
	if err != nil {
		return s.failDKG(d.Eon, "its key does not make an eon", res.Faults)
	}
	digest, err := s.eonStatement(info, d.Members)
	if err != nil {
		return err
	}
	s.b.Insert(key(prefixDKGDone, u64(d.Eon)), append([]byte{1}, raw...))
	s.b.Set(key(prefixEonStatement, u64(d.Eon)), digest[:]) // σ is appended when recorded
	// Kept for good, apart from the outcome (which expiry may overwrite):
	// the block whose record signs this key must stay servable.
	dealt := binary.BigEndian.AppendUint32(nil, uint32(len(d.Members)))
	for _, m := range d.Members {
		dealt = append(dealt, m.CometPubKey[:]...)
	}
	s.b.Insert(key(prefixEonComet, u64(d.Eon)), append(dealt, raw...))
	return nil
}

// failDKG records eon's DKG failed: why, in words the chain chose, and
// each disqualified dealer with the kind of its fault. Nothing of an
// error's own wording is stored, so rewording one forks no replay.
func (s *State) failDKG(number uint64, why string, faults []dkg.Fault) error {
	for i, f := range faults {
		if i == 0 {
			why += "; disqualified:"
		}
		why += fmt.Sprintf(" %d (%s)", f.Dealer, faultKind(f.Err))
	}
	s.b.Insert(key(prefixDKGDone, u64(number)), append([]byte{0}, why...))
	return nil
}

// faultKind names a dealer's fault.
func faultKind(err error) string {
	for _, k := range []struct {
		err  error
		name string
	}{{dkg.ErrSilent, "silent"}, {dkg.ErrBadDeal, "bad_deal"}, {dkg.ErrEquivocation, "equivocation"}, {dkg.ErrUnjustified, "unjustified"}} {
		if errors.Is(err, k.err) {
			return k.name
		}
	}
	return "other"
}
