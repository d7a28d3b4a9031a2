package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/veil-sequencer/veil/merkle"
)

func openStore(t testing.TB, dir string) *Store {
	t.Helper()
	s, err := Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// hashByHand is protocol §6's AppHash spelled out.
func hashByHand(prev common.Hash, changes [][3][]byte) common.Hash {
	var items [][]byte
	for _, c := range changes { // key, value, deleted marker (non-nil)
		item := binary.BigEndian.AppendUint16(nil, uint16(len(c[0])))
		item = append(item, c[0]...)
		if c[2] != nil {
			item = append(item, 0x00)
		} else {
			item = append(append(item, 0x01), c[1]...)
		}
		items = append(items, item)
	}
	root := merkle.Root(items)
	return crypto.Keccak256Hash(prev[:], root[:])
}

func TestAppHashAndChanges(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, dir)
	if s.Height() != 0 || s.AppHash() != (common.Hash{}) {
		t.Fatalf("fresh store at %d %s", s.Height(), s.AppHash())
	}
	// Block 1: three keys, written out of order.
	b := s.Begin()
	b.Set([]byte{0x02, 'b'}, []byte("two"))
	b.Set([]byte{0x01, 'a'}, []byte("one"))
	b.Set([]byte{0x01, 'z'}, []byte{})
	want1 := hashByHand(common.Hash{}, [][3][]byte{{{0x01, 'a'}, []byte("one")}, {{0x01, 'z'}, {}}, {{0x02, 'b'}, []byte("two")}})
	h1, err := s.Commit(b, 1)
	if err != nil || h1 != want1 {
		t.Fatalf("block 1: %s %v, want %s", h1, err, want1)
	}
	// Block 2: a rewrite to the same value, a delete of an absent key, a
	// set-then-delete of a new key are no changes; one real delete.
	b = s.Begin()
	b.Set([]byte{0x01, 'a'}, []byte("one"))
	b.Delete([]byte{0x05})
	b.Set([]byte{0x06}, []byte("tmp"))
	b.Delete([]byte{0x06})
	b.Delete([]byte{0x02, 'b'})
	if v, _ := b.Get([]byte{0x02, 'b'}); v != nil {
		t.Fatal("a block does not see its own delete")
	}
	if v, _ := b.Get([]byte{0x01, 'z'}); v == nil || len(v) != 0 {
		t.Fatal("an empty value reads as absent")
	}
	changes, err := b.Changes()
	if err != nil || len(changes) != 1 || string(changes[0].Key) != "\x02b" || changes[0].Value != nil {
		t.Fatalf("changes %v %v", changes, err)
	}
	want2 := hashByHand(h1, [][3][]byte{{{0x02, 'b'}, nil, {1}}})
	h2, err := s.Commit(b, 2)
	if err != nil || h2 != want2 {
		t.Fatalf("block 2: %s %v, want %s", h2, err, want2)
	}
	// An empty block still chains the hash.
	h3, err := s.Commit(s.Begin(), 3)
	if err != nil || h3 != crypto.Keccak256Hash(h2[:], merkle.Empty[:]) {
		t.Fatalf("empty block: %s %v", h3, err)
	}
	// Out of order, reserved keys.
	if _, err := s.Commit(s.Begin(), 5); !errors.Is(err, ErrHeight) {
		t.Fatalf("height 5 after 3: %v", err)
	}
	bad := s.Begin()
	bad.Set([]byte{0x00, 'm', 'e', 't', 'a'}, []byte("x"))
	if _, err := s.Commit(bad, 4); !errors.Is(err, ErrReservedKey) {
		t.Fatalf("reserved key: %v", err)
	}

	// A block finalized but not committed (a crash before Commit) leaves
	// nothing; reopening finds height 3 and its hash.
	b = s.Begin()
	b.Set([]byte{0x07}, []byte("lost"))
	if _, _, err := b.AppHash(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = openStore(t, dir)
	defer s.Close()
	if s.Height() != 3 || s.AppHash() != h3 {
		t.Fatalf("reopened at %d %s, want 3 %s", s.Height(), s.AppHash(), h3)
	}
	r := s.Begin()
	if v, _ := r.Get([]byte{0x01, 'a'}); string(v) != "one" {
		t.Fatalf("reopened value %q", v)
	}
	if v, _ := r.Get([]byte{0x07}); v != nil {
		t.Fatal("an uncommitted write survived")
	}
}

// TestCacheFollowsCommits: reads through the committed-value cache see every
// commit, also for keys read (and cached) before it.
func TestCacheFollowsCommits(t *testing.T) {
	s := openStore(t, t.TempDir())
	defer s.Close()
	k := []byte{0x01, 'k'}
	for h := uint64(1); h <= 3; h++ {
		b := s.Begin()
		if v, _ := b.Get(k); h > 1 && string(v) != fmt.Sprint(h-1) {
			t.Fatalf("height %d reads %q", h, v)
		}
		b.Set(k, []byte(fmt.Sprint(h)))
		if _, err := s.Commit(b, h); err != nil {
			t.Fatal(err)
		}
	}
	b := s.Begin()
	b.Delete(k)
	if _, err := s.Commit(b, 4); err != nil {
		t.Fatal(err)
	}
	if v, _ := s.Begin().Get(k); v != nil {
		t.Fatalf("deleted key reads %q", v)
	}
}

// TestInsert: Insert skips reading a key's committed value only when the
// block has not touched the key before; otherwise the changes are exactly
// those of Set and Delete.
func TestInsert(t *testing.T) {
	s := openStore(t, t.TempDir())
	b := s.Begin()
	b.Set([]byte{0x01}, []byte("old"))
	b.Set([]byte{0x02}, []byte("old"))
	if _, err := s.Commit(b, 1); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		write func(b *Block)
		want  []Change
	}{
		{"insert a new key", func(b *Block) { b.Insert([]byte{0x03}, []byte("new")) },
			[]Change{{Key: []byte{0x03}, Value: []byte("new")}}},
		{"insert then delete a new key", func(b *Block) { b.Insert([]byte{0x03}, []byte("new")); b.Delete([]byte{0x03}) }, nil},
		{"delete an existing key, insert it again, delete it", func(b *Block) {
			b.Delete([]byte{0x01})
			b.Insert([]byte{0x01}, []byte("again"))
			b.Delete([]byte{0x01})
		}, []Change{{Key: []byte{0x01}}}},
		{"delete an existing key, insert its old value", func(b *Block) {
			b.Delete([]byte{0x02})
			b.Insert([]byte{0x02}, []byte("old"))
		}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := s.Begin()
			tc.write(b)
			got, err := b.Changes()
			if err != nil || len(got) != len(tc.want) {
				t.Fatalf("changes %v %v, want %v", got, err, tc.want)
			}
			for i := range got {
				if !bytes.Equal(got[i].Key, tc.want[i].Key) || !bytes.Equal(got[i].Value, tc.want[i].Value) || (got[i].Value == nil) != (tc.want[i].Value == nil) {
					t.Fatalf("change %d: %v, want %v", i, got[i], tc.want[i])
				}
			}
		})
	}
}

