// Package proposer builds and checks a slot's block (protocol §3): the slot
// record the proposer puts first, with the auction's public result, and the
// check every validator runs in ProcessProposal, a pure function of the
// committed state and the block.
package proposer

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/veil-sequencer/veil/auction"
	"github.com/veil-sequencer/veil/oracle"
	"github.com/veil-sequencer/veil/threshold"
	"github.com/veil-sequencer/veil/wire"
)

// Record is block s's slot record (protocol §4).
type Record struct {
	Slot    uint64
	Eon     uint64
	BidKey  *threshold.IdentityKey // nil when no bid was committed for the slot
	Auction *auction.Result
	Keys    []Key // combined keys of earlier bundles recorded in this block (protocol §3)
	// Oracle is the L1 oracle's section (protocol §9): present exactly on
	// networks anchored on L1 from block 2 on, whose last commit carries
	// vote extensions.
	Oracle *oracle.Section
	// Batch is the committee's signature of the next batch's header
	// (protocol §9), when the proposer has it: recorded like a key.
	Batch *BatchSig
	// EonSig is the active committee's signature of the next eon's key
	// (protocol §10), when the proposer has it: recorded like a key.
	EonSig *StatementSig
	// Slash is the active committee's signature of a Slash statement
	// (protocol §9): a validator's equivocation, for its L1 stake.
	Slash *StatementSig
	// Applied are the L1 blocks the section applies, as Check found them
	// agreed (not encoded: a function of the section and the state).
	Applied []oracle.Attestation
}

// Key is a recorded combined key of an envelope of a committed bundle.
type Key struct {
	Slot     uint64
	Index    uint32
	Identity threshold.Identity
	Key      *threshold.IdentityKey
}

func hexOrNull(b []byte, ok bool) string {
	if !ok {
		return "null"
	}
	return `"` + hexutil.Encode(b) + `"`
}

