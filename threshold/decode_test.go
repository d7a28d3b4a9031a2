package threshold

import (
	"bytes"
	"errors"
	"testing"

	bls "github.com/consensys/gnark-crypto/ecc/bls12-381"
	"github.com/consensys/gnark-crypto/ecc/bls12-381/fp"
	"github.com/consensys/gnark-crypto/ecc/bls12-381/fr"
	"github.com/ethereum/go-ethereum/common"
)

// Points on the curve but outside the prime-order subgroup, and x
// coordinates with no point, found by walking x = 1, 2, 3, ….
func offSubgroupG1(t testing.TB) (onCurve, offCurve []byte) {
	t.Helper()
	for x := uint64(1); onCurve == nil || offCurve == nil; x++ {
		var p bls.G1Affine
		p.X.SetUint64(x)
		var y2 fp.Element
		y2.Square(&p.X).Mul(&y2, &p.X).Add(&y2, &g1B)
		enc := p.X.Bytes()
		enc[0] |= flagCompressed
		if p.Y.Sqrt(&y2) == nil {
			offCurve = enc[:]
			continue
		}
		if !p.IsInSubGroup() && onCurve == nil {
			onCurve = enc[:]
		}
	}
	return onCurve, offCurve
}

func offSubgroupG2(t testing.TB) (onCurve, offCurve []byte) {
	t.Helper()
	for x := uint64(1); onCurve == nil || offCurve == nil; x++ {
		var p bls.G2Affine
		p.X.A0.SetUint64(x)
		p.X.A1.SetOne()
		var y2, chk bls.E2
		y2.Square(&p.X).Mul(&y2, &p.X).Add(&y2, &g2B)
		p.Y.Sqrt(&y2)
		enc := make([]byte, G2Size)
		a1, a0 := p.X.A1.Bytes(), p.X.A0.Bytes()
		copy(enc, a1[:])
		copy(enc[48:], a0[:])
		enc[0] |= flagCompressed
		if !chk.Square(&p.Y).Equal(&y2) {
			offCurve = enc
			continue
		}
		if !p.IsInSubGroup() && onCurve == nil {
			onCurve = enc
		}
	}
	return onCurve, offCurve
}

func with(b []byte, f func([]byte)) []byte {
	c := bytes.Clone(b)
	f(c)
	return c
}

