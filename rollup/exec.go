package rollup

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/consensus/misc/eip1559"
	"github.com/ethereum/go-ethereum/consensus/misc/eip4844"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/rawdb"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/core/vm"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethdb"

	"github.com/veil-sequencer/veil/client"
)

// An L2 block's extra data says where in Veil's history it stands, so a
// node that restarts (cleanly or killed) resumes after its head block's
// last slot: version (1) ‖ the last slot executed (8) ‖ how many slots the
// block holds (4) ‖ the next forced index the escape hatch may still
// apply (8). 21 bytes, inside the 32 Ethereum allows.
const (
	extraVersion = 1
	extraSize    = 1 + 8 + 4 + 8
)

// position is where a block leaves Veil's history.
type position struct {
	LastSlot    uint64 // every slot up to it is executed
	Slots       uint32 // the block's slots: LastSlot−Slots+1 … LastSlot
	EscapedNext uint64 // forced items below it that escaped are executed
}

func (p position) extra() []byte {
	b := make([]byte, 1, extraSize)
	b[0] = extraVersion
	b = binary.BigEndian.AppendUint64(b, p.LastSlot)
	b = binary.BigEndian.AppendUint32(b, p.Slots)
	return binary.BigEndian.AppendUint64(b, p.EscapedNext)
}

// positionOf reads a block's position; the genesis (extra data of its own)
// is before slot 1.
func positionOf(h *types.Header) (position, error) {
	if h.Number.Sign() == 0 {
		return position{}, nil
	}
	e := h.Extra
	if len(e) != extraSize || e[0] != extraVersion {
		return position{}, fmt.Errorf("rollup: block %d's extra data is not a Veil position (%d bytes): the datadir holds another chain", h.Number, len(e))
	}
	return position{LastSlot: binary.BigEndian.Uint64(e[1:]), Slots: binary.BigEndian.Uint32(e[9:]), EscapedNext: binary.BigEndian.Uint64(e[13:])}, nil
}

// Skipped is a transaction Veil ordered that the EVM could not include (a
// nonce out of turn, a balance short of gas × price + value, a fee cap
// below the base fee, no gas left in the block): it takes no place in the
// L2 block, its sender's nonce does not move, and it has no receipt. Every
// node skips the same ones, since the rule is a function of the state.
type Skipped struct {
	Hash   common.Hash `json:"hash"`
	Slot   uint64      `json:"slot"`  // the Veil slot that ordered it (0: escaped from L1)
	Index  int         `json:"index"` // its place among the slot's valid transactions
	Block  uint64      `json:"block"` // the L2 block it was skipped from
	Reason string      `json:"reason"`
	Error  string      `json:"error"` // go-ethereum's message
}

// Reasons a transaction is skipped.
const (
	SkipNonceTooLow  = "nonce_too_low"
	SkipNonceTooHigh = "nonce_too_high"
	SkipInsufficient = "insufficient_funds"
	SkipFeeCapTooLow = "fee_cap_below_base_fee"
	SkipBlockGas     = "block_gas_limit"
	SkipIntrinsicGas = "intrinsic_gas_too_low"
	SkipBadEncoding  = "bad_encoding"
	SkipSenderNotEOA = "sender_not_eoa"
	SkipOtherwise    = "invalid"
)

// skippedKeyPrefix ‖ hash(32) → Skipped JSON, in the chain database.
const skippedKeyPrefix = "veil-skipped-"

// checkpointKey → the feed verifier's checkpoint after the last slot of a
// stored block (client.Checkpoint's encoding), in the chain database.
const checkpointKey = "veil-feed-checkpoint"

