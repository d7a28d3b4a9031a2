package proposer

import (
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/common"

	"github.com/veil-sequencer/veil/threshold"
)

// StatementDue is a committee statement for L1 the chain waits for the
// active committee to sign (protocol §9, §10), besides batch headers: the
// next eon's EonKey(chainId, eon, publicKey, keypersRoot), whose subject
// is the new eon, or a Slash(chainId, registration, height, evidenceHash),
// whose subject is the registration. The chain computed its EIP-712
// digest from committed state; nobody hands it in.
type StatementDue struct {
	Subject uint64      // the new eon (EonKey) or the registration (Slash)
	Signer  uint64      // the eon whose committee signs (the active one)
	Digest  common.Hash // the statement's EIP-712 digest under the domain
}

// Identity is the signing identity whose key is the statement's σ.
func (d *StatementDue) Identity(chainID uint64) threshold.Identity {
	return threshold.SigningIdentity(chainID, d.Signer, d.Digest)
}

// StatementSig is the active committee's signature of a due statement as
// a record carries it.
type StatementSig struct {
	Subject uint64
	Sigma   *threshold.IdentityKey
}

// ErrBadStatement is a record's statement signature that is not the due
// statement's or does not verify.
var ErrBadStatement = errors.New("proposer: the record's statement signature is not valid for the due statement")

// checkStatement verifies a record's signature of a statement (what names
// its kind) against the due one under the signing eon's key (in.EonKey:
// the signer is the active eon).
func checkStatement(in Inputs, what string, due *StatementDue, sig *StatementSig) error {
	if sig == nil {
		return nil
	}
	if due == nil || sig.Subject != due.Subject || due.Signer != in.Eon {
		return fmt.Errorf("%w: %s %d is not due", ErrBadStatement, what, sig.Subject)
	}
	if err := threshold.VerifyKey(in.EonKey, due.Identity(in.ChainID).Point(), sig.Sigma); err != nil {
		return fmt.Errorf("%w: %s %d: %v", ErrBadStatement, what, sig.Subject, err)
	}
	return nil
}

// takeStatement is what Build records of a statement: the signature the
// proposer has of the due one, nil otherwise.
func takeStatement(due *StatementDue, sig *StatementSig) *StatementSig {
	if sig != nil && due != nil && sig.Subject == due.Subject {
		return sig
	}
	return nil
}
