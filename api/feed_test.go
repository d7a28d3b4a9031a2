package api

import (
	"bufio"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// sseEvent is one event as a reader parses it.
type sseEvent struct{ id, event, data string }

// readEvents reads n events (skipping comments) from an SSE body.
func readEvents(t *testing.T, r *bufio.Reader, n int) ([]sseEvent, []string) {
	t.Helper()
	var out []sseEvent
	var comments []string
	var cur sseEvent
	for len(out) < n {
		line, err := r.ReadString('\n')
		if err != nil {
			t.Fatalf("after %d events: %v", len(out), err)
		}
		line = strings.TrimRight(line, "\n")
		switch {
		case line == "":
			if cur.id != "" {
				out = append(out, cur)
			}
			cur = sseEvent{}
		case strings.HasPrefix(line, ":"):
			comments = append(comments, line)
		case strings.HasPrefix(line, "id: "):
			cur.id = line[4:]
		case strings.HasPrefix(line, "event: "):
			cur.event = line[7:]
		case strings.HasPrefix(line, "data: "):
			cur.data = line[6:]
		}
	}
	return out, comments
}

func feedServer(t *testing.T, cfg FeedConfig) (*httptest.Server, *memBackend) {
	t.Helper()
	_, b, _ := newServer(t)
	srv := httptest.NewServer(New(Config{Backend: b, Feed: cfg}).Handler())
	t.Cleanup(srv.Close)
	return srv, b
}

func openFeed(t *testing.T, url, lastID string) *http.Response {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	if lastID != "" {
		req.Header.Set("Last-Event-ID", lastID)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	return resp
}

// TestFeed: events per slot and level in slot order with their ids,
// heartbeats at the head, resume from Last-Event-ID (over from), the final
// feed apart, and exact errors for a bad start or level.
func TestFeed(t *testing.T) {
	srv, _ := feedServer(t, FeedConfig{Heartbeat: 50 * time.Millisecond})
	resp := openFeed(t, srv.URL+"/v1/blocks?from=7", "")
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/event-stream" {
		t.Fatalf("%d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	r := bufio.NewReader(resp.Body)
	events, _ := readEvents(t, r, 6) // slots 7, 8, 9: the node is at slot 10
	want := []string{"7-committed", "7-decrypted", "8-committed", "8-decrypted", "9-committed", "9-decrypted"}
	for i, e := range events {
		level := want[i][strings.Index(want[i], "-")+1:]
		if e.id != want[i] || e.event != level || !strings.Contains(e.data, fmt.Sprintf(`"level":%q`, level)) {
			t.Fatalf("event %d: %+v, want %s", i, e, want[i])
		}
	}
	// At the head: heartbeats, no event.
	deadline := time.Now().Add(2 * time.Second)
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(line, ": heartbeat") {
			break
		}
		if strings.HasPrefix(line, "id:") || time.Now().After(deadline) {
			t.Fatalf("at the head: %q", line)
		}
	}
	resp.Body.Close()

	// Resume: the event after Last-Event-ID, whatever from says.
	again := openFeed(t, srv.URL+"/v1/blocks?from=1", "8-committed")
	if events, _ := readEvents(t, bufio.NewReader(again.Body), 2); events[0].id != "8-decrypted" || events[1].id != "9-committed" {
		t.Fatalf("resumed at %v", events)
	}
	// The final feed: one event per slot, resumed in it.
	final := openFeed(t, srv.URL+"/v1/blocks?from=7&level=final", "")
	if events, _ := readEvents(t, bufio.NewReader(final.Body), 2); events[0].id != "7-final" || events[0].event != "final" ||
		!strings.Contains(events[0].data, `"final":{"batch":1,`) || events[1].id != "8-final" {
		t.Fatalf("final feed: %v", events)
	}
	again = openFeed(t, srv.URL+"/v1/blocks", "7-final")
	if events, _ := readEvents(t, bufio.NewReader(again.Body), 1); events[0].id != "8-final" {
		t.Fatalf("final feed resumed at %v", events)
	}
	for _, tc := range []struct{ url, last, field string }{
		{"/v1/blocks?from=x", "", "from"},
		{"/v1/blocks?from=0", "", "from"},
		{"/v1/blocks?level=decrypted", "", "level"},
		{"/v1/blocks?level=FINAL", "", "level"},
		{"/v1/blocks", "8-finalized", "Last-Event-ID"},
		{"/v1/blocks", "eight-committed", "Last-Event-ID"},
	} {
		resp := openFeed(t, srv.URL+tc.url, tc.last)
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 400 || !strings.Contains(string(body), `"field":"`+tc.field+`"`) {
			t.Errorf("%s %s: %d %s", tc.url, tc.last, resp.StatusCode, body)
		}
	}
}

// TestFeedManyReaders: 100 concurrent readers on loopback each receive
// every slot, in order.
func TestFeedManyReaders(t *testing.T) {
	srv, _ := feedServer(t, FeedConfig{})
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for range 100 {
		wg.Go(func() {
			resp, err := http.Get(srv.URL + "/v1/blocks?from=1")
			if err != nil {
				errs <- err
				return
			}
			defer resp.Body.Close()
			r := bufio.NewReader(resp.Body)
			for slot := 1; slot <= 9; slot++ {
				for _, level := range []string{"committed", "decrypted"} {
					id := ""
					for id == "" {
						line, err := r.ReadString('\n')
						if err != nil {
							errs <- err
							return
						}
						if v, ok := strings.CutPrefix(strings.TrimSpace(line), "id: "); ok {
							id = v
						}
					}
					if want := fmt.Sprintf("%d-%s", slot, level); id != want {
						errs <- fmt.Errorf("got %s, want %s", id, want)
						return
					}
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
}

// TestFeedSlowReader: a reader that stops reading is cut off once a write
// waits longer than the write timeout, and the node's memory stays bounded
// meanwhile: the feed holds one event per reader, never a backlog.
func TestFeedSlowReader(t *testing.T) {
	srv, b := feedServer(t, FeedConfig{WriteTimeout: 300 * time.Millisecond})
	b.mu.Lock()
	b.slot = 1 << 40 // an endless chain
	b.mu.Unlock()
	b.feedPad = 256 << 10 // 256 KiB events
	var before runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)

	conn, err := net.Dial("tcp", strings.TrimPrefix(srv.URL, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if tc, ok := conn.(*net.TCPConn); ok {
		_ = tc.SetReadBuffer(4 << 10)
	}
	fmt.Fprintf(conn, "GET /v1/blocks?from=1 HTTP/1.1\r\nHost: feed\r\n\r\n")
	// Read nothing. The server fills the socket buffers, then its next
	// write waits past the timeout and the reader is cut off.
	deadline := time.Now().Add(10 * time.Second)
	var last int64 = -1
	for {
		time.Sleep(700 * time.Millisecond)
		hits := b.feedHits.Load()
		if hits == last {
			break // no more events produced: the reader is cut off
		}
		if time.Now().After(deadline) {
			t.Fatalf("a reader that reads nothing still gets events (%d)", hits)
		}
		last = hits
	}
	var after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&after)
	sent := last * int64(b.feedPad)
	grew := int64(after.HeapInuse) - int64(before.HeapInuse)
	t.Logf("cut off after %d events (%d MiB offered); heap grew %d KiB", last, sent>>20, grew>>10)
	if grew > 8<<20 {
		t.Fatalf("heap grew %d MiB for one stalled reader", grew>>20)
	}
	// The cut-off is counted for operators.
	resp, err := http.Get(srv.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	m, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(m), "veil_feed_cutoffs_total 1") {
		t.Fatal("the cut-off reader is not in /metrics")
	}
}

// BenchmarkFeedFanout100 is the feed serving 100 readers on loopback, each
// slot's events the size of a decrypted 1,000-transaction block (~1.7 MB of
// JSON): slots/s to every reader, and bytes/s written in all.
func BenchmarkFeedFanout100(b *testing.B) {
	_, mb, _ := newServer(b)
	mb.slot = 1 << 40
	mb.feedPad = 1700 << 10
	srv := httptest.NewServer(New(Config{Backend: mb, Log: slog.New(slog.DiscardHandler)}).Handler())
	defer srv.Close()
	tr := &http.Transport{MaxIdleConnsPerHost: 128}
	defer tr.CloseIdleConnections()
	var total atomic.Int64
	b.ResetTimer()
	var wg sync.WaitGroup
	for range 100 {
		wg.Go(func() {
			resp, err := (&http.Client{Transport: tr}).Get(srv.URL + "/v1/blocks?from=1")
			if err != nil {
				b.Error(err)
				return
			}
			defer resp.Body.Close()
			r := bufio.NewReaderSize(resp.Body, 1<<20)
			for events := 0; events < 2*b.N; {
				line, err := r.ReadSlice('\n')
				total.Add(int64(len(line)))
				if err == bufio.ErrBufferFull {
					continue
				}
				if err != nil {
					b.Error(err)
					return
				}
				if len(line) == 1 { // the blank line ending an event (or a comment)
					events++
				}
			}
		})
	}
	wg.Wait()
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(b.N)/sec, "slots/s")
	b.ReportMetric(float64(total.Load())/sec/1e6, "MB/s")
}
