package client

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/cometbft/cometbft/types"
	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/rpc"

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
// blobs. L1ChainID is the L1 the genesis names: l1 should be a node of
// it (the caller checks, as veil follow --l1 does).
func FromL1(doc []byte, l1 L1Backend, blobs BlobSource) (*L1Reader, error) {
	if l1 == nil || blobs == nil {
		return nil, errors.New("client: FromL1 needs an L1 node and a blob source")
	}
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
		StartBlock: g.app.L1.StartBlock, L1ChainID: g.app.L1.ChainID}, nil
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
			ChainID    uint64              `json:"chainId"`
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

// Follow derives the chain from L1 from the start: it hands fn, in
// order, every batch BatchInbox accepted from StartBlock on, verified, and
// the escape hatch's items between them (Read), up to L1's final block
// (Confirmations), looking for more every poll (default 1 s), until ctx
// ends (nil), fn fails (its error) or a batch does not verify (an error
// wrapping ErrVerify). An L1 node that cannot be read is an error too;
// Follow called again starts over from StartBlock.
func (r *L1Reader) Follow(ctx context.Context, poll time.Duration, fn func(L1Slots) error) error {
	if poll <= 0 {
		poll = time.Second
	}
	r.esc = escapeState{}
	next, parent := r.StartBlock, common.Hash{}
	tick := time.NewTicker(poll)
	defer tick.Stop()
	for {
		final, ok, err := r.finalBlock(ctx)
		switch {
		case ctx.Err() != nil:
			return nil
		case err != nil:
			return err
		}
		if ok && final >= next {
			batches, last, err := r.Read(ctx, next, final, parent)
			if ctx.Err() != nil {
				return nil
			}
			if err != nil {
				return err
			}
			parent, next = last, final+1
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

// finalBlock is the highest L1 block Follow reads: the finalized one, or
// latest − Confirmations; ok is false while there is none (an L1 that has
// finalized nothing yet answers "not found").
func (r *L1Reader) finalBlock(ctx context.Context) (uint64, bool, error) {
	if r.Confirmations == 0 {
		h, err := r.L1.HeaderByNumber(ctx, big.NewInt(int64(rpc.FinalizedBlockNumber)))
		switch {
		case err != nil && (errors.Is(err, ethereum.NotFound) || strings.Contains(err.Error(), "not found")):
			return 0, false, nil
		case err != nil:
			return 0, false, fmt.Errorf("client: L1 finalized header: %w", err)
		}
		return h.Number.Uint64(), true, nil
	}
	h, err := r.L1.HeaderByNumber(ctx, nil)
	if err != nil {
		return 0, false, fmt.Errorf("client: L1 head: %w", err)
	}
	if n := h.Number.Uint64(); n >= r.Confirmations {
		return n - r.Confirmations, true, nil
	}
	return 0, false, nil
}
