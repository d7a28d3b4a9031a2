package main

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/veil-sequencer/veil/api/apitypes"
	"github.com/veil-sequencer/veil/contracts"
	"github.com/veil-sequencer/veil/rollup"
)

// startDevnet runs `veil devnet` as a separate process and waits for its
// devnet.json.
func startDevnet(t *testing.T, dir string, port int, extra ...string) (*exec.Cmd, *syncBuffer) {
	t.Helper()
	cmd, out, _ := startDevnetLogs(t, dir, port, extra...)
	return cmd, out
}

// startDevnetLogs is startDevnet that also returns the devnet's stderr (its
// JSON log).
func startDevnetLogs(t *testing.T, dir string, port int, extra ...string) (*exec.Cmd, *syncBuffer, *syncBuffer) {
	t.Helper()
	// The embedded L1 takes any free port: tests run side by side.
	cmd := exec.Command(os.Args[0], append([]string{"devnet", "--datadir", dir, "--http", "127.0.0.1:" + strconv.Itoa(port), "--l1-http", "127.0.0.1:0", "--rollup-rpc", "127.0.0.1:0"}, extra...)...)
	cmd.Env = append(os.Environ(), "VEIL_RUN_MAIN=1")
	out, errs := &syncBuffer{}, &syncBuffer{}
	cmd.Stdout, cmd.Stderr = out, errs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(90 * time.Second)
	for !strings.Contains(out.String(), "Ctrl-C stops") {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("devnet did not come up:\n%s\n%s", out.String(), errs.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
	return cmd, out, errs
}

// syncBuffer is a bytes.Buffer safe to read while exec's copier writes it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func stopDevnet(t *testing.T, cmd *exec.Cmd) {
	t.Helper()
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("devnet did not stop cleanly: %v", err)
	}
}

func freePort(t *testing.T) int {
	t.Helper()
	// A devnet takes the port and the next seven (APIs, then keyper
	// listeners; nine with a standby node): a range of ten free ones,
	// below Linux's ephemeral range (32768 up), where the tests' own
	// client connections would otherwise take one of them between this
	// check and the devnet's bind.
	for range 100 {
		base := 20000 + rand.IntN(12000)
		var ls []net.Listener
		for p := base; p < base+10; p++ {
			l, err := net.Listen("tcp", "127.0.0.1:"+strconv.Itoa(p))
			if err != nil {
				break
			}
			ls = append(ls, l)
		}
		for _, l := range ls {
			l.Close()
		}
		if len(ls) == 10 {
			return base
		}
	}
	t.Fatal("no free port range")
	return 0
}

