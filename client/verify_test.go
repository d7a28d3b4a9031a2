package client

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/cometbft/cometbft/crypto"
	"github.com/cometbft/cometbft/crypto/ed25519"
	"github.com/cometbft/cometbft/types"
)

const testChain = "veil-1"

// trusted is a validator set of the given powers and its keys by address.
func trusted(powers ...int64) (*types.ValidatorSet, map[string]crypto.PrivKey) {
	keys := map[string]crypto.PrivKey{}
	vals := make([]*types.Validator, len(powers))
	for i, p := range powers {
		k := ed25519.GenPrivKeyFromSecret([]byte{byte(i), 'v'})
		keys[string(k.PubKey().Address())] = k
		vals[i] = types.NewValidator(k.PubKey(), p)
	}
	return types.NewValidatorSet(vals), keys
}

func ones(n int) []int64 {
	p := make([]int64, n)
	for i := range p {
		p[i] = 1
	}
	return p
}

// commitBy is a commit at height 5 by the members of set (the trusted
// validators at those indices, in the set's order): signed by those for
// which sign is true (with a bogus signature where forge is true), absent
// otherwise.
func commitBy(t *testing.T, set *types.ValidatorSet, keys map[string]crypto.PrivKey, members []int, sign func(i int) bool, forge bool) *types.Commit {
	t.Helper()
	c := &types.Commit{Height: 5, BlockID: types.BlockID{Hash: bytes.Repeat([]byte{1}, 32),
		PartSetHeader: types.PartSetHeader{Total: 1, Hash: bytes.Repeat([]byte{2}, 32)}}}
	for _, i := range members {
		if !sign(i) {
			c.Signatures = append(c.Signatures, types.NewCommitSigAbsent())
			continue
		}
		c.Signatures = append(c.Signatures, types.CommitSig{BlockIDFlag: types.BlockIDFlagCommit,
			ValidatorAddress: set.Validators[i].Address, Timestamp: time.Unix(1_700_000_000, 0).UTC()})
	}
	for p, s := range c.Signatures {
		if s.BlockIDFlag != types.BlockIDFlagCommit {
			continue
		}
		sig, err := keys[string(s.ValidatorAddress)].Sign(c.VoteSignBytes(testChain, int32(p)))
		if err != nil {
			t.Fatal(err)
		}
		if forge {
			sig = bytes.Repeat([]byte{7}, len(sig))
		}
		c.Signatures[p].Signature = sig
	}
	return c
}

func subsetOf(set *types.ValidatorSet, members []int) *types.ValidatorSet {
	vals := make([]*types.Validator, len(members))
	for j, i := range members {
		vals[j] = set.Validators[i].Copy()
	}
	return types.NewValidatorSet(vals)
}

// without is 0…n-1 but for the given indices.
func without(n int, out ...int) []int {
	var in []int
	for i := range n {
		if !slices.Contains(out, i) {
			in = append(in, i)
		}
	}
	return in
}

// mallocs is the heap allocations f makes: a work counter that needs no
// hook in the code under test.
func mallocs(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.Mallocs - before.Mallocs
}

// TestSetForBoundedWork (issue 15, finding 7): a header whose validator set
// is not the trusted one makes the client search the trusted set's subsets
// for the one it names; a forged header must not make that search long,
// and a real slashing must still be followed.
func TestSetForBoundedWork(t *testing.T) {
	sig := func(i int) bool { return true }
	forged := sha256.Sum256([]byte("no such set"))
	for _, tc := range []struct {
		name    string
		powers  []int64
		members []int          // the header's set, as trusted indices
		sign    func(int) bool // which members signed
		forge   bool           // signatures that do not verify
		names   []byte         // the header's validators hash (default: the members' set)
		wantErr bool
	}{
		{name: "one slashed, the rest sign", powers: ones(24), members: without(24, 7), sign: sig},
		{name: "three slashed, two absent", powers: ones(24), members: without(24, 0, 9, 23),
			sign: func(i int) bool { return i != 4 && i != 15 }},
		{name: "seven slashed, five absent", powers: ones(24), members: without(24, 2, 5, 8, 11, 14, 17, 20),
			sign: func(i int) bool { return i > 6 }},
		{name: "half slashed, a third absent", powers: ones(24), members: without(24, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23),
			sign: func(i int) bool { return i > 6 }, wantErr: true}, // a third of the trusted power did not sign
		// Today's code tries C(19,9) = 92,378 subsets (C(23,12) = 1.35
		// million with 24 validators) before it looks at a signature.
		{name: "a forged signer names a 10-of-20 set", powers: ones(20), members: without(20, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19),
			sign: func(i int) bool { return i == 0 }, forge: true, names: forged[:], wantErr: true},
		// A validator with more than a third of the power signs for a set
		// no subset is: the signature holds, the search is refused.
		{name: "a third of the power names no subset", powers: append([]int64{12}, ones(19)...), members: without(20, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19),
			sign: func(i int) bool { return i == 0 }, names: forged[:], wantErr: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			set, keys := trusted(tc.powers...)
			c := commitBy(t, set, keys, tc.members, tc.sign, tc.forge)
			want := subsetOf(set, tc.members)
			h := &types.Header{ValidatorsHash: want.Hash()}
			if tc.names != nil {
				h.ValidatorsHash = tc.names
			}
			v := &Verifier{ChainID: testChain, Validators: set}
			var got *types.ValidatorSet
			var err error
			work := mallocs(func() { got, err = v.setFor(h, c) })
			if work > 50_000 {
				t.Errorf("%d allocations for one header", work)
			}
			if tc.wantErr {
				if !errors.Is(err, ErrVerify) {
					t.Fatalf("want ErrVerify, got %v (set %v)", err, got)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Hash(), want.Hash()) || got.Size() != len(tc.members) {
				t.Fatalf("found a set of %d hashing to %X, want %d members and %X", got.Size(), got.Hash(), len(tc.members), want.Hash())
			}
			if err := got.VerifyCommit(testChain, c.BlockID, c.Height, c); err != nil {
				t.Fatalf("the set found does not verify its commit: %v", err)
			}
		})
	}
}

