// Package l1dev runs an Ethereum L1 for Veil's devnet and tests.
//
// Start embeds go-ethereum's developer chain in the calling process, built
// the way `geth --dev` builds it: a node.Node carrying the eth service, with
// catalyst's simulated beacon sealing a block every period (even an empty one)
// and advancing `finalized` every 32 blocks. Unlike ethclient/simulated, which
// always rewinds to genesis, the chain lives in a datadir and resumes from it,
// so a devnet can be stopped and started again without losing its L1.
//
// StartGeth runs the same kind of chain as a real `geth --dev` process, for
// tests that want to see Veil against an unmodified geth binary.
package l1dev

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/rawdb"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/eth"
	"github.com/ethereum/go-ethereum/eth/catalyst"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/eth/filters"
	"github.com/ethereum/go-ethereum/ethdb"
	"github.com/ethereum/go-ethereum/log"
	"github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/p2p"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/veil-sequencer/veil/gethnode"
)

// GenesisGasLimit is the block gas limit of the chains Start creates. It is
// the gas ceiling the block builder keeps too, so the limit never drifts;
// 60M leaves room for contract deployments and batches of BLS pairings.
const GenesisGasLimit = 60_000_000

// DefaultPeriod is the block interval used when Config.Period is zero.
const DefaultPeriod = time.Second

// ErrGenesisMismatch is returned (wrapped) by Start when Config.Dir already
// holds a chain that is not the one the Config describes. Start never
// rewrites or resets such a chain: the caller picks another Dir or deletes it.
var ErrGenesisMismatch = errors.New("l1dev: datadir holds a different chain")

// Config describes an embedded L1.
type Config struct {
	// Dir is the datadir. A chain found there is resumed, never reset; a
	// chain is created there when there is none. Required: the chain, and
	// the blob pool that EIP-4844 transactions need, live on disk.
	Dir string
	// HTTP is the JSON-RPC listen address, host:port; port 0 picks a free
	// port (see Chain.URL). Empty means "127.0.0.1:0".
	HTTP string
	// ChainID is the L1's own chain id. Required (not zero): Veil's devnet
	// uses one different from its rollup's.
	ChainID uint64
	// Period is the block interval, DefaultPeriod when zero. It must be a
	// whole number of seconds: block timestamps have one-second resolution,
	// so faster blocks would run the chain's clock ahead of the wall clock.
	Period time.Duration
	// Alloc funds accounts in the genesis block. Only used when the chain is
	// created; a resumed chain must have been created with the same Alloc
	// (Start compares genesis hashes and fails otherwise).
	Alloc map[common.Address]*big.Int
	// VirtualHosts are the names an HTTP request's Host header may carry
	// beside IP addresses; nil: localhost (gethnode.VirtualHosts).
	VirtualHosts []string
	// Log receives Start's and Close's messages and go-ethereum's own at
	// Warn and above. Nil discards them.
	Log *slog.Logger
}

// Chain is a running embedded L1. Close it to persist its state.
type Chain struct {
	chainID uint64
	url     string
	log     *slog.Logger

	stack  *node.Node
	beacon *catalyst.SimulatedBeacon
	db     ethdb.KeyValueSyncer // the chain database, synced after each block
	detach func()               // stops routing go-ethereum's global log to log

	stop chan struct{} // closed by Close to end the block loop
	done chan struct{} // closed when the block loop has returned

	closeOnce sync.Once
	closeErr  error
}

