package node

import (
	"context"
	"errors"
	"math/big"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/veil-sequencer/veil/decrypt"
	"github.com/veil-sequencer/veil/envelope"
	"github.com/veil-sequencer/veil/threshold"
	"github.com/veil-sequencer/veil/threshold/thresholdtest"
)

func sizeOf(v []byte) int64 { return int64(len(v)) }

// waitWaiting waits until n callers wait on key's build.
func waitWaiting[K comparable, V any](t *testing.T, c *flightCache[K, V], key K, n int) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for c.waiting(key) < n {
		if time.Now().After(deadline) {
			t.Fatalf("%d callers wait on %v, want %d", c.waiting(key), key, n)
		}
		time.Sleep(time.Millisecond)
	}
}

// TestFlightCacheBuildsOnce: 10 callers asking for one key at the same
// time, then 10 more one after another, cause one build.
func TestFlightCacheBuildsOnce(t *testing.T) {
	c := newFlightCache[uint64](1<<20, sizeOf)
	var builds atomic.Int32
	release := make(chan struct{})
	build := func(context.Context) ([]byte, bool, error) {
		builds.Add(1)
		<-release
		return []byte("bundle 7"), true, nil
	}
	var wg sync.WaitGroup
	for range 10 {
		wg.Go(func() {
			v, ok, err := c.get(t.Context(), 7, build)
			if err != nil || !ok || string(v) != "bundle 7" {
				t.Errorf("got %q %v %v", v, ok, err)
			}
		})
	}
	waitWaiting(t, c, 7, 9) // one builds, nine wait for it
	close(release)
	wg.Wait()
	for range 10 {
		if v, ok, err := c.get(t.Context(), 7, build); err != nil || !ok || string(v) != "bundle 7" {
			t.Fatalf("got %q %v %v", v, ok, err)
		}
	}
	if n := builds.Load(); n != 1 {
		t.Fatalf("%d builds, want 1", n)
	}
}

// TestFlightCacheOtherKeys: while one key's build is stuck, other keys are
// built and read.
func TestFlightCacheOtherKeys(t *testing.T) {
	c := newFlightCache[uint64](1<<20, sizeOf)
	stuck := make(chan struct{})
	defer close(stuck)
	go c.get(t.Context(), 1, func(context.Context) ([]byte, bool, error) { <-stuck; return nil, true, nil })
	waitFlight(t, c, 1)
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	v, ok, err := c.get(ctx, 2, func(context.Context) ([]byte, bool, error) { return []byte("two"), true, nil })
	if err != nil || !ok || string(v) != "two" {
		t.Fatalf("key 2 while key 1 builds: %q %v %v", v, ok, err)
	}
}

// TestFlightCacheBuilderLeaves: a waiter whose builder's caller gives up
// builds for itself instead of inheriting the caller's cancellation; what
// is not ready and errors are handed to the waiters but not kept.
func TestFlightCacheBuilderLeaves(t *testing.T) {
	c := newFlightCache[uint64](1<<20, sizeOf)
	ctx, cancel := context.WithCancel(t.Context())
	var builds atomic.Int32
	build := func(ctx context.Context) ([]byte, bool, error) {
		if builds.Add(1) == 1 {
			<-ctx.Done()
			return nil, false, ctx.Err()
		}
		return []byte("built"), true, nil
	}
	first := make(chan error, 1)
	go func() { _, _, err := c.get(ctx, 3, build); first <- err }()
	waitFlight(t, c, 3)
	got := make(chan []byte, 1)
	go func() { v, _, _ := c.get(t.Context(), 3, build); got <- v }()
	waitWaiting(t, c, 3, 1)
	cancel()
	if err := <-first; !errors.Is(err, context.Canceled) {
		t.Fatalf("the leaving caller got %v", err)
	}
	if v := <-got; string(v) != "built" {
		t.Fatalf("the waiter got %q", v)
	}

	var tries atomic.Int32
	for _, res := range []struct {
		ok  bool
		err error
	}{{false, nil}, {false, errors.New("store")}} {
		for range 2 {
			_, ok, err := c.get(t.Context(), 4, func(context.Context) ([]byte, bool, error) { tries.Add(1); return []byte("x"), res.ok, res.err })
			if ok || !errors.Is(err, res.err) {
				t.Fatalf("got %v %v, want %v %v", ok, err, res.ok, res.err)
			}
		}
	}
	if tries.Load() != 4 {
		t.Fatalf("%d builds of what was not ready or failed, want 4 (none kept)", tries.Load())
	}
}

