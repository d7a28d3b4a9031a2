// Package node wires one sequencer node together: the chain (a CometBFT
// validator running the App) and its HTTP API. It holds no protocol logic:
// Backend translates API calls into reads of the committed state, the
// admission rules and CometBFT's mempool.
package node

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	cmtmempool "github.com/cometbft/cometbft/mempool"
	"github.com/cometbft/cometbft/types"
	"github.com/ethereum/go-ethereum/common"

	"github.com/veil-sequencer/veil/api"
	"github.com/veil-sequencer/veil/api/apitypes"
	"github.com/veil-sequencer/veil/auction"
	"github.com/veil-sequencer/veil/bid"
	"github.com/veil-sequencer/veil/chain"
	"github.com/veil-sequencer/veil/dkg"
	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/envelope"
	"github.com/veil-sequencer/veil/eon"
	"github.com/veil-sequencer/veil/mempool"
)

// Backend serves the API from one validator.
type Backend struct {
	node    *Validator
	network *Network
	params  mempool.Params

	keyper *Keyper          // nil on a node that is no keyper
	refuse []common.Address // Config.RefuseSenders: a test hook

	feed feedCache
}

// NewBackend serves validator n of the network.
func NewBackend(nw *Network, n *Validator) *Backend {
	return &Backend{node: n, network: nw, params: nw.Params()}
}

// WithKeyper makes the backend take keypers' shares for k.
func (b *Backend) WithKeyper(k *Keyper) *Backend {
	b.keyper = k
	return b
}

// ReceiveShares answers POST /v1/p2p/shares.
func (b *Backend) ReceiveShares(_ context.Context, raw []byte) (int, error) {
	if b.keyper == nil {
		return 0, fmt.Errorf("%w: %w", api.ErrNotFound, ErrNotKeyper)
	}
	return b.keyper.Receive(raw)
}

func (b *Backend) state() *chain.State {
	return chain.NewState(b.node.Store.Begin(), b.params.Domain)
}

// Validators answers GET /v1/validators.
func (b *Backend) Validators(context.Context) (apitypes.Validators, error) {
	st := b.state()
	vals, err := st.Validators()
	if err != nil {
		return apitypes.Validators{}, err
	}
	out := apitypes.Validators{Validators: make([]apitypes.Validator, len(vals)), EpochSlots: b.params.EpochSlots}
	for i, v := range vals {
		x := apitypes.Validator{Address: v.Validator.Bytes(), PubKey: v.PubKey, Keyper: v.Keyper, Bond: apitypes.Wei{Int: v.Amount}, Power: 1}
		// A validator that left at an eon's activation (or not yet joined)
		// has power 0; its bond stays until its eon is retired.
		if in, err := st.IsMemberAt(b.node.Store.Height(), v.PubKey); err != nil {
			return apitypes.Validators{}, err
		} else if !in {
			x.Power = 0
		}
		if s := v.Slashed; s != nil {
			x.Power = 0
			x.Slashed = &apitypes.Slashing{Slot: s.Slot, Height: s.Height, Amount: apitypes.Wei{Int: s.Amount}}
		}
		r, ok, err := st.RegistrationOfKey([32]byte(v.PubKey))
		if err != nil {
			return apitypes.Validators{}, err
		}
		if ok {
			x.Registration, x.Exiting = &r.Number, r.ExitRequestedAt != 0
		}
		out.Validators[i] = x
	}
	b.keyperHealth(out.Validators, b.node.App.Eon)
	next, ok, err := st.NextValidators()
	if err != nil || !ok {
		return out, err
	}
	out.Next = &apitypes.NextSet{Epoch: next.Epoch, Slot: next.Epoch * b.params.EpochSlots, Members: members(next.Members)}
	return out, nil
}

// members is a set of registrations as the API shows them.
func members(rs []chain.Registration) []apitypes.Member {
	out := make([]apitypes.Member, len(rs))
	for i, r := range rs {
		out[i] = apitypes.Member{Registration: r.Number, Keyper: r.Keyper, Address: r.CometAddress().Bytes(),
			PubKey: r.CometPubKey[:], Stake: apitypes.Wei{Int: r.Stake}}
	}
	return out
}

