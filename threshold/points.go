package threshold

import (
	"sync"

	bls "github.com/consensys/gnark-crypto/ecc/bls12-381"
	"github.com/consensys/gnark-crypto/ecc/bls12-381/fp"
	"github.com/consensys/gnark-crypto/ecc/bls12-381/fr"
)

// Encoded sizes of the scheme's objects.
const (
	G1Size     = bls.SizeOfG1AffineCompressed // 48: identity keys and key shares
	G2Size     = bls.SizeOfG2AffineCompressed // 96: eon keys, public shares, C1
	ScalarSize = fr.Bytes                     // 32: secret key shares, big-endian
)

// ZCash/IETF compression flags in the top three bits of byte 0.
const (
	flagCompressed = 0x80
	flagInfinity   = 0x40
	flagLargest    = 0x20
	flagMask       = 0xe0
)

var (
	g2Gen = g2Generator()
	g1B   = fp.NewElement(4)         // G1: y² = x³ + 4
	g2B   = bls.E2{A0: g1B, A1: g1B} // G2: y² = x³ + 4(u+1)
)

func g2Generator() bls.G2Affine {
	_, _, _, g2 := bls.Generators()
	return g2
}

// pairingLines are the precomputed Miller-loop lines of a fixed G2 point.
type pairingLines = [2][len(bls.LoopCounter) - 1]bls.LineEvaluationAff

// g2GenLines is immutable once computed; it is derived from a constant.
var g2GenLines = sync.OnceValue(func() *pairingLines {
	l := bls.PrecomputeLines(g2Gen)
	return &l
})

// flags checks the flag bits shared by G1 and G2 encodings and reports
// whether the encoding is the point at infinity.
func flags(field string, b []byte) (infinity bool, err error) {
	f := b[0] & flagMask
	if f&flagCompressed == 0 {
		return false, decodeErr(field, ErrEncoding)
	}
	if f&flagInfinity != 0 {
		if f&flagLargest != 0 || b[0]&^flagMask != 0 {
			return false, decodeErr(field, ErrEncoding)
		}
		for _, c := range b[1:] {
			if c != 0 {
				return false, decodeErr(field, ErrEncoding)
			}
		}
		return true, nil
	}
	return false, nil
}

// decodeG1 strictly decodes a compressed G1 point. The point at infinity is
// never a valid key or share in this scheme, so it is always rejected.
func decodeG1(field string, b []byte) (bls.G1Affine, error) {
	var p bls.G1Affine
	if len(b) != G1Size {
		return p, lengthErr(field, len(b), G1Size)
	}
	inf, err := flags(field, b)
	if err != nil {
		return p, err
	}
	if inf {
		return p, decodeErr(field, ErrInfinity)
	}
	var xb [fp.Bytes]byte
	copy(xb[:], b)
	xb[0] &^= flagMask
	if err := p.X.SetBytesCanonical(xb[:]); err != nil {
		return p, decodeErr(field, ErrNonCanonical)
	}
	var y2 fp.Element
	y2.Square(&p.X).Mul(&y2, &p.X).Add(&y2, &g1B)
	if p.Y.Sqrt(&y2) == nil {
		return p, decodeErr(field, ErrNotOnCurve)
	}
	if p.Y.LexicographicallyLargest() != (b[0]&flagLargest != 0) {
		p.Y.Neg(&p.Y)
	}
	if !p.IsInSubGroup() {
		return p, decodeErr(field, ErrNotInSubgroup)
	}
	return p, nil
}

// decodeG2 strictly decodes a compressed G2 point (x.c1 first, then x.c0).
// With subgroup false it skips the subgroup check, for callers that prove
// membership another way (Decrypt's C1 re-derivation) and check it on failure.
func decodeG2(field string, b []byte, subgroup bool) (bls.G2Affine, error) {
	var p bls.G2Affine
	if len(b) != G2Size {
		return p, lengthErr(field, len(b), G2Size)
	}
	inf, err := flags(field, b)
	if err != nil {
		return p, err
	}
	if inf {
		return p, decodeErr(field, ErrInfinity)
	}
	var xb [fp.Bytes]byte
	copy(xb[:], b[:fp.Bytes])
	xb[0] &^= flagMask
	if err := p.X.A1.SetBytesCanonical(xb[:]); err != nil {
		return p, decodeErr(field, ErrNonCanonical)
	}
	if err := p.X.A0.SetBytesCanonical(b[fp.Bytes:G2Size]); err != nil {
		return p, decodeErr(field, ErrNonCanonical)
	}
	var y2 bls.E2
	y2.Square(&p.X).Mul(&y2, &p.X).Add(&y2, &g2B)
	// E2.Sqrt returns garbage for a non-square instead of failing: check it.
	var check bls.E2
	if check.Square(p.Y.Sqrt(&y2)); !check.Equal(&y2) {
		return p, decodeErr(field, ErrNotOnCurve)
	}
	if p.Y.LexicographicallyLargest() != (b[0]&flagLargest != 0) {
		p.Y.Neg(&p.Y)
	}
	if subgroup && !p.IsInSubGroup() {
		return p, decodeErr(field, ErrNotInSubgroup)
	}
	return p, nil
}

// decodeScalar reads a 32-byte big-endian scalar, rejecting values ≥ q and,
// since a zero share means a corrupt file rather than luck, zero.
func decodeScalar(field string, b []byte) (fr.Element, error) {
	var s fr.Element
	if len(b) != ScalarSize {
		return s, lengthErr(field, len(b), ScalarSize)
	}
	if err := s.SetBytesCanonical(b); err != nil {
		return s, decodeErr(field, ErrNonCanonical)
	}
	if s.IsZero() {
		return s, decodeErr(field, ErrZeroScalar)
	}
	return s, nil
}
