package envelope

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"strconv"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/veil-sequencer/veil/eip712"
)

// fields in EIP-712 order, then the signature: the canonical key order.
var fields = []string{"chainId", "eon", "identityPrefix", "sender", "ciphertext", "gasLimit", "maxFeePerGas", "nonce", "validUntilSlot", "signature"}

// EncodeCanonical is the form inside chain transactions: keys in EIP-712
// order then "signature", no whitespace, lowercase hex, v ∈ {27, 28}, no hash.
func (e *Envelope) EncodeCanonical() []byte {
	var b bytes.Buffer
	fee := "0"
	if e.MaxFeePerGas != nil {
		fee = e.MaxFeePerGas.String()
	}
	sig := "null"
	if e.Signature != nil {
		s := bytes.Clone(e.Signature)
		if len(s) == eip712.SignatureSize && s[64] < 27 {
			s[64] += 27
		}
		sig = `"` + hexutil.Encode(s) + `"`
	}
	fmt.Fprintf(&b, `{"chainId":%d,"eon":%d,"identityPrefix":"%s","sender":"%s","ciphertext":"%s","gasLimit":%d,"maxFeePerGas":"%s","nonce":%d,"validUntilSlot":%d,"signature":%s}`,
		e.ChainID, e.Eon, hexutil.Encode(e.IdentityPrefix[:]), hexutil.Encode(e.Sender[:]), hexutil.Encode(e.Ciphertext),
		e.GasLimit, fee, e.Nonce, e.ValidUntilSlot, sig)
	return b.Bytes()
}

// DecodeCanonical parses the canonical form and rejects any other spelling
// of the same envelope (the decoder re-encodes and compares).
func DecodeCanonical(b []byte) (*Envelope, error) {
	e, hash, err := decode(b)
	if err != nil {
		return nil, err
	}
	if hash != nil {
		return nil, &Error{Code: CodeUnknownField, Field: "hash", Err: errors.New("no hash in the canonical form")}
	}
	if !bytes.Equal(e.EncodeCanonical(), b) {
		return nil, &Error{Code: CodeBadJSON, Err: errors.New("not the canonical encoding")}
	}
	return e, nil
}

// DecodeRequest parses an envelope as the API receives it: any JSON
// whitespace, but no unknown, duplicate or missing keys, each value of its
// exact type, and, if the body carries "hash", the envelope's digest under d.
func DecodeRequest(b []byte, d eip712.Domain) (*Envelope, error) {
	e, hash, err := decode(b)
	if err != nil {
		return nil, err
	}
	if hash != nil {
		if want := e.Hash(d); *hash != want {
			return nil, &Error{Code: CodeHashMismatch, Field: "hash", Err: fmt.Errorf("body says %s, envelope hashes to %s", hash, want)}
		}
	}
	return e, nil
}

