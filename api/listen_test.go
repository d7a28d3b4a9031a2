package api

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// sharesBackend counts the KeyShares messages that reach the backend and
// takes each as fault-free.
type sharesBackend struct {
	*memBackend
	shares atomic.Int64
}

func (b *sharesBackend) ReceiveShares(context.Context, []byte) (int, error) {
	b.shares.Add(1)
	return 0, nil
}

// listeners serves s's public API and keyper listener on loopback, as veil
// node does, until the test ends.
func listeners(t *testing.T, s *Server) (public, keyper *Listener) {
	t.Helper()
	var ls [2]net.Listener
	for i := range ls {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		ls[i] = l
	}
	public, keyper = s.Serve(ls[0]), s.ServeKeyper(ls[1])
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = public.Shutdown(ctx)
		_ = keyper.Shutdown(ctx)
	})
	return public, keyper
}

// rawRequest writes head (request line and headers, without the blank
// line) and then body in the given pieces, pausing between them; it
// returns the response.
func rawRequest(t *testing.T, addr, head string, pause time.Duration, pieces ...string) (*http.Response, map[string]any) {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if _, err := io.WriteString(c, head+"\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	for _, p := range pieces {
		time.Sleep(pause)
		if _, err := io.WriteString(c, p); err != nil {
			t.Fatal(err)
		}
	}
	if tc, ok := c.(*net.TCPConn); ok {
		_ = tc.CloseWrite() // a body shorter than declared ends here
	}
	_ = c.SetReadDeadline(time.Now().Add(10 * time.Second))
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&out)
	return resp, out
}

func errorOf(out map[string]any) (code, message string) {
	e, _ := out["error"].(map[string]any)
	code, _ = e["code"].(string)
	message, _ = e["message"].(string)
	return code, message
}

// TestStalledBodiesCostNoBuffers is issue 15's finding 5: connections that
// declare a body at the endpoint's limit and send none of it hold no
// buffer of that size on the server. Before, each held one of its declared
// length (136 KiB on the public API, 1 MiB on the keyper listener) until
// the read timeout: 100 such connections pinned 100 MiB of a node's
// memory on either port.
func TestStalledBodiesCostNoBuffers(t *testing.T) {
	_, mb, _ := newServer(t)
	// A megabyte each, so the buffers would dwarf what each connection
	// costs anyway (~14 KiB: bufio buffers, the request, a goroutine).
	const limit, n = 1 << 20, 40
	s := New(Config{Backend: &sharesBackend{memBackend: mb}, MaxBody: limit, Keyper: KeyperConfig{MaxBody: limit}})
	for _, tc := range []struct {
		name, path string
		srv        *http.Server
	}{
		{"public API", "/v1/transactions", s.HTTPServer("")},
		{"keyper listener", "/v1/p2p/shares", s.KeyperHTTPServer("")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// The server's own settings, its handler wrapped to tell when
			// every request has reached it (and is waiting for its body).
			var entered atomic.Int64
			h := tc.srv.Handler
			tc.srv.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				entered.Add(1)
				h.ServeHTTP(w, r)
			})
			l, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				t.Fatal(err)
			}
			go func() { _ = tc.srv.Serve(l) }()
			defer tc.srv.Close()

			before := heapAlloc()
			head := fmt.Sprintf("POST %s HTTP/1.1\r\nHost: veil\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n", tc.path, limit)
			for range n {
				c, err := net.Dial("tcp", l.Addr().String())
				if err != nil {
					t.Fatal(err)
				}
				defer c.Close()
				if _, err := io.WriteString(c, head); err != nil {
					t.Fatal(err)
				}
			}
			deadline := time.Now().Add(20 * time.Second)
			for entered.Load() < int64(n) {
				if time.Now().After(deadline) {
					t.Fatalf("%d of %d requests reached the handler", entered.Load(), n)
				}
				time.Sleep(10 * time.Millisecond)
			}
			grew := heapAlloc() - before
			budget := int64(n * limit / 8) // sized from Content-Length: n × limit
			t.Logf("%d stalled requests declaring %d KiB: heap grew %d KiB (budget %d KiB)", n, limit>>10, grew>>10, budget>>10)
			if grew > budget {
				t.Errorf("heap grew %d KiB for %d stalled requests: buffers sized from Content-Length", grew>>10, n)
			}
		})
	}
}

