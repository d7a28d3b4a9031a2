package threshold

import (
	"encoding/binary"
	"fmt"
	"io"
	"math/big"
	"slices"
	"sync"

	"github.com/consensys/gnark-crypto/ecc"
	bls "github.com/consensys/gnark-crypto/ecc/bls12-381"
	"github.com/consensys/gnark-crypto/ecc/bls12-381/fr"
)

// MaxKeypers bounds a committee; indices travel as uint16 in cache keys.
const MaxKeypers = 1 << 12

// coefficientBytes is the size of a batch-verification coefficient: 128
// bits bounds a forger's success probability by 2⁻¹²⁸ per batch.
const coefficientBytes = 16

// lagrangeCacheSize bounds the per-committee cache of Lagrange coefficients;
// honest operation sees few signer sets, so a full cache is simply dropped.
const lagrangeCacheSize = 4096

// pairCheck reports e(a, G2gen) == e(b, Q), computed as one multi-pairing
// e(a, G2gen)·e(−b, Q) == 1 over precomputed lines.
func pairCheck(a, b *bls.G1Affine, q *pairingLines) bool {
	var nb bls.G1Affine
	nb.Neg(b)
	ok, err := bls.PairingCheckFixedQ([]bls.G1Affine{*a, nb}, []pairingLines{*g2GenLines(), *q})
	return err == nil && ok
}

// VerifyKey checks a whole identity key against the eon key:
// e(key, G2gen) == e(H1(id), PK).
func VerifyKey(pk *EonPublicKey, id *IdentityPoint, key *IdentityKey) error {
	if !pairCheck(&key.p, &id.p, pk.pairingLines()) {
		return ErrBadKey
	}
	return nil
}

// KeyClaim is an identity key to check against the eon key.
type KeyClaim struct {
	Identity *IdentityPoint
	Key      *IdentityKey
}

// VerifyKeys checks many identity keys against the eon key with one pairing
// check on a random linear combination (coefficients from rand, nil meaning
// crypto/rand), and returns the positions of the keys that fail, found by
// single checks only when the combined check fails.
func VerifyKeys(rand io.Reader, pk *EonPublicKey, claims []KeyClaim) (bad []int, err error) {
	if len(claims) == 0 {
		return nil, nil
	}
	if len(claims) > 1 {
		coeffs, err := coefficients(rand, len(claims))
		if err != nil {
			return nil, err
		}
		keys := make([]bls.G1Affine, len(claims))
		ids := make([]bls.G1Affine, len(claims))
		for i, c := range claims {
			keys[i], ids[i] = c.Key.p, c.Identity.p
		}
		if combinedCheck(keys, ids, coeffs, pk.pairingLines()) {
			return nil, nil
		}
	}
	for i, c := range claims {
		if VerifyKey(pk, c.Identity, c.Key) != nil {
			bad = append(bad, i)
		}
	}
	return bad, nil
}

// combinedCheck reports e(Σ cᵢ·aᵢ, G2gen) == e(Σ cᵢ·bᵢ, Q).
func combinedCheck(a, b []bls.G1Affine, coeffs []fr.Element, q *pairingLines) bool {
	var sa, sb bls.G1Affine
	if _, err := sa.MultiExp(a, coeffs, ecc.MultiExpConfig{}); err != nil {
		return false
	}
	if _, err := sb.MultiExp(b, coeffs, ecc.MultiExpConfig{}); err != nil {
		return false
	}
	return pairCheck(&sa, &sb, q)
}

// coefficients draws n non-zero 128-bit scalars in one read, after the whole
// batch is known, so no share can be chosen against them.
func coefficients(rand io.Reader, n int) ([]fr.Element, error) {
	buf := make([]byte, n*coefficientBytes)
	if _, err := io.ReadFull(randOrDefault(rand), buf); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrRandom, err)
	}
	out := make([]fr.Element, n)
	for i := range out {
		b := buf[i*coefficientBytes : (i+1)*coefficientBytes]
		out[i].SetBytes(b)
		if out[i].IsZero() {
			out[i].SetOne()
		}
	}
	return out, nil
}

// Committee is the public side of one eon's keypers: the eon key, every
// keyper's public share and the threshold. It verifies and combines their
// identity key shares and caches Lagrange coefficients per signer set. It is
// safe for concurrent use.
type Committee struct {
	eonKey    *EonPublicKey
	shares    []*PublicKeyShare // shares[i-1] belongs to keyper i
	threshold int

	mu       sync.Mutex
	lagrange map[string][]*big.Int
}

// NewCommittee checks 1 ≤ t ≤ n ≤ MaxKeypers. publicShares[i-1] is keyper i's.
func NewCommittee(eonKey *EonPublicKey, publicShares []*PublicKeyShare, t int) (*Committee, error) {
	n := len(publicShares)
	if n == 0 || n > MaxKeypers || t < 1 || t > n {
		return nil, fmt.Errorf("%w: t=%d of n=%d", ErrThreshold, t, n)
	}
	if eonKey == nil || slices.Contains(publicShares, nil) {
		return nil, fmt.Errorf("%w: missing key", ErrThreshold)
	}
	return &Committee{
		eonKey:    eonKey,
		shares:    slices.Clone(publicShares),
		threshold: t,
		lagrange:  make(map[string][]*big.Int),
	}, nil
}

