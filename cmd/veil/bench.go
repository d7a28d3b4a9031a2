package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"math/big"
	"net/http"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/spf13/cobra"

	"github.com/veil-sequencer/veil/api/apitypes"
	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/envelope"
	"github.com/veil-sequencer/veil/mempool"
	"github.com/veil-sequencer/veil/threshold"
	"github.com/veil-sequencer/veil/wallet"
)

func newBenchCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "bench", Short: "Load generators for a running network", Args: cobra.NoArgs}
	var nodes, devnetFile string
	var rate float64
	var concurrency, perAccount int
	var duration time.Duration
	var separate bool
	ingest := &cobra.Command{
		Use:   "ingest --node URL[,URL…] --devnet FILE (--rate R | --concurrency C) --duration D",
		Short: "Submit pre-signed envelopes as fast as asked and report throughput, latency and rejections",
		Long: `Ingest pre-signs envelopes from the wallet accounts of a devnet.json (start the
devnet with enough --accounts: each account has at most 16 envelopes in
the pool), then posts them for --duration, each account's in nonce order to
one node (a node admits a sender's next nonce only), the accounts spread
over the nodes, either at a
fixed --rate (open loop) or with --concurrency requests in flight (closed
loop). It prints envelopes admitted per second, latency percentiles
(p50/p99/p999) of POST /v1/transactions, rejections by code, and the server
CPU per admitted envelope read from the nodes' process_cpu_seconds_total
(veil devnet runs every validator in one process, so that is the whole
network's CPU; with --separate each URL is its own veil node process and
their CPU is summed).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if (rate > 0) == (concurrency > 0) {
				return errors.New("give exactly one of --rate and --concurrency")
			}
			urls := strings.Split(nodes, ",")
			return runIngest(cmd.Context(), cmd.OutOrStdout(), urls, devnetFile, rate, concurrency, duration, perAccount, separate)
		},
	}
	ingest.Flags().StringVar(&nodes, "node", "http://127.0.0.1:8650", "node API base URLs, comma-separated")
	ingest.Flags().StringVar(&devnetFile, "devnet", "", "devnet.json with the funded accounts")
	ingest.Flags().Float64Var(&rate, "rate", 0, "envelopes per second (open loop)")
	ingest.Flags().IntVar(&concurrency, "concurrency", 0, "requests in flight (closed loop)")
	ingest.Flags().DurationVar(&duration, "duration", 10*time.Second, "how long to submit")
	ingest.Flags().IntVar(&perAccount, "per-account", 16, "envelopes pre-signed per account (≤ the sender cap)")
	ingest.Flags().BoolVar(&separate, "separate", false, "each --node is a separate veil node process: sum their CPU")
	_ = ingest.MarkFlagRequired("devnet")
	cmd.AddCommand(ingest, newBenchBidsCmd(), newBenchLoadCmd(), newBenchRollupCmd())
	return cmd
}

func newBenchBidsCmd() *cobra.Command {
	var nodes string
	cfg := bidsBench{}
	cmd := &cobra.Command{
		Use:   "bids --node URL[,URL…] --devnet FILE [--slots N] [--bundle E] [--per-slot B]",
		Short: "Fill every slot's bid limit as its window opens and report bid ingest",
		Long: `Bids pre-signs, from the builder accounts of a devnet.json, as many bids as
each of --slots upcoming slots admits (the network's bidsPerSlot, or
--per-slot, at most bidsPerBuilder per builder: start the devnet with enough
--accounts and with --builders 0, or the reference builders take part of
each slot). It signs from the last builder accounts, which the devnet's
reference builders do not use. Each bid
seals a bundle of --bundle random envelope hashes, never admitted, which
the auction drops without a fine (protocol §5): every bid is opened and
judged in full, and the slot orders the pool as if no builder had bid. The
bids' values and penalties move money: run it on a throwaway devnet.

A slot's bids are posted, round-robin over the nodes, as soon as the slot
enters the bid window [height+2, height+K+1]. The report gives the latency
percentiles of POST /v1/bids, rejections by code, the sustained rate (bounded
by the chain: one slot's worth of bids per block) and the ingest rate while
bids were in flight (how fast the nodes take a burst).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if cfg.slots < 1 || cfg.bundle < 0 || cfg.concurrency < 1 || cfg.perSlot < 0 {
				return errors.New("--slots and --concurrency must be positive, --bundle and --per-slot not negative")
			}
			cfg.urls = strings.Split(nodes, ",")
			return runBids(cmd.Context(), cmd.OutOrStdout(), cfg)
		},
	}
	cmd.Flags().StringVar(&nodes, "node", "http://127.0.0.1:8650", "node API base URLs, comma-separated")
	cmd.Flags().StringVar(&cfg.devnet, "devnet", "", "devnet.json with the builder accounts")
	cmd.Flags().IntVar(&cfg.slots, "slots", 20, "slots to bid for")
	cmd.Flags().IntVar(&cfg.bundle, "bundle", 1000, "envelope hashes in each bid's sealed bundle")
	cmd.Flags().IntVar(&cfg.concurrency, "concurrency", 64, "builders posting at once (each posts its bids for a slot in seq order)")
	cmd.Flags().IntVar(&cfg.perSlot, "per-slot", 0, "bids per slot (default: the network's bidsPerSlot)")
	_ = cmd.MarkFlagRequired("devnet")
	return cmd
}

