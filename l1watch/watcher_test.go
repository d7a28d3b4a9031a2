package l1watch

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/veil-sequencer/veil/contracts"
	"github.com/veil-sequencer/veil/merkle"
)

// TestItemAndRoot pins the encoding consensus hashes.
func TestItemAndRoot(t *testing.T) {
	a := common.HexToAddress("0x00000000000000000000000000000000000000aa")
	for _, tc := range []struct {
		name string
		e    Event
		want string
	}{
		{"no topics, no data", Event{Address: a}, "00000000000000000000000000000000000000aa" + "00"},
		{"two topics and data", Event{Address: a, Topics: []common.Hash{{1}, {2}}, Data: []byte{0xde, 0xad}, TxHash: common.Hash{9}, Index: 7},
			"00000000000000000000000000000000000000aa" + "02" +
				"0100000000000000000000000000000000000000000000000000000000000000" +
				"0200000000000000000000000000000000000000000000000000000000000000" + "dead"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := fmt.Sprintf("%x", tc.e.Item()); got != tc.want {
				t.Fatalf("Item %s, want %s", got, tc.want)
			}
			if tc.e.size() != len(tc.e.Item()) {
				t.Fatalf("size %d, item %d bytes", tc.e.size(), len(tc.e.Item()))
			}
		})
	}
	if EventsRoot(nil) != crypto.Keccak256Hash(nil) || EventsRoot(nil) != merkle.Empty {
		t.Fatalf("empty root %s", EventsRoot(nil))
	}
	x, y := Event{Address: a, Data: []byte{1}}, Event{Address: a, Data: []byte{2}}
	if EventsRoot([]Event{x, y}) != merkle.Root([][]byte{x.Item(), y.Item()}) || EventsRoot([]Event{x, y}) == EventsRoot([]Event{y, x}) {
		t.Fatal("root is not merkle.Root over the items in order")
	}
	// TxHash and Index are not part of it.
	x2 := x
	x2.TxHash, x2.Index = common.Hash{1}, 5
	if EventsRoot([]Event{x}) != EventsRoot([]Event{x2}) {
		t.Fatal("root depends on TxHash or Index")
	}
}

func TestNew(t *testing.T) {
	f := newFake(1, 0)
	for _, tc := range []struct {
		name string
		cfg  Config
		want string
	}{
		{"no client", Config{ChainID: 1, Contracts: testAddrs}, "Client"},
		{"no chain id", Config{Client: f, Contracts: testAddrs}, "ChainID"},
		{"a zero address", Config{Client: f, ChainID: 1, Contracts: contracts.Addresses{SequencerRegistry: common.Address{1}}}, "zero address"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := New(tc.cfg); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("New: %v, want %q", err, tc.want)
			}
		})
	}
}

// checkServed fails unless After(from-1, …) serves exactly from..to as the
// fake has them.
func checkServed(t *testing.T, w *Watcher, f *fakeL1, from, to uint64) {
	t.Helper()
	got := w.After(from-1, math.MaxInt)
	if len(got) != int(to-from+1) {
		t.Fatalf("After(%d) served %d blocks, want %d..%d", from-1, len(got), from, to)
	}
	for i, b := range got {
		want := f.want(from + uint64(i))
		if err := sameBlock(b, want); err != nil {
			t.Fatalf("block %d: %v", want.Number, err)
		}
	}
}

func sameBlock(got, want Block) error {
	if got.Number != want.Number || got.Hash != want.Hash || got.ParentHash != want.ParentHash || got.Time != want.Time {
		return fmt.Errorf("header fields %d %s %s %d, want %d %s %s %d", got.Number, got.Hash, got.ParentHash, got.Time,
			want.Number, want.Hash, want.ParentHash, want.Time)
	}
	if len(got.Events) != len(want.Events) {
		return fmt.Errorf("%d events, want %d", len(got.Events), len(want.Events))
	}
	for i := range got.Events {
		g, w := got.Events[i], want.Events[i]
		if !bytes.Equal(g.Item(), w.Item()) || g.TxHash != w.TxHash || g.Index != w.Index {
			return fmt.Errorf("event %d is %x (tx %s, index %d), want %x (tx %s, index %d)", i, g.Item(), g.TxHash, g.Index, w.Item(), w.TxHash, w.Index)
		}
	}
	if got.EventsRoot != want.EventsRoot || got.EventsRoot != EventsRoot(got.Events) {
		return fmt.Errorf("events root %s, want %s", got.EventsRoot, want.EventsRoot)
	}
	return nil
}

