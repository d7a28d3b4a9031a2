package contracts

import (
	"fmt"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"

	"github.com/veil-sequencer/veil/merkle"
)

// TestMerkleProof: L1's MerkleProof accepts every proof Go's merkle package
// makes, for every index of lists of 1 to 33 items, and judges every
// altered proof (another item, index or size, cut short, lengthened, a
// node changed) as Go's merkle.Verify does.
func TestMerkleProof(t *testing.T) {
	chain := newL1(t)
	call := &bind.CallOpts{}
	for n := 1; n <= 33; n++ {
		items := make([][]byte, n)
		for i := range items {
			items[i] = []byte(fmt.Sprintf("withdrawal %d of %d", i, n))
		}
		root := merkle.Root(items)
		for i := range items {
			proof, err := merkle.Proof(items, i)
			if err != nil {
				t.Fatal(err)
			}
			path := make([][32]byte, len(proof))
			for j, h := range proof {
				path[j] = h
			}
			ok, err := chain.check.VerifyMerkle(call, root, items[i], bigU(i), bigU(n), path)
			if err != nil || !ok {
				t.Fatalf("n=%d i=%d: %v %v", n, i, ok, err)
			}
			// Each variant: L1's verdict is Go's, and the ones that change
			// the item, a node or put the index past the size are refused
			// (an RFC 6962 proof need not pin the size: a proof for a list
			// of 3 also fits a list of 4 whose last subtree is that leaf).
			type variant struct {
				item   []byte
				index  int
				size   int
				path   [][32]byte
				refuse bool
			}
			changed := append([][32]byte(nil), path...)
			if len(changed) > 0 {
				changed[0][0] ^= 1
			}
			variants := map[string]variant{
				"another item":           {[]byte("forged"), i, n, path, true},
				"another index":          {items[i], (i + 1) % n, n, path, n > 1},
				"a larger size":          {items[i], i, n + 1, path, false},
				"an index past the size": {items[i], n, n, path, true},
				"a node appended":        {items[i], i, n, append(append([][32]byte(nil), path...), [32]byte(root)), false},
			}
			if len(path) > 0 {
				variants["cut short"] = variant{items[i], i, n, path[:len(path)-1], false}
				variants["a node changed"] = variant{items[i], i, n, changed, true}
			}
			for name, v := range variants {
				ok, err := chain.check.VerifyMerkle(call, root, v.item, bigU(v.index), bigU(v.size), v.path)
				if err != nil {
					t.Fatal(err)
				}
				hashes := make([]common.Hash, len(v.path))
				for j, h := range v.path {
					hashes[j] = h
				}
				goOK := merkle.Verify(root, v.item, v.index, v.size, hashes) == nil
				if ok != goOK || (v.refuse && ok) {
					t.Fatalf("n=%d i=%d %s: L1 %v, Go %v", n, i, name, ok, goOK)
				}
			}
		}
	}
}

func bigU(i int) *big.Int { return big.NewInt(int64(i)) }

// BenchmarkMerkleGas reports the gas of checking one item of a
// 1,024-item list on L1 (LibCheck.verifyMerkle as a transaction).
func BenchmarkMerkleGas(b *testing.B) {
	chain := newL1(b)
	items := make([][]byte, 1024)
	for i := range items {
		items[i] = []byte(fmt.Sprintf("withdrawal %d", i))
	}
	proof, err := merkle.Proof(items, 700)
	if err != nil {
		b.Fatal(err)
	}
	path := make([][32]byte, len(proof))
	for j, h := range proof {
		path[j] = h
	}
	parsed, _ := LibCheckMetaData.GetAbi()
	input, err := parsed.Pack("verifyMerkle", [32]byte(merkle.Root(items)), items[700], big.NewInt(700), big.NewInt(1024), path)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(chain.gas(b, input)), "gas")
}
