package envelope

import (
	"bytes"
	"crypto/ecdsa"
	"errors"
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/common/math"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"

	"github.com/veil-sequencer/veil/eip712"
)

var domain = eip712.Domain{ChainID: 1337, Salt: crypto.Keccak256Hash([]byte("genesis"))}

func signed(t testing.TB) *Envelope {
	t.Helper()
	key, _ := crypto.ToECDSA(crypto.Keccak256([]byte("wallet")))
	e := &Envelope{
		ChainID: 1337, Eon: 1, Sender: crypto.PubkeyToAddress(key.PublicKey),
		Ciphertext: []byte{3, 1, 2}, GasLimit: 21048, MaxFeePerGas: big.NewInt(1_000_000_000),
		Nonce: 4, ValidUntilSlot: 300,
	}
	e.IdentityPrefix[0] = 0xaa
	if err := e.Sign(domain, key); err != nil {
		t.Fatal(err)
	}
	return e
}

func TestHashMatchesGoEthereum(t *testing.T) {
	e := signed(t)
	td := apitypes.TypedData{
		Types: apitypes.Types{
			"EIP712Domain": {{Name: "name", Type: "string"}, {Name: "version", Type: "string"}, {Name: "chainId", Type: "uint256"}, {Name: "salt", Type: "bytes32"}},
			"Envelope": {{Name: "chainId", Type: "uint64"}, {Name: "eon", Type: "uint64"}, {Name: "identityPrefix", Type: "bytes32"},
				{Name: "sender", Type: "address"}, {Name: "ciphertext", Type: "bytes"}, {Name: "gasLimit", Type: "uint64"},
				{Name: "maxFeePerGas", Type: "uint256"}, {Name: "nonce", Type: "uint64"}, {Name: "validUntilSlot", Type: "uint64"}},
		},
		PrimaryType: "Envelope",
		Domain:      apitypes.TypedDataDomain{Name: "Veil", Version: "1", ChainId: math.NewHexOrDecimal256(1337), Salt: domain.Salt.Hex()},
		Message: apitypes.TypedDataMessage{
			"chainId": "1337", "eon": "1", "identityPrefix": hexutil.Encode(e.IdentityPrefix[:]), "sender": e.Sender.Hex(),
			"ciphertext": hexutil.Encode(e.Ciphertext), "gasLimit": "21048", "maxFeePerGas": "1000000000",
			"nonce": "4", "validUntilSlot": "300",
		},
	}
	want, _, err := apitypes.TypedDataAndHash(td)
	if err != nil {
		t.Fatal(err)
	}
	if e.Hash(domain) != common.BytesToHash(want) {
		t.Fatalf("hash %s, go-ethereum %x", e.Hash(domain), want)
	}
	if err := e.VerifySignature(domain); err != nil {
		t.Fatal(err)
	}
	other := domain
	other.Salt[0] ^= 1
	var ee *Error
	if err := e.VerifySignature(other); !errors.As(err, &ee) || ee.Code != CodeBadSignature {
		t.Fatalf("another deployment's domain: %v", err)
	}
}

func TestCanonicalRoundTrip(t *testing.T) {
	e := signed(t)
	enc := e.EncodeCanonical()
	back, err := DecodeCanonical(enc)
	if err != nil {
		t.Fatalf("%v\n%s", err, enc)
	}
	if !bytes.Equal(back.EncodeCanonical(), enc) || back.Hash(domain) != e.Hash(domain) {
		t.Fatal("round trip differs")
	}
	// The API form: whitespace, an EIP-55 sender, v in {0,1}, the hash.
	api := strings.ReplaceAll(string(enc), `,"`, ",\n  \"")
	api = strings.Replace(api, hexutil.Encode(e.Sender[:]), e.Sender.Hex(), 1)
	sig := bytes.Clone(e.Signature)
	sig[64] -= 27
	api = strings.Replace(api, hexutil.Encode(e.Signature), hexutil.Encode(sig), 1)
	api = strings.Replace(api, "{", `{"hash": "`+e.Hash(domain).Hex()+`", `, 1)
	req, err := DecodeRequest([]byte(api), domain)
	if err != nil {
		t.Fatalf("%v\n%s", err, api)
	}
	if err := req.VerifySignature(domain); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(req.EncodeCanonical(), enc) {
		t.Fatalf("API form does not canonicalise to the chain form:\n%s\n%s", req.EncodeCanonical(), enc)
	}
	for _, variant := range []string{api, strings.Replace(string(enc), `"eon":1`, `"eon": 1`, 1)} {
		if _, err := DecodeCanonical([]byte(variant)); err == nil {
			t.Fatalf("canonical decoder accepted %s", variant)
		}
	}
}