// Encode is the canonical JSON: fields in protocol §4's order, no whitespace,
// lowercase hex, a missing value as null, bids sorted by bidHash.
func (r *Record) Encode() []byte {
	var b bytes.Buffer
	a := r.Auction
	if a == nil {
		a = &auction.Result{}
	}
	var bidKey []byte
	if r.BidKey != nil {
		bidKey = r.BidKey.Bytes()
	}
	fmt.Fprintf(&b, `{"slot":%d,"eon":%d,"bidKey":%s,"auction":{"bids":[`, r.Slot, r.Eon, hexOrNull(bidKey, r.BidKey != nil))
	for i, x := range a.Bids {
		if i > 0 {
			b.WriteByte(',')
		}
		value := "null"
		if x.Value != nil {
			value = `"` + x.Value.String() + `"`
		}
		fmt.Fprintf(&b, `{"bidHash":"%s","builder":"%s","seq":%d,"value":%s,"verdict":"%s","reason":%s}`,
			hexutil.Encode(x.BidHash[:]), hexutil.Encode(x.Builder[:]), x.Seq, value, x.Verdict, strOrNull(x.Reason))
	}
	winner, winningBid, price := "null", "null", "null"
	if a.Winner != nil {
		winner = `"` + hexutil.Encode(a.Winner[:]) + `"`
	}
	if a.WinningBid != nil {
		winningBid = `"` + hexutil.Encode(a.WinningBid[:]) + `"`
	}
	if a.Price != nil {
		price = `"` + a.Price.String() + `"`
	}
	fmt.Fprintf(&b, `],"winner":%s,"winningBid":%s,"price":%s},"bundle":%s,"included":%s,"keys":[`,
		winner, winningBid, price, hashes(a.Bundle), hashes(a.Included))
	for i, k := range r.Keys {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"slot":%d,"index":%d,"identity":"%s","key":"%s"}`, k.Slot, k.Index, hexutil.Encode(k.Identity[:]), hexutil.Encode(k.Key.Bytes()))
	}
	b.WriteByte(']')
	if r.Oracle != nil {
		b.WriteString(`,"oracle":`)
		b.Write(r.Oracle.AppendJSON(nil))
	}
	if r.Batch != nil {
		fmt.Fprintf(&b, `,"batch":{"index":%d,"dataHash":"%s","signature":"%s"}`,
			r.Batch.Index, hexutil.Encode(r.Batch.DataHash[:]), hexutil.Encode(r.Batch.Sigma.Bytes()))
	}
	if r.EonSig != nil {
		fmt.Fprintf(&b, `,"eonKey":{"eon":%d,"signature":"%s"}`, r.EonSig.Subject, hexutil.Encode(r.EonSig.Sigma.Bytes()))
	}
	if r.Slash != nil {
		fmt.Fprintf(&b, `,"slash":{"registration":%d,"signature":"%s"}`, r.Slash.Subject, hexutil.Encode(r.Slash.Sigma.Bytes()))
	}
	b.WriteByte('}')
	return b.Bytes()
}

func strOrNull(s string) string {
	if s == "" {
		return "null"
	}
	q, _ := json.Marshal(s)
	return string(q)
}

func hashes(hs []common.Hash) string {
	var b bytes.Buffer
	b.WriteByte('[')
	for i, h := range hs {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`"` + hexutil.Encode(h[:]) + `"`)
	}
	b.WriteByte(']')
	return b.String()
}

// recordJSON mirrors the canonical form for decoding; Decode then
// re-encodes and compares, so only the canonical spelling passes.
type recordJSON struct {
	Slot    uint64  `json:"slot"`
	Eon     uint64  `json:"eon"`
	BidKey  *string `json:"bidKey"`
	Auction struct {
		Bids []struct {
			BidHash common.Hash    `json:"bidHash"`
			Builder common.Address `json:"builder"`
			Seq     uint64         `json:"seq"`
			Value   *string        `json:"value"`
			Verdict string         `json:"verdict"`
			Reason  *string        `json:"reason"`
		} `json:"bids"`
		Winner     *common.Address `json:"winner"`
		WinningBid *common.Hash    `json:"winningBid"`
		Price      *string         `json:"price"`
	} `json:"auction"`
	Bundle   []common.Hash `json:"bundle"`
	Included []common.Hash `json:"included"`
	Keys     []struct {
		Slot     uint64      `json:"slot"`
		Index    uint32      `json:"index"`
		Identity common.Hash `json:"identity"`
		Key      string      `json:"key"`
	} `json:"keys"`
	Oracle json.RawMessage `json:"oracle"`
	Batch  *struct {
		Index     uint64      `json:"index"`
		DataHash  common.Hash `json:"dataHash"`
		Signature string      `json:"signature"`
	} `json:"batch"`
	EonKey *struct {
		Eon       uint64 `json:"eon"`
		Signature string `json:"signature"`
	} `json:"eonKey"`
	Slash *struct {
		Registration uint64 `json:"registration"`
		Signature    string `json:"signature"`
	} `json:"slash"`
}

// ErrNotCanonical is a record whose bytes are not its canonical encoding.
var ErrNotCanonical = errors.New("proposer: slot record is not in canonical form")

// Decode parses a slot record from a block: the canonical form only, every
// key and point well formed.
func Decode(raw []byte) (*Record, error) {
	r, _, err := decode(raw, nil)
	return r, err
}

// decode is Decode taking the keys known from known instead of parsing
// them (the rest are parsed on every core); known[i] says which.
func decode(raw []byte, known KnownKey) (*Record, []bool, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	var j recordJSON
	if err := dec.Decode(&j); err != nil {
		return nil, nil, &wire.Error{Code: wire.CodeBadJSON, Err: err}
	}
	r := &Record{Slot: j.Slot, Eon: j.Eon, Auction: &auction.Result{Slot: j.Slot, Bundle: j.Bundle, Included: j.Included,
		Winner: j.Auction.Winner, WinningBid: j.Auction.WinningBid}}
	if j.BidKey != nil {
		k, err := parseKey(*j.BidKey)
		if err != nil {
			return nil, nil, &wire.Error{Code: wire.CodeBadField, Field: "bidKey", Err: err}
		}
		r.BidKey = k
	}
	if j.Auction.Price != nil {
		p, ok := new(big.Int).SetString(*j.Auction.Price, 10)
		if !ok {
			return nil, nil, &wire.Error{Code: wire.CodeBadField, Field: "auction.price", Err: errors.New("not a decimal")}
		}
		r.Auction.Price = p
	}
	for _, x := range j.Auction.Bids {
		br := auction.BidResult{BidHash: x.BidHash, Builder: x.Builder, Seq: x.Seq, Verdict: auction.Verdict(x.Verdict)}
		if x.Value != nil {
			v, ok := new(big.Int).SetString(*x.Value, 10)
			if !ok {
				return nil, nil, &wire.Error{Code: wire.CodeBadField, Field: "auction.bids.value", Err: errors.New("not a decimal")}
			}
			br.Value = v
		}
		if x.Reason != nil {
			br.Reason = *x.Reason
		}
		r.Auction.Bids = append(r.Auction.Bids, br)
	}
	r.Keys = make([]Key, len(j.Keys))
	isKnown := make([]bool, len(j.Keys))
	errs := make([]error, len(j.Keys))
	threshold.Parallel(len(j.Keys), func(i int) {
		k := j.Keys[i]
		r.Keys[i] = Key{Slot: k.Slot, Index: k.Index, Identity: threshold.Identity(k.Identity)}
		b, err := hexutil.Decode(k.Key)
		if err != nil {
			errs[i] = err
			return
		}
		if known != nil {
			r.Keys[i].Key, isKnown[i] = known(k.Slot, k.Index, r.Keys[i].Identity, b)
		}
		if !isKnown[i] {
			r.Keys[i].Key, errs[i] = threshold.ParseIdentityKey(b)
		}
	})
	for _, err := range errs {
		if err != nil {
			return nil, nil, &wire.Error{Code: wire.CodeBadField, Field: "keys.key", Err: err}
		}
	}
	if len(r.Keys) == 0 {
		r.Keys = nil
	}
	if j.Oracle != nil {
		o, err := oracle.ParseSection(j.Oracle)
		if err != nil {
			return nil, nil, &wire.Error{Code: wire.CodeBadField, Field: "oracle", Err: err}
		}
		r.Oracle = o
	}
	if j.Batch != nil {
		sigma, err := parseKey(j.Batch.Signature)
		if err != nil {
			return nil, nil, &wire.Error{Code: wire.CodeBadField, Field: "batch.signature", Err: err}
		}
		r.Batch = &BatchSig{Index: j.Batch.Index, DataHash: j.Batch.DataHash, Sigma: sigma}
	}
	if j.EonKey != nil {
		sigma, err := parseKey(j.EonKey.Signature)
		if err != nil {
			return nil, nil, &wire.Error{Code: wire.CodeBadField, Field: "eonKey.signature", Err: err}
		}
		r.EonSig = &StatementSig{Subject: j.EonKey.Eon, Sigma: sigma}
	}
	if j.Slash != nil {
		sigma, err := parseKey(j.Slash.Signature)
		if err != nil {
			return nil, nil, &wire.Error{Code: wire.CodeBadField, Field: "slash.signature", Err: err}
		}
		r.Slash = &StatementSig{Subject: j.Slash.Registration, Sigma: sigma}
	}
	if !bytes.Equal(r.Encode(), raw) {
		return nil, nil, ErrNotCanonical
	}
	return r, isKnown, nil
}

func parseKey(s string) (*threshold.IdentityKey, error) {
	b, err := hexutil.Decode(s)
	if err != nil {
		return nil, err
	}
	return threshold.ParseIdentityKey(b)
}
