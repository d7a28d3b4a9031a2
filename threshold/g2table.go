package threshold

import (
	"sync"

	bls "github.com/consensys/gnark-crypto/ecc/bls12-381"
	"github.com/consensys/gnark-crypto/ecc/bls12-381/fr"
)

// r·G2gen is on the hot path of both Encrypt (C1) and Decrypt (the C1
// re-derivation check). A fixed-base table of byte windows turns it into at
// most 32 mixed additions, about a seventh of gnark's generic GLS
// multiplication. The table (32 × 255 affine points, 1.5 MiB) is derived
// from the constant generator once per process and never written again.
const (
	baseWindows = fr.Bytes // one window per scalar byte
	baseDigits  = 255      // non-zero byte values
)

type g2BaseTable [baseWindows][baseDigits]bls.G2Affine

var g2Base = sync.OnceValue(buildG2BaseTable)

func buildG2BaseTable() *g2BaseTable {
	t := new(g2BaseTable)
	var base bls.G2Jac
	base.FromAffine(&g2Gen)
	row := make([]bls.G2Jac, baseDigits)
	for w := range baseWindows {
		row[0] = base
		for d := 1; d < baseDigits; d++ {
			row[d] = row[d-1]
			row[d].AddAssign(&base)
		}
		batchToAffineG2(t[w][:], row)
		for range 8 {
			base.DoubleAssign()
		}
	}
	return t
}

// batchToAffineG2 converts Jacobian points with one inversion (Montgomery's
// trick); points at infinity (Z = 0) become the affine infinity (0, 0).
func batchToAffineG2(dst []bls.G2Affine, src []bls.G2Jac) {
	prefix := make([]bls.E2, len(src))
	var acc bls.E2
	acc.SetOne()
	for i := range src {
		prefix[i] = acc
		if !src[i].Z.IsZero() {
			acc.Mul(&acc, &src[i].Z)
		}
	}
	acc.Inverse(&acc)
	for i := len(src) - 1; i >= 0; i-- {
		if src[i].Z.IsZero() {
			dst[i].SetInfinity()
			continue
		}
		var zInv, zInv2 bls.E2
		zInv.Mul(&acc, &prefix[i])
		acc.Mul(&acc, &src[i].Z)
		zInv2.Square(&zInv)
		dst[i].X.Mul(&src[i].X, &zInv2)
		dst[i].Y.Mul(&src[i].Y, &zInv2).Mul(&dst[i].Y, &zInv)
	}
}

// mulG2Base returns s·G2gen in Jacobian coordinates. Not constant time: the
// table index and the skipped zero windows depend on s.
func mulG2Base(s *fr.Element) bls.G2Jac {
	t := g2Base()
	b := s.Bytes() // big-endian, canonical
	var acc bls.G2Jac
	acc.X.SetOne()
	acc.Y.SetOne() // Z = 0: the point at infinity
	for w := range baseWindows {
		if d := b[fr.Bytes-1-w]; d != 0 {
			acc.AddMixed(&t[w][d-1])
		}
	}
	return acc
}

// jacEqualsAffine reports p == a without an inversion: X = x·Z², Y = y·Z³.
func jacEqualsAffine(p *bls.G2Jac, a *bls.G2Affine) bool {
	if p.Z.IsZero() {
		return a.IsInfinity()
	}
	var zz, zzz, t bls.E2
	zz.Square(&p.Z)
	if !t.Mul(&a.X, &zz).Equal(&p.X) {
		return false
	}
	zzz.Mul(&zz, &p.Z)
	return t.Mul(&a.Y, &zzz).Equal(&p.Y)
}
