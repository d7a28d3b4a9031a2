package node

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	cmtjson "github.com/cometbft/cometbft/libs/json"
	"github.com/cometbft/cometbft/types"
	"github.com/ethereum/go-ethereum/common"

	"github.com/veil-sequencer/veil/api/apitypes"
	"github.com/veil-sequencer/veil/client"
	"github.com/veil-sequencer/veil/envelope"
	"github.com/veil-sequencer/veil/threshold"
)

// TestClientVerifies: a rollup's verifier accepts a decrypted block from a
// live network with its exact plaintexts and the invalid envelope's
// reason, and refuses the block with any one part changed.
func TestClientVerifies(t *testing.T) {
	if testing.Short() {
		t.Skip("runs four validators")
	}
	tn := startNet(t)
	ver := tn.verifier()

	// Two wallets at once, so that one slot orders both: a transfer and
	// a plaintext that is no transaction.
	plain := signedTx(t, tn.keys[0], 1337, 0)
	mk := func(w int, pt []byte) *envelope.Envelope {
		return tn.envelope(tn.keys[w], 0, byte(w), func(e *envelope.Envelope) {
			ct, _ := threshold.Encrypt(nil, pt, tn.eonKey, e.Identity().Point())
			e.Ciphertext = ct.Bytes()
			e.GasLimit = 30000 + 16*uint64(len(e.Ciphertext))
		})
	}
	good, junk := mk(0, plain), mk(1, []byte("junk"))
	for i, e := range []*envelope.Envelope{good, junk} {
		if code, out := tn.post(tn.urls[0], e.EncodeCanonical()); code != 202 { // one mempool: one block
			t.Fatalf("envelope %d: %d %v", i, code, out)
		}
	}
	var raw []byte
	tn.waitFor("both decrypted in one block", func() bool {
		_, b := tn.get(tn.urls[2] + "/v1/transactions/" + good.Hash(tn.nw.Params().Domain).Hex())
		var tx struct {
			Status string
			Slot   uint64
		}
		if json.Unmarshal(b, &tx) != nil || tx.Status != "decrypted" {
			return false
		}
		_, raw = tn.get(fmt.Sprintf("%s/v1/blocks/%d", tn.urls[2], tx.Slot))
		return true
	})
	decode := func() *apitypes.Block {
		var b apitypes.Block
		if err := json.Unmarshal(raw, &b); err != nil {
			t.Fatal(err)
		}
		return &b
	}
	b := decode()
	if len(b.Transactions) != 2 {
		t.Skipf("the two envelopes landed in different slots (%d in this one)", len(b.Transactions))
	}
	slot, err := ver.Verify(b)
	if err != nil {
		t.Fatal(err)
	}
	if len(slot.Txs) != 1 || string(slot.Txs[0]) != string(plain) || len(slot.Invalid) != 1 || slot.Invalid[0].Reason != "bad_encoding" {
		t.Fatalf("verified slot: %+v", slot)
	}

	flip := func(p []byte) { p[len(p)/2] ^= 1 }
	withHeader := func(b *apitypes.Block, f func(sh *types.SignedHeader)) {
		var sh types.SignedHeader
		if err := cmtjson.Unmarshal(b.Commit, &sh); err != nil {
			t.Fatal(err)
		}
		f(&sh)
		if b.Commit, err = cmtjson.Marshal(sh); err != nil {
			t.Fatal(err)
		}
	}
	for name, tamper := range map[string]func(b *apitypes.Block){
		"header time": func(b *apitypes.Block) {
			withHeader(b, func(sh *types.SignedHeader) { sh.Header.Time = sh.Header.Time.Add(time.Nanosecond) })
		},
		"served time": func(b *apitypes.Block) { b.Time = b.Time.Add(time.Nanosecond) },
		"block hash":  func(b *apitypes.Block) { flip(b.Hash) },
		"commit signature": func(b *apitypes.Block) {
			withHeader(b, func(sh *types.SignedHeader) {
				for i := len(sh.Commit.Signatures) - 1; i >= 0; i-- { // the last present one: absent votes carry none
					if sig := sh.Commit.Signatures[i].Signature; len(sig) > 0 {
						flip(sig)
						return
					}
				}
				t.Fatal("a commit without signatures")
			})
		},
		"slot record": func(b *apitypes.Block) { flip(b.Record) },
		"record proof": func(b *apitypes.Block) {
			var p types.TxProof
			_ = cmtjson.Unmarshal(b.RecordProof, &p)
			flip(p.RootHash)
			b.RecordProof, _ = cmtjson.Marshal(p)
		},
		"a key":       func(b *apitypes.Block) { b.Keys[0].Key, b.Keys[1].Key = b.Keys[1].Key, b.Keys[0].Key },
		"an envelope": func(b *apitypes.Block) { b.Transactions[0].Envelope.GasLimit++ },
		"a plaintext": func(b *apitypes.Block) {
			for i := range b.Transactions {
				flip(b.Transactions[i].Plaintext)
			}
		},
		"the order": func(b *apitypes.Block) {
			b.Transactions[0], b.Transactions[1] = b.Transactions[1], b.Transactions[0]
			b.Keys[0], b.Keys[1] = b.Keys[1], b.Keys[0]
			b.Keys[0].Index, b.Keys[1].Index = 0, 1
		},
		"bundle root": func(b *apitypes.Block) { b.BundleRoot = common.Hash{1} },
		"a reason":    func(b *apitypes.Block) { b.Transactions[1].Reason = "wrong_chain" },
	} {
		b := decode()
		tamper(b)
		if _, err := ver.Verify(b); !errors.Is(err, client.ErrVerify) {
			t.Errorf("%s changed: %v", name, err)
		}
	}
}

