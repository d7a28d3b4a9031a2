package l1watch

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"log/slog"
	"math/big"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/veil-sequencer/veil/contracts"
	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/l1dev"
	"github.com/veil-sequencer/veil/threshold/thresholdtest"
)

const devChainID = 3151908

// TestOnEmbeddedL1 follows the embedded L1 with Veil's contracts deployed:
// deposits and a collateral deposit are served in the blocks that hold them,
// decoding to what was sent; the L1 is then stopped and started again on
// the same datadir and port, and the watcher goes on to serve a later
// deposit, Run running throughout and no reorg seen.
func TestOnEmbeddedL1(t *testing.T) {
	if testing.Short() {
		t.Skip("runs an embedded L1")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	deployer, _ := crypto.ToECDSA(crypto.Keccak256([]byte("l1watch deployer")))
	payer, _ := crypto.ToECDSA(crypto.Keccak256([]byte("l1watch depositor")))
	alloc := map[common.Address]*big.Int{}
	for _, k := range []*ecdsa.PrivateKey{deployer, payer} {
		alloc[crypto.PubkeyToAddress(k.PublicKey)] = new(big.Int).Lsh(big.NewInt(1), 80)
	}
	dir, httpAddr := t.TempDir(), freeAddr(t)
	lg := testLogger(t)
	start := func() *l1dev.Chain {
		c, err := l1dev.Start(ctx, l1dev.Config{Dir: dir, HTTP: httpAddr, ChainID: devChainID, Alloc: alloc, Log: lg.With("of", "l1dev")})
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	chain := start()
	t.Cleanup(func() { _ = chain.Close() })
	client, err := ethclient.DialContext(ctx, chain.URL())
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()

	// Deploy as contracts/deploy_test.go does.
	head, err := client.BlockNumber(ctx)
	if err != nil {
		t.Fatal(err)
	}
	from := head + 1
	d, err := thresholdtest.Deal(nil, 4, 3)
	if err != nil {
		t.Fatal(err)
	}
	var members []contracts.StatementsMember
	for i, ps := range d.PublicShares {
		members = append(members, contracts.StatementsMember{Keyper: common.Address{0xa0, byte(i)},
			CometPubKey: crypto.Keccak256Hash([]byte("comet"), []byte{byte(i)}), PublicShare: ps.Bytes()})
	}
	domain := eip712.Domain{ChainID: 424242, Salt: crypto.Keccak256Hash([]byte("an l1watch genesis"))}
	at, err := contracts.Deploy(ctx, client, deployer, 0, contracts.Deployment{
		Registry: contracts.SequencerRegistryConfig{ChainId: domain.ChainID, Salt: domain.Salt, MinStake: big.NewInt(1e18),
			ExitDelay: 600, GenesisEon: 1, GenesisKey: d.EonKey.EIP2537()},
		Members: members, FirstSlot: 1, WithdrawDelay: 3600,
		Forced: contracts.ForcedInclusionQueueConfig{MinFeePerGas: big.NewInt(1e9), ForcedGas: 3_000_000, TargetGas: 3_000_000, MaxItemBytes: 140_000},
	})
	if err != nil {
		t.Fatal(err)
	}
	vault, err := contracts.NewDepositVault(at.DepositVault, client)
	if err != nil {
		t.Fatal(err)
	}
	send := func(nonce uint64, value int64, call func(*bind.TransactOpts) (*types.Transaction, error)) *types.Transaction {
		t.Helper()
		auth, err := bind.NewKeyedTransactorWithChainID(payer, big.NewInt(devChainID))
		if err != nil {
			t.Fatal(err)
		}
		auth.Context, auth.Nonce, auth.Value = ctx, new(big.Int).SetUint64(nonce), new(big.Int).Mul(big.NewInt(value), big.NewInt(1e15))
		tx, err := call(auth)
		if err != nil {
			t.Fatal(err)
		}
		return tx
	}
	alice, bob, builder, carol := common.Address{0xa1}, common.Address{0xb0}, common.Address{0xc0}, common.Address{0xca}
	txs := []*types.Transaction{
		send(0, 1, func(a *bind.TransactOpts) (*types.Transaction, error) { return vault.Deposit(a, alice) }),
		send(1, 2, func(a *bind.TransactOpts) (*types.Transaction, error) { return vault.Deposit(a, bob) }),
		send(2, 3, func(a *bind.TransactOpts) (*types.Transaction, error) { return vault.DepositCollateral(a, builder) }),
	}
	var receipts []*types.Receipt
	for _, tx := range txs {
		receipts = append(receipts, waitMined(ctx, t, client, tx.Hash()))
	}

	w, err := New(Config{Client: client, ChainID: devChainID, Contracts: at, Confirmations: 2, From: from,
		Poll: 200 * time.Millisecond, Timeout: 2 * time.Second, Log: lg.With("of", "l1watch")})
	if err != nil {
		t.Fatal(err)
	}
	runCtx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- w.Run(runCtx) }()
	defer func() {
		stop()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
	}()
	// What consensus does: take what is served after what it applied,
	// then prune it.
	c := consumer{w: w, applied: from - 1, got: map[uint64]Block{}}
	c.until(ctx, t, receipts)

	vaultABI, err := contracts.DepositVaultMetaData.GetAbi()
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		event, who string
		account    common.Address
		value      int64
	}{
		{"Deposited", "account", alice, 1},
		{"Deposited", "account", bob, 2},
		{"CollateralDeposited", "builder", builder, 3},
	}
	for i, r := range receipts {
		c.check(t, vaultABI, r, want[i].event, want[i].who, want[i].account, want[i].value)
	}
	// The deployment's blocks carry the constructors' events.
	configured := 0
	for _, b := range c.got {
		for _, e := range b.Events {
			if e.Address == at.DepositVault && e.Topics[0] == vaultABI.Events["Configured"].ID {
				configured++
			}
		}
	}
	if configured != 1 {
		t.Fatalf("%d DepositVault.Configured events served", configured)
	}

	// The L1 stops and comes back on the same datadir and port.
	if err := chain.Close(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Second) // a few failing polls
	chain = start()
	tx := send(3, 4, func(a *bind.TransactOpts) (*types.Transaction, error) { return vault.Deposit(a, carol) })
	r := waitMined(ctx, t, client, tx.Hash())
	c.until(ctx, t, []*types.Receipt{r})
	c.check(t, vaultABI, r, "Deposited", "account", carol, 4)

	select {
	case err := <-done:
		t.Fatalf("Run returned %v", err)
	default:
	}
	if n := testutil.ToFloat64(w.m.reorgs); n != 0 {
		t.Fatalf("%v reorgs", n)
	}
	if n := testutil.ToFloat64(w.m.errors.WithLabelValues(kindUnreachable)); n < 1 {
		t.Fatalf("%v unreachable errors while the L1 was down", n)
	}
	t.Logf("served blocks %d..%d; %v polls failed while the L1 restarted", from, c.applied,
		testutil.ToFloat64(w.m.errors.WithLabelValues(kindUnreachable)))
}

