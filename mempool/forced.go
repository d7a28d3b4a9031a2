package mempool

import (
	"bytes"

	"github.com/ethereum/go-ethereum/core/types"

	"github.com/veil-sequencer/veil/decrypt"
	"github.com/veil-sequencer/veil/params"
)

// Reasons a forced item is refused besides the envelope rules' codes and
// decrypt's reasons.
const (
	ReasonForcedGas       = "gas_above_forced_gas"           // it declared more than a slot gives forced items
	ReasonGasExceedsItem  = decrypt.ReasonGasExceedsDeclared // its own gas limit is above what it declared
	ReasonForcedDuplicate = "duplicate_plain"                // a plain transaction already forced
)

// IsForcedEnvelope reports whether a forced item is taken for an envelope
// (its first byte past JSON whitespace is '{'); any other is a plain
// transaction.
func IsForcedEnvelope(item []byte) bool {
	first := bytes.TrimLeft(item, " \t\r\n")
	return len(first) > 0 && first[0] == '{'
}

// ForcedPlain judges a forced plain transaction (protocol §9) by the rules
// that need no state: within forcedGas, paying the envelope gas floor for
// its bytes (a slot's gas bounds its batch data), a canonical signed
// transaction of the chain within the gas it declared. The chain and
// readers of L1 (the escape hatch) judge alike with it; the one stateful
// rule, ReasonForcedDuplicate, each applies over the plain items passed
// before. It returns "" and the transaction when the item passes.
func ForcedPlain(item []byte, declared uint64, chainID uint64, p params.Params) (string, *types.Transaction) {
	if declared > p.ForcedGas() {
		return ReasonForcedGas, nil
	}
	if floor := BaseGas + GasPerByte*uint64(len(item)); declared < floor {
		return CodeGasTooLow.String(), nil
	}
	res, tx := decrypt.Plain(item, chainID, declared)
	if res.Status != decrypt.Decrypted {
		return res.Reason, nil
	}
	return "", tx
}
