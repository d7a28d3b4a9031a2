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

// LibCheckMetaData contains all meta data concerning the LibCheck contract.
var LibCheckMetaData = &bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"}],\"name\":\"BadEonKeyLength\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"}],\"name\":\"BadSignatureLength\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"precompile\",\"type\":\"address\"}],\"name\":\"PrecompileFailed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"message\",\"type\":\"bytes\"}],\"name\":\"hashToG1\",\"outputs\":[{\"internalType\":\"bytes\",\"name\":\"\",\"type\":\"bytes\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"chainId\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"eon\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"m\",\"type\":\"bytes32\"}],\"name\":\"signingIdentity\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"chainId\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"eon\",\"type\":\"uint64\"},{\"internalType\":\"bytes\",\"name\":\"eonKey\",\"type\":\"bytes\"},{\"internalType\":\"bytes32\",\"name\":\"m\",\"type\":\"bytes32\"},{\"internalType\":\"bytes\",\"name\":\"sigma\",\"type\":\"bytes\"}],\"name\":\"verify\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"},{\"internalType\":\"bytes\",\"name\":\"item\",\"type\":\"bytes\"},{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"size\",\"type\":\"uint256\"},{\"internalType\":\"bytes32[]\",\"name\":\"path\",\"type\":\"bytes32[]\"}],\"name\":\"verifyMerkle\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"pure\",\"type\":\"function\"}]",
	Bin: "0x6080604052348015600e575f5ffd5b506111678061001c5f395ff3fe608060405234801561000f575f5ffd5b506004361061004a575f3560e01c80633aca3c591461004e5780634ce3870514610076578063834c465f14610089578063f1718662146100aa575b5f5ffd5b61006161005c366004610bf6565b6100ca565b60405190151581526020015b60405180910390f35b610061610084366004610c8f565b61014c565b61009c610097366004610d4c565b6101c9565b60405190815260200161006d565b6100bd6100b8366004610d86565b6101dd565b60405161006d9190610dc5565b5f610140888888888080601f0160208091040260200160405190810160405280939291908181526020018383808284375f9201919091525050604080516020601f8b018190048102820181019092528981528b9350915089908990819084018382808284375f9201919091525061022692505050565b98975050505050505050565b5f6101408861018f89898080601f0160208091040260200160405190810160405280939291908181526020018383808284375f920191909152506103ba92505050565b87878787808060200260200160405190810160405280939291908181526020018383602002808284375f920191909152506103ec92505050565b5f6101d584848461056b565b949350505050565b606061021d83838080601f0160208091040260200160405190810160405280939291908181526020018383808284375f920191909152506105cc92505050565b90505b92915050565b5f8351610100146102585783516040516311b0727960e31b815260040161024f91815260200190565b60405180910390fd5b815160801461027f578151604051633e89287f60e11b815260040161024f91815260200190565b610288826106ba565b806102975750610297846106ba565b156102a357505f6103b1565b5f6102e7600160f81b6102b789898861056b565b6040516001600160f81b0319909216602083015260218201526041016040516020818303038152906040526105cc565b90505f5f600f6001600160a01b0316620191f48660405180610120016040528061010081526020016110026101009139868b60405160200161032c9493929190610e11565b60408051601f198184030181529082905261034691610e37565b5f604051808303818686fa925050503d805f811461037f576040519150601f19603f3d011682016040523d82523d5f602084013e610384565b606091505b5091509150818015610397575080516020145b80156103ab57506103a781610e42565b6001145b93505050505b95945050505050565b6040515f906103cf9082908490602001610e68565b604051602081830303815290604052805190602001209050919050565b5f8284106103fb57505f6103b1565b835f610408600186610e83565b9050865f5b855181101561055357825f03610429575f9450505050506103b1565b836001166001148061043a57508284145b156104db57600160f81b86828151811061045657610456610ea2565b60200260200101518360405160200161048e939291906001600160f81b03199390931683526001830191909152602182015260410190565b604051602081830303815290604052805190602001209150836001165f036104d6575b600184161580156104c157508315155b156104d657600193841c939290921c916104b1565b610543565b600160f81b828783815181106104f3576104f3610ea2565b602002602001015160405160200161052a939291906001600160f81b03199390931683526001830191909152602182015260410190565b6040516020818303038152906040528051906020012091505b600193841c9392831c920161040d565b50811580156103ab5750909714979650505050505050565b6040516b7665696c2f7369676e2f763160a01b60208201526001600160c01b031960c085811b8216602c84015284901b166034820152603c81018290525f90605c016040516020818303038152906040528051906020012090509392505050565b60605f6105d8836106f1565b90505f6105ed6105e8835f6109e5565b610afb565b90505f6105fe6105e88460406109e5565b90505f5f600b6001600160a01b03166101778585604051602001610623929190610eb6565b60408051601f198184030181529082905261063d91610e37565b5f604051808303818686fa925050503d805f8114610676576040519150601f19603f3d011682016040523d82523d5f602084013e61067b565b606091505b509150915081158061068f57508051608014155b156106b0576040516375c6821d60e11b8152600b600482015260240161024f565b9695505050505050565b5f6001905060208201825181015b808210156106ea578151156106df575f92506106ea565b6020820191506106c8565b5050919050565b60605f6040518060600160405280602b8152602001610fd7602b91396040518060600160405280602b8152602001610fd7602b913951604051602001610738929190610ec4565b60408051808303601f1901815281835260608301825292505f91600291602082018180368337505060405161077a92915087906080905f908890602001610eeb565b60408051601f198184030181529082905261079491610e37565b602060405180830381855afa1580156107af573d5f5f3e3d5ffd5b5050506040513d601f19601f820116820180604052508101906107d29190610f31565b90505f6002826001856040516020016107ed93929190610f48565b60408051601f198184030181529082905261080791610e37565b602060405180830381855afa158015610822573d5f5f3e3d5ffd5b5050506040513d601f19601f820116820180604052508101906108459190610f31565b90505f600282841860028660405160200161086293929190610f48565b60408051601f198184030181529082905261087c91610e37565b602060405180830381855afa158015610897573d5f5f3e3d5ffd5b5050506040513d601f19601f820116820180604052508101906108ba9190610f31565b90505f60028285186003876040516020016108d793929190610f48565b60408051601f19818403018152908290526108f191610e37565b602060405180830381855afa15801561090c573d5f5f3e3d5ffd5b5050506040513d601f19601f8201168201806040525081019061092f9190610f31565b90505f600282861860048860405160200161094c93929190610f48565b60408051601f198184030181529082905261096691610e37565b602060405180830381855afa158015610981573d5f5f3e3d5ffd5b5050506040513d601f19601f820116820180604052508101906109a49190610f31565b6040805160208101879052908101859052606081018490526080810182905290915060a0016040516020818303038152906040529650505050505050919050565b60605f5f8360208601015191508360408601015190505f5f60056001600160a01b03166040600160308787600160405180606001604052806030815260200161110260309139604051602001610a419796959493929190610f6d565b60408051601f1981840301815290829052610a5b91610e37565b5f60405180830381855afa9150503d805f8114610a93576040519150601f19603f3d011682016040523d82523d5f602084013e610a98565b606091505b5091509150811580610aac57508051603014155b15610acd576040516375c6821d60e11b81526005600482015260240161024f565b604051610ae0905f908390602001610fb2565b60405160208183030381529060405294505050505092915050565b60605f5f60106001600160a01b031661157c85604051610b1b9190610e37565b5f604051808303818686fa925050503d805f8114610b54576040519150601f19603f3d011682016040523d82523d5f602084013e610b59565b606091505b5091509150811580610b6d57508051608014155b15610b8e576040516375c6821d60e11b81526010600482015260240161024f565b9392505050565b803567ffffffffffffffff81168114610bac575f5ffd5b919050565b5f5f83601f840112610bc1575f5ffd5b50813567ffffffffffffffff811115610bd8575f5ffd5b602083019150836020828501011115610bef575f5ffd5b9250929050565b5f5f5f5f5f5f5f60a0888a031215610c0c575f5ffd5b610c1588610b95565b9650610c2360208901610b95565b9550604088013567ffffffffffffffff811115610c3e575f5ffd5b610c4a8a828b01610bb1565b90965094505060608801359250608088013567ffffffffffffffff811115610c70575f5ffd5b610c7c8a828b01610bb1565b989b979a50959850939692959293505050565b5f5f5f5f5f5f5f60a0888a031215610ca5575f5ffd5b87359650602088013567ffffffffffffffff811115610cc2575f5ffd5b610cce8a828b01610bb1565b9097509550506040880135935060608801359250608088013567ffffffffffffffff811115610cfb575f5ffd5b8801601f81018a13610d0b575f5ffd5b803567ffffffffffffffff811115610d21575f5ffd5b8a60208260051b8401011115610d35575f5ffd5b602082019350809250505092959891949750929550565b5f5f5f60608486031215610d5e575f5ffd5b610d6784610b95565b9250610d7560208501610b95565b929592945050506040919091013590565b5f5f60208385031215610d97575f5ffd5b823567ffffffffffffffff811115610dad575f5ffd5b610db985828601610bb1565b90969095509350505050565b602081525f82518060208401528060208501604085015e5f604082850101526040601f19601f83011684010191505092915050565b5f81518060208401855e5f93019283525090919050565b5f6106b0610e31610e2b610e25858a610dfa565b88610dfa565b86610dfa565b84610dfa565b5f61021d8284610dfa565b80516020808301519190811015610e62575f198160200360031b1b821691505b50919050565b6001600160f81b0319831681525f6101d56001830184610dfa565b8181038181111561022057634e487b7160e01b5f52601160045260245ffd5b634e487b7160e01b5f52603260045260245ffd5b5f6101d5610e318386610dfa565b5f610ecf8285610dfa565b60f89390931b6001600160f81b03191683525050600101919050565b5f610eff610ef98389610dfa565b87610dfa565b60f086901b6001600160f01b031916815260f885901b6001600160f81b03191660028201526101406003820185610dfa565b5f60208284031215610f41575f5ffd5b5051919050565b83815260f883901b6001600160f81b03191660208201525f6103b16021830184610dfa565b87815286602082015285604082015284606082015283608082015260ff60f81b8360f81b1660a08201525f610fa560a1830184610dfa565b9998505050505050505050565b6fffffffffffffffffffffffffffffffff19831681525f6101d56010830184610dfa56fe534855545445525f5630315f424c53313233383147315f584d443a5348412d3235365f535357555f524f5f00000000000000000000000000000000024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bdb80000000000000000000000000000000013e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b7e000000000000000000000000000000000d1b3cc2c7027888be51d9ef691d77bcb679afda66c73f17f9ee3837a55024f78c71363275a75d75d86bab79f74782aa0000000000000000000000000000000013fa4d4a0ad8b1ce186ed5061789213d993923066dddaf1040bc3ff59f825c78df74f2d75467e25e0f55f8a00fa030ed1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaaba2646970667358221220e0ef11d606b5c97e02c075e977835afe54d1d3052ede6cda187db3d2e42e60f964736f6c63430008250033",
}

