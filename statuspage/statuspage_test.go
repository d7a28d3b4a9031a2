package statuspage_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/veil-sequencer/veil/api"
	"github.com/veil-sequencer/veil/statuspage"
)

// TestServe: the page and its assets are served with their media types, a
// strict CSP, no-cache and an ETag (a second load is a 304); other paths
// and methods are refused. Once through the package's handler, once as the
// node's API mounts it (which routes GET alone).
func TestServe(t *testing.T) {
	handlers := map[string]http.Handler{
		"statuspage": statuspage.Handler(),
		"api":        api.New(api.Config{}).PublicHandler(), // these routes never reach the backend
	}
	// HEAD as Handler's doc says: served by the handler, not routed to it
	// by the API.
	head := map[string]int{"statuspage": http.StatusOK, "api": http.StatusMethodNotAllowed}
	for name, h := range handlers {
		srv := httptest.NewServer(h)
		t.Cleanup(srv.Close)
		resp, err := http.Head(srv.URL + "/")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != head[name] {
			t.Errorf("%s: HEAD /: status %d, want %d", name, resp.StatusCode, head[name])
		}
		for _, tc := range []struct {
			path, method string
			status       int
			contentType  string
			body         string // a substring the answer holds
		}{
			{"/", "GET", 200, "text/html; charset=utf-8", `<script src="static/app.js" defer></script>`},
			{"/static/app.js", "GET", 200, "text/javascript; charset=utf-8", `"use strict";`},
			{"/static/style.css", "GET", 200, "text/css; charset=utf-8", "--bg:"},
			{"/static/favicon.svg", "GET", 200, "image/svg+xml", "<svg"},
			{"/static/nope.js", "GET", 404, "", ""},
			{"/static/", "GET", 404, "", ""},
			{"/index.html", "GET", 404, "", ""},
			{"/static/app.js/x", "GET", 404, "", ""},
			{"/", "POST", 405, "", ""},
		} {
			req, err := http.NewRequest(tc.method, srv.URL+tc.path, nil)
			if err != nil {
				t.Fatal(err)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tc.status {
				t.Errorf("%s: %s %s: status %d, want %d", name, tc.method, tc.path, resp.StatusCode, tc.status)
				continue
			}
			if tc.status != 200 {
				continue
			}
			hd := resp.Header
			switch {
			case hd.Get("Content-Type") != tc.contentType:
				t.Errorf("%s: %s: Content-Type %q, want %q", name, tc.path, hd.Get("Content-Type"), tc.contentType)
			case hd.Get("Content-Security-Policy") != statuspage.CSP || !strings.HasPrefix(statuspage.CSP, "default-src 'self';"):
				t.Errorf("%s: %s: CSP %q", name, tc.path, hd.Get("Content-Security-Policy"))
			case hd.Get("Cache-Control") != "no-cache" || hd.Get("ETag") == "":
				t.Errorf("%s: %s: Cache-Control %q, ETag %q", name, tc.path, hd.Get("Cache-Control"), hd.Get("ETag"))
			case hd.Get("X-Content-Type-Options") != "nosniff":
				t.Errorf("%s: %s: X-Content-Type-Options %q", name, tc.path, hd.Get("X-Content-Type-Options"))
			case !strings.Contains(string(body), tc.body):
				t.Errorf("%s: %s: body lacks %q", name, tc.path, tc.body)
			}
			req, _ = http.NewRequest("GET", srv.URL+tc.path, nil)
			req.Header.Set("If-None-Match", hd.Get("ETag"))
			resp, err = http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusNotModified {
				t.Errorf("%s: %s with its ETag: status %d, want 304", name, tc.path, resp.StatusCode)
			}
		}
	}
}

// TestNothingInline: the page works under its CSP (no inline script,
// style or handler, which the CSP would block) and the script never
// parses API data as HTML.
func TestNothingInline(t *testing.T) {
	get := func(path string) string {
		rec := httptest.NewRecorder()
		statuspage.Handler().ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		if rec.Code != 200 {
			t.Fatalf("%s: status %d", path, rec.Code)
		}
		return rec.Body.String()
	}
	html, js := get("/"), get("/static/app.js")
	for _, tc := range []struct {
		what, text string
		bad        *regexp.Regexp
	}{
		{"an inline style", html, regexp.MustCompile(`<style|\sstyle\s*=`)},
		{"an inline handler", html, regexp.MustCompile(`\son[a-z]+\s*=`)},
		{"a resource from elsewhere", html, regexp.MustCompile(`(?:src|href)="(?:https?:)?//`)},
		{"HTML parsing", js, regexp.MustCompile(`innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function`)},
	} {
		if m := tc.bad.FindString(tc.text); m != "" {
			t.Errorf("%s: %q", tc.what, m)
		}
	}
	scripts := regexp.MustCompile(`(?s)<script([^>]*)>(.*?)</script>`).FindAllStringSubmatch(html, -1)
	if len(scripts) != strings.Count(html, "<script") || len(scripts) == 0 {
		t.Fatalf("%d script elements of %d", len(scripts), strings.Count(html, "<script"))
	}
	for _, m := range scripts {
		if !strings.Contains(m[1], `src="static/`) || strings.TrimSpace(m[2]) != "" {
			t.Errorf("an inline script: %q", m[0])
		}
	}
}
