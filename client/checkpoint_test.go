package client

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/cometbft/cometbft/crypto/ed25519"
	"github.com/cometbft/cometbft/types"
	"github.com/ethereum/go-ethereum/common"

	"github.com/veil-sequencer/veil/api/apitypes"
	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/eon"
	"github.com/veil-sequencer/veil/proposer"
)

// handoverFixture is a verifier in the middle of a handover: it trusts
// eon 1 and a one-validator genesis set, and has verified a block
// announcing a three-validator set and eon 2 (signed by eon 1).
type handoverFixture struct {
	genesis *Verifier // fresh, as FromGenesis makes it
	mid     *Verifier // after the announcing block (slot 7)
	nextSet *types.ValidatorSet
}

func newHandover(t testing.TB) handoverFixture {
	t.Helper()
	domain := eip712.Domain{ChainID: 1337, Salt: common.Hash{0x5a}}
	cur, curDeal, _ := dealtEon(t, 1, 1)
	next, _, comet := dealtEon(t, 2, 3)
	var vals []*types.Validator
	b := &apitypes.Block{Slot: 7, NextEon: &apitypes.NextEonKey{}}
	var keys [][32]byte
	for _, k := range comet {
		vals = append(vals, types.NewValidator(k.PubKey(), 1))
		b.NextValidators = append(b.NextValidators, apitypes.SetMember{PubKey: k.PubKey().Bytes(), Power: 1})
		b.NextEon.CometKeys = append(b.NextEon.CometKeys, k.PubKey().Bytes())
		keys = append(keys, [32]byte(k.PubKey().Bytes()))
	}
	set := types.NewValidatorSet(vals)
	sigma := eonKeySig(t, domain, curDeal, 1, next, keys)
	var err error
	if b.NextEon.Eon, err = json.Marshal(next); err != nil {
		t.Fatal(err)
	}
	genesisSet := types.NewValidatorSet([]*types.Validator{types.NewValidator(ed25519.GenPrivKeyFromSecret([]byte("genesis")).PubKey(), 1)})
	fresh := func() *Verifier {
		e := *cur
		return &Verifier{ChainID: "veil-1337", Validators: genesisSet, Eon: &e, Domain: domain}
	}
	mid := fresh()
	header := &types.Header{ValidatorsHash: genesisSet.Hash(), NextValidatorsHash: set.Hash()}
	if err := mid.learn(b, header, &proposer.Record{Eon: 1, EonSig: &proposer.StatementSig{Subject: 2, Sigma: sigma}}); err != nil {
		t.Fatal(err)
	}
	mid.last = 7
	return handoverFixture{genesis: fresh(), mid: mid, nextSet: set}
}

