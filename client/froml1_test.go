package client

import (
	"errors"
	"fmt"
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/crypto/kzg4844"

	"github.com/veil-sequencer/veil/batch"
	"github.com/veil-sequencer/veil/contracts"
	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/merkle"
	"github.com/veil-sequencer/veil/threshold"
	"github.com/veil-sequencer/veil/threshold/thresholdtest"
)

// TestVerifyBatch: a batch from L1 whose header continues the chain, whose
// σ is the committee's, whose blobs are its transaction's and whose data
// holds exactly its slots gives those slots' transactions and invalid
// entries; a lie in any part is refused naming it.
func TestVerifyBatch(t *testing.T) {
	d, err := thresholdtest.Deal(nil, 4, 3)
	if err != nil {
		t.Fatal(err)
	}
	dom := eip712.Domain{ChainID: bundleChain, Salt: common.Hash{9}}
	parent := common.Hash{0x70}
	slots := []batch.Slot{
		{Slot: 33, RecordHash: common.Hash{1}, Txs: []batch.Tx{{Plaintext: []byte{0x02, 1}}, {Reason: "wrong_signer"}, {Plaintext: []byte{0x02, 2}}}},
		{Slot: 34, RecordHash: common.Hash{2}},
	}
	build := func(slots []batch.Slot, first, last uint64, edit func(h *contracts.StatementsBatch)) (L1Batch, []kzg4844.Blob) {
		b, err := batch.Build(slots)
		if err != nil {
			t.Fatal(err)
		}
		var records [][]byte
		for _, s := range slots {
			records = append(records, s.RecordHash[:])
		}
		h := batch.Header(batch.Fixed{ChainID: bundleChain, Eon: 1, Index: 1, FirstSlot: first, LastSlot: last,
			RecordsRoot: merkle.Root(records)}, parent, b.DataHash)
		if edit != nil {
			edit(&h)
		}
		sigma, err := d.Key(threshold.SigningIdentity(bundleChain, 1, batch.Digest(dom, h)).Point())
		if err != nil {
			t.Fatal(err)
		}
		return L1Batch{Header: h, Sigma: sigma.EIP2537(), VersionedHashes: b.VersionedHashes}, b.Blobs
	}
	good, blobs := build(slots, 33, 34, nil)
	got, err := VerifyBatch(dom, d.EonKey, parent, good, blobs)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || len(got[0].Txs) != 2 || string(got[0].Txs[1]) != string([]byte{0x02, 2}) ||
		len(got[0].Invalid) != 1 || got[0].Invalid[0].Index != 1 || got[0].Invalid[0].Reason != "wrong_signer" || got[1].Slot != 34 {
		t.Fatalf("verified slots %+v", got)
	}
	other, otherBlobs := build([]batch.Slot{{Slot: 33, RecordHash: common.Hash{5}}, {Slot: 34}}, 33, 34, nil)
	short, shortBlobs := build(slots[:1], 33, 34, nil)
	badRoot, badRootBlobs := build(slots, 33, 34, func(h *contracts.StatementsBatch) { h.RecordsRoot = common.Hash{0xee} })
	for _, tc := range []struct {
		name   string
		parent common.Hash
		b      L1Batch
		blobs  []kzg4844.Blob
		part   string
	}{
		{"another parent", common.Hash{0x71}, good, blobs, "batch parent"},
		{"σ of another header", parent, L1Batch{Header: good.Header, Sigma: other.Sigma, VersionedHashes: good.VersionedHashes}, blobs, "batch signature"},
		{"σ not a point", parent, L1Batch{Header: good.Header, Sigma: make([]byte, 128), VersionedHashes: good.VersionedHashes}, blobs, "batch signature"},
		{"other blobs", parent, good, otherBlobs, "batch blobs"},
		{"a blob missing", parent, good, nil, "batch blobs"},
		{"other versioned hashes", parent, L1Batch{Header: good.Header, Sigma: good.Sigma, VersionedHashes: other.VersionedHashes}, otherBlobs, "batch dataHash"},
		{"a slot missing", parent, short, shortBlobs, "batch contents"},
		{"another recordsRoot", parent, badRoot, badRootBlobs, "batch contents"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := VerifyBatch(dom, d.EonKey, tc.parent, tc.b, tc.blobs)
			if !errors.Is(err, ErrVerify) || !strings.Contains(err.Error(), ": "+tc.part+":") {
				t.Fatalf("%v, want a refusal naming %q", err, tc.part)
			}
		})
	}
}

