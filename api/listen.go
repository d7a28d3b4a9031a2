package api

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"sync"
)

// Listener is one of a node's HTTP listeners, serving in the background
// until Shutdown.
type Listener struct {
	srv    *http.Server
	l      net.Listener
	served chan struct{} // closed when Serve has returned
	err    error         // why Serve returned, other than Shutdown; read after served
}

// Serve serves the public API (PublicHandler) on l.
func (s *Server) Serve(l net.Listener) *Listener {
	return s.serve(s.HTTPServer(l.Addr().String()), l, "API")
}

// ServeKeyper serves the keyper listener (KeyperHandler) on l, with at most
// KeyperConfig.MaxConns connections open at once: the public API's clients,
// however many, never hold the connections or goroutines peers' shares
// need, and a flood of this port holds no more than its cap.
func (s *Server) ServeKeyper(l net.Listener) *Listener {
	return s.serve(s.KeyperHTTPServer(l.Addr().String()), limitListener(l, s.keyper.MaxConns), "keyper listener")
}

func (s *Server) serve(srv *http.Server, l net.Listener, name string) *Listener {
	ln := &Listener{srv: srv, l: l, served: make(chan struct{})}
	go func() {
		defer close(ln.served)
		if err := srv.Serve(l); err != nil && !errors.Is(err, http.ErrServerClosed) {
			s.log.Error(name+" stopped", "addr", l.Addr().String(), "err", err)
			ln.err = fmt.Errorf("%s on %s: %w", name, l.Addr(), err)
		}
	}()
	return ln
}

// Addr is the address the listener is bound to (with the port picked for
// ":0").
func (ln *Listener) Addr() net.Addr { return ln.l.Addr() }

// URL is the listener's base URL, http://host:port.
func (ln *Listener) URL() string { return "http://" + ln.l.Addr().String() }

// Done is closed when the listener stops serving: after Shutdown, or on
// its own when accepting fails; Err then says why (nil after Shutdown).
func (ln *Listener) Done() <-chan struct{} { return ln.served }

// Err is why the listener stopped serving on its own, once Done is closed.
func (ln *Listener) Err() error {
	<-ln.served
	return ln.err
}

// Shutdown stops accepting and waits for requests in flight until ctx
// ends; then it closes the connections still open (a block feed reader
// holds its request until it disconnects).
func (ln *Listener) Shutdown(ctx context.Context) error {
	err := ln.srv.Shutdown(ctx)
	if err != nil {
		err = errors.Join(err, ln.srv.Close())
	}
	<-ln.served
	return err
}

// limitListener bounds a listener's open connections to n: Accept waits
// while n are open. (golang.org/x/net/netutil.LimitListener does the same;
// Veil does not import x/net directly.)
func limitListener(l net.Listener, n int) net.Listener {
	return &limitedListener{Listener: l, slots: make(chan struct{}, n), closed: make(chan struct{})}
}

type limitedListener struct {
	net.Listener
	slots     chan struct{} // one element per open connection
	closed    chan struct{}
	closeOnce sync.Once
}

func (l *limitedListener) Accept() (net.Conn, error) {
	select {
	case l.slots <- struct{}{}:
	case <-l.closed:
		return nil, net.ErrClosed
	}
	c, err := l.Listener.Accept()
	if err != nil {
		<-l.slots
		return nil, err
	}
	return &limitedConn{Conn: c, release: func() { <-l.slots }}, nil
}

func (l *limitedListener) Close() error {
	l.closeOnce.Do(func() { close(l.closed) })
	return l.Listener.Close()
}

// limitedConn frees its slot when closed, once however often Close is
// called.
type limitedConn struct {
	net.Conn
	once    sync.Once
	release func()
}

func (c *limitedConn) Close() error {
	err := c.Conn.Close()
	c.once.Do(c.release)
	return err
}
