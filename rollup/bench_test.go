package rollup

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/consensus/beacon"
	"github.com/ethereum/go-ethereum/consensus/ethash"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/rawdb"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethdb/pebble"

	"github.com/veil-sequencer/veil/client"
)

// benchSenders is how many accounts a benchmark block's transactions come
// from (one transaction each per block).
const benchSenders = 500

// benchNode is a node whose genesis funds benchSenders accounts, and a
// signer for them.
type benchNode struct {
	n      *Node
	keys   []*ecdsa.PrivateKey
	signer types.Signer
	slot   uint64
}

func newBenchNode(b *testing.B) *benchNode {
	b.Helper()
	bn := &benchNode{signer: types.LatestSignerForChainID(big.NewInt(testChain))}
	alloc := map[common.Address]*big.Int{}
	for i := range benchSenders {
		k, _ := crypto.ToECDSA(crypto.Keccak256([]byte(fmt.Sprint("bench sender ", i))))
		bn.keys = append(bn.keys, k)
		alloc[crypto.PubkeyToAddress(k.PublicKey)] = ether(1000)
	}
	g, err := NewGenesis(testChain, alloc, 50, common.Address{0xfe})
	if err != nil {
		b.Fatal(err)
	}
	bn.n = startNode(b, Config{Dir: b.TempDir(), Genesis: g})
	return bn
}

// sign is sender i's transaction at nonce.
func (bn *benchNode) sign(b *testing.B, i int, nonce uint64, to common.Address, value *big.Int, data []byte, gas uint64) []byte {
	tx, err := types.SignNewTx(bn.keys[i], bn.signer, &types.DynamicFeeTx{ChainID: big.NewInt(testChain), Nonce: nonce,
		GasTipCap: big.NewInt(1), GasFeeCap: big.NewInt(1e9), Gas: gas, To: &to, Value: value, Data: data})
	if err != nil {
		b.Fatal(err)
	}
	raw, _ := tx.MarshalBinary()
	return raw
}

// add hands the node one slot of txs in a second of its own, which closes
// the block of the slot before.
func (bn *benchNode) add(b *testing.B, txs [][]byte) {
	bn.slot++
	if err := bn.n.Executor().Add(context.Background(), client.Slot{Slot: bn.slot, Time: time.Unix(int64(100+bn.slot), 0), Txs: txs}); err != nil {
		b.Fatal(err)
	}
}

// run times b.N blocks of next(round)'s transactions (signed untimed),
// each built and imported as the node does, and checks nothing was
// skipped.
func (bn *benchNode) run(b *testing.B, next func(round uint64) [][]byte) {
	var skipped, txs int
	bn.n.Executor().OnBlock = func(bl Block) { skipped += len(bl.Skipped); txs += bl.Txs }
	var took time.Duration
	for round := range uint64(b.N) {
		batch := next(round)
		start := time.Now()
		bn.add(b, batch)
		took += time.Since(start)
	}
	start := time.Now()
	bn.add(b, nil) // closes the last block
	took += time.Since(start)
	b.StopTimer()
	if skipped > 0 {
		b.Fatalf("%d transactions skipped", skipped)
	}
	b.ReportMetric(float64(txs)/took.Seconds(), "tx/s")
	b.ReportMetric(float64(took.Nanoseconds())/float64(txs), "ns/tx")
}

// BenchmarkExecuteTransfers: blocks of 500 ether transfers (500 senders to
// 500 fresh accounts), built (skipping what the EVM refuses) and imported
// by go-ethereum's BlockChain into its database, as a rollup node does.
// Compare go-ethereum's own `go test -bench InsertChain_valueTx_diskdb
// github.com/ethereum/go-ethereum/core` on the same machine.
func BenchmarkExecuteTransfers(b *testing.B) {
	bn := newBenchNode(b)
	b.ResetTimer()
	bn.run(b, func(round uint64) [][]byte {
		b.StopTimer()
		defer b.StartTimer()
		txs := make([][]byte, benchSenders)
		for i := range txs {
			to := common.Address{0xaa, byte(round >> 8), byte(round), byte(i >> 8), byte(i)}
			txs[i] = bn.sign(b, i, round, to, big.NewInt(1), nil, 21000)
		}
		return txs
	})
}

