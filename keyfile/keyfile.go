// Package keyfile reads and writes a keyper's files: its key file (its
// secret share of an eon, mode 0600) and the eon's public eon.json. Writes
// are atomic: a crash leaves the old file or the whole new one.
package keyfile

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/veil-sequencer/veil/atomicfile"
	"github.com/veil-sequencer/veil/eon"
	"github.com/veil-sequencer/veil/threshold"
)

// Version is the version of the key file format (docs/dkg.md).
const Version = 1

// ErrKeyFile is a key or eon file that is unreadable, inconsistent or too
// widely readable.
var ErrKeyFile = errors.New("keyfile: bad key file")

// file is the on-disk form of one keyper's eon key.
type file struct {
	Version        int            `json:"version"`
	Index          int            `json:"index"`
	Address        common.Address `json:"address"`
	SecretKeyShare hexutil.Bytes  `json:"secretKeyShare"`
	Eon            *eon.Info      `json:"eon"`
}

// Write writes a keyper's key file (mode 0600) atomically.
func Write(path string, s *eon.Share) error {
	if s.Share == nil {
		return fmt.Errorf("%w: keyper %d has no share", ErrKeyFile, s.Index)
	}
	share := s.Share.Bytes()
	defer clear(share[:])
	b, err := json.MarshalIndent(file{Version: Version, Index: s.Index, Address: s.Address,
		SecretKeyShare: share[:], Eon: s.Eon}, "", "  ")
	if err != nil {
		return err
	}
	defer clear(b)
	return atomicfile.Write(path, append(b, '\n'), 0o600)
}

// Read loads and checks a key file: readable by its owner only, version 1,
// the share matching the keyper's public share, the committee well formed.
func Read(path string) (*eon.Share, error) {
	if err := CheckPrivate(path); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrKeyFile, err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrKeyFile, err)
	}
	defer clear(b)
	var kf file
	if err := eon.StrictJSON(b, &kf); err != nil {
		return nil, fmt.Errorf("%w: %s: %w", ErrKeyFile, path, err)
	}
	defer clear(kf.SecretKeyShare)
	if kf.Version != Version {
		return nil, fmt.Errorf("%w: %s: version %d, want %d", ErrKeyFile, path, kf.Version, Version)
	}
	if kf.Eon == nil {
		return nil, fmt.Errorf("%w: %s: no eon", ErrKeyFile, path)
	}
	share, err := threshold.ParseSecretKeyShare(kf.SecretKeyShare)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %w", ErrKeyFile, path, err)
	}
	s := &eon.Share{Eon: kf.Eon, Index: kf.Index, Address: kf.Address, Share: share}
	if err := s.Check(); err != nil {
		return nil, fmt.Errorf("%w: %s: %w", ErrKeyFile, path, err)
	}
	return s, nil
}

// CheckPrivate refuses a file that others than its owner may read: key
// files and signing keys are secrets, and a leaked one is not noticed.
func CheckPrivate(path string) error {
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	if st.Mode().Perm()&0o077 != 0 {
		return fmt.Errorf("%s is readable by others (mode %v): chmod 600 it", path, st.Mode().Perm())
	}
	return nil
}

// WriteEon writes the eon's public parts (eon.json) atomically.
func WriteEon(path string, info *eon.Info) error {
	b, err := json.MarshalIndent(info, "", "  ")
	if err != nil {
		return err
	}
	return atomicfile.Write(path, append(b, '\n'), 0o644)
}

// ReadEon loads eon.json and checks that it makes a committee.
func ReadEon(path string) (*eon.Info, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrKeyFile, err)
	}
	info, err := eon.Parse(b)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %w", ErrKeyFile, path, err)
	}
	return info, nil
}
