package batch

import (
	"bytes"
	"compress/flate"
	"crypto/ecdsa"
	"encoding/binary"
	"errors"
	"fmt"
	"math/big"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/crypto/kzg4844"

	"github.com/veil-sequencer/veil/threshold"
)

// transfers is slots of n signed EIP-1559 transfers each from 500
// senders, every tenth entry an invalid envelope's reason: what a batch
// of a busy rollup holds.
func transfers(tb testing.TB, slots, n int) []Slot {
	tb.Helper()
	keys := make([]*ecdsa.PrivateKey, 500)
	for i := range keys {
		keys[i], _ = crypto.ToECDSA(crypto.Keccak256([]byte(fmt.Sprint("sender ", i))))
	}
	signer := types.LatestSignerForChainID(big.NewInt(1337))
	out := make([]Slot, slots)
	for s := range out {
		out[s] = Slot{Slot: uint64(s + 1), Time: uint64(1_800_000_000_000_000_000 + s*500_000_000), RecordHash: crypto.Keccak256Hash([]byte(fmt.Sprint("record ", s)))}
		for i := range n {
			if i%10 == 9 {
				out[s].Txs = append(out[s].Txs, Tx{Reason: "wrong_signer"})
				continue
			}
			to := common.Address{byte(i), byte(s)}
			tx, err := types.SignNewTx(keys[(s*n+i)%len(keys)], signer, &types.DynamicFeeTx{ChainID: big.NewInt(1337), Nonce: uint64(s),
				GasTipCap: big.NewInt(1), GasFeeCap: big.NewInt(1e9), Gas: 21000, To: &to, Value: big.NewInt(int64(1000 + i))})
			if err != nil {
				tb.Fatal(err)
			}
			raw, _ := tx.MarshalBinary()
			out[s].Txs = append(out[s].Txs, Tx{Plaintext: raw})
		}
	}
	return out
}

// TestRoundTrip: batch data, blobs and back give the slots again, at the
// sizes where the packing changes (empty, a blob exactly full, one byte
// over), and the commitments name the blobs.
func TestRoundTrip(t *testing.T) {
	slots := transfers(t, 4, 20)
	data, err := Encode(slots)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Decode(data, 1<<20)
	if err != nil || !reflect.DeepEqual(got, slots) {
		t.Fatalf("decoded %d slots (%v), want the %d encoded", len(got), err, len(slots))
	}
	again, _ := Encode(slots)
	if !bytes.Equal(again, data) {
		t.Fatal("two encodings of the same slots differ: keypers would sign different data")
	}
	for _, size := range []int{0, 1, BlobCapacity - 4, BlobCapacity - 3, MaxData} {
		d := bytes.Repeat([]byte{0xa5}, size)
		blobs, err := Blobs(d)
		if err != nil {
			t.Fatalf("%d bytes: %v", size, err)
		}
		if want := max(1, (size+4+BlobCapacity-1)/BlobCapacity); len(blobs) != want {
			t.Fatalf("%d bytes in %d blobs, want %d", size, len(blobs), want)
		}
		back, err := FromBlobs(blobs)
		if err != nil || !bytes.Equal(back, d) {
			t.Fatalf("%d bytes: unpacked %d (%v)", size, len(back), err)
		}
	}
	if _, err := Blobs(make([]byte, MaxData+1)); err == nil {
		t.Fatal("data beyond MaxBlobs blobs was packed")
	}
	b, err := Build(slots)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Blobs) != 1 || len(b.VersionedHashes) != 1 || b.VersionedHashes[0][0] != 0x01 {
		t.Fatalf("built %d blobs, hashes %v", len(b.Blobs), b.VersionedHashes)
	}
	if err := verifyCommitment(&b.Blobs[0], b.Commitments[0]); err != nil {
		t.Fatal(err)
	}
	if b.DataHash != crypto.Keccak256Hash(b.VersionedHashes[0][:]) {
		t.Fatal("dataHash is not keccak256 of the versioned hashes")
	}
}

func verifyCommitment(blob *kzg4844.Blob, c kzg4844.Commitment) error {
	proof, err := kzg4844.ComputeBlobProof(blob, c)
	if err != nil {
		return err
	}
	return kzg4844.VerifyBlobProof(blob, c, proof)
}

