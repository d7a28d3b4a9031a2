package poster

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"math/big"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/veil-sequencer/veil/batch"
	"github.com/veil-sequencer/veil/contracts"
	"github.com/veil-sequencer/veil/contracts/contractstest"
	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/l1dev"
	"github.com/veil-sequencer/veil/threshold"
	"github.com/veil-sequencer/veil/threshold/thresholdtest"
)

const veilChain = 424242

// inboxFixture is Veil's contracts deployed on an L1 node by key, and a
// committee whose dealing signs batches for them.
type inboxFixture struct {
	client *ethclient.Client
	d      *thresholdtest.Dealing
	domain eip712.Domain
	at     contracts.Addresses
	inbox  *contracts.BatchInbox
}

func newInboxFixture(ctx context.Context, t *testing.T, url string, key *ecdsa.PrivateKey, genesis string) *inboxFixture {
	t.Helper()
	client, err := ethclient.DialContext(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(client.Close)
	d, err := thresholdtest.Deal(nil, 4, 3)
	if err != nil {
		t.Fatal(err)
	}
	f := &inboxFixture{client: client, d: d, domain: eip712.Domain{ChainID: veilChain, Salt: crypto.Keccak256Hash([]byte(genesis))}}
	f.at = contractstest.Deploy(ctx, t, client, key, d, f.domain)
	if f.inbox, err = contracts.NewBatchInbox(f.at.BatchInbox, client); err != nil {
		t.Fatal(err)
	}
	return f
}

// batch is batch index of one slot with a transaction and an invalid
// entry, continuing parent: its header, σ and data.
func (f *inboxFixture) batch(t *testing.T, index uint64, parent common.Hash) (contracts.StatementsBatch, []byte, *batch.Built) {
	t.Helper()
	slots := []batch.Slot{{Slot: index*32 + 1, RecordHash: common.Hash{byte(index)}, Txs: []batch.Tx{{Plaintext: []byte{0x02, byte(index)}}, {Reason: "wrong_signer"}}}}
	b, err := batch.Build(slots)
	if err != nil {
		t.Fatal(err)
	}
	h := batch.Header(batch.Fixed{ChainID: veilChain, Eon: 1, Index: index, FirstSlot: index*32 + 1, LastSlot: index*32 + 32,
		RecordsRoot: common.Hash{1}, WithdrawalsRoot: common.Hash{2}, L1Applied: 3, AppHash: common.Hash{4}}, parent, b.DataHash)
	sigma, err := f.d.Key(threshold.SigningIdentity(veilChain, 1, batch.Digest(f.domain, h)).Point())
	if err != nil {
		t.Fatal(err)
	}
	return h, sigma.EIP2537(), b
}

// TestPostOnDevChains: on both L1s a devnet uses, the embedded dev chain
// and a `geth --dev` process, a batch signed by the genesis eon lands in
// BatchInbox in one blob transaction; the next one, first priced below the
// base fee so that it cannot land, is replaced at estimated fees and lands;
// posting a batch again reverts as the contract's index rule says.
func TestPostOnDevChains(t *testing.T) {
	if testing.Short() {
		t.Skip("runs two L1 nodes")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	deployer, _ := crypto.ToECDSA(crypto.Keccak256([]byte("veil poster deployer")))
	for _, tc := range []struct {
		name  string
		start func(t *testing.T) (string, *ecdsa.PrivateKey)
	}{
		{"embedded", func(t *testing.T) (string, *ecdsa.PrivateKey) {
			return contractstest.Embedded(ctx, t, deployer), deployer
		}},
		{"geth --dev", func(t *testing.T) (string, *ecdsa.PrivateKey) {
			g, err := l1dev.StartGeth(ctx, t.TempDir(), time.Second, nil)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = g.Close() })
			return g.URL(), g.DevKey()
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			url, key := tc.start(t)
			f := newInboxFixture(ctx, t, url, key, "a poster genesis")
			client, inbox, domain := f.client, f.inbox, f.domain
			p := &Poster{L1: client, Key: key, Inbox: f.at.BatchInbox, ReplaceAfter: 2, Poll: 100 * time.Millisecond}
			post := func(index uint64, parent common.Hash) (*Posted, contracts.StatementsBatch, error) {
				h, sigma, b := f.batch(t, index, parent)
				posted, err := p.Post(ctx, h, sigma, b)
				return posted, h, err
			}
			first, h0, err := post(0, common.Hash{})
			if err != nil {
				t.Fatalf("batch 0: %v", err)
			}
			t.Logf("batch 0: %d gas, %d blob gas", first.Receipt.GasUsed, first.Receipt.BlobGasUsed)
			if first.Attempts != 1 || len(first.Receipt.Logs) == 0 {
				t.Fatalf("batch 0 took %d attempts, %d logs", first.Attempts, len(first.Receipt.Logs))
			}
			// Batch 1, first priced below any base fee: stuck, then replaced.
			p.Fees = func(ctx context.Context, attempt int) (Fees, error) {
				if attempt == 0 {
					return Fees{Tip: big.NewInt(1), FeeCap: big.NewInt(1), BlobFeeCap: big.NewInt(1)}, nil
				}
				return Estimate(ctx, client)
			}
			second, h1, err := post(1, batch.Digest(domain, h0))
			if err != nil {
				t.Fatalf("batch 1: %v", err)
			}
			if second.Attempts < 2 {
				t.Fatalf("batch 1 landed in %d attempts: the underpriced one was not stuck", second.Attempts)
			}
			o := &bind.CallOpts{Context: ctx}
			if n, err := inbox.NextIndex(o); err != nil || n != 2 {
				t.Fatalf("next index %d (%v), want 2", n, err)
			}
			if last, err := inbox.LastHeaderHash(o); err != nil || last != batch.Digest(domain, h1) {
				t.Fatalf("last header %x (%v)", last, err)
			}
			// Batch 1 again: the inbox takes index 2 only.
			p.Fees = nil
			if _, _, err := post(1, batch.Digest(domain, h0)); err == nil || !strings.Contains(err.Error(), "would not be accepted") {
				t.Fatalf("batch 1 posted twice: %v, want it refused before it is sent", err)
			}
		})
	}
}

