// Package auction decides each slot's order (DESIGN §5). It is pure: the
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
	bySender := make(map[common.Address][]*Queued)
	for i := range pool {
		q := &pool[i]
		bySender[q.Sender] = append(bySender[q.Sender], q)
	}
	h := &candidates{}
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
		if q.GasLimit > gasLimit-gas || left[q.Sender].Cmp(charge) < 0 {
			continue // skipped: its later nonces must wait too
		}
		gas += q.GasLimit
		left[q.Sender].Sub(left[q.Sender], charge)
		bundle = append(bundle, q.Hash)
		if rest := next[q.Sender]; len(rest) > 0 && rest[0].Nonce == q.Nonce+1 {
			heap.Push(h, rest[0])
			next[q.Sender] = rest[1:]
		}
	}
	return bundle
}

// candidates is a min-heap by (queued slot, −maxFeePerGas, hash).
type candidates []*Queued

func (c candidates) Len() int { return len(c) }
func (c candidates) Less(i, j int) bool {
	a, b := c[i], c[j]
	if a.QueuedSlot != b.QueuedSlot {
		return a.QueuedSlot < b.QueuedSlot
	}
	if cmp := a.MaxFeePerGas.Cmp(b.MaxFeePerGas); cmp != 0 {
		return cmp > 0
	}
	return bytes.Compare(a.Hash[:], b.Hash[:]) < 0
}
func (c candidates) Swap(i, j int) { c[i], c[j] = c[j], c[i] }
func (c *candidates) Push(x any)   { *c = append(*c, x.(*Queued)) }
func (c *candidates) Pop() any {
	old := *c
	x := old[len(old)-1]
	*c = old[:len(old)-1]
	return x
}
