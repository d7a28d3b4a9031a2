// Package keyper is the committee's release of key shares (protocol §3): the
// signed KeyShares message keypers send each other on POST /v1/p2p/shares,
// and the collection that verifies shares, names keypers that send bad ones
// and combines t per identity.
package keyper

import (
	"bytes"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/merkle"
	"github.com/veil-sequencer/veil/threshold"
	"github.com/veil-sequencer/veil/wire"
)

// TypeString is the message's EIP-712 primary type.
const TypeString = "KeyShares(uint64 chainId,uint64 eon,uint64 slot,uint64 keyper,bytes bidKeyShare,bytes32 sharesRoot)"

var typeHash = eip712.TypeHash(TypeString)

// Share is one keyper's share of one identity's key.
type Share struct {
	Identity threshold.Identity
	Share    []byte // 48 bytes, compressed G1
}

// Message is a keyper's release for one slot: its share of the slot's bid
// key (empty when it carries none), and its shares of the keys of the
// slot's committed bundle, in bundle order (empty before the bundle is).
type Message struct {
	ChainID     uint64
	Eon         uint64
	Slot        uint64
	Keyper      uint64 // the keyper's index in the eon, from 1
	BidKeyShare []byte // 48 bytes or empty
	Shares      []Share
	Signature   []byte // by the keyper's address in the eon
}

// SharesRoot is the root (protocol §4) over identity ‖ share in order.
func (m *Message) SharesRoot() common.Hash {
	items := make([][]byte, len(m.Shares))
	for i, s := range m.Shares {
		items[i] = append(append(make([]byte, 0, 32+len(s.Share)), s.Identity[:]...), s.Share...)
	}
	return merkle.Root(items)
}

// Hash is the message's EIP-712 digest.
func (m *Message) Hash(d eip712.Domain) common.Hash {
	return d.Digest(eip712.HashStruct(typeHash,
		eip712.EncodeUint64(m.ChainID),
		eip712.EncodeUint64(m.Eon),
		eip712.EncodeUint64(m.Slot),
		eip712.EncodeUint64(m.Keyper),
		eip712.EncodeBytes(m.BidKeyShare),
		m.SharesRoot(),
	))
}

// Sign signs the message with the keyper's key.
func (m *Message) Sign(d eip712.Domain, key *ecdsa.PrivateKey) error {
	sig, err := eip712.Sign(m.Hash(d), key)
	if err != nil {
		return err
	}
	m.Signature = sig
	return nil
}

// VerifySignature checks the signature is low-s and by the keyper's address.
func (m *Message) VerifySignature(d eip712.Domain, keyper common.Address) error {
	return eip712.Verify(m.Hash(d), m.Signature, keyper)
}

// Encode is the message's JSON: keys in EIP-712 order with "shares" in
// place of its root, then "signature"; lowercase hex, no whitespace.
func (m *Message) Encode() []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, `{"chainId":%d,"eon":%d,"slot":%d,"keyper":%d,"bidKeyShare":"%s","shares":[`,
		m.ChainID, m.Eon, m.Slot, m.Keyper, hexutil.Encode(m.BidKeyShare))
	for i, s := range m.Shares {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"identity":"%s","share":"%s"}`, hexutil.Encode(s.Identity[:]), hexutil.Encode(s.Share))
	}
	sig := bytes.Clone(m.Signature)
	if len(sig) == eip712.SignatureSize && sig[64] < 27 {
		sig[64] += 27
	}
	fmt.Fprintf(&b, `],"signature":"%s"}`, hexutil.Encode(sig))
	return b.Bytes()
}

// MaxShares bounds a message's shares: a bundle is bounded by the slot's gas
// (30,000,000 / 21,000 < 1,500 envelopes), with room to spare.
const MaxShares = 4096

var fields = []string{"chainId", "eon", "slot", "keyper", "bidKeyShare", "shares", "signature"}

// Decode parses a message from a peer: strict JSON (wire's rules), share
// lengths checked (the points themselves are checked when verified).
func Decode(raw []byte) (*Message, error) {
	obj, err := wire.StrictObject(raw)
	if err != nil {
		return nil, err
	}
	p, err := wire.NewParser(obj, fields)
	if err != nil {
		return nil, err
	}
	m := &Message{ChainID: p.Uint64("chainId"), Eon: p.Uint64("eon"), Slot: p.Uint64("slot"), Keyper: p.Uint64("keyper"),
		BidKeyShare: p.Bytes("bidKeyShare", -1), Signature: p.Bytes("signature", eip712.SignatureSize)}
	if p.Err != nil {
		return nil, p.Err
	}
	if n := len(m.BidKeyShare); n != 0 && n != threshold.G1Size {
		return nil, &wire.Error{Code: wire.CodeBadField, Field: "bidKeyShare", Err: fmt.Errorf("%d bytes, want 0 or %d", n, threshold.G1Size)}
	}
	var items []json.RawMessage
	if err := json.Unmarshal(obj["shares"], &items); err != nil || items == nil {
		if err == nil {
			err = errors.New("want an array")
		}
		return nil, &wire.Error{Code: wire.CodeBadField, Field: "shares", Err: err}
	}
	if len(items) > MaxShares {
		return nil, &wire.Error{Code: wire.CodeBadField, Field: "shares", Err: fmt.Errorf("%d shares, at most %d", len(items), MaxShares)}
	}
	for i, item := range items {
		obj, err := wire.StrictObject(item)
		if err != nil {
			return nil, err
		}
		sp, err := wire.NewParser(obj, []string{"identity", "share"})
		if err != nil {
			return nil, err
		}
		s := Share{Identity: threshold.Identity(sp.Bytes("identity", 32)), Share: sp.Bytes("share", threshold.G1Size)}
		if sp.Err != nil {
			var we *wire.Error
			if errors.As(sp.Err, &we) {
				we.Field = fmt.Sprintf("shares[%d].%s", i, we.Field)
			}
			return nil, sp.Err
		}
		m.Shares = append(m.Shares, s)
	}
	return m, nil
}
