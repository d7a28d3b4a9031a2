package chain

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/veil-sequencer/veil/auction"
	"github.com/veil-sequencer/veil/bid"
	"github.com/veil-sequencer/veil/mempool"
	"github.com/veil-sequencer/veil/proposer"
)

// checkBacked fails unless the builder's collateral backs every penalty it
// has reserved: the invariant every block keeps.
func checkBacked(t *testing.T, st *State, who string, a common.Address) mempool.Builder {
	t.Helper()
	bu, err := st.Builder(a)
	if err != nil {
		t.Fatal(err)
	}
	if bu.Collateral.Cmp(bu.Reserved) < 0 {
		t.Fatalf("%s: collateral %v below the %v reserved for its bids", who, bu.Collateral, bu.Reserved)
	}
	return bu
}

// TestApplyRecordCollateral: a winner's price comes from its free
// collateral only (issue 15, finding 10). A record whose price would eat
// the collateral backing the winner's bids for later slots is refused; one
// within it leaves every later penalty takeable in full.
func TestApplyRecordCollateral(t *testing.T) {
	const penalty = 100
	builder, beneficiary := common.Address{0xb1}, common.Address{0xbe}
	for _, tc := range []struct {
		name  string
		price int64
		err   error
	}{
		{"the free collateral", 700, nil},
		{"below it", 1, nil},
		{"one wei of a reserved penalty", 701, ErrCorrupt},
		{"the whole collateral", 1000, ErrCorrupt},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, 0)
			st := NewState(f.store.Begin(), f.params.Domain)
			st.b.Set([]byte{keyBeneficiary}, beneficiary[:])
			st.SetBuilder(builder, mempool.Builder{Collateral: big.NewInt(1000), Reserved: new(big.Int)})
			// One bid for slot 2, which it wins, and one for each of 3–5.
			hashes := map[uint64]common.Hash{}
			for slot := uint64(2); slot <= 5; slot++ {
				b := &bid.Bid{ChainID: 1337, Eon: 1, Slot: slot, Builder: builder, Seq: 1, Signature: make([]byte, 65), Sealed: []byte{byte(slot)}}
				hashes[slot] = common.Hash{byte(slot)}
				if err := st.QueueBid(b, &mempool.BidAdmission{Hash: hashes[slot], Reserve: big.NewInt(penalty)}); err != nil {
					t.Fatal(err)
				}
			}
			checkBacked(t, st, "after admission", builder)
			win, h := builder, hashes[2]
			rec := &proposer.Record{Slot: 2, Eon: 1, Auction: &auction.Result{Slot: 2, Winner: &win, WinningBid: &h, Price: big.NewInt(tc.price),
				Bids: []auction.BidResult{{BidHash: h, Builder: builder, Seq: 1, Value: big.NewInt(tc.price), Verdict: auction.Valid}}}}
			err := st.ApplyRecord(rec, big.NewInt(penalty))
			if !errors.Is(err, tc.err) {
				t.Fatalf("applying a price of %d: %v, want %v", tc.price, err, tc.err)
			}
			if err != nil {
				return
			}
			bu := checkBacked(t, st, "after slot 2", builder)
			// Each later bid turns out invalid: every penalty is taken whole.
			for slot := uint64(3); slot <= 5; slot++ {
				rec := &proposer.Record{Slot: slot, Eon: 1, Auction: &auction.Result{Slot: slot,
					Bids: []auction.BidResult{{BidHash: hashes[slot], Builder: builder, Seq: 1, Value: big.NewInt(0), Verdict: auction.Invalid, Reason: auction.ReasonBelowReserve}}}}
				if err := st.ApplyRecord(rec, big.NewInt(penalty)); err != nil {
					t.Fatal(err)
				}
				after := checkBacked(t, st, fmt.Sprintf("after slot %d", slot), builder)
				if taken := new(big.Int).Sub(bu.Collateral, after.Collateral); taken.Int64() != penalty {
					t.Fatalf("slot %d took %v of a %d penalty", slot, taken, penalty)
				}
				bu = after
			}
			acct, err := st.Account(beneficiary)
			if err != nil || acct.Deposit.Int64() != tc.price+3*penalty || bu.Reserved.Sign() != 0 {
				t.Fatalf("beneficiary earned %v (%v), builder %+v", acct.Deposit, err, bu)
			}
		})
	}
}

