// Package merkle computes the roots Veil commits lists with (protocol §4): an
// RFC 6962 Merkle tree over keccak256, leaf keccak256(0x00 ‖ item), node
// keccak256(0x01 ‖ left ‖ right), the empty list keccak256(""), split at the
// largest power of two below the size. Proofs let a light client check one
// item against a root it trusts.
package merkle

import (
	"errors"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// ErrProof is a proof that does not fit its index and size.
var ErrProof = errors.New("merkle: malformed proof")

// Empty is the root of the empty list.
var Empty = crypto.Keccak256Hash(nil)

// LeafHash is keccak256(0x00 ‖ item).
func LeafHash(item []byte) common.Hash { return crypto.Keccak256Hash([]byte{0x00}, item) }

func nodeHash(l, r common.Hash) common.Hash { return crypto.Keccak256Hash([]byte{0x01}, l[:], r[:]) }

// Root returns the root of items.
func Root(items [][]byte) common.Hash {
	if len(items) == 0 {
		return Empty
	}
	leaves := make([]common.Hash, len(items))
	for i, it := range items {
		leaves[i] = LeafHash(it)
	}
	return rootOf(leaves)
}

func rootOf(h []common.Hash) common.Hash {
	if len(h) == 1 {
		return h[0]
	}
	k := split(len(h))
	return nodeHash(rootOf(h[:k]), rootOf(h[k:]))
}

// split is the largest power of two strictly below n (n ≥ 2).
func split(n int) int {
	k := 1
	for k<<1 < n {
		k <<= 1
	}
	return k
}

// Proof returns the audit path of item i (RFC 6962 §2.1.1), leaf to root.
func Proof(items [][]byte, i int) ([]common.Hash, error) {
	if i < 0 || i >= len(items) {
		return nil, ErrProof
	}
	leaves := make([]common.Hash, len(items))
	for j, it := range items {
		leaves[j] = LeafHash(it)
	}
	var path []common.Hash
	for len(leaves) > 1 {
		k := split(len(leaves))
		if i < k {
			path = append(path, rootOf(leaves[k:]))
			leaves = leaves[:k]
		} else {
			path = append(path, rootOf(leaves[:k]))
			leaves, i = leaves[k:], i-k
		}
	}
	// Collected root to leaf; verification walks leaf to root.
	for l, r := 0, len(path)-1; l < r; l, r = l+1, r-1 {
		path[l], path[r] = path[r], path[l]
	}
	return path, nil
}

// Verify checks that item is at index i of a list of size n with the root.
func Verify(root common.Hash, item []byte, i, n int, path []common.Hash) error {
	if i < 0 || i >= n {
		return ErrProof
	}
	h, rest, err := climb(LeafHash(item), i, n, path)
	if err != nil {
		return err
	}
	if len(rest) != 0 || h != root {
		return ErrProof
	}
	return nil
}

// climb rebuilds the root of a subtree of size n in which the leaf hash h is
// at index i, consuming the path from its end (the sibling nearest the root
// last).
func climb(h common.Hash, i, n int, path []common.Hash) (common.Hash, []common.Hash, error) {
	if n == 1 {
		return h, path, nil
	}
	if len(path) == 0 {
		return common.Hash{}, nil, ErrProof
	}
	k := split(n)
	sibling, rest := path[len(path)-1], path[:len(path)-1]
	if i < k {
		sub, rest, err := climb(h, i, k, rest)
		return nodeHash(sub, sibling), rest, err
	}
	sub, rest, err := climb(h, i-k, n-k, rest)
	return nodeHash(sibling, sub), rest, err
}
