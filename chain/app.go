// Package chain is Veil's CometBFT application: what the state means
// (accounts, the pool, bids, keys, bonds and slashing, over package
// store), the admission of transactions in CheckTx against committed state
// plus this node's mempool, and each slot's transitions in
// PrepareProposal, ProcessProposal and FinalizeBlock, a deterministic
// function of the committed state and the block (protocol §3, §6).
package chain

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"sync"
	"sync/atomic"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/cometbft/cometbft/crypto/ed25519"
	cryptoenc "github.com/cometbft/cometbft/crypto/encoding"
	cmtbytes "github.com/cometbft/cometbft/libs/bytes"
	cmttypes "github.com/cometbft/cometbft/types"
	"github.com/ethereum/go-ethereum/common"

	"github.com/veil-sequencer/veil/auction"
	"github.com/veil-sequencer/veil/batch"
	"github.com/veil-sequencer/veil/bid"
	"github.com/veil-sequencer/veil/contracts"
	"github.com/veil-sequencer/veil/envelope"
	"github.com/veil-sequencer/veil/eon"
	"github.com/veil-sequencer/veil/l1event"
	"github.com/veil-sequencer/veil/mempool"
	"github.com/veil-sequencer/veil/oracle"
	"github.com/veil-sequencer/veil/params"
	"github.com/veil-sequencer/veil/proposer"
	"github.com/veil-sequencer/veil/store"
	"github.com/veil-sequencer/veil/threshold"
	"github.com/veil-sequencer/veil/wire"
)

// Chain transaction types: the first byte of a CometBFT tx (protocol §4).
const (
	TxEnvelope   byte = 0x01
	TxBid        byte = 0x02
	TxSlotRecord byte = 0x03
	TxDKG        byte = 0x04 // a keyper's message in the next eon's DKG (protocol §10)
	TxWithdraw   byte = 0x05 // an account's Withdraw (protocol §9)
)

// State keys beyond the pool's (docs/chain.md).
const (
	prefixEon    = 0x0a // ‖ eon(8) → eon info JSON (the GET /v1/eon shape)
	keyActiveEon = 0x0b // → eon(8)
	prefixBond   = 0x0c // ‖ CometBFT validator address(20) → keyper address(20) ‖ bond(32)
)

// Genesis is the application state in the genesis document.
type Genesis struct {
	ChainID    uint64             `json:"chainId"`
	Eon        *eon.Info          `json:"eon"`
	Accounts   []GenesisAccount   `json:"accounts"`
	Validators []GenesisValidator `json:"validators,omitempty"`
	Builders   []GenesisBuilder   `json:"builders,omitempty"`
	// Beneficiary receives auction prices, penalties and inclusion fees.
	Beneficiary common.Address `json:"beneficiary"`
	// Params are the network's consensus parameters; a genesis without
	// them runs params.Default().
	Params *params.Params `json:"params,omitempty"`
	// L1 names the Ethereum chain and contracts the network is anchored
	// on (protocol §9); a network without one has no L1.
	L1 *GenesisL1 `json:"l1,omitempty"`
}

// GenesisL1 is where a network lives on L1: the L1's chain id and the
// addresses of its contracts, fixed before the genesis is hashed (they are
// planned from the deployer's nonce), so the contracts can be bound to the
// genesis's hash, Veil's signing salt.
type GenesisL1 struct {
	ChainID   uint64              `json:"chainId"`
	Contracts contracts.Addresses `json:"contracts"`
	// StartBlock is the last L1 block before the contracts existed: Veil's
	// view of L1 starts after it (l1Applied at genesis).
	StartBlock uint64 `json:"startBlock"`
}

// NetworkParams are the genesis's parameters, or the defaults when it
// names none.
func (g *Genesis) NetworkParams() params.Params {
	if g.Params == nil {
		return params.Default()
	}
	return *g.Params
}

// GenesisBuilder funds a builder's collateral at genesis.
type GenesisBuilder struct {
	Address    common.Address `json:"address"`
	Collateral string         `json:"collateral"` // wei, decimal
}

// GenesisValidator is a validator's bond at genesis: the stake that
// slashing takes (protocol §3), not extra voting power (every validator has 1).
type GenesisValidator struct {
	Address cmtbytes.HexBytes `json:"address"` // CometBFT validator address
	Keyper  common.Address    `json:"keyper"`  // the same node's keyper (secp256k1) address
	Bond    string            `json:"bond"`    // wei, decimal
}

// GenesisAccount funds a sender's deposit at genesis.
type GenesisAccount struct {
	Address common.Address `json:"address"`
	Deposit string         `json:"deposit"` // wei, decimal
}

// AppConfig configures the application; every validator must use the same.
type AppConfig struct {
	// Params are the network's parameters (its genesis's) and its signing
	// domain: admission, bids and the auction all read them.
	Params mempool.Params
	// Keys, if set, gives the proposer a slot's bid key and committed
	// bundles' keys, combined from the keypers' shares, waiting a bounded
	// time for them. Without it a proposer cannot open bids or record
	// keys, and its blocks for slots that need them are refused.
	Keys KeySource
	Log  *slog.Logger
	// OnBlock, if set, is told about every committed block, after Commit.
	OnBlock func(BlockInfo)
	// Verified, if set, is shared memory of transactions whose signature
	// and ciphertext passed: validators in one process (a devnet) share it,
	// since that result is a pure function of the bytes and the domain.
	Verified *VerifiedSet
	// L1, if set, is this node's view of L1: its vote extensions attest it
	// and its proposals apply the agreed events it holds. Without it the
	// node attests nothing and applies no L1 block in its own proposals;
	// it still checks everyone else's.
	L1 L1View
}

