package chain

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"fmt"
	"math/big"
	"strings"
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"
	cmttypes "github.com/cometbft/cometbft/types"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/veil-sequencer/veil/bid"
	"github.com/veil-sequencer/veil/envelope"
	"github.com/veil-sequencer/veil/mempool"
)

// initApp is newApp after InitChain, with the genesis changed by edit.
func initApp(t testing.TB, edit func(*Genesis)) *appFixture {
	t.Helper()
	a := newApp(t)
	var g Genesis
	if err := json.Unmarshal(a.genesis, &g); err != nil {
		t.Fatal(err)
	}
	if edit != nil {
		edit(&g)
	}
	a.genesis, _ = json.Marshal(g)
	if _, err := a.app.InitChain(context.Background(), &abci.RequestInitChain{AppStateBytes: a.genesis}); err != nil {
		t.Fatal(err)
	}
	return a
}

// checkCode runs CheckTx and returns the rule's code (0 accepted) and the
// field it named.
func (a *appFixture) checkCode(tx []byte, recheck bool) (mempool.Code, string) {
	a.t.Helper()
	req := &abci.RequestCheckTx{Tx: tx}
	if recheck {
		req.Type = abci.CheckTxType_Recheck
	}
	res, err := a.app.CheckTx(context.Background(), req)
	if err != nil {
		a.t.Fatal(err)
	}
	if res.Code != 0 && res.Log == "" {
		a.t.Fatalf("rejection %d without a message", res.Code)
	}
	return mempool.Code(res.Code), res.Info
}

// signed re-signs e after the test changed it.
func (a *appFixture) signed(wallet int, e *envelope.Envelope) []byte {
	a.t.Helper()
	if err := e.Sign(a.params.Domain, a.fixture.keys[wallet]); err != nil {
		a.t.Fatal(err)
	}
	return txOf(e)
}

// TestCheckTxCountsPending: CheckTx admits against what this node's
// mempool already holds (issue 15 findings 2, 3 and 6), so a sender can
// neither park unincludable envelopes for free nor hold more than it can
// pay for; a rejection changes nothing, and a commit plus recheck
// rebuilds the pending state.
func TestCheckTxCountsPending(t *testing.T) {
	a := initApp(t, nil)
	withIdentity := func(wallet int, nonce uint64, fee int64, id byte) []byte {
		e := a.envelope(wallet, nonce, fee, 50)
		e.IdentityPrefix[2] = id
		return a.signed(wallet, e)
	}
	e0, e1 := a.envelope(0, 0, 2, 50), a.envelope(0, 1, 2, 50)
	reuse := a.envelope(0, 1, 2, 50)
	reuse.IdentityPrefix = e0.IdentityPrefix
	sameIdentity := a.signed(0, reuse)
	tooMuchGas := a.envelope(1, 0, 2, 50)
	tooMuchGas.GasLimit = a.params.BidGasLimit() + 1
	huge := a.envelope(1, 0, 2, 50)
	huge.GasLimit = 1 << 63
	steps := []struct {
		name    string
		tx      []byte
		code    mempool.Code
		field   string
		recheck bool
	}{
		{name: "next nonce", tx: txOf(e0)},
		{name: "the same nonce with another identity", tx: withIdentity(0, 0, 2, 1), code: mempool.CodeNonceUsed, field: "nonce"},
		{name: "a gap past the pending nonce", tx: a.tx(0, 2), code: mempool.CodeNonceGap, field: "nonce"},
		{name: "a gap inside the old window", tx: a.tx(0, 9), code: mempool.CodeNonceGap, field: "nonce"},
		{name: "the pending identity again", tx: sameIdentity, code: mempool.CodeIdentityReused, field: "identityPrefix"},
		{name: "the next pending nonce", tx: txOf(e1)},
		{name: "gas above the bid gas limit", tx: a.signed(1, tooMuchGas), code: mempool.CodeGasTooHigh, field: "gasLimit"},
		{name: "gas of 2^63", tx: a.signed(1, huge), code: mempool.CodeGasTooHigh, field: "gasLimit"},
		{name: "a rejection left the nonce free", tx: a.tx(1, 0)},
	}
	for _, s := range steps {
		code, field := a.checkCode(s.tx, s.recheck)
		if code != s.code || field != s.field {
			t.Fatalf("%s: code %q field %q, want %q %q", s.name, code, field, s.code, s.field)
		}
	}
	if got, ok := a.app.Pending(e0.Hash(a.params.Domain)); !ok || got.Nonce != 0 {
		t.Fatalf("Pending of an admitted envelope: %v %v", got, ok)
	}
	if _, ok := a.app.Pending(common.Hash{1}); ok {
		t.Fatal("Pending of an unknown hash")
	}

	// Block 1 takes only nonce 0 of wallet 0; after the commit CometBFT
	// rechecks the rest in mempool order: nonce 1 still fits, and nonce 2
	// follows it.
	a.block(1, [][]byte{txOf(e0)})
	if _, ok := a.app.Pending(e0.Hash(a.params.Domain)); ok {
		t.Fatal("a queued envelope is still pending after the commit")
	}
	if _, ok := a.app.Pending(e1.Hash(a.params.Domain)); !ok {
		t.Fatal("an envelope left in the mempool is not pending between the commit and its recheck")
	}
	for _, s := range []struct {
		tx      []byte
		recheck bool
		code    mempool.Code
	}{
		{txOf(e1), true, 0}, {a.tx(1, 0), true, 0}, {a.tx(0, 0), false, mempool.CodeIdentityReused},
		{a.tx(0, 2), false, 0}, {a.tx(0, 4), false, mempool.CodeNonceGap},
	} {
		if code, _ := a.checkCode(s.tx, s.recheck); code != s.code {
			t.Fatalf("after block 1: %q, want %q", code, s.code)
		}
	}
}

