package client

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/cometbft/cometbft/crypto/ed25519"
	cmtjson "github.com/cometbft/cometbft/libs/json"
	"github.com/cometbft/cometbft/types"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/veil-sequencer/veil/contracts"
	"github.com/veil-sequencer/veil/eon"
	"github.com/veil-sequencer/veil/params"
	"github.com/veil-sequencer/veil/threshold/thresholdtest"
)

// TestFromL1: a reader made from a genesis document takes its chain id,
// signing salt (the document's keccak256), L1 contracts and start block,
// pins its eon key and applies the escape hatch with its parameters (the
// defaults when it has none); a genesis without L1, or without an eon, is
// refused naming what is missing. FromGenesis reads the same document.
func TestFromL1(t *testing.T) {
	d, err := thresholdtest.Deal(nil, 4, 3)
	if err != nil {
		t.Fatal(err)
	}
	info := &eon.Info{Eon: 3, PublicKey: d.EonKey, Threshold: 3, ChainID: 1337}
	for i, ps := range d.PublicShares {
		info.Keypers = append(info.Keypers, eon.Keyper{Index: i + 1, Address: common.Address{byte(i + 1)}, PublicKeyShare: ps})
	}
	at := contracts.Addresses{SequencerRegistry: common.Address{1}, BatchInbox: common.Address{2}, DepositVault: common.Address{3},
		ForcedInclusionQueue: common.Address{4}}
	p := params.Default()
	p.ForceDeadline = 600
	docOf := func(app map[string]any) []byte {
		t.Helper()
		state, err := json.Marshal(app)
		if err != nil {
			t.Fatal(err)
		}
		pv := ed25519.GenPrivKeyFromSecret([]byte("a validator"))
		gen := &types.GenesisDoc{ChainID: "veil-1337", GenesisTime: time.Unix(1_700_000_000, 0).UTC(), AppState: state,
			Validators: []types.GenesisValidator{{Address: pv.PubKey().Address(), PubKey: pv.PubKey(), Power: 1}}}
		if err := gen.ValidateAndComplete(); err != nil {
			t.Fatal(err)
		}
		doc, err := cmtjson.Marshal(gen)
		if err != nil {
			t.Fatal(err)
		}
		return doc
	}
	l1Field := map[string]any{"chainId": 3151908, "contracts": at, "startBlock": 77}
	doc := docOf(map[string]any{"chainId": 1337, "eon": info, "params": p, "l1": l1Field})
	var l1 L1Backend = noL1{}
	r, err := FromL1(doc, l1, DirArchive(t.TempDir()))
	if err != nil {
		t.Fatal(err)
	}
	if r.Inbox != at.BatchInbox || r.Registry != at.SequencerRegistry || r.Queue != at.ForcedInclusionQueue || r.StartBlock != 77 ||
		r.Domain.ChainID != 1337 || r.Domain.Salt != crypto.Keccak256Hash(doc) || r.Params.ForceDeadline != 600 || r.L1ChainID != 3151908 {
		t.Fatalf("reader %+v", r)
	}
	if k := r.EonKeys[3]; k == nil || string(k.Bytes()) != string(d.EonKey.Bytes()) || len(r.EonKeys) != 1 {
		t.Fatalf("pinned eon keys %v", r.EonKeys)
	}
	ver, err := FromGenesis(doc)
	if err != nil || ver.Domain != r.Domain || ver.ChainID != "veil-1337" || ver.Validators.Size() != 1 {
		t.Fatalf("FromGenesis of the same document: %+v %v", ver, err)
	}
	if r, err := FromL1(docOf(map[string]any{"chainId": 1337, "eon": info, "l1": l1Field}), l1, DirArchive("")); err != nil || r.Params.ForceDeadline != params.Default().ForceDeadline {
		t.Fatalf("no params: %v %v", r, err)
	}
	for _, tc := range []struct {
		name, want string
		doc        []byte
		blobs      BlobSource
	}{
		{"no L1", "names no L1", docOf(map[string]any{"chainId": 1337, "eon": info}), DirArchive("")},
		{"no eon", "genesis eon", docOf(map[string]any{"chainId": 1337, "l1": l1Field}), DirArchive("")},
		{"not a genesis", "client: genesis", []byte("{"), DirArchive("")},
		{"no blob source", "blob source", doc, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := FromL1(tc.doc, l1, tc.blobs); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want an error naming %q", err, tc.want)
			}
		})
	}
}

// noL1 is an L1 node nothing is asked of.
type noL1 struct{ L1Backend }
