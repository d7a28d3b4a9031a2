package faults

import (
	"math/rand/v2"
	"testing"
	"time"
)

// TestKillUnderLoad: validators SIGKILLed at random moments under wallet
// load restart, catch up, and end with the same blocks and AppHash as the
// rest; every admitted envelope is decrypted.
func TestKillUnderLoad(t *testing.T) {
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	r := rand.New(rand.NewPCG(seed, 1))
	nw := newNetwork(t, "500ms", 16)
	nw.startAll()
	// Node 0 takes the load and serves its feed; the others get killed.
	ld := nw.startLoad([]int{0}, 20, 25*time.Second, 25*time.Second)
	for range 4 {
		time.Sleep(time.Duration(500+r.IntN(3000)) * time.Millisecond)
		victim := 1 + r.IntN(3)
		at := nw.height(0)
		nw.kill(victim)
		down := time.Duration(200+r.IntN(3000)) * time.Millisecond
		t.Logf("SIGKILL node %d near height %d, down %v", victim, at, down)
		time.Sleep(down)
		nw.start(victim)
	}
	ld.decryptedAll(t, 300)
	st := nw.agree([]int{0, 1, 2, 3})
	t.Logf("all 4 at height %d, AppHash %s", st.Height, st.AppHash)
}

// TestValidatorsDown: with one of four validators down the chain keeps
// committing and decrypting; with two down it stops, without forking; with
// them back it resumes, and every envelope admitted meanwhile is decrypted.
func TestValidatorsDown(t *testing.T) {
	nw := newNetwork(t, "500ms", 16)
	nw.startAll()
	ld := nw.startLoad([]int{0, 1}, 10, 30*time.Second, 40*time.Second)
	time.Sleep(2 * time.Second)

	nw.kill(3)
	from := nw.height(0)
	time.Sleep(8 * time.Second)
	to := nw.height(0)
	t.Logf("one down: heights %d → %d in 8 s", from, to)
	if to < from+8 {
		t.Fatalf("with one validator down: %d blocks in 8 s", to-from)
	}
	withTxs := 0
	for h := from + 1; h+2 <= to; h++ { // keys of h are due by h+2
		b, err := nw.block(0, h)
		if err != nil {
			t.Fatal(err)
		}
		if len(b.Transactions) > 0 {
			withTxs++
			if b.Level != "decrypted" {
				t.Errorf("one down: block %d with %d envelopes is %s", h, len(b.Transactions), b.Level)
			}
		}
	}
	if withTxs == 0 {
		t.Fatal("one down: no block ordered an envelope")
	}

	nw.kill(2)
	time.Sleep(time.Second) // a block already voted may still commit
	stalled := max(nw.height(0), nw.height(1))
	time.Sleep(5 * time.Second)
	h0, h1 := nw.height(0), nw.height(1)
	t.Logf("two down: heights %d and %d, stalled at %d", h0, h1, stalled)
	if h0 > stalled || h1 > stalled {
		t.Fatalf("two of four down, yet heights moved past %d: %d, %d", stalled, h0, h1)
	}
	nw.sameChain([]int{0, 1}, 1, min(h0, h1))

	nw.start(2)
	nw.start(3)
	nw.waitHeight(0, stalled+5, 30*time.Second)
	ld.decryptedAll(t, 200)
	nw.agree([]int{0, 1, 2, 3})
}

// TestFastSlots: with the 250 ms settings (node/validator.go, setTimeouts:
// timeout_commit 200 ms, propose 300 ms, prevote and precommit 100 ms) four
// validator processes keep 250 ms slots under wallet load, and a validator
// killed and restarted catches up.
func TestFastSlots(t *testing.T) {
	const blockTime = 250 * time.Millisecond
	nw := newNetwork(t, blockTime.String(), 32)
	nw.startAll()
	from := nw.height(0) + 1
	ld := nw.startLoad([]int{0, 1, 2}, 50, 15*time.Second, 15*time.Second)
	time.Sleep(5 * time.Second)
	nw.kill(3)
	time.Sleep(2 * time.Second)
	nw.start(3)
	ld.decryptedAll(t, 600)
	to := nw.height(0)
	first, err := nw.block(0, from)
	if err != nil {
		t.Fatal(err)
	}
	last, err := nw.block(0, to)
	if err != nil {
		t.Fatal(err)
	}
	mean := last.Time.Sub(first.Time) / time.Duration(to-from)
	t.Logf("blocks %d–%d, %v apart on average (one validator down for 2 s of it)", from, to, mean.Round(time.Millisecond))
	if mean > blockTime*13/10 {
		t.Errorf("mean block interval %v at %v slots", mean, blockTime)
	}
	nw.agree([]int{0, 1, 2, 3})
}
