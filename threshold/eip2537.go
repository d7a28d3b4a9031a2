package threshold

import (
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
