package envelope

import (
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/wire"
)

// fields in EIP-712 order, then the signature: the canonical key order.
var fields = []string{"chainId", "eon", "identityPrefix", "sender", "ciphertext", "gasLimit", "maxFeePerGas", "nonce", "validUntilSlot", "signature"}

// EncodeCanonical is the form inside chain transactions: keys in EIP-712
// order then "signature", no whitespace, lowercase hex, v ∈ {27, 28}, no hash.
func (e *Envelope) EncodeCanonical() []byte {
	return fmt.Appendf(nil, `{"chainId":%d,"eon":%d,"identityPrefix":"%s","sender":"%s","ciphertext":"%s","gasLimit":%d,"maxFeePerGas":"%s","nonce":%d,"validUntilSlot":%d,"signature":%s}`,
		e.ChainID, e.Eon, hexutil.Encode(e.IdentityPrefix[:]), hexutil.Encode(e.Sender[:]), hexutil.Encode(e.Ciphertext),
		e.GasLimit, wire.OrZero(e.MaxFeePerGas).String(), e.Nonce, e.ValidUntilSlot, wire.SignatureJSON(e.Signature))
}

// schema is the envelope's JSON: its keys and how its fields read.
var schema = wire.Schema[*Envelope]{Fields: fields, Read: func(p *wire.Parser) *Envelope {
	return &Envelope{
		ChainID:        p.Uint64("chainId"),
		Eon:            p.Uint64("eon"),
		IdentityPrefix: [32]byte(p.Bytes("identityPrefix", 32)),
		Sender:         p.Address("sender"),
		Ciphertext:     p.Bytes("ciphertext", -1),
		GasLimit:       p.Uint64("gasLimit"),
		MaxFeePerGas:   p.Uint256("maxFeePerGas"),
		Nonce:          p.Uint64("nonce"),
		ValidUntilSlot: p.Uint64("validUntilSlot"),
		Signature:      p.Bytes("signature", eip712.SignatureSize),
	}
}}

// DecodeCanonical parses the canonical form and rejects any other spelling
// of the same envelope (the decoder re-encodes and compares).
func DecodeCanonical(b []byte) (*Envelope, error) { return schema.DecodeCanonical(b) }

// DecodeRequest parses an envelope as the API receives it: any JSON
// whitespace, but no unknown, duplicate or missing keys, each value of its
// exact type, and, if the body carries "hash", the envelope's digest under d.
func DecodeRequest(b []byte, d eip712.Domain) (*Envelope, error) { return schema.DecodeRequest(b, d) }

// ParseAddress reads an address as protocol §4 spells them.
func ParseAddress(s string) (common.Address, error) { return wire.ParseAddress(s) }

// UnmarshalJSON reads an envelope as DecodeRequest does (a listing's
// envelopes carry no claimed hash).
func (e *Envelope) UnmarshalJSON(b []byte) error {
	x, _, err := schema.Decode(b)
	if err != nil {
		return err
	}
	*e = *x
	return nil
}

// MarshalJSON writes the canonical form.
func (e *Envelope) MarshalJSON() ([]byte, error) { return e.EncodeCanonical(), nil }
