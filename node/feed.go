package node

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/veil-sequencer/veil/api"
	"github.com/veil-sequencer/veil/api/apitypes"
	"github.com/veil-sequencer/veil/decrypt"
	"github.com/veil-sequencer/veil/envelope"
	"github.com/veil-sequencer/veil/threshold"
)

// Bounds of the caches that serve the feed and old blocks, in bytes: a
// slot's data ranges from a few hundred bytes to megabytes (the largest
// bundle, 30M gas of ciphertext at 16 gas a byte, is about 2 MB of
// envelopes and up to as much of plaintexts; its decrypted event, in hex,
// about 8 MB), so only bytes bound memory. Together under 100 MiB.
//   - feedCacheBytes: encoded feed events, for readers minutes apart at the
//     head (8 of the largest possible events, 37 of a 1,000-transaction
//     block's 1.7 MB, thousands of small ones); older ones are encoded
//     again when asked.
//   - revealCacheBytes: bundles decrypted from the keys on chain (slots
//     older than the keyper keeps, or on a node that is no keyper), so
//     readers of an old slot pay one decryption between them (8 of the
//     largest bundles).
const (
	feedCacheBytes   = 64 << 20
	revealCacheBytes = 32 << 20
)

// Bytes counted for each kept value beyond its payload: map and list
// entries, slice headers; for a decrypted transaction its hash, identity,
// key, envelope and result structs.
const (
	entryOverhead = 128
	txOverhead    = 512
)

// feedPoll is how often a reader waiting at the head of the chain looks
// again.
const feedPoll = 50 * time.Millisecond

// feedCache holds what serving the feed and GET /v1/blocks/{slot} makes
// once for every reader: encoded feed events, and bundles decrypted from
// the chain's keys. Both are bounded in bytes and built once per key
// however many readers ask at once, outside any lock shared between keys:
// a reader of an old slot delays only readers of that slot. Its zero value
// is ready (Backend holds one).
type feedCache struct {
	once    sync.Once
	events  *flightCache[apitypes.FeedCursor, []byte]
	reveals *flightCache[uint64, *Reveal]
	// eventBytes and revealBytes bound the two (0: feedCacheBytes,
	// revealCacheBytes); set before first use.
	eventBytes, revealBytes int64

	// Tests replace these before first use: build makes the event at a
	// cursor (nil: Backend.buildFeedEvent), decrypt a bundle (nil:
	// decrypt.Bundle).
	build   func(context.Context, apitypes.FeedCursor) ([]byte, bool, error)
	decrypt func(context.Context, []*envelope.Envelope, []*threshold.IdentityKey) ([]decrypt.Result, error)
}

// init makes the caches not set yet.
func (c *feedCache) init() *feedCache {
	c.once.Do(func() {
		if c.events == nil {
			c.events = newFlightCache[apitypes.FeedCursor](cmp.Or(c.eventBytes, feedCacheBytes), eventBytes)
		}
		if c.reveals == nil {
			c.reveals = newFlightCache[uint64](cmp.Or(c.revealBytes, revealCacheBytes), revealBytes)
		}
	})
	return c
}

// eventBytes is what an encoded event holds in the cache.
func eventBytes(data []byte) int64 { return int64(len(data)) + entryOverhead }

// revealBytes is what a decrypted bundle holds in the cache: its
// ciphertexts, signatures, plaintexts and reasons, and a fixed part per
// transaction.
func revealBytes(r *Reveal) int64 {
	n := int64(entryOverhead + len(r.Envelopes)*txOverhead)
	for _, e := range r.Envelopes {
		n += int64(len(e.Ciphertext) + len(e.Signature))
	}
	for _, res := range r.Results {
		n += int64(len(res.Plaintext) + len(res.Reason))
	}
	return n
}

// FeedEvent answers the block feed: the JSON of the block at cur, waiting
// until it is committed (or decrypted, or final, for those levels).
func (b *Backend) FeedEvent(ctx context.Context, cur apitypes.FeedCursor) ([]byte, error) {
	for {
		data, ok, err := b.feedEvent(ctx, cur)
		if err != nil || ok {
			return data, err
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(feedPoll):
		}
	}
}

// feedEvent is the event at cur if it exists yet: kept, or built once for
// every reader asking at the same time.
func (b *Backend) feedEvent(ctx context.Context, cur apitypes.FeedCursor) ([]byte, bool, error) {
	c := b.feed.init()
	return c.events.get(ctx, cur, func(ctx context.Context) ([]byte, bool, error) {
		if c.build != nil {
			return c.build(ctx, cur)
		}
		return b.buildFeedEvent(ctx, cur)
	})
}

// buildFeedEvent encodes the event at cur; false while it does not exist.
func (b *Backend) buildFeedEvent(ctx context.Context, cur apitypes.FeedCursor) ([]byte, bool, error) {
	// Readers wait at the head: check cheaply that the event exists
	// before building a block for it.
	if ok, err := b.feedReady(cur); err != nil || !ok {
		return nil, false, err
	}
	// The committed event is the block as its commit made it, whatever
	// this node decrypted since: the same on every node and for every
	// reader, and built without decrypting.
	blk, err := b.block(ctx, cur.Slot, cur.Level != apitypes.LevelCommitted)
	switch {
	case errors.Is(err, api.ErrNotFound):
		return nil, false, nil // not committed yet
	case err != nil:
		return nil, false, err
	case cur.Level != apitypes.LevelCommitted && blk.Level != apitypes.LevelDecrypted:
		return nil, false, nil
	}
	if cur.Level == apitypes.LevelFinal {
		if blk.Final, err = b.finality(b.state(), cur.Slot); err != nil || blk.Final == nil {
			return nil, false, err
		}
	}
	data, err := json.Marshal(blk)
	if err != nil {
		return nil, false, fmt.Errorf("node: encoding feed event %s: %w", cur.ID(), err)
	}
	return data, true, nil
}

// feedReady reports whether the event at cur exists: its slot committed
// and, for the decrypted level, its bundle's keys known (or the bundle
// empty); for the final level, a batch L1 accepted covers it (the batch
// was built from the plaintexts, so its keys are known).
func (b *Backend) feedReady(cur apitypes.FeedCursor) (bool, error) {
	if cur.Slot == 0 || cur.Slot > b.node.Store.Height() {
		return false, nil
	}
	switch cur.Level {
	case apitypes.LevelCommitted:
		return true, nil
	case apitypes.LevelFinal:
		f, err := b.finality(b.state(), cur.Slot)
		return f != nil, err
	}
	if b.keyper != nil {
		if _, ok := b.keyper.Reveal(cur.Slot); ok {
			return true, nil
		}
	}
	st := b.state()
	bundle, err := st.Bundle(cur.Slot)
	if err != nil || len(bundle) == 0 {
		return err == nil, err
	}
	_, ok, err := st.BundleKeys(cur.Slot)
	return ok, err
}
