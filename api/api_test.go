package api

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/veil-sequencer/veil/api/apitypes"
	"github.com/veil-sequencer/veil/bid"
	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/envelope"
	"github.com/veil-sequencer/veil/eon"
	"github.com/veil-sequencer/veil/mempool"
	"github.com/veil-sequencer/veil/params"
	"github.com/veil-sequencer/veil/threshold"
	"github.com/veil-sequencer/veil/threshold/thresholdtest"
	"github.com/veil-sequencer/veil/wire"
	"github.com/veil-sequencer/veil/withdrawal"
)

// memBackend is an in-memory node that applies the real admission rules.
type memBackend struct {
	mu       sync.Mutex
	params   mempool.Params
	eon      *eon.Info
	slot     uint64
	accounts map[common.Address]mempool.Account
	used     map[threshold.Identity]bool
	pool     []*envelope.Envelope
	byHash   map[common.Hash]*envelope.Envelope
	bids     map[uint64][]*bid.Bid
	feedPad  int          // bytes of padding in each feed event
	feedHits atomic.Int64 // FeedEvent calls that returned an event
	feedEnc  map[apitypes.FeedCursor][]byte
	// withdrawals are committed as soon as admitted.
	withdrawals map[common.Address][]apitypes.Withdrawal
}

// FeedEvent has every slot before the current one, at every level.
func (b *memBackend) FeedEvent(ctx context.Context, cur apitypes.FeedCursor) ([]byte, error) {
	b.mu.Lock()
	slot := b.slot
	b.mu.Unlock()
	if cur.Slot >= slot {
		<-ctx.Done()
		return nil, ctx.Err()
	}
	b.feedHits.Add(1)
	b.mu.Lock()
	defer b.mu.Unlock()
	if data, ok := b.feedEnc[cur]; ok { // one encoding for every reader, as a node keeps
		return data, nil
	}
	if b.feedEnc == nil || len(b.feedEnc) > 64 {
		b.feedEnc = map[apitypes.FeedCursor][]byte{}
	}
	data := []byte(fmt.Sprintf(`{"slot":%d,"level":%q,"pad":"%s"}`, cur.Slot, cur.Level, strings.Repeat("x", b.feedPad)))
	if cur.Level == apitypes.LevelFinal { // a node's final event: the decrypted block and its batch
		data = []byte(fmt.Sprintf(`{"slot":%d,"level":"decrypted","final":{"batch":%d,"l1Block":9}}`, cur.Slot, cur.Slot/4))
	}
	b.feedEnc[cur] = data
	return data, nil
}

// memBackend is its own bid view: one eon, no builder collateral unless
// the test sets it, the bids it holds.
type memBidView struct {
	b          *memBackend
	collateral *big.Int
}

func (v memBidView) Block() uint64       { return v.b.slot }
func (v memBidView) EonAt(uint64) uint64 { return 1 }
func (v memBidView) Builder(common.Address) mempool.Builder {
	return mempool.Builder{Collateral: v.collateral, Reserved: new(big.Int)}
}
func (v memBidView) SlotBids(slot uint64, builder common.Address) (int, uint64, int, bool) {
	var seq uint64
	count := 0
	for _, b := range v.b.bids[slot] {
		if b.Builder == builder {
			seq, count = max(seq, b.Seq), count+1
		}
	}
	return len(v.b.bids[slot]), seq, count, count > 0
}

func (b *memBackend) SubmitBid(_ context.Context, x *bid.Bid) (common.Hash, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	p := b.params
	p.InvalidBidPenalty = big.NewInt(10)
	adm, rej := mempool.AdmitBid(x, memBidView{b: b, collateral: big.NewInt(100)}, p)
	if rej != nil {
		return common.Hash{}, rej
	}
	if b.bids == nil {
		b.bids = map[uint64][]*bid.Bid{}
	}
	b.bids[x.Slot] = append(b.bids[x.Slot], x)
	return adm.Hash, nil
}

// memWithdrawView is mempool.WithdrawView over the in-memory state
// (callers hold mu): no builder collateral.
type memWithdrawView struct{ b *memBackend }

func (v memWithdrawView) Unreserved(a common.Address) (*big.Int, *big.Int) {
	acct := v.b.accounts[a]
	return new(big.Int).Sub(wire.OrZero(acct.Deposit), wire.OrZero(acct.PendingCharges)), nil
}
func (v memWithdrawView) NextWithdrawNonce(a common.Address) uint64 {
	return uint64(len(v.b.withdrawals[a]))
}
func (memWithdrawView) WithdrawalsFrozen() bool { return false }

