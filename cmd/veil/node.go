package main

import (
	"bytes"
	"cmp"
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"github.com/pelletier/go-toml/v2"
	"github.com/spf13/cobra"

	"github.com/veil-sequencer/veil/chain"
	"github.com/veil-sequencer/veil/eon"
	"github.com/veil-sequencer/veil/keyfile"
	"github.com/veil-sequencer/veil/node"
)

// nodeConfig is veil.toml: everything one sequencer node needs to run on
// its own (protocol §7). Relative paths are relative to the file's directory,
// so a network directory written by veil devnet --write-configs can move.
type nodeConfig struct {
	Index           int      `toml:"index" comment:"validator index (0-based), for logs"`
	APIListen       string   `toml:"api_listen" comment:"public HTTP API address (POST /v1/transactions, /v1/bids, GET …)"`
	Home            string   `toml:"home" comment:"CometBFT home: config/priv_validator_key.json and config/node_key.json (0600), data/"`
	Genesis         string   `toml:"genesis" comment:"the network's genesis document, the same file for every node"`
	BlockTime       string   `toml:"block_time" comment:"slot length; every node of the network uses the same (250ms or more)"`
	P2PListen       string   `toml:"p2p_listen" comment:"CometBFT peer-to-peer address"`
	Peers           []string `toml:"peers" comment:"CometBFT persistent peers, <node id>@host:port"`
	KeyperShare     string   `toml:"keyper_share_file" comment:"this keyper's share of the genesis eon (0600); empty: a node that joins the committee through a DKG on chain (with keyper_key_file), or none"`
	KeyperKey       string   `toml:"keyper_key_file" comment:"this keyper's secp256k1 signing key, hex (0600)"`
	KeyperListen    string   `toml:"keyper_listen" comment:"keyper listener address: peers' POST /v1/p2p/shares, apart from the public API (required with keyper_share_file)"`
	KeyperPeers     []string `toml:"keyper_peers" comment:"the other nodes' keyper listener base URLs (their keyper_listen), where key shares are sent"`
	LogLevel        string   `toml:"log_level" comment:"debug, info, warn or error"`
	CacheMB         int      `toml:"cache_mb,omitempty" comment:"MiB of caches (store, feed, decrypted bundles), every one bounded in bytes; 0: 256"`
	L1              string   `toml:"l1,omitempty" comment:"JSON-RPC URL of the L1 the genesis names (networks with an L1); empty: the node attests nothing of L1"`
	L1Confirmations uint64   `toml:"l1_confirmations,omitempty" comment:"treat the L1 block this deep below the head as final (dev chains); 0: the finalized tag"`
	L1PosterKey     string   `toml:"l1_poster_key_file,omitempty" comment:"secp256k1 key, hex (0600), of the funded L1 account that posts batches (with l1); empty: this node posts none"`
	BlobArchive     string   `toml:"blob_archive,omitempty" comment:"directory where the keyper keeps the blobs of the batches it builds, for readers of L1 alone (veil follow --l1 --blobs)"`
}