// faultyL1 is an L1 node whose sends a test intercepts.
type faultyL1 struct {
	*ethclient.Client
	send func(ctx context.Context, tx *types.Transaction) error // nil: forward
}

func (f *faultyL1) SendTransaction(ctx context.Context, tx *types.Transaction) error {
	if f.send != nil {
		return f.send(ctx, tx)
	}
	return f.Client.SendTransaction(ctx, tx)
}

// TestPostFaults: on the embedded L1, each batch lands exactly once (the
// inbox's index moves by one, the poster's nonce by one) through an L1
// node that drops the first send, one that refuses it (the post fails, the
// retry lands), one that refuses sends as underpriced replacements (each
// next send at twice the tip; past maxUnderpriced the post fails), a
// poster killed after sending a transaction that cannot
// land (a new poster with the same key replaces it, outbidding it), two
// posters racing for one batch (one lands, the other reverts or is refused
// before sending), and an account whose nonce another transaction takes
// (ErrNonceTaken, nothing posted).
func TestPostFaults(t *testing.T) {
	if testing.Short() {
		t.Skip("runs an L1 node")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	key, _ := crypto.ToECDSA(crypto.Keccak256([]byte("veil poster faults")))
	other, _ := crypto.ToECDSA(crypto.Keccak256([]byte("veil poster faults, the other poster")))
	f := newInboxFixture(ctx, t, contractstest.Embedded(ctx, t, key), key, "a poster faults genesis")
	client, inbox, domain, at := f.client, f.inbox, f.domain, f.at
	chainID, err := client.ChainID(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// transfer sends wei from key to to at nonce, and waits until it lands.
	transfer := func(t *testing.T, from *ecdsa.PrivateKey, nonce uint64, to common.Address, wei *big.Int) {
		t.Helper()
		fees, err := Estimate(ctx, client)
		if err != nil {
			t.Fatal(err)
		}
		tx, err := types.SignNewTx(from, types.LatestSignerForChainID(chainID), &types.DynamicFeeTx{ChainID: chainID, Nonce: nonce,
			GasTipCap: fees.Tip, GasFeeCap: fees.FeeCap, Gas: 21_000, To: &to, Value: wei})
		if err != nil {
			t.Fatal(err)
		}
		if err := client.SendTransaction(ctx, tx); err != nil {
			t.Fatal(err)
		}
		if _, err := bind.WaitMined(ctx, client, tx); err != nil {
			t.Fatal(err)
		}
	}
	nonceOf := func(t *testing.T, k *ecdsa.PrivateKey) uint64 {
		t.Helper()
		n, err := client.NonceAt(ctx, crypto.PubkeyToAddress(k.PublicKey), nil)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	transfer(t, key, nonceOf(t, key), crypto.PubkeyToAddress(other.PublicKey), new(big.Int).Lsh(big.NewInt(1), 70))

	var parent common.Hash
	next := uint64(0)
	// landed checks that batch next is on L1, once: the inbox's index
	// moved past it with its header, and the poster's account spent
	// exactly one nonce since nonce.
	landed := func(t *testing.T, h contracts.StatementsBatch, who *ecdsa.PrivateKey, nonce uint64) {
		t.Helper()
		o := &bind.CallOpts{Context: ctx}
		if n, err := inbox.NextIndex(o); err != nil || n != next+1 {
			t.Fatalf("next index %d (%v), want %d", n, err, next+1)
		}
		if last, err := inbox.LastHeaderHash(o); err != nil || last != batch.Digest(domain, h) {
			t.Fatalf("last header %x (%v)", last, err)
		}
		if n := nonceOf(t, who); n != nonce+1 {
			t.Fatalf("the poster's nonce went from %d to %d: want one transaction", nonce, n)
		}
		parent, next = batch.Digest(domain, h), next+1
	}
	poster := func(k *ecdsa.PrivateKey, l1 Backend) *Poster {
		return &Poster{L1: l1, Key: k, Inbox: at.BatchInbox, ReplaceAfter: 2, Poll: 100 * time.Millisecond}
	}

	t.Run("L1 drops the first send", func(t *testing.T) {
		dropped := 0
		l1 := &faultyL1{Client: client}
		l1.send = func(ctx context.Context, tx *types.Transaction) error {
			if dropped == 0 {
				dropped++
				return nil // taken, and lost
			}
			return client.SendTransaction(ctx, tx)
		}
		h, sigma, b := f.batch(t, next, parent)
		nonce := nonceOf(t, key)
		posted, err := poster(key, l1).Post(ctx, h, sigma, b)
		if err != nil || posted.Attempts != 2 {
			t.Fatalf("posted %+v, %v: want it to land on the second attempt", posted, err)
		}
		landed(t, h, key, nonce)
	})
	t.Run("L1 refuses the send", func(t *testing.T) {
		l1 := &faultyL1{Client: client, send: func(context.Context, *types.Transaction) error { return errors.New("txpool is full") }}
		h, sigma, b := f.batch(t, next, parent)
		nonce := nonceOf(t, key)
		if _, err := poster(key, l1).Post(ctx, h, sigma, b); err == nil || !strings.Contains(err.Error(), "txpool is full") {
			t.Fatalf("a refused send: %v", err)
		}
		if n, err := inbox.NextIndex(&bind.CallOpts{Context: ctx}); err != nil || n != next {
			t.Fatalf("next index %d (%v) after a refused send", n, err)
		}
		if _, err := poster(key, client).Post(ctx, h, sigma, b); err != nil {
			t.Fatalf("the retry: %v", err)
		}
		landed(t, h, key, nonce)
	})
	t.Run("L1 refuses replacements as underpriced", func(t *testing.T) {
		for _, refusals := range []int{3, maxUnderpriced + 1} {
			var tips []*big.Int
			l1 := &faultyL1{Client: client}
			l1.send = func(ctx context.Context, tx *types.Transaction) error {
				if tips = append(tips, tx.GasTipCap()); len(tips) <= refusals {
					return errors.New("replacement transaction underpriced")
				}
				return client.SendTransaction(ctx, tx)
			}
			h, sigma, b := f.batch(t, next, parent)
			nonce := nonceOf(t, key)
			_, err := poster(key, l1).Post(ctx, h, sigma, b)
			for i := 1; i < len(tips); i++ {
				if tips[i].Cmp(new(big.Int).Mul(tips[i-1], big.NewInt(2))) < 0 {
					t.Fatalf("send %d tipped %v after %v: want twice as much", i+1, tips[i], tips[i-1])
				}
			}
			if refusals > maxUnderpriced {
				if err == nil || !strings.Contains(err.Error(), "underpriced") || len(tips) != maxUnderpriced+1 {
					t.Fatalf("%d refusals: %v after %d sends", refusals, err, len(tips))
				}
				continue
			}
			if err != nil || len(tips) != refusals+1 {
				t.Fatalf("%d refusals: %v after %d sends", refusals, err, len(tips))
			}
			landed(t, h, key, nonce)
		}
	})
	t.Run("a poster killed after sending", func(t *testing.T) {
		h, sigma, b := f.batch(t, next, parent)
		nonce := nonceOf(t, key)
		killed, kill := context.WithCancel(ctx)
		var stuck common.Hash
		l1 := &faultyL1{Client: client}
		l1.send = func(ctx context.Context, tx *types.Transaction) error {
			err := client.SendTransaction(ctx, tx)
			stuck = tx.Hash()
			kill()
			return err
		}
		p := poster(key, l1)
		p.Fees = func(context.Context, int) (Fees, error) { // below any base fee: it waits in the pool
			return Fees{Tip: big.NewInt(1), FeeCap: big.NewInt(1), BlobFeeCap: big.NewInt(1)}, nil
		}
		if _, err := p.Post(killed, h, sigma, b); !errors.Is(err, context.Canceled) {
			t.Fatalf("the killed post: %v", err)
		}
		posted, err := poster(key, client).Post(ctx, h, sigma, b)
		if err != nil {
			t.Fatalf("the new poster: %v", err)
		}
		if posted.Receipt.TxHash == stuck {
			t.Fatal("the stuck transaction landed")
		}
		landed(t, h, key, nonce)
	})
	t.Run("two posters race", func(t *testing.T) {
		h, sigma, b := f.batch(t, next, parent)
		nonces := []uint64{nonceOf(t, key), nonceOf(t, other)}
		errs := make([]error, 2)
		var wg sync.WaitGroup
		for i, k := range []*ecdsa.PrivateKey{key, other} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, errs[i] = poster(k, client).Post(ctx, h, sigma, b)
			}()
		}
		wg.Wait()
		won := -1
		for i, err := range errs {
			switch {
			case err == nil && won < 0:
				won = i
			case err == nil:
				t.Fatal("both posters landed the batch")
			case !errors.Is(err, ErrReverted) && !strings.Contains(err.Error(), "would not be accepted"):
				t.Fatalf("the losing poster: %v", err)
			}
		}
		if won < 0 {
			t.Fatalf("no poster landed the batch: %v", errs)
		}
		landed(t, h, []*ecdsa.PrivateKey{key, other}[won], nonces[won])
	})
	t.Run("another transaction takes the nonce", func(t *testing.T) {
		h, sigma, b := f.batch(t, next, parent)
		l1 := &faultyL1{Client: client}
		l1.send = func(ctx context.Context, tx *types.Transaction) error {
			transfer(t, key, tx.Nonce(), common.Address{0xaa}, big.NewInt(1)) // the key used elsewhere first
			return client.SendTransaction(ctx, tx)
		}
		if _, err := poster(key, l1).Post(ctx, h, sigma, b); !errors.Is(err, ErrNonceTaken) {
			t.Fatalf("a post whose nonce was taken: %v", err)
		}
		if n, err := inbox.NextIndex(&bind.CallOpts{Context: ctx}); err != nil || n != next {
			t.Fatalf("next index %d (%v): nothing should have landed", n, err)
		}
	})
}
