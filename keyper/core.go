package keyper

import (
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"

	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/eon"
	"github.com/veil-sequencer/veil/threshold"
)

// Core is a keyper's protocol decisions as a deterministic state machine,
// in the manner of etcd-raft's Step and Ready: what to release and when,
// which shares a peer owes and which it sent, whose silence to name,
// which early shares to hold, when keys are whole. The runtime around it
// (package node) steps in committed blocks and received messages and acts
// on each step's Ready: it signs and sends the messages, runs the work
// (signatures, pairings, shares, combining: the expensive part) on its own
// goroutines without the lock it holds the core under, steps the work's
// result back in, hands the keys to the proposer and decrypts. The core
// has no clock (the committed height is its time), no network, no
// goroutine and no randomness but the collector's injected reader.
//
// Its state is kept by eon, each with its own committee, share and
// collector: a node that is keyper of eon e and e+1 at once (a handover)
// holds two entries, and every input names its eon.
type Core struct {
	domain eip712.Domain
	rand   io.Reader
	eons   map[uint64]*eonState
	height uint64 // the highest committed height stepped in
	rd     Ready  // the current step's outputs
}

// eonState is what the core holds for one eon this node is keyper of.
type eonState struct {
	share     *eon.Share
	collector *Collector
	bundles   map[uint64]*bundle             // committed bundles being collected, by slot
	done      map[uint64]bool                // bundles whose keys were combined, the last BundleKeep slots
	pending   map[uint64]map[uint64]*Message // authenticated shares for bundles not committed yet, by slot and keyper
	heard     map[uint64]map[uint64]bool     // slot → keypers whose signed transaction shares arrived
	owed      map[uint64]bool                // bundles committed while this node was at the head
	bidBusy   map[uint64]bool                // slots whose bid key is being combined
}

// bundle is a committed bundle whose keys are being collected.
type bundle struct {
	ids       []threshold.Identity
	combining bool // a Combine is out
}

// Protocol windows, in slots.
const (
	// SilentAfter is how many slots after a bundle commits a keyper that
	// sent no signed shares for it is named (honest ones retry for about
	// 5 s).
	SilentAfter = 16
	// PendingAhead bounds how far ahead of this node's committed height a
	// peer's shares are taken; PendingBehind keeps shares for a slot this
	// node committed a moment ago, whose release (which tells the
	// collector what to expect) may still be running. A bid-key share for
	// a slot PendingBehind or more behind is dropped unverified: its key
	// is on chain.
	PendingAhead  = 8
	PendingBehind = 4
	// BundleKeep is how many slots a bundle whose keys never become whole
	// (keypers down) is collected before it is given up, and how long a
	// combined one is remembered as done.
	BundleKeep = 512
)

// Errors of inputs the core refuses.
var (
	// ErrUnknownEon is an input for an eon this node is no keyper of. A
	// message for one is also ErrForeign (refused whole, nobody blamed).
	ErrUnknownEon = errors.New("keyper: not a keyper of the eon")
	// ErrTooFarAhead refuses shares for a slot more than PendingAhead
	// beyond this node's committed height, before their signature is
	// checked.
	ErrTooFarAhead = errors.New("keyper: shares for a slot too far ahead")
	// ErrEonKnown is an eon added twice.
	ErrEonKnown = errors.New("keyper: eon already added")
)

// Config is what a Core needs besides its eons.
type Config struct {
	Domain eip712.Domain
	// Rand draws the coefficients of batch verification; nil is
	// crypto/rand. Work runs on several goroutines at once, so it must be
	// safe for concurrent use.
	Rand io.Reader
}

// NewCore is a core that is keyper of no eon yet (AddEon).
func NewCore(cfg Config) *Core {
	return &Core{domain: cfg.Domain, rand: cfg.Rand, eons: make(map[uint64]*eonState)}
}

