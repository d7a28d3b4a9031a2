package chain

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"math/big"
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"
	cmtcrypto "github.com/cometbft/cometbft/crypto"
	"github.com/cometbft/cometbft/crypto/ed25519"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/veil-sequencer/veil/bid"
	"github.com/veil-sequencer/veil/envelope"
	"github.com/veil-sequencer/veil/eon"
	"github.com/veil-sequencer/veil/mempool"
	"github.com/veil-sequencer/veil/proposer"
	"github.com/veil-sequencer/veil/threshold"
	"github.com/veil-sequencer/veil/threshold/thresholdtest"
)

// appFixture is an application over a fresh store with two funded wallets.
type appFixture struct {
	*fixture
	deal    *thresholdtest.Dealing
	app     *App
	dir     string
	genesis []byte
	keys    KeySource // the proposer's; keys straight from the dealing if nil
}

func newApp(t testing.TB) *appFixture {
	t.Helper()
	f := &fixture{t: t}
	d, err := thresholdtest.Deal(nil, 1, 1)
	if err != nil {
		t.Fatal(err)
	}
	f.eonKey = d.EonKey
	f.params = newFixture(t, 0).params
	g := Genesis{ChainID: 1337, Eon: &eon.Info{Eon: 1, PublicKey: d.EonKey, Threshold: 1, ChainID: 1337,
		Keypers: []eon.Keyper{{Index: 1, Address: common.Address{1}, PublicKeyShare: d.PublicShares[0]}}}, Params: &f.params.Params}
	for i := range 2 {
		k, _ := crypto.ToECDSA(crypto.Keccak256([]byte(fmt.Sprintf("app wallet %d", i))))
		f.keys = append(f.keys, k)
		g.Accounts = append(g.Accounts, GenesisAccount{Address: crypto.PubkeyToAddress(k.PublicKey), Deposit: "1000000000000000"})
	}
	genesis, _ := json.Marshal(g)
	a := &appFixture{fixture: f, deal: d, dir: t.TempDir(), genesis: genesis}
	a.open()
	return a
}

func (a *appFixture) open() {
	a.store = openStore(a.t, a.dir)
	keys := a.keys
	if keys == nil {
		keys = thresholdtest.Keys{Dealing: a.deal, ChainID: 1337}
	}
	a.app = NewApp(a.store, AppConfig{Params: a.params,
		Keys: keys, Log: slog.New(slog.DiscardHandler)})
	a.t.Cleanup(func() { a.store.Close() })
}

func (a *appFixture) tx(wallet int, nonce uint64) []byte {
	return txOf(a.envelope(wallet, nonce, 2, 50))
}

func txOf(e *envelope.Envelope) []byte { return append([]byte{TxEnvelope}, e.EncodeCanonical()...) }

// block runs one height the way CometBFT does on the proposer.
func (a *appFixture) block(h int64, mempoolTxs [][]byte) ([][]byte, *abci.ResponseFinalizeBlock) {
	a.t.Helper()
	ctx := context.Background()
	prep, err := a.app.PrepareProposal(ctx, &abci.RequestPrepareProposal{Height: h, Txs: mempoolTxs, MaxTxBytes: 1 << 20})
	if err != nil {
		a.t.Fatal(err)
	}
	hash := blockHash(h, prep.Txs)
	proc, err := a.app.ProcessProposal(ctx, &abci.RequestProcessProposal{Height: h, Txs: prep.Txs, Hash: hash})
	if err != nil || proc.Status != abci.ResponseProcessProposal_ACCEPT {
		a.t.Fatalf("height %d: own proposal rejected: %v %v", h, proc, err)
	}
	return prep.Txs, a.finalize(h, prep.Txs)
}

