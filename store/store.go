// Package store is the storage under Veil's chain state: the committed
// state in Pebble, a block's write set over it (reads see the block's own
// writes; nothing reaches the database before Commit), and the AppHash of
// protocol §6. It knows keys and bytes; package chain gives them meaning.
package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"slices"
	"sync"

	"github.com/cockroachdb/pebble/v2"
	"github.com/cockroachdb/pebble/v2/bloom"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/veil-sequencer/veil/merkle"
)

// Errors of the store.
var (
	ErrReservedKey = errors.New("store: key in the reserved 0x00 range")
	ErrKeyTooLong  = errors.New("store: key longer than 65535 bytes")
	ErrHeight      = errors.New("store: commit out of order")
)

// Options sizes a store's memory; a zero field takes its default.
type Options struct {
	// BlockCacheBytes is Pebble's block cache (off the Go heap).
	BlockCacheBytes int64
	// ValueCacheBytes bounds the committed-value cache (on the heap).
	ValueCacheBytes int64
}

// Defaults of Options, for one node alone on its machine.
const (
	DefaultBlockCacheBytes = 32 << 20
	DefaultValueCacheBytes = 64 << 20
)

// metaKey holds height ‖ AppHash of the last commit. Keys starting with 0x00
// are the store's own and never part of the state or its hash.
var metaKey = []byte{0x00, 'm', 'e', 't', 'a'}

// Store is the state as of the last committed block.
type Store struct {
	db     *pebble.DB
	closed bool

	mu      sync.RWMutex // height and appHash are read by other goroutines (API, tests)
	height  uint64
	appHash common.Hash

	// cache holds committed values (nil: known absent) read since opening,
	// updated at every commit: the rules read the same keys many times per
	// block on every validator.
	cacheMu    sync.Mutex
	cache      map[string][]byte
	cacheBytes int    // keys and values held
	gen        uint64 // bumped by every commit, so a read that raced one is not cached
	// cacheLimit bounds the committed-value cache (keys and values, plus
	// a map entry's overhead each); it is cleared when full. A bound in
	// entries alone would not do: an envelope's record is up to 64 KiB.
	cacheLimit int
}

// cacheEntryOverhead approximates a map entry's own memory (string and
// slice headers, bucket share), so many tiny values count too.
const cacheEntryOverhead = 64

// Open opens (or creates) the state in dir with the default Options and
// reads where it stands.
func Open(dir string, log *slog.Logger) (*Store, error) { return OpenWith(dir, log, Options{}) }

// OpenWith opens (or creates) the state in dir sized by o.
func OpenWith(dir string, log *slog.Logger, o Options) (*Store, error) {
	if o.BlockCacheBytes <= 0 {
		o.BlockCacheBytes = DefaultBlockCacheBytes
	}
	if o.ValueCacheBytes <= 0 {
		o.ValueCacheBytes = DefaultValueCacheBytes
	}
	// A block cache large enough for the hot state: the pool, its indexes
	// and the active accounts are read several times per block.
	cache := pebble.NewCache(o.BlockCacheBytes)
	defer cache.Unref()
	opts := &pebble.Options{Logger: pebbleLogger{log}, Cache: cache}
	// Bloom filters on every level: most reads of a new envelope's keys
	// (its hash, its identity) find nothing, and without a filter each
	// such miss searches every level's index.
	opts.Levels[0].FilterPolicy = bloom.FilterPolicy(10)
	db, err := pebble.Open(dir, opts)
	if err != nil {
		return nil, fmt.Errorf("store: open state %s: %w", dir, err)
	}
	s := &Store{db: db, cache: make(map[string][]byte), cacheLimit: int(o.ValueCacheBytes)}
	meta, err := s.read(metaKey)
	if err != nil {
		db.Close()
		return nil, err
	}
	switch len(meta) {
	case 0:
	case 8 + common.HashLength:
		s.height = binary.BigEndian.Uint64(meta)
		s.appHash = common.BytesToHash(meta[8:])
	default:
		db.Close()
		return nil, fmt.Errorf("store: state %s: corrupt meta record of %d bytes", dir, len(meta))
	}
	return s, nil
}

// Close closes the database; closing twice is a no-op (Pebble itself
// panics on a second Close).
func (s *Store) Close() error {
	if s.closed {
		return nil
	}
	s.closed = true
	return s.db.Close()
}

// Height is the last committed height (0 before the first block).
func (s *Store) Height() uint64 {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.height
}

// AppHash is the AppHash after the last committed height.
func (s *Store) AppHash() common.Hash {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.appHash
}

// Committed returns the height and its AppHash together.
func (s *Store) Committed() (uint64, common.Hash) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.height, s.appHash
}

