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

// DepositVaultWithdrawal is an auto generated low-level Go binding around an user-defined struct.
type DepositVaultWithdrawal struct {
	Account       common.Address
	Recipient     common.Address
	Amount        *big.Int
	WithdrawNonce uint64
}

// ForcedInclusionQueueConfig is an auto generated low-level Go binding around an user-defined struct.
type ForcedInclusionQueueConfig struct {
	MinFeePerGas *big.Int
	ForcedGas    uint64
	TargetGas    uint64
	MaxItemBytes uint32
}

// SequencerRegistryConfig is an auto generated low-level Go binding around an user-defined struct.
type SequencerRegistryConfig struct {
	ChainId    uint64
	Salt       [32]byte
	MinStake   *big.Int
	ExitDelay  uint64
	Inbox      common.Address
	GenesisEon uint64
	GenesisKey []byte
}

// StatementsBatch is an auto generated low-level Go binding around an user-defined struct.
type StatementsBatch struct {
	ChainId         uint64
	Eon             uint64
	Index           uint64
	FirstSlot       uint64
	LastSlot        uint64
	Parent          [32]byte
	RecordsRoot     [32]byte
	DataHash        [32]byte
	WithdrawalsRoot [32]byte
	ForcedUpTo      uint64
	L1Applied       uint64
	AppHash         [32]byte
}

// StatementsMember is an auto generated low-level Go binding around an user-defined struct.
type StatementsMember struct {
	Keyper      common.Address
	CometPubKey [32]byte
	PublicShare []byte
}

// BatchInboxMetaData contains all meta data concerning the BatchInbox contract.
var BatchInboxMetaData = &bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"contractIEonKeys\",\"name\":\"registry_\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"firstSlot\",\"type\":\"uint64\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"frozenFrom\",\"type\":\"uint64\"}],\"name\":\"AlreadyFrozen\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"}],\"name\":\"BadEonKeyLength\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"eon\",\"type\":\"uint64\"}],\"name\":\"BadSignature\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"}],\"name\":\"BadSignatureLength\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"firstSlot\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"lastSlot\",\"type\":\"uint64\"}],\"name\":\"BadSlotRange\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"eon\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"inCharge\",\"type\":\"uint64\"}],\"name\":\"EonRetired\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NoBlobs\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"index\",\"type\":\"uint64\"}],\"name\":\"NotTaken\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"precompile\",\"type\":\"address\"}],\"name\":\"PrecompileFailed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"index\",\"type\":\"uint64\"}],\"name\":\"SameHeader\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"eon\",\"type\":\"uint64\"}],\"name\":\"UnknownEon\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"chainId\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"want\",\"type\":\"uint64\"}],\"name\":\"WrongChainId\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"dataHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"blobs\",\"type\":\"bytes32\"}],\"name\":\"WrongDataHash\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"firstSlot\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"want\",\"type\":\"uint64\"}],\"name\":\"WrongFirstSlot\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"index\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"want\",\"type\":\"uint64\"}],\"name\":\"WrongIndex\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"parent\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"want\",\"type\":\"bytes32\"}],\"name\":\"WrongParent\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroAddress\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"index\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"eon\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"headerHash\",\"type\":\"bytes32\"},{\"components\":[{\"internalType\":\"uint64\",\"name\":\"chainId\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"eon\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"index\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"firstSlot\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"lastSlot\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"parent\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"recordsRoot\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"dataHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"withdrawalsRoot\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"forcedUpTo\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"l1Applied\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"appHash\",\"type\":\"bytes32\"}],\"indexed\":false,\"internalType\":\"structStatements.Batch\",\"name\":\"header\",\"type\":\"tuple\"}],\"name\":\"BatchAccepted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"address\",\"name\":\"registry\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"chainId\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"firstSlot\",\"type\":\"uint64\"}],\"name\":\"Configured\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"eon\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"previous\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"since\",\"type\":\"uint64\"}],\"name\":\"EonInCharge\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"index\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"eon\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"headerHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"acceptedHash\",\"type\":\"bytes32\"}],\"name\":\"Equivocation\",\"type\":\"event\"},{\"inputs\":[{\"components\":[{\"internalType\":\"uint64\",\"name\":\"chainId\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"eon\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"index\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"firstSlot\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"lastSlot\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"parent\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"recordsRoot\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"dataHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"withdrawalsRoot\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"forcedUpTo\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"l1Applied\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"appHash\",\"type\":\"bytes32\"}],\"internalType\":\"structStatements.Batch\",\"name\":\"header\",\"type\":\"tuple\"}],\"name\":\"acceptedAt\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"index\",\"type\":\"uint64\"}],\"name\":\"batch\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"hash\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"acceptedTime\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"chainId\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"domainSeparator\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"eonInCharge\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"frozenFrom\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"components\":[{\"internalType\":\"uint64\",\"name\":\"chainId\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"eon\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"index\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"firstSlot\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"lastSlot\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"parent\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"recordsRoot\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"dataHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"withdrawalsRoot\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"forcedUpTo\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"l1Applied\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"appHash\",\"type\":\"bytes32\"}],\"internalType\":\"structStatements.Batch\",\"name\":\"header\",\"type\":\"tuple\"}],\"name\":\"headerHash\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"lastHeaderHash\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"nextFirstSlot\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"nextIndex\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"components\":[{\"internalType\":\"uint64\",\"name\":\"chainId\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"eon\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"index\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"firstSlot\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"lastSlot\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"parent\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"recordsRoot\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"dataHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"withdrawalsRoot\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"forcedUpTo\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"l1Applied\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"appHash\",\"type\":\"bytes32\"}],\"internalType\":\"structStatements.Batch\",\"name\":\"header\",\"type\":\"tuple\"},{\"internalType\":\"bytes\",\"name\":\"sigma\",\"type\":\"bytes\"}],\"name\":\"proveEquivocation\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"registry\",\"outputs\":[{\"internalType\":\"contractIEonKeys\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"eon\",\"type\":\"uint64\"}],\"name\":\"retiredAt\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"since\",\"type\":\"uint64\"},{\"internalType\":\"bool\",\"name\":\"retired\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"components\":[{\"internalType\":\"uint64\",\"name\":\"chainId\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"eon\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"index\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"firstSlot\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"lastSlot\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"parent\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"recordsRoot\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"dataHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"withdrawalsRoot\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"forcedUpTo\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"l1Applied\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"appHash\",\"type\":\"bytes32\"}],\"internalType\":\"structStatements.Batch\",\"name\":\"header\",\"type\":\"tuple\"},{\"internalType\":\"bytes\",\"name\":\"sigma\",\"type\":\"bytes\"}],\"name\":\"submit\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	Bin: "0x608060405260048054600160401b600160801b0319166fffffffffffffffff0000000000000000179055348015610034575f5ffd5b5060405161210138038061210183398101604081905261005391610350565b6001600160a01b03821661007a5760405163d92e233d60e01b815260040160405180910390fd5b5f80546001600160a01b0319166001600160a01b03841690811790915560408051634d4502c960e11b81529051639a8a0592916004808201926020929091908290030181865afa1580156100d0573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906100f4919061038e565b5f60146101000a8154816001600160401b0302191690836001600160401b03160217905550816001600160a01b031663f698da256040518163ffffffff1660e01b8152600401602060405180830381865afa158015610155573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061017991906103ae565b600155600280546001600160401b03838116680100000000000000008102600160401b600160801b0319909316929092179092555f54604080516001600160a01b0387168152600160a01b9092049093166020820152918201527ffbde621763444186b8a874f13157b55877c8f26f3b1140237f397c2d1e18f7fb9060600160405180910390a15f826001600160a01b031663199739846040518163ffffffff1660e01b8152600401602060405180830381865afa15801561023d573d5f5f3e3d5ffd5b505050506040513d601f19601f82011682018060405250810190610261919061038e565b600480546001600160401b03199081166001600160401b03848116918217845560068054600181019091557ff652222313e28459528d920b65115c16c04f3efc82aaedc97be59f3f377c0d3f94810494909401805460039095166008026101000a80830219909516948302949094179093555f818152600760209081526040918290208054909416429095169485179093558051828152928301939093529293507f0f7b0086e214e38677fd314a4fae3aac461ceeb12eee21ae505cd462975ff2f7910160405180910390a25050506103c5565b80516001600160401b038116811461034b575f5ffd5b919050565b5f5f60408385031215610361575f5ffd5b82516001600160a01b0381168114610377575f5ffd5b915061038560208401610335565b90509250929050565b5f6020828403121561039e575f5ffd5b6103a782610335565b9392505050565b5f602082840312156103be575f5ffd5b5051919050565b611d2f806103d25f395ff3fe608060405234801561000f575f5ffd5b50600436106100e5575f3560e01c8063a229225811610088578063ec38209611610063578063ec3820961461024c578063f698da251461025f578063fc7e9c6f14610268578063fdc9ab9a1461027b575f5ffd5b8063a2292258146101f2578063ae4b98b014610205578063e5fa9bd114610237575f5ffd5b806366fd49bb116100c357806366fd49bb1461014a5780637b1039991461015d578063857553cc146101875780639a8a0592146101d9575f5ffd5b80630505d534146100e957806319a3410714610105578063515fcc3914610118575b5f5ffd5b6100f260035481565b6040519081526020015b60405180910390f35b6100f261011336600461168b565b610295565b60025461013290600160401b90046001600160401b031681565b6040516001600160401b0390911681526020016100fc565b61013261015836600461168b565b6102a8565b5f5461016f906001600160a01b031681565b6040516001600160a01b0390911681526020016100fc565b6101bc6101953660046116c1565b6001600160401b039081165f90815260056020526040902080546001909101549092911690565b604080519283526001600160401b039091166020830152016100fc565b5f5461013290600160a01b90046001600160401b031681565b600454610132906001600160401b031681565b6102186102133660046116c1565b610312565b604080516001600160401b0390931683529015156020830152016100fc565b61024a6102453660046116da565b610414565b005b61024a61025a3660046116da565b6109bc565b6100f260015481565b600254610132906001600160401b031681565b60045461013290600160401b90046001600160401b031681565b5f6102a260015483610bee565b92915050565b5f806005816102bd60608601604087016116c1565b6001600160401b0316815260208101919091526040015f20805490915015806102f257506102ed60015484610bee565b815414155b156102ff57505f92915050565b600101546001600160401b031692915050565b6006545f90819081905b808210156103a2575f6002610331838561176d565b61033b9190611780565b9050856001600160401b03166006828154811061035a5761035a61179f565b5f918252602090912060048204015460039091166008026101000a90046001600160401b0316111561038e5780915061039c565b61039981600161176d565b92505b5061031c565b60065482036103b757505f9485945092505050565b60075f600684815481106103cd576103cd61179f565b5f91825260208083206004830401546001600160401b0360086003909416939093026101000a90048216845283019390935260409091019020541695600195509350505050565b5f54600160a01b90046001600160401b031661043360208501856116c1565b6001600160401b03161461048a5761044e60208401846116c1565b5f5460405163302c201560e01b81526001600160401b039283166004820152600160a01b90910490911660248201526044015b60405180910390fd5b6002546001600160401b03166104a660608501604086016116c1565b6001600160401b0316146104f3576104c460608401604085016116c1565b600254604051635357a66560e11b81526001600160401b03928316600482015291166024820152604401610481565b6003548360a001351461052a57600354604051637c5f784160e11b815260a085013560048201526024810191909152604401610481565b600254600160401b90046001600160401b031661054d60808501606086016116c1565b6001600160401b0316146105a35761056b60808401606085016116c1565b60025460405163095a8a8d60e21b81526001600160401b039283166004820152600160401b9091049091166024820152604401610481565b6105b360808401606085016116c1565b6001600160401b03166105cc60a08501608086016116c1565b6001600160401b031610806105ff57506001600160401b036105f460a08501608086016116c1565b6001600160401b0316145b156106505761061460808401606085016116c1565b61062460a08501608086016116c1565b6040516303602e5360e11b81526001600160401b03928316600482015291166024820152604401610481565b6004546001600160401b031661066c60408501602086016116c1565b6001600160401b031610156106bf5761068b60408401602085016116c1565b600480546040516320a9b82b60e01b81526001600160401b0393841692810192909252919091166024820152604401610481565b5f6106c8610c79565b9050808460e00135146106fb5760405163195af67d60e01b815260e0850135600482015260248101829052604401610481565b5f610707858585610d5a565b90506040518060400160405280828152602001426001600160401b031681525060055f87604001602081019061073d91906116c1565b6001600160401b03908116825260208083019390935260409182015f208451815593909201516001909301805467ffffffffffffffff19169390921692909217905561078f90606087019087016116c1565b61079a9060016117b3565b6002805467ffffffffffffffff19166001600160401b03929092169190911790556107cb60a08601608087016116c1565b6107d69060016117b3565b6002805467ffffffffffffffff60401b1916600160401b6001600160401b039384160217905560038290556004541661081560408701602088016116c1565b6001600160401b03161461094a5761083360408601602087016116c1565b600454604080516001600160401b039283168152428316602082015292909116917f0f7b0086e214e38677fd314a4fae3aac461ceeb12eee21ae505cd462975ff2f7910160405180910390a261088f60408601602087016116c1565b6004805467ffffffffffffffff19166001600160401b039290921691909117905560066108c260408701602088016116c1565b81546001810183555f92835260208084206004830401805460039093166008026101000a6001600160401b0381810219909416949093169290920292909217905542916007916109189060408a01908a016116c1565b6001600160401b03908116825260208201929092526040015f20805467ffffffffffffffff1916929091169190911790555b61095a60408601602087016116c1565b6001600160401b031661097360608701604088016116c1565b6001600160401b03167fffb8c55a54619e631ad564159eb12b4c3c6c30df905a66439a8b4d9feb8641d283886040516109ad9291906117d2565b60405180910390a35050505050565b5f54600160a01b90046001600160401b03166109db60208501856116c1565b6001600160401b0316146109f65761044e60208401846116c1565b6002546001600160401b0316610a1260608501604086016116c1565b6001600160401b031610610a5557610a3060608401604085016116c1565b6040516365425b0360e11b81526001600160401b039091166004820152602401610481565b600454600160401b90046001600160401b0316610a7860608501604086016116c1565b6001600160401b031610610ab7576004805460405163a53c9dcd60e01b8152600160401b9091046001600160401b031691810191909152602401610481565b5f600581610acb60608701604088016116c1565b6001600160401b03166001600160401b031681526020019081526020015f205f015490505f610afc60015486610bee565b9050818103610b3a57610b1560608601604087016116c1565b6040516325f152b160e21b81526001600160401b039091166004820152602401610481565b610b45858585610d5a565b50610b5660608601604087016116c1565b600480546001600160401b0392909216600160401b0267ffffffffffffffff60401b19909216919091179055610b9260408601602087016116c1565b6001600160401b0316610bab60608701604088016116c1565b6001600160401b03167fef8501f7a8e209996760ee1dc7f89c2b220862f35ccdb71679a970cdde014edf83856040516109ad929190918252602082015260400190565b5f610c72837f21425e70c556350f9b6534bbbd6a87c154110d7cb87dbd7454b9b3407bed4d6784604051602001610c269291906117d2565b60408051601f19818403018152828252805160209182012061190160f01b8483015260228401949094526042808401949094528151808403909401845260629092019052815191012090565b9392505050565b5f805b804915610c955780610c8d816118ea565b915050610c7c565b805f03610cb55760405163fdac229f60e01b815260040160405180910390fd5b5f816001600160401b03811115610cce57610cce611902565b604051908082528060200260200182016040528015610cf7578160200160208202803683370190505b5090505f5b82811015610d2b578049828281518110610d1857610d1861179f565b6020908102919091010152600101610cfc565b5080604051602001610d3d9190611916565b604051602081830303815290604052805190602001209250505090565b5f805481906001600160a01b031663bb7f7bd9610d7d60408801602089016116c1565b6040516001600160e01b031960e084901b1681526001600160401b0390911660048201526024015f60405180830381865afa158015610dbe573d5f5f3e3d5ffd5b505050506040513d5f823e601f3d908101601f19168201604052610de5919081019061194b565b50905080515f03610e2557610e0060408601602087016116c1565b604051631cf12cc560e31b81526001600160401b039091166004820152602401610481565b610e3160015486610bee565b5f54909250610e9790600160a01b90046001600160401b0316610e5a60408801602089016116c1565b838588888080601f0160208091040260200160405190810160405280939291908181526020018383808284375f92019190915250610ed892505050565b610ed057610eab60408601602087016116c1565b6040516369f7e10760e11b81526001600160401b039091166004820152602401610481565b509392505050565b5f835161010014610f015783516040516311b0727960e31b815260040161048191815260200190565b8151608014610f28578151604051633e89287f60e11b815260040161048191815260200190565b610f31826110ba565b80610f405750610f40846110ba565b15610f4c57505f6110b1565b5f610fec600160f81b610fbc8989886040516b7665696c2f7369676e2f763160a01b60208201526001600160c01b031960c085811b8216602c84015284901b166034820152603c81018290525f90605c016040516020818303038152906040528051906020012090509392505050565b6040516001600160f81b0319909216602083015260218201526041016040516020818303038152906040526110f1565b90505f5f600f6001600160a01b0316856040518061012001604052806101008152602001611bca6101009139858a60405160200161102d9493929190611a16565b60408051601f198184030181529082905261104791611a3c565b5f60405180830381855afa9150503d805f811461107f576040519150601f19603f3d011682016040523d82523d5f602084013e611084565b606091505b5091509150818015611097575080516020145b80156110ab57506110a781611a47565b6001145b93505050505b95945050505050565b5f6001905060208201825181015b808210156110ea578151156110df575f92506110ea565b6020820191506110c8565b5050919050565b60605f6110fd836111db565b90505f61111261110d835f6114cf565b6115e5565b90505f61112361110d8460406114cf565b90505f5f600b6001600160a01b03168484604051602001611145929190611a6a565b60408051601f198184030181529082905261115f91611a3c565b5f60405180830381855afa9150503d805f8114611197576040519150601f19603f3d011682016040523d82523d5f602084013e61119c565b606091505b50915091508115806111b057508051608014155b156111d1576040516375c6821d60e11b8152600b6004820152602401610481565b9695505050505050565b60605f6040518060600160405280602b8152602001611b9f602b91396040518060600160405280602b8152602001611b9f602b913951604051602001611222929190611a80565b60408051808303601f1901815281835260608301825292505f91600291602082018180368337505060405161126492915087906080905f908890602001611aa7565b60408051601f198184030181529082905261127e91611a3c565b602060405180830381855afa158015611299573d5f5f3e3d5ffd5b5050506040513d601f19601f820116820180604052508101906112bc9190611af9565b90505f6002826001856040516020016112d793929190611b10565b60408051601f19818403018152908290526112f191611a3c565b602060405180830381855afa15801561130c573d5f5f3e3d5ffd5b5050506040513d601f19601f8201168201806040525081019061132f9190611af9565b90505f600282841860028660405160200161134c93929190611b10565b60408051601f198184030181529082905261136691611a3c565b602060405180830381855afa158015611381573d5f5f3e3d5ffd5b5050506040513d601f19601f820116820180604052508101906113a49190611af9565b90505f60028285186003876040516020016113c193929190611b10565b60408051601f19818403018152908290526113db91611a3c565b602060405180830381855afa1580156113f6573d5f5f3e3d5ffd5b5050506040513d601f19601f820116820180604052508101906114199190611af9565b90505f600282861860048860405160200161143693929190611b10565b60408051601f198184030181529082905261145091611a3c565b602060405180830381855afa15801561146b573d5f5f3e3d5ffd5b5050506040513d601f19601f8201168201806040525081019061148e9190611af9565b6040805160208101879052908101859052606081018490526080810182905290915060a0016040516020818303038152906040529650505050505050919050565b60605f5f8360208601015191508360408601015190505f5f60056001600160a01b031660406001603087876001604051806060016040528060308152602001611cca6030913960405160200161152b9796959493929190611b35565b60408051601f198184030181529082905261154591611a3c565b5f60405180830381855afa9150503d805f811461157d576040519150601f19603f3d011682016040523d82523d5f602084013e611582565b606091505b509150915081158061159657508051603014155b156115b7576040516375c6821d60e11b815260056004820152602401610481565b6040516115ca905f908390602001611b7a565b60405160208183030381529060405294505050505092915050565b60605f5f60106001600160a01b0316846040516116029190611a3c565b5f60405180830381855afa9150503d805f811461163a576040519150601f19603f3d011682016040523d82523d5f602084013e61163f565b606091505b509150915081158061165357508051608014155b15610c72576040516375c6821d60e11b815260106004820152602401610481565b5f6101808284031215611685575f5ffd5b50919050565b5f610180828403121561169c575f5ffd5b610c728383611674565b80356001600160401b03811681146116bc575f5ffd5b919050565b5f602082840312156116d1575f5ffd5b610c72826116a6565b5f5f5f6101a084860312156116ed575f5ffd5b6116f78585611674565b92506101808401356001600160401b03811115611712575f5ffd5b8401601f81018613611722575f5ffd5b80356001600160401b03811115611737575f5ffd5b866020828401011115611748575f5ffd5b939660209190910195509293505050565b634e487b7160e01b5f52601160045260245ffd5b808201808211156102a2576102a2611759565b5f8261179a57634e487b7160e01b5f52601260045260245ffd5b500490565b634e487b7160e01b5f52603260045260245ffd5b6001600160401b0381811683821601908111156102a2576102a2611759565b8281526101a081016117f7602083016117ea856116a6565b6001600160401b03169052565b611803602084016116a6565b6001600160401b03811660408401525061181f604084016116a6565b6001600160401b03811660608401525061183b606084016116a6565b6001600160401b038116608084015250611857608084016116a6565b6001600160401b03811660a08401525060a083013560c08381019190915283013560e08084019190915283013561010080840191909152830135610120808401919091526118a69084016116a6565b6001600160401b038116610140840152506118c461014084016116a6565b6001600160401b0381166101608401525061016092909201356101809190910152919050565b5f600182016118fb576118fb611759565b5060010190565b634e487b7160e01b5f52604160045260245ffd5b81515f90829060208501835b82811015611940578151845260209384019390910190600101611922565b509195945050505050565b5f5f6040838503121561195c575f5ffd5b82516001600160401b03811115611971575f5ffd5b8301601f81018513611981575f5ffd5b80516001600160401b0381111561199a5761199a611902565b604051601f8201601f19908116603f011681016001600160401b03811182821017156119c8576119c8611902565b6040528181528282016020018710156119df575f5ffd5b8160208401602083015e5f60209282018301529401519395939450505050565b5f81518060208401855e5f93019283525090919050565b5f6111d1611a36611a30611a2a858a6119ff565b886119ff565b866119ff565b846119ff565b5f610c7282846119ff565b80516020808301519190811015611685575f1960209190910360031b1b16919050565b5f611a78611a3683866119ff565b949350505050565b5f611a8b82856119ff565b60f89390931b6001600160f81b03191683525050600101919050565b5f611abb611ab583896119ff565b876119ff565b60f086901b6001600160f01b031916815260f885901b6001600160f81b0319166002820152611aed60038201856119ff565b98975050505050505050565b5f60208284031215611b09575f5ffd5b5051919050565b83815260f883901b6001600160f81b03191660208201525f6110b160218301846119ff565b87815286602082015285604082015284606082015283608082015260ff60f81b8360f81b1660a08201525f611b6d60a18301846119ff565b9998505050505050505050565b6fffffffffffffffffffffffffffffffff19831681525f611a7860108301846119ff56fe534855545445525f5630315f424c53313233383147315f584d443a5348412d3235365f535357555f524f5f00000000000000000000000000000000024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bdb80000000000000000000000000000000013e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b7e000000000000000000000000000000000d1b3cc2c7027888be51d9ef691d77bcb679afda66c73f17f9ee3837a55024f78c71363275a75d75d86bab79f74782aa0000000000000000000000000000000013fa4d4a0ad8b1ce186ed5061789213d993923066dddaf1040bc3ff59f825c78df74f2d75467e25e0f55f8a00fa030ed1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaaba264697066735822122075ab03b273b022c209f19ab42e6a647831689ab530f8d3c51dd99cd46206030c64736f6c63430008250033",
}

// BatchInboxABI is the input ABI used to generate the binding from.
// Deprecated: Use BatchInboxMetaData.ABI instead.
var BatchInboxABI = BatchInboxMetaData.ABI

// BatchInboxBin is the compiled bytecode used for deploying new contracts.
// Deprecated: Use BatchInboxMetaData.Bin instead.
var BatchInboxBin = BatchInboxMetaData.Bin

// DeployBatchInbox deploys a new Ethereum contract, binding an instance of BatchInbox to it.
func DeployBatchInbox(auth *bind.TransactOpts, backend bind.ContractBackend, registry_ common.Address, firstSlot uint64) (common.Address, *types.Transaction, *BatchInbox, error) {
	parsed, err := BatchInboxMetaData.GetAbi()
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	if parsed == nil {
		return common.Address{}, nil, nil, errors.New("GetABI returned nil")
	}

	address, tx, contract, err := bind.DeployContract(auth, *parsed, common.FromHex(BatchInboxBin), backend, registry_, firstSlot)
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	return address, tx, &BatchInbox{BatchInboxCaller: BatchInboxCaller{contract: contract}, BatchInboxTransactor: BatchInboxTransactor{contract: contract}, BatchInboxFilterer: BatchInboxFilterer{contract: contract}}, nil
}

