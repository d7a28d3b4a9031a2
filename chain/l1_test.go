package chain

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"math/big"
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/cometbft/cometbft/crypto/ed25519"
	cryptoenc "github.com/cometbft/cometbft/crypto/encoding"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	cmttypes "github.com/cometbft/cometbft/types"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"

	"github.com/veil-sequencer/veil/contracts"
	"github.com/veil-sequencer/veil/merkle"
	"github.com/veil-sequencer/veil/oracle"
	"github.com/veil-sequencer/veil/params"
	"github.com/veil-sequencer/veil/proposer"
	"github.com/veil-sequencer/veil/threshold/thresholdtest"
)

var testL1 = GenesisL1{ChainID: 3151908, StartBlock: 10, Contracts: contracts.Addresses{
	SequencerRegistry: common.Address{0x01}, BatchInbox: common.Address{0x02}, DepositVault: common.Address{0x03}, ForcedInclusionQueue: common.Address{0x04}}}

// l1App is an application on a network anchored on L1, with four
// validators whose keys sign vote extensions.
type l1App struct {
	*appFixture
	vals    []ed25519.PrivKey
	view    map[uint64][][]byte // L1 block → event items, what every validator sees
	decided []decidedBlock
	pending [][]byte // the proposer's mempool for the next run
	lastL1  uint64   // the last final L1 block every validator sees (0: 15)
	// evidence is the misbehaviour the next run's block decides (then
	// cleared).
	evidence    []abci.Misbehavior
	lastUpdates []abci.ValidatorUpdate // the last run's FinalizeBlock's
	times       map[uint64]uint64      // L1 block → its time, when not 1700 + its number
}

// l1Time is block n's timestamp as every validator sees it.
func (a *l1App) l1Time(n uint64) uint64 {
	if t, ok := a.times[n]; ok {
		return t
	}
	return 1700 + n
}

type decidedBlock struct {
	h        int64
	txs      [][]byte
	lc       abci.CommitInfo
	evidence []abci.Misbehavior
}

func newL1App(t testing.TB) *l1App { return newL1AppParams(t, nil) }

// newL1AppBatches is newL1App with batches of batchSlots slots (0: the
// default).
func newL1AppBatches(t *testing.T, batchSlots uint64) *l1App {
	if batchSlots == 0 {
		return newL1App(t)
	}
	return newL1AppParams(t, func(p *params.Params) { p.BatchSlots = batchSlots })
}

// newL1AppParams is newL1App with the network's parameters edited (nil:
// the defaults).
func newL1AppParams(t testing.TB, edit func(*params.Params)) *l1App {
	t.Helper()
	a := &l1App{appFixture: newApp(t), view: map[uint64][][]byte{}}
	var g Genesis
	if err := json.Unmarshal(a.genesis, &g); err != nil {
		t.Fatal(err)
	}
	if edit != nil {
		edit(&a.params.Params)
		g.Params = &a.params.Params
		a.app = NewApp(a.store, AppConfig{Params: a.params, Keys: thresholdtest.Keys{Dealing: a.deal, ChainID: 1337}, Log: slog.New(slog.DiscardHandler)})
	}
	l1 := testL1
	g.L1 = &l1
	var updates []abci.ValidatorUpdate
	for i := range 4 {
		k := ed25519.GenPrivKeyFromSecret([]byte(fmt.Sprint("validator ", i)))
		a.vals = append(a.vals, k)
		pk, _ := cryptoenc.PubKeyToProto(k.PubKey())
		updates = append(updates, abci.ValidatorUpdate{PubKey: pk, Power: 1})
		g.Validators = append(g.Validators, GenesisValidator{Address: k.PubKey().Address(), Keyper: common.Address{byte(i)}, Bond: "0"})
	}
	a.genesis, _ = json.Marshal(g)
	params := cmttypes.DefaultConsensusParams().ToProto()
	params.Abci.VoteExtensionsEnableHeight = 1
	if _, err := a.app.InitChain(context.Background(), &abci.RequestInitChain{AppStateBytes: a.genesis, Validators: updates, ConsensusParams: &params}); err != nil {
		t.Fatal(err)
	}
	return a
}

// deposit is the event item of a DepositVault deposit.
func deposit(t *testing.T, index uint64, account common.Address, wei *big.Int) []byte {
	return logItem(t, testL1.Contracts.DepositVault, contracts.DepositVaultMetaData, "Deposited", index, account, wei)
}

