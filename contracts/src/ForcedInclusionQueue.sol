// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.37;

/// @title ForcedInclusionQueue
/// @notice The way into Veil that no validator can refuse (protocol §9):
/// anyone enqueues an item — a Veil envelope (encrypted, canonical JSON) or
/// a plain signed rollup transaction (EIP-2718, the escape hatch, public
/// the moment it is on L1) — with the gas it declares, paying price × gas.
/// Veil orders forced items in forcedIndex order right after the winning
/// bundle of the slot after it applies them; an item whose own gas exceeds
/// what it declared is recorded by Veil as failing.
/// @dev The price per gas is EIP-1559 style: it starts at minFeePerGas and,
/// from one L1 block to the next, moves by up to 1/8 as the queue's gas in
/// the last block was above or below targetGas (gas beyond twice the target
/// counts as twice the target), and falls by 1/8 for each
/// block without items, never below minFeePerGas. Fees stay here: nobody can
/// take them out, as L1 burns its base fee. Parameters live in storage so
/// the deployed code is the build's runtime bytecode.
contract ForcedInclusionQueue {
    /// @notice An empty item.
    error EmptyItem();
    /// @notice An item longer than maxItemBytes.
    error ItemTooLarge(uint256 length, uint256 maxItemBytes);
    /// @notice Declared gas below 21000 + 16 per item byte.
    error GasTooLow(uint64 gas, uint256 minimum);
    /// @notice Declared gas above forcedGas, the most a slot gives forced items.
    error GasTooHigh(uint64 gas, uint64 forcedGas);
    /// @notice Less ether than price × gas.
    error Underpaid(uint256 value, uint256 required);
    /// @notice Returning the excess failed.
    error RefundFailed(address to, uint256 amount);
    /// @notice A parameter that makes the queue unusable.
    error BadConfig();

    /// @notice The deployment's parameters.
    event Configured(uint256 minFeePerGas, uint64 forcedGas, uint64 targetGas, uint32 maxItemBytes);
    /// @notice An item queued for Veil, at price per gas, at L1 time timestamp.
    event Enqueued(
        uint64 indexed forcedIndex, address indexed sender, uint64 gas, uint256 pricePerGas, uint64 timestamp, bytes item
    );

    /// @notice What a deployment fixes.
    struct Config {
        uint256 minFeePerGas; // Veil's minimum fee per gas, in wei
        uint64 forcedGas; // the most gas one item declares (and a slot gives forced items)
        uint64 targetGas; // gas per L1 block at which the price holds
        uint32 maxItemBytes;
    }

    /// @notice The least price per gas, Veil's minimum fee.
    uint256 public minFeePerGas;
    /// @notice The most gas an item declares.
    uint64 public forcedGas;
    /// @notice Queue gas per L1 block at which the price neither rises nor falls.
    uint64 public targetGas;
    /// @notice The longest item, in bytes.
    uint32 public maxItemBytes;
    /// @notice The index the next item gets.
    uint64 public nextForcedIndex;
    /// @dev The price in force in lastBlock and the gas queued in it.
    uint256 private price;
    uint64 private lastBlock;
    uint64 private gasInLastBlock;

    /// @param c The deployment's parameters.
    constructor(Config memory c) {
        if (c.minFeePerGas == 0 || c.forcedGas < 21000 || c.targetGas == 0 || c.maxItemBytes == 0) revert BadConfig();
        minFeePerGas = c.minFeePerGas;
        forcedGas = c.forcedGas;
        targetGas = c.targetGas;
        maxItemBytes = c.maxItemBytes;
        price = c.minFeePerGas;
        lastBlock = uint64(block.number);
        emit Configured(c.minFeePerGas, c.forcedGas, c.targetGas, c.maxItemBytes);
    }

    /// @notice Queues item for Veil, paying pricePerGas() × gas; any excess goes back to the sender.
    /// @param item A Veil envelope's canonical JSON or a signed EIP-2718 transaction.
    /// @param gas The gas it declares: at least its own gas limit, at most forcedGas.
    /// @return forcedIndex The item's place in the queue.
    function enqueue(bytes calldata item, uint64 gas) external payable returns (uint64 forcedIndex) {
        if (item.length == 0) revert EmptyItem();
        if (item.length > maxItemBytes) revert ItemTooLarge(item.length, maxItemBytes);
        uint256 minimum = 21000 + 16 * item.length;
        if (gas < minimum) revert GasTooLow(gas, minimum);
        if (gas > forcedGas) revert GasTooHigh(gas, forcedGas);
        (uint256 p, uint64 used) = current();
        uint256 required = p * gas;
        if (msg.value < required) revert Underpaid(msg.value, required);
        price = p;
        lastBlock = uint64(block.number);
        gasInLastBlock = used + gas;
        forcedIndex = nextForcedIndex++;
        emit Enqueued(forcedIndex, msg.sender, gas, p, uint64(block.timestamp), item);
        uint256 excess = msg.value - required;
        if (excess > 0) {
            (bool ok,) = msg.sender.call{value: excess}("");
            if (!ok) revert RefundFailed(msg.sender, excess);
        }
    }

    /// @notice The price per gas of an item enqueued in this block: call
    /// it on the pending block for the next one's (any excess paid is
    /// returned).
    function pricePerGas() external view returns (uint256 p) {
        (p,) = current();
    }

    /// @dev The price in this block and the gas already queued in it.
    function current() private view returns (uint256 p, uint64 used) {
        p = price;
        if (block.number == lastBlock) return (p, gasInLastBlock);
        uint256 target = targetGas;
        uint256 last = gasInLastBlock;
        if (last > 2 * target) last = 2 * target; // at most 1/8 up a block, as EIP-1559
        if (last > target) {
            uint256 up = p * (last - target) / target / 8;
            p += up == 0 ? 1 : up;
        } else {
            p -= p * (target - last) / target / 8;
        }
        uint256 empty = block.number - lastBlock - 1;
        for (uint256 i = 0; i < empty && p > minFeePerGas && p / 8 > 0; i++) {
            p -= p / 8;
        }
        if (p < minFeePerGas) p = minFeePerGas;
        return (p, 0);
    }
}