// loadNodeConfig reads and checks a veil.toml; unknown keys are errors, so
// a misspelt setting is not silently ignored.
func loadNodeConfig(path string) (*nodeConfig, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("--config: %w", err)
	}
	var c nodeConfig
	dec := toml.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		var unknown *toml.StrictMissingError
		if errors.As(err, &unknown) {
			var keys []string
			for _, e := range unknown.Errors {
				keys = append(keys, strings.Join(e.Key(), "."))
			}
			return nil, fmt.Errorf("--config %s: unknown setting %s", path, strings.Join(keys, ", "))
		}
		return nil, fmt.Errorf("--config %s: %w", path, err)
	}
	dir := filepath.Dir(path)
	abs := func(p string) string {
		if p == "" || filepath.IsAbs(p) {
			return p
		}
		return filepath.Join(dir, p)
	}
	c.Home, c.Genesis, c.KeyperShare, c.KeyperKey = abs(c.Home), abs(c.Genesis), abs(c.KeyperShare), abs(c.KeyperKey)
	c.L1PosterKey, c.BlobArchive = abs(c.L1PosterKey), abs(c.BlobArchive)
	if c.L1PosterKey != "" && c.L1 == "" {
		return nil, fmt.Errorf("--config %s: l1_poster_key_file needs l1", path)
	}
	for _, req := range []struct{ name, v string }{{"api_listen", c.APIListen}, {"home", c.Home}, {"genesis", c.Genesis}, {"p2p_listen", c.P2PListen}, {"block_time", c.BlockTime}} {
		if req.v == "" {
			return nil, fmt.Errorf("--config %s: %s is required", path, req.name)
		}
	}
	if c.KeyperShare != "" && c.KeyperKey == "" {
		return nil, fmt.Errorf("--config %s: keyper_share_file needs keyper_key_file (the keyper signs its shares)", path)
	}
	if c.KeyperKey != "" && c.KeyperListen == "" {
		return nil, fmt.Errorf("--config %s: keyper_listen is required with keyper_key_file (peers send key shares there)", path)
	}
	listens := []struct{ name, v string }{{"api_listen", c.APIListen}, {"p2p_listen", c.P2PListen}, {"keyper_listen", c.KeyperListen}}
	seen := map[string]string{}
	for _, a := range listens {
		if a.v == "" {
			continue
		}
		if _, _, err := net.SplitHostPort(a.v); err != nil {
			return nil, fmt.Errorf("--config %s: %s: %w", path, a.name, err)
		}
		if other, ok := seen[a.v]; ok {
			return nil, fmt.Errorf("--config %s: %s and %s are both %s", path, other, a.name, a.v)
		}
		seen[a.v] = a.name
	}
	for _, p := range c.Peers {
		if id, addr, ok := strings.Cut(p, "@"); !ok || len(id) != 40 || addr == "" {
			return nil, fmt.Errorf("--config %s: peers: %q is not <node id>@host:port", path, p)
		}
	}
	if c.CacheMB < 0 || (c.CacheMB > 0 && c.CacheMB < 8) {
		return nil, fmt.Errorf("--config %s: cache_mb %d: want 8 or more (0: the default)", path, c.CacheMB)
	}
	return &c, nil
}

func (c *nodeConfig) blockTime() (time.Duration, error) {
	d, err := time.ParseDuration(c.BlockTime)
	if err != nil || d < 250*time.Millisecond {
		return 0, fmt.Errorf("block_time %q: want a duration of 250ms or more", c.BlockTime)
	}
	return d, nil
}

func (c *nodeConfig) level() (slog.Level, error) {
	var l slog.Level
	if c.LogLevel == "" {
		return slog.LevelInfo, nil
	}
	if err := l.UnmarshalText([]byte(c.LogLevel)); err != nil {
		return 0, fmt.Errorf("log_level %q: %w", c.LogLevel, err)
	}
	return l, nil
}

func writeNodeConfig(path string, c *nodeConfig) error {
	b, err := toml.Marshal(c)
	if err != nil {
		return err
	}
	head := "# Veil node configuration (veil node --config " + filepath.Base(path) + ").\n" +
		"# Relative paths are relative to this file's directory.\n\n"
	return os.WriteFile(path, append([]byte(head), b...), 0o644)
}

