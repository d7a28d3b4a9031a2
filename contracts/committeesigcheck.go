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

// CommitteeSigCheckMetaData contains all meta data concerning the CommitteeSigCheck contract.
var CommitteeSigCheckMetaData = &bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"}],\"name\":\"BadEonKeyLength\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"}],\"name\":\"BadSignatureLength\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"precompile\",\"type\":\"address\"}],\"name\":\"PrecompileFailed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"message\",\"type\":\"bytes\"}],\"name\":\"hashToG1\",\"outputs\":[{\"internalType\":\"bytes\",\"name\":\"\",\"type\":\"bytes\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"chainId\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"eon\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"m\",\"type\":\"bytes32\"}],\"name\":\"signingIdentity\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"chainId\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"eon\",\"type\":\"uint64\"},{\"internalType\":\"bytes\",\"name\":\"eonKey\",\"type\":\"bytes\"},{\"internalType\":\"bytes32\",\"name\":\"m\",\"type\":\"bytes32\"},{\"internalType\":\"bytes\",\"name\":\"sigma\",\"type\":\"bytes\"}],\"name\":\"verify\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	Bin: "0x6080604052348015600e575f5ffd5b50610e2f8061001c5f395ff3fe608060405234801561000f575f5ffd5b506004361061003f575f3560e01c80633aca3c5914610043578063834c465f1461006b578063f17186621461008c575b5f5ffd5b6100566100513660046109b5565b6100ac565b60405190151581526020015b60405180910390f35b61007e610079366004610a4e565b61012e565b604051908152602001610062565b61009f61009a366004610a88565b610142565b6040516100629190610ac7565b5f610122888888888080601f0160208091040260200160405190810160405280939291908181526020018383808284375f9201919091525050604080516020601f8b018190048102820181019092528981528b9350915089908990819084018382808284375f9201919091525061018992505050565b98975050505050505050565b5f61013a84848461031d565b949350505050565b606061018283838080601f0160208091040260200160405190810160405280939291908181526020018383808284375f9201919091525061037e92505050565b9392505050565b5f8351610100146101bb5783516040516311b0727960e31b81526004016101b291815260200190565b60405180910390fd5b81516080146101e2578151604051633e89287f60e11b81526004016101b291815260200190565b6101eb8261046c565b806101fa57506101fa8461046c565b1561020657505f610314565b5f61024a600160f81b61021a89898861031d565b6040516001600160f81b03199092166020830152602182015260410160405160208183030381529060405261037e565b90505f5f600f6001600160a01b0316620191f4866040518061012001604052806101008152602001610cca6101009139868b60405160200161028f9493929190610b13565b60408051601f19818403018152908290526102a991610b39565b5f604051808303818686fa925050503d805f81146102e2576040519150601f19603f3d011682016040523d82523d5f602084013e6102e7565b606091505b50915091508180156102fa575080516020145b801561030e575061030a81610b44565b6001145b93505050505b95945050505050565b6040516b7665696c2f7369676e2f763160a01b60208201526001600160c01b031960c085811b8216602c84015284901b166034820152603c81018290525f90605c016040516020818303038152906040528051906020012090509392505050565b60605f61038a836104b7565b90505f61039f61039a835f6107ab565b6108c1565b90505f6103b061039a8460406107ab565b90505f5f600b6001600160a01b031661017785856040516020016103d5929190610b6a565b60408051601f19818403018152908290526103ef91610b39565b5f604051808303818686fa925050503d805f8114610428576040519150601f19603f3d011682016040523d82523d5f602084013e61042d565b606091505b509150915081158061044157508051608014155b15610462576040516375c6821d60e11b8152600b60048201526024016101b2565b9695505050505050565b5f805b82518110156104ae5782818151811061048a5761048a610b78565b01602001516001600160f81b031916156104a657505f92915050565b60010161046f565b50600192915050565b60605f6040518060600160405280602b8152602001610c9f602b91396040518060600160405280602b8152602001610c9f602b9139516040516020016104fe929190610b8c565b60408051808303601f1901815281835260608301825292505f91600291602082018180368337505060405161054092915087906080905f908890602001610bb3565b60408051601f198184030181529082905261055a91610b39565b602060405180830381855afa158015610575573d5f5f3e3d5ffd5b5050506040513d601f19601f820116820180604052508101906105989190610bf9565b90505f6002826001856040516020016105b393929190610c10565b60408051601f19818403018152908290526105cd91610b39565b602060405180830381855afa1580156105e8573d5f5f3e3d5ffd5b5050506040513d601f19601f8201168201806040525081019061060b9190610bf9565b90505f600282841860028660405160200161062893929190610c10565b60408051601f198184030181529082905261064291610b39565b602060405180830381855afa15801561065d573d5f5f3e3d5ffd5b5050506040513d601f19601f820116820180604052508101906106809190610bf9565b90505f600282851860038760405160200161069d93929190610c10565b60408051601f19818403018152908290526106b791610b39565b602060405180830381855afa1580156106d2573d5f5f3e3d5ffd5b5050506040513d601f19601f820116820180604052508101906106f59190610bf9565b90505f600282861860048860405160200161071293929190610c10565b60408051601f198184030181529082905261072c91610b39565b602060405180830381855afa158015610747573d5f5f3e3d5ffd5b5050506040513d601f19601f8201168201806040525081019061076a9190610bf9565b6040805160208101879052908101859052606081018490526080810182905290915060a0016040516020818303038152906040529650505050505050919050565b60605f5f8360208601015191508360408601015190505f5f60056001600160a01b031660406001603087876001604051806060016040528060308152602001610dca603091396040516020016108079796959493929190610c35565b60408051601f198184030181529082905261082191610b39565b5f60405180830381855afa9150503d805f8114610859576040519150601f19603f3d011682016040523d82523d5f602084013e61085e565b606091505b509150915081158061087257508051603014155b15610893576040516375c6821d60e11b8152600560048201526024016101b2565b6040516108a6905f908390602001610c7a565b60405160208183030381529060405294505050505092915050565b60605f5f60106001600160a01b031661157c856040516108e19190610b39565b5f604051808303818686fa925050503d805f811461091a576040519150601f19603f3d011682016040523d82523d5f602084013e61091f565b606091505b509150915081158061093357508051608014155b15610182576040516375c6821d60e11b8152601060048201526024016101b2565b803567ffffffffffffffff8116811461096b575f5ffd5b919050565b5f5f83601f840112610980575f5ffd5b50813567ffffffffffffffff811115610997575f5ffd5b6020830191508360208285010111156109ae575f5ffd5b9250929050565b5f5f5f5f5f5f5f60a0888a0312156109cb575f5ffd5b6109d488610954565b96506109e260208901610954565b9550604088013567ffffffffffffffff8111156109fd575f5ffd5b610a098a828b01610970565b90965094505060608801359250608088013567ffffffffffffffff811115610a2f575f5ffd5b610a3b8a828b01610970565b989b979a50959850939692959293505050565b5f5f5f60608486031215610a60575f5ffd5b610a6984610954565b9250610a7760208501610954565b929592945050506040919091013590565b5f5f60208385031215610a99575f5ffd5b823567ffffffffffffffff811115610aaf575f5ffd5b610abb85828601610970565b90969095509350505050565b602081525f82518060208401528060208501604085015e5f604082850101526040601f19601f83011684010191505092915050565b5f81518060208401855e5f93019283525090919050565b5f610462610b33610b2d610b27858a610afc565b88610afc565b86610afc565b84610afc565b5f6101828284610afc565b80516020808301519190811015610b64575f198160200360031b1b821691505b50919050565b5f61013a610b338386610afc565b634e487b7160e01b5f52603260045260245ffd5b5f610b978285610afc565b60f89390931b6001600160f81b03191683525050600101919050565b5f610bc7610bc18389610afc565b87610afc565b60f086901b6001600160f01b031916815260f885901b6001600160f81b03191660028201526101226003820185610afc565b5f60208284031215610c09575f5ffd5b5051919050565b83815260f883901b6001600160f81b03191660208201525f6103146021830184610afc565b87815286602082015285604082015284606082015283608082015260ff60f81b8360f81b1660a08201525f610c6d60a1830184610afc565b9998505050505050505050565b6fffffffffffffffffffffffffffffffff19831681525f61013a6010830184610afc56fe534855545445525f5630315f424c53313233383147315f584d443a5348412d3235365f535357555f524f5f00000000000000000000000000000000024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bdb80000000000000000000000000000000013e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b7e000000000000000000000000000000000d1b3cc2c7027888be51d9ef691d77bcb679afda66c73f17f9ee3837a55024f78c71363275a75d75d86bab79f74782aa0000000000000000000000000000000013fa4d4a0ad8b1ce186ed5061789213d993923066dddaf1040bc3ff59f825c78df74f2d75467e25e0f55f8a00fa030ed1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaaba2646970667358221220f82d18b104f409ea3c4b8727e6811ede0fb235fa6029848e2d7be4f16979552a64736f6c63430008250033",
}

