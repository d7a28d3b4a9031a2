package decrypt

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/veil-sequencer/veil/envelope"
	"github.com/veil-sequencer/veil/threshold"
	"github.com/veil-sequencer/veil/threshold/thresholdtest"
)

func signed(t *testing.T, key *ecdsa.PrivateKey, chainID int64, gas uint64, legacy bool) []byte {
	t.Helper()
	to := common.Address{7}
	var inner types.TxData = &types.DynamicFeeTx{ChainID: big.NewInt(chainID), Gas: gas, To: &to, Value: big.NewInt(1), GasFeeCap: big.NewInt(1), GasTipCap: big.NewInt(1)}
	signer := types.LatestSignerForChainID(big.NewInt(chainID))
	if legacy {
		inner = &types.LegacyTx{Gas: gas, To: &to, Value: big.NewInt(1), GasPrice: big.NewInt(1)}
		signer = types.HomesteadSigner{} // no EIP-155: replayable on any chain
	}
	tx, err := types.SignNewTx(key, signer, inner)
	if err != nil {
		t.Fatal(err)
	}
	b, err := tx.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// unsigned is raw with its signature's r set to 0: it still decodes, and
// recovers no signer.
func unsigned(t *testing.T, raw []byte) []byte {
	t.Helper()
	var tx types.Transaction
	if err := tx.UnmarshalBinary(raw); err != nil {
		t.Fatal(err)
	}
	sig := make([]byte, 65)
	sig[63] = 1
	bad, err := tx.WithSignature(types.LatestSignerForChainID(tx.ChainId()), sig)
	if err != nil {
		t.Fatal(err)
	}
	out, err := bad.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestBundle: each plaintext rule gives its own reason; a good one is
// decrypted with its rollup tx hash; all in bundle order.
func TestBundle(t *testing.T) {
	d, err := thresholdtest.Deal(nil, 1, 1)
	if err != nil {
		t.Fatal(err)
	}
	wallet, _ := crypto.ToECDSA(crypto.Keccak256([]byte("decrypt wallet")))
	other, _ := crypto.ToECDSA(crypto.Keccak256([]byte("decrypt other")))
	sender := crypto.PubkeyToAddress(wallet.PublicKey)
	good := signed(t, wallet, 1337, 21000, false)
	var goodTx types.Transaction
	_ = goodTx.UnmarshalBinary(good)
	for _, tc := range []struct {
		name      string
		plaintext []byte
		wrongKey  bool
		status    string
		reason    string
	}{
		{"a good transaction", good, false, Decrypted, ""},
		{"garbage", []byte("not a transaction"), false, Invalid, ReasonBadEncoding},
		{"signed by someone else (a relayed transaction)", signed(t, other, 1337, 21000, false), false, Decrypted, ""},
		{"a signature that recovers no signer", unsigned(t, good), false, Invalid, ReasonWrongSigner},
		{"for another chain", signed(t, wallet, 1, 21000, false), false, Invalid, ReasonWrongChain},
		{"legacy without EIP-155", signed(t, wallet, 1337, 21000, true), false, Invalid, ReasonWrongChain},
		{"more gas than the envelope", signed(t, wallet, 1337, 1_000_000, false), false, Invalid, ReasonGasExceeds},
		{"another identity's key", good, true, Invalid, ReasonBadCiphertext},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := &envelope.Envelope{ChainID: 1337, Eon: 1, Sender: sender, GasLimit: 100_000, MaxFeePerGas: big.NewInt(1)}
			e.IdentityPrefix[0] = 1
			ct, err := threshold.Encrypt(nil, tc.plaintext, d.EonKey, e.Identity().Point())
			if err != nil {
				t.Fatal(err)
			}
			e.Ciphertext = ct.Bytes()
			id := e.Identity()
			if tc.wrongKey {
				id = threshold.Identity{9}
			}
			key, err := d.Key(id.Point())
			if err != nil {
				t.Fatal(err)
			}
			res, err := Bundle(context.Background(), []*envelope.Envelope{e, e}, []*threshold.IdentityKey{key, key})
			if err != nil || len(res) != 2 {
				t.Fatal(res, err)
			}
			r := res[1]
			if r.Status != tc.status || r.Reason != tc.reason {
				t.Fatalf("got %s %s, want %s %s", r.Status, r.Reason, tc.status, tc.reason)
			}
			var want types.Transaction
			_ = want.UnmarshalBinary(tc.plaintext)
			if tc.status == Decrypted && (r.TxHash != want.Hash() || r.PlaintextHash() != crypto.Keccak256Hash(tc.plaintext)) {
				t.Fatalf("decrypted with tx hash %s, plaintext hash %s", r.TxHash, r.PlaintextHash())
			}
			if tc.reason != ReasonBadCiphertext && string(r.Plaintext) != string(tc.plaintext) {
				t.Fatal("plaintext lost")
			}
		})
	}
	if _, err := Bundle(context.Background(), make([]*envelope.Envelope, 1), nil); err != ErrKeyCount {
		t.Fatalf("keys for no envelope: %v", err)
	}
}

