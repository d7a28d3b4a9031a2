package threshold

import (
	"crypto/subtle"
	"fmt"
	"math/big"
	"sync"

	bls "github.com/consensys/gnark-crypto/ecc/bls12-381"
	"github.com/consensys/gnark-crypto/ecc/bls12-381/fr"
	"github.com/ethereum/go-ethereum/common/hexutil"
)

// g2Key is a validated G2 public key whose Miller-loop lines are computed on
// first use: every pairing against an eon key or public share reuses them.
// A g2Key must not be copied after use.
type g2Key struct {
	p     bls.G2Affine
	once  sync.Once
	lines *pairingLines
}

func (k *g2Key) pairingLines() *pairingLines {
	k.once.Do(func() {
		l := bls.PrecomputeLines(k.p)
		k.lines = &l
	})
	return k.lines
}

func (k *g2Key) bytes() []byte {
	b := k.p.Bytes()
	return b[:]
}

// EonPublicKey is the committee's public key for one eon, s·G2gen. It is never
// the point at infinity (with which anyone could decrypt).
type EonPublicKey struct{ g2Key }

// ParseEonPublicKey strictly decodes a 96-byte compressed eon public key.
func ParseEonPublicKey(b []byte) (*EonPublicKey, error) {
	p, err := decodeG2("eon public key", b, true)
	if err != nil {
		return nil, err
	}
	return &EonPublicKey{g2Key{p: p}}, nil
}

// Bytes returns the 96-byte compressed encoding.
func (k *EonPublicKey) Bytes() []byte { return k.bytes() }

// Equal reports whether both keys are the same point.
func (k *EonPublicKey) Equal(o *EonPublicKey) bool { return k.p.Equal(&o.p) }

// String returns the 0x-prefixed hex encoding.
func (k *EonPublicKey) String() string { return hexutil.Encode(k.bytes()) }

// MarshalText encodes the key as 0x-prefixed hex.
func (k *EonPublicKey) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText decodes 0x-prefixed hex strictly.
func (k *EonPublicKey) UnmarshalText(text []byte) error {
	b, err := hexField("eon public key", text)
	if err != nil {
		return err
	}
	p, err := ParseEonPublicKey(b)
	if err != nil {
		return err
	}
	k.p, k.lines, k.once = p.p, nil, sync.Once{}
	return nil
}

// PublicKeyShare is keyper i's public share s_i·G2gen, against which its
// identity key shares are verified.
type PublicKeyShare struct{ g2Key }

// ParsePublicKeyShare strictly decodes a 96-byte compressed public share.
func ParsePublicKeyShare(b []byte) (*PublicKeyShare, error) {
	p, err := decodeG2("public key share", b, true)
	if err != nil {
		return nil, err
	}
	return &PublicKeyShare{g2Key{p: p}}, nil
}

// Bytes returns the 96-byte compressed encoding.
func (k *PublicKeyShare) Bytes() []byte { return k.bytes() }

// Equal reports whether both shares are the same point.
func (k *PublicKeyShare) Equal(o *PublicKeyShare) bool { return k.p.Equal(&o.p) }

// String returns the 0x-prefixed hex encoding.
func (k *PublicKeyShare) String() string { return hexutil.Encode(k.bytes()) }

// MarshalText encodes the share as 0x-prefixed hex.
func (k *PublicKeyShare) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText decodes 0x-prefixed hex strictly.
func (k *PublicKeyShare) UnmarshalText(text []byte) error {
	b, err := hexField("public key share", text)
	if err != nil {
		return err
	}
	p, err := ParsePublicKeyShare(b)
	if err != nil {
		return err
	}
	k.p, k.lines, k.once = p.p, nil, sync.Once{}
	return nil
}

// SecretKeyShare is keyper i's share s_i = f(i) of the eon secret. It never
// prints: String, GoString and Format write a placeholder. Zero it when the
// eon ends.
type SecretKeyShare struct{ s fr.Element }

const redacted = "threshold.SecretKeyShare{redacted}"

// ParseSecretKeyShare decodes a 32-byte big-endian share, rejecting values
// ≥ q and zero.
func ParseSecretKeyShare(b []byte) (*SecretKeyShare, error) {
	s, err := decodeScalar("secret key share", b)
	if err != nil {
		return nil, err
	}
	return &SecretKeyShare{s: s}, nil
}

// Bytes returns the 32-byte big-endian encoding: handle it as a secret.
func (k *SecretKeyShare) Bytes() [ScalarSize]byte { return k.s.Bytes() }

// Equal compares two shares in constant time.
func (k *SecretKeyShare) Equal(o *SecretKeyShare) bool {
	a, b := k.s.Bytes(), o.s.Bytes()
	return subtle.ConstantTimeCompare(a[:], b[:]) == 1
}

