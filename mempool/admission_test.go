package mempool

import (
	"encoding/json"
	"math/big"
	"os"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/veil-sequencer/veil/bid"
	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/envelope"
	"github.com/veil-sequencer/veil/params"
	"github.com/veil-sequencer/veil/threshold"
	"github.com/veil-sequencer/veil/wire"
)

// fakeView is an in-memory View.
type fakeView struct {
	slot, eon uint64
	eonEnd    uint64
	accounts  map[common.Address]Account
	used      map[threshold.Identity]bool
	poolSize  int
	cheapest  *PoolEntry
}

func (v *fakeView) Slot() uint64                     { return v.slot }
func (v *fakeView) Eon() uint64                      { return v.eon }
func (v *fakeView) EonEnd() uint64                   { return v.eonEnd }
func (v *fakeView) Account(a common.Address) Account { return v.accounts[a] }
func (v *fakeView) IdentityUsed(eon uint64, id threshold.Identity) bool {
	return eon == v.eon && v.used[id]
}
func (v *fakeView) PoolSize() int { return v.poolSize }
func (v *fakeView) Cheapest() (PoolEntry, bool) {
	if v.cheapest == nil {
		return PoolEntry{}, false
	}
	return *v.cheapest, true
}

// shutterCiphertext is a ciphertext made by Shutter's JS SDK
// (threshold/testdata/shutter-vectors.json).
func shutterCiphertext(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile("../threshold/testdata/shutter-vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	var vf struct {
		Vectors []struct {
			Ciphertext string `json:"ciphertext"`
		} `json:"vectors"`
	}
	if err := json.Unmarshal(b, &vf); err != nil {
		t.Fatal(err)
	}
	return hexutil.MustDecode(vf.Vectors[5].Ciphertext) // 100-byte message
}

