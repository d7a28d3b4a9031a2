package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestMain lets the test binary act as the veil binary, so tests check real
// exit codes and stderr without a separate build.
func TestMain(m *testing.M) {
	if os.Getenv("VEIL_RUN_MAIN") == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// runVeil runs the veil binary (this test binary in main mode).
func runVeil(t *testing.T, stdin []byte, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "VEIL_RUN_MAIN=1")
	cmd.Stdin = bytes.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errb.String(), code
}

type vectors struct {
	Vectors []struct {
		Name             string `json:"name"`
		EonPublicKey     string `json:"eonPublicKey"`
		IdentityPreimage string `json:"identityPreimage"`
		EpochSecretKey   string `json:"epochSecretKey"`
		Sigma            string `json:"sigma"`
		Message          string `json:"message"`
		Ciphertext       string `json:"ciphertext"`
	} `json:"vectors"`
	NegativeVectors []struct {
		Name           string `json:"name"`
		Ciphertext     string `json:"ciphertext"`
		EpochSecretKey string `json:"epochSecretKey"`
	} `json:"negativeVectors"`
}

func loadVectors(t *testing.T) vectors {
	t.Helper()
	b, err := os.ReadFile("../../threshold/testdata/shutter-vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	var v vectors
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	return v
}

func mustHex(t *testing.T, s string) []byte {
	t.Helper()
	b, err := parseHex("vector", s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestEncryptDecryptVectors(t *testing.T) {
	vf := loadVectors(t)
	for _, v := range vf.Vectors {
		t.Run(v.Name, func(t *testing.T) {
			// Hex without 0x and with whitespace is accepted.
			out, errOut, code := runVeil(t, mustHex(t, v.Message), "encrypt",
				"--eon-key", " "+strings.TrimPrefix(v.EonPublicKey, "0x")+"\n",
				"--identity", v.IdentityPreimage, "--sigma", strings.ToUpper(v.Sigma[2:]))
			if code != 0 || out != v.Ciphertext+"\n" {
				t.Fatalf("encrypt: code %d, stdout %q, stderr %q; want %s", code, out, errOut, v.Ciphertext)
			}
			out, errOut, code = runVeil(t, []byte("  "+v.Ciphertext+"\n"), "decrypt", "--key", v.EpochSecretKey)
			if code != 0 || out != string(mustHex(t, v.Message)) {
				t.Fatalf("decrypt: code %d, stdout %x, stderr %q", code, out, errOut)
			}
		})
	}
}

func TestEncryptFreshSigma(t *testing.T) {
	v := loadVectors(t).Vectors[2]
	a, _, _ := runVeil(t, []byte("x"), "encrypt", "--eon-key", v.EonPublicKey, "--identity", v.IdentityPreimage)
	b, _, _ := runVeil(t, []byte("x"), "encrypt", "--eon-key", v.EonPublicKey, "--identity", v.IdentityPreimage)
	if a == b || !strings.HasPrefix(a, "0x03") {
		t.Fatalf("two encryptions: %q and %q", a, b)
	}
	out, _, code := runVeil(t, []byte(a), "decrypt", "--key", v.EpochSecretKey)
	if code != 0 || out != "x" {
		t.Fatalf("decrypt fresh: %d %q", code, out)
	}
}

func TestCLIErrors(t *testing.T) {
	vf := loadVectors(t)
	v := vf.Vectors[1]
	other := vf.Vectors[0]
	for _, tc := range []struct {
		name  string
		stdin string
		args  []string
		want  string // in the one-line error
	}{
		{"wrong key", v.Ciphertext, []string{"decrypt", "--key", other.EpochSecretKey}, "does not decrypt"},
		{"tampered", v.Ciphertext[:len(v.Ciphertext)-2] + "00", []string{"decrypt", "--key", v.EpochSecretKey}, "does not decrypt"},
		{"truncated", v.Ciphertext[:200], []string{"decrypt", "--key", v.EpochSecretKey}, "wrong length"},
		{"odd hex", v.Ciphertext + "0", []string{"decrypt", "--key", v.EpochSecretKey}, "stdin: not hex"},
		{"empty stdin", "", []string{"decrypt", "--key", v.EpochSecretKey}, "ciphertext: threshold: wrong length"},
		{"bad key hex", v.Ciphertext, []string{"decrypt", "--key", "zz"}, "--key: not hex"},
		{"key off curve", v.Ciphertext, []string{"decrypt", "--key", "0x" + strings.Repeat("ff", 48)}, "--key: identity key"},
		{"missing key", v.Ciphertext, []string{"decrypt"}, `required flag(s) "key" not set`},
		{"eon key infinity", "m", []string{"encrypt", "--eon-key", "c0" + strings.Repeat("00", 95), "--identity", "01"}, "point at infinity"},
		{"short sigma", "m", []string{"encrypt", "--eon-key", v.EonPublicKey, "--identity", "01", "--sigma", "0x01"}, "--sigma: 1 bytes, want 32"},
		{"bad prefix", "", []string{"identity", "tx", "--prefix", "0x01", "--sender", "0x0000000000000000000000000000000000000001"}, "--prefix: 1 bytes, want 32"},
		{"bad checksum", "", []string{"identity", "tx", "--prefix", "0x" + strings.Repeat("11", 32), "--sender", "0xA19ccb87d48d2439d6ee4892c32801b1204cbdb0"}, "EIP-55"},
		{"negative slot", "", []string{"identity", "bid", "--chain-id", "1", "--slot", "-1"}, "--slot: want a decimal uint64"},
		{"final from L1", "", []string{"follow", "--trust", "genesis.json", "--l1", "http://127.0.0.1:1", "--final"}, "--final and --l1"},
		{"DKG longer than an epoch", "", []string{"devnet", "--epoch-slots", "20", "--dkg-phase-slots", "8"}, "--epoch-slots 20 --dkg-phase-slots 8"},
		{"standby without L1", "", []string{"devnet", "--standby", "1", "--no-l1"}, "--standby 1: a standby node joins through L1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, errOut, code := runVeil(t, []byte(tc.stdin), tc.args...)
			if code == 0 {
				t.Fatalf("exit 0, stdout %q", out)
			}
			if out != "" {
				t.Fatalf("stdout on error: %q", out)
			}
			if strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, tc.want) {
				t.Fatalf("stderr %q, want one line containing %q", errOut, tc.want)
			}
		})
	}
}

func TestNegativeVectorsRejected(t *testing.T) {
	for _, v := range loadVectors(t).NegativeVectors {
		if out, errOut, code := runVeil(t, []byte(v.Ciphertext), "decrypt", "--key", v.EpochSecretKey); code == 0 || out != "" {
			t.Errorf("%s: code %d stdout %q stderr %q", v.Name, code, out, errOut)
		}
	}
}

func TestIdentityCommands(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		// The shutter-api identity of the vector file.
		{[]string{"identity", "tx", "--prefix", "3908b45f84397e8dd04fc49b7b605493131c64751a30f8925d2e79fb08a9a875", "--sender", "0xa19ccb87d48d2439d6ee4892c32801b1204cbdb0"},
			"0x353ab884198fc999e7e6b806ff654b27b474be81edeed53b3bd0700adf7a1275"},
		// The same sender with its EIP-55 checksum.
		{[]string{"identity", "tx", "--prefix", "0x3908b45f84397e8dd04fc49b7b605493131c64751a30f8925d2e79fb08a9a875", "--sender", "0xA19cCb87d48D2439d6ee4892C32801B1204cbdB0"},
			"0x353ab884198fc999e7e6b806ff654b27b474be81edeed53b3bd0700adf7a1275"},
		{[]string{"identity", "bid", "--chain-id", "258", "--slot", "42"},
			"0x" + bidIdentityHex(258, 42)},
	} {
		out, errOut, code := runVeil(t, nil, tc.args...)
		if code != 0 || out != tc.want+"\n" {
			t.Errorf("%v: code %d out %q err %q, want %s", tc.args, code, out, errOut, tc.want)
		}
	}
}

