package apitypes

import (
	"encoding/json"
	"math/big"
	"testing"
)

// TestWei: amounts are decimal strings both ways, nil writes "0", and a
// reader refuses what the wire rules refuse.
func TestWei(t *testing.T) {
	big256 := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1))
	for _, v := range []*big.Int{big.NewInt(0), big.NewInt(1), big.NewInt(1e18), big256} {
		b, err := json.Marshal(Wei{v})
		if err != nil || string(b) != `"`+v.String()+`"` {
			t.Fatalf("%v: %s %v", v, b, err)
		}
		var back Wei
		if err := json.Unmarshal(b, &back); err != nil || back.Cmp(v) != 0 {
			t.Fatalf("%s: %v %v", b, back, err)
		}
	}
	if b, _ := json.Marshal(Wei{}); string(b) != `"0"` {
		t.Fatalf("nil: %s", b)
	}
	for _, bad := range []string{`1`, `"01"`, `"-1"`, `"1e3"`, `""`, `" 1"`, `"0x10"`, `null`,
		`"` + new(big.Int).Add(big256, big.NewInt(1)).String() + `"`} {
		var w Wei
		if err := json.Unmarshal([]byte(bad), &w); err == nil {
			t.Errorf("%s read as %v", bad, w)
		}
	}
}

// TestFeedCursor: event ids round-trip and cursors step committed →
// decrypted → the next slot, and final → the next slot's final.
func TestFeedCursor(t *testing.T) {
	for _, tc := range []struct {
		from FeedCursor
		ids  []string
	}{
		{FeedCursor{Slot: 7, Level: LevelCommitted}, []string{"7-committed", "7-decrypted", "8-committed"}},
		{FeedCursor{Slot: 7, Level: LevelFinal}, []string{"7-final", "8-final", "9-final"}},
	} {
		c := tc.from
		for _, want := range tc.ids {
			if c.ID() != want {
				t.Fatalf("%+v: id %s, want %s", c, c.ID(), want)
			}
			back, err := ParseEventID(c.ID())
			if err != nil || back != c {
				t.Fatalf("%s parses to %+v, %v", c.ID(), back, err)
			}
			c = c.After()
		}
	}
	for _, bad := range []string{"", "7", "7-finalized", "x-committed", "-committed", "7-committed-1", "7-Final"} {
		if _, err := ParseEventID(bad); err == nil {
			t.Errorf("%q parsed", bad)
		}
	}
}

// TestAuctionJSON: an open auction has no result fields; a closed one
// carries them inline.
func TestAuctionJSON(t *testing.T) {
	open, _ := json.Marshal(Auction{Slot: 3, Status: "open", Reserve: Wei{big.NewInt(1)}})
	if string(open) != `{"slot":3,"status":"open","reserve":"1","bidCount":0}` {
		t.Fatalf("open: %s", open)
	}
	closed, _ := json.Marshal(Auction{Slot: 3, Status: "closed", AuctionResult: &AuctionResult{Bids: []AuctionBid{}}})
	if string(closed) != `{"slot":3,"status":"closed","reserve":"0","bidCount":0,"bids":[],"winner":null,"price":null}` {
		t.Fatalf("closed: %s", closed)
	}
}