func TestBadInput(t *testing.T) {
	e := signed(t)
	good := string(e.EncodeCanonical())
	sub := func(old, new string) string {
		if !strings.Contains(good, old) {
			t.Fatalf("test edit %q matches nothing", old)
		}
		return strings.Replace(good, old, new, 1)
	}
	ct := hexutil.Encode(e.Ciphertext)
	for _, tc := range []struct {
		name, in, code, field string
	}{
		{"empty", "", CodeBadJSON, ""},
		{"truncated", good[:len(good)-5], CodeBadJSON, ""},
		{"array", "[]", CodeBadJSON, ""},
		{"trailing", good + "{}", CodeBadJSON, ""},
		{"unknown field", sub(`{"chainId"`, `{"gasPrice":1,"chainId"`), CodeUnknownField, "gasPrice"},
		{"duplicate key", sub(`"nonce":4`, `"nonce":4,"nonce":5`), CodeBadJSON, "nonce"},
		{"missing field", sub(`"nonce":4,`, ``), CodeMissingField, "nonce"},
		{"string for integer", sub(`"nonce":4`, `"nonce":"4"`), CodeBadField, "nonce"},
		{"exponent", sub(`"nonce":4`, `"nonce":4e0`), CodeBadField, "nonce"},
		{"fraction", sub(`"nonce":4`, `"nonce":4.0`), CodeBadField, "nonce"},
		{"negative", sub(`"nonce":4`, `"nonce":-4`), CodeBadField, "nonce"},
		{"uint64 overflow", sub(`"nonce":4`, `"nonce":18446744073709551616`), CodeBadField, "nonce"},
		{"number for uint256", sub(`"maxFeePerGas":"1000000000"`, `"maxFeePerGas":1000000000`), CodeBadField, "maxFeePerGas"},
		{"leading zero uint256", sub(`"maxFeePerGas":"1000000000"`, `"maxFeePerGas":"01000000000"`), CodeBadField, "maxFeePerGas"},
		{"hex uint256", sub(`"maxFeePerGas":"1000000000"`, `"maxFeePerGas":"0x3b9aca00"`), CodeBadField, "maxFeePerGas"},
		{"uint256 overflow", sub(`"maxFeePerGas":"1000000000"`, `"maxFeePerGas":"`+new(big.Int).Lsh(big.NewInt(1), 256).String()+`"`), CodeBadField, "maxFeePerGas"},
		{"no 0x", sub(`"ciphertext":"`+ct, `"ciphertext":"`+ct[2:]), CodeBadField, "ciphertext"},
		{"odd hex", sub(`"ciphertext":"`+ct, `"ciphertext":"`+ct+"0"), CodeBadField, "ciphertext"},
		{"uppercase hex", sub(`"ciphertext":"`+ct, `"ciphertext":"`+strings.ToUpper(ct[:2])+ct[2:]), CodeBadField, "ciphertext"},
		{"short prefix", sub(`"identityPrefix":"0xaa`, `"identityPrefix":"0xaa00`), CodeBadField, "identityPrefix"},
		{"0X prefix", sub(`"sender":"0x`, `"sender":"0X`), CodeBadField, "sender"},
		{"bad checksum", sub(hexutil.Encode(e.Sender[:]), badChecksum(e.Sender)), CodeBadField, "sender"},
		{"short signature", sub(`"signature":"0x`, `"signature":"0x00`), CodeBadField, "signature"},
		{"null field", sub(`"eon":1`, `"eon":null`), CodeBadField, "eon"},
		{"wrong hash", strings.Replace(good, "{", `{"hash":"`+common.Hash{1}.Hex()+`",`, 1), CodeHashMismatch, "hash"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := DecodeRequest([]byte(tc.in), domain)
			var ee *Error
			if !errors.As(err, &ee) || ee.Code != tc.code || ee.Field != tc.field {
				t.Fatalf("got %v, want code %s field %q", err, tc.code, tc.field)
			}
		})
	}
	// A valid EIP-55 sender, but the signature of another key.
	key2, _ := crypto.ToECDSA(crypto.Keccak256([]byte("intruder")))
	forged := *e
	forged.Signature, _ = eip712.Sign(e.Hash(domain), key2)
	if err := forged.VerifySignature(domain); err == nil {
		t.Fatal("another key's signature verified")
	}
}

