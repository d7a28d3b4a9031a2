package main

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"os"
	"path/filepath"
	"time"

	cmttypes "github.com/cometbft/cometbft/types"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	ethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/veil-sequencer/veil/chain"
	"github.com/veil-sequencer/veil/contracts"
	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/l1dev"
	"github.com/veil-sequencer/veil/node"
)

// defaultL1ChainID is the embedded L1's chain id: not the rollup's
// (defaultChainID), so nothing signed for one replays on the other.
const defaultL1ChainID = 3151908

// The devnet's L1 parameters: stake and delays short enough to watch.
var (
	devMinStake          = devBond
	devExitDelay         = uint64(10 * 60) // s: longer than CometBFT's evidence age in a devnet
	devWithdrawDelay     = uint64(10)      // s: a devnet's withdrawals are claimed in seconds
	devEpochSlots        = uint64(60)      // a devnet's epoch (protocol §10): 30 s at 500 ms
	devL1AccountBalance  = new(big.Int).Mul(big.NewInt(1000), big.NewInt(1e18))
	devL1DeployerBalance = new(big.Int).Mul(big.NewInt(1_000_000), big.NewInt(1e18))
	devKeyperGas         = big.NewInt(1e18) // what a keyper gets on L1 for gas, beside its stake
)

// devL1Confirmations is how deep below the head a dev L1 block counts as
// final: its finalized tag moves only every 32 blocks.
const devL1Confirmations = 2

// l1Flags choose a devnet's L1.
type l1Flags struct {
	url     string // an external L1; none: the embedded one
	keyFile string // the external L1's funded deployer key
	http    string // the embedded L1's JSON-RPC address
	chainID uint64 // the embedded L1's chain id
}

// devnetL1 is the devnet.json entry for its L1.
type devnetL1 struct {
	RPC       string              `json:"rpc"`
	ChainID   uint64              `json:"chainId"`
	Contracts contracts.Addresses `json:"contracts"`
}

// devL1 is a devnet's L1 while it runs: the embedded chain (nil for an
// external one), a client, and the deployer.
type devL1 struct {
	embedded *l1dev.Chain
	client   *ethclient.Client
	url      string
	chainID  uint64
	deployer *ecdsa.PrivateKey
}

func (l *devL1) Close() error {
	l.client.Close()
	if l.embedded != nil {
		return l.embedded.Close()
	}
	return nil
}

// devDeployerKey is the embedded L1's deployer, derived from its chain id
// so runs repeat.
func devDeployerKey(l1ChainID uint64) *ecdsa.PrivateKey {
	k, err := crypto.ToECDSA(crypto.Keccak256([]byte("veil devnet L1 deployer"), new(big.Int).SetUint64(l1ChainID).Bytes()))
	if err != nil {
		panic(err) // a keccak256 output is a valid key but with negligible probability
	}
	return k
}

// openDevL1 starts the embedded L1 in dir/l1 (or resumes it), funding the
// dev accounts and the deployer when it is created, or connects to the
// external one f names.
func openDevL1(ctx context.Context, dir string, f l1Flags, accounts []devAccount, log *slog.Logger) (*devL1, error) {
	l := &devL1{}
	if f.url == "" {
		l.deployer = devDeployerKey(f.chainID)
		alloc := map[common.Address]*big.Int{crypto.PubkeyToAddress(l.deployer.PublicKey): devL1DeployerBalance}
		for _, a := range accounts {
			alloc[a.Address] = devL1AccountBalance
		}
		var err error
		l.embedded, err = l1dev.Start(ctx, l1dev.Config{Dir: filepath.Join(dir, "l1"), HTTP: f.http, ChainID: f.chainID,
			Period: time.Second, Alloc: alloc, Log: log})
		if err != nil {
			return nil, fmt.Errorf("embedded L1: %w", err)
		}
		l.url = l.embedded.URL()
	} else {
		if f.keyFile == "" {
			return nil, errors.New("--l1 needs --l1-key, a funded key file to deploy with")
		}
		key, err := readSecretKeyFile(f.keyFile)
		if err != nil {
			return nil, fmt.Errorf("--l1-key: %w", err)
		}
		l.deployer, l.url = key, f.url
	}
	client, err := ethclient.DialContext(ctx, l.url)
	if err == nil {
		var id *big.Int
		if id, err = client.ChainID(ctx); err == nil {
			l.client, l.chainID = client, id.Uint64()
			return l, nil
		}
		client.Close()
	}
	if l.embedded != nil {
		_ = l.embedded.Close()
	}
	return nil, fmt.Errorf("L1 %s: %w", l.url, err)
}