// CommitteeSigCheckABI is the input ABI used to generate the binding from.
// Deprecated: Use CommitteeSigCheckMetaData.ABI instead.
var CommitteeSigCheckABI = CommitteeSigCheckMetaData.ABI

// CommitteeSigCheckBin is the compiled bytecode used for deploying new contracts.
// Deprecated: Use CommitteeSigCheckMetaData.Bin instead.
var CommitteeSigCheckBin = CommitteeSigCheckMetaData.Bin

// DeployCommitteeSigCheck deploys a new Ethereum contract, binding an instance of CommitteeSigCheck to it.
func DeployCommitteeSigCheck(auth *bind.TransactOpts, backend bind.ContractBackend) (common.Address, *types.Transaction, *CommitteeSigCheck, error) {
	parsed, err := CommitteeSigCheckMetaData.GetAbi()
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	if parsed == nil {
		return common.Address{}, nil, nil, errors.New("GetABI returned nil")
	}

	address, tx, contract, err := bind.DeployContract(auth, *parsed, common.FromHex(CommitteeSigCheckBin), backend)
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	return address, tx, &CommitteeSigCheck{CommitteeSigCheckCaller: CommitteeSigCheckCaller{contract: contract}, CommitteeSigCheckTransactor: CommitteeSigCheckTransactor{contract: contract}, CommitteeSigCheckFilterer: CommitteeSigCheckFilterer{contract: contract}}, nil
}

