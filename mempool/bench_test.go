package mempool

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/veil-sequencer/veil/envelope"
	"github.com/veil-sequencer/veil/threshold"
	"github.com/veil-sequencer/veil/threshold/thresholdtest"
)

// Baselines for issue 5's ingest target: server CPU per envelope ≤ 2.5 ×
// (ecrecover + G2 point decode with subgroup check).

func BenchmarkBaselineEcrecover(b *testing.B) {
	key, _ := crypto.GenerateKey()
	digest := crypto.Keccak256([]byte("x"))
	sig, _ := crypto.Sign(digest, key)
	for b.Loop() {
		if _, err := crypto.Ecrecover(digest, sig); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBaselineG2Decode(b *testing.B) {
	d, _ := thresholdtest.Deal(nil, 1, 1)
	raw := d.EonKey.Bytes()
	for b.Loop() {
		if _, err := threshold.ParseEonPublicKey(raw); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAdmit runs every admission rule on a valid envelope, signature
// and ciphertext checks included (JSON decoding and storage excluded).
func BenchmarkAdmit(b *testing.B) {
	d, _ := thresholdtest.Deal(nil, 1, 1)
	key, _ := crypto.GenerateKey()
	alice := crypto.PubkeyToAddress(key.PublicKey)
	p := testParams(common.Hash{1})
	ct, _ := threshold.Encrypt(nil, make([]byte, 200), d.EonKey, threshold.TxIdentity([32]byte{}, alice).Point())
	e := &envelope.Envelope{ChainID: 1337, Eon: 1, Sender: alice, Ciphertext: ct.Bytes(),
		GasLimit: 100_000, MaxFeePerGas: big.NewInt(1), Nonce: 0, ValidUntilSlot: 10}
	if err := e.Sign(p.Domain, key); err != nil {
		b.Fatal(err)
	}
	v := &fakeView{slot: 1, eon: 1, accounts: map[common.Address]Account{alice: {Deposit: big.NewInt(1e18)}},
		used: map[threshold.Identity]bool{}}
	for b.Loop() {
		if _, rej := Admit(e, v, p); rej != nil {
			b.Fatal(rej)
		}
	}
}
