package oracle

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/cometbft/cometbft/crypto/ed25519"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	cmttypes "github.com/cometbft/cometbft/types"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/veil-sequencer/veil/merkle"
)

// Section is the oracle's part of block s's slot record (protocol §4,
// §9): the votes of block s−1's commit with their extensions and extension
// signatures, exactly those flagged Commit, one per validator, by address;
// and the L1 blocks this block applies, each with its events (the items
// whose root the validators attested), consecutive from l1Applied + 1.
type Section struct {
	Round  int32
	Votes  []SignedVote
	Blocks []Block
}

// SignedVote is one committed vote's extension and its signature.
type SignedVote struct {
	Validator common.Address // CometBFT validator address
	Extension []byte
	Signature []byte
}

// Block is an applied L1 block: number, hash and its events' items.
type Block struct {
	Number uint64
	Hash   common.Hash
	Events [][]byte
}

// Bounds of a section, checked when it is parsed: nothing larger is ever
// decoded further.
const (
	MaxVotes      = 256
	SignatureSize = ed25519.SignatureSize
	// MaxEventsBytes bounds one L1 block's events. L1 gas bounds them far
	// lower (calldata costs 16 gas a byte: a 60M-gas block carries under 4
	// MB), so an agreed block always fits and no one can stall the oracle.
	MaxEventsBytes = 8 << 20
)

// EventBytes is the size of blocks' events together.
func EventBytes(blocks []Block) int {
	n := 0
	for _, b := range blocks {
		for _, e := range b.Events {
			n += len(e)
		}
	}
	return n
}

// AppendJSON appends the section's canonical JSON: fields in this order,
// no whitespace, lowercase hex.
func (s *Section) AppendJSON(b []byte) []byte {
	b = fmt.Appendf(b, `{"round":%d,"votes":[`, s.Round)
	for i, v := range s.Votes {
		if i > 0 {
			b = append(b, ',')
		}
		b = fmt.Appendf(b, `{"validator":"%s","extension":"%s","signature":"%s"}`,
			hexutil.Encode(v.Validator[:]), hexutil.Encode(v.Extension), hexutil.Encode(v.Signature))
	}
	b = append(b, `],"blocks":[`...)
	for i, bl := range s.Blocks {
		if i > 0 {
			b = append(b, ',')
		}
		b = fmt.Appendf(b, `{"number":%d,"hash":"%s","events":[`, bl.Number, hexutil.Encode(bl.Hash[:]))
		for j, e := range bl.Events {
			if j > 0 {
				b = append(b, ',')
			}
			b = append(b, '"')
			b = append(b, hexutil.Encode(e)...)
			b = append(b, '"')
		}
		b = append(b, "]}"...)
	}
	return append(b, "]}"...)
}

type sectionJSON struct {
	Round int32 `json:"round"`
	Votes []struct {
		Validator hexutil.Bytes `json:"validator"`
		Extension hexutil.Bytes `json:"extension"`
		Signature hexutil.Bytes `json:"signature"`
	} `json:"votes"`
	Blocks []struct {
		Number uint64          `json:"number"`
		Hash   common.Hash     `json:"hash"`
		Events []hexutil.Bytes `json:"events"`
	} `json:"blocks"`
}

// ErrSection is a section that is not well formed.
var ErrSection = errors.New("oracle: malformed record section")

// ParseSection decodes a section from its canonical JSON, within the
// bounds; a section whose bytes are not its canonical encoding is refused.
func ParseSection(raw []byte) (*Section, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	var j sectionJSON
	if err := dec.Decode(&j); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrSection, err)
	}
	if len(j.Votes) > MaxVotes || len(j.Blocks) > MaxAttestations {
		return nil, fmt.Errorf("%w: %d votes, %d blocks", ErrSection, len(j.Votes), len(j.Blocks))
	}
	s := &Section{Round: j.Round}
	for _, v := range j.Votes {
		if len(v.Validator) != common.AddressLength || len(v.Extension) > MaxExtensionSize || len(v.Signature) > SignatureSize {
			return nil, fmt.Errorf("%w: a vote of %d, %d, %d bytes", ErrSection, len(v.Validator), len(v.Extension), len(v.Signature))
		}
		s.Votes = append(s.Votes, SignedVote{Validator: common.Address(v.Validator), Extension: v.Extension, Signature: v.Signature})
	}
	for _, bl := range j.Blocks {
		b := Block{Number: bl.Number, Hash: bl.Hash}
		for _, e := range bl.Events {
			b.Events = append(b.Events, e)
		}
		s.Blocks = append(s.Blocks, b)
	}
	if !bytes.Equal(s.AppendJSON(nil), raw) {
		return nil, fmt.Errorf("%w: not in canonical form", ErrSection)
	}
	return s, nil
}