// TestRead: blocks are read in order from From up to what is final, in
// batches, each with its Veil events in log order and their root.
func TestRead(t *testing.T) {
	for _, tc := range []struct {
		name      string
		blocks    int // the chain is 0..blocks-1
		finalized int
		cfg       Config
		reverse   bool   // the node returns logs out of order
		head      uint64 // 0: nothing final (yet)
	}{
		{"finalized tag", 50, 30, Config{From: 10, Batch: 7}, false, 30},
		{"From 0 is block 1", 12, 11, Config{From: 0}, false, 11},
		{"logs out of order", 20, 19, Config{From: 3, Batch: 4}, true, 19},
		{"confirmations", 50, 30, Config{From: 10, Confirmations: 5}, false, 44}, // latest 49
		{"latest below the confirmations", 3, 2, Config{From: 0, Confirmations: 5}, false, 0},
		{"final below From", 50, 9, Config{From: 10}, false, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake(tc.blocks, tc.finalized)
			f.reverse = tc.reverse
			w := run(t, f, tc.cfg)
			from := max(tc.cfg.From, 1)
			if tc.head == 0 {
				w.settle()
				if h, ok := w.Head(); ok || len(w.After(from-1, 100)) != 0 {
					t.Fatalf("read up to %d with nothing final after From", h)
				}
			} else {
				w.headIs(t, tc.head)
				checkServed(t, w.Watcher, f, from, tc.head)
			}
			headers, ranges := f.calls()
			for _, n := range headers {
				if n < from {
					t.Fatalf("header %d read, below From %d", n, from)
				}
			}
			batch := uint64(tc.cfg.Batch)
			if batch == 0 {
				batch = DefaultBatch
			}
			for _, r := range ranges {
				if r[0] < from || r[1]-r[0]+1 > batch {
					t.Fatalf("logs of %d-%d asked for (From %d, batch %d)", r[0], r[1], from, batch)
				}
			}
			if got := w.errorsTotal(); got != 0 {
				t.Fatalf("%v errors counted", got)
			}
			if tc.head > 0 && testutil.ToFloat64(w.m.head) != float64(tc.head) {
				t.Fatalf("head metric %v", testutil.ToFloat64(w.m.head))
			}
		})
	}
}

// TestFollows: new final blocks are read as they come; lag is Now minus
// the head's time.
func TestFollows(t *testing.T) {
	f := newFake(10, 5)
	now := time.Unix(int64(f.want(0).Time), 0)
	w := run(t, f, Config{From: 1, Now: func() time.Time { return now.Add(1000 * time.Second) }})
	w.headIs(t, 5)
	f.extend(20)
	w.headIs(t, 25)
	checkServed(t, w.Watcher, f, 1, 25)
	eventually(t, "lag metric", func() bool {
		return testutil.ToFloat64(w.m.lag) == float64(1000-12*25)
	})
	// Finality moving back (as a resumed dev chain's does) is no error.
	f.setFinalized(20)
	w.settle()
	if n, ok := w.Head(); !ok || n != 25 || w.errorsTotal() != 0 {
		t.Fatalf("head %d %v, %v errors after finality moved back", n, ok, w.errorsTotal())
	}
	f.extend(10) // 35 blocks, finalized 30
	w.headIs(t, 30)
	checkServed(t, w.Watcher, f, 1, 30)
}

// TestNoFinalizedYet: an L1 without a finalized block is waited for, said
// once, not counted as failing.
func TestNoFinalizedYet(t *testing.T) {
	f := newFake(10, -1)
	w := run(t, f, Config{From: 1})
	w.settle()
	if _, ok := w.Head(); ok || w.errorsTotal() != 0 {
		t.Fatalf("read or failed without a finalized block (%v errors)", w.errorsTotal())
	}
	if n := w.logs.count(slog.LevelInfo, "l1watch: the L1 has no finalized block yet; waiting"); n != 1 {
		t.Fatalf("said %d times", n)
	}
	f.setFinalized(4)
	w.headIs(t, 4)
}

