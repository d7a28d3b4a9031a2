package main

import (
	"cmp"
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"io"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/spf13/cobra"

	"github.com/veil-sequencer/veil/contracts"
	"github.com/veil-sequencer/veil/node"
)

func newValidatorCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "validator",
		Short: "Join or leave a network's validator set on L1 (protocol §10)",
		Long: `Validators come from the network's SequencerRegistry on L1: a node
registers there with its stake, its keyper address and its CometBFT key, and
the chain computes the next validator set from the registrations at every
epoch boundary (GET /v1/validators shows it). Both subcommands read the
node's veil.toml (--config) for its keys and genesis, and pay from the
keyper's L1 account.`,
	}
	var cfgPath, l1URL, stakeFlag string
	var timeout time.Duration
	register := &cobra.Command{
		Use:   "register --config F --l1 URL --stake WEI",
		Short: "Stake on L1 with this node's CometBFT and keyper keys",
		Long: `Register sends SequencerRegistry.register from the keyper's L1 account
(keyper_key_file) with --stake wei (at least the registry's minStake), naming
the node's CometBFT validator key (home's config/priv_validator_key.json)
with that key's ed25519 proof over "veil/register/v1" ‖ L1 chain id ‖
registry ‖ keyper, which Veil checks when it applies the registration. It
prints the registration's number. A keyper registers once.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			stake, ok := new(big.Int).SetString(stakeFlag, 10)
			if !ok || stake.Sign() <= 0 || stake.BitLen() > 256 {
				return fmt.Errorf("--stake %q: want a positive decimal amount of wei", stakeFlag)
			}
			ctx, cancel := context.WithTimeout(cmd.Context(), timeout)
			defer cancel()
			v, err := openValidator(ctx, cfgPath, l1URL)
			if err != nil {
				return err
			}
			defer v.l1.Close()
			return v.register(ctx, cmd.OutOrStdout(), stake)
		},
	}
	exit := &cobra.Command{
		Use:   "exit --config F --l1 URL",
		Short: "Ask to leave the validator set",
		Long: `Exit sends SequencerRegistry.requestExit from the keyper's L1 account:
the next epoch boundary leaves the node out of the next set. Its stake stays
on L1 until every eon it is a member of has retired and the registry's exit
delay has passed; the node keeps serving those eons until then.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx, cancel := context.WithTimeout(cmd.Context(), timeout)
			defer cancel()
			v, err := openValidator(ctx, cfgPath, l1URL)
			if err != nil {
				return err
			}
			defer v.l1.Close()
			return v.exit(ctx, cmd.OutOrStdout())
		},
	}
	for _, c := range []*cobra.Command{register, exit} {
		c.Flags().StringVar(&cfgPath, "config", "veil.toml", "the node's configuration (its keys and genesis)")
		c.Flags().StringVar(&l1URL, "l1", "", "JSON-RPC URL of the L1 the genesis names")
		c.Flags().DurationVar(&timeout, "timeout", 2*time.Minute, "give up after this long")
		_ = c.MarkFlagRequired("l1")
	}
	register.Flags().StringVar(&stakeFlag, "stake", "", "stake in wei (at least the registry's minStake)")
	_ = register.MarkFlagRequired("stake")
	cmd.AddCommand(register, exit)
	return cmd
}

// validatorL1 is a node's keys and its network's registry on L1.
type validatorL1 struct {
	l1       *ethclient.Client
	l1Chain  uint64
	registry *contracts.SequencerRegistry
	at       contracts.Addresses
	keyper   *ecdsa.PrivateKey
	home     string // CometBFT home
}

