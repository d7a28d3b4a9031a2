package rollup

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"sync"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/rawdb"
	"github.com/ethereum/go-ethereum/core/txpool"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/eth"
	"github.com/ethereum/go-ethereum/eth/filters"
	"github.com/ethereum/go-ethereum/rpc"
)

// maxTxSize bounds a raw transaction sent to eth_sendRawTransaction, as
// go-ethereum's pool bounds one; the relay then checks it against the Veil
// node's ciphertext bound (64 KiB by default).
const maxTxSize = 128 << 10

// sendAPI replaces two of the eth namespace's methods: transactions reach
// blocks only through Veil, so sending goes to the relay and a pending
// nonce counts what the relay has in flight.
type sendAPI struct {
	eth     *eth.Ethereum
	relay   *Relay
	metrics *metrics
}

func newSendAPI(e *eth.Ethereum, r *Relay, m *metrics) *sendAPI {
	return &sendAPI{eth: e, relay: r, metrics: m}
}

// errNoRelay answers eth_sendRawTransaction on a node without a relay.
var errNoRelay = errors.New("this rollup node relays no transactions: encrypt them to Veil yourself (veil wallet, package wallet), or use a node started with a relay key")

// SendRawTransaction is eth_sendRawTransaction: the transaction is checked
// as go-ethereum's pool checks one (type, size, chain id, signature,
// intrinsic gas, fee caps) and against the head state and the relay's in
// flight (nonce in turn, balance), then encrypted and submitted through
// Veil. Its hash is returned; the receipt appears once its slot is
// decrypted and executed.
func (a *sendAPI) SendRawTransaction(ctx context.Context, input hexutil.Bytes) (common.Hash, error) {
	h, err := a.send(ctx, input)
	a.metrics.relay(err)
	return h, err
}

func (a *sendAPI) send(ctx context.Context, input hexutil.Bytes) (common.Hash, error) {
	tx := new(types.Transaction)
	if err := tx.UnmarshalBinary(input); err != nil {
		return common.Hash{}, err
	}
	if a.relay == nil {
		return common.Hash{}, errNoRelay
	}
	bc := a.eth.BlockChain()
	cfg := bc.Config()
	if tx.Type() == types.LegacyTxType && !tx.Protected() {
		return common.Hash{}, errors.New("only replay-protected (EIP-155) transactions allowed over RPC")
	}
	if tx.ChainId().Cmp(cfg.ChainID) != 0 {
		return common.Hash{}, fmt.Errorf("%w: have %v want %v", types.ErrInvalidChainId, tx.ChainId(), cfg.ChainID)
	}
	head := bc.CurrentBlock()
	signer := types.LatestSigner(cfg)
	opts := &txpool.ValidationOptions{Config: cfg, Accept: 1<<types.LegacyTxType | 1<<types.AccessListTxType | 1<<types.DynamicFeeTxType,
		MaxSize: maxTxSize, MinTip: new(big.Int)}
	if err := txpool.ValidateTransaction(tx, head, signer, opts); err != nil {
		return common.Hash{}, err
	}
	if head.BaseFee != nil && tx.GasFeeCapIntCmp(head.BaseFee) < 0 {
		return common.Hash{}, fmt.Errorf("%w: max fee per gas %v, base fee %v", core.ErrFeeCapTooLow, tx.GasFeeCap(), head.BaseFee)
	}
	from, err := types.Sender(signer, tx)
	if err != nil {
		return common.Hash{}, err
	}
	st, err := bc.StateAt(head.Root, head.Number, head.Time)
	if err != nil {
		return common.Hash{}, err
	}
	if err := a.relay.Submit(ctx, tx, input, from, st.GetBalance(from).ToBig(), st.GetNonce); err != nil {
		return common.Hash{}, err
	}
	return tx.Hash(), nil
}

// errSyncSend answers eth_sendRawTransactionSync: go-ethereum's would put
// the transaction in a pool no block is built from.
var errSyncSend = errors.New("eth_sendRawTransactionSync is not served: send with eth_sendRawTransaction and wait for the receipt")

// SendRawTransactionSync replaces go-ethereum's, which would bypass Veil.
func (a *sendAPI) SendRawTransactionSync(context.Context, hexutil.Bytes, *hexutil.Uint64) (map[string]any, error) {
	return nil, errSyncSend
}

// GetTransactionCount is eth_getTransactionCount: at "pending", the
// account's nonce counting the transactions the relay has in flight for it
// (so a wallet sending twice in a row numbers them in turn); at any other
// block, the nonce in that block's state.
func (a *sendAPI) GetTransactionCount(ctx context.Context, address common.Address, blockNrOrHash *rpc.BlockNumberOrHash) (*hexutil.Uint64, error) {
	bnh := rpc.BlockNumberOrHashWithNumber(rpc.LatestBlockNumber)
	if blockNrOrHash != nil {
		bnh = *blockNrOrHash
	}
	pending := false
	if n, ok := bnh.Number(); ok && n == rpc.PendingBlockNumber {
		pending, bnh = true, rpc.BlockNumberOrHashWithNumber(rpc.LatestBlockNumber)
	}
	st, _, err := a.eth.APIBackend.StateAndHeaderByNumberOrHash(ctx, bnh)
	if st == nil || err != nil {
		return nil, err
	}
	nonce := st.GetNonce(address)
	if pending && a.relay != nil {
		nonce = a.relay.PendingNonce(address, nonce)
	}
	return (*hexutil.Uint64)(&nonce), st.Error()
}

// veilAPI is the veil namespace: what Veil adds to a rollup node.
type veilAPI struct{ n *Node }

