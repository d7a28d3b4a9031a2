package main

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/spf13/cobra"

	"github.com/veil-sequencer/veil/api/apitypes"
	"github.com/veil-sequencer/veil/client"
	"github.com/veil-sequencer/veil/envelope"
	"github.com/veil-sequencer/veil/threshold"
	"github.com/veil-sequencer/veil/wallet"
)

type loadBench struct {
	urls     []string
	devnet   string
	rate     float64
	duration time.Duration
	drain    time.Duration
	workers  int
	preseal  bool
}

func newBenchLoadCmd() *cobra.Command {
	var nodes string
	cfg := loadBench{}
	cmd := &cobra.Command{
		Use:   "load --node URL[,URL…] --devnet FILE --rate R --duration D",
		Short: "Send wallet transactions at a steady rate and report submit → decrypted latency per stage",
		Long: `Load sends --rate wallet transactions per second for --duration (1-wei
transfers signed for the rollup chain, each sealed in an envelope as a wallet
would, from the wallet accounts of a devnet.json but the first, posted to the
nodes in turn) while following the first node's block feed. For every
admitted envelope it times three stages: submit → accepted (the node's 202),
accepted → ordered (the committed event of the block whose bundle holds it)
and ordered → decrypted (the decrypted event), and reports p50, p99 and max
of each and of the whole, with the block intervals seen. After --duration
it waits up to --drain for the last envelopes to be decrypted.

Sealing costs a pairing per envelope on this machine's cores, like the
nodes: give the devnet enough --accounts (each wallet has 16 envelopes in
flight at most) and compare the rate sent with the rate asked. --preseal
seals every envelope before the clock starts, on all cores, as wallets
would on their own machines, so the load takes only the posting from the
nodes' cores; the run must then fit the envelopes' validity
(maxValiditySlots).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if cfg.rate <= 0 || cfg.duration <= 0 || cfg.workers < 1 {
				return errors.New("--rate, --duration and --workers must be positive")
			}
			cfg.urls = strings.Split(nodes, ",")
			return runLoadBench(cmd.Context(), cmd.OutOrStdout(), cfg)
		},
	}
	cmd.Flags().StringVar(&nodes, "node", "http://127.0.0.1:8650", "node API base URLs, comma-separated (the first one's feed is followed)")
	cmd.Flags().StringVar(&cfg.devnet, "devnet", "", "devnet.json with the funded accounts")
	cmd.Flags().Float64Var(&cfg.rate, "rate", 100, "transactions per second")
	cmd.Flags().DurationVar(&cfg.duration, "duration", 30*time.Second, "how long to send")
	cmd.Flags().DurationVar(&cfg.drain, "drain", 15*time.Second, "how long to wait afterwards for the last decryptions")
	cmd.Flags().IntVar(&cfg.workers, "workers", 32, "envelopes sealed and posted in parallel")
	cmd.Flags().BoolVar(&cfg.preseal, "preseal", false, "seal every envelope before the load starts")
	_ = cmd.MarkFlagRequired("devnet")
	return cmd
}

// tracked is one envelope's way through the stages.
type tracked struct {
	start, accepted, ordered, decrypted time.Time
	status                              string // decrypted or invalid, once known
}

// tracker joins the load's submissions with the feed's events by envelope
// hash (an event may come first: it creates the entry).
type tracker struct {
	mu     sync.Mutex
	txs    map[common.Hash]*tracked
	blocks []time.Time // when each committed event was read
}

func (t *tracker) entry(h common.Hash) *tracked {
	e := t.txs[h]
	if e == nil {
		e = &tracked{}
		t.txs[h] = e
	}
	return e
}

func (t *tracker) sent(h common.Hash, start, accepted time.Time) {
	t.mu.Lock()
	defer t.mu.Unlock()
	e := t.entry(h)
	e.start, e.accepted = start, accepted
}

// event records a feed event read at now.
func (t *tracker) event(level string, b *feedBlock, now time.Time) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if level == apitypes.LevelCommitted {
		t.blocks = append(t.blocks, now)
	}
	for _, x := range b.Transactions {
		e := t.entry(x.EnvelopeHash)
		if level == apitypes.LevelCommitted {
			e.ordered = now
		} else {
			e.decrypted, e.status = now, x.Status
		}
	}
}

// open counts submitted envelopes not yet decrypted.
func (t *tracker) open() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	n := 0
	for _, e := range t.txs {
		if !e.start.IsZero() && e.decrypted.IsZero() {
			n++
		}
	}
	return n
}

// feedBlock is the part of a feed event the tracker reads (not
// apitypes.Block: decoding and checking every envelope of every block would
// spend the benchmark's CPU on the reader, not the network it measures).
type feedBlock struct {
	Slot         uint64 `json:"slot"`
	Transactions []struct {
		EnvelopeHash common.Hash `json:"envelopeHash"`
		Status       string      `json:"status"`
	} `json:"transactions"`
}

func runLoadBench(ctx context.Context, w io.Writer, cfg loadBench) error {
	b, err := os.ReadFile(cfg.devnet)
	if err != nil {
		return fmt.Errorf("--devnet: %w", err)
	}
	var dn devnetFile
	if err := json.Unmarshal(b, &dn); err != nil {
		return fmt.Errorf("--devnet: %w", err)
	}
	// The rollup's relay accounts are left alone: their envelopes are the
	// relay's, and a load on them would take its nonces and sender cap.
	relay := map[common.Address]bool{}
	if dn.Rollup != nil {
		for _, a := range dn.Rollup.Relays {
			relay[a] = true
		}
	}
	var keys []*ecdsa.PrivateKey
	for _, a := range dn.Accounts {
		if a.Role == "wallet" && !relay[a.Address] {
			k, err := crypto.ToECDSA(common.FromHex(a.PrivateKey))
			if err != nil {
				return fmt.Errorf("--devnet: account %s: %w", a.Address, err)
			}
			keys = append(keys, k)
		}
	}
	if len(keys) < 2 {
		return fmt.Errorf("--devnet: %d wallet accounts, want 2 or more (the first is left alone)", len(keys))
	}
	// A network just started may not answer yet.
	ready, cancel := context.WithTimeout(ctx, time.Minute)
	err = waitReady(ready, cfg.urls[:1])
	cancel()
	if err != nil {
		return fmt.Errorf("%s not ready: %w", cfg.urls[0], err)
	}
	c := &wallet.Client{Base: strings.TrimRight(cfg.urls[0], "/")}
	s, err := c.Session(ctx)
	if err != nil {
		return err
	}
	lc := loadConfig{urls: cfg.urls, keys: keys[1:], rate: cfg.rate, workers: cfg.workers}
	if cfg.preseal {
		if lc.sealed, lc.nonces, err = preseal(ctx, w, c, s, lc.keys, cfg, time.Duration(dn.BlockTimeMs)*time.Millisecond); err != nil {
			return err
		}
		if s, err = c.Session(ctx); err != nil { // follow from now, not from before the sealing
			return err
		}
	}
	tr := &tracker{txs: make(map[common.Hash]*tracked)}
	lc.sent = tr.sent
	followCtx, stopFollow := context.WithCancel(ctx)
	defer stopFollow()
	var follow sync.WaitGroup
	follow.Go(func() { followFeed(followCtx, cfg.urls, s.Height+1, tr) })

	fmt.Fprintf(w, "load: %.0f tx/s for %v from %d wallets, %d workers; following %s from slot %d\n", cfg.rate, cfg.duration, len(keys)-1, min(cfg.workers, len(keys)-1), cfg.urls[0], s.Height+1)
	loadCtx, stopLoad := context.WithTimeout(ctx, cfg.duration)
	begin := time.Now()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	runLoad(loadCtx, w, lc, log)
	stopLoad()
	sentFor := time.Since(begin)
	deadline := time.Now().Add(cfg.drain)
	for tr.open() > 0 && time.Now().Before(deadline) && ctx.Err() == nil {
		time.Sleep(100 * time.Millisecond)
	}
	stopFollow()
	follow.Wait()
	return tr.report(w, sentFor, time.Duration(dn.BlockTimeMs)*time.Millisecond)
}

// preseal seals, on every core, each wallet's share of the run's envelopes
// (rate × duration over the wallets, one spare each) from its next nonce
// on, valid for the run and 64 slots more; it refuses a run longer than
// the network lets an envelope stay valid.
func preseal(ctx context.Context, w io.Writer, c *wallet.Client, s *wallet.Session, keys []*ecdsa.PrivateKey, cfg loadBench, slot time.Duration) ([][]*envelope.Envelope, []uint64, error) {
	sp, err := c.Params(ctx)
	if err != nil {
		return nil, nil, err
	}
	if slot <= 0 {
		slot = time.Second
	}
	// The run, and 64 slots for the sealing itself and the queue.
	sp.ValidFor = uint64(cfg.duration/slot) + 64
	if sp.ValidFor > sp.MaxValidity {
		return nil, nil, fmt.Errorf("--preseal: --duration %v outlasts an envelope's validity (%d slots of %v, 64 kept for sealing and queueing)", cfg.duration, sp.MaxValidity, slot)
	}
	per := int(math.Ceil(cfg.rate*cfg.duration.Seconds()/float64(len(keys)))) + 1
	fmt.Fprintf(w, "load: sealing %d envelopes ahead (%d per wallet)…\n", per*len(keys), per)
	start := time.Now()
	sealed := make([][]*envelope.Envelope, len(keys))
	nonces := make([]uint64, len(keys))
	errs := make([]error, len(keys))
	for i, k := range keys { // the API first: sealing then has the cores to itself
		if nonces[i], err = c.NextNonce(ctx, crypto.PubkeyToAddress(k.PublicKey)); err != nil {
			return nil, nil, err
		}
	}
	threshold.Parallel(len(keys), func(i int) {
		for n := range per {
			e, err := sealTransfer(s, sp, keys[i], nonces[i]+uint64(n), n)
			if err != nil {
				errs[i] = err
				return
			}
			sealed[i] = append(sealed[i], e)
		}
	})
	if err := errors.Join(errs...); err != nil {
		return nil, nil, fmt.Errorf("--preseal: %w", err)
	}
	fmt.Fprintf(w, "load: sealed in %v\n", time.Since(start).Round(time.Millisecond))
	return sealed, nonces, nil
}

// followFeed reads committed and decrypted events from the first node,
// moving to the next node and resuming from the last event if a
// connection fails, until ctx ends.
func followFeed(ctx context.Context, urls []string, from uint64, tr *tracker) {
	last := ""
	for i := 0; ctx.Err() == nil; i++ {
		err := readFeed(ctx, urls[i%len(urls)], from, &last, tr)
		if ctx.Err() == nil {
			slog.Debug("feed dropped", "err", err)
			time.Sleep(200 * time.Millisecond)
		}
	}
}

func readFeed(ctx context.Context, base string, from uint64, last *string, tr *tracker) error {
	return client.ReadFeed(ctx, http.DefaultClient, base, from, *last, func(id, event string, data []byte) error {
		var b feedBlock
		if err := json.Unmarshal(data, &b); err != nil {
			return fmt.Errorf("feed event %s: %w", id, err)
		}
		tr.event(event, &b, time.Now())
		*last = id
		return nil
	})
}

// report prints the rate achieved, each stage's percentiles and, with the
// slot time known, issue 17's latency targets: submit → decrypted p50 ≤ 2
// slots + 150 ms and p99 ≤ 3 slots + 300 ms.
func (t *tracker) report(w io.Writer, sentFor, slot time.Duration) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	var accept, order, decrypt, total []time.Duration
	sent, decrypted, invalid := 0, 0, 0
	for _, e := range t.txs {
		if e.start.IsZero() {
			continue // another sender's envelope
		}
		sent++
		accept = append(accept, e.accepted.Sub(e.start))
		if !e.ordered.IsZero() {
			order = append(order, e.ordered.Sub(e.accepted))
		}
		if !e.decrypted.IsZero() && !e.ordered.IsZero() {
			decrypt = append(decrypt, e.decrypted.Sub(e.ordered))
			total = append(total, e.decrypted.Sub(e.start))
			if e.status == "decrypted" {
				decrypted++
			} else {
				invalid++
			}
		}
	}
	var gaps []time.Duration
	for i := 1; i < len(t.blocks); i++ {
		gaps = append(gaps, t.blocks[i].Sub(t.blocks[i-1]))
	}
	fmt.Fprintf(w, "sent %d admitted envelopes in %v (%.1f tx/s); decrypted %d, invalid %d, not decrypted in time %d\n",
		sent, sentFor.Round(time.Millisecond), float64(sent)/sentFor.Seconds(), decrypted, invalid, sent-decrypted-invalid)
	fmt.Fprintf(w, "%-34s %9s %9s %9s %7s\n", "stage", "p50", "p99", "max", "n")
	for _, row := range []struct {
		name string
		d    []time.Duration
	}{
		{"submit → accepted (202)", accept},
		{"accepted → ordered (committed)", order},
		{"ordered → decrypted", decrypt},
		{"submit → decrypted", total},
		{"block interval (feed)", gaps},
	} {
		slices.Sort(row.d)
		q := func(p float64) string {
			if len(row.d) == 0 {
				return "-"
			}
			return percentile(row.d, p).Round(time.Millisecond).String()
		}
		fmt.Fprintf(w, "%-34s %9s %9s %9s %7d\n", row.name, q(0.5), q(0.99), q(1), len(row.d))
	}
	if sent == 0 {
		return errors.New("no envelope was admitted")
	}
	if slot > 0 && len(total) > 0 {
		ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
		printTargets(w, []benchTarget{
			{fmt.Sprintf("submit → decrypted p50 ≤ 2 slots + 150 ms (ms, %v slots)", slot), ms(percentile(total, 0.5)), ms(2*slot + 150*time.Millisecond)},
			{fmt.Sprintf("submit → decrypted p99 ≤ 3 slots + 300 ms (ms, %v slots)", slot), ms(percentile(total, 0.99)), ms(3*slot + 300*time.Millisecond)},
		})
	}
	return nil
}

// benchTarget is a performance goal a veil bench command checks: measured ≤
// limit, in the unit its name gives.
type benchTarget struct {
	what            string
	measured, limit float64
}

// printTargets prints targets as make bench's table does: measured, limit
// and the verdict.
func printTargets(w io.Writer, ts []benchTarget) {
	fmt.Fprintf(w, "\n%-58s %10s %10s  %s\n", "target", "measured", "limit", "")
	for _, t := range ts {
		verdict := "ok"
		if t.measured > t.limit {
			verdict = "MISSED"
		}
		fmt.Fprintf(w, "%-58s %10.1f %10.1f  %s\n", t.what, t.measured, t.limit, verdict)
	}
}