// KeySource is where the proposer gets combined keys.
type KeySource interface {
	// BidKey returns slot's bid key once t valid shares are in, waiting at
	// most its own bound; false if they did not come.
	BidKey(ctx context.Context, slot uint64) (*threshold.IdentityKey, bool)
	// BundleKeys returns the keys of slot's committed bundle, whose
	// identities are ids, in order, once each is combined; if wait, it
	// waits at most its own bound for them.
	BundleKeys(ctx context.Context, slot uint64, ids []threshold.Identity, wait bool) ([]*threshold.IdentityKey, bool)
}

// BlockInfo summarises a committed block for logs and metrics.
type BlockInfo struct {
	Height    uint64
	Proposer  []byte // CometBFT validator address
	Time      time.Time
	Queued    int // envelopes that entered the pool
	Committed int // envelopes in the slot's bundle
	AppHash   common.Hash
	// Auction is the slot's auction as its record decided it, shared with
	// the record: read it, never change it.
	Auction *auction.Result
}

// App is Veil's ABCI application. CometBFT's local client serialises its
// calls, so App needs no locks of its own.
type App struct {
	abci.BaseApplication
	cfg   AppConfig
	store *store.Store
	log   *slog.Logger

	pending     *store.Block // finalized, awaiting Commit
	pendingInfo BlockInfo

	// accepted is the last block ProcessProposal accepted, already applied:
	// FinalizeBlock of the same block over the same committed state reuses
	// it instead of applying every transaction a second time.
	accepted *processed

	verified *VerifiedSet // txs whose signature and ciphertext this node checked
	opened   *openedCache // bids opened with their slot's key
	eonMu    sync.Mutex   // the API reads eons beside CometBFT's calls
	eonCache []*eon.Info
	l1dec    atomic.Pointer[l1event.Decoder] // the L1 contracts' event decoder, once built
	l1view   atomic.Pointer[L1View]          // attached after start (AttachL1)

	check checkState // CheckTx's state: committed plus this node's mempool

	recheck recheckDrops // pending envelopes this node's mempool dropped on recheck
}

// NewApp runs the application over a store.
func NewApp(store *store.Store, cfg AppConfig) *App {
	log := cfg.Log
	if log == nil {
		log = slog.Default()
	}
	v := cfg.Verified
	if v == nil {
		v = NewVerifiedSet()
	}
	return &App{cfg: cfg, store: store, log: log, verified: v, opened: newOpenedCache(openedCacheBytes)}
}

// verifiedBytes bounds the memory of verified transactions by the bytes
// of the transactions they were decoded from (a decoded envelope or bid
// holds about as much): about a minute of envelopes at 1,000/s of a typical
// size, far longer than one waits for its block. A count alone would not
// do: 64 KiB bids and envelopes are valid, and 2^16 of them are 4 GiB.
const verifiedBytes = 64 << 20

// VerifiedSet remembers, by SHA-256 of the transaction bytes, the envelopes
// whose stateless checks passed, decoded and with their digests,
// FIFO-bounded in bytes. It is shared by the ABCI connections and the API
// (and by the validators of one process), so it locks.
type VerifiedSet struct {
	mu    sync.Mutex
	set   map[[32]byte]any // *mempool.Checked or *mempool.CheckedBid
	order []verifiedEntry
	bytes int // of the transactions in the set
	cap   int // bytes
}

type verifiedEntry struct {
	hash [32]byte
	size int
}

// NewVerifiedSet makes an empty set.
func NewVerifiedSet() *VerifiedSet {
	return &VerifiedSet{set: make(map[[32]byte]any), cap: verifiedBytes}
}

// get returns the checked envelope or bid of tx, nil if tx is not known to
// pass. It is shared: callers must not modify it.
func (v *VerifiedSet) get(h [32]byte) any {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.set[h]
}

// add remembers a checked transaction of size bytes, forgetting the oldest
// until the set is within its bound.
func (v *VerifiedSet) add(h [32]byte, size int, c any) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if _, ok := v.set[h]; ok {
		return
	}
	v.set[h] = c
	v.order = append(v.order, verifiedEntry{h, size})
	v.bytes += size
	for v.bytes > v.cap && len(v.order) > 1 {
		old := v.order[0]
		delete(v.set, old.hash)
		v.bytes -= old.size
		v.order[0] = verifiedEntry{}
		v.order = v.order[1:]
	}
}

// txError is a transaction the rules reject, with its code.
type txError struct {
	code mempool.Code // its number is the ABCI code
	err  error
}

func (e *txError) Error() string { return e.code.String() + ": " + e.err.Error() }

// field is the JSON field the rejection names, if any.
func (e *txError) field() string {
	var rej *mempool.Rejection
	var we *wire.Error
	switch {
	case errors.As(e.err, &rej):
		return rej.Field
	case errors.As(e.err, &we):
		return we.Field
	}
	return ""
}

// message is the rejection without its code, for the API's message.
func (e *txError) message() string {
	var rej *mempool.Rejection
	if errors.As(e.err, &rej) && rej.Err != nil {
		return rej.Err.Error()
	}
	return e.err.Error()
}

// Info tells CometBFT where the state stands, for the handshake's replay.
func (a *App) Info(context.Context, *abci.RequestInfo) (*abci.ResponseInfo, error) {
	res := &abci.ResponseInfo{Data: "veil", Version: "1", AppVersion: 1, LastBlockHeight: int64(a.store.Height())}
	if a.store.Height() > 0 {
		res.LastBlockAppHash = a.store.AppHash().Bytes()
	}
	return res, nil
}

