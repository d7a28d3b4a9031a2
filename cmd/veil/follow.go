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
	var node, trust string
	var from, slots uint64
	cmd := &cobra.Command{
		Use:   "follow --node URL --trust GENESIS [--from N] [--slots K]",
		Short: "Follow a node's block feed, verifying every slot as a rollup would",
		Long: `Follow reads GET /v1/blocks?from=N of --node and verifies each slot with
package client, trusting only --trust: the chain's CometBFT genesis document
(DIR/genesis.json of a devnet), whose validator set, chain id and eon the
blocks must match. It prints one line per verified slot (slot, transactions,
invalid envelopes, latency from the block's time), resumes a dropped
connection where it stopped, and exits non-zero on the first block that
does not verify, naming what failed. --slots K stops after K slots.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
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
			return runFollow(cmd.Context(), cmd.OutOrStdout(), &client.Follower{Node: strings.TrimRight(node, "/"), Verify: ver,
				HTTP: &http.Client{}}, from, slots)
		},
	}
	cmd.Flags().StringVar(&node, "node", "http://127.0.0.1:8650", "node API base URL")
	cmd.Flags().StringVar(&trust, "trust", "", "the chain's CometBFT genesis document")
	cmd.Flags().Uint64Var(&from, "from", 1, "first slot")
	cmd.Flags().Uint64Var(&slots, "slots", 0, "stop after this many slots (0: follow forever)")
	_ = cmd.MarkFlagRequired("trust")
	return cmd
}

var errEnough = errors.New("enough slots")

func runFollow(ctx context.Context, w io.Writer, f *client.Follower, from, slots uint64) error {
	seen := uint64(0)
	err := f.Follow(ctx, from, func(s *client.Slot, b *apitypes.Block) error {
		fmt.Fprintf(w, "slot %d: %d txs, %d invalid, latency %v, verified in %v\n", s.Slot, len(s.Txs), len(s.Invalid),
			time.Since(b.Time).Round(time.Millisecond), s.Took.Round(10*time.Microsecond))
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
