package store

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/cockroachdb/pebble/v2"
)

// prefixEnd is the smallest key after every key with the prefix (nil: no
// bound, for a prefix of all 0xff).
func prefixEnd(prefix []byte) []byte {
	end := bytes.Clone(prefix)
	for i := len(end) - 1; i >= 0; i-- {
		if end[i] != 0xff {
			end[i]++
			return end[:i+1]
		}
	}
	return nil
}

// Scan calls fn for every key with the prefix as this block sees it (its own
// writes over the committed state), in bytewise key order, until fn returns
// false. fn must not write to the block.
func (b *Block) Scan(prefix []byte, fn func(key, value []byte) bool) error {
	var own []string
	for k := range b.writes {
		if strings.HasPrefix(k, string(prefix)) {
			own = append(own, k)
		}
	}
	slices.Sort(own)

	it, err := b.store.db.NewIter(&pebble.IterOptions{LowerBound: prefix, UpperBound: prefixEnd(prefix)})
	if err != nil {
		return fmt.Errorf("store: scan: %w", err)
	}
	defer it.Close()
	valid := it.First()
	for valid || len(own) > 0 {
		var key, value []byte
		switch {
		case len(own) > 0 && (!valid || own[0] <= string(it.Key())):
			if valid && own[0] == string(it.Key()) {
				valid = it.Next() // the block's write hides the committed value
			}
			key, value = []byte(own[0]), b.writes[own[0]].v
			own = own[1:]
			if value == nil {
				continue // deleted in this block
			}
		default:
			key = bytes.Clone(it.Key())
			v, err := it.ValueAndErr()
			if err != nil {
				return fmt.Errorf("store: scan: %w", err)
			}
			value = bytes.Clone(v)
			valid = it.Next()
		}
		if !fn(key, value) {
			return nil
		}
	}
	return it.Error()
}

// ScanCommitted calls fn for every committed key with the prefix from the
// first ≥ from (nil: the prefix's first), in order, until fn returns false:
// the database alone, for a reader that overlays a block's writes itself.
func (s *Store) ScanCommitted(prefix, from []byte, fn func(key []byte) bool) error {
	lower := prefix
	if bytes.Compare(from, prefix) > 0 {
		lower = from
	}
	it, err := s.db.NewIter(&pebble.IterOptions{LowerBound: lower, UpperBound: prefixEnd(prefix)})
	if err != nil {
		return fmt.Errorf("store: scan: %w", err)
	}
	defer it.Close()
	for valid := it.First(); valid; valid = it.Next() {
		if !fn(bytes.Clone(it.Key())) {
			break
		}
	}
	return it.Error()
}
