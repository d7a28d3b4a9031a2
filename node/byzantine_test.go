package node

import (
	"context"
	"math/big"
	"slices"
	"sync"
	"testing"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/ethereum/go-ethereum/common"

	"github.com/veil-sequencer/veil/auction"
	"github.com/veil-sequencer/veil/builder"
	"github.com/veil-sequencer/veil/chain"
	"github.com/veil-sequencer/veil/proposer"
	"github.com/veil-sequencer/veil/wire"
)

// Ways a self-dealing proposer alters its slot record.
const (
	alterResult = "alter the result"
	dropBid     = "drop a committed bid"
	reorder     = "use another order"
)

// byzantineProposer is a test double of a validator whose proposals carry
// an altered slot record; it votes like the honest application it wraps.
type byzantineProposer struct {
	abci.Application
	mu       sync.Mutex
	attempts int
	applied  map[string]int
	records  map[string]bool // the altered records it proposed
}

func (b *byzantineProposer) PrepareProposal(ctx context.Context, req *abci.RequestPrepareProposal) (*abci.ResponsePrepareProposal, error) {
	resp, err := b.Application.PrepareProposal(ctx, req)
	if err != nil || len(resp.Txs) == 0 || resp.Txs[0][0] != chain.TxSlotRecord {
		return resp, err
	}
	rec, err := proposer.Decode(resp.Txs[0][1:])
	if err != nil {
		return resp, err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	mode := []string{alterResult, dropBid, reorder}[b.attempts%3]
	b.attempts++
	a := rec.Auction
	switch {
	case mode == dropBid && len(a.Bids) > 0:
		a.Bids = a.Bids[1:]
	case mode == reorder && len(a.Included) > 1:
		a.Included = slices.Clone(a.Included)
		a.Included[0], a.Included[1] = a.Included[1], a.Included[0]
	default:
		mode = alterResult
		a.Price = new(big.Int).Add(wire.OrZero(a.Price), big.NewInt(1))
	}
	b.applied[mode]++
	altered := append([]byte{chain.TxSlotRecord}, rec.Encode()...)
	b.records[string(altered)] = true
	resp.Txs[0] = altered
	return resp, nil
}

// TestByzantineProposer: validator 0 alters the record of every block it
// proposes (its price, a dropped bid, a swapped order); the others reject
// each such block, the next proposer's block commits instead, and all four
// keep one state.
func TestByzantineProposer(t *testing.T) {
	if testing.Short() {
		t.Skip("runs four validators")
	}
	byz := &byzantineProposer{applied: map[string]int{}, records: map[string]bool{}}
	tn := startNet(t, withNodeOptions(func(i int) []ValidatorOption {
		if i != 0 {
			return nil
		}
		return []ValidatorOption{WithABCI(func(app abci.Application) abci.Application {
			byz.Application = app
			return byz
		})}
	}))
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	start := tn.nodes[1].Store.Height()

	// Load: two envelopes per tick from rotating wallets, and a bid naming
	// them for a slot three blocks ahead, so that records carry bids and an
	// order of several envelopes.
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		nonces := make([]uint64, len(tn.keys))
		d := tn.nw.Params().Domain
		for tick := 0; ; tick++ {
			select {
			case <-stop:
				return
			case <-time.After(300 * time.Millisecond):
			}
			w := tick % len(tn.keys)
			var bundle []auction.Queued
			for range 2 {
				e := tn.envelope(tn.keys[w], nonces[w], byte(w), nil)
				if code, out := tn.post(tn.urls[tick%4], e.EncodeCanonical()); code != 202 {
					t.Errorf("wallet %d nonce %d: %d %v", w, nonces[w], code, out)
					return
				}
				nonces[w]++
				bundle = append(bundle, auction.Queued{Hash: e.Hash(d)})
			}
			slot := tn.nodes[1].Store.Height() + 3
			b, err := builder.Seal(nil, tn.builder, d, tn.eonKey, 1, slot, uint64(tick+1), big.NewInt(1e9+int64(tick)), bundle)
			if err != nil {
				t.Error(err)
				return
			}
			// A bid may meet the slot's limits or a closed window; the
			// test is about what the proposer does with those committed.
			_, _ = tn.postBid(tn.urls[(tick+1)%4], b.EncodeCanonical())
		}
	})
	defer func() { close(stop); wg.Wait() }()

	tn.waitFor("validator 0 tried each alteration", func() bool {
		byz.mu.Lock()
		defer byz.mu.Unlock()
		return byz.applied[alterResult] > 0 && byz.applied[dropBid] > 0 && byz.applied[reorder] > 0
	})
	end := tn.nodes[1].Store.Height()
	st, err := tn.nodes[0].Client.Status(ctx)
	if err != nil {
		t.Fatal(err)
	}
	byzAddr := st.ValidatorInfo.Address
	byz.mu.Lock()
	records := byz.records
	byz.mu.Unlock()
	var honestBids int
	for h := start + 1; h <= end; h++ {
		for i, n := range tn.nodes {
			if err := n.WaitHeight(ctx, end+1); err != nil {
				t.Fatal(err)
			}
			blk, err := n.Client.Block(ctx, ptr(int64(h)))
			if err != nil {
				t.Fatal(err)
			}
			if records[string(blk.Block.Txs[0])] {
				t.Fatalf("validator %d committed validator 0's altered record at height %d", i, h)
			}
			if blk.Block.ProposerAddress.String() == byzAddr.String() {
				t.Fatalf("validator %d committed a block of validator 0 at height %d", i, h)
			}
			if i == 0 {
				rec, err := proposer.Decode(blk.Block.Txs[0][1:])
				if err != nil {
					t.Fatalf("height %d: %v", h, err)
				}
				honestBids += len(rec.Auction.Bids)
			}
		}
	}
	if honestBids == 0 {
		t.Fatal("no committed record carried a bid: the alterations were not tested against real auctions")
	}
	agreeOn(t, ctx, tn.nodes, end)
	t.Logf("heights %d…%d committed without validator 0; its alterations: %v", start+1, end, byz.applied)
}

// agreeOn checks that every validator's header h+1 carries one AppHash.
func agreeOn(t *testing.T, ctx context.Context, nodes []*Validator, h uint64) {
	t.Helper()
	var want common.Hash
	for i, n := range nodes {
		if err := n.WaitHeight(ctx, h+1); err != nil {
			t.Fatal(err)
		}
		blk, err := n.Client.Block(ctx, ptr(int64(h+1)))
		if err != nil {
			t.Fatal(err)
		}
		got := common.BytesToHash(blk.Block.AppHash)
		if i == 0 {
			want = got
		} else if got != want {
			t.Fatalf("validator %d: AppHash after %d is %x, validator 0's %x", i, h, got, want)
		}
	}
}
