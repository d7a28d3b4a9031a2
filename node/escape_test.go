package node

import (
	"context"
	"fmt"
	"log/slog"
	"math/big"
	"slices"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/veil-sequencer/veil/chain"
	"github.com/veil-sequencer/veil/client"
	"github.com/veil-sequencer/veil/contracts"
	"github.com/veil-sequencer/veil/contracts/contractstest"
	"github.com/veil-sequencer/veil/eon"
	"github.com/veil-sequencer/veil/l1dev"
	"github.com/veil-sequencer/veil/params"
	"github.com/veil-sequencer/veil/threshold/thresholdtest"
)

// TestEscapeHatch (protocol §9): four validators run on the embedded L1,
// then all of them stop. Three plain transactions are forced on L1; once
// L1 time passes forceDeadline, client.L1Reader derives them from L1 alone
// in queue order. The validators restart from their homes, catch up with
// L1 through the oracle, and every one of them records the three items
// escaped (never ordered: skipped), agreeing with what rollups derived,
// while the chain goes on.
func TestEscapeHatch(t *testing.T) {
	if testing.Short() {
		t.Skip("runs an L1 and four validators")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	log := slog.New(slog.DiscardHandler)
	deployer, _ := crypto.ToECDSA(crypto.Keccak256([]byte("node escape deployer")))
	from := crypto.PubkeyToAddress(deployer.PublicKey)
	l1, err := l1dev.Start(ctx, l1dev.Config{Dir: t.TempDir(), HTTP: "127.0.0.1:0", ChainID: 3151908,
		Alloc: map[common.Address]*big.Int{from: new(big.Int).Lsh(big.NewInt(1), 90)}})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = l1.Close() }()
	eth, err := ethclient.DialContext(ctx, l1.URL())
	if err != nil {
		t.Fatal(err)
	}
	defer eth.Close()

	d, err := thresholdtest.Deal(nil, 1, 1)
	if err != nil {
		t.Fatal(err)
	}
	info := &eon.Info{Eon: 1, PublicKey: d.EonKey, Threshold: 1, ChainID: 1337,
		Keypers: []eon.Keyper{{Index: 1, Address: common.Address{1}, PublicKeyShare: d.PublicShares[0]}}}
	head, err := eth.BlockNumber(ctx)
	if err != nil {
		t.Fatal(err)
	}
	p := params.Default()
	p.ForceDeadline = 5
	plan := contracts.Plan(from, 0)
	g := chain.Genesis{ChainID: 1337, Eon: info, Params: &p, L1: &chain.GenesisL1{ChainID: 3151908, Contracts: plan, StartBlock: head}}
	nw, err := CreateNetwork(NetworkConfig{Dir: t.TempDir(), Validators: 4, ChainID: 1337, BlockTime: 500 * time.Millisecond, AppState: g, Bond: big.NewInt(1)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := contracts.Deploy(ctx, eth, deployer, 0, contracts.Deployment{
		Registry: contracts.SequencerRegistryConfig{ChainId: 1337, Salt: nw.DomainSalt(), MinStake: big.NewInt(1), ExitDelay: 60,
			GenesisEon: 1, GenesisKey: d.EonKey.EIP2537()},
		Members:   []contracts.StatementsMember{{Keyper: common.Address{1}, CometPubKey: common.Hash{1}, PublicShare: d.PublicShares[0].Bytes()}},
		FirstSlot: 1, WithdrawDelay: 60,
		Forced: contracts.ForcedInclusionQueueConfig{MinFeePerGas: big.NewInt(1), ForcedGas: p.ForcedGas(), TargetGas: p.ForcedGas(), MaxItemBytes: 1 << 16},
	}); err != nil {
		t.Fatal(err)
	}
	domain := nw.Params().Domain

	nodes := make([]*Validator, 4)
	readers := make([]*l1Reader, 4)
	stop := func() {
		for i := range nodes {
			if nodes[i] != nil {
				_ = nodes[i].Stop()
				nodes[i] = nil
			}
			if readers[i] != nil {
				readers[i].Close()
				readers[i] = nil
			}
		}
		nw.WaitClosed()
	}
	defer stop()
	// start runs the validators, their L1 watchers from what each applied,
	// and waits until every watcher sees L1 block ready before the
	// validators attest anything (so the catch-up is one record).
	applied := make([]uint64, 4)
	hashes := make([]common.Hash, 4)
	for i := range applied {
		applied[i] = head
	}
	start := func(ready uint64) {
		for i := range nodes {
			if readers[i], err = startL1(nw.L1(), L1Source{URL: l1.URL(), Confirmations: 2}, applied[i], hashes[i], log); err != nil {
				t.Fatal(err)
			}
			waitFor(t, ctx, fmt.Sprintf("watcher %d reads L1 block %d", i, ready), func() bool {
				atts := readers[i].After(applied[i], 16)
				return ready <= applied[i] || (len(atts) > 0 && atts[len(atts)-1].Number >= ready)
			})
		}
		for i := range nodes {
			if nodes[i], err = nw.StartNode(i, log, nil, WithKeys(thresholdtest.Keys{Dealing: d, ChainID: 1337})); err != nil {
				t.Fatal(err)
			}
			nodes[i].App.AttachL1(readers[i])
		}
	}
	// appliedBy waits until every validator applied L1 block n.
	appliedBy := func(n uint64) {
		for _, v := range nodes {
			waitFor(t, ctx, fmt.Sprintf("validator %d applies L1 block %d", v.Index, n), func() bool {
				got, _, err := chain.NewState(v.Store.Begin(), domain).L1Applied()
				return err == nil && got >= n
			})
		}
	}
	start(0)
	deployed, err := eth.BlockNumber(ctx)
	if err != nil {
		t.Fatal(err)
	}
	appliedBy(deployed)
	for i, v := range nodes {
		if applied[i], hashes[i], err = chain.NewState(v.Store.Begin(), domain).L1Applied(); err != nil {
			t.Fatal(err)
		}
	}
	stop()

	// Every validator is down: three plain transactions are forced.
	sender, _ := crypto.ToECDSA(crypto.Keccak256([]byte("node escape sender")))
	var items [][]byte
	for nonce := range uint64(3) {
		id := big.NewInt(1337)
		tx, err := types.SignNewTx(sender, types.LatestSignerForChainID(id), &types.DynamicFeeTx{ChainID: id, Nonce: nonce,
			GasTipCap: big.NewInt(1), GasFeeCap: big.NewInt(1), Gas: 21000, To: &common.Address{0x77}, Value: big.NewInt(5)})
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := tx.MarshalBinary()
		items = append(items, raw)
	}
	lastTime := contractstest.Enqueue(ctx, t, eth, deployer, big.NewInt(3151908), plan.ForcedInclusionQueue, items...)
	var escapeHead uint64
	waitFor(t, ctx, "L1 time past the deadline", func() bool {
		hd, err := eth.HeaderByNumber(ctx, nil)
		if err == nil && hd.Time >= lastTime+p.ForceDeadline+1 {
			escapeHead = hd.Number.Uint64()
			return true
		}
		return false
	})

	// Rollups derive them from L1 alone, in queue order.
	r := &client.L1Reader{L1: eth, Inbox: plan.BatchInbox, Registry: plan.SequencerRegistry, Domain: domain,
		Blobs: client.DirArchive(t.TempDir()), Queue: plan.ForcedInclusionQueue, Params: p}
	got, _, err := r.Read(ctx, head+1, escapeHead, common.Hash{})
	if err != nil {
		t.Fatal(err)
	}
	var derived [][]byte
	var indexes []uint64
	for _, e := range got {
		for _, x := range e.Escaped {
			derived, indexes = append(derived, x.Tx), append(indexes, x.Index)
		}
	}
	if !slices.Equal(indexes, []uint64{0, 1, 2}) || !slices.EqualFunc(derived, items, func(a, b []byte) bool { return string(a) == string(b) }) {
		t.Fatalf("derived forced items %v from L1, want 0, 1 and 2 as enqueued", indexes)
	}

	// The validators come back, catch up through the oracle and skip them.
	t.Logf("L1 blocks %d … %d to catch up (one record applies 14)", slices.Min(applied), escapeHead)
	if escapeHead-slices.Min(applied) > 14 {
		t.Fatalf("L1 blocks %d … %d are more than one record applies", slices.Min(applied), escapeHead)
	}
	start(escapeHead)
	appliedBy(escapeHead)
	for _, v := range nodes {
		st := chain.NewState(v.Store.Begin(), domain)
		for i := range uint64(3) {
			f, ok, err := st.Forced(i)
			if err != nil || !ok || f.Status != chain.ForcedEscaped || f.Slot != 0 || f.Kind != chain.ForcedPlain {
				t.Fatalf("validator %d: forced item %d %+v (%v %v), want escaped, never ordered", v.Index, i, f, ok, err)
			}
		}
	}
	h := nodes[0].Store.Height()
	agreeAt(t, ctx, nodes, h+2)
}