func (b *memBackend) SubmitWithdrawal(_ context.Context, w *withdrawal.Withdrawal) (common.Hash, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	h := w.Hash(b.params.Domain)
	for _, c := range b.withdrawals[w.Account] {
		if c.Hash == h {
			return h, nil // idempotent
		}
	}
	adm, rej := mempool.AdmitWithdraw(w, memWithdrawView{b}, b.params)
	if rej != nil {
		return common.Hash{}, rej
	}
	acct := b.accounts[w.Account]
	acct.Deposit = new(big.Int).Sub(acct.Deposit, adm.FromDeposit)
	b.accounts[w.Account] = acct
	if b.withdrawals == nil {
		b.withdrawals = map[common.Address][]apitypes.Withdrawal{}
	}
	b.withdrawals[w.Account] = append(b.withdrawals[w.Account], apitypes.Withdrawal{Hash: h, WithdrawNonce: w.WithdrawNonce,
		Recipient: w.Recipient, Amount: apitypes.Wei{Int: w.Amount}, Fee: apitypes.Wei{Int: w.Fee}, Slot: b.slot, State: apitypes.WithdrawalCommitted})
	return h, nil
}

func (b *memBackend) WithdrawalProof(_ context.Context, a common.Address, nonce uint64) (apitypes.WithdrawalProof, error) {
	if nonce != 0 {
		return apitypes.WithdrawalProof{}, ErrNotFound
	}
	return apitypes.WithdrawalProof{Account: a, Size: 1, Accepted: true, Amount: apitypes.Wei{Int: big.NewInt(5)}}, nil
}
func (b *memBackend) Withdrawals(_ context.Context, a common.Address) (apitypes.Withdrawals, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	ws := b.withdrawals[a]
	return apitypes.Withdrawals{Account: a, NextWithdrawNonce: uint64(len(ws)), Withdrawals: slices.Clone(ws)}, nil
}

func (b *memBackend) ReceiveShares(context.Context, []byte) (int, error) { return 0, ErrNotFound }

func (b *memBackend) ReceiveBatchShare(context.Context, []byte) (int, error) { return 0, ErrNotFound }

// Block knows the slots before the current one, each with an empty bundle.
func (b *memBackend) Block(_ context.Context, slot uint64) (apitypes.Block, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if slot >= b.slot {
		return apitypes.Block{}, ErrNotFound
	}
	return apitypes.Block{Slot: slot, Level: "decrypted", Transactions: []apitypes.BlockTx{}, Keys: []apitypes.BlockKey{}}, nil
}

func (b *memBackend) Auction(_ context.Context, slot uint64) (apitypes.Auction, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	status := "open"
	if slot < b.slot {
		status = "closed"
	}
	return apitypes.Auction{Slot: slot, Status: status, Reserve: apitypes.Wei{Int: big.NewInt(1)}, BidCount: len(b.bids[slot])}, nil
}

func (b *memBackend) Status(context.Context) (apitypes.Status, error) {
	return apitypes.Status{ChainID: b.params.Domain.ChainID, Height: b.slot - 1, Eon: 1, BlockTimeMs: 500, DomainSalt: b.params.Domain.Salt}, nil
}
func (b *memBackend) Params(context.Context) (apitypes.Params, error) {
	p := b.params
	return apitypes.Params{ChainID: p.Domain.ChainID, MinFeePerGas: apitypes.Wei{Int: p.MinFeePerGas},
		MaxCiphertextSize: p.MaxCiphertextSize, MaxValiditySlots: p.MaxValiditySlots, K: p.K}, nil
}
func (b *memBackend) Forced(_ context.Context, index uint64) (apitypes.Forced, error) {
	if index != 4 {
		return apitypes.Forced{}, ErrNotFound
	}
	return apitypes.Forced{Index: 4, Status: "refused", Kind: "plain", Reason: "wrong_chain"}, nil
}
func (b *memBackend) Validators(context.Context) (apitypes.Validators, error) {
	return apitypes.Validators{Validators: []apitypes.Validator{{Address: common.Address{9}.Bytes(), Power: 1, Bond: apitypes.Wei{Int: big.NewInt(32)}}},
		EpochSlots: 7200}, nil
}
func (b *memBackend) NextEon(context.Context) (apitypes.NextEon, error) {
	return apitypes.NextEon{}, ErrNotFound
}
func (b *memBackend) Eon(context.Context) (*eon.Info, error) {
	return b.eon, nil
}
func (b *memBackend) Domain(context.Context) (eip712.Domain, error) { return b.params.Domain, nil }
func (b *memBackend) Account(_ context.Context, a common.Address) (apitypes.Account, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	acct := b.accounts[a]
	return apitypes.Account{NextNonce: acct.NextNonce, Deposit: apitypes.Wei{Int: acct.Deposit}, PendingCharges: apitypes.Wei{Int: acct.PendingCharges}}, nil
}
func (b *memBackend) Submit(_ context.Context, e *envelope.Envelope) (common.Hash, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if h := e.Hash(b.params.Domain); b.byHash[h] != nil {
		return h, nil // idempotent
	}
	adm, rej := mempool.Admit(e, memView{b}, b.params)
	if rej != nil {
		return common.Hash{}, rej
	}
	acct := b.accounts[e.Sender]
	acct.NextNonce = e.Nonce + 1
	acct.InPool++
	acct.PendingCharges = new(big.Int).Add(wire.OrZero(acct.PendingCharges), adm.Charge)
	b.accounts[e.Sender] = acct
	b.used[adm.Identity] = true
	b.pool = append(b.pool, e)
	b.byHash[adm.Hash] = e
	return adm.Hash, nil
}
func (b *memBackend) Transaction(_ context.Context, h common.Hash) (apitypes.Transaction, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	e := b.byHash[h]
	if e == nil {
		return apitypes.Transaction{}, ErrNotFound
	}
	return apitypes.Transaction{Hash: h, Status: "pending", Envelope: e}, nil
}
func (b *memBackend) Pool(_ context.Context, after string, limit int) ([]apitypes.Transaction, string, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []apitypes.Transaction
	for _, e := range b.pool {
		out = append(out, apitypes.Transaction{Hash: e.Hash(b.params.Domain), Status: "pending", Envelope: e})
	}
	return out, "", nil
}
func (b *memBackend) Ready(context.Context) error { return nil }

