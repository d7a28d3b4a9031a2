package main

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"io"
	"math/big"
	"os"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/spf13/cobra"

	"github.com/veil-sequencer/veil/api/apitypes"
	"github.com/veil-sequencer/veil/envelope"
	"github.com/veil-sequencer/veil/wallet"
)

func newWalletCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "wallet",
		Short: "Send encrypted transactions to a Veil node and follow them",
		Args:  cobra.NoArgs,
	}
	var nodeURL, keyFile, to, value, data, l1URL, l1KeyFile string
	var gas uint64
	var forced, plain bool
	var timeout time.Duration
	send := &cobra.Command{
		Use:   "send --node URL --key-file F --to ADDR --value WEI [--data HEX] [--forced [--plain] --l1 URL]",
		Short: "Sign a rollup transaction, encrypt it for the committee and submit the envelope",
		Long: `Send fetches the node's status, eon, parameters and the sender's account,
signs an EIP-1559 rollup transaction (chain id, nonce and gas from them),
encrypts it under the eon key for a fresh random identity prefix, signs the
envelope (EIP-712) and submits it. It prints the envelope's hash.

--key-file holds the sender's secp256k1 private key as hex (a devnet.json
account's privateKey). The rollup transaction's nonce is the envelope nonce.

--forced submits through L1's ForcedInclusionQueue instead (protocol §9),
the way in no validator can refuse: the same envelope goes into an enqueue
transaction on --l1, paid by --l1-key-file's account (default: the
--key-file key, which the devnet funds on L1) at the queue's price per gas
for the gas the item declares, max(its own gas limit, 21000 + 16 per item
byte), plus 1/8 headroom the queue refunds. Veil orders it in the slot
after its validators apply the L1 block, whatever its validUntilSlot.
--plain (with --forced) enqueues the signed rollup transaction itself,
unencrypted: the escape hatch when the committee cannot decrypt, public on
L1 before Veil orders it. Its nonce is the account's next one on Veil, as
an envelope's; Veil does not advance that nonce for a plain transaction,
so an envelope sent next carries the same nonce to the rollup.

With --forced the output is, one line each as things happen:
  forced: index N l1Block B hash 0x… kind envelope|plain gas G price P
  waiting: applied at slot A      (if seen before it is ordered)
  ordered: slot S
and then the lines of veil wallet status for the hash (committed …,
decrypted slot S index I plaintext 0x…); the hash is the envelope's, or
the plain transaction's. An item Veil refused or dropped prints
"refused: REASON" or "dropped: REASON" and fails. --timeout bounds it all.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !forced {
				for _, f := range []string{"plain", "l1", "l1-key-file"} {
					if cmd.Flags().Changed(f) {
						return fmt.Errorf("--%s needs --forced", f)
					}
				}
			}
			key, err := readKeyFile(keyFile)
			if err != nil {
				return err
			}
			toAddr, err := envelopeAddress("--to", to)
			if err != nil {
				return err
			}
			val, ok := new(big.Int).SetString(value, 10)
			if !ok || val.Sign() < 0 {
				return fmt.Errorf("--value: want a decimal amount of wei, got %q", value)
			}
			var payload []byte
			if data != "" {
				if payload, err = parseHex("--data", data); err != nil {
					return err
				}
			}
			ctx, cancel := context.WithTimeout(cmd.Context(), timeout)
			defer cancel()
			c := &wallet.Client{Base: strings.TrimRight(nodeURL, "/")}
			if forced {
				payer := key
				if l1KeyFile != "" {
					if payer, err = readKeyFlag("--l1-key-file", l1KeyFile); err != nil {
						return err
					}
				}
				return walletSendForced(ctx, cmd.OutOrStdout(), c, forcedSend{l1URL: l1URL, payer: payer, plain: plain},
					key, toAddr, val, payload, gas)
			}
			hash, err := walletSend(ctx, c, key, toAddr, val, payload, gas)
			if err != nil {
				return err
			}
			_, err = fmt.Fprintln(cmd.OutOrStdout(), hash.Hex())
			return err
		},
	}
	send.Flags().StringVar(&nodeURL, "node", "http://127.0.0.1:8650", "node API base URL")
	send.Flags().StringVar(&keyFile, "key-file", "", "file with the sender's private key (hex)")
	send.Flags().StringVar(&to, "to", "", "recipient address")
	send.Flags().StringVar(&value, "value", "0", "amount in wei (decimal)")
	send.Flags().StringVar(&data, "data", "", "call data (hex)")
	send.Flags().Uint64Var(&gas, "gas", 21000, "the rollup transaction's gas limit")
	send.Flags().BoolVar(&forced, "forced", false, "submit through L1's ForcedInclusionQueue instead of the node's API, and follow the item")
	send.Flags().BoolVar(&plain, "plain", false, "with --forced: enqueue the signed rollup transaction unencrypted (public on L1 before Veil orders it)")
	send.Flags().StringVar(&l1URL, "l1", "http://127.0.0.1:8545", "with --forced: L1 JSON-RPC URL")
	send.Flags().StringVar(&l1KeyFile, "l1-key-file", "", "with --forced: file with the private key (hex) of the L1 account that pays (default: --key-file's)")
	send.Flags().DurationVar(&timeout, "timeout", 2*time.Minute, "give up after this long")
	_ = send.MarkFlagRequired("key-file")
	_ = send.MarkFlagRequired("to")

	var statusNode string
	var follow time.Duration
	var untilFinal bool
	status := &cobra.Command{
		Use:   "status --node URL HASH",
		Short: "Follow an envelope until it is decrypted, invalid or dropped (or final)",
		Long: `Status prints an envelope's status line by line as it changes (pending,
queued, committed with its slot and index, decrypted with the hash of its
plaintext, invalid with the reason and that hash, or dropped with the
reason) and returns once it is decrypted, invalid or dropped, or after
--timeout. A line ends with "final in batch B (L1 block N)" once a batch L1
accepted covers the slot; with --final it waits for that (or dropped).`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			c := &wallet.Client{Base: strings.TrimRight(statusNode, "/")}
			ctx, cancel := context.WithTimeout(cmd.Context(), follow)
			defer cancel()
			return walletStatus(ctx, c, strings.TrimSpace(args[0]), cmd.OutOrStdout(), untilFinal)
		},
	}
	status.Flags().StringVar(&statusNode, "node", "http://127.0.0.1:8650", "node API base URL")
	status.Flags().BoolVar(&untilFinal, "final", false, "wait until the transaction's slot is final (in a batch L1 accepted)")
	status.Flags().DurationVar(&follow, "timeout", time.Minute, "give up after this long")
	cmd.AddCommand(send, status, newDepositCmd(false), newWithdrawCmd(false))
	return cmd
}

func readKeyFile(path string) (*ecdsa.PrivateKey, error) { return readKeyFlag("--key-file", path) }

// readKeyFlag reads a hex secp256k1 key from the file the flag names.
func readKeyFlag(flag, path string) (*ecdsa.PrivateKey, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", flag, err)
	}
	raw, err := parseHex(flag, string(b))
	if err != nil {
		return nil, err
	}
	k, err := crypto.ToECDSA(raw)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", flag, err)
	}
	return k, nil
}

func envelopeAddress(flag, s string) (common.Address, error) {
	s = strings.TrimSpace(s)
	if !strings.HasPrefix(s, "0x") {
		s = "0x" + s
	}
	a, err := envelope.ParseAddress(s)
	if err != nil {
		return a, fmt.Errorf("%s: %w", flag, err)
	}
	return a, nil
}

func walletSend(ctx context.Context, c *wallet.Client, key *ecdsa.PrivateKey, to common.Address, value *big.Int, data []byte, gas uint64) (common.Hash, error) {
	s, err := c.Session(ctx)
	if err != nil {
		return common.Hash{}, err
	}
	sp, err := c.Params(ctx)
	if err != nil {
		return common.Hash{}, err
	}
	nonce, err := c.NextNonce(ctx, crypto.PubkeyToAddress(key.PublicKey))
	if err != nil {
		return common.Hash{}, err
	}
	e, err := sealTx(s, sp, key, nonce, to, value, data, gas)
	if err != nil {
		return common.Hash{}, err
	}
	return c.Submit(ctx, e, s.Domain)
}

// sealTx signs a rollup transaction (EIP-1559, at the minimum fee) and
// seals it in a signed envelope with a fresh identity (wallet.Seal).
func sealTx(s *wallet.Session, sp wallet.Params, key *ecdsa.PrivateKey, nonce uint64, to common.Address, value *big.Int, data []byte, gas uint64) (*envelope.Envelope, error) {
	tx, err := signTx(s, sp, key, nonce, to, value, data, gas)
	if err != nil {
		return nil, err
	}
	plain, err := tx.MarshalBinary()
	if err != nil {
		return nil, err
	}
	return wallet.Seal(s, sp, key, nonce, plain, gas)
}

// signTx signs the rollup transaction an envelope carries: EIP-1559 on
// the network's chain at the minimum fee, its nonce the envelope's.
func signTx(s *wallet.Session, sp wallet.Params, key *ecdsa.PrivateKey, nonce uint64, to common.Address, value *big.Int, data []byte, gas uint64) (*types.Transaction, error) {
	chainID := new(big.Int).SetUint64(s.ChainID)
	tx, err := types.SignNewTx(key, types.LatestSignerForChainID(chainID), &types.DynamicFeeTx{
		ChainID: chainID, Nonce: nonce, GasTipCap: sp.MinFee, GasFeeCap: sp.MinFee, Gas: gas, To: &to, Value: value, Data: data,
	})
	if err != nil {
		return nil, fmt.Errorf("sign rollup transaction: %w", err)
	}
	return tx, nil
}

// walletStatus prints hash's status as it changes, until it settles:
// decrypted, invalid or dropped, or with final, final or dropped.
func walletStatus(ctx context.Context, c *wallet.Client, hash string, w io.Writer, final bool) error {
	last := ""
	for {
		var tx apitypes.Transaction
		err := c.Get(ctx, "/v1/transactions/"+hash, &tx)
		var nf *wallet.NotFoundError
		switch {
		case errors.As(err, &nf):
			// Submitted through another node and not on chain yet.
			tx.Status = "unknown to this node"
		case err != nil:
			return err
		}
		line := tx.Status
		if tx.Slot != nil && tx.Index != nil {
			line += fmt.Sprintf(" slot %d index %d", *tx.Slot, *tx.Index)
		}
		if tx.Reason != "" {
			line += " (" + tx.Reason + ")"
		}
		if tx.PlaintextHash != nil {
			line += " plaintext " + tx.PlaintextHash.Hex()
		}
		if tx.Final != nil {
			line += fmt.Sprintf(" final in batch %d (L1 block %d)", tx.Final.Batch, tx.Final.L1Block)
		}
		if line != last {
			fmt.Fprintln(w, line)
			last = line
		}
		switch {
		case tx.Status == "dropped", tx.Final != nil:
			return nil
		case !final && (tx.Status == "decrypted" || tx.Status == "invalid"):
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("still %s: %w", tx.Status, ctx.Err())
		case <-time.After(200 * time.Millisecond):
		}
	}
}