// AddEon makes this node keyper share.Index of share.Eon.
func (c *Core) AddEon(share *eon.Share) error {
	if _, ok := c.eons[share.Eon.Eon]; ok {
		return fmt.Errorf("%w: %d", ErrEonKnown, share.Eon.Eon)
	}
	if share.Index < 1 || share.Index > len(share.Eon.Keypers) || share.Share == nil {
		return fmt.Errorf("%w: index %d of eon %d", ErrNoKeyper, share.Index, share.Eon.Eon)
	}
	col, err := NewCollector(share.Eon, c.domain, c.rand)
	if err != nil {
		return fmt.Errorf("keyper: eon %d: %w", share.Eon.Eon, err)
	}
	c.eons[share.Eon.Eon] = &eonState{share: share, collector: col,
		bundles: make(map[uint64]*bundle), done: make(map[uint64]bool),
		pending: make(map[uint64]map[uint64]*Message), heard: make(map[uint64]map[uint64]bool),
		owed: make(map[uint64]bool), bidBusy: make(map[uint64]bool)}
	return nil
}

// Height is the highest committed height the core was told of.
func (c *Core) Height() uint64 { return c.height }

// Input is what the core is stepped with: Committed, Received, Signed,
// or the result of a Work's Do.
type Input interface{ input() }

// Committed is block Height, committed: slot Height's bundle is final and
// slot Height is decided. It is the core's clock.
type Committed struct {
	Eon uint64 // the eon of slot Height, whose bundle's envelopes name it
	// BidEon is the eon of slot Height+1, whose bid key is released (0:
	// Eon; another across an activation).
	BidEon uint64
	Height uint64
	// Bundle is the identities of bundle(Height), in bundle order, as the
	// chain recomputes them from its envelopes: what this keyper releases
	// shares for and accepts peers' shares of, never a list anyone sent.
	Bundle []threshold.Identity
	// Points are Bundle's identities hashed to the curve, in order
	// (HashPoints): the runtime hashes them before the step, outside the
	// lock it steps the core under. Nil: the core hashes them.
	Points []*threshold.IdentityPoint
	// Unread is a bundle the runtime could not read (a storage error it
	// logs): nothing is expected or released for it.
	Unread bool
	// BidsNext is bids committed for slot Height+1: only then is its bid
	// key released.
	BidsNext bool
	// Fresh is a block committed while this node was at the head: only
	// then are keypers silent about its bundle named (a node syncing old
	// blocks missed what peers sent meanwhile).
	Fresh bool
}

// Received is a peer's message. Height is the runtime's committed height
// when it arrived, which may be ahead of the last Committed stepped in
// (that block's release may still be running).
type Received struct {
	Msg    *Message
	Height uint64
}

// Signed is one of Ready.Send, signed by the runtime: this keyper's own
// release, collected like a peer's (and its signature checked, which
// catches a misconfigured key) but never held for later. An error means
// it must not be sent.
type Signed struct{ Msg *Message }

func (Committed) input() {}
func (Received) input()  {}
func (Signed) input()    {}

// Kind is what a set of identities is released and combined for. Releases,
// combines and keys name their kind, so that another (a committee-signed
// statement's signing identity) is collected the same way.
type Kind uint8

const (
	// KindBidKey is a slot's bid key: the one identity BidIdentity(chain,
	// slot), released when bids for the slot are committed.
	KindBidKey Kind = iota + 1
	// KindBundle is the keys of a slot's committed bundle, in bundle
	// order.
	KindBundle
)

func (k Kind) String() string {
	switch k {
	case KindBidKey:
		return "bid"
	case KindBundle:
		return "bundle"
	}
	return fmt.Sprintf("kind(%d)", uint8(k))
}

// Target names a set of identities released and combined together.
type Target struct {
	Eon  uint64
	Slot uint64
	Kind Kind
}

// Ready is what one step asks of the runtime, in the order to act on it.
type Ready struct {
	// Send is this keyper's releases: sign each, step it back in as
	// Signed, and if that succeeds send it to every peer.
	Send []*Message
	// Work is computation to run outside the runtime's lock (on this or
	// any goroutine), each result stepped back in.
	Work []Work
	// Keys is keys whole and combined: a slot's bid key for the proposer,
	// a bundle's keys for the proposer's record and for decryption.
	Keys []Keys
	// Faults is bad shares in messages their keypers signed; Known ones
	// are resends already reported once.
	Faults []Fault
	// Dropped is messages whose shares went unverified because their
	// keyper sent bad shares for the slot before.
	Dropped []Dropped
	// Silent is keypers that sent no signed shares for a bundle committed
	// SilentAfter slots ago while this node was at the head.
	Silent []Silence
	// Abandoned is bundles whose keys never became whole in BundleKeep
	// slots; they are collected no more.
	Abandoned []Target
}

