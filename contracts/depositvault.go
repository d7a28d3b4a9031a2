// Code generated - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package contracts

import (
	"context"
	"errors"
	"math/big"
	"strings"
	"time"

	ethereum "github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/event"
)

// Reference imports to suppress errors if they are not otherwise used.
var (
	_ = errors.New
	_ = big.NewInt
	_ = strings.NewReader
	_ = ethereum.NotFound
	_ = bind.Bind
	_ = common.Big1
	_ = types.BloomLookup
	_ = event.NewSubscription
	_ = abi.ConvertType
	_ = time.Tick
	_ = context.Background
)

// DepositVaultMetaData contains all meta data concerning the DepositVault contract.
var DepositVaultMetaData = &bind.MetaData{
	ABI: "[{\"inputs\":[],\"name\":\"ZeroAddress\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroAmount\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"depositIndex\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"builder\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"CollateralDeposited\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"depositIndex\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Deposited\",\"type\":\"event\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"deposit\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"depositIndex\",\"type\":\"uint64\"}],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"builder\",\"type\":\"address\"}],\"name\":\"depositCollateral\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"depositIndex\",\"type\":\"uint64\"}],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"nextDepositIndex\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	Bin: "0x6080604052348015600e575f5ffd5b506102658061001c5f395ff3fe608060405260043610610033575f3560e01c80636c4668a31461003757806397d475d714610073578063f340fa0114610086575b5f5ffd5b348015610042575f5ffd5b505f546100569067ffffffffffffffff1681565b60405167ffffffffffffffff909116815260200160405180910390f35b6100566100813660046101d0565b610099565b6100566100943660046101d0565b6100f8565b5f6100a38261014a565b9050816001600160a01b03168167ffffffffffffffff167f902bfbf57fa774e48c208b8757f653054a6646d10f4b6a40b46d8e5978560019346040516100eb91815260200190565b60405180910390a3919050565b5f6101028261014a565b9050816001600160a01b03168167ffffffffffffffff167fe007c38a05fbf2010d1c1ed20f91e675c91d41699926124738a8c3fe9fc791b4346040516100eb91815260200190565b5f345f0361016b57604051631f2a200560e01b815260040160405180910390fd5b6001600160a01b0382166101925760405163d92e233d60e01b815260040160405180910390fd5b505f5467ffffffffffffffff166101aa8160016101fd565b5f805467ffffffffffffffff191667ffffffffffffffff92909216919091179055919050565b5f602082840312156101e0575f5ffd5b81356001600160a01b03811681146101f6575f5ffd5b9392505050565b67ffffffffffffffff818116838216019081111561022957634e487b7160e01b5f52601160045260245ffd5b9291505056fea2646970667358221220cd7c3f0cfed807bb765e1f5f20b9fe7a213de80617ec9f2dfe290fb772aded7f64736f6c63430008250033",
}

// DepositVaultABI is the input ABI used to generate the binding from.
// Deprecated: Use DepositVaultMetaData.ABI instead.
var DepositVaultABI = DepositVaultMetaData.ABI

// DepositVaultBin is the compiled bytecode used for deploying new contracts.
// Deprecated: Use DepositVaultMetaData.Bin instead.
var DepositVaultBin = DepositVaultMetaData.Bin

// DeployDepositVault deploys a new Ethereum contract, binding an instance of DepositVault to it.
func DeployDepositVault(auth *bind.TransactOpts, backend bind.ContractBackend) (common.Address, *types.Transaction, *DepositVault, error) {
	parsed, err := DepositVaultMetaData.GetAbi()
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	if parsed == nil {
		return common.Address{}, nil, nil, errors.New("GetABI returned nil")
	}

	address, tx, contract, err := bind.DeployContract(auth, *parsed, common.FromHex(DepositVaultBin), backend)
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	return address, tx, &DepositVault{DepositVaultCaller: DepositVaultCaller{contract: contract}, DepositVaultTransactor: DepositVaultTransactor{contract: contract}, DepositVaultFilterer: DepositVaultFilterer{contract: contract}}, nil
}

