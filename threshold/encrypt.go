package threshold

import (
	"crypto/rand"
	"fmt"
	"io"
	"math/big"

	bls "github.com/consensys/gnark-crypto/ecc/bls12-381"
)

// Ciphertext layout (spec §4): version ‖ C1 (G2, 96) ‖ C2 (32) ‖ C3 (32·n).
const (
	Version    = 0x03 // shcrypto v0.1.19, BLS12-381
	SigmaSize  = 32
	BlockSize  = 32
	HeaderSize = 1 + G2Size + SigmaSize // 129: everything before C3
	// MinCiphertextSize is the smallest valid ciphertext: an empty message
	// still gets one block of padding.
	MinCiphertextSize = HeaderSize + BlockSize
)

// CiphertextSize is the length of the ciphertext of an n-byte message.
func CiphertextSize(n int) int { return HeaderSize + (n/BlockSize+1)*BlockSize }

// Ciphertext is a decoded, strictly validated encrypted message.
type Ciphertext struct {
	c1 bls.G2Affine
	c2 [SigmaSize]byte
	c3 []byte // whole blocks, at least one
}

// Encrypt encrypts msg for the identity under the eon key with a fresh sigma
// read from rand (nil means crypto/rand).
func Encrypt(rand io.Reader, msg []byte, pk *EonPublicKey, id *IdentityPoint) (*Ciphertext, error) {
	var sigma [SigmaSize]byte
	if _, err := io.ReadFull(randOrDefault(rand), sigma[:]); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrRandom, err)
	}
	return EncryptWithSigma(msg, pk, id, &sigma), nil
}

// EncryptWithSigma is the deterministic core of Encrypt: the same sigma gives
// the same bytes as Shutter's implementations. Reusing a sigma across
// messages or identities breaks secrecy; use it for test vectors only.
func EncryptWithSigma(msg []byte, pk *EonPublicKey, id *IdentityPoint, sigma *[SigmaSize]byte) *Ciphertext {
	padded := make([]byte, (len(msg)/BlockSize+1)*BlockSize)
	copy(padded, msg)
	pad := byte(len(padded) - len(msg))
	for i := len(msg); i < len(padded); i++ {
		padded[i] = pad
	}
	return encryptPadded(msg, padded, pk, id, sigma)
}

// encryptPadded encrypts padded, deriving r from msg. Tests use it to build
// ciphertexts with lax padding that Shutter accepts and Veil must not.
func encryptPadded(msg, padded []byte, pk *EonPublicKey, id *IdentityPoint, sigma *[SigmaSize]byte) *Ciphertext {
	r := hashToScalar(sigma, msg)
	c1 := mulG2Base(&r)
	ct := &Ciphertext{c3: make([]byte, len(padded))}
	ct.c1.FromJacobian(&c1)

	// e(H1(id), PK)^r computed as e(r·H1(id), PK): a G1 multiplication is
	// far cheaper than an exponentiation in GT, and PK's lines are cached.
	var rid bls.G1Jac
	rid.FromAffine(&id.p)
	rid.ScalarMultiplication(&rid, r.BigInt(new(big.Int)))
	var ridAff bls.G1Affine
	ridAff.FromJacobian(&rid)
	ml, _ := bls.MillerLoopFixedQ([]bls.G1Affine{ridAff}, []pairingLines{*pk.pairingLines()})
	g := bls.FinalExponentiation(&ml)
	key := hashGT(&g)
	for i := range ct.c2 {
		ct.c2[i] = sigma[i] ^ key[i]
	}

	blockKeys(ct.c3, sigma)
	for i, b := range padded {
		ct.c3[i] ^= b
	}
	return ct
}

// Bytes returns the wire encoding.
func (c *Ciphertext) Bytes() []byte {
	out := make([]byte, HeaderSize+len(c.c3))
	out[0] = Version
	c1 := c.c1.Bytes()
	copy(out[1:], c1[:])
	copy(out[1+G2Size:], c.c2[:])
	copy(out[HeaderSize:], c.c3)
	return out
}

// MarshalBinary returns the wire encoding.
func (c *Ciphertext) MarshalBinary() ([]byte, error) { return c.Bytes(), nil }

