package client

import (
	"crypto/ecdsa"
	"encoding/binary"
	"encoding/json"
	"errors"
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	ethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/veil-sequencer/veil/api/apitypes"
	"github.com/veil-sequencer/veil/auction"
	"github.com/veil-sequencer/veil/decrypt"
	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/envelope"
	"github.com/veil-sequencer/veil/eon"
	"github.com/veil-sequencer/veil/merkle"
	"github.com/veil-sequencer/veil/proposer"
	"github.com/veil-sequencer/veil/threshold"
	"github.com/veil-sequencer/veil/threshold/thresholdtest"
)

const bundleChain = 1337

// bundleBlock is a decrypted block of slot 5 whose bundle is n envelopes
// from n senders, each a signed rollup transaction encrypted to a 2-of-3
// eon, every third one's plaintext with a signature that recovers no
// signer (so invalid, wrong_signer): a block that verifies, built with the real cryptography.
func bundleBlock(tb testing.TB, n int) (*Verifier, *apitypes.Block) {
	tb.Helper()
	d, err := thresholdtest.Deal(nil, 3, 2)
	if err != nil {
		tb.Fatal(err)
	}
	dom := eip712.Domain{ChainID: bundleChain, Salt: common.Hash{9}}
	signer := ethtypes.LatestSignerForChainID(big.NewInt(bundleChain))
	b := &apitypes.Block{Slot: 5, Level: apitypes.LevelDecrypted}
	order := make([]common.Hash, n)
	items := make([][]byte, n)
	keys := make([]*threshold.IdentityKey, n)
	envs := make([]*envelope.Envelope, n)
	var errs = make([]error, n)
	threshold.Parallel(n, func(i int) {
		key := senderKey(i)
		tx, err := ethtypes.SignTx(ethtypes.NewTx(&ethtypes.LegacyTx{Nonce: uint64(i), GasPrice: big.NewInt(1e9), Gas: 21_000,
			To: &common.Address{1}, Value: big.NewInt(1)}), signer, key)
		if err != nil {
			errs[i] = err
			return
		}
		if i%3 == 2 { // r = 0: it decodes, and recovers no signer
			sig := make([]byte, 65)
			sig[63] = 1
			if tx, err = tx.WithSignature(signer, sig); err != nil {
				errs[i] = err
				return
			}
		}
		plain, _ := tx.MarshalBinary()
		e := &envelope.Envelope{ChainID: bundleChain, Eon: 1, Sender: crypto.PubkeyToAddress(key.PublicKey), GasLimit: 50_000,
			MaxFeePerGas: big.NewInt(2e9), Nonce: uint64(i), ValidUntilSlot: 100}
		binary.BigEndian.PutUint64(e.IdentityPrefix[:], uint64(i))
		id := e.Identity().Point()
		ct, err := threshold.Encrypt(nil, plain, d.EonKey, id)
		if err != nil {
			errs[i] = err
			return
		}
		e.Ciphertext = ct.Bytes()
		if errs[i] = e.Sign(dom, key); errs[i] != nil {
			return
		}
		keys[i], errs[i] = d.Key(id)
		envs[i] = e
	})
	if err := errors.Join(errs...); err != nil {
		tb.Fatal(err)
	}
	b.Transactions = make([]apitypes.BlockTx, n)
	b.Keys = make([]apitypes.BlockKey, n)
	for i, e := range envs {
		order[i] = e.Hash(dom)
		items[i] = order[i][:]
		plain, err := threshold.Decrypt(e.Ciphertext, keys[i])
		res := decrypt.Judge(e, plain, err)
		id := common.Hash(e.Identity())
		b.Transactions[i] = apitypes.BlockTx{EnvelopeHash: order[i], Identity: id, Envelope: e, Status: res.Status,
			Plaintext: hexutil.Bytes(res.Plaintext), Reason: res.Reason}
		b.Keys[i] = apitypes.BlockKey{Index: uint32(i), Identity: id, Key: keys[i].Bytes()}
	}
	b.BundleRoot = merkle.Root(items)
	rec := &proposer.Record{Slot: 5, Eon: 1, Auction: &auction.Result{Slot: 5, Bundle: order, Included: order}}
	set, vkeys := trusted(ones(4)...)
	seal(tb, b, set, vkeys, append([]byte{0x03}, rec.Encode()...))
	info := &eon.Info{Eon: 1, PublicKey: d.EonKey, Threshold: 2, ChainID: bundleChain}
	return &Verifier{ChainID: testChain, Validators: set, Eon: info, Domain: dom}, clone(tb, b) // through JSON, as the follower gets it
}