// DepositVault is an auto generated Go binding around an Ethereum contract.
type DepositVault struct {
	DepositVaultCaller     // Read-only binding to the contract
	DepositVaultTransactor // Write-only binding to the contract
	DepositVaultFilterer   // Log filterer for contract events
}

// DepositVaultCaller is an auto generated read-only Go binding around an Ethereum contract.
type DepositVaultCaller struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// DepositVaultTransactor is an auto generated write-only Go binding around an Ethereum contract.
type DepositVaultTransactor struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// DepositVaultFilterer is an auto generated log filtering Go binding around an Ethereum contract events.
type DepositVaultFilterer struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// DepositVaultSession is an auto generated Go binding around an Ethereum contract,
// with pre-set call and transact options.
type DepositVaultSession struct {
	Contract     *DepositVault     // Generic contract binding to set the session for
	CallOpts     bind.CallOpts     // Call options to use throughout this session
	TransactOpts bind.TransactOpts // Transaction auth options to use throughout this session
}

// DepositVaultCallerSession is an auto generated read-only Go binding around an Ethereum contract,
// with pre-set call options.
type DepositVaultCallerSession struct {
	Contract *DepositVaultCaller // Generic contract caller binding to set the session for
	CallOpts bind.CallOpts       // Call options to use throughout this session
}

// DepositVaultTransactorSession is an auto generated write-only Go binding around an Ethereum contract,
// with pre-set transact options.
type DepositVaultTransactorSession struct {
	Contract     *DepositVaultTransactor // Generic contract transactor binding to set the session for
	TransactOpts bind.TransactOpts       // Transaction auth options to use throughout this session
}

// DepositVaultRaw is an auto generated low-level Go binding around an Ethereum contract.
type DepositVaultRaw struct {
	Contract *DepositVault // Generic contract binding to access the raw methods on
}

// DepositVaultCallerRaw is an auto generated low-level read-only Go binding around an Ethereum contract.
type DepositVaultCallerRaw struct {
	Contract *DepositVaultCaller // Generic read-only contract binding to access the raw methods on
}

// DepositVaultTransactorRaw is an auto generated low-level write-only Go binding around an Ethereum contract.
type DepositVaultTransactorRaw struct {
	Contract *DepositVaultTransactor // Generic write-only contract binding to access the raw methods on
}

// NewDepositVault creates a new instance of DepositVault, bound to a specific deployed contract.
func NewDepositVault(address common.Address, backend bind.ContractBackend) (*DepositVault, error) {
	contract, err := bindDepositVault(address, backend, backend, backend)
	if err != nil {
		return nil, err
	}
	return &DepositVault{DepositVaultCaller: DepositVaultCaller{contract: contract}, DepositVaultTransactor: DepositVaultTransactor{contract: contract}, DepositVaultFilterer: DepositVaultFilterer{contract: contract}}, nil
}

// NewDepositVaultCaller creates a new read-only instance of DepositVault, bound to a specific deployed contract.
func NewDepositVaultCaller(address common.Address, caller bind.ContractCaller) (*DepositVaultCaller, error) {
	contract, err := bindDepositVault(address, caller, nil, nil)
	if err != nil {
		return nil, err
	}
	return &DepositVaultCaller{contract: contract}, nil
}

// NewDepositVaultTransactor creates a new write-only instance of DepositVault, bound to a specific deployed contract.
func NewDepositVaultTransactor(address common.Address, transactor bind.ContractTransactor) (*DepositVaultTransactor, error) {
	contract, err := bindDepositVault(address, nil, transactor, nil)
	if err != nil {
		return nil, err
	}
	return &DepositVaultTransactor{contract: contract}, nil
}