// BatchInbox is an auto generated Go binding around an Ethereum contract.
type BatchInbox struct {
	BatchInboxCaller     // Read-only binding to the contract
	BatchInboxTransactor // Write-only binding to the contract
	BatchInboxFilterer   // Log filterer for contract events
}

// BatchInboxCaller is an auto generated read-only Go binding around an Ethereum contract.
type BatchInboxCaller struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// BatchInboxTransactor is an auto generated write-only Go binding around an Ethereum contract.
type BatchInboxTransactor struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// BatchInboxFilterer is an auto generated log filtering Go binding around an Ethereum contract events.
type BatchInboxFilterer struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// BatchInboxSession is an auto generated Go binding around an Ethereum contract,
// with pre-set call and transact options.
type BatchInboxSession struct {
	Contract     *BatchInbox       // Generic contract binding to set the session for
	CallOpts     bind.CallOpts     // Call options to use throughout this session
	TransactOpts bind.TransactOpts // Transaction auth options to use throughout this session
}

// BatchInboxCallerSession is an auto generated read-only Go binding around an Ethereum contract,
// with pre-set call options.
type BatchInboxCallerSession struct {
	Contract *BatchInboxCaller // Generic contract caller binding to set the session for
	CallOpts bind.CallOpts     // Call options to use throughout this session
}

// BatchInboxTransactorSession is an auto generated write-only Go binding around an Ethereum contract,
// with pre-set transact options.
type BatchInboxTransactorSession struct {
	Contract     *BatchInboxTransactor // Generic contract transactor binding to set the session for
	TransactOpts bind.TransactOpts     // Transaction auth options to use throughout this session
}

// BatchInboxRaw is an auto generated low-level Go binding around an Ethereum contract.
type BatchInboxRaw struct {
	Contract *BatchInbox // Generic contract binding to access the raw methods on
}

// BatchInboxCallerRaw is an auto generated low-level read-only Go binding around an Ethereum contract.
type BatchInboxCallerRaw struct {
	Contract *BatchInboxCaller // Generic read-only contract binding to access the raw methods on
}

// BatchInboxTransactorRaw is an auto generated low-level write-only Go binding around an Ethereum contract.
type BatchInboxTransactorRaw struct {
	Contract *BatchInboxTransactor // Generic write-only contract binding to access the raw methods on
}

// NewBatchInbox creates a new instance of BatchInbox, bound to a specific deployed contract.
func NewBatchInbox(address common.Address, backend bind.ContractBackend) (*BatchInbox, error) {
	contract, err := bindBatchInbox(address, backend, backend, backend)
	if err != nil {
		return nil, err
	}
	return &BatchInbox{BatchInboxCaller: BatchInboxCaller{contract: contract}, BatchInboxTransactor: BatchInboxTransactor{contract: contract}, BatchInboxFilterer: BatchInboxFilterer{contract: contract}}, nil
}

// NewBatchInboxCaller creates a new read-only instance of BatchInbox, bound to a specific deployed contract.
func NewBatchInboxCaller(address common.Address, caller bind.ContractCaller) (*BatchInboxCaller, error) {
	contract, err := bindBatchInbox(address, caller, nil, nil)
	if err != nil {
		return nil, err
	}
	return &BatchInboxCaller{contract: contract}, nil
}

// NewBatchInboxTransactor creates a new write-only instance of BatchInbox, bound to a specific deployed contract.
func NewBatchInboxTransactor(address common.Address, transactor bind.ContractTransactor) (*BatchInboxTransactor, error) {
	contract, err := bindBatchInbox(address, nil, transactor, nil)
	if err != nil {
		return nil, err
	}
	return &BatchInboxTransactor{contract: contract}, nil
}

// NewBatchInboxFilterer creates a new log filterer instance of BatchInbox, bound to a specific deployed contract.
func NewBatchInboxFilterer(address common.Address, filterer bind.ContractFilterer) (*BatchInboxFilterer, error) {
	contract, err := bindBatchInbox(address, nil, nil, filterer)
	if err != nil {
		return nil, err
	}
	return &BatchInboxFilterer{contract: contract}, nil
}

// bindBatchInbox binds a generic wrapper to an already deployed contract.
func bindBatchInbox(address common.Address, caller bind.ContractCaller, transactor bind.ContractTransactor, filterer bind.ContractFilterer) (*bind.BoundContract, error) {
	parsed, err := BatchInboxMetaData.GetAbi()
	if err != nil {
		return nil, err
	}
	return bind.NewBoundContract(address, *parsed, caller, transactor, filterer), nil
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_BatchInbox *BatchInboxRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _BatchInbox.Contract.BatchInboxCaller.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_BatchInbox *BatchInboxRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _BatchInbox.Contract.BatchInboxTransactor.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_BatchInbox *BatchInboxRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _BatchInbox.Contract.BatchInboxTransactor.contract.Transact(opts, method, params...)
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_BatchInbox *BatchInboxCallerRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _BatchInbox.Contract.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_BatchInbox *BatchInboxTransactorRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _BatchInbox.Contract.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_BatchInbox *BatchInboxTransactorRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _BatchInbox.Contract.contract.Transact(opts, method, params...)
}

// AcceptedAt is a free data retrieval call binding the contract method 0x66fd49bb.
//
// Solidity: function acceptedAt((uint64,uint64,uint64,uint64,uint64,bytes32,bytes32,bytes32,bytes32,uint64,uint64,bytes32) header) view returns(uint64)
func (_BatchInbox *BatchInboxCaller) AcceptedAt(opts *bind.CallOpts, header StatementsBatch) (uint64, error) {
	var out []interface{}
	err := _BatchInbox.contract.Call(opts, &out, "acceptedAt", header)

	if err != nil {
		return *new(uint64), err
	}

	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)

	return out0, err

}

// AcceptedAt is a free data retrieval call binding the contract method 0x66fd49bb.
//
// Solidity: function acceptedAt((uint64,uint64,uint64,uint64,uint64,bytes32,bytes32,bytes32,bytes32,uint64,uint64,bytes32) header) view returns(uint64)
func (_BatchInbox *BatchInboxSession) AcceptedAt(header StatementsBatch) (uint64, error) {
	return _BatchInbox.Contract.AcceptedAt(&_BatchInbox.CallOpts, header)
}

// AcceptedAt is a free data retrieval call binding the contract method 0x66fd49bb.
//
// Solidity: function acceptedAt((uint64,uint64,uint64,uint64,uint64,bytes32,bytes32,bytes32,bytes32,uint64,uint64,bytes32) header) view returns(uint64)
func (_BatchInbox *BatchInboxCallerSession) AcceptedAt(header StatementsBatch) (uint64, error) {
	return _BatchInbox.Contract.AcceptedAt(&_BatchInbox.CallOpts, header)
}

// Batch is a free data retrieval call binding the contract method 0x857553cc.
//
// Solidity: function batch(uint64 index) view returns(bytes32 hash, uint64 acceptedTime)
func (_BatchInbox *BatchInboxCaller) Batch(opts *bind.CallOpts, index uint64) (struct {
	Hash         [32]byte
	AcceptedTime uint64
}, error) {
	var out []interface{}
	err := _BatchInbox.contract.Call(opts, &out, "batch", index)

	outstruct := new(struct {
		Hash         [32]byte
		AcceptedTime uint64
	})
	if err != nil {
		return *outstruct, err
	}

	outstruct.Hash = *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	outstruct.AcceptedTime = *abi.ConvertType(out[1], new(uint64)).(*uint64)

	return *outstruct, err

}

// Batch is a free data retrieval call binding the contract method 0x857553cc.
//
// Solidity: function batch(uint64 index) view returns(bytes32 hash, uint64 acceptedTime)
func (_BatchInbox *BatchInboxSession) Batch(index uint64) (struct {
	Hash         [32]byte
	AcceptedTime uint64
}, error) {
	return _BatchInbox.Contract.Batch(&_BatchInbox.CallOpts, index)
}

// Batch is a free data retrieval call binding the contract method 0x857553cc.
//
// Solidity: function batch(uint64 index) view returns(bytes32 hash, uint64 acceptedTime)
func (_BatchInbox *BatchInboxCallerSession) Batch(index uint64) (struct {
	Hash         [32]byte
	AcceptedTime uint64
}, error) {
	return _BatchInbox.Contract.Batch(&_BatchInbox.CallOpts, index)
}

// ChainId is a free data retrieval call binding the contract method 0x9a8a0592.
//
// Solidity: function chainId() view returns(uint64)
func (_BatchInbox *BatchInboxCaller) ChainId(opts *bind.CallOpts) (uint64, error) {
	var out []interface{}
	err := _BatchInbox.contract.Call(opts, &out, "chainId")

	if err != nil {
		return *new(uint64), err
	}

	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)

	return out0, err

}

// ChainId is a free data retrieval call binding the contract method 0x9a8a0592.
//
// Solidity: function chainId() view returns(uint64)
func (_BatchInbox *BatchInboxSession) ChainId() (uint64, error) {
	return _BatchInbox.Contract.ChainId(&_BatchInbox.CallOpts)
}

// ChainId is a free data retrieval call binding the contract method 0x9a8a0592.
//
// Solidity: function chainId() view returns(uint64)
func (_BatchInbox *BatchInboxCallerSession) ChainId() (uint64, error) {
	return _BatchInbox.Contract.ChainId(&_BatchInbox.CallOpts)
}

// DomainSeparator is a free data retrieval call binding the contract method 0xf698da25.
//
// Solidity: function domainSeparator() view returns(bytes32)
func (_BatchInbox *BatchInboxCaller) DomainSeparator(opts *bind.CallOpts) ([32]byte, error) {
	var out []interface{}
	err := _BatchInbox.contract.Call(opts, &out, "domainSeparator")

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// DomainSeparator is a free data retrieval call binding the contract method 0xf698da25.
//
// Solidity: function domainSeparator() view returns(bytes32)
func (_BatchInbox *BatchInboxSession) DomainSeparator() ([32]byte, error) {
	return _BatchInbox.Contract.DomainSeparator(&_BatchInbox.CallOpts)
}

// DomainSeparator is a free data retrieval call binding the contract method 0xf698da25.
//
// Solidity: function domainSeparator() view returns(bytes32)
func (_BatchInbox *BatchInboxCallerSession) DomainSeparator() ([32]byte, error) {
	return _BatchInbox.Contract.DomainSeparator(&_BatchInbox.CallOpts)
}

// EonInCharge is a free data retrieval call binding the contract method 0xa2292258.
//
// Solidity: function eonInCharge() view returns(uint64)
func (_BatchInbox *BatchInboxCaller) EonInCharge(opts *bind.CallOpts) (uint64, error) {
	var out []interface{}
	err := _BatchInbox.contract.Call(opts, &out, "eonInCharge")

	if err != nil {
		return *new(uint64), err
	}

	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)

	return out0, err

}

// EonInCharge is a free data retrieval call binding the contract method 0xa2292258.
//
// Solidity: function eonInCharge() view returns(uint64)
func (_BatchInbox *BatchInboxSession) EonInCharge() (uint64, error) {
	return _BatchInbox.Contract.EonInCharge(&_BatchInbox.CallOpts)
}

// EonInCharge is a free data retrieval call binding the contract method 0xa2292258.
//
// Solidity: function eonInCharge() view returns(uint64)
func (_BatchInbox *BatchInboxCallerSession) EonInCharge() (uint64, error) {
	return _BatchInbox.Contract.EonInCharge(&_BatchInbox.CallOpts)
}

// FrozenFrom is a free data retrieval call binding the contract method 0xfdc9ab9a.
//
// Solidity: function frozenFrom() view returns(uint64)
func (_BatchInbox *BatchInboxCaller) FrozenFrom(opts *bind.CallOpts) (uint64, error) {
	var out []interface{}
	err := _BatchInbox.contract.Call(opts, &out, "frozenFrom")

	if err != nil {
		return *new(uint64), err
	}

	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)

	return out0, err

}

// FrozenFrom is a free data retrieval call binding the contract method 0xfdc9ab9a.
//
// Solidity: function frozenFrom() view returns(uint64)
func (_BatchInbox *BatchInboxSession) FrozenFrom() (uint64, error) {
	return _BatchInbox.Contract.FrozenFrom(&_BatchInbox.CallOpts)
}

// FrozenFrom is a free data retrieval call binding the contract method 0xfdc9ab9a.
//
// Solidity: function frozenFrom() view returns(uint64)
func (_BatchInbox *BatchInboxCallerSession) FrozenFrom() (uint64, error) {
	return _BatchInbox.Contract.FrozenFrom(&_BatchInbox.CallOpts)
}

// HeaderHash is a free data retrieval call binding the contract method 0x19a34107.
//
// Solidity: function headerHash((uint64,uint64,uint64,uint64,uint64,bytes32,bytes32,bytes32,bytes32,uint64,uint64,bytes32) header) view returns(bytes32)
func (_BatchInbox *BatchInboxCaller) HeaderHash(opts *bind.CallOpts, header StatementsBatch) ([32]byte, error) {
	var out []interface{}
	err := _BatchInbox.contract.Call(opts, &out, "headerHash", header)

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// HeaderHash is a free data retrieval call binding the contract method 0x19a34107.
//
// Solidity: function headerHash((uint64,uint64,uint64,uint64,uint64,bytes32,bytes32,bytes32,bytes32,uint64,uint64,bytes32) header) view returns(bytes32)
func (_BatchInbox *BatchInboxSession) HeaderHash(header StatementsBatch) ([32]byte, error) {
	return _BatchInbox.Contract.HeaderHash(&_BatchInbox.CallOpts, header)
}

// HeaderHash is a free data retrieval call binding the contract method 0x19a34107.
//
// Solidity: function headerHash((uint64,uint64,uint64,uint64,uint64,bytes32,bytes32,bytes32,bytes32,uint64,uint64,bytes32) header) view returns(bytes32)
func (_BatchInbox *BatchInboxCallerSession) HeaderHash(header StatementsBatch) ([32]byte, error) {
	return _BatchInbox.Contract.HeaderHash(&_BatchInbox.CallOpts, header)
}

// LastHeaderHash is a free data retrieval call binding the contract method 0x0505d534.
//
// Solidity: function lastHeaderHash() view returns(bytes32)
func (_BatchInbox *BatchInboxCaller) LastHeaderHash(opts *bind.CallOpts) ([32]byte, error) {
	var out []interface{}
	err := _BatchInbox.contract.Call(opts, &out, "lastHeaderHash")

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// LastHeaderHash is a free data retrieval call binding the contract method 0x0505d534.
//
// Solidity: function lastHeaderHash() view returns(bytes32)
func (_BatchInbox *BatchInboxSession) LastHeaderHash() ([32]byte, error) {
	return _BatchInbox.Contract.LastHeaderHash(&_BatchInbox.CallOpts)
}

// LastHeaderHash is a free data retrieval call binding the contract method 0x0505d534.
//
// Solidity: function lastHeaderHash() view returns(bytes32)
func (_BatchInbox *BatchInboxCallerSession) LastHeaderHash() ([32]byte, error) {
	return _BatchInbox.Contract.LastHeaderHash(&_BatchInbox.CallOpts)
}

// NextFirstSlot is a free data retrieval call binding the contract method 0x515fcc39.
//
// Solidity: function nextFirstSlot() view returns(uint64)
func (_BatchInbox *BatchInboxCaller) NextFirstSlot(opts *bind.CallOpts) (uint64, error) {
	var out []interface{}
	err := _BatchInbox.contract.Call(opts, &out, "nextFirstSlot")

	if err != nil {
		return *new(uint64), err
	}

	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)

	return out0, err

}

// NextFirstSlot is a free data retrieval call binding the contract method 0x515fcc39.
//
// Solidity: function nextFirstSlot() view returns(uint64)
func (_BatchInbox *BatchInboxSession) NextFirstSlot() (uint64, error) {
	return _BatchInbox.Contract.NextFirstSlot(&_BatchInbox.CallOpts)
}

// NextFirstSlot is a free data retrieval call binding the contract method 0x515fcc39.
//
// Solidity: function nextFirstSlot() view returns(uint64)
func (_BatchInbox *BatchInboxCallerSession) NextFirstSlot() (uint64, error) {
	return _BatchInbox.Contract.NextFirstSlot(&_BatchInbox.CallOpts)
}

// NextIndex is a free data retrieval call binding the contract method 0xfc7e9c6f.
//
// Solidity: function nextIndex() view returns(uint64)
func (_BatchInbox *BatchInboxCaller) NextIndex(opts *bind.CallOpts) (uint64, error) {
	var out []interface{}
	err := _BatchInbox.contract.Call(opts, &out, "nextIndex")

	if err != nil {
		return *new(uint64), err
	}

	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)

	return out0, err

}

// NextIndex is a free data retrieval call binding the contract method 0xfc7e9c6f.
//
// Solidity: function nextIndex() view returns(uint64)
func (_BatchInbox *BatchInboxSession) NextIndex() (uint64, error) {
	return _BatchInbox.Contract.NextIndex(&_BatchInbox.CallOpts)
}

// NextIndex is a free data retrieval call binding the contract method 0xfc7e9c6f.
//
// Solidity: function nextIndex() view returns(uint64)
func (_BatchInbox *BatchInboxCallerSession) NextIndex() (uint64, error) {
	return _BatchInbox.Contract.NextIndex(&_BatchInbox.CallOpts)
}

