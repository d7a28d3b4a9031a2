package l1watch

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"math/big"
	"slices"
	"strings"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"
)

// Kinds of errors counted in veil_l1_errors_total.
const (
	kindUnreachable  = "unreachable"  // no answer: connection refused, timeout, HTTP failure
	kindRPC          = "rpc"          // the node answered with an error
	kindInconsistent = "inconsistent" // answers that do not fit together: the L1 moved while read
	kindWrongChain   = "wrong_chain"
)

var finalizedTag = big.NewInt(int64(rpc.FinalizedBlockNumber))

// fault is a failed poll that the next poll may get past.
type fault struct {
	kind string
	err  error
}

func (f *fault) Error() string { return f.err.Error() }
func (f *fault) Unwrap() error { return f.err }

func inconsistent(format string, args ...any) error {
	return &fault{kindInconsistent, fmt.Errorf("l1watch: "+format, args...)}
}

// callFailed is a failed L1 call; a fault already classified stays so.
func callFailed(what string, err error) error {
	var f *fault
	if errors.As(err, &f) {
		return err
	}
	kind := kindUnreachable
	var re rpc.Error
	if errors.As(err, &re) {
		kind = kindRPC
	}
	return &fault{kind, fmt.Errorf("l1watch: %s: %w", what, err)}
}

func kindOf(err error) string {
	var f *fault
	if errors.As(err, &f) {
		return f.kind
	}
	return kindUnreachable
}

// step is one poll: it reads what is newly final, one batch at most, as far
// as the bounds allow. more is true when final blocks are left that it
// could read right away (catching up).
func (w *Watcher) step(ctx context.Context) (more bool, err error) {
	if w.checkChain {
		if err := w.checkChainID(ctx); err != nil {
			return false, err
		}
		w.checkChain = false
	}
	final, ok, err := w.finalHead(ctx)
	if err != nil {
		return false, err
	}
	w.mu.Lock()
	last, keep, held, bytes, stuck := w.last, w.keep, len(w.blocks), w.bytes, w.stuck
	w.mu.Unlock()
	next := w.from
	if last.ok {
		next = last.number + 1
	}
	free := w.maxBlocks - held
	if held > 0 && (bytes >= w.maxBytes || stuck) {
		free = 0
	}
	if ok && final >= next {
		w.setFull(free <= 0, held, bytes)
	}
	if !ok || final < next || free <= 0 {
		// Nothing to read: see that the last block read is still there.
		// (Otherwise the next block's parent hash checks it.)
		if last.ok {
			return false, w.recheck(ctx, last)
		}
		return false, nil
	}
	// Blocks below keep are read (for the chain of parent hashes) but not
	// held, so they take no room.
	to := min(final, addSat(next, uint64(w.batch)-1), addSat(max(next, keep), uint64(free)-1))
	blocks, err := w.read(ctx, next, to, last, keep)
	if err != nil {
		return false, err
	}
	stored := w.store(blocks)
	return stored && to < final, nil
}

// setFull logs when the bounds stop and let reading ahead.
func (w *Watcher) setFull(full bool, held, bytes int) {
	if full == w.full {
		return
	}
	w.full = full
	if full {
		w.log.Info("l1watch: holding as much as allowed; reading ahead paused until Veil applies blocks",
			"blocks", held, "bytes", bytes, "max_blocks", w.maxBlocks, "max_bytes", w.maxBytes)
	} else {
		w.log.Debug("l1watch: reading ahead again", "blocks", held, "bytes", bytes)
	}
}

func (w *Watcher) checkChainID(ctx context.Context) error {
	cctx, cancel := context.WithTimeout(ctx, w.timeout)
	defer cancel()
	id, err := w.client.ChainID(cctx)
	if err != nil {
		return callFailed("chain id", err)
	}
	if id == nil || !id.IsUint64() || id.Uint64() != w.chainID {
		return fmt.Errorf("%w: the L1 node is on chain %v, the genesis names chain %d", ErrWrongChain, id, w.chainID)
	}
	return nil
}

