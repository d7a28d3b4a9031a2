package auction

import (
	"bytes"
	"errors"
	"math/big"
	"math/bits"
	"slices"

	"github.com/ethereum/go-ethereum/common"

	"github.com/veil-sequencer/veil/bid"
	"github.com/veil-sequencer/veil/params"
	"github.com/veil-sequencer/veil/threshold"
	"github.com/veil-sequencer/veil/wire"
)

// addGas is gas+more if that stays within limit. Gas limits are the
// senders' own uint64s: a sum that wraps would let 2^64 gas through as
// zero, so a run that overflows simply does not fit.
func addGas(gas, more, limit uint64) (uint64, bool) {
	sum, carry := bits.Add64(gas, more, 0)
	if carry != 0 || sum > limit {
		return gas, false
	}
	return sum, true
}

// overdue reports whether an envelope queued in queuedSlot has waited more
// than age slots at slot, without the sum queuedSlot+age that a large age
// (or slot) would wrap.
func overdue(queuedSlot, slot, age uint64) bool {
	return slot > queuedSlot && slot-queuedSlot > age
}

// Committed is a bid committed on chain for the slot; its signature and
// admission rules were checked when it entered a block.
type Committed struct {
	Bid  *bid.Bid
	Hash common.Hash // its EIP-712 digest
}

// State is the chain state after block s−1 as the auction reads it.
type State interface {
	// Pool is every queued envelope.
	Pool() []Queued
	// Envelope is any envelope ever admitted on chain, queued or not.
	Envelope(h common.Hash) (Queued, bool)
	// Funds is what a sender's deposit can pay (nil: nothing).
	Funds(sender common.Address) *big.Int
	// Collateral is the builder's collateral (nil: nothing).
	Collateral(builder common.Address) *big.Int
	// Reserved is the invalid-bid penalties still reserved for the
	// builder's bids of other slots once this slot's bids settle (nil:
	// nothing). The price may not take it: those penalties must stay backed
	// (docs/auction.md, "Free collateral").
	Reserved(builder common.Address) *big.Int
	// Forced is the forced items from L1 (protocol §9) waiting for a slot,
	// in forcedIndex order: forced envelopes (queued in the pool, charged
	// nothing on Veil: they paid on L1) and forced plain transactions.
	Forced() []Forced
}

// Forced is a forced item waiting for its slot.
type Forced struct {
	Index uint64      // its forcedIndex on L1
	Hash  common.Hash // the envelope's hash, or the plain transaction's
	Plain bool        // a plain rollup transaction, not an envelope
	Gas   uint64      // a plain transaction's declared gas (an envelope's is its pool entry's gas limit)
}

// Verdict of a committed bid.
type Verdict string

// Verdicts. Only an invalid bid forfeits its penalty.
const (
	Valid      Verdict = "valid"
	Invalid    Verdict = "invalid"
	Superseded Verdict = "superseded" // a higher seq of the same builder counts instead; never opened
)

// Reasons a bid is invalid: each a fault its builder controls (protocol §5).
// The table is normative for slot records (docs/auction.md).
const (
	ReasonUndecryptable   = "undecryptable"      // the sealed payload does not decrypt under the slot's bid key
	ReasonBadPayload      = "bad_payload"        // not 60 + 32k bytes
	ReasonBuilderMismatch = "builder_mismatch"   // the sealed builder is not the signer: a copied bid
	ReasonSlotMismatch    = "slot_mismatch"      // the sealed slot is not the bid's
	ReasonBelowReserve    = "below_reserve"      // value < reserve
	ReasonAboveCollateral = "above_collateral"   // value > the builder's free collateral (FreeCollateral)
	ReasonDuplicate       = "duplicate_envelope" // an h_i twice
	ReasonNonceOrder      = "nonce_order"        // a sender's envelopes not in consecutive nonce order from its next queued nonce
	ReasonGasLimit        = "gas_limit"          // the bundle's gas above the bid gas limit
)

