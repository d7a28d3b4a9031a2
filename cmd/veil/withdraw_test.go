package main

import (
	"encoding/json"
	"io"
	"math/big"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/veil-sequencer/veil/api/apitypes"
	"github.com/veil-sequencer/veil/mempool"
)

// TestWithdrawFlags: withdraw refuses what it cannot use before touching
// the network, naming the flag, and its help says where the money comes
// from and that claiming on L1 is not built yet.
func TestWithdrawFlags(t *testing.T) {
	key := filepath.Join(t.TempDir(), "w.key")
	if err := os.WriteFile(key, []byte("0x"+strings.Repeat("11", 32)), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"wallet", "withdraw", "--key-file", key}, `required flag(s) "amount" not set`},
		{[]string{"wallet", "withdraw", "--amount", "1"}, `required flag(s) "key-file" not set`},
		{[]string{"wallet", "withdraw", "--key-file", key, "--amount", "0"}, `--amount "0"`},
		{[]string{"wallet", "withdraw", "--key-file", key, "--amount", "1e18"}, `--amount "1e18"`},
		{[]string{"builder", "withdraw", "--key-file", key, "--amount", "1", "--to", "0xabc"}, "--to"},
		{[]string{"builder", "withdraw", "--key-file", key, "--amount", "1", "--fee", "-1"}, `--fee "-1"`},
		{[]string{"wallet", "withdraw", "--key-file", key, "--amount", "1", "--timeout", "0s"}, "--timeout"},
		{[]string{"wallet", "withdraw", "--key-file", filepath.Join(t.TempDir(), "none"), "--amount", "1"}, "--key-file"},
		{[]string{"wallet", "withdraw", "--key-file", key, "--amount", "1", "--l1", "http://127.0.0.1:1"}, "--l1 and --l1-key-file need --claim"},
	} {
		out, errOut, code := runVeil(t, nil, tc.args...)
		if code == 0 || out != "" || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q, want %q", tc.args, code, out, errOut, tc.want)
		}
	}
	for _, tc := range []struct {
		cmd  string
		want []string
	}{
		{"wallet", []string{"unreserved deposit", "With --claim it then waits for the batch", "minFeePerGas\n× 100000"}},
		{"builder", []string{"once that is spent, its\nfree collateral", "With --claim it then waits for the batch"}},
	} {
		out, _, code := runVeil(t, nil, tc.cmd, "withdraw", "--help")
		for _, w := range tc.want {
			if code != 0 || !strings.Contains(out, w) {
				t.Errorf("veil %s withdraw --help: exit %d, lacks %q:\n%s", tc.cmd, code, w, out)
			}
		}
	}
}

