package l1dev

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto/kzg4844"
	"github.com/ethereum/go-ethereum/params"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/holiman/uint256"
)

const testChainID = 900_001

func TestStartRejectsBadConfig(t *testing.T) {
	ok := Config{Dir: t.TempDir(), ChainID: testChainID}
	precompile := common.BytesToAddress([]byte{0x0b})
	for _, tc := range []struct {
		name   string
		mutate func(*Config)
		want   string
	}{
		{"no dir", func(c *Config) { c.Dir = "" }, "Dir is required"},
		{"no chain id", func(c *Config) { c.ChainID = 0 }, "ChainID is required"},
		{"sub-second period", func(c *Config) { c.Period = 200 * time.Millisecond }, "whole number of seconds"},
		{"fractional period", func(c *Config) { c.Period = 1500 * time.Millisecond }, "whole number of seconds"},
		{"bad http", func(c *Config) { c.HTTP = "127.0.0.1" }, "HTTP address"},
		{"alloc on a precompile", func(c *Config) { c.Alloc = map[common.Address]*big.Int{precompile: big.NewInt(1)} }, "precompile"},
		{"nil balance", func(c *Config) { c.Alloc = map[common.Address]*big.Int{{1, 2}: nil} }, "balance"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := ok
			tc.mutate(&cfg)
			c, err := Start(context.Background(), cfg)
			if err == nil {
				c.Close()
				t.Fatal("Start succeeded")
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %q does not mention %q", err, tc.want)
			}
		})
	}
}

