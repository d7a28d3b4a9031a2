package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/veil-sequencer/veil/api/apitypes"
	"github.com/veil-sequencer/veil/client"
	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/threshold"
)

// TestDevnetFromL1: on a devnet with wallet load, builders and forced
// items, the slots a rollup derives from L1 alone (the batches the
// committee signed and posted, their blobs from the devnet's archive) are
// the slots it verifies from the feed, transaction by transaction, over
// 128 slots; veil follow --l1 prints them.
func TestDevnetFromL1(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a devnet")
	}
	const slots = 128
	dir := filepath.Join(t.TempDir(), "net")
	cmd, _ := startDevnet(t, dir, freePort(t), "--load", "10")
	defer stopDevnet(t, cmd)
	var dn struct {
		Nodes    []string `json:"nodes"`
		Accounts []struct{ PrivateKey string }
		L1       *devnetL1 `json:"l1"`
	}
	b, err := os.ReadFile(filepath.Join(dir, "devnet.json"))
	if err != nil || json.Unmarshal(b, &dn) != nil || dn.L1 == nil {
		t.Fatalf("devnet.json: %v", err)
	}
	// Forced items through L1 from account 0, which the load never uses.
	keyFile := filepath.Join(t.TempDir(), "wallet.key")
	if err := os.WriteFile(keyFile, []byte(dn.Accounts[0].PrivateKey), 0o600); err != nil {
		t.Fatal(err)
	}
	var plainHash string
	for _, extra := range [][]string{nil, {"--plain"}} {
		args := append([]string{"wallet", "send", "--forced", "--node", dn.Nodes[0], "--l1", dn.L1.RPC, "--key-file", keyFile,
			"--to", "0x00000000000000000000000000000000000000f1", "--value", "3", "--timeout", "60s"}, extra...)
		out, errOut, code := runVeil(t, nil, args...)
		if code != 0 {
			t.Fatalf("veil %s: %d\n%s%s", strings.Join(args, " "), code, out, errOut)
		}
		if extra != nil {
			fmt.Sscanf(out[strings.Index(out, "hash ")+5:], "%s", &plainHash)
		}
	}
	// A withdrawal from account 0, claimed on L1 once its batch is there
	// (batch 0: the slots so far), while the slots below accumulate.
	recipient := common.HexToAddress("0x00000000000000000000000000000000000be11e")
	type result struct {
		out string
		err error
	}
	claimed := make(chan result, 1)
	go func() {
		c := exec.Command(os.Args[0], "wallet", "withdraw", "--node", dn.Nodes[1], "--key-file", keyFile, "--amount", "1000000000000000000",
			"--to", recipient.Hex(), "--claim", "--l1", dn.L1.RPC, "--timeout", "150s")
		c.Env = append(os.Environ(), "VEIL_RUN_MAIN=1")
		out, err := c.CombinedOutput()
		claimed <- result{string(out), err}
	}()
	g, err := readGenesis(filepath.Join(dir, "genesis.json"))
	if err != nil {
		t.Fatal(err)
	}
	// Generous: under a loaded make test (-race, other packages beside
	// it) the batches of these slots took over 3 minutes to reach L1.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	l1, _, err := dialL1(ctx, dn.L1.RPC, g.app.L1.ChainID)
	if err != nil {
		t.Fatal(err)
	}
	defer l1.Close()
	r := &client.L1Reader{L1: l1, Inbox: g.app.L1.Contracts.BatchInbox, Registry: g.app.L1.Contracts.SequencerRegistry,
		Domain: eip712.Domain{ChainID: g.app.ChainID, Salt: g.salt}, EonKeys: map[uint64]*threshold.EonPublicKey{g.app.Eon.Eon: g.app.Eon.PublicKey},
		Blobs: client.DirArchive(filepath.Join(dir, "blobs"))}
	var fromL1 []client.Slot
	for len(fromL1) < slots {
		head, err := l1.BlockNumber(ctx)
		if err != nil {
			t.Fatal(err)
		}
		batches, _, err := r.Read(ctx, g.app.L1.StartBlock, head, common.Hash{})
		if err != nil {
			t.Fatalf("reading L1: %v", err)
		}
		fromL1 = fromL1[:0]
		for _, b := range batches {
			fromL1 = append(fromL1, b.Slots...)
		}
		select {
		case <-ctx.Done():
			t.Fatalf("%d slots on L1 after 5 minutes, want %d", len(fromL1), slots)
		case <-time.After(2 * time.Second):
		}
	}
	doc, err := os.ReadFile(filepath.Join(dir, "genesis.json"))
	if err != nil {
		t.Fatal(err)
	}
	ver, err := client.FromGenesis(doc)
	if err != nil {
		t.Fatal(err)
	}
	txs, plainSeen := 0, false
	for i, want := range fromL1[:slots] {
		resp, err := http.Get(fmt.Sprintf("%s/v1/blocks/%d", dn.Nodes[2], want.Slot))
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		var blk apitypes.Block
		if err := json.Unmarshal(raw, &blk); err != nil {
			t.Fatalf("slot %d: %v", want.Slot, err)
		}
		got, err := ver.Verify(&blk)
		if err != nil {
			t.Fatalf("slot %d from the feed: %v", want.Slot, err)
		}
		if want.Slot != uint64(i+1) || got.Slot != want.Slot || len(got.Txs) != len(want.Txs) || len(got.Invalid) != len(want.Invalid) {
			t.Fatalf("slot %d: the feed has %d txs and %d invalid, L1 %d and %d", want.Slot, len(got.Txs), len(got.Invalid), len(want.Txs), len(want.Invalid))
		}
		for j := range got.Txs {
			if string(got.Txs[j]) != string(want.Txs[j]) {
				t.Fatalf("slot %d transaction %d differs between the feed and L1", want.Slot, j)
			}
			var tx types.Transaction
			if tx.UnmarshalBinary(got.Txs[j]) == nil && tx.Hash().Hex() == plainHash {
				plainSeen = true
			}
		}
		for j := range got.Invalid {
			if got.Invalid[j].Reason != want.Invalid[j].Reason {
				t.Fatalf("slot %d invalid entry %d: %q from the feed, %q from L1", want.Slot, j, got.Invalid[j].Reason, want.Invalid[j].Reason)
			}
		}
		txs += len(got.Txs)
	}
	if txs < slots || !plainSeen {
		t.Fatalf("%d transactions in %d slots, the forced plain one seen: %v", txs, slots, plainSeen)
	}
	var claim string
	select {
	case r := <-claimed:
		if r.err != nil || !strings.Contains(r.out, "claimed: 1000000000000000000 wei paid to "+recipient.Hex()+" on L1 in block ") {
			t.Fatalf("veil wallet withdraw --claim: %v\n%s", r.err, r.out)
		}
		claim = r.out
	case <-ctx.Done():
		t.Fatal("the withdrawal was not claimed in time")
	}
	if bal, err := l1.BalanceAt(ctx, recipient, nil); err != nil || bal.String() != "1000000000000000000" {
		t.Fatalf("the recipient holds %v on L1 (%v), want 1 ether", bal, err)
	}
	// The claim comes back through the oracle: the withdrawal is claimed
	// in the L1 block the command printed.
	key, err := crypto.HexToECDSA(strings.TrimPrefix(dn.Accounts[0].PrivateKey, "0x"))
	if err != nil {
		t.Fatal(err)
	}
	account := crypto.PubkeyToAddress(key.PublicKey)
	var ws apitypes.Withdrawals
	for {
		resp, err := http.Get(dn.Nodes[3] + "/v1/withdrawals/" + account.Hex())
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err := json.Unmarshal(raw, &ws); err != nil || len(ws.Withdrawals) != 1 {
			t.Fatalf("withdrawals of %s: %v %s", account, err, raw)
		}
		if w := ws.Withdrawals[0]; w.State == apitypes.WithdrawalClaimed {
			if w.ClaimedIn == nil || !strings.Contains(claim, fmt.Sprintf(" on L1 in block %d ", *w.ClaimedIn)) {
				t.Fatalf("claimed in L1 block %v, the command said %q", w.ClaimedIn, claim)
			}
			break
		}
		select {
		case <-ctx.Done():
			t.Fatalf("the withdrawal is %s, never claimed", ws.Withdrawals[0].State)
		case <-time.After(200 * time.Millisecond):
		}
	}
	// The forced plain transaction is final, by the time its withdrawal
	// neighbour was claimed.
	status, errOut, code := runVeil(t, nil, "wallet", "status", "--final", "--node", dn.Nodes[2], "--timeout", "60s", plainHash)
	if code != 0 || !strings.Contains(status, "decrypted slot ") || !strings.Contains(status, " final in batch ") {
		t.Fatalf("veil wallet status --final %s: %d\n%s%s", plainHash, code, status, errOut)
	}
	// The final feed: the slots batch 0 made final.
	out, errOut, code := runVeil(t, nil, "follow", "--final", "--node", dn.Nodes[1], "--trust", filepath.Join(dir, "genesis.json"), "--slots", "2")
	if code != 0 || !strings.HasPrefix(out, "slot 1: ") || strings.Count(out, ", final in batch 0 (L1 block ") != 2 {
		t.Fatalf("veil follow --final: %d\n%s%s", code, out, errOut)
	}
	out, errOut, code = runVeil(t, nil, "follow", "--l1", dn.L1.RPC, "--trust", filepath.Join(dir, "genesis.json"),
		"--blobs", filepath.Join(dir, "blobs"), "--slots", "3")
	if code != 0 || !strings.HasPrefix(out, "slot 1: ") || strings.Count(out, "\n") != 3 || !strings.Contains(out, ", batch 0, L1 block ") {
		t.Fatalf("veil follow --l1: %d\n%s%s", code, out, errOut)
	}
	t.Logf("%d slots, %d transactions, identical from the feed and from L1", slots, txs)
}
