package contracts

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/binary"
	"errors"
	"math/big"
	"strings"
	"testing"

	bls "github.com/consensys/gnark-crypto/ecc/bls12-381"
	"github.com/consensys/gnark-crypto/ecc/bls12-381/fp"
	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient/simulated"

	"github.com/veil-sequencer/veil/threshold"
	"github.com/veil-sequencer/veil/threshold/thresholdtest"
)

// l1 is a simulated L1 with funded accounts (key is others[0]) and
// LibCheck on it.
type l1 struct {
	sim    *simulated.Backend
	key    *ecdsa.PrivateKey
	others []*ecdsa.PrivateKey
	addr   common.Address
	check  *LibCheck
}

func newL1(tb testing.TB) *l1 {
	tb.Helper()
	alloc := types.GenesisAlloc{}
	var keys []*ecdsa.PrivateKey
	for i := range 4 {
		k, _ := crypto.ToECDSA(crypto.Keccak256([]byte("veil contracts test"), []byte{byte(i)}))
		keys = append(keys, k)
		alloc[crypto.PubkeyToAddress(k.PublicKey)] = types.Account{Balance: new(big.Int).Lsh(big.NewInt(1), 100)}
	}
	c := &l1{sim: simulated.NewBackend(alloc), key: keys[0], others: keys}
	tb.Cleanup(func() { _ = c.sim.Close() })
	var err error
	if c.addr, _, c.check, err = DeployLibCheck(c.auth(tb), c.sim.Client()); err != nil {
		tb.Fatal(err)
	}
	c.sim.Commit()
	return c
}

// auth is a transactor for the first funded account.
func (c *l1) auth(tb testing.TB) *bind.TransactOpts { return c.authOf(tb, c.key) }

// authOf is a transactor for key.
func (c *l1) authOf(tb testing.TB, key *ecdsa.PrivateKey) *bind.TransactOpts {
	tb.Helper()
	chainID, err := c.sim.Client().ChainID(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	a, err := bind.NewKeyedTransactorWithChainID(key, chainID)
	if err != nil {
		tb.Fatal(err)
	}
	return a
}

// offSubgroup is a point of the G1 curve outside the r-order subgroup, in
// EIP-2537 encoding: the first x = 1, 2, … with a square x³ + 4 (all but a
// 1/h fraction of the curve's points lie outside the subgroup).
func offSubgroup(tb testing.TB) []byte {
	tb.Helper()
	for x := uint64(1); x < 1000; x++ {
		var p bls.G1Affine
		p.X.SetUint64(x)
		var rhs, four fp.Element
		rhs.Square(&p.X).Mul(&rhs, &p.X)
		four.SetUint64(4)
		rhs.Add(&rhs, &four)
		if p.Y.Sqrt(&rhs) == nil || !p.IsOnCurve() || p.IsInSubGroup() {
			continue
		}
		out := make([]byte, threshold.EIP2537G1Size)
		xb, yb := p.X.Bytes(), p.Y.Bytes()
		copy(out[16:64], xb[:])
		copy(out[80:128], yb[:])
		return out
	}
	tb.Fatal("no point off the subgroup")
	return nil
}

// TestCommitteeSig: a σ that t keypers combined for a statement verifies on
// L1 against the eon key; σ for another digest, eon or key, a point off the
// curve or off the subgroup and the point at infinity do not; bad lengths
// revert with their named error. The contract's signing identity and H1 are
// the Go threshold package's, on random inputs.
func TestCommitteeSig(t *testing.T) {
	chain := newL1(t)
	d, err := thresholdtest.Deal(nil, 4, 3)
	if err != nil {
		t.Fatal(err)
	}
	other, err := thresholdtest.Deal(nil, 4, 3)
	if err != nil {
		t.Fatal(err)
	}
	const chainID, eon = 1337, 1
	m := crypto.Keccak256Hash([]byte("a batch header"))
	sign := func(d *thresholdtest.Dealing, chainID, eon uint64, m common.Hash) []byte {
		key, err := d.Key(threshold.SigningIdentity(chainID, eon, m).Point()) // 3 of 4 shares combined
		if err != nil {
			t.Fatal(err)
		}
		return key.EIP2537()
	}
	sigma := sign(d, chainID, eon, m)
	offCurve := bytes.Clone(sigma)
	offCurve[127] ^= 1
	pk := d.EonKey.EIP2537()
	for _, tc := range []struct {
		name         string
		chainID, eon uint64
		key          []byte
		m            common.Hash
		sigma        []byte
		want         bool
		revert       string
	}{
		{"signed by t keypers", chainID, eon, pk, m, sigma, true, ""},
		{"another digest", chainID, eon, pk, crypto.Keccak256Hash([]byte("another header")), sigma, false, ""},
		{"another eon", chainID, eon + 1, pk, m, sigma, false, ""},
		{"another chain", chainID + 1, eon, pk, m, sigma, false, ""},
		{"another eon's key", chainID, eon, other.EonKey.EIP2537(), m, sigma, false, ""},
		{"signed by another eon", chainID, eon, pk, m, sign(other, chainID, eon, m), false, ""},
		{"a point off the curve", chainID, eon, pk, m, offCurve, false, ""},
		{"a point off the subgroup", chainID, eon, pk, m, offSubgroup(t), false, ""},
		{"the point at infinity", chainID, eon, pk, m, make([]byte, 128), false, ""},
		{"a key at infinity", chainID, eon, make([]byte, 256), m, sigma, false, ""},
		{"a compressed signature", chainID, eon, pk, m, sigma[:48], false, "BadSignatureLength"},
		{"a compressed key", chainID, eon, pk[:96], m, sigma, false, "BadEonKeyLength"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ok, err := chain.check.Verify(&bind.CallOpts{}, tc.chainID, tc.eon, tc.key, tc.m, tc.sigma)
			switch {
			case tc.revert != "":
				if err == nil {
					t.Fatalf("verify: %v, want a revert %s", ok, tc.revert)
				}
				if !strings.Contains(revertName(LibCheckMetaData, err), tc.revert) {
					t.Fatalf("verify reverted with %v, want %s", err, tc.revert)
				}
			case err != nil:
				t.Fatalf("verify: %v", err)
			case ok != tc.want:
				t.Fatalf("verify = %v, want %v", ok, tc.want)
			}
		})
	}
	// The signing identity and H1 agree with the Go side on random inputs.
	for i := range 8 {
		var digest [32]byte
		binary.BigEndian.PutUint64(digest[:], uint64(i)*0x9e3779b97f4a7c15)
		sid, err := chain.check.SigningIdentity(&bind.CallOpts{}, uint64(i)+1, uint64(i)*3, digest)
		if err != nil {
			t.Fatal(err)
		}
		want := threshold.SigningIdentity(uint64(i)+1, uint64(i)*3, digest)
		if sid != want {
			t.Fatalf("signingIdentity %d: %x, want %x", i, sid, want)
		}
		h, err := chain.check.HashToG1(&bind.CallOpts{}, append([]byte{0x01}, sid[:]...))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(h, want.Point().EIP2537()) {
			t.Fatalf("hashToG1 %d: %x, want %x", i, h, want.Point().EIP2537())
		}
	}
}

