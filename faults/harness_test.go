package faults

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/veil-sequencer/veil/devnettest"
	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/node"
)

// veilBin is the veil binary the tests run.
var veilBin string

func TestMain(m *testing.M) {
	veilBin = os.Getenv("VEIL_BIN")
	tmp := ""
	if veilBin == "" {
		// Without the race detector: these tests judge the nodes' timing.
		var err error
		if tmp, err = os.MkdirTemp("", "veil-faults-"); err != nil {
			fmt.Fprintln(os.Stderr, "faults:", err)
			os.Exit(1)
		}
		veilBin = filepath.Join(tmp, "veil")
		build := exec.Command("go", "build", "-o", veilBin, "github.com/veil-sequencer/veil/cmd/veil")
		build.Stdout, build.Stderr = os.Stderr, os.Stderr
		if err := build.Run(); err != nil {
			fmt.Fprintln(os.Stderr, "faults: building veil:", err)
			os.Exit(1)
		}
	}
	code := m.Run()
	if tmp != "" {
		os.RemoveAll(tmp)
	}
	os.Exit(code)
}

// network is a network written by veil devnet --write-configs, each node a
// veil node process.
type network struct {
	t    *testing.T
	dir  string
	apis []string
	// keypers are the nodes' keyper listeners, where POST /v1/p2p/shares
	// is served (the public APIs answer it 404).
	keypers []string
	procs   []*exec.Cmd
	devnet  devnetFile
}

type devnetFile struct {
	ChainID    uint64   `json:"chainId"`
	Nodes      []string `json:"nodes"`
	Validators []struct {
		Address        string `json:"address"`
		KeyperListener string `json:"keyperListener"`
	} `json:"validators"`
	Accounts []struct {
		Address    common.Address `json:"address"`
		PrivateKey string         `json:"privateKey"`
		Role       string         `json:"role"`
	} `json:"accounts"`
}

// newNetwork writes a 4-validator network with blockTime slots (not yet
// running); every process it starts is stopped when the test ends, and the
// nodes' logs are shown if it failed.
func newNetwork(t *testing.T, blockTime string, accounts int, extra ...string) *network {
	t.Helper()
	dir := t.TempDir()
	base := devnettest.FreePorts(t, 8) // four APIs, then four keyper listeners
	args := append([]string{"devnet", "--write-configs", dir, "--validators", "4", "--block-time", blockTime,
		"--http", fmt.Sprintf("127.0.0.1:%d", base), "--accounts", strconv.Itoa(accounts), "--builders", "0"}, extra...)
	out, err := exec.Command(veilBin, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("write configs: %v\n%s", err, out)
	}
	nw := &network{t: t, dir: dir, procs: make([]*exec.Cmd, 4)}
	b, err := os.ReadFile(filepath.Join(dir, "devnet.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &nw.devnet); err != nil {
		t.Fatal(err)
	}
	nw.apis = nw.devnet.Nodes
	for _, v := range nw.devnet.Validators {
		nw.keypers = append(nw.keypers, v.KeyperListener)
	}
	t.Cleanup(func() {
		for i := range nw.procs {
			nw.stop(i)
		}
		if t.Failed() {
			for i := range nw.procs {
				nw.showLog(i)
			}
		}
	})
	return nw
}

func (nw *network) config(i int) string {
	return filepath.Join(nw.dir, fmt.Sprintf("node-%d", i), "veil.toml")
}

func (nw *network) logFile(i int) string {
	return filepath.Join(nw.dir, fmt.Sprintf("node-%d", i), "node.log")
}

// startAll starts every node and waits until each API answers.
func (nw *network) startAll() {
	for i := range nw.procs {
		nw.start(i)
	}
	for i := range nw.procs {
		nw.waitHeight(i, 1, 30*time.Second)
	}
}

// start runs node i from its config, appending to its log.
func (nw *network) start(i int) {
	nw.t.Helper()
	nw.startWith(i, nw.config(i), nw.logFile(i))
}

func (nw *network) startWith(i int, config, logPath string) {
	nw.t.Helper()
	if nw.procs[i] != nil {
		nw.t.Fatalf("node %d is running", i)
	}
	log, err := os.OpenFile(logPath, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		nw.t.Fatal(err)
	}
	cmd := exec.Command(veilBin, "node", "--config", config)
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		nw.t.Fatal(err)
	}
	log.Close() // the child holds its own descriptor
	nw.procs[i] = cmd
}

