package chain

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"slices"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/ethereum/go-ethereum/common"

	"github.com/veil-sequencer/veil/contracts"
	"github.com/veil-sequencer/veil/eon"
	"github.com/veil-sequencer/veil/l1event"
	"github.com/veil-sequencer/veil/proposer"
	"github.com/veil-sequencer/veil/threshold"
)

// Eon handovers (protocol §10). A dealt DKG's eon is activated in four
// steps, each a state transition every node makes alike:
//
//  1. the DKG's last block records the EonKey statement's digest
//     (prefixEonStatement), which the active committee signs like a batch
//     header; a record carries σ and the chain keeps it;
//  2. a node registers the eon on L1 (SequencerRegistry.registerEon) with
//     σ; the oracle applies EonRegistered, and if it names exactly the
//     dealt key and members the chain fixes the activation slot, K + 1
//     slots after the block that applied it (keyActivation), so that every
//     bid for an earlier slot was sealed to the old eon;
//  3. the block two slots before it writes the next CometBFT validator set
//     (prefixValidatorSet) and returns it as ValidatorUpdates, which
//     CometBFT applies two heights later: at the activation slot;
//  4. the activation slot's block, at its top, makes the eon active and
//     drops every queued envelope (all name the old eon) uncharged.
//
// A dealt eon not registered within eonRegisterEpochs epochs of its DKG's
// end fails, and the next boundary runs another DKG.
const (
	prefixEonStatement = 0x33 // ‖ eon(8) → EonKey digest(32) [‖ σ(48) ‖ the block that recorded it(8)]
	keyActivation      = 0x34 // → eon(8) ‖ activation slot(8) ‖ the block that fixed it(8) ‖ the eon before it(8)
	prefixValidatorSet = 0x35 // ‖ first height(8) → the CometBFT validator set from that height: ed25519 keys(32)…
	prefixEonComet     = 0x37 // ‖ eon(8) → members(4) ‖ their CometBFT keys(32)…, in keyper order ‖ the eon's JSON, once dealt
)

// eonRegisterEpochs is how many epochs after its DKG's end a dealt eon may
// wait for its L1 registration before it counts as failed.
const eonRegisterEpochs = 2

// Activation is the next (or last) eon's activation as the chain fixed it.
type Activation struct {
	Eon     uint64 // the eon activated
	Slot    uint64 // its first slot
	FixedIn uint64 // the block that applied its L1 registration
	Prev    uint64 // the eon active before it
}

// LastActivation is the activation the chain fixed last (pending or done);
// ok is false before the first.
func (s *State) LastActivation() (Activation, bool, error) {
	v, err := s.b.Get([]byte{keyActivation})
	if err != nil || v == nil {
		return Activation{}, false, err
	}
	if len(v) != 32 {
		return Activation{}, false, fmt.Errorf("%w: activation record of %d bytes", ErrCorrupt, len(v))
	}
	u := binary.BigEndian.Uint64
	return Activation{Eon: u(v), Slot: u(v[8:]), FixedIn: u(v[16:]), Prev: u(v[24:])}, true, nil
}

// pendingActivation is the activation fixed and not yet reached at slot.
func (s *State) pendingActivation(slot uint64) (Activation, bool, error) {
	a, ok, err := s.LastActivation()
	if err != nil || !ok || a.Slot <= slot {
		return Activation{}, false, err
	}
	return a, true, nil
}

// EonOfSlot is the eon whose key slot's envelopes and bids name: the eon
// active at slot (by the last activation; slots older than the one before
// are not asked).
func (s *State) EonOfSlot(slot uint64) (uint64, error) {
	a, ok, err := s.LastActivation()
	if err != nil {
		return 0, err
	}
	if ok {
		if slot >= a.Slot {
			return a.Eon, nil
		}
		if active, err := activeEon(s.b); err != nil || active != a.Eon {
			return active, err // not active yet: slot is before it
		}
		return a.Prev, nil
	}
	return activeEon(s.b)
}

// EonInfo reads eon number's public parts (the active eon's or an earlier
// one's); ok is false for an eon never active.
func (s *State) EonInfo(number uint64) (*eon.Info, bool, error) {
	v, err := s.b.Get(key(prefixEon, u64(number)))
	if err != nil || v == nil {
		return nil, false, err
	}
	info, err := eon.Parse(v)
	if err != nil {
		return nil, false, fmt.Errorf("%w: eon %d: %v", ErrCorrupt, number, err)
	}
	return info, true, nil
}