// logItem is the oracle's item (l1watch.Event.Item) of contract at's event
// name with args in the event's order, indexed or not.
func logItem(t testing.TB, at common.Address, md *bind.MetaData, name string, args ...any) []byte {
	t.Helper()
	parsed, err := md.GetAbi()
	if err != nil {
		t.Fatal(err)
	}
	e := parsed.Events[name]
	var indexed [][]any
	var rest []any
	for i, in := range e.Inputs {
		if in.Indexed {
			indexed = append(indexed, []any{args[i]})
		} else {
			rest = append(rest, args[i])
		}
	}
	topics, err := abi.MakeTopics(indexed...)
	if err != nil {
		t.Fatal(err)
	}
	data, err := e.Inputs.NonIndexed().Pack(rest...)
	if err != nil {
		t.Fatal(err)
	}
	item := append(at.Bytes(), byte(1+len(topics)))
	item = append(item, e.ID[:]...)
	for _, tp := range topics {
		item = append(item, tp[0][:]...)
	}
	return append(item, data...)
}

func (a *l1App) attest(from, to uint64) []oracle.Attestation {
	var out []oracle.Attestation
	for n := from; n <= to; n++ {
		out = append(out, oracle.Attestation{Number: n, Hash: common.Hash{0xb1, byte(n)}, EventsRoot: merkle.Root(a.view[n]), Time: a.l1Time(n)})
	}
	return out
}

// commit is the extended last commit of height h: each validator's vote
// with its extension attesting atts[i] (nil: an empty extension).
func (a *l1App) commit(h int64, atts [][]oracle.Attestation) abci.ExtendedCommitInfo {
	c := abci.ExtendedCommitInfo{}
	for i, k := range a.vals {
		ext, err := oracle.Encode(atts[i])
		if err != nil {
			a.t.Fatal(err)
		}
		sig, _ := k.Sign(cmttypes.VoteExtensionSignBytes(CometChainID(1337), &cmtproto.Vote{Type: cmtproto.PrecommitType, Height: h, Extension: ext}))
		c.Votes = append(c.Votes, abci.ExtendedVoteInfo{Validator: abci.Validator{Address: k.PubKey().Address(), Power: 1},
			VoteExtension: ext, ExtensionSignature: sig, BlockIdFlag: cmtproto.BlockIDFlagCommit})
	}
	return c
}

func plain(c abci.ExtendedCommitInfo) abci.CommitInfo {
	out := abci.CommitInfo{Round: c.Round}
	for _, v := range c.Votes {
		out.Votes = append(out.Votes, abci.VoteInfo{Validator: v.Validator, BlockIdFlag: v.BlockIdFlag})
	}
	return out
}

// run proposes, checks and decides height h with this last commit; the
// proposer's L1 view is a.view. It returns the block and whether it
// passed.
func (a *l1App) run(h int64, lc abci.ExtendedCommitInfo, tamper func(txs [][]byte) [][]byte) ([][]byte, bool) {
	a.t.Helper()
	ctx := context.Background()
	a.app.cfg.L1 = a
	prep, err := a.app.PrepareProposal(ctx, &abci.RequestPrepareProposal{Height: h, Txs: a.pending, MaxTxBytes: 1 << 20, LocalLastCommit: lc})
	if err != nil {
		a.t.Fatal(err)
	}
	txs := prep.Txs
	if tamper != nil {
		txs = tamper(txs)
	}
	proc, err := a.app.ProcessProposal(ctx, &abci.RequestProcessProposal{Height: h, Txs: txs, Hash: blockHash(h, txs), ProposedLastCommit: plain(lc)})
	if err != nil {
		a.t.Fatal(err)
	}
	if proc.Status != abci.ResponseProcessProposal_ACCEPT {
		return txs, false
	}
	evidence := a.evidence
	fin, err := a.app.FinalizeBlock(ctx, &abci.RequestFinalizeBlock{Height: h, Txs: txs, Hash: blockHash(h, txs), DecidedLastCommit: plain(lc), Misbehavior: evidence})
	a.evidence, a.lastUpdates = nil, nil
	if fin != nil {
		a.lastUpdates = fin.ValidatorUpdates
	}
	if err != nil {
		a.t.Fatal(err)
	}
	if _, err := a.app.Commit(ctx, &abci.RequestCommit{}); err != nil {
		a.t.Fatal(err)
	}
	a.decided = append(a.decided, decidedBlock{h, txs, plain(lc), evidence})
	return txs, true
}

// After and Events make the fixture every validator's L1 view.
func (a *l1App) After(applied uint64, max int) []oracle.Attestation {
	last := a.final()
	if applied >= last {
		return nil
	}
	return a.attest(applied+1, min(last, applied+uint64(max)))
}

func (a *l1App) final() uint64 {
	if a.lastL1 == 0 {
		return 15
	}
	return a.lastL1
}

func (a *l1App) Events(at oracle.Attestation) ([][]byte, bool) {
	if at.Number < 11 || at.Number > a.final() {
		return nil, false
	}
	evs := a.view[at.Number] // a block without events has none
	return evs, merkle.Root(evs) == at.EventsRoot
}

