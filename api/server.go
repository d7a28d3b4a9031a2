// Package api is Veil's HTTP edge (DESIGN §8) on chi: thin handlers over a
// Backend, one function mapping errors to {"error": {code, message, field}},
// bodies bounded, every route in openapi.yaml.
package api

import (
	"context"
	_ "embed"
	"encoding/json"
	"log/slog"
	"math/big"
	"net/http"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/go-chi/chi/v5"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/veil-sequencer/veil/bid"
	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/envelope"
	"github.com/veil-sequencer/veil/eon"
)

// OpenAPI is the API's description, served nowhere but kept in step with
// the router by a test.
//
//go:embed openapi.yaml
var OpenAPI []byte

// Status is GET /v1/status.
type Status struct {
	ChainID     uint64      `json:"chainId"`
	Height      uint64      `json:"height"`
	Eon         uint64      `json:"eon"`
	BlockTimeMs uint64      `json:"blockTimeMs"`
	DomainSalt  common.Hash `json:"domainSalt"`
	// AppHash is the state's hash after Height (DESIGN §6): nodes at the
	// same height that disagree on it have forked. (DESIGN §8 lists no
	// such field; operators and the fault tests compare it.)
	AppHash common.Hash `json:"appHash"`
}

// Account is GET /v1/accounts/{address}.
type Account struct {
	NextNonce      uint64 `json:"nextNonce"`
	Deposit        Wei    `json:"deposit"`
	PendingCharges Wei    `json:"pendingCharges"`
	Collateral     Wei    `json:"collateral"`
	Reserved       Wei    `json:"reserved"` // penalties reserved by the builder's unsettled bids
}

// Wei is a uint256 amount, a decimal string on the wire (DESIGN §4).
type Wei struct{ *big.Int }

// MarshalJSON writes the decimal string, "0" for nil.
func (w Wei) MarshalJSON() ([]byte, error) {
	if w.Int == nil {
		return []byte(`"0"`), nil
	}
	return []byte(`"` + w.String() + `"`), nil
}

// Transaction is GET /v1/transactions/{hash}; absent fields are omitted.
type Transaction struct {
	Hash   common.Hash `json:"hash"`
	Status string      `json:"status"`
	Slot   *uint64     `json:"slot,omitempty"`
	Index  *uint64     `json:"index,omitempty"`
	Reason string      `json:"reason,omitempty"`
	// PlaintextHash is keccak256 of the plaintext, once decrypted (or
	// invalid with a plaintext).
	PlaintextHash *common.Hash       `json:"plaintextHash,omitempty"`
	Envelope      *envelope.Envelope `json:"envelope,omitempty"`
}

// Block is GET /v1/blocks/{slot} (DESIGN §8): the slot's committed bundle,
// in order, with whatever is known of its decryption. Level is
// "committed" until every envelope has a plaintext or a reason, then
// "decrypted".
type Block struct {
	Slot         uint64          `json:"slot"`
	Level        string          `json:"level"`
	Hash         hexutil.Bytes   `json:"hash"`     // CometBFT's block hash
	Proposer     hexutil.Bytes   `json:"proposer"` // CometBFT validator address
	Time         time.Time       `json:"time"`
	Auction      Result          `json:"auction"`
	Record       hexutil.Bytes   `json:"record"`      // the block's first transaction: 0x03 ‖ the slot record's canonical JSON
	RecordProof  json.RawMessage `json:"recordProof"` // CometBFT's proof of that transaction under the header's data hash
	BundleRoot   common.Hash     `json:"bundleRoot"`  // root (DESIGN §4) over the bundle's envelope hashes
	Keys         []BlockKey      `json:"keys"`        // the bundle's keys, empty until combined
	Transactions []BlockTx       `json:"transactions"`
	Commit       json.RawMessage `json:"commit"` // CometBFT's signed header of the block, for light clients
}

// BlockKey is the combined key of the bundle's envelope at Index.
type BlockKey struct {
	Index    uint32        `json:"index"`
	Identity common.Hash   `json:"identity"`
	Key      hexutil.Bytes `json:"key"`
}

