package wire

import (
	"bytes"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/veil-sequencer/veil/eip712"
)

// Schema is how one kind of signed object (envelope, bid) decodes: its
// keys in canonical order, and how its fields are read. Every such object
// goes through the same steps (one strict object, exactly those keys and an
// optional "hash", typed fields, the first error naming its field), so the
// kinds reject alike with the same codes.
type Schema[T Signed] struct {
	Fields []string        // the object's keys in canonical order
	Read   func(*Parser) T // reads the fields; p.Err holds the first failure
}

// Decode reads an object in any spelling the API allows, and the hash the
// body claims for it, if it carries one (unchecked).
func (s Schema[T]) Decode(raw []byte) (T, *common.Hash, error) {
	var zero T
	obj, err := StrictObject(raw)
	if err != nil {
		return zero, nil, err
	}
	p, err := NewParser(obj, s.Fields, "hash")
	if err != nil {
		return zero, nil, err
	}
	v := s.Read(p)
	var hash *common.Hash
	if p.Has("hash") {
		h := common.Hash(p.Bytes("hash", 32))
		hash = &h
	}
	if p.Err != nil {
		return zero, nil, p.Err
	}
	return v, hash, nil
}

// DecodeCanonical reads a chain transaction's object and rejects any other
// spelling of it than the canonical one (it re-encodes and compares).
func (s Schema[T]) DecodeCanonical(raw []byte) (T, error) {
	var zero T
	v, hash, err := s.Decode(raw)
	if err != nil {
		return zero, err
	}
	if err := Canonical(raw, v, hash); err != nil {
		return zero, err
	}
	return v, nil
}

// DecodeRequest reads an object as the API receives it: any JSON
// whitespace, otherwise as strict as the canonical form, and, if the body
// carries "hash", the object's digest under d.
func (s Schema[T]) DecodeRequest(raw []byte, d eip712.Domain) (T, error) {
	var zero T
	v, hash, err := s.Decode(raw)
	if err != nil {
		return zero, err
	}
	if err := ClaimedHash(v, hash, d); err != nil {
		return zero, err
	}
	return v, nil
}

// SignatureJSON is a signature as the canonical forms write it: 0x hex
// with v ∈ {27, 28} (a 0/1 v is shifted), or null when unsigned.
func SignatureJSON(sig []byte) string {
	if sig == nil {
		return "null"
	}
	s := bytes.Clone(sig)
	if len(s) == eip712.SignatureSize && s[64] < 27 {
		s[64] += 27
	}
	return `"` + hexutil.Encode(s) + `"`
}
