package contracts

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// TestSequencerRegistry: a keyper registers with at least the minimum
// stake and its CometBFT key and proof (kept for Veil to check), and asks
// to exit once; every other attempt reverts with its named error and
// changes nothing.
func TestSequencerRegistry(t *testing.T) {
	chain := newL1(t)
	minStake := new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)
	addr, _, reg, err := DeploySequencerRegistry(chain.auth(t), chain.sim.Client(), minStake, 600)
	if err != nil {
		t.Fatal(err)
	}
	chain.sim.Commit()
	a, b, c := chain.others[1], chain.others[2], chain.others[3]
	keyA := crypto.Keccak256Hash([]byte("comet key a"))
	proof := bytes.Repeat([]byte{7}, 64)
	pay := func(key *ecdsa.PrivateKey, wei *big.Int) *bind.TransactOpts {
		o := chain.authOf(t, key)
		o.Value = wei
		return o
	}
	if _, err := reg.Register(pay(a, minStake), keyA, proof); err != nil {
		t.Fatal(err)
	}
	chain.sim.Commit()
	it, err := reg.FilterRegistered(&bind.FilterOpts{}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !it.Next() {
		t.Fatal("no Registered event")
	}
	ev := it.Event
	if ev.Registration != 0 || ev.Keyper != crypto.PubkeyToAddress(a.PublicKey) || ev.CometPubKey != keyA ||
		!bytes.Equal(ev.CometSig, proof) || ev.Stake.Cmp(minStake) != 0 || it.Next() {
		t.Fatalf("Registered %+v", ev)
	}
	of, err := reg.RegistrationOf(&bind.CallOpts{}, crypto.PubkeyToAddress(a.PublicKey))
	if err != nil || !of.Ok || of.Registration != 0 {
		t.Fatalf("registrationOf: %+v %v", of, err)
	}
	state := func() string {
		count, err := reg.RegistrationCount(&bind.CallOpts{})
		if err != nil {
			t.Fatal(err)
		}
		bal, err := chain.sim.Client().BalanceAt(context.Background(), addr, nil)
		if err != nil {
			t.Fatal(err)
		}
		r, err := reg.Registrations(&bind.CallOpts{}, big.NewInt(0))
		if err != nil {
			t.Fatal(err)
		}
		return count.String() + " " + bal.String() + " " + big.NewInt(int64(r.ExitRequestedAt)).String()
	}
	refused := func(name string, call func() error, revert string) {
		t.Helper()
		before := state()
		if err := call(); err == nil || !strings.Contains(revertName(SequencerRegistryMetaData, err), revert) {
			t.Fatalf("%s: got %v, want a revert %s", name, err, revert)
		}
		chain.sim.Commit()
		if after := state(); after != before {
			t.Fatalf("%s changed the registry: %s → %s", name, before, after)
		}
	}
	under := new(big.Int).Sub(minStake, big.NewInt(1))
	refused("a second registration", func() error { _, err := reg.Register(pay(a, minStake), keyA, proof); return err }, "AlreadyRegistered")
	refused("stake below the minimum", func() error { _, err := reg.Register(pay(b, under), keyA, proof); return err }, "StakeTooLow")
	refused("a zero CometBFT key", func() error { _, err := reg.Register(pay(b, minStake), common.Hash{}, proof); return err }, "ZeroCometKey")
	refused("a short proof", func() error { _, err := reg.Register(pay(b, minStake), keyA, proof[:63]); return err }, "BadProofLength")
	refused("an exit without a registration", func() error { _, err := reg.RequestExit(pay(c, nil)); return err }, "NotRegistered")

	if _, err := reg.RequestExit(pay(a, nil)); err != nil {
		t.Fatal(err)
	}
	chain.sim.Commit()
	exits, err := reg.FilterExitRequested(&bind.FilterOpts{}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !exits.Next() || exits.Event.Registration != 0 || exits.Event.RequestedAt == 0 {
		t.Fatal("no ExitRequested event for registration 0")
	}
	r, err := reg.Registrations(&bind.CallOpts{}, big.NewInt(0))
	if err != nil || r.ExitRequestedAt != exits.Event.RequestedAt || r.Stake.Cmp(minStake) != 0 {
		t.Fatalf("registration 0: %+v %v", r, err)
	}
	refused("a second exit", func() error { _, err := reg.RequestExit(pay(a, nil)); return err }, "AlreadyExiting")
	// The same CometBFT key from another keyper is L1's to take and Veil's
	// to skip (L1 cannot check ed25519).
	if _, err := reg.Register(pay(b, minStake), keyA, proof); err != nil {
		t.Fatalf("another keyper with the same key: %v", err)
	}
}

// BenchmarkRegisterGas reports the gas of a registration (the second one,
// as most are) with a 64-byte proof.
func BenchmarkRegisterGas(b *testing.B) {
	chain := newL1(b)
	stake := big.NewInt(1e18)
	addr, _, reg, err := DeploySequencerRegistry(chain.auth(b), chain.sim.Client(), stake, 600)
	if err != nil {
		b.Fatal(err)
	}
	chain.sim.Commit()
	first := chain.authOf(b, chain.others[1])
	first.Value = stake
	if _, err := reg.Register(first, common.Hash{1}, make([]byte, 64)); err != nil {
		b.Fatal(err)
	}
	chain.sim.Commit()
	parsed, _ := SequencerRegistryMetaData.GetAbi()
	input, err := parsed.Pack("register", [32]byte{2}, bytes.Repeat([]byte{7}, 64))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(chain.gasTo(b, addr, input, stake)), "gas")
}