// NextEon answers GET /v1/eon/next.
func (b *Backend) NextEon(context.Context) (apitypes.NextEon, error) {
	st := b.state()
	d, ok, err := st.CurrentDKG()
	if err != nil {
		return apitypes.NextEon{}, err
	}
	if !ok {
		return apitypes.NextEon{}, api.ErrNotFound
	}
	slots := b.params.DKGPhaseSlots
	out := apitypes.NextEon{Eon: d.Eon, Status: apitypes.DKGRunning, Phase: d.PhaseAt(b.node.Store.Height()+1, slots).String(),
		StartSlot: d.Start, ResultSlot: d.End(slots), Threshold: d.Threshold, Members: members(d.Members), Messages: map[string]int{}}
	for p := dkg.PhaseAnnounce; p < dkg.PhaseDone; p++ {
		msgs, err := st.DKGMessages(d.Eon, p)
		if err != nil {
			return apitypes.NextEon{}, err
		}
		out.Messages[p.String()] = len(msgs)
	}
	// Passed on as recorded: decoding the eon's keys for every reader
	// would cost a point check per keyper per request.
	dealt, data, done, err := st.DKGOutcomeRaw(d.Eon)
	switch {
	case err != nil:
		return apitypes.NextEon{}, err
	case done && dealt:
		out.Status, out.Key = apitypes.DKGDealt, json.RawMessage(data)
	case done:
		out.Status, out.Failed = apitypes.DKGFailed, string(data)
	}
	if stmt, ok, err := st.EonStatementOf(d.Eon); err != nil {
		return apitypes.NextEon{}, err
	} else if ok && stmt.Sigma != nil {
		out.Signed = stmt.Recorded
	}
	if a, ok, err := st.LastActivation(); err != nil {
		return apitypes.NextEon{}, err
	} else if ok && a.Eon == d.Eon {
		out.ActivationSlot, out.Status = a.Slot, apitypes.DKGActivating
		if b.node.Store.Height() >= a.Slot {
			out.Status = apitypes.DKGActive
		}
	}
	return out, nil
}

// Status answers GET /v1/status.
func (b *Backend) Status(context.Context) (apitypes.Status, error) {
	eon, err := b.node.App.Eon()
	if err != nil {
		return apitypes.Status{}, err
	}
	height, appHash := b.node.Store.Committed()
	st := chain.NewState(b.node.Store.Begin(), b.params.Domain)
	out := apitypes.Status{ChainID: b.params.Domain.ChainID, Height: height, Eon: eon.Eon,
		BlockTimeMs: uint64(b.network.BlockTime().Milliseconds()), DomainSalt: b.params.Domain.Salt, AppHash: appHash}
	if l1, err := st.L1(); err != nil {
		return apitypes.Status{}, err
	} else if l1 != nil {
		applied, _, err := st.L1Applied()
		if err != nil {
			return apitypes.Status{}, err
		}
		out.L1Applied = &applied
		c := l1.Contracts
		out.L1 = &apitypes.L1Info{ChainID: l1.ChainID, SequencerRegistry: c.SequencerRegistry, BatchInbox: c.BatchInbox,
			DepositVault: c.DepositVault, ForcedInclusionQueue: c.ForcedInclusionQueue}
		if out.Batches, err = batches(st); err != nil {
			return apitypes.Status{}, err
		}
	}
	return out, nil
}

// Params answers GET /v1/params.
func (b *Backend) Params(context.Context) (apitypes.Params, error) {
	eon, err := b.node.App.Eon()
	if err != nil {
		return apitypes.Params{}, err
	}
	p := b.params
	return apitypes.Params{ChainID: p.Domain.ChainID, SlotGasLimit: p.SlotGasLimit, InclusionReserve: p.InclusionReserve,
		InclusionAge: p.InclusionAge, BidGasLimit: p.BidGasLimit(), BaseGas: mempool.BaseGas,
		GasPerByte: mempool.GasPerByte, MinFeePerGas: apitypes.Wei{Int: p.MinFeePerGas}, MaxCiphertextSize: p.MaxCiphertextSize,
		MaxGasLimit: p.BidGasLimit(), MaxValiditySlots: p.MaxValiditySlots, SenderCap: p.SenderCap, PoolCap: p.PoolCap,
		Threshold: eon.Threshold, Reserve: apitypes.Wei{Int: p.Reserve}, K: p.K, BidsPerBuilder: p.BidsPerBuilder,
		BidsPerSlot: p.BidsPerSlot, MaxSealedSize: p.MaxSealedSize, InvalidBidPenalty: apitypes.Wei{Int: p.InvalidBidPenalty}}, nil
}

// Eon answers GET /v1/eon.
func (b *Backend) Eon(context.Context) (*eon.Info, error) { return b.node.App.Eon() }

// Domain is the deployment's EIP-712 domain.
func (b *Backend) Domain(context.Context) (eip712.Domain, error) { return b.params.Domain, nil }

