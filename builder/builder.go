// Package builder is Veil's reference builder (protocol §5): from the
// envelopes it sees arrive it orders a bundle for the next open slot, fee
// first then age with each sender's nonces consecutive, within the bid gas
// limit, values the bid by a strategy and seals and signs it. This file is the pure part; the loop that reads a
// node and submits bids lives at the edge.
package builder

import (
	"crypto/ecdsa"
	"errors"
	"fmt"
	"io"
	"math/big"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/veil-sequencer/veil/auction"
	"github.com/veil-sequencer/veil/bid"
	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/threshold"
)

// Strategy values a bundle: what the builder bids for the slot.
type Strategy struct {
	// SharePercent of the bundle's inclusion fees, at least the reserve
	// (a bid below it is invalid) and at most the free collateral (above
	// it the bid is invalid: auction.FreeCollateral).
	SharePercent int64
}

// ParseStrategy reads "share:P" (P percent of the bundle's inclusion fees,
// 0–100).
func ParseStrategy(s string) (Strategy, error) {
	v, ok := strings.CutPrefix(s, "share:")
	if !ok {
		return Strategy{}, fmt.Errorf("strategy %q: want share:PERCENT", s)
	}
	p, err := strconv.ParseInt(v, 10, 64)
	if err != nil || p < 0 || p > 100 {
		return Strategy{}, fmt.Errorf("strategy %q: percent must be 0 to 100", s)
	}
	return Strategy{SharePercent: p}, nil
}

// ErrNoValue is a bundle whose value under the strategy is below the
// reserve even after raising it would exceed the collateral.
var ErrNoValue = errors.New("builder: the reserve is above the collateral")

// Value is the bid for a bundle: SharePercent of its fees, raised to the
// reserve, never above collateral, which should be the builder's free
// collateral: its collateral less the penalties its bids for other slots
// reserve.
func (s Strategy) Value(bundle []auction.Queued, reserve, collateral *big.Int) (*big.Int, error) {
	fees := new(big.Int)
	for i := range bundle {
		fees.Add(fees, bundle[i].Charge())
	}
	v := fees.Mul(fees, big.NewInt(s.SharePercent))
	v.Quo(v, big.NewInt(100))
	if reserve != nil && v.Cmp(reserve) < 0 {
		v.Set(reserve)
	}
	if collateral == nil || v.Cmp(collateral) > 0 {
		return nil, ErrNoValue
	}
	return v, nil
}

// Bundle orders the queued pool for a bid: fee first, then age, each
// sender's nonces consecutive from its lowest queued one, within gasLimit
// and its sender's funds.
func Bundle(pool []auction.Queued, funds func(common.Address) *big.Int, gasLimit uint64) []auction.Queued {
	order := auction.Greedy(pool, funds, gasLimit, auction.ByFee)
	byHash := make(map[common.Hash]auction.Queued, len(pool))
	for _, q := range pool {
		byHash[q.Hash] = q
	}
	out := make([]auction.Queued, len(order))
	for i, h := range order {
		out[i] = byHash[h]
	}
	return out
}

// Tracker is the reference builder's view of the envelopes still pending
// at the committed height, fed from the node's listing (GET /v1/pool from
// the first pending key), and of those pending one height before.
type Tracker struct {
	height uint64
	now    map[common.Hash]auction.Queued // pending at height
	prev   map[common.Hash]auction.Queued // pending at height − 1
}

// Observe records envelopes listed pending at committed height h. A new
// height starts a new set; the last one is kept as the height before.
func (t *Tracker) Observe(h uint64, pending []auction.Queued) {
	if t.now == nil || h != t.height {
		if t.now != nil && h == t.height+1 {
			t.prev = t.now
		} else {
			t.prev = nil
		}
		t.now, t.height = make(map[common.Hash]auction.Queued, len(pending)), h
	}
	for _, q := range pending {
		t.now[q.Hash] = q
	}
}

// Len is how many envelopes the tracker holds.
func (t *Tracker) Len() int { return len(t.now) + len(t.prev) }

// NextSlot is the bundle for slot h+2, the next slot whose bids are still
// open at committed height h (the height last observed): the envelopes
// pending at h, which the next block queues and slot h+2 orders whether
// or not a builder picks them (protocol §5), with their senders' lower
// nonces pending one height before, which keep the bundle in nonce order
// should slot h+1 leave them queued (if it takes them they are dropped
// from the bid, not fined). Envelopes queued earlier are left out: earlier
// slots order them. Ordered by Bundle: fee first, then age.
func (t *Tracker) NextSlot(gasLimit uint64) []auction.Queued {
	top := make(map[common.Address]uint64, len(t.now)) // sender → its highest pending nonce
	var pool []auction.Queued
	for _, q := range t.now {
		if n, ok := top[q.Sender]; !ok || q.Nonce > n {
			top[q.Sender] = q.Nonce
		}
		q.QueuedSlot = 1
		pool = append(pool, q)
	}
	for h, q := range t.prev {
		if n, ok := top[q.Sender]; ok && q.Nonce < n {
			if _, dup := t.now[h]; !dup {
				q.QueuedSlot = 0
				pool = append(pool, q)
			}
		}
	}
	// Admission keeps every envelope payable, pending ones included; the
	// auction drops what a later charge made unpayable, without a fine.
	payable := func(common.Address) *big.Int { return new(big.Int).Lsh(big.NewInt(1), 255) }
	return Bundle(pool, payable, gasLimit)
}

// Seal makes and signs the bid: the payload sealed to slot's bid identity.
func Seal(rand io.Reader, key *ecdsa.PrivateKey, d eip712.Domain, eonKey *threshold.EonPublicKey, eon, slot, seq uint64,
	value *big.Int, bundle []auction.Queued) (*bid.Bid, error) {
	builder := crypto.PubkeyToAddress(key.PublicKey)
	p := &bid.Payload{Value: value, Builder: builder, Slot: slot}
	for _, q := range bundle {
		p.Bundle = append(p.Bundle, q.Hash)
	}
	sealed, err := bid.Seal(rand, p, d.ChainID, eonKey)
	if err != nil {
		return nil, err
	}
	b := &bid.Bid{ChainID: d.ChainID, Eon: eon, Slot: slot, Builder: builder, Seq: seq, Sealed: sealed}
	if err := b.Sign(d, key); err != nil {
		return nil, err
	}
	return b, nil
}