// TestCheckTxSenderCapAndDeposit: pending envelopes count against the
// sender's cap and its deposit, so a sender's mempool footprint is what it
// can pay for.
func TestCheckTxSenderCapAndDeposit(t *testing.T) {
	a := initApp(t, nil)
	senderCap := a.params.SenderCap
	for n := range senderCap {
		if code, _ := a.checkCode(a.tx(0, uint64(n)), false); code != 0 {
			t.Fatalf("envelope %d: %q", n, code)
		}
	}
	if code, field := a.checkCode(a.tx(0, uint64(senderCap)), false); code != mempool.CodeSenderCap || field != "sender" {
		t.Fatalf("envelope past the cap: %q %q", code, field)
	}
	// Wallet 1 holds 1e15 wei; each of these charges 30,000 × 1e10 = 3e14.
	for n, want := range []mempool.Code{0, 0, 0, mempool.CodeInsufficientDeposit} {
		if code, _ := a.checkCode(txOf(a.envelope(1, uint64(n), 1e10, 50)), false); code != want {
			t.Fatalf("costly envelope %d: %q, want %q", n, code, want)
		}
	}
}

// TestCheckTxBidLimits: the bid rules count pending bids (protocol §4): a
// lower or equal seq after a higher one, a sixth bid of one builder and a
// 65th of one slot are refused even before any of them is committed.
func TestCheckTxBidLimits(t *testing.T) {
	var keys []*ecdsa.PrivateKey
	a := initApp(t, func(g *Genesis) {
		for i := range 14 {
			k, _ := crypto.ToECDSA(crypto.Keccak256([]byte(fmt.Sprintf("check builder %d", i))))
			keys = append(keys, k)
			g.Builders = append(g.Builders, GenesisBuilder{Address: crypto.PubkeyToAddress(k.PublicKey), Collateral: "1000000"})
		}
	})
	mk := func(b int, slot, seq uint64) []byte {
		addr := crypto.PubkeyToAddress(keys[b].PublicKey)
		sealed, err := bid.Seal(nil, &bid.Payload{Value: big.NewInt(1), Builder: addr, Slot: slot}, 1337, a.eonKey)
		if err != nil {
			t.Fatal(err)
		}
		x := &bid.Bid{ChainID: 1337, Eon: 1, Slot: slot, Builder: addr, Seq: seq, Sealed: sealed}
		if err := x.Sign(a.params.Domain, keys[b]); err != nil {
			t.Fatal(err)
		}
		return append([]byte{TxBid}, x.EncodeCanonical()...)
	}
	for _, s := range []struct {
		name string
		tx   []byte
		code mempool.Code
	}{
		{"seq 5", mk(0, 3, 5), 0},
		{"seq 4 after 5", mk(0, 3, 4), mempool.CodeSeqTooLow},
		{"seq 5 again", mk(0, 3, 5), mempool.CodeSeqTooLow},
		{"seq 6", mk(0, 3, 6), 0},
		{"seq 7", mk(0, 3, 7), 0},
		{"seq 8", mk(0, 3, 8), 0},
		{"seq 9", mk(0, 3, 9), 0},
		{"a sixth bid", mk(0, 3, 10), mempool.CodeBidLimit},
		{"another slot", mk(0, 4, 1), 0},
	} {
		if code, _ := a.checkCode(s.tx, false); code != s.code {
			t.Fatalf("%s: %q, want %q", s.name, code, s.code)
		}
	}
	// Slot 3 holds 5; twelve more builders bring it to 64 (5 each, the
	// last 4), and the next bid for it is one too many.
	n := 5
	for b := 1; n < 64; b++ {
		for seq := uint64(1); seq <= 5 && n < 64; seq++ {
			if code, _ := a.checkCode(mk(b, 3, seq), false); code != 0 {
				t.Fatalf("bid %d of slot 3: %q", n+1, code)
			}
			n++
		}
	}
	if code, field := a.checkCode(mk(13, 3, 1), false); code != mempool.CodeBidLimit || field != "slot" {
		t.Fatalf("a 65th bid for slot 3: %q %q", code, field)
	}
}

