package node

import (
	"bufio"
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/veil-sequencer/veil/api"
	"github.com/veil-sequencer/veil/bid"
	"github.com/veil-sequencer/veil/chain"
	"github.com/veil-sequencer/veil/envelope"
	"github.com/veil-sequencer/veil/eon"
	"github.com/veil-sequencer/veil/keyper"
	"github.com/veil-sequencer/veil/threshold"
	"github.com/veil-sequencer/veil/threshold/thresholdtest"
)

type testNet struct {
	t        *testing.T
	cfg      netConfig
	eon      *eon.Info
	handlers []atomic.Pointer[http.Handler]

	nw      *Network
	nodes   []*Validator
	urls    []string
	keys    []*ecdsa.PrivateKey
	builder *ecdsa.PrivateKey // 1 ether of collateral
	keypers []*Keyper
	signers []*ecdsa.PrivateKey // the keypers' signing keys
	deal    *thresholdtest.Dealing
	eonKey  *threshold.EonPublicKey
}

// netConfig varies a test network.
type netConfig struct {
	nodeOpts func(i int) []ValidatorOption // extra options of validator i
	mute     map[int]bool                  // validators whose keyper sends nothing to its peers
	record   func(to int, body []byte)     // sees every POST /v1/p2p/shares a node receives
}

type netOption func(*netConfig)

func withNodeOptions(f func(i int) []ValidatorOption) netOption {
	return func(c *netConfig) { c.nodeOpts = f }
}

func withMutedKeyper(i int) netOption {
	return func(c *netConfig) {
		if c.mute == nil {
			c.mute = map[int]bool{}
		}
		c.mute[i] = true
	}
}

func withShareRecorder(f func(to int, body []byte)) netOption {
	return func(c *netConfig) { c.record = f }
}

// startNet runs four validators with their APIs on loopback; eight wallets
// hold 1 ether each, and wallet "poor" nothing.
func startNet(t *testing.T, opts ...netOption) *testNet {
	t.Helper()
	d, err := thresholdtest.Deal(nil, 4, 3)
	if err != nil {
		t.Fatal(err)
	}
	tn := &testNet{t: t, eonKey: d.EonKey, handlers: make([]atomic.Pointer[http.Handler], 4)}
	for _, o := range opts {
		o(&tn.cfg)
	}
	info := &eon.Info{Eon: 1, PublicKey: d.EonKey, Threshold: 3, ChainID: 1337}
	var signers []*ecdsa.PrivateKey
	for i := range 4 {
		k, _ := crypto.ToECDSA(crypto.Keccak256([]byte(fmt.Sprintf("node keyper %d", i))))
		signers = append(signers, k)
		info.Keypers = append(info.Keypers, eon.Keyper{Index: i + 1, Address: crypto.PubkeyToAddress(k.PublicKey), PublicKeyShare: d.PublicShares[i]})
	}
	g := chain.Genesis{ChainID: 1337, Eon: info}
	tn.signers, tn.deal, tn.eon = signers, d, info
	for i := range 8 {
		k, _ := crypto.ToECDSA(crypto.Keccak256([]byte(fmt.Sprintf("node wallet %d", i))))
		tn.keys = append(tn.keys, k)
		g.Accounts = append(g.Accounts, chain.GenesisAccount{Address: crypto.PubkeyToAddress(k.PublicKey), Deposit: "1000000000000000000"})
	}
	tn.builder, _ = crypto.ToECDSA(crypto.Keccak256([]byte("node builder")))
	g.Builders = []chain.GenesisBuilder{{Address: crypto.PubkeyToAddress(tn.builder.PublicKey), Collateral: "1000000000000000000"}}
	if tn.nw, err = CreateNetwork(NetworkConfig{Dir: t.TempDir(), Validators: 4, ChainID: 1337, BlockTime: 500 * time.Millisecond, AppState: g, Bond: big.NewInt(1)}); err != nil {
		t.Fatal(err)
	}
	// Servers first (keypers need every peer's URL), handlers once the
	// validators run.
	for i := range 4 {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if rec := tn.cfg.record; rec != nil && r.URL.Path == "/v1/p2p/shares" {
				body, _ := io.ReadAll(r.Body)
				rec(i, body)
				r.Body = io.NopCloser(bytes.NewReader(body))
			}
			if h := tn.handlers[i].Load(); h != nil {
				(*h).ServeHTTP(w, r)
				return
			}
			http.Error(w, "starting", http.StatusServiceUnavailable)
		}))
		t.Cleanup(srv.Close)
		tn.urls = append(tn.urls, srv.URL)
	}
	tn.keypers, tn.nodes = make([]*Keyper, 4), make([]*Validator, 4)
	for i := range 4 {
		tn.start(i)
	}
	t.Cleanup(func() {
		for i := range tn.nodes {
			tn.stop(i)
		}
		tn.nw.WaitClosed()
	})
	tn.waitFor("every API ready", func() bool {
		for _, u := range tn.urls {
			if code, _ := tn.get(u + "/readyz"); code != 200 {
				return false
			}
		}
		return true
	})
	return tn
}

