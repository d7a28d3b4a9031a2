// Package dkg is the committee's distributed key generation: joint-Feldman
// (protocol §2) as a pure state machine per keyper. Messages go in through
// Keyper.Handle, phases end when the driver calls Keyper.Advance (at a chain
// height, or when a local run has delivered everything), and the messages to
// broadcast come out. There is no I/O, clock or global randomness inside: the
// driver owns transport, timing and the io.Reader.
//
// Phases: announce (each keyper publishes a per-eon ephemeral secp256k1 key),
// deal (Feldman commitments in G2 and every peer's share ECIES-encrypted to
// that peer's ephemeral key), complaint (keypers name dealers whose share to
// them was missing or wrong), justification (accused dealers reveal the
// disputed shares), result. Every message is EIP-712-signed by its keyper's
// long-term key under a type per phase binding chain id and eon.
package dkg

import (
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/threshold"
)

// Errors of the DKG. Handle wraps them with the offending keyper.
var (
	ErrConfig         = errors.New("dkg: bad configuration")
	ErrWrongSession   = errors.New("dkg: message for another chain or eon")
	ErrUnknownKeyper  = errors.New("dkg: sender is not a keyper of this DKG")
	ErrBadSignature   = errors.New("dkg: bad signature")
	ErrWrongPhase     = errors.New("dkg: message for another phase")
	ErrEquivocation   = errors.New("dkg: two different messages from one keyper in one phase")
	ErrBadMessage     = errors.New("dkg: malformed message")
	ErrBadDeal        = errors.New("dkg: malformed deal")
	ErrSilent         = errors.New("dkg: no deal")
	ErrUnjustified    = errors.New("dkg: complaint not answered with a valid share")
	ErrTooFew         = errors.New("dkg: fewer qualified dealers than the threshold")
	ErrNotDone        = errors.New("dkg: no result yet")
	ErrNoOwnShare     = errors.New("dkg: no valid share for this keyper")
	ErrEphemeralState = errors.New("dkg: no ephemeral key")
)

// Config is one DKG session, the same at every keyper: the chain, the eon
// being keyed, the threshold and the keypers' long-term addresses (keyper i
// is Keypers[i-1]).
type Config struct {
	ChainID   uint64
	Eon       uint64
	Threshold int
	Keypers   []common.Address
}

// Validate checks 1 ≤ t ≤ n ≤ threshold.MaxKeypers and distinct addresses.
func (c Config) Validate() error {
	n := len(c.Keypers)
	if n < 1 || n > threshold.MaxKeypers || c.Threshold < 1 || c.Threshold > n {
		return fmt.Errorf("%w: threshold %d of %d keypers", ErrConfig, c.Threshold, n)
	}
	seen := make(map[common.Address]bool, n)
	for i, a := range c.Keypers {
		if seen[a] || a == (common.Address{}) {
			return fmt.Errorf("%w: keyper %d address %s is zero or repeated", ErrConfig, i+1, a)
		}
		seen[a] = true
	}
	return nil
}

// Salt binds signatures to this exact session: keccak256("veil/dkg/v1" ‖
// chainId ‖ eon ‖ t ‖ n ‖ addresses). The genesis eon's DKG runs before a
// genesis document (whose hash is the chain's domain salt) exists, so DKG
// messages use this salt instead.
func (c Config) Salt() common.Hash {
	buf := []byte("veil/dkg/v1")
	buf = binary.BigEndian.AppendUint64(buf, c.ChainID)
	buf = binary.BigEndian.AppendUint64(buf, c.Eon)
	buf = binary.BigEndian.AppendUint64(buf, uint64(c.Threshold))
	buf = binary.BigEndian.AppendUint64(buf, uint64(len(c.Keypers)))
	for _, a := range c.Keypers {
		buf = append(buf, a[:]...)
	}
	return crypto.Keccak256Hash(buf)
}

// Domain is the EIP-712 domain of the session's messages.
func (c Config) Domain() eip712.Domain { return eip712.Domain{ChainID: c.ChainID, Salt: c.Salt()} }

// N is the number of keypers.
func (c Config) N() int { return len(c.Keypers) }
