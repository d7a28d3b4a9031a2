package contracts

import (
	"encoding/binary"
	"fmt"

	"github.com/ethereum/go-ethereum/common"

	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/eon"
	"github.com/veil-sequencer/veil/merkle"
)

// The committee's statements for L1 (protocol §9) as EIP-712 types, the
// same strings Statements.sol hashes.
var (
	batchType  = eip712.TypeHash("Batch(uint64 chainId,uint64 eon,uint64 index,uint64 firstSlot,uint64 lastSlot,bytes32 parent,bytes32 recordsRoot,bytes32 dataHash,bytes32 withdrawalsRoot,uint64 forcedUpTo,uint64 l1Applied,bytes32 appHash)")
	eonKeyType = eip712.TypeHash("EonKey(uint64 chainId,uint64 eon,bytes publicKey,bytes32 keypersRoot)")
	slashType  = eip712.TypeHash("Slash(uint64 chainId,uint64 registration,uint64 height,bytes32 evidenceHash)")
)

// BatchDigest is a batch header's digest under Veil's domain: what the
// committee signs, BatchInbox stores, and the next header names as parent.
func BatchDigest(d eip712.Domain, b StatementsBatch) common.Hash {
	u := eip712.EncodeUint64
	return d.Digest(eip712.HashStruct(batchType, u(b.ChainId), u(b.Eon), u(b.Index), u(b.FirstSlot), u(b.LastSlot),
		b.Parent, b.RecordsRoot, b.DataHash, b.WithdrawalsRoot, u(b.ForcedUpTo), u(b.L1Applied), b.AppHash))
}

// EonKeyDigest is the digest of an EonKey statement; publicKey is the eon
// key's EIP-2537 encoding (256 bytes), as the registry stores it.
func EonKeyDigest(d eip712.Domain, eon uint64, publicKey []byte, keypersRoot common.Hash) common.Hash {
	return d.Digest(eip712.HashStruct(eonKeyType, eip712.EncodeUint64(d.ChainID), eip712.EncodeUint64(eon),
		eip712.EncodeBytes(publicKey), keypersRoot))
}

// SlashDigest is the digest of a Slash statement.
func SlashDigest(d eip712.Domain, registration, height uint64, evidenceHash common.Hash) common.Hash {
	return d.Digest(eip712.HashStruct(slashType, eip712.EncodeUint64(d.ChainID), eip712.EncodeUint64(registration),
		eip712.EncodeUint64(height), evidenceHash))
}

// MemberItem is a keyper's leaf item in an eon's keypersRoot: its address
// ‖ CometBFT key ‖ public share.
func MemberItem(m StatementsMember) []byte {
	item := make([]byte, 0, 20+32+len(m.PublicShare))
	item = append(item, m.Keyper[:]...)
	item = append(item, m.CometPubKey[:]...)
	return append(item, m.PublicShare...)
}

// KeypersRoot is the root (§4) over an eon's members' items, in order.
func KeypersRoot(members []StatementsMember) common.Hash {
	items := make([][]byte, len(members))
	for i, m := range members {
		items[i] = MemberItem(m)
	}
	return merkle.Root(items)
}

// WithdrawalItem is a withdrawal's leaf item in a batch's withdrawalsRoot:
// account ‖ recipient ‖ amount (32 bytes) ‖ withdrawNonce (8 bytes).
func WithdrawalItem(w DepositVaultWithdrawal) []byte {
	item := make([]byte, 0, 80)
	item = append(item, w.Account[:]...)
	item = append(item, w.Recipient[:]...)
	item = append(item, common.BigToHash(w.Amount).Bytes()...)
	return binary.BigEndian.AppendUint64(item, w.WithdrawNonce)
}

// RegistrationMessage is what a registrant's CometBFT key signs (ed25519)
// to prove it holds the key it registers: "veil/register/v1" ‖ the L1's
// chain id (u64 BE) ‖ the registry's address ‖ the keyper's address. L1
// stores the signature; Veil checks it.
func RegistrationMessage(l1ChainID uint64, registry, keyper common.Address) []byte {
	msg := append([]byte("veil/register/v1"), binary.BigEndian.AppendUint64(nil, l1ChainID)...)
	msg = append(msg, registry[:]...)
	return append(msg, keyper[:]...)
}

// Members are an eon's keypers as the registry records them: each
// keyper's address, its validator's CometBFT key (cometKeys, in keyper
// order) and its public share, compressed as Veil encodes it.
func Members(info *eon.Info, cometKeys [][32]byte) ([]StatementsMember, error) {
	if len(cometKeys) != len(info.Keypers) {
		return nil, fmt.Errorf("contracts: eon %d has %d keypers, %d CometBFT keys given", info.Eon, len(info.Keypers), len(cometKeys))
	}
	out := make([]StatementsMember, len(info.Keypers))
	for i, k := range info.Keypers {
		if k.PublicKeyShare == nil {
			return nil, fmt.Errorf("contracts: eon %d keyper %d has no public share", info.Eon, k.Index)
		}
		out[i] = StatementsMember{Keyper: k.Address, CometPubKey: cometKeys[i], PublicShare: k.PublicKeyShare.Bytes()}
	}
	return out, nil
}
