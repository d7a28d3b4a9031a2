package chain

import (
	"crypto/sha256"
	"encoding/binary"
	"testing"

	"github.com/veil-sequencer/veil/mempool"
)

// TestVerifiedSetBytes: the memory of verified transactions is bounded in
// bytes, not entries (64 KiB transactions are valid: a count bound let 2^16
// of them hold 4 GiB), and it forgets the oldest first.
func TestVerifiedSetBytes(t *testing.T) {
	v := NewVerifiedSet()
	const size = 64 << 10
	n := 2 * verifiedBytes / size
	var first, last [32]byte
	for i := range n {
		h := sha256.Sum256(binary.BigEndian.AppendUint64(nil, uint64(i)))
		v.add(h, size, &mempool.Checked{})
		if v.bytes > verifiedBytes {
			t.Fatalf("after %d adds: %d bytes held, bound %d", i+1, v.bytes, verifiedBytes)
		}
		if i == 0 {
			first = h
		}
		last = h
	}
	if v.get(first) != nil || v.get(last) == nil {
		t.Fatal("the set did not forget the oldest first")
	}
	if len(v.set) != len(v.order) || len(v.set) != verifiedBytes/size {
		t.Fatalf("%d entries, %d in order, want %d", len(v.set), len(v.order), verifiedBytes/size)
	}
}
