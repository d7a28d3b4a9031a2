// Package auction decides each slot's order (protocol §5). It is pure: the
// same inputs give the same bundle on every node. This file is the fallback
// bundle, which orders a slot when no valid bid exists, so users'
// transactions still move.
package auction

import (
	"bytes"
	"container/heap"
	"math/big"
	"slices"

	"github.com/ethereum/go-ethereum/common"
)

// Queued is an envelope in the pool as ordering sees it.
type Queued struct {
	Hash         common.Hash
	Sender       common.Address
	Nonce        uint64
	QueuedSlot   uint64 // the slot whose block queued it
	MaxFeePerGas *big.Int
	GasLimit     uint64
	// Committed marks an envelope an earlier slot's bundle took: no longer
	// in the pool, but its sender's next nonces still run in order.
	Committed bool
}

// Charge is what including the envelope costs its sender: gasLimit ×
// maxFeePerGas.
func (q *Queued) Charge() *big.Int {
	return new(big.Int).Mul(new(big.Int).SetUint64(q.GasLimit), q.MaxFeePerGas)
}

// FallbackBundle orders a slot without a winning bid: repeatedly take, among
// each sender's next queued nonce, the least by (queued slot, −maxFeePerGas,
// hash); append it if it fits in gasLimit and its sender can pay it from
// funds (after the bundle's earlier charges), else skip that sender for the
// slot. funds returns a sender's deposit less its charges already due (nil
// meaning nothing); the result is the bundle's hashes in order.
func FallbackBundle(pool []Queued, funds func(common.Address) *big.Int, gasLimit uint64) []common.Hash {
	return Greedy(pool, funds, gasLimit, ByAge)
}

// Greedy fills a bundle by repeatedly taking, among each sender's next
// queued nonce, the least by less; it appends the envelope if it fits in
// gasLimit and its sender can pay it from funds after the bundle's earlier
// charges, else skips that sender for the slot. The fallback bundle orders
// ByAge; a builder may order ByFee.
func Greedy(pool []Queued, funds func(common.Address) *big.Int, gasLimit uint64, less func(a, b *Queued) bool) []common.Hash {
	bySender := make(map[common.Address][]*Queued)
	for i := range pool {
		q := &pool[i]
		bySender[q.Sender] = append(bySender[q.Sender], q)
	}
	h := &candidates{less: less}
	next := make(map[common.Address][]*Queued, len(bySender))
	left := make(map[common.Address]*big.Int, len(bySender))
	for s, qs := range bySender {
		slices.SortFunc(qs, func(a, b *Queued) int {
			if a.Nonce != b.Nonce {
				if a.Nonce < b.Nonce {
					return -1
				}
				return 1
			}
			return bytes.Compare(a.Hash[:], b.Hash[:])
		})
		heap.Push(h, qs[0])
		next[s] = qs[1:]
		left[s] = new(big.Int)
		if f := funds(s); f != nil {
			left[s].Set(f)
		}
	}
	var bundle []common.Hash
	var gas uint64
	for h.Len() > 0 {
		q := heap.Pop(h).(*Queued)
		charge := q.Charge()
		more, fits := addGas(gas, q.GasLimit, gasLimit)
		if !fits || left[q.Sender].Cmp(charge) < 0 {
			continue // skipped: its later nonces must wait too
		}
		gas = more
		left[q.Sender].Sub(left[q.Sender], charge)
		bundle = append(bundle, q.Hash)
		if rest := next[q.Sender]; len(rest) > 0 && rest[0].Nonce == q.Nonce+1 {
			heap.Push(h, rest[0])
			next[q.Sender] = rest[1:]
		}
	}
	return bundle
}

// ByAge is the fallback order: (queued slot, −maxFeePerGas, hash).
func ByAge(a, b *Queued) bool {
	if a.QueuedSlot != b.QueuedSlot {
		return a.QueuedSlot < b.QueuedSlot
	}
	if cmp := a.MaxFeePerGas.Cmp(b.MaxFeePerGas); cmp != 0 {
		return cmp > 0
	}
	return bytes.Compare(a.Hash[:], b.Hash[:]) < 0
}

// ByFee is fee first, then age: (−maxFeePerGas, queued slot, hash).
func ByFee(a, b *Queued) bool {
	if cmp := a.MaxFeePerGas.Cmp(b.MaxFeePerGas); cmp != 0 {
		return cmp > 0
	}
	if a.QueuedSlot != b.QueuedSlot {
		return a.QueuedSlot < b.QueuedSlot
	}
	return bytes.Compare(a.Hash[:], b.Hash[:]) < 0
}

// candidates is a min-heap by less.
type candidates struct {
	items []*Queued
	less  func(a, b *Queued) bool
}

func (c *candidates) Len() int           { return len(c.items) }
func (c *candidates) Less(i, j int) bool { return c.less(c.items[i], c.items[j]) }
func (c *candidates) Swap(i, j int)      { c.items[i], c.items[j] = c.items[j], c.items[i] }
func (c *candidates) Push(x any)         { c.items = append(c.items, x.(*Queued)) }
func (c *candidates) Pop() any {
	x := c.items[len(c.items)-1]
	c.items = c.items[:len(c.items)-1]
	return x
}