func eonJSON(t *testing.T, e *eon.Info) string {
	t.Helper()
	if e == nil {
		return "null"
	}
	b, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func setHash(s *types.ValidatorSet) []byte {
	if s == nil {
		return nil
	}
	return s.Hash()
}

// sameState fails unless a and b trust the same sets and eons after the
// same slot.
func sameState(t *testing.T, what string, a, b *Verifier) {
	t.Helper()
	switch {
	case a.last != b.last:
		t.Fatalf("%s: last slot %d, want %d", what, b.last, a.last)
	case !bytes.Equal(setHash(a.Validators), setHash(b.Validators)) || !bytes.Equal(setHash(a.nextSet), setHash(b.nextSet)):
		t.Fatalf("%s: validator sets differ", what)
	case eonJSON(t, a.Eon) != eonJSON(t, b.Eon) || eonJSON(t, a.nextEon) != eonJSON(t, b.nextEon):
		t.Fatalf("%s: eons differ: %s / %s, want %s / %s", what, eonJSON(t, b.Eon), eonJSON(t, b.nextEon), eonJSON(t, a.Eon), eonJSON(t, a.nextEon))
	}
}

// TestCheckpointResumes: a verifier resumed from an encoded checkpoint
// taken mid-handover trusts what the one that made it trusted, and takes
// the handover the same way (the new set at its first header, the new eon
// at its first record); the checkpoint itself does not move with the
// verifier it came from.
func TestCheckpointResumes(t *testing.T) {
	h := newHandover(t)
	cp := h.mid.Checkpoint()
	enc, err := cp.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var back Checkpoint
	if err := back.UnmarshalBinary(enc); err != nil {
		t.Fatalf("decoding %s: %v", enc, err)
	}
	if back.Slot != 7 {
		t.Fatalf("decoded slot %d, want 7", back.Slot)
	}
	resumed := h.genesis
	if err := resumed.Resume(&back); err != nil {
		t.Fatal(err)
	}
	sameState(t, "resumed", h.mid, resumed)

	// Slot 8: the new set signs, and the first record of eon 2.
	for _, v := range []*Verifier{h.mid, resumed} {
		set, err := v.setFor(&types.Header{ValidatorsHash: h.nextSet.Hash()}, nil)
		if err != nil || !bytes.Equal(set.Hash(), h.nextSet.Hash()) {
			t.Fatalf("the announced set at its first header: %v", err)
		}
		b8 := &apitypes.Block{Slot: 8}
		if err := v.learn(b8, &types.Header{ValidatorsHash: h.nextSet.Hash(), NextValidatorsHash: h.nextSet.Hash()}, &proposer.Record{Eon: 2}); err != nil {
			t.Fatal(err)
		}
		v.last = 8
		if v.Eon.Eon != 2 || v.Eon.ActivationSlot != 8 || v.nextEon != nil || v.nextSet != nil {
			t.Fatalf("after slot 8: eon %d from slot %d, next eon %v, next set %v", v.Eon.Eon, v.Eon.ActivationSlot, v.nextEon != nil, v.nextSet != nil)
		}
	}
	sameState(t, "after the handover", h.mid, resumed)
	if cp.Slot != 7 || cp.eon.Eon != 1 || cp.nextEon == nil || cp.nextEon.ActivationSlot != 0 {
		t.Fatalf("the checkpoint moved with its verifier: slot %d, eon %d, next eon %+v", cp.Slot, cp.eon.Eon, cp.nextEon)
	}
	again, err := cp.MarshalBinary()
	if err != nil || !bytes.Equal(again, enc) {
		t.Fatalf("the checkpoint encodes differently later (%v)", err)
	}
}

// TestCheckpointRefused: a checkpoint of another chain or domain is not
// resumed (the verifier stays at the genesis), and an encoding that is
// not one MarshalBinary writes is refused naming what is wrong.
func TestCheckpointRefused(t *testing.T) {
	h := newHandover(t)
	for _, tc := range []struct {
		name string
		edit func(v *Verifier)
	}{
		{"another chain id", func(v *Verifier) { v.ChainID = "veil-1" }},
		{"another salt", func(v *Verifier) { v.Domain.Salt = common.Hash{1} }},
		{"another domain chain id", func(v *Verifier) { v.Domain.ChainID = 1 }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			other := *h.mid
			tc.edit(&other)
			v := newHandover(t).genesis
			before := *v
			if err := v.Resume(other.Checkpoint()); err == nil || !strings.Contains(err.Error(), "another genesis") {
				t.Fatalf("resumed from %s: %v", tc.name, err)
			}
			sameState(t, "after a refused checkpoint", &before, v)
		})
	}

	enc, err := h.mid.Checkpoint().MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var j map[string]any
	if err := json.Unmarshal(enc, &j); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, want string
		edit       func(j map[string]any)
	}{
		{"another version", "version", func(j map[string]any) { j["version"] = 2 }},
		{"a member's hash changed", "validators", func(j map[string]any) { j["validatorsHash"] = "0xaaaa" }},
		{"a member left out", "nextValidators", func(j map[string]any) {
			j["nextValidators"] = j["nextValidators"].([]any)[1:]
		}},
		{"a short key", "validators", func(j map[string]any) {
			j["validators"].([]any)[0].(map[string]any)["pubKey"] = "0xaaaa"
		}},
		{"power 0", "validators", func(j map[string]any) { j["validators"].([]any)[0].(map[string]any)["power"] = 0 }},
		{"no validators", "validators", func(j map[string]any) { delete(j, "validators") }},
		{"a member twice", "twice", func(j map[string]any) {
			ms := j["nextValidators"].([]any)
			j["nextValidators"] = append(ms, ms[0])
		}},
		{"no eon", "eon", func(j map[string]any) { delete(j, "eon") }},
		{"an eon without its key", "eon", func(j map[string]any) { delete(j["eon"].(map[string]any), "publicKey") }},
		{"an unknown field", "unknown field", func(j map[string]any) { j["trusted"] = true }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var c map[string]any
			_ = json.Unmarshal(enc, &c)
			tc.edit(c)
			b, err := json.Marshal(c)
			if err != nil {
				t.Fatal(err)
			}
			var cp Checkpoint
			if err := cp.UnmarshalBinary(b); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want an error naming %q", err, tc.want)
			}
		})
	}
}

// FuzzCheckpoint: decoding never panics, and what decodes encodes to bytes
// that decode to the same encoding.
func FuzzCheckpoint(f *testing.F) {
	// testdata/fuzz/FuzzCheckpoint holds a whole one (newHandover's).
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"version":1,"slot":3,"chainId":"x","domainChainId":1,"domainSalt":"0x00","validators":[{"pubKey":"0x","power":1}],"validatorsHash":"0x"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var c Checkpoint
		if c.UnmarshalBinary(b) != nil {
			return
		}
		enc, err := c.MarshalBinary()
		if err != nil {
			t.Fatalf("decoded, does not encode: %v", err)
		}
		var again Checkpoint
		if err := again.UnmarshalBinary(enc); err != nil {
			t.Fatalf("its encoding does not decode: %v", err)
		}
		enc2, err := again.MarshalBinary()
		if err != nil || !bytes.Equal(enc, enc2) {
			t.Fatalf("encodings differ (%v):\n%s\n%s", err, enc, enc2)
		}
	})
}

// BenchmarkCheckpoint: what following the feed adds per slot (taking the
// checkpoint) and per block (encoding it), mid-handover: two sets, two
// eons.
func BenchmarkCheckpoint(b *testing.B) {
	v := newHandover(b).mid
	b.Run("take", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = v.Checkpoint()
		}
	})
	b.Run("encode", func(b *testing.B) {
		cp := v.Checkpoint()
		b.ReportAllocs()
		for b.Loop() {
			if _, err := cp.MarshalBinary(); err != nil {
				b.Fatal(err)
			}
		}
	})
}
