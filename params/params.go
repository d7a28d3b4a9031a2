// Package params holds the network's consensus parameters: the numbers
// every validator must agree on to admit, auction and order the same way.
// They are fixed in the genesis document (its app state's "params"),
// checked once when a node opens its network, and served by GET /v1/params
// so wallets and builders need not guess them.
package params

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"slices"

	"github.com/veil-sequencer/veil/wire"
)

// ErrInvalid is a parameter set no network can run with.
var ErrInvalid = errors.New("params: invalid network parameters")

// Params are the network's consensus parameters.
type Params struct {
	// Gas: a slot holds SlotGasLimit; InclusionReserve of it is kept from
	// bids for the chain's own inclusion list of envelopes queued more
	// than InclusionAge slots.
	SlotGasLimit     uint64
	InclusionReserve uint64
	InclusionAge     uint64

	// Envelope admission.
	MinFeePerGas      *big.Int // wei
	MaxCiphertextSize int      // bytes
	MaxValiditySlots  uint64   // validUntilSlot ≤ admission slot + this
	SenderCap         int      // envelopes per sender in the pool
	PoolCap           int      // envelopes in the pool

	// Bids and the auction.
	Reserve           *big.Int // wei: the lowest valid bid value, and the price when one bid is valid
	InvalidBidPenalty *big.Int // wei, reserved from a builder's collateral per admitted bid
	K                 uint64   // bids for slot s are committed in blocks s−K … s−1
	BidsPerBuilder    int      // per builder per slot
	BidsPerSlot       int
	MaxSealedSize     int // bytes of a bid's sealed part

	// BatchSlots is how many slots a batch posted to L1 covers (protocol
	// §9): batch n is slots n·BatchSlots+1 … (n+1)·BatchSlots.
	BatchSlots uint64

	// ForceDeadline is the escape hatch's wait (protocol §9), in seconds
	// of L1 time: a forced item older than it that no accepted batch
	// covers is derived by rollups from L1 alone, and Veil skips it.
	ForceDeadline uint64

	// EpochSlots is an epoch's length (protocol §10): at each multiple of
	// it the chain computes the next validator set from the registry as
	// applied from L1. MaxValidators bounds that set (the largest stakes).
	EpochSlots    uint64
	MaxValidators int
	// DKGPhaseSlots is how many slots each of the on-chain DKG's four
	// phases takes messages (protocol §10).
	DKGPhaseSlots uint64
}

// Default is the parameter set a development network starts with, and the
// one a genesis document without "params" means.
func Default() Params {
	return Params{
		// 12,000,000 gas orders at most 750,044 bytes of batch data, which
		// one blob transaction always carries (chain.MaxSlotData): a slot
		// never outgrows a batch on L1.
		SlotGasLimit:      12_000_000,
		InclusionReserve:  2_400_000, // 20 % of the slot
		InclusionAge:      8,
		MinFeePerGas:      big.NewInt(1),
		MaxCiphertextSize: 64 << 10,
		MaxValiditySlots:  256,
		SenderCap:         16,
		PoolCap:           100_000,
		Reserve:           big.NewInt(1e9),  // 1 gwei
		InvalidBidPenalty: big.NewInt(1e16), // 0.01 ether
		K:                 4,
		BidsPerBuilder:    5,
		BidsPerSlot:       64,
		MaxSealedSize:     64 << 10,
		BatchSlots:        32,
		ForceDeadline:     3600, // 1 h
		EpochSlots:        7200, // 1 h at 500 ms
		MaxValidators:     100,
		DKGPhaseSlots:     8,
	}
}

