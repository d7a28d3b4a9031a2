package wire

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"unicode/utf8"
)

// maxDepth bounds the nesting of values inside an object: the wire formats
// nest two levels at most, and a bound keeps recursion off untrusted input.
const maxDepth = 32

// scanner splits a JSON object into its members in one pass, validating as
// it goes. encoding/json's Decoder scans each value twice and byte by byte
// through a state function; signed objects carry ciphertexts of up to 64 KiB
// of hex, and every validator decodes each one, so this is on the hot path.
// It is stricter than encoding/json in one way: strings must be valid UTF-8
// (encoding/json replaces bad bytes with U+FFFD; the wire forms are ASCII).
type scanner struct {
	b []byte
	i int
}

func (s *scanner) errorf(format string, args ...any) error {
	return fmt.Errorf("offset %d: "+format, append([]any{s.i}, args...)...)
}

func (s *scanner) ws() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

// object reads a top-level object, calling add for each member.
func (s *scanner) object(add func(key string, raw []byte) error) error {
	s.ws()
	if s.i >= len(s.b) || s.b[s.i] != '{' {
		return errors.New("not a JSON object")
	}
	if err := s.composite(0, add); err != nil {
		return err
	}
	return s.end()
}

// key reads an object member's key and its colon, up to the value.
func (s *scanner) key() (string, error) {
	s.ws()
	start := s.i
	escaped, err := s.str()
	if err != nil {
		return "", fmt.Errorf("object key: %w", err)
	}
	key := string(s.b[start+1 : s.i-1])
	if escaped {
		if err := json.Unmarshal(s.b[start:s.i], &key); err != nil {
			return "", s.errorf("object key: %v", err)
		}
	}
	s.ws()
	if s.i >= len(s.b) || s.b[s.i] != ':' {
		return "", s.errorf("want ':' after object key")
	}
	s.i++
	s.ws()
	return key, nil
}

func (s *scanner) end() error {
	s.ws()
	if s.i != len(s.b) {
		return errors.New("data after the JSON object")
	}
	return nil
}

// value skips one valid JSON value.
func (s *scanner) value(depth int) error {
	if s.i >= len(s.b) {
		return s.errorf("unexpected end of JSON")
	}
	switch c := s.b[s.i]; {
	case c == '"':
		_, err := s.str()
		return err
	case c == '{' || c == '[':
		return s.composite(depth, nil)
	case c == '-' || (c >= '0' && c <= '9'):
		return s.number()
	default:
		for _, lit := range []string{"true", "false", "null"} {
			if len(s.b)-s.i >= len(lit) && string(s.b[s.i:s.i+len(lit)]) == lit {
				s.i += len(lit)
				return nil
			}
		}
		return s.errorf("invalid character %q looking for a value", c)
	}
}

// composite skips an object or array, calling add (if not nil) for each
// member of an object.
func (s *scanner) composite(depth int, add func(key string, raw []byte) error) error {
	if depth > maxDepth {
		return s.errorf("nested deeper than %d", maxDepth)
	}
	open := s.b[s.i]
	close, isObject := byte(']'), open == '{'
	if isObject {
		close = '}'
	}
	s.i++
	s.ws()
	if s.i < len(s.b) && s.b[s.i] == close {
		s.i++
		return nil
	}
	for {
		s.ws()
		var key string
		if isObject {
			var err error
			if key, err = s.key(); err != nil {
				return err
			}
		}
		start := s.i
		if err := s.value(depth + 1); err != nil {
			if add != nil {
				return fmt.Errorf("value of %q: %w", key, err)
			}
			return err
		}
		if add != nil {
			if err := add(key, s.b[start:s.i]); err != nil {
				return err
			}
		}
		s.ws()
		if s.i >= len(s.b) {
			return s.errorf("unexpected end of JSON")
		}
		switch s.b[s.i] {
		case ',':
			s.i++
		case close:
			s.i++
			return nil
		default:
			return s.errorf("want ',' or %q", close)
		}
	}
}

// str skips a string, reporting whether it holds escapes.
func (s *scanner) str() (escaped bool, err error) {
	if s.i >= len(s.b) || s.b[s.i] != '"' {
		return false, s.errorf("want a string")
	}
	s.i++
	for s.i < len(s.b) {
		s.i += plainPrefix(s.b[s.i:])
		if s.i >= len(s.b) {
			break
		}
		c := s.b[s.i]
		switch {
		case c == '"':
			s.i++
			return escaped, nil
		case c == '\\':
			escaped = true
			if s.i+1 >= len(s.b) {
				return false, s.errorf("unexpected end of JSON")
			}
			switch s.b[s.i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				s.i += 2
			case 'u':
				if len(s.b)-s.i < 6 || !isHex4(s.b[s.i+2:s.i+6]) {
					return false, s.errorf("invalid \\u escape")
				}
				s.i += 6
			default:
				return false, s.errorf("invalid escape")
			}
		case c < 0x20:
			return false, s.errorf("control character in string")
		case c < utf8.RuneSelf:
			s.i++
		default:
			r, n := utf8.DecodeRune(s.b[s.i:])
			if r == utf8.RuneError && n <= 1 {
				return false, s.errorf("invalid UTF-8 in string")
			}
			s.i += n
		}
	}
	return false, s.errorf("unexpected end of JSON")
}

// plainPrefix is the length of b's leading run of plain bytes, eight at a
// time while no byte of a word is special (SWAR: a word's byte is below
// 0x20 or above 0x7e, or is '"' or '\\', exactly when its high bit comes
// out set below).
func plainPrefix(b []byte) int {
	const (
		ones  = 0x0101010101010101
		highs = 0x8080808080808080
	)
	hasZero := func(x uint64) uint64 { return (x - ones) & ^x & highs }
	i := 0
	for ; i+8 <= len(b); i += 8 {
		x := binary.LittleEndian.Uint64(b[i:])
		special := x&highs | // ≥ 0x80
			hasZero(x&^(ones*0x1f)) | // < 0x20: no bit above the low five
			hasZero(x^(ones*'"')) | hasZero(x^(ones*'\\')) |
			hasZero(x^(ones*0x7f))
		if special != 0 {
			break
		}
	}
	for i < len(b) && plain[b[i]] {
		i++
	}
	return i
}

func isHex4(b []byte) bool {
	for _, c := range b {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}

// number skips a number as JSON's grammar has it.
func (s *scanner) number() error {
	digits := func() int {
		n := 0
		for s.i < len(s.b) && s.b[s.i] >= '0' && s.b[s.i] <= '9' {
			s.i++
			n++
		}
		return n
	}
	if s.b[s.i] == '-' {
		s.i++
	}
	if s.i < len(s.b) && s.b[s.i] == '0' {
		s.i++
	} else if digits() == 0 {
		return s.errorf("invalid number")
	}
	if s.i < len(s.b) && s.b[s.i] == '.' {
		s.i++
		if digits() == 0 {
			return s.errorf("invalid number")
		}
	}
	if s.i < len(s.b) && (s.b[s.i] == 'e' || s.b[s.i] == 'E') {
		s.i++
		if s.i < len(s.b) && (s.b[s.i] == '+' || s.b[s.i] == '-') {
			s.i++
		}
		if digits() == 0 {
			return s.errorf("invalid number")
		}
	}
	return nil
}