// finalize decides and commits a block the way replay and block sync do
// (no ProcessProposal, or one for a different block before it).
func (a *appFixture) finalize(h int64, txs [][]byte) *abci.ResponseFinalizeBlock {
	a.t.Helper()
	ctx := context.Background()
	fin, err := a.app.FinalizeBlock(ctx, &abci.RequestFinalizeBlock{Height: h, Txs: txs, Hash: blockHash(h, txs)})
	if err != nil {
		a.t.Fatal(err)
	}
	if _, err := a.app.Commit(ctx, &abci.RequestCommit{}); err != nil {
		a.t.Fatal(err)
	}
	return fin
}

// blockHash stands in for CometBFT's block hash: it differs between blocks.
func blockHash(h int64, txs [][]byte) []byte {
	return crypto.Keccak256(append([]byte(fmt.Sprint(h)), bytes.Join(txs, []byte{0xff})...))
}

func TestAppLifecycle(t *testing.T) {
	a := newApp(t)
	ctx := context.Background()
	init1, err := a.app.InitChain(ctx, &abci.RequestInitChain{AppStateBytes: a.genesis})
	if err != nil {
		t.Fatal(err)
	}
	// CometBFT calls InitChain again while the app is at height 0.
	init2, err := a.app.InitChain(ctx, &abci.RequestInitChain{AppStateBytes: a.genesis})
	if err != nil || string(init2.AppHash) != string(init1.AppHash) {
		t.Fatalf("second InitChain: %x %v", init2.AppHash, err)
	}
	if info, err := a.app.Eon(); err != nil || info.Eon != 1 {
		t.Fatalf("eon %v %v", info, err)
	}

	env0, env1 := a.envelope(0, 0, 2, 50), a.envelope(1, 0, 2, 50)
	// good1 travels in the binary form (protocol §4), as nodes send it.
	good0, good1 := txOf(env0), append([]byte{TxEnvelope}, env1.EncodeBinary()...)
	gap := a.tx(0, 5)
	if res, _ := a.app.CheckTx(ctx, &abci.RequestCheckTx{Tx: good0}); res.Code != abci.CodeTypeOK {
		t.Fatalf("CheckTx good: %v", res)
	}
	if res, _ := a.app.CheckTx(ctx, &abci.RequestCheckTx{Tx: good1}); res.Code != abci.CodeTypeOK {
		t.Fatalf("CheckTx good, binary: %v", res)
	}
	// The same envelope in its other form is a resubmission.
	if res, _ := a.app.CheckTx(ctx, &abci.RequestCheckTx{Tx: txOf(env1)}); res.Code == abci.CodeTypeOK {
		t.Fatal("CheckTx took the JSON form of an envelope pending in binary")
	}
	if res, _ := a.app.CheckTx(ctx, &abci.RequestCheckTx{Tx: gap}); mempool.Code(res.Code) != mempool.CodeNonceGap {
		t.Fatalf("CheckTx takes a nonce past the pending one: %v", res)
	}
	for name, tc := range map[string]struct {
		tx   []byte
		want mempool.Code
	}{
		"empty":        {[]byte{}, mempool.CodeBadTx},
		"bid type":     {[]byte{TxBid, '{'}, mempool.CodeBadJSON},
		"bad json":     {[]byte{TxEnvelope, '{'}, mempool.CodeBadJSON},
		"cut binary":   {[]byte{TxEnvelope, 0, 1, 2}, mempool.CodeBadField},
		"unknown type": {[]byte{0x7f}, mempool.CodeUnsupportedTx},
	} {
		if res, _ := a.app.CheckTx(ctx, &abci.RequestCheckTx{Tx: tc.tx}); res.Code != uint32(tc.want) {
			t.Errorf("CheckTx %s: code %d, want %d (%s)", name, res.Code, uint32(tc.want), tc.want)
		}
	}

	// Height 1: the gap is left out of the proposal; a block with it is
	// rejected by every validator.
	txs, fin := a.block(1, [][]byte{good0, gap, good1})
	if len(txs) != 3 || txs[0][0] != TxSlotRecord || len(fin.TxResults) != 3 || fin.TxResults[1].Code != 0 || fin.TxResults[2].Code != 0 {
		t.Fatalf("height 1: %d txs, results %v", len(txs), fin.TxResults)
	}
	prep2, _ := a.app.PrepareProposal(ctx, &abci.RequestPrepareProposal{Height: 2, MaxTxBytes: 1 << 20})
	for name, block := range map[string][][]byte{"a nonce gap": {prep2.Txs[0], gap}, "no slot record": {good1}, "nothing": nil,
		"the record twice": {prep2.Txs[0], prep2.Txs[0]}, "a record not first": {good1, prep2.Txs[0]}} {
		if proc, _ := a.app.ProcessProposal(ctx, &abci.RequestProcessProposal{Height: 2, Txs: block}); proc.Status != abci.ResponseProcessProposal_REJECT {
			t.Fatalf("a block with %s was accepted", name)
		}
	}
	hash0 := env0.Hash(a.params.Domain)
	st := NewState(a.store.Begin(), a.params.Domain)
	if r, _, _ := st.Tx(hash0); r.Status != StatusQueued || r.QueuedSlot != 1 {
		t.Fatalf("after height 1: %+v", r)
	}

	// Height 2: the fallback bundle commits both.
	_, fin2 := a.block(2, nil)
	st = NewState(a.store.Begin(), a.params.Domain)
	if r, _, _ := st.Tx(hash0); r.Status != StatusCommitted || r.Slot != 2 {
		t.Fatalf("after height 2: %+v", r)
	}
	acct, _ := st.Account(env0.Sender)
	if acct.Deposit.Cmp(big.NewInt(1e15-30000*2)) != 0 {
		t.Fatalf("deposit after inclusion: %v", acct.Deposit)
	}

	// A restart resumes at height 2 with the same hash; nothing is lost.
	a.store.Close()
	a.open()
	info, _ := a.app.Info(ctx, &abci.RequestInfo{})
	if info.LastBlockHeight != 2 || string(info.LastBlockAppHash) != string(fin2.AppHash) {
		t.Fatalf("after restart: height %d hash %x, want 2 %x", info.LastBlockHeight, info.LastBlockAppHash, fin2.AppHash)
	}
}

