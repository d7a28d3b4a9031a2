package threshold

import (
	"fmt"
	"io"
	"math/big"

	bls "github.com/consensys/gnark-crypto/ecc/bls12-381"
	"github.com/consensys/gnark-crypto/ecc/bls12-381/fr"
)

// Polynomial is a dealer's secret polynomial f of degree t−1 in a
// joint-Feldman DKG (or a trusted dealing): f(0) is its contribution to the
// eon secret, f(i) keyper i's share of it. It never prints; Zero it after
// dealing.
type Polynomial struct{ coeffs []fr.Element }

// NewPolynomial draws a random polynomial of degree t−1 from rand (nil means
// crypto/rand) with a non-zero constant term.
func NewPolynomial(rand io.Reader, t int) (*Polynomial, error) {
	if t < 1 || t > MaxKeypers {
		return nil, fmt.Errorf("%w: degree for t=%d", ErrThreshold, t)
	}
	rand = randOrDefault(rand)
	p := &Polynomial{coeffs: make([]fr.Element, t)}
	for i := range p.coeffs {
		for p.coeffs[i].IsZero() { // zero has probability 2⁻²⁵⁵; redraw
			s, err := randomScalar(rand)
			if err != nil {
				return nil, err
			}
			p.coeffs[i] = s
		}
	}
	return p, nil
}

// Bytes is the coefficients, 32 bytes each, big-endian: what a dealer
// keeps to survive a restart mid-DKG. Handle it as a secret.
func (p *Polynomial) Bytes() []byte {
	out := make([]byte, 0, len(p.coeffs)*ScalarSize)
	for i := range p.coeffs {
		b := p.coeffs[i].Bytes()
		out = append(out, b[:]...)
	}
	return out
}

// ParsePolynomial reads Bytes back: t coefficients, each a canonical
// scalar, the constant term non-zero.
func ParsePolynomial(b []byte) (*Polynomial, error) {
	if len(b) == 0 || len(b)%ScalarSize != 0 || len(b)/ScalarSize > MaxKeypers {
		return nil, fmt.Errorf("%w: polynomial of %d bytes", ErrThreshold, len(b))
	}
	p := &Polynomial{coeffs: make([]fr.Element, len(b)/ScalarSize)}
	for i := range p.coeffs {
		if err := p.coeffs[i].SetBytesCanonical(b[i*ScalarSize : (i+1)*ScalarSize]); err != nil {
			return nil, fmt.Errorf("%w: coefficient %d: %w", ErrThreshold, i, err)
		}
	}
	if p.coeffs[0].IsZero() {
		return nil, fmt.Errorf("%w: a polynomial with a zero constant term", ErrThreshold)
	}
	return p, nil
}

// Threshold is t, the number of coefficients.
func (p *Polynomial) Threshold() int { return len(p.coeffs) }

// Share evaluates f at keyper index i (from 1). A zero value, probability
// ~2⁻²⁵⁵, is returned as is; ParseSecretKeyShare would reject it.
func (p *Polynomial) Share(i int) *SecretKeyShare {
	return &SecretKeyShare{s: evalPoly(p.coeffs, uint64(i))}
}

// Commit returns the Feldman commitments aₘ·G2 to every coefficient.
func (p *Polynomial) Commit() *Commitment {
	jac := make([]bls.G2Jac, len(p.coeffs))
	for i := range p.coeffs {
		jac[i] = mulG2Base(&p.coeffs[i])
	}
	c := &Commitment{points: make([]bls.G2Affine, len(jac))}
	batchToAffineG2(c.points, jac)
	return c
}

// Zero overwrites the coefficients.
func (p *Polynomial) Zero() {
	for i := range p.coeffs {
		p.coeffs[i].SetZero()
	}
}

func (p Polynomial) String() string             { return "threshold.Polynomial{redacted}" }
func (p Polynomial) GoString() string           { return p.String() }
func (p Polynomial) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(p.String())) }

// Commitment is a dealer's public Feldman commitment [a₀·G2, …, a_{t−1}·G2].
type Commitment struct{ points []bls.G2Affine }