func TestStrictDecoding(t *testing.T) {
	d, _ := TrustedDeal(seeded(23), 3, 2)
	g2 := d.EonKey.Bytes()
	id := BidIdentity(1, 1).Point()
	g1 := d.Shares[0].Release(id).Bytes()
	g1Off, g1NotOn := offSubgroupG1(t)
	g2Off, g2NotOn := offSubgroupG2(t)
	pMinus := fp.Modulus().Bytes() // p, which is ≥ p
	g1Big := with(make([]byte, G1Size), func(b []byte) { copy(b[G1Size-len(pMinus):], pMinus); b[0] |= flagCompressed })
	g2Big := with(g2, func(b []byte) { copy(b[G2Size-len(pMinus):], pMinus) })
	inf1 := with(make([]byte, G1Size), func(b []byte) { b[0] = 0xc0 })
	inf2 := with(make([]byte, G2Size), func(b []byte) { b[0] = 0xc0 })
	qBytes := fr.Modulus().Bytes()

	parsers := map[string]func([]byte) error{
		"eon public key":     func(b []byte) error { _, err := ParseEonPublicKey(b); return err },
		"public key share":   func(b []byte) error { _, err := ParsePublicKeyShare(b); return err },
		"identity key":       func(b []byte) error { _, err := ParseIdentityKey(b); return err },
		"identity key share": func(b []byte) error { _, err := ParseIdentityKeyShare(b); return err },
		"secret key share":   func(b []byte) error { _, err := ParseSecretKeyShare(b); return err },
	}
	type row struct {
		name  string
		input []byte
		want  error // nil: accepted
	}
	g2Rows := []row{
		{"valid", g2, nil},
		{"empty", nil, ErrLength},
		{"short", g2[:95], ErrLength},
		{"long", append(bytes.Clone(g2), 0), ErrLength},
		{"uncompressed flag", with(g2, func(b []byte) { b[0] &^= flagCompressed }), ErrEncoding},
		{"infinity", inf2, ErrInfinity},
		{"infinity with sort flag", with(inf2, func(b []byte) { b[0] |= flagLargest }), ErrEncoding},
		{"infinity with data", with(inf2, func(b []byte) { b[95] = 1 }), ErrEncoding},
		{"x not reduced", g2Big, ErrNonCanonical},
		{"not on curve", g2NotOn, ErrNotOnCurve},
		{"not in subgroup", g2Off, ErrNotInSubgroup},
	}
	g1Rows := []row{
		{"valid", g1, nil},
		{"empty", nil, ErrLength},
		{"short", g1[:47], ErrLength},
		{"uncompressed 96 bytes", make([]byte, 96), ErrLength},
		{"uncompressed flag", with(g1, func(b []byte) { b[0] &^= flagCompressed }), ErrEncoding},
		{"infinity", inf1, ErrInfinity},
		{"infinity with data", with(inf1, func(b []byte) { b[47] = 1 }), ErrEncoding},
		{"x not reduced", g1Big, ErrNonCanonical},
		{"not on curve", g1NotOn, ErrNotOnCurve},
		{"not in subgroup", g1Off, ErrNotInSubgroup},
	}
	scalarRows := []row{
		{"valid", with(make([]byte, 32), func(b []byte) { b[31] = 7 }), nil},
		{"zero", make([]byte, 32), ErrZeroScalar},
		{"q", qBytes, ErrNonCanonical},
		{"minimal encoding", []byte{7}, ErrLength},
		{"33 bytes", make([]byte, 33), ErrLength},
	}
	for name, parse := range parsers {
		rows := g1Rows
		switch name {
		case "eon public key", "public key share":
			rows = g2Rows
		case "secret key share":
			rows = scalarRows
		}
		for _, r := range rows {
			t.Run(name+"/"+r.name, func(t *testing.T) {
				err := parse(r.input)
				if !errors.Is(err, r.want) || (r.want == nil) != (err == nil) {
					t.Fatalf("got %v, want %v", err, r.want)
				}
				var de *DecodeError
				if err != nil && (!errors.As(err, &de) || de.Field != name) {
					t.Fatalf("error %v does not name field %q", err, name)
				}
			})
		}
	}
}

func TestCiphertextDecoding(t *testing.T) {
	rng := seeded(29)
	d, _ := TrustedDeal(rng, 3, 2)
	c, _ := d.Committee()
	id := TxIdentity([32]byte{9}, common.Address{9}).Point()
	key := combineAll(t, c, d, id)
	msg := []byte("hello veil")
	var sigma [SigmaSize]byte
	sigma[0] = 1
	good := EncryptWithSigma(msg, d.EonKey, id, &sigma).Bytes()
	_, g2NotOn := offSubgroupG2(t)
	g2Off, _ := offSubgroupG2(t)

	// Lax padding: the last byte says 22, the others do not all say so.
	// Shutter's decoder accepts this; Veil must not.
	lax := make([]byte, 32)
	copy(lax, msg)
	for i := len(msg); i < 32; i++ {
		lax[i] = 22
	}
	lax[20] = 0
	laxCT := encryptPadded(msg, lax, d.EonKey, id, &sigma).Bytes()
	// Length byte 0 and > 32.
	zeroPad := encryptPadded(msg, make([]byte, 32), d.EonKey, id, &sigma).Bytes()
	bigPad := encryptPadded(msg, bytes.Repeat([]byte{33}, 32), d.EonKey, id, &sigma).Bytes()
	// Valid padding and sigma, but r ≠ H3(sigma ‖ m): only the C1
	// re-derivation check catches it.
	mauled := encryptPadded(append(bytes.Clone(msg), 'x'), with(lax, func(b []byte) { b[20] = 22 }), d.EonKey, id, &sigma).Bytes()

	for _, r := range []struct {
		name  string
		input []byte
		want  []error
	}{
		{"valid", good, nil},
		{"empty", nil, []error{ErrLength}},
		{"version only", []byte{Version}, []error{ErrLength}},
		{"version 0x02", with(good, func(b []byte) { b[0] = 2 }), []error{ErrVersion}},
		{"no C3 block", good[:HeaderSize], []error{ErrLength}},
		{"partial block", good[:len(good)-1], []error{ErrLength}},
		{"C1 not compressed", with(good, func(b []byte) { b[1] &^= flagCompressed }), []error{ErrEncoding}},
		{"C1 infinity", with(good, func(b []byte) { copy(b[1:], make([]byte, G2Size)); b[1] = 0xc0 }), []error{ErrInfinity}},
		{"C1 not on curve", with(good, func(b []byte) { copy(b[1:], g2NotOn) }), []error{ErrNotOnCurve}},
		{"C1 not in subgroup", with(good, func(b []byte) { copy(b[1:], g2Off) }), []error{ErrNotInSubgroup}},
		{"C2 flipped", with(good, func(b []byte) { b[100] ^= 1 }), []error{ErrDecrypt}},
		{"C3 flipped", with(good, func(b []byte) { b[130] ^= 1 }), []error{ErrDecrypt}},
		{"lax padding", laxCT, []error{ErrDecrypt, ErrPadding}},
		{"padding length 0", zeroPad, []error{ErrDecrypt, ErrPadding}},
		{"padding length 33", bigPad, []error{ErrDecrypt, ErrPadding}},
		{"C1 not re-derivable", mauled, []error{ErrDecrypt}},
	} {
		t.Run(r.name, func(t *testing.T) {
			for name, dec := range decrypters {
				m, err := dec(r.input, key)
				if r.want == nil {
					if err != nil || !bytes.Equal(m, msg) {
						t.Fatalf("%s: (%q, %v)", name, m, err)
					}
					continue
				}
				for _, w := range r.want {
					if !errors.Is(err, w) {
						t.Fatalf("%s: %v, want %v", name, err, w)
					}
				}
				if r.name == "C1 not re-derivable" && errors.Is(err, ErrPadding) {
					t.Fatalf("%s: padding error, want the C1 check", name)
				}
			}
		})
	}
}

