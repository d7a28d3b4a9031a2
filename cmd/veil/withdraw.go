package main

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/spf13/cobra"

	"github.com/veil-sequencer/veil/api/apitypes"
	"github.com/veil-sequencer/veil/contracts"
	"github.com/veil-sequencer/veil/mempool"
	"github.com/veil-sequencer/veil/wallet"
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
	var claim bool
	var l1URL, l1KeyFile string
	cmd := &cobra.Command{
		Use:   "withdraw --node URL --key-file F --amount WEI [--to ADDR] [--fee WEI] [--claim --l1 URL [--l1-key-file F]]",
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

With --claim it then waits for the batch that covers slot S to be signed
and accepted on L1 (GET /v1/withdrawals/{account}/{nonce}/proof), for the
DepositVault's withdrawal delay to pass in L1 time, and claims it: it sends
DepositVault.withdraw with the proof from --l1-key-file's account (default:
--key-file's; the vault pays --to whoever sends it), and prints

  claimed: AMOUNT wei paid to RECIPIENT on L1 in block B (batch N)

Without --claim the money leaves Veil now and can be claimed later the same
way (the batch of slot S is fixed a few slots after its last slot, at most
batchSlots slots on).`, who, source, mempool.WithdrawGas, who),
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
			c := &wallet.Client{Base: strings.TrimRight(nodeURL, "/")}
			if !claim {
				if cmd.Flags().Changed("l1") || l1KeyFile != "" {
					return errors.New("--l1 and --l1-key-file need --claim")
				}
				_, err := withdraw(ctx, cmd.OutOrStdout(), c, key, recipient, amount, fee)
				return err
			}
			payer := key
			if l1KeyFile != "" {
				if payer, err = readKeyFlag("--l1-key-file", l1KeyFile); err != nil {
					return err
				}
			}
			nonce, err := withdraw(ctx, cmd.OutOrStdout(), c, key, recipient, amount, fee)
			if err != nil {
				return err
			}
			return claimWithdrawal(ctx, cmd.OutOrStdout(), c, l1URL, payer, crypto.PubkeyToAddress(key.PublicKey), nonce)
		},
	}
	cmd.Flags().StringVar(&nodeURL, "node", "http://127.0.0.1:8650", "node API base URL")
	cmd.Flags().StringVar(&keyFile, "key-file", "", "file holding the "+who+"'s private key (hex)")
	cmd.Flags().StringVar(&amountFlag, "amount", "", "wei to withdraw (decimal)")
	cmd.Flags().StringVar(&to, "to", "", "the L1 address paid (default: the key's address)")
	cmd.Flags().StringVar(&feeFlag, "fee", "", fmt.Sprintf("fee in wei, paid on Veil (default: minFeePerGas × %d)", mempool.WithdrawGas))
	cmd.Flags().DurationVar(&timeout, "timeout", 2*time.Minute, "give up after this long")
	cmd.Flags().BoolVar(&claim, "claim", false, "also wait for the batch and the vault's delay, and claim it on L1")
	cmd.Flags().StringVar(&l1URL, "l1", "http://127.0.0.1:8545", "with --claim: L1 JSON-RPC URL")
	cmd.Flags().StringVar(&l1KeyFile, "l1-key-file", "", "with --claim: the L1 account that sends the claim (default: --key-file's)")
	_ = cmd.MarkFlagRequired("key-file")
	_ = cmd.MarkFlagRequired("amount")
	return cmd
}

// withdraw signs and submits a withdrawal of the key's account, prints its
// hash, and follows GET /v1/withdrawals/{account} until the withdrawal's
// withdrawNonce is committed. fee nil is the network's least.
func withdraw(ctx context.Context, w io.Writer, c *wallet.Client, key *ecdsa.PrivateKey, recipient common.Address, wei, fee *big.Int) (uint64, error) {
	s, err := c.Session(ctx)
	if err != nil {
		return 0, err
	}
	if fee == nil {
		sp, err := c.Params(ctx)
		if err != nil {
			return 0, err
		}
		fee = new(big.Int).Mul(sp.MinFee, big.NewInt(mempool.WithdrawGas))
	}
	account := crypto.PubkeyToAddress(key.PublicKey)
	ws, err := withdrawals(ctx, c, account)
	if err != nil {
		return 0, err
	}
	x := &withdrawal.Withdrawal{ChainID: s.ChainID, Account: account, Recipient: recipient, Amount: wei,
		WithdrawNonce: ws.NextWithdrawNonce, Fee: fee}
	if err := x.Sign(s.Domain, key); err != nil {
		return 0, err
	}
	hash := x.Hash(s.Domain)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.Base+"/v1/withdrawals", bytes.NewReader(x.EncodeCanonical()))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	var res apitypes.Submitted
	if err := c.Do(req, &res); err != nil {
		return 0, err
	}
	if res.Hash != hash {
		return 0, fmt.Errorf("node answered hash %s for withdrawal %s", res.Hash, hash)
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
				return 0, fmt.Errorf("withdrawNonce %d was committed for withdrawal %s, not %s", got.WithdrawNonce, got.Hash, hash)
			}
			amt, err := wallet.Amount("amount", got.Amount)
			if err != nil {
				return 0, err
			}
			_, err = fmt.Fprintf(w, "withdrawn: %s wei to %s in slot %d (withdrawNonce %d); claimable on L1 once a batch covers slot %d\n",
				amt, got.Recipient, got.Slot, got.WithdrawNonce, got.Slot)
			return got.WithdrawNonce, err
		}
		waiting := func() error {
			return fmt.Errorf("withdrawal %s not committed yet (the account's next withdrawNonce is %d): %w", hash, ws.NextWithdrawNonce, ctx.Err())
		}
		select {
		case <-ctx.Done():
			return 0, waiting()
		case <-tick.C:
		}
		next, err := withdrawals(ctx, c, account)
		if err != nil {
			if ctx.Err() != nil {
				return 0, waiting()
			}
			return 0, err
		}
		ws = next
	}
}

// claimWithdrawal waits until the account's withdrawal nonce is proven in a
// batch L1 accepted and the vault's delay has passed in L1 time, then
// claims it on L1 from payer's account.
func claimWithdrawal(ctx context.Context, w io.Writer, c *wallet.Client, l1URL string, payer *ecdsa.PrivateKey, account common.Address, nonce uint64) error {
	var status apitypes.Status
	if err := c.Get(ctx, "/v1/status", &status); err != nil {
		return err
	}
	if status.L1 == nil {
		return errors.New("--claim: the node's network has no L1")
	}
	client, chainID, err := dialL1(ctx, l1URL, status.L1.ChainID)
	if err != nil {
		return err
	}
	defer client.Close()
	var p apitypes.WithdrawalProof
	path := fmt.Sprintf("/v1/withdrawals/%s/%d/proof", strings.ToLower(account.Hex()), nonce)
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for said := false; ; {
		err := c.Get(ctx, path, &p)
		var nf *wallet.NotFoundError
		switch {
		case err == nil && p.Accepted:
		case err == nil || errors.As(err, &nf):
			if err == nil && !said {
				fmt.Fprintf(w, "in batch %d, signed; waiting for L1 to accept it\n", p.Header.Index)
				said = true
			}
			select {
			case <-ctx.Done():
				return fmt.Errorf("withdrawal %d's batch not accepted on L1 yet: %w", nonce, ctx.Err())
			case <-tick.C:
			}
			continue
		default:
			return err
		}
		break
	}
	h := p.Header
	header := contracts.StatementsBatch{ChainId: h.ChainID, Eon: h.Eon, Index: h.Index, FirstSlot: h.FirstSlot, LastSlot: h.LastSlot,
		Parent: h.Parent, RecordsRoot: h.RecordsRoot, DataHash: h.DataHash, WithdrawalsRoot: h.WithdrawalsRoot, ForcedUpTo: h.ForcedUpTo,
		L1Applied: h.L1Applied, AppHash: h.AppHash}
	vault, err := contracts.NewDepositVault(status.L1.DepositVault, client)
	if err != nil {
		return err
	}
	inbox, err := contracts.NewBatchInbox(status.L1.BatchInbox, client)
	if err != nil {
		return err
	}
	call := &bind.CallOpts{Context: ctx}
	delay, err := vault.WithdrawDelay(call)
	if err != nil {
		return fmt.Errorf("DepositVault.withdrawDelay: %w", err)
	}
	at, err := inbox.AcceptedAt(call, header)
	if err != nil || at == 0 {
		return fmt.Errorf("BatchInbox.acceptedAt(batch %d) = %d: %v", h.Index, at, err)
	}
	fmt.Fprintf(w, "batch %d accepted on L1 at %d; claimable from %d\n", h.Index, at, at+delay)
	for {
		head, err := client.HeaderByNumber(ctx, nil)
		if err != nil {
			return fmt.Errorf("--l1 %s: %w", l1URL, err)
		}
		if head.Time >= at+delay {
			break
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("L1 time %d, claimable from %d: %w", head.Time, at+delay, ctx.Err())
		case <-tick.C:
		}
	}
	wei, err := wallet.Amount("amount", p.Amount)
	if err != nil {
		return err
	}
	auth, err := bind.NewKeyedTransactorWithChainID(payer, chainID)
	if err != nil {
		return err
	}
	auth.Context = ctx
	path32 := make([][32]byte, len(p.Path))
	for i, x := range p.Path {
		path32[i] = x
	}
	tx, err := vault.Withdraw(auth, header, contracts.DepositVaultWithdrawal{Account: p.Account, Recipient: p.Recipient, Amount: wei,
		WithdrawNonce: p.WithdrawNonce}, new(big.Int).SetUint64(p.Index), new(big.Int).SetUint64(p.Size), path32)
	if err != nil {
		return fmt.Errorf("L1 claim: %w", err)
	}
	r, err := landed(ctx, client, tx, "claim")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "claimed: %s wei paid to %s on L1 in block %d (batch %d)\n", wei, p.Recipient, r.BlockNumber, h.Index)
	return err
}

// withdrawals reads GET /v1/withdrawals/{account}.
func withdrawals(ctx context.Context, c *wallet.Client, a common.Address) (apitypes.Withdrawals, error) {
	var ws apitypes.Withdrawals
	err := c.Get(ctx, "/v1/withdrawals/"+strings.ToLower(a.Hex()), &ws)
	return ws, err
}
