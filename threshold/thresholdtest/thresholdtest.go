// Package thresholdtest is a trusted dealer for tests: it splits an eon
// secret it knows among n keypers, which defeats the point of a threshold
// committee, so no network uses it (networks make eon keys with the DKG,
// package dkg). Tests of every package use it to get an eon, its shares and
// combined keys without running a DKG.
package thresholdtest

import (
	"context"
	"fmt"
	"io"

	"github.com/veil-sequencer/veil/threshold"
)

// Dealing is the output of a trusted dealer.
type Dealing struct {
	EonKey       *threshold.EonPublicKey
	Shares       []*threshold.SecretKeyShare // Shares[i-1] is keyper i's
	PublicShares []*threshold.PublicKeyShare
	Threshold    int
}

// Deal splits a fresh eon secret among n keypers with threshold t, drawing
// from rand (nil: crypto/rand); a seeded reader gives the same dealing
// every time.
func Deal(rand io.Reader, n, t int) (*Dealing, error) {
	if n < 1 || n > threshold.MaxKeypers || t < 1 || t > n {
		return nil, fmt.Errorf("%w: t=%d of n=%d", threshold.ErrThreshold, t, n)
	}
	for {
		f, err := threshold.NewPolynomial(rand, t)
		if err != nil {
			return nil, err
		}
		d := &Dealing{Threshold: t}
		zero := false
		for i := 1; i <= n && !zero; i++ {
			share := f.Share(i)
			b := share.Bytes()
			zero = b == [len(b)]byte{}
			d.Shares = append(d.Shares, share)
		}
		if !zero { // a zero share has probability ~n/q: deal again rather than hand it out
			d.EonKey, d.PublicShares, err = threshold.Aggregate([]*threshold.Commitment{f.Commit()}, n)
		}
		f.Zero()
		if err != nil {
			return nil, err
		}
		if !zero {
			return d, nil
		}
	}
}

// Committee returns the public side of the dealing.
func (d *Dealing) Committee() (*threshold.Committee, error) {
	return threshold.NewCommittee(d.EonKey, d.PublicShares, d.Threshold)
}

// Key is id's identity key combined from the first t keypers' shares: what
// the committee would release.
func (d *Dealing) Key(id *threshold.IdentityPoint) (*threshold.IdentityKey, error) {
	c, err := d.Committee()
	if err != nil {
		return nil, err
	}
	claims := make([]threshold.ShareClaim, d.Threshold)
	for i := range claims {
		claims[i] = threshold.ShareClaim{Keyper: i + 1, Identity: id, Share: d.Shares[i].Release(id)}
	}
	key, _, err := c.CombineClaims(nil, claims)
	return key, err
}

// Keys gives a proposer keys straight from a dealing, in place of the
// keypers' shares: every bid key and bundle key at once, as if the keypers
// released the moment a slot needed them.
type Keys struct {
	Dealing *Dealing
	ChainID uint64
}

// BidKey is slot's bid key.
func (k Keys) BidKey(_ context.Context, slot uint64) (*threshold.IdentityKey, bool) {
	return k.key(threshold.BidIdentity(k.ChainID, slot))
}

// BundleKeys are the keys of ids.
func (k Keys) BundleKeys(_ context.Context, _ uint64, ids []threshold.Identity, _ bool) ([]*threshold.IdentityKey, bool) {
	out := make([]*threshold.IdentityKey, len(ids))
	for i, id := range ids {
		var ok bool
		if out[i], ok = k.key(id); !ok {
			return nil, false
		}
	}
	return out, true
}

func (k Keys) key(id threshold.Identity) (*threshold.IdentityKey, bool) {
	key, err := k.Dealing.Key(id.Point())
	return key, err == nil
}
