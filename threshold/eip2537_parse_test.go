package threshold

import (
	"bytes"
	"errors"
	"testing"
)

// TestParseEIP2537: keys read back from their EIP-2537 encodings; a wrong
// length, a coordinate past the modulus or with its top bytes set, a point
// off the curve and the point at infinity are refused, each with its
// sentinel.
func TestParseEIP2537(t *testing.T) {
	d, err := TrustedDeal(nil, 3, 2)
	if err != nil {
		t.Fatal(err)
	}
	c, err := d.Committee()
	if err != nil {
		t.Fatal(err)
	}
	key := combineAll(t, c, d, NewIdentityPoint([]byte("eip2537")))
	k, err := ParseIdentityKeyEIP2537(key.EIP2537())
	if err != nil || !bytes.Equal(k.Bytes(), key.Bytes()) {
		t.Fatalf("identity key round trip: %v", err)
	}
	pk, err := ParseEonPublicKeyEIP2537(c.EonKey().EIP2537())
	if err != nil || !pk.Equal(c.EonKey()) {
		t.Fatalf("eon key round trip: %v", err)
	}
	edit := func(b []byte, f func([]byte)) []byte { b = bytes.Clone(b); f(b); return b }
	g1 := key.EIP2537()
	for _, tc := range []struct {
		name string
		b    []byte
		want error
	}{
		{"short", g1[:127], ErrLength},
		{"top bytes", edit(g1, func(b []byte) { b[0] = 1 }), ErrNonCanonical},
		{"past the modulus", edit(g1, func(b []byte) {
			for i := 16; i < 64; i++ {
				b[i] = 0xff
			}
		}), ErrNonCanonical},
		{"off the curve", edit(g1, func(b []byte) { b[127] ^= 1 }), ErrNotOnCurve},
		{"infinity", make([]byte, EIP2537G1Size), ErrInfinity},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := ParseIdentityKeyEIP2537(tc.b); !errors.Is(err, tc.want) {
				t.Fatalf("%v, want %v", err, tc.want)
			}
		})
	}
	if _, err := ParseEonPublicKeyEIP2537(make([]byte, EIP2537G2Size)); !errors.Is(err, ErrInfinity) {
		t.Fatalf("eon key at infinity: %v", err)
	}
	if _, err := ParseEonPublicKeyEIP2537(edit(c.EonKey().EIP2537(), func(b []byte) { b[255] ^= 1 })); !errors.Is(err, ErrNotOnCurve) {
		t.Fatalf("eon key off the curve: %v", err)
	}
}

// FuzzParseEIP2537: any bytes parse as a valid point that re-encodes to
// them, or are refused; never a panic.
func FuzzParseEIP2537(f *testing.F) {
	f.Add(make([]byte, EIP2537G1Size))
	f.Add(make([]byte, EIP2537G2Size))
	f.Fuzz(func(t *testing.T, b []byte) {
		if k, err := ParseIdentityKeyEIP2537(b); err == nil && !bytes.Equal(k.EIP2537(), b) {
			t.Fatal("a G1 point re-encodes differently")
		}
		if k, err := ParseEonPublicKeyEIP2537(b); err == nil && !bytes.Equal(k.EIP2537(), b) {
			t.Fatal("a G2 point re-encodes differently")
		}
	})
}
