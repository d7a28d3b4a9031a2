package client

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/veil-sequencer/veil/api/apitypes"
)

// countingTransport counts the response body bytes the client reads.
type countingTransport struct {
	next http.RoundTripper
	read atomic.Int64
}

func (c *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := c.next.RoundTrip(r)
	if err == nil {
		resp.Body = &countingBody{ReadCloser: resp.Body, n: &c.read}
	}
	return resp, err
}

type countingBody struct {
	io.ReadCloser
	n *atomic.Int64
}

func (b *countingBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	b.n.Add(int64(n))
	return n, err
}

// endless serves an event whose data line is total bytes with no newline,
// stopping early when the client hangs up.
func endless(total int) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, ": veil block feed\n\nid: 1-committed\nevent: committed\ndata: ")
		chunk := bytes.Repeat([]byte("a"), 64<<10)
		for sent := 0; sent < total; sent += len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	}
}

// TestReadFeedRefusesEndlessLine (issue 15, finding 7): a hostile node
// streams 128 MiB without a newline; ReadFeed stops at MaxFeedEvent with
// ErrFeedTooLarge, having read and allocated about the bound, not the
// stream.
func TestReadFeedRefusesEndlessLine(t *testing.T) {
	const stream = 128 << 20
	srv := httptest.NewServer(endless(stream))
	defer srv.Close()
	tr := &countingTransport{next: srv.Client().Transport}
	hc := &http.Client{Transport: tr}

	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	events := 0
	err := ReadFeed(context.Background(), hc, srv.URL, 1, "", func(string, string, []byte) error { events++; return nil })
	runtime.ReadMemStats(&after)

	if !errors.Is(err, ErrFeedTooLarge) || !strings.Contains(err.Error(), fmt.Sprint(MaxFeedEvent)) {
		t.Errorf("want ErrFeedTooLarge naming the %d-byte limit, got %v", MaxFeedEvent, err)
	}
	if events != 0 {
		t.Errorf("%d events handed on", events)
	}
	if read := tr.read.Load(); read < MaxFeedEvent || read > MaxFeedEvent+1<<20 {
		t.Errorf("read %d bytes of a %d-byte stream, want the %d-byte bound and at most a buffer more", read, stream, MaxFeedEvent)
	}
	// The line buffer doubles up to the bound: under 2× it in all, never
	// the stream.
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 3*MaxFeedEvent {
		t.Errorf("allocated %d MiB reading a line refused at %d MiB", alloc>>20, MaxFeedEvent>>20)
	}
}

// TestFollowStopsAtEventBound: a Follower refuses an event over its
// MaxEvent, whether one line or many, and does not reconnect to fetch it
// again.
func TestFollowStopsAtEventBound(t *testing.T) {
	const limit = 1 << 20
	for _, tc := range []struct {
		name string
		body func(w io.Writer)
	}{
		{"one line past the bound", func(w io.Writer) {
			fmt.Fprintf(w, "id: 1-committed\nevent: committed\ndata: %s\n\n", strings.Repeat("a", limit))
		}},
		{"an event of many lines", func(w io.Writer) {
			fmt.Fprint(w, "id: 1-committed\nevent: committed\n")
			for range 2 * limit / 1000 {
				fmt.Fprintf(w, "data: %s\n", strings.Repeat("a", 1000))
			}
			fmt.Fprint(w, "\n")
		}},
		{"an endless line", func(w io.Writer) { endless(64<<20)(w.(http.ResponseWriter), nil) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var conns atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				conns.Add(1)
				tc.body(w)
			}))
			defer srv.Close()
			f := &Follower{Node: srv.URL, Verify: &Verifier{}, MaxEvent: limit, Retry: 1}
			err := f.Follow(context.Background(), 1, func(*Slot, *apitypes.Block) error { return nil })
			if !errors.Is(err, ErrFeedTooLarge) {
				t.Fatalf("want ErrFeedTooLarge, got %v", err)
			}
			if n := conns.Load(); n != 1 {
				t.Fatalf("%d connections, want 1: an oversized event is not fetched again", n)
			}
		})
	}
}

type sse struct{ id, event, data string }

// refEvents is readEvents' specification, over a whole input in memory:
// the events it hands on and whether it ends with ErrFeedTooLarge (else
// the input's end).
func refEvents(in []byte, limit int) (events []sse, tooLarge bool) {
	var cur sse
	size := 0
	for {
		i := bytes.IndexByte(in, '\n')
		if i < 0 {
			return events, size+len(in) > limit
		}
		line := in[:i]
		in = in[i+1:]
		if size+len(line) > limit {
			return events, true
		}
		if len(line) == 0 {
			if cur.id != "" {
				events = append(events, cur)
			}
			cur, size = sse{}, 0
			continue
		}
		size += len(line)
		switch s := string(line); {
		case strings.HasPrefix(s, "id: "):
			cur.id = s[4:]
		case strings.HasPrefix(s, "event: "):
			cur.event = s[7:]
		case strings.HasPrefix(s, "data: "):
			cur.data = s[6:]
		}
	}
}

// collect runs readEvents over in with a small read buffer, so that lines
// span several reads.
func collect(in io.Reader, limit int) ([]sse, error) {
	var got []sse
	err := readEvents(bufio.NewReaderSize(in, 16), limit, func(id, event string, data []byte) error {
		got = append(got, sse{id, event, string(data)})
		return nil
	})
	return got, err
}

