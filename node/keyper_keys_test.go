package node

import (
	"testing"

	"github.com/veil-sequencer/veil/keyper"
	"github.com/veil-sequencer/veil/threshold"
)

// TestKnownKey: the chain skips decoding and verifying a recorded key only
// when this keyper holds that very key, for that place of that bundle;
// any other bytes, place or slot is unknown and checked in full.
func TestKnownKey(t *testing.T) {
	k, d, _, _ := lonelyKeyper(t, nil)
	a, b := threshold.Identity{0xa}, threshold.Identity{0xb}
	ka, err := d.Key(a.Point())
	if err != nil {
		t.Fatal(err)
	}
	kb, err := d.Key(b.Point())
	if err != nil {
		t.Fatal(err)
	}
	k.keys.put(keyper.Keys{Target: keyper.Target{Eon: 1, Slot: 7, Kind: keyper.KindBundle},
		Identities: []threshold.Identity{a, b}, Keys: []*threshold.IdentityKey{ka, kb}})
	for _, tc := range []struct {
		name  string
		slot  uint64
		index uint32
		id    threshold.Identity
		raw   []byte
		known bool
	}{
		{"the key at its place", 7, 1, b, kb.Bytes(), true},
		{"another identity's key", 7, 1, b, ka.Bytes(), false},
		{"the key at another place", 7, 0, b, kb.Bytes(), false},
		{"the key for another slot", 8, 1, b, kb.Bytes(), false},
		{"past the bundle", 7, 2, b, kb.Bytes(), false},
		{"not a key", 7, 0, a, []byte{1, 2, 3}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := k.KnownKey(tc.slot, tc.index, tc.id, tc.raw)
			if ok != tc.known || (ok && got != kb) {
				t.Fatalf("KnownKey: %v %v, want known %v", got, ok, tc.known)
			}
		})
	}
}
