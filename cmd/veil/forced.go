package main

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"io"
	"math/big"
	"strconv"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/veil-sequencer/veil/api/apitypes"
	"github.com/veil-sequencer/veil/contracts"
	"github.com/veil-sequencer/veil/mempool"
	"github.com/veil-sequencer/veil/wallet"
)

// forcedSend is how veil wallet send --forced reaches L1.
type forcedSend struct {
	l1URL string
	payer *ecdsa.PrivateKey // the L1 account that pays the queue
	plain bool              // enqueue the signed rollup transaction, not an envelope
}

// walletSendForced builds the item walletSend would submit (or, plain, the
// rollup transaction it seals), enqueues it in L1's ForcedInclusionQueue
// and follows it on Veil until it is ordered, then the hash as veil wallet
// status does: the way in that no validator's API can refuse.
func walletSendForced(ctx context.Context, w io.Writer, c *wallet.Client, f forcedSend, key *ecdsa.PrivateKey, to common.Address, value *big.Int, data []byte, gas uint64) error {
	var status apitypes.Status
	if err := c.Get(ctx, "/v1/status", &status); err != nil {
		return err
	}
	if status.L1 == nil {
		return errors.New("--forced: the node's network has no L1")
	}
	s, err := c.Session(ctx)
	if err != nil {
		return err
	}
	sp, err := c.Params(ctx)
	if err != nil {
		return err
	}
	// The nonce is the account's next on Veil for a plain transaction too:
	// the rollup's nonce follows the envelope nonces its transactions carry.
	nonce, err := c.NextNonce(ctx, crypto.PubkeyToAddress(key.PublicKey))
	if err != nil {
		return err
	}
	var item []byte
	var hash common.Hash
	var ownGas uint64
	kind := "envelope"
	if f.plain {
		kind = "plain"
		tx, err := signTx(s, sp, key, nonce, to, value, data, gas)
		if err != nil {
			return err
		}
		if item, err = tx.MarshalBinary(); err != nil {
			return err
		}
		hash, ownGas = tx.Hash(), tx.Gas()
	} else {
		// validUntilSlot is not checked for a forced envelope; 0 makes
		// every node's API refuse a copy of it taken from the L1 mempool
		// (expired), which would otherwise charge the sender on Veil and
		// make the forced item itself nonce_used (found in review).
		e, err := sealTx(s, sp, key, nonce, to, value, data, gas)
		if err != nil {
			return err
		}
		e.ValidUntilSlot = 0
		if err := e.Sign(s.Domain, key); err != nil {
			return err
		}
		item, hash, ownGas = e.EncodeCanonical(), e.Hash(s.Domain), e.GasLimit
	}
	// The queue takes no less than an item's bytes cost, and Veil refuses
	// an item whose own gas limit is above what it declared.
	declared := max(ownGas, mempool.BaseGas+mempool.GasPerByte*uint64(len(item)))

	client, chainID, err := dialL1(ctx, f.l1URL, status.L1.ChainID)
	if err != nil {
		return err
	}
	defer client.Close()
	queueAddr := status.L1.ForcedInclusionQueue
	queue, err := contracts.NewForcedInclusionQueue(queueAddr, client)
	if err != nil {
		return err
	}
	call := &bind.CallOpts{Context: ctx}
	if limit, err := queue.ForcedGas(call); err != nil {
		return fmt.Errorf("ForcedInclusionQueue %s: forcedGas: %w", queueAddr, err)
	} else if declared > limit {
		return fmt.Errorf("the %s declares %d gas, above the queue's forcedGas %d: lower --gas or --data", kind, declared, limit)
	}
	if limit, err := queue.MaxItemBytes(call); err != nil {
		return fmt.Errorf("ForcedInclusionQueue %s: maxItemBytes: %w", queueAddr, err)
	} else if len(item) > int(limit) {
		return fmt.Errorf("the %s is %d bytes, above the queue's maxItemBytes %d: shorten --data", kind, len(item), limit)
	}
	// The price of the block the transaction will be in, the pending one;
	// it moves by at most 1/8 a block, and the queue refunds the excess.
	price, err := queue.PricePerGas(&bind.CallOpts{Context: ctx, Pending: true})
	if err != nil {
		return fmt.Errorf("ForcedInclusionQueue %s: pricePerGas: %w", queueAddr, err)
	}
	pay := new(big.Int).Mul(price, new(big.Int).SetUint64(declared))
	pay.Add(pay, new(big.Int).Rsh(pay, 3))
	auth, err := bind.NewKeyedTransactorWithChainID(f.payer, chainID)
	if err != nil {
		return err
	}
	auth.Context, auth.Value = ctx, pay
	tx, err := queue.Enqueue(auth, item, declared)
	if err != nil {
		return fmt.Errorf("L1 enqueue: %w", err)
	}
	r, err := landed(ctx, client, tx, "enqueue")
	if err != nil {
		return err
	}
	var ev *contracts.ForcedInclusionQueueEnqueued
	for _, l := range r.Logs {
		if l.Address != queueAddr {
			continue
		}
		if e, err := queue.ParseEnqueued(*l); err == nil && bytes.Equal(e.Item, item) {
			ev = e
			break
		}
	}
	if ev == nil {
		return fmt.Errorf("L1 enqueue %s: no Enqueued event of the item in its receipt", tx.Hash())
	}
	l1Block := r.BlockNumber.Uint64()
	fmt.Fprintf(w, "forced: index %d l1Block %d hash %s kind %s gas %d price %s\n", ev.ForcedIndex, l1Block, hash.Hex(), kind, declared, ev.PricePerGas)
	if err := followForced(ctx, w, c, ev.ForcedIndex, hash); err != nil {
		return err
	}
	return walletStatus(ctx, c, hash.Hex(), w, false)
}

