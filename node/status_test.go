package node

import (
	"crypto/rand"
	"errors"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/veil-sequencer/veil/api/apitypes"
	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/eon"
	"github.com/veil-sequencer/veil/keyper"
)

// TestKeyperHealth: bad shares and silences the keyper core reports are
// counted per eon and keyper with their last slot (a resent bad share is
// not counted again), old eons are forgotten, and GET /v1/validators gets
// each validator's health by its keyper address in the active eon, only
// on a node holding a share of that eon and able to read it.
func TestKeyperHealth(t *testing.T) {
	bad := errors.New("bad share")
	for _, tc := range []struct {
		name  string
		ready []keyper.Ready
		eon   uint64
		want  map[uint64]apitypes.KeyperHealth // by keyper index, in eon
	}{
		{"none", nil, 1, map[uint64]apitypes.KeyperHealth{1: {Index: 1}, 2: {Index: 2}}},
		{"bad shares and a resend", []keyper.Ready{
			{Faults: []keyper.Fault{{Eon: 1, Keyper: 2, Slot: 7, Err: bad}, {Eon: 1, Keyper: 2, Slot: 9, Err: bad}}},
			{Faults: []keyper.Fault{{Eon: 1, Keyper: 2, Slot: 9, Err: bad, Known: true}}},
		}, 1, map[uint64]apitypes.KeyperHealth{1: {Index: 1}, 2: {Index: 2, BadShares: 2, LastBadSlot: 9}}},
		{"silences", []keyper.Ready{
			{Silent: []keyper.Silence{{Eon: 1, Slot: 12, Keyper: 1}}},
			{Silent: []keyper.Silence{{Eon: 1, Slot: 11, Keyper: 1}, {Eon: 1, Slot: 13, Keyper: 3}}},
		}, 1, map[uint64]apitypes.KeyperHealth{1: {Index: 1, Missing: 2, LastMissingSlot: 12}, 3: {Index: 3, Missing: 1, LastMissingSlot: 13}}},
		{"by eon", []keyper.Ready{
			{Silent: []keyper.Silence{{Eon: 1, Slot: 5, Keyper: 1}}, Faults: []keyper.Fault{{Eon: 2, Keyper: 1, Slot: 50, Err: bad}}},
		}, 2, map[uint64]apitypes.KeyperHealth{1: {Index: 1, BadShares: 1, LastBadSlot: 50}}},
		{"old eons forgotten", []keyper.Ready{
			{Silent: []keyper.Silence{{Eon: 1, Slot: 5, Keyper: 1}}},
			{Silent: []keyper.Silence{{Eon: 4, Slot: 400, Keyper: 2}}},
		}, 1, map[uint64]apitypes.KeyperHealth{1: {Index: 1}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			k := testKeyper(t)
			for _, rd := range tc.ready {
				k.mu.Lock()
				k.act(rd)
				k.mu.Unlock()
			}
			for i, want := range tc.want {
				if got := k.Health(tc.eon, i); got != want {
					t.Errorf("keyper %d of eon %d: %+v, want %+v", i, tc.eon, got, want)
				}
			}
		})
	}

	k := testKeyper(t)
	k.mu.Lock()
	k.act(keyper.Ready{Silent: []keyper.Silence{{Eon: 3, Slot: 30, Keyper: 2}}})
	k.mu.Unlock()
	a, b, c := common.Address{1}, common.Address{2}, common.Address{3}
	eon3 := &eon.Info{Eon: 3, Keypers: []eon.Keyper{{Index: 1, Address: b}, {Index: 2, Address: a}}}
	active := func() (*eon.Info, error) { return eon3, nil }
	health := func(be *Backend, active func() (*eon.Info, error)) []*apitypes.KeyperHealth {
		vals := []apitypes.Validator{{Keyper: a}, {Keyper: b}, {Keyper: c}}
		be.keyperHealth(vals, active)
		return []*apitypes.KeyperHealth{vals[0].KeyperHealth, vals[1].KeyperHealth, vals[2].KeyperHealth}
	}
	// A keyper of eon 2 only hears nothing of eon 3's keypers: it must not
	// call them all healthy.
	holdShare(k, &eon.Info{Eon: 2})
	if got := health(&Backend{keyper: k}, active); got[0] != nil || got[1] != nil || got[2] != nil {
		t.Errorf("a keyper without a share of the active eon reports health: %+v %+v %+v", got[0], got[1], got[2])
	}
	holdShare(k, eon3)
	switch got := health(&Backend{keyper: k}, active); {
	case got[0] == nil || *got[0] != (apitypes.KeyperHealth{Index: 2, Missing: 1, LastMissingSlot: 30}):
		t.Errorf("validator a: %+v", got[0])
	case got[1] == nil || *got[1] != (apitypes.KeyperHealth{Index: 1}):
		t.Errorf("validator b: %+v", got[1])
	case got[2] != nil:
		t.Errorf("validator c, no keyper of the eon: %+v", got[2])
	}
	// The active eon unreadable: no health, and the validators still
	// answered (keyperHealth returns no error).
	if got := health(&Backend{keyper: k}, func() (*eon.Info, error) { return nil, errors.New("unreadable") }); got[0] != nil || got[1] != nil {
		t.Errorf("health with the eon unreadable: %+v %+v", got[0], got[1])
	}
	// A node that is no keyper neither reports health nor reads the eon.
	if got := health(&Backend{}, func() (*eon.Info, error) {
		t.Error("a node that is no keyper read the active eon")
		return eon3, nil
	}); got[0] != nil || got[1] != nil {
		t.Errorf("a node that is no keyper reports health: %+v %+v", got[0], got[1])
	}
}

// holdShare makes k keyper of eon e, as far as keyperHealth asks (no key
// material: the health is only counted).
func holdShare(k *Keyper, e *eon.Info) {
	k.smu.Lock()
	defer k.smu.Unlock()
	k.shares[e.Eon] = &eon.Share{Eon: e}
}

// TestDecryptionTime: GET /v1/blocks/{slot} has the stages of a bundle
// this node's keyper decrypted, in milliseconds, and none for a slot it
// does not keep or on a node that is no keyper.
func TestDecryptionTime(t *testing.T) {
	k := testKeyper(t)
	k.reveals.keep(&Reveal{Slot: 5, Stages: Stages{Shares: 1500 * time.Microsecond, Verify: 20 * time.Millisecond,
		Combine: 250 * time.Microsecond, Decrypt: 3 * time.Millisecond, Total: 31250 * time.Microsecond}})
	b := &Backend{keyper: k}
	want := apitypes.Decryption{SharesMs: 1.5, VerifyMs: 20, CombineMs: 0.25, DecryptMs: 3, TotalMs: 31.25}
	if got := b.decryption(5); got == nil || *got != want {
		t.Errorf("slot 5: %+v, want %+v", got, want)
	}
	if got := b.decryption(6); got != nil {
		t.Errorf("slot 6, not kept: %+v", got)
	}
	if got := (&Backend{}).decryption(5); got != nil {
		t.Errorf("no keyper: %+v", got)
	}
}

func testKeyper(t *testing.T) *Keyper {
	t.Helper()
	key, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	k, err := newKeyper(nil, key, eip712.Domain{ChainID: 1337}, nil, time.Second, nil, rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return k
}
