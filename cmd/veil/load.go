package main

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// loadWallet is one wallet of the devnet's load with its next nonce.
type loadWallet struct {
	key   *ecdsa.PrivateKey
	nonce uint64
	known bool // nonce read from the chain
}

// runLoad sends rate wallet transactions per second, each a transfer of 1
// wei signed for the rollup chain, sealed in an envelope and posted to the
// nodes in turn, from wallets round-robin. Every 10 s it prints one line
// of totals. A refused envelope makes its wallet read its nonce again.
func runLoad(ctx context.Context, w io.Writer, urls []string, keys []*ecdsa.PrivateKey, rate float64, log *slog.Logger) {
	if rate <= 0 || len(keys) == 0 {
		return
	}
	wallets := make([]*loadWallet, len(keys))
	for i, k := range keys {
		wallets[i] = &loadWallet{key: k}
	}
	clients := make([]*nodeClient, len(urls))
	for i, u := range urls {
		clients[i] = &nodeClient{base: u}
	}
	tick := time.NewTicker(time.Duration(float64(time.Second) / rate))
	defer tick.Stop()
	report := time.NewTicker(10 * time.Second)
	defer report.Stop()
	var sent, refused int
	var s *session
	var sp sendParams
	for i := 0; ; i++ {
		select {
		case <-ctx.Done():
			return
		case <-report.C:
			fmt.Fprintf(w, "load: %d sent, %d refused\n", sent, refused)
			continue
		case <-tick.C:
		}
		c := clients[i%len(clients)]
		wl := wallets[i%len(wallets)]
		var err error
		if s, err = c.session(ctx); err == nil && sp.minFee == nil {
			sp, err = c.sendParams(ctx)
		}
		if err == nil && !wl.known {
			wl.nonce, err = c.nextNonce(ctx, crypto.PubkeyToAddress(wl.key.PublicKey))
			wl.known = err == nil
		}
		if err == nil {
			var to common.Address
			to[19] = byte(i)
			e, serr := sealTx(s, sp, wl.key, wl.nonce, to, big.NewInt(1), nil, 21000)
			if err = serr; err == nil {
				_, err = c.submit(ctx, e, s.domain)
			}
		}
		if err != nil {
			if ctx.Err() != nil {
				return
			}
			refused++
			wl.known = false
			log.Warn("load: envelope refused", "node", c.base, "err", err)
			continue
		}
		wl.nonce++
		sent++
	}
}
