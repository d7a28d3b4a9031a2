package oracle

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/cometbft/cometbft/crypto/ed25519"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	cmttypes "github.com/cometbft/cometbft/types"
	"github.com/ethereum/go-ethereum/common"

	"github.com/veil-sequencer/veil/merkle"
)

const testChain = "veil-1337"

// network is four validators of power 1 and an L1 whose blocks 11…15
// carry made-up events.
type network struct {
	keys    []ed25519.PrivKey
	signers []Signer
	events  map[uint64][][]byte
}

func newNetwork() *network {
	n := &network{events: map[uint64][][]byte{}}
	for i := range 4 {
		k := ed25519.GenPrivKeyFromSecret([]byte{byte(i)})
		n.keys = append(n.keys, k)
		n.signers = append(n.signers, Signer{Address: common.Address(k.PubKey().Address()), PubKey: k.PubKey().Bytes(), Power: 1})
	}
	for num := uint64(11); num <= 15; num++ {
		n.events[num] = [][]byte{bytes.Repeat([]byte{byte(num)}, 100), {byte(num), 1}}
	}
	return n
}

// view is the attestations of blocks from…to as an honest L1 node has them.
func (n *network) view(from, to uint64) []Attestation {
	var out []Attestation
	for num := from; num <= to; num++ {
		out = append(out, Attestation{Number: num, Hash: common.Hash{0xb1, byte(num)}, EventsRoot: merkle.Root(n.events[num])})
	}
	return out
}

// vote is validator i's signed extension attesting atts at height, round 0.
func (n *network) vote(i int, height uint64, atts []Attestation) Extended {
	ext, err := Encode(atts)
	if err != nil {
		panic(err)
	}
	return n.signed(i, height, ext)
}

func (n *network) signed(i int, height uint64, ext []byte) Extended {
	msg := cmttypes.VoteExtensionSignBytes(testChain, &cmtproto.Vote{Type: cmtproto.PrecommitType, Height: int64(height), Extension: ext})
	sig, err := n.keys[i].Sign(msg)
	if err != nil {
		panic(err)
	}
	return Extended{Validator: n.signers[i].Address, Extension: ext, Signature: sig}
}

func (n *network) inputs(commit []Extended) Inputs {
	in := Inputs{Applied: 10, ChainID: testChain, Height: 41, Signers: n.signers, Budget: 1 << 10}
	for _, v := range commit {
		in.Commit = append(in.Commit, v.Validator)
	}
	return in
}

func (n *network) source(a Attestation) ([][]byte, bool) {
	evs, ok := n.events[a.Number]
	return evs, ok
}