// Start starts an embedded L1 on cfg.Dir, creating its chain or resuming the
// one already there, and returns once its JSON-RPC endpoint is listening.
// The first block is sealed right away, then one every cfg.Period.
//
// ctx bounds the start only; the chain runs until Close.
//
// Persistence: Close and a later Start resume at the same head. For a
// killed process (kill -9) two of geth's defaults would lose blocks, and
// both are changed here:
//   - the path state scheme keeps the newest 128 states in memory and writes
//     them on a clean shutdown only; the chain runs instead as an archive
//     node with the hash scheme, which writes each block's state as the block
//     is imported;
//   - the database (pebble) writes without sync, and its write-ahead log
//     keeps records in a 32 KiB buffer inside the process until the buffer
//     fills: on a quiet chain that is several blocks. After sealing each
//     block the block loop syncs the log (one fsync a period).
//
// So a block is durable milliseconds after it becomes the head, and after
// kill -9 Start resumes at the last block sealed before the kill (at worst
// the one being sealed at that instant is lost). The same holds for a
// machine crash, as far as fsync does. The state snapshot (an acceleration
// structure) is rebuilt in the background after such a restart, with a
// warning in the log.
//
// Finalization follows the simulated beacon: every 32nd block is finalized
// when it is sealed. One quirk carried over from it: on a resumed chain the
// first forkchoice update marks the resumed head finalized, and the next
// block moves `finalized` back to the last multiple of 32.
func Start(ctx context.Context, cfg Config) (*Chain, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("l1dev: start: %w", err)
	}
	lg := cfg.Log
	if lg == nil {
		lg = slog.New(slog.DiscardHandler)
	}
	period, err := blockPeriod(cfg.Period)
	if err != nil {
		return nil, err
	}
	if cfg.Dir == "" {
		return nil, errors.New("l1dev: Config.Dir is required: the chain and its blob pool live on disk")
	}
	if cfg.ChainID == 0 {
		return nil, errors.New("l1dev: Config.ChainID is required")
	}
	dir, err := filepath.Abs(cfg.Dir)
	if err != nil {
		return nil, fmt.Errorf("l1dev: datadir %q: %w", cfg.Dir, err)
	}
	httpHost, httpPort, err := gethnode.ListenAddr(cfg.HTTP)
	if err != nil {
		return nil, fmt.Errorf("l1dev: HTTP %w", err)
	}
	genesis, err := newGenesis(cfg.ChainID, cfg.Alloc)
	if err != nil {
		return nil, err
	}

	// go-ethereum's node, chain and pools log through its package-level
	// logger; route it to lg while this chain is open (package gethnode).
	detach := gethnode.Attach(lg)
	stack, err := node.New(&node.Config{
		// "geth" gives the datadir geth's layout (Dir/geth/chaindata, ...),
		// the one geth's own tools expect.
		Name:              "geth",
		DataDir:           dir,
		HTTPHost:          httpHost,
		HTTPPort:          httpPort,
		HTTPModules:       []string{"eth", "net", "web3", "txpool"},
		HTTPVirtualHosts:  gethnode.VirtualHosts(cfg.VirtualHosts),
		HTTPTimeouts:      node.DefaultConfig.HTTPTimeouts,
		BatchRequestLimit: node.DefaultConfig.BatchRequestLimit,
		// Everything that would reach the network off: a dev chain has no
		// peers, and IPC would leave a socket file in the datadir. MaxPeers
		// 0 already stops all dialing; NoDial on top would only make the
		// p2p server warn that it is useless.
		IPCPath: "",
		P2P: p2p.Config{
			MaxPeers:    0,
			ListenAddr:  "",
			NoDiscovery: true,
			DiscoveryV4: false,
			DiscoveryV5: false,
		},
		BatchResponseMaxSize: node.DefaultConfig.BatchResponseMaxSize,
		HTTPBodyLimit:        node.DefaultConfig.HTTPBodyLimit,
		Logger:               log.NewLogger(gethnode.WarnAndAbove{Handler: lg.Handler()}),
	})
	if err != nil {
		detach()
		return nil, fmt.Errorf("l1dev: node on %s: %w", dir, err)
	}
	c := &Chain{
		chainID: cfg.ChainID,
		log:     lg,
		stack:   stack,
		detach:  detach,
		stop:    make(chan struct{}),
		done:    make(chan struct{}),
	}
	fail := func(err error) (*Chain, error) {
		close(c.done) // no block loop runs yet
		_ = c.Close()
		return nil, err
	}

	resumed, err := checkStoredChain(stack, dir, genesis, cfg.ChainID)
	if err != nil {
		return fail(err)
	}
	ethcfg := ethConfig(cfg.ChainID)
	if !resumed {
		ethcfg.Genesis = genesis
	}
	// With Genesis nil a resumed chain keeps the chain config it was created
	// with, as `geth --dev --datadir` does: handing it a config from a newer
	// go-ethereum could schedule a fork in the past and rewind the chain.
	backend, err := eth.New(stack, ethcfg)
	if err != nil {
		return fail(fmt.Errorf("l1dev: eth service on %s: %w", dir, err))
	}
	// eth_getLogs and the filter calls live in their own service.
	stack.RegisterAPIs([]rpc.API{{
		Namespace: "eth",
		Service: filters.NewFilterAPI(filters.NewFilterSystem(backend.APIBackend, filters.Config{
			LogCacheSize:  ethcfg.FilterLogCacheSize,
			LogQueryLimit: ethcfg.LogQueryLimit,
			RangeLimit:    ethcfg.RangeLimit,
		})),
	}})
	// Period 0: the beacon seals only when asked. The loop below asks every
	// period, so Close can wait for a block being sealed before the eth
	// service stops (the beacon's own loop is not waited for on Stop).
	c.db = backend.ChainDb()
	c.beacon, err = catalyst.NewSimulatedBeacon(0, common.Address{}, backend)
	if err != nil {
		return fail(fmt.Errorf("l1dev: simulated beacon: %w", err))
	}
	if err := stack.Start(); err != nil {
		return fail(fmt.Errorf("l1dev: start node: %w", err))
	}
	c.url = gethnode.DialURL(stack.HTTPEndpoint())
	if err := ctx.Err(); err != nil {
		return fail(fmt.Errorf("l1dev: start: %w", err))
	}
	head := backend.BlockChain().CurrentBlock()
	lg.Info("l1dev: chain started", "url", c.url, "chain_id", cfg.ChainID, "dir", dir,
		"resumed", resumed, "head", head.Number, "period", period)
	go c.produce(period)
	return c, nil
}