func heapAlloc() int64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapAlloc)
}

// TestBodyReading: a body that arrives slowly but within the limit is
// read whole, declared or chunked; a body declared over the limit is
// refused before it is read (413 too_large naming the limit, connection
// closed), one that grows over it while read is refused the same, and one
// shorter than declared is the sender's 400.
func TestBodyReading(t *testing.T) {
	_, mb, pk := newServer(t)
	public, _ := listeners(t, New(Config{Backend: mb}))
	addr := public.Addr().String()
	body := string(makeEnvelope(t, pk, 0, 1).EncodeCanonical())
	q := len(body) / 4
	pieces := []string{body[:q], body[q : 2*q], body[2*q : 3*q], body[3*q:]}
	post := "POST /v1/transactions HTTP/1.1\r\nHost: veil\r\nContent-Type: application/json\r\n"

	resp, out := rawRequest(t, addr, post+fmt.Sprintf("Content-Length: %d", len(body)), 50*time.Millisecond, pieces...)
	if resp.StatusCode != http.StatusAccepted || out["hash"] == nil {
		t.Errorf("slow declared body: %d %v", resp.StatusCode, out)
	}
	var chunked []string
	for _, p := range pieces {
		chunked = append(chunked, fmt.Sprintf("%x\r\n%s\r\n", len(p), p))
	}
	chunked = append(chunked, "0\r\n\r\n")
	resp, out = rawRequest(t, addr, post+"Transfer-Encoding: chunked", 50*time.Millisecond, chunked...)
	if resp.StatusCode != http.StatusAccepted || out["hash"] == nil { // the same envelope again: the same answer
		t.Errorf("slow chunked body: %d %v", resp.StatusCode, out)
	}

	resp, out = rawRequest(t, addr, post+fmt.Sprintf("Content-Length: %d", 200<<10), 0)
	if code, msg := errorOf(out); resp.StatusCode != http.StatusRequestEntityTooLarge || code != "too_large" || !strings.Contains(msg, strconv.Itoa(DefaultMaxBody)) || !resp.Close {
		t.Errorf("declared over the limit: %d close=%v %v", resp.StatusCode, resp.Close, out)
	}
	big := strings.Repeat("a", 64<<10)
	resp, out = rawRequest(t, addr, post+"Transfer-Encoding: chunked", 0,
		fmt.Sprintf("%x\r\n%s\r\n", len(big), big), fmt.Sprintf("%x\r\n%s\r\n", len(big), big), fmt.Sprintf("%x\r\n%s\r\n", len(big), big))
	if code, _ := errorOf(out); resp.StatusCode != http.StatusRequestEntityTooLarge || code != "too_large" {
		t.Errorf("chunked over the limit: %d %v", resp.StatusCode, out)
	}
	resp, out = rawRequest(t, addr, post+fmt.Sprintf("Content-Length: %d", len(body)+10), 0, body)
	if code, _ := errorOf(out); resp.StatusCode != http.StatusBadRequest || code != "bad_json" {
		t.Errorf("shorter than declared: %d %v", resp.StatusCode, out)
	}
}