type ingestResult struct {
	latency time.Duration
	code    string // "" if admitted
}

func runIngest(ctx context.Context, w io.Writer, urls []string, devnetPath string, rate float64, conc int, d time.Duration, perAccount int, separate bool) error {
	b, err := os.ReadFile(devnetPath)
	if err != nil {
		return fmt.Errorf("--devnet: %w", err)
	}
	var dn struct {
		Accounts   []devAccount      `json:"accounts"`
		Validators []json.RawMessage `json:"validators"`
	}
	if err := json.Unmarshal(b, &dn); err != nil {
		return fmt.Errorf("--devnet: %w", err)
	}
	c := &wallet.Client{Base: strings.TrimRight(urls[0], "/")}
	s, err := c.Session(ctx)
	if err != nil {
		return err
	}

	// Pre-sign: round-robin over accounts by nonce, so each account's nonces
	// go out in order.
	var wallets []devAccount
	for _, a := range dn.Accounts {
		if a.Role == "wallet" {
			k, err := crypto.ToECDSA(common.FromHex(a.PrivateKey))
			if err != nil {
				return err
			}
			a.key = k
			wallets = append(wallets, a)
		}
	}
	next := make([]uint64, len(wallets))
	for i, a := range wallets {
		if next[i], err = c.NextNonce(ctx, a.Address); err != nil {
			return err
		}
	}
	total := len(wallets) * perAccount
	fmt.Fprintf(w, "pre-signing %d envelopes from %d accounts…\n", total, len(wallets))
	bodies := make([][]byte, total)
	var wg sync.WaitGroup
	errs := make(chan error, runtime.GOMAXPROCS(0))
	for part := range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := part; i < total; i += runtime.GOMAXPROCS(0) {
				acct, round := i%len(wallets), i/len(wallets)
				a := wallets[acct]
				e := &envelope.Envelope{ChainID: s.ChainID, Eon: s.Eon.Eon, Sender: a.Address, Nonce: next[acct] + uint64(round),
					MaxFeePerGas: big.NewInt(1), ValidUntilSlot: s.Height + 250}
				if _, err := rand.Read(e.IdentityPrefix[:]); err != nil {
					errs <- err
					return
				}
				ct, err := threshold.Encrypt(nil, make([]byte, 120), s.Eon.PublicKey, e.Identity().Point())
				if err != nil {
					errs <- err
					return
				}
				e.Ciphertext = ct.Bytes()
				e.GasLimit = mempool.BaseGas + mempool.GasPerByte*uint64(len(e.Ciphertext))
				if err := e.Sign(s.Domain, a.key); err != nil {
					errs <- err
					return
				}
				bodies[i] = e.EncodeCanonical()
			}
		})
	}
	wg.Wait()
	close(errs)
	if err := <-errs; err != nil {
		return err
	}

	floor, floorErr := admissionFloor(bodies[0]) // before the load, on an idle machine
	cpuBefore := serverCPU(ctx, urls, separate)
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 256}, Timeout: 10 * time.Second}
	results := make(chan ingestResult, total)
	workers := conc
	if rate > 0 {
		workers = 256
	}
	// A node admits a sender's next nonce only (counting what it holds
	// pending), so each account's envelopes go to one node, in order, from
	// one worker: worker k owns the accounts k, k+workers, ….
	workers = min(workers, len(wallets))
	jobs := make([]chan int, workers)
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	for k := range jobs {
		jobs[k] = make(chan int, 1)
		wg.Go(func() {
			for i := range jobs[k] {
				acct := i % len(wallets)
				results <- post(client, urls[acct%len(urls)], "/v1/transactions", bodies[i])
			}
		})
	}
	start := time.Now()
	sent := 0
	var tick <-chan time.Time
	if rate > 0 {
		t := time.NewTicker(time.Duration(float64(time.Second) / rate))
		defer t.Stop()
		tick = t.C
	}
