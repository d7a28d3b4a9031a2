// Package wire holds the JSON rules of Veil's signed objects (protocol §4):
// one object with no unknown, duplicate or missing keys, uint64 as JSON
// integers, uint256 as decimal strings without leading zeros, bytes as
// 0x-prefixed lowercase hex, addresses lowercase or EIP-55. Every decoder
// of untrusted objects (envelopes, bids) reads through it, so they reject
// the same things with the same codes.
package wire

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"strconv"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/veil-sequencer/veil/eip712"
)

// Error is a rejected object: a code from protocol §8 and the JSON field at
// fault, if one is.
type Error struct {
	Code  string
	Field string
	Err   error
}

func (e *Error) Error() string {
	if e.Field == "" {
		return fmt.Sprintf("%s: %v", e.Code, e.Err)
	}
	return fmt.Sprintf("%s: %s: %v", e.Code, e.Field, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// Codes for what this package rejects.
const (
	CodeBadJSON      = "bad_json"
	CodeUnknownField = "unknown_field"
	CodeMissingField = "missing_field"
	CodeBadField     = "bad_field"
	CodeHashMismatch = "hash_mismatch"
	CodeBadSignature = "bad_signature" // the signature is not the signer's (envelope and bid check it)
)

// Signed is a signed object with a canonical encoding and an EIP-712 digest.
type Signed interface {
	EncodeCanonical() []byte
	Hash(eip712.Domain) common.Hash
}

// Canonical is the check of a chain transaction's object: it carries no
// hash, and raw is its canonical encoding byte for byte, so no other
// spelling of the same object passes.
func Canonical(raw []byte, obj Signed, hash *common.Hash) error {
	if hash != nil {
		return &Error{Code: CodeUnknownField, Field: "hash", Err: errors.New("no hash in the canonical form")}
	}
	if !bytes.Equal(obj.EncodeCanonical(), raw) {
		return &Error{Code: CodeBadJSON, Err: errors.New("not the canonical encoding")}
	}
	return nil
}

// ClaimedHash checks the hash a request body may carry against the
// object's digest under d.
func ClaimedHash(obj Signed, hash *common.Hash, d eip712.Domain) error {
	if hash == nil {
		return nil
	}
	if want := obj.Hash(d); *hash != want {
		return &Error{Code: CodeHashMismatch, Field: "hash", Err: fmt.Errorf("body says %s, the object hashes to %s", hash, want)}
	}
	return nil
}

// FitsUint256 reports whether x is a uint256: 0 ≤ x < 2^256.
func FitsUint256(x *big.Int) bool { return x.Sign() >= 0 && x.BitLen() <= 256 }

// OrZero is x, or 0 for nil: an absent amount is zero, as every encoding
// of one writes it.
func OrZero(x *big.Int) *big.Int {
	if x == nil {
		return new(big.Int)
	}
	return x
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// StrictObject reads one JSON object, rejecting duplicate keys and anything
// after it.
func StrictObject(b []byte) (map[string]json.RawMessage, error) {
	obj := make(map[string]json.RawMessage)
	sc := scanner{b: b}
	err := sc.object(func(key string, raw []byte) error {
		if _, dup := obj[key]; dup {
			return &Error{Code: CodeBadJSON, Field: key, Err: errors.New("duplicate key")}
		}
		obj[key] = raw
		return nil
	})
	var we *Error
	switch {
	case errors.As(err, &we):
		return nil, err
	case err != nil:
		return nil, &Error{Code: CodeBadJSON, Err: err}
	}
	return obj, nil
}

// Parser reads typed fields of an object from StrictObject, keeping the
// first error, which names its field.
type Parser struct {
	Obj map[string]json.RawMessage
	Err error
}

// NewParser checks that obj has exactly the keys fields plus any of
// optional, and returns a parser over it.
func NewParser(obj map[string]json.RawMessage, fields []string, optional ...string) (*Parser, error) {
	for k := range obj {
		if !contains(fields, k) && !contains(optional, k) {
			return nil, &Error{Code: CodeUnknownField, Field: k, Err: errors.New("unknown field")}
		}
	}
	for _, k := range fields {
		if _, ok := obj[k]; !ok {
			return nil, &Error{Code: CodeMissingField, Field: k, Err: errors.New("missing")}
		}
	}
	return &Parser{Obj: obj}, nil
}

// Has reports whether the object carries the key.
func (p *Parser) Has(field string) bool { _, ok := p.Obj[field]; return ok }

func (p *Parser) fail(field, format string, args ...any) {
	if p.Err == nil {
		p.Err = &Error{Code: CodeBadField, Field: field, Err: fmt.Errorf(format, args...)}
	}
}

// IsDecimal reports whether s is a decimal number without sign or leading
// zeros.
func IsDecimal(s string) bool {
	if s == "" || (len(s) > 1 && s[0] == '0') {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// Uint64 reads a JSON integer without sign, fraction or exponent.
func (p *Parser) Uint64(field string) uint64 {
	raw := string(p.Obj[field])
	if !IsDecimal(raw) {
		p.fail(field, "want a JSON integer (no sign, fraction or exponent), got %s", raw)
		return 0
	}
	v, err := strconv.ParseUint(raw, 10, 64)
	if err != nil {
		p.fail(field, "does not fit uint64")
	}
	return v
}

func (p *Parser) str(field string) (string, bool) {
	raw := p.Obj[field]
	if plainString(raw) {
		return string(raw[1 : len(raw)-1]), true
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		p.fail(field, "want a JSON string")
		return "", false
	}
	return s, true
}

// Uint256 reads a decimal string below 2^256.
func (p *Parser) Uint256(field string) *big.Int {
	s, ok := p.str(field)
	if !ok {
		return nil
	}
	if !IsDecimal(s) || len(s) > 78 {
		p.fail(field, "want a decimal string without leading zeros, got %q", s)
		return nil
	}
	v, _ := new(big.Int).SetString(s, 10)
	if !FitsUint256(v) {
		p.fail(field, "exceeds 2^256 − 1")
		return nil
	}
	return v
}

// plain marks the bytes a JSON string holds as themselves: printable ASCII
// but the quote and the backslash.
var plain = func() (t [256]bool) {
	for c := 0x20; c < 0x7f; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// plainString reports whether raw is a JSON string of printable ASCII
// without escapes, whose value is its bytes between the quotes.
func plainString(raw []byte) bool {
	return len(raw) >= 2 && raw[0] == '"' && raw[len(raw)-1] == '"' && plainPrefix(raw[1:len(raw)-1]) == len(raw)-2
}

// Bytes reads 0x-prefixed lowercase hex of n bytes (any length if n < 0).
func (p *Parser) Bytes(field string, n int) []byte {
	var text []byte
	if raw := p.Obj[field]; plainString(raw) {
		text = raw[1 : len(raw)-1] // no copy: ciphertexts are long
	} else {
		s, ok := p.str(field)
		if !ok {
			return make([]byte, max(n, 0))
		}
		text = []byte(s)
	}
	if len(text) < 2 || text[0] != '0' || text[1] != 'x' || len(text)%2 != 0 {
		p.fail(field, "want 0x-prefixed hex of whole bytes")
		return make([]byte, max(n, 0))
	}
	b, ok := decodeLowerHex(text[2:])
	if !ok {
		p.fail(field, "want lowercase hex")
		return make([]byte, max(n, 0))
	}
	if n >= 0 && len(b) != n {
		p.fail(field, "%d bytes, want %d", len(b), n)
		return make([]byte, n)
	}
	return b
}

// nibble maps a lowercase hex digit to its value and anything else to
// 0xff: one table lookup per byte instead of branches that random hex
// mispredicts.
var nibble = func() (t [256]byte) {
	for i := range t {
		t[i] = 0xff
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = byte(c - '0')
	}
	for c := 'a'; c <= 'f'; c++ {
		t[c] = byte(c - 'a' + 10)
	}
	return t
}()

// decodeLowerHex decodes an even-length run of lowercase hex digits.
func decodeLowerHex(src []byte) ([]byte, bool) {
	out := make([]byte, len(src)/2)
	var bad byte
	for i := range out {
		hi, lo := nibble[src[2*i]], nibble[src[2*i+1]]
		bad |= hi | lo
		out[i] = hi<<4 | lo&0x0f
	}
	return out, bad&0xf0 == 0
}

// Address reads an address as ParseAddress does.
func (p *Parser) Address(field string) common.Address {
	s, ok := p.str(field)
	if !ok {
		return common.Address{}
	}
	a, err := ParseAddress(s)
	if err != nil {
		p.fail(field, "%v", err)
	}
	return a
}

// ParseAddress reads an address as protocol §4 spells them: 0x and 40 hex
// digits, all lowercase or with a valid EIP-55 checksum.
func ParseAddress(s string) (common.Address, error) {
	if len(s) != 42 || s[:2] != "0x" || !common.IsHexAddress(s) {
		return common.Address{}, errors.New("want a 0x-prefixed 20-byte address")
	}
	a := common.HexToAddress(s)
	if s != hexutil.Encode(a[:]) && s != a.Hex() {
		return common.Address{}, errors.New("mixed case that is not the EIP-55 checksum")
	}
	return a, nil
}
