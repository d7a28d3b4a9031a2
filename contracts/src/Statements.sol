// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.37;

/// @title Statements
/// @notice What a Veil committee signs for L1 (protocol §9), as EIP-712
/// structs under Veil's domain EIP712Domain(string name,string version,
/// uint256 chainId,bytes32 salt) = {"Veil", "1", the rollup's chain id, the
/// keccak256 of Veil's genesis document}. A statement's digest is the m of
/// CommitteeSig.verify.
library Statements {
    /// @notice A batch header: a run of Veil slots posted to L1.
    struct Batch {
        uint64 chainId;
        uint64 eon;
        uint64 index;
        uint64 firstSlot;
        uint64 lastSlot;
        bytes32 parent;
        bytes32 recordsRoot;
        bytes32 dataHash;
        bytes32 withdrawalsRoot;
        uint64 forcedUpTo;
        uint64 l1Applied;
        bytes32 appHash;
    }

    /// @notice One keyper of an eon, a leaf of its keypersRoot.
    struct Member {
        address keyper;
        bytes32 cometPubKey;
        bytes publicShare;
    }

    bytes32 internal constant DOMAIN_TYPEHASH =
        keccak256("EIP712Domain(string name,string version,uint256 chainId,bytes32 salt)");
    bytes32 internal constant BATCH_TYPEHASH = keccak256(
        "Batch(uint64 chainId,uint64 eon,uint64 index,uint64 firstSlot,uint64 lastSlot,bytes32 parent,bytes32 recordsRoot,bytes32 dataHash,bytes32 withdrawalsRoot,uint64 forcedUpTo,uint64 l1Applied,bytes32 appHash)"
    );
    bytes32 internal constant EONKEY_TYPEHASH =
        keccak256("EonKey(uint64 chainId,uint64 eon,bytes publicKey,bytes32 keypersRoot)");
    bytes32 internal constant SLASH_TYPEHASH =
        keccak256("Slash(uint64 chainId,uint64 registration,uint64 height,bytes32 evidenceHash)");

    /// @notice Veil's EIP-712 domain separator for a rollup chain id and genesis salt.
    function domainSeparator(uint64 chainId, bytes32 salt) internal pure returns (bytes32) {
        return keccak256(abi.encode(DOMAIN_TYPEHASH, keccak256("Veil"), keccak256("1"), uint256(chainId), salt));
    }

    /// @notice The digest of a batch header (also its hash: the next header's parent).
    function batchDigest(bytes32 domain, Batch calldata b) internal pure returns (bytes32) {
        // Every field is static, so abi.encode lays the struct out as the
        // EIP-712 encoding of its fields, one word each.
        return digest(domain, keccak256(abi.encode(BATCH_TYPEHASH, b)));
    }

    /// @notice The digest of an eon key statement; publicKey is EIP-2537 encoded (256 bytes).
    function eonKeyDigest(bytes32 domain, uint64 chainId, uint64 eon, bytes memory publicKey, bytes32 keypersRoot)
        internal
        pure
        returns (bytes32)
    {
        return digest(domain, keccak256(abi.encode(EONKEY_TYPEHASH, chainId, eon, keccak256(publicKey), keypersRoot)));
    }

    /// @notice The digest of a slash statement.
    function slashDigest(bytes32 domain, uint64 chainId, uint64 registration, uint64 height, bytes32 evidenceHash)
        internal
        pure
        returns (bytes32)
    {
        return digest(domain, keccak256(abi.encode(SLASH_TYPEHASH, chainId, registration, height, evidenceHash)));
    }

    /// @notice keccak256(0x19 ‖ 0x01 ‖ domain ‖ structHash).
    function digest(bytes32 domain, bytes32 structHash) internal pure returns (bytes32) {
        return keccak256(abi.encodePacked(hex"1901", domain, structHash));
    }

    /// @notice The leaf item of a member in keypersRoot: keyper ‖ cometPubKey ‖ publicShare.
    function memberItem(Member memory m) internal pure returns (bytes memory) {
        return abi.encodePacked(m.keyper, m.cometPubKey, m.publicShare);
    }
}
