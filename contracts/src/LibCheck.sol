// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.37;

import {CommitteeSig} from "CommitteeSig.sol";
import {MerkleProof} from "MerkleProof.sol";

/// @title LibCheck
/// @notice The libraries (CommitteeSig, MerkleProof) as a contract: what
/// tests call to check them against the Go implementation, and what the gas
/// table measures.
contract LibCheck {
    /// @notice CommitteeSig.verify.
    function verify(uint64 chainId, uint64 eon, bytes calldata eonKey, bytes32 m, bytes calldata sigma)
        external
        view
        returns (bool)
    {
        return CommitteeSig.verify(chainId, eon, eonKey, m, sigma);
    }

    /// @notice CommitteeSig.signingIdentity.
    function signingIdentity(uint64 chainId, uint64 eon, bytes32 m) external pure returns (bytes32) {
        return CommitteeSig.signingIdentity(chainId, eon, m);
    }

    /// @notice CommitteeSig.hashToG1.
    function hashToG1(bytes calldata message) external view returns (bytes memory) {
        return CommitteeSig.hashToG1(message);
    }

    /// @notice MerkleProof.verify of item.
    function verifyMerkle(bytes32 root, bytes calldata item, uint256 index, uint256 size, bytes32[] calldata path)
        external
        pure
        returns (bool)
    {
        return MerkleProof.verify(root, MerkleProof.leafHash(item), index, size, path);
    }
}
