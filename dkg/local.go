package dkg

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// PhaseStats describes one phase of a local run.
type PhaseStats struct {
	Phase    Phase
	Messages int           // messages broadcast
	Bytes    int           // their total encoded size
	Took     time.Duration // wall time: producing, encoding, decoding and handling
}

// Rejection is a message a keyper refused, with why.
type Rejection struct {
	Keyper int // the receiver
	Err    error
}

// Local runs a DKG among keypers in one process, passing every message
// through its canonical encoding and Decode to every keyper (the sender
// included), one phase at a time, keypers in parallel. A nil entry in
// Keypers is a keyper that never speaks; an observer (NewObserver) listens
// (Deliver sees it as keyper 0).
type Local struct {
	Keypers []*Keyper

	// Deliver, if set, decides what keyper `to` receives in place of m (nil
	// drops it). Tests use it to model faulty networks and keypers. It is
	// called from one goroutine at a time.
	Deliver func(to int, m *Message) *Message

	// Progress, if set, is called after each phase.
	Progress func(PhaseStats)
}

// Run executes every phase and returns each keyper's result and error
// (index i for Keypers[i]; nil for a nil keyper) and every rejected message.
func (l *Local) Run(ctx context.Context) ([]*Result, []error, []Rejection, error) {
	var outgoing []*Message
	start := time.Now()
	for _, k := range l.Keypers {
		if k == nil {
			continue
		}
		m, err := k.Start()
		if err != nil {
			return nil, nil, nil, fmt.Errorf("keyper %d: %w", k.Index(), err)
		}
		if m != nil { // an observer says nothing
			outgoing = append(outgoing, m)
		}
	}
	var rejections []Rejection
	for _, phase := range []Phase{PhaseAnnounce, PhaseDeal, PhaseComplaint, PhaseJustification} {
		if err := ctx.Err(); err != nil {
			return nil, nil, rejections, err
		}
		stats := PhaseStats{Phase: phase, Messages: len(outgoing)}
		rejections = append(rejections, l.deliver(outgoing, &stats)...)

		// End the phase everywhere; the next phase's messages come out.
		next := make([][]*Message, len(l.Keypers))
		errs := make([]error, len(l.Keypers))
		l.parallel(func(i int, k *Keyper) { next[i], errs[i] = k.Advance() })
		outgoing = outgoing[:0]
		for i, ms := range next {
			if errs[i] != nil && phase != PhaseJustification {
				return nil, nil, rejections, fmt.Errorf("keyper %d: %w", i+1, errs[i])
			}
			outgoing = append(outgoing, ms...)
		}
		stats.Took = time.Since(start)
		start = time.Now()
		if l.Progress != nil {
			l.Progress(stats)
		}
	}
	results := make([]*Result, len(l.Keypers))
	errs := make([]error, len(l.Keypers))
	for i, k := range l.Keypers {
		if k != nil {
			results[i], errs[i] = k.Result()
		}
	}
	return results, errs, rejections, nil
}

// deliver encodes each message once and has every keyper decode and handle
// every message, as over a broadcast channel. Deliver is consulted serially,
// before the keypers handle their inboxes in parallel.
func (l *Local) deliver(msgs []*Message, stats *PhaseStats) []Rejection {
	encoded := make([][]byte, len(msgs))
	for i, m := range msgs {
		encoded[i] = m.Encode()
		stats.Bytes += len(encoded[i])
	}
	inbox := make([][][]byte, len(l.Keypers))
	for i, k := range l.Keypers {
		if k == nil {
			continue
		}
		for j, m := range msgs {
			b := encoded[j]
			if l.Deliver != nil {
				d := l.Deliver(k.Index(), m)
				if d == nil {
					continue
				}
				if d != m {
					b = d.Encode()
				}
			}
			inbox[i] = append(inbox[i], b)
		}
	}
	var mu sync.Mutex
	var rejections []Rejection
	l.parallel(func(i int, k *Keyper) {
		for _, b := range inbox[i] {
			if err := handleBytes(k, b); err != nil {
				mu.Lock()
				rejections = append(rejections, Rejection{Keyper: k.Index(), Err: err})
				mu.Unlock()
			}
		}
	})
	return rejections
}

func handleBytes(k *Keyper, b []byte) error {
	m, err := Decode(b)
	if err != nil {
		return err
	}
	return k.Handle(m)
}

// parallel runs f for every non-nil keyper, each in its own goroutine.
func (l *Local) parallel(f func(i int, k *Keyper)) {
	var wg sync.WaitGroup
	for i, k := range l.Keypers {
		if k != nil {
			wg.Go(func() { f(i, k) })
		}
	}
	wg.Wait()
}