// InitChain writes the genesis state: deposits and the genesis eon.
func (a *App) InitChain(_ context.Context, req *abci.RequestInitChain) (*abci.ResponseInitChain, error) {
	var g Genesis
	dec := json.NewDecoder(bytes.NewReader(req.AppStateBytes))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&g); err != nil {
		return nil, fmt.Errorf("chain: genesis app state: %w", err)
	}
	if g.ChainID != a.cfg.Params.Domain.ChainID || g.Eon == nil {
		return nil, fmt.Errorf("chain: genesis for chain %d (eon %v), this node runs chain %d", g.ChainID, g.Eon != nil, a.cfg.Params.Domain.ChainID)
	}
	if _, err := g.Eon.Committee(); err != nil {
		return nil, fmt.Errorf("chain: genesis eon: %w", err)
	}
	if !g.NetworkParams().Equal(a.cfg.Params.Params) {
		return nil, fmt.Errorf("chain: genesis params %+v, this node runs %+v", g.NetworkParams(), a.cfg.Params.Params)
	}
	if err := checkValidators(g.Validators, req.Validators); err != nil {
		return nil, err
	}
	if err := checkSupply(&g); err != nil {
		return nil, err
	}
	b := a.store.Begin()
	st := NewState(b, a.cfg.Params.Domain)
	for _, v := range g.Validators {
		bond, _ := new(big.Int).SetString(v.Bond, 10)
		st.SetBond(Bond{Validator: common.BytesToAddress(v.Address), Keyper: v.Keyper, Amount: bond})
	}
	for _, u := range req.Validators {
		pk, _ := cryptoenc.PubKeyFromProto(u.PubKey) // checked by checkValidators
		st.setValidatorKey(common.BytesToAddress(pk.Address()), pk.Bytes())
	}
	// Every amount below was checked by checkSupply.
	for _, bu := range g.Builders {
		c, _ := new(big.Int).SetString(bu.Collateral, 10)
		st.SetBuilder(bu.Address, mempool.Builder{Collateral: c, Reserved: new(big.Int)})
	}
	for _, acct := range g.Accounts {
		dep, _ := new(big.Int).SetString(acct.Deposit, 10)
		st.SetAccount(acct.Address, Account{Deposit: dep, PendingCharges: new(big.Int)})
	}
	eon, err := json.Marshal(g.Eon)
	if err != nil {
		return nil, err
	}
	b.Set(key(prefixEon, u64(g.Eon.Eon)), eon)
	b.Set([]byte{keyActiveEon}, u64(g.Eon.Eon))
	b.Set([]byte{keyBeneficiary}, g.Beneficiary[:])
	if g.L1 != nil {
		if len(g.Validators) > oracle.MaxVotes {
			return nil, fmt.Errorf("chain: %d genesis validators: a network with an L1 has at most %d (a slot record carries each one's vote)", len(g.Validators), oracle.MaxVotes)
		}
		// The oracle rides on vote extensions: from height 1, so every last
		// commit from block 2 on carries them (protocol §9).
		if cp := req.ConsensusParams; cp == nil || cp.Abci == nil || cp.Abci.VoteExtensionsEnableHeight != 1 {
			return nil, errors.New("chain: the genesis names an L1, but its consensus params do not enable vote extensions at height 1")
		}
		if m := MaxSlotData(g.NetworkParams()); m > batch.PayloadBudget {
			return nil, fmt.Errorf("chain: genesis params let one slot order %d bytes of batch data (slotGasLimit %d / %d gas per byte), more than one batch carries (%d): a network with an L1 needs slotGasLimit ≤ %d",
				m, g.NetworkParams().SlotGasLimit, mempool.GasPerByte, batch.PayloadBudget, (batch.PayloadBudget-batch.SlotOverhead+1)*mempool.GasPerByte-1)
		}
		l1, err := json.Marshal(g.L1)
		if err != nil {
			return nil, err
		}
		b.Set([]byte{keyL1}, l1)
		st.setL1Applied(g.L1.StartBlock, common.Hash{}, 0)
	}
	hash, err := a.store.Genesis(b)
	if err != nil {
		return nil, err
	}
	a.log.Info("genesis", "chain", g.ChainID, "eon", g.Eon.Eon, "accounts", len(g.Accounts), "appHash", hash)
	return &abci.ResponseInitChain{AppHash: hash.Bytes()}, nil
}

// checkSupply requires every genesis amount to be a decimal number of wei
// and their total, all the money the chain will ever hold until bridging
// exists, to fit 256 bits: every later balance is a part of it, so no
// credit can overflow a 32-byte record (and panic the state machine). An
// account or builder listed twice is refused too (the second would
// silently replace the first).
func checkSupply(g *Genesis) error {
	limit := new(big.Int).Lsh(big.NewInt(1), 256)
	total := new(big.Int)
	add := func(what string, who fmt.Stringer, amount string) error {
		v, ok := new(big.Int).SetString(amount, 10)
		if !ok || v.Sign() < 0 {
			return fmt.Errorf("chain: genesis %s %q of %s is not a non-negative decimal number of wei", what, amount, who)
		}
		if total.Add(total, v); total.Cmp(limit) >= 0 {
			return fmt.Errorf("chain: genesis %s %s of %s brings the chain's total to 2^256 wei or more", what, amount, who)
		}
		return nil
	}
	seen := make(map[common.Address]bool)
	for _, a := range g.Accounts {
		if seen[a.Address] {
			return fmt.Errorf("chain: genesis account %s listed twice", a.Address)
		}
		seen[a.Address] = true
		if err := add("deposit", a.Address, a.Deposit); err != nil {
			return err
		}
	}
	clear(seen)
	for _, b := range g.Builders {
		if seen[b.Address] {
			return fmt.Errorf("chain: genesis builder %s listed twice", b.Address)
		}
		seen[b.Address] = true
		if err := add("collateral", b.Address, b.Collateral); err != nil {
			return err
		}
	}
	for _, v := range g.Validators {
		if err := add("bond", v.Address, v.Bond); err != nil {
			return err
		}
	}
	return nil
}