// memView is mempool.View over the in-memory state (callers hold mu).
type memView struct{ b *memBackend }

func (v memView) Slot() uint64                                      { return v.b.slot }
func (v memView) Eon() uint64                                       { return 1 }
func (v memView) EonEnd() uint64                                    { return 0 }
func (v memView) Account(a common.Address) mempool.Account          { return v.b.accounts[a] }
func (v memView) IdentityUsed(_ uint64, id threshold.Identity) bool { return v.b.used[id] }
func (v memView) PoolSize() int                                     { return len(v.b.pool) }
func (v memView) Cheapest() (mempool.PoolEntry, bool)               { return mempool.PoolEntry{}, false }

var (
	walletKey, _ = crypto.ToECDSA(crypto.Keccak256([]byte("api wallet")))
	wallet       = crypto.PubkeyToAddress(walletKey.PublicKey)
	poorKey, _   = crypto.ToECDSA(crypto.Keccak256([]byte("api poor")))
)

// newServer starts the API on a loopback port over a fresh backend whose
// wallet holds 1 ether.
func newServer(t testing.TB) (*httptest.Server, *memBackend, *threshold.EonPublicKey) {
	t.Helper()
	d, err := thresholdtest.Deal(nil, 1, 1)
	if err != nil {
		t.Fatal(err)
	}
	b := &memBackend{
		params:   mempool.Params{Params: params.Default(), Domain: eip712.Domain{ChainID: 1337, Salt: crypto.Keccak256Hash([]byte("genesis"))}},
		eon:      &eon.Info{Eon: 1, PublicKey: d.EonKey, Threshold: 1, ChainID: 1337},
		slot:     10,
		accounts: map[common.Address]mempool.Account{wallet: {Deposit: big.NewInt(1e18)}},
		used:     map[threshold.Identity]bool{},
		byHash:   map[common.Hash]*envelope.Envelope{},
	}
	srv := httptest.NewServer(New(Config{Backend: b}).Handler())
	t.Cleanup(srv.Close)
	return srv, b, d.EonKey
}

// testDomain is the test network's signing domain.
var testDomain = eip712.Domain{ChainID: 1337, Salt: crypto.Keccak256Hash([]byte("genesis"))}

func makeEnvelope(t *testing.T, pk *threshold.EonPublicKey, nonce uint64, prefix byte) *envelope.Envelope {
	t.Helper()
	e := &envelope.Envelope{ChainID: 1337, Eon: 1, Sender: wallet, GasLimit: 100_000,
		MaxFeePerGas: big.NewInt(1), Nonce: nonce, ValidUntilSlot: 20}
	e.IdentityPrefix[0] = prefix
	ct, err := threshold.Encrypt(nil, []byte("rollup tx"), pk, e.Identity().Point())
	if err != nil {
		t.Fatal(err)
	}
	e.Ciphertext = ct.Bytes()
	if err := e.Sign(testDomain, walletKey); err != nil {
		t.Fatal(err)
	}
	return e
}

func post(t *testing.T, srv *httptest.Server, body []byte) (int, map[string]any) {
	t.Helper()
	resp, err := http.Post(srv.URL+"/v1/transactions", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	raw, _ := io.ReadAll(resp.Body)
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("response %q: %v", raw, err)
	}
	return resp.StatusCode, out
}