// TestKeyperListenerApart: POST /v1/p2p/shares is served on the keyper
// listener alone; the public API answers it 404 without reading it, and
// the keyper listener serves nothing else.
func TestKeyperListenerApart(t *testing.T) {
	_, mb, _ := newServer(t)
	b := &sharesBackend{memBackend: mb}
	public, keyper := listeners(t, New(Config{Backend: b}))
	do := func(method, url, body string) (int, map[string]any) {
		t.Helper()
		req, _ := http.NewRequest(method, url, strings.NewReader(body))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var out map[string]any
		_ = json.NewDecoder(resp.Body).Decode(&out)
		return resp.StatusCode, out
	}
	if code, out := do(http.MethodPost, public.URL()+"/v1/p2p/shares", `{}`); code != http.StatusNotFound || b.shares.Load() != 0 ||
		!strings.Contains(fmt.Sprint(out), "keyper listener") {
		t.Errorf("shares on the public API: %d %v, %d reached the backend", code, out, b.shares.Load())
	}
	if code, out := do(http.MethodPost, keyper.URL()+"/v1/p2p/shares", `{}`); code != http.StatusAccepted || out["faults"] != 0.0 || b.shares.Load() != 1 {
		t.Errorf("shares on the keyper listener: %d %v", code, out)
	}
	for _, path := range []string{"/v1/status", "/metrics", "/healthz"} {
		if code, _ := do(http.MethodGet, keyper.URL()+path, ""); code != http.StatusNotFound {
			t.Errorf("GET %s on the keyper listener: %d", path, code)
		}
		if code, _ := do(http.MethodGet, public.URL()+path, ""); code != http.StatusOK {
			t.Errorf("GET %s on the public API: %d", path, code)
		}
	}
	if code, _ := do(http.MethodGet, keyper.URL()+"/v1/p2p/shares", ""); code != http.StatusMethodNotAllowed {
		t.Errorf("GET /v1/p2p/shares on the keyper listener: %d", code)
	}
	resp, out := rawRequest(t, keyper.Addr().String(), fmt.Sprintf("POST /v1/p2p/shares HTTP/1.1\r\nHost: veil\r\nContent-Length: %d", 2<<20), 0)
	if code, _ := errorOf(out); resp.StatusCode != http.StatusRequestEntityTooLarge || code != "too_large" {
		t.Errorf("2 MiB of shares: %d %v", resp.StatusCode, out)
	}
}

// TestKeyperListenerConnCap: the keyper listener holds at most MaxConns
// connections; one more waits until one of them closes.
func TestKeyperListenerConnCap(t *testing.T) {
	_, mb, _ := newServer(t)
	_, keyper := listeners(t, New(Config{Backend: &sharesBackend{memBackend: mb}, Keyper: KeyperConfig{MaxConns: 2}}))
	req := "POST /v1/p2p/shares HTTP/1.1\r\nHost: veil\r\nContent-Length: 2\r\n\r\n{}"
	var held []net.Conn
	for range 2 {
		// A request answered proves the connection accepted; kept alive,
		// it keeps its slot.
		c, err := net.Dial("tcp", keyper.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		if _, err := io.WriteString(c, req); err != nil {
			t.Fatal(err)
		}
		resp, err := http.ReadResponse(bufio.NewReader(c), nil)
		if err != nil || resp.StatusCode != http.StatusAccepted {
			t.Fatalf("request %d: %v %v", len(held), resp, err)
		}
		resp.Body.Close()
		held = append(held, c)
	}
	third, err := net.Dial("tcp", keyper.Addr().String()) // the kernel completes the handshake
	if err != nil {
		t.Fatal(err)
	}
	defer third.Close()
	if _, err := io.WriteString(third, req); err != nil {
		t.Fatal(err)
	}
	r := bufio.NewReader(third)
	_ = third.SetReadDeadline(time.Now().Add(300 * time.Millisecond))
	if resp, err := http.ReadResponse(r, nil); err == nil {
		t.Fatalf("a third connection was served past the cap of 2: %d", resp.StatusCode)
	}
	held[0].Close()
	_ = third.SetReadDeadline(time.Now().Add(10 * time.Second))
	resp, err := http.ReadResponse(r, nil)
	if err != nil || resp.StatusCode != http.StatusAccepted {
		t.Fatalf("after a slot freed: %v %v", resp, err)
	}
	resp.Body.Close()
}
