package l1dev

import (
	"context"
	"math/big"
	"syscall"
	"testing"
	"time"
)

// TestGethDev runs a real `geth --dev`: it answers, seals blocks, and a key
// funded from its developer account can send a transfer.
func TestGethDev(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	if _, err := GethBinary(ctx); err != nil {
		t.Skipf("the geth binary cannot be built: %v", err)
	}

	g, err := StartGeth(ctx, t.TempDir(), time.Second, testLogger(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { g.Close() })
	client := dial(t, g.URL())
	id, err := client.ChainID(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if id.Uint64() != 1337 { // geth --dev's chain id
		t.Fatalf("chain id %v, want 1337", id)
	}
	first := waitHead(ctx, t, client, 1)
	waitHead(ctx, t, client, first+1)

	dev := g.DevKey()
	if dev == nil {
		t.Fatal("no developer key")
	}
	key, addr := newKey(t)
	_, to := newKey(t)
	transfer(ctx, t, client, dev, addr, big.NewInt(1e18))
	value := big.NewInt(1_000_000)
	transfer(ctx, t, client, key, to, value)
	if got := balance(ctx, t, client, to); got.Cmp(value) != 0 {
		t.Fatalf("recipient balance %v, want %v", got, value)
	}

	if err := g.Close(); err != nil {
		t.Fatalf("close: %v", err)
	}
	// The process is gone (and waited for): signal 0 finds no such process.
	if err := g.cmd.Process.Signal(syscall.Signal(0)); err == nil {
		t.Fatal("geth still running after Close")
	}
}