// CommitteeSigCheck is an auto generated Go binding around an Ethereum contract.
type CommitteeSigCheck struct {
	CommitteeSigCheckCaller     // Read-only binding to the contract
	CommitteeSigCheckTransactor // Write-only binding to the contract
	CommitteeSigCheckFilterer   // Log filterer for contract events
}

// CommitteeSigCheckCaller is an auto generated read-only Go binding around an Ethereum contract.
type CommitteeSigCheckCaller struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// CommitteeSigCheckTransactor is an auto generated write-only Go binding around an Ethereum contract.
type CommitteeSigCheckTransactor struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// CommitteeSigCheckFilterer is an auto generated log filtering Go binding around an Ethereum contract events.
type CommitteeSigCheckFilterer struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// CommitteeSigCheckSession is an auto generated Go binding around an Ethereum contract,
// with pre-set call and transact options.
type CommitteeSigCheckSession struct {
	Contract     *CommitteeSigCheck // Generic contract binding to set the session for
	CallOpts     bind.CallOpts      // Call options to use throughout this session
	TransactOpts bind.TransactOpts  // Transaction auth options to use throughout this session
}

// CommitteeSigCheckCallerSession is an auto generated read-only Go binding around an Ethereum contract,
// with pre-set call options.
type CommitteeSigCheckCallerSession struct {
	Contract *CommitteeSigCheckCaller // Generic contract caller binding to set the session for
	CallOpts bind.CallOpts            // Call options to use throughout this session
}

// CommitteeSigCheckTransactorSession is an auto generated write-only Go binding around an Ethereum contract,
// with pre-set transact options.
type CommitteeSigCheckTransactorSession struct {
	Contract     *CommitteeSigCheckTransactor // Generic contract transactor binding to set the session for
	TransactOpts bind.TransactOpts            // Transaction auth options to use throughout this session
}

// CommitteeSigCheckRaw is an auto generated low-level Go binding around an Ethereum contract.
type CommitteeSigCheckRaw struct {
	Contract *CommitteeSigCheck // Generic contract binding to access the raw methods on
}

// CommitteeSigCheckCallerRaw is an auto generated low-level read-only Go binding around an Ethereum contract.
type CommitteeSigCheckCallerRaw struct {
	Contract *CommitteeSigCheckCaller // Generic read-only contract binding to access the raw methods on
}

