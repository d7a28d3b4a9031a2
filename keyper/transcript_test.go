package keyper

import (
	"crypto/ecdsa"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/veil-sequencer/veil/eon"
	"github.com/veil-sequencer/veil/threshold"
	"github.com/veil-sequencer/veil/threshold/thresholdtest"
)

var rewrite = flag.Bool("rewrite", false, "rewrite testdata/core/*.txt with the core's outputs")

// TestCoreTranscripts replays testdata/core/*.txt: each command steps a
// Core the way node.Keyper does (its releases signed and stepped back in,
// its work done depth first) and the outputs must be the ones written
// under it. The committees are dealt from a seeded reader and every
// combined key is checked against the dealer's, so a transcript pins the
// exact messages, faults, silences and keys. Run with -rewrite to write
// the outputs into the files (then read the diff).
//
// Commands (key=value arguments, flags alone):
//
//	eon id=E n=N t=T self=I          this node is keyper I of a fresh N-keyper, t-of-N eon E
//	commit eon=E [bideon=E2] height=H[-H2] [bundle=a,b] [bids] [fresh] [unread]
//	                                 block H committed (each of H…H2, with empty bundles)
//	recv from=K slot=S [eon=E] [height=H] [bid] [shares=a,b] [bad=b|bid]
//	     [chain=C] [signer=K2] [hold]
//	                                 keyper K's signed message; bad= swaps a share for its
//	                                 share of another identity; hold keeps its verification
//	                                 (as if still running) for run
//	run                              does the held work
//
// Output lines, indented by how deep in a step's consequences they are:
//
//	release KIND eE/S [ids]          work: this keyper's shares
//	send KIND eE/S from I [ids]      a release to sign and send (then stepped back in)
//	verify K eE/S IDS|none           work: the shares of K's message that need a pairing
//	combine KIND eE/S                work: combining keys
//	keys KIND eE/S [ids] valid       keys ready (valid: the dealer's keys)
//	fault K eE/S ID REASON [known]   a bad share
//	dropped K eE/S N                 N shares of a named keyper dropped unverified
//	silent K eE/S                    K sent nothing for the bundle
//	abandoned eE/S                   keys never whole; collecting stops
//	held verify K eE/S               a verification kept for run
//	error: …                         the step refused its input
func TestCoreTranscripts(t *testing.T) {
	files, err := filepath.Glob("testdata/core/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no transcripts: %v", err)
	}
	for _, f := range files {
		t.Run(strings.TrimSuffix(filepath.Base(f), ".txt"), func(t *testing.T) { runTranscript(t, f) })
	}
}

// block is one command of a transcript with the comments above it and
// its expected output.
type block struct {
	comments []string
	cmd      string
	line     int
	want     string
}

func parseTranscript(t *testing.T, path string) []block {
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(string(raw), "\n"), "\n")
	var out []block
	var cur block
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		switch {
		case strings.HasPrefix(l, "#") || strings.TrimSpace(l) == "":
			cur.comments = append(cur.comments, l)
			continue
		}
		cur.cmd, cur.line = l, i+1
		if i+1 >= len(lines) || lines[i+1] != "----" {
			t.Fatalf("%s:%d: want ---- after the command", path, i+1)
		}
		i += 2
		var want []string
		for ; i < len(lines) && lines[i] != ""; i++ {
			want = append(want, lines[i])
		}
		cur.want = strings.Join(want, "\n")
		out = append(out, cur)
		cur = block{}
	}
	return out
}

