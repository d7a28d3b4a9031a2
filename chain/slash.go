package chain

import (
	"encoding/binary"
	"fmt"
	"math/big"
	"slices"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/cometbft/cometbft/crypto/ed25519"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/veil-sequencer/veil/contracts"
	"github.com/veil-sequencer/veil/proposer"
	"github.com/veil-sequencer/veil/threshold"
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
		if err := s.dueSlash(v, m); err != nil {
			return nil, err
		}
	}
	return updates, nil
}

// Slashing reaches L1 (protocol §9): a validator slashed here whose
// CometBFT key a proven registration owns gets a Slash statement, which
// the active committee signs like a batch header and a node sends to
// SequencerRegistry.slash; L1's Slashed comes back through the oracle.
const prefixSlashStatement = 0x36 // ‖ registration(8) → digest(32) ‖ height(8) ‖ evidenceHash(32) [‖ σ(48) ‖ the block that recorded it(8)]

// EvidenceHash names one misbehaviour for L1, which takes each once:
// keccak256("veil/evidence/v1" ‖ type(1) ‖ validator address(20) ‖
// height(8)).
func EvidenceHash(kind abci.MisbehaviorType, validator common.Address, height uint64) common.Hash {
	b := append([]byte("veil/evidence/v1"), byte(kind))
	b = append(b, validator[:]...)
	return crypto.Keccak256Hash(binary.BigEndian.AppendUint64(b, height))
}

// dueSlash writes the Slash statement of a validator just slashed, on a
// network with an L1, if a proven registration owns its key and L1 has
// not slashed it.
func (s *State) dueSlash(v *Validator, m abci.Misbehavior) error {
	l1, err := s.L1()
	if err != nil || l1 == nil {
		return err
	}
	r, ok, err := s.RegistrationOfKey([32]byte(v.PubKey))
	if err != nil || !ok || r.Slashed {
		return err
	}
	height := uint64(max(m.Height, 0))
	evidence := EvidenceHash(m.Type, v.Validator, height)
	digest := contracts.SlashDigest(s.domain, r.Number, height, evidence)
	v2 := append(digest.Bytes(), u64(height)...)
	s.b.Set(key(prefixSlashStatement, u64(r.Number)), append(v2, evidence[:]...))
	return nil
}

// SlashStatement is a Slash statement as the chain keeps it.
type SlashStatement struct {
	Registration uint64
	Height       uint64
	EvidenceHash common.Hash
	Digest       common.Hash
	Sigma        *threshold.IdentityKey // nil until recorded
	Recorded     uint64
}

func decodeSlashStatement(k, v []byte) (*SlashStatement, error) {
	if len(k) != 9 || (len(v) != 72 && len(v) != 72+48+8) {
		return nil, fmt.Errorf("%w: slash statement %x of %d bytes", ErrCorrupt, k, len(v))
	}
	st := &SlashStatement{Registration: binary.BigEndian.Uint64(k[1:]), Digest: common.BytesToHash(v[:32]),
		Height: binary.BigEndian.Uint64(v[32:]), EvidenceHash: common.BytesToHash(v[40:72])}
	if len(v) > 72 {
		sigma, err := threshold.ParseIdentityKey(v[72:120])
		if err != nil {
			return nil, fmt.Errorf("%w: slash statement σ: %v", ErrCorrupt, err)
		}
		st.Sigma, st.Recorded = sigma, binary.BigEndian.Uint64(v[120:])
	}
	return st, nil
}

// SlashStatements lists the Slash statements, by registration.
func (s *State) SlashStatements() ([]*SlashStatement, error) {
	var out []*SlashStatement
	var bad error
	if err := s.b.Scan([]byte{prefixSlashStatement}, func(k, v []byte) bool {
		st, err := decodeSlashStatement(k, v)
		if err != nil {
			bad = err
			return false
		}
		out = append(out, st)
		return true
	}); err != nil {
		return nil, err
	}
	return out, bad
}

// slashDue is the lowest Slash statement without σ, for the active
// committee to sign.
func (s *State) slashDue(active uint64) (*proposer.StatementDue, error) {
	var due *proposer.StatementDue
	var bad error
	if err := s.b.Scan([]byte{prefixSlashStatement}, func(k, v []byte) bool {
		if len(v) != 72 {
			return true // signed
		}
		st, err := decodeSlashStatement(k, v)
		if err != nil {
			bad = err
			return false
		}
		due = &proposer.StatementDue{Subject: st.Registration, Signer: active, Digest: st.Digest}
		return false
	}); err != nil {
		return nil, err
	}
	return due, bad
}

// SlashDue is the Slash statement the active committee has yet to sign
// (nil: none).
func (s *State) SlashDue() (*proposer.StatementDue, error) {
	active, err := activeEon(s.b)
	if err != nil {
		return nil, err
	}
	return s.slashDue(active)
}

// recordSlashSig stores a checked record's σ of the due Slash statement.
func (s *State) recordSlashSig(sig *proposer.StatementSig, slot uint64) error {
	k := key(prefixSlashStatement, u64(sig.Subject))
	v, err := s.b.Get(k)
	if err != nil {
		return err
	}
	if len(v) != 72 {
		return fmt.Errorf("%w: registration %d's slash statement is %d bytes", ErrCorrupt, sig.Subject, len(v))
	}
	v = append(append(append([]byte(nil), v...), sig.Sigma.Bytes()...), u64(slot)...)
	s.b.Set(k, v)
	return nil
}
