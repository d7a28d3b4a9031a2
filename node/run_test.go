package node

import (
	"context"
	"errors"
	"fmt"
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
}

func (f fakeListener) Shutdown(context.Context) error {
	f.log.add(f.name)
	return nil
}

func (f fakeListener) Done() <-chan struct{} { return nil }
func (f fakeListener) Err() error            { return nil }

// fakeKeyper requires its node's listeners shut before it closes: a
// request would reach a closed keyper.
type fakeKeyper struct {
	log  *stopLog
	node int
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

// TestStopOrder: a node stops its HTTP listeners,
// then its keyper, then its validator and store (before, the validator and
// its store were closed under a keyper still releasing); a devnet takes
// each step for every node before the next.
func TestStopOrder(t *testing.T) {
	log := &stopLog{t: t}
	if err := fakeNode(log, 0, true, nil).Stop(); err != nil {
		t.Fatal(err)
	}
	listeners := log.steps[:2]
	slices.Sort(listeners) // shut at once
	if want := []string{"api 0", "keyper listener 0", "keyper 0", "validator 0"}; !slices.Equal(log.steps, want) {
		t.Errorf("veil node stopped %q, want %q", log.steps, want)
	}

	log = &stopLog{t: t}
	boom := errors.New("boom")
	err := StopAll([]*Node{fakeNode(log, 0, true, nil), fakeNode(log, 1, false, boom), fakeNode(log, 2, true, nil)})
	if !errors.Is(err, boom) || !strings.Contains(err.Error(), "validator 1") {
		t.Errorf("error %v, want validator 1's", err)
	}
	listeners = log.steps[:5]
	slices.Sort(listeners)
	want := []string{"api 0", "api 1", "api 2", "keyper listener 0", "keyper listener 2", "keyper 0", "keyper 2", "validator 0", "validator 1", "validator 2"}
	if !slices.Equal(log.steps, want) {
		t.Errorf("devnet stopped %q, want %q", log.steps, want)
	}
}