func TestSection(t *testing.T) {
	n := newNetwork()
	honest := n.view(11, 15)
	all := []Extended{n.vote(0, 41, honest), n.vote(1, 41, honest), n.vote(2, 41, honest), n.vote(3, 41, honest[:2])}
	in := n.inputs(all)
	s, applied := Build(in, all, n.source)
	if len(applied) != 5 || len(s.Blocks) != 5 || len(s.Votes) != 4 {
		t.Fatalf("built %d votes, %d blocks, applied %v", len(s.Votes), len(s.Blocks), applied)
	}
	if got, err := Check(in, s); err != nil || !slices.Equal(got, honest) {
		t.Fatalf("Check of the proposer's own section: %v %v", got, err)
	}
	parsed, err := ParseSection(s.AppendJSON(nil))
	if err != nil || !bytes.Equal(parsed.AppendJSON(nil), s.AppendJSON(nil)) {
		t.Fatalf("the section does not survive its JSON: %v", err)
	}

	spoilSig := func(v Extended) Extended { v.Signature = bytes.Clone(v.Signature); v.Signature[0] ^= 1; return v }
	lying := n.view(11, 15)
	lying[2].EventsRoot = common.Hash{0xee}
	type variant struct {
		name    string
		commit  []Extended // the last commit, as CometBFT has it
		section func(*Section)
		applied int // blocks applied, if the block is valid
		err     error
	}
	with := func(f func(*Section)) func(*Section) { return f }
	for _, tc := range []variant{
		{"honest", all, nil, 5, nil},
		{"a vote left out", all, with(func(s *Section) { s.Votes = s.Votes[1:] }), 0, ErrVotes},
		{"a vote repeated", all, with(func(s *Section) { s.Votes[1] = s.Votes[0] }), 0, ErrVotes},
		{"a vote nobody committed", all[:3], nil, 0, ErrVotes},
		{"votes out of order", all, with(func(s *Section) { s.Votes[0], s.Votes[1] = s.Votes[1], s.Votes[0] }), 0, ErrVotes},
		{"another round", all, with(func(s *Section) { s.Round = 1 }), 0, ErrRound},
		{"one signature spoiled: three still agree", []Extended{spoilSig(all[0]), all[1], all[2], all[3]}, nil, 2, nil},
		{"two signatures spoiled: no agreement, no block", []Extended{spoilSig(all[0]), spoilSig(all[1]), all[2], all[3]}, nil, 0, nil},
		{"an extension signed for another height counts nothing", []Extended{n.vote(0, 40, honest), n.vote(1, 40, honest), all[2], all[3]}, nil, 0, nil},
		{"a malformed extension counts nothing", []Extended{n.signed(0, 41, []byte{9, 9}), all[1], all[2], all[3]}, nil, 2, nil},
		{"one liar changes nothing", []Extended{n.vote(0, 41, lying), all[1], all[2], all[3]}, nil, 2, nil},
		{"a block added beyond agreement", []Extended{n.vote(0, 41, lying), all[1], all[2], all[3]}, with(func(s *Section) {
			s.Blocks = append(s.Blocks, Block{Number: 13, Hash: honest[2].Hash, Events: n.events[13]})
		}), 0, ErrBlocks},
		{"an event altered", all, with(func(s *Section) { s.Blocks[1].Events[0] = []byte{1} }), 0, ErrEventsRoot},
		{"an event dropped", all, with(func(s *Section) { s.Blocks[1].Events = s.Blocks[1].Events[1:] }), 0, ErrEventsRoot},
		{"an event added", all, with(func(s *Section) { s.Blocks[0].Events = append(s.Blocks[0].Events, []byte{7}) }), 0, ErrEventsRoot},
		{"a block skipped", all, with(func(s *Section) { s.Blocks = s.Blocks[1:] }), 0, ErrBlocks},
		{"fewer blocks than agreed: the proposer's choice", all, with(func(s *Section) { s.Blocks = s.Blocks[:1] }), 1, nil},
		// CometBFT takes a late precommit's extension on its signature alone:
		// the proposer must not carry it as it came.
		{"an oversized extension in the commit", []Extended{n.signed(0, 41, bytes.Repeat([]byte{1}, 2000)), all[1], all[2], all[3]}, nil, 2, nil},
		{"a malformed extension in the commit", []Extended{n.signed(0, 41, []byte{Version, 3}), all[1], all[2], all[3]}, nil, 2, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := n.inputs(tc.commit)
			s, _ := Build(in, tc.commit, n.source)
			parsed, err := ParseSection(s.AppendJSON(nil)) // as the block carries it
			if err != nil {
				t.Fatalf("the proposer's section does not parse: %v", err)
			}
			s = cloneSection(parsed)
			if tc.section != nil {
				tc.section(s)
			}
			if tc.name == "a vote nobody committed" {
				s.Votes = append(s.Votes, SignedVote{Validator: all[3].Validator, Extension: all[3].Extension, Signature: all[3].Signature})
			}
			got, err := Check(in, s)
			if !errors.Is(err, tc.err) {
				t.Fatalf("Check: %v, want %v", err, tc.err)
			}
			if err == nil && len(got) != tc.applied {
				t.Fatalf("applied %d blocks, want %d", len(got), tc.applied)
			}
		})
	}

	// The budget: the first block always, then only what fits.
	in.Budget = 150
	s, applied = Build(in, all, n.source)
	if len(applied) != 1 {
		t.Fatalf("with a 150-byte budget %d blocks applied, want 1 (each has 102 bytes)", len(applied))
	}
	s.Blocks = append(s.Blocks, Block{Number: 12, Hash: honest[1].Hash, Events: n.events[12]})
	if _, err := Check(in, s); !errors.Is(err, ErrBudget) {
		t.Fatalf("two blocks over budget: %v", err)
	}
}

func cloneSection(s *Section) *Section {
	c := &Section{Round: s.Round, Votes: slices.Clone(s.Votes)}
	for _, b := range s.Blocks {
		evs := make([][]byte, len(b.Events))
		for i, e := range b.Events {
			evs[i] = bytes.Clone(e)
		}
		c.Blocks = append(c.Blocks, Block{Number: b.Number, Hash: b.Hash, Events: evs})
	}
	return c
}

func TestParseSection(t *testing.T) {
	n := newNetwork()
	all := []Extended{n.vote(0, 41, n.view(11, 12)), n.vote(1, 41, nil)}
	s, _ := Build(n.inputs(all), all, n.source)
	raw := string(s.AppendJSON(nil))
	for _, tc := range []struct {
		name string
		raw  string
		ok   bool
	}{
		{"canonical", raw, true},
		{"upper-case hex", strings.Replace(raw, "0x", "0X", 1), false},
		{"a space", strings.Replace(raw, `"votes":`, `"votes": `, 1), false},
		{"an unknown field", strings.Replace(raw, `{"round"`, `{"extra":1,"round"`, 1), false},
		{"a short address", strings.Replace(raw, `"validator":"0x`, `"validator":"0x00`, 1), false},
		{"not JSON", "{", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseSection([]byte(tc.raw))
			if (err == nil) != tc.ok {
				t.Fatalf("ParseSection: %v, want ok %v", err, tc.ok)
			}
		})
	}
}

// FuzzParseSection: any bytes parse or are refused without a panic, and
// what parses is its own canonical encoding.
func FuzzParseSection(f *testing.F) {
	n := newNetwork()
	all := []Extended{n.vote(0, 41, n.view(11, 13)), n.vote(2, 41, n.view(11, 11))}
	s, _ := Build(n.inputs(all), all, n.source)
	f.Add(s.AppendJSON(nil))
	f.Add([]byte(`{"round":0,"votes":[],"blocks":[]}`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		s, err := ParseSection(raw)
		if err != nil {
			return
		}
		if !bytes.Equal(s.AppendJSON(nil), raw) {
			t.Fatalf("%q parses but encodes as %q", raw, s.AppendJSON(nil))
		}
	})
}