func TestAdmit(t *testing.T) {
	key, _ := crypto.ToECDSA(crypto.Keccak256([]byte("alice")))
	alice := crypto.PubkeyToAddress(key.PublicKey)
	p := testParams(crypto.Keccak256Hash([]byte("genesis")))
	p.MinFeePerGas = big.NewInt(10)
	p.PoolCap = 100
	ct := shutterCiphertext(t)
	floor := uint64(BaseGas + GasPerByte*len(ct))

	base := func() *envelope.Envelope {
		return &envelope.Envelope{ChainID: 1337, Eon: 2, Sender: alice, Ciphertext: ct,
			GasLimit: floor, MaxFeePerGas: big.NewInt(10), Nonce: 5, ValidUntilSlot: 120}
	}
	view := func() *fakeView {
		return &fakeView{slot: 100, eon: 2,
			accounts: map[common.Address]Account{alice: {Deposit: big.NewInt(1e18), PendingCharges: big.NewInt(0), NextNonce: 5, InPool: 0}},
			used:     map[threshold.Identity]bool{}, poolSize: 10}
	}
	type tc struct {
		name  string
		edit  func(*envelope.Envelope)
		view  func(*fakeView)
		code  Code // 0: admitted
		field string
	}
	cases := []tc{
		{name: "accepted: Shutter SDK ciphertext"},
		{name: "wrong chain", edit: func(e *envelope.Envelope) { e.ChainID = 1 }, code: CodeWrongChain, field: "chainId"},
		{name: "wrong eon", edit: func(e *envelope.Envelope) { e.Eon = 1 }, code: CodeWrongEon, field: "eon"},
		{name: "valid into the next eon", view: func(v *fakeView) { v.eonEnd = 120 }, code: CodeEonEnding, field: "validUntilSlot"},
		{name: "valid until the next eon", view: func(v *fakeView) { v.eonEnd = 121 }},
		{name: "too large", edit: func(e *envelope.Envelope) {
			e.Ciphertext = make([]byte, 64<<10+1)
			e.GasLimit = 10_000_000
		}, code: CodeTooLarge, field: "ciphertext"},
		{name: "gas below the floor", edit: func(e *envelope.Envelope) { e.GasLimit = floor - 1 }, code: CodeGasTooLow, field: "gasLimit"},
		{name: "gas above the bid gas limit", edit: func(e *envelope.Envelope) { e.GasLimit = params.Default().BidGasLimit() + 1 }, code: CodeGasTooHigh, field: "gasLimit"},
		{name: "gas of 2^63", edit: func(e *envelope.Envelope) { e.GasLimit = 1 << 63 }, code: CodeGasTooHigh, field: "gasLimit"},
		{name: "gas at the bid gas limit", edit: func(e *envelope.Envelope) { e.GasLimit = params.Default().BidGasLimit() }},
		{name: "fee too low", edit: func(e *envelope.Envelope) { e.MaxFeePerGas = big.NewInt(9) }, code: CodeFeeTooLow, field: "maxFeePerGas"},
		{name: "fee overflows", edit: func(e *envelope.Envelope) { e.MaxFeePerGas = new(big.Int).Lsh(big.NewInt(1), 250) }, code: CodeFeeOverflow, field: "maxFeePerGas"},
		{name: "expired", edit: func(e *envelope.Envelope) { e.ValidUntilSlot = 99 }, code: CodeExpired, field: "validUntilSlot"},
		{name: "valid too long", edit: func(e *envelope.Envelope) { e.ValidUntilSlot = 357 }, code: CodeValidityTooLong, field: "validUntilSlot"},
		{name: "bad ciphertext", edit: func(e *envelope.Envelope) { e.Ciphertext = append([]byte{2}, ct[1:]...) }, code: CodeBadCiphertext, field: "ciphertext"},
		{name: "ciphertext without C3", edit: func(e *envelope.Envelope) { e.Ciphertext = ct[:129] }, code: CodeBadCiphertext, field: "ciphertext"},
		{name: "identity reused", view: func(v *fakeView) { v.used[threshold.TxIdentity([32]byte{}, alice)] = true }, code: CodeIdentityReused, field: "identityPrefix"},
		{name: "nonce used", edit: func(e *envelope.Envelope) { e.Nonce = 4 }, code: CodeNonceUsed, field: "nonce"},
		{name: "a gap of one", edit: func(e *envelope.Envelope) { e.Nonce = 6 }, code: CodeNonceGap, field: "nonce"},
		{name: "a gap of sixteen", edit: func(e *envelope.Envelope) { e.Nonce = 21 }, code: CodeNonceGap, field: "nonce"},
		{name: "sender cap", view: func(v *fakeView) { a := v.accounts[alice]; a.InPool = 16; v.accounts[alice] = a }, code: CodeSenderCap, field: "sender"},
		{name: "unfunded sender", edit: func(e *envelope.Envelope) { e.Nonce = 0 }, view: func(v *fakeView) { delete(v.accounts, alice) }, code: CodeInsufficientDeposit, field: "sender"},
		{name: "deposit short of pending charges", view: func(v *fakeView) {
			a := v.accounts[alice]
			a.Deposit = new(big.Int).SetUint64(floor * 10 * 2)
			a.PendingCharges = new(big.Int).SetUint64(floor*10 + 1)
			v.accounts[alice] = a
		}, code: CodeInsufficientDeposit, field: "sender"},
		{name: "pool full, pays no more", view: func(v *fakeView) {
			v.poolSize = 100
			v.cheapest = &PoolEntry{Hash: common.Hash{9}, Charge: new(big.Int).SetUint64(floor * 10), Size: len(ct)}
		}, code: CodePoolFull},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e, v := base(), view()
			if c.edit != nil {
				c.edit(e)
			}
			if c.view != nil {
				c.view(v)
			}
			if err := e.Sign(p.Domain, key); err != nil {
				t.Fatal(err)
			}
			adm, rej := Admit(e, v, p)
			if c.code == 0 {
				if rej != nil {
					t.Fatalf("rejected: %v", rej)
				}
				if adm.Hash != e.Hash(p.Domain) || adm.Charge.Cmp(new(big.Int).Mul(new(big.Int).SetUint64(e.GasLimit), e.MaxFeePerGas)) != 0 || adm.Evict != nil {
					t.Fatalf("admission %+v", adm)
				}
				return
			}
			if rej == nil {
				t.Fatalf("admitted, want %s", c.code)
			}
			if rej.Code != c.code || rej.Field != c.field {
				t.Fatalf("got %s/%q (%v), want %s/%q", rej.Code, rej.Field, rej.Err, c.code, c.field)
			}
		})
	}

	t.Run("bad signature", func(t *testing.T) {
		e := base()
		other, _ := crypto.ToECDSA(crypto.Keccak256([]byte("mallory")))
		if err := e.Sign(p.Domain, other); err != nil {
			t.Fatal(err)
		}
		if _, rej := Admit(e, view(), p); rej == nil || rej.Code != CodeBadSignature || rej.Field != "signature" {
			t.Fatalf("got %v", rej)
		}
	})
	t.Run("pool full, evicts the cheapest", func(t *testing.T) {
		e := base()
		e.MaxFeePerGas = big.NewInt(11)
		_ = e.Sign(p.Domain, key)
		v := view()
		v.poolSize = 100
		v.cheapest = &PoolEntry{Hash: common.Hash{9}, Charge: new(big.Int).SetUint64(floor * 10), Size: len(ct)}
		adm, rej := Admit(e, v, p)
		if rej != nil || adm.Evict == nil || *adm.Evict != (common.Hash{9}) {
			t.Fatalf("%+v %v", adm, rej)
		}
	})
}

