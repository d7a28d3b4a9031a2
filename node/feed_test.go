package node

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/veil-sequencer/veil/api/apitypes"
	"github.com/veil-sequencer/veil/decrypt"
)

// TestFeedBuildsOutsideLock: while the event of an old slot is being
// built (its builder stuck), an event at another cursor is served, and
// the other readers of the stuck one wait for that one build.
func TestFeedBuildsOutsideLock(t *testing.T) {
	b := &Backend{}
	old := apitypes.FeedCursor{Slot: 5, Level: apitypes.LevelDecrypted}
	release := make(chan struct{})
	var builds sync.Map // cursor → *atomic.Int32
	b.feed.build = func(_ context.Context, cur apitypes.FeedCursor) ([]byte, bool, error) {
		n, _ := builds.LoadOrStore(cur, new(atomic.Int32))
		n.(*atomic.Int32).Add(1)
		if cur == old {
			<-release
		}
		return []byte(cur.ID()), true, nil
	}
	var wg sync.WaitGroup
	for range 3 {
		wg.Go(func() {
			if data, err := b.FeedEvent(t.Context(), old); err != nil || string(data) != old.ID() {
				t.Errorf("old slot: %q %v", data, err)
			}
		})
	}
	b.feed.init()
	waitWaiting(t, b.feed.events, old, 2)

	var unstick sync.Once
	defer func() { // also when failed below: no reader outlives the test
		unstick.Do(func() { close(release) })
		wg.Wait()
	}()
	for _, cur := range []apitypes.FeedCursor{{Slot: 9, Level: apitypes.LevelCommitted}, {Slot: 5, Level: apitypes.LevelCommitted}} {
		data, err := feedWithin(t, b, cur, 10*time.Second)
		if err != nil || string(data) != cur.ID() {
			t.Fatalf("%s while %s is built: %q %v", cur.ID(), old.ID(), data, err)
		}
	}
	unstick.Do(func() { close(release) })
	wg.Wait()
	if n, _ := builds.Load(old); n.(*atomic.Int32).Load() != 1 {
		t.Fatalf("%s built %d times for 3 readers", old.ID(), n.(*atomic.Int32).Load())
	}
}

// feedWithin is the event at cur, or an error once d has passed: a
// reader stuck behind another's build (a lock that ignores contexts) must
// fail the test, not hang it.
func feedWithin(t *testing.T, b *Backend, cur apitypes.FeedCursor, d time.Duration) ([]byte, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), d)
	defer cancel()
	type answer struct {
		data []byte
		err  error
	}
	done := make(chan answer, 1)
	go func() {
		data, err := b.FeedEvent(ctx, cur)
		done <- answer{data, err}
	}()
	select {
	case a := <-done:
		return a.data, a.err
	case <-time.After(d + time.Second):
		return nil, fmt.Errorf("no answer for %s within %s", cur.ID(), d)
	}
}

// TestFeedCacheBytes: the feed's events and the decrypted bundles are
// kept up to their byte bounds, not a count: large entries push out old
// ones, and the accounted bytes never pass the bound.
func TestFeedCacheBytes(t *testing.T) {
	b := &Backend{}
	event := make([]byte, 3<<20) // one buffer: the test measures accounting, not the heap
	b.feed.build = func(context.Context, apitypes.FeedCursor) ([]byte, bool, error) { return event, true, nil }
	for slot := uint64(1); slot <= 64; slot++ {
		if _, err := b.FeedEvent(t.Context(), apitypes.FeedCursor{Slot: slot, Level: apitypes.LevelCommitted}); err != nil {
			t.Fatal(err)
		}
		if used, _ := b.feed.events.bytes(); used > feedCacheBytes {
			t.Fatalf("after slot %d: %d bytes of events kept, bound %d", slot, used, feedCacheBytes)
		}
	}
	used, n := b.feed.events.bytes()
	if want := int(feedCacheBytes / eventBytes(event)); n != want {
		t.Fatalf("%d events of 3 MiB kept (%d bytes), want %d", n, used, want)
	}
	if _, ok := b.feed.events.peek(apitypes.FeedCursor{Slot: 1, Level: apitypes.LevelCommitted}); ok {
		t.Fatal("the oldest event is still kept")
	}

	plaintext := make([]byte, 1<<20)
	envs, keys := oldBundle(t, 2)
	for slot := uint64(1); slot <= 64; slot++ {
		_, _, err := b.feed.reveals.get(t.Context(), slot, func(context.Context) (*Reveal, bool, error) {
			res := []decrypt.Result{{Plaintext: plaintext, Status: decrypt.Decrypted}, {Plaintext: plaintext, Status: decrypt.Decrypted}}
			return &Reveal{Slot: slot, Envelopes: envs, Keys: keys, Results: res}, true, nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if used, _ := b.feed.reveals.bytes(); used > revealCacheBytes {
			t.Fatalf("after slot %d: %d bytes of bundles kept, bound %d", slot, used, revealCacheBytes)
		}
	}
	if used, n := b.feed.reveals.bytes(); n > revealCacheBytes/(2<<20) || used < revealCacheBytes/2 {
		t.Fatalf("%d bundles of 2 MiB kept (%d bytes)", n, used)
	}
}
