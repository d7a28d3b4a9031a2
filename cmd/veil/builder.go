package main

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/spf13/cobra"

	"github.com/veil-sequencer/veil/api/apitypes"
	"github.com/veil-sequencer/veil/auction"
	"github.com/veil-sequencer/veil/builder"
	"github.com/veil-sequencer/veil/wallet"
)

func newBuilderCmd() *cobra.Command {
	var nodeURL, keyFile, strategy string
	var interval time.Duration
	cmd := &cobra.Command{
		Use:   "builder --node URL --key-file F [--strategy share:P]",
		Short: "Run the reference builder: bid for the next open slot on the envelopes it sees arrive",
		Long: `Builder reads the node's status every --interval and, a third and two
thirds into each slot, its pending envelopes. For slot height+2, the next
slot whose bids are still open, it orders the envelopes pending (those the
next block will queue, which slot height+2 orders) together with their
senders' lower nonces pending one height before, fee first, then age (each
sender's nonces consecutive), within the bid gas limit; it values the bid at
--strategy (share:P, P percent of the bundle's inclusion fees, at least the
reserve) and submits it sealed and signed. The chain appends every other
queued envelope after the winner's bundle, so the bid buys the top of the
block. It bids again for the same slot, with a higher seq, when the bundle
has grown, up to the network's bids per builder and slot; an empty bundle
gets no bid. An entry still pending when the slot is decided is dropped,
not fined. One line per bid. Ctrl-C stops.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			key, err := readKeyFile(keyFile)
			if err != nil {
				return err
			}
			st, err := builder.ParseStrategy(strategy)
			if err != nil {
				return fmt.Errorf("--strategy: %w", err)
			}
			if interval <= 0 {
				return fmt.Errorf("--interval: must be positive")
			}
			return runBuilder(cmd.Context(), cmd.OutOrStdout(), &wallet.Client{Base: strings.TrimRight(nodeURL, "/")}, key, st, interval)
		},
	}
	cmd.Flags().StringVar(&nodeURL, "node", "http://127.0.0.1:8650", "node API base URL")
	cmd.Flags().StringVar(&keyFile, "key-file", "", "file holding the builder's private key (hex)")
	cmd.Flags().StringVar(&strategy, "strategy", "share:10", "bid valuation: share:P of the bundle's inclusion fees")
	cmd.Flags().DurationVar(&interval, "interval", 100*time.Millisecond, "how often to read the node's status")
	_ = cmd.MarkFlagRequired("key-file")
	cmd.AddCommand(newDepositCmd(true), newWithdrawCmd(true))
	return cmd
}

// sessionFresh is how often a builder on a network anchored on L1 reads
// the eons again: a next eon's activation is fixed K+1 slots ahead.
const sessionFresh = time.Second

// runBuilder bids until ctx ends; a failed round is reported and retried.
// It reads the status every interval, the pending envelopes twice per slot
// (a third and two thirds in), and its account and the eon only to bid.
func runBuilder(ctx context.Context, w io.Writer, c *wallet.Client, key *ecdsa.PrivateKey, st builder.Strategy, interval time.Duration) error {
	t := time.NewTicker(interval)
	defer t.Stop()
	var slot, seq uint64
	size := 0
	var params *apitypes.Params // genesis parameters: read once
	var sess *wallet.Session    // the eon and domain, read again when the eon changes (and every sessionFresh on L1, for the next eon)
	var sessAt time.Time
	tr := &builder.Tracker{}
	var looked time.Time // the pool's last read for the slot
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
		var status apitypes.Status
		if err := c.Get(ctx, "/v1/status", &status); err != nil {
			fmt.Fprintf(w, "builder: %v\n", err)
			continue
		}
		if params == nil {
			var p apitypes.Params
			if err := c.Get(ctx, "/v1/params", &p); err != nil {
				fmt.Fprintf(w, "builder: %v\n", err)
				continue
			}
			params = &p
		}
		if target := status.Height + 2; target != slot {
			slot, seq, size, looked = target, 0, 0, time.Now()
		}
		// The pool is read (and a bid sealed) a third and two thirds into
		// the slot: every look and bid costs the nodes CPU that users'
		// envelopes wait for, and an envelope the bid leaves out is
		// ordered all the same (protocol §5).
		if time.Since(looked) < time.Duration(status.BlockTimeMs)*time.Millisecond/3 {
			continue
		}
		looked = time.Now()
		if err := readPending(ctx, c, tr, status.Height); err != nil {
			fmt.Fprintf(w, "builder: %v\n", err)
			continue
		}
		bundle := tr.NextSlot(params.BidGasLimit)
		if len(bundle) == 0 || len(bundle) <= size || seq >= uint64(params.BidsPerBuilder) {
			continue // nothing new to order, or no bid left for the slot
		}
		if sess == nil || sess.Eon.Eon != status.Eon || (status.L1 != nil && time.Since(sessAt) > sessionFresh) {
			s, err := c.Session(ctx)
			if err != nil {
				fmt.Fprintf(w, "builder: %v\n", err)
				continue
			}
			sess, sessAt = s, time.Now()
		}
		sealTo := sess.EonFor(slot)
		value, err := bidValue(ctx, c, key, st, params, bundle)
		if err != nil {
			fmt.Fprintf(w, "builder: slot %d: %v\n", slot, err)
			continue
		}
		b, err := builder.Seal(nil, key, sess.Domain, sealTo.PublicKey, sealTo.Eon, slot, seq+1, value, bundle)
		if err != nil {
			return err
		}
		var out apitypes.BidSubmitted
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, c.Base+"/v1/bids", bytes.NewReader(b.EncodeCanonical()))
		req.Header.Set("Content-Type", "application/json")
		if err := c.Do(req, &out); err != nil {
			fmt.Fprintf(w, "builder: slot %d seq %d: %v\n", slot, seq+1, err)
			continue
		}
		seq, size = seq+1, len(bundle)
		fmt.Fprintf(w, "builder: slot %d seq %d: %d envelopes, value %v wei: bid %s\n", slot, seq, len(bundle), value, out.BidHash)
	}
}

// readPending feeds the tracker the node's pending envelopes as seen at
// committed height h. The listing's cursor is a pool key, (slot, hash):
// every queued envelope has a slot ≤ h and every pending one slot h+1, so
// the cursor (h, 0xff…ff) reads the pending ones alone, a page costing
// what arrived since the last block, not the whole pool. (Reading on from
// the last cursor would miss envelopes arriving later with a lower hash.)
func readPending(ctx context.Context, c *wallet.Client, tr *builder.Tracker, h uint64) error {
	cursor := hex.EncodeToString(binary.BigEndian.AppendUint64(nil, h)) + strings.Repeat("ff", 32)
	for {
		var page apitypes.PoolPage
		if err := c.Get(ctx, "/v1/pool?limit=1000&after="+cursor, &page); err != nil {
			return err
		}
		qs := make([]auction.Queued, 0, len(page.Envelopes))
		for _, e := range page.Envelopes {
			if e.Envelope == nil || e.Status != "pending" {
				continue
			}
			qs = append(qs, auction.Queued{Hash: e.Hash, Sender: e.Envelope.Sender, Nonce: e.Envelope.Nonce,
				MaxFeePerGas: e.Envelope.MaxFeePerGas, GasLimit: e.Envelope.GasLimit})
		}
		tr.Observe(h, qs)
		if page.Next == "" || len(page.Envelopes) == 0 {
			return nil
		}
		cursor = page.Next
	}
}

// bidValue values a bundle with the strategy, within the builder's free
// collateral.
func bidValue(ctx context.Context, c *wallet.Client, key *ecdsa.PrivateKey, st builder.Strategy, params *apitypes.Params, bundle []auction.Queued) (*big.Int, error) {
	reserve, err := wallet.Amount("reserve", params.Reserve)
	if err != nil {
		return nil, err
	}
	var acct apitypes.Account
	if err := c.Get(ctx, "/v1/accounts/"+strings.ToLower(crypto.PubkeyToAddress(key.PublicKey).Hex()), &acct); err != nil {
		return nil, err
	}
	c0, err := wallet.Amount("collateral", acct.Collateral)
	if err != nil {
		return nil, err
	}
	collateral := new(big.Int).Set(c0)
	// A value may reach only the collateral no other bid's penalty holds
	// (docs/auction.md): less what is reserved now and this bid's own
	// penalty, which is at least what the auction will leave free.
	for _, x := range []struct {
		name string
		v    apitypes.Wei
	}{{"reserved", acct.Reserved}, {"invalidBidPenalty", params.InvalidBidPenalty}} {
		v, err := wallet.Amount(x.name, x.v)
		if err != nil {
			return nil, err
		}
		collateral.Sub(collateral, v)
	}
	if collateral.Sign() < 0 {
		collateral.SetInt64(0)
	}
	return st.Value(bundle, reserve, collateral)
}
