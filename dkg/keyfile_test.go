package dkg

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/veil-sequencer/veil/threshold"
)

func TestKeyFiles(t *testing.T) {
	cfg, keys := testConfig(t, 4, 3, 7)
	res, errs, _ := run(t, newLocal(t, cfg, keys))
	checkAgreement(t, res, errs, seq(1, 4), seq(1, 4))
	dir := t.TempDir()
	for _, r := range res {
		if err := WriteKeyFile(filepath.Join(dir, "k"+string(rune('0'+r.Index))+".json"), r, 0); err != nil {
			t.Fatal(err)
		}
	}
	if err := WriteEonFile(filepath.Join(dir, "eon.json"), res[0].EonInfo(0)); err != nil {
		t.Fatal(err)
	}
	eon, err := ReadEonFile(filepath.Join(dir, "eon.json"))
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(filepath.Join(dir, "eon.json"))
	for _, field := range []string{`"eon": 7`, `"publicKey"`, `"threshold": 3`, `"keypers"`, `"publicKeyShare"`, `"activationSlot": 0`, `"chainId": 1337`} {
		if !strings.Contains(string(raw), field) {
			t.Errorf("eon.json lacks %s", field)
		}
	}
	if strings.Contains(string(raw), "secret") {
		t.Error("eon.json mentions a secret")
	}
	c, _ := eon.Committee()
	id := threshold.BidIdentity(1, 1).Point()
	var vs []threshold.VerifiedShare
	for i := 1; i <= 3; i++ {
		path := filepath.Join(dir, "k"+string(rune('0'+i))+".json")
		st, _ := os.Stat(path)
		if st.Mode().Perm() != 0o600 {
			t.Fatalf("key file mode %v", st.Mode().Perm())
		}
		ks, err := ReadKeyFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if ks.Index != i || !ks.Eon.PublicKey.Equal(eon.PublicKey) {
			t.Fatalf("key file %d: index %d", i, ks.Index)
		}
		v, err := c.VerifyShare(i, id, ks.Share.Release(id))
		if err != nil {
			t.Fatal(err)
		}
		vs = append(vs, v)
	}
	if _, err := c.Combine(vs); err != nil {
		t.Fatal(err)
	}

	// Bad files.
	k1 := filepath.Join(dir, "k1.json")
	good, _ := os.ReadFile(k1)
	for _, tc := range []struct {
		name string
		edit func(string) string
		mode os.FileMode
	}{
		{"world readable", func(s string) string { return s }, 0o644},
		{"unknown field", func(s string) string { return strings.Replace(s, `"version"`, `"extra": 1, "version"`, 1) }, 0o600},
		{"version 2", func(s string) string { return strings.Replace(s, `"version": 1`, `"version": 2`, 1) }, 0o600},
		{"another keyper's index", func(s string) string { return strings.Replace(s, `"index": 1,`, `"index": 2,`, 1) }, 0o600},
		{"truncated", func(s string) string { return s[:len(s)/2] }, 0o600},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(dir, "bad.json")
			os.Remove(p)
			if err := os.WriteFile(p, []byte(tc.edit(string(good))), tc.mode); err != nil {
				t.Fatal(err)
			}
			os.Chmod(p, tc.mode)
			if _, err := ReadKeyFile(p); !errors.Is(err, ErrKeyFile) {
				t.Fatalf("got %v, want ErrKeyFile", err)
			}
		})
	}
}

func FuzzParseEonInfo(f *testing.F) {
	cfg, keys := testConfig(f, 3, 2, 1)
	l := newLocal(f, cfg, keys)
	res, _, _, err := l.Run(f.Context())
	if err != nil {
		f.Fatal(err)
	}
	good, _ := json.Marshal(res[0].EonInfo(5))
	f.Add(good)
	f.Add([]byte(`{"eon":1,"publicKey":"0x00","threshold":1,"keypers":[],"activationSlot":0,"chainId":1}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		info, err := ParseEonInfo(b)
		if err != nil {
			if !errors.Is(err, ErrKeyFile) {
				t.Fatalf("untyped error %v", err)
			}
			return
		}
		if _, err := info.Committee(); err != nil {
			t.Fatalf("accepted eon info makes no committee: %v", err)
		}
	})
}