// PublicKeyShare returns s_i·G2gen.
func (k *SecretKeyShare) PublicKeyShare() *PublicKeyShare {
	j := mulG2Base(&k.s)
	var p bls.G2Affine
	p.FromJacobian(&j)
	return &PublicKeyShare{g2Key{p: p}}
}

// Zero overwrites the share; the value is unusable afterwards.
func (k *SecretKeyShare) Zero() { k.s.SetZero() }

// String, GoString and Format keep the share out of logs and %v. They have
// value receivers so that a copied share does not print either.
func (k SecretKeyShare) String() string             { return redacted }
func (k SecretKeyShare) GoString() string           { return redacted }
func (k SecretKeyShare) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(redacted)) }

// IdentityPoint is H1(preimage), the G1 point an identity key is a multiple
// of. Hash once and reuse it: hashing to the curve costs about as much as a
// scalar multiplication.
type IdentityPoint struct {
	preimage []byte
	p        bls.G1Affine
}

// NewIdentityPoint hashes an identity preimage (any bytes) to G1.
func NewIdentityPoint(preimage []byte) *IdentityPoint {
	return &IdentityPoint{preimage: append([]byte(nil), preimage...), p: hashToG1(preimage)}
}

// Preimage returns a copy of the identity preimage.
func (i *IdentityPoint) Preimage() []byte { return append([]byte(nil), i.preimage...) }

// Bytes returns the 48-byte compressed point (Shutter's "epoch id").
func (i *IdentityPoint) Bytes() []byte {
	b := i.p.Bytes()
	return b[:]
}

// IdentityKey is the decryption key s·H1(id) of one identity, whole.
type IdentityKey struct{ p bls.G1Affine }

// ParseIdentityKey strictly decodes a 48-byte compressed identity key.
func ParseIdentityKey(b []byte) (*IdentityKey, error) {
	p, err := decodeG1("identity key", b)
	if err != nil {
		return nil, err
	}
	return &IdentityKey{p: p}, nil
}

// Bytes returns the 48-byte compressed encoding.
func (k *IdentityKey) Bytes() []byte {
	b := k.p.Bytes()
	return b[:]
}

// Equal reports whether both keys are the same point.
func (k *IdentityKey) Equal(o *IdentityKey) bool { return k.p.Equal(&o.p) }

// String returns the 0x-prefixed hex encoding.
func (k *IdentityKey) String() string { return hexutil.Encode(k.Bytes()) }

// MarshalText encodes the key as 0x-prefixed hex.
func (k *IdentityKey) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText decodes 0x-prefixed hex strictly.
func (k *IdentityKey) UnmarshalText(text []byte) error {
	b, err := hexField("identity key", text)
	if err != nil {
		return err
	}
	p, err := ParseIdentityKey(b)
	if err != nil {
		return err
	}
	*k = *p
	return nil
}

// IdentityKeyShare is keyper i's share s_i·H1(id) of an identity key, what a
// keyper releases once the identity's place is final.
type IdentityKeyShare struct{ p bls.G1Affine }

// ParseIdentityKeyShare strictly decodes a 48-byte compressed key share.
func ParseIdentityKeyShare(b []byte) (*IdentityKeyShare, error) {
	p, err := decodeG1("identity key share", b)
	if err != nil {
		return nil, err
	}
	return &IdentityKeyShare{p: p}, nil
}

// Bytes returns the 48-byte compressed encoding.
func (k *IdentityKeyShare) Bytes() []byte {
	b := k.p.Bytes()
	return b[:]
}

// Equal reports whether both shares are the same point.
func (k *IdentityKeyShare) Equal(o *IdentityKeyShare) bool { return k.p.Equal(&o.p) }

// String returns the 0x-prefixed hex encoding.
func (k *IdentityKeyShare) String() string { return hexutil.Encode(k.Bytes()) }

// MarshalText encodes the share as 0x-prefixed hex.
func (k *IdentityKeyShare) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText decodes 0x-prefixed hex strictly.
func (k *IdentityKeyShare) UnmarshalText(text []byte) error {
	b, err := hexField("identity key share", text)
	if err != nil {
		return err
	}
	p, err := ParseIdentityKeyShare(b)
	if err != nil {
		return err
	}
	*k = *p
	return nil
}

// Release computes this keyper's share s_i·H1(id) of an identity's key.
// Call it only for identities whose place is final.
func (k *SecretKeyShare) Release(id *IdentityPoint) *IdentityKeyShare {
	var j bls.G1Jac
	j.FromAffine(&id.p)
	j.ScalarMultiplication(&j, k.s.BigInt(new(big.Int)))
	var p bls.G1Affine
	p.FromJacobian(&j)
	return &IdentityKeyShare{p: p}
}

func hexField(field string, text []byte) ([]byte, error) {
	b, err := hexutil.Decode(string(text))
	if err != nil {
		return nil, decodeErr(field, fmt.Errorf("%w: %w", ErrHex, err))
	}
	return b, nil
}