func newNodeCmd() *cobra.Command {
	var config string
	cmd := &cobra.Command{
		Use:   "node --config FILE",
		Short: "Run one sequencer node (a CometBFT validator and keyper) from its config file",
		Long: `Node runs one sequencer node as its own process: a CometBFT validator with
Veil's application, its keyper (when the config names a key share) and its
HTTP API. FILE is a veil.toml, such as veil devnet --write-configs DIR writes
for each validator (DIR/node-<i>/veil.toml); run one process per file to get
the same network as separate processes. Keys are read from the files the
config names, which must not be readable by others.

Logs are JSON on stderr, one "block" line per committed slot and one
"decrypt" line per bundle this node decrypted. SIGINT or SIGTERM stops
cleanly; the node resumes from its last committed slot when started again
(CometBFT replays or syncs the rest).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			c, err := loadNodeConfig(config)
			if err != nil {
				return err
			}
			return runNode(cmd.Context(), cmd.ErrOrStderr(), c)
		},
	}
	cmd.Flags().StringVar(&config, "config", "", "the node's veil.toml")
	_ = cmd.MarkFlagRequired("config")
	return cmd
}

func runNode(ctx context.Context, stderr io.Writer, c *nodeConfig) error {
	bt, err := c.blockTime()
	if err != nil {
		return err
	}
	level, err := c.level()
	if err != nil {
		return err
	}
	quiet := newQuietHandler(slog.NewJSONHandler(stderr, &slog.HandlerOptions{Level: level}))
	log := slog.New(quiet).With("validator", c.Index)
	// CometBFT reads its keys whatever their mode; Veil refuses them, like
	// the keyper's, if others can read them. (A missing node key is made
	// by CometBFT, 0600.)
	keys := []string{filepath.Join(c.Home, "config", "priv_validator_key.json")}
	if nodeKey := filepath.Join(c.Home, "config", "node_key.json"); fileExists(nodeKey) {
		keys = append(keys, nodeKey)
	}
	if err := privateFiles(keys...); err != nil {
		return err
	}
	nw, err := node.OpenNetwork(c.Genesis, bt)
	if err != nil {
		return err
	}
	var kp *node.Keyper
	if c.KeyperShare != "" || c.KeyperKey != "" {
		// A keyper key without a share: a node that joins the committee
		// through a DKG on chain (it registered on L1), its shares kept in
		// its data directory.
		var share *eon.Share
		if c.KeyperShare != "" {
			if share, err = keyfile.Read(c.KeyperShare); err != nil {
				return fmt.Errorf("keyper_share_file: %w", err)
			}
		}
		signer, err := readSecretKeyFile(c.KeyperKey)
		if err != nil {
			return fmt.Errorf("keyper_key_file: %w", err)
		}
		if kp, err = node.NewKeyper(share, signer, nw.Params().Domain, c.KeyperPeers, nw.ShareWait(), log); err != nil {
			return err
		}
		kp.OnReveal(func(r *node.Reveal) { log.Info("decrypt", "line", revealLine(r)) })
	} else {
		log.Warn("no keyper_key_file: this node releases no key shares and serves no keyper listener")
	}
	onBlock := func(b chain.BlockInfo) {
		log.Info("block", "slot", b.Height, "proposer", fmt.Sprintf("%X", b.Proposer), "queued", b.Queued, "committed", b.Committed, "appHash", b.AppHash)
	}
	var l1 *node.L1Source
	if c.L1 != "" {
		l1 = &node.L1Source{URL: c.L1, Confirmations: c.L1Confirmations}
	} else if nw.L1() != nil {
		log.Warn("the genesis names an L1 but the config has no l1 URL: this node attests nothing of L1")
	}
	var poster *ecdsa.PrivateKey
	if c.L1PosterKey != "" {
		if poster, err = readSecretKeyFile(c.L1PosterKey); err != nil {
			return fmt.Errorf("l1_poster_key_file: %w", err)
		}
	}
	if err := waitPeerHosts(ctx, c.Peers, 30*time.Second, log); err != nil {
		return err
	}
	err = node.Run(ctx, node.Config{Network: nw, Spec: node.ValidatorSpec{Index: c.Index, Home: c.Home, P2PListen: c.P2PListen, Peers: c.Peers},
		APIListen: c.APIListen, KeyperListen: c.KeyperListen, Keyper: kp, OnBlock: onBlock, Log: log, L1: l1, PosterKey: poster, BlobArchive: c.BlobArchive,
		Stopping: func() { quiet.stopping.Store(true) }, Memory: node.MemoryFor(int64(cmp.Or(c.CacheMB, node.DefaultMemoryBytes>>20)) << 20)})
	nw.WaitClosed()
	return err
}

// waitPeerHosts waits, up to limit in all, until every peer's host name
// resolves, and logs the names that still do not. CometBFT resolves its
// persistent peers once, at start, and drops (never dials) a name that does
// not resolve then; in a container network a peer's name exists only while
// its container runs, so nodes started together wait for each other here.
// A peer still down after the limit is left to dial in when it starts.
func waitPeerHosts(ctx context.Context, peers []string, limit time.Duration, log *slog.Logger) error {
	wait, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	for _, p := range peers {
		host, _, err := net.SplitHostPort(p[strings.LastIndex(p, "@")+1:])
		if err != nil {
			return fmt.Errorf("peers: %q: %w", p, err)
		}
		if net.ParseIP(host) != nil {
			continue
		}
		for tries := 0; ; tries++ {
			_, err := net.DefaultResolver.LookupHost(wait, host)
			if err == nil {
				break
			}
			if wait.Err() != nil {
				if ctx.Err() != nil {
					return ctx.Err()
				}
				log.Warn("a peer's name does not resolve: it is not dialled, and connects when it dials in", "host", host, "err", err)
				break
			}
			if tries%10 == 0 {
				log.Info("waiting for a peer's name to resolve", "host", host, "err", err)
			}
			select {
			case <-wait.Done():
			case <-time.After(500 * time.Millisecond):
			}
		}
	}
	return nil
}

// readSecretKeyFile reads a hex secp256k1 key from a file that others
// cannot read.
func readSecretKeyFile(path string) (*ecdsa.PrivateKey, error) {
	if err := privateFiles(path); err != nil {
		return nil, err
	}
	return readKeyFile(path)
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// privateFiles requires each file to exist with no access for group or
// others.
func privateFiles(paths ...string) error {
	for _, p := range paths {
		if err := keyfile.CheckPrivate(p); err != nil {
			return err
		}
	}
	return nil
}

// quietHandler lowers CometBFT's peer messages (its p2p and blocksync
// modules) to debug once the process is stopping. Stopping a validator
// makes it and every peer in the process log "Stopping peer for error",
// "error while stopping peer", "Won't start a peer - switch is not
// running" and the like at error level (chain's bridge shows them as
// warnings): a dozen per validator on make run's Ctrl-C, all expected.
// While the node runs, the same messages mean a peer dropped, and stay
// warnings.
type quietHandler struct {
	slog.Handler
	stopping *atomic.Bool
	peers    bool // this logger is one of CometBFT's peer modules
}

func newQuietHandler(h slog.Handler) *quietHandler {
	return &quietHandler{Handler: h, stopping: new(atomic.Bool)}
}

func (h *quietHandler) Handle(ctx context.Context, r slog.Record) error {
	if h.peers && r.Level > slog.LevelDebug && h.stopping.Load() {
		if !h.Handler.Enabled(ctx, slog.LevelDebug) {
			return nil
		}
		r.Level = slog.LevelDebug
	}
	return h.Handler.Handle(ctx, r)
}

// WithAttrs notes CometBFT's module attribute, which its loggers carry
// from With("module", …).
func (h *quietHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	c := *h
	c.Handler = h.Handler.WithAttrs(attrs)
	for _, a := range attrs {
		if a.Key == "module" {
			m := a.Value.String()
			c.peers = m == "p2p" || m == "blocksync"
		}
	}
	return &c
}

func (h *quietHandler) WithGroup(name string) slog.Handler {
	c := *h
	c.Handler = h.Handler.WithGroup(name)
	return &c
}
