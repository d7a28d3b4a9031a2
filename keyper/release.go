package keyper

import (
	"errors"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/veil-sequencer/veil/threshold"
)

// Committed is the chain as a keyper may read it when it releases: the
// height it committed and the identities of a committed slot's bundle,
// which the chain recomputes from the bundle's envelopes.
type Committed interface {
	Height() uint64
	BundleIdentities(slot uint64) ([]threshold.Identity, error)
}

// ErrNotCommitted is a release asked for a slot the chain has not
// committed.
var ErrNotCommitted = errors.New("keyper: slot is not committed")

// ReleaseBundle is the one place transaction-key shares are made (DESIGN
// §3): for the bundle of a slot the chain committed, with the identities
// the chain recomputed from its envelopes, in bundle order. No list from a
// peer, a proposer or the pool reaches it, so a keyper never releases for
// an envelope still queued. points, if given, are identities already
// hashed to the curve (a collector's, from Points), used only for the
// identities the chain names.
func ReleaseBundle(share *threshold.SecretKeyShare, chain Committed, slot uint64, points map[threshold.Identity]*threshold.IdentityPoint) ([]Share, error) {
	if h := chain.Height(); slot > h {
		return nil, fmt.Errorf("%w: slot %d, committed height %d", ErrNotCommitted, slot, h)
	}
	ids, err := chain.BundleIdentities(slot)
	if err != nil {
		return nil, fmt.Errorf("keyper: bundle of slot %d: %w", slot, err)
	}
	out := make([]Share, len(ids))
	parallel(len(ids), func(i int) {
		p := points[ids[i]]
		if p == nil {
			p = ids[i].Point()
		}
		out[i] = Share{Identity: ids[i], Share: share.Release(p).Bytes()}
	})
	return out, nil
}

// parallel runs f(0) … f(n−1) on every core. Shares, parsing and
// combining are independent per identity, and a bundle has up to a
// thousand identities.
func parallel(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				f(i)
			}
		})
	}
	wg.Wait()
}
