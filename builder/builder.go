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

// NextSlot picks what a bid for the next open slot (height+2) orders: the
// pending envelopes, which the next block queues and that slot orders
// whether or not a builder picks them (protocol §5), with their senders'
// lower queued nonces, which keep the bundle in nonce order should the
// slot before leave them queued (an entry that slot takes is dropped from
// the bid, not fined). Other senders' queued envelopes are left out: the
// slot before appends them. queued and pending are in the chain's order,
// which stands for age; the result is Bundle's order of the pick.
func NextSlot(queued, pending []auction.Queued, gasLimit uint64) []auction.Queued {
	wanted := make(map[common.Address]bool, len(pending))
	for i := range pending {
		wanted[pending[i].Sender] = true
	}
	var pool []auction.Queued
	for _, list := range [][]auction.Queued{queued, pending} {
		for _, e := range list {
			if wanted[e.Sender] {
				e.QueuedSlot = uint64(len(pool))
				pool = append(pool, e)
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
