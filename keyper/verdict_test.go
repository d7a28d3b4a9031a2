package keyper

import (
	cryptorand "crypto/rand"
	"errors"
	"sync/atomic"
	"testing"

	"github.com/veil-sequencer/veil/threshold"
)

// countingRand counts what batch verification draws from the collector's
// randomness: VerifyShares reads its coefficients once per call, so a call
// with no read is a message that cost no pairing.
type countingRand struct{ reads, bytes atomic.Int64 }

func (r *countingRand) Read(p []byte) (int, error) {
	r.reads.Add(1)
	r.bytes.Add(int64(len(p)))
	return cryptorand.Read(p)
}

// badRelease is keyper k's signed release for slot with its shares of ids
// whose last bad ones are its share of another identity (valid points,
// failing only the pairing check).
func badRelease(t testing.TB, c *committee, k int, slot uint64, ids []threshold.Identity, bad int) *Message {
	t.Helper()
	m := c.release(t, k, slot, ids...)
	wrong := c.deal.Shares[k-1].Release(threshold.Identity{0xee}.Point()).Bytes()
	for i := len(m.Shares) - bad; i < len(m.Shares); i++ {
		m.Shares[i].Share = wrong
	}
	if err := m.Sign(domain, c.keys[k-1]); err != nil {
		t.Fatal(err)
	}
	return m
}

// TestResentBadMessage: a keyper resending one signed message with bad
// shares is answered the same each time, but only the first costs
// pairings; honest keypers' shares still make the keys.
func TestResentBadMessage(t *testing.T) {
	c := newCommittee(t)
	const slot, resends = 9, 5
	ids := make([]threshold.Identity, 8)
	for i := range ids {
		ids[i] = threshold.Identity{byte(i + 1)}
	}
	badBid := c.release(t, 4, 20) // slot 20 has no bundle: a bid-key share alone
	badBid.BidKeyShare = c.deal.Shares[0].Release(threshold.BidIdentity(1337, 20).Point()).Bytes()
	if err := badBid.Sign(domain, c.keys[3]); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		m      *Message
		faults int
	}{
		{"one bad share of eight", badRelease(t, c, 4, slot, ids, 1), 1},
		{"every share bad", badRelease(t, c, 4, slot, ids, len(ids)), len(ids)},
		{"a bad bid-key share", badBid, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := &countingRand{}
			col, err := NewCollector(c.eon, domain, r)
			if err != nil {
				t.Fatal(err)
			}
			col.Expect(slot, ids)
			for i := range 1 + resends {
				before := r.reads.Load()
				faults, err := col.add(tc.m)
				if err != nil || len(faults) != tc.faults {
					t.Fatalf("send %d: faults %v, err %v", i, faults, err)
				}
				for _, f := range faults {
					if f.Keyper != 4 || f.Known != (i > 0) {
						t.Fatalf("send %d: %v names keyper %d, known %t", i, f, f.Keyper, f.Known)
					}
				}
				if drew := r.reads.Load() - before; i == 0 && drew == 0 {
					t.Fatal("the first send was not verified")
				} else if i > 0 && drew != 0 {
					t.Fatalf("resend %d: %d more verifications (%d shares batched in all)", i, drew, r.bytes.Load()/16)
				}
			}
			for k := 1; k <= 3; k++ {
				if faults, err := col.add(c.release(t, k, tc.m.Slot, col.expected[tc.m.Slot]...)); err != nil || len(faults) != 0 {
					t.Fatalf("honest keyper %d: %v %v", k, faults, err)
				}
			}
			if _, ok := col.bidKey(tc.m.Slot); !ok {
				t.Fatal("no bid key from three honest keypers")
			}
			if _, ok := col.bundleKeys(slot); tc.m.Slot == slot && !ok {
				t.Fatal("no bundle keys from three honest keypers")
			}
		})
	}
}

