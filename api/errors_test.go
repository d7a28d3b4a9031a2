package api

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/veil-sequencer/veil/envelope"
	"github.com/veil-sequencer/veil/keyper"
	"github.com/veil-sequencer/veil/mempool"
	"github.com/veil-sequencer/veil/wire"
)

// TestStatusOfEveryCode: every code has the status it always had, and a
// new code cannot be added without choosing one here.
func TestStatusOfEveryCode(t *testing.T) {
	want := map[mempool.Code]int{
		mempool.CodeBadTx: 400, mempool.CodeBadJSON: 400, mempool.CodeUnknownField: 400, mempool.CodeMissingField: 400,
		mempool.CodeBadField: 400, mempool.CodeUnsupportedTx: 400, mempool.CodeBadRecord: 400, mempool.CodeHashMismatch: 400,
		mempool.CodeWrongChain: 400, mempool.CodeWrongEon: 400, mempool.CodeTooLarge: 413, mempool.CodeBadCiphertext: 400,
		mempool.CodeGasTooLow: 400, mempool.CodeGasTooHigh: 400, mempool.CodeFeeTooLow: 400, mempool.CodeFeeOverflow: 400,
		mempool.CodeExpired: 400, mempool.CodeValidityTooLong: 400, mempool.CodeBadSignature: 400,
		mempool.CodeIdentityReused: 400, mempool.CodeNonceUsed: 409, mempool.CodeNonceGap: 409, mempool.CodeSenderCap: 429,
		mempool.CodeInsufficientDeposit: 402, mempool.CodePoolFull: 503, mempool.CodeWrongSlot: 409,
		mempool.CodeSeqTooLow: 409, mempool.CodeBidLimit: 429, mempool.CodeInsufficientCollateral: 402,
		mempool.CodeWithdrawalsFrozen: 409, mempool.CodeDKGNotRunning: 409, mempool.CodeDKGWrongPhase: 409,
		mempool.CodeDKGNotMember: 400, mempool.CodeDKGDuplicate: 409, mempool.CodeEonEnding: 400,
	}
	for _, c := range mempool.Codes() {
		status, ok := want[c]
		if !ok {
			t.Errorf("code %s: no status chosen in this test", c)
			continue
		}
		if got := statusOf(c); got != status {
			t.Errorf("code %s: status %d, want %d", c, got, status)
		}
		e := toError(fmt.Errorf("wrapped: %w", &mempool.Rejection{Code: c, Field: "f", Err: errors.New("why")}))
		if e.Status != status || e.Code != c.String() || e.Field != "f" || e.Message != "why" {
			t.Errorf("code %s: answered %+v", c, e)
		}
	}
}

// TestToError: the backend's typed errors get their status, code and field.
func TestToError(t *testing.T) {
	for _, tc := range []struct {
		err                error
		status             int
		code, field, inMsg string
	}{
		{&envelope.Error{Code: wire.CodeBadField, Field: "nonce", Err: errors.New("want an integer")}, 400, "bad_field", "nonce", "want an integer"},
		{&wire.Error{Code: wire.CodeHashMismatch, Field: "hash", Err: errors.New("differs")}, 400, "hash_mismatch", "hash", "differs"},
		{&http.MaxBytesError{Limit: 10}, 413, "too_large", "", "10 bytes"},
		{fmt.Errorf("node: %w", ErrBadCursor), 400, "bad_field", "after", "not a cursor"},
		{fmt.Errorf("%w: no keyper", ErrNotFound), 404, "not_found", "", "no keyper"},
		{fmt.Errorf("x: %w", keyper.ErrSignature), 400, "bad_signature", "signature", ""},
		{keyper.ErrForeign, 400, "wrong_chain", "chainId", ""},
		{keyper.ErrNoKeyper, 400, "bad_field", "keyper", ""},
		{errors.New("disk on fire"), 500, "internal", "", "internal error"},
	} {
		e := toError(tc.err)
		if e.Status != tc.status || e.Code != tc.code || e.Field != tc.field || !strings.Contains(e.Message, tc.inMsg) {
			t.Errorf("%v: answered %+v, want %d %s %q", tc.err, e, tc.status, tc.code, tc.field)
		}
	}
}