// dialL1 connects to the L1 at url and checks it is the chain the network
// lives on.
func dialL1(ctx context.Context, url string, want uint64) (*ethclient.Client, *big.Int, error) {
	client, err := ethclient.DialContext(ctx, url)
	if err != nil {
		return nil, nil, fmt.Errorf("--l1 %s: %w", url, err)
	}
	id, err := client.ChainID(ctx)
	if err != nil {
		client.Close()
		return nil, nil, fmt.Errorf("--l1 %s: %w", url, err)
	}
	if id.Uint64() != want {
		client.Close()
		return nil, nil, fmt.Errorf("--l1 %s is chain %d; the network lives on chain %d", url, id, want)
	}
	return client, id, nil
}

// followForced polls GET /v1/forced/{index}, printing each status, until
// Veil ordered the item; an item refused or dropped is an error naming the
// reason. Until Veil's validators apply its L1 block the path is 404.
func followForced(ctx context.Context, w io.Writer, c *wallet.Client, index uint64, hash common.Hash) error {
	last := ""
	for {
		var f apitypes.Forced
		err := c.Get(ctx, "/v1/forced/"+strconv.FormatUint(index, 10), &f)
		var nf *wallet.NotFoundError
		switch {
		case errors.As(err, &nf):
			f.Status = "not applied"
		case err != nil:
			return err
		case f.Hash != nil && *f.Hash != hash:
			return fmt.Errorf("the node's forced item %d has hash %s, not the item's %s", index, f.Hash.Hex(), hash.Hex())
		}
		if f.Status != last {
			last = f.Status
			switch f.Status {
			case "waiting":
				fmt.Fprintf(w, "waiting: applied at slot %d\n", f.AppliedSlot)
			case "ordered":
				if f.Slot == nil {
					return fmt.Errorf("the node's forced item %d is ordered without a slot", index)
				}
				fmt.Fprintf(w, "ordered: slot %d\n", *f.Slot)
				return nil
			case "refused", "dropped":
				fmt.Fprintf(w, "%s: %s\n", f.Status, f.Reason)
				return fmt.Errorf("forced item %d %s by Veil: %s", index, f.Status, f.Reason)
			}
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("forced item %d still %s: %w", index, last, ctx.Err())
		case <-time.After(200 * time.Millisecond):
		}
	}
}