// URL is the chain's JSON-RPC endpoint, http://host:port with the port
// actually bound.
func (c *Chain) URL() string { return c.url }

// ChainID is the chain's id.
func (c *Chain) ChainID() uint64 { return c.chainID }

// Close stops sealing blocks, waits for a block being sealed, and shuts the
// node down, which writes the state caches and closes the databases. The
// Chain cannot be used afterwards; calling Close again returns the first
// result.
func (c *Chain) Close() error {
	c.closeOnce.Do(func() {
		close(c.stop)
		<-c.done
		if err := c.stack.Close(); err != nil {
			c.closeErr = fmt.Errorf("l1dev: close node: %w", err)
		}
		if c.url != "" { // it had started
			c.log.Info("l1dev: chain stopped", "url", c.url, "err", c.closeErr)
		}
		c.detach()
	})
	return c.closeErr
}

// produce seals a block now and then every period until Close.
func (c *Chain) produce(period time.Duration) {
	defer close(c.done)
	tick := time.NewTicker(period)
	defer tick.Stop()
	for {
		// Commit logs its own failure (at Warn, so it reaches Config.Log).
		c.beacon.Commit()
		// Push the block out of pebble's in-process WAL buffer (see Start).
		if err := c.db.SyncKeyValue(); err != nil {
			c.log.Warn("l1dev: sync chain database", "err", err)
		}
		select {
		case <-c.stop:
			return
		case <-tick.C:
		}
	}
}

// blockPeriod validates Config.Period.
func blockPeriod(p time.Duration) (time.Duration, error) {
	switch {
	case p == 0:
		return DefaultPeriod, nil
	case p < time.Second || p%time.Second != 0:
		return 0, fmt.Errorf("l1dev: period %v: must be a whole number of seconds (block timestamps have one-second resolution)", p)
	}
	return p, nil
}

// newGenesis is geth's dev genesis (core.DeveloperGenesisBlock: every fork
// active from block 0, the precompiles and the system contracts those forks
// call into) under chainID, with alloc funded instead of geth's faucet.
func newGenesis(chainID uint64, alloc map[common.Address]*big.Int) (*core.Genesis, error) {
	g := core.DeveloperGenesisBlock(GenesisGasLimit, nil)
	// DeveloperGenesisBlock copies params.AllDevChainProtocolChanges; only
	// the pointer is replaced here, so the shared config is left untouched.
	g.Config.ChainID = new(big.Int).SetUint64(chainID)
	for addr, bal := range alloc {
		if _, taken := g.Alloc[addr]; taken {
			return nil, fmt.Errorf("l1dev: alloc %s: address of a precompile or system contract", addr)
		}
		if bal == nil || bal.Sign() < 0 {
			return nil, fmt.Errorf("l1dev: alloc %s: balance %v", addr, bal)
		}
		g.Alloc[addr] = types.Account{Balance: new(big.Int).Set(bal)}
	}
	return g, nil
}

// ethConfig is the eth service's configuration: `geth --dev`'s, kept on
// disk and crash-safe (gethnode.EthConfig).
func ethConfig(chainID uint64) *ethconfig.Config {
	c := gethnode.EthConfig(chainID)
	c.BlobPool.Datacap = 256 << 20
	c.Miner.GasCeil = GenesisGasLimit
	return c
}

// checkStoredChain looks, read-only, for a chain in the node's datadir. It
// reports whether there is one to resume, and fails if that chain is not the
// one genesis describes: opening it with eth.New would either refuse with a
// bare hash mismatch or, for a chain id change (the chain id is not part of
// the genesis hash), silently rewrite the stored chain config.
func checkStoredChain(stack *node.Node, dir string, genesis *core.Genesis, chainID uint64) (bool, error) {
	if rawdb.PreexistingDatabase(stack.ResolvePath("chaindata")) == "" {
		return false, nil
	}
	db, err := stack.OpenDatabaseWithOptions("chaindata", node.DatabaseOptions{ReadOnly: true})
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return false, nil
		}
		return false, fmt.Errorf("l1dev: open chain database in %s: %w", dir, err)
	}
	defer db.Close()

	stored := rawdb.ReadCanonicalHash(db, 0)
	if stored == (common.Hash{}) {
		return false, nil // a database without a chain: initialise it
	}
	if conf := rawdb.ReadChainConfig(db, stored); conf != nil && conf.ChainID != nil &&
		(!conf.ChainID.IsUint64() || conf.ChainID.Uint64() != chainID) {
		return false, fmt.Errorf("%w: %s holds chain id %v, Config.ChainID is %d", ErrGenesisMismatch, dir, conf.ChainID, chainID)
	}
	if want := genesis.ToBlock().Hash(); stored != want {
		return false, fmt.Errorf("%w: %s holds genesis %s, Config would create %s (a different Alloc, or a go-ethereum upgrade changed the dev genesis)",
			ErrGenesisMismatch, dir, stored, want)
	}
	return true, nil
}
