package node

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	ethtypes "github.com/ethereum/go-ethereum/core/types"

	"github.com/veil-sequencer/veil/chain"
	"github.com/veil-sequencer/veil/contracts"
	"github.com/veil-sequencer/veil/eon"
	"github.com/veil-sequencer/veil/keyfile"
	"github.com/veil-sequencer/veil/keyper"
	"github.com/veil-sequencer/veil/proposer"
	"github.com/veil-sequencer/veil/threshold"
)

// Eon handovers on the keyper's side (protocol §10). A node holds a share
// of every eon it is keyper of: the one it was started with, and each one
// a DKG on chain dealt it, kept in <data>/eon-<chain>-<eon>.share (0600,
// the keyfile format) before the DKG's secrets are removed, and loaded
// again at start. It releases for a slot's bundle under the eon the slot
// is in and for a bid key under the next slot's, so across an activation
// the old committee still releases for the bundles committed before it.
//
// The active committee signs the next eon's EonKey statement and each
// Slash statement as it signs a batch header: each keyper releases its
// share of the statement's signing identity, for the digest the chain
// computed (never one a peer sends), and t shares combine into σ, which
// the proposer records. The shares travel as BatchShares whose index has
// statementBit set (and slashBit for a Slash) and names the statement's
// subject (the new eon, or the registration), so one can never be taken
// for a batch's or another statement's. Once σ is on chain a node with an
// L1 poster sends it to the registry (registerEon, slash): at once if its
// block recorded σ, else after postWait (and its stagger) L1 blocks, and
// only once the signing eon is in charge on L1.

// statementBit marks a BatchShare's index as a statement's: index =
// statementBit | the new eon for EonKey, statementBit | slashBit | the
// registration for Slash.
const (
	statementBit = uint64(1) << 63
	slashBit     = uint64(1) << 62
)

// maxPosts bounds the statements remembered on their way to L1 (those
// landed are forgotten first).
const maxPosts = 16

// maxSigners bounds the batch signers kept, one per eon: an activation
// needs two.
const maxSigners = 3

// shareOf is this node's share of eon e, nil if it is no keyper of it.
func (k *Keyper) shareOf(e uint64) *eon.Share {
	k.smu.RLock()
	defer k.smu.RUnlock()
	return k.shares[e]
}

// index is this node's keyper index in the latest eon it holds a share
// of (0: none).
func (k *Keyper) index() int {
	k.smu.RLock()
	defer k.smu.RUnlock()
	var best *eon.Share
	for _, s := range k.shares {
		if best == nil || s.Eon.Eon > best.Eon.Eon {
			best = s
		}
	}
	if best == nil {
		return 0
	}
	return best.Index
}

// addShare makes this node keyper of share's eon from now on.
func (k *Keyper) addShare(share *eon.Share) error {
	if err := share.Check(); err != nil {
		return err
	}
	k.smu.Lock()
	if _, ok := k.shares[share.Eon.Eon]; ok {
		k.smu.Unlock()
		return nil
	}
	k.shares[share.Eon.Eon] = share
	k.smu.Unlock()
	k.labelKeypers(share.Eon)
	k.mu.Lock()
	err := k.core.AddEon(share)
	k.mu.Unlock()
	if err != nil {
		return err
	}
	k.log.Info("keyper of a new eon", "eon", share.Eon.Eon, "index", share.Index, "of", len(share.Eon.Keypers), "threshold", share.Eon.Threshold)
	return nil
}

// shareFile is where this node keeps its share of eon e of chain chainID.
func shareFile(dir string, chainID, e uint64) string {
	return filepath.Join(dir, fmt.Sprintf("eon-%d-%d.share", chainID, e))
}

// loadShares takes up the shares earlier DKGs dealt this node, kept in
// dir; one that does not read is logged and skipped (the node then
// releases nothing for that eon, which its peers name as silence).
func (k *Keyper) loadShares(dir string) {
	files, _ := filepath.Glob(filepath.Join(dir, fmt.Sprintf("eon-%d-*.share", k.domain.ChainID)))
	for _, f := range files {
		share, err := keyfile.Read(f)
		if err == nil && share.Eon.ChainID != k.domain.ChainID {
			err = fmt.Errorf("a share of chain %d", share.Eon.ChainID)
		}
		if err == nil {
			err = k.addShare(share)
		}
		if err != nil {
			k.log.Error("an eon share kept from a DKG does not load", "file", f, "err", err)
		}
	}
}

// keepShare writes this node's share of a dealt eon where loadShares finds
// it, before the DKG's secrets are removed.
func (k *Keyper) keepShare(dir string, share *eon.Share) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	return keyfile.Write(shareFile(dir, k.domain.ChainID, share.Eon.Eon), share)
}

