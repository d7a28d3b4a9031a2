package dkg

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/threshold"
)

// Phase is a step of the DKG; each has its own message type.
type Phase uint8

const (
	PhaseAnnounce Phase = iota + 1
	PhaseDeal
	PhaseComplaint
	PhaseJustification
	PhaseDone
)

var phaseNames = map[Phase]string{
	PhaseAnnounce: "announce", PhaseDeal: "deal", PhaseComplaint: "complaint",
	PhaseJustification: "justification", PhaseDone: "result",
}

func (p Phase) String() string {
	if s, ok := phaseNames[p]; ok {
		return s
	}
	return "phase(" + strconv.Itoa(int(p)) + ")"
}

// EIP-712 primary types, one per phase, each binding chain id and eon.
const (
	announceType      = "DKGAnnounce(uint64 chainId,uint64 eon,uint64 keyper,bytes ephemeralKey)"
	dealType          = "DKGDeal(uint64 chainId,uint64 eon,uint64 keyper,bytes commitments,bytes[] shares)"
	complaintType     = "DKGComplaint(uint64 chainId,uint64 eon,uint64 keyper,uint64[] accused)"
	justificationType = "DKGJustification(uint64 chainId,uint64 eon,uint64 keyper,uint64[] keypers,bytes32[] shares)"
)

var typeHashes = map[Phase]common.Hash{
	PhaseAnnounce:      eip712.TypeHash(announceType),
	PhaseDeal:          eip712.TypeHash(dealType),
	PhaseComplaint:     eip712.TypeHash(complaintType),
	PhaseJustification: eip712.TypeHash(justificationType),
}

// MaxMessageSize bounds a message's encoding; a deal for MaxKeypers keypers
// at the largest threshold stays below it.
const MaxMessageSize = 4 << 20

// EphemeralKeySize is a compressed secp256k1 public key.
const EphemeralKeySize = 33

// Message is any DKG message. Which fields are set depends on Phase:
//
//	announce       EphemeralKey (compressed secp256k1, 33 bytes)
//	deal           Commitments (t compressed G2 points), Shares (one ECIES
//	               ciphertext per keyper, Shares[j-1] for keyper j, empty for
//	               a keyper that did not announce)
//	complaint      Accused (dealers, ascending)
//	justification  Keypers (complainers, ascending) and Shares (the revealed
//	               32-byte shares, in the same order)
//
// Keyper is the sender's index (from 1).
type Message struct {
	Phase        Phase
	ChainID      uint64
	Eon          uint64
	Keyper       uint64
	EphemeralKey []byte
	Commitments  []byte
	Shares       [][]byte
	Accused      []uint64
	Keypers      []uint64
	Signature    []byte
}

// StructHash is the message's EIP-712 hashStruct.
func (m *Message) StructHash() common.Hash {
	head := []common.Hash{eip712.EncodeUint64(m.ChainID), eip712.EncodeUint64(m.Eon), eip712.EncodeUint64(m.Keyper)}
	switch m.Phase {
	case PhaseAnnounce:
		head = append(head, eip712.EncodeBytes(m.EphemeralKey))
	case PhaseDeal:
		head = append(head, eip712.EncodeBytes(m.Commitments), eip712.EncodeBytesArray(m.Shares))
	case PhaseComplaint:
		head = append(head, eip712.EncodeUint64Array(m.Accused))
	case PhaseJustification:
		words := make([][32]byte, len(m.Shares))
		for i, s := range m.Shares {
			copy(words[i][32-min(32, len(s)):], s)
		}
		head = append(head, eip712.EncodeUint64Array(m.Keypers), eip712.EncodeBytes32Array(words))
	}
	return eip712.HashStruct(typeHashes[m.Phase], head...)
}

// Digest is what the sender signs, under the session's domain.
func (m *Message) Digest(d eip712.Domain) common.Hash { return d.Digest(m.StructHash()) }

// Encode returns the canonical JSON: "phase" first, then the EIP-712 fields
// in type order, then "signature"; no whitespace, lowercase hex, a missing
// signature as null.
func (m *Message) Encode() []byte {
	var b bytes.Buffer
	b.WriteString(`{"phase":"`)
	b.WriteString(m.Phase.String())
	fmt.Fprintf(&b, `","chainId":%d,"eon":%d,"keyper":%d`, m.ChainID, m.Eon, m.Keyper)
	hexList := func(name string, xs [][]byte) {
		b.WriteString(`,"` + name + `":[`)
		for i, x := range xs {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(`"` + hexutil.Encode(x) + `"`)
		}
		b.WriteByte(']')
	}
	uintList := func(name string, xs []uint64) {
		b.WriteString(`,"` + name + `":[`)
		for i, x := range xs {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.FormatUint(x, 10))
		}
		b.WriteByte(']')
	}
	switch m.Phase {
	case PhaseAnnounce:
		b.WriteString(`,"ephemeralKey":"` + hexutil.Encode(m.EphemeralKey) + `"`)
	case PhaseDeal:
		b.WriteString(`,"commitments":"` + hexutil.Encode(m.Commitments) + `"`)
		hexList("shares", m.Shares)
	case PhaseComplaint:
		uintList("accused", m.Accused)
	case PhaseJustification:
		uintList("keypers", m.Keypers)
		hexList("shares", m.Shares)
	}
	if m.Signature == nil {
		b.WriteString(`,"signature":null}`)
	} else {
		b.WriteString(`,"signature":"` + hexutil.Encode(m.Signature) + `"}`)
	}
	return b.Bytes()
}

