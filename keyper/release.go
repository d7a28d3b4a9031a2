package keyper

import (
	"errors"
	"fmt"

	"github.com/veil-sequencer/veil/threshold"
)

// CommittedChain is the chain as a keyper may read it when it releases:
// the height it committed and the identities of a committed slot's
// bundle, which the chain recomputes from the bundle's envelopes.
type CommittedChain interface {
	Height() uint64
	BundleIdentities(slot uint64) ([]threshold.Identity, error)
}

// ErrNotCommitted is a release asked for a slot the chain has not
// committed.
var ErrNotCommitted = errors.New("keyper: slot is not committed")

// ReleaseBundle is the one place transaction-key shares are made (protocol
// §3): for the bundle of a slot the chain committed, with the identities
// the chain recomputed from its envelopes, in bundle order. No list from a
// peer, a proposer or the pool reaches it, so a keyper never releases for
// an envelope still queued. points, if given, are identities already
// hashed to the curve (a collector's, from Points), used only for the
// identities the chain names.
func ReleaseBundle(share *threshold.SecretKeyShare, chain CommittedChain, slot uint64, points map[threshold.Identity]*threshold.IdentityPoint) ([]Share, error) {
	if h := chain.Height(); slot > h {
		return nil, fmt.Errorf("%w: slot %d, committed height %d", ErrNotCommitted, slot, h)
	}
	ids, err := chain.BundleIdentities(slot)
	if err != nil {
		return nil, fmt.Errorf("keyper: bundle of slot %d: %w", slot, err)
	}
	out := make([]Share, len(ids))
	threshold.Parallel(len(ids), func(i int) {
		p := points[ids[i]]
		if p == nil {
			p = ids[i].Point()
		}
		out[i] = Share{Identity: ids[i], Share: share.Release(p).Bytes()}
	})
	return out, nil
}