// signerFor is the batch signer of eon e, made on first use from this
// node's share of it. Holds b.mu.
func (b *batcher) signerFor(e uint64) (*keyper.BatchSigner, error) {
	if s := b.signers[e]; s != nil {
		return s, nil
	}
	share := b.k.shareOf(e)
	if share == nil {
		return nil, fmt.Errorf("%w: eon %d", keyper.ErrForeign, e)
	}
	s, err := keyper.NewBatchSigner(share.Eon, b.k.domain, b.next)
	if err != nil {
		return nil, err
	}
	if b.signers == nil {
		b.signers = map[uint64]*keyper.BatchSigner{}
	}
	b.signers[e] = s
	for len(b.signers) > maxSigners { // the lowest eons but the one asked for
		others := slices.DeleteFunc(slices.Collect(maps.Keys(b.signers)), func(x uint64) bool { return x == e })
		delete(b.signers, slices.Min(others))
	}
	return s, nil
}

// statementSigning is a statement this node signs: the due statement, its
// own share (sent until σ is on chain), and σ once t shares combined.
type statementSigning struct {
	what   string // "eon key" or "slash"
	index  uint64 // its BatchShare index
	due    proposer.StatementDue
	signer *keyper.BatchSigner
	share  []byte
	sentAt time.Time
	sigma  *threshold.IdentityKey
}

// statementPost is a signed statement's way to L1 from this node.
type statementPost struct {
	seen uint64 // the L1 head when this node first saw σ recorded
	done bool   // on L1, or sent by this node and landed
}

// signStatements signs the statements the chain waits for (the next eon's
// key, the lowest Slash) if this node is keyper of the signing eon, and
// forgets those the chain no longer waits for.
func (b *batcher) signStatements(st *chain.State) error {
	eonDue, err := st.EonDue()
	if err != nil {
		return err
	}
	slashDue, err := st.SlashDue()
	if err != nil {
		return err
	}
	want := map[uint64]*proposer.StatementDue{}
	if eonDue != nil {
		want[statementBit|eonDue.Subject] = eonDue
	}
	if slashDue != nil {
		want[statementBit|slashBit|slashDue.Subject] = slashDue
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	for i, cur := range b.statements {
		if due := want[i]; due == nil || *due != cur.due {
			delete(b.statements, i)
		}
	}
	for i, due := range want {
		what := "eon key"
		if i&slashBit != 0 {
			what = "slash"
		}
		if err := b.signStatement(i, what, due); err != nil {
			return err
		}
	}
	return nil
}

// signStatement signs one due statement, or sends this node's share again.
// Holds b.mu.
func (b *batcher) signStatement(index uint64, what string, due *proposer.StatementDue) error {
	share := b.k.shareOf(due.Signer)
	if share == nil {
		return nil
	}
	cur := b.statements[index]
	if cur != nil {
		if cur.sigma == nil && time.Since(cur.sentAt) >= batchResend {
			cur.sentAt = time.Now()
			b.broadcast(index, cur.share)
		}
		return nil
	}
	signer, err := keyper.NewBatchSigner(share.Eon, b.k.domain, index)
	if err != nil {
		return err
	}
	mine, err := keyper.SignBatch(share, b.k.domain, b.k.signer, index, due.Digest)
	if err != nil {
		return fmt.Errorf("node: signing the %s statement of %d: %w", what, due.Subject, err)
	}
	cur = &statementSigning{what: what, index: index, due: *due, signer: signer, share: mine.Encode(), sentAt: time.Now()}
	if b.statements == nil {
		b.statements = map[uint64]*statementSigning{}
	}
	b.statements[index] = cur
	sigma, err := b.wantOwn(signer, index, due.Digest, mine)
	if err != nil {
		return fmt.Errorf("node: the %s statement of %d: %w", what, due.Subject, err)
	}
	b.k.log.Info("statement signed", "statement", what, "subject", due.Subject, "signer", due.Signer, "digest", due.Digest)
	b.statementCombined(cur, sigma)
	b.broadcast(index, cur.share)
	return nil
}

// statementCombined keeps σ once combined. Holds b.mu.
func (b *batcher) statementCombined(cur *statementSigning, sigma *threshold.IdentityKey) {
	if sigma != nil && cur.sigma == nil {
		cur.sigma = sigma
		b.k.log.Info("statement's signature combined", "statement", cur.what, "subject", cur.due.Subject)
	}
}

// receiveStatementShare takes a peer's share of a statement being signed;
// one for any other statement is dropped (nobody blamed: it may be late
// or early).
func (b *batcher) receiveStatementShare(m *keyper.BatchShare) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	cur := b.statements[m.Index]
	if cur == nil || m.Eon != cur.due.Signer {
		return 0, nil
	}
	sigma, f, err := cur.signer.Receive(m)
	if f != nil {
		b.fault(*f)
	}
	if err != nil {
		return 0, err
	}
	b.statementCombined(cur, sigma)
	if f != nil {
		return 1, nil
	}
	return 0, nil
}

