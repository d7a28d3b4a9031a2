package node

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/veil-sequencer/veil/keyper"
)

// broadcast signs one of the core's releases, steps it back in (the
// core collects this keyper's own shares like a peer's, and checks the
// signature) and sends it to every peer. A release the core refuses is
// logged and not sent.
func (k *Keyper) broadcast(m *keyper.Message) {
	if err := m.Sign(k.domain, k.signer); err != nil {
		k.log.Error("signing shares", "slot", m.Slot, "err", err)
		return
	}
	if _, err := k.drive(keyper.Signed{Msg: m}); err != nil {
		k.log.Error("own shares refused", "slot", m.Slot, "err", err)
		return
	}
	body := m.Encode()
	for _, p := range k.peers {
		k.sending.Go(func() { k.send(p, m.Slot, body) })
	}
}

// sendAttempts and sendRetry bound how long a release is retried to a peer
// that cannot be reached (starting, restarting): a few slots.
const (
	sendAttempts = 20
	sendRetry    = 250 * time.Millisecond
)

// send posts a signed release to a peer's POST /v1/p2p/shares until it is
// accepted or refused (a 4xx: retrying would not help), a bounded number
// of times, or the keyper closes.
func (k *Keyper) send(peer string, slot uint64, body []byte) {
	for attempt := 1; ; attempt++ {
		resp, err := k.client.Post(peer+"/v1/p2p/shares", "application/json", bytes.NewReader(body))
		if err == nil {
			msg, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
			resp.Body.Close()
			switch {
			case resp.StatusCode == http.StatusAccepted:
				return
			case resp.StatusCode < 500:
				k.log.Warn("peer refused shares", "peer", peer, "slot", slot, "status", resp.StatusCode, "body", string(msg))
				return
			}
			err = fmt.Errorf("status %d", resp.StatusCode)
		}
		if attempt == sendAttempts {
			k.log.Warn("sending shares", "peer", peer, "slot", slot, "attempts", attempt, "err", err)
			return
		}
		select {
		case <-k.stop:
			return
		case <-time.After(sendRetry):
		}
	}
}

// batchSharesPath is where keypers post their BatchShare messages (the
// API's keyper listener serves it).
const batchSharesPath = "/v1/p2p/batchshares"

// sendBatchShare posts this keyper's share of batch index's signature to a
// peer, once: the batcher sends it again every batchResend until σ is on
// chain, so only a refusal for a broken rule (400) is a warning.
func (k *Keyper) sendBatchShare(peer string, index uint64, body []byte) {
	resp, err := k.client.Post(peer+batchSharesPath, "application/json", bytes.NewReader(body))
	if err != nil {
		k.log.Debug("sending a batch share", "peer", peer, "batch", index, "err", err)
		return
	}
	msg, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
	resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusAccepted:
	case resp.StatusCode == http.StatusBadRequest:
		k.log.Warn("peer refused a batch share", "peer", peer, "batch", index, "status", resp.StatusCode, "body", string(msg))
	default:
		k.log.Debug("peer did not take a batch share", "peer", peer, "batch", index, "status", resp.StatusCode, "body", string(msg))
	}
}
