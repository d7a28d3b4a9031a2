package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	cmtjson "github.com/cometbft/cometbft/libs/json"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/spf13/cobra"

	"github.com/veil-sequencer/veil/atomicfile"
	"github.com/veil-sequencer/veil/chain"
	"github.com/veil-sequencer/veil/contracts"
	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/l1dev"
)

func newL1Cmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "l1",
		Short: "Veil's L1: run a dev chain, and look at a network's contracts",
		Long: `Veil is staked, funded and settled on an Ethereum L1 (protocol §9): the
SequencerRegistry (validators' stake, eon keys), the DepositVault (deposits in,
withdrawals out), the BatchInbox (committee-signed batches) and the
ForcedInclusionQueue. veil devnet deploys them to its embedded L1 by default.`,
	}
	cmd.AddCommand(newL1StatusCmd(), newL1DevCmd(), newL1DeployCmd())
	return cmd
}

func newL1StatusCmd() *cobra.Command {
	var url, genesis string
	cmd := &cobra.Command{
		Use:   "status",
		Short: "Print a network's contracts on L1: validators and stakes, the vault, the last batch, the forced queue",
		Long: `Status reads the L1 contracts that --genesis names from the L1 node at --l1
and prints the registry (each registration with its stake and state), the
vault's balance, the last accepted batch and the forced queue's length. It
first checks that the L1 is the genesis's (chain id) and that each address
holds this build's contract bound to this genesis, and says which is not.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return l1Status(cmd.Context(), cmd.OutOrStdout(), url, genesis)
		},
	}
	cmd.Flags().StringVar(&url, "l1", "http://127.0.0.1:8545", "L1 JSON-RPC URL")
	cmd.Flags().StringVar(&genesis, "genesis", "genesis.json", "the network's genesis document")
	return cmd
}

func l1Status(ctx context.Context, w io.Writer, url, genesisFile string) error {
	gf, err := readGenesis(genesisFile)
	if err != nil {
		return err
	}
	g := gf.app
	if g.L1 == nil {
		return fmt.Errorf("--genesis %s names no L1", genesisFile)
	}
	domain := eip712.Domain{ChainID: g.ChainID, Salt: gf.salt}
	client, err := ethclient.DialContext(ctx, url)
	if err != nil {
		return fmt.Errorf("--l1 %s: %w", url, err)
	}
	defer client.Close()
	at := g.L1.Contracts
	if err := contracts.Check(ctx, client, wantL1(g, domain)); err != nil {
		return err
	}
	o := &bind.CallOpts{Context: ctx}
	head, err := client.BlockNumber(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "L1 chain %d at %s, block %d\n", g.L1.ChainID, url, head)

	reg, err := contracts.NewSequencerRegistry(at.SequencerRegistry, client)
	if err != nil {
		return err
	}
	var (
		minStake, slashed *big.Int
		exitDelay, latest uint64
		count             *big.Int
	)
	calls := []func() error{
		func() (err error) { minStake, err = reg.MinStake(o); return },
		func() (err error) { exitDelay, err = reg.ExitDelay(o); return },
		func() (err error) { latest, err = reg.LatestEon(o); return },
		func() (err error) { slashed, err = reg.SlashedTotal(o); return },
		func() (err error) { count, err = reg.RegistrationCount(o); return },
	}
	for _, c := range calls {
		if err := c(); err != nil {
			return fmt.Errorf("SequencerRegistry: %w", err)
		}
	}
	fmt.Fprintf(w, "SequencerRegistry %s: %d registrations, min stake %s wei, exit delay %ds, latest eon %d, slashed %s wei\n",
		at.SequencerRegistry, count, minStake, exitDelay, latest, slashed)
	for i := int64(0); i < count.Int64(); i++ {
		r, err := reg.Registrations(o, big.NewInt(i))
		if err != nil {
			return fmt.Errorf("SequencerRegistry: %w", err)
		}
		state := "active"
		switch {
		case r.Slashed:
			state = "slashed"
		case r.Withdrawn:
			state = "withdrawn"
		case r.ExitRequestedAt != 0:
			state = "exiting since " + time.Unix(int64(r.ExitRequestedAt), 0).UTC().Format(time.RFC3339)
		}
		fmt.Fprintf(w, "  registration %d: keyper %s, CometBFT key %s, stake %s wei, %s\n", i, r.Keyper, hexutil.Encode(r.CometPubKey[:]), r.Stake, state)
	}

	vault, err := contracts.NewDepositVault(at.DepositVault, client)
	if err != nil {
		return err
	}
	bal, err := client.BalanceAt(ctx, at.DepositVault, nil)
	if err != nil {
		return err
	}
	deposits, err := vault.NextDepositIndex(o)
	if err != nil {
		return fmt.Errorf("DepositVault: %w", err)
	}
	fmt.Fprintf(w, "DepositVault %s: balance %s wei, %d deposits\n", at.DepositVault, bal, deposits)

	inbox, err := contracts.NewBatchInbox(at.BatchInbox, client)
	if err != nil {
		return err
	}
	next, err := inbox.NextIndex(o)
	if err != nil {
		return fmt.Errorf("BatchInbox: %w", err)
	}
	inCharge, err := inbox.EonInCharge(o)
	if err != nil {
		return fmt.Errorf("BatchInbox: %w", err)
	}
	frozen, err := inbox.FrozenFrom(o)
	if err != nil {
		return fmt.Errorf("BatchInbox: %w", err)
	}
	last := "no batch accepted yet"
	if next > 0 {
		b, err := inbox.Batch(o, next-1)
		if err != nil {
			return fmt.Errorf("BatchInbox: %w", err)
		}
		last = fmt.Sprintf("last accepted batch %d (header %s) at %s", next-1, common.Hash(b.Hash), time.Unix(int64(b.AcceptedTime), 0).UTC().Format(time.RFC3339))
	}
	frozenText := "withdrawals open"
	if frozen != ^uint64(0) {
		frozenText = fmt.Sprintf("withdrawals FROZEN from batch %d (a committee equivocated)", frozen)
	}
	fmt.Fprintf(w, "BatchInbox %s: %s, eon %d in charge, %s\n", at.BatchInbox, last, inCharge, frozenText)

	queue, err := contracts.NewForcedInclusionQueue(at.ForcedInclusionQueue, client)
	if err != nil {
		return err
	}
	items, err := queue.NextForcedIndex(o)
	if err != nil {
		return fmt.Errorf("ForcedInclusionQueue: %w", err)
	}
	price, err := queue.PricePerGas(o)
	if err != nil {
		return fmt.Errorf("ForcedInclusionQueue: %w", err)
	}
	fmt.Fprintf(w, "ForcedInclusionQueue %s: %d items queued, price %s wei per gas\n", at.ForcedInclusionQueue, items, price)
	return nil
}

func newL1DevCmd() *cobra.Command {
	var datadir, httpAddr, keyOut string
	var vhosts []string
	var chainID uint64
	var period time.Duration
	cmd := &cobra.Command{
		Use:   "dev",
		Short: "Run the embedded dev L1 on its own (for veil node processes and containers)",
		Long: `Dev runs the L1 that veil devnet embeds, on its own: go-ethereum's dev-mode
chain with a block every --period, its JSON-RPC (eth, net, web3) on --http,
its chain and state in --datadir (an existing one resumes). A new chain funds
a deployer key, written to --key-out (0600): give it to
veil devnet --write-configs DIR --l1 URL --l1-key FILE to deploy a network's
contracts there. Ctrl-C stops it cleanly.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if datadir == "" {
				return fmt.Errorf("--datadir: name the chain's directory")
			}
			if keyOut == "" {
				keyOut = filepath.Join(datadir, "deployer.key")
			}
			key := devDeployerKey(chainID)
			from := crypto.PubkeyToAddress(key.PublicKey)
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			c, err := l1dev.Start(ctx, l1dev.Config{Dir: datadir, HTTP: httpAddr, ChainID: chainID, Period: period,
				Alloc: map[common.Address]*big.Int{from: devL1DeployerBalance}, VirtualHosts: vhosts})
			if err != nil {
				return err
			}
			defer c.Close()
			if err := atomicfile.Write(keyOut, []byte(hexutil.Encode(crypto.FromECDSA(key))+"\n"), 0o600); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "l1: chain %d at %s, a block every %v, data in %s; deployer %s, key in %s; Ctrl-C stops\n",
				chainID, c.URL(), period, datadir, from, keyOut)
			<-ctx.Done()
			fmt.Fprintln(cmd.OutOrStdout(), "l1: stopping")
			return nil
		},
	}
	cmd.Flags().StringVar(&datadir, "datadir", "", "the chain's directory (an existing chain resumes)")
	cmd.Flags().StringVar(&httpAddr, "http", "127.0.0.1:8545", "JSON-RPC listen address")
	cmd.Flags().Uint64Var(&chainID, "chain-id", defaultL1ChainID, "the L1's chain id (not a rollup's)")
	cmd.Flags().DurationVar(&period, "period", time.Second, "block interval")
	cmd.Flags().StringVar(&keyOut, "key-out", "", "where to write the funded deployer key (default DATADIR/deployer.key)")
	cmd.Flags().StringSliceVar(&vhosts, "vhosts", []string{"localhost"}, "host names HTTP requests may name in their Host header, beside IP addresses (comma-separated; a guard against DNS rebinding)")
	return cmd
}