// start runs validator i with a fresh keyper (what a restarted process
// has) and serves its API.
func (tn *testNet) start(i int) {
	t := tn.t
	log := slog.New(slog.DiscardHandler)
	var peers []string
	for j, u := range tn.urls {
		if j != i && !tn.cfg.mute[i] {
			peers = append(peers, u)
		}
	}
	kp, err := NewKeyper(&eon.Share{Eon: tn.eon, Index: i + 1, Address: tn.eon.Keypers[i].Address, Share: tn.deal.Shares[i]},
		tn.signers[i], tn.nw.Params().Domain, peers, tn.nw.ShareWait(), log)
	if err != nil {
		t.Fatal(err)
	}
	opts := []ValidatorOption{WithKeys(kp)}
	if tn.cfg.nodeOpts != nil {
		opts = append(opts, tn.cfg.nodeOpts(i)...)
	}
	n, err := tn.nw.StartNode(i, log, func(b chain.BlockInfo) { kp.Committed(b.Height, b.Time) }, opts...)
	if err != nil {
		t.Fatal(err)
	}
	kp.Attach(n.Store)
	tn.keypers[i], tn.nodes[i] = kp, n
	h := api.New(api.Config{Backend: NewBackend(tn.nw, n).WithKeyper(kp), Log: log, Collectors: kp.Metrics()}).Handler()
	tn.handlers[i].Store(&h)
}

// stop stops validator i and its keyper (the keyper first: it reads the
// validator's state).
func (tn *testNet) stop(i int) {
	if tn.nodes[i] == nil {
		return
	}
	tn.handlers[i].Store(nil)
	tn.keypers[i].Close()
	_ = tn.nodes[i].Stop()
	tn.nodes[i] = nil
}

