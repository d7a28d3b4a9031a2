package node

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/veil-sequencer/veil/atomicfile"
	"github.com/veil-sequencer/veil/chain"
	"github.com/veil-sequencer/veil/dkg"
	"github.com/veil-sequencer/veil/eon"
)

// dkgTick wakes the DKG loop between blocks, to send again what the chain
// has not committed.
const dkgTick = time.Second

// dkgDriver runs this keyper's part in the chain's DKGs (protocol §10):
// once the chain opens one this keyper is a member of, it runs the dkg
// state machine on what the chain commits, a phase at a time, and sends
// its messages as chain transactions (0x04), again every step until a
// block holds them. It catches up from the transcript if it starts late
// (messages of a phase already over are not sent). The outcome is the
// chain's (an observer over the transcript); this keyper's share of the
// new eon is kept for its activation.
//
// Its secrets (the ephemeral key once it announced, the polynomial once it
// dealt: dkg.Keyper.Secrets) are kept in a file (0600) in dir before the
// messages that depend on them are sent, until the outcome is on chain: a
// node restarted mid-DKG takes its state machine up again from them and
// the transcript (dkg.Resume), and the shares dealt to it still decrypt.
// The file is removed afterwards: the DKG's secrets must not outlive it.
type dkgDriver struct {
	k      *Keyper
	submit func(ctx context.Context, tx []byte) error
	slots  uint64 // dkgPhaseSlots
	dir    string // where the secrets of the DKG running are kept
	wake   chan struct{}

	phase    prometheus.Gauge
	failures *prometheus.CounterVec

	mu      sync.Mutex
	eon     uint64      // the DKG this keyper runs (0: none)
	machine *dkg.Keyper // its state machine
	out     []*dkg.Message
	saved   int         // bytes of secrets in the file
	done    bool        // its outcome is on chain and was taken
	result  *dkg.Result // this keyper's result of the last DKG that dealt
}

func newDKGDriver(k *Keyper) *dkgDriver {
	d := &dkgDriver{k: k, wake: make(chan struct{}, 1),
		phase: prometheus.NewGauge(prometheus.GaugeOpts{Name: "veil_dkg_phase",
			Help: "The phase of the next eon's DKG this keyper is in: 0 none, 1 announce, 2 deal, 3 complaint, 4 justification, 5 done."}),
		failures: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "veil_dkg_failures_total",
			Help: "DKGs this node saw fail, by reason: too_few (fewer than t qualified dealers), other."}, []string{"reason"})}
	for _, r := range []string{dkgTooFew, dkgOther} {
		d.failures.WithLabelValues(r) // at 0 from the start (node/metrics.go)
	}
	return d
}

// Why a DKG failed (veil_dkg_failures_total's reason).
const (
	dkgTooFew = "too_few" // fewer than t qualified dealers
	dkgOther  = "other"
)

// startDKG makes the keyper take part in the chain's DKGs, its messages
// sent through submit.
func (k *Keyper) startDKG(submit func(ctx context.Context, tx []byte) error, phaseSlots uint64, dir string) {
	d := k.dkg
	d.mu.Lock()
	d.submit, d.slots, d.dir = submit, phaseSlots, dir
	d.mu.Unlock()
	k.loadShares(dir)
	k.spawnLoop(func(ctx context.Context) {
		tick := time.NewTicker(dkgTick)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-d.wake:
			case <-tick.C:
			}
			if err := d.step(ctx); err != nil && ctx.Err() == nil {
				k.log.Warn("dkg", "err", err)
			}
		}
	})
}

// committed wakes the loop after a block.
func (d *dkgDriver) committed() {
	select {
	case d.wake <- struct{}{}:
	default:
	}
}

// step reads the committed state and does what the DKG asks of this
// keyper now.
func (d *dkgDriver) step(ctx context.Context) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	c := d.k.chain.Load()
	if c == nil || d.submit == nil {
		return nil
	}
	height := c.Height()
	st := chain.NewState(c.Begin(), d.k.domain)
	run, ok, err := st.CurrentDKG()
	if err != nil || !ok {
		return err
	}
	if run.Eon != d.eon {
		d.startEon(run)
	}
	if d.machine == nil || d.done {
		return nil
	}
	next := run.PhaseAt(height+1, d.slots) // what the next block takes
	if err := d.catchUp(st, run, next); err != nil {
		return err
	}
	if err := d.keep(run.Eon); err != nil {
		return fmt.Errorf("keeping the secrets of eon %d's DKG: %w", run.Eon, err)
	}
	d.phase.Set(float64(d.machine.Phase()))
	if next == dkg.PhaseDone {
		return d.finish(st, run)
	}
	// Send this phase's messages until a block holds them.
	for _, m := range d.out {
		if m.Phase != next {
			continue
		}
		have, err := st.DKGMessages(run.Eon, m.Phase)
		if err != nil {
			return err
		}
		if slices.ContainsFunc(have, func(h *dkg.Message) bool { return h.Keyper == m.Keyper }) {
			continue
		}
		if err := d.submit(ctx, append([]byte{chain.TxDKG}, m.Encode()...)); err != nil {
			return fmt.Errorf("sending the %s message of eon %d's DKG: %w", m.Phase, run.Eon, err)
		}
	}
	return nil
}