// combineAll releases every keyper's share of id and combines them.
func combineAll(t testing.TB, c *Committee, d *Dealing, id *IdentityPoint) *IdentityKey {
	t.Helper()
	return combineFrom(t, c, d.Shares, id, nil)
}

// combineFrom releases the shares of keypers (all if nil; indices from 1)
// and combines them, failing the test on any fault.
func combineFrom(t testing.TB, c *Committee, shares []*SecretKeyShare, id *IdentityPoint, keypers []int) *IdentityKey {
	t.Helper()
	if keypers == nil {
		for i := range shares {
			keypers = append(keypers, i+1)
		}
	}
	var claims []ShareClaim
	for _, i := range keypers {
		claims = append(claims, ShareClaim{Keyper: i, Identity: id, Share: shares[i-1].Release(id)})
	}
	key, faults, err := c.CombineClaims(nil, claims)
	if err != nil || len(faults) > 0 {
		t.Fatal(err, faults)
	}
	return key
}

// TestRoundTrip is the property encrypt→decrypt = identity over random
// messages (lengths around every block boundary) and identities, and that
// another identity's key never decrypts.
func TestRoundTrip(t *testing.T) {
	rng := seeded(31)
	d, _ := TrustedDeal(rng, 4, 3)
	c, _ := d.Committee()
	var prevKey *IdentityKey
	for i := range 40 {
		n := []int{0, 1, 31, 32, 33, 63, 64, 65, 100, 1000}[i%10] + i/10
		msg := make([]byte, n)
		rng.Read(msg)
		pre := make([]byte, i%40)
		rng.Read(pre)
		id := NewIdentityPoint(pre)
		ct, err := Encrypt(rng, msg, d.EonKey, id)
		if err != nil {
			t.Fatal(err)
		}
		if ct.Len() != CiphertextSize(n) || len(ct.Bytes()) != ct.Len() {
			t.Fatalf("len %d: ciphertext %d bytes, want %d", n, ct.Len(), CiphertextSize(n))
		}
		parsed, err := ParseCiphertext(ct.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(parsed.Bytes(), ct.Bytes()) {
			t.Fatal("parse∘encode is not the identity")
		}
		key := combineAll(t, c, d, id)
		m, err := Decrypt(ct.Bytes(), key)
		if err != nil || !bytes.Equal(m, msg) {
			t.Fatalf("len %d: decrypt = %v", n, err)
		}
		if prevKey != nil {
			if _, err := Decrypt(ct.Bytes(), prevKey); !errors.Is(err, ErrDecrypt) {
				t.Fatalf("another identity's key: %v", err)
			}
		}
		prevKey = key
	}
}
