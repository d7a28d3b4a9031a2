package client

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/veil-sequencer/veil/api/apitypes"
)

// TestFollowReadsLongEvents: a decrypted 1,000-transaction block is
// megabytes on one data line; the follower reads it whole (a block that
// then fails verification is refused for what it lacks, not cut short),
// and an event out of sequence stops it.
func TestFollowReadsLongEvents(t *testing.T) {
	pad := strings.Repeat("ab", 300_000)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, ": feed\n\nid: 1-committed\nevent: committed\ndata: {}\n\n")
		fmt.Fprintf(w, "id: 1-decrypted\nevent: decrypted\ndata: {\"slot\":1,\"level\":\"decrypted\",\"pad\":%q}\n\n", pad)
	}))
	defer srv.Close()
	f := &Follower{Node: srv.URL, Verify: &Verifier{}}
	err := f.Follow(context.Background(), 1, func(*Slot, *apitypes.Block) error { return nil })
	if !errors.Is(err, ErrVerify) || !strings.Contains(err.Error(), "commit") {
		t.Fatalf("want the missing commit named, got %v", err)
	}

	gap := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "id: 2-committed\nevent: committed\ndata: {}\n\n")
	}))
	defer gap.Close()
	f.Node = gap.URL
	if err := f.Follow(context.Background(), 1, func(*Slot, *apitypes.Block) error { return nil }); !errors.Is(err, errSequence) {
		t.Fatalf("slot 2 while expecting 1: %v", err)
	}
}