// TestAppsAgree: two validators fed the same blocks reach the same AppHash
// at every height, as CometBFT requires: one proposes and processes each
// block (FinalizeBlock reuses ProcessProposal's result), the other only
// finalizes it (replay), and at heights 2 and 3 it first processes a rival
// proposal that loses the round.
func TestAppsAgree(t *testing.T) {
	a, b := newApp(t), newApp(t)
	b.genesis, b.keys, b.eonKey = a.genesis, a.keys, a.eonKey
	ctx := context.Background()
	for _, x := range []*appFixture{a, b} {
		if _, err := x.app.InitChain(ctx, &abci.RequestInitChain{AppStateBytes: a.genesis}); err != nil {
			t.Fatal(err)
		}
	}
	var txs [][]byte
	for n := range uint64(3) {
		txs = append(txs, a.tx(0, n), a.tx(1, n))
	}
	for h := int64(1); h <= 4; h++ {
		var in [][]byte
		if h <= 3 {
			in = txs[2*(h-1) : 2*h]
		}
		decided, fa := a.block(h, in)
		if h == 2 || h == 3 {
			rival := [][]byte{b.tx(0, 7)} // a nonce gap: rejected
			if h == 3 {
				rival = txs[4:5] // valid, but another block is decided
			}
			if _, err := b.app.ProcessProposal(ctx, &abci.RequestProcessProposal{Height: h, Txs: rival, Hash: blockHash(h, rival)}); err != nil {
				t.Fatal(err)
			}
		}
		fb := b.finalize(h, decided)
		if string(fa.AppHash) != string(fb.AppHash) || len(fa.TxResults) != len(fb.TxResults) {
			t.Fatalf("height %d: AppHash %x vs %x, %d vs %d results", h, fa.AppHash, fb.AppHash, len(fa.TxResults), len(fb.TxResults))
		}
	}
}

