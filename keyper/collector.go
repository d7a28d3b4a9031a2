package keyper

import (
	"errors"
	"fmt"
	"io"

	"github.com/ethereum/go-ethereum/common"

	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/eon"
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
	// ErrFaultyKeyper is a message whose new shares were dropped
	// unverified: its keyper sent shares that failed verification for the
	// slot's bundle before. Each bad share costs a pairing, and a keyper
	// known to sign bad ones gets no more of them for the slot (honest
	// keypers never do; t of the others make the keys).
	ErrFaultyKeyper = errors.New("keyper: keyper sent bad shares for the slot before; new ones are not verified")
)

// Fault is a share that failed verification in a message its keyper
// signed: slashable evidence (protocol §3), never used.
type Fault struct {
	Eon      uint64 // of the message
	Keyper   uint64
	Slot     uint64
	Identity threshold.Identity
	Err      error
	// Known is a share judged before (the same bytes resent): answered
	// from memory, without a pairing, and not new evidence to count.
	Known bool
}

func (f Fault) Unwrap() error { return f.Err }

func (f Fault) Error() string {
	return fmt.Sprintf("keyper %d: slot %d: share for %s: %v", f.Keyper, f.Slot, f.Identity, f.Err)
}

// Collector verifies the shares keypers release for one eon, names those
// that send bad ones, and combines the key of an identity as soon as t
// valid shares of it arrived. It holds no clock and no network: the node
// feeds it messages and asks it for keys. It is used by one goroutine at
// a time, except authenticate and Batch.Verify, which read nothing that
// changes: the signature and curve work of a message runs outside the
// node's lock, so a keyper sending bad shares delays no one else.
type Collector struct {
	eon       *eon.Info
	committee *threshold.Committee
	domain    eip712.Domain
	rand      io.Reader // for batch verification; nil means crypto/rand

	shares   map[threshold.Identity]map[int]threshold.VerifiedShare
	keys     map[threshold.Identity]*threshold.IdentityKey
	expected map[uint64][]threshold.Identity // committed bundles' identities, by slot
	points   map[threshold.Identity]*threshold.IdentityPoint

	verdicts  map[threshold.Identity]map[uint64]verdict // bad shares by identity and keyper
	nverdicts int
	faulty    map[uint64]map[uint64]bool // expected slot → keypers that sent bad shares for it
	inflight  map[shareKey]*Batch        // shares planned and not applied yet
}

// NewCollector collects for eon under the deployment's domain.
func NewCollector(eon *eon.Info, d eip712.Domain, rand io.Reader) (*Collector, error) {
	c, err := eon.Committee()
	if err != nil {
		return nil, err
	}
	return &Collector{eon: eon, committee: c, domain: d, rand: rand,
		shares:   make(map[threshold.Identity]map[int]threshold.VerifiedShare),
		keys:     make(map[threshold.Identity]*threshold.IdentityKey),
		expected: make(map[uint64][]threshold.Identity),
		points:   make(map[threshold.Identity]*threshold.IdentityPoint),
		verdicts: make(map[threshold.Identity]map[uint64]verdict),
		faulty:   make(map[uint64]map[uint64]bool),
		inflight: make(map[shareKey]*Batch)}, nil
}

// Expect tells the collector slot's committed bundle, as this node's chain
// recomputed its identities: transaction-key shares for the slot are
// accepted only for exactly these, in this order.
func (c *Collector) Expect(slot uint64, ids []threshold.Identity) {
	c.ExpectPoints(slot, ids, nil)
}

// ExpectPoints is Expect with the identities already hashed to the curve
// (HashPoints), so a caller holding a lock over the collector need not
// hold it over the hashing; nil (or a list of another length) hashes them
// here.
func (c *Collector) ExpectPoints(slot uint64, ids []threshold.Identity, pts []*threshold.IdentityPoint) {
	c.expected[slot] = ids
	if len(pts) != len(ids) {
		pts = HashPoints(ids)
	}
	for i, id := range ids { // hashed to the curve once, not once per keyper's message
		c.points[id] = pts[i]
	}
}

