package node

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	dbm "github.com/cometbft/cometbft-db"
	abci "github.com/cometbft/cometbft/abci/types"
	cmtcfg "github.com/cometbft/cometbft/config"
	cmtcrypto "github.com/cometbft/cometbft/crypto"
	cmtjson "github.com/cometbft/cometbft/libs/json"
	cmtlog "github.com/cometbft/cometbft/libs/log"
	nm "github.com/cometbft/cometbft/node"
	"github.com/cometbft/cometbft/p2p"
	"github.com/cometbft/cometbft/privval"
	"github.com/cometbft/cometbft/proxy"
	"github.com/cometbft/cometbft/rpc/client/local"
	"github.com/cometbft/cometbft/types"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/veil-sequencer/veil/chain"
	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/mempool"
	"github.com/veil-sequencer/veil/params"
	"github.com/veil-sequencer/veil/store"
)

// This file is the consensus edge: CometBFT validators on loopback running
// the chain.App, set up per docs/operations.md (one process, one home,
// one Pebble state and one free port per validator).

// NetworkConfig describes a new local network.
type NetworkConfig struct {
	Dir        string        // one subdirectory per validator is created here
	Validators int           // n
	ChainID    uint64        // the rollup's chain id
	BlockTime  time.Duration // the slot length, 250 ms or more
	AppState   chain.Genesis // deposits and the genesis eon
	// Bond is each validator's stake (required), written into
	// AppState.Validators with validator i's keyper taken as the genesis
	// eon's keyper i+1.
	Bond *big.Int
	// Standby is how many more nodes to lay out beyond the validators:
	// full nodes with their own validator key, not in the genesis set,
	// which join it through the L1 registry and a DKG on chain.
	Standby int
}

// NodeSpec is one validator's place in a network.
type NodeSpec struct {
	Index   int    `json:"index"` // from 0
	Home    string `json:"home"`  // CometBFT home
	P2PPort int    `json:"p2pPort"`
	NodeID  string `json:"nodeId"`
	Standby bool   `json:"standby,omitempty"` // not a genesis validator (NetworkConfig.Standby)
}

// Network is a local network's layout, saved as network.json in its Dir so
// the same directory resumes the same chain.
type Network struct {
	Dir         string             `json:"-"`
	ChainID     uint64             `json:"chainId"`
	BlockTimeMs int64              `json:"blockTimeMs"`
	GenesisFile string             `json:"genesisFile"`
	Nodes       []NodeSpec         `json:"nodes"`
	genesisHash common.Hash        // keccak256 of the genesis document: the domain salt
	l1          *chain.GenesisL1   // the L1 the genesis names, nil if none
	params      params.Params      // the genesis's, or the defaults
	blockTime   time.Duration      // from BlockTimeMs
	verified    *chain.VerifiedSet // shared by the validators this process runs
	closing     *sync.WaitGroup    // CometBFT databases closing in the background
}

const networkFile = "network.json"

