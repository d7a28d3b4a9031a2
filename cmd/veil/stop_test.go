package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
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
// store) stops: node.Keyper.Close's contract, since a release reads the
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

func fakeNode(log *stopLog, i int, withKeyper bool, err error) *runningNode {
	n := &runningNode{index: i, chain: fakeChain{log: log, node: i, keyper: withKeyper, err: err}}
	n.listeners = append(n.listeners, fakeListener{log: log, name: fmt.Sprintf("api %d", i)})
	if withKeyper {
		n.listeners = append(n.listeners, fakeListener{log: log, name: fmt.Sprintf("keyper listener %d", i)})
		n.keyper = fakeKeyper{log: log, node: i}
	}
	return n
}

// TestStopOrder is issue 15's finding 9: a node stops its HTTP listeners,
// then its keyper, then its validator and store (before, the validator and
// its store were closed under a keyper still releasing); a devnet takes
// each step for every node before the next.
func TestStopOrder(t *testing.T) {
	log := &stopLog{t: t}
	if err := fakeNode(log, 0, true, nil).stop(); err != nil {
		t.Fatal(err)
	}
	listeners := log.steps[:2]
	slices.Sort(listeners) // shut at once
	if want := []string{"api 0", "keyper listener 0", "keyper 0", "validator 0"}; !slices.Equal(log.steps, want) {
		t.Errorf("veil node stopped %q, want %q", log.steps, want)
	}

	log = &stopLog{t: t}
	boom := errors.New("boom")
	err := stopNodes([]*runningNode{fakeNode(log, 0, true, nil), fakeNode(log, 1, false, boom), fakeNode(log, 2, true, nil)})
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

// TestQuietHandler: once stopping, CometBFT's peer modules log at debug;
// before, and for everything else, levels are kept.
func TestQuietHandler(t *testing.T) {
	var buf bytes.Buffer
	q := newQuietHandler(slog.NewJSONHandler(&buf, &slog.HandlerOptions{Level: slog.LevelWarn}))
	log := slog.New(q).With("validator", 0)
	p2p, consensus := log.With("module", "p2p"), log.With("module", "consensus")
	p2p.Warn("Stopping peer for error", "n", 1)
	q.stopping.Store(true)
	p2p.With("peer", "x").Warn("Stopping peer for error", "n", 2)
	log.With("module", "blocksync").Warn("Error stopping pool", "n", 3)
	consensus.Warn("consensus failure", "n", 4)
	log.Warn("stopping validators", "n", 5)
	got := regexp.MustCompile(`"n":(\d)`).FindAllStringSubmatch(buf.String(), -1)
	var ns []string
	for _, m := range got {
		ns = append(ns, m[1])
	}
	if want := []string{"1", "4", "5"}; !slices.Equal(ns, want) {
		t.Errorf("logged %v, want %v:\n%s", ns, want, buf.String())
	}

	buf.Reset()
	debug := newQuietHandler(slog.NewJSONHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	debug.stopping.Store(true)
	slog.New(debug).With("module", "p2p").Error("Stopping peer for error")
	if !strings.Contains(buf.String(), `"level":"DEBUG"`) {
		t.Errorf("at debug level a peer message is shown as debug: %s", buf.String())
	}
}

// TestDevnetQuietStop: Ctrl-C on veil devnet stops it without a warning or
// error line about peers (CometBFT's p2p chatter as each validator stops
// was a dozen lines per validator).
func TestDevnetQuietStop(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a devnet")
	}
	dir := filepath.Join(t.TempDir(), "net")
	cmd, out, errs := startDevnetLogs(t, dir, freePort(t))
	// A few blocks with the wallet load and builders running, so peers
	// are busy when they stop.
	deadline := time.Now().Add(30 * time.Second)
	for lastBlockLine(out.String()) < 4 {
		if time.Now().After(deadline) {
			stopDevnet(t, cmd)
			t.Fatalf("no blocks:\n%s", out.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
	running := len(errs.String())
	stopDevnet(t, cmd)
	peerLine := regexp.MustCompile(`"level":"(WARN|ERROR)".*("module":"(p2p|blocksync)"|[Pp]eer)`)
	var noise []string
	for _, line := range strings.Split(errs.String()[running:], "\n") {
		if peerLine.MatchString(line) {
			noise = append(noise, line)
		}
	}
	if len(noise) > 0 {
		t.Errorf("%d warnings about peers on Ctrl-C:\n%s", len(noise), strings.Join(noise, "\n"))
	}
	if rest := strings.TrimSpace(errs.String()[running:]); rest != "" {
		t.Logf("stderr while stopping:\n%s", rest)
	}
}