// Signer is a validator of the set that signed block s−1.
type Signer struct {
	Address common.Address
	PubKey  []byte // ed25519
	Power   int64
}

// Inputs are what the section of block s is checked against: the
// committed state after s−1 and block s's last commit.
type Inputs struct {
	Applied uint64   // l1Applied after block s−1
	ChainID string   // CometBFT's chain id: the extension sign bytes name it
	Height  uint64   // s−1, whose precommits carried the extensions
	Signers []Signer // the set that signed s−1
	Round   int32    // the last commit's round
	Commit  []common.Address
	// Commit is the validators whose precommit for s−1 is in the commit
	// (flag Commit), in any order.
	Budget int // event bytes a block applies, beyond its first L1 block
}

// Errors of Check: each makes the block invalid.
var (
	ErrRound      = errors.New("oracle: the section's round is not the last commit's")
	ErrVotes      = errors.New("oracle: the section's votes are not exactly the last commit's")
	ErrBlocks     = errors.New("oracle: the section applies L1 blocks that are not agreed")
	ErrEventsRoot = errors.New("oracle: an applied block's events are not the attested ones")
	ErrBudget     = errors.New("oracle: the applied events exceed the block's budget")
)

// Votes are the section's votes as the agreement counts them: a vote
// whose signature does not verify, or whose extension is malformed,
// attests nothing (it never makes the block invalid: a proposer can spoil
// only its own block's count). It fails if the votes are not exactly the
// commit's, one per validator, by address.
func Votes(in Inputs, s *Section) ([]Vote, error) {
	sgs, err := voters(in, s)
	if err != nil {
		return nil, err
	}
	votes := make([]Vote, len(s.Votes))
	for i, v := range s.Votes {
		votes[i].Power = sgs[i].Power
		votes[i].Atts, _ = counted(in, sgs[i], v)
	}
	return votes, nil
}

// voters are the signers of the section's votes, in order, once the votes
// are found to be exactly the commit's: its round, one per validator that
// committed, by address, each in the set.
func voters(in Inputs, s *Section) ([]Signer, error) {
	if s.Round != in.Round {
		return nil, fmt.Errorf("%w: %d, the commit's %d", ErrRound, s.Round, in.Round)
	}
	want := slices.Clone(in.Commit)
	slices.SortFunc(want, func(a, b common.Address) int { return bytes.Compare(a[:], b[:]) })
	if len(want) != len(s.Votes) {
		return nil, fmt.Errorf("%w: %d votes for %d committed", ErrVotes, len(s.Votes), len(want))
	}
	signers := signerMap(in.Signers)
	sgs := make([]Signer, len(s.Votes))
	for i, v := range s.Votes {
		if v.Validator != want[i] {
			return nil, fmt.Errorf("%w: vote %d is %s, the commit's is %s", ErrVotes, i, v.Validator, want[i])
		}
		sg, ok := signers[v.Validator]
		if !ok {
			return nil, fmt.Errorf("%w: %s signed the commit but is not in the set", ErrVotes, v.Validator)
		}
		sgs[i] = sg
	}
	return sgs, nil
}

func signerMap(signers []Signer) map[common.Address]Signer {
	m := make(map[common.Address]Signer, len(signers))
	for _, sg := range signers {
		m[sg.Address] = sg
	}
	return m
}

// counted is what a vote attests: its extension's attestations if its
// signature verifies and the extension is well formed (ok), else nothing.
func counted(in Inputs, sg Signer, v SignedVote) (atts []Attestation, ok bool) {
	if !verify(in, sg, v) {
		return nil, false
	}
	atts, err := Decode(v.Extension)
	return atts, err == nil
}

// verify checks a vote's extension signature as CometBFT made it.
func verify(in Inputs, sg Signer, v SignedVote) bool {
	if len(sg.PubKey) != ed25519.PubKeySize || len(v.Signature) != SignatureSize {
		return false
	}
	msg := cmttypes.VoteExtensionSignBytes(in.ChainID, &cmtproto.Vote{Type: cmtproto.PrecommitType,
		Height: int64(in.Height), Round: in.Round, Extension: v.Extension})
	return ed25519.PubKey(sg.PubKey).VerifySignature(msg, v.Signature)
}