// TestAfterPrune: After serves consecutive blocks from applied+1, at most
// max, nothing it has not read or has pruned; Prune forgets, and blocks
// Veil applied before they were read are read but neither held nor asked
// logs for.
func TestAfterPrune(t *testing.T) {
	f := newFake(60, 30)
	w := run(t, f, Config{From: 10})
	w.headIs(t, 30)
	w.Prune(15)
	w.Prune(12) // going back changes nothing
	for _, tc := range []struct {
		applied uint64
		max     int
		want    []uint64 // first and last served, nil for none
	}{
		{15, 16, []uint64{16, 30}},
		{20, 3, []uint64{21, 23}},
		{29, 16, []uint64{30, 30}},
		{30, 16, nil}, // not read yet
		{40, 16, nil}, // far ahead
		{14, 16, nil}, // pruned
		{9, 16, nil},  // before From
		{15, 0, nil},  // max 0
		{math.MaxUint64, 16, nil},
	} {
		t.Run(fmt.Sprintf("after %d max %d", tc.applied, tc.max), func(t *testing.T) {
			got := w.After(tc.applied, tc.max)
			if tc.want == nil {
				if len(got) != 0 {
					t.Fatalf("served %d blocks from %d", len(got), got[0].Number)
				}
				return
			}
			if len(got) != int(tc.want[1]-tc.want[0]+1) || got[0].Number != tc.want[0] {
				t.Fatalf("served %d blocks, want %d..%d", len(got), tc.want[0], tc.want[1])
			}
			for i, b := range got {
				if b.Number != tc.want[0]+uint64(i) {
					t.Fatalf("block %d at %d", b.Number, i)
				}
			}
		})
	}
	// Veil applied up to 40 (as other validators saw it) while this node
	// had read up to 30: 31..40 are read for their hashes, not kept.
	w.Prune(40)
	f.extend(20) // finalized 50
	w.headIs(t, 50)
	if got := w.After(30, 100); len(got) != 0 {
		t.Fatalf("served pruned blocks from %d", got[0].Number)
	}
	checkServed(t, w.Watcher, f, 41, 50)
	_, ranges := f.calls()
	for _, r := range ranges {
		if r[0] <= 40 && r[1] > 30 {
			t.Fatalf("logs of %d-%d asked for, Veil applied up to 40", r[0], r[1])
		}
	}
	w.Prune(50)
	if w.After(50, 1) != nil || w.After(49, 1) != nil {
		t.Fatal("served after pruning everything")
	}
	if n, ok := w.Head(); !ok || n != 50 {
		t.Fatalf("head %d %v after pruning", n, ok)
	}
}

// TestOutage: an L1 that fails for a while costs counted errors, one
// warning and a recovery line; the cache is served meanwhile, the chain id
// is checked again, and reading resumes. Run returns no error.
func TestOutage(t *testing.T) {
	refused := fmt.Errorf("dial tcp 127.0.0.1:8545: %w", syscall.ECONNREFUSED)
	for _, tc := range []struct {
		name string
		err  error
		kind string
	}{
		{"connection refused", refused, kindUnreachable},
		{"node answers errors", rpcError("internal error"), kindRPC},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake(40, 20)
			clock := time.Unix(1_800_000_000, 0) // fixed: no repeated warning
			w := run(t, f, Config{From: 5, Now: func() time.Time { return clock }})
			w.headIs(t, 20)
			f.mu.Lock()
			idCalls := f.chainIDCalls
			f.mu.Unlock()
			f.setFail(tc.err)
			f.extend(10)
			eventually(t, "errors counted", func() bool { return testutil.ToFloat64(w.m.errors.WithLabelValues(tc.kind)) >= 5 })
			checkServed(t, w.Watcher, f, 5, 20)
			if n, _ := w.Head(); n != 20 {
				t.Fatalf("head %d during the outage", n)
			}
			const warn = "l1watch: reading L1 failed; retrying every poll, serving what was read"
			if n := w.logs.count(slog.LevelWarn, warn); n != 1 {
				t.Fatalf("%d warnings for one outage", n)
			}
			if n := w.logs.count(slog.LevelWarn, "l1watch: L1 still failing"); n != 0 {
				t.Fatalf("%d repeated warnings within a minute", n)
			}
			f.setFail(nil)
			w.headIs(t, 30)
			checkServed(t, w.Watcher, f, 5, 30)
			if n := w.logs.count(slog.LevelInfo, "l1watch: reading L1 again"); n != 1 {
				t.Fatalf("%d recovery lines", n)
			}
			f.mu.Lock()
			rechecked := f.chainIDCalls > idCalls
			f.mu.Unlock()
			if !rechecked {
				t.Fatal("chain id not checked again after the outage")
			}
			select {
			case err := <-w.done:
				t.Fatalf("Run returned %v", err)
			default:
			}
		})
	}
}

