package chain

import (
	"bytes"
	"cmp"
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math/big"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/cometbft/cometbft/crypto/ed25519"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	"github.com/ethereum/go-ethereum/common"

	"github.com/veil-sequencer/veil/l1event"
	"github.com/veil-sequencer/veil/mempool"
	"github.com/veil-sequencer/veil/oracle"
)

// The L1 oracle's state (protocol §9): which L1 the network is anchored on,
// how far Veil has applied it, and what it could not apply.
const (
	keyL1        = 0x16 // → the genesis's l1 section (JSON)
	keyL1Applied = 0x17 // → number(8) ‖ hash(32) of the last L1 block applied
	keyL1Skipped = 0x18 // → count(8) of L1 events that did not decode, skipped alike everywhere
)

// l1EventBudget is how many bytes of L1 events one Veil block applies
// beyond its first L1 block (which always fits, so no L1 block stalls
// Veil's view): a slot's record stays small next to its transactions.
const l1EventBudget = 256 << 10

// CometChainID is the CometBFT chain id of Veil chain id: what vote
// extensions are signed for.
func CometChainID(id uint64) string { return fmt.Sprintf("veil-%d", id) }

// L1View is this node's own view of L1 (its watcher): what its vote
// extensions attest, and the events its proposals apply. It never blocks
// on L1.
type L1View interface {
	// After is the final L1 blocks the node has read after applied, in
	// order, at most max.
	After(applied uint64, max int) []oracle.Attestation
	// Events is the event items of an attested block, false if the node
	// does not hold that block (number and hash) or its events.
	Events(a oracle.Attestation) ([][]byte, bool)
}

// L1 is the network's L1, nil if it has none.
func (s *State) L1() (*GenesisL1, error) {
	v, err := s.b.Get([]byte{keyL1})
	if err != nil || v == nil {
		return nil, err
	}
	var g GenesisL1
	if err := json.Unmarshal(v, &g); err != nil {
		return nil, fmt.Errorf("%w: l1: %v", ErrCorrupt, err)
	}
	return &g, nil
}

// L1Applied is the last L1 block Veil applied (the genesis's start block
// and a zero hash before any).
func (s *State) L1Applied() (uint64, common.Hash, error) {
	v, err := s.b.Get([]byte{keyL1Applied})
	if err != nil || v == nil {
		return 0, common.Hash{}, err
	}
	if len(v) != 48 {
		return 0, common.Hash{}, fmt.Errorf("%w: l1Applied of %d bytes", ErrCorrupt, len(v))
	}
	return binary.BigEndian.Uint64(v), common.BytesToHash(v[8:40]), nil
}

// L1Time is the timestamp of the last L1 block applied (0 before any):
// Veil's agreed clock of L1 time, which the escape hatch counts in.
func (s *State) L1Time() (uint64, error) {
	v, err := s.b.Get([]byte{keyL1Applied})
	if err != nil || v == nil {
		return 0, err
	}
	if len(v) != 48 {
		return 0, fmt.Errorf("%w: l1Applied of %d bytes", ErrCorrupt, len(v))
	}
	return binary.BigEndian.Uint64(v[40:]), nil
}

func (s *State) setL1Applied(number uint64, hash common.Hash, time uint64) {
	v := append(u64(number), hash[:]...)
	s.b.Set([]byte{keyL1Applied}, append(v, u64(time)...))
}

// L1Skipped is how many L1 events did not decode and were skipped.
func (s *State) L1Skipped() (uint64, error) { return s.counter(keyL1Skipped) }

// signersAt is the validator set that signed height h, with power 1 each:
// CometBFT's set at h (cometSet).
func (s *State) signersAt(h uint64) ([]oracle.Signer, error) {
	set, err := s.cometSet(h)
	if err != nil {
		return nil, err
	}
	out := make([]oracle.Signer, 0, len(set))
	for _, k := range set {
		pub := append([]byte(nil), k[:]...)
		out = append(out, oracle.Signer{Address: common.BytesToAddress(ed25519.PubKey(pub).Address()), PubKey: pub, Power: 1})
	}
	return out, nil
}

// lastCommit is a block's last commit as the oracle reads it.
type lastCommit struct {
	round     int32
	committed []common.Address
	extended  []oracle.Extended // the proposer's: with extensions
}

func fromCommitInfo(c abci.CommitInfo) lastCommit {
	lc := lastCommit{round: c.Round}
	for _, v := range c.Votes {
		if v.BlockIdFlag == cmtproto.BlockIDFlagCommit {
			lc.committed = append(lc.committed, common.BytesToAddress(v.Validator.Address))
		}
	}
	return lc
}

