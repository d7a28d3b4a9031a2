package keyper

import (
	"crypto/ecdsa"
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/eon"
	"github.com/veil-sequencer/veil/threshold"
	"github.com/veil-sequencer/veil/wire"
)

// The committee signs a batch header (protocol §9, "Committee statements")
// as it releases a transaction key: each keyper releases its share of the
// key of the header's signing identity, for the header it computed itself,
// and any t shares for one header combine into σ. BatchShare is that
// release; BatchSigner collects them.

// BatchShareType is the EIP-712 type of a keyper's BatchShare.
const BatchShareType = "BatchShare(uint64 chainId,uint64 eon,uint64 index,uint64 keyper,bytes32 digest,bytes share)"

var batchShareTypeHash = eip712.TypeHash(BatchShareType)

// BatchShare is keyper Keyper's share of the signature of batch Index's
// header, whose EIP-712 digest (the statement it signs) is Digest.
type BatchShare struct {
	ChainID   uint64
	Eon       uint64
	Index     uint64
	Keyper    uint64 // its index in the eon, from 1
	Digest    common.Hash
	Share     []byte // 48 bytes: the share of SigningIdentity(chainId, eon, digest)'s key
	Signature []byte // by the keyper's address in the eon
}

// Hash is the message's EIP-712 digest.
func (m *BatchShare) Hash(d eip712.Domain) common.Hash {
	return d.Digest(eip712.HashStruct(batchShareTypeHash, eip712.EncodeUint64(m.ChainID), eip712.EncodeUint64(m.Eon),
		eip712.EncodeUint64(m.Index), eip712.EncodeUint64(m.Keyper), m.Digest, eip712.EncodeBytes(m.Share)))
}

// Sign signs the message with the keyper's key.
func (m *BatchShare) Sign(d eip712.Domain, key *ecdsa.PrivateKey) error {
	sig, err := eip712.Sign(m.Hash(d), key)
	m.Signature = sig
	return err
}

var batchShareFields = []string{"chainId", "eon", "index", "keyper", "digest", "share", "signature"}

// Encode is the message's JSON: keys in EIP-712 order then "signature".
func (m *BatchShare) Encode() []byte {
	return fmt.Appendf(nil, `{"chainId":%d,"eon":%d,"index":%d,"keyper":%d,"digest":"%s","share":"%s","signature":%s}`,
		m.ChainID, m.Eon, m.Index, m.Keyper, hexutil.Encode(m.Digest[:]), hexutil.Encode(m.Share), wire.SignatureJSON(m.Signature))
}

// DecodeBatchShare parses a peer's message: strict JSON, lengths checked
// (the share's point is checked when verified).
func DecodeBatchShare(raw []byte) (*BatchShare, error) {
	obj, err := wire.StrictObject(raw)
	if err != nil {
		return nil, err
	}
	p, err := wire.NewParser(obj, batchShareFields)
	if err != nil {
		return nil, err
	}
	m := &BatchShare{ChainID: p.Uint64("chainId"), Eon: p.Uint64("eon"), Index: p.Uint64("index"), Keyper: p.Uint64("keyper"),
		Digest: common.Hash(p.Bytes("digest", 32)), Share: p.Bytes("share", threshold.G1Size), Signature: p.Bytes("signature", eip712.SignatureSize)}
	return m, p.Err
}

// Faults a BatchSigner names. Each is the sender's, in a message it signed.
var (
	// ErrOtherHeader is a valid share for a header other than the one
	// this keyper computed from the same committed state: the sender
	// built other batch data, or lies about it (protocol §9: named, a
	// fault like a bad key share).
	ErrOtherHeader = errors.New("keyper: share for another batch header")
	// ErrBadBatchShare is a share that does not verify for the header it
	// names.
	ErrBadBatchShare = errors.New("keyper: batch share does not verify")
	// ErrTwoHeaders is a keyper sharing two headers for one batch.
	ErrTwoHeaders = errors.New("keyper: shares for two headers of one batch")
)

