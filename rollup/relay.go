package rollup

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/veil-sequencer/veil/api/apitypes"
	"github.com/veil-sequencer/veil/mempool"
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
type Relay struct {
	veil *wallet.Client
	keys []*relayKey
	log  *slog.Logger
	now  func() time.Time

	mu        sync.Mutex // serializes submissions: envelope nonces are consecutive
	next      int        // the key to try first
	params    *wallet.Params
	session   *wallet.Session
	sessionAt time.Time
	inFlight  map[common.Address][]inFlight
	total     int
}

// relayKey is one of the relay's envelope senders and its envelope nonce.
type relayKey struct {
	key       *ecdsa.PrivateKey
	addr      common.Address
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
// turn and passes over one at its cap.
func NewRelay(veil *wallet.Client, keys []*ecdsa.PrivateKey, log *slog.Logger) *Relay {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	r := &Relay{veil: veil, log: log, now: time.Now, inFlight: map[common.Address][]inFlight{}}
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

// pending is from's next nonce counting its transactions in flight, given
// its nonce in L2 state, and what those cost; expired and executed entries
// are dropped first. r.mu is held.
func (r *Relay) pending(from common.Address, stateNonce uint64) (uint64, *big.Int) {
	now, next, spent := r.now(), stateNonce, new(big.Int)
	kept := r.inFlight[from][:0]
	for _, f := range r.inFlight[from] {
		if f.nonce < stateNonce || now.After(f.until) {
			r.total--
			continue
		}
		kept = append(kept, f)
		if f.nonce == next {
			next++
		}
		spent.Add(spent, f.cost)
	}
	if len(kept) == 0 {
		delete(r.inFlight, from)
	} else {
		r.inFlight[from] = kept
	}
	return next, spent
}

// PendingNonce is from's next nonce counting its transactions in flight
// (eth_getTransactionCount at "pending").
func (r *Relay) PendingNonce(from common.Address, stateNonce uint64) uint64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	next, _ := r.pending(from, stateNonce)
	return next
}

// Submit checks tx (signed by from, raw its encoding) against from's
// state nonce and balance and what it has in flight, then encrypts and
// submits it. The errors are go-ethereum's transaction pool's, so wallets
// read them as they would from any node.
func (r *Relay) Submit(ctx context.Context, tx *types.Transaction, raw []byte, from common.Address, stateNonce uint64, balance *big.Int) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	next, spent := r.pending(from, stateNonce)
	switch {
	case tx.Nonce() < stateNonce:
		return fmt.Errorf("%w: next nonce %v, tx nonce %v", core.ErrNonceTooLow, stateNonce, tx.Nonce())
	case tx.Nonce() < next:
		return fmt.Errorf("%w: nonce %d is in flight through Veil already, and an encrypted transaction cannot be replaced", core.ErrNonceTooLow, tx.Nonce())
	case tx.Nonce() > next:
		return fmt.Errorf("%w: tx nonce %v, next nonce %v (counting those in flight): a gap would be skipped", core.ErrNonceTooHigh, tx.Nonce(), next)
	}
	if need := new(big.Int).Add(spent, tx.Cost()); balance.Cmp(need) < 0 {
		return fmt.Errorf("%w: balance %v, in flight %v, tx cost %v", core.ErrInsufficientFunds, balance, spent, tx.Cost())
	}
	if len(r.inFlight[from]) >= MaxInFlightPerSender || r.total >= MaxInFlight {
		return fmt.Errorf("%w: %d for this sender, %d in all", ErrInFlightLimit, len(r.inFlight[from]), r.total)
	}
	s, p, err := r.sessionLocked(ctx)
	if err != nil {
		return fmt.Errorf("veil: %w", err)
	}
	var last error
	for range r.keys {
		k := r.keys[r.next]
		r.next = (r.next + 1) % len(r.keys)
		h, err := r.submitAs(ctx, k, s, p, tx, raw)
		var ae *apitypes.Error
		if errors.As(err, &ae) && ae.Code == mempool.CodeSenderCap.String() {
			last = err // this key has as many envelopes queued as Veil allows: try the next
			continue
		}
		if err != nil {
			return err
		}
		r.inFlight[from] = append(r.inFlight[from], inFlight{nonce: tx.Nonce(), hash: tx.Hash(), cost: tx.Cost(), until: r.now().Add(inFlightFor)})
		r.total++
		r.log.Debug("rollup: relayed", "tx", tx.Hash(), "from", from, "nonce", tx.Nonce(), "envelope", h, "relay", k.addr)
		return nil
	}
	return fmt.Errorf("%w: every relay key has as many envelopes queued as Veil allows one sender (%v); retry shortly", ErrRelayBusy, last)
}

// ErrRelayBusy is every relay key at Veil's sender cap.
var ErrRelayBusy = errors.New("the relay is busy")

// submitAs seals and submits raw in an envelope of k. A refused envelope
// leaves k's nonce where it was, unless the refusal was about the nonce:
// then it is read again from the node.
func (r *Relay) submitAs(ctx context.Context, k *relayKey, s *wallet.Session, p wallet.Params, tx *types.Transaction, raw []byte) (common.Hash, error) {
	if !k.haveNonce {
		n, err := r.veil.NextNonce(ctx, k.addr)
		if err != nil {
			return common.Hash{}, fmt.Errorf("veil: the relay's nonce: %w", err)
		}
		k.nonce, k.haveNonce = n, true
	}
	e, err := wallet.Seal(s, p, k.key, k.nonce, raw, tx.Gas())
	if err != nil {
		return common.Hash{}, fmt.Errorf("veil: seal: %w", err)
	}
	h, err := r.veil.Submit(ctx, e, s.Domain)
	if err != nil {
		var ae *apitypes.Error
		if errors.As(err, &ae) && (ae.Code == mempool.CodeNonceUsed.String() || ae.Code == mempool.CodeNonceGap.String()) {
			k.haveNonce = false
		}
		if errors.As(err, &ae) && ae.Code == mempool.CodeExpired.String() {
			r.session = nil // an eon's end: read the session again
		}
		return common.Hash{}, fmt.Errorf("veil: submit: %w", err)
	}
	k.nonce++
	return h, nil
}

// sessionLocked is the node's session, read again every sessionFor, and
// its parameters, read once. r.mu is held.
func (r *Relay) sessionLocked(ctx context.Context) (*wallet.Session, wallet.Params, error) {
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
