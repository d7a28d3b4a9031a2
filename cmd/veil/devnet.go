package main

import (
	"context"
	"crypto/ecdsa"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"net"
	"net/http"
	"net/http/pprof"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strconv"
	"sync"
	"time"

	"github.com/cometbft/cometbft/types"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/spf13/cobra"

	"github.com/veil-sequencer/veil/atomicfile"
	"github.com/veil-sequencer/veil/builder"
	"github.com/veil-sequencer/veil/chain"
	"github.com/veil-sequencer/veil/decrypt"
	"github.com/veil-sequencer/veil/eon"
	"github.com/veil-sequencer/veil/keyfile"
	"github.com/veil-sequencer/veil/node"
	"github.com/veil-sequencer/veil/params"
	"github.com/veil-sequencer/veil/wallet"
)

// devDeposit is what every dev account holds at genesis: 1,000 ether;
// builder accounts also hold devCollateral, 100 ether; devBond is each
// validator's stake: 32 ether.
var (
	devDeposit    = new(big.Int).Mul(big.NewInt(1000), big.NewInt(1e18))
	devCollateral = new(big.Int).Mul(big.NewInt(100), big.NewInt(1e18))
	devBond       = new(big.Int).Mul(big.NewInt(32), big.NewInt(1e18))
)

type devnetFlags struct {
	validators, threshold, builders, accounts int
	standby                                   int // nodes beyond the validators that join through L1 and a DKG
	epochSlots, dkgPhaseSlots                 uint64
	cacheMB                                   int
	load                                      float64
	blockTime                                 time.Duration
	http, datadir, pprof, writeConfigs        string
	chainID                                   uint64
	l1                                        l1Flags
	noL1                                      bool
	rollupRPC                                 string // the rollup node's JSON-RPC address ("": none)
	// hosts (--write-configs) name the validators where others reach
	// them, one each: service names in a container network, where
	// every node listens on --http's host (0.0.0.0).
	hosts []string
	// keepExisting (--write-configs): a directory that holds a network
	// is kept and the command succeeds, so a container's init step can
	// run at every start.
	keepExisting bool
	// refuseSenders is a test hook: every node's API refuses their
	// envelopes, as censoring validators would (forced inclusion's test).
	refuseSenders []common.Address
}

