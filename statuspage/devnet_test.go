package statuspage_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/ethereum/go-ethereum/common"

	"github.com/veil-sequencer/veil/api/apitypes"
	"github.com/veil-sequencer/veil/devnettest"
	"github.com/veil-sequencer/veil/eon"
)

// TestStatusPageDevnet opens node 0's status page in headless Chromium
// against a running devnet (builders and load on): the live table fills
// with slots and moves on, each row says what GET /v1/blocks/{slot} and
// GET /v1/auctions/{slot} say (proposer, transactions, bids, winner,
// price), clicking a slot shows its auction and bundle, the at-a-glance
// cards and the validators agree with /v1/status, /v1/eon and
// /v1/validators, and the page logs no error (a CSP violation would be
// one). A full-page screenshot is saved to $VEIL_SCREENSHOT, or into the
// test's temporary directory.
func TestStatusPageDevnet(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a devnet and Chromium")
	}
	veil := devnettest.Build(t, t.TempDir()) // before the deadline: a fresh build cache takes minutes
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	browser := newBrowser(t, ctx) // before the devnet: without Chromium the test fails at once
	node := startDevnet(t, ctx, veil)

	var mu sync.Mutex
	var pageErrors []string
	console := chromedp.Console(browser) // subscribed before the page loads
	go func() {
		for m, err := range console {
			if err != nil {
				return
			}
			// GET /v1/eon/next answers 404 before the first DKG, which
			// the page shows as no next eon; the browser logs it all the
			// same.
			if nextEon404 := m.Source == "network" && strings.HasSuffix(m.URL, "/v1/eon/next"); (m.Type == chromedp.ConsoleError || m.IsException()) && !nextEon404 {
				mu.Lock()
				pageErrors = append(pageErrors, m.String()+" ("+m.Source+" "+m.URL+")")
				mu.Unlock()
			}
		}
	}()
	err := chromedp.Do(browser,
		chromedp.EmulateViewport(1440, 1000),
		chromedp.Navigate(node+"/"))
	if err != nil {
		t.Fatal(err)
	}
	// Dark, the page's own scheme, for the screenshot.
	if _, err := chromedp.Call(browser, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}}); err != nil {
		t.Fatal(err)
	}

	// The live table fills with slots, some of them won by a builder.
	type row struct {
		Slot     string `json:"slot"`
		Proposer string `json:"proposer"`
		Bids     string `json:"bids"`
		Winner   string `json:"winner"`
		Price    string `json:"price"`
		Txs      string `json:"txs"`
		// DecryptionMs is this node's decryption time, once the page has
		// it; compared apart, since the page may have read the slot
		// before its decryption.
		DecryptionMs string `json:"decryptionMs"`
	}
	const readRows = `[...document.querySelectorAll("#slots tbody tr")].map((tr) => ({...tr.dataset}))`
	rows, err := chromedp.Run(browser, chromedp.Poll[[]row](
		`(() => { const rows = `+readRows+`; return rows.length >= 5 && rows.some((r) => r.winner && r.txs !== "0") ? rows : null; })()`,
		chromedp.WithPollingInterval(200*time.Millisecond), chromedp.WithPollingTimeout(45*time.Second)))
	if err != nil {
		t.Fatalf("the live table shows no won slots: %v", err)
	}
	prev, timed := uint64(0), 0
	for i, r := range rows {
		slot, err := strconv.ParseUint(r.Slot, 10, 64)
		if err != nil || (i > 0 && slot >= prev) {
			t.Fatalf("rows not in slot order, newest first: %+v", rows)
		}
		prev = slot
		var blk apitypes.Block
		var auc apitypes.Auction
		getJSON(t, ctx, fmt.Sprintf("%s/v1/blocks/%d", node, slot), &blk)
		getJSON(t, ctx, fmt.Sprintf("%s/v1/auctions/%d", node, slot), &auc)
		want := row{Slot: r.Slot, Proposer: blk.Proposer.String(), Bids: strconv.Itoa(len(blk.Auction.Bids)),
			Winner: addr(blk.Auction.Winner), Price: deref(blk.Auction.Price), Txs: strconv.Itoa(len(blk.Transactions)), DecryptionMs: r.DecryptionMs}
		if r.DecryptionMs != "" {
			timed++
			if blk.Decryption == nil || strconv.FormatFloat(blk.Decryption.TotalMs, 'f', -1, 64) != r.DecryptionMs {
				t.Errorf("slot %d: the page shows decryption in %s ms, GET /v1/blocks says %+v", slot, r.DecryptionMs, blk.Decryption)
			}
		}
		if r != want {
			t.Errorf("slot %d: the page shows %+v, GET /v1/blocks says %+v", slot, r, want)
		}
		if auc.AuctionResult == nil || addr(auc.Winner) != r.Winner || deref(auc.Price) != r.Price || len(auc.Bids) != len(blk.Auction.Bids) {
			t.Errorf("slot %d: the page shows %+v, GET /v1/auctions says %+v", slot, r, auc)
		}
	}
	if timed == 0 {
		t.Errorf("no slot shows its decryption time: %+v", rows)
	}
	// It moves on.
	top := rows[0].Slot
	if _, err := chromedp.Run(browser, chromedp.Poll[bool](
		`Number(document.querySelector("#slots tbody tr").dataset.slot) > `+top,
		chromedp.WithPollingInterval(100*time.Millisecond), chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Errorf("the table stayed at slot %s: %v", top, err)
	}
	if n, err := chromedp.Run(browser, chromedp.Evaluate[int](`document.querySelectorAll("#slots tbody tr").length`)); err != nil || n > 20 {
		t.Errorf("the table keeps %d rows (%v), want at most 20", n, err)
	}

	// A won slot's auction and bundle, on click.
	var pick row
	for _, r := range rows {
		if r.Winner != "" && r.Txs != "0" {
			pick = r
			break
		}
	}
	if err := chromedp.Do(browser, chromedp.Evaluate[chromedp.Void](`document.querySelector('#slots tr[data-slot="`+pick.Slot+`"]').click()`),
		chromedp.WaitVisible(chromedp.CSS(`#detail[data-loaded="`+pick.Slot+`"]`))); err != nil {
		t.Fatalf("clicking slot %s: %v", pick.Slot, err)
	}
	type detail struct {
		Title    string   `json:"title"`
		Selected []string `json:"selected"`
		Winner   string   `json:"winner"`
		Price    string   `json:"price"`
		Bids     []string `json:"bids"` // builder verdict
		TxCount  string   `json:"txCount"`
		Txs      []string `json:"txs"`
	}
	d, err := chromedp.Run(browser, chromedp.Evaluate[detail](`({
		title: document.getElementById("d-slot").textContent,
		selected: [...document.querySelectorAll("#slots tr.selected")].map((tr) => tr.dataset.slot),
		winner: document.getElementById("d-auction").dataset.winner,
		price: document.getElementById("d-auction").dataset.price,
		bids: [...document.querySelectorAll("#d-bids tbody tr")].map((tr) => tr.dataset.builder + " " + tr.dataset.verdict),
		txCount: document.getElementById("d-bundle").dataset.txs,
		txs: [...document.querySelectorAll("#d-txs tbody tr[data-hash]")].map((tr) => tr.dataset.hash),
	})`))
	if err != nil {
		t.Fatal(err)
	}
	var blk apitypes.Block
	var auc apitypes.Auction
	getJSON(t, ctx, node+"/v1/blocks/"+pick.Slot, &blk)
	getJSON(t, ctx, node+"/v1/auctions/"+pick.Slot, &auc)
	want := detail{Title: pick.Slot, Selected: []string{pick.Slot}, Winner: addr(auc.Winner), Price: deref(auc.Price),
		TxCount: strconv.Itoa(len(blk.Transactions))}
	for _, b := range auc.Bids {
		want.Bids = append(want.Bids, addr(&b.Builder)+" "+b.Verdict)
	}
	for _, tx := range blk.Transactions[:min(len(blk.Transactions), 100)] {
		want.Txs = append(want.Txs, tx.EnvelopeHash.Hex())
	}
	// Compared as printed: the page's empty lists are the API's nil ones.
	if fmt.Sprint(d) != fmt.Sprint(want) || len(d.Bids) == 0 {
		t.Errorf("the detail panel shows\n%+v\nthe API says\n%+v", d, want)
	}

	// The chain at a glance and the validators.
	var before, after apitypes.Status
	getJSON(t, ctx, node+"/v1/status", &before)
	type glance struct {
		Slot, Eon, Threshold, Keypers, Next, L1, Batch, Live string
		Validators                                           []string // address keyper health
	}
	const readGlance = `({
		Slot: document.getElementById("g-slot").dataset.value,
		Eon: document.getElementById("g-eon").dataset.value,
		Threshold: document.getElementById("g-eon").dataset.threshold,
		Keypers: document.getElementById("g-eon").dataset.keypers,
		Next: document.getElementById("g-next").textContent,
		L1: document.getElementById("g-l1").dataset.value,
		Batch: document.getElementById("g-batch").textContent,
		Live: document.getElementById("live").dataset.state,
		Validators: [...document.querySelectorAll("#validators tbody tr")].map((tr) => tr.dataset.address + " " + tr.dataset.keyper.toLowerCase() + " " + tr.dataset.health),
	})`
	g, err := chromedp.Run(browser, chromedp.Poll[glance](
		`(() => { const g = `+readGlance+`; return Number(g.Slot) >= `+strconv.FormatUint(before.Height, 10)+` ? g : null; })()`,
		chromedp.WithPollingInterval(100*time.Millisecond), chromedp.WithPollingTimeout(10*time.Second)))
	if err != nil {
		t.Fatalf("the slot card never reached slot %d: %v", before.Height, err)
	}
	getJSON(t, ctx, node+"/v1/status", &after)
	var active eon.Info
	getJSON(t, ctx, node+"/v1/eon", &active)
	var vals apitypes.Validators
	getJSON(t, ctx, node+"/v1/validators", &vals)
	slot, _ := strconv.ParseUint(g.Slot, 10, 64)
	l1, _ := strconv.ParseUint(g.L1, 10, 64)
	switch {
	case slot < before.Height || slot > after.Height:
		t.Errorf("slot card %s, status said %d then %d", g.Slot, before.Height, after.Height)
	case g.Eon != strconv.FormatUint(active.Eon, 10) || g.Threshold != strconv.Itoa(active.Threshold) || g.Keypers != strconv.Itoa(len(active.Keypers)):
		t.Errorf("eon card %+v, GET /v1/eon says eon %d, %d of %d", g, active.Eon, active.Threshold, len(active.Keypers))
	case before.L1Applied == nil || after.L1Applied == nil || l1 < *before.L1Applied || l1 > *after.L1Applied:
		t.Errorf("L1 card %s, status said %v then %v", g.L1, before.L1Applied, after.L1Applied)
	case g.Live != "live":
		t.Errorf("live indicator %q", g.Live)
	}
	if resp, err := http.Get(node + "/v1/eon/next"); err != nil {
		t.Fatal(err)
	} else if resp.Body.Close(); (resp.StatusCode == http.StatusNotFound) != (g.Next == "none") {
		t.Errorf("next eon card %q, GET /v1/eon/next answers %d", g.Next, resp.StatusCode)
	}
	if b := after.Batches; b == nil || (b.Last == nil) != (g.Batch == "none yet") {
		t.Errorf("batch card %q, status says %+v", g.Batch, b)
	}
	var wantVals []string
	for _, v := range vals.Validators {
		health := "none"
		if k := v.KeyperHealth; k != nil && k.BadShares == 0 && k.Missing == 0 {
			health = "healthy"
		} else if k != nil {
			health = "degraded"
		}
		wantVals = append(wantVals, v.Address.String()+" "+strings.ToLower(v.Keyper.Hex())+" "+health)
	}
	if !slices.Equal(g.Validators, wantVals) || slices.ContainsFunc(wantVals, func(s string) bool { return strings.HasSuffix(s, " none") }) {
		t.Errorf("validators on the page %q, GET /v1/validators says %q (every devnet validator is a keyper)", g.Validators, wantVals)
	}

	png, err := chromedp.Run(browser, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	path := os.Getenv("VEIL_SCREENSHOT")
	if path == "" {
		path = filepath.Join(t.TempDir(), "statuspage.png")
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("status page screenshot: %s", path)
	fmt.Fprintf(os.Stderr, "status page screenshot: %s\n", path)

	mu.Lock()
	defer mu.Unlock()
	if len(pageErrors) > 0 {
		t.Errorf("the page logged errors: %q", pageErrors)
	}
}

// addr is an address as the API spells it (lowercase hex), "" for none.
func addr(a *common.Address) string {
	if a == nil {
		return ""
	}
	return strings.ToLower(a.Hex())
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func getJSON(t *testing.T, ctx context.Context, url string, v any) {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: status %d", url, resp.StatusCode)
	}
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
}

// startDevnet runs `veil devnet` (4 validators, 2 builders, load, the
// embedded L1, no rollup node) until the test ends, and returns node 0's API
// URL once devnet.json is written.
func startDevnet(t *testing.T, ctx context.Context, veil string) string {
	t.Helper()
	dir := t.TempDir()
	base := devnettest.FreePorts(t, 8) // four APIs, four keyper listeners
	netDir := devnettest.Start(t, ctx, veil, dir, "--http", fmt.Sprintf("127.0.0.1:%d", base),
		"--l1-http", "127.0.0.1:0", "--rollup-rpc", "", "--builders", "2", "--load", "2")
	var dn struct {
		Nodes []string `json:"nodes"`
	}
	devnettest.Read(t, netDir, &dn)
	if len(dn.Nodes) == 0 {
		t.Fatal("devnet.json lists no nodes")
	}
	return strings.TrimSuffix(dn.Nodes[0], "/")
}
