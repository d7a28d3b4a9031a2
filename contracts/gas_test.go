package contracts

import (
	"bytes"
	"context"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"

	"github.com/veil-sequencer/veil/merkle"
	"github.com/veil-sequencer/veil/threshold/thresholdtest"
)

// BenchmarkGas reports the gas of every entry point of the four contracts
// (sub-benchmark Contract.function, metric "gas"), each estimated as the
// transaction it would be in a deployment by Deploy, in the state named:
// a registration after another, the genesis eon's 4 keypers, a batch with
// one blob, a withdrawal proven among 32, a 300-byte forced item. The
// figures include the 21,000 of every transaction and are those of the
// L1 rules of the dev chain (through Amsterdam).
func BenchmarkGas(b *testing.B) {
	v := newVeil(b)
	ctx := context.Background()
	pack := func(md interface{ GetAbi() (*abi.ABI, error) }, method string, args ...any) []byte {
		parsed, err := md.GetAbi()
		if err != nil {
			b.Fatal(err)
		}
		data, err := parsed.Pack(method, args...)
		if err != nil {
			b.Fatal(err)
		}
		return data
	}
	add := func(name string, from int, to common.Address, data []byte, value *big.Int, hashes ...common.Hash) {
		// Estimated in the state the steps before left.
		msg := ethereum.CallMsg{From: v.account(from), To: &to, Data: data, Value: value, BlobHashes: hashes}
		if len(hashes) > 0 {
			msg.BlobGasFeeCap = big.NewInt(100e9)
		}
		var gas uint64
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				var err error
				if gas, err = v.sim.Client().EstimateGas(ctx, msg); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(gas), "gas")
		})
	}
	do := func(what string, err error) {
		if err != nil {
			b.Fatalf("%s: %v", what, err)
		}
		v.sim.Commit()
	}
	proof := bytes.Repeat([]byte{7}, 64)
	reg := v.at.SequencerRegistry

	// The registry.
	_, err := v.reg.Register(payFrom(b, v.l1, 3, testMinStake), [32]byte{3}, proof)
	do("register", err)
	add("SequencerRegistry.register", 1, reg, pack(SequencerRegistryMetaData, "register", [32]byte{1}, proof), testMinStake)
	_, err = v.reg.RequestExit(payFrom(b, v.l1, 3, nil))
	do("requestExit", err)
	_, err = v.reg.Register(payFrom(b, v.l1, 1, testMinStake), [32]byte{1}, proof)
	do("register", err)
	add("SequencerRegistry.requestExit", 1, reg, pack(SequencerRegistryMetaData, "requestExit"), nil)
	v.later(b, testExitDelay*time.Second)
	add("SequencerRegistry.withdrawStake", 3, reg, pack(SequencerRegistryMetaData, "withdrawStake"), nil)
	evidence := common.Hash{0xe1}
	add("SequencerRegistry.slash", 0, reg, pack(SequencerRegistryMetaData, "slash", uint64(1), uint64(9), evidence,
		sign(b, v.eon, testGenesisEon, SlashDigest(v.domain, 1, 9, evidence))), nil)
	eon2, err := thresholdtest.Deal(nil, 4, 3)
	if err != nil {
		b.Fatal(err)
	}
	ms := members(eon2, common.Address{0xb1}, common.Address{0xb2}, common.Address{0xb3}, common.Address{0xb4})
	add("SequencerRegistry.registerEon", 0, reg, pack(SequencerRegistryMetaData, "registerEon", uint64(2), eon2.EonKey.EIP2537(), ms,
		sign(b, v.eon, testGenesisEon, EonKeyDigest(v.domain, 2, eon2.EonKey.EIP2537(), KeypersRoot(ms)))), nil)

	// The inbox and withdrawals.
	items := make([][]byte, 32)
	ws := make([]DepositVaultWithdrawal, 32)
	for i := range ws {
		ws[i] = DepositVaultWithdrawal{Account: common.Address{byte(i)}, Recipient: common.Address{0xcc, byte(i)}, Amount: big.NewInt(1e9), WithdrawNonce: uint64(i)}
		items[i] = WithdrawalItem(ws[i])
	}
	h0, sc0, hashes0 := v.next(b, 1)
	h0.WithdrawalsRoot = merkle.Root(items)
	sigma0 := sign(b, v.eon, h0.Eon, BatchDigest(v.domain, h0))
	add("BatchInbox.submit", 0, v.at.BatchInbox, pack(BatchInboxMetaData, "submit", h0, sigma0), nil, hashes0...)
	v.accept(b, v.eon, h0, sc0)
	forked := h0
	forked.AppHash = common.Hash{0xf0}
	add("BatchInbox.proveEquivocation", 0, v.at.BatchInbox, pack(BatchInboxMetaData, "proveEquivocation", forked,
		sign(b, v.eon, forked.Eon, BatchDigest(v.domain, forked))), nil)
	vault := v.at.DepositVault
	_, err = v.vault.Deposit(payFrom(b, v.l1, 0, big.NewInt(1)), common.Address{1})
	do("deposit", err)
	add("DepositVault.deposit", 0, vault, pack(DepositVaultMetaData, "deposit", common.Address{2}), big.NewInt(1e18))
	add("DepositVault.depositCollateral", 0, vault, pack(DepositVaultMetaData, "depositCollateral", common.Address{2}), big.NewInt(1e18))
	add("DepositVault.fund", 0, vault, pack(DepositVaultMetaData, "fund"), big.NewInt(1e18))
	v.later(b, testWithdrawDelay*time.Second)
	path, err := merkle.Proof(items, 17)
	if err != nil {
		b.Fatal(err)
	}
	raw := make([][32]byte, len(path))
	for i := range path {
		raw[i] = path[i]
	}
	add("DepositVault.withdraw", 0, vault, pack(DepositVaultMetaData, "withdraw", h0, ws[17], big.NewInt(17), big.NewInt(32), raw), nil)
	item := bytes.Repeat([]byte{0xab}, 300)
	price, err := v.queue.PricePerGas(nil)
	if err != nil {
		b.Fatal(err)
	}
	add("ForcedInclusionQueue.enqueue", 0, v.at.ForcedInclusionQueue, pack(ForcedInclusionQueueMetaData, "enqueue", item, uint64(100_000)),
		new(big.Int).Mul(price, big.NewInt(200_000)))
}

// payFrom is a transactor for funded account i paying value.
func payFrom(tb testing.TB, c *l1, i int, value *big.Int) *bind.TransactOpts {
	a := c.authOf(tb, c.others[i])
	a.Value = value
	return a
}