// checkValidators requires the app state's bonded validators to be exactly
// CometBFT's genesis validators, each with voting power 1, and every bond
// a non-negative number of wei that fits 32 bytes.
func checkValidators(bonded []GenesisValidator, comet []abci.ValidatorUpdate) error {
	want := make(map[string]bool, len(bonded))
	for _, v := range bonded {
		bond, ok := new(big.Int).SetString(v.Bond, 10)
		if len(v.Address) != 20 || !ok || bond.Sign() < 0 || bond.BitLen() > 256 || want[string(v.Address)] {
			return fmt.Errorf("chain: genesis validator %s with bond %q", v.Address, v.Bond)
		}
		want[string(v.Address)] = true
	}
	if len(comet) != len(bonded) {
		return fmt.Errorf("chain: genesis bonds %d validators, CometBFT has %d", len(bonded), len(comet))
	}
	for _, u := range comet {
		pk, err := cryptoenc.PubKeyFromProto(u.PubKey)
		if err != nil {
			return fmt.Errorf("chain: genesis validator key: %w", err)
		}
		if pk.Type() != ed25519.KeyType {
			return fmt.Errorf("chain: CometBFT validator %s has a %s key; Veil's slashing needs ed25519", pk.Address(), pk.Type())
		}
		if !want[string(pk.Address())] || u.Power != 1 {
			return fmt.Errorf("chain: CometBFT validator %s (power %d) has no bond in the app state, or power other than 1", pk.Address(), u.Power)
		}
	}
	return nil
}

// activeEon reads the eon envelopes are admitted under.
func activeEon(b *store.Block) (uint64, error) {
	v, err := b.Get([]byte{keyActiveEon})
	if err != nil {
		return 0, err
	}
	if len(v) != 8 {
		return 0, fmt.Errorf("%w: no active eon", ErrCorrupt)
	}
	return binary.BigEndian.Uint64(v), nil
}

// Eon returns the active eon's public parts as the committed state holds
// them.
func (a *App) Eon() (*eon.Info, error) {
	b := a.store.Begin()
	number, err := activeEon(b)
	if err != nil {
		return nil, err
	}
	return a.eonInfo(NewState(b, a.cfg.Params.Domain), number)
}

// eonInfo is eon number's public parts as st holds them, decoded once per
// eon (decoding checks every key's subgroup); the cache keeps the last
// eonCacheSize eons asked for, an activation needs two.
func (a *App) eonInfo(st *State, number uint64) (*eon.Info, error) {
	a.eonMu.Lock()
	defer a.eonMu.Unlock()
	for _, c := range a.eonCache {
		if c.Eon == number {
			return c, nil
		}
	}
	info, ok, err := st.EonInfo(number)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, fmt.Errorf("%w: eon %d was never active", ErrCorrupt, number)
	}
	a.eonCache = append(a.eonCache, info)
	if len(a.eonCache) > eonCacheSize {
		a.eonCache = a.eonCache[1:]
	}
	return info, nil
}

const eonCacheSize = 4

// admitTx runs the admission rules on one transaction and changes
// nothing. Envelopes in verified skip decoding and
// the stateless cryptographic checks; those that pass them are added.
func admitTx(st *State, tx []byte, slot, eon uint64, p mempool.Params, verified *VerifiedSet) (*mempool.Checked, *mempool.Admission, error) {
	if len(tx) == 0 {
		return nil, nil, &txError{code: mempool.CodeBadTx, err: errors.New("empty transaction")}
	}
	if tx[0] != TxEnvelope {
		return nil, nil, &txError{code: mempool.CodeUnsupportedTx, err: fmt.Errorf("transaction type 0x%02x", tx[0])}
	}
	h := sha256.Sum256(tx)
	c, _ := verified.get(h).(*mempool.Checked)
	v := st.View(slot, eon)
	var adm *mempool.Admission
	var rej *mempool.Rejection
	if c != nil {
		adm, rej = mempool.AdmitVerified(c, v, p)
	} else {
		e, err := envelope.DecodeTx(tx[1:])
		if err != nil {
			return nil, nil, decodeError(err)
		}
		if adm, rej = mempool.Admit(e, v, p); rej == nil && v.Err == nil {
			c = mempool.CheckedOf(e, adm)
			verified.add(h, len(tx), c)
		}
	}
	if v.Err != nil {
		return nil, nil, v.Err // storage, not the transaction
	}
	if rej != nil {
		return nil, nil, &txError{code: rej.Code, err: rej}
	}
	return c, adm, nil
}

// decodeError is a transaction that does not decode, rejected with the
// wire rule's code (protocol §4) when there is one.
func decodeError(err error) *txError {
	var we *wire.Error
	if errors.As(err, &we) {
		if code, ok := mempool.ParseCode(we.Code); ok {
			return &txError{code: code, err: err}
		}
	}
	return &txError{code: mempool.CodeBadTx, err: err}
}