// TestFindSubsetTries counts the hashes the search computes: one per
// candidate at most, none once the candidates are over the limit.
func TestFindSubsetTries(t *testing.T) {
	set, keys := trusted(ones(24)...)
	members := without(24, 0, 1, 2)                                                // slashed: the first three
	c := commitBy(t, set, keys, members, func(i int) bool { return i > 5 }, false) // absent: 3, 4, 5
	gaps, err := subsetGaps(set.Validators, c.Signatures)
	if err != nil {
		t.Fatal(err)
	}
	// The first signer is trusted validator 6 at entry 3: three of 0…5 are
	// absent members, C(6,3) = 20 candidates.
	real := subsetOf(set, members).Hash()
	forged := sha256.Sum256([]byte("no such set"))
	for _, tc := range []struct {
		name           string
		target         []byte
		limit          int
		wantTries      int // 0: at most the 20 candidates
		found, refused bool
	}{
		{name: "the named subset is found", target: real, limit: maxSubsets, found: true},
		{name: "every candidate tried once", target: forged[:], limit: maxSubsets, wantTries: 20},
		{name: "candidates at the limit", target: forged[:], limit: 20, wantTries: 20},
		{name: "candidates over the limit", target: real, limit: 19, refused: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in, tries, err := findSubset(set.Validators, c.Signatures, gaps, tc.target, tc.limit)
			switch {
			case tries > 20 || (tc.wantTries != 0 && tries != tc.wantTries) || (tc.refused && tries != 0):
				t.Fatalf("%d tries", tries)
			case tc.refused != errors.Is(err, errSubsets) || tc.found != (err == nil) || !errors.Is(err, ErrVerify) && err != nil:
				t.Fatalf("err %v", err)
			}
			if tc.found {
				var got []int
				for i, ok := range in {
					if ok {
						got = append(got, i)
					}
				}
				if !slices.Equal(got, members) {
					t.Fatalf("found %v, want %v", got, members)
				}
			}
		})
	}
}

// TestSubsetGapsRefusesDisorder: the commit's named members must be
// trusted, in the trusted order, and leave room for the absent ones.
func TestSubsetGapsRefusesDisorder(t *testing.T) {
	set, keys := trusted(ones(8)...)
	all := func(int) bool { return true }
	for _, tc := range []struct {
		name string
		sigs func() []types.CommitSig
	}{
		{"out of order", func() []types.CommitSig {
			s := commitBy(t, set, keys, []int{0, 1, 2, 3, 4}, all, false).Signatures
			s[1], s[2] = s[2], s[1]
			return s
		}},
		{"twice", func() []types.CommitSig {
			s := commitBy(t, set, keys, []int{0, 1, 2, 3, 4}, all, false).Signatures
			s[2] = s[1]
			return s
		}},
		{"a stranger", func() []types.CommitSig {
			s := commitBy(t, set, keys, []int{0, 1, 2, 3, 4}, all, false).Signatures
			s[3].ValidatorAddress = bytes.Repeat([]byte{9}, 20)
			return s
		}},
		{"more members before it than trusted validators", func() []types.CommitSig {
			// Validator 1 signing as the set's fourth member.
			return commitBy(t, set, keys, []int{2, 3, 4, 1, 5}, func(i int) bool { return i == 1 }, false).Signatures
		}},
		{"more removed before it than the set lost", func() []types.CommitSig {
			// Validator 7 signing as the first of five: seven removed of three.
			return commitBy(t, set, keys, []int{7, 0, 1, 2, 3}, func(i int) bool { return i == 7 }, false).Signatures
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := subsetGaps(set.Validators, tc.sigs()); !errors.Is(err, ErrVerify) {
				t.Fatalf("want ErrVerify, got %v", err)
			}
		})
	}
}

func TestBinomial(t *testing.T) {
	for _, tc := range []struct{ n, k, limit, want int }{
		{0, 0, 10, 1}, {5, 0, 10, 1}, {5, 5, 10, 1}, {5, 2, 10, 10}, {5, 6, 10, 0}, {5, -1, 10, 0},
		{23, 12, 4096, 4097}, {19, 9, 1 << 20, 92378}, {150, 75, 4096, 4097},
	} {
		if got := binomial(tc.n, tc.k, tc.limit); got != tc.want {
			t.Errorf("C(%d,%d) limit %d = %d, want %d", tc.n, tc.k, tc.limit, got, tc.want)
		}
	}
}
