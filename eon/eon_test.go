package eon

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/veil-sequencer/veil/threshold/thresholdtest"
)

func testInfo(t testing.TB) (*Info, *thresholdtest.Dealing) {
	d, err := thresholdtest.Deal(nil, 3, 2)
	if err != nil {
		t.Fatal(err)
	}
	info := &Info{Eon: 1, PublicKey: d.EonKey, Threshold: 2, ActivationSlot: 5, ChainID: 1337}
	for i := range 3 {
		info.Keypers = append(info.Keypers, Keyper{Index: i + 1, Address: common.Address{byte(i + 1)}, PublicKeyShare: d.PublicShares[i]})
	}
	return info, d
}

func TestShareCheck(t *testing.T) {
	info, d := testInfo(t)
	for _, tc := range []struct {
		name  string
		share Share
		ok    bool
	}{
		{"own share", Share{Eon: info, Index: 2, Address: common.Address{2}, Share: d.Shares[1]}, true},
		{"another keyper's share", Share{Eon: info, Index: 2, Address: common.Address{2}, Share: d.Shares[0]}, false},
		{"another address", Share{Eon: info, Index: 2, Address: common.Address{3}, Share: d.Shares[1]}, false},
		{"index out of range", Share{Eon: info, Index: 4, Address: common.Address{4}, Share: d.Shares[1]}, false},
		{"no secret", Share{Eon: info, Index: 1, Address: common.Address{1}}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.share.Check()
			if (err == nil) != tc.ok {
				t.Fatalf("Check = %v, want ok %v", err, tc.ok)
			}
			if err != nil && !errors.Is(err, ErrInvalid) {
				t.Fatalf("untyped error %v", err)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	info, _ := testInfo(f)
	good, _ := json.Marshal(info)
	f.Add(good)
	f.Add([]byte(`{"eon":1,"publicKey":"0x00","threshold":1,"keypers":[],"activationSlot":0,"chainId":1}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		info, err := Parse(b)
		if err != nil {
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("untyped error %v", err)
			}
			return
		}
		if _, err := info.Committee(); err != nil {
			t.Fatalf("accepted eon info makes no committee: %v", err)
		}
	})
}

// TestStrictJSON: one object and nothing after it but white space; no
// field the type lacks.
func TestStrictJSON(t *testing.T) {
	for _, tc := range []struct {
		in string
		ok bool
	}{
		{`{"eon":1}`, true},
		{"{\"eon\":1}\n\t ", true},
		{`{"eon":1}}`, false},
		{`{"eon":1}]`, false},
		{`{"eon":1} {"eon":2}`, false},
		{`{"eon":1} x`, false},
		{`{"eon":1,"extra":2}`, false},
		{`{"eon":1`, false},
		{``, false},
	} {
		var v struct {
			Eon int `json:"eon"`
		}
		if err := StrictJSON([]byte(tc.in), &v); (err == nil) != tc.ok {
			t.Errorf("%q: %v, want ok %v", tc.in, err, tc.ok)
		}
	}
}
