package threshold

import (
	"math/big"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	bls "github.com/consensys/gnark-crypto/ecc/bls12-381"
	"github.com/consensys/gnark-crypto/ecc/bls12-381/fr"
	"github.com/ethereum/go-ethereum/common"
)

// Baselines: the primitives the targets in make bench are ratios of, measured
// in the same run on the same machine.
//
// Every benchmark, baseline or not, cycles through a pool of distinct inputs:
// repeating one input lets the branch predictor learn the whole data-dependent
// control flow of a scalar multiplication or pairing, which flatters the
// repeated operation by 10% or more against one on fresh data.
const pool = 64

func randomScalars(b *testing.B, n int) []fr.Element {
	rng := seeded(uint64(n))
	out := make([]fr.Element, n)
	for i := range out {
		var err error
		if out[i], err = randomScalar(rng); err != nil {
			b.Fatal(err)
		}
	}
	return out
}

func randomG1(b *testing.B, n int) []bls.G1Affine {
	pts := make([]bls.G1Affine, n)
	for i, s := range randomScalars(b, n) {
		pts[i].ScalarMultiplicationBase(s.BigInt(new(big.Int)))
	}
	return pts
}

func BenchmarkBaselinePairing(b *testing.B) {
	ps := randomG1(b, pool)
	qs := make([]bls.G2Affine, pool)
	for i, s := range randomScalars(b, pool+1)[1:] {
		qs[i].ScalarMultiplicationBase(s.BigInt(new(big.Int)))
	}
	i := 0
	for b.Loop() {
		i = (i + 1) % pool
		if _, err := bls.Pair(ps[i:i+1], qs[i:i+1]); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBaselineHashToG1(b *testing.B) {
	msg := make([]byte, 33)
	for b.Loop() {
		msg[1]++
		if _, err := bls.HashToG1(msg, h1DST); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBaselineG1ScalarMul(b *testing.B) {
	ps := randomG1(b, pool)
	ss := make([]*big.Int, pool)
	for i, s := range randomScalars(b, pool+2)[2:] {
		ss[i] = s.BigInt(new(big.Int))
	}
	var r bls.G1Affine
	i := 0
	for b.Loop() {
		i = (i + 1) % pool
		r.ScalarMultiplication(&ps[i], ss[i])
	}
}

func BenchmarkBaselineG1MSM1000(b *testing.B) {
	pts := randomG1(b, 1000)
	sc := randomScalars(b, 1000)
	var r bls.G1Affine
	for b.Loop() {
		if _, err := r.MultiExp(pts, sc, ecc.MultiExpConfig{}); err != nil {
			b.Fatal(err)
		}
	}
}

// The scheme's operations.

func benchSetup(b *testing.B, n, t int) (*Dealing, *Committee) {
	d, err := TrustedDeal(seeded(uint64(n*t)), n, t)
	if err != nil {
		b.Fatal(err)
	}
	c, err := d.Committee()
	if err != nil {
		b.Fatal(err)
	}
	return d, c
}

// benchIDs are distinct transaction identities, hashed once.
func benchIDs(n int) []*IdentityPoint {
	ids := make([]*IdentityPoint, n)
	for i := range ids {
		ids[i] = TxIdentity([32]byte{byte(i), byte(i >> 8)}, common.Address{7}).Point()
	}
	return ids
}

// benchCiphertexts encrypts a 100-byte message for each of pool identities
// and combines each identity's key.
func benchCiphertexts(b *testing.B) ([]*Ciphertext, []*IdentityKey) {
	d, c := benchSetup(b, 3, 2)
	rng := seeded(2)
	var cts []*Ciphertext
	var keys []*IdentityKey
	for _, id := range benchIDs(pool) {
		ct, err := Encrypt(rng, make([]byte, 100), d.EonKey, id)
		if err != nil {
			b.Fatal(err)
		}
		cts = append(cts, ct)
		keys = append(keys, combineAll(b, c, d, id))
	}
	return cts, keys
}

func BenchmarkEncrypt100B(b *testing.B) {
	d, _ := benchSetup(b, 3, 2)
	ids := benchIDs(pool)
	msg := make([]byte, 100)
	rng := seeded(1)
	d.EonKey.pairingLines() // a wallet parses the eon key once per eon
	b.SetBytes(int64(len(msg)))
	i := 0
	for b.Loop() {
		i = (i + 1) % pool
		if _, err := Encrypt(rng, msg, d.EonKey, ids[i]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecrypt100B decrypts a ciphertext parsed at admission, as the
// chain holds them.
func BenchmarkDecrypt100B(b *testing.B) {
	cts, keys := benchCiphertexts(b)
	b.SetBytes(100)
	i := 0
	for b.Loop() {
		i = (i + 1) % pool
		if _, err := cts[i].Decrypt(keys[i]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecryptBytes100B decodes and decrypts raw bytes in one step.
func BenchmarkDecryptBytes100B(b *testing.B) {
	cts, keys := benchCiphertexts(b)
	raw := make([][]byte, pool)
	for i, ct := range cts {
		raw[i] = ct.Bytes()
	}
	b.SetBytes(100)
	i := 0
	for b.Loop() {
		i = (i + 1) % pool
		if _, err := Decrypt(raw[i], keys[i]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseCiphertext is the admission-time decode, subgroup check
// included.
func BenchmarkParseCiphertext(b *testing.B) {
	cts, _ := benchCiphertexts(b)
	raw := make([][]byte, pool)
	for i, ct := range cts {
		raw[i] = ct.Bytes()
	}
	i := 0
	for b.Loop() {
		i = (i + 1) % pool
		if _, err := ParseCiphertext(raw[i]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkShareRelease is what a keyper does per identity of a committed
// bundle: hash the identity to G1, multiply by its share, encode.
func BenchmarkShareRelease(b *testing.B) {
	d, _ := benchSetup(b, 3, 2)
	var pre Identity
	for b.Loop() {
		pre[0]++
		_ = d.Shares[0].Release(pre.Point()).Bytes()
	}
}

func BenchmarkVerifyShare(b *testing.B) {
	d, c := benchSetup(b, 3, 2)
	ids := benchIDs(pool)
	shares := make([]*IdentityKeyShare, pool)
	for i, id := range ids {
		shares[i] = d.Shares[0].Release(id)
	}
	i := 0
	for b.Loop() {
		i = (i + 1) % pool
		if _, err := c.VerifyShare(1, ids[i], shares[i]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkVerifyShares1000 checks one keyper's 1,000 shares of a bundle in
// one batch, identity points given (they are hashed once per bundle).
func BenchmarkVerifyShares1000(b *testing.B) {
	d, c := benchSetup(b, 3, 2)
	claims := make([]ShareClaim, 1000)
	for i := range claims {
		id := TxIdentity([32]byte{byte(i), byte(i >> 8)}, common.Address{2}).Point()
		claims[i] = ShareClaim{Keyper: 2, Identity: id, Share: d.Shares[1].Release(id)}
	}
	rng := seeded(4)
	for b.Loop() {
		v, faults, err := c.VerifyShares(rng, claims)
		if err != nil || len(faults) != 0 || len(v) != 1000 {
			b.Fatal(err, faults)
		}
	}
}

func BenchmarkVerifyKeys1000(b *testing.B) {
	d, c := benchSetup(b, 3, 2)
	claims := make([]KeyClaim, 1000)
	for i := range claims {
		id := TxIdentity([32]byte{byte(i), byte(i >> 8)}, common.Address{3}).Point()
		claims[i] = KeyClaim{Identity: id, Key: combineAll(b, c, d, id)}
	}
	rng := seeded(5)
	for b.Loop() {
		if bad, err := VerifyKeys(rng, d.EonKey, claims); err != nil || len(bad) != 0 {
			b.Fatal(err, bad)
		}
	}
}

func benchCombine(b *testing.B, n, t int) {
	d, c := benchSetup(b, n, t)
	sets := make([][]VerifiedShare, pool)
	for j, id := range benchIDs(pool) {
		for i := n - t; i < n; i++ { // the highest indices: an arbitrary signer set
			v, err := c.VerifyShare(i+1, id, d.Shares[i].Release(id))
			if err != nil {
				b.Fatal(err)
			}
			sets[j] = append(sets[j], v)
		}
	}
	j := 0
	for b.Loop() {
		j = (j + 1) % pool
		if _, err := c.Combine(sets[j]); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCombine3of4(b *testing.B)   { benchCombine(b, 4, 3) }
func BenchmarkCombine4of7(b *testing.B)   { benchCombine(b, 7, 4) }
func BenchmarkCombine11of21(b *testing.B) { benchCombine(b, 21, 11) }

// BenchmarkParseKeyShare decodes one key share from a peer: a G1 point
// decompression with its subgroup check, part of verifying untrusted
// shares before any pairing.
func BenchmarkParseKeyShare(b *testing.B) {
	d, _ := benchSetup(b, 3, 2)
	raw := make([][]byte, 64)
	for i := range raw {
		raw[i] = d.Shares[0].Release(TxIdentity([32]byte{byte(i)}, common.Address{3}).Point()).Bytes()
	}
	i := 0
	for b.Loop() {
		if _, err := ParseIdentityKeyShare(raw[i%len(raw)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