// EonKey returns the eon public key.
func (c *Committee) EonKey() *EonPublicKey { return c.eonKey }

// Threshold returns t, the number of shares that make a key.
func (c *Committee) Threshold() int { return c.threshold }

// PublicKeyShare returns keyper i's public share (i from 1).
func (c *Committee) PublicKeyShare(keyper int) (*PublicKeyShare, error) {
	if keyper < 1 || keyper > len(c.shares) {
		return nil, fmt.Errorf("%w: keyper %d of %d", ErrKeyperIndex, keyper, len(c.shares))
	}
	return c.shares[keyper-1], nil
}

// VerifiedShare is an identity key share that passed its pairing check.
// Only Committee's verification methods make one, so Combine never sees an
// unchecked share.
type VerifiedShare struct {
	committee *Committee
	keyper    int
	identity  *IdentityPoint
	share     bls.G1Affine
}

// Keyper is the index (from 1) of the keyper who released the share.
func (v VerifiedShare) Keyper() int { return v.keyper }

// Identity is the identity the share is for.
func (v VerifiedShare) Identity() *IdentityPoint { return v.identity }

// Share returns the share itself.
func (v VerifiedShare) Share() *IdentityKeyShare { return &IdentityKeyShare{p: v.share} }

// VerifyShare checks keyper's share for id: e(share, G2gen) == e(H1(id), PK_i).
func (c *Committee) VerifyShare(keyper int, id *IdentityPoint, share *IdentityKeyShare) (VerifiedShare, error) {
	pub, err := c.PublicKeyShare(keyper)
	if err != nil {
		return VerifiedShare{}, err
	}
	if !pairCheck(&share.p, &id.p, pub.pairingLines()) {
		return VerifiedShare{}, fmt.Errorf("%w: keyper %d, identity %x", ErrBadShare, keyper, id.preimage)
	}
	return VerifiedShare{committee: c, keyper: keyper, identity: id, share: share.p}, nil
}

// ShareClaim is a share as received: who claims to have released it, for
// which identity.
type ShareClaim struct {
	Keyper   int
	Identity *IdentityPoint
	Share    *IdentityKeyShare
}

// ShareFault names a share that failed verification: its keyper and identity.
type ShareFault struct {
	Keyper   int
	Identity []byte // preimage
	Err      error
}

func (f ShareFault) Error() string {
	return fmt.Sprintf("keyper %d, identity %x: %v", f.Keyper, f.Identity, f.Err)
}

func (f ShareFault) Unwrap() error { return f.Err }

// VerifyShares verifies a batch of shares with one pairing check per keyper
// on a random linear combination of that keyper's shares (coefficients drawn
// from rand, nil meaning crypto/rand, after the whole batch is in). When a
// keyper's combined check fails, its shares are checked one by one so that
// exactly the bad (keyper, identity) pairs are named. The returned shares are
// in input order; an error is returned only if rand fails.
func (c *Committee) VerifyShares(rand io.Reader, claims []ShareClaim) ([]VerifiedShare, []ShareFault, error) {
	var faults []ShareFault
	groups := make(map[int][]int) // keyper → positions in claims
	var order []int
	for i, cl := range claims {
		if cl.Identity == nil || cl.Share == nil {
			faults = append(faults, ShareFault{Keyper: cl.Keyper, Err: fmt.Errorf("%w: missing identity or share", ErrBadShare)})
			continue
		}
		if cl.Keyper < 1 || cl.Keyper > len(c.shares) {
			faults = append(faults, ShareFault{Keyper: cl.Keyper, Identity: cl.Identity.Preimage(), Err: ErrKeyperIndex})
			continue
		}
		if _, seen := groups[cl.Keyper]; !seen {
			order = append(order, cl.Keyper)
		}
		groups[cl.Keyper] = append(groups[cl.Keyper], i)
	}
	total := 0
	for _, g := range groups {
		total += len(g)
	}
	coeffs, err := coefficients(rand, total)
	if err != nil {
		return nil, nil, err
	}
	ok := make([]bool, len(claims))
	for _, k := range order {
		pos := groups[k]
		cs := coeffs[:len(pos)]
		coeffs = coeffs[len(pos):]
		if len(pos) > 1 && c.batchOK(k, claims, pos, cs) {
			for _, p := range pos {
				ok[p] = true
			}
			continue
		}
		for _, p := range pos {
			cl := claims[p]
			if _, err := c.VerifyShare(cl.Keyper, cl.Identity, cl.Share); err != nil {
				faults = append(faults, ShareFault{Keyper: cl.Keyper, Identity: cl.Identity.Preimage(), Err: ErrBadShare})
				continue
			}
			ok[p] = true
		}
	}
	var verified []VerifiedShare
	for i, cl := range claims {
		if ok[i] {
			verified = append(verified, VerifiedShare{committee: c, keyper: cl.Keyper, identity: cl.Identity, share: cl.Share.p})
		}
	}
	return verified, faults, nil
}

