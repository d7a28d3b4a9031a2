package chain

import (
	"context"
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/veil-sequencer/veil/dkg"
)

// FuzzCheckTx feeds outside bytes to the transaction handler: it must answer
// (accept or reject with a code), never fail or panic, and change nothing.
func FuzzCheckTx(f *testing.F) {
	a := newApp(f)
	if _, err := a.app.InitChain(context.Background(), &abci.RequestInitChain{AppStateBytes: a.genesis}); err != nil {
		f.Fatal(err)
	}
	f.Add(a.tx(0, 0))
	f.Add([]byte{TxEnvelope, '{', '}'})
	f.Add([]byte{TxBid})
	f.Add([]byte{TxWithdraw, '{', '}'})
	f.Add([]byte{TxDKG, '{', '}'})
	key, _ := crypto.ToECDSA(crypto.Keccak256([]byte("a fuzzed keyper")))
	k, err := dkg.New(dkg.Config{ChainID: 1337, Eon: 2, Threshold: 1, Keypers: []common.Address{crypto.PubkeyToAddress(key.PublicKey)}}, 1, key, nil)
	if err != nil {
		f.Fatal(err)
	}
	announce, err := k.Start()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(append([]byte{TxDKG}, announce.Encode()...)) // no DKG runs: dkg_not_running
	f.Add([]byte{})
	before := a.store.AppHash()
	f.Fuzz(func(t *testing.T, tx []byte) {
		res, err := a.app.CheckTx(context.Background(), &abci.RequestCheckTx{Tx: tx})
		if err != nil {
			t.Fatalf("CheckTx failed instead of rejecting: %v", err)
		}
		if res.Code != 0 && res.Log == "" {
			t.Fatal("rejection without a reason")
		}
		if a.store.AppHash() != before || a.store.Height() != 0 {
			t.Fatal("CheckTx changed the state")
		}
	})
}
