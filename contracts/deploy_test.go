package contracts

import (
	"context"
	"crypto/sha256"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/crypto/kzg4844"
	"github.com/holiman/uint256"

	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/threshold"
	"github.com/veil-sequencer/veil/threshold/thresholdtest"
)

// The test deployment's parameters.
const (
	testChainID       = 424242 // Veil's (the rollup's) chain id
	testGenesisEon    = 1
	testExitDelay     = 600
	testWithdrawDelay = 3600
)

var (
	testMinStake = big.NewInt(1e18)
	testMinFee   = big.NewInt(1e9)
	testFund     = big.NewInt(5e18)
)

// veil is a simulated L1 with Veil's four contracts deployed by Deploy,
// bound to a genesis eon dealt by the Go threshold package.
type veil struct {
	*l1
	at      Addresses
	domain  eip712.Domain
	eon     *thresholdtest.Dealing
	members []StatementsMember
	reg     *SequencerRegistry
	inbox   *BatchInbox
	vault   *DepositVault
	queue   *ForcedInclusionQueue
}

func newVeil(tb testing.TB) *veil {
	tb.Helper()
	v := &veil{l1: newL1(tb), domain: eip712.Domain{ChainID: testChainID, Salt: crypto.Keccak256Hash([]byte("a genesis"))}}
	var err error
	if v.eon, err = thresholdtest.Deal(nil, 4, 3); err != nil {
		tb.Fatal(err)
	}
	v.members = members(v.eon, v.account(1), v.account(2), common.Address{0xa3}, common.Address{0xa4})
	nonce, err := v.sim.Client().PendingNonceAt(context.Background(), crypto.PubkeyToAddress(v.key.PublicKey))
	if err != nil {
		tb.Fatal(err)
	}
	v.mine(tb, func() error {
		v.at, err = Deploy(context.Background(), v.sim.Client(), v.key, nonce, v.deployment())
		return err
	})
	c := v.sim.Client()
	v.reg, _ = NewSequencerRegistry(v.at.SequencerRegistry, c)
	v.inbox, _ = NewBatchInbox(v.at.BatchInbox, c)
	v.vault, _ = NewDepositVault(v.at.DepositVault, c)
	v.queue, _ = NewForcedInclusionQueue(v.at.ForcedInclusionQueue, c)
	return v
}

func (v *veil) deployment() Deployment {
	return Deployment{
		Registry: SequencerRegistryConfig{ChainId: testChainID, Salt: v.domain.Salt, MinStake: testMinStake,
			ExitDelay: testExitDelay, GenesisEon: testGenesisEon, GenesisKey: v.eon.EonKey.EIP2537()},
		Members:       v.members,
		FirstSlot:     1,
		WithdrawDelay: testWithdrawDelay,
		Forced:        ForcedInclusionQueueConfig{MinFeePerGas: testMinFee, ForcedGas: 3_000_000, TargetGas: 3_000_000, MaxItemBytes: 140_000},
		Fund:          testFund,
	}
}

// members are an eon's keypers at these addresses, with made-up CometBFT
// keys and the dealing's public shares.
func members(d *thresholdtest.Dealing, keypers ...common.Address) []StatementsMember {
	var out []StatementsMember
	for i, ps := range d.PublicShares {
		out = append(out, StatementsMember{Keyper: keypers[i],
			CometPubKey: crypto.Keccak256Hash([]byte("comet"), []byte{byte(i)}), PublicShare: ps.Bytes()})
	}
	return out
}

// account is the address of funded account i (0 deploys).
func (c *l1) account(i int) common.Address { return crypto.PubkeyToAddress(c.others[i].PublicKey) }

// mine runs fn, which waits for its transactions, while blocks are made.
func (c *l1) mine(tb testing.TB, fn func() error) {
	tb.Helper()
	done := make(chan error, 1)
	go func() { done <- fn() }()
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case err := <-done:
			if err != nil {
				tb.Fatal(err)
			}
			return
		case <-tick.C:
			c.sim.Commit()
		}
	}
}

