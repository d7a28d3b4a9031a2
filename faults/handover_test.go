package faults

import (
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

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/veil-sequencer/veil/api/apitypes"
	"github.com/veil-sequencer/veil/contracts"
	"github.com/veil-sequencer/veil/devnettest"
)

// TestStandbyJoins is issue 21's done-when (epochs of 30 slots, DKG phases
// of 4, to keep it short), then a second handover: `veil devnet --standby 1` runs a
// fifth node that registers on the embedded L1 at start; the next epoch
// boundary's set has five members, whose nodes (the newcomer's too, with a
// keyper key and no share) run eon 2's DKG on chain; the genesis committee
// signs the key, a node registers it on L1, and from its activation the
// fifth node is a validator with power 1, every node serves eon 2, and the
// load keeps being decrypted. A wallet sending one transfer after another
// through the handover loses none: each ends decrypted, or dropped
// uncharged with its reason. A rollup's client trusting the genesis alone
// follows the feed from slot 1 across the handover. Then validator 3 exits:
// eon 2's committee, the newcomer in it, signs eon 3's key for the other
// four, validator 3 leaves the set at its activation, and the client
// follows across both handovers. The timelines are logged.
func TestStandbyJoins(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "net")
	base := devnettest.FreePorts(t, 10) // five APIs, then five keyper listeners
	logPath := filepath.Join(t.TempDir(), "devnet.log")
	logf, err := os.Create(logPath)
	if err != nil {
		t.Fatal(err)
	}
	defer logf.Close()
	cmd := exec.Command(veilBin, "devnet", "--datadir", dir, "--http", fmt.Sprintf("127.0.0.1:%d", base), "--l1-http", "127.0.0.1:0", "--rollup-rpc", "127.0.0.1:0",
		"--standby", "1", "--load", "4", "--builders", "1", "--epoch-slots", "30", "--dkg-phase-slots", "4")
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	begun := time.Now()
	stopped := false
	stop := func() {
		if stopped {
			return
		}
		stopped = true
		_ = cmd.Process.Signal(syscall.SIGINT)
		done := make(chan struct{})
		go func() { _ = cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(30 * time.Second):
			_ = cmd.Process.Kill()
			<-done
		}
	}
	defer stop()
	output := func() string {
		b, _ := os.ReadFile(logPath)
		return string(b)
	}
	fatal := func(format string, args ...any) {
		t.Helper()
		stop()
		t.Fatalf(format+"\n--- devnet output (last lines) ---\n%s", append(args, lastLines(output(), 60))...)
	}
	for deadline := time.Now().Add(120 * time.Second); !strings.Contains(output(), "Ctrl-C stops"); time.Sleep(200 * time.Millisecond) {
		if time.Now().After(deadline) {
			fatal("the devnet did not come up")
		}
	}
	var dn struct {
		Nodes    []string `json:"nodes"`
		Accounts []struct {
			Address    common.Address `json:"address"`
			PrivateKey string         `json:"privateKey"`
		} `json:"accounts"`
	}
	if b, err := os.ReadFile(filepath.Join(dir, "devnet.json")); err != nil || json.Unmarshal(b, &dn) != nil || len(dn.Nodes) != 5 {
		fatal("devnet.json: %v %+v", err, dn)
	}
	if out := output(); !strings.Contains(out, "4 validators") || !strings.Contains(out, "devnet: standby node 4 registered on L1") {
		fatal("the devnet does not say it runs a standby node")
	}
	raw, err := os.ReadFile(filepath.Join(dir, "node-4", "keyper.key"))
	if err != nil {
		t.Fatal(err)
	}
	key, err := crypto.HexToECDSA(strings.TrimPrefix(strings.TrimSpace(string(raw)), "0x"))
	if err != nil {
		t.Fatal(err)
	}
	newcomer := crypto.PubkeyToAddress(key.PublicKey)
	walletKey := filepath.Join(t.TempDir(), "wallet.key")
	if err := os.WriteFile(walletKey, []byte(dn.Accounts[0].PrivateKey), 0o600); err != nil {
		t.Fatal(err)
	}

	// One loop: the timeline as GET /v1/eon/next shows it, and a wallet
	// sending a transfer whenever its last one left the pool, until three
	// seconds after the activation.
	var next apitypes.NextEon
	seen := map[string]time.Duration{}
	var sent []string
	var refusals []string
	var activeAt time.Time
	status := func(h string) apitypes.Transaction {
		var tx apitypes.Transaction
		_ = getJSON(dn.Nodes[1]+"/v1/transactions/"+h, &tx)
		return tx
	}
	for deadline := time.Now().Add(240 * time.Second); activeAt.IsZero() || time.Since(activeAt) < 3*time.Second; time.Sleep(250 * time.Millisecond) {
		if time.Now().After(deadline) {
			fatal("no eon with the newcomer active after %v: %+v", time.Since(begun).Round(time.Second), next)
		}
		var n apitypes.NextEon
		if getJSON(dn.Nodes[0]+"/v1/eon/next", &n) == nil {
			next = n
			if next.Status == apitypes.DKGFailed {
				fatal("eon %d's DKG failed: %s", next.Eon, next.Failed)
			}
			if _, ok := seen[next.Status]; !ok {
				seen[next.Status] = time.Since(begun).Round(100 * time.Millisecond)
			}
			if next.Status == apitypes.DKGActive && activeAt.IsZero() {
				activeAt = time.Now()
			}
		}
		if next.Status == "" { // the wallet starts with the DKG
			continue
		}
		if len(sent) > 0 {
			if st := status(sent[len(sent)-1]).Status; st == "queued" || st == "pending" || st == "" {
				continue
			}
		}
		send := exec.Command(veilBin, "wallet", "send", "--node", dn.Nodes[1], "--key-file", walletKey, "--to", dn.Accounts[1].Address.Hex(), "--value", "1")
		var errOut bytes.Buffer
		send.Stderr = &errOut
		out, err := send.Output()
		if h := strings.TrimSpace(string(out)); err == nil && strings.HasPrefix(h, "0x") && len(h) == 66 {
			sent = append(sent, h)
		} else {
			refusals = append(refusals, strings.TrimSpace(errOut.String()))
		}
	}
	in := false
	for _, m := range next.Members {
		in = in || m.Keyper == newcomer
	}
	if len(next.Members) != 5 || !in || next.Threshold != 4 || next.Messages["deal"] != 5 {
		fatal("eon %d: %d members (newcomer in: %v), threshold %d, messages %v", next.Eon, len(next.Members), in, next.Threshold, next.Messages)
	}
	t.Logf("handover to eon %d (5 keypers, threshold 4): DKG opened at slot %d (seen running %v after start), dealt at slot %d (seen %v), signed at slot %d, active from slot %d (seen activating at %v, active at %v)",
		next.Eon, next.StartSlot, seen[apitypes.DKGRunning], next.ResultSlot, seen[apitypes.DKGDealt], next.Signed, next.ActivationSlot,
		seen[apitypes.DKGActivating], seen[apitypes.DKGActive])

	var vs apitypes.Validators
	if err := getJSON(dn.Nodes[4]+"/v1/validators", &vs); err != nil {
		t.Fatal(err)
	}
	power := map[common.Address]int64{}
	for _, v := range vs.Validators {
		power[v.Keyper] = v.Power
	}
	if len(vs.Validators) != 5 || power[newcomer] != 1 {
		fatal("validators after the activation: %+v", vs.Validators)
	}
	for _, n := range dn.Nodes {
		var active struct{ Eon uint64 }
		if err := getJSON(n+"/v1/eon", &active); err != nil || active.Eon != next.Eon {
			fatal("%s serves eon %d (%v)", n, active.Eon, err)
		}
	}
	// Loud: /metrics says which eon is active and where the DKG is.
	for _, n := range dn.Nodes {
		resp, err := http.Get(n + "/metrics")
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		for _, want := range []string{fmt.Sprintf("veil_eon_active %d\n", next.Eon), "veil_dkg_phase 5\n"} {
			if !strings.Contains(string(body), want) {
				fatal("%s/metrics lacks %q", n, strings.TrimSpace(want))
			}
		}
	}
	decrypted := regexp.MustCompile(`decrypt: slot (\d+) ([1-9]\d*) envelopes`)
	for deadline := time.Now().Add(60 * time.Second); ; time.Sleep(200 * time.Millisecond) {
		after := 0
		for _, m := range decrypted.FindAllStringSubmatch(output(), -1) {
			if slot, _ := strconv.ParseUint(m[1], 10, 64); slot >= next.ActivationSlot {
				after++
			}
		}
		if after >= 5 {
			break
		}
		if time.Now().After(deadline) {
			fatal("the load is not decrypted under eon %d (from slot %d)", next.Eon, next.ActivationSlot)
		}
	}

	// The wallet lost nothing.
	reasons := map[string]int{}
	decryptedAfter := 0
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(500 * time.Millisecond) {
		clear(reasons)
		decryptedAfter = 0
		open := 0
		for _, h := range sent {
			tx := status(h)
			switch tx.Status {
			case "decrypted", "invalid":
				reasons[tx.Status]++
				if tx.Slot != nil && *tx.Slot >= next.ActivationSlot {
					decryptedAfter++
				}
			case "dropped":
				// eon_changed: queued at the activation; expired,
				// wrong_eon or eon_ending: pending in a mempool, dropped
				// on recheck (eon_ending: sent before the activation slot
				// was fixed, valid past it).
				if tx.Reason != "eon_changed" && tx.Reason != "expired" && tx.Reason != "wrong_eon" && tx.Reason != "eon_ending" {
					fatal("envelope %s dropped: %q", h, tx.Reason)
				}
				reasons["dropped "+tx.Reason]++
			default:
				open++
			}
		}
		if open == 0 {
			break
		}
		if time.Now().After(deadline) {
			fatal("%d of the wallet's %d envelopes still open: %v", open, len(sent), reasons)
		}
	}
	if decryptedAfter == 0 {
		fatal("none of the wallet's %d envelopes decrypted under eon %d: %v; refused %q", len(sent), next.Eon, reasons, refusals)
	}
	t.Logf("a wallet across the handover: %d envelopes, %v (%d decrypted from slot %d on); %d sends refused and signed again: %q",
		len(sent), reasons, decryptedAfter, next.ActivationSlot, len(refusals), refusals)

	// A second handover: validator 3 asks to exit on L1; the next
	// boundary's set is the other four, eon 2's committee (the newcomer
	// in it) signs eon 3's key once eon 2 is in charge on L1 (its first
	// batch accepted), and from eon 3's activation validator 3 has no
	// power while the load still decrypts.
	first := next
	var l1 struct {
		L1 struct {
			RPC       string `json:"rpc"`
			Contracts struct {
				SequencerRegistry common.Address `json:"sequencerRegistry"`
			} `json:"contracts"`
		} `json:"l1"`
	}
	if b, err := os.ReadFile(filepath.Join(dir, "devnet.json")); err != nil || json.Unmarshal(b, &l1) != nil || l1.L1.RPC == "" {
		fatal("devnet.json's l1: %v", err)
	}
	leaving := requestExit(t, l1.L1.RPC, l1.L1.Contracts.SequencerRegistry, filepath.Join(dir, "node-3", "keyper.key"))
	exitAt := time.Now()
	for deadline := time.Now().Add(180 * time.Second); next.Eon == first.Eon || next.Status != apitypes.DKGActive; time.Sleep(500 * time.Millisecond) {
		if time.Now().After(deadline) {
			fatal("no eon after %d active %v after the exit: %+v", first.Eon, time.Since(exitAt).Round(time.Second), next)
		}
		var n apitypes.NextEon
		if getJSON(dn.Nodes[0]+"/v1/eon/next", &n) == nil {
			next = n
		}
		if next.Eon > first.Eon && next.Status == apitypes.DKGFailed {
			fatal("eon %d's DKG failed: %s", next.Eon, next.Failed)
		}
	}
	for _, m := range next.Members {
		if m.Keyper == leaving {
			fatal("the exiting validator's keyper is in eon %d", next.Eon)
		}
	}
	t.Logf("second handover to eon %d (%d keypers): DKG opened at slot %d, dealt at %d, signed at %d, active from slot %d (%v after the exit)",
		next.Eon, len(next.Members), next.StartSlot, next.ResultSlot, next.Signed, next.ActivationSlot, time.Since(exitAt).Round(time.Second))
	if err := getJSON(dn.Nodes[0]+"/v1/validators", &vs); err != nil {
		t.Fatal(err)
	}
	clear(power)
	for _, v := range vs.Validators {
		power[v.Keyper] = v.Power
	}
	if len(next.Members) != 4 || power[leaving] != 0 || power[newcomer] != 1 {
		fatal("after the second handover: eon %d of %d members; the leaving validator's power %d, the newcomer's %d", next.Eon, len(next.Members), power[leaving], power[newcomer])
	}
	for deadline := time.Now().Add(60 * time.Second); ; time.Sleep(200 * time.Millisecond) {
		after := 0
		for _, m := range decrypted.FindAllStringSubmatch(output(), -1) {
			if slot, _ := strconv.ParseUint(m[1], 10, 64); slot >= next.ActivationSlot {
				after++
			}
		}
		if after >= 3 {
			break
		}
		if time.Now().After(deadline) {
			fatal("the load is not decrypted under eon %d (from slot %d)", next.Eon, next.ActivationSlot)
		}
	}

	// A rollup's client trusting the genesis alone follows the feed from
	// slot 1 across both handovers: it takes up each new eon from the
	// record that signs its key and each set from the header before its
	// activation.
	slots := next.ActivationSlot + 3
	follow, err := exec.Command(veilBin, "follow", "--node", dn.Nodes[2], "--trust", filepath.Join(dir, "genesis.json"),
		"--from", "1", "--slots", strconv.FormatUint(slots, 10)).CombinedOutput()
	if err != nil || strings.Count(string(follow), "\n") < int(slots) {
		fatal("follow across the handover: %v\n%s", err, lastLines(string(follow), 5))
	}
}

