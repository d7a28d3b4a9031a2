// Package l1event turns the logs of Veil's L1 contracts into the events
// Veil applies (protocol §9, "L1 into Veil"): deposits and collateral to
// credit, registry changes for the next epoch, eon keys, accepted batches,
// equivocation proofs and forced items. The oracle agrees on the raw logs
// (their root); each node decodes them here, the same way: a log that does
// not decode is an error every node gets alike, recorded and skipped, never
// a crash.
package l1event

import (
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/veil-sequencer/veil/contracts"
)

// Kind names what an event does to Veil.
type Kind string

// The kinds Veil applies, and Ignored for the contracts' other events
// (funding, withdrawals paid, configuration), which change nothing in Veil.
const (
	Deposit        Kind = "deposit"
	Collateral     Kind = "collateral"
	Registered     Kind = "registered"
	ExitRequested  Kind = "exitRequested"
	StakeWithdrawn Kind = "stakeWithdrawn"
	Slashed        Kind = "slashed"
	EonRegistered  Kind = "eonRegistered"
	BatchAccepted  Kind = "batchAccepted"
	EonInCharge    Kind = "eonInCharge"
	Equivocation   Kind = "equivocation"
	Forced         Kind = "forced"
	Withdrawn      Kind = "withdrawn"
	Ignored        Kind = "ignored"
)

// Event is one decoded log; the field of its kind is set.
type Event struct {
	Kind Kind
	// Deposit and Collateral: the running depositIndex, who is credited, how much.
	// Withdrawn: Account, WithdrawNonce, Recipient, Amount and Batch.Index.
	DepositIndex uint64
	Account      common.Address
	Amount       *big.Int
	// Withdrawn: the withdrawal claimed and where it was paid.
	WithdrawNonce uint64
	Recipient     common.Address
	// Registered, ExitRequested, StakeWithdrawn, Slashed.
	Registration uint64
	Keyper       common.Address
	CometPubKey  common.Hash
	CometSig     []byte
	Height       uint64      // Slashed: the evidence's Veil height
	EvidenceHash common.Hash // Slashed
	// EonRegistered and EonInCharge (Eon), BatchAccepted and Equivocation (Batch, BatchHash).
	Eon         uint64
	PublicKey   []byte
	KeypersRoot common.Hash
	Members     []contracts.StatementsMember
	Batch       *contracts.StatementsBatch
	BatchHash   common.Hash
	// Forced: the item and what it paid for.
	ForcedIndex uint64
	Sender      common.Address
	Gas         uint64
	PricePerGas *big.Int
	Timestamp   uint64
	Item        []byte
}

// ErrUnknown is a log of a contract address with an event it does not have.
var ErrUnknown = errors.New("l1event: unknown event")

// Decoder decodes the logs of one deployment's contracts.
type Decoder struct {
	abis     map[common.Address]contractABI
	registry *contracts.SequencerRegistryFilterer
	inbox    *contracts.BatchInboxFilterer
	vault    *contracts.DepositVaultFilterer
	queue    *contracts.ForcedInclusionQueueFilterer
}

type contractABI struct {
	name string
	abi  *abi.ABI
}

// NewDecoder decodes the logs of the contracts at at.
func NewDecoder(at contracts.Addresses) (*Decoder, error) {
	d := &Decoder{abis: map[common.Address]contractABI{}}
	for _, c := range []struct {
		name string
		addr common.Address
		md   *bind.MetaData
	}{
		{"SequencerRegistry", at.SequencerRegistry, contracts.SequencerRegistryMetaData},
		{"BatchInbox", at.BatchInbox, contracts.BatchInboxMetaData},
		{"DepositVault", at.DepositVault, contracts.DepositVaultMetaData},
		{"ForcedInclusionQueue", at.ForcedInclusionQueue, contracts.ForcedInclusionQueueMetaData},
	} {
		parsed, err := c.md.GetAbi()
		if err != nil {
			return nil, err
		}
		d.abis[c.addr] = contractABI{c.name, parsed}
	}
	var err error
	if d.registry, err = contracts.NewSequencerRegistryFilterer(at.SequencerRegistry, nil); err != nil {
		return nil, err
	}
	if d.inbox, err = contracts.NewBatchInboxFilterer(at.BatchInbox, nil); err != nil {
		return nil, err
	}
	if d.vault, err = contracts.NewDepositVaultFilterer(at.DepositVault, nil); err != nil {
		return nil, err
	}
	if d.queue, err = contracts.NewForcedInclusionQueueFilterer(at.ForcedInclusionQueue, nil); err != nil {
		return nil, err
	}
	return d, nil
}

// DecodeItem is the event of one log in the oracle's item encoding, the
// leaf of a block's eventsRoot (l1watch.Event.Item): address (20) ‖ topic
// count (1) ‖ topics (32 each) ‖ data.
func (d *Decoder) DecodeItem(item []byte) (*Event, error) {
	if len(item) < 21 || item[20] > 4 || len(item) < 21+32*int(item[20]) {
		return nil, fmt.Errorf("%w: an item of %d bytes is not address ‖ topics ‖ data", ErrUnknown, len(item))
	}
	topics := make([]common.Hash, item[20])
	for i := range topics {
		copy(topics[i][:], item[21+32*i:])
	}
	return d.Decode(common.BytesToAddress(item[:20]), topics, item[21+32*len(topics):])
}

