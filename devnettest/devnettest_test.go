package devnettest

import (
	"fmt"
	"net"
	"os"
	"path/filepath"
	"testing"
)

// TestFreePorts: the ports returned are n in a row and all can be bound.
func TestFreePorts(t *testing.T) {
	for _, n := range []int{1, 9} {
		base := FreePorts(t, n)
		if base < 20000 || base+n > 32768 {
			t.Fatalf("FreePorts(%d) = %d: want a range in 20000…32767", n, base)
		}
		for p := base; p < base+n; p++ {
			l, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", p))
			if err != nil {
				t.Fatalf("FreePorts(%d) = %d: port %d: %v", n, base, p, err)
			}
			l.Close()
		}
	}
}

// TestRead decodes devnet.json.
func TestRead(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "devnet.json"), []byte(`{"nodes":["http://127.0.0.1:1"]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	var dn struct {
		Nodes []string `json:"nodes"`
	}
	Read(t, dir, &dn)
	if len(dn.Nodes) != 1 || dn.Nodes[0] != "http://127.0.0.1:1" {
		t.Fatalf("Read: %+v", dn)
	}
}