// plan is where a new network's contracts will be: the deployer's next
// four creations.
func (l *devL1) plan(ctx context.Context) (*chain.GenesisL1, error) {
	nonce, err := l.client.PendingNonceAt(ctx, crypto.PubkeyToAddress(l.deployer.PublicKey))
	if err != nil {
		return nil, fmt.Errorf("L1 deployer nonce: %w", err)
	}
	head, err := l.client.BlockNumber(ctx)
	if err != nil {
		return nil, fmt.Errorf("L1 head: %w", err)
	}
	return &chain.GenesisL1{ChainID: l.chainID, Contracts: contracts.Plan(crypto.PubkeyToAddress(l.deployer.PublicKey), nonce), StartBlock: head}, nil
}

// ensure brings the L1 to the network's genesis: it deploys the contracts
// if they are not there yet (a devnet stopped between writing its genesis
// and deploying resumes here), registers every genesis validator that is
// not yet registered, and then checks the chain id, the contracts' code
// and their binding to this genesis.
func (l *devL1) ensure(ctx context.Context, stdout io.Writer, nw *node.Network, dir string) (*chain.GenesisL1, error) {
	gf, err := readGenesis(filepath.Join(nw.Dir, nw.GenesisFile))
	if err != nil {
		return nil, err
	}
	g := gf.app
	if g.L1 == nil {
		return nil, fmt.Errorf("the genesis in %s names no L1 (a network made before Veil had one): start a new --datadir", nw.Dir)
	}
	if g.L1.ChainID != l.chainID {
		return nil, fmt.Errorf("the genesis names L1 chain %d, %s is chain %d", g.L1.ChainID, l.url, l.chainID)
	}
	domain := eip712.Domain{ChainID: nw.ChainID, Salt: gf.salt}
	code, err := l.client.CodeAt(ctx, g.L1.Contracts.SequencerRegistry, nil)
	if err != nil {
		return nil, fmt.Errorf("L1: %w", err)
	}
	if len(code) == 0 {
		if err := l.deploy(ctx, stdout, gf, domain); err != nil {
			return nil, err
		}
	}
	if err := l.registerValidators(ctx, stdout, nw, g, dir); err != nil {
		return nil, err
	}
	if err := contracts.Check(ctx, l.client, wantL1(g, domain)); err != nil {
		return nil, err
	}
	return g.L1, nil
}

// l1Terms are the deployment's parameters a genesis does not fix.
type l1Terms struct {
	minStake                 *big.Int
	exitDelay, withdrawDelay uint64 // seconds
}

// devTerms are the devnet's: stake and delays short enough to watch.
var devTerms = l1Terms{minStake: devMinStake, exitDelay: devExitDelay, withdrawDelay: devWithdrawDelay}

// deployment is what a network's genesis and terms fix of its contracts.
func deployment(g *chain.Genesis, domain eip712.Domain, members []contracts.StatementsMember, terms l1Terms) (contracts.Deployment, error) {
	p := g.NetworkParams()
	fund := new(big.Int)
	for _, a := range g.Accounts {
		v, ok := new(big.Int).SetString(a.Deposit, 10)
		if !ok {
			return contracts.Deployment{}, fmt.Errorf("genesis account %s: deposit %q", a.Address, a.Deposit)
		}
		fund.Add(fund, v)
	}
	for _, b := range g.Builders {
		v, ok := new(big.Int).SetString(b.Collateral, 10)
		if !ok {
			return contracts.Deployment{}, fmt.Errorf("genesis builder %s: collateral %q", b.Address, b.Collateral)
		}
		fund.Add(fund, v)
	}
	return contracts.Deployment{
		Registry: contracts.SequencerRegistryConfig{ChainId: g.ChainID, Salt: domain.Salt, MinStake: terms.minStake,
			ExitDelay: terms.exitDelay, GenesisEon: g.Eon.Eon, GenesisKey: g.Eon.PublicKey.EIP2537()},
		Members:       members,
		FirstSlot:     1,
		WithdrawDelay: terms.withdrawDelay,
		Forced: contracts.ForcedInclusionQueueConfig{MinFeePerGas: p.MinFeePerGas, ForcedGas: p.ForcedGas(),
			TargetGas: p.InclusionReserve / 2, MaxItemBytes: uint32(2*p.MaxCiphertextSize + 4096)},
		Fund: fund,
	}, nil
}

