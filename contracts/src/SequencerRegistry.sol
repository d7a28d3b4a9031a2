// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.37;

import {CommitteeSig} from "CommitteeSig.sol";
import {MerkleProof} from "MerkleProof.sol";
import {Statements} from "Statements.sol";

/// @notice What the registry reads of BatchInbox: which eon is in charge
/// on L1 (it signs Slash and EonKey statements) and when an eon retired.
interface IEonSchedule {
    /// @notice The eon whose batches L1 accepts now.
    function eonInCharge() external view returns (uint64);
    /// @notice Whether eon has retired, and since when.
    function retiredAt(uint64 eon) external view returns (uint64 since, bool retired);
}

/// @title SequencerRegistry
/// @notice Where Veil's validators (each a keyper) stake on L1, and where
/// Veil's eon keys live (protocol §9, §10).
/// A registrant pays at least minStake and names the CometBFT key it will
/// validate with, with an ed25519 signature by that key over ("veil/register/v1",
/// the L1's chain id, this registry, keyper): L1 cannot check ed25519, so
/// Veil does, and skips a registration whose proof fails, or whose key an
/// earlier registration with a valid proof has (so a copy of someone's key
/// with a junk proof takes nothing from them). A
/// registrant that asked to exit withdraws its stake once every eon it is a
/// member of has retired (BatchInbox accepted a batch of a later eon) and
/// exitDelay has passed since then and since the request. The eon in
/// charge on L1 signs new eon keys and slashes.
/// @dev Parameters live in storage, not immutables, so the deployed code
/// is the build's runtime bytecode byte for byte and Veil can check its
/// hash.
contract SequencerRegistry {
    /// @notice Less stake than minStake.
    error StakeTooLow(uint256 value, uint256 minStake);
    /// @notice The sender already has a registration.
    error AlreadyRegistered(address keyper, uint64 registration);
    /// @notice A CometBFT key of zeros, which no one holds.
    error ZeroCometKey();
    /// @notice A proof that is not 64 bytes, the length of an ed25519 signature.
    error BadProofLength(uint256 length);
    /// @notice The sender has no registration.
    error NotRegistered(address keyper);
    /// @notice The registration has already asked to exit.
    error AlreadyExiting(uint64 registration, uint64 requestedAt);
    /// @notice The registration has not asked to exit.
    error NotExiting(uint64 registration);
    /// @notice The registration's stake was withdrawn or slashed.
    error NothingToWithdraw(uint64 registration);
    /// @notice An eon the registrant is a member of has not retired yet.
    error EonNotRetired(uint64 eon);
    /// @notice The exit delay has not passed; the stake can be withdrawn from availableAt.
    error WithdrawTooEarly(uint64 availableAt);
    /// @notice Paying out failed.
    error TransferFailed(address to, uint256 amount);
    /// @notice No registration has this number.
    error UnknownRegistration(uint64 registration);
    /// @notice This evidence has already slashed.
    error SlashReplayed(bytes32 evidenceHash);
    /// @notice The committee signature does not verify under the signing eon's key.
    error BadSignature(uint64 eon);
    /// @notice An eon number at or below the highest registered one.
    error EonNotNew(uint64 eon, uint64 latestEon);
    /// @notice An eon key that is the point at infinity.
    error EonKeyAtInfinity();
    /// @notice An eon without members.
    error NoMembers();
    /// @notice A zero address where a contract must be named.
    error ZeroAddress();
    /// @notice An eon key that is not a point of G2's subgroup.
    error BadEonKey();
    /// @notice A member's public share that is not 96 bytes (compressed G2).
    error BadShareLength(uint256 index, uint256 length);
    /// @notice An exit delay too long to add to a time.
    error BadDelay(uint64 exitDelay);

    /// @notice The deployment's parameters (the genesis eon is in EonRegistered).
    event Configured(uint64 chainId, bytes32 salt, uint256 minStake, uint64 exitDelay, address inbox);
    /// @notice A new registration, with what Veil needs to check it.
    event Registered(
        uint64 indexed registration, address indexed keyper, bytes32 cometPubKey, bytes cometSig, uint256 stake
    );
    /// @notice A registration asked to leave the validator set.
    event ExitRequested(uint64 indexed registration, address indexed keyper, uint64 requestedAt);
    /// @notice A registration's stake went back to its keyper.
    event StakeWithdrawn(uint64 indexed registration, address indexed keyper, uint256 amount);
    /// @notice A committee Slash statement took a registration's stake.
    event Slashed(
        uint64 indexed registration, address indexed keyper, uint64 height, bytes32 indexed evidenceHash, uint256 amount
    );
    /// @notice An eon key, signed by the eon in charge (signer; for the
    /// genesis eon, its own number, set at deployment), with its members.
    event EonRegistered(
        uint64 indexed eon, uint64 signer, bytes publicKey, bytes32 keypersRoot, Statements.Member[] members
    );

    /// @notice One registration (keyper, exitRequestedAt and the flags share a slot).
    struct Registration {
        address keyper;
        uint64 exitRequestedAt; // 0 while active
        bool slashed;
        bool withdrawn;
        bytes32 cometPubKey;
        uint256 stake;
    }

    /// @notice An eon's key: EIP-2537 G2 (256 bytes) and the root over its members.
    struct Eon {
        bytes publicKey;
        bytes32 keypersRoot;
    }

    /// @notice What a deployment fixes.
    struct Config {
        uint64 chainId; // the rollup's chain id (Veil's)
        bytes32 salt; // keccak256 of Veil's genesis document
        uint256 minStake; // wei
        uint64 exitDelay; // seconds
        address inbox; // BatchInbox (deployed next, its address computed ahead)
        uint64 genesisEon;
        bytes genesisKey; // EIP-2537 G2
    }

    /// @notice Veil's chain id, part of every statement.
    uint64 public chainId;
    /// @notice Veil's EIP-712 domain separator.
    bytes32 public domainSeparator;
    /// @notice The least stake a registration pays, in wei.
    uint256 public minStake;
    /// @notice How long after its last eon retired (and after its exit
    /// request) a registrant waits to withdraw, in seconds: longer than
    /// CometBFT's evidence age plus the time to bring a statement to L1.
    uint64 public exitDelay;
    /// @notice The BatchInbox whose accepted batches say which eon is in charge.
    IEonSchedule public inbox;
    /// @notice The eon Veil started with.
    uint64 public genesisEon;
    /// @notice The highest eon registered.
    uint64 public latestEon;
    /// @notice Stake taken by slashing, in wei; it never leaves the contract.
    uint256 public slashedTotal;

    /// @notice Every registration, by number (from 0).
    Registration[] public registrations;
    /// @dev keyper → its registration number + 1 (0: none).
    mapping(address => uint64) private numberOf;
    /// @dev keyper → the highest eon it is a member of + 1 (0: none).
    mapping(address => uint64) private lastEonOf;
    /// @dev eon → its key; registered when publicKey is set.
    mapping(uint64 => Eon) private eons;
    /// @notice Evidence hashes that have slashed.
    mapping(bytes32 => bool) public evidenceUsed;

    /// @param c The deployment's parameters.
    /// @param genesisMembers The genesis eon's keypers.
    constructor(Config memory c, Statements.Member[] memory genesisMembers) {
        if (c.inbox == address(0)) revert ZeroAddress();
        if (c.exitDelay > type(uint64).max / 2) revert BadDelay(c.exitDelay);
        chainId = c.chainId;
        domainSeparator = Statements.domainSeparator(c.chainId, c.salt);
        minStake = c.minStake;
        exitDelay = c.exitDelay;
        inbox = IEonSchedule(c.inbox);
        genesisEon = c.genesisEon;
        emit Configured(c.chainId, c.salt, c.minStake, c.exitDelay, c.inbox);
        setEon(c.genesisEon, c.genesisEon, c.genesisKey, checkEon(c.genesisKey, genesisMembers), genesisMembers);
    }

    /// @notice Registers msg.sender as a keyper with msg.value of stake.
    /// @param cometPubKey The ed25519 public key it validates with.
    /// @param cometSig That key's ed25519 signature over "veil/register/v1" ‖ L1 chain id ‖ this registry ‖ msg.sender, which Veil checks.
    /// @return registration The registration's number.
    function register(bytes32 cometPubKey, bytes calldata cometSig) external payable returns (uint64 registration) {
        if (msg.value < minStake) revert StakeTooLow(msg.value, minStake);
        if (cometPubKey == bytes32(0)) revert ZeroCometKey();
        if (cometSig.length != 64) revert BadProofLength(cometSig.length);
        uint64 have = numberOf[msg.sender];
        if (have != 0) revert AlreadyRegistered(msg.sender, have - 1);
        registration = uint64(registrations.length);
        registrations.push(
            Registration({
                keyper: msg.sender,
                exitRequestedAt: 0,
                slashed: false,
                withdrawn: false,
                cometPubKey: cometPubKey,
                stake: msg.value
            })
        );
        numberOf[msg.sender] = registration + 1;
        emit Registered(registration, msg.sender, cometPubKey, cometSig, msg.value);
    }

    /// @notice Asks to leave the validator set; the stake stays until it may be withdrawn.
    /// @return registration The sender's registration number.
    function requestExit() external returns (uint64 registration) {
        registration = own();
        Registration storage r = registrations[registration];
        if (r.exitRequestedAt != 0) revert AlreadyExiting(registration, r.exitRequestedAt);
        r.exitRequestedAt = uint64(block.timestamp);
        emit ExitRequested(registration, msg.sender, r.exitRequestedAt);
    }

    /// @notice Pays the sender's stake back once it may leave: it asked to
    /// exit, every eon it is a member of has retired, and exitDelay has
    /// passed since the later of the two.
    /// @return amount The stake paid, in wei.
    function withdrawStake() external returns (uint256 amount) {
        uint64 registration = own();
        Registration storage r = registrations[registration];
        if (r.slashed || r.withdrawn) revert NothingToWithdraw(registration);
        if (r.exitRequestedAt == 0) revert NotExiting(registration);
        uint64 since = r.exitRequestedAt;
        uint64 last = lastEonOf[msg.sender];
        if (last != 0) {
            (uint64 retiredSince, bool retired) = inbox.retiredAt(last - 1);
            if (!retired) revert EonNotRetired(last - 1);
            if (retiredSince > since) since = retiredSince;
        }
        uint64 availableAt = since + exitDelay;
        if (block.timestamp < availableAt) revert WithdrawTooEarly(availableAt);
        amount = r.stake;
        r.stake = 0;
        r.withdrawn = true;
        emit StakeWithdrawn(registration, msg.sender, amount);
        (bool ok,) = msg.sender.call{value: amount}("");
        if (!ok) revert TransferFailed(msg.sender, amount);
    }

    /// @notice Takes a registration's stake on a Slash statement signed by the eon in charge.
    /// @param registration The registration slashed.
    /// @param height The Veil height of the evidence.
    /// @param evidenceHash The hash of the CometBFT evidence; each slashes once.
    /// @param sigma The committee's signature (EIP-2537 G1, 128 bytes).
    /// @return amount The stake taken, in wei (0 if already gone).
    function slash(uint64 registration, uint64 height, bytes32 evidenceHash, bytes calldata sigma)
        external
        returns (uint256 amount)
    {
        if (registration >= registrations.length) revert UnknownRegistration(registration);
        if (evidenceUsed[evidenceHash]) revert SlashReplayed(evidenceHash);
        uint64 signer = inbox.eonInCharge();
        bytes32 m = Statements.slashDigest(domainSeparator, chainId, registration, height, evidenceHash);
        if (!CommitteeSig.verify(chainId, signer, eons[signer].publicKey, m, sigma)) revert BadSignature(signer);
        evidenceUsed[evidenceHash] = true;
        Registration storage r = registrations[registration];
        amount = r.stake;
        r.stake = 0;
        r.slashed = true;
        slashedTotal += amount;
        emit Slashed(registration, r.keyper, height, evidenceHash, amount);
    }

    /// @notice Registers the key of a new eon on an EonKey statement signed by the eon in charge.
    /// @param eon The new eon's number, above every registered one.
    /// @param publicKey Its public key, EIP-2537 G2 (256 bytes), not the point at infinity.
    /// @param members Its keypers; keypersRoot is the root (§4) over their items.
    /// @param sigma The committee's signature (EIP-2537 G1, 128 bytes).
    function registerEon(
        uint64 eon,
        bytes calldata publicKey,
        Statements.Member[] calldata members,
        bytes calldata sigma
    ) external {
        if (eon <= latestEon || eon == type(uint64).max) revert EonNotNew(eon, latestEon);
        uint64 signer = inbox.eonInCharge();
        bytes32 keypersRoot = checkEon(publicKey, members);
        bytes32 m = Statements.eonKeyDigest(domainSeparator, chainId, eon, publicKey, keypersRoot);
        if (!CommitteeSig.verify(chainId, signer, eons[signer].publicKey, m, sigma)) revert BadSignature(signer);
        setEon(eon, signer, publicKey, keypersRoot, members);
    }

    /// @notice An eon's key (empty if not registered) and keypersRoot.
    /// @param eon The eon.
    function eonKey(uint64 eon) external view returns (bytes memory publicKey, bytes32 keypersRoot) {
        Eon storage e = eons[eon];
        return (e.publicKey, e.keypersRoot);
    }

    /// @notice The number of registrations ever made.
    function registrationCount() external view returns (uint256) {
        return registrations.length;
    }

    /// @notice A keyper's registration number.
    /// @param keyper The keyper's address.
    /// @return registration Its number, if ok.
    /// @return ok Whether it has one.
    function registrationOf(address keyper) external view returns (uint64 registration, bool ok) {
        uint64 have = numberOf[keyper];
        return (have == 0 ? 0 : have - 1, have != 0);
    }

    /// @notice The highest eon a keyper is a member of.
    /// @param keyper The keyper's address.
    /// @return eon Its number, if ok.
    /// @return ok Whether it is a member of any.
    function lastEonOfKeyper(address keyper) external view returns (uint64 eon, bool ok) {
        uint64 have = lastEonOf[keyper];
        return (have == 0 ? 0 : have - 1, have != 0);
    }

    function own() private view returns (uint64) {
        uint64 have = numberOf[msg.sender];
        if (have == 0) revert NotRegistered(msg.sender);
        return have - 1;
    }

    function checkEon(bytes memory publicKey, Statements.Member[] memory members)
        private
        view
        returns (bytes32 keypersRoot)
    {
        if (publicKey.length != 256) revert CommitteeSig.BadEonKeyLength(publicKey.length);
        if (members.length == 0) revert NoMembers();
        if (CommitteeSig.isZero(publicKey)) revert EonKeyAtInfinity();
        if (!CommitteeSig.isG2(publicKey)) revert BadEonKey();
        bytes32[] memory leaves = new bytes32[](members.length);
        for (uint256 i = 0; i < members.length; i++) {
            if (members[i].publicShare.length != 96) revert BadShareLength(i, members[i].publicShare.length);
            leaves[i] = MerkleProof.leafHash(Statements.memberItem(members[i]));
        }
        return MerkleProof.rootOf(leaves);
    }

    function setEon(
        uint64 eon,
        uint64 signer,
        bytes memory publicKey,
        bytes32 keypersRoot,
        Statements.Member[] memory members
    ) private {
        eons[eon] = Eon({publicKey: publicKey, keypersRoot: keypersRoot});
        latestEon = eon;
        for (uint256 i = 0; i < members.length; i++) {
            address k = members[i].keyper;
            if (lastEonOf[k] < eon + 1) lastEonOf[k] = eon + 1;
        }
        emit EonRegistered(eon, signer, publicKey, keypersRoot, members);
    }
}
