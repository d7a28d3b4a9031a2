package main

import (
	"cmp"
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core"
	"github.com/spf13/cobra"

	"github.com/veil-sequencer/veil/atomicfile"
	"github.com/veil-sequencer/veil/client"
	"github.com/veil-sequencer/veil/rollup"
	"github.com/veil-sequencer/veil/wallet"
)

func newRollupCmd() *cobra.Command {
	var f rollupFlags
	cmd := &cobra.Command{
		Use:   "rollup --trust GENESIS --genesis ROLLUP-GENESIS --datadir DIR [--node URL | --l1 URL --blobs DIR] [--relay-key-file F …]",
		Short: "Run a rollup node: execute Veil's verified slots with go-ethereum and serve Ethereum JSON-RPC",
		Long: `Rollup runs Veil's reference rollup node. It follows Veil's block feed
(--node) or derives the slots from L1 alone (--l1, with the blob archive
--blobs), verifies every slot against --trust (the Veil chain's CometBFT
genesis, as veil follow does), and executes them as Ethereum blocks with
go-ethereum: the slots of each second of block time make one L2 block, in
slot order; a transaction the EVM refuses (a nonce out of turn, too little
balance, a fee cap below the base fee) is skipped and recorded with its
reason (veil_getSkipped). --genesis is the rollup's go-ethereum genesis.json
(chain id = the Veil chain's rollup chain id; veil devnet writes one).

State lives in --datadir (go-ethereum's database, an archive with each
block's state written as it is imported): a node killed at any instant
resumes after its last block.

--rpc serves the standard Ethereum JSON-RPC (eth, net, web3 and veil
namespaces) over HTTP and WebSocket on one port, eth_subscribe included.
With --relay-key-file (a hex key whose address has a deposit on Veil;
repeat it for more throughput: Veil queues at most 16 envelopes per sender,
so each key carries that many transactions in flight),
eth_sendRawTransaction checks the signed transaction (chain id, nonce,
balance, gas) against the head state, encrypts it to Veil's active eon for
a fresh identity, and submits it in an envelope the relay signs and pays:
any Ethereum wallet can send through it. Whoever runs the relay sees the
plaintext before it is encrypted: run your own for full privacy, or encrypt
on the client with veil wallet. Without a relay key the method answers an
error. --veil is the Veil node the relay submits to (default --node).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runRollup(cmd.Context(), cmd.OutOrStdout(), cmd.ErrOrStderr(), f)
		},
	}
	cmd.Flags().StringVar(&f.trust, "trust", "", "the Veil chain's CometBFT genesis document")
	cmd.Flags().StringVar(&f.genesis, "genesis", "", "the rollup's genesis.json (go-ethereum's format)")
	cmd.Flags().StringVar(&f.datadir, "datadir", "", "the rollup's database directory (resumed if it holds one)")
	cmd.Flags().StringVar(&f.node, "node", "http://127.0.0.1:8650", "the Veil node whose feed to follow")
	cmd.Flags().StringVar(&f.l1, "l1", "", "derive the slots from this L1 node instead of a feed")
	cmd.Flags().StringVar(&f.blobs, "blobs", "", "with --l1: the blob archive directory")
	cmd.Flags().Uint64Var(&f.confirmations, "l1-confirmations", 0, "with --l1: read up to this many blocks below L1's head (0: its finalized block)")
	cmd.Flags().StringVar(&f.rpc, "rpc", rollup.DefaultRPCAddress, "JSON-RPC address (HTTP and WebSocket)")
	cmd.Flags().StringArrayVar(&f.relayKeys, "relay-key-file", nil, "hex key file of a relay account whose Veil deposit pays for eth_sendRawTransaction's envelopes (repeatable)")
	cmd.Flags().StringVar(&f.veil, "veil", "", "the Veil node the relay submits to (default --node)")
	cmd.Flags().StringSliceVar(&f.vhosts, "vhosts", []string{"localhost"}, "host names HTTP requests may name in their Host header, beside IP addresses (comma-separated; a guard against DNS rebinding)")
	for _, name := range []string{"trust", "genesis", "datadir"} {
		_ = cmd.MarkFlagRequired(name)
	}
	return cmd
}

type rollupFlags struct {
	trust, genesis, datadir, node, l1, blobs, rpc, veil string
	relayKeys, vhosts                                   []string
	confirmations                                       uint64
}

func runRollup(ctx context.Context, stdout, stderr io.Writer, f rollupFlags) error {
	log := slog.New(slog.NewJSONHandler(stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	doc, err := os.ReadFile(f.trust)
	if err != nil {
		return fmt.Errorf("--trust: %w", err)
	}
	ver, err := client.FromGenesis(doc)
	if err != nil {
		return fmt.Errorf("--trust %s: %w", f.trust, err)
	}
	g, err := rollup.ReadGenesis(f.genesis, ver.Domain.ChainID)
	if err != nil {
		return fmt.Errorf("--genesis: %w", err)
	}
	cfg := rollup.Config{Dir: f.datadir, Genesis: g, RPC: f.rpc, VirtualHosts: f.vhosts, Log: log}
	if len(f.relayKeys) > 0 {
		var keys []*ecdsa.PrivateKey
		for _, path := range f.relayKeys {
			key, err := readKeyFlag("--relay-key-file", path)
			if err != nil {
				return err
			}
			keys = append(keys, key)
		}
		cfg.Relay = rollup.NewRelay(&wallet.Client{Base: strings.TrimRight(cmp.Or(f.veil, f.node), "/")}, keys, log)
	}
	n, err := rollup.Start(ctx, cfg)
	if err != nil {
		return err
	}
	defer n.Close()
	n.Executor().OnBlock = func(b rollup.Block) { printRollupBlock(stdout, b) }
	fmt.Fprintf(stdout, "rollup: chain %d, JSON-RPC at %s (WebSocket %s), next slot %d, data in %s\n", g.Config.ChainID, n.URL(), n.WSURL(), n.Executor().Next(), f.datadir)
	if f.l1 != "" {
		return followRollupL1(ctx, n, doc, f)
	}
	return n.FollowFeed(ctx, &client.Follower{Node: strings.TrimRight(f.node, "/"), Verify: ver, HTTP: &http.Client{}})
}

// followRollupL1 runs the node on slots derived from L1 alone.
func followRollupL1(ctx context.Context, n *rollup.Node, doc []byte, f rollupFlags) error {
	if f.blobs == "" {
		return errors.New("--l1 needs --blobs: L1 nodes do not serve the blobs of included transactions")
	}
	g, err := readGenesis(f.trust)
	if err != nil {
		return err
	}
	if g.app.L1 == nil {
		return fmt.Errorf("--trust %s: the network has no L1", f.trust)
	}
	l1, _, err := dialL1(ctx, f.l1, g.app.L1.ChainID)
	if err != nil {
		return err
	}
	defer l1.Close()
	r, err := client.FromL1(doc, l1, client.DirArchive(f.blobs))
	if err != nil {
		return err
	}
	r.Confirmations = f.confirmations
	return n.FollowL1(ctx, r, time.Second)
}

// printRollupBlock is the line a rollup block gets: every block with
// transactions or skips, and a quiet block every 30.
func printRollupBlock(w io.Writer, b rollup.Block) {
	if b.Txs == 0 && len(b.Skipped) == 0 && b.Number%30 != 0 {
		return
	}
	fmt.Fprintf(w, "rollup: block %d (slots %d–%d, time %d) txs %d skipped %d gas %d root %s in %v\n", b.Number, b.FirstSlot, b.LastSlot, b.Time,
		b.Txs, len(b.Skipped), b.GasUsed, b.Root.TerminalString(), b.Took.Round(time.Millisecond))
	for _, s := range b.Skipped {
		fmt.Fprintf(w, "rollup: skipped %s (slot %d): %s\n", s.Hash, s.Slot, s.Reason)
	}
}

// devRollupGenesis is the devnet's rollup genesis, in dir: written once (a
// resumed devnet reads it again), every dev account funded with
// devRollupBalance, timestamped at the Veil chain's genesis.
func devRollupGenesis(path string, chainID uint64, accounts []devAccount, at time.Time) (*core.Genesis, error) {
	if g, err := rollup.ReadGenesis(path, chainID); err == nil {
		return g, nil
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	alloc := map[common.Address]*big.Int{}
	for _, a := range accounts {
		alloc[a.Address] = new(big.Int).Set(devRollupBalance)
	}
	g, err := rollup.NewGenesis(chainID, alloc, uint64(max(at.Unix(), 0)), common.Address{})
	if err != nil {
		return nil, err
	}
	raw, err := json.MarshalIndent(g, "", "  ")
	if err != nil {
		return nil, err
	}
	if err := atomicfile.Write(path, raw, 0o644); err != nil {
		return nil, err
	}
	return g, nil
}

// devRollupBalance is what each dev account holds on the devnet's rollup:
// 1,000 ether.
var devRollupBalance = new(big.Int).Mul(big.NewInt(1000), big.NewInt(1e18))

// devRollup is the devnet's rollup node and its feed loop.
type devRollup struct {
	n    *rollup.Node
	stop context.CancelFunc
	done chan struct{}
}

// startDevRollup starts the devnet's rollup node on the feed of node,
// with relays paying for eth_sendRawTransaction.
func startDevRollup(ctx context.Context, stdout io.Writer, dir, trust, rpcAddr, node string, chainID uint64, accounts []devAccount, relays []*ecdsa.PrivateKey, log *slog.Logger) (*devRollup, error) {
	doc, err := os.ReadFile(trust)
	if err != nil {
		return nil, err
	}
	if _, err := client.FromGenesis(doc); err != nil {
		return nil, err
	}
	gf, err := readGenesis(trust)
	if err != nil {
		return nil, err
	}
	g, err := devRollupGenesis(dir+"-genesis.json", chainID, accounts, gf.doc.GenesisTime)
	if err != nil {
		return nil, fmt.Errorf("rollup genesis: %w", err)
	}
	n, err := rollup.Start(ctx, rollup.Config{Dir: dir, Genesis: g, RPC: rpcAddr, Relay: rollup.NewRelay(&wallet.Client{Base: node}, relays, log), Log: log})
	if err != nil {
		return nil, err
	}
	n.Executor().OnBlock = func(b rollup.Block) { printRollupBlock(stdout, b) }
	fctx, stop := context.WithCancel(ctx)
	r := &devRollup{n: n, stop: stop, done: make(chan struct{})}
	go func() {
		defer close(r.done)
		// A failure (a block that does not verify, an import that fails)
		// is printed and the feed read again (from the stored checkpoint,
		// the executed slots passed over): the RPC keeps serving, and the
		// devnet's output says why the head stands still.
		for fctx.Err() == nil {
			ver, err := client.FromGenesis(doc) // fresh: FollowFeed resumes it from the checkpoint
			if err != nil {
				fmt.Fprintf(stdout, "rollup: %v\n", err)
				return
			}
			err = n.FollowFeed(fctx, &client.Follower{Node: node, Verify: ver, HTTP: &http.Client{}})
			if err == nil || fctx.Err() != nil {
				return
			}
			fmt.Fprintf(stdout, "rollup: following %s: %v; retrying in 5 s\n", node, err)
			select {
			case <-fctx.Done():
			case <-time.After(5 * time.Second):
			}
		}
	}()
	return r, nil
}

// Close stops following and closes the node.
func (r *devRollup) Close() error {
	r.stop()
	<-r.done
	return r.n.Close()
}
