package node

import (
	"context"
	"encoding/json"
	"errors"
	"sync"
	"time"

	"github.com/veil-sequencer/veil/api"
)

// feedKeep bounds the encoded feed events kept for readers: enough for
// readers a few minutes apart at 500 ms slots; older ones are encoded
// again when asked.
const feedKeep = 512

// feedPoll is how often a reader waiting at the head of the chain looks
// again.
const feedPoll = 50 * time.Millisecond

// feedCache holds recent feed events, encoded once for every reader. Its
// mutex also serializes encoding, so a hundred readers arriving at the same
// slot wait for one encoding instead of making a hundred.
type feedCache struct {
	mu    sync.Mutex
	data  map[api.FeedCursor][]byte
	order []api.FeedCursor
}

// FeedEvent answers the block feed: the JSON of the block at cur, waiting
// until it is committed (or decrypted, for that level).
func (b *Backend) FeedEvent(ctx context.Context, cur api.FeedCursor) ([]byte, error) {
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

func (b *Backend) feedEvent(ctx context.Context, cur api.FeedCursor) ([]byte, bool, error) {
	c := &b.feed
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.data == nil {
		c.data = make(map[api.FeedCursor][]byte)
	}
	if data, ok := c.data[cur]; ok {
		return data, true, nil
	}
	// Readers wait at the head: check cheaply that the event exists
	// before building a block for it.
	if ok, err := b.feedReady(cur); err != nil || !ok {
		return nil, false, err
	}
	blk, err := b.Block(ctx, cur.Slot)
	switch {
	case errors.Is(err, api.ErrNotFound):
		return nil, false, nil // not committed yet
	case err != nil:
		return nil, false, err
	case cur.Level == api.LevelDecrypted && blk.Level != api.LevelDecrypted:
		return nil, false, nil
	case cur.Level == api.LevelCommitted:
		blk = committedView(blk)
	}
	data, err := json.Marshal(blk)
	if err != nil {
		return nil, false, err
	}
	c.data[cur] = data
	c.order = append(c.order, cur)
	if len(c.order) > feedKeep {
		delete(c.data, c.order[0])
		c.order = c.order[1:]
	}
	return data, true, nil
}

// feedReady reports whether the event at cur exists: its slot committed
// and, for the decrypted level, its bundle's keys known (or the bundle
// empty).
func (b *Backend) feedReady(cur api.FeedCursor) (bool, error) {
	if cur.Slot == 0 || cur.Slot > b.node.Store.Height() {
		return false, nil
	}
	if cur.Level == api.LevelCommitted {
		return true, nil
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

// committedView is the block as its commit made it, whatever this node
// decrypted since: the committed event of a slot is the same on every node
// and for every reader.
func committedView(blk api.Block) api.Block {
	blk.Level = api.LevelCommitted
	blk.Keys = []api.BlockKey{}
	txs := make([]api.BlockTx, len(blk.Transactions))
	for i, tx := range blk.Transactions {
		txs[i] = api.BlockTx{EnvelopeHash: tx.EnvelopeHash, Identity: tx.Identity, Envelope: tx.Envelope, Status: api.LevelCommitted}
	}
	blk.Transactions = txs
	return blk
}
