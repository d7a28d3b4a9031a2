package node

import (
	"context"
	"fmt"
	"log/slog"
	"math/big"
	"net"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/veil-sequencer/veil/chain"
	"github.com/veil-sequencer/veil/contracts"
	"github.com/veil-sequencer/veil/eon"
	"github.com/veil-sequencer/veil/l1dev"
	"github.com/veil-sequencer/veil/oracle"
	"github.com/veil-sequencer/veil/threshold/thresholdtest"
)

// TestL1Oracle runs four validators on a network anchored on the embedded
// L1. Validator 3's view of L1 is faulty the whole time — its L1 endpoint
// is down, or its view lies about every block's events: the chain goes on,
// and deposits made on L1 are credited by every validator alike, agreed by
// the three that see L1 right. The L1 then restarts, and a deposit made
// after it is credited too.
func TestL1Oracle(t *testing.T) {
	if testing.Short() {
		t.Skip("runs an L1 and four validators")
	}
	for _, fault := range []string{"down", "lying"} {
		t.Run(fault, func(t *testing.T) { testL1Oracle(t, fault) })
	}
}

// lyingView attests another events root for every block it has.
type lyingView struct{ *l1Reader }

func (v lyingView) After(applied uint64, max int) []oracle.Attestation {
	atts := v.l1Reader.After(applied, max)
	for i := range atts {
		atts[i].EventsRoot = crypto.Keccak256Hash(atts[i].EventsRoot[:])
	}
	return atts
}

func testL1Oracle(t *testing.T, fault string) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	log := slog.New(slog.DiscardHandler)
	deployer, _ := crypto.ToECDSA(crypto.Keccak256([]byte("node l1 deployer")))
	from := crypto.PubkeyToAddress(deployer.PublicKey)
	l1Dir, port := t.TempDir(), freePort(t)
	startL1Chain := func() *l1dev.Chain {
		c, err := l1dev.Start(ctx, l1dev.Config{Dir: l1Dir, HTTP: fmt.Sprintf("127.0.0.1:%d", port), ChainID: 3151908,
			Alloc: map[common.Address]*big.Int{from: new(big.Int).Lsh(big.NewInt(1), 90)}})
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	l1 := startL1Chain()
	defer func() { _ = l1.Close() }()
	client, err := ethclient.DialContext(ctx, l1.URL())
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()

	d, err := thresholdtest.Deal(nil, 1, 1)
	if err != nil {
		t.Fatal(err)
	}
	info := &eon.Info{Eon: 1, PublicKey: d.EonKey, Threshold: 1, ChainID: 1337,
		Keypers: []eon.Keyper{{Index: 1, Address: common.Address{1}, PublicKeyShare: d.PublicShares[0]}}}
	head, err := client.BlockNumber(ctx)
	if err != nil {
		t.Fatal(err)
	}
	plan := contracts.Plan(from, 0)
	g := chain.Genesis{ChainID: 1337, Eon: info, L1: &chain.GenesisL1{ChainID: 3151908, Contracts: plan, StartBlock: head}}
	nw, err := CreateNetwork(NetworkConfig{Dir: t.TempDir(), Validators: 4, ChainID: 1337, BlockTime: 500 * time.Millisecond, AppState: g, Bond: big.NewInt(1)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := contracts.Deploy(ctx, client, deployer, 0, contracts.Deployment{
		Registry: contracts.SequencerRegistryConfig{ChainId: 1337, Salt: nw.DomainSalt(), MinStake: big.NewInt(1), ExitDelay: 60,
			GenesisEon: 1, GenesisKey: d.EonKey.EIP2537()},
		Members:   []contracts.StatementsMember{{Keyper: common.Address{1}, CometPubKey: common.Hash{1}, PublicShare: d.PublicShares[0].Bytes()}},
		FirstSlot: 1, WithdrawDelay: 60,
		Forced: contracts.ForcedInclusionQueueConfig{MinFeePerGas: big.NewInt(1), ForcedGas: 3_000_000, TargetGas: 3_000_000, MaxItemBytes: 1 << 16},
	}); err != nil {
		t.Fatal(err)
	}

	nodes := make([]*Validator, 4)
	readers := make([]*l1Reader, 4)
	defer func() {
		for i, n := range nodes {
			if n != nil {
				_ = n.Stop()
			}
			if readers[i] != nil {
				readers[i].Close()
			}
		}
		nw.WaitClosed()
	}()
	for i := range nodes {
		if nodes[i], err = nw.StartNode(i, log, nil, WithKeys(thresholdtest.Keys{Dealing: d, ChainID: 1337})); err != nil {
			t.Fatal(err)
		}
		url := l1.URL()
		if i == 3 && fault == "down" {
			url = "http://127.0.0.1:1"
		}
		if readers[i], err = startL1(nw.L1(), L1Source{URL: url, Confirmations: 2}, head, common.Hash{}, log); err != nil {
			t.Fatal(err)
		}
		var view chain.L1View = readers[i]
		if i == 3 && fault == "lying" {
			view = lyingView{readers[i]}
		}
		nodes[i].App.AttachL1(view)
	}

	vault, err := contracts.NewDepositVault(plan.DepositVault, client)
	if err != nil {
		t.Fatal(err)
	}
	depositAndWait := func(account common.Address, wei *big.Int, want *big.Int) {
		t.Helper()
		auth, _ := bind.NewKeyedTransactorWithChainID(deployer, big.NewInt(3151908))
		auth.Context, auth.Value = ctx, wei
		tx, err := vault.Deposit(auth, account)
		if err != nil {
			t.Fatal(err)
		}
		r, err := bind.WaitMined(ctx, client, tx)
		if err != nil || r.Status != 1 {
			t.Fatalf("deposit: %v %+v", err, r)
		}
		deadline := time.Now().Add(60 * time.Second)
		for {
			done := true
			for _, n := range nodes {
				st := chain.NewState(n.Store.Begin(), nw.Params().Domain)
				applied, _, err := st.L1Applied()
				acct, err2 := st.Account(account)
				if err != nil || err2 != nil {
					t.Fatal(err, err2)
				}
				if applied < r.BlockNumber.Uint64() || acct.Deposit.Cmp(want) != 0 {
					done = false
				}
			}
			if done {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("the deposit in L1 block %d was not credited by every validator", r.BlockNumber)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	alice := common.Address{0xa1}
	depositAndWait(alice, big.NewInt(5e17), big.NewInt(5e17))
	height, _ := nodes[0].Store.Committed()
	agreeAt(t, ctx, nodes, height)
	if n, err := chain.NewState(nodes[0].Store.Begin(), nw.Params().Domain).L1Skipped(); err != nil || n != 0 {
		t.Fatalf("%d events skipped (%v)", n, err)
	}

	// The L1 restarts on the same data and port; the watchers ride it out.
	if err := l1.Close(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(2 * time.Second)
	l1 = startL1Chain()
	client.Close()
	if client, err = ethclient.DialContext(ctx, l1.URL()); err != nil {
		t.Fatal(err)
	}
	if vault, err = contracts.NewDepositVault(plan.DepositVault, client); err != nil {
		t.Fatal(err)
	}
	depositAndWait(alice, big.NewInt(5e17), big.NewInt(1e18))
	height, _ = nodes[0].Store.Committed()
	agreeAt(t, ctx, nodes, height)
}

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}
