package l1watch

import (
	"context"
	"errors"
	"log/slog"
	"math/big"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/veil-sequencer/veil/contracts"
)

// testAddrs are the fake deployment's contracts.
var testAddrs = contracts.Addresses{
	SequencerRegistry:    common.Address{0x01},
	BatchInbox:           common.Address{0x02},
	DepositVault:         common.Address{0x03},
	ForcedInclusionQueue: common.Address{0x04},
}

const testChain = 31337

// fakeL1 is an in-memory chain the tests control: headers chained by
// parent hash, logs per block, the finalized block, and failures.
type fakeL1 struct {
	mu        sync.Mutex
	id        uint64
	headers   []*types.Header // by number
	logs      [][]types.Log   // by number; BlockHash, BlockNumber and Index filled in when asked
	finalized int             // -1: none yet
	fail      error           // every call fails with it while set
	tamper    map[uint64]func(*types.Log)
	reverse   bool // return logs in reverse order

	chainIDCalls int
	headerCalls  []uint64    // numbers asked for by number
	ranges       [][2]uint64 // FilterLogs ranges
}

// newFake is a chain of blocks 0..n-1, each with its Veil events (see
// fill), finalized up to final.
func newFake(n, final int) *fakeL1 {
	f := &fakeL1{id: testChain, finalized: final, tamper: map[uint64]func(*types.Log){}}
	for range n {
		f.mine()
	}
	return f
}

// mine appends a block with the default events of its number.
func (f *fakeL1) mine() {
	n := uint64(len(f.headers))
	h := &types.Header{Number: new(big.Int).SetUint64(n), Time: 1_700_000_000 + 12*n, Difficulty: big.NewInt(0)}
	if n > 0 {
		h.ParentHash = f.headers[n-1].Hash()
	}
	f.headers = append(f.headers, h)
	f.logs = append(f.logs, defaultLogs(n))
}

// defaultLogs are block n's logs: a foreign contract's first (so Veil's
// indexes do not start at 0), then none, one or three of Veil's.
func defaultLogs(n uint64) []types.Log {
	foreign := types.Log{Address: common.Address{0xee}, Topics: []common.Hash{{0xee}}, Data: []byte{1}}
	tx := common.Hash{byte(n), 0x77}
	switch n % 3 {
	case 0:
		return []types.Log{foreign}
	case 1:
		return []types.Log{foreign, {Address: testAddrs.DepositVault, Topics: []common.Hash{{0xd0}, common.BigToHash(new(big.Int).SetUint64(n))},
			Data: common.BigToHash(big.NewInt(1e18)).Bytes(), TxHash: tx}}
	default:
		return []types.Log{foreign,
			{Address: testAddrs.SequencerRegistry, Topics: nil, Data: []byte("registered"), TxHash: tx},
			{Address: testAddrs.BatchInbox, Topics: []common.Hash{{0xba}, {byte(n)}, {2}}, Data: nil, TxHash: tx},
			foreign,
			{Address: testAddrs.ForcedInclusionQueue, Topics: []common.Hash{{0xf0}}, Data: make([]byte, 100), TxHash: tx}}
	}
}

// extend mines k blocks and moves finalized up by k.
func (f *fakeL1) extend(k int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for range k {
		f.mine()
	}
	f.finalized += k
}

func (f *fakeL1) setFinalized(n int) { f.mu.Lock(); f.finalized = n; f.mu.Unlock() }
func (f *fakeL1) setFail(err error)  { f.mu.Lock(); f.fail = err; f.mu.Unlock() }

// fork replaces block n by another (its Extra differs) and rechains the
// blocks above it on top.
func (f *fakeL1) fork(n uint64) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.headers[n] = types.CopyHeader(f.headers[n])
	f.headers[n].Extra = []byte("fork")
	for i := n + 1; i < uint64(len(f.headers)); i++ {
		f.headers[i] = types.CopyHeader(f.headers[i])
		f.headers[i].ParentHash = f.headers[i-1].Hash()
	}
}

// setTamper makes the logs of block n pass through fn (nil: no more).
func (f *fakeL1) setTamper(n uint64, fn func(*types.Log)) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if fn == nil {
		delete(f.tamper, n)
	} else {
		f.tamper[n] = fn
	}
}

// want is block n as the watcher must serve it.
func (f *fakeL1) want(n uint64) Block {
	f.mu.Lock()
	defer f.mu.Unlock()
	h := f.headers[n]
	b := Block{Number: n, Hash: h.Hash(), ParentHash: h.ParentHash, Time: h.Time}
	for i, l := range f.logs[n] {
		switch l.Address {
		case testAddrs.SequencerRegistry, testAddrs.BatchInbox, testAddrs.DepositVault, testAddrs.ForcedInclusionQueue:
			b.Events = append(b.Events, Event{Address: l.Address, Topics: l.Topics, Data: l.Data, TxHash: l.TxHash, Index: uint(i)})
		}
	}
	b.EventsRoot = EventsRoot(b.Events)
	return b
}

