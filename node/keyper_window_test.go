package node

import (
	"errors"
	"sync/atomic"
	"testing"

	"github.com/veil-sequencer/veil/decrypt"
	"github.com/veil-sequencer/veil/envelope"
	"github.com/veil-sequencer/veil/keyper"
	"github.com/veil-sequencer/veil/mempool"
	"github.com/veil-sequencer/veil/store"
	"github.com/veil-sequencer/veil/threshold"
)

// countingRand counts the collector's reads: one per batch verification.
type countingRand struct{ reads atomic.Int64 }

func (c *countingRand) Read(p []byte) (int, error) {
	c.reads.Add(1)
	for i := range p {
		p[i] = byte(i)
	}
	return len(p), nil
}

// TestKeyperSlotWindow: a keyper's message for a slot far ahead is refused
// (409 wrong_slot, so the sender does not retry it) before any
// verification, and a bid-key share for a long-decided slot is dropped
// unverified, where each cost a pairing and the bid-key shares stayed in
// memory for good.
func TestKeyperSlotWindow(t *testing.T) {
	rnd := &countingRand{}
	k, d, signers, domain := lonelyKeyper(t, rnd)
	// The node's chain stands at height 20.
	st, err := store.Open(t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Genesis(st.Begin()); err != nil {
		t.Fatal(err)
	}
	for h := uint64(1); h <= 20; h++ {
		if _, err := st.Commit(st.Begin(), h); err != nil {
			t.Fatal(err)
		}
	}
	k.chain.Store(&chainRef{st}) // not Attach, whose release runs in the background

	bidShare := func(slot uint64) []byte {
		m := &keyper.Message{ChainID: 1337, Eon: 1, Slot: slot, Keyper: 2,
			BidKeyShare: d.Shares[1].Release(threshold.BidIdentity(1337, slot).Point()).Bytes()}
		if err := m.Sign(domain, signers[1]); err != nil {
			t.Fatal(err)
		}
		return m.Encode()
	}
	for _, tc := range []struct {
		name     string
		slot     uint64
		ahead    bool // refused as too far ahead
		verified bool // its share cost a verification
	}{
		{"the next slot", 21, false, true},
		{"a few slots ahead", 20 + keyper.PendingAhead, false, true},
		{"far ahead", 21 + keyper.PendingAhead, true, false},
		{"a slot of eon's end", 1 << 40, true, false},
		{"just decided", 20, false, true},
		{"long decided", 20 - keyper.PendingBehind, false, false},
		{"the first slot", 1, false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := rnd.reads.Load()
			_, err := k.Receive(bidShare(tc.slot))
			var rej *mempool.Rejection
			if tc.ahead != (errors.Is(err, keyper.ErrTooFarAhead) && errors.As(err, &rej) && rej.Code == mempool.CodeWrongSlot && rej.Field == "slot") {
				t.Fatalf("slot %d: %v", tc.slot, err)
			}
			if !tc.ahead && err != nil {
				t.Fatalf("slot %d: %v", tc.slot, err)
			}
			if verified := rnd.reads.Load() > before; verified != tc.verified {
				t.Fatalf("slot %d: verified %v, want %v", tc.slot, verified, tc.verified)
			}
		})
	}
}

// TestKeyperRevealBytes: the decrypted bundles a keyper keeps are bounded
// in bytes as well as slots (512 bundles of megabytes were not bounded),
// the oldest going first and the newest always kept.
func TestKeyperRevealBytes(t *testing.T) {
	c := newRevealCache()
	bundle := func(slot uint64, bytes int) *Reveal {
		return &Reveal{Slot: slot, Envelopes: []*envelope.Envelope{{Ciphertext: make([]byte, bytes)}}, Results: []decrypt.Result{{}}}
	}
	for slot := uint64(1); slot <= 40; slot++ {
		c.keep(bundle(slot, 4<<20))
		var sum int64
		for _, r := range c.m {
			sum += revealBytes(r)
		}
		if sum != c.bytes || c.bytes > keyperRevealBytes {
			t.Fatalf("slot %d: %d bytes kept (counted %d), bound %d", slot, sum, c.bytes, keyperRevealBytes)
		}
		if _, ok := c.get(slot); !ok {
			t.Fatalf("slot %d: the newest bundle was not kept", slot)
		}
	}
	if _, ok := c.get(1); ok {
		t.Fatal("the oldest bundle was kept past the bound")
	}
	// One bundle larger than the bound is still kept, alone.
	c.keep(bundle(41, keyperRevealBytes+1))
	if len(c.m) != 1 || c.m[41] == nil {
		t.Fatalf("%d bundles kept with an oversized newest", len(c.m))
	}
}