// Keys is a target's keys, in the order of its identities.
type Keys struct {
	Target
	Identities []threshold.Identity
	Keys       []*threshold.IdentityKey
}

// Dropped is Shares shares of Keyper's message for Slot that went
// unverified: Keyper was named for the slot's bundle before.
type Dropped struct {
	Eon, Slot, Keyper uint64
	Shares            int
}

// Silence is Keyper sending no signed shares for bundle(Slot).
type Silence struct{ Eon, Slot, Keyper uint64 }

// Step takes one input and returns what the runtime must do about it. An
// error is an input refused (a message refused whole is ErrForeign,
// ErrNoKeyper, ErrSignature or ErrTooFarAhead); the Ready may hold
// outputs all the same (faults found before a failure).
func (c *Core) Step(in Input) (Ready, error) {
	c.rd = Ready{}
	var err error
	switch in := in.(type) {
	case Committed:
		err = c.committed(in)
	case Received:
		err = c.receive(in.Msg, in.Height, false)
	case Signed:
		err = c.receive(in.Msg, 0, true)
	case authenticated:
		err = c.authenticated(in)
	case verified:
		err = c.verified(in.b)
	case combined:
		err = c.combined(in)
	case released:
		if err = in.err; err == nil {
			c.rd.Send = append(c.rd.Send, in.msg)
		}
	default:
		err = fmt.Errorf("keyper: unknown input %T", in)
	}
	rd := c.rd
	c.rd = Ready{}
	return rd, err
}

func (c *Core) eon(e uint64) (*eonState, error) {
	if s := c.eons[e]; s != nil {
		return s, nil
	}
	return nil, fmt.Errorf("%w: %d", ErrUnknownEon, e)
}

// committed forgets slot Height's bid key (decided), judges silence,
// releases Height+1's bid key if it has bids and Height's bundle.
func (c *Core) committed(in Committed) error {
	// The height and every eon's housekeeping first: a block of an eon this
	// node holds no share of still moves time on for the eons it does.
	h := in.Height
	c.height = max(c.height, h)
	for _, s := range sortedKeys(c.eons) {
		es := c.eons[s]
		chainID := es.share.Eon.ChainID
		// Slot h is decided; shares of its bid key arriving within
		// PendingBehind are verified still, and forgotten with slot
		// h−PendingBehind's here.
		es.collector.Forget(threshold.BidIdentity(chainID, h))
		if h >= PendingBehind {
			es.collector.Forget(threshold.BidIdentity(chainID, h-PendingBehind))
		}
		for slot := range es.bidBusy {
			if slot <= h {
				delete(es.bidBusy, slot)
			}
		}
		c.judgeSilent(es, h)
	}
	bidEon := in.BidEon
	if bidEon == 0 {
		bidEon = in.Eon
	}
	be, bidErr := c.eon(bidEon)
	if in.BidsNext && bidErr == nil {
		c.rd.Work = append(c.rd.Work, be.release(KindBidKey, h+1, h, nil, nil))
	}
	// A node keeps releasing for an eon it holds a share of while that
	// eon's bundles commit, and for the next once it is active: the slot's
	// eon may be one it is no keyper of (before it joined, after it left).
	e, err := c.eon(in.Eon)
	if err != nil {
		if bidErr == nil {
			return nil
		}
		return err
	}
	if in.Unread {
		return nil
	}
	slot := h
	if len(in.Bundle) == 0 {
		// Nothing to release; shares a keyper sent for this empty bundle
		// are for identities outside it, and named as such.
		e.collector.Expect(slot, nil)
		c.replay(e, slot)
		e.collector.ForgetBundle(slot)
		return nil
	}
	if in.Fresh {
		e.owed[slot] = true
	}
	if !e.done[slot] && e.bundles[slot] == nil { // a restart may release twice
		e.collector.ExpectPoints(slot, in.Bundle, in.Points)
		e.bundles[slot] = &bundle{ids: in.Bundle}
		for _, s := range sortedKeys(e.bundles) { // never whole (keypers down): give up
			if s+BundleKeep <= slot {
				delete(e.bundles, s)
				e.collector.ForgetBundle(s)
				c.rd.Abandoned = append(c.rd.Abandoned, Target{Eon: in.Eon, Slot: s, Kind: KindBundle})
			}
		}
	}
	for s := range e.done {
		if s+BundleKeep <= slot {
			delete(e.done, s)
		}
	}
	c.replay(e, slot)
	c.rd.Work = append(c.rd.Work, e.release(KindBundle, slot, h, in.Bundle, e.collector.Points(slot)))
	return nil
}

