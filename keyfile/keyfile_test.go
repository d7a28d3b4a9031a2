package keyfile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/veil-sequencer/veil/eon"
	"github.com/veil-sequencer/veil/threshold"
	"github.com/veil-sequencer/veil/threshold/thresholdtest"
)

// testShares deals an eon of n keypers with threshold t and returns every
// keyper's share of it.
func testShares(t testing.TB, n, th int, number uint64) []*eon.Share {
	d, err := thresholdtest.Deal(nil, n, th)
	if err != nil {
		t.Fatal(err)
	}
	info := &eon.Info{Eon: number, PublicKey: d.EonKey, Threshold: th, ChainID: 1337}
	for i := range n {
		info.Keypers = append(info.Keypers, eon.Keyper{Index: i + 1, Address: common.Address{byte(i + 1)}, PublicKeyShare: d.PublicShares[i]})
	}
	shares := make([]*eon.Share, n)
	for i := range n {
		shares[i] = &eon.Share{Eon: info, Index: i + 1, Address: info.Keypers[i].Address, Share: d.Shares[i]}
	}
	return shares
}

func TestKeyFiles(t *testing.T) {
	res := testShares(t, 4, 3, 7)
	dir := t.TempDir()
	for _, r := range res {
		if err := Write(filepath.Join(dir, "k"+string(rune('0'+r.Index))+".json"), r); err != nil {
			t.Fatal(err)
		}
	}
	if err := WriteEon(filepath.Join(dir, "eon.json"), res[0].Eon); err != nil {
		t.Fatal(err)
	}
	info, err := ReadEon(filepath.Join(dir, "eon.json"))
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
	c, _ := info.Committee()
	id := threshold.BidIdentity(1, 1).Point()
	var vs []threshold.VerifiedShare
	for i := 1; i <= 3; i++ {
		path := filepath.Join(dir, "k"+string(rune('0'+i))+".json")
		st, _ := os.Stat(path)
		if st.Mode().Perm() != 0o600 {
			t.Fatalf("key file mode %v", st.Mode().Perm())
		}
		ks, err := Read(path)
		if err != nil {
			t.Fatal(err)
		}
		if ks.Index != i || !ks.Eon.PublicKey.Equal(info.PublicKey) {
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
			if _, err := Read(p); !errors.Is(err, ErrKeyFile) {
				t.Fatalf("got %v, want ErrKeyFile", err)
			}
		})
	}
}
