package l1dev

import (
	"bufio"
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/rpc"
)

// GethBinEnv names an environment variable holding the path of a geth
// binary for StartGeth to run instead of building one.
const GethBinEnv = "VEIL_GETH"

// gethStopTimeout is how long Close lets geth shut down after SIGINT before
// killing it; geth writes its state journal on the way out.
const gethStopTimeout = 15 * time.Second

// gethDevKeyHex is the private key `geth --dev` imports into an empty
// keystore and funds in its genesis (cmd/utils.DeveloperKey in go-ethereum;
// not imported from there to keep geth's CLI packages out of Veil).
const gethDevKeyHex = "b71c71a67e1177ad4e901695e1b4b9ee17ae16c6668d313eac2f96dbcda3f291"

// Geth is a running `geth --dev` process.
type Geth struct {
	cmd    *exec.Cmd
	url    string
	devKey *ecdsa.PrivateKey
	log    *slog.Logger

	exited  chan struct{} // closed once the process has been waited for
	waitErr error         // the process's exit, valid after exited

	tail *lineTail

	closeOnce sync.Once
	closeErr  error
}

// StartGeth starts `geth --dev` with its datadir in dir (a chain there is
// resumed), a block every period (1s when zero; whole seconds) and JSON-RPC
// (eth, net, web3, txpool) on a free loopback port, and returns once
// eth_chainId answers. geth's log goes to lg: Info and below at Debug, Warn
// and Error as such.
//
// The binary is the geth of the `tool` directive in Veil's go.mod, built (or
// found in the build cache) with `go tool -n geth` in the current directory,
// which must be inside Veil's module, as it is for tests; GethBinEnv names a
// prebuilt binary instead.
//
// The caller must Close the Geth. On Linux the process is also killed if the
// caller's process dies first (parent-death signal), so a crashed test run
// leaves no geth behind. Unlike Start's chain, this geth keeps its defaults
// (path state scheme, unsynced database writes): a killed geth resumes
// behind the head it had reached, as `geth --dev` does.
func StartGeth(ctx context.Context, dir string, period time.Duration, lg *slog.Logger) (*Geth, error) {
	if lg == nil {
		lg = slog.New(slog.DiscardHandler)
	}
	p, err := blockPeriod(period)
	if err != nil {
		return nil, err
	}
	if dir == "" {
		return nil, errors.New("l1dev: geth: a datadir is required")
	}
	bin, err := GethBinary(ctx)
	if err != nil {
		return nil, err
	}
	args := []string{
		"--dev",
		"--dev.period", strconv.FormatInt(int64(p/time.Second), 10),
		"--dev.gaslimit", strconv.Itoa(GenesisGasLimit),
		"--datadir", dir,
		"--http",
		"--http.addr", "127.0.0.1",
		// Port 0: the kernel picks a free port, and geth logs which one
		// ("HTTP server started"); no window in which another process can
		// take a port picked here beforehand.
		"--http.port", "0",
		"--http.api", "eth,net,web3,txpool",
		"--nodiscover",
		"--maxpeers", "0",
		"--ipcdisable",
		"--log.format", "json",
		"--verbosity", "3",
	}
	cmd := exec.Command(bin, args...) // stdin and stdout: the null device
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return nil, fmt.Errorf("l1dev: geth: %w", err)
	}
	setParentDeathSignal(cmd)
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("l1dev: start %s: %w", bin, err)
	}
	g := &Geth{
		cmd:    cmd,
		log:    lg,
		exited: make(chan struct{}),
		tail:   &lineTail{max: 30},
	}
	endpoint := make(chan string, 1)
	go func() {
		g.readLog(stderr, endpoint)
		g.waitErr = cmd.Wait() // after the last read, as exec requires
		close(g.exited)
	}()
	lg.Info("l1dev: geth started", "pid", cmd.Process.Pid, "dir", dir, "period", p)

	fail := func(err error) (*Geth, error) {
		_ = g.Close()
		return nil, err
	}
	startCtx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	select {
	case ep := <-endpoint:
		g.url = "http://" + ep
	case <-g.exited:
		return fail(fmt.Errorf("l1dev: geth exited during start (%v); its last output:\n%s", g.waitErr, g.tail))
	case <-startCtx.Done():
		return fail(fmt.Errorf("l1dev: geth: waiting for its HTTP server: %w", startCtx.Err()))
	}
	accounts, err := g.waitReady(startCtx)
	if err != nil {
		return fail(err)
	}
	key, _ := crypto.HexToECDSA(gethDevKeyHex)
	if slices.Contains(accounts, crypto.PubkeyToAddress(key.PublicKey)) {
		g.devKey = key
	} else {
		lg.Warn("l1dev: geth's dev account is not the well-known key; DevKey is nil", "accounts", accounts)
	}
	lg.Info("l1dev: geth ready", "url", g.url)
	return g, nil
}

// URL is geth's JSON-RPC endpoint.
func (g *Geth) URL() string { return g.url }

// DevKey is the private key of geth's developer account, funded with
// 2^256-9 wei in the dev genesis: `geth --dev` imports a well-known key into
// an empty keystore and makes it the developer account, and StartGeth checks
// that eth_accounts lists it. Nil when the datadir's keystore already held
// another account (geth then uses that one). Tests fund keys of their own by
// sending from it.
func (g *Geth) DevKey() *ecdsa.PrivateKey { return g.devKey }

