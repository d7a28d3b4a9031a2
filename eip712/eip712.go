// Package eip712 hashes and signs Veil's typed messages (EIP-712) under
// Veil's domain EIP712Domain(string name,string version,uint256 chainId,
// bytes32 salt) = {"Veil", "1", chainId, salt} (protocol §4), and checks their
// secp256k1 signatures strictly: 65 bytes r ‖ s ‖ v, low s only.
//
// Struct hashes are built field by field with the Encode* helpers, in the
// order of the type string, which keeps hashing allocation-light and explicit.
package eip712

import (
	"crypto/ecdsa"
	"encoding/binary"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// Domain name and version of every Veil signature.
const (
	Name    = "Veil"
	Version = "1"
)

// SignatureSize is the length of r ‖ s ‖ v.
const SignatureSize = 65

var (
	ErrSignatureLength = errors.New("eip712: signature is not 65 bytes")
	ErrSignatureV      = errors.New("eip712: signature v is not 27, 28, 0 or 1")
	ErrHighS           = errors.New("eip712: signature s is not in the lower half of the order")
	ErrSignature       = errors.New("eip712: signature does not recover")
	ErrSigner          = errors.New("eip712: signed by another key")
)

var (
	domainTypeHash = crypto.Keccak256Hash([]byte("EIP712Domain(string name,string version,uint256 chainId,bytes32 salt)"))
	nameHash       = crypto.Keccak256Hash([]byte(Name))
	versionHash    = crypto.Keccak256Hash([]byte(Version))
	secp256k1N     = crypto.S256().Params().N
	secp256k1HalfN = new(big.Int).Rsh(secp256k1N, 1)
)

// Domain is one deployment's signing domain: the rollup's chain id and a
// salt (the keccak256 of the genesis document) so nothing signed for one
// deployment replays on another.
type Domain struct {
	ChainID uint64
	Salt    common.Hash
}

// Separator is the domain separator hashStruct(EIP712Domain).
func (d Domain) Separator() common.Hash {
	return HashStruct(domainTypeHash, nameHash, versionHash, EncodeUint64(d.ChainID), d.Salt)
}

// Digest is keccak256(0x19 ‖ 0x01 ‖ separator ‖ structHash), what is signed.
func (d Domain) Digest(structHash common.Hash) common.Hash {
	sep := d.Separator()
	return crypto.Keccak256Hash([]byte{0x19, 0x01}, sep[:], structHash[:])
}

// TypeHash is keccak256 of a type string.
func TypeHash(typ string) common.Hash { return crypto.Keccak256Hash([]byte(typ)) }

// HashStruct is keccak256(typeHash ‖ encoded fields).
func HashStruct(typeHash common.Hash, fields ...common.Hash) common.Hash {
	buf := make([]byte, 0, 32*(len(fields)+1))
	buf = append(buf, typeHash[:]...)
	for _, f := range fields {
		buf = append(buf, f[:]...)
	}
	return crypto.Keccak256Hash(buf)
}

// EncodeUint64 encodes a uint64 as a 32-byte big-endian word.
func EncodeUint64(v uint64) common.Hash {
	var h common.Hash
	binary.BigEndian.PutUint64(h[24:], v)
	return h
}

// EncodeAddress left-pads an address to a word.
func EncodeAddress(a common.Address) common.Hash { return common.BytesToHash(a[:]) }

// EncodeBytes encodes dynamic bytes as their keccak256.
func EncodeBytes(b []byte) common.Hash { return crypto.Keccak256Hash(b) }

// EncodeUint64Array encodes uint64[] as keccak256 of the concatenated words.
func EncodeUint64Array(vs []uint64) common.Hash {
	buf := make([]byte, 32*len(vs))
	for i, v := range vs {
		binary.BigEndian.PutUint64(buf[32*i+24:], v)
	}
	return crypto.Keccak256Hash(buf)
}

// EncodeBytesArray encodes bytes[] as keccak256 of the elements' hashes.
func EncodeBytesArray(bs [][]byte) common.Hash {
	buf := make([]byte, 0, 32*len(bs))
	for _, b := range bs {
		h := crypto.Keccak256Hash(b)
		buf = append(buf, h[:]...)
	}
	return crypto.Keccak256Hash(buf)
}

// EncodeBytes32Array encodes bytes32[] as keccak256 of the concatenation.
func EncodeBytes32Array(bs [][32]byte) common.Hash {
	buf := make([]byte, 0, 32*len(bs))
	for _, b := range bs {
		buf = append(buf, b[:]...)
	}
	return crypto.Keccak256Hash(buf)
}

// Sign signs a digest and returns r ‖ s ‖ v with v ∈ {27, 28}, the
// canonical form on Veil's wire.
func Sign(digest common.Hash, key *ecdsa.PrivateKey) ([]byte, error) {
	sig, err := crypto.Sign(digest[:], key)
	if err != nil {
		return nil, fmt.Errorf("eip712: sign: %w", err)
	}
	sig[64] += 27
	return sig, nil
}

// Recover returns the signer of a digest, accepting v ∈ {27, 28, 0, 1} and
// only low s, so no signature has a second valid form.
func Recover(digest common.Hash, sig []byte) (common.Address, error) {
	if len(sig) != SignatureSize {
		return common.Address{}, fmt.Errorf("%w: %d bytes", ErrSignatureLength, len(sig))
	}
	v := sig[64]
	if v >= 27 {
		v -= 27
	}
	if v > 1 {
		return common.Address{}, fmt.Errorf("%w: %d", ErrSignatureV, sig[64])
	}
	s := new(big.Int).SetBytes(sig[32:64])
	if s.Cmp(secp256k1HalfN) > 0 {
		return common.Address{}, ErrHighS
	}
	if !crypto.ValidateSignatureValues(v, new(big.Int).SetBytes(sig[:32]), s, true) {
		return common.Address{}, ErrSignature
	}
	norm := make([]byte, SignatureSize)
	copy(norm, sig)
	norm[64] = v
	pub, err := crypto.SigToPub(digest[:], norm)
	if err != nil {
		return common.Address{}, fmt.Errorf("%w: %w", ErrSignature, err)
	}
	return crypto.PubkeyToAddress(*pub), nil
}

// Verify checks that sig over digest is by want.
func Verify(digest common.Hash, sig []byte, want common.Address) error {
	got, err := Recover(digest, sig)
	if err != nil {
		return err
	}
	if got != want {
		return fmt.Errorf("%w: %s, want %s", ErrSigner, got, want)
	}
	return nil
}