// bundle is n envelopes from one wallet, each a valid transaction
// encrypted to its own identity, with their keys.
func bundle(tb testing.TB, n int) ([]*envelope.Envelope, []*threshold.IdentityKey) {
	tb.Helper()
	d, err := thresholdtest.Deal(nil, 1, 1)
	if err != nil {
		tb.Fatal(err)
	}
	wallet, _ := crypto.ToECDSA(crypto.Keccak256([]byte("decrypt wallet")))
	signer := types.LatestSignerForChainID(big.NewInt(1337))
	envs := make([]*envelope.Envelope, n)
	keys := make([]*threshold.IdentityKey, n)
	errs := make([]error, n)
	threshold.Parallel(n, func(i int) {
		tx, err := types.SignNewTx(wallet, signer, &types.DynamicFeeTx{ChainID: big.NewInt(1337), Nonce: uint64(i), Gas: 21000,
			To: &common.Address{7}, Value: big.NewInt(1), GasFeeCap: big.NewInt(1), GasTipCap: big.NewInt(1)})
		if err != nil {
			errs[i] = err
			return
		}
		plain, _ := tx.MarshalBinary()
		e := &envelope.Envelope{ChainID: 1337, Eon: 1, Sender: crypto.PubkeyToAddress(wallet.PublicKey), GasLimit: 100_000,
			MaxFeePerGas: big.NewInt(1), Nonce: uint64(i)}
		e.IdentityPrefix[0], e.IdentityPrefix[1] = byte(i), byte(i>>8)
		ct, err := threshold.Encrypt(nil, plain, d.EonKey, e.Identity().Point())
		if err != nil {
			errs[i] = err
			return
		}
		e.Ciphertext = ct.Bytes()
		envs[i] = e
		keys[i], errs[i] = d.Key(e.Identity().Point())
	})
	for _, err := range errs {
		if err != nil {
			tb.Fatal(err)
		}
	}
	return envs, keys
}

// TestBundleOrder: results come back at their envelopes' places whatever
// core decrypted them, a wrong key failing only its own; a cancelled
// context stops the bundle with its error.
func TestBundleOrder(t *testing.T) {
	envs, keys := bundle(t, 24)
	keys[9] = keys[10]
	res, err := Bundle(context.Background(), envs, keys)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range res {
		var tx types.Transaction
		switch {
		case i == 9:
			if r.Reason != ReasonBadCiphertext {
				t.Errorf("envelope 9 with envelope 10's key: %s %s", r.Status, r.Reason)
			}
		case r.Status != Decrypted || tx.UnmarshalBinary(r.Plaintext) != nil || tx.Nonce() != uint64(i):
			t.Errorf("envelope %d: %s %s, nonce %d", i, r.Status, r.Reason, tx.Nonce())
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if res, err := Bundle(ctx, envs, keys); !errors.Is(err, context.Canceled) || res != nil {
		t.Fatalf("cancelled: %v, %v", len(res), err)
	}
}

// BenchmarkBundle1000 is a node's or a client's decryption of a committed
// 1,000-envelope bundle on every core: each ciphertext decoded from bytes,
// decrypted and judged (one signer recovery).
func BenchmarkBundle1000(b *testing.B) {
	envs, keys := bundle(b, 1000)
	for b.Loop() {
		res, err := Bundle(context.Background(), envs, keys)
		if err != nil || res[999].Status != Decrypted {
			b.Fatal(err, res[999])
		}
	}
}
