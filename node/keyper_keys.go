package node

import (
	"bytes"
	"context"
	"slices"
	"sync"
	"time"

	"github.com/veil-sequencer/veil/keyper"
	"github.com/veil-sequencer/veil/threshold"
)

// keyBoard holds the keys the core reported combined for as long as a
// proposer may ask for them, and wakes the proposers waiting: keys reach
// PrepareProposal the moment they are whole, without polling.
type keyBoard struct {
	mu      sync.Mutex
	bid     map[uint64]*threshold.IdentityKey // by slot
	bundle  map[uint64]keyper.Keys            // by slot
	changed chan struct{}                     // closed, and replaced, when keys arrive
}

// bundleKeysKeep is how many slots behind the committed height a
// bundle's keys stay on the board: block s records the keys of bundles
// s−1 and s−2 (older ones come from decrypted bundles, if still kept).
const bundleKeysKeep = keyper.PendingBehind

func newKeyBoard() *keyBoard {
	return &keyBoard{bid: make(map[uint64]*threshold.IdentityKey), bundle: make(map[uint64]keyper.Keys), changed: make(chan struct{})}
}

func (b *keyBoard) put(ks keyper.Keys) {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch ks.Kind {
	case keyper.KindBidKey:
		if len(ks.Keys) != 1 {
			return
		}
		b.bid[ks.Slot] = ks.Keys[0]
	case keyper.KindBundle:
		b.bundle[ks.Slot] = ks
	default:
		return
	}
	close(b.changed)
	b.changed = make(chan struct{})
}

// prune drops the keys no proposer asks for once height is committed: the
// bid keys of decided slots, and old bundles' keys.
func (b *keyBoard) prune(height uint64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for s := range b.bid {
		if s <= height {
			delete(b.bid, s)
		}
	}
	for s := range b.bundle {
		if s+bundleKeysKeep <= height {
			delete(b.bundle, s)
		}
	}
}

// bidKey is slot's bid key if combined, or a channel closed when more keys
// arrive.
func (b *keyBoard) bidKey(slot uint64) (*threshold.IdentityKey, bool, <-chan struct{}) {
	b.mu.Lock()
	defer b.mu.Unlock()
	key, ok := b.bid[slot]
	return key, ok, b.changed
}

// bundleKeys is the keys of slot's bundle if they are combined for
// exactly ids, or a channel closed when more keys arrive.
func (b *keyBoard) bundleKeys(slot uint64, ids []threshold.Identity) ([]*threshold.IdentityKey, bool, <-chan struct{}) {
	b.mu.Lock()
	defer b.mu.Unlock()
	ks, ok := b.bundle[slot]
	if !ok || !slices.Equal(ks.Identities, ids) {
		return nil, false, b.changed
	}
	return ks.Keys, true, b.changed
}

// bundleKey is the key of entry index of slot's bundle, if on the board
// for identity id.
func (b *keyBoard) bundleKey(slot uint64, index uint32, id threshold.Identity) (*threshold.IdentityKey, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	ks, ok := b.bundle[slot]
	if !ok || int(index) >= len(ks.Keys) || int(index) >= len(ks.Identities) || ks.Identities[index] != id || ks.Keys[index] == nil {
		return nil, false
	}
	return ks.Keys[index], true
}

// BidKey gives the proposer slot's bid key, waiting at most the keyper's
// bound for the core to report it combined.
func (k *Keyper) BidKey(ctx context.Context, slot uint64) (*threshold.IdentityKey, bool) {
	deadline := time.NewTimer(k.wait)
	defer deadline.Stop()
	for {
		key, ok, changed := k.keys.bidKey(slot)
		if ok {
			return key, true
		}
		select {
		case <-ctx.Done():
			return nil, false
		case <-deadline.C:
			k.log.Warn("no bid key in time", "slot", slot, "wait", k.wait)
			return nil, false
		case <-changed:
		}
	}
}

// BundleKeys gives the proposer the keys of slot's committed bundle for
// ids, once whole; if wait, it waits at most the keyper's bound for them.
func (k *Keyper) BundleKeys(ctx context.Context, slot uint64, ids []threshold.Identity, wait bool) ([]*threshold.IdentityKey, bool) {
	var deadline <-chan time.Time
	if wait {
		t := time.NewTimer(k.wait)
		defer t.Stop()
		deadline = t.C
	}
	for {
		keys, ok, changed := k.keys.bundleKeys(slot, ids)
		if !ok {
			keys, ok = k.revealedKeys(slot, ids)
		}
		if ok {
			return keys, true
		}
		if !wait {
			return nil, false
		}
		select {
		case <-ctx.Done():
			return nil, false
		case <-deadline:
			k.log.Warn("no bundle keys in time", "slot", slot, "wait", k.wait)
			return nil, false
		case <-changed:
		}
	}
}

// revealedKeys is the keys of a bundle this keyper decrypted, if still
// kept, for exactly ids.
func (k *Keyper) revealedKeys(slot uint64, ids []threshold.Identity) ([]*threshold.IdentityKey, bool) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if r, ok := k.reveals.get(slot); ok && slices.Equal(r.Identities, ids) {
		return r.Keys, true
	}
	return nil, false
}

// KnownKey is proposer.KnownKey for the chain: the key of entry index of
// slot's bundle, if this keyper holds it (combined from verified shares,
// or decrypted with) and it encodes to raw. ProcessProposal then neither
// decodes nor verifies the recorded key again.
func (k *Keyper) KnownKey(slot uint64, index uint32, id threshold.Identity, raw []byte) (*threshold.IdentityKey, bool) {
	key, ok := k.keys.bundleKey(slot, index, id)
	if !ok {
		k.mu.Lock()
		if r, kept := k.reveals.get(slot); kept && int(index) < len(r.Keys) && int(index) < len(r.Identities) && r.Identities[index] == id {
			key, ok = r.Keys[index], r.Keys[index] != nil
		}
		k.mu.Unlock()
	}
	if !ok || !bytes.Equal(key.Bytes(), raw) {
		return nil, false
	}
	return key, true
}
