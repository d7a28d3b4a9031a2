package client_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"

	"github.com/veil-sequencer/veil/api/apitypes"
	"github.com/veil-sequencer/veil/client"
)

// A rollup node checks a slot it read from any Veil node, trusting only
// the validator set and eon of its genesis.
func ExampleVerifier_Verify() {
	doc, err := os.ReadFile("genesis.json") // the Veil chain's CometBFT genesis document
	if err != nil {
		fmt.Println(err)
		return
	}
	ver, err := client.FromGenesis(doc) // its validators, chain id, eon and signing domain
	if err != nil {
		fmt.Println(err)
		return
	}
	resp, err := http.Get("http://127.0.0.1:8650/v1/blocks/42")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer resp.Body.Close()
	var b apitypes.Block
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
