package main

import (
	"context"
	"fmt"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
)

// TestL1Commands: `veil l1 dev` runs the dev L1 alone and writes its
// funded deployer key; `veil devnet --write-configs --l1` deploys a new
// network's contracts there and registers its validators; `veil l1 deploy`
// deploys the contracts of a genesis made without an L1 (writing the
// planned addresses into it) and then finds them deployed; `veil l1
// status` reads both; bad input is refused, naming the flag.
func TestL1Commands(t *testing.T) {
	if testing.Short() {
		t.Skip("runs an L1")
	}
	dir := t.TempDir()
	l1Dir := filepath.Join(dir, "l1")
	cmd := exec.Command(os.Args[0], "l1", "dev", "--datadir", l1Dir, "--http", "127.0.0.1:0")
	cmd.Env = append(os.Environ(), "VEIL_RUN_MAIN=1")
	out := &syncBuffer{}
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer stopDevnet(t, cmd) // SIGINT and a clean exit
	line := regexp.MustCompile(`l1: chain 3151908 at (http://127\.0\.0\.1:\d+), .* key in (\S+); Ctrl-C stops`)
	deadline := time.Now().Add(60 * time.Second)
	var m []string
	for m = line.FindStringSubmatch(out.String()); m == nil; m = line.FindStringSubmatch(out.String()) {
		if time.Now().After(deadline) {
			t.Fatalf("veil l1 dev did not come up:\n%s", out.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
	url, key := m[1], m[2]

	// A network for separate processes, deployed to the running L1.
	net := filepath.Join(dir, "net")
	stdout, errOut, code := runVeil(t, nil, "devnet", "--write-configs", net, "--validators", "4", "--http", "127.0.0.1:7400", "--l1", url, "--l1-key", key)
	if code != 0 || strings.Count(stdout, "registered on L1 as keyper") != 4 || !strings.Contains(stdout, "devnet: L1 (external) chain 3151908 at "+url) {
		t.Fatalf("devnet --write-configs --l1: %d\n%s%s", code, stdout, errOut)
	}
	status, errOut, code := runVeil(t, nil, "l1", "status", "--l1", url, "--genesis", filepath.Join(net, "genesis.json"))
	if code != 0 || !strings.Contains(status, ": 4 registrations") || strings.Count(status, ", active\n") != 4 {
		t.Fatalf("l1 status: %d\n%s%s", code, status, errOut)
	}
	// Each node's config posts batches from its keyper's funded L1 account
	// and keeps the blobs it builds, and loads.
	cfgPath := filepath.Join(net, "node-0", "veil.toml")
	toml, err := os.ReadFile(cfgPath)
	if err != nil || !strings.Contains(string(toml), "l1_poster_key_file = 'keyper.key'") || !strings.Contains(string(toml), "blob_archive = '../blobs'") {
		t.Fatalf("node 0's veil.toml (%v):\n%s", err, toml)
	}
	if c, err := loadNodeConfig(cfgPath); err != nil || c.L1PosterKey != filepath.Join(net, "node-0", "keyper.key") || c.BlobArchive != filepath.Join(net, "blobs") {
		t.Fatalf("node 0's config: %+v %v", c, err)
	}

	// A network made without an L1, deployed afterwards.
	bare := filepath.Join(dir, "bare")
	if stdout, errOut, code := runVeil(t, nil, "devnet", "--write-configs", bare, "--validators", "4", "--http", "127.0.0.1:7410"); code != 0 {
		t.Fatalf("devnet --write-configs: %d\n%s%s", code, stdout, errOut)
	}
	genesis := filepath.Join(bare, "genesis.json")
	if _, errOut, code := runVeil(t, nil, "l1", "status", "--l1", url, "--genesis", genesis); code == 0 || !strings.Contains(errOut, "names no L1") {
		t.Fatalf("l1 status of a genesis without an L1: %d %s", code, errOut)
	}
	deployed, errOut, code := runVeil(t, nil, "l1", "deploy", "--l1", url, "--l1-key", key, "--genesis", genesis, "--exit-delay", "1h")
	if code != 0 || !strings.Contains(deployed, "wrote the planned addresses into") || !regexp.MustCompile(`SequencerRegistry +0x[0-9a-fA-F]{40}`).MatchString(deployed) {
		t.Fatalf("l1 deploy: %d\n%s%s", code, deployed, errOut)
	}
	status, errOut, code = runVeil(t, nil, "l1", "status", "--l1", url, "--genesis", genesis)
	if code != 0 || !strings.Contains(status, ": 0 registrations, min stake 32000000000000000000 wei, exit delay 3600s") {
		t.Fatalf("l1 status after deploy: %d\n%s%s", code, status, errOut)
	}
	again, errOut, code := runVeil(t, nil, "l1", "deploy", "--l1", url, "--l1-key", key, "--genesis", genesis)
	if code != 0 || !strings.Contains(again, "already deployed and checked") {
		t.Fatalf("l1 deploy again: %d\n%s%s", code, again, errOut)
	}

	// veil validator: a registered node cannot register again; one asks to
	// exit (once); a node of the bare network, its keyper funded, registers
	// with at least the minimum stake.
	netCfg := func(n string, i int) string { return filepath.Join(n, fmt.Sprintf("node-%d", i), "veil.toml") }
	for _, tc := range []struct {
		args []string
		ok   bool
		want string
	}{
		{[]string{"validator", "register", "--config", netCfg(net, 0), "--l1", url, "--stake", "32000000000000000000"}, false, "is registration 0 already"},
		{[]string{"validator", "exit", "--config", netCfg(net, 1), "--l1", url}, true, "exit requested: registration 1 in L1 block "},
		{[]string{"validator", "exit", "--config", netCfg(net, 1), "--l1", url}, false, "requestExit"},
		{[]string{"validator", "exit", "--config", netCfg(bare, 0), "--l1", url}, false, "has no registration"},
		{[]string{"validator", "register", "--config", netCfg(bare, 0), "--l1", url, "--stake", "-5"}, false, "--stake"},
		{[]string{"validator", "register", "--config", netCfg(bare, 0), "--stake", "5"}, false, `"l1" not set`},
	} {
		out, errOut, code := runVeil(t, nil, tc.args...)
		if (code == 0) != tc.ok || !strings.Contains(out+errOut, tc.want) {
			t.Errorf("veil %s: %d %q %q, want %v naming %q", strings.Join(tc.args, " "), code, out, errOut, tc.ok, tc.want)
		}
	}
	status, errOut, code = runVeil(t, nil, "l1", "status", "--l1", url, "--genesis", filepath.Join(net, "genesis.json"))
	if code != 0 || strings.Count(status, ", active\n") != 3 || strings.Count(status, ", exiting since ") != 1 {
		t.Fatalf("l1 status after an exit: %d\n%s%s", code, status, errOut)
	}
	bareCfg, err := loadNodeConfig(netCfg(bare, 0))
	if err != nil {
		t.Fatal(err)
	}
	bareKeyper, err := readSecretKeyFile(bareCfg.KeyperKey)
	if err != nil {
		t.Fatal(err)
	}
	fundL1(t, url, key, crypto.PubkeyToAddress(bareKeyper.PublicKey), new(big.Int).Mul(big.NewInt(33), big.NewInt(1e18)))
	if out, errOut, code := runVeil(t, nil, "validator", "register", "--config", netCfg(bare, 0), "--l1", url, "--stake", "31000000000000000000"); code == 0 || !strings.Contains(errOut, "at least 32000000000000000000") {
		t.Fatalf("a stake under the minimum: %d %s %s", code, out, errOut)
	}
	if out, errOut, code := runVeil(t, nil, "validator", "register", "--config", netCfg(bare, 0), "--l1", url, "--stake", "32000000000000000000"); code != 0 || !strings.HasPrefix(out, "registered: registration 0, keyper "+crypto.PubkeyToAddress(bareKeyper.PublicKey).Hex()) {
		t.Fatalf("validator register: %d %s %s", code, out, errOut)
	}
	status, errOut, code = runVeil(t, nil, "l1", "status", "--l1", url, "--genesis", genesis)
	if code != 0 || !strings.Contains(status, ": 1 registrations") {
		t.Fatalf("l1 status after a registration: %d\n%s%s", code, status, errOut)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"l1", "deploy", "--l1", url, "--genesis", genesis}, "--l1-key"},
		{[]string{"l1", "deploy", "--l1", url, "--l1-key", key, "--genesis", genesis, "--min-stake", "-1"}, "--min-stake"},
		{[]string{"l1", "status", "--l1", url, "--genesis", filepath.Join(dir, "none.json")}, "none.json"},
		{[]string{"l1", "dev"}, "--datadir"},
		{[]string{"devnet", "--l1-chain-id", "1337"}, "--l1-chain-id 1337 is the rollup's"},
		{[]string{"devnet", "--no-l1", "--l1", url}, "--no-l1 with --l1"},
	} {
		if _, errOut, code := runVeil(t, nil, tc.args...); code == 0 || !strings.Contains(errOut, tc.want) {
			t.Errorf("veil %s: %d %q, want an error naming %q", strings.Join(tc.args, " "), code, errOut, tc.want)
		}
	}
}

// fundL1 sends wei to to on the L1 at url from the key in keyFile, and
// waits until it lands.
func fundL1(t *testing.T, url, keyFile string, to common.Address, wei *big.Int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	from, err := readSecretKeyFile(keyFile)
	if err != nil {
		t.Fatal(err)
	}
	client, err := ethclient.DialContext(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	chainID, err := client.ChainID(ctx)
	if err != nil {
		t.Fatal(err)
	}
	nonce, err := client.PendingNonceAt(ctx, crypto.PubkeyToAddress(from.PublicKey))
	if err != nil {
		t.Fatal(err)
	}
	head, err := client.HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	tip := big.NewInt(1e9)
	tx, err := types.SignNewTx(from, types.LatestSignerForChainID(chainID), &types.DynamicFeeTx{ChainID: chainID, Nonce: nonce,
		GasTipCap: tip, GasFeeCap: new(big.Int).Add(tip, new(big.Int).Mul(head.BaseFee, big.NewInt(2))), Gas: 21_000, To: &to, Value: wei})
	if err != nil {
		t.Fatal(err)
	}
	if err := client.SendTransaction(ctx, tx); err != nil {
		t.Fatal(err)
	}
	if r, err := bind.WaitMined(ctx, client, tx); err != nil || r.Status != 1 {
		t.Fatalf("funding %s: %v %v", to, r, err)
	}
}
