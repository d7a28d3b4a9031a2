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

// SequencerRegistryMetaData contains all meta data concerning the SequencerRegistry contract.
var SequencerRegistryMetaData = &bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"minStake_\",\"type\":\"uint256\"},{\"internalType\":\"uint64\",\"name\":\"exitDelay_\",\"type\":\"uint64\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"registration\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"requestedAt\",\"type\":\"uint64\"}],\"name\":\"AlreadyExiting\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"keyper\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"registration\",\"type\":\"uint64\"}],\"name\":\"AlreadyRegistered\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"}],\"name\":\"BadProofLength\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"keyper\",\"type\":\"address\"}],\"name\":\"NotRegistered\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"minStake\",\"type\":\"uint256\"}],\"name\":\"StakeTooLow\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroCometKey\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"registration\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"keyper\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"requestedAt\",\"type\":\"uint64\"}],\"name\":\"ExitRequested\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"registration\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"keyper\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"cometPubKey\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"cometSig\",\"type\":\"bytes\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"stake\",\"type\":\"uint256\"}],\"name\":\"Registered\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"exitDelay\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"minStake\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"cometPubKey\",\"type\":\"bytes32\"},{\"internalType\":\"bytes\",\"name\":\"cometSig\",\"type\":\"bytes\"}],\"name\":\"register\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"registration\",\"type\":\"uint64\"}],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"registrationCount\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"keyper\",\"type\":\"address\"}],\"name\":\"registrationOf\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"registration\",\"type\":\"uint64\"},{\"internalType\":\"bool\",\"name\":\"ok\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"name\":\"registrations\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"keyper\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"exitRequestedAt\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"cometPubKey\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"stake\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"requestExit\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"registration\",\"type\":\"uint64\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	Bin: "0x60c060405234801561000f575f5ffd5b5060405161083f38038061083f83398101604081905261002e91610045565b6080919091526001600160401b031660a05261007f565b5f5f60408385031215610056575f5ffd5b825160208401519092506001600160401b0381168114610074575f5ffd5b809150509250929050565b60805160a0516107926100ad5f395f60a501525f8181610103015281816101cb015261020601526107925ff3fe60806040526004361061006e575f3560e01c8063375b3c0a1161004c578063375b3c0a146100f25780637f8e3b4e1461012557806399f7235014610139578063f4ddb5be14610177575f5ffd5b80630d3eafd61461007257806328388630146100945780632a28e5a3146100df575b5f5ffd5b34801561007d575f5ffd5b505f545b6040519081526020015b60405180910390f35b34801561009f575f5ffd5b506100c77f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160401b03909116815260200161008b565b6100c76100ed3660046105f9565b6101c8565b3480156100fd575f5ffd5b506100817f000000000000000000000000000000000000000000000000000000000000000081565b348015610130575f5ffd5b506100c761042f565b348015610144575f5ffd5b5061015861015336600461066e565b61055d565b604080516001600160401b03909316835290151560208301520161008b565b348015610182575f5ffd5b5061019661019136600461069b565b6105ad565b604080516001600160a01b0390951685526001600160401b03909316602085015291830152606082015260800161008b565b5f7f00000000000000000000000000000000000000000000000000000000000000003410156102375760405163829f116360e01b81523460048201527f000000000000000000000000000000000000000000000000000000000000000060248201526044015b60405180910390fd5b836102555760405163012882db60e71b815260040160405180910390fd5b604082146102795760405163a8f394fb60e01b81526004810183905260240161022e565b335f908152600160205260409020546001600160401b031680156102d657336102a36001836106c6565b604051633b5b264560e11b81526001600160a01b0390921660048301526001600160401b0316602482015260440161022e565b5f805460408051608081018252338152602081018481529181018981523460608301908152600180860187559580529151600385027f290decd9548b62a8d60345a988386fc84ba6bc95484008f6362f93160ef3e5638101805495516001600160401b0316600160a01b026001600160e01b03199096166001600160a01b039390931692909217949094179055517f290decd9548b62a8d60345a988386fc84ba6bc95484008f6362f93160ef3e564830155517f290decd9548b62a8d60345a988386fc84ba6bc95484008f6362f93160ef3e5659091015592506103bb9083906106eb565b335f8181526001602052604090819020805467ffffffffffffffff19166001600160401b039485161790555190918416907f41ea924595d78525d7ab13b5308e7850997288dc474fb462349b938cc46d5f5d9061041f90899089908990349061070a565b60405180910390a3509392505050565b335f908152600160205260408120546001600160401b03168082036104695760405163bfc6c33760e01b815233600482015260240161022e565b6104746001826106c6565b91505f5f836001600160401b03168154811061049257610492610748565b5f91825260209091206003909102018054909150600160a01b90046001600160401b0316156104f2578054604051635f0b9a3f60e11b81526001600160401b038086166004830152600160a01b909204909116602482015260440161022e565b805467ffffffffffffffff60a01b1916600160a01b426001600160401b039081168202929092178084556040519190048216815233918516907fe09776ced651265728af090b9948a27b39c9db656a9e14f6f8032fc576f085d79060200160405180910390a3505090565b6001600160a01b0381165f9081526001602052604081205481906001600160401b03168015610596576105916001826106c6565b610598565b5f5b946001600160401b0390911615159350915050565b5f81815481106105bb575f80fd5b5f9182526020909120600390910201805460018201546002909201546001600160a01b0382169350600160a01b9091046001600160401b0316919084565b5f5f5f6040848603121561060b575f5ffd5b8335925060208401356001600160401b03811115610627575f5ffd5b8401601f81018613610637575f5ffd5b80356001600160401b0381111561064c575f5ffd5b86602082840101111561065d575f5ffd5b939660209190910195509293505050565b5f6020828403121561067e575f5ffd5b81356001600160a01b0381168114610694575f5ffd5b9392505050565b5f602082840312156106ab575f5ffd5b5035919050565b634e487b7160e01b5f52601160045260245ffd5b6001600160401b0382811682821603908111156106e5576106e56106b2565b92915050565b6001600160401b0381811683821601908111156106e5576106e56106b2565b84815260606020820152826060820152828460808301375f608084830101525f6080601f19601f860116830101905082604083015295945050505050565b634e487b7160e01b5f52603260045260245ffdfea26469706673582212209e4d0a4b5256a83954a37c83f2daf2f262b89486e3fd6e68410f3b876316a27b64736f6c63430008250033",
}

