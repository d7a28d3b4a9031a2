// Command bindgen writes the Go bindings of Veil's L1 contracts with
// go-ethereum's abigen library, from the ABI and bytecode in
// contracts/build, into one file. One file because the contracts share
// struct types (Statements.Batch, Statements.Member), which separate
// abigen runs would each declare; the library rather than the abigen
// command because the command's --combined-json mode orders contracts by
// map iteration, so its output would change from run to run.
//
// Usage: go run ./contracts/internal/bindgen -build contracts/build -out contracts/bindings.go Contract...
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi/abigen"
)

func main() {
	build := flag.String("build", "contracts/build", "directory with <Contract>.abi and <Contract>.bin")
	out := flag.String("out", "contracts/bindings.go", "the Go file to write")
	pkg := flag.String("pkg", "contracts", "its package")
	flag.Parse()
	if err := run(*build, *out, *pkg, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "bindgen:", err)
		os.Exit(1)
	}
}

func run(build, out, pkg string, names []string) error {
	if len(names) == 0 {
		return fmt.Errorf("name at least one contract")
	}
	names = slices.Sorted(slices.Values(names))
	var abis, bins []string
	for _, n := range names {
		abi, err := os.ReadFile(filepath.Join(build, n+".abi"))
		if err != nil {
			return err
		}
		bin, err := os.ReadFile(filepath.Join(build, n+".bin"))
		if err != nil {
			return err
		}
		abis = append(abis, string(abi))
		bins = append(bins, "0x"+strings.TrimSpace(string(bin)))
	}
	code, err := abigen.Bind(names, abis, bins, make([]map[string]string, len(names)), pkg, map[string]string{}, map[string]string{})
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, []byte(code), 0o644); err != nil {
		return err
	}
	fmt.Printf("bindgen: %s (%s)\n", out, strings.Join(names, ", "))
	return nil
}