// BidResult is one committed bid as the slot record shows it.
type BidResult struct {
	BidHash common.Hash
	Builder common.Address
	Seq     uint64
	Value   *big.Int // nil unless opened
	Verdict Verdict
	Reason  string // for Invalid
}

// Result is the public outcome of a slot's auction: every node computes it
// and the slot record carries it.
type Result struct {
	Slot       uint64
	Bids       []BidResult // sorted by BidHash
	Winner     *common.Address
	WinningBid *common.Hash
	Price      *big.Int // nil without a winner
	// Bundle is the winning bid's bundle as sealed, or the fallback bundle
	// when no bid is valid.
	Bundle []common.Hash
	// Included is the slot's final order: Bundle less the entries state
	// overtook or that were never admitted, then the forced items from L1
	// (a plain one by its transaction hash), then the chain's inclusion
	// list, then the chain's fill of every other payable queued envelope.
	Included []common.Hash
}

// Penalized lists the builders whose bids were invalid, in bid-hash order
// (the order their penalties are applied in).
func (r *Result) Penalized() []common.Address {
	var out []common.Address
	for _, b := range r.Bids {
		if b.Verdict == Invalid {
			out = append(out, b.Builder)
		}
	}
	return out
}

// Opener opens a committed bid's sealed payload with the slot's bid key:
// bid.Open, or a cache of its results (the result is a function of the
// sealed bytes and the key alone, so a cached one is the same).
type Opener func(c Committed, key *threshold.IdentityKey) (*bid.Payload, error)

// OpenBid is the Opener without a cache.
func OpenBid(c Committed, key *threshold.IdentityKey) (*bid.Payload, error) {
	return bid.Open(c.Bid.Sealed, key)
}

// Decide runs slot's auction over its committed bids with the slot's bid
// key: it opens the highest-seq bid of each builder, judges it, picks the
// highest valid value (ties to the lowest bid hash) at the second-highest
// valid value or the reserve, and orders the slot. It is a pure function of
// its inputs.
func Decide(slot uint64, bids []Committed, bidKey *threshold.IdentityKey, st State, p params.Params) *Result {
	return DecideWith(slot, bids, bidKey, st, p, nil)
}

// Counting marks the bids that count: each builder's highest committed
// seq (ties cannot be committed). Only those are opened; the others are
// superseded.
func Counting(bids []Committed) []bool {
	top := make(map[common.Address]int)
	for i, c := range bids {
		if j, ok := top[c.Bid.Builder]; !ok || c.Bid.Seq > bids[j].Bid.Seq {
			top[c.Bid.Builder] = i
		}
	}
	counts := make([]bool, len(bids))
	for _, i := range top {
		counts[i] = true
	}
	return counts
}

