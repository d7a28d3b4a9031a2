package mempool

import (
	"fmt"

	"github.com/veil-sequencer/veil/wire"
)

// Code is why a transaction is refused, in one vocabulary for every place
// that says so: the rules' rejections, the decoders' errors (by name), the
// ABCI code of CheckTx and FinalizeBlock, and the API's error code (package
// api maps each to its HTTP status).
//
// Its number is the ABCI code and is fixed forever: FinalizeBlock's result
// codes are hashed into the next header (LastResultsHash), so a renumbered
// code would fork a replay. The numbers are written out, never positions;
// new codes take the next free number. 0 is ABCI's "accepted" and is no
// Code. String is the name on the wire ("nonce_gap").
type Code uint32

// Codes of transactions that are no envelope or bid Veil reads, and of the
// decoders (package wire names those).
const (
	CodeBadTx         Code = 1  // empty, or undecodable without a decoder's code
	CodeBadJSON       Code = 2  // wire.CodeBadJSON
	CodeUnknownField  Code = 3  // wire.CodeUnknownField
	CodeMissingField  Code = 4  // wire.CodeMissingField
	CodeBadField      Code = 5  // wire.CodeBadField
	CodeUnsupportedTx Code = 22 // a transaction type no rule takes
	CodeBadRecord     Code = 27 // a slot record out of place or malformed
	CodeHashMismatch  Code = 29 // wire.CodeHashMismatch (API bodies only: chain transactions carry no hash)
)

// Codes of the envelope rules (docs/admission.md).
const (
	CodeWrongChain          Code = 6
	CodeWrongEon            Code = 7
	CodeTooLarge            Code = 8
	CodeBadCiphertext       Code = 9
	CodeGasTooLow           Code = 10
	CodeFeeTooLow           Code = 11
	CodeFeeOverflow         Code = 12
	CodeExpired             Code = 13
	CodeValidityTooLong     Code = 14
	CodeBadSignature        Code = 15 // wire.CodeBadSignature: bids' too
	CodeIdentityReused      Code = 16
	CodeNonceUsed           Code = 17
	CodeNonceGap            Code = 18
	CodeSenderCap           Code = 19
	CodeInsufficientDeposit Code = 20
	CodePoolFull            Code = 21
	CodeGasTooHigh          Code = 28
)

// Codes of the withdrawal rules (docs/admission.md), beyond the envelope
// rules' they share.
const (
	CodeWithdrawalsFrozen Code = 30
)

// Codes of the on-chain DKG's messages (protocol §10), beyond
// bad_signature and bad_tx.
const (
	CodeDKGNotRunning Code = 31 // no DKG runs for the message's eon (or chain)
	CodeDKGWrongPhase Code = 32 // the block's slot takes another phase
	CodeDKGNotMember  Code = 33 // the sender is no keyper of the DKG
	CodeDKGDuplicate  Code = 34 // the keyper's second message in the phase
)

// CodeEonEnding is an envelope of the active eon valid at or past the
// next eon's activation slot (protocol §10): its keypers would never
// release for it.
const CodeEonEnding Code = 35

// Codes of the bid rules (docs/auction.md).
const (
	CodeWrongSlot              Code = 23
	CodeSeqTooLow              Code = 24
	CodeBidLimit               Code = 25
	CodeInsufficientCollateral Code = 26
)

// codeNames are the codes' names on the wire; a Code is known iff it has
// one.
var codeNames = map[Code]string{
	CodeBadTx:                  "bad_tx",
	CodeBadJSON:                wire.CodeBadJSON,
	CodeUnknownField:           wire.CodeUnknownField,
	CodeMissingField:           wire.CodeMissingField,
	CodeBadField:               wire.CodeBadField,
	CodeWrongChain:             "wrong_chain",
	CodeWrongEon:               "wrong_eon",
	CodeTooLarge:               "too_large",
	CodeBadCiphertext:          "bad_ciphertext",
	CodeGasTooLow:              "gas_too_low",
	CodeFeeTooLow:              "fee_too_low",
	CodeFeeOverflow:            "fee_overflow",
	CodeExpired:                "expired",
	CodeValidityTooLong:        "validity_too_long",
	CodeBadSignature:           wire.CodeBadSignature,
	CodeIdentityReused:         "identity_reused",
	CodeNonceUsed:              "nonce_used",
	CodeNonceGap:               "nonce_gap",
	CodeSenderCap:              "sender_cap",
	CodeInsufficientDeposit:    "insufficient_deposit",
	CodePoolFull:               "pool_full",
	CodeUnsupportedTx:          "unsupported_tx",
	CodeWrongSlot:              "wrong_slot",
	CodeSeqTooLow:              "seq_too_low",
	CodeBidLimit:               "bid_limit",
	CodeInsufficientCollateral: "insufficient_collateral",
	CodeBadRecord:              "bad_record",
	CodeGasTooHigh:             "gas_too_high",
	CodeHashMismatch:           wire.CodeHashMismatch,
	CodeWithdrawalsFrozen:      "withdrawals_frozen",
	CodeDKGNotRunning:          "dkg_not_running",
	CodeDKGWrongPhase:          "dkg_wrong_phase",
	CodeDKGNotMember:           "dkg_not_member",
	CodeDKGDuplicate:           "dkg_duplicate",
	CodeEonEnding:              "eon_ending",
}

var codesByName = func() map[string]Code {
	m := make(map[string]Code, len(codeNames))
	for c, name := range codeNames {
		m[name] = c
	}
	return m
}()

// Codes lists every known code, for tests that check each has its place
// (a name, an HTTP status).
func Codes() []Code {
	out := make([]Code, 0, len(codeNames))
	for c := range codeNames {
		out = append(out, c)
	}
	return out
}

// String is the code's name on the wire; "code_<n>" for a number this
// version does not know.
func (c Code) String() string {
	if name, ok := codeNames[c]; ok {
		return name
	}
	return fmt.Sprintf("code_%d", uint32(c))
}

// Known reports whether c is a code of this version.
func (c Code) Known() bool { _, ok := codeNames[c]; return ok }

// ParseCode is the code named name (a decoder's wire.Error code, say).
func ParseCode(name string) (Code, bool) {
	c, ok := codesByName[name]
	return c, ok
}

// Rejection is an envelope or bid the rules refuse: the rule's code and the
// JSON field at fault ("" when none is).
type Rejection struct {
	Code  Code
	Field string
	Err   error
}

func (r *Rejection) Error() string { return fmt.Sprintf("%s (%s): %v", r.Code, r.Field, r.Err) }
func (r *Rejection) Unwrap() error { return r.Err }

func reject(code Code, field, format string, args ...any) *Rejection {
	return &Rejection{Code: code, Field: field, Err: fmt.Errorf(format, args...)}
}
