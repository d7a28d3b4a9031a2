// Package withdrawal is how money leaves Veil (protocol §9): an account's
// signed Withdraw, chain transaction 0x05. A committed withdrawal has
// already debited the account; it joins the next batch's withdrawalsRoot,
// and the DepositVault on L1 pays it against that root.
package withdrawal

import (
	"crypto/ecdsa"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/wire"
)

// TypeString is the withdrawal's EIP-712 primary type (protocol §9).
const TypeString = "Withdraw(uint64 chainId,address account,address recipient,uint256 amount,uint64 withdrawNonce,uint256 fee)"

var typeHash = eip712.TypeHash(TypeString)

// Withdrawal is an account's signed request to take amount out of Veil to
// recipient on L1, paying fee on Veil.
type Withdrawal struct {
	ChainID       uint64
	Account       common.Address // the signer, whose money leaves
	Recipient     common.Address // paid on L1
	Amount        *big.Int       // wei
	WithdrawNonce uint64         // the account's own sequence for withdrawals
	Fee           *big.Int       // wei, paid on Veil to the beneficiary
	Signature     []byte         // 65 bytes r ‖ s ‖ v
}

// StructHash is hashStruct(Withdraw).
func (w *Withdrawal) StructHash() common.Hash {
	return eip712.HashStruct(typeHash,
		eip712.EncodeUint64(w.ChainID),
		eip712.EncodeAddress(w.Account),
		eip712.EncodeAddress(w.Recipient),
		common.BigToHash(wire.OrZero(w.Amount)),
		eip712.EncodeUint64(w.WithdrawNonce),
		common.BigToHash(wire.OrZero(w.Fee)),
	)
}

// Hash is the withdrawal's EIP-712 digest under the deployment's domain:
// its identity in Veil.
func (w *Withdrawal) Hash(d eip712.Domain) common.Hash { return d.Digest(w.StructHash()) }

// Sign signs the withdrawal with key, whose address Account must be.
func (w *Withdrawal) Sign(d eip712.Domain, key *ecdsa.PrivateKey) error {
	sig, err := eip712.Sign(w.Hash(d), key)
	if err != nil {
		return err
	}
	w.Signature = sig
	return nil
}

// VerifySignature checks that the signature is low-s and by Account.
func (w *Withdrawal) VerifySignature(d eip712.Domain) error {
	if err := eip712.Verify(w.Hash(d), w.Signature, w.Account); err != nil {
		return &wire.Error{Code: wire.CodeBadSignature, Field: "signature", Err: err}
	}
	return nil
}

// fields in EIP-712 order, then the signature: the canonical key order.
var fields = []string{"chainId", "account", "recipient", "amount", "withdrawNonce", "fee", "signature"}

// EncodeCanonical is the form inside chain transactions: keys in EIP-712
// order then "signature", no whitespace, lowercase hex, amounts as decimal
// strings, v ∈ {27, 28}, no hash.
func (w *Withdrawal) EncodeCanonical() []byte {
	return fmt.Appendf(nil, `{"chainId":%d,"account":"%s","recipient":"%s","amount":"%s","withdrawNonce":%d,"fee":"%s","signature":%s}`,
		w.ChainID, hexutil.Encode(w.Account[:]), hexutil.Encode(w.Recipient[:]), wire.OrZero(w.Amount).String(),
		w.WithdrawNonce, wire.OrZero(w.Fee).String(), wire.SignatureJSON(w.Signature))
}

// MarshalJSON writes the canonical form.
func (w *Withdrawal) MarshalJSON() ([]byte, error) { return w.EncodeCanonical(), nil }

var schema = wire.Schema[*Withdrawal]{Fields: fields, Read: func(p *wire.Parser) *Withdrawal {
	return &Withdrawal{
		ChainID:       p.Uint64("chainId"),
		Account:       p.Address("account"),
		Recipient:     p.Address("recipient"),
		Amount:        p.Uint256("amount"),
		WithdrawNonce: p.Uint64("withdrawNonce"),
		Fee:           p.Uint256("fee"),
		Signature:     p.Bytes("signature", eip712.SignatureSize),
	}
}}

// DecodeCanonical parses the canonical form (a chain transaction's body)
// and rejects any other spelling of the same withdrawal.
func DecodeCanonical(raw []byte) (*Withdrawal, error) { return schema.DecodeCanonical(raw) }

// DecodeRequest parses a withdrawal as the API receives it: any JSON
// whitespace, otherwise as strict as the canonical form, and, if the body
// carries "hash", the withdrawal's digest under d.
func DecodeRequest(raw []byte, d eip712.Domain) (*Withdrawal, error) {
	return schema.DecodeRequest(raw, d)
}
