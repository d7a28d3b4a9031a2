package gethnode

import (
	"context"
	"log/slog"
	"sync"
	"testing"

	"github.com/ethereum/go-ethereum/log"
)

// capture is a slog handler keeping the messages it is handed.
type capture struct {
	mu   sync.Mutex
	msgs []string
}

func (c *capture) Enabled(context.Context, slog.Level) bool { return true }
func (c *capture) WithAttrs([]slog.Attr) slog.Handler       { return c }
func (c *capture) WithGroup(string) slog.Handler            { return c }
func (c *capture) Handle(_ context.Context, r slog.Record) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.msgs = append(c.msgs, r.Message)
	return nil
}

func (c *capture) has(msg string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, m := range c.msgs {
		if m == msg {
			return true
		}
	}
	return false
}

// TestGethLogRouting: go-ethereum's root logger reaches the newest attached
// logger, Warn and above only, and slog's default is left alone.
func TestGethLogRouting(t *testing.T) {
	before := slog.Default()
	first, second := &capture{}, &capture{}
	detach1 := Attach(slog.New(first))
	detach2 := Attach(slog.New(second))
	if slog.Default() != before {
		t.Error("routing go-ethereum's log changed slog.Default")
	}
	log.Warn("to second")
	log.Info("info is dropped")
	log.New("module", "x").Error("error with attrs")
	detach2()
	log.Warn("to first")
	detach1()
	log.Warn("to nobody")

	for _, tc := range []struct {
		c    *capture
		msg  string
		want bool
	}{
		{second, "to second", true},
		{second, "info is dropped", false},
		{second, "error with attrs", true},
		{first, "to second", false},
		{first, "to first", true},
		{second, "to first", false},
		{first, "to nobody", false},
		{second, "to nobody", false},
	} {
		if got := tc.c.has(tc.msg); got != tc.want {
			t.Errorf("message %q delivered=%v, want %v", tc.msg, got, tc.want)
		}
	}
}
