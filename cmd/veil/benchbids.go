package main

import (
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/veil-sequencer/veil/api/apitypes"
	"github.com/veil-sequencer/veil/auction"
	"github.com/veil-sequencer/veil/builder"
	"github.com/veil-sequencer/veil/wallet"
)

// bidsBench configures veil bench bids.
type bidsBench struct {
	urls        []string
	devnet      string
	bundle      int // envelopes per bid
	slots       int // slots to bid for
	concurrency int
	perSlot     int // bids per slot; 0 is the network's limit
}

// bidJob is one builder's bids for one slot, posted in seq order: a bid
// with a lower seq arriving second would be refused (seq_too_low).
type bidJob struct {
	slot    uint64
	builder int
	bodies  [][]byte
}

// runBids fills every slot's bid limit as soon as the slot's bid window
// opens ([height+2, height+K+1]) and reports what the nodes admitted.
// The chain opens one slot of bids per block, so the sustained rate is
// bounded by the per-slot limit; the ingest rate the nodes manage shows
// while bids are in flight, which the report gives separately.
func runBids(ctx context.Context, w io.Writer, cfg bidsBench) error {
	raw, err := os.ReadFile(cfg.devnet)
	if err != nil {
		return fmt.Errorf("--devnet: %w", err)
	}
	var dn struct {
		BlockTimeMs int64        `json:"blockTimeMs"`
		Accounts    []devAccount `json:"accounts"`
	}
	if err := json.Unmarshal(raw, &dn); err != nil {
		return fmt.Errorf("--devnet: %w", err)
	}
	// The last builder accounts first: a devnet's reference builders run
	// from the first ones, and sharing one would collide on seq.
	var builders []*ecdsa.PrivateKey
	for _, a := range slices.Backward(dn.Accounts) {
		if a.Role == "builder" {
			k, err := crypto.ToECDSA(common.FromHex(a.PrivateKey))
			if err != nil {
				return fmt.Errorf("--devnet: builder %s: %w", a.Address, err)
			}
			builders = append(builders, k)
		}
	}
	c := &wallet.Client{Base: strings.TrimRight(cfg.urls[0], "/")}
	s, err := c.Session(ctx)
	if err != nil {
		return err
	}
	var p apitypes.Params
	if err := c.Get(ctx, "/v1/params", &p); err != nil {
		return err
	}
	reserve := p.Reserve.Int
	if reserve == nil || p.K == 0 || p.BidsPerBuilder == 0 {
		return fmt.Errorf("node's /v1/params: no bid rules (%+v)", p)
	}
	perSlot := p.BidsPerSlot
	if cfg.perSlot > 0 {
		perSlot = min(perSlot, cfg.perSlot)
	}
	if need := (perSlot + p.BidsPerBuilder - 1) / p.BidsPerBuilder; len(builders) < need {
		return fmt.Errorf("--devnet: %d builder accounts, %d needed for %d bids per slot at %d per builder (start the devnet with more --accounts)",
			len(builders), need, perSlot, p.BidsPerBuilder)
	}

	// Sealing a 1,000-envelope bid takes about a millisecond: time a few,
	// then pre-sign far enough ahead that the first slot's window has not
	// passed when signing ends.
	bundle := make([]auction.Queued, cfg.bundle)
	for i := range bundle {
		if _, err := rand.Read(bundle[i].Hash[:]); err != nil {
			return err
		}
	}
	seal := func(slot uint64, i int) ([]byte, error) {
		b, err := builder.Seal(nil, builders[i%len(builders)], s.Domain, s.Eon.PublicKey, s.Eon.Eon, slot, uint64(i/len(builders)+1),
			new(big.Int).Add(reserve, big.NewInt(int64(i))), bundle)
		if err != nil {
			return nil, err
		}
		return b.EncodeCanonical(), nil
	}
	sample, err := seal(s.Height+2, 0) // warms the eon key's tables
	if err != nil {
		return err
	}
	t0 := time.Now()
	for i := range 4 {
		if _, err := seal(s.Height+2, i); err != nil {
			return err
		}
	}
	perSeal := time.Since(t0) / 4
	total := cfg.slots * perSlot
	signTime := perSeal * time.Duration(total) / time.Duration(runtime.GOMAXPROCS(0))
	blockTime := time.Duration(dn.BlockTimeMs) * time.Millisecond
	if blockTime <= 0 {
		blockTime = 500 * time.Millisecond
	}
	first := s.Height + p.K + 2 + uint64(signTime*3/2/blockTime)
	fmt.Fprintf(w, "pre-signing %d bids (%d slots from %d, %d per slot, %d-envelope bundles, %d-byte bodies) from %d builders…\n",
		total, cfg.slots, first, perSlot, cfg.bundle, len(sample), len(builders))
	nb := min(len(builders), perSlot) // builders bidding per slot
	jobs := make([]bidJob, 0, cfg.slots*nb)
	for k := range cfg.slots {
		for b := range nb {
			jobs = append(jobs, bidJob{slot: first + uint64(k), builder: b})
		}
	}
	var wg sync.WaitGroup
	errs := make(chan error, len(jobs))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for j := range jobs {
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			for i := jobs[j].builder; i < perSlot; i += len(builders) {
				body, err := seal(jobs[j].slot, i)
				if err != nil {
					errs <- err
					return
				}
				jobs[j].bodies = append(jobs[j].bodies, body)
			}
		})
	}
	wg.Wait()
	close(errs)
	if err := <-errs; err != nil {
		return err
	}

	cpuBefore := serverCPU(ctx, cfg.urls, false)
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 256}, Timeout: 10 * time.Second}
	results := make(chan ingestResult, total)
	work := make(chan bidJob)
	var busy inFlight
	for range cfg.concurrency {
		wg.Go(func() {
			for j := range work {
				for _, body := range j.bodies {
					busy.add(1)
					r := post(client, cfg.urls[int(j.slot)%len(cfg.urls)], "/v1/bids", body)
					busy.add(-1)
					results <- r
				}
			}
		})
	}
	start := time.Now()
	missed := 0
	next := 0 // first job not sent
	for next < len(jobs) && ctx.Err() == nil {
		var st apitypes.Status
		if err := c.Get(ctx, "/v1/status", &st); err != nil {
			close(work)
			wg.Wait()
			return err
		}
		// A slot one block inside the window's far end: a node a block
		// behind the one asked would refuse it.
		for next < len(jobs) && jobs[next].slot <= st.Height+p.K {
			if jobs[next].slot < st.Height+2 {
				missed += len(jobs[next].bodies)
			} else {
				work <- jobs[next]
			}
			next++
		}
		select {
		case <-ctx.Done():
		case <-time.After(20 * time.Millisecond):
		}
	}
	close(work)
	wg.Wait()
	elapsed := time.Since(start)
	close(results)
	cpuAfter := serverCPU(context.Background(), cfg.urls, false)

	var all []ingestResult
	for r := range results {
		all = append(all, r)
	}
	admitted, p99 := report(w, all)
	fmt.Fprintf(w, "sustained: %.0f bids/s admitted over %v (the chain opens %d bids per slot, one slot per %v block)\n",
		float64(admitted)/elapsed.Seconds(), elapsed.Round(time.Millisecond), perSlot, blockTime)
	if b := busy.total(); b > 0 {
		fmt.Fprintf(w, "ingest: %.0f bids/s admitted while bids were in flight (%v of the run)\n", float64(admitted)/b.Seconds(), b.Round(time.Millisecond))
	}
	if missed > 0 {
		fmt.Fprintf(w, "note: %d pre-signed bids were for slots whose window had closed before the run reached them\n", missed)
	}
	if cpuBefore >= 0 && cpuAfter >= 0 && admitted > 0 {
		fmt.Fprintf(w, "server CPU %.2f s, %.0f µs per admitted bid (whole devnet process, auctions included)\n",
			cpuAfter-cpuBefore, (cpuAfter-cpuBefore)/float64(admitted)*1e6)
	}
	if b := busy.total(); b > 0 && admitted > 0 {
		printTargets(w, []benchTarget{
			{"POST /v1/bids p99 ≤ 50 ms (ms)", float64(p99) / float64(time.Millisecond), 50},
			{"bids/s admitted while in flight ≥ 500 (shown as 500 ÷ rate)", 500 / (float64(admitted) / b.Seconds()), 1},
		})
	}
	return nil
}

// inFlight measures how long at least one request was in flight.
type inFlight struct {
	mu    sync.Mutex
	n     int
	since time.Time
	busy  time.Duration
}

func (f *inFlight) add(d int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.n == 0 && d > 0 {
		f.since = time.Now()
	}
	f.n += d
	if f.n == 0 {
		f.busy += time.Since(f.since)
	}
}

func (f *inFlight) total() time.Duration {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.busy
}
