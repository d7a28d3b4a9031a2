// Package batch is what Veil's committee puts on L1 for a run of slots
// (protocol §9, "Veil onto L1"): the batch data — for each slot, its
// time (its CometBFT header's), its record's hash and its ordered
// transactions (plaintexts, or the reasons invalid ones failed) — compressed, packed into EIP-4844 blobs, and the
// header the committee signs over it. Every keyper builds the data itself
// from what it decrypted, so the same slots give the same bytes, blobs and
// dataHash on every keyper; anyone reading L1 unpacks and checks them.
package batch

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"fmt"
	"io"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// Version is the data format's first byte. Version 2 added each slot's
// time, which rollups derive their block timestamps from.
const Version = 2

// Tx is one entry of a slot's order: a plaintext transaction, or an
// envelope whose plaintext was invalid, by its reason.
type Tx struct {
	Plaintext []byte
	Reason    string // "" for a valid transaction
}

// Slot is one slot of a batch.
type Slot struct {
	Slot uint64
	// Time is the slot's block time (its CometBFT header's, which light
	// clients check on the feed), in nanoseconds since 1970 UTC: rollups
	// time their blocks by it, so L1 must carry it as the feed does.
	Time       uint64
	RecordHash common.Hash // keccak256 of the slot record's canonical JSON: its item in recordsRoot
	Txs        []Tx
}

// RecordHash is a record's hash as batches name it.
func RecordHash(record []byte) common.Hash { return crypto.Keccak256Hash(record) }

// Entry kinds in the payload.
const (
	kindPlaintext = 0
	kindInvalid   = 1
)

// Payload sizes: each slot takes SlotOverhead bytes and each entry
// TxOverhead plus its plaintext or reason, before compression.
const (
	SlotOverhead = 8 + 8 + 32 + 4
	TxOverhead   = 1 + 4
)

// PayloadBudget is the most payload whose data always fits one batch's
// blobs (MaxData), however little it compresses: DEFLATE stores what it
// cannot shrink at 5 bytes per block of up to 65,535 bytes, and the data
// adds its version byte; a margin of 1/256 covers both many times over.
// The chain ends a batch before its slots could pass it.
const PayloadBudget = MaxData - MaxData/256

// MaxPayload bounds a batch's payload before compression: what Encode
// builds and what readers inflate (DEFLATE can claim far more than it
// holds), the same bound on both sides so that nothing a committee signs
// is refused by those who read it.
const MaxPayload = 128 << 20

// Errors of decoding.
var (
	ErrVersion   = errors.New("batch: unknown data version")
	ErrTooLarge  = errors.New("batch: data inflates past its bound")
	ErrMalformed = errors.New("batch: malformed data")
)

// Encode is the batch data: Version ‖ DEFLATE (RFC 1951, Go's compress/flate
// at BestCompression) of the payload, each slot as slot (8) ‖ time (8,
// nanoseconds) ‖ record hash (32) ‖ count (4) ‖ count × (kind (1: 0 plaintext, 1 invalid) ‖ length (4)
// ‖ bytes (the plaintext, or the reason)). Keypers must produce identical
// bytes, so the compressor is part of the format: a keyper built with
// another compressor signs another dataHash and is outvoted, never wrong
// about what it read.
func Encode(slots []Slot) ([]byte, error) {
	var out bytes.Buffer
	out.WriteByte(Version)
	z, err := flate.NewWriter(&out, flate.BestCompression)
	if err != nil {
		return nil, err
	}
	size := PayloadSize(slots)
	if size > MaxPayload {
		return nil, fmt.Errorf("%w: a payload of %d bytes, at most %d", ErrTooLarge, size, MaxPayload)
	}
	var hdr [SlotOverhead]byte
	for _, s := range slots {
		binary.BigEndian.PutUint64(hdr[:8], s.Slot)
		binary.BigEndian.PutUint64(hdr[8:16], s.Time)
		copy(hdr[16:48], s.RecordHash[:])
		binary.BigEndian.PutUint32(hdr[48:52], uint32(len(s.Txs)))
		if _, err := z.Write(hdr[:SlotOverhead]); err != nil {
			return nil, err
		}
		for _, tx := range s.Txs {
			body, kind := tx.Plaintext, byte(kindPlaintext)
			if tx.Reason != "" {
				body, kind = []byte(tx.Reason), kindInvalid
			}
			hdr[0] = kind
			binary.BigEndian.PutUint32(hdr[1:5], uint32(len(body)))
			if _, err := z.Write(hdr[:TxOverhead]); err != nil {
				return nil, err
			}
			if _, err := z.Write(body); err != nil {
				return nil, err
			}
		}
	}
	if err := z.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// PayloadSize is the slots' payload in bytes, before compression.
func PayloadSize(slots []Slot) int {
	size := 0
	for _, s := range slots {
		size += SlotOverhead
		for _, tx := range s.Txs {
			size += TxOverhead + len(tx.Plaintext) + len(tx.Reason)
		}
	}
	return size
}

// Decode reads batch data whose payload inflates to at most maxPayload
// bytes: data from L1 is outside input, and a few kilobytes of DEFLATE can
// claim gigabytes.
func Decode(data []byte, maxPayload int) ([]Slot, error) {
	if len(data) == 0 || data[0] != Version {
		return nil, ErrVersion
	}
	z := flate.NewReader(bytes.NewReader(data[1:]))
	defer z.Close()
	payload, err := io.ReadAll(io.LimitReader(z, int64(maxPayload)+1))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	if len(payload) > maxPayload {
		return nil, ErrTooLarge
	}
	var out []Slot
	for p := payload; len(p) > 0; {
		if len(p) < SlotOverhead {
			return nil, fmt.Errorf("%w: a slot header of %d bytes", ErrMalformed, len(p))
		}
		s := Slot{Slot: binary.BigEndian.Uint64(p), Time: binary.BigEndian.Uint64(p[8:]), RecordHash: common.BytesToHash(p[16:48])}
		n := binary.BigEndian.Uint32(p[48:])
		p = p[SlotOverhead:]
		if uint64(n)*5 > uint64(len(p)) {
			return nil, fmt.Errorf("%w: slot %d claims %d transactions in %d bytes", ErrMalformed, s.Slot, n, len(p))
		}
		s.Txs = make([]Tx, 0, n)
		for range n {
			if len(p) < 5 {
				return nil, fmt.Errorf("%w: slot %d: a truncated entry", ErrMalformed, s.Slot)
			}
			kind, size := p[0], binary.BigEndian.Uint32(p[1:])
			p = p[5:]
			if uint64(size) > uint64(len(p)) {
				return nil, fmt.Errorf("%w: slot %d: an entry of %d bytes in %d", ErrMalformed, s.Slot, size, len(p))
			}
			body := bytes.Clone(p[:size])
			p = p[size:]
			switch kind {
			case kindPlaintext:
				s.Txs = append(s.Txs, Tx{Plaintext: body})
			case kindInvalid:
				if size == 0 {
					return nil, fmt.Errorf("%w: slot %d: an invalid entry without a reason", ErrMalformed, s.Slot)
				}
				s.Txs = append(s.Txs, Tx{Reason: string(body)})
			default:
				return nil, fmt.Errorf("%w: slot %d: entry kind %d", ErrMalformed, s.Slot, kind)
			}
		}
		out = append(out, s)
	}
	return out, nil
}