// LibCheckABI is the input ABI used to generate the binding from.
// Deprecated: Use LibCheckMetaData.ABI instead.
var LibCheckABI = LibCheckMetaData.ABI

// LibCheckBin is the compiled bytecode used for deploying new contracts.
// Deprecated: Use LibCheckMetaData.Bin instead.
var LibCheckBin = LibCheckMetaData.Bin

// DeployLibCheck deploys a new Ethereum contract, binding an instance of LibCheck to it.
func DeployLibCheck(auth *bind.TransactOpts, backend bind.ContractBackend) (common.Address, *types.Transaction, *LibCheck, error) {
	parsed, err := LibCheckMetaData.GetAbi()
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	if parsed == nil {
		return common.Address{}, nil, nil, errors.New("GetABI returned nil")
	}

	address, tx, contract, err := bind.DeployContract(auth, *parsed, common.FromHex(LibCheckBin), backend)
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	return address, tx, &LibCheck{LibCheckCaller: LibCheckCaller{contract: contract}, LibCheckTransactor: LibCheckTransactor{contract: contract}, LibCheckFilterer: LibCheckFilterer{contract: contract}}, nil
}

// LibCheck is an auto generated Go binding around an Ethereum contract.
type LibCheck struct {
	LibCheckCaller     // Read-only binding to the contract
	LibCheckTransactor // Write-only binding to the contract
	LibCheckFilterer   // Log filterer for contract events
}

