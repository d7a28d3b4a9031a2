// Package mempool holds Veil's admission rules: whether an envelope may
// enter the pool, as a pure function of the envelope, a view of the state
// and the parameters. The same function serves the HTTP API, CometBFT's
// CheckTx and FinalizeBlock (which never trusts CheckTx), so every node and
// every entry point decides alike.
package mempool

import (
	"fmt"
	"math/big"
	"net/http"

	"github.com/ethereum/go-ethereum/common"

	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/envelope"
	"github.com/veil-sequencer/veil/threshold"
)

// Rejection codes (DESIGN §8). Each has one HTTP status.
const (
	CodeWrongChain          = "wrong_chain"
	CodeWrongEon            = "wrong_eon"
	CodeTooLarge            = "too_large"
	CodeBadCiphertext       = "bad_ciphertext"
	CodeGasTooLow           = "gas_too_low"
	CodeGasTooHigh          = "gas_too_high"
	CodeFeeTooLow           = "fee_too_low"
	CodeFeeOverflow         = "fee_overflow"
	CodeExpired             = "expired"
	CodeValidityTooLong     = "validity_too_long"
	CodeBadSignature        = envelope.CodeBadSignature
	CodeIdentityReused      = "identity_reused"
	CodeNonceUsed           = "nonce_used"
	CodeNonceGap            = "nonce_gap"
	CodeSenderCap           = "sender_cap"
	CodeInsufficientDeposit = "insufficient_deposit"
	CodePoolFull            = "pool_full"
)

var statusOf = map[string]int{
	CodeWrongChain: http.StatusBadRequest, CodeWrongEon: http.StatusBadRequest,
	CodeTooLarge: http.StatusRequestEntityTooLarge, CodeBadCiphertext: http.StatusBadRequest,
	CodeGasTooLow: http.StatusBadRequest, CodeGasTooHigh: http.StatusBadRequest, CodeFeeTooLow: http.StatusBadRequest,
	CodeFeeOverflow: http.StatusBadRequest, CodeExpired: http.StatusBadRequest,
	CodeValidityTooLong: http.StatusBadRequest, CodeBadSignature: http.StatusBadRequest,
	CodeIdentityReused: http.StatusBadRequest, CodeNonceUsed: http.StatusConflict,
	CodeNonceGap: http.StatusConflict, CodeSenderCap: http.StatusTooManyRequests,
	CodeInsufficientDeposit: http.StatusPaymentRequired, CodePoolFull: http.StatusServiceUnavailable,
	CodeWrongSlot: http.StatusConflict, CodeSeqTooLow: http.StatusConflict,
	CodeBidLimit: http.StatusTooManyRequests, CodeInsufficientCollateral: http.StatusPaymentRequired,
}

// StatusOf is the HTTP status of a rejection code; 400 for a code of the
// decoders (bad_json, bad_field, …) and any other.
func StatusOf(code string) int {
	if s, ok := statusOf[code]; ok {
		return s
	}
	return http.StatusBadRequest
}

// Rejection is an envelope the rules refuse: its code, HTTP status and the
// JSON field at fault.
type Rejection struct {
	Code   string
	Status int
	Field  string
	Err    error
}

func (r *Rejection) Error() string { return fmt.Sprintf("%s (%s): %v", r.Code, r.Field, r.Err) }
func (r *Rejection) Unwrap() error { return r.Err }

func reject(code, field, format string, args ...any) *Rejection {
	return &Rejection{Code: code, Status: statusOf[code], Field: field, Err: fmt.Errorf(format, args...)}
}

// Params are the admission parameters (DESIGN §4, §8; *default* values in
// DefaultParams).
type Params struct {
	ChainID           uint64
	Domain            eip712.Domain
	MaxCiphertextSize int      // bytes
	MaxGasLimit       uint64   // an envelope's gasLimit ≤ this: the bid gas limit, the most one slot's bundle may use
	MinFeePerGas      *big.Int // wei
	MaxValiditySlots  uint64   // validUntilSlot ≤ admission slot + this
	SenderCap         int      // envelopes per sender in the pool
	PoolCap           int      // envelopes in the pool
}

// Gas charged per envelope regardless of size, and per ciphertext byte.
const (
	BaseGas    = 21000
	GasPerByte = 16
)

// DefaultMaxGasLimit is DESIGN §5's default bid gas limit: a slot's
// 30,000,000 gas less its 20 % inclusion reserve.
const DefaultMaxGasLimit = 24_000_000

