package threshold

import (
	"fmt"

	bls "github.com/consensys/gnark-crypto/ecc/bls12-381"
	"github.com/consensys/gnark-crypto/ecc/bls12-381/fp"
)

// EIP-2537 encodes points uncompressed, each base-field element in 64
// bytes (16 zero bytes, then 48 big-endian) and an Fp2 element as c0 ‖ c1:
// what Ethereum's BLS12-381 precompiles take, and so what L1 contracts
// store and check (protocol §9). The point at infinity is all zeros.
const (
	EIP2537G1Size = 128
	EIP2537G2Size = 256
)

func putFp(dst []byte, e *fp.Element) {
	b := e.Bytes()
	copy(dst[16:64], b[:])
}

func eip2537G1(p *bls.G1Affine) []byte {
	out := make([]byte, EIP2537G1Size)
	if p.IsInfinity() {
		return out
	}
	putFp(out[0:], &p.X)
	putFp(out[64:], &p.Y)
	return out
}

func eip2537G2(p *bls.G2Affine) []byte {
	out := make([]byte, EIP2537G2Size)
	if p.IsInfinity() {
		return out
	}
	putFp(out[0:], &p.X.A0)
	putFp(out[64:], &p.X.A1)
	putFp(out[128:], &p.Y.A0)
	putFp(out[192:], &p.Y.A1)
	return out
}

// EIP2537 is the key's EIP-2537 encoding (128 bytes): as a committee
// signature, what L1 verifies.
func (k *IdentityKey) EIP2537() []byte { return eip2537G1(&k.p) }

// EIP2537 is the key's EIP-2537 encoding (256 bytes), as L1 stores an eon key.
func (k *EonPublicKey) EIP2537() []byte { return eip2537G2(&k.p) }

// EIP2537 is the point's EIP-2537 encoding (128 bytes): H1 of the identity,
// to compare with L1's own hashing.
func (p *IdentityPoint) EIP2537() []byte { return eip2537G1(&p.p) }

// getFp reads one EIP-2537 base-field element: 16 zero bytes, then a
// canonical big-endian element (below the modulus).
func getFp(e *fp.Element, b []byte) error {
	for _, c := range b[:16] {
		if c != 0 {
			return fmt.Errorf("%w: a coordinate's top 16 bytes are not zero", ErrNonCanonical)
		}
	}
	if err := e.SetBytesCanonical(b[16:64]); err != nil {
		return fmt.Errorf("%w: %v", ErrNonCanonical, err)
	}
	return nil
}

// checkPoint is the verdict on a decoded point: not at infinity, on the
// curve, in the subgroup.
func checkPoint(what string, infinity, onCurve bool, inSubgroup func() bool) error {
	switch {
	case infinity:
		return fmt.Errorf("%w: %s", ErrInfinity, what)
	case !onCurve:
		return fmt.Errorf("%w: %s", ErrNotOnCurve, what)
	case !inSubgroup():
		return fmt.Errorf("%w: %s", ErrNotInSubgroup, what)
	}
	return nil
}

// ParseIdentityKeyEIP2537 reads a key (a committee signature) in the
// EIP-2537 encoding, as L1 holds it: the point must be on the curve, in
// the subgroup and not at infinity.
func ParseIdentityKeyEIP2537(b []byte) (*IdentityKey, error) {
	if len(b) != EIP2537G1Size {
		return nil, fmt.Errorf("%w: identity key of %d bytes, want %d", ErrLength, len(b), EIP2537G1Size)
	}
	var p bls.G1Affine
	if err := getFp(&p.X, b[0:64]); err != nil {
		return nil, err
	}
	if err := getFp(&p.Y, b[64:128]); err != nil {
		return nil, err
	}
	if err := checkPoint("identity key", p.IsInfinity(), p.IsOnCurve(), p.IsInSubGroup); err != nil {
		return nil, err
	}
	return &IdentityKey{p: p}, nil
}

// ParseEonPublicKeyEIP2537 reads an eon key in the EIP-2537 encoding, as
// the registry stores it, with the same checks.
func ParseEonPublicKeyEIP2537(b []byte) (*EonPublicKey, error) {
	if len(b) != EIP2537G2Size {
		return nil, fmt.Errorf("%w: eon key of %d bytes, want %d", ErrLength, len(b), EIP2537G2Size)
	}
	var p bls.G2Affine
	for i, e := range []*fp.Element{&p.X.A0, &p.X.A1, &p.Y.A0, &p.Y.A1} {
		if err := getFp(e, b[64*i:64*i+64]); err != nil {
			return nil, err
		}
	}
	if err := checkPoint("eon key", p.IsInfinity(), p.IsOnCurve(), p.IsInSubGroup); err != nil {
		return nil, err
	}
	return &EonPublicKey{g2Key{p: p}}, nil
}
