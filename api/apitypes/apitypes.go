// Package apitypes holds the JSON of Veil's HTTP API (protocol §8): what
// package api serves and what clients read. It is apart from api so that a
// rollup embedding package client, or a wallet, decodes answers without
// linking the server, its router or its metrics; it imports only the
// standard library, go-ethereum's common types and Veil's object packages.
package apitypes

import (
	"encoding/json"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/veil-sequencer/veil/envelope"
	"github.com/veil-sequencer/veil/wire"
)

// Status is GET /v1/status.
type Status struct {
	ChainID     uint64      `json:"chainId"`
	Height      uint64      `json:"height"`
	Eon         uint64      `json:"eon"`
	BlockTimeMs uint64      `json:"blockTimeMs"`
	DomainSalt  common.Hash `json:"domainSalt"`
	// AppHash is the state's hash after Height (protocol §6): nodes at the
	// same height that disagree on it have forked. (The original design
	// lists no such field; operators and the fault tests compare it.)
	AppHash common.Hash `json:"appHash"`
	// L1Applied is the last L1 block Veil state has applied (protocol §9),
	// absent on a network without L1.
	L1Applied *uint64 `json:"l1Applied,omitempty"`
	// L1 is where the network lives on L1 (its genesis's l1 section), so a
	// wallet knows where to deposit; absent on a network without L1.
	L1 *L1Info `json:"l1,omitempty"`
	// Batches is how far the batches onto L1 have come (protocol §9), for
	// operators and the status page; absent on a network without L1.
	Batches *Batches `json:"batches,omitempty"`
}

// Batches counts the batches by how far they have come: every index below
// Fixed has its slot range fixed by the chain, below Signed its committee
// signature recorded, below Accepted its header accepted on L1 (as far as
// Veil applied L1), which makes its slots final.
type Batches struct {
	Fixed    uint64 `json:"fixed"`
	Signed   uint64 `json:"signed"`
	Accepted uint64 `json:"accepted"`
	// Last is the last batch fixed (index Fixed−1); absent before the
	// first.
	Last *BatchRange `json:"last,omitempty"`
}

// BatchRange is a fixed batch's slots.
type BatchRange struct {
	Index     uint64 `json:"index"`
	FirstSlot uint64 `json:"firstSlot"`
	LastSlot  uint64 `json:"lastSlot"`
}

// L1Info is the L1 a network is anchored on and its contracts.
type L1Info struct {
	ChainID              uint64         `json:"chainId"`
	SequencerRegistry    common.Address `json:"sequencerRegistry"`
	BatchInbox           common.Address `json:"batchInbox"`
	DepositVault         common.Address `json:"depositVault"`
	ForcedInclusionQueue common.Address `json:"forcedInclusionQueue"`
}

// Params is GET /v1/params: what wallets and builders need to build
// envelopes and bids the network admits.
type Params struct {
	ChainID           uint64 `json:"chainId"`
	SlotGasLimit      uint64 `json:"slotGasLimit"`
	InclusionReserve  uint64 `json:"inclusionReserve"` // gas of the slot kept from bids for long-queued envelopes
	InclusionAge      uint64 `json:"inclusionAge"`     // slots after which a queued envelope is long-queued
	BidGasLimit       uint64 `json:"bidGasLimit"`
	BaseGas           uint64 `json:"baseGas"`
	GasPerByte        uint64 `json:"gasPerByte"`
	MinFeePerGas      Wei    `json:"minFeePerGas"`
	MaxCiphertextSize int    `json:"maxCiphertextSize"`
	MaxGasLimit       uint64 `json:"maxGasLimit"` // an envelope's gasLimit at most: the bid gas limit
	MaxValiditySlots  uint64 `json:"maxValiditySlots"`
	SenderCap         int    `json:"senderCap"`
	PoolCap           int    `json:"poolCap"`
	Threshold         int    `json:"threshold"`
	Reserve           Wei    `json:"reserve"`
	K                 uint64 `json:"k"`              // bids for slot s are committed in blocks s−K … s−1
	BidsPerBuilder    int    `json:"bidsPerBuilder"` // per slot
	BidsPerSlot       int    `json:"bidsPerSlot"`
	MaxSealedSize     int    `json:"maxSealedSize"`     // bytes
	InvalidBidPenalty Wei    `json:"invalidBidPenalty"` // reserved from collateral per bid
}

// Account is GET /v1/accounts/{address}.
type Account struct {
	NextNonce      uint64 `json:"nextNonce"`
	Deposit        Wei    `json:"deposit"`
	PendingCharges Wei    `json:"pendingCharges"`
	Collateral     Wei    `json:"collateral"`
	Reserved       Wei    `json:"reserved"` // penalties reserved by the builder's unsettled bids
}

