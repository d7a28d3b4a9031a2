// Package client is what a rollup node embeds to read Veil: it verifies
// each slot's block on its own, trusting only the validator set (from a
// trusted genesis or checkpoint) and the eon key, and hands the rollup the
// slot's ordered plaintext transactions. Nothing a node serves is taken on
// its word: the commit's signatures, the block hash, the slot record's
// place in the block, every envelope, key, plaintext and the order.
package client

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"time"

	cmtjson "github.com/cometbft/cometbft/libs/json"
	cmtmath "github.com/cometbft/cometbft/libs/math"
	"github.com/cometbft/cometbft/types"
	"github.com/ethereum/go-ethereum/common"

	"github.com/veil-sequencer/veil/api"
	"github.com/veil-sequencer/veil/decrypt"
	"github.com/veil-sequencer/veil/dkg"
	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/envelope"
	"github.com/veil-sequencer/veil/merkle"
	"github.com/veil-sequencer/veil/proposer"
	"github.com/veil-sequencer/veil/threshold"
)

// Slot is a verified slot: its ordered plaintext transactions (the
// decrypted ones) and the envelopes that were invalid, with reasons.
type Slot struct {
	Slot    uint64
	Txs     [][]byte
	Invalid []Invalid
	Took    time.Duration // verifying it (set by Follow)
}

// Invalid is an envelope of the bundle whose plaintext was not a valid
// transaction; its fee was charged and it takes no place in the rollup.
type Invalid struct {
	Index        int
	EnvelopeHash common.Hash
	Reason       string
}

// Verifier checks blocks against what the rollup trusts.
type Verifier struct {
	ChainID    string              // CometBFT's chain id ("veil-<rollup chain id>")
	Validators *types.ValidatorSet // from the trusted genesis or checkpoint
	Eon        *dkg.EonInfo        // the eon key, from the same
	Domain     eip712.Domain       // the deployment's signing domain
}

// ErrVerify wraps every verification failure; the message names the part.
var ErrVerify = errors.New("client: block does not verify")

func fail(part string, format string, args ...any) error {
	return fmt.Errorf("%w: %s: %s", ErrVerify, part, fmt.Sprintf(format, args...))
}

// Verify checks a decrypted block and returns its slot.
func (v *Verifier) Verify(b *api.Block) (*Slot, error) {
	if b.Level != api.LevelDecrypted {
		return nil, fail("level", "%q, want decrypted", b.Level)
	}
	header, err := v.verifyCommit(b)
	if err != nil {
		return nil, err
	}
	rec, err := verifyRecord(b, header)
	if err != nil {
		return nil, err
	}
	return v.verifyBundle(b, rec)
}

// verifyCommit: the signed header is for this slot, signed by more than
// two thirds of the trusted validators, and its hash is the block's.
func (v *Verifier) verifyCommit(b *api.Block) (*types.Header, error) {
	var sh types.SignedHeader
	if err := cmtjson.Unmarshal(b.Commit, &sh); err != nil {
		return nil, fail("commit", "%v", err)
	}
	if sh.Header == nil || sh.Commit == nil {
		return nil, fail("commit", "no header or commit")
	}
	if err := sh.ValidateBasic(v.ChainID); err != nil {
		return nil, fail("commit", "%v", err)
	}
	h := sh.Header
	switch {
	case uint64(h.Height) != b.Slot:
		return nil, fail("header", "height %d for slot %d", h.Height, b.Slot)
	case !bytes.Equal(b.Hash, h.Hash()):
		return nil, fail("hash", "block hash %x, header hashes to %X", []byte(b.Hash), h.Hash())
	case !bytes.Equal(b.Proposer, h.ProposerAddress) || !b.Time.Equal(h.Time):
		return nil, fail("header", "proposer or time differ from the signed header")
	}
	vals, err := v.setFor(h, sh.Commit)
	if err != nil {
		return nil, err
	}
	// Every signature, not only until two thirds: a served commit with one
	// altered signature is refused, not just outvoted.
	if err := vals.VerifyCommit(v.ChainID, sh.Commit.BlockID, h.Height, sh.Commit); err != nil {
		return nil, fail("commit signatures", "%v", err)
	}
	return h, nil
}

