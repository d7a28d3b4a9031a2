package l1event

import (
	"errors"
	"math/big"
	"reflect"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"

	"github.com/veil-sequencer/veil/contracts"
	"github.com/veil-sequencer/veil/l1watch"
)

var at = contracts.Addresses{
	SequencerRegistry:    common.Address{0x01},
	BatchInbox:           common.Address{0x02},
	DepositVault:         common.Address{0x03},
	ForcedInclusionQueue: common.Address{0x04},
}

// logOf is the log a contract emits for event name with args in ABI order:
// indexed ones as topics, the rest ABI-encoded as data.
func logOf(tb testing.TB, md *bind.MetaData, name string, args ...any) ([]common.Hash, []byte) {
	tb.Helper()
	parsed, err := md.GetAbi()
	if err != nil {
		tb.Fatal(err)
	}
	e := parsed.Events[name]
	topics := []common.Hash{e.ID}
	var data []any
	for i, in := range e.Inputs {
		if in.Indexed {
			t, err := abi.MakeTopics([]any{args[i]})
			if err != nil {
				tb.Fatal(err)
			}
			topics = append(topics, t[0][0])
		} else {
			data = append(data, args[i])
		}
	}
	packed, err := e.Inputs.NonIndexed().Pack(data...)
	if err != nil {
		tb.Fatal(err)
	}
	return topics, packed
}

