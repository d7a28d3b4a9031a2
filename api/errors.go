package api

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"

	"github.com/veil-sequencer/veil/envelope"
	"github.com/veil-sequencer/veil/keyper"
	"github.com/veil-sequencer/veil/mempool"
)

// ErrNotFound is what a Backend returns for an unknown object.
var ErrNotFound = errors.New("api: not found")

// Error is an API error as it goes on the wire.
type Error struct {
	Status  int    `json:"-"`
	Code    string `json:"code"`
	Message string `json:"message"`
	Field   string `json:"field,omitempty"`
}

func (e *Error) Error() string { return e.Code + ": " + e.Message }

// toError is the one mapping from errors to status, code and field.
func toError(err error) *Error {
	var (
		ae  *Error
		ee  *envelope.Error
		rej *mempool.Rejection
		mbe *http.MaxBytesError
	)
	switch {
	case errors.As(err, &ae):
		return ae
	case errors.As(err, &mbe):
		return &Error{Status: http.StatusRequestEntityTooLarge, Code: "too_large", Message: "request body over " + strconv.FormatInt(mbe.Limit, 10) + " bytes"}
	case errors.As(err, &ee):
		return &Error{Status: http.StatusBadRequest, Code: ee.Code, Message: ee.Err.Error(), Field: ee.Field}
	case errors.As(err, &rej):
		return &Error{Status: rej.Status, Code: rej.Code, Message: rej.Err.Error(), Field: rej.Field}
	case errors.Is(err, keyper.ErrSignature):
		return &Error{Status: http.StatusBadRequest, Code: "bad_signature", Field: "signature", Message: err.Error()}
	case errors.Is(err, keyper.ErrForeign):
		return &Error{Status: http.StatusBadRequest, Code: "wrong_chain", Field: "chainId", Message: err.Error()}
	case errors.Is(err, keyper.ErrNoKeyper):
		return &Error{Status: http.StatusBadRequest, Code: "bad_field", Field: "keyper", Message: err.Error()}
	case errors.Is(err, ErrNotFound):
		return &Error{Status: http.StatusNotFound, Code: "not_found", Message: err.Error()}
	}
	return &Error{Status: http.StatusInternalServerError, Code: "internal", Message: "internal error"}
}

func writeError(w http.ResponseWriter, err error) {
	e := toError(err)
	writeJSON(w, e.Status, map[string]*Error{"error": e})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
