package rollup

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"net/http"
	"slices"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/txpool"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/veil-sequencer/veil/api/apitypes"
	"github.com/veil-sequencer/veil/mempool"
	"github.com/veil-sequencer/veil/threshold"
	"github.com/veil-sequencer/veil/wallet"
)

// Bounds on what the relay keeps in flight: transactions it submitted that
// L2 has not executed yet, per sender and in all. Each costs the relay an
// envelope's inclusion fee, so a sender may not queue more than a few.
const (
	MaxInFlightPerSender = 16
	MaxInFlight          = 4096
	// inFlightFor is how long a submitted transaction counts as in flight
	// if L2 never executes it (skipped, or its envelope dropped): past an
	// envelope's validity at 500 ms slots.
	inFlightFor = 2 * time.Minute
	// sessionFor is how long the relay reuses a node's session (its
	// height, eon and next eon) before reading it again.
	sessionFor = time.Second
	// veilTimeout bounds each request to the Veil node.
	veilTimeout = 10 * time.Second
	// sweepEvery is the least time between two sweeps of every sender's
	// transactions in flight (sweep).
	sweepEvery = time.Second
)

// ErrInFlightLimit is a sender (or the relay) with as many transactions in
// flight as the relay keeps.
var ErrInFlightLimit = errors.New("too many transactions in flight through Veil")

// Relay is what makes eth_sendRawTransaction work with Veil: it encrypts a
// checked, signed transaction to the active eon for a fresh identity and
// submits it in an envelope it signs and pays from its own deposit (the
// plaintext's signer need not be the envelope's sender, protocol §4).
// Whoever runs the relay sees the plaintext before it is encrypted: run
// your own for full privacy, or encrypt on the client (`veil wallet`,
// package wallet).
//
// Locks: mu guards the accounting (transactions in flight, the key turn)
// and is never held across a request to Veil; sessionMu guards the
// node's session; each key's own lock serializes its envelopes, whose
// nonces must reach Veil in order.
type Relay struct {
	veil *wallet.Client
	keys []*relayKey
	log  *slog.Logger
	now  func() time.Time

	mu        sync.Mutex
	next      int // the key to try first
	inFlight  map[common.Address][]inFlight
	total     int
	lastSweep time.Time

	sessionMu sync.Mutex
	params    *wallet.Params
	session   *wallet.Session
	sessionAt time.Time
}

// relayKey is one of the relay's envelope senders and its envelope nonce.
type relayKey struct {
	key  *ecdsa.PrivateKey
	addr common.Address

	mu        sync.Mutex
	nonce     uint64
	haveNonce bool
}

type inFlight struct {
	nonce uint64
	hash  common.Hash
	cost  *big.Int
	until time.Time
}

// NewRelay is a relay submitting to the node veil, its envelopes signed by
// keys (at least one), each with a deposit on Veil. Veil queues at most a
// few envelopes per sender (its sender cap, 16 by default), so one key
// carries as many transactions in flight: the relay takes the keys in
// turn and passes over one at its cap. Requests to veil time out after
// 10 s unless its HTTP client says otherwise.
func NewRelay(veil *wallet.Client, keys []*ecdsa.PrivateKey, log *slog.Logger) *Relay {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	c := *veil
	if c.HTTP == nil {
		c.HTTP = &http.Client{Timeout: veilTimeout}
	}
	r := &Relay{veil: &c, log: log, now: time.Now, inFlight: map[common.Address][]inFlight{}}
	for _, k := range keys {
		r.keys = append(r.keys, &relayKey{key: k, addr: crypto.PubkeyToAddress(k.PublicKey)})
	}
	return r
}

// Addresses are the relay's envelope senders, whose Veil deposits pay
// for its envelopes.
func (r *Relay) Addresses() []common.Address {
	out := make([]common.Address, len(r.keys))
	for i, k := range r.keys {
		out[i] = k.addr
	}
	return out
}