// judgeSilent names, for each bundle committed SilentAfter slots before
// height while this node was at the head, every keyper that sent no
// signed shares for it. (Bad shares are faults, reported apart; here only
// whether a keyper spoke counts.)
func (c *Core) judgeSilent(e *eonState, height uint64) {
	for _, s := range sortedKeys(e.owed) {
		if s+SilentAfter > height {
			continue
		}
		for i := range uint64(len(e.share.Eon.Keypers)) {
			if !e.heard[s][i+1] {
				c.rd.Silent = append(c.rd.Silent, Silence{Eon: e.share.Eon.Eon, Slot: s, Keyper: i + 1})
			}
		}
		delete(e.owed, s)
	}
	for s := range e.heard {
		if s+SilentAfter <= height {
			delete(e.heard, s)
		}
	}
}

// replay plans the shares held for slot, now that its bundle is known.
func (c *Core) replay(e *eonState, slot uint64) {
	early := e.pending[slot]
	delete(e.pending, slot)
	for _, k := range sortedKeys(early) {
		_ = c.plan(e, early[k], true) // held only once authenticated; a refusal now is the slot's business
	}
}

// receive starts a message on its way: the cheap checks now, the
// signature as work.
func (c *Core) receive(m *Message, height uint64, own bool) error {
	if m == nil {
		return errors.New("keyper: no message")
	}
	if !own {
		c.height = max(c.height, height)
		// A slot far ahead is refused before the signature is checked.
		if m.Slot > c.height+PendingAhead {
			return c.tooFarAhead(m.Slot)
		}
	}
	e, err := c.eon(m.Eon)
	if err != nil {
		return fmt.Errorf("%w: %w", ErrForeign, err)
	}
	if err := e.collector.addressed(m); err != nil {
		return err
	}
	c.rd.Work = append(c.rd.Work, &Check{col: e.collector, msg: m, own: own})
	return nil
}

func (c *Core) tooFarAhead(slot uint64) error {
	return fmt.Errorf("%w: slot %d, this node is at %d (at most %d ahead)", ErrTooFarAhead, slot, c.height, PendingAhead)
}

// authenticated continues a message whose signature was checked.
func (c *Core) authenticated(a authenticated) error {
	if a.err != nil {
		return a.err
	}
	e, err := c.eon(a.msg.Eon)
	if err != nil {
		return fmt.Errorf("%w: %w", ErrForeign, err)
	}
	m := a.msg
	if !a.own && len(m.BidKeyShare) > 0 && m.Slot+PendingBehind <= c.height {
		// The slot is long decided and its bid key on chain: its share
		// would cost a pairing and memory, whoever chose the slot. The
		// transaction shares still count (and the keyper is heard).
		cp := *m
		cp.BidKeyShare = nil
		m = &cp
	}
	return c.plan(e, m, a.own)
}

// plan picks what of an authenticated message needs verifying, as work;
// shares for a bundle not committed yet are held (unless the message is
// this node's own or held already).
func (c *Core) plan(e *eonState, m *Message, keepless bool) error {
	b, err := e.collector.Plan(m)
	if errors.Is(err, ErrNotExpected) {
		c.heardFrom(e, m)
		if keepless {
			// This node's own shares after t peers' made the keys (the
			// peers may still need them: sent all the same), or a held
			// message for a slot done meanwhile.
			return nil
		}
		return c.keep(e, m)
	}
	if err != nil {
		return err
	}
	c.rd.Work = append(c.rd.Work, b)
	return nil
}