// Limits no parameter set may pass: beyond them a node's memory or a
// block's size is no longer bounded by its other settings.
const (
	maxPoolCap = 1_000_000
	// MaxPayload bounds a ciphertext or a sealed bid, in bytes: its hex in
	// a chain transaction must fit CometBFT's per-transaction limit
	// (node/validator.go), which is sized for it.
	MaxPayload        = 64 << 10
	maxBidsPerSlot    = 4096
	maxK              = 64
	maxValiditySlots  = 1 << 20
	maxInclusionAge   = 1 << 16
	maxSlotGasLimitOK = 1 << 40
	maxBatchSlots     = 4096
	maxForceDeadline  = 365 * 24 * 3600
	maxEpochSlots     = 1 << 32
	maxDKGPhaseSlots  = 1 << 16
	// MaxValidatorsLimit bounds MaxValidators: every validator is a
	// keyper, and a DKG's transcript grows with the square of its size.
	MaxValidatorsLimit = 256
)

// Validate reports the first parameter out of range, naming it.
func (p Params) Validate() error {
	bad := func(field, format string, args ...any) error {
		return fmt.Errorf("%w: %s %s", ErrInvalid, field, fmt.Sprintf(format, args...))
	}
	switch {
	case p.SlotGasLimit == 0 || p.SlotGasLimit > maxSlotGasLimitOK:
		return bad("slotGasLimit", "%d: want 1 … %d", p.SlotGasLimit, uint64(maxSlotGasLimitOK))
	case p.InclusionReserve >= p.SlotGasLimit:
		return bad("inclusionReserve", "%d: must leave bids some of the slot's %d gas", p.InclusionReserve, p.SlotGasLimit)
	case p.InclusionAge == 0 || p.InclusionAge > maxInclusionAge:
		return bad("inclusionAge", "%d: want 1 … %d", p.InclusionAge, maxInclusionAge)
	case p.MinFeePerGas == nil || p.MinFeePerGas.Sign() < 0 || p.MinFeePerGas.BitLen() > 128:
		return bad("minFeePerGas", "%v: want 0 … 2^128", p.MinFeePerGas)
	case p.MaxCiphertextSize < 1 || p.MaxCiphertextSize > MaxPayload:
		return bad("maxCiphertextSize", "%d: want 1 … %d", p.MaxCiphertextSize, MaxPayload)
	case p.MaxValiditySlots == 0 || p.MaxValiditySlots > maxValiditySlots:
		return bad("maxValiditySlots", "%d: want 1 … %d", p.MaxValiditySlots, maxValiditySlots)
	case p.PoolCap < 1 || p.PoolCap > maxPoolCap:
		return bad("poolCap", "%d: want 1 … %d", p.PoolCap, maxPoolCap)
	case p.SenderCap < 1 || p.SenderCap > p.PoolCap:
		return bad("senderCap", "%d: want 1 … poolCap (%d)", p.SenderCap, p.PoolCap)
	case p.Reserve == nil || p.Reserve.Sign() < 0 || p.Reserve.BitLen() > 255:
		return bad("reserve", "%v: want 0 … 2^255", p.Reserve)
	case p.InvalidBidPenalty == nil || p.InvalidBidPenalty.Sign() < 0 || p.InvalidBidPenalty.BitLen() > 255:
		return bad("invalidBidPenalty", "%v: want 0 … 2^255", p.InvalidBidPenalty)
	case p.K == 0 || p.K > maxK:
		return bad("k", "%d: want 1 … %d", p.K, maxK)
	case p.BidsPerSlot < 1 || p.BidsPerSlot > maxBidsPerSlot:
		return bad("bidsPerSlot", "%d: want 1 … %d", p.BidsPerSlot, maxBidsPerSlot)
	case p.BidsPerBuilder < 1 || p.BidsPerBuilder > p.BidsPerSlot:
		return bad("bidsPerBuilder", "%d: want 1 … bidsPerSlot (%d)", p.BidsPerBuilder, p.BidsPerSlot)
	case p.MaxSealedSize < 1 || p.MaxSealedSize > MaxPayload:
		return bad("maxSealedSize", "%d: want 1 … %d", p.MaxSealedSize, MaxPayload)
	case p.BatchSlots < 1 || p.BatchSlots > maxBatchSlots:
		return bad("batchSlots", "%d: want 1 … %d", p.BatchSlots, maxBatchSlots)
	case p.ForceDeadline < 1 || p.ForceDeadline > maxForceDeadline:
		return bad("forceDeadline", "%d: want 1 … %d seconds", p.ForceDeadline, maxForceDeadline)
	case p.EpochSlots < 1 || p.EpochSlots > maxEpochSlots:
		return bad("epochSlots", "%d: want 1 … %d", p.EpochSlots, uint64(maxEpochSlots))
	case p.MaxValidators < 1 || p.MaxValidators > MaxValidatorsLimit:
		return bad("maxValidators", "%d: want 1 … %d", p.MaxValidators, MaxValidatorsLimit)
	case p.DKGPhaseSlots < 1 || p.DKGPhaseSlots > maxDKGPhaseSlots:
		return bad("dkgPhaseSlots", "%d: want 1 … %d", p.DKGPhaseSlots, uint64(maxDKGPhaseSlots))
	case 4*p.DKGPhaseSlots >= p.EpochSlots:
		return bad("dkgPhaseSlots", "%d: the DKG's four phases must end within an epoch of %d slots", p.DKGPhaseSlots, p.EpochSlots)
	}
	return nil
}

