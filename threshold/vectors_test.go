package threshold

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/ethereum/go-ethereum/common/hexutil"
)

// The vector files are copies of ../shared/testdata (made by Shutter's SDK and
// Shutter's own test suite); TestVectorFilesMatchShared keeps them in step.
const (
	vectorsFile  = "testdata/shutter-vectors.json"
	officialFile = "testdata/shutter-official-testdata.json"
)

type vectorFile struct {
	EonSecretKey string `json:"eonSecretKey"`
	EonPublicKey string `json:"eonPublicKey"`
	Threshold    int    `json:"threshold"`
	NumKeypers   int    `json:"numKeypers"`
	Keypers      []struct {
		Index             int    `json:"index"`
		X                 int    `json:"x"`
		EonSecretKeyShare string `json:"eonSecretKeyShare"`
		EonPublicKeyShare string `json:"eonPublicKeyShare"`
	} `json:"keypers"`
	Identities []struct {
		Label                string   `json:"label"`
		IdentityPrefix       string   `json:"identityPrefix"`
		Sender               string   `json:"sender"`
		IdentityPreimage     string   `json:"identityPreimage"`
		EpochIDG1            string   `json:"epochIdG1"`
		EpochSecretKey       string   `json:"epochSecretKey"`
		EpochSecretKeyShares []string `json:"epochSecretKeyShares"`
		CombinedFromKeypers  []int    `json:"combinedFromKeypers"`
		LagrangeCoefficients []string `json:"lagrangeCoefficients"`
	} `json:"identities"`
	Vectors []struct {
		Name             string `json:"name"`
		IdentityIndex    int    `json:"identityIndex"`
		EonPublicKey     string `json:"eonPublicKey"`
		IdentityPreimage string `json:"identityPreimage"`
		EpochIDG1        string `json:"epochIdG1"`
		EpochSecretKey   string `json:"epochSecretKey"`
		Sigma            string `json:"sigma"`
		Message          string `json:"message"`
		R                string `json:"r"`
		C1               string `json:"c1"`
		GTBytes          string `json:"gtBytes"`
		C2               string `json:"c2"`
		C3               string `json:"c3"`
		Ciphertext       string `json:"ciphertext"`
	} `json:"vectors"`
	NegativeVectors []struct {
		Name           string `json:"name"`
		Ciphertext     string `json:"ciphertext"`
		EpochSecretKey string `json:"epochSecretKey"`
		Reason         string `json:"reason"`
	} `json:"negativeVectors"`
}

type officialCase struct {
	Name     string `json:"name"`
	Type     string `json:"type"`
	TestData struct {
		Message        string `json:"message"`
		EonPublicKey   string `json:"eon_public_key"`
		EpochID        string `json:"epoch_id"`
		Sigma          string `json:"sigma"`
		Expected       string `json:"expected"`
		Cipher         string `json:"cipher"`
		EpochSecretKey string `json:"epoch_secret_key"`
	} `json:"test_data"`
}

func readJSON(t testing.TB, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

func unhex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hexutil.Decode(s)
	if err != nil {
		t.Fatalf("bad hex %q: %v", s, err)
	}
	return b
}

func sigma32(t testing.TB, s string) *[SigmaSize]byte {
	t.Helper()
	b := unhex(t, s)
	if len(b) != SigmaSize {
		t.Fatalf("sigma of %d bytes", len(b))
	}
	return (*[SigmaSize]byte)(b)
}

func TestVectorFilesMatchShared(t *testing.T) {
	for _, f := range []string{vectorsFile, officialFile} {
		shared := filepath.Join("..", "..", "shared", f)
		want, err := os.ReadFile(shared)
		if errors.Is(err, os.ErrNotExist) {
			t.Skipf("%s not beside the repository", shared)
		}
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s: copy it again", f, shared)
		}
	}
}