// TestPrepareProposalAtTheLimit: a proposal never exceeds MaxTxBytes as
// CometBFT counts it (protobuf framing included, the slot record added on
// top of what CometBFT reaped), which CometBFT would answer with a
// consensus failure (issue 15 finding 1).
func TestPrepareProposalAtTheLimit(t *testing.T) {
	a := initApp(t, nil)
	var mempoolTxs [][]byte
	for w := range 2 {
		for n := range 8 {
			mempoolTxs = append(mempoolTxs, a.tx(w, uint64(n)))
		}
	}
	ctx := context.Background()
	all, err := a.app.PrepareProposal(ctx, &abci.RequestPrepareProposal{Height: 1, Txs: mempoolTxs, MaxTxBytes: 1 << 20})
	if err != nil || len(all.Txs) != len(mempoolTxs)+1 {
		t.Fatalf("unbounded proposal: %d txs, %v", len(all.Txs), err)
	}
	raw := 0
	for _, tx := range all.Txs {
		raw += len(tx)
	}
	for _, limit := range []int64{int64(raw), int64(raw) - 1, cmttypes.ComputeProtoSizeForTxs(cmttypes.ToTxs(all.Txs)), int64(len(all.Txs[0])) + 3} {
		prep, err := a.app.PrepareProposal(ctx, &abci.RequestPrepareProposal{Height: 1, Txs: mempoolTxs, MaxTxBytes: limit})
		if err != nil {
			t.Fatal(err)
		}
		// CometBFT's own check, whose failure is a consensus failure.
		if err := cmttypes.ToTxs(prep.Txs).Validate(limit); err != nil {
			t.Fatalf("MaxTxBytes %d: %v", limit, err)
		}
		if len(prep.Txs) == 0 || prep.Txs[0][0] != TxSlotRecord {
			t.Fatalf("MaxTxBytes %d: no slot record", limit)
		}
		proc, err := a.app.ProcessProposal(ctx, &abci.RequestProcessProposal{Height: 1, Txs: prep.Txs, Hash: blockHash(1, prep.Txs)})
		if err != nil || proc.Status != abci.ResponseProcessProposal_ACCEPT {
			t.Fatalf("MaxTxBytes %d: the proposal is refused: %v %v", limit, proc, err)
		}
	}
	// A limit below the record itself: no proposal rather than a bad one.
	prep, err := a.app.PrepareProposal(ctx, &abci.RequestPrepareProposal{Height: 1, Txs: mempoolTxs, MaxTxBytes: int64(len(all.Txs[0]))})
	if err != nil || len(prep.Txs) != 0 {
		t.Fatalf("a record past the limit: %d txs, %v", len(prep.Txs), err)
	}
}

