// Package devnettest runs Veil networks as processes for tests that need a
// whole network behind real sockets (a browser, Prometheus' view, stock
// Ethereum clients, faults): free loopback ports, the veil binary, and a
// `veil devnet` that stops cleanly when the test ends and shows its log
// when the test failed.
package devnettest

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// FreePorts returns the first of n consecutive free loopback ports. A
// devnet binds its APIs and keyper listeners on consecutive ports from its
// base; the range is below the ephemeral ports (32768 up), which client
// connections take.
func FreePorts(t testing.TB, n int) int {
	t.Helper()
	for range 100 {
		base := 20000 + rand.IntN(12000)
		var ls []net.Listener
		for p := base; p < base+n; p++ {
			l, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", p))
			if err != nil {
				break
			}
			ls = append(ls, l)
		}
		for _, l := range ls {
			l.Close()
		}
		if len(ls) == n {
			return base
		}
	}
	t.Fatal("no free port range")
	return 0
}

// Build compiles the veil command (this module's cmd/veil, without the
// race detector: the network is the test's subject, not its code) into dir
// and returns the binary's path. With VEIL_BIN set (make test builds
// bin/veil first) that binary is used instead: linking veil once per test
// package costs make test's critical path tens of seconds. The compile is
// bounded by the test alone, not by the deadline of the network waits that
// follow: on a fresh build cache it takes minutes.
func Build(t testing.TB, dir string) string {
	t.Helper()
	if bin := os.Getenv("VEIL_BIN"); bin != "" {
		if _, err := os.Stat(bin); err != nil {
			t.Fatalf("VEIL_BIN: %v", err)
		}
		return bin
	}
	veil := filepath.Join(dir, "veil")
	out, err := exec.CommandContext(t.Context(), "go", "build", "-o", veil, "github.com/veil-sequencer/veil/cmd/veil").CombinedOutput()
	if err != nil {
		t.Fatalf("go build cmd/veil: %v\n%s", err, out)
	}
	return veil
}

// Start runs `veil devnet --datadir DIR/net ARGS…` until the test ends, its
// output in DIR/devnet.log, and returns DIR/net once devnet.json is written
// there (the devnet writes it when every API answers and its rollup node,
// if any, runs). In the test's cleanup the devnet gets SIGINT, and is
// killed if it has not stopped 30 s later; when the test failed, the log's
// last 40 lines are logged. ctx bounds only the wait for devnet.json: the
// process must outlive it, to stop cleanly after the test.
func Start(t testing.TB, ctx context.Context, veil, dir string, args ...string) string {
	t.Helper()
	netDir := filepath.Join(dir, "net")
	logf, err := os.Create(filepath.Join(dir, "devnet.log"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(veil, append([]string{"devnet", "--datadir", netDir}, args...)...)
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		logf.Close()
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { _ = cmd.Wait(); close(done) }()
	t.Cleanup(func() {
		_ = cmd.Process.Signal(os.Interrupt)
		select {
		case <-done:
		case <-time.After(30 * time.Second):
			_ = cmd.Process.Kill()
			<-done
		}
		logf.Close()
		if t.Failed() {
			raw, _ := os.ReadFile(logf.Name())
			lines := strings.Split(string(raw), "\n")
			t.Logf("devnet log (last lines):\n%s", strings.Join(lines[max(0, len(lines)-40):], "\n"))
		}
	})
	for {
		if raw, err := os.ReadFile(filepath.Join(netDir, "devnet.json")); err == nil && json.Valid(raw) {
			return netDir
		}
		select {
		case <-done:
			t.Fatal("the devnet exited before writing devnet.json")
		case <-ctx.Done():
			t.Fatalf("no devnet.json in %s: %v", netDir, ctx.Err())
		case <-time.After(200 * time.Millisecond):
		}
	}
}

// Read decodes the devnet.json of a network Start returned into v.
func Read(t testing.TB, netDir string, v any) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(netDir, "devnet.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, v); err != nil {
		t.Fatalf("devnet.json: %v", err)
	}
}