// BenchmarkBlockAppHash: the AppHash of a block that queues 1,000 envelopes
// (about 8,000 new keys, each absent before) over a state that already holds
// 400,000 keys, with the committed-value cache cold as after a restart.
func BenchmarkBlockAppHash(b *testing.B) {
	dir := b.TempDir()
	s := openStore(b, dir)
	rnd := rand.New(rand.NewPCG(1, 2))
	key := func() []byte {
		k := make([]byte, 33)
		k[0] = 0x10 + byte(rnd.IntN(6))
		for i := 1; i < len(k); i += 8 {
			binary.BigEndian.PutUint64(k[i:], rnd.Uint64())
		}
		return k[:33]
	}
	for h := uint64(1); h <= 50; h++ {
		blk := s.BeginSized(8000)
		for range 8000 {
			blk.Set(key(), []byte("committed value"))
		}
		if _, err := s.Commit(blk, h); err != nil {
			b.Fatal(err)
		}
	}
	s.Close()
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		s = openStore(b, dir)
		blk := s.BeginSized(8000)
		for range 8000 {
			blk.Set(key(), []byte("new value"))
		}
		b.StartTimer()
		if _, _, err := blk.AppHash(); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}

// TestStoreCacheBytes: the committed-value cache is bounded in bytes, by
// the size the store was opened with.
func TestStoreCacheBytes(t *testing.T) {
	const cacheLimit = 4 << 20
	s, err := OpenWith(t.TempDir(), slog.New(slog.DiscardHandler), Options{ValueCacheBytes: cacheLimit})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	value := make([]byte, 64<<10)
	s.cacheMu.Lock()
	defer s.cacheMu.Unlock()
	for i := range 2 * cacheLimit / len(value) {
		s.put(binary.BigEndian.AppendUint64([]byte{0x01}, uint64(i)), value)
		if s.cacheBytes > cacheLimit {
			t.Fatalf("after %d values: %d bytes cached, bound %d", i+1, s.cacheBytes, cacheLimit)
		}
	}
	// Replacing a value accounts for the one it replaces.
	before := s.cacheBytes
	k := binary.BigEndian.AppendUint64([]byte{0x01}, 0)
	s.put(k, value)
	s.put(k, value[:1])
	if s.cacheBytes > before+len(k)+1+cacheEntryOverhead {
		t.Fatalf("replacing a value: %d bytes, was %d", s.cacheBytes, before)
	}
}