// TestGenesisBonds: the app state bonds exactly CometBFT's genesis
// validators, each with power 1, and the bonds are readable from the state.
func TestGenesisBonds(t *testing.T) {
	pk1, pk2 := ed25519.GenPrivKey().PubKey(), ed25519.GenPrivKey().PubKey()
	bond := func(pk cmtcrypto.PubKey, wei string) GenesisValidator {
		return GenesisValidator{Address: pk.Address(), Keyper: common.Address{7}, Bond: wei}
	}
	upd := func(pk cmtcrypto.PubKey, power int64) abci.ValidatorUpdate {
		return abci.Ed25519ValidatorUpdate(pk.Bytes(), power)
	}
	for _, tc := range []struct {
		name   string
		bonds  []GenesisValidator
		comet  []abci.ValidatorUpdate
		wantOK bool
	}{
		{"both bonded", []GenesisValidator{bond(pk1, "32"), bond(pk2, "0")}, []abci.ValidatorUpdate{upd(pk1, 1), upd(pk2, 1)}, true},
		{"a validator without bond", []GenesisValidator{bond(pk1, "32")}, []abci.ValidatorUpdate{upd(pk1, 1), upd(pk2, 1)}, false},
		{"a bond without validator", []GenesisValidator{bond(pk1, "32"), bond(pk2, "32")}, []abci.ValidatorUpdate{upd(pk1, 1)}, false},
		{"power 2", []GenesisValidator{bond(pk1, "32")}, []abci.ValidatorUpdate{upd(pk1, 2)}, false},
		{"negative bond", []GenesisValidator{bond(pk1, "-1")}, []abci.ValidatorUpdate{upd(pk1, 1)}, false},
		{"bond not a number", []GenesisValidator{bond(pk1, "0x20")}, []abci.ValidatorUpdate{upd(pk1, 1)}, false},
		{"bonded twice", []GenesisValidator{bond(pk1, "1"), bond(pk1, "1")}, []abci.ValidatorUpdate{upd(pk1, 1), upd(pk1, 1)}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := newApp(t)
			var g Genesis
			if err := json.Unmarshal(a.genesis, &g); err != nil {
				t.Fatal(err)
			}
			g.Validators = tc.bonds
			genesis, _ := json.Marshal(g)
			_, err := a.app.InitChain(context.Background(), &abci.RequestInitChain{AppStateBytes: genesis, Validators: tc.comet})
			if (err == nil) != tc.wantOK {
				t.Fatalf("InitChain: %v, want ok %v", err, tc.wantOK)
			}
			if !tc.wantOK {
				if h := a.store.Height(); h != 0 || a.store.HasGenesis() {
					t.Fatal("a refused genesis wrote state")
				}
				return
			}
			st := NewState(a.store.Begin(), a.params.Domain)
			b, ok, err := st.Bond(common.BytesToAddress(pk1.Address()))
			if err != nil || !ok || b.Amount.Int64() != 32 || b.Keyper != (common.Address{7}) {
				t.Fatalf("bond %+v %v %v", b, ok, err)
			}
			if _, ok, _ := st.Bond(common.Address{1}); ok {
				t.Fatal("an unbonded address has a bond")
			}
		})
	}
}

