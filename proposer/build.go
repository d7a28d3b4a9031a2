package proposer

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/veil-sequencer/veil/auction"
	"github.com/veil-sequencer/veil/oracle"
	"github.com/veil-sequencer/veil/params"
	"github.com/veil-sequencer/veil/threshold"
)

// Inputs are what slot s's record is a function of: the chain state after
// block s−1 and the bids it committed for s. Never the mempool, received
// shares, the clock or the round.
type Inputs struct {
	ChainID uint64
	Slot    uint64
	Eon     uint64
	EonKey  *threshold.EonPublicKey
	Bids    []auction.Committed
	State   auction.State
	Params  params.Params
	Due     []Due // bundles whose keys are not on chain yet, by slot
	// Open opens committed bids (nil: auction.OpenBid); a node passes its
	// cache of openings, which gives the same results.
	Open auction.Opener
	// Known gives the recorded keys this node already holds verified (its
	// keyper combined them from verified shares), which Check then neither
	// parses nor verifies again; nil: none.
	Known KnownKey
	// Oracle, on a network anchored on L1 from block 2 on, is what the
	// record's oracle section is checked against (the committed l1Applied,
	// the set that signed the last block, the last commit); nil: the record
	// has no section.
	Oracle *oracle.Inputs
	// Section is the proposer's oracle section for Build (oracle.Build);
	// Check takes the record's own once it passed.
	Section *oracle.Section
	// BatchDue is the batch whose signature the chain waits for (nil:
	// none); BatchSig the proposer's signature of it for Build, which
	// Check takes from the record once it verified.
	BatchDue *BatchDue
	BatchSig *BatchSig
	// EonDue is the next eon's key statement the chain waits for and
	// SlashDue the lowest Slash statement (nil: none); EonSig and SlashSig
	// the proposer's signatures of them for Build, which Check takes from
	// the record once they verified.
	EonDue   *StatementDue
	EonSig   *StatementSig
	SlashDue *StatementDue
	SlashSig *StatementSig
}

// KnownKey returns the key of entry index of slot's bundle (identity id)
// if this node holds it verified and its encoding is raw; false otherwise.
// A valid key is unique, so a record's key with those bytes is that key.
type KnownKey func(slot uint64, index uint32, id threshold.Identity, raw []byte) (*threshold.IdentityKey, bool)

// Errors of building and checking.
var (
	ErrNoBidKey  = errors.New("proposer: bids were committed for the slot but its bid key is not combined")
	ErrBadBidKey = errors.New("proposer: the record's bid key is not the slot's")
	ErrMismatch  = errors.New("proposer: the slot record differs from the auction's result")
	ErrNoSection = errors.New("proposer: the slot record lacks the L1 oracle's section")
	ErrSection   = errors.New("proposer: the slot record has an L1 oracle section on a network without L1")
)

// Build is the proposer's record for the slot with the slot's bid key and
// the combined keys it has. With no committed bid there is nothing to
// open: the record's bid key is null and the fallback bundle orders the
// slot. With bids, the key is required: a proposer without t shares cannot
// build a valid block (protocol §3). Keys of a due bundle go in when the set
// holds them whole; those of a required one must.
func Build(in Inputs, bidKey *threshold.IdentityKey, keys KeySet) (*Record, error) {
	if len(in.Bids) == 0 {
		bidKey = nil
	} else if bidKey == nil {
		return nil, ErrNoBidKey
	}
	recorded, err := recordKeys(in.Due, keys)
	if err != nil {
		return nil, err
	}
	res := auction.DecideWith(in.Slot, in.Bids, bidKey, in.State, in.Params, in.Open)
	rec := &Record{Slot: in.Slot, Eon: in.Eon, BidKey: bidKey, Auction: res, Keys: recorded}
	if in.BatchSig != nil && in.BatchDue != nil && in.BatchSig.Index == in.BatchDue.Fixed.Index {
		rec.Batch = in.BatchSig
	}
	rec.EonSig = takeStatement(in.EonDue, in.EonSig)
	rec.Slash = takeStatement(in.SlashDue, in.SlashSig)
	if in.Oracle != nil {
		if in.Section == nil {
			return nil, ErrNoSection
		}
		rec.Oracle = in.Section
	}
	return rec, nil
}

// Check is ProcessProposal's verdict on a block's slot record: it must be
// canonical, carry the slot's bid key exactly when bids were committed
// (verified against the eon key), carry whole and valid key sets of due
// bundles only and every required one, and equal what Build gives with
// those keys, byte for byte. It returns the decoded record to apply.
func Check(in Inputs, raw []byte) (*Record, error) {
	rec, known, err := decode(raw, in.Known)
	if err != nil {
		return nil, err
	}
	if rec.Slot != in.Slot || rec.Eon != in.Eon {
		return nil, fmt.Errorf("%w: record for slot %d eon %d in block %d of eon %d", ErrMismatch, rec.Slot, rec.Eon, in.Slot, in.Eon)
	}
	switch {
	case len(in.Bids) == 0 && rec.BidKey != nil:
		return nil, fmt.Errorf("%w: a bid key for a slot without bids", ErrMismatch)
	case len(in.Bids) > 0 && rec.BidKey == nil:
		return nil, ErrNoBidKey
	case rec.BidKey != nil:
		if err := threshold.VerifyKey(in.EonKey, threshold.BidIdentity(in.ChainID, in.Slot).Point(), rec.BidKey); err != nil {
			return nil, fmt.Errorf("%w: %v", ErrBadBidKey, err)
		}
	}
	switch {
	case in.Oracle == nil && rec.Oracle != nil:
		return nil, ErrSection
	case in.Oracle != nil && rec.Oracle == nil:
		return nil, ErrNoSection
	case in.Oracle != nil:
		if rec.Applied, err = oracle.Check(*in.Oracle, rec.Oracle); err != nil {
			return nil, err
		}
		in.Section = rec.Oracle
	}
	keys, err := checkKeys(in, rec.Keys, known)
	if err != nil {
		return nil, err
	}
	if err := checkBatch(in, rec.Batch); err != nil {
		return nil, err
	}
	in.BatchSig = rec.Batch
	if err := checkStatement(in, "eon key", in.EonDue, rec.EonSig); err != nil {
		return nil, err
	}
	if err := checkStatement(in, "slash of registration", in.SlashDue, rec.Slash); err != nil {
		return nil, err
	}
	in.EonSig, in.SlashSig = rec.EonSig, rec.Slash
	want, err := Build(in, rec.BidKey, keys)
	if err != nil {
		return nil, err
	}
	if got, exp := raw, want.Encode(); !bytes.Equal(got, exp) {
		return nil, fmt.Errorf("%w: %s", ErrMismatch, firstDifference(got, exp))
	}
	return rec, nil
}

// firstDifference shows where two encodings part, for the proposer's log.
func firstDifference(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-40)
	return fmt.Sprintf("at byte %d: got …%s…, want …%s…", i, got[from:min(len(got), i+40)], want[from:min(len(want), i+40)])
}
