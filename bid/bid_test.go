package bid

import (
	"bytes"
	"errors"
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/threshold"
	"github.com/veil-sequencer/veil/threshold/thresholdtest"
	"github.com/veil-sequencer/veil/wire"
)

var domain = eip712.Domain{ChainID: 1337, Salt: common.Hash{9}}

// slotKey is slot's bid key from a 1-of-1 dealing.
func slotKey(t testing.TB, d *thresholdtest.Dealing, chainID, slot uint64) *threshold.IdentityKey {
	t.Helper()
	id := threshold.BidIdentity(chainID, slot).Point()
	key, err := d.Key(id)
	if err != nil {
		t.Fatal(err)
	}
	return key
}

func signedBid(t testing.TB, d *thresholdtest.Dealing, p *Payload) *Bid {
	t.Helper()
	key, _ := crypto.ToECDSA(crypto.Keccak256([]byte("builder")))
	p.Builder = crypto.PubkeyToAddress(key.PublicKey)
	sealed, err := Seal(nil, p, 1337, d.EonKey)
	if err != nil {
		t.Fatal(err)
	}
	b := &Bid{ChainID: 1337, Eon: 1, Slot: p.Slot, Builder: p.Builder, Seq: 3, Sealed: sealed}
	if err := b.Sign(domain, key); err != nil {
		t.Fatal(err)
	}
	return b
}

