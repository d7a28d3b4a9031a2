// Package envelope is a wallet's encrypted transaction as it travels to Veil
// (protocol §4): the object, its EIP-712 hash and signature, its identity, and
// its two JSON forms, the canonical one inside chain transactions and the
// API's, which allows whitespace and a claimed hash but is otherwise as strict.
package envelope

import (
	"crypto/ecdsa"
	"math/big"

	"github.com/ethereum/go-ethereum/common"

	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/threshold"
	"github.com/veil-sequencer/veil/wire"
)

// TypeString is the envelope's EIP-712 primary type.
const TypeString = "Envelope(uint64 chainId,uint64 eon,bytes32 identityPrefix,address sender,bytes ciphertext,uint64 gasLimit,uint256 maxFeePerGas,uint64 nonce,uint64 validUntilSlot)"

var typeHash = eip712.TypeHash(TypeString)

// Envelope is a signed, threshold-encrypted rollup transaction.
type Envelope struct {
	ChainID        uint64
	Eon            uint64
	IdentityPrefix [32]byte
	Sender         common.Address
	Ciphertext     []byte
	GasLimit       uint64
	MaxFeePerGas   *big.Int // < 2^256
	Nonce          uint64
	ValidUntilSlot uint64
	Signature      []byte // 65 bytes r ‖ s ‖ v
}

// StructHash is hashStruct(Envelope).
func (e *Envelope) StructHash() common.Hash {
	fee := new(big.Int)
	if e.MaxFeePerGas != nil {
		fee = e.MaxFeePerGas
	}
	return eip712.HashStruct(typeHash,
		eip712.EncodeUint64(e.ChainID),
		eip712.EncodeUint64(e.Eon),
		common.Hash(e.IdentityPrefix),
		eip712.EncodeAddress(e.Sender),
		eip712.EncodeBytes(e.Ciphertext),
		eip712.EncodeUint64(e.GasLimit),
		common.BigToHash(fee),
		eip712.EncodeUint64(e.Nonce),
		eip712.EncodeUint64(e.ValidUntilSlot),
	)
}

// Hash is the envelope's EIP-712 digest under the deployment's domain: its
// identity everywhere in Veil.
func (e *Envelope) Hash(d eip712.Domain) common.Hash { return d.Digest(e.StructHash()) }

// Identity is the IBE identity the ciphertext must be encrypted for:
// keccak256(identityPrefix ‖ sender).
func (e *Envelope) Identity() threshold.Identity {
	return threshold.TxIdentity(e.IdentityPrefix, e.Sender)
}

// Sign sets Sender to key's address and signs the envelope.
func (e *Envelope) Sign(d eip712.Domain, key *ecdsa.PrivateKey) error {
	sig, err := eip712.Sign(e.Hash(d), key)
	if err != nil {
		return err
	}
	e.Signature = sig
	return nil
}

// VerifySignature checks that the signature is low-s and by Sender.
func (e *Envelope) VerifySignature(d eip712.Domain) error {
	if err := eip712.Verify(e.Hash(d), e.Signature, e.Sender); err != nil {
		return &Error{Code: CodeBadSignature, Field: "signature", Err: err}
	}
	return nil
}

// Error is a rejected envelope: a code from protocol §8 and the JSON field at
// fault, if one is.
type Error = wire.Error

// Codes for what this package rejects.
const (
	CodeBadJSON      = wire.CodeBadJSON
	CodeUnknownField = wire.CodeUnknownField
	CodeMissingField = wire.CodeMissingField
	CodeBadField     = wire.CodeBadField
	CodeHashMismatch = wire.CodeHashMismatch
	CodeBadSignature = wire.CodeBadSignature
)