// later moves the chain's clock d ahead in a new block. The simulated
// beacon refuses while its pool lists pending transactions, which it may
// briefly do for ones already mined (the pool resets after each block in
// the background), so it tries again for a while.
func (c *l1) later(tb testing.TB, d time.Duration) {
	tb.Helper()
	var err error
	for range 200 {
		if err = c.sim.AdjustTime(d); err == nil {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	tb.Fatalf("adjust time: %v", err)
}

// sign is σ of eon eon on statement digest m, combined from t shares of d.
func sign(tb testing.TB, d *thresholdtest.Dealing, eon uint64, m common.Hash) []byte {
	tb.Helper()
	key, err := d.Key(threshold.SigningIdentity(testChainID, eon, m).Point())
	if err != nil {
		tb.Fatal(err)
	}
	return key.EIP2537()
}

// blobs are n blobs of distinct contents, their sidecar (cell proofs, as
// the dev chain's Osaka rules want) and versioned hashes.
func blobs(tb testing.TB, seed byte, n int) (*types.BlobTxSidecar, []common.Hash) {
	tb.Helper()
	var bs []kzg4844.Blob
	var commits []kzg4844.Commitment
	var proofs []kzg4844.Proof
	for i := range n {
		var b kzg4844.Blob
		for j := 0; j < len(b); j += 32 {
			b[j+1], b[j+2] = seed, byte(i) // each field element below the modulus
		}
		c, err := kzg4844.BlobToCommitment(&b)
		if err != nil {
			tb.Fatal(err)
		}
		p, err := kzg4844.ComputeCellProofs(&b)
		if err != nil {
			tb.Fatal(err)
		}
		bs, commits, proofs = append(bs, b), append(commits, c), append(proofs, p...)
	}
	sc := types.NewBlobTxSidecar(types.BlobSidecarVersion1, bs, commits, proofs)
	var hashes []common.Hash
	for _, c := range commits {
		hashes = append(hashes, kzg4844.CalcBlobHashV1(sha256.New(), &c))
	}
	return sc, hashes
}

// dataHash is what a header's dataHash must be for these blobs.
func dataHash(hashes []common.Hash) common.Hash {
	var buf []byte
	for _, h := range hashes {
		buf = append(buf, h[:]...)
	}
	return crypto.Keccak256Hash(buf)
}

// submit sends BatchInbox.submit(h, sigma) in a blob transaction carrying
// sc and mines it; it returns the receipt.
func (v *veil) submit(tb testing.TB, h StatementsBatch, sigma []byte, sc *types.BlobTxSidecar) *types.Receipt {
	tb.Helper()
	parsed, _ := BatchInboxMetaData.GetAbi()
	data, err := parsed.Pack("submit", h, sigma)
	if err != nil {
		tb.Fatal(err)
	}
	ctx := context.Background()
	c := v.sim.Client()
	from := crypto.PubkeyToAddress(v.key.PublicKey)
	nonce, err := c.PendingNonceAt(ctx, from)
	if err != nil {
		tb.Fatal(err)
	}
	chainID, _ := c.ChainID(ctx)
	tx, err := types.SignNewTx(v.key, types.LatestSignerForChainID(chainID), &types.BlobTx{
		ChainID: uint256.MustFromBig(chainID), Nonce: nonce, GasTipCap: uint256.NewInt(1e9), GasFeeCap: uint256.NewInt(100e9),
		Gas: 1_000_000, To: v.at.BatchInbox, Data: data, BlobFeeCap: uint256.NewInt(100e9),
		BlobHashes: sc.BlobHashes(), Sidecar: sc,
	})
	if err != nil {
		tb.Fatal(err)
	}
	if err := c.SendTransaction(ctx, tx); err != nil {
		tb.Fatal(err)
	}
	v.sim.Commit()
	r, err := c.TransactionReceipt(ctx, tx.Hash())
	if err != nil {
		tb.Fatal(err)
	}
	return r
}

// callSubmit is BatchInbox.submit(h, sigma) as a call with these blob
// hashes: the error it reverts with, by name ("" if it would succeed).
func (v *veil) callSubmit(tb testing.TB, h StatementsBatch, sigma []byte, hashes []common.Hash) string {
	tb.Helper()
	parsed, _ := BatchInboxMetaData.GetAbi()
	data, err := parsed.Pack("submit", h, sigma)
	if err != nil {
		tb.Fatal(err)
	}
	msg := ethereum.CallMsg{
		From: crypto.PubkeyToAddress(v.key.PublicKey), To: &v.at.BatchInbox, Data: data, Gas: 1_000_000,
		BlobHashes: hashes, GasFeeCap: big.NewInt(100e9),
	}
	if len(hashes) > 0 {
		msg.BlobGasFeeCap = big.NewInt(100e9)
	}
	_, err = v.sim.Client().CallContract(context.Background(), msg, nil)
	if err == nil {
		return ""
	}
	return revertName(BatchInboxMetaData, err)
}

// TestDeploy: Deploy puts the contracts where Plan says, with this build's
// code, the genesis eon and the vault's funding; Check accepts it and names
// a wrong chain id, a wrong address and a wrong domain; a stale nonce is
// refused before anything is sent.
func TestDeploy(t *testing.T) {
	v := newVeil(t)
	ctx := context.Background()
	c := v.sim.Client()
	if want := Plan(crypto.PubkeyToAddress(v.key.PublicKey), 1); v.at != want { // nonce 0 deployed LibCheck
		t.Fatalf("deployed at %+v, planned %+v", v.at, want)
	}
	key, err := v.reg.EonKey(&bind.CallOpts{}, testGenesisEon)
	if err != nil || string(key.PublicKey) != string(v.eon.EonKey.EIP2537()) || key.KeypersRoot != KeypersRoot(v.members) {
		t.Fatalf("genesis eon key %x root %x (%v)", key.PublicKey, key.KeypersRoot, err)
	}
	if bal, _ := c.BalanceAt(ctx, v.at.DepositVault, nil); bal.Cmp(testFund) != 0 {
		t.Fatalf("vault holds %v, want %v", bal, testFund)
	}
	l1ID, _ := c.ChainID(ctx)
	want := Want{L1ChainID: l1ID.Uint64(), Contracts: v.at, VeilChainID: testChainID, Domain: v.domain.Separator(),
		GenesisEon: testGenesisEon, GenesisKey: v.eon.EonKey.EIP2537()}
	if err := Check(ctx, c, want); err != nil {
		t.Fatalf("Check of a genuine deployment: %v", err)
	}
	// A second deployment with another genesis key: the same code, other
	// storage.
	other, err := thresholdtest.Deal(nil, 4, 3)
	if err != nil {
		t.Fatal(err)
	}
	nonce, _ := c.PendingNonceAt(ctx, v.account(0))
	d := v.deployment()
	d.Registry.GenesisKey = other.EonKey.EIP2537()
	var copied Addresses
	v.mine(t, func() (err error) { copied, err = Deploy(ctx, c, v.key, nonce, d); return })
	otherDomain := eip712.Domain{ChainID: testChainID, Salt: common.Hash{1}}
	for _, tc := range []struct {
		name    string
		change  func(w *Want)
		wantErr string
	}{
		{"another L1", func(w *Want) { w.L1ChainID++ }, "the genesis names chain"},
		{"contracts swapped", func(w *Want) { w.Contracts.BatchInbox, w.Contracts.DepositVault = v.at.DepositVault, v.at.BatchInbox },
			"BatchInbox at " + v.at.DepositVault.Hex() + " has code hash"},
		{"no contract", func(w *Want) { w.Contracts = Addresses{SequencerRegistry: common.Address{9}} }, "no contract at"},
		{"another Veil chain", func(w *Want) { w.VeilChainID++ }, "bound to Veil chain"},
		{"another genesis", func(w *Want) { w.Domain = otherDomain.Separator() }, "bound to Veil chain"},
		{"another genesis key", func(w *Want) { w.GenesisKey = other.EonKey.EIP2537() }, "holds genesis eon 1 with key"},
		{"another deployment's copy", func(w *Want) { w.Contracts = copied }, "holds genesis eon 1 with key"},
		{"a vault of another deployment", func(w *Want) { w.Contracts.DepositVault = copied.DepositVault }, "DepositVault at " + copied.DepositVault.Hex() + " reads the inbox"},
		{"an inbox of another deployment", func(w *Want) { w.Contracts.BatchInbox = copied.BatchInbox }, "reads the inbox at"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := want
			tc.change(&w)
			err := Check(ctx, c, w)
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("Check: %v, want %q", err, tc.wantErr)
			}
		})
	}
	_, err = Deploy(ctx, c, v.key, 0, v.deployment())
	if err == nil || !strings.Contains(err.Error(), "the plan was made for 0") {
		t.Fatalf("Deploy at a stale nonce: %v", err)
	}
}
