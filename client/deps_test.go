package client

import (
	"os/exec"
	"strings"
	"testing"
)

// TestDeps: a rollup that embeds client links what verifying a block
// needs, not the node: no API server (its router, its metrics), no chain
// state, no node wiring. The API's JSON comes from api/apitypes.
func TestDeps(t *testing.T) {
	// go test puts its own GOROOT/bin first on the PATH it runs tests with.
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to list dependencies with")
	}
	out, err := exec.Command(goBin, "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	deps := strings.Fields(string(out))
	if len(deps) == 0 {
		t.Fatal("go list -deps listed nothing")
	}
	for _, dep := range deps {
		for _, banned := range []string{
			"github.com/veil-sequencer/veil/api", // exactly: api/apitypes is the JSON alone
			"github.com/veil-sequencer/veil/chain",
			"github.com/veil-sequencer/veil/node",
		} {
			if dep == banned {
				t.Errorf("client depends on %s", dep)
			}
		}
		for _, prefix := range []string{"github.com/go-chi/chi", "github.com/prometheus/client_golang"} {
			if strings.HasPrefix(dep, prefix) {
				t.Errorf("client depends on %s", dep)
			}
		}
	}
}
