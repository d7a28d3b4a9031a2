package main

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/spf13/cobra"

	"github.com/veil-sequencer/veil/dkg"
	"github.com/veil-sequencer/veil/keyfile"
)

// defaultChainID is the devnet's rollup chain id.
const defaultChainID = 1337

func newDKGCmd() *cobra.Command {
	var n, t int
	var out string
	var chainID, eon uint64
	cmd := &cobra.Command{
		Use:   "dkg --keypers N --threshold T --out DIR",
		Short: "Run the distributed key generation among N local keypers and write their key files",
		Long: `Dkg runs the joint-Feldman DKG (no dealer) among N keypers in this process,
every message through its signed canonical encoding, and prints each phase
with its time. It writes into DIR (created if missing, refused if it already
holds an eon):

  eon.json            the eon's public parts (the GET /v1/eon shape)
  keyper-<i>.json     keyper i's key file: its secret share and the public
                      parts (mode 0600; see docs/dkg.md)
  keyper-<i>.key      keyper i's fresh long-term secp256k1 key, hex (0600)`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !cmd.Flags().Changed("threshold") {
				t = defaultThreshold(n)
			}
			return runDKGCommand(cmd.Context(), cmd.OutOrStdout(), dkgParams{n: n, t: t, chainID: chainID, eon: eon}, out)
		},
	}
	cmd.Flags().IntVar(&n, "keypers", 4, "number of keypers N")
	cmd.Flags().IntVar(&t, "threshold", 0, "shares needed to decrypt (default ⌊2N/3⌋+1)")
	cmd.Flags().StringVar(&out, "out", "", "directory for eon.json and the key files")
	cmd.Flags().Uint64Var(&chainID, "chain-id", defaultChainID, "rollup chain id the eon is for")
	cmd.Flags().Uint64Var(&eon, "eon", 1, "eon number")
	_ = cmd.MarkFlagRequired("out")
	return cmd
}

type dkgParams struct {
	n, t         int
	chainID, eon uint64
}

// runLocalDKG makes fresh long-term keys and runs the DKG among n local
// keypers, printing each phase to w.
func runLocalDKG(ctx context.Context, w io.Writer, p dkgParams) ([]*dkg.Result, []*ecdsa.PrivateKey, error) {
	cfg := dkg.Config{ChainID: p.chainID, Eon: p.eon, Threshold: p.t}
	keys := make([]*ecdsa.PrivateKey, p.n)
	for i := range keys {
		k, err := crypto.GenerateKey()
		if err != nil {
			return nil, nil, err
		}
		keys[i] = k
		cfg.Keypers = append(cfg.Keypers, crypto.PubkeyToAddress(k.PublicKey))
	}
	if err := cfg.Validate(); err != nil {
		return nil, nil, err
	}
	local := &dkg.Local{Progress: func(s dkg.PhaseStats) {
		fmt.Fprintf(w, "  %-14s %3d messages %9.1f KiB %10.3f ms\n", s.Phase, s.Messages, float64(s.Bytes)/1024, float64(s.Took.Microseconds())/1000)
	}}
	for i, k := range keys {
		kp, err := dkg.New(cfg, i+1, k, nil)
		if err != nil {
			return nil, nil, err
		}
		local.Keypers = append(local.Keypers, kp)
	}
	fmt.Fprintf(w, "DKG: %d keypers, threshold %d, chain %d, eon %d\n", p.n, p.t, p.chainID, p.eon)
	start := time.Now()
	results, errs, rejections, err := local.Run(ctx)
	if err != nil {
		return nil, nil, err
	}
	for _, r := range rejections {
		fmt.Fprintf(w, "  keyper %d rejected a message: %v\n", r.Keyper, r.Err)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, nil, err
	}
	r := results[0]
	fmt.Fprintf(w, "  %-14s qualified %d of %d, total %.3f ms\n", "result", len(r.Qualified), p.n, float64(time.Since(start).Microseconds())/1000)
	fmt.Fprintf(w, "    eon key %s\n", r.EonKey)
	return results, keys, nil
}

func runDKGCommand(ctx context.Context, w io.Writer, p dkgParams, out string) error {
	if err := os.MkdirAll(out, 0o700); err != nil {
		return fmt.Errorf("--out: %w", err)
	}
	eonPath := filepath.Join(out, "eon.json")
	if _, err := os.Stat(eonPath); err == nil {
		return fmt.Errorf("--out: %s already holds an eon (%s); choose another directory", out, eonPath)
	}
	results, keys, err := runLocalDKG(ctx, w, p)
	if err != nil {
		return err
	}
	for i, r := range results {
		if err := writeKeyShare(filepath.Join(out, fmt.Sprintf("keyper-%d.json", i+1)), r); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(out, fmt.Sprintf("keyper-%d.key", i+1)), []byte(hexutil.Encode(crypto.FromECDSA(keys[i]))+"\n"), 0o600); err != nil {
			return err
		}
	}
	// eon.json last: its presence means the directory is complete.
	if err := keyfile.WriteEon(eonPath, results[0].Eon(0)); err != nil {
		return err
	}
	fmt.Fprintf(w, "wrote %s and keyper-1…%d.json/.key to %s\n", "eon.json", p.n, out)
	return nil
}

// writeKeyShare writes a DKG result's key file (mode 0600).
func writeKeyShare(path string, r *dkg.Result) error {
	ks, err := r.KeyShare(0)
	if err != nil {
		return err
	}
	return keyfile.Write(path, ks)
}