// Account answers GET /v1/accounts/{address}.
func (b *Backend) Account(_ context.Context, a common.Address) (apitypes.Account, error) {
	st := b.state()
	acct, err := st.Account(a)
	if err != nil {
		return apitypes.Account{}, err
	}
	bu, err := st.Builder(a)
	if err != nil {
		return apitypes.Account{}, err
	}
	return apitypes.Account{NextNonce: acct.NextNonce, Deposit: apitypes.Wei{Int: acct.Deposit},
		PendingCharges: apitypes.Wei{Int: acct.PendingCharges}, Collateral: apitypes.Wei{Int: bu.Collateral}, Reserved: apitypes.Wei{Int: bu.Reserved}}, nil
}

// Submit hands an envelope to CometBFT's mempool, whose CheckTx applies
// the admission rules against the committed state and this node's pending
// transactions (chain.App.CheckTx): the API and CheckTx cannot disagree,
// and what one accepts counts against the next. An envelope this node
// already holds or the chain already has gets the same answer again.
func (b *Backend) Submit(ctx context.Context, e *envelope.Envelope) (common.Hash, error) {
	if slices.Contains(b.refuse, e.Sender) {
		// An existing code: a new one would be a rule of the protocol.
		return common.Hash{}, &mempool.Rejection{Code: mempool.CodeBadField, Field: "sender",
			Err: fmt.Errorf("this node refuses envelopes from %s (test hook RefuseSenders: a censoring validator)", e.Sender)}
	}
	h := e.Hash(b.params.Domain)
	tx := append([]byte{chain.TxEnvelope}, e.EncodeBinary()...)
	rej, err := b.broadcast(ctx, tx)
	if err != nil || rej == nil {
		return h, err
	}
	// Submitting an envelope the chain or this node already has is not an
	// error: its hash answers. Only then can its identity or nonce be
	// used, so it is looked up on this path alone.
	if rej.Code == mempool.CodeIdentityReused || rej.Code == mempool.CodeNonceUsed {
		if _, ok := b.node.App.Pending(h); ok {
			return h, nil
		}
		if _, ok, err := b.state().Tx(h); err != nil || ok {
			return h, err
		}
	}
	return common.Hash{}, rej
}

// SubmitBid hands a bid to CometBFT's mempool, admitted by CheckTx for the
// next block against the committed state and this node's pending bids (the
// builder's highest seq, its and the slot's bid count, its free
// collateral). A bid the chain or this node's mempool already holds gets
// the same answer again.
func (b *Backend) SubmitBid(ctx context.Context, x *bid.Bid) (common.Hash, error) {
	// The slot window first, against the committed height: CometBFT's
	// cache of seen transactions would answer a bid replayed after its
	// slot as one it holds.
	if rej := mempool.CheckBidSlot(x.Slot, b.node.Store.Height()+1, b.params); rej != nil {
		return common.Hash{}, rej
	}
	h := x.Hash(b.params.Domain)
	tx := append([]byte{chain.TxBid}, x.EncodeBinary()...)
	rej, err := b.broadcast(ctx, tx)
	if err != nil || rej == nil {
		return h, err
	}
	// The same bid again before its slot is the same bid.
	if rej.Code == mempool.CodeSeqTooLow {
		if ok, err := b.state().HasBid(x.Slot, h); err != nil || ok {
			return h, err
		}
	}
	return common.Hash{}, rej
}

// broadcast hands a transaction to CometBFT's mempool and returns the
// rule CheckTx refused it for, if any. One the mempool already holds (or
// held: gossiped from another node it was also sent to, or committed) is
// no error; a full mempool is pool_full.
func (b *Backend) broadcast(ctx context.Context, tx []byte) (*mempool.Rejection, error) {
	res, err := b.node.Client.BroadcastTxSync(ctx, types.Tx(tx))
	var full cmtmempool.ErrMempoolIsFull
	var tooLarge cmtmempool.ErrTxTooLarge
	switch {
	case errors.Is(err, cmtmempool.ErrTxInCache):
		return nil, nil
	case errors.As(err, &full):
		return &mempool.Rejection{Code: mempool.CodePoolFull,
			Err: fmt.Errorf("this node's mempool holds %d transactions, its limit: retry later or elsewhere", full.NumTxs)}, nil
	case errors.As(err, &tooLarge):
		return &mempool.Rejection{Code: mempool.CodeTooLarge, Err: err}, nil
	case err != nil:
		return nil, fmt.Errorf("node: broadcast: %w", err)
	}
	return chain.RejectionOf(res.Code, res.Data, res.Log), nil
}