// TestAppBids: bids go through CheckTx and blocks under the bid rules; an
// admitted bid reserves its penalty and joins its slot's set, and the slot
// settles the reservation when it comes.
func TestAppBids(t *testing.T) {
	a := newApp(t)
	key, _ := crypto.ToECDSA(crypto.Keccak256([]byte("app builder")))
	builder := crypto.PubkeyToAddress(key.PublicKey)
	var g Genesis
	if err := json.Unmarshal(a.genesis, &g); err != nil {
		t.Fatal(err)
	}
	g.Builders = []GenesisBuilder{{Address: builder, Collateral: "250"}} // two penalties of 100
	genesis, _ := json.Marshal(g)
	ctx := context.Background()
	if _, err := a.app.InitChain(ctx, &abci.RequestInitChain{AppStateBytes: genesis}); err != nil {
		t.Fatal(err)
	}
	mk := func(slot, seq uint64) []byte {
		sealed, err := bid.Seal(nil, &bid.Payload{Value: big.NewInt(1), Builder: builder, Slot: slot}, 1337, a.eonKey)
		if err != nil {
			t.Fatal(err)
		}
		b := &bid.Bid{ChainID: 1337, Eon: 1, Slot: slot, Builder: builder, Seq: seq, Sealed: sealed}
		if err := b.Sign(a.params.Domain, key); err != nil {
			t.Fatal(err)
		}
		return append([]byte{TxBid}, b.EncodeCanonical()...)
	}
	code := func(tx []byte) mempool.Code {
		res, err := a.app.CheckTx(ctx, &abci.RequestCheckTx{Tx: tx})
		if err != nil {
			t.Fatal(err)
		}
		return mempool.Code(res.Code)
	}
	first, again, second, third := mk(3, 1), mk(3, 1), mk(3, 2), mk(4, 1)
	for i, tx := range [][]byte{first, third} {
		if got := code(tx); got != 0 {
			t.Fatalf("CheckTx of bid %d: %q", i, got)
		}
	}
	// The same seq as a pending bid is too low already (protocol §4).
	if got := code(again); got != mempool.CodeSeqTooLow {
		t.Fatalf("same seq as a pending bid: %q", got)
	}
	if got := code(mk(1, 1)); got != mempool.CodeWrongSlot {
		t.Fatalf("bid for the next block's slot: %q", got)
	}
	// Block 1 commits the first bid for slot 3; the same seq again is too
	// low, a higher one fits, and a third reservation has no collateral.
	txs, fin := a.block(1, [][]byte{first, again})
	if len(txs) != 2 || fin.TxResults[1].Code != 0 {
		t.Fatalf("block 1 kept %d bids", len(txs)-1)
	}
	if got := code(again); got != mempool.CodeSeqTooLow {
		t.Fatalf("same seq after commit: %q", got)
	}
	a.block(2, [][]byte{second})
	if got := code(third); got != mempool.CodeInsufficientCollateral {
		t.Fatalf("third reservation: %q", got)
	}
	st := NewState(a.store.Begin(), a.params.Domain)
	bu, _ := st.Builder(builder)
	bids, _ := st.SlotBids(3)
	if bu.Reserved.Int64() != 200 || len(bids) != 2 {
		t.Fatalf("after block 2: reserved %v, %d bids for slot 3", bu.Reserved, len(bids))
	}
	// The bid key arrives: the node opens slot 3's counting bid (seq 2)
	// ahead of the proposal, never the superseded one.
	bidKey, err := a.deal.Key(threshold.BidIdentity(1337, 3).Point())
	if err != nil {
		t.Fatal(err)
	}
	if err := a.app.OpenBids(3, bidKey); err != nil {
		t.Fatal(err)
	}
	if len(a.app.opened.m) != 1 {
		t.Fatalf("%d openings cached, want the counting bid's", len(a.app.opened.m))
	}
	for _, b := range bids {
		if _, ok := a.app.opened.m[b.Hash]; ok != (b.Bid.Seq == 2) {
			t.Fatalf("bid seq %d cached: %v", b.Bid.Seq, ok)
		}
	}
	// Slot 3 opens its bids: seq 2 counts and wins at the reserve (1 wei),
	// seq 1 is superseded; the reservations are released.
	txs, _ = a.block(3, nil)
	if len(a.app.opened.m) != 0 {
		t.Fatalf("%d openings cached after slot 3 was decided", len(a.app.opened.m))
	}
	rec, err := proposer.Decode(txs[0][1:])
	if err != nil || rec.BidKey == nil || rec.Auction.Winner == nil || *rec.Auction.Winner != builder || rec.Auction.Price.Int64() != 1 {
		t.Fatalf("slot 3's record: %s (%v)", txs[0], err)
	}
	st = NewState(a.store.Begin(), a.params.Domain)
	if bu, _ = st.Builder(builder); bu.Reserved.Sign() != 0 || bu.Collateral.Int64() != 249 {
		t.Fatalf("after slot 3: %+v", bu)
	}
	if got := code(mk(5, 1)); got != 0 {
		t.Fatalf("a bid after settling: %q", got)
	}
}