// genesisMembers are the genesis eon's keypers with their validators'
// CometBFT keys, as the genesis document pairs them (a validator names its
// keyper's address).
func genesisMembers(doc *cmttypes.GenesisDoc, g *chain.Genesis) ([]contracts.StatementsMember, error) {
	byAddress := map[string][32]byte{}
	for _, v := range doc.Validators {
		pub := v.PubKey.Bytes()
		if len(pub) != 32 {
			return nil, fmt.Errorf("genesis validator %s: a %d-byte key, not ed25519", v.Address, len(pub))
		}
		byAddress[v.Address.String()] = [32]byte(pub)
	}
	keys := make([][32]byte, len(g.Eon.Keypers))
	for i, k := range g.Eon.Keypers {
		found := false
		for _, v := range g.Validators {
			if v.Keyper == k.Address {
				keys[i], found = byAddress[v.Address.String()]
				break
			}
		}
		if !found {
			return nil, fmt.Errorf("genesis eon keyper %s has no validator with a CometBFT key", k.Address)
		}
	}
	return contracts.Members(g.Eon, keys)
}

func (l *devL1) deploy(ctx context.Context, stdout io.Writer, gf *genesisFile, domain eip712.Domain) error {
	g := gf.app
	from := crypto.PubkeyToAddress(l.deployer.PublicKey)
	nonce, err := l.client.PendingNonceAt(ctx, from)
	if err != nil {
		return fmt.Errorf("L1 deployer nonce: %w", err)
	}
	if contracts.Plan(from, nonce) != g.L1.Contracts {
		return fmt.Errorf("the genesis puts the contracts at %+v, which deployer %s (at nonce %d) cannot create any more", g.L1.Contracts, from, nonce)
	}
	members, err := genesisMembers(gf.doc, g)
	if err != nil {
		return err
	}
	d, err := deployment(g, domain, members, devTerms)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "devnet: deploying the contracts to L1 chain %d from %s\n", l.chainID, from)
	if _, err := contracts.Deploy(ctx, l.client, l.deployer, nonce, d); err != nil {
		return err
	}
	return nil
}

// registerValidators registers each genesis validator's keyper on L1 with
// devMinStake, its CometBFT key and that key's proof, paying its stake and
// gas from the deployer first.
func (l *devL1) registerValidators(ctx context.Context, stdout io.Writer, nw *node.Network, g *chain.Genesis, dir string) error {
	reg, err := contracts.NewSequencerRegistry(g.L1.Contracts.SequencerRegistry, l.client)
	if err != nil {
		return err
	}
	for i, k := range g.Eon.Keypers {
		have, err := reg.RegistrationOf(&bind.CallOpts{Context: ctx}, k.Address)
		if err != nil {
			return fmt.Errorf("L1 registry: %w", err)
		}
		if have.Ok {
			continue
		}
		key, err := readSecretKeyFile(keyperKeyFile(dir, i))
		if err != nil {
			return err
		}
		if crypto.PubkeyToAddress(key.PublicKey) != k.Address {
			return fmt.Errorf("validator %d's keyper key is %s, the genesis eon names %s", i, crypto.PubkeyToAddress(key.PublicKey), k.Address)
		}
		need := new(big.Int).Add(devMinStake, devKeyperGas)
		if err := l.topUp(ctx, k.Address, need); err != nil {
			return err
		}
		comet, err := nw.CometKey(i)
		if err != nil {
			return err
		}
		sig, err := comet.Sign(contracts.RegistrationMessage(l.chainID, g.L1.Contracts.SequencerRegistry, k.Address))
		if err != nil {
			return err
		}
		if err := contracts.Register(ctx, l.client, g.L1.Contracts.SequencerRegistry, key, [32]byte(comet.PubKey().Bytes()), sig, devMinStake); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "devnet: validator %d registered on L1 as keyper %s with %s wei\n", i, k.Address, devMinStake)
	}
	return nil
}

// registerStandby registers each standby node of nw on L1 (protocol §10),
// as veil validator register does: its keyper key staking devMinStake
// with its CometBFT key's proof. One registered already is left alone.
func (l *devL1) registerStandby(ctx context.Context, stdout io.Writer, nw *node.Network, g *chain.GenesisL1, dir string) error {
	reg, err := contracts.NewSequencerRegistry(g.Contracts.SequencerRegistry, l.client)
	if err != nil {
		return err
	}
	for _, n := range nw.Nodes {
		if !n.Standby {
			continue
		}
		key, err := readSecretKeyFile(keyperKeyFile(dir, n.Index))
		if err != nil {
			return err
		}
		addr := crypto.PubkeyToAddress(key.PublicKey)
		if have, err := reg.RegistrationOf(&bind.CallOpts{Context: ctx}, addr); err != nil {
			return fmt.Errorf("L1 registry: %w", err)
		} else if have.Ok {
			continue
		}
		if err := l.topUp(ctx, addr, new(big.Int).Add(devMinStake, devKeyperGas)); err != nil {
			return err
		}
		comet, err := nw.CometKey(n.Index)
		if err != nil {
			return err
		}
		sig, err := comet.Sign(contracts.RegistrationMessage(l.chainID, g.Contracts.SequencerRegistry, addr))
		if err != nil {
			return err
		}
		if err := contracts.Register(ctx, l.client, g.Contracts.SequencerRegistry, key, [32]byte(comet.PubKey().Bytes()), sig, devMinStake); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "devnet: standby node %d registered on L1 as keyper %s with %s wei: it joins at the next epoch\n", n.Index, addr, devMinStake)
	}
	return nil
}