// keep drops from's entries that are executed (below stateNonce) or
// expired. r.mu is held.
func (r *Relay) keep(from common.Address, stateNonce uint64, now time.Time) []inFlight {
	kept := r.inFlight[from][:0]
	for _, f := range r.inFlight[from] {
		if f.nonce < stateNonce || now.After(f.until) {
			r.total--
			continue
		}
		kept = append(kept, f)
	}
	if len(kept) == 0 {
		delete(r.inFlight, from)
		return nil
	}
	r.inFlight[from] = kept
	return kept
}

// pending is from's next nonce counting its transactions in flight, given
// its nonce in L2 state, and what those cost. r.mu is held.
func (r *Relay) pending(from common.Address, stateNonce uint64) (uint64, *big.Int) {
	next, spent := stateNonce, new(big.Int)
	for _, f := range r.keep(from, stateNonce, r.now()) {
		if f.nonce == next {
			next++
		}
		spent.Add(spent, f.cost)
	}
	return next, spent
}

// sweep drops every sender's executed and expired entries, at most once a
// second and only once half of MaxInFlight is taken: a sender who never
// comes back must not hold its place. r.mu is held.
func (r *Relay) sweep(nonceOf func(common.Address) uint64) {
	now := r.now()
	if r.total < MaxInFlight/2 || now.Sub(r.lastSweep) < sweepEvery {
		return
	}
	r.lastSweep = now
	for from := range r.inFlight {
		r.keep(from, nonceOf(from), now)
	}
}

// PendingNonce is from's next nonce counting its transactions in flight
// (eth_getTransactionCount at "pending").
func (r *Relay) PendingNonce(from common.Address, stateNonce uint64) uint64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	next, _ := r.pending(from, stateNonce)
	return next
}

// reserve checks tx against from's state nonce (nonceOf) and balance and
// what it has in flight, and counts it in flight; it returns the key to
// try first.
func (r *Relay) reserve(tx *types.Transaction, from common.Address, balance *big.Int, nonceOf func(common.Address) uint64) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.sweep(nonceOf)
	stateNonce := nonceOf(from)
	next, spent := r.pending(from, stateNonce)
	switch {
	case tx.Nonce() < stateNonce:
		return 0, fmt.Errorf("%w: next nonce %v, tx nonce %v", core.ErrNonceTooLow, stateNonce, tx.Nonce())
	case tx.Nonce() < next:
		return 0, fmt.Errorf("%w: nonce %d is in flight through Veil already, and an encrypted transaction cannot be replaced", core.ErrNonceTooLow, tx.Nonce())
	case tx.Nonce() > next:
		return 0, fmt.Errorf("%w: tx nonce %v, next nonce %v (counting those in flight): a gap would be skipped", core.ErrNonceTooHigh, tx.Nonce(), next)
	}
	if need := new(big.Int).Add(spent, tx.Cost()); balance.Cmp(need) < 0 {
		return 0, fmt.Errorf("%w: balance %v, in flight %v, tx cost %v", core.ErrInsufficientFunds, balance, spent, tx.Cost())
	}
	if len(r.inFlight[from]) >= MaxInFlightPerSender || r.total >= MaxInFlight {
		return 0, fmt.Errorf("%w: %d for this sender, %d in all", ErrInFlightLimit, len(r.inFlight[from]), r.total)
	}
	r.inFlight[from] = append(r.inFlight[from], inFlight{nonce: tx.Nonce(), hash: tx.Hash(), cost: tx.Cost(), until: r.now().Add(inFlightFor)})
	r.total++
	first := r.next
	r.next = (r.next + 1) % len(r.keys)
	return first, nil
}

// release forgets a reservation whose submission failed.
func (r *Relay) release(from common.Address, hash common.Hash) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if i := slices.IndexFunc(r.inFlight[from], func(f inFlight) bool { return f.hash == hash }); i >= 0 {
		r.inFlight[from] = slices.Delete(r.inFlight[from], i, i+1)
		r.total--
		if len(r.inFlight[from]) == 0 {
			delete(r.inFlight, from)
		}
	}
}