// TestGenesisSupply: amounts that do not fit, alone or summed, are refused
// naming the account, never a panic in InitChain (issue 15 finding 8).
func TestGenesisSupply(t *testing.T) {
	two256 := new(big.Int).Lsh(big.NewInt(1), 256)
	most := new(big.Int).Sub(two256, big.NewInt(1)).String()
	half := new(big.Int).Rsh(two256, 1).String()
	who := common.HexToAddress("0x00000000000000000000000000000000000000aa")
	for _, tc := range []struct {
		name     string
		accounts []GenesisAccount
		builders []GenesisBuilder
		want     string // "" accepted, else part of the error
	}{
		{"the largest deposit", []GenesisAccount{{who, most}}, nil, ""},
		{"a deposit of 2^256", []GenesisAccount{{who, two256.String()}}, nil, who.Hex()},
		{"deposits summing to 2^256", []GenesisAccount{{common.Address{1}, half}, {who, half}}, nil, who.Hex()},
		{"a deposit and a collateral summing past", []GenesisAccount{{common.Address{1}, most}}, []GenesisBuilder{{who, "1"}}, who.Hex()},
		{"a collateral of 2^256", nil, []GenesisBuilder{{who, two256.String()}}, who.Hex()},
		{"an account twice", []GenesisAccount{{who, "1"}, {who, "2"}}, nil, who.Hex()},
		{"a deposit in hex", []GenesisAccount{{who, "0x10"}}, nil, who.Hex()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := newApp(t)
			var g Genesis
			if err := json.Unmarshal(a.genesis, &g); err != nil {
				t.Fatal(err)
			}
			g.Accounts, g.Builders = tc.accounts, tc.builders
			genesis, _ := json.Marshal(g)
			_, err := a.app.InitChain(context.Background(), &abci.RequestInitChain{AppStateBytes: genesis})
			switch {
			case tc.want == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Fatalf("error %v, want one naming %s", err, tc.want)
			case tc.want != "" && a.store.HasGenesis():
				t.Fatal("a refused genesis wrote state")
			}
		})
	}
}

