package node

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/veil-sequencer/veil/api/apitypes"
	"github.com/veil-sequencer/veil/batch"
	"github.com/veil-sequencer/veil/chain"
	veil "github.com/veil-sequencer/veil/client"
	"github.com/veil-sequencer/veil/contracts"
	"github.com/veil-sequencer/veil/decrypt"
	"github.com/veil-sequencer/veil/envelope"
	"github.com/veil-sequencer/veil/eon"
	"github.com/veil-sequencer/veil/l1dev"
	"github.com/veil-sequencer/veil/mempool"
	"github.com/veil-sequencer/veil/params"
	"github.com/veil-sequencer/veil/poster"
	"github.com/veil-sequencer/veil/threshold"
	"github.com/veil-sequencer/veil/threshold/thresholdtest"
	"github.com/veil-sequencer/veil/withdrawal"
)

// TestBatches runs four validators, keypers of a 3-of-4 eon, on a network
// anchored on the embedded L1 with batches of four slots, under a little
// envelope load. Keyper 4 is byzantine: it builds other data for every
// batch than its peers. The honest three sign each batch all the same:
// batches 0 and 1 get one σ recorded on every validator, BatchInbox
// accepts them in order (its header hashes are the chain's digests), and
// every validator applies the acceptance. The first post of all fails (no
// fees from L1): it is batch 0's, by the node whose block recorded its σ,
// and another node posts the batch after the wait. The honest keypers name
// keyper 4 for shares of another header, in veil_batch_share_faults_total;
// keyper 4 posts nothing. The data a keyper built for the signed batches
// decodes, from its blobs, to each slot's record hash and order exactly as
// GET /v1/blocks shows them on another node, where the accepted batches'
// slots are final; the final feed hands a follower those slots, verified.
// Then a harness proves on L1 that the committee's key signed a second
// header for batch 0: every validator applies the freeze, and the API
// refuses a withdrawal as withdrawals_frozen.
func TestBatches(t *testing.T) {
	if testing.Short() {
		t.Skip("runs an L1 and four validators")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	log := slog.New(slog.DiscardHandler)
	start := time.Now()

	deployer, _ := crypto.ToECDSA(crypto.Keccak256([]byte("node batches deployer")))
	from := crypto.PubkeyToAddress(deployer.PublicKey)
	alloc := map[common.Address]*big.Int{from: new(big.Int).Lsh(big.NewInt(1), 90)}
	posters := make([]*ecdsa.PrivateKey, 4)
	for i := range posters {
		posters[i], _ = crypto.ToECDSA(crypto.Keccak256([]byte(fmt.Sprintf("node batches poster %d", i))))
		alloc[crypto.PubkeyToAddress(posters[i].PublicKey)] = new(big.Int).Lsh(big.NewInt(1), 70)
	}
	l1, err := l1dev.Start(ctx, l1dev.Config{Dir: t.TempDir(), HTTP: "127.0.0.1:0", ChainID: 3151908, Alloc: alloc})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = l1.Close() }()
	client, err := ethclient.DialContext(ctx, l1.URL())
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()

	d, err := thresholdtest.Deal(nil, 4, 3)
	if err != nil {
		t.Fatal(err)
	}
	info := &eon.Info{Eon: 1, PublicKey: d.EonKey, Threshold: 3, ChainID: 1337}
	signers := make([]*ecdsa.PrivateKey, 4)
	var members []contracts.StatementsMember
	for i := range signers {
		signers[i], _ = crypto.ToECDSA(crypto.Keccak256([]byte(fmt.Sprintf("node batches keyper %d", i))))
		addr := crypto.PubkeyToAddress(signers[i].PublicKey)
		info.Keypers = append(info.Keypers, eon.Keyper{Index: i + 1, Address: addr, PublicKeyShare: d.PublicShares[i]})
		members = append(members, contracts.StatementsMember{Keyper: addr, CometPubKey: common.Hash{byte(i + 1)}, PublicShare: d.PublicShares[i].Bytes()})
	}
	wallets := make([]*ecdsa.PrivateKey, 2)
	p := params.Default()
	p.BatchSlots = 4
	head, err := client.BlockNumber(ctx)
	if err != nil {
		t.Fatal(err)
	}
	plan := contracts.Plan(from, 0)
	g := chain.Genesis{ChainID: 1337, Eon: info, Params: &p, L1: &chain.GenesisL1{ChainID: 3151908, Contracts: plan, StartBlock: head}}
	for i := range wallets {
		wallets[i], _ = crypto.ToECDSA(crypto.Keccak256([]byte(fmt.Sprintf("node batches wallet %d", i))))
		g.Accounts = append(g.Accounts, chain.GenesisAccount{Address: crypto.PubkeyToAddress(wallets[i].PublicKey), Deposit: "1000000000000000000"})
	}
	nw, err := CreateNetwork(NetworkConfig{Dir: t.TempDir(), Validators: 4, ChainID: 1337, BlockTime: 500 * time.Millisecond, AppState: g, Bond: big.NewInt(1)})
	if err != nil {
		t.Fatal(err)
	}
	domain := nw.Params().Domain
	if _, err := contracts.Deploy(ctx, client, deployer, 0, contracts.Deployment{
		Registry: contracts.SequencerRegistryConfig{ChainId: 1337, Salt: nw.DomainSalt(), MinStake: big.NewInt(1), ExitDelay: 60,
			GenesisEon: 1, GenesisKey: d.EonKey.EIP2537()},
		Members: members, FirstSlot: 1, WithdrawDelay: 60,
		Forced: contracts.ForcedInclusionQueueConfig{MinFeePerGas: big.NewInt(1), ForcedGas: 3_000_000, TargetGas: 3_000_000, MaxItemBytes: 1 << 16},
	}); err != nil {
		t.Fatal(err)
	}
	inbox, err := contracts.NewBatchInbox(plan.BatchInbox, client)
	if err != nil {
		t.Fatal(err)
	}

	apiURLs, keyperURLs := make([]string, 4), make([]string, 4)
	apiAddrs, keyperAddrs := make([]string, 4), make([]string, 4)
	for i := range 4 {
		apiAddrs[i], keyperAddrs[i] = fmt.Sprintf("127.0.0.1:%d", freePort(t)), fmt.Sprintf("127.0.0.1:%d", freePort(t))
		apiURLs[i], keyperURLs[i] = "http://"+apiAddrs[i], "http://"+keyperAddrs[i]
	}
	// The first post of all fails (L1 fees unavailable): batch 0's
	// poster, the node whose block recorded its σ; others step in.
	var failed atomic.Bool
	fees := func(ctx context.Context, _ int) (poster.Fees, error) {
		if failed.CompareAndSwap(false, true) {
			return poster.Fees{}, errors.New("test: no fees from L1")
		}
		return poster.Estimate(ctx, client)
	}
	var builtMu sync.Mutex
	built := map[uint64]*batch.Built{} // node 0's, by batch
	nodes, keypers, vals := make([]*Node, 4), make([]*Keyper, 4), make([]*Validator, 4)
	defer func() {
		var running []*Node
		for _, n := range nodes {
			if n != nil {
				running = append(running, n)
			}
		}
		if err := StopAll(running); err != nil {
			t.Error(err)
		}
		nw.WaitClosed()
	}()
	for i := range 4 {
		var peers []string
		for j, u := range keyperURLs {
			if j != i {
				peers = append(peers, u)
			}
		}
		kp, err := NewKeyper(&eon.Share{Eon: info, Index: i + 1, Address: info.Keypers[i].Address, Share: d.Shares[i]},
			signers[i], domain, peers, nw.ShareWait(), log)
		if err != nil {
			t.Fatal(err)
		}
		kp.batches.fees = fees
		switch i {
		case 0:
			kp.batches.onBuilt = func(index uint64, b *batch.Built) {
				builtMu.Lock()
				defer builtMu.Unlock()
				if built[index] == nil && len(built) < 16 {
					built[index] = b
				}
			}
		case 3:
			// Keyper 4 puts a transaction of its own in every batch.
			kp.batches.alter = func(_ uint64, slots []batch.Slot) []batch.Slot {
				slots[0].Txs = append(slots[0].Txs, batch.Tx{Plaintext: []byte("keyper 4 was here")})
				return slots
			}
		}
		n, err := Start(Config{Network: nw, Spec: nw.Spec(i), APIListen: apiAddrs[i], KeyperListen: keyperAddrs[i], Keyper: kp,
			L1: &L1Source{URL: l1.URL(), Confirmations: 2}, PosterKey: posters[i], Log: log})
		if err != nil {
			t.Fatal(err)
		}
		nodes[i], keypers[i], vals[i] = n, kp, n.chain.(*Validator)
	}
	waitUntil := func(what string, d time.Duration, cond func() (bool, error)) {
		t.Helper()
		deadline := time.Now().Add(d)
		for {
			ok, err := cond()
			if err != nil {
				t.Fatalf("%s: %v", what, err)
			}
			if ok {
				return
			}
			if time.Now().After(deadline) || ctx.Err() != nil {
				t.Fatalf("timed out after %v: %s", d, what)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	waitUntil("every API ready", 60*time.Second, func() (bool, error) {
		for _, u := range apiURLs {
			resp, err := http.Get(u + "/readyz")
			if err != nil {
				return false, nil
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				return false, nil
			}
		}
		return true, nil
	})

	// A little load: each wallet sends a transfer and some garbage,
	// alternately, a few a second.
	var load sync.WaitGroup
	defer load.Wait()
	for w, key := range wallets {
		load.Go(func() {
			for n := range uint64(8) {
				plain := signedTx(t, key, 1337, n)
				if n%2 == 1 {
					plain = []byte("not a transaction")
				}
				e := &envelope.Envelope{ChainID: 1337, Eon: 1, Sender: crypto.PubkeyToAddress(key.PublicKey), MaxFeePerGas: big.NewInt(1),
					Nonce: n, ValidUntilSlot: vals[0].Store.Height() + 100}
				_, _ = crand(e.IdentityPrefix[:])
				ct, err := threshold.Encrypt(nil, plain, d.EonKey, e.Identity().Point())
				if err != nil {
					t.Error(err)
					return
				}
				e.Ciphertext = ct.Bytes()
				e.GasLimit = 30000 + 16*uint64(len(e.Ciphertext))
				if err := e.Sign(domain, key); err != nil {
					t.Error(err)
					return
				}
				if code, err := httpPost(apiURLs[w]+"/v1/transactions", e.EncodeCanonical()); err != nil || code != http.StatusAccepted {
					t.Errorf("wallet %d envelope %d: %d %v", w, n, code, err)
					return
				}
				time.Sleep(250 * time.Millisecond)
			}
		})
	}

	state := func(i int) *chain.State { return chain.NewState(vals[i].Store.Begin(), domain) }
	// Batches 0 and 1: one σ, recorded alike on every validator.
	sigs := make([]chain.BatchSigned, 2)
	waitUntil("batches 0 and 1 signed on every validator", 90*time.Second, func() (bool, error) {
		for index := range uint64(2) {
			for i := range vals {
				s, ok, err := state(i).BatchSignature(index)
				if err != nil || !ok {
					return false, err
				}
				if i == 0 {
					sigs[index] = s
				} else if s.DataHash != sigs[index].DataHash || s.Digest != sigs[index].Digest || s.Slot != sigs[index].Slot ||
					!bytes.Equal(s.Sigma.Bytes(), sigs[index].Sigma.Bytes()) {
					return false, fmt.Errorf("batch %d: validator %d recorded %+v, validator 0 %+v", index, i, s, sigs[index])
				}
			}
		}
		return true, nil
	})
	t.Logf("batches 0 and 1 signed in blocks %d and %d (%v)", sigs[0].Slot, sigs[1].Slot, time.Since(start).Round(time.Millisecond))

	// On L1, in order, as the chain signed them; then applied on Veil.
	o := &bind.CallOpts{Context: ctx}
	waitUntil("BatchInbox takes batches 0 and 1", 90*time.Second, func() (bool, error) {
		n, err := inbox.NextIndex(o)
		return err == nil && n >= 2, err
	})
	for index, s := range sigs {
		got, err := inbox.Batch(o, uint64(index))
		if err != nil || common.Hash(got.Hash) != s.Digest {
			t.Fatalf("BatchInbox's batch %d is %x (%v), the chain signed %s", index, got.Hash, err, s.Digest)
		}
	}
	waitUntil("BatchInbox's last header is the chain's", 30*time.Second, func() (bool, error) {
		n, err := inbox.NextIndex(o)
		if err != nil {
			return false, err
		}
		last, err := inbox.LastHeaderHash(o)
		if err != nil {
			return false, err
		}
		s, ok, err := state(0).BatchSignature(n - 1)
		return ok && common.Hash(last) == s.Digest, err
	})
	waitUntil("every validator applies BatchAccepted of batches 0 and 1", 60*time.Second, func() (bool, error) {
		for i := range vals {
			for index, s := range sigs {
				a, ok, err := state(i).BatchAccepted(uint64(index))
				if err != nil || !ok {
					return false, err
				}
				if a.HeaderHash != s.Digest {
					return false, fmt.Errorf("validator %d: batch %d accepted with header %s, signed %s", i, index, a.HeaderHash, s.Digest)
				}
			}
		}
		return true, nil
	})
	t.Logf("batches 0 and 1 accepted on L1 and applied by every validator (%v)", time.Since(start).Round(time.Millisecond))

	// Keyper 4 named by every honest keyper, and nobody else; it posted
	// nothing (it cannot), the honest nodes did.
	posted := 0.0
	for i, kp := range keypers {
		if i == 3 {
			if n := testutil.ToFloat64(kp.batches.posts.WithLabelValues(postPosted)); n != 0 {
				t.Errorf("byzantine keyper 4 posted %v batches", n)
			}
			continue
		}
		posted += testutil.ToFloat64(kp.batches.posts.WithLabelValues(postPosted))
		if n := testutil.ToFloat64(kp.batches.faults.WithLabelValues("4", "other_header")); n < 1 {
			t.Errorf("keyper %d did not name keyper 4 for another header", i+1)
		}
		for k := 1; k <= 3; k++ {
			for _, reason := range []string{"other_header", "bad_share", "two_headers"} {
				if n := testutil.ToFloat64(kp.batches.faults.WithLabelValues(fmt.Sprint(k), reason)); n != 0 {
					t.Errorf("keyper %d named honest keyper %d %v times for %s", i+1, k, n, reason)
				}
			}
		}
	}
	if posted < 2 {
		t.Errorf("the honest nodes posted %v batches, want at least 2", posted)
	}
	// The failed post was batch 0's, by the node that recorded its σ; the
	// batch got to L1 all the same (above).
	var blk0 apitypes.Block
	if _, body := getBody(t, fmt.Sprintf("%s/v1/blocks/%d", apiURLs[0], sigs[0].Slot)); json.Unmarshal([]byte(body), &blk0) != nil {
		t.Fatalf("block %d: %s", sigs[0].Slot, body)
	}
	for i, v := range vals {
		pub, err := v.cmt.PrivValidator().GetPubKey()
		if err != nil {
			t.Fatal(err)
		}
		p := keypers[i].batches.posts
		n := testutil.ToFloat64(p.WithLabelValues(postFailed))
		if bytes.Equal(pub.Address(), blk0.Proposer) && n < 1 {
			t.Errorf("node %d recorded batch 0's σ in block %d but did not fail to post it", i, sigs[0].Slot)
		}
		t.Logf("node %d posts: %v posted, %v failed, %v reverted, %v already on L1", i, testutil.ToFloat64(p.WithLabelValues(postPosted)),
			n, testutil.ToFloat64(p.WithLabelValues(postReverted)), testutil.ToFloat64(p.WithLabelValues(postTaken)))
	}
	if !failed.Load() {
		t.Error("no node tried to post")
	}
	// Every keyper's series exists from the start at 0: keyper 4's counts.
	named := regexp.MustCompile(`(?m)^veil_batch_share_faults_total\{keyper="4",reason="other_header"\} [1-9]`)
	if _, m := getBody(t, apiURLs[1]+"/metrics"); !named.MatchString(m) {
		t.Errorf("node 1's /metrics does not name keyper 4")
	}

	// Node 0's data of the signed batches, from its blobs, is what the
	// blocks API says of each slot.
	load.Wait()
	compared, valid, invalid := 0, 0, 0
	builtMu.Lock()
	defer builtMu.Unlock()
	for index := range uint64(4) {
		s, ok, err := state(0).BatchSignature(index)
		if err != nil {
			t.Fatal(err)
		}
		b := built[index]
		if !ok || b == nil {
			continue
		}
		if b.DataHash != s.DataHash || batch.DataHash(b.VersionedHashes) != s.DataHash {
			t.Fatalf("batch %d: node 0 built data %s, the chain signed %s", index, b.DataHash, s.DataHash)
		}
		data, err := batch.FromBlobs(b.Blobs)
		if err != nil || !bytes.Equal(data, b.Data) {
			t.Fatalf("batch %d: the blobs unpack to %d bytes (%v), the data is %d", index, len(data), err, len(b.Data))
		}
		slots, err := batch.Decode(data, 1<<24)
		if err != nil {
			t.Fatal(err)
		}
		if len(slots) != 4 {
			t.Fatalf("batch %d decodes to %d slots", index, len(slots))
		}
		for k, sl := range slots {
			if sl.Slot != 4*index+1+uint64(k) {
				t.Fatalf("batch %d: slot %d at place %d", index, sl.Slot, k)
			}
			var blk apitypes.Block
			code, body := getBody(t, fmt.Sprintf("%s/v1/blocks/%d", apiURLs[1], sl.Slot))
			if err := json.Unmarshal([]byte(body), &blk); code != http.StatusOK || err != nil {
				t.Fatalf("block %d: %d %v", sl.Slot, code, err)
			}
			if index < uint64(len(sigs)) && (blk.Final == nil || blk.Final.Batch != index || blk.Final.L1Block == 0) {
				t.Errorf("slot %d of accepted batch %d: final %+v", sl.Slot, index, blk.Final)
			}
			if len(blk.Record) < 2 || sl.RecordHash != batch.RecordHash(blk.Record[1:]) {
				t.Errorf("slot %d: the data names record %s, the block carries %x", sl.Slot, sl.RecordHash, blk.Record)
			}
			if blk.Level != apitypes.LevelDecrypted || len(sl.Txs) != len(blk.Transactions) {
				t.Fatalf("slot %d: %d transactions in the data, %d at level %s in the block", sl.Slot, len(sl.Txs), len(blk.Transactions), blk.Level)
			}
			for x, tx := range sl.Txs {
				want := blk.Transactions[x]
				switch want.Status {
				case decrypt.Decrypted:
					valid++
					if tx.Reason != "" || !bytes.Equal(tx.Plaintext, want.Plaintext) {
						t.Errorf("slot %d transaction %d: the data has %x %q, the block %x", sl.Slot, x, tx.Plaintext, tx.Reason, want.Plaintext)
					}
				case decrypt.Invalid:
					invalid++
					if tx.Reason != want.Reason || tx.Plaintext != nil {
						t.Errorf("slot %d transaction %d: the data has %x %q, the block says invalid: %s", sl.Slot, x, tx.Plaintext, tx.Reason, want.Reason)
					}
				default:
					t.Errorf("slot %d transaction %d: status %s", sl.Slot, x, want.Status)
				}
			}
		}
		compared++
	}
	if compared < 2 || valid == 0 || invalid == 0 {
		t.Errorf("compared %d batches holding %d valid and %d invalid transactions: want 2 batches and some of each", compared, valid, invalid)
	}
	t.Logf("%d batches' data compared with the blocks: %d valid and %d invalid transactions (%v)", compared, valid, invalid, time.Since(start).Round(time.Millisecond))

	// The final feed: the slots of the accepted batches, each verified,
	// with the batch that made it final.
	doc, err := os.ReadFile(filepath.Join(nw.Dir, nw.GenesisFile))
	if err != nil {
		t.Fatal(err)
	}
	ver, err := veil.FromGenesis(doc)
	if err != nil {
		t.Fatal(err)
	}
	var finals []uint64
	f := &veil.Follower{Node: apiURLs[2], Verify: ver, Final: true}
	err = f.Follow(ctx, 1, func(s *veil.Slot, b *apitypes.Block) error {
		if b.Final == nil || b.Final.Batch != (s.Slot-1)/4 {
			return fmt.Errorf("slot %d final %+v", s.Slot, b.Final)
		}
		if finals = append(finals, s.Slot); len(finals) == 4*len(sigs) {
			return errEnoughSlots
		}
		return nil
	})
	if !errors.Is(err, errEnoughSlots) {
		t.Fatalf("the final feed: %v after slots %v", err, finals)
	}

	// An equivocation: the committee's key signs a second header for
	// batch 0, which a harness proves on L1. Every validator applies the
	// freeze, and a withdrawal is refused from then on.
	fixed, err := state(0).BatchFixed(domain, 0)
	if err != nil || fixed == nil {
		t.Fatalf("batch 0 fixed: %v", err)
	}
	forged := batch.Header(fixed.Fixed, fixed.Parent, sigs[0].DataHash)
	forged.AppHash = common.Hash{0xe7}
	sigma, err := d.Key(threshold.SigningIdentity(1337, 1, batch.Digest(domain, forged)).Point())
	if err != nil {
		t.Fatal(err)
	}
	opts, err := bind.NewKeyedTransactorWithChainID(deployer, big.NewInt(3151908))
	if err != nil {
		t.Fatal(err)
	}
	opts.Context = ctx
	tx, err := inbox.ProveEquivocation(opts, forged, sigma.EIP2537())
	if err != nil {
		t.Fatal(err)
	}
	if r, err := bind.WaitMined(ctx, client, tx); err != nil || r.Status != 1 {
		t.Fatalf("proveEquivocation: %v %v", r, err)
	}
	waitUntil("every validator applies the equivocation", 60*time.Second, func() (bool, error) {
		for i := range vals {
			if from, ok, err := state(i).FrozenFrom(); err != nil || !ok || from != 0 {
				return false, err
			}
		}
		return true, nil
	})
	w := &withdrawal.Withdrawal{ChainID: 1337, Account: crypto.PubkeyToAddress(wallets[0].PublicKey), Recipient: common.Address{0xbe},
		Amount: big.NewInt(1), Fee: mempool.MinWithdrawFee(nw.Params())}
	if err := w.Sign(domain, wallets[0]); err != nil {
		t.Fatal(err)
	}
	resp, err := http.Post(apiURLs[3]+"/v1/withdrawals", "application/json", bytes.NewReader(w.EncodeCanonical()))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusConflict || !strings.Contains(string(body), `"withdrawals_frozen"`) {
		t.Fatalf("a withdrawal after the freeze: %s %s", resp.Status, body)
	}
}

var errEnoughSlots = errors.New("enough slots")

// getBody is a GET's status and body.
func getBody(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}
