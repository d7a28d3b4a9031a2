// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.37;

import {MerkleProof} from "MerkleProof.sol";
import {Statements} from "Statements.sol";

/// @notice What the vault reads of BatchInbox: accepted headers and the freeze.
interface IBatches {
    /// @notice When the batch with this header was accepted (0: it was not).
    function acceptedAt(Statements.Batch calldata header) external view returns (uint64);
    /// @notice The first batch index whose withdrawals are frozen (max: none).
    function frozenFrom() external view returns (uint64);
}

/// @title DepositVault
/// @notice Holds the ether behind Veil's balances (protocol §9): wallets'
/// fee deposits and builders' collateral are paid in here, and Veil credits
/// them once its validators agree the L1 block is final (the oracle).
/// Money leaves through withdrawals Veil put in an accepted batch: each is
/// paid once, withdrawDelay after its batch was accepted, on a Merkle proof
/// against the batch's withdrawalsRoot, unless an equivocation froze
/// withdrawals from that batch on.
/// @dev Both kinds of deposit share one running depositIndex, so the oracle
/// applies them in one order. Parameters live in storage, not immutables,
/// so the deployed code is the build's runtime bytecode.
contract DepositVault {
    /// @notice A deposit of no ether.
    error ZeroAmount();
    /// @notice A deposit for the zero address, which no key controls.
    error ZeroAddress();
    /// @notice The header is not that of an accepted batch.
    error BatchNotAccepted(uint64 index);
    /// @notice Withdrawals from this batch on are frozen by an equivocation proof.
    error WithdrawalsFrozen(uint64 index, uint64 frozenFrom);
    /// @notice The withdrawal delay has not passed; it can be claimed from claimableAt.
    error WithdrawTooEarly(uint64 claimableAt);
    /// @notice This (account, withdrawNonce) was already paid.
    error AlreadyClaimed(address account, uint64 withdrawNonce);
    /// @notice The Merkle proof does not place the withdrawal in the batch's withdrawalsRoot.
    error BadProof();
    /// @notice Paying out failed.
    error TransferFailed(address to, uint256 amount);
    /// @notice Withdrawals are frozen for good (a committee equivocated): ether paid in now could never leave.
    error DepositsClosed(uint64 frozenFrom);
    /// @notice A withdrawal delay too long to add to a time.
    error BadDelay(uint64 withdrawDelay);

    /// @notice The deployment's parameters.
    event Configured(address inbox, uint64 withdrawDelay);
    /// @notice Ether credited to account's fee deposit on Veil.
    event Deposited(uint64 indexed depositIndex, address indexed account, uint256 amount);
    /// @notice Ether credited to builder's collateral on Veil.
    event CollateralDeposited(uint64 indexed depositIndex, address indexed builder, uint256 amount);
    /// @notice Ether backing balances Veil's genesis gave out.
    event Funded(address indexed from, uint256 amount);
    /// @notice A withdrawal paid.
    event Withdrawn(
        address indexed account, uint64 indexed withdrawNonce, address recipient, uint256 amount, uint64 batchIndex
    );

    /// @notice One withdrawal, a leaf of a batch's withdrawalsRoot: the
    /// item is account ‖ recipient ‖ amount (32 bytes) ‖ withdrawNonce (8 bytes).
    struct Withdrawal {
        address account;
        address recipient;
        uint256 amount;
        uint64 withdrawNonce;
    }

    /// @notice The BatchInbox whose accepted batches carry the withdrawals.
    IBatches public inbox;
    /// @notice How long after its batch was accepted a withdrawal can be claimed, in seconds.
    uint64 public withdrawDelay;
    /// @notice The index the next deposit of either kind gets.
    uint64 public nextDepositIndex;
    /// @notice keccak256(account ‖ withdrawNonce) → paid.
    mapping(bytes32 => bool) public claimed;

    /// @param inbox_ The BatchInbox.
    /// @param withdrawDelay_ The wait after a batch's acceptance, in seconds.
    constructor(IBatches inbox_, uint64 withdrawDelay_) {
        if (address(inbox_) == address(0)) revert ZeroAddress();
        if (withdrawDelay_ > type(uint64).max / 2) revert BadDelay(withdrawDelay_);
        inbox = inbox_;
        withdrawDelay = withdrawDelay_;
        emit Configured(address(inbox_), withdrawDelay_);
    }

    /// @notice Pays msg.value into account's fee deposit on Veil (refused
    /// once withdrawals are frozen).
    /// @param account The Veil account credited (any address but zero).
    /// @return depositIndex This deposit's place in the vault's order.
    function deposit(address account) external payable returns (uint64 depositIndex) {
        depositIndex = take(account);
        emit Deposited(depositIndex, account, msg.value);
    }

    /// @notice Pays msg.value into builder's collateral on Veil.
    /// @param builder The builder credited (any address but zero).
    /// @return depositIndex This deposit's place in the vault's order.
    function depositCollateral(address builder) external payable returns (uint64 depositIndex) {
        depositIndex = take(builder);
        emit CollateralDeposited(depositIndex, builder, msg.value);
    }

    /// @notice Adds msg.value to the vault without crediting anyone: the
    /// deployment backs the balances Veil's genesis gives out this way.
    /// Like deposits, refused once withdrawals are frozen.
    function fund() external payable {
        if (msg.value == 0) revert ZeroAmount();
        open();
        emit Funded(msg.sender, msg.value);
    }

    /// @notice Pays a withdrawal of an accepted batch to its recipient.
    /// @param header The accepted batch's header.
    /// @param w The withdrawal.
    /// @param index Its place in the batch's withdrawals.
    /// @param size The number of withdrawals in the batch.
    /// @param path Its Merkle audit path, from the leaf up.
    function withdraw(
        Statements.Batch calldata header,
        Withdrawal calldata w,
        uint256 index,
        uint256 size,
        bytes32[] calldata path
    ) external {
        uint64 accepted = inbox.acceptedAt(header);
        if (accepted == 0) revert BatchNotAccepted(header.index);
        uint64 frozen = inbox.frozenFrom();
        if (header.index >= frozen) revert WithdrawalsFrozen(header.index, frozen);
        uint64 claimableAt = accepted + withdrawDelay;
        if (block.timestamp < claimableAt) revert WithdrawTooEarly(claimableAt);
        bytes32 key = keccak256(abi.encodePacked(w.account, w.withdrawNonce));
        if (claimed[key]) revert AlreadyClaimed(w.account, w.withdrawNonce);
        bytes memory item = abi.encodePacked(w.account, w.recipient, w.amount, w.withdrawNonce);
        if (!MerkleProof.verify(header.withdrawalsRoot, MerkleProof.leafHash(item), index, size, path)) {
            revert BadProof();
        }
        claimed[key] = true;
        emit Withdrawn(w.account, w.withdrawNonce, w.recipient, w.amount, header.index);
        (bool ok,) = w.recipient.call{value: w.amount}("");
        if (!ok) revert TransferFailed(w.recipient, w.amount);
    }

    function take(address to) private returns (uint64 index) {
        if (msg.value == 0) revert ZeroAmount();
        if (to == address(0)) revert ZeroAddress();
        open();
        index = nextDepositIndex;
        nextDepositIndex = index + 1;
    }

    /// @dev Reverts once withdrawals are frozen: every later batch is frozen too.
    function open() private view {
        uint64 frozen = inbox.frozenFrom();
        if (frozen != type(uint64).max) revert DepositsClosed(frozen);
    }
}
