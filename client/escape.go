package client

import (
	"context"
	"fmt"
	"sort"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/veil-sequencer/veil/contracts"
	"github.com/veil-sequencer/veil/mempool"
	"github.com/veil-sequencer/veil/params"
)

// Escaped is a forced item the escape hatch derives (protocol §9): older
// than forceDeadline of L1 time with no accepted batch covering it, it
// comes after the last slot derived before it, in queue order. Only a
// plain transaction that passes the forced rules is derived as a
// transaction (Tx); an envelope (which nobody can decrypt without the
// committee) or a refused item is derived as nothing, with its Reason.
type Escaped struct {
	Index  uint64
	L1Time uint64 // when it was enqueued
	Tx     []byte
	Reason string
}

// Reason an escaped envelope is derived as nothing.
const ReasonEscapedEnvelope = "envelope"

// forcedItem is a forced item no accepted batch covers yet, as judged when
// it was enqueued.
type forcedItem struct {
	index, time uint64
	tx          []byte
	reason      string
}

// escapeState is what the escape hatch remembers across reads: the items
// waiting, how many an accepted batch covers, and the plain transactions
// passed so far (the rules refuse one forced twice).
type escapeState struct {
	pending []forcedItem
	covered uint64
	plain   map[common.Hash]bool
}

// enqueue judges an Enqueued event the way Veil's chain does for every
// rule that needs no Veil state, and keeps it until covered or escaped.
func (e *escapeState) enqueue(ev *contracts.ForcedInclusionQueueEnqueued, chainID uint64, p params.Params) {
	if ev.ForcedIndex < e.covered {
		return
	}
	it := forcedItem{index: ev.ForcedIndex, time: ev.Timestamp}
	switch {
	case ev.Gas > p.ForcedGas():
		it.reason = mempool.ReasonForcedGas
	case mempool.IsForcedEnvelope(ev.Item):
		it.reason = ReasonEscapedEnvelope
	default:
		reason, _ := mempool.ForcedPlain(ev.Item, ev.Gas, chainID, p)
		h := crypto.Keccak256Hash(ev.Item)
		if reason == "" && e.plain[h] {
			reason = mempool.ReasonForcedDuplicate
		}
		if it.reason = reason; reason == "" {
			if e.plain == nil {
				e.plain = make(map[common.Hash]bool)
			}
			e.plain[h], it.tx = true, ev.Item
		}
	}
	e.pending = append(e.pending, it)
}

// cover drops the items an accepted batch settled (forcedUpTo is a count).
func (e *escapeState) cover(upTo uint64) {
	e.covered = max(e.covered, upTo)
	i := sort.Search(len(e.pending), func(i int) bool { return e.pending[i].index >= e.covered })
	e.pending = e.pending[i:]
}

// escape takes the items whose deadline L1 time now has reached: a prefix
// of pending, as items are enqueued in time order.
func (e *escapeState) escape(now, deadline uint64) []Escaped {
	var out []Escaped
	for len(e.pending) > 0 && now >= e.pending[0].time && now-e.pending[0].time >= deadline {
		it := e.pending[0]
		e.pending = e.pending[1:]
		out = append(out, Escaped{Index: it.index, L1Time: it.time, Tx: it.tx, Reason: it.reason})
	}
	return out
}

// escapesIn emits the escapes of L1 blocks lo … hi (no Veil event in
// them): for each, the first block whose time reaches the oldest pending
// item's deadline, found by halving over header times.
func (r *L1Reader) escapesIn(ctx context.Context, lo, hi uint64, out []L1Slots) ([]L1Slots, error) {
	deadline := r.Params.ForceDeadline
	for lo <= hi && len(r.esc.pending) > 0 {
		due := r.esc.pending[0].time + deadline
		top, err := r.blockTime(ctx, hi)
		if err != nil {
			return out, err
		}
		if top < due {
			return out, nil
		}
		a, b := lo, hi // the first block in a … b whose time reaches due; hi's does
		for a < b {
			m := a + (b-a)/2
			t, err := r.blockTime(ctx, m)
			if err != nil {
				return out, err
			}
			if t >= due {
				b = m
			} else {
				a = m + 1
			}
		}
		t, err := r.blockTime(ctx, a)
		if err != nil {
			return out, err
		}
		out = append(out, L1Slots{L1Block: a, Escaped: r.esc.escape(t, deadline)})
		lo = a + 1
	}
	return out, nil
}

// blockTime is an L1 block's timestamp.
func (r *L1Reader) blockTime(ctx context.Context, n uint64) (uint64, error) {
	h, err := r.L1.HeaderByNumber(ctx, newUint(n))
	if err != nil {
		return 0, fmt.Errorf("client: L1 block %d's header: %w", n, err)
	}
	return h.Time, nil
}