// TestPoolPage: GET /v1/pool's pages come from the keys onwards: queued
// envelopes then pending ones, each once, with a cursor that stays valid
// when the pending ones are queued.
func TestPoolPage(t *testing.T) {
	a := initApp(t, nil)
	var queued [][]byte
	for n := range 3 {
		queued = append(queued, a.tx(0, uint64(n)))
	}
	a.block(1, queued)
	for n := range 4 {
		if code, _ := a.checkCode(a.tx(1, uint64(n)), false); code != 0 {
			t.Fatal(code)
		}
	}
	var got []PoolEntry
	pages := 0
	for cursor := ""; ; pages++ {
		page, next, err := a.app.PoolPage(cursor, 2, 1<<20)
		if err != nil {
			t.Fatal(err)
		}
		if len(page) == 0 {
			if next != cursor {
				t.Fatalf("an empty page moved the cursor from %q to %q", cursor, next)
			}
			break
		}
		got = append(got, page...)
		cursor = next
	}
	if len(got) != 7 || pages != 4 {
		t.Fatalf("%d entries in %d pages, want 7 in 4", len(got), pages)
	}
	for i, e := range got {
		if e.Pending != (i >= 3) || e.Envelope == nil || e.Envelope.Hash(a.params.Domain) != e.Hash {
			t.Fatalf("entry %d: %+v", i, e)
		}
	}
	// The cursor after the queued ones still lists the pending ones once
	// they are queued by block 2.
	_, afterQueued, _ := a.app.PoolPage("", 3, 1<<20)
	pendingTxs := make([][]byte, 4)
	for n := range 4 {
		pendingTxs[n] = a.tx(1, uint64(n))
	}
	a.block(2, pendingTxs)
	page, _, err := a.app.PoolPage(afterQueued, 10, 1<<20)
	if err != nil || len(page) != 4 {
		t.Fatalf("after block 2: %d entries, %v", len(page), err)
	}
	for _, e := range page {
		if e.Pending {
			t.Fatalf("%s still pending after block 2", e.Hash)
		}
	}
	// A byte bound shorter than a limit: each page stops once its
	// ciphertexts reach it, holding one envelope at least.
	ct := len(page[0].Envelope.Ciphertext)
	for _, tc := range []struct{ maxBytes, want int }{{1, 1}, {ct, 1}, {ct + 1, 2}, {2 * ct, 2}, {3*ct + 1, 4}} {
		if p, _, err := a.app.PoolPage("", 10, tc.maxBytes); err != nil || len(p) != tc.want {
			t.Fatalf("maxBytes %d: %d entries, want %d (%v)", tc.maxBytes, len(p), tc.want, err)
		}
	}
	for _, bad := range []string{"zz", "00", strings.Repeat("0", 2*PoolCursorSize+2)} {
		if _, _, err := a.app.PoolPage(bad, 1, 1<<20); err == nil {
			t.Fatalf("cursor %q accepted", bad)
		}
	}
}

// TestRejectionOf: CheckTx's answer read back is the rule that refused,
// through the same codes; a number this version does not know is bad_tx.
func TestRejectionOf(t *testing.T) {
	if RejectionOf(abci.CodeTypeOK, nil, "") != nil {
		t.Fatal("an accepted transaction is a rejection")
	}
	for _, c := range mempool.Codes() {
		rej := RejectionOf(uint32(c), []byte("nonce"), "why")
		if rej.Code != c || rej.Field != "nonce" || rej.Err.Error() != "why" {
			t.Errorf("code %d: %+v", uint32(c), rej)
		}
	}
	if rej := RejectionOf(999, nil, "later version"); rej.Code != mempool.CodeBadTx {
		t.Errorf("unknown code: %+v", rej)
	}
}

// TestRecheckDropRemembered: a pending envelope that a commit makes fail
// its rules (here it expires) is dropped from the mempool on recheck and
// remembered with the rule, so its sender can learn what became of it; a
// refusal on first admission is not (the caller got it in the answer).
func TestRecheckDropRemembered(t *testing.T) {
	a := initApp(t, nil)
	e := a.envelope(0, 0, 2, 1) // valid until slot 1 only
	late, h := txOf(e), e.Hash(a.params.Domain)
	if code, _ := a.checkCode(late, false); code != 0 {
		t.Fatalf("admitted for slot 1: %q", code)
	}
	a.block(1, nil) // block 1 leaves it out
	if code, _ := a.checkCode(late, true); code != mempool.CodeExpired {
		t.Fatalf("recheck for slot 2: %q", code)
	}
	if code, ok := a.app.RecheckDropped(h); !ok || code != mempool.CodeExpired {
		t.Fatalf("RecheckDropped: %q %v", code, ok)
	}
	gap := a.envelope(1, 5, 2, 50)
	if code, _ := a.checkCode(txOf(gap), false); code != mempool.CodeNonceGap {
		t.Fatalf("a gap: %q", code)
	}
	if _, ok := a.app.RecheckDropped(gap.Hash(a.params.Domain)); ok {
		t.Fatal("a refusal on first admission is remembered as a recheck drop")
	}
}