// DecideWith is Decide opening bids through open (nil: OpenBid), all the
// counting bids at once on every core: a slot's 64 bids of 64 KiB are a
// pairing and a 64 KiB decryption each, on every validator within the slot.
func DecideWith(slot uint64, bids []Committed, bidKey *threshold.IdentityKey, st State, p params.Params, open Opener) *Result {
	if open == nil {
		open = OpenBid
	}
	res := &Result{Slot: slot}
	pool := newPoolView(st)

	counts := Counting(bids)
	type opening struct {
		payload *bid.Payload
		err     error
	}
	opened := make([]opening, len(bids))
	var counting []int
	for i := range bids {
		if counts[i] {
			counting = append(counting, i)
		}
	}
	threshold.Parallel(len(counting), func(k int) {
		i := counting[k]
		opened[i].payload, opened[i].err = open(bids[i], bidKey)
	})
	type candidate struct {
		hash    common.Hash
		builder common.Address
		value   *big.Int
		bundle  []common.Hash
		kept    []common.Hash
	}
	var valid []candidate
	for i, c := range bids {
		r := BidResult{BidHash: c.Hash, Builder: c.Bid.Builder, Seq: c.Bid.Seq}
		if !counts[i] {
			r.Verdict = Superseded
			res.Bids = append(res.Bids, r)
			continue
		}
		payload, reason := judgeOpened(slot, c, opened[i].payload, opened[i].err)
		if payload != nil {
			r.Value = payload.Value
		}
		var kept []common.Hash
		if reason == "" {
			reason = judgeValue(payload.Value, FreeCollateral(st, c.Bid.Builder), p)
		}
		if reason == "" {
			kept, reason = pool.judgeBundle(payload.Bundle, p.BidGasLimit())
		}
		if reason != "" {
			r.Verdict, r.Reason = Invalid, reason
		} else {
			r.Verdict = Valid
			valid = append(valid, candidate{hash: c.Hash, builder: c.Bid.Builder, value: payload.Value, bundle: payload.Bundle, kept: kept})
		}
		res.Bids = append(res.Bids, r)
	}
	slices.SortFunc(res.Bids, func(a, b BidResult) int { return bytes.Compare(a.BidHash[:], b.BidHash[:]) })

	// Highest value wins, ties to the lowest hash; the price is the next
	// valid value or the reserve.
	slices.SortFunc(valid, func(a, b candidate) int {
		if c := b.value.Cmp(a.value); c != 0 {
			return c
		}
		return bytes.Compare(a.hash[:], b.hash[:])
	})
	var kept []common.Hash
	if len(valid) > 0 {
		w := valid[0]
		res.Winner, res.WinningBid = &w.builder, &w.hash
		res.Price = new(big.Int).Set(wire.OrZero(p.Reserve))
		if len(valid) > 1 {
			res.Price.Set(valid[1].value)
		}
		res.Bundle, kept = w.bundle, w.kept
	} else {
		res.Bundle = FallbackBundle(pool.queued, pool.funds, p.BidGasLimit())
		kept = res.Bundle
	}
	f := pool.newFill(kept, p.SlotGasLimit)
	f.forced(st.Forced(), p.ForcedGas())
	f.inclusionList(slot, p.InclusionAge)
	f.rest()
	res.Included = f.out
	return res
}

// judgeOpened checks what an opened bid says of itself.
func judgeOpened(slot uint64, c Committed, payload *bid.Payload, err error) (*bid.Payload, string) {
	switch {
	case errors.Is(err, bid.ErrPayloadLength):
		return nil, ReasonBadPayload
	case err != nil:
		return nil, ReasonUndecryptable
	case payload.Builder != c.Bid.Builder:
		return payload, ReasonBuilderMismatch
	case payload.Slot != slot || c.Bid.Slot != slot:
		return payload, ReasonSlotMismatch
	}
	return payload, ""
}

func judgeValue(value, free *big.Int, p params.Params) string {
	switch {
	case value.Cmp(wire.OrZero(p.Reserve)) < 0:
		return ReasonBelowReserve
	case value.Cmp(free) > 0:
		return ReasonAboveCollateral
	}
	return ""
}

// FreeCollateral is the most a builder's bid value may reach: its
// collateral less the penalties reserved for its bids of other slots (zero
// if those exceed it). The price is at most the winner's value, so paying
// it leaves every reserved penalty backed; judging against the whole
// collateral let a winner spend what its later bids' penalties stand on.
func FreeCollateral(st State, builder common.Address) *big.Int {
	free := new(big.Int).Sub(wire.OrZero(st.Collateral(builder)), wire.OrZero(st.Reserved(builder)))
	if free.Sign() < 0 {
		free.SetInt64(0)
	}
	return free
}

// poolView is the state's pool indexed for judging bundles: which hashes
// are queued, each sender's queued envelopes by nonce, and funds.
type poolView struct {
	st       State
	queued   []Queued
	isQueued map[common.Hash]bool
	bySender map[common.Address][]*Queued // nonce order; contiguous on chain
	fundsOf  map[common.Address]*big.Int
	known    map[common.Hash]Queued // envelopes looked up: the pool, then any other the bids name

	// Scratch maps of judgeBundle, cleared and reused from bid to bid.
	seen    map[common.Hash]struct{}
	senders map[common.Address]int
}

