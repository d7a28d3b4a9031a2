package node

import (
	"context"
	"encoding/json"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/veil-sequencer/veil/api/apitypes"
	"github.com/veil-sequencer/veil/decrypt"
	"github.com/veil-sequencer/veil/envelope"
	"github.com/veil-sequencer/veil/threshold"
)

// TestOldBlockDecryptedOnce reads a decrypted slot of a live network
// through a backend with no keyper (as for a slot older than the keyper
// keeps: decrypted from the keys on chain). Ten concurrent readers of the
// block and its feed event, then ten more one after another and the
// transaction itself, cost one decryption; while it is stuck, the feed
// serves other slots and the slot's committed event.
func TestOldBlockDecryptedOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("runs four validators")
	}
	tn := startNet(t)
	e := tn.envelope(tn.keys[0], 0, 1, nil)
	hash := e.Hash(tn.nw.Params().Domain)
	if code, out := tn.post(tn.urls[0], e.EncodeCanonical()); code != 202 {
		t.Fatalf("envelope: %d %v", code, out)
	}
	var slot uint64
	tn.waitFor("the envelope committed", func() bool {
		var tx struct{ Slot *uint64 }
		_, body := tn.get(tn.urls[0] + "/v1/transactions/" + hash.Hex())
		if json.Unmarshal(body, &tx) != nil || tx.Slot == nil {
			return false
		}
		slot = *tx.Slot
		return true
	})
	probe := NewBackend(tn.nw, tn.nodes[0])
	tn.waitFor("its keys on chain", func() bool {
		blk, err := probe.Block(t.Context(), slot)
		return err == nil && blk.Level == apitypes.LevelDecrypted
	})

	b := NewBackend(tn.nw, tn.nodes[0])
	var decryptions atomic.Int32
	release := make(chan struct{})
	b.feed.decrypt = func(ctx context.Context, envs []*envelope.Envelope, keys []*threshold.IdentityKey) ([]decrypt.Result, error) {
		decryptions.Add(1)
		<-release
		return decrypt.Bundle(ctx, envs, keys)
	}
	check := func(blk apitypes.Block, err error) {
		if err != nil || blk.Level != apitypes.LevelDecrypted || len(blk.Transactions) != 1 || string(blk.Transactions[0].Plaintext) != "rollup tx" {
			t.Errorf("slot %d: %+v %v", slot, blk, err)
		}
	}
	var wg sync.WaitGroup
	for range 10 {
		wg.Go(func() { check(b.Block(t.Context(), slot)) })
	}
	decryptedEvent := apitypes.FeedCursor{Slot: slot, Level: apitypes.LevelDecrypted}
	wg.Go(func() {
		data, err := b.FeedEvent(t.Context(), decryptedEvent)
		var blk apitypes.Block
		if err == nil {
			err = json.Unmarshal(data, &blk)
		}
		check(blk, err)
	})
	b.feed.init()
	waitWaiting(t, b.feed.reveals, slot, 10) // one decrypts: ten readers wait for it

	// Stuck in that decryption, the feed still serves other events.
	var unstick sync.Once
	defer func() { // also when failed below: readers finish before the network stops
		unstick.Do(func() { close(release) })
		wg.Wait()
	}()
	for _, cur := range []apitypes.FeedCursor{{Slot: slot + 1, Level: apitypes.LevelCommitted}, {Slot: slot + 1, Level: apitypes.LevelDecrypted}, {Slot: slot, Level: apitypes.LevelCommitted}} {
		data, err := feedWithin(t, b, cur, 10*time.Second)
		var blk apitypes.Block
		if err == nil {
			err = json.Unmarshal(data, &blk)
		}
		if err != nil || blk.Slot != cur.Slot || blk.Level != cur.Level {
			t.Fatalf("%s while slot %d decrypts: %s %v", cur.ID(), slot, data, err)
		}
	}
	unstick.Do(func() { close(release) })
	wg.Wait()
	for range 10 {
		check(b.Block(t.Context(), slot))
	}
	tx, err := b.Transaction(t.Context(), hash)
	if err != nil || tx.Status != decrypt.Invalid || tx.Reason != decrypt.ReasonBadEncoding { // "rollup tx" is no transaction
		t.Fatalf("transaction: %+v %v", tx, err)
	}
	if n := decryptions.Load(); n != 1 {
		t.Fatalf("%d decryptions of slot %d for 22 reads, want 1", n, slot)
	}
}
