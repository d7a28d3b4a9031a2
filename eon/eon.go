// Package eon describes an eon: the committee's public key, its keypers
// with their public key shares, the threshold and when it takes effect, and
// a keyper's own secret share of it. It is the vocabulary shared by the
// DKG that makes an eon, the key files that store it, the chain that
// carries it in genesis, the keypers that serve it and the clients that
// encrypt to it; it does no I/O.
package eon

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/ethereum/go-ethereum/common"

	"github.com/veil-sequencer/veil/threshold"
)

// ErrInvalid is an eon description that does not make a committee.
var ErrInvalid = errors.New("eon: invalid description")

// Keyper is one keyper's public part, as in GET /v1/eon.
type Keyper struct {
	Index          int                       `json:"index"`
	Address        common.Address            `json:"address"`
	PublicKeyShare *threshold.PublicKeyShare `json:"publicKeyShare"`
}

// Info is an eon's public parts, the shape of GET /v1/eon and of eon.json.
type Info struct {
	Eon            uint64                  `json:"eon"`
	PublicKey      *threshold.EonPublicKey `json:"publicKey"`
	Threshold      int                     `json:"threshold"`
	Keypers        []Keyper                `json:"keypers"`
	ActivationSlot uint64                  `json:"activationSlot"`
	ChainID        uint64                  `json:"chainId"`
}

// Committee checks the eon's public parts and returns them as a committee.
func (e *Info) Committee() (*threshold.Committee, error) {
	if e.PublicKey == nil {
		return nil, fmt.Errorf("%w: no eon public key", ErrInvalid)
	}
	shares := make([]*threshold.PublicKeyShare, len(e.Keypers))
	for i, k := range e.Keypers {
		if k.Index != i+1 || k.PublicKeyShare == nil {
			return nil, fmt.Errorf("%w: keyper entry %d has index %d or no public share", ErrInvalid, i+1, k.Index)
		}
		shares[i] = k.PublicKeyShare
	}
	c, err := threshold.NewCommittee(e.PublicKey, shares, e.Threshold)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	return c, nil
}

// Parse decodes an eon's public parts (eon.json, genesis, or a node's
// GET /v1/eon answer) strictly: no unknown fields, every key a valid point,
// keypers numbered 1…n, a valid threshold.
func Parse(b []byte) (*Info, error) {
	var info Info
	if err := StrictJSON(b, &info); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	if _, err := info.Committee(); err != nil {
		return nil, err
	}
	return &info, nil
}

// Share is one keyper's membership of an eon: the eon's public parts, its
// index and address among the keypers, and its secret key share.
type Share struct {
	Eon     *Info
	Index   int
	Address common.Address
	Share   *threshold.SecretKeyShare
}

// Check reports whether the share is keyper Index's in a well-formed eon:
// its public share and address are the ones the eon lists.
func (s *Share) Check() error {
	if s.Eon == nil || s.Share == nil {
		return fmt.Errorf("%w: no eon or no secret share", ErrInvalid)
	}
	c, err := s.Eon.Committee()
	if err != nil {
		return err
	}
	pub, err := c.PublicKeyShare(s.Index)
	if err != nil {
		return fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	if !s.Share.PublicKeyShare().Equal(pub) || s.Eon.Keypers[s.Index-1].Address != s.Address {
		return fmt.Errorf("%w: the share or address is not keyper %d's", ErrInvalid, s.Index)
	}
	return nil
}

// StrictJSON decodes one JSON object into v, refusing unknown fields and
// trailing data: the files and answers that describe an eon are checked,
// not guessed at.
func StrictJSON(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	// More misses a stray "}" or "]"; only the end of input will do.
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("data after the JSON object")
	}
	return nil
}