// setFor is the validator set that signed h: the trusted set, or, after
// slashing removed validators (Veil's only change to the set: power 0 for
// an equivocator), the subset of it whose hash the header names. A subset
// is trusted as CometBFT's light client trusts a new set: more than a third
// of the trusted set's power must have signed the commit (and VerifyCommit
// then asks two thirds of the subset). So the client follows a chain across
// slashings with no more than the genesis; it refuses a set that is not a
// subset (none can arise in this version).
func (v *Verifier) setFor(h *types.Header, c *types.Commit) (*types.ValidatorSet, error) {
	if bytes.Equal(h.ValidatorsHash, v.Validators.Hash()) {
		return v.Validators, nil
	}
	n := len(c.Signatures)
	all := v.Validators.Validators
	if n == 0 || n >= len(all) || len(all) > 24 {
		return nil, fail("header", "validator set %X is not the trusted one", h.ValidatorsHash)
	}
	// Signers must be in the subset; the absent ones are chosen among the
	// rest (a commit names only who signed).
	in := make([]bool, len(all))
	signers := 0
	for _, s := range c.Signatures {
		if s.BlockIDFlag == types.BlockIDFlagAbsent {
			continue
		}
		i, _ := v.Validators.GetByAddress(s.ValidatorAddress)
		if i < 0 || in[i] {
			return nil, fail("commit signatures", "signer %X is not a trusted validator", s.ValidatorAddress)
		}
		in[i] = true
		signers++
	}
	var found *types.ValidatorSet
	var pick func(from, need int)
	pick = func(from, need int) {
		if found != nil {
			return
		}
		if need == 0 {
			var sub []*types.Validator
			for i, ok := range in {
				if ok {
					sub = append(sub, all[i].Copy())
				}
			}
			if set := types.NewValidatorSet(sub); bytes.Equal(set.Hash(), h.ValidatorsHash) {
				found = set
			}
			return
		}
		for i := from; i < len(all); i++ {
			if !in[i] {
				in[i] = true
				pick(i+1, need-1)
				in[i] = false
			}
		}
	}
	pick(0, n-signers)
	if found == nil {
		return nil, fail("header", "validator set %X is neither the trusted one nor a subset of it", h.ValidatorsHash)
	}
	if err := v.Validators.VerifyCommitLightTrusting(v.ChainID, c, cmtmath.Fraction{Numerator: 1, Denominator: 3}); err != nil {
		return nil, fail("commit signatures", "the new validator set is not endorsed by a third of the trusted one: %v", err)
	}
	return found, nil
}

// verifyRecord: the slot record is the block's first transaction, proven
// under the signed data hash.
func verifyRecord(b *api.Block, h *types.Header) (*proposer.Record, error) {
	var proof types.TxProof
	if err := cmtjson.Unmarshal(b.RecordProof, &proof); err != nil {
		return nil, fail("record proof", "%v", err)
	}
	if proof.Proof.Index != 0 || !bytes.Equal(proof.Data, b.Record) {
		return nil, fail("record proof", "not a proof of the record as the block's first transaction")
	}
	if err := proof.Validate(h.DataHash); err != nil {
		return nil, fail("record proof", "%v", err)
	}
	if len(b.Record) == 0 || b.Record[0] != 0x03 {
		return nil, fail("record", "not a slot record transaction")
	}
	rec, err := proposer.Decode(b.Record[1:])
	if err != nil {
		return nil, fail("record", "%v", err)
	}
	if rec.Slot != b.Slot {
		return nil, fail("record", "for slot %d", rec.Slot)
	}
	return rec, nil
}

// verifyBundle: the transactions are the record's order, each envelope
// signed and hashing to its place, each key valid under the eon key for
// the envelope's identity, and each plaintext what decrypting gives.
func (v *Verifier) verifyBundle(b *api.Block, rec *proposer.Record) (*Slot, error) {
	order := rec.Auction.Included
	if len(b.Transactions) != len(order) || len(b.Keys) != len(order) {
		return nil, fail("order", "%d transactions and %d keys for a bundle of %d", len(b.Transactions), len(b.Keys), len(order))
	}
	items := make([][]byte, len(order))
	for i, h := range order {
		items[i] = h[:]
	}
	if merkle.Root(items) != b.BundleRoot {
		return nil, fail("bundleRoot", "not the root of the record's order")
	}
	claims := make([]threshold.KeyClaim, len(order))
	keys := make([]*threshold.IdentityKey, len(order))
	for i, tx := range b.Transactions {
		e := tx.Envelope
		switch {
		case e == nil || tx.EnvelopeHash != order[i] || e.Hash(v.Domain) != order[i]:
			return nil, fail("order", "transaction %d is not the record's envelope %s", i, order[i])
		case e.VerifySignature(v.Domain) != nil:
			return nil, fail("envelope", "transaction %d: signature", i)
		case common.Hash(e.Identity()) != tx.Identity || b.Keys[i].Identity != tx.Identity || b.Keys[i].Index != uint32(i):
			return nil, fail("key", "key %d is not for transaction %d's identity", b.Keys[i].Index, i)
		}
		k, err := threshold.ParseIdentityKey(b.Keys[i].Key)
		if err != nil {
			return nil, fail("key", "key %d: %v", i, err)
		}
		keys[i] = k
		claims[i] = threshold.KeyClaim{Identity: e.Identity().Point(), Key: k}
	}
	bad, err := threshold.VerifyKeys(nil, v.Eon.PublicKey, claims)
	if err != nil {
		return nil, fail("key", "%v", err)
	}
	if len(bad) > 0 {
		return nil, fail("key", "key %d does not verify under the eon key", bad[0])
	}
	envs := make([]*envelope.Envelope, len(b.Transactions))
	for i, tx := range b.Transactions {
		envs[i] = tx.Envelope
	}
	results, err := decrypt.Bundle(context.Background(), envs, keys) // on every core
	if err != nil {
		return nil, fail("plaintext", "%v", err)
	}
	out := &Slot{Slot: b.Slot}
	for i, tx := range b.Transactions {
		res := results[i]
		if res.Status != tx.Status || res.Reason != tx.Reason || !bytes.Equal(res.Plaintext, tx.Plaintext) {
			return nil, fail("plaintext", "transaction %d: served %s %q, decrypts to %s %q", i, tx.Status, tx.Reason, res.Status, res.Reason)
		}
		if res.Status == decrypt.Decrypted {
			out.Txs = append(out.Txs, res.Plaintext)
		} else {
			out.Invalid = append(out.Invalid, Invalid{Index: i, EnvelopeHash: order[i], Reason: res.Reason})
		}
	}
	return out, nil
}