// SequencerRegistryABI is the input ABI used to generate the binding from.
// Deprecated: Use SequencerRegistryMetaData.ABI instead.
var SequencerRegistryABI = SequencerRegistryMetaData.ABI

// SequencerRegistryBin is the compiled bytecode used for deploying new contracts.
// Deprecated: Use SequencerRegistryMetaData.Bin instead.
var SequencerRegistryBin = SequencerRegistryMetaData.Bin

// DeploySequencerRegistry deploys a new Ethereum contract, binding an instance of SequencerRegistry to it.
func DeploySequencerRegistry(auth *bind.TransactOpts, backend bind.ContractBackend, minStake_ *big.Int, exitDelay_ uint64) (common.Address, *types.Transaction, *SequencerRegistry, error) {
	parsed, err := SequencerRegistryMetaData.GetAbi()
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	if parsed == nil {
		return common.Address{}, nil, nil, errors.New("GetABI returned nil")
	}

	address, tx, contract, err := bind.DeployContract(auth, *parsed, common.FromHex(SequencerRegistryBin), backend, minStake_, exitDelay_)
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	return address, tx, &SequencerRegistry{SequencerRegistryCaller: SequencerRegistryCaller{contract: contract}, SequencerRegistryTransactor: SequencerRegistryTransactor{contract: contract}, SequencerRegistryFilterer: SequencerRegistryFilterer{contract: contract}}, nil
}

// SequencerRegistry is an auto generated Go binding around an Ethereum contract.
type SequencerRegistry struct {
	SequencerRegistryCaller     // Read-only binding to the contract
	SequencerRegistryTransactor // Write-only binding to the contract
	SequencerRegistryFilterer   // Log filterer for contract events
}

// SequencerRegistryCaller is an auto generated read-only Go binding around an Ethereum contract.
type SequencerRegistryCaller struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// SequencerRegistryTransactor is an auto generated write-only Go binding around an Ethereum contract.
type SequencerRegistryTransactor struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// SequencerRegistryFilterer is an auto generated log filtering Go binding around an Ethereum contract events.
type SequencerRegistryFilterer struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// SequencerRegistrySession is an auto generated Go binding around an Ethereum contract,
// with pre-set call and transact options.
type SequencerRegistrySession struct {
	Contract     *SequencerRegistry // Generic contract binding to set the session for
	CallOpts     bind.CallOpts      // Call options to use throughout this session
	TransactOpts bind.TransactOpts  // Transaction auth options to use throughout this session
}

