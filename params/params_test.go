package params

import (
	"encoding/json"
	"errors"
	"math/big"
	"strings"
	"testing"
)

func TestDefaultValid(t *testing.T) {
	p := Default()
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	if p.BidGasLimit() != 9_600_000 {
		t.Fatalf("bid gas limit %d", p.BidGasLimit())
	}
}

func TestJSONRoundTrip(t *testing.T) {
	p := Default()
	p.Reserve = new(big.Int).Lsh(big.NewInt(1), 200)
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"reserve":"1606938044258990275541962092341162602522202993782792835301376"`) {
		t.Fatalf("reserve not a decimal string: %s", b)
	}
	var q Params
	if err := json.Unmarshal(b, &q); err != nil {
		t.Fatal(err)
	}
	if q.Reserve.Cmp(p.Reserve) != 0 || q.K != p.K || q.SlotGasLimit != p.SlotGasLimit || q.MinFeePerGas.Cmp(p.MinFeePerGas) != 0 {
		t.Fatalf("round trip: %+v", q)
	}
}

func TestInvalid(t *testing.T) {
	for _, tc := range []struct {
		field string
		edit  func(*Params)
	}{
		{"slotGasLimit", func(p *Params) { p.SlotGasLimit = 0 }},
		{"inclusionReserve", func(p *Params) { p.InclusionReserve = p.SlotGasLimit }},
		{"inclusionAge", func(p *Params) { p.InclusionAge = 0 }},
		{"minFeePerGas", func(p *Params) { p.MinFeePerGas = big.NewInt(-1) }},
		{"minFeePerGas", func(p *Params) { p.MinFeePerGas = nil }},
		{"maxCiphertextSize", func(p *Params) { p.MaxCiphertextSize = 2 << 20 }},
		{"maxValiditySlots", func(p *Params) { p.MaxValiditySlots = 0 }},
		{"poolCap", func(p *Params) { p.PoolCap = 0 }},
		{"senderCap", func(p *Params) { p.SenderCap = p.PoolCap + 1 }},
		{"reserve", func(p *Params) { p.Reserve = nil }},
		{"invalidBidPenalty", func(p *Params) { p.InvalidBidPenalty = new(big.Int).Lsh(big.NewInt(1), 256) }},
		{"k", func(p *Params) { p.K = 0 }},
		{"bidsPerSlot", func(p *Params) { p.BidsPerSlot = 5000 }},
		{"bidsPerBuilder", func(p *Params) { p.BidsPerBuilder = p.BidsPerSlot + 1 }},
		{"maxSealedSize", func(p *Params) { p.MaxSealedSize = 0 }},
		{"batchSlots", func(p *Params) { p.BatchSlots = 0 }},
		{"forceDeadline", func(p *Params) { p.ForceDeadline = 0 }},
		{"epochSlots", func(p *Params) { p.EpochSlots = 0 }},
		{"maxValidators", func(p *Params) { p.MaxValidators = MaxValidatorsLimit + 1 }},
		{"maxValidators", func(p *Params) { p.MaxValidators = 0 }},
		{"dkgPhaseSlots", func(p *Params) { p.DKGPhaseSlots = 0 }},
		{"dkgPhaseSlots", func(p *Params) { p.EpochSlots, p.DKGPhaseSlots = 32, 8 }},
	} {
		t.Run(tc.field, func(t *testing.T) {
			p := Default()
			tc.edit(&p)
			err := p.Validate()
			if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), tc.field) {
				t.Fatalf("Validate = %v, want ErrInvalid naming %s", err, tc.field)
			}
		})
	}
}

func TestUnmarshalStrict(t *testing.T) {
	good, _ := json.Marshal(Default())
	for _, tc := range []struct {
		name, edit, want string
	}{
		{"missing field", strings.Replace(string(good), `"k":4,`, ``, 1), "k missing"},
		{"unknown field", strings.Replace(string(good), `{`, `{"extra":1,`, 1), "unknown field"},
		{"amount as number", strings.Replace(string(good), `"reserve":"1000000000"`, `"reserve":1000000000`, 1), "reserve"},
		{"amount with leading zero", strings.Replace(string(good), `"reserve":"1000000000"`, `"reserve":"01"`, 1), "reserve"},
		{"amount negative", strings.Replace(string(good), `"reserve":"1000000000"`, `"reserve":"-1"`, 1), "reserve"},
		{"out of range", strings.Replace(string(good), `"k":4`, `"k":0`, 1), "k 0"},
		{"batchSlots out of range", strings.Replace(string(good), `"batchSlots":32`, `"batchSlots":5000`, 1), "batchSlots 5000"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var p Params
			err := json.Unmarshal([]byte(tc.edit), &p)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Unmarshal = %v, want an error with %q", err, tc.want)
			}
		})
	}
}

// TestLaterFieldsOptional: a genesis written before batchSlots,
// forceDeadline, epochSlots, maxValidators and dkgPhaseSlots existed still
// reads, with the defaults.
func TestLaterFieldsOptional(t *testing.T) {
	good, _ := json.Marshal(Default())
	old := string(good)
	for _, f := range []string{`,"batchSlots":32`, `,"forceDeadline":3600`, `,"epochSlots":7200`, `,"maxValidators":100`, `,"dkgPhaseSlots":8`} {
		if !strings.Contains(old, f) {
			t.Fatalf("the encoding lacks %s: %s", f, old)
		}
		old = strings.Replace(old, f, ``, 1)
	}
	var p Params
	if err := json.Unmarshal([]byte(old), &p); err != nil || p.BatchSlots != 32 || p.ForceDeadline != 3600 || p.EpochSlots != 7200 || p.MaxValidators != 100 || p.DKGPhaseSlots != 8 {
		t.Fatalf("%v: %+v", err, p)
	}
}

func FuzzUnmarshal(f *testing.F) {
	good, _ := json.Marshal(Default())
	f.Add(good)
	f.Add([]byte(`{}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var p Params
		if err := json.Unmarshal(b, &p); err != nil {
			return
		}
		if err := p.Validate(); err != nil {
			t.Fatalf("accepted invalid params: %v", err)
		}
	})
}