func senderKey(i int) *ecdsa.PrivateKey {
	k, err := crypto.ToECDSA(crypto.Keccak256([]byte("sender"), binary.BigEndian.AppendUint64(nil, uint64(i))))
	if err != nil {
		panic(err) // a keccak output is a valid key but with probability ~2^-128
	}
	return k
}

// TestVerifyBundle: a block whose bundle verifies gives the rollup its
// decrypted transactions in order and names the invalid ones; any lie in
// the served bundle, its keys or its plaintexts is refused, naming the part.
func TestVerifyBundle(t *testing.T) {
	const n = 9
	v, good := bundleBlock(t, n)
	s, err := v.Verify(good)
	if err != nil {
		t.Fatalf("the block does not verify: %v", err)
	}
	if len(s.Txs) != 6 || len(s.Invalid) != 3 || s.Invalid[0].Index != 2 || s.Invalid[0].Reason != decrypt.ReasonWrongSigner {
		t.Fatalf("verified slot: %d txs, invalid %+v", len(s.Txs), s.Invalid)
	}
	for i, tx := range s.Txs {
		if j := i + i/2; string(tx) != string(good.Transactions[j].Plaintext) {
			t.Fatalf("tx %d is not transaction %d's plaintext", i, j)
		}
	}
	_, other := bundleBlock(t, 1) // another eon's key for the same envelope 0
	for _, tc := range []struct {
		name   string
		tamper func(b *apitypes.Block)
		part   string
	}{
		{"two transactions swapped", func(b *apitypes.Block) {
			b.Transactions[0], b.Transactions[1] = b.Transactions[1], b.Transactions[0]
		}, "order"},
		{"a transaction left out", func(b *apitypes.Block) { b.Transactions = b.Transactions[:n-1] }, "order"},
		{"an envelope's fee raised", func(b *apitypes.Block) {
			e := *b.Transactions[3].Envelope
			e.MaxFeePerGas = big.NewInt(3e9)
			b.Transactions[3].Envelope = &e
		}, "order"},
		{"a key for another eon", func(b *apitypes.Block) { b.Keys[0].Key = other.Keys[0].Key }, "key"},
		{"a key not a point", func(b *apitypes.Block) { b.Keys[4].Key = make([]byte, 48) }, "key"},
		{"keys swapped", func(b *apitypes.Block) { b.Keys[0].Key, b.Keys[1].Key = b.Keys[1].Key, b.Keys[0].Key }, "key"},
		{"a plaintext altered", func(b *apitypes.Block) {
			p := append(hexutil.Bytes(nil), b.Transactions[0].Plaintext...)
			p[len(p)-1] ^= 1
			b.Transactions[0].Plaintext = p
		}, "plaintext"},
		{"an invalid transaction served as decrypted", func(b *apitypes.Block) {
			b.Transactions[2].Status, b.Transactions[2].Reason = decrypt.Decrypted, ""
		}, "plaintext"},
		{"a decrypted transaction served as invalid", func(b *apitypes.Block) {
			b.Transactions[1].Status, b.Transactions[1].Reason = decrypt.Invalid, decrypt.ReasonBadEncoding
		}, "plaintext"},
		{"a signature by another key", func(b *apitypes.Block) {
			e := *b.Transactions[5].Envelope
			e.Signature = append([]byte(nil), e.Signature...)
			e.Signature[10] ^= 1
			b.Transactions[5].Envelope = &e
		}, "envelope"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := clone(t, good)
			tc.tamper(b)
			_, err := v.Verify(b)
			if !errors.Is(err, ErrVerify) || !strings.Contains(err.Error(), ": "+tc.part+":") {
				t.Fatalf("Verify: %v, want a refusal naming %q", err, tc.part)
			}
		})
	}
}

func clone(t testing.TB, b *apitypes.Block) *apitypes.Block {
	t.Helper()
	raw, err := json.Marshal(b)
	if err != nil {
		t.Fatal(err)
	}
	var out apitypes.Block
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatal(err)
	}
	return &out
}