// applyTx admits one transaction and applies it (an envelope into the
// pool, a bid into its slot's set): a *txError is a rejection (which wrote
// nothing), any other error a storage failure.
func (a *App) applyTx(st *State, tx []byte, slot, eon uint64) error {
	if len(tx) > 0 && tx[0] == TxWithdraw {
		return st.applyWithdraw(tx[1:], slot, a.cfg.Params)
	}
	if len(tx) > 0 && tx[0] == TxDKG {
		return st.applyDKG(tx[1:], slot, a.cfg.Params.DKGPhaseSlots)
	}
	if len(tx) > 0 && tx[0] == TxBid {
		b, adm, err := a.admitBid(st, tx, slot, eon)
		if err != nil {
			return err
		}
		return st.QueueBid(b, adm)
	}
	c, adm, err := admitTx(st, tx, slot, eon, a.cfg.Params, a.verified)
	if err != nil {
		return err
	}
	return st.Queue(c.Envelope, adm, slot)
}

// admitBid runs the bid rules on a bid transaction for block and changes
// nothing.
func (a *App) admitBid(st *State, tx []byte, block, eon uint64) (*bid.Bid, *mempool.BidAdmission, error) {
	h := sha256.Sum256(tx)
	c, _ := a.verified.get(h).(*mempool.CheckedBid)
	v := st.BidView(block, eon)
	var adm *mempool.BidAdmission
	var rej *mempool.Rejection
	if c != nil {
		adm, rej = mempool.AdmitBidVerified(c, v, a.cfg.Params)
	} else {
		b, err := bid.DecodeTx(tx[1:])
		if err != nil {
			return nil, nil, decodeError(err)
		}
		if adm, rej = mempool.AdmitBid(b, v, a.cfg.Params); rej == nil && v.Err == nil {
			c = &mempool.CheckedBid{Bid: b, Hash: adm.Hash}
			a.verified.add(h, len(tx), c)
		}
	}
	if v.Err != nil {
		return nil, nil, v.Err
	}
	if rej != nil {
		return nil, nil, &txError{code: rej.Code, err: rej}
	}
	return c.Bid, adm, nil
}

// startSlot applies what happens at the top of every block before its
// slot record: on a network with an L1 the activation of an eon whose
// first slot it is (activate), then expiry (so the auction sees only
// envelopes the slot may take). CheckTx's state runs it too, so the
// mempool admits for the eon the next block has. It says whether an eon
// became active.
func (a *App) startSlot(st *State, slot uint64) (bool, error) {
	activated := false
	if l1, err := st.L1(); err != nil {
		return false, err
	} else if l1 != nil {
		if activated, err = st.activate(slot); err != nil {
			return false, err
		}
	}
	return activated, st.Expire(slot)
}

// CheckTx runs the admission rules against the check state, the committed
// state with this node's pending transactions applied, and applies the
// transaction there if it passes (new and rechecked alike: Commit starts
// the check state afresh and CometBFT rechecks its mempool in order). A
// rejection carries the rule's code, the field it names in Info (and
// Data) and its message in Log, which the API reports as they are.
func (a *App) CheckTx(_ context.Context, req *abci.RequestCheckTx) (*abci.ResponseCheckTx, error) {
	err := a.checkTx(req.Tx)
	var te *txError
	switch {
	case errors.As(err, &te):
		if req.Type == abci.CheckTxType_Recheck {
			a.noteRecheckDrop(req.Tx, te.code)
		}
		// The field goes in Data too: CometBFT's broadcast result, which
		// the API reads, carries Data and Log but not Info.
		f := te.field()
		return &abci.ResponseCheckTx{Code: uint32(te.code), Codespace: "veil", Log: te.message(), Info: f, Data: []byte(f)}, nil
	case err != nil:
		return nil, err
	}
	return &abci.ResponseCheckTx{Code: abci.CodeTypeOK}, nil
}

// writesPerTx is about how many keys one queued envelope writes (its
// record, fee and sender indexes, identity, account), for sizing a block's
// write set.
const writesPerTx = 8

// slotRun is one block being applied to a write set: the top of the slot
// (expiry, the bundle) done, transactions applied one by one after it.
// PrepareProposal, ProcessProposal and FinalizeBlock all go through it, so
// they cannot drift apart.
type slotRun struct {
	app      *App
	b        *store.Block
	st       *State
	slot     uint64
	eon      uint64
	bundle   []common.Hash
	lc       lastCommit // the block's last commit, for the oracle's section
	l1       *GenesisL1 // the network's L1, nil without one
	due      *proposer.BatchDue
	eonDue   *proposer.StatementDue // the next eon's key statement awaiting σ
	slashDue *proposer.StatementDue // the lowest Slash statement awaiting σ
	// activated is set when the block's top made a new eon active.
	activated bool
	// auction is the slot's auction, once its record is applied.
	auction *auction.Result
}

// StatementSigSource is a KeySource that can also give the active
// committee's signature of a due statement, the next eon's key or a Slash
// (a node's keyper), false until it has it.
type StatementSigSource interface {
	EonSignature(ctx context.Context, due *proposer.StatementDue) (*threshold.IdentityKey, bool)
	SlashSignature(ctx context.Context, due *proposer.StatementDue) (*threshold.IdentityKey, bool)
}

// BatchSigSource is a KeySource that can also give the committee's
// signature of a batch header (a node's keyper): the dataHash it signed
// and σ, false until it has both.
type BatchSigSource interface {
	BatchSignature(ctx context.Context, index uint64) (common.Hash, *threshold.IdentityKey, bool)
}