// TotalPower is the power of the whole set.
func TotalPower(signers []Signer) int64 {
	var t int64
	for _, s := range signers {
		t += s.Power
	}
	return t
}

// Check is ProcessProposal's (and FinalizeBlock's) verdict on block s's
// section: the votes exactly the commit's, and the applied blocks a prefix
// of what they agree, each with the events whose root was attested, within
// the budget (a first block always fits). It returns the applied
// attestations.
func Check(in Inputs, s *Section) ([]Attestation, error) {
	votes, err := Votes(in, s)
	if err != nil {
		return nil, err
	}
	agreed := Agree(in.Applied, votes, TotalPower(in.Signers))
	if len(s.Blocks) > len(agreed) {
		return nil, fmt.Errorf("%w: %d blocks applied, %d agreed after %d", ErrBlocks, len(s.Blocks), len(agreed), in.Applied)
	}
	if len(s.Blocks) > 1 && EventBytes(s.Blocks) > in.Budget {
		return nil, fmt.Errorf("%w: %d bytes in %d blocks, budget %d", ErrBudget, EventBytes(s.Blocks), len(s.Blocks), in.Budget)
	}
	for i, b := range s.Blocks {
		a := agreed[i]
		if b.Number != a.Number || b.Hash != a.Hash {
			return nil, fmt.Errorf("%w: block %d %s, agreed %d %s", ErrBlocks, b.Number, b.Hash, a.Number, a.Hash)
		}
		if root := merkle.Root(b.Events); root != a.EventsRoot {
			return nil, fmt.Errorf("%w: block %d's %d events have root %s, attested %s", ErrEventsRoot, b.Number, len(b.Events), root, a.EventsRoot)
		}
		if EventBytes(s.Blocks[i:i+1]) > MaxEventsBytes {
			return nil, fmt.Errorf("%w: block %d has %d bytes of events", ErrBudget, b.Number, EventBytes(s.Blocks[i:i+1]))
		}
	}
	return agreed[:len(s.Blocks)], nil
}

// Extended is a vote of the proposer's extended commit (PrepareProposal's
// LocalLastCommit), flagged Commit.
type Extended struct {
	Validator common.Address
	Extension []byte
	Signature []byte
}

// Source gives the proposer the events of an agreed L1 block from its own
// L1 view: false if it does not have them (its view is behind or differs).
type Source func(a Attestation) ([][]byte, bool)

// Build is the proposer's section: its extended commit's votes, by
// address, and the longest prefix of the agreed blocks whose events its own
// view holds (matching the attested roots) within the budget. A vote whose
// extension is malformed or oversized, or whose signature does not verify,
// goes in without extension and signature: it attests nothing either way,
// and as it came (CometBFT checks a late precommit's extension signature but
// not its form) it would make the section, and every proposal, invalid.
func Build(in Inputs, commit []Extended, events Source) (*Section, []Attestation) {
	s := &Section{Round: in.Round}
	signers := signerMap(in.Signers)
	type judged struct {
		vote SignedVote
		atts []Attestation
	}
	all := make([]judged, len(commit))
	for i, v := range commit {
		all[i].vote = SignedVote(v)
		ok := false
		if sg, member := signers[v.Validator]; member {
			all[i].atts, ok = counted(in, sg, all[i].vote)
		}
		if !ok {
			all[i].vote.Extension, all[i].vote.Signature = nil, nil
		}
	}
	slices.SortFunc(all, func(a, b judged) int { return bytes.Compare(a.vote.Validator[:], b.vote.Validator[:]) })
	for _, j := range all {
		s.Votes = append(s.Votes, j.vote)
	}
	// Each signature is verified once, above; voters checks the set.
	sgs, err := voters(in, s)
	if err != nil {
		return s, nil
	}
	votes := make([]Vote, len(all))
	for i, j := range all {
		votes[i] = Vote{Power: sgs[i].Power, Atts: j.atts}
	}
	agreed := Agree(in.Applied, votes, TotalPower(in.Signers))
	size := 0
	for _, a := range agreed {
		evs, ok := events(a)
		if !ok || merkle.Root(evs) != a.EventsRoot {
			break
		}
		b := Block{Number: a.Number, Hash: a.Hash, Events: evs}
		n := EventBytes([]Block{b})
		if n > MaxEventsBytes || (len(s.Blocks) > 0 && size+n > in.Budget) {
			break
		}
		size += n
		s.Blocks = append(s.Blocks, b)
	}
	return s, agreed[:len(s.Blocks)]
}