// ParseCommitment decodes exactly t concatenated compressed G2 points (no
// length prefix, as Shutter's gammas), each strictly.
func ParseCommitment(b []byte, t int) (*Commitment, error) {
	if t < 1 || t > MaxKeypers || len(b) != t*G2Size {
		return nil, lengthErr("commitment", len(b), t*G2Size)
	}
	c := &Commitment{points: make([]bls.G2Affine, t)}
	for i := range c.points {
		p, err := decodeG2(fmt.Sprintf("commitment[%d]", i), b[i*G2Size:(i+1)*G2Size], true)
		if err != nil {
			return nil, err
		}
		c.points[i] = p
	}
	return c, nil
}

// Bytes returns the concatenated compressed points.
func (c *Commitment) Bytes() []byte {
	out := make([]byte, 0, len(c.points)*G2Size)
	for i := range c.points {
		b := c.points[i].Bytes()
		out = append(out, b[:]...)
	}
	return out
}

// Threshold is t, the number of committed coefficients.
func (c *Commitment) Threshold() int { return len(c.points) }

// eval returns Σₘ iᵐ·Cₘ = f(i)·G2 (Horner, with the small scalar i).
func (c *Commitment) eval(i int) bls.G2Jac {
	var acc bls.G2Jac
	acc.FromAffine(&c.points[len(c.points)-1])
	x := new(big.Int).SetUint64(uint64(i))
	for m := len(c.points) - 2; m >= 0; m-- {
		acc.ScalarMultiplication(&acc, x)
		acc.AddMixed(&c.points[m])
	}
	return acc
}

// PublicShare returns f(i)·G2, the public share keyper i's evaluation of
// this dealer's polynomial must match.
func (c *Commitment) PublicShare(i int) *PublicKeyShare {
	j := c.eval(i)
	var p bls.G2Affine
	p.FromJacobian(&j)
	return &PublicKeyShare{g2Key{p: p}}
}

// VerifyShare reports whether share·G2 equals the committed f(i)·G2.
func (c *Commitment) VerifyShare(i int, share *SecretKeyShare) bool {
	j := c.eval(i)
	var p bls.G2Affine
	p.FromJacobian(&j)
	s := mulG2Base(&share.s)
	return jacEqualsAffine(&s, &p)
}

// Aggregate sums the commitments of the qualified dealers of a DKG into the
// eon public key Σ C_{d,0} and every keyper's public share Σ_d f_d(i)·G2,
// for keypers 1…n. It fails if the commitments disagree on t or the eon key
// is the point at infinity.
func Aggregate(commitments []*Commitment, n int) (*EonPublicKey, []*PublicKeyShare, error) {
	if len(commitments) == 0 || n < 1 || n > MaxKeypers {
		return nil, nil, fmt.Errorf("%w: %d commitments for %d keypers", ErrThreshold, len(commitments), n)
	}
	t := commitments[0].Threshold()
	sum := make([]bls.G2Jac, t)
	for _, c := range commitments {
		if c.Threshold() != t {
			return nil, nil, fmt.Errorf("%w: commitments of %d and %d coefficients", ErrThreshold, t, c.Threshold())
		}
		for m := range sum {
			sum[m].AddMixed(&c.points[m])
		}
	}
	if sum[0].Z.IsZero() {
		return nil, nil, decodeErr("aggregated eon key", ErrInfinity)
	}
	total := &Commitment{points: make([]bls.G2Affine, t)}
	batchToAffineG2(total.points, sum)
	pk := &EonPublicKey{g2Key{p: total.points[0]}}
	shares := make([]*PublicKeyShare, n)
	for i := range shares {
		shares[i] = total.PublicShare(i + 1)
	}
	return pk, shares, nil
}

// SumShares adds secret shares: keyper i's eon share is the sum of the
// qualified dealers' f_d(i).
func SumShares(shares []*SecretKeyShare) *SecretKeyShare {
	var s SecretKeyShare
	for _, x := range shares {
		s.s.Add(&s.s, &x.s)
	}
	return &s
}