// BlockTx is one envelope of a block's bundle.
type BlockTx struct {
	EnvelopeHash common.Hash        `json:"envelopeHash"`
	Identity     common.Hash        `json:"identity"`
	Envelope     *envelope.Envelope `json:"envelope"`
	Status       string             `json:"status"` // committed, decrypted or invalid
	Plaintext    hexutil.Bytes      `json:"plaintext,omitempty"`
	Reason       string             `json:"reason,omitempty"`
}

// Backend is what the API needs of a node.
type Backend interface {
	Status(ctx context.Context) (Status, error)
	Params(ctx context.Context) (any, error)
	Eon(ctx context.Context) (*eon.Info, error)
	Domain(ctx context.Context) (eip712.Domain, error)
	Account(ctx context.Context, addr common.Address) (Account, error)
	// Submit admits an envelope and passes it on; a rule it breaks comes
	// back as a *mempool.Rejection. Submitting a known envelope again
	// answers as the first time.
	Submit(ctx context.Context, e *envelope.Envelope) (common.Hash, error)
	// Transaction returns ErrNotFound for a hash never seen.
	Transaction(ctx context.Context, hash common.Hash) (Transaction, error)
	// Pool lists queued and pending envelopes in arrival order after the
	// cursor ("" from the start) and the cursor to continue from.
	Pool(ctx context.Context, after string, limit int) ([]Transaction, string, error)
	// SubmitBid admits a bid and passes it on; a rule it breaks comes back
	// as a *mempool.Rejection. Submitting a known bid again answers as the
	// first time.
	SubmitBid(ctx context.Context, b *bid.Bid) (common.Hash, error)
	Auction(ctx context.Context, slot uint64) (Auction, error)
	// Block returns ErrNotFound before the slot is committed.
	Block(ctx context.Context, slot uint64) (Block, error)
	// FeedEvent returns the JSON of the block at cur (its level as
	// cur.Level says), waiting until it exists or ctx ends. Readers at the
	// same cursor share one encoding.
	FeedEvent(ctx context.Context, cur FeedCursor) ([]byte, error)
	// ReceiveShares takes a keyper's KeyShares message; it returns how many
	// bad shares (each blamed on the keyper that signed it) it held.
	ReceiveShares(ctx context.Context, raw []byte) (faults int, err error)
	Ready(ctx context.Context) error
	// Validators lists the genesis validators with their bonds and
	// slashing.
	Validators(ctx context.Context) ([]Validator, error)
}

// Validator is one entry of GET /v1/validators (DESIGN §8 has no such
// path; operators and the fault tests read slashing from it).
type Validator struct {
	Address hexutil.Bytes  `json:"address"` // CometBFT validator address
	PubKey  hexutil.Bytes  `json:"pubKey"`  // ed25519
	Keyper  common.Address `json:"keyper"`
	Bond    Wei            `json:"bond"`
	Power   int64          `json:"power"`             // Veil's view: 1, or 0 once slashed
	Slashed *Slashing      `json:"slashed,omitempty"` // absent while in good standing
}

// Slashing is when and for what a validator was slashed.
type Slashing struct {
	Slot   uint64 `json:"slot"`   // the block that applied the evidence
	Height uint64 `json:"height"` // where it equivocated
	Amount Wei    `json:"amount"` // the bond it lost
}

// Auction is GET /v1/auctions/{slot}: open while bids may still be
// committed for the slot, closed once its block is.
type Auction struct {
	Slot     uint64 `json:"slot"`
	Status   string `json:"status"` // "open" or "closed"
	Reserve  Wei    `json:"reserve"`
	BidCount int    `json:"bidCount"`
	*Result         // once closed
}

// Result is a closed auction's public outcome, from its slot record.
type Result struct {
	Bids   []AuctionBid    `json:"bids"`
	Winner *common.Address `json:"winner"` // null without a valid bid
	Price  *string         `json:"price"`  // wei; null without a winner
}

