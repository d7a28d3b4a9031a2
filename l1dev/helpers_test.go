package l1dev

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"log/slog"
	"math/big"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/params"
)

// testLogger logs to t.Log (shown with -v or on failure) and drops what
// arrives after the test has finished, which t.Log would panic on.
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

func dial(t *testing.T, url string) *ethclient.Client {
	t.Helper()
	client, err := ethclient.Dial(url)
	if err != nil {
		t.Fatalf("dial %s: %v", url, err)
	}
	t.Cleanup(client.Close)
	return client
}

func newKey(t *testing.T) (*ecdsa.PrivateKey, common.Address) {
	t.Helper()
	key, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	return key, crypto.PubkeyToAddress(key.PublicKey)
}

// waitHead waits until the chain's head is at least n and returns it.
func waitHead(ctx context.Context, t *testing.T, client *ethclient.Client, n uint64) uint64 {
	t.Helper()
	for {
		head, err := client.BlockNumber(ctx)
		if err == nil && head >= n {
			return head
		}
		select {
		case <-ctx.Done():
			t.Fatalf("head did not reach %d (last %d, err %v): %v", n, head, err, ctx.Err())
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// waitMined waits for the receipt of hash and checks it succeeded.
func waitMined(ctx context.Context, t *testing.T, client *ethclient.Client, hash common.Hash) *types.Receipt {
	t.Helper()
	for {
		rcpt, err := client.TransactionReceipt(ctx, hash)
		if err == nil {
			if rcpt.Status != types.ReceiptStatusSuccessful {
				t.Fatalf("tx %s failed: status %d", hash, rcpt.Status)
			}
			return rcpt
		}
		if !errors.Is(err, ethereum.NotFound) {
			t.Logf("receipt %s: %v", hash, err)
		}
		select {
		case <-ctx.Done():
			t.Fatalf("tx %s not mined: %v", hash, ctx.Err())
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// feeCaps returns a tip and a fee cap that get a transaction into the next
// blocks.
func feeCaps(ctx context.Context, t *testing.T, client *ethclient.Client) (tip, feeCap *big.Int) {
	t.Helper()
	head, err := client.HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	tip = big.NewInt(params.GWei)
	feeCap = new(big.Int).Add(new(big.Int).Mul(head.BaseFee, big.NewInt(2)), tip)
	return tip, feeCap
}

// transfer sends value wei from key to `to` and waits until it is mined.
func transfer(ctx context.Context, t *testing.T, client *ethclient.Client, key *ecdsa.PrivateKey, to common.Address, value *big.Int) (*types.Transaction, *types.Receipt) {
	t.Helper()
	chainID, err := client.ChainID(ctx)
	if err != nil {
		t.Fatal(err)
	}
	nonce, err := client.PendingNonceAt(ctx, crypto.PubkeyToAddress(key.PublicKey))
	if err != nil {
		t.Fatal(err)
	}
	tip, feeCap := feeCaps(ctx, t, client)
	tx, err := types.SignNewTx(key, types.LatestSignerForChainID(chainID), &types.DynamicFeeTx{
		ChainID:   chainID,
		Nonce:     nonce,
		GasTipCap: tip,
		GasFeeCap: feeCap,
		Gas:       params.TxGas,
		To:        &to,
		Value:     value,
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := client.SendTransaction(ctx, tx); err != nil {
		t.Fatalf("send transfer: %v", err)
	}
	return tx, waitMined(ctx, t, client, tx.Hash())
}

func balance(ctx context.Context, t *testing.T, client *ethclient.Client, addr common.Address) *big.Int {
	t.Helper()
	bal, err := client.BalanceAt(ctx, addr, nil)
	if err != nil {
		t.Fatal(err)
	}
	return bal
}

func ether(n int64) *big.Int { return new(big.Int).Mul(big.NewInt(n), big.NewInt(params.Ether)) }