// Wei is a uint256 amount, a decimal string on the wire (protocol §4).
type Wei struct{ *big.Int }

// MarshalJSON writes the decimal string, "0" for nil.
func (w Wei) MarshalJSON() ([]byte, error) {
	if w.Int == nil {
		return []byte(`"0"`), nil
	}
	return []byte(`"` + w.String() + `"`), nil
}

// UnmarshalJSON reads a decimal string without leading zeros below 2^256,
// as every amount on the wire is spelled.
func (w *Wei) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("apitypes: wei: want a decimal string, got %s", b)
	}
	v, ok := new(big.Int).SetString(s, 10)
	if !wire.IsDecimal(s) || !ok || v.BitLen() > 256 {
		return fmt.Errorf("apitypes: wei: %q is no uint256 in decimal", s)
	}
	w.Int = v
	return nil
}

// Transaction is GET /v1/transactions/{hash}, and an entry of GET
// /v1/pool; absent fields are omitted.
type Transaction struct {
	Hash   common.Hash `json:"hash"`
	Status string      `json:"status"`
	Slot   *uint64     `json:"slot,omitempty"`
	Index  *uint64     `json:"index,omitempty"`
	Reason string      `json:"reason,omitempty"`
	// PlaintextHash is keccak256 of the plaintext, once decrypted (or
	// invalid with a plaintext).
	PlaintextHash *common.Hash       `json:"plaintextHash,omitempty"`
	Envelope      *envelope.Envelope `json:"envelope,omitempty"`
	// Forced is the forcedIndex of an envelope or plain transaction forced
	// in from L1 (protocol §9); absent otherwise.
	Forced *uint64 `json:"forced,omitempty"`
	// Final is present once the transaction's slot is final: in a batch
	// L1 accepted (protocol §9), which no escape hatch can undo.
	Final *Final `json:"final,omitempty"`
}

// Final says which accepted batch made a slot final, and in which L1
// block L1 accepted it.
type Final struct {
	Batch   uint64 `json:"batch"`
	L1Block uint64 `json:"l1Block"`
}

// Forced is GET /v1/forced/{index}: an item of L1's ForcedInclusionQueue as
// Veil applied it (protocol §9). The path answers 404 until a block applied
// it.
type Forced struct {
	Index  uint64 `json:"index"`
	Status string `json:"status"` // waiting (for its slot), ordered, refused (Reason), dropped (Reason)
	Kind   string `json:"kind"`   // envelope (the item begins with '{') or plain (any other)
	// Hash is the envelope's hash (GET /v1/transactions/{hash} follows it
	// further) or keccak256 of the plain item; absent for an envelope that
	// did not decode.
	Hash        *common.Hash   `json:"hash,omitempty"`
	Slot        *uint64        `json:"slot,omitempty"` // ordered: the slot
	Reason      string         `json:"reason,omitempty"`
	AppliedSlot uint64         `json:"appliedSlot"` // the Veil block that applied it
	L1Block     uint64         `json:"l1Block"`
	L1Sender    common.Address `json:"l1Sender"`
	L1Time      uint64         `json:"l1Time"`
	Gas         uint64         `json:"gas"` // declared on L1
}

// Submitted answers POST /v1/transactions.
type Submitted struct {
	Hash   common.Hash `json:"hash"`
	Status string      `json:"status"` // "pending"
}

// BidSubmitted answers POST /v1/bids.
type BidSubmitted struct {
	BidHash common.Hash `json:"bidHash"`
}

// Withdrawals is GET /v1/withdrawals/{account}: the account's committed
// withdrawals (protocol §9) in withdrawNonce order, and the withdrawNonce
// its next one must carry.
type Withdrawals struct {
	Account           common.Address `json:"account"`
	NextWithdrawNonce uint64         `json:"nextWithdrawNonce"`
	Withdrawals       []Withdrawal   `json:"withdrawals"`
}

// The states of a withdrawal on its way to L1. A committed one has been
// debited on Veil; it is in_batch once the chain fixed the batch that
// covers its slot (Batch says which), claimable once L1 accepted that batch
// (the DepositVault pays it after its withdrawal delay), claimed once the
// DepositVault paid it (its Withdrawn event applied through the oracle).
// One whose batch an equivocation proof froze on L1 is frozen for good
// (the vault will never pay it), unless it was claimed before.
const (
	WithdrawalCommitted = "committed"
	WithdrawalInBatch   = "in_batch"
	WithdrawalClaimable = "claimable"
	WithdrawalClaimed   = "claimed"
	WithdrawalFrozen    = "frozen"
)

