package apitypes

import (
	"fmt"
	"strconv"
	"strings"
)

// Levels of a slot in the block feed (GET /v1/blocks), in the order a slot
// reaches them; a feed event's type is its level. The default feed has
// committed and decrypted events; the final feed (level=final) has one
// final event per slot, once a batch L1 accepted covers it (protocol §9),
// minutes later: a stream of its own, so that neither waits on the other.
const (
	LevelCommitted = "committed"
	LevelDecrypted = "decrypted"
	LevelFinal     = "final"
)

// FeedCursor is a position in the feed: the next event is (Slot, Level).
type FeedCursor struct {
	Slot  uint64
	Level string
}

// After is the cursor following the event at c.
func (c FeedCursor) After() FeedCursor {
	switch c.Level {
	case LevelCommitted:
		return FeedCursor{c.Slot, LevelDecrypted}
	case LevelFinal:
		return FeedCursor{c.Slot + 1, LevelFinal}
	}
	return FeedCursor{c.Slot + 1, LevelCommitted}
}

// ID is the SSE id of the event at c: "<slot>-<level>".
func (c FeedCursor) ID() string { return strconv.FormatUint(c.Slot, 10) + "-" + c.Level }

// ParseEventID reads an SSE id back.
func ParseEventID(id string) (FeedCursor, error) {
	s, level, ok := strings.Cut(id, "-")
	slot, err := strconv.ParseUint(s, 10, 64)
	if !ok || err != nil || (level != LevelCommitted && level != LevelDecrypted && level != LevelFinal) {
		return FeedCursor{}, fmt.Errorf("event id %q: want <slot>-committed, <slot>-decrypted or <slot>-final", id)
	}
	return FeedCursor{slot, level}, nil
}