// SequencerRegistryCallerSession is an auto generated read-only Go binding around an Ethereum contract,
// with pre-set call options.
type SequencerRegistryCallerSession struct {
	Contract *SequencerRegistryCaller // Generic contract caller binding to set the session for
	CallOpts bind.CallOpts            // Call options to use throughout this session
}

// SequencerRegistryTransactorSession is an auto generated write-only Go binding around an Ethereum contract,
// with pre-set transact options.
type SequencerRegistryTransactorSession struct {
	Contract     *SequencerRegistryTransactor // Generic contract transactor binding to set the session for
	TransactOpts bind.TransactOpts            // Transaction auth options to use throughout this session
}

// SequencerRegistryRaw is an auto generated low-level Go binding around an Ethereum contract.
type SequencerRegistryRaw struct {
	Contract *SequencerRegistry // Generic contract binding to access the raw methods on
}

// SequencerRegistryCallerRaw is an auto generated low-level read-only Go binding around an Ethereum contract.
type SequencerRegistryCallerRaw struct {
	Contract *SequencerRegistryCaller // Generic read-only contract binding to access the raw methods on
}

// SequencerRegistryTransactorRaw is an auto generated low-level write-only Go binding around an Ethereum contract.
type SequencerRegistryTransactorRaw struct {
	Contract *SequencerRegistryTransactor // Generic write-only contract binding to access the raw methods on
}

// NewSequencerRegistry creates a new instance of SequencerRegistry, bound to a specific deployed contract.
func NewSequencerRegistry(address common.Address, backend bind.ContractBackend) (*SequencerRegistry, error) {
	contract, err := bindSequencerRegistry(address, backend, backend, backend)
	if err != nil {
		return nil, err
	}
	return &SequencerRegistry{SequencerRegistryCaller: SequencerRegistryCaller{contract: contract}, SequencerRegistryTransactor: SequencerRegistryTransactor{contract: contract}, SequencerRegistryFilterer: SequencerRegistryFilterer{contract: contract}}, nil
}

// NewSequencerRegistryCaller creates a new read-only instance of SequencerRegistry, bound to a specific deployed contract.
func NewSequencerRegistryCaller(address common.Address, caller bind.ContractCaller) (*SequencerRegistryCaller, error) {
	contract, err := bindSequencerRegistry(address, caller, nil, nil)
	if err != nil {
		return nil, err
	}
	return &SequencerRegistryCaller{contract: contract}, nil
}

// NewSequencerRegistryTransactor creates a new write-only instance of SequencerRegistry, bound to a specific deployed contract.
func NewSequencerRegistryTransactor(address common.Address, transactor bind.ContractTransactor) (*SequencerRegistryTransactor, error) {
	contract, err := bindSequencerRegistry(address, nil, transactor, nil)
	if err != nil {
		return nil, err
	}
	return &SequencerRegistryTransactor{contract: contract}, nil
}

// NewSequencerRegistryFilterer creates a new log filterer instance of SequencerRegistry, bound to a specific deployed contract.
func NewSequencerRegistryFilterer(address common.Address, filterer bind.ContractFilterer) (*SequencerRegistryFilterer, error) {
	contract, err := bindSequencerRegistry(address, nil, nil, filterer)
	if err != nil {
		return nil, err
	}
	return &SequencerRegistryFilterer{contract: contract}, nil
}

// bindSequencerRegistry binds a generic wrapper to an already deployed contract.
func bindSequencerRegistry(address common.Address, caller bind.ContractCaller, transactor bind.ContractTransactor, filterer bind.ContractFilterer) (*bind.BoundContract, error) {
	parsed, err := SequencerRegistryMetaData.GetAbi()
	if err != nil {
		return nil, err
	}
	return bind.NewBoundContract(address, *parsed, caller, transactor, filterer), nil
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_SequencerRegistry *SequencerRegistryRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _SequencerRegistry.Contract.SequencerRegistryCaller.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_SequencerRegistry *SequencerRegistryRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _SequencerRegistry.Contract.SequencerRegistryTransactor.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_SequencerRegistry *SequencerRegistryRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _SequencerRegistry.Contract.SequencerRegistryTransactor.contract.Transact(opts, method, params...)
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_SequencerRegistry *SequencerRegistryCallerRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _SequencerRegistry.Contract.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_SequencerRegistry *SequencerRegistryTransactorRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _SequencerRegistry.Contract.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_SequencerRegistry *SequencerRegistryTransactorRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _SequencerRegistry.Contract.contract.Transact(opts, method, params...)
}