// TestOutageWarnsAgain: a lasting outage is logged again once a minute.
func TestOutageWarnsAgain(t *testing.T) {
	f := newFake(10, 5)
	var mu = make(chan struct{}, 1)
	mu <- struct{}{}
	clock := time.Unix(1_800_000_000, 0)
	now := func() time.Time { <-mu; defer func() { mu <- struct{}{} }(); return clock }
	advance := func(d time.Duration) { <-mu; clock = clock.Add(d); mu <- struct{}{} }
	f.setFail(errors.New("connection reset"))
	w := run(t, f, Config{From: 1, Now: now})
	eventually(t, "first warning", func() bool {
		return w.logs.count(slog.LevelWarn, "l1watch: reading L1 failed; retrying every poll, serving what was read") == 1
	})
	advance(warnEvery / 2)
	w.settle()
	if n := w.logs.count(slog.LevelWarn, "l1watch: L1 still failing"); n != 0 {
		t.Fatalf("%d repeated warnings within a minute", n)
	}
	advance(warnEvery)
	eventually(t, "a second warning", func() bool { return w.logs.count(slog.LevelWarn, "l1watch: L1 still failing") == 1 })
}

// TestReorg: a final block that changed stops the watcher for good.
func TestReorg(t *testing.T) {
	for _, tc := range []struct {
		name  string
		cfg   Config
		setup func(f *fakeL1, w *running, t *testing.T)
	}{
		{"parent mismatch", Config{From: 5, Batch: 3}, func(f *fakeL1, w *running, t *testing.T) {
			w.headIs(t, 20)
			f.fork(18) // 18, 19, 20 change; 21 follows the new 20
			f.extend(5)
		}},
		{"changed hash at a read height", Config{From: 5}, func(f *fakeL1, w *running, t *testing.T) {
			w.headIs(t, 20)
			f.fork(20) // nothing new is final: the last block is read again
		}},
		{"while reading is paused by the bounds", Config{From: 5, MaxBlocks: 4}, func(f *fakeL1, w *running, t *testing.T) {
			w.headIs(t, 8)
			f.fork(8)
		}},
		{"From's parent is not the agreed one", Config{From: 5, FromParent: common.Hash{0xab}}, func(*fakeL1, *running, *testing.T) {}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake(30, 20)
			w := run(t, f, tc.cfg)
			tc.setup(f, w, t)
			select {
			case err := <-w.done:
				w.done <- err // for the cleanup
				if !errors.Is(err, ErrReorg) {
					t.Fatalf("Run: %v, want ErrReorg", err)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("Run did not stop")
			}
			if got := w.After(tc.cfg.From-1, 100); len(got) != 0 {
				t.Fatalf("served %d blocks after a reorg", len(got))
			}
			if _, ok := w.Head(); ok {
				t.Fatal("Head ok after a reorg")
			}
			if n := testutil.ToFloat64(w.m.reorgs); n != 1 {
				t.Fatalf("reorgs metric %v", n)
			}
			if n := w.logs.count(slog.LevelError, "l1watch: a final L1 block changed (reorg below finality); stopped reading and serving L1 blocks"); n != 1 {
				t.Fatalf("%d error lines", n)
			}
		})
	}
	// The agreed parent given right is no reorg.
	f := newFake(30, 20)
	w := run(t, f, Config{From: 5, FromParent: f.want(4).Hash})
	w.headIs(t, 20)
}

