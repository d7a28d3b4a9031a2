// Package bid is a builder's sealed bid for a slot (protocol §4): the signed
// object, its canonical JSON, and the sealed payload (value, builder, slot
// and the bundle's envelope hashes) encrypted to the slot's bid identity, so
// that nobody, the proposer included, reads a bid before the committee
// releases the slot's bid key.
package bid

import (
	"crypto/ecdsa"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/threshold"
	"github.com/veil-sequencer/veil/wire"
)

// TypeString is the bid's EIP-712 primary type.
const TypeString = "Bid(uint64 chainId,uint64 eon,uint64 slot,address builder,uint64 seq,bytes sealed)"

var typeHash = eip712.TypeHash(TypeString)

// Bid is a builder's signed commitment to a sealed value and bundle.
type Bid struct {
	ChainID   uint64
	Eon       uint64 // the eon active at Slot
	Slot      uint64
	Builder   common.Address
	Seq       uint64 // the builder's sequence for the slot: only the highest counts
	Sealed    []byte // the Shutter-scheme ciphertext of the payload
	Signature []byte // 65 bytes r ‖ s ‖ v
}

// StructHash is hashStruct(Bid).
func (b *Bid) StructHash() common.Hash {
	return eip712.HashStruct(typeHash,
		eip712.EncodeUint64(b.ChainID),
		eip712.EncodeUint64(b.Eon),
		eip712.EncodeUint64(b.Slot),
		eip712.EncodeAddress(b.Builder),
		eip712.EncodeUint64(b.Seq),
		eip712.EncodeBytes(b.Sealed),
	)
}

// Hash is the bid's EIP-712 digest: its identity everywhere in Veil, and the
// tie-breaker between equal values.
func (b *Bid) Hash(d eip712.Domain) common.Hash { return d.Digest(b.StructHash()) }

// Sign sets Builder to key's address and signs the bid.
func (b *Bid) Sign(d eip712.Domain, key *ecdsa.PrivateKey) error {
	sig, err := eip712.Sign(b.Hash(d), key)
	if err != nil {
		return err
	}
	b.Signature = sig
	return nil
}

// VerifySignature checks that the signature is low-s and by Builder.
func (b *Bid) VerifySignature(d eip712.Domain) error {
	if err := eip712.Verify(b.Hash(d), b.Signature, b.Builder); err != nil {
		return &wire.Error{Code: CodeBadSignature, Field: "signature", Err: err}
	}
	return nil
}

// Codes for what this package rejects (protocol §8).
const (
	CodeHashMismatch = wire.CodeHashMismatch
	CodeBadSignature = wire.CodeBadSignature
)

// fields in EIP-712 order, then the signature: the canonical key order.
var fields = []string{"chainId", "eon", "slot", "builder", "seq", "sealed", "signature"}

// EncodeCanonical is the form inside chain transactions: keys in EIP-712
// order then "signature", no whitespace, lowercase hex, v ∈ {27, 28}, no hash.
func (b *Bid) EncodeCanonical() []byte {
	return fmt.Appendf(nil, `{"chainId":%d,"eon":%d,"slot":%d,"builder":"%s","seq":%d,"sealed":"%s","signature":%s}`,
		b.ChainID, b.Eon, b.Slot, hexutil.Encode(b.Builder[:]), b.Seq, hexutil.Encode(b.Sealed), wire.SignatureJSON(b.Signature))
}

// MarshalJSON writes the canonical form.
func (b *Bid) MarshalJSON() ([]byte, error) { return b.EncodeCanonical(), nil }

// schema is the bid's JSON: its keys and how its fields read.
var schema = wire.Schema[*Bid]{Fields: fields, Read: func(p *wire.Parser) *Bid {
	return &Bid{
		ChainID:   p.Uint64("chainId"),
		Eon:       p.Uint64("eon"),
		Slot:      p.Uint64("slot"),
		Builder:   p.Address("builder"),
		Seq:       p.Uint64("seq"),
		Sealed:    p.Bytes("sealed", -1),
		Signature: p.Bytes("signature", eip712.SignatureSize),
	}
}}

// DecodeCanonical parses the canonical form and rejects any other spelling
// of the same bid (the decoder re-encodes and compares).
func DecodeCanonical(raw []byte) (*Bid, error) { return schema.DecodeCanonical(raw) }

// DecodeRequest parses a bid as the API receives it: any JSON whitespace,
// otherwise as strict as the canonical form, and, if the body carries
// "hash", the bid's digest under d.
func DecodeRequest(raw []byte, d eip712.Domain) (*Bid, error) { return schema.DecodeRequest(raw, d) }

// Payload is what a bid seals: value (uint256) ‖ builder (20) ‖ slot (u64)
// ‖ h_1 ‖ … ‖ h_k, exactly 60 + 32k bytes.
type Payload struct {
	Value   *big.Int
	Builder common.Address
	Slot    uint64
	Bundle  []common.Hash // envelope hashes in order
}

// PayloadHeaderSize is the payload's size before the bundle.
const PayloadHeaderSize = 32 + common.AddressLength + 8

// Errors of payload decoding.
var (
	ErrPayloadLength = errors.New("bid: payload is not 60 + 32k bytes")
	ErrValueRange    = errors.New("bid: value does not fit 256 bits")
)

// Bytes encodes the payload.
func (p *Payload) Bytes() ([]byte, error) {
	v := wire.OrZero(p.Value)
	if !wire.FitsUint256(v) {
		return nil, ErrValueRange
	}
	out := make([]byte, PayloadHeaderSize, PayloadHeaderSize+32*len(p.Bundle))
	v.FillBytes(out[:32])
	copy(out[32:52], p.Builder[:])
	binary.BigEndian.PutUint64(out[52:], p.Slot)
	for _, h := range p.Bundle {
		out = append(out, h[:]...)
	}
	return out, nil
}

// ParsePayload decodes an opened payload.
func ParsePayload(b []byte) (*Payload, error) {
	if len(b) < PayloadHeaderSize || (len(b)-PayloadHeaderSize)%32 != 0 {
		return nil, fmt.Errorf("%w: %d bytes", ErrPayloadLength, len(b))
	}
	p := &Payload{
		Value:   new(big.Int).SetBytes(b[:32]),
		Builder: common.BytesToAddress(b[32:52]),
		Slot:    binary.BigEndian.Uint64(b[52:60]),
		Bundle:  make([]common.Hash, 0, (len(b)-PayloadHeaderSize)/32),
	}
	for i := PayloadHeaderSize; i < len(b); i += 32 {
		p.Bundle = append(p.Bundle, common.BytesToHash(b[i:i+32]))
	}
	return p, nil
}

// Seal encrypts the payload to slot's bid identity under the eon key: what
// a builder puts in Sealed. rand nil means crypto/rand.
func Seal(rand io.Reader, p *Payload, chainID uint64, eonKey *threshold.EonPublicKey) ([]byte, error) {
	msg, err := p.Bytes()
	if err != nil {
		return nil, err
	}
	ct, err := threshold.Encrypt(rand, msg, eonKey, threshold.BidIdentity(chainID, p.Slot).Point())
	if err != nil {
		return nil, fmt.Errorf("bid: seal: %w", err)
	}
	return ct.Bytes(), nil
}

// Open decrypts a sealed payload with the slot's bid key and decodes it.
// Any failure is the builder's fault: the bid is invalid.
func Open(sealed []byte, bidKey *threshold.IdentityKey) (*Payload, error) {
	msg, err := threshold.Decrypt(sealed, bidKey)
	if err != nil {
		return nil, err
	}
	return ParsePayload(msg)
}
