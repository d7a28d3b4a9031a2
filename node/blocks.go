package node

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"

	cmtjson "github.com/cometbft/cometbft/libs/json"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/veil-sequencer/veil/api"
	"github.com/veil-sequencer/veil/api/apitypes"
	"github.com/veil-sequencer/veil/batch"
	"github.com/veil-sequencer/veil/chain"
	"github.com/veil-sequencer/veil/decrypt"
	"github.com/veil-sequencer/veil/envelope"
	"github.com/veil-sequencer/veil/merkle"
	"github.com/veil-sequencer/veil/threshold"
)

// reveal returns slot's decrypted bundle: this node's keyper's, or one
// decrypted from the keys the chain recorded (after a restart, on a node
// that is no keyper, or for a slot older than the keyper keeps). Those are
// kept in a cache bounded in bytes and decrypted once however many readers
// ask at the same time: a decryption costs a pairing per envelope, and
// anyone may ask for any old slot. False while neither exists.
func (b *Backend) reveal(ctx context.Context, st *chain.State, slot uint64) (*Reveal, bool, error) {
	if b.keyper != nil {
		if r, ok := b.keyper.Reveal(slot); ok {
			return r, true, nil
		}
	}
	return b.feed.init().reveals.get(ctx, slot, func(ctx context.Context) (*Reveal, bool, error) {
		return b.revealFromChain(ctx, st, slot)
	})
}

// revealFromChain decrypts slot's bundle with the keys the chain
// recorded; false until they are recorded. Cached readers see the result,
// so it must not change once made: committed bundles and recorded keys
// never do.
func (b *Backend) revealFromChain(ctx context.Context, st *chain.State, slot uint64) (*Reveal, bool, error) {
	return revealFromKeys(ctx, st, slot, b.feed.decryptBundle)
}

// decryptFunc decrypts a bundle with its keys (decrypt.Bundle).
type decryptFunc func(ctx context.Context, envs []*envelope.Envelope, keys []*threshold.IdentityKey) ([]decrypt.Result, error)

// revealFromKeys decrypts slot's bundle with dec and the keys the chain
// recorded; false until they are recorded.
func revealFromKeys(ctx context.Context, st *chain.State, slot uint64, dec decryptFunc) (*Reveal, bool, error) {
	keys, ok, err := st.BundleKeys(slot)
	if err != nil || !ok {
		return nil, false, err
	}
	hashes, envs, err := st.BundleEnvelopes(slot)
	if err != nil {
		return nil, false, err
	}
	res, err := dec(ctx, envs, keys)
	if err != nil {
		return nil, false, fmt.Errorf("node: decrypting slot %d: %w", slot, err)
	}
	return &Reveal{Slot: slot, Hashes: hashes, Identities: chain.Identities(envs), Envelopes: envs, Keys: keys, Results: res}, true, nil
}

// slotOrder lays out a slot's order, its record's included: the bundle's
// envelopes in bundle order with the forced plain transactions at their
// places. at[j] is envelope j's place. GET /v1/blocks and the batch data
// both read a slot through it, so they cannot disagree.
func slotOrder(slot uint64, order, bundle int, plain []chain.PlainEntry) ([]int, error) {
	if order != bundle+len(plain) {
		return nil, fmt.Errorf("%w: slot %d orders %d, its bundle holds %d and %d plain", chain.ErrCorrupt, slot, order, bundle, len(plain))
	}
	at := make([]int, 0, bundle)
	next := 0
	for i := range order {
		if next < len(plain) && plain[next].Place == i {
			next++
			continue
		}
		at = append(at, i)
	}
	if next != len(plain) {
		return nil, fmt.Errorf("%w: slot %d places its plain transactions outside its order", chain.ErrCorrupt, slot)
	}
	return at, nil
}