func (tn *testNet) waitFor(what string, cond func() bool) {
	tn.t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			tn.t.Fatalf("timed out: %s", what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (tn *testNet) get(url string) (int, []byte) {
	resp, err := http.Get(url)
	if err != nil {
		tn.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b
}

func (tn *testNet) post(url string, body []byte) (int, map[string]any) {
	return tn.postTo(url+"/v1/transactions", body)
}

func (tn *testNet) postBid(url string, body []byte) (int, map[string]any) {
	return tn.postTo(url+"/v1/bids", body)
}

// postTo is safe from any goroutine: it reports a failed request as an
// error status rather than stopping the test.
func (tn *testNet) postTo(url string, body []byte) (int, map[string]any) {
	resp, err := http.Post(url, "application/json", bytes.NewReader(body))
	if err != nil {
		tn.t.Error(err)
		return 0, nil
	}
	defer resp.Body.Close()
	var out map[string]any
	b, _ := io.ReadAll(resp.Body)
	_ = json.Unmarshal(b, &out)
	return resp.StatusCode, out
}

func (tn *testNet) envelope(key *ecdsa.PrivateKey, nonce uint64, prefix byte, edit func(*envelope.Envelope)) *envelope.Envelope {
	e := &envelope.Envelope{ChainID: 1337, Eon: 1, Sender: crypto.PubkeyToAddress(key.PublicKey), GasLimit: 30000,
		MaxFeePerGas: big.NewInt(1), Nonce: nonce, ValidUntilSlot: tn.nodes[0].Store.Height() + 100}
	e.IdentityPrefix[0], e.IdentityPrefix[1] = prefix, byte(nonce)
	ct, _ := threshold.Encrypt(nil, []byte("rollup tx"), tn.eonKey, e.Identity().Point())
	e.Ciphertext = ct.Bytes()
	if edit != nil {
		edit(e)
	}
	_ = e.Sign(tn.nw.Params().Domain, key)
	return e
}

// TestNodeAPI: bad inputs against real validators change nothing and get
// exact answers; Shutter's SDK ciphertexts are accepted; concurrent
// submitters through different nodes all end up committed everywhere with
// one AppHash.
func TestNodeAPI(t *testing.T) {
	if testing.Short() {
		t.Skip("runs four validators")
	}
	tn := startNet(t)
	w0 := tn.keys[0]
	first := tn.envelope(w0, 0, 1, nil)
	if code, out := tn.post(tn.urls[0], first.EncodeCanonical()); code != 202 {
		t.Fatalf("first envelope: %d %v", code, out)
	}
	// Decrypted (its plaintext is no transaction: invalid), not only
	// queued: the subtests below compare the pool and
	// the account before and after each refusal, which an ordering of the
	// first envelope in between would change.
	tn.waitFor("first envelope decrypted", func() bool {
		code, b := tn.get(tn.urls[0] + "/v1/transactions/" + first.Hash(tn.nw.Params().Domain).Hex())
		return code == 200 && (strings.Contains(string(b), `"status":"decrypted"`) || strings.Contains(string(b), `"status":"invalid"`))
	})
	// Resubmitting an envelope the chain holds answers its hash again (its
	// nonce and identity are used by itself, which is no error).
	if code, out := tn.post(tn.urls[2], first.EncodeCanonical()); code != 202 || out["hash"] != first.Hash(tn.nw.Params().Domain).Hex() {
		t.Fatalf("resubmitted envelope: %d %v", code, out)
	}

	good := string(tn.envelope(w0, 1, 2, nil).EncodeCanonical())
	poor, _ := crypto.ToECDSA(crypto.Keccak256([]byte("node poor")))
	for _, tc := range []struct {
		name, body  string
		status      int
		code, field string
	}{
		{"malformed", "{", 400, "bad_json", ""},
		{"truncated", good[:40], 400, "bad_json", ""},
		{"unknown key", strings.Replace(good, `{"chainId"`, `{"x":1,"chainId"`, 1), 400, "unknown_field", "x"},
		{"duplicate key", strings.Replace(good, `"nonce":1`, `"nonce":1,"nonce":1`, 1), 400, "bad_json", "nonce"},
		{"wrong type", strings.Replace(good, `"eon":1`, `"eon":true`, 1), 400, "bad_field", "eon"},
		{"bad hex", strings.Replace(good, `"ciphertext":"0x03`, `"ciphertext":"0xg3`, 1), 400, "bad_field", "ciphertext"},
		{"oversized", `{"x":"` + strings.Repeat("0", 300<<10) + `"}`, 413, "too_large", ""},
		{"bad signature", strings.Replace(good, `"gasLimit":30000`, `"gasLimit":30001`, 1), 400, "bad_signature", "signature"},
		{"used nonce", string(tn.envelope(w0, 0, 3, nil).EncodeCanonical()), 409, "nonce_used", "nonce"},
		{"nonce gap", string(tn.envelope(w0, 3, 3, nil).EncodeCanonical()), 409, "nonce_gap", "nonce"},
		{"gas above the bid gas limit", string(tn.envelope(w0, 1, 3, func(e *envelope.Envelope) { e.GasLimit = 24_000_001 }).EncodeCanonical()), 400, "gas_too_high", "gasLimit"},
		{"reused identity", string(tn.envelope(w0, 1, 1, func(e *envelope.Envelope) { e.IdentityPrefix[1] = 0 }).EncodeCanonical()), 400, "identity_reused", "identityPrefix"},
		{"unfunded sender", string(tn.envelope(poor, 0, 4, nil).EncodeCanonical()), 402, "insufficient_deposit", "sender"},
		{"expired", string(tn.envelope(w0, 1, 5, func(e *envelope.Envelope) { e.ValidUntilSlot = 1 }).EncodeCanonical()), 400, "expired", "validUntilSlot"},
		{"wrong eon", string(tn.envelope(w0, 1, 6, func(e *envelope.Envelope) { e.Eon = 2 }).EncodeCanonical()), 400, "wrong_eon", "eon"},
		{"ciphertext without C3", string(tn.envelope(w0, 1, 7, func(e *envelope.Envelope) { e.Ciphertext = e.Ciphertext[:129] }).EncodeCanonical()), 400, "bad_ciphertext", "ciphertext"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, poolBefore := tn.get(tn.urls[0] + "/v1/pool")
			_, acctBefore := tn.get(tn.urls[0] + "/v1/accounts/" + strings.ToLower(crypto.PubkeyToAddress(w0.PublicKey).Hex()))
			code, out := tn.post(tn.urls[0], []byte(tc.body))
			e, _ := out["error"].(map[string]any)
			field, _ := e["field"].(string)
			if code != tc.status || e["code"] != tc.code || field != tc.field {
				t.Fatalf("got %d %v, want %d %s %q", code, out, tc.status, tc.code, tc.field)
			}
			_, poolAfter := tn.get(tn.urls[0] + "/v1/pool")
			_, acctAfter := tn.get(tn.urls[0] + "/v1/accounts/" + strings.ToLower(crypto.PubkeyToAddress(w0.PublicKey).Hex()))
			if !bytes.Equal(poolBefore, poolAfter) || !bytes.Equal(acctBefore, acctAfter) {
				t.Fatal("a rejected envelope changed the pool or the account")
			}
		})
	}
	// A pool cursor this node did not make is the caller's fault, naming it.
	if code, b := tn.get(tn.urls[0] + "/v1/pool?after=zz"); code != 400 || !strings.Contains(string(b), `"code":"bad_field"`) || !strings.Contains(string(b), `"field":"after"`) {
		t.Fatalf("a foreign pool cursor: %d %s", code, b)
	}
	// The same new envelope through every node, while it spreads: each
	// answers its hash (from its own admission, its mempool's cache of the
	// gossiped copy, or the chain).
	again := tn.envelope(w0, 1, 9, nil) // after the table: it changes the pool
	for i, u := range tn.urls {
		if code, out := tn.post(u, again.EncodeCanonical()); code != 202 || out["hash"] != again.Hash(tn.nw.Params().Domain).Hex() {
			t.Fatalf("node %d: %d %v", i, code, out)
		}
		time.Sleep(50 * time.Millisecond)
	}

	// A ciphertext made by Shutter's JS SDK is accepted as is.
	vb, err := os.ReadFile("../threshold/testdata/shutter-vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	var vf struct {
		Vectors []struct{ Ciphertext string } `json:"vectors"`
	}
	_ = json.Unmarshal(vb, &vf)
	sdk := tn.envelope(tn.keys[7], 0, 8, func(e *envelope.Envelope) { e.Ciphertext = hexutil.MustDecode(vf.Vectors[5].Ciphertext) })
	if code, out := tn.post(tn.urls[2], sdk.EncodeCanonical()); code != 202 {
		t.Fatalf("Shutter SDK ciphertext: %d %v", code, out)
	}

	// Concurrent submitters: wallets 1…6, five envelopes each, each wallet
	// through another node.
	var wg sync.WaitGroup
	var mu sync.Mutex
	var hashes []common.Hash
	for w := 1; w <= 6; w++ {
		wg.Go(func() {
			for n := range uint64(5) {
				e := tn.envelope(tn.keys[w], n, byte(10+w), nil)
				if code, out := tn.post(tn.urls[w%4], e.EncodeCanonical()); code != 202 {
					t.Errorf("wallet %d nonce %d: %d %v", w, n, code, out)
					return
				}
				mu.Lock()
				hashes = append(hashes, e.Hash(tn.nw.Params().Domain))
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	hashes = append(hashes, sdk.Hash(tn.nw.Params().Domain))
	// Committed, then decrypted by the keypers: their plaintexts ("rollup
	// tx") are no signed transactions, so each is invalid with
	// bad_encoding, on every node. The SDK's ciphertext was made for its
	// vector's key and identity, not this envelope's: bad_ciphertext.
	for _, u := range tn.urls {
		var last string
		defer func() {
			if t.Failed() {
				t.Logf("last answer: %s", last)
			}
		}()
		tn.waitFor("all decrypted at "+u, func() bool {
			for _, h := range hashes {
				_, b := tn.get(u + "/v1/transactions/" + h.Hex())
				want := `"reason":"bad_encoding","plaintextHash":"0x`
				if h == sdk.Hash(tn.nw.Params().Domain) {
					want = `"reason":"bad_ciphertext","envelope"`
				}
				if last = string(b); !strings.Contains(last, `"status":"invalid","slot":`) || !strings.Contains(last, want) {
					return false
				}
			}
			return true
		})
	}
	// The block feed from slot 1: each slot committed, then decrypted.
	resp, err := http.Get(tn.urls[1] + "/v1/blocks?from=1")
	if err != nil {
		t.Fatal(err)
	}
	feed := bufio.NewReader(resp.Body)
	for _, want := range []string{"1-committed", "1-decrypted", "2-committed", "2-decrypted"} {
		var id, data string
		for data == "" {
			line, err := feed.ReadString('\n')
			if err != nil {
				t.Fatal(err)
			}
			if v, ok := strings.CutPrefix(line, "id: "); ok {
				id = strings.TrimSpace(v)
			}
			if v, ok := strings.CutPrefix(line, "data: "); ok {
				data = v
			}
		}
		level := want[2:]
		if id != want || !strings.Contains(data, `"level":"`+level+`"`) {
			t.Fatalf("feed: %s %s, want %s", id, data, want)
		}
	}
	resp.Body.Close()

	// One AppHash: header h+1 carries the state after h on every node.
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	agreeOn(t, ctx, tn.nodes, tn.nodes[0].Store.Height())
}

func ptr[T any](v T) *T { return &v }

// TestNodeBids: a bid through one node's API is committed into its slot's
// set on every validator, with its penalty reserved from the builder's
// collateral; bad bids get exact answers and change nothing; once the slot
// is decided its auction is closed and the reservation released.
func TestNodeBids(t *testing.T) {
	if testing.Short() {
		t.Skip("runs four validators")
	}
	tn := startNet(t)
	builder := crypto.PubkeyToAddress(tn.builder.PublicKey)
	height := func() uint64 {
		_, b := tn.get(tn.urls[0] + "/v1/status")
		var st struct{ Height uint64 }
		_ = json.Unmarshal(b, &st)
		return st.Height
	}
	mk := func(slot, seq uint64) []byte {
		sealed, err := bid.Seal(nil, &bid.Payload{Value: big.NewInt(1e9), Builder: builder, Slot: slot}, 1337, tn.eonKey)
		if err != nil {
			t.Fatal(err)
		}
		x := &bid.Bid{ChainID: 1337, Eon: 1, Slot: slot, Builder: builder, Seq: seq, Sealed: sealed}
		if err := x.Sign(tn.nw.Params().Domain, tn.builder); err != nil {
			t.Fatal(err)
		}
		return x.EncodeCanonical()
	}
	slot := height() + 4 // within [height+2, height+K+1] for a few blocks
	body := mk(slot, 1)
	code, out := tn.postBid(tn.urls[1], body)
	if code != 202 || out["bidHash"] == nil {
		t.Fatalf("bid: %d %v", code, out)
	}
	// Keyper 4 sends node 0 keyper 1's share of the slot's bid key as its
	// own: named, counted, never used; the slot closes anyway.
	bad := &keyper.Message{ChainID: 1337, Eon: 1, Slot: slot, Keyper: 4,
		BidKeyShare: tn.deal.Shares[0].Release(threshold.BidIdentity(1337, slot).Point()).Bytes()}
	if err := bad.Sign(tn.nw.Params().Domain, tn.signers[3]); err != nil {
		t.Fatal(err)
	}
	resp, err := http.Post(tn.urls[0]+"/v1/p2p/shares", "application/json", bytes.NewReader(bad.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	faultBody, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 202 || !strings.Contains(string(faultBody), `"faults":1`) || tn.keypers[0].Faults()[4] != 1 {
		t.Fatalf("bad share: %d %s, faults %v", resp.StatusCode, faultBody, tn.keypers[0].Faults())
	}
	if _, m := tn.get(tn.urls[0] + "/metrics"); !strings.Contains(string(m), `veil_share_faults_total{keyper="4"} 1`) {
		t.Fatal("the bad share is not in /metrics")
	}
	// A message not signed by the keyper it names is refused, nobody blamed.
	bad.Keyper = 3
	resp, err = http.Post(tn.urls[0]+"/v1/p2p/shares", "application/json", bytes.NewReader(bad.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 400 || tn.keypers[0].Faults()[3] != 0 {
		t.Fatalf("forged message: %d, faults %v", resp.StatusCode, tn.keypers[0].Faults())
	}
	auction := func(u string) string {
		_, b := tn.get(fmt.Sprintf("%s/v1/auctions/%d", u, slot))
		return string(b)
	}
	tn.waitFor("the bid committed on every node", func() bool {
		for _, u := range tn.urls {
			if !strings.Contains(auction(u), `"bidCount":1`) {
				return false
			}
		}
		return true
	})
	if code, again := tn.postBid(tn.urls[3], body); code != 202 || again["bidHash"] != out["bidHash"] {
		t.Fatalf("the same bid again: %d %v", code, again)
	}
	if code, out := tn.postBid(tn.urls[0], mk(slot, 1)); code != 409 || !strings.Contains(fmt.Sprint(out), "seq_too_low") {
		t.Fatalf("a new bid with a used seq: %d %v", code, out)
	}
	if code, out := tn.postBid(tn.urls[0], mk(height()+1, 5)); code != 409 || !strings.Contains(fmt.Sprint(out), "wrong_slot") {
		t.Fatalf("a bid for the next block: %d %v", code, out)
	}
	tn.waitFor("the slot decided", func() bool { return strings.Contains(auction(tn.urls[2]), `"status":"closed"`) })
	closed := auction(tn.urls[2])
	for _, want := range []string{`"bidCount":1`, `"verdict":"valid"`, `"value":"1000000000"`, `"price":"1000000000"`,
		`"winner":"` + strings.ToLower(builder.Hex()) + `"`, `"seq":1`} {
		if !strings.Contains(strings.ToLower(closed), strings.ToLower(want)) {
			t.Fatalf("closed auction lacks %s: %s", want, closed)
		}
	}
	_, acct := tn.get(tn.urls[2] + "/v1/accounts/" + builder.Hex())
	if !strings.Contains(string(acct), `"collateral":"999999999000000000"`) { // less the price
		t.Fatalf("builder account: %s", acct)
	}
	// The keypers released the slot's bid key, the proposer opened the bid
	// and every validator accepted its record: the bid won at the reserve
	// (1 gwei), paid from collateral, and the reservation is gone.
	for i, n := range tn.nodes {
		tn.waitFor(fmt.Sprintf("validator %d's state at slot %d", i, slot), func() bool { return n.Store.Height() >= slot })
		st := chain.NewState(n.Store.Begin(), tn.nw.Params().Domain)
		bu, err := st.Builder(builder)
		if err != nil || bu.Reserved.Sign() != 0 || bu.Collateral.Cmp(big.NewInt(1e18-1e9)) != 0 {
			t.Fatalf("validator %d: builder after the slot: %+v %v", i, bu, err)
		}
	}
	for i, k := range tn.keypers {
		if f := k.Faults(); (i == 0 && len(f) != 1) || (i > 0 && len(f) != 0) {
			t.Fatalf("keyper %d saw bad shares from honest keypers: %v", i+1, f)
		}
	}

	// Admission counts pending bids (issue 15): a lower seq after a higher
	// one is refused before either is committed, and of six bids sent at
	// once at most five (the builder's cap) are accepted.
	next := height() + 3
	if code, out := tn.postBid(tn.urls[0], mk(next, 10)); code != 202 {
		t.Fatalf("seq 10: %d %v", code, out)
	}
	if code, out := tn.postBid(tn.urls[0], mk(next, 9)); code != 409 || !strings.Contains(fmt.Sprint(out), "seq_too_low") {
		t.Fatalf("seq 9 after a pending 10: %d %v", code, out)
	}
	burst := height() + 4
	bodies := make([][]byte, 6)
	for i := range bodies {
		bodies[i] = mk(burst, uint64(i+1))
	}
	codes := make([]int, len(bodies))
	var wg sync.WaitGroup
	for i, b := range bodies {
		wg.Go(func() {
			var out map[string]any
			if codes[i], out = tn.postBid(tn.urls[1], b); codes[i] != 202 && codes[i] != 409 && codes[i] != 429 {
				t.Errorf("burst bid %d: %d %v", i, codes[i], out)
			}
		})
	}
	wg.Wait()
	accepted := 0
	for _, c := range codes {
		if c == 202 {
			accepted++
		}
	}
	if accepted == 0 || accepted > 5 {
		t.Fatalf("six bids at once: %d accepted (%v), want 1 to 5", accepted, codes)
	}
}
