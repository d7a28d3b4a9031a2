package keyper

import (
	"context"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/veil-sequencer/veil/decrypt"
	"github.com/veil-sequencer/veil/envelope"
	"github.com/veil-sequencer/veil/eon"
	"github.com/veil-sequencer/veil/threshold"
)

// BenchmarkReveal1000 is one node's work from the commit of a
// 1,000-envelope bundle to its plaintexts: its own shares, three keypers'
// messages verified (its own and two peers', t = 3 of 4), a combine per
// identity and every envelope decrypted and judged.
func BenchmarkReveal1000(b *testing.B) {
	c := newCommittee(b)
	const slot = 9
	envs, ids := bundleOf(b, c, 1000)
	ch := fakeChain{height: slot, bundles: map[uint64][]threshold.Identity{slot: ids}}
	peers := []*Message{c.release(b, 2, slot, ids...), c.release(b, 3, slot, ids...)}
	for b.Loop() {
		col, err := NewCollector(c.eon, domain, nil)
		if err != nil {
			b.Fatal(err)
		}
		col.Expect(slot, ids)
		shares, err := ReleaseBundle(c.deal.Shares[0], ch, slot, col.Points(slot))
		if err != nil {
			b.Fatal(err)
		}
		own := &Message{ChainID: 1337, Eon: 1, Slot: slot, Keyper: 1, Shares: shares}
		if err := own.Sign(domain, c.keys[0]); err != nil {
			b.Fatal(err)
		}
		for _, m := range append([]*Message{own}, peers...) {
			if faults, err := col.add(m); err != nil || len(faults) != 0 {
				b.Fatal(faults, err)
			}
		}
		keys, ok := col.bundleKeys(slot)
		if !ok {
			b.Fatal("no keys from three keypers")
		}
		res, err := decrypt.Bundle(context.Background(), envs, keys)
		if err != nil || res[0].Reason != decrypt.ReasonBadEncoding {
			b.Fatal(err, res[0])
		}
	}
}

// BenchmarkAddResentBad is the cost of a keyper resending one signed
// message with bad shares for a 100-envelope bundle: what a byzantine
// keyper makes a node do per request.
func BenchmarkAddResentBad(b *testing.B) {
	c := newCommittee(b)
	const slot = 9
	ids := make([]threshold.Identity, 100)
	for i := range ids {
		ids[i] = threshold.Identity{byte(i), byte(i >> 8), 1}
	}
	for _, bc := range []struct {
		name string
		bad  int // the last bad shares of the message
	}{{"1 of 100 bad", 1}, {"100 of 100 bad", 100}} {
		b.Run(bc.name, func(b *testing.B) {
			col, err := NewCollector(c.eon, domain, nil)
			if err != nil {
				b.Fatal(err)
			}
			col.Expect(slot, ids)
			m := badRelease(b, c, 4, slot, ids, bc.bad)
			if faults, err := col.add(m); err != nil || len(faults) != bc.bad {
				b.Fatal(faults, err)
			}
			for b.Loop() {
				if faults, err := col.add(m); err != nil || len(faults) != bc.bad {
					b.Fatal(faults, err)
				}
			}
		})
	}
}

// BenchmarkCoreReveal1000 is BenchmarkReveal1000 driven through the Core
// as the node drives it: the commit stepped in, its work done (this
// keyper's shares, signed and collected), two peers' messages received,
// the keys combined as work and reported, every envelope decrypted. The
// difference to BenchmarkReveal1000 is what the state machine costs.
func BenchmarkCoreReveal1000(b *testing.B) {
	c := newCommittee(b)
	const slot = 9
	envs, ids := bundleOf(b, c, 1000)
	peers := []*Message{c.release(b, 2, slot, ids...), c.release(b, 3, slot, ids...)}
	for b.Loop() {
		core := NewCore(Config{Domain: domain})
		if err := core.AddEon(&eon.Share{Eon: c.eon, Index: 1, Address: c.eon.Keypers[0].Address, Share: c.deal.Shares[0]}); err != nil {
			b.Fatal(err)
		}
		var keys []*threshold.IdentityKey
		var drive func(in Input)
		drive = func(in Input) {
			rd, err := core.Step(in)
			if err != nil || len(rd.Faults) > 0 {
				b.Fatal(rd.Faults, err)
			}
			for _, k := range rd.Keys {
				keys = k.Keys
			}
			for _, m := range rd.Send {
				if err := m.Sign(domain, c.keys[0]); err != nil {
					b.Fatal(err)
				}
				drive(Signed{Msg: m})
			}
			for _, w := range rd.Work {
				drive(w.Do())
			}
		}
		drive(Committed{Eon: 1, Height: slot, Bundle: ids, Fresh: true})
		for _, m := range peers {
			drive(Received{Msg: m, Height: slot})
		}
		if keys == nil {
			b.Fatal("no keys from three keypers")
		}
		res, err := decrypt.Bundle(context.Background(), envs, keys)
		if err != nil || res[0].Reason != decrypt.ReasonBadEncoding {
			b.Fatal(err, res[0])
		}
	}
}

// bundleOf encrypts n envelopes of 100 bytes to the committee's eon.
func bundleOf(b *testing.B, c *committee, n int) ([]*envelope.Envelope, []threshold.Identity) {
	envs := make([]*envelope.Envelope, n)
	ids := make([]threshold.Identity, len(envs))
	for i := range envs {
		e := &envelope.Envelope{ChainID: 1337, Eon: 1, Sender: common.Address{byte(i), byte(i >> 8)}, GasLimit: 100_000, MaxFeePerGas: big.NewInt(1)}
		e.IdentityPrefix[0], e.IdentityPrefix[1] = byte(i), byte(i>>8)
		ct, err := threshold.Encrypt(nil, make([]byte, 100), c.eon.PublicKey, e.Identity().Point())
		if err != nil {
			b.Fatal(err)
		}
		e.Ciphertext = ct.Bytes()
		envs[i], ids[i] = e, e.Identity()
	}
	return envs, ids
}
