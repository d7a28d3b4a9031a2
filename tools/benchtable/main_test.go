package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseKeepsFastestRun(t *testing.T) {
	in := `goos: linux
pkg: github.com/veil-sequencer/veil/threshold
BenchmarkBaselinePairing-2    	    2150	    551569 ns/op	    4416 B/op	      23 allocs/op
BenchmarkEncrypt100B-2        	    1904	    631115 ns/op	   0.16 MB/s
BenchmarkBaselinePairing-2    	    2373	    518169 ns/op
BenchmarkDecryptBatch1000     	       3	 358288239 ns/op
BenchmarkDKG/n=31-2           	       1	 900000000 ns/op	       250.5 cpu-ms/keyper	  1000 B/op	 10 allocs/op
PASS
pkg: github.com/veil-sequencer/veil/auction
BenchmarkBaselinePairing-2    	       1	       100 ns/op
ok  	github.com/veil-sequencer/veil/threshold	20.746s
`
	names, best, extras, procs, err := parse(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]float64{
		"threshold/BaselinePairing":  518169,
		"threshold/Encrypt100B":      631115,
		"threshold/DecryptBatch1000": 358288239,
		"auction/BaselinePairing":    100,
		"threshold/DKG/n=31":         900000000,
	}
	if procs != 2 {
		t.Fatalf("procs = %d, want the runs' GOMAXPROCS 2", procs)
	}
	if extras["threshold/DKG/n=31"] != "250.5 cpu-ms/keyper" || extras["threshold/Encrypt100B"] != "" {
		t.Fatalf("extras = %q", extras)
	}
	if len(names) != len(want) || names[0] != "threshold/BaselinePairing" || names[4] != "auction/BaselinePairing" {
		t.Fatalf("names = %v", names)
	}
	for n, ns := range want {
		if best[n] != ns {
			t.Errorf("%s = %v, want %v", n, best[n], ns)
		}
	}
}

func TestTargetsNameRealBenchmarks(t *testing.T) {
	// A target whose benchmark was renamed would silently vanish from the
	// table: every name must be a Benchmark function of its package.
	for _, tg := range targets {
		for _, n := range append([]string{tg.measured}, tg.baseline...) {
			pkg, name, ok := strings.Cut(n, "/")
			if !ok {
				t.Fatalf("target %q: %q is not pkg/Name", tg.what, n)
			}
			files, err := filepath.Glob(filepath.Join("..", "..", pkg, "*_test.go"))
			if err != nil || len(files) == 0 {
				t.Fatalf("target %q: no tests in package %s", tg.what, pkg)
			}
			found := false
			for _, f := range files {
				src, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				found = found || strings.Contains(string(src), "func Benchmark"+name+"(")
			}
			if !found {
				t.Errorf("target %q: no func Benchmark%s in %s", tg.what, name, pkg)
			}
		}
	}
}