// skipReason names err for Skipped.Reason.
func skipReason(err error) string {
	switch {
	case errors.Is(err, core.ErrNonceTooLow):
		return SkipNonceTooLow
	case errors.Is(err, core.ErrNonceTooHigh):
		return SkipNonceTooHigh
	case errors.Is(err, core.ErrInsufficientFunds), errors.Is(err, core.ErrInsufficientFundsForTransfer):
		return SkipInsufficient
	case errors.Is(err, core.ErrFeeCapTooLow):
		return SkipFeeCapTooLow
	case errors.Is(err, core.ErrGasLimitReached):
		return SkipBlockGas
	case errors.Is(err, core.ErrIntrinsicGas), errors.Is(err, core.ErrFloorDataGas):
		return SkipIntrinsicGas
	case errors.Is(err, core.ErrSenderNoEOA):
		return SkipSenderNotEOA
	}
	return SkipOtherwise
}

// Block is an L2 block the executor added, for its caller's logs and
// metrics.
type Block struct {
	Number    uint64
	Hash      common.Hash
	Root      common.Hash
	Time      uint64
	FirstSlot uint64 // its first slot (LastSlot+1 for a block of escaped items only)
	LastSlot  uint64
	Txs       int
	Skipped   []Skipped
	GasUsed   uint64
	Took      time.Duration // building and importing it
	Imported  time.Time     // when its import ended
	// SlotTimes are its slots' times, for latency: a slot's transactions
	// are visible from the block's import on.
	SlotTimes []time.Time
}

// Executor turns Veil's verified slots into L2 blocks (see the package
// doc's rules), on top of go-ethereum's BlockChain. One goroutine feeds it.
type Executor struct {
	chain *core.BlockChain
	db    ethdb.Database
	log   *slog.Logger
	// OnBlock, if set, is called after each block is imported.
	OnBlock func(Block)
	observe func(Block) // the node's metrics

	head  position      // the head block's
	group []client.Slot // slots of one second waiting for a later slot
	// cp is the verifier's checkpoint after the group's last slot (nil if
	// it came without one), stored once the group's block is imported.
	cp  *client.Checkpoint
	sec uint64 // the group's second
}

// NewExecutor resumes from chain's head block.
func NewExecutor(chain *core.BlockChain, db ethdb.Database, log *slog.Logger) (*Executor, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	pos, err := positionOf(chain.CurrentBlock())
	if err != nil {
		return nil, err
	}
	return &Executor{chain: chain, db: db, log: log, head: pos}, nil
}

// Next is the next slot the executor wants: slots before it are executed
// or waiting in the open block.
func (x *Executor) Next() uint64 { return x.head.LastSlot + uint64(len(x.group)) + 1 }

// EscapedNext is the next forced index the escape hatch may apply.
func (x *Executor) EscapedNext() uint64 { return x.head.EscapedNext }

// Add takes the next slot. Slots are grouped by the whole second of their
// time into one L2 block, timestamped with that second (or its parent's
// time + 1, if that is later: timestamps must rise): a slot of a later
// second closes the block before it, so a block is imported once the first
// slot after it arrives. A slot before Next is ignored (a replay after a
// restart); one after it is an error.
func (x *Executor) Add(ctx context.Context, s client.Slot) error {
	return x.AddChecked(ctx, s, nil)
}

// AddChecked is Add for a slot verified from the feed, with the
// verifier's checkpoint after it (Verifier.Checkpoint): when the slot's
// block is imported the checkpoint is stored with it, and FeedCheckpoint
// returns it after a restart.
func (x *Executor) AddChecked(ctx context.Context, s client.Slot, cp *client.Checkpoint) error {
	switch next := x.Next(); {
	case s.Slot < next:
		return nil
	case s.Slot > next:
		return fmt.Errorf("rollup: slot %d while expecting slot %d", s.Slot, next)
	}
	sec := uint64(max(s.Time.Unix(), 0))
	if len(x.group) > 0 && sec > x.sec {
		if err := x.seal(ctx, nil); err != nil {
			return err
		}
	}
	if len(x.group) == 0 {
		x.sec = sec
	}
	x.group, x.cp = append(x.group, s), cp
	return nil
}