func newPoolView(st State) *poolView {
	v := &poolView{st: st, queued: st.Pool(), isQueued: make(map[common.Hash]bool),
		bySender: make(map[common.Address][]*Queued), fundsOf: make(map[common.Address]*big.Int)}
	v.known = make(map[common.Hash]Queued, len(v.queued))
	for i := range v.queued {
		q := &v.queued[i]
		v.isQueued[q.Hash] = true
		v.known[q.Hash] = *q
		v.bySender[q.Sender] = append(v.bySender[q.Sender], q)
	}
	for _, qs := range v.bySender {
		slices.SortFunc(qs, func(a, b *Queued) int { return cmpUint(a.Nonce, b.Nonce) })
	}
	return v
}

// envelope looks an envelope up once however many bids name it.
func (v *poolView) envelope(h common.Hash) (Queued, bool) {
	if q, ok := v.known[h]; ok {
		return q, true
	}
	q, ok := v.st.Envelope(h)
	if ok {
		v.known[h] = q
	}
	return q, ok
}

func (v *poolView) funds(s common.Address) *big.Int {
	f, ok := v.fundsOf[s]
	if !ok {
		f = wire.OrZero(v.st.Funds(s))
		v.fundsOf[s] = f
	}
	return f
}

// lowestQueued is the sender's lowest queued nonce, and whether it has one.
func (v *poolView) lowestQueued(s common.Address) (uint64, bool) {
	qs := v.bySender[s]
	if len(qs) == 0 {
		return 0, false
	}
	return qs[0].Nonce, true
}

// judgeBundle checks a bid's bundle for its builder's faults and returns
// what remains once unorderable entries are dropped (protocol §5): one never
// admitted on chain, or one an earlier slot took, is dropped alone (its
// sender's later entries still run in order); one expired or evicted, or no
// longer payable after the bundle's earlier charges, is dropped with its
// sender's later entries. A never-admitted entry is no fault: builders may
// bid on envelopes still pending, racing them into a block before the slot,
// and the chain knows nothing of its sender, nonce or gas, so the order and
// gas rules see only admitted entries.
func (v *poolView) judgeBundle(bundle []common.Hash, gasLimit uint64) ([]common.Hash, string) {
	// One record per sender, one map lookup per entry and pass: a slot's
	// bids are judged on every validator within the slot.
	type sender struct {
		last    uint64 // the bundle's previous nonce of the sender
		next    uint64 // the sender's next queued nonce the bundle may take
		seen    bool
		started bool
		dropped bool
		left    *big.Int
	}
	entries := make([]Queued, 0, len(bundle))
	states := make([]sender, 0, len(bundle)) // one allocation for all senders
	if v.seen == nil {
		v.seen, v.senders = make(map[common.Hash]struct{}, len(bundle)), make(map[common.Address]int, len(bundle))
	}
	clear(v.seen)
	clear(v.senders)
	seen := v.seen
	var gas uint64
	for _, h := range bundle {
		if _, dup := seen[h]; dup {
			return nil, ReasonDuplicate
		}
		seen[h] = struct{}{}
		q, ok := v.envelope(h)
		if !ok {
			continue // never admitted: dropped, not fined
		}
		j, ok := v.senders[q.Sender]
		if !ok {
			states = append(states, sender{})
			j = len(states) - 1
			v.senders[q.Sender] = j
		}
		st := &states[j]
		if st.seen && q.Nonce != st.last+1 {
			return nil, ReasonNonceOrder
		}
		st.seen, st.last = true, q.Nonce
		if gas, ok = addGas(gas, q.GasLimit, gasLimit); !ok {
			return nil, ReasonGasLimit
		}
		entries = append(entries, q)
	}

	kept := make([]common.Hash, 0, len(entries))
	charge := new(big.Int)
	for i := range entries {
		q := &entries[i]
		st := &states[v.senders[q.Sender]]
		if st.dropped {
			continue
		}
		if !v.isQueued[q.Hash] {
			// Taken by an earlier slot: dropped alone (its sender's later
			// nonces still run), so that a bundle for s+2 that repeats
			// what s+1 took still orders the rest; see docs/auction.md.
			if !q.Committed {
				st.dropped = true // expired or evicted: the rest cannot run
			}
			continue
		}
		if !st.started {
			st.started = true
			st.next, _ = v.lowestQueued(q.Sender)
			st.left = new(big.Int).Set(v.funds(q.Sender))
		}
		if q.Nonce != st.next {
			// A lower nonce of the sender is still queued and not before
			// it in the bundle: the bundle could never execute in order.
			return nil, ReasonNonceOrder
		}
		charge.SetUint64(q.GasLimit).Mul(charge, q.MaxFeePerGas)
		if st.left.Cmp(charge) < 0 {
			st.dropped = true // no longer payable
			continue
		}
		st.left.Sub(st.left, charge)
		st.next++
		kept = append(kept, q.Hash)
	}
	return kept, ""
}