// DealtEon is a dealt eon as its EonKey statement covers it: its members'
// CometBFT keys in keyper order and its public parts (the GET /v1/eon
// shape, activationSlot 0); ok is false for an eon never dealt. It stays
// after the eon expires unregistered, so the block that signed it can
// still be served.
func (s *State) DealtEon(number uint64) (cometKeys [][32]byte, info []byte, ok bool, err error) {
	v, err := s.b.Get(key(prefixEonComet, u64(number)))
	if err != nil || v == nil {
		return nil, nil, false, err
	}
	if len(v) < 4 || uint64(len(v)-4) < 32*uint64(binary.BigEndian.Uint32(v)) {
		return nil, nil, false, fmt.Errorf("%w: dealt eon %d of %d bytes", ErrCorrupt, number, len(v))
	}
	n := int(binary.BigEndian.Uint32(v))
	cometKeys = make([][32]byte, n)
	for i := range cometKeys {
		cometKeys[i] = [32]byte(v[4+32*i:])
	}
	return cometKeys, v[4+32*n:], true, nil
}

// eonStatement computes a dealt eon's EonKey digest: its key in the
// EIP-2537 encoding the registry stores, and its members (address,
// CometBFT key, public share) in keyper order.
func (s *State) eonStatement(info *eon.Info, members []Registration) (common.Hash, error) {
	keys := make([][32]byte, len(members))
	for i, m := range members {
		keys[i] = m.CometPubKey
	}
	ms, err := contracts.Members(info, keys)
	if err != nil {
		return common.Hash{}, err
	}
	return contracts.EonKeyDigest(s.domain, info.Eon, info.PublicKey.EIP2537(), contracts.KeypersRoot(ms)), nil
}

// EonStatement is a dealt eon's EonKey statement as the chain keeps it:
// its digest, and σ once recorded (nil before).
type EonStatement struct {
	Eon      uint64
	Digest   common.Hash
	Sigma    *threshold.IdentityKey
	Recorded uint64 // the block that recorded σ
}

// EonStatementOf reads eon number's statement; ok is false if its DKG
// was not dealt.
func (s *State) EonStatementOf(number uint64) (*EonStatement, bool, error) {
	v, err := s.b.Get(key(prefixEonStatement, u64(number)))
	if err != nil || v == nil {
		return nil, false, err
	}
	st := &EonStatement{Eon: number}
	switch len(v) {
	case 32:
	case 32 + 48 + 8:
		if st.Sigma, err = threshold.ParseIdentityKey(v[32:80]); err != nil {
			return nil, false, fmt.Errorf("%w: eon %d statement σ: %v", ErrCorrupt, number, err)
		}
		st.Recorded = binary.BigEndian.Uint64(v[80:])
	default:
		return nil, false, fmt.Errorf("%w: eon %d statement of %d bytes", ErrCorrupt, number, len(v))
	}
	st.Digest = common.BytesToHash(v[:32])
	return st, true, nil
}

// eonDue is the statement the active committee has yet to sign: that of
// the last DKG, if it was dealt, is not failed since, and has no σ.
func (s *State) eonDue(active uint64) (*proposer.StatementDue, error) {
	d, ok, err := s.CurrentDKG()
	if err != nil || !ok || d.Eon <= active {
		return nil, err
	}
	dealt, _, done, err := s.DKGOutcomeRaw(d.Eon)
	if err != nil || !done || !dealt {
		return nil, err
	}
	st, ok, err := s.EonStatementOf(d.Eon)
	if err != nil || !ok || st.Sigma != nil {
		return nil, err
	}
	return &proposer.StatementDue{Subject: d.Eon, Signer: active, Digest: st.Digest}, nil
}

// EonDue is the next eon's key statement the active committee has yet to
// sign (nil: none).
func (s *State) EonDue() (*proposer.StatementDue, error) {
	active, err := activeEon(s.b)
	if err != nil {
		return nil, err
	}
	return s.eonDue(active)
}

// recordEonSig stores a checked record's σ of the due statement.
func (s *State) recordEonSig(due *proposer.StatementDue, sig *proposer.StatementSig, slot uint64) {
	v := append(due.Digest.Bytes(), sig.Sigma.Bytes()...)
	s.b.Set(key(prefixEonStatement, u64(due.Subject)), append(v, u64(slot)...))
}