func TestSealOpen(t *testing.T) {
	d, err := thresholdtest.Deal(nil, 1, 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []int{0, 1, 1000} {
		p := &Payload{Value: big.NewInt(123456789), Slot: 42}
		for i := range k {
			p.Bundle = append(p.Bundle, common.BigToHash(big.NewInt(int64(i+1))))
		}
		b := signedBid(t, d, p)
		if err := b.VerifySignature(domain); err != nil {
			t.Fatal(err)
		}
		got, err := Open(b.Sealed, slotKey(t, d, 1337, 42))
		if err != nil {
			t.Fatalf("k=%d: %v", k, err)
		}
		if got.Value.Cmp(p.Value) != 0 || got.Builder != p.Builder || got.Slot != 42 || len(got.Bundle) != k {
			t.Fatalf("k=%d: opened %+v", k, got)
		}
		for i := range got.Bundle {
			if got.Bundle[i] != p.Bundle[i] {
				t.Fatalf("k=%d: bundle[%d]", k, i)
			}
		}
		// Another slot's key, or another chain's, opens nothing.
		if _, err := Open(b.Sealed, slotKey(t, d, 1337, 43)); !errors.Is(err, threshold.ErrDecrypt) {
			t.Fatalf("slot 43's key: %v", err)
		}
		if _, err := Open(b.Sealed, slotKey(t, d, 1, 42)); !errors.Is(err, threshold.ErrDecrypt) {
			t.Fatalf("chain 1's key: %v", err)
		}
	}
}

func TestPayloadBounds(t *testing.T) {
	for _, n := range []int{0, 59, 61, 91, 93} {
		if _, err := ParsePayload(make([]byte, n)); !errors.Is(err, ErrPayloadLength) {
			t.Errorf("%d bytes: %v", n, err)
		}
	}
	for _, n := range []int{60, 92, 60 + 32*1000} {
		if p, err := ParsePayload(make([]byte, n)); err != nil || len(p.Bundle) != (n-60)/32 {
			t.Errorf("%d bytes: %v", n, err)
		}
	}
	big257 := new(big.Int).Lsh(big.NewInt(1), 256)
	for _, v := range []*big.Int{big.NewInt(-1), big257} {
		if _, err := (&Payload{Value: v}).Bytes(); !errors.Is(err, ErrValueRange) {
			t.Errorf("value %v: %v", v, err)
		}
	}
}

func TestCanonicalAndRequest(t *testing.T) {
	d, _ := thresholdtest.Deal(nil, 1, 1)
	b := signedBid(t, d, &Payload{Value: big.NewInt(5), Slot: 7, Bundle: []common.Hash{{1}}})
	canon := b.EncodeCanonical()
	got, err := DecodeCanonical(canon)
	if err != nil || !bytes.Equal(got.EncodeCanonical(), canon) || got.Hash(domain) != b.Hash(domain) {
		t.Fatalf("round trip: %v", err)
	}
	if err := got.VerifySignature(domain); err != nil {
		t.Fatal(err)
	}
	withHash := strings.Replace(string(canon), `{"chainId"`, `{ "hash": "`+b.Hash(domain).Hex()+`", "chainId"`, 1)
	if _, err := DecodeRequest([]byte(withHash), domain); err != nil {
		t.Fatalf("request with its hash: %v", err)
	}
	replace := func(old, new string) string { return strings.Replace(string(canon), old, new, 1) }
	for _, tc := range []struct {
		name, body, code, field string
	}{
		{"not json", "{", wire.CodeBadJSON, ""},
		{"unknown key", replace(`{"chainId"`, `{"x":1,"chainId"`), wire.CodeUnknownField, "x"},
		{"duplicate key", replace(`{"chainId":1337`, `{"chainId":1337,"chainId":1337`), wire.CodeBadJSON, "chainId"},
		{"missing key", replace(`"seq":3,`, ``), wire.CodeMissingField, "seq"},
		{"seq as string", replace(`"seq":3`, `"seq":"3"`), wire.CodeBadField, "seq"},
		{"slot negative", replace(`"slot":7`, `"slot":-7`), wire.CodeBadField, "slot"},
		{"sealed uppercase hex", replace(`"sealed":"0x03`, `"sealed":"0X03`), wire.CodeBadField, "sealed"},
		{"builder short", replace(`"builder":"0x`, `"builder":"0x00`), wire.CodeBadField, "builder"},
		{"wrong hash", replace(`{"chainId"`, `{"hash":"`+common.Hash{1}.Hex()+`","chainId"`), CodeHashMismatch, "hash"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := DecodeRequest([]byte(tc.body), domain)
			var we *wire.Error
			if !errors.As(err, &we) || we.Code != tc.code || we.Field != tc.field {
				t.Fatalf("got %v, want %s/%s", err, tc.code, tc.field)
			}
		})
	}
	// The canonical form admits no other spelling.
	if _, err := DecodeCanonical([]byte(replace(`{"chainId"`, `{ "chainId"`))); err == nil {
		t.Fatal("whitespace accepted in the canonical form")
	}
	if _, err := DecodeCanonical([]byte(withHash)); err == nil {
		t.Fatal("a hash accepted in the canonical form")
	}
	// A rival's sealed payload under another builder's signature verifies
	// as that builder's bid: only opening it shows the inner builder differs.
	thief, _ := crypto.GenerateKey()
	stolen := &Bid{ChainID: 1337, Eon: 1, Slot: 7, Builder: crypto.PubkeyToAddress(thief.PublicKey), Seq: 1, Sealed: b.Sealed}
	if err := stolen.Sign(domain, thief); err != nil {
		t.Fatal(err)
	}
	if err := stolen.VerifySignature(domain); err != nil {
		t.Fatal(err)
	}
	p, err := Open(stolen.Sealed, slotKey(t, d, 1337, 7))
	if err != nil || p.Builder == stolen.Builder {
		t.Fatalf("stolen payload opened as %+v, %v", p, err)
	}
	// A signature by someone else than Builder fails.
	stolen.Builder = b.Builder
	var we *wire.Error
	if err := stolen.VerifySignature(domain); !errors.As(err, &we) || we.Code != CodeBadSignature {
		t.Fatalf("forged signature: %v", err)
	}
}

// FuzzDecodeCanonical: the decoder of bid transactions never panics, and
// whatever it accepts re-encodes to the same bytes.
func FuzzDecodeCanonical(f *testing.F) {
	d, _ := thresholdtest.Deal(nil, 1, 1)
	f.Add(signedBid(f, d, &Payload{Value: big.NewInt(5), Slot: 7}).EncodeCanonical())
	f.Add([]byte(`{"chainId":1,"eon":1,"slot":1,"builder":"0x0000000000000000000000000000000000000000","seq":0,"sealed":"0x","signature":null}`))
	f.Add([]byte(`{}`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		b, err := DecodeCanonical(raw)
		if err != nil {
			return
		}
		if !bytes.Equal(b.EncodeCanonical(), raw) {
			t.Fatalf("accepted a non-canonical spelling: %q", raw)
		}
	})
}

// FuzzParsePayload: opened payloads, attacker-chosen bytes, never panic the
// decoder, and what it accepts encodes back to itself.
func FuzzParsePayload(f *testing.F) {
	f.Add(make([]byte, 60))
	f.Add(make([]byte, 92))
	f.Add([]byte{1, 2, 3})
	f.Fuzz(func(t *testing.T, raw []byte) {
		p, err := ParsePayload(raw)
		if err != nil {
			return
		}
		back, err := p.Bytes()
		if err != nil || !bytes.Equal(back, raw) {
			t.Fatalf("payload round trip: %v", err)
		}
	})
}