func (f *fakeL1) ChainID(ctx context.Context) (*big.Int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.chainIDCalls++
	if f.fail != nil {
		return nil, f.fail
	}
	return new(big.Int).SetUint64(f.id), ctx.Err()
}

// rpcError is an error answer of a JSON-RPC server.
type rpcError string

func (e rpcError) Error() string  { return string(e) }
func (e rpcError) ErrorCode() int { return -32000 }

var _ rpc.Error = rpcError("")

func (f *fakeL1) HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.fail != nil {
		return nil, f.fail
	}
	var n int
	switch {
	case number == nil:
		n = len(f.headers) - 1
	case number.Cmp(finalizedTag) == 0:
		if f.finalized < 0 {
			return nil, rpcError("finalized block not found")
		}
		n = f.finalized
	case number.Sign() < 0:
		return nil, rpcError("unsupported tag")
	default:
		f.headerCalls = append(f.headerCalls, number.Uint64())
		if !number.IsInt64() || number.Int64() >= int64(len(f.headers)) {
			return nil, ethereum.NotFound
		}
		n = int(number.Int64())
	}
	return types.CopyHeader(f.headers[n]), ctx.Err()
}

func (f *fakeL1) FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.fail != nil {
		return nil, f.fail
	}
	lo, hi := q.FromBlock.Uint64(), q.ToBlock.Uint64()
	f.ranges = append(f.ranges, [2]uint64{lo, hi})
	var out []types.Log
	for n := lo; n <= hi && n < uint64(len(f.headers)); n++ {
		for i, l := range f.logs[n] {
			if !slices.Contains(q.Addresses, l.Address) {
				continue
			}
			l.BlockNumber, l.BlockHash, l.Index = n, f.headers[n].Hash(), uint(i)
			l.Topics, l.Data = slices.Clone(l.Topics), slices.Clone(l.Data)
			if fn := f.tamper[n]; fn != nil {
				fn(&l)
			}
			out = append(out, l)
		}
	}
	if f.reverse {
		slices.Reverse(out)
	}
	return out, ctx.Err()
}

// calls are what the watcher asked: headers by number and log ranges.
func (f *fakeL1) calls() (headers []uint64, ranges [][2]uint64) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.headerCalls), slices.Clone(f.ranges)
}

// records is a slog handler keeping what is logged.
type records struct {
	mu   sync.Mutex
	recs []slog.Record
}

func (r *records) Enabled(context.Context, slog.Level) bool { return true }
func (r *records) Handle(_ context.Context, rec slog.Record) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.recs = append(r.recs, rec.Clone())
	return nil
}
func (r *records) WithAttrs([]slog.Attr) slog.Handler { return r }
func (r *records) WithGroup(string) slog.Handler      { return r }

// count is how many records at level have this message.
func (r *records) count(level slog.Level, msg string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := 0
	for _, rec := range r.recs {
		if rec.Level == level && rec.Message == msg {
			n++
		}
	}
	return n
}

// running is a watcher whose Run runs until the test ends.
type running struct {
	*Watcher
	done chan error
	logs *records
}

// run starts a watcher on cfg (Client, Contracts, ChainID and a short Poll
// filled in when unset).
func run(t *testing.T, f *fakeL1, cfg Config) *running {
	t.Helper()
	if cfg.Client == nil {
		cfg.Client = f
	}
	if cfg.ChainID == 0 {
		cfg.ChainID = testChain
	}
	if cfg.Contracts == (contracts.Addresses{}) {
		cfg.Contracts = testAddrs
	}
	if cfg.Poll == 0 {
		cfg.Poll = 2 * time.Millisecond
	}
	logs := &records{}
	cfg.Log = slog.New(logs)
	w, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	r := &running{Watcher: w, done: make(chan error, 1), logs: logs}
	go func() { r.done <- w.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-r.done:
			if err != nil && !errors.Is(err, ErrReorg) && !errors.Is(err, ErrWrongChain) {
				t.Errorf("Run: %v", err)
			}
		case <-time.After(5 * time.Second):
			t.Error("Run did not return after its context ended")
		}
	})
	return r
}

// eventually waits up to 10 s for cond.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(time.Millisecond)
	}
}

// headIs waits until the watcher's head is n.
func (r *running) headIs(t *testing.T, n uint64) {
	t.Helper()
	eventually(t, "head "+big.NewInt(int64(n)).String(), func() bool { h, ok := r.Head(); return ok && h == n })
}

// settle lets the watcher poll a while (the head should not move).
func (r *running) settle() { time.Sleep(50 * time.Millisecond) }

// errorsTotal is veil_l1_errors_total over all kinds.
func (r *running) errorsTotal() float64 {
	n := 0.0
	for _, k := range []string{kindUnreachable, kindRPC, kindInconsistent, kindWrongChain} {
		n += testutil.ToFloat64(r.m.errors.WithLabelValues(k))
	}
	return n
}