// CommitteeSigCheckTransactorRaw is an auto generated low-level write-only Go binding around an Ethereum contract.
type CommitteeSigCheckTransactorRaw struct {
	Contract *CommitteeSigCheckTransactor // Generic write-only contract binding to access the raw methods on
}

// NewCommitteeSigCheck creates a new instance of CommitteeSigCheck, bound to a specific deployed contract.
func NewCommitteeSigCheck(address common.Address, backend bind.ContractBackend) (*CommitteeSigCheck, error) {
	contract, err := bindCommitteeSigCheck(address, backend, backend, backend)
	if err != nil {
		return nil, err
	}
	return &CommitteeSigCheck{CommitteeSigCheckCaller: CommitteeSigCheckCaller{contract: contract}, CommitteeSigCheckTransactor: CommitteeSigCheckTransactor{contract: contract}, CommitteeSigCheckFilterer: CommitteeSigCheckFilterer{contract: contract}}, nil
}

// NewCommitteeSigCheckCaller creates a new read-only instance of CommitteeSigCheck, bound to a specific deployed contract.
func NewCommitteeSigCheckCaller(address common.Address, caller bind.ContractCaller) (*CommitteeSigCheckCaller, error) {
	contract, err := bindCommitteeSigCheck(address, caller, nil, nil)
	if err != nil {
		return nil, err
	}
	return &CommitteeSigCheckCaller{contract: contract}, nil
}

// NewCommitteeSigCheckTransactor creates a new write-only instance of CommitteeSigCheck, bound to a specific deployed contract.
func NewCommitteeSigCheckTransactor(address common.Address, transactor bind.ContractTransactor) (*CommitteeSigCheckTransactor, error) {
	contract, err := bindCommitteeSigCheck(address, nil, transactor, nil)
	if err != nil {
		return nil, err
	}
	return &CommitteeSigCheckTransactor{contract: contract}, nil
}

// NewCommitteeSigCheckFilterer creates a new log filterer instance of CommitteeSigCheck, bound to a specific deployed contract.
func NewCommitteeSigCheckFilterer(address common.Address, filterer bind.ContractFilterer) (*CommitteeSigCheckFilterer, error) {
	contract, err := bindCommitteeSigCheck(address, nil, nil, filterer)
	if err != nil {
		return nil, err
	}
	return &CommitteeSigCheckFilterer{contract: contract}, nil
}

// bindCommitteeSigCheck binds a generic wrapper to an already deployed contract.
func bindCommitteeSigCheck(address common.Address, caller bind.ContractCaller, transactor bind.ContractTransactor, filterer bind.ContractFilterer) (*bind.BoundContract, error) {
	parsed, err := CommitteeSigCheckMetaData.GetAbi()
	if err != nil {
		return nil, err
	}
	return bind.NewBoundContract(address, *parsed, caller, transactor, filterer), nil
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_CommitteeSigCheck *CommitteeSigCheckRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _CommitteeSigCheck.Contract.CommitteeSigCheckCaller.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_CommitteeSigCheck *CommitteeSigCheckRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _CommitteeSigCheck.Contract.CommitteeSigCheckTransactor.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_CommitteeSigCheck *CommitteeSigCheckRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _CommitteeSigCheck.Contract.CommitteeSigCheckTransactor.contract.Transact(opts, method, params...)
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_CommitteeSigCheck *CommitteeSigCheckCallerRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _CommitteeSigCheck.Contract.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_CommitteeSigCheck *CommitteeSigCheckTransactorRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _CommitteeSigCheck.Contract.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_CommitteeSigCheck *CommitteeSigCheckTransactorRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _CommitteeSigCheck.Contract.contract.Transact(opts, method, params...)
}

