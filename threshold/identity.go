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

// signingIdentityTag separates the committee's signing identities (protocol
// §9) from every identity anything is encrypted to.
const signingIdentityTag = "veil/sign/v1"

// SigningIdentity is the identity whose key is the committee's signature on
// statement digest m: keccak256("veil/sign/v1" ‖ chainID (u64 BE) ‖ eon
// (u64 BE) ‖ m). Its key is released and combined like a transaction key;
// L1 checks it with e(key, G2gen) = e(H1(sid), PK).
func SigningIdentity(chainID, eon uint64, m [32]byte) Identity {
	var b [len(signingIdentityTag) + 16 + 32]byte
	copy(b[:], signingIdentityTag)
	binary.BigEndian.PutUint64(b[len(signingIdentityTag):], chainID)
	binary.BigEndian.PutUint64(b[len(signingIdentityTag)+8:], eon)
	copy(b[len(signingIdentityTag)+16:], m[:])
	return Identity(crypto.Keccak256Hash(b[:]))
}

// Point hashes the identity to G1.
func (id Identity) Point() *IdentityPoint { return NewIdentityPoint(id[:]) }

// String returns the 0x-prefixed hex encoding.
func (id Identity) String() string { return common.Hash(id).Hex() }
