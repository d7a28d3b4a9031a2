package client

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/veil-sequencer/veil/batch"
	"github.com/veil-sequencer/veil/contracts/contractstest"
	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/merkle"
	"github.com/veil-sequencer/veil/poster"
	"github.com/veil-sequencer/veil/threshold"
	"github.com/veil-sequencer/veil/threshold/thresholdtest"
)

// TestL1Reader: batches posted to the embedded L1 are read back from L1
// and a blob archive alone, each checked, giving the slots they carry in
// order; an archive that serves another blob is refused naming the blobs.
func TestL1Reader(t *testing.T) {
	if testing.Short() {
		t.Skip("runs an L1 node")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	key, _ := crypto.ToECDSA(crypto.Keccak256([]byte("veil l1 reader")))
	url := contractstest.Embedded(ctx, t, key)
	l1, err := ethclient.DialContext(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer l1.Close()
	d, err := thresholdtest.Deal(nil, 4, 3)
	if err != nil {
		t.Fatal(err)
	}
	dom := eip712.Domain{ChainID: bundleChain, Salt: crypto.Keccak256Hash([]byte("an L1 reader genesis"))}
	at := contractstest.Deploy(ctx, t, l1, key, d, dom)
	archive := DirArchive(t.TempDir())
	p := &poster.Poster{L1: l1, Key: key, Inbox: at.BatchInbox, Poll: 100 * time.Millisecond}
	var want [][]batch.Slot
	parent := common.Hash{}
	for index := uint64(0); index < 2; index++ {
		var slots []batch.Slot
		var records [][]byte
		for s := index*4 + 1; s <= index*4+4; s++ {
			sl := batch.Slot{Slot: s, RecordHash: crypto.Keccak256Hash([]byte{byte(s)}), Txs: []batch.Tx{{Plaintext: []byte{0x02, byte(s)}}}}
			if s%2 == 0 {
				sl.Txs = append(sl.Txs, batch.Tx{Reason: "bad_encoding"})
			}
			slots = append(slots, sl)
			records = append(records, sl.RecordHash[:])
		}
		b, err := batch.Build(slots)
		if err != nil {
			t.Fatal(err)
		}
		h := batch.Header(batch.Fixed{ChainID: bundleChain, Eon: 1, Index: index, FirstSlot: index*4 + 1, LastSlot: index*4 + 4,
			RecordsRoot: merkle.Root(records)}, parent, b.DataHash)
		sigma, err := d.Key(threshold.SigningIdentity(bundleChain, 1, batch.Digest(dom, h)).Point())
		if err != nil {
			t.Fatal(err)
		}
		if _, err := p.Post(ctx, h, sigma.EIP2537(), b); err != nil {
			t.Fatalf("posting batch %d: %v", index, err)
		}
		if err := archive.Put(b); err != nil {
			t.Fatal(err)
		}
		parent = batch.Digest(dom, h)
		want = append(want, slots)
	}
	head, err := l1.BlockNumber(ctx)
	if err != nil {
		t.Fatal(err)
	}
	r := &L1Reader{L1: l1, Inbox: at.BatchInbox, Registry: at.SequencerRegistry, Domain: dom, Blobs: archive}
	got, last, err := r.Read(ctx, 0, head, common.Hash{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || last != parent {
		t.Fatalf("read %d batches, last %s, want 2 and %s", len(got), last, parent)
	}
	for i, b := range got {
		for j, s := range b.Slots {
			w := want[i][j]
			if s.Slot != w.Slot || len(s.Txs) != 1 || string(s.Txs[0]) != string(w.Txs[0].Plaintext) || (len(w.Txs) == 2) != (len(s.Invalid) == 1) {
				t.Fatalf("batch %d slot %d: %+v, want %+v", i, j, s, w)
			}
		}
	}
	// Follow hands over the same batches, in order, each once its block
	// is a block deep.
	var followed []L1Slots
	stop := errors.New("two batches")
	err = (&L1Reader{L1: l1, Inbox: at.BatchInbox, Registry: at.SequencerRegistry, Domain: dom, Blobs: archive, Confirmations: 1}).Follow(ctx, 50*time.Millisecond,
		func(b L1Slots) error {
			if followed = append(followed, b); len(followed) == len(got) {
				return stop
			}
			return nil
		})
	if !errors.Is(err, stop) || followed[0].Digest != got[0].Digest || followed[1].Digest != got[1].Digest {
		t.Fatalf("followed %d batches (%v)", len(followed), err)
	}
	// A genesis eon key pinned by the reader wins over the registry's: a
	// key other than the committee's refuses every batch.
	stranger, err := thresholdtest.Deal(nil, 4, 3)
	if err != nil {
		t.Fatal(err)
	}
	pinned := &L1Reader{L1: l1, Inbox: at.BatchInbox, Registry: at.SequencerRegistry, Domain: dom, Blobs: archive,
		EonKeys: map[uint64]*threshold.EonPublicKey{1: stranger.EonKey}}
	if _, _, err := pinned.Read(ctx, 0, head, common.Hash{}); !errors.Is(err, ErrVerify) || !strings.Contains(err.Error(), "batch signature") {
		t.Fatalf("batches read under another pinned key: %v", err)
	}
	// An archive serving batch 0's blob for batch 1's versioned hash.
	entries, _ := os.ReadDir(string(archive))
	var other []byte
	for _, e := range entries {
		raw, _ := os.ReadFile(filepath.Join(string(archive), e.Name()))
		if other == nil {
			other = raw
			continue
		}
		if err := os.WriteFile(filepath.Join(string(archive), e.Name()), other, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, _, err := (&L1Reader{L1: l1, Inbox: at.BatchInbox, Registry: at.SequencerRegistry, Domain: dom, Blobs: archive}).Read(ctx, 0, head, common.Hash{}); !errors.Is(err, ErrVerify) || !strings.Contains(err.Error(), "batch blobs") {
		t.Fatalf("a swapped blob: %v", err)
	}
}