// waitFlight waits until key's build has started.
func waitFlight[K comparable, V any](t *testing.T, c *flightCache[K, V], key K) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		c.mu.Lock()
		_, ok := c.flights[key]
		c.mu.Unlock()
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("no build of %v", key)
		}
		time.Sleep(time.Millisecond)
	}
}

// TestFlightCacheBytes: the kept bytes never pass the bound; the least
// recently used go first; a value larger than the bound is served but not
// kept.
func TestFlightCacheBytes(t *testing.T) {
	c := newFlightCache[int](1000, sizeOf)
	value := func(n int) func(context.Context) ([]byte, bool, error) {
		return func(context.Context) ([]byte, bool, error) { return make([]byte, n), true, nil }
	}
	for k := range 10 {
		if _, ok, err := c.get(t.Context(), k, value(300)); !ok || err != nil {
			t.Fatal(ok, err)
		}
		if k == 5 {
			c.peek(3) // 3 is now more recent than 4 and 5
		}
		if used, _ := c.bytes(); used > 1000 {
			t.Fatalf("after %d: %d bytes kept, bound 1000", k, used)
		}
	}
	used, n := c.bytes()
	if used != 900 || n != 3 {
		t.Fatalf("%d values, %d bytes kept; want 3, 900", n, used)
	}
	for k, want := range map[int]bool{3: false, 6: false, 7: true, 8: true, 9: true} {
		if _, ok := c.peek(k); ok != want {
			t.Errorf("value %d kept: %v, want %v", k, ok, want)
		}
	}
	if v, ok, err := c.get(t.Context(), 100, value(1001)); !ok || err != nil || len(v) != 1001 {
		t.Fatal("a value larger than the bound is not served")
	}
	if _, ok := c.peek(100); ok {
		t.Fatal("a value larger than the bound is kept")
	}
	if used, _ := c.bytes(); used > 1000 {
		t.Fatalf("%d bytes kept", used)
	}
}

// oldBundle is n envelopes of a bundle with their keys.
func oldBundle(tb testing.TB, n int) ([]*envelope.Envelope, []*threshold.IdentityKey) {
	tb.Helper()
	d, err := thresholdtest.Deal(nil, 1, 1)
	if err != nil {
		tb.Fatal(err)
	}
	envs := make([]*envelope.Envelope, n)
	keys := make([]*threshold.IdentityKey, n)
	for i := range envs {
		e := &envelope.Envelope{ChainID: 1337, Eon: 1, GasLimit: 30000, MaxFeePerGas: big.NewInt(1), Nonce: uint64(i)}
		e.IdentityPrefix[0], e.IdentityPrefix[1] = byte(i), byte(i>>8)
		ct, err := threshold.Encrypt(nil, []byte("rollup tx"), d.EonKey, e.Identity().Point())
		if err != nil {
			tb.Fatal(err)
		}
		e.Ciphertext = ct.Bytes()
		if keys[i], err = d.Key(e.Identity().Point()); err != nil {
			tb.Fatal(err)
		}
		envs[i] = e
	}
	return envs, keys
}

// BenchmarkOldReveal is an old slot's bundle of 100 envelopes for a
// reader: decrypted again (what every read of a slot older than the keyper
// keeps cost before the cache), or from the cache.
func BenchmarkOldReveal(b *testing.B) {
	envs, keys := oldBundle(b, 100)
	build := func(ctx context.Context) (*Reveal, bool, error) {
		res, err := decrypt.Bundle(ctx, envs, keys)
		return &Reveal{Envelopes: envs, Keys: keys, Results: res}, err == nil, err
	}
	b.Run("decrypt", func(b *testing.B) {
		for b.Loop() {
			if _, _, err := build(b.Context()); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("cached", func(b *testing.B) {
		c := newFlightCache[uint64](revealCacheBytes, revealBytes)
		if _, _, err := c.get(b.Context(), 9, build); err != nil { // the first reader decrypts
			b.Fatal(err)
		}
		for b.Loop() {
			if _, _, err := c.get(b.Context(), 9, build); err != nil {
				b.Fatal(err)
			}
		}
	})
}
