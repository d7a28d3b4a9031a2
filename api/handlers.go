package api

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"strconv"

	"github.com/ethereum/go-ethereum/common"
	"github.com/go-chi/chi/v5"

	"github.com/veil-sequencer/veil/api/apitypes"
	"github.com/veil-sequencer/veil/bid"
	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/envelope"
	"github.com/veil-sequencer/veil/mempool"
	"github.com/veil-sequencer/veil/withdrawal"
)

// maxPoolPage bounds GET /v1/pool's limit.
const maxPoolPage = 1000

func (s *Server) getStatus(w http.ResponseWriter, r *http.Request) {
	st, err := s.backend.Status(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, st)
}

func (s *Server) getValidators(w http.ResponseWriter, r *http.Request) {
	v, err := s.backend.Validators(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, v)
}

func (s *Server) getParams(w http.ResponseWriter, r *http.Request) {
	p, err := s.backend.Params(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, p)
}

func (s *Server) getEon(w http.ResponseWriter, r *http.Request) {
	e, err := s.backend.Eon(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, e)
}

func (s *Server) getNextEon(w http.ResponseWriter, r *http.Request) {
	e, err := s.backend.NextEon(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, e)
}

func (s *Server) getAccount(w http.ResponseWriter, r *http.Request) {
	addr, err := envelope.ParseAddress(chi.URLParam(r, "address"))
	if err != nil {
		writeError(w, badField("address", err.Error()))
		return
	}
	a, err := s.backend.Account(r.Context(), addr)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, a)
}

func (s *Server) postBid(w http.ResponseWriter, r *http.Request) {
	b, ok := readSigned(s, w, r, bid.DecodeRequest)
	if !ok {
		return
	}
	hash, err := s.backend.SubmitBid(r.Context(), b)
	if err != nil {
		s.reject(w, r, err)
		return
	}
	s.accepted.WithLabelValues(kindBid).Inc()
	writeJSON(w, http.StatusAccepted, apitypes.BidSubmitted{BidHash: hash})
}

func (s *Server) postWithdrawal(w http.ResponseWriter, r *http.Request) {
	x, ok := readSigned(s, w, r, withdrawal.DecodeRequest)
	if !ok {
		return
	}
	hash, err := s.backend.SubmitWithdrawal(r.Context(), x)
	if err != nil {
		s.reject(w, r, err)
		return
	}
	s.accepted.WithLabelValues(kindWithdrawal).Inc()
	writeJSON(w, http.StatusAccepted, apitypes.Submitted{Hash: hash, Status: "pending"})
}

func (s *Server) getWithdrawals(w http.ResponseWriter, r *http.Request) {
	addr, err := envelope.ParseAddress(chi.URLParam(r, "account"))
	if err != nil {
		writeError(w, badField("account", err.Error()))
		return
	}
	ws, err := s.backend.Withdrawals(r.Context(), addr)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if ws.Withdrawals == nil {
		ws.Withdrawals = []apitypes.Withdrawal{} // [], not null
	}
	writeJSON(w, http.StatusOK, ws)
}

func (s *Server) getWithdrawalProof(w http.ResponseWriter, r *http.Request) {
	addr, err := envelope.ParseAddress(chi.URLParam(r, "account"))
	if err != nil {
		writeError(w, badField("account", err.Error()))
		return
	}
	nonce, err := strconv.ParseUint(chi.URLParam(r, "nonce"), 10, 64)
	if err != nil {
		writeError(w, badField("nonce", "want a withdrawNonce"))
		return
	}
	p, err := s.backend.WithdrawalProof(r.Context(), addr, nonce)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, p)
}

// readBody reads a request body of at most limit bytes. A body declared
// larger is refused before it is read, and its connection closed, so a peer
// sending oversized garbage costs the node a header, not a megabyte copy.
// The buffer grows only as bytes arrive, never from the declared length: a
// connection that declares the limit and sends nothing holds a few hundred
// bytes until the read timeout, not the limit (issue 15, finding 5).
func readBody(w http.ResponseWriter, r *http.Request, limit int64) ([]byte, error) {
	if r.ContentLength > limit {
		w.Header().Set("Connection", "close")
		return nil, &http.MaxBytesError{Limit: limit}
	}
	var buf bytes.Buffer
	_, err := buf.ReadFrom(http.MaxBytesReader(w, r.Body, limit))
	var mbe *http.MaxBytesError
	if err != nil && !errors.As(err, &mbe) {
		// A body shorter than declared, or cut off: the sender's fault.
		return nil, &httpError{Status: http.StatusBadRequest, Code: mempool.CodeBadJSON.String(), Message: "reading the body: " + err.Error()}
	}
	return buf.Bytes(), err
}

