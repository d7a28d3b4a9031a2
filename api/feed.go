package api

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"strconv"
	"time"

	"github.com/veil-sequencer/veil/api/apitypes"
)

// FeedConfig tunes GET /v1/blocks?from=N.
type FeedConfig struct {
	Heartbeat    time.Duration // a comment line this often while no event is ready (default 15 s)
	WriteTimeout time.Duration // a reader that takes longer to accept one event is cut off (default 10 s)
}

// getFeed streams the block feed (protocol §8): one event per slot and
// level in slot order (level=final: the final events alone; a
// Last-Event-ID's level decides which feed resumes), each block's JSON encoded once however many read
// it (the backend's cache). A reader gets one event at a time: one that
// stops reading holds only the kernel's socket buffer, and is cut off once
// a write has waited WriteTimeout; its last id is where it resumes.
func (s *Server) getFeed(w http.ResponseWriter, r *http.Request) {
	cur := apitypes.FeedCursor{Slot: 1, Level: apitypes.LevelCommitted}
	switch level := r.URL.Query().Get("level"); level {
	case "":
	case apitypes.LevelFinal:
		cur.Level = level
	default:
		writeError(w, badField("level", "want final, or no level for the committed and decrypted events"))
		return
	}
	if from := r.URL.Query().Get("from"); from != "" {
		n, err := strconv.ParseUint(from, 10, 64)
		if err != nil || n == 0 {
			writeError(w, badField("from", "want a slot number from 1"))
			return
		}
		cur.Slot = n
	}
	if last := r.Header.Get("Last-Event-ID"); last != "" { // wins over from
		c, err := apitypes.ParseEventID(last)
		if err != nil {
			writeError(w, badField("Last-Event-ID", err.Error()))
			return
		}
		cur = c.After()
	}
	rc := http.NewResponseController(w)
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	s.feedReaders.Inc()
	defer s.feedReaders.Dec()
	write := func(b []byte) error {
		if err := rc.SetWriteDeadline(time.Now().Add(s.feed.WriteTimeout)); err != nil {
			return err
		}
		if _, err := w.Write(b); err != nil {
			return err
		}
		return rc.Flush()
	}
	if err := write([]byte(": veil block feed\n\n")); err != nil {
		return
	}
	for {
		ctx, cancel := context.WithTimeout(r.Context(), s.feed.Heartbeat)
		data, err := s.backend.FeedEvent(ctx, cur)
		cancel()
		switch {
		case r.Context().Err() != nil:
			return
		case errors.Is(err, context.DeadlineExceeded):
			if write([]byte(": heartbeat\n\n")) != nil {
				return
			}
			continue
		case err != nil:
			s.log.WarnContext(r.Context(), "block feed", "at", cur.ID(), "err", err)
			return
		}
		frame := make([]byte, 0, len(data)+64)
		frame = fmt.Appendf(frame, "id: %s\nevent: %s\ndata: ", cur.ID(), cur.Level)
		frame = append(append(frame, data...), '\n', '\n')
		if err := write(frame); err != nil {
			if errors.Is(err, os.ErrDeadlineExceeded) { // too slow, not gone
				s.feedCutoffs.Inc()
				s.log.InfoContext(r.Context(), "block feed reader cut off", "resume", cur.ID(), "err", err)
			}
			return
		}
		cur = cur.After()
	}
}