// slotInputs gathers the record's inputs at the top of the run: the
// auction's and keys' (App.slotInputs), the oracle's, and the batch due.
func (r *slotRun) slotInputs() (proposer.Inputs, *auctionState, error) {
	in, as, err := r.app.slotInputs(r.st, r.slot, r.eon)
	if err != nil {
		return in, nil, err
	}
	if r.l1 != nil {
		if r.due, err = r.st.batchDue(r.app.cfg.Params.Domain); err != nil {
			return in, nil, err
		}
		if r.due != nil && r.due.Fixed.Eon != r.eon { // an eon's last batch, signed by its committee after the activation
			info, err := r.app.eonInfo(r.st, r.due.Fixed.Eon)
			if err != nil {
				return in, nil, err
			}
			r.due.EonKey = info.PublicKey
		}
		in.BatchDue = r.due
		if r.eonDue, err = r.st.eonDue(r.eon); err != nil {
			return in, nil, err
		}
		in.EonDue = r.eonDue
		if r.slashDue, err = r.st.slashDue(r.eon); err != nil {
			return in, nil, err
		}
		in.SlashDue = r.slashDue
	}
	return in, as, nil
}

// beginSlot opens a write set for height and applies the top of the slot.
func (a *App) beginSlot(height int64, txs int, lc lastCommit) (*slotRun, error) {
	b := a.store.BeginSized(writesPerTx * txs)
	r := &slotRun{app: a, b: b, st: NewState(b, a.cfg.Params.Domain), slot: uint64(height), lc: lc}
	var err error
	if r.l1, err = r.st.L1(); err != nil {
		return nil, err
	}
	if r.activated, err = a.startSlot(r.st, r.slot); err != nil {
		return nil, err
	}
	if r.eon, err = activeEon(b); err != nil {
		return nil, err
	}
	if r.l1 != nil { // batches go to L1
		h, appHash := a.store.Committed()
		if err := r.st.noteSlotEnd(r.slot, h, appHash); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// record checks a block's first transaction as the slot record and applies
// it: a *txError if it is not this slot's record, any other error a storage
// failure.
func (r *slotRun) record(tx []byte) error {
	if len(tx) == 0 || tx[0] != TxSlotRecord {
		return &txError{code: mempool.CodeBadRecord, err: errors.New("the block's first transaction is not its slot record")}
	}
	in, as, err := r.slotInputs()
	if err != nil {
		return err
	}
	if in.Oracle, err = r.app.oracleInputs(r.st, r.slot, r.lc); err != nil {
		return err
	}
	rec, err := proposer.Check(in, tx[1:])
	if as.Err != nil {
		return as.Err
	}
	if err != nil {
		return &txError{code: mempool.CodeBadRecord, err: err}
	}
	return r.applyRecord(rec)
}

func (r *slotRun) applyRecord(rec *proposer.Record) error {
	bound, err := r.st.applyRecord(rec, r.app.cfg.Params.InvalidBidPenalty)
	if err != nil {
		return err
	}
	r.auction = rec.Auction
	if rec.Batch != nil {
		if r.due == nil || r.due.Fixed.Index != rec.Batch.Index { // Check and Build admit no other
			return fmt.Errorf("%w: a record signs batch %d, which is not due", ErrCorrupt, rec.Batch.Index)
		}
		if err := r.st.recordBatchSig(r.due, rec.Batch, r.slot); err != nil {
			return err
		}
	}
	if rec.EonSig != nil {
		if r.eonDue == nil || r.eonDue.Subject != rec.EonSig.Subject { // Check and Build admit no other
			return fmt.Errorf("%w: a record signs eon %d's key, which is not due", ErrCorrupt, rec.EonSig.Subject)
		}
		r.st.recordEonSig(r.eonDue, rec.EonSig, r.slot)
	}
	if rec.Slash != nil {
		if r.slashDue == nil || r.slashDue.Subject != rec.Slash.Subject {
			return fmt.Errorf("%w: a record signs registration %d's slash, which is not due", ErrCorrupt, rec.Slash.Subject)
		}
		if err := r.st.recordSlashSig(rec.Slash, r.slot); err != nil {
			return err
		}
	}
	if rec.Oracle != nil && len(rec.Applied) > 0 {
		if err := r.app.applyL1(r.st, &oracleApplied{blocks: rec.Oracle.Blocks[:len(rec.Applied)], applied: rec.Applied}, r.slot, r.eon); err != nil {
			return err
		}
	}
	r.bundle = rec.Auction.Included
	if r.l1 != nil {
		p := r.app.cfg.Params
		if err := r.st.finishDKG(r.slot, p.DKGPhaseSlots); err != nil {
			return err
		}
		if err := r.st.expireDealt(r.slot, p.DKGPhaseSlots, p.EpochSlots); err != nil {
			return err
		}
		if err := r.st.epochBoundary(r.slot, p.EpochSlots, p.MaxValidators, r.eon); err != nil {
			return err
		}
		if err := r.st.scheduleSet(r.slot); err != nil {
			return err
		}
		if err := r.st.closeBatch(r.slot, bound, r.app.cfg.Params.BatchSlots, r.activated); err != nil {
			return err
		}
		return r.st.fixBatch(r.slot)
	}
	return nil
}

// buildRecord is the proposer's slot record transaction, applied to the
// run: the auction run with the slot's bid key if bids were committed for
// it. (ProcessProposal, on this node too, checks it like anyone's.)
func (r *slotRun) buildRecord(ctx context.Context) ([]byte, error) {
	in, as, err := r.slotInputs()
	if err != nil {
		return nil, err
	}
	if in.Oracle, err = r.app.oracleInputs(r.st, r.slot, r.lc); err != nil {
		return nil, err
	}
	var applied []oracle.Attestation
	if in.Oracle != nil {
		events := func(oracle.Attestation) ([][]byte, bool) { return nil, false }
		if v := r.app.l1View(); v != nil {
			events = v.Events
		}
		in.Section, applied = oracle.Build(*in.Oracle, r.lc.extended, events)
	}
	var key *threshold.IdentityKey
	keys := proposer.KeySet{}
	if src := r.app.cfg.Keys; src != nil {
		if len(in.Bids) > 0 {
			key, _ = src.BidKey(ctx, r.slot)
		}
		for _, d := range in.Due {
			if ks, ok := src.BundleKeys(ctx, d.Slot, d.Identities, d.Required); ok {
				keys[d.Slot] = ks
			}
		}
		if bs, ok := src.(BatchSigSource); ok && in.BatchDue != nil {
			if dataHash, sigma, ok := bs.BatchSignature(ctx, in.BatchDue.Fixed.Index); ok {
				in.BatchSig = &proposer.BatchSig{Index: in.BatchDue.Fixed.Index, DataHash: dataHash, Sigma: sigma}
			}
		}
		if es, ok := src.(StatementSigSource); ok && in.EonDue != nil {
			if sigma, ok := es.EonSignature(ctx, in.EonDue); ok {
				in.EonSig = &proposer.StatementSig{Subject: in.EonDue.Subject, Sigma: sigma}
			}
		}
		if es, ok := src.(StatementSigSource); ok && in.SlashDue != nil {
			if sigma, ok := es.SlashSignature(ctx, in.SlashDue); ok {
				in.SlashSig = &proposer.StatementSig{Subject: in.SlashDue.Subject, Sigma: sigma}
			}
		}
	}
	rec, err := proposer.Build(in, key, keys)
	if as.Err != nil {
		return nil, as.Err
	}
	if err != nil {
		return nil, err
	}
	rec.Applied = applied
	if err := r.applyRecord(rec); err != nil {
		return nil, err
	}
	return append([]byte{TxSlotRecord}, rec.Encode()...), nil
}

// apply applies one transaction: a *txError
// is a rejection (which wrote nothing), any other error a storage failure.
func (r *slotRun) apply(tx []byte) error {
	return r.app.applyTx(r.st, tx, r.slot, r.eon)
}

// PrepareProposal keeps, in mempool order and within the byte limit, the
// transactions that apply on chain, trying each on one scratch write set (a
// rejected one writes nothing). It never fails the proposal.
func (a *App) PrepareProposal(ctx context.Context, req *abci.RequestPrepareProposal) (*abci.ResponsePrepareProposal, error) {
	run, err := a.beginSlot(req.Height, len(req.Txs), fromExtendedCommitInfo(req.LocalLastCommit))
	if err != nil {
		a.log.Error("prepare proposal", "height", req.Height, "err", err)
		return &abci.ResponsePrepareProposal{}, nil
	}
	rec, err := run.buildRecord(ctx)
	if err != nil {
		// Without the slot record (no bid key in time) the block is
		// refused and CometBFT moves to the next round and proposer.
		a.log.Warn("proposing without a slot record", "height", req.Height, "err", err)
		return &abci.ResponsePrepareProposal{}, nil
	}
	// CometBFT counts a block's transactions as their protobuf framing
	// does and fails the whole node on a proposal past MaxTxBytes; the
	// record comes on top of what it reaped, so every transaction is
	// counted again here, the record first.
	kept := [][]byte{rec}
	size := txProtoSize(rec)
	if size > req.MaxTxBytes {
		a.log.Error("slot record larger than a block", "height", req.Height, "bytes", size, "max", req.MaxTxBytes)
		return &abci.ResponsePrepareProposal{}, nil
	}
	for _, tx := range req.Txs {
		n := txProtoSize(tx)
		if size+n > req.MaxTxBytes {
			continue // a smaller one later may fit
		}
		err := run.apply(tx)
		var te *txError
		switch {
		case errors.As(err, &te):
			continue
		case err != nil:
			a.log.Error("prepare proposal", "height", req.Height, "err", err)
			return &abci.ResponsePrepareProposal{Txs: kept}, nil
		}
		kept = append(kept, tx)
		size += n
	}
	return &abci.ResponsePrepareProposal{Txs: kept}, nil
}

// txProtoSize is what a transaction adds to a block's data as CometBFT
// counts it against MaxTxBytes (types.ComputeProtoSizeForTxs, additive per
// transaction: its bytes with their protobuf field tag and length).
func txProtoSize(tx []byte) int64 {
	return cmttypes.ComputeProtoSizeForTxs([]cmttypes.Tx{tx})
}

// processed is a block ProcessProposal accepted: its hash, the committed
// state it was applied over, and the result.
type processed struct {
	hash      []byte
	height    uint64 // the store's height when it was applied
	appHash   common.Hash
	run       *slotRun
	txResults []*abci.ExecTxResult
}

// ProcessProposal accepts a block only if every transaction applies: a
// function of the committed state and the block alone.
func (a *App) ProcessProposal(_ context.Context, req *abci.RequestProcessProposal) (*abci.ResponseProcessProposal, error) {
	a.accepted = nil
	if len(req.Txs) == 0 {
		a.log.Warn("rejecting proposal without a slot record", "height", req.Height)
		return &abci.ResponseProcessProposal{Status: abci.ResponseProcessProposal_REJECT}, nil
	}
	run, err := a.beginSlot(req.Height, len(req.Txs), fromCommitInfo(req.ProposedLastCommit))
	if err != nil {
		return nil, err
	}
	results := make([]*abci.ExecTxResult, len(req.Txs))
	for i, tx := range req.Txs {
		if i == 0 {
			err = run.record(tx)
		} else {
			err = run.apply(tx)
		}
		var te *txError
		switch {
		case errors.As(err, &te):
			a.log.Warn("rejecting proposal", "height", req.Height, "tx", i, "err", err)
			return &abci.ResponseProcessProposal{Status: abci.ResponseProcessProposal_REJECT}, nil
		case err != nil:
			return nil, err
		}
		results[i] = &abci.ExecTxResult{Code: abci.CodeTypeOK}
	}
	height, appHash := a.store.Committed()
	a.accepted = &processed{hash: req.Hash, height: height, appHash: appHash, run: run, txResults: results}
	return &abci.ResponseProcessProposal{Status: abci.ResponseProcessProposal_ACCEPT}, nil
}

// reuse returns ProcessProposal's result if it was for the block
// FinalizeBlock is deciding (same hash and height) over the same committed
// state, so it is exactly what FinalizeBlock would compute. Replay and block
// sync never call ProcessProposal and always recompute.
func (a *App) reuse(req *abci.RequestFinalizeBlock) *processed {
	p := a.accepted
	a.accepted = nil
	if p == nil || len(req.Hash) == 0 || !bytes.Equal(p.hash, req.Hash) || p.run.slot != uint64(req.Height) {
		return nil
	}
	if height, appHash := a.store.Committed(); height != p.height || appHash != p.appHash {
		return nil
	}
	return p
}

// FinalizeBlock applies a decided block: the slot's bundle, then its
// transactions, each checked again (CheckTx is never trusted).
func (a *App) FinalizeBlock(_ context.Context, req *abci.RequestFinalizeBlock) (*abci.ResponseFinalizeBlock, error) {
	run, res, queued, err := a.finalize(req)
	if err != nil {
		return nil, err
	}
	run.st.setSlotTime(run.slot, req.Time)
	if res.ValidatorUpdates, err = run.validatorUpdates(req.Misbehavior); err != nil {
		return nil, err
	}
	for _, m := range req.Misbehavior {
		a.log.Warn("misbehaviour", "slot", run.slot, "validator", fmt.Sprintf("%X", m.Validator.Address), "type", m.Type.String(), "height", m.Height)
	}
	hash, _, err := run.b.AppHash()
	if err != nil {
		return nil, err
	}
	a.pending = run.b
	a.opened.forget(run.slot)
	a.pendingInfo = BlockInfo{Height: run.slot, Proposer: req.ProposerAddress, Time: req.Time, Queued: queued, Committed: len(run.bundle), AppHash: hash,
		Auction: run.auction}
	res.AppHash = hash.Bytes()
	a.log.Debug("finalized", "height", run.slot, "queued", queued, "committed", len(run.bundle), "appHash", hash)
	return res, nil
}

// validatorUpdates is what a decided block changes in CometBFT's set: its
// slashes, or, two slots before an activation, the change to the next
// set with the slashes applied (setUpdates, after the slashes are
// recorded), so each key gets one update that CometBFT and the chain's
// own view of the set (cometSet) agree on.
func (r *slotRun) validatorUpdates(evidence []abci.Misbehavior) ([]abci.ValidatorUpdate, error) {
	slashed, err := r.st.slash(r.slot, evidence)
	if err != nil {
		return nil, err
	}
	set, err := r.st.setUpdates(r.slot)
	if err != nil {
		return nil, err
	}
	if set == nil {
		return slashed, nil
	}
	r.app.log.Info("validator set changes", "slot", r.slot, "effective", r.slot+2, "updates", len(set))
	return set, nil
}

// finalize applies the block's transactions, or takes ProcessProposal's
// identical result (every transaction accepted).
func (a *App) finalize(req *abci.RequestFinalizeBlock) (*slotRun, *abci.ResponseFinalizeBlock, int, error) {
	if p := a.reuse(req); p != nil {
		return p.run, &abci.ResponseFinalizeBlock{TxResults: p.txResults}, len(p.txResults) - 1, nil // less the record
	}
	run, err := a.beginSlot(req.Height, len(req.Txs), fromCommitInfo(req.DecidedLastCommit))
	if err != nil {
		return nil, nil, 0, err
	}
	res := &abci.ResponseFinalizeBlock{TxResults: make([]*abci.ExecTxResult, len(req.Txs))}
	if len(req.Txs) == 0 {
		return nil, nil, 0, fmt.Errorf("chain: decided block %d has no slot record", req.Height)
	}
	if err := run.record(req.Txs[0]); err != nil {
		// ProcessProposal of two thirds accepted this record: failing it
		// here is a fault of this node (state or code), never a rejection.
		return nil, nil, 0, fmt.Errorf("chain: decided block %d: %w", req.Height, err)
	}
	res.TxResults[0] = &abci.ExecTxResult{Code: abci.CodeTypeOK}
	queued := 0
	for i, tx := range req.Txs {
		if i == 0 {
			continue
		}
		err := run.apply(tx)
		var te *txError
		switch {
		case errors.As(err, &te):
			res.TxResults[i] = &abci.ExecTxResult{Code: uint32(te.code), Codespace: "veil", Log: te.Error()}
		case err != nil:
			return nil, nil, 0, err
		default:
			res.TxResults[i] = &abci.ExecTxResult{Code: abci.CodeTypeOK}
			queued++
		}
	}
	return run, res, queued, nil
}

// Commit makes the finalized block durable.
func (a *App) Commit(context.Context, *abci.RequestCommit) (*abci.ResponseCommit, error) {
	if a.pending == nil {
		return nil, errors.New("chain: commit without a finalized block")
	}
	if _, err := a.store.Commit(a.pending, a.pendingInfo.Height); err != nil {
		return nil, err
	}
	a.pending = nil
	// CometBFT rechecks its mempool next, rebuilding the check state.
	a.check.commit()
	if a.cfg.OnBlock != nil {
		a.cfg.OnBlock(a.pendingInfo)
	}
	return &abci.ResponseCommit{}, nil
}
