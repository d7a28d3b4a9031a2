package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDKGFilesDecrypt is the DKG's end-to-end check through the CLI: a
// ciphertext made with `veil encrypt` under the eon key `veil dkg` wrote
// decrypts with t shares released from its key files, and not with t−1.
func TestDKGFilesDecrypt(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "eon")
	out, errOut, code := runVeil(t, nil, "dkg", "--keypers", "7", "--threshold", "5", "--out", dir)
	if code != 0 {
		t.Fatalf("dkg: %d %s", code, errOut)
	}
	for _, phase := range []string{"announce", "deal", "complaint", "justification", "qualified 7 of 7"} {
		if !strings.Contains(out, phase) {
			t.Errorf("dkg output lacks %q:\n%s", phase, out)
		}
	}
	var eon struct {
		PublicKey string `json:"publicKey"`
		Threshold int    `json:"threshold"`
	}
	b, err := os.ReadFile(filepath.Join(dir, "eon.json"))
	if err != nil || json.Unmarshal(b, &eon) != nil || eon.Threshold != 5 {
		t.Fatalf("eon.json: %v %s", err, b)
	}
	id := strings.TrimSpace(mustRun(t, nil, "identity", "bid", "--chain-id", "1337", "--slot", "12"))
	ct := mustRun(t, []byte("sealed bid"), "encrypt", "--eon-key", eon.PublicKey, "--identity", id)

	shares := map[int]string{}
	for _, i := range []int{7, 3, 1, 6, 4, 2} {
		shares[i] = strings.TrimSpace(mustRun(t, nil, "keyper", "release", "--key-file", filepath.Join(dir, fmt.Sprintf("keyper-%d.json", i)), "--identity", id))
	}
	combine := func(keypers ...int) (string, string, int) {
		args := []string{"combine", "--eon", filepath.Join(dir, "eon.json"), "--identity", id}
		for _, i := range keypers {
			args = append(args, "--share", fmt.Sprintf("%d:%s", i, shares[i]))
		}
		return runVeil(t, nil, args...)
	}
	key, errOut, code := combine(7, 3, 1, 6, 4)
	if code != 0 {
		t.Fatalf("combine t shares: %s", errOut)
	}
	if got := mustRun(t, []byte(ct), "decrypt", "--key", strings.TrimSpace(key)); got != "sealed bid" {
		t.Fatalf("decrypt = %q", got)
	}
	if _, errOut, code := combine(7, 3, 1, 6); code == 0 || !strings.Contains(errOut, "fewer shares than the threshold") {
		t.Fatalf("t−1 shares: code %d, %s", code, errOut)
	}
	// A share presented as another keyper's is named.
	if _, errOut, code := runVeil(t, nil, "combine", "--eon", filepath.Join(dir, "eon.json"), "--identity", id,
		"--share", "1:"+shares[2], "--share", "2:"+shares[2]); code == 0 || !strings.Contains(errOut, "keyper 1") {
		t.Fatalf("mislabelled share: code %d, %s", code, errOut)
	}
	// The directory now holds an eon: a second run refuses to overwrite it.
	if _, errOut, code := runVeil(t, nil, "dkg", "--out", dir); code == 0 || !strings.Contains(errOut, "already holds an eon") {
		t.Fatalf("second dkg into the same directory: %d %s", code, errOut)
	}
}

func mustRun(t *testing.T, stdin []byte, args ...string) string {
	t.Helper()
	out, errOut, code := runVeil(t, stdin, args...)
	if code != 0 {
		t.Fatalf("veil %v: %s", args, errOut)
	}
	return out
}