func TestSubmitAndRead(t *testing.T) {
	srv, _, pk := newServer(t)
	e := makeEnvelope(t, pk, 0, 1)
	status, out := post(t, srv, e.EncodeCanonical())
	hash := e.Hash(testDomain).Hex()
	if status != http.StatusAccepted || out["hash"] != hash || out["status"] != "pending" {
		t.Fatalf("%d %v", status, out)
	}
	// Idempotent.
	if status, out := post(t, srv, e.EncodeCanonical()); status != http.StatusAccepted || out["hash"] != hash {
		t.Fatalf("resubmission: %d %v", status, out)
	}
	for path, want := range map[string]string{
		"/v1/transactions/" + hash:                      `"status":"pending"`,
		"/v1/accounts/" + strings.ToLower(wallet.Hex()): `"nextNonce":1`,
		"/v1/accounts/" + wallet.Hex():                  `"deposit":"1000000000000000000"`,
		"/v1/pool?limit=10":                             hash,
		"/v1/status":                                    `"chainId":1337`,
		"/v1/eon":                                       `"threshold":1`,
		"/healthz":                                      `"ok"`,
		"/readyz":                                       `"ready"`,
		"/metrics":                                      "veil_api_requests_total",
	} {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.Contains(string(b), want) {
			t.Errorf("GET %s: %d %s, want %s", path, resp.StatusCode, b, want)
		}
	}
	for path, want := range map[string]string{
		"/v1/transactions/" + common.Hash{7}.Hex(): `"code":"not_found"`,
		"/v1/transactions/0x12":                    `"field":"hash"`,
		"/v1/accounts/0xabc":                       `"field":"address"`,
		"/v1/pool?limit=1001":                      `"field":"limit"`,
		"/v1/nothing":                              `"code":"not_found"`,
	} {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode < 400 || !strings.Contains(string(b), want) {
			t.Errorf("GET %s: %d %s, want %s", path, resp.StatusCode, b, want)
		}
	}
}

// TestLargestCiphertextFits: an envelope with the largest ciphertext a
// network may allow is read and judged by the rules, not refused for its
// body's size (its hex alone is 128 KiB).
func TestLargestCiphertextFits(t *testing.T) {
	srv, _, pk := newServer(t)
	e := makeEnvelope(t, pk, 0, 1)
	e.Ciphertext = make([]byte, params.MaxPayload)
	status, out := post(t, srv, e.EncodeCanonical())
	if errObj, _ := out["error"].(map[string]any); status != http.StatusBadRequest || errObj["code"] != "gas_too_low" {
		t.Fatalf("a %d-byte ciphertext: %d %v, want the rules' 400 gas_too_low", params.MaxPayload, status, out)
	}
}

func TestSubmitRejections(t *testing.T) {
	srv, b, pk := newServer(t)
	first := makeEnvelope(t, pk, 0, 1)
	if status, out := post(t, srv, first.EncodeCanonical()); status != http.StatusAccepted {
		t.Fatalf("setup: %d %v", status, out)
	}
	good := string(makeEnvelope(t, pk, 1, 2).EncodeCanonical())
	d := b.params.Domain
	// resign builds the good envelope, edits it and signs it as key's owner.
	resign := func(edit func(*envelope.Envelope), key *ecdsa.PrivateKey) string {
		e := makeEnvelope(t, pk, 1, 2)
		edit(e)
		e.Sender = crypto.PubkeyToAddress(key.PublicKey)
		if err := e.Sign(d, key); err != nil {
			t.Fatal(err)
		}
		return string(e.EncodeCanonical())
	}
	for _, tc := range []struct {
		name   string
		body   string
		status int
		code   string
		field  string
	}{
		{"malformed", "{", 400, "bad_json", ""},
		{"truncated", good[:len(good)/2], 400, "bad_json", ""},
		{"unknown key", strings.Replace(good, `{"chainId"`, `{"x":1,"chainId"`, 1), 400, "unknown_field", "x"},
		{"duplicate key", strings.Replace(good, `"nonce":1`, `"nonce":1,"nonce":1`, 1), 400, "bad_json", "nonce"},
		{"wrong type", strings.Replace(good, `"nonce":1`, `"nonce":"1"`, 1), 400, "bad_field", "nonce"},
		{"bad hex", strings.Replace(good, `"ciphertext":"0x`, `"ciphertext":"0xzz`, 1), 400, "bad_field", "ciphertext"},
		{"oversized", `{"pad":"` + strings.Repeat("a", 200<<10) + `"}`, 413, "too_large", ""},
		{"bad signature", strings.Replace(good, `"gasLimit":100000`, `"gasLimit":100001`, 1), 400, "bad_signature", "signature"},
		{"used nonce", resign(func(e *envelope.Envelope) { e.Nonce = 0 }, walletKey), 409, "nonce_used", "nonce"},
		{"reused identity", resign(func(e *envelope.Envelope) { e.IdentityPrefix[0] = 1 }, walletKey), 400, "identity_reused", "identityPrefix"},
		{"unfunded sender", resign(func(e *envelope.Envelope) { e.Nonce = 0 }, poorKey), 402, "insufficient_deposit", "sender"},
		{"expired", resign(func(e *envelope.Envelope) { e.ValidUntilSlot = 9 }, walletKey), 400, "expired", "validUntilSlot"},
		{"wrong chain", resign(func(e *envelope.Envelope) { e.ChainID = 1 }, walletKey), 400, "wrong_chain", "chainId"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before, _ := json.Marshal(b.accounts)
			poolBefore := len(b.pool)
			status, out := post(t, srv, []byte(tc.body))
			e, _ := out["error"].(map[string]any)
			field, _ := e["field"].(string)
			if status != tc.status || e["code"] != tc.code || field != tc.field || e["message"] == "" {
				t.Fatalf("got %d %v, want %d %s %q", status, out, tc.status, tc.code, tc.field)
			}
			after, _ := json.Marshal(b.accounts)
			if !bytes.Equal(before, after) || len(b.pool) != poolBefore {
				t.Fatal("a rejected request changed the state")
			}
		})
	}
	// Rejections are counted by code.
	resp, _ := http.Get(srv.URL + "/metrics")
	m, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(m), `veil_api_rejections_total{code="nonce_used"} 1`) {
		t.Fatalf("metrics lack the rejection count:\n%s", m)
	}
}

