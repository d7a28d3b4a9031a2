// Package api is Veil's HTTP edge (protocol §8) on chi: thin handlers over a
// Backend, one function mapping errors to {"error": {code, message, field}},
// bodies bounded, every route in openapi.yaml. The JSON it serves is
// defined in package apitypes, which clients import without this one.
package api

import (
	"context"
	_ "embed"
	"log/slog"
	"net/http"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/go-chi/chi/v5"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/veil-sequencer/veil/api/apitypes"
	"github.com/veil-sequencer/veil/bid"
	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/envelope"
	"github.com/veil-sequencer/veil/eon"
	"github.com/veil-sequencer/veil/params"
	"github.com/veil-sequencer/veil/statuspage"
	"github.com/veil-sequencer/veil/withdrawal"
)

// OpenAPI is the API's description, served nowhere but kept in step with
// the router by a test.
//
//go:embed openapi.yaml
var OpenAPI []byte

// Backend is what the API needs of a node. Its errors are typed (a
// *mempool.Rejection, a *wire.Error, ErrNotFound, ErrBadCursor, keyper's
// errors), and toError answers each with its status, code and field; any
// other is an internal error.
type Backend interface {
	Status(ctx context.Context) (apitypes.Status, error)
	Params(ctx context.Context) (apitypes.Params, error)
	Eon(ctx context.Context) (*eon.Info, error)
	// NextEon is the next eon's DKG, the one running or the last;
	// ErrNotFound before the first.
	NextEon(ctx context.Context) (apitypes.NextEon, error)
	Domain(ctx context.Context) (eip712.Domain, error)
	Account(ctx context.Context, addr common.Address) (apitypes.Account, error)
	// Submit admits an envelope and passes it on; a rule it breaks comes
	// back as a *mempool.Rejection. Submitting a known envelope again
	// answers as the first time.
	Submit(ctx context.Context, e *envelope.Envelope) (common.Hash, error)
	// Transaction returns ErrNotFound for a hash never seen.
	Transaction(ctx context.Context, hash common.Hash) (apitypes.Transaction, error)
	// Pool lists queued and pending envelopes in arrival order after the
	// cursor ("" from the start) and the cursor to continue from;
	// ErrBadCursor for a cursor it did not issue.
	Pool(ctx context.Context, after string, limit int) ([]apitypes.Transaction, string, error)
	// SubmitBid admits a bid and passes it on; a rule it breaks comes back
	// as a *mempool.Rejection. Submitting a known bid again answers as the
	// first time.
	SubmitBid(ctx context.Context, b *bid.Bid) (common.Hash, error)
	Auction(ctx context.Context, slot uint64) (apitypes.Auction, error)
	// Block returns ErrNotFound before the slot is committed.
	Block(ctx context.Context, slot uint64) (apitypes.Block, error)
	// FeedEvent returns the JSON of the block at cur (its level as
	// cur.Level says), waiting until it exists or ctx ends. Readers at the
	// same cursor share one encoding.
	FeedEvent(ctx context.Context, cur apitypes.FeedCursor) ([]byte, error)
	// ReceiveShares takes a keyper's KeyShares message; it returns how many
	// bad shares (each blamed on the keyper that signed it) it held.
	ReceiveShares(ctx context.Context, raw []byte) (faults int, err error)
	// ReceiveBatchShare takes a keyper's BatchShare message (its share of
	// a batch header's signature); faults is 1 if the share was bad (blamed
	// on the keyper that signed it), else 0.
	ReceiveBatchShare(ctx context.Context, raw []byte) (faults int, err error)
	Ready(ctx context.Context) error
	// Validators lists the genesis validators with their bonds and
	// slashing.
	Validators(ctx context.Context) (apitypes.Validators, error)
	// Forced returns ErrNotFound until a block applied the forced item.
	Forced(ctx context.Context, index uint64) (apitypes.Forced, error)
	// SubmitWithdrawal admits a withdrawal and passes it on; a rule it
	// breaks comes back as a *mempool.Rejection. Submitting a known
	// withdrawal again answers as the first time.
	SubmitWithdrawal(ctx context.Context, w *withdrawal.Withdrawal) (common.Hash, error)
	// Withdrawals lists an account's committed withdrawals (none: an empty
	// list, not ErrNotFound).
	Withdrawals(ctx context.Context, account common.Address) (apitypes.Withdrawals, error)
	// WithdrawalProof returns ErrNotFound until the batch covering the
	// withdrawal is signed.
	WithdrawalProof(ctx context.Context, account common.Address, withdrawNonce uint64) (apitypes.WithdrawalProof, error)
}

