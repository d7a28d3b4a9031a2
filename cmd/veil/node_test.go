package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestWriteConfigs writes a network for separate processes and checks that
// every node directory is complete, its config loads with absolute paths
// into that directory, and every key file is 0600.
func TestWriteConfigs(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "net")
	out, errs, code := runVeil(t, nil, "devnet", "--write-configs", dir, "--validators", "4", "--http", "127.0.0.1:7100", "--builders", "1")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "veil node --config "+filepath.Join(dir, "node-3", "veil.toml")) {
		t.Errorf("output does not show how to start node 3:\n%s", out)
	}
	keys := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		st, err := d.Info()
		if err != nil {
			return err
		}
		name := d.Name()
		if strings.HasSuffix(name, ".key") || strings.HasSuffix(name, "_key.json") || name == "keyper.json" || name == "devnet.json" {
			keys++
			if st.Mode().Perm() != 0o600 {
				t.Errorf("%s: mode %v, want 0600", p, st.Mode().Perm())
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// per node: priv_validator_key, node_key, keyper.json, keyper.key; one
	// builder key; the rollup relay's two keys (the last quarter of the 8
	// wallet accounts); devnet.json
	if want := 4*4 + 1 + 2 + 1; keys != want {
		t.Errorf("%d key files, want %d", keys, want)
	}
	// APIs on 7100-7103, keyper listeners on 7104-7107; each keyper sends
	// to the other three's listeners.
	var dn devnetFile
	if b, err := os.ReadFile(filepath.Join(dir, "devnet.json")); err != nil || json.Unmarshal(b, &dn) != nil {
		t.Fatalf("devnet.json: %v", err)
	}
	for i := range 4 {
		node := filepath.Join(dir, "node-"+string(rune('0'+i)))
		c, err := loadNodeConfig(filepath.Join(node, "veil.toml"))
		if err != nil {
			t.Fatal(err)
		}
		api, keyper := fmt.Sprintf("127.0.0.1:%d", 7100+i), fmt.Sprintf("127.0.0.1:%d", 7104+i)
		var peers []string
		for j := range 4 {
			if j != i {
				peers = append(peers, fmt.Sprintf("http://127.0.0.1:%d", 7104+j))
			}
		}
		if c.Index != i || c.APIListen != api || c.KeyperListen != keyper || c.Home != node || c.Genesis != filepath.Join(dir, "genesis.json") ||
			c.KeyperShare != filepath.Join(node, "keyper.json") || len(c.Peers) != 3 || !slices.Equal(c.KeyperPeers, peers) || c.BlockTime != "500ms" {
			t.Errorf("node %d config: %+v", i, c)
		}
		if v := dn.Validators[i]; v.API != "http://"+api || v.KeyperListener != "http://"+keyper {
			t.Errorf("devnet.json validator %d: %+v", i, v)
		}
	}
	if _, errs, code := runVeil(t, nil, "devnet", "--write-configs", dir); code == 0 || !strings.Contains(errs, "already holds a network") {
		t.Errorf("writing over a network: exit %d, %s", code, errs)
	}
}

func TestNodeConfigErrors(t *testing.T) {
	valid := `api_listen = "127.0.0.1:1"
home = "h"
genesis = "g.json"
block_time = "500ms"
p2p_listen = "127.0.0.1:2"
peers = ["0123456789012345678901234567890123456789@127.0.0.1:3"]
`
	cases := []struct {
		name, text, want string
	}{
		{"misspelt key", valid + "api_listn = \"x\"\n", "api_listn"},
		{"missing home", strings.Replace(valid, `home = "h"`, "", 1), "home is required"},
		{"bad peer", strings.Replace(valid, "0123456789012345678901234567890123456789@", "abc@", 1), "peers"},
		{"bad listen", strings.Replace(valid, `api_listen = "127.0.0.1:1"`, `api_listen = "nohost"`, 1), "api_listen"},
		{"share without key", valid + "keyper_share_file = \"k.json\"\n", "needs keyper_key_file"},
		{"keyper without listener", valid + "keyper_share_file = \"k.json\"\nkeyper_key_file = \"k.key\"\n", "keyper_listen is required"},
		{"joining keyper without listener", valid + "keyper_key_file = \"k.key\"\n", "keyper_listen is required"},
		{"bad keyper listen", valid + "keyper_listen = \"nohost\"\n", "keyper_listen"},
		{"keyper listen on the API", valid + "keyper_listen = \"127.0.0.1:1\"\n", "api_listen and keyper_listen"},
		{"not toml", "api_listen = ", "--config"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "veil.toml")
			if err := os.WriteFile(p, []byte(tc.text), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := loadNodeConfig(p)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one naming %q", err, tc.want)
			}
		})
	}
	p := filepath.Join(t.TempDir(), "veil.toml")
	if err := os.WriteFile(p, []byte(valid), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := loadNodeConfig(p)
	if err != nil {
		t.Fatal(err)
	}
	if c.Home != filepath.Join(filepath.Dir(p), "h") {
		t.Errorf("home %q not resolved against the config's directory", c.Home)
	}
	c.BlockTime = "100ms"
	if _, err := c.blockTime(); err == nil {
		t.Error("block_time 100ms accepted")
	}
}

func TestPrivateFiles(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		mode   os.FileMode
		wantOK bool
	}{{0o600, true}, {0o400, true}, {0o640, false}, {0o644, false}, {0o604, false}} {
		p := filepath.Join(dir, tc.mode.String())
		if err := os.WriteFile(p, []byte("k"), tc.mode); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(p, tc.mode); err != nil { // past the umask
			t.Fatal(err)
		}
		if err := privateFiles(p); (err == nil) != tc.wantOK {
			t.Errorf("mode %v: %v", tc.mode, err)
		}
	}
	if err := privateFiles(filepath.Join(dir, "absent")); err == nil {
		t.Error("a missing key file accepted")
	}
}

// TestWaitPeerHosts: peers named by IP pass at once; a name that never
// resolves holds the start for the limit only, then is logged and left to
// dial in (CometBFT drops it); a malformed peer is an error; a cancelled
// start ends the wait.
func TestWaitPeerHosts(t *testing.T) {
	var logs bytes.Buffer
	log := slog.New(slog.NewTextHandler(&logs, nil))
	id := strings.Repeat("ab", 20)
	if err := waitPeerHosts(context.Background(), []string{id + "@127.0.0.1:26656", id + "@[::1]:26656"}, time.Minute, log); err != nil {
		t.Fatalf("IP peers: %v", err)
	}
	start := time.Now()
	if err := waitPeerHosts(context.Background(), []string{id + "@veil-no-such-peer.invalid:26656"}, 300*time.Millisecond, log); err != nil {
		t.Fatalf("unresolvable peer: %v", err)
	}
	if took := time.Since(start); took > 20*time.Second {
		t.Errorf("the wait took %v, limit 300ms", took)
	}
	if !strings.Contains(logs.String(), "veil-no-such-peer.invalid") || !strings.Contains(logs.String(), "does not resolve") {
		t.Errorf("no warning naming the peer:\n%s", logs.String())
	}
	if err := waitPeerHosts(context.Background(), []string{id + "@no-port"}, time.Second, log); err == nil || !strings.Contains(err.Error(), "no-port") {
		t.Errorf("malformed peer: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := waitPeerHosts(ctx, []string{id + "@veil-no-such-peer.invalid:26656"}, time.Minute, log); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v, want context.Canceled", err)
	}
}