// TestRefused: data or blobs that are not what Encode and Blobs make are
// refused, naming why, without reading past a bound.
func TestRefused(t *testing.T) {
	good, _ := Encode(transfers(t, 1, 3))
	deflate := func(payload []byte) []byte {
		var b bytes.Buffer
		b.WriteByte(Version)
		z, _ := flate.NewWriter(&b, flate.BestSpeed)
		z.Write(payload)
		z.Close()
		return b.Bytes()
	}
	slotHeader := func(n uint32) []byte {
		h := make([]byte, SlotOverhead)
		binary.BigEndian.PutUint32(h[SlotOverhead-4:], n)
		return h
	}
	for _, tc := range []struct {
		name string
		data []byte
		want error
	}{
		{"empty", nil, ErrVersion},
		{"another version", append([]byte{Version + 1}, good[1:]...), ErrVersion},
		{"version 1 (slots without times)", append([]byte{1}, good[1:]...), ErrVersion},
		{"not DEFLATE", []byte{Version, 0xff, 0xff, 0xff}, ErrMalformed},
		{"a bomb", deflate(make([]byte, 1<<21)), ErrTooLarge},
		{"a short slot header", deflate(make([]byte, SlotOverhead-1)), ErrMalformed},
		{"more entries than bytes", deflate(slotHeader(1000)), ErrMalformed},
		{"an entry longer than the rest", deflate(append(slotHeader(1), 0, 0, 0, 0, 9, 1)), ErrMalformed},
		{"an unknown kind", deflate(append(slotHeader(1), 7, 0, 0, 0, 0)), ErrMalformed},
		{"a reason that is empty", deflate(append(slotHeader(1), 1, 0, 0, 0, 0)), ErrMalformed},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := Decode(tc.data, 1<<20); !errors.Is(err, tc.want) {
				t.Fatalf("Decode: %v, want %v", err, tc.want)
			}
		})
	}
	one, _ := Blobs([]byte("veil"))
	two, _ := Blobs(make([]byte, BlobCapacity))
	for _, tc := range []struct {
		name  string
		blobs func() []kzg4844.Blob
	}{
		{"none", func() []kzg4844.Blob { return nil }},
		{"too many", func() []kzg4844.Blob { return make([]kzg4844.Blob, MaxBlobs+1) }},
		{"an element's first byte set", func() []kzg4844.Blob { b := one; b[0][64] = 1; return b }},
		{"padding not zero", func() []kzg4844.Blob { b := one; b[0][200] = 1; return b }},
		{"a length beyond the blobs", func() []kzg4844.Blob { b := one; b[0][1] = 0x7f; return b }},
		{"a blob more than needed", func() []kzg4844.Blob { return append(append([]kzg4844.Blob{}, one...), kzg4844.Blob{}) }},
		{"two blobs, the data in one", func() []kzg4844.Blob {
			b := append([]kzg4844.Blob{}, two...)
			b[0] = one[0]
			return b
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := FromBlobs(tc.blobs()); !errors.Is(err, ErrBlobs) {
				t.Fatalf("FromBlobs: %v, want ErrBlobs", err)
			}
		})
	}
}

// FuzzDecode: any data decodes within the bound or is refused; never a
// panic, and what decodes encodes again to data that decodes the same.
func FuzzDecode(f *testing.F) {
	good, _ := Encode(transfers(f, 2, 3))
	f.Add(good)
	f.Add([]byte{Version})
	f.Add([]byte{Version, 0x01, 0x00, 0x00, 0xff, 0xff})
	f.Fuzz(func(t *testing.T, data []byte) {
		slots, err := Decode(data, 1<<16)
		if err != nil {
			return
		}
		again, err := Encode(slots)
		if err != nil {
			t.Fatal(err)
		}
		back, err := Decode(again, 1<<17)
		if err != nil || !reflect.DeepEqual(back, slots) {
			t.Fatalf("re-encoded data decodes to %d slots (%v), not %d", len(back), err, len(slots))
		}
	})
}

// FuzzFromBlobs: one blob's bytes unpack or are refused; what unpacks packs
// back to the same blob.
func FuzzFromBlobs(f *testing.F) {
	one, _ := Blobs([]byte("veil batch"))
	f.Add(one[0][:64])
	f.Add([]byte{0, 0, 0, 0, 5})
	f.Fuzz(func(t *testing.T, prefix []byte) {
		var b kzg4844.Blob
		copy(b[:], prefix)
		data, err := FromBlobs([]kzg4844.Blob{b})
		if err != nil {
			return
		}
		again, err := Blobs(data)
		if err != nil || len(again) != 1 || again[0] != b {
			t.Fatal("unpacked data packs to another blob")
		}
	})
}

