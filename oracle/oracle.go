// Package oracle is how Veil's validators agree on what happened on L1
// (protocol §9, "L1 into Veil"): each validator's CometBFT vote extension
// carries what its own L1 node saw final after the L1 block Veil state has
// applied (l1Applied), as attestations (number, hash, eventsRoot, time); the
// proposer of the next block puts the committed votes' extensions into its
// slot record, and every validator computes from them alone, the same way,
// how far L1 is agreed.
//
// Everything here is pure: the encoding of an extension, its strict
// decoding (what VerifyVoteExtension checks: form and size, never against
// the node's own L1 view), and the agreement rule. The L1 watcher, the
// signatures of the extended commit and the application of events live
// elsewhere.
package oracle

import (
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
)

// MaxAttestations is the most L1 blocks one extension attests (protocol
// §9's default 16), which bounds an extension's size.
const MaxAttestations = 16

// Version is the first byte of every extension this code makes (2: each
// attestation carries its block's time, which the escape hatch reads).
const Version = 2

const attestationSize = 8 + 32 + 32 + 8

// MaxExtensionSize is the largest well-formed extension, in bytes.
const MaxExtensionSize = 2 + MaxAttestations*attestationSize

// Attestation is one L1 block as a validator's L1 node saw it final: its
// number, hash, the root (§4) of its Veil events in log order and its
// header's timestamp (Veil's clock of L1 time: protocol §9's escape hatch
// counts forceDeadline in it, so it is agreed like the rest).
type Attestation struct {
	Number     uint64
	Hash       common.Hash
	EventsRoot common.Hash
	Time       uint64 // seconds
}

// key is what validators must attest identically for a block to agree.
type key struct {
	hash, root common.Hash
	time       uint64
}

func (a Attestation) key() key { return key{a.Hash, a.EventsRoot, a.Time} }

// Errors of Decode: an extension that fails one attests nothing.
var (
	ErrVersion     = errors.New("oracle: unknown extension version")
	ErrLength      = errors.New("oracle: extension length does not match its count")
	ErrCount       = errors.New("oracle: more attestations than an extension may carry")
	ErrNotInOrder  = errors.New("oracle: attested blocks are not consecutive")
	ErrZeroNumber  = errors.New("oracle: attested block 0")
	ErrNumberRange = errors.New("oracle: attested block numbers overflow")
)

// Encode is the vote extension attesting atts: version ‖ count ‖ count ×
// (number u64 BE ‖ hash ‖ eventsRoot ‖ time u64 BE). No attestation encodes as the empty
// extension, which attests nothing.
func Encode(atts []Attestation) ([]byte, error) {
	if len(atts) == 0 {
		return nil, nil
	}
	if len(atts) > MaxAttestations {
		return nil, fmt.Errorf("%w: %d", ErrCount, len(atts))
	}
	if err := consecutive(atts); err != nil {
		return nil, err
	}
	out := make([]byte, 0, 2+len(atts)*attestationSize)
	out = append(out, Version, byte(len(atts)))
	for _, a := range atts {
		out = binary.BigEndian.AppendUint64(out, a.Number)
		out = append(out, a.Hash[:]...)
		out = append(out, a.EventsRoot[:]...)
		out = binary.BigEndian.AppendUint64(out, a.Time)
	}
	return out, nil
}

// Decode parses an extension strictly: the version, a count of at most
// MaxAttestations, exactly that many attestations, their numbers
// consecutive from a block above 0 and their times never going back. The
// empty extension attests nothing
// and is well formed.
func Decode(b []byte) ([]Attestation, error) {
	if len(b) == 0 {
		return nil, nil
	}
	if b[0] != Version {
		return nil, fmt.Errorf("%w: %d", ErrVersion, b[0])
	}
	if len(b) < 2 {
		return nil, ErrLength
	}
	n := int(b[1])
	if n > MaxAttestations {
		return nil, fmt.Errorf("%w: %d", ErrCount, n)
	}
	if n == 0 || len(b) != 2+n*attestationSize {
		return nil, fmt.Errorf("%w: %d bytes for %d attestations", ErrLength, len(b), n)
	}
	atts := make([]Attestation, n)
	p := b[2:]
	for i := range atts {
		atts[i].Number = binary.BigEndian.Uint64(p)
		copy(atts[i].Hash[:], p[8:40])
		copy(atts[i].EventsRoot[:], p[40:72])
		atts[i].Time = binary.BigEndian.Uint64(p[72:80])
		p = p[attestationSize:]
	}
	if err := consecutive(atts); err != nil {
		return nil, err
	}
	return atts, nil
}

func consecutive(atts []Attestation) error {
	if atts[0].Number == 0 {
		return ErrZeroNumber
	}
	for i := 1; i < len(atts); i++ {
		if atts[i-1].Number == ^uint64(0) {
			return ErrNumberRange
		}
		if atts[i].Number != atts[i-1].Number+1 {
			return fmt.Errorf("%w: %d after %d", ErrNotInOrder, atts[i].Number, atts[i-1].Number)
		}
		if atts[i].Time < atts[i-1].Time {
			return fmt.Errorf("%w: block %d's time %d before its parent's %d", ErrNotInOrder, atts[i].Number, atts[i].Time, atts[i-1].Time)
		}
	}
	return nil
}

// Vote is one validator's committed extension: its voting power in the set
// that signed the height, and what it attests (nil: nothing, as a missing,
// malformed or unverifiable extension).
type Vote struct {
	Power int64
	Atts  []Attestation
}

// Agree is how far L1 is agreed after applied: the attestations of blocks
// applied+1 … n for the highest n such that validators holding more than
// 2/3 of total (the power of the whole set that signed, present or not)
// attested the same (hash, eventsRoot, time) for n and for every block before it
// down to applied+1. Entries at or below applied are ignored; a vote whose
// next entry is not applied+1 attests nothing. The result depends only on
// its inputs, in any order of votes.
func Agree(applied uint64, votes []Vote, total int64) []Attestation {
	if total <= 0 {
		return nil
	}
	// Each vote's run from applied+1.
	runs := make([][]Attestation, 0, len(votes))
	powers := make([]int64, 0, len(votes))
	for _, v := range votes {
		if v.Power <= 0 {
			continue
		}
		run := v.Atts
		for len(run) > 0 && run[0].Number <= applied {
			run = run[1:]
		}
		if len(run) == 0 || run[0].Number != applied+1 {
			continue
		}
		runs, powers = append(runs, run), append(powers, v.Power)
	}
	var agreed []Attestation
	in := make([]int, len(runs)) // indexes of the runs still agreeing
	for i := range in {
		in[i] = i
	}
	for depth := 0; ; depth++ {
		weight := map[key]int64{}
		for _, i := range in {
			if depth < len(runs[i]) {
				weight[runs[i][depth].key()] += powers[i]
			}
		}
		var winner key
		found := false
		for k, w := range weight {
			if 3*w > 2*total { // at most one key can hold more than 2/3
				winner, found = k, true
			}
		}
		if !found {
			return agreed
		}
		kept := in[:0]
		for _, i := range in {
			if depth < len(runs[i]) && runs[i][depth].key() == winner {
				kept = append(kept, i)
			}
		}
		in = kept
		agreed = append(agreed, Attestation{Number: applied + 1 + uint64(depth), Hash: winner.hash, EventsRoot: winner.root, Time: winner.time})
	}
}
