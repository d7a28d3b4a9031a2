package envelope

import (
	"bytes"
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
	if err := wire.Canonical(b, e, hash); err != nil {
		return nil, err
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
	if err := wire.ClaimedHash(e, hash, d); err != nil {
		return nil, err
	}
	return e, nil
}

func decode(b []byte) (*Envelope, *common.Hash, error) {
	obj, err := wire.StrictObject(b)
	if err != nil {
		return nil, nil, err
	}
	p, err := wire.NewParser(obj, fields, "hash")
	if err != nil {
		return nil, nil, err
	}
	e := &Envelope{}
	e.ChainID = p.Uint64("chainId")
	e.Eon = p.Uint64("eon")
	e.IdentityPrefix = [32]byte(p.Bytes("identityPrefix", 32))
	e.Sender = p.Address("sender")
	e.Ciphertext = p.Bytes("ciphertext", -1)
	e.GasLimit = p.Uint64("gasLimit")
	e.MaxFeePerGas = p.Uint256("maxFeePerGas")
	e.Nonce = p.Uint64("nonce")
	e.ValidUntilSlot = p.Uint64("validUntilSlot")
	e.Signature = p.Bytes("signature", eip712.SignatureSize)
	var hash *common.Hash
	if p.Has("hash") {
		h := common.Hash(p.Bytes("hash", 32))
		hash = &h
	}
	if p.Err != nil {
		return nil, nil, p.Err
	}
	return e, hash, nil
}

// ParseAddress reads an address as DESIGN §4 spells them.
func ParseAddress(s string) (common.Address, error) { return wire.ParseAddress(s) }

// UnmarshalJSON reads an envelope as DecodeRequest does (a listing's
// envelopes carry no claimed hash).
func (e *Envelope) UnmarshalJSON(b []byte) error {
	x, _, err := decode(b)
	if err != nil {
		return err
	}
	*e = *x
	return nil
}

// MarshalJSON writes the canonical form.
func (e *Envelope) MarshalJSON() ([]byte, error) { return e.EncodeCanonical(), nil }