// lateKeys has a bundle's keys only when they are required (block s+2),
// so block s+1 carries none.
type lateKeys struct{ thresholdtest.Keys }

func (k lateKeys) BundleKeys(ctx context.Context, slot uint64, ids []threshold.Identity, wait bool) ([]*threshold.IdentityKey, bool) {
	if !wait {
		return nil, false
	}
	return k.Keys.BundleKeys(ctx, slot, ids, wait)
}

// TestBundleKeysOnChain: a committed bundle's identities are its
// envelopes', in order; block s+1 may leave its keys out, block s+2 must
// carry them whole, in order and valid, or every validator rejects it.
func TestBundleKeysOnChain(t *testing.T) {
	a := newApp(t)
	a.keys = lateKeys{thresholdtest.Keys{Dealing: a.deal, ChainID: 1337}}
	a.store.Close()
	a.open()
	ctx := context.Background()
	if _, err := a.app.InitChain(ctx, &abci.RequestInitChain{AppStateBytes: a.genesis}); err != nil {
		t.Fatal(err)
	}
	e0, e1 := a.envelope(0, 0, 2, 50), a.envelope(1, 0, 2, 50)
	a.block(1, [][]byte{txOf(e0), txOf(e1)})
	a.block(2, nil) // the fallback bundle takes both
	st := NewState(a.store.Begin(), a.params.Domain)
	hashes, ids, err := st.BundleIdentities(2)
	if err != nil || len(ids) != 2 || hashes[0] == hashes[1] {
		t.Fatalf("bundle of slot 2: %v %v %v", hashes, ids, err)
	}
	for i, h := range hashes {
		want := map[common.Hash]threshold.Identity{e0.Hash(a.params.Domain): e0.Identity(), e1.Hash(a.params.Domain): e1.Identity()}[h]
		if ids[i] != want {
			t.Fatalf("identity %d is %s, want %s", i, ids[i], want)
		}
	}
	a.block(3, nil)
	if _, ok, _ := NewState(a.store.Begin(), a.params.Domain).BundleKeys(2); ok {
		t.Fatal("block 3 recorded keys its proposer did not have")
	}
	prep, _ := a.app.PrepareProposal(ctx, &abci.RequestPrepareProposal{Height: 4, MaxTxBytes: 1 << 20})
	rec, err := proposer.Decode(prep.Txs[0][1:])
	if err != nil || len(rec.Keys) != 2 {
		t.Fatalf("block 4's record: %v %v", rec, err)
	}
	edit := func(f func(r *proposer.Record)) [][]byte {
		r, _ := proposer.Decode(prep.Txs[0][1:])
		f(r)
		return [][]byte{append([]byte{TxSlotRecord}, r.Encode()...)}
	}
	for name, block := range map[string][][]byte{
		"no keys":      edit(func(r *proposer.Record) { r.Keys = nil }),
		"half the set": edit(func(r *proposer.Record) { r.Keys = r.Keys[:1] }),
		"keys swapped": edit(func(r *proposer.Record) { r.Keys[0].Key, r.Keys[1].Key = r.Keys[1].Key, r.Keys[0].Key }),
	} {
		if proc, _ := a.app.ProcessProposal(ctx, &abci.RequestProcessProposal{Height: 4, Txs: block, Hash: blockHash(4, block)}); proc.Status != abci.ResponseProcessProposal_REJECT {
			t.Fatalf("block 4 with %s accepted", name)
		}
	}
	a.block(4, nil)
	keys, ok, err := NewState(a.store.Begin(), a.params.Domain).BundleKeys(2)
	if err != nil || !ok || len(keys) != 2 {
		t.Fatalf("keys of slot 2 after block 4: %v %v", ok, err)
	}
	for i, k := range keys {
		if err := threshold.VerifyKey(a.eonKey, ids[i].Point(), k); err != nil {
			t.Fatalf("recorded key %d: %v", i, err)
		}
	}
}