// revertName is the custom error of md's contract a call reverted with, by
// its selector.
func revertName(md *bind.MetaData, err error) string {
	data, ok := revertData(err)
	if !ok {
		return err.Error()
	}
	parsed, perr := md.GetAbi()
	if perr != nil || len(data) < 4 {
		return err.Error()
	}
	for name, e := range parsed.Errors {
		if bytes.Equal(e.ID[:4], data[:4]) {
			return name
		}
	}
	return err.Error()
}

func revertData(err error) ([]byte, bool) {
	var de interface{ ErrorData() interface{} }
	if !errors.As(err, &de) {
		return nil, false
	}
	switch v := de.ErrorData().(type) {
	case string:
		return common.FromHex(v), true
	case []byte:
		return v, true
	}
	return nil, false
}

// BenchmarkVerifyGas reports the gas of CommitteeSig.verify (the
// LibCheck call as a transaction: 21,000 of it is the base cost).
func BenchmarkVerifyGas(b *testing.B) {
	chain := newL1(b)
	d, err := thresholdtest.Deal(nil, 4, 3)
	if err != nil {
		b.Fatal(err)
	}
	m := crypto.Keccak256Hash([]byte("a batch header"))
	key, err := d.Key(threshold.SigningIdentity(1337, 1, m).Point())
	if err != nil {
		b.Fatal(err)
	}
	parsed, _ := LibCheckMetaData.GetAbi()
	input, err := parsed.Pack("verify", uint64(1337), uint64(1), d.EonKey.EIP2537(), m, key.EIP2537())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(chain.gas(b, input)), "gas")
}

// gas is what a transaction calling the check contract with input costs.
func (c *l1) gas(b *testing.B, input []byte) uint64 { return c.gasTo(b, c.addr, input, nil) }

// gasTo is what a transaction calling to with input and value costs,
// estimated once per benchmark iteration (the figure is the same each time).
func (c *l1) gasTo(b *testing.B, to common.Address, input []byte, value *big.Int) uint64 {
	from := crypto.PubkeyToAddress(c.key.PublicKey)
	var gas uint64
	for b.Loop() {
		var err error
		if gas, err = c.sim.Client().EstimateGas(context.Background(), ethereum.CallMsg{From: from, To: &to, Data: input, Value: value}); err != nil {
			b.Fatal(err)
		}
	}
	return gas
}
