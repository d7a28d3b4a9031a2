package contracts

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/veil-sequencer/veil/threshold/thresholdtest"
)

// TestSequencerRegistry walks registrations through their life: register
// with at least the minimum stake and a CometBFT key with its proof (kept
// for Veil to check), ask to exit once, withdraw only once every eon the
// keyper is in has retired and exitDelay has passed, be slashed by the eon
// in charge once per evidence; eon keys registered by the eon in charge,
// each above the last. Every refusal reverts with its named error and
// changes nothing.
func TestSequencerRegistry(t *testing.T) {
	v := newVeil(t)
	reg := v.reg
	ctx := context.Background()
	a, c, b := v.others[1], v.others[2], v.others[3] // a and c are genesis keypers, b is not
	keyA := crypto.Keccak256Hash([]byte("comet key a"))
	proof := bytes.Repeat([]byte{7}, 64)
	pay := func(key *ecdsa.PrivateKey, wei *big.Int) *bind.TransactOpts {
		o := v.authOf(t, key)
		o.Value = wei
		return o
	}
	ok := func(what string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		v.sim.Commit()
	}
	state := func() string {
		o := &bind.CallOpts{}
		count, err1 := reg.RegistrationCount(o)
		latest, err2 := reg.LatestEon(o)
		slashed, err3 := reg.SlashedTotal(o)
		bal, err4 := v.sim.Client().BalanceAt(ctx, v.at.SequencerRegistry, nil)
		s := fmt.Sprint(count, latest, slashed, bal)
		for i := int64(0); i < count.Int64(); i++ {
			r, err := reg.Registrations(o, big.NewInt(i))
			if err != nil {
				t.Fatal(err)
			}
			s += fmt.Sprintf(" %+v", r)
		}
		for _, err := range []error{err1, err2, err3, err4} {
			if err != nil {
				t.Fatal(err)
			}
		}
		return s
	}
	refused := func(name string, call func() error, revert string) {
		t.Helper()
		before := state()
		if err := call(); err == nil || !strings.Contains(revertName(SequencerRegistryMetaData, err), revert) {
			t.Fatalf("%s: got %v, want a revert %s", name, err, revert)
		}
		v.sim.Commit()
		if after := state(); after != before {
			t.Fatalf("%s changed the registry: %s → %s", name, before, after)
		}
	}

	// Registrations.
	_, err := reg.Register(pay(a, testMinStake), keyA, proof)
	ok("register a", err)
	it, err := reg.FilterRegistered(&bind.FilterOpts{}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !it.Next() || it.Event.Registration != 0 || it.Event.Keyper != v.account(1) || it.Event.CometPubKey != keyA ||
		!bytes.Equal(it.Event.CometSig, proof) || it.Event.Stake.Cmp(testMinStake) != 0 || it.Next() {
		t.Fatalf("Registered %+v", it.Event)
	}
	if of, err := reg.RegistrationOf(&bind.CallOpts{}, v.account(1)); err != nil || !of.Ok || of.Registration != 0 {
		t.Fatalf("registrationOf: %+v %v", of, err)
	}
	under := new(big.Int).Sub(testMinStake, big.NewInt(1))
	refused("a second registration", func() error { _, err := reg.Register(pay(a, testMinStake), keyA, proof); return err }, "AlreadyRegistered")
	refused("stake below the minimum", func() error { _, err := reg.Register(pay(b, under), keyA, proof); return err }, "StakeTooLow")
	refused("a zero CometBFT key", func() error { _, err := reg.Register(pay(b, testMinStake), common.Hash{}, proof); return err }, "ZeroCometKey")
	refused("a short proof", func() error { _, err := reg.Register(pay(b, testMinStake), keyA, proof[:63]); return err }, "BadProofLength")
	refused("an exit without a registration", func() error { _, err := reg.RequestExit(pay(b, nil)); return err }, "NotRegistered")
	refused("a withdrawal without a registration", func() error { _, err := reg.WithdrawStake(pay(b, nil)); return err }, "NotRegistered")
	// The same CometBFT key from another keyper is L1's to take and Veil's
	// to skip (L1 cannot check ed25519).
	_, err = reg.Register(pay(b, testMinStake), keyA, proof)
	ok("register b with a's key", err)
	_, err = reg.Register(pay(c, new(big.Int).Mul(testMinStake, big.NewInt(2))), crypto.Keccak256Hash([]byte("comet key c")), proof)
	ok("register c", err)
	refused("a withdrawal before exiting", func() error { _, err := reg.WithdrawStake(pay(c, nil)); return err }, "NotExiting")

	// Exits and withdrawals.
	_, err = reg.RequestExit(pay(a, nil))
	ok("exit a", err)
	_, err = reg.RequestExit(pay(b, nil))
	ok("exit b", err)
	exits, err := reg.FilterExitRequested(&bind.FilterOpts{}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !exits.Next() || exits.Event.Registration != 0 || exits.Event.RequestedAt == 0 {
		t.Fatal("no ExitRequested event for registration 0")
	}
	refused("a second exit", func() error { _, err := reg.RequestExit(pay(a, nil)); return err }, "AlreadyExiting")
	refused("a member of an eon in charge", func() error { _, err := reg.WithdrawStake(pay(a, nil)); return err }, "EonNotRetired")
	refused("a withdrawal before exitDelay", func() error { _, err := reg.WithdrawStake(pay(b, nil)); return err }, "WithdrawTooEarly")
	v.later(t, testExitDelay*time.Second)
	before, _ := v.sim.Client().BalanceAt(ctx, v.at.SequencerRegistry, nil)
	_, err = reg.WithdrawStake(pay(b, nil))
	ok("withdraw b", err)
	after, _ := v.sim.Client().BalanceAt(ctx, v.at.SequencerRegistry, nil)
	if d := new(big.Int).Sub(before, after); d.Cmp(testMinStake) != 0 {
		t.Fatalf("b's withdrawal paid %v, want %v", d, testMinStake)
	}
	ws, err := reg.FilterStakeWithdrawn(&bind.FilterOpts{}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !ws.Next() || ws.Event.Registration != 1 || ws.Event.Amount.Cmp(testMinStake) != 0 {
		t.Fatal("no StakeWithdrawn event for registration 1")
	}
	refused("a second withdrawal", func() error { _, err := reg.WithdrawStake(pay(b, nil)); return err }, "NothingToWithdraw")
	refused("a member of an eon in charge, later", func() error { _, err := reg.WithdrawStake(pay(a, nil)); return err }, "EonNotRetired")

	// Eon keys: eon 2, signed by eon 1 (in charge), retires eon 1 with its first batch.
	eon2, err := thresholdtest.Deal(nil, 4, 3)
	if err != nil {
		t.Fatal(err)
	}
	ms := members(eon2, v.account(3), common.Address{0xb2}, common.Address{0xb3}, common.Address{0xb4})
	key2 := eon2.EonKey.EIP2537()
	registerEon := func(eon uint64, key []byte, ms []StatementsMember, by *thresholdtest.Dealing, signer uint64) func() error {
		return func() error {
			sigma := sign(t, by, signer, EonKeyDigest(v.domain, eon, key, KeypersRoot(ms)))
			_, err := reg.RegisterEon(v.auth(t), eon, key, ms, sigma)
			return err
		}
	}
	refused("the genesis eon again", registerEon(testGenesisEon, key2, ms, v.eon, testGenesisEon), "EonNotNew")
	refused("a compressed eon key", registerEon(2, eon2.EonKey.Bytes(), ms, v.eon, testGenesisEon), "BadEonKeyLength")
	refused("an eon key at infinity", registerEon(2, make([]byte, 256), ms, v.eon, testGenesisEon), "EonKeyAtInfinity")
	refused("an eon without members", registerEon(2, key2, nil, v.eon, testGenesisEon), "NoMembers")
	offCurve := bytes.Clone(key2)
	offCurve[255] ^= 1
	refused("an eon key off the curve", registerEon(2, offCurve, ms, v.eon, testGenesisEon), "BadEonKey")
	short := append([]StatementsMember(nil), ms...)
	short[1].PublicShare = short[1].PublicShare[:95]
	refused("a member's share not compressed", registerEon(2, key2, short, v.eon, testGenesisEon), "BadShareLength")
	refused("the last eon number", registerEon(^uint64(0), key2, ms, v.eon, testGenesisEon), "EonNotNew")
	refused("an eon key signed by itself", registerEon(2, key2, ms, eon2, 2), "BadSignature")
	refused("an eon key with other members", func() error {
		sigma := sign(t, v.eon, testGenesisEon, EonKeyDigest(v.domain, 2, key2, KeypersRoot(ms)))
		_, err := reg.RegisterEon(v.auth(t), 2, key2, ms[:3], sigma)
		return err
	}, "BadSignature")
	ok("register eon 2", registerEon(2, key2, ms, v.eon, testGenesisEon)())
	eons, err := reg.FilterEonRegistered(&bind.FilterOpts{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for eons.Next() {
		e := eons.Event
		got = append(got, fmt.Sprintf("%d by %d root %x members %d", e.Eon, e.Signer, e.KeypersRoot, len(e.Members)))
	}
	if want := []string{
		fmt.Sprintf("1 by 1 root %x members 4", KeypersRoot(v.members)),
		fmt.Sprintf("2 by 1 root %x members 4", KeypersRoot(ms)),
	}; strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Fatalf("EonRegistered: %v, want %v", got, want)
	}
	if last, err := reg.LastEonOfKeyper(&bind.CallOpts{}, v.account(3)); err != nil || !last.Ok || last.Eon != 2 {
		t.Fatalf("b's last eon: %+v %v", last, err)
	}
	h, sc, _ := v.next(t, 1)
	h.Eon = 2
	v.accept(t, eon2, h, sc)
	refused("a withdrawal right after the eon retired", func() error { _, err := reg.WithdrawStake(pay(a, nil)); return err }, "WithdrawTooEarly")
	v.later(t, testExitDelay*time.Second)
	_, err = reg.WithdrawStake(pay(a, nil))
	ok("withdraw a", err)

	// Slashing, by the eon in charge (now 2), once per evidence.
	evidence := crypto.Keccak256Hash([]byte("duplicate vote"))
	slash := func(registration uint64, by *thresholdtest.Dealing, signer uint64, ev common.Hash) func() error {
		return func() error {
			sigma := sign(t, by, signer, SlashDigest(v.domain, registration, 77, ev))
			_, err := reg.Slash(v.auth(t), registration, 77, ev, sigma)
			return err
		}
	}
	refused("an unknown registration", slash(9, eon2, 2, evidence), "UnknownRegistration")
	refused("a slash signed by a retired eon", slash(2, v.eon, testGenesisEon, evidence), "BadSignature")
	refused("a slash signed for another registration", func() error {
		sigma := sign(t, eon2, 2, SlashDigest(v.domain, 1, 77, evidence))
		_, err := reg.Slash(v.auth(t), 2, 77, evidence, sigma)
		return err
	}, "BadSignature")
	ok("slash c", slash(2, eon2, 2, evidence)())
	r, err := reg.Registrations(&bind.CallOpts{}, big.NewInt(2))
	if err != nil || !r.Slashed || r.Stake.Sign() != 0 {
		t.Fatalf("registration 2 after the slash: %+v %v", r, err)
	}
	if total, _ := reg.SlashedTotal(&bind.CallOpts{}); total.Cmp(new(big.Int).Mul(testMinStake, big.NewInt(2))) != 0 {
		t.Fatalf("slashedTotal %v", total)
	}
	sl, err := reg.FilterSlashed(&bind.FilterOpts{}, nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !sl.Next() || sl.Event.Registration != 2 || sl.Event.EvidenceHash != evidence || sl.Event.Height != 77 || sl.Event.Keyper != v.account(2) {
		t.Fatalf("Slashed: %+v", sl.Event)
	}
	refused("a slash replayed", slash(2, eon2, 2, evidence), "SlashReplayed")
	refused("a slash replayed on another registration", slash(0, eon2, 2, evidence), "SlashReplayed")
	_, err = reg.RequestExit(pay(c, nil))
	ok("exit c", err)
	v.later(t, testExitDelay*time.Second)
	refused("a slashed registration's withdrawal", func() error { _, err := reg.WithdrawStake(pay(c, nil)); return err }, "NothingToWithdraw")
	refused("a registry without an inbox", func() error {
		cfg := v.deployment().Registry
		_, _, _, err := DeploySequencerRegistry(v.auth(t), v.sim.Client(), cfg, v.members)
		return err
	}, "ZeroAddress")
	refused("an exit delay without end", func() error {
		cfg := v.deployment().Registry
		cfg.Inbox, cfg.ExitDelay = v.at.BatchInbox, ^uint64(0)
		_, _, _, err := DeploySequencerRegistry(v.auth(t), v.sim.Client(), cfg, v.members)
		return err
	}, "BadDelay")
	refused("a genesis key off the curve", func() error {
		cfg := v.deployment().Registry
		cfg.Inbox, cfg.GenesisKey = v.at.BatchInbox, offCurve
		_, _, _, err := DeploySequencerRegistry(v.auth(t), v.sim.Client(), cfg, v.members)
		return err
	}, "BadEonKey")
	// Eon 3 is signed by eon 2, in charge since its first batch.
	eon3, err := thresholdtest.Deal(nil, 4, 3)
	if err != nil {
		t.Fatal(err)
	}
	refused("an eon key signed by a retired eon", registerEon(3, eon3.EonKey.EIP2537(), ms, v.eon, testGenesisEon), "BadSignature")
	ok("register eon 3", registerEon(3, eon3.EonKey.EIP2537(), ms, eon2, 2)())
}
