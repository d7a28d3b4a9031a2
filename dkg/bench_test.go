package dkg

import (
	"fmt"
	"syscall"
	"testing"
	"time"
)

// cpuTime is this process's user and system CPU time so far.
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkDKG runs whole DKGs among n keypers in one process (keypers in
// parallel on the machine's cores, every message encoded and decoded by
// every receiver). ns/op is the wall time of one DKG; cpu-ms/keyper is the
// CPU it cost divided by n, what one keyper spends on its own machine.
func BenchmarkDKG(b *testing.B) {
	for _, n := range []int{4, 10, 31} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			cfg, keys := testConfig(b, n, 2*n/3+1, 1)
			var cpu time.Duration
			for b.Loop() {
				l := newLocal(b, cfg, keys)
				start := cpuTime(b)
				_, errs, rej, err := l.Run(b.Context())
				cpu += cpuTime(b) - start
				if err != nil || len(rej) > 0 || errs[n-1] != nil {
					b.Fatal(err, rej, errs[n-1])
				}
			}
			b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N)/float64(n), "cpu-ms/keyper")
		})
	}
}

// BenchmarkObserver is what the chain spends on a DKG's outcome (protocol
// §10): an observer takes an honest n-keyper transcript, phase by phase,
// and computes the eon key and every public share. ns/op is that, on one
// core; transcript-bytes is the transcript the chain keeps (every message's
// encoding).
func BenchmarkObserver(b *testing.B) {
	for _, n := range []int{4, 10, 31, 100} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			cfg, keys := testConfig(b, n, 2*n/3+1, 1)
			l := newLocal(b, cfg, keys)
			byPhase := map[Phase][]*Message{}
			size := 0
			deliver := func(_ int, m *Message) *Message { return m }
			l.Deliver = func(to int, m *Message) *Message {
				if to == 1 { // each message once
					byPhase[m.Phase] = append(byPhase[m.Phase], m)
					size += len(m.Encode())
				}
				return deliver(to, m)
			}
			if _, _, rej, err := l.Run(b.Context()); err != nil || len(rej) > 0 {
				b.Fatal(err, rej)
			}
			for b.Loop() {
				obs, err := NewObserver(cfg)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := obs.Start(); err != nil {
					b.Fatal(err)
				}
				for p := PhaseAnnounce; p < PhaseDone; p++ {
					for _, m := range byPhase[p] {
						if err := obs.Handle(m); err != nil {
							b.Fatal(err)
						}
					}
					if _, err := obs.Advance(); err != nil {
						b.Fatal(err)
					}
				}
				if res, err := obs.Result(); err != nil || len(res.Qualified) != n {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(size), "transcript-bytes")
		})
	}
}