// AuctionBid is one committed bid's verdict.
type AuctionBid struct {
	BidHash common.Hash    `json:"bidHash"`
	Builder common.Address `json:"builder"`
	Seq     uint64         `json:"seq"`
	Value   *string        `json:"value"` // wei; null if not opened
	Verdict string         `json:"verdict"`
	Reason  string         `json:"reason,omitempty"`
}

// Config sets up a Server.
type Config struct {
	Backend Backend
	Log     *slog.Logger
	// Collectors are the node's own metrics, served on /metrics too.
	Collectors []prometheus.Collector
	// MaxBody bounds request bodies (default 128 KiB: a 64 KiB ciphertext
	// is 128 KiB of hex).
	MaxBody int64
	Feed    FeedConfig
	// Keyper bounds the keyper listener (POST /v1/p2p/shares).
	Keyper KeyperConfig
}

// KeyperConfig bounds the keyper listener, which takes peers' key shares on
// a port of its own, apart from the public API, so that a flood of either
// cannot starve the other of connections, goroutines or buffers.
type KeyperConfig struct {
	// MaxBody bounds a KeyShares message (default 1 MiB: up to
	// keyper.MaxShares shares of ~200 bytes of JSON each).
	MaxBody int64
	// MaxConns bounds the listener's open connections (default 64: a few
	// per peer); past it, new connections wait in the kernel's accept
	// queue until one closes.
	MaxConns int
}

// Server is the HTTP API of one node.
type Server struct {
	backend     Backend
	log         *slog.Logger
	maxBody     int64
	keyper      KeyperConfig
	feed        FeedConfig
	feedCutoffs prometheus.Counter
	registry    *prometheus.Registry
	requests    *prometheus.CounterVec
	rejected    *prometheus.CounterVec
	public      chi.Router // the public API's routes
	peers       chi.Router // the keyper listener's routes
	all         chi.Router // both, on one handler
}

// New builds the server and its routes.
func New(cfg Config) *Server {
	s := &Server{backend: cfg.Backend, log: cfg.Log, maxBody: cfg.MaxBody, keyper: cfg.Keyper, registry: prometheus.NewRegistry()}
	if s.log == nil {
		s.log = slog.Default()
	}
	if s.maxBody == 0 {
		s.maxBody = 128 << 10
	}
	if s.keyper.MaxBody == 0 {
		s.keyper.MaxBody = 1 << 20
	}
	if s.keyper.MaxConns <= 0 {
		s.keyper.MaxConns = 64
	}
	s.feed = cfg.Feed
	if s.feed.Heartbeat <= 0 {
		s.feed.Heartbeat = 15 * time.Second
	}
	if s.feed.WriteTimeout <= 0 {
		s.feed.WriteTimeout = 10 * time.Second
	}
	s.requests = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "veil_api_requests_total", Help: "API requests by route and status."}, []string{"route", "status"})
	s.feedCutoffs = prometheus.NewCounter(prometheus.CounterOpts{Name: "veil_feed_cutoffs_total",
		Help: "Block feed readers cut off for not accepting an event within the write timeout."})
	s.rejected = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "veil_api_rejections_total", Help: "Rejected submissions by code."}, []string{"code"})
	s.registry.MustRegister(s.requests, s.rejected, s.feedCutoffs, collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	s.registry.MustRegister(cfg.Collectors...)

	s.public = s.router(s.publicRoutes)
	s.peers = s.router(s.keyperRoutes)
	s.all = s.router(func(r chi.Router) { s.publicRoutes(r); s.keyperRoutes(r) })
	return s
}

