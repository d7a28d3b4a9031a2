package node

import (
	"context"
	"fmt"

	cmtjson "github.com/cometbft/cometbft/libs/json"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/veil-sequencer/veil/api"
	"github.com/veil-sequencer/veil/chain"
	"github.com/veil-sequencer/veil/decrypt"
	"github.com/veil-sequencer/veil/envelope"
	"github.com/veil-sequencer/veil/merkle"
	"github.com/veil-sequencer/veil/threshold"
)

// reveal returns slot's decrypted bundle: this node's keyper's, or one
// decrypted now from the keys the chain recorded (after a restart, on a
// node that is no keyper, or for a slot older than the keyper keeps).
// False while neither exists.
func (b *Backend) reveal(ctx context.Context, st *chain.State, slot uint64) (*Reveal, bool, error) {
	if b.keyper != nil {
		if r, ok := b.keyper.Reveal(slot); ok {
			return r, true, nil
		}
	}
	keys, ok, err := st.BundleKeys(slot)
	if err != nil || !ok {
		return nil, false, err
	}
	hashes, envs, err := st.BundleEnvelopes(slot)
	if err != nil {
		return nil, false, err
	}
	res, err := decrypt.Bundle(ctx, envs, keys)
	if err != nil {
		return nil, false, err
	}
	return &Reveal{Slot: slot, Hashes: hashes, Identities: chain.Identities(envs), Envelopes: envs, Keys: keys, Results: res}, true, nil
}

// decrypted is a committed envelope's result once its bundle's keys are
// whole: from the keyper, or decrypted alone with its key from the chain.
func (b *Backend) decrypted(ctx context.Context, st *chain.State, r chain.TxRecord) (decrypt.Result, bool, error) {
	if b.keyper != nil {
		if rv, ok := b.keyper.Reveal(r.Slot); ok && int(r.Index) < len(rv.Results) {
			return rv.Results[r.Index], true, nil
		}
	}
	keys, ok, err := st.BundleKeys(r.Slot)
	if err != nil || !ok || int(r.Index) >= len(keys) {
		return decrypt.Result{}, false, err
	}
	res, err := decrypt.Bundle(ctx, []*envelope.Envelope{r.Envelope}, []*threshold.IdentityKey{keys[r.Index]})
	if err != nil {
		return decrypt.Result{}, false, err
	}
	return res[0], true, nil
}

// Block answers GET /v1/blocks/{slot}.
func (b *Backend) Block(ctx context.Context, slot uint64) (api.Block, error) {
	if slot == 0 || slot > b.node.Store.Height() {
		return api.Block{}, api.ErrNotFound
	}
	st := b.state()
	rec, err := st.SlotRecord(slot)
	if err != nil {
		return api.Block{}, err
	}
	if rec == nil {
		return api.Block{}, api.ErrNotFound
	}
	h := int64(slot)
	blk, err := b.node.Client.Block(ctx, &h)
	if err != nil {
		return api.Block{}, fmt.Errorf("node: block %d: %w", slot, err)
	}
	commit, err := b.node.Client.Commit(ctx, &h)
	if err != nil {
		return api.Block{}, fmt.Errorf("node: commit of block %d: %w", slot, err)
	}
	signed, err := cmtjson.Marshal(commit.SignedHeader)
	if err != nil {
		return api.Block{}, err
	}
	if len(blk.Block.Txs) == 0 {
		return api.Block{}, fmt.Errorf("node: block %d has no slot record", slot)
	}
	proof, err := cmtjson.Marshal(blk.Block.Txs.Proof(0))
	if err != nil {
		return api.Block{}, err
	}
	included, envs, err := st.BundleEnvelopes(slot)
	if err != nil {
		return api.Block{}, err
	}
	items := make([][]byte, len(included))
	for i, h := range included {
		items[i] = h[:]
	}
	out := api.Block{Slot: slot, Level: api.LevelCommitted, Hash: blk.BlockID.Hash.Bytes(), Proposer: blk.Block.ProposerAddress.Bytes(),
		Time: blk.Block.Time, Auction: resultOf(rec.Auction), Record: hexutil.Bytes(blk.Block.Txs[0]), RecordProof: proof, BundleRoot: merkle.Root(items), Keys: []api.BlockKey{},
		Transactions: make([]api.BlockTx, len(included)), Commit: signed}
	for i, e := range envs {
		out.Transactions[i] = api.BlockTx{EnvelopeHash: included[i], Identity: common.Hash(e.Identity()), Envelope: e, Status: api.LevelCommitted}
	}
	rv, ok, err := b.reveal(ctx, st, slot)
	if err != nil {
		return api.Block{}, err
	}
	if ok || len(included) == 0 {
		out.Level = api.LevelDecrypted
	}
	if ok {
		for i, k := range rv.Keys {
			out.Keys = append(out.Keys, api.BlockKey{Index: uint32(i), Identity: common.Hash(rv.Identities[i]), Key: k.Bytes()})
			res := rv.Results[i]
			tx := &out.Transactions[i]
			tx.Status, tx.Plaintext, tx.Reason = res.Status, res.Plaintext, res.Reason
		}
	}
	return out, nil
}
