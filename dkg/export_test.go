package dkg

import "github.com/ethereum/go-ethereum/crypto/ecies"

// eciesEncrypt encrypts b from dealer k to keyper j as a deal does.
func eciesEncrypt(k *Keyper, j int, b []byte) ([]byte, error) {
	return ecies.Encrypt(k.rand, k.ephKeys[j], b, k.shareContext(k.index, j), nil)
}
