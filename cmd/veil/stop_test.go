package main

import (
	"bytes"
	"log/slog"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

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
