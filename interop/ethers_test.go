package interop

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/veil-sequencer/veil/devnettest"
)

const ethersDir = "ethers"

// ethersContract's init code stores 42 in slot 0; its code stores the
// call's first word in slot 0 and logs it as a topic (rollup's test
// contract).
const ethersContract = "0x602a600055600d6011600039600d6000f36000358060005560006000a100"

// TestEthersRollup: stock ethers v6 (pinned in ethers/package-lock.json),
// knowing nothing of Veil, uses the rollup node of a devnet (veil devnet,
// its embedded L1, load running): a transfer, a deployment and a call sent
// with eth_sendRawTransaction are encrypted through Veil, ordered,
// decrypted and executed; ethers sees their receipts, the new balance, the
// contract's code, storage and log, and newHeads over WebSocket; a used
// nonce is refused as NONCE_EXPIRED.
func TestEthersRollup(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a devnet and node")
	}
	node := requireTool(t, "node")
	dir := t.TempDir()
	veil := devnettest.Build(t, dir) // before the deadline: a fresh build cache takes minutes
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	if _, err := os.Stat(filepath.Join(ethersDir, "node_modules", "ethers")); err != nil {
		npm := requireTool(t, "npm")
		run(t, ctx, ethersDir, nil, npm, "ci", "--no-audit", "--no-fund")
	}
	base := devnettest.FreePorts(t, 9) // four APIs, four keyper listeners, the rollup node
	netDir := devnettest.Start(t, ctx, veil, dir, "--http", fmt.Sprintf("127.0.0.1:%d", base),
		"--l1-http", "127.0.0.1:0", "--rollup-rpc", fmt.Sprintf("127.0.0.1:%d", base+8), "--builders", "1", "--load", "2")
	var dn struct {
		Accounts []struct {
			PrivateKey string `json:"privateKey"`
			Role       string `json:"role"`
		} `json:"accounts"`
		Rollup *struct {
			RPC string `json:"rpc"`
			WS  string `json:"ws"`
		} `json:"rollup"`
	}
	devnettest.Read(t, netDir, &dn)
	if dn.Rollup == nil {
		t.Fatal("devnet.json names no rollup node")
	}
	to := common.Address{0xb0, 0x0b}
	req, _ := json.Marshal(map[string]string{"rpc": dn.Rollup.RPC, "ws": dn.Rollup.WS, "key": dn.Accounts[0].PrivateKey, "to": to.Hex(),
		"initCode": ethersContract, "word": "0x" + strings.Repeat("00", 31) + "99"})
	outRaw := run(t, ctx, ethersDir, req, node, "rollup.cjs")
	var out struct {
		ChainID  string `json:"chainId"`
		Transfer struct {
			Hash   string `json:"hash"`
			Status int    `json:"status"`
		} `json:"transfer"`
		BalanceGain string `json:"balanceGain"`
		Contract    string `json:"contract"`
		Code        string `json:"code"`
		CallStatus  int    `json:"callStatus"`
		Storage     string `json:"storage"`
		Logs        []struct {
			Topic string `json:"topic"`
			Tx    string `json:"tx"`
		} `json:"logs"`
		CallHash  string `json:"callHash"`
		UsedNonce string `json:"usedNonce"`
		Heads     int    `json:"heads"`
	}
	if err := json.Unmarshal(outRaw, &out); err != nil {
		t.Fatalf("ethers script output %s: %v", outRaw, err)
	}
	key, _ := crypto.HexToECDSA(strings.TrimPrefix(dn.Accounts[0].PrivateKey, "0x"))
	wantContract := crypto.CreateAddress(crypto.PubkeyToAddress(key.PublicKey), 1)
	word := "0x" + strings.Repeat("00", 31) + "99"
	switch {
	case out.ChainID != "1337":
		t.Errorf("chain id %s", out.ChainID)
	case out.Transfer.Status != 1 || out.BalanceGain != "1000":
		t.Errorf("transfer %+v, balance gained %s", out.Transfer, out.BalanceGain)
	case !strings.EqualFold(out.Contract, wantContract.Hex()) || out.Code != "0x6000358060005560006000a100":
		t.Errorf("contract %s (want %s) with code %s", out.Contract, wantContract, out.Code)
	case out.CallStatus != 1 || out.Storage != word:
		t.Errorf("call status %d, storage %s", out.CallStatus, out.Storage)
	case len(out.Logs) != 1 || out.Logs[0].Topic != word || out.Logs[0].Tx != out.CallHash:
		t.Errorf("logs %+v (call %s)", out.Logs, out.CallHash)
	case out.UsedNonce != "NONCE_EXPIRED":
		t.Errorf("a used nonce: %s, want NONCE_EXPIRED", out.UsedNonce)
	case out.Heads == 0:
		t.Error("no newHeads over WebSocket")
	}
	t.Logf("ethers: %s", outRaw)
}