// BidGasLimit is the most gas a bid's bundle, and so one envelope, may
// use: the slot less its inclusion reserve (none when the reserve is the
// whole slot or more: never a wrapped difference).
func (p Params) BidGasLimit() uint64 {
	if p.InclusionReserve >= p.SlotGasLimit {
		return 0
	}
	return p.SlotGasLimit - p.InclusionReserve
}

// ForcedGas is the most gas a slot gives forced items from L1 (protocol
// §9): half the inclusion reserve, so the chain's inclusion list keeps the
// other half and no forced item takes from the bid gas limit. The
// ForcedInclusionQueue is deployed with the same figure as the most one
// item may declare.
func (p Params) ForcedGas() uint64 {
	return p.InclusionReserve / 2
}

// jsonParams is the JSON form: amounts in wei as decimal strings, which
// JavaScript clients read without losing digits.
type jsonParams struct {
	SlotGasLimit      uint64 `json:"slotGasLimit"`
	InclusionReserve  uint64 `json:"inclusionReserve"`
	InclusionAge      uint64 `json:"inclusionAge"`
	MinFeePerGas      string `json:"minFeePerGas"`
	MaxCiphertextSize int    `json:"maxCiphertextSize"`
	MaxValiditySlots  uint64 `json:"maxValiditySlots"`
	SenderCap         int    `json:"senderCap"`
	PoolCap           int    `json:"poolCap"`
	Reserve           string `json:"reserve"`
	InvalidBidPenalty string `json:"invalidBidPenalty"`
	K                 uint64 `json:"k"`
	BidsPerBuilder    int    `json:"bidsPerBuilder"`
	BidsPerSlot       int    `json:"bidsPerSlot"`
	MaxSealedSize     int    `json:"maxSealedSize"`
	BatchSlots        uint64 `json:"batchSlots"`
	ForceDeadline     uint64 `json:"forceDeadline"`
	EpochSlots        uint64 `json:"epochSlots"`
	MaxValidators     int    `json:"maxValidators"`
	DKGPhaseSlots     uint64 `json:"dkgPhaseSlots"`
}

func decimal(x *big.Int) string {
	if x == nil {
		return ""
	}
	return x.String()
}

// MarshalJSON writes the parameters with amounts as decimal strings.
func (p Params) MarshalJSON() ([]byte, error) {
	return json.Marshal(jsonParams{SlotGasLimit: p.SlotGasLimit, InclusionReserve: p.InclusionReserve,
		InclusionAge: p.InclusionAge, MinFeePerGas: decimal(p.MinFeePerGas), MaxCiphertextSize: p.MaxCiphertextSize,
		MaxValiditySlots: p.MaxValiditySlots, SenderCap: p.SenderCap, PoolCap: p.PoolCap, Reserve: decimal(p.Reserve),
		InvalidBidPenalty: decimal(p.InvalidBidPenalty), K: p.K, BidsPerBuilder: p.BidsPerBuilder,
		BidsPerSlot: p.BidsPerSlot, MaxSealedSize: p.MaxSealedSize, BatchSlots: p.BatchSlots, ForceDeadline: p.ForceDeadline,
		EpochSlots: p.EpochSlots, MaxValidators: p.MaxValidators, DKGPhaseSlots: p.DKGPhaseSlots})
}

