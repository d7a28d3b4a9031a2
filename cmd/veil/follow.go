package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/veil-sequencer/veil/api/apitypes"
	"github.com/veil-sequencer/veil/client"
)

func newFollowCmd() *cobra.Command {
	var node, trust, l1URL, blobs string
	var from, slots uint64
	var final bool
	var confirmations uint64
	cmd := &cobra.Command{
		Use:   "follow --node URL --trust GENESIS [--from N] [--slots K] [--final]",
		Short: "Follow a node's block feed, verifying every slot as a rollup would",
		Long: `Follow reads GET /v1/blocks?from=N of --node and verifies each slot with
package client, trusting only --trust: the chain's CometBFT genesis document
(DIR/genesis.json of a devnet), whose validator set, chain id and eon the
blocks must match. It prints one line per verified slot (slot, transactions,
invalid envelopes, latency from the block's time), resumes a dropped
connection where it stopped, and exits non-zero on the first block that
does not verify, naming what failed. --slots K stops after K slots.

With --final it follows the final feed (GET /v1/blocks?level=final): each
slot once the node says a batch L1 accepted covers it, printed with that
batch and L1 block and the latency from the block's time to now (what a
rollup waits for L1's word; the batch itself is the node's claim, which
--l1 checks on L1).

With --l1 URL it reads no Veil node at all: it derives the slots from L1
alone (protocol §9), from the BatchInbox and SequencerRegistry the genesis
names, each batch's blobs from the archive --blobs DIR (L1 nodes do not serve
included blobs; a poster keeps what it posted there), checking every batch
(the committee's signature under the registry's eon key, the blobs against
their versioned hashes and dataHash, the header chain, the slots against
recordsRoot). It prints the same line per slot, with the batch and L1 block
instead of a latency, and waits for L1 to accept more. It reads L1 up to its
finalized block, as Veil does; --l1-confirmations D reads up to D blocks
below the head instead (a devnet's L1 finalizes every 32 blocks; its nodes
use 2).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if final && l1URL != "" {
				return errors.New("--final and --l1: what L1 derives is final already")
			}
			doc, err := os.ReadFile(trust)
			if err != nil {
				return fmt.Errorf("--trust: %w", err)
			}
			ver, err := client.FromGenesis(doc)
			if err != nil {
				return fmt.Errorf("--trust %s: %w", trust, err)
			}
			if from == 0 {
				return errors.New("--from: slots start at 1")
			}
			if l1URL != "" {
				return followL1(cmd.Context(), cmd.OutOrStdout(), trust, l1URL, blobs, from, slots, confirmations)
			}
			return runFollow(cmd.Context(), cmd.OutOrStdout(), &client.Follower{Node: strings.TrimRight(node, "/"), Verify: ver,
				HTTP: &http.Client{}, Final: final}, from, slots)
		},
	}
	cmd.Flags().StringVar(&node, "node", "http://127.0.0.1:8650", "node API base URL")
	cmd.Flags().StringVar(&trust, "trust", "", "the chain's CometBFT genesis document")
	cmd.Flags().Uint64Var(&from, "from", 1, "first slot")
	cmd.Flags().Uint64Var(&slots, "slots", 0, "stop after this many slots (0: follow forever)")
	cmd.Flags().StringVar(&l1URL, "l1", "", "derive the slots from this L1 node alone instead of --node")
	cmd.Flags().BoolVar(&final, "final", false, "follow the final feed: each slot once a batch L1 accepted covers it")
	cmd.Flags().Uint64Var(&confirmations, "l1-confirmations", 0, "with --l1: read up to this many blocks below L1's head (dev chains; 0: up to its finalized block)")
	cmd.Flags().StringVar(&blobs, "blobs", "", "with --l1: the blob archive directory (files named by versioned hash)")
	_ = cmd.MarkFlagRequired("trust")
	return cmd
}

var errEnough = errors.New("enough slots")

func runFollow(ctx context.Context, w io.Writer, f *client.Follower, from, slots uint64) error {
	seen := uint64(0)
	err := f.Follow(ctx, from, func(s *client.Slot, b *apitypes.Block) error {
		final := ""
		if b.Final != nil {
			final = fmt.Sprintf(", final in batch %d (L1 block %d)", b.Final.Batch, b.Final.L1Block)
		}
		fmt.Fprintf(w, "slot %d: %d txs, %d invalid, latency %v, verified in %v%s\n", s.Slot, len(s.Txs), len(s.Invalid),
			time.Since(b.Time).Round(time.Millisecond), s.Took.Round(10*time.Microsecond), final)
		if seen++; slots > 0 && seen == slots {
			return errEnough
		}
		return nil
	})
	if errors.Is(err, errEnough) || errors.Is(err, context.Canceled) {
		return nil
	}
	return err
}

// followL1 derives slots from L1 alone (client.FromL1): every batch
// BatchInbox accepted since the genesis's L1 start block, verified,
// printed slot by slot from slot from on; it polls L1 for more once a
// second.
func followL1(ctx context.Context, w io.Writer, trust, l1URL, blobs string, from, slots, confirmations uint64) error {
	g, err := readGenesis(trust)
	if err != nil {
		return fmt.Errorf("--trust: %w", err)
	}
	if g.app.L1 == nil {
		return fmt.Errorf("--trust %s: the network has no L1", trust)
	}
	if blobs == "" {
		return errors.New("--l1 needs --blobs: L1 nodes do not serve the blobs of included transactions")
	}
	l1, _, err := dialL1(ctx, l1URL, g.app.L1.ChainID)
	if err != nil {
		return err
	}
	defer l1.Close()
	doc, err := os.ReadFile(trust)
	if err != nil {
		return fmt.Errorf("--trust: %w", err)
	}
	r, err := client.FromL1(doc, l1, client.DirArchive(blobs))
	if err != nil {
		return fmt.Errorf("--trust %s: %w", trust, err)
	}
	r.Confirmations = confirmations
	seen := uint64(0)
	err = r.Follow(ctx, time.Second, func(b client.L1Slots) error {
		for _, e := range b.Escaped {
			if e.Tx != nil {
				fmt.Fprintf(w, "escaped: forced item %d, a plain transaction of %d bytes, derived at L1 block %d\n", e.Index, len(e.Tx), b.L1Block)
			} else {
				fmt.Fprintf(w, "escaped: forced item %d derived as nothing (%s) at L1 block %d\n", e.Index, e.Reason, b.L1Block)
			}
		}
		for _, s := range b.Slots {
			if s.Slot < from {
				continue
			}
			fmt.Fprintf(w, "slot %d: %d txs, %d invalid, batch %d, L1 block %d\n", s.Slot, len(s.Txs), len(s.Invalid), b.Index, b.L1Block)
			if seen++; slots > 0 && seen == slots {
				return errEnough
			}
		}
		return nil
	})
	if errors.Is(err, errEnough) {
		return nil
	}
	if err != nil && !errors.Is(err, client.ErrVerify) {
		return fmt.Errorf("--l1 %s: %w", l1URL, err)
	}
	return err
}
