package poster

import (
	"context"
	"crypto/ecdsa"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
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
			client, err := ethclient.DialContext(ctx, url)
			if err != nil {
				t.Fatal(err)
			}
			defer client.Close()
			d, err := thresholdtest.Deal(nil, 4, 3)
			if err != nil {
				t.Fatal(err)
			}
			domain := eip712.Domain{ChainID: veilChain, Salt: crypto.Keccak256Hash([]byte("a poster genesis"))}
			at := contractstest.Deploy(ctx, t, client, key, d, domain)
			inbox, err := contracts.NewBatchInbox(at.BatchInbox, client)
			if err != nil {
				t.Fatal(err)
			}
			p := &Poster{L1: client, Key: key, Inbox: at.BatchInbox, ReplaceAfter: 2, Poll: 100 * time.Millisecond}
			post := func(index uint64, parent common.Hash) (*Posted, contracts.StatementsBatch, error) {
				slots := []batch.Slot{{Slot: index*32 + 1, RecordHash: common.Hash{byte(index)}, Txs: []batch.Tx{{Plaintext: []byte{0x02, byte(index)}}, {Reason: "wrong_signer"}}}}
				b, err := batch.Build(slots)
				if err != nil {
					t.Fatal(err)
				}
				h := batch.Header(batch.Fixed{ChainID: veilChain, Eon: 1, Index: index, FirstSlot: index*32 + 1, LastSlot: index*32 + 32,
					RecordsRoot: common.Hash{1}, WithdrawalsRoot: common.Hash{2}, L1Applied: 3, AppHash: common.Hash{4}}, parent, b.DataHash)
				sigma, err := d.Key(threshold.SigningIdentity(veilChain, 1, batch.Digest(domain, h)).Point())
				if err != nil {
					t.Fatal(err)
				}
				posted, err := p.Post(ctx, h, sigma.EIP2537(), b)
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
