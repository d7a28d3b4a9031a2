// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.37;

/// @title DepositVault
/// @notice Holds the ether behind Veil's balances (protocol §9): wallets'
/// fee deposits and builders' collateral are paid in here, and Veil credits
/// them once its validators agree the L1 block is final (the oracle).
/// @dev Both kinds share one running depositIndex, so the oracle applies
/// them in one order. Withdrawals, paid against accepted batches, come with
/// BatchInbox (not yet built).
contract DepositVault {
    /// @notice A deposit of no ether.
    error ZeroAmount();
    /// @notice A deposit for the zero address, which no key controls.
    error ZeroAddress();

    /// @notice Ether credited to account's fee deposit on Veil.
    event Deposited(uint64 indexed depositIndex, address indexed account, uint256 amount);
    /// @notice Ether credited to builder's collateral on Veil.
    event CollateralDeposited(uint64 indexed depositIndex, address indexed builder, uint256 amount);

    /// @notice The index the next deposit of either kind gets.
    uint64 public nextDepositIndex;

    /// @notice Pays msg.value into account's fee deposit on Veil.
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

    function take(address to) private returns (uint64 index) {
        if (msg.value == 0) revert ZeroAmount();
        if (to == address(0)) revert ZeroAddress();
        index = nextDepositIndex;
        nextDepositIndex = index + 1;
    }
}
