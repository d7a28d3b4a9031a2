package chain

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/ethereum/go-ethereum/crypto"
)

// pendingApp is an app with wallets enough for n pending envelopes (16
// each, the sender cap) and their transactions, signed.
func pendingApp(b *testing.B, n int) (*appFixture, [][]byte) {
	var keys []*ecdsa.PrivateKey
	a := initApp(b, func(g *Genesis) {
		for i := range (n + 15) / 16 {
			k, _ := crypto.ToECDSA(crypto.Keccak256([]byte(fmt.Sprintf("bench wallet %d", i))))
			keys = append(keys, k)
			g.Accounts = append(g.Accounts, GenesisAccount{Address: crypto.PubkeyToAddress(k.PublicKey), Deposit: "1000000000000000"})
		}
	})
	a.fixture.keys = append(a.fixture.keys, keys...)
	txs := make([][]byte, n)
	for i := range txs {
		txs[i] = a.tx(2+i/16, uint64(i%16))
	}
	return a, txs
}

// BenchmarkCheckTxPending is CheckTx of a new envelope against a check
// state already holding up to a thousand pending ones: what every
// submission and every gossiped envelope costs a node, the cryptography
// included (each envelope is new to the node).
func BenchmarkCheckTxPending(b *testing.B) {
	const n = 1000
	a, txs := pendingApp(b, n)
	ctx := context.Background()
	b.ResetTimer()
	for i := range b.N {
		if i%n == 0 && i > 0 {
			b.StopTimer()
			a.app.check.mu.Lock()
			a.app.check.b = nil // a commit: start again
			a.app.check.mu.Unlock()
			a.app.verified = NewVerifiedSet()
			b.StartTimer()
		}
		res, err := a.app.CheckTx(ctx, &abci.RequestCheckTx{Tx: txs[i%n]})
		if err != nil || res.Code != 0 {
			b.Fatalf("%v %v", res, err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "tx/s")
}

// BenchmarkRecheck1000 is what a commit costs the mempool: the check state
// rebuilt by rechecking a thousand pending envelopes (their cryptography
// remembered).
func BenchmarkRecheck1000(b *testing.B) {
	a, txs := pendingApp(b, 1000)
	ctx := context.Background()
	for _, tx := range txs { // first admission: verified once
		if res, err := a.app.CheckTx(ctx, &abci.RequestCheckTx{Tx: tx}); err != nil || res.Code != 0 {
			b.Fatalf("%v %v", res, err)
		}
	}
	b.ResetTimer()
	for range b.N {
		a.app.check.mu.Lock()
		a.app.check.b = nil
		a.app.check.mu.Unlock()
		for _, tx := range txs {
			res, err := a.app.CheckTx(ctx, &abci.RequestCheckTx{Tx: tx, Type: abci.CheckTxType_Recheck})
			if err != nil || res.Code != 0 {
				b.Fatalf("%v %v", res, err)
			}
		}
	}
	b.ReportMetric(float64(b.N*len(txs))/b.Elapsed().Seconds(), "tx/s")
}

// BenchmarkPoolPage1 is GET /v1/pool?limit=1 with a thousand envelopes
// pending: what one cheap request costs the node (and holds CheckTx up
// for).
func BenchmarkPoolPage1(b *testing.B) {
	a, txs := pendingApp(b, 1000)
	ctx := context.Background()
	for _, tx := range txs {
		if res, err := a.app.CheckTx(ctx, &abci.RequestCheckTx{Tx: tx}); err != nil || res.Code != 0 {
			b.Fatalf("%v %v", res, err)
		}
	}
	b.ResetTimer()
	for range b.N {
		if page, _, err := a.app.PoolPage("", 1, 1<<20); err != nil || len(page) != 1 {
			b.Fatalf("%d %v", len(page), err)
		}
	}
}