// Submit checks tx (signed by from, raw its encoding) against from's
// state nonce (nonceOf reads the head state) and balance and what it has
// in flight, then encrypts and submits it. The errors are go-ethereum's
// transaction pool's, so wallets read them as they would from any node.
func (r *Relay) Submit(ctx context.Context, tx *types.Transaction, raw []byte, from common.Address, balance *big.Int, nonceOf func(common.Address) uint64) error {
	first, err := r.reserve(tx, from, balance, nonceOf)
	if err != nil {
		return err
	}
	s, p, err := r.sessionNow(ctx)
	if err != nil {
		r.release(from, tx.Hash())
		return fmt.Errorf("%w: %w", errVeil, err)
	}
	if bound := p.MaxCiphertext; bound > 0 && threshold.CiphertextSize(len(raw)) > bound {
		r.release(from, tx.Hash())
		return fmt.Errorf("%w: %d bytes encrypt to more than Veil's %d-byte ciphertexts", txpool.ErrOversizedData, len(raw), bound)
	}
	var last error
	for i := range r.keys {
		k := r.keys[(first+i)%len(r.keys)]
		h, err := r.submitAs(ctx, k, s, p, tx, raw)
		var ae *apitypes.Error
		if errors.As(err, &ae) && ae.Code == mempool.CodeSenderCap.String() {
			last = err // this key has as many envelopes queued as Veil allows: try the next
			continue
		}
		if err != nil {
			r.release(from, tx.Hash())
			return err
		}
		r.log.Debug("rollup: relayed", "tx", tx.Hash(), "from", from, "nonce", tx.Nonce(), "envelope", h, "relay", k.addr)
		return nil
	}
	r.release(from, tx.Hash())
	return fmt.Errorf("%w: %w: every relay key has as many envelopes queued as Veil allows one sender (%v); retry shortly", errVeil, ErrRelayBusy, last)
}

// ErrRelayBusy is every relay key at Veil's sender cap.
var ErrRelayBusy = errors.New("the relay is busy")

// errVeil wraps the relay's failures on Veil's side (the node refused the
// envelope or could not be reached), as against a transaction refused by
// the checks before.
var errVeil = errors.New("veil")

// submitAs seals and submits raw in an envelope of k, holding k's lock. A
// refused envelope leaves k's nonce where it was, unless the refusal was
// about the nonce: then it is read again from the node.
func (r *Relay) submitAs(ctx context.Context, k *relayKey, s *wallet.Session, p wallet.Params, tx *types.Transaction, raw []byte) (common.Hash, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if !k.haveNonce {
		n, err := r.veil.NextNonce(ctx, k.addr)
		if err != nil {
			return common.Hash{}, fmt.Errorf("%w: the relay's nonce: %w", errVeil, err)
		}
		k.nonce, k.haveNonce = n, true
	}
	e, err := wallet.Seal(s, p, k.key, k.nonce, raw, tx.Gas())
	if err != nil {
		return common.Hash{}, fmt.Errorf("%w: seal: %w", errVeil, err)
	}
	h, err := r.veil.Submit(ctx, e, s.Domain)
	if err != nil {
		var ae *apitypes.Error
		if errors.As(err, &ae) && (ae.Code == mempool.CodeNonceUsed.String() || ae.Code == mempool.CodeNonceGap.String()) {
			k.haveNonce = false
		}
		if errors.As(err, &ae) && ae.Code == mempool.CodeExpired.String() {
			r.forgetSession() // an eon's end: read the session again
		}
		return common.Hash{}, fmt.Errorf("%w: submit: %w", errVeil, err)
	}
	k.nonce++
	return h, nil
}

// sessionNow is the node's session, read again every sessionFor, and its
// parameters, read once.
func (r *Relay) sessionNow(ctx context.Context) (*wallet.Session, wallet.Params, error) {
	r.sessionMu.Lock()
	defer r.sessionMu.Unlock()
	if r.params == nil {
		p, err := r.veil.Params(ctx)
		if err != nil {
			return nil, wallet.Params{}, err
		}
		r.params = &p
	}
	if r.session == nil || r.now().Sub(r.sessionAt) > sessionFor {
		s, err := r.veil.Session(ctx)
		if err != nil {
			return nil, wallet.Params{}, err
		}
		r.session, r.sessionAt = s, r.now()
	}
	return r.session, *r.params, nil
}

func (r *Relay) forgetSession() {
	r.sessionMu.Lock()
	r.session = nil
	r.sessionMu.Unlock()
}
