package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/spf13/cobra"

	"github.com/veil-sequencer/veil/threshold"
)

// defaultThreshold is protocol §1's ⌊2n/3⌋ + 1.
func defaultThreshold(n int) int { return 2*n/3 + 1 }

func newDemoCmd() *cobra.Command {
	var keypers, t int
	var message string
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Walk one transaction through threshold encryption and decryption, with timings",
		Long: `Demo runs the life of one encrypted transaction in this process: the
keypers' distributed key generation (no dealer; as 'veil dkg'), a wallet
encrypting for its identity, every keyper releasing its key share, batched
share verification, combination of t shares, decryption, and a coalition of
t−1 keypers that fails.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !cmd.Flags().Changed("threshold") {
				t = defaultThreshold(keypers)
			}
			return runDemo(cmd.Context(), cmd.OutOrStdout(), keypers, t, []byte(message))
		},
	}
	cmd.Flags().IntVar(&keypers, "keypers", 4, "number of keypers n")
	cmd.Flags().IntVar(&t, "threshold", 0, "shares needed to decrypt (default ⌊2n/3⌋+1)")
	cmd.Flags().StringVar(&message, "message", "transfer 1 ETH from alice to bob", "the plaintext to encrypt")
	return cmd
}

func runDemo(ctx context.Context, w io.Writer, n, t int, msg []byte) error {
	if t < 2 || t > n {
		return fmt.Errorf("--threshold %d: want 2 ≤ t ≤ --keypers (%d) so that t−1 keypers are a real coalition", t, n)
	}
	step := func(what string, start time.Time) {
		fmt.Fprintf(w, "  %-64s %9.3f ms\n", what, float64(time.Since(start).Microseconds())/1000)
	}
	fmt.Fprintf(w, "Veil threshold encryption demo: %d keypers, threshold %d\n\n", n, t)
	results, _, err := runLocalDKG(ctx, w, dkgParams{n: n, t: t, chainID: defaultChainID, eon: 1})
	if err != nil {
		return err
	}
	eonKey := results[0].EonKey
	committee, err := results[0].Committee()
	if err != nil {
		return err
	}
	fmt.Fprintln(w)

	var prefix [32]byte
	copy(prefix[:], "veil demo identity prefix")
	sender := common.HexToAddress("0x00000000000000000000000000000000000a11ce")
	start := time.Now()
	id := threshold.TxIdentity(prefix, sender)
	point := id.Point()
	ct, err := threshold.Encrypt(nil, msg, eonKey, point)
	if err != nil {
		return err
	}
	raw := ct.Bytes()
	step(fmt.Sprintf("wallet encrypts %d bytes → %d-byte ciphertext", len(msg), len(raw)), start)
	fmt.Fprintf(w, "    identity %s\n", id)

	claims := make([]threshold.ShareClaim, n)
	start = time.Now()
	for i, r := range results {
		claims[i] = threshold.ShareClaim{Keyper: i + 1, Identity: point, Share: r.Share.Release(point)}
	}
	step(fmt.Sprintf("%d keypers release their key shares", n), start)

	start = time.Now()
	verified, faults, err := committee.VerifyShares(nil, claims)
	if err != nil {
		return err
	}
	if len(faults) > 0 {
		return fmt.Errorf("share verification: %v", faults)
	}
	step(fmt.Sprintf("verify %d shares against the keypers' public shares", len(verified)), start)

	// Combine the last t shares, to show any t will do.
	start = time.Now()
	key, err := committee.Combine(verified[n-t:])
	if err != nil {
		return err
	}
	if err := threshold.VerifyKey(eonKey, point, key); err != nil {
		return err
	}
	step(fmt.Sprintf("combine shares of keypers %d…%d, check against the eon key", n-t+1, n), start)

	start = time.Now()
	plain, err := ct.Decrypt(key)
	if err != nil {
		return err
	}
	step("decrypt", start)
	fmt.Fprintf(w, "    plaintext %q\n", plain)

	start = time.Now()
	_, err = committee.Combine(verified[:t-1])
	if !errors.Is(err, threshold.ErrTooFewShares) {
		return fmt.Errorf("t−1 shares combined: %v", err)
	}
	step(fmt.Sprintf("%d keypers (below threshold) try to combine: refused", t-1), start)
	return nil
}
