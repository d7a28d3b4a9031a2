package client

import (
	"encoding/json"
	"fmt"

	cmted25519 "github.com/cometbft/cometbft/crypto/ed25519"
	"github.com/cometbft/cometbft/types"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/veil-sequencer/veil/api/apitypes"
	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/eon"
)

// Checkpoint is what a Verifier trusts after the last slot it verified:
// the validator set and eon, and the next set and eon a verified block
// announced. A Verifier resumed from it verifies the slots after Slot as
// the one that made it would, so a rollup that keeps the checkpoint of the
// last slot it executed reads the feed on from there after a restart, not
// from slot 1 (which costs a verification per slot of the chain's whole
// history).
//
// A checkpoint is the client's own conclusion, not evidence: it must come
// from storage as trusted as the rollup's state, never from a node.
type Checkpoint struct {
	Slot uint64 // the last slot verified (0: none, the genesis)

	chainID    string
	domain     eip712.Domain
	validators *types.ValidatorSet
	eon        *eon.Info
	nextSet    *types.ValidatorSet
	nextEon    *eon.Info
}

// Checkpoint is v's state after the last slot it verified. Later
// verification does not change it.
func (v *Verifier) Checkpoint() *Checkpoint {
	// Sets are replaced, never changed, by verification; an eon's
	// activation slot is set when its first record arrives, so eons are
	// copied.
	return &Checkpoint{Slot: v.last, chainID: v.ChainID, domain: v.Domain, validators: v.Validators, nextSet: v.nextSet,
		eon: copyEon(v.Eon), nextEon: copyEon(v.nextEon)}
}

// Resume moves v, a Verifier made from the genesis (FromGenesis), to c: it
// then verifies slot c.Slot+1 on. A checkpoint of another chain or signing
// domain is refused and v is left as it was.
func (v *Verifier) Resume(c *Checkpoint) error {
	if c.chainID != v.ChainID || c.domain != v.Domain {
		return fmt.Errorf("client: the checkpoint at slot %d is of chain %q (another genesis), this verifier's is %q", c.Slot, c.chainID, v.ChainID)
	}
	v.last, v.Validators, v.nextSet = c.Slot, c.validators, c.nextSet
	v.Eon, v.nextEon = copyEon(c.eon), copyEon(c.nextEon)
	return nil
}

func copyEon(e *eon.Info) *eon.Info {
	if e == nil {
		return nil
	}
	c := *e
	return &c
}

// checkpointVersion is the first field of an encoded checkpoint.
const checkpointVersion = 1

type checkpointJSON struct {
	Version        int                  `json:"version"`
	Slot           uint64               `json:"slot"`
	ChainID        string               `json:"chainId"`
	DomainChainID  uint64               `json:"domainChainId"`
	DomainSalt     common.Hash          `json:"domainSalt"`
	Validators     []apitypes.SetMember `json:"validators"`
	ValidatorsHash hexutil.Bytes        `json:"validatorsHash"`
	Eon            json.RawMessage      `json:"eon"`
	NextValidators []apitypes.SetMember `json:"nextValidators,omitempty"`
	NextHash       hexutil.Bytes        `json:"nextValidatorsHash,omitempty"`
	NextEon        json.RawMessage      `json:"nextEon,omitempty"`
}

// MarshalBinary encodes c (JSON, versioned): the sets as their members,
// with their hashes, which UnmarshalBinary checks.
func (c *Checkpoint) MarshalBinary() ([]byte, error) {
	j := checkpointJSON{Version: checkpointVersion, Slot: c.Slot, ChainID: c.chainID, DomainChainID: c.domain.ChainID, DomainSalt: c.domain.Salt}
	if c.validators == nil || c.eon == nil {
		return nil, fmt.Errorf("client: a checkpoint without a validator set or eon")
	}
	var err error
	if j.Validators, err = members(c.validators); err != nil {
		return nil, err
	}
	j.ValidatorsHash = c.validators.Hash()
	if c.nextSet != nil {
		if j.NextValidators, err = members(c.nextSet); err != nil {
			return nil, err
		}
		j.NextHash = c.nextSet.Hash()
	}
	if j.Eon, err = json.Marshal(c.eon); err != nil {
		return nil, fmt.Errorf("client: checkpoint eon: %w", err)
	}
	if c.nextEon != nil {
		if j.NextEon, err = json.Marshal(c.nextEon); err != nil {
			return nil, fmt.Errorf("client: checkpoint next eon: %w", err)
		}
	}
	return json.Marshal(j)
}

func members(s *types.ValidatorSet) ([]apitypes.SetMember, error) {
	out := make([]apitypes.SetMember, len(s.Validators))
	for i, val := range s.Validators {
		pk, ok := val.PubKey.(cmted25519.PubKey)
		if !ok {
			return nil, fmt.Errorf("client: checkpoint: validator %X has a %s key, not ed25519", val.Address, val.PubKey.Type())
		}
		out[i] = apitypes.SetMember{PubKey: pk.Bytes(), Power: val.VotingPower}
	}
	return out, nil
}

// UnmarshalBinary decodes what MarshalBinary wrote, strictly: every key
// and eon checked, no member twice, each set's members hashing to the hash
// written with it.
func (c *Checkpoint) UnmarshalBinary(b []byte) error {
	var j checkpointJSON
	if err := eon.StrictJSON(b, &j); err != nil {
		return fmt.Errorf("client: checkpoint: %w", err)
	}
	if j.Version != checkpointVersion {
		return fmt.Errorf("client: checkpoint version %d, want %d", j.Version, checkpointVersion)
	}
	out := Checkpoint{Slot: j.Slot, chainID: j.ChainID, domain: eip712.Domain{ChainID: j.DomainChainID, Salt: j.DomainSalt}}
	var err error
	if out.validators, err = validatorSet("validators", j.Validators, j.ValidatorsHash); err != nil {
		return err
	}
	if j.NextValidators != nil || j.NextHash != nil {
		if out.nextSet, err = validatorSet("nextValidators", j.NextValidators, j.NextHash); err != nil {
			return err
		}
	}
	if out.eon, err = eon.Parse(j.Eon); err != nil {
		return fmt.Errorf("client: checkpoint eon: %w", err)
	}
	if j.NextEon != nil {
		if out.nextEon, err = eon.Parse(j.NextEon); err != nil {
			return fmt.Errorf("client: checkpoint next eon: %w", err)
		}
	}
	*c = out
	return nil
}

func validatorSet(field string, ms []apitypes.SetMember, hash []byte) (*types.ValidatorSet, error) {
	set, err := memberSet(ms, hash)
	if err != nil {
		return nil, fmt.Errorf("client: checkpoint %s: %w", field, err)
	}
	return set, nil
}
