package faults

import (
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/veil-sequencer/veil/devnettest"
)

// proc is a veil process whose output goes to a file.
type proc struct {
	cmd  *exec.Cmd
	log  string
	done chan struct{}
}

func startProc(t *testing.T, logPath string, args ...string) *proc {
	t.Helper()
	f, err := os.Create(logPath)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(veilBin, args...)
	cmd.Stdout, cmd.Stderr = f, f
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p := &proc{cmd: cmd, log: logPath, done: make(chan struct{})}
	go func() { _ = cmd.Wait(); f.Close(); close(p.done) }()
	t.Cleanup(func() { p.stop(syscall.SIGINT) })
	return p
}

// stop sends sig and waits (up to 30 s, then SIGKILL).
func (p *proc) stop(sig syscall.Signal) {
	select {
	case <-p.done:
		return
	default:
	}
	_ = p.cmd.Process.Signal(sig)
	select {
	case <-p.done:
	case <-time.After(30 * time.Second):
		_ = p.cmd.Process.Kill()
		<-p.done
	}
}

func (p *proc) output() string {
	b, _ := os.ReadFile(p.log)
	return string(b)
}

// TestRollupNodes: a devnet under wallet load runs its rollup node (A,
// following the feed); a second rollup process (B) derives the same slots
// from L1 alone, a third (C) follows another validator's feed and is
// SIGKILLed under load, then restarted on its datadir, where it reads the
// feed on from its stored checkpoint. All three end with
// the same blocks (hashes, so state roots too) at every height they share,
// and the load's transfers are in them.
func TestRollupNodes(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "net")
	base := devnettest.FreePorts(t, 11) // four APIs, four keyper listeners, three rollup nodes
	ports := base + 8
	devnet := startProc(t, filepath.Join(t.TempDir(), "devnet.log"), "devnet", "--datadir", dir, "--http", fmt.Sprintf("127.0.0.1:%d", base),
		"--l1-http", "127.0.0.1:0", "--rollup-rpc", fmt.Sprintf("127.0.0.1:%d", ports), "--load", "10", "--builders", "1")
	fatal := func(format string, args ...any) {
		t.Helper()
		t.Fatalf(format+"\n--- devnet output (last lines) ---\n%s", append(args, lastLines(devnet.output(), 40))...)
	}
	for deadline := time.Now().Add(120 * time.Second); !strings.Contains(devnet.output(), "Ctrl-C stops"); time.Sleep(200 * time.Millisecond) {
		if time.Now().After(deadline) {
			fatal("the devnet did not come up")
		}
	}
	var dn struct {
		Nodes []string `json:"nodes"`
		L1    struct {
			RPC string `json:"rpc"`
		} `json:"l1"`
		Rollup struct {
			RPC     string `json:"rpc"`
			Genesis string `json:"genesis"`
		} `json:"rollup"`
	}
	if b, err := os.ReadFile(filepath.Join(dir, "devnet.json")); err != nil || json.Unmarshal(b, &dn) != nil || dn.Rollup.RPC == "" || dn.L1.RPC == "" {
		fatal("devnet.json: %v %+v", err, dn)
	}
	trust := filepath.Join(dir, "genesis.json")
	rollupArgs := []string{"rollup", "--trust", trust, "--genesis", dn.Rollup.Genesis}
	bDir, cDir := t.TempDir(), t.TempDir()
	bRPC, cRPC := fmt.Sprintf("127.0.0.1:%d", ports+1), fmt.Sprintf("127.0.0.1:%d", ports+2)
	fromL1 := startProc(t, filepath.Join(t.TempDir(), "b.log"), append(rollupArgs, "--datadir", bDir, "--rpc", bRPC,
		"--l1", dn.L1.RPC, "--blobs", filepath.Join(dir, "blobs"), "--l1-confirmations", "2")...)
	cArgs := append(rollupArgs, "--datadir", cDir, "--rpc", cRPC, "--node", dn.Nodes[1])
	feed := startProc(t, filepath.Join(t.TempDir(), "c.log"), cArgs...)

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	dial := func(addr string) *ethclient.Client {
		for {
			c, err := ethclient.DialContext(ctx, "http://"+strings.TrimPrefix(addr, "http://"))
			if err == nil {
				if _, err = c.BlockNumber(ctx); err == nil {
					return c
				}
				c.Close()
			}
			if ctx.Err() != nil {
				fatal("rollup RPC %s never answered: %v", addr, err)
			}
			time.Sleep(200 * time.Millisecond)
		}
	}
	waitHead := func(c *ethclient.Client, name string, n uint64) {
		t.Helper()
		for {
			if h, err := c.BlockNumber(ctx); err == nil && h >= n {
				return
			}
			if ctx.Err() != nil {
				fatal("rollup node %s never reached block %d", name, n)
			}
			time.Sleep(200 * time.Millisecond)
		}
	}
	a, c := dial(dn.Rollup.RPC), dial(cRPC)
	defer a.Close()
	waitHead(c, "C", 12)
	// SIGKILL C under load, at whatever it is doing, and start it again.
	killedAt, _ := c.BlockNumber(ctx)
	c.Close()
	feed.stop(syscall.SIGKILL)
	t.Logf("C killed at block %d", killedAt)
	feed = startProc(t, filepath.Join(t.TempDir(), "c2.log"), cArgs...)
	c = dial(cRPC)
	defer c.Close()
	waitHead(c, "C (restarted)", killedAt+10)
	// It read the feed on from its stored checkpoint, not from slot 1.
	var resumed struct {
		Msg      string `json:"msg"`
		FromSlot uint64 `json:"from_slot"`
	}
	for _, line := range strings.Split(feed.output(), "\n") {
		if strings.Contains(line, `"rollup: following the feed"`) && json.Unmarshal([]byte(line), &resumed) == nil {
			break
		}
	}
	if resumed.FromSlot <= 1 {
		fatal("C restarted without its checkpoint: it read the feed from slot %d\n%s", resumed.FromSlot, lastLines(feed.output(), 10))
	}
	t.Logf("C restarted at block %d, reading the feed from slot %d (its checkpoint)", killedAt, resumed.FromSlot)

	// B's first blocks come once L1 accepted the first batch (32 slots).
	b := dial(bRPC)
	defer b.Close()
	waitHead(b, "B (from L1)", 20)
	top, _ := b.BlockNumber(ctx)
	waitHead(a, "A", top)
	waitHead(c, "C", top)
	txs := 0
	for n := uint64(1); n <= top; n++ {
		var blocks [3]*types.Block
		for i, cl := range []*ethclient.Client{a, b, c} {
			blk, err := cl.BlockByNumber(ctx, new(big.Int).SetUint64(n))
			if err != nil {
				t.Fatalf("block %d from node %c: %v", n, "ABC"[i], err)
			}
			blocks[i] = blk
		}
		if blocks[0].Hash() != blocks[1].Hash() || blocks[0].Hash() != blocks[2].Hash() {
			t.Fatalf("block %d: A %s (root %s), B %s (root %s), C %s (root %s)", n, blocks[0].Hash(), blocks[0].Root(),
				blocks[1].Hash(), blocks[1].Root(), blocks[2].Hash(), blocks[2].Root())
		}
		txs += len(blocks[0].Transactions())
	}
	if txs == 0 {
		fatal("no transactions in blocks 1…%d: the load never reached the rollup", top)
	}
	t.Logf("A (feed, in the devnet), B (L1) and C (feed, SIGKILLed at block %d) agree on blocks 1…%d, %d transactions", killedAt, top, txs)
	for _, p := range []*proc{fromL1, feed} {
		if out := p.output(); strings.Contains(out, "level\":\"ERROR") {
			t.Errorf("a rollup node logged an error:\n%s", lastLines(out, 10))
		}
	}
}