// kill SIGKILLs node i: no shutdown, no flush beyond what is durable.
func (nw *network) kill(i int) {
	if p := nw.procs[i]; p != nil {
		_ = p.Process.Kill()
		_ = p.Wait()
		nw.procs[i] = nil
	}
}

// stop asks node i to stop (SIGINT) and kills it if it has not within 15 s.
func (nw *network) stop(i int) {
	p := nw.procs[i]
	if p == nil {
		return
	}
	_ = p.Process.Signal(syscall.SIGINT)
	done := make(chan struct{})
	go func() { _ = p.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(15 * time.Second):
		nw.t.Errorf("node %d did not stop within 15 s of SIGINT", i)
		_ = p.Process.Kill()
		<-done
	}
	nw.procs[i] = nil
}

func (nw *network) showLog(i int) {
	b, err := os.ReadFile(nw.logFile(i))
	if err != nil {
		return
	}
	lines := strings.Split(string(b), "\n")
	var keep []string
	for _, l := range lines {
		if !strings.Contains(l, `"msg":"block"`) {
			keep = append(keep, l)
		}
	}
	if len(keep) > 40 {
		keep = keep[len(keep)-40:]
	}
	nw.t.Logf("node %d log (last lines but blocks):\n%s", i, strings.Join(keep, "\n"))
}

// status is GET /v1/status.
type status struct {
	Height    uint64      `json:"height"`
	AppHash   common.Hash `json:"appHash"`
	L1Applied uint64      `json:"l1Applied"`
}

func (nw *network) status(i int) (status, error) {
	var s status
	err := getJSON(nw.apis[i]+"/v1/status", &s)
	return s, err
}

func (nw *network) height(i int) uint64 {
	s, err := nw.status(i)
	if err != nil {
		return 0
	}
	return s.Height
}