// Get returns a committed value, nil if absent.
func (s *Store) Get(key []byte) ([]byte, error) {
	s.cacheMu.Lock()
	v, hit := s.cache[string(key)]
	gen := s.gen
	s.cacheMu.Unlock()
	if hit {
		return bytes.Clone(v), nil // Clone keeps nil nil and empty non-nil
	}
	v, err := s.read(key)
	if err != nil {
		return nil, err
	}
	// Cache what was read only if no commit happened meanwhile: the value
	// might predate it (the API reads while the chain commits).
	s.cacheMu.Lock()
	if s.gen == gen {
		s.put(key, v)
	}
	s.cacheMu.Unlock()
	return bytes.Clone(v), nil
}

func (s *Store) read(key []byte) ([]byte, error) {
	v, closer, err := s.db.Get(key)
	if errors.Is(err, pebble.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("store: read state: %w", err)
	}
	defer closer.Close()
	return append([]byte{}, v...), nil // non-nil even when empty: present
}

// put caches a committed value; callers hold cacheMu.
func (s *Store) put(key, v []byte) {
	size := len(key) + len(v) + cacheEntryOverhead
	if old, ok := s.cache[string(key)]; ok {
		s.cacheBytes -= len(key) + len(old) + cacheEntryOverhead
	}
	if s.cacheBytes+size > s.cacheLimit {
		clear(s.cache)
		s.cacheBytes = 0
	}
	s.cache[string(key)] = v
	s.cacheBytes += size
}

// Block is one block's writes over the committed state. Reads see its own
// writes. Nothing reaches the database until Store.Commit. A Block is used
// by one goroutine.
type Block struct {
	store  *Store
	writes map[string]write
	err    error

	// hashed memoises AppHash until the next write: FinalizeBlock computes
	// it and Commit needs the same changes.
	hashed  *common.Hash
	changes []Change
}

// Begin starts a block's write set.
func (s *Store) Begin() *Block { return s.BeginSized(0) }

// BeginSized starts a write set sized for about n writes, so a block of
// thousands does not grow its map step by step.
func (s *Store) BeginSized(n int) *Block {
	return &Block{store: s, writes: make(map[string]write, n)}
}

// write is a key's value at the end of the block so far.
type write struct {
	v     []byte // nil: deleted
	fresh bool   // the key was absent at the start of the block (Insert)
}

func checkKey(key []byte) error {
	switch {
	case len(key) == 0 || key[0] == 0x00:
		return fmt.Errorf("%w: %x", ErrReservedKey, key)
	case len(key) > math.MaxUint16:
		return ErrKeyTooLong
	}
	return nil
}

// Get reads a key as this block sees it; nil if absent.
func (b *Block) Get(key []byte) ([]byte, error) {
	if w, ok := b.writes[string(key)]; ok {
		return bytes.Clone(w.v), nil
	}
	return b.store.Get(key)
}

// Own returns the block's own write of key, if it wrote one (v nil: it
// deleted the key), without reading the committed state.
func (b *Block) Own(key []byte) (v []byte, ok bool) {
	w, ok := b.writes[string(key)]
	return bytes.Clone(w.v), ok
}

// Set writes a value (an empty value is stored as empty, not deleted).
func (b *Block) Set(key, value []byte) {
	if err := checkKey(key); err != nil {
		b.err = errors.Join(b.err, err)
		return
	}
	if value == nil {
		value = []byte{}
	}
	w := b.writes[string(key)]
	b.writes[string(key)] = write{v: bytes.Clone(value), fresh: w.fresh}
	b.hashed = nil
}

// Insert writes a key the caller knows was absent when the block began (a
// state invariant, such as a key holding a never-seen envelope hash), so
// the AppHash need not read its committed value. A key this block already
// wrote may have had a value at the start, so there it is a plain Set.
func (b *Block) Insert(key, value []byte) {
	_, written := b.writes[string(key)]
	b.Set(key, value)
	if !written && b.err == nil {
		w := b.writes[string(key)]
		w.fresh = true
		b.writes[string(key)] = w
	}
}

// Delete removes a key.
func (b *Block) Delete(key []byte) {
	if err := checkKey(key); err != nil {
		b.err = errors.Join(b.err, err)
		return
	}
	w := b.writes[string(key)]
	b.writes[string(key)] = write{fresh: w.fresh}
	b.hashed = nil
}

// Change is a key whose value at the end of the block differs from the
// start: Value nil means deleted.
type Change struct {
	Key   []byte
	Value []byte
}

