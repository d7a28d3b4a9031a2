package faults

import (
	"bytes"
	"crypto/rand"
	"encoding/json"
	"io"
	"math/big"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/veil-sequencer/veil/builder"
	"github.com/veil-sequencer/veil/eon"
)

type postResult struct {
	status int
	body   string
}

func post(t *testing.T, url string, body []byte) postResult {
	t.Helper()
	resp, err := http.Post(url, "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return postResult{resp.StatusCode, string(b)}
}

type auctionResult struct {
	Status   string          `json:"status"`
	BidCount int             `json:"bidCount"`
	Winner   *common.Address `json:"winner"`
	Bids     []struct {
		BidHash common.Hash `json:"bidHash"`
		Verdict string      `json:"verdict"`
	} `json:"bids"`
}

// TestReplayedBids: a builder's bid wins its slot once. Sent again, to any
// node, before its slot it is the same bid (same hash, one entry); after,
// it is refused and changes nothing; moved to another slot, its signature
// no longer holds.
func TestReplayedBids(t *testing.T) {
	nw := newNetwork(t, "500ms", 4)
	nw.startAll()
	var key string
	var addr common.Address
	for _, a := range nw.devnet.Accounts {
		if a.Role == "builder" {
			key, addr = a.PrivateKey, a.Address
			break
		}
	}
	k, err := crypto.HexToECDSA(strings.TrimPrefix(key, "0x"))
	if err != nil {
		t.Fatal(err)
	}
	var eon eon.Info
	if err := getJSON(nw.apis[0]+"/v1/eon", &eon); err != nil {
		t.Fatal(err)
	}
	slot := nw.height(0) + 3 // inside the bid window [height+2, height+K+1]
	b, err := builder.Seal(rand.Reader, k, chainDomain(t, nw), eon.PublicKey, eon.Eon, slot, 1, big.NewInt(5e9), nil)
	if err != nil {
		t.Fatal(err)
	}
	raw := b.EncodeCanonical()
	first := post(t, nw.apis[0]+"/v1/bids", raw)
	again := post(t, nw.apis[1]+"/v1/bids", raw)
	if first.status != http.StatusAccepted || again.status != first.status || again.body != first.body {
		t.Fatalf("bid: %+v, the same bid to another node: %+v", first, again)
	}
	var hash struct {
		BidHash common.Hash `json:"bidHash"`
	}
	if err := json.Unmarshal([]byte(first.body), &hash); err != nil {
		t.Fatal(err)
	}

	nw.waitHeight(0, slot+1, 20*time.Second)
	var won auctionResult
	if err := getJSON(nw.apis[0]+"/v1/auctions/"+strconv.FormatUint(slot, 10), &won); err != nil {
		t.Fatal(err)
	}
	if won.Status != "closed" || won.BidCount != 1 || won.Winner == nil || *won.Winner != addr || len(won.Bids) != 1 || won.Bids[0].BidHash != hash.BidHash {
		t.Fatalf("auction of slot %d: %+v", slot, won)
	}
	collateral := func() string {
		var a struct {
			Collateral     string `json:"collateral"`
			PendingCharges string `json:"pendingCharges"`
		}
		if err := getJSON(nw.apis[0]+"/v1/accounts/"+addr.Hex(), &a); err != nil {
			t.Fatal(err)
		}
		return a.Collateral + "/" + a.PendingCharges
	}
	before := collateral()

	// The replay, to every node, after its slot.
	for i := range 4 {
		r := post(t, nw.apis[i]+"/v1/bids", raw)
		if r.status != http.StatusConflict || !strings.Contains(r.body, "wrong_slot") {
			t.Errorf("replayed bid to node %d: %d %s", i, r.status, r.body)
		}
	}
	// The same bid moved to an open slot: the signature covers the slot.
	var moved map[string]any
	if err := json.Unmarshal(raw, &moved); err != nil {
		t.Fatal(err)
	}
	later := nw.height(0) + 3
	moved["slot"] = later
	movedRaw, _ := json.Marshal(moved)
	if r := post(t, nw.apis[0]+"/v1/bids", movedRaw); r.status != http.StatusBadRequest || !strings.Contains(r.body, "bad_signature") {
		t.Errorf("bid moved to slot %d: %d %s", later, r.status, r.body)
	}
	nw.waitHeight(0, later+1, 20*time.Second)
	var after auctionResult
	if err := getJSON(nw.apis[0]+"/v1/auctions/"+strconv.FormatUint(later, 10), &after); err != nil {
		t.Fatal(err)
	}
	if after.BidCount != 0 || after.Winner != nil {
		t.Errorf("slot %d after the replays: %+v", later, after)
	}
	if err := getJSON(nw.apis[2]+"/v1/auctions/"+strconv.FormatUint(slot, 10), &won); err != nil || won.BidCount != 1 {
		t.Errorf("slot %d after the replays: %+v %v", slot, won, err)
	}
	if now := collateral(); now != before {
		t.Errorf("collateral/pending charges %s after the replays, %s before", now, before)
	}
}
