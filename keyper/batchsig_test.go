package keyper

import (
	"errors"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/veil-sequencer/veil/eon"
	"github.com/veil-sequencer/veil/threshold"
)

func (c *committee) batchShare(t testing.TB, k int, index uint64, digest common.Hash) *BatchShare {
	t.Helper()
	m, err := SignBatch(&eon.Share{Eon: c.eon, Index: k, Address: c.eon.Keypers[k-1].Address, Share: c.deal.Shares[k-1]}, domain, c.keys[k-1], index, digest)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestBatchSigner: t shares of this node's header combine into σ, valid
// under the eon key for the header's signing identity, whether they came
// before or after the node computed its header; a keyper sharing another
// header, a bad share or two headers is named; foreign, unsigned and
// out-of-window messages are refused whole; a signed batch is forgotten.
func TestBatchSigner(t *testing.T) {
	c := newCommittee(t)
	mine, other := common.Hash{0xaa}, common.Hash{0xbb}
	s, err := NewBatchSigner(c.eon, domain, 0)
	if err != nil {
		t.Fatal(err)
	}
	// Keyper 2's share arrives before this node's header: held.
	if sigma, f, err := s.Receive(c.batchShare(t, 2, 0, mine)); sigma != nil || f != nil || err != nil {
		t.Fatalf("an early share: %v %v %v", sigma, f, err)
	}
	// Keyper 3 shares another header early: judged once the node's is known.
	if _, f, err := s.Receive(c.batchShare(t, 3, 0, other)); f != nil || err != nil {
		t.Fatalf("another header, early: %v %v", f, err)
	}
	sigma, faults, err := s.Want(0, mine)
	if err != nil || sigma != nil || len(faults) != 1 || faults[0].Keyper != 3 || !errors.Is(faults[0], ErrOtherHeader) {
		t.Fatalf("Want: σ %v, faults %v, %v", sigma, faults, err)
	}
	bad := c.batchShare(t, 4, 0, mine)
	bad.Share = c.batchShare(t, 4, 0, other).Share // keyper 4's share of another identity, signed as this header's
	if err := bad.Sign(domain, c.keys[3]); err != nil {
		t.Fatal(err)
	}
	if _, f, err := s.Receive(bad); err != nil || f == nil || !errors.Is(f, ErrBadBatchShare) {
		t.Fatalf("a bad share: %v %v", f, err)
	}
	// Keyper 1's share: with keyper 2's, two valid of the three needed.
	if sigma, f, err := s.Receive(c.batchShare(t, 1, 0, mine)); sigma != nil || f != nil || err != nil {
		t.Fatalf("two valid shares made σ: %v %v %v", sigma, f, err)
	}
	// Keypers 3 and 4 are faulty for the batch: no σ here. Another node
	// that hears the honest 1, 2 and 4 combines it.
	s2, _ := NewBatchSigner(c.eon, domain, 0)
	for _, k := range []int{1, 2, 4} {
		var f *BatchFault
		sigma, f, err = s2.Receive(c.batchShare(t, k, 0, mine))
		if f != nil || err != nil {
			t.Fatal(f, err)
		}
		if k == 1 {
			if _, _, err := s2.Want(0, mine); err != nil {
				t.Fatal(err)
			}
		}
	}
	if sigma == nil {
		t.Fatal("three valid shares made no σ")
	}
	if err := threshold.VerifyKey(c.eon.PublicKey, threshold.SigningIdentity(1337, 1, mine).Point(), sigma); err != nil {
		t.Fatalf("σ does not verify: %v", err)
	}
	// Two headers from one keyper, before the node's own.
	if _, f, _ := s2.Receive(c.batchShare(t, 1, 1, mine)); f != nil {
		t.Fatal(f)
	}
	if _, f, _ := s2.Receive(c.batchShare(t, 1, 1, other)); f == nil || !errors.Is(f, ErrTwoHeaders) {
		t.Fatalf("two headers: %v", f)
	}
	foreign := c.batchShare(t, 2, 1, mine)
	foreign.ChainID = 7
	forged := c.batchShare(t, 2, 1, mine)
	forged.Keyper = 3
	for name, m := range map[string]*BatchShare{"foreign": foreign, "forged": forged, "beyond the window": c.batchShare(t, 2, BatchWindow, mine),
		"no keyper": {ChainID: 1337, Eon: 1, Index: 1, Keyper: 9}} {
		if _, f, err := s2.Receive(m); err == nil || f != nil {
			t.Fatalf("%s: %v %v", name, f, err)
		}
	}
	s2.Signed(1)
	if _, _, err := s2.Receive(c.batchShare(t, 2, 0, mine)); err == nil {
		t.Fatal("a share for a signed batch was taken")
	}
	// The message's JSON round-trips.
	m := c.batchShare(t, 2, 3, mine)
	back, err := DecodeBatchShare(m.Encode())
	if err != nil || back.Hash(domain) != m.Hash(domain) || string(back.Signature) != string(m.Signature) {
		t.Fatalf("decode: %v", err)
	}
	if _, err := DecodeBatchShare([]byte(`{"chainId":1}`)); err == nil {
		t.Fatal("a partial message decoded")
	}
}

// FuzzDecodeBatchShare: any bytes decode or are refused, never a panic.
func FuzzDecodeBatchShare(f *testing.F) {
	c := newCommittee(f)
	f.Add(c.batchShare(f, 1, 0, common.Hash{1}).Encode())
	f.Add([]byte(`{}`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		m, err := DecodeBatchShare(raw)
		if err == nil && len(m.Share) != threshold.G1Size {
			t.Fatalf("a share of %d bytes decoded", len(m.Share))
		}
	})
}