// TestFaultyKeyper: once a keyper's shares for a slot's bundle fail, its
// new shares for the slot are dropped before any pairing; shares being
// verified are not verified twice; a bundle forgotten meanwhile keeps
// nothing; verdicts go with their identities.
func TestFaultyKeyper(t *testing.T) {
	c := newCommittee(t)
	const slot = 9
	ids := []threshold.Identity{{1}, {2}, {3}}
	setup := func(t *testing.T) (*Collector, *countingRand) {
		r := &countingRand{}
		col, err := NewCollector(c.eon, domain, r)
		if err != nil {
			t.Fatal(err)
		}
		col.Expect(slot, ids)
		return col, r
	}
	plan := func(t *testing.T, col *Collector, m *Message) *Batch {
		t.Helper()
		if err := col.authenticate(m); err != nil {
			t.Fatal(err)
		}
		b, err := col.Plan(m)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	for _, tc := range []struct {
		name string
		run  func(t *testing.T, col *Collector, r *countingRand)
	}{
		{"new bad shares after bad ones", func(t *testing.T, col *Collector, r *countingRand) {
			if faults, err := col.add(badRelease(t, c, 4, slot, ids, 1)); err != nil || len(faults) != 1 {
				t.Fatalf("first: %v %v", faults, err)
			}
			reads := r.reads.Load()
			// Other bytes for the same identity: its share of another one.
			other := c.release(t, 4, slot, ids...)
			other.BidKeyShare = nil
			other.Shares[2].Share = c.deal.Shares[3].Release(threshold.Identity{0xef}.Point()).Bytes()
			if err := other.Sign(domain, c.keys[3]); err != nil {
				t.Fatal(err)
			}
			if faults, err := col.add(other); !errors.Is(err, ErrFaultyKeyper) || len(faults) != 0 {
				t.Fatalf("second: %v %v", faults, err)
			}
			if r.reads.Load() != reads {
				t.Fatal("a named keyper's new shares were verified")
			}
			// Others are not affected, nor is another slot of keyper 4.
			if faults, err := col.add(c.release(t, 1, slot, ids...)); err != nil || len(faults) != 0 {
				t.Fatalf("keyper 1: %v %v", faults, err)
			}
			if faults, err := col.add(c.release(t, 4, slot+1)); err != nil || len(faults) != 0 {
				t.Fatalf("keyper 4, next slot: %v %v", faults, err)
			}
		}},
		{"the same message twice at once", func(t *testing.T, col *Collector, r *countingRand) {
			m := badRelease(t, c, 4, slot, ids, 1)
			first, second := plan(t, col, m), plan(t, col, m)
			first.Verify()
			reads := r.reads.Load()
			second.Verify()
			if r.reads.Load() != reads {
				t.Fatal("shares in flight verified twice")
			}
			if faults, err := col.Apply(first); err != nil || len(faults) != 1 {
				t.Fatalf("first: %v %v", faults, err)
			}
			if faults, err := col.Apply(second); err != nil || len(faults) != 0 {
				t.Fatalf("second: %v %v", faults, err)
			}
			if len(col.inflight) != 0 {
				t.Fatalf("%d shares still in flight", len(col.inflight))
			}
			if faults, err := col.add(m); err != nil || len(faults) != 1 || !faults[0].Known {
				t.Fatalf("third: %v %v", faults, err)
			}
		}},
		{"bundle forgotten while verifying", func(t *testing.T, col *Collector, _ *countingRand) {
			b := plan(t, col, badRelease(t, c, 4, slot, ids, 1))
			b.Verify()
			col.ForgetBundle(slot)
			if faults, err := col.Apply(b); err != nil || len(faults) != 1 {
				t.Fatalf("%v %v", faults, err)
			}
			bid := threshold.BidIdentity(1337, slot)
			if len(col.shares) != 1 || len(col.shares[bid]) != 1 || len(col.faulty) != 0 || col.nverdicts != 0 {
				t.Fatalf("kept for a forgotten bundle: shares %v, faulty %v, %d verdicts", col.shares, col.faulty, col.nverdicts)
			}
		}},
		{"verdicts forgotten with the bundle", func(t *testing.T, col *Collector, _ *countingRand) {
			if _, err := col.add(badRelease(t, c, 4, slot, ids, len(ids))); err != nil {
				t.Fatal(err)
			}
			if col.nverdicts != len(ids) || len(col.faulty[slot]) != 1 {
				t.Fatalf("%d verdicts, faulty %v", col.nverdicts, col.faulty)
			}
			col.ForgetBundle(slot)
			if col.nverdicts != 0 || len(col.verdicts) != 0 || len(col.faulty) != 0 {
				t.Fatalf("after ForgetBundle: %d verdicts, faulty %v", col.nverdicts, col.faulty)
			}
		}},
		{"verdicts bounded", func(t *testing.T, col *Collector, _ *countingRand) {
			col.nverdicts = maxVerdicts
			if faults, err := col.add(badRelease(t, c, 4, slot, ids, 1)); err != nil || len(faults) != 1 {
				t.Fatalf("%v %v", faults, err)
			}
			if len(col.verdicts) != 0 {
				t.Fatal("a verdict past the bound")
			}
			// The resend is still not verified: keyper 4 is named for the slot.
			if faults, err := col.add(badRelease(t, c, 4, slot, ids, 1)); !errors.Is(err, ErrFaultyKeyper) || len(faults) != 0 {
				t.Fatalf("resend: %v %v", faults, err)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			col, r := setup(t)
			tc.run(t, col, r)
		})
	}
}