func openValidator(ctx context.Context, cfgPath, l1URL string) (*validatorL1, error) {
	c, err := loadNodeConfig(cfgPath)
	if err != nil {
		return nil, err
	}
	if c.KeyperKey == "" {
		return nil, fmt.Errorf("--config %s: no keyper_key_file: a validator is a keyper, and its key pays on L1", cfgPath)
	}
	keyper, err := readSecretKeyFile(c.KeyperKey)
	if err != nil {
		return nil, err
	}
	g, err := readGenesis(c.Genesis)
	if err != nil {
		return nil, err
	}
	if g.app.L1 == nil {
		return nil, fmt.Errorf("--config %s: the network's genesis names no L1: its validators are fixed", cfgPath)
	}
	l1, _, err := dialL1(ctx, l1URL, g.app.L1.ChainID)
	if err != nil {
		return nil, err
	}
	reg, err := contracts.NewSequencerRegistry(g.app.L1.Contracts.SequencerRegistry, l1)
	if err != nil {
		l1.Close()
		return nil, err
	}
	return &validatorL1{l1: l1, l1Chain: g.app.L1.ChainID, registry: reg, at: g.app.L1.Contracts, keyper: keyper, home: c.Home}, nil
}

func (v *validatorL1) register(ctx context.Context, w io.Writer, stake *big.Int) error {
	from := crypto.PubkeyToAddress(v.keyper.PublicKey)
	o := &bind.CallOpts{Context: ctx}
	if have, err := v.registry.RegistrationOf(o, from); err != nil {
		return fmt.Errorf("L1 registry: %w", err)
	} else if have.Ok {
		return fmt.Errorf("keyper %s is registration %d already", from, have.Registration)
	}
	if least, err := v.registry.MinStake(o); err != nil {
		return fmt.Errorf("L1 registry: %w", err)
	} else if stake.Cmp(least) < 0 {
		return fmt.Errorf("--stake %s: the registry takes at least %s wei", stake, least)
	}
	comet, err := node.CometKeyAt(v.home)
	if err != nil {
		return err
	}
	pub := comet.PubKey().Bytes()
	if len(pub) != 32 {
		return fmt.Errorf("the CometBFT key is %s, not ed25519", comet.Type())
	}
	sig, err := comet.Sign(contracts.RegistrationMessage(v.l1Chain, v.at.SequencerRegistry, from))
	if err != nil {
		return err
	}
	if err := contracts.Register(ctx, v.l1, v.at.SequencerRegistry, v.keyper, [32]byte(pub), sig, stake); err != nil {
		return err
	}
	have, err := v.registry.RegistrationOf(o, from)
	if err != nil || !have.Ok {
		return cmp.Or(err, errors.New("L1 registry: the registration is not there after it landed"))
	}
	_, err = fmt.Fprintf(w, "registered: registration %d, keyper %s, CometBFT validator %X, stake %s wei; the next epoch boundary counts it once Veil applies it\n",
		have.Registration, from, comet.PubKey().Address(), stake)
	return err
}

func (v *validatorL1) exit(ctx context.Context, w io.Writer) error {
	from := crypto.PubkeyToAddress(v.keyper.PublicKey)
	o := &bind.CallOpts{Context: ctx}
	have, err := v.registry.RegistrationOf(o, from)
	if err != nil {
		return fmt.Errorf("L1 registry: %w", err)
	}
	if !have.Ok {
		return fmt.Errorf("keyper %s has no registration", from)
	}
	auth, err := bind.NewKeyedTransactorWithChainID(v.keyper, new(big.Int).SetUint64(v.l1Chain))
	if err != nil {
		return err
	}
	auth.Context = ctx
	tx, err := v.registry.RequestExit(auth)
	if err != nil {
		return fmt.Errorf("requestExit: %w", err) // the registry's error (AlreadyExiting, …) is in it
	}
	r, err := bind.WaitMined(ctx, v.l1, tx)
	if err != nil {
		return fmt.Errorf("requestExit (tx %s): %w", tx.Hash(), err)
	}
	if r.Status != 1 {
		return fmt.Errorf("requestExit (tx %s) reverted", tx.Hash())
	}
	_, err = fmt.Fprintf(w, "exit requested: registration %d in L1 block %d; the next epoch boundary leaves it out, its stake stays until its eons retire\n",
		have.Registration, r.BlockNumber)
	return err
}
