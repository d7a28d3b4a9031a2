// Package interop checks Veil against other implementations of its formats
// through their real clients: here Shutter's JS SDK
// (@shutter-network/shutter-sdk, pinned in shutter-sdk/package-lock.json)
// and Veil's own CLI, as an outside user would drive them.
package interop

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	mrand "math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/veil-sequencer/veil/threshold"
	"github.com/veil-sequencer/veil/threshold/thresholdtest"
)

const sdkDir = "shutter-sdk"

// requireTool finds a program or, where it is missing, skips on a
// developer's machine and fails in CI (CI=true), whose .ci/run installs it.
func requireTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s not installed: .ci/run should install it", name)
		}
		t.Skipf("%s not installed", name)
	}
	return p
}

func run(t *testing.T, ctx context.Context, dir string, stdin []byte, name string, args ...string) []byte {
	t.Helper()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Stdin = bytes.NewReader(stdin)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, stderr.String())
	}
	return out
}

type sdkRequest struct {
	Encrypt []sdkEncrypt `json:"encrypt"`
	Decrypt []sdkDecrypt `json:"decrypt"`
}

type sdkEncrypt struct {
	Message  string `json:"message"`
	Identity string `json:"identity"`
	EonKey   string `json:"eonKey"`
	Sigma    string `json:"sigma"`
}

type sdkDecrypt struct {
	Ciphertext string `json:"ciphertext"`
	Key        string `json:"key"`
}

type sdkResponse struct {
	Encrypted []string `json:"encrypted"`
	Decrypted []struct {
		Plaintext *string `json:"plaintext"`
		Error     string  `json:"error"`
	} `json:"decrypted"`
}

// TestShutterSDKInterop encrypts random messages for random transaction
// identities under a fresh eon key with both Shutter's SDK and Veil, and
// decrypts each side's ciphertexts with the other: the SDK's ciphertexts
// must equal Veil's byte for byte for the same sigma, Veil's CLI must decrypt
// the SDK's, and the SDK must decrypt what Veil's CLI encrypted.
func TestShutterSDKInterop(t *testing.T) {
	if testing.Short() {
		t.Skip("starts node and the SDK's WASM")
	}
	node := requireTool(t, "node")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	if _, err := os.Stat(filepath.Join(sdkDir, "node_modules", "@shutter-network", "shutter-sdk")); err != nil {
		npm := requireTool(t, "npm")
		run(t, ctx, sdkDir, nil, npm, "ci", "--no-audit", "--no-fund")
	}
	veil := filepath.Join(t.TempDir(), "veil")
	run(t, ctx, ".", nil, "go", "build", "-o", veil, "../cmd/veil")

	rng := mrand.New(mrand.NewChaCha8([32]byte{'i', 'n', 't', 'e', 'r', 'o', 'p'}))
	deal, err := thresholdtest.Deal(rngReader{rng}, 5, 3)
	if err != nil {
		t.Fatal(err)
	}
	committee, err := deal.Committee()
	if err != nil {
		t.Fatal(err)
	}
	eonKey := deal.EonKey.String()

	type tc struct {
		msg, identity []byte
		sigma         [32]byte
		key           *threshold.IdentityKey
		veilCT        []byte // Veil's ciphertext for the sigma
		cliCT         string // veil encrypt's, fresh sigma
	}
	var cases []tc
	var req sdkRequest
	for i, n := range []int{0, 1, 31, 32, 33, 63, 64, 100, 255, 1000, 4096, 7} {
		c := tc{msg: make([]byte, n)}
		fillRandom(rng, c.msg)
		var prefix [32]byte
		var sender common.Address
		fillRandom(rng, prefix[:])
		fillRandom(rng, sender[:])
		fillRandom(rng, c.sigma[:])
		id := threshold.TxIdentity(prefix, sender)
		c.identity = id[:]
		point := id.Point()
		c.veilCT = threshold.EncryptWithSigma(c.msg, deal.EonKey, point, &c.sigma).Bytes()
		c.key = combine(t, committee, deal, point, i)
		c.cliCT = strings.TrimSpace(string(run(t, ctx, ".", c.msg, veil, "encrypt", "--eon-key", eonKey, "--identity", id.String())))
		req.Encrypt = append(req.Encrypt, sdkEncrypt{hexutil.Encode(c.msg), id.String(), eonKey, hexutil.Encode(c.sigma[:])})
		req.Decrypt = append(req.Decrypt, sdkDecrypt{c.cliCT, c.key.String()})
		cases = append(cases, c)
	}
	body, _ := json.Marshal(req)
	var resp sdkResponse
	if err := json.Unmarshal(run(t, ctx, sdkDir, body, node, "roundtrip.cjs"), &resp); err != nil {
		t.Fatal(err)
	}
	if len(resp.Encrypted) != len(cases) || len(resp.Decrypted) != len(cases) {
		t.Fatalf("SDK answered %d/%d of %d cases", len(resp.Encrypted), len(resp.Decrypted), len(cases))
	}
	for i, c := range cases {
		t.Run(fmt.Sprintf("len-%d", len(c.msg)), func(t *testing.T) {
			if resp.Encrypted[i] != hexutil.Encode(c.veilCT) {
				t.Fatalf("SDK ciphertext differs from Veil's:\n sdk  %s\n veil %x", resp.Encrypted[i], c.veilCT)
			}
			d := resp.Decrypted[i]
			if d.Plaintext == nil || *d.Plaintext != hexutil.Encode(c.msg) {
				t.Fatalf("SDK decrypting veil encrypt's ciphertext: %v %q", d.Plaintext, d.Error)
			}
			got := run(t, ctx, ".", []byte(resp.Encrypted[i]), veil, "decrypt", "--key", c.key.String())
			if !bytes.Equal(got, c.msg) {
				t.Fatalf("veil decrypt of the SDK's ciphertext: %x", got)
			}
		})
	}
}

// combine verifies every keyper's share in one batch and combines t of them,
// a different signer set per case.
func combine(t *testing.T, c *threshold.Committee, d *thresholdtest.Dealing, id *threshold.IdentityPoint, i int) *threshold.IdentityKey {
	t.Helper()
	var claims []threshold.ShareClaim
	for k, sk := range d.Shares {
		claims = append(claims, threshold.ShareClaim{Keyper: k + 1, Identity: id, Share: sk.Release(id)})
	}
	verified, faults, err := c.VerifyShares(nil, claims)
	if err != nil || len(faults) > 0 {
		t.Fatal(err, faults)
	}
	n := len(verified)
	subset := []threshold.VerifiedShare{verified[i%n], verified[(i+1)%n], verified[(i+3)%n]}
	key, err := c.Combine(subset)
	if err != nil {
		t.Fatal(err)
	}
	return key
}

func fillRandom(r *mrand.Rand, b []byte) {
	for i := range b {
		b[i] = byte(r.Uint32())
	}
}

// rngReader adapts a seeded math/rand source to io.Reader for the dealer.
type rngReader struct{ r *mrand.Rand }

func (r rngReader) Read(b []byte) (int, error) {
	fillRandom(r.r, b)
	return len(b), nil
}