// BenchmarkOpen1000 opens one sealed bid whose bundle has 1,000 envelopes:
// the "decrypt one" of issue 6's auction target.
func BenchmarkOpen1000(b *testing.B) {
	d, _ := thresholdtest.Deal(nil, 1, 1)
	p := &Payload{Value: big.NewInt(1), Slot: 42}
	for i := range 1000 {
		p.Bundle = append(p.Bundle, common.BigToHash(big.NewInt(int64(i))))
	}
	// Distinct ciphertexts, as the auction opens: one sealing repeated
	// would keep its data hot and flatter the baseline.
	var sealed [][]byte
	for range 64 {
		c, err := Seal(nil, p, 1337, d.EonKey)
		if err != nil {
			b.Fatal(err)
		}
		sealed = append(sealed, c)
	}
	key := slotKey(b, d, 1337, 42)
	b.SetBytes(int64(len(sealed[0])))
	i := 0
	for b.Loop() {
		if _, err := Open(sealed[i%len(sealed)], key); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkDecodeCanonical1000 decodes a signed bid whose sealed bundle
// has 1,000 envelopes (a 64 KiB JSON body): what every validator does with
// each bid transaction it checks.
func BenchmarkDecodeCanonical1000(b *testing.B) {
	d, _ := thresholdtest.Deal(nil, 1, 1)
	p := &Payload{Value: big.NewInt(1), Slot: 42}
	for i := range 1000 {
		p.Bundle = append(p.Bundle, common.BigToHash(big.NewInt(int64(i))))
	}
	sealed, err := Seal(nil, p, 1337, d.EonKey)
	if err != nil {
		b.Fatal(err)
	}
	key, _ := crypto.GenerateKey()
	x := &Bid{ChainID: 1337, Eon: 1, Slot: 42, Builder: crypto.PubkeyToAddress(key.PublicKey), Seq: 1, Sealed: sealed}
	if err := x.Sign(eip712.Domain{ChainID: 1337}, key); err != nil {
		b.Fatal(err)
	}
	raw := x.EncodeCanonical()
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		if _, err := DecodeCanonical(raw); err != nil {
			b.Fatal(err)
		}
	}
}

// TestBinaryForm: the bid's binary form decodes to the same bid and hash
// as its canonical JSON.
func TestBinaryForm(t *testing.T) {
	d, _ := thresholdtest.Deal(nil, 1, 1)
	b := signedBid(t, d, &Payload{Value: big.NewInt(5), Slot: 7, Bundle: make([]common.Hash, 100)})
	bin := b.EncodeBinary()
	back, err := DecodeTx(bin)
	if err != nil {
		t.Fatal(err)
	}
	fromJSON, err := DecodeTx(b.EncodeCanonical())
	if err != nil {
		t.Fatal(err)
	}
	if back.Hash(domain) != b.Hash(domain) || fromJSON.Hash(domain) != b.Hash(domain) || back.VerifySignature(domain) != nil {
		t.Fatal("the two forms decode to different bids")
	}
	if len(bin)*2 > len(b.EncodeCanonical())+100 {
		t.Fatalf("binary %d bytes, JSON %d", len(bin), len(b.EncodeCanonical()))
	}
	for _, raw := range [][]byte{bin[1:], bin[:30], append(bytes.Clone(bin[:1+8+8+8+20+8+64]), 1)} {
		if _, err := DecodeBinary(raw); err == nil {
			t.Fatalf("accepted %x", raw)
		}
	}
}

// FuzzDecodeBinary: the binary decoder of bid transactions never panics;
// what it accepts re-encodes to the same bytes.
func FuzzDecodeBinary(f *testing.F) {
	d, _ := thresholdtest.Deal(nil, 1, 1)
	f.Add(signedBid(f, d, &Payload{Value: big.NewInt(5), Slot: 7}).EncodeBinary())
	f.Add([]byte{0})
	f.Fuzz(func(t *testing.T, raw []byte) {
		b, err := DecodeBinary(raw)
		if err != nil {
			return
		}
		if !bytes.Equal(b.EncodeBinary(), raw) {
			t.Fatalf("accepted a second spelling: %x", raw)
		}
		if _, err := DecodeCanonical(b.EncodeCanonical()); err != nil {
			t.Fatalf("the JSON form of an accepted bid: %v", err)
		}
	})
}