// applyEonRegistered applies SequencerRegistry's EonRegistered: if it
// registers the last DKG's dealt eon with exactly its key and members,
// and nothing is activating, the chain fixes the activation slot, K + 1
// after this block. Any other registration (an eon Veil never dealt, one
// that failed, a key that differs) is skipped: L1 accepted it, but Veil
// uses only the eons it made.
func (s *State) applyEonRegistered(ev *l1event.Event, slot, k uint64) error {
	active, err := activeEon(s.b)
	if err != nil {
		return err
	}
	if ev.Eon <= active {
		return nil // the genesis eon, registered at deployment, or one active already
	}
	d, ok, err := s.CurrentDKG()
	if err != nil {
		return err
	}
	if !ok || d.Eon != ev.Eon {
		return &eventError{fmt.Errorf("chain: L1 registered eon %d, which is not the last DKG's", ev.Eon)}
	}
	out, done, err := s.DKGOutcome(d.Eon)
	if err != nil {
		return err
	}
	if !done || out.Eon == nil {
		return &eventError{fmt.Errorf("chain: L1 registered eon %d, whose DKG was not dealt", ev.Eon)}
	}
	if a, ok, err := s.LastActivation(); err != nil {
		return err
	} else if ok && a.Eon >= d.Eon {
		return &eventError{fmt.Errorf("chain: eon %d's activation is fixed already", ev.Eon)}
	}
	keys := make([][32]byte, len(d.Members))
	for i, m := range d.Members {
		keys[i] = m.CometPubKey
	}
	ms, err := contracts.Members(out.Eon, keys)
	if err != nil {
		return err
	}
	if !bytes.Equal(ev.PublicKey, out.Eon.PublicKey.EIP2537()) || ev.KeypersRoot != contracts.KeypersRoot(ms) {
		return &eventError{fmt.Errorf("chain: L1 registered eon %d with another key or members than its DKG dealt", ev.Eon)}
	}
	v := append(u64(d.Eon), u64(slot+k+1)...)
	v = append(v, u64(slot)...)
	s.b.Set([]byte{keyActivation}, append(v, u64(active)...))
	return nil
}

// expireDealt fails the last DKG if it was dealt but its eon's activation
// was not fixed within eonRegisterEpochs epochs of its end.
func (s *State) expireDealt(slot, phaseSlots, epochSlots uint64) error {
	d, ok, err := s.CurrentDKG()
	if err != nil || !ok || slot != d.End(phaseSlots)+eonRegisterEpochs*epochSlots {
		return err
	}
	dealt, _, done, err := s.DKGOutcomeRaw(d.Eon)
	if err != nil || !done || !dealt {
		return err
	}
	if a, ok, err := s.LastActivation(); err != nil || (ok && a.Eon == d.Eon) {
		return err
	}
	s.b.Set(key(prefixDKGDone, u64(d.Eon)), append([]byte{0}, fmt.Sprintf("not registered on L1 within %d epochs", eonRegisterEpochs)...))
	s.b.Delete(key(prefixEonStatement, u64(d.Eon)))
	return nil
}

// membersAt is the CometBFT validator set at height h as the chain set
// it: the last set written for a height at or below h, or, before any,
// every validator the state knows (the genesis set of a chain whose
// genesis predates set records).
func (s *State) membersAt(h uint64) ([][32]byte, bool, error) {
	var last []byte
	if err := s.b.Scan([]byte{prefixValidatorSet}, func(k, v []byte) bool {
		if len(k) != 9 || binary.BigEndian.Uint64(k[1:]) > h {
			return false
		}
		last = v
		return true
	}); err != nil {
		return nil, false, err
	}
	if last == nil {
		return nil, false, nil
	}
	if len(last)%32 != 0 {
		return nil, false, fmt.Errorf("%w: validator set of %d bytes", ErrCorrupt, len(last))
	}
	out := make([][32]byte, len(last)/32)
	for i := range out {
		out[i] = [32]byte(last[32*i:])
	}
	return out, true, nil
}

func (s *State) setMembers(from uint64, keys [][32]byte) {
	var v []byte
	for _, k := range keys {
		v = append(v, k[:]...)
	}
	s.b.Set(key(prefixValidatorSet, u64(from)), v)
}

// IsMemberAt says whether a validator key is in CometBFT's set at h (the
// genesis set before any change).
func (s *State) IsMemberAt(h uint64, pub []byte) (bool, error) {
	set, ok, err := s.membersAt(h)
	if err != nil || !ok {
		return err == nil, err
	}
	return slices.ContainsFunc(set, func(k [32]byte) bool { return bytes.Equal(k[:], pub) }), nil
}

// scheduleSet runs after block slot's record: two slots before a fixed
// activation it writes the next validator set (the DKG's members that are
// not slashed in Veil, power 1 each), with a bond and validator key for
// each newcomer (its L1 stake), so that FinalizeBlock returns the change
// and CometBFT applies it at the activation slot.
func (s *State) scheduleSet(slot uint64) error {
	a, ok, err := s.pendingActivation(slot)
	if err != nil || !ok || a.Slot-2 != slot {
		return err
	}
	d, ok, err := s.CurrentDKG()
	if err != nil || !ok || d.Eon != a.Eon {
		return cmp.Or(err, fmt.Errorf("%w: eon %d activates without its DKG", ErrCorrupt, a.Eon))
	}
	if _, ok, err := s.membersAt(slot); err != nil {
		return err
	} else if !ok { // the first change: record the genesis set it replaces, before newcomers join the validators
		vals, err := s.Validators()
		if err != nil {
			return err
		}
		genesis := make([][32]byte, len(vals))
		for i, v := range vals {
			genesis[i] = [32]byte(v.PubKey)
		}
		s.setMembers(0, genesis)
	}
	var keys [][32]byte
	for _, m := range d.Members {
		addr := m.CometAddress()
		if slashed, err := s.b.Get(key(prefixSlashed, addr[:])); err != nil {
			return err
		} else if slashed != nil {
			continue
		}
		if _, ok, err := s.Bond(addr); err != nil {
			return err
		} else if !ok {
			s.SetBond(Bond{Validator: addr, Keyper: m.Keyper, Amount: m.Stake})
			s.setValidatorKey(addr, m.CometPubKey[:])
		}
		keys = append(keys, m.CometPubKey)
	}
	if len(keys) == 0 { // every member slashed since the boundary: CometBFT needs a set; keep the current one
		return nil
	}
	s.setMembers(a.Slot, keys)
	return nil
}