func runTranscript(t *testing.T, path string) {
	blocks := parseTranscript(t, path)
	h := &harness{t: t, core: NewCore(Config{Domain: domain, Rand: rand.NewChaCha8([32]byte{7})}), eons: map[uint64]*testEon{}}
	var rewritten strings.Builder
	for _, b := range blocks {
		h.out.Reset()
		h.exec(b.cmd)
		got := strings.TrimRight(h.out.String(), "\n")
		if *rewrite {
			for _, c := range b.comments {
				rewritten.WriteString(c + "\n")
			}
			rewritten.WriteString(b.cmd + "\n----\n")
			if got != "" {
				rewritten.WriteString(got + "\n")
			}
			rewritten.WriteString("\n")
			continue
		}
		if got != b.want {
			t.Errorf("%s:%d: %s\ngot:\n%s\nwant:\n%s", path, b.line, b.cmd, got, b.want)
		}
	}
	if *rewrite {
		if err := os.WriteFile(path, []byte(strings.TrimRight(rewritten.String(), "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// testEon is a committee dealt for a transcript.
type testEon struct {
	info *eon.Info
	deal *thresholdtest.Dealing
	keys []*ecdsa.PrivateKey // signing keys, by index − 1
	self int
}

type harness struct {
	t    *testing.T
	core *Core
	eons map[uint64]*testEon
	held []Work
	out  strings.Builder
}

// args splits "k=v" and bare flags.
func args(fields []string) map[string]string {
	out := map[string]string{}
	for _, f := range fields {
		k, v, _ := strings.Cut(f, "=")
		out[k] = v
	}
	return out
}

func (h *harness) num(a map[string]string, key string, def uint64) uint64 {
	v, ok := a[key]
	if !ok {
		return def
	}
	n, err := strconv.ParseUint(v, 10, 64)
	if err != nil {
		h.t.Fatalf("%s=%s: %v", key, v, err)
	}
	return n
}

// ident is the identity a transcript names with a word.
func ident(name string) threshold.Identity {
	var id threshold.Identity
	copy(id[:], name)
	return id
}

func idents(list string) []threshold.Identity {
	if list == "" {
		return nil
	}
	var out []threshold.Identity
	for _, n := range strings.Split(list, ",") {
		out = append(out, ident(n))
	}
	return out
}

func (h *harness) name(chainID uint64, slot uint64, id threshold.Identity) string {
	if id == threshold.BidIdentity(chainID, slot) {
		return "bid"
	}
	return strings.TrimRight(string(id[:]), "\x00")
}

func (h *harness) names(ids []threshold.Identity) string {
	var out []string
	for _, id := range ids {
		out = append(out, h.name(0, 0, id))
	}
	return strings.Join(out, ",")
}

func (h *harness) exec(cmd string) {
	fields := strings.Fields(cmd)
	a := args(fields[1:])
	switch fields[0] {
	case "eon":
		id := h.num(a, "id", 1)
		n, th, self := int(h.num(a, "n", 4)), int(h.num(a, "t", 3)), int(h.num(a, "self", 1))
		d, err := thresholdtest.Deal(rand.NewChaCha8([32]byte{byte(id)}), n, th)
		if err != nil {
			h.t.Fatal(err)
		}
		te := &testEon{deal: d, self: self, info: &eon.Info{Eon: id, PublicKey: d.EonKey, Threshold: th, ChainID: 1337}}
		for i := range n {
			k, _ := crypto.ToECDSA(crypto.Keccak256(fmt.Appendf(nil, "eon %d keyper %d", id, i+1)))
			te.keys = append(te.keys, k)
			te.info.Keypers = append(te.info.Keypers, eon.Keyper{Index: i + 1, Address: crypto.PubkeyToAddress(k.PublicKey), PublicKeyShare: d.PublicShares[i]})
		}
		if err := h.core.AddEon(&eon.Share{Eon: te.info, Index: self, Address: te.info.Keypers[self-1].Address, Share: d.Shares[self-1]}); err != nil {
			fmt.Fprintf(&h.out, "error: %v\n", err)
			return
		}
		h.eons[id] = te
	case "commit":
		from, to, ranged := strings.Cut(a["height"], "-")
		lo, err := strconv.ParseUint(from, 10, 64)
		if err != nil {
			h.t.Fatalf("height=%s", a["height"])
		}
		hi := lo
		if ranged {
			if hi, err = strconv.ParseUint(to, 10, 64); err != nil {
				h.t.Fatalf("height=%s", a["height"])
			}
		}
		_, bids := a["bids"]
		_, fresh := a["fresh"]
		_, unread := a["unread"]
		for height := lo; height <= hi; height++ {
			h.drive(Committed{Eon: h.num(a, "eon", 1), BidEon: h.num(a, "bideon", 0), Height: height, Bundle: idents(a["bundle"]), BidsNext: bids, Fresh: fresh, Unread: unread}, 0, false)
		}
	case "recv":
		e := h.eons[h.num(a, "eon", 1)]
		if e == nil { // a message for an eon the node is no keyper of: dealt like eon 1
			e = h.eons[1]
		}
		from, slot := h.num(a, "from", 0), h.num(a, "slot", 0)
		m := &Message{ChainID: h.num(a, "chain", 1337), Eon: h.num(a, "eon", 1), Slot: slot, Keyper: from}
		share := e.deal.Shares[0]
		if from >= 1 && int(from) <= len(e.deal.Shares) {
			share = e.deal.Shares[from-1]
		}
		other := share.Release(ident("other").Point()).Bytes()
		if _, ok := a["bid"]; ok {
			m.BidKeyShare = share.Release(threshold.BidIdentity(1337, slot).Point()).Bytes()
			if a["bad"] == "bid" {
				m.BidKeyShare = other
			}
		}
		for _, id := range idents(a["shares"]) {
			s := Share{Identity: id, Share: share.Release(id.Point()).Bytes()}
			if a["bad"] == h.name(0, 0, id) {
				s.Share = other
			}
			m.Shares = append(m.Shares, s)
		}
		signer := int(h.num(a, "signer", from))
		if signer < 1 || signer > len(e.keys) {
			signer = 1
		}
		if err := m.Sign(domain, e.keys[signer-1]); err != nil {
			h.t.Fatal(err)
		}
		_, hold := a["hold"]
		h.drive(Received{Msg: m, Height: h.num(a, "height", h.core.Height())}, 0, hold)
	case "run":
		held := h.held
		h.held = nil
		for _, w := range held {
			h.work(w, 0, false)
		}
	default:
		h.t.Fatalf("unknown command %q", cmd)
	}
}

// drive steps in and follows it as node.Keyper does.
func (h *harness) drive(in Input, depth int, hold bool) {
	rd, err := h.core.Step(in)
	pad := strings.Repeat("  ", depth)
	p := func(format string, args ...any) { fmt.Fprintf(&h.out, pad+format+"\n", args...) }
	if err != nil {
		p("error: %v", err)
	}
	at := func(e, slot uint64) string { return fmt.Sprintf("e%d/%d", e, slot) }
	for _, f := range rd.Faults {
		reason := "other"
		switch {
		case errors.Is(f.Err, ErrWrongIdentities):
			reason = "wrong-identities"
		case errors.Is(f.Err, threshold.ErrBadShare):
			reason = "bad-share"
		}
		known := ""
		if f.Known {
			known = " known"
		}
		p("fault %d %s %s %s%s", f.Keyper, at(f.Eon, f.Slot), h.name(1337, f.Slot, f.Identity), reason, known)
	}
	for _, d := range rd.Dropped {
		p("dropped %d %s %d", d.Keyper, at(d.Eon, d.Slot), d.Shares)
	}
	for _, s := range rd.Silent {
		p("silent %d %s", s.Keyper, at(s.Eon, s.Slot))
	}
	for _, a := range rd.Abandoned {
		p("abandoned %s", at(a.Eon, a.Slot))
	}
	for _, k := range rd.Keys {
		e := h.eons[k.Eon]
		valid := len(k.Keys) == len(k.Identities)
		for i, id := range k.Identities {
			want, err := e.deal.Key(id.Point())
			valid = valid && err == nil && k.Keys[i] != nil && k.Keys[i].Equal(want)
		}
		verdict := "valid"
		if !valid {
			verdict = "INVALID"
		}
		ids := ""
		if k.Kind == KindBundle {
			ids = " " + h.names(k.Identities)
		}
		p("keys %s %s%s %s", k.Kind, at(k.Eon, k.Slot), ids, verdict)
	}
	for _, m := range rd.Send {
		kind, ids := "bid", ""
		if len(m.Shares) > 0 {
			kind = "shares"
			var l []threshold.Identity
			for _, s := range m.Shares {
				l = append(l, s.Identity)
			}
			ids = " " + h.names(l)
		}
		p("send %s %s from %d%s", kind, at(m.Eon, m.Slot), m.Keyper, ids)
		e := h.eons[m.Eon]
		if err := m.Sign(domain, e.keys[e.self-1]); err != nil {
			h.t.Fatal(err)
		}
		h.drive(Signed{Msg: m}, depth+1, false)
	}
	for _, w := range rd.Work {
		if _, verify := w.(*Batch); hold && verify {
			h.held = append(h.held, w)
			p("held verify %d e%d/%d", w.(*Batch).msg.Keyper, w.(*Batch).msg.Eon, w.(*Batch).msg.Slot)
			continue
		}
		h.work(w, depth, hold)
	}
}

// work prints and does one work item, then steps its result; hold keeps
// the verification that follows a check for run.
func (h *harness) work(w Work, depth int, hold bool) {
	pad := strings.Repeat("  ", depth)
	switch w := w.(type) {
	case *Release:
		ids := ""
		if w.Kind == KindBundle {
			ids = " " + h.names(w.Identities)
		}
		fmt.Fprintf(&h.out, "%srelease %s e%d/%d%s\n", pad, w.Kind, w.Eon, w.Slot, ids)
	case *Batch:
		var ids []string
		for _, x := range w.want {
			ids = append(ids, h.name(w.msg.ChainID, w.msg.Slot, x.id))
		}
		list := strings.Join(ids, ",")
		if list == "" {
			list = "none"
		}
		fmt.Fprintf(&h.out, "%sverify %d e%d/%d %s\n", pad, w.msg.Keyper, w.msg.Eon, w.msg.Slot, list)
	case *Combine:
		fmt.Fprintf(&h.out, "%scombine %s e%d/%d\n", pad, w.Kind, w.Eon, w.Slot)
	case *Check: // every message has one: not printed
		h.drive(w.Do(), depth, hold)
		return
	default:
		h.t.Fatalf("unknown work %T", w)
	}
	h.drive(w.Do(), depth+1, false)
}

// TestCoreStepUnknownInput: a nil input is an error, not a panic.
func TestCoreStepUnknownInput(t *testing.T) {
	c := NewCore(Config{Domain: domain})
	if _, err := c.Step(nil); err == nil {
		t.Fatal("a nil input was taken")
	}
	if _, err := c.Step(Committed{Eon: 9, Height: 1}); !errors.Is(err, ErrUnknownEon) {
		t.Fatalf("a block of an eon the node is no keyper of: %v", err)
	}
}