// topUp sends to from the deployer what it lacks of want.
func (l *devL1) topUp(ctx context.Context, to common.Address, want *big.Int) error {
	have, err := l.client.BalanceAt(ctx, to, nil)
	if err != nil {
		return fmt.Errorf("L1 balance of %s: %w", to, err)
	}
	if have.Cmp(want) >= 0 {
		return nil
	}
	from := crypto.PubkeyToAddress(l.deployer.PublicKey)
	nonce, err := l.client.PendingNonceAt(ctx, from)
	if err != nil {
		return err
	}
	tip, err := l.client.SuggestGasTipCap(ctx)
	if err != nil {
		return err
	}
	head, err := l.client.HeaderByNumber(ctx, nil)
	if err != nil {
		return err
	}
	feeCap := new(big.Int).Add(tip, new(big.Int).Mul(head.BaseFee, big.NewInt(2)))
	tx, err := ethtypes.SignNewTx(l.deployer, ethtypes.LatestSignerForChainID(new(big.Int).SetUint64(l.chainID)), &ethtypes.DynamicFeeTx{
		ChainID: new(big.Int).SetUint64(l.chainID), Nonce: nonce, GasTipCap: tip, GasFeeCap: feeCap, Gas: 21_000,
		To: &to, Value: new(big.Int).Sub(want, have)})
	if err != nil {
		return err
	}
	if err := l.client.SendTransaction(ctx, tx); err != nil {
		return fmt.Errorf("L1 transfer to %s: %w", to, err)
	}
	_, err = landed(ctx, l.client, tx, "transfer to "+to.Hex())
	return err
}

// landed waits for an L1 transaction's receipt: an error naming what it
// was (what) if it failed to land or reverted.
func landed(ctx context.Context, client bind.DeployBackend, tx *ethtypes.Transaction, what string) (*ethtypes.Receipt, error) {
	r, err := bind.WaitMined(ctx, client, tx)
	if err != nil {
		return nil, fmt.Errorf("L1 %s (%s): %w", what, tx.Hash(), err)
	}
	if r.Status != ethtypes.ReceiptStatusSuccessful {
		return nil, fmt.Errorf("L1 %s (%s) reverted", what, tx.Hash())
	}
	return r, nil
}

// genesisFile is a genesis document as Veil reads it: CometBFT's document,
// its Veil app state, and the keccak256 of its bytes (Veil's signing salt,
// to which the L1 contracts are bound).
type genesisFile struct {
	doc  *cmttypes.GenesisDoc
	app  *chain.Genesis
	salt common.Hash
}

// readGenesis reads a genesis document once for all three.
func readGenesis(path string) (*genesisFile, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("genesis %s: %w", path, err)
	}
	doc, err := cmttypes.GenesisDocFromJSON(raw)
	if err != nil {
		return nil, fmt.Errorf("genesis %s: %w", path, err)
	}
	var g chain.Genesis
	if err := json.Unmarshal(doc.AppState, &g); err != nil {
		return nil, fmt.Errorf("genesis %s: app state: %w", path, err)
	}
	if g.Eon == nil || g.Eon.PublicKey == nil {
		return nil, fmt.Errorf("genesis %s has no eon key", path)
	}
	return &genesisFile{doc: doc, app: &g, salt: crypto.Keccak256Hash(raw)}, nil
}

// l1Line is the devnet's line saying where its L1 and contracts are.
func l1Line(l *devL1, g *chain.GenesisL1) string {
	kind := "external"
	if l.embedded != nil {
		kind = "embedded"
	}
	c := g.Contracts
	return fmt.Sprintf("devnet: L1 (%s) chain %d at %s; SequencerRegistry %s, BatchInbox %s, DepositVault %s, ForcedInclusionQueue %s",
		kind, g.ChainID, l.url, c.SequencerRegistry, c.BatchInbox, c.DepositVault, c.ForcedInclusionQueue)
}

// wantL1 is what a genesis says of its L1, for contracts.Check.
func wantL1(g *chain.Genesis, domain eip712.Domain) contracts.Want {
	return contracts.Want{L1ChainID: g.L1.ChainID, Contracts: g.L1.Contracts, VeilChainID: g.ChainID,
		Domain: domain.Separator(), GenesisEon: g.Eon.Eon, GenesisKey: g.Eon.PublicKey.EIP2537()}
}
