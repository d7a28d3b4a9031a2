package api

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"

	"github.com/veil-sequencer/veil/api/apitypes"
	"github.com/veil-sequencer/veil/keyper"
	"github.com/veil-sequencer/veil/mempool"
	"github.com/veil-sequencer/veil/wire"
)

// Errors a Backend returns for the API to answer with their status, code
// and field; any other error is a 500 whose cause goes to the log.
var (
	// ErrNotFound is an unknown object: 404 not_found.
	ErrNotFound = errors.New("api: not found")
	// ErrBadCursor is a GET /v1/pool cursor the node did not issue: 400
	// bad_field "after".
	ErrBadCursor = errors.New("api: not a cursor from this node")
)

// httpError is an answer with its HTTP status, as the handlers make it for
// what they check themselves (a path parameter, an unknown route). A
// Backend returns typed errors instead (a *mempool.Rejection, a
// *wire.Error, ErrNotFound, …), which toError maps. On the wire it is an
// apitypes.ErrorBody.
type httpError struct {
	Status  int
	Code    string
	Message string
	Field   string
}

func (e *httpError) Error() string { return e.Code + ": " + e.Message }

// statusOf is the HTTP status of a code: the one place where the codes of
// the rules and decoders (mempool.Code) meet HTTP.
func statusOf(c mempool.Code) int {
	switch c {
	case mempool.CodeTooLarge:
		return http.StatusRequestEntityTooLarge
	case mempool.CodeNonceUsed, mempool.CodeNonceGap, mempool.CodeWrongSlot, mempool.CodeSeqTooLow, mempool.CodeWithdrawalsFrozen,
		mempool.CodeDKGNotRunning, mempool.CodeDKGWrongPhase, mempool.CodeDKGDuplicate:
		return http.StatusConflict
	case mempool.CodeSenderCap, mempool.CodeBidLimit:
		return http.StatusTooManyRequests
	case mempool.CodeInsufficientDeposit, mempool.CodeInsufficientCollateral:
		return http.StatusPaymentRequired
	case mempool.CodePoolFull:
		return http.StatusServiceUnavailable
	}
	// The decoders' codes, bad_tx, and the rules that no retry passes
	// (wrong_chain, expired, bad_signature, …).
	return http.StatusBadRequest
}

// toError is the one mapping from errors to status, code and field.
func toError(err error) *httpError {
	var (
		ae  *httpError
		we  *wire.Error
		rej *mempool.Rejection
		mbe *http.MaxBytesError
	)
	switch {
	case errors.As(err, &ae):
		return ae
	case errors.As(err, &mbe):
		return &httpError{Status: http.StatusRequestEntityTooLarge, Code: mempool.CodeTooLarge.String(), Message: "request body over " + strconv.FormatInt(mbe.Limit, 10) + " bytes"}
	case errors.As(err, &we):
		status := http.StatusBadRequest
		if c, ok := mempool.ParseCode(we.Code); ok {
			status = statusOf(c)
		}
		return &httpError{Status: status, Code: we.Code, Message: messageOf(we.Err, err), Field: we.Field}
	case errors.As(err, &rej):
		return &httpError{Status: statusOf(rej.Code), Code: rej.Code.String(), Message: messageOf(rej.Err, err), Field: rej.Field}
	case errors.Is(err, keyper.ErrSignature):
		return &httpError{Status: http.StatusBadRequest, Code: mempool.CodeBadSignature.String(), Field: "signature", Message: err.Error()}
	case errors.Is(err, keyper.ErrForeign):
		return &httpError{Status: http.StatusBadRequest, Code: mempool.CodeWrongChain.String(), Field: "chainId", Message: err.Error()}
	case errors.Is(err, keyper.ErrNoKeyper):
		return &httpError{Status: http.StatusBadRequest, Code: mempool.CodeBadField.String(), Field: "keyper", Message: err.Error()}
	case errors.Is(err, ErrBadCursor):
		return &httpError{Status: http.StatusBadRequest, Code: mempool.CodeBadField.String(), Field: "after", Message: "not a cursor from this node"}
	case errors.Is(err, ErrNotFound):
		return &httpError{Status: http.StatusNotFound, Code: codeNotFound, Message: err.Error()}
	}
	return &httpError{Status: http.StatusInternalServerError, Code: codeInternal, Message: "internal error"}
}

// The API's own codes, of no rule or decoder.
const (
	codeNotFound         = "not_found"
	codeMethodNotAllowed = "method_not_allowed"
	codeNotReady         = "not_ready"
	codeInternal         = "internal"
)

// messageOf is a rule's own message (without its code and field, which
// the answer carries apart), or the whole error's if it has none.
func messageOf(cause, whole error) string {
	if cause != nil {
		return cause.Error()
	}
	return whole.Error()
}

// badField is a 400 for a request parameter the handler checks itself.
func badField(field, message string) *httpError {
	return &httpError{Status: http.StatusBadRequest, Code: mempool.CodeBadField.String(), Field: field, Message: message}
}

func writeError(w http.ResponseWriter, err error) {
	e := toError(err)
	writeJSON(w, e.Status, apitypes.ErrorBody{Error: apitypes.Error{Code: e.Code, Message: e.Message, Field: e.Field}})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
