package keyper

import (
	"errors"
	"fmt"
	"io"

	"github.com/ethereum/go-ethereum/common"

	"github.com/veil-sequencer/veil/dkg"
	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/threshold"
)

// Errors of messages refused whole: nothing in them is used or blamed on a
// keyper (anyone can send bytes claiming to be one).
var (
	ErrForeign   = errors.New("keyper: message for another chain or eon")
	ErrNoKeyper  = errors.New("keyper: no such keyper in the eon")
	ErrSignature = errors.New("keyper: signature is not the keyper's")
	// ErrNotExpected is a message with transaction-key shares for a slot
	// whose committed bundle this node does not know yet: the sender may
	// be a block ahead. The node keeps it until its own commit. It is
	// returned only for a message already authenticated (chain, eon,
	// keyper, signature).
	ErrNotExpected = errors.New("keyper: shares for a bundle this node has not committed")
	// ErrWrongIdentities is a keyper releasing shares for identities other
	// than those of the committed bundle, in order: a fault.
	ErrWrongIdentities = errors.New("keyper: shares are not for the committed bundle's identities")
)

// Fault is a share that failed verification in a message its keyper
// signed: slashable evidence (DESIGN §3), never used.
type Fault struct {
	Keyper   uint64
	Slot     uint64
	Identity threshold.Identity
	Err      error
}

func (f Fault) Unwrap() error { return f.Err }

func (f Fault) Error() string {
	return fmt.Sprintf("keyper %d: slot %d: share for %s: %v", f.Keyper, f.Slot, f.Identity, f.Err)
}

// Collector verifies the shares keypers release for one eon, names those
// that send bad ones, and combines the key of an identity as soon as t
// valid shares of it arrived. It holds no clock and no network: the node
// feeds it messages and asks it for keys. It is used by one goroutine.
type Collector struct {
	eon       *dkg.EonInfo
	committee *threshold.Committee
	domain    eip712.Domain
	rand      io.Reader // for batch verification; nil means crypto/rand

	shares   map[threshold.Identity]map[int]threshold.VerifiedShare
	keys     map[threshold.Identity]*threshold.IdentityKey
	expected map[uint64][]threshold.Identity // committed bundles' identities, by slot
	points   map[threshold.Identity]*threshold.IdentityPoint
}

// NewCollector collects for eon under the deployment's domain.
func NewCollector(eon *dkg.EonInfo, d eip712.Domain, rand io.Reader) (*Collector, error) {
	c, err := eon.Committee()
	if err != nil {
		return nil, err
	}
	return &Collector{eon: eon, committee: c, domain: d, rand: rand,
		shares:   make(map[threshold.Identity]map[int]threshold.VerifiedShare),
		keys:     make(map[threshold.Identity]*threshold.IdentityKey),
		expected: make(map[uint64][]threshold.Identity),
		points:   make(map[threshold.Identity]*threshold.IdentityPoint)}, nil
}

// Expect tells the collector slot's committed bundle, as this node's chain
// recomputed its identities: transaction-key shares for the slot are
// accepted only for exactly these, in this order.
func (c *Collector) Expect(slot uint64, ids []threshold.Identity) {
	c.expected[slot] = ids
	pts := make([]*threshold.IdentityPoint, len(ids))
	parallel(len(ids), func(i int) { pts[i] = ids[i].Point() })
	for i, id := range ids { // hashed to the curve once, not once per keyper's message
		c.points[id] = pts[i]
	}
}

// Points returns the curve points of slot's expected identities, hashed
// once in Expect, for the node's own release.
func (c *Collector) Points(slot uint64) map[threshold.Identity]*threshold.IdentityPoint {
	out := make(map[threshold.Identity]*threshold.IdentityPoint, len(c.expected[slot]))
	for _, id := range c.expected[slot] {
		out[id] = c.points[id]
	}
	return out
}

// BundleKeys returns the keys of slot's expected bundle once every one is
// combined.
func (c *Collector) BundleKeys(slot uint64) ([]*threshold.IdentityKey, bool) {
	ids, ok := c.expected[slot]
	if !ok {
		return nil, false
	}
	for _, id := range ids { // all there before any is combined
		if _, done := c.keys[id]; !done && len(c.shares[id]) < c.committee.Threshold() {
			return nil, false
		}
	}
	// Each missing key combined on every core, then kept.
	out := make([]*threshold.IdentityKey, len(ids))
	var todo []int
	for i, id := range ids {
		if out[i], ok = c.keys[id]; !ok {
			todo = append(todo, i)
		}
	}
	errs := make([]error, len(todo))
	parallel(len(todo), func(j int) { out[todo[j]], errs[j] = c.combineShares(ids[todo[j]]) })
	for j, i := range todo {
		if errs[j] != nil {
			return nil, false // verified shares always combine
		}
		c.keys[ids[i]] = out[i]
		delete(c.shares, ids[i])
	}
	return out, true
}

// ForgetBundle drops slot's bundle and what was collected for it.
func (c *Collector) ForgetBundle(slot uint64) {
	c.Forget(c.expected[slot]...)
	delete(c.expected, slot)
}