// LibCheckCaller is an auto generated read-only Go binding around an Ethereum contract.
type LibCheckCaller struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// LibCheckTransactor is an auto generated write-only Go binding around an Ethereum contract.
type LibCheckTransactor struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// LibCheckFilterer is an auto generated log filtering Go binding around an Ethereum contract events.
type LibCheckFilterer struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// LibCheckSession is an auto generated Go binding around an Ethereum contract,
// with pre-set call and transact options.
type LibCheckSession struct {
	Contract     *LibCheck         // Generic contract binding to set the session for
	CallOpts     bind.CallOpts     // Call options to use throughout this session
	TransactOpts bind.TransactOpts // Transaction auth options to use throughout this session
}

// LibCheckCallerSession is an auto generated read-only Go binding around an Ethereum contract,
// with pre-set call options.
type LibCheckCallerSession struct {
	Contract *LibCheckCaller // Generic contract caller binding to set the session for
	CallOpts bind.CallOpts   // Call options to use throughout this session
}

// LibCheckTransactorSession is an auto generated write-only Go binding around an Ethereum contract,
// with pre-set transact options.
type LibCheckTransactorSession struct {
	Contract     *LibCheckTransactor // Generic contract transactor binding to set the session for
	TransactOpts bind.TransactOpts   // Transaction auth options to use throughout this session
}