// consumer takes blocks from a watcher as consensus would.
type consumer struct {
	w       *Watcher
	applied uint64
	got     map[uint64]Block
}

// until takes blocks until those of the receipts are served, checking they
// come consecutively, each the child of the one before.
func (c *consumer) until(ctx context.Context, t *testing.T, receipts []*types.Receipt) {
	t.Helper()
	for {
		for _, b := range c.w.After(c.applied, 16) {
			if prev, ok := c.got[b.Number-1]; ok && b.ParentHash != prev.Hash {
				t.Fatalf("block %d's parent %s is not block %d's hash %s", b.Number, b.ParentHash, prev.Number, prev.Hash)
			}
			if b.Number != c.applied+1 {
				t.Fatalf("served block %d after %d", b.Number, c.applied)
			}
			c.got[b.Number], c.applied = b, b.Number
		}
		c.w.Prune(c.applied)
		all := true
		for _, r := range receipts {
			_, ok := c.got[r.BlockNumber.Uint64()]
			all = all && ok
		}
		if all {
			return
		}
		select {
		case <-ctx.Done():
			t.Fatalf("blocks of the deposits not served (served up to %d): %v", c.applied, ctx.Err())
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// check finds r's events in the block served and decodes them: one event
// of the vault, name(who = account, amount = value in 1e15 wei), and the
// receipt's logs exactly.
func (c *consumer) check(t *testing.T, vaultABI *abi.ABI, r *types.Receipt, name, who string, account common.Address, value int64) {
	t.Helper()
	b := c.got[r.BlockNumber.Uint64()]
	if b.Hash != r.BlockHash {
		t.Fatalf("block %d served with hash %s, the receipt says %s", b.Number, b.Hash, r.BlockHash)
	}
	if b.EventsRoot != EventsRoot(b.Events) {
		t.Fatalf("block %d: root %s, its events' %s", b.Number, b.EventsRoot, EventsRoot(b.Events))
	}
	var mine []Event
	for _, e := range b.Events {
		if e.TxHash == r.TxHash {
			mine = append(mine, e)
		}
	}
	if len(mine) != len(r.Logs) || len(mine) != 1 {
		t.Fatalf("tx %s: %d events served, %d logs in the receipt", r.TxHash, len(mine), len(r.Logs))
	}
	e, l := mine[0], r.Logs[0]
	if e.Address != l.Address || e.Index != l.Index || string(e.Data) != string(l.Data) || len(e.Topics) != len(l.Topics) {
		t.Fatalf("event %+v, receipt log %+v", e, l)
	}
	ev := vaultABI.Events[name]
	if e.Address != c.w.addrs[2] || e.Topics[0] != ev.ID {
		t.Fatalf("event of %s with topic %s, want %s of the vault", e.Address, e.Topics[0], name)
	}
	fields := map[string]any{}
	var indexed abi.Arguments
	for _, a := range ev.Inputs {
		if a.Indexed {
			indexed = append(indexed, a)
		}
	}
	if err := abi.ParseTopicsIntoMap(fields, indexed, e.Topics[1:]); err != nil {
		t.Fatal(err)
	}
	if err := ev.Inputs.NonIndexed().UnpackIntoMap(fields, e.Data); err != nil {
		t.Fatal(err)
	}
	amount := new(big.Int).Mul(big.NewInt(value), big.NewInt(1e15))
	if fields[who] != account || fields["amount"].(*big.Int).Cmp(amount) != 0 {
		t.Fatalf("%s decodes to %v", name, fields)
	}
}

// waitMined waits for tx's receipt and checks it succeeded.
func waitMined(ctx context.Context, t *testing.T, client *ethclient.Client, hash common.Hash) *types.Receipt {
	t.Helper()
	for {
		r, err := client.TransactionReceipt(ctx, hash)
		if err == nil {
			if r.Status != types.ReceiptStatusSuccessful {
				t.Fatalf("tx %s reverted", hash)
			}
			return r
		}
		// A node just restarted may still be indexing its transactions.
		if !errors.Is(err, ethereum.NotFound) && !strings.Contains(err.Error(), "indexing is in progress") {
			t.Fatalf("receipt %s: %v", hash, err)
		}
		select {
		case <-ctx.Done():
			t.Fatalf("tx %s not mined: %v", hash, ctx.Err())
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// freeAddr is a loopback address with a port free now, so that the L1 can
// be started twice on it.
func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// testLogger logs to t.Log and drops what comes after the test ended.
func testLogger(t *testing.T) *slog.Logger {
	w := &testWriter{t: t}
	t.Cleanup(w.finish) // registered first, so it runs last
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: slog.LevelInfo}))
}

type testWriter struct {
	mu   sync.Mutex
	t    *testing.T
	done bool
}

func (w *testWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.done {
		w.t.Log(strings.TrimRight(string(p), "\n"))
	}
	return len(p), nil
}

func (w *testWriter) finish() {
	w.mu.Lock()
	w.done = true
	w.mu.Unlock()
}