func (w *Watcher) header(ctx context.Context, number *big.Int) (*types.Header, error) {
	cctx, cancel := context.WithTimeout(ctx, w.timeout)
	defer cancel()
	h, err := w.client.HeaderByNumber(cctx, number)
	if err == nil && h == nil {
		err = ethereum.NotFound
	}
	if err == nil && (h.Number == nil || !h.Number.IsUint64()) {
		return nil, inconsistent("header %v without a valid number", number)
	}
	return h, err
}

// finalHead is the number of the highest final block; ok is false while
// the L1 has none.
func (w *Watcher) finalHead(ctx context.Context) (final uint64, ok bool, err error) {
	if w.confirmations == 0 {
		h, err := w.header(ctx, finalizedTag)
		if err != nil {
			if !noFinalized(err) {
				return 0, false, callFailed("finalized header", err)
			}
			if !w.noFinal {
				w.noFinal = true
				w.log.Info("l1watch: the L1 has no finalized block yet; waiting", "err", err)
			}
			return 0, false, nil
		}
		w.noFinal = false
		return h.Number.Uint64(), true, nil
	}
	h, err := w.header(ctx, nil)
	if err != nil {
		return 0, false, callFailed("latest header", err)
	}
	if n := h.Number.Uint64(); n >= w.confirmations {
		return n - w.confirmations, true, nil
	}
	return 0, false, nil
}

// noFinalized tells an L1 that has no finalized block yet (geth answers
// "finalized block not found" before its first finalization) from a
// failure.
func noFinalized(err error) bool {
	var re rpc.Error
	return errors.Is(err, ethereum.NotFound) || errors.As(err, &re) && strings.Contains(re.Error(), "block not found")
}

// addSat is a + b, or the largest uint64 if that overflows.
func addSat(a, b uint64) uint64 {
	if a > math.MaxUint64-b {
		return math.MaxUint64
	}
	return a + b
}

// recheck fails with ErrReorg if block last is no longer the one read.
func (w *Watcher) recheck(ctx context.Context, last ref) error {
	h, err := w.header(ctx, new(big.Int).SetUint64(last.number))
	switch {
	case errors.Is(err, ethereum.NotFound):
		return inconsistent("block %d, read as final, is missing", last.number)
	case err != nil:
		return callFailed(fmt.Sprintf("header %d", last.number), err)
	}
	if got := h.Hash(); got != last.hash {
		return w.reorg(fmt.Sprintf("block %d was read with hash %s, it now has hash %s", last.number, last.hash, got),
			"number", last.number, "read_hash", last.hash, "hash", got)
	}
	return nil
}

// reorg stops the watcher for good: it serves nothing from now on, since
// how deep the fork goes is unknown and a node attesting nothing never
// harms agreement.
func (w *Watcher) reorg(what string, attrs ...any) error {
	w.mu.Lock()
	w.broken = true
	w.mu.Unlock()
	w.m.reorgs.Inc()
	w.log.Error("l1watch: a final L1 block changed (reorg below finality); stopped reading and serving L1 blocks", attrs...)
	return fmt.Errorf("%w: %s", ErrReorg, what)
}

