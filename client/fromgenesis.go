package client

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/cometbft/cometbft/types"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/veil-sequencer/veil/contracts"
	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/eon"
	"github.com/veil-sequencer/veil/params"
	"github.com/veil-sequencer/veil/threshold"
)

// FromL1 is an L1Reader that trusts what a Veil chain's CometBFT genesis
// document says, as FromGenesis does for the feed: the chain id and
// signing salt, the L1 contracts and the block before them (StartBlock),
// the genesis eon's key (pinned: an L1 node cannot serve another), and
// the parameters of the escape hatch, which it applies. Blobs come from
// blobs.
func FromL1(doc []byte, l1 L1Backend, blobs BlobSource) (*L1Reader, error) {
	g, err := parseGenesis(doc)
	if err != nil {
		return nil, err
	}
	if g.app.L1 == nil {
		return nil, errors.New("client: the genesis names no L1: the network is not anchored on one")
	}
	p := params.Default()
	if g.app.Params != nil {
		p = *g.app.Params
	}
	c := g.app.L1.Contracts
	return &L1Reader{L1: l1, Inbox: c.BatchInbox, Registry: c.SequencerRegistry, Domain: g.domain, Blobs: blobs,
		EonKeys: map[uint64]*threshold.EonPublicKey{g.eon.Eon: g.eon.PublicKey}, Queue: c.ForcedInclusionQueue, Params: p,
		StartBlock: g.app.L1.StartBlock}, nil
}

// genesis is what a reader takes from a Veil chain's CometBFT genesis
// document.
type genesis struct {
	doc *types.GenesisDoc
	app struct {
		ChainID uint64          `json:"chainId"`
		Eon     json.RawMessage `json:"eon"`
		Params  *params.Params  `json:"params"`
		L1      *struct {
			Contracts  contracts.Addresses `json:"contracts"`
			StartBlock uint64              `json:"startBlock"`
		} `json:"l1"`
	}
	eon    *eon.Info
	domain eip712.Domain // the signing domain: its salt is the document's keccak256 (protocol §4)
}

func parseGenesis(doc []byte) (*genesis, error) {
	gen, err := types.GenesisDocFromJSON(doc)
	if err != nil {
		return nil, fmt.Errorf("client: genesis: %w", err)
	}
	g := &genesis{doc: gen}
	if err := json.Unmarshal(gen.AppState, &g.app); err != nil {
		return nil, fmt.Errorf("client: genesis app state: %w", err)
	}
	if g.eon, err = eon.Parse(g.app.Eon); err != nil {
		return nil, fmt.Errorf("client: genesis eon: %w", err)
	}
	g.domain = eip712.Domain{ChainID: g.app.ChainID, Salt: crypto.Keccak256Hash(doc)}
	return g, nil
}

// Follow hands fn, in order, every batch BatchInbox accepted from
// StartBlock on, verified, and the escape hatch's items between them
// (Read), looking for more at L1's head every poll (default 1 s), until
// ctx ends (nil), fn fails (its error) or a batch does not verify (an
// error wrapping ErrVerify). An L1 node that cannot be read is an error
// too: the caller decides whether to retry, resuming from what fn saw.
func (r *L1Reader) Follow(ctx context.Context, poll time.Duration, fn func(L1Slots) error) error {
	if poll <= 0 {
		poll = time.Second
	}
	next, parent := r.StartBlock, common.Hash{}
	tick := time.NewTicker(poll)
	defer tick.Stop()
	for {
		h, err := r.L1.HeaderByNumber(ctx, nil)
		switch {
		case ctx.Err() != nil:
			return nil
		case err != nil:
			return fmt.Errorf("client: L1 head: %w", err)
		}
		if head := h.Number.Uint64(); head >= next {
			batches, last, err := r.Read(ctx, next, head, parent)
			if ctx.Err() != nil {
				return nil
			}
			if err != nil {
				return err
			}
			parent, next = last, head+1
			for _, b := range batches {
				if err := fn(b); err != nil {
					return err
				}
			}
		}
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
		}
	}
}