// BatchFault is a fault a BatchSigner found.
type BatchFault struct {
	Keyper uint64
	Index  uint64
	Err    error
}

func (f BatchFault) Error() string {
	return fmt.Sprintf("keyper %d: batch %d: %v", f.Keyper, f.Index, f.Err)
}
func (f BatchFault) Unwrap() error { return f.Err }

// BatchWindow is how many batches past the lowest unsigned one a
// BatchSigner holds shares for: memory a peer can make it keep.
const BatchWindow = 4

// BatchSigner collects the keypers' shares of batch headers' signatures
// for one eon and combines σ for the header this node computed once t of
// them verify. Like Collector it has no clock and no network; one
// goroutine at a time uses it. Shares may arrive before this node has
// computed its own header: they are held (one per keyper per batch, within
// BatchWindow) and judged when it has.
type BatchSigner struct {
	info      *eon.Info
	committee *threshold.Committee
	domain    eip712.Domain
	lowest    uint64 // batches below are signed on chain and forgotten
	batches   map[uint64]*batchShares
}

type batchShares struct {
	want     *common.Hash           // this node's header digest, once computed
	held     map[uint64]*BatchShare // by keyper, authenticated, not yet judged
	verified []threshold.VerifiedShare
	faulty   map[uint64]bool
	sigma    *threshold.IdentityKey
}

// NewBatchSigner is a signer for the eon's batches from index lowest on.
func NewBatchSigner(info *eon.Info, domain eip712.Domain, lowest uint64) (*BatchSigner, error) {
	c, err := info.Committee()
	if err != nil {
		return nil, err
	}
	return &BatchSigner{info: info, committee: c, domain: domain, lowest: lowest, batches: make(map[uint64]*batchShares)}, nil
}

func (s *BatchSigner) batch(index uint64) *batchShares {
	b := s.batches[index]
	if b == nil {
		b = &batchShares{held: make(map[uint64]*BatchShare), faulty: make(map[uint64]bool)}
		s.batches[index] = b
	}
	return b
}

// Want sets the digest of batch index's header as this node computed it,
// judges the shares held for the batch, and returns σ once t verify.
func (s *BatchSigner) Want(index uint64, digest common.Hash) (*threshold.IdentityKey, []BatchFault, error) {
	if index < s.lowest || index >= s.lowest+BatchWindow {
		return nil, nil, fmt.Errorf("keyper: batch %d outside %d…%d", index, s.lowest, s.lowest+BatchWindow-1)
	}
	b := s.batch(index)
	if b.want != nil {
		if *b.want != digest {
			return nil, nil, fmt.Errorf("keyper: batch %d: this node's header changed from %s to %s", index, *b.want, digest)
		}
		return b.sigma, nil, nil
	}
	b.want = &digest
	var faults []BatchFault
	for k, m := range b.held {
		delete(b.held, k)
		if f := s.judge(b, m); f != nil {
			faults = append(faults, *f)
		}
	}
	sigma, err := s.combine(index, b)
	return sigma, faults, err
}

// Receive takes a keyper's share: a message for another chain or eon, from
// no keyper of it, with a signature not the keyper's or for a batch outside
// the window is refused whole (an error, nobody blamed); a fault in an
// authenticated one is returned as a BatchFault. It returns σ once t
// shares of this node's header verify.
func (s *BatchSigner) Receive(m *BatchShare) (*threshold.IdentityKey, *BatchFault, error) {
	switch {
	case m.ChainID != s.info.ChainID || m.Eon != s.info.Eon:
		return nil, nil, fmt.Errorf("%w: chain %d eon %d", ErrForeign, m.ChainID, m.Eon)
	case m.Keyper < 1 || m.Keyper > uint64(len(s.info.Keypers)):
		return nil, nil, fmt.Errorf("%w: %d", ErrNoKeyper, m.Keyper)
	case m.Index < s.lowest || m.Index >= s.lowest+BatchWindow:
		return nil, nil, fmt.Errorf("keyper: a share for batch %d, outside %d…%d", m.Index, s.lowest, s.lowest+BatchWindow-1)
	}
	if err := eip712.Verify(m.Hash(s.domain), m.Signature, s.info.Keypers[m.Keyper-1].Address); err != nil {
		return nil, nil, fmt.Errorf("%w: %v", ErrSignature, err)
	}
	b := s.batch(m.Index)
	if b.sigma != nil || b.faulty[m.Keyper] {
		return b.sigma, nil, nil
	}
	if b.want == nil {
		if old, ok := b.held[m.Keyper]; ok && old.Digest != m.Digest {
			b.faulty[m.Keyper] = true
			delete(b.held, m.Keyper)
			return nil, &BatchFault{Keyper: m.Keyper, Index: m.Index, Err: ErrTwoHeaders}, nil
		}
		b.held[m.Keyper] = m
		return nil, nil, nil
	}
	f := s.judge(b, m)
	sigma, err := s.combine(m.Index, b)
	return sigma, f, err
}

// judge verifies an authenticated share against this node's header: one
// pairing. A share for another header is checked for its own header first,
// so that a keyper is named for a header it really signed.
func (s *BatchSigner) judge(b *batchShares, m *BatchShare) *BatchFault {
	for _, v := range b.verified {
		if uint64(v.Keyper()) == m.Keyper {
			return nil // a resend
		}
	}
	fault := func(err error) *BatchFault {
		b.faulty[m.Keyper] = true
		return &BatchFault{Keyper: m.Keyper, Index: m.Index, Err: err}
	}
	share, err := threshold.ParseIdentityKeyShare(m.Share)
	if err != nil {
		return fault(fmt.Errorf("%w: %v", ErrBadBatchShare, err))
	}
	id := threshold.SigningIdentity(s.info.ChainID, s.info.Eon, m.Digest).Point()
	v, err := s.committee.VerifyShare(int(m.Keyper), id, share)
	if err != nil {
		return fault(fmt.Errorf("%w: %v", ErrBadBatchShare, err))
	}
	if m.Digest != *b.want {
		return fault(fmt.Errorf("%w: %s, this node's is %s", ErrOtherHeader, m.Digest, *b.want))
	}
	b.verified = append(b.verified, v)
	return nil
}

// combine makes σ once t shares of this node's header verified.
func (s *BatchSigner) combine(index uint64, b *batchShares) (*threshold.IdentityKey, error) {
	if b.sigma != nil || len(b.verified) < s.info.Threshold {
		return b.sigma, nil
	}
	sigma, err := s.committee.Combine(b.verified[:s.info.Threshold])
	if err != nil {
		return nil, fmt.Errorf("keyper: combining batch %d's signature: %w", index, err)
	}
	b.sigma = sigma
	return sigma, nil
}

// Signed forgets the batches below index: their σ is on chain.
func (s *BatchSigner) Signed(index uint64) {
	for i := range s.batches {
		if i < index {
			delete(s.batches, i)
		}
	}
	s.lowest = max(s.lowest, index)
}

// SignBatch is this keyper's share of batch index's header signature, as
// the message it sends (and feeds its own BatchSigner).
func SignBatch(share *eon.Share, domain eip712.Domain, key *ecdsa.PrivateKey, index uint64, digest common.Hash) (*BatchShare, error) {
	id := threshold.SigningIdentity(share.Eon.ChainID, share.Eon.Eon, digest).Point()
	m := &BatchShare{ChainID: share.Eon.ChainID, Eon: share.Eon.Eon, Index: index, Keyper: uint64(share.Index), Digest: digest,
		Share: share.Share.Release(id).Bytes()}
	if err := m.Sign(domain, key); err != nil {
		return nil, err
	}
	return m, nil
}
