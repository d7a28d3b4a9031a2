package node

import (
	"context"
	"crypto/ecdsa"
	cryptorand "crypto/rand"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/eon"
	"github.com/veil-sequencer/veil/keyper"
	"github.com/veil-sequencer/veil/threshold"
	"github.com/veil-sequencer/veil/threshold/thresholdtest"
)

// gateRand is crypto/rand, except that the first read after arm waits
// for release: batch verification draws its coefficients from the
// collector's randomness, so a message armed this way is held in the
// middle of its verification.
type gateRand struct {
	armed   atomic.Bool
	entered chan struct{}
	release chan struct{}
}

func (g *gateRand) Read(p []byte) (int, error) {
	if g.armed.CompareAndSwap(true, false) {
		close(g.entered)
		<-g.release
	}
	return cryptorand.Read(p)
}

// lonelyKeyper is keyper 1 of a 3-of-4 committee, attached to no node, its
// batch verification drawing its randomness from rand: the deal, the four
// keypers' signing keys and the domain come with it.
func lonelyKeyper(t *testing.T, rand io.Reader) (*Keyper, *thresholdtest.Dealing, []*ecdsa.PrivateKey, eip712.Domain) {
	t.Helper()
	d, err := thresholdtest.Deal(nil, 4, 3)
	if err != nil {
		t.Fatal(err)
	}
	domain := eip712.Domain{ChainID: 1337, Salt: common.Hash{3}}
	info := &eon.Info{Eon: 1, PublicKey: d.EonKey, Threshold: 3, ChainID: 1337}
	var signers []*ecdsa.PrivateKey
	for i := range 4 {
		key, _ := crypto.ToECDSA(crypto.Keccak256([]byte(fmt.Sprint("keyper", i))))
		signers = append(signers, key)
		info.Keypers = append(info.Keypers, eon.Keyper{Index: i + 1, Address: crypto.PubkeyToAddress(key.PublicKey), PublicKeyShare: d.PublicShares[i]})
	}
	k, err := newKeyper(&eon.Share{Eon: info, Index: 1, Address: info.Keypers[0].Address, Share: d.Shares[0]},
		signers[0], domain, nil, time.Second, slog.New(slog.NewTextHandler(io.Discard, nil)), rand)
	if err != nil {
		t.Fatal(err)
	}
	return k, d, signers, domain
}