// Changes returns the block's real changes, sorted bytewise by key: writes
// that restore a key's committed value (or delete an absent key) are no
// change.
func (b *Block) Changes() ([]Change, error) {
	if b.err != nil {
		return nil, b.err
	}
	keys := make([]string, 0, len(b.writes))
	for k := range b.writes {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var out []Change
	for _, k := range keys {
		w := b.writes[k]
		var old []byte
		if !w.fresh {
			var err error
			if old, err = b.store.Get([]byte(k)); err != nil {
				return nil, err
			}
		}
		v := w.v
		if (v == nil && old == nil) || (v != nil && old != nil && bytes.Equal(v, old)) {
			continue
		}
		out = append(out, Change{Key: []byte(k), Value: v})
	}
	return out, nil
}

// item is a change as protocol §6 hashes it: u16 len(key) ‖ key ‖ (0x00 if
// deleted | 0x01 ‖ value).
func (c Change) item() []byte {
	out := make([]byte, 0, 2+len(c.Key)+1+len(c.Value))
	out = binary.BigEndian.AppendUint16(out, uint16(len(c.Key)))
	out = append(out, c.Key...)
	if c.Value == nil {
		return append(out, 0x00)
	}
	return append(append(out, 0x01), c.Value...)
}

// AppHash is keccak256(previous AppHash ‖ root of the block's changes).
func (b *Block) AppHash() (common.Hash, []Change, error) {
	if b.hashed != nil {
		return *b.hashed, b.changes, nil
	}
	changes, err := b.Changes()
	if err != nil {
		return common.Hash{}, nil, err
	}
	items := make([][]byte, len(changes))
	for i, c := range changes {
		items[i] = c.item()
	}
	root := merkle.Root(items)
	prev := b.store.AppHash()
	h := crypto.Keccak256Hash(prev[:], root[:])
	b.hashed, b.changes = &h, changes
	return h, changes, nil
}

// Genesis commits the genesis state as height 0 and returns its AppHash.
// CometBFT calls InitChain again whenever the app is at height 0, so a store
// that already holds a genesis returns its hash and writes nothing, provided
// the block asks for the same state (else ErrHeight).
func (s *Store) Genesis(b *Block) (common.Hash, error) {
	if s.HasGenesis() {
		changes, err := b.Changes()
		if err != nil {
			return common.Hash{}, err
		}
		if h := s.Height(); h != 0 || len(changes) != 0 {
			return common.Hash{}, fmt.Errorf("%w: a different genesis at height %d", ErrHeight, h)
		}
		return s.AppHash(), nil
	}
	return s.commit(b, 0)
}

// HasGenesis reads the meta record from the database itself: it is written
// outside the block's changes and never cached.
func (s *Store) HasGenesis() bool {
	meta, err := s.read(metaKey)
	return err == nil && meta != nil
}

// Commit writes the block as height, with its AppHash, in one synced batch:
// after a crash the state is wholly before or wholly after the block.
func (s *Store) Commit(b *Block, height uint64) (common.Hash, error) {
	if h := s.Height(); height != h+1 {
		return common.Hash{}, fmt.Errorf("%w: height %d after %d", ErrHeight, height, h)
	}
	return s.commit(b, height)
}

func (s *Store) commit(b *Block, height uint64) (common.Hash, error) {
	if b.store != s {
		return common.Hash{}, fmt.Errorf("%w: block of another store", ErrHeight)
	}
	hash, changes, err := b.AppHash()
	if err != nil {
		return common.Hash{}, err
	}
	batch := s.db.NewBatch()
	defer batch.Close()
	for _, c := range changes {
		if c.Value == nil {
			err = batch.Delete(c.Key, nil)
		} else {
			err = batch.Set(c.Key, c.Value, nil)
		}
		if err != nil {
			return common.Hash{}, fmt.Errorf("store: write state: %w", err)
		}
	}
	meta := binary.BigEndian.AppendUint64(nil, height)
	if err := batch.Set(metaKey, append(meta, hash[:]...), nil); err != nil {
		return common.Hash{}, fmt.Errorf("store: write state: %w", err)
	}
	if err := batch.Commit(pebble.Sync); err != nil {
		return common.Hash{}, fmt.Errorf("store: commit height %d: %w", height, err)
	}
	s.cacheMu.Lock()
	s.gen++
	for _, c := range changes {
		s.put(c.Key, c.Value)
	}
	s.cacheMu.Unlock()
	s.mu.Lock()
	s.height, s.appHash = height, hash
	s.mu.Unlock()
	return hash, nil
}

// pebbleLogger sends Pebble's messages to slog instead of stderr.
type pebbleLogger struct{ log *slog.Logger }

func (l pebbleLogger) logger() *slog.Logger {
	if l.log == nil {
		return slog.Default()
	}
	return l.log
}

func (l pebbleLogger) Infof(format string, args ...any) {
	l.logger().Debug(fmt.Sprintf(format, args...), "component", "pebble")
}

func (l pebbleLogger) Errorf(format string, args ...any) {
	l.logger().Error(fmt.Sprintf(format, args...), "component", "pebble")
}

// Fatalf is Pebble reporting corruption it cannot continue past.
func (l pebbleLogger) Fatalf(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	l.logger().Error(msg, "component", "pebble")
	panic("pebble: " + msg)
}