func newDevnetCmd() *cobra.Command {
	var f devnetFlags
	var refuse []string
	cmd := &cobra.Command{
		Use:   "devnet",
		Short: "Run a whole Veil network in this process: validators that are keypers, with their APIs",
		Long: `Devnet runs --validators CometBFT validators on loopback in this process, each
with its own home directory, Pebble state, ports, HTTP API (the first on
--http, the others on the next ports) and keyper listener, where peers send
it key shares (the --validators ports after the APIs'). A new --datadir gets
a fresh network: the keypers' DKG makes the genesis eon and dev accounts are
funded; an existing one resumes where it stopped. Once every API answers,
DIR/devnet.json lists the chain id, block time, API and keyper listener
URLs, validators, the eon and the dev accounts with their private keys
(derived from the chain id, so runs repeat). One line is logged per block,
and one per bundle the first node decrypts ("decrypt:", with the time of
each stage). Ctrl-C stops cleanly.

--builders B runs B reference builders (as veil builder, share:10) from the
builder accounts, each against one node; their bids are logged as lines
starting with "builder:". --load R sends R wallet transactions per second
(1-wei transfers, encrypted in envelopes) from every wallet account but the
first, which is left for veil wallet; a "load:" line every 10 s gives the
totals.

An L1 runs with it (protocol §9, docs/l1.md): go-ethereum's dev-mode chain in
this process, a block a second, its data in DIR/l1, JSON-RPC on --l1-http,
chain id --l1-chain-id. A new network funds the dev accounts there, deploys
Veil's contracts (their addresses are in the genesis and devnet.json),
registers the validators with their stake and funds the vault with the
genesis balances; a resumed one checks them. --l1 URL --l1-key FILE uses an
external L1 instead; --no-l1 runs without one.

--standby N (with an L1) also runs N nodes that are no genesis validators:
full nodes, each with a keyper key but no share, registered on L1 with the
devnet's stake once the network is up. At the next epoch boundary (every
--epoch-slots, 60; each DKG phase --dkg-phase-slots, 8) the set grows, the validators and the newcomers run the next eon's
DKG on chain, the genesis committee signs its key, a node registers it on
L1, and at its activation the newcomers are validators and keypers
(protocol §10). Their APIs and keyper listeners take the ports after the
validators'.

--write-configs DIR creates the same network as separate processes instead
of running it: DIR/genesis.json, and per validator i DIR/node-<i>/ with its
veil.toml (API on --http's port + i, keyper listener on --http's port +
--validators + i), CometBFT home and keys, keyper key share and signing
key (key files 0600); DIR/builders/builder-<k>.key for --builders
reference builders; and DIR/devnet.json (URLs, eon, accounts).
Run each node with veil node --config DIR/node-<i>/veil.toml. Such a network
gets an L1 only with --l1 (veil l1 dev runs the embedded one alone; the
command waits up to two minutes for it and for --l1-key to appear). Unless
--rollup-rpc is empty, DIR/rollup-genesis.json and relay keys
DIR/relays/relay-<k>.key (the last quarter of the wallet accounts) are
written for veil rollup, and devnet.json names the rollup at --rollup-rpc.

For containers (docker/compose.yaml), --hosts node0,node1,… names each
validator where the others reach it (its service name): every node then
listens on --http's host (0.0.0.0) with its own ports, and its peers,
keyper peers and devnet.json's URLs use those names. --keep-existing makes
a DIR that already holds a network a success rather than an error, so the
step can run at every start.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !cmd.Flags().Changed("threshold") {
				f.threshold = defaultThreshold(f.validators)
			}
			if f.standby < 0 || (f.standby > 0 && (f.noL1 || f.writeConfigs != "")) {
				return fmt.Errorf("--standby %d: a standby node joins through L1's registry, in a devnet this command runs (not --no-l1 or --write-configs)", f.standby)
			}
			np := params.Default()
			np.EpochSlots, np.DKGPhaseSlots = f.epochSlots, f.dkgPhaseSlots
			if err := np.Validate(); err != nil {
				return fmt.Errorf("--epoch-slots %d --dkg-phase-slots %d: %w", f.epochSlots, f.dkgPhaseSlots, err)
			}
			if f.validators < 1 || f.blockTime < 250*time.Millisecond {
				return fmt.Errorf("--validators %d --block-time %v: want ≥ 1 validator and ≥ 250ms", f.validators, f.blockTime)
			}
			if f.cacheMB < 8*f.validators {
				return fmt.Errorf("--cache-mb %d: want at least 8 per validator (%d)", f.cacheMB, 8*f.validators)
			}
			if f.builders < 0 || f.builders > f.accounts {
				return fmt.Errorf("--builders %d: between 0 and --accounts (%d builder accounts)", f.builders, f.accounts)
			}
			if f.load < 0 {
				return fmt.Errorf("--load %v: want 0 or more transactions per second", f.load)
			}
			if f.l1.url == "" && f.l1.chainID == f.chainID {
				return fmt.Errorf("--l1-chain-id %d is the rollup's --chain-id: the L1 needs its own, so nothing signed for one replays on the other", f.l1.chainID)
			}
			if f.noL1 && (f.l1.url != "" || f.l1.keyFile != "") {
				return errors.New("--no-l1 with --l1 or --l1-key: pick one")
			}
			for _, a := range refuse {
				addr, err := envelopeAddress("--test-refuse-sender", a)
				if err != nil {
					return err
				}
				f.refuseSenders = append(f.refuseSenders, addr)
			}
			if f.writeConfigs == "" && (len(f.hosts) > 0 || f.keepExisting) {
				return errors.New("--hosts and --keep-existing apply to --write-configs")
			}
			if len(f.hosts) > 0 && len(f.hosts) != f.validators {
				return fmt.Errorf("--hosts: %d names for %d validators: want one each", len(f.hosts), f.validators)
			}
			seen := map[string]bool{}
			for _, h := range f.hosts {
				if !hostName.MatchString(h) || net.ParseIP(h) != nil {
					return fmt.Errorf("--hosts: %q is not a host name (letters, digits, '-', '.')", h)
				}
				if seen[h] {
					return fmt.Errorf("--hosts: %q is named twice: each validator needs its own", h)
				}
				seen[h] = true
			}
			if len(f.hosts) > 0 {
				if host, _, err := net.SplitHostPort(f.http); err == nil && (host == "localhost" || net.ParseIP(host).IsLoopback()) {
					return fmt.Errorf("--http %s with --hosts: nodes listening on loopback cannot be reached by name; listen on 0.0.0.0", f.http)
				}
			}
			if f.writeConfigs != "" {
				if len(refuse) > 0 {
					return errors.New("--test-refuse-sender applies to the nodes devnet runs, not to --write-configs")
				}
				return writeConfigs(cmd.Context(), cmd.OutOrStdout(), f)
			}
			// The validators share one process: without a limit the Go heap
			// runs to twice its live size before each collection, which for
			// four validators under load is most of the process's memory.
			// A soft limit of twice the caches' budget keeps it near what
			// is live; GOMEMLIMIT, when set, decides instead.
			if os.Getenv("GOMEMLIMIT") == "" {
				debug.SetMemoryLimit(int64(2*f.cacheMB) << 20)
			}
			return runDevnet(cmd.Context(), cmd.OutOrStdout(), cmd.ErrOrStderr(), f)
		},
	}
	cmd.Flags().IntVar(&f.validators, "validators", 4, "number of validators (each a keyper)")
	cmd.Flags().IntVar(&f.threshold, "threshold", 0, "decryption threshold (default ⌊2n/3⌋+1)")
	cmd.Flags().IntVar(&f.standby, "standby", 0, "nodes beyond the validators that register on L1 and join at the next epoch through a DKG on chain")
	cmd.Flags().Uint64Var(&f.epochSlots, "epoch-slots", devEpochSlots, "a new network's epoch in slots: the next validator set is computed, and a DKG opened if it changed, every so many slots")
	cmd.Flags().Uint64Var(&f.dkgPhaseSlots, "dkg-phase-slots", params.Default().DKGPhaseSlots, "a new network's slots per phase of a DKG on chain (four phases must fit an epoch)")
	cmd.Flags().IntVar(&f.builders, "builders", 2, "reference builders run in this process")
	cmd.Flags().Float64Var(&f.load, "load", 2, "wallet load in tx/s (0: none)")
	cmd.Flags().DurationVar(&f.blockTime, "block-time", 500*time.Millisecond, "slot length (250ms or more)")
	cmd.Flags().IntVar(&f.accounts, "accounts", 8, "funded dev accounts per role")
	cmd.Flags().StringVar(&f.http, "http", "127.0.0.1:8650", "first node's API address; the other APIs take the next ports, the keyper listeners the --validators ports after those")
	cmd.Flags().StringVar(&f.datadir, "datadir", "", "network directory (default: a new temporary one); an existing one resumes")
	cmd.Flags().Uint64Var(&f.chainID, "chain-id", defaultChainID, "rollup chain id")
	cmd.Flags().StringVar(&f.pprof, "pprof", "", "serve Go's profiler on this address (debugging)")
	cmd.Flags().IntVar(&f.cacheMB, "cache-mb", 160, "MiB of caches for all validators together (every cache is bounded in bytes; each validator gets an equal share); the Go heap's soft limit is twice this unless GOMEMLIMIT is set")
	cmd.Flags().StringVar(&f.writeConfigs, "write-configs", "", "write a new network into this directory for separate processes (veil node), and exit")
	cmd.Flags().StringSliceVar(&f.hosts, "hosts", nil, "with --write-configs: the validators' host names where peers reach them, one each in order (container service names); nodes listen on --http's host")
	cmd.Flags().BoolVar(&f.keepExisting, "keep-existing", false, "with --write-configs: a directory that already holds a network is kept and the command succeeds")
	cmd.Flags().StringVar(&f.l1.url, "l1", "", "deploy to this external L1 (JSON-RPC URL) instead of starting the embedded one; needs --l1-key")
	cmd.Flags().StringVar(&f.l1.keyFile, "l1-key", "", "hex secp256k1 key file (0600) of a funded account on --l1 that deploys the contracts and pays the validators' stake")
	cmd.Flags().StringVar(&f.l1.http, "l1-http", "127.0.0.1:8545", "the embedded L1's JSON-RPC address (port 0: any free port)")
	cmd.Flags().Uint64Var(&f.l1.chainID, "l1-chain-id", defaultL1ChainID, "the embedded L1's chain id (not the rollup's)")
	cmd.Flags().BoolVar(&f.noL1, "no-l1", false, "run without an L1 (no contracts; the genesis names none)")
	cmd.Flags().StringVar(&f.rollupRPC, "rollup-rpc", "127.0.0.1:8547", "the rollup node's JSON-RPC address, HTTP and WebSocket (empty: no rollup node)")
	cmd.Flags().StringArrayVar(&refuse, "test-refuse-sender", nil, "test hook: every node's API refuses envelopes from this address (repeatable)")
	_ = cmd.Flags().MarkHidden("test-refuse-sender")
	return cmd
}

// devAccount is a deterministic dev account.
type devAccount struct {
	Address    common.Address `json:"address"`
	PrivateKey string         `json:"privateKey"`
	Role       string         `json:"role"`
	key        *ecdsa.PrivateKey
}

// devAccounts derives n accounts per role from the chain id:
// key = keccak256("veil/devnet/v1" ‖ chainId ‖ role ‖ i).
func devAccounts(chainID uint64, n int) ([]devAccount, error) {
	var out []devAccount
	for _, role := range []string{"wallet", "builder"} {
		for i := range n {
			seed := []byte("veil/devnet/v1")
			seed = binary.BigEndian.AppendUint64(seed, chainID)
			seed = append(seed, role...)
			seed = binary.BigEndian.AppendUint64(seed, uint64(i))
			k, err := crypto.ToECDSA(crypto.Keccak256(seed))
			if err != nil {
				return nil, err
			}
			out = append(out, devAccount{Address: crypto.PubkeyToAddress(k.PublicKey), PrivateKey: hexutil.Encode(crypto.FromECDSA(k)), Role: role, key: k})
		}
	}
	return out, nil
}

type devnetFile struct {
	ChainID     uint64        `json:"chainId"`
	BlockTimeMs int64         `json:"blockTimeMs"`
	Nodes       []string      `json:"nodes"`
	Validators  []devnetVal   `json:"validators"`
	Eon         *eon.Info     `json:"eon"`
	Accounts    []devAccount  `json:"accounts"`
	L1          *devnetL1     `json:"l1,omitempty"`
	Rollup      *devnetRollup `json:"rollup,omitempty"`
}

// devnetRollup is the devnet's rollup node.
type devnetRollup struct {
	RPC     string           `json:"rpc"` // JSON-RPC over HTTP
	WS      string           `json:"ws"`  // the same over WebSocket
	ChainID uint64           `json:"chainId"`
	Genesis string           `json:"genesis"` // the rollup's genesis.json
	Relays  []common.Address `json:"relays"`  // pay eth_sendRawTransaction's envelopes (the last wallet accounts)
}

type devnetVal struct {
	Address     string `json:"address"` // CometBFT validator address
	VotingPower int64  `json:"votingPower"`
	API         string `json:"api"`
	// KeyperListener is where peers send the keyper's shares (veil.toml's
	// keyper_listen).
	KeyperListener string `json:"keyperListener"`
}

func runDevnet(ctx context.Context, stdout, stderr io.Writer, f devnetFlags) error {
	quiet := newQuietHandler(slog.NewJSONHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	log := slog.New(quiet)
	if f.pprof != "" {
		mux := http.NewServeMux()
		mux.HandleFunc("/debug/pprof/", pprof.Index)
		mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
		srv := &http.Server{Addr: f.pprof, Handler: mux, ReadHeaderTimeout: 5 * time.Second}
		go func() { _ = srv.ListenAndServe() }()
		defer srv.Close()
	}
	host, basePort, err := splitBase(f.http)
	if err != nil {
		return err
	}
	if f.datadir == "" {
		if f.datadir, err = os.MkdirTemp("", "veil-devnet-"); err != nil {
			return err
		}
	}
	accounts, err := devAccounts(f.chainID, f.accounts)
	if err != nil {
		return err
	}
	nw, err := node.LoadNetwork(f.datadir)
	fresh := errors.Is(err, os.ErrNotExist)
	if err != nil && !fresh {
		return err
	}
	if !fresh && !f.noL1 {
		if gf, err := readGenesis(filepath.Join(nw.Dir, nw.GenesisFile)); err != nil {
			return err
		} else if gf.app.L1 == nil {
			fmt.Fprintf(stdout, "devnet: the network in %s has no L1 (it was made without one); running without\n", f.datadir)
			f.noL1 = true
		}
	}
	var l1 *devL1
	if !f.noL1 {
		if l1, err = openDevL1(ctx, f.datadir, f.l1, accounts, log); err != nil {
			return err
		}
		defer l1.Close() // after the validators stop
	}
	if fresh {
		var plan *chain.GenesisL1
		if l1 != nil {
			if plan, err = l1.plan(ctx); err != nil {
				return err
			}
		}
		if nw, err = createDevnet(ctx, stdout, f, accounts, plan); err != nil {
			return err
		}
	}
	if nw.ChainID != f.chainID {
		return fmt.Errorf("--datadir %s holds chain %d, not %d", f.datadir, nw.ChainID, f.chainID)
	}
	standby := 0
	for _, n := range nw.Nodes {
		if n.Standby {
			standby++
		}
	}
	fmt.Fprintf(stdout, "devnet: chain %d, %d validators, %v slots, data in %s\n", nw.ChainID, len(nw.Nodes)-standby, nw.BlockTime(), f.datadir)
	if standby > 0 {
		fmt.Fprintf(stdout, "devnet: %d standby nodes join through L1 at the next epoch\n", standby)
	}
	for _, a := range f.refuseSenders {
		fmt.Fprintf(stdout, "devnet: every node's API refuses envelopes from %s (--test-refuse-sender)\n", a)
	}
	var onL1 *devnetL1
	if l1 != nil {
		g, err := l1.ensure(ctx, stdout, nw, f.datadir)
		if err != nil {
			return err
		}
		fmt.Fprintln(stdout, l1Line(l1, g))
		onL1 = &devnetL1{RPC: l1.url, ChainID: g.ChainID, Contracts: g.Contracts}
		if err := l1.registerStandby(ctx, stdout, nw, g, f.datadir); err != nil {
			return err
		}
	}

	var last time.Time
	onBlock := func(b chain.BlockInfo) {
		gap := "-"
		if !last.IsZero() {
			gap = b.Time.Sub(last).Round(time.Millisecond).String()
		}
		last = b.Time
		fmt.Fprintf(stdout, "slot %d proposer %X queued %d committed %d block time %s\n", b.Height, b.Proposer[:4], b.Queued, b.Committed, gap)
	}
	var nodes []*node.Node
	defer func() {
		quiet.stopping.Store(true)
		if err := node.StopAll(nodes); err != nil {
			log.Warn("stopping validators", "err", err)
		}
		nw.WaitClosed()
	}()
	addrs := devnetAddrs(host, basePort, len(nw.Nodes))
	urls, keyperURLs := devnetURLs(addrs)
	for i := range nw.Nodes {
		kp, keyperKey, err := devnetKeyper(f.datadir, i, nw, keyperURLs, log)
		if err != nil {
			return err
		}
		var cb func(chain.BlockInfo)
		if i == 0 {
			cb = onBlock
			if kp != nil {
				kp.OnReveal(func(r *node.Reveal) { fmt.Fprintln(stdout, revealLine(r)) })
			}
		}
		var l1src *node.L1Source
		var posterKey *ecdsa.PrivateKey
		var blobs string
		if l1 != nil {
			blobs = filepath.Join(f.datadir, "blobs")
			// The dev chain's finalized tag moves every 32 blocks: two
			// blocks below the head count as final (protocol §9).
			l1src = &node.L1Source{URL: l1.url, Confirmations: devL1Confirmations}
			// The keyper's L1 account, funded with devKeyperGas when it
			// registered, pays for posting batches.
			posterKey = keyperKey
		}
		n, err := node.Start(node.Config{Network: nw, Spec: nw.Spec(i), APIListen: addrs[i].api, KeyperListen: addrs[i].keyper, L1: l1src,
			PosterKey: posterKey, BlobArchive: blobs, Keyper: kp, OnBlock: cb, Log: log, Memory: node.MemoryFor(int64(f.cacheMB) << 20 / int64(f.validators)),
			RefuseSenders: f.refuseSenders})
		if err != nil {
			return err
		}
		nodes = append(nodes, n)
	}
	if err := waitReady(ctx, urls); err != nil {
		return err
	}
	out, err := describeDevnet(nw, urls, keyperURLs, accounts)
	if err != nil {
		return err
	}
	out.L1 = onL1
	var loadKeys []*ecdsa.PrivateKey
	for _, a := range accounts {
		if a.Role == "wallet" {
			loadKeys = append(loadKeys, a.key)
		}
	}
	if f.rollupRPC != "" && len(loadKeys) > 1 {
		// The last quarter of the wallet accounts (one at least) are the
		// relay's: the load leaves them alone.
		var relays []*ecdsa.PrivateKey
		loadKeys, relays = splitRelays(loadKeys)
		dir := filepath.Join(f.datadir, "rollup")
		r, err := startDevRollup(ctx, stdout, dir, filepath.Join(nw.Dir, nw.GenesisFile), f.rollupRPC, urls[0], nw.ChainID, accounts, relays, log)
		if err != nil {
			return fmt.Errorf("rollup node: %w", err)
		}
		defer r.Close() // after the load and builders stop, before the validators
		out.Rollup = &devnetRollup{RPC: r.n.URL(), WS: r.n.WSURL(), ChainID: nw.ChainID, Genesis: dir + "-genesis.json"}
		for _, k := range relays {
			out.Rollup.Relays = append(out.Rollup.Relays, crypto.PubkeyToAddress(k.PublicKey))
		}
		fmt.Fprintf(stdout, "devnet: rollup node (chain %d) JSON-RPC at %s and %s, genesis %s; eth_sendRawTransaction encrypts through Veil, paid by %v\n",
			nw.ChainID, out.Rollup.RPC, out.Rollup.WS, out.Rollup.Genesis, out.Rollup.Relays)
	}
	if err := writeDevnetFile(f.datadir, out); err != nil {
		return err
	}
	path := filepath.Join(f.datadir, "devnet.json")
	fmt.Fprintf(stdout, "devnet: APIs at %v; wrote %s; Ctrl-C stops\n", out.Nodes, path)
	if l1 != nil {
		fmt.Fprintf(stdout, "devnet: every %d slots a batch goes to L1, its blobs kept in %s (veil follow --l1 %s --trust %s --blobs %s)\n",
			nw.Params().BatchSlots, filepath.Join(f.datadir, "blobs"), l1.url, filepath.Join(f.datadir, "genesis.json"), filepath.Join(f.datadir, "blobs"))
	}
	var builders sync.WaitGroup
	defer builders.Wait() // before the validators stop
	if len(loadKeys) > 1 {
		builders.Go(func() {
			runLoad(ctx, stdout, loadConfig{urls: out.Nodes, keys: loadKeys[1:], rate: f.load, workers: devnetLoadWorkers}, log)
		})
	}
	n := 0
	for _, a := range accounts {
		if a.Role != "builder" || n == f.builders {
			continue
		}
		c := &wallet.Client{Base: out.Nodes[n%len(out.Nodes)]}
		builders.Go(func() { _ = runBuilder(ctx, stdout, c, a.key, builder.Strategy{SharePercent: 10}, nw.BlockTime()/5) })
		n++
	}
	<-ctx.Done()
	fmt.Fprintln(stdout, "devnet: stopping")
	return nil
}

// keyperShareFile and keyperKeyFile are where validator i's keyper keys
// live: in its own directory, next to its CometBFT keys, so that each
// node-<i> directory is all one node needs (with the genesis).
func keyperShareFile(dir string, i int) string {
	return filepath.Join(dir, fmt.Sprintf("node-%d", i), "keyper.json")
}

func keyperKeyFile(dir string, i int) string {
	return filepath.Join(dir, fmt.Sprintf("node-%d", i), "keyper.key")
}

// devnetKeyper loads validator i's keyper (keyper i+1 of the genesis eon)
// and its signing key from its directory, sending to the other keypers'
// listeners at urls; nil, with a warning, if its signing key is missing (a
// datadir from before keypers signed shares).
func devnetKeyper(dir string, i int, nw *node.Network, urls []string, log *slog.Logger) (*node.Keyper, *ecdsa.PrivateKey, error) {
	var share *eon.Share
	if !nw.Nodes[i].Standby { // a standby node's shares come from DKGs on chain
		var err error
		if share, err = keyfile.Read(keyperShareFile(dir, i)); err != nil {
			return nil, nil, err
		}
	}
	signer, err := readSecretKeyFile(keyperKeyFile(dir, i))
	if errors.Is(err, os.ErrNotExist) {
		log.Warn("no keyper signing key: this validator releases no shares", "validator", i)
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	var peers []string
	for j, u := range urls {
		if j != i {
			peers = append(peers, u)
		}
	}
	kp, err := node.NewKeyper(share, signer, nw.Params().Domain, peers, nw.ShareWait(), log)
	return kp, signer, err
}

// createDevnet runs the keypers' DKG and writes a new network.
func createDevnet(ctx context.Context, stdout io.Writer, f devnetFlags, accounts []devAccount, l1 *chain.GenesisL1) (*node.Network, error) {
	if err := os.MkdirAll(f.datadir, 0o700); err != nil {
		return nil, err
	}
	results, signers, err := runLocalDKG(ctx, stdout, dkgParams{n: f.validators, t: f.threshold, chainID: f.chainID, eon: 1})
	if err != nil {
		return nil, err
	}
	for i, r := range results {
		if err := os.MkdirAll(filepath.Join(f.datadir, fmt.Sprintf("node-%d", i)), 0o700); err != nil {
			return nil, err
		}
		if err := writeKeyShare(keyperShareFile(f.datadir, i), r); err != nil {
			return nil, err
		}
		if err := atomicfile.Write(keyperKeyFile(f.datadir, i), []byte(hexutil.Encode(crypto.FromECDSA(signers[i]))+"\n"), 0o600); err != nil {
			return nil, err
		}
	}
	for i := f.validators; i < f.validators+f.standby; i++ {
		if err := os.MkdirAll(filepath.Join(f.datadir, fmt.Sprintf("node-%d", i)), 0o700); err != nil {
			return nil, err
		}
		k, err := crypto.GenerateKey()
		if err != nil {
			return nil, err
		}
		if err := atomicfile.Write(keyperKeyFile(f.datadir, i), []byte(hexutil.Encode(crypto.FromECDSA(k))+"\n"), 0o600); err != nil {
			return nil, err
		}
	}
	// The parameters are written out so an operator sees, and may change
	// before the first start, what the network runs with.
	np := params.Default()
	np.EpochSlots, np.DKGPhaseSlots = f.epochSlots, f.dkgPhaseSlots // checked by RunE
	g := chain.Genesis{ChainID: f.chainID, Eon: results[0].Eon(0), Params: &np, L1: l1}
	for _, a := range accounts {
		g.Accounts = append(g.Accounts, chain.GenesisAccount{Address: a.Address, Deposit: devDeposit.String()})
		if a.Role == "builder" {
			g.Builders = append(g.Builders, chain.GenesisBuilder{Address: a.Address, Collateral: devCollateral.String()})
		}
	}
	return node.CreateNetwork(node.NetworkConfig{Dir: f.datadir, Validators: f.validators, Standby: f.standby, ChainID: f.chainID, BlockTime: f.blockTime, AppState: g, Bond: devBond})
}

// revealLine is the devnet's line for a bundle the first node decrypted:
// its size, outcome and the time of each stage on that node.
func revealLine(r *node.Reveal) string {
	invalid := 0
	for _, x := range r.Results {
		if x.Status != decrypt.Decrypted {
			invalid++
		}
	}
	ms := func(d time.Duration) string {
		return strconv.FormatFloat(float64(d.Microseconds())/1000, 'f', 1, 64) + "ms"
	}
	st := r.Stages
	return fmt.Sprintf("decrypt: slot %d %d envelopes (%d invalid): shares %s verify %s combine %s decrypt %s, commit to plaintexts %s",
		r.Slot, len(r.Results), invalid, ms(st.Shares), ms(st.Verify), ms(st.Combine), ms(st.Decrypt), ms(st.Total))
}

// waitReady polls every API's /readyz until all answer 200.
func waitReady(ctx context.Context, urls []string) error {
	for _, u := range urls {
		for {
			req, _ := http.NewRequestWithContext(ctx, http.MethodGet, u+"/readyz", nil)
			resp, err := http.DefaultClient.Do(req)
			if err == nil {
				resp.Body.Close()
				if resp.StatusCode == http.StatusOK {
					break
				}
			}
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(100 * time.Millisecond):
			}
		}
	}
	return nil
}

// writeConfigs creates a new network in --write-configs DIR for separate
// processes: the genesis, one self-contained node-<i> directory per
// validator with its veil.toml and keys, builder key files and devnet.json.
func writeConfigs(ctx context.Context, stdout io.Writer, f devnetFlags) error {
	dir, err := filepath.Abs(f.writeConfigs)
	if err != nil {
		return err
	}
	// devnet.json is written last: a directory with network.json (written
	// first) but without it holds a network whose writing failed half way.
	if _, err := os.Stat(filepath.Join(dir, "network.json")); err == nil {
		_, complete := os.Stat(filepath.Join(dir, "devnet.json"))
		switch {
		case f.keepExisting && complete == nil:
			fmt.Fprintf(stdout, "devnet: %s already holds a network; kept (--keep-existing)\n", dir)
			return nil
		case complete != nil:
			return fmt.Errorf("--write-configs %s holds a network written half way (no devnet.json): remove the directory and run again", dir)
		}
		return fmt.Errorf("--write-configs %s already holds a network: pick a new directory", dir)
	}
	host, basePort, err := splitBase(f.http)
	if err != nil {
		return err
	}
	f.datadir = dir
	accounts, err := devAccounts(f.chainID, f.accounts)
	if err != nil {
		return err
	}
	// Separate processes use an L1 that runs on its own (veil l1 dev, or
	// any other): only with --l1 does the network get one.
	var l1 *devL1
	var plan *chain.GenesisL1
	if f.l1.url != "" {
		if l1, err = waitDevL1(ctx, stdout, dir, f.l1); err != nil {
			return err
		}
		defer l1.Close()
		if plan, err = l1.plan(ctx); err != nil {
			return err
		}
	}
	nw, err := createDevnet(ctx, stdout, f, accounts, plan)
	if err != nil {
		return err
	}
	var onL1 *devnetL1
	if l1 != nil {
		g, err := l1.ensure(ctx, stdout, nw, dir)
		if err != nil {
			return err
		}
		fmt.Fprintln(stdout, l1Line(l1, g))
		onL1 = &devnetL1{RPC: l1.url, ChainID: g.ChainID, Contracts: g.Contracts}
		if err := l1.registerStandby(ctx, stdout, nw, g, f.datadir); err != nil {
			return err
		}
	}
	addrs := devnetAddrs(host, basePort, len(nw.Nodes))
	urls, keyperURLs := devnetURLs(addrs)
	if len(f.hosts) > 0 {
		// Peers reach each node by its name, on the ports it listens on.
		named := make([]listenAddrs, len(addrs))
		for i, a := range addrs {
			named[i] = listenAddrs{api: withHost(a.api, f.hosts[i]), keyper: withHost(a.keyper, f.hosts[i])}
		}
		urls, keyperURLs = devnetURLs(named)
	}
	for i := range nw.Nodes {
		spec := nw.Spec(i)
		if len(f.hosts) > 0 {
			spec.P2PListen = net.JoinHostPort(host, strconv.Itoa(nw.Nodes[i].P2PPort))
			spec.Peers = nil
			for j, o := range nw.Nodes {
				if j != i {
					spec.Peers = append(spec.Peers, o.NodeID+"@"+net.JoinHostPort(f.hosts[j], strconv.Itoa(o.P2PPort)))
				}
			}
		}
		c := &nodeConfig{Index: i, APIListen: addrs[i].api, Home: ".", Genesis: filepath.Join("..", nw.GenesisFile),
			BlockTime: nw.BlockTime().String(), P2PListen: spec.P2PListen, Peers: spec.Peers,
			KeyperShare: filepath.Base(keyperShareFile(dir, i)), KeyperKey: filepath.Base(keyperKeyFile(dir, i)),
			KeyperListen: addrs[i].keyper, LogLevel: "info"}
		if l1 != nil {
			// The keyper's L1 account, funded when it registered, posts.
			c.L1, c.L1Confirmations = l1.url, devL1Confirmations
			c.L1PosterKey, c.BlobArchive = c.KeyperKey, filepath.Join("..", "blobs")
		}
		for j, u := range keyperURLs {
			if j != i {
				c.KeyperPeers = append(c.KeyperPeers, u)
			}
		}
		if err := writeNodeConfig(filepath.Join(spec.Home, "veil.toml"), c); err != nil {
			return err
		}
	}
	if err := os.MkdirAll(filepath.Join(dir, "builders"), 0o700); err != nil {
		return err
	}
	k := 0
	for _, a := range accounts {
		if a.Role == "builder" && k < f.builders {
			if err := atomicfile.Write(filepath.Join(dir, "builders", fmt.Sprintf("builder-%d.key", k)), []byte(a.PrivateKey+"\n"), 0o600); err != nil {
				return err
			}
			k++
		}
	}
	out, err := describeDevnet(nw, urls, keyperURLs, accounts)
	if err != nil {
		return err
	}
	out.L1 = onL1
	if f.rollupRPC != "" {
		if out.Rollup, err = writeRollupConfigs(dir, nw, f.rollupRPC, accounts); err != nil {
			return err
		}
	}
	if err := writeDevnetFile(dir, out); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "devnet: wrote chain %d, %d validators, %v slots in %s\n", nw.ChainID, len(nw.Nodes), nw.BlockTime(), dir)
	for i := range nw.Nodes {
		fmt.Fprintf(stdout, "  veil node --config %s   # API %s, keyper listener %s\n", filepath.Join(dir, fmt.Sprintf("node-%d", i), "veil.toml"), urls[i], keyperURLs[i])
	}
	return nil
}

// hostName is a DNS name (a container's service name): labels of letters,
// digits and '-', dot-separated.
var hostName = regexp.MustCompile(`^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$`)

// withHost is addr's port on host.
func withHost(addr, host string) string {
	_, port, _ := net.SplitHostPort(addr)
	return net.JoinHostPort(host, port)
}

// waitDevL1 opens the external L1 of --write-configs, waiting up to two
// minutes for its key file and its JSON-RPC: in a container network the
// L1 starts beside this command.
func waitDevL1(ctx context.Context, stdout io.Writer, dir string, f l1Flags) (*devL1, error) {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	for tries := 0; ; tries++ {
		_, statErr := os.Stat(f.keyFile)
		if statErr == nil || f.keyFile == "" {
			l1, err := openDevL1(ctx, dir, f, nil, nil)
			if err == nil || f.keyFile == "" {
				return l1, err
			}
			statErr = err
		}
		if tries%10 == 0 {
			fmt.Fprintf(stdout, "devnet: waiting for the L1 at %s: %v\n", f.url, statErr)
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("L1 %s: %w (waited %v)", f.url, statErr, 2*time.Minute)
		case <-time.After(500 * time.Millisecond):
		}
	}
}

// splitRelays splits the wallet accounts (two or more) between the load
// and the rollup's relay: the relay takes the last quarter, one at least.
// The devnet's own rollup and a --write-configs network choose alike.
func splitRelays[T any](wallets []T) (load, relays []T) {
	n := len(wallets) - max(1, len(wallets)/4)
	return wallets[:n], wallets[n:]
}

// writeRollupConfigs writes what veil rollup needs beside a
// --write-configs network: the rollup's genesis (every dev account funded,
// as the devnet's own rollup) and the relay keys, the last quarter of the
// wallet accounts, which a wallet load (veil bench load) leaves alone.
func writeRollupConfigs(dir string, nw *node.Network, rpc string, accounts []devAccount) (*devnetRollup, error) {
	gf, err := readGenesis(filepath.Join(nw.Dir, nw.GenesisFile))
	if err != nil {
		return nil, err
	}
	path := filepath.Join(dir, "rollup-genesis.json")
	if _, err := devRollupGenesis(path, nw.ChainID, accounts, gf.doc.GenesisTime); err != nil {
		return nil, fmt.Errorf("rollup genesis: %w", err)
	}
	var wallets []devAccount
	for _, a := range accounts {
		if a.Role == "wallet" {
			wallets = append(wallets, a)
		}
	}
	out := &devnetRollup{RPC: "http://" + rpc, WS: "ws://" + rpc, ChainID: nw.ChainID, Genesis: path}
	if len(wallets) < 2 {
		return out, nil
	}
	if err := os.MkdirAll(filepath.Join(dir, "relays"), 0o700); err != nil {
		return nil, err
	}
	_, relays := splitRelays(wallets)
	for k, a := range relays {
		if err := atomicfile.Write(filepath.Join(dir, "relays", fmt.Sprintf("relay-%d.key", k)), []byte(a.PrivateKey+"\n"), 0o600); err != nil {
			return nil, err
		}
		out.Relays = append(out.Relays, a.Address)
	}
	return out, nil
}

// splitBase parses --http into its host and first port.
func splitBase(addr string) (string, int, error) {
	host, portStr, err := net.SplitHostPort(addr)
	if err != nil {
		return "", 0, fmt.Errorf("--http: %w", err)
	}
	port, err := strconv.Atoi(portStr)
	if err != nil {
		return "", 0, fmt.Errorf("--http: port %q: %w", portStr, err)
	}
	return host, port, nil
}

// listenAddrs are a node's HTTP listener addresses: its public API and its
// keyper listener.
type listenAddrs struct{ api, keyper string }

// devnetAddrs lays out n validators' listeners from --http's host and
// port: the APIs on base, base+1, …, then the keyper listeners on the n
// ports after them, so a network takes one range of 2n ports.
func devnetAddrs(host string, base, n int) []listenAddrs {
	out := make([]listenAddrs, n)
	for i := range out {
		out[i] = listenAddrs{api: net.JoinHostPort(host, strconv.Itoa(base+i)), keyper: net.JoinHostPort(host, strconv.Itoa(base+n+i))}
	}
	return out
}

// devnetURLs are the base URLs of the APIs and of the keyper listeners.
func devnetURLs(addrs []listenAddrs) (apis, keypers []string) {
	for _, a := range addrs {
		apis = append(apis, "http://"+a.api)
		keypers = append(keypers, "http://"+a.keyper)
	}
	return apis, keypers
}

// describeDevnet is devnet.json for a network: its validators and eon as
// the genesis document has them, with their API and keyper listener URLs.
func describeDevnet(nw *node.Network, urls, keyperURLs []string, accounts []devAccount) (*devnetFile, error) {
	doc, err := types.GenesisDocFromFile(filepath.Join(nw.Dir, nw.GenesisFile))
	if err != nil {
		return nil, err
	}
	var app chain.Genesis
	if err := json.Unmarshal(doc.AppState, &app); err != nil {
		return nil, fmt.Errorf("genesis app state: %w", err)
	}
	out := &devnetFile{ChainID: nw.ChainID, BlockTimeMs: nw.BlockTime().Milliseconds(), Nodes: urls, Eon: app.Eon, Accounts: accounts}
	for i, v := range doc.Validators {
		out.Validators = append(out.Validators, devnetVal{Address: v.Address.String(), VotingPower: v.Power, API: urls[i], KeyperListener: keyperURLs[i]})
	}
	return out, nil
}

// writeDevnetFile writes DIR/devnet.json atomically (it holds private keys:
// 0600).
func writeDevnetFile(dir string, out *devnetFile) error {
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return err
	}
	return atomicfile.Write(filepath.Join(dir, "devnet.json"), append(b, '\n'), 0o600)
}