// HashToG1 is a free data retrieval call binding the contract method 0xf1718662.
//
// Solidity: function hashToG1(bytes message) view returns(bytes)
func (_CommitteeSigCheck *CommitteeSigCheckCaller) HashToG1(opts *bind.CallOpts, message []byte) ([]byte, error) {
	var out []interface{}
	err := _CommitteeSigCheck.contract.Call(opts, &out, "hashToG1", message)

	if err != nil {
		return *new([]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([]byte)).(*[]byte)

	return out0, err

}

// HashToG1 is a free data retrieval call binding the contract method 0xf1718662.
//
// Solidity: function hashToG1(bytes message) view returns(bytes)
func (_CommitteeSigCheck *CommitteeSigCheckSession) HashToG1(message []byte) ([]byte, error) {
	return _CommitteeSigCheck.Contract.HashToG1(&_CommitteeSigCheck.CallOpts, message)
}

// HashToG1 is a free data retrieval call binding the contract method 0xf1718662.
//
// Solidity: function hashToG1(bytes message) view returns(bytes)
func (_CommitteeSigCheck *CommitteeSigCheckCallerSession) HashToG1(message []byte) ([]byte, error) {
	return _CommitteeSigCheck.Contract.HashToG1(&_CommitteeSigCheck.CallOpts, message)
}

// SigningIdentity is a free data retrieval call binding the contract method 0x834c465f.
//
// Solidity: function signingIdentity(uint64 chainId, uint64 eon, bytes32 m) pure returns(bytes32)
func (_CommitteeSigCheck *CommitteeSigCheckCaller) SigningIdentity(opts *bind.CallOpts, chainId uint64, eon uint64, m [32]byte) ([32]byte, error) {
	var out []interface{}
	err := _CommitteeSigCheck.contract.Call(opts, &out, "signingIdentity", chainId, eon, m)

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// SigningIdentity is a free data retrieval call binding the contract method 0x834c465f.
//
// Solidity: function signingIdentity(uint64 chainId, uint64 eon, bytes32 m) pure returns(bytes32)
func (_CommitteeSigCheck *CommitteeSigCheckSession) SigningIdentity(chainId uint64, eon uint64, m [32]byte) ([32]byte, error) {
	return _CommitteeSigCheck.Contract.SigningIdentity(&_CommitteeSigCheck.CallOpts, chainId, eon, m)
}

// SigningIdentity is a free data retrieval call binding the contract method 0x834c465f.
//
// Solidity: function signingIdentity(uint64 chainId, uint64 eon, bytes32 m) pure returns(bytes32)
func (_CommitteeSigCheck *CommitteeSigCheckCallerSession) SigningIdentity(chainId uint64, eon uint64, m [32]byte) ([32]byte, error) {
	return _CommitteeSigCheck.Contract.SigningIdentity(&_CommitteeSigCheck.CallOpts, chainId, eon, m)
}

// Verify is a free data retrieval call binding the contract method 0x3aca3c59.
//
// Solidity: function verify(uint64 chainId, uint64 eon, bytes eonKey, bytes32 m, bytes sigma) view returns(bool)
func (_CommitteeSigCheck *CommitteeSigCheckCaller) Verify(opts *bind.CallOpts, chainId uint64, eon uint64, eonKey []byte, m [32]byte, sigma []byte) (bool, error) {
	var out []interface{}
	err := _CommitteeSigCheck.contract.Call(opts, &out, "verify", chainId, eon, eonKey, m, sigma)

	if err != nil {
		return *new(bool), err
	}

	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)

	return out0, err

}

// Verify is a free data retrieval call binding the contract method 0x3aca3c59.
//
// Solidity: function verify(uint64 chainId, uint64 eon, bytes eonKey, bytes32 m, bytes sigma) view returns(bool)
func (_CommitteeSigCheck *CommitteeSigCheckSession) Verify(chainId uint64, eon uint64, eonKey []byte, m [32]byte, sigma []byte) (bool, error) {
	return _CommitteeSigCheck.Contract.Verify(&_CommitteeSigCheck.CallOpts, chainId, eon, eonKey, m, sigma)
}

// Verify is a free data retrieval call binding the contract method 0x3aca3c59.
//
// Solidity: function verify(uint64 chainId, uint64 eon, bytes eonKey, bytes32 m, bytes sigma) view returns(bool)
func (_CommitteeSigCheck *CommitteeSigCheckCallerSession) Verify(chainId uint64, eon uint64, eonKey []byte, m [32]byte, sigma []byte) (bool, error) {
	return _CommitteeSigCheck.Contract.Verify(&_CommitteeSigCheck.CallOpts, chainId, eon, eonKey, m, sigma)
}
