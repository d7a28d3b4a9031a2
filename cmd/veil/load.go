package main

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/veil-sequencer/veil/envelope"
	"github.com/veil-sequencer/veil/wallet"
)

// loadConfig is a wallet load: rate transactions per second from keys
// (round-robin), posted to urls in turn by workers in parallel; each worker
// owns every workers-th wallet, so a wallet's nonces go out in order.
type loadConfig struct {
	urls    []string
	keys    []*ecdsa.PrivateKey
	rate    float64
	workers int
	// sent, if set, is told of every admitted envelope: its hash, when its
	// POST started and when the node answered 202.
	sent func(h common.Hash, start, accepted time.Time)
	// sealed, if set, holds envelopes sealed ahead for keys[i], from
	// nonces[i] on, in nonce order: posted before any is sealed on the fly.
	sealed [][]*envelope.Envelope
	nonces []uint64
}

// loadBacklog is how many ticks a load worker may be behind.
const loadBacklog = 8

// devnetLoadWorkers is the devnet's --load parallelism.
const devnetLoadWorkers = 8

// loadWallet is one wallet of the devnet's load with its next nonce.
type loadWallet struct {
	key    *ecdsa.PrivateKey
	nonce  uint64
	known  bool                 // nonce read from the chain
	sealed []*envelope.Envelope // sealed ahead, from nonce on
}

// runLoad sends rate wallet transactions per second, each a transfer of 1
// wei signed for the rollup chain, sealed in an envelope and posted to the
// nodes in turn, from wallets round-robin. Every 10 s it prints one line
// of totals. A refused envelope makes its wallet read its nonce again. A
// worker may fall behind by loadBacklog ticks (one slow POST must not cost
// the rate); a tick beyond that is counted as late, not queued.
func runLoad(ctx context.Context, w io.Writer, cfg loadConfig, log *slog.Logger) {
	urls, keys, rate := cfg.urls, cfg.keys, cfg.rate
	if rate <= 0 || len(keys) == 0 {
		return
	}
	var sent, refused, late atomic.Int64
	var wg sync.WaitGroup
	defer wg.Wait()
	workers := min(max(cfg.workers, 1), len(keys))
	ticks := make([]chan int, workers)
	for i := range ticks {
		ticks[i] = make(chan int, loadBacklog)
		var mine []*loadWallet
		for j := i; j < len(keys); j += workers {
			wl := &loadWallet{key: keys[j]}
			if j < len(cfg.sealed) {
				wl.sealed, wl.nonce, wl.known = cfg.sealed[j], cfg.nonces[j], true
			}
			mine = append(mine, wl)
		}
		c := &wallet.Client{Base: urls[i%len(urls)]}
		wg.Go(func() {
			var s *wallet.Session
			var sp wallet.Params
			var fresh time.Time
			for n := range ticks[i] {
				var err error
				if time.Since(fresh) > time.Second { // the height bounds validUntilSlot
					if s, err = c.Session(ctx); err == nil && sp.MinFee == nil {
						sp, err = c.Params(ctx)
					}
					if err == nil {
						fresh = time.Now()
					}
				}
				wl := mine[(n/workers)%len(mine)]
				if err == nil && !wl.known {
					wl.nonce, err = c.NextNonce(ctx, crypto.PubkeyToAddress(wl.key.PublicKey))
					wl.known = err == nil
				}
				if err == nil {
					var e *envelope.Envelope
					var serr error
					if len(wl.sealed) > 0 {
						e, wl.sealed = wl.sealed[0], wl.sealed[1:]
					} else {
						e, serr = sealTransfer(s, sp, wl.key, wl.nonce, n)
					}
					if err = serr; err == nil {
						start := time.Now()
						var h common.Hash
						if h, err = c.Submit(ctx, e, s.Domain); err == nil && cfg.sent != nil {
							cfg.sent(h, start, time.Now())
						}
					}
				}
				switch {
				case ctx.Err() != nil:
					return
				case err != nil:
					refused.Add(1)
					wl.known, wl.sealed = false, nil // the rest would skip a nonce
					fresh = time.Time{}
					log.Warn("load: envelope refused", "node", c.Base, "err", err)
				default:
					wl.nonce++
					sent.Add(1)
				}
			}
		})
	}
	defer func() {
		for _, t := range ticks {
			close(t)
		}
	}()
	tick := time.NewTicker(time.Duration(float64(time.Second) / rate))
	defer tick.Stop()
	report := time.NewTicker(10 * time.Second)
	defer report.Stop()
	for n := 0; ; {
		select {
		case <-ctx.Done():
			return
		case <-report.C:
			fmt.Fprintf(w, "load: %d sent, %d refused, %d late\n", sent.Load(), refused.Load(), late.Load())
		case <-tick.C:
			select {
			case ticks[n%workers] <- n:
			default:
				late.Add(1)
			}
			n++
		}
	}
}

// sealTransfer seals the load's transaction number n: 1 wei to an address
// that varies with n, from key at nonce.
func sealTransfer(s *wallet.Session, sp wallet.Params, key *ecdsa.PrivateKey, nonce uint64, n int) (*envelope.Envelope, error) {
	var to common.Address
	to[19] = byte(n)
	return sealTx(s, sp, key, nonce, to, big.NewInt(1), nil, 21000)
}