// BenchmarkExecuteERC20: blocks of 500 ERC-20 transfers (testdata/Token.sol,
// solc 0.8.37 optimized), each to a fresh holder: a new storage slot and a
// Transfer log per transaction.
func BenchmarkExecuteERC20(b *testing.B) {
	bn := newBenchNode(b)
	raw, err := os.ReadFile("testdata/token.bin")
	if err != nil {
		b.Fatal(err)
	}
	supply := new(big.Int).Lsh(big.NewInt(1), 128)
	init := append(common.FromHex(strings.TrimSpace(string(raw))), common.BigToHash(supply).Bytes()...)
	deployer := crypto.PubkeyToAddress(bn.keys[0].PublicKey)
	token := crypto.CreateAddress(deployer, 0)
	transfer := func(to common.Address, amount *big.Int) []byte {
		sel := crypto.Keccak256([]byte("transfer(address,uint256)"))[:4]
		return append(append(sel, common.LeftPadBytes(to.Bytes(), 32)...), common.BigToHash(amount).Bytes()...)
	}
	tx, err := types.SignNewTx(bn.keys[0], bn.signer, &types.DynamicFeeTx{ChainID: big.NewInt(testChain), Nonce: 0,
		GasTipCap: big.NewInt(1), GasFeeCap: big.NewInt(1e9), Gas: 1_000_000, Data: init})
	if err != nil {
		b.Fatal(err)
	}
	deploy, _ := tx.MarshalBinary()
	bn.add(b, [][]byte{deploy})
	var fund [][]byte // the deployer gives every sender tokens
	for i := 1; i < benchSenders; i++ {
		fund = append(fund, bn.sign(b, 0, uint64(i), token, nil, transfer(crypto.PubkeyToAddress(bn.keys[i].PublicKey), big.NewInt(1e12)), 100_000))
	}
	bn.add(b, fund)
	nonce := func(i int, round uint64) uint64 {
		if i == 0 {
			return uint64(benchSenders) + round
		}
		return round
	}
	b.ResetTimer()
	bn.run(b, func(round uint64) [][]byte {
		b.StopTimer()
		defer b.StartTimer()
		txs := make([][]byte, benchSenders)
		for i := range txs {
			to := common.Address{0xbb, byte(round >> 8), byte(round), byte(i >> 8), byte(i)}
			txs[i] = bn.sign(b, i, nonce(i, round), token, nil, transfer(to, big.NewInt(1)), 100_000)
		}
		return txs
	})
}

// BenchmarkGethImport is the yardstick for BenchmarkExecuteTransfers:
// go-ethereum's own import alone (core.BlockChain.InsertChain, as its
// BenchmarkInsertChain_valueTx_diskdb times it, here with blocks of the
// same 500 transfers from 500 senders, on Pebble with the rollup node's
// archive settings). The rollup node builds each block (one execution)
// and then imports it (this), so the difference is the building.
func BenchmarkGethImport(b *testing.B) {
	keys := make([]*ecdsa.PrivateKey, benchSenders)
	alloc := map[common.Address]*big.Int{}
	for i := range keys {
		keys[i], _ = crypto.ToECDSA(crypto.Keccak256([]byte(fmt.Sprint("bench sender ", i))))
		alloc[crypto.PubkeyToAddress(keys[i].PublicKey)] = ether(1000)
	}
	g, err := NewGenesis(testChain, alloc, 50, common.Address{0xfe})
	if err != nil {
		b.Fatal(err)
	}
	signer := types.LatestSignerForChainID(big.NewInt(testChain))
	engine := beacon.New(ethash.NewFaker())
	_, blocks, _ := core.GenerateChainWithGenesis(g, engine, b.N, func(n int, gen *core.BlockGen) {
		for i, k := range keys {
			to := common.Address{0xaa, byte(n >> 8), byte(n), byte(i >> 8), byte(i)}
			tx, err := types.SignNewTx(k, signer, &types.DynamicFeeTx{ChainID: big.NewInt(testChain), Nonce: uint64(n),
				GasTipCap: big.NewInt(1), GasFeeCap: big.NewInt(1e9), Gas: 21000, To: &to, Value: big.NewInt(1)})
			if err != nil {
				b.Fatal(err)
			}
			gen.AddTx(tx)
		}
	})
	pdb, err := pebble.New(b.TempDir(), 64, 128, "", false)
	if err != nil {
		b.Fatal(err)
	}
	db := rawdb.NewDatabase(pdb)
	defer db.Close()
	cfg := core.DefaultConfig().WithArchive(true).WithStateScheme(rawdb.HashScheme)
	bc, err := core.NewBlockChain(db, g, engine, cfg)
	if err != nil {
		b.Fatal(err)
	}
	defer bc.Stop()
	b.ResetTimer()
	start := time.Now()
	if i, err := bc.InsertChain(blocks); err != nil {
		b.Fatalf("block %d: %v", i, err)
	}
	took := time.Since(start)
	b.ReportMetric(float64(b.N*benchSenders)/took.Seconds(), "tx/s")
	b.ReportMetric(float64(took.Nanoseconds())/float64(b.N*benchSenders), "ns/tx")
}
