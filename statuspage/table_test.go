package statuspage_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/ethereum/go-ethereum/common"

	"github.com/veil-sequencer/veil/api/apitypes"
	"github.com/veil-sequencer/veil/statuspage"
)

// TestSlotsSettle opens the page in headless Chromium against a node's API
// played by the test, a node whose blocks carry no decryption time (no
// keyper, or the bundles no longer kept): the live table reads a slot
// until it is decrypted and never again, where it once read every slot
// with envelopes five more times.
func TestSlotsSettle(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Chromium")
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	browser := newBrowser(t, ctx)
	n := &fakeNode{reads: map[uint64]int{}}
	srv := httptest.NewServer(n.handler())
	t.Cleanup(srv.Close)

	if err := chromedp.Do(browser, chromedp.Navigate(srv.URL+"/")); err != nil {
		t.Fatal(err)
	}
	// Slot 3 is committed on its first two reads and decrypted after.
	if _, err := chromedp.Run(browser, chromedp.Poll[bool](
		`document.querySelector('#slots tr[data-slot="3"]')?.dataset.level === "decrypted"`,
		chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		t.Fatalf("slot 3 never shown decrypted: %v", err)
	}
	// Four more ticks read whatever they read: each reads the status,
	// then the slots it has not settled.
	ticks := n.statusReads() + 5
	for n.statusReads() < ticks {
		select {
		case <-ctx.Done():
			t.Fatalf("the page stopped reading the status (%d reads)", n.statusReads())
		case <-time.After(50 * time.Millisecond):
		}
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	for slot, want := range map[uint64]int{1: 1, 2: 1, 3: 3} {
		if got := n.reads[slot]; got != want {
			t.Errorf("slot %d read %d times, want %d (all reads: %v)", slot, got, want, n.reads)
		}
	}
}

// fakeNode is a node's public API as far as the page reads it, at height 3
// and not moving: slot 1 has an empty bundle, slots 2 and 3 one envelope
// each, slot 3 decrypted from its third read on; no block carries its
// decryption time.
type fakeNode struct {
	mu     sync.Mutex
	status int            // GET /v1/status reads
	reads  map[uint64]int // GET /v1/blocks/{slot} reads by slot
}

func (n *fakeNode) statusReads() int {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.status
}

func (n *fakeNode) handler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/", statuspage.Handler())
	reply := func(w http.ResponseWriter, v any) {
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(v)
	}
	mux.HandleFunc("GET /v1/status", func(w http.ResponseWriter, _ *http.Request) {
		n.mu.Lock()
		n.status++
		n.mu.Unlock()
		reply(w, apitypes.Status{ChainID: 1337, Height: 3, Eon: 1, BlockTimeMs: 500})
	})
	mux.HandleFunc("GET /v1/eon", func(w http.ResponseWriter, _ *http.Request) {
		reply(w, map[string]any{"eon": 1, "threshold": 1, "keypers": []any{map[string]any{"index": 1}}, "activationSlot": 1})
	})
	mux.HandleFunc("GET /v1/eon/next", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	mux.HandleFunc("GET /v1/validators", func(w http.ResponseWriter, _ *http.Request) {
		reply(w, apitypes.Validators{Validators: []apitypes.Validator{}})
	})
	mux.HandleFunc("GET /v1/blocks/{slot}", func(w http.ResponseWriter, r *http.Request) {
		slot, err := strconv.ParseUint(r.PathValue("slot"), 10, 64)
		if err != nil || slot == 0 || slot > 3 {
			http.NotFound(w, r)
			return
		}
		n.mu.Lock()
		n.reads[slot]++
		reads := n.reads[slot]
		n.mu.Unlock()
		b := apitypes.Block{Slot: slot, Level: apitypes.LevelDecrypted, Proposer: common.Address{1}.Bytes(), Time: time.Now(),
			Keys: []apitypes.BlockKey{}, Transactions: []apitypes.BlockTx{}}
		if slot > 1 {
			b.Keys = []apitypes.BlockKey{{Identity: common.Hash{byte(slot)}, Key: []byte{1}}}
			b.Transactions = []apitypes.BlockTx{{EnvelopeHash: common.Hash{byte(slot)}, Status: apitypes.LevelDecrypted}}
		}
		if slot == 3 && reads <= 2 {
			b.Level, b.Keys, b.Transactions[0].Status = apitypes.LevelCommitted, []apitypes.BlockKey{}, apitypes.LevelCommitted
		}
		reply(w, b)
	})
	return mux
}

// newBrowser is headless Chromium, for ctx and the test's life.
func newBrowser(t *testing.T, ctx context.Context) context.Context {
	t.Helper()
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		t.Fatal("no chromium on PATH: install Debian's package (apt-get install chromium); CI installs it")
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(ctx, append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		// This machine and CI have no outside network: nothing may try it.
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(filepath.Join(t.TempDir(), "chromium")),
		chromedp.WindowSize(1440, 1000),
	)...)
	t.Cleanup(cancelAlloc)
	browser, cancelBrowser := chromedp.NewContext(alloc)
	t.Cleanup(cancelBrowser)
	return browser
}