type wireMessage struct {
	Phase        string          `json:"phase"`
	ChainID      uint64          `json:"chainId"`
	Eon          uint64          `json:"eon"`
	Keyper       uint64          `json:"keyper"`
	EphemeralKey *hexutil.Bytes  `json:"ephemeralKey"`
	Commitments  *hexutil.Bytes  `json:"commitments"`
	Shares       []hexutil.Bytes `json:"shares"`
	Accused      []uint64        `json:"accused"`
	Keypers      []uint64        `json:"keypers"`
	Signature    *hexutil.Bytes  `json:"signature"`
}

// Decode parses a message from outside bytes. Only the canonical encoding
// is accepted (the decoder re-encodes and compares), so unknown, duplicate,
// reordered or other phases' keys, whitespace and uppercase hex are all
// errors. Decode checks the shape of the message; Keyper.Handle checks its
// meaning and signature.
func Decode(b []byte) (*Message, error) {
	if len(b) > MaxMessageSize {
		return nil, fmt.Errorf("%w: %d bytes, at most %d", ErrBadMessage, len(b), MaxMessageSize)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var w wireMessage
	if err := dec.Decode(&w); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadMessage, err)
	}
	m := &Message{ChainID: w.ChainID, Eon: w.Eon, Keyper: w.Keyper, Accused: w.Accused, Keypers: w.Keypers}
	for p, name := range phaseNames {
		if name == w.Phase && p != PhaseDone {
			m.Phase = p
		}
	}
	if m.Phase == 0 {
		return nil, fmt.Errorf("%w: unknown phase %q", ErrBadMessage, w.Phase)
	}
	if w.EphemeralKey != nil {
		m.EphemeralKey = *w.EphemeralKey
	}
	if w.Commitments != nil {
		m.Commitments = *w.Commitments
	}
	for _, s := range w.Shares {
		m.Shares = append(m.Shares, s)
	}
	if w.Signature == nil {
		return nil, fmt.Errorf("%w: no signature", ErrBadMessage)
	}
	m.Signature = *w.Signature
	if !bytes.Equal(m.Encode(), b) {
		return nil, fmt.Errorf("%w: not the canonical encoding", ErrBadMessage)
	}
	if err := m.checkShape(); err != nil {
		return nil, err
	}
	return m, nil
}

// checkShape validates what a message's own fields can say about it.
func (m *Message) checkShape() error {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: %s from keyper %d: %s", ErrBadMessage, m.Phase, m.Keyper, fmt.Sprintf(format, args...))
	}
	if m.Keyper < 1 || m.Keyper > threshold.MaxKeypers {
		return bad("keyper index out of range")
	}
	if len(m.Signature) != eip712.SignatureSize {
		return bad("signature of %d bytes", len(m.Signature))
	}
	switch m.Phase {
	case PhaseAnnounce:
		if len(m.EphemeralKey) != EphemeralKeySize {
			return bad("ephemeral key of %d bytes, want %d", len(m.EphemeralKey), EphemeralKeySize)
		}
	case PhaseDeal:
		if len(m.Commitments) == 0 || len(m.Commitments)%threshold.G2Size != 0 {
			return bad("commitments of %d bytes", len(m.Commitments))
		}
		if len(m.Shares) == 0 || len(m.Shares) > threshold.MaxKeypers {
			return bad("%d shares", len(m.Shares))
		}
	case PhaseComplaint:
		if len(m.Accused) == 0 || !strictlyAscending(m.Accused) {
			return bad("accused list empty or not strictly ascending")
		}
	case PhaseJustification:
		if len(m.Keypers) == 0 || !strictlyAscending(m.Keypers) || len(m.Shares) != len(m.Keypers) {
			return bad("keypers empty, not strictly ascending, or not one share each")
		}
		for _, s := range m.Shares {
			if len(s) != threshold.ScalarSize {
				return bad("revealed share of %d bytes", len(s))
			}
		}
	}
	return nil
}

func strictlyAscending(xs []uint64) bool {
	for i := 1; i < len(xs); i++ {
		if xs[i] <= xs[i-1] {
			return false
		}
	}
	return true
}
