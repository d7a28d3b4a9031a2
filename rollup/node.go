// Package rollup is Veil's reference rollup node: it executes the slots
// Veil orders, verified by package client from the feed or from L1, as
// Ethereum blocks with go-ethereum (its BlockChain, state and EVM, inside
// the eth service with no peers), keeps them in go-ethereum's database,
// and serves them with go-ethereum's standard JSON-RPC over HTTP and
// WebSocket, where eth_sendRawTransaction encrypts the transaction to
// Veil's eon and submits it through a relay (relay.go).
//
// The rules, the same on every node so that the same slots give the same
// state root (docs/rollup.md):
//   - the slots of one whole second of block time make one L2 block,
//     timestamped with that second (or its parent's time + 1 when that is
//     later), their transactions in slot order, forced plain transactions
//     where Veil ordered them; the block is built once the first slot of a
//     later second arrives;
//   - a transaction the EVM refuses (a nonce out of turn, too little
//     balance, a fee cap below the base fee, the block's gas spent) is
//     skipped and recorded with its reason (GetSkipped, veil_getSkipped),
//     instead of failing the block as go-ethereum's builder would;
//   - forced items the escape hatch derives from L1 make a block of their
//     own after the last slot before them (L1 followers only);
//   - each block's extra data says which slots it holds, so a restarted
//     node resumes after its head block's last slot.
package rollup

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/eth"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/eth/filters"
	"github.com/ethereum/go-ethereum/log"
	"github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/p2p"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/veil-sequencer/veil/api/apitypes"
	"github.com/veil-sequencer/veil/client"
	"github.com/veil-sequencer/veil/gethnode"
)

// Limits on what a JSON-RPC client may send: a request body (HTTP) or
// message (WebSocket), and a batch's calls and answer.
const (
	MaxRequestBytes   = 1 << 20
	MaxBatchCalls     = 100
	MaxBatchResponse  = 10 << 20
	DefaultRPCAddress = "127.0.0.1:8545"
)

// Config describes a rollup node.
type Config struct {
	// Dir is the datadir: go-ethereum's database
	// (Dir/veil-rollup/chaindata) and nothing else. A chain found there is resumed.
	Dir string
	// Genesis is the rollup's genesis (ReadGenesis): the chain is created
	// from it, or a resumed chain must have been created from it.
	Genesis *core.Genesis
	// RPC is host:port for JSON-RPC over HTTP and WebSocket on the same
	// port; port 0 picks one (URL says which). Empty: 127.0.0.1:0.
	RPC string
	// VirtualHosts are the names the Host header of an HTTP request may
	// carry beside IP addresses; nil: localhost (gethnode.VirtualHosts).
	VirtualHosts []string
	// Relay, if set, makes eth_sendRawTransaction encrypt and submit
	// through Veil (relay.go); without it the method answers an error.
	Relay *Relay
	// Log receives the node's messages and go-ethereum's at Warn and
	// above. Nil discards them.
	Log *slog.Logger
}

// Node is a running rollup node.
type Node struct {
	cfg    Config
	log    *slog.Logger
	stack  *node.Node
	eth    *eth.Ethereum
	exec   *Executor
	detach func()
	url    string

	closeOnce sync.Once
	closeErr  error
}

// Start opens the chain in cfg.Dir (creating it from cfg.Genesis) and
// starts serving JSON-RPC (and Prometheus metrics at /metrics on the same
// port). It executes nothing until a Follow call hands it
// slots.
func Start(ctx context.Context, cfg Config) (*Node, error) {
	lg := cfg.Log
	if lg == nil {
		lg = slog.New(slog.DiscardHandler)
	}
	if cfg.Dir == "" || cfg.Genesis == nil {
		return nil, errors.New("rollup: Config.Dir and Config.Genesis are required")
	}
	if err := CheckGenesis(cfg.Genesis, cfg.Genesis.Config.ChainID.Uint64()); err != nil {
		return nil, err
	}
	dir, err := filepath.Abs(cfg.Dir)
	if err != nil {
		return nil, fmt.Errorf("rollup: datadir %q: %w", cfg.Dir, err)
	}
	host, port, err := gethnode.ListenAddr(cfg.RPC)
	if err != nil {
		return nil, fmt.Errorf("rollup: RPC %w", err)
	}
	detach := gethnode.Attach(lg)
	stack, err := node.New(&node.Config{
		Name:        "veil-rollup",
		DataDir:     dir,
		HTTPHost:    host,
		HTTPPort:    port,
		HTTPModules: []string{"eth", "net", "web3", "veil"},
		// Any web page may call it (dapps in browsers need CORS); the
		// Host header must name an IP address or one of VirtualHosts.
		HTTPCors:         []string{"*"},
		HTTPVirtualHosts: gethnode.VirtualHosts(cfg.VirtualHosts),
		HTTPTimeouts:     node.DefaultConfig.HTTPTimeouts,
		// The same port serves WebSocket (eth_subscribe).
		WSHost:               host,
		WSPort:               port,
		WSModules:            []string{"eth", "net", "web3", "veil"},
		WSOrigins:            []string{"*"},
		BatchRequestLimit:    MaxBatchCalls,
		BatchResponseMaxSize: MaxBatchResponse,
		HTTPBodyLimit:        MaxRequestBytes,
		IPCPath:              "",
		P2P:                  p2p.Config{MaxPeers: 0, ListenAddr: "", NoDiscovery: true},
		Logger:               log.NewLogger(gethnode.WarnAndAbove{Handler: lg.Handler()}),
	})
	if err != nil {
		detach()
		return nil, fmt.Errorf("rollup: node on %s: %w", dir, err)
	}
	n := &Node{cfg: cfg, log: lg, stack: stack, detach: detach}
	fail := func(err error) (*Node, error) {
		_ = n.Close()
		return nil, err
	}
	ec := ethConfig(cfg.Genesis)
	if n.eth, err = eth.New(stack, ec); err != nil {
		return fail(fmt.Errorf("rollup: eth service on %s: %w", dir, err))
	}
	fs := filters.NewFilterSystem(n.eth.APIBackend, filters.Config{LogCacheSize: ec.FilterLogCacheSize, LogQueryLimit: ec.LogQueryLimit, RangeLimit: ec.RangeLimit})
	if n.exec, err = NewExecutor(n.eth.BlockChain(), n.eth.ChainDb(), lg); err != nil {
		return fail(err)
	}
	m := newMetrics()
	n.exec.observe = m.observe
	stack.RegisterHandler("metrics", "/metrics", m.handler())
	// Registered after the eth service's: where two services of a
	// namespace name one method, the later one answers, so these replace
	// eth_sendRawTransaction and eth_getTransactionCount, and eth_getLogs
	// and eth_newFilter.
	fapi := filters.NewFilterAPI(fs)
	stack.RegisterAPIs([]rpc.API{
		{Namespace: "eth", Service: fapi},
		{Namespace: "eth", Service: newSendAPI(n.eth, cfg.Relay, m)},
		{Namespace: "eth", Service: newLogsAPI(fapi, n.eth.BlockChain())},
		{Namespace: "veil", Service: &veilAPI{n: n}},
	})
	if err := stack.Start(); err != nil {
		return fail(fmt.Errorf("rollup: start node: %w", err))
	}
	if err := ctx.Err(); err != nil {
		return fail(err)
	}
	n.url = gethnode.DialURL(stack.HTTPEndpoint())
	head := n.eth.BlockChain().CurrentBlock()
	lg.Info("rollup: node started", "rpc", n.url, "chain_id", cfg.Genesis.Config.ChainID, "dir", dir, "head", head.Number,
		"next_slot", n.exec.Next(), "relay", cfg.Relay != nil)
	return n, nil
}

