package threshold

import (
	"bytes"
	"errors"
	"testing"
)

// Fuzz targets for every decoder of outside bytes. Their seed corpora live in
// testdata/fuzz and run as plain tests with go test; make fuzz explores.

// fuzzKey is a fixed identity key for the decryption paths of the fuzzers.
func fuzzKey(t testing.TB) *IdentityKey {
	d, err := TrustedDeal(seeded(41), 1, 1)
	if err != nil {
		t.Fatal(err)
	}
	return d.Shares[0].Release(NewIdentityPoint(nil)).asKey()
}

func FuzzParseCiphertext(f *testing.F) {
	f.Add([]byte{Version})
	f.Add(make([]byte, MinCiphertextSize))
	key := fuzzKey(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		ct, err := ParseCiphertext(b)
		var de *DecodeError
		if err != nil && !errors.As(err, &de) {
			t.Fatalf("untyped error %v", err)
		}
		if err == nil && !bytes.Equal(ct.Bytes(), b) {
			t.Fatalf("re-encoding differs")
		}
		// The fast path must accept and reject exactly what the strict
		// parser plus Decrypt does.
		m1, err1 := Decrypt(b, key)
		var m2 []byte
		err2 := err
		if err == nil {
			m2, err2 = ct.Decrypt(key)
		}
		if (err1 == nil) != (err2 == nil) || !bytes.Equal(m1, m2) {
			t.Fatalf("decrypt paths disagree: %v vs %v", err1, err2)
		}
	})
}

func FuzzParseG1(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		k, err1 := ParseIdentityKey(b)
		s, err2 := ParseIdentityKeyShare(b)
		if (err1 == nil) != (err2 == nil) {
			t.Fatalf("key and share decoders disagree: %v vs %v", err1, err2)
		}
		if err1 == nil && (!bytes.Equal(k.Bytes(), b) || !bytes.Equal(s.Bytes(), b)) {
			t.Fatalf("accepted a non-canonical encoding")
		}
		checkTyped(t, err1)
	})
}

func FuzzParseG2(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		k, err1 := ParseEonPublicKey(b)
		s, err2 := ParsePublicKeyShare(b)
		if (err1 == nil) != (err2 == nil) {
			t.Fatalf("key and share decoders disagree: %v vs %v", err1, err2)
		}
		if err1 == nil && (!bytes.Equal(k.Bytes(), b) || !bytes.Equal(s.Bytes(), b)) {
			t.Fatalf("accepted a non-canonical encoding")
		}
		checkTyped(t, err1)
	})
}

func FuzzParseSecretKeyShare(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		k, err := ParseSecretKeyShare(b)
		if err == nil {
			if enc := k.Bytes(); !bytes.Equal(enc[:], b) {
				t.Fatalf("accepted a non-canonical encoding")
			}
		}
		checkTyped(t, err)
	})
}

func checkTyped(t *testing.T, err error) {
	t.Helper()
	var de *DecodeError
	if err != nil && !errors.As(err, &de) {
		t.Fatalf("untyped error %v", err)
	}
}
