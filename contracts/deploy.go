package contracts

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
)

// Addresses is where one deployment's contracts live; Veil's genesis
// holds it (l1.contracts).
type Addresses struct {
	SequencerRegistry    common.Address `json:"sequencerRegistry"`
	BatchInbox           common.Address `json:"batchInbox"`
	DepositVault         common.Address `json:"depositVault"`
	ForcedInclusionQueue common.Address `json:"forcedInclusionQueue"`
}

// named lists the addresses with their contracts' names, in deployment order.
func (a Addresses) named() []struct {
	name string
	addr common.Address
} {
	return []struct {
		name string
		addr common.Address
	}{
		{"SequencerRegistry", a.SequencerRegistry},
		{"BatchInbox", a.BatchInbox},
		{"DepositVault", a.DepositVault},
		{"ForcedInclusionQueue", a.ForcedInclusionQueue},
	}
}

// Plan is where a deployment from deployer, starting at its account nonce,
// puts the contracts: they are created by that account's next four
// transactions, registry first. Veil's genesis names the addresses and the
// contracts are bound to the genesis's hash (the EIP-712 salt), so the
// addresses are fixed before anything is sent.
func Plan(deployer common.Address, nonce uint64) Addresses {
	return Addresses{
		SequencerRegistry:    crypto.CreateAddress(deployer, nonce),
		BatchInbox:           crypto.CreateAddress(deployer, nonce+1),
		DepositVault:         crypto.CreateAddress(deployer, nonce+2),
		ForcedInclusionQueue: crypto.CreateAddress(deployer, nonce+3),
	}
}

// Deployment is what a deployment fixes.
type Deployment struct {
	Registry      SequencerRegistryConfig // its Inbox is filled in from the plan
	Members       []StatementsMember      // the genesis eon's keypers
	FirstSlot     uint64                  // batch 0's first slot
	WithdrawDelay uint64                  // seconds
	Forced        ForcedInclusionQueueConfig
	Fund          *big.Int // paid into the vault: the sum of Veil's genesis balances (nil: none)
}

// Backend is what deploying needs of an L1 client (an ethclient.Client or
// a simulated backend's client).
type Backend interface {
	bind.ContractBackend
	bind.DeployBackend
	ChainID(ctx context.Context) (*big.Int, error)
}

// Deploy creates the four contracts from key at the nonce the plan was made
// for, funds the vault, and waits until each is mined. It fails, changing
// nothing else, if the account's nonce is no longer nonce, and checks that
// every contract landed where the plan says.
func Deploy(ctx context.Context, b Backend, key *ecdsa.PrivateKey, nonce uint64, d Deployment) (Addresses, error) {
	from := crypto.PubkeyToAddress(key.PublicKey)
	plan := Plan(from, nonce)
	have, err := b.PendingNonceAt(ctx, from)
	if err != nil {
		return Addresses{}, fmt.Errorf("contracts: deployer nonce: %w", err)
	}
	if have != nonce {
		return Addresses{}, fmt.Errorf("contracts: deployer %s is at nonce %d, the plan was made for %d", from, have, nonce)
	}
	chainID, err := b.ChainID(ctx)
	if err != nil {
		return Addresses{}, fmt.Errorf("contracts: L1 chain id: %w", err)
	}
	auth, err := bind.NewKeyedTransactorWithChainID(key, chainID)
	if err != nil {
		return Addresses{}, err
	}
	auth.Context = ctx
	at := func(n uint64) *bind.TransactOpts { a := *auth; a.Nonce = new(big.Int).SetUint64(n); return &a }
	cfg := d.Registry
	cfg.Inbox = plan.BatchInbox

	// The inbox's constructor reads the registry, so the registry is mined
	// first; the rest only need addresses.
	_, tx, _, err := DeploySequencerRegistry(at(nonce), b, cfg, d.Members)
	if err != nil {
		return Addresses{}, fmt.Errorf("contracts: deploy SequencerRegistry: %w", err)
	}
	if err := waitOK(ctx, b, "deploy SequencerRegistry", tx); err != nil {
		return Addresses{}, err
	}
	_, tx, _, err = DeployBatchInbox(at(nonce+1), b, plan.SequencerRegistry, d.FirstSlot)
	if err != nil {
		return Addresses{}, fmt.Errorf("contracts: deploy BatchInbox: %w", err)
	}
	if err := waitOK(ctx, b, "deploy BatchInbox", tx); err != nil {
		return Addresses{}, err
	}
	var txs []*types.Transaction
	var what []string
	_, tx, _, err = DeployDepositVault(at(nonce+2), b, plan.BatchInbox, d.WithdrawDelay)
	if err != nil {
		return Addresses{}, fmt.Errorf("contracts: deploy DepositVault: %w", err)
	}
	txs, what = append(txs, tx), append(what, "deploy DepositVault")
	_, tx, _, err = DeployForcedInclusionQueue(at(nonce+3), b, d.Forced)
	if err != nil {
		return Addresses{}, fmt.Errorf("contracts: deploy ForcedInclusionQueue: %w", err)
	}
	txs, what = append(txs, tx), append(what, "deploy ForcedInclusionQueue")
	if d.Fund != nil && d.Fund.Sign() > 0 {
		vault, err := NewDepositVault(plan.DepositVault, b)
		if err != nil {
			return Addresses{}, err
		}
		a := at(nonce + 4)
		a.Value = d.Fund
		// Gas is given: estimating would run against a state without the vault.
		a.GasLimit = 100_000
		if tx, err = vault.Fund(a); err != nil {
			return Addresses{}, fmt.Errorf("contracts: fund the vault: %w", err)
		}
		txs, what = append(txs, tx), append(what, "fund DepositVault")
	}
	for i, tx := range txs {
		if err := waitOK(ctx, b, what[i], tx); err != nil {
			return Addresses{}, err
		}
	}
	for _, c := range plan.named() {
		if err := checkCode(ctx, b, c.name, c.addr); err != nil {
			return Addresses{}, err
		}
	}
	return plan, nil
}

