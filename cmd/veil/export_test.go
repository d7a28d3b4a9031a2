package main

import (
	"encoding/binary"
	"encoding/hex"

	"github.com/ethereum/go-ethereum/crypto"
)

// bidIdentityHex spells protocol §2's bid identity out independently.
func bidIdentityHex(chainID, slot uint64) string {
	b := []byte("veil/bid/v1")
	b = binary.BigEndian.AppendUint64(b, chainID)
	b = binary.BigEndian.AppendUint64(b, slot)
	return hex.EncodeToString(crypto.Keccak256(b))
}