// Config sets up a Server.
type Config struct {
	Backend Backend
	Log     *slog.Logger
	// Collectors are the node's own metrics, served on /metrics too.
	Collectors []prometheus.Collector
	// MaxBody bounds request bodies (default DefaultMaxBody).
	MaxBody int64
	Feed    FeedConfig
	// Keyper bounds the keyper listener (POST /v1/p2p/shares and
	// /v1/p2p/batchshares).
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
	feedReaders prometheus.Gauge
	registry    *prometheus.Registry
	requests    *prometheus.CounterVec
	rejected    *prometheus.CounterVec
	accepted    *prometheus.CounterVec
	public      chi.Router // the public API's routes
	peers       chi.Router // the keyper listener's routes
	all         chi.Router // both, on one handler
}

// DefaultMaxBody bounds a public request body: the largest ciphertext or
// sealed bid a network may allow (params.MaxPayload) is twice its size in
// hex, and the rest of an envelope's or bid's JSON is well under 8 KiB.
const DefaultMaxBody = 2*params.MaxPayload + 8<<10

// New builds the server and its routes.
func New(cfg Config) *Server {
	s := &Server{backend: cfg.Backend, log: cfg.Log, maxBody: cfg.MaxBody, keyper: cfg.Keyper, registry: prometheus.NewRegistry()}
	if s.log == nil {
		s.log = slog.Default()
	}
	if s.maxBody == 0 {
		s.maxBody = DefaultMaxBody
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
	s.feedReaders = prometheus.NewGauge(prometheus.GaugeOpts{Name: "veil_feed_readers", Help: "Block feed readers connected now."})
	s.accepted = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "veil_api_accepted_total",
		Help: "Submissions admitted (202), by kind: transaction, bid, withdrawal."}, []string{"kind"})
	s.presetMetrics()
	s.registry.MustRegister(s.requests, s.rejected, s.accepted, s.feedCutoffs, s.feedReaders,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
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
		if req.URL.Path == sharesPath || req.URL.Path == batchSharesPath {
			// A peer still configured with this node's API URL learns why.
			msg = "keypers' shares go to the node's keyper listener (keyper_listen), not its public API"
		}
		writeError(w, &httpError{Status: http.StatusNotFound, Code: codeNotFound, Message: msg})
	})
	r.MethodNotAllowed(func(w http.ResponseWriter, _ *http.Request) {
		writeError(w, &httpError{Status: http.StatusMethodNotAllowed, Code: codeMethodNotAllowed, Message: "method not allowed on this route"})
	})
	return r
}

// publicRoutes are the API for wallets, builders, rollups and operators.
func (s *Server) publicRoutes(r chi.Router) {
	r.Get("/v1/status", s.getStatus)
	r.Get("/v1/params", s.getParams)
	r.Get("/v1/eon", s.getEon)
	r.Get("/v1/eon/next", s.getNextEon)
	r.Get("/v1/accounts/{address}", s.getAccount)
	r.Post("/v1/transactions", s.postTransaction)
	r.Get("/v1/transactions/{hash}", s.getTransaction)
	r.Get("/v1/pool", s.getPool)
	r.Post("/v1/bids", s.postBid)
	r.Get("/v1/auctions/{slot}", s.getAuction)
	r.Get("/v1/blocks/{slot}", s.getBlock)
	r.Get("/v1/blocks", s.getFeed)
	r.Get("/v1/validators", s.getValidators)
	r.Get("/v1/forced/{index}", s.getForced)
	r.Post("/v1/withdrawals", s.postWithdrawal)
	r.Get("/v1/withdrawals/{account}", s.getWithdrawals)
	r.Get("/v1/withdrawals/{account}/{nonce}/proof", s.getWithdrawalProof)
	r.Method(http.MethodGet, "/metrics", promhttp.HandlerFor(s.registry, promhttp.HandlerOpts{}))
	r.Get("/healthz", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	r.Get("/readyz", s.getReady)
	// The status page at / and its assets, which read the routes above.
	page := statuspage.Handler()
	for _, p := range statuspage.Paths() {
		r.Method(http.MethodGet, p, page)
	}
}

// keyperRoutes are what peer keypers post to: nothing else, so the
// keyper listener's port exposes no more than the share paths.
func (s *Server) keyperRoutes(r chi.Router) {
	r.Post(sharesPath, s.postShares)
	r.Post(batchSharesPath, s.postBatchShares)
}

// sharesPath and batchSharesPath are where keypers post their KeyShares
// and BatchShare messages (node.Keyper sends to peer+path).
const (
	sharesPath      = "/v1/p2p/shares"
	batchSharesPath = "/v1/p2p/batchshares"
)

// Handler serves both listeners' routes on one handler: for tests and
// in-process networks that give each node one address. A node serves
// PublicHandler and KeyperHandler on separate listeners (Serve,
// ServeKeyper).
func (s *Server) Handler() http.Handler { return s.all }

// PublicHandler serves the public API: every route but POST
// /v1/p2p/shares and /v1/p2p/batchshares, which answer 404 here.
func (s *Server) PublicHandler() http.Handler { return s.public }

// KeyperHandler serves the keyper listener: POST /v1/p2p/shares and
// /v1/p2p/batchshares alone.
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