// NewDepositVaultFilterer creates a new log filterer instance of DepositVault, bound to a specific deployed contract.
func NewDepositVaultFilterer(address common.Address, filterer bind.ContractFilterer) (*DepositVaultFilterer, error) {
	contract, err := bindDepositVault(address, nil, nil, filterer)
	if err != nil {
		return nil, err
	}
	return &DepositVaultFilterer{contract: contract}, nil
}

// bindDepositVault binds a generic wrapper to an already deployed contract.
func bindDepositVault(address common.Address, caller bind.ContractCaller, transactor bind.ContractTransactor, filterer bind.ContractFilterer) (*bind.BoundContract, error) {
	parsed, err := DepositVaultMetaData.GetAbi()
	if err != nil {
		return nil, err
	}
	return bind.NewBoundContract(address, *parsed, caller, transactor, filterer), nil
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_DepositVault *DepositVaultRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _DepositVault.Contract.DepositVaultCaller.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_DepositVault *DepositVaultRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _DepositVault.Contract.DepositVaultTransactor.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_DepositVault *DepositVaultRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _DepositVault.Contract.DepositVaultTransactor.contract.Transact(opts, method, params...)
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_DepositVault *DepositVaultCallerRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _DepositVault.Contract.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_DepositVault *DepositVaultTransactorRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _DepositVault.Contract.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_DepositVault *DepositVaultTransactorRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _DepositVault.Contract.contract.Transact(opts, method, params...)
}

// NextDepositIndex is a free data retrieval call binding the contract method 0x6c4668a3.
//
// Solidity: function nextDepositIndex() view returns(uint64)
func (_DepositVault *DepositVaultCaller) NextDepositIndex(opts *bind.CallOpts) (uint64, error) {
	var out []interface{}
	err := _DepositVault.contract.Call(opts, &out, "nextDepositIndex")

	if err != nil {
		return *new(uint64), err
	}

	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)

	return out0, err

}

// NextDepositIndex is a free data retrieval call binding the contract method 0x6c4668a3.
//
// Solidity: function nextDepositIndex() view returns(uint64)
func (_DepositVault *DepositVaultSession) NextDepositIndex() (uint64, error) {
	return _DepositVault.Contract.NextDepositIndex(&_DepositVault.CallOpts)
}

// NextDepositIndex is a free data retrieval call binding the contract method 0x6c4668a3.
//
// Solidity: function nextDepositIndex() view returns(uint64)
func (_DepositVault *DepositVaultCallerSession) NextDepositIndex() (uint64, error) {
	return _DepositVault.Contract.NextDepositIndex(&_DepositVault.CallOpts)
}

// Deposit is a paid mutator transaction binding the contract method 0xf340fa01.
//
// Solidity: function deposit(address account) payable returns(uint64 depositIndex)
func (_DepositVault *DepositVaultTransactor) Deposit(opts *bind.TransactOpts, account common.Address) (*types.Transaction, error) {
	return _DepositVault.contract.Transact(opts, "deposit", account)
}

// Deposit is a paid mutator transaction binding the contract method 0xf340fa01.
//
// Solidity: function deposit(address account) payable returns(uint64 depositIndex)
func (_DepositVault *DepositVaultSession) Deposit(account common.Address) (*types.Transaction, error) {
	return _DepositVault.Contract.Deposit(&_DepositVault.TransactOpts, account)
}

// Deposit is a paid mutator transaction binding the contract method 0xf340fa01.
//
// Solidity: function deposit(address account) payable returns(uint64 depositIndex)
func (_DepositVault *DepositVaultTransactorSession) Deposit(account common.Address) (*types.Transaction, error) {
	return _DepositVault.Contract.Deposit(&_DepositVault.TransactOpts, account)
}

// DepositCollateral is a paid mutator transaction binding the contract method 0x97d475d7.
//
// Solidity: function depositCollateral(address builder) payable returns(uint64 depositIndex)
func (_DepositVault *DepositVaultTransactor) DepositCollateral(opts *bind.TransactOpts, builder common.Address) (*types.Transaction, error) {
	return _DepositVault.contract.Transact(opts, "depositCollateral", builder)
}

