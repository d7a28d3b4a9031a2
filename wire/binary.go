package wire

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math/big"

	"github.com/veil-sequencer/veil/eip712"
)

// BinaryMarker is the first byte of an object's compact binary form inside
// a chain transaction, after the type byte (protocol §4). The canonical
// JSON form always starts with '{', so one byte tells the two apart.
const BinaryMarker = 0x00

// The binary form is the object's fields in canonical (EIP-712) order, the
// signature, then its one variable-length bytes field, which runs to the
// end:
//
//	uint64   8 bytes, big-endian
//	uint256  1 length byte (0–32), then that many big-endian bytes, the
//	         first never zero (zero is the empty string)
//	bytesN   N bytes (bytes32, address)
//	sig      65 bytes r ‖ s ‖ v, v ∈ {27, 28}
//	bytes    the rest of the transaction
//
// Every object has exactly one binary spelling, as it has one canonical
// JSON spelling: the two decode to the same object and hash.

// BinWriter appends an object's binary form.
type BinWriter struct{ B []byte }

// NewBinWriter starts a binary form of about size bytes with its marker.
func NewBinWriter(size int) *BinWriter {
	w := &BinWriter{B: make([]byte, 0, size)}
	w.B = append(w.B, BinaryMarker)
	return w
}

// Uint64 appends a uint64.
func (w *BinWriter) Uint64(v uint64) { w.B = binary.BigEndian.AppendUint64(w.B, v) }

// Fixed appends a fixed-size field.
func (w *BinWriter) Fixed(b []byte) { w.B = append(w.B, b...) }

// Uint256 appends an amount (nil is zero). A value above 2^256 − 1 is
// written as it is and fails to decode, like its JSON.
func (w *BinWriter) Uint256(v *big.Int) {
	b := OrZero(v).Bytes()
	w.B = append(w.B, byte(len(b)))
	w.B = append(w.B, b...)
}

// Signature appends a signature with v as 27 or 28.
func (w *BinWriter) Signature(sig []byte) {
	start := len(w.B)
	w.B = append(w.B, sig...)
	if len(sig) == eip712.SignatureSize && w.B[start+64] < 27 {
		w.B[start+64] += 27
	}
}

// BinReader reads an object's binary form; the first failure sticks and
// names its field.
type BinReader struct {
	b   []byte
	Err error
}

// NewBinReader starts reading raw, which must begin with the marker.
func NewBinReader(raw []byte) *BinReader {
	r := &BinReader{b: raw}
	if len(raw) == 0 || raw[0] != BinaryMarker {
		r.Err = &Error{Code: CodeBadField, Err: errors.New("not the binary form: no marker byte")}
		return r
	}
	r.b = raw[1:]
	return r
}

func (r *BinReader) fail(field, format string, args ...any) {
	if r.Err == nil {
		r.Err = &Error{Code: CodeBadField, Field: field, Err: fmt.Errorf(format, args...)}
	}
}

func (r *BinReader) take(field string, n int) []byte {
	if r.Err != nil {
		return nil
	}
	if len(r.b) < n {
		r.fail(field, "%d bytes left, want %d", len(r.b), n)
		return nil
	}
	out := r.b[:n:n]
	r.b = r.b[n:]
	return out
}

// Uint64 reads a uint64.
func (r *BinReader) Uint64(field string) uint64 {
	b := r.take(field, 8)
	if b == nil {
		return 0
	}
	return binary.BigEndian.Uint64(b)
}

// Fixed reads a fixed-size field (a copy).
func (r *BinReader) Fixed(field string, n int) []byte {
	b := r.take(field, n)
	if b == nil {
		return make([]byte, n)
	}
	return append([]byte(nil), b...)
}

// Uint256 reads an amount in its one spelling.
func (r *BinReader) Uint256(field string) *big.Int {
	n := r.take(field, 1)
	if n == nil {
		return new(big.Int)
	}
	if n[0] > 32 {
		r.fail(field, "%d bytes: more than 256 bits", n[0])
		return new(big.Int)
	}
	b := r.take(field, int(n[0]))
	if len(b) > 0 && b[0] == 0 {
		r.fail(field, "leading zero byte")
	}
	return new(big.Int).SetBytes(b)
}

// Signature reads a 65-byte signature whose v is 27 or 28.
func (r *BinReader) Signature(field string) []byte {
	b := r.Fixed(field, eip712.SignatureSize)
	if r.Err == nil && b[64] != 27 && b[64] != 28 {
		r.fail(field, "v is %d, want 27 or 28", b[64])
	}
	return b
}

// Rest reads the remaining bytes (a copy): the object's last field.
func (r *BinReader) Rest(field string) []byte {
	if r.Err != nil {
		return nil
	}
	out := append([]byte{}, r.b...)
	r.b = nil
	return out
}
