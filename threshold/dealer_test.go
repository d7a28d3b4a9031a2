package threshold

import (
	"fmt"
	"io"
)

// The trusted dealer of this package's own tests (other packages' tests use
// package thresholdtest, which this package's tests cannot import).

// Dealing is the output of a trusted dealer.
type Dealing struct {
	EonKey       *EonPublicKey
	Shares       []*SecretKeyShare // Shares[i-1] is keyper i's
	PublicShares []*PublicKeyShare
	Threshold    int
}

// Committee returns the public side of the dealing.
func (d *Dealing) Committee() (*Committee, error) {
	return NewCommittee(d.EonKey, d.PublicShares, d.Threshold)
}

// Key is id's identity key combined from the first t keypers' shares: what
// the committee would release, for tests.
func (d *Dealing) Key(id *IdentityPoint) (*IdentityKey, error) {
	c, err := d.Committee()
	if err != nil {
		return nil, err
	}
	claims := make([]ShareClaim, d.Threshold)
	for i := range claims {
		claims[i] = ShareClaim{Keyper: i + 1, Identity: id, Share: d.Shares[i].Release(id)}
	}
	key, _, err := c.CombineClaims(nil, claims)
	return key, err
}

// TrustedDeal splits a fresh eon secret among n keypers with threshold t.
// The dealer knows the secret, which defeats a threshold committee: it exists
// for tests; the DKG (package dkg) makes real eon keys.
func TrustedDeal(rand io.Reader, n, t int) (*Dealing, error) {
	if n < 1 || n > MaxKeypers || t < 1 || t > n {
		return nil, fmt.Errorf("%w: t=%d of n=%d", ErrThreshold, t, n)
	}
	for {
		f, err := NewPolynomial(rand, t)
		if err != nil {
			return nil, err
		}
		d := &Dealing{Threshold: t}
		zero := false
		for i := 1; i <= n && !zero; i++ {
			share := f.Share(i)
			zero = share.s.IsZero()
			d.Shares = append(d.Shares, share)
			d.PublicShares = append(d.PublicShares, share.PublicKeyShare())
		}
		d.EonKey = &EonPublicKey{g2Key{p: f.Commit().points[0]}}
		f.Zero()
		if !zero { // a zero share has probability ~n/q: deal again rather than hand it out
			return d, nil
		}
	}
}