// DepositCollateral is a paid mutator transaction binding the contract method 0x97d475d7.
//
// Solidity: function depositCollateral(address builder) payable returns(uint64 depositIndex)
func (_DepositVault *DepositVaultSession) DepositCollateral(builder common.Address) (*types.Transaction, error) {
	return _DepositVault.Contract.DepositCollateral(&_DepositVault.TransactOpts, builder)
}

// DepositCollateral is a paid mutator transaction binding the contract method 0x97d475d7.
//
// Solidity: function depositCollateral(address builder) payable returns(uint64 depositIndex)
func (_DepositVault *DepositVaultTransactorSession) DepositCollateral(builder common.Address) (*types.Transaction, error) {
	return _DepositVault.Contract.DepositCollateral(&_DepositVault.TransactOpts, builder)
}

// DepositVaultCollateralDepositedIterator is returned from FilterCollateralDeposited and is used to iterate over the raw logs and unpacked data for CollateralDeposited events raised by the DepositVault contract.
type DepositVaultCollateralDepositedIterator struct {
	Event *DepositVaultCollateralDeposited // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *DepositVaultCollateralDepositedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(DepositVaultCollateralDeposited)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(DepositVaultCollateralDeposited)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *DepositVaultCollateralDepositedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *DepositVaultCollateralDepositedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// DepositVaultCollateralDeposited represents a CollateralDeposited event raised by the DepositVault contract.
type DepositVaultCollateralDeposited struct {
	DepositIndex uint64
	Builder      common.Address
	Amount       *big.Int
	Raw          types.Log // Blockchain specific contextual infos
}

// FilterCollateralDeposited is a free log retrieval operation binding the contract event 0x902bfbf57fa774e48c208b8757f653054a6646d10f4b6a40b46d8e5978560019.
//
// Solidity: event CollateralDeposited(uint64 indexed depositIndex, address indexed builder, uint256 amount)
func (_DepositVault *DepositVaultFilterer) FilterCollateralDeposited(opts *bind.FilterOpts, depositIndex []uint64, builder []common.Address) (*DepositVaultCollateralDepositedIterator, error) {

	var depositIndexRule []interface{}
	for _, depositIndexItem := range depositIndex {
		depositIndexRule = append(depositIndexRule, depositIndexItem)
	}
	var builderRule []interface{}
	for _, builderItem := range builder {
		builderRule = append(builderRule, builderItem)
	}

	logs, sub, err := _DepositVault.contract.FilterLogs(opts, "CollateralDeposited", depositIndexRule, builderRule)
	if err != nil {
		return nil, err
	}
	return &DepositVaultCollateralDepositedIterator{contract: _DepositVault.contract, event: "CollateralDeposited", logs: logs, sub: sub}, nil
}

// WatchCollateralDeposited is a free log subscription operation binding the contract event 0x902bfbf57fa774e48c208b8757f653054a6646d10f4b6a40b46d8e5978560019.
//
// Solidity: event CollateralDeposited(uint64 indexed depositIndex, address indexed builder, uint256 amount)
func (_DepositVault *DepositVaultFilterer) WatchCollateralDeposited(opts *bind.WatchOpts, sink chan<- *DepositVaultCollateralDeposited, depositIndex []uint64, builder []common.Address) (event.Subscription, error) {

	var depositIndexRule []interface{}
	for _, depositIndexItem := range depositIndex {
		depositIndexRule = append(depositIndexRule, depositIndexItem)
	}
	var builderRule []interface{}
	for _, builderItem := range builder {
		builderRule = append(builderRule, builderItem)
	}

	logs, sub, err := _DepositVault.contract.WatchLogs(opts, "CollateralDeposited", depositIndexRule, builderRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(DepositVaultCollateralDeposited)
				if err := _DepositVault.contract.UnpackLog(event, "CollateralDeposited", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseCollateralDeposited is a log parse operation binding the contract event 0x902bfbf57fa774e48c208b8757f653054a6646d10f4b6a40b46d8e5978560019.
//
// Solidity: event CollateralDeposited(uint64 indexed depositIndex, address indexed builder, uint256 amount)
func (_DepositVault *DepositVaultFilterer) ParseCollateralDeposited(log types.Log) (*DepositVaultCollateralDeposited, error) {
	event := new(DepositVaultCollateralDeposited)
	if err := _DepositVault.contract.UnpackLog(event, "CollateralDeposited", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// DepositVaultDepositedIterator is returned from FilterDeposited and is used to iterate over the raw logs and unpacked data for Deposited events raised by the DepositVault contract.
type DepositVaultDepositedIterator struct {
	Event *DepositVaultDeposited // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *DepositVaultDepositedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(DepositVaultDeposited)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(DepositVaultDeposited)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *DepositVaultDepositedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *DepositVaultDepositedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// DepositVaultDeposited represents a Deposited event raised by the DepositVault contract.
type DepositVaultDeposited struct {
	DepositIndex uint64
	Account      common.Address
	Amount       *big.Int
	Raw          types.Log // Blockchain specific contextual infos
}

// FilterDeposited is a free log retrieval operation binding the contract event 0xe007c38a05fbf2010d1c1ed20f91e675c91d41699926124738a8c3fe9fc791b4.
//
// Solidity: event Deposited(uint64 indexed depositIndex, address indexed account, uint256 amount)
func (_DepositVault *DepositVaultFilterer) FilterDeposited(opts *bind.FilterOpts, depositIndex []uint64, account []common.Address) (*DepositVaultDepositedIterator, error) {

	var depositIndexRule []interface{}
	for _, depositIndexItem := range depositIndex {
		depositIndexRule = append(depositIndexRule, depositIndexItem)
	}
	var accountRule []interface{}
	for _, accountItem := range account {
		accountRule = append(accountRule, accountItem)
	}

	logs, sub, err := _DepositVault.contract.FilterLogs(opts, "Deposited", depositIndexRule, accountRule)
	if err != nil {
		return nil, err
	}
	return &DepositVaultDepositedIterator{contract: _DepositVault.contract, event: "Deposited", logs: logs, sub: sub}, nil
}

// WatchDeposited is a free log subscription operation binding the contract event 0xe007c38a05fbf2010d1c1ed20f91e675c91d41699926124738a8c3fe9fc791b4.
//
// Solidity: event Deposited(uint64 indexed depositIndex, address indexed account, uint256 amount)
func (_DepositVault *DepositVaultFilterer) WatchDeposited(opts *bind.WatchOpts, sink chan<- *DepositVaultDeposited, depositIndex []uint64, account []common.Address) (event.Subscription, error) {

	var depositIndexRule []interface{}
	for _, depositIndexItem := range depositIndex {
		depositIndexRule = append(depositIndexRule, depositIndexItem)
	}
	var accountRule []interface{}
	for _, accountItem := range account {
		accountRule = append(accountRule, accountItem)
	}

	logs, sub, err := _DepositVault.contract.WatchLogs(opts, "Deposited", depositIndexRule, accountRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(DepositVaultDeposited)
				if err := _DepositVault.contract.UnpackLog(event, "Deposited", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseDeposited is a log parse operation binding the contract event 0xe007c38a05fbf2010d1c1ed20f91e675c91d41699926124738a8c3fe9fc791b4.
//
// Solidity: event Deposited(uint64 indexed depositIndex, address indexed account, uint256 amount)
func (_DepositVault *DepositVaultFilterer) ParseDeposited(log types.Log) (*DepositVaultDeposited, error) {
	event := new(DepositVaultDeposited)
	if err := _DepositVault.contract.UnpackLog(event, "Deposited", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}
