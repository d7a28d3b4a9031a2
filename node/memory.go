package node

import "github.com/veil-sequencer/veil/store"

// Memory bounds a node's caches in bytes. Each cache was bounded before;
// these make the bounds one figure per node, so that the four nodes of a
// veil devnet sharing one machine fit together (docs/operations.md).
type Memory struct {
	StoreBlocks   int64 // Pebble's block cache (off the Go heap)
	StoreValues   int64 // the store's committed-value cache
	FeedEvents    int64 // encoded feed events, for readers minutes apart
	FeedReveals   int64 // bundles decrypted for readers of old slots
	KeyperReveals int64 // bundles the keyper decrypted, within its window
}

// DefaultMemoryBytes is the caches' budget of a node alone on its machine.
const DefaultMemoryBytes = 256 << 20

// MemoryFor splits a budget in bytes across a node's caches: an eighth
// each to Pebble's blocks and the old-slot reveals, a quarter each to the
// committed values, the feed events and the keyper's reveals.
func MemoryFor(budget int64) Memory {
	return Memory{StoreBlocks: budget / 8, StoreValues: budget / 4, FeedEvents: budget / 4, FeedReveals: budget / 8, KeyperReveals: budget / 4}
}

func (m Memory) store() store.Options {
	return store.Options{BlockCacheBytes: m.StoreBlocks, ValueCacheBytes: m.StoreValues}
}

// WithMemory sizes the validator's store.
func WithMemory(m Memory) ValidatorOption {
	return func(s *validatorSettings) { s.store = m.store() }
}