// lastLines is the last n lines of s.
func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// requestExit asks SequencerRegistry, on the L1 at url, to let the
// registration of the keyper whose key is in keyFile exit, as veil
// validator exit does, and returns the keyper's address.
func requestExit(t *testing.T, url string, registry common.Address, keyFile string) common.Address {
	t.Helper()
	raw, err := os.ReadFile(keyFile)
	if err != nil {
		t.Fatal(err)
	}
	key, err := crypto.HexToECDSA(strings.TrimPrefix(strings.TrimSpace(string(raw)), "0x"))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	eth, err := ethclient.DialContext(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer eth.Close()
	id, err := eth.ChainID(ctx)
	if err != nil {
		t.Fatal(err)
	}
	reg, err := contracts.NewSequencerRegistry(registry, eth)
	if err != nil {
		t.Fatal(err)
	}
	opts, err := bind.NewKeyedTransactorWithChainID(key, id)
	if err != nil {
		t.Fatal(err)
	}
	opts.Context = ctx
	tx, err := reg.RequestExit(opts)
	if err != nil {
		t.Fatal(err)
	}
	if r, err := bind.WaitMined(ctx, eth, tx); err != nil || r.Status != 1 {
		t.Fatalf("requestExit: %v %+v", err, r)
	}
	return crypto.PubkeyToAddress(key.PublicKey)
}

// TestDKGSurvivesKill: four veil node processes on an L1 of their own;
// validator 3 asks to exit, so the next boundary runs a DKG among
// validators 0, 1 and 2 with threshold 3 (each one's share is needed).
//
//  1. Validator 2 is down when it starts: its deal never comes, the DKG
//     fails naming it, and eon 1 goes on decrypting (validators 0, 1 and
//     3 hold t of its shares).
//  2. Validator 2 comes back; the next boundary retries under a new eon
//     number. Once every deal is in, validator 2 is SIGKILLed and started
//     again: it takes its DKG up from its secrets file and the
//     transcript, keeps its share, and after the activation the three
//     decrypt under the new eon (which they could not without its share).
func TestDKGSurvivesKill(t *testing.T) {
	l1 := startL1Process(t, filepath.Join(t.TempDir(), "l1"), devnettest.FreePorts(t, 1))
	nw := newNetwork(t, "500ms", 4, "--l1", l1.url, "--l1-key", l1.key, "--epoch-slots", "30", "--dkg-phase-slots", "4")
	nw.startAll()
	requestExit(t, l1.url, nw.registry(), filepath.Join(nw.dir, "node-3", "keyper.key"))
	begun := time.Now()
	nextEon := func() (apitypes.NextEon, bool) {
		var n apitypes.NextEon
		return n, getJSON(nw.apis[0]+"/v1/eon/next", &n) == nil
	}

	// 1. The first attempt, validator 2 down from its start.
	var first apitypes.NextEon
	down := false
	for deadline := time.Now().Add(150 * time.Second); first.Status != apitypes.DKGFailed; time.Sleep(250 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("the DKG without validator 2 did not fail within %v: %+v", time.Since(begun).Round(time.Second), first)
		}
		n, ok := nextEon()
		if !ok {
			continue
		}
		first = n
		if first.Status == apitypes.DKGDealt || first.Status == apitypes.DKGActive {
			t.Fatalf("eon %d dealt without validator 2: %+v", first.Eon, first)
		}
		if !down && first.Status == apitypes.DKGRunning {
			nw.kill(2)
			down = true
			t.Logf("validator 2 down as eon %d's DKG starts (phase %s)", first.Eon, first.Phase)
		}
	}
	if !strings.Contains(first.Failed, "threshold 3") || !strings.Contains(first.Failed, "3 (silent)") {
		t.Fatalf("eon %d's failure: %q", first.Eon, first.Failed)
	}
	t.Logf("eon %d failed %v after the exit: %s", first.Eon, time.Since(begun).Round(time.Second), first.Failed)
	if f := nw.metric(0, "veil_dkg_failures_total", `reason="too_few"`); f < 1 {
		t.Fatalf("veil_dkg_failures_total{reason=\"too_few\"} is %v on node 0", f)
	}
	nw.startLoad([]int{0, 1}, 10, 5*time.Second, 10*time.Second).decryptedAll(t, 25) // eon 1 goes on
	nw.start(2)

	// 2. The retry, validator 2 SIGKILLed once every deal is in.
	var next apitypes.NextEon
	killed := false
	for deadline := time.Now().Add(150 * time.Second); next.Eon <= first.Eon || next.Status != apitypes.DKGActive; time.Sleep(250 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("no eon after %d active %v after the exit: %+v", first.Eon, time.Since(begun).Round(time.Second), next)
		}
		n, ok := nextEon()
		if !ok || n.Eon <= first.Eon {
			continue
		}
		next = n
		if next.Status == apitypes.DKGFailed {
			t.Fatalf("the retry, eon %d, failed: %s", next.Eon, next.Failed)
		}
		if !killed && next.Status == apitypes.DKGRunning && next.Messages["deal"] == 3 {
			nw.kill(2)
			killed = true
			t.Logf("validator 2 SIGKILLed in eon %d's DKG, every deal in (phase %s)", next.Eon, next.Phase)
			time.Sleep(time.Second)
			nw.start(2)
		}
	}
	if !killed || len(next.Members) != 3 || next.Threshold != 3 {
		t.Fatalf("eon %d: killed %v, %d members, threshold %d", next.Eon, killed, len(next.Members), next.Threshold)
	}
	t.Logf("eon %d dealt at slot %d and active from slot %d, %v after the exit", next.Eon, next.ResultSlot, next.ActivationSlot, time.Since(begun).Round(time.Second))
	logged, _ := os.ReadFile(nw.logFile(2))
	if !strings.Contains(string(logged), "taking this keyper's DKG up again from its secrets") {
		t.Fatalf("validator 2 did not resume its DKG from its secrets:\n%s", lastLines(string(logged), 40))
	}
	// The three decrypt under the new eon: a load through validators 0 and 2.
	nw.startLoad([]int{0, 2}, 10, 10*time.Second, 10*time.Second).decryptedAll(t, 50)
	for _, i := range []int{0, 1, 2} {
		var active struct{ Eon uint64 }
		if err := getJSON(nw.apis[i]+"/v1/eon", &active); err != nil || active.Eon != next.Eon {
			t.Fatalf("node %d serves eon %d (%v)", i, active.Eon, err)
		}
	}
}

// registry is the SequencerRegistry the network's genesis names.
func (nw *network) registry() common.Address {
	nw.t.Helper()
	var g struct {
		AppState struct {
			L1 struct {
				Contracts struct {
					SequencerRegistry common.Address `json:"sequencerRegistry"`
				} `json:"contracts"`
			} `json:"l1"`
		} `json:"app_state"`
	}
	gen, err := os.ReadFile(filepath.Join(nw.dir, "genesis.json"))
	if err != nil || json.Unmarshal(gen, &g) != nil || g.AppState.L1.Contracts.SequencerRegistry == (common.Address{}) {
		nw.t.Fatalf("the genesis names no SequencerRegistry: %v", err)
	}
	return g.AppState.L1.Contracts.SequencerRegistry
}