func (a *l1App) state() (uint64, *big.Int) {
	st := NewState(a.store.Begin(), a.params.Domain)
	applied, _, err := st.L1Applied()
	if err != nil {
		a.t.Fatal(err)
	}
	acct, err := st.Account(common.Address{0xd1})
	if err != nil {
		a.t.Fatal(err)
	}
	return applied, acct.Deposit
}

// TestL1Oracle: on a network anchored on L1, a deposit that validators
// holding more than 2/3 of the power attest is credited by the block after
// their votes, the same way on every path (propose, check, decide); a
// proposer that alters, adds or drops an event, or claims a vote nobody
// committed, has its block refused, and nothing is applied; ExtendVote
// attests the node's view after l1Applied and VerifyVoteExtension refuses
// what is malformed.
func TestL1Oracle(t *testing.T) {
	a := newL1App(t)
	wei := big.NewInt(7e15)
	a.view[12] = [][]byte{deposit(t, 0, common.Address{0xd1}, wei)}
	a.view[14] = [][]byte{deposit(t, 1, common.Address{0xd1}, wei), []byte("a log that does not decode")}
	if _, ok := a.run(1, abci.ExtendedCommitInfo{}, nil); !ok {
		t.Fatal("block 1 refused")
	}
	if applied, dep := a.state(); applied != 10 || dep.Sign() != 0 {
		t.Fatalf("after block 1: l1Applied %d, deposit %v", applied, dep)
	}
	// ExtendVote attests 11…15, the node's view after l1Applied 10.
	ext, err := a.app.ExtendVote(context.Background(), &abci.RequestExtendVote{Height: 1})
	if err != nil {
		t.Fatal(err)
	}
	if atts, err := oracle.Decode(ext.VoteExtension); err != nil || len(atts) != 5 || atts[0].Number != 11 {
		t.Fatalf("ExtendVote attests %+v (%v)", atts, err)
	}
	for _, tc := range []struct {
		ext  []byte
		want abci.ResponseVerifyVoteExtension_VerifyStatus
	}{
		{ext.VoteExtension, abci.ResponseVerifyVoteExtension_ACCEPT},
		{nil, abci.ResponseVerifyVoteExtension_ACCEPT},
		{[]byte{oracle.Version, 1, 2}, abci.ResponseVerifyVoteExtension_REJECT},
		{make([]byte, oracle.MaxExtensionSize+1), abci.ResponseVerifyVoteExtension_REJECT},
	} {
		res, err := a.app.VerifyVoteExtension(context.Background(), &abci.RequestVerifyVoteExtension{Height: 1, VoteExtension: tc.ext})
		if err != nil || res.Status != tc.want {
			t.Fatalf("VerifyVoteExtension(%d bytes) = %v %v, want %v", len(tc.ext), res.Status, err, tc.want)
		}
	}

	// Two validators see 11…13, one 11…12, one nothing: 11 and 12 are agreed.
	lc := a.commit(1, [][]oracle.Attestation{a.attest(11, 13), a.attest(11, 13), a.attest(11, 12), nil})
	recordOf := func(txs [][]byte) *proposer.Record {
		r, err := proposer.Decode(txs[0][1:])
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	retamper := func(f func(r *proposer.Record)) func([][]byte) [][]byte {
		return func(txs [][]byte) [][]byte {
			r := recordOf(txs)
			f(r)
			out := append([][]byte{append([]byte{TxSlotRecord}, r.Encode()...)}, txs[1:]...)
			return out
		}
	}
	for _, tc := range []struct {
		name   string
		tamper func([][]byte) [][]byte
	}{
		{"an event altered", retamper(func(r *proposer.Record) {
			r.Oracle.Blocks[1].Events[0] = deposit(t, 0, common.Address{0xd1}, big.NewInt(1e18))
		})},
		{"an event dropped", retamper(func(r *proposer.Record) { r.Oracle.Blocks[1].Events = nil })},
		{"a block beyond agreement", retamper(func(r *proposer.Record) {
			r.Oracle.Blocks = append(r.Oracle.Blocks, oracle.Block{Number: 13, Hash: common.Hash{0xb1, 13}})
		})},
		{"an honest vote left out", retamper(func(r *proposer.Record) { r.Oracle.Votes = r.Oracle.Votes[1:] })},
		{"a vote nobody committed", retamper(func(r *proposer.Record) {
			r.Oracle.Votes = append(r.Oracle.Votes, oracle.SignedVote{Validator: common.Address{0xff}})
		})},
		{"no section", retamper(func(r *proposer.Record) { r.Oracle = nil })},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, ok := a.run(2, lc, tc.tamper); ok {
				t.Fatal("a tampered block passed")
			}
			if applied, dep := a.state(); applied != 10 || dep.Sign() != 0 {
				t.Fatalf("a refused block changed the state: l1Applied %d, deposit %v", applied, dep)
			}
		})
	}
	txs, ok := a.run(2, lc, nil)
	if !ok {
		t.Fatal("the honest block 2 was refused")
	}
	if r := recordOf(txs); r.Oracle == nil || len(r.Oracle.Blocks) != 2 || len(r.Oracle.Votes) != 4 {
		t.Fatalf("block 2's section: %+v", r.Oracle)
	}
	if applied, dep := a.state(); applied != 12 || dep.Cmp(wei) != 0 {
		t.Fatalf("after block 2: l1Applied %d, deposit %v, want 12 and %v", applied, dep, wei)
	}
	// Everyone sees 13…15 now; the undecodable event is skipped and counted.
	all := a.attest(13, 15)
	if _, ok := a.run(3, a.commit(2, [][]oracle.Attestation{all, all, all, all}), nil); !ok {
		t.Fatal("block 3 refused")
	}
	if applied, dep := a.state(); applied != 15 || dep.Cmp(new(big.Int).Mul(wei, big.NewInt(2))) != 0 {
		t.Fatalf("after block 3: l1Applied %d, deposit %v", applied, dep)
	}
	if n, err := NewState(a.store.Begin(), a.params.Domain).L1Skipped(); err != nil || n != 1 {
		t.Fatalf("%d events skipped (%v), want 1", n, err)
	}
	a.replayAgrees()
}