// startEon sets up this keyper's state machine for the DKG run, if it is
// a member.
func (d *dkgDriver) startEon(run *chain.DKG) {
	d.eon, d.machine, d.out, d.done, d.saved = run.Eon, nil, nil, false, 0
	d.removeOthers(run.Eon)
	me := crypto.PubkeyToAddress(d.k.signer.PublicKey)
	for i, m := range run.Members {
		if m.Keyper != me {
			continue
		}
		cfg := run.Config(d.k.domain.ChainID)
		machine, err := dkg.New(cfg, i+1, d.k.signer, nil)
		if secrets, rerr := os.ReadFile(d.secretsFile(run.Eon)); rerr == nil {
			machine, err = dkg.Resume(cfg, i+1, d.k.signer, secrets, nil)
			d.saved = len(secrets)
			clear(secrets)
			d.k.log.Info("dkg: taking this keyper's DKG up again from its secrets", "eon", run.Eon)
		} else if !errors.Is(rerr, fs.ErrNotExist) {
			err = rerr
		}
		if err != nil {
			d.k.log.Error("dkg: cannot take part", "eon", run.Eon, "err", err)
			return
		}
		d.machine = machine
		d.k.log.Info("dkg: this keyper is in the next eon's DKG", "eon", run.Eon, "keyper", i+1, "of", len(run.Members),
			"threshold", run.Threshold, "from_slot", run.Start+1, "result_slot", run.End(d.slots))
		return
	}
	d.k.log.Info("dkg: the next eon's DKG runs without this keyper", "eon", run.Eon, "members", len(run.Members))
}

// catchUp brings the state machine to the phase the next block takes:
// each phase over is fed its committed messages and ended.
func (d *dkgDriver) catchUp(st *chain.State, run *chain.DKG, next dkg.Phase) error {
	m := d.machine
	if m.Phase() == 0 && next >= dkg.PhaseAnnounce {
		msg, err := m.Start()
		if err != nil {
			return err
		}
		d.out = []*dkg.Message{msg}
	}
	for m.Phase() < next && m.Phase() < dkg.PhaseDone {
		p := m.Phase()
		msgs, err := st.DKGMessages(run.Eon, p)
		if err != nil {
			return err
		}
		for _, msg := range msgs {
			if err := m.Handle(msg); err != nil {
				d.k.log.Warn("dkg: a committed message refused", "eon", run.Eon, "phase", p, "from", msg.Keyper, "err", err)
			}
		}
		out, err := m.Advance()
		if err != nil && p != dkg.PhaseJustification {
			return fmt.Errorf("ending %s of eon %d's DKG: %w", p, run.Eon, err)
		}
		d.out = out
		d.k.log.Info("dkg: phase over", "eon", run.Eon, "phase", p, "messages", len(msgs), "sending", len(out))
	}
	return nil
}

// finish takes the chain's outcome once it is recorded.
func (d *dkgDriver) finish(st *chain.State, run *chain.DKG) error {
	outcome, ok, err := st.DKGOutcome(run.Eon)
	if err != nil || !ok {
		return err
	}
	d.done = true
	removeSecrets := func() {
		if err := os.Remove(d.secretsFile(run.Eon)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			d.k.log.Error("dkg: removing the secrets of a finished DKG", "eon", run.Eon, "err", err)
		}
	}
	res, mine := d.machine.Result()
	if outcome.Eon == nil {
		reason := dkgOther
		if errors.Is(mine, dkg.ErrTooFew) {
			reason = dkgTooFew
		}
		d.failures.WithLabelValues(reason).Inc()
		d.k.log.Warn("dkg: the next eon's DKG failed; the current eon goes on, and the next boundary tries again",
			"eon", run.Eon, "why", outcome.Failed)
		removeSecrets()
		return nil
	}
	if mine != nil || res == nil || !bytes.Equal(res.EonKey.Bytes(), outcome.Eon.PublicKey.Bytes()) {
		d.failures.WithLabelValues(dkgOther).Inc()
		d.k.log.Error("dkg: the chain's eon key is not the one this keyper computed, or it holds no share", "eon", run.Eon, "err", mine)
		removeSecrets()
		return nil
	}
	d.result = res
	share := &eon.Share{Eon: outcome.Eon, Index: res.Index, Address: crypto.PubkeyToAddress(d.k.signer.PublicKey), Share: res.Share}
	// The share is on disk before the secrets it came from are gone: a
	// crash in between restarts from the secrets and deals it again.
	if err := d.k.keepShare(d.dir, share); err != nil {
		d.done = false
		return fmt.Errorf("keeping this keyper's share of eon %d: %w", run.Eon, err)
	}
	removeSecrets()
	if err := d.k.addShare(share); err != nil {
		return fmt.Errorf("taking up this keyper's share of eon %d: %w", run.Eon, err)
	}
	d.k.log.Info("dkg: the next eon is dealt; this keyper holds its share for the activation", "eon", run.Eon,
		"keyper", res.Index, "qualified", len(res.Qualified), "of", len(run.Members))
	return nil
}

// secretsFile is where this keyper keeps the secrets of eon's DKG.
func (d *dkgDriver) secretsFile(eon uint64) string {
	return filepath.Join(d.dir, fmt.Sprintf("dkg-%d-%d.secrets", d.k.domain.ChainID, eon))
}

// keep writes the state machine's secrets when they grew (it announced, or
// dealt), before any message that depends on them is sent.
func (d *dkgDriver) keep(eon uint64) error {
	secrets := d.machine.Secrets()
	defer clear(secrets)
	if len(secrets) <= d.saved {
		return nil
	}
	if err := os.MkdirAll(d.dir, 0o700); err != nil {
		return err
	}
	if err := atomicfile.Write(d.secretsFile(eon), secrets, 0o600); err != nil {
		return err
	}
	d.saved = len(secrets)
	return nil
}

// removeOthers removes the secrets of every DKG but eon's: over, or
// abandoned.
func (d *dkgDriver) removeOthers(eon uint64) {
	files, _ := filepath.Glob(filepath.Join(d.dir, fmt.Sprintf("dkg-%d-*.secrets", d.k.domain.ChainID)))
	for _, f := range files {
		if f != d.secretsFile(eon) {
			_ = os.Remove(f)
		}
	}
}
