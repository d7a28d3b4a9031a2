package l1watch

import (
	"github.com/ethereum/go-ethereum/common"

	"github.com/veil-sequencer/veil/merkle"
)

// Event is one log emitted by one of Veil's four contracts.
type Event struct {
	Address common.Address
	Topics  []common.Hash
	Data    []byte
	TxHash  common.Hash // where it came from, for logs and users; not hashed
	Index   uint        // the log's index in its block; not hashed
}

// Item is the event's canonical encoding, the leaf item of EventsRoot:
// address (20) ‖ topic count (1 byte) ‖ topics (32 each) ‖ data. The EVM
// emits at most four topics, so the count fits a byte; TxHash and Index are
// left out because the order of the items already says where each log was.
func (e Event) Item() []byte {
	out := make([]byte, 0, common.AddressLength+1+len(e.Topics)*common.HashLength+len(e.Data))
	out = append(out, e.Address[:]...)
	out = append(out, byte(len(e.Topics)))
	for _, t := range e.Topics {
		out = append(out, t[:]...)
	}
	return append(out, e.Data...)
}

// size is the bytes an event costs in the watcher's cache (its item).
func (e Event) size() int {
	return common.AddressLength + 1 + len(e.Topics)*common.HashLength + len(e.Data)
}

// EventsRoot is the root (protocol §4, package merkle) over the events'
// items in the order given, which for a block is log order; no events give
// merkle.Empty, keccak256(""). Validators attest it, so it must be computed
// exactly so by every node.
func EventsRoot(events []Event) common.Hash {
	items := make([][]byte, len(events))
	for i, e := range events {
		items[i] = e.Item()
	}
	return merkle.Root(items)
}

// Block is one final L1 block as the watcher read it: its place in the
// chain and its Veil events in log order. A block without events is a block
// too: Veil attests every block, so that l1Applied moves one block at a
// time and each attestation names a hash the next block's parent confirms.
type Block struct {
	Number     uint64
	Hash       common.Hash
	ParentHash common.Hash
	Time       uint64 // the header's timestamp, seconds
	Events     []Event
	EventsRoot common.Hash
}

// size is the event bytes the block holds.
func (b *Block) size() int {
	n := 0
	for _, e := range b.Events {
		n += e.size()
	}
	return n
}
