package contracts

import (
	"context"
	"crypto/ecdsa"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/l1dev"
	"github.com/veil-sequencer/veil/threshold/thresholdtest"
)

// TestDeployOnDevChains deploys Veil's contracts to the two real L1s a
// devnet uses, the embedded dev chain (l1dev) and a `geth --dev` process
// built from go.mod's go-ethereum, and checks each: the contracts where the
// plan put them with this build's code, a keyper registered, and Check
// naming another Veil chain.
func TestDeployOnDevChains(t *testing.T) {
	if testing.Short() {
		t.Skip("runs two L1 nodes")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	deployer, _ := crypto.ToECDSA(crypto.Keccak256([]byte("veil dev chains deployer")))
	keyper, _ := crypto.ToECDSA(crypto.Keccak256([]byte("veil dev chains keyper")))
	for _, tc := range []struct {
		name  string
		start func(t *testing.T) (url string, funded *ecdsa.PrivateKey)
	}{
		{"embedded", func(t *testing.T) (string, *ecdsa.PrivateKey) {
			alloc := map[common.Address]*big.Int{}
			for _, k := range []*ecdsa.PrivateKey{deployer, keyper} {
				alloc[crypto.PubkeyToAddress(k.PublicKey)] = new(big.Int).Lsh(big.NewInt(1), 80)
			}
			c, err := l1dev.Start(ctx, l1dev.Config{Dir: t.TempDir(), HTTP: "127.0.0.1:0", ChainID: 3151908, Alloc: alloc})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = c.Close() })
			return c.URL(), deployer
		}},
		{"geth --dev", func(t *testing.T) (string, *ecdsa.PrivateKey) {
			g, err := l1dev.StartGeth(ctx, t.TempDir(), time.Second, nil)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = g.Close() })
			return g.URL(), g.DevKey()
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			url, funded := tc.start(t)
			client, err := ethclient.DialContext(ctx, url)
			if err != nil {
				t.Fatal(err)
			}
			defer client.Close()
			from := crypto.PubkeyToAddress(funded.PublicKey)
			nonce, err := client.PendingNonceAt(ctx, from)
			if err != nil {
				t.Fatal(err)
			}
			d, err := thresholdtest.Deal(nil, 4, 3)
			if err != nil {
				t.Fatal(err)
			}
			domain := eip712.Domain{ChainID: testChainID, Salt: crypto.Keccak256Hash([]byte("a dev chain genesis"))}
			ms := members(d, crypto.PubkeyToAddress(keyper.PublicKey), common.Address{2}, common.Address{3}, common.Address{4})
			at, err := Deploy(ctx, client, funded, nonce, Deployment{
				Registry: SequencerRegistryConfig{ChainId: testChainID, Salt: domain.Salt, MinStake: testMinStake,
					ExitDelay: testExitDelay, GenesisEon: testGenesisEon, GenesisKey: d.EonKey.EIP2537()},
				Members: ms, FirstSlot: 1, WithdrawDelay: testWithdrawDelay,
				Forced: ForcedInclusionQueueConfig{MinFeePerGas: testMinFee, ForcedGas: 3_000_000, TargetGas: 3_000_000, MaxItemBytes: 140_000},
				Fund:   big.NewInt(1e18),
			})
			if err != nil {
				t.Fatal(err)
			}
			if at != Plan(from, nonce) {
				t.Fatalf("deployed at %+v, planned %+v", at, Plan(from, nonce))
			}
			id, err := client.ChainID(ctx)
			if err != nil {
				t.Fatal(err)
			}
			want := Want{L1ChainID: id.Uint64(), Contracts: at, VeilChainID: testChainID, Domain: domain.Separator(),
				GenesisEon: testGenesisEon, GenesisKey: d.EonKey.EIP2537()}
			if err := Check(ctx, client, want); err != nil {
				t.Fatal(err)
			}
			want.VeilChainID++
			if err := Check(ctx, client, want); err == nil {
				t.Fatal("Check accepted another Veil chain")
			}
			// The keyper registers (geth --dev funds only its dev account,
			// which pays the keyper's stake there).
			if tc.name == "geth --dev" {
				fund(ctx, t, client, funded, crypto.PubkeyToAddress(keyper.PublicKey), new(big.Int).Mul(testMinStake, big.NewInt(2)))
			}
			if err := Register(ctx, client, at.SequencerRegistry, keyper, [32]byte{1}, make([]byte, 64), testMinStake); err != nil {
				t.Fatal(err)
			}
			reg, err := NewSequencerRegistry(at.SequencerRegistry, client)
			if err != nil {
				t.Fatal(err)
			}
			if of, err := reg.RegistrationOf(&bind.CallOpts{Context: ctx}, crypto.PubkeyToAddress(keyper.PublicKey)); err != nil || !of.Ok {
				t.Fatalf("registrationOf: %+v %v", of, err)
			}
		})
	}
}

// fund sends value from key to to and waits for it.
func fund(ctx context.Context, t *testing.T, client *ethclient.Client, key *ecdsa.PrivateKey, to common.Address, value *big.Int) {
	t.Helper()
	id, err := client.ChainID(ctx)
	if err != nil {
		t.Fatal(err)
	}
	nonce, err := client.PendingNonceAt(ctx, crypto.PubkeyToAddress(key.PublicKey))
	if err != nil {
		t.Fatal(err)
	}
	price, err := client.SuggestGasPrice(ctx)
	if err != nil {
		t.Fatal(err)
	}
	tx, err := types.SignNewTx(key, types.LatestSignerForChainID(id), &types.LegacyTx{Nonce: nonce, GasPrice: price, Gas: 21_000, To: &to, Value: value})
	if err != nil {
		t.Fatal(err)
	}
	if err := client.SendTransaction(ctx, tx); err != nil {
		t.Fatal(err)
	}
	if err := waitOK(ctx, client, "fund", tx); err != nil {
		t.Fatal(err)
	}
}
