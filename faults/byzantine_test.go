package faults

import (
	"bytes"
	"context"
	"fmt"
	"math/big"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/pelletier/go-toml/v2"

	"github.com/veil-sequencer/veil/api/apitypes"
	"github.com/veil-sequencer/veil/client"
	"github.com/veil-sequencer/veil/contracts"
	"github.com/veil-sequencer/veil/devnettest"
	"github.com/veil-sequencer/veil/keyfile"
	"github.com/veil-sequencer/veil/keyper"
	"github.com/veil-sequencer/veil/threshold"
)

// validators is GET /v1/validators.
type validators struct {
	Validators []struct {
		Address      string  `json:"address"`
		Bond         string  `json:"bond"`
		Power        int64   `json:"power"`
		Registration *uint64 `json:"registration"`
		Slashed      *struct {
			Slot   uint64 `json:"slot"`
			Height uint64 `json:"height"`
			Amount string `json:"amount"`
		} `json:"slashed"`
	} `json:"validators"`
}

// TestDoubleSign runs validator 3's key in two processes (a second home
// with a copy of its CometBFT key and a fresh sign state, so nothing stops
// it signing twice). The two sign conflicting votes, CometBFT turns them
// into evidence, and Veil's state slashes validator 3: bond 0, power 0. The
// other three keep the chain going, on one chain. The network runs on an
// L1 (veil l1 dev) where the validators registered: the committee signs a
// Slash statement for validator 3's registration and a node sends it to
// SequencerRegistry, which slashes its L1 stake.
func TestDoubleSign(t *testing.T) {
	l1 := startL1Process(t, filepath.Join(t.TempDir(), "l1"), devnettest.FreePorts(t, 1))
	nw := newNetwork(t, "500ms", 16, "--l1", l1.url, "--l1-key", l1.key)
	nw.startAll()
	twin := nw.twin(3)
	nw.procs = append(nw.procs, nil)
	nw.startWith(4, twin, filepath.Join(filepath.Dir(twin), "node.log"))
	t.Cleanup(func() {
		if t.Failed() {
			b, _ := os.ReadFile(filepath.Join(filepath.Dir(twin), "node.log"))
			t.Logf("twin log (last lines):\n%s", lastLines(string(b), 20))
		}
	})
	// Load through validator 3 so its two instances see different mempools
	// and propose different blocks.
	ld := nw.startLoad([]int{3, 0}, 20, 60*time.Second, 5*time.Second)
	addr := strings.ToLower(nw.devnet.Validators[3].Address)

	deadline := time.Now().Add(90 * time.Second)
	var slashedAt uint64
	var registration *uint64
	for slashedAt == 0 {
		if time.Now().After(deadline) {
			t.Fatalf("validator 3 not slashed within 90 s (height %d)", nw.height(0))
		}
		time.Sleep(500 * time.Millisecond)
		var vs validators
		if err := getJSON(nw.apis[0]+"/v1/validators", &vs); err != nil {
			continue
		}
		for _, v := range vs.Validators {
			if strings.TrimPrefix(strings.ToLower(v.Address), "0x") != addr {
				if v.Slashed != nil || v.Power != 1 {
					t.Fatalf("honest validator %s: %+v", v.Address, v)
				}
				continue
			}
			if v.Slashed != nil {
				if v.Bond != "0" || v.Power != 0 || v.Slashed.Amount != "32000000000000000000" || v.Slashed.Height == 0 {
					t.Fatalf("slashed validator: %+v, slashed %+v", v, *v.Slashed)
				}
				slashedAt, registration = v.Slashed.Slot, v.Registration
				t.Logf("validator 3 slashed in slot %d for equivocating at height %d", v.Slashed.Slot, v.Slashed.Height)
			}
		}
	}
	_ = ld.cmd.Process.Kill()
	nw.stop(4)
	nw.stop(3)
	// The others, three of four at first and all of the set once validator
	// 3's power is 0, go on, agreeing.
	nw.waitHeight(0, slashedAt+6, 20*time.Second)
	honest := []int{0, 1, 2}
	nw.agree(honest)
	// A rollup's client, trusting the genesis alone, follows the chain
	// across the change of validator set (power 0 from slot slashedAt+2).
	gen, err := os.ReadFile(filepath.Join(nw.dir, "genesis.json"))
	if err != nil {
		t.Fatal(err)
	}
	verifier, err := client.FromGenesis(gen)
	if err != nil {
		t.Fatal(err)
	}
	for s := slashedAt; s <= slashedAt+4; s++ {
		var b apitypes.Block
		if err := getJSON(fmt.Sprintf("%s/v1/blocks/%d", nw.apis[0], s), &b); err != nil {
			t.Fatal(err)
		}
		if _, err := verifier.Verify(&b); err != nil {
			t.Errorf("slot %d (validator 3 slashed in %d): %v", s, slashedAt, err)
		}
	}
	// The Slash statement reaches L1: validator 3's registration is
	// slashed there.
	if registration == nil {
		t.Fatal("validator 3 has no registration on L1")
	}
	eth, err := ethclient.Dial(l1.url)
	if err != nil {
		t.Fatal(err)
	}
	defer eth.Close()
	reg, err := contracts.NewSequencerRegistry(nw.registry(), eth)
	if err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(60 * time.Second); ; time.Sleep(time.Second) {
		r, err := reg.Registrations(&bind.CallOpts{}, new(big.Int).SetUint64(*registration))
		if err == nil && r.Slashed {
			t.Logf("registration %d slashed on L1 %v after Veil slashed it", *registration, time.Since(deadline.Add(-60*time.Second)).Round(time.Second))
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("registration %d not slashed on L1 within 60 s: %+v %v", *registration, r, err)
		}
	}
	for _, i := range honest {
		var vs validators
		if err := getJSON(nw.apis[i]+"/v1/validators", &vs); err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, v := range vs.Validators {
			if v.Slashed != nil {
				n++
			}
		}
		if n != 1 {
			t.Fatalf("node %d: %d validators slashed, want 1", i, n)
		}
	}
}

