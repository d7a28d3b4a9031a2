// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.37;

/// @title MerkleProof
/// @notice Checks that an item is in a list Veil committed to (protocol §4):
/// an RFC 6962 Merkle tree over keccak256, leaf keccak256(0x00 ‖ item), node
/// keccak256(0x01 ‖ left ‖ right), split at the largest power of two below
/// the size; the proof is the audit path from the leaf up, as Go's merkle
/// package makes it. Batches' withdrawal and record roots are such roots.
library MerkleProof {
    /// @notice keccak256(0x00 ‖ item).
    function leafHash(bytes memory item) internal pure returns (bytes32) {
        return keccak256(abi.encodePacked(bytes1(0x00), item));
    }

    /// @notice Whether the leaf hash is at index of a list of size items
    /// whose root is root, by path (RFC 9162 §2.1.3.2).
    function verify(bytes32 root, bytes32 leaf, uint256 index, uint256 size, bytes32[] memory path)
        internal
        pure
        returns (bool)
    {
        if (index >= size) return false;
        uint256 fn = index;
        uint256 sn = size - 1;
        bytes32 r = leaf;
        for (uint256 i = 0; i < path.length; i++) {
            if (sn == 0) return false;
            if (fn & 1 == 1 || fn == sn) {
                r = keccak256(abi.encodePacked(bytes1(0x01), path[i], r));
                if (fn & 1 == 0) {
                    while (fn & 1 == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = keccak256(abi.encodePacked(bytes1(0x01), r, path[i]));
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && r == root;
    }

    /// @notice The root of a list of leaf hashes (RFC 9162 §2.1.1): pairs
    /// are hashed level by level and an odd last node moves up unchanged,
    /// which is the tree split at the largest power of two below the size.
    /// @dev Overwrites leaves. The empty list's root is keccak256("").
    function rootOf(bytes32[] memory leaves) internal pure returns (bytes32) {
        uint256 n = leaves.length;
        if (n == 0) return keccak256("");
        while (n > 1) {
            uint256 half = 0;
            for (uint256 i = 0; i + 1 < n; i += 2) {
                leaves[half++] = keccak256(abi.encodePacked(bytes1(0x01), leaves[i], leaves[i + 1]));
            }
            if (n & 1 == 1) leaves[half++] = leaves[n - 1];
            n = half;
        }
        return leaves[0];
    }
}
