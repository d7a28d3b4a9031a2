package node

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"log/slog"
	"math/big"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/cometbft/cometbft/types"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/veil-sequencer/veil/chain"
	"github.com/veil-sequencer/veil/envelope"
	"github.com/veil-sequencer/veil/eon"
	"github.com/veil-sequencer/veil/params"
	"github.com/veil-sequencer/veil/threshold"
	"github.com/veil-sequencer/veil/threshold/thresholdtest"
)

// agreeAt waits until every node has committed height h+1, then checks that
// the AppHash after h, in header h+1 of each node's own block store, is the
// same everywhere.
func agreeAt(t *testing.T, ctx context.Context, nodes []*Validator, h uint64) {
	t.Helper()
	for _, n := range nodes {
		if err := n.WaitHeight(ctx, h+1); err != nil {
			t.Fatal(err)
		}
	}
	var want []byte
	for _, n := range nodes {
		meta := n.cmt.BlockStore().LoadBlockMeta(int64(h + 1))
		if meta == nil {
			t.Fatalf("validator %d has no block %d", n.Index, h+1)
		}
		if want == nil {
			want = meta.Header.AppHash
		} else if string(meta.Header.AppHash) != string(want) {
			t.Fatalf("validator %d: AppHash after %d is %x, others %x", n.Index, h, meta.Header.AppHash, want)
		}
	}
}

// TestFourValidators runs four CometBFT validators on loopback: envelopes
// submitted to different nodes are committed in every node's state with
// the same AppHash, and a validator stopped and started again catches up.
func TestFourValidators(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a 4-validator network for ~20 s")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	d, err := thresholdtest.Deal(nil, 1, 1)
	if err != nil {
		t.Fatal(err)
	}
	var keys []*ecdsaKey
	g := chain.Genesis{ChainID: 1337, Eon: &eon.Info{Eon: 1, PublicKey: d.EonKey, Threshold: 1, ChainID: 1337,
		Keypers: []eon.Keyper{{Index: 1, Address: common.Address{1}, PublicKeyShare: d.PublicShares[0]}}}}
	for i := range 4 {
		k, _ := crypto.ToECDSA(crypto.Keccak256([]byte(fmt.Sprintf("net wallet %d", i))))
		keys = append(keys, &ecdsaKey{k})
		g.Accounts = append(g.Accounts, chain.GenesisAccount{Address: crypto.PubkeyToAddress(k.PublicKey), Deposit: "1000000000000000000"})
	}
	nw, err := CreateNetwork(NetworkConfig{Dir: t.TempDir(), Validators: 4, ChainID: 1337, BlockTime: 500 * time.Millisecond, AppState: g, Bond: big.NewInt(1)})
	if err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.DiscardHandler)
	nodes := make([]*Validator, 4)
	for i := range nodes {
		if nodes[i], err = nw.StartNode(i, log, nil, WithKeys(thresholdtest.Keys{Dealing: d, ChainID: 1337})); err != nil {
			t.Fatal(err)
		}
	}
	defer func() {
		for _, n := range nodes {
			if n != nil {
				_ = n.Stop()
			}
		}
		nw.WaitClosed()
	}()
	agreeAt(t, ctx, nodes, 1)

	// Three envelopes from each of four wallets, each wallet through
	// another node.
	np := nw.Params()
	var hashes []common.Hash
	for w, k := range keys {
		for nonce := range uint64(3) {
			e := &envelope.Envelope{ChainID: 1337, Eon: 1, Sender: crypto.PubkeyToAddress(k.PublicKey), GasLimit: 30000,
				MaxFeePerGas: big.NewInt(1), Nonce: nonce, ValidUntilSlot: 200}
			e.IdentityPrefix[0], e.IdentityPrefix[1] = byte(w), byte(nonce)
			ct, _ := threshold.Encrypt(nil, []byte("tx"), d.EonKey, e.Identity().Point())
			e.Ciphertext = ct.Bytes()
			if err := e.Sign(np.Domain, k.PrivateKey); err != nil {
				t.Fatal(err)
			}
			res, err := nodes[w].Client.BroadcastTxSync(ctx, types.Tx(append([]byte{chain.TxEnvelope}, e.EncodeCanonical()...)))
			if err != nil || res.Code != 0 {
				t.Fatalf("wallet %d nonce %d: %v %+v", w, nonce, err, res)
			}
			hashes = append(hashes, e.Hash(np.Domain))
		}
	}
	// Every node's state has every envelope committed.
	for _, n := range nodes {
		waitFor(t, ctx, fmt.Sprintf("validator %d commits all envelopes", n.Index), func() bool {
			st := chain.NewState(n.Store.Begin(), np.Domain)
			for _, h := range hashes {
				if r, ok, _ := st.Tx(h); !ok || r.Status != chain.StatusCommitted {
					return false
				}
			}
			return true
		})
	}
	h := nodes[0].Store.Height()
	agreeAt(t, ctx, nodes, h)

	// Stop validator 3; the other three go on (3 of 4 > 2/3).
	if err := nodes[3].Stop(); err != nil {
		t.Fatal(err)
	}
	stoppedAt := nodes[3].Store.Height()
	nodes[3] = nil
	if err := nodes[0].WaitHeight(ctx, stoppedAt+3); err != nil {
		t.Fatal(err)
	}
	// Start it again from its home: it replays and catches up.
	if nodes[3], err = nw.StartNode(3, log, nil, WithKeys(thresholdtest.Keys{Dealing: d, ChainID: 1337})); err != nil {
		t.Fatal(err)
	}
	agreeAt(t, ctx, nodes, nodes[0].Store.Height()+1)
	if nodes[3].Store.Height() <= stoppedAt+3 {
		t.Fatalf("validator 3 at %d after restart, stopped at %d", nodes[3].Store.Height(), stoppedAt)
	}
}