// Decode is the event of one log of the deployment: address, topics and
// data as L1 has them. A log of another address, with an event its
// contract does not have, or whose fields do not decode is an error.
func (d *Decoder) Decode(address common.Address, topics []common.Hash, data []byte) (ev *Event, err error) {
	c, ok := d.abis[address]
	if !ok {
		return nil, fmt.Errorf("%w: %s is none of the deployment's contracts", ErrUnknown, address)
	}
	if len(topics) == 0 {
		return nil, fmt.Errorf("%w: a %s log without topics", ErrUnknown, c.name)
	}
	e, err := c.abi.EventByID(topics[0])
	if err != nil {
		return nil, fmt.Errorf("%w: %s has no event %x", ErrUnknown, c.name, topics[0])
	}
	name := c.name + "." + e.Name
	// The ABI decoder is go-ethereum's; a panic in it on hostile bytes is
	// a decoding error here, so no log can stop a node.
	defer func() {
		if r := recover(); r != nil {
			ev, err = nil, fmt.Errorf("l1event: %s does not decode: %v", name, r)
		}
	}()
	ev, err = d.decode(name, types.Log{Address: address, Topics: topics, Data: data})
	if err != nil {
		return nil, fmt.Errorf("l1event: %s: %w", name, err)
	}
	return ev, nil
}

func (d *Decoder) decode(name string, log types.Log) (*Event, error) {
	switch name {
	case "DepositVault.Deposited":
		e, err := d.vault.ParseDeposited(log)
		if err != nil {
			return nil, err
		}
		return &Event{Kind: Deposit, DepositIndex: e.DepositIndex, Account: e.Account, Amount: e.Amount}, nil
	case "DepositVault.CollateralDeposited":
		e, err := d.vault.ParseCollateralDeposited(log)
		if err != nil {
			return nil, err
		}
		return &Event{Kind: Collateral, DepositIndex: e.DepositIndex, Account: e.Builder, Amount: e.Amount}, nil
	case "SequencerRegistry.Registered":
		e, err := d.registry.ParseRegistered(log)
		if err != nil {
			return nil, err
		}
		return &Event{Kind: Registered, Registration: e.Registration, Keyper: e.Keyper, CometPubKey: e.CometPubKey,
			CometSig: e.CometSig, Amount: e.Stake}, nil
	case "SequencerRegistry.ExitRequested":
		e, err := d.registry.ParseExitRequested(log)
		if err != nil {
			return nil, err
		}
		return &Event{Kind: ExitRequested, Registration: e.Registration, Keyper: e.Keyper, Timestamp: e.RequestedAt}, nil
	case "SequencerRegistry.StakeWithdrawn":
		e, err := d.registry.ParseStakeWithdrawn(log)
		if err != nil {
			return nil, err
		}
		return &Event{Kind: StakeWithdrawn, Registration: e.Registration, Keyper: e.Keyper, Amount: e.Amount}, nil
	case "SequencerRegistry.Slashed":
		e, err := d.registry.ParseSlashed(log)
		if err != nil {
			return nil, err
		}
		return &Event{Kind: Slashed, Registration: e.Registration, Keyper: e.Keyper, Height: e.Height,
			EvidenceHash: e.EvidenceHash, Amount: e.Amount}, nil
	case "SequencerRegistry.EonRegistered":
		e, err := d.registry.ParseEonRegistered(log)
		if err != nil {
			return nil, err
		}
		return &Event{Kind: EonRegistered, Eon: e.Eon, PublicKey: e.PublicKey, KeypersRoot: e.KeypersRoot, Members: e.Members}, nil
	case "BatchInbox.BatchAccepted":
		e, err := d.inbox.ParseBatchAccepted(log)
		if err != nil {
			return nil, err
		}
		h := e.Header
		return &Event{Kind: BatchAccepted, Eon: e.Eon, Batch: &h, BatchHash: e.HeaderHash}, nil
	case "BatchInbox.EonInCharge":
		e, err := d.inbox.ParseEonInCharge(log)
		if err != nil {
			return nil, err
		}
		return &Event{Kind: EonInCharge, Eon: e.Eon, Timestamp: e.Since}, nil
	case "BatchInbox.Equivocation":
		e, err := d.inbox.ParseEquivocation(log)
		if err != nil {
			return nil, err
		}
		return &Event{Kind: Equivocation, Eon: e.Eon, Batch: &contracts.StatementsBatch{Index: e.Index}, BatchHash: e.HeaderHash}, nil
	case "DepositVault.Withdrawn":
		e, err := d.vault.ParseWithdrawn(log)
		if err != nil {
			return nil, err
		}
		return &Event{Kind: Withdrawn, Account: e.Account, WithdrawNonce: e.WithdrawNonce, Recipient: e.Recipient,
			Amount: e.Amount, Batch: &contracts.StatementsBatch{Index: e.BatchIndex}}, nil
	case "ForcedInclusionQueue.Enqueued":
		e, err := d.queue.ParseEnqueued(log)
		if err != nil {
			return nil, err
		}
		return &Event{Kind: Forced, ForcedIndex: e.ForcedIndex, Sender: e.Sender, Gas: e.Gas, PricePerGas: e.PricePerGas,
			Timestamp: e.Timestamp, Item: e.Item}, nil
	}
	return &Event{Kind: Ignored}, nil
}