func FuzzDecodeRequest(f *testing.F) {
	e := signed(f)
	f.Add(e.EncodeCanonical())
	f.Add([]byte(`{"chainId":1}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		e, err := DecodeRequest(b, domain)
		if err != nil {
			var ee *Error
			if !errors.As(err, &ee) {
				t.Fatalf("untyped error %v", err)
			}
			return
		}
		back, err := DecodeCanonical(e.EncodeCanonical())
		if err != nil || back.Hash(domain) != e.Hash(domain) {
			t.Fatalf("accepted envelope does not canonicalise: %v", err)
		}
	})
}

func FuzzDecodeCanonical(f *testing.F) {
	f.Add(signed(f).EncodeCanonical())
	f.Fuzz(func(t *testing.T, b []byte) {
		e, err := DecodeCanonical(b)
		if err == nil && !bytes.Equal(e.EncodeCanonical(), b) {
			t.Fatal("accepted a non-canonical encoding")
		}
	})
}

// badChecksum is the EIP-55 spelling of a with the case of one letter flipped.
func badChecksum(a common.Address) string {
	s := []byte(a.Hex())
	for i := 2; i < len(s); i++ {
		if s[i] >= 'a' && s[i] <= 'f' {
			s[i] -= 'a' - 'A'
			return string(s)
		}
		if s[i] >= 'A' && s[i] <= 'F' {
			s[i] += 'a' - 'A'
			return string(s)
		}
	}
	panic("address without letters")
}

// TestBinaryForm: the binary form decodes to the same envelope and hash as
// the canonical JSON, in about half the bytes, and has one spelling: each
// other spelling of a field is refused naming it.
func TestBinaryForm(t *testing.T) {
	e := signed(t)
	e.Ciphertext = bytes.Repeat([]byte{7}, 500)
	if err := e.Sign(domain, mustKey()); err != nil {
		t.Fatal(err)
	}
	bin := e.EncodeBinary()
	back, err := DecodeTx(bin)
	if err != nil {
		t.Fatal(err)
	}
	fromJSON, err := DecodeTx(e.EncodeCanonical())
	if err != nil {
		t.Fatal(err)
	}
	if back.Hash(domain) != e.Hash(domain) || fromJSON.Hash(domain) != e.Hash(domain) || !bytes.Equal(back.EncodeCanonical(), e.EncodeCanonical()) {
		t.Fatal("the two forms decode to different envelopes")
	}
	if err := back.VerifySignature(domain); err != nil {
		t.Fatal(err)
	}
	if len(bin)*2 > len(e.EncodeCanonical())+100 {
		t.Fatalf("binary %d bytes, JSON %d", len(bin), len(e.EncodeCanonical()))
	}
	feeAt := 1 + 8 + 8 + 32 + 20 + 8
	sigAt := feeAt + 1 + len(e.MaxFeePerGas.Bytes()) + 16
	edit := func(f func(b []byte) []byte) []byte { return f(bytes.Clone(bin)) }
	for _, tc := range []struct {
		name, field string
		raw         []byte
	}{
		{"another marker", "", edit(func(b []byte) []byte { b[0] = 1; return b })},
		{"cut in a fixed field", "identityPrefix", bin[:20]},
		{"fee with a leading zero", "maxFeePerGas", edit(func(b []byte) []byte {
			b[feeAt]++
			return append(b[:feeAt+1], append([]byte{0}, b[feeAt+1:]...)...)
		})},
		{"fee over 32 bytes", "maxFeePerGas", edit(func(b []byte) []byte { b[feeAt] = 33; return b })},
		{"v as 0/1", "signature", edit(func(b []byte) []byte { b[sigAt+64] -= 27; return b })},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := DecodeBinary(tc.raw)
			var we *Error
			if !errors.As(err, &we) || we.Field != tc.field {
				t.Fatalf("got %v, want an error naming %q", err, tc.field)
			}
		})
	}
}

func mustKey() *ecdsa.PrivateKey {
	key, _ := crypto.ToECDSA(crypto.Keccak256([]byte("wallet")))
	return key
}

// FuzzDecodeBinary: the binary decoder never panics; what it accepts
// re-encodes to the same bytes and to the canonical JSON of the same hash.
func FuzzDecodeBinary(f *testing.F) {
	f.Add(signed(f).EncodeBinary())
	f.Add([]byte{0})
	f.Fuzz(func(t *testing.T, b []byte) {
		e, err := DecodeBinary(b)
		if err != nil {
			var ee *Error
			if !errors.As(err, &ee) {
				t.Fatalf("untyped error %v", err)
			}
			return
		}
		if !bytes.Equal(e.EncodeBinary(), b) {
			t.Fatal("accepted a second spelling")
		}
		back, err := DecodeCanonical(e.EncodeCanonical())
		if err != nil || back.Hash(domain) != e.Hash(domain) {
			t.Fatalf("the JSON form of an accepted envelope: %v", err)
		}
	})
}
