package node

import (
	"time"

	"github.com/veil-sequencer/veil/api/apitypes"
	"github.com/veil-sequencer/veil/chain"
	"github.com/veil-sequencer/veil/eon"
)

// What the API adds for operators and the status page beyond the
// protocol's objects: how each keyper has served this node, how far the
// batches have come, and how long this node took to decrypt a bundle.

// keyperHealth is one keyper of one eon as this node's keyper saw it.
type keyperHealth struct {
	badShares, missing           int
	lastBadSlot, lastMissingSlot uint64
}

// noteHealth counts a bad share (bad) or a silence of keyper index of eon
// e for slot. Holds k.mu.
func (k *Keyper) noteHealth(e, index, slot uint64, bad bool) {
	if k.health == nil {
		k.health = make(map[[2]uint64]*keyperHealth)
	}
	h := k.health[[2]uint64{e, index}]
	if h == nil {
		h = &keyperHealth{}
		k.health[[2]uint64{e, index}] = h
	}
	if bad {
		h.badShares++
		h.lastBadSlot = max(h.lastBadSlot, slot)
	} else {
		h.missing++
		h.lastMissingSlot = max(h.lastMissingSlot, slot)
	}
	// Older eons' keypers are no one's concern once retired: keep the
	// map to the eons a keyper can still hear of.
	for key := range k.health {
		if key[0]+2 < e {
			delete(k.health, key)
		}
	}
}

// Health is keyper index of eon e as this node saw it since it started;
// zero counts for one that never failed it.
func (k *Keyper) Health(e, index uint64) apitypes.KeyperHealth {
	k.mu.Lock()
	defer k.mu.Unlock()
	out := apitypes.KeyperHealth{Index: index}
	if h := k.health[[2]uint64{e, index}]; h != nil {
		out.BadShares, out.LastBadSlot, out.Missing, out.LastMissingSlot = h.badShares, h.lastBadSlot, h.missing, h.lastMissingSlot
	}
	return out
}

// keyperHealth fills in the health of each validator that is a keyper of
// the active eon, read by active, matched by its keyper address. Only a
// keyper of that eon hears its shares: on any other node, or if the eon
// cannot be read, it fills in nothing rather than everyone healthy or a
// failed request (the validators are what was asked for).
func (b *Backend) keyperHealth(vals []apitypes.Validator, active func() (*eon.Info, error)) {
	if b.keyper == nil {
		return
	}
	e, err := active()
	if err != nil || e == nil || b.keyper.shareOf(e.Eon) == nil {
		return
	}
	for i := range vals {
		for _, kp := range e.Keypers {
			if kp.Address == vals[i].Keyper {
				h := b.keyper.Health(e.Eon, uint64(kp.Index))
				vals[i].KeyperHealth = &h
				break
			}
		}
	}
}

// batches is how far the batches onto L1 have come.
func batches(st *chain.State) (*apitypes.Batches, error) {
	var out apitypes.Batches
	var err error
	if out.Fixed, err = st.NextBatch(); err != nil {
		return nil, err
	}
	if out.Signed, err = st.NextUnsignedBatch(); err != nil {
		return nil, err
	}
	if out.Accepted, err = st.NextAcceptedBatch(); err != nil {
		return nil, err
	}
	if out.Fixed > 0 {
		last, ok, err := st.Batch(out.Fixed - 1)
		if err != nil {
			return nil, err
		}
		if ok {
			out.Last = &apitypes.BatchRange{Index: last.Index, FirstSlot: last.FirstSlot, LastSlot: last.LastSlot}
		}
	}
	return &out, nil
}

// decryption is slot's decryption time on this node, if its keyper
// decrypted the bundle and still keeps it.
func (b *Backend) decryption(slot uint64) *apitypes.Decryption {
	if b.keyper == nil {
		return nil
	}
	rv, ok := b.keyper.Reveal(slot)
	if !ok || rv.Stages.Total == 0 {
		return nil
	}
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	s := rv.Stages
	return &apitypes.Decryption{SharesMs: ms(s.Shares), VerifyMs: ms(s.Verify), CombineMs: ms(s.Combine), DecryptMs: ms(s.Decrypt), TotalMs: ms(s.Total)}
}
