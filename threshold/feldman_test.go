package threshold

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/bls12-381/fr"
)

// TestJointFeldman runs the arithmetic of a dealer-free DKG by hand: three
// dealers' polynomials, each keyper's share the sum of its evaluations.
func TestJointFeldman(t *testing.T) {
	rng := seeded(43)
	const n, th = 5, 3
	var polys []*Polynomial
	var commits []*Commitment
	for range 3 {
		p, err := NewPolynomial(rng, th)
		if err != nil {
			t.Fatal(err)
		}
		polys = append(polys, p)
		commits = append(commits, p.Commit())
	}
	eonKey, pubs, err := Aggregate(commits, n)
	if err != nil {
		t.Fatal(err)
	}
	// The eon key is the sum of the dealers' constant terms times G2.
	var secret fr.Element
	for _, p := range polys {
		secret.Add(&secret, &p.coeffs[0])
	}
	if !(&SecretKeyShare{s: secret}).PublicKeyShare().g2Key.p.Equal(&eonKey.p) {
		t.Fatal("eon key is not Σ a_{d,0}·G2")
	}
	shares := make([]*SecretKeyShare, n)
	for i := range shares {
		var parts []*SecretKeyShare
		for d, p := range polys {
			s := p.Share(i + 1)
			if !commits[d].VerifyShare(i+1, s) {
				t.Fatalf("dealer %d's share for %d fails its commitment", d, i+1)
			}
			if commits[d].VerifyShare(i+2, s) {
				t.Fatalf("dealer %d's share for %d verifies at %d", d, i+1, i+2)
			}
			parts = append(parts, s)
		}
		shares[i] = SumShares(parts)
		if !shares[i].PublicKeyShare().Equal(pubs[i]) {
			t.Fatalf("keyper %d: summed share does not match the aggregated public share", i+1)
		}
	}
	c, err := NewCommittee(eonKey, pubs, th)
	if err != nil {
		t.Fatal(err)
	}
	id := BidIdentity(3, 3).Point()
	ct, _ := Encrypt(rng, []byte("dkg"), eonKey, id)
	key := combineFrom(t, c, shares, id, []int{5, 2, 4})
	if m, err := ct.Decrypt(key); err != nil || string(m) != "dkg" {
		t.Fatalf("decrypt: %q %v", m, err)
	}
	for _, p := range polys {
		p.Zero()
		if s := p.Share(7); !s.s.IsZero() || !strings.Contains(p.String(), "redacted") {
			t.Fatal("Zero left coefficients in place")
		}
	}
}

func TestCommitmentDecoding(t *testing.T) {
	p, _ := NewPolynomial(seeded(47), 4)
	c := p.Commit()
	b := c.Bytes()
	back, err := ParseCommitment(b, 4)
	if err != nil || !bytes.Equal(back.Bytes(), b) {
		t.Fatalf("round trip: %v", err)
	}
	if _, err := ParseCommitment(b, 3); !errors.Is(err, ErrLength) {
		t.Fatalf("t=3 for 4 points: %v", err)
	}
	bad := bytes.Clone(b)
	bad[2*G2Size] &^= flagCompressed
	var de *DecodeError
	if _, err := ParseCommitment(bad, 4); !errors.As(err, &de) || de.Field != "commitment[2]" || !errors.Is(err, ErrEncoding) {
		t.Fatalf("bad third point: %v", err)
	}
	if _, _, err := Aggregate([]*Commitment{c, mustPoly(t, 3).Commit()}, 4); !errors.Is(err, ErrThreshold) {
		t.Fatalf("mixed degrees: %v", err)
	}
	// A commitment that cancels another's constant term makes no eon key.
	neg := &Commitment{points: append(c.points[:0:0], c.points...)}
	neg.points[0].Neg(&neg.points[0])
	if _, _, err := Aggregate([]*Commitment{c, neg}, 4); !errors.Is(err, ErrInfinity) {
		t.Fatalf("cancelling commitments: %v", err)
	}
}

func mustPoly(t *testing.T, th int) *Polynomial {
	p, err := NewPolynomial(seeded(uint64(th)), th)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func FuzzParseCommitment(f *testing.F) {
	p, _ := NewPolynomial(seeded(53), 2)
	f.Add(p.Commit().Bytes(), uint8(2))
	f.Fuzz(func(t *testing.T, b []byte, th uint8) {
		c, err := ParseCommitment(b, int(th))
		if err == nil && !bytes.Equal(c.Bytes(), b) {
			t.Fatal("accepted a non-canonical encoding")
		}
		checkTyped(t, err)
	})
}

// TestPolynomialBytes: a polynomial's bytes read back to the same
// polynomial (the same shares and commitments); a length that is no whole
// number of scalars, a scalar out of range or a zero constant term is
// refused.
func TestPolynomialBytes(t *testing.T) {
	p, err := NewPolynomial(seeded(7), 3)
	if err != nil {
		t.Fatal(err)
	}
	b := p.Bytes()
	q, err := ParsePolynomial(b)
	if err != nil || q.Threshold() != 3 || !bytes.Equal(q.Commit().Bytes(), p.Commit().Bytes()) || !q.Share(5).Equal(p.Share(5)) {
		t.Fatalf("read back: %v", err)
	}
	zero := bytes.Clone(b)
	clear(zero[:ScalarSize])
	big := bytes.Clone(b)
	copy(big[ScalarSize:], bytes.Repeat([]byte{0xff}, ScalarSize))
	for name, bad := range map[string][]byte{"empty": nil, "a partial scalar": b[:40], "a zero constant term": zero, "a scalar past the order": big} {
		if _, err := ParsePolynomial(bad); !errors.Is(err, ErrThreshold) {
			t.Errorf("%s: %v", name, err)
		}
	}
}