// HashPoints hashes identities to the curve, on every core.
func HashPoints(ids []threshold.Identity) []*threshold.IdentityPoint {
	pts := make([]*threshold.IdentityPoint, len(ids))
	threshold.Parallel(len(ids), func(i int) { pts[i] = ids[i].Point() })
	return pts
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

// bundleKeys returns the keys of slot's expected bundle once every one is
// combined.
func (c *Collector) bundleKeys(slot uint64) ([]*threshold.IdentityKey, bool) {
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
	threshold.Parallel(len(todo), func(j int) { out[todo[j]], errs[j] = c.combineShares(ids[todo[j]]) })
	for j, i := range todo {
		if errs[j] != nil {
			return nil, false // verified shares always combine
		}
		c.keys[ids[i]] = out[i]
		delete(c.shares, ids[i])
	}
	return out, true
}

// ForgetBundle drops slot's bundle and what was collected and judged for
// it.
func (c *Collector) ForgetBundle(slot uint64) {
	c.Forget(c.expected[slot]...)
	delete(c.expected, slot)
	delete(c.faulty, slot)
}

// add verifies a message and keeps its valid shares: authenticate, Plan,
// Verify and Apply in one call, for a caller with the collector to
// itself. A message not signed by the keyper it names, or for another
// chain or eon, is refused whole (an error, nobody blamed); so are
// transaction-key shares for a slot not expected yet (ErrNotExpected: keep
// the message and add it after Expect). Each share that fails verification
// in a properly signed message is a Fault naming its keyper, and so are
// shares for any list of identities but the expected bundle's. Shares of
// an identity whose key is already combined are not verified again, nor
// are shares already judged bad (their Fault comes back Known), nor new
// shares of a keyper that sent bad ones for the slot (ErrFaultyKeyper).
func (c *Collector) add(m *Message) ([]Fault, error) {
	if err := c.authenticate(m); err != nil {
		return nil, err
	}
	b, err := c.Plan(m)
	if err != nil {
		return nil, err
	}
	b.Verify()
	return c.Apply(b)
}

// authenticate refuses a message for another chain or eon, from no keyper
// of the eon, or not signed by the keyper it names. It reads nothing that
// changes, so a node runs it outside the lock that guards the collector:
// one signature recovery per message.
func (c *Collector) authenticate(m *Message) error {
	if err := c.addressed(m); err != nil {
		return err
	}
	return c.signed(m)
}

// addressed is authenticate's cheap part: the message is for this chain
// and eon, from one of its keypers.
func (c *Collector) addressed(m *Message) error {
	if m.ChainID != c.eon.ChainID || m.Eon != c.eon.Eon {
		return fmt.Errorf("%w: chain %d eon %d", ErrForeign, m.ChainID, m.Eon)
	}
	if m.Keyper < 1 || m.Keyper > uint64(len(c.eon.Keypers)) {
		return fmt.Errorf("%w: %d", ErrNoKeyper, m.Keyper)
	}
	return nil
}

// signed is authenticate's costly part, for an addressed message: one
// signature recovery.
func (c *Collector) signed(m *Message) error {
	if err := m.VerifySignature(c.domain, c.keyperAddress(m.Keyper)); err != nil {
		return fmt.Errorf("%w: keyper %d: %w", ErrSignature, m.Keyper, err)
	}
	return nil
}

// Batch is an authenticated message's shares that still need a pairing:
// picked by Plan (cheap, under the node's lock), verified by Verify (the
// curve arithmetic, without it), kept by Apply (cheap, under it again).
type Batch struct {
	msg       *Message
	committee *threshold.Committee
	rand      io.Reader
	faults    []Fault // named without a pairing: wrong identities, verdicts remembered
	dropped   int     // shares of a keyper already named for the slot, not verified
	want      []wanted

	verified bool
	good     []goodShare
	bad      []badShare
	err      error // the randomness failed
	applied  bool
}

type wanted struct {
	id    threshold.Identity
	raw   []byte
	point *threshold.IdentityPoint // nil: hashed in Verify
}

type goodShare struct {
	id    threshold.Identity
	share threshold.VerifiedShare
}

type badShare struct {
	Fault
	raw []byte
}

// shareKey is one keyper's share of one identity.
type shareKey struct {
	id     threshold.Identity
	keyper uint64
}

// verdict is a share that failed verification, remembered with its bytes:
// the same share sent again is answered without a parse or a pairing.
type verdict struct {
	share string
	err   error
}

// maxVerdicts bounds the bad shares remembered at once (each under 200
// bytes). Verdicts go with their identity (Forget, ForgetBundle); past the
// bound new ones are not kept, and a resend still costs no pairing for a
// bundle's shares, since its keyper is then named for the slot.
const maxVerdicts = 1 << 14

// Plan picks the shares of an authenticated message that need verifying:
// not for a combined key, not held already, not judged before, not being
// verified for another message right now, not from a keyper already named
// for the slot. It does no curve arithmetic. Every batch it returns must
// go through Apply, which ends its claim on the shares it is verifying.
func (c *Collector) Plan(m *Message) (*Batch, error) {
	b := &Batch{msg: m, committee: c.committee, rand: c.rand}
	txShares := m.Shares
	if len(txShares) > 0 {
		ids, ok := c.expected[m.Slot]
		if !ok {
			return nil, fmt.Errorf("%w: slot %d", ErrNotExpected, m.Slot)
		}
		if !sameIdentities(txShares, ids) {
			// None of them is used; the bid-key share is judged alone.
			b.faults = append(b.faults, Fault{Eon: m.Eon, Keyper: m.Keyper, Slot: m.Slot, Identity: txShares[0].Identity,
				Err: fmt.Errorf("%w: %d shares for a bundle of %d", ErrWrongIdentities, len(txShares), len(ids))})
			txShares = nil
		}
	}
	k := int(m.Keyper)
	faulty := c.faulty[m.Slot][m.Keyper]
	need := func(id threshold.Identity, raw []byte) {
		if _, done := c.keys[id]; done {
			return
		}
		if _, have := c.shares[id][k]; have || len(c.shares[id]) >= c.committee.Threshold() {
			return // t verified shares make the key: no more are needed
		}
		if v, judged := c.verdicts[id][m.Keyper]; judged && v.share == string(raw) {
			b.faults = append(b.faults, Fault{Eon: m.Eon, Keyper: m.Keyper, Slot: m.Slot, Identity: id, Err: v.err, Known: true})
			return
		}
		if _, busy := c.inflight[shareKey{id, m.Keyper}]; busy {
			return // the keyper's share of id is being verified for another message
		}
		if faulty {
			b.dropped++
			return
		}
		b.want = append(b.want, wanted{id: id, raw: raw, point: c.points[id]})
	}
	if len(m.BidKeyShare) > 0 {
		need(threshold.BidIdentity(m.ChainID, m.Slot), m.BidKeyShare)
	}
	for _, s := range txShares {
		need(s.Identity, s.Share)
	}
	for _, w := range b.want {
		c.inflight[shareKey{w.id, m.Keyper}] = b
	}
	return b, nil
}

// Message is the message whose shares the batch holds.
func (b *Batch) Message() *Message { return b.msg }

// Do is Verify as a Core's work: its result, stepped in, applies the
// batch.
func (b *Batch) Do() Input {
	b.Verify()
	return verified{b}
}

// Verify parses and verifies the batch's shares: the point decompressions
// and pairings. It reads nothing of the collector that changes (its
// committee is safe for concurrent use), so a node runs it outside the
// lock that guards the collector; the collector's randomness must then be
// safe for concurrent use (nil, crypto/rand, is). A second call does
// nothing.
func (b *Batch) Verify() {
	if b.verified {
		return
	}
	b.verified = true
	if len(b.want) == 0 {
		return
	}
	m, k := b.msg, int(b.msg.Keyper)
	parsed := make([]*threshold.IdentityKeyShare, len(b.want))
	perr := make([]error, len(b.want))
	points := make([]*threshold.IdentityPoint, len(b.want))
	threshold.Parallel(len(b.want), func(i int) {
		if points[i] = b.want[i].point; points[i] == nil {
			points[i] = b.want[i].id.Point()
		}
		parsed[i], perr[i] = threshold.ParseIdentityKeyShare(b.want[i].raw)
	})
	var claims []threshold.ShareClaim
	var pos []int // claims[j] is b.want[pos[j]]
	for i, w := range b.want {
		if perr[i] != nil {
			b.bad = append(b.bad, badShare{Fault{Eon: m.Eon, Keyper: m.Keyper, Slot: m.Slot, Identity: w.id, Err: perr[i]}, w.raw})
			continue
		}
		claims = append(claims, threshold.ShareClaim{Keyper: k, Identity: points[i], Share: parsed[i]})
		pos = append(pos, i)
	}
	if len(claims) == 0 {
		return
	}
	verified, faults, err := b.committee.VerifyShares(b.rand, claims)
	if err != nil {
		b.err = fmt.Errorf("keyper: verifying keyper %d's shares: %w", k, err)
		return
	}
	byPoint := make(map[*threshold.IdentityPoint]int, len(claims))
	for j := range claims {
		byPoint[claims[j].Identity] = pos[j]
	}
	var raws map[threshold.Identity][]byte // the bad shares' bytes, to remember
	for _, f := range faults {
		var id threshold.Identity
		copy(id[:], f.Identity) // the preimage: an identity's 32 bytes
		if raws == nil {
			raws = make(map[threshold.Identity][]byte, len(b.want))
			for _, w := range b.want {
				raws[w.id] = w.raw
			}
		}
		b.bad = append(b.bad, badShare{Fault{Eon: m.Eon, Keyper: m.Keyper, Slot: m.Slot, Identity: id, Err: f.Err}, raws[id]})
	}
	for _, v := range verified {
		b.good = append(b.good, goodShare{id: b.want[byPoint[v.Identity()]].id, share: v})
	}
}

// Apply keeps what Verify found: the valid shares still wanted (the
// bundle may have been combined or forgotten meanwhile), the bad ones
// remembered and their keyper named for the slot. It returns the
// message's faults; ErrFaultyKeyper if shares went unverified because
// their keyper was named for the slot before. A batch not verified yet is
// verified here. A second call does nothing.
func (c *Collector) Apply(b *Batch) ([]Fault, error) {
	if b.applied {
		return nil, nil
	}
	b.applied = true
	m := b.msg
	for _, w := range b.want {
		if key := (shareKey{w.id, m.Keyper}); c.inflight[key] == b {
			delete(c.inflight, key)
		}
	}
	b.Verify()
	if b.err != nil {
		return b.faults, b.err
	}
	faults := b.faults
	bidID := threshold.BidIdentity(m.ChainID, m.Slot)
	_, live := c.expected[m.Slot]
	k := int(m.Keyper)
	for _, f := range b.bad {
		faults = append(faults, f.Fault)
		if f.Identity == bidID || live { // nothing kept for a forgotten bundle
			c.remember(f.Identity, m.Keyper, f.raw, f.Err)
		}
		if live {
			if c.faulty[m.Slot] == nil {
				c.faulty[m.Slot] = make(map[uint64]bool)
			}
			c.faulty[m.Slot][m.Keyper] = true
		}
	}
	for _, g := range b.good {
		if g.id != bidID && !live {
			continue
		}
		if _, done := c.keys[g.id]; done {
			continue
		}
		if _, have := c.shares[g.id][k]; have || len(c.shares[g.id]) >= c.committee.Threshold() {
			continue
		}
		if c.shares[g.id] == nil {
			c.shares[g.id] = make(map[int]threshold.VerifiedShare)
		}
		c.shares[g.id][k] = g.share
	}
	if b.dropped > 0 {
		return faults, fmt.Errorf("%w: keyper %d, slot %d: %d shares", ErrFaultyKeyper, m.Keyper, m.Slot, b.dropped)
	}
	return faults, nil
}

// remember keeps a bad share's verdict, within maxVerdicts.
func (c *Collector) remember(id threshold.Identity, keyper uint64, raw []byte, err error) {
	v := c.verdicts[id]
	if _, ok := v[keyper]; !ok {
		if c.nverdicts >= maxVerdicts {
			return
		}
		c.nverdicts++
	}
	if v == nil {
		v = make(map[uint64]verdict)
		c.verdicts[id] = v
	}
	v[keyper] = verdict{share: string(raw), err: err}
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

// Forget drops what was collected and judged for the identities (their
// slots are decided), so memory stays bounded.
func (c *Collector) Forget(ids ...threshold.Identity) {
	for _, id := range ids {
		delete(c.shares, id)
		delete(c.keys, id)
		delete(c.points, id)
		c.nverdicts -= len(c.verdicts[id])
		delete(c.verdicts, id)
	}
}

// key is an identity's combined key, once t valid shares of it arrived:
// add only verifies; the first key after the t-th share combines (so a
// node can time the two apart) and keeps the key.
func (c *Collector) key(id threshold.Identity) (*threshold.IdentityKey, bool) {
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

// bidKey is slot's bid key, once t valid shares of it arrived.
func (c *Collector) bidKey(slot uint64) (*threshold.IdentityKey, bool) {
	return c.key(threshold.BidIdentity(c.eon.ChainID, slot))
}

// combineJob is the work of combining the keys of ids once every one of
// them has t verified shares or its key; nil before, or when every key is
// combined already. It copies the shares it needs, so the job runs without
// the collector.
func (c *Collector) combineJob(target Target, ids []threshold.Identity) *Combine {
	t, todo := c.committee.Threshold(), 0
	for _, id := range ids { // all there before anything is copied
		if _, done := c.keys[id]; done {
			continue
		}
		if len(c.shares[id]) < t {
			return nil
		}
		todo++
	}
	if todo == 0 {
		return nil
	}
	job := &Combine{Target: target, Identities: ids, committee: c.committee,
		keys: make([]*threshold.IdentityKey, len(ids)), shares: make([][]threshold.VerifiedShare, len(ids))}
	for i, id := range ids {
		if job.keys[i] = c.keys[id]; job.keys[i] != nil {
			continue
		}
		vs := make([]threshold.VerifiedShare, 0, t)
		for _, v := range c.shares[id] {
			vs = append(vs, v)
			if len(vs) == t {
				break
			}
		}
		job.shares[i] = vs
	}
	return job
}

// keepKeys keeps combined keys, so that no more shares of their
// identities are verified, and drops the shares that made them.
func (c *Collector) keepKeys(ids []threshold.Identity, keys []*threshold.IdentityKey) {
	for i, id := range ids {
		c.keys[id] = keys[i]
		delete(c.shares, id)
	}
}