// DefaultParams are DESIGN's defaults for a deployment.
func DefaultParams(chainID uint64, domainSalt common.Hash) Params {
	return Params{
		ChainID:           chainID,
		Domain:            eip712.Domain{ChainID: chainID, Salt: domainSalt},
		MaxCiphertextSize: 64 << 10,
		MaxGasLimit:       DefaultMaxGasLimit,
		MinFeePerGas:      big.NewInt(1),
		MaxValiditySlots:  256,
		SenderCap:         16,
		PoolCap:           100_000,
	}
}

// Account is what the rules need to know of a sender.
type Account struct {
	Deposit        *big.Int // wei
	PendingCharges *big.Int // inclusion fees of its envelopes in the pool, not yet charged
	NextNonce      uint64   // counting its envelopes already queued on chain
	InPool         int      // its envelopes in the pool
}

// PoolEntry is an envelope already in the pool, as eviction compares them.
type PoolEntry struct {
	Hash   common.Hash
	Charge *big.Int // gasLimit × maxFeePerGas
	Size   int      // ciphertext bytes
}

// View is the state the rules read. The chain implements it over its
// committed state; the API and CheckTx over that plus their pending
// envelopes.
type View interface {
	Slot() uint64 // the slot an admitted envelope would be queued in
	Eon() uint64  // the eon active at Slot
	Account(common.Address) Account
	IdentityUsed(eon uint64, id threshold.Identity) bool
	PoolSize() int
	// Cheapest is the pool entry with the lowest charge per byte (ties in
	// the view's own fixed order), the one a better envelope evicts; false
	// if the pool is empty.
	Cheapest() (PoolEntry, bool)
}

// Admission is an accepted envelope's effect: what it will be charged and
// which pool entry, if any, it evicts.
type Admission struct {
	Hash     common.Hash
	Identity threshold.Identity
	Charge   *big.Int
	Evict    *common.Hash
}

var maxUint256 = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1))

// Checked is an envelope that passed Admit's checks of its bytes alone
// (ciphertext decoding, signature), with the digests every later run of the
// rules needs: its hash under the domain Admit ran with, and its identity.
type Checked struct {
	Envelope *envelope.Envelope
	Hash     common.Hash
	Identity threshold.Identity
}

// CheckedOf is what a successful Admit of e says about it.
func CheckedOf(e *envelope.Envelope, adm *Admission) *Checked {
	return &Checked{Envelope: e, Hash: adm.Hash, Identity: adm.Identity}
}

// Admit applies every rule, cheapest first, and returns the first rejection
// or the admission. It never changes anything; the caller applies the
// admission.
func Admit(e *envelope.Envelope, v View, p Params) (*Admission, *Rejection) {
	return admit(&Checked{Envelope: e, Hash: e.Hash(p.Domain), Identity: e.Identity()}, v, p, true)
}

// AdmitVerified is Admit without the two checks that depend on the
// envelope's bytes alone, the ciphertext's decoding and the signature, and
// with its digests already computed: for an envelope an earlier Admit on
// this node passed (under the same params), so a node pays for the
// cryptography once however often the rules run (API, CheckTx, proposal,
// finalization). Every other rule is applied.
func AdmitVerified(c *Checked, v View, p Params) (*Admission, *Rejection) {
	return admit(c, v, p, false)
}

