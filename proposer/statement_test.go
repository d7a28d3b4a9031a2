package proposer

import (
	"errors"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/veil-sequencer/veil/threshold"
	"github.com/veil-sequencer/veil/threshold/thresholdtest"
)

// TestStatements: a record may carry the active committee's σ of the due
// eon statement (and of the due Slash statement); Check accepts exactly the valid σ of the due eon (carried
// through decode and encode), and refuses one for an eon not due, one
// over another digest, one when nothing is due, and one by another key.
// A bundle's keys verify under its own eon's key (Due.EonKey).
func TestStatements(t *testing.T) {
	in, key, d := fixture(t)
	due := &StatementDue{Subject: 4, Signer: 1, Digest: common.Hash{0xe0}}
	in.EonDue = due
	sigma := keyOf(t, d, due.Identity(1337))
	other, _ := thresholdtest.Deal(nil, 1, 1)
	sign := func(s *StatementSig) []byte {
		in := in
		in.EonSig = s
		in.EonDue = &StatementDue{Subject: s.Subject, Signer: 1, Digest: due.Digest} // Build takes what it is given
		rec, err := Build(in, key, nil)
		if err != nil {
			t.Fatal(err)
		}
		return rec.Encode()
	}
	notDue := in
	notDue.EonDue = nil
	for _, tc := range []struct {
		name string
		in   Inputs
		raw  []byte
		want error
	}{
		{"the due statement", in, sign(&StatementSig{Subject: 4, Sigma: sigma}), nil},
		{"another eon", in, sign(&StatementSig{Subject: 5, Sigma: sigma}), ErrBadStatement},
		{"another digest", in, sign(&StatementSig{Subject: 4, Sigma: keyOf(t, d, threshold.SigningIdentity(1337, 1, common.Hash{0xe1}))}), ErrBadStatement},
		{"nothing due", notDue, sign(&StatementSig{Subject: 4, Sigma: sigma}), ErrBadStatement},
		{"another committee", in, sign(&StatementSig{Subject: 4, Sigma: keyOf(t, other, due.Identity(1337))}), ErrBadStatement},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec, err := Check(tc.in, tc.raw)
			if (tc.want == nil && err != nil) || (tc.want != nil && !errors.Is(err, tc.want)) {
				t.Fatalf("got %v, want %v", err, tc.want)
			}
			if tc.want == nil && (rec.EonSig == nil || !rec.EonSig.Sigma.Equal(sigma)) {
				t.Fatalf("the record's σ %+v", rec.EonSig)
			}
		})
	}

	// A Slash statement beside it: both are carried and checked.
	slash := &StatementDue{Subject: 7, Signer: 1, Digest: common.Hash{0x51}}
	both := in
	both.EonSig, both.SlashDue = &StatementSig{Subject: 4, Sigma: sigma}, slash
	both.SlashSig = &StatementSig{Subject: 7, Sigma: keyOf(t, d, slash.Identity(1337))}
	rec, err := Build(both, key, nil)
	if err != nil || rec.Slash == nil || rec.EonSig == nil {
		t.Fatalf("a record with both statements: %+v %v", rec, err)
	}
	check := both
	check.EonSig, check.SlashSig = nil, nil
	if got, err := Check(check, rec.Encode()); err != nil || got.Slash == nil || got.Slash.Subject != 7 {
		t.Fatalf("checking a record with both statements: %v", err)
	}
	check.SlashDue = &StatementDue{Subject: 8, Signer: 1, Digest: slash.Digest}
	if _, err := Check(check, rec.Encode()); !errors.Is(err, ErrBadStatement) {
		t.Fatalf("a slash of a registration not due: %v", err)
	}

	// Keys of a bundle of the eon before verify under its key, not the
	// slot's.
	id := threshold.Identity{0xa}
	in.Bids, in.EonDue = nil, nil
	in.Due = []Due{{Slot: slot - 2, Identities: []threshold.Identity{id}, Required: true, EonKey: other.EonKey}}
	rec, err = Build(in, nil, KeySet{slot - 2: {keyOf(t, other, id)}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Check(in, rec.Encode()); err != nil {
		t.Fatalf("keys under the bundle's eon: %v", err)
	}
	in.Due[0].EonKey = nil
	if _, err := Check(in, rec.Encode()); !errors.Is(err, ErrBadKeys) {
		t.Fatalf("keys of the old eon under the slot's: %v", err)
	}
}
