package contracts

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
)

// bound is every contract with Go bindings, as make contracts writes them.
var bound = map[string]*bind.MetaData{
	"BatchInbox":           BatchInboxMetaData,
	"DepositVault":         DepositVaultMetaData,
	"ForcedInclusionQueue": ForcedInclusionQueueMetaData,
	"LibCheck":             LibCheckMetaData,
	"SequencerRegistry":    SequencerRegistryMetaData,
}

// TestBuildMatchesSources: build/ was made from today's src/ and solc.json
// with the solc the lockfile pins. Edit a source without `make contracts`
// and this fails, naming the file.
func TestBuildMatchesSources(t *testing.T) {
	var manifest struct {
		Solc     string            `json:"solc"`
		Settings string            `json:"settings"`
		Sources  map[string]string `json:"sources"`
	}
	raw, err := os.ReadFile("build/manifest.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &manifest); err != nil {
		t.Fatal(err)
	}
	sum := func(path string) string {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		h := sha256.Sum256(b)
		return hex.EncodeToString(h[:])
	}
	if got := sum("solc.json"); got != manifest.Settings {
		t.Errorf("solc.json changed since the build (sha256 %s, built from %s): run make contracts", got, manifest.Settings)
	}
	files, err := filepath.Glob("src/*.sol")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, f := range files {
		name := filepath.Base(f)
		seen[name] = true
		if want, ok := manifest.Sources[name]; !ok {
			t.Errorf("src/%s is not in the build: run make contracts", name)
		} else if got := sum(f); got != want {
			t.Errorf("src/%s changed since the build: run make contracts", name)
		}
	}
	for name := range manifest.Sources {
		if !seen[name] {
			t.Errorf("the build has %s, which src/ no longer has: run make contracts", name)
		}
	}
	var lock struct {
		Packages map[string]struct {
			Version string `json:"version"`
		} `json:"packages"`
	}
	raw, err = os.ReadFile("package-lock.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &lock); err != nil {
		t.Fatal(err)
	}
	pinned := lock.Packages["node_modules/solc"].Version
	if pinned == "" || !strings.HasPrefix(manifest.Solc, pinned+"+") {
		t.Errorf("built with solc %s, the lockfile pins %q: run make contracts", manifest.Solc, pinned)
	}
}

// TestBindingsMatchBuild: every binding carries exactly build/'s ABI and
// bytecode, and the contracts bound are the Makefile's BOUND.
func TestBindingsMatchBuild(t *testing.T) {
	mk, err := os.ReadFile("../Makefile")
	if err != nil {
		t.Fatal(err)
	}
	var inMakefile []string
	for _, line := range strings.Split(string(mk), "\n") {
		if rest, ok := strings.CutPrefix(line, "BOUND"); ok {
			_, list, _ := strings.Cut(rest, "=")
			inMakefile = strings.Fields(list)
		}
	}
	var inTest []string
	for name := range bound {
		inTest = append(inTest, name)
	}
	slices.Sort(inTest)
	if !slices.Equal(inMakefile, inTest) {
		t.Errorf("the Makefile binds %v, this test checks %v", inMakefile, inTest)
	}
	for name, md := range bound {
		abiFile, err := os.ReadFile(filepath.Join("build", name+".abi"))
		if err != nil {
			t.Fatal(err)
		}
		// abigen strips the ABI's whitespace (internalType "struct X"
		// becomes "structX"); compare both without it.
		if normalABI(t, abiFile) != normalABI(t, []byte(md.ABI)) {
			t.Errorf("%s: the binding's ABI is not build/%s.abi: run make contracts", name, name)
		}
		bin, err := os.ReadFile(filepath.Join("build", name+".bin"))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal([]byte("0x"+strings.TrimSpace(string(bin))), []byte(md.Bin)) {
			t.Errorf("%s: the binding's bytecode is not build/%s.bin: run make contracts", name, name)
		}
	}
}

// normalABI is an ABI's JSON with sorted keys and no whitespace.
func normalABI(t *testing.T, raw []byte) string {
	t.Helper()
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(string(b)), "")
}
