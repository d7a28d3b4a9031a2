package chain

import (
	"context"
	"slices"
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/ethereum/go-ethereum/common"

	"github.com/veil-sequencer/veil/envelope"
)

// FuzzCheckTxPending drives the check state with a sequence of envelope
// submissions, blocks and rechecks chosen by the input, as CometBFT's
// mempool would (what CheckTx accepts joins the mempool in order; a block
// takes a prefix of it; the rest is rechecked after the commit). Whatever
// the sequence:
//   - everything CheckTx accepted is included by the next proposal (no
//     envelope sits in the mempool unincludable and uncharged),
//   - what survives a block passes its recheck,
//   - each sender's pending nonces follow its committed next nonce without
//     a gap,
//   - a rejected envelope changes nothing a reader of the pool sees.
func FuzzCheckTxPending(f *testing.F) {
	a := initApp(f, nil)
	type cand struct {
		tx []byte
		e  *envelope.Envelope
	}
	var cands []cand
	for w := range 2 {
		for n := range uint64(12) {
			for _, fee := range []int64{2, 1e10} { // 1e10: three of them exhaust a deposit
				for variant := range byte(2) {
					e := a.envelope(w, n, fee, 250)
					e.IdentityPrefix[2], e.IdentityPrefix[3] = variant, byte(fee%7)
					cands = append(cands, cand{a.signed(w, e), e})
				}
			}
		}
	}
	f.Add([]byte{0, 4, 8, 0xff, 12, 0xf1, 16})
	f.Add([]byte{1, 5, 96, 100, 0xf0, 9, 13, 0xff})
	f.Add([]byte{2, 6, 10, 14, 3, 7, 11, 0xf2, 0xff})
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, ops []byte) {
		a := initApp(t, nil)
		a.t = t
		var mem [][]byte // CometBFT's mempool: accepted, in order
		var memEnv []*envelope.Envelope
		height := int64(0)
		pool := func() []PoolEntry {
			p, _, err := a.app.PoolPage("", 1000, 1<<30)
			if err != nil {
				t.Fatal(err)
			}
			return p
		}
		for _, op := range ops {
			if op >= 0xf0 {
				if height >= 200 {
					continue
				}
				k := len(mem)
				if op != 0xff {
					k = min(int(op&0x0f), len(mem))
				}
				height++
				prep, err := a.app.PrepareProposal(ctx, &abci.RequestPrepareProposal{Height: height, Txs: mem[:k], MaxTxBytes: 1 << 22})
				if err != nil || len(prep.Txs) != k+1 {
					t.Fatalf("height %d: the proposal kept %d of %d accepted envelopes (%v)", height, len(prep.Txs)-1, k, err)
				}
				a.finalize(height, prep.Txs)
				rest, restEnv := mem[k:], memEnv[k:]
				mem, memEnv = nil, nil
				for i, tx := range rest {
					if code, _ := a.checkCode(tx, true); code != 0 {
						t.Fatalf("height %d: recheck refused %s (%s)", height, restEnv[i].Hash(a.params.Domain), code)
					}
					mem, memEnv = append(mem, tx), append(memEnv, restEnv[i])
				}
				continue
			}
			c := cands[int(op)%len(cands)]
			before := pool()
			if code, _ := a.checkCode(c.tx, false); code != 0 {
				if after := pool(); !slices.EqualFunc(before, after, func(x, y PoolEntry) bool { return x.Hash == y.Hash && x.Pending == y.Pending }) {
					t.Fatalf("a rejected envelope (%s) changed the pool", code)
				}
				continue
			}
			mem, memEnv = append(mem, c.tx), append(memEnv, c.e)
			// The sender's pending nonces run on from its committed next.
			st := NewState(a.store.Begin(), a.params.Domain)
			acct, err := st.Account(c.e.Sender)
			if err != nil {
				t.Fatal(err)
			}
			next := acct.NextNonce
			for _, e := range memEnv {
				if e.Sender != c.e.Sender {
					continue
				}
				if e.Nonce != next {
					t.Fatalf("pending nonce %d of %s, want %d", e.Nonce, common.Address(e.Sender), next)
				}
				next++
			}
		}
	})
}