// TestCodes: every code's number is the one it always had (they are ABCI
// codes, hashed into headers), names and numbers are unique and round-trip,
// and the decoders' codes are wire's names.
func TestCodes(t *testing.T) {
	want := map[Code]string{
		1: "bad_tx", 2: "bad_json", 3: "unknown_field", 4: "missing_field", 5: "bad_field", 6: "wrong_chain",
		7: "wrong_eon", 8: "too_large", 9: "bad_ciphertext", 10: "gas_too_low", 11: "fee_too_low", 12: "fee_overflow",
		13: "expired", 14: "validity_too_long", 15: "bad_signature", 16: "identity_reused", 17: "nonce_used",
		18: "nonce_gap", 19: "sender_cap", 20: "insufficient_deposit", 21: "pool_full", 22: "unsupported_tx",
		23: "wrong_slot", 24: "seq_too_low", 25: "bid_limit", 26: "insufficient_collateral", 27: "bad_record",
		28: "gas_too_high", 29: "hash_mismatch", 30: "withdrawals_frozen",
		31: "dkg_not_running", 32: "dkg_wrong_phase", 33: "dkg_not_member", 34: "dkg_duplicate", 35: "eon_ending",
	}
	if len(Codes()) != len(want) {
		t.Fatalf("%d codes, want %d: a new code needs its number here, in api's statuses and in docs/admission.md", len(Codes()), len(want))
	}
	names := map[string]Code{}
	for _, c := range Codes() {
		name := c.String()
		if want[c] != name {
			t.Errorf("code %d is %q, want %q", uint32(c), name, want[c])
		}
		if prev, dup := names[name]; dup {
			t.Errorf("%q names %d and %d", name, prev, c)
		}
		names[name] = c
		if back, ok := ParseCode(name); !ok || back != c || !c.Known() {
			t.Errorf("%q parses to %d, %v", name, back, ok)
		}
	}
	for _, name := range []string{wire.CodeBadJSON, wire.CodeUnknownField, wire.CodeMissingField, wire.CodeBadField,
		wire.CodeHashMismatch, wire.CodeBadSignature, envelope.CodeBadSignature, bid.CodeBadSignature} {
		if _, ok := ParseCode(name); !ok {
			t.Errorf("decoder code %q has no number", name)
		}
	}
	if Code(0).Known() || Code(999).Known() || Code(999).String() != "code_999" {
		t.Error("0 or an unknown number is a code")
	}
	if _, ok := ParseCode("no_such_code"); ok {
		t.Error("an unknown name parsed")
	}
}

// TestAdmitVerified: the variant for already-verified envelopes skips only
// the signature and ciphertext checks.
func TestAdmitVerified(t *testing.T) {
	key, _ := crypto.ToECDSA(crypto.Keccak256([]byte("alice")))
	alice := crypto.PubkeyToAddress(key.PublicKey)
	p := testParams(common.Hash{1})
	v := &fakeView{slot: 1, eon: 1, accounts: map[common.Address]Account{alice: {Deposit: big.NewInt(1e18)}}, used: map[threshold.Identity]bool{}}
	e := &envelope.Envelope{ChainID: 1337, Eon: 1, Sender: alice, Ciphertext: []byte{1, 2, 3}, GasLimit: 30000,
		MaxFeePerGas: big.NewInt(1), ValidUntilSlot: 5, Signature: make([]byte, 65)}
	if _, rej := Admit(e, v, p); rej == nil || rej.Code != CodeBadCiphertext {
		t.Fatalf("Admit: %v", rej)
	}
	checked := &Checked{Envelope: e, Hash: e.Hash(p.Domain), Identity: e.Identity()}
	if adm, rej := AdmitVerified(checked, v, p); rej != nil || adm.Hash != checked.Hash || adm.Identity != checked.Identity {
		t.Fatalf("AdmitVerified checked the bytes again: %v", rej)
	}
	v.used[checked.Identity] = true
	if _, rej := AdmitVerified(checked, v, p); rej == nil || rej.Code != CodeIdentityReused {
		t.Fatalf("AdmitVerified ignored the identity it was given: %v", rej)
	}
	delete(v.used, checked.Identity)
	e.Nonce = 99
	if _, rej := AdmitVerified(checked, v, p); rej == nil || rej.Code != CodeNonceGap {
		t.Fatalf("AdmitVerified skipped a stateful rule: %v", rej)
	}
}

// testParams are the default network parameters on chain 1337 with the
// given domain salt.
func testParams(salt common.Hash) Params {
	return Params{Params: params.Default(), Domain: eip712.Domain{ChainID: 1337, Salt: salt}}
}