// GetSkipped is veil_getSkipped: a transaction Veil ordered that the EVM
// skipped, with its slot, block and reason; null if hash was never
// skipped (executed transactions have receipts).
func (a *veilAPI) GetSkipped(hash common.Hash) (*Skipped, error) {
	db := a.n.eth.ChainDb()
	if rawdb.ReadTxLookupEntry(db, hash) != nil {
		return nil, nil // in a block after all (an earlier copy was skipped)
	}
	s, ok, err := GetSkipped(db, hash)
	if err != nil || !ok {
		return nil, err
	}
	return &s, nil
}

// Status is veil_status's answer.
type Status struct {
	Head        hexutil.Uint64   `json:"head"`        // the head L2 block
	LastSlot    hexutil.Uint64   `json:"lastSlot"`    // the last Veil slot in it
	EscapedNext hexutil.Uint64   `json:"escapedNext"` // the next forced index the escape hatch may apply
	Relays      []common.Address `json:"relays"`      // the relay's envelope senders, empty without one
}

// Status is veil_status: where the node stands in Veil's history.
func (a *veilAPI) Status() (*Status, error) {
	h := a.n.eth.BlockChain().CurrentBlock()
	pos, err := positionOf(h)
	if err != nil {
		return nil, err
	}
	s := &Status{Head: hexutil.Uint64(h.Number.Uint64()), LastSlot: hexutil.Uint64(pos.LastSlot), EscapedNext: hexutil.Uint64(pos.EscapedNext)}
	s.Relays = []common.Address{}
	if a.n.cfg.Relay != nil {
		s.Relays = a.n.cfg.Relay.Addresses()
	}
	return s, nil
}

// MaxLogRange bounds the blocks one eth_getLogs (or a log filter's
// eth_getFilterLogs) scans: without a log index each block's bloom is
// read, so a range from 0 on a long chain would cost the node far more
// than the request costs its sender. 10,000 blocks is some 3 hours of L2.
const MaxLogRange = 10_000

// logsAPI replaces eth_getLogs and eth_newFilter with the same calls
// checking the range first. (go-ethereum's own range limit counts any
// range ending at "latest" as unbounded, so it refuses every such query.)
type logsAPI struct {
	f  *filters.FilterAPI
	bc *core.BlockChain

	mu      sync.Mutex
	filters map[rpc.ID]filters.FilterCriteria // log filters' criteria, for eth_getFilterLogs
	order   []rpc.ID                          // filters in creation order: the oldest is forgotten past maxTrackedFilters
}

// maxTrackedFilters bounds logsAPI.filters (go-ethereum forgets an idle
// filter after 5 minutes; these are forgotten oldest first).
const maxTrackedFilters = 16_384

func newLogsAPI(f *filters.FilterAPI, bc *core.BlockChain) *logsAPI {
	return &logsAPI{f: f, bc: bc, filters: map[rpc.ID]filters.FilterCriteria{}}
}

// rangeError is an invalid params error (-32602), as go-ethereum answers
// a bad range.
type rangeError struct{ msg string }

func (e *rangeError) Error() string  { return e.msg }
func (e *rangeError) ErrorCode() int { return -32602 }

// checkRange refuses a criteria's block range over MaxLogRange blocks,
// tags resolved against the head.
func (a *logsAPI) checkRange(crit filters.FilterCriteria) error {
	if crit.BlockHash != nil {
		return nil
	}
	head := a.bc.CurrentBlock().Number.Uint64()
	at := func(n *big.Int) uint64 {
		switch {
		case n == nil:
			return head
		case n.Sign() >= 0:
			return n.Uint64()
		}
		switch rpc.BlockNumber(n.Int64()) {
		case rpc.EarliestBlockNumber:
			return 0
		case rpc.FinalizedBlockNumber:
			if h := a.bc.CurrentFinalBlock(); h != nil {
				return h.Number.Uint64()
			}
			return 0
		case rpc.SafeBlockNumber:
			if h := a.bc.CurrentSafeBlock(); h != nil {
				return h.Number.Uint64()
			}
			return 0
		}
		return head // latest, pending
	}
	if from, to := at(crit.FromBlock), at(crit.ToBlock); to >= from && to-from+1 > MaxLogRange {
		return &rangeError{fmt.Sprintf("block range %d…%d spans more than %d blocks", from, to, MaxLogRange)}
	}
	return nil
}

// GetLogs is eth_getLogs with the range bounded.
func (a *logsAPI) GetLogs(ctx context.Context, crit filters.FilterCriteria) ([]*types.Log, error) {
	if err := a.checkRange(crit); err != nil {
		return nil, err
	}
	return a.f.GetLogs(ctx, crit)
}

// NewFilter is eth_newFilter with the range bounded (eth_getFilterLogs
// scans it).
func (a *logsAPI) NewFilter(crit filters.FilterCriteria) (rpc.ID, error) {
	if err := a.checkRange(crit); err != nil {
		return "", err
	}
	id, err := a.f.NewFilter(crit)
	if err != nil {
		return id, err
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	a.filters[id] = crit
	a.order = append(a.order, id)
	if len(a.order) > maxTrackedFilters {
		delete(a.filters, a.order[0])
		a.order = a.order[1:]
	}
	return id, nil
}

// GetFilterLogs is eth_getFilterLogs with the range bounded again: a
// filter to "latest" grows with the chain.
func (a *logsAPI) GetFilterLogs(ctx context.Context, id rpc.ID) ([]*types.Log, error) {
	a.mu.Lock()
	crit, ok := a.filters[id]
	a.mu.Unlock()
	if ok {
		if err := a.checkRange(crit); err != nil {
			return nil, err
		}
	}
	return a.f.GetFilterLogs(ctx, id)
}