// twin makes a second home for validator i's key: its CometBFT key, a
// fresh sign state, a new node key, ports of its own and no keyper. It
// returns the twin's config path; its API is appended to nw.apis.
func (nw *network) twin(i int) string {
	nw.t.Helper()
	c := nw.readConfig(nw.config(i))
	home := filepath.Join(nw.dir, "twin")
	for _, d := range []string{"config", "data"} {
		if err := os.MkdirAll(filepath.Join(home, d), 0o700); err != nil {
			nw.t.Fatal(err)
		}
	}
	key, err := os.ReadFile(filepath.Join(nw.dir, fmt.Sprintf("node-%d", i), "config", "priv_validator_key.json"))
	if err != nil {
		nw.t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(home, "config", "priv_validator_key.json"), key, 0o600); err != nil {
		nw.t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(home, "data", "priv_validator_state.json"), []byte(`{"height":"0","round":0,"step":0}`), 0o600); err != nil {
		nw.t.Fatal(err)
	}
	ports := devnettest.FreePorts(nw.t, 2)
	c["api_listen"] = fmt.Sprintf("127.0.0.1:%d", ports)
	c["p2p_listen"] = fmt.Sprintf("127.0.0.1:%d", ports+1)
	c["home"] = home
	c["genesis"] = filepath.Join(nw.dir, "genesis.json")
	delete(c, "keyper_share_file")
	delete(c, "keyper_key_file")
	delete(c, "keyper_peers")
	delete(c, "keyper_listen")
	delete(c, "l1_poster_key_file") // the twin posts nothing to L1
	if _, ok := c["blob_archive"]; ok {
		c["blob_archive"] = filepath.Join(nw.dir, "twin-blobs")
	}
	path := filepath.Join(home, "veil.toml")
	nw.writeConfig(path, c)
	nw.apis = append(nw.apis, fmt.Sprintf("http://127.0.0.1:%d", ports))
	return path
}

// editConfig rewrites node i's veil.toml through edit.
func (nw *network) editConfig(i int, edit func(map[string]any)) {
	nw.t.Helper()
	c := nw.readConfig(nw.config(i))
	edit(c)
	nw.writeConfig(nw.config(i), c)
}

