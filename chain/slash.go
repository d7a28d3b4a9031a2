package chain

import (
	"encoding/binary"
	"fmt"
	"math/big"
	"slices"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/cometbft/cometbft/crypto/ed25519"
	"github.com/ethereum/go-ethereum/common"
)

// Slashing (protocol §3): CometBFT turns a validator's equivocation (two
// conflicting votes at one height and round) into evidence, commits it in a
// block and hands it to FinalizeBlock as misbehaviour. Veil takes the
// offender's whole bond and sets its voting power to 0, so from two heights
// on it neither votes nor proposes. Its keyper share stays part of the eon
// (shares are checked against its public share, so it cannot lie with
// them); a new eon without it needs the next DKG.
const (
	prefixValidatorKey = 0x14 // ‖ CometBFT validator address(20) → ed25519 public key(32), from genesis
	prefixSlashed      = 0x15 // ‖ CometBFT validator address(20) → slot(8) ‖ misbehaviour height(8) ‖ amount(32) [‖ 0x01: kept its power]
)

// Slash is the record of a slashed validator.
type Slash struct {
	Slot   uint64   // the block that slashed it
	Height uint64   // where it equivocated
	Amount *big.Int // the bond taken (burnt: it goes to no one)
	// Kept is set when it was the last validator in good standing: it
	// keeps its power (and stays in CometBFT's set), so it still signs.
	Kept bool
}

// Validator is a genesis validator as the state has it now.
type Validator struct {
	Bond
	PubKey  []byte // ed25519
	Slashed *Slash // nil while in good standing
}

func (s *State) setValidatorKey(addr common.Address, pub []byte) {
	s.b.Set(key(prefixValidatorKey, addr[:]), pub)
}

// Validators lists every genesis validator by address, with its bond and
// whether it was slashed.
func (s *State) Validators() ([]Validator, error) {
	var out []Validator
	var err error
	scanErr := s.b.Scan([]byte{prefixValidatorKey}, func(k, v []byte) bool {
		addr := common.BytesToAddress(k[1:])
		if len(k) != 21 || len(v) != ed25519.PubKeySize {
			err = fmt.Errorf("%w: validator key %x", ErrCorrupt, k)
			return false
		}
		var b Bond
		var ok bool
		if b, ok, err = s.Bond(addr); err != nil || !ok {
			if err == nil {
				err = fmt.Errorf("%w: validator %s has no bond", ErrCorrupt, addr)
			}
			return false
		}
		val := Validator{Bond: b, PubKey: append([]byte(nil), v...)}
		if val.Slashed, err = s.slashed(addr); err != nil {
			return false
		}
		out = append(out, val)
		return true
	})
	if scanErr != nil {
		return nil, scanErr
	}
	return out, err
}

func (s *State) slashed(addr common.Address) (*Slash, error) {
	v, err := s.b.Get(key(prefixSlashed, addr[:]))
	if err != nil || v == nil {
		return nil, err
	}
	if (len(v) != 48 && len(v) != 49) || (len(v) == 49 && v[48] != 1) {
		return nil, fmt.Errorf("%w: slash record of %s is %d bytes", ErrCorrupt, addr, len(v))
	}
	return &Slash{Slot: binary.BigEndian.Uint64(v), Height: binary.BigEndian.Uint64(v[8:]), Amount: new(big.Int).SetBytes(v[16:48]),
		Kept: len(v) == 49}, nil
}

// slash applies a block's misbehaviour, in CometBFT's order: each
// offender not yet slashed loses its bond and gets power 0. Evidence
// against an address that is not a genesis validator, or one already
// slashed, changes nothing. The last validator in good standing keeps its
// power (CometBFT cannot run with an empty set), though it loses its bond.
func (s *State) slash(slot uint64, evidence []abci.Misbehavior) ([]abci.ValidatorUpdate, error) {
	if len(evidence) == 0 {
		return nil, nil
	}
	vals, err := s.Validators()
	if err != nil {
		return nil, err
	}
	// Power is CometBFT's to change only for validators in its set when
	// the update applies (slot+2): one that left, or leaves then, loses
	// its bond and nothing else. The last member in good standing keeps
	// its power.
	set, err := s.cometSet(slot + 2)
	if err != nil {
		return nil, err
	}
	standing := make(map[common.Address]*Validator, len(vals))
	members := 0
	for i := range vals {
		if vals[i].Slashed == nil {
			standing[vals[i].Validator] = &vals[i]
			if slices.Contains(set, [32]byte(vals[i].PubKey)) {
				members++
			}
		}
	}
	var updates []abci.ValidatorUpdate
	for _, m := range evidence {
		if len(m.Validator.Address) != common.AddressLength {
			continue
		}
		v, ok := standing[common.BytesToAddress(m.Validator.Address)]
		if !ok {
			continue
		}
		delete(standing, v.Validator)
		rec := binary.BigEndian.AppendUint64(nil, slot)
		rec = binary.BigEndian.AppendUint64(rec, uint64(max(m.Height, 0)))
		rec = append(rec, common.BigToHash(v.Amount).Bytes()...)
		switch {
		case !slices.Contains(set, [32]byte(v.PubKey)):
		case members > 1:
			members--
			updates = append(updates, abci.Ed25519ValidatorUpdate(v.PubKey, 0))
		default:
			rec = append(rec, 1) // kept: CometBFT cannot run with an empty set
		}
		s.b.Set(key(prefixSlashed, v.Validator[:]), rec)
		s.SetBond(Bond{Validator: v.Validator, Keyper: v.Keyper, Amount: new(big.Int)})
	}
	return updates, nil
}
