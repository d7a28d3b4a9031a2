package chain

import (
	"cmp"
	"encoding/binary"
	"fmt"
	"math/big"
	"slices"

	"github.com/cometbft/cometbft/crypto/ed25519"
	"github.com/ethereum/go-ethereum/common"

	"github.com/veil-sequencer/veil/contracts"
	"github.com/veil-sequencer/veil/l1event"
)

// Membership (protocol §10). The chain keeps SequencerRegistry's
// registrations as the oracle applies them, and at each epoch boundary
// computes the next validator set from them. L1 cannot check the
// registrant's ed25519 proof that it holds its CometBFT key, so the chain
// does, once, when it applies the registration.
const (
	prefixRegistration = 0x2d // ‖ registration(8) → keyper(20) ‖ cometPubKey(32) ‖ stake(32) ‖ exitRequestedAt(8) ‖ flags(1)
	prefixCometOwner   = 0x2e // ‖ cometPubKey(32) → registration(8): the first proven registration of the key
	keyNextSet         = 0x2f // → epoch(8) ‖ registration(8)…: the set computed at the last boundary
)

// Registration flags.
const (
	regProven    = 1 << iota // its proof verifies, and no earlier proven registration has its key
	regSlashed               // a Slash statement took its stake on L1
	regWithdrawn             // its stake went back to its keyper
)

// Registration is one SequencerRegistry registration as Veil applied it.
type Registration struct {
	Number          uint64
	Keyper          common.Address
	CometPubKey     [32]byte
	Stake           *big.Int
	ExitRequestedAt uint64 // L1 time of its exit request; 0 while it stays
	// Proven: its ed25519 proof verifies and its CometBFT key is no
	// earlier proven registration's. An unproven one never joins: a copy
	// of someone's key with a junk proof takes nothing from them.
	Proven, Slashed, Withdrawn bool
}

const registrationSize = 20 + 32 + 32 + 8 + 1

// CometAddress is the CometBFT validator address of its key.
func (r Registration) CometAddress() common.Address {
	return common.BytesToAddress(ed25519.PubKey(r.CometPubKey[:]).Address())
}

// eligible reports whether it may be in the next set, as far as L1 goes.
func (r Registration) eligible() bool {
	return r.Proven && r.ExitRequestedAt == 0 && !r.Slashed && !r.Withdrawn
}

func (r Registration) encode() []byte {
	out := make([]byte, 0, registrationSize)
	out = append(out, r.Keyper[:]...)
	out = append(out, r.CometPubKey[:]...)
	out = append(out, common.BigToHash(r.Stake).Bytes()...)
	out = binary.BigEndian.AppendUint64(out, r.ExitRequestedAt)
	var flags byte
	for _, f := range []struct {
		set  bool
		flag byte
	}{{r.Proven, regProven}, {r.Slashed, regSlashed}, {r.Withdrawn, regWithdrawn}} {
		if f.set {
			flags |= f.flag
		}
	}
	return append(out, flags)
}

func decodeRegistration(number uint64, v []byte) (Registration, error) {
	if len(v) != registrationSize {
		return Registration{}, fmt.Errorf("%w: registration %d of %d bytes", ErrCorrupt, number, len(v))
	}
	flags := v[92]
	return Registration{Number: number, Keyper: common.BytesToAddress(v[:20]), CometPubKey: [32]byte(v[20:52]),
		Stake: new(big.Int).SetBytes(v[52:84]), ExitRequestedAt: binary.BigEndian.Uint64(v[84:92]),
		Proven: flags&regProven != 0, Slashed: flags&regSlashed != 0, Withdrawn: flags&regWithdrawn != 0}, nil
}

// Registration is registration number as Veil applied it; ok is false if
// it did not apply it.
func (s *State) Registration(number uint64) (Registration, bool, error) {
	v, err := s.b.Get(key(prefixRegistration, u64(number)))
	if err != nil || v == nil {
		return Registration{}, false, err
	}
	r, err := decodeRegistration(number, v)
	return r, err == nil, err
}

// RegistrationOfKey is the proven registration of a CometBFT key; ok is
// false while it has none.
func (s *State) RegistrationOfKey(pub [32]byte) (Registration, bool, error) {
	v, err := s.b.Get(key(prefixCometOwner, pub[:]))
	if err != nil || v == nil {
		return Registration{}, false, err
	}
	if len(v) != 8 {
		return Registration{}, false, fmt.Errorf("%w: owner of a CometBFT key of %d bytes", ErrCorrupt, len(v))
	}
	r, ok, err := s.Registration(binary.BigEndian.Uint64(v))
	if err == nil && !ok {
		err = fmt.Errorf("%w: a CometBFT key owned by registration %d, which the state lacks", ErrCorrupt, binary.BigEndian.Uint64(v))
	}
	return r, ok, err
}

// Registrations lists every registration Veil applied, by number.
func (s *State) Registrations() ([]Registration, error) {
	var out []Registration
	var bad error
	err := s.b.Scan([]byte{prefixRegistration}, func(k, v []byte) bool {
		if len(k) != 9 {
			bad = fmt.Errorf("%w: registration key %x", ErrCorrupt, k)
			return false
		}
		r, err := decodeRegistration(binary.BigEndian.Uint64(k[1:]), v)
		if err != nil {
			bad = err
			return false
		}
		out = append(out, r)
		return true
	})
	return out, cmp.Or(err, bad)
}

func (s *State) setRegistration(r Registration) {
	s.b.Set(key(prefixRegistration, u64(r.Number)), r.encode())
}

