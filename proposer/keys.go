package proposer

import (
	"errors"
	"fmt"

	"github.com/veil-sequencer/veil/threshold"
)

// Due is a committed bundle whose keys are not yet on chain when block s is
// built: bundle(s−1), which block s may carry, and bundle(s−2), which it
// must (protocol §3). Identities are recomputed by the chain from the
// bundle's envelopes, in bundle order.
type Due struct {
	Slot       uint64
	Identities []threshold.Identity
	Required   bool
	// EonKey is the key of the eon the bundle's envelopes name, when it
	// is not the slot's (a bundle committed before an activation whose
	// keys come after it); nil: Inputs.EonKey.
	EonKey *threshold.EonPublicKey
}

// KeySet is the combined keys a proposer has, by bundle slot, in bundle
// order.
type KeySet map[uint64][]*threshold.IdentityKey

// Errors of recorded keys.
var (
	ErrNoKeys  = errors.New("proposer: the keys of a bundle due in this block are missing")
	ErrBadKeys = errors.New("proposer: recorded keys are not the due bundle's")
)

// recordKeys lists, for the record, the keys of every due bundle the set
// holds whole, by (slot, index); a required bundle without them is
// ErrNoKeys. A partial set is never recorded.
func recordKeys(due []Due, have KeySet) ([]Key, error) {
	var out []Key
	for _, d := range due {
		ks := have[d.Slot]
		whole := len(ks) == len(d.Identities)
		for _, k := range ks {
			whole = whole && k != nil
		}
		if !whole {
			if d.Required {
				return nil, fmt.Errorf("%w: bundle of slot %d", ErrNoKeys, d.Slot)
			}
			continue
		}
		for i, k := range ks {
			out = append(out, Key{Slot: d.Slot, Index: uint32(i), Identity: d.Identities[i], Key: k})
		}
	}
	return out, nil
}

// checkKeys verifies a record's keys: each for a due bundle, every key of
// that bundle in order with its recomputed identity, each bundle whole, the
// required ones present, and every key valid under the eon key (one batched
// pairing check, over the keys not already known verified: known[i] for
// keys[i], nil for none). It returns them as a KeySet.
func checkKeys(in Inputs, keys []Key, known []bool) (KeySet, error) {
	due := make(map[uint64]Due, len(in.Due))
	for _, d := range in.Due {
		due[d.Slot] = d
	}
	set := KeySet{}
	var check []int // the keys to verify
	for j, k := range keys {
		d, ok := due[k.Slot]
		if !ok {
			return nil, fmt.Errorf("%w: keys for slot %d, whose bundle is not due", ErrBadKeys, k.Slot)
		}
		i := len(set[k.Slot])
		if int(k.Index) != i || i >= len(d.Identities) || k.Identity != d.Identities[i] {
			return nil, fmt.Errorf("%w: slot %d key %d for %s, want index %d of %d", ErrBadKeys, k.Slot, k.Index, k.Identity, i, len(d.Identities))
		}
		set[k.Slot] = append(set[k.Slot], k.Key)
		if known == nil || !known[j] {
			check = append(check, j)
		}
	}
	for _, d := range in.Due {
		if n := len(set[d.Slot]); n != 0 && n != len(d.Identities) {
			return nil, fmt.Errorf("%w: %d of the %d keys of slot %d", ErrBadKeys, n, len(d.Identities), d.Slot)
		}
		if d.Required && len(set[d.Slot]) == 0 {
			return nil, fmt.Errorf("%w: bundle of slot %d", ErrNoKeys, d.Slot)
		}
	}
	// Each identity hashed to the curve on every core: a bundle of a
	// thousand is ~80 ms on one.
	claims := make([]threshold.KeyClaim, len(check))
	threshold.Parallel(len(check), func(i int) {
		k := keys[check[i]]
		claims[i] = threshold.KeyClaim{Identity: k.Identity.Point(), Key: k.Key}
	})
	// One batched check per eon key (two only across an activation).
	byKey := map[*threshold.EonPublicKey][]int{}
	var order []*threshold.EonPublicKey
	for i, j := range check {
		ek := due[keys[j].Slot].EonKey
		if ek == nil {
			ek = in.EonKey
		}
		if byKey[ek] == nil {
			order = append(order, ek)
		}
		byKey[ek] = append(byKey[ek], i)
	}
	for _, ek := range order {
		idx := byKey[ek]
		group := make([]threshold.KeyClaim, len(idx))
		for n, i := range idx {
			group[n] = claims[i]
		}
		bad, err := threshold.VerifyKeys(nil, ek, group)
		if err != nil {
			return nil, err
		}
		if len(bad) > 0 {
			k := keys[check[idx[bad[0]]]]
			return nil, fmt.Errorf("%w: slot %d key %d does not verify under the eon key (%d bad)", ErrBadKeys, k.Slot, k.Index, len(bad))
		}
	}
	return set, nil
}