// Escape executes forced items the escape hatch derived from L1 (protocol
// §9): the open block is closed and the items, the plain transactions
// among them in forced order, make blocks of their own (as many as their
// declared gas needs, none over the block gas limit), each timestamped
// with the newest item's L1 time (or its parent's time + 1). Items below
// EscapedNext were executed already (a replay).
func (x *Executor) Escape(ctx context.Context, items []client.Escaped) error {
	var fresh []client.Escaped
	for _, it := range items {
		if it.Index >= x.head.EscapedNext {
			fresh = append(fresh, it)
		}
	}
	if len(fresh) == 0 {
		return nil
	}
	if len(x.group) > 0 {
		if err := x.seal(ctx, nil); err != nil {
			return err
		}
	}
	x.sec = 0
	for _, it := range fresh {
		x.sec = max(x.sec, it.L1Time)
	}
	limit := x.chain.CurrentBlock().GasLimit
	for len(fresh) > 0 {
		n, gas := 0, uint64(0)
		for ; n < len(fresh); n++ {
			g := declaredGas(fresh[n].Tx)
			if n > 0 && gas+g > limit {
				break
			}
			gas += g
		}
		if err := x.seal(ctx, fresh[:n]); err != nil {
			return err
		}
		fresh = fresh[n:]
	}
	return nil
}

// declaredGas is a forced plain transaction's gas limit (0 for an item
// that is none: it takes no gas).
func declaredGas(raw []byte) uint64 {
	var tx types.Transaction
	if raw == nil || tx.UnmarshalBinary(raw) != nil {
		return 0
	}
	return tx.Gas()
}

// seal builds the open group (and escaped items) into a block and imports
// it.
func (x *Executor) seal(ctx context.Context, escaped []client.Escaped) error {
	start := time.Now()
	parent := x.chain.CurrentBlock()
	pos := position{LastSlot: x.head.LastSlot + uint64(len(x.group)), Slots: uint32(len(x.group)), EscapedNext: x.head.EscapedNext}
	var txs []source
	times := make([]time.Time, len(x.group))
	for i, s := range x.group {
		times[i] = s.Time
		for j, raw := range s.Txs {
			txs = append(txs, source{raw: raw, slot: s.Slot, index: j})
		}
	}
	for _, it := range escaped {
		pos.EscapedNext = it.Index + 1
		if it.Tx != nil {
			txs = append(txs, source{raw: it.Tx, index: int(it.Index)})
		}
	}
	block, skipped, err := x.build(ctx, parent, max(x.sec, parent.Time+1), pos, txs)
	if err != nil {
		return err
	}
	if err := x.recordSkipped(skipped); err != nil {
		return err
	}
	if _, err := x.chain.InsertChain(types.Blocks{block}); err != nil {
		return fmt.Errorf("rollup: import block %d (slots %d…%d): %w", block.NumberU64(), pos.LastSlot-uint64(pos.Slots)+1, pos.LastSlot, err)
	}
	x.chain.SetSafe(block.Header())
	// The block is in the chain: whatever fails below, the next block
	// builds on it.
	cp := x.cp
	x.head, x.group, x.cp = pos, x.group[:0], nil
	// After the block: a crash between the two leaves an older checkpoint,
	// whose later slots are verified again and passed over. One not
	// written costs only that re-reading.
	if cp != nil {
		if err := x.storeCheckpoint(cp); err != nil {
			x.log.Warn("rollup: feed checkpoint not stored", "slot", cp.Slot, "err", err)
		}
	}
	// Push the block out of the database's in-process write-ahead buffer:
	// a node killed now resumes after this block.
	if s, ok := x.db.(ethdb.KeyValueSyncer); ok {
		if err := s.SyncKeyValue(); err != nil {
			return fmt.Errorf("rollup: sync the chain database: %w", err)
		}
	}
	b := Block{Number: block.NumberU64(), Hash: block.Hash(), Root: block.Root(), Time: block.Time(), FirstSlot: pos.LastSlot - uint64(pos.Slots) + 1,
		LastSlot: pos.LastSlot, Txs: len(block.Transactions()), Skipped: skipped, GasUsed: block.GasUsed(), Took: time.Since(start), Imported: time.Now(), SlotTimes: times}
	for _, s := range skipped {
		x.log.Info("rollup: transaction skipped", "tx", s.Hash, "slot", s.Slot, "block", s.Block, "reason", s.Reason, "err", s.Error)
	}
	if x.observe != nil {
		x.observe(b)
	}
	if x.OnBlock != nil {
		x.OnBlock(b)
	}
	return nil
}