func TestHelpEverywhere(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"encrypt", "--help"}, {"decrypt", "--help"}, {"identity", "--help"}, {"identity", "tx", "--help"}, {"identity", "bid", "--help"}, {"demo", "--help"}, {"dkg", "--help"}, {"keyper", "release", "--help"}, {"combine", "--help"}} {
		out, _, code := runVeil(t, nil, args...)
		if code != 0 || !strings.Contains(out, "Usage:") {
			t.Errorf("%v: code %d, %q", args, code, out)
		}
	}
}

func TestDemo(t *testing.T) {
	var out bytes.Buffer
	if err := runDemo(t.Context(), &out, 4, 3, []byte("hello")); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"DKG: 4 keypers", "qualified 4 of 4", `plaintext "hello"`, "below threshold", "refused"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("demo output lacks %q:\n%s", want, out.String())
		}
	}
	if err := runDemo(t.Context(), &out, 4, 1, nil); err == nil {
		t.Error("threshold 1 accepted")
	}
}

// TestBuilderFlags: the builder refuses what it cannot use before touching
// the network.
func TestBuilderFlags(t *testing.T) {
	key := filepath.Join(t.TempDir(), "b.key")
	if err := os.WriteFile(key, []byte("0x"+strings.Repeat("11", 32)), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"builder"}, "key-file"},
		{[]string{"builder", "--key-file", key, "--strategy", "share:101"}, "--strategy"},
		{[]string{"builder", "--key-file", key, "--strategy", "fixed:5"}, "--strategy"},
		{[]string{"builder", "--key-file", key, "--interval", "0s"}, "--interval"},
		{[]string{"builder", "--key-file", filepath.Join(t.TempDir(), "none")}, "--key-file"},
	} {
		_, errOut, code := runVeil(t, nil, tc.args...)
		if code == 0 || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, %q", tc.args, code, errOut)
		}
	}
}
