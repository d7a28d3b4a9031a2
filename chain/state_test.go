package chain

import (
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/veil-sequencer/veil/auction"
	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/envelope"
	"github.com/veil-sequencer/veil/mempool"
	"github.com/veil-sequencer/veil/params"
	"github.com/veil-sequencer/veil/store"
	"github.com/veil-sequencer/veil/threshold"
	"github.com/veil-sequencer/veil/threshold/thresholdtest"
)

type fixture struct {
	t      testing.TB
	store  *store.Store
	params mempool.Params
	eonKey *threshold.EonPublicKey
	keys   []*ecdsa.PrivateKey
}

func newFixture(t testing.TB, wallets int) *fixture {
	t.Helper()
	d, err := thresholdtest.Deal(nil, 1, 1)
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{t: t, store: openStore(t, t.TempDir()), eonKey: d.EonKey,
		params: testParams()}
	t.Cleanup(func() { f.store.Close() })
	b := f.store.Begin()
	st := NewState(b, f.params.Domain)
	for i := range wallets {
		k, _ := crypto.ToECDSA(crypto.Keccak256([]byte(fmt.Sprintf("wallet %d", i))))
		f.keys = append(f.keys, k)
		st.SetAccount(crypto.PubkeyToAddress(k.PublicKey), Account{Deposit: big.NewInt(1e15)})
	}
	if _, err := f.store.Commit(b, 1); err != nil {
		t.Fatal(err)
	}
	return f
}

func (f *fixture) envelope(wallet int, nonce uint64, fee int64, validUntil uint64) *envelope.Envelope {
	k := f.keys[wallet]
	e := &envelope.Envelope{ChainID: 1337, Eon: 1, Sender: crypto.PubkeyToAddress(k.PublicKey), GasLimit: 30000,
		MaxFeePerGas: big.NewInt(fee), Nonce: nonce, ValidUntilSlot: validUntil}
	e.IdentityPrefix[0], e.IdentityPrefix[1] = byte(wallet), byte(nonce)
	ct, err := threshold.Encrypt(nil, []byte("tx"), f.eonKey, e.Identity().Point())
	if err != nil {
		f.t.Fatal(err)
	}
	e.Ciphertext = ct.Bytes()
	if err := e.Sign(f.params.Domain, k); err != nil {
		f.t.Fatal(err)
	}
	return e
}

// admit runs the admission rules against st and queues the envelope.
func (f *fixture) admit(st *State, e *envelope.Envelope, slot uint64) (*mempool.Admission, *mempool.Rejection) {
	v := st.View(slot, 1)
	adm, rej := mempool.Admit(e, v, f.params)
	if v.Err != nil {
		f.t.Fatal(v.Err)
	}
	if rej == nil {
		if err := st.Queue(e, adm, slot); err != nil {
			f.t.Fatal(err)
		}
	}
	return adm, rej
}

func TestPoolLifecycle(t *testing.T) {
	f := newFixture(t, 3)
	b := f.store.Begin()
	st := NewState(b, f.params.Domain)
	var hashes []common.Hash
	for _, tc := range []struct {
		wallet int
		nonce  uint64
		fee    int64
		until  uint64
	}{{0, 0, 5, 50}, {0, 1, 5, 50}, {1, 0, 7, 3}, {1, 1, 7, 50}, {2, 0, 1, 50}} {
		adm, rej := f.admit(st, f.envelope(tc.wallet, tc.nonce, tc.fee, tc.until), 2)
		if rej != nil {
			t.Fatalf("%+v: %v", tc, rej)
		}
		hashes = append(hashes, adm.Hash)
	}
	// The same envelope again: its identity is used (checked before the nonce).
	if _, rej := f.admit(st, f.envelope(0, 0, 5, 50), 2); rej == nil || rej.Code != mempool.CodeIdentityReused {
		t.Fatalf("replay: %v", rej)
	}
	if _, err := f.store.Commit(b, 2); err != nil {
		t.Fatal(err)
	}

	// Slot 4: wallet 1's nonce 0 expired, taking nonce 1 with it.
	b = f.store.Begin()
	st = NewState(b, f.params.Domain)
	if err := st.Expire(4); err != nil {
		t.Fatal(err)
	}
	for _, h := range hashes[2:4] {
		if r, _, _ := st.Tx(h); r.Status != StatusDropped || r.Reason != ReasonExpired {
			t.Fatalf("%s: %v", h, r.Status)
		}
	}
	w1, _ := st.Account(crypto.PubkeyToAddress(f.keys[1].PublicKey))
	if w1.NextNonce != 0 || w1.InPool != 0 || w1.PendingCharges.Sign() != 0 {
		t.Fatalf("wallet 1 after expiry: %+v", w1)
	}

	// The fallback bundle orders the rest; committing it charges deposits.
	pool, err := st.Pool()
	if err != nil || len(pool) != 3 {
		t.Fatalf("pool %v %v", pool, err)
	}
	bundle := auction.FallbackBundle(pool, st.Funds, 24_000_000)
	want := []common.Hash{hashes[0], hashes[1], hashes[4]} // queued slot, then fee 5 before 1
	if fmt.Sprint(bundle) != fmt.Sprint(want) {
		t.Fatalf("bundle %v, want %v", bundle, want)
	}
	if err := st.CommitBundle(4, bundle); err != nil {
		t.Fatal(err)
	}
	w0, _ := st.Account(crypto.PubkeyToAddress(f.keys[0].PublicKey))
	if w0.Deposit.Cmp(big.NewInt(1e15-2*30000*5)) != 0 || w0.PendingCharges.Sign() != 0 || w0.InPool != 0 || w0.NextNonce != 2 {
		t.Fatalf("wallet 0 after its bundle: %+v", w0)
	}
	for i, h := range bundle {
		if r, _, _ := st.Tx(h); r.Status != StatusCommitted || r.Slot != 4 || r.Index != uint32(i) {
			t.Fatalf("%s: %+v", h, r)
		}
	}
	if v := st.View(4, 1); v.PoolSize() != 0 {
		t.Fatalf("pool size %d after the bundle", v.PoolSize())
	}
	if _, err := f.store.Commit(b, 3); err != nil {
		t.Fatal(err)
	}
}