// Close stops geth: SIGINT, then SIGKILL if it has not exited within 15s.
// It returns once the process is gone. Calling it again returns the first
// result.
func (g *Geth) Close() error {
	g.closeOnce.Do(func() {
		select {
		case <-g.exited:
			if g.waitErr != nil {
				g.closeErr = fmt.Errorf("l1dev: geth had exited: %w", g.waitErr)
			}
			return
		default:
		}
		if err := g.cmd.Process.Signal(os.Interrupt); err != nil {
			_ = g.cmd.Process.Kill() // no SIGINT on this platform
		}
		timer := time.NewTimer(gethStopTimeout)
		defer timer.Stop()
		select {
		case <-g.exited:
			if g.waitErr != nil {
				g.closeErr = fmt.Errorf("l1dev: geth: %w", g.waitErr)
			}
		case <-timer.C:
			_ = g.cmd.Process.Kill()
			<-g.exited
			g.closeErr = fmt.Errorf("l1dev: geth did not stop within %v of SIGINT and was killed", gethStopTimeout)
		}
		g.log.Info("l1dev: geth stopped", "err", g.closeErr)
	})
	return g.closeErr
}

// waitReady polls eth_chainId until geth answers, then returns its accounts.
func (g *Geth) waitReady(ctx context.Context) ([]common.Address, error) {
	client, err := rpc.DialContext(ctx, g.url)
	if err != nil {
		return nil, fmt.Errorf("l1dev: geth: dial %s: %w", g.url, err)
	}
	defer client.Close()
	for {
		var id string
		err := client.CallContext(ctx, &id, "eth_chainId")
		if err == nil {
			var accounts []common.Address
			if err := client.CallContext(ctx, &accounts, "eth_accounts"); err != nil {
				return nil, fmt.Errorf("l1dev: geth: eth_accounts: %w", err)
			}
			return accounts, nil
		}
		select {
		case <-g.exited:
			return nil, fmt.Errorf("l1dev: geth exited during start (%v); its last output:\n%s", g.waitErr, g.tail)
		case <-ctx.Done():
			return nil, fmt.Errorf("l1dev: geth: waiting for eth_chainId: %w (last error: %v)", ctx.Err(), err)
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// readLog forwards geth's JSON log lines to g.log until the pipe closes, and
// sends the HTTP endpoint geth reports once.
func (g *Geth) readLog(r io.Reader, endpoint chan<- string) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	sent := false
	banner := false // inside geth's multi-line --dev banner, logged at Warn
	for sc.Scan() {
		line := sc.Text()
		g.tail.add(line)
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			g.log.Debug("geth: "+line, "component", "geth")
			continue
		}
		msg, _ := rec["msg"].(string)
		lvl, _ := rec["lvl"].(string)
		if !sent && msg == "HTTP server started" {
			if ep, ok := rec["endpoint"].(string); ok {
				endpoint <- ep
				sent = true
			}
		}
		attrs := []any{"component", "geth"}
		for _, k := range slices.Sorted(maps.Keys(rec)) {
			if k != "t" && k != "lvl" && k != "msg" {
				attrs = append(attrs, k, rec[k])
			}
		}
		level := slog.LevelDebug
		switch lvl {
		case "warn":
			// The banner's lines are its first line and the blank or
			// indented ones after it; they are news to nobody here.
			if strings.HasPrefix(msg, "You are running Geth in --dev mode") {
				banner = true
			} else if banner && msg != "" && !strings.HasPrefix(msg, " ") {
				banner = false
			}
			if !banner {
				level = slog.LevelWarn
			}
		case "error", "crit":
			level = slog.LevelError
		}
		g.log.Log(context.Background(), level, "geth: "+msg, attrs...)
	}
	// The rest (e.g. a line over 1 MiB) is drained so geth never blocks
	// writing its log.
	_, _ = io.Copy(io.Discard, r)
}

// GethBinary returns the path of the geth binary StartGeth runs: the one
// GethBinEnv names, or the go.mod tool's, built on the first call (minutes
// on a cold build cache) and found in the build cache afterwards.
func GethBinary(ctx context.Context) (string, error) {
	if p := os.Getenv(GethBinEnv); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("l1dev: %s: %w", GethBinEnv, err)
		}
		return p, nil
	}
	gethBin.mu.Lock()
	defer gethBin.mu.Unlock()
	if gethBin.path != "" {
		return gethBin.path, nil
	}
	cmd := exec.CommandContext(ctx, "go", "tool", "-n", "geth")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("l1dev: build geth (go tool -n geth): %w: %s", err, strings.TrimSpace(stderr.String()))
	}
	p := strings.TrimSpace(string(out))
	if _, err := os.Stat(p); err != nil {
		return "", fmt.Errorf("l1dev: build geth: go tool -n geth printed %q: %w", p, err)
	}
	gethBin.path = p
	return p, nil
}

var gethBin struct {
	mu   sync.Mutex
	path string
}

// lineTail keeps the last lines of a process's output for error messages.
type lineTail struct {
	mu    sync.Mutex
	max   int
	lines []string
}

func (t *lineTail) add(line string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.lines = append(t.lines, line)
	if len(t.lines) > t.max {
		t.lines = slices.Delete(t.lines, 0, len(t.lines)-t.max)
	}
}

func (t *lineTail) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return strings.Join(t.lines, "\n")
}