loop:
	for sent < total {
		if tick != nil {
			select {
			case <-tick:
			case <-ctx.Done():
				break loop
			}
		}
		select {
		case jobs[(sent%len(wallets))%workers] <- sent:
			sent++
		case <-ctx.Done():
			break loop
		}
	}
	for _, j := range jobs {
		close(j)
	}
	wg.Wait()
	elapsed := time.Since(start)
	close(results)
	cpuAfter := serverCPU(context.Background(), urls, separate)

	var all []ingestResult
	for r := range results {
		all = append(all, r)
	}
	fmt.Fprintf(w, "sent %d in %v\n", len(all), elapsed.Round(time.Millisecond))
	admitted, _ := report(w, all)
	fmt.Fprintf(w, "admitted %.0f/s\n", float64(admitted)/elapsed.Seconds())
	if cpuBefore >= 0 && cpuAfter >= 0 && admitted > 0 {
		perEnv := (cpuAfter - cpuBefore) / float64(admitted) * 1e6
		what := "whole devnet process"
		if separate {
			what = fmt.Sprintf("all %d node processes", len(urls))
		}
		fmt.Fprintf(w, "server CPU %.2f s, %.0f µs per admitted envelope (%s)\n", cpuAfter-cpuBefore, perEnv, what)
		if floorErr == nil && len(dn.Validators) > 0 {
			perNode := perEnv / float64(len(dn.Validators))
			fmt.Fprintf(w, "floor ecrecover + G2 decode (subgroup check) + EIP-712 digest %.1f µs of thread CPU; per validator %.0f µs = %.2f × floor (whole network %.2f ×)\n",
				floor, perNode, perNode/floor, perEnv/floor)
			printTargets(w, []benchTarget{{"CPU per admitted envelope per validator ≤ 1.5 × floor (×)", perNode / floor, 1.5}})
		}
	}
	if sent < total && rate == 0 {
		fmt.Fprintf(w, "note: %d pre-signed envelopes were not needed\n", total-sent)
	}
	if sent == total && ctx.Err() == nil {
		fmt.Fprintln(w, "note: ran out of pre-signed envelopes before --duration; start the devnet with more --accounts")
	}
	return nil
}