// fill is the chain's part of a slot's order (protocol §5): after the
// winner's kept entries (or the fallback bundle) it appends the inclusion
// list, then every other payable queued envelope in fallback order, while
// the slot's gas lasts. It tracks what the slot holds, its gas and each
// sender's funds left after the slot's earlier charges.
type fill struct {
	v     *poolView
	out   []common.Hash
	in    map[common.Hash]bool
	left  map[common.Address]*big.Int
	gas   uint64
	limit uint64
}

func (v *poolView) newFill(kept []common.Hash, slotGas uint64) *fill {
	f := &fill{v: v, out: slices.Clone(kept), in: make(map[common.Hash]bool, len(v.queued)),
		left: make(map[common.Address]*big.Int), limit: slotGas}
	// kept fits the bid gas limit (judgeBundle, Greedy); saturating keeps
	// the remaining gas at zero, not wrapped, should it ever not.
	for _, h := range kept {
		f.in[h] = true
		if q, ok := v.envelope(h); ok {
			var fits bool
			if f.gas, fits = addGas(f.gas, q.GasLimit, slotGas); !fits {
				f.gas = slotGas
			}
			f.charge(&q)
		}
	}
	return f
}

// funds is what the sender can still pay in this slot.
func (f *fill) funds(s common.Address) *big.Int {
	if l, ok := f.left[s]; ok {
		return l
	}
	return f.v.funds(s)
}

func (f *fill) charge(q *Queued) {
	if _, ok := f.left[q.Sender]; !ok {
		f.left[q.Sender] = new(big.Int).Set(f.v.funds(q.Sender))
	}
	f.left[q.Sender].Sub(f.left[q.Sender], q.Charge())
}

func (f *fill) add(q *Queued) {
	f.out = append(f.out, q.Hash)
	f.in[q.Hash] = true
	f.charge(q)
}

