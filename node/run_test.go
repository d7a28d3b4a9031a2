package node

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"testing"
)

// stopLog records what was stopped, in order, and checks each part's
// contract as it stops.
type stopLog struct {
	t     *testing.T
	mu    sync.Mutex
	steps []string
}

func (l *stopLog) add(step string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.steps = append(l.steps, step)
}

func (l *stopLog) done(step string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Contains(l.steps, step)
}

type fakeListener struct {
	log  *stopLog
	name string
	done chan struct{} // closed when it stops on its own, with err
	err  error
}

func (f fakeListener) Shutdown(context.Context) error {
	f.log.add(f.name)
	return nil
}

func (f fakeListener) Done() <-chan struct{} { return f.done }
func (f fakeListener) Err() error            { return f.err }

// fakeKeyper requires its node's listeners shut before it closes: a
// request would reach a closed keyper.
type fakeKeyper struct {
	log  *stopLog
	node int
}

func (f fakeKeyper) Quiesce() {
	if f.log.done(fmt.Sprintf("api %d", f.node)) {
		f.log.t.Errorf("keyper %d kept retrying sends after its listeners began to shut", f.node)
	}
	f.log.add(fmt.Sprintf("quiesce %d", f.node))
}

func (f fakeKeyper) Close() {
	for _, l := range []string{"api", "keyper listener"} {
		if !f.log.done(fmt.Sprintf("%s %d", l, f.node)) {
			f.log.t.Errorf("keyper %d closed before its %s", f.node, l)
		}
	}
	f.log.add(fmt.Sprintf("keyper %d", f.node))
}

// fakeChain requires its keyper closed before the validator (and its
// store) stops: Keyper.Close's contract, since a release reads the
// validator's state.
type fakeChain struct {
	log    *stopLog
	node   int
	keyper bool
	err    error
}

func (f fakeChain) Stop() error {
	if f.keyper && !f.log.done(fmt.Sprintf("keyper %d", f.node)) {
		f.log.t.Errorf("validator %d stopped before its keyper", f.node)
	}
	f.log.add(fmt.Sprintf("validator %d", f.node))
	return f.err
}

func fakeNode(log *stopLog, i int, withKeyper bool, err error) *Node {
	n := &Node{index: i, chain: fakeChain{log: log, node: i, keyper: withKeyper, err: err}}
	n.listeners = append(n.listeners, fakeListener{log: log, name: fmt.Sprintf("api %d", i)})
	if withKeyper {
		n.listeners = append(n.listeners, fakeListener{log: log, name: fmt.Sprintf("keyper listener %d", i)})
		n.keyper = fakeKeyper{log: log, node: i}
	}
	return n
}

// TestStopOrder: a node's keyper stops retrying sends, then the node stops
// its HTTP listeners, then its keyper, then its validator and store
// (before, the validator and its store were closed under a keyper still
// releasing); a devnet takes each step for every node before the next.
func TestStopOrder(t *testing.T) {
	log := &stopLog{t: t}
	if err := fakeNode(log, 0, true, nil).Stop(); err != nil {
		t.Fatal(err)
	}
	listeners := log.steps[1:3]
	slices.Sort(listeners) // shut at once
	if want := []string{"quiesce 0", "api 0", "keyper listener 0", "keyper 0", "validator 0"}; !slices.Equal(log.steps, want) {
		t.Errorf("veil node stopped %q, want %q", log.steps, want)
	}

	log = &stopLog{t: t}
	boom := errors.New("boom")
	err := StopAll([]*Node{fakeNode(log, 0, true, nil), fakeNode(log, 1, false, boom), fakeNode(log, 2, true, nil)})
	if !errors.Is(err, boom) || !strings.Contains(err.Error(), "validator 1") {
		t.Errorf("error %v, want validator 1's", err)
	}
	listeners = log.steps[2:7]
	slices.Sort(listeners)
	want := []string{"quiesce 0", "quiesce 2", "api 0", "api 1", "api 2", "keyper listener 0", "keyper listener 2", "keyper 0", "keyper 2", "validator 0", "validator 1", "validator 2"}
	if !slices.Equal(log.steps, want) {
		t.Errorf("devnet stopped %q, want %q", log.steps, want)
	}
}

// TestSupervise: a node runs until its context ends or one of its parts
// stops on its own (a listener that can no longer accept, CometBFT
// halting); either way every part stops, in order, and the part's failure
// is what Run returns.
func TestSupervise(t *testing.T) {
	dead := errors.New("accept: too many open files")
	for _, tc := range []struct {
		name string
		fail func(n *Node, cancel context.CancelFunc, quit chan struct{})
		want error
	}{
		{"context ends", func(_ *Node, cancel context.CancelFunc, _ chan struct{}) { cancel() }, nil},
		{"a listener dies", func(n *Node, _ context.CancelFunc, _ chan struct{}) {
			l := n.listeners[1].(fakeListener)
			close(l.done)
		}, dead},
		{"CometBFT halts", func(_ *Node, _ context.CancelFunc, quit chan struct{}) { close(quit) }, errors.New("validator 0: CometBFT stopped")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			log := &stopLog{t: t}
			n := fakeNode(log, 0, true, nil)
			for i := range n.listeners {
				l := n.listeners[i].(fakeListener)
				l.done = make(chan struct{})
				if i == 1 {
					l.err = dead
				}
				n.listeners[i] = l
			}
			quit := make(chan struct{})
			n.quit = quit
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			stopping := false
			errc := make(chan error, 1)
			go func() { errc <- n.supervise(ctx, slog.New(slog.DiscardHandler), func() { stopping = true }) }()
			tc.fail(n, cancel, quit)
			err := <-errc
			if (err == nil) != (tc.want == nil) || (err != nil && err.Error() != tc.want.Error()) {
				t.Fatalf("supervise = %v, want %v", err, tc.want)
			}
			if !stopping || !log.done("validator 0") || !log.done("keyper 0") {
				t.Fatalf("stopped %q (stopping hook called: %v), want the whole node", log.steps, stopping)
			}
		})
	}
}