// UnmarshalBinary decodes strictly, as ParseCiphertext.
func (c *Ciphertext) UnmarshalBinary(b []byte) error {
	p, err := ParseCiphertext(b)
	if err != nil {
		return err
	}
	*c = *p
	return nil
}

// Len is the encoded length in bytes.
func (c *Ciphertext) Len() int { return HeaderSize + len(c.c3) }

// ParseCiphertext strictly decodes a ciphertext: version 0x03, at least one
// C3 block, whole blocks, C1 a valid compressed G2 point in the subgroup.
func ParseCiphertext(b []byte) (*Ciphertext, error) {
	return parseCiphertext(b, true)
}

func parseCiphertext(b []byte, subgroup bool) (*Ciphertext, error) {
	if len(b) == 0 {
		return nil, decodeErr("ciphertext", fmt.Errorf("%w: empty", ErrLength))
	}
	if b[0] != Version {
		return nil, decodeErr("ciphertext.version", fmt.Errorf("%w: 0x%02x, want 0x%02x", ErrVersion, b[0], Version))
	}
	if len(b) < MinCiphertextSize || (len(b)-HeaderSize)%BlockSize != 0 {
		return nil, decodeErr("ciphertext", fmt.Errorf("%w: %d bytes, want 129 + 32·n with n ≥ 1", ErrLength, len(b)))
	}
	c1, err := decodeG2("ciphertext.C1", b[1:1+G2Size], subgroup)
	if err != nil {
		return nil, err
	}
	ct := &Ciphertext{c1: c1, c3: append([]byte(nil), b[HeaderSize:]...)}
	copy(ct.c2[:], b[1+G2Size:HeaderSize])
	return ct, nil
}

// Decrypt decrypts with the identity key, checking the padding strictly and
// that C1 re-derives from the recovered sigma and message; a wrong key or a
// mauled ciphertext gives an error wrapping ErrDecrypt.
func (c *Ciphertext) Decrypt(key *IdentityKey) ([]byte, error) {
	return c.decrypt(key)
}

// Decrypt decodes and decrypts a ciphertext in one step. It is faster than
// ParseCiphertext followed by Ciphertext.Decrypt: it skips C1's subgroup
// check, since a C1 outside the subgroup can never equal the re-derived
// r·G2gen, and runs that check only to name the error when decryption fails.
// It accepts and rejects exactly the same inputs.
func Decrypt(ciphertext []byte, key *IdentityKey) ([]byte, error) {
	ct, err := parseCiphertext(ciphertext, false)
	if err != nil {
		return nil, err
	}
	m, err := ct.decrypt(key)
	if err != nil && !ct.c1.IsInSubGroup() {
		return nil, decodeErr("ciphertext.C1", ErrNotInSubgroup)
	}
	return m, err
}

func (c *Ciphertext) decrypt(key *IdentityKey) ([]byte, error) {
	g, err := bls.Pair([]bls.G1Affine{key.p}, []bls.G2Affine{c.c1})
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrDecrypt, err)
	}
	h := hashGT(&g)
	var sigma [SigmaSize]byte
	for i := range sigma {
		sigma[i] = c.c2[i] ^ h[i]
	}
	m := make([]byte, len(c.c3))
	blockKeys(m, &sigma)
	for i := range m {
		m[i] ^= c.c3[i]
	}
	m, err = unpad(m)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrDecrypt, err)
	}
	r := hashToScalar(&sigma, m)
	if c1 := mulG2Base(&r); !jacEqualsAffine(&c1, &c.c1) {
		return nil, ErrDecrypt
	}
	return m, nil
}

// unpad removes PKCS#7 padding with block size 32, requiring every padding
// byte to equal the padding length (Shutter checks only the last).
func unpad(m []byte) ([]byte, error) {
	if len(m) == 0 {
		return nil, fmt.Errorf("%w: no blocks", ErrPadding)
	}
	p := int(m[len(m)-1])
	if p == 0 || p > BlockSize {
		return nil, fmt.Errorf("%w: length byte %d", ErrPadding, p)
	}
	for _, b := range m[len(m)-p:] {
		if int(b) != p {
			return nil, fmt.Errorf("%w: padding bytes differ from its length %d", ErrPadding, p)
		}
	}
	return m[:len(m)-p], nil
}

func randOrDefault(r io.Reader) io.Reader {
	if r == nil {
		return rand.Reader
	}
	return r
}
