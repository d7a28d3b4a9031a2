// Package gethnode holds what Veil's embedded go-ethereum nodes (the dev
// L1, the rollup node) share: go-ethereum's logs routed into log/slog, and
// their listen addresses.
package gethnode

import (
	"context"
	"log/slog"
	"slices"
	"sync"

	"github.com/ethereum/go-ethereum/log"
)

// go-ethereum logs in two ways. The node (and its RPC servers) log through
// node.Config.Logger, which the embedder sets per node with no global state
// (WarnAndAbove filters it). The
// chain, the tx pools, the miner and the simulated beacon log through the
// package-level log.Root(), which no option reaches: quieting or capturing
// those messages needs log.SetDefault, a process-wide setting.
//
// So Attach replaces the root logger once per process with one whose
// handler forwards Warn and above to the most recently attached logger that
// is still attached (the messages carry nothing that tells nodes apart). With no chain open it drops everything, which is
// go-ethereum's own default. If something else already gave go-ethereum a
// root logger that logs, gethLogs leaves it alone.
//
// log.SetDefault also calls slog.SetDefault when handed go-ethereum's own
// logger type; rootLogger wraps it so the process's slog default is not
// touched. The cost of the wrapper: a record's source position (only shown
// by handlers with AddSource) points into go-ethereum's log package.
var gethLogs logRouter

// Attach routes go-ethereum's root logger's Warn and above to lg until
// detach is called (see above).
func Attach(lg *slog.Logger) (detach func()) { return gethLogs.attach(lg) }

type logRouter struct {
	once  sync.Once
	mu    sync.RWMutex
	sinks []*slog.Logger // open chains' loggers, the newest last
}

// rootLogger hides go-ethereum's logger type from log.SetDefault (see above).
type rootLogger struct{ log.Logger }

// attach routes go-ethereum's root logger to lg until detach is called.
func (r *logRouter) attach(lg *slog.Logger) (detach func()) {
	r.once.Do(func() {
		if log.Root().Enabled(context.Background(), log.LevelCrit) {
			lg.Info("gethnode: go-ethereum's root logger is already set up; leaving it as it is")
			return
		}
		log.SetDefault(rootLogger{log.NewLogger(routedHandler{r: r})})
	})
	r.mu.Lock()
	r.sinks = append(r.sinks, lg)
	r.mu.Unlock()

	var once sync.Once
	return func() {
		once.Do(func() {
			r.mu.Lock()
			defer r.mu.Unlock()
			if i := slices.Index(r.sinks, lg); i >= 0 {
				r.sinks = slices.Delete(r.sinks, i, i+1)
			}
		})
	}
}

// current is the logger records go to, nil if none.
func (r *logRouter) current() *slog.Logger {
	r.mu.RLock()
	defer r.mu.RUnlock()
	if len(r.sinks) == 0 {
		return nil
	}
	return r.sinks[len(r.sinks)-1]
}

// routedHandler is the root logger's handler. The sink is looked up per
// record, so the attributes and groups go-ethereum adds with With are kept
// as steps to replay on the sink's handler.
type routedHandler struct {
	r     *logRouter
	steps []func(slog.Handler) slog.Handler
}

func (h routedHandler) target() slog.Handler {
	lg := h.r.current()
	if lg == nil {
		return nil
	}
	t := lg.Handler()
	for _, step := range h.steps {
		t = step(t)
	}
	return t
}

func (h routedHandler) Enabled(ctx context.Context, level slog.Level) bool {
	if level < slog.LevelWarn {
		return false // decided before any attribute is formatted
	}
	lg := h.r.current()
	return lg != nil && lg.Handler().Enabled(ctx, level)
}

func (h routedHandler) Handle(ctx context.Context, rec slog.Record) error {
	t := h.target()
	if rec.Level < slog.LevelWarn || t == nil || !t.Enabled(ctx, rec.Level) {
		return nil
	}
	return t.Handle(ctx, rec)
}

func (h routedHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	if len(attrs) == 0 {
		return h
	}
	return routedHandler{r: h.r, steps: append(slices.Clip(h.steps), func(t slog.Handler) slog.Handler {
		return t.WithAttrs(attrs)
	})}
}

func (h routedHandler) WithGroup(name string) slog.Handler {
	if name == "" {
		return h
	}
	return routedHandler{r: h.r, steps: append(slices.Clip(h.steps), func(t slog.Handler) slog.Handler {
		return t.WithGroup(name)
	})}
}

// WarnAndAbove passes on records at Warn and above only: go-ethereum's
// Info is chatty (every block imported), Warn and above is news.
type WarnAndAbove struct{ slog.Handler }

func (h WarnAndAbove) Enabled(ctx context.Context, level slog.Level) bool {
	return level >= slog.LevelWarn && h.Handler.Enabled(ctx, level)
}

func (h WarnAndAbove) Handle(ctx context.Context, rec slog.Record) error {
	if rec.Level < slog.LevelWarn {
		return nil
	}
	return h.Handler.Handle(ctx, rec)
}

func (h WarnAndAbove) WithAttrs(attrs []slog.Attr) slog.Handler {
	return WarnAndAbove{h.Handler.WithAttrs(attrs)}
}

func (h WarnAndAbove) WithGroup(name string) slog.Handler {
	return WarnAndAbove{h.Handler.WithGroup(name)}
}