// read reads blocks from..to: each header, in order, chained to last, and
// the logs of the blocks from keep on.
func (w *Watcher) read(ctx context.Context, from, to uint64, last ref, keep uint64) ([]Block, error) {
	blocks := make([]Block, 0, to-from+1)
	prev := last
	for n := from; n <= to; n++ {
		h, err := w.header(ctx, new(big.Int).SetUint64(n))
		switch {
		case errors.Is(err, ethereum.NotFound):
			return nil, inconsistent("block %d is missing, block %d is final", n, to)
		case err != nil:
			return nil, callFailed(fmt.Sprintf("header %d", n), err)
		case h.Number.Uint64() != n:
			return nil, inconsistent("asked for header %d, got %d", n, h.Number)
		}
		b := Block{Number: n, Hash: h.Hash(), ParentHash: h.ParentHash, Time: h.Time}
		switch {
		case prev.ok && b.ParentHash != prev.hash:
			return nil, w.reorg(fmt.Sprintf("block %d was read with hash %s, block %d (%s) has parent %s", prev.number, prev.hash, n, b.Hash, b.ParentHash),
				"number", prev.number, "read_hash", prev.hash, "child", n, "child_hash", b.Hash, "child_parent", b.ParentHash)
		case !prev.ok && n == w.from && w.fromParent != (common.Hash{}) && b.ParentHash != w.fromParent:
			return nil, w.reorg(fmt.Sprintf("block %d (%s) has parent %s, Veil agreed on %s for block %d", n, b.Hash, b.ParentHash, w.fromParent, n-1),
				"number", n-1, "agreed_hash", w.fromParent, "child", n, "child_hash", b.Hash, "child_parent", b.ParentHash)
		}
		prev = ref{number: n, hash: b.Hash, time: b.Time, ok: true}
		blocks = append(blocks, b)
	}
	lo := max(from, keep)
	if lo > to {
		return blocks, nil // all applied by Veil already: only the chain matters
	}
	cctx, cancel := context.WithTimeout(ctx, w.timeout)
	defer cancel()
	logs, err := w.client.FilterLogs(cctx, ethereum.FilterQuery{
		FromBlock: new(big.Int).SetUint64(lo), ToBlock: new(big.Int).SetUint64(to), Addresses: w.addrs})
	if err != nil {
		return nil, callFailed(fmt.Sprintf("logs of blocks %d-%d", lo, to), err)
	}
	for _, l := range logs {
		switch {
		case l.Removed:
			return nil, inconsistent("log %d of block %d (%s) is marked removed", l.Index, l.BlockNumber, l.BlockHash)
		case l.BlockNumber < lo || l.BlockNumber > to:
			return nil, inconsistent("asked for the logs of blocks %d-%d, got one of block %d", lo, to, l.BlockNumber)
		case !slices.Contains(w.addrs, l.Address):
			return nil, inconsistent("asked for the logs of Veil's contracts, got one of %s", l.Address)
		case len(l.Topics) > 4: // no EVM log has more, and Item counts them in a byte
			return nil, inconsistent("log %d of block %d has %d topics", l.Index, l.BlockNumber, len(l.Topics))
		}
		b := &blocks[l.BlockNumber-from]
		if l.BlockHash != b.Hash {
			return nil, inconsistent("log %d of block %d names block hash %s, the header read has %s", l.Index, l.BlockNumber, l.BlockHash, b.Hash)
		}
		b.Events = append(b.Events, Event{Address: l.Address, Topics: slices.Clone(l.Topics),
			Data: slices.Clone(l.Data), TxHash: l.TxHash, Index: l.Index})
	}
	for i := range blocks {
		b := &blocks[i]
		slices.SortFunc(b.Events, func(x, y Event) int { return cmp.Compare(x.Index, y.Index) })
		for j := 1; j < len(b.Events); j++ {
			if b.Events[j].Index == b.Events[j-1].Index {
				return nil, inconsistent("block %d has two logs with index %d", b.Number, b.Events[j].Index)
			}
		}
		b.EventsRoot = EventsRoot(b.Events)
	}
	return blocks, nil
}

// store takes the blocks read into the cache, those Veil has not applied
// within the bounds, and reports whether all fitted. Prune may have run
// since the bounds were computed, which only frees room.
func (w *Watcher) store(blocks []Block) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, b := range blocks {
		if b.Number >= w.keep {
			size := b.size()
			if len(w.blocks) >= w.maxBlocks || len(w.blocks) > 0 && w.bytes+size > w.maxBytes {
				w.stuck = true
				return false // read again once there is room
			}
			w.blocks = append(w.blocks, b)
			w.bytes += size
		}
		w.last = ref{number: b.Number, hash: b.Hash, time: b.Time, ok: true}
	}
	if len(blocks) > 0 {
		w.m.head.Set(float64(w.last.number))
		w.log.Debug("l1watch: read final blocks", "from", blocks[0].Number, "to", w.last.number, "held", len(w.blocks), "bytes", w.bytes)
	}
	return true
}