// BatchHeader is a batch's L1 header (protocol §9), as BatchInbox and the
// DepositVault take it.
type BatchHeader struct {
	ChainID         uint64      `json:"chainId"`
	Eon             uint64      `json:"eon"`
	Index           uint64      `json:"index"`
	FirstSlot       uint64      `json:"firstSlot"`
	LastSlot        uint64      `json:"lastSlot"`
	Parent          common.Hash `json:"parent"`
	RecordsRoot     common.Hash `json:"recordsRoot"`
	DataHash        common.Hash `json:"dataHash"`
	WithdrawalsRoot common.Hash `json:"withdrawalsRoot"`
	ForcedUpTo      uint64      `json:"forcedUpTo"`
	L1Applied       uint64      `json:"l1Applied"`
	AppHash         common.Hash `json:"appHash"`
}

// WithdrawalProof is GET /v1/withdrawals/{account}/{withdrawNonce}/proof:
// what DepositVault.withdraw takes to pay the withdrawal on L1.
type WithdrawalProof struct {
	Header        BatchHeader    `json:"header"`
	Account       common.Address `json:"account"`
	Recipient     common.Address `json:"recipient"`
	Amount        Wei            `json:"amount"`
	WithdrawNonce uint64         `json:"withdrawNonce"`
	Index         uint64         `json:"index"` // the withdrawal's place among the batch's
	Size          uint64         `json:"size"`
	Path          []common.Hash  `json:"path"`
	Accepted      bool           `json:"accepted"` // L1 accepted the batch, as far as Veil applied L1
}

// Withdrawal is one committed withdrawal and how far it has come.
type Withdrawal struct {
	// Hash is the withdrawal's EIP-712 digest, as POST /v1/withdrawals
	// answered it: a wallet tells its own withdrawal from another signed
	// with the same key for the same withdrawNonce.
	Hash          common.Hash    `json:"hash"`
	WithdrawNonce uint64         `json:"withdrawNonce"`
	Recipient     common.Address `json:"recipient"` // paid on L1
	Amount        Wei            `json:"amount"`
	Fee           Wei            `json:"fee"`  // paid on Veil
	Slot          uint64         `json:"slot"` // the block that committed (debited) it
	State         string         `json:"state"`
	// Batch is the index of the batch that covers Slot, from in_batch on;
	// absent before.
	Batch *uint64 `json:"batch,omitempty"`
	// ClaimedIn is the L1 block in which the vault paid it, once claimed.
	ClaimedIn *uint64 `json:"claimedIn,omitempty"`
}

// SharesReceived answers POST /v1/p2p/shares.
type SharesReceived struct {
	Faults int `json:"faults"` // bad shares, each blamed on the keyper that signed it
}

// PoolPage is GET /v1/pool: envelopes after the cursor, and the cursor to
// continue from.
type PoolPage struct {
	Envelopes []Transaction `json:"envelopes"`
	Next      string        `json:"next"`
}

// Validators is GET /v1/validators: the current set and, on a network
// anchored on L1, the set the last epoch boundary computed from the
// registry (protocol §10).
type Validators struct {
	Validators []Validator `json:"validators"`
	EpochSlots uint64      `json:"epochSlots"`
	Next       *NextSet    `json:"next,omitempty"` // absent before the first boundary
}

// NextEon is GET /v1/eon/next: the next eon's DKG on chain (protocol
// §10), the one running or the last.
type NextEon struct {
	Eon        uint64         `json:"eon"`
	Status     string         `json:"status"` // running, dealt or failed
	Phase      string         `json:"phase"`  // what the next block takes: announce, deal, complaint, justification; result once over
	StartSlot  uint64         `json:"startSlot"`
	ResultSlot uint64         `json:"resultSlot"` // the block that computes its outcome
	Threshold  int            `json:"threshold"`
	Members    []Member       `json:"members"`  // keyper i is members[i-1]
	Messages   map[string]int `json:"messages"` // committed, by phase
	// Key is the dealt eon's public parts (the GET /v1/eon shape,
	// activationSlot 0 until one is fixed); Failed says why it failed.
	Key    json.RawMessage `json:"key,omitempty"`
	Failed string          `json:"failed,omitempty"`
	// Signed is the block that recorded the active committee's signature
	// of the dealt key (the EonKey statement a node registers on L1);
	// ActivationSlot the eon's first slot once L1's registration is
	// applied (0 before).
	Signed         uint64 `json:"signedIn,omitempty"`
	ActivationSlot uint64 `json:"activationSlot,omitempty"`
}

