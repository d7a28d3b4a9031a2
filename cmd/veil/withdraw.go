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
	"github.com/veil-sequencer/veil/mempool"
	"github.com/veil-sequencer/veil/withdrawal"
)

// newWithdrawCmd is `veil wallet withdraw` or `veil builder withdraw`: one
// command, since the chain takes a withdrawal from the unreserved deposit
// first and then from the free collateral whoever signs it; only the help
// speaks to a builder.
func newWithdrawCmd(builder bool) *cobra.Command {
	var nodeURL, keyFile, amountFlag, to, feeFlag string
	var timeout time.Duration
	who, source := "account", `Amount + fee leave the account's unreserved deposit (its deposit less the
pending charges of its queued envelopes); an account that is also a builder
pays what the deposit lacks from its free collateral (see veil builder
withdraw).`
	if builder {
		who, source = "builder", `Amount + fee leave the builder's unreserved deposit first (its deposit less
the pending charges of its queued envelopes) and, once that is spent, its
free collateral: collateral less the penalties its unsettled bids reserve,
which stay until those bids settle. That is the chain's rule for every
withdrawal; this command is veil wallet withdraw's.`
	}
	cmd := &cobra.Command{
		Use:   "withdraw --node URL --key-file F --amount WEI [--to ADDR] [--fee WEI]",
		Short: "Withdraw from the " + who + "'s deposit" + map[bool]string{false: "", true: ", then its collateral,"}[builder] + " to an address on L1 and wait until Veil commits it",
		Long: fmt.Sprintf(`Withdraw takes --amount wei out of Veil for --to on L1 (default: the key's
own address there), protocol §9. It reads the node's chain and signing
domain (GET /v1/status), its minimum fee per gas (GET /v1/params) and the
account's next withdrawNonce (GET /v1/withdrawals/{account}), signs the
Withdraw (EIP-712), submits it (POST /v1/withdrawals) and prints its hash.
It then waits until a block commits it, which debits the %s on Veil,
and prints

  withdrawn: AMOUNT wei to RECIPIENT in slot S (withdrawNonce N); claimable on L1 once a batch covers slot S

%s

--fee, paid on Veil, defaults to the least the network takes: minFeePerGas
× %d, the gas a withdrawal is charged as. --key-file holds the %s's
secp256k1 private key as hex (a devnet.json account's privateKey).
--timeout bounds it all.

Claiming on L1 is not built yet: the DepositVault will pay a committed
withdrawal against the batch that covers its slot, and Veil posts no
batches yet, so the money leaves Veil now and reaches L1 later.`, who, source, mempool.WithdrawGas, who),
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			key, err := readKeyFile(keyFile)
			if err != nil {
				return err
			}
			amount, ok := new(big.Int).SetString(amountFlag, 10)
			if !ok || amount.Sign() <= 0 || amount.BitLen() > 256 {
				return fmt.Errorf("--amount %q: want a positive amount of wei (decimal, below 2^256)", amountFlag)
			}
			recipient := crypto.PubkeyToAddress(key.PublicKey)
			if to != "" {
				if recipient, err = envelopeAddress("--to", to); err != nil {
					return err
				}
			}
			var fee *big.Int // nil: the least the node takes
			if feeFlag != "" {
				if fee, ok = new(big.Int).SetString(feeFlag, 10); !ok || fee.Sign() < 0 || fee.BitLen() > 256 {
					return fmt.Errorf("--fee %q: want an amount of wei (decimal, below 2^256)", feeFlag)
				}
			}
			if timeout <= 0 {
				return fmt.Errorf("--timeout %v: must be positive", timeout)
			}
			ctx, cancel := context.WithTimeout(cmd.Context(), timeout)
			defer cancel()
			c := &nodeClient{base: strings.TrimRight(nodeURL, "/")}
			return withdraw(ctx, cmd.OutOrStdout(), c, key, recipient, amount, fee)
		},
	}
	cmd.Flags().StringVar(&nodeURL, "node", "http://127.0.0.1:8650", "node API base URL")
	cmd.Flags().StringVar(&keyFile, "key-file", "", "file holding the "+who+"'s private key (hex)")
	cmd.Flags().StringVar(&amountFlag, "amount", "", "wei to withdraw (decimal)")
	cmd.Flags().StringVar(&to, "to", "", "the L1 address paid (default: the key's address)")
	cmd.Flags().StringVar(&feeFlag, "fee", "", fmt.Sprintf("fee in wei, paid on Veil (default: minFeePerGas × %d)", mempool.WithdrawGas))
	cmd.Flags().DurationVar(&timeout, "timeout", 2*time.Minute, "give up after this long")
	_ = cmd.MarkFlagRequired("key-file")
	_ = cmd.MarkFlagRequired("amount")
	return cmd
}

