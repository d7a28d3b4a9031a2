package main

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/spf13/cobra"
)

func newBenchRollupCmd() *cobra.Command {
	var cfg rollupBench
	cmd := &cobra.Command{
		Use:   "rollup --devnet FILE [--rpc URL] --rate R --duration D",
		Short: "Send transfers through a rollup node's eth_sendRawTransaction and report submit → receipt latency",
		Long: `Rollup sends --rate ether transfers per second for --duration through a
rollup node's JSON-RPC (--rpc, default the devnet's rollup node), as any
Ethereum wallet would: signed with go-ethereum, sent with
eth_sendRawTransaction, which encrypts them through Veil. It follows the
node's newHeads over WebSocket and times each transaction from just before
it is sent to the head whose block holds it (its receipt exists from then
on), reporting p50, p99 and max. Senders are the devnet's wallet accounts
but the relay's: run the devnet with --load 0, so no other
sender moves their rollup nonces. After --duration it waits up to --drain
for the last receipts.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if cfg.rate <= 0 || cfg.duration <= 0 {
				return errors.New("--rate and --duration must be positive")
			}
			return runRollupBench(cmd.Context(), cmd.OutOrStdout(), cfg)
		},
	}
	cmd.Flags().StringVar(&cfg.devnet, "devnet", "", "devnet.json with the funded accounts (and the rollup node's RPC)")
	cmd.Flags().StringVar(&cfg.rpc, "rpc", "", "the rollup node's JSON-RPC (default: devnet.json's)")
	cmd.Flags().Float64Var(&cfg.rate, "rate", 10, "transactions per second")
	cmd.Flags().DurationVar(&cfg.duration, "duration", 30*time.Second, "how long to send")
	cmd.Flags().DurationVar(&cfg.drain, "drain", 30*time.Second, "how long to wait afterwards for the last receipts")
	_ = cmd.MarkFlagRequired("devnet")
	return cmd
}

type rollupBench struct {
	devnet, rpc     string
	rate            float64
	duration, drain time.Duration
}

func runRollupBench(ctx context.Context, w io.Writer, cfg rollupBench) error {
	raw, err := os.ReadFile(cfg.devnet)
	if err != nil {
		return fmt.Errorf("--devnet: %w", err)
	}
	var dn devnetFile
	if err := json.Unmarshal(raw, &dn); err != nil {
		return fmt.Errorf("--devnet %s: %w", cfg.devnet, err)
	}
	if cfg.rpc == "" {
		if dn.Rollup == nil {
			return fmt.Errorf("--devnet %s names no rollup node: give --rpc", cfg.devnet)
		}
		cfg.rpc = dn.Rollup.RPC
	}
	relay := map[common.Address]bool{}
	if dn.Rollup != nil {
		for _, a := range dn.Rollup.Relays {
			relay[a] = true
		}
	}
	var keys []*ecdsa.PrivateKey
	for _, a := range dn.Accounts {
		if a.Role != "wallet" || relay[a.Address] {
			continue
		}
		k, err := crypto.HexToECDSA(strings.TrimPrefix(a.PrivateKey, "0x"))
		if err != nil {
			return fmt.Errorf("--devnet: account %s: %w", a.Address, err)
		}
		keys = append(keys, k)
	}
	if len(keys) == 0 {
		return errors.New("--devnet: no wallet accounts besides the relay's")
	}
	ec, err := ethclient.DialContext(ctx, cfg.rpc)
	if err != nil {
		return fmt.Errorf("--rpc %s: %w", cfg.rpc, err)
	}
	defer ec.Close()
	ws, err := ethclient.DialContext(ctx, "ws"+strings.TrimPrefix(cfg.rpc, "http"))
	if err != nil {
		return fmt.Errorf("--rpc %s over WebSocket: %w", cfg.rpc, err)
	}
	defer ws.Close()
	chainID, err := ec.ChainID(ctx)
	if err != nil {
		return err
	}
	signer := types.LatestSignerForChainID(chainID)
	nonces := make([]uint64, len(keys))
	for i, k := range keys {
		if nonces[i], err = ec.PendingNonceAt(ctx, crypto.PubkeyToAddress(k.PublicKey)); err != nil {
			return err
		}
	}
	head, err := ec.HeaderByNumber(ctx, nil)
	if err != nil {
		return err
	}
	feeCap := new(big.Int).Add(new(big.Int).Mul(head.BaseFee, big.NewInt(2)), big.NewInt(1e9))

	var mu sync.Mutex
	sent := map[common.Hash]time.Time{}
	var lat []time.Duration
	heads := make(chan *types.Header, 64)
	sub, err := ws.SubscribeNewHead(ctx, heads)
	if err != nil {
		return fmt.Errorf("eth_subscribe newHeads: %w", err)
	}
	defer sub.Unsubscribe()
	go func() {
		for h := range heads {
			seen := time.Now()
			b, err := ec.BlockByHash(ctx, h.Hash())
			if err != nil {
				continue
			}
			mu.Lock()
			for _, tx := range b.Transactions() {
				if at, ok := sent[tx.Hash()]; ok {
					lat = append(lat, seen.Sub(at))
					delete(sent, tx.Hash())
				}
			}
			mu.Unlock()
		}
	}()

	fmt.Fprintf(w, "rollup bench: %.1f tx/s for %v through %s from %d senders\n", cfg.rate, cfg.duration, cfg.rpc, len(keys))
	tick := time.NewTicker(time.Duration(float64(time.Second) / cfg.rate))
	defer tick.Stop()
	end := time.Now().Add(cfg.duration)
	var refused []string
	total := 0
	for i := 0; time.Now().Before(end); i++ {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-tick.C:
		}
		s := i % len(keys)
		to := common.Address{0xbe, byte(i >> 16), byte(i >> 8), byte(i)}
		tx, err := types.SignNewTx(keys[s], signer, &types.DynamicFeeTx{ChainID: chainID, Nonce: nonces[s], GasTipCap: big.NewInt(1e9),
			GasFeeCap: feeCap, Gas: 21000, To: &to, Value: big.NewInt(1)})
		if err != nil {
			return err
		}
		at := time.Now()
		mu.Lock()
		sent[tx.Hash()] = at
		mu.Unlock()
		total++
		if err := ec.SendTransaction(ctx, tx); err != nil {
			mu.Lock()
			delete(sent, tx.Hash())
			mu.Unlock()
			refused = append(refused, err.Error())
			continue
		}
		nonces[s]++
	}
	for deadline := time.Now().Add(cfg.drain); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		mu.Lock()
		left := len(sent)
		mu.Unlock()
		if left == 0 {
			break
		}
	}
	mu.Lock()
	defer mu.Unlock()
	slices.Sort(lat)
	fmt.Fprintf(w, "sent %d, refused %d, receipts %d, without a receipt after the drain %d\n", total, len(refused), len(lat), len(sent))
	for i, r := range refused {
		if i == 3 {
			break
		}
		fmt.Fprintf(w, "refused: %s\n", r)
	}
	if len(lat) > 0 {
		fmt.Fprintf(w, "submit → receipt p50 %v  p99 %v  max %v\n", percentile(lat, 0.5).Round(time.Millisecond),
			percentile(lat, 0.99).Round(time.Millisecond), lat[len(lat)-1].Round(time.Millisecond))
	}
	return nil
}