// batchSlot is slot's entry in its batch's data (protocol §9): its
// record's hash and its order, an envelope as its plaintext or the reason
// it is invalid, a forced plain transaction as its bytes. reveal gives
// the slot's decrypted bundle.
func batchSlot(ctx context.Context, st *chain.State, slot uint64, reveal func(context.Context, *chain.State, uint64) (*Reveal, bool, error)) (batch.Slot, error) {
	rec, err := st.SlotRecord(slot)
	if err != nil {
		return batch.Slot{}, err
	}
	if rec == nil || rec.Auction == nil {
		return batch.Slot{}, fmt.Errorf("%w: slot %d has no record", chain.ErrCorrupt, slot)
	}
	bundle, _, err := st.BundleEnvelopes(slot)
	if err != nil {
		return batch.Slot{}, err
	}
	plain, err := st.SlotPlain(slot)
	if err != nil {
		return batch.Slot{}, err
	}
	at, err := slotOrder(slot, len(rec.Auction.Included), len(bundle), plain)
	if err != nil {
		return batch.Slot{}, err
	}
	when, ok, err := st.SlotTime(slot)
	if err != nil {
		return batch.Slot{}, err
	}
	if !ok {
		return batch.Slot{}, fmt.Errorf("%w: slot %d has no time", chain.ErrCorrupt, slot)
	}
	out := batch.Slot{Slot: slot, Time: when, RecordHash: batch.RecordHash(rec.Encode()), Txs: make([]batch.Tx, len(rec.Auction.Included))}
	for _, p := range plain {
		out.Txs[p.Place] = batch.Tx{Plaintext: p.Item.Plain}
	}
	if len(bundle) == 0 {
		return out, nil
	}
	rv, ok, err := reveal(ctx, st, slot)
	if err != nil {
		return batch.Slot{}, err
	}
	if !ok || len(rv.Results) != len(bundle) {
		return batch.Slot{}, fmt.Errorf("node: slot %d is not decrypted (its keys are not on chain)", slot)
	}
	for j, res := range rv.Results {
		tx := batch.Tx{Plaintext: res.Plaintext}
		if res.Status != decrypt.Decrypted {
			// An invalid entry is its reason alone (a reason is never empty).
			tx = batch.Tx{Reason: cmp.Or(res.Reason, res.Status)}
		}
		out.Txs[at[j]] = tx
	}
	return out, nil
}

// decryptBundle is decrypt.Bundle, or what a test put in its place.
func (c *feedCache) decryptBundle(ctx context.Context, envs []*envelope.Envelope, keys []*threshold.IdentityKey) ([]decrypt.Result, error) {
	if c.decrypt != nil {
		return c.decrypt(ctx, envs, keys)
	}
	return decrypt.Bundle(ctx, envs, keys)
}

// decrypted is a committed envelope's result once its bundle's keys are
// whole: from the keyper or the cache of decrypted bundles, or decrypted
// alone with its key from the chain (one pairing; not kept).
func (b *Backend) decrypted(ctx context.Context, st *chain.State, r chain.TxRecord) (decrypt.Result, bool, error) {
	if b.keyper != nil {
		if rv, ok := b.keyper.Reveal(r.Slot); ok && int(r.Index) < len(rv.Results) {
			return rv.Results[r.Index], true, nil
		}
	}
	if rv, ok := b.feed.init().reveals.peek(r.Slot); ok && int(r.Index) < len(rv.Results) {
		return rv.Results[r.Index], true, nil
	}
	keys, ok, err := st.BundleKeys(r.Slot)
	if err != nil || !ok || int(r.Index) >= len(keys) {
		return decrypt.Result{}, false, err
	}
	res, err := b.feed.decryptBundle(ctx, []*envelope.Envelope{r.Envelope}, []*threshold.IdentityKey{keys[r.Index]})
	if err != nil {
		return decrypt.Result{}, false, fmt.Errorf("node: decrypting %s: %w", r.Envelope.Hash(b.params.Domain), err)
	}
	return res[0], true, nil
}

// Block answers GET /v1/blocks/{slot}.
func (b *Backend) Block(ctx context.Context, slot uint64) (apitypes.Block, error) {
	blk, err := b.block(ctx, slot, true)
	if err != nil {
		return blk, err
	}
	blk.Decryption = b.decryption(slot)
	blk.Final, err = b.finality(b.state(), slot)
	return blk, err
}