// replayAgrees: a node deciding the same blocks without ProcessProposal
// (block sync, restarts) checks each record itself and reaches the same
// AppHash.
func (a *l1App) replayAgrees() {
	t := a.t
	_, want := a.store.Committed()
	f := *a.fixture // its own store
	replica := &l1App{appFixture: &appFixture{fixture: &f, deal: a.deal, dir: t.TempDir(), genesis: a.genesis}, vals: a.vals}
	replica.open()
	params := cmttypes.DefaultConsensusParams().ToProto()
	params.Abci.VoteExtensionsEnableHeight = 1
	if _, err := replica.app.InitChain(context.Background(), &abci.RequestInitChain{AppStateBytes: a.genesis, Validators: a.updates(), ConsensusParams: &params}); err != nil {
		t.Fatal(err)
	}
	for _, b := range a.decided {
		if _, err := replica.app.FinalizeBlock(context.Background(), &abci.RequestFinalizeBlock{Height: b.h, Txs: b.txs, Hash: blockHash(b.h, b.txs), DecidedLastCommit: b.lc, Misbehavior: b.evidence}); err != nil {
			t.Fatalf("replaying block %d: %v", b.h, err)
		}
		if _, err := replica.app.Commit(context.Background(), &abci.RequestCommit{}); err != nil {
			t.Fatal(err)
		}
	}
	if _, got := replica.store.Committed(); got != want {
		t.Fatalf("replayed AppHash %s, decided %s", got, want)
	}
}

func (a *l1App) updates() []abci.ValidatorUpdate {
	var out []abci.ValidatorUpdate
	for _, k := range a.vals {
		pk, _ := cryptoenc.PubKeyToProto(k.PubKey())
		out = append(out, abci.ValidatorUpdate{PubKey: pk, Power: 1})
	}
	return out
}

// TestSignersAfterSlashing: the set that signs a height is CometBFT's —
// slashed validators leave it two heights after their slash, except the
// last one in good standing, which keeps its power (and so still signs,
// and its vote must count, or every block of the oracle would be refused).
func TestSignersAfterSlashing(t *testing.T) {
	a := newL1App(t)
	b := a.store.Begin()
	st := NewState(b, a.params.Domain)
	var evidence []abci.Misbehavior
	for _, k := range a.vals {
		evidence = append(evidence, abci.Misbehavior{Validator: abci.Validator{Address: k.PubKey().Address(), Power: 1}, Height: 3})
	}
	updates, err := st.slash(5, evidence)
	if err != nil {
		t.Fatal(err)
	}
	if len(updates) != 3 {
		t.Fatalf("%d power-0 updates, want 3 (the last in standing keeps its power)", len(updates))
	}
	for _, tc := range []struct {
		height uint64
		want   int
	}{{5, 4}, {6, 4}, {7, 1}, {100, 1}} {
		signers, err := st.signersAt(tc.height)
		if err != nil {
			t.Fatal(err)
		}
		if len(signers) != tc.want {
			t.Fatalf("height %d is signed by %d validators, want %d", tc.height, len(signers), tc.want)
		}
	}
	kept, _ := st.signersAt(7)
	if kept[0].Address != common.Address(a.vals[3].PubKey().Address()) {
		t.Fatalf("the validator kept is %s, want the last slashed", kept[0].Address)
	}
}