// LibCheckRaw is an auto generated low-level Go binding around an Ethereum contract.
type LibCheckRaw struct {
	Contract *LibCheck // Generic contract binding to access the raw methods on
}

// LibCheckCallerRaw is an auto generated low-level read-only Go binding around an Ethereum contract.
type LibCheckCallerRaw struct {
	Contract *LibCheckCaller // Generic read-only contract binding to access the raw methods on
}

// LibCheckTransactorRaw is an auto generated low-level write-only Go binding around an Ethereum contract.
type LibCheckTransactorRaw struct {
	Contract *LibCheckTransactor // Generic write-only contract binding to access the raw methods on
}

// NewLibCheck creates a new instance of LibCheck, bound to a specific deployed contract.
func NewLibCheck(address common.Address, backend bind.ContractBackend) (*LibCheck, error) {
	contract, err := bindLibCheck(address, backend, backend, backend)
	if err != nil {
		return nil, err
	}
	return &LibCheck{LibCheckCaller: LibCheckCaller{contract: contract}, LibCheckTransactor: LibCheckTransactor{contract: contract}, LibCheckFilterer: LibCheckFilterer{contract: contract}}, nil
}

// NewLibCheckCaller creates a new read-only instance of LibCheck, bound to a specific deployed contract.
func NewLibCheckCaller(address common.Address, caller bind.ContractCaller) (*LibCheckCaller, error) {
	contract, err := bindLibCheck(address, caller, nil, nil)
	if err != nil {
		return nil, err
	}
	return &LibCheckCaller{contract: contract}, nil
}

