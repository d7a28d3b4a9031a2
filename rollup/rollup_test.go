package rollup

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	cmted25519 "github.com/cometbft/cometbft/crypto/ed25519"
	cmttypes "github.com/cometbft/cometbft/types"
	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/params"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/veil-sequencer/veil/client"
	"github.com/veil-sequencer/veil/eon"
	"github.com/veil-sequencer/veil/threshold/thresholdtest"
	"github.com/veil-sequencer/veil/wallet"
)

const testChain = 424242

// testContract's init code stores 42 in slot 0; its code stores the call's
// first word in slot 0 and logs it as a topic (LOG1).
var testContract = common.FromHex("602a600055600d601160003960" + "0d6000f3" + "6000358060005560006000a100")

type actor struct {
	key  *ecdsa.PrivateKey
	addr common.Address
}

func newActor(seed string) actor {
	k, _ := crypto.ToECDSA(crypto.Keccak256([]byte(seed)))
	return actor{k, crypto.PubkeyToAddress(k.PublicKey)}
}

var (
	alice = newActor("rollup alice")
	bob   = newActor("rollup bob")
	poor  = newActor("rollup poor")
)

func ether(n int64) *big.Int { return new(big.Int).Mul(big.NewInt(n), big.NewInt(1e18)) }

func testGenesis(t testing.TB) *Config {
	t.Helper()
	g, err := NewGenesis(testChain, map[common.Address]*big.Int{alice.addr: ether(100), poor.addr: big.NewInt(21000)}, 50, common.Address{0xfe})
	if err != nil {
		t.Fatal(err)
	}
	return &Config{Dir: t.TempDir(), Genesis: g}
}

// signed is a transaction from a at nonce: to nil deploys data.
func signed(t testing.TB, a actor, nonce uint64, to *common.Address, value *big.Int, data []byte, gas uint64, feeCap int64) []byte {
	t.Helper()
	id := big.NewInt(testChain)
	tx, err := types.SignNewTx(a.key, types.LatestSignerForChainID(id), &types.DynamicFeeTx{ChainID: id, Nonce: nonce, GasTipCap: big.NewInt(min(1, feeCap)),
		GasFeeCap: big.NewInt(feeCap), Gas: gas, To: to, Value: value, Data: data})
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := tx.MarshalBinary()
	return raw
}

func txHash(raw []byte) common.Hash { return crypto.Keccak256Hash(raw) }

func startNode(t testing.TB, cfg Config) *Node {
	t.Helper()
	n, err := Start(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = n.Close() })
	return n
}

func at(sec, ms int64) time.Time { return time.Unix(sec, ms*int64(time.Millisecond)).UTC() }

// testSlots: two slots in second 100, one in 101 (a deployment, a call), an
// empty one in 102; a transaction of every skip reason.
func testSlots(t testing.TB) ([]client.Slot, map[string]common.Hash) {
	to := bob.addr
	gap := signed(t, alice, 5, &to, big.NewInt(1), nil, 21000, 1e9)
	first := signed(t, alice, 0, &to, ether(1), nil, 21000, 1e9)
	again := first // the same transaction ordered twice: its nonce is used by then
	second := signed(t, alice, 1, &to, big.NewInt(7), nil, 21000, 1e9)
	broke := signed(t, poor, 0, &to, big.NewInt(1), nil, 21000, 1e9)
	cheap := signed(t, alice, 2, &to, big.NewInt(1), nil, 21000, 0)
	deploy := signed(t, alice, 2, nil, nil, testContract, 200_000, 1e9)
	contract := crypto.CreateAddress(alice.addr, 2)
	call := signed(t, alice, 3, &contract, nil, common.LeftPadBytes([]byte{0x99}, 32), 100_000, 1e9)
	return []client.Slot{
			{Slot: 1, Time: at(100, 200), Txs: [][]byte{first, gap}},
			{Slot: 2, Time: at(100, 700), Txs: [][]byte{again, second, broke, cheap}},
			{Slot: 3, Time: at(101, 100), Txs: [][]byte{deploy, call}},
			{Slot: 4, Time: at(102, 0)},
		}, map[string]common.Hash{"first": txHash(first), "gap": txHash(gap), "second": txHash(second), "broke": txHash(broke),
			"cheap": txHash(cheap), "deploy": txHash(deploy), "call": txHash(call)}
}