// Register registers key's account as a keyper with stake, naming its
// CometBFT key and that key's proof, and waits until it is mined.
func Register(ctx context.Context, b Backend, registry common.Address, key *ecdsa.PrivateKey, cometPubKey [32]byte, cometSig []byte, stake *big.Int) error {
	chainID, err := b.ChainID(ctx)
	if err != nil {
		return fmt.Errorf("contracts: L1 chain id: %w", err)
	}
	auth, err := bind.NewKeyedTransactorWithChainID(key, chainID)
	if err != nil {
		return err
	}
	auth.Context, auth.Value = ctx, stake
	r, err := NewSequencerRegistry(registry, b)
	if err != nil {
		return err
	}
	tx, err := r.Register(auth, cometPubKey, cometSig)
	if err != nil {
		return fmt.Errorf("contracts: register %s: %w", auth.From, err)
	}
	return waitOK(ctx, b, "register "+auth.From.Hex(), tx)
}

// Want is what a genesis says of its L1.
type Want struct {
	L1ChainID   uint64
	Contracts   Addresses
	VeilChainID uint64
	Domain      common.Hash // Veil's EIP-712 domain separator (the genesis's hash is its salt)
	GenesisEon  uint64
	GenesisKey  []byte // the genesis eon's key, EIP-2537 encoded
}