// CreateNetwork writes validator keys, node keys, a genesis document with
// equal voting power and the app state, and picks free loopback ports.
func CreateNetwork(cfg NetworkConfig) (*Network, error) {
	if cfg.Validators < 1 || cfg.Standby < 0 || cfg.BlockTime < 100*time.Millisecond || cfg.Bond == nil || cfg.Bond.Sign() < 0 {
		return nil, fmt.Errorf("node: %d validators with %v blocks and bond %v", cfg.Validators, cfg.BlockTime, cfg.Bond)
	}
	dir, err := filepath.Abs(cfg.Dir)
	if err != nil {
		return nil, err
	}
	cfg.Dir = dir
	nw := &Network{Dir: cfg.Dir, ChainID: cfg.ChainID, BlockTimeMs: cfg.BlockTime.Milliseconds(), GenesisFile: "genesis.json"}
	gen := &types.GenesisDoc{
		ChainID:         cometChainID(cfg.ChainID),
		GenesisTime:     time.Now().UTC(),
		InitialHeight:   1,
		ConsensusParams: types.DefaultConsensusParams(),
	}
	if cfg.AppState.L1 != nil {
		// The L1 oracle rides on vote extensions from the first height
		// (protocol §9); a network without L1 has no use for them.
		gen.ConsensusParams.ABCI.VoteExtensionsEnableHeight = 1
	}
	ports, err := freePorts(cfg.Validators + cfg.Standby)
	if err != nil {
		return nil, err
	}
	for i := range cfg.Validators + cfg.Standby {
		home := filepath.Join(cfg.Dir, fmt.Sprintf("node-%d", i))
		c := cmtcfg.DefaultConfig()
		c.SetRoot(home)
		for _, d := range []string{filepath.Dir(c.PrivValidatorKeyFile()), filepath.Dir(c.PrivValidatorStateFile())} {
			if err := os.MkdirAll(d, 0o700); err != nil {
				return nil, err
			}
		}
		pv := privval.GenFilePV(c.PrivValidatorKeyFile(), c.PrivValidatorStateFile())
		pv.Save()
		nodeKey, err := p2p.LoadOrGenNodeKey(c.NodeKeyFile())
		if err != nil {
			return nil, err
		}
		pub, err := pv.GetPubKey()
		if err != nil {
			return nil, err
		}
		if i >= cfg.Validators {
			nw.Nodes = append(nw.Nodes, NodeSpec{Index: i, Home: home, P2PPort: ports[i], NodeID: string(nodeKey.ID()), Standby: true})
			continue
		}
		gen.Validators = append(gen.Validators, types.GenesisValidator{Address: pub.Address(), PubKey: pub, Power: 1, Name: fmt.Sprintf("validator-%d", i)})
		v := chain.GenesisValidator{Address: pub.Address(), Bond: cfg.Bond.String()}
		if eon := cfg.AppState.Eon; eon != nil && i < len(eon.Keypers) {
			v.Keyper = eon.Keypers[i].Address
		}
		cfg.AppState.Validators = append(cfg.AppState.Validators, v)
		nw.Nodes = append(nw.Nodes, NodeSpec{Index: i, Home: home, P2PPort: ports[i], NodeID: string(nodeKey.ID())})
	}
	if gen.AppState, err = json.Marshal(cfg.AppState); err != nil {
		return nil, err
	}
	if err := gen.ValidateAndComplete(); err != nil {
		return nil, err
	}
	if err := gen.SaveAs(filepath.Join(cfg.Dir, nw.GenesisFile)); err != nil {
		return nil, err
	}
	b, err := json.MarshalIndent(nw, "", "  ")
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(cfg.Dir, networkFile), b, 0o644); err != nil {
		return nil, err
	}
	return LoadNetwork(cfg.Dir)
}

