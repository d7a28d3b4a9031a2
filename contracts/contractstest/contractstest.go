// Package contractstest deploys Veil's contracts on a dev L1 for the tests
// of other packages (the poster, rollups reading L1): one genesis eon from a
// dealing, nothing registered, no funds in the vault.
package contractstest

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/veil-sequencer/veil/contracts"
	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/l1dev"
	"github.com/veil-sequencer/veil/mempool"
	"github.com/veil-sequencer/veil/threshold/thresholdtest"
)

// Embedded starts the embedded dev L1 with key's account funded and
// returns its JSON-RPC URL; it stops with the test.
func Embedded(ctx context.Context, tb testing.TB, key *ecdsa.PrivateKey) string {
	tb.Helper()
	c, err := l1dev.Start(ctx, l1dev.Config{Dir: tb.TempDir(), HTTP: "127.0.0.1:0", ChainID: 3151908,
		Alloc: map[common.Address]*big.Int{crypto.PubkeyToAddress(key.PublicKey): new(big.Int).Lsh(big.NewInt(1), 80)}})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { _ = c.Close() })
	return c.URL()
}

// Deploy deploys the contracts from key for the Veil chain of domain, with
// d's key as genesis eon 1 (its keypers at addresses 1, 2, …), batch 0 from
// slot 1.
func Deploy(ctx context.Context, tb testing.TB, b contracts.Backend, key *ecdsa.PrivateKey, d *thresholdtest.Dealing, domain eip712.Domain) contracts.Addresses {
	tb.Helper()
	var members []contracts.StatementsMember
	for i, ps := range d.PublicShares {
		members = append(members, contracts.StatementsMember{Keyper: common.Address{byte(i + 1)}, CometPubKey: [32]byte{byte(i)}, PublicShare: ps.Bytes()})
	}
	nonce, err := b.PendingNonceAt(ctx, crypto.PubkeyToAddress(key.PublicKey))
	if err != nil {
		tb.Fatal(err)
	}
	at, err := contracts.Deploy(ctx, b, key, nonce, contracts.Deployment{
		Registry: contracts.SequencerRegistryConfig{ChainId: domain.ChainID, Salt: domain.Salt, MinStake: big.NewInt(1e18),
			ExitDelay: 600, GenesisEon: 1, GenesisKey: d.EonKey.EIP2537()},
		Members: members, FirstSlot: 1, WithdrawDelay: 60,
		Forced: contracts.ForcedInclusionQueueConfig{MinFeePerGas: big.NewInt(1), ForcedGas: 3_000_000, TargetGas: 3_000_000, MaxItemBytes: 1 << 16},
	})
	if err != nil {
		tb.Fatal(err)
	}
	return at
}

// Enqueue forces items through the ForcedInclusionQueue at queue, in
// order, declaring each one's gas floor for its bytes and paying twice the
// pending price (the queue refunds the excess), and returns the L1 time of
// the block the last one landed in. All are sent before any is waited for,
// and receipts are polled every 100 ms: tests that time the escape hatch
// count the L1 blocks this takes. The gas limit is set, not estimated: the
// estimate of a call that refunds fell short on the embedded L1.
func Enqueue(ctx context.Context, tb testing.TB, l1 *ethclient.Client, key *ecdsa.PrivateKey, chainID *big.Int, queue common.Address, items ...[]byte) uint64 {
	tb.Helper()
	q, err := contracts.NewForcedInclusionQueue(queue, l1)
	if err != nil {
		tb.Fatal(err)
	}
	var txs []*types.Transaction
	for _, item := range items {
		gas := mempool.BaseGas + mempool.GasPerByte*uint64(len(item))
		price, err := q.PricePerGas(&bind.CallOpts{Context: ctx, Pending: true})
		if err != nil {
			tb.Fatal(err)
		}
		auth, _ := bind.NewKeyedTransactorWithChainID(key, chainID)
		auth.Context, auth.GasLimit = ctx, 1_000_000
		auth.Value = new(big.Int).Mul(new(big.Int).Mul(price, big.NewInt(2)), new(big.Int).SetUint64(gas))
		tx, err := q.Enqueue(auth, item, gas)
		if err != nil {
			tb.Fatalf("enqueue: %v", err)
		}
		txs = append(txs, tx)
	}
	var last *types.Receipt
	for _, tx := range txs {
		for {
			r, err := l1.TransactionReceipt(ctx, tx.Hash())
			if err == nil {
				if r.Status != types.ReceiptStatusSuccessful {
					tb.Fatalf("enqueue %s reverted: %+v", tx.Hash(), r)
				}
				last = r
				break
			}
			if !errors.Is(err, ethereum.NotFound) {
				tb.Fatalf("enqueue %s: %v", tx.Hash(), err)
			}
			select {
			case <-ctx.Done():
				tb.Fatalf("enqueue %s: not mined: %v", tx.Hash(), ctx.Err())
			case <-time.After(100 * time.Millisecond):
			}
		}
	}
	if last == nil {
		tb.Fatal("Enqueue: no items")
	}
	hd, err := l1.HeaderByNumber(ctx, last.BlockNumber)
	if err != nil {
		tb.Fatal(err)
	}
	return hd.Time
}