// router is a router with the given routes, counted, and JSON answers for
// unknown routes and methods.
func (s *Server) router(routes func(chi.Router)) chi.Router {
	r := chi.NewRouter()
	r.Use(s.count)
	routes(r)
	r.NotFound(func(w http.ResponseWriter, req *http.Request) {
		msg := "no such route"
		if req.URL.Path == sharesPath {
			// A peer still configured with this node's API URL learns why.
			msg = "key shares go to the node's keyper listener (keyper_listen), not its public API"
		}
		writeError(w, &Error{Status: http.StatusNotFound, Code: "not_found", Message: msg})
	})
	r.MethodNotAllowed(func(w http.ResponseWriter, _ *http.Request) {
		writeError(w, &Error{Status: http.StatusMethodNotAllowed, Code: "method_not_allowed", Message: "method not allowed on this route"})
	})
	return r
}

// publicRoutes are the API for wallets, builders, rollups and operators.
func (s *Server) publicRoutes(r chi.Router) {
	r.Get("/v1/status", s.getStatus)
	r.Get("/v1/params", s.getParams)
	r.Get("/v1/eon", s.getEon)
	r.Get("/v1/accounts/{address}", s.getAccount)
	r.Post("/v1/transactions", s.postTransaction)
	r.Get("/v1/transactions/{hash}", s.getTransaction)
	r.Get("/v1/pool", s.getPool)
	r.Post("/v1/bids", s.postBid)
	r.Get("/v1/auctions/{slot}", s.getAuction)
	r.Get("/v1/blocks/{slot}", s.getBlock)
	r.Get("/v1/blocks", s.getFeed)
	r.Get("/v1/validators", s.getValidators)
	r.Method(http.MethodGet, "/metrics", promhttp.HandlerFor(s.registry, promhttp.HandlerOpts{}))
	r.Get("/healthz", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	r.Get("/readyz", s.getReady)
}

// keyperRoutes are what peer keypers post to: nothing else, so the
// keyper listener's port exposes no more than the share path.
func (s *Server) keyperRoutes(r chi.Router) {
	r.Post(sharesPath, s.postShares)
}

// sharesPath is where keypers post their KeyShares messages (node.Keyper
// sends to peer+sharesPath).
const sharesPath = "/v1/p2p/shares"

// Handler serves both listeners' routes on one handler: for tests and
// in-process networks that give each node one address. A node serves
// PublicHandler and KeyperHandler on separate listeners (Serve,
// ServeKeyper).
func (s *Server) Handler() http.Handler { return s.all }

// PublicHandler serves the public API: every route but POST
// /v1/p2p/shares, which answers 404 here.
func (s *Server) PublicHandler() http.Handler { return s.public }

// KeyperHandler serves the keyper listener: POST /v1/p2p/shares alone.
func (s *Server) KeyperHandler() http.Handler { return s.peers }

// Routes lists the served method and route patterns of both listeners, for
// the OpenAPI test.
func (s *Server) Routes() []string {
	var out []string
	_ = chi.Walk(s.all, func(method, route string, _ http.Handler, _ ...func(http.Handler) http.Handler) error {
		out = append(out, method+" "+route)
		return nil
	})
	return out
}

// HTTPServer is the public API's server, with timeouts that bound slow
// clients.
func (s *Server) HTTPServer(addr string) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           s.public,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
}

// KeyperHTTPServer is the keyper listener's server. Its peers are a few
// nodes sending messages of at most a megabyte: tighter timeouts than the
// public API's free a connection that dawdles sooner. (ListenKeyper also
// bounds its connections.)
func (s *Server) KeyperHTTPServer(addr string) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           s.peers,
		ReadHeaderTimeout: 2 * time.Second,
		ReadTimeout:       5 * time.Second,
		WriteTimeout:      5 * time.Second,
		IdleTimeout:       30 * time.Second,
		MaxHeaderBytes:    8 << 10,
	}
}

// count records every request by its route pattern and status.
func (s *Server) count(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rec, r)
		route := chi.RouteContext(r.Context()).RoutePattern()
		if route == "" {
			route = "unmatched"
		}
		s.requests.WithLabelValues(route, http.StatusText(rec.status)).Inc()
	})
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

// Unwrap lets http.ResponseController reach the connection (the feed
// flushes and sets write deadlines).
func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }
