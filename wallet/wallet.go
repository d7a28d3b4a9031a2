// Package wallet is the client side of sending through Veil: it reads
// what a node serves that a wallet needs before it signs (the chain, the
// signing domain, the active and next eon, the fee parameters), seals a
// signed rollup transaction into an envelope encrypted to the eon for a
// fresh identity, and submits it. The plaintext never leaves the caller
// unencrypted: `veil wallet`, the load generator and the rollup node's
// encrypting eth_sendRawTransaction use it.
package wallet

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/veil-sequencer/veil/api/apitypes"
	"github.com/veil-sequencer/veil/eip712"
	"github.com/veil-sequencer/veil/envelope"
	"github.com/veil-sequencer/veil/eon"
	"github.com/veil-sequencer/veil/mempool"
	"github.com/veil-sequencer/veil/threshold"
)

// maxAnswer bounds a node's answer in bytes.
const maxAnswer = 4 << 20

// Client is a minimal client of a node's API.
type Client struct {
	Base string       // the node's API base URL, no trailing slash
	HTTP *http.Client // default: http.DefaultClient
}

// Get reads path's JSON answer into v.
func (c *Client) Get(ctx context.Context, path string, v any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.Base+path, nil)
	if err != nil {
		return err
	}
	return c.Do(req, v)
}

// NotFoundError is a 404 answer.
type NotFoundError struct{ Path string }

func (e *NotFoundError) Error() string { return e.Path + ": not found" }

// Do sends req and reads the JSON answer into v: an error answer becomes
// an error wrapping the node's apitypes.Error (its code and field), a 404
// a *NotFoundError.
func (c *Client) Do(req *http.Request, v any) error {
	hc := c.HTTP
	if hc == nil {
		hc = http.DefaultClient
	}
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxAnswer))
	if err != nil {
		return err
	}
	if resp.StatusCode == http.StatusNotFound {
		return &NotFoundError{Path: req.URL.Path}
	}
	if resp.StatusCode >= 300 {
		var e apitypes.ErrorBody
		if json.Unmarshal(body, &e) == nil && e.Error.Code != "" {
			return fmt.Errorf("%s %s: %d %w", req.Method, req.URL.Path, resp.StatusCode, &e.Error)
		}
		return fmt.Errorf("%s %s: %s", req.Method, req.URL.Path, resp.Status)
	}
	return json.Unmarshal(body, v)
}

// Session is what a client needs from a node before it signs: the chain,
// its current height, the signing domain and the active eon.
type Session struct {
	ChainID uint64
	Height  uint64
	Domain  eip712.Domain
	Eon     *eon.Info
	// Next is the eon whose activation slot is fixed (nil: none): Eon's
	// envelopes must end before Next.ActivationSlot, and bids for slots
	// from then on are sealed to Next (protocol §10).
	Next *eon.Info
}

// EonFor is the eon a bid for slot is sealed to.
func (s *Session) EonFor(slot uint64) *eon.Info {
	if s.Next != nil && slot >= s.Next.ActivationSlot {
		return s.Next
	}
	return s.Eon
}

// Session reads the node's status, eon and next eon.
func (c *Client) Session(ctx context.Context) (*Session, error) {
	var status apitypes.Status
	if err := c.Get(ctx, "/v1/status", &status); err != nil {
		return nil, err
	}
	var eonRaw json.RawMessage
	if err := c.Get(ctx, "/v1/eon", &eonRaw); err != nil {
		return nil, err
	}
	info, err := eon.Parse(eonRaw)
	if err != nil {
		return nil, fmt.Errorf("node's eon: %w", err)
	}
	s := &Session{ChainID: status.ChainID, Height: status.Height,
		Domain: eip712.Domain{ChainID: status.ChainID, Salt: status.DomainSalt}, Eon: info}
	if status.L1 == nil {
		return s, nil // eons change only on a network anchored on L1
	}
	var next apitypes.NextEon
	var nf *NotFoundError
	switch err := c.Get(ctx, "/v1/eon/next", &next); {
	case errors.As(err, &nf):
	case err != nil:
		return nil, err
	case next.Status == apitypes.DKGActivating && next.Eon > info.Eon:
		n, err := eon.Parse(next.Key)
		if err != nil {
			return nil, fmt.Errorf("node's next eon: %w", err)
		}
		n.ActivationSlot = next.ActivationSlot
		s.Next = n
	}
	return s, nil
}

// NextNonce is a's next envelope nonce as the node counts it (its queued
// envelopes included).
func (c *Client) NextNonce(ctx context.Context, a common.Address) (uint64, error) {
	var acct apitypes.Account
	err := c.Get(ctx, "/v1/accounts/"+strings.ToLower(a.Hex()), &acct)
	return acct.NextNonce, err
}

// Amount is a wei field of a node's answer: absent is the node's fault,
// not zero.
func Amount(name string, w apitypes.Wei) (*big.Int, error) {
	if w.Int == nil {
		return nil, fmt.Errorf("node's answer has no %s", name)
	}
	return w.Int, nil
}

// Params are the node's parameters a wallet needs to build an envelope.
type Params struct {
	MinFee        *big.Int
	MaxValidity   uint64
	MaxCiphertext int // bytes (0: not served)
	// ValidFor is how many slots past the next an envelope stays valid
	// (0: min(MaxValidity, 64)); a load sealed ahead needs its whole run.
	ValidFor uint64
}

// Params reads the node's parameters.
func (c *Client) Params(ctx context.Context) (Params, error) {
	var params apitypes.Params
	if err := c.Get(ctx, "/v1/params", &params); err != nil {
		return Params{}, err
	}
	fee, err := Amount("minFeePerGas", params.MinFeePerGas)
	if err != nil {
		return Params{}, err
	}
	return Params{MinFee: fee, MaxValidity: params.MaxValiditySlots, MaxCiphertext: params.MaxCiphertextSize}, nil
}

// Seal encrypts plain (a signed rollup transaction of gas gas) to the
// session's eon for a fresh identity, in an envelope from key's address at
// nonce paying the minimum fee, valid for up to 64 slots after s.Height
// (p.ValidFor when set) and never past the eon's last slot, and signs it.
func Seal(s *Session, p Params, key *ecdsa.PrivateKey, nonce uint64, plain []byte, gas uint64) (*envelope.Envelope, error) {
	e := &envelope.Envelope{ChainID: s.ChainID, Eon: s.Eon.Eon, Sender: crypto.PubkeyToAddress(key.PublicKey), Nonce: nonce,
		MaxFeePerGas: p.MinFee, ValidUntilSlot: s.Height + 1 + min(p.MaxValidity, 64)}
	if p.ValidFor > 0 {
		e.ValidUntilSlot = s.Height + 1 + min(p.MaxValidity, p.ValidFor)
	}
	if s.Next != nil && e.ValidUntilSlot >= s.Next.ActivationSlot {
		// The eon ends before: valid until its last slot. (Admitted at
		// s.Height+1 at the earliest, so one too late is refused
		// expired, and the caller signs again for the next eon.)
		e.ValidUntilSlot = s.Next.ActivationSlot - 1
	}
	if _, err := rand.Read(e.IdentityPrefix[:]); err != nil {
		return nil, err
	}
	ct, err := threshold.Encrypt(nil, plain, s.Eon.PublicKey, e.Identity().Point())
	if err != nil {
		return nil, err
	}
	e.Ciphertext = ct.Bytes()
	e.GasLimit = max(gas, mempool.BaseGas+mempool.GasPerByte*uint64(len(e.Ciphertext)))
	if err := e.Sign(s.Domain, key); err != nil {
		return nil, err
	}
	return e, nil
}

// Submit posts an envelope and checks the hash the node answers.
func (c *Client) Submit(ctx context.Context, e *envelope.Envelope, domain eip712.Domain) (common.Hash, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.Base+"/v1/transactions", bytes.NewReader(e.EncodeCanonical()))
	if err != nil {
		return common.Hash{}, err
	}
	req.Header.Set("Content-Type", "application/json")
	var res apitypes.Submitted
	if err := c.Do(req, &res); err != nil {
		return common.Hash{}, err
	}
	if want := e.Hash(domain); res.Hash != want {
		return common.Hash{}, fmt.Errorf("node answered hash %s for envelope %s", res.Hash, want)
	}
	return res.Hash, nil
}
