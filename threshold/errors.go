package threshold

import (
	"errors"
	"fmt"
)

// Sentinel errors for untrusted input. Decoders wrap them in a *DecodeError
// that names the field; match them with errors.Is.
var (
	ErrLength        = errors.New("threshold: wrong length")
	ErrEncoding      = errors.New("threshold: bad point encoding flags")
	ErrNonCanonical  = errors.New("threshold: coordinate or scalar not reduced")
	ErrNotOnCurve    = errors.New("threshold: point not on the curve")
	ErrNotInSubgroup = errors.New("threshold: point not in the prime-order subgroup")
	ErrInfinity      = errors.New("threshold: point at infinity")
	ErrZeroScalar    = errors.New("threshold: zero scalar")
	ErrVersion       = errors.New("threshold: unknown ciphertext version")
	ErrPadding       = errors.New("threshold: bad padding")
	ErrHex           = errors.New("threshold: bad hex")

	// ErrDecrypt means the ciphertext did not decrypt under the key: the
	// re-derived C1 differs, so the key is wrong or the ciphertext was mauled.
	ErrDecrypt = errors.New("threshold: ciphertext does not decrypt under this key")

	// ErrBadShare is a share that fails its pairing check against the
	// keyper's public share; ErrBadKey a combined key that fails against the
	// eon key.
	ErrBadShare = errors.New("threshold: invalid key share")
	ErrBadKey   = errors.New("threshold: invalid identity key")

	ErrThreshold      = errors.New("threshold: bad threshold parameters")
	ErrKeyperIndex    = errors.New("threshold: keyper index out of range")
	ErrDuplicateShare = errors.New("threshold: duplicate keyper share")
	ErrTooFewShares   = errors.New("threshold: fewer shares than the threshold")
	ErrMixedIdentity  = errors.New("threshold: shares for different identities")
	ErrRandom         = errors.New("threshold: randomness source failed")
)

// DecodeError says which field of which object failed to decode and why.
type DecodeError struct {
	Field string // e.g. "ciphertext.C1", "eon public key"
	Err   error  // one of the Err* sentinels, possibly with detail
}

func (e *DecodeError) Error() string { return e.Field + ": " + e.Err.Error() }

func (e *DecodeError) Unwrap() error { return e.Err }

func decodeErr(field string, err error) error { return &DecodeError{Field: field, Err: err} }

func lengthErr(field string, got, want int) error {
	return &DecodeError{Field: field, Err: fmt.Errorf("%w: %d bytes, want %d", ErrLength, got, want)}
}