func TestEviction(t *testing.T) {
	f := newFixture(t, 3)
	f.params.PoolCap = 3
	b := f.store.Begin()
	st := NewState(b, f.params.Domain)
	cheap0, _ := f.admit(st, f.envelope(0, 0, 1, 50), 2)
	cheap1, _ := f.admit(st, f.envelope(0, 1, 9, 50), 2)
	f.admit(st, f.envelope(1, 0, 3, 50), 2)
	// Full: an envelope paying no more than the cheapest is refused…
	if _, rej := f.admit(st, f.envelope(2, 0, 1, 50), 2); rej == nil || rej.Code != mempool.CodePoolFull {
		t.Fatalf("equal fee into a full pool: %v", rej)
	}
	// …one paying more evicts it, and its sender's later nonce with it.
	adm, rej := f.admit(st, f.envelope(2, 0, 2, 50), 2)
	if rej != nil || adm.Evict == nil || *adm.Evict != cheap0.Hash {
		t.Fatalf("eviction: %+v %v", adm, rej)
	}
	for _, h := range []common.Hash{cheap0.Hash, cheap1.Hash} {
		if r, _, _ := st.Tx(h); r.Status != StatusDropped || r.Reason != ReasonEvicted {
			t.Fatalf("%s: %+v", h, r)
		}
	}
	w0, _ := st.Account(crypto.PubkeyToAddress(f.keys[0].PublicKey))
	if w0.NextNonce != 0 || w0.InPool != 0 || w0.PendingCharges.Sign() != 0 {
		t.Fatalf("evicted sender: %+v", w0)
	}
	if n := st.View(2, 1).PoolSize(); n != 2 {
		t.Fatalf("pool size %d, want 2", n)
	}
}

// TestSameOperationsSameAppHash: two nodes applying the same envelopes reach
// the same AppHash; a different order of admission is a different state.
func TestSameOperationsSameAppHash(t *testing.T) {
	f := newFixture(t, 2)
	envs := []*envelope.Envelope{f.envelope(0, 0, 3, 50), f.envelope(1, 0, 4, 50)}
	run := func(order []int) common.Hash {
		g := newFixture(t, 2)
		b := g.store.Begin()
		st := NewState(b, g.params.Domain)
		for _, i := range order {
			if _, rej := f.admit(st, envs[i], 2); rej != nil {
				t.Fatal(rej)
			}
		}
		h, err := g.store.Commit(b, 2)
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	a, b := run([]int{0, 1}), run([]int{0, 1})
	if a != b {
		t.Fatal("same operations, different AppHash")
	}
	if c := run([]int{1, 0}); c != a {
		// Admission order does not change the state: every key is the same.
		t.Fatalf("order of admission changed the state: %s vs %s", c, a)
	}
}

func TestTxRecordRoundTrip(t *testing.T) {
	f := newFixture(t, 1)
	e := f.envelope(0, 7, 3, 99)
	r := TxRecord{Status: StatusCommitted, QueuedSlot: 5, Slot: 6, Index: 9, Reason: 0, Envelope: e}
	back, err := decodeTx(r.encode())
	if err != nil {
		t.Fatal(err)
	}
	if back.Status != r.Status || back.QueuedSlot != 5 || back.Slot != 6 || back.Index != 9 ||
		string(back.Envelope.EncodeCanonical()) != string(e.EncodeCanonical()) {
		t.Fatalf("round trip: %+v", back)
	}
	if _, err := decodeTx(r.encode()[:100]); err == nil {
		t.Fatal("a truncated record decoded")
	}
}

// testParams are the tests' network: chain 1337, a penalty of 100 wei per
// bid and a reserve of 1 wei, the rest the defaults.
func testParams() mempool.Params {
	p := params.Default()
	p.InvalidBidPenalty, p.Reserve = big.NewInt(100), big.NewInt(1)
	return mempool.Params{Params: p, Domain: eip712.Domain{ChainID: 1337, Salt: crypto.Keccak256Hash([]byte("genesis"))}}
}

func openStore(t testing.TB, dir string) *store.Store {
	t.Helper()
	s, err := store.Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	return s
}