func fromExtendedCommitInfo(c abci.ExtendedCommitInfo) lastCommit {
	lc := lastCommit{round: c.Round}
	for _, v := range c.Votes {
		if v.BlockIdFlag == cmtproto.BlockIDFlagCommit {
			a := common.BytesToAddress(v.Validator.Address)
			lc.committed = append(lc.committed, a)
			lc.extended = append(lc.extended, oracle.Extended{Validator: a, Extension: v.VoteExtension, Signature: v.ExtensionSignature})
		}
	}
	return lc
}

// oracleInputs is what block slot's oracle section is checked against,
// nil when it has none: on a network without L1, and at block 1 (no last
// commit). Genesis requires vote extensions from height 1 on networks with
// an L1, so from block 2 every last commit carries them.
func (a *App) oracleInputs(st *State, slot uint64, lc lastCommit) (*oracle.Inputs, error) {
	l1, err := st.L1()
	if err != nil || l1 == nil || slot < 2 {
		return nil, err
	}
	applied, _, err := st.L1Applied()
	if err != nil {
		return nil, err
	}
	signers, err := st.signersAt(slot - 1)
	if err != nil {
		return nil, err
	}
	return &oracle.Inputs{Applied: applied, ChainID: CometChainID(a.cfg.Params.Domain.ChainID), Height: slot - 1,
		Signers: signers, Round: lc.round, Commit: lc.committed, Budget: l1EventBudget}, nil
}

// applyL1 applies the L1 blocks a record's section carries, in order, in
// block slot of eon: deposits and collateral credited, forced items judged
// and queued for slot+1 (or refused with their reason); other events
// (registry changes, eon keys, batches) wait for the code that applies
// them; an event that does not decode is counted and skipped, the same way
// on every node.
func (a *App) applyL1(st *State, rec *oracleApplied, slot, eon uint64) error {
	if len(rec.blocks) == 0 {
		return nil
	}
	l1, err := st.L1()
	if err != nil || l1 == nil {
		return err
	}
	dec, err := a.l1Decoder(l1)
	if err != nil {
		return err
	}
	skipped, err := st.L1Skipped()
	if err != nil {
		return err
	}
	for i, b := range rec.blocks {
		for _, item := range b.Events {
			if err := a.applyEvent(st, dec, item, b.Number, forcedEnv{slot: slot, eon: eon, p: a.cfg.Params}); err != nil {
				if !isEventError(err) {
					return err
				}
				skipped++
				a.log.Debug("L1 event skipped", "l1Block", b.Number, "err", err)
			}
		}
		st.setL1Applied(rec.applied[i].Number, rec.applied[i].Hash, rec.applied[i].Time)
	}
	st.b.Set([]byte{keyL1Skipped}, u64(skipped))
	return st.escapeForced(rec.applied[len(rec.applied)-1].Time, a.cfg.Params.ForceDeadline)
}

// oracleApplied is what a record applies of L1.
type oracleApplied struct {
	blocks  []oracle.Block
	applied []oracle.Attestation
}

// eventError is an L1 event Veil cannot apply: skipped, not a fault.
type eventError struct{ err error }

func (e *eventError) Error() string { return e.err.Error() }

func isEventError(err error) bool {
	_, ok := err.(*eventError)
	return ok
}

// maxWei is 2^256: no balance reaches it (a record holds 32 bytes).
var maxWei = new(big.Int).Lsh(big.NewInt(1), 256)