// source is a transaction to execute and where Veil ordered it.
type source struct {
	raw   []byte
	slot  uint64
	index int
}

// build executes txs on parent's state into the next block, as
// go-ethereum's miner builds one (its steps, in its order), except that a
// transaction the EVM refuses is skipped instead of failing the block.
func (x *Executor) build(ctx context.Context, parent *types.Header, ts uint64, pos position, txs []source) (*types.Block, []Skipped, error) {
	cfg := x.chain.Config()
	number := new(big.Int).Add(parent.Number, common.Big1)
	beaconRoot := common.Hash{} // no beacon chain: EIP-4788's contract records zero
	excess := eip4844.CalcExcessBlobGas(cfg, parent, ts)
	header := &types.Header{
		ParentHash: parent.Hash(),
		Number:     number,
		GasLimit:   core.CalcGasLimit(parent.GasLimit, parent.GasLimit), // the limit stays the genesis's
		Time:       ts,
		Coinbase:   parent.Coinbase, // the genesis's, every block's fee recipient
		Extra:      pos.extra(),
		// PREVRANDAO is no randomness here: it is a function of the parent
		// and the slots, known to everyone once Veil orders them.
		MixDigest:        crypto.Keccak256Hash([]byte("veil/prevrandao"), parent.Hash().Bytes(), binary.BigEndian.AppendUint64(nil, pos.LastSlot)),
		BaseFee:          eip1559.CalcBaseFee(cfg, parent),
		Difficulty:       common.Big0,
		BlobGasUsed:      new(uint64),
		ExcessBlobGas:    &excess,
		ParentBeaconRoot: &beaconRoot,
	}
	statedb, err := x.chain.StateAtForkBoundary(parent, header)
	if err != nil {
		return nil, nil, fmt.Errorf("rollup: state of block %d: %w", parent.Number, err)
	}
	coinbase := header.Coinbase
	evm := vm.NewEVM(core.NewEVMBlockContext(header, x.chain, &coinbase), statedb, cfg, vm.Config{})
	defer evm.Release()
	core.PreExecution(ctx, header.ParentBeaconRoot, parent, cfg, evm, number, ts)

	gp := core.NewGasPool(header.GasLimit)
	var (
		included []*types.Transaction
		receipts []*types.Receipt
		logs     []*types.Log
		skipped  []Skipped
	)
	for _, src := range txs {
		tx := new(types.Transaction)
		if err := tx.UnmarshalBinary(src.raw); err != nil { // Veil judged it already; the L1 path reads the same bytes
			skipped = append(skipped, Skipped{Hash: crypto.Keccak256Hash(src.raw), Slot: src.slot, Index: src.index, Block: number.Uint64(), Reason: SkipBadEncoding, Error: err.Error()})
			continue
		}
		snap, gas := statedb.Snapshot(), gp.Snapshot()
		statedb.SetTxContext(tx.Hash(), len(included), uint32(len(included)+1))
		receipt, _, err := core.ApplyTransaction(ctx, evm, gp, statedb, header, tx)
		if err != nil {
			statedb.RevertToSnapshot(snap)
			gp.Set(gas)
			skipped = append(skipped, Skipped{Hash: tx.Hash(), Slot: src.slot, Index: src.index, Block: number.Uint64(), Reason: skipReason(err), Error: err.Error()})
			continue
		}
		included = append(included, tx)
		receipts = append(receipts, receipt)
		logs = append(logs, receipt.Logs...)
	}
	header.GasUsed = gp.Used()
	body := &types.Body{Transactions: included, Withdrawals: []*types.Withdrawal{}}
	requests, _, err := core.PostExecution(ctx, cfg, number, ts, logs, body.Withdrawals, evm, uint32(len(included)+1))
	if err != nil {
		return nil, nil, fmt.Errorf("rollup: block %d's system calls: %w", number, err)
	}
	if requests != nil {
		h := types.CalcRequestsHash(requests)
		header.RequestsHash = &h
	}
	x.chain.Engine().Finalize(x.chain, header, statedb, body)
	block := core.AssembleBlock(x.chain, header, statedb, body, receipts, nil)
	if err := statedb.Error(); err != nil {
		return nil, nil, fmt.Errorf("rollup: state of block %d: %w", number, err)
	}
	return block, skipped, nil
}