// applyRegistry applies one of SequencerRegistry's membership events. A
// registration the chain already has, or an event for one it does not,
// is an L1 the chain does not know: skipped, never trusted.
func (s *State) applyRegistry(ev *l1event.Event, l1 *GenesisL1) error {
	if ev.Kind == l1event.Registered {
		if _, ok, err := s.Registration(ev.Registration); err != nil || ok {
			return cmp.Or(err, error(&eventError{fmt.Errorf("chain: registration %d applied twice", ev.Registration)}))
		}
		if ev.Amount == nil || ev.Amount.Sign() < 0 || ev.Amount.BitLen() > 256 {
			return &eventError{fmt.Errorf("chain: registration %d with stake %v", ev.Registration, ev.Amount)}
		}
		r := Registration{Number: ev.Registration, Keyper: ev.Keyper, CometPubKey: ev.CometPubKey, Stake: ev.Amount}
		msg := contracts.RegistrationMessage(l1.ChainID, l1.Contracts.SequencerRegistry, ev.Keyper)
		if len(ev.CometSig) == ed25519.SignatureSize && ed25519.PubKey(r.CometPubKey[:]).VerifySignature(msg, ev.CometSig) {
			owner, err := s.b.Get(key(prefixCometOwner, r.CometPubKey[:]))
			if err != nil {
				return err
			}
			if owner == nil {
				r.Proven = true
				s.b.Insert(key(prefixCometOwner, r.CometPubKey[:]), u64(r.Number))
			}
		}
		s.setRegistration(r)
		return nil
	}
	r, ok, err := s.Registration(ev.Registration)
	if err != nil {
		return err
	}
	if !ok || r.Keyper != ev.Keyper {
		return &eventError{fmt.Errorf("chain: %s of registration %d (keyper %s), which this chain does not have", ev.Kind, ev.Registration, ev.Keyper)}
	}
	switch ev.Kind {
	case l1event.ExitRequested:
		if r.ExitRequestedAt != 0 || ev.Timestamp == 0 {
			return &eventError{fmt.Errorf("chain: registration %d asked to exit at %d, and at %d", r.Number, r.ExitRequestedAt, ev.Timestamp)}
		}
		r.ExitRequestedAt = ev.Timestamp
	case l1event.StakeWithdrawn:
		r.Withdrawn, r.Stake = true, new(big.Int)
	case l1event.Slashed:
		r.Slashed, r.Stake = true, new(big.Int)
	default:
		return fmt.Errorf("chain: %s is no registry event", ev.Kind)
	}
	s.setRegistration(r)
	return nil
}

// NextSet is the validator set the chain computed at an epoch boundary.
type NextSet struct {
	Epoch   uint64 // the boundary's epoch: slot Epoch·epochSlots
	Members []Registration
}

// NextValidators is the set computed at the last epoch boundary; ok is
// false before the first.
func (s *State) NextValidators() (*NextSet, bool, error) {
	v, err := s.b.Get([]byte{keyNextSet})
	if err != nil || v == nil {
		return nil, false, err
	}
	if len(v) < 8 || (len(v)-8)%8 != 0 {
		return nil, false, fmt.Errorf("%w: next set of %d bytes", ErrCorrupt, len(v))
	}
	out := &NextSet{Epoch: binary.BigEndian.Uint64(v)}
	if out.Members, err = s.registrationsIn(v[8:], "the next set"); err != nil {
		return nil, false, err
	}
	return out, true, nil
}

// registrationList encodes a set of registrations as their numbers.
func registrationList(rs []Registration) []byte {
	out := make([]byte, 0, 8*len(rs))
	for _, r := range rs {
		out = binary.BigEndian.AppendUint64(out, r.Number)
	}
	return out
}

// registrationsIn reads a registrationList back, each registration as
// the state holds it; what names the record for a corrupt one.
func (s *State) registrationsIn(list []byte, what string) ([]Registration, error) {
	var out []Registration
	for rest := list; len(rest) > 0; rest = rest[8:] {
		n := binary.BigEndian.Uint64(rest)
		r, ok, err := s.Registration(n)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, fmt.Errorf("%w: %s names registration %d, which the state lacks", ErrCorrupt, what, n)
		}
		out = append(out, r)
	}
	return out, nil
}

// epochBoundary computes, in the block of slot (a multiple of
// epochSlots), the next validator set (protocol §10): registrations that
// are proven, not exiting, not slashed on L1 or in Veil and not
// withdrawn, the maxValidators largest stakes (ties to the earlier
// registration), one per CometBFT key (proven registrations own theirs).
//
// When that set differs from the current validators, it opens the next
// eon's DKG among it (openDKG).
func (s *State) epochBoundary(slot, epochSlots uint64, maxValidators int, activeEon uint64) error {
	if slot == 0 || slot%epochSlots != 0 {
		return nil
	}
	regs, err := s.Registrations()
	if err != nil {
		return err
	}
	var set []Registration
	for _, r := range regs {
		if !r.eligible() {
			continue
		}
		addr := r.CometAddress()
		if slashed, err := s.b.Get(key(prefixSlashed, addr[:])); err != nil {
			return err
		} else if slashed != nil {
			continue
		}
		set = append(set, r)
	}
	slices.SortStableFunc(set, func(a, b Registration) int {
		if c := b.Stake.Cmp(a.Stake); c != 0 {
			return c
		}
		return cmp.Compare(a.Number, b.Number)
	})
	set = set[:min(len(set), maxValidators)]
	s.b.Set([]byte{keyNextSet}, append(u64(slot/epochSlots), registrationList(set)...))
	return s.openDKG(slot, set, activeEon)
}