// ethConfig is the eth service's configuration: crash-safe
// (gethnode.EthConfig; the executor syncs the database after each block),
// no transaction pool use (transactions reach blocks only through Veil).
// go-ethereum's eth_getLogs RangeLimit stays off (it counts a range to
// "latest" as unbounded and would refuse every such query): logsAPI bounds
// the range instead.
func ethConfig(g *core.Genesis) *ethconfig.Config {
	c := gethnode.EthConfig(g.Config.ChainID.Uint64())
	c.Genesis = g
	c.TrieCleanCache = 64
	c.BlobPool.Datacap = 1 << 20
	c.TxPool.NoLocals = true
	c.Miner.GasCeil = g.GasLimit
	c.RPCGasCap = 50_000_000
	c.RPCEVMTimeout = 5 * time.Second
	return c
}

// URL is the JSON-RPC endpoint (HTTP; WebSocket on the same host and port
// as ws://).
func (n *Node) URL() string { return n.url }

// WSURL is the WebSocket endpoint.
func (n *Node) WSURL() string { return "ws" + n.url[len("http"):] }

// Executor is the node's executor (for Follow's callers and tests).
func (n *Node) Executor() *Executor { return n.exec }

// Eth is the node's eth service.
func (n *Node) Eth() *eth.Ethereum { return n.eth }

// Close stops serving and closes the database. Call it after Follow has
// returned.
func (n *Node) Close() error {
	n.closeOnce.Do(func() {
		if err := n.stack.Close(); err != nil && !errors.Is(err, node.ErrNodeStopped) {
			n.closeErr = fmt.Errorf("rollup: close node: %w", err)
		}
		n.detach()
	})
	return n.closeErr
}

// FollowFeed executes the slots f verifies, until ctx ends (nil) or the
// feed fails (its error). f's Verifier must be fresh from the genesis
// (client.FromGenesis): it learns each handover's validator set and eon
// as it verifies. After each block the verifier's checkpoint after the
// block's last slot is stored (over the one before), and FollowFeed reads
// the feed on from the stored checkpoint (from slot 1 without one); slots
// executed already are verified and passed over.
func (n *Node) FollowFeed(ctx context.Context, f *client.Follower) error {
	from := uint64(1)
	cp, err := n.exec.FeedCheckpoint()
	switch {
	case err != nil:
		// Verifying from the genesis is slower, never wrong.
		n.log.Warn("rollup: the feed checkpoint is unreadable; verifying the feed from slot 1", "err", err)
	case cp != nil:
		if err := f.Verify.Resume(cp); err != nil {
			return fmt.Errorf("rollup: %w", err)
		}
		from = cp.Slot + 1
	}
	n.log.Info("rollup: following the feed", "node", f.Node, "from_slot", from, "next_slot", n.exec.Next())
	err = f.Follow(ctx, from, func(s *client.Slot, _ *apitypes.Block) error {
		return n.exec.AddChecked(ctx, *s, f.Verify.Checkpoint())
	})
	if ctx.Err() != nil {
		return nil
	}
	return err
}

// FollowL1 executes the slots and escaped items r derives from L1, polling
// it every poll, until ctx ends (nil) or reading fails (its error). L1 is
// read from the deployment on; slots and items executed already are
// skipped.
func (n *Node) FollowL1(ctx context.Context, r *client.L1Reader, poll time.Duration) error {
	return r.Follow(ctx, poll, func(b client.L1Slots) error {
		if len(b.Escaped) > 0 {
			return n.exec.Escape(ctx, b.Escaped)
		}
		for _, s := range b.Slots {
			if err := n.exec.Add(ctx, s); err != nil {
				return err
			}
		}
		return nil
	})
}
