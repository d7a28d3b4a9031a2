package node

import (
	"container/list"
	"context"
	"errors"
	"sync"
)

// errBuildAborted is what callers waiting on a build get when the build
// panicked instead of returning.
var errBuildAborted = errors.New("node: building a cached value was aborted")

// flightCache keeps values that are costly to make and never change once
// made (a decrypted bundle, an encoded feed event), least recently used
// first out, bounded by the bytes they hold: values vary from a few
// hundred bytes to megabytes, so a count bound would not bound memory.
// A missing value is built once however many ask for it at the same time
// (single flight); its mutex guards the maps only, never a build, so values
// for different keys are built in parallel.
type flightCache[K comparable, V any] struct {
	max  int64         // bytes kept at most
	size func(V) int64 // a value's bytes as kept

	mu      sync.Mutex
	used    int64               // bytes kept now
	lru     *list.List          // of *cached[K, V], most recent first
	entries map[K]*list.Element // in lru
	flights map[K]*flight[V]    // builds under way
}

type cached[K comparable, V any] struct {
	key  K
	val  V
	size int64
}

// flight is one build under way; done is closed once val, ok and err are
// final.
type flight[V any] struct {
	done    chan struct{}
	waiters int // callers waiting on it (tests look)
	val     V
	ok      bool
	err     error
}

// newFlightCache keeps at most max bytes of values, each counted as size
// says.
func newFlightCache[K comparable, V any](max int64, size func(V) int64) *flightCache[K, V] {
	return &flightCache[K, V]{max: max, size: size, lru: list.New(), entries: make(map[K]*list.Element), flights: make(map[K]*flight[V])}
}

// get returns key's value, building it with build if it is not kept. A
// caller that finds a build of key under way waits for it instead of
// building again; if that build was cut short by its caller's context, the
// waiter builds with its own. What build reports as not ready (false) and
// its errors are handed to the callers of that build and not kept.
func (c *flightCache[K, V]) get(ctx context.Context, key K, build func(context.Context) (V, bool, error)) (V, bool, error) {
	for {
		c.mu.Lock()
		if e, ok := c.entries[key]; ok {
			c.lru.MoveToFront(e)
			v := e.Value.(*cached[K, V]).val
			c.mu.Unlock()
			return v, true, nil
		}
		f, building := c.flights[key]
		if !building {
			f = &flight[V]{done: make(chan struct{})}
			c.flights[key] = f
			c.mu.Unlock()
			c.run(ctx, key, f, build)
			return f.val, f.ok, f.err
		}
		f.waiters++
		c.mu.Unlock()
		select {
		case <-ctx.Done():
			c.mu.Lock()
			f.waiters--
			c.mu.Unlock()
			var zero V
			return zero, false, ctx.Err()
		case <-f.done:
		}
		if isContextErr(f.err) && ctx.Err() == nil {
			continue // the builder's caller left, not this one
		}
		return f.val, f.ok, f.err
	}
}

// run builds f's value and hands it to f's waiters, keeping it if it is
// ready; a panicking build still releases them (with errBuildAborted).
func (c *flightCache[K, V]) run(ctx context.Context, key K, f *flight[V], build func(context.Context) (V, bool, error)) {
	f.err = errBuildAborted
	defer func() {
		c.mu.Lock()
		delete(c.flights, key)
		if f.ok && f.err == nil {
			c.put(key, f.val)
		}
		c.mu.Unlock()
		close(f.done)
	}()
	f.val, f.ok, f.err = build(ctx)
}

// put keeps v under key, dropping the least recently used values until the
// bytes fit; a value larger than the whole bound is not kept (callers hold
// mu).
func (c *flightCache[K, V]) put(key K, v V) {
	n := c.size(v)
	if n > c.max {
		return
	}
	if e, ok := c.entries[key]; ok { // not reached through get: one build per key
		c.used -= e.Value.(*cached[K, V]).size
		c.lru.Remove(e)
	}
	c.entries[key] = c.lru.PushFront(&cached[K, V]{key: key, val: v, size: n})
	c.used += n
	for c.used > c.max {
		old := c.lru.Back()
		x := old.Value.(*cached[K, V])
		c.lru.Remove(old)
		delete(c.entries, x.key)
		c.used -= x.size
	}
}

// peek returns key's value if it is kept, without building it.
func (c *flightCache[K, V]) peek(key K) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.entries[key]; ok {
		c.lru.MoveToFront(e)
		return e.Value.(*cached[K, V]).val, true
	}
	var zero V
	return zero, false
}

// bytes is what the kept values hold, as accounted, and how many there are.
func (c *flightCache[K, V]) bytes() (int64, int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.used, len(c.entries)
}

// waiting is how many callers wait on the build of key under way.
func (c *flightCache[K, V]) waiting(key K) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	if f, ok := c.flights[key]; ok {
		return f.waiters
	}
	return 0
}

func isContextErr(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}
