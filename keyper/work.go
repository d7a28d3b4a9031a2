package keyper

import (
	"fmt"

	"github.com/veil-sequencer/veil/threshold"
)

// Work is computation a Core hands out rather than run under the lock
// the runtime holds it with: a signature check, a batch of pairings, this
// keyper's shares, the combining of keys. Do reads nothing the core
// changes, so it runs on any goroutine, several at once; its result must
// be stepped back in (a batch holds its shares against being verified
// twice until then, a combine its target). The concrete types (*Check,
// *Batch, *Release, *Combine) let a runtime time its stages.
type Work interface {
	Do() Input
}

// Check is a message's signature check.
type Check struct {
	col *Collector
	msg *Message
	own bool
}

// Message is the message being checked.
func (w *Check) Message() *Message { return w.msg }

// Do recovers the message's signer and compares it with its keyper's
// address in the eon.
func (w *Check) Do() Input { return authenticated{msg: w.msg, own: w.own, err: w.col.signed(w.msg)} }

// Release is this keyper's shares of a target's identities: a slot's bid
// key, or a committed bundle's keys through ReleaseBundle.
type Release struct {
	Target
	Identities []threshold.Identity // the bundle's; none for a bid key
	chainID    uint64
	height     uint64 // the committed height it is released at
	keyper     uint64
	share      *threshold.SecretKeyShare
	points     map[threshold.Identity]*threshold.IdentityPoint
}

func (e *eonState) release(kind Kind, slot, height uint64, ids []threshold.Identity, points map[threshold.Identity]*threshold.IdentityPoint) *Release {
	return &Release{Target: Target{Eon: e.share.Eon.Eon, Slot: slot, Kind: kind}, Identities: ids,
		chainID: e.share.Eon.ChainID, height: height, keyper: uint64(e.share.Index), share: e.share.Share, points: points}
}

// Do makes the shares and the unsigned message carrying them.
func (w *Release) Do() Input {
	m := &Message{ChainID: w.chainID, Eon: w.Eon, Slot: w.Slot, Keyper: w.keyper}
	switch w.Kind {
	case KindBidKey:
		m.BidKeyShare = w.share.Release(threshold.BidIdentity(w.chainID, w.Slot).Point()).Bytes()
	case KindBundle:
		shares, err := ReleaseBundle(w.share, committedBundle{height: w.height, slot: w.Slot, ids: w.Identities}, w.Slot, w.points)
		if err != nil {
			return released{err: err}
		}
		m.Shares = shares
	default:
		return released{err: fmt.Errorf("keyper: no release of kind %v", w.Kind)}
	}
	return released{msg: m}
}

// committedBundle is Committed as the core was told of it: the height and
// the one bundle it committed.
type committedBundle struct {
	height, slot uint64
	ids          []threshold.Identity
}

func (c committedBundle) Height() uint64 { return c.height }
func (c committedBundle) BundleIdentities(slot uint64) ([]threshold.Identity, error) {
	if slot != c.slot {
		return nil, fmt.Errorf("keyper: bundle of slot %d was not committed here", slot)
	}
	return c.ids, nil
}

// Combine is the combining of a target's keys from t verified shares of
// each identity (Lagrange at 0), on every core.
type Combine struct {
	Target
	Identities []threshold.Identity
	committee  *threshold.Committee
	keys       []*threshold.IdentityKey    // combined before, or nil
	shares     [][]threshold.VerifiedShare // t of each identity still to combine
}

// Do combines every key not combined yet.
func (w *Combine) Do() Input {
	keys := append([]*threshold.IdentityKey(nil), w.keys...)
	var todo []int
	for i, k := range keys {
		if k == nil {
			todo = append(todo, i)
		}
	}
	errs := make([]error, len(todo))
	threshold.Parallel(len(todo), func(j int) { keys[todo[j]], errs[j] = w.committee.Combine(w.shares[todo[j]]) })
	for j, err := range errs {
		if err != nil { // verified shares always combine
			return combined{Target: w.Target, err: fmt.Errorf("keyper: combine %s: %w", w.Identities[todo[j]], err)}
		}
	}
	return combined{Target: w.Target, ids: w.Identities, keys: keys}
}

// The results of work, stepped back into the core.
type (
	authenticated struct {
		msg *Message
		own bool
		err error
	}
	verified struct{ b *Batch }
	released struct {
		msg *Message
		err error
	}
	combined struct {
		Target
		ids  []threshold.Identity
		keys []*threshold.IdentityKey
		err  error
	}
)

func (authenticated) input() {}
func (verified) input()      {}
func (released) input()      {}
func (combined) input()      {}