// BenchmarkVerifyBatch is a rollup deriving from L1 alone (package
// client, protocol §9): one batch as L1 holds it, verified (σ, the blobs'
// commitments, dataHash, decompressing and decoding the data,
// recordsRoot), at 100 and 1,000 signed transfers a slot, with as many
// slots as the chain puts in a batch at that load (BenchmarkChainBatches:
// 32 and 6). Set against BenchmarkVerify1000, a slot from the feed, which
// decrypts every envelope.
func BenchmarkVerifyBatch(b *testing.B) {
	d, err := thresholdtest.Deal(nil, 4, 3)
	if err != nil {
		b.Fatal(err)
	}
	dom := eip712.Domain{ChainID: bundleChain, Salt: common.Hash{9}}
	key, _ := crypto.ToECDSA(crypto.Keccak256([]byte("a batch's sender")))
	signer := types.LatestSignerForChainID(big.NewInt(bundleChain))
	for _, tc := range []struct{ perSlot, slots int }{{100, 32}, {1000, 6}} {
		b.Run(fmt.Sprintf("%dtx", tc.perSlot), func(b *testing.B) {
			slots := make([]batch.Slot, tc.slots)
			records := make([][]byte, tc.slots)
			for s := range slots {
				slots[s] = batch.Slot{Slot: uint64(s + 1), RecordHash: crypto.Keccak256Hash([]byte(fmt.Sprint("record ", s)))}
				records[s] = slots[s].RecordHash[:]
				for i := range tc.perSlot {
					to := common.Address{byte(i), byte(s)}
					tx, err := types.SignNewTx(key, signer, &types.DynamicFeeTx{ChainID: big.NewInt(bundleChain), Nonce: uint64(s*tc.perSlot + i),
						GasTipCap: big.NewInt(1), GasFeeCap: big.NewInt(1e9), Gas: 21000, To: &to, Value: big.NewInt(int64(1000 + i))})
					if err != nil {
						b.Fatal(err)
					}
					raw, _ := tx.MarshalBinary()
					slots[s].Txs = append(slots[s].Txs, batch.Tx{Plaintext: raw})
				}
			}
			built, err := batch.Build(slots)
			if err != nil {
				b.Fatal(err)
			}
			h := batch.Header(batch.Fixed{ChainID: bundleChain, Eon: 1, FirstSlot: 1, LastSlot: uint64(tc.slots), RecordsRoot: merkle.Root(records)},
				common.Hash{}, built.DataHash)
			sigma, err := d.Key(threshold.SigningIdentity(bundleChain, 1, batch.Digest(dom, h)).Point())
			if err != nil {
				b.Fatal(err)
			}
			l1b := L1Batch{Header: h, Sigma: sigma.EIP2537(), VersionedHashes: built.VersionedHashes}
			for b.Loop() {
				got, err := VerifyBatch(dom, d.EonKey, common.Hash{}, l1b, built.Blobs)
				if err != nil || len(got) != tc.slots {
					b.Fatal(err)
				}
			}
			perOp := b.Elapsed().Seconds() / float64(b.N)
			b.ReportMetric(float64(tc.slots)/perOp, "slots/s")
			b.ReportMetric(float64(tc.slots*tc.perSlot)/perOp, "tx/s")
			b.ReportMetric(float64(len(built.Blobs)), "blobs")
		})
	}
}