func TestDecode(t *testing.T) {
	d, err := NewDecoder(at)
	if err != nil {
		t.Fatal(err)
	}
	alice, bob := common.Address{0xa1}, common.Address{0xb0}
	wei := big.NewInt(1e18)
	header := contracts.StatementsBatch{ChainId: 1337, Eon: 2, Index: 5, FirstSlot: 161, LastSlot: 192, Parent: common.Hash{1},
		RecordsRoot: common.Hash{2}, DataHash: common.Hash{3}, WithdrawalsRoot: common.Hash{4}, ForcedUpTo: 9, L1Applied: 70, AppHash: common.Hash{5}}
	members := []contracts.StatementsMember{{Keyper: alice, CometPubKey: common.Hash{7}, PublicShare: make([]byte, 96)}}
	for _, tc := range []struct {
		name    string
		address common.Address
		md      *bind.MetaData
		event   string
		args    []any
		want    Event
	}{
		{"a deposit", at.DepositVault, contracts.DepositVaultMetaData, "Deposited", []any{uint64(3), alice, wei},
			Event{Kind: Deposit, DepositIndex: 3, Account: alice, Amount: wei}},
		{"collateral", at.DepositVault, contracts.DepositVaultMetaData, "CollateralDeposited", []any{uint64(4), bob, wei},
			Event{Kind: Collateral, DepositIndex: 4, Account: bob, Amount: wei}},
		{"a withdrawal claimed", at.DepositVault, contracts.DepositVaultMetaData, "Withdrawn", []any{alice, uint64(6), bob, wei, uint64(3)},
			Event{Kind: Withdrawn, Account: alice, WithdrawNonce: 6, Recipient: bob, Amount: wei, Batch: &contracts.StatementsBatch{Index: 3}}},
		{"funding changes nothing in Veil", at.DepositVault, contracts.DepositVaultMetaData, "Funded", []any{alice, wei}, Event{Kind: Ignored}},
		{"a registration", at.SequencerRegistry, contracts.SequencerRegistryMetaData, "Registered", []any{uint64(2), alice, [32]byte{9}, []byte{1, 2}, wei},
			Event{Kind: Registered, Registration: 2, Keyper: alice, CometPubKey: common.Hash{9}, CometSig: []byte{1, 2}, Amount: wei}},
		{"an exit", at.SequencerRegistry, contracts.SequencerRegistryMetaData, "ExitRequested", []any{uint64(2), alice, uint64(1700)},
			Event{Kind: ExitRequested, Registration: 2, Keyper: alice, Timestamp: 1700}},
		{"a stake withdrawn", at.SequencerRegistry, contracts.SequencerRegistryMetaData, "StakeWithdrawn", []any{uint64(2), alice, wei},
			Event{Kind: StakeWithdrawn, Registration: 2, Keyper: alice, Amount: wei}},
		{"a slash", at.SequencerRegistry, contracts.SequencerRegistryMetaData, "Slashed", []any{uint64(2), alice, uint64(77), [32]byte{8}, wei},
			Event{Kind: Slashed, Registration: 2, Keyper: alice, Height: 77, EvidenceHash: common.Hash{8}, Amount: wei}},
		{"an eon key", at.SequencerRegistry, contracts.SequencerRegistryMetaData, "EonRegistered", []any{uint64(2), uint64(1), []byte{6}, [32]byte{5}, members},
			Event{Kind: EonRegistered, Eon: 2, PublicKey: []byte{6}, KeypersRoot: common.Hash{5}, Members: members}},
		{"a batch", at.BatchInbox, contracts.BatchInboxMetaData, "BatchAccepted", []any{uint64(5), uint64(2), [32]byte{4}, header},
			Event{Kind: BatchAccepted, Eon: 2, Batch: &header, BatchHash: common.Hash{4}}},
		{"an eon in charge", at.BatchInbox, contracts.BatchInboxMetaData, "EonInCharge", []any{uint64(2), uint64(1), uint64(1800)},
			Event{Kind: EonInCharge, Eon: 2, Timestamp: 1800}},
		{"an equivocation", at.BatchInbox, contracts.BatchInboxMetaData, "Equivocation", []any{uint64(5), uint64(2), [32]byte{4}, [32]byte{3}},
			Event{Kind: Equivocation, Eon: 2, Batch: &contracts.StatementsBatch{Index: 5}, BatchHash: common.Hash{4}}},
		{"a forced item", at.ForcedInclusionQueue, contracts.ForcedInclusionQueueMetaData, "Enqueued", []any{uint64(8), bob, uint64(50000), big.NewInt(7), uint64(1900), []byte{0x02, 0xf8}},
			Event{Kind: Forced, ForcedIndex: 8, Sender: bob, Gas: 50000, PricePerGas: big.NewInt(7), Timestamp: 1900, Item: []byte{0x02, 0xf8}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			topics, data := logOf(t, tc.md, tc.event, tc.args...)
			got, err := d.Decode(tc.address, topics, data)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(*got, tc.want) {
				t.Fatalf("decoded %+v\nwant    %+v", *got, tc.want)
			}
		})
	}

	topics, data := logOf(t, contracts.DepositVaultMetaData, "Deposited", uint64(3), alice, wei)
	for _, tc := range []struct {
		name    string
		address common.Address
		topics  []common.Hash
		data    []byte
		want    string
		unknown bool
	}{
		{"another contract's log", common.Address{0x99}, topics, data, "none of the deployment's contracts", true},
		{"the vault's event from the registry", at.SequencerRegistry, topics, data, "has no event", true},
		{"no topics", at.DepositVault, nil, data, "without topics", true},
		{"data cut short", at.DepositVault, topics, data[:31], "DepositVault.Deposited", false},
		{"an indexed topic missing", at.DepositVault, topics[:2], data, "DepositVault.Deposited", false},
		{"a topic too many", at.DepositVault, append(topics, common.Hash{}), data, "DepositVault.Deposited", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := d.Decode(tc.address, tc.topics, tc.data)
			if err == nil || !strings.Contains(err.Error(), tc.want) || errors.Is(err, ErrUnknown) != tc.unknown {
				t.Fatalf("Decode: %+v, %v; want an error naming %q (unknown: %v)", got, err, tc.want, tc.unknown)
			}
		})
	}
}

