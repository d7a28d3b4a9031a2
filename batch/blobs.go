package batch

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/crypto/kzg4844"
)

// Blob packing: each of a blob's 4096 field elements carries 31 bytes
// (its first byte zero, so every element is below the BLS12-381 scalar
// field's modulus), in order; the stream is the data's length (4 bytes)
// then the data, zero-padded to whole blobs.
const (
	elementsPerBlob = 4096
	bytesPerElement = 31
	// BlobCapacity is the bytes of stream one blob carries.
	BlobCapacity = elementsPerBlob * bytesPerElement
	// MaxBlobs is the most blobs one batch takes: one blob transaction's
	// worth under Prague's limit (EIP-7691), so a batch is one L1
	// transaction.
	MaxBlobs = 6
	// MaxData is the most batch data one batch carries.
	MaxData = MaxBlobs*BlobCapacity - 4
)

// ErrBlobs is blob data that does not unpack.
var ErrBlobs = errors.New("batch: blobs do not hold batch data")

// Blobs packs data into as few blobs as hold it (at least one).
func Blobs(data []byte) ([]kzg4844.Blob, error) {
	if len(data) > MaxData {
		return nil, fmt.Errorf("batch: %d bytes of data, at most %d (%d blobs)", len(data), MaxData, MaxBlobs)
	}
	stream := binary.BigEndian.AppendUint32(make([]byte, 0, 4+len(data)), uint32(len(data)))
	stream = append(stream, data...)
	n := max(1, (len(stream)+BlobCapacity-1)/BlobCapacity)
	blobs := make([]kzg4844.Blob, n)
	for i := range n * elementsPerBlob {
		from := i * bytesPerElement
		if from >= len(stream) {
			break
		}
		b, e := i/elementsPerBlob, i%elementsPerBlob
		copy(blobs[b][e*32+1:e*32+32], stream[from:min(from+bytesPerElement, len(stream))])
	}
	return blobs, nil
}

// FromBlobs unpacks the data of blobs packed by Blobs, refusing any other
// packing: an element whose first byte is set, a length beyond the blobs,
// or padding that is not zero (so one data has exactly one packing).
func FromBlobs(blobs []kzg4844.Blob) ([]byte, error) {
	if len(blobs) == 0 || len(blobs) > MaxBlobs {
		return nil, fmt.Errorf("%w: %d blobs", ErrBlobs, len(blobs))
	}
	stream := make([]byte, 0, len(blobs)*BlobCapacity)
	for b := range blobs {
		for e := range elementsPerBlob {
			el := blobs[b][e*32 : e*32+32]
			if el[0] != 0 {
				return nil, fmt.Errorf("%w: blob %d element %d has its first byte set", ErrBlobs, b, e)
			}
			stream = append(stream, el[1:]...)
		}
	}
	size := int(binary.BigEndian.Uint32(stream))
	if size > len(stream)-4 || (len(blobs) > 1 && 4+size <= (len(blobs)-1)*BlobCapacity) {
		return nil, fmt.Errorf("%w: %d bytes of data in %d blobs", ErrBlobs, size, len(blobs))
	}
	for _, c := range stream[4+size:] {
		if c != 0 {
			return nil, fmt.Errorf("%w: padding is not zero", ErrBlobs)
		}
	}
	return stream[4 : 4+size], nil
}

// Commitments are the blobs' KZG commitments and their versioned hashes,
// what a blob transaction carries and BLOBHASH reads.
func Commitments(blobs []kzg4844.Blob) ([]kzg4844.Commitment, []common.Hash, error) {
	commits := make([]kzg4844.Commitment, len(blobs))
	hashes := make([]common.Hash, len(blobs))
	for i := range blobs {
		c, err := kzg4844.BlobToCommitment(&blobs[i])
		if err != nil {
			return nil, nil, fmt.Errorf("batch: blob %d: %w", i, err)
		}
		commits[i] = c
		hashes[i] = kzg4844.CalcBlobHashV1(sha256.New(), &c)
	}
	return commits, hashes, nil
}

// DataHash is the header's dataHash: keccak256 of the versioned hashes in
// order, as BatchInbox computes it from BLOBHASH.
func DataHash(versionedHashes []common.Hash) common.Hash {
	buf := make([]byte, 0, 32*len(versionedHashes))
	for _, h := range versionedHashes {
		buf = append(buf, h[:]...)
	}
	return crypto.Keccak256Hash(buf)
}
