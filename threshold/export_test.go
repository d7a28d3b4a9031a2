package threshold

import (
	bls "github.com/consensys/gnark-crypto/ecc/bls12-381"
	"github.com/ethereum/go-ethereum/crypto"
)

// gtOf returns GTbytes(e(key, c1)), the pairing value decryption hashes.
func gtOf(key *IdentityKey, c1 *bls.G2Affine) [gtSize]byte {
	g, _ := bls.Pair([]bls.G1Affine{key.p}, []bls.G2Affine{*c1})
	return gtBytes(&g)
}

func keccak(b []byte) []byte { return crypto.Keccak256(b) }

// asKey reinterprets a share as a key, for tests with a 1-of-1 committee.
func (k *IdentityKeyShare) asKey() *IdentityKey { return &IdentityKey{p: k.p} }
