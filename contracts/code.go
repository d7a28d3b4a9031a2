package contracts

import (
	"embed"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// runtime holds the code each deployment leaves on chain. No contract has
// immutables (its parameters are in storage), so a deployment's code is
// this byte for byte and Veil can tell an L1 that runs something else.
//
//go:embed build/*.bin-runtime
var runtime embed.FS

// RuntimeCode is the code a deployment of the named contract leaves on chain.
func RuntimeCode(name string) ([]byte, error) {
	raw, err := runtime.ReadFile("build/" + name + ".bin-runtime")
	if err != nil {
		return nil, fmt.Errorf("contracts: no runtime code for %s: %w", name, err)
	}
	return hex.DecodeString(strings.TrimSpace(string(raw)))
}

// CodeHash is keccak256 of RuntimeCode(name): what eth_getCode of a
// genuine deployment hashes to.
func CodeHash(name string) (common.Hash, error) {
	code, err := RuntimeCode(name)
	if err != nil {
		return common.Hash{}, err
	}
	return crypto.Keccak256Hash(code), nil
}