// ExitDelay is a free data retrieval call binding the contract method 0x28388630.
//
// Solidity: function exitDelay() view returns(uint64)
func (_SequencerRegistry *SequencerRegistryCaller) ExitDelay(opts *bind.CallOpts) (uint64, error) {
	var out []interface{}
	err := _SequencerRegistry.contract.Call(opts, &out, "exitDelay")

	if err != nil {
		return *new(uint64), err
	}

	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)

	return out0, err

}

// ExitDelay is a free data retrieval call binding the contract method 0x28388630.
//
// Solidity: function exitDelay() view returns(uint64)
func (_SequencerRegistry *SequencerRegistrySession) ExitDelay() (uint64, error) {
	return _SequencerRegistry.Contract.ExitDelay(&_SequencerRegistry.CallOpts)
}

// ExitDelay is a free data retrieval call binding the contract method 0x28388630.
//
// Solidity: function exitDelay() view returns(uint64)
func (_SequencerRegistry *SequencerRegistryCallerSession) ExitDelay() (uint64, error) {
	return _SequencerRegistry.Contract.ExitDelay(&_SequencerRegistry.CallOpts)
}

// MinStake is a free data retrieval call binding the contract method 0x375b3c0a.
//
// Solidity: function minStake() view returns(uint256)
func (_SequencerRegistry *SequencerRegistryCaller) MinStake(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _SequencerRegistry.contract.Call(opts, &out, "minStake")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// MinStake is a free data retrieval call binding the contract method 0x375b3c0a.
//
// Solidity: function minStake() view returns(uint256)
func (_SequencerRegistry *SequencerRegistrySession) MinStake() (*big.Int, error) {
	return _SequencerRegistry.Contract.MinStake(&_SequencerRegistry.CallOpts)
}

// MinStake is a free data retrieval call binding the contract method 0x375b3c0a.
//
// Solidity: function minStake() view returns(uint256)
func (_SequencerRegistry *SequencerRegistryCallerSession) MinStake() (*big.Int, error) {
	return _SequencerRegistry.Contract.MinStake(&_SequencerRegistry.CallOpts)
}

// RegistrationCount is a free data retrieval call binding the contract method 0x0d3eafd6.
//
// Solidity: function registrationCount() view returns(uint256)
func (_SequencerRegistry *SequencerRegistryCaller) RegistrationCount(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _SequencerRegistry.contract.Call(opts, &out, "registrationCount")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// RegistrationCount is a free data retrieval call binding the contract method 0x0d3eafd6.
//
// Solidity: function registrationCount() view returns(uint256)
func (_SequencerRegistry *SequencerRegistrySession) RegistrationCount() (*big.Int, error) {
	return _SequencerRegistry.Contract.RegistrationCount(&_SequencerRegistry.CallOpts)
}

// RegistrationCount is a free data retrieval call binding the contract method 0x0d3eafd6.
//
// Solidity: function registrationCount() view returns(uint256)
func (_SequencerRegistry *SequencerRegistryCallerSession) RegistrationCount() (*big.Int, error) {
	return _SequencerRegistry.Contract.RegistrationCount(&_SequencerRegistry.CallOpts)
}

// RegistrationOf is a free data retrieval call binding the contract method 0x99f72350.
//
// Solidity: function registrationOf(address keyper) view returns(uint64 registration, bool ok)
func (_SequencerRegistry *SequencerRegistryCaller) RegistrationOf(opts *bind.CallOpts, keyper common.Address) (struct {
	Registration uint64
	Ok           bool
}, error) {
	var out []interface{}
	err := _SequencerRegistry.contract.Call(opts, &out, "registrationOf", keyper)

	outstruct := new(struct {
		Registration uint64
		Ok           bool
	})
	if err != nil {
		return *outstruct, err
	}

	outstruct.Registration = *abi.ConvertType(out[0], new(uint64)).(*uint64)
	outstruct.Ok = *abi.ConvertType(out[1], new(bool)).(*bool)

	return *outstruct, err

}

// RegistrationOf is a free data retrieval call binding the contract method 0x99f72350.
//
// Solidity: function registrationOf(address keyper) view returns(uint64 registration, bool ok)
func (_SequencerRegistry *SequencerRegistrySession) RegistrationOf(keyper common.Address) (struct {
	Registration uint64
	Ok           bool
}, error) {
	return _SequencerRegistry.Contract.RegistrationOf(&_SequencerRegistry.CallOpts, keyper)
}

// RegistrationOf is a free data retrieval call binding the contract method 0x99f72350.
//
// Solidity: function registrationOf(address keyper) view returns(uint64 registration, bool ok)
func (_SequencerRegistry *SequencerRegistryCallerSession) RegistrationOf(keyper common.Address) (struct {
	Registration uint64
	Ok           bool
}, error) {
	return _SequencerRegistry.Contract.RegistrationOf(&_SequencerRegistry.CallOpts, keyper)
}

// Registrations is a free data retrieval call binding the contract method 0xf4ddb5be.
//
// Solidity: function registrations(uint256 ) view returns(address keyper, uint64 exitRequestedAt, bytes32 cometPubKey, uint256 stake)
func (_SequencerRegistry *SequencerRegistryCaller) Registrations(opts *bind.CallOpts, arg0 *big.Int) (struct {
	Keyper          common.Address
	ExitRequestedAt uint64
	CometPubKey     [32]byte
	Stake           *big.Int
}, error) {
	var out []interface{}
	err := _SequencerRegistry.contract.Call(opts, &out, "registrations", arg0)

	outstruct := new(struct {
		Keyper          common.Address
		ExitRequestedAt uint64
		CometPubKey     [32]byte
		Stake           *big.Int
	})
	if err != nil {
		return *outstruct, err
	}

	outstruct.Keyper = *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	outstruct.ExitRequestedAt = *abi.ConvertType(out[1], new(uint64)).(*uint64)
	outstruct.CometPubKey = *abi.ConvertType(out[2], new([32]byte)).(*[32]byte)
	outstruct.Stake = *abi.ConvertType(out[3], new(*big.Int)).(**big.Int)

	return *outstruct, err

}

// Registrations is a free data retrieval call binding the contract method 0xf4ddb5be.
//
// Solidity: function registrations(uint256 ) view returns(address keyper, uint64 exitRequestedAt, bytes32 cometPubKey, uint256 stake)
func (_SequencerRegistry *SequencerRegistrySession) Registrations(arg0 *big.Int) (struct {
	Keyper          common.Address
	ExitRequestedAt uint64
	CometPubKey     [32]byte
	Stake           *big.Int
}, error) {
	return _SequencerRegistry.Contract.Registrations(&_SequencerRegistry.CallOpts, arg0)
}

// Registrations is a free data retrieval call binding the contract method 0xf4ddb5be.
//
// Solidity: function registrations(uint256 ) view returns(address keyper, uint64 exitRequestedAt, bytes32 cometPubKey, uint256 stake)
func (_SequencerRegistry *SequencerRegistryCallerSession) Registrations(arg0 *big.Int) (struct {
	Keyper          common.Address
	ExitRequestedAt uint64
	CometPubKey     [32]byte
	Stake           *big.Int
}, error) {
	return _SequencerRegistry.Contract.Registrations(&_SequencerRegistry.CallOpts, arg0)
}

// Register is a paid mutator transaction binding the contract method 0x2a28e5a3.
//
// Solidity: function register(bytes32 cometPubKey, bytes cometSig) payable returns(uint64 registration)
func (_SequencerRegistry *SequencerRegistryTransactor) Register(opts *bind.TransactOpts, cometPubKey [32]byte, cometSig []byte) (*types.Transaction, error) {
	return _SequencerRegistry.contract.Transact(opts, "register", cometPubKey, cometSig)
}

// Register is a paid mutator transaction binding the contract method 0x2a28e5a3.
//
// Solidity: function register(bytes32 cometPubKey, bytes cometSig) payable returns(uint64 registration)
func (_SequencerRegistry *SequencerRegistrySession) Register(cometPubKey [32]byte, cometSig []byte) (*types.Transaction, error) {
	return _SequencerRegistry.Contract.Register(&_SequencerRegistry.TransactOpts, cometPubKey, cometSig)
}

// Register is a paid mutator transaction binding the contract method 0x2a28e5a3.
//
// Solidity: function register(bytes32 cometPubKey, bytes cometSig) payable returns(uint64 registration)
func (_SequencerRegistry *SequencerRegistryTransactorSession) Register(cometPubKey [32]byte, cometSig []byte) (*types.Transaction, error) {
	return _SequencerRegistry.Contract.Register(&_SequencerRegistry.TransactOpts, cometPubKey, cometSig)
}

// RequestExit is a paid mutator transaction binding the contract method 0x7f8e3b4e.
//
// Solidity: function requestExit() returns(uint64 registration)
func (_SequencerRegistry *SequencerRegistryTransactor) RequestExit(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _SequencerRegistry.contract.Transact(opts, "requestExit")
}

// RequestExit is a paid mutator transaction binding the contract method 0x7f8e3b4e.
//
// Solidity: function requestExit() returns(uint64 registration)
func (_SequencerRegistry *SequencerRegistrySession) RequestExit() (*types.Transaction, error) {
	return _SequencerRegistry.Contract.RequestExit(&_SequencerRegistry.TransactOpts)
}

// RequestExit is a paid mutator transaction binding the contract method 0x7f8e3b4e.
//
// Solidity: function requestExit() returns(uint64 registration)
func (_SequencerRegistry *SequencerRegistryTransactorSession) RequestExit() (*types.Transaction, error) {
	return _SequencerRegistry.Contract.RequestExit(&_SequencerRegistry.TransactOpts)
}

// SequencerRegistryExitRequestedIterator is returned from FilterExitRequested and is used to iterate over the raw logs and unpacked data for ExitRequested events raised by the SequencerRegistry contract.
type SequencerRegistryExitRequestedIterator struct {
	Event *SequencerRegistryExitRequested // Event containing the contract specifics and raw log

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
func (it *SequencerRegistryExitRequestedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(SequencerRegistryExitRequested)
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
		it.Event = new(SequencerRegistryExitRequested)
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
func (it *SequencerRegistryExitRequestedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *SequencerRegistryExitRequestedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// SequencerRegistryExitRequested represents a ExitRequested event raised by the SequencerRegistry contract.
type SequencerRegistryExitRequested struct {
	Registration uint64
	Keyper       common.Address
	RequestedAt  uint64
	Raw          types.Log // Blockchain specific contextual infos
}

// FilterExitRequested is a free log retrieval operation binding the contract event 0xe09776ced651265728af090b9948a27b39c9db656a9e14f6f8032fc576f085d7.
//
// Solidity: event ExitRequested(uint64 indexed registration, address indexed keyper, uint64 requestedAt)
func (_SequencerRegistry *SequencerRegistryFilterer) FilterExitRequested(opts *bind.FilterOpts, registration []uint64, keyper []common.Address) (*SequencerRegistryExitRequestedIterator, error) {

	var registrationRule []interface{}
	for _, registrationItem := range registration {
		registrationRule = append(registrationRule, registrationItem)
	}
	var keyperRule []interface{}
	for _, keyperItem := range keyper {
		keyperRule = append(keyperRule, keyperItem)
	}

	logs, sub, err := _SequencerRegistry.contract.FilterLogs(opts, "ExitRequested", registrationRule, keyperRule)
	if err != nil {
		return nil, err
	}
	return &SequencerRegistryExitRequestedIterator{contract: _SequencerRegistry.contract, event: "ExitRequested", logs: logs, sub: sub}, nil
}

// WatchExitRequested is a free log subscription operation binding the contract event 0xe09776ced651265728af090b9948a27b39c9db656a9e14f6f8032fc576f085d7.
//
// Solidity: event ExitRequested(uint64 indexed registration, address indexed keyper, uint64 requestedAt)
func (_SequencerRegistry *SequencerRegistryFilterer) WatchExitRequested(opts *bind.WatchOpts, sink chan<- *SequencerRegistryExitRequested, registration []uint64, keyper []common.Address) (event.Subscription, error) {

	var registrationRule []interface{}
	for _, registrationItem := range registration {
		registrationRule = append(registrationRule, registrationItem)
	}
	var keyperRule []interface{}
	for _, keyperItem := range keyper {
		keyperRule = append(keyperRule, keyperItem)
	}

	logs, sub, err := _SequencerRegistry.contract.WatchLogs(opts, "ExitRequested", registrationRule, keyperRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(SequencerRegistryExitRequested)
				if err := _SequencerRegistry.contract.UnpackLog(event, "ExitRequested", log); err != nil {
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

// ParseExitRequested is a log parse operation binding the contract event 0xe09776ced651265728af090b9948a27b39c9db656a9e14f6f8032fc576f085d7.
//
// Solidity: event ExitRequested(uint64 indexed registration, address indexed keyper, uint64 requestedAt)
func (_SequencerRegistry *SequencerRegistryFilterer) ParseExitRequested(log types.Log) (*SequencerRegistryExitRequested, error) {
	event := new(SequencerRegistryExitRequested)
	if err := _SequencerRegistry.contract.UnpackLog(event, "ExitRequested", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// SequencerRegistryRegisteredIterator is returned from FilterRegistered and is used to iterate over the raw logs and unpacked data for Registered events raised by the SequencerRegistry contract.
type SequencerRegistryRegisteredIterator struct {
	Event *SequencerRegistryRegistered // Event containing the contract specifics and raw log

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
func (it *SequencerRegistryRegisteredIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(SequencerRegistryRegistered)
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
		it.Event = new(SequencerRegistryRegistered)
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
func (it *SequencerRegistryRegisteredIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *SequencerRegistryRegisteredIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// SequencerRegistryRegistered represents a Registered event raised by the SequencerRegistry contract.
type SequencerRegistryRegistered struct {
	Registration uint64
	Keyper       common.Address
	CometPubKey  [32]byte
	CometSig     []byte
	Stake        *big.Int
	Raw          types.Log // Blockchain specific contextual infos
}

// FilterRegistered is a free log retrieval operation binding the contract event 0x41ea924595d78525d7ab13b5308e7850997288dc474fb462349b938cc46d5f5d.
//
// Solidity: event Registered(uint64 indexed registration, address indexed keyper, bytes32 cometPubKey, bytes cometSig, uint256 stake)
func (_SequencerRegistry *SequencerRegistryFilterer) FilterRegistered(opts *bind.FilterOpts, registration []uint64, keyper []common.Address) (*SequencerRegistryRegisteredIterator, error) {

	var registrationRule []interface{}
	for _, registrationItem := range registration {
		registrationRule = append(registrationRule, registrationItem)
	}
	var keyperRule []interface{}
	for _, keyperItem := range keyper {
		keyperRule = append(keyperRule, keyperItem)
	}

	logs, sub, err := _SequencerRegistry.contract.FilterLogs(opts, "Registered", registrationRule, keyperRule)
	if err != nil {
		return nil, err
	}
	return &SequencerRegistryRegisteredIterator{contract: _SequencerRegistry.contract, event: "Registered", logs: logs, sub: sub}, nil
}

// WatchRegistered is a free log subscription operation binding the contract event 0x41ea924595d78525d7ab13b5308e7850997288dc474fb462349b938cc46d5f5d.
//
// Solidity: event Registered(uint64 indexed registration, address indexed keyper, bytes32 cometPubKey, bytes cometSig, uint256 stake)
func (_SequencerRegistry *SequencerRegistryFilterer) WatchRegistered(opts *bind.WatchOpts, sink chan<- *SequencerRegistryRegistered, registration []uint64, keyper []common.Address) (event.Subscription, error) {

	var registrationRule []interface{}
	for _, registrationItem := range registration {
		registrationRule = append(registrationRule, registrationItem)
	}
	var keyperRule []interface{}
	for _, keyperItem := range keyper {
		keyperRule = append(keyperRule, keyperItem)
	}

	logs, sub, err := _SequencerRegistry.contract.WatchLogs(opts, "Registered", registrationRule, keyperRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(SequencerRegistryRegistered)
				if err := _SequencerRegistry.contract.UnpackLog(event, "Registered", log); err != nil {
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

// ParseRegistered is a log parse operation binding the contract event 0x41ea924595d78525d7ab13b5308e7850997288dc474fb462349b938cc46d5f5d.
//
// Solidity: event Registered(uint64 indexed registration, address indexed keyper, bytes32 cometPubKey, bytes cometSig, uint256 stake)
func (_SequencerRegistry *SequencerRegistryFilterer) ParseRegistered(log types.Log) (*SequencerRegistryRegistered, error) {
	event := new(SequencerRegistryRegistered)
	if err := _SequencerRegistry.contract.UnpackLog(event, "Registered", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}