// statementSignature is σ of the statement at index as this node combined
// it, if it is the one due.
func (b *batcher) statementSignature(index uint64, due *proposer.StatementDue) (*threshold.IdentityKey, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if cur := b.statements[index]; cur != nil && cur.due == *due && cur.sigma != nil {
		return cur.sigma, true
	}
	return nil, false
}

// EonSignature gives the proposer the active committee's σ of the due eon
// key statement as this node combined it (chain.StatementSigSource): it
// never waits.
func (k *Keyper) EonSignature(_ context.Context, due *proposer.StatementDue) (*threshold.IdentityKey, bool) {
	return k.batches.statementSignature(statementBit|due.Subject, due)
}

// SlashSignature gives the proposer the active committee's σ of the due
// Slash statement as this node combined it.
func (k *Keyper) SlashSignature(_ context.Context, due *proposer.StatementDue) (*threshold.IdentityKey, bool) {
	return k.batches.statementSignature(statementBit|slashBit|due.Subject, due)
}

// postStatements sends to L1 what the chain has signed and L1 lacks: the
// dealt eon's key (registerEon) and each Slash (slash). Nothing is sent
// while another of this account's transactions is out.
func (b *batcher) postStatements(ctx context.Context, st *chain.State) error {
	l1, err := st.L1()
	if err != nil || l1 == nil {
		return err
	}
	reg, err := contracts.NewSequencerRegistry(l1.Contracts.SequencerRegistry, b.l1.client)
	if err != nil {
		return err
	}
	if err := b.postEon(ctx, st, l1, reg); err != nil {
		return err
	}
	return b.postSlashes(ctx, st, l1, reg)
}

// postTurn says whether this node sends the statement at index now, σ
// recorded in block recorded: at once if its block recorded σ, else
// postWait (and its stagger) L1 blocks after it first saw it; and only
// once signer is the eon in charge on L1 (the registry checks σ under it).
func (b *batcher) postTurn(ctx context.Context, index, recorded, signer uint64) (*statementPost, bool, error) {
	b.mu.Lock()
	p := b.onL1[index]
	if p == nil {
		if b.onL1 == nil {
			b.onL1 = map[uint64]*statementPost{}
		}
		p = &statementPost{}
		b.onL1[index] = p
		for i, o := range b.onL1 { // one per statement ever: keep those still on their way
			if len(b.onL1) <= maxPosts {
				break
			}
			if o.done {
				delete(b.onL1, i)
			}
		}
	}
	done, seen, busy := p.done, p.seen, b.busy
	b.mu.Unlock()
	if done || busy {
		return p, false, nil
	}
	head, err := b.l1Head(ctx)
	if err != nil {
		return p, false, err
	}
	if seen == 0 {
		b.mu.Lock()
		p.seen = head
		b.mu.Unlock()
		seen = head
	}
	ours := bytes.Equal(b.proposer(recorded), b.self)
	if !ours && head < seen+postWait+postStagger*uint64(max(b.k.index()-1, 0)) {
		return p, false, nil
	}
	inCharge, err := b.l1.inbox.EonInCharge(&bind.CallOpts{Context: ctx})
	if err != nil {
		return p, false, fmt.Errorf("node: reading the eon in charge on L1: %w", err)
	}
	if inCharge != signer {
		b.k.log.Info("a statement waits: L1 checks it under the eon in charge", "signer", signer, "inCharge", inCharge)
		return p, false, nil
	}
	return p, true, nil
}