// LoadNetwork reads a network created earlier in dir.
func LoadNetwork(dir string) (*Network, error) {
	b, err := os.ReadFile(filepath.Join(dir, networkFile))
	if err != nil {
		return nil, fmt.Errorf("node: %w", err)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	nw := &Network{Dir: abs}
	if err := json.Unmarshal(b, nw); err != nil {
		return nil, fmt.Errorf("node: %s: %w", networkFile, err)
	}
	gen, err := os.ReadFile(filepath.Join(dir, nw.GenesisFile))
	if err != nil {
		return nil, fmt.Errorf("node: %w", err)
	}
	_, app, err := parseGenesis(gen)
	if err != nil {
		return nil, fmt.Errorf("node: genesis %s: %w", nw.GenesisFile, err)
	}
	nw.init(gen, app)
	return nw, nil
}

// OpenNetwork describes, for one validator run on its own (veil node), the
// network of a genesis document: its chain id comes from the app state,
// the slot length from the node's config (every validator must use the
// same). It has no layout of nodes.
func OpenNetwork(genesisFile string, blockTime time.Duration) (*Network, error) {
	if blockTime < 100*time.Millisecond {
		return nil, fmt.Errorf("node: block time %v below 100ms", blockTime)
	}
	abs, err := filepath.Abs(genesisFile)
	if err != nil {
		return nil, err
	}
	gen, err := os.ReadFile(abs)
	if err != nil {
		return nil, fmt.Errorf("node: %w", err)
	}
	doc, app, err := parseGenesis(gen)
	if err != nil {
		return nil, fmt.Errorf("node: genesis %s: %w", genesisFile, err)
	}
	if cometChainID(app.ChainID) != doc.ChainID {
		return nil, fmt.Errorf("node: genesis %s is CometBFT chain %q, its app state chain %d", genesisFile, doc.ChainID, app.ChainID)
	}
	nw := &Network{Dir: filepath.Dir(abs), GenesisFile: filepath.Base(abs), ChainID: app.ChainID, BlockTimeMs: blockTime.Milliseconds()}
	nw.init(gen, app)
	return nw, nil
}

// genesisApp is what a network reads of its genesis's app state (the
// App reads the rest at InitChain).
type genesisApp struct {
	ChainID uint64           `json:"chainId"`
	Params  *params.Params   `json:"params"` // validated by its decoder
	L1      *chain.GenesisL1 `json:"l1"`
}

// parseGenesis decodes a genesis document and its app state's chain id and
// parameters.
func parseGenesis(gen []byte) (*types.GenesisDoc, genesisApp, error) {
	var app genesisApp
	doc, err := types.GenesisDocFromJSON(gen)
	if err != nil {
		return nil, app, err
	}
	if err := json.Unmarshal(doc.AppState, &app); err != nil {
		return nil, app, fmt.Errorf("app state: %w", err)
	}
	return doc, app, nil
}

func (nw *Network) init(genesis []byte, app genesisApp) {
	nw.params = params.Default()
	if app.Params != nil {
		nw.params = *app.Params
	}
	nw.genesisHash = crypto.Keccak256Hash(genesis)
	nw.l1 = app.L1
	nw.blockTime = time.Duration(nw.BlockTimeMs) * time.Millisecond
	nw.verified = chain.NewVerifiedSet()
	nw.closing = new(sync.WaitGroup)
}

// L1 is the L1 the genesis names, nil if none.
func (nw *Network) L1() *chain.GenesisL1 { return nw.l1 }

// DomainSalt is keccak256 of the genesis document (protocol §4).
func (nw *Network) DomainSalt() common.Hash { return nw.genesisHash }

// Params are the network's parameters, from its genesis, with its
// signing domain.
func (nw *Network) Params() mempool.Params {
	return mempool.Params{Params: nw.params, Domain: eip712.Domain{ChainID: nw.ChainID, Salt: nw.genesisHash}}
}

func cometChainID(id uint64) string { return chain.CometChainID(id) }

// freePorts reserves n loopback ports by listening and closing.
func freePorts(n int) ([]int, error) {
	var ports []int
	var ls []net.Listener
	defer func() {
		for _, l := range ls {
			l.Close()
		}
	}()
	for range n {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return nil, err
		}
		ls = append(ls, l)
		ports = append(ports, l.Addr().(*net.TCPAddr).Port)
	}
	return ports, nil
}

// BlockTime is the network's slot length.
func (nw *Network) BlockTime() time.Duration { return nw.blockTime }

// Validator is one running validator: CometBFT, the App and its state.
type Validator struct {
	Index  int
	App    *chain.App
	Store  *store.Store
	Client *local.Local
	cmt    *nm.Node
}

// ValidatorOption adjusts a validator.
type ValidatorOption func(*validatorSettings)

type validatorSettings struct {
	app   chain.AppConfig
	wrap  func(abci.Application) abci.Application
	store store.Options
}

// WithKeys gives the validator's proposer a source of combined keys.
func WithKeys(src chain.KeySource) ValidatorOption {
	return func(s *validatorSettings) { s.app.Keys = src }
}

// WithABCI puts wrap between CometBFT and the validator's application: a
// test double of a faulty validator (a proposer that alters its blocks)
// wraps the honest one, and the rest of the network must cope with it.
func WithABCI(wrap func(abci.Application) abci.Application) ValidatorOption {
	return func(s *validatorSettings) { s.wrap = wrap }
}

// ValidatorSpec is where one validator runs: what a node's config file
// says (veil node) or the network layout gives (StartNode).
type ValidatorSpec struct {
	Index     int      // for logs and the moniker
	Home      string   // CometBFT home: config/ keys, data/
	P2PListen string   // host:port
	Peers     []string // persistent peers, "<node id>@host:port"
}

// Spec is validator i's place in the layout: its home, port and peers.
func (nw *Network) Spec(i int) ValidatorSpec {
	spec := nw.Nodes[i]
	var peers []string
	for _, o := range nw.Nodes {
		if o.Index != i {
			peers = append(peers, fmt.Sprintf("%s@127.0.0.1:%d", o.NodeID, o.P2PPort))
		}
	}
	return ValidatorSpec{Index: i, Home: spec.Home, P2PListen: fmt.Sprintf("127.0.0.1:%d", spec.P2PPort), Peers: peers}
}

