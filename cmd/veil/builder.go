package main

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/spf13/cobra"

	"github.com/veil-sequencer/veil/api/apitypes"
	"github.com/veil-sequencer/veil/auction"
	"github.com/veil-sequencer/veil/builder"
)

func newBuilderCmd() *cobra.Command {
	var nodeURL, keyFile, strategy string
	var interval time.Duration
	cmd := &cobra.Command{
		Use:   "builder --node URL --key-file F [--strategy share:P]",
		Short: "Run the reference builder: bid for upcoming slots with the node's queued pool",
		Long: `Builder polls the node every --interval. For slot height+2 it orders the
queued pool fee first, then age (each sender's nonces consecutive), within the
bid gas limit, values the bid at --strategy (share:P, P percent of the
bundle's inclusion fees, at least the reserve) and submits it sealed and
signed. It bids again for the same slot, with a higher seq, only when the
bundle has grown; an empty pool gets no bid. One line per bid. Ctrl-C stops.`,
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
			return runBuilder(cmd.Context(), cmd.OutOrStdout(), &nodeClient{base: strings.TrimRight(nodeURL, "/")}, key, st, interval)
		},
	}
	cmd.Flags().StringVar(&nodeURL, "node", "http://127.0.0.1:8650", "node API base URL")
	cmd.Flags().StringVar(&keyFile, "key-file", "", "file holding the builder's private key (hex)")
	cmd.Flags().StringVar(&strategy, "strategy", "share:10", "bid valuation: share:P of the bundle's inclusion fees")
	cmd.Flags().DurationVar(&interval, "interval", 250*time.Millisecond, "how often to look at the pool")
	_ = cmd.MarkFlagRequired("key-file")
	return cmd
}

// runBuilder bids until ctx ends; a failed round is reported and retried.
func runBuilder(ctx context.Context, w io.Writer, c *nodeClient, key *ecdsa.PrivateKey, st builder.Strategy, interval time.Duration) error {
	t := time.NewTicker(interval)
	defer t.Stop()
	var slot, seq uint64
	size := 0
	// The bundle bid for the slot before the target: that slot takes
	// (about) those envelopes first, so bidding them again would leave the
	// target empty; they are left out.
	var prev, cur map[common.Hash]bool
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
		s, err := c.session(ctx)
		if err != nil {
			fmt.Fprintf(w, "builder: %v\n", err)
			continue
		}
		if target := s.height + 2; target != slot {
			if target == slot+1 {
				prev = cur
			} else {
				prev = nil
			}
			slot, seq, size, cur = target, 0, 0, nil
		}
		bundle, value, err := builderRound(ctx, c, key, st, prev)
		if err != nil {
			fmt.Fprintf(w, "builder: slot %d: %v\n", slot, err)
			continue
		}
		if len(bundle) == 0 || len(bundle) <= size {
			continue // nothing new to order
		}
		b, err := builder.Seal(nil, key, s.domain, s.eon.PublicKey, s.eon.Eon, slot, seq+1, value, bundle)
		if err != nil {
			return err
		}
		var out apitypes.BidSubmitted
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/v1/bids", bytes.NewReader(b.EncodeCanonical()))
		req.Header.Set("Content-Type", "application/json")
		if err := c.do(req, &out); err != nil {
			fmt.Fprintf(w, "builder: slot %d seq %d: %v\n", slot, seq+1, err)
			continue
		}
		seq, size = seq+1, len(bundle)
		cur = make(map[common.Hash]bool, len(bundle))
		for _, q := range bundle {
			cur[q.Hash] = true
		}
		fmt.Fprintf(w, "builder: slot %d seq %d: %d envelopes, value %v wei: bid %s\n", slot, seq, len(bundle), value, out.BidHash)
	}
}

// builderRound reads the node's queued pool, params and the builder's
// collateral, and returns the bundle and its value, leaving out the
// envelopes in skip (and their senders' later nonces, which could not run
// before them).
func builderRound(ctx context.Context, c *nodeClient, key *ecdsa.PrivateKey, st builder.Strategy, skip map[common.Hash]bool) ([]auction.Queued, *big.Int, error) {
	var params apitypes.Params
	if err := c.get(ctx, "/v1/params", &params); err != nil {
		return nil, nil, err
	}
	reserve, err := amount("reserve", params.Reserve)
	if err != nil {
		return nil, nil, err
	}
	var acct apitypes.Account
	if err := c.get(ctx, "/v1/accounts/"+strings.ToLower(crypto.PubkeyToAddress(key.PublicKey).Hex()), &acct); err != nil {
		return nil, nil, err
	}
	c0, err := amount("collateral", acct.Collateral)
	if err != nil {
		return nil, nil, err
	}
	collateral := new(big.Int).Set(c0)
	// A value may reach only the collateral no other bid's penalty holds
	// (docs/auction.md): less what is reserved now and this bid's own
	// penalty, which is at least what the auction will leave free.
	for _, x := range []struct {
		name string
		v    apitypes.Wei
	}{{"reserved", acct.Reserved}, {"invalidBidPenalty", params.InvalidBidPenalty}} {
		v, err := amount(x.name, x.v)
		if err != nil {
			return nil, nil, err
		}
		collateral.Sub(collateral, v)
	}
	if collateral.Sign() < 0 {
		collateral.SetInt64(0)
	}
	var pool []auction.Queued
	skipped := map[common.Address]bool{}
	for cursor := ""; ; {
		var page apitypes.PoolPage
		if err := c.get(ctx, "/v1/pool?limit=1000&after="+cursor, &page); err != nil {
			return nil, nil, err
		}
		for _, e := range page.Envelopes {
			if e.Status != "queued" || e.Envelope == nil {
				continue // only what the chain has admitted may be bid
			}
			if skip[e.Hash] || skipped[e.Envelope.Sender] { // the listing has each sender's nonces in order
				skipped[e.Envelope.Sender] = true
				continue
			}
			// The listing is in queued order: its position stands for age.
			pool = append(pool, auction.Queued{Hash: e.Hash, Sender: e.Envelope.Sender, Nonce: e.Envelope.Nonce,
				QueuedSlot: uint64(len(pool)), MaxFeePerGas: e.Envelope.MaxFeePerGas, GasLimit: e.Envelope.GasLimit})
		}
		if page.Next == "" || len(page.Envelopes) == 0 {
			break
		}
		cursor = page.Next
	}
	// The chain's admission keeps every queued envelope payable; the
	// auction drops what a later charge made unpayable, without a fine.
	payable := func(common.Address) *big.Int { return new(big.Int).Lsh(big.NewInt(1), 255) }
	bundle := builder.Bundle(pool, payable, params.BidGasLimit)
	if len(bundle) == 0 {
		return nil, nil, nil
	}
	value, err := st.Value(bundle, reserve, collateral)
	return bundle, value, err
}