// Auction answers GET /v1/auctions/{slot}: open until block slot commits.
func (b *Backend) Auction(_ context.Context, slot uint64) (apitypes.Auction, error) {
	bids, err := b.state().BidCount(slot)
	if err != nil {
		return apitypes.Auction{}, err
	}
	a := apitypes.Auction{Slot: slot, Status: "open", Reserve: apitypes.Wei{Int: b.params.Reserve}, BidCount: bids}
	if slot > b.node.Store.Height() {
		return a, nil
	}
	a.Status = "closed"
	rec, err := b.state().SlotRecord(slot)
	if err != nil || rec == nil {
		return a, err // no record: a slot decided before records were kept
	}
	res := resultOf(rec.Auction)
	a.AuctionResult = &res
	return a, nil
}

// resultOf is a slot record's auction as the API shows it.
func resultOf(r *auction.Result) apitypes.AuctionResult {
	out := apitypes.AuctionResult{Bids: []apitypes.AuctionBid{}, Winner: r.Winner}
	if p := r.Price; p != nil {
		s := p.String()
		out.Price = &s
	}
	for _, x := range r.Bids {
		ab := apitypes.AuctionBid{BidHash: x.BidHash, Builder: x.Builder, Seq: x.Seq, Verdict: string(x.Verdict), Reason: x.Reason}
		if x.Value != nil {
			v := x.Value.String()
			ab.Value = &v
		}
		out.Bids = append(out.Bids, ab)
	}
	return out
}

// Transaction answers GET /v1/transactions/{hash}: a committed envelope is
// decrypted or invalid once its bundle's keys are whole.
func (b *Backend) Transaction(ctx context.Context, h common.Hash) (apitypes.Transaction, error) {
	st := b.state()
	r, ok, err := st.Tx(h)
	if err != nil {
		return apitypes.Transaction{}, err
	}
	if ok {
		tx := apitypes.Transaction{Hash: h, Status: r.Status.String(), Envelope: r.Envelope}
		if r.Forced != 0 {
			index := r.Forced - 1
			tx.Forced = &index
		}
		switch r.Status {
		case chain.StatusCommitted:
			slot, index := r.Slot, uint64(r.Index)
			tx.Slot, tx.Index = &slot, &index
			res, ok, err := b.decrypted(ctx, st, r)
			if err != nil {
				return apitypes.Transaction{}, err
			}
			if ok {
				tx.Status, tx.Reason = res.Status, res.Reason
				if res.Plaintext != nil {
					ph := res.PlaintextHash()
					tx.PlaintextHash = &ph
				}
			}
			if tx.Final, err = b.finality(st, r.Slot); err != nil {
				return apitypes.Transaction{}, err
			}
		case chain.StatusDropped:
			tx.Reason = chain.DropReason(r.Reason)
		}
		return tx, nil
	}
	if tx, ok, err := plainTransaction(st, h); err != nil || ok {
		if err == nil && tx.Slot != nil {
			tx.Final, err = b.finality(st, *tx.Slot)
		}
		return tx, err
	}
	e, ok := b.node.App.Pending(h)
	if !ok {
		if code, dropped := b.node.App.RecheckDropped(h); dropped {
			// Pending here, then refused when a commit rechecked it: never
			// queued, never charged.
			return apitypes.Transaction{Hash: h, Status: "dropped", Reason: code.String()}, nil
		}
		return apitypes.Transaction{}, api.ErrNotFound
	}
	return apitypes.Transaction{Hash: h, Status: "pending", Envelope: e}, nil
}

// poolPageBytes bounds a pool page's ciphertext: a thousand 64 KiB
// envelopes would make one cheap request cost the node 128 MiB of JSON.
const poolPageBytes = 4 << 20

// Pool answers GET /v1/pool: queued envelopes in (queued slot, hash)
// order, then this node's pending ones; the cursor is the key of the last
// entry read, so a page costs its own size, not the pool's. A page stops
// early once its ciphertexts reach poolPageBytes.
func (b *Backend) Pool(_ context.Context, after string, limit int) ([]apitypes.Transaction, string, error) {
	page, next, err := b.node.App.PoolPage(after, limit, poolPageBytes)
	if errors.Is(err, chain.ErrCursor) {
		return nil, "", fmt.Errorf("%w: %w", api.ErrBadCursor, err)
	}
	if err != nil {
		return nil, "", err
	}
	out := make([]apitypes.Transaction, len(page))
	for i, p := range page {
		status := "queued"
		if p.Pending {
			status = "pending"
		}
		out[i] = apitypes.Transaction{Hash: p.Hash, Status: status, Envelope: p.Envelope}
	}
	return out, next, nil
}

// Ready answers /readyz: the node has committed a block.
func (b *Backend) Ready(context.Context) error {
	if b.node.Store.Height() == 0 {
		return errors.New("no block committed yet")
	}
	return nil
}