// readSigned reads a request body (within the size limit) and decodes the
// signed object in it under the deployment's domain; on failure it has
// answered the request.
func readSigned[T any](s *Server, w http.ResponseWriter, r *http.Request, decode func([]byte, eip712.Domain) (T, error)) (T, bool) {
	var zero T
	body, err := readBody(w, r, s.maxBody)
	if err != nil {
		s.reject(w, r, err)
		return zero, false
	}
	d, err := s.backend.Domain(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return zero, false
	}
	v, err := decode(body, d)
	if err != nil {
		s.reject(w, r, err)
		return zero, false
	}
	return v, true
}

func (s *Server) getAuction(w http.ResponseWriter, r *http.Request) {
	getByNumber(s, w, r, "slot", "a slot number", s.backend.Auction)
}

func (s *Server) getBlock(w http.ResponseWriter, r *http.Request) {
	getByNumber(s, w, r, "slot", "a slot number", s.backend.Block)
}

func (s *Server) getForced(w http.ResponseWriter, r *http.Request) {
	getByNumber(s, w, r, "index", "a forcedIndex", s.backend.Forced)
}

// getByNumber answers a GET whose path ends in a number (a slot, a
// forcedIndex): param names it, what says what it must be.
func getByNumber[T any](s *Server, w http.ResponseWriter, r *http.Request, param, what string, get func(context.Context, uint64) (T, error)) {
	n, err := strconv.ParseUint(chi.URLParam(r, param), 10, 64)
	if err != nil {
		writeError(w, badField(param, "want "+what))
		return
	}
	v, err := get(r.Context(), n)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, v)
}

func (s *Server) postShares(w http.ResponseWriter, r *http.Request) {
	s.receiveShares(w, r, s.backend.ReceiveShares)
}

func (s *Server) postBatchShares(w http.ResponseWriter, r *http.Request) {
	s.receiveShares(w, r, s.backend.ReceiveBatchShare)
}

// receiveShares answers a keyper's message under the keyper listener's
// body limit.
func (s *Server) receiveShares(w http.ResponseWriter, r *http.Request, receive func(context.Context, []byte) (int, error)) {
	body, err := readBody(w, r, s.keyper.MaxBody)
	if err != nil {
		s.reject(w, r, err)
		return
	}
	faults, err := receive(r.Context(), body)
	if err != nil {
		s.reject(w, r, err)
		return
	}
	writeJSON(w, http.StatusAccepted, apitypes.SharesReceived{Faults: faults})
}

func (s *Server) postTransaction(w http.ResponseWriter, r *http.Request) {
	e, ok := readSigned(s, w, r, envelope.DecodeRequest)
	if !ok {
		return
	}
	hash, err := s.backend.Submit(r.Context(), e)
	if err != nil {
		s.reject(w, r, err)
		return
	}
	s.accepted.WithLabelValues(kindTransaction).Inc()
	writeJSON(w, http.StatusAccepted, apitypes.Submitted{Hash: hash, Status: "pending"})
}

func (s *Server) getTransaction(w http.ResponseWriter, r *http.Request) {
	raw := chi.URLParam(r, "hash")
	b, err := parseHash(raw)
	if err != nil {
		writeError(w, badField("hash", err.Error()))
		return
	}
	tx, err := s.backend.Transaction(r.Context(), b)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, tx)
}

func (s *Server) getPool(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	limit := maxPoolPage
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > maxPoolPage {
			writeError(w, badField("limit", "want an integer from 1 to 1000"))
			return
		}
		limit = n
	}
	txs, next, err := s.backend.Pool(r.Context(), q.Get("after"), limit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if txs == nil {
		txs = []apitypes.Transaction{}
	}
	writeJSON(w, http.StatusOK, apitypes.PoolPage{Envelopes: txs, Next: next})
}

func (s *Server) getReady(w http.ResponseWriter, r *http.Request) {
	if err := s.backend.Ready(r.Context()); err != nil {
		writeError(w, &httpError{Status: http.StatusServiceUnavailable, Code: codeNotReady, Message: err.Error()})
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ready"})
}

// reject answers a refused submission and counts it by code.
func (s *Server) reject(w http.ResponseWriter, r *http.Request, err error) {
	e := toError(err)
	if e.Status >= 500 && e.Code == codeInternal {
		s.fail(w, r, err)
		return
	}
	s.rejected.WithLabelValues(e.Code).Inc()
	writeError(w, e)
}

// fail answers an unexpected backend error; the cause goes to the log, not
// the client.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	e := toError(err)
	if e.Code == codeInternal {
		s.log.ErrorContext(r.Context(), "api request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	writeError(w, e)
}

func parseHash(s string) (common.Hash, error) {
	if len(s) != 66 || s[:2] != "0x" {
		return common.Hash{}, errors.New("want 0x and 64 hex digits")
	}
	for _, c := range s[2:] {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return common.Hash{}, errors.New("want lowercase hex")
		}
	}
	return common.HexToHash(s), nil
}
