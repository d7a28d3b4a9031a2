package client_test

import (
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/cometbft/cometbft/types"

	"github.com/veil-sequencer/veil/api"
	"github.com/veil-sequencer/veil/client"
	"github.com/veil-sequencer/veil/dkg"
	"github.com/veil-sequencer/veil/eip712"
)

// A rollup node checks a slot it read from any Veil node, trusting only
// the validator set and eon of its genesis.
func ExampleVerifier_Verify() {
	gen, err := types.GenesisDocFromFile("genesis.json") // CometBFT's genesis of the Veil chain
	if err != nil {
		fmt.Println(err)
		return
	}
	var vals []*types.Validator
	for _, v := range gen.Validators {
		vals = append(vals, types.NewValidator(v.PubKey, v.Power))
	}
	var eon *dkg.EonInfo     // from the same genesis (GET /v1/eon, checked against it)
	var domain eip712.Domain // chain id and the genesis hash as salt
	ver := &client.Verifier{ChainID: gen.ChainID, Validators: types.NewValidatorSet(vals), Eon: eon, Domain: domain}

	resp, err := http.Get("http://127.0.0.1:8650/v1/blocks/42")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer resp.Body.Close()
	var b api.Block
	if err := json.NewDecoder(resp.Body).Decode(&b); err != nil {
		fmt.Println(err)
		return
	}
	slot, err := ver.Verify(&b)
	if err != nil {
		fmt.Println("refused:", err) // names the part that does not verify
		return
	}
	fmt.Println(slot.Slot, len(slot.Txs), "transactions,", len(slot.Invalid), "invalid")
}