// StartNode starts validator i of the layout. A stopped node starts again
// the same way: the App resumes from its Pebble state and CometBFT replays
// the rest.
func (nw *Network) StartNode(i int, log *slog.Logger, onBlock func(chain.BlockInfo), opts ...ValidatorOption) (*Validator, error) {
	return nw.StartValidator(nw.Spec(i), log, onBlock, opts...)
}

// StartValidator starts one validator of the network where spec says.
func (nw *Network) StartValidator(spec ValidatorSpec, log *slog.Logger, onBlock func(chain.BlockInfo), opts ...ValidatorOption) (*Validator, error) {
	nw.WaitClosed() // a restarted validator reopens databases its last run may still hold
	i := spec.Index
	c := cmtcfg.DefaultConfig()
	c.SetRoot(spec.Home)
	c.Moniker = fmt.Sprintf("validator-%d", i)
	c.Genesis = filepath.Join(nw.Dir, nw.GenesisFile)
	c.P2P.ListenAddress = "tcp://" + spec.P2PListen
	c.P2P.PersistentPeers = strings.Join(spec.Peers, ",")
	c.P2P.AllowDuplicateIP = true
	c.P2P.AddrBookStrict = false
	c.P2P.PexReactor = false
	c.P2P.FlushThrottleTimeout = 10 * time.Millisecond
	// CometBFT's default 5 MB/s per peer is slower than a slot of bids:
	// 64 sealed 1,000-envelope bundles are 4 MB in a block and as much in
	// mempool gossip, to every peer.
	c.P2P.SendRate, c.P2P.RecvRate = 64<<20, 64<<20
	c.RPC.ListenAddress = ""
	c.TxIndex.Indexer = "null"
	// CometBFT bounds its mempool by count (5,000) and by 1 GB; the check
	// state and the verified memory follow what it holds, so a node's
	// memory is bounded by a byte figure that fits it. The largest valid
	// transaction is a 64 KiB ciphertext or sealed bid in hex, under
	// 256 KiB with its JSON.
	c.Mempool.MaxTxBytes = 256 << 10
	c.Mempool.MaxTxsBytes = 128 << 20
	c.Instrumentation.Prometheus = false
	setTimeouts(c.Consensus, nw.blockTime)
	c.Consensus.PeerQueryMaj23SleepDuration = maj23Sleep

	set := validatorSettings{app: chain.AppConfig{Params: nw.Params(), Log: log, OnBlock: onBlock, Verified: nw.verified}}
	for _, o := range opts {
		o(&set)
	}
	st, err := store.OpenWith(filepath.Join(spec.Home, "data", "veil"), log, set.store)
	if err != nil {
		return nil, err
	}
	app := chain.NewApp(st, set.app)
	var abciApp abci.Application = app
	if set.wrap != nil {
		abciApp = set.wrap(app)
	}
	pv := privval.LoadFilePV(c.PrivValidatorKeyFile(), c.PrivValidatorStateFile())
	nodeKey, err := p2p.LoadOrGenNodeKey(c.NodeKeyFile())
	if err != nil {
		st.Close()
		return nil, err
	}
	cmt, err := nm.NewNode(c, pv, nodeKey, proxy.NewLocalClientCreator(abciApp), nm.DefaultGenesisDocProviderFunc(c),
		nw.lingeringDBProvider, nm.DefaultMetricsProvider(c.Instrumentation), cometLogger{log.With("validator", i)})
	if err != nil {
		st.Close()
		return nil, fmt.Errorf("node: validator %d: %w", i, err)
	}
	if err := cmt.Start(); err != nil {
		st.Close()
		return nil, fmt.Errorf("node: start validator %d: %w", i, err)
	}
	return &Validator{Index: i, App: app, Store: st, Client: local.New(cmt), cmt: cmt}, nil
}

// CometBFT v0.38 closes its databases in Node.OnStop while a consensus
// reactor goroutine per peer (queryMaj23Routine) may still wake from a sleep
// of PeerQueryMaj23SleepDuration and read the block store without checking
// that it was stopped, which panics ("leveldb: closed"; seen in about one
// stop in three under -race). So the sleep is shortened and the databases
// close in the background after several of them; StartNode and WaitClosed
// wait for those closes.
const (
	maj23Sleep   = 200 * time.Millisecond
	dbCloseDelay = 5 * maj23Sleep
)

func (nw *Network) lingeringDBProvider(ctx *cmtcfg.DBContext) (dbm.DB, error) {
	db, err := cmtcfg.DefaultDBProvider(ctx)
	if err != nil {
		return nil, err
	}
	return lingeringDB{DB: db, wg: nw.closing}, nil
}