func admit(c *Checked, v View, p Params, crypto bool) (*Admission, *Rejection) {
	e := c.Envelope
	if e.ChainID != p.ChainID {
		return nil, reject(CodeWrongChain, "chainId", "chain %d, this is chain %d", e.ChainID, p.ChainID)
	}
	if eon := v.Eon(); e.Eon != eon {
		return nil, reject(CodeWrongEon, "eon", "eon %d, the pool takes eon %d", e.Eon, eon)
	}
	if len(e.Ciphertext) > p.MaxCiphertextSize {
		return nil, reject(CodeTooLarge, "ciphertext", "%d bytes, at most %d", len(e.Ciphertext), p.MaxCiphertextSize)
	}
	if floor := uint64(BaseGas) + GasPerByte*uint64(len(e.Ciphertext)); e.GasLimit < floor {
		return nil, reject(CodeGasTooLow, "gasLimit", "%d, at least %d for %d ciphertext bytes", e.GasLimit, floor, len(e.Ciphertext))
	}
	// An envelope above the bid gas limit fits no bundle and no slot: it
	// would sit in the pool uncharged until it expired.
	if e.GasLimit > p.MaxGasLimit {
		return nil, reject(CodeGasTooHigh, "gasLimit", "%d, at most %d (the bid gas limit)", e.GasLimit, p.MaxGasLimit)
	}
	if e.MaxFeePerGas == nil || e.MaxFeePerGas.Cmp(orZero(p.MinFeePerGas)) < 0 {
		return nil, reject(CodeFeeTooLow, "maxFeePerGas", "%v wei, at least %v", e.MaxFeePerGas, orZero(p.MinFeePerGas))
	}
	charge := new(big.Int).Mul(new(big.Int).SetUint64(e.GasLimit), e.MaxFeePerGas)
	if charge.Cmp(maxUint256) > 0 {
		return nil, reject(CodeFeeOverflow, "maxFeePerGas", "gasLimit × maxFeePerGas ≥ 2^256")
	}
	slot := v.Slot()
	if e.ValidUntilSlot < slot {
		return nil, reject(CodeExpired, "validUntilSlot", "valid until slot %d, now slot %d", e.ValidUntilSlot, slot)
	}
	if e.ValidUntilSlot-slot > p.MaxValiditySlots {
		return nil, reject(CodeValidityTooLong, "validUntilSlot", "slot %d is more than %d slots past %d", e.ValidUntilSlot, p.MaxValiditySlots, slot)
	}
	if crypto {
		if _, err := threshold.ParseCiphertext(e.Ciphertext); err != nil {
			return nil, &Rejection{Code: CodeBadCiphertext, Status: statusOf[CodeBadCiphertext], Field: "ciphertext", Err: err}
		}
		if err := eip712.Verify(c.Hash, e.Signature, e.Sender); err != nil {
			return nil, &Rejection{Code: CodeBadSignature, Status: statusOf[CodeBadSignature], Field: "signature", Err: err}
		}
	}
	id := c.Identity
	if v.IdentityUsed(e.Eon, id) {
		return nil, reject(CodeIdentityReused, "identityPrefix", "identity %s already used in eon %d", id, e.Eon)
	}
	acct := v.Account(e.Sender)
	// Exactly the next nonce, counting what the view holds: on chain the
	// queued envelopes (no gaps on chain, DESIGN §4), in CheckTx and the
	// API this node's pending ones too (a gapped envelope could never be
	// included, and would sit in every mempool uncharged).
	switch {
	case e.Nonce < acct.NextNonce:
		return nil, reject(CodeNonceUsed, "nonce", "nonce %d, next is %d", e.Nonce, acct.NextNonce)
	case e.Nonce != acct.NextNonce:
		return nil, reject(CodeNonceGap, "nonce", "nonce %d, next is %d", e.Nonce, acct.NextNonce)
	}
	if acct.InPool >= p.SenderCap {
		return nil, reject(CodeSenderCap, "sender", "%d envelopes in the pool, at most %d", acct.InPool, p.SenderCap)
	}
	need := new(big.Int).Add(orZero(acct.PendingCharges), charge)
	if orZero(acct.Deposit).Cmp(need) < 0 {
		return nil, reject(CodeInsufficientDeposit, "sender", "deposit %v wei, pending charges and this envelope need %v", orZero(acct.Deposit), need)
	}
	adm := &Admission{Hash: c.Hash, Identity: id, Charge: charge}
	if v.PoolSize() >= p.PoolCap {
		cheapest, ok := v.Cheapest()
		if !ok || !pays(charge, len(e.Ciphertext), cheapest) {
			return nil, reject(CodePoolFull, "", "the pool holds %d envelopes, and this one pays no more per byte than the cheapest", p.PoolCap)
		}
		adm.Evict = &cheapest.Hash
	}
	return adm, nil
}

// pays reports whether charge/size beats the entry's charge per byte
// strictly (cross-multiplied, exact).
func pays(charge *big.Int, size int, e PoolEntry) bool {
	a := new(big.Int).Mul(charge, big.NewInt(int64(max(e.Size, 1))))
	b := new(big.Int).Mul(e.Charge, big.NewInt(int64(max(size, 1))))
	return a.Cmp(b) > 0
}

func orZero(x *big.Int) *big.Int {
	if x == nil {
		return new(big.Int)
	}
	return x
}
