package threshold

import (
	"encoding/binary"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// Identity is a 32-byte identity preimage as Veil derives it; H1 of it is the
// IBE identity.
type Identity [32]byte

// bidIdentityTag separates bid identities from transaction identities.
const bidIdentityTag = "veil/bid/v1"

// TxIdentity is a transaction's identity: keccak256(prefix ‖ sender), the
// Shutter API rule, so a wallet encrypting for Shutter encrypts for Veil.
func TxIdentity(prefix [32]byte, sender common.Address) Identity {
	return Identity(crypto.Keccak256Hash(prefix[:], sender[:]))
}

// BidIdentity is the identity under which all sealed bids of one slot are
// encrypted: keccak256("veil/bid/v1" ‖ chainID (u64 BE) ‖ slot (u64 BE)).
func BidIdentity(chainID, slot uint64) Identity {
	var b [len(bidIdentityTag) + 16]byte
	copy(b[:], bidIdentityTag)
	binary.BigEndian.PutUint64(b[len(bidIdentityTag):], chainID)
	binary.BigEndian.PutUint64(b[len(bidIdentityTag)+8:], slot)
	return Identity(crypto.Keccak256Hash(b[:]))
}

// Point hashes the identity to G1.
func (id Identity) Point() *IdentityPoint { return NewIdentityPoint(id[:]) }

// String returns the 0x-prefixed hex encoding.
func (id Identity) String() string { return common.Hash(id).Hex() }
