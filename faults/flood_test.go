package faults

import (
	"bytes"
	"context"
	"crypto/rand"
	"io"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/veil-sequencer/veil/keyper"
)

// TestShareFlood: a peer floods POST /v1/p2p/shares on every node with
// garbage (random bytes, oversized bodies, well-formed messages signed by
// a key that is no keyper's, as fast as it can over 16 connections) while
// wallets send load. The chain keeps its block time and every envelope is
// decrypted.
func TestShareFlood(t *testing.T) {
	const blockTime = 500 * time.Millisecond
	nw := newNetwork(t, blockTime.String(), 16)
	nw.startAll()
	ld := nw.startLoad([]int{0, 1}, 10, 20*time.Second, 20*time.Second)
	time.Sleep(3 * time.Second)

	stranger, _ := crypto.GenerateKey()
	forged := &keyper.Message{ChainID: nw.devnet.ChainID, Eon: 1, Slot: nw.height(0) + 1, Keyper: 2, BidKeyShare: make([]byte, 48)}
	if err := forged.Sign(chainDomain(t, nw), stranger); err != nil {
		t.Fatal(err)
	}
	random := make([]byte, 300)
	_, _ = rand.Read(random)
	bodies := [][]byte{random, forged.Encode(), bytes.Repeat([]byte("{"), 2<<20), []byte(`{"chainId":1,"eon":`)}

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var sent, accepted atomic.Int64
	var flood sync.WaitGroup
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 16}}
	from := nw.height(0)
	start := time.Now()
	for g := range 16 {
		flood.Go(func() {
			for n := g; ctx.Err() == nil; n++ {
				req, _ := http.NewRequestWithContext(ctx, http.MethodPost, nw.keypers[n%4]+"/v1/p2p/shares", bytes.NewReader(bodies[n%len(bodies)]))
				resp, err := client.Do(req)
				if err != nil {
					continue
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				sent.Add(1)
				if resp.StatusCode < 400 {
					accepted.Add(1)
				}
			}
		})
	}
	flood.Wait()
	took := time.Since(start)
	to := nw.height(0)
	// The blocks committed during the flood, by their header times (BFT
	// time, from the validators' clocks).
	first, err := nw.block(0, from+1)
	if err != nil {
		t.Fatal(err)
	}
	last, err := nw.block(0, to)
	if err != nil {
		t.Fatal(err)
	}
	mean := last.Time.Sub(first.Time) / time.Duration(max(to-from-1, 1))
	t.Logf("flood: %d garbage requests in %v (%.0f/s), %d accepted; blocks %d–%d, %v apart on average",
		sent.Load(), took.Round(time.Millisecond), float64(sent.Load())/took.Seconds(), accepted.Load(), from+1, to, mean.Round(time.Millisecond))
	if accepted.Load() != 0 {
		t.Errorf("%d garbage requests accepted", accepted.Load())
	}
	// Unflooded, blocks here come every 505–510 ms (timeout_commit 450 ms
	// plus consensus); the flooder shares this machine's two cores.
	if limit := blockTime * 112 / 100; mean > limit || to-from < 15 {
		t.Errorf("the flood slowed the chain: %d blocks in %v, %v apart (limit %v)", to-from, took, mean, limit)
	}
	ld.decryptedAll(t, 150)
}