// TestDevnetWithdraw: on a devnet (no L1), veil wallet withdraw commits a
// withdrawal that debits the deposit by amount + fee and is listed, alike
// on another validator; one wei more than is left is refused as
// insufficient_deposit of the amount, changing nothing; veil builder
// withdraw of more than the deposit takes the rest from the collateral.
func TestDevnetWithdraw(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a devnet")
	}
	start := time.Now()
	dir := filepath.Join(t.TempDir(), "net")
	cmd, _ := startDevnet(t, dir, freePort(t), "--no-l1", "--load", "0", "--builders", "0")
	defer stopDevnet(t, cmd)
	t.Logf("devnet up in %.1f s", time.Since(start).Seconds())
	var dn struct {
		Nodes    []string `json:"nodes"`
		Accounts []struct {
			Address    common.Address
			PrivateKey string
			Role       string
		} `json:"accounts"`
	}
	if b, err := os.ReadFile(filepath.Join(dir, "devnet.json")); err != nil || json.Unmarshal(b, &dn) != nil || len(dn.Nodes) != 4 || len(dn.Accounts) != 16 {
		t.Fatalf("devnet.json: %v %s", err, b)
	}
	get := func(node, path string, v any) {
		t.Helper()
		resp, err := http.Get(node + path)
		if err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || json.Unmarshal(body, v) != nil {
			t.Fatalf("GET %s: %s %s", path, resp.Status, body)
		}
	}
	account := func(node string, a common.Address) (deposit, collateral *big.Int) {
		t.Helper()
		var acct apitypes.Account
		get(node, "/v1/accounts/"+a.Hex(), &acct)
		if acct.Deposit.Int == nil || acct.Collateral.Int == nil || !weiIs(acct.PendingCharges, new(big.Int)) || !weiIs(acct.Reserved, new(big.Int)) {
			t.Fatalf("account %s: %+v, want a deposit and collateral, nothing pending or reserved", a, acct)
		}
		return acct.Deposit.Int, acct.Collateral.Int
	}
	keyFile := func(i int) string {
		t.Helper()
		f := filepath.Join(t.TempDir(), "key")
		if err := os.WriteFile(f, []byte(dn.Accounts[i].PrivateKey), 0o600); err != nil {
			t.Fatal(err)
		}
		return f
	}
	var params apitypes.Params
	get(dn.Nodes[0], "/v1/params", &params)
	if params.MinFeePerGas.Int == nil || params.MinFeePerGas.Sign() <= 0 {
		t.Fatalf("minFeePerGas %v: the test wants a fee to see", params.MinFeePerGas)
	}
	fee := new(big.Int).Mul(params.MinFeePerGas.Int, big.NewInt(mempool.WithdrawGas))
	// withdrawn runs a withdraw command that should succeed and returns
	// its hash and the withdrawal as the node lists it.
	line := regexp.MustCompile(`^(0x[0-9a-f]{64})\nwithdrawn: (\d+) wei to (0x[0-9a-fA-F]{40}) in slot (\d+) \(withdrawNonce (\d+)\); claimable on L1 once a batch covers slot (\d+)\n$`)
	withdrawn := func(node string, account common.Address, args ...string) apitypes.Withdrawal {
		t.Helper()
		begun := time.Now()
		var before, after apitypes.Status
		get(node, "/v1/status", &before)
		out, errOut, code := runVeil(t, nil, append(args, "--node", node, "--timeout", "30s")...)
		get(node, "/v1/status", &after)
		m := line.FindStringSubmatch(out)
		if code != 0 || m == nil || m[4] != m[6] {
			t.Fatalf("veil %v: exit %d\n%s%s", args, code, out, errOut)
		}
		t.Logf("veil %s in %.1f s: %s", strings.Join(args[:2], " "), time.Since(begun).Seconds(), strings.ReplaceAll(out, "\n", "; "))
		var ws apitypes.Withdrawals
		get(node, "/v1/withdrawals/"+account.Hex(), &ws)
		if ws.Account != account || len(ws.Withdrawals) != int(ws.NextWithdrawNonce) || len(ws.Withdrawals) == 0 {
			t.Fatalf("GET /v1/withdrawals/%s: %+v", account, ws)
		}
		got := ws.Withdrawals[len(ws.Withdrawals)-1]
		if got.Hash.Hex() != m[1] || got.Amount.Int == nil || got.Amount.String() != m[2] || got.Recipient.Hex() != m[3] ||
			m[4] != strconv.FormatUint(got.Slot, 10) || m[5] != strconv.FormatUint(got.WithdrawNonce, 10) ||
			!weiIs(got.Fee, fee) || got.State != apitypes.WithdrawalCommitted || got.Batch != nil {
			t.Fatalf("veil printed %q; the node lists %+v (fee %v, want %v)", out, got, got.Fee, fee)
		}
		if got.Slot <= before.Height || got.Slot > after.Height {
			t.Fatalf("withdrawal committed in slot %d, not after height %d and by height %d", got.Slot, before.Height, after.Height)
		}
		return got
	}

	// A wallet withdraws 1 ether for another L1 address.
	wallet := dn.Accounts[0].Address
	walletKey := keyFile(0)
	dep0, _ := account(dn.Nodes[1], wallet)
	recipient := common.HexToAddress("0x00000000000000000000000000000000000be11e")
	oneEther := big.NewInt(1e18)
	w := withdrawn(dn.Nodes[1], wallet, "wallet", "withdraw", "--key-file", walletKey, "--amount", oneEther.String(), "--to", recipient.Hex())
	if w.WithdrawNonce != 0 || w.Recipient != recipient || !weiIs(w.Amount, oneEther) {
		t.Fatalf("withdrawal %+v, want withdrawNonce 0 of %v to %s", w, oneEther, recipient)
	}
	left := new(big.Int).Sub(dep0, new(big.Int).Add(oneEther, fee))
	if dep, _ := account(dn.Nodes[1], wallet); dep.Cmp(left) != 0 {
		t.Fatalf("deposit %v after withdrawing %v with fee %v from %v, want %v", dep, oneEther, fee, dep0, left)
	}
	// Another validator committed the same block: it lists the same.
	deadline := time.Now().Add(10 * time.Second)
	for {
		var ws apitypes.Withdrawals
		get(dn.Nodes[3], "/v1/withdrawals/"+strings.ToLower(wallet.Hex()), &ws)
		if ws.NextWithdrawNonce == 1 {
			a, _ := json.Marshal(ws.Withdrawals)
			b, _ := json.Marshal([]apitypes.Withdrawal{w})
			if string(a) != string(b) {
				t.Fatalf("another validator lists %s, want %s", a, b)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("another validator lists %+v", ws)
		}
		time.Sleep(100 * time.Millisecond)
	}

	// One wei more than is left once the fee is paid: refused, naming the
	// amount, and nothing changes.
	over := new(big.Int).Add(new(big.Int).Sub(left, fee), big.NewInt(1))
	out, errOut, code := runVeil(t, nil, "wallet", "withdraw", "--node", dn.Nodes[1], "--key-file", walletKey, "--amount", over.String(), "--timeout", "30s")
	if code == 0 || out != "" || !strings.Contains(errOut, "POST /v1/withdrawals: 402 insufficient_deposit (amount): ") {
		t.Fatalf("withdrawing %v of %v left: exit %d\n%s%s", over, left, code, out, errOut)
	}
	var ws apitypes.Withdrawals
	get(dn.Nodes[1], "/v1/withdrawals/"+wallet.Hex(), &ws)
	if dep, _ := account(dn.Nodes[1], wallet); dep.Cmp(left) != 0 || ws.NextWithdrawNonce != 1 || len(ws.Withdrawals) != 1 {
		t.Fatalf("after the refused withdrawal: deposit %v (want %v), %+v", dep, left, ws)
	}

	// A builder withdraws its whole deposit and 1 ether more, to its own
	// address: the collateral pays that ether and the fee.
	bi := len(dn.Accounts) - 1
	if dn.Accounts[bi].Role != "builder" {
		t.Fatalf("account %d is a %s", bi, dn.Accounts[bi].Role)
	}
	builder := dn.Accounts[bi].Address
	bdep, bcoll := account(dn.Nodes[0], builder)
	amount := new(big.Int).Add(bdep, oneEther)
	w = withdrawn(dn.Nodes[0], builder, "builder", "withdraw", "--key-file", keyFile(bi), "--amount", amount.String())
	if w.WithdrawNonce != 0 || w.Recipient != builder || !weiIs(w.Amount, amount) {
		t.Fatalf("builder's withdrawal %+v, want withdrawNonce 0 of %v to itself", w, amount)
	}
	wantColl := new(big.Int).Sub(bcoll, new(big.Int).Add(oneEther, fee))
	if dep, coll := account(dn.Nodes[0], builder); dep.Sign() != 0 || coll.Cmp(wantColl) != 0 {
		t.Fatalf("builder after withdrawing %v: deposit %v (want 0), collateral %v (want %v)", amount, dep, coll, wantColl)
	}
	t.Logf("test body %.1f s after start", time.Since(start).Seconds())
}

// weiIs reports whether an amount of a node's answer is present and want.
func weiIs(w apitypes.Wei, want *big.Int) bool { return w.Int != nil && w.Cmp(want) == 0 }
