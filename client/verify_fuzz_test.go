package client

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/cometbft/cometbft/crypto"
	cmtjson "github.com/cometbft/cometbft/libs/json"
	cmtversion "github.com/cometbft/cometbft/proto/tendermint/version"
	"github.com/cometbft/cometbft/types"
	"github.com/cometbft/cometbft/version"

	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/veil-sequencer/veil/api/apitypes"
	"github.com/veil-sequencer/veil/eon"
	"github.com/veil-sequencer/veil/proposer"
	"github.com/veil-sequencer/veil/threshold/thresholdtest"
)

// signedBlock is a block of slot 5 whose commit four trusted validators of
// power 1 signed, with an empty bundle: a seed that passes the commit and
// record checks, so the fuzzer mutates from a block that verifies.
func signedBlock(f testing.TB) (*Verifier, []byte) {
	set, keys := trusted(ones(4)...)
	var b apitypes.Block
	seal(f, &b, set, keys, append([]byte{0x03}, (&proposer.Record{Slot: 5, Eon: 1}).Encode()...))
	b.Slot, b.Level = 5, apitypes.LevelDecrypted
	raw, err := json.Marshal(b)
	if err != nil {
		f.Fatal(err)
	}
	d, err := thresholdtest.Deal(nil, 1, 1)
	if err != nil {
		f.Fatal(err)
	}
	info := &eon.Info{Eon: 1, PublicKey: d.EonKey, Threshold: 1, ChainID: 1337}
	return &Verifier{ChainID: testChain, Validators: set, Eon: info}, raw
}

// seal makes b a block at height 5 whose only transaction is record,
// committed by every validator of set: its hash, proposer, time, record,
// record proof and signed header.
func seal(f testing.TB, b *apitypes.Block, set *types.ValidatorSet, keys map[string]crypto.PrivKey, record []byte) {
	txs := types.Txs{record}
	h := &types.Header{Version: cmtversion.Consensus{Block: version.BlockProtocol}, ChainID: testChain, Height: 5,
		Time: time.Unix(1_700_000_000, 0).UTC(), DataHash: txs.Hash(), ValidatorsHash: set.Hash(),
		NextValidatorsHash: set.Hash(), ProposerAddress: set.Validators[0].Address,
		LastBlockID: types.BlockID{Hash: make([]byte, 32), PartSetHeader: types.PartSetHeader{Total: 1, Hash: make([]byte, 32)}}}
	h.LastCommitHash, h.ConsensusHash, h.AppHash, h.LastResultsHash, h.EvidenceHash = make([]byte, 32), make([]byte, 32), make([]byte, 32), make([]byte, 32), make([]byte, 32)
	c := &types.Commit{Height: 5, BlockID: types.BlockID{Hash: h.Hash(), PartSetHeader: types.PartSetHeader{Total: 1, Hash: make([]byte, 32)}}}
	for _, val := range set.Validators {
		c.Signatures = append(c.Signatures, types.CommitSig{BlockIDFlag: types.BlockIDFlagCommit, ValidatorAddress: val.Address, Timestamp: h.Time})
	}
	for p := range c.Signatures {
		sig, err := keys[string(c.Signatures[p].ValidatorAddress)].Sign(c.VoteSignBytes(testChain, int32(p)))
		if err != nil {
			f.Fatal(err)
		}
		c.Signatures[p].Signature = sig
	}
	commit, err := cmtjson.Marshal(types.SignedHeader{Header: h, Commit: c})
	if err != nil {
		f.Fatal(err)
	}
	proof, err := cmtjson.Marshal(txs.Proof(0))
	if err != nil {
		f.Fatal(err)
	}
	b.Hash, b.Proposer, b.Time = hexutil.Bytes(h.Hash()), hexutil.Bytes(h.ProposerAddress), h.Time
	b.Record, b.RecordProof, b.Commit = record, proof, commit
}

// FuzzVerify feeds a hostile node's block JSON to the verifier: it must
// answer, never panic, and anything it refuses is ErrVerify.
func FuzzVerify(f *testing.F) {
	v, seed := signedBlock(f)
	var b apitypes.Block
	if err := json.Unmarshal(seed, &b); err != nil {
		f.Fatal(err)
	}
	if _, err := v.verifyCommit(&b); err != nil {
		f.Fatalf("the seed's commit does not verify: %v", err)
	}
	if _, err := verifyRecord(&b, mustHeader(f, b.Commit)); err != nil {
		f.Fatalf("the seed's record does not verify: %v", err)
	}
	f.Add(seed)
	f.Add([]byte(`{"level":"decrypted","commit":{"header":null}}`))
	f.Add([]byte(`{"level":"decrypted"}`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		var b apitypes.Block
		if json.Unmarshal(raw, &b) != nil {
			return
		}
		if _, err := v.Verify(&b); err != nil && !errors.Is(err, ErrVerify) {
			t.Fatalf("a refusal that is not ErrVerify: %v", err)
		}
	})
}

func mustHeader(f *testing.F, commit []byte) *types.Header {
	var sh types.SignedHeader
	if err := cmtjson.Unmarshal(commit, &sh); err != nil {
		f.Fatal(err)
	}
	return sh.Header
}

// TestVerifyShortPartSetHash: a commit whose block ID names a part-set
// hash of 28 bytes made CometBFT panic inside the verifier (found by
// FuzzVerify); it is a block that does not verify.
func TestVerifyShortPartSetHash(t *testing.T) {
	v, seed := signedBlock(t)
	var b apitypes.Block
	if err := json.Unmarshal(seed, &b); err != nil {
		t.Fatal(err)
	}
	full := `"parts":{"total":1,"hash":"` + strings.Repeat("0", 64) + `"}`
	i := strings.LastIndex(string(b.Commit), full) // the commit's, after the header's last block ID
	if i < 0 {
		t.Fatalf("no part-set header in %s", b.Commit)
	}
	b.Commit = json.RawMessage(string(b.Commit[:i]) + `"parts":{"total":1,"hash":"` + strings.Repeat("0", 56) + `"}` + string(b.Commit[i+len(full):]))
	if _, err := v.Verify(&b); !errors.Is(err, ErrVerify) || !strings.Contains(err.Error(), "block id") {
		t.Fatalf("Verify: %v", err)
	}
}