// UnmarshalJSON reads every field (none may be missing: a genesis that
// names params names all of them, but batchSlots, forceDeadline,
// epochSlots, maxValidators and dkgPhaseSlots, which came later and take their defaults
// so that earlier genesis documents keep their meaning) and
// validates the set.
func (p *Params) UnmarshalJSON(b []byte) error {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	var j jsonParams
	fields := []string{"slotGasLimit", "inclusionReserve", "inclusionAge", "minFeePerGas", "maxCiphertextSize",
		"maxValiditySlots", "senderCap", "poolCap", "reserve", "invalidBidPenalty", "k", "bidsPerBuilder",
		"bidsPerSlot", "maxSealedSize"}
	for _, f := range fields {
		if _, ok := raw[f]; !ok {
			return fmt.Errorf("%w: %s missing", ErrInvalid, f)
		}
	}
	fields = append(fields, "batchSlots", "forceDeadline", "epochSlots", "maxValidators", "dkgPhaseSlots") // optional
	for k := range raw {
		if !slices.Contains(fields, k) {
			return fmt.Errorf("%w: unknown field %q", ErrInvalid, k)
		}
	}
	if err := json.Unmarshal(b, &j); err != nil {
		return fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	q := Params{SlotGasLimit: j.SlotGasLimit, InclusionReserve: j.InclusionReserve, InclusionAge: j.InclusionAge,
		MaxCiphertextSize: j.MaxCiphertextSize, MaxValiditySlots: j.MaxValiditySlots, SenderCap: j.SenderCap,
		PoolCap: j.PoolCap, K: j.K, BidsPerBuilder: j.BidsPerBuilder, BidsPerSlot: j.BidsPerSlot, MaxSealedSize: j.MaxSealedSize,
		BatchSlots: j.BatchSlots, ForceDeadline: j.ForceDeadline, EpochSlots: j.EpochSlots, MaxValidators: j.MaxValidators,
		DKGPhaseSlots: j.DKGPhaseSlots}
	def := Default()
	for _, o := range []struct {
		field string
		set   func()
	}{
		{"batchSlots", func() { q.BatchSlots = def.BatchSlots }},
		{"forceDeadline", func() { q.ForceDeadline = def.ForceDeadline }},
		{"epochSlots", func() { q.EpochSlots = def.EpochSlots }},
		{"maxValidators", func() { q.MaxValidators = def.MaxValidators }},
		{"dkgPhaseSlots", func() { q.DKGPhaseSlots = def.DKGPhaseSlots }},
	} {
		if _, ok := raw[o.field]; !ok {
			o.set()
		}
	}
	for _, a := range []struct {
		field string
		s     string
		dst   **big.Int
	}{{"minFeePerGas", j.MinFeePerGas, &q.MinFeePerGas}, {"reserve", j.Reserve, &q.Reserve}, {"invalidBidPenalty", j.InvalidBidPenalty, &q.InvalidBidPenalty}} {
		x, ok := new(big.Int).SetString(a.s, 10)
		if !ok || len(a.s) > 78 || !wire.IsDecimal(a.s) {
			return fmt.Errorf("%w: %s %q is not a decimal amount of wei", ErrInvalid, a.field, a.s)
		}
		*a.dst = x
	}
	if err := q.Validate(); err != nil {
		return err
	}
	*p = q
	return nil
}

// Equal reports whether two parameter sets are the same.
func (p Params) Equal(q Params) bool {
	a, errA := p.MarshalJSON()
	b, errB := q.MarshalJSON()
	return errA == nil && errB == nil && string(a) == string(b)
}