// forced appends the forced items (protocol §9) in forcedIndex order, each
// envelope with its sender's earlier queued nonces first, within budget
// gas (the forced gas, which comes from the inclusion reserve, never from
// the bid gas limit). An item the bundle took is passed over. The first
// item whose run does not fit the forced gas left ends the step: the rest
// wait for the next slot in order, and since no item declares more than
// the forced gas, the head of the queue always fits an empty budget. An
// envelope whose run cannot fit even an empty budget, or whose sender
// cannot pay its earlier nonces, waits (its sender skipped for the slot)
// without holding up the queue: those earlier nonces are ordinary queued
// envelopes that the bundle or the chain's fill will take.
func (f *fill) forced(items []Forced, budget uint64) {
	skipped := make(map[common.Address]bool)
	var used uint64
	for _, it := range items {
		if f.in[it.Hash] {
			continue
		}
		if it.Plain {
			after, fits := addGas(used, it.Gas, budget)
			if !fits {
				return
			}
			if f.gas, fits = addGas(f.gas, it.Gas, f.limit); !fits {
				return // cannot happen: the forced gas is within the reserve
			}
			used = after
			f.out = append(f.out, it.Hash)
			f.in[it.Hash] = true
			continue
		}
		if !f.v.isQueued[it.Hash] {
			continue // dropped with an earlier nonce: the chain settles it
		}
		q := f.v.known[it.Hash]
		if skipped[q.Sender] {
			continue
		}
		var run []*Queued
		for _, e := range f.v.bySender[q.Sender] {
			if e.Nonce > q.Nonce {
				break
			}
			if !f.in[e.Hash] {
				run = append(run, e)
			}
		}
		need, runGas, fits := new(big.Int), uint64(0), true
		for _, e := range run {
			need.Add(need, e.Charge())
			if runGas, fits = addGas(runGas, e.GasLimit, budget); !fits {
				break
			}
		}
		if !fits || f.funds(q.Sender).Cmp(need) < 0 {
			skipped[q.Sender] = true
			continue
		}
		after, fits := addGas(used, runGas, budget)
		if !fits {
			return
		}
		if f.gas, fits = addGas(f.gas, runGas, f.limit); !fits {
			return
		}
		used = after
		for _, e := range run {
			f.add(e)
		}
	}
}

// inclusionList appends the envelopes queued for more than age slots
// (with their senders' earlier queued nonces), in (queued slot, hash)
// order, each sender's run taken whole if it fits the slot's gas and its
// sender's funds after the earlier charges, else that sender is skipped
// for the list.
func (f *fill) inclusionList(slot, age uint64) {
	var old []*Queued
	for i := range f.v.queued {
		q := &f.v.queued[i]
		if overdue(q.QueuedSlot, slot, age) && !f.in[q.Hash] {
			old = append(old, q)
		}
	}
	slices.SortFunc(old, func(a, b *Queued) int {
		if c := cmpUint(a.QueuedSlot, b.QueuedSlot); c != 0 {
			return c
		}
		return bytes.Compare(a.Hash[:], b.Hash[:])
	})
	skipped := make(map[common.Address]bool)
	for _, q := range old {
		if f.in[q.Hash] || skipped[q.Sender] {
			continue
		}
		// The sender's queued nonces not yet in the slot, up to this one.
		var run []*Queued
		for _, e := range f.v.bySender[q.Sender] {
			if e.Nonce > q.Nonce {
				break
			}
			if !f.in[e.Hash] {
				run = append(run, e)
			}
		}
		need, after, fits := new(big.Int), f.gas, true
		for _, e := range run {
			need.Add(need, e.Charge())
			if after, fits = addGas(after, e.GasLimit, f.limit); !fits {
				break
			}
		}
		if !fits || f.funds(q.Sender).Cmp(need) < 0 {
			skipped[q.Sender] = true
			continue
		}
		for _, e := range run {
			f.add(e)
		}
		f.gas = after
	}
}

// rest appends every other queued envelope in fallback order (Greedy
// ByAge) within the slot's remaining gas and each sender's remaining
// funds: an envelope admitted in block b is ordered in slot b+1 whether
// or not a builder picked it. Each sender's envelopes not yet in the slot
// are the tail of its queued nonces (the bundle and the list take a
// sender's nonces from its lowest), so Greedy continues them in order.
func (f *fill) rest() {
	var pool []Queued
	for i := range f.v.queued {
		if !f.in[f.v.queued[i].Hash] {
			pool = append(pool, f.v.queued[i])
		}
	}
	if len(pool) == 0 || f.gas >= f.limit {
		return
	}
	for _, h := range Greedy(pool, f.funds, f.limit-f.gas, ByAge) {
		q, _ := f.v.envelope(h)
		f.add(&q)
	}
}

func cmpUint(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
