package client

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/cometbft/cometbft/types"

	"github.com/veil-sequencer/veil/api/apitypes"
)

// FromGenesis is a Verifier that trusts what a Veil chain's CometBFT
// genesis document says: its chain id, validator set and genesis eon; the
// signing domain's salt is the document's keccak256 (protocol §4).
func FromGenesis(doc []byte) (*Verifier, error) {
	g, err := parseGenesis(doc)
	if err != nil {
		return nil, err
	}
	vals := make([]*types.Validator, len(g.doc.Validators))
	for i, v := range g.doc.Validators {
		vals[i] = types.NewValidator(v.PubKey, v.Power)
	}
	return &Verifier{ChainID: g.doc.ChainID, Validators: types.NewValidatorSet(vals), Eon: g.eon, Domain: g.domain}, nil
}

// Follower reads a node's block feed and verifies every slot before the
// rollup sees it.
type Follower struct {
	Node   string // the node's API base URL
	Verify *Verifier
	HTTP   *http.Client  // default: http.DefaultClient
	Retry  time.Duration // wait before reconnecting (default 1 s)
	// MaxEvent bounds one feed event in bytes (default MaxFeedEvent): a
	// node that sends more is refused, not buffered.
	MaxEvent int
	// Final follows the final feed: each slot once the node says a batch
	// L1 accepted covers it (Block.Final), verified like any other. The
	// batch is the node's word; L1Reader checks it on L1.
	Final bool
}

// Follow hands fn each slot from `from` on, verified, in order, until ctx
// ends, fn fails, a block does not verify (an error wrapping ErrVerify) or
// an event is over MaxEvent (ErrFeedTooLarge: reconnecting would fetch the
// same event again). A dropped connection is resumed from the last event
// read (Last-Event-ID), and a slot out of sequence is an error, so no slot
// is skipped or repeated.
func (f *Follower) Follow(ctx context.Context, from uint64, fn func(*Slot, *apitypes.Block) error) error {
	hc, retry := f.HTTP, f.Retry
	if hc == nil {
		hc = http.DefaultClient
	}
	if retry <= 0 {
		retry = time.Second
	}
	next, last := from, ""
	for {
		err := f.read(ctx, hc, &next, &last, fn)
		if errors.Is(err, ErrVerify) || errors.Is(err, ErrFeedTooLarge) || errors.Is(err, errSequence) || errors.Is(err, errCallback) || ctx.Err() != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return err
		}
		select { // the connection dropped: resume
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(retry):
		}
	}
}

var (
	errSequence = errors.New("client: feed out of sequence")
	errCallback = errors.New("client: the rollup's handler failed")
)

// read follows one connection, handing fn each verified slot; next and
// last advance with every event read (the expected slot, the last id).
func (f *Follower) read(ctx context.Context, hc *http.Client, next *uint64, last *string, fn func(*Slot, *apitypes.Block) error) error {
	level, want := "", apitypes.LevelDecrypted
	if f.Final {
		level, want = apitypes.LevelFinal, apitypes.LevelFinal
	}
	return readFeed(ctx, hc, f.Node, level, *next, *last, f.MaxEvent, func(id, event string, data []byte) error {
		cur, perr := apitypes.ParseEventID(id)
		if perr != nil || cur.Slot != *next || cur.Level != event || (f.Final != (event == apitypes.LevelFinal)) {
			return fmt.Errorf("%w: event %s while expecting slot %d", errSequence, id, *next)
		}
		*last = id
		if event != want {
			return nil
		}
		var b apitypes.Block
		if err := json.Unmarshal(data, &b); err != nil {
			return fmt.Errorf("%w: slot %d: %v", ErrVerify, cur.Slot, err)
		}
		if f.Final && b.Final == nil {
			return fmt.Errorf("%w: slot %d: a final event without the batch that made it final", ErrVerify, cur.Slot)
		}
		start := time.Now()
		slot, err := f.Verify.Verify(&b)
		if err != nil {
			return err
		}
		slot.Took = time.Since(start)
		if b.Slot != cur.Slot {
			return fmt.Errorf("%w: event %s carries slot %d", ErrVerify, id, b.Slot)
		}
		*next = cur.Slot + 1
		if err := fn(slot, &b); err != nil {
			return fmt.Errorf("%w: %w", errCallback, err)
		}
		return nil
	})
}
