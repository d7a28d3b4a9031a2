package client

import (
	"context"
	"math/big"
	"slices"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/veil-sequencer/veil/batch"
	"github.com/veil-sequencer/veil/contracts/contractstest"
	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/mempool"
	"github.com/veil-sequencer/veil/merkle"
	"github.com/veil-sequencer/veil/params"
	"github.com/veil-sequencer/veil/poster"
	"github.com/veil-sequencer/veil/threshold"
	"github.com/veil-sequencer/veil/threshold/thresholdtest"
)

// TestL1ReaderEscape: five forced items go into the queue on the embedded
// L1; batch 0, accepted before their deadline, covers the first two.
// Once L1 time passes the deadline the reader derives the other three at
// the escape hatch, in queue order and after batch 0: an envelope and a
// transaction forced twice as nothing, with their reasons, the last plain
// transaction as itself. A reader that reads the same blocks in two parts
// derives the same.
func TestL1ReaderEscape(t *testing.T) {
	if testing.Short() {
		t.Skip("runs an L1 node")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	key, _ := crypto.ToECDSA(crypto.Keccak256([]byte("veil l1 escape")))
	l1, err := ethclient.DialContext(ctx, contractstest.Embedded(ctx, t, key))
	if err != nil {
		t.Fatal(err)
	}
	defer l1.Close()
	d, err := thresholdtest.Deal(nil, 4, 3)
	if err != nil {
		t.Fatal(err)
	}
	dom := eip712.Domain{ChainID: bundleChain, Salt: crypto.Keccak256Hash([]byte("an escape genesis"))}
	at := contractstest.Deploy(ctx, t, l1, key, d, dom)
	p := params.Default()

	sender, _ := crypto.ToECDSA(crypto.Keccak256([]byte("escape sender")))
	plain := func(nonce uint64) []byte {
		id := big.NewInt(bundleChain)
		tx, err := types.SignNewTx(sender, types.LatestSignerForChainID(id), &types.DynamicFeeTx{ChainID: id, Nonce: nonce,
			GasTipCap: big.NewInt(1), GasFeeCap: big.NewInt(1), Gas: 21000, To: &common.Address{0x77}, Value: big.NewInt(5)})
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := tx.MarshalBinary()
		return raw
	}
	items := [][]byte{plain(0), plain(1), []byte(`{"chainId":1337}`), plain(0), plain(2)}
	enqueue := func(i int) uint64 {
		return contractstest.Enqueue(ctx, t, l1, key, big.NewInt(3151908), at.ForcedInclusionQueue, items[i])
	}
	first := enqueue(0)
	enqueue(1)
	// Batch 0 settles items 0 and 1 (forcedUpTo 2).
	slots := []batch.Slot{{Slot: 1, RecordHash: common.Hash{1}, Txs: []batch.Tx{{Plaintext: items[0]}, {Plaintext: items[1]}}}}
	b, err := batch.Build(slots)
	if err != nil {
		t.Fatal(err)
	}
	h := batch.Header(batch.Fixed{ChainID: bundleChain, Eon: 1, Index: 0, FirstSlot: 1, LastSlot: 1, ForcedUpTo: 2,
		RecordsRoot: merkle.Root([][]byte{slots[0].RecordHash[:]})}, common.Hash{}, b.DataHash)
	sigma, err := d.Key(threshold.SigningIdentity(bundleChain, 1, batch.Digest(dom, h)).Point())
	if err != nil {
		t.Fatal(err)
	}
	posted, err := (&poster.Poster{L1: l1, Key: key, Inbox: at.BatchInbox, Poll: 100 * time.Millisecond}).Post(ctx, h, sigma.EIP2537(), b)
	if err != nil {
		t.Fatal(err)
	}
	archive := DirArchive(t.TempDir())
	if err := archive.Put(b); err != nil {
		t.Fatal(err)
	}
	hd, err := l1.HeaderByNumber(ctx, posted.Receipt.BlockNumber)
	if err != nil {
		t.Fatal(err)
	}
	accepted := hd.Time
	// The deadline is set so batch 0 came in time for items 0 and 1
	// however slowly it was posted (the reader alone reads it).
	p.ForceDeadline = accepted - first + 2
	var lastTime uint64 // the newest item's time, whose deadline the test waits out
	for i := 2; i < len(items); i++ {
		lastTime = enqueue(i)
	}
	// Wait out the deadline in L1 time.
	var head uint64
	for {
		hd, err := l1.HeaderByNumber(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		if head = hd.Number.Uint64(); hd.Time >= lastTime+p.ForceDeadline+1 {
			break
		}
		time.Sleep(500 * time.Millisecond)
	}

	read := func(parts ...uint64) []L1Slots {
		r := &L1Reader{L1: l1, Inbox: at.BatchInbox, Registry: at.SequencerRegistry, Domain: dom, Blobs: archive,
			Queue: at.ForcedInclusionQueue, Params: p}
		var out []L1Slots
		from, parent := uint64(0), common.Hash{}
		for _, to := range parts {
			got, last, err := r.Read(ctx, from, to, parent)
			if err != nil {
				t.Fatal(err)
			}
			out, from, parent = append(out, got...), to+1, last
		}
		return out
	}
	got := read(head)
	if len(got) < 2 || got[0].Slots == nil || got[0].Index != 0 {
		t.Fatalf("read %+v: want batch 0 first", got)
	}
	var escaped []Escaped
	for _, e := range got[1:] {
		if e.Slots != nil || e.L1Block < got[0].L1Block {
			t.Fatalf("an entry after batch 0: %+v", e)
		}
		escaped = append(escaped, e.Escaped...)
	}
	want := []Escaped{{Index: 2, Reason: ReasonEscapedEnvelope}, {Index: 3, Reason: mempool.ReasonForcedDuplicate}, {Index: 4, Tx: items[4]}}
	if len(escaped) != len(want) {
		t.Fatalf("escaped %+v, want items 2, 3 and 4", escaped)
	}
	for i, e := range escaped {
		if e.Index != want[i].Index || e.Reason != want[i].Reason || !slices.Equal(e.Tx, want[i].Tx) || e.L1Time == 0 {
			t.Fatalf("escape %d: %+v, want %+v", i, e, want[i])
		}
	}
	again := read(got[0].L1Block, head)
	if len(again) != len(got) {
		t.Fatalf("read in two parts: %d entries, in one %d", len(again), len(got))
	}
	for i := range got {
		if again[i].L1Block != got[i].L1Block || len(again[i].Escaped) != len(got[i].Escaped) {
			t.Fatalf("entry %d read in two parts: %+v, in one %+v", i, again[i], got[i])
		}
	}
}
