package dkg

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/veil-sequencer/veil/atomicfile"
	"github.com/veil-sequencer/veil/threshold"
)

// KeyFileVersion is the version of the keyper key file format.
const KeyFileVersion = 1

// ErrKeyFile is a key or eon file that is unreadable, inconsistent or too
// widely readable.
var ErrKeyFile = errors.New("dkg: bad key file")

// KeyperInfo is one keyper's public part, as in GET /v1/eon.
type KeyperInfo struct {
	Index          int                       `json:"index"`
	Address        common.Address            `json:"address"`
	PublicKeyShare *threshold.PublicKeyShare `json:"publicKeyShare"`
}

// EonInfo is an eon's public parts, the shape of GET /v1/eon (DESIGN §8) and
// of eon.json.
type EonInfo struct {
	Eon            uint64                  `json:"eon"`
	PublicKey      *threshold.EonPublicKey `json:"publicKey"`
	Threshold      int                     `json:"threshold"`
	Keypers        []KeyperInfo            `json:"keypers"`
	ActivationSlot uint64                  `json:"activationSlot"`
	ChainID        uint64                  `json:"chainId"`
}

// EonInfo returns the public parts of a result.
func (r *Result) EonInfo(activationSlot uint64) *EonInfo {
	info := &EonInfo{Eon: r.Config.Eon, PublicKey: r.EonKey, Threshold: r.Config.Threshold,
		ActivationSlot: activationSlot, ChainID: r.Config.ChainID}
	for i, a := range r.Config.Keypers {
		info.Keypers = append(info.Keypers, KeyperInfo{Index: i + 1, Address: a, PublicKeyShare: r.PublicShares[i]})
	}
	return info
}

// Committee checks the eon's public parts and returns them as a committee.
func (e *EonInfo) Committee() (*threshold.Committee, error) {
	if e.PublicKey == nil {
		return nil, fmt.Errorf("%w: no eon public key", ErrKeyFile)
	}
	shares := make([]*threshold.PublicKeyShare, len(e.Keypers))
	for i, k := range e.Keypers {
		if k.Index != i+1 || k.PublicKeyShare == nil {
			return nil, fmt.Errorf("%w: keyper entry %d has index %d or no public share", ErrKeyFile, i+1, k.Index)
		}
		shares[i] = k.PublicKeyShare
	}
	c, err := threshold.NewCommittee(e.PublicKey, shares, e.Threshold)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrKeyFile, err)
	}
	return c, nil
}

// keyFile is the on-disk form of one keyper's eon key (docs/dkg.md).
type keyFile struct {
	Version        int            `json:"version"`
	Index          int            `json:"index"`
	Address        common.Address `json:"address"`
	SecretKeyShare hexutil.Bytes  `json:"secretKeyShare"`
	Eon            *EonInfo       `json:"eon"`
}

// KeyShare is a keyper's eon key loaded from its key file.
type KeyShare struct {
	Eon     *EonInfo
	Index   int
	Address common.Address
	Share   *threshold.SecretKeyShare
}

// WriteKeyFile writes keyper r.Index's key file (mode 0600) atomically: a
// crash leaves either no file or the whole file.
func WriteKeyFile(path string, r *Result, activationSlot uint64) error {
	if r.Share == nil {
		return fmt.Errorf("%w: keyper %d has no share", ErrNoOwnShare, r.Index)
	}
	share := r.Share.Bytes()
	defer clear(share[:])
	kf := keyFile{Version: KeyFileVersion, Index: r.Index, Address: r.Config.Keypers[r.Index-1],
		SecretKeyShare: share[:], Eon: r.EonInfo(activationSlot)}
	b, err := json.MarshalIndent(kf, "", "  ")
	if err != nil {
		return err
	}
	defer clear(b)
	return atomicfile.Write(path, append(b, '\n'), 0o600)
}

// ReadKeyFile loads and checks a key file: readable by its owner only,
// version 1, the share matching the keyper's public share, the committee
// well formed.
func ReadKeyFile(path string) (*KeyShare, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrKeyFile, err)
	}
	if st.Mode().Perm()&0o077 != 0 {
		return nil, fmt.Errorf("%w: %s is readable by others (mode %v): chmod 600 it", ErrKeyFile, path, st.Mode().Perm())
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrKeyFile, err)
	}
	defer clear(b)
	var kf keyFile
	if err := strictJSON(b, &kf); err != nil {
		return nil, fmt.Errorf("%w: %s: %w", ErrKeyFile, path, err)
	}
	defer clear(kf.SecretKeyShare)
	if kf.Version != KeyFileVersion {
		return nil, fmt.Errorf("%w: %s: version %d, want %d", ErrKeyFile, path, kf.Version, KeyFileVersion)
	}
	if kf.Eon == nil {
		return nil, fmt.Errorf("%w: %s: no eon", ErrKeyFile, path)
	}
	c, err := kf.Eon.Committee()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	share, err := threshold.ParseSecretKeyShare(kf.SecretKeyShare)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %w", ErrKeyFile, path, err)
	}
	pub, err := c.PublicKeyShare(kf.Index)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %w", ErrKeyFile, path, err)
	}
	if !share.PublicKeyShare().Equal(pub) || kf.Eon.Keypers[kf.Index-1].Address != kf.Address {
		return nil, fmt.Errorf("%w: %s: the share or address is not keyper %d's", ErrKeyFile, path, kf.Index)
	}
	return &KeyShare{Eon: kf.Eon, Index: kf.Index, Address: kf.Address, Share: share}, nil
}

// WriteEonFile writes the eon's public parts (eon.json) atomically.
func WriteEonFile(path string, info *EonInfo) error {
	b, err := json.MarshalIndent(info, "", "  ")
	if err != nil {
		return err
	}
	return atomicfile.Write(path, append(b, '\n'), 0o644)
}

// ReadEonFile loads eon.json and checks that it makes a committee.
func ReadEonFile(path string) (*EonInfo, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrKeyFile, err)
	}
	info, err := ParseEonInfo(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return info, nil
}

// ParseEonInfo decodes an eon's public parts (eon.json, or a node's
// GET /v1/eon answer) strictly: no unknown fields, every key a valid point,
// keypers numbered 1…n, a valid threshold.
func ParseEonInfo(b []byte) (*EonInfo, error) {
	var info EonInfo
	if err := strictJSON(b, &info); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrKeyFile, err)
	}
	if _, err := info.Committee(); err != nil {
		return nil, err
	}
	return &info, nil
}

func strictJSON(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("data after the JSON object")
	}
	return nil
}