// DKG statuses: running, then dealt or failed; a dealt eon is activating
// once its activation slot is fixed, active from that slot on.
const (
	DKGRunning    = "running"
	DKGDealt      = "dealt"
	DKGFailed     = "failed"
	DKGActivating = "activating"
	DKGActive     = "active"
)

// NextSet is the validator set computed at the epoch boundary Slot.
type NextSet struct {
	Epoch   uint64   `json:"epoch"`
	Slot    uint64   `json:"slot"`
	Members []Member `json:"members"`
}

// Member is a registration in a computed set.
type Member struct {
	Registration uint64         `json:"registration"`
	Keyper       common.Address `json:"keyper"`
	Address      hexutil.Bytes  `json:"address"` // CometBFT validator address
	PubKey       hexutil.Bytes  `json:"pubKey"`  // ed25519
	Stake        Wei            `json:"stake"`
}

// Block is GET /v1/blocks/{slot} (protocol §8), and the data of a feed
// event: the slot's committed bundle, in order, with whatever is known of
// its decryption. Level is "committed" until every envelope has a
// plaintext or a reason, then "decrypted".
type Block struct {
	Slot         uint64          `json:"slot"`
	Level        string          `json:"level"`
	Hash         hexutil.Bytes   `json:"hash"`     // CometBFT's block hash
	Proposer     hexutil.Bytes   `json:"proposer"` // CometBFT validator address
	Time         time.Time       `json:"time"`
	Auction      AuctionResult   `json:"auction"`
	Record       hexutil.Bytes   `json:"record"`      // the block's first transaction: 0x03 ‖ the slot record's canonical JSON
	RecordProof  json.RawMessage `json:"recordProof"` // CometBFT's proof of that transaction under the header's data hash
	BundleRoot   common.Hash     `json:"bundleRoot"`  // root (protocol §4) over the order's hashes (the record's included)
	Keys         []BlockKey      `json:"keys"`        // the bundle's keys (one per envelope, none for a plain transaction), empty until combined
	Transactions []BlockTx       `json:"transactions"`
	Commit       json.RawMessage `json:"commit"` // CometBFT's signed header of the block, for light clients
	// Final is present once the slot is final (protocol §9), in GET
	// /v1/blocks/{slot} and the final feed; never in a committed or
	// decrypted feed event, which are the same whenever they are read.
	// It is the node's word: a rollup that needs L1's derives the slot from
	// L1 (client.L1Reader).
	Final *Final `json:"final,omitempty"`
	// NextValidators is CometBFT's validator set from the next height on,
	// present when it is not this block's (an eon's activation, a slash):
	// a light client checks it against the signed header's
	// nextValidatorsHash and follows the change (protocol §10).
	NextValidators []SetMember `json:"nextValidators,omitempty"`
	// NextEon is present in the block whose record carries the active
	// committee's signature of the next eon's key (the record's eonKey):
	// the eon's public parts (the GET /v1/eon shape, activationSlot 0) and
	// its members' CometBFT keys in keyper order, from which a light
	// client recomputes the EonKey statement, checks σ under the eon it
	// trusts, and takes the new eon up at its activation.
	NextEon *NextEonKey `json:"nextEon,omitempty"`
	// Decryption is this node's time from the commit to the plaintexts,
	// by stage, while its keyper keeps the bundle (the last few dozen
	// slots; absent on a node that is no keyper, for an empty bundle, or
	// one decrypted from the keys on chain). Only GET /v1/blocks/{slot}
	// has it: feed events are the same on every node.
	Decryption *Decryption `json:"decryption,omitempty"`
}

// Decryption times a bundle's decryption on one node, in milliseconds:
// computing its own key shares, verifying peers' (and its own), combining
// t per identity, decrypting and judging every envelope, and the whole
// from the commit to the last plaintext (stages overlap the wait for
// peers, so they need not add up to Total).
type Decryption struct {
	SharesMs  float64 `json:"sharesMs"`
	VerifyMs  float64 `json:"verifyMs"`
	CombineMs float64 `json:"combineMs"`
	DecryptMs float64 `json:"decryptMs"`
	TotalMs   float64 `json:"totalMs"`
}

// SetMember is a CometBFT validator: its ed25519 key and voting power.
type SetMember struct {
	PubKey hexutil.Bytes `json:"pubKey"`
	Power  int64         `json:"power"`
}

// NextEonKey is a dealt eon as a light client checks it.
type NextEonKey struct {
	Eon       json.RawMessage `json:"eon"`
	CometKeys []hexutil.Bytes `json:"cometKeys"`
}

