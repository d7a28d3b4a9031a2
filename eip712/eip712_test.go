package eip712

import (
	"errors"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/common/math"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"
)

// TestAgainstGoEthereum hashes a message with every field kind Veil uses by
// hand and with go-ethereum's reference TypedData implementation.
func TestAgainstGoEthereum(t *testing.T) {
	const typ = "Sample(uint64 chainId,address sender,bytes data,uint64[] list,bytes[] blobs,bytes32[] words,bytes32 root)"
	d := Domain{ChainID: 10, Salt: common.HexToHash("0x1234")}
	sender := common.HexToAddress("0x00000000000000000000000000000000000a11ce")
	data := []byte{1, 2, 3}
	list := []uint64{5, 1 << 40}
	blobs := [][]byte{{9}, {}, {7, 7}}
	words := [][32]byte{{1}, {2}}
	root := common.HexToHash("0xabcdef")

	got := d.Digest(HashStruct(TypeHash(typ), EncodeUint64(10), EncodeAddress(sender), EncodeBytes(data),
		EncodeUint64Array(list), EncodeBytesArray(blobs), EncodeBytes32Array(words), root))

	td := apitypes.TypedData{
		Types: apitypes.Types{
			"EIP712Domain": {{Name: "name", Type: "string"}, {Name: "version", Type: "string"}, {Name: "chainId", Type: "uint256"}, {Name: "salt", Type: "bytes32"}},
			"Sample": {{Name: "chainId", Type: "uint64"}, {Name: "sender", Type: "address"}, {Name: "data", Type: "bytes"},
				{Name: "list", Type: "uint64[]"}, {Name: "blobs", Type: "bytes[]"}, {Name: "words", Type: "bytes32[]"}, {Name: "root", Type: "bytes32"}},
		},
		PrimaryType: "Sample",
		Domain:      apitypes.TypedDataDomain{Name: Name, Version: Version, ChainId: math.NewHexOrDecimal256(10), Salt: d.Salt.Hex()},
		Message: apitypes.TypedDataMessage{
			"chainId": "10", "sender": sender.Hex(), "data": hexutil.Encode(data),
			"list":  []interface{}{"5", "1099511627776"},
			"blobs": []interface{}{"0x09", "0x", "0x0707"},
			"words": []interface{}{hexutil.Encode(words[0][:]), hexutil.Encode(words[1][:])},
			"root":  root.Hex(),
		},
	}
	want, _, err := apitypes.TypedDataAndHash(td)
	if err != nil {
		t.Fatal(err)
	}
	if got != common.BytesToHash(want) {
		t.Fatalf("digest %s, go-ethereum %x", got, want)
	}
}

func TestSignatures(t *testing.T) {
	key, _ := crypto.ToECDSA(common.FromHex("0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"))
	addr := crypto.PubkeyToAddress(key.PublicKey)
	digest := crypto.Keccak256Hash([]byte("veil"))
	sig, err := Sign(digest, key)
	if err != nil {
		t.Fatal(err)
	}
	if sig[64] != 27 && sig[64] != 28 {
		t.Fatalf("v = %d", sig[64])
	}
	if err := Verify(digest, sig, addr); err != nil {
		t.Fatal(err)
	}
	v01 := append([]byte(nil), sig...)
	v01[64] -= 27
	if err := Verify(digest, v01, addr); err != nil {
		t.Fatalf("v in {0,1}: %v", err)
	}
	// The same signature with s' = n − s is valid ECDSA but high-s.
	high := append([]byte(nil), sig...)
	s := new(big.Int).Sub(secp256k1N, new(big.Int).SetBytes(sig[32:64]))
	s.FillBytes(high[32:64])
	high[64] = 27 + 28 - high[64] // the other parity
	for _, tc := range []struct {
		name string
		sig  []byte
		want error
	}{
		{"short", sig[:64], ErrSignatureLength},
		{"v 29", append(append([]byte(nil), sig[:64]...), 29), ErrSignatureV},
		{"high s", high, ErrHighS},
		{"zero r", append(make([]byte, 32), sig[32:]...), ErrSignature},
		{"other digest", sig, ErrSigner},
	} {
		d := digest
		if tc.name == "other digest" {
			d = crypto.Keccak256Hash([]byte("other"))
		}
		if err := Verify(d, tc.sig, addr); !errors.Is(err, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, err, tc.want)
		}
	}
}
