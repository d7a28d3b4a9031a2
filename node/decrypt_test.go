package node

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	cryptorand "crypto/rand"
	"encoding/json"
	"fmt"
	"math/big"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/veil-sequencer/veil/chain"
	"github.com/veil-sequencer/veil/envelope"
	"github.com/veil-sequencer/veil/keyper"
	"github.com/veil-sequencer/veil/threshold"
)

// sent is an envelope the test submitted and what it should become.
type sent struct {
	hash      common.Hash
	identity  threshold.Identity
	sender    common.Address
	charge    *big.Int
	plaintext []byte
	status    string // decrypted or invalid
	reason    string
}

// signedTx is a 1-wei transfer signed by key for chainID.
func signedTx(t *testing.T, key *ecdsa.PrivateKey, chainID int64, nonce uint64) []byte {
	t.Helper()
	to := common.Address{0xb0}
	tx, err := types.SignNewTx(key, types.LatestSignerForChainID(big.NewInt(chainID)), &types.DynamicFeeTx{
		ChainID: big.NewInt(chainID), Nonce: nonce, Gas: 21000, To: &to, Value: big.NewInt(1), GasFeeCap: big.NewInt(1), GasTipCap: big.NewInt(1)})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := tx.MarshalBinary()
	return b
}

// TestDecryption runs random wallet load over many slots with keyper 4
// muted (its shares never leave its node) and sending invalid shares in its
// name instead, and a validator restarted midway. Every committed envelope
// reaches decrypted or invalid with the right reason and its exact
// plaintext on every node, its fee charged either way; every released
// share is for exactly its slot's committed bundle, never for an envelope
// still queued; keyper 4 is named; t−1 keypers' shares decrypt nothing;
// every node ends with the same plaintexts and AppHash.
func TestDecryption(t *testing.T) {
	if testing.Short() {
		t.Skip("runs four validators")
	}
	var recMu sync.Mutex
	var released []*keyper.Message // every share message a node received
	tn := startNet(t, withMutedKeyper(3), withShareRecorder(func(_ int, body []byte) {
		if m, err := keyper.Decode(body); err == nil && len(m.Shares) > 0 && m.Keyper != 4 {
			recMu.Lock()
			released = append(released, m)
			recMu.Unlock()
		}
	}))
	d := tn.nw.Params().Domain
	other, _ := crypto.ToECDSA(crypto.Keccak256([]byte("not the sender")))
	rng := rand.New(rand.NewPCG(7, 7))

	var mu sync.Mutex
	var all []sent
	nonces := make([]uint64, 6)
	submit := func(w int, kind string) {
		key := tn.keys[w]
		n := nonces[w]
		var plain []byte
		s := sent{status: "decrypted"}
		switch kind {
		case "good":
			plain = signedTx(t, key, 1337, n)
		case "garbage":
			plain, s.status, s.reason = []byte("not a transaction"), "invalid", "bad_encoding"
		case "other signer": // a relayed transaction: valid, whoever pays the envelope
			plain = signedTx(t, other, 1337, n)
		case "other chain":
			plain, s.status, s.reason = signedTx(t, key, 1, n), "invalid", "wrong_chain"
		}
		e := tn.envelope(key, n, byte(w), func(e *envelope.Envelope) {
			_, _ = crand(e.IdentityPrefix[:])
			ct, err := threshold.Encrypt(nil, plain, tn.eonKey, e.Identity().Point())
			if err != nil {
				t.Error(err)
			}
			e.Ciphertext = ct.Bytes()
			e.GasLimit = 30000 + 16*uint64(len(e.Ciphertext))
		})
		// A wallet sends its envelopes in nonce order to one node (a node
		// admits the next nonce counting what it holds pending); one that
		// is catching up after its restart answers nonce_gap until it has
		// the wallet's earlier envelopes, and the wallet tries again.
		code, out := tn.post(tn.urls[w%3], e.EncodeCanonical())
		for try := 0; code == 409 && strings.Contains(fmt.Sprint(out), "nonce_gap") && try < 50; try++ {
			time.Sleep(100 * time.Millisecond)
			code, out = tn.post(tn.urls[w%3], e.EncodeCanonical())
		}
		if code != 202 {
			t.Errorf("wallet %d nonce %d: %d %v", w, n, code, out)
			return
		}
		nonces[w]++
		s.hash, s.identity, s.sender, s.plaintext = e.Hash(d), e.Identity(), e.Sender, plain
		s.charge = new(big.Int).Mul(new(big.Int).SetUint64(e.GasLimit), e.MaxFeePerGas)
		mu.Lock()
		all = append(all, s)
		mu.Unlock()
	}

	// Keyper 4's "shares" for slot s's bundle: another identity's shares.
	badShares := func(slot uint64) {
		_, ids, err := chain.NewState(tn.nodes[0].Store.Begin(), d).BundleIdentities(slot)
		if err != nil || len(ids) == 0 {
			return
		}
		m := &keyper.Message{ChainID: 1337, Eon: 1, Slot: slot, Keyper: 4}
		for _, id := range ids {
			m.Shares = append(m.Shares, keyper.Share{Identity: id, Share: tn.deal.Shares[3].Release(threshold.Identity{0xee}.Point()).Bytes()})
		}
		if err := m.Sign(d, tn.signers[3]); err != nil {
			t.Fatal(err)
		}
		for i := range 3 {
			// 503 while validator 2 restarts.
			if code, err := httpPost(tn.urls[i]+"/v1/p2p/shares", m.Encode()); err != nil || (code != 202 && code != 503) {
				t.Errorf("bad shares to node %d: %d %v", i, code, err)
			}
		}
	}

	// And its "shares" of a bundle two slots ahead, for an identity of its
	// own choosing: kept until the slot commits, then named.
	aheadShares := func(slot uint64) {
		m := &keyper.Message{ChainID: 1337, Eon: 1, Slot: slot, Keyper: 4,
			Shares: []keyper.Share{{Identity: threshold.Identity{0xee}, Share: tn.deal.Shares[3].Release(threshold.Identity{0xee}.Point()).Bytes()}}}
		if err := m.Sign(d, tn.signers[3]); err != nil {
			t.Fatal(err)
		}
		for i := range 3 {
			if code, err := httpPost(tn.urls[i]+"/v1/p2p/shares", m.Encode()); err != nil || (code != 202 && code != 503) {
				t.Errorf("shares ahead to node %d: %d %v", i, code, err)
			}
		}
	}

	kinds := []string{"good", "good", "good", "garbage", "other signer", "other chain"}
	start := tn.nodes[0].Store.Height()
	for round := range 24 {
		for range rng.IntN(4) {
			submit(rng.IntN(len(nonces)), kinds[rng.IntN(len(kinds))])
		}
		if round == 8 { // validator 2 restarts with a fresh keyper
			tn.stop(2)
			time.Sleep(time.Second)
			tn.start(2)
		}
		if h := tn.nodes[0].Store.Height(); round%3 == 0 && h > start {
			badShares(h)
			aheadShares(h + 2)
		}
		time.Sleep(time.Duration(100+rng.IntN(300)) * time.Millisecond)
	}
	if len(all) < 10 {
		t.Fatalf("only %d envelopes", len(all))
	}

	// Every envelope decrypted or invalid, with its reason, on every node.
	type txView struct {
		Status        string
		Slot, Index   uint64
		Reason        string
		PlaintextHash common.Hash
	}
	views := make([]map[common.Hash]txView, 4)
	for i, u := range tn.urls {
		views[i] = map[common.Hash]txView{}
		tn.waitFor(fmt.Sprintf("every envelope decrypted at node %d", i), func() bool {
			for _, s := range all {
				_, b := tn.get(u + "/v1/transactions/" + s.hash.Hex())
				var v txView
				if json.Unmarshal(b, &v) != nil || (v.Status != "decrypted" && v.Status != "invalid") {
					return false
				}
				views[i][s.hash] = v
			}
			return true
		})
	}
	spent := map[common.Address]*big.Int{}
	for _, s := range all {
		v := views[0][s.hash]
		if v.Status != s.status || v.Reason != s.reason || v.PlaintextHash != crypto.Keccak256Hash(s.plaintext) {
			_, blk := tn.get(fmt.Sprintf("%s/v1/blocks/%d", tn.urls[0], v.Slot))
			t.Fatalf("envelope %s: %+v, want %s %s (plaintext %x)\n%s", s.hash, v, s.status, s.reason, s.plaintext, blk)
		}
		for i := 1; i < 4; i++ {
			if views[i][s.hash] != v {
				t.Fatalf("node %d sees %+v, node 0 %+v", i, views[i][s.hash], v)
			}
		}
		if spent[s.sender] == nil {
			spent[s.sender] = new(big.Int)
		}
		spent[s.sender].Add(spent[s.sender], s.charge)
	}
	// Fees charged whatever the plaintext.
	for a, c := range spent {
		_, b := tn.get(tn.urls[1] + "/v1/accounts/" + a.Hex())
		want := new(big.Int).Sub(big.NewInt(1e18), c)
		if !strings.Contains(string(b), `"deposit":"`+want.String()+`"`) {
			t.Fatalf("account %s: %s, want deposit %v", a, b, want)
		}
	}

	// The exact plaintexts, keys and levels of every slot's block, the
	// same on every node.
	end := tn.nodes[0].Store.Height()
	for slot := start + 1; slot <= end; slot++ {
		var first []byte
		for i, u := range tn.urls {
			code, b := tn.get(fmt.Sprintf("%s/v1/blocks/%d", u, slot))
			if code != 200 {
				t.Fatalf("node %d block %d: %d %s", i, slot, code, b)
			}
			var blk struct {
				Level        string
				Keys         []json.RawMessage
				Transactions []struct {
					EnvelopeHash common.Hash
					Plaintext    hexutil.Bytes
				}
			}
			_ = json.Unmarshal(b, &blk)
			if blk.Level != "decrypted" || len(blk.Keys) != len(blk.Transactions) {
				t.Fatalf("node %d block %d: level %s, %d keys for %d transactions", i, slot, blk.Level, len(blk.Keys), len(blk.Transactions))
			}
			for _, tx := range blk.Transactions {
				for _, s := range all {
					if s.hash == tx.EnvelopeHash && !bytes.Equal(s.plaintext, tx.Plaintext) {
						t.Fatalf("node %d block %d: plaintext %x, sent %x", i, slot, tx.Plaintext, s.plaintext)
					}
				}
			}
			strip := bytes.Split(b, []byte(`"commit":`))[0] // the seen commit's signatures may differ by node
			if i == 0 {
				first = strip
			} else if !bytes.Equal(first, strip) {
				t.Fatalf("block %d differs between node 0 and node %d:\n%s\n%s", slot, i, first, strip)
			}
		}
	}

	// Every share released was for exactly its slot's committed bundle:
	// never an envelope committed later, that is, still queued then.
	st := chain.NewState(tn.nodes[0].Store.Begin(), d)
	committedIn := map[threshold.Identity]uint64{}
	for slot := uint64(1); slot <= end; slot++ {
		_, ids, err := st.BundleIdentities(slot)
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range ids {
			committedIn[id] = slot
		}
	}
	recMu.Lock()
	msgs := released
	recMu.Unlock()
	if len(msgs) == 0 {
		t.Fatal("no share message recorded")
	}
	for _, m := range msgs {
		_, ids, _ := st.BundleIdentities(m.Slot)
		if len(ids) != len(m.Shares) {
			t.Fatalf("keyper %d released %d shares for slot %d's bundle of %d", m.Keyper, len(m.Shares), m.Slot, len(ids))
		}
		for i, sh := range m.Shares {
			if sh.Identity != ids[i] || committedIn[sh.Identity] != m.Slot {
				t.Fatalf("keyper %d released for %s in slot %d, committed in slot %d", m.Keyper, sh.Identity, m.Slot, committedIn[sh.Identity])
			}
		}
	}

	// t−1 keypers (1 and 2) interpolate a key that opens nothing.
	var target *keyper.Message
	for _, m := range msgs {
		if m.Keyper == 1 {
			target = m
			break
		}
	}
	var claims []threshold.ShareClaim
	for _, m := range msgs {
		if m.Slot == target.Slot && (m.Keyper == 1 || m.Keyper == 2) && (len(claims) == 0 || claims[0].Keyper != int(m.Keyper)) && len(claims) < 2 {
			share, err := threshold.ParseIdentityKeyShare(m.Shares[0].Share)
			if err != nil {
				t.Fatal(err)
			}
			claims = append(claims, threshold.ShareClaim{Keyper: int(m.Keyper), Identity: m.Shares[0].Identity.Point(), Share: share})
		}
	}
	if len(claims) != 2 || claims[0].Keyper == claims[1].Keyper {
		t.Fatalf("shares of keypers 1 and 2 for slot %d: %d", target.Slot, len(claims))
	}
	weak, err := threshold.NewCommittee(tn.eonKey, tn.deal.PublicShares, 2)
	if err != nil {
		t.Fatal(err)
	}
	key, _, err := weak.CombineClaims(nil, claims)
	if err != nil {
		t.Fatal(err)
	}
	var ct []byte
	for _, s := range all {
		if s.identity == target.Shares[0].Identity {
			r, _, _ := st.Tx(s.hash)
			ct = r.Envelope.Ciphertext
		}
	}
	if pt, err := threshold.Decrypt(ct, key); err == nil {
		t.Fatalf("t−1 shares decrypted %x", pt)
	}

	// Keyper 4 is named by the nodes it sent bad shares to (node 2's
	// keyper counts since its restart).
	for i := range 3 {
		if tn.keypers[i].Faults()[4] == 0 {
			t.Fatalf("node %d did not name keyper 4: %v", i, tn.keypers[i].Faults())
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	agreeOn(t, ctx, tn.nodes, end)
}

func crand(b []byte) (int, error) { return cryptorand.Read(b) }

// httpPost posts a JSON body and returns the status.
func httpPost(url string, body []byte) (int, error) {
	resp, err := http.Post(url, "application/json", bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	return resp.StatusCode, nil
}

// slowCommit commits each block late, as a validator that lags the others.
type slowCommit struct{ abci.Application }

func (s slowCommit) Commit(ctx context.Context, req *abci.RequestCommit) (*abci.ResponseCommit, error) {
	time.Sleep(150 * time.Millisecond)
	return s.Application.Commit(ctx, req)
}

// TestEveryKeyperSpeaks: a node that commits late (validator 3, 150 ms
// behind) finds three peers' shares waiting and combines a bundle's keys
// before its own shares are made; its shares must still go to every peer
// (they were once dropped as "not expected" and never sent). Every keyper's
// shares of every non-empty bundle reach every other node, and no node
// names anyone silent.
func TestEveryKeyperSpeaks(t *testing.T) {
	if testing.Short() {
		t.Skip("runs four validators")
	}
	var mu sync.Mutex
	got := map[[3]uint64]bool{} // receiver, keyper, slot
	late := withNodeOptions(func(i int) []ValidatorOption {
		if i != 3 {
			return nil
		}
		return []ValidatorOption{WithABCI(func(a abci.Application) abci.Application { return slowCommit{a} })}
	})
	tn := startNet(t, late, withShareRecorder(func(to int, body []byte) {
		if m, err := keyper.Decode(body); err == nil && len(m.Shares) > 0 {
			mu.Lock()
			got[[3]uint64{uint64(to), m.Keyper, m.Slot}] = true
			mu.Unlock()
		}
	}))
	for n := range uint64(8) {
		for w := range 4 {
			e := tn.envelope(tn.keys[w], n, byte(w), nil)
			if code, out := tn.post(tn.urls[w], e.EncodeCanonical()); code != 202 {
				t.Fatalf("wallet %d nonce %d: %d %v", w, n, code, out)
			}
		}
		time.Sleep(300 * time.Millisecond)
	}
	last := tn.nodes[0].Store.Height() + 4 // the last envelopes are ordered by then
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	if err := tn.nodes[0].WaitHeight(ctx, last+keyper.SilentAfter+2); err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Second) // the last retries
	st := chain.NewState(tn.nodes[0].Store.Begin(), tn.nw.Params().Domain)
	bundles := 0
	for slot := uint64(1); slot <= last; slot++ {
		_, ids, err := st.BundleIdentities(slot)
		if err != nil {
			t.Fatal(err)
		}
		if len(ids) == 0 {
			continue
		}
		bundles++
		mu.Lock()
		for to := range uint64(4) {
			for kp := uint64(1); kp <= 4; kp++ {
				if kp != to+1 && !got[[3]uint64{to, kp, slot}] {
					t.Errorf("node %d never received keyper %d's shares of bundle %d", to, kp, slot)
				}
			}
		}
		mu.Unlock()
	}
	if bundles < 4 {
		t.Fatalf("%d non-empty bundles", bundles)
	}
	for i, k := range tn.keypers {
		for kp := 1; kp <= 4; kp++ {
			if v := testutil.ToFloat64(k.silent.WithLabelValues(strconv.Itoa(kp))); v != 0 {
				t.Errorf("node %d named keyper %d silent %v times", i, kp, v)
			}
		}
	}
}
