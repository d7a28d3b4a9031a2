package bid

import (
	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/wire"
)

// EncodeBinary is the bid's compact binary form inside chain transactions
// (protocol §4, wire.BinaryMarker): about half the bytes of its canonical
// JSON and the same object and hash. Fields in EIP-712 order with the
// sealed payload moved last, where it runs to the end: chainId, eon, slot,
// builder, seq, signature, sealed. An unsigned bid's form does not decode.
func (b *Bid) EncodeBinary() []byte {
	w := wire.NewBinWriter(1 + 8 + 8 + 8 + 20 + 8 + eip712.SignatureSize + len(b.Sealed))
	w.Uint64(b.ChainID)
	w.Uint64(b.Eon)
	w.Uint64(b.Slot)
	w.Fixed(b.Builder[:])
	w.Uint64(b.Seq)
	w.Signature(b.Signature)
	w.Fixed(b.Sealed)
	return w.B
}

// DecodeBinary reads the binary form, which has one spelling per bid.
func DecodeBinary(raw []byte) (*Bid, error) {
	r := wire.NewBinReader(raw)
	b := &Bid{
		ChainID:   r.Uint64("chainId"),
		Eon:       r.Uint64("eon"),
		Slot:      r.Uint64("slot"),
		Builder:   [20]byte(r.Fixed("builder", 20)),
		Seq:       r.Uint64("seq"),
		Signature: r.Signature("signature"),
	}
	b.Sealed = r.Rest("sealed")
	if r.Err != nil {
		return nil, r.Err
	}
	return b, nil
}

// DecodeTx reads the object of a bid chain transaction (after its type
// byte) in either form: canonical JSON or binary.
func DecodeTx(body []byte) (*Bid, error) {
	if len(body) > 0 && body[0] == wire.BinaryMarker {
		return DecodeBinary(body)
	}
	return DecodeCanonical(body)
}