// TestKeyperVerifiesOutsideLock: while a byzantine keyper's bad message is
// being verified, the proposer's BidKey and BundleKeys and an honest
// keyper's shares are not kept waiting.
func TestKeyperVerifiesOutsideLock(t *testing.T) {
	gate := &gateRand{entered: make(chan struct{}), release: make(chan struct{})}
	k, d, signers, domain := lonelyKeyper(t, gate)
	// bidShare is keyper i's (from 1) message with share's release of
	// slot's bid key as its own.
	bidShare := func(i int, slot uint64, share *threshold.SecretKeyShare) []byte {
		m := &keyper.Message{ChainID: 1337, Eon: 1, Slot: slot, Keyper: uint64(i),
			BidKeyShare: share.Release(threshold.BidIdentity(1337, slot).Point()).Bytes()}
		if err := m.Sign(domain, signers[i-1]); err != nil {
			t.Fatal(err)
		}
		return m.Encode()
	}
	for i := 1; i <= 3; i++ {
		if faults, err := k.Receive(bidShare(i, 5, d.Shares[i-1])); err != nil || faults != 0 {
			t.Fatalf("keyper %d: %d %v", i, faults, err)
		}
	}

	// Keyper 4 sends keyper 1's share of slot 6's bid key as its own; its
	// verification is held.
	gate.armed.Store(true)
	bad := make(chan error, 1)
	go func() {
		faults, err := k.Receive(bidShare(4, 6, d.Shares[0]))
		if err == nil && faults != 1 {
			err = fmt.Errorf("%d faults, want 1", faults)
		}
		bad <- err
	}()
	select {
	case <-gate.entered:
	case <-time.After(10 * time.Second):
		t.Fatal("the bad message was never verified")
	}
	ctx := context.Background()
	var wg sync.WaitGroup
	for _, tc := range []struct {
		name string
		call func() error
	}{
		{"BidKey", func() error {
			if _, ok := k.BidKey(ctx, 5); !ok {
				return fmt.Errorf("no bid key for slot 5")
			}
			return nil
		}},
		{"BundleKeys", func() error {
			if _, ok := k.BundleKeys(ctx, 7, nil, false); ok {
				return fmt.Errorf("keys of a bundle never committed")
			}
			return nil
		}},
		{"an honest keyper's shares", func() error {
			if faults, err := k.Receive(bidShare(2, 6, d.Shares[1])); err != nil || faults != 0 {
				return fmt.Errorf("%d faults, %w", faults, err)
			}
			return nil
		}},
	} {
		done := make(chan error, 1)
		wg.Go(func() { done <- tc.call() })
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("%s: %v", tc.name, err)
			}
		case <-time.After(2 * time.Second):
			t.Errorf("%s waited for the bad message's verification", tc.name)
		}
	}
	close(gate.release)
	if err := <-bad; err != nil {
		t.Errorf("the bad message: %v", err)
	}
	wg.Wait()
	// Resent, the bad message is answered the same, and counted once.
	if faults, err := k.Receive(bidShare(4, 6, d.Shares[0])); err != nil || faults != 1 {
		t.Fatalf("resent: %d %v", faults, err)
	}
	if f := k.Faults(); f[4] != 1 || len(f) != 1 {
		t.Fatalf("faults %v, want keyper 4 named once", f)
	}
}

// TestKeyperKeysOnNotice: a proposer waiting for a bid key gets it as soon
// as the t-th share is in (the core reports it; nothing polls), and one
// waiting for keys that never come gives up after the keyper's bound.
func TestKeyperKeysOnNotice(t *testing.T) {
	k, d, signers, domain := lonelyKeyper(t, nil)
	k.wait = 300 * time.Millisecond
	ctx := context.Background()
	type got struct {
		key *threshold.IdentityKey
		ok  bool
		at  time.Time
	}
	waiting := make(chan got, 1)
	go func() {
		key, ok := k.BidKey(ctx, 5)
		waiting <- got{key, ok, time.Now()}
	}()
	time.Sleep(20 * time.Millisecond) // the proposer is waiting
	for i := 1; i <= 3; i++ {
		m := &keyper.Message{ChainID: 1337, Eon: 1, Slot: 5, Keyper: uint64(i),
			BidKeyShare: d.Shares[i-1].Release(threshold.BidIdentity(1337, 5).Point()).Bytes()}
		if err := m.Sign(domain, signers[i-1]); err != nil {
			t.Fatal(err)
		}
		if faults, err := k.Receive(m.Encode()); err != nil || faults != 0 {
			t.Fatalf("keyper %d: %d %v", i, faults, err)
		}
	}
	last := time.Now()
	g := <-waiting
	want, err := d.Key(threshold.BidIdentity(1337, 5).Point())
	if err != nil {
		t.Fatal(err)
	}
	if !g.ok || !g.key.Equal(want) {
		t.Fatalf("bid key %v %v", g.ok, g.key)
	}
	if late := g.at.Sub(last); late > 100*time.Millisecond {
		t.Fatalf("the proposer got the key %v after the last share", late)
	}
	start := time.Now()
	if _, ok := k.BidKey(ctx, 6); ok {
		t.Fatal("a bid key nobody released")
	}
	if _, ok := k.BundleKeys(ctx, 4, []threshold.Identity{{1}}, true); ok {
		t.Fatal("keys of a bundle never committed")
	}
	if took := time.Since(start); took < 2*k.wait || took > 2*k.wait+time.Second {
		t.Fatalf("two waits of %v took %v", k.wait, took)
	}
}
