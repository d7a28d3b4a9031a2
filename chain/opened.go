package chain

import (
	"sync"

	"github.com/ethereum/go-ethereum/common"

	"github.com/veil-sequencer/veil/auction"
	"github.com/veil-sequencer/veil/bid"
	"github.com/veil-sequencer/veil/threshold"
)

// openedCache keeps opened bids by bid hash, so that a slot's bids are
// opened once per node: ahead of the proposal, on every core, as soon as
// the slot's bid key exists (App.OpenBids), and then read by
// PrepareProposal, ProcessProposal and FinalizeBlock alike. An opening is
// a function of the sealed bytes and the key alone, so an entry is used
// only with the key it was opened with. Bounded in bytes: the oldest slots
// go first.
type openedCache struct {
	mu    sync.Mutex
	m     map[common.Hash]openedBid
	bytes int
	limit int
}

type openedBid struct {
	slot    uint64
	key     [threshold.G1Size]byte
	payload *bid.Payload
	err     error
}

// openedCacheBytes bounds the cache: 2 slots of 64 bids of the largest
// payload. A slot's bids are opened when its key exists, during the block
// before, and forgotten once its block is decided (forget), so no more
// than the next slot and the one being decided are ever wanted.
const openedCacheBytes = 2 * 64 * (64 << 10)

func (b openedBid) size() int {
	n := 128
	if b.payload != nil {
		n += 32 * len(b.payload.Bundle)
	}
	return n
}

func newOpenedCache(limit int) *openedCache {
	return &openedCache{m: make(map[common.Hash]openedBid), limit: limit}
}

// open is an auction.Opener through the cache.
func (c *openedCache) open(x auction.Committed, key *threshold.IdentityKey) (*bid.Payload, error) {
	if key == nil {
		return auction.OpenBid(x, key)
	}
	kb := [threshold.G1Size]byte(key.Bytes())
	c.mu.Lock()
	e, ok := c.m[x.Hash]
	c.mu.Unlock()
	if ok && e.key == kb {
		return e.payload, e.err
	}
	payload, err := auction.OpenBid(x, key)
	c.put(x, kb, payload, err)
	return payload, err
}

func (c *openedCache) put(x auction.Committed, kb [threshold.G1Size]byte, payload *bid.Payload, err error) {
	e := openedBid{slot: x.Bid.Slot, key: kb, payload: payload, err: err}
	c.mu.Lock()
	defer c.mu.Unlock()
	if old, ok := c.m[x.Hash]; ok {
		c.bytes -= old.size()
	}
	c.m[x.Hash] = e
	c.bytes += e.size()
	for c.bytes > c.limit && len(c.m) > 1 {
		oldest := e.slot
		for _, o := range c.m {
			oldest = min(oldest, o.slot)
		}
		if oldest == e.slot {
			break // only this slot left: keep it whole
		}
		for h, o := range c.m {
			if o.slot == oldest {
				c.bytes -= o.size()
				delete(c.m, h)
			}
		}
	}
}

// forget drops the bids of slots up to slot: once a slot's block is
// decided, nothing reads them again.
func (c *openedCache) forget(slot uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for h, o := range c.m {
		if o.slot <= slot {
			c.bytes -= o.size()
			delete(c.m, h)
		}
	}
}

// OpenBids opens slot's committed bids with its bid key, on every core,
// into the cache the proposal and its checks read: called as soon as the
// key exists (a keyper combined it), off consensus and the API.
func (a *App) OpenBids(slot uint64, key *threshold.IdentityKey) error {
	st := NewState(a.store.Begin(), a.cfg.Params.Domain)
	bids, err := st.SlotBids(slot)
	if err != nil {
		return err
	}
	// Only the counting bids are ever opened (auction.Decide).
	var counting []auction.Committed
	for i, counts := range auction.Counting(bids) {
		if counts {
			counting = append(counting, bids[i])
		}
	}
	threshold.Parallel(len(counting), func(i int) { _, _ = a.opened.open(counting[i], key) })
	return nil
}