// admissionFloor measures, in µs of CPU on this machine, the cryptographic
// floor of admitting one envelope: recovering its signer and decoding its
// ciphertext's G2 point with the subgroup check.
func admissionFloor(body []byte) (float64, error) {
	e, err := envelope.DecodeCanonical(body)
	if err != nil {
		return 0, err
	}
	sig := bytes.Clone(e.Signature)
	if sig[64] >= 27 {
		sig[64] -= 27
	}
	digest := crypto.Keccak256([]byte("admission floor")) // any digest recovers some key
	c1 := e.Ciphertext[1 : 1+threshold.G2Size]
	const n = 2000
	// Thread CPU time, not wall time: the devnet may share the machine.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	start, err := threadCPU()
	if err != nil {
		return 0, err
	}
	var d eip712.Domain
	for range n {
		if _, err := crypto.Ecrecover(digest, sig); err != nil {
			return 0, err
		}
		if _, err := threshold.ParseEonPublicKey(c1); err != nil { // a G2 decode with subgroup check
			return 0, err
		}
		_ = e.Hash(d) // the EIP-712 digest
	}
	end, err := threadCPU()
	if err != nil {
		return 0, err
	}
	return float64((end - start).Microseconds()) / n, nil
}

// threadCPU is the calling OS thread's CPU time (user and system).
func threadCPU() (time.Duration, error) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(rusageThread, &ru); err != nil {
		return 0, fmt.Errorf("getrusage: %w", err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), nil
}

// rusageThread is Linux's RUSAGE_THREAD.
const rusageThread = 1

// report prints how many requests were admitted, their latency
// percentiles and the rejections by code; it returns the admitted count.
// percentile is the p-quantile (0–1) of sorted durations, 0 for none.
func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	return sorted[min(len(sorted)-1, int(p*float64(len(sorted))))]
}

func report(w io.Writer, results []ingestResult) (int, time.Duration) {
	lat := make([]time.Duration, 0, len(results))
	byCode := map[string]int{}
	admitted := 0
	for _, r := range results {
		lat = append(lat, r.latency)
		if r.code == "" {
			admitted++
		} else {
			byCode[r.code]++
		}
	}
	slices.Sort(lat)
	pct := func(p float64) time.Duration { return percentile(lat, p).Round(10 * time.Microsecond) }
	fmt.Fprintf(w, "admitted %d of %d\n", admitted, len(results))
	fmt.Fprintf(w, "latency p50 %v  p99 %v  p999 %v\n", pct(0.5), pct(0.99), pct(0.999))
	codes := slices.Sorted(maps.Keys(byCode))
	for _, c := range codes {
		fmt.Fprintf(w, "rejected %-22s %d\n", c, byCode[c])
	}
	return admitted, pct(0.99)
}

func post(client *http.Client, url, path string, body []byte) ingestResult {
	start := time.Now()
	resp, err := client.Post(url+path, "application/json", bytes.NewReader(body))
	if err != nil {
		return ingestResult{latency: time.Since(start), code: "transport"}
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	r := ingestResult{latency: time.Since(start)}
	if resp.StatusCode != http.StatusAccepted {
		var e apitypes.ErrorBody
		_ = json.Unmarshal(b, &e)
		r.code = e.Error.Code
		if r.code == "" {
			r.code = resp.Status
		}
	}
	return r
}

// serverCPU reads process_cpu_seconds_total from the first node's metrics,
// every devnet validator sharing that process, or with separate the sum
// over every node's (-1 if any is unavailable).
func serverCPU(ctx context.Context, urls []string, separate bool) float64 {
	if !separate {
		urls = urls[:1]
	}
	total := 0.0
	for _, u := range urls {
		v := processCPU(ctx, u)
		if v < 0 {
			return -1
		}
		total += v
	}
	return total
}

// processCPU is one node process's process_cpu_seconds_total, -1 if
// unavailable.
func processCPU(ctx context.Context, url string) float64 {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimRight(url, "/")+"/metrics", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return -1
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "process_cpu_seconds_total "); ok {
			f, err := strconv.ParseFloat(v, 64)
			if err == nil {
				return f
			}
		}
	}
	return -1
}