// withdraw signs and submits a withdrawal of the key's account, prints its
// hash, and follows GET /v1/withdrawals/{account} until the withdrawal's
// withdrawNonce is committed. fee nil is the network's least.
func withdraw(ctx context.Context, w io.Writer, c *nodeClient, key *ecdsa.PrivateKey, recipient common.Address, wei, fee *big.Int) error {
	s, err := c.session(ctx)
	if err != nil {
		return err
	}
	if fee == nil {
		sp, err := c.sendParams(ctx)
		if err != nil {
			return err
		}
		fee = new(big.Int).Mul(sp.minFee, big.NewInt(mempool.WithdrawGas))
	}
	account := crypto.PubkeyToAddress(key.PublicKey)
	ws, err := c.withdrawals(ctx, account)
	if err != nil {
		return err
	}
	x := &withdrawal.Withdrawal{ChainID: s.chainID, Account: account, Recipient: recipient, Amount: wei,
		WithdrawNonce: ws.NextWithdrawNonce, Fee: fee}
	if err := x.Sign(s.domain, key); err != nil {
		return err
	}
	hash := x.Hash(s.domain)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/v1/withdrawals", bytes.NewReader(x.EncodeCanonical()))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	var res apitypes.Submitted
	if err := c.do(req, &res); err != nil {
		return err
	}
	if res.Hash != hash {
		return fmt.Errorf("node answered hash %s for withdrawal %s", res.Hash, hash)
	}
	fmt.Fprintln(w, hash.Hex())

	tick := time.NewTicker(250 * time.Millisecond)
	defer tick.Stop()
	for {
		for _, got := range ws.Withdrawals {
			if got.WithdrawNonce != x.WithdrawNonce {
				continue
			}
			if got.Hash != hash {
				// The key signed another withdrawal for the same nonce
				// (another wallet with this key): that one was committed.
				return fmt.Errorf("withdrawNonce %d was committed for withdrawal %s, not %s", got.WithdrawNonce, got.Hash, hash)
			}
			amt, err := amount("amount", got.Amount)
			if err != nil {
				return err
			}
			_, err = fmt.Fprintf(w, "withdrawn: %s wei to %s in slot %d (withdrawNonce %d); claimable on L1 once a batch covers slot %d\n",
				amt, got.Recipient, got.Slot, got.WithdrawNonce, got.Slot)
			return err
		}
		waiting := func() error {
			return fmt.Errorf("withdrawal %s not committed yet (the account's next withdrawNonce is %d): %w", hash, ws.NextWithdrawNonce, ctx.Err())
		}
		select {
		case <-ctx.Done():
			return waiting()
		case <-tick.C:
		}
		next, err := c.withdrawals(ctx, account)
		if err != nil {
			if ctx.Err() != nil {
				return waiting()
			}
			return err
		}
		ws = next
	}
}

// withdrawals reads GET /v1/withdrawals/{account}.
func (c *nodeClient) withdrawals(ctx context.Context, a common.Address) (apitypes.Withdrawals, error) {
	var ws apitypes.Withdrawals
	err := c.get(ctx, "/v1/withdrawals/"+strings.ToLower(a.Hex()), &ws)
	return ws, err
}
