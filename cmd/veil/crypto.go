package main

import (
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/veil-sequencer/veil/envelope"
	"github.com/veil-sequencer/veil/threshold"
)

// maxStdin bounds what encrypt and decrypt read: far above any envelope.
const maxStdin = 16 << 20

// parseHex accepts hex with or without 0x and surrounding whitespace, and
// names the input in its error.
func parseHex(name, s string) ([]byte, error) {
	s = strings.TrimSpace(s)
	if len(s) >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') {
		s = s[2:]
	}
	b, err := hex.DecodeString(s)
	if err != nil {
		return nil, fmt.Errorf("%s: not hex: %w", name, err)
	}
	return b, nil
}

func readStdin(cmd *cobra.Command) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(cmd.InOrStdin(), maxStdin+1))
	if err != nil {
		return nil, fmt.Errorf("read stdin: %w", err)
	}
	if len(b) > maxStdin {
		return nil, fmt.Errorf("stdin: more than %d bytes", maxStdin)
	}
	return b, nil
}

func newEncryptCmd() *cobra.Command {
	var eonKey, identity, sigma string
	cmd := &cobra.Command{
		Use:   "encrypt --eon-key HEX --identity HEX [--sigma HEX]",
		Short: "Encrypt stdin for an identity under an eon key",
		Long: `Encrypt reads a raw message from stdin and prints its ciphertext as one line
of 0x-hex: Shutter's threshold IBE (shcrypto v0.1.19, BLS12-381, version 0x03),
byte for byte what Shutter's SDK produces for the same sigma.

--identity is the identity preimage (for a Veil transaction, the output of
'veil identity tx'). --sigma fixes the 32-byte randomness, for test vectors
only: reusing a sigma breaks secrecy. Without it sigma is fresh from the OS.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			kb, err := parseHex("--eon-key", eonKey)
			if err != nil {
				return err
			}
			pk, err := threshold.ParseEonPublicKey(kb)
			if err != nil {
				return fmt.Errorf("--eon-key: %w", err)
			}
			id, err := parseHex("--identity", identity)
			if err != nil {
				return err
			}
			msg, err := readStdin(cmd)
			if err != nil {
				return err
			}
			var ct *threshold.Ciphertext
			if cmd.Flags().Changed("sigma") {
				sb, err := parseHex("--sigma", sigma)
				if err != nil {
					return err
				}
				if len(sb) != threshold.SigmaSize {
					return fmt.Errorf("--sigma: %d bytes, want %d", len(sb), threshold.SigmaSize)
				}
				ct = threshold.EncryptWithSigma(msg, pk, threshold.NewIdentityPoint(id), (*[threshold.SigmaSize]byte)(sb))
			} else if ct, err = threshold.Encrypt(nil, msg, pk, threshold.NewIdentityPoint(id)); err != nil {
				return err
			}
			_, err = fmt.Fprintf(cmd.OutOrStdout(), "0x%x\n", ct.Bytes())
			return err
		},
	}
	cmd.Flags().StringVar(&eonKey, "eon-key", "", "eon public key, 96-byte compressed G2 (hex)")
	cmd.Flags().StringVar(&identity, "identity", "", "identity preimage (hex, any length)")
	cmd.Flags().StringVar(&sigma, "sigma", "", "32-byte sigma (hex); for test vectors only")
	_ = cmd.MarkFlagRequired("eon-key")
	_ = cmd.MarkFlagRequired("identity")
	return cmd
}

func newDecryptCmd() *cobra.Command {
	var key string
	cmd := &cobra.Command{
		Use:   "decrypt --key HEX",
		Short: "Decrypt a hex ciphertext from stdin with an identity key",
		Long: `Decrypt reads a ciphertext as hex from stdin and writes the raw plaintext to
stdout. --key is the identity's whole decryption key (48-byte compressed G1),
as combined from t keyper shares. Decoding is strict: a malformed ciphertext,
lax padding, a tampered ciphertext or a wrong key is a one-line error and a
non-zero exit, with nothing on stdout.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			kb, err := parseHex("--key", key)
			if err != nil {
				return err
			}
			k, err := threshold.ParseIdentityKey(kb)
			if err != nil {
				return fmt.Errorf("--key: %w", err)
			}
			in, err := readStdin(cmd)
			if err != nil {
				return err
			}
			ct, err := parseHex("stdin", string(in))
			if err != nil {
				return err
			}
			m, err := threshold.Decrypt(ct, k)
			if err != nil {
				return err
			}
			_, err = io.Copy(cmd.OutOrStdout(), bytes.NewReader(m))
			return err
		},
	}
	cmd.Flags().StringVar(&key, "key", "", "identity key, 48-byte compressed G1 (hex)")
	_ = cmd.MarkFlagRequired("key")
	return cmd
}

func newIdentityCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "identity",
		Short: "Print the identity Veil derives for a transaction or a slot's bids",
		Long: `Identity prints a 32-byte identity preimage as 0x-hex, to pass to
'veil encrypt --identity'. Transactions use Shutter's API rule, bids a
per-slot identity shared by every sealed bid of the slot.`,
		Args: cobra.NoArgs,
	}
	var prefix, sender string
	tx := &cobra.Command{
		Use:   "tx --prefix HEX --sender ADDR",
		Short: "keccak256(identityPrefix ‖ sender), a transaction's identity",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			p, err := parseHex("--prefix", prefix)
			if err != nil {
				return err
			}
			if len(p) != 32 {
				return fmt.Errorf("--prefix: %d bytes, want 32", len(p))
			}
			s := strings.TrimSpace(sender)
			if !strings.HasPrefix(s, "0x") {
				s = "0x" + s
			}
			addr, err := envelope.ParseAddress(s)
			if err != nil {
				return fmt.Errorf("--sender: %w", err)
			}
			_, err = fmt.Fprintln(cmd.OutOrStdout(), threshold.TxIdentity([32]byte(p), addr))
			return err
		},
	}
	tx.Flags().StringVar(&prefix, "prefix", "", "32-byte identity prefix (hex)")
	tx.Flags().StringVar(&sender, "sender", "", "sender address (hex, lowercase or EIP-55)")
	_ = tx.MarkFlagRequired("prefix")
	_ = tx.MarkFlagRequired("sender")

	var chainID, slot string
	bid := &cobra.Command{
		Use:   "bid --chain-id N --slot N",
		Short: `keccak256("veil/bid/v1" ‖ chainId ‖ slot), the identity of a slot's sealed bids`,
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			c, err := parseUint("--chain-id", chainID)
			if err != nil {
				return err
			}
			s, err := parseUint("--slot", slot)
			if err != nil {
				return err
			}
			_, err = fmt.Fprintln(cmd.OutOrStdout(), threshold.BidIdentity(c, s))
			return err
		},
	}
	bid.Flags().StringVar(&chainID, "chain-id", "", "rollup chain id (uint64)")
	bid.Flags().StringVar(&slot, "slot", "", "slot number (uint64)")
	_ = bid.MarkFlagRequired("chain-id")
	_ = bid.MarkFlagRequired("slot")
	cmd.AddCommand(tx, bid)
	return cmd
}

func parseUint(name, s string) (uint64, error) {
	v, err := strconv.ParseUint(strings.TrimSpace(s), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%s: want a decimal uint64: %w", name, errors.Unwrap(err))
	}
	return v, nil
}