// Registry is a free data retrieval call binding the contract method 0x7b103999.
//
// Solidity: function registry() view returns(address)
func (_BatchInbox *BatchInboxCaller) Registry(opts *bind.CallOpts) (common.Address, error) {
	var out []interface{}
	err := _BatchInbox.contract.Call(opts, &out, "registry")

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// Registry is a free data retrieval call binding the contract method 0x7b103999.
//
// Solidity: function registry() view returns(address)
func (_BatchInbox *BatchInboxSession) Registry() (common.Address, error) {
	return _BatchInbox.Contract.Registry(&_BatchInbox.CallOpts)
}

// Registry is a free data retrieval call binding the contract method 0x7b103999.
//
// Solidity: function registry() view returns(address)
func (_BatchInbox *BatchInboxCallerSession) Registry() (common.Address, error) {
	return _BatchInbox.Contract.Registry(&_BatchInbox.CallOpts)
}

// RetiredAt is a free data retrieval call binding the contract method 0xae4b98b0.
//
// Solidity: function retiredAt(uint64 eon) view returns(uint64 since, bool retired)
func (_BatchInbox *BatchInboxCaller) RetiredAt(opts *bind.CallOpts, eon uint64) (struct {
	Since   uint64
	Retired bool
}, error) {
	var out []interface{}
	err := _BatchInbox.contract.Call(opts, &out, "retiredAt", eon)

	outstruct := new(struct {
		Since   uint64
		Retired bool
	})
	if err != nil {
		return *outstruct, err
	}

	outstruct.Since = *abi.ConvertType(out[0], new(uint64)).(*uint64)
	outstruct.Retired = *abi.ConvertType(out[1], new(bool)).(*bool)

	return *outstruct, err

}

// RetiredAt is a free data retrieval call binding the contract method 0xae4b98b0.
//
// Solidity: function retiredAt(uint64 eon) view returns(uint64 since, bool retired)
func (_BatchInbox *BatchInboxSession) RetiredAt(eon uint64) (struct {
	Since   uint64
	Retired bool
}, error) {
	return _BatchInbox.Contract.RetiredAt(&_BatchInbox.CallOpts, eon)
}

// RetiredAt is a free data retrieval call binding the contract method 0xae4b98b0.
//
// Solidity: function retiredAt(uint64 eon) view returns(uint64 since, bool retired)
func (_BatchInbox *BatchInboxCallerSession) RetiredAt(eon uint64) (struct {
	Since   uint64
	Retired bool
}, error) {
	return _BatchInbox.Contract.RetiredAt(&_BatchInbox.CallOpts, eon)
}

// ProveEquivocation is a paid mutator transaction binding the contract method 0xec382096.
//
// Solidity: function proveEquivocation((uint64,uint64,uint64,uint64,uint64,bytes32,bytes32,bytes32,bytes32,uint64,uint64,bytes32) header, bytes sigma) returns()
func (_BatchInbox *BatchInboxTransactor) ProveEquivocation(opts *bind.TransactOpts, header StatementsBatch, sigma []byte) (*types.Transaction, error) {
	return _BatchInbox.contract.Transact(opts, "proveEquivocation", header, sigma)
}

// ProveEquivocation is a paid mutator transaction binding the contract method 0xec382096.
//
// Solidity: function proveEquivocation((uint64,uint64,uint64,uint64,uint64,bytes32,bytes32,bytes32,bytes32,uint64,uint64,bytes32) header, bytes sigma) returns()
func (_BatchInbox *BatchInboxSession) ProveEquivocation(header StatementsBatch, sigma []byte) (*types.Transaction, error) {
	return _BatchInbox.Contract.ProveEquivocation(&_BatchInbox.TransactOpts, header, sigma)
}

// ProveEquivocation is a paid mutator transaction binding the contract method 0xec382096.
//
// Solidity: function proveEquivocation((uint64,uint64,uint64,uint64,uint64,bytes32,bytes32,bytes32,bytes32,uint64,uint64,bytes32) header, bytes sigma) returns()
func (_BatchInbox *BatchInboxTransactorSession) ProveEquivocation(header StatementsBatch, sigma []byte) (*types.Transaction, error) {
	return _BatchInbox.Contract.ProveEquivocation(&_BatchInbox.TransactOpts, header, sigma)
}

// Submit is a paid mutator transaction binding the contract method 0xe5fa9bd1.
//
// Solidity: function submit((uint64,uint64,uint64,uint64,uint64,bytes32,bytes32,bytes32,bytes32,uint64,uint64,bytes32) header, bytes sigma) returns()
func (_BatchInbox *BatchInboxTransactor) Submit(opts *bind.TransactOpts, header StatementsBatch, sigma []byte) (*types.Transaction, error) {
	return _BatchInbox.contract.Transact(opts, "submit", header, sigma)
}

// Submit is a paid mutator transaction binding the contract method 0xe5fa9bd1.
//
// Solidity: function submit((uint64,uint64,uint64,uint64,uint64,bytes32,bytes32,bytes32,bytes32,uint64,uint64,bytes32) header, bytes sigma) returns()
func (_BatchInbox *BatchInboxSession) Submit(header StatementsBatch, sigma []byte) (*types.Transaction, error) {
	return _BatchInbox.Contract.Submit(&_BatchInbox.TransactOpts, header, sigma)
}

// Submit is a paid mutator transaction binding the contract method 0xe5fa9bd1.
//
// Solidity: function submit((uint64,uint64,uint64,uint64,uint64,bytes32,bytes32,bytes32,bytes32,uint64,uint64,bytes32) header, bytes sigma) returns()
func (_BatchInbox *BatchInboxTransactorSession) Submit(header StatementsBatch, sigma []byte) (*types.Transaction, error) {
	return _BatchInbox.Contract.Submit(&_BatchInbox.TransactOpts, header, sigma)
}

// BatchInboxBatchAcceptedIterator is returned from FilterBatchAccepted and is used to iterate over the raw logs and unpacked data for BatchAccepted events raised by the BatchInbox contract.
type BatchInboxBatchAcceptedIterator struct {
	Event *BatchInboxBatchAccepted // Event containing the contract specifics and raw log

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
func (it *BatchInboxBatchAcceptedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(BatchInboxBatchAccepted)
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
		it.Event = new(BatchInboxBatchAccepted)
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
func (it *BatchInboxBatchAcceptedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *BatchInboxBatchAcceptedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// BatchInboxBatchAccepted represents a BatchAccepted event raised by the BatchInbox contract.
type BatchInboxBatchAccepted struct {
	Index      uint64
	Eon        uint64
	HeaderHash [32]byte
	Header     StatementsBatch
	Raw        types.Log // Blockchain specific contextual infos
}

// FilterBatchAccepted is a free log retrieval operation binding the contract event 0xffb8c55a54619e631ad564159eb12b4c3c6c30df905a66439a8b4d9feb8641d2.
//
// Solidity: event BatchAccepted(uint64 indexed index, uint64 indexed eon, bytes32 headerHash, (uint64,uint64,uint64,uint64,uint64,bytes32,bytes32,bytes32,bytes32,uint64,uint64,bytes32) header)
func (_BatchInbox *BatchInboxFilterer) FilterBatchAccepted(opts *bind.FilterOpts, index []uint64, eon []uint64) (*BatchInboxBatchAcceptedIterator, error) {

	var indexRule []interface{}
	for _, indexItem := range index {
		indexRule = append(indexRule, indexItem)
	}
	var eonRule []interface{}
	for _, eonItem := range eon {
		eonRule = append(eonRule, eonItem)
	}

	logs, sub, err := _BatchInbox.contract.FilterLogs(opts, "BatchAccepted", indexRule, eonRule)
	if err != nil {
		return nil, err
	}
	return &BatchInboxBatchAcceptedIterator{contract: _BatchInbox.contract, event: "BatchAccepted", logs: logs, sub: sub}, nil
}

// WatchBatchAccepted is a free log subscription operation binding the contract event 0xffb8c55a54619e631ad564159eb12b4c3c6c30df905a66439a8b4d9feb8641d2.
//
// Solidity: event BatchAccepted(uint64 indexed index, uint64 indexed eon, bytes32 headerHash, (uint64,uint64,uint64,uint64,uint64,bytes32,bytes32,bytes32,bytes32,uint64,uint64,bytes32) header)
func (_BatchInbox *BatchInboxFilterer) WatchBatchAccepted(opts *bind.WatchOpts, sink chan<- *BatchInboxBatchAccepted, index []uint64, eon []uint64) (event.Subscription, error) {

	var indexRule []interface{}
	for _, indexItem := range index {
		indexRule = append(indexRule, indexItem)
	}
	var eonRule []interface{}
	for _, eonItem := range eon {
		eonRule = append(eonRule, eonItem)
	}

	logs, sub, err := _BatchInbox.contract.WatchLogs(opts, "BatchAccepted", indexRule, eonRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(BatchInboxBatchAccepted)
				if err := _BatchInbox.contract.UnpackLog(event, "BatchAccepted", log); err != nil {
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

// ParseBatchAccepted is a log parse operation binding the contract event 0xffb8c55a54619e631ad564159eb12b4c3c6c30df905a66439a8b4d9feb8641d2.
//
// Solidity: event BatchAccepted(uint64 indexed index, uint64 indexed eon, bytes32 headerHash, (uint64,uint64,uint64,uint64,uint64,bytes32,bytes32,bytes32,bytes32,uint64,uint64,bytes32) header)
func (_BatchInbox *BatchInboxFilterer) ParseBatchAccepted(log types.Log) (*BatchInboxBatchAccepted, error) {
	event := new(BatchInboxBatchAccepted)
	if err := _BatchInbox.contract.UnpackLog(event, "BatchAccepted", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// BatchInboxConfiguredIterator is returned from FilterConfigured and is used to iterate over the raw logs and unpacked data for Configured events raised by the BatchInbox contract.
type BatchInboxConfiguredIterator struct {
	Event *BatchInboxConfigured // Event containing the contract specifics and raw log

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
func (it *BatchInboxConfiguredIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(BatchInboxConfigured)
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
		it.Event = new(BatchInboxConfigured)
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
func (it *BatchInboxConfiguredIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *BatchInboxConfiguredIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// BatchInboxConfigured represents a Configured event raised by the BatchInbox contract.
type BatchInboxConfigured struct {
	Registry  common.Address
	ChainId   uint64
	FirstSlot uint64
	Raw       types.Log // Blockchain specific contextual infos
}

// FilterConfigured is a free log retrieval operation binding the contract event 0xfbde621763444186b8a874f13157b55877c8f26f3b1140237f397c2d1e18f7fb.
//
// Solidity: event Configured(address registry, uint64 chainId, uint64 firstSlot)
func (_BatchInbox *BatchInboxFilterer) FilterConfigured(opts *bind.FilterOpts) (*BatchInboxConfiguredIterator, error) {

	logs, sub, err := _BatchInbox.contract.FilterLogs(opts, "Configured")
	if err != nil {
		return nil, err
	}
	return &BatchInboxConfiguredIterator{contract: _BatchInbox.contract, event: "Configured", logs: logs, sub: sub}, nil
}

// WatchConfigured is a free log subscription operation binding the contract event 0xfbde621763444186b8a874f13157b55877c8f26f3b1140237f397c2d1e18f7fb.
//
// Solidity: event Configured(address registry, uint64 chainId, uint64 firstSlot)
func (_BatchInbox *BatchInboxFilterer) WatchConfigured(opts *bind.WatchOpts, sink chan<- *BatchInboxConfigured) (event.Subscription, error) {

	logs, sub, err := _BatchInbox.contract.WatchLogs(opts, "Configured")
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(BatchInboxConfigured)
				if err := _BatchInbox.contract.UnpackLog(event, "Configured", log); err != nil {
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

// ParseConfigured is a log parse operation binding the contract event 0xfbde621763444186b8a874f13157b55877c8f26f3b1140237f397c2d1e18f7fb.
//
// Solidity: event Configured(address registry, uint64 chainId, uint64 firstSlot)
func (_BatchInbox *BatchInboxFilterer) ParseConfigured(log types.Log) (*BatchInboxConfigured, error) {
	event := new(BatchInboxConfigured)
	if err := _BatchInbox.contract.UnpackLog(event, "Configured", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// BatchInboxEonInChargeIterator is returned from FilterEonInCharge and is used to iterate over the raw logs and unpacked data for EonInCharge events raised by the BatchInbox contract.
type BatchInboxEonInChargeIterator struct {
	Event *BatchInboxEonInCharge // Event containing the contract specifics and raw log

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
func (it *BatchInboxEonInChargeIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(BatchInboxEonInCharge)
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
		it.Event = new(BatchInboxEonInCharge)
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
func (it *BatchInboxEonInChargeIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *BatchInboxEonInChargeIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// BatchInboxEonInCharge represents a EonInCharge event raised by the BatchInbox contract.
type BatchInboxEonInCharge struct {
	Eon      uint64
	Previous uint64
	Since    uint64
	Raw      types.Log // Blockchain specific contextual infos
}

// FilterEonInCharge is a free log retrieval operation binding the contract event 0x0f7b0086e214e38677fd314a4fae3aac461ceeb12eee21ae505cd462975ff2f7.
//
// Solidity: event EonInCharge(uint64 indexed eon, uint64 previous, uint64 since)
func (_BatchInbox *BatchInboxFilterer) FilterEonInCharge(opts *bind.FilterOpts, eon []uint64) (*BatchInboxEonInChargeIterator, error) {

	var eonRule []interface{}
	for _, eonItem := range eon {
		eonRule = append(eonRule, eonItem)
	}

	logs, sub, err := _BatchInbox.contract.FilterLogs(opts, "EonInCharge", eonRule)
	if err != nil {
		return nil, err
	}
	return &BatchInboxEonInChargeIterator{contract: _BatchInbox.contract, event: "EonInCharge", logs: logs, sub: sub}, nil
}

// WatchEonInCharge is a free log subscription operation binding the contract event 0x0f7b0086e214e38677fd314a4fae3aac461ceeb12eee21ae505cd462975ff2f7.
//
// Solidity: event EonInCharge(uint64 indexed eon, uint64 previous, uint64 since)
func (_BatchInbox *BatchInboxFilterer) WatchEonInCharge(opts *bind.WatchOpts, sink chan<- *BatchInboxEonInCharge, eon []uint64) (event.Subscription, error) {

	var eonRule []interface{}
	for _, eonItem := range eon {
		eonRule = append(eonRule, eonItem)
	}

	logs, sub, err := _BatchInbox.contract.WatchLogs(opts, "EonInCharge", eonRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(BatchInboxEonInCharge)
				if err := _BatchInbox.contract.UnpackLog(event, "EonInCharge", log); err != nil {
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

// ParseEonInCharge is a log parse operation binding the contract event 0x0f7b0086e214e38677fd314a4fae3aac461ceeb12eee21ae505cd462975ff2f7.
//
// Solidity: event EonInCharge(uint64 indexed eon, uint64 previous, uint64 since)
func (_BatchInbox *BatchInboxFilterer) ParseEonInCharge(log types.Log) (*BatchInboxEonInCharge, error) {
	event := new(BatchInboxEonInCharge)
	if err := _BatchInbox.contract.UnpackLog(event, "EonInCharge", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// BatchInboxEquivocationIterator is returned from FilterEquivocation and is used to iterate over the raw logs and unpacked data for Equivocation events raised by the BatchInbox contract.
type BatchInboxEquivocationIterator struct {
	Event *BatchInboxEquivocation // Event containing the contract specifics and raw log

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
func (it *BatchInboxEquivocationIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(BatchInboxEquivocation)
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
		it.Event = new(BatchInboxEquivocation)
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
func (it *BatchInboxEquivocationIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *BatchInboxEquivocationIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// BatchInboxEquivocation represents a Equivocation event raised by the BatchInbox contract.
type BatchInboxEquivocation struct {
	Index        uint64
	Eon          uint64
	HeaderHash   [32]byte
	AcceptedHash [32]byte
	Raw          types.Log // Blockchain specific contextual infos
}

// FilterEquivocation is a free log retrieval operation binding the contract event 0xef8501f7a8e209996760ee1dc7f89c2b220862f35ccdb71679a970cdde014edf.
//
// Solidity: event Equivocation(uint64 indexed index, uint64 indexed eon, bytes32 headerHash, bytes32 acceptedHash)
func (_BatchInbox *BatchInboxFilterer) FilterEquivocation(opts *bind.FilterOpts, index []uint64, eon []uint64) (*BatchInboxEquivocationIterator, error) {

	var indexRule []interface{}
	for _, indexItem := range index {
		indexRule = append(indexRule, indexItem)
	}
	var eonRule []interface{}
	for _, eonItem := range eon {
		eonRule = append(eonRule, eonItem)
	}

	logs, sub, err := _BatchInbox.contract.FilterLogs(opts, "Equivocation", indexRule, eonRule)
	if err != nil {
		return nil, err
	}
	return &BatchInboxEquivocationIterator{contract: _BatchInbox.contract, event: "Equivocation", logs: logs, sub: sub}, nil
}

// WatchEquivocation is a free log subscription operation binding the contract event 0xef8501f7a8e209996760ee1dc7f89c2b220862f35ccdb71679a970cdde014edf.
//
// Solidity: event Equivocation(uint64 indexed index, uint64 indexed eon, bytes32 headerHash, bytes32 acceptedHash)
func (_BatchInbox *BatchInboxFilterer) WatchEquivocation(opts *bind.WatchOpts, sink chan<- *BatchInboxEquivocation, index []uint64, eon []uint64) (event.Subscription, error) {

	var indexRule []interface{}
	for _, indexItem := range index {
		indexRule = append(indexRule, indexItem)
	}
	var eonRule []interface{}
	for _, eonItem := range eon {
		eonRule = append(eonRule, eonItem)
	}

	logs, sub, err := _BatchInbox.contract.WatchLogs(opts, "Equivocation", indexRule, eonRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(BatchInboxEquivocation)
				if err := _BatchInbox.contract.UnpackLog(event, "Equivocation", log); err != nil {
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

// ParseEquivocation is a log parse operation binding the contract event 0xef8501f7a8e209996760ee1dc7f89c2b220862f35ccdb71679a970cdde014edf.
//
// Solidity: event Equivocation(uint64 indexed index, uint64 indexed eon, bytes32 headerHash, bytes32 acceptedHash)
func (_BatchInbox *BatchInboxFilterer) ParseEquivocation(log types.Log) (*BatchInboxEquivocation, error) {
	event := new(BatchInboxEquivocation)
	if err := _BatchInbox.contract.UnpackLog(event, "Equivocation", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// DepositVaultMetaData contains all meta data concerning the DepositVault contract.
var DepositVaultMetaData = &bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"contractIBatches\",\"name\":\"inbox_\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"withdrawDelay_\",\"type\":\"uint64\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"withdrawNonce\",\"type\":\"uint64\"}],\"name\":\"AlreadyClaimed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"withdrawDelay\",\"type\":\"uint64\"}],\"name\":\"BadDelay\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"BadProof\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"index\",\"type\":\"uint64\"}],\"name\":\"BatchNotAccepted\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"frozenFrom\",\"type\":\"uint64\"}],\"name\":\"DepositsClosed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"TransferFailed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"claimableAt\",\"type\":\"uint64\"}],\"name\":\"WithdrawTooEarly\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"index\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"frozenFrom\",\"type\":\"uint64\"}],\"name\":\"WithdrawalsFrozen\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroAddress\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroAmount\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"depositIndex\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"builder\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"CollateralDeposited\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"address\",\"name\":\"inbox\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"withdrawDelay\",\"type\":\"uint64\"}],\"name\":\"Configured\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"depositIndex\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Deposited\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Funded\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"withdrawNonce\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"batchIndex\",\"type\":\"uint64\"}],\"name\":\"Withdrawn\",\"type\":\"event\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"name\":\"claimed\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"deposit\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"depositIndex\",\"type\":\"uint64\"}],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"builder\",\"type\":\"address\"}],\"name\":\"depositCollateral\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"depositIndex\",\"type\":\"uint64\"}],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"fund\",\"outputs\":[],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"inbox\",\"outputs\":[{\"internalType\":\"contractIBatches\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"nextDepositIndex\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"components\":[{\"internalType\":\"uint64\",\"name\":\"chainId\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"eon\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"index\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"firstSlot\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"lastSlot\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"parent\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"recordsRoot\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"dataHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"withdrawalsRoot\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"forcedUpTo\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"l1Applied\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"appHash\",\"type\":\"bytes32\"}],\"internalType\":\"structStatements.Batch\",\"name\":\"header\",\"type\":\"tuple\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"uint64\",\"name\":\"withdrawNonce\",\"type\":\"uint64\"}],\"internalType\":\"structDepositVault.Withdrawal\",\"name\":\"w\",\"type\":\"tuple\"},{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"size\",\"type\":\"uint256\"},{\"internalType\":\"bytes32[]\",\"name\":\"path\",\"type\":\"bytes32[]\"}],\"name\":\"withdraw\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"withdrawDelay\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	Bin: "0x608060405234801561000f575f5ffd5b50604051610f8f380380610f8f83398101604081905261002e9161011d565b6001600160a01b0382166100555760405163d92e233d60e01b815260040160405180910390fd5b61006760026001600160401b0361016b565b6001600160401b0316816001600160401b031611156100a8576040516377fec66760e11b81526001600160401b038216600482015260240160405180910390fd5b5f80546001600160a01b0384166001600160e01b03199091168117600160a01b6001600160401b038516908102919091179092556040805191825260208201929092527f20b8d75aa0c23ff33d63531d71f79a994a063861fef30d10d60e96b652373473910160405180910390a150506101a5565b5f5f6040838503121561012e575f5ffd5b82516001600160a01b0381168114610144575f5ffd5b60208401519092506001600160401b0381168114610160575f5ffd5b809150509250929050565b5f6001600160401b0383168061018f57634e487b7160e01b5f52601260045260245ffd5b6001600160401b03929092169190910492915050565b610ddd806101b25f395ff3fe608060405260043610610079575f3560e01c8063b60d42881161004c578063b60d428814610112578063cc3c0f061461011a578063f340fa0114610158578063fb0e722b1461016b575f5ffd5b80630288a39c1461007d57806366294904146100bf5780636c4668a3146100e057806397d475d7146100ff575b5f5ffd5b348015610088575f5ffd5b505f546100a290600160a01b90046001600160401b031681565b6040516001600160401b0390911681526020015b60405180910390f35b3480156100ca575f5ffd5b506100de6100d9366004610acc565b6101a1565b005b3480156100eb575f5ffd5b506001546100a2906001600160401b031681565b6100a261010d366004610b85565b6106cb565b6100de610729565b348015610125575f5ffd5b50610148610134366004610bb2565b60026020525f908152604090205460ff1681565b60405190151581526020016100b6565b6100a2610166366004610b85565b610788565b348015610176575f5ffd5b505f54610189906001600160a01b031681565b6040516001600160a01b0390911681526020016100b6565b5f80546040516366fd49bb60e01b81526001600160a01b03909116906366fd49bb906101d1908a90600401610bed565b602060405180830381865afa1580156101ec573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906102109190610ce6565b9050806001600160401b03165f0361025c576102326060880160408901610d01565b60405163638ebd9f60e01b81526001600160401b0390911660048201526024015b60405180910390fd5b5f5f5f9054906101000a90046001600160a01b03166001600160a01b031663fdc9ab9a6040518163ffffffff1660e01b8152600401602060405180830381865afa1580156102ac573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906102d09190610ce6565b90506001600160401b0381166102ec60608a0160408b01610d01565b6001600160401b0316106103375761030a6060890160408a01610d01565b604051630710995b60e31b81526001600160401b0391821660048201529082166024820152604401610253565b5f805461035490600160a01b90046001600160401b031684610d30565b9050806001600160401b031642101561038b576040516383042abd60e01b81526001600160401b0382166004820152602401610253565b5f61039960208a018a610b85565b6103a960808b0160608c01610d01565b6040516020016103e492919060609290921b6bffffffffffffffffffffffff1916825260c01b6001600160c01b0319166014820152601c0190565b60408051601f1981840301815291815281516020928301205f818152600290935291205490915060ff16156104635761042060208a018a610b85565b61043060808b0160608c01610d01565b604051635166026b60e11b81526001600160a01b0390921660048301526001600160401b03166024820152604401610253565b5f61047160208b018b610b85565b61048160408c0160208d01610b85565b60408c013561049660808e0160608f01610d01565b604051606094851b6bffffffffffffffffffffffff1990811660208301529390941b9092166034840152604883015260c01b6001600160c01b031916606882015260700160405160208183030381529060405290506105378b61010001356104fd836107d9565b8b8b8b8b808060200260200160405190810160405280939291908181526020018383602002808284375f9201919091525061080b92505050565b61055457604051637ca55c7760e01b815260040160405180910390fd5b5f828152600260205260409020805460ff1916600117905561057c60808b0160608c01610d01565b6001600160401b031661059260208c018c610b85565b6001600160a01b03167f56e5c918f2e28c15f2a2b383d6f8f6a2a7ca98d1bda9a4048b8f97e83a4699cc6105cc60408e0160208f01610b85565b8d604001358f60400160208101906105e49190610d01565b604080516001600160a01b03909416845260208401929092526001600160401b03169082015260600160405180910390a35f61062660408c0160208d01610b85565b6001600160a01b03168b604001356040515f6040518083038185875af1925050503d805f8114610671576040519150601f19603f3d011682016040523d82523d5f602084013e610676565b606091505b50509050806106bd5761068f60408c0160208d01610b85565b60408051630e21dcbb60e11b81526001600160a01b0390921660048301528c01356024820152604401610253565b505050505050505050505050565b5f6106d58261098f565b9050816001600160a01b0316816001600160401b03167f902bfbf57fa774e48c208b8757f653054a6646d10f4b6a40b46d8e59785600193460405161071c91815260200190565b60405180910390a3919050565b345f0361074957604051631f2a200560e01b815260040160405180910390fd5b610751610a1f565b60405134815233907f5af8184bef8e4b45eb9f6ed7734d04da38ced226495548f46e0c8ff8d7d9a5249060200160405180910390a2565b5f6107928261098f565b9050816001600160a01b0316816001600160401b03167fe007c38a05fbf2010d1c1ed20f91e675c91d41699926124738a8c3fe9fc791b43460405161071c91815260200190565b6040515f906107ee9082908490602001610d55565b604051602081830303815290604052805190602001209050919050565b5f82841061081a57505f610986565b835f610827600186610d80565b9050865f5b855181101561097257825f03610848575f945050505050610986565b836001166001148061085957508284145b156108fa57600160f81b86828151811061087557610875610d93565b6020026020010151836040516020016108ad939291906001600160f81b03199390931683526001830191909152602182015260410190565b604051602081830303815290604052805190602001209150836001165f036108f5575b600184161580156108e057508315155b156108f557600193841c939290921c916108d0565b610962565b600160f81b8287838151811061091257610912610d93565b6020026020010151604051602001610949939291906001600160f81b03199390931683526001830191909152602182015260410190565b6040516020818303038152906040528051906020012091505b600193841c9392831c920161082c565b508115801561098057508881145b93505050505b95945050505050565b5f345f036109b057604051631f2a200560e01b815260040160405180910390fd5b6001600160a01b0382166109d75760405163d92e233d60e01b815260040160405180910390fd5b6109df610a1f565b50600180546001600160401b0316906109f9908290610d30565b6001805467ffffffffffffffff19166001600160401b0392909216919091179055919050565b5f5f5f9054906101000a90046001600160a01b03166001600160a01b031663fdc9ab9a6040518163ffffffff1660e01b8152600401602060405180830381865afa158015610a6f573d5f5f3e3d5ffd5b505050506040513d601f19601f82011682018060405250810190610a939190610ce6565b90506001600160401b0380821614610ac957604051635dff8ee960e01b81526001600160401b0382166004820152602401610253565b50565b5f5f5f5f5f5f868803610260811215610ae3575f5ffd5b610180811215610af1575f5ffd5b879650608061017f1982011215610b06575f5ffd5b5061018087019450610200870135935061022087013592506102408701356001600160401b03811115610b37575f5ffd5b8701601f81018913610b47575f5ffd5b80356001600160401b03811115610b5c575f5ffd5b8960208260051b8401011115610b70575f5ffd5b60208201935080925050509295509295509295565b5f60208284031215610b95575f5ffd5b81356001600160a01b0381168114610bab575f5ffd5b9392505050565b5f60208284031215610bc2575f5ffd5b5035919050565b6001600160401b0381168114610ac9575f5ffd5b8035610be881610bc9565b919050565b6101808101610c0c82610bff85610bdd565b6001600160401b03169052565b610c1860208401610bdd565b6001600160401b03166020830152610c3260408401610bdd565b6001600160401b03166040830152610c4c60608401610bdd565b6001600160401b03166060830152610c6660808401610bdd565b6001600160401b0316608083015260a0838101359083015260c0808401359083015260e080840135908301526101008084013590830152610caa6101208401610bdd565b6001600160401b0316610120830152610cc66101408401610bdd565b6001600160401b0381166101408401525061016092830135919092015290565b5f60208284031215610cf6575f5ffd5b8151610bab81610bc9565b5f60208284031215610d11575f5ffd5b8135610bab81610bc9565b634e487b7160e01b5f52601160045260245ffd5b6001600160401b038181168382160190811115610d4f57610d4f610d1c565b92915050565b6001600160f81b03198316815281515f908060208501600185015e5f92016001019182525092915050565b81810381811115610d4f57610d4f610d1c565b634e487b7160e01b5f52603260045260245ffdfea264697066735822122010ec0076b1ba99025a4df061c909e37b902e1bd475401a9d965d10d1df0f2ad864736f6c63430008250033",
}

// DepositVaultABI is the input ABI used to generate the binding from.
// Deprecated: Use DepositVaultMetaData.ABI instead.
var DepositVaultABI = DepositVaultMetaData.ABI

// DepositVaultBin is the compiled bytecode used for deploying new contracts.
// Deprecated: Use DepositVaultMetaData.Bin instead.
var DepositVaultBin = DepositVaultMetaData.Bin

// DeployDepositVault deploys a new Ethereum contract, binding an instance of DepositVault to it.
func DeployDepositVault(auth *bind.TransactOpts, backend bind.ContractBackend, inbox_ common.Address, withdrawDelay_ uint64) (common.Address, *types.Transaction, *DepositVault, error) {
	parsed, err := DepositVaultMetaData.GetAbi()
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	if parsed == nil {
		return common.Address{}, nil, nil, errors.New("GetABI returned nil")
	}

	address, tx, contract, err := bind.DeployContract(auth, *parsed, common.FromHex(DepositVaultBin), backend, inbox_, withdrawDelay_)
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

// Claimed is a free data retrieval call binding the contract method 0xcc3c0f06.
//
// Solidity: function claimed(bytes32 ) view returns(bool)
func (_DepositVault *DepositVaultCaller) Claimed(opts *bind.CallOpts, arg0 [32]byte) (bool, error) {
	var out []interface{}
	err := _DepositVault.contract.Call(opts, &out, "claimed", arg0)

	if err != nil {
		return *new(bool), err
	}

	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)

	return out0, err

}

// Claimed is a free data retrieval call binding the contract method 0xcc3c0f06.
//
// Solidity: function claimed(bytes32 ) view returns(bool)
func (_DepositVault *DepositVaultSession) Claimed(arg0 [32]byte) (bool, error) {
	return _DepositVault.Contract.Claimed(&_DepositVault.CallOpts, arg0)
}

// Claimed is a free data retrieval call binding the contract method 0xcc3c0f06.
//
// Solidity: function claimed(bytes32 ) view returns(bool)
func (_DepositVault *DepositVaultCallerSession) Claimed(arg0 [32]byte) (bool, error) {
	return _DepositVault.Contract.Claimed(&_DepositVault.CallOpts, arg0)
}

// Inbox is a free data retrieval call binding the contract method 0xfb0e722b.
//
// Solidity: function inbox() view returns(address)
func (_DepositVault *DepositVaultCaller) Inbox(opts *bind.CallOpts) (common.Address, error) {
	var out []interface{}
	err := _DepositVault.contract.Call(opts, &out, "inbox")

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// Inbox is a free data retrieval call binding the contract method 0xfb0e722b.
//
// Solidity: function inbox() view returns(address)
func (_DepositVault *DepositVaultSession) Inbox() (common.Address, error) {
	return _DepositVault.Contract.Inbox(&_DepositVault.CallOpts)
}

// Inbox is a free data retrieval call binding the contract method 0xfb0e722b.
//
// Solidity: function inbox() view returns(address)
func (_DepositVault *DepositVaultCallerSession) Inbox() (common.Address, error) {
	return _DepositVault.Contract.Inbox(&_DepositVault.CallOpts)
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

// WithdrawDelay is a free data retrieval call binding the contract method 0x0288a39c.
//
// Solidity: function withdrawDelay() view returns(uint64)
func (_DepositVault *DepositVaultCaller) WithdrawDelay(opts *bind.CallOpts) (uint64, error) {
	var out []interface{}
	err := _DepositVault.contract.Call(opts, &out, "withdrawDelay")

	if err != nil {
		return *new(uint64), err
	}

	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)

	return out0, err

}

// WithdrawDelay is a free data retrieval call binding the contract method 0x0288a39c.
//
// Solidity: function withdrawDelay() view returns(uint64)
func (_DepositVault *DepositVaultSession) WithdrawDelay() (uint64, error) {
	return _DepositVault.Contract.WithdrawDelay(&_DepositVault.CallOpts)
}

// WithdrawDelay is a free data retrieval call binding the contract method 0x0288a39c.
//
// Solidity: function withdrawDelay() view returns(uint64)
func (_DepositVault *DepositVaultCallerSession) WithdrawDelay() (uint64, error) {
	return _DepositVault.Contract.WithdrawDelay(&_DepositVault.CallOpts)
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

// Fund is a paid mutator transaction binding the contract method 0xb60d4288.
//
// Solidity: function fund() payable returns()
func (_DepositVault *DepositVaultTransactor) Fund(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _DepositVault.contract.Transact(opts, "fund")
}

// Fund is a paid mutator transaction binding the contract method 0xb60d4288.
//
// Solidity: function fund() payable returns()
func (_DepositVault *DepositVaultSession) Fund() (*types.Transaction, error) {
	return _DepositVault.Contract.Fund(&_DepositVault.TransactOpts)
}

// Fund is a paid mutator transaction binding the contract method 0xb60d4288.
//
// Solidity: function fund() payable returns()
func (_DepositVault *DepositVaultTransactorSession) Fund() (*types.Transaction, error) {
	return _DepositVault.Contract.Fund(&_DepositVault.TransactOpts)
}

// Withdraw is a paid mutator transaction binding the contract method 0x66294904.
//
// Solidity: function withdraw((uint64,uint64,uint64,uint64,uint64,bytes32,bytes32,bytes32,bytes32,uint64,uint64,bytes32) header, (address,address,uint256,uint64) w, uint256 index, uint256 size, bytes32[] path) returns()
func (_DepositVault *DepositVaultTransactor) Withdraw(opts *bind.TransactOpts, header StatementsBatch, w DepositVaultWithdrawal, index *big.Int, size *big.Int, path [][32]byte) (*types.Transaction, error) {
	return _DepositVault.contract.Transact(opts, "withdraw", header, w, index, size, path)
}

// Withdraw is a paid mutator transaction binding the contract method 0x66294904.
//
// Solidity: function withdraw((uint64,uint64,uint64,uint64,uint64,bytes32,bytes32,bytes32,bytes32,uint64,uint64,bytes32) header, (address,address,uint256,uint64) w, uint256 index, uint256 size, bytes32[] path) returns()
func (_DepositVault *DepositVaultSession) Withdraw(header StatementsBatch, w DepositVaultWithdrawal, index *big.Int, size *big.Int, path [][32]byte) (*types.Transaction, error) {
	return _DepositVault.Contract.Withdraw(&_DepositVault.TransactOpts, header, w, index, size, path)
}

// Withdraw is a paid mutator transaction binding the contract method 0x66294904.
//
// Solidity: function withdraw((uint64,uint64,uint64,uint64,uint64,bytes32,bytes32,bytes32,bytes32,uint64,uint64,bytes32) header, (address,address,uint256,uint64) w, uint256 index, uint256 size, bytes32[] path) returns()
func (_DepositVault *DepositVaultTransactorSession) Withdraw(header StatementsBatch, w DepositVaultWithdrawal, index *big.Int, size *big.Int, path [][32]byte) (*types.Transaction, error) {
	return _DepositVault.Contract.Withdraw(&_DepositVault.TransactOpts, header, w, index, size, path)
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

// DepositVaultConfiguredIterator is returned from FilterConfigured and is used to iterate over the raw logs and unpacked data for Configured events raised by the DepositVault contract.
type DepositVaultConfiguredIterator struct {
	Event *DepositVaultConfigured // Event containing the contract specifics and raw log

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
func (it *DepositVaultConfiguredIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(DepositVaultConfigured)
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
		it.Event = new(DepositVaultConfigured)
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
func (it *DepositVaultConfiguredIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *DepositVaultConfiguredIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// DepositVaultConfigured represents a Configured event raised by the DepositVault contract.
type DepositVaultConfigured struct {
	Inbox         common.Address
	WithdrawDelay uint64
	Raw           types.Log // Blockchain specific contextual infos
}

// FilterConfigured is a free log retrieval operation binding the contract event 0x20b8d75aa0c23ff33d63531d71f79a994a063861fef30d10d60e96b652373473.
//
// Solidity: event Configured(address inbox, uint64 withdrawDelay)
func (_DepositVault *DepositVaultFilterer) FilterConfigured(opts *bind.FilterOpts) (*DepositVaultConfiguredIterator, error) {

	logs, sub, err := _DepositVault.contract.FilterLogs(opts, "Configured")
	if err != nil {
		return nil, err
	}
	return &DepositVaultConfiguredIterator{contract: _DepositVault.contract, event: "Configured", logs: logs, sub: sub}, nil
}

// WatchConfigured is a free log subscription operation binding the contract event 0x20b8d75aa0c23ff33d63531d71f79a994a063861fef30d10d60e96b652373473.
//
// Solidity: event Configured(address inbox, uint64 withdrawDelay)
func (_DepositVault *DepositVaultFilterer) WatchConfigured(opts *bind.WatchOpts, sink chan<- *DepositVaultConfigured) (event.Subscription, error) {

	logs, sub, err := _DepositVault.contract.WatchLogs(opts, "Configured")
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(DepositVaultConfigured)
				if err := _DepositVault.contract.UnpackLog(event, "Configured", log); err != nil {
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

// ParseConfigured is a log parse operation binding the contract event 0x20b8d75aa0c23ff33d63531d71f79a994a063861fef30d10d60e96b652373473.
//
// Solidity: event Configured(address inbox, uint64 withdrawDelay)
func (_DepositVault *DepositVaultFilterer) ParseConfigured(log types.Log) (*DepositVaultConfigured, error) {
	event := new(DepositVaultConfigured)
	if err := _DepositVault.contract.UnpackLog(event, "Configured", log); err != nil {
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

// DepositVaultFundedIterator is returned from FilterFunded and is used to iterate over the raw logs and unpacked data for Funded events raised by the DepositVault contract.
type DepositVaultFundedIterator struct {
	Event *DepositVaultFunded // Event containing the contract specifics and raw log

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
func (it *DepositVaultFundedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(DepositVaultFunded)
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
		it.Event = new(DepositVaultFunded)
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
func (it *DepositVaultFundedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *DepositVaultFundedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// DepositVaultFunded represents a Funded event raised by the DepositVault contract.
type DepositVaultFunded struct {
	From   common.Address
	Amount *big.Int
	Raw    types.Log // Blockchain specific contextual infos
}

// FilterFunded is a free log retrieval operation binding the contract event 0x5af8184bef8e4b45eb9f6ed7734d04da38ced226495548f46e0c8ff8d7d9a524.
//
// Solidity: event Funded(address indexed from, uint256 amount)
func (_DepositVault *DepositVaultFilterer) FilterFunded(opts *bind.FilterOpts, from []common.Address) (*DepositVaultFundedIterator, error) {

	var fromRule []interface{}
	for _, fromItem := range from {
		fromRule = append(fromRule, fromItem)
	}

	logs, sub, err := _DepositVault.contract.FilterLogs(opts, "Funded", fromRule)
	if err != nil {
		return nil, err
	}
	return &DepositVaultFundedIterator{contract: _DepositVault.contract, event: "Funded", logs: logs, sub: sub}, nil
}

// WatchFunded is a free log subscription operation binding the contract event 0x5af8184bef8e4b45eb9f6ed7734d04da38ced226495548f46e0c8ff8d7d9a524.
//
// Solidity: event Funded(address indexed from, uint256 amount)
func (_DepositVault *DepositVaultFilterer) WatchFunded(opts *bind.WatchOpts, sink chan<- *DepositVaultFunded, from []common.Address) (event.Subscription, error) {

	var fromRule []interface{}
	for _, fromItem := range from {
		fromRule = append(fromRule, fromItem)
	}

	logs, sub, err := _DepositVault.contract.WatchLogs(opts, "Funded", fromRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(DepositVaultFunded)
				if err := _DepositVault.contract.UnpackLog(event, "Funded", log); err != nil {
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

// ParseFunded is a log parse operation binding the contract event 0x5af8184bef8e4b45eb9f6ed7734d04da38ced226495548f46e0c8ff8d7d9a524.
//
// Solidity: event Funded(address indexed from, uint256 amount)
func (_DepositVault *DepositVaultFilterer) ParseFunded(log types.Log) (*DepositVaultFunded, error) {
	event := new(DepositVaultFunded)
	if err := _DepositVault.contract.UnpackLog(event, "Funded", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// DepositVaultWithdrawnIterator is returned from FilterWithdrawn and is used to iterate over the raw logs and unpacked data for Withdrawn events raised by the DepositVault contract.
type DepositVaultWithdrawnIterator struct {
	Event *DepositVaultWithdrawn // Event containing the contract specifics and raw log

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
func (it *DepositVaultWithdrawnIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(DepositVaultWithdrawn)
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
		it.Event = new(DepositVaultWithdrawn)
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
func (it *DepositVaultWithdrawnIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *DepositVaultWithdrawnIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// DepositVaultWithdrawn represents a Withdrawn event raised by the DepositVault contract.
type DepositVaultWithdrawn struct {
	Account       common.Address
	WithdrawNonce uint64
	Recipient     common.Address
	Amount        *big.Int
	BatchIndex    uint64
	Raw           types.Log // Blockchain specific contextual infos
}

// FilterWithdrawn is a free log retrieval operation binding the contract event 0x56e5c918f2e28c15f2a2b383d6f8f6a2a7ca98d1bda9a4048b8f97e83a4699cc.
//
// Solidity: event Withdrawn(address indexed account, uint64 indexed withdrawNonce, address recipient, uint256 amount, uint64 batchIndex)
func (_DepositVault *DepositVaultFilterer) FilterWithdrawn(opts *bind.FilterOpts, account []common.Address, withdrawNonce []uint64) (*DepositVaultWithdrawnIterator, error) {

	var accountRule []interface{}
	for _, accountItem := range account {
		accountRule = append(accountRule, accountItem)
	}
	var withdrawNonceRule []interface{}
	for _, withdrawNonceItem := range withdrawNonce {
		withdrawNonceRule = append(withdrawNonceRule, withdrawNonceItem)
	}

	logs, sub, err := _DepositVault.contract.FilterLogs(opts, "Withdrawn", accountRule, withdrawNonceRule)
	if err != nil {
		return nil, err
	}
	return &DepositVaultWithdrawnIterator{contract: _DepositVault.contract, event: "Withdrawn", logs: logs, sub: sub}, nil
}

// WatchWithdrawn is a free log subscription operation binding the contract event 0x56e5c918f2e28c15f2a2b383d6f8f6a2a7ca98d1bda9a4048b8f97e83a4699cc.
//
// Solidity: event Withdrawn(address indexed account, uint64 indexed withdrawNonce, address recipient, uint256 amount, uint64 batchIndex)
func (_DepositVault *DepositVaultFilterer) WatchWithdrawn(opts *bind.WatchOpts, sink chan<- *DepositVaultWithdrawn, account []common.Address, withdrawNonce []uint64) (event.Subscription, error) {

	var accountRule []interface{}
	for _, accountItem := range account {
		accountRule = append(accountRule, accountItem)
	}
	var withdrawNonceRule []interface{}
	for _, withdrawNonceItem := range withdrawNonce {
		withdrawNonceRule = append(withdrawNonceRule, withdrawNonceItem)
	}

	logs, sub, err := _DepositVault.contract.WatchLogs(opts, "Withdrawn", accountRule, withdrawNonceRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(DepositVaultWithdrawn)
				if err := _DepositVault.contract.UnpackLog(event, "Withdrawn", log); err != nil {
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

// ParseWithdrawn is a log parse operation binding the contract event 0x56e5c918f2e28c15f2a2b383d6f8f6a2a7ca98d1bda9a4048b8f97e83a4699cc.
//
// Solidity: event Withdrawn(address indexed account, uint64 indexed withdrawNonce, address recipient, uint256 amount, uint64 batchIndex)
func (_DepositVault *DepositVaultFilterer) ParseWithdrawn(log types.Log) (*DepositVaultWithdrawn, error) {
	event := new(DepositVaultWithdrawn)
	if err := _DepositVault.contract.UnpackLog(event, "Withdrawn", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// ForcedInclusionQueueMetaData contains all meta data concerning the ForcedInclusionQueue contract.
var ForcedInclusionQueueMetaData = &bind.MetaData{
	ABI: "[{\"inputs\":[{\"components\":[{\"internalType\":\"uint256\",\"name\":\"minFeePerGas\",\"type\":\"uint256\"},{\"internalType\":\"uint64\",\"name\":\"forcedGas\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"targetGas\",\"type\":\"uint64\"},{\"internalType\":\"uint32\",\"name\":\"maxItemBytes\",\"type\":\"uint32\"}],\"internalType\":\"structForcedInclusionQueue.Config\",\"name\":\"c\",\"type\":\"tuple\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[],\"name\":\"BadConfig\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"EmptyItem\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"gas\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"forcedGas\",\"type\":\"uint64\"}],\"name\":\"GasTooHigh\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"gas\",\"type\":\"uint64\"},{\"internalType\":\"uint256\",\"name\":\"minimum\",\"type\":\"uint256\"}],\"name\":\"GasTooLow\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"maxItemBytes\",\"type\":\"uint256\"}],\"name\":\"ItemTooLarge\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"RefundFailed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"required\",\"type\":\"uint256\"}],\"name\":\"Underpaid\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"minFeePerGas\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"forcedGas\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"targetGas\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"maxItemBytes\",\"type\":\"uint32\"}],\"name\":\"Configured\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"forcedIndex\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"gas\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"pricePerGas\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"timestamp\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"item\",\"type\":\"bytes\"}],\"name\":\"Enqueued\",\"type\":\"event\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"item\",\"type\":\"bytes\"},{\"internalType\":\"uint64\",\"name\":\"gas\",\"type\":\"uint64\"}],\"name\":\"enqueue\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"forcedIndex\",\"type\":\"uint64\"}],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"forcedGas\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"maxItemBytes\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"\",\"type\":\"uint32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"minFeePerGas\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"nextForcedIndex\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"pricePerGas\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"p\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"targetGas\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	Bin: "0x608060405234801561000f575f5ffd5b506040516109e93803806109e983398101604081905261002e91610176565b8051158061004a575061520881602001516001600160401b0316105b80610060575060408101516001600160401b0316155b806100735750606081015163ffffffff16155b15610091576040516301f30c8760e21b815260040160405180910390fd5b80515f819055602080830151600180546040808701516060808901516001600160401b039687166001600160801b03199095168517680100000000000000009388169384021763ffffffff60801b1916600160801b63ffffffff909216918202179095556002889055600380546001600160401b03191643909716969096179095558151968752948601919091528401929092528201527f4755343bf43f4f9f9f8fd261b023b4eb47f7a913132ee9d2e94c79bc053e6d5e9060800160405180910390a150610201565b80516001600160401b0381168114610171575f5ffd5b919050565b5f6080828403128015610187575f5ffd5b50604051608081016001600160401b03811182821017156101b657634e487b7160e01b5f52604160045260245ffd5b604052825181526101c96020840161015b565b60208201526101da6040840161015b565b6040820152606083015163ffffffff811681146101f5575f5ffd5b60608201529392505050565b6107db8061020e5f395ff3fe60806040526004361061006e575f3560e01c806365dcd84d1161004c57806365dcd84d146100f65780636b111e221461010a578063a69d2cbf1461011d578063d1f6b07914610143575f5ffd5b8063154ecca1146100725780633068ad37146100995780636330d59d146100d0575b5f5ffd5b34801561007d575f5ffd5b5061008661017b565b6040519081526020015b60405180910390f35b3480156100a4575f5ffd5b506001546100b8906001600160401b031681565b6040516001600160401b039091168152602001610090565b3480156100db575f5ffd5b506001546100b890600160401b90046001600160401b031681565b348015610101575f5ffd5b506100865f5481565b6100b86101183660046105f1565b61018a565b348015610128575f5ffd5b506001546100b890600160a01b90046001600160401b031681565b34801561014e575f5ffd5b5060015461016690600160801b900463ffffffff1681565b60405163ffffffff9091168152602001610090565b5f61018461045e565b50919050565b5f8281036101ab57604051635ab458fb60e01b815260040160405180910390fd5b600154600160801b900463ffffffff168311156101f9576001546040516379c32c8d60e11b815260048101859052600160801b90910463ffffffff1660248201526044015b60405180910390fd5b5f61020584601061068d565b610211906152086106aa565b905080836001600160401b0316101561024f576040516311e069a760e31b81526001600160401b0384166004820152602481018290526044016101f0565b6001546001600160401b039081169084161115610296576001546040516314f2a21d60e31b81526001600160401b03808616600483015290911660248201526044016101f0565b5f5f6102a061045e565b90925090505f6102b96001600160401b0387168461068d565b9050803410156102e557604051633cfaf0e160e21b8152346004820152602481018290526044016101f0565b60028390556003805467ffffffffffffffff1916436001600160401b031617905561031086836106bd565b600380546fffffffffffffffff00000000000000001916600160401b6001600160401b039384160217905560018054600160a01b9004909116906014610355836106dc565b91906101000a8154816001600160401b0302191690836001600160401b031602179055509450336001600160a01b0316856001600160401b03167f4d131dcda9f3d806ecf4da5a33082d1259fb6dd4441093d5a89750149a0b9a5e8886428d8d6040516103c6959493929190610706565b60405180910390a35f6103d9823461075b565b90508015610452576040515f90339083908381818185875af1925050503d805f8114610420576040519150601f19603f3d011682016040523d82523d5f602084013e610425565b606091505b5050905080610450576040516357b9d85960e11b8152336004820152602481018390526044016101f0565b505b50505050509392505050565b6002546003545f906001600160401b0316430361048f57506003549091600160401b9091046001600160401b031690565b6001546003546001600160401b03600160401b92839004811692909104166104b882600261068d565b8111156104cd576104ca82600261068d565b90505b81811115610524575f6008836104e3818561075b565b6104ed908861068d565b6104f7919061076e565b610501919061076e565b9050801561050f5780610512565b60015b61051c90866106aa565b94505061055c565b600882610531838261075b565b61053b908761068d565b610545919061076e565b61054f919061076e565b610559908561075b565b93505b6003545f90600190610577906001600160401b03164361075b565b610581919061075b565b90505f5b818110801561059457505f5486115b80156105a957505f6105a760088861076e565b115b156105d7576105b960088761076e565b6105c3908761075b565b9550806105cf8161078d565b915050610585565b505f548510156105e6575f5494505b5092935f9350915050565b5f5f5f60408486031215610603575f5ffd5b83356001600160401b03811115610618575f5ffd5b8401601f81018613610628575f5ffd5b80356001600160401b0381111561063d575f5ffd5b86602082840101111561064e575f5ffd5b6020918201945092508401356001600160401b038116811461066e575f5ffd5b809150509250925092565b634e487b7160e01b5f52601160045260245ffd5b80820281158282048414176106a4576106a4610679565b92915050565b808201808211156106a4576106a4610679565b6001600160401b0381811683821601908111156106a4576106a4610679565b5f6001600160401b0382166001600160401b0381036106fd576106fd610679565b60010192915050565b6001600160401b03861681528460208201526001600160401b038416604082015260806060820152816080820152818360a08301375f81830160a090810191909152601f909201601f19160101949350505050565b818103818111156106a4576106a4610679565b5f8261078857634e487b7160e01b5f52601260045260245ffd5b500490565b5f6001820161079e5761079e610679565b506001019056fea2646970667358221220cba6a60966e2a85352847d05ea8a0f44d7ea7bebadd506cf240444b4682ddd2d64736f6c63430008250033",
}

// ForcedInclusionQueueABI is the input ABI used to generate the binding from.
// Deprecated: Use ForcedInclusionQueueMetaData.ABI instead.
var ForcedInclusionQueueABI = ForcedInclusionQueueMetaData.ABI

// ForcedInclusionQueueBin is the compiled bytecode used for deploying new contracts.
// Deprecated: Use ForcedInclusionQueueMetaData.Bin instead.
var ForcedInclusionQueueBin = ForcedInclusionQueueMetaData.Bin

// DeployForcedInclusionQueue deploys a new Ethereum contract, binding an instance of ForcedInclusionQueue to it.
func DeployForcedInclusionQueue(auth *bind.TransactOpts, backend bind.ContractBackend, c ForcedInclusionQueueConfig) (common.Address, *types.Transaction, *ForcedInclusionQueue, error) {
	parsed, err := ForcedInclusionQueueMetaData.GetAbi()
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	if parsed == nil {
		return common.Address{}, nil, nil, errors.New("GetABI returned nil")
	}

	address, tx, contract, err := bind.DeployContract(auth, *parsed, common.FromHex(ForcedInclusionQueueBin), backend, c)
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	return address, tx, &ForcedInclusionQueue{ForcedInclusionQueueCaller: ForcedInclusionQueueCaller{contract: contract}, ForcedInclusionQueueTransactor: ForcedInclusionQueueTransactor{contract: contract}, ForcedInclusionQueueFilterer: ForcedInclusionQueueFilterer{contract: contract}}, nil
}

// ForcedInclusionQueue is an auto generated Go binding around an Ethereum contract.
type ForcedInclusionQueue struct {
	ForcedInclusionQueueCaller     // Read-only binding to the contract
	ForcedInclusionQueueTransactor // Write-only binding to the contract
	ForcedInclusionQueueFilterer   // Log filterer for contract events
}

// ForcedInclusionQueueCaller is an auto generated read-only Go binding around an Ethereum contract.
type ForcedInclusionQueueCaller struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// ForcedInclusionQueueTransactor is an auto generated write-only Go binding around an Ethereum contract.
type ForcedInclusionQueueTransactor struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// ForcedInclusionQueueFilterer is an auto generated log filtering Go binding around an Ethereum contract events.
type ForcedInclusionQueueFilterer struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// ForcedInclusionQueueSession is an auto generated Go binding around an Ethereum contract,
// with pre-set call and transact options.
type ForcedInclusionQueueSession struct {
	Contract     *ForcedInclusionQueue // Generic contract binding to set the session for
	CallOpts     bind.CallOpts         // Call options to use throughout this session
	TransactOpts bind.TransactOpts     // Transaction auth options to use throughout this session
}

// ForcedInclusionQueueCallerSession is an auto generated read-only Go binding around an Ethereum contract,
// with pre-set call options.
type ForcedInclusionQueueCallerSession struct {
	Contract *ForcedInclusionQueueCaller // Generic contract caller binding to set the session for
	CallOpts bind.CallOpts               // Call options to use throughout this session
}

// ForcedInclusionQueueTransactorSession is an auto generated write-only Go binding around an Ethereum contract,
// with pre-set transact options.
type ForcedInclusionQueueTransactorSession struct {
	Contract     *ForcedInclusionQueueTransactor // Generic contract transactor binding to set the session for
	TransactOpts bind.TransactOpts               // Transaction auth options to use throughout this session
}

// ForcedInclusionQueueRaw is an auto generated low-level Go binding around an Ethereum contract.
type ForcedInclusionQueueRaw struct {
	Contract *ForcedInclusionQueue // Generic contract binding to access the raw methods on
}

// ForcedInclusionQueueCallerRaw is an auto generated low-level read-only Go binding around an Ethereum contract.
type ForcedInclusionQueueCallerRaw struct {
	Contract *ForcedInclusionQueueCaller // Generic read-only contract binding to access the raw methods on
}

// ForcedInclusionQueueTransactorRaw is an auto generated low-level write-only Go binding around an Ethereum contract.
type ForcedInclusionQueueTransactorRaw struct {
	Contract *ForcedInclusionQueueTransactor // Generic write-only contract binding to access the raw methods on
}

// NewForcedInclusionQueue creates a new instance of ForcedInclusionQueue, bound to a specific deployed contract.
func NewForcedInclusionQueue(address common.Address, backend bind.ContractBackend) (*ForcedInclusionQueue, error) {
	contract, err := bindForcedInclusionQueue(address, backend, backend, backend)
	if err != nil {
		return nil, err
	}
	return &ForcedInclusionQueue{ForcedInclusionQueueCaller: ForcedInclusionQueueCaller{contract: contract}, ForcedInclusionQueueTransactor: ForcedInclusionQueueTransactor{contract: contract}, ForcedInclusionQueueFilterer: ForcedInclusionQueueFilterer{contract: contract}}, nil
}

// NewForcedInclusionQueueCaller creates a new read-only instance of ForcedInclusionQueue, bound to a specific deployed contract.
func NewForcedInclusionQueueCaller(address common.Address, caller bind.ContractCaller) (*ForcedInclusionQueueCaller, error) {
	contract, err := bindForcedInclusionQueue(address, caller, nil, nil)
	if err != nil {
		return nil, err
	}
	return &ForcedInclusionQueueCaller{contract: contract}, nil
}

// NewForcedInclusionQueueTransactor creates a new write-only instance of ForcedInclusionQueue, bound to a specific deployed contract.
func NewForcedInclusionQueueTransactor(address common.Address, transactor bind.ContractTransactor) (*ForcedInclusionQueueTransactor, error) {
	contract, err := bindForcedInclusionQueue(address, nil, transactor, nil)
	if err != nil {
		return nil, err
	}
	return &ForcedInclusionQueueTransactor{contract: contract}, nil
}

// NewForcedInclusionQueueFilterer creates a new log filterer instance of ForcedInclusionQueue, bound to a specific deployed contract.
func NewForcedInclusionQueueFilterer(address common.Address, filterer bind.ContractFilterer) (*ForcedInclusionQueueFilterer, error) {
	contract, err := bindForcedInclusionQueue(address, nil, nil, filterer)
	if err != nil {
		return nil, err
	}
	return &ForcedInclusionQueueFilterer{contract: contract}, nil
}

// bindForcedInclusionQueue binds a generic wrapper to an already deployed contract.
func bindForcedInclusionQueue(address common.Address, caller bind.ContractCaller, transactor bind.ContractTransactor, filterer bind.ContractFilterer) (*bind.BoundContract, error) {
	parsed, err := ForcedInclusionQueueMetaData.GetAbi()
	if err != nil {
		return nil, err
	}
	return bind.NewBoundContract(address, *parsed, caller, transactor, filterer), nil
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_ForcedInclusionQueue *ForcedInclusionQueueRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _ForcedInclusionQueue.Contract.ForcedInclusionQueueCaller.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_ForcedInclusionQueue *ForcedInclusionQueueRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _ForcedInclusionQueue.Contract.ForcedInclusionQueueTransactor.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_ForcedInclusionQueue *ForcedInclusionQueueRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _ForcedInclusionQueue.Contract.ForcedInclusionQueueTransactor.contract.Transact(opts, method, params...)
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_ForcedInclusionQueue *ForcedInclusionQueueCallerRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _ForcedInclusionQueue.Contract.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_ForcedInclusionQueue *ForcedInclusionQueueTransactorRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _ForcedInclusionQueue.Contract.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_ForcedInclusionQueue *ForcedInclusionQueueTransactorRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _ForcedInclusionQueue.Contract.contract.Transact(opts, method, params...)
}

// ForcedGas is a free data retrieval call binding the contract method 0x3068ad37.
//
// Solidity: function forcedGas() view returns(uint64)
func (_ForcedInclusionQueue *ForcedInclusionQueueCaller) ForcedGas(opts *bind.CallOpts) (uint64, error) {
	var out []interface{}
	err := _ForcedInclusionQueue.contract.Call(opts, &out, "forcedGas")

	if err != nil {
		return *new(uint64), err
	}

	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)

	return out0, err

}

// ForcedGas is a free data retrieval call binding the contract method 0x3068ad37.
//
// Solidity: function forcedGas() view returns(uint64)
func (_ForcedInclusionQueue *ForcedInclusionQueueSession) ForcedGas() (uint64, error) {
	return _ForcedInclusionQueue.Contract.ForcedGas(&_ForcedInclusionQueue.CallOpts)
}

// ForcedGas is a free data retrieval call binding the contract method 0x3068ad37.
//
// Solidity: function forcedGas() view returns(uint64)
func (_ForcedInclusionQueue *ForcedInclusionQueueCallerSession) ForcedGas() (uint64, error) {
	return _ForcedInclusionQueue.Contract.ForcedGas(&_ForcedInclusionQueue.CallOpts)
}

// MaxItemBytes is a free data retrieval call binding the contract method 0xd1f6b079.
//
// Solidity: function maxItemBytes() view returns(uint32)
func (_ForcedInclusionQueue *ForcedInclusionQueueCaller) MaxItemBytes(opts *bind.CallOpts) (uint32, error) {
	var out []interface{}
	err := _ForcedInclusionQueue.contract.Call(opts, &out, "maxItemBytes")

	if err != nil {
		return *new(uint32), err
	}

	out0 := *abi.ConvertType(out[0], new(uint32)).(*uint32)

	return out0, err

}

// MaxItemBytes is a free data retrieval call binding the contract method 0xd1f6b079.
//
// Solidity: function maxItemBytes() view returns(uint32)
func (_ForcedInclusionQueue *ForcedInclusionQueueSession) MaxItemBytes() (uint32, error) {
	return _ForcedInclusionQueue.Contract.MaxItemBytes(&_ForcedInclusionQueue.CallOpts)
}

// MaxItemBytes is a free data retrieval call binding the contract method 0xd1f6b079.
//
// Solidity: function maxItemBytes() view returns(uint32)
func (_ForcedInclusionQueue *ForcedInclusionQueueCallerSession) MaxItemBytes() (uint32, error) {
	return _ForcedInclusionQueue.Contract.MaxItemBytes(&_ForcedInclusionQueue.CallOpts)
}

// MinFeePerGas is a free data retrieval call binding the contract method 0x65dcd84d.
//
// Solidity: function minFeePerGas() view returns(uint256)
func (_ForcedInclusionQueue *ForcedInclusionQueueCaller) MinFeePerGas(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _ForcedInclusionQueue.contract.Call(opts, &out, "minFeePerGas")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// MinFeePerGas is a free data retrieval call binding the contract method 0x65dcd84d.
//
// Solidity: function minFeePerGas() view returns(uint256)
func (_ForcedInclusionQueue *ForcedInclusionQueueSession) MinFeePerGas() (*big.Int, error) {
	return _ForcedInclusionQueue.Contract.MinFeePerGas(&_ForcedInclusionQueue.CallOpts)
}

// MinFeePerGas is a free data retrieval call binding the contract method 0x65dcd84d.
//
// Solidity: function minFeePerGas() view returns(uint256)
func (_ForcedInclusionQueue *ForcedInclusionQueueCallerSession) MinFeePerGas() (*big.Int, error) {
	return _ForcedInclusionQueue.Contract.MinFeePerGas(&_ForcedInclusionQueue.CallOpts)
}

// NextForcedIndex is a free data retrieval call binding the contract method 0xa69d2cbf.
//
// Solidity: function nextForcedIndex() view returns(uint64)
func (_ForcedInclusionQueue *ForcedInclusionQueueCaller) NextForcedIndex(opts *bind.CallOpts) (uint64, error) {
	var out []interface{}
	err := _ForcedInclusionQueue.contract.Call(opts, &out, "nextForcedIndex")

	if err != nil {
		return *new(uint64), err
	}

	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)

	return out0, err

}

// NextForcedIndex is a free data retrieval call binding the contract method 0xa69d2cbf.
//
// Solidity: function nextForcedIndex() view returns(uint64)
func (_ForcedInclusionQueue *ForcedInclusionQueueSession) NextForcedIndex() (uint64, error) {
	return _ForcedInclusionQueue.Contract.NextForcedIndex(&_ForcedInclusionQueue.CallOpts)
}

// NextForcedIndex is a free data retrieval call binding the contract method 0xa69d2cbf.
//
// Solidity: function nextForcedIndex() view returns(uint64)
func (_ForcedInclusionQueue *ForcedInclusionQueueCallerSession) NextForcedIndex() (uint64, error) {
	return _ForcedInclusionQueue.Contract.NextForcedIndex(&_ForcedInclusionQueue.CallOpts)
}

// PricePerGas is a free data retrieval call binding the contract method 0x154ecca1.
//
// Solidity: function pricePerGas() view returns(uint256 p)
func (_ForcedInclusionQueue *ForcedInclusionQueueCaller) PricePerGas(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _ForcedInclusionQueue.contract.Call(opts, &out, "pricePerGas")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// PricePerGas is a free data retrieval call binding the contract method 0x154ecca1.
//
// Solidity: function pricePerGas() view returns(uint256 p)
func (_ForcedInclusionQueue *ForcedInclusionQueueSession) PricePerGas() (*big.Int, error) {
	return _ForcedInclusionQueue.Contract.PricePerGas(&_ForcedInclusionQueue.CallOpts)
}

// PricePerGas is a free data retrieval call binding the contract method 0x154ecca1.
//
// Solidity: function pricePerGas() view returns(uint256 p)
func (_ForcedInclusionQueue *ForcedInclusionQueueCallerSession) PricePerGas() (*big.Int, error) {
	return _ForcedInclusionQueue.Contract.PricePerGas(&_ForcedInclusionQueue.CallOpts)
}

// TargetGas is a free data retrieval call binding the contract method 0x6330d59d.
//
// Solidity: function targetGas() view returns(uint64)
func (_ForcedInclusionQueue *ForcedInclusionQueueCaller) TargetGas(opts *bind.CallOpts) (uint64, error) {
	var out []interface{}
	err := _ForcedInclusionQueue.contract.Call(opts, &out, "targetGas")

	if err != nil {
		return *new(uint64), err
	}

	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)

	return out0, err

}

// TargetGas is a free data retrieval call binding the contract method 0x6330d59d.
//
// Solidity: function targetGas() view returns(uint64)
func (_ForcedInclusionQueue *ForcedInclusionQueueSession) TargetGas() (uint64, error) {
	return _ForcedInclusionQueue.Contract.TargetGas(&_ForcedInclusionQueue.CallOpts)
}

// TargetGas is a free data retrieval call binding the contract method 0x6330d59d.
//
// Solidity: function targetGas() view returns(uint64)
func (_ForcedInclusionQueue *ForcedInclusionQueueCallerSession) TargetGas() (uint64, error) {
	return _ForcedInclusionQueue.Contract.TargetGas(&_ForcedInclusionQueue.CallOpts)
}

// Enqueue is a paid mutator transaction binding the contract method 0x6b111e22.
//
// Solidity: function enqueue(bytes item, uint64 gas) payable returns(uint64 forcedIndex)
func (_ForcedInclusionQueue *ForcedInclusionQueueTransactor) Enqueue(opts *bind.TransactOpts, item []byte, gas uint64) (*types.Transaction, error) {
	return _ForcedInclusionQueue.contract.Transact(opts, "enqueue", item, gas)
}

// Enqueue is a paid mutator transaction binding the contract method 0x6b111e22.
//
// Solidity: function enqueue(bytes item, uint64 gas) payable returns(uint64 forcedIndex)
func (_ForcedInclusionQueue *ForcedInclusionQueueSession) Enqueue(item []byte, gas uint64) (*types.Transaction, error) {
	return _ForcedInclusionQueue.Contract.Enqueue(&_ForcedInclusionQueue.TransactOpts, item, gas)
}

// Enqueue is a paid mutator transaction binding the contract method 0x6b111e22.
//
// Solidity: function enqueue(bytes item, uint64 gas) payable returns(uint64 forcedIndex)
func (_ForcedInclusionQueue *ForcedInclusionQueueTransactorSession) Enqueue(item []byte, gas uint64) (*types.Transaction, error) {
	return _ForcedInclusionQueue.Contract.Enqueue(&_ForcedInclusionQueue.TransactOpts, item, gas)
}

// ForcedInclusionQueueConfiguredIterator is returned from FilterConfigured and is used to iterate over the raw logs and unpacked data for Configured events raised by the ForcedInclusionQueue contract.
type ForcedInclusionQueueConfiguredIterator struct {
	Event *ForcedInclusionQueueConfigured // Event containing the contract specifics and raw log

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
func (it *ForcedInclusionQueueConfiguredIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(ForcedInclusionQueueConfigured)
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
		it.Event = new(ForcedInclusionQueueConfigured)
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
func (it *ForcedInclusionQueueConfiguredIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *ForcedInclusionQueueConfiguredIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// ForcedInclusionQueueConfigured represents a Configured event raised by the ForcedInclusionQueue contract.
type ForcedInclusionQueueConfigured struct {
	MinFeePerGas *big.Int
	ForcedGas    uint64
	TargetGas    uint64
	MaxItemBytes uint32
	Raw          types.Log // Blockchain specific contextual infos
}

// FilterConfigured is a free log retrieval operation binding the contract event 0x4755343bf43f4f9f9f8fd261b023b4eb47f7a913132ee9d2e94c79bc053e6d5e.
//
// Solidity: event Configured(uint256 minFeePerGas, uint64 forcedGas, uint64 targetGas, uint32 maxItemBytes)
func (_ForcedInclusionQueue *ForcedInclusionQueueFilterer) FilterConfigured(opts *bind.FilterOpts) (*ForcedInclusionQueueConfiguredIterator, error) {

	logs, sub, err := _ForcedInclusionQueue.contract.FilterLogs(opts, "Configured")
	if err != nil {
		return nil, err
	}
	return &ForcedInclusionQueueConfiguredIterator{contract: _ForcedInclusionQueue.contract, event: "Configured", logs: logs, sub: sub}, nil
}

// WatchConfigured is a free log subscription operation binding the contract event 0x4755343bf43f4f9f9f8fd261b023b4eb47f7a913132ee9d2e94c79bc053e6d5e.
//
// Solidity: event Configured(uint256 minFeePerGas, uint64 forcedGas, uint64 targetGas, uint32 maxItemBytes)
func (_ForcedInclusionQueue *ForcedInclusionQueueFilterer) WatchConfigured(opts *bind.WatchOpts, sink chan<- *ForcedInclusionQueueConfigured) (event.Subscription, error) {

	logs, sub, err := _ForcedInclusionQueue.contract.WatchLogs(opts, "Configured")
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(ForcedInclusionQueueConfigured)
				if err := _ForcedInclusionQueue.contract.UnpackLog(event, "Configured", log); err != nil {
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

// ParseConfigured is a log parse operation binding the contract event 0x4755343bf43f4f9f9f8fd261b023b4eb47f7a913132ee9d2e94c79bc053e6d5e.
//
// Solidity: event Configured(uint256 minFeePerGas, uint64 forcedGas, uint64 targetGas, uint32 maxItemBytes)
func (_ForcedInclusionQueue *ForcedInclusionQueueFilterer) ParseConfigured(log types.Log) (*ForcedInclusionQueueConfigured, error) {
	event := new(ForcedInclusionQueueConfigured)
	if err := _ForcedInclusionQueue.contract.UnpackLog(event, "Configured", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// ForcedInclusionQueueEnqueuedIterator is returned from FilterEnqueued and is used to iterate over the raw logs and unpacked data for Enqueued events raised by the ForcedInclusionQueue contract.
type ForcedInclusionQueueEnqueuedIterator struct {
	Event *ForcedInclusionQueueEnqueued // Event containing the contract specifics and raw log

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
func (it *ForcedInclusionQueueEnqueuedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(ForcedInclusionQueueEnqueued)
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
		it.Event = new(ForcedInclusionQueueEnqueued)
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
func (it *ForcedInclusionQueueEnqueuedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *ForcedInclusionQueueEnqueuedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// ForcedInclusionQueueEnqueued represents a Enqueued event raised by the ForcedInclusionQueue contract.
type ForcedInclusionQueueEnqueued struct {
	ForcedIndex uint64
	Sender      common.Address
	Gas         uint64
	PricePerGas *big.Int
	Timestamp   uint64
	Item        []byte
	Raw         types.Log // Blockchain specific contextual infos
}

// FilterEnqueued is a free log retrieval operation binding the contract event 0x4d131dcda9f3d806ecf4da5a33082d1259fb6dd4441093d5a89750149a0b9a5e.
//
// Solidity: event Enqueued(uint64 indexed forcedIndex, address indexed sender, uint64 gas, uint256 pricePerGas, uint64 timestamp, bytes item)
func (_ForcedInclusionQueue *ForcedInclusionQueueFilterer) FilterEnqueued(opts *bind.FilterOpts, forcedIndex []uint64, sender []common.Address) (*ForcedInclusionQueueEnqueuedIterator, error) {

	var forcedIndexRule []interface{}
	for _, forcedIndexItem := range forcedIndex {
		forcedIndexRule = append(forcedIndexRule, forcedIndexItem)
	}
	var senderRule []interface{}
	for _, senderItem := range sender {
		senderRule = append(senderRule, senderItem)
	}

	logs, sub, err := _ForcedInclusionQueue.contract.FilterLogs(opts, "Enqueued", forcedIndexRule, senderRule)
	if err != nil {
		return nil, err
	}
	return &ForcedInclusionQueueEnqueuedIterator{contract: _ForcedInclusionQueue.contract, event: "Enqueued", logs: logs, sub: sub}, nil
}

// WatchEnqueued is a free log subscription operation binding the contract event 0x4d131dcda9f3d806ecf4da5a33082d1259fb6dd4441093d5a89750149a0b9a5e.
//
// Solidity: event Enqueued(uint64 indexed forcedIndex, address indexed sender, uint64 gas, uint256 pricePerGas, uint64 timestamp, bytes item)
func (_ForcedInclusionQueue *ForcedInclusionQueueFilterer) WatchEnqueued(opts *bind.WatchOpts, sink chan<- *ForcedInclusionQueueEnqueued, forcedIndex []uint64, sender []common.Address) (event.Subscription, error) {

	var forcedIndexRule []interface{}
	for _, forcedIndexItem := range forcedIndex {
		forcedIndexRule = append(forcedIndexRule, forcedIndexItem)
	}
	var senderRule []interface{}
	for _, senderItem := range sender {
		senderRule = append(senderRule, senderItem)
	}

	logs, sub, err := _ForcedInclusionQueue.contract.WatchLogs(opts, "Enqueued", forcedIndexRule, senderRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(ForcedInclusionQueueEnqueued)
				if err := _ForcedInclusionQueue.contract.UnpackLog(event, "Enqueued", log); err != nil {
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

// ParseEnqueued is a log parse operation binding the contract event 0x4d131dcda9f3d806ecf4da5a33082d1259fb6dd4441093d5a89750149a0b9a5e.
//
// Solidity: event Enqueued(uint64 indexed forcedIndex, address indexed sender, uint64 gas, uint256 pricePerGas, uint64 timestamp, bytes item)
func (_ForcedInclusionQueue *ForcedInclusionQueueFilterer) ParseEnqueued(log types.Log) (*ForcedInclusionQueueEnqueued, error) {
	event := new(ForcedInclusionQueueEnqueued)
	if err := _ForcedInclusionQueue.contract.UnpackLog(event, "Enqueued", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// LibCheckMetaData contains all meta data concerning the LibCheck contract.
var LibCheckMetaData = &bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"}],\"name\":\"BadEonKeyLength\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"}],\"name\":\"BadSignatureLength\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"precompile\",\"type\":\"address\"}],\"name\":\"PrecompileFailed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"message\",\"type\":\"bytes\"}],\"name\":\"hashToG1\",\"outputs\":[{\"internalType\":\"bytes\",\"name\":\"\",\"type\":\"bytes\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"chainId\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"eon\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"m\",\"type\":\"bytes32\"}],\"name\":\"signingIdentity\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"chainId\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"eon\",\"type\":\"uint64\"},{\"internalType\":\"bytes\",\"name\":\"eonKey\",\"type\":\"bytes\"},{\"internalType\":\"bytes32\",\"name\":\"m\",\"type\":\"bytes32\"},{\"internalType\":\"bytes\",\"name\":\"sigma\",\"type\":\"bytes\"}],\"name\":\"verify\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"},{\"internalType\":\"bytes\",\"name\":\"item\",\"type\":\"bytes\"},{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"size\",\"type\":\"uint256\"},{\"internalType\":\"bytes32[]\",\"name\":\"path\",\"type\":\"bytes32[]\"}],\"name\":\"verifyMerkle\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"pure\",\"type\":\"function\"}]",
	Bin: "0x6080604052348015600e575f5ffd5b5061115a8061001c5f395ff3fe608060405234801561000f575f5ffd5b506004361061004a575f3560e01c80633aca3c591461004e5780634ce3870514610076578063834c465f14610089578063f1718662146100aa575b5f5ffd5b61006161005c366004610be9565b6100ca565b60405190151581526020015b60405180910390f35b610061610084366004610c82565b61014c565b61009c610097366004610d3f565b6101c9565b60405190815260200161006d565b6100bd6100b8366004610d79565b6101dd565b60405161006d9190610db8565b5f610140888888888080601f0160208091040260200160405190810160405280939291908181526020018383808284375f9201919091525050604080516020601f8b018190048102820181019092528981528b9350915089908990819084018382808284375f9201919091525061022692505050565b98975050505050505050565b5f6101408861018f89898080601f0160208091040260200160405190810160405280939291908181526020018383808284375f920191909152506103b592505050565b87878787808060200260200160405190810160405280939291908181526020018383602002808284375f920191909152506103e792505050565b5f6101d5848484610566565b949350505050565b606061021d83838080601f0160208091040260200160405190810160405280939291908181526020018383808284375f920191909152506105c792505050565b90505b92915050565b5f8351610100146102585783516040516311b0727960e31b815260040161024f91815260200190565b60405180910390fd5b815160801461027f578151604051633e89287f60e11b815260040161024f91815260200190565b610288826106b1565b806102975750610297846106b1565b156102a357505f6103ac565b5f6102e7600160f81b6102b7898988610566565b6040516001600160f81b0319909216602083015260218201526041016040516020818303038152906040526105c7565b90505f5f600f6001600160a01b0316856040518061012001604052806101008152602001610ff56101009139858a6040516020016103289493929190610e04565b60408051601f198184030181529082905261034291610e2a565b5f60405180830381855afa9150503d805f811461037a576040519150601f19603f3d011682016040523d82523d5f602084013e61037f565b606091505b5091509150818015610392575080516020145b80156103a657506103a281610e35565b6001145b93505050505b95945050505050565b6040515f906103ca9082908490602001610e5b565b604051602081830303815290604052805190602001209050919050565b5f8284106103f657505f6103ac565b835f610403600186610e76565b9050865f5b855181101561054e57825f03610424575f9450505050506103ac565b836001166001148061043557508284145b156104d657600160f81b86828151811061045157610451610e95565b602002602001015183604051602001610489939291906001600160f81b03199390931683526001830191909152602182015260410190565b604051602081830303815290604052805190602001209150836001165f036104d1575b600184161580156104bc57508315155b156104d157600193841c939290921c916104ac565b61053e565b600160f81b828783815181106104ee576104ee610e95565b6020026020010151604051602001610525939291906001600160f81b03199390931683526001830191909152602182015260410190565b6040516020818303038152906040528051906020012091505b600193841c9392831c9201610408565b50811580156103a65750909714979650505050505050565b6040516b7665696c2f7369676e2f763160a01b60208201526001600160c01b031960c085811b8216602c84015284901b166034820152603c81018290525f90605c016040516020818303038152906040528051906020012090509392505050565b60605f6105d3836106e8565b90505f6105e86105e3835f6109dc565b610af2565b90505f6105f96105e38460406109dc565b90505f5f600b6001600160a01b0316848460405160200161061b929190610ea9565b60408051601f198184030181529082905261063591610e2a565b5f60405180830381855afa9150503d805f811461066d576040519150601f19603f3d011682016040523d82523d5f602084013e610672565b606091505b509150915081158061068657508051608014155b156106a7576040516375c6821d60e11b8152600b600482015260240161024f565b9695505050505050565b5f6001905060208201825181015b808210156106e1578151156106d6575f92506106e1565b6020820191506106bf565b5050919050565b60605f6040518060600160405280602b8152602001610fca602b91396040518060600160405280602b8152602001610fca602b91395160405160200161072f929190610eb7565b60408051808303601f1901815281835260608301825292505f91600291602082018180368337505060405161077192915087906080905f908890602001610ede565b60408051601f198184030181529082905261078b91610e2a565b602060405180830381855afa1580156107a6573d5f5f3e3d5ffd5b5050506040513d601f19601f820116820180604052508101906107c99190610f24565b90505f6002826001856040516020016107e493929190610f3b565b60408051601f19818403018152908290526107fe91610e2a565b602060405180830381855afa158015610819573d5f5f3e3d5ffd5b5050506040513d601f19601f8201168201806040525081019061083c9190610f24565b90505f600282841860028660405160200161085993929190610f3b565b60408051601f198184030181529082905261087391610e2a565b602060405180830381855afa15801561088e573d5f5f3e3d5ffd5b5050506040513d601f19601f820116820180604052508101906108b19190610f24565b90505f60028285186003876040516020016108ce93929190610f3b565b60408051601f19818403018152908290526108e891610e2a565b602060405180830381855afa158015610903573d5f5f3e3d5ffd5b5050506040513d601f19601f820116820180604052508101906109269190610f24565b90505f600282861860048860405160200161094393929190610f3b565b60408051601f198184030181529082905261095d91610e2a565b602060405180830381855afa158015610978573d5f5f3e3d5ffd5b5050506040513d601f19601f8201168201806040525081019061099b9190610f24565b6040805160208101879052908101859052606081018490526080810182905290915060a0016040516020818303038152906040529650505050505050919050565b60605f5f8360208601015191508360408601015190505f5f60056001600160a01b0316604060016030878760016040518060600160405280603081526020016110f560309139604051602001610a389796959493929190610f60565b60408051601f1981840301815290829052610a5291610e2a565b5f60405180830381855afa9150503d805f8114610a8a576040519150601f19603f3d011682016040523d82523d5f602084013e610a8f565b606091505b5091509150811580610aa357508051603014155b15610ac4576040516375c6821d60e11b81526005600482015260240161024f565b604051610ad7905f908390602001610fa5565b60405160208183030381529060405294505050505092915050565b60605f5f60106001600160a01b031684604051610b0f9190610e2a565b5f60405180830381855afa9150503d805f8114610b47576040519150601f19603f3d011682016040523d82523d5f602084013e610b4c565b606091505b5091509150811580610b6057508051608014155b15610b81576040516375c6821d60e11b81526010600482015260240161024f565b9392505050565b803567ffffffffffffffff81168114610b9f575f5ffd5b919050565b5f5f83601f840112610bb4575f5ffd5b50813567ffffffffffffffff811115610bcb575f5ffd5b602083019150836020828501011115610be2575f5ffd5b9250929050565b5f5f5f5f5f5f5f60a0888a031215610bff575f5ffd5b610c0888610b88565b9650610c1660208901610b88565b9550604088013567ffffffffffffffff811115610c31575f5ffd5b610c3d8a828b01610ba4565b90965094505060608801359250608088013567ffffffffffffffff811115610c63575f5ffd5b610c6f8a828b01610ba4565b989b979a50959850939692959293505050565b5f5f5f5f5f5f5f60a0888a031215610c98575f5ffd5b87359650602088013567ffffffffffffffff811115610cb5575f5ffd5b610cc18a828b01610ba4565b9097509550506040880135935060608801359250608088013567ffffffffffffffff811115610cee575f5ffd5b8801601f81018a13610cfe575f5ffd5b803567ffffffffffffffff811115610d14575f5ffd5b8a60208260051b8401011115610d28575f5ffd5b602082019350809250505092959891949750929550565b5f5f5f60608486031215610d51575f5ffd5b610d5a84610b88565b9250610d6860208501610b88565b929592945050506040919091013590565b5f5f60208385031215610d8a575f5ffd5b823567ffffffffffffffff811115610da0575f5ffd5b610dac85828601610ba4565b90969095509350505050565b602081525f82518060208401528060208501604085015e5f604082850101526040601f19601f83011684010191505092915050565b5f81518060208401855e5f93019283525090919050565b5f6106a7610e24610e1e610e18858a610ded565b88610ded565b86610ded565b84610ded565b5f61021d8284610ded565b80516020808301519190811015610e55575f198160200360031b1b821691505b50919050565b6001600160f81b0319831681525f6101d56001830184610ded565b8181038181111561022057634e487b7160e01b5f52601160045260245ffd5b634e487b7160e01b5f52603260045260245ffd5b5f6101d5610e248386610ded565b5f610ec28285610ded565b60f89390931b6001600160f81b03191683525050600101919050565b5f610ef2610eec8389610ded565b87610ded565b60f086901b6001600160f01b031916815260f885901b6001600160f81b03191660028201526101406003820185610ded565b5f60208284031215610f34575f5ffd5b5051919050565b83815260f883901b6001600160f81b03191660208201525f6103ac6021830184610ded565b87815286602082015285604082015284606082015283608082015260ff60f81b8360f81b1660a08201525f610f9860a1830184610ded565b9998505050505050505050565b6fffffffffffffffffffffffffffffffff19831681525f6101d56010830184610ded56fe534855545445525f5630315f424c53313233383147315f584d443a5348412d3235365f535357555f524f5f00000000000000000000000000000000024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bdb80000000000000000000000000000000013e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b7e000000000000000000000000000000000d1b3cc2c7027888be51d9ef691d77bcb679afda66c73f17f9ee3837a55024f78c71363275a75d75d86bab79f74782aa0000000000000000000000000000000013fa4d4a0ad8b1ce186ed5061789213d993923066dddaf1040bc3ff59f825c78df74f2d75467e25e0f55f8a00fa030ed1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaaba2646970667358221220925c6654c3db363c779bbb3b0c628320182743bd45db4bad46ad1cb330f642fa64736f6c63430008250033",
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

// SequencerRegistryMetaData contains all meta data concerning the SequencerRegistry contract.
var SequencerRegistryMetaData = &bind.MetaData{
	ABI: "[{\"inputs\":[{\"components\":[{\"internalType\":\"uint64\",\"name\":\"chainId\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"salt\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"minStake\",\"type\":\"uint256\"},{\"internalType\":\"uint64\",\"name\":\"exitDelay\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"inbox\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"genesisEon\",\"type\":\"uint64\"},{\"internalType\":\"bytes\",\"name\":\"genesisKey\",\"type\":\"bytes\"}],\"internalType\":\"structSequencerRegistry.Config\",\"name\":\"c\",\"type\":\"tuple\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"keyper\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"cometPubKey\",\"type\":\"bytes32\"},{\"internalType\":\"bytes\",\"name\":\"publicShare\",\"type\":\"bytes\"}],\"internalType\":\"structStatements.Member[]\",\"name\":\"genesisMembers\",\"type\":\"tuple[]\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"registration\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"requestedAt\",\"type\":\"uint64\"}],\"name\":\"AlreadyExiting\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"keyper\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"registration\",\"type\":\"uint64\"}],\"name\":\"AlreadyRegistered\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"exitDelay\",\"type\":\"uint64\"}],\"name\":\"BadDelay\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"BadEonKey\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"}],\"name\":\"BadEonKeyLength\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"}],\"name\":\"BadProofLength\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"}],\"name\":\"BadShareLength\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"eon\",\"type\":\"uint64\"}],\"name\":\"BadSignature\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"}],\"name\":\"BadSignatureLength\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"EonKeyAtInfinity\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"eon\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"latestEon\",\"type\":\"uint64\"}],\"name\":\"EonNotNew\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"eon\",\"type\":\"uint64\"}],\"name\":\"EonNotRetired\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NoMembers\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"registration\",\"type\":\"uint64\"}],\"name\":\"NotExiting\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"keyper\",\"type\":\"address\"}],\"name\":\"NotRegistered\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"registration\",\"type\":\"uint64\"}],\"name\":\"NothingToWithdraw\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"precompile\",\"type\":\"address\"}],\"name\":\"PrecompileFailed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"evidenceHash\",\"type\":\"bytes32\"}],\"name\":\"SlashReplayed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"minStake\",\"type\":\"uint256\"}],\"name\":\"StakeTooLow\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"TransferFailed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"registration\",\"type\":\"uint64\"}],\"name\":\"UnknownRegistration\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"availableAt\",\"type\":\"uint64\"}],\"name\":\"WithdrawTooEarly\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroAddress\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroCometKey\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"chainId\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"salt\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"minStake\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"exitDelay\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"inbox\",\"type\":\"address\"}],\"name\":\"Configured\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"eon\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"signer\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"publicKey\",\"type\":\"bytes\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"keypersRoot\",\"type\":\"bytes32\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"keyper\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"cometPubKey\",\"type\":\"bytes32\"},{\"internalType\":\"bytes\",\"name\":\"publicShare\",\"type\":\"bytes\"}],\"indexed\":false,\"internalType\":\"structStatements.Member[]\",\"name\":\"members\",\"type\":\"tuple[]\"}],\"name\":\"EonRegistered\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"registration\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"keyper\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"requestedAt\",\"type\":\"uint64\"}],\"name\":\"ExitRequested\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"registration\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"keyper\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"cometPubKey\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"cometSig\",\"type\":\"bytes\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"stake\",\"type\":\"uint256\"}],\"name\":\"Registered\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"registration\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"keyper\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"height\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"evidenceHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Slashed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"registration\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"keyper\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"StakeWithdrawn\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"chainId\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"domainSeparator\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"eon\",\"type\":\"uint64\"}],\"name\":\"eonKey\",\"outputs\":[{\"internalType\":\"bytes\",\"name\":\"publicKey\",\"type\":\"bytes\"},{\"internalType\":\"bytes32\",\"name\":\"keypersRoot\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"name\":\"evidenceUsed\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"exitDelay\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"genesisEon\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"inbox\",\"outputs\":[{\"internalType\":\"contractIEonSchedule\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"keyper\",\"type\":\"address\"}],\"name\":\"lastEonOfKeyper\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"eon\",\"type\":\"uint64\"},{\"internalType\":\"bool\",\"name\":\"ok\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"latestEon\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"minStake\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"cometPubKey\",\"type\":\"bytes32\"},{\"internalType\":\"bytes\",\"name\":\"cometSig\",\"type\":\"bytes\"}],\"name\":\"register\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"registration\",\"type\":\"uint64\"}],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"eon\",\"type\":\"uint64\"},{\"internalType\":\"bytes\",\"name\":\"publicKey\",\"type\":\"bytes\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"keyper\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"cometPubKey\",\"type\":\"bytes32\"},{\"internalType\":\"bytes\",\"name\":\"publicShare\",\"type\":\"bytes\"}],\"internalType\":\"structStatements.Member[]\",\"name\":\"members\",\"type\":\"tuple[]\"},{\"internalType\":\"bytes\",\"name\":\"sigma\",\"type\":\"bytes\"}],\"name\":\"registerEon\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"registrationCount\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"keyper\",\"type\":\"address\"}],\"name\":\"registrationOf\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"registration\",\"type\":\"uint64\"},{\"internalType\":\"bool\",\"name\":\"ok\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"name\":\"registrations\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"keyper\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"exitRequestedAt\",\"type\":\"uint64\"},{\"internalType\":\"bool\",\"name\":\"slashed\",\"type\":\"bool\"},{\"internalType\":\"bool\",\"name\":\"withdrawn\",\"type\":\"bool\"},{\"internalType\":\"bytes32\",\"name\":\"cometPubKey\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"stake\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"requestExit\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"registration\",\"type\":\"uint64\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"registration\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"height\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"evidenceHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes\",\"name\":\"sigma\",\"type\":\"bytes\"}],\"name\":\"slash\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"slashedTotal\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"withdrawStake\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	Bin: "0x608060405234801561000f575f5ffd5b50604051613a40380380613a4083398101604081905261002e91610abc565b60808201516001600160a01b03166100595760405163d92e233d60e01b815260040160405180910390fd5b61006b60026001600160401b03610bbe565b6001600160401b031682606001516001600160401b031611156100b75760608201516040516377fec66760e11b81526001600160401b0390911660048201526024015b60405180910390fd5b81515f80546001600160401b0319166001600160401b03831617905560208301516100e291906101cd565b6001556040828101516002819055606080850151600380546080808901516001600160401b039485166001600160e01b03199093168317680100000000000000006001600160a01b039092169182021790935560a0808a0151600480546001600160401b03191691871691909117905589516020808c01518a519290971682528101959095529684019590955292820192909252918201527f88c31fa1685121f4faa97a0729db85a89a75ccd9bc25898d9dc592399d1c6b3e910160405180910390a160a082015160c08301516101c6919081906101c0818661027f565b85610438565b5050610f27565b604080517fa604fff5a27d5951f334ccda7abff3286a8af29caeeb196a6f2b40a1dce7612b60208201527fc5050e6b0e39b3906fb1f21151438ca9b73e45fa74fe918dbb23a6eb5af30027918101919091527fc89efdaa54c0f20c7adf612882df0950f5a951637e0307cdcb4c672f298b8bc660608201526001600160401b038316608082015260a081018290525f9060c0016040516020818303038152906040528051906020012090505b92915050565b5f8251610100146102a85782516040516311b0727960e31b81526004016100ae91815260200190565b81515f036102c957604051630292d7c360e51b815260040160405180910390fd5b6102d2836105a4565b156102f05760405163b05efdd360e01b815260040160405180910390fd5b6102f9836105db565b6103165760405163e4334be160e01b815260040160405180910390fd5b5f82516001600160401b038111156103305761033061089d565b604051908082528060200260200182016040528015610359578160200160208202803683370190505b5090505f5b83518110156104265783818151811061037957610379610bf8565b602002602001015160400151516060146103d157808482815181106103a0576103a0610bf8565b60200260200101516040015151604051630657463760e11b81526004016100ae929190918252602082015260400190565b6104016103fc8583815181106103e9576103e9610bf8565b602002602001015161069960201b60201c565b6106d1565b82828151811061041357610413610bf8565b602090810291909101015260010161035e565b5061043081610703565b949350505050565b60408051808201825284815260208082018590526001600160401b0388165f908152600990915291909120815181906104719082610c9b565b506020919091015160019091015560048054600160401b600160801b031916680100000000000000006001600160401b038816021790555f5b8151811015610555575f8282815181106104c6576104c6610bf8565b60200260200101515f015190508660016104e09190610d59565b6001600160a01b0382165f908152600860205260409020546001600160401b039182169116101561054c57610516876001610d59565b6001600160a01b0382165f90815260086020526040902080546001600160401b0319166001600160401b03929092169190911790555b506001016104aa565b50846001600160401b03167f96fad5b2d08cafae247d1a5431f91d347638ba6873f5cd3e2d8dd58d95ecab2f858585856040516105959493929190610da6565b60405180910390a25050505050565b5f6001905060208201825181015b808210156105d4578151156105c9575f92506105d4565b6020820191506105b2565b5050919050565b5f8151610100146105ed57505f919050565b5f5f600e6001600160a01b031684600160405160200161060e929190610e75565b60408051601f198184030181529082905261062891610e8d565b5f60405180830381855afa9150503d805f8114610660576040519150601f19603f3d011682016040523d82523d5f602084013e610665565b606091505b509150915081801561067957508051610100145b801561043057508380519060200120818051906020012014949350505050565b6060815f0151826020015183604001516040516020016106bb93929190610e9f565b6040516020818303038152906040529050919050565b6040515f906106e69082908490602001610ece565b604051602081830303815290604052805190602001209050919050565b80515f9080820361073657507fc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a47092915050565b600181111561087b575f805b8261074e826001610ee9565b101561081957600160f81b85828151811061076b5761076b610bf8565b6020026020010151868360016107819190610ee9565b8151811061079157610791610bf8565b60200260200101516040516020016107c8939291906001600160f81b03199390931683526001830191909152602182015260410190565b604051602081830303815290604052805190602001208583806107ea90610efc565b9450815181106107fc576107fc610bf8565b6020908102919091010152610812600282610ee9565b9050610742565b50816001166001036108745783610831600184610f14565b8151811061084157610841610bf8565b602002602001015184828061085590610efc565b93508151811061086757610867610bf8565b6020026020010181815250505b9050610736565b825f8151811061088d5761088d610bf8565b6020026020010151915050919050565b634e487b7160e01b5f52604160045260245ffd5b604051606081016001600160401b03811182821017156108d3576108d361089d565b60405290565b60405160e081016001600160401b03811182821017156108d3576108d361089d565b604051601f8201601f191681016001600160401b03811182821017156109235761092361089d565b604052919050565b80516001600160401b0381168114610941575f5ffd5b919050565b80516001600160a01b0381168114610941575f5ffd5b5f82601f83011261096b575f5ffd5b81516001600160401b038111156109845761098461089d565b610997601f8201601f19166020016108fb565b8181528460208386010111156109ab575f5ffd5b8160208501602083015e5f918101602001919091529392505050565b5f82601f8301126109d6575f5ffd5b81516001600160401b038111156109ef576109ef61089d565b8060051b6109ff602082016108fb565b91825260208185018101929081019086841115610a1a575f5ffd5b6020860192505b83831015610ab25782516001600160401b03811115610a3e575f5ffd5b86016060818903601f19011215610a53575f5ffd5b610a5b6108b1565b610a6760208301610946565b81526040820151602082015260608201516001600160401b03811115610a8b575f5ffd5b610a9a8a60208386010161095c565b60408301525083525060209283019290910190610a21565b9695505050505050565b5f5f60408385031215610acd575f5ffd5b82516001600160401b03811115610ae2575f5ffd5b830160e08186031215610af3575f5ffd5b610afb6108d9565b610b048261092b565b81526020828101519082015260408083015190820152610b266060830161092b565b6060820152610b3760808301610946565b6080820152610b4860a0830161092b565b60a082015260c08201516001600160401b03811115610b65575f5ffd5b610b718782850161095c565b60c083015250602085015190935090506001600160401b03811115610b94575f5ffd5b610ba0858286016109c7565b9150509250929050565b634e487b7160e01b5f52601160045260245ffd5b5f6001600160401b03831680610be257634e487b7160e01b5f52601260045260245ffd5b6001600160401b03929092169190910492915050565b634e487b7160e01b5f52603260045260245ffd5b600181811c90821680610c2057607f821691505b602082108103610c3e57634e487b7160e01b5f52602260045260245ffd5b50919050565b601f821115610c965782821115610c9657805f5260205f20601f840160051c6020851015610c6f57505f5b90810190601f840160051c035f5b81811015610c92575f83820155600101610c7d565b5050505b505050565b81516001600160401b03811115610cb457610cb461089d565b610cc881610cc28454610c0c565b84610c44565b6020601f821160018114610cfa575f8315610ce35750848201515b5f19600385901b1c1916600184901b178455610d52565b5f84815260208120601f198516915b82811015610d295787850151825560209485019460019092019101610d09565b5084821015610d4657868401515f19600387901b60f8161c191681555b505060018360011b0184555b5050505050565b6001600160401b03818116838216019081111561027957610279610baa565b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b6001600160401b03851681526080602082018190525f90610dc990830186610d78565b846040840152828103606084015280845180835260208301915060208160051b840101602087015f5b83811015610e4e57858303601f19018552815180516001600160a01b0316845260208082015190850152604090810151606091850182905290610e3790850182610d78565b602096870196909450929092019150600101610df2565b50909a9950505050505050505050565b5f81518060208401855e5f93019283525090919050565b5f610e808285610e5e565b9283525050602001919050565b5f610e988284610e5e565b9392505050565b606084901b6001600160601b0319168152601481018390525f610ec56034830184610e5e565b95945050505050565b6001600160f81b0319831681525f6104306001830184610e5e565b8082018082111561027957610279610baa565b5f60018201610f0d57610f0d610baa565b5060010190565b8181038181111561027957610279610baa565b612b0c80610f345f395ff3fe608060405260043610610110575f3560e01c80639a8a05921161009d578063d9a9d91411610062578063d9a9d91414610300578063f31f4f111461031f578063f4ddb5be1461033e578063f698da25146103a4578063fb0e722b146103b9575f5ffd5b80639a8a05921461025a578063b53fab2914610278578063bb7f7bd91461029e578063bc4562d2146102cb578063bed9d861146102ec575f5ffd5b8063375b3c0a116100e3578063375b3c0a146101a057806365fb54aa146101b55780637f8e3b4e146101ca57806392c090d3146101de57806399f723501461021c575f5ffd5b80630d3eafd6146101145780631997398414610137578063283886301461016e5780632a28e5a31461018d575b5f5ffd5b34801561011f575f5ffd5b506006545b6040519081526020015b60405180910390f35b348015610142575f5ffd5b50600454610156906001600160401b031681565b6040516001600160401b03909116815260200161012e565b348015610179575f5ffd5b50600354610156906001600160401b031681565b61015661019b36600461205b565b6103f7565b3480156101ab575f5ffd5b5061012460025481565b3480156101c0575f5ffd5b5061012460055481565b3480156101d5575f5ffd5b50610156610667565b3480156101e9575f5ffd5b5061020c6101f83660046120a2565b600a6020525f908152604090205460ff1681565b604051901515815260200161012e565b348015610227575f5ffd5b5061023b6102363660046120d4565b610759565b604080516001600160401b03909316835290151560208301520161012e565b348015610265575f5ffd5b505f54610156906001600160401b031681565b348015610283575f5ffd5b5060045461015690600160401b90046001600160401b031681565b3480156102a9575f5ffd5b506102bd6102b8366004612104565b6107a9565b60405161012e92919061214d565b3480156102d6575f5ffd5b506102ea6102e536600461216e565b610861565b005b3480156102f7575f5ffd5b50610124610b59565b34801561030b575f5ffd5b5061023b61031a3660046120d4565b610e55565b34801561032a575f5ffd5b5061012461033936600461224d565b610e89565b348015610349575f5ffd5b5061035d6103583660046120a2565b6110c2565b604080516001600160a01b0390971687526001600160401b0390951660208701529215159385019390935215156060840152608083019190915260a082015260c00161012e565b3480156103af575f5ffd5b5061012460015481565b3480156103c4575f5ffd5b506003546103df90600160401b90046001600160a01b031681565b6040516001600160a01b03909116815260200161012e565b5f60025434101561042d5760025460405163829f116360e01b815234600482015260248101919091526044015b60405180910390fd5b8361044b5760405163012882db60e71b815260040160405180910390fd5b6040821461046f5760405163a8f394fb60e01b815260048101839052602401610424565b335f908152600760205260409020546001600160401b031680156104cc57336104996001836122ce565b604051633b5b264560e11b81526001600160a01b0390921660048301526001600160401b03166024820152604401610424565b600680546040805160c0810182523381525f6020820181815292820181815260608301828152608084018c81523460a0860190815260018089018a55989094529351600387027ff652222313e28459528d920b65115c16c04f3efc82aaedc97be59f3f377c0d3f810180549751945193511515600160e81b0260ff60e81b19941515600160e01b029490941661ffff60e01b196001600160401b0396909616600160a01b026001600160e01b03199099166001600160a01b0394909416939093179790971793909316171790935590517ff652222313e28459528d920b65115c16c04f3efc82aaedc97be59f3f377c0d40830155517ff652222313e28459528d920b65115c16c04f3efc82aaedc97be59f3f377c0d419091015592506105f39083906122ed565b335f8181526007602052604090819020805467ffffffffffffffff19166001600160401b039485161790555190918416907f41ea924595d78525d7ab13b5308e7850997288dc474fb462349b938cc46d5f5d9061065790899089908990349061230c565b60405180910390a3509392505050565b5f610670611122565b90505f6006826001600160401b03168154811061068f5761068f61234a565b5f91825260209091206003909102018054909150600160a01b90046001600160401b0316156106ef578054604051635f0b9a3f60e11b81526001600160401b038085166004830152600160a01b9092049091166024820152604401610424565b805467ffffffffffffffff60a01b1916600160a01b426001600160401b039081168202929092178084556040519190048216815233918416907fe09776ced651265728af090b9948a27b39c9db656a9e14f6f8032fc576f085d79060200160405180910390a35090565b6001600160a01b0381165f9081526007602052604081205481906001600160401b031680156107925761078d6001826122ce565b610794565b5f5b946001600160401b0390911615159350915050565b6001600160401b0381165f908152600960205260408120600181015481546060939291829182906107d99061235e565b80601f01602080910402602001604051908101604052809291908181526020018280546108059061235e565b80156108505780601f1061082757610100808354040283529160200191610850565b820191905f5260205f20905b81548152906001019060200180831161083357829003601f168201915b505050505091509250925050915091565b6004546001600160401b03600160401b909104811690881611158061088e57506001600160401b03878116145b156108ce576004805460405163c590871760e01b81526001600160401b03808b1693820193909352600160401b9091049091166024820152604401610424565b5f600360089054906101000a90046001600160a01b03166001600160a01b031663a22922586040518163ffffffff1660e01b8152600401602060405180830381865afa158015610920573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906109449190612396565b90505f61099188888080601f0160208091040260200160405190810160405280939291908181526020018383808284375f9201919091525061098c92508991508a905061241d565b61116d565b90505f6109ec6001545f5f9054906101000a90046001600160401b03168c8c8c8080601f0160208091040260200160405190810160405280939291908181526020018383808284375f92019190915250899250611322915050565b5f80546001600160401b038681168352600960205260409092208054939450610ad8939290911691869190610a209061235e565b80601f0160208091040260200160405190810160405280929190818152602001828054610a4c9061235e565b8015610a975780601f10610a6e57610100808354040283529160200191610a97565b820191905f5260205f20905b815481529060010190602001808311610a7a57829003601f168201915b50505050508489898080601f0160208091040260200160405190810160405280939291908181526020018383808284375f920191909152506113e292505050565b610b00576040516369f7e10760e11b81526001600160401b0384166004820152602401610424565b610b4d8a848b8b8080601f0160208091040260200160405190810160405280939291908181526020018383808284375f92019190915250889250610b4891508c90508d61241d565b6115c2565b50505050505050505050565b5f5f610b63611122565b90505f6006826001600160401b031681548110610b8257610b8261234a565b5f91825260209091206003909102018054909150600160e01b900460ff1680610bb357508054600160e81b900460ff165b15610bdc57604051631ca93f3f60e01b81526001600160401b0383166004820152602401610424565b8054600160a01b90046001600160401b03165f03610c18576040516315f5ef2160e11b81526001600160401b0383166004820152602401610424565b8054335f908152600860205260409020546001600160401b03600160a01b909204821691168015610d29576003545f908190600160401b90046001600160a01b031663ae4b98b0610c6a6001866122ce565b6040516001600160e01b031960e084901b1681526001600160401b0390911660048201526024016040805180830381865afa158015610cab573d5f5f3e3d5ffd5b505050506040513d601f19601f82011682018060405250810190610ccf9190612550565b9150915080610d0857610ce36001846122ce565b604051631d52811760e21b81526001600160401b039091166004820152602401610424565b836001600160401b0316826001600160401b03161115610d26578193505b50505b6003545f90610d41906001600160401b0316846122ed565b9050806001600160401b0316421015610d78576040516383042abd60e01b81526001600160401b0382166004820152602401610424565b6002840180545f909155845460ff60e81b1916600160e81b17855560405190965033906001600160401b038716907f6981e126db69d907c3a1b0006870da7176da5b13c2aefd597ab845fe2bdb32df90610dd5908a815260200190565b60405180910390a36040515f90339088908381818185875af1925050503d805f8114610e1c576040519150601f19603f3d011682016040523d82523d5f602084013e610e21565b606091505b5050905080610e4c57604051630e21dcbb60e11b815233600482015260248101889052604401610424565b50505050505090565b6001600160a01b0381165f9081526008602052604081205481906001600160401b031680156107925761078d6001826122ce565b6006545f906001600160401b03871610610ec157604051631173515360e21b81526001600160401b0387166004820152602401610424565b5f848152600a602052604090205460ff1615610ef357604051633055cd5d60e01b815260048101859052602401610424565b5f600360089054906101000a90046001600160a01b03166001600160a01b031663a22922586040518163ffffffff1660e01b8152600401602060405180830381865afa158015610f45573d5f5f3e3d5ffd5b505050506040513d601f19601f82011682018060405250810190610f699190612396565b6001545f805492935091610f8991906001600160401b03168a8a8a611730565b5f80546001600160401b038581168352600960205260409092208054939450610fbd939290911691859190610a209061235e565b610fe5576040516369f7e10760e11b81526001600160401b0383166004820152602401610424565b5f868152600a60205260408120805460ff19166001179055600680546001600160401b038b1690811061101a5761101a61234a565b5f918252602082206002600390920201908101805490839055815460ff60e01b1916600160e01b1782556005805491975091935086929061105c90849061258c565b90915550508054604080516001600160401b038b81168252602082018890528a936001600160a01b031692908d16917fa75c42eb2ed31c9daa19d2b2cee7da2010e47663c8176cfffe2930f30fc8466c910160405180910390a450505095945050505050565b600681815481106110d1575f80fd5b5f9182526020909120600390910201805460018201546002909201546001600160a01b03821693506001600160401b03600160a01b8304169260ff600160e01b8404811693600160e81b9004169186565b335f908152600760205260408120546001600160401b031680820361115c5760405163bfc6c33760e01b8152336004820152602401610424565b6111676001826122ce565b91505090565b5f8251610100146111965782516040516311b0727960e31b815260040161042491815260200190565b81515f036111b757604051630292d7c360e51b815260040160405180910390fd5b6111c083611793565b156111de5760405163b05efdd360e01b815260040160405180910390fd5b6111e7836117ca565b6112045760405163e4334be160e01b815260040160405180910390fd5b5f82516001600160401b0381111561121e5761121e6123b1565b604051908082528060200260200182016040528015611247578160200160208202803683370190505b5090505f5b835181101561130e578381815181106112675761126761234a565b602002602001015160400151516060146112bf578084828151811061128e5761128e61234a565b60200260200101516040015151604051630657463760e11b8152600401610424929190918252602082015260400190565b6112e96112e48583815181106112d7576112d761234a565b6020026020010151611889565b6118c1565b8282815181106112fb576112fb61234a565b602090810291909101015260010161124c565b50611318816118f3565b9150505b92915050565b8151602080840191909120604080517f473c0eb71741adf22ffcc9fe60d6675d63662f680bff5ac11cf4c7ffc34f0570938101939093526001600160401b038088169184019190915285166060830152608082015260a081018290525f906113d690879060c0015b60408051601f19818403018152828252805160209182012061190160f01b8483015260228401949094526042808401949094528151808403909401845260629092019052815191012090565b90505b95945050505050565b5f83516101001461140b5783516040516311b0727960e31b815260040161042491815260200190565b8151608014611432578151604051633e89287f60e11b815260040161042491815260200190565b61143b82611793565b8061144a575061144a84611793565b1561145657505f6113d9565b5f6114f6600160f81b6114c68989886040516b7665696c2f7369676e2f763160a01b60208201526001600160c01b031960c085811b8216602c84015284901b166034820152603c81018290525f90605c016040516020818303038152906040528051906020012090509392505050565b6040516001600160f81b031990921660208301526021820152604101604051602081830303815290604052611a8d565b90505f5f600f6001600160a01b03168560405180610120016040528061010081526020016129a76101009139858a60405160200161153794939291906125b6565b60408051601f1981840301815290829052611551916125dc565b5f60405180830381855afa9150503d805f8114611589576040519150601f19603f3d011682016040523d82523d5f602084013e61158e565b606091505b50915091508180156115a1575080516020145b80156115b557506115b1816125e7565b6001145b9998505050505050505050565b60408051808201825284815260208082018590526001600160401b0388165f908152600990915291909120815181906115fb9082612661565b5060209190910151600190910155600480546fffffffffffffffff00000000000000001916600160401b6001600160401b038816021790555f5b81518110156116e1575f8282815181106116515761165161234a565b60200260200101515f0151905086600161166b91906122ed565b6001600160a01b0382165f908152600860205260409020546001600160401b03918216911610156116d8576116a18760016122ed565b6001600160a01b0382165f908152600860205260409020805467ffffffffffffffff19166001600160401b03929092169190911790555b50600101611635565b50846001600160401b03167f96fad5b2d08cafae247d1a5431f91d347638ba6873f5cd3e2d8dd58d95ecab2f85858585604051611721949392919061271f565b60405180910390a25050505050565b604080517f132cd175326ddac389e4a1d6439af4662522f44a92b3ef650f4706ed9614d0b260208201526001600160401b03808716928201929092528185166060820152908316608082015260a081018290525f906113d690879060c00161138a565b5f6001905060208201825181015b808210156117c3578151156117b8575f92506117c3565b6020820191506117a1565b5050919050565b5f8151610100146117dc57505f919050565b5f5f600e6001600160a01b03168460016040516020016117fd9291906127d5565b60408051601f1981840301815290829052611817916125dc565b5f60405180830381855afa9150503d805f811461184f576040519150601f19603f3d011682016040523d82523d5f602084013e611854565b606091505b509150915081801561186857508051610100145b8015611881575083805190602001208180519060200120145b949350505050565b6060815f0151826020015183604001516040516020016118ab939291906127ed565b6040516020818303038152906040529050919050565b6040515f906118d69082908490602001612816565b604051602081830303815290604052805190602001209050919050565b80515f9080820361192657507fc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a47092915050565b6001811115611a6b575f805b8261193e82600161258c565b1015611a0957600160f81b85828151811061195b5761195b61234a565b602002602001015186836001611971919061258c565b815181106119815761198161234a565b60200260200101516040516020016119b8939291906001600160f81b03199390931683526001830191909152602182015260410190565b604051602081830303815290604052805190602001208583806119da90612831565b9450815181106119ec576119ec61234a565b6020908102919091010152611a0260028261258c565b9050611932565b5081600116600103611a645783611a21600184612849565b81518110611a3157611a3161234a565b6020026020010151848280611a4590612831565b935081518110611a5757611a5761234a565b6020026020010181815250505b9050611926565b825f81518110611a7d57611a7d61234a565b6020026020010151915050919050565b60605f611a9983611b77565b90505f611aae611aa9835f611e6b565b611f81565b90505f611abf611aa9846040611e6b565b90505f5f600b6001600160a01b03168484604051602001611ae192919061285c565b60408051601f1981840301815290829052611afb916125dc565b5f60405180830381855afa9150503d805f8114611b33576040519150601f19603f3d011682016040523d82523d5f602084013e611b38565b606091505b5091509150811580611b4c57508051608014155b15611b6d576040516375c6821d60e11b8152600b6004820152602401610424565b9695505050505050565b60605f6040518060600160405280602b815260200161297c602b91396040518060600160405280602b815260200161297c602b913951604051602001611bbe92919061286a565b60408051808303601f1901815281835260608301825292505f916002916020820181803683375050604051611c0092915087906080905f908890602001612891565b60408051601f1981840301815290829052611c1a916125dc565b602060405180830381855afa158015611c35573d5f5f3e3d5ffd5b5050506040513d601f19601f82011682018060405250810190611c5891906128e3565b90505f600282600185604051602001611c73939291906128fa565b60408051601f1981840301815290829052611c8d916125dc565b602060405180830381855afa158015611ca8573d5f5f3e3d5ffd5b5050506040513d601f19601f82011682018060405250810190611ccb91906128e3565b90505f6002828418600286604051602001611ce8939291906128fa565b60408051601f1981840301815290829052611d02916125dc565b602060405180830381855afa158015611d1d573d5f5f3e3d5ffd5b5050506040513d601f19601f82011682018060405250810190611d4091906128e3565b90505f6002828518600387604051602001611d5d939291906128fa565b60408051601f1981840301815290829052611d77916125dc565b602060405180830381855afa158015611d92573d5f5f3e3d5ffd5b5050506040513d601f19601f82011682018060405250810190611db591906128e3565b90505f6002828618600488604051602001611dd2939291906128fa565b60408051601f1981840301815290829052611dec916125dc565b602060405180830381855afa158015611e07573d5f5f3e3d5ffd5b5050506040513d601f19601f82011682018060405250810190611e2a91906128e3565b6040805160208101879052908101859052606081018490526080810182905290915060a0016040516020818303038152906040529650505050505050919050565b60605f5f8360208601015191508360408601015190505f5f60056001600160a01b031660406001603087876001604051806060016040528060308152602001612aa760309139604051602001611ec7979695949392919061291f565b60408051601f1981840301815290829052611ee1916125dc565b5f60405180830381855afa9150503d805f8114611f19576040519150601f19603f3d011682016040523d82523d5f602084013e611f1e565b606091505b5091509150811580611f3257508051603014155b15611f53576040516375c6821d60e11b815260056004820152602401610424565b604051611f66905f908390602001612957565b60405160208183030381529060405294505050505092915050565b60605f5f60106001600160a01b031684604051611f9e91906125dc565b5f60405180830381855afa9150503d805f8114611fd6576040519150601f19603f3d011682016040523d82523d5f602084013e611fdb565b606091505b5091509150811580611fef57508051608014155b15612010576040516375c6821d60e11b815260106004820152602401610424565b9392505050565b5f5f83601f840112612027575f5ffd5b5081356001600160401b0381111561203d575f5ffd5b602083019150836020828501011115612054575f5ffd5b9250929050565b5f5f5f6040848603121561206d575f5ffd5b8335925060208401356001600160401b03811115612089575f5ffd5b61209586828701612017565b9497909650939450505050565b5f602082840312156120b2575f5ffd5b5035919050565b80356001600160a01b03811681146120cf575f5ffd5b919050565b5f602082840312156120e4575f5ffd5b612010826120b9565b6001600160401b0381168114612101575f5ffd5b50565b5f60208284031215612114575f5ffd5b8135612010816120ed565b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b604081525f61215f604083018561211f565b90508260208301529392505050565b5f5f5f5f5f5f5f6080888a031215612184575f5ffd5b873561218f816120ed565b965060208801356001600160401b038111156121a9575f5ffd5b6121b58a828b01612017565b90975095505060408801356001600160401b038111156121d3575f5ffd5b8801601f81018a136121e3575f5ffd5b80356001600160401b038111156121f8575f5ffd5b8a60208260051b840101111561220c575f5ffd5b6020919091019450925060608801356001600160401b0381111561222e575f5ffd5b61223a8a828b01612017565b989b979a50959850939692959293505050565b5f5f5f5f5f60808688031215612261575f5ffd5b853561226c816120ed565b9450602086013561227c816120ed565b93506040860135925060608601356001600160401b0381111561229d575f5ffd5b6122a988828901612017565b969995985093965092949392505050565b634e487b7160e01b5f52601160045260245ffd5b6001600160401b03828116828216039081111561131c5761131c6122ba565b6001600160401b03818116838216019081111561131c5761131c6122ba565b84815260606020820152826060820152828460808301375f608084830101525f6080601f19601f860116830101905082604083015295945050505050565b634e487b7160e01b5f52603260045260245ffd5b600181811c9082168061237257607f821691505b60208210810361239057634e487b7160e01b5f52602260045260245ffd5b50919050565b5f602082840312156123a6575f5ffd5b8151612010816120ed565b634e487b7160e01b5f52604160045260245ffd5b604051606081016001600160401b03811182821017156123e7576123e76123b1565b60405290565b604051601f8201601f191681016001600160401b0381118282101715612415576124156123b1565b604052919050565b5f6001600160401b03831115612435576124356123b1565b8260051b612445602082016123ed565b8481529083019060208101903683111561245d575f5ffd5b845b838110156125465780356001600160401b0381111561247c575f5ffd5b8601606036829003121561248e575f5ffd5b6124966123c5565b61249f826120b9565b81526020828101359082015260408201356001600160401b038111156124c3575f5ffd5b919091019036601f8301126124d6575f5ffd5b81356001600160401b038111156124ef576124ef6123b1565b612502601f8201601f19166020016123ed565b818152366020838601011115612516575f5ffd5b816020850160208301375f602083830101528060408401525050808552505060208301925060208101905061245f565b5095945050505050565b5f5f60408385031215612561575f5ffd5b825161256c816120ed565b60208401519092508015158114612581575f5ffd5b809150509250929050565b8082018082111561131c5761131c6122ba565b5f81518060208401855e5f93019283525090919050565b5f6113d66125d66125d06125ca858a61259f565b8861259f565b8661259f565b8461259f565b5f612010828461259f565b80516020808301519190811015612390575f1960209190910360031b1b16919050565b601f82111561265c578282111561265c57805f5260205f20601f840160051c602085101561263557505f5b90810190601f840160051c035f5b81811015612658575f83820155600101612643565b5050505b505050565b81516001600160401b0381111561267a5761267a6123b1565b61268e81612688845461235e565b8461260a565b6020601f8211600181146126c0575f83156126a95750848201515b5f19600385901b1c1916600184901b178455612718565b5f84815260208120601f198516915b828110156126ef57878501518255602094850194600190920191016126cf565b508482101561270c57868401515f19600387901b60f8161c191681555b505060018360011b0184555b5050505050565b6001600160401b0385168152608060208201525f612740608083018661211f565b846040840152828103606084015280845180835260208301915060208160051b840101602087015f5b838110156127c557858303601f19018552815180516001600160a01b03168452602080820151908501526040908101516060918501829052906127ae9085018261211f565b602096870196909450929092019150600101612769565b50909a9950505050505050505050565b5f6127e0828561259f565b9283525050602001919050565b6bffffffffffffffffffffffff198460601b1681528260148201525f6113d9603483018461259f565b6001600160f81b0319831681525f611881600183018461259f565b5f60018201612842576128426122ba565b5060010190565b8181038181111561131c5761131c6122ba565b5f6118816125d6838661259f565b5f612875828561259f565b60f89390931b6001600160f81b03191683525050600101919050565b5f6128a561289f838961259f565b8761259f565b60f086901b6001600160f01b031916815260f885901b6001600160f81b03191660028201526128d7600382018561259f565b98975050505050505050565b5f602082840312156128f3575f5ffd5b5051919050565b83815260f883901b6001600160f81b03191660208201525f6113d9602183018461259f565b87815286602082015285604082015284606082015283608082015260ff60f81b8360f81b1660a08201525f6115b560a183018461259f565b6fffffffffffffffffffffffffffffffff19831681525f611881601083018461259f56fe534855545445525f5630315f424c53313233383147315f584d443a5348412d3235365f535357555f524f5f00000000000000000000000000000000024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bdb80000000000000000000000000000000013e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b7e000000000000000000000000000000000d1b3cc2c7027888be51d9ef691d77bcb679afda66c73f17f9ee3837a55024f78c71363275a75d75d86bab79f74782aa0000000000000000000000000000000013fa4d4a0ad8b1ce186ed5061789213d993923066dddaf1040bc3ff59f825c78df74f2d75467e25e0f55f8a00fa030ed1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaaba2646970667358221220858a539668dbd74f238a5e56279945107bfab96c585de4f11cea19416902a0c064736f6c63430008250033",
}

// SequencerRegistryABI is the input ABI used to generate the binding from.
// Deprecated: Use SequencerRegistryMetaData.ABI instead.
var SequencerRegistryABI = SequencerRegistryMetaData.ABI

// SequencerRegistryBin is the compiled bytecode used for deploying new contracts.
// Deprecated: Use SequencerRegistryMetaData.Bin instead.
var SequencerRegistryBin = SequencerRegistryMetaData.Bin

// DeploySequencerRegistry deploys a new Ethereum contract, binding an instance of SequencerRegistry to it.
func DeploySequencerRegistry(auth *bind.TransactOpts, backend bind.ContractBackend, c SequencerRegistryConfig, genesisMembers []StatementsMember) (common.Address, *types.Transaction, *SequencerRegistry, error) {
	parsed, err := SequencerRegistryMetaData.GetAbi()
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	if parsed == nil {
		return common.Address{}, nil, nil, errors.New("GetABI returned nil")
	}

	address, tx, contract, err := bind.DeployContract(auth, *parsed, common.FromHex(SequencerRegistryBin), backend, c, genesisMembers)
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

// ChainId is a free data retrieval call binding the contract method 0x9a8a0592.
//
// Solidity: function chainId() view returns(uint64)
func (_SequencerRegistry *SequencerRegistryCaller) ChainId(opts *bind.CallOpts) (uint64, error) {
	var out []interface{}
	err := _SequencerRegistry.contract.Call(opts, &out, "chainId")

	if err != nil {
		return *new(uint64), err
	}

	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)

	return out0, err

}

// ChainId is a free data retrieval call binding the contract method 0x9a8a0592.
//
// Solidity: function chainId() view returns(uint64)
func (_SequencerRegistry *SequencerRegistrySession) ChainId() (uint64, error) {
	return _SequencerRegistry.Contract.ChainId(&_SequencerRegistry.CallOpts)
}

// ChainId is a free data retrieval call binding the contract method 0x9a8a0592.
//
// Solidity: function chainId() view returns(uint64)
func (_SequencerRegistry *SequencerRegistryCallerSession) ChainId() (uint64, error) {
	return _SequencerRegistry.Contract.ChainId(&_SequencerRegistry.CallOpts)
}

// DomainSeparator is a free data retrieval call binding the contract method 0xf698da25.
//
// Solidity: function domainSeparator() view returns(bytes32)
func (_SequencerRegistry *SequencerRegistryCaller) DomainSeparator(opts *bind.CallOpts) ([32]byte, error) {
	var out []interface{}
	err := _SequencerRegistry.contract.Call(opts, &out, "domainSeparator")

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// DomainSeparator is a free data retrieval call binding the contract method 0xf698da25.
//
// Solidity: function domainSeparator() view returns(bytes32)
func (_SequencerRegistry *SequencerRegistrySession) DomainSeparator() ([32]byte, error) {
	return _SequencerRegistry.Contract.DomainSeparator(&_SequencerRegistry.CallOpts)
}

// DomainSeparator is a free data retrieval call binding the contract method 0xf698da25.
//
// Solidity: function domainSeparator() view returns(bytes32)
func (_SequencerRegistry *SequencerRegistryCallerSession) DomainSeparator() ([32]byte, error) {
	return _SequencerRegistry.Contract.DomainSeparator(&_SequencerRegistry.CallOpts)
}

// EonKey is a free data retrieval call binding the contract method 0xbb7f7bd9.
//
// Solidity: function eonKey(uint64 eon) view returns(bytes publicKey, bytes32 keypersRoot)
func (_SequencerRegistry *SequencerRegistryCaller) EonKey(opts *bind.CallOpts, eon uint64) (struct {
	PublicKey   []byte
	KeypersRoot [32]byte
}, error) {
	var out []interface{}
	err := _SequencerRegistry.contract.Call(opts, &out, "eonKey", eon)

	outstruct := new(struct {
		PublicKey   []byte
		KeypersRoot [32]byte
	})
	if err != nil {
		return *outstruct, err
	}

	outstruct.PublicKey = *abi.ConvertType(out[0], new([]byte)).(*[]byte)
	outstruct.KeypersRoot = *abi.ConvertType(out[1], new([32]byte)).(*[32]byte)

	return *outstruct, err

}

// EonKey is a free data retrieval call binding the contract method 0xbb7f7bd9.
//
// Solidity: function eonKey(uint64 eon) view returns(bytes publicKey, bytes32 keypersRoot)
func (_SequencerRegistry *SequencerRegistrySession) EonKey(eon uint64) (struct {
	PublicKey   []byte
	KeypersRoot [32]byte
}, error) {
	return _SequencerRegistry.Contract.EonKey(&_SequencerRegistry.CallOpts, eon)
}

// EonKey is a free data retrieval call binding the contract method 0xbb7f7bd9.
//
// Solidity: function eonKey(uint64 eon) view returns(bytes publicKey, bytes32 keypersRoot)
func (_SequencerRegistry *SequencerRegistryCallerSession) EonKey(eon uint64) (struct {
	PublicKey   []byte
	KeypersRoot [32]byte
}, error) {
	return _SequencerRegistry.Contract.EonKey(&_SequencerRegistry.CallOpts, eon)
}

// EvidenceUsed is a free data retrieval call binding the contract method 0x92c090d3.
//
// Solidity: function evidenceUsed(bytes32 ) view returns(bool)
func (_SequencerRegistry *SequencerRegistryCaller) EvidenceUsed(opts *bind.CallOpts, arg0 [32]byte) (bool, error) {
	var out []interface{}
	err := _SequencerRegistry.contract.Call(opts, &out, "evidenceUsed", arg0)

	if err != nil {
		return *new(bool), err
	}

	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)

	return out0, err

}

// EvidenceUsed is a free data retrieval call binding the contract method 0x92c090d3.
//
// Solidity: function evidenceUsed(bytes32 ) view returns(bool)
func (_SequencerRegistry *SequencerRegistrySession) EvidenceUsed(arg0 [32]byte) (bool, error) {
	return _SequencerRegistry.Contract.EvidenceUsed(&_SequencerRegistry.CallOpts, arg0)
}

// EvidenceUsed is a free data retrieval call binding the contract method 0x92c090d3.
//
// Solidity: function evidenceUsed(bytes32 ) view returns(bool)
func (_SequencerRegistry *SequencerRegistryCallerSession) EvidenceUsed(arg0 [32]byte) (bool, error) {
	return _SequencerRegistry.Contract.EvidenceUsed(&_SequencerRegistry.CallOpts, arg0)
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

// GenesisEon is a free data retrieval call binding the contract method 0x19973984.
//
// Solidity: function genesisEon() view returns(uint64)
func (_SequencerRegistry *SequencerRegistryCaller) GenesisEon(opts *bind.CallOpts) (uint64, error) {
	var out []interface{}
	err := _SequencerRegistry.contract.Call(opts, &out, "genesisEon")

	if err != nil {
		return *new(uint64), err
	}

	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)

	return out0, err

}

// GenesisEon is a free data retrieval call binding the contract method 0x19973984.
//
// Solidity: function genesisEon() view returns(uint64)
func (_SequencerRegistry *SequencerRegistrySession) GenesisEon() (uint64, error) {
	return _SequencerRegistry.Contract.GenesisEon(&_SequencerRegistry.CallOpts)
}

// GenesisEon is a free data retrieval call binding the contract method 0x19973984.
//
// Solidity: function genesisEon() view returns(uint64)
func (_SequencerRegistry *SequencerRegistryCallerSession) GenesisEon() (uint64, error) {
	return _SequencerRegistry.Contract.GenesisEon(&_SequencerRegistry.CallOpts)
}

// Inbox is a free data retrieval call binding the contract method 0xfb0e722b.
//
// Solidity: function inbox() view returns(address)
func (_SequencerRegistry *SequencerRegistryCaller) Inbox(opts *bind.CallOpts) (common.Address, error) {
	var out []interface{}
	err := _SequencerRegistry.contract.Call(opts, &out, "inbox")

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// Inbox is a free data retrieval call binding the contract method 0xfb0e722b.
//
// Solidity: function inbox() view returns(address)
func (_SequencerRegistry *SequencerRegistrySession) Inbox() (common.Address, error) {
	return _SequencerRegistry.Contract.Inbox(&_SequencerRegistry.CallOpts)
}

// Inbox is a free data retrieval call binding the contract method 0xfb0e722b.
//
// Solidity: function inbox() view returns(address)
func (_SequencerRegistry *SequencerRegistryCallerSession) Inbox() (common.Address, error) {
	return _SequencerRegistry.Contract.Inbox(&_SequencerRegistry.CallOpts)
}

// LastEonOfKeyper is a free data retrieval call binding the contract method 0xd9a9d914.
//
// Solidity: function lastEonOfKeyper(address keyper) view returns(uint64 eon, bool ok)
func (_SequencerRegistry *SequencerRegistryCaller) LastEonOfKeyper(opts *bind.CallOpts, keyper common.Address) (struct {
	Eon uint64
	Ok  bool
}, error) {
	var out []interface{}
	err := _SequencerRegistry.contract.Call(opts, &out, "lastEonOfKeyper", keyper)

	outstruct := new(struct {
		Eon uint64
		Ok  bool
	})
	if err != nil {
		return *outstruct, err
	}

	outstruct.Eon = *abi.ConvertType(out[0], new(uint64)).(*uint64)
	outstruct.Ok = *abi.ConvertType(out[1], new(bool)).(*bool)

	return *outstruct, err

}

// LastEonOfKeyper is a free data retrieval call binding the contract method 0xd9a9d914.
//
// Solidity: function lastEonOfKeyper(address keyper) view returns(uint64 eon, bool ok)
func (_SequencerRegistry *SequencerRegistrySession) LastEonOfKeyper(keyper common.Address) (struct {
	Eon uint64
	Ok  bool
}, error) {
	return _SequencerRegistry.Contract.LastEonOfKeyper(&_SequencerRegistry.CallOpts, keyper)
}

// LastEonOfKeyper is a free data retrieval call binding the contract method 0xd9a9d914.
//
// Solidity: function lastEonOfKeyper(address keyper) view returns(uint64 eon, bool ok)
func (_SequencerRegistry *SequencerRegistryCallerSession) LastEonOfKeyper(keyper common.Address) (struct {
	Eon uint64
	Ok  bool
}, error) {
	return _SequencerRegistry.Contract.LastEonOfKeyper(&_SequencerRegistry.CallOpts, keyper)
}

// LatestEon is a free data retrieval call binding the contract method 0xb53fab29.
//
// Solidity: function latestEon() view returns(uint64)
func (_SequencerRegistry *SequencerRegistryCaller) LatestEon(opts *bind.CallOpts) (uint64, error) {
	var out []interface{}
	err := _SequencerRegistry.contract.Call(opts, &out, "latestEon")

	if err != nil {
		return *new(uint64), err
	}

	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)

	return out0, err

}

// LatestEon is a free data retrieval call binding the contract method 0xb53fab29.
//
// Solidity: function latestEon() view returns(uint64)
func (_SequencerRegistry *SequencerRegistrySession) LatestEon() (uint64, error) {
	return _SequencerRegistry.Contract.LatestEon(&_SequencerRegistry.CallOpts)
}

// LatestEon is a free data retrieval call binding the contract method 0xb53fab29.
//
// Solidity: function latestEon() view returns(uint64)
func (_SequencerRegistry *SequencerRegistryCallerSession) LatestEon() (uint64, error) {
	return _SequencerRegistry.Contract.LatestEon(&_SequencerRegistry.CallOpts)
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
// Solidity: function registrations(uint256 ) view returns(address keyper, uint64 exitRequestedAt, bool slashed, bool withdrawn, bytes32 cometPubKey, uint256 stake)
func (_SequencerRegistry *SequencerRegistryCaller) Registrations(opts *bind.CallOpts, arg0 *big.Int) (struct {
	Keyper          common.Address
	ExitRequestedAt uint64
	Slashed         bool
	Withdrawn       bool
	CometPubKey     [32]byte
	Stake           *big.Int
}, error) {
	var out []interface{}
	err := _SequencerRegistry.contract.Call(opts, &out, "registrations", arg0)

	outstruct := new(struct {
		Keyper          common.Address
		ExitRequestedAt uint64
		Slashed         bool
		Withdrawn       bool
		CometPubKey     [32]byte
		Stake           *big.Int
	})
	if err != nil {
		return *outstruct, err
	}

	outstruct.Keyper = *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	outstruct.ExitRequestedAt = *abi.ConvertType(out[1], new(uint64)).(*uint64)
	outstruct.Slashed = *abi.ConvertType(out[2], new(bool)).(*bool)
	outstruct.Withdrawn = *abi.ConvertType(out[3], new(bool)).(*bool)
	outstruct.CometPubKey = *abi.ConvertType(out[4], new([32]byte)).(*[32]byte)
	outstruct.Stake = *abi.ConvertType(out[5], new(*big.Int)).(**big.Int)

	return *outstruct, err

}

// Registrations is a free data retrieval call binding the contract method 0xf4ddb5be.
//
// Solidity: function registrations(uint256 ) view returns(address keyper, uint64 exitRequestedAt, bool slashed, bool withdrawn, bytes32 cometPubKey, uint256 stake)
func (_SequencerRegistry *SequencerRegistrySession) Registrations(arg0 *big.Int) (struct {
	Keyper          common.Address
	ExitRequestedAt uint64
	Slashed         bool
	Withdrawn       bool
	CometPubKey     [32]byte
	Stake           *big.Int
}, error) {
	return _SequencerRegistry.Contract.Registrations(&_SequencerRegistry.CallOpts, arg0)
}

// Registrations is a free data retrieval call binding the contract method 0xf4ddb5be.
//
// Solidity: function registrations(uint256 ) view returns(address keyper, uint64 exitRequestedAt, bool slashed, bool withdrawn, bytes32 cometPubKey, uint256 stake)
func (_SequencerRegistry *SequencerRegistryCallerSession) Registrations(arg0 *big.Int) (struct {
	Keyper          common.Address
	ExitRequestedAt uint64
	Slashed         bool
	Withdrawn       bool
	CometPubKey     [32]byte
	Stake           *big.Int
}, error) {
	return _SequencerRegistry.Contract.Registrations(&_SequencerRegistry.CallOpts, arg0)
}

// SlashedTotal is a free data retrieval call binding the contract method 0x65fb54aa.
//
// Solidity: function slashedTotal() view returns(uint256)
func (_SequencerRegistry *SequencerRegistryCaller) SlashedTotal(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _SequencerRegistry.contract.Call(opts, &out, "slashedTotal")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// SlashedTotal is a free data retrieval call binding the contract method 0x65fb54aa.
//
// Solidity: function slashedTotal() view returns(uint256)
func (_SequencerRegistry *SequencerRegistrySession) SlashedTotal() (*big.Int, error) {
	return _SequencerRegistry.Contract.SlashedTotal(&_SequencerRegistry.CallOpts)
}

// SlashedTotal is a free data retrieval call binding the contract method 0x65fb54aa.
//
// Solidity: function slashedTotal() view returns(uint256)
func (_SequencerRegistry *SequencerRegistryCallerSession) SlashedTotal() (*big.Int, error) {
	return _SequencerRegistry.Contract.SlashedTotal(&_SequencerRegistry.CallOpts)
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

// RegisterEon is a paid mutator transaction binding the contract method 0xbc4562d2.
//
// Solidity: function registerEon(uint64 eon, bytes publicKey, (address,bytes32,bytes)[] members, bytes sigma) returns()
func (_SequencerRegistry *SequencerRegistryTransactor) RegisterEon(opts *bind.TransactOpts, eon uint64, publicKey []byte, members []StatementsMember, sigma []byte) (*types.Transaction, error) {
	return _SequencerRegistry.contract.Transact(opts, "registerEon", eon, publicKey, members, sigma)
}

// RegisterEon is a paid mutator transaction binding the contract method 0xbc4562d2.
//
// Solidity: function registerEon(uint64 eon, bytes publicKey, (address,bytes32,bytes)[] members, bytes sigma) returns()
func (_SequencerRegistry *SequencerRegistrySession) RegisterEon(eon uint64, publicKey []byte, members []StatementsMember, sigma []byte) (*types.Transaction, error) {
	return _SequencerRegistry.Contract.RegisterEon(&_SequencerRegistry.TransactOpts, eon, publicKey, members, sigma)
}

// RegisterEon is a paid mutator transaction binding the contract method 0xbc4562d2.
//
// Solidity: function registerEon(uint64 eon, bytes publicKey, (address,bytes32,bytes)[] members, bytes sigma) returns()
func (_SequencerRegistry *SequencerRegistryTransactorSession) RegisterEon(eon uint64, publicKey []byte, members []StatementsMember, sigma []byte) (*types.Transaction, error) {
	return _SequencerRegistry.Contract.RegisterEon(&_SequencerRegistry.TransactOpts, eon, publicKey, members, sigma)
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

// Slash is a paid mutator transaction binding the contract method 0xf31f4f11.
//
// Solidity: function slash(uint64 registration, uint64 height, bytes32 evidenceHash, bytes sigma) returns(uint256 amount)
func (_SequencerRegistry *SequencerRegistryTransactor) Slash(opts *bind.TransactOpts, registration uint64, height uint64, evidenceHash [32]byte, sigma []byte) (*types.Transaction, error) {
	return _SequencerRegistry.contract.Transact(opts, "slash", registration, height, evidenceHash, sigma)
}

// Slash is a paid mutator transaction binding the contract method 0xf31f4f11.
//
// Solidity: function slash(uint64 registration, uint64 height, bytes32 evidenceHash, bytes sigma) returns(uint256 amount)
func (_SequencerRegistry *SequencerRegistrySession) Slash(registration uint64, height uint64, evidenceHash [32]byte, sigma []byte) (*types.Transaction, error) {
	return _SequencerRegistry.Contract.Slash(&_SequencerRegistry.TransactOpts, registration, height, evidenceHash, sigma)
}

// Slash is a paid mutator transaction binding the contract method 0xf31f4f11.
//
// Solidity: function slash(uint64 registration, uint64 height, bytes32 evidenceHash, bytes sigma) returns(uint256 amount)
func (_SequencerRegistry *SequencerRegistryTransactorSession) Slash(registration uint64, height uint64, evidenceHash [32]byte, sigma []byte) (*types.Transaction, error) {
	return _SequencerRegistry.Contract.Slash(&_SequencerRegistry.TransactOpts, registration, height, evidenceHash, sigma)
}

// WithdrawStake is a paid mutator transaction binding the contract method 0xbed9d861.
//
// Solidity: function withdrawStake() returns(uint256 amount)
func (_SequencerRegistry *SequencerRegistryTransactor) WithdrawStake(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _SequencerRegistry.contract.Transact(opts, "withdrawStake")
}

// WithdrawStake is a paid mutator transaction binding the contract method 0xbed9d861.
//
// Solidity: function withdrawStake() returns(uint256 amount)
func (_SequencerRegistry *SequencerRegistrySession) WithdrawStake() (*types.Transaction, error) {
	return _SequencerRegistry.Contract.WithdrawStake(&_SequencerRegistry.TransactOpts)
}

// WithdrawStake is a paid mutator transaction binding the contract method 0xbed9d861.
//
// Solidity: function withdrawStake() returns(uint256 amount)
func (_SequencerRegistry *SequencerRegistryTransactorSession) WithdrawStake() (*types.Transaction, error) {
	return _SequencerRegistry.Contract.WithdrawStake(&_SequencerRegistry.TransactOpts)
}

// SequencerRegistryConfiguredIterator is returned from FilterConfigured and is used to iterate over the raw logs and unpacked data for Configured events raised by the SequencerRegistry contract.
type SequencerRegistryConfiguredIterator struct {
	Event *SequencerRegistryConfigured // Event containing the contract specifics and raw log

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
func (it *SequencerRegistryConfiguredIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(SequencerRegistryConfigured)
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
		it.Event = new(SequencerRegistryConfigured)
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
func (it *SequencerRegistryConfiguredIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *SequencerRegistryConfiguredIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// SequencerRegistryConfigured represents a Configured event raised by the SequencerRegistry contract.
type SequencerRegistryConfigured struct {
	ChainId   uint64
	Salt      [32]byte
	MinStake  *big.Int
	ExitDelay uint64
	Inbox     common.Address
	Raw       types.Log // Blockchain specific contextual infos
}

// FilterConfigured is a free log retrieval operation binding the contract event 0x88c31fa1685121f4faa97a0729db85a89a75ccd9bc25898d9dc592399d1c6b3e.
//
// Solidity: event Configured(uint64 chainId, bytes32 salt, uint256 minStake, uint64 exitDelay, address inbox)
func (_SequencerRegistry *SequencerRegistryFilterer) FilterConfigured(opts *bind.FilterOpts) (*SequencerRegistryConfiguredIterator, error) {

	logs, sub, err := _SequencerRegistry.contract.FilterLogs(opts, "Configured")
	if err != nil {
		return nil, err
	}
	return &SequencerRegistryConfiguredIterator{contract: _SequencerRegistry.contract, event: "Configured", logs: logs, sub: sub}, nil
}

// WatchConfigured is a free log subscription operation binding the contract event 0x88c31fa1685121f4faa97a0729db85a89a75ccd9bc25898d9dc592399d1c6b3e.
//
// Solidity: event Configured(uint64 chainId, bytes32 salt, uint256 minStake, uint64 exitDelay, address inbox)
func (_SequencerRegistry *SequencerRegistryFilterer) WatchConfigured(opts *bind.WatchOpts, sink chan<- *SequencerRegistryConfigured) (event.Subscription, error) {

	logs, sub, err := _SequencerRegistry.contract.WatchLogs(opts, "Configured")
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(SequencerRegistryConfigured)
				if err := _SequencerRegistry.contract.UnpackLog(event, "Configured", log); err != nil {
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

// ParseConfigured is a log parse operation binding the contract event 0x88c31fa1685121f4faa97a0729db85a89a75ccd9bc25898d9dc592399d1c6b3e.
//
// Solidity: event Configured(uint64 chainId, bytes32 salt, uint256 minStake, uint64 exitDelay, address inbox)
func (_SequencerRegistry *SequencerRegistryFilterer) ParseConfigured(log types.Log) (*SequencerRegistryConfigured, error) {
	event := new(SequencerRegistryConfigured)
	if err := _SequencerRegistry.contract.UnpackLog(event, "Configured", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// SequencerRegistryEonRegisteredIterator is returned from FilterEonRegistered and is used to iterate over the raw logs and unpacked data for EonRegistered events raised by the SequencerRegistry contract.
type SequencerRegistryEonRegisteredIterator struct {
	Event *SequencerRegistryEonRegistered // Event containing the contract specifics and raw log

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
func (it *SequencerRegistryEonRegisteredIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(SequencerRegistryEonRegistered)
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
		it.Event = new(SequencerRegistryEonRegistered)
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
func (it *SequencerRegistryEonRegisteredIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *SequencerRegistryEonRegisteredIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// SequencerRegistryEonRegistered represents a EonRegistered event raised by the SequencerRegistry contract.
type SequencerRegistryEonRegistered struct {
	Eon         uint64
	Signer      uint64
	PublicKey   []byte
	KeypersRoot [32]byte
	Members     []StatementsMember
	Raw         types.Log // Blockchain specific contextual infos
}

// FilterEonRegistered is a free log retrieval operation binding the contract event 0x96fad5b2d08cafae247d1a5431f91d347638ba6873f5cd3e2d8dd58d95ecab2f.
//
// Solidity: event EonRegistered(uint64 indexed eon, uint64 signer, bytes publicKey, bytes32 keypersRoot, (address,bytes32,bytes)[] members)
func (_SequencerRegistry *SequencerRegistryFilterer) FilterEonRegistered(opts *bind.FilterOpts, eon []uint64) (*SequencerRegistryEonRegisteredIterator, error) {

	var eonRule []interface{}
	for _, eonItem := range eon {
		eonRule = append(eonRule, eonItem)
	}

	logs, sub, err := _SequencerRegistry.contract.FilterLogs(opts, "EonRegistered", eonRule)
	if err != nil {
		return nil, err
	}
	return &SequencerRegistryEonRegisteredIterator{contract: _SequencerRegistry.contract, event: "EonRegistered", logs: logs, sub: sub}, nil
}

// WatchEonRegistered is a free log subscription operation binding the contract event 0x96fad5b2d08cafae247d1a5431f91d347638ba6873f5cd3e2d8dd58d95ecab2f.
//
// Solidity: event EonRegistered(uint64 indexed eon, uint64 signer, bytes publicKey, bytes32 keypersRoot, (address,bytes32,bytes)[] members)
func (_SequencerRegistry *SequencerRegistryFilterer) WatchEonRegistered(opts *bind.WatchOpts, sink chan<- *SequencerRegistryEonRegistered, eon []uint64) (event.Subscription, error) {

	var eonRule []interface{}
	for _, eonItem := range eon {
		eonRule = append(eonRule, eonItem)
	}

	logs, sub, err := _SequencerRegistry.contract.WatchLogs(opts, "EonRegistered", eonRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(SequencerRegistryEonRegistered)
				if err := _SequencerRegistry.contract.UnpackLog(event, "EonRegistered", log); err != nil {
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

// ParseEonRegistered is a log parse operation binding the contract event 0x96fad5b2d08cafae247d1a5431f91d347638ba6873f5cd3e2d8dd58d95ecab2f.
//
// Solidity: event EonRegistered(uint64 indexed eon, uint64 signer, bytes publicKey, bytes32 keypersRoot, (address,bytes32,bytes)[] members)
func (_SequencerRegistry *SequencerRegistryFilterer) ParseEonRegistered(log types.Log) (*SequencerRegistryEonRegistered, error) {
	event := new(SequencerRegistryEonRegistered)
	if err := _SequencerRegistry.contract.UnpackLog(event, "EonRegistered", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
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

// SequencerRegistrySlashedIterator is returned from FilterSlashed and is used to iterate over the raw logs and unpacked data for Slashed events raised by the SequencerRegistry contract.
type SequencerRegistrySlashedIterator struct {
	Event *SequencerRegistrySlashed // Event containing the contract specifics and raw log

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
func (it *SequencerRegistrySlashedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(SequencerRegistrySlashed)
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
		it.Event = new(SequencerRegistrySlashed)
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
func (it *SequencerRegistrySlashedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *SequencerRegistrySlashedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// SequencerRegistrySlashed represents a Slashed event raised by the SequencerRegistry contract.
type SequencerRegistrySlashed struct {
	Registration uint64
	Keyper       common.Address
	Height       uint64
	EvidenceHash [32]byte
	Amount       *big.Int
	Raw          types.Log // Blockchain specific contextual infos
}

// FilterSlashed is a free log retrieval operation binding the contract event 0xa75c42eb2ed31c9daa19d2b2cee7da2010e47663c8176cfffe2930f30fc8466c.
//
// Solidity: event Slashed(uint64 indexed registration, address indexed keyper, uint64 height, bytes32 indexed evidenceHash, uint256 amount)
func (_SequencerRegistry *SequencerRegistryFilterer) FilterSlashed(opts *bind.FilterOpts, registration []uint64, keyper []common.Address, evidenceHash [][32]byte) (*SequencerRegistrySlashedIterator, error) {

	var registrationRule []interface{}
	for _, registrationItem := range registration {
		registrationRule = append(registrationRule, registrationItem)
	}
	var keyperRule []interface{}
	for _, keyperItem := range keyper {
		keyperRule = append(keyperRule, keyperItem)
	}

	var evidenceHashRule []interface{}
	for _, evidenceHashItem := range evidenceHash {
		evidenceHashRule = append(evidenceHashRule, evidenceHashItem)
	}

	logs, sub, err := _SequencerRegistry.contract.FilterLogs(opts, "Slashed", registrationRule, keyperRule, evidenceHashRule)
	if err != nil {
		return nil, err
	}
	return &SequencerRegistrySlashedIterator{contract: _SequencerRegistry.contract, event: "Slashed", logs: logs, sub: sub}, nil
}

// WatchSlashed is a free log subscription operation binding the contract event 0xa75c42eb2ed31c9daa19d2b2cee7da2010e47663c8176cfffe2930f30fc8466c.
//
// Solidity: event Slashed(uint64 indexed registration, address indexed keyper, uint64 height, bytes32 indexed evidenceHash, uint256 amount)
func (_SequencerRegistry *SequencerRegistryFilterer) WatchSlashed(opts *bind.WatchOpts, sink chan<- *SequencerRegistrySlashed, registration []uint64, keyper []common.Address, evidenceHash [][32]byte) (event.Subscription, error) {

	var registrationRule []interface{}
	for _, registrationItem := range registration {
		registrationRule = append(registrationRule, registrationItem)
	}
	var keyperRule []interface{}
	for _, keyperItem := range keyper {
		keyperRule = append(keyperRule, keyperItem)
	}

	var evidenceHashRule []interface{}
	for _, evidenceHashItem := range evidenceHash {
		evidenceHashRule = append(evidenceHashRule, evidenceHashItem)
	}

	logs, sub, err := _SequencerRegistry.contract.WatchLogs(opts, "Slashed", registrationRule, keyperRule, evidenceHashRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(SequencerRegistrySlashed)
				if err := _SequencerRegistry.contract.UnpackLog(event, "Slashed", log); err != nil {
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

// ParseSlashed is a log parse operation binding the contract event 0xa75c42eb2ed31c9daa19d2b2cee7da2010e47663c8176cfffe2930f30fc8466c.
//
// Solidity: event Slashed(uint64 indexed registration, address indexed keyper, uint64 height, bytes32 indexed evidenceHash, uint256 amount)
func (_SequencerRegistry *SequencerRegistryFilterer) ParseSlashed(log types.Log) (*SequencerRegistrySlashed, error) {
	event := new(SequencerRegistrySlashed)
	if err := _SequencerRegistry.contract.UnpackLog(event, "Slashed", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// SequencerRegistryStakeWithdrawnIterator is returned from FilterStakeWithdrawn and is used to iterate over the raw logs and unpacked data for StakeWithdrawn events raised by the SequencerRegistry contract.
type SequencerRegistryStakeWithdrawnIterator struct {
	Event *SequencerRegistryStakeWithdrawn // Event containing the contract specifics and raw log

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
func (it *SequencerRegistryStakeWithdrawnIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(SequencerRegistryStakeWithdrawn)
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
		it.Event = new(SequencerRegistryStakeWithdrawn)
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
func (it *SequencerRegistryStakeWithdrawnIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *SequencerRegistryStakeWithdrawnIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// SequencerRegistryStakeWithdrawn represents a StakeWithdrawn event raised by the SequencerRegistry contract.
type SequencerRegistryStakeWithdrawn struct {
	Registration uint64
	Keyper       common.Address
	Amount       *big.Int
	Raw          types.Log // Blockchain specific contextual infos
}

// FilterStakeWithdrawn is a free log retrieval operation binding the contract event 0x6981e126db69d907c3a1b0006870da7176da5b13c2aefd597ab845fe2bdb32df.
//
// Solidity: event StakeWithdrawn(uint64 indexed registration, address indexed keyper, uint256 amount)
func (_SequencerRegistry *SequencerRegistryFilterer) FilterStakeWithdrawn(opts *bind.FilterOpts, registration []uint64, keyper []common.Address) (*SequencerRegistryStakeWithdrawnIterator, error) {

	var registrationRule []interface{}
	for _, registrationItem := range registration {
		registrationRule = append(registrationRule, registrationItem)
	}
	var keyperRule []interface{}
	for _, keyperItem := range keyper {
		keyperRule = append(keyperRule, keyperItem)
	}

	logs, sub, err := _SequencerRegistry.contract.FilterLogs(opts, "StakeWithdrawn", registrationRule, keyperRule)
	if err != nil {
		return nil, err
	}
	return &SequencerRegistryStakeWithdrawnIterator{contract: _SequencerRegistry.contract, event: "StakeWithdrawn", logs: logs, sub: sub}, nil
}

// WatchStakeWithdrawn is a free log subscription operation binding the contract event 0x6981e126db69d907c3a1b0006870da7176da5b13c2aefd597ab845fe2bdb32df.
//
// Solidity: event StakeWithdrawn(uint64 indexed registration, address indexed keyper, uint256 amount)
func (_SequencerRegistry *SequencerRegistryFilterer) WatchStakeWithdrawn(opts *bind.WatchOpts, sink chan<- *SequencerRegistryStakeWithdrawn, registration []uint64, keyper []common.Address) (event.Subscription, error) {

	var registrationRule []interface{}
	for _, registrationItem := range registration {
		registrationRule = append(registrationRule, registrationItem)
	}
	var keyperRule []interface{}
	for _, keyperItem := range keyper {
		keyperRule = append(keyperRule, keyperItem)
	}

	logs, sub, err := _SequencerRegistry.contract.WatchLogs(opts, "StakeWithdrawn", registrationRule, keyperRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(SequencerRegistryStakeWithdrawn)
				if err := _SequencerRegistry.contract.UnpackLog(event, "StakeWithdrawn", log); err != nil {
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

// ParseStakeWithdrawn is a log parse operation binding the contract event 0x6981e126db69d907c3a1b0006870da7176da5b13c2aefd597ab845fe2bdb32df.
//
// Solidity: event StakeWithdrawn(uint64 indexed registration, address indexed keyper, uint256 amount)
func (_SequencerRegistry *SequencerRegistryFilterer) ParseStakeWithdrawn(log types.Log) (*SequencerRegistryStakeWithdrawn, error) {
	event := new(SequencerRegistryStakeWithdrawn)
	if err := _SequencerRegistry.contract.UnpackLog(event, "StakeWithdrawn", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}