// TestSlashing: misbehaviour in a decided block takes the offender's bond
// and sets its power to 0, once; evidence against a stranger or an already
// slashed validator changes nothing, and the last validator in good
// standing keeps its power.
func TestSlashing(t *testing.T) {
	a := newApp(t)
	var pks []cmtcrypto.PubKey
	var g Genesis
	if err := json.Unmarshal(a.genesis, &g); err != nil {
		t.Fatal(err)
	}
	var comet []abci.ValidatorUpdate
	for range 3 {
		pk := ed25519.GenPrivKey().PubKey()
		pks = append(pks, pk)
		g.Validators = append(g.Validators, GenesisValidator{Address: pk.Address(), Keyper: common.Address{7}, Bond: "32"})
		comet = append(comet, abci.Ed25519ValidatorUpdate(pk.Bytes(), 1))
	}
	genesis, _ := json.Marshal(g)
	ctx := context.Background()
	if _, err := a.app.InitChain(ctx, &abci.RequestInitChain{AppStateBytes: genesis, Validators: comet}); err != nil {
		t.Fatal(err)
	}
	evidence := func(pks ...cmtcrypto.PubKey) []abci.Misbehavior {
		var out []abci.Misbehavior
		for _, pk := range pks {
			out = append(out, abci.Misbehavior{Type: abci.MisbehaviorType_DUPLICATE_VOTE, Validator: abci.Validator{Address: pk.Address(), Power: 1}, Height: 1})
		}
		return out
	}
	stranger := ed25519.GenPrivKey().PubKey()
	for h, tc := range []struct {
		name     string
		evidence []abci.Misbehavior
		removed  []cmtcrypto.PubKey
	}{
		{"none", nil, nil},
		{"validator 1 equivocates", evidence(pks[1]), pks[1:2]},
		{"validator 1 again, and a stranger", evidence(pks[1], stranger), nil},
		{"the other two at once: the last keeps its power", evidence(pks[0], pks[2]), pks[0:1]},
	} {
		height := int64(h + 1)
		prep, err := a.app.PrepareProposal(ctx, &abci.RequestPrepareProposal{Height: height, MaxTxBytes: 1 << 20})
		if err != nil {
			t.Fatal(err)
		}
		fin, err := a.app.FinalizeBlock(ctx, &abci.RequestFinalizeBlock{Height: height, Txs: prep.Txs, Hash: blockHash(height, prep.Txs), Misbehavior: tc.evidence})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := a.app.Commit(ctx, &abci.RequestCommit{}); err != nil {
			t.Fatal(err)
		}
		if len(fin.ValidatorUpdates) != len(tc.removed) {
			t.Fatalf("%s: updates %v, want power 0 for %d", tc.name, fin.ValidatorUpdates, len(tc.removed))
		}
		for i, u := range fin.ValidatorUpdates {
			if u.Power != 0 || !bytes.Equal(u.PubKey.GetEd25519(), tc.removed[i].Bytes()) {
				t.Errorf("%s: update %v", tc.name, u)
			}
		}
	}
	vals, err := NewState(a.store.Begin(), a.params.Domain).Validators()
	if err != nil || len(vals) != 3 {
		t.Fatalf("validators %v %v", vals, err)
	}
	for _, v := range vals {
		if v.Slashed == nil || v.Amount.Sign() != 0 || v.Slashed.Amount.Int64() != 32 || v.Keyper != (common.Address{7}) {
			t.Errorf("validator %s: bond %v, slashed %+v", v.Validator, v.Amount, v.Slashed)
		}
	}
	for _, v := range vals {
		want := uint64(4)
		if bytes.Equal(v.Validator[:], pks[1].Address()) {
			want = 2
		}
		if v.Slashed.Slot != want || v.Slashed.Height != 1 {
			t.Errorf("validator %s slashed at slot %d for height %d, want slot %d height 1", v.Validator, v.Slashed.Slot, v.Slashed.Height, want)
		}
	}
}
