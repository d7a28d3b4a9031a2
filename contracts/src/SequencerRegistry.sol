// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.37;

/// @title SequencerRegistry
/// @notice Where Veil's validators (each a keyper) stake on L1 (protocol §9).
/// A registrant pays at least minStake and names the CometBFT key it will
/// validate with, with an ed25519 signature by that key over (chainId,
/// this registry, keyper): L1 cannot check ed25519, so Veil does, and skips a
/// registration whose proof fails or whose key an earlier one has.
/// @dev Built so far: registering and asking to exit. Withdrawing the stake
/// (once exitDelay has passed since the registrant's last eon was retired),
/// slashing on a committee statement and the eon keys come with BatchInbox.
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

    /// @notice A new registration, with what Veil needs to check it.
    event Registered(
        uint64 indexed registration, address indexed keyper, bytes32 cometPubKey, bytes cometSig, uint256 stake
    );
    /// @notice A registration asked to leave the validator set.
    event ExitRequested(uint64 indexed registration, address indexed keyper, uint64 requestedAt);

    /// @notice One registration (keyper and exitRequestedAt share a slot).
    struct Registration {
        address keyper;
        uint64 exitRequestedAt; // 0 while active
        bytes32 cometPubKey;
        uint256 stake;
    }

    /// @notice The least stake a registration pays, in wei.
    uint256 public immutable minStake;
    /// @notice How long after its last eon is retired a registrant waits to
    /// withdraw, in seconds (longer than CometBFT's evidence age plus the
    /// time to bring a statement to L1).
    uint64 public immutable exitDelay;

    /// @notice Every registration, by number (from 0).
    Registration[] public registrations;
    /// @dev keyper → its registration number + 1 (0: none).
    mapping(address => uint64) private numberOf;

    /// @param minStake_ The least stake of a registration, in wei.
    /// @param exitDelay_ The wait before a stake is withdrawn, in seconds.
    constructor(uint256 minStake_, uint64 exitDelay_) {
        minStake = minStake_;
        exitDelay = exitDelay_;
    }

    /// @notice Registers msg.sender as a keyper with msg.value of stake.
    /// @param cometPubKey The ed25519 public key it validates with.
    /// @param cometSig That key's signature over (chainId, this registry, msg.sender), which Veil checks.
    /// @return registration The registration's number.
    function register(bytes32 cometPubKey, bytes calldata cometSig) external payable returns (uint64 registration) {
        if (msg.value < minStake) revert StakeTooLow(msg.value, minStake);
        if (cometPubKey == bytes32(0)) revert ZeroCometKey();
        if (cometSig.length != 64) revert BadProofLength(cometSig.length);
        uint64 have = numberOf[msg.sender];
        if (have != 0) revert AlreadyRegistered(msg.sender, have - 1);
        registration = uint64(registrations.length);
        registrations.push(Registration({keyper: msg.sender, exitRequestedAt: 0, cometPubKey: cometPubKey, stake: msg.value}));
        numberOf[msg.sender] = registration + 1;
        emit Registered(registration, msg.sender, cometPubKey, cometSig, msg.value);
    }

    /// @notice Asks to leave the validator set; the stake stays until it may be withdrawn.
    /// @return registration The sender's registration number.
    function requestExit() external returns (uint64 registration) {
        uint64 have = numberOf[msg.sender];
        if (have == 0) revert NotRegistered(msg.sender);
        registration = have - 1;
        Registration storage r = registrations[registration];
        if (r.exitRequestedAt != 0) revert AlreadyExiting(registration, r.exitRequestedAt);
        r.exitRequestedAt = uint64(block.timestamp);
        emit ExitRequested(registration, msg.sender, r.exitRequestedAt);
    }

    /// @notice The number of registrations ever made.
    function registrationCount() external view returns (uint256) {
        return registrations.length;
    }

    /// @notice A keyper's registration number.
    /// @return registration Its number, if ok.
    /// @return ok Whether it has one.
    function registrationOf(address keyper) external view returns (uint64 registration, bool ok) {
        uint64 have = numberOf[keyper];
        return (have == 0 ? 0 : have - 1, have != 0);
    }
}