// BenchmarkVerify1000 is what a rollup node does per slot of a
// 1,000-envelope bundle, from the block's JSON already decoded: protocol
// §8's checks, decrypting every envelope. make bench sets it against its
// floor (tools/benchtable).
func BenchmarkVerify1000(b *testing.B) {
	v, blk := bundleBlock(b, 1000)
	for b.Loop() {
		s, err := v.Verify(blk)
		if err != nil || len(s.Txs)+len(s.Invalid) != 1000 {
			b.Fatal(err)
		}
	}
}

// withPlain is block b with a forced plain transaction (protocol §9) put at
// place at of its order: no envelope and no key, its bytes its plaintext,
// the record resealed.
func withPlain(tb testing.TB, b *apitypes.Block, at int, raw []byte) *apitypes.Block {
	tb.Helper()
	out := clone(tb, b)
	h := crypto.Keccak256Hash(raw)
	index := uint64(7)
	tx := apitypes.BlockTx{EnvelopeHash: h, Status: decrypt.Decrypted, Plaintext: raw, Forced: &index}
	out.Transactions = append(out.Transactions[:at], append([]apitypes.BlockTx{tx}, out.Transactions[at:]...)...)
	var order, bundle []common.Hash
	items := make([][]byte, len(out.Transactions))
	for i, t := range out.Transactions {
		order = append(order, t.EnvelopeHash)
		items[i] = order[i][:]
		if t.Envelope != nil {
			bundle = append(bundle, t.EnvelopeHash)
		}
	}
	out.BundleRoot = merkle.Root(items)
	rec := &proposer.Record{Slot: 5, Eon: 1, Auction: &auction.Result{Slot: 5, Bundle: bundle, Included: order}}
	set, vkeys := trusted(ones(4)...)
	seal(tb, out, set, vkeys, append([]byte{0x03}, rec.Encode()...))
	return clone(tb, out)
}

// TestVerifyForcedPlain: a forced plain transaction in the order reaches
// the rollup at its place, checked by its hash alone; served bytes other
// than its hash's, or an envelope's key moved onto it, are refused.
func TestVerifyForcedPlain(t *testing.T) {
	v, base := bundleBlock(t, 3)
	signer := ethtypes.LatestSignerForChainID(big.NewInt(bundleChain))
	tx, err := ethtypes.SignTx(ethtypes.NewTx(&ethtypes.DynamicFeeTx{ChainID: big.NewInt(bundleChain), Nonce: 4, GasTipCap: big.NewInt(1),
		GasFeeCap: big.NewInt(1), Gas: 21_000, To: &common.Address{2}, Value: big.NewInt(3)}), signer, senderKey(40))
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := tx.MarshalBinary()
	good := withPlain(t, base, 1, raw)
	s, err := v.Verify(good)
	if err != nil {
		t.Fatalf("a block with a plain transaction does not verify: %v", err)
	}
	if len(s.Txs) != 3 || string(s.Txs[1]) != string(raw) || string(s.Txs[0]) != string(base.Transactions[0].Plaintext) {
		t.Fatalf("verified slot: %d txs, want envelope 0, the plain transaction, envelope 1", len(s.Txs))
	}
	if len(s.Invalid) != 1 || s.Invalid[0].Index != 3 {
		t.Fatalf("invalid %+v: want transaction 3 (envelope 2, wrong signer)", s.Invalid)
	}
	for _, tc := range []struct {
		name   string
		tamper func(b *apitypes.Block)
		part   string
	}{
		{"other bytes", func(b *apitypes.Block) {
			p := append(hexutil.Bytes(nil), raw...)
			p[len(p)-1] ^= 1
			b.Transactions[1].Plaintext = p
		}, "order"},
		{"served as an envelope", func(b *apitypes.Block) { b.Transactions[1].Envelope = b.Transactions[0].Envelope }, "order"},
		{"a key too many", func(b *apitypes.Block) { b.Keys = append(b.Keys, b.Keys[0]) }, "order"},
		{"served as invalid", func(b *apitypes.Block) {
			b.Transactions[1].Status, b.Transactions[1].Reason = decrypt.Invalid, decrypt.ReasonBadEncoding
		}, "plaintext"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := clone(t, good)
			tc.tamper(b)
			if _, err := v.Verify(b); !errors.Is(err, ErrVerify) || !strings.Contains(err.Error(), ": "+tc.part+":") {
				t.Fatalf("Verify: %v, want a refusal naming %q", err, tc.part)
			}
		})
	}
}