// Add verifies a message and keeps its valid shares. A message not signed
// by the keyper it names, or for another chain or eon, is refused whole
// (an error, nobody blamed); so are transaction-key shares for a slot not
// expected yet (ErrNotExpected: keep the message and add it after Expect).
// Each share that fails verification in a properly signed message is a
// Fault naming its keyper, and so are shares for any list of identities
// but the expected bundle's. Shares of an identity whose key is already
// combined are not verified again.
func (c *Collector) Add(m *Message) ([]Fault, error) {
	if m.ChainID != c.eon.ChainID || m.Eon != c.eon.Eon {
		return nil, fmt.Errorf("%w: chain %d eon %d", ErrForeign, m.ChainID, m.Eon)
	}
	if m.Keyper < 1 || m.Keyper > uint64(len(c.eon.Keypers)) {
		return nil, fmt.Errorf("%w: %d", ErrNoKeyper, m.Keyper)
	}
	if err := m.VerifySignature(c.domain, c.keyperAddress(m.Keyper)); err != nil {
		return nil, fmt.Errorf("%w: keyper %d: %v", ErrSignature, m.Keyper, err)
	}
	var faults []Fault
	txShares := m.Shares
	if len(txShares) > 0 {
		ids, ok := c.expected[m.Slot]
		if !ok {
			return nil, fmt.Errorf("%w: slot %d", ErrNotExpected, m.Slot)
		}
		if !sameIdentities(txShares, ids) {
			// None of them is used; the bid-key share is judged alone.
			faults = append(faults, Fault{Keyper: m.Keyper, Slot: m.Slot, Identity: txShares[0].Identity,
				Err: fmt.Errorf("%w: %d shares for a bundle of %d", ErrWrongIdentities, len(txShares), len(ids))})
			txShares = nil
		}
	}
	// Which shares are needed, then each parsed (a point decompression
	// and subgroup check apiece) on every core, then the claims in order.
	k := int(m.Keyper)
	type wanted struct {
		id  threshold.Identity
		raw []byte
	}
	var want []wanted
	need := func(id threshold.Identity, raw []byte) {
		if _, done := c.keys[id]; done {
			return
		}
		if _, have := c.shares[id][k]; have || len(c.shares[id]) >= c.committee.Threshold() {
			return // t verified shares make the key: no more are needed
		}
		want = append(want, wanted{id, raw})
	}
	if len(m.BidKeyShare) > 0 {
		need(threshold.BidIdentity(m.ChainID, m.Slot), m.BidKeyShare)
	}
	for _, s := range txShares {
		need(s.Identity, s.Share)
	}
	parsed := make([]*threshold.IdentityKeyShare, len(want))
	perr := make([]error, len(want))
	parallel(len(want), func(i int) { parsed[i], perr[i] = threshold.ParseIdentityKeyShare(want[i].raw) })
	var claims []threshold.ShareClaim
	var ids []threshold.Identity
	for i, w := range want {
		if perr[i] != nil {
			faults = append(faults, Fault{Keyper: m.Keyper, Slot: m.Slot, Identity: w.id, Err: perr[i]})
			continue
		}
		p := c.points[w.id]
		if p == nil {
			p = w.id.Point()
		}
		claims = append(claims, threshold.ShareClaim{Keyper: k, Identity: p, Share: parsed[i]})
		ids = append(ids, w.id)
	}
	if len(claims) == 0 {
		return faults, nil
	}
	verified, bad, err := c.committee.VerifyShares(c.rand, claims)
	if err != nil {
		return faults, err
	}
	for _, f := range bad {
		var id threshold.Identity
		copy(id[:], f.Identity) // the preimage: an identity's 32 bytes
		faults = append(faults, Fault{Keyper: m.Keyper, Slot: m.Slot, Identity: id, Err: f.Err})
	}
	byPoint := make(map[*threshold.IdentityPoint]threshold.Identity, len(claims))
	for i := range claims {
		byPoint[claims[i].Identity] = ids[i]
	}
	for _, v := range verified {
		id := byPoint[v.Identity()]
		if c.shares[id] == nil {
			c.shares[id] = make(map[int]threshold.VerifiedShare)
		}
		c.shares[id][k] = v
	}
	return faults, nil
}

func (c *Collector) combine(id threshold.Identity) error {
	key, err := c.combineShares(id)
	if err != nil {
		return err
	}
	c.keys[id] = key
	delete(c.shares, id)
	return nil
}

// combineShares combines t of id's verified shares; it only reads the
// collector, so many run at once.
func (c *Collector) combineShares(id threshold.Identity) (*threshold.IdentityKey, error) {
	vs := make([]threshold.VerifiedShare, 0, c.committee.Threshold())
	for _, v := range c.shares[id] {
		vs = append(vs, v)
		if len(vs) == c.committee.Threshold() {
			break
		}
	}
	key, err := c.committee.Combine(vs)
	if err != nil {
		return nil, fmt.Errorf("keyper: combine %s: %w", id, err)
	}
	return key, nil
}

func sameIdentities(shares []Share, ids []threshold.Identity) bool {
	if len(shares) != len(ids) {
		return false
	}
	for i, s := range shares {
		if s.Identity != ids[i] {
			return false
		}
	}
	return true
}

func (c *Collector) keyperAddress(k uint64) common.Address { return c.eon.Keypers[k-1].Address }

// Forget drops what was collected for the identities (their slots are
// decided), so memory stays bounded.
func (c *Collector) Forget(ids ...threshold.Identity) {
	for _, id := range ids {
		delete(c.shares, id)
		delete(c.keys, id)
		delete(c.points, id)
	}
}

// Key is an identity's combined key, once t valid shares of it arrived:
// Add only verifies; the first Key after the t-th share combines (so a
// node can time the two apart) and keeps the key.
func (c *Collector) Key(id threshold.Identity) (*threshold.IdentityKey, bool) {
	if k, ok := c.keys[id]; ok {
		return k, true
	}
	if len(c.shares[id]) < c.committee.Threshold() {
		return nil, false
	}
	if err := c.combine(id); err != nil {
		return nil, false // verified shares always combine; see combine
	}
	return c.keys[id], true
}

// BidKey is slot's bid key, once t valid shares of it arrived.
func (c *Collector) BidKey(slot uint64) (*threshold.IdentityKey, bool) {
	return c.Key(threshold.BidIdentity(c.eon.ChainID, slot))
}
