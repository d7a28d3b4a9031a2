package wire

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestStrictObject(t *testing.T) {
	deep := strings.Repeat("[", maxDepth+1) + strings.Repeat("]", maxDepth+1)
	for _, tc := range []struct {
		in   string
		want map[string]string // nil: rejected
	}{
		{`{}`, map[string]string{}},
		{` { "a" : 1 , "b":"x" } `, map[string]string{"a": `1`, "b": `"x"`}},
		{`{"a":-0.5e+3,"b":true,"c":null,"d":false,"e":[1,{"f":[]}],"g":{}}`,
			map[string]string{"a": `-0.5e+3`, "b": `true`, "c": `null`, "d": `false`, "e": `[1,{"f":[]}]`, "g": `{}`}},
		{`{"s":"a\"b\\c\/\b\f\n\r\t\u00e9é"}`, map[string]string{"s": `"a\"b\\c\/\b\f\n\r\t\u00e9é"`}},
		{`{"a\u0062":1}`, map[string]string{"ab": `1`}},
		{`{"a":1,"a":2}`, nil},
		{`{"ab":1,"a\u0062":2}`, nil},
		{`{"a":1} x`, nil},
		{`{"a":1}{}`, nil},
		{`[1]`, nil},
		{``, nil},
		{`{"a":1,}`, nil},
		{`{"a" 1}`, nil},
		{`{a:1}`, nil},
		{`{"a":01}`, nil},
		{`{"a":1.}`, nil},
		{`{"a":-}`, nil},
		{`{"a":1e}`, nil},
		{`{"a":tru}`, nil},
		{`{"a":"\x"}`, nil},
		{`{"a":"\u12g4"}`, nil},
		{"{\"a\":\"\x01\"}", nil},
		{"{\"a\":\"\xff\"}", nil},
		{`{"a":"`, nil},
		{`{"a":[1,2}`, nil},
		{`{"a":` + deep + `}`, nil},
		{`{"a":` + deep[1:len(deep)-1] + `}`, map[string]string{"a": deep[1 : len(deep)-1]}},
	} {
		got, err := StrictObject([]byte(tc.in))
		if tc.want == nil {
			var we *Error
			if err == nil || !errors.As(err, &we) || we.Code != CodeBadJSON {
				t.Errorf("%q: want a bad_json error, got %v %v", tc.in, got, err)
			}
			continue
		}
		if err != nil || len(got) != len(tc.want) {
			t.Errorf("%q: %v %v", tc.in, got, err)
			continue
		}
		for k, v := range tc.want {
			if string(got[k]) != v {
				t.Errorf("%q: %s = %s, want %s", tc.in, k, got[k], v)
			}
		}
	}
}

func TestBytesAndStrings(t *testing.T) {
	obj, err := StrictObject([]byte(`{"h":"0x00ff10","u":"0x00FF","o":"0x0","e":"\u0030x0a","n":7,"s":"caf\u00e9"}`))
	if err != nil {
		t.Fatal(err)
	}
	p := &Parser{Obj: obj}
	if b := p.Bytes("h", 3); !bytes.Equal(b, []byte{0, 0xff, 0x10}) || p.Err != nil {
		t.Fatalf("h: %x %v", b, p.Err)
	}
	if b := p.Bytes("e", -1); !bytes.Equal(b, []byte{0x0a}) || p.Err != nil { // escapes are decoded first
		t.Fatalf("e: %x %v", b, p.Err)
	}
	for _, f := range []string{"u", "o", "n"} {
		q := &Parser{Obj: obj}
		if q.Bytes(f, -1); q.Err == nil || !strings.Contains(q.Err.Error(), f) {
			t.Errorf("%s: want an error naming it, got %v", f, q.Err)
		}
	}
	if s, ok := p.str("s"); !ok || s != "café" {
		t.Fatalf("s: %q", s)
	}
}

// strictObjectReference is the encoding/json implementation StrictObject
// replaced, kept as the fuzz target's oracle.
func strictObjectReference(b []byte) (map[string]json.RawMessage, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	if tok != json.Delim('{') {
		return nil, errors.New("not an object")
	}
	obj := map[string]json.RawMessage{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		key, _ := tok.(string)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, err
		}
		if _, dup := obj[key]; dup {
			return nil, errors.New("duplicate")
		}
		obj[key] = raw
	}
	if _, err := dec.Token(); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("trailing data")
	}
	return obj, nil
}

func depth(b []byte) int {
	d, most, inStr, esc := 0, 0, false, false
	for _, c := range b {
		switch {
		case esc:
			esc = false
		case inStr && c == '\\':
			esc = true
		case c == '"':
			inStr = !inStr
		case !inStr && (c == '{' || c == '['):
			d++
			most = max(most, d)
		case !inStr && (c == '}' || c == ']'):
			d--
		}
	}
	return most
}

// FuzzStrictObject checks the scanner against encoding/json: the same
// objects accepted (but for invalid UTF-8 and nesting beyond maxDepth,
// which only the scanner refuses), the same raw members, and Bytes against
// encoding/hex.
func FuzzStrictObject(f *testing.F) {
	for _, s := range []string{`{}`, `{"a":1}`, `{"a":"0x00ff","b":[1,{"c":"\u0041"}],"d":-1.5e3}`, `{"a":1,"a":2}`,
		"{\"a\":\"\xff\"}", `{"a":"0xAB"}`, `{"a":"\"x"}`, ` {"a" : [ ] } `, `{"a":01}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		got, err := StrictObject(b)
		want, werr := strictObjectReference(b)
		switch {
		case err == nil && werr != nil:
			t.Fatalf("accepted what encoding/json refuses (%v): %q", werr, b)
		case err != nil && werr == nil && utf8.Valid(b) && depth(b) <= maxDepth:
			t.Fatalf("refused valid JSON: %v: %q", err, b)
		case err == nil:
			if len(got) != len(want) {
				t.Fatalf("members %v, want %v", got, want)
			}
			for k, v := range want {
				if !bytes.Equal(got[k], v) {
					t.Fatalf("member %q = %s, want %s", k, got[k], v)
				}
				var s string
				if json.Unmarshal(v, &s) != nil {
					continue
				}
				p := &Parser{Obj: got}
				if str, _ := p.str(k); str != s {
					t.Fatalf("member %q reads %q, want %q", k, str, s)
				}
				h := p.Bytes(k, -1)
				lower := len(s) >= 2 && s[:2] == "0x" && strings.ToLower(s) == s
				dec, herr := hex.DecodeString(strings.TrimPrefix(s, "0x"))
				if ok := p.Err == nil; ok != (lower && herr == nil) || ok && !bytes.Equal(h, dec) {
					t.Fatalf("Bytes(%q) = %x, %v", s, h, p.Err)
				}
			}
		}
	})
}
