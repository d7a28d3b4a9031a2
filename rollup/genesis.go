package rollup

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math"
	"math/big"
	"os"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/params"
)

// DefaultGasLimit is the L2 block gas limit of a genesis made by
// NewGenesis. An L2 block holds the slots of one second, each up to
// Veil's slot gas limit (12M by default): 200M leaves room for 16 full
// slots a second (4 at the fastest 250 ms slots). A Veil chain that can
// order more gas in a second than its rollup's gas limit gets the excess
// skipped (block_gas_limit): size the limit to slot gas limit × slots per
// second. The limit stays where the genesis puts it (blocks aim for their
// parent's).
const DefaultGasLimit = 200_000_000

// DefaultBaseFee is the first block's base fee in a genesis made by
// NewGenesis: 1 wei, Veil's minimum inclusion fee, which `veil wallet`
// and the load generator sign as their rollup fee too. EIP-1559 moves it
// from there: it rises while blocks use more than half their gas limit.
const DefaultBaseFee = 1

// ChainConfig is the rollup's chain rules: every Ethereum fork through
// Prague from block 0 (EIP-1559, Shanghai's PUSH0, Cancun's transient
// storage and MCOPY, Prague's system calls), under chainID, with
// proof-of-stake's header rules (no difficulty, no uncles), as go-ethereum's
// developer chain has them up to Prague.
func ChainConfig(chainID uint64) *params.ChainConfig {
	zero := uint64(0)
	return &params.ChainConfig{
		ChainID:                 new(big.Int).SetUint64(chainID),
		HomesteadBlock:          big.NewInt(0),
		EIP150Block:             big.NewInt(0),
		EIP155Block:             big.NewInt(0),
		EIP158Block:             big.NewInt(0),
		ByzantiumBlock:          big.NewInt(0),
		ConstantinopleBlock:     big.NewInt(0),
		PetersburgBlock:         big.NewInt(0),
		IstanbulBlock:           big.NewInt(0),
		MuirGlacierBlock:        big.NewInt(0),
		BerlinBlock:             big.NewInt(0),
		LondonBlock:             big.NewInt(0),
		ArrowGlacierBlock:       big.NewInt(0),
		GrayGlacierBlock:        big.NewInt(0),
		TerminalTotalDifficulty: big.NewInt(0),
		ShanghaiTime:            &zero,
		CancunTime:              &zero,
		PragueTime:              &zero,
		BlobScheduleConfig: &params.BlobScheduleConfig{
			Cancun: params.DefaultCancunBlobConfig,
			Prague: params.DefaultPragueBlobConfig,
		},
	}
}

// NewGenesis is a rollup genesis: ChainConfig(chainID), the precompiles
// and the system contracts Cancun and Prague call into (EIP-4788's beacon
// roots, EIP-2935's block hashes, EIP-7002's and EIP-7251's queues),
// alloc funded, time as the genesis block's timestamp (seconds) and
// coinbase receiving every block's fees.
func NewGenesis(chainID uint64, alloc map[common.Address]*big.Int, time uint64, coinbase common.Address) (*core.Genesis, error) {
	g := &core.Genesis{
		Config:     ChainConfig(chainID),
		Timestamp:  time,
		GasLimit:   DefaultGasLimit,
		BaseFee:    big.NewInt(DefaultBaseFee),
		Difficulty: big.NewInt(0),
		Coinbase:   coinbase,
		Alloc:      types.GenesisAlloc{},
	}
	for i := byte(1); i <= 0x11; i++ { // the precompiles, as go-ethereum's dev genesis keeps them
		g.Alloc[common.BytesToAddress([]byte{i})] = types.Account{Balance: big.NewInt(1)}
	}
	maps.Copy(g.Alloc, core.SystemContractAllocs())
	for addr, bal := range alloc {
		if _, taken := g.Alloc[addr]; taken {
			return nil, fmt.Errorf("rollup: alloc %s: the address of a precompile or system contract", addr)
		}
		if bal == nil || bal.Sign() < 0 {
			return nil, fmt.Errorf("rollup: alloc %s: balance %v", addr, bal)
		}
		g.Alloc[addr] = types.Account{Balance: new(big.Int).Set(bal)}
	}
	return g, nil
}

// ErrGenesis wraps what is wrong with a genesis file.
var ErrGenesis = errors.New("rollup: genesis")

// ReadGenesis reads a genesis file (go-ethereum's genesis.json format) and
// checks that it is a chain this node can run: chainID's, proof-of-stake
// header rules from block 0, EIP-1559 and Cancun from block 0, a gas limit
// and base fee set.
func ReadGenesis(path string, chainID uint64) (*core.Genesis, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrGenesis, err)
	}
	g := new(core.Genesis)
	if err := json.Unmarshal(raw, g); err != nil {
		return nil, fmt.Errorf("%w: %s: %w", ErrGenesis, path, err)
	}
	if err := CheckGenesis(g, chainID); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return g, nil
}

// CheckGenesis checks g as ReadGenesis does.
func CheckGenesis(g *core.Genesis, chainID uint64) error {
	c := g.Config
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: %s", ErrGenesis, fmt.Sprintf(format, args...))
	}
	switch {
	case c == nil:
		return bad("no config")
	case c.ChainID == nil || !c.ChainID.IsUint64() || c.ChainID.Uint64() != chainID:
		return bad("config.chainId %v: Veil orders transactions for rollup chain %d", c.ChainID, chainID)
	case c.TerminalTotalDifficulty == nil || c.TerminalTotalDifficulty.Sign() != 0 || (g.Difficulty != nil && g.Difficulty.Sign() != 0):
		return bad("config.terminalTotalDifficulty must be 0 and difficulty 0: blocks follow proof-of-stake's header rules")
	case !c.IsLondon(common.Big0) || c.CancunTime == nil || *c.CancunTime != 0 || c.ShanghaiTime == nil || *c.ShanghaiTime != 0:
		return bad("config: London, Shanghai and Cancun must be active from block 0")
	case g.GasLimit == 0:
		return bad("gasLimit is 0")
	case g.BaseFee == nil || g.BaseFee.Sign() <= 0:
		return bad("baseFeePerGas must be set and above 0")
	}
	if err := c.CheckConfigForkOrder(); err != nil {
		return bad("config: %v", err)
	}
	// The block builder does what forks through Prague ask of a block;
	// later ones ask more (Osaka's block size bound, Amsterdam's access
	// lists and slot numbers), which it does not do.
	never := uint64(math.MaxUint64)
	if c.IsOsaka(common.Big0, never) || c.IsAmsterdam(common.Big0, never) || c.IsBogota(common.Big0, never) || c.IsUBT(common.Big0, never) {
		return bad("config: a fork after Prague is scheduled; this node builds blocks up to Prague's rules")
	}
	if c.IsPrague(common.Big0, 0) {
		for _, sys := range []common.Address{params.BeaconRootsAddress, params.HistoryStorageAddress, params.WithdrawalQueueAddress, params.ConsolidationQueueAddress} {
			if a, ok := g.Alloc[sys]; !ok || len(a.Code) == 0 {
				return bad("alloc: no code at %s, a system contract Prague's blocks call", sys)
			}
		}
	}
	return nil
}