// TestDevnetWallet is issue 5's end to end: `veil devnet` brings up four
// validators, `veil wallet send` is accepted by one node and `veil wallet
// status` on another sees it reach committed; an account every API refuses
// gets in through L1's forced inclusion queue (checkForced); Ctrl-C stops
// the network and the same --datadir resumes it.
func TestDevnetWallet(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a devnet")
	}
	dir := filepath.Join(t.TempDir(), "net")
	port := freePort(t) // the next seven (APIs, then keyper listeners) are assumed free as well
	// Every node's API refuses one builder account's envelopes, as
	// censoring validators would (a builder account: the benches below
	// send from every wallet account); it gets in through L1.
	devAccts, err := devAccounts(defaultChainID, 8)
	if err != nil {
		t.Fatal(err)
	}
	censored := devAccts[12]
	cmd, out := startDevnet(t, dir, port, "--load", "0", "--test-refuse-sender", censored.Address.Hex()) // the wallets are the tests'
	var dn struct {
		Nodes    []string `json:"nodes"`
		Accounts []struct {
			Address, PrivateKey, Role string
		} `json:"accounts"`
		Validators []struct{ Address string } `json:"validators"`
		L1         *devnetL1                  `json:"l1"`
	}
	b, err := os.ReadFile(filepath.Join(dir, "devnet.json"))
	if err != nil || json.Unmarshal(b, &dn) != nil || len(dn.Nodes) != 4 || !strings.EqualFold(dn.Accounts[12].Address, censored.Address.Hex()) || len(dn.Validators) != 4 || len(dn.Accounts) != 16 || dn.L1 == nil {
		stopDevnet(t, cmd)
		t.Fatalf("devnet.json: %v %s", err, b)
	}
	// The embedded L1 runs the contracts the genesis names, with the four
	// validators registered and the genesis balances in the vault.
	l1Status := func(url, balance string) string {
		t.Helper()
		status, errOut, code := runVeil(t, nil, "l1", "status", "--l1", url, "--genesis", filepath.Join(dir, "genesis.json"))
		if code != 0 || !strings.Contains(status, "SequencerRegistry "+dn.L1.Contracts.SequencerRegistry.Hex()+": 4 registrations") ||
			strings.Count(status, ", active\n") != 4 || !strings.Contains(status, "DepositVault "+dn.L1.Contracts.DepositVault.Hex()+": balance "+balance+" wei") {
			stopDevnet(t, cmd)
			t.Fatalf("l1 status: %d\n%s%s", code, status, errOut)
		}
		return status
	}
	if !strings.Contains(out.String(), "devnet: L1 (embedded) chain 3151908 at "+dn.L1.RPC+"; SequencerRegistry "+dn.L1.Contracts.SequencerRegistry.Hex()) {
		stopDevnet(t, cmd)
		t.Fatalf("the devnet does not say where its L1 is:\n%s", out.String())
	}
	l1Status(dn.L1.RPC, "16800000000000000000000")
	keyFile := filepath.Join(t.TempDir(), "wallet.key")
	if err := os.WriteFile(keyFile, []byte(dn.Accounts[0].PrivateKey), 0o600); err != nil {
		t.Fatal(err)
	}
	hash, errOut, code := runVeil(t, nil, "wallet", "send", "--node", dn.Nodes[1], "--key-file", keyFile, "--to", dn.Accounts[1].Address, "--value", "1000")
	if code != 0 {
		stopDevnet(t, cmd)
		t.Fatalf("wallet send: %s", errOut)
	}
	status, errOut, code := runVeil(t, nil, "wallet", "status", "--node", dn.Nodes[3], "--timeout", "30s", strings.TrimSpace(hash))
	if code != 0 || !regexp.MustCompile(`decrypted slot \d+ index \d+ plaintext 0x[0-9a-f]{64}`).MatchString(status) {
		stopDevnet(t, cmd)
		t.Fatalf("wallet status: %d %s %s", code, status, errOut)
	}
	// A wallet that exists only on L1 funds itself there: the deposit is
	// agreed by the validators' L1 oracle and credited, and the new
	// account's encrypted transaction is decrypted.
	freshKey, _ := crypto.GenerateKey()
	fresh := crypto.PubkeyToAddress(freshKey.PublicKey)
	freshFile := filepath.Join(t.TempDir(), "fresh.key")
	if err := os.WriteFile(freshFile, []byte(hexutil.Encode(crypto.FromECDSA(freshKey))), 0o600); err != nil {
		t.Fatal(err)
	}
	dep, errOut, code := runVeil(t, nil, "wallet", "deposit", "--node", dn.Nodes[2], "--l1", dn.L1.RPC, "--key-file", keyFile,
		"--value", "1000000000000000000", "--to", fresh.Hex(), "--timeout", "60s")
	if code != 0 || !regexp.MustCompile(`in L1 block \d+ .*\n.*applied by Veil at slot \d+`).MatchString(dep) {
		stopDevnet(t, cmd)
		t.Fatalf("wallet deposit: %d\n%s%s", code, dep, errOut)
	}
	// The validators' registrations came back through the oracle too: each
	// current validator has its own, and the first epoch boundary (slot
	// 60) computed the same four as the next set.
	var vs apitypes.Validators
	for deadline := time.Now().Add(60 * time.Second); ; {
		resp, err := http.Get(dn.Nodes[1] + "/v1/validators")
		if err != nil {
			stopDevnet(t, cmd)
			t.Fatal(err)
		}
		err = json.NewDecoder(resp.Body).Decode(&vs)
		resp.Body.Close()
		if err != nil || len(vs.Validators) != 4 || vs.EpochSlots != 60 {
			stopDevnet(t, cmd)
			t.Fatalf("GET /v1/validators: %v %+v", err, vs)
		}
		if vs.Next != nil || time.Now().After(deadline) {
			break
		}
		time.Sleep(time.Second)
	}
	seenReg := map[uint64]bool{}
	for _, v := range vs.Validators {
		if v.Registration == nil || v.Exiting || seenReg[*v.Registration] {
			stopDevnet(t, cmd)
			t.Fatalf("validator %x: registration %v, exiting %v", v.Address, v.Registration, v.Exiting)
		}
		seenReg[*v.Registration] = true
	}
	if vs.Next == nil || vs.Next.Slot != 60*vs.Next.Epoch || len(vs.Next.Members) != 4 {
		stopDevnet(t, cmd)
		t.Fatalf("the next set: %+v", vs.Next)
	}
	for _, m := range vs.Next.Members {
		if !seenReg[m.Registration] {
			stopDevnet(t, cmd)
			t.Fatalf("the next set has registration %d, which is no current validator's", m.Registration)
		}
	}
	freshHash, errOut, code := runVeil(t, nil, "wallet", "send", "--node", dn.Nodes[0], "--key-file", freshFile, "--to", dn.Accounts[1].Address, "--value", "7")
	if code != 0 {
		stopDevnet(t, cmd)
		t.Fatalf("wallet send from the L1-funded account: %s", errOut)
	}
	if status, errOut, code := runVeil(t, nil, "wallet", "status", "--node", dn.Nodes[1], "--timeout", "30s", strings.TrimSpace(freshHash)); code != 0 || !strings.Contains(status, "decrypted slot") {
		stopDevnet(t, cmd)
		t.Fatalf("wallet status of the L1-funded account's transaction: %d %s %s", code, status, errOut)
	}
	if !strings.Contains(out.String(), "committed 1") {
		stopDevnet(t, cmd)
		t.Fatalf("no block line shows the commitment:\n%s", out.String())
	}
	checkForced(t, cmd, dn.Nodes, dn.L1.RPC, censored, keyFile, dn.Accounts[1].Address)

	// The devnet's two reference builders bid on envelopes they see
	// pending, for the slot that will order them; their auction closes
	// with a winner at the reserve (two valid bids of equal value). An
	// envelope is pending for less than a slot, so the wallet sends more
	// until a builder has seen one. A bid admitted too late for its block
	// (a slow machine) leaves its slot without bids: the next slot a
	// builder bid for is taken then.
	bidLine := regexp.MustCompile(`builder: slot (\d+) seq \d+: \d+ envelopes`)
	deadline := time.Now().Add(30 * time.Second)
	tried := map[string]bool{}
	for won := false; !won; {
		bidSlot := ""
		for _, m := range bidLine.FindAllStringSubmatch(out.String(), -1) {
			if !tried[m[1]] {
				bidSlot = m[1]
				break
			}
		}
		if bidSlot == "" {
			if time.Now().After(deadline) {
				stopDevnet(t, cmd)
				t.Fatalf("no builder bid won an auction (slots tried %v):\n%s", tried, out.String())
			}
			runVeil(t, nil, "wallet", "send", "--node", dn.Nodes[2], "--key-file", keyFile, "--to", dn.Accounts[1].Address, "--value", "1")
			time.Sleep(100 * time.Millisecond)
			continue
		}
		tried[bidSlot] = true
		for {
			resp, err := http.Get(dn.Nodes[1] + "/v1/auctions/" + bidSlot)
			if err != nil {
				stopDevnet(t, cmd)
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if strings.Contains(string(body), `"status":"closed"`) {
				if strings.Contains(string(body), `"bidCount":0,`) {
					break // the bid came too late for its slot: try the next
				}
				if !strings.Contains(string(body), `"winner":"0x`) || !strings.Contains(string(body), `"verdict":"valid"`) {
					stopDevnet(t, cmd)
					t.Fatalf("auction of slot %s: %s", bidSlot, body)
				}
				won = true
				break
			}
			if time.Now().After(deadline) {
				stopDevnet(t, cmd)
				t.Fatalf("auction of slot %s never closed: %s", bidSlot, body)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	// Builder accounts hold their collateral from genesis: the last one,
	// which runs no builder (those pay the prices they win).
	for i := len(dn.Accounts) - 1; i >= 0; i-- {
		acc := dn.Accounts[i]
		if acc.Role != "builder" {
			continue
		}
		resp, err := http.Get(dn.Nodes[2] + "/v1/accounts/" + acc.Address)
		if err != nil {
			stopDevnet(t, cmd)
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if !strings.Contains(string(body), `"collateral":"100000000000000000000"`) {
			stopDevnet(t, cmd)
			t.Fatalf("builder %s: %s", acc.Address, body)
		}
		break
	}
	// A short ingest run from the other wallets: every envelope admitted,
	// and the CPU ratio to the admission floor reported.
	bench, errOut, code := runVeil(t, nil, "bench", "ingest", "--node", strings.Join(dn.Nodes, ","),
		"--devnet", filepath.Join(dir, "devnet.json"), "--rate", "40", "--duration", "2s", "--per-account", "2")
	if code != 0 || !strings.Contains(bench, "admitted") || strings.Contains(bench, "rejected") ||
		!regexp.MustCompile(`per validator \d+ µs = [\d.]+ × floor`).MatchString(bench) {
		stopDevnet(t, cmd)
		t.Fatalf("bench ingest: %d\n%s%s", code, bench, errOut)
	}
	// A rollup follows from genesis, verifying every slot; with another
	// chain's trust it refuses the first block, naming the commit.
	trust := filepath.Join(dir, "genesis.json")
	follow, errOut, code := runVeil(t, nil, "follow", "--node", dn.Nodes[3], "--trust", trust, "--from", "1", "--slots", "4")
	if code != 0 || strings.Count(follow, "\n") != 4 || !strings.HasPrefix(follow, "slot 1: ") {
		stopDevnet(t, cmd)
		t.Fatalf("follow: %d\n%s%s", code, follow, errOut)
	}
	doc, _ := os.ReadFile(trust)
	other := filepath.Join(t.TempDir(), "genesis.json")
	_ = os.WriteFile(other, bytes.Replace(doc, []byte(`"chain_id": "veil-`), []byte(`"chain_id": "other-`), 1), 0o600)
	if _, errOut, code := runVeil(t, nil, "follow", "--node", dn.Nodes[3], "--trust", other, "--slots", "1"); code == 0 || !strings.Contains(errOut, "commit") {
		stopDevnet(t, cmd)
		t.Fatalf("follow with another chain's trust: %d %s", code, errOut)
	}

	// A short bid run beside the reference builders: every bid admitted.
	bench, errOut, code = runVeil(t, nil, "bench", "bids", "--node", strings.Join(dn.Nodes, ","),
		"--devnet", filepath.Join(dir, "devnet.json"), "--slots", "2", "--per-slot", "3", "--bundle", "10")
	if code != 0 || !strings.Contains(bench, "admitted 6 of 6") || strings.Contains(bench, "rejected") ||
		!regexp.MustCompile(`ingest: \d+ bids/s`).MatchString(bench) {
		stopDevnet(t, cmd)
		t.Fatalf("bench bids: %d\n%s%s", code, bench, errOut)
	}
	// A short load sealed ahead: every envelope sealed before the clock,
	// admitted and decrypted.
	bench, errOut, code = runVeil(t, nil, "bench", "load", "--node", strings.Join(dn.Nodes, ","),
		"--devnet", filepath.Join(dir, "devnet.json"), "--rate", "20", "--duration", "1s", "--drain", "20s", "--preseal")
	if m := regexp.MustCompile(`sent (\d+) admitted envelopes .*; decrypted (\d+), invalid 0, not decrypted in time 0`).FindStringSubmatch(bench); code != 0 ||
		!strings.Contains(bench, "load: sealing ") || m == nil || m[1] != m[2] || m[1] == "0" {
		stopDevnet(t, cmd)
		t.Fatalf("bench load --preseal: %d\n%s%s", code, bench, errOut)
	}
	stopDevnet(t, cmd)

	// Resume, now with wallet load: the chain goes on from where it
	// stopped, and the load's envelopes are committed.
	lastSlot := lastBlockLine(out.String())
	cmd, out, errs := startDevnetLogs(t, dir, port, "--load", "8")
	defer stopDevnet(t, cmd)
	// The L1 resumed with the same contracts and registrations (none twice).
	if b, err = os.ReadFile(filepath.Join(dir, "devnet.json")); err != nil || json.Unmarshal(b, &dn) != nil || dn.L1 == nil {
		t.Fatalf("devnet.json after resume: %v %s", err, b)
	}
	l1Status(dn.L1.RPC, "16801000000000000000000") // with the deposit
	status, _, code = runVeil(t, nil, "wallet", "status", "--node", dn.Nodes[0], "--timeout", "10s", strings.TrimSpace(hash))
	if code != 0 || !strings.Contains(status, "decrypted slot") {
		t.Fatalf("after resume: %s", status)
	}
	deadline = time.Now().Add(10 * time.Second)
	for !strings.Contains(out.String(), "slot "+strconv.Itoa(lastSlot+2)+" ") {
		if time.Now().After(deadline) {
			t.Fatalf("resumed chain did not pass slot %d:\n%s", lastSlot, out.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
	loaded := regexp.MustCompile(`committed [1-9]`)
	for !loaded.MatchString(out.String()) {
		if time.Now().After(deadline.Add(10 * time.Second)) {
			t.Fatalf("no load envelope committed:\n%s", out.String())
		}
		time.Sleep(100 * time.Millisecond)
	}

	// Validator 3 asks to exit on L1: the next boundary's set is the
	// other three, so the next eon's DKG runs among them, each keyper's
	// node sending its own messages, and every node records it dealt.
	exitKey, err := readSecretKeyFile(keyperKeyFile(dir, 3))
	if err != nil {
		t.Fatal(err)
	}
	requestExit(t, dn.L1.RPC, dn.L1.Contracts.SequencerRegistry, exitKey)
	begun := time.Now()
	var next apitypes.NextEon
	for deadline := time.Now().Add(150 * time.Second); ; {
		resp, err := http.Get(dn.Nodes[0] + "/v1/eon/next")
		if err != nil {
			t.Fatal(err)
		}
		next = apitypes.NextEon{}
		if resp.StatusCode == http.StatusOK {
			err = json.NewDecoder(resp.Body).Decode(&next)
		}
		resp.Body.Close()
		if err != nil || next.Status == apitypes.DKGDealt || next.Status == apitypes.DKGFailed || time.Now().After(deadline) {
			break
		}
		time.Sleep(time.Second)
	}
	exiting := crypto.PubkeyToAddress(exitKey.PublicKey)
	if next.Status != apitypes.DKGDealt || len(next.Members) != 3 || next.Threshold != 3 || next.Messages["announce"] != 3 || next.Messages["deal"] != 3 {
		t.Fatalf("the next eon's DKG after %v: %+v", time.Since(begun).Round(time.Second), next)
	}
	for _, m := range next.Members {
		if m.Keyper == exiting {
			t.Fatalf("the exiting validator's keyper %s is in the DKG", exiting)
		}
	}
	var key struct {
		Eon       uint64 `json:"eon"`
		Threshold int    `json:"threshold"`
		Keypers   []json.RawMessage
	}
	if err := json.Unmarshal(next.Key, &key); err != nil || key.Eon != next.Eon || key.Threshold != 3 || len(key.Keypers) != 3 {
		t.Fatalf("the dealt eon %s: %v", next.Key, err)
	}
	t.Logf("eon %d dealt among 3 keypers %v after the exit (DKG slots %d … %d)", next.Eon, time.Since(begun).Round(time.Second), next.StartSlot+1, next.ResultSlot)

	// The genesis committee signs the new key, a node registers it on L1,
	// the oracle brings the registration back and fixes the activation;
	// from then on eon 2 is active, with the three remaining validators,
	// and the load keeps being decrypted under it.
	for deadline := time.Now().Add(90 * time.Second); next.Status != apitypes.DKGActive; time.Sleep(time.Second) {
		if time.Now().After(deadline) {
			t.Fatalf("eon %d not active %v after the exit: %+v", next.Eon, time.Since(begun).Round(time.Second), next)
		}
		resp, err := http.Get(dn.Nodes[0] + "/v1/eon/next")
		if err != nil {
			t.Fatal(err)
		}
		err = json.NewDecoder(resp.Body).Decode(&next)
		resp.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	if next.Signed <= next.ResultSlot || next.ActivationSlot <= next.Signed {
		t.Fatalf("eon %d dealt at %d, signed at %d, active from %d", next.Eon, next.ResultSlot, next.Signed, next.ActivationSlot)
	}
	t.Logf("eon %d: dealt at slot %d, signed at %d, active from %d (%v after the exit)", next.Eon, next.ResultSlot, next.Signed, next.ActivationSlot,
		time.Since(begun).Round(time.Second))
	var active struct {
		Eon            uint64 `json:"eon"`
		ActivationSlot uint64 `json:"activationSlot"`
	}
	for _, n := range dn.Nodes {
		resp, err := http.Get(n + "/v1/eon")
		if err != nil {
			t.Fatal(err)
		}
		err = json.NewDecoder(resp.Body).Decode(&active)
		resp.Body.Close()
		if err != nil || active.Eon != next.Eon || active.ActivationSlot != next.ActivationSlot {
			t.Fatalf("GET /v1/eon on %s: %+v %v", n, active, err)
		}
	}
	decrypted := regexp.MustCompile(`decrypt: slot (\d+) ([1-9]\d*) envelopes`)
	for deadline := time.Now().Add(60 * time.Second); ; time.Sleep(200 * time.Millisecond) {
		after := 0
		for _, m := range decrypted.FindAllStringSubmatch(out.String(), -1) {
			if slot, _ := strconv.ParseUint(m[1], 10, 64); slot >= next.ActivationSlot {
				after++
			}
		}
		if after >= 3 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the load is not decrypted under eon %d (from slot %d):\n%s\n%s", next.Eon, next.ActivationSlot, out.String(), errs.String())
		}
	}
}

// requestExit asks SequencerRegistry at registry, on the L1 at url, to
// let key's registration exit, as veil validator exit does, and waits
// until it lands.
func requestExit(t *testing.T, url string, registry common.Address, key *ecdsa.PrivateKey) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	client, err := ethclient.DialContext(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	id, err := client.ChainID(ctx)
	if err != nil {
		t.Fatal(err)
	}
	reg, err := contracts.NewSequencerRegistry(registry, client)
	if err != nil {
		t.Fatal(err)
	}
	v := &validatorL1{l1: client, l1Chain: id.Uint64(), registry: reg, keyper: key}
	if err := v.exit(ctx, io.Discard); err != nil {
		t.Fatalf("requestExit: %v", err)
	}
}

// checkForced is forced inclusion end to end (protocol §9): the censored
// account's envelope is refused by every node's API, and gets in through
// L1's ForcedInclusionQueue all the same, as an envelope (ordered, then
// decrypted) and as a plain transaction (ordered as its own bytes).
func checkForced(t *testing.T, cmd *exec.Cmd, nodes []string, l1 string, censored devAccount, payerKey, to string) {
	t.Helper()
	fail := func(format string, args ...any) {
		t.Helper()
		stopDevnet(t, cmd)
		t.Fatalf(format, args...)
	}
	keyFile := filepath.Join(t.TempDir(), "censored.key")
	if err := os.WriteFile(keyFile, []byte(censored.PrivateKey), 0o600); err != nil {
		fail("%v", err)
	}
	for _, n := range nodes {
		if got, errOut, code := runVeil(t, nil, "wallet", "send", "--node", n, "--key-file", keyFile, "--to", to, "--value", "5"); code == 0 ||
			!strings.Contains(errOut, "400 bad_field (sender): this node refuses envelopes from "+censored.Address.Hex()) {
			fail("wallet send from the censored account through %s: %d %s%s", n, code, got, errOut)
		}
	}
	if _, errOut, code := runVeil(t, nil, "wallet", "send", "--node", nodes[0], "--key-file", keyFile, "--to", to, "--plain"); code == 0 || !strings.Contains(errOut, "--plain needs --forced") {
		fail("wallet send --plain without --forced: %d %s", code, errOut)
	}
	get := func(node, path string, v any) {
		t.Helper()
		resp, err := http.Get(node + path)
		if err != nil {
			fail("GET %s: %v", path, err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || json.Unmarshal(body, v) != nil {
			fail("GET %s: %s %s", path, resp.Status, body)
		}
	}
	line := regexp.MustCompile(`(?m)^forced: index (\d+) l1Block \d+ hash (0x[0-9a-f]{64}) kind (\w+) gas \d+ price [1-9]\d*\n(?:waiting: applied at slot \d+\n)?ordered: slot (\d+)\n`)
	send := func(kind string, extra ...string) (index uint64, hash common.Hash, slot uint64, output string) {
		t.Helper()
		args := append([]string{"wallet", "send", "--forced", "--node", nodes[1], "--l1", l1, "--key-file", keyFile, "--to", to, "--timeout", "60s"}, extra...)
		start := time.Now()
		got, errOut, code := runVeil(t, nil, args...)
		m := line.FindStringSubmatch(got)
		if code != 0 || m == nil || m[3] != kind {
			fail("wallet send %v: %d\n%s%s", args[2:], code, got, errOut)
		}
		t.Logf("forced %s: %s in %.1f s", kind, strings.ReplaceAll(got, "\n", "; "), time.Since(start).Seconds())
		index, _ = strconv.ParseUint(m[1], 10, 64)
		slot, _ = strconv.ParseUint(m[4], 10, 64)
		return index, common.HexToHash(m[2]), slot, got
	}

	// An envelope: ordered in the slot after Veil applied it, then
	// decrypted, as another node also says.
	index, hash, slot, got := send("envelope", "--value", "11")
	if !regexp.MustCompile(`decrypted slot ` + strconv.FormatUint(slot, 10) + ` index \d+ plaintext 0x[0-9a-f]{64}\n$`).MatchString(got) {
		fail("forced envelope not decrypted in slot %d:\n%s", slot, got)
	}
	var f apitypes.Forced
	get(nodes[2], "/v1/forced/"+strconv.FormatUint(index, 10), &f)
	if f.Status != "ordered" || f.Kind != "envelope" || f.Hash == nil || *f.Hash != hash || f.Slot == nil || *f.Slot != slot ||
		f.L1Sender != censored.Address || f.AppliedSlot >= slot {
		fail("GET /v1/forced/%d: %+v, want the envelope %s ordered in slot %d, sent from %s", index, f, hash, slot, censored.Address)
	}
	var tx apitypes.Transaction
	get(nodes[3], "/v1/transactions/"+hash.Hex(), &tx)
	if tx.Status != "decrypted" || tx.Forced == nil || *tx.Forced != index || tx.Slot == nil || *tx.Slot != slot ||
		tx.Envelope == nil || tx.Envelope.Sender != censored.Address {
		fail("GET /v1/transactions/%s: %+v, want decrypted, forced %d, slot %d", hash, tx, index, slot)
	}

	// The escape hatch, paid by another L1 account: the signed rollup
	// transaction itself, in the block as its bytes.
	index, hash, slot, got = send("plain", "--plain", "--value", "13", "--l1-key-file", payerKey)
	if !regexp.MustCompile(`decrypted slot ` + strconv.FormatUint(slot, 10) + ` index \d+ plaintext ` + hash.Hex() + `\n$`).MatchString(got) {
		fail("forced plain transaction not decrypted in slot %d:\n%s", slot, got)
	}
	f = apitypes.Forced{}
	get(nodes[0], "/v1/forced/"+strconv.FormatUint(index, 10), &f)
	if f.Status != "ordered" || f.Kind != "plain" || f.Hash == nil || *f.Hash != hash || f.Slot == nil || *f.Slot != slot || f.L1Sender == censored.Address {
		fail("GET /v1/forced/%d: %+v, want the plain transaction %s ordered in slot %d, enqueued by the payer", index, f, hash, slot)
	}
	var blk apitypes.Block
	get(nodes[3], "/v1/blocks/"+strconv.FormatUint(slot, 10), &blk)
	found := false
	for _, bt := range blk.Transactions {
		if bt.Envelope != nil || bt.Forced == nil || *bt.Forced != index {
			continue
		}
		var rtx types.Transaction
		if err := rtx.UnmarshalBinary(bt.Plaintext); err != nil {
			fail("block %d: forced plain transaction %d: %v", slot, index, err)
		}
		from, err := types.Sender(types.LatestSignerForChainID(rtx.ChainId()), &rtx)
		if rtx.Hash() != hash || bt.EnvelopeHash != hash || err != nil || from != censored.Address || rtx.Value().Int64() != 13 || bt.Status != "decrypted" {
			fail("block %d: forced plain transaction %d: hash %s (want %s), from %s %v, value %v, status %s", slot, index, rtx.Hash(), hash, from, err, rtx.Value(), bt.Status)
		}
		found = true
	}
	if !found {
		fail("block %d has no plain transaction forced as %d: %+v", slot, index, blk.Transactions)
	}
}

// TestDevnetSurvivesKill: a devnet killed at an arbitrary instant (SIGKILL,
// no clean stop) resumes from the same --datadir and goes on committing.
func TestDevnetSurvivesKill(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a devnet")
	}
	dir := filepath.Join(t.TempDir(), "net")
	port := freePort(t)
	cmd, out := startDevnet(t, dir, port)
	time.Sleep(1500 * time.Millisecond) // a few blocks, then mid-slot
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	last := lastBlockLine(out.String())
	cmd, out = startDevnet(t, dir, port)
	defer stopDevnet(t, cmd)
	deadline := time.Now().Add(20 * time.Second)
	for !strings.Contains(out.String(), "slot "+strconv.Itoa(last+3)+" ") {
		if time.Now().After(deadline) {
			t.Fatalf("after SIGKILL at slot %d the chain did not pass slot %d:\n%s", last, last+3, out.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// lastBlockLine is the slot of the devnet's last "slot N …" log line (0 if
// none).
func lastBlockLine(out string) int {
	last := 0
	for _, line := range strings.Split(out, "\n") {
		if f := strings.Fields(line); len(f) > 1 && f[0] == "slot" {
			last, _ = strconv.Atoi(f[1])
		}
	}
	return last
}

// TestWriteConfigsForContainers: --write-configs --hosts lays a network
// out for a container network (docker/compose.yaml): every node listens on
// --http's host with its own ports, and its peers, keyper peers and
// devnet.json's URLs use the names; the rollup's genesis and relay keys are
// written beside it; --keep-existing makes a second run a success that
// changes nothing. Misused flags are refused by name.
func TestWriteConfigsForContainers(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "net")
	args := []string{"devnet", "--write-configs", dir, "--no-l1", "--hosts", "n0,n1,n2,n3", "--http", "0.0.0.0:7400", "--rollup-rpc", "rollup:8547"}
	if stdout, errOut, code := runVeil(t, nil, args...); code != 0 {
		t.Fatalf("devnet --write-configs --hosts: %d\n%s%s", code, stdout, errOut)
	}
	c, err := loadNodeConfig(filepath.Join(dir, "node-1", "veil.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if c.APIListen != "0.0.0.0:7401" || c.KeyperListen != "0.0.0.0:7405" || !strings.HasPrefix(c.P2PListen, "0.0.0.0:") {
		t.Errorf("node 1 listens on API %s keyper %s P2P %s; want 0.0.0.0 with its ports", c.APIListen, c.KeyperListen, c.P2PListen)
	}
	if want := []string{"http://n0:7404", "http://n2:7406", "http://n3:7407"}; !slices.Equal(c.KeyperPeers, want) {
		t.Errorf("keyper peers %v, want %v", c.KeyperPeers, want)
	}
	if len(c.Peers) != 3 {
		t.Fatalf("peers %v", c.Peers)
	}
	for i, p := range c.Peers {
		host := []string{"n0", "n2", "n3"}[i]
		if !regexp.MustCompile(`^[0-9a-f]{40}@` + host + `:[0-9]+$`).MatchString(p) {
			t.Errorf("peer %q: want <id>@%s:<port>", p, host)
		}
	}
	raw, err := os.ReadFile(filepath.Join(dir, "devnet.json"))
	if err != nil {
		t.Fatal(err)
	}
	var dn devnetFile
	if err := json.Unmarshal(raw, &dn); err != nil {
		t.Fatal(err)
	}
	if want := []string{"http://n0:7400", "http://n1:7401", "http://n2:7402", "http://n3:7403"}; !slices.Equal(dn.Nodes, want) {
		t.Errorf("devnet.json nodes %v, want %v", dn.Nodes, want)
	}
	if dn.Rollup == nil || dn.Rollup.RPC != "http://rollup:8547" || len(dn.Rollup.Relays) != 2 {
		t.Fatalf("devnet.json rollup %+v: want http://rollup:8547 with 2 relays", dn.Rollup)
	}
	for k, addr := range dn.Rollup.Relays {
		key, err := readSecretKeyFile(filepath.Join(dir, "relays", fmt.Sprintf("relay-%d.key", k)))
		if err != nil || crypto.PubkeyToAddress(key.PublicKey) != addr {
			t.Errorf("relay key %d: %v, want %s", k, err, addr)
		}
	}
	if _, err := rollup.ReadGenesis(filepath.Join(dir, "rollup-genesis.json"), dn.ChainID); err != nil {
		t.Errorf("rollup genesis: %v", err)
	}

	// Run again: refused, or kept with --keep-existing.
	if _, errOut, code := runVeil(t, nil, args...); code == 0 || !strings.Contains(errOut, "already holds a network") {
		t.Errorf("second --write-configs: %d %s", code, errOut)
	}
	if stdout, errOut, code := runVeil(t, nil, append(args, "--keep-existing")...); code != 0 || !strings.Contains(stdout, "kept (--keep-existing)") {
		t.Errorf("--keep-existing: %d %s%s", code, stdout, errOut)
	}
	if again, _ := os.ReadFile(filepath.Join(dir, "devnet.json")); !bytes.Equal(again, raw) {
		t.Error("--keep-existing changed devnet.json")
	}

	// A network whose writing stopped half way (network.json is written
	// first, devnet.json last) is not kept.
	half := t.TempDir()
	if err := os.WriteFile(filepath.Join(half, "network.json"), []byte("{}"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--write-configs", filepath.Join(t.TempDir(), "a"), "--no-l1", "--hosts", "n0,n1,n2", "--http", "0.0.0.0:7400"}, "3 names for 4 validators"},
		{[]string{"--write-configs", filepath.Join(t.TempDir(), "b"), "--no-l1", "--hosts", "n0,n1,n2,n3:80", "--http", "0.0.0.0:7400"}, `"n3:80" is not a host name`},
		{[]string{"--write-configs", filepath.Join(t.TempDir(), "c"), "--no-l1", "--hosts", "n0,n1,n1,n3", "--http", "0.0.0.0:7400"}, `"n1" is named twice`},
		{[]string{"--write-configs", filepath.Join(t.TempDir(), "d"), "--no-l1", "--hosts", "n0,n1,n2,n3"}, "cannot be reached by name"},
		{[]string{"--write-configs", half, "--no-l1", "--keep-existing"}, "written half way"},
		{[]string{"--hosts", "n0,n1,n2,n3"}, "apply to --write-configs"},
		{[]string{"--keep-existing"}, "apply to --write-configs"},
	} {
		if _, errOut, code := runVeil(t, nil, append([]string{"devnet"}, tc.args...)...); code == 0 || !strings.Contains(errOut, tc.want) {
			t.Errorf("devnet %v: %d %q, want an error naming %q", tc.args, code, errOut, tc.want)
		}
	}
}