// BlockKey is the combined key of the bundle's envelope at Index, which
// counts the order's envelopes only (a forced plain transaction has no key).
type BlockKey struct {
	Index    uint32        `json:"index"`
	Identity common.Hash   `json:"identity"`
	Key      hexutil.Bytes `json:"key"`
}

// BlockTx is one envelope of a block's bundle.
//
// A forced plain transaction (protocol §9) has no envelope, identity or
// key: EnvelopeHash is its transaction hash, keccak256 of Plaintext, its
// status decrypted from the start.
type BlockTx struct {
	EnvelopeHash common.Hash        `json:"envelopeHash"`
	Identity     common.Hash        `json:"identity"`
	Envelope     *envelope.Envelope `json:"envelope"`
	Status       string             `json:"status"` // committed, decrypted or invalid
	Plaintext    hexutil.Bytes      `json:"plaintext,omitempty"`
	Reason       string             `json:"reason,omitempty"`
	Forced       *uint64            `json:"forced,omitempty"` // the forcedIndex of an item forced in from L1
}

// Validator is one entry of GET /v1/validators (the original design has no
// such path; operators and the fault tests read slashing from it).
type Validator struct {
	Address hexutil.Bytes  `json:"address"` // CometBFT validator address
	PubKey  hexutil.Bytes  `json:"pubKey"`  // ed25519
	Keyper  common.Address `json:"keyper"`
	Bond    Wei            `json:"bond"`
	Power   int64          `json:"power"`             // Veil's view: 1, or 0 once slashed
	Slashed *Slashing      `json:"slashed,omitempty"` // absent while in good standing
	// Registration is its SequencerRegistry registration (the proven one
	// of its CometBFT key), once Veil applied it; Exiting once it asked
	// to exit on L1 (it leaves at the next handover).
	Registration *uint64 `json:"registration,omitempty"`
	Exiting      bool    `json:"exiting,omitempty"`
	// KeyperHealth is how its keyper served this node in the active eon;
	// absent if it is no keyper of that eon or this node is none.
	KeyperHealth *KeyperHealth `json:"keyperHealth,omitempty"`
}

// KeyperHealth is one keyper of the active eon as this node saw it since
// it started: shares that failed verification and committed bundles it
// sent no shares for (judged only while this node was at the head), each
// with the last slot. Zero counts are a keyper doing its part.
type KeyperHealth struct {
	Index           uint64 `json:"index"` // its keyper index in the eon
	BadShares       int    `json:"badShares"`
	LastBadSlot     uint64 `json:"lastBadSlot,omitempty"`
	Missing         int    `json:"missing"`
	LastMissingSlot uint64 `json:"lastMissingSlot,omitempty"`
}

// Slashing is when and for what a validator was slashed.
type Slashing struct {
	Slot   uint64 `json:"slot"`   // the block that applied the evidence
	Height uint64 `json:"height"` // where it equivocated
	Amount Wei    `json:"amount"` // the bond it lost
}

// Auction is GET /v1/auctions/{slot}: open while bids may still be
// committed for the slot, closed once its block is.
type Auction struct {
	Slot           uint64 `json:"slot"`
	Status         string `json:"status"` // "open" or "closed"
	Reserve        Wei    `json:"reserve"`
	BidCount       int    `json:"bidCount"`
	*AuctionResult        // once closed
}

// AuctionResult is a closed auction's public outcome, from its slot
// record.
type AuctionResult struct {
	Bids   []AuctionBid    `json:"bids"`
	Winner *common.Address `json:"winner"` // null without a valid bid
	Price  *string         `json:"price"`  // wei; null without a winner
}

// AuctionBid is one committed bid's verdict.
type AuctionBid struct {
	BidHash common.Hash    `json:"bidHash"`
	Builder common.Address `json:"builder"`
	Seq     uint64         `json:"seq"`
	Value   *string        `json:"value"` // wei; null if not opened
	Verdict string         `json:"verdict"`
	Reason  string         `json:"reason,omitempty"`
}

// Error is an API error as it goes on the wire, inside ErrorBody: the
// rule's code (mempool.Code's names, the decoders' and the API's own), a
// message for people, and the JSON field at fault if one is.
type Error struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Field   string `json:"field,omitempty"`
}

func (e *Error) Error() string {
	if e.Field == "" {
		return e.Code + ": " + e.Message
	}
	return e.Code + " (" + e.Field + "): " + e.Message
}

// ErrorBody is every non-2xx answer's body: {"error": {...}}.
type ErrorBody struct {
	Error Error `json:"error"`
}
