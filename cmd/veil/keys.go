package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/veil-sequencer/veil/keyfile"
	"github.com/veil-sequencer/veil/threshold"
)

func newKeyperCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "keyper",
		Short: "Keyper operations on a key file",
		Args:  cobra.NoArgs,
	}
	var keyFile, identity string
	release := &cobra.Command{
		Use:   "release --key-file F --identity HEX",
		Short: "Print this keyper's key share for an identity",
		Long: `Release prints the keyper's share s_i·H1(identity) of an identity's key, as
hex. A keyper releases a share only once the identity's place is final; this
command is for debugging and tests, and does not check that.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ks, err := keyfile.Read(keyFile)
			if err != nil {
				return fmt.Errorf("--key-file: %w", err)
			}
			defer ks.Share.Zero()
			id, err := parseHex("--identity", identity)
			if err != nil {
				return err
			}
			_, err = fmt.Fprintln(cmd.OutOrStdout(), ks.Share.Release(threshold.NewIdentityPoint(id)))
			return err
		},
	}
	release.Flags().StringVar(&keyFile, "key-file", "", "keyper key file (keyper-<i>.json from veil dkg)")
	release.Flags().StringVar(&identity, "identity", "", "identity preimage (hex)")
	_ = release.MarkFlagRequired("key-file")
	_ = release.MarkFlagRequired("identity")
	cmd.AddCommand(release)
	return cmd
}

func newCombineCmd() *cobra.Command {
	var eonFile, identity string
	var shares []string
	cmd := &cobra.Command{
		Use:   "combine --eon FILE --identity HEX --share INDEX:HEX ...",
		Short: "Verify keyper shares for an identity and combine t of them into its key",
		Long: `Combine checks every --share (keyper index and share hex, as printed by
'veil keyper release') against that keyper's public share in eon.json, names
any bad one, and combines t valid shares into the identity's key, printed as
hex for 'veil decrypt --key'. Fewer than t valid shares is an error.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			info, err := keyfile.ReadEon(eonFile)
			if err != nil {
				return fmt.Errorf("--eon: %w", err)
			}
			c, err := info.Committee()
			if err != nil {
				return fmt.Errorf("--eon: %w", err)
			}
			pre, err := parseHex("--identity", identity)
			if err != nil {
				return err
			}
			id := threshold.NewIdentityPoint(pre)
			var claims []threshold.ShareClaim
			for _, s := range shares {
				idx, hexShare, ok := strings.Cut(s, ":")
				i, err := strconv.Atoi(idx)
				if !ok || err != nil {
					return fmt.Errorf("--share %q: want INDEX:HEX", s)
				}
				b, err := parseHex("--share "+idx, hexShare)
				if err != nil {
					return err
				}
				sh, err := threshold.ParseIdentityKeyShare(b)
				if err != nil {
					return fmt.Errorf("--share %d: %w", i, err)
				}
				claims = append(claims, threshold.ShareClaim{Keyper: i, Identity: id, Share: sh})
			}
			key, faults, err := c.CombineClaims(nil, claims)
			if len(faults) > 0 {
				return fmt.Errorf("--share: %v", faults[0])
			}
			if err != nil {
				return err
			}
			_, err = fmt.Fprintln(cmd.OutOrStdout(), key)
			return err
		},
	}
	cmd.Flags().StringVar(&eonFile, "eon", "", "eon.json from veil dkg")
	cmd.Flags().StringVar(&identity, "identity", "", "identity preimage (hex)")
	cmd.Flags().StringArrayVar(&shares, "share", nil, "a keyper's share as INDEX:HEX (repeat)")
	_ = cmd.MarkFlagRequired("eon")
	_ = cmd.MarkFlagRequired("identity")
	return cmd
}