// TestInconsistentLogs: logs that do not fit the headers read are not
// served; the batch is read again until they do.
func TestInconsistentLogs(t *testing.T) {
	for _, tc := range []struct {
		name   string
		block  uint64 // 14 has three Veil logs, 13 one
		tamper func(*types.Log)
	}{
		{"wrong block hash", 14, func(l *types.Log) { l.BlockHash = common.Hash{0xba, 0xd} }},
		{"removed", 14, func(l *types.Log) { l.Removed = true }},
		{"another block's number", 14, func(l *types.Log) { l.BlockNumber = 99 }},
		{"duplicate index", 14, func(l *types.Log) { l.Index = 1 }},
		{"another contract", 13, func(l *types.Log) { l.Address = common.Address{0xee} }},
		{"five topics", 13, func(l *types.Log) { l.Topics = append(l.Topics, make([]common.Hash, 5)...) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake(30, 20)
			f.setTamper(tc.block, tc.tamper)
			w := run(t, f, Config{From: 5, Batch: 2})
			eventually(t, "inconsistent counted", func() bool { return testutil.ToFloat64(w.m.errors.WithLabelValues(kindInconsistent)) >= 3 })
			if n, ok := w.Head(); !ok || n >= tc.block {
				t.Fatalf("head %d %v with block %d's logs wrong", n, ok, tc.block)
			}
			for _, b := range w.After(4, 100) {
				if b.Number >= tc.block {
					t.Fatalf("served block %d", b.Number)
				}
			}
			f.setTamper(tc.block, nil)
			w.headIs(t, 20)
			checkServed(t, w.Watcher, f, 5, 20)
		})
	}
}

// TestBounds: reading ahead stops at MaxBlocks blocks or MaxBytes event
// bytes held, and goes on as Prune frees room.
func TestBounds(t *testing.T) {
	f := newFake(3, 0)
	b2, b1 := f.want(2), f.want(1)
	size, small := b2.size(), b1.size() // blocks ≡ 2 mod 3 hold the most, ≡ 1 one event, ≡ 0 none
	for _, tc := range []struct {
		name      string
		cfg       Config
		head      uint64 // where reading stops
		prune     uint64
		headAfter uint64
	}{
		{"max blocks (Prune wakes Run)", Config{From: 1, MaxBlocks: 5, Poll: time.Hour}, 5, 3, 8},
		{"max bytes", Config{From: 1, MaxBytes: size + small + 1}, 3, 1, 4},               // 1 (small), 2 (size), 3 (empty); 4 (small) would exceed
		{"one block larger than max bytes", Config{From: 2, MaxBytes: size - 1}, 2, 2, 4}, // 2 alone; then 3 (empty) and 4 (small) fit
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake(40, 30)
			w := run(t, f, tc.cfg)
			w.headIs(t, tc.head)
			_, before := f.calls()
			w.settle()
			if n, _ := w.Head(); n != tc.head {
				t.Fatalf("read on to %d", n)
			}
			if _, after := f.calls(); len(after) != len(before) {
				t.Fatalf("logs asked for while full: %v", after[len(before):])
			}
			checkServed(t, w.Watcher, f, tc.cfg.From, tc.head)
			w.Prune(tc.prune)
			w.headIs(t, tc.headAfter)
			w.settle()
			if n, _ := w.Head(); n != tc.headAfter {
				t.Fatalf("read on to %d after pruning", n)
			}
			checkServed(t, w.Watcher, f, tc.prune+1, tc.headAfter)
			w.Prune(30)
			w.headIs(t, 30)
		})
	}
}

// TestWrongChain: an L1 on another chain is refused, naming both.
func TestWrongChain(t *testing.T) {
	f := newFake(10, 5)
	f.id = 1
	w := run(t, f, Config{From: 1})
	select {
	case err := <-w.done:
		w.done <- err
		if !errors.Is(err, ErrWrongChain) || !strings.Contains(err.Error(), "chain 1,") || !strings.Contains(err.Error(), fmt.Sprint(testChain)) {
			t.Fatalf("Run: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not stop")
	}
	if _, ok := w.Head(); ok || testutil.ToFloat64(w.m.errors.WithLabelValues(kindWrongChain)) != 1 {
		t.Fatal("read a wrong chain or did not count it")
	}
}