type lingeringDB struct {
	dbm.DB
	wg *sync.WaitGroup
}

func (d lingeringDB) Close() error {
	d.wg.Go(func() {
		time.Sleep(dbCloseDelay)
		_ = d.DB.Close()
	})
	return nil
}

// WaitClosed waits until the databases of stopped validators are closed.
func (nw *Network) WaitClosed() { nw.closing.Wait() }

// Stop stops the validator and closes its state.
func (n *Validator) Stop() error {
	err := n.cmt.Stop()
	n.cmt.Wait()
	return errors.Join(err, n.Store.Close())
}

// WaitHeight waits until the node has committed height h.
func (n *Validator) WaitHeight(ctx context.Context, h uint64) error {
	t := time.NewTicker(20 * time.Millisecond)
	defer t.Stop()
	for {
		if n.committedHeight() >= h {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("validator %d at height %d waiting for %d: %w", n.Index, n.committedHeight(), h, ctx.Err())
		case <-t.C:
		}
	}
}

// committedHeight is the height the application has committed (CometBFT
// stores a block before the application commits it).
func (n *Validator) committedHeight() uint64 { return n.Store.Height() }

// ShareWait bounds how long a proposer waits for a bid key: the
// protocol's shareWait, 40 % of timeout_propose.
func (nw *Network) ShareWait() time.Duration { return proposeTimeout(nw.blockTime) * 2 / 5 }

func proposeTimeout(bt time.Duration) time.Duration { return max(bt, 300*time.Millisecond) }

// setTimeouts applies the measured settings for a slot length (notes:
// 500 ms → 450/500/200/200 ms, 250 ms → 200/300/100/100 ms).
func setTimeouts(c *cmtcfg.ConsensusConfig, bt time.Duration) {
	c.TimeoutCommit = bt - 50*time.Millisecond
	c.TimeoutPropose = proposeTimeout(bt)
	c.TimeoutPrevote = max(bt*2/5, 100*time.Millisecond)
	c.TimeoutPrecommit = c.TimeoutPrevote
	c.PeerGossipSleepDuration = 10 * time.Millisecond
	c.SkipTimeoutCommit = false
	c.CreateEmptyBlocks = true
	c.CreateEmptyBlocksInterval = 0
}

// cometLogger sends CometBFT's logs to slog, its chatty info level as debug.
type cometLogger struct{ l *slog.Logger }

func (c cometLogger) Debug(msg string, kv ...any)  { c.l.Debug(msg, kv...) }
func (c cometLogger) Info(msg string, kv ...any)   { c.l.Debug(msg, kv...) }
func (c cometLogger) Error(msg string, kv ...any)  { c.l.Warn(msg, kv...) }
func (c cometLogger) With(kv ...any) cmtlog.Logger { return cometLogger{c.l.With(kv...)} }

// CometKey is validator i's CometBFT (ed25519) private key, read from its
// home: what proves on L1 that the registrant holds the key it validates
// with (privval.LoadFilePV would exit the process on a bad file).
func (nw *Network) CometKey(i int) (cmtcrypto.PrivKey, error) {
	if i < 0 || i >= len(nw.Nodes) {
		return nil, fmt.Errorf("node: no validator %d", i)
	}
	k, err := CometKeyAt(nw.Nodes[i].Home)
	if err != nil {
		return nil, fmt.Errorf("node: validator %d: %w", i, err)
	}
	return k, nil
}

// CometKeyAt reads the CometBFT validator key of the node whose CometBFT
// home is home (config/priv_validator_key.json).
func CometKeyAt(home string) (cmtcrypto.PrivKey, error) {
	c := cmtcfg.DefaultConfig()
	c.SetRoot(home)
	raw, err := os.ReadFile(c.PrivValidatorKeyFile())
	if err != nil {
		return nil, fmt.Errorf("node: CometBFT key: %w", err)
	}
	var key privval.FilePVKey
	if err := cmtjson.Unmarshal(raw, &key); err != nil {
		return nil, fmt.Errorf("node: CometBFT key %s: %w", c.PrivValidatorKeyFile(), err)
	}
	if key.PrivKey == nil {
		return nil, fmt.Errorf("node: CometBFT key %s holds no private key", c.PrivValidatorKeyFile())
	}
	return key.PrivKey, nil
}