// applyEvent applies one event item (the oracle's canonical encoding of a
// log, which l1event decodes).
func (a *App) applyEvent(st *State, dec *l1event.Decoder, item []byte, l1Block uint64, env forcedEnv) error {
	ev, err := dec.DecodeItem(item)
	if err != nil {
		return &eventError{err}
	}
	switch ev.Kind {
	case l1event.Deposit:
		acct, err := st.Account(ev.Account)
		if err != nil {
			return err
		}
		sum := new(big.Int).Add(acct.Deposit, ev.Amount)
		if sum.Cmp(maxWei) >= 0 {
			return &eventError{fmt.Errorf("chain: deposit %d would take %s past 2^256 wei", ev.DepositIndex, ev.Account)}
		}
		acct.Deposit = sum
		st.SetAccount(ev.Account, acct)
	case l1event.Collateral:
		bu, err := st.Builder(ev.Account)
		if err != nil {
			return err
		}
		sum := new(big.Int).Add(bu.Collateral, ev.Amount)
		if sum.Cmp(maxWei) >= 0 {
			return &eventError{fmt.Errorf("chain: collateral deposit %d would take %s past 2^256 wei", ev.DepositIndex, ev.Account)}
		}
		st.SetBuilder(ev.Account, mempool.Builder{Collateral: sum, Reserved: bu.Reserved})
	case l1event.Forced:
		return st.applyForced(ev, l1Block, env)
	case l1event.BatchAccepted:
		if ev.Batch == nil {
			return &eventError{fmt.Errorf("chain: BatchAccepted without its header")}
		}
		return st.applyAccepted(ev.Batch.Index, ev.BatchHash, l1Block, env.slot)
	case l1event.Registered, l1event.ExitRequested, l1event.StakeWithdrawn, l1event.Slashed:
		l1, err := st.L1()
		if err != nil || l1 == nil {
			return cmp.Or(err, error(&eventError{fmt.Errorf("chain: a registry event on a network without L1")}))
		}
		return st.applyRegistry(ev, l1)
	case l1event.EonRegistered:
		return st.applyEonRegistered(ev, env.slot, a.cfg.Params.K)
	case l1event.Withdrawn:
		return st.applyClaimed(ev.Account, ev.WithdrawNonce, ev.Recipient, ev.Amount, l1Block)
	case l1event.Equivocation:
		if ev.Batch == nil {
			return &eventError{fmt.Errorf("chain: Equivocation without its index")}
		}
		return st.applyFrozen(ev.Batch.Index)
	}
	return nil
}

func (a *App) l1Decoder(l1 *GenesisL1) (*l1event.Decoder, error) {
	if d := a.l1dec.Load(); d != nil {
		return d, nil
	}
	d, err := l1event.NewDecoder(l1.Contracts)
	if err != nil {
		return nil, err
	}
	a.l1dec.Store(d)
	return d, nil
}

// AttachL1 gives a running application its L1 view (a node starts its
// watcher from what the state applied, so only after the store is open).
func (a *App) AttachL1(v L1View) { a.l1view.Store(&v) }

// l1View is the attached view, or the configured one.
func (a *App) l1View() L1View {
	if v := a.l1view.Load(); v != nil {
		return *v
	}
	return a.cfg.L1
}

// ExtendVote attests what this node's L1 view holds final after the
// committed l1Applied. It reads a cached view, never the L1 node, and
// never fails: CometBFT stops on an error.
func (a *App) ExtendVote(_ context.Context, req *abci.RequestExtendVote) (*abci.ResponseExtendVote, error) {
	view := a.l1View()
	if view == nil {
		return &abci.ResponseExtendVote{}, nil
	}
	// The extension is read against l1Applied after the block voted for
	// (the next proposer's state): ProcessProposal of that block, when it
	// is the one accepted, already knows it; else the committed one will do
	// (entries at or below the next l1Applied are merely ignored).
	st := NewState(a.store.Begin(), a.cfg.Params.Domain)
	if p := a.accepted; p != nil && bytes.Equal(p.hash, req.Hash) {
		st = p.run.st
	}
	applied, _, err := st.L1Applied()
	if err != nil {
		a.log.Error("extend vote: l1Applied", "height", req.Height, "err", err)
		return &abci.ResponseExtendVote{}, nil
	}
	ext, err := oracle.Encode(view.After(applied, oracle.MaxAttestations))
	if err != nil {
		a.log.Error("extend vote: the L1 view is not consecutive", "height", req.Height, "err", err)
		return &abci.ResponseExtendVote{}, nil
	}
	return &abci.ResponseExtendVote{VoteExtension: ext}, nil
}

// VerifyVoteExtension checks another validator's extension on its form
// and size alone, never against this node's own L1 view.
func (a *App) VerifyVoteExtension(_ context.Context, req *abci.RequestVerifyVoteExtension) (*abci.ResponseVerifyVoteExtension, error) {
	if _, err := oracle.Decode(req.VoteExtension); err != nil {
		a.log.Warn("refusing a malformed vote extension", "height", req.Height, "validator", fmt.Sprintf("%X", req.ValidatorAddress), "err", err)
		return &abci.ResponseVerifyVoteExtension{Status: abci.ResponseVerifyVoteExtension_REJECT}, nil
	}
	return &abci.ResponseVerifyVoteExtension{Status: abci.ResponseVerifyVoteExtension_ACCEPT}, nil
}
