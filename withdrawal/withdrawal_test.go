package withdrawal

import (
	"errors"
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/wire"
)

var testDomain = eip712.Domain{ChainID: 1337, Salt: common.Hash{3}}

func signed(t testing.TB) *Withdrawal {
	t.Helper()
	k, _ := crypto.ToECDSA(crypto.Keccak256([]byte("withdrawing account")))
	w := &Withdrawal{ChainID: 1337, Account: crypto.PubkeyToAddress(k.PublicKey), Recipient: common.Address{0xbe},
		Amount: big.NewInt(5e17), WithdrawNonce: 2, Fee: big.NewInt(100_000)}
	if err := w.Sign(testDomain, k); err != nil {
		t.Fatal(err)
	}
	return w
}

// TestCanonical: the canonical form round-trips and is what a chain
// transaction must be; any other spelling, an unknown or missing field, or
// a signature by someone else is refused naming what is wrong.
func TestCanonical(t *testing.T) {
	w := signed(t)
	raw := w.EncodeCanonical()
	got, err := DecodeCanonical(raw)
	if err != nil {
		t.Fatal(err)
	}
	if got.Hash(testDomain) != w.Hash(testDomain) || got.VerifySignature(testDomain) != nil {
		t.Fatal("round trip changed the withdrawal")
	}
	spaced := strings.Replace(string(raw), `,"fee"`, `, "fee"`, 1)
	if _, err := DecodeRequest([]byte(spaced), testDomain); err != nil {
		t.Fatalf("a request with whitespace: %v", err)
	}
	other := *w
	other.Amount = big.NewInt(6e17) // signed for 5e17
	for _, tc := range []struct {
		name, raw, code, field string
		canonical              bool
	}{
		{"whitespace in a chain transaction", spaced, wire.CodeBadJSON, "", true},
		{"amount as a number", strings.Replace(string(raw), `"amount":"500000000000000000"`, `"amount":500000000000000000`, 1), wire.CodeBadField, "amount", true},
		{"unknown field", strings.Replace(string(raw), `{"chainId"`, `{"x":1,"chainId"`, 1), wire.CodeUnknownField, "x", false},
		{"missing fee", strings.Replace(string(raw), `"fee":"100000",`, ``, 1), wire.CodeMissingField, "fee", false},
		{"wrong claimed hash", strings.Replace(string(raw), `{"chainId"`, `{"hash":"0x`+strings.Repeat("11", 32)+`","chainId"`, 1), wire.CodeHashMismatch, "hash", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			if tc.canonical {
				_, err = DecodeCanonical([]byte(tc.raw))
			} else {
				_, err = DecodeRequest([]byte(tc.raw), testDomain)
			}
			var we *wire.Error
			if !errors.As(err, &we) || we.Code != tc.code || (tc.field != "" && we.Field != tc.field) {
				t.Fatalf("%v, want %s (%s)", err, tc.code, tc.field)
			}
		})
	}
	if err := other.VerifySignature(testDomain); err == nil {
		t.Fatal("an altered amount kept its signature")
	}
}

// FuzzDecode: any bytes decode or are refused with a wire error, never a
// panic; what decodes re-encodes to the same canonical bytes.
func FuzzDecode(f *testing.F) {
	f.Add(signed(f).EncodeCanonical())
	f.Add([]byte(`{"chainId":1}`))
	f.Add([]byte(`{}`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		w, err := DecodeCanonical(raw)
		if err != nil {
			var we *wire.Error
			if !errors.As(err, &we) {
				t.Fatalf("not a wire error: %v", err)
			}
			return
		}
		if string(w.EncodeCanonical()) != string(raw) {
			t.Fatal("decoded a non-canonical spelling")
		}
	})
}
