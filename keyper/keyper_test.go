package keyper

import (
	"bytes"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/veil-sequencer/veil/bid"
	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/eon"
	"github.com/veil-sequencer/veil/threshold"
	"github.com/veil-sequencer/veil/threshold/thresholdtest"
	"github.com/veil-sequencer/veil/wire"
)

var domain = eip712.Domain{ChainID: 1337, Salt: common.Hash{3}}

// committee is a 3-of-4 eon with each keyper's signing key.
type committee struct {
	deal *thresholdtest.Dealing
	eon  *eon.Info
	keys []*ecdsa.PrivateKey
}

func newCommittee(t testing.TB) *committee {
	t.Helper()
	d, err := thresholdtest.Deal(nil, 4, 3)
	if err != nil {
		t.Fatal(err)
	}
	c := &committee{deal: d, eon: &eon.Info{Eon: 1, PublicKey: d.EonKey, Threshold: 3, ChainID: 1337}}
	for i := range 4 {
		k, _ := crypto.ToECDSA(crypto.Keccak256([]byte(fmt.Sprint("keyper", i))))
		c.keys = append(c.keys, k)
		c.eon.Keypers = append(c.eon.Keypers, eon.Keyper{Index: i + 1, Address: crypto.PubkeyToAddress(k.PublicKey), PublicKeyShare: d.PublicShares[i]})
	}
	return c
}

// release is keyper k's (from 1) message for slot: its bid-key share and
// its shares of ids.
func (c *committee) release(t testing.TB, k int, slot uint64, ids ...threshold.Identity) *Message {
	t.Helper()
	s := c.deal.Shares[k-1]
	m := &Message{ChainID: 1337, Eon: 1, Slot: slot, Keyper: uint64(k),
		BidKeyShare: s.Release(threshold.BidIdentity(1337, slot).Point()).Bytes()}
	for _, id := range ids {
		m.Shares = append(m.Shares, Share{Identity: id, Share: s.Release(id.Point()).Bytes()})
	}
	if err := m.Sign(domain, c.keys[k-1]); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestCollector(t *testing.T) {
	c := newCommittee(t)
	col, err := NewCollector(c.eon, domain, nil)
	if err != nil {
		t.Fatal(err)
	}
	tx1, tx2 := threshold.Identity{1}, threshold.Identity{2}
	sealed, _ := bid.Seal(nil, &bid.Payload{Value: big.NewInt(7), Slot: 9}, 1337, c.eon.PublicKey)
	// Before this node knows slot 9's committed bundle, shares for it are
	// refused (to be kept and added later), nobody blamed.
	if faults, err := col.add(c.release(t, 1, 9, tx1, tx2)); !errors.Is(err, ErrNotExpected) || len(faults) != 0 {
		t.Fatalf("shares before the bundle is known: %v %v", faults, err)
	}
	col.Expect(9, []threshold.Identity{tx1, tx2})
	// Keyper 3 releases for an identity outside the bundle (a queued
	// envelope, say): named, none of its transaction shares used.
	if faults, err := col.add(c.release(t, 3, 9, tx1, threshold.Identity{3})); err != nil || len(faults) != 1 ||
		!errors.Is(faults[0], ErrWrongIdentities) || faults[0].Keyper != 3 {
		t.Fatalf("shares outside the bundle: %v %v", faults, err)
	}

	// Keyper 4 sends a share of another identity as its share of tx2: named,
	// never used. Keypers 1 and 2 alone (t−1) make no key.
	bad := c.release(t, 4, 9, tx1)
	bad.Shares = append(bad.Shares, Share{Identity: tx2, Share: bad.Shares[0].Share})
	if err := bad.Sign(domain, c.keys[3]); err != nil {
		t.Fatal(err)
	}
	faults, err := col.add(bad)
	if err != nil || len(faults) != 1 || faults[0].Keyper != 4 || faults[0].Identity != tx2 {
		t.Fatalf("bad share: faults %v, err %v", faults, err)
	}
	for _, k := range []int{1, 2} {
		if faults, err := col.add(c.release(t, k, 9, tx1, tx2)); err != nil || len(faults) != 0 {
			t.Fatalf("keyper %d: %v %v", k, faults, err)
		}
	}
	if _, ok := col.key(tx2); ok {
		t.Fatal("tx2's key from two good shares and a bad one")
	}
	// tx1 and the bid key already have 3 valid shares (1, 2 and 4's good one).
	key, ok := col.bidKey(9)
	if !ok {
		t.Fatal("no bid key from three valid shares")
	}
	if p, err := bid.Open(sealed, key); err != nil || p.Value.Int64() != 7 {
		t.Fatalf("the combined bid key does not open the slot's bid: %v", err)
	}
	if _, ok := col.key(tx1); !ok {
		t.Fatal("no key for tx1")
	}
	if _, ok := col.bundleKeys(9); ok {
		t.Fatal("bundle keys while tx2's is missing")
	}
	// Keyper 3 completes tx2 (its bid-key share counted before).
	if _, err := col.add(c.release(t, 3, 9, tx1, tx2)); err != nil {
		t.Fatal(err)
	}
	k2, ok := col.key(tx2)
	if !ok || !k2.Equal(combine(t, c, tx2)) {
		t.Fatal("tx2's key is not the committee's")
	}
	keys, ok := col.bundleKeys(9)
	if !ok || len(keys) != 2 || !keys[0].Equal(combine(t, c, tx1)) || !keys[1].Equal(k2) {
		t.Fatal("the bundle's keys, in order")
	}
	col.ForgetBundle(9)
	if _, ok := col.key(tx1); ok {
		t.Fatal("a forgotten bundle's key")
	}

	// Refused whole, nobody blamed: a forged signature, another chain, no
	// such keyper.
	forged := c.release(t, 1, 10)
	if err := forged.Sign(domain, c.keys[1]); err != nil {
		t.Fatal(err)
	}
	other := c.release(t, 1, 10)
	other.ChainID = 1
	ghost := c.release(t, 1, 10)
	ghost.Keyper = 5
	for name, tc := range map[string]struct {
		m    *Message
		want error
	}{"forged": {forged, ErrSignature}, "other chain": {other, ErrForeign}, "no such keyper": {ghost, ErrNoKeyper}} {
		if faults, err := col.add(tc.m); !errors.Is(err, tc.want) || len(faults) != 0 {
			t.Errorf("%s: %v %v", name, faults, err)
		}
	}
	if _, ok := col.bidKey(10); ok {
		t.Fatal("a refused message counted")
	}
}

func combine(t *testing.T, c *committee, id threshold.Identity) *threshold.IdentityKey {
	cm, err := c.eon.Committee()
	if err != nil {
		t.Fatal(err)
	}
	var claims []threshold.ShareClaim
	for k := 1; k <= 3; k++ {
		claims = append(claims, threshold.ShareClaim{Keyper: k, Identity: id.Point(), Share: c.deal.Shares[k-1].Release(id.Point())})
	}
	key, _, err := cm.CombineClaims(nil, claims)
	if err != nil {
		t.Fatal(err)
	}
	return key
}

func TestMessageEncoding(t *testing.T) {
	c := newCommittee(t)
	m := c.release(t, 2, 5, threshold.Identity{1}, threshold.Identity{2})
	raw := m.Encode()
	got, err := Decode(raw)
	if err != nil || !bytes.Equal(got.Encode(), raw) || got.Hash(domain) != m.Hash(domain) {
		t.Fatalf("round trip: %v", err)
	}
	if err := got.VerifySignature(domain, c.eon.Keypers[1].Address); err != nil {
		t.Fatal(err)
	}
	s := string(raw)
	for _, tc := range []struct{ name, body, code, field string }{
		{"unknown key", strings.Replace(s, `{"chainId"`, `{"x":1,"chainId"`, 1), wire.CodeUnknownField, "x"},
		{"short bid share", strings.Replace(s, `"bidKeyShare":"0x`, `"bidKeyShare":"0x00`, 1), wire.CodeBadField, "bidKeyShare"},
		{"an extra key", strings.Replace(s, `"shares":[`, `"shares":null,"y":[`, 1), wire.CodeUnknownField, "y"},
		{"shares null", s[:strings.Index(s, `"shares":`)] + `"shares":null,"signature":"0x` + strings.Repeat("00", 65) + `"}`, wire.CodeBadField, "shares"},
		{"short share", strings.Replace(s, `"share":"0x`, `"share":"0x00`, 1), wire.CodeBadField, "shares[0].share"},
		{"share with extra key", strings.Replace(s, `{"identity"`, `{"z":1,"identity"`, 1), wire.CodeUnknownField, "z"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Decode([]byte(tc.body))
			var we *wire.Error
			if !errors.As(err, &we) || we.Code != tc.code || we.Field != tc.field {
				t.Fatalf("%v, want %s %s", err, tc.code, tc.field)
			}
		})
	}
}