// BenchmarkBuild is a keyper's work for one batch of 32 slots: encode and
// compress, pack and commit to the blobs. It reports the data bytes per
// transaction, the compression ratio and the blobs; a batch of 32 slots of
// 1,000 transactions is beyond one blob transaction and reports only the
// encoding.
func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{100, 1000} {
		b.Run(fmt.Sprintf("%dtx", n), func(b *testing.B) {
			slots := transfers(b, 32, n)
			raw := 0
			for _, s := range slots {
				for _, tx := range s.Txs {
					raw += len(tx.Plaintext) + len(tx.Reason)
				}
			}
			var data []byte
			blobs := 0
			for b.Loop() {
				d, err := Encode(slots)
				if err != nil {
					b.Fatal(err)
				}
				data = d
				if len(d) <= MaxData {
					built, err := Build(slots)
					if err != nil {
						b.Fatal(err)
					}
					blobs = len(built.Blobs)
				}
			}
			txs := float64(32 * n)
			b.ReportMetric(float64(len(data))/txs, "bytes/tx")
			b.ReportMetric(float64(raw)/float64(len(data)), "ratio")
			b.ReportMetric(float64(blobs), "blobs")
		})
	}
}

// BenchmarkChainBatches is what a batch holds under the chain's size
// bound (protocol.md, "A batch's slots"): slots of n transfers each,
// counted as the chain counts them (every plaintext at the most its
// ciphertext could hold), closed before the bound passes PayloadBudget or
// at 32 slots, then built: slots, transactions, blobs and data bytes per
// batch, and blob bytes per transaction.
func BenchmarkChainBatches(b *testing.B) {
	for _, n := range []int{100, 1000} {
		b.Run(fmt.Sprintf("%dtx", n), func(b *testing.B) {
			all := transfers(b, 32, n)
			bound := func(s Slot) int {
				size := SlotOverhead
				for _, tx := range s.Txs {
					ct := threshold.CiphertextSize(len(tx.Plaintext) + len(tx.Reason))
					size += TxOverhead + max(ct-threshold.HeaderSize-1, 32)
				}
				return size
			}
			var slots []Slot
			size := 0
			for _, s := range all {
				if len(slots) == 32 || size+bound(s) > PayloadBudget {
					break
				}
				slots, size = append(slots, s), size+bound(s)
			}
			var built *Built
			for b.Loop() {
				var err error
				if built, err = Build(slots); err != nil {
					b.Fatal(err)
				}
			}
			txs := len(slots) * n
			b.ReportMetric(float64(len(slots)), "slots/batch")
			b.ReportMetric(float64(txs), "tx/batch")
			b.ReportMetric(float64(len(built.Blobs)), "blobs/batch")
			b.ReportMetric(float64(len(built.Data)), "bytes/batch")
			b.ReportMetric(float64(len(built.Blobs)*131072)/float64(txs), "blobbytes/tx")
		})
	}
}

// TestPayloadBudget: a payload at the budget fits one batch's blobs
// however little it compresses (random bytes, in entries of every size
// the chain allows), so a batch the chain closed by the budget can always
// be posted; one far past it does not.
func TestPayloadBudget(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 9))
	for _, entry := range []int{0, 1, 100, 4000, 65_000, 200_000} {
		var slots []Slot
		left := PayloadBudget
		for left >= SlotOverhead+TxOverhead {
			s := Slot{Slot: uint64(len(slots) + 1)}
			left -= SlotOverhead
			for left >= TxOverhead && len(s.Txs) < 10_000 {
				n := min(entry, left-TxOverhead)
				body := make([]byte, n)
				for i := range body {
					body[i] = byte(rng.Uint32())
				}
				s.Txs = append(s.Txs, Tx{Plaintext: body})
				left -= TxOverhead + n
			}
			slots = append(slots, s)
		}
		if got := PayloadSize(slots); got > PayloadBudget || got < PayloadBudget-SlotOverhead-TxOverhead {
			t.Fatalf("entries of %d: built a payload of %d bytes, want about %d", entry, got, PayloadBudget)
		}
		data, err := Encode(slots)
		if err != nil {
			t.Fatal(err)
		}
		if len(data) > MaxData {
			t.Fatalf("entries of %d bytes: %d bytes of payload compress to %d, past the %d one batch carries", entry, PayloadSize(slots), len(data), MaxData)
		}
	}
	over := []Slot{{Slot: 1, Txs: []Tx{{Plaintext: make([]byte, MaxData+1)}}}}
	for i := range over[0].Txs[0].Plaintext {
		over[0].Txs[0].Plaintext[i] = byte(rng.Uint32())
	}
	if data, err := Encode(over); err != nil || len(data) <= MaxData {
		t.Fatalf("%d random bytes compress to %d (%v): the test's data compresses", MaxData+1, len(data), err)
	}
}
