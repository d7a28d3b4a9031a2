package client

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/cometbft/cometbft/crypto/ed25519"
	"github.com/cometbft/cometbft/types"
	"github.com/ethereum/go-ethereum/common"

	"github.com/veil-sequencer/veil/api/apitypes"
	"github.com/veil-sequencer/veil/contracts"
	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/eon"
	"github.com/veil-sequencer/veil/proposer"
	"github.com/veil-sequencer/veil/threshold"
	"github.com/veil-sequencer/veil/threshold/thresholdtest"
)

// dealtEon is an n-keyper eon dealt for tests, with CometBFT keys.
func dealtEon(t testing.TB, number uint64, n int) (*eon.Info, *thresholdtest.Dealing, []ed25519.PrivKey) {
	t.Helper()
	d, err := thresholdtest.Deal(nil, n, n)
	if err != nil {
		t.Fatal(err)
	}
	info := &eon.Info{Eon: number, PublicKey: d.EonKey, Threshold: n, ChainID: 1337}
	var comet []ed25519.PrivKey
	for i := range n {
		info.Keypers = append(info.Keypers, eon.Keyper{Index: i + 1, Address: common.Address{byte(number), byte(i)}, PublicKeyShare: d.PublicShares[i]})
		comet = append(comet, ed25519.GenPrivKeyFromSecret([]byte{byte(number), byte(i)}))
	}
	return info, d, comet
}

// eonKeySig is eon signer's signature (its dealing's key) of next's EonKey
// statement, next's keypers having the CometBFT keys keys.
func eonKeySig(t testing.TB, domain eip712.Domain, signer *thresholdtest.Dealing, signerEon uint64, next *eon.Info, keys [][32]byte) *threshold.IdentityKey {
	t.Helper()
	ms, err := contracts.Members(next, keys)
	if err != nil {
		t.Fatal(err)
	}
	digest := contracts.EonKeyDigest(domain, next.Eon, next.PublicKey.EIP2537(), contracts.KeypersRoot(ms))
	sigma, err := signer.Key(threshold.SigningIdentity(domain.ChainID, signerEon, digest).Point())
	if err != nil {
		t.Fatal(err)
	}
	return sigma
}

// TestVerifierLearnsHandover: from verified blocks the verifier takes up
// the next validator set only when it hashes to what the signed header
// names, and the next eon only when its EonKey statement verifies under
// the eon it trusts; it checks a record of the new eon under the new key
// from then on, and refuses a record of an eon it was shown no key of.
func TestVerifierLearnsHandover(t *testing.T) {
	domain := eip712.Domain{ChainID: 1337, Salt: common.Hash{0x5a}}
	cur, curDeal, _ := dealtEon(t, 1, 1)
	next, _, comet := dealtEon(t, 2, 3)
	var newSet []*types.Validator
	var members []apitypes.SetMember
	var keys [][32]byte
	for _, k := range comet {
		newSet = append(newSet, types.NewValidator(k.PubKey(), 1))
		members = append(members, apitypes.SetMember{PubKey: k.PubKey().Bytes(), Power: 1})
		keys = append(keys, [32]byte(k.PubKey().Bytes()))
	}
	set := types.NewValidatorSet(newSet)
	sigma := eonKeySig(t, domain, curDeal, 1, next, keys)
	raw, _ := json.Marshal(next)
	cometHex := make([][]byte, len(keys))
	for i := range keys {
		cometHex[i] = keys[i][:]
	}
	served := func() *apitypes.Block {
		b := &apitypes.Block{NextValidators: append([]apitypes.SetMember(nil), members...), NextEon: &apitypes.NextEonKey{Eon: raw}}
		for _, k := range cometHex {
			b.NextEon.CometKeys = append(b.NextEon.CometKeys, append([]byte(nil), k...))
		}
		return b
	}
	header := &types.Header{ValidatorsHash: []byte{1}, NextValidatorsHash: set.Hash()}
	signed := &proposer.Record{Eon: 1, EonSig: &proposer.StatementSig{Subject: 2, Sigma: sigma}}

	for _, tc := range []struct {
		name string
		edit func(b *apitypes.Block, r *proposer.Record)
		part string
	}{
		{"another next set", func(b *apitypes.Block, _ *proposer.Record) { b.NextValidators = b.NextValidators[:2] }, "nextValidators"},
		{"a next set member of power 0", func(b *apitypes.Block, _ *proposer.Record) { b.NextValidators[0].Power = 0 }, "nextValidators"},
		{"no next eon served", func(b *apitypes.Block, _ *proposer.Record) { b.NextEon = nil }, "nextEon"},
		{"another member's CometBFT key", func(b *apitypes.Block, _ *proposer.Record) {
			b.NextEon.CometKeys[0] = make([]byte, 32)
		}, "nextEon"},
		{"a key the committee did not sign", func(_ *apitypes.Block, r *proposer.Record) {
			other, _ := curDeal.Key(threshold.SigningIdentity(1337, 1, common.Hash{1}).Point())
			r.EonSig = &proposer.StatementSig{Subject: 2, Sigma: other}
		}, "nextEon"},
		{"the record signs another eon", func(_ *apitypes.Block, r *proposer.Record) {
			r.EonSig = &proposer.StatementSig{Subject: 3, Sigma: sigma}
		}, "nextEon"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := &Verifier{Eon: cur, Domain: domain}
			b, r := served(), *signed
			tc.edit(b, &r)
			err := v.learn(b, header, &r)
			if !errors.Is(err, ErrVerify) || !strings.Contains(err.Error(), tc.part) {
				t.Fatalf("got %v, want a refusal naming %s", err, tc.part)
			}
		})
	}

	v := &Verifier{Eon: cur, Domain: domain}
	if _, err := v.eonOf(&proposer.Record{Eon: 2}); !errors.Is(err, ErrVerify) {
		t.Fatalf("a record of an eon never shown: %v", err)
	}
	if err := v.learn(served(), header, signed); err != nil {
		t.Fatal(err)
	}
	if v.nextSet == nil || v.nextEon == nil || v.Eon.Eon != 1 {
		t.Fatalf("learned set %v eon %v; trusts eon %d", v.nextSet != nil, v.nextEon != nil, v.Eon.Eon)
	}
	got, err := v.eonOf(&proposer.Record{Eon: 2})
	if err != nil || !got.PublicKey.Equal(next.PublicKey) {
		t.Fatalf("the new eon's record: %v", err)
	}
	if err := v.learn(&apitypes.Block{}, &types.Header{ValidatorsHash: set.Hash(), NextValidatorsHash: set.Hash()}, &proposer.Record{Eon: 2}); err != nil || v.Eon.Eon != 2 || v.nextEon != nil {
		t.Fatalf("after the first record of eon 2: trusts eon %d (%v)", v.Eon.Eon, err)
	}
}
