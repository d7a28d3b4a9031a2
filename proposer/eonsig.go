package proposer

import (
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/common"

	"github.com/veil-sequencer/veil/threshold"
)

// EonDue is the next eon's key statement the chain waits for the active
// committee to sign (protocol §10): EonKey(Eon, its public key, its
// keypersRoot), whose EIP-712 digest the chain computed from the DKG's
// result.
type EonDue struct {
	Eon    uint64      // the new eon
	Signer uint64      // the eon whose committee signs (the active one)
	Digest common.Hash // EonKey(chainId, Eon, publicKey, keypersRoot) under the domain
}

// Identity is the signing identity whose key is the statement's σ.
func (d *EonDue) Identity(chainID uint64) threshold.Identity {
	return threshold.SigningIdentity(chainID, d.Signer, d.Digest)
}

// EonSig is the active committee's signature of the next eon's key as a
// record carries it.
type EonSig struct {
	Eon   uint64
	Sigma *threshold.IdentityKey
}

// ErrBadEonSig is a record's eon-key signature that is not the due
// statement's or does not verify.
var ErrBadEonSig = errors.New("proposer: the record's eon key signature is not valid for the due statement")

// checkEonSig verifies a record's eon-key signature against the due
// statement under the signing eon's key (in.EonKey: the signer is the
// active eon).
func checkEonSig(in Inputs, sig *EonSig) error {
	if sig == nil {
		return nil
	}
	due := in.EonDue
	if due == nil || sig.Eon != due.Eon || due.Signer != in.Eon {
		return fmt.Errorf("%w: eon %d's key is not due", ErrBadEonSig, sig.Eon)
	}
	if err := threshold.VerifyKey(in.EonKey, due.Identity(in.ChainID).Point(), sig.Sigma); err != nil {
		return fmt.Errorf("%w: eon %d: %v", ErrBadEonSig, sig.Eon, err)
	}
	return nil
}
