package client

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// MaxFeedEvent is the default bound on one event of the block feed, in
// bytes: the largest legitimate event is a decrypted block, about 1.7 MB of
// JSON for 1,000 envelopes and at most ~10 MB at the default 30,000,000
// slot gas (1,428 envelopes, 1.9 MB of ciphertext, each byte twice as hex
// in the envelope and its plaintext). 32 MiB leaves room for larger
// deployments and still stops a node that streams without end.
const MaxFeedEvent = 32 << 20

// ErrFeedTooLarge is a feed line or event over the reader's bound; the
// message names the bound.
var ErrFeedTooLarge = errors.New("client: feed event too large")

// ReadFeed reads one connection to node's block feed (GET /v1/blocks),
// from slot from or, if lastID is set, after that event, and hands fn each
// event whole: its id, type (committed or decrypted) and data (the block
// JSON, unverified). It returns fn's first error, ErrFeedTooLarge for an
// event over MaxFeedEvent bytes (having read at most a 64 KiB buffer past
// the bound), or the connection's error when it drops.
func ReadFeed(ctx context.Context, hc *http.Client, node string, from uint64, lastID string, fn func(id, event string, data []byte) error) error {
	return readFeed(ctx, hc, node, "", from, lastID, MaxFeedEvent, fn)
}

// readFeed is ReadFeed of the feed of level ("": committed and decrypted
// events; final) with a bound on events (MaxFeedEvent if not positive).
func readFeed(ctx context.Context, hc *http.Client, node, level string, from uint64, lastID string, limit int, fn func(id, event string, data []byte) error) error {
	url := fmt.Sprintf("%s/v1/blocks?from=%d", strings.TrimRight(node, "/"), from)
	if level != "" {
		url += "&level=" + level
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return fmt.Errorf("client: feed: %w", err)
	}
	if lastID != "" {
		req.Header.Set("Last-Event-ID", lastID)
	}
	resp, err := hc.Do(req)
	if err != nil {
		return fmt.Errorf("client: feed: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		body, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
		return fmt.Errorf("client: feed: %s: %s", resp.Status, body)
	}
	return readEvents(bufio.NewReaderSize(resp.Body, 64<<10), limit, fn)
}

// readEvents parses Server-Sent Events from br, as the feed writes them:
// lines "id: ", "event: ", "data: " (the last of each wins), comments and
// other lines ignored, and a blank line ending the event, handed to fn if
// it has an id. An event's lines, newlines aside, total at most limit
// bytes: a node is untrusted, and one line is a whole block, so the line is
// read a buffer at a time and refused as soon as it passes the bound.
func readEvents(br *bufio.Reader, limit int, fn func(id, event string, data []byte) error) error {
	if limit <= 0 {
		limit = MaxFeedEvent
	}
	var id, event string
	var data, line []byte
	size := 0 // of the event's lines so far
	hint := 0 // the last data line's length and an eighth: the next is likely as long
	for {
		var err error
		line, err = readLine(br, line[:0], limit-size, hint)
		if errors.Is(err, ErrFeedTooLarge) {
			what := "an event"
			if size == 0 {
				what = "a line"
			}
			return fmt.Errorf("%w: %s of more than %d bytes (the limit: MaxFeedEvent or Follower.MaxEvent)", err, what, limit)
		}
		if err != nil {
			return err
		}
		if len(line) == 0 {
			if id != "" {
				if err := fn(id, event, data); err != nil {
					return err
				}
			}
			id, event, data, size = "", "", nil, 0
			continue
		}
		size += len(line)
		switch {
		case bytes.HasPrefix(line, []byte("id: ")):
			id = string(line[4:])
		case bytes.HasPrefix(line, []byte("event: ")):
			event = string(line[7:])
		case bytes.HasPrefix(line, []byte("data: ")):
			hint = len(line) + len(line)/8
			data, line = line[6:], nil // fn gets the buffer; the next line needs its own
		}
	}
}

// readLine appends br's next line, without its newline, to buf, growing buf
// no further than limit bytes: a longer line is ErrFeedTooLarge, with at
// most one buffer read past the bound. A line the stream ends in without a
// newline is an error (io.EOF or the connection's). An empty buf grows to
// hint at once (one allocation per block rather than a doubling series).
func readLine(br *bufio.Reader, buf []byte, limit, hint int) ([]byte, error) {
	for {
		frag, err := br.ReadSlice('\n')
		n := len(frag)
		if err == nil {
			n-- // the newline
		}
		if len(buf)+n > limit {
			return buf, ErrFeedTooLarge
		}
		if need := len(buf) + n; need > cap(buf) {
			grown := make([]byte, len(buf), min(max(2*cap(buf), need, hint), limit))
			copy(grown, buf)
			buf = grown
		}
		buf = append(buf, frag[:n]...)
		switch {
		case err == nil:
			return buf, nil
		case !errors.Is(err, bufio.ErrBufferFull):
			return buf, err
		}
	}
}
