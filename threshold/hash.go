package threshold

import (
	bls "github.com/consensys/gnark-crypto/ecc/bls12-381"
	"github.com/consensys/gnark-crypto/ecc/bls12-381/fp"
	"github.com/consensys/gnark-crypto/ecc/bls12-381/fr"
	"github.com/ethereum/go-ethereum/crypto"
)

// h1DST is Shutter's hash-to-G1 domain separation tag (RFC 9380).
var h1DST = []byte("SHUTTER_V01_BLS12381G1_XMD:SHA-256_SSWU_RO_")

// Domain-separation prefixes of the scheme's hash functions H1…H4.
const (
	prefixH1 = 0x01
	prefixH2 = 0x02
	prefixH3 = 0x03
	prefixH4 = 0x04
)

// gtSize is the length of blst's big-endian GT serialisation.
const gtSize = 12 * fp.Bytes

// hashToG1 is H1: RFC 9380 hash_to_curve of 0x01 ‖ preimage.
func hashToG1(preimage []byte) bls.G1Affine {
	msg := make([]byte, 1+len(preimage))
	msg[0] = prefixH1
	copy(msg[1:], preimage)
	// HashToG1 only fails if the DST is longer than 255 bytes; ours is 43.
	p, err := bls.HashToG1(msg, h1DST)
	if err != nil {
		panic("threshold: hash to G1 with a constant DST failed: " + err.Error())
	}
	return p
}

// gtBytes serialises a GT element in blst's order (spec §1.2), not gnark's:
// over the v-coefficient, then the w-coefficient, then real before imaginary.
func gtBytes(z *bls.GT) [gtSize]byte {
	var out [gtSize]byte
	els := [12]*fp.Element{
		&z.C0.B0.A0, &z.C0.B0.A1, &z.C1.B0.A0, &z.C1.B0.A1,
		&z.C0.B1.A0, &z.C0.B1.A1, &z.C1.B1.A0, &z.C1.B1.A1,
		&z.C0.B2.A0, &z.C0.B2.A1, &z.C1.B2.A0, &z.C1.B2.A1,
	}
	for i, e := range els {
		fp.BigEndian.PutElement((*[fp.Bytes]byte)(out[i*fp.Bytes:]), *e)
	}
	return out
}

// hashGT is H2: keccak256(0x02 ‖ GTbytes).
func hashGT(z *bls.GT) [32]byte {
	b := gtBytes(z)
	h := crypto.NewKeccakState()
	h.Write([]byte{prefixH2})
	h.Write(b[:])
	var out [32]byte
	h.Read(out[:])
	return out
}

// hashToScalar is H3: keccak256(0x03 ‖ sigma ‖ msg) mod q.
func hashToScalar(sigma *[32]byte, msg []byte) fr.Element {
	h := crypto.NewKeccakState()
	h.Write([]byte{prefixH3})
	h.Write(sigma[:])
	h.Write(msg)
	var d [32]byte
	h.Read(d[:])
	var r fr.Element
	r.SetBytes(d[:]) // reduces mod q
	return r
}

// blockKeys fills dst with the H4 keystream: block i is
// keccak256(0x04 ‖ sigma ‖ I(i)), I(i) the minimal big-endian encoding of i
// (I(0) = 0x00).
func blockKeys(dst []byte, sigma *[32]byte) {
	var buf [1 + 32 + 8]byte
	buf[0] = prefixH4
	copy(buf[1:], sigma[:])
	h := crypto.NewKeccakState()
	for i := 0; i*32 < len(dst); i++ {
		n := minimalBE(buf[33:], uint64(i))
		h.Reset()
		h.Write(buf[:33+n])
		h.Read(dst[i*32 : i*32+32])
	}
}

// minimalBE writes v big-endian without leading zero bytes (0 → one 0x00
// byte) into dst and returns the length.
func minimalBE(dst []byte, v uint64) int {
	n := 1
	for x := v >> 8; x != 0; x >>= 8 {
		n++
	}
	for i := n - 1; i >= 0; i-- {
		dst[i] = byte(v)
		v >>= 8
	}
	return n
}