// block is slot's block, with its keys and plaintexts if decrypted and
// they exist: a committed feed event needs none, so it never waits for a
// decryption.
func (b *Backend) block(ctx context.Context, slot uint64, decrypted bool) (apitypes.Block, error) {
	if slot == 0 || slot > b.node.Store.Height() {
		return apitypes.Block{}, api.ErrNotFound
	}
	st := b.state()
	rec, err := st.SlotRecord(slot)
	if err != nil {
		return apitypes.Block{}, err
	}
	if rec == nil {
		return apitypes.Block{}, api.ErrNotFound
	}
	h := int64(slot)
	blk, err := b.node.Client.Block(ctx, &h)
	if err != nil {
		return apitypes.Block{}, fmt.Errorf("node: block %d: %w", slot, err)
	}
	commit, err := b.node.Client.Commit(ctx, &h)
	if err != nil {
		return apitypes.Block{}, fmt.Errorf("node: commit of block %d: %w", slot, err)
	}
	signed, err := cmtjson.Marshal(commit.SignedHeader)
	if err != nil {
		return apitypes.Block{}, err
	}
	if len(blk.Block.Txs) == 0 {
		return apitypes.Block{}, fmt.Errorf("node: block %d has no slot record", slot)
	}
	proof, err := cmtjson.Marshal(blk.Block.Txs.Proof(0))
	if err != nil {
		return apitypes.Block{}, err
	}
	bundle, envs, err := st.BundleEnvelopes(slot)
	if err != nil {
		return apitypes.Block{}, err
	}
	plain, err := st.SlotPlain(slot)
	if err != nil {
		return apitypes.Block{}, err
	}
	order := rec.Auction.Included
	at, err := slotOrder(slot, len(order), len(bundle), plain)
	if err != nil {
		return apitypes.Block{}, err
	}
	items := make([][]byte, len(order))
	for i, h := range order {
		items[i] = h[:]
	}
	out := apitypes.Block{Slot: slot, Level: apitypes.LevelCommitted, Hash: blk.BlockID.Hash.Bytes(), Proposer: blk.Block.ProposerAddress.Bytes(),
		Time: blk.Block.Time, Auction: resultOf(rec.Auction), Record: hexutil.Bytes(blk.Block.Txs[0]), RecordProof: proof, BundleRoot: merkle.Root(items), Keys: []apitypes.BlockKey{},
		Transactions: make([]apitypes.BlockTx, len(order)), Commit: signed}
	if !bytes.Equal(blk.Block.ValidatorsHash, blk.Block.NextValidatorsHash) {
		if out.NextValidators, err = b.setAt(ctx, h+1); err != nil {
			return apitypes.Block{}, err
		}
	}
	if rec.EonSig != nil {
		if out.NextEon, err = nextEonKey(st, rec.EonSig.Subject); err != nil {
			return apitypes.Block{}, err
		}
	}
	for _, pe := range plain {
		p := pe.Item
		index := p.Index
		out.Transactions[pe.Place] = apitypes.BlockTx{EnvelopeHash: p.Hash, Status: decrypt.Decrypted, Plaintext: p.Plain, Forced: &index}
	}
	for j, e := range envs {
		out.Transactions[at[j]] = apitypes.BlockTx{EnvelopeHash: bundle[j], Identity: common.Hash(e.Identity()), Envelope: e, Status: apitypes.LevelCommitted}
	}
	if !decrypted {
		return out, nil
	}
	rv, ok, err := b.reveal(ctx, st, slot)
	if err != nil {
		return apitypes.Block{}, err
	}
	if ok || len(bundle) == 0 {
		out.Level = apitypes.LevelDecrypted
	}
	if ok {
		for j, k := range rv.Keys {
			out.Keys = append(out.Keys, apitypes.BlockKey{Index: uint32(j), Identity: common.Hash(rv.Identities[j]), Key: k.Bytes()})
			res := rv.Results[j]
			tx := &out.Transactions[at[j]]
			tx.Status, tx.Plaintext, tx.Reason = res.Status, res.Plaintext, res.Reason
		}
	}
	return out, nil
}

// setAt is CometBFT's validator set at height h as the feed serves it.
func (b *Backend) setAt(ctx context.Context, h int64) ([]apitypes.SetMember, error) {
	var out []apitypes.SetMember
	for page := 1; ; page++ {
		perPage := 100
		res, err := b.node.Client.Validators(ctx, &h, &page, &perPage)
		if err != nil {
			return nil, fmt.Errorf("node: validators at height %d: %w", h, err)
		}
		for _, v := range res.Validators {
			out = append(out, apitypes.SetMember{PubKey: v.PubKey.Bytes(), Power: v.VotingPower})
		}
		if len(out) >= res.Total || len(res.Validators) == 0 {
			return out, nil
		}
	}
}

// nextEonKey is the dealt eon e as a light client checks its EonKey
// statement: its public parts and its members' CometBFT keys.
func nextEonKey(st *chain.State, e uint64) (*apitypes.NextEonKey, error) {
	keys, info, ok, err := st.DealtEon(e)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, fmt.Errorf("%w: a record signs eon %d's key, which the state does not hold dealt", chain.ErrCorrupt, e)
	}
	out := &apitypes.NextEonKey{Eon: json.RawMessage(info)}
	for _, k := range keys {
		out.CometKeys = append(out.CometKeys, k[:])
	}
	return out, nil
}
