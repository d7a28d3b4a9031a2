package oracle

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/cometbft/cometbft/crypto/ed25519"
	"github.com/ethereum/go-ethereum/common"
)

// BenchmarkCheck is what the oracle costs every validator per block: the
// record section of a last commit in which every validator attests the
// full 16 blocks, and 4 of them applied with 10 deposit-sized events each,
// checked as ProcessProposal does (every extension signature, the
// agreement, the events' roots). It reports the section's size and the
// size of one extension.
func BenchmarkCheck(b *testing.B) {
	for _, n := range []int{4, 31} {
		b.Run(fmt.Sprintf("validators=%d", n), func(b *testing.B) {
			net := &network{events: map[uint64][][]byte{}}
			for i := range n {
				k := ed25519.GenPrivKeyFromSecret([]byte{byte(i), 0xbe})
				net.keys = append(net.keys, k)
				net.signers = append(net.signers, Signer{Address: common.Address(k.PubKey().Address()), PubKey: k.PubKey().Bytes(), Power: 1})
			}
			for num := uint64(11); num < 11+MaxAttestations; num++ {
				for e := range 10 {
					net.events[num] = append(net.events[num], bytes.Repeat([]byte{byte(num), byte(e)}, 64)) // 128 bytes, a deposit's item is 117
				}
			}
			atts := net.view(11, 10+MaxAttestations)
			var commit []Extended
			for i := range n {
				commit = append(commit, net.vote(i, 41, atts))
			}
			in := net.inputs(commit)
			in.Budget = 4 * 10 * 128
			s, applied := Build(in, commit, net.source)
			if len(applied) != 4 {
				b.Fatalf("applied %d blocks", len(applied))
			}
			raw := s.AppendJSON(nil)
			for b.Loop() {
				parsed, err := ParseSection(raw)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := Check(in, parsed); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(raw)), "section-bytes")
			b.ReportMetric(float64(len(commit[0].Extension)), "extension-bytes")
		})
	}
}