type ecdsaKey struct{ *ecdsa.PrivateKey }

func waitFor(t *testing.T, ctx context.Context, what string, cond func() bool) {
	t.Helper()
	for !cond() {
		select {
		case <-ctx.Done():
			t.Fatalf("%s: %v", what, ctx.Err())
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// TestOpenNetwork: a single node's view of a network from its genesis
// file: the same chain id and domain salt as the layout's, and clear
// errors for a missing or foreign genesis and a block time too short.
func TestOpenNetwork(t *testing.T) {
	dir := t.TempDir()
	custom := params.Default()
	custom.K = 7
	g := chain.Genesis{ChainID: 77, Eon: &eon.Info{Eon: 1}, Params: &custom}
	nw, err := CreateNetwork(NetworkConfig{Dir: dir, Validators: 1, ChainID: 77, BlockTime: 500 * time.Millisecond, AppState: g, Bond: big.NewInt(1)})
	if err != nil {
		t.Fatal(err)
	}
	genesis := filepath.Join(dir, nw.GenesisFile)
	one, err := OpenNetwork(genesis, 250*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	if one.ChainID != 77 || one.DomainSalt() != nw.DomainSalt() || one.BlockTime() != 250*time.Millisecond || one.Params().Domain != nw.Params().Domain {
		t.Fatalf("chain %d salt %s block time %v; layout: salt %s", one.ChainID, one.DomainSalt(), one.BlockTime(), nw.DomainSalt())
	}
	if one.Params().K != 7 || !one.Params().Params.Equal(custom) {
		t.Fatalf("params %+v, the genesis's %+v", one.Params().Params, custom)
	}
	doc, err := types.GenesisDocFromFile(genesis)
	if err != nil {
		t.Fatal(err)
	}
	doc.ChainID = "veil-78" // its app state still says 77
	foreign := filepath.Join(dir, "foreign.json")
	if err := doc.SaveAs(foreign); err != nil {
		t.Fatal(err)
	}
	doc.ChainID = "veil-77"
	doc.AppState = regexp.MustCompile(`"k":\s*7`).ReplaceAll(doc.AppState, []byte(`"k":0`))
	badParams := filepath.Join(dir, "bad-params.json")
	if err := doc.SaveAs(badParams); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, file string
		bt         time.Duration
		want       string
	}{
		{"missing", filepath.Join(dir, "absent.json"), time.Second, "no such file"},
		{"not a genesis", filepath.Join(dir, networkFile), time.Second, "genesis"},
		{"chain ids differ", foreign, time.Second, `"veil-78", its app state chain 77`},
		{"block time", genesis, 50 * time.Millisecond, "below 100ms"},
		{"params out of range", badParams, time.Second, "k 0: want 1"},
	} {
		if _, err := OpenNetwork(tc.file, tc.bt); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want an error with %q", tc.name, err, tc.want)
		}
	}
}