// postEon registers the dealt eon whose σ the chain recorded, unless L1
// has it.
func (b *batcher) postEon(ctx context.Context, st *chain.State, l1 *chain.GenesisL1, reg *contracts.SequencerRegistry) error {
	d, ok, err := st.CurrentDKG()
	if err != nil || !ok {
		return err
	}
	stmt, ok, err := st.EonStatementOf(d.Eon)
	if err != nil || !ok || stmt.Sigma == nil {
		return err
	}
	if a, ok, err := st.LastActivation(); err != nil || (ok && a.Eon >= d.Eon) {
		return err // fixed: L1 has it
	}
	signer, err := st.EonOfSlot(stmt.Recorded)
	if err != nil {
		return err
	}
	p, now, err := b.postTurn(ctx, statementBit|d.Eon, stmt.Recorded, signer)
	if err != nil || !now {
		return err
	}
	if key, err := reg.EonKey(&bind.CallOpts{Context: ctx}, d.Eon); err != nil {
		return fmt.Errorf("node: reading eon %d on L1: %w", d.Eon, err)
	} else if len(key.PublicKey) > 0 {
		b.mu.Lock()
		p.done = true
		b.mu.Unlock()
		return nil
	}
	out, ok, err := st.DKGOutcome(d.Eon)
	if err != nil || !ok || out.Eon == nil {
		return err
	}
	keys := make([][32]byte, len(d.Members))
	for i, m := range d.Members {
		keys[i] = m.CometPubKey
	}
	members, err := contracts.Members(out.Eon, keys)
	if err != nil {
		return err
	}
	key, sigma := out.Eon.PublicKey.EIP2537(), stmt.Sigma.EIP2537()
	return b.sendStatement(ctx, l1, p, fmt.Sprintf("eon %d's key", d.Eon), func(opts *bind.TransactOpts) (*ethtypes.Transaction, error) {
		return reg.RegisterEon(opts, d.Eon, key, members, sigma)
	})
}

// postSlashes sends each signed Slash whose registration L1 has not
// slashed, lowest first.
func (b *batcher) postSlashes(ctx context.Context, st *chain.State, l1 *chain.GenesisL1, reg *contracts.SequencerRegistry) error {
	stmts, err := st.SlashStatements()
	if err != nil {
		return err
	}
	for _, s := range stmts {
		if s.Sigma == nil {
			continue
		}
		r, ok, err := st.Registration(s.Registration)
		if err != nil {
			return err
		}
		if ok && r.Slashed {
			continue // L1's Slashed is applied
		}
		signer, err := st.EonOfSlot(s.Recorded)
		if err != nil {
			return err
		}
		p, now, err := b.postTurn(ctx, statementBit|slashBit|s.Registration, s.Recorded, signer)
		if err != nil {
			return err
		}
		if !now {
			continue // not this node's turn, or not its signer's: the next may be
		}
		sigma := s.Sigma.EIP2537()
		return b.sendStatement(ctx, l1, p, fmt.Sprintf("registration %d's slash", s.Registration), func(opts *bind.TransactOpts) (*ethtypes.Transaction, error) {
			return reg.Slash(opts, s.Registration, s.Height, s.EvidenceHash, sigma)
		})
	}
	return nil
}

// sendStatement sends one registry transaction from the poster's account
// in the background, and waits for it there; the account sends nothing
// else meanwhile.
func (b *batcher) sendStatement(ctx context.Context, l1 *chain.GenesisL1, p *statementPost, what string,
	send func(*bind.TransactOpts) (*ethtypes.Transaction, error)) error {
	opts, err := bind.NewKeyedTransactorWithChainID(b.l1.poster.Key, new(big.Int).SetUint64(l1.ChainID))
	if err != nil {
		return err
	}
	opts.Context = ctx
	b.mu.Lock()
	b.busy = true
	b.mu.Unlock()
	b.k.spawn(func() {
		result := b.landStatement(ctx, p, what, opts, send)
		b.statementPosts.WithLabelValues(result).Inc()
		b.mu.Lock()
		b.busy = false
		b.mu.Unlock()
	})
	return nil
}

// landStatement is sendStatement's background part: its result.
func (b *batcher) landStatement(ctx context.Context, p *statementPost, what string, opts *bind.TransactOpts,
	send func(*bind.TransactOpts) (*ethtypes.Transaction, error)) string {
	tx, err := send(opts)
	if err != nil {
		if ctx.Err() == nil {
			b.k.log.Warn("sending a statement to L1", "statement", what, "err", err)
		}
		return postFailed
	}
	wait, cancel := context.WithTimeout(ctx, registerWait)
	defer cancel()
	rcpt, err := bind.WaitMined(wait, b.l1.client, tx)
	switch {
	case err != nil:
		b.k.log.Warn("a statement sent to L1 did not land", "statement", what, "tx", tx.Hash(), "err", err)
		return postFailed
	case rcpt.Status != 1:
		b.k.log.Warn("a statement sent to L1 reverted (another node's may have landed first)", "statement", what, "l1Block", rcpt.BlockNumber)
		b.mu.Lock()
		p.seen = 0 // count again
		b.mu.Unlock()
		return postReverted
	}
	b.mu.Lock()
	p.done = true
	b.mu.Unlock()
	b.k.log.Info("statement on L1", "statement", what, "l1Block", rcpt.BlockNumber, "tx", tx.Hash())
	return postPosted
}

// registerWait bounds how long a node waits for a statement it sent to
// land.
const registerWait = 2 * time.Minute
