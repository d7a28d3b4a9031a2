// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.37;

import {CommitteeSig} from "CommitteeSig.sol";
import {Statements} from "Statements.sol";

/// @notice What BatchInbox reads of the registry: the eon keys and the deployment's domain.
interface IEonKeys {
    /// @notice An eon's key (empty if unregistered) and keypersRoot.
    function eonKey(uint64 eon) external view returns (bytes memory publicKey, bytes32 keypersRoot);
    /// @notice The eon Veil started with.
    function genesisEon() external view returns (uint64);
    /// @notice Veil's chain id.
    function chainId() external view returns (uint64);
    /// @notice Veil's EIP-712 domain separator.
    function domainSeparator() external view returns (bytes32);
}

/// @title BatchInbox
/// @notice Where Veil's committee-signed batches land on L1 (protocol §9).
/// A batch is accepted when it continues the last one (index, parent,
/// slots), its blobs are its data (their versioned hashes hash to
/// dataHash), its eon is the eon in charge or a later registered one, and
/// that eon's committee signed it. The first batch of a later eon retires
/// every earlier eon: no batch of theirs is accepted after it. A second
/// validly signed header for a taken index proves that a committee
/// equivocated and freezes withdrawals from that index on.
/// @dev Only header hashes are stored; the headers are in the events.
contract BatchInbox {
    /// @notice A header for another Veil chain.
    error WrongChainId(uint64 chainId, uint64 want);
    /// @notice A header whose index is not the next one.
    error WrongIndex(uint64 index, uint64 want);
    /// @notice A header whose parent is not the last accepted header's hash.
    error WrongParent(bytes32 parent, bytes32 want);
    /// @notice A header whose first slot does not follow the last batch's.
    error WrongFirstSlot(uint64 firstSlot, uint64 want);
    /// @notice A header whose last slot is before its first.
    error BadSlotRange(uint64 firstSlot, uint64 lastSlot);
    /// @notice A header of an eon before the eon in charge.
    error EonRetired(uint64 eon, uint64 inCharge);
    /// @notice A header of an eon with no registered key.
    error UnknownEon(uint64 eon);
    /// @notice A submission without blobs.
    error NoBlobs();
    /// @notice A header whose dataHash is not the hash of the transaction's blobs' versioned hashes.
    error WrongDataHash(bytes32 dataHash, bytes32 blobs);
    /// @notice The committee signature does not verify under the header's eon key.
    error BadSignature(uint64 eon);
    /// @notice An equivocation proof for an index not yet taken.
    error NotTaken(uint64 index);
    /// @notice An equivocation proof that is the accepted header itself.
    error SameHeader(uint64 index);
    /// @notice Withdrawals are already frozen from this index or an earlier one.
    error AlreadyFrozen(uint64 frozenFrom);
    /// @notice A zero address where a contract must be named.
    error ZeroAddress();

    /// @notice The deployment's parameters.
    event Configured(address registry, uint64 chainId, uint64 firstSlot);
    /// @notice A batch accepted, with its header.
    event BatchAccepted(uint64 indexed index, uint64 indexed eon, bytes32 headerHash, Statements.Batch header);
    /// @notice Eons before eon are retired: eon's first batch was accepted.
    event EonInCharge(uint64 indexed eon, uint64 previous, uint64 since);
    /// @notice A second signed header for a taken index: withdrawals from index on are frozen.
    event Equivocation(uint64 indexed index, uint64 indexed eon, bytes32 headerHash, bytes32 acceptedHash);

    /// @notice An accepted batch: its header's hash and when it was accepted.
    struct Accepted {
        bytes32 headerHash;
        uint64 acceptedAt;
    }

    /// @notice The registry holding eon keys.
    IEonKeys public registry;
    /// @notice Veil's chain id.
    uint64 public chainId;
    /// @notice Veil's EIP-712 domain separator.
    bytes32 public domainSeparator;
    /// @notice The index the next batch must have.
    uint64 public nextIndex;
    /// @notice The first slot the next batch must have.
    uint64 public nextFirstSlot;
    /// @notice The last accepted header's hash (zero before the first).
    bytes32 public lastHeaderHash;
    /// @notice The eon whose batches are accepted now (the genesis eon before any batch).
    uint64 public eonInCharge;
    /// @notice Withdrawals of batches at this index or later are frozen (max uint64: none).
    uint64 public frozenFrom = type(uint64).max;

    /// @dev index → the batch accepted there.
    mapping(uint64 => Accepted) private batches;
    /// @dev The eons that have been in charge, in order, and when each took over.
    uint64[] private charged;
    mapping(uint64 => uint64) private chargedAt;

    /// @param registry_ The SequencerRegistry.
    /// @param firstSlot The first slot of batch 0.
    constructor(IEonKeys registry_, uint64 firstSlot) {
        if (address(registry_) == address(0)) revert ZeroAddress();
        registry = registry_;
        chainId = registry_.chainId();
        domainSeparator = registry_.domainSeparator();
        nextFirstSlot = firstSlot;
        emit Configured(address(registry_), chainId, firstSlot);
        uint64 genesis = registry_.genesisEon();
        eonInCharge = genesis;
        charged.push(genesis);
        chargedAt[genesis] = uint64(block.timestamp);
        emit EonInCharge(genesis, genesis, uint64(block.timestamp));
    }

    /// @notice Accepts the next batch; its data are this transaction's blobs.
    /// @param header The batch header.
    /// @param sigma Its eon's committee signature on the header's digest (EIP-2537 G1, 128 bytes).
    function submit(Statements.Batch calldata header, bytes calldata sigma) external {
        if (header.chainId != chainId) revert WrongChainId(header.chainId, chainId);
        if (header.index != nextIndex) revert WrongIndex(header.index, nextIndex);
        if (header.parent != lastHeaderHash) revert WrongParent(header.parent, lastHeaderHash);
        if (header.firstSlot != nextFirstSlot) revert WrongFirstSlot(header.firstSlot, nextFirstSlot);
        if (header.lastSlot < header.firstSlot || header.lastSlot == type(uint64).max) {
            revert BadSlotRange(header.firstSlot, header.lastSlot);
        }
        if (header.eon < eonInCharge) revert EonRetired(header.eon, eonInCharge);
        bytes32 blobs = blobsHash();
        if (header.dataHash != blobs) revert WrongDataHash(header.dataHash, blobs);
        bytes32 h = signed(header, sigma);

        batches[header.index] = Accepted({headerHash: h, acceptedAt: uint64(block.timestamp)});
        nextIndex = header.index + 1;
        nextFirstSlot = header.lastSlot + 1;
        lastHeaderHash = h;
        if (header.eon != eonInCharge) {
            emit EonInCharge(header.eon, eonInCharge, uint64(block.timestamp));
            eonInCharge = header.eon;
            charged.push(header.eon);
            chargedAt[header.eon] = uint64(block.timestamp);
        }
        emit BatchAccepted(header.index, header.eon, h, header);
    }

    /// @notice Proves that a committee equivocated: a validly signed header,
    /// by any registered eon, for a taken index that differs from the
    /// accepted one. Withdrawals from that index on are frozen.
    /// @param header The conflicting header.
    /// @param sigma Its eon's committee signature.
    function proveEquivocation(Statements.Batch calldata header, bytes calldata sigma) external {
        if (header.chainId != chainId) revert WrongChainId(header.chainId, chainId);
        if (header.index >= nextIndex) revert NotTaken(header.index);
        if (header.index >= frozenFrom) revert AlreadyFrozen(frozenFrom);
        bytes32 accepted = batches[header.index].headerHash;
        bytes32 h = Statements.batchDigest(domainSeparator, header);
        if (h == accepted) revert SameHeader(header.index);
        signed(header, sigma);
        frozenFrom = header.index;
        emit Equivocation(header.index, header.eon, h, accepted);
    }

    /// @notice When the batch with this header was accepted (0: it was not).
    /// @param header The header, whose hash must be the one accepted at its index.
    function acceptedAt(Statements.Batch calldata header) external view returns (uint64) {
        Accepted storage a = batches[header.index];
        if (a.headerHash == bytes32(0) || a.headerHash != Statements.batchDigest(domainSeparator, header)) return 0;
        return a.acceptedAt;
    }

    /// @notice The batch accepted at index (a zero hash if none).
    /// @param index The batch's index.
    function batch(uint64 index) external view returns (bytes32 hash, uint64 acceptedTime) {
        Accepted storage a = batches[index];
        return (a.headerHash, a.acceptedAt);
    }

    /// @notice A header's hash: its EIP-712 digest, the next header's parent.
    /// @param header The header.
    function headerHash(Statements.Batch calldata header) external view returns (bytes32) {
        return Statements.batchDigest(domainSeparator, header);
    }

    /// @notice Whether eon has retired and since when: when the first batch
    /// of a later eon was accepted.
    /// @param eon The eon.
    function retiredAt(uint64 eon) external view returns (uint64 since, bool retired) {
        // charged rises: find its first eon above eon by binary search.
        uint256 lo = 0;
        uint256 hi = charged.length;
        while (lo < hi) {
            uint256 mid = (lo + hi) / 2;
            if (charged[mid] > eon) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        if (lo == charged.length) return (0, false);
        return (chargedAt[charged[lo]], true);
    }

    /// @dev The header's digest, once its eon's key verified sigma on it.
    function signed(Statements.Batch calldata header, bytes calldata sigma) private view returns (bytes32 h) {
        (bytes memory key,) = registry.eonKey(header.eon);
        if (key.length == 0) revert UnknownEon(header.eon);
        h = Statements.batchDigest(domainSeparator, header);
        if (!CommitteeSig.verify(chainId, header.eon, key, h, sigma)) revert BadSignature(header.eon);
    }

    /// @dev keccak256 of the transaction's blobs' versioned hashes, in order.
    function blobsHash() private view returns (bytes32) {
        uint256 n = 0;
        while (blobhash(n) != bytes32(0)) n++;
        if (n == 0) revert NoBlobs();
        bytes32[] memory hashes = new bytes32[](n);
        for (uint256 i = 0; i < n; i++) {
            hashes[i] = blobhash(i);
        }
        return keccak256(abi.encodePacked(hashes));
    }
}