// FuzzDecode: messages from peers never panic the decoder, and what it
// accepts encodes to a message that decodes to the same.
func FuzzDecode(f *testing.F) {
	c := newCommittee(f)
	f.Add(c.release(f, 1, 3, threshold.Identity{9}).Encode())
	f.Add([]byte(`{"chainId":1,"eon":1,"slot":1,"keyper":1,"bidKeyShare":"0x","shares":[],"signature":"0x` + strings.Repeat("00", 65) + `"}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		m, err := Decode(raw)
		if err != nil {
			return
		}
		again, err := Decode(m.Encode())
		if err != nil || !bytes.Equal(again.Encode(), m.Encode()) {
			t.Fatalf("re-encoding does not decode to the same: %v", err)
		}
	})
}

type fakeChain struct {
	height  uint64
	bundles map[uint64][]threshold.Identity
}

func (f fakeChain) Height() uint64 { return f.height }
func (f fakeChain) BundleIdentities(slot uint64) ([]threshold.Identity, error) {
	return f.bundles[slot], nil
}

// TestReleaseBundle: shares exactly for a committed bundle's identities,
// in order, each the keyper's share; nothing for a slot not committed.
func TestReleaseBundle(t *testing.T) {
	c := newCommittee(t)
	a, b := threshold.Identity{0xa}, threshold.Identity{0xb}
	ch := fakeChain{height: 7, bundles: map[uint64][]threshold.Identity{7: {b, a}, 8: {a}}}
	got, err := ReleaseBundle(c.deal.Shares[1], ch, 7, nil)
	if err != nil || len(got) != 2 || got[0].Identity != b || got[1].Identity != a {
		t.Fatalf("release: %v %v", got, err)
	}
	if !bytes.Equal(got[0].Share, c.deal.Shares[1].Release(b.Point()).Bytes()) {
		t.Fatal("not the keyper's share of b")
	}
	if got, err := ReleaseBundle(c.deal.Shares[1], ch, 8, nil); !errors.Is(err, ErrNotCommitted) || got != nil {
		t.Fatalf("slot 8 is not committed: %v %v", got, err)
	}
}
