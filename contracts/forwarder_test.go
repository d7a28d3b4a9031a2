package contracts

import (
	"context"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
)

// forwarderCode is the creation code of a contract that forwards every
// call, with its value and calldata, to target and returns or reverts with
// the answer. Ether sent back to it is forwarded too, and the contracts
// here do not take plain ether: so it is a caller that refuses payments,
// what makes a refund or payout fail.
func forwarderCode(target common.Address) []byte {
	runtime := []byte{
		0x36, 0x60, 0x00, 0x60, 0x00, 0x37, // calldatacopy(0, 0, calldatasize)
		0x60, 0x00, 0x60, 0x00, 0x36, 0x60, 0x00, 0x34, 0x73, // call(gas, target, callvalue, 0, calldatasize, 0, 0)
	}
	runtime = append(runtime, target[:]...)
	runtime = append(runtime,
		0x5a, 0xf1,
		0x3d, 0x60, 0x00, 0x60, 0x00, 0x3e, // returndatacopy(0, 0, returndatasize)
		0x60, 0x32, 0x57, // jumpi(ok, success)
		0x3d, 0x60, 0x00, 0xfd, // revert(0, returndatasize)
		0x5b, 0x3d, 0x60, 0x00, 0xf3, // ok: return(0, returndatasize)
	)
	initCode := []byte{0x60, byte(len(runtime)), 0x80, 0x60, 0x0c, 0x60, 0x00, 0x39, 0x60, 0x00, 0xf3, 0x00}
	return append(initCode, runtime...)
}

// TestRefusedPayments: a caller that refuses ether gets the queue's
// RefundFailed when it overpays, and the registry's TransferFailed when it
// withdraws its stake; both change nothing.
func TestRefusedPayments(t *testing.T) {
	v := newVeil(t)
	ctx := context.Background()
	c := v.sim.Client()
	deploy := func(target common.Address) common.Address {
		t.Helper()
		from := v.account(0)
		nonce, _ := c.PendingNonceAt(ctx, from)
		chainID, _ := c.ChainID(ctx)
		tx, err := types.SignNewTx(v.key, types.LatestSignerForChainID(chainID), &types.DynamicFeeTx{ChainID: chainID, Nonce: nonce,
			GasTipCap: big.NewInt(1e9), GasFeeCap: big.NewInt(100e9), Gas: 200_000, Data: forwarderCode(target)})
		if err != nil {
			t.Fatal(err)
		}
		if err := c.SendTransaction(ctx, tx); err != nil {
			t.Fatal(err)
		}
		v.sim.Commit()
		return crypto.CreateAddress(from, nonce)
	}
	// call sends data with value to a forwarder: the error it reverts
	// with, by name ("" if it went through).
	call := func(fwd common.Address, md *bind.MetaData, data []byte, value *big.Int) string {
		t.Helper()
		if _, err := c.EstimateGas(ctx, ethereum.CallMsg{From: v.account(0), To: &fwd, Data: data, Value: value}); err != nil {
			return revertName(md, err)
		}
		nonce, _ := c.PendingNonceAt(ctx, v.account(0))
		chainID, _ := c.ChainID(ctx)
		tx, err := types.SignNewTx(v.key, types.LatestSignerForChainID(chainID), &types.DynamicFeeTx{ChainID: chainID, Nonce: nonce,
			GasTipCap: big.NewInt(1e9), GasFeeCap: big.NewInt(100e9), Gas: 2_000_000, To: &fwd, Value: value, Data: data})
		if err != nil {
			t.Fatal(err)
		}
		if err := c.SendTransaction(ctx, tx); err != nil {
			t.Fatal(err)
		}
		v.sim.Commit()
		if r, err := c.TransactionReceipt(ctx, tx.Hash()); err != nil || r.Status != types.ReceiptStatusSuccessful {
			t.Fatalf("forwarded call: %v %+v", err, r)
		}
		return ""
	}
	pack := func(md *bind.MetaData, method string, args ...any) []byte {
		t.Helper()
		parsed, err := md.GetAbi()
		if err != nil {
			t.Fatal(err)
		}
		data, err := parsed.Pack(method, args...)
		if err != nil {
			t.Fatal(err)
		}
		return data
	}

	// The queue: paid exactly, fine; overpaid, the refund fails.
	q := deploy(v.at.ForcedInclusionQueue)
	item := []byte{0x02, 0xf8}
	price, err := v.queue.PricePerGas(nil)
	if err != nil {
		t.Fatal(err)
	}
	exact := new(big.Int).Mul(price, big.NewInt(100_000))
	if got := call(q, ForcedInclusionQueueMetaData, pack(ForcedInclusionQueueMetaData, "enqueue", item, uint64(100_000)), exact); got != "" {
		t.Fatalf("an exactly paid item: %q", got)
	}
	over := new(big.Int).Add(exact, big.NewInt(1))
	if got := call(q, ForcedInclusionQueueMetaData, pack(ForcedInclusionQueueMetaData, "enqueue", item, uint64(100_000)), over); got != "RefundFailed" {
		t.Fatalf("an overpaid item from a caller refusing the refund: %q", got)
	}
	if n, _ := v.queue.NextForcedIndex(nil); n != 1 {
		t.Fatalf("%d items queued, want 1", n)
	}

	// The registry: a contract keyper registers and exits; its stake
	// cannot be paid to it.
	r := deploy(v.at.SequencerRegistry)
	if got := call(r, SequencerRegistryMetaData, pack(SequencerRegistryMetaData, "register", [32]byte{7}, make([]byte, 64)), testMinStake); got != "" {
		t.Fatalf("register: %q", got)
	}
	if got := call(r, SequencerRegistryMetaData, pack(SequencerRegistryMetaData, "requestExit"), nil); got != "" {
		t.Fatalf("requestExit: %q", got)
	}
	v.later(t, testExitDelay*time.Second)
	if got := call(r, SequencerRegistryMetaData, pack(SequencerRegistryMetaData, "withdrawStake"), nil); got != "TransferFailed" {
		t.Fatalf("withdrawStake to a caller refusing ether: %q", got)
	}
	if bal, _ := c.BalanceAt(ctx, v.at.SequencerRegistry, nil); bal.Cmp(testMinStake) != 0 {
		t.Fatalf("the registry holds %v, want the stake %v", bal, testMinStake)
	}
}