// Check tells whether the L1 behind b is the one a genesis names: its chain
// id; at each address the code of this build (so no other contract, and
// no other version of ours); the contracts wired to each other; and bound
// to Veil's chain id, domain and genesis eon key. Code alone would not do:
// parameters live in storage, so a copy deployed with another key has the
// same code. It names the first thing that differs.
func Check(ctx context.Context, b Backend, w Want) error {
	id, err := b.ChainID(ctx)
	if err != nil {
		return fmt.Errorf("contracts: L1 chain id: %w", err)
	}
	if !id.IsUint64() || id.Uint64() != w.L1ChainID {
		return fmt.Errorf("contracts: the L1 is chain %s, the genesis names chain %d", id, w.L1ChainID)
	}
	at := w.Contracts
	for _, c := range at.named() {
		if err := checkCode(ctx, b, c.name, c.addr); err != nil {
			return err
		}
	}
	reg, err := NewSequencerRegistry(at.SequencerRegistry, b)
	if err != nil {
		return err
	}
	inbox, err := NewBatchInbox(at.BatchInbox, b)
	if err != nil {
		return err
	}
	vault, err := NewDepositVault(at.DepositVault, b)
	if err != nil {
		return err
	}
	o := &bind.CallOpts{Context: ctx}
	var (
		regID, inboxID     uint64
		regSep, inboxSep   [32]byte
		regInbox, inboxReg common.Address
		vaultInbox         common.Address
		genesisEon         uint64
		genesisKey         []byte
	)
	for _, read := range []struct {
		what string
		call func() error
	}{
		{"SequencerRegistry.chainId", func() (err error) { regID, err = reg.ChainId(o); return }},
		{"SequencerRegistry.domainSeparator", func() (err error) { regSep, err = reg.DomainSeparator(o); return }},
		{"SequencerRegistry.inbox", func() (err error) { regInbox, err = reg.Inbox(o); return }},
		{"SequencerRegistry.genesisEon", func() (err error) { genesisEon, err = reg.GenesisEon(o); return }},
		{"SequencerRegistry.eonKey", func() error {
			k, err := reg.EonKey(o, w.GenesisEon)
			genesisKey = k.PublicKey
			return err
		}},
		{"BatchInbox.chainId", func() (err error) { inboxID, err = inbox.ChainId(o); return }},
		{"BatchInbox.domainSeparator", func() (err error) { inboxSep, err = inbox.DomainSeparator(o); return }},
		{"BatchInbox.registry", func() (err error) { inboxReg, err = inbox.Registry(o); return }},
		{"DepositVault.inbox", func() (err error) { vaultInbox, err = vault.Inbox(o); return }},
	} {
		if err := read.call(); err != nil {
			return fmt.Errorf("contracts: %s: %w", read.what, err)
		}
	}
	switch {
	case regID != w.VeilChainID || common.Hash(regSep) != w.Domain:
		return fmt.Errorf("contracts: SequencerRegistry at %s is bound to Veil chain %d, domain %x; the genesis is chain %d, domain %x",
			at.SequencerRegistry, regID, regSep, w.VeilChainID, w.Domain)
	case inboxID != w.VeilChainID || common.Hash(inboxSep) != w.Domain:
		return fmt.Errorf("contracts: BatchInbox at %s is bound to Veil chain %d, domain %x; the genesis is chain %d, domain %x",
			at.BatchInbox, inboxID, inboxSep, w.VeilChainID, w.Domain)
	case regInbox != at.BatchInbox:
		return fmt.Errorf("contracts: SequencerRegistry at %s reads the inbox at %s, the genesis names %s", at.SequencerRegistry, regInbox, at.BatchInbox)
	case inboxReg != at.SequencerRegistry:
		return fmt.Errorf("contracts: BatchInbox at %s reads the registry at %s, the genesis names %s", at.BatchInbox, inboxReg, at.SequencerRegistry)
	case vaultInbox != at.BatchInbox:
		return fmt.Errorf("contracts: DepositVault at %s reads the inbox at %s, the genesis names %s", at.DepositVault, vaultInbox, at.BatchInbox)
	case genesisEon != w.GenesisEon || !bytes.Equal(genesisKey, w.GenesisKey):
		return fmt.Errorf("contracts: SequencerRegistry at %s holds genesis eon %d with key %x; the genesis has eon %d with key %x",
			at.SequencerRegistry, genesisEon, genesisKey, w.GenesisEon, w.GenesisKey)
	}
	return nil
}

// checkCode fails unless the code at addr is this build's code of name.
func checkCode(ctx context.Context, b bind.ContractBackend, name string, addr common.Address) error {
	want, err := CodeHash(name)
	if err != nil {
		return err
	}
	code, err := b.CodeAt(ctx, addr, nil)
	if err != nil {
		return fmt.Errorf("contracts: code of %s at %s: %w", name, addr, err)
	}
	if len(code) == 0 {
		return fmt.Errorf("contracts: no contract at %s, where the genesis puts %s", addr, name)
	}
	if got := crypto.Keccak256Hash(code); got != want {
		return fmt.Errorf("contracts: %s at %s has code hash %s, this build's is %s", name, addr, got, want)
	}
	return nil
}

// waitOK waits until tx is mined and fails if it reverted.
func waitOK(ctx context.Context, b bind.DeployBackend, what string, tx *types.Transaction) error {
	r, err := waitMined(ctx, b, tx.Hash())
	if err != nil {
		return fmt.Errorf("contracts: %s (tx %s): %w", what, tx.Hash(), err)
	}
	if r.Status != types.ReceiptStatusSuccessful {
		return fmt.Errorf("contracts: %s (tx %s) reverted, gas used %d", what, tx.Hash(), r.GasUsed)
	}
	return nil
}

// waitMined polls for a receipt every 100 ms (bind.WaitMined polls every
// second, a whole dev-chain block).
func waitMined(ctx context.Context, b bind.DeployBackend, hash common.Hash) (*types.Receipt, error) {
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for {
		r, err := b.TransactionReceipt(ctx, hash)
		if err == nil {
			return r, nil
		}
		// A node still indexing its transactions (after a restart) knows
		// no receipt yet either.
		if !errors.Is(err, ethereum.NotFound) && !strings.Contains(err.Error(), "indexing is in progress") {
			return nil, err
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-tick.C:
		}
	}
}
