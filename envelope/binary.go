package envelope

import (
	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/wire"
)

// EncodeBinary is the envelope's compact binary form inside chain
// transactions (protocol §4, wire.BinaryMarker): about half the bytes of
// its canonical JSON, which hex-doubles the ciphertext, and the same
// object and hash. Fields in EIP-712 order with the ciphertext moved last,
// where it runs to the end: chainId, eon, identityPrefix, sender,
// gasLimit, maxFeePerGas, nonce, validUntilSlot, signature, ciphertext.
// An unsigned envelope's form does not decode.
func (e *Envelope) EncodeBinary() []byte {
	w := wire.NewBinWriter(1 + 8 + 8 + 32 + 20 + 8 + 33 + 8 + 8 + eip712.SignatureSize + len(e.Ciphertext))
	w.Uint64(e.ChainID)
	w.Uint64(e.Eon)
	w.Fixed(e.IdentityPrefix[:])
	w.Fixed(e.Sender[:])
	w.Uint64(e.GasLimit)
	w.Uint256(e.MaxFeePerGas)
	w.Uint64(e.Nonce)
	w.Uint64(e.ValidUntilSlot)
	w.Signature(e.Signature)
	w.Fixed(e.Ciphertext)
	return w.B
}

// DecodeBinary reads the binary form. Every envelope has one binary
// spelling (wire's rules: no leading zero in the fee, v ∈ {27, 28}), so
// no second transaction carries the same envelope in this form.
func DecodeBinary(raw []byte) (*Envelope, error) {
	r := wire.NewBinReader(raw)
	e := &Envelope{
		ChainID:        r.Uint64("chainId"),
		Eon:            r.Uint64("eon"),
		IdentityPrefix: [32]byte(r.Fixed("identityPrefix", 32)),
		Sender:         [20]byte(r.Fixed("sender", 20)),
		GasLimit:       r.Uint64("gasLimit"),
		MaxFeePerGas:   r.Uint256("maxFeePerGas"),
		Nonce:          r.Uint64("nonce"),
		ValidUntilSlot: r.Uint64("validUntilSlot"),
		Signature:      r.Signature("signature"),
	}
	e.Ciphertext = r.Rest("ciphertext")
	if r.Err != nil {
		return nil, r.Err
	}
	return e, nil
}

// DecodeTx reads the object of an envelope chain transaction (after its
// type byte) in either form: canonical JSON or binary.
func DecodeTx(body []byte) (*Envelope, error) {
	if len(body) > 0 && body[0] == wire.BinaryMarker {
		return DecodeBinary(body)
	}
	return DecodeCanonical(body)
}
