// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

// Token is the ERC-20 the rollup's benchmark transfers: the standard's
// balances, transfer and Transfer event, every supply minted to the
// deployer. Compiled by rollup/testdata/compile.cjs into token.bin.
contract Token {
    mapping(address => uint256) public balanceOf;
    uint256 public totalSupply;

    event Transfer(address indexed from, address indexed to, uint256 value);

    constructor(uint256 supply) {
        balanceOf[msg.sender] = supply;
        totalSupply = supply;
        emit Transfer(address(0), msg.sender, supply);
    }

    function transfer(address to, uint256 value) external returns (bool) {
        uint256 have = balanceOf[msg.sender];
        require(have >= value, "balance");
        unchecked {
            balanceOf[msg.sender] = have - value;
        }
        balanceOf[to] += value;
        emit Transfer(msg.sender, to, value);
        return true;
    }
}