// TestRestartResumes: a chain is created, used, closed and resumed with its
// state, and a Config describing another chain is refused on its datadir.
func TestRestartResumes(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()

	key, from := newKey(t)
	_, to := newKey(t)
	cfg := Config{
		Dir:     t.TempDir(),
		HTTP:    "127.0.0.1:0",
		ChainID: testChainID,
		Alloc:   map[common.Address]*big.Int{from: ether(100)},
		Log:     testLogger(t),
	}
	c, err := Start(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	if !strings.HasPrefix(c.URL(), "http://127.0.0.1:") || strings.HasSuffix(c.URL(), ":0") {
		t.Fatalf("URL %q: want the bound loopback port", c.URL())
	}
	client := dial(t, c.URL())
	id, err := client.ChainID(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if id.Uint64() != testChainID || c.ChainID() != testChainID {
		t.Fatalf("chain id %v / %d, want %d", id, c.ChainID(), testChainID)
	}
	if got := balance(ctx, t, client, from); got.Cmp(ether(100)) != 0 {
		t.Fatalf("alloc balance %v, want %v", got, ether(100))
	}
	waitHead(ctx, t, client, 2)

	value := big.NewInt(123_456_789)
	tx, rcpt := transfer(ctx, t, client, key, to, value)
	if got := balance(ctx, t, client, to); got.Cmp(value) != 0 {
		t.Fatalf("recipient balance %v, want %v", got, value)
	}
	fin, err := client.HeaderByNumber(ctx, big.NewInt(int64(rpc.FinalizedBlockNumber)))
	if err != nil {
		t.Fatalf("finalized header: %v", err)
	}
	head1, err := client.BlockNumber(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if fin.Number.Uint64() > head1 {
		t.Fatalf("finalized %d above head %d", fin.Number, head1)
	}
	if err := c.Close(); err != nil {
		t.Fatalf("close: %v", err)
	}
	t.Logf("closed at or after block %d (transfer in %d, finalized %d)", head1, rcpt.BlockNumber, fin.Number)

	c2, err := Start(ctx, cfg)
	if err != nil {
		t.Fatalf("restart: %v", err)
	}
	t.Cleanup(func() { c2.Close() })
	client2 := dial(t, c2.URL())
	head2, err := client2.BlockNumber(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if head2 < head1 {
		t.Fatalf("resumed at head %d, below the %d seen before Close", head2, head1)
	}
	rcpt2, err := client2.TransactionReceipt(ctx, tx.Hash())
	if err != nil {
		t.Fatalf("transfer's receipt after restart: %v", err)
	}
	if rcpt2.BlockHash != rcpt.BlockHash {
		t.Fatalf("transfer in block %s after restart, %s before", rcpt2.BlockHash, rcpt.BlockHash)
	}
	if got := balance(ctx, t, client2, to); got.Cmp(value) != 0 {
		t.Fatalf("recipient balance after restart %v, want %v", got, value)
	}
	if nonce, err := client2.NonceAt(ctx, from, nil); err != nil || nonce != 1 {
		t.Fatalf("sender nonce after restart %d (%v), want 1", nonce, err)
	}
	head2 = waitHead(ctx, t, client2, head2+1) // the resumed chain keeps sealing
	if err := c2.Close(); err != nil {
		t.Fatalf("close: %v", err)
	}

	for _, tc := range []struct {
		name   string
		mutate func(*Config)
		want   string
	}{
		{"other chain id", func(c *Config) { c.ChainID = testChainID + 1 }, "chain id 900001"},
		{"other alloc", func(c *Config) { c.Alloc = map[common.Address]*big.Int{to: ether(1)} }, "genesis"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			other := cfg
			tc.mutate(&other)
			c, err := Start(ctx, other)
			if err == nil {
				c.Close()
				t.Fatal("Start resumed a chain created with another Config")
			}
			if !errors.Is(err, ErrGenesisMismatch) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %q: want ErrGenesisMismatch mentioning %q", err, tc.want)
			}
		})
	}

	// The refused starts changed nothing: the original Config still resumes.
	c3, err := Start(ctx, cfg)
	if err != nil {
		t.Fatalf("start after refused starts: %v", err)
	}
	defer c3.Close()
	client3 := dial(t, c3.URL())
	if id, err := client3.ChainID(ctx); err != nil || id.Uint64() != testChainID {
		t.Fatalf("chain id after refused starts %v (%v)", id, err)
	}
	if head3, err := client3.BlockNumber(ctx); err != nil || head3 < head2 {
		t.Fatalf("head after refused starts %d (%v), want >= %d", head3, err, head2)
	}
}

const (
	helperDirEnv   = "L1DEV_HELPER_DIR"
	helperAllocEnv = "L1DEV_HELPER_ALLOC"
)

// TestHelperChain is not a test: TestKillResumes runs the test binary with
// it to have a chain in a process it can kill.
func TestHelperChain(t *testing.T) {
	dir := os.Getenv(helperDirEnv)
	if dir == "" {
		return
	}
	c, err := Start(context.Background(), Config{
		Dir:     dir,
		ChainID: testChainID,
		Alloc:   map[common.Address]*big.Int{common.HexToAddress(os.Getenv(helperAllocEnv)): ether(100)},
		Log:     slog.New(slog.NewTextHandler(os.Stderr, nil)),
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "helper:", err)
		os.Exit(1)
	}
	fmt.Printf("URL=%s\n", c.URL())
	time.Sleep(5 * time.Minute) // until killed
	os.Exit(2)
}

// TestKillResumes: after kill -9 the chain resumes at (at least) the last
// head it reported, with its state.
func TestKillResumes(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()

	dir := t.TempDir()
	key, from := newKey(t)
	_, to := newKey(t)
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperChain$", "-test.count=1")
	cmd.Env = append(os.Environ(), helperDirEnv+"="+dir, helperAllocEnv+"="+from.Hex())
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	setParentDeathSignal(cmd)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	waited := false
	t.Cleanup(func() {
		if !waited {
			cmd.Process.Kill()
			cmd.Wait()
		}
	})
	url := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if u, ok := strings.CutPrefix(sc.Text(), "URL="); ok {
				url <- u
			}
		}
		close(url)
	}()
	var u string
	select {
	case u = <-url:
	case <-ctx.Done():
	}
	if u == "" {
		cmd.Process.Kill()
		cmd.Wait()
		waited = true
		t.Fatalf("helper chain did not start:\n%s", stderr.String())
	}
	client := dial(t, u)
	waitHead(ctx, t, client, 2)
	value := big.NewInt(42)
	tx, rcpt := transfer(ctx, t, client, key, to, value)
	head, err := client.BlockNumber(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// The block loop syncs the database right after sealing; give it the
	// moment it needs (well under a period) before the kill.
	time.Sleep(300 * time.Millisecond)
	if err := cmd.Process.Kill(); err != nil { // SIGKILL
		t.Fatal(err)
	}
	cmd.Wait()
	waited = true
	client.Close()
	t.Logf("killed at head %d (transfer in %d)", head, rcpt.BlockNumber)

	c, err := Start(ctx, Config{
		Dir:     dir,
		ChainID: testChainID,
		Alloc:   map[common.Address]*big.Int{from: ether(100)},
		Log:     testLogger(t),
	})
	if err != nil {
		t.Fatalf("start after kill -9: %v\nhelper's log:\n%s", err, stderr.String())
	}
	defer c.Close()
	client = dial(t, c.URL())
	resumed, err := client.BlockNumber(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("resumed at head %d", resumed)
	if resumed < head {
		t.Fatalf("resumed at head %d, below the %d reported before kill -9", resumed, head)
	}
	if got, err := client.TransactionReceipt(ctx, tx.Hash()); err != nil || got.BlockHash != rcpt.BlockHash {
		t.Fatalf("transfer after kill -9: %v, %v", got, err)
	}
	if got := balance(ctx, t, client, to); got.Cmp(value) != 0 {
		t.Fatalf("recipient balance after kill -9 %v, want %v", got, value)
	}
	waitHead(ctx, t, client, resumed+1)
}

// TestChainFeatures: EIP-4844 blob transactions are accepted and mined, the
// EIP-2537 BLS12-381 precompiles answer, and eth_getLogs finds logs (the
// chain runs without a log index).
func TestChainFeatures(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()

	key, from := newKey(t)
	_, to := newKey(t)
	c, err := Start(ctx, Config{
		Dir:     t.TempDir(),
		ChainID: testChainID,
		Alloc:   map[common.Address]*big.Int{from: ether(100)},
		Log:     testLogger(t),
	})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	client := dial(t, c.URL())
	waitHead(ctx, t, client, 1)

	t.Run("bls precompiles", func(t *testing.T) {
		one := make([]byte, 32)
		one[31] = 1
		for _, tc := range []struct {
			name  string
			addr  byte
			input []byte
			want  []byte
		}{
			// Points at infinity are all-zero encodings.
			{"G1ADD(inf, inf) = inf", 0x0b, make([]byte, 256), make([]byte, 128)},
			{"G2ADD(inf, inf) = inf", 0x0d, make([]byte, 512), make([]byte, 256)},
			{"PAIRING(inf, inf) = 1", 0x0f, make([]byte, 384), one},
		} {
			t.Run(tc.name, func(t *testing.T) {
				addr := common.BytesToAddress([]byte{tc.addr})
				got, err := client.CallContract(ctx, ethereum.CallMsg{To: &addr, Data: tc.input}, nil)
				if err != nil {
					t.Fatalf("call %s: %v", addr, err)
				}
				if !bytes.Equal(got, tc.want) {
					t.Fatalf("call %s returned %x, want %x", addr, got, tc.want)
				}
			})
		}
	})

	t.Run("logs", func(t *testing.T) {
		// Init code emitting LOG1(topic) with no data, deploying nothing:
		// PUSH32 topic, PUSH1 0, PUSH1 0, LOG1, STOP.
		topic := common.HexToHash("0x7e11000000000000000000000000000000000000000000000000000000000001")
		code := append(append([]byte{0x7f}, topic[:]...), 0x60, 0x00, 0x60, 0x00, 0xa1, 0x00)
		nonce, err := client.PendingNonceAt(ctx, from)
		if err != nil {
			t.Fatal(err)
		}
		tip, feeCap := feeCaps(ctx, t, client)
		tx, err := types.SignNewTx(key, types.LatestSignerForChainID(new(big.Int).SetUint64(testChainID)), &types.DynamicFeeTx{
			ChainID:   new(big.Int).SetUint64(testChainID),
			Nonce:     nonce,
			GasTipCap: tip,
			GasFeeCap: feeCap,
			Gas:       100_000,
			Data:      code,
		})
		if err != nil {
			t.Fatal(err)
		}
		if err := client.SendTransaction(ctx, tx); err != nil {
			t.Fatal(err)
		}
		rcpt := waitMined(ctx, t, client, tx.Hash())
		logs, err := client.FilterLogs(ctx, ethereum.FilterQuery{
			FromBlock: big.NewInt(0),
			Addresses: []common.Address{rcpt.ContractAddress},
			Topics:    [][]common.Hash{{topic}},
		})
		if err != nil {
			t.Fatalf("eth_getLogs: %v", err)
		}
		if len(logs) != 1 || logs[0].TxHash != tx.Hash() || logs[0].BlockNumber != rcpt.BlockNumber.Uint64() {
			t.Fatalf("eth_getLogs found %+v, want the one log of tx %s", logs, tx.Hash())
		}
	})

	t.Run("blob tx", func(t *testing.T) {
		var blob kzg4844.Blob
		// Field elements must stay below the BLS modulus: leave each one's
		// first byte zero.
		for i, b := range []byte("veil l1dev blob") {
			blob[32*i+1] = b
		}
		commitment, err := kzg4844.BlobToCommitment(&blob)
		if err != nil {
			t.Fatal(err)
		}
		// Osaka is active, so the pool wants cell proofs (sidecar version 1).
		proofs, err := kzg4844.ComputeCellProofs(&blob)
		if err != nil {
			t.Fatal(err)
		}
		sidecar := types.NewBlobTxSidecar(types.BlobSidecarVersion1, []kzg4844.Blob{blob}, []kzg4844.Commitment{commitment}, proofs)

		nonce, err := client.PendingNonceAt(ctx, from)
		if err != nil {
			t.Fatal(err)
		}
		tip, feeCap := feeCaps(ctx, t, client)
		blobFee, err := client.BlobBaseFee(ctx)
		if err != nil {
			t.Fatal(err)
		}
		blobFeeCap := new(big.Int).Add(new(big.Int).Mul(blobFee, big.NewInt(2)), big.NewInt(params.GWei))
		tx, err := types.SignNewTx(key, types.LatestSignerForChainID(new(big.Int).SetUint64(testChainID)), &types.BlobTx{
			ChainID:    uint256.NewInt(testChainID),
			Nonce:      nonce,
			GasTipCap:  uint256.MustFromBig(tip),
			GasFeeCap:  uint256.MustFromBig(feeCap),
			Gas:        params.TxGas,
			To:         to,
			Value:      uint256.NewInt(0),
			BlobFeeCap: uint256.MustFromBig(blobFeeCap),
			BlobHashes: sidecar.BlobHashes(),
			Sidecar:    sidecar,
		})
		if err != nil {
			t.Fatal(err)
		}
		if err := client.SendTransaction(ctx, tx); err != nil {
			t.Fatalf("send blob tx: %v", err)
		}
		rcpt := waitMined(ctx, t, client, tx.Hash())
		if rcpt.Type != types.BlobTxType || rcpt.BlobGasUsed != params.BlobTxBlobGasPerBlob {
			t.Fatalf("receipt type %d, blob gas %d: want %d, %d", rcpt.Type, rcpt.BlobGasUsed, types.BlobTxType, params.BlobTxBlobGasPerBlob)
		}
		block, err := client.BlockByHash(ctx, rcpt.BlockHash)
		if err != nil {
			t.Fatal(err)
		}
		mined := block.Transaction(tx.Hash())
		if mined == nil || len(mined.BlobHashes()) != 1 || mined.BlobHashes()[0] != sidecar.BlobHashes()[0] {
			t.Fatalf("block %d does not carry the blob hash %s", block.NumberU64(), sidecar.BlobHashes()[0])
		}
		if used := block.BlobGasUsed(); used == nil || *used < params.BlobTxBlobGasPerBlob {
			t.Fatalf("block %d blob gas used %v", block.NumberU64(), used)
		}
	})
}
