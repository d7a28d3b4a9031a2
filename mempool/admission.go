// Package mempool holds Veil's admission rules: whether an envelope may
// enter the pool, as a pure function of the envelope, a view of the state
// and the parameters. The same function serves the HTTP API, CometBFT's
// CheckTx and FinalizeBlock (which never trusts CheckTx), so every node and
// every entry point decides alike.
package mempool

import (
	"math/big"

	"github.com/ethereum/go-ethereum/common"

	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/envelope"
	"github.com/veil-sequencer/veil/params"
	"github.com/veil-sequencer/veil/threshold"
	"github.com/veil-sequencer/veil/wire"
)

// Params are what the admission rules read: the network's parameters,
// fixed in genesis, and its signing domain (whose chain id is the
// network's). Envelopes and bids follow the same Params.
type Params struct {
	params.Params
	Domain eip712.Domain
}

// Gas charged per envelope regardless of size, and per ciphertext byte.
const (
	BaseGas    = 21000
	GasPerByte = 16
)

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
	// EonEnd is the activation slot of the next eon once fixed (0 before):
	// Eon's envelopes must be valid only before it.
	EonEnd() uint64
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
	return admit(&Checked{Envelope: e, Hash: e.Hash(p.Domain), Identity: e.Identity()}, v, p, rules{crypto: true})
}

// AdmitForced applies the rules to an envelope forced in from L1 (protocol
// §9): every rule but those its L1 payment and the forced queue replace —
// the deposit (it paid on L1), validUntilSlot (it is ordered in the next
// slot, whenever that is), the sender cap and pool_full (it takes no place
// the pool bounds). Its admission charges nothing on Veil.
func AdmitForced(e *envelope.Envelope, v View, p Params) (*Admission, *Rejection) {
	return admit(&Checked{Envelope: e, Hash: e.Hash(p.Domain), Identity: e.Identity()}, v, p, rules{crypto: true, forced: true})
}

// rules says which rules admit applies.
type rules struct {
	crypto bool // the ciphertext's decoding and the signature
	forced bool // an envelope from the forced queue (AdmitForced)
}

// AdmitVerified is Admit without the two checks that depend on the
// envelope's bytes alone, the ciphertext's decoding and the signature, and
// with its digests already computed: for an envelope an earlier Admit on
// this node passed (under the same params), so a node pays for the
// cryptography once however often the rules run (API, CheckTx, proposal,
// finalization). Every other rule is applied.
func AdmitVerified(c *Checked, v View, p Params) (*Admission, *Rejection) {
	return admit(c, v, p, rules{})
}

func admit(c *Checked, v View, p Params, r rules) (*Admission, *Rejection) {
	e := c.Envelope
	if e.ChainID != p.Domain.ChainID {
		return nil, reject(CodeWrongChain, "chainId", "chain %d, this is chain %d", e.ChainID, p.Domain.ChainID)
	}
	if eon := v.Eon(); e.Eon != eon {
		return nil, reject(CodeWrongEon, "eon", "eon %d, the pool takes eon %d", e.Eon, eon)
	}
	if end := v.EonEnd(); end != 0 && !r.forced && e.ValidUntilSlot >= end {
		return nil, reject(CodeEonEnding, "validUntilSlot", "valid until slot %d, but eon %d ends before slot %d (sign for the next eon from then on)", e.ValidUntilSlot, e.Eon, end)
	}
	if len(e.Ciphertext) > p.MaxCiphertextSize {
		return nil, reject(CodeTooLarge, "ciphertext", "%d bytes, at most %d", len(e.Ciphertext), p.MaxCiphertextSize)
	}
	if floor := uint64(BaseGas) + GasPerByte*uint64(len(e.Ciphertext)); e.GasLimit < floor {
		return nil, reject(CodeGasTooLow, "gasLimit", "%d, at least %d for %d ciphertext bytes", e.GasLimit, floor, len(e.Ciphertext))
	}
	// An envelope above the bid gas limit fits no bundle and no slot: it
	// would sit in the pool uncharged until it expired.
	if e.GasLimit > p.BidGasLimit() {
		return nil, reject(CodeGasTooHigh, "gasLimit", "%d, at most %d (the bid gas limit)", e.GasLimit, p.BidGasLimit())
	}
	if e.MaxFeePerGas == nil || e.MaxFeePerGas.Cmp(wire.OrZero(p.MinFeePerGas)) < 0 {
		return nil, reject(CodeFeeTooLow, "maxFeePerGas", "%v wei, at least %v", e.MaxFeePerGas, wire.OrZero(p.MinFeePerGas))
	}
	charge := new(big.Int).Mul(new(big.Int).SetUint64(e.GasLimit), e.MaxFeePerGas)
	if !wire.FitsUint256(charge) {
		return nil, reject(CodeFeeOverflow, "maxFeePerGas", "gasLimit × maxFeePerGas ≥ 2^256")
	}
	slot := v.Slot()
	if !r.forced && e.ValidUntilSlot < slot {
		return nil, reject(CodeExpired, "validUntilSlot", "valid until slot %d, now slot %d", e.ValidUntilSlot, slot)
	}
	if !r.forced && e.ValidUntilSlot-slot > p.MaxValiditySlots {
		return nil, reject(CodeValidityTooLong, "validUntilSlot", "slot %d is more than %d slots past %d", e.ValidUntilSlot, p.MaxValiditySlots, slot)
	}
	if r.crypto {
		if _, err := threshold.ParseCiphertext(e.Ciphertext); err != nil {
			return nil, &Rejection{Code: CodeBadCiphertext, Field: "ciphertext", Err: err}
		}
		if err := eip712.Verify(c.Hash, e.Signature, e.Sender); err != nil {
			return nil, &Rejection{Code: CodeBadSignature, Field: "signature", Err: err}
		}
	}
	id := c.Identity
	if v.IdentityUsed(e.Eon, id) {
		return nil, reject(CodeIdentityReused, "identityPrefix", "identity %s already used in eon %d", id, e.Eon)
	}
	acct := v.Account(e.Sender)
	// Exactly the next nonce, counting what the view holds: on chain the
	// queued envelopes (no gaps on chain, protocol §4), in CheckTx and the
	// API this node's pending ones too (a gapped envelope could never be
	// included, and would sit in every mempool uncharged).
	switch {
	case e.Nonce < acct.NextNonce:
		return nil, reject(CodeNonceUsed, "nonce", "nonce %d, next is %d", e.Nonce, acct.NextNonce)
	case e.Nonce != acct.NextNonce:
		return nil, reject(CodeNonceGap, "nonce", "nonce %d, next is %d", e.Nonce, acct.NextNonce)
	}
	if r.forced {
		return &Admission{Hash: c.Hash, Identity: id, Charge: new(big.Int)}, nil
	}
	if acct.InPool >= p.SenderCap {
		return nil, reject(CodeSenderCap, "sender", "%d envelopes in the pool, at most %d", acct.InPool, p.SenderCap)
	}
	need := new(big.Int).Add(wire.OrZero(acct.PendingCharges), charge)
	if wire.OrZero(acct.Deposit).Cmp(need) < 0 {
		return nil, reject(CodeInsufficientDeposit, "sender", "deposit %v wei, pending charges and this envelope need %v", wire.OrZero(acct.Deposit), need)
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