// FuzzDecode: no log, however made, panics or stops the decoder; the same
// bytes decode the same way every time.
func FuzzDecode(f *testing.F) {
	d, err := NewDecoder(at)
	if err != nil {
		f.Fatal(err)
	}
	addrs := []common.Address{at.SequencerRegistry, at.BatchInbox, at.DepositVault, at.ForcedInclusionQueue}
	var ids []common.Hash
	for _, md := range []*bind.MetaData{contracts.SequencerRegistryMetaData, contracts.BatchInboxMetaData, contracts.DepositVaultMetaData, contracts.ForcedInclusionQueueMetaData} {
		parsed, _ := md.GetAbi()
		for _, e := range parsed.Events {
			ids = append(ids, e.ID)
		}
	}
	topics, data := logOf(f, contracts.BatchInboxMetaData, "BatchAccepted", uint64(5), uint64(2), [32]byte{4}, contracts.StatementsBatch{})
	f.Add(byte(1), byte(0), uint8(len(topics)), data)
	topics2, data2 := logOf(f, contracts.ForcedInclusionQueueMetaData, "Enqueued", uint64(8), common.Address{}, uint64(1), big.NewInt(1), uint64(2), []byte{1})
	f.Add(byte(3), byte(5), uint8(len(topics2)), data2)
	f.Fuzz(func(t *testing.T, a, id, ntopics uint8, data []byte) {
		topics := []common.Hash{ids[int(id)%len(ids)]}
		for i := 1; i < int(ntopics%5); i++ {
			topics = append(topics, common.Hash{byte(i)})
		}
		addr := addrs[int(a)%len(addrs)]
		e1, err1 := d.Decode(addr, topics, data)
		e2, err2 := d.Decode(addr, topics, data)
		if (err1 == nil) != (err2 == nil) || (err1 == nil && !reflect.DeepEqual(e1, e2)) {
			t.Fatalf("two decodings differ: %+v %v / %+v %v", e1, err1, e2, err2)
		}
	})
}

// TestDecodeItem: the oracle's item (l1watch's encoding of a log) decodes
// to the log's event; an item that is not address ‖ topics ‖ data is an
// error, never a panic.
func TestDecodeItem(t *testing.T) {
	d, err := NewDecoder(at)
	if err != nil {
		t.Fatal(err)
	}
	topics, data := logOf(t, contracts.DepositVaultMetaData, "Deposited", uint64(3), common.Address{0xa1}, big.NewInt(9))
	item := l1watch.Event{Address: at.DepositVault, Topics: topics, Data: data}.Item()
	ev, err := d.DecodeItem(item)
	if err != nil || ev.Kind != Deposit || ev.DepositIndex != 3 || ev.Account != (common.Address{0xa1}) || ev.Amount.Cmp(big.NewInt(9)) != 0 {
		t.Fatalf("DecodeItem: %+v %v", ev, err)
	}
	five := append(at.DepositVault.Bytes(), 5)
	five = append(five, make([]byte, 5*32)...)
	for _, tc := range []struct {
		name string
		item []byte
	}{
		{"empty", nil},
		{"an address alone", at.DepositVault.Bytes()},
		{"topics cut short", item[:21+32*3-1]},
		{"five topics", five},
	} {
		if _, err := d.DecodeItem(tc.item); !errors.Is(err, ErrUnknown) {
			t.Errorf("%s: %v, want ErrUnknown", tc.name, err)
		}
	}
}

// FuzzDecodeItem: no item panics the decoder.
func FuzzDecodeItem(f *testing.F) {
	d, err := NewDecoder(at)
	if err != nil {
		f.Fatal(err)
	}
	topics, data := logOf(f, contracts.DepositVaultMetaData, "Deposited", uint64(3), common.Address{0xa1}, big.NewInt(9))
	f.Add(l1watch.Event{Address: at.DepositVault, Topics: topics, Data: data}.Item())
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, item []byte) { _, _ = d.DecodeItem(item) })
}