// NewLibCheckTransactor creates a new write-only instance of LibCheck, bound to a specific deployed contract.
func NewLibCheckTransactor(address common.Address, transactor bind.ContractTransactor) (*LibCheckTransactor, error) {
	contract, err := bindLibCheck(address, nil, transactor, nil)
	if err != nil {
		return nil, err
	}
	return &LibCheckTransactor{contract: contract}, nil
}

// NewLibCheckFilterer creates a new log filterer instance of LibCheck, bound to a specific deployed contract.
func NewLibCheckFilterer(address common.Address, filterer bind.ContractFilterer) (*LibCheckFilterer, error) {
	contract, err := bindLibCheck(address, nil, nil, filterer)
	if err != nil {
		return nil, err
	}
	return &LibCheckFilterer{contract: contract}, nil
}

// bindLibCheck binds a generic wrapper to an already deployed contract.
func bindLibCheck(address common.Address, caller bind.ContractCaller, transactor bind.ContractTransactor, filterer bind.ContractFilterer) (*bind.BoundContract, error) {
	parsed, err := LibCheckMetaData.GetAbi()
	if err != nil {
		return nil, err
	}
	return bind.NewBoundContract(address, *parsed, caller, transactor, filterer), nil
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_LibCheck *LibCheckRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _LibCheck.Contract.LibCheckCaller.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_LibCheck *LibCheckRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _LibCheck.Contract.LibCheckTransactor.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_LibCheck *LibCheckRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _LibCheck.Contract.LibCheckTransactor.contract.Transact(opts, method, params...)
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_LibCheck *LibCheckCallerRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _LibCheck.Contract.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_LibCheck *LibCheckTransactorRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _LibCheck.Contract.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_LibCheck *LibCheckTransactorRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _LibCheck.Contract.contract.Transact(opts, method, params...)
}