// setUpdates is the validator change block slot returns when a set was
// written for slot+2 (nil otherwise): CometBFT's set at slot+2 against its
// set at slot+1, slashes applied. Run after the block's slashes, it is the
// block's whole change: a member slashed now leaves once, and one slashed
// before joining never joins.
func (s *State) setUpdates(slot uint64) ([]abci.ValidatorUpdate, error) {
	v, err := s.b.Get(key(prefixValidatorSet, u64(slot+2)))
	if err != nil || v == nil {
		return nil, err
	}
	next, err := s.cometSet(slot + 2) // less those slashed by now, this block's too
	if err != nil {
		return nil, err
	}
	cur, err := s.cometSet(slot + 1)
	if err != nil {
		return nil, err
	}
	var out []abci.ValidatorUpdate
	for _, k := range cur {
		if !slices.Contains(next, k) {
			out = append(out, abci.Ed25519ValidatorUpdate(k[:], 0))
		}
	}
	for _, k := range next {
		if !slices.Contains(cur, k) {
			out = append(out, abci.Ed25519ValidatorUpdate(k[:], 1))
		}
	}
	return out, nil
}

// cometSet is CometBFT's validator set at height h: the members the
// chain set for h but those whose slash took effect by h (two heights
// after the block that slashed them), except one that kept its power as
// the last in good standing.
func (s *State) cometSet(h uint64) ([][32]byte, error) {
	vals, err := s.Validators()
	if err != nil {
		return nil, err
	}
	set, ok, err := s.membersAt(h)
	if err != nil {
		return nil, err
	}
	var out [][32]byte
	for _, v := range vals {
		k := [32]byte(v.PubKey)
		if ok && !slices.Contains(set, k) {
			continue
		}
		if v.Slashed != nil && !v.Slashed.Kept && v.Slashed.Slot+2 <= h {
			continue
		}
		out = append(out, k)
	}
	return out, nil
}

// activate runs at the top of block slot, before expiry: at a fixed
// activation's slot the dealt eon becomes active (its public parts kept
// under prefixEon with the activation slot) and every queued envelope,
// each naming the old eon, is dropped uncharged.
func (s *State) activate(slot uint64) (bool, error) {
	a, ok, err := s.LastActivation()
	if err != nil || !ok || a.Slot != slot {
		return false, err
	}
	out, done, err := s.DKGOutcome(a.Eon)
	if err != nil || !done || out.Eon == nil {
		return false, cmp.Or(err, fmt.Errorf("%w: eon %d activates without a dealt outcome", ErrCorrupt, a.Eon))
	}
	info := *out.Eon
	info.ActivationSlot = slot
	raw, err := json.Marshal(&info)
	if err != nil {
		return false, err
	}
	s.b.Insert(key(prefixEon, u64(a.Eon)), raw)
	s.b.Set([]byte{keyActiveEon}, u64(a.Eon))
	pool, err := s.Pool()
	if err != nil {
		return false, err
	}
	for _, q := range pool {
		if err := s.drop(q.Hash, ReasonEonChanged); err != nil {
			return false, err
		}
	}
	return true, s.resignSlashes()
}

// resignSlashes makes every signed Slash statement L1 has not applied due
// again at an activation: L1 checks σ under the eon in charge there, which
// is soon the new one, so σ of the old eon would never be taken.
func (s *State) resignSlashes() error {
	stmts, err := s.SlashStatements()
	if err != nil {
		return err
	}
	for _, st := range stmts {
		if st.Sigma == nil {
			continue
		}
		r, ok, err := s.Registration(st.Registration)
		if err != nil {
			return err
		}
		if ok && r.Slashed {
			continue
		}
		v := append(st.Digest.Bytes(), u64(st.Height)...)
		s.b.Set(key(prefixSlashStatement, u64(st.Registration)), append(v, st.EvidenceHash[:]...))
	}
	return nil
}
