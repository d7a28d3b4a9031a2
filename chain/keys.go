package chain

import (
	"fmt"

	"github.com/ethereum/go-ethereum/common"

	"github.com/veil-sequencer/veil/envelope"
	"github.com/veil-sequencer/veil/proposer"
	"github.com/veil-sequencer/veil/threshold"
)

// prefixKeys holds a bundle's combined keys once a block recorded them:
// ‖ slot(8) → key(48)… in bundle order.
const prefixKeys = 0x13

// Bundle is slot's committed order (nil before the slot or for an empty
// bundle).
func (s *State) Bundle(slot uint64) ([]common.Hash, error) {
	v, err := s.b.Get(key(prefixBundle, u64(slot)))
	if err != nil || len(v) == 0 {
		return nil, err
	}
	if len(v)%common.HashLength != 0 {
		return nil, fmt.Errorf("%w: bundle of slot %d has %d bytes", ErrCorrupt, slot, len(v))
	}
	out := make([]common.Hash, len(v)/common.HashLength)
	for i := range out {
		out[i] = common.BytesToHash(v[i*common.HashLength : (i+1)*common.HashLength])
	}
	return out, nil
}

// BundleEnvelopes reads slot's committed bundle: its envelope hashes and
// envelopes, in bundle order.
func (s *State) BundleEnvelopes(slot uint64) ([]common.Hash, []*envelope.Envelope, error) {
	bundle, err := s.Bundle(slot)
	if err != nil {
		return nil, nil, err
	}
	envs := make([]*envelope.Envelope, len(bundle))
	for i, h := range bundle {
		r, ok, err := s.Tx(h)
		if err != nil {
			return nil, nil, err
		}
		if !ok || r.Status != StatusCommitted || r.Slot != slot {
			return nil, nil, fmt.Errorf("%w: envelope %s of slot %d's bundle", ErrCorrupt, h, slot)
		}
		envs[i] = r.Envelope
	}
	return bundle, envs, nil
}

// BundleIdentities recomputes the identities of slot's committed bundle
// from its envelopes, in bundle order: what keys are released and checked
// for, never a list anyone supplies (protocol §3).
func (s *State) BundleIdentities(slot uint64) ([]common.Hash, []threshold.Identity, error) {
	bundle, envs, err := s.BundleEnvelopes(slot)
	if err != nil {
		return nil, nil, err
	}
	return bundle, Identities(envs), nil
}

// Identities are the envelopes' identities, in order.
func Identities(envs []*envelope.Envelope) []threshold.Identity {
	ids := make([]threshold.Identity, len(envs))
	for i, e := range envs {
		ids[i] = e.Identity()
	}
	return ids
}

// BundleKeys reads the recorded keys of slot's bundle; false until a block
// recorded them.
func (s *State) BundleKeys(slot uint64) ([]*threshold.IdentityKey, bool, error) {
	v, err := s.b.Get(key(prefixKeys, u64(slot)))
	if err != nil || v == nil {
		return nil, false, err
	}
	if len(v)%threshold.G1Size != 0 {
		return nil, false, fmt.Errorf("%w: keys of slot %d have %d bytes", ErrCorrupt, slot, len(v))
	}
	out := make([]*threshold.IdentityKey, len(v)/threshold.G1Size)
	for i := range out {
		if out[i], err = threshold.ParseIdentityKey(v[i*threshold.G1Size : (i+1)*threshold.G1Size]); err != nil {
			return nil, false, fmt.Errorf("%w: key %d of slot %d: %v", ErrCorrupt, i, slot, err)
		}
	}
	return out, true, nil
}

// dueKeys lists the bundles whose keys block slot may or must record:
// bundle(slot−1) may, bundle(slot−2) must, each only if it is not empty and
// no earlier block recorded its keys.
func (s *State) dueKeys(slot uint64) ([]proposer.Due, error) {
	var due []proposer.Due
	for back := uint64(2); back >= 1; back-- {
		if slot <= back {
			continue
		}
		d := slot - back
		if v, err := s.b.Get(key(prefixKeys, u64(d))); err != nil || v != nil {
			if err != nil {
				return nil, err
			}
			continue
		}
		_, ids, err := s.BundleIdentities(d)
		if err != nil {
			return nil, err
		}
		if len(ids) > 0 {
			due = append(due, proposer.Due{Slot: d, Identities: ids, Required: back == 2})
		}
	}
	return due, nil
}

// recordKeys stores the keys a slot record carries, per bundle.
func (s *State) recordKeys(keys []proposer.Key) {
	var slot uint64
	var blob []byte
	flush := func() {
		if blob != nil {
			s.b.Insert(key(prefixKeys, u64(slot)), blob) // recorded once: dueKeys offers a bundle only until then
		}
	}
	for _, k := range keys {
		if blob != nil && k.Slot != slot {
			flush()
			blob = nil
		}
		slot = k.Slot
		blob = append(blob, k.Key.Bytes()...)
	}
	flush()
}