func decode(b []byte) (*Envelope, *common.Hash, error) {
	obj, err := strictObject(b)
	if err != nil {
		return nil, nil, err
	}
	for k := range obj {
		if k != "hash" && !contains(fields, k) {
			return nil, nil, &Error{Code: CodeUnknownField, Field: k, Err: errors.New("unknown field")}
		}
	}
	for _, k := range fields {
		if _, ok := obj[k]; !ok {
			return nil, nil, &Error{Code: CodeMissingField, Field: k, Err: errors.New("missing")}
		}
	}
	e := &Envelope{}
	p := parser{obj: obj}
	e.ChainID = p.uint64("chainId")
	e.Eon = p.uint64("eon")
	e.IdentityPrefix = [32]byte(p.bytesN("identityPrefix", 32))
	e.Sender = p.address("sender")
	e.Ciphertext = p.bytesN("ciphertext", -1)
	e.GasLimit = p.uint64("gasLimit")
	e.MaxFeePerGas = p.uint256("maxFeePerGas")
	e.Nonce = p.uint64("nonce")
	e.ValidUntilSlot = p.uint64("validUntilSlot")
	e.Signature = p.bytesN("signature", eip712.SignatureSize)
	var hash *common.Hash
	if _, ok := obj["hash"]; ok {
		h := common.Hash(p.bytesN("hash", 32))
		hash = &h
	}
	if p.err != nil {
		return nil, nil, p.err
	}
	return e, hash, nil
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// strictObject reads one JSON object, rejecting duplicate keys and anything
// after it.
func strictObject(b []byte) (map[string]json.RawMessage, error) {
	bad := func(err error) error { return &Error{Code: CodeBadJSON, Err: err} }
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		return nil, bad(err)
	}
	if tok != json.Delim('{') {
		return nil, bad(errors.New("not a JSON object"))
	}
	obj := make(map[string]json.RawMessage)
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, bad(err)
		}
		key, ok := tok.(string)
		if !ok {
			return nil, bad(errors.New("object key is not a string"))
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, bad(fmt.Errorf("value of %q: %w", key, err))
		}
		if _, dup := obj[key]; dup {
			return nil, &Error{Code: CodeBadJSON, Field: key, Err: errors.New("duplicate key")}
		}
		obj[key] = raw
	}
	if _, err := dec.Token(); err != nil { // the closing brace
		return nil, bad(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, bad(errors.New("data after the JSON object"))
	}
	return obj, nil
}

// parser reads typed fields, keeping the first error, which names its field.
type parser struct {
	obj map[string]json.RawMessage
	err error
}

func (p *parser) fail(field, format string, args ...any) {
	if p.err == nil {
		p.err = &Error{Code: CodeBadField, Field: field, Err: fmt.Errorf(format, args...)}
	}
}

func isDecimal(s string) bool {
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

func (p *parser) uint64(field string) uint64 {
	raw := string(p.obj[field])
	if !isDecimal(raw) {
		p.fail(field, "want a JSON integer (no sign, fraction or exponent), got %s", raw)
		return 0
	}
	v, err := strconv.ParseUint(raw, 10, 64)
	if err != nil {
		p.fail(field, "does not fit uint64")
	}
	return v
}

func (p *parser) str(field string) (string, bool) {
	var s string
	if err := json.Unmarshal(p.obj[field], &s); err != nil {
		p.fail(field, "want a JSON string")
		return "", false
	}
	return s, true
}

func (p *parser) uint256(field string) *big.Int {
	s, ok := p.str(field)
	if !ok {
		return nil
	}
	if !isDecimal(s) || len(s) > 78 {
		p.fail(field, "want a decimal string without leading zeros, got %q", s)
		return nil
	}
	v, _ := new(big.Int).SetString(s, 10)
	if v.Cmp(maxUint256) > 0 {
		p.fail(field, "exceeds 2^256 − 1")
		return nil
	}
	return v
}

// bytesN reads 0x-prefixed lowercase hex of n bytes (any length if n < 0).
func (p *parser) bytesN(field string, n int) []byte {
	s, ok := p.str(field)
	if !ok {
		return make([]byte, max(n, 0))
	}
	if len(s) < 2 || s[:2] != "0x" || len(s)%2 != 0 {
		p.fail(field, "want 0x-prefixed hex of whole bytes")
		return make([]byte, max(n, 0))
	}
	for _, c := range s[2:] {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			p.fail(field, "want lowercase hex")
			return make([]byte, max(n, 0))
		}
	}
	b, _ := hexutil.Decode(s)
	if n >= 0 && len(b) != n {
		p.fail(field, "%d bytes, want %d", len(b), n)
		return make([]byte, n)
	}
	return b
}

func (p *parser) address(field string) common.Address {
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

// ParseAddress reads an address as DESIGN §4 spells them: 0x and 40 hex
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

// MarshalJSON writes the canonical form.
func (e *Envelope) MarshalJSON() ([]byte, error) { return e.EncodeCanonical(), nil }