// waitHeight waits until node i has committed h.
func (nw *network) waitHeight(i int, h uint64, within time.Duration) {
	nw.t.Helper()
	deadline := time.Now().Add(within)
	for {
		s, err := nw.status(i)
		if err == nil && s.Height >= h {
			return
		}
		if time.Now().After(deadline) {
			nw.t.Fatalf("node %d at height %d (err %v) after %v, waiting for %d", i, s.Height, err, within, h)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// block is the part of GET /v1/blocks/{slot} the tests compare.
type block struct {
	Slot         uint64    `json:"slot"`
	Level        string    `json:"level"`
	Hash         string    `json:"hash"`
	Proposer     string    `json:"proposer"`
	Time         time.Time `json:"time"`
	Transactions []struct {
		EnvelopeHash common.Hash `json:"envelopeHash"`
		Identity     common.Hash `json:"identity"`
		Status       string      `json:"status"`
	} `json:"transactions"`
}

func (nw *network) block(i int, slot uint64) (block, error) {
	var b block
	err := getJSON(fmt.Sprintf("%s/v1/blocks/%d", nw.apis[i], slot), &b)
	return b, err
}

// sameChain checks that the given nodes hold the same block hash at every
// height in [from, to]. A block's header carries the AppHash after the
// block before it, so equal hashes up to h+1 mean equal state up to h.
func (nw *network) sameChain(nodes []int, from, to uint64) {
	nw.t.Helper()
	for h := from; h <= to; h++ {
		var want string
		for _, i := range nodes {
			b, err := nw.block(i, h)
			if err != nil {
				nw.t.Fatalf("node %d block %d: %v", i, h, err)
			}
			if want == "" {
				want = b.Hash
			} else if b.Hash != want {
				nw.t.Fatalf("fork: block %d is %s on node %d, %s on node %d", h, b.Hash, i, want, nodes[0])
			}
		}
	}
}

// sameState waits until every given node is at one height with one
// AppHash (they move, so it samples until they agree), within d.
func (nw *network) sameState(nodes []int, d time.Duration) status {
	nw.t.Helper()
	deadline := time.Now().Add(d)
	for {
		var first status
		agree := true
		for k, i := range nodes {
			s, err := nw.status(i)
			if err != nil {
				agree = false
				break
			}
			if k == 0 {
				first = s
			} else if s != first {
				agree = false
				if s.Height == first.Height {
					nw.t.Fatalf("nodes %d and %d disagree on the AppHash at height %d: %s vs %s", nodes[0], i, s.Height, first.AppHash, s.AppHash)
				}
			}
		}
		if agree {
			return first
		}
		if time.Now().After(deadline) {
			nw.t.Fatalf("nodes %v did not meet at one height within %v", nodes, d)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// agree waits for the nodes to meet at one height with one AppHash and
// checks they hold the same blocks from height 1.
func (nw *network) agree(nodes []int) status {
	nw.t.Helper()
	st := nw.sameState(nodes, 30*time.Second)
	nw.sameChain(nodes, 1, st.Height)
	return st
}

// metric sums the series of a counter of node i whose line contains label
// ("" for all of them); 0 if it has none.
func (nw *network) metric(i int, name, label string) float64 {
	resp, err := http.Get(nw.apis[i] + "/metrics")
	if err != nil {
		return 0
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	sum := 0.0
	for sc.Scan() {
		line := sc.Text()
		if (strings.HasPrefix(line, name+" ") || strings.HasPrefix(line, name+"{")) && strings.Contains(line, label) {
			f := strings.Fields(line)
			v, _ := strconv.ParseFloat(f[len(f)-1], 64)
			sum += v
		}
	}
	return sum
}

func getJSON(url string, v any) error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %d %s", url, resp.StatusCode, body)
	}
	return json.Unmarshal(body, v)
}

// load is a veil bench load process.
type load struct {
	cmd *exec.Cmd
	out *bytes.Buffer
}

// startLoad sends rate tx/s to the given nodes for d (following the first
// one's feed) and waits up to drain for their decryption.
func (nw *network) startLoad(nodes []int, rate float64, d, drain time.Duration) *load {
	nw.t.Helper()
	var urls []string
	for _, i := range nodes {
		urls = append(urls, nw.apis[i])
	}
	cmd := exec.Command(veilBin, "bench", "load", "--node", strings.Join(urls, ","), "--devnet", filepath.Join(nw.dir, "devnet.json"),
		"--rate", fmt.Sprint(rate), "--duration", d.String(), "--drain", drain.String(), "--workers", "4")
	l := &load{cmd: cmd, out: new(bytes.Buffer)}
	cmd.Stdout, cmd.Stderr = l.out, l.out
	if err := cmd.Start(); err != nil {
		nw.t.Fatal(err)
	}
	nw.t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	return l
}

var loadResult = regexp.MustCompile(`sent (\d+) admitted envelopes .*; decrypted (\d+), invalid (\d+), not decrypted in time (\d+)`)

// decryptedAll waits for the load to finish and requires at least
// minSent envelopes admitted and every one of them decrypted.
func (l *load) decryptedAll(t *testing.T, minSent int) {
	t.Helper()
	err := l.cmd.Wait()
	m := loadResult.FindStringSubmatch(l.out.String())
	if err != nil || m == nil {
		t.Fatalf("load: %v\n%s", err, l.out)
	}
	sent, _ := strconv.Atoi(m[1])
	missing, _ := strconv.Atoi(m[4])
	t.Logf("load:\n%s", l.out)
	if sent < minSent || missing > 0 {
		t.Fatalf("%d envelopes admitted (want %d or more), %d not decrypted", sent, minSent, missing)
	}
}

// chainDomain is the network's EIP-712 domain.
func chainDomain(t *testing.T, nw *network) eip712.Domain {
	t.Helper()
	c, err := node.OpenNetwork(filepath.Join(nw.dir, "genesis.json"), 500*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	return c.Params().Domain
}
