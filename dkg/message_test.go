package dkg

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// honestMessages returns one message of every phase from a run with a
// complaint, so every message type appears.
func honestMessages(t testing.TB) []*Message {
	cfg, keys := testConfig(t, 4, 3, 1)
	l := newLocal(t, cfg, keys)
	corruptShareFor(l, 2, 3)
	seen := map[Phase]*Message{}
	l.Deliver = func(to int, m *Message) *Message {
		if seen[m.Phase] == nil {
			seen[m.Phase] = m
		}
		return m
	}
	if _, _, _, err := l.Run(t.Context()); err != nil {
		t.Fatal(err)
	}
	var out []*Message
	for _, p := range []Phase{PhaseAnnounce, PhaseDeal, PhaseComplaint, PhaseJustification} {
		if seen[p] == nil {
			t.Fatalf("no %s message", p)
		}
		out = append(out, seen[p])
	}
	return out
}

func TestMessageCodec(t *testing.T) {
	msgs := honestMessages(t)
	for _, m := range msgs {
		enc := m.Encode()
		back, err := Decode(enc)
		if err != nil {
			t.Fatalf("%s: %v\n%s", m.Phase, err, enc)
		}
		if !bytes.Equal(back.Encode(), enc) || back.StructHash() != m.StructHash() {
			t.Fatalf("%s: round trip differs", m.Phase)
		}
	}
	announce := string(msgs[0].Encode())
	complaint := string(msgs[2].Encode())
	for _, tc := range []struct {
		name, in string
	}{
		{"whitespace", strings.Replace(announce, `,"eon"`, `, "eon"`, 1)},
		{"uppercase hex", strings.Replace(announce, `"0x`, `"0X`, 1)},
		{"uppercase hex digits", func() string {
			i := strings.Index(announce, `"ephemeralKey":"0x`) + len(`"ephemeralKey":"0x`)
			return announce[:i] + strings.ToUpper(announce[i:i+66]) + announce[i+66:]
		}()},
		{"unknown key", strings.Replace(announce, `{"phase"`, `{"extra":1,"phase"`, 1)},
		{"duplicate key", strings.Replace(announce, `,"eon":1`, `,"eon":1,"eon":1`, 1)},
		{"reordered keys", strings.Replace(announce, `"chainId":1337,"eon":1`, `"eon":1,"chainId":1337`, 1)},
		{"another phase's field", strings.Replace(announce, `,"signature"`, `,"accused":[1],"signature"`, 1)},
		{"missing signature", strings.Replace(announce, announce[strings.Index(announce, `"signature":`):], `"signature":null}`, 1)},
		{"number as string", strings.Replace(announce, `"eon":1`, `"eon":"1"`, 1)},
		{"exponent", strings.Replace(announce, `"eon":1`, `"eon":1e0`, 1)},
		{"negative", strings.Replace(announce, `"eon":1`, `"eon":-1`, 1)},
		{"unknown phase", strings.Replace(announce, `"announce"`, `"result"`, 1)},
		{"trailing data", announce + " "},
		{"two objects", announce + announce},
		{"not json", "deal"},
		{"empty", ""},
		{"short ephemeral key", strings.Replace(announce, `"ephemeralKey":"0x`, `"ephemeralKey":"0x00`, 1)},
		{"accused not ascending", strings.Replace(complaint, `"accused":[2]`, `"accused":[2,2]`, 1)},
		{"accused empty", strings.Replace(complaint, `"accused":[2]`, `"accused":[]`, 1)},
		{"keyper zero", strings.Replace(announce, `"keyper":`, `"keyper":0`, 1)},
		{"oversized", announce + strings.Repeat(" ", MaxMessageSize)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.in == announce || tc.in == complaint {
				t.Fatal("test case did not change the message")
			}
			if _, err := Decode([]byte(tc.in)); !errors.Is(err, ErrBadMessage) {
				t.Fatalf("Decode(%.120q) = %v, want ErrBadMessage", tc.in, err)
			}
		})
	}
}

func FuzzDecode(f *testing.F) {
	for _, m := range honestMessages(f) {
		f.Add(m.Encode())
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := Decode(b)
		if err != nil {
			if !errors.Is(err, ErrBadMessage) {
				t.Fatalf("untyped error %v", err)
			}
			return
		}
		if !bytes.Equal(m.Encode(), b) {
			t.Fatal("accepted a non-canonical encoding")
		}
		// A decoded message must be safe to hand to a keyper.
		cfg, keys := testConfig(t, 4, 3, 1)
		k, _ := New(cfg, 1, keys[0], nil)
		_, _ = k.Start()
		_ = k.Handle(m)
	})
}
