package main

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"io"
	"math/big"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/spf13/cobra"

	"github.com/veil-sequencer/veil/api/apitypes"
	"github.com/veil-sequencer/veil/contracts"
	"github.com/veil-sequencer/veil/wallet"
)

// newDepositCmd is `veil wallet deposit` (a fee deposit) or `veil builder
// deposit` (collateral): both pay into the DepositVault on L1 and wait
// until Veil has applied the L1 block.
func newDepositCmd(collateral bool) *cobra.Command {
	var nodeURL, l1URL, keyFile, value, to string
	var timeout time.Duration
	what, credited := "fee deposit", "deposit"
	if collateral {
		what, credited = "collateral", "collateral"
	}
	cmd := &cobra.Command{
		Use:   "deposit --l1 URL --key-file F --value WEI [--to ADDR]",
		Short: "Pay a " + what + " into the L1 DepositVault and wait until Veil applies it",
		Long: `Deposit reads the network's L1 and vault from the node (GET /v1/status), sends
DepositVault.` + map[bool]string{false: "deposit", true: "depositCollateral"}[collateral] + `(to) with --value wei from the key's account on L1, waits for
its L1 block, then until the node's l1Applied reaches that block (Veil's
validators agreed on it and credited the ` + credited + `), and prints both.
--to defaults to the key's own address. --key-file holds a secp256k1 private
key as hex, funded on L1 (a devnet.json account is, on the embedded L1).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			key, err := readKeyFile(keyFile)
			if err != nil {
				return err
			}
			wei, ok := new(big.Int).SetString(value, 10)
			if !ok || wei.Sign() <= 0 {
				return fmt.Errorf("--value %q: want a positive amount of wei", value)
			}
			account := crypto.PubkeyToAddress(key.PublicKey)
			if to != "" {
				if account, err = envelopeAddress("--to", to); err != nil {
					return err
				}
			}
			ctx, cancel := context.WithTimeout(cmd.Context(), timeout)
			defer cancel()
			c := &wallet.Client{Base: strings.TrimRight(nodeURL, "/")}
			return deposit(ctx, cmd.OutOrStdout(), c, l1URL, key, account, wei, collateral)
		},
	}
	cmd.Flags().StringVar(&nodeURL, "node", "http://127.0.0.1:8650", "node API base URL")
	cmd.Flags().StringVar(&l1URL, "l1", "http://127.0.0.1:8545", "L1 JSON-RPC URL")
	cmd.Flags().StringVar(&keyFile, "key-file", "", "file holding the L1 account's private key (hex)")
	cmd.Flags().StringVar(&value, "value", "", "wei to deposit")
	cmd.Flags().StringVar(&to, "to", "", "the Veil account credited (default: the key's address)")
	cmd.Flags().DurationVar(&timeout, "timeout", 2*time.Minute, "give up after this long")
	_ = cmd.MarkFlagRequired("key-file")
	_ = cmd.MarkFlagRequired("value")
	return cmd
}

func deposit(ctx context.Context, w io.Writer, c *wallet.Client, l1URL string, key *ecdsa.PrivateKey, account common.Address, wei *big.Int, collateral bool) error {
	var status apitypes.Status
	if err := c.Get(ctx, "/v1/status", &status); err != nil {
		return err
	}
	if status.L1 == nil || status.L1Applied == nil {
		return errors.New("the node's network has no L1")
	}
	client, id, err := dialL1(ctx, l1URL, status.L1.ChainID)
	if err != nil {
		return err
	}
	defer client.Close()
	vault, err := contracts.NewDepositVault(status.L1.DepositVault, client)
	if err != nil {
		return err
	}
	auth, err := bind.NewKeyedTransactorWithChainID(key, id)
	if err != nil {
		return err
	}
	auth.Context, auth.Value = ctx, wei
	send := vault.Deposit
	if collateral {
		send = vault.DepositCollateral
	}
	start := time.Now()
	tx, err := send(auth, account)
	if err != nil {
		return fmt.Errorf("L1 deposit: %w", err)
	}
	r, err := landed(ctx, client, tx, "deposit")
	if err != nil {
		return err
	}
	l1Block := r.BlockNumber.Uint64()
	fmt.Fprintf(w, "deposit: %s wei for %s in L1 block %d (tx %s); waiting for Veil to apply it\n", wei, account, l1Block, tx.Hash())
	tick := time.NewTicker(250 * time.Millisecond)
	defer tick.Stop()
	for {
		if err := c.Get(ctx, "/v1/status", &status); err != nil {
			return err
		}
		if status.L1Applied != nil && *status.L1Applied >= l1Block {
			fmt.Fprintf(w, "deposit: applied by Veil at slot %d (l1Applied %d), %.2f s after it was sent\n",
				status.Height, *status.L1Applied, time.Since(start).Seconds())
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("the network has applied L1 up to block %d, not yet %d: %w", *status.L1Applied, l1Block, ctx.Err())
		case <-tick.C:
		}
	}
}