// CombineClaims verifies received shares of one identity as VerifyShares
// does and combines t valid ones: what a node does with the shares keypers
// send it. The faults name every bad share, also when enough good ones
// remain to make the key.
func (c *Committee) CombineClaims(rand io.Reader, claims []ShareClaim) (*IdentityKey, []ShareFault, error) {
	verified, faults, err := c.VerifyShares(rand, claims)
	if err != nil {
		return nil, faults, err
	}
	key, err := c.Combine(verified)
	return key, faults, err
}

func (c *Committee) batchOK(keyper int, claims []ShareClaim, pos []int, coeffs []fr.Element) bool {
	shares := make([]bls.G1Affine, len(pos))
	ids := make([]bls.G1Affine, len(pos))
	for i, p := range pos {
		shares[i], ids[i] = claims[p].Share.p, claims[p].Identity.p
	}
	return combinedCheck(shares, ids, coeffs, c.shares[keyper-1].pairingLines())
}

// Combine interpolates the identity key at 0 from verified shares of one
// identity. Duplicates of a keyper are ignored (a verified share is unique);
// with more than t keypers the t lowest indices are used. Combine does no
// pairing: its inputs are verified by construction.
func (c *Committee) Combine(shares []VerifiedShare) (*IdentityKey, error) {
	if len(shares) == 0 {
		return nil, fmt.Errorf("%w: none of %d", ErrTooFewShares, c.threshold)
	}
	id := shares[0].identity
	byKeyper := make([]VerifiedShare, 0, len(shares))
	for _, s := range shares {
		if s.committee != c {
			return nil, fmt.Errorf("%w: share verified by another committee", ErrBadShare)
		}
		if s.identity != id && string(s.identity.preimage) != string(id.preimage) {
			return nil, ErrMixedIdentity
		}
		byKeyper = append(byKeyper, s)
	}
	slices.SortFunc(byKeyper, func(a, b VerifiedShare) int { return a.keyper - b.keyper })
	byKeyper = slices.CompactFunc(byKeyper, func(a, b VerifiedShare) bool { return a.keyper == b.keyper })
	if len(byKeyper) < c.threshold {
		return nil, fmt.Errorf("%w: %d distinct keypers of %d", ErrTooFewShares, len(byKeyper), c.threshold)
	}
	byKeyper = byKeyper[:c.threshold]

	idx := make([]int, len(byKeyper))
	for i, s := range byKeyper {
		idx[i] = s.keyper
	}
	lambda := c.lagrangeAtZero(idx)
	var acc, term bls.G1Jac
	for i, s := range byKeyper {
		term.FromAffine(&s.share)
		term.ScalarMultiplication(&term, lambda[i])
		if i == 0 {
			acc = term
		} else {
			acc.AddAssign(&term)
		}
	}
	var key IdentityKey
	key.p.FromJacobian(&acc)
	return &key, nil
}

// lagrangeAtZero returns λ_i = Π_{k≠i} x_k / (x_k − x_i) for the sorted,
// distinct indices idx (x = keyper index), cached per set.
func (c *Committee) lagrangeAtZero(idx []int) []*big.Int {
	key := make([]byte, 2*len(idx))
	for i, x := range idx {
		binary.BigEndian.PutUint16(key[2*i:], uint16(x))
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if l, ok := c.lagrange[string(key)]; ok {
		return l
	}
	l := LagrangeAtZero(idx)
	out := make([]*big.Int, len(l))
	for i := range l {
		out[i] = l[i].BigInt(new(big.Int))
	}
	if len(c.lagrange) >= lagrangeCacheSize {
		clear(c.lagrange)
	}
	c.lagrange[string(key)] = out
	return out
}

// LagrangeAtZero returns the Lagrange coefficients at 0 for distinct,
// non-zero evaluation points xs. It panics on a duplicate or zero point,
// which is a caller's bug: Combine deduplicates before calling it.
func LagrangeAtZero(xs []int) []fr.Element {
	out := make([]fr.Element, len(xs))
	den := make([]fr.Element, len(xs))
	for i, xi := range xs {
		out[i].SetOne()
		den[i].SetOne()
		var fxi fr.Element
		fxi.SetInt64(int64(xi))
		for k, xk := range xs {
			if k == i {
				continue
			}
			var fxk, d fr.Element
			fxk.SetInt64(int64(xk))
			out[i].Mul(&out[i], &fxk)
			d.Sub(&fxk, &fxi)
			if d.IsZero() || fxk.IsZero() {
				panic("threshold: LagrangeAtZero with duplicate or zero point")
			}
			den[i].Mul(&den[i], &d)
		}
	}
	den = fr.BatchInvert(den)
	for i := range out {
		out[i].Mul(&out[i], &den[i])
	}
	return out
}