func newL1DeployCmd() *cobra.Command {
	var url, keyFile, genesis, minStake string
	var exitDelay, withdrawDelay time.Duration
	cmd := &cobra.Command{
		Use:   "deploy",
		Short: "Deploy a network's contracts to an L1 and print their addresses",
		Long: `Deploy creates the four contracts of the network in --genesis on the L1 at
--l1, from the funded account of --l1-key, bound to the genesis (its hash is
the contracts' signing salt), with the genesis eon's key and keypers; it
funds the vault with the genesis balances and prints the addresses.

The genesis names the contracts before it is hashed, so their addresses are
planned from the deployer's next four transactions. A genesis without an l1
section gets one: deploy writes the planned addresses into --genesis first
(do this before anyone starts the network, and hand out the genesis after).
A genesis that has one must name what the deployer's next transactions
create; one already deployed is checked instead. Validators then register
themselves with their stake.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			stake, ok := new(big.Int).SetString(minStake, 10)
			if !ok || stake.Sign() <= 0 {
				return fmt.Errorf("--min-stake %q: want a positive amount of wei", minStake)
			}
			if exitDelay < time.Second || withdrawDelay < time.Second {
				return fmt.Errorf("--exit-delay %v --withdraw-delay %v: want at least a second each", exitDelay, withdrawDelay)
			}
			terms := l1Terms{minStake: stake, exitDelay: uint64(exitDelay / time.Second), withdrawDelay: uint64(withdrawDelay / time.Second)}
			return l1Deploy(cmd.Context(), cmd.OutOrStdout(), url, keyFile, genesis, terms)
		},
	}
	cmd.Flags().StringVar(&url, "l1", "http://127.0.0.1:8545", "L1 JSON-RPC URL")
	cmd.Flags().StringVar(&keyFile, "l1-key", "", "hex secp256k1 key file (0600) of the funded deployer")
	cmd.Flags().StringVar(&genesis, "genesis", "genesis.json", "the network's genesis document (an l1 section is added if it has none)")
	cmd.Flags().StringVar(&minStake, "min-stake", "32000000000000000000", "the least stake of a registration, in wei")
	cmd.Flags().DurationVar(&exitDelay, "exit-delay", 7*24*time.Hour, "how long after its last eon retired an exiting validator waits to withdraw its stake")
	cmd.Flags().DurationVar(&withdrawDelay, "withdraw-delay", time.Hour, "how long after its batch was accepted a withdrawal waits")
	return cmd
}

func l1Deploy(ctx context.Context, w io.Writer, url, keyFile, genesisFile string, terms l1Terms) error {
	if keyFile == "" {
		return fmt.Errorf("--l1-key: name the deployer's key file")
	}
	key, err := readSecretKeyFile(keyFile)
	if err != nil {
		return fmt.Errorf("--l1-key: %w", err)
	}
	gf, err := readGenesis(genesisFile)
	if err != nil {
		return fmt.Errorf("--genesis: %w", err)
	}
	doc, g := gf.doc, gf.app
	client, err := ethclient.DialContext(ctx, url)
	if err != nil {
		return fmt.Errorf("--l1 %s: %w", url, err)
	}
	defer client.Close()
	id, err := client.ChainID(ctx)
	if err != nil {
		return fmt.Errorf("--l1 %s: %w", url, err)
	}
	if id.Uint64() == g.ChainID {
		return fmt.Errorf("--l1 %s is chain %d, the rollup's own chain id: the L1 needs another", url, id)
	}
	from := crypto.PubkeyToAddress(key.PublicKey)
	nonce, err := client.PendingNonceAt(ctx, from)
	if err != nil {
		return fmt.Errorf("--l1 %s: %w", url, err)
	}
	plan := contracts.Plan(from, nonce)
	if g.L1 == nil {
		head, err := client.BlockNumber(ctx)
		if err != nil {
			return fmt.Errorf("--l1 %s: %w", url, err)
		}
		g.L1 = &chain.GenesisL1{ChainID: id.Uint64(), Contracts: plan, StartBlock: head}
		if doc.AppState, err = json.Marshal(g); err != nil {
			return err
		}
		// The L1 oracle rides on vote extensions from height 1.
		doc.ConsensusParams.ABCI.VoteExtensionsEnableHeight = 1
		b, err := cmtjson.MarshalIndent(doc, "", "  ")
		if err != nil {
			return err
		}
		if err := atomicfile.Write(genesisFile, b, 0o644); err != nil {
			return err
		}
		fmt.Fprintf(w, "l1: wrote the planned addresses into %s (hand this genesis out)\n", genesisFile)
		// The salt is the hash of the document as written.
		if gf, err = readGenesis(genesisFile); err != nil {
			return err
		}
		g = gf.app
	}
	domain := eip712.Domain{ChainID: g.ChainID, Salt: gf.salt}
	if g.L1.ChainID != id.Uint64() {
		return fmt.Errorf("--genesis names L1 chain %d, --l1 %s is chain %d", g.L1.ChainID, url, id)
	}
	if g.L1.Contracts != plan {
		code, err := client.CodeAt(ctx, g.L1.Contracts.SequencerRegistry, nil)
		if err != nil {
			return err
		}
		if len(code) == 0 {
			return fmt.Errorf("--genesis puts the contracts at %+v; deployer %s at nonce %d would create %+v", g.L1.Contracts, from, nonce, plan)
		}
		if err := contracts.Check(ctx, client, wantL1(g, domain)); err != nil {
			return err
		}
		fmt.Fprintln(w, "l1: already deployed and checked")
	} else {
		members, err := genesisMembers(doc, g)
		if err != nil {
			return err
		}
		d, err := deployment(g, domain, members, terms)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "l1: deploying to chain %d from %s (nonce %d)\n", id, from, nonce)
		if _, err := contracts.Deploy(ctx, client, key, nonce, d); err != nil {
			return err
		}
	}
	c := g.L1.Contracts
	fmt.Fprintf(w, "SequencerRegistry    %s\nBatchInbox           %s\nDepositVault         %s\nForcedInclusionQueue %s\n",
		c.SequencerRegistry, c.BatchInbox, c.DepositVault, c.ForcedInclusionQueue)
	return nil
}
