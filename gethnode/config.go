package gethnode

import (
	"math/big"

	"github.com/ethereum/go-ethereum/core/rawdb"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
)

// EthConfig is the eth service's configuration for an embedded node of
// chain networkID whose blocks must survive a kill: archive mode with the
// hash scheme writes each block's state as the block is imported (the path
// scheme keeps the newest 128 states in memory, written on a clean
// shutdown only), so with the database's write-ahead log synced after each
// block (the embedder's part) a killed node resumes at its last block.
// Caches are small (mainnet-sized ones, GBs, would only hold memory), and
// there is no log index, as in ethclient/simulated: eth_getLogs checks each
// block's bloom in its range, while the index would load its head map
// (some 65k rows) at every start, seconds in race-enabled builds. A 1 wei
// tip is enough, as in `geth --dev`. Callers set the rest.
func EthConfig(networkID uint64) *ethconfig.Config {
	c := ethconfig.Defaults
	c.NetworkId = networkID
	c.SyncMode = ethconfig.FullSync
	c.NoPruning = true
	c.StateScheme = rawdb.HashScheme
	c.DatabaseCache = 64
	c.TrieCleanCache = 32
	c.TrieDirtyCache = 16
	c.SnapshotCache = 32
	c.LogNoHistory = true
	c.Miner.GasPrice = big.NewInt(1)
	return &c
}