// keep holds an authenticated message with shares for a bundle not
// committed yet: one per keyper and slot within the window, so memory
// stays bounded whoever sends.
func (c *Core) keep(e *eonState, m *Message) error {
	switch {
	case m.Slot+PendingBehind <= c.height:
		return nil // long decided here: its keys are on chain
	case m.Slot > c.height+PendingAhead:
		return c.tooFarAhead(m.Slot)
	case e.done[m.Slot]:
		return nil
	}
	for s := range e.pending {
		if s+PendingBehind <= c.height {
			delete(e.pending, s)
		}
	}
	if e.pending[m.Slot] == nil {
		e.pending[m.Slot] = make(map[uint64]*Message)
	}
	e.pending[m.Slot][m.Keyper] = m
	return nil
}

// heardFrom notes that an authenticated message's keyper spoke for its
// slot's bundle. Slots far ahead are not noted, so a keyper cannot grow
// the memory.
func (c *Core) heardFrom(e *eonState, m *Message) {
	if len(m.Shares) == 0 || m.Slot > c.height+PendingAhead {
		return
	}
	if e.heard[m.Slot] == nil {
		e.heard[m.Slot] = make(map[uint64]bool)
	}
	e.heard[m.Slot][m.Keyper] = true
}

// verified keeps a verified batch's valid shares and reports its faults;
// keys made whole are combined as work.
func (c *Core) verified(b *Batch) error {
	m := b.msg
	e, err := c.eon(m.Eon)
	if err != nil {
		return fmt.Errorf("%w: %w", ErrForeign, err)
	}
	faults, err := e.collector.Apply(b)
	c.rd.Faults = append(c.rd.Faults, faults...)
	if errors.Is(err, ErrFaultyKeyper) {
		// Accepted like any signed message, its shares unverified; the
		// rest of the message still counts.
		c.rd.Dropped = append(c.rd.Dropped, Dropped{Eon: m.Eon, Slot: m.Slot, Keyper: m.Keyper, Shares: b.dropped})
		err = nil
	}
	if err != nil {
		return err
	}
	c.heardFrom(e, m)
	if bs := e.bundles[m.Slot]; bs != nil && !bs.combining {
		if job := e.collector.combineJob(Target{Eon: m.Eon, Slot: m.Slot, Kind: KindBundle}, bs.ids); job != nil {
			bs.combining = true
			c.rd.Work = append(c.rd.Work, job)
		}
	}
	// A bid key is combined for a slot still to come only: the proposer
	// of a decided slot needed it no more.
	if len(m.BidKeyShare) > 0 && m.Slot > c.height && !e.bidBusy[m.Slot] {
		id := threshold.BidIdentity(m.ChainID, m.Slot)
		if job := e.collector.combineJob(Target{Eon: m.Eon, Slot: m.Slot, Kind: KindBidKey}, []threshold.Identity{id}); job != nil {
			e.bidBusy[m.Slot] = true
			c.rd.Work = append(c.rd.Work, job)
		}
	}
	return nil
}

// combined keeps the keys a Combine made and reports them.
func (c *Core) combined(r combined) error {
	e, err := c.eon(r.Eon)
	if err != nil {
		return err
	}
	switch r.Kind {
	case KindBidKey:
		if !e.bidBusy[r.Slot] {
			return nil // decided meanwhile
		}
		delete(e.bidBusy, r.Slot)
		if r.err != nil {
			return r.err
		}
		e.collector.keepKeys(r.ids, r.keys)
	case KindBundle:
		bs := e.bundles[r.Slot]
		if bs == nil || !bs.combining {
			return nil // given up meanwhile
		}
		bs.combining = false
		if r.err != nil {
			return r.err
		}
		delete(e.bundles, r.Slot)
		e.done[r.Slot] = true
		e.collector.ForgetBundle(r.Slot)
	default:
		return fmt.Errorf("keyper: combined keys of kind %v", r.Kind)
	}
	c.rd.Keys = append(c.rd.Keys, Keys{Target: r.Target, Identities: r.ids, Keys: r.keys})
	return nil
}

func sortedKeys[V any](m map[uint64]V) []uint64 { return slices.Sorted(maps.Keys(m)) }