func TestReadEvents(t *testing.T) {
	const limit = 48
	one := sse{"1-committed", "committed", "{}"}
	for _, tc := range []struct {
		name     string
		in       string
		want     []sse
		tooLarge bool
	}{
		{"events between comments", ": veil block feed\n\nid: 1-committed\nevent: committed\ndata: {}\n\n: heartbeat\n\n", []sse{one}, false},
		{"the last of each field wins", "id: 0\nid: 1-committed\nevent: committed\ndata: {}\n\n", []sse{one}, false},
		{"no id, no event", "event: committed\ndata: {}\n\n", nil, false},
		{"a cut event is not handed on", "id: 1-committed\nevent: committed\ndata: {}\n", nil, false},
		{"a line at the limit", "id: 1\ndata: " + strings.Repeat("a", limit-5-6) + "\n\n", []sse{{"1", "", strings.Repeat("a", limit-5-6)}}, false},
		{"a line over the limit", "data: " + strings.Repeat("a", limit) + "\n\n", nil, true},
		{"a line over the limit at the end", "data: " + strings.Repeat("a", limit), nil, true},
		{"an event over the limit in short lines", strings.Repeat("id: 1\n", 10) + "\n", nil, true},
		{"the bound is per event", strings.Repeat("id: 1-committed\nevent: committed\ndata: {}\n\n", 100), slices.Repeat([]sse{one}, 100), false},
		{"comments count toward the event", ": " + strings.Repeat("x", limit) + "\n\n", nil, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want, tooLarge := refEvents([]byte(tc.in), limit)
			got, err := collect(strings.NewReader(tc.in), limit)
			if fmt.Sprint(got) != fmt.Sprint(tc.want) || fmt.Sprint(want) != fmt.Sprint(tc.want) {
				t.Fatalf("events %q, specification %q, want %q", got, want, tc.want)
			}
			if errors.Is(err, ErrFeedTooLarge) != tc.tooLarge || tooLarge != tc.tooLarge || (!tc.tooLarge && !errors.Is(err, io.EOF)) {
				t.Fatalf("err %v, specification too large %v, want too large %v", err, tooLarge, tc.tooLarge)
			}
		})
	}

	// An endless line is refused having read at most a buffer past the
	// bound.
	in := &countingBody{ReadCloser: io.NopCloser(strings.NewReader("data: " + strings.Repeat("a", 1<<20))), n: new(atomic.Int64)}
	if _, err := collect(in, limit); !errors.Is(err, ErrFeedTooLarge) || in.n.Load() > limit+2*16 {
		t.Fatalf("endless line: %v after %d bytes", err, in.n.Load())
	}
}

// FuzzReadEvents: whatever a node sends, readEvents does not panic, hands
// on exactly the events its specification (refEvents) reads, none over the
// limit, and ends with ErrFeedTooLarge exactly when the specification
// does. The seeds (and testdata/fuzz/FuzzReadEvents) run as plain tests.
func FuzzReadEvents(f *testing.F) {
	f.Add([]byte(": veil block feed\n\nid: 1-committed\nevent: committed\ndata: {}\n\n: heartbeat\n\n"), uint16(64))
	f.Add([]byte("id: 1-decrypted\nevent: decrypted\ndata: {\"slot\":1}\n\nid: 2-committed\n"), uint16(20))
	f.Add([]byte("data: "+strings.Repeat("a", 100)), uint16(50))
	f.Add([]byte("id: 1\r\n\r\nid: 2\n\n\n\nid:3\ndata:\n\n"), uint16(3))
	f.Fuzz(func(t *testing.T, in []byte, limit uint16) {
		n := int(limit%512) + 1
		want, tooLarge := refEvents(in, n)
		got, err := collect(bytes.NewReader(in), n)
		if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", want) {
			t.Fatalf("events %q, specification %q", got, want)
		}
		for _, e := range got {
			if len(e.id)+len(e.event)+len(e.data) > n {
				t.Fatalf("event %q over the %d-byte limit", e, n)
			}
		}
		if errors.Is(err, ErrFeedTooLarge) != tooLarge || (!tooLarge && !errors.Is(err, io.EOF)) {
			t.Fatalf("err %v, specification too large %v", err, tooLarge)
		}
	})
}

// BenchmarkReadFeed: the follower's hot path, events the size of a
// decrypted 1,000-transaction block (~1.7 MB of JSON) read from loopback.
func BenchmarkReadFeed(b *testing.B) {
	event := fmt.Appendf(nil, "id: 1-decrypted\nevent: decrypted\ndata: {\"pad\":%q}\n\n", strings.Repeat("ab", 850_000))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for range b.N {
			if _, err := w.Write(event); err != nil {
				return
			}
		}
	}))
	defer srv.Close()
	b.SetBytes(int64(len(event)))
	b.ReportAllocs()
	b.ResetTimer()
	events := 0
	err := ReadFeed(context.Background(), srv.Client(), srv.URL, 1, "", func(id, event string, data []byte) error {
		events++
		return nil
	})
	if !errors.Is(err, io.EOF) || events != b.N {
		b.Fatalf("%d of %d events, then %v", events, b.N, err)
	}
}