// TestExecute: slots become L2 blocks by second, transactions the EVM
// refuses are skipped with their reasons, and everything is read back
// through the standard JSON-RPC.
func TestExecute(t *testing.T) {
	ctx := context.Background()
	cfg := testGenesis(t)
	n := startNode(t, *cfg)
	slots, tx := testSlots(t)
	x := n.Executor()
	var blocks []Block
	x.OnBlock = func(b Block) { blocks = append(blocks, b) }
	for _, s := range slots {
		if err := x.Add(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	if len(blocks) != 2 || blocks[0].FirstSlot != 1 || blocks[0].LastSlot != 2 || blocks[1].FirstSlot != 3 || blocks[1].LastSlot != 3 || x.Next() != 5 {
		t.Fatalf("blocks %+v, next %d: want slots 1–2 and 3, slot 4 waiting", blocks, x.Next())
	}
	ec, err := ethclient.Dial(n.URL())
	if err != nil {
		t.Fatal(err)
	}
	defer ec.Close()
	if id, err := ec.ChainID(ctx); err != nil || id.Int64() != testChain {
		t.Fatalf("eth_chainId %v %v", id, err)
	}
	if num, err := ec.BlockNumber(ctx); err != nil || num != 2 {
		t.Fatalf("eth_blockNumber %d %v", num, err)
	}
	b1, err := ec.BlockByNumber(ctx, big.NewInt(1))
	if err != nil {
		t.Fatal(err)
	}
	if b1.Time() != 100 || len(b1.Transactions()) != 2 || b1.Transactions()[0].Hash() != tx["first"] || b1.Transactions()[1].Hash() != tx["second"] || b1.Coinbase() != (common.Address{0xfe}) {
		t.Fatalf("block 1: time %d, %d txs, coinbase %s", b1.Time(), len(b1.Transactions()), b1.Coinbase())
	}
	if got, _ := ec.BalanceAt(ctx, bob.addr, nil); got.Cmp(new(big.Int).Add(ether(1), big.NewInt(7))) != 0 {
		t.Fatalf("bob's balance %v", got)
	}
	r, err := ec.TransactionReceipt(ctx, tx["deploy"])
	if err != nil || r.Status != 1 || r.BlockNumber.Uint64() != 2 {
		t.Fatalf("deployment receipt %+v %v", r, err)
	}
	contract := crypto.CreateAddress(alice.addr, 2)
	if r.ContractAddress != contract {
		t.Fatalf("contract at %s, want %s", r.ContractAddress, contract)
	}
	if v, err := ec.StorageAt(ctx, contract, common.Hash{}, nil); err != nil || new(big.Int).SetBytes(v).Int64() != 0x99 {
		t.Fatalf("contract storage %x %v: the call stores 0x99 over the constructor's 42", v, err)
	}
	logs, err := ec.FilterLogs(ctx, ethereum.FilterQuery{FromBlock: big.NewInt(0), Addresses: []common.Address{contract}})
	if err != nil || len(logs) != 1 || logs[0].Topics[0] != common.BigToHash(big.NewInt(0x99)) || logs[0].TxHash != tx["call"] {
		t.Fatalf("eth_getLogs %+v %v", logs, err)
	}
	for name, want := range map[string]string{"gap": SkipNonceTooHigh, "broke": SkipInsufficient, "cheap": SkipFeeCapTooLow} {
		var s *Skipped
		if err := ec.Client().CallContext(ctx, &s, "veil_getSkipped", tx[name]); err != nil || s == nil || s.Reason != want || s.Error == "" {
			t.Errorf("veil_getSkipped(%s): %+v %v, want %s", name, s, err, want)
		}
		if _, err := ec.TransactionReceipt(ctx, tx[name]); !errors.Is(err, ethereum.NotFound) {
			t.Errorf("a skipped transaction (%s) has a receipt: %v", name, err)
		}
	}
	var copySkip *Skipped // the same transaction ordered twice: the copy's skip is not the original's
	if err := ec.Client().CallContext(ctx, &copySkip, "veil_getSkipped", tx["first"]); err != nil || copySkip != nil {
		t.Errorf("veil_getSkipped of a transaction in a block: %+v %v", copySkip, err)
	}
	var st Status
	if err := ec.Client().CallContext(ctx, &st, "veil_status"); err != nil || st.Head != 2 || st.LastSlot != 3 {
		t.Fatalf("veil_status %+v %v", st, err)
	}
	resp, err := http.Get(n.URL() + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	for _, want := range []string{"veil_rollup_blocks_total 2\n", "veil_rollup_last_slot 3\n", `veil_rollup_skipped_total{reason="nonce_too_high"} 1`,
		"veil_rollup_transactions_total 4\n", "veil_rollup_slot_lag_seconds_count 3\n"} {
		if !strings.Contains(string(body), want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
}

// TestCheckGenesis: genesis files this node cannot run are refused.
func TestCheckGenesis(t *testing.T) {
	good := func() *core.Genesis {
		g, err := NewGenesis(testChain, nil, 0, common.Address{})
		if err != nil {
			t.Fatal(err)
		}
		return g
	}
	if err := CheckGenesis(good(), testChain); err != nil {
		t.Fatalf("NewGenesis's genesis: %v", err)
	}
	later := uint64(1000)
	for _, tc := range []struct {
		name string
		edit func(*core.Genesis)
		want string
	}{
		{"another chain id", func(g *core.Genesis) { g.Config.ChainID = big.NewInt(1) }, "chainId"},
		{"no config", func(g *core.Genesis) { g.Config = nil }, "no config"},
		{"proof of work", func(g *core.Genesis) { g.Config.TerminalTotalDifficulty = nil }, "terminalTotalDifficulty"},
		{"no Cancun", func(g *core.Genesis) { g.Config.CancunTime, g.Config.PragueTime = nil, nil }, "Cancun"},
		{"Osaka later", func(g *core.Genesis) { g.Config.OsakaTime = &later }, "after Prague"},
		{"no system contracts", func(g *core.Genesis) { delete(g.Alloc, params.HistoryStorageAddress) }, "system contract"},
		{"no base fee", func(g *core.Genesis) { g.BaseFee = nil }, "baseFeePerGas"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := good()
			tc.edit(g)
			if err := CheckGenesis(g, testChain); !errors.Is(err, ErrGenesis) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want ErrGenesis naming %q", err, tc.want)
			}
		})
	}
}

// checkpointAt is a feed verifier's checkpoint after slot: one validator,
// one keyper (enough for the executor, which stores it unread).
func checkpointAt(t *testing.T, slot uint64) *client.Checkpoint {
	t.Helper()
	d, err := thresholdtest.Deal(nil, 1, 1)
	if err != nil {
		t.Fatal(err)
	}
	info := &eon.Info{Eon: 1, PublicKey: d.EonKey, Threshold: 1, ChainID: testChain,
		Keypers: []eon.Keyper{{Index: 1, Address: alice.addr, PublicKeyShare: d.PublicShares[0]}}}
	set := cmttypes.NewValidatorSet([]*cmttypes.Validator{cmttypes.NewValidator(cmted25519.GenPrivKeyFromSecret([]byte("v")).PubKey(), 1)})
	cp := (&client.Verifier{ChainID: "veil-test", Validators: set, Eon: info}).Checkpoint()
	cp.Slot = slot
	return cp
}

// feedCheckpoint is the executor's stored checkpoint's slot (0: none).
func feedCheckpoint(t *testing.T, x *Executor) uint64 {
	t.Helper()
	cp, err := x.FeedCheckpoint()
	if err != nil {
		t.Fatal(err)
	}
	if cp == nil {
		return 0
	}
	return cp.Slot
}

// TestResume: a node closed mid-stream resumes after its head block's last
// slot, and ends in the state of a node that ran the slots at once; a slot
// out of turn is refused. A block's slots' checkpoint is stored with it:
// the one after its last slot, never one of a slot waiting for its block.
func TestResume(t *testing.T) {
	ctx := context.Background()
	slots, _ := testSlots(t)
	slots = append(slots, client.Slot{Slot: 5, Time: at(103, 0)})

	cfg := testGenesis(t)
	whole := startNode(t, *cfg)
	for _, s := range slots {
		if err := whole.Executor().Add(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	want := whole.Eth().BlockChain().CurrentBlock()

	cfg2 := *cfg
	cfg2.Dir = t.TempDir()
	first, err := Start(ctx, cfg2)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range slots[:3] { // block 1 (slots 1–2) is built; slot 3 waits
		if err := first.Executor().AddChecked(ctx, s, checkpointAt(t, s.Slot)); err != nil {
			t.Fatal(err)
		}
	}
	if err := first.Close(); err != nil {
		t.Fatal(err)
	}
	again := startNode(t, cfg2)
	if next := again.Executor().Next(); next != 3 {
		t.Fatalf("resumed at slot %d, want 3 (slot 3 was never in a block)", next)
	}
	if got := feedCheckpoint(t, again.Executor()); got != 2 {
		t.Fatalf("stored checkpoint after slot %d, want 2 (block 1's last)", got)
	}
	if err := again.Executor().Add(ctx, slots[4]); err == nil {
		t.Fatal("slot 5 accepted while expecting slot 3")
	}
	for _, s := range slots { // a replay from slot 1: executed slots are ignored
		if err := again.Executor().AddChecked(ctx, s, checkpointAt(t, s.Slot)); err != nil {
			t.Fatal(err)
		}
	}
	got := again.Eth().BlockChain().CurrentBlock()
	if got.Hash() != want.Hash() || got.Root != want.Root {
		t.Fatalf("resumed head %d %s (root %s), want %d %s (root %s)", got.Number, got.Hash(), got.Root, want.Number, want.Hash(), want.Root)
	}
	if got := feedCheckpoint(t, again.Executor()); got != 4 {
		t.Fatalf("stored checkpoint after slot %d, want 4 (slot 5 waits)", got)
	}
	// Slots without a checkpoint (from L1) leave the stored one as it was.
	for _, s := range []client.Slot{{Slot: 6, Time: at(104, 0)}, {Slot: 7, Time: at(105, 0)}} {
		if err := again.Executor().Add(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	if got := feedCheckpoint(t, again.Executor()); got != 5 {
		t.Fatalf("stored checkpoint after slot %d once slot 6's block has none, want 5", got)
	}
	// One ahead of the head (blocks the database lost) is not used.
	if err := again.Executor().storeCheckpoint(checkpointAt(t, 9)); err != nil {
		t.Fatal(err)
	}
	if got := feedCheckpoint(t, again.Executor()); got != 0 {
		t.Fatalf("a checkpoint after slot 9 with the head at slot 6 was returned (%d)", got)
	}
}

// TestCheckpointNotStored: a checkpoint that cannot be stored (here one
// without an eon, which does not encode) costs only the re-reading: the
// block is imported and the executor goes on after it.
func TestCheckpointNotStored(t *testing.T) {
	ctx := context.Background()
	n := startNode(t, *testGenesis(t))
	bad := (&client.Verifier{ChainID: "veil-test"}).Checkpoint()
	for _, s := range []client.Slot{{Slot: 1, Time: at(100, 0)}, {Slot: 2, Time: at(101, 0)}, {Slot: 3, Time: at(102, 0)}} {
		if err := n.Executor().AddChecked(ctx, s, bad); err != nil {
			t.Fatalf("slot %d: %v", s.Slot, err)
		}
	}
	if got := n.Eth().BlockChain().CurrentBlock().Number.Uint64(); got != 2 || n.Executor().Next() != 4 {
		t.Fatalf("head block %d, next slot %d; want 2 and 4", got, n.Executor().Next())
	}
	if got := feedCheckpoint(t, n.Executor()); got != 0 {
		t.Fatalf("a checkpoint after slot %d was stored", got)
	}
}

// TestSendRawTransaction: transactions that are wrong answer the standard
// errors before anything reaches Veil; a node without a relay says so.
func TestSendRawTransaction(t *testing.T) {
	ctx := context.Background()
	var calls atomic.Int32
	veil := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		calls.Add(1)
		http.Error(w, "down", http.StatusServiceUnavailable)
	}))
	defer veil.Close()
	cfg := testGenesis(t)
	relayKey, _ := crypto.GenerateKey()
	cfg.Relay = NewRelay(&wallet.Client{Base: veil.URL}, []*ecdsa.PrivateKey{relayKey}, nil)
	n := startNode(t, *cfg)
	slots, _ := testSlots(t)
	for _, s := range slots[:3] { // block 1: alice's nonce is 2
		if err := n.Executor().Add(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	rc, err := rpc.Dial(n.URL())
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	to := bob.addr
	other := big.NewInt(1)
	wrongChain, _ := types.SignNewTx(alice.key, types.LatestSignerForChainID(other), &types.DynamicFeeTx{ChainID: other, Nonce: 2,
		GasTipCap: big.NewInt(1), GasFeeCap: big.NewInt(1e9), Gas: 21000, To: &to})
	wrongChainRaw, _ := wrongChain.MarshalBinary()
	for _, tc := range []struct {
		name string
		raw  []byte
		want string
	}{
		{"garbage", []byte{0x02, 0x01}, "rlp"},
		{"nonce too low", signed(t, alice, 1, &to, big.NewInt(1), nil, 21000, 1e9), "nonce too low"},
		{"nonce too high", signed(t, alice, 3, &to, big.NewInt(1), nil, 21000, 1e9), "nonce too high"},
		{"another chain", wrongChainRaw, "invalid chain id"},
		{"too little gas", signed(t, alice, 2, &to, big.NewInt(1), nil, 20000, 1e9), "intrinsic gas too low"},
		{"too little balance", signed(t, poor, 0, &to, big.NewInt(1), nil, 21000, 1e9), "insufficient funds"},
		{"a fee cap below the base fee", signed(t, alice, 2, &to, big.NewInt(1), nil, 21000, 0), "max fee per gas less than block base fee"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var h common.Hash
			err := rc.CallContext(ctx, &h, "eth_sendRawTransaction", hexutil.Bytes(tc.raw))
			var re rpc.Error
			if err == nil || !errors.As(err, &re) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want a JSON-RPC error with %q", err, tc.want)
			}
		})
	}
	if c := calls.Load(); c != 0 {
		t.Fatalf("%d requests reached Veil for transactions refused before", c)
	}
	// A good one reaches Veil (which is down here: its error is the answer).
	var h common.Hash
	if err := rc.CallContext(ctx, &h, "eth_sendRawTransaction", hexutil.Bytes(signed(t, alice, 2, &to, big.NewInt(1), nil, 21000, 1e9))); err == nil || calls.Load() == 0 || !strings.Contains(err.Error(), "veil") {
		t.Fatalf("a good transaction with Veil down: %v after %d requests", err, calls.Load())
	}

	cfg2 := testGenesis(t)
	bare := startNode(t, *cfg2)
	bc, err := rpc.Dial(bare.URL())
	if err != nil {
		t.Fatal(err)
	}
	defer bc.Close()
	if err := bc.CallContext(ctx, &h, "eth_sendRawTransaction", hexutil.Bytes(signed(t, alice, 0, &to, big.NewInt(1), nil, 21000, 1e9))); err == nil || !strings.Contains(err.Error(), "relays no transactions") {
		t.Fatalf("a node without a relay: %v", err)
	}
}

// TestBadRequests: malformed JSON-RPC gets the standard error objects,
// oversized bodies and batches are refused.
func TestBadRequests(t *testing.T) {
	n := startNode(t, *testGenesis(t))
	post := func(body []byte) (int, map[string]any, []byte) {
		resp, err := http.Post(n.URL(), "application/json", bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		raw, _ := io.ReadAll(resp.Body)
		var m map[string]any
		_ = json.Unmarshal(raw, &m)
		return resp.StatusCode, m, raw
	}
	code := func(m map[string]any) float64 {
		e, _ := m["error"].(map[string]any)
		c, _ := e["code"].(float64)
		return c
	}
	for _, tc := range []struct {
		name string
		body string
		want float64
	}{
		{"parse error", `{"jsonrpc":"2.0","id":1,"method":`, -32700},
		{"invalid request", `{"jsonrpc":"2.0","id":1}`, -32600},
		{"method not found", `{"jsonrpc":"2.0","id":1,"method":"eth_mine","params":[]}`, -32601},
		{"invalid params", `{"jsonrpc":"2.0","id":1,"method":"eth_getBalance","params":["not an address","latest"]}`, -32602},
		{"a log range too long", `{"jsonrpc":"2.0","id":1,"method":"eth_getLogs","params":[{"fromBlock":"0x0","toBlock":"0x2710"}]}`, -32602},
		{"a log filter too long", `{"jsonrpc":"2.0","id":1,"method":"eth_newFilter","params":[{"fromBlock":"earliest","toBlock":"0x4e20"}]}`, -32602},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, m, raw := post([]byte(tc.body)); code(m) != tc.want {
				t.Fatalf("answer %s, want error code %v", raw, tc.want)
			}
		})
	}
	if status, _, _ := post(bytes.Repeat([]byte(" "), MaxRequestBytes+1)); status != http.StatusRequestEntityTooLarge {
		t.Fatalf("an oversized request: status %d", status)
	}
	var batch []string
	for i := range MaxBatchCalls + 1 {
		batch = append(batch, `{"jsonrpc":"2.0","id":`+string(rune('0'+i%10))+`,"method":"eth_chainId"}`)
	}
	if _, _, raw := post([]byte("[" + strings.Join(batch, ",") + "]")); !strings.Contains(string(raw), "batch too large") {
		t.Fatalf("a batch of %d calls: %s", MaxBatchCalls+1, raw)
	}
}

// TestRPCMethods: the rest of the standard methods wallets call answer
// from the executed chain, and eth_subscribe delivers newHeads and logs
// over WebSocket as blocks are imported.
func TestRPCMethods(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	n := startNode(t, *testGenesis(t))
	ws, err := ethclient.DialContext(ctx, n.WSURL())
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	heads := make(chan *types.Header, 16)
	hsub, err := ws.SubscribeNewHead(ctx, heads)
	if err != nil {
		t.Fatal(err)
	}
	defer hsub.Unsubscribe()
	contract := crypto.CreateAddress(alice.addr, 2)
	logs := make(chan types.Log, 16)
	lsub, err := ws.SubscribeFilterLogs(ctx, ethereum.FilterQuery{Addresses: []common.Address{contract}}, logs)
	if err != nil {
		t.Fatal(err)
	}
	defer lsub.Unsubscribe()

	slots, tx := testSlots(t)
	for _, s := range slots {
		if err := n.Executor().Add(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	for want := uint64(1); want <= 2; want++ {
		select {
		case h := <-heads:
			if h.Number.Uint64() != want {
				t.Fatalf("newHeads: block %d, want %d", h.Number, want)
			}
		case <-ctx.Done():
			t.Fatalf("no newHeads for block %d", want)
		}
	}
	select {
	case l := <-logs:
		if l.TxHash != tx["call"] || l.Topics[0] != common.BigToHash(big.NewInt(0x99)) {
			t.Fatalf("logs subscription: %+v", l)
		}
	case <-ctx.Done():
		t.Fatal("no log over the logs subscription")
	}

	ec, err := ethclient.Dial(n.URL())
	if err != nil {
		t.Fatal(err)
	}
	defer ec.Close()
	got, pending, err := ec.TransactionByHash(ctx, tx["second"])
	if err != nil || pending || got.Nonce() != 1 {
		t.Fatalf("eth_getTransactionByHash: %v pending %v %v", got, pending, err)
	}
	if code, err := ec.CodeAt(ctx, contract, nil); err != nil || len(code) != 13 {
		t.Fatalf("eth_getCode: %x %v", code, err)
	}
	to := bob.addr
	if gas, err := ec.EstimateGas(ctx, ethereum.CallMsg{From: alice.addr, To: &to, Value: big.NewInt(1)}); err != nil || gas != 21000 {
		t.Fatalf("eth_estimateGas: %d %v", gas, err)
	}
	if _, err := ec.CallContract(ctx, ethereum.CallMsg{From: alice.addr, To: &contract, Data: common.LeftPadBytes([]byte{1}, 32)}, nil); err != nil {
		t.Fatalf("eth_call: %v", err)
	}
	if v, err := ec.StorageAt(ctx, contract, common.Hash{}, nil); err != nil || v[31] != 0x99 {
		t.Fatalf("eth_call changed state: %x %v", v, err)
	}
	if price, err := ec.SuggestGasPrice(ctx); err != nil || price.Sign() <= 0 {
		t.Fatalf("eth_gasPrice: %v %v", price, err)
	}
	if fh, err := ec.FeeHistory(ctx, 2, nil, []float64{50}); err != nil || len(fh.BaseFee) != 3 {
		t.Fatalf("eth_feeHistory: %+v %v", fh, err)
	}
	if id, err := ec.NetworkID(ctx); err != nil || id.Int64() != testChain {
		t.Fatalf("net_version: %v %v", id, err)
	}
	var version string
	if err := ec.Client().CallContext(ctx, &version, "web3_clientVersion"); err != nil || !strings.HasPrefix(version, "veil-rollup/") {
		t.Fatalf("web3_clientVersion: %q %v", version, err)
	}
	byHash, err := ec.BlockByHash(ctx, mustHeader(t, ec, 1).Hash())
	if err != nil || byHash.NumberU64() != 1 {
		t.Fatalf("eth_getBlockByHash: %v %v", byHash, err)
	}
}

func mustHeader(t *testing.T, ec *ethclient.Client, n int64) *types.Header {
	t.Helper()
	h, err := ec.HeaderByNumber(context.Background(), big.NewInt(n))
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// TestEscape: forced items the escape hatch derives close the open block
// and make blocks of their own, split by declared gas, timestamped with
// their L1 time; a replay of them executes nothing again.
func TestEscape(t *testing.T) {
	ctx := context.Background()
	n := startNode(t, *testGenesis(t))
	x := n.Executor()
	to := bob.addr
	var blocks []Block
	x.OnBlock = func(b Block) { blocks = append(blocks, b) }
	if err := x.Add(ctx, client.Slot{Slot: 1, Time: at(100, 200), Txs: [][]byte{signed(t, alice, 0, &to, big.NewInt(1), nil, 21000, 1e9)}}); err != nil {
		t.Fatal(err)
	}
	big1 := signed(t, alice, 1, &to, big.NewInt(1), nil, 150_000_000, 1e9) // together over the 200M block gas limit
	big2 := signed(t, alice, 2, &to, big.NewInt(1), nil, 150_000_000, 1e9)
	items := []client.Escaped{{Index: 0, L1Time: 500, Tx: big1}, {Index: 1, L1Time: 501, Reason: client.ReasonEscapedEnvelope}, {Index: 2, L1Time: 502, Tx: big2}}
	if err := x.Escape(ctx, items); err != nil {
		t.Fatal(err)
	}
	if err := x.Escape(ctx, items); err != nil { // a replay from L1's start
		t.Fatal(err)
	}
	if len(blocks) != 3 || blocks[0].LastSlot != 1 || blocks[1].Txs != 1 || blocks[2].Txs != 1 || blocks[1].Time != 502 || blocks[2].Time != 503 || x.EscapedNext() != 3 || x.Next() != 2 {
		t.Fatalf("blocks %+v, escapedNext %d, next %d", blocks, x.EscapedNext(), x.Next())
	}
	for _, s := range []client.Slot{{Slot: 2, Time: at(600, 0)}, {Slot: 3, Time: at(601, 0)}} {
		if err := x.Add(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	if len(blocks) != 4 || blocks[3].FirstSlot != 2 || blocks[3].Time != 600 {
		t.Fatalf("the block after the escape: %+v", blocks[len(blocks)-1])
	}
}

// TestRelayInFlight: the relay's accounting of transactions in flight:
// nonces in turn, the per-sender bound, a failed submission released, and
// senders who never come back swept once their transactions executed or
// expired, so they cannot hold the relay's places.
func TestRelayInFlight(t *testing.T) {
	k, _ := crypto.GenerateKey()
	r := NewRelay(&wallet.Client{Base: "http://127.0.0.1:1"}, []*ecdsa.PrivateKey{k}, nil)
	now := time.Unix(1000, 0)
	r.now = func() time.Time { return now }
	state := map[common.Address]uint64{}
	nonceOf := func(a common.Address) uint64 { return state[a] }
	rich := ether(1)
	txFrom := func(a actor, nonce uint64) *types.Transaction {
		var tx types.Transaction
		_ = tx.UnmarshalBinary(signed(t, a, nonce, &bob.addr, big.NewInt(1), nil, 21000, 1e9))
		return &tx
	}
	for n := range uint64(MaxInFlightPerSender) {
		if _, err := r.reserve(txFrom(alice, n), alice.addr, rich, nonceOf); err != nil {
			t.Fatalf("nonce %d: %v", n, err)
		}
	}
	if got := r.PendingNonce(alice.addr, 0); got != MaxInFlightPerSender {
		t.Fatalf("pending nonce %d, want %d", got, MaxInFlightPerSender)
	}
	if _, err := r.reserve(txFrom(alice, MaxInFlightPerSender), alice.addr, rich, nonceOf); !errors.Is(err, ErrInFlightLimit) {
		t.Fatalf("past the per-sender bound: %v", err)
	}
	if _, err := r.reserve(txFrom(alice, 3), alice.addr, rich, nonceOf); err == nil || !strings.Contains(err.Error(), "in flight") {
		t.Fatalf("a nonce in flight again: %v", err)
	}
	r.release(alice.addr, txFrom(alice, MaxInFlightPerSender-1).Hash())
	if got := r.PendingNonce(alice.addr, 0); got != MaxInFlightPerSender-1 {
		t.Fatalf("after a release: pending nonce %d", got)
	}
	// Many one-time senders fill half the relay, then their transactions
	// execute: the next submission sweeps them all.
	keys := make([]actor, MaxInFlight/2)
	for i := range keys {
		keys[i] = newActor(fmt.Sprint("one-time ", i))
		if _, err := r.reserve(txFrom(keys[i], 0), keys[i].addr, rich, nonceOf); err != nil {
			t.Fatal(err)
		}
	}
	for _, a := range keys {
		state[a.addr] = 1
	}
	now = now.Add(2 * sweepEvery)
	if _, err := r.reserve(txFrom(poor, 0), poor.addr, rich, nonceOf); err != nil {
		t.Fatal(err)
	}
	if r.total != MaxInFlightPerSender-1+1 || len(r.inFlight) != 2 {
		t.Fatalf("after the sweep: %d in flight from %d senders, want %d from 2", r.total, len(r.inFlight), MaxInFlightPerSender)
	}
	// Past their time, entries that never executed go too.
	now = now.Add(inFlightFor + time.Second)
	if got := r.PendingNonce(alice.addr, 0); got != 0 {
		t.Fatalf("expired entries still count: pending nonce %d", got)
	}
}
