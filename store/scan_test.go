package store

import (
	"bytes"
	"fmt"
	"testing"
)

func TestScanMergesWrites(t *testing.T) {
	s := openStore(t, t.TempDir())
	defer s.Close()
	b := s.Begin()
	for _, k := range []string{"a1", "a3", "a5", "b1"} {
		b.Set([]byte("\x01"+k), []byte("old "+k))
	}
	if _, err := s.Commit(b, 1); err != nil {
		t.Fatal(err)
	}
	b = s.Begin()
	b.Set([]byte("\x01a2"), []byte("new a2")) // new between committed keys
	b.Set([]byte("\x01a3"), []byte("new a3")) // overwrite
	b.Delete([]byte("\x01a5"))                // delete committed
	b.Set([]byte("\x01a9"), []byte("new a9")) // new after the last
	b.Set([]byte("\x01a7"), []byte("tmp"))    // new, then deleted
	b.Delete([]byte("\x01a7"))
	var got []string
	if err := b.Scan([]byte("\x01a"), func(k, v []byte) bool {
		got = append(got, fmt.Sprintf("%s=%s", k[1:], v))
		return true
	}); err != nil {
		t.Fatal(err)
	}
	want := "[a1=old a1 a2=new a2 a3=new a3 a9=new a9]"
	if fmt.Sprint(got) != want {
		t.Fatalf("scan %v, want %s", got, want)
	}
	// Early stop.
	n := 0
	_ = b.Scan([]byte("\x01"), func(k, v []byte) bool { n++; return n < 2 })
	if n != 2 {
		t.Fatalf("scan went on after false: %d", n)
	}
	if !bytes.Equal(prefixEnd([]byte{0x01, 0xff}), []byte{0x02}) || prefixEnd([]byte{0xff}) != nil {
		t.Fatal("prefixEnd")
	}
}
