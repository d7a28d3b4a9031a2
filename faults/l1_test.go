package faults

import (
	"bufio"
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/veil-sequencer/veil/contracts"
	"github.com/veil-sequencer/veil/devnettest"
)

// l1Process is `veil l1 dev` running on its own, as separate veil node
// processes use it.
type l1Process struct {
	t    *testing.T
	dir  string
	port int
	cmd  *exec.Cmd
	url  string
	key  string // its funded deployer key file
}

func startL1Process(t *testing.T, dir string, port int) *l1Process {
	t.Helper()
	p := &l1Process{t: t, dir: dir, port: port}
	p.start()
	t.Cleanup(p.stop)
	return p
}

func (p *l1Process) start() {
	p.t.Helper()
	p.cmd = exec.Command(veilBin, "l1", "dev", "--datadir", p.dir, "--http", fmt.Sprintf("127.0.0.1:%d", p.port))
	out, err := p.cmd.StdoutPipe()
	if err != nil {
		p.t.Fatal(err)
	}
	p.cmd.Stderr = os.Stderr
	if err := p.cmd.Start(); err != nil {
		p.t.Fatal(err)
	}
	line := regexp.MustCompile(`at (http://\S+), .* key in (\S+); Ctrl-C stops`)
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		if m := line.FindStringSubmatch(sc.Text()); m != nil {
			p.url, p.key = m[1], m[2]
			go func() {
				for sc.Scan() {
				}
			}()
			return
		}
	}
	p.t.Fatal("veil l1 dev did not come up")
}

func (p *l1Process) stop() {
	if p.cmd == nil {
		return
	}
	_ = p.cmd.Process.Signal(syscall.SIGINT)
	done := make(chan struct{})
	go func() { _ = p.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		_ = p.cmd.Process.Kill()
		<-done
	}
	p.cmd = nil
}

// TestL1KillUnderDeposits: four veil node processes on an L1 of their own
// (veil l1 dev) take a stream of L1 deposits while validators are
// SIGKILLed and restarted and the L1 itself restarts; in the end every
// node has applied every deposit, credited the same amounts, with one
// AppHash.
func TestL1KillUnderDeposits(t *testing.T) {
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	r := rand.New(rand.NewPCG(seed, 2))
	l1 := startL1Process(t, filepath.Join(t.TempDir(), "l1"), devnettest.FreePorts(t, 1))
	nw := newNetwork(t, "500ms", 4, "--l1", l1.url, "--l1-key", l1.key)
	nw.startAll()

	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	raw, err := os.ReadFile(l1.key)
	if err != nil {
		t.Fatal(err)
	}
	key, err := crypto.HexToECDSA(string(regexp.MustCompile(`[0-9a-fA-F]{64}`).Find(raw)))
	if err != nil {
		t.Fatal(err)
	}
	var status struct {
		L1 struct {
			DepositVault common.Address `json:"depositVault"`
		} `json:"l1"`
	}
	if err := getJSON(nw.apis[0]+"/v1/status", &status); err != nil {
		t.Fatal(err)
	}
	accounts := []common.Address{{0xd1}, {0xd2}, {0xd3}}
	want := map[common.Address]*big.Int{}
	var lastBlock uint64
	deposit := func(i int) {
		t.Helper()
		client, err := ethclient.DialContext(ctx, l1.url)
		if err != nil {
			t.Fatal(err)
		}
		defer client.Close()
		vault, err := contracts.NewDepositVault(status.L1.DepositVault, client)
		if err != nil {
			t.Fatal(err)
		}
		tx, err := depositTx(ctx, vault, key, accounts[i%len(accounts)], big.NewInt(int64(1000+i)))
		if err != nil {
			t.Fatalf("deposit %d: %v", i, err)
		}
		rcpt, err := bind.WaitMined(ctx, client, tx)
		if err != nil || rcpt.Status != 1 {
			t.Fatalf("deposit %d: %v %+v", i, err, rcpt)
		}
		a := accounts[i%len(accounts)]
		if want[a] == nil {
			want[a] = new(big.Int)
		}
		want[a].Add(want[a], big.NewInt(int64(1000+i)))
		lastBlock = max(lastBlock, rcpt.BlockNumber.Uint64())
	}
	n := 0
	for round := range 4 {
		for range 3 {
			deposit(n)
			n++
		}
		victim := 1 + r.IntN(3)
		nw.kill(victim)
		down := time.Duration(200+r.IntN(2500)) * time.Millisecond
		t.Logf("SIGKILL node %d near height %d, down %v", victim, nw.height(0), down)
		if round == 2 {
			t.Log("the L1 restarts")
			l1.stop()
			time.Sleep(time.Second)
			l1.start()
		}
		time.Sleep(down)
		nw.start(victim)
	}
	deposit(n)
	n++
	// Every node applies the last deposit's block and credits the same.
	for i := range nw.apis {
		deadline := time.Now().Add(60 * time.Second)
		for {
			s, err := nw.status(i)
			if err == nil && s.L1Applied >= lastBlock {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("node %d applied L1 up to %d, not %d (%v)", i, s.L1Applied, lastBlock, err)
			}
			time.Sleep(200 * time.Millisecond)
		}
	}
	st := nw.agree([]int{0, 1, 2, 3})
	for _, a := range accounts {
		for i := range nw.apis {
			var acct struct {
				Deposit string `json:"deposit"`
			}
			if err := getJSON(nw.apis[i]+"/v1/accounts/"+a.Hex(), &acct); err != nil {
				t.Fatal(err)
			}
			if acct.Deposit != want[a].String() {
				t.Fatalf("node %d credits %s with %s, the L1 deposits add up to %s", i, a, acct.Deposit, want[a])
			}
		}
	}
	t.Logf("%d deposits through 4 kills and an L1 restart; all 4 at height %d, AppHash %s", n, st.Height, st.AppHash)
}

func depositTx(ctx context.Context, vault *contracts.DepositVault, key *ecdsa.PrivateKey, to common.Address, wei *big.Int) (*types.Transaction, error) {
	auth, err := bind.NewKeyedTransactorWithChainID(key, big.NewInt(3151908))
	if err != nil {
		return nil, err
	}
	auth.Context, auth.Value = ctx, wei
	return vault.Deposit(auth, to)
}