// TestOpenAPIMatchesRoutes: every route in openapi.yaml is served and every
// served route is documented.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	spec, err := os.ReadFile("openapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(spec, OpenAPI) {
		t.Fatal("embedded OpenAPI differs from the file")
	}
	var documented []string
	path := ""
	pathRe := regexp.MustCompile(`^  (/\S*):$`)
	methodRe := regexp.MustCompile(`^    (get|post|put|delete|patch):$`)
	for _, line := range strings.Split(string(spec), "\n") {
		if m := pathRe.FindStringSubmatch(line); m != nil {
			path = m[1]
		} else if m := methodRe.FindStringSubmatch(line); m != nil {
			documented = append(documented, strings.ToUpper(m[1])+" "+path)
		}
	}
	served := New(Config{Backend: &memBackend{}}).Routes()
	slices.Sort(documented)
	slices.Sort(served)
	if len(documented) == 0 || !slices.Equal(documented, served) {
		t.Fatalf("documented %v\nserved     %v", documented, served)
	}
}

// TestBidsAPI: POST /v1/bids answers 202 with the bid hash, the bid rules'
// codes with their statuses and fields, and GET /v1/auctions/{slot} counts.
func TestBidsAPI(t *testing.T) {
	srv, b, pk := newServer(t)
	key, _ := crypto.ToECDSA(crypto.Keccak256([]byte("api builder")))
	mk := func(slot, seq uint64) []byte {
		builder := crypto.PubkeyToAddress(key.PublicKey)
		sealed, err := bid.Seal(nil, &bid.Payload{Value: big.NewInt(3), Builder: builder, Slot: slot}, 1337, pk)
		if err != nil {
			t.Fatal(err)
		}
		x := &bid.Bid{ChainID: 1337, Eon: 1, Slot: slot, Builder: builder, Seq: seq, Sealed: sealed}
		if err := x.Sign(b.params.Domain, key); err != nil {
			t.Fatal(err)
		}
		return x.EncodeCanonical()
	}
	post := func(body []byte) (int, map[string]any) {
		resp, err := http.Post(srv.URL+"/v1/bids", "application/json", bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var out map[string]any
		_ = json.NewDecoder(resp.Body).Decode(&out)
		return resp.StatusCode, out
	}
	// The node is at slot 10 (height 9): bids may target 11 … 14.
	if code, out := post(mk(12, 1)); code != 202 || out["bidHash"] == nil {
		t.Fatalf("valid bid: %d %v", code, out)
	}
	for _, tc := range []struct {
		name   string
		body   []byte
		status int
		code   string
		field  string
	}{
		{"malformed", []byte("{"), 400, "bad_json", ""},
		{"slot already decided", mk(10, 1), 409, "wrong_slot", "slot"},
		{"slot too far", mk(15, 1), 409, "wrong_slot", "slot"},
		{"stale seq", mk(12, 1), 409, "seq_too_low", "seq"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out := post(tc.body)
			e, _ := out["error"].(map[string]any)
			if code != tc.status || e["code"] != tc.code || (tc.field != "" && e["field"] != tc.field) {
				t.Fatalf("%d %v, want %d %s %s", code, out, tc.status, tc.code, tc.field)
			}
		})
	}
	for _, tc := range []struct {
		path   string
		status int
		want   string
	}{
		{"/v1/auctions/12", 200, `"status":"open","reserve":"1","bidCount":1`},
		{"/v1/auctions/3", 200, `"status":"closed"`},
		{"/v1/auctions/x", 400, `"field":"slot"`},
		{"/v1/blocks/9", 200, `"slot":9,"level":"decrypted"`},
		{"/v1/blocks/10", 404, `"code":"not_found"`},
		{"/v1/blocks/-1", 400, `"field":"slot"`},
		{"/v1/forced/4", 200, `"status":"refused","kind":"plain"`},
		{"/v1/forced/5", 404, `"code":"not_found"`},
		{"/v1/forced/0x4", 400, `"field":"index"`},
		{"/v1/withdrawals/0x00000000000000000000000000000000000000aa/0/proof", 200, `"size":1,"path":null,"accepted":true`},
		{"/v1/withdrawals/0x00000000000000000000000000000000000000aa/1/proof", 404, `"code":"not_found"`},
		{"/v1/withdrawals/0x00000000000000000000000000000000000000aa/x/proof", 400, `"field":"nonce"`},
		{"/v1/withdrawals/0xaa/0/proof", 400, `"field":"account"`},
	} {
		resp, err := http.Get(srv.URL + tc.path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tc.status || !strings.Contains(string(body), tc.want) {
			t.Fatalf("%s: %d %s", tc.path, resp.StatusCode, body)
		}
	}
}

// FuzzPostBid: whatever the body, POST /v1/bids answers 202 or a 4xx with
// a JSON error code, and a refused bid changes nothing.
func FuzzPostBid(f *testing.F) {
	_, b, pk := newServer(f)
	h := New(Config{Backend: b}).Handler()
	key, _ := crypto.ToECDSA(crypto.Keccak256([]byte("fuzz builder")))
	builder := crypto.PubkeyToAddress(key.PublicKey)
	sealed, err := bid.Seal(nil, &bid.Payload{Value: big.NewInt(3), Builder: builder, Slot: 12}, 1337, pk)
	if err != nil {
		f.Fatal(err)
	}
	x := &bid.Bid{ChainID: 1337, Eon: 1, Slot: 12, Builder: builder, Seq: 1, Sealed: sealed}
	if err := x.Sign(b.params.Domain, key); err != nil {
		f.Fatal(err)
	}
	valid := x.EncodeCanonical()
	f.Add(valid)
	f.Add(bytes.Replace(valid, []byte(`"seq":1`), []byte(`"seq":2`), 1))
	f.Add(bytes.Replace(valid, []byte(`"slot":12`), []byte(`"slot":99`), 1))
	f.Add([]byte(`{"chainId":1337}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, body []byte) {
		count := func() int {
			b.mu.Lock()
			defer b.mu.Unlock()
			n := 0
			for _, bs := range b.bids {
				n += len(bs)
			}
			return n
		}
		before := count()
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/v1/bids", bytes.NewReader(body)))
		switch {
		case rec.Code == http.StatusAccepted:
			if count() > before+1 {
				t.Fatalf("one bid added %d", count()-before)
			}
		case rec.Code >= 400 && rec.Code < 500:
			var out struct {
				Error struct{ Code string } `json:"error"`
			}
			if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil || out.Error.Code == "" {
				t.Fatalf("%d without a JSON error code: %s", rec.Code, rec.Body)
			}
			if count() != before {
				t.Fatalf("a refused bid (%s) changed the backend", out.Error.Code)
			}
		default:
			t.Fatalf("status %d: %s", rec.Code, rec.Body)
		}
	})
}

// TestWithdrawalsAPI: POST /v1/withdrawals answers 202 with the hash, and
// the withdrawal rules' codes with their statuses and fields, changing
// nothing; GET /v1/withdrawals/{account} lists what was committed.
func TestWithdrawalsAPI(t *testing.T) {
	srv, b, _ := newServer(t)
	fee := mempool.MinWithdrawFee(b.params)
	recipient := common.Address{0xbe}
	mk := func(key *ecdsa.PrivateKey, nonce uint64, amount *big.Int, edit func(*withdrawal.Withdrawal)) *withdrawal.Withdrawal {
		w := &withdrawal.Withdrawal{ChainID: 1337, Account: crypto.PubkeyToAddress(key.PublicKey), Recipient: recipient,
			Amount: amount, WithdrawNonce: nonce, Fee: fee}
		if edit != nil {
			edit(w)
		}
		if err := w.Sign(testDomain, key); err != nil {
			t.Fatal(err)
		}
		return w
	}
	post := func(body []byte) (int, map[string]any) {
		t.Helper()
		resp, err := http.Post(srv.URL+"/v1/withdrawals", "application/json", bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var out map[string]any
		if raw, _ := io.ReadAll(resp.Body); json.Unmarshal(raw, &out) != nil {
			t.Fatalf("response %q is no JSON", raw)
		}
		return resp.StatusCode, out
	}

	// The first, with its hash in the body, as a wallet may send it.
	first := mk(walletKey, 0, big.NewInt(1e17), nil)
	hash := first.Hash(testDomain)
	withHash := bytes.Replace(first.EncodeCanonical(), []byte(`{"chainId"`), []byte(`{"hash":"`+hash.Hex()+`","chainId"`), 1)
	for _, body := range [][]byte{withHash, first.EncodeCanonical()} { // again: the same answer, no second debit
		if code, out := post(body); code != http.StatusAccepted || out["hash"] != hash.Hex() || out["status"] != "pending" {
			t.Fatalf("valid withdrawal: %d %v", code, out)
		}
	}
	left := new(big.Int).Sub(big.NewInt(1e18), new(big.Int).Add(first.Amount, fee))
	if got := b.accounts[wallet].Deposit; got.Cmp(left) != 0 {
		t.Fatalf("deposit %v after withdrawing, want %v", got, left)
	}

	amount := big.NewInt(1e16)
	good := string(mk(walletKey, 1, amount, nil).EncodeCanonical())
	for _, tc := range []struct {
		name   string
		body   string
		status int
		code   string
		field  string
	}{
		{"malformed", "{", 400, "bad_json", ""},
		{"unknown key", strings.Replace(good, `{"chainId"`, `{"x":1,"chainId"`, 1), 400, "unknown_field", "x"},
		{"missing key", strings.Replace(good, `"withdrawNonce":1,`, "", 1), 400, "missing_field", "withdrawNonce"},
		{"wrong type", strings.Replace(good, `"withdrawNonce":1`, `"withdrawNonce":"1"`, 1), 400, "bad_field", "withdrawNonce"},
		{"hash mismatch", strings.Replace(good, `{"chainId"`, `{"hash":"`+hash.Hex()+`","chainId"`, 1), 400, "hash_mismatch", "hash"},
		{"bad signature", strings.Replace(good, `"amount":"10000000000000000"`, `"amount":"10000000000000001"`, 1), 400, "bad_signature", "signature"},
		{"wrong chain", string(mk(walletKey, 1, amount, func(w *withdrawal.Withdrawal) { w.ChainID = 1 }).EncodeCanonical()), 400, "wrong_chain", "chainId"},
		{"zero amount", string(mk(walletKey, 1, new(big.Int), nil).EncodeCanonical()), 400, "bad_field", "amount"},
		{"zero recipient", string(mk(walletKey, 1, amount, func(w *withdrawal.Withdrawal) { w.Recipient = common.Address{} }).EncodeCanonical()), 400, "bad_field", "recipient"},
		{"fee too low", string(mk(walletKey, 1, amount, func(w *withdrawal.Withdrawal) { w.Fee = new(big.Int).Sub(fee, big.NewInt(1)) }).EncodeCanonical()), 400, "fee_too_low", "fee"},
		{"used withdrawNonce", string(mk(walletKey, 0, amount, nil).EncodeCanonical()), 409, "nonce_used", "withdrawNonce"},
		{"withdrawNonce gap", string(mk(walletKey, 2, amount, nil).EncodeCanonical()), 409, "nonce_gap", "withdrawNonce"},
		// One wei more than is left once the fee is paid.
		{"over the deposit", string(mk(walletKey, 1, new(big.Int).Add(new(big.Int).Sub(left, fee), big.NewInt(1)), nil).EncodeCanonical()), 402, "insufficient_deposit", "amount"},
		{"unfunded account", string(mk(poorKey, 0, amount, nil).EncodeCanonical()), 402, "insufficient_deposit", "amount"},
		{"oversized", `{"pad":"` + strings.Repeat("a", 200<<10) + `"}`, 413, "too_large", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before, _ := json.Marshal([]any{b.accounts, b.withdrawals})
			status, out := post([]byte(tc.body))
			e, _ := out["error"].(map[string]any)
			field, _ := e["field"].(string)
			if status != tc.status || e["code"] != tc.code || field != tc.field || e["message"] == "" {
				t.Fatalf("got %d %v, want %d %s %q", status, out, tc.status, tc.code, tc.field)
			}
			if after, _ := json.Marshal([]any{b.accounts, b.withdrawals}); !bytes.Equal(before, after) {
				t.Fatal("a rejected withdrawal changed the state")
			}
		})
	}
	// All that is left once the fee is paid: admitted.
	last := mk(walletKey, 1, new(big.Int).Sub(left, fee), nil)
	if code, out := post(last.EncodeCanonical()); code != http.StatusAccepted || out["hash"] != last.Hash(testDomain).Hex() {
		t.Fatalf("withdrawing all that is left: %d %v", code, out)
	}

	poor := crypto.PubkeyToAddress(poorKey.PublicKey)
	for _, tc := range []struct {
		path   string
		status int
		want   apitypes.Withdrawals // on 200
		field  string               // on 400
	}{
		{"/v1/withdrawals/" + strings.ToLower(wallet.Hex()), 200, apitypes.Withdrawals{Account: wallet, NextWithdrawNonce: 2, Withdrawals: []apitypes.Withdrawal{
			{Hash: hash, WithdrawNonce: 0, Recipient: recipient, Amount: apitypes.Wei{Int: first.Amount}, Fee: apitypes.Wei{Int: fee}, Slot: 10, State: "committed"},
			{Hash: last.Hash(testDomain), WithdrawNonce: 1, Recipient: recipient, Amount: apitypes.Wei{Int: last.Amount}, Fee: apitypes.Wei{Int: fee}, Slot: 10, State: "committed"},
		}}, ""},
		{"/v1/withdrawals/" + poor.Hex(), 200, apitypes.Withdrawals{Account: poor, Withdrawals: []apitypes.Withdrawal{}}, ""},
		{"/v1/withdrawals/0xabc", 400, apitypes.Withdrawals{}, "account"},
		{"/v1/withdrawals/" + strings.ToUpper(wallet.Hex()[2:]), 400, apitypes.Withdrawals{}, "account"},
	} {
		resp, err := http.Get(srv.URL + tc.path)
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tc.status {
			t.Fatalf("GET %s: %d %s, want %d", tc.path, resp.StatusCode, raw, tc.status)
		}
		if tc.status != 200 {
			var e apitypes.ErrorBody
			if json.Unmarshal(raw, &e) != nil || e.Error.Code != "bad_field" || e.Error.Field != tc.field {
				t.Fatalf("GET %s: %s, want bad_field %s", tc.path, raw, tc.field)
			}
			continue
		}
		// The wire shape: amounts as decimal strings, an empty list as [].
		want, _ := json.Marshal(tc.want)
		if !bytes.Equal(bytes.TrimSpace(raw), want) {
			t.Fatalf("GET %s:\n got %s\nwant %s", tc.path, raw, want)
		}
	}
	if got := b.accounts[wallet].Deposit; got.Sign() != 0 {
		t.Fatalf("deposit %v after withdrawing all, want 0", got)
	}
}

// batchSharesBackend counts the BatchShare messages that reach it and
// answers each with its fault count, or err.
type batchSharesBackend struct {
	*memBackend
	got atomic.Int64
	err error
}

func (b *batchSharesBackend) ReceiveBatchShare(context.Context, []byte) (int, error) {
	b.got.Add(1)
	return 1, b.err
}

// TestBatchSharesRoute: POST /v1/p2p/batchshares is served on the keyper
// listener alone, answering the backend's fault count or its error's
// status; the public API answers 404 without reaching the backend, and a
// node without a keyper 404 on either.
func TestBatchSharesRoute(t *testing.T) {
	_, mb, _ := newServer(t)
	b := &batchSharesBackend{memBackend: mb}
	public, keyper := listeners(t, New(Config{Backend: b}))
	post := func(url string) (int, map[string]any) {
		t.Helper()
		resp, err := http.Post(url+"/v1/p2p/batchshares", "application/json", strings.NewReader(`{}`))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var out map[string]any
		_ = json.NewDecoder(resp.Body).Decode(&out)
		return resp.StatusCode, out
	}
	if code, out := post(public.URL()); code != http.StatusNotFound || b.got.Load() != 0 || !strings.Contains(fmt.Sprint(out), "keyper listener") {
		t.Errorf("batch shares on the public API: %d %v, %d reached the backend", code, out, b.got.Load())
	}
	if code, out := post(keyper.URL()); code != http.StatusAccepted || out["faults"] != 1.0 || b.got.Load() != 1 {
		t.Errorf("batch shares on the keyper listener: %d %v", code, out)
	}
	b.err = &mempool.Rejection{Code: mempool.CodeWrongSlot, Field: "index", Err: fmt.Errorf("too far ahead")}
	if code, out := post(keyper.URL()); code != http.StatusConflict || !strings.Contains(fmt.Sprint(out), "wrong_slot") {
		t.Errorf("a batch too far ahead: %d %v", code, out)
	}
	_, none := listeners(t, New(Config{Backend: mb}))
	if code, _ := post(none.URL()); code != http.StatusNotFound {
		t.Errorf("batch shares to a node without a keyper: %d", code)
	}
}