// TestFollowResumes: a follower whose connection drops mid-stream (a proxy
// cuts it after some bytes, every time) resumes from its last event, and a
// follower stopped and started again from the next slot carries on: every
// slot once, in order.
func TestFollowResumes(t *testing.T) {
	if testing.Short() {
		t.Skip("runs four validators")
	}
	tn := startNet(t)
	ver := tn.verifier()
	var cuts atomic.Int64
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		req, _ := http.NewRequestWithContext(r.Context(), http.MethodGet, tn.urls[1]+r.URL.RequestURI(), nil)
		req.Header = r.Header.Clone()
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer resp.Body.Close()
		w.Header().Set("Content-Type", resp.Header.Get("Content-Type"))
		w.WriteHeader(resp.StatusCode)
		_, _ = io.CopyN(w, resp.Body, 6000) // then the connection drops, mid-event
		cuts.Add(1)
	}))
	defer proxy.Close()

	var got []uint64
	follow := func(f *client.Follower, from uint64, n int) {
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		defer cancel()
		stop := errors.New("enough")
		err := f.Follow(ctx, from, func(s *client.Slot, _ *apitypes.Block) error {
			got = append(got, s.Slot)
			if len(got)%n == 0 {
				return stop
			}
			return nil
		})
		if !errors.Is(err, stop) {
			t.Fatalf("follow from %d: %v", from, err)
		}
	}
	follow(&client.Follower{Node: proxy.URL, Verify: ver, Retry: 10 * time.Millisecond}, 1, 6)
	follow(&client.Follower{Node: tn.urls[2], Verify: ver}, got[len(got)-1]+1, 3) // a restarted reader
	for i, s := range got {
		if s != uint64(i+1) {
			t.Fatalf("slots %v: a gap or a duplicate at %d", got, i)
		}
	}
	if cuts.Load() < 2 {
		t.Fatalf("the proxy cut %d connections: the resume was not exercised", cuts.Load())
	}
}

// verifier trusts the test network's genesis document, as a rollup would.
func (tn *testNet) verifier() *client.Verifier {
	doc, err := os.ReadFile(filepath.Join(tn.nw.Dir, tn.nw.GenesisFile))
	if err != nil {
		tn.t.Fatal(err)
	}
	ver, err := client.FromGenesis(doc)
	if err != nil {
		tn.t.Fatal(err)
	}
	return ver
}