// recordSkipped stores skipped transactions by hash (GetSkipped), before
// the block is imported: a replay after a crash writes the same records.
// A hash keeps its first record, and gets none once it is in a block:
// anyone may order a copy of a public plaintext again (its nonce is used
// by then), and that copy's skip says nothing of the original.
func (x *Executor) recordSkipped(skipped []Skipped) error {
	if len(skipped) == 0 {
		return nil
	}
	b := x.db.NewBatch()
	for _, s := range skipped {
		k := append([]byte(skippedKeyPrefix), s.Hash[:]...)
		if has, err := x.db.Has(k); err != nil || has {
			if err != nil {
				return err
			}
			continue
		}
		if rawdb.ReadTxLookupEntry(x.db, s.Hash) != nil {
			continue
		}
		v, err := json.Marshal(s)
		if err != nil {
			return err
		}
		if err := b.Put(k, v); err != nil {
			return err
		}
	}
	return b.Write()
}

// GetSkipped reads a skipped transaction's record; ok is false if hash was
// never skipped.
func GetSkipped(db ethdb.KeyValueReader, hash common.Hash) (Skipped, bool, error) {
	k := append([]byte(skippedKeyPrefix), hash[:]...)
	if ok, err := db.Has(k); err != nil || !ok {
		return Skipped{}, false, err
	}
	v, err := db.Get(k)
	if err != nil {
		return Skipped{}, false, err
	}
	var s Skipped
	if err := json.Unmarshal(v, &s); err != nil {
		return Skipped{}, false, fmt.Errorf("rollup: skipped record of %s: %w", hash, err)
	}
	return s, true, nil
}

func (x *Executor) storeCheckpoint(cp *client.Checkpoint) error {
	b, err := cp.MarshalBinary()
	if err != nil {
		return fmt.Errorf("rollup: feed checkpoint at slot %d: %w", cp.Slot, err)
	}
	if err := x.db.Put([]byte(checkpointKey), b); err != nil {
		return fmt.Errorf("rollup: store the feed checkpoint at slot %d: %w", cp.Slot, err)
	}
	return nil
}

// FeedCheckpoint is the feed verifier's checkpoint stored with the newest
// block that had one, or nil if there is none (a new chain, or one built
// from L1 alone) or it is after the head (the database lost blocks): the
// feed is then verified from slot 1.
func (x *Executor) FeedCheckpoint() (*client.Checkpoint, error) {
	ok, err := x.db.Has([]byte(checkpointKey))
	if err != nil || !ok {
		return nil, err
	}
	b, err := x.db.Get([]byte(checkpointKey))
	if err != nil {
		return nil, err
	}
	var cp client.Checkpoint
	if err := cp.UnmarshalBinary(b); err != nil {
		return nil, fmt.Errorf("rollup: the stored feed checkpoint: %w", err)
	}
	if cp.Slot > x.head.LastSlot {
		return nil, nil
	}
	return &cp, nil
}
