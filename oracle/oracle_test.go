package oracle

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/ethereum/go-ethereum/common"
)

// chain is n attestations of made-up blocks from first, with a variant
// byte that makes another (lying) view of the same numbers.
func chain(first uint64, n int, variant byte) []Attestation {
	out := make([]Attestation, n)
	for i := range out {
		num := first + uint64(i)
		out[i] = Attestation{Number: num, Hash: common.Hash{0xb1, byte(num)}, EventsRoot: common.Hash{0xe0, byte(num), variant}, Time: 1000 + 12*num}
	}
	return out
}

func TestEncodeDecode(t *testing.T) {
	full, err := Encode(chain(7, MaxAttestations, 0))
	if err != nil {
		t.Fatal(err)
	}
	if len(full) != MaxExtensionSize {
		t.Fatalf("a full extension is %d bytes, want %d", len(full), MaxExtensionSize)
	}
	one, _ := Encode(chain(1, 1, 0))
	gap := append([]Attestation{}, chain(3, 2, 0)...)
	gap[1].Number = 5
	backInTime := chain(3, 2, 0)
	backInTime[1].Time = backInTime[0].Time - 1
	for _, tc := range []struct {
		name string
		ext  []byte
		want []Attestation
		err  error
	}{
		{"empty: attests nothing", nil, nil, nil},
		{"one block", one, chain(1, 1, 0), nil},
		{"sixteen blocks", full, chain(7, MaxAttestations, 0), nil},
		{"another version", append([]byte{1}, one[1:]...), nil, ErrVersion},
		{"time going back", mustRaw(backInTime), nil, ErrNotInOrder},
		{"a version byte alone", []byte{Version}, nil, ErrLength},
		{"a count of zero", []byte{Version, 0}, nil, ErrLength},
		{"seventeen blocks", append([]byte{Version, 17}, make([]byte, 17*attestationSize)...), nil, ErrCount},
		{"a byte short", one[:len(one)-1], nil, ErrLength},
		{"a byte over", append(bytes.Clone(one), 0), nil, ErrLength},
		{"a gap", mustRaw(gap), nil, ErrNotInOrder},
		{"block 0", mustRaw(chain(0, 1, 0)), nil, ErrZeroNumber},
		{"numbers past the end", mustRaw([]Attestation{{Number: ^uint64(0)}, {Number: 0}}), nil, ErrNumberRange},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Decode(tc.ext)
			if !errors.Is(err, tc.err) {
				t.Fatalf("Decode: %v, want %v", err, tc.err)
			}
			if err == nil && !slices.Equal(got, tc.want) {
				t.Fatalf("Decode: %+v, want %+v", got, tc.want)
			}
		})
	}
	if _, err := Encode(chain(1, MaxAttestations+1, 0)); !errors.Is(err, ErrCount) {
		t.Fatalf("Encode of 17: %v", err)
	}
	if _, err := Encode(gap); !errors.Is(err, ErrNotInOrder) {
		t.Fatalf("Encode of a gap: %v", err)
	}
}

// mustRaw encodes attestations without Encode's checks, as a lying peer would.
func mustRaw(atts []Attestation) []byte {
	out := []byte{Version, byte(len(atts))}
	for _, a := range atts {
		var n [8]byte
		for i := range 8 {
			n[i] = byte(a.Number >> (56 - 8*i))
		}
		out = append(out, n[:]...)
		out = append(out, a.Hash[:]...)
		out = append(out, a.EventsRoot[:]...)
		out = binary.BigEndian.AppendUint64(out, a.Time)
	}
	return out
}

func TestAgree(t *testing.T) {
	honest := chain(11, 5, 0) // blocks 11…15
	lateClock := chain(11, 5, 0)
	for i := 2; i < len(lateClock); i++ {
		lateClock[i].Time += 3600 // the same blocks an hour later: an escape hatch opened early
	}
	for _, tc := range []struct {
		name    string
		applied uint64
		votes   []Vote
		total   int64
		want    int // agreed blocks from applied+1
	}{
		{"all four agree", 10, []Vote{{1, honest}, {1, honest}, {1, honest}, {1, honest}}, 4, 5},
		{"one lies about block 13's events", 10, []Vote{{1, honest}, {1, honest}, {1, honest}, {1, append(chain(11, 2, 0), chain(13, 3, 9)...)}}, 4, 5},
		{"two lie: no 2/3 from block 13", 10, []Vote{{1, honest}, {1, honest}, {1, append(chain(11, 2, 0), chain(13, 3, 9)...)}, {1, append(chain(11, 2, 0), chain(13, 3, 9)...)}}, 4, 2},
		{"two lie about block 13's time: no 2/3 from it", 10, []Vote{{1, honest}, {1, honest}, {1, lateClock}, {1, lateClock}}, 4, 2},
		{"one silent", 10, []Vote{{1, honest}, {1, honest}, {1, honest}}, 4, 5},
		{"two silent", 10, []Vote{{1, honest}, {1, honest}}, 4, 0},
		{"exactly 2/3 is not more", 10, []Vote{{1, honest}, {1, honest}}, 3, 0},
		{"one node behind", 10, []Vote{{1, honest}, {1, honest}, {1, honest}, {1, honest[:2]}}, 4, 5},
		{"two nodes behind", 10, []Vote{{1, honest}, {1, honest}, {1, honest[:3]}, {1, honest[:2]}}, 4, 3},
		{"entries already applied are ignored", 12, []Vote{{1, honest}, {1, honest}, {1, honest}}, 4, 3},
		{"a run that does not start after applied attests nothing", 9, []Vote{{1, honest}, {1, honest}, {1, honest}, {1, honest}}, 4, 0},
		{"power, not heads", 10, []Vote{{10, honest}, {1, chain(11, 5, 9)}, {1, chain(11, 5, 9)}}, 12, 5},
		{"no power", 10, []Vote{{1, honest}}, 0, 0},
		{"votes without power count nothing", 10, []Vote{{0, honest}, {0, honest}, {1, honest}}, 1, 5},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Agree(tc.applied, tc.votes, tc.total)
			if len(got) != tc.want {
				t.Fatalf("agreed %d blocks (%+v), want %d", len(got), got, tc.want)
			}
			for i, a := range got {
				if a.Number != tc.applied+1+uint64(i) || a != honest[a.Number-11] {
					t.Fatalf("agreed block %d is %+v, want the honest %+v", i, a, honest[a.Number-11])
				}
			}
			// Any order of votes gives the same answer.
			r := rand.New(rand.NewPCG(1, 2))
			for range 10 {
				perm := slices.Clone(tc.votes)
				r.Shuffle(len(perm), func(i, j int) { perm[i], perm[j] = perm[j], perm[i] })
				if again := Agree(tc.applied, perm, tc.total); !slices.Equal(again, got) {
					t.Fatalf("another order of votes agreed %+v, not %+v", again, got)
				}
			}
		})
	}
}

// FuzzDecode: any bytes decode or are refused without a panic, and what
// decodes encodes back to exactly the same bytes (one encoding per view).
func FuzzDecode(f *testing.F) {
	one, _ := Encode(chain(1, 1, 0))
	full, _ := Encode(chain(7, MaxAttestations, 3))
	for _, seed := range [][]byte{nil, {Version}, {Version, 0}, one, full, mustRaw(chain(0, 2, 0))} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		atts, err := Decode(b)
		if err != nil {
			return
		}
		again, err := Encode(atts)
		if err != nil {
			t.Fatalf("decoded %+v does not encode: %v", atts, err)
		}
		if !bytes.Equal(again, b) {
			t.Fatalf("%x decodes and encodes to %x", b, again)
		}
	})
}
