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

// TestFollowFinal: a final follower asks for the final feed and verifies
// its events; a final event without its batch, or an event of the other
// feed, stops it, and a default follower takes no final event.
func TestFollowFinal(t *testing.T) {
	const final = "id: 1-final\nevent: final\ndata: {\"slot\":1,\"level\":\"decrypted\",\"final\":{\"batch\":0,\"l1Block\":9}}\n\n"
	for _, tc := range []struct {
		name   string
		final  bool
		stream string
		want   error
		inErr  string
		query  string
	}{
		{"verified like any slot", true, final, ErrVerify, "commit", "from=1&level=final"},
		{"without its batch", true, "id: 1-final\nevent: final\ndata: {\"slot\":1,\"level\":\"decrypted\"}\n\n", ErrVerify, "batch", "from=1&level=final"},
		{"an event of the default feed", true, "id: 1-decrypted\nevent: decrypted\ndata: {}\n\n", errSequence, "1-decrypted", "from=1&level=final"},
		{"a final event in the default feed", false, final, errSequence, "1-final", "from=1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var query string
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				query = r.URL.RawQuery
				fmt.Fprint(w, tc.stream)
			}))
			defer srv.Close()
			f := &Follower{Node: srv.URL, Verify: &Verifier{}, Final: tc.final}
			err := f.Follow(context.Background(), 1, func(*Slot, *apitypes.Block) error { return nil })
			if !errors.Is(err, tc.want) || !strings.Contains(err.Error(), tc.inErr) {
				t.Fatalf("got %v, want %v naming %q", err, tc.want, tc.inErr)
			}
			if query != tc.query {
				t.Fatalf("asked for ?%s, want ?%s", query, tc.query)
			}
		})
	}
}
