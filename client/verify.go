// Package client is what a rollup node embeds to read Veil: it verifies
// each slot's block on its own, trusting only the validator set (from a
// trusted genesis or checkpoint) and the eon key, and hands the rollup the
// slot's ordered plaintext transactions. Nothing a node serves is taken on
// its word: the commit's signatures, the block hash, the slot record's
// place in the block, every envelope, key, plaintext and the order.
package client

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"sort"
	"time"

	cmted25519 "github.com/cometbft/cometbft/crypto/ed25519"
	cmtmerkle "github.com/cometbft/cometbft/crypto/merkle"
	cmtjson "github.com/cometbft/cometbft/libs/json"
	cmtmath "github.com/cometbft/cometbft/libs/math"
	"github.com/cometbft/cometbft/types"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/veil-sequencer/veil/api/apitypes"
	"github.com/veil-sequencer/veil/contracts"
	"github.com/veil-sequencer/veil/decrypt"
	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/eon"
	"github.com/veil-sequencer/veil/merkle"
	"github.com/veil-sequencer/veil/proposer"
	"github.com/veil-sequencer/veil/threshold"
)

// Slot is a verified slot: its ordered plaintext transactions (the
// decrypted ones) and the envelopes that were invalid, with reasons.
type Slot struct {
	Slot uint64
	// Time is the slot's block time: its signed header's on the feed, the
	// batch data's (signed by the committee) on L1; the same either way.
	Time    time.Time
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
//
// It follows the chain's handovers (protocol §10) as it verifies blocks in
// order: a block whose signed header names another next validator set
// serves that set (Block.NextValidators), checked against the header's
// nextValidatorsHash and trusted from the next height on; a block whose
// record carries the active committee's signature of the next eon's key
// serves that eon (Block.NextEon), whose EonKey statement the verifier
// recomputes and checks under the eon it trusts; the first record of the
// new eon makes it the one bundles are checked under. So a Verifier made
// from the genesis follows every handover with nothing else trusted. A
// Verifier is used by one goroutine at a time.
type Verifier struct {
	ChainID    string              // CometBFT's chain id ("veil-<rollup chain id>")
	Validators *types.ValidatorSet // from the trusted genesis or checkpoint
	Eon        *eon.Info           // the eon key, from the same
	Domain     eip712.Domain       // the deployment's signing domain

	nextSet *types.ValidatorSet // a verified header's next set, trusted once a header names it
	nextEon *eon.Info           // the next eon, its EonKey statement verified under Eon
	last    uint64              // the last slot verified (Checkpoint)
}

// ErrVerify wraps every verification failure; the message names the part.
var ErrVerify = errors.New("client: block does not verify")

func fail(part string, format string, args ...any) error {
	return fmt.Errorf("%w: %s: %s", ErrVerify, part, fmt.Sprintf(format, args...))
}

// Verify checks a decrypted block and returns its slot.
func (v *Verifier) Verify(b *apitypes.Block) (s *Slot, err error) {
	// The node is not trusted, and CometBFT's types panic on some
	// malformed values they do not validate (FuzzVerify found one): a
	// panic in there is a block that does not verify, never a crash.
	defer func() {
		if r := recover(); r != nil {
			s, err = nil, fail("block", "malformed: %v", r)
		}
	}()
	if b.Level != apitypes.LevelDecrypted {
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
	key, err := v.eonOf(rec)
	if err != nil {
		return nil, err
	}
	slot, err := v.verifyBundle(b, rec, key)
	if err != nil {
		return nil, err
	}
	// What the block says of the next set and eon is taken up only once
	// the whole block verified.
	if err := v.learn(b, header, rec); err != nil {
		return nil, err
	}
	v.last = b.Slot
	return slot, nil
}

// eonOf is the eon a verified record's bundle is checked under: the one
// trusted, or the next one (whose statement an earlier block proved) from
// the first record that names it.
func (v *Verifier) eonOf(rec *proposer.Record) (*eon.Info, error) {
	switch {
	case v.Eon != nil && rec.Eon == v.Eon.Eon:
		return v.Eon, nil
	case v.nextEon != nil && rec.Eon == v.nextEon.Eon:
		return v.nextEon, nil
	}
	known := uint64(0)
	if v.Eon != nil {
		known = v.Eon.Eon
	}
	return nil, fail("eon", "the record is of eon %d; this client trusts eon %d and was shown no signed key of another", rec.Eon, known)
}

// learn takes up, from a verified block, the next validator set its
// header names (if served) and the next eon its record signs, and moves
// to the eon its record is of.
func (v *Verifier) learn(b *apitypes.Block, h *types.Header, rec *proposer.Record) error {
	if v.nextEon != nil && rec.Eon == v.nextEon.Eon {
		v.Eon, v.nextEon = v.nextEon, nil
		v.Eon.ActivationSlot = b.Slot // its first record's slot, as the chain counts it
	}
	if !bytes.Equal(h.ValidatorsHash, h.NextValidatorsHash) && len(b.NextValidators) > 0 {
		set, err := memberSet(b.NextValidators, h.NextValidatorsHash)
		if err != nil {
			return fail("nextValidators", "%v", err)
		}
		v.nextSet = set
	}
	if rec.EonSig == nil {
		return nil
	}
	if b.NextEon == nil {
		return fail("nextEon", "the record signs eon %d's key, and the block does not serve it", rec.EonSig.Subject)
	}
	info, err := eon.Parse(b.NextEon.Eon)
	if err != nil {
		return fail("nextEon", "%v", err)
	}
	if info.Eon != rec.EonSig.Subject || len(b.NextEon.CometKeys) != len(info.Keypers) {
		return fail("nextEon", "eon %d with %d CometBFT keys for %d keypers; the record signs eon %d", info.Eon, len(b.NextEon.CometKeys), len(info.Keypers), rec.EonSig.Subject)
	}
	keys := make([][32]byte, len(info.Keypers))
	for i, k := range b.NextEon.CometKeys {
		if len(k) != 32 {
			return fail("nextEon", "CometBFT key %d of %d bytes", i, len(k))
		}
		keys[i] = [32]byte(k)
	}
	members, err := contracts.Members(info, keys)
	if err != nil {
		return fail("nextEon", "%v", err)
	}
	digest := contracts.EonKeyDigest(v.Domain, info.Eon, info.PublicKey.EIP2537(), contracts.KeypersRoot(members))
	signer := v.Eon // eonOf made the record's eon the trusted one
	id := threshold.SigningIdentity(v.Domain.ChainID, signer.Eon, digest)
	if err := threshold.VerifyKey(signer.PublicKey, id.Point(), rec.EonSig.Sigma); err != nil {
		return fail("nextEon", "eon %d's key is not what eon %d signed: %v", info.Eon, signer.Eon, err)
	}
	// σ covers the key and the members (address, CometBFT key, public
	// share), not the served threshold or activation slot: the client
	// never uses the threshold (it checks combined keys against the eon
	// key), and sets the activation slot itself from the first record of
	// the eon.
	info.ActivationSlot = 0
	v.nextEon = info
	return nil
}

// memberSet is the validator set of members (ed25519 keys, positive
// powers, none twice) if it hashes to hash.
func memberSet(members []apitypes.SetMember, hash []byte) (*types.ValidatorSet, error) {
	if len(members) == 0 {
		return nil, errors.New("no members")
	}
	vals := make([]*types.Validator, len(members))
	seen := make(map[string]bool, len(members))
	for i, m := range members {
		if len(m.PubKey) != cmted25519.PubKeySize || m.Power <= 0 {
			return nil, fmt.Errorf("member %d: a %d-byte key with power %d", i, len(m.PubKey), m.Power)
		}
		// A set does not refuse a member twice, and its commits would
		// count that member's power twice.
		if seen[string(m.PubKey)] {
			return nil, fmt.Errorf("member %d is there twice", i)
		}
		seen[string(m.PubKey)] = true
		vals[i] = types.NewValidator(cmted25519.PubKey(m.PubKey), m.Power)
	}
	set, err := types.ValidatorSetFromExistingValidators(vals)
	if err != nil {
		return nil, err
	}
	if !bytes.Equal(set.Hash(), hash) {
		return nil, fmt.Errorf("the members hash to %X, not %X", set.Hash(), hash)
	}
	return set, nil
}

// verifyCommit: the signed header is for this slot, signed by more than
// two thirds of the trusted validators, and its hash is the block's.
func (v *Verifier) verifyCommit(b *apitypes.Block) (*types.Header, error) {
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
	// ValidateBasic leaves the commit's block ID's part-set hash unchecked,
	// and CometBFT panics canonicalizing a vote with a short one.
	if err := sh.Commit.BlockID.ValidateBasic(); err != nil {
		return nil, fail("commit", "block id: %v", err)
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
//
// The header names the subset only by its hash, so some search is
// unavoidable; it is bounded for any header (issue 15, finding 7): the
// third of the trusted power is checked first (a header forged without
// keys costs at most one signature per commit entry), the commit's order
// pins each signer's place, and a header whose unknown members could be
// more than maxSubsets subsets is refused before any is tried.
func (v *Verifier) setFor(h *types.Header, c *types.Commit) (*types.ValidatorSet, error) {
	if v.Validators == nil || len(v.Validators.Validators) == 0 {
		return nil, fail("header", "no trusted validator set")
	}
	if v.nextSet != nil && bytes.Equal(h.ValidatorsHash, v.nextSet.Hash()) {
		// The set an earlier verified header named as its next: a
		// handover. (Its commit is checked in full by the caller.)
		v.Validators, v.nextSet = v.nextSet, nil
	}
	if bytes.Equal(h.ValidatorsHash, v.Validators.Hash()) {
		return v.Validators, nil
	}
	// A set sorts its validators (power, then address); a subset of it with
	// the same powers keeps their relative order.
	all := make([]*types.Validator, len(v.Validators.Validators))
	copy(all, v.Validators.Validators)
	sort.Sort(types.ValidatorsByVotingPower(all))
	n := len(c.Signatures)
	if n == 0 || n >= len(all) {
		return nil, fail("header", "validator set %X is not the trusted one", h.ValidatorsHash)
	}
	gaps, err := subsetGaps(all, c.Signatures)
	if err != nil {
		return nil, err
	}
	if err := v.Validators.VerifyCommitLightTrusting(v.ChainID, c, cmtmath.Fraction{Numerator: 1, Denominator: 3}); err != nil {
		return nil, fail("commit signatures", "the new validator set is not endorsed by a third of the trusted one: %v", err)
	}
	in, _, err := findSubset(all, c.Signatures, gaps, h.ValidatorsHash, maxSubsets)
	if err != nil {
		return nil, err
	}
	var sub []*types.Validator
	for i, ok := range in {
		if ok {
			sub = append(sub, all[i].Copy())
		}
	}
	set := types.NewValidatorSet(sub)
	if !bytes.Equal(set.Hash(), h.ValidatorsHash) { // the same leaves in the same order: cannot happen
		return nil, fail("header", "validator set %X: the subset found hashes to %X", h.ValidatorsHash, set.Hash())
	}
	return set, nil
}

// maxSubsets bounds the candidate subsets setFor hashes for one header.
// Veil's validators have power 1, so a header that VerifyCommit can accept
// (more than a third of the trusted power and two thirds of its own set
// signed) leaves at most C(15,4) = 1,365 candidates with 24 trusted
// validators; 4,096 hashes of at most a set's leaves are milliseconds.
const maxSubsets = 1 << 12

// errSubsets: the header's validator set could be too many subsets of the
// trusted one to try.
var errSubsets = errors.New("client: too many candidate validator subsets")

// gap is a run of trusted validators (all[lo:lo+size]) between the commit's
// named members, of which absent belong to the header's set; the rest were
// removed.
type gap struct{ lo, size, absent int }

// subsetGaps places the commit's named members (signers and nil votes) in
// the trusted order: entry p of a commit is member p of the set that
// signed, so a member at trusted index t had t-p validators removed before
// it. It refuses a commit whose named members are not trusted validators in
// the trusted order, or leave too few validators to fill the absent places.
func subsetGaps(all []*types.Validator, sigs []types.CommitSig) ([]gap, error) {
	index := make(map[string]int, len(all))
	for i, val := range all {
		index[string(val.Address)] = i
	}
	removed := len(all) - len(sigs)
	var gaps []gap
	prevP, prevT := -1, -1
	for p, s := range sigs {
		if s.BlockIDFlag == types.BlockIDFlagAbsent {
			continue
		}
		t, ok := index[string(s.ValidatorAddress)]
		if !ok || t <= prevT {
			return nil, fail("commit signatures", "signer %X is not a trusted validator in the trusted order", s.ValidatorAddress)
		}
		if t-p < prevT-prevP || t-p > removed {
			return nil, fail("commit signatures", "signer %X at entry %d: not a member of any subset of the trusted set", s.ValidatorAddress, p)
		}
		gaps = append(gaps, gap{lo: prevT + 1, size: t - prevT - 1, absent: p - prevP - 1})
		prevP, prevT = p, t
	}
	gaps = append(gaps, gap{lo: prevT + 1, size: len(all) - prevT - 1, absent: len(sigs) - prevP - 1})
	return gaps, nil
}

// findSubset is the trusted validators (in[i]) whose set hashes to target:
// the commit's named members and, in each gap, a choice of its absent
// members. It counts the candidates first and refuses more than limit, so
// tries (the hashes computed) never exceeds limit.
func findSubset(all []*types.Validator, sigs []types.CommitSig, gaps []gap, target []byte, limit int) (in []bool, tries int, err error) {
	count := 1
	for _, g := range gaps {
		count *= binomial(g.size, g.absent, limit)
		if count > limit {
			return nil, 0, fmt.Errorf("%w: header: %w: validator set %X could be more than %d subsets of the trusted set",
				ErrVerify, errSubsets, target, limit)
		}
	}
	leaves := make([][]byte, len(all))
	for i, val := range all {
		leaves[i] = val.Bytes()
	}
	in = make([]bool, len(all))
	for _, g := range gaps[:len(gaps)-1] {
		in[g.lo+g.size] = true // the named member after the gap
	}
	picked := make([][]byte, 0, len(sigs))
	try := func() bool {
		tries++
		picked = picked[:0]
		for i, ok := range in {
			if ok {
				picked = append(picked, leaves[i])
			}
		}
		return bytes.Equal(cmtmerkle.HashFromByteSlices(picked), target)
	}
	// walk chooses the r absent members still to place in gap gi from
	// index i on, then moves to the next gap.
	var walk func(gi, i, r int) bool
	walk = func(gi, i, r int) bool {
		g := gaps[gi]
		if r == 0 {
			if gi+1 == len(gaps) {
				return try()
			}
			return walk(gi+1, gaps[gi+1].lo, gaps[gi+1].absent)
		}
		for j := i; j <= g.lo+g.size-r; j++ {
			in[j] = true
			if walk(gi, j+1, r-1) {
				return true
			}
			in[j] = false
		}
		return false
	}
	if !walk(0, gaps[0].lo, gaps[0].absent) {
		return nil, tries, fail("header", "validator set %X is neither the trusted one nor a subset of it", target)
	}
	return in, tries, nil
}

// binomial is C(n, k), or limit+1 once it is known to exceed limit.
func binomial(n, k, limit int) int {
	if k < 0 || k > n {
		return 0
	}
	k = min(k, n-k)
	c := 1
	for i := 0; i < k; i++ {
		c = c * (n - i) / (i + 1) // exact: C(n, i+1)
		if c > limit {
			return limit + 1
		}
	}
	return c
}

// verifyRecord: the slot record is the block's first transaction, proven
// under the signed data hash.
func verifyRecord(b *apitypes.Block, h *types.Header) (*proposer.Record, error) {
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
// the envelope's identity, and each plaintext what decrypting gives; a
// forced plain transaction (protocol §9: no envelope, no key) is the
// preimage of its place and a signed transaction for the chain.
//
// Each envelope's work (its hash, signer, identity point, key decode,
// decryption and judgment) runs in one pass on every core; the verdicts are
// then read in order (every envelope's own checks, the batched key check,
// the plaintexts), so a block refused names the same part and transaction
// whatever the cores' schedule.
func (v *Verifier) verifyBundle(b *apitypes.Block, rec *proposer.Record, key *eon.Info) (*Slot, error) {
	order := rec.Auction.Included
	if len(b.Transactions) != len(order) {
		return nil, fail("order", "%d transactions for an order of %d", len(b.Transactions), len(order))
	}
	// keyOf[i] is transaction i's key in b.Keys (the envelopes', in order);
	// -1 for a plain transaction.
	keyOf := make([]int, len(order))
	envelopes := 0
	for i := range b.Transactions {
		keyOf[i] = -1
		if b.Transactions[i].Envelope != nil {
			keyOf[i] = envelopes
			envelopes++
		}
	}
	if len(b.Keys) != envelopes {
		return nil, fail("order", "%d keys for %d envelopes", len(b.Keys), envelopes)
	}
	items := make([][]byte, len(order))
	for i, h := range order {
		items[i] = h[:]
	}
	if merkle.Root(items) != b.BundleRoot {
		return nil, fail("bundleRoot", "not the root of the record's order")
	}
	claims := make([]threshold.KeyClaim, len(order))
	results := make([]decrypt.Result, len(order))
	errs := make([]error, len(order))
	threshold.Parallel(len(order), func(i int) {
		defer func() { // Verify's recover does not reach the workers
			if r := recover(); r != nil {
				errs[i] = fail("envelope", "transaction %d: malformed: %v", i, r)
			}
		}()
		tx := &b.Transactions[i]
		e := tx.Envelope
		if e == nil {
			// A forced plain transaction: its bytes are its place.
			if tx.EnvelopeHash != order[i] || crypto.Keccak256Hash(tx.Plaintext) != order[i] {
				errs[i] = fail("order", "transaction %d is not the record's %s", i, order[i])
				return
			}
			results[i], _ = decrypt.Plain(tx.Plaintext, v.Domain.ChainID, math.MaxUint64)
			return
		}
		key := &b.Keys[keyOf[i]]
		switch {
		case tx.EnvelopeHash != order[i] || e.Hash(v.Domain) != order[i]:
			errs[i] = fail("order", "transaction %d is not the record's envelope %s", i, order[i])
			return
		case eip712.Verify(order[i], e.Signature, e.Sender) != nil: // the digest just checked
			errs[i] = fail("envelope", "transaction %d: signature", i)
			return
		}
		id := e.Identity()
		if common.Hash(id) != tx.Identity || key.Identity != tx.Identity || key.Index != uint32(keyOf[i]) {
			errs[i] = fail("key", "key %d is not for transaction %d's identity", key.Index, i)
			return
		}
		k, err := threshold.ParseIdentityKey(key.Key)
		if err != nil {
			errs[i] = fail("key", "key %d: %v", i, err)
			return
		}
		claims[i] = threshold.KeyClaim{Identity: id.Point(), Key: k}
		results[i] = decrypt.One(e, k)
	})
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	var keyClaims []threshold.KeyClaim
	for i, j := range keyOf {
		if j >= 0 {
			keyClaims = append(keyClaims, claims[i])
		}
	}
	claims = keyClaims
	bad, err := threshold.VerifyKeys(nil, key.PublicKey, claims)
	if err != nil {
		return nil, fail("key", "%v", err)
	}
	if len(bad) > 0 {
		return nil, fail("key", "key %d does not verify under the eon key", bad[0])
	}
	out := &Slot{Slot: b.Slot, Time: b.Time}
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