// TestAuctionFreeCollateral runs the chain: builder A commits a bid for
// slot 2 and bids for slots 3–5 (each reserving a penalty), B bids for
// slot 2. A's value for slot 2 may reach only its collateral less the three
// later penalties; above that it is judged above_collateral, and at it A
// wins and still every later penalty is taken in full. Collateral ≥
// reserved after every block.
func TestAuctionFreeCollateral(t *testing.T) {
	const penalty = 100 // newApp's
	for _, tc := range []struct {
		name       string
		a, b       int64  // values for slot 2
		verdict    string // A's
		winner     int    // 0 A, 1 B
		price      int64
		collateral int64 // A's after slot 2
	}{
		{"A bids its whole collateral", 1000, 950, "invalid/" + auction.ReasonAboveCollateral, 1, 1, 900},
		{"A bids one wei above its free collateral", 701, 690, "invalid/" + auction.ReasonAboveCollateral, 1, 1, 900},
		{"A bids its free collateral", 700, 690, "valid/", 0, 690, 310},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := newApp(t)
			var keys []*ecdsa.PrivateKey
			var g Genesis
			if err := json.Unmarshal(a.genesis, &g); err != nil {
				t.Fatal(err)
			}
			for i := range 2 {
				k, _ := crypto.ToECDSA(crypto.Keccak256([]byte(fmt.Sprint("collateral builder", i))))
				keys = append(keys, k)
				g.Builders = append(g.Builders, GenesisBuilder{Address: crypto.PubkeyToAddress(k.PublicKey), Collateral: "1000"})
			}
			genesis, _ := json.Marshal(g)
			if _, err := a.app.InitChain(context.Background(), &abci.RequestInitChain{AppStateBytes: genesis}); err != nil {
				t.Fatal(err)
			}
			addr := func(i int) common.Address { return crypto.PubkeyToAddress(keys[i].PublicKey) }
			mk := func(i int, slot uint64, value int64) []byte {
				sealed, err := bid.Seal(nil, &bid.Payload{Value: big.NewInt(value), Builder: addr(i), Slot: slot}, 1337, a.eonKey)
				if err != nil {
					t.Fatal(err)
				}
				b := &bid.Bid{ChainID: 1337, Eon: 1, Slot: slot, Builder: addr(i), Seq: 1, Sealed: sealed}
				if err := b.Sign(a.params.Domain, keys[i]); err != nil {
					t.Fatal(err)
				}
				return append([]byte{TxBid}, b.EncodeCanonical()...)
			}
			// Value 0 is below the reserve: A's later bids are invalid.
			txs, fin := a.block(1, [][]byte{mk(0, 2, tc.a), mk(1, 2, tc.b), mk(0, 3, 0), mk(0, 4, 0), mk(0, 5, 0)})
			for i, r := range fin.TxResults {
				if len(txs) != 6 || r.Code != 0 {
					t.Fatalf("block 1: %d txs, tx %d: %s", len(txs), i, r.Log)
				}
			}
			state := func() *State { return NewState(a.store.Begin(), a.params.Domain) }
			checkBacked(t, state(), "after block 1", addr(0))

			txs, _ = a.block(2, nil)
			rec, err := proposer.Decode(txs[0][1:])
			if err != nil {
				t.Fatal(err)
			}
			var got string
			for _, b := range rec.Auction.Bids {
				if b.Builder == addr(0) {
					got = string(b.Verdict) + "/" + b.Reason
				}
			}
			if got != tc.verdict || rec.Auction.Winner == nil || *rec.Auction.Winner != addr(tc.winner) || rec.Auction.Price.Int64() != tc.price {
				t.Fatalf("slot 2: A's verdict %s, winner %v at %v; want %s, builder %d at %d", got, rec.Auction.Winner, rec.Auction.Price, tc.verdict, tc.winner, tc.price)
			}
			bu := checkBacked(t, state(), "after slot 2", addr(0))
			if bu.Collateral.Int64() != tc.collateral || bu.Reserved.Int64() != 3*penalty {
				t.Fatalf("A after slot 2: %+v, want collateral %d", bu, tc.collateral)
			}
			for h := int64(3); h <= 5; h++ {
				a.block(h, nil)
				after := checkBacked(t, state(), fmt.Sprintf("after slot %d", h), addr(0))
				if taken := new(big.Int).Sub(bu.Collateral, after.Collateral); taken.Int64() != penalty {
					t.Fatalf("slot %d took %v of A's %d penalty", h, taken, penalty)
				}
				bu = after
			}
		})
	}
}
