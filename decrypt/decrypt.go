// Package decrypt opens a committed bundle with its keys and judges each
// plaintext (protocol §4): an EIP-2718 signed transaction of type 0 (with
// EIP-155), 1 or 2 whose signature recovers a signer, for the envelope's
// chain, within its gas limit. The signer need not be the envelope's
// sender: a relay (the rollup node's encrypting eth_sendRawTransaction)
// pays for envelopes of other people's transactions. The result is a pure function of the
// envelope and its key, so every node that has the keys agrees on it.
package decrypt

import (
	"context"
	"errors"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/veil-sequencer/veil/envelope"
	"github.com/veil-sequencer/veil/threshold"
)

// Statuses of a decrypted envelope.
const (
	Decrypted = "decrypted"
	Invalid   = "invalid"
)

// Reasons an envelope is invalid (protocol §4).
const (
	ReasonBadCiphertext = "bad_ciphertext"       // does not decrypt under its key
	ReasonBadEncoding   = "bad_encoding"         // not a signed transaction of type 0, 1 or 2
	ReasonWrongSigner   = "wrong_signer"         // its signature recovers no signer
	ReasonWrongChain    = "wrong_chain"          // signed for another chain, or a legacy tx without EIP-155
	ReasonGasExceeds    = "gas_exceeds_envelope" // its gas limit is above the envelope's
)

// Result is one envelope's outcome. Fees were charged at inclusion either
// way; an invalid plaintext is still public, with its reason.
type Result struct {
	Plaintext []byte      // nil if it did not decrypt
	TxHash    common.Hash // the rollup transaction's hash, when decrypted
	Status    string
	Reason    string // when invalid
}

// PlaintextHash is keccak256 of the plaintext (zero if none).
func (r Result) PlaintextHash() common.Hash {
	if r.Plaintext == nil {
		return common.Hash{}
	}
	return crypto.Keccak256Hash(r.Plaintext)
}

// Judge decides an envelope from its decryption.
func Judge(e *envelope.Envelope, plaintext []byte, decryptErr error) Result {
	if decryptErr != nil {
		return Result{Status: Invalid, Reason: ReasonBadCiphertext}
	}
	r := Result{Plaintext: plaintext, Status: Invalid}
	tx, _, reason := judgeTx(plaintext, e.ChainID)
	switch {
	case reason != "":
		r.Reason = reason
	case tx.Gas() > e.GasLimit:
		r.Reason = ReasonGasExceeds
	default:
		r.Status, r.TxHash = Decrypted, tx.Hash()
	}
	return r
}

// ReasonGasExceedsDeclared is a forced plain transaction whose gas limit is
// above the gas its L1 item declared (and paid for).
const ReasonGasExceedsDeclared = "gas_exceeds_declared"

// Plain judges a forced plain transaction from L1 (protocol §9) by the
// rules a decrypted plaintext meets, its own signer standing for the
// envelope's sender and the gas its item declared for the envelope's gas
// limit. A transaction that passes is ordered with raw as its plaintext
// (the transaction's hash, keccak256(raw), is its place in the order); it
// is returned whenever raw decodes.
func Plain(raw []byte, chainID, declared uint64) (Result, *types.Transaction) {
	tx, _, reason := judgeTx(raw, chainID)
	switch {
	case reason != "":
		return Result{Plaintext: raw, Status: Invalid, Reason: reason}, tx
	case tx.Hash() != crypto.Keccak256Hash(raw): // its place in the order is keccak256 of these bytes
		return Result{Plaintext: raw, Status: Invalid, Reason: ReasonBadEncoding}, tx
	case tx.Gas() > declared:
		return Result{Plaintext: raw, Status: Invalid, Reason: ReasonGasExceedsDeclared}, tx
	}
	return Result{Plaintext: raw, Status: Decrypted, TxHash: tx.Hash()}, tx
}

// judgeTx decodes a rollup transaction and recovers its signer: a reason
// when it is no signed transaction of type 0 (with EIP-155), 1 or 2 for
// chainID.
func judgeTx(raw []byte, chainID uint64) (*types.Transaction, common.Address, string) {
	var tx types.Transaction
	if err := tx.UnmarshalBinary(raw); err != nil {
		return nil, common.Address{}, ReasonBadEncoding
	}
	switch tx.Type() {
	case types.LegacyTxType, types.AccessListTxType, types.DynamicFeeTxType:
	default:
		return nil, common.Address{}, ReasonBadEncoding
	}
	id := new(big.Int).SetUint64(chainID)
	if !tx.Protected() || tx.ChainId().Cmp(id) != 0 {
		return nil, common.Address{}, ReasonWrongChain
	}
	from, err := types.Sender(types.LatestSignerForChainID(id), &tx)
	if err != nil {
		return nil, common.Address{}, ReasonWrongSigner
	}
	return &tx, from, ""
}

// ErrKeyCount is a bundle given another number of keys than envelopes.
var ErrKeyCount = errors.New("decrypt: one key per envelope")

// One decrypts e with its key and judges it. The ciphertext is decrypted
// from bytes: decryption's C1 re-derivation makes the subgroup check of a
// full parse redundant, and it costs a quarter of a decryption.
func One(e *envelope.Envelope, key *threshold.IdentityKey) Result {
	plaintext, err := threshold.Decrypt(e.Ciphertext, key)
	return Judge(e, plaintext, err)
}

// Bundle decrypts a bundle's envelopes with their keys (in bundle order) on
// all cores and judges each there too (judging recovers a signer, a
// twentieth of a decryption). It returns early with ctx's error if ctx
// ends.
func Bundle(ctx context.Context, envs []*envelope.Envelope, keys []*threshold.IdentityKey) ([]Result, error) {
	if len(envs) != len(keys) {
		return nil, ErrKeyCount
	}
	out := make([]Result, len(envs))
	threshold.Parallel(len(envs), func(i int) {
		if ctx.Err() == nil {
			out[i] = One(envs[i], keys[i])
		}
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return out, nil
}
