// Package statuspage is a node's status page: one HTML page, a script and
// a stylesheet, embedded in the binary, that read the node's own JSON API
// from the browser. There is no framework and nothing from a CDN, so the
// page works on a machine without outside network and its Content Security
// Policy can allow nothing but the node itself.
package statuspage

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"net/http"
	"time"
)

// assets are the page's files; go:embed fails the build if one is missing.
//
//go:embed index.html static/app.js static/style.css static/favicon.svg
var assets embed.FS

// CSP is the page's Content Security Policy: the script, the stylesheet
// and the API calls come from the node, nothing is inline (so an injected
// string can never run), and nothing may frame the page.
const CSP = "default-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// Paths are the URL paths the page serves, for the router.
func Paths() []string {
	return []string{"/", "/static/app.js", "/static/style.css", "/static/favicon.svg"}
}

// file is an asset as served.
type file struct {
	body        []byte
	contentType string
	etag        string
}

type page struct {
	files map[string]file // by URL path
}

// Handler serves GET and HEAD of Paths; any other path is 404. The node's
// API routes only GET to it, so HEAD there is 405: the API routes exactly
// the methods api/openapi.yaml documents (TestOpenAPIMatchesRoutes).
func Handler() http.Handler {
	p := &page{files: map[string]file{}}
	for _, u := range Paths() {
		name, ct := "index.html", "text/html; charset=utf-8"
		switch u {
		case "/static/app.js":
			name, ct = "static/app.js", "text/javascript; charset=utf-8"
		case "/static/style.css":
			name, ct = "static/style.css", "text/css; charset=utf-8"
		case "/static/favicon.svg":
			name, ct = "static/favicon.svg", "image/svg+xml"
		}
		body, err := assets.ReadFile(name)
		if err != nil {
			continue // cannot happen: embedded above; it would answer 404
		}
		sum := sha256.Sum256(body)
		p.files[u] = file{body: body, contentType: ct, etag: `"` + hex.EncodeToString(sum[:8]) + `"`}
	}
	return p
}

// ServeHTTP sets the media type itself rather than have it guessed from
// the OS's mime tables, which differ between machines. Every load
// revalidates (no-cache with an ETag), so a node upgraded in place never
// pairs a new page with an old script, and a reload costs a 304.
func (p *page) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f, ok := p.files[r.URL.Path]
	if !ok {
		http.NotFound(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	h := w.Header()
	h.Set("Content-Type", f.contentType)
	h.Set("Cache-Control", "no-cache")
	h.Set("ETag", f.etag)
	h.Set("Content-Security-Policy", CSP)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(f.body))
}