func (nw *network) readConfig(path string) map[string]any {
	nw.t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		nw.t.Fatal(err)
	}
	var c map[string]any
	if err := toml.Unmarshal(b, &c); err != nil {
		nw.t.Fatal(err)
	}
	return c
}

func (nw *network) writeConfig(path string, c map[string]any) {
	nw.t.Helper()
	b, err := toml.Marshal(c)
	if err != nil {
		nw.t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		nw.t.Fatal(err)
	}
}

// TestBadKeyper: keyper 4's node releases nothing, and keyper 4's key signs
// wrong shares instead (the test plays it: for every committed slot, a
// share of the next bid key, and for odd slots shares for the bundle's
// identities, each a valid point but not its share; nothing for even
// ones). Every node names keyper 4, and only it, in veil_share_faults_total
// (wrong shares) and veil_shares_missing_total (none sent), and every
// bundle is still decrypted by the three honest keypers (t = 3).
func TestBadKeyper(t *testing.T) {
	nw := newNetwork(t, "500ms", 16)
	nw.editConfig(3, func(c map[string]any) {
		delete(c, "keyper_share_file")
		delete(c, "keyper_key_file")
	})
	dir3 := filepath.Join(nw.dir, "node-3")
	ks, err := keyfile.Read(filepath.Join(dir3, "keyper.json"))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join(dir3, "keyper.key"))
	if err != nil {
		t.Fatal(err)
	}
	signer, err := crypto.HexToECDSA(strings.TrimPrefix(strings.TrimSpace(string(raw)), "0x"))
	if err != nil {
		t.Fatal(err)
	}
	domain := chainDomain(t, nw)
	nw.startAll()

	ctx, cancel := context.WithCancel(context.Background())
	var liar sync.WaitGroup
	var lies atomic.Int64
	liar.Go(func() {
		wrong := func() []byte {
			return ks.Share.Release(threshold.NewIdentityPoint([]byte("not this identity"))).Bytes()
		}
		send := func(m *keyper.Message) {
			if err := m.Sign(domain, signer); err != nil {
				t.Error(err)
				return
			}
			body := m.Encode()
			for _, api := range nw.keypers[:3] {
				resp, err := http.Post(api+"/v1/p2p/shares", "application/json", bytes.NewReader(body))
				if err == nil {
					resp.Body.Close()
					lies.Add(1)
				}
			}
		}
		var last uint64
		for ctx.Err() == nil {
			time.Sleep(50 * time.Millisecond)
			h := nw.height(0)
			for s := last + 1; s <= h && last > 0; s++ {
				b, err := nw.block(0, s)
				if err != nil {
					continue
				}
				send(&keyper.Message{ChainID: nw.devnet.ChainID, Eon: ks.Eon.Eon, Slot: s + 1, Keyper: uint64(ks.Index), BidKeyShare: wrong()})
				if len(b.Transactions) > 0 && s%2 == 1 { // silent on even slots
					m := &keyper.Message{ChainID: nw.devnet.ChainID, Eon: ks.Eon.Eon, Slot: s, Keyper: uint64(ks.Index)}
					for _, x := range b.Transactions {
						m.Shares = append(m.Shares, keyper.Share{Identity: threshold.Identity(x.Identity), Share: wrong()})
					}
					send(m)
				}
			}
			last = max(last, h)
		}
	})
	ld := nw.startLoad([]int{0, 1, 2}, 20, 20*time.Second, 20*time.Second)
	ld.decryptedAll(t, 300)
	cancel()
	liar.Wait()
	t.Logf("%d lying messages delivered", lies.Load())
	for i := range 3 {
		for _, metric := range []string{"veil_share_faults_total", "veil_shares_missing_total"} {
			named := nw.metric(i, metric, `keyper="4"`)
			others := nw.metric(i, metric, "") - named
			t.Logf("node %d: %s %v for keyper 4", i, metric, named)
			if named == 0 || others != 0 {
				t.Errorf("node %d: %s names keyper 4 %v times and the others %v", i, metric, named, others)
			}
		}
	}
}