// HashToG1 is a free data retrieval call binding the contract method 0xf1718662.
//
// Solidity: function hashToG1(bytes message) view returns(bytes)
func (_LibCheck *LibCheckCaller) HashToG1(opts *bind.CallOpts, message []byte) ([]byte, error) {
	var out []interface{}
	err := _LibCheck.contract.Call(opts, &out, "hashToG1", message)

	if err != nil {
		return *new([]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([]byte)).(*[]byte)

	return out0, err

}

// HashToG1 is a free data retrieval call binding the contract method 0xf1718662.
//
// Solidity: function hashToG1(bytes message) view returns(bytes)
func (_LibCheck *LibCheckSession) HashToG1(message []byte) ([]byte, error) {
	return _LibCheck.Contract.HashToG1(&_LibCheck.CallOpts, message)
}

// HashToG1 is a free data retrieval call binding the contract method 0xf1718662.
//
// Solidity: function hashToG1(bytes message) view returns(bytes)
func (_LibCheck *LibCheckCallerSession) HashToG1(message []byte) ([]byte, error) {
	return _LibCheck.Contract.HashToG1(&_LibCheck.CallOpts, message)
}

// SigningIdentity is a free data retrieval call binding the contract method 0x834c465f.
//
// Solidity: function signingIdentity(uint64 chainId, uint64 eon, bytes32 m) pure returns(bytes32)
func (_LibCheck *LibCheckCaller) SigningIdentity(opts *bind.CallOpts, chainId uint64, eon uint64, m [32]byte) ([32]byte, error) {
	var out []interface{}
	err := _LibCheck.contract.Call(opts, &out, "signingIdentity", chainId, eon, m)

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// SigningIdentity is a free data retrieval call binding the contract method 0x834c465f.
//
// Solidity: function signingIdentity(uint64 chainId, uint64 eon, bytes32 m) pure returns(bytes32)
func (_LibCheck *LibCheckSession) SigningIdentity(chainId uint64, eon uint64, m [32]byte) ([32]byte, error) {
	return _LibCheck.Contract.SigningIdentity(&_LibCheck.CallOpts, chainId, eon, m)
}

// SigningIdentity is a free data retrieval call binding the contract method 0x834c465f.
//
// Solidity: function signingIdentity(uint64 chainId, uint64 eon, bytes32 m) pure returns(bytes32)
func (_LibCheck *LibCheckCallerSession) SigningIdentity(chainId uint64, eon uint64, m [32]byte) ([32]byte, error) {
	return _LibCheck.Contract.SigningIdentity(&_LibCheck.CallOpts, chainId, eon, m)
}

// Verify is a free data retrieval call binding the contract method 0x3aca3c59.
//
// Solidity: function verify(uint64 chainId, uint64 eon, bytes eonKey, bytes32 m, bytes sigma) view returns(bool)
func (_LibCheck *LibCheckCaller) Verify(opts *bind.CallOpts, chainId uint64, eon uint64, eonKey []byte, m [32]byte, sigma []byte) (bool, error) {
	var out []interface{}
	err := _LibCheck.contract.Call(opts, &out, "verify", chainId, eon, eonKey, m, sigma)

	if err != nil {
		return *new(bool), err
	}

	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)

	return out0, err

}

// Verify is a free data retrieval call binding the contract method 0x3aca3c59.
//
// Solidity: function verify(uint64 chainId, uint64 eon, bytes eonKey, bytes32 m, bytes sigma) view returns(bool)
func (_LibCheck *LibCheckSession) Verify(chainId uint64, eon uint64, eonKey []byte, m [32]byte, sigma []byte) (bool, error) {
	return _LibCheck.Contract.Verify(&_LibCheck.CallOpts, chainId, eon, eonKey, m, sigma)
}

// Verify is a free data retrieval call binding the contract method 0x3aca3c59.
//
// Solidity: function verify(uint64 chainId, uint64 eon, bytes eonKey, bytes32 m, bytes sigma) view returns(bool)
func (_LibCheck *LibCheckCallerSession) Verify(chainId uint64, eon uint64, eonKey []byte, m [32]byte, sigma []byte) (bool, error) {
	return _LibCheck.Contract.Verify(&_LibCheck.CallOpts, chainId, eon, eonKey, m, sigma)
}

// VerifyMerkle is a free data retrieval call binding the contract method 0x4ce38705.
//
// Solidity: function verifyMerkle(bytes32 root, bytes item, uint256 index, uint256 size, bytes32[] path) pure returns(bool)
func (_LibCheck *LibCheckCaller) VerifyMerkle(opts *bind.CallOpts, root [32]byte, item []byte, index *big.Int, size *big.Int, path [][32]byte) (bool, error) {
	var out []interface{}
	err := _LibCheck.contract.Call(opts, &out, "verifyMerkle", root, item, index, size, path)

	if err != nil {
		return *new(bool), err
	}

	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)

	return out0, err

}

// VerifyMerkle is a free data retrieval call binding the contract method 0x4ce38705.
//
// Solidity: function verifyMerkle(bytes32 root, bytes item, uint256 index, uint256 size, bytes32[] path) pure returns(bool)
func (_LibCheck *LibCheckSession) VerifyMerkle(root [32]byte, item []byte, index *big.Int, size *big.Int, path [][32]byte) (bool, error) {
	return _LibCheck.Contract.VerifyMerkle(&_LibCheck.CallOpts, root, item, index, size, path)
}

// VerifyMerkle is a free data retrieval call binding the contract method 0x4ce38705.
//
// Solidity: function verifyMerkle(bytes32 root, bytes item, uint256 index, uint256 size, bytes32[] path) pure returns(bool)
func (_LibCheck *LibCheckCallerSession) VerifyMerkle(root [32]byte, item []byte, index *big.Int, size *big.Int, path [][32]byte) (bool, error) {
	return _LibCheck.Contract.VerifyMerkle(&_LibCheck.CallOpts, root, item, index, size, path)
}