func TestShutterVectors(t *testing.T) {
	var vf vectorFile
	readJSON(t, vectorsFile, &vf)
	if len(vf.Vectors) == 0 || len(vf.NegativeVectors) == 0 {
		t.Fatal("no vectors")
	}
	for _, v := range vf.Vectors {
		t.Run(v.Name, func(t *testing.T) {
			pk, err := ParseEonPublicKey(unhex(t, v.EonPublicKey))
			if err != nil {
				t.Fatal(err)
			}
			id := NewIdentityPoint(unhex(t, v.IdentityPreimage))
			if got := hexutil.Encode(id.Bytes()); got != v.EpochIDG1 {
				t.Fatalf("H1(id) = %s, want %s", got, v.EpochIDG1)
			}
			sigma := sigma32(t, v.Sigma)
			msg := unhex(t, v.Message)
			r := hashToScalar(sigma, msg)
			if got := hexutil.Encode(r.Marshal()); got != v.R {
				t.Fatalf("r = %s, want %s", got, v.R)
			}
			ct := EncryptWithSigma(msg, pk, id, sigma)
			c1 := ct.c1.Bytes()
			if got := hexutil.Encode(c1[:]); got != v.C1 {
				t.Errorf("C1 = %s, want %s", got, v.C1)
			}
			if got := hexutil.Encode(ct.c2[:]); got != v.C2 {
				t.Errorf("C2 = %s, want %s", got, v.C2)
			}
			if got := hexutil.Encode(ct.c3); got != v.C3 {
				t.Errorf("C3 = %s, want %s", got, v.C3)
			}
			if got := hexutil.Encode(ct.Bytes()); got != v.Ciphertext {
				t.Fatalf("ciphertext = %s, want %s", got, v.Ciphertext)
			}
			key, err := ParseIdentityKey(unhex(t, v.EpochSecretKey))
			if err != nil {
				t.Fatal(err)
			}
			g := gtOf(key, &ct.c1)
			if got := hexutil.Encode(g[:]); got != v.GTBytes {
				t.Errorf("GT bytes differ")
			}
			for name, dec := range decrypters {
				m, err := dec(unhex(t, v.Ciphertext), key)
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				if !bytes.Equal(m, msg) {
					t.Fatalf("%s: plaintext %x, want %x", name, m, msg)
				}
			}
			if err := VerifyKey(pk, id, key); err != nil {
				t.Errorf("VerifyKey: %v", err)
			}
		})
	}
	for _, v := range vf.NegativeVectors {
		t.Run("negative/"+v.Name, func(t *testing.T) {
			key, err := ParseIdentityKey(unhex(t, v.EpochSecretKey))
			if err != nil {
				t.Fatal(err)
			}
			want, ok := negativeWant[v.Name]
			if !ok {
				t.Fatalf("no expected error for negative vector %q", v.Name)
			}
			for name, dec := range decrypters {
				m, err := dec(unhex(t, v.Ciphertext), key)
				if !errors.Is(err, want) {
					t.Fatalf("%s: got (%x, %v), want %v (%s)", name, m, err, want, v.Reason)
				}
			}
		})
	}
}

// negativeWant is the error each negative vector must produce. The
// tampered C1 yields a plaintext whose last byte is valid padding, which
// Shutter accepts until its C1 check; Veil's strict padding rejects it first,
// both as ErrDecrypt.
var negativeWant = map[string]error{
	"tampered-c1":            ErrDecrypt,
	"wrong-version":          ErrVersion,
	"truncated":              ErrLength,
	"wrong-key":              ErrDecrypt,
	"c1-not-compressed-flag": ErrEncoding,
}

// decrypters are the two decryption paths, which must agree on every input.
var decrypters = map[string]func([]byte, *IdentityKey) ([]byte, error){
	"Decrypt": Decrypt,
	"ParseCiphertext+Decrypt": func(b []byte, k *IdentityKey) ([]byte, error) {
		ct, err := ParseCiphertext(b)
		if err != nil {
			return nil, err
		}
		return ct.Decrypt(k)
	},
}

func TestShutterOfficialTestData(t *testing.T) {
	var cases []officialCase
	readJSON(t, officialFile, &cases)
	if len(cases) != 18 {
		t.Fatalf("%d cases, want 18", len(cases))
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			d := c.TestData
			switch c.Type {
			case "encryption":
				pk, err := ParseEonPublicKey(unhex(t, d.EonPublicKey))
				if err != nil {
					t.Fatal(err)
				}
				ct := EncryptWithSigma(unhex(t, d.Message), pk, NewIdentityPoint(unhex(t, d.EpochID)), sigma32(t, d.Sigma))
				if got := hexutil.Encode(ct.Bytes()); got != d.Expected {
					t.Fatalf("ciphertext = %s, want %s", got, d.Expected)
				}
			case "decryption":
				key, err := ParseIdentityKey(unhex(t, d.EpochSecretKey))
				if err != nil {
					t.Fatal(err)
				}
				for name, dec := range decrypters {
					m, err := dec(unhex(t, d.Cipher), key)
					if err != nil {
						t.Fatalf("%s: %v", name, err)
					}
					if got := hexutil.Encode(m); got != d.Expected {
						t.Fatalf("%s: plaintext %s, want %s", name, got, d.Expected)
					}
				}
			default:
				t.Fatalf("unknown case type %q", c.Type)
			}
		})
	}
}
