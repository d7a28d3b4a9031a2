package threshold

import (
	"fmt"
	"io"
	"math/big"

	"github.com/consensys/gnark-crypto/ecc/bls12-381/fr"
)

// randomScalar reads 48 bytes and reduces them mod q (bias < 2⁻¹²⁸).
func randomScalar(rand io.Reader) (fr.Element, error) {
	var b [48]byte
	var s fr.Element
	if _, err := io.ReadFull(rand, b[:]); err != nil {
		return s, fmt.Errorf("%w: %w", ErrRandom, err)
	}
	s.SetBigInt(new(big.Int).SetBytes(b[:]))
	return s, nil
}

// evalPoly evaluates the polynomial with the given coefficients at x (Horner).
func evalPoly(coeffs []fr.Element, x uint64) fr.Element {
	var fx, acc fr.Element
	fx.SetUint64(x)
	for i := len(coeffs) - 1; i >= 0; i-- {
		acc.Mul(&acc, &fx).Add(&acc, &coeffs[i])
	}
	return acc
}
