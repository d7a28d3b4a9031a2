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
	ABI: "[{\"inputs\":[{\"internalType\":\"contractIEonKeys\",\"name\":\"registry_\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"firstSlot\",\"type\":\"uint64\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"frozenFrom\",\"type\":\"uint64\"}],\"name\":\"AlreadyFrozen\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"}],\"name\":\"BadEonKeyLength\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"eon\",\"type\":\"uint64\"}],\"name\":\"BadSignature\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"}],\"name\":\"BadSignatureLength\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"firstSlot\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"lastSlot\",\"type\":\"uint64\"}],\"name\":\"BadSlotRange\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"eon\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"inCharge\",\"type\":\"uint64\"}],\"name\":\"EonRetired\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NoBlobs\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"index\",\"type\":\"uint64\"}],\"name\":\"NotTaken\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"precompile\",\"type\":\"address\"}],\"name\":\"PrecompileFailed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"index\",\"type\":\"uint64\"}],\"name\":\"SameHeader\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"eon\",\"type\":\"uint64\"}],\"name\":\"UnknownEon\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"chainId\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"want\",\"type\":\"uint64\"}],\"name\":\"WrongChainId\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"dataHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"blobs\",\"type\":\"bytes32\"}],\"name\":\"WrongDataHash\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"firstSlot\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"want\",\"type\":\"uint64\"}],\"name\":\"WrongFirstSlot\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"index\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"want\",\"type\":\"uint64\"}],\"name\":\"WrongIndex\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"parent\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"want\",\"type\":\"bytes32\"}],\"name\":\"WrongParent\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroAddress\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"index\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"eon\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"headerHash\",\"type\":\"bytes32\"},{\"components\":[{\"internalType\":\"uint64\",\"name\":\"chainId\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"eon\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"index\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"firstSlot\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"lastSlot\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"parent\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"recordsRoot\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"dataHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"withdrawalsRoot\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"forcedUpTo\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"l1Applied\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"appHash\",\"type\":\"bytes32\"}],\"indexed\":false,\"internalType\":\"structStatements.Batch\",\"name\":\"header\",\"type\":\"tuple\"}],\"name\":\"BatchAccepted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"eon\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"previous\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"since\",\"type\":\"uint64\"}],\"name\":\"EonInCharge\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"index\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"eon\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"headerHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"acceptedHash\",\"type\":\"bytes32\"}],\"name\":\"Equivocation\",\"type\":\"event\"},{\"inputs\":[{\"components\":[{\"internalType\":\"uint64\",\"name\":\"chainId\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"eon\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"index\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"firstSlot\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"lastSlot\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"parent\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"recordsRoot\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"dataHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"withdrawalsRoot\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"forcedUpTo\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"l1Applied\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"appHash\",\"type\":\"bytes32\"}],\"internalType\":\"structStatements.Batch\",\"name\":\"header\",\"type\":\"tuple\"}],\"name\":\"acceptedAt\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"index\",\"type\":\"uint64\"}],\"name\":\"batch\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"hash\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"acceptedTime\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"chainId\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"domainSeparator\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"eonInCharge\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"frozenFrom\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"components\":[{\"internalType\":\"uint64\",\"name\":\"chainId\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"eon\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"index\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"firstSlot\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"lastSlot\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"parent\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"recordsRoot\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"dataHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"withdrawalsRoot\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"forcedUpTo\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"l1Applied\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"appHash\",\"type\":\"bytes32\"}],\"internalType\":\"structStatements.Batch\",\"name\":\"header\",\"type\":\"tuple\"}],\"name\":\"headerHash\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"lastHeaderHash\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"nextFirstSlot\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"nextIndex\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"components\":[{\"internalType\":\"uint64\",\"name\":\"chainId\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"eon\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"index\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"firstSlot\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"lastSlot\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"parent\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"recordsRoot\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"dataHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"withdrawalsRoot\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"forcedUpTo\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"l1Applied\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"appHash\",\"type\":\"bytes32\"}],\"internalType\":\"structStatements.Batch\",\"name\":\"header\",\"type\":\"tuple\"},{\"internalType\":\"bytes\",\"name\":\"sigma\",\"type\":\"bytes\"}],\"name\":\"proveEquivocation\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"registry\",\"outputs\":[{\"internalType\":\"contractIEonKeys\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"eon\",\"type\":\"uint64\"}],\"name\":\"retiredAt\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"since\",\"type\":\"uint64\"},{\"internalType\":\"bool\",\"name\":\"retired\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"components\":[{\"internalType\":\"uint64\",\"name\":\"chainId\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"eon\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"index\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"firstSlot\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"lastSlot\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"parent\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"recordsRoot\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"dataHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"withdrawalsRoot\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"forcedUpTo\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"l1Applied\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"appHash\",\"type\":\"bytes32\"}],\"internalType\":\"structStatements.Batch\",\"name\":\"header\",\"type\":\"tuple\"},{\"internalType\":\"bytes\",\"name\":\"sigma\",\"type\":\"bytes\"}],\"name\":\"submit\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	Bin: "0x608060405260048054600160401b600160801b0319166fffffffffffffffff0000000000000000179055348015610034575f5ffd5b50604051612023380380612023833981016040819052610053916102fe565b6001600160a01b03821661007a5760405163d92e233d60e01b815260040160405180910390fd5b5f80546001600160a01b0319166001600160a01b03841690811790915560408051634d4502c960e11b81529051639a8a0592916004808201926020929091908290030181865afa1580156100d0573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906100f4919061033c565b5f60146101000a8154816001600160401b0302191690836001600160401b03160217905550816001600160a01b031663f698da256040518163ffffffff1660e01b8152600401602060405180830381865afa158015610155573d5f5f3e3d5ffd5b505050506040513d601f19601f82011682018060405250810190610179919061035c565b60015560028054600160401b600160801b031916680100000000000000006001600160401b0384160217905560408051630665ce6160e21b815290515f916001600160a01b038516916319973984916004808201926020929091908290030181865afa1580156101eb573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061020f919061033c565b600480546001600160401b03199081166001600160401b03848116918217845560068054600181019091557ff652222313e28459528d920b65115c16c04f3efc82aaedc97be59f3f377c0d3f94810494909401805460039095166008026101000a80830219909516948302949094179093555f818152600760209081526040918290208054909416429095169485179093558051828152928301939093529293507f0f7b0086e214e38677fd314a4fae3aac461ceeb12eee21ae505cd462975ff2f7910160405180910390a2505050610373565b80516001600160401b03811681146102f9575f5ffd5b919050565b5f5f6040838503121561030f575f5ffd5b82516001600160a01b0381168114610325575f5ffd5b9150610333602084016102e3565b90509250929050565b5f6020828403121561034c575f5ffd5b610355826102e3565b9392505050565b5f6020828403121561036c575f5ffd5b5051919050565b611ca3806103805f395ff3fe608060405234801561000f575f5ffd5b50600436106100e5575f3560e01c8063a229225811610088578063ec38209611610063578063ec3820961461024c578063f698da251461025f578063fc7e9c6f14610268578063fdc9ab9a1461027b575f5ffd5b8063a2292258146101f2578063ae4b98b014610205578063e5fa9bd114610237575f5ffd5b806366fd49bb116100c357806366fd49bb1461014a5780637b1039991461015d578063857553cc146101875780639a8a0592146101d9575f5ffd5b80630505d534146100e957806319a3410714610105578063515fcc3914610118575b5f5ffd5b6100f260035481565b6040519081526020015b60405180910390f35b6100f2610113366004611609565b610295565b60025461013290600160401b90046001600160401b031681565b6040516001600160401b0390911681526020016100fc565b610132610158366004611609565b6102a8565b5f5461016f906001600160a01b031681565b6040516001600160a01b0390911681526020016100fc565b6101bc61019536600461163f565b6001600160401b039081165f90815260056020526040902080546001909101549092911690565b604080519283526001600160401b039091166020830152016100fc565b5f5461013290600160a01b90046001600160401b031681565b600454610132906001600160401b031681565b61021861021336600461163f565b610312565b604080516001600160401b0390931683529015156020830152016100fc565b61024a610245366004611658565b6103ae565b005b61024a61025a366004611658565b61092d565b6100f260015481565b600254610132906001600160401b031681565b60045461013290600160401b90046001600160401b031681565b5f6102a260015483610b5f565b92915050565b5f806005816102bd606086016040870161163f565b6001600160401b0316815260208101919091526040015f20805490915015806102f257506102ed60015484610b5f565b815414155b156102ff57505f92915050565b600101546001600160401b031692915050565b6006545f9081905b80156103a8575f600661032e6001846116eb565b8154811061033e5761033e6116fe565b5f918252602090912060048204015460039091166008026101000a90046001600160401b0390811691508516811161037657506103a8565b6001600160401b039081165f9081526007602052604090205416925060019150806103a081611712565b91505061031a565b50915091565b5f54600160a01b90046001600160401b03166103cd602085018561163f565b6001600160401b031614610424576103e8602084018461163f565b5f5460405163302c201560e01b81526001600160401b039283166004820152600160a01b90910490911660248201526044015b60405180910390fd5b6002546001600160401b0316610440606085016040860161163f565b6001600160401b03161461048d5761045e606084016040850161163f565b600254604051635357a66560e11b81526001600160401b0392831660048201529116602482015260440161041b565b6003548360a00135146104c457600354604051637c5f784160e11b815260a08501356004820152602481019190915260440161041b565b600254600160401b90046001600160401b03166104e7608085016060860161163f565b6001600160401b03161461053d57610505608084016060850161163f565b60025460405163095a8a8d60e21b81526001600160401b039283166004820152600160401b909104909116602482015260440161041b565b61054d608084016060850161163f565b6001600160401b031661056660a085016080860161163f565b6001600160401b031610156105c157610585608084016060850161163f565b61059560a085016080860161163f565b6040516303602e5360e11b81526001600160401b0392831660048201529116602482015260440161041b565b6004546001600160401b03166105dd604085016020860161163f565b6001600160401b03161015610630576105fc604084016020850161163f565b600480546040516320a9b82b60e01b81526001600160401b039384169281019290925291909116602482015260440161041b565b5f610639610bea565b9050808460e001351461066c5760405163195af67d60e01b815260e085013560048201526024810182905260440161041b565b5f610678858585610ccb565b90506040518060400160405280828152602001426001600160401b031681525060055f8760400160208101906106ae919061163f565b6001600160401b03908116825260208083019390935260409182015f208451815593909201516001909301805467ffffffffffffffff191693909216929092179055610700906060870190870161163f565b61070b906001611727565b6002805467ffffffffffffffff19166001600160401b039290921691909117905561073c60a086016080870161163f565b610747906001611727565b6002805467ffffffffffffffff60401b1916600160401b6001600160401b0393841602179055600382905560045416610786604087016020880161163f565b6001600160401b0316146108bb576107a4604086016020870161163f565b600454604080516001600160401b039283168152428316602082015292909116917f0f7b0086e214e38677fd314a4fae3aac461ceeb12eee21ae505cd462975ff2f7910160405180910390a2610800604086016020870161163f565b6004805467ffffffffffffffff19166001600160401b03929092169190911790556006610833604087016020880161163f565b81546001810183555f92835260208084206004830401805460039093166008026101000a6001600160401b0381810219909416949093169290920292909217905542916007916108899060408a01908a0161163f565b6001600160401b03908116825260208201929092526040015f20805467ffffffffffffffff1916929091169190911790555b6108cb604086016020870161163f565b6001600160401b03166108e4606087016040880161163f565b6001600160401b03167fffb8c55a54619e631ad564159eb12b4c3c6c30df905a66439a8b4d9feb8641d2838860405161091e929190611746565b60405180910390a35050505050565b5f54600160a01b90046001600160401b031661094c602085018561163f565b6001600160401b031614610967576103e8602084018461163f565b6002546001600160401b0316610983606085016040860161163f565b6001600160401b0316106109c6576109a1606084016040850161163f565b6040516365425b0360e11b81526001600160401b03909116600482015260240161041b565b600454600160401b90046001600160401b03166109e9606085016040860161163f565b6001600160401b031610610a28576004805460405163a53c9dcd60e01b8152600160401b9091046001600160401b03169181019190915260240161041b565b5f600581610a3c606087016040880161163f565b6001600160401b03166001600160401b031681526020019081526020015f205f015490505f610a6d60015486610b5f565b9050818103610aab57610a86606086016040870161163f565b6040516325f152b160e21b81526001600160401b03909116600482015260240161041b565b610ab6858585610ccb565b50610ac7606086016040870161163f565b600480546001600160401b0392909216600160401b0267ffffffffffffffff60401b19909216919091179055610b03604086016020870161163f565b6001600160401b0316610b1c606087016040880161163f565b6001600160401b03167fef8501f7a8e209996760ee1dc7f89c2b220862f35ccdb71679a970cdde014edf838560405161091e929190918252602082015260400190565b5f610be3837f21425e70c556350f9b6534bbbd6a87c154110d7cb87dbd7454b9b3407bed4d6784604051602001610b97929190611746565b60408051601f19818403018152828252805160209182012061190160f01b8483015260228401949094526042808401949094528151808403909401845260629092019052815191012090565b9392505050565b5f805b804915610c065780610bfe8161185e565b915050610bed565b805f03610c265760405163fdac229f60e01b815260040160405180910390fd5b5f816001600160401b03811115610c3f57610c3f611876565b604051908082528060200260200182016040528015610c68578160200160208202803683370190505b5090505f5b82811015610c9c578049828281518110610c8957610c896116fe565b6020908102919091010152600101610c6d565b5080604051602001610cae919061188a565b604051602081830303815290604052805190602001209250505090565b5f805481906001600160a01b031663bb7f7bd9610cee604088016020890161163f565b6040516001600160e01b031960e084901b1681526001600160401b0390911660048201526024015f60405180830381865afa158015610d2f573d5f5f3e3d5ffd5b505050506040513d5f823e601f3d908101601f19168201604052610d5691908101906118bf565b50905080515f03610d9657610d71604086016020870161163f565b604051631cf12cc560e31b81526001600160401b03909116600482015260240161041b565b610da260015486610b5f565b5f54909250610e0890600160a01b90046001600160401b0316610dcb604088016020890161163f565b838588888080601f0160208091040260200160405190810160405280939291908181526020018383808284375f92019190915250610e4992505050565b610e4157610e1c604086016020870161163f565b6040516369f7e10760e11b81526001600160401b03909116600482015260240161041b565b509392505050565b5f835161010014610e725783516040516311b0727960e31b815260040161041b91815260200190565b8151608014610e99578151604051633e89287f60e11b815260040161041b91815260200190565b610ea282611030565b80610eb15750610eb184611030565b15610ebd57505f611027565b5f610f5d600160f81b610f2d8989886040516b7665696c2f7369676e2f763160a01b60208201526001600160c01b031960c085811b8216602c84015284901b166034820152603c81018290525f90605c016040516020818303038152906040528051906020012090509392505050565b6040516001600160f81b031990921660208301526021820152604101604051602081830303815290604052611067565b90505f5f600f6001600160a01b0316620191f4866040518061012001604052806101008152602001611b3e6101009139868b604051602001610fa2949392919061198a565b60408051601f1981840301815290829052610fbc916119b0565b5f604051808303818686fa925050503d805f8114610ff5576040519150601f19603f3d011682016040523d82523d5f602084013e610ffa565b606091505b509150915081801561100d575080516020145b8015611021575061101d816119bb565b6001145b93505050505b95945050505050565b5f6001905060208201825181015b8082101561106057815115611055575f9250611060565b60208201915061103e565b5050919050565b60605f61107383611155565b90505f611088611083835f611449565b61155f565b90505f611099611083846040611449565b90505f5f600b6001600160a01b031661017785856040516020016110be9291906119de565b60408051601f19818403018152908290526110d8916119b0565b5f604051808303818686fa925050503d805f8114611111576040519150601f19603f3d011682016040523d82523d5f602084013e611116565b606091505b509150915081158061112a57508051608014155b1561114b576040516375c6821d60e11b8152600b600482015260240161041b565b9695505050505050565b60605f6040518060600160405280602b8152602001611b13602b91396040518060600160405280602b8152602001611b13602b91395160405160200161119c9291906119f4565b60408051808303601f1901815281835260608301825292505f9160029160208201818036833750506040516111de92915087906080905f908890602001611a1b565b60408051601f19818403018152908290526111f8916119b0565b602060405180830381855afa158015611213573d5f5f3e3d5ffd5b5050506040513d601f19601f820116820180604052508101906112369190611a6d565b90505f60028260018560405160200161125193929190611a84565b60408051601f198184030181529082905261126b916119b0565b602060405180830381855afa158015611286573d5f5f3e3d5ffd5b5050506040513d601f19601f820116820180604052508101906112a99190611a6d565b90505f60028284186002866040516020016112c693929190611a84565b60408051601f19818403018152908290526112e0916119b0565b602060405180830381855afa1580156112fb573d5f5f3e3d5ffd5b5050506040513d601f19601f8201168201806040525081019061131e9190611a6d565b90505f600282851860038760405160200161133b93929190611a84565b60408051601f1981840301815290829052611355916119b0565b602060405180830381855afa158015611370573d5f5f3e3d5ffd5b5050506040513d601f19601f820116820180604052508101906113939190611a6d565b90505f60028286186004886040516020016113b093929190611a84565b60408051601f19818403018152908290526113ca916119b0565b602060405180830381855afa1580156113e5573d5f5f3e3d5ffd5b5050506040513d601f19601f820116820180604052508101906114089190611a6d565b6040805160208101879052908101859052606081018490526080810182905290915060a0016040516020818303038152906040529650505050505050919050565b60605f5f8360208601015191508360408601015190505f5f60056001600160a01b031660406001603087876001604051806060016040528060308152602001611c3e603091396040516020016114a59796959493929190611aa9565b60408051601f19818403018152908290526114bf916119b0565b5f60405180830381855afa9150503d805f81146114f7576040519150601f19603f3d011682016040523d82523d5f602084013e6114fc565b606091505b509150915081158061151057508051603014155b15611531576040516375c6821d60e11b81526005600482015260240161041b565b604051611544905f908390602001611aee565b60405160208183030381529060405294505050505092915050565b60605f5f60106001600160a01b031661157c8560405161157f91906119b0565b5f604051808303818686fa925050503d805f81146115b8576040519150601f19603f3d011682016040523d82523d5f602084013e6115bd565b606091505b50915091508115806115d157508051608014155b15610be3576040516375c6821d60e11b81526010600482015260240161041b565b5f6101808284031215611603575f5ffd5b50919050565b5f610180828403121561161a575f5ffd5b610be383836115f2565b80356001600160401b038116811461163a575f5ffd5b919050565b5f6020828403121561164f575f5ffd5b610be382611624565b5f5f5f6101a0848603121561166b575f5ffd5b61167585856115f2565b92506101808401356001600160401b03811115611690575f5ffd5b8401601f810186136116a0575f5ffd5b80356001600160401b038111156116b5575f5ffd5b8660208284010111156116c6575f5ffd5b939660209190910195509293505050565b634e487b7160e01b5f52601160045260245ffd5b818103818111156102a2576102a26116d7565b634e487b7160e01b5f52603260045260245ffd5b5f81611720576117206116d7565b505f190190565b6001600160401b0381811683821601908111156102a2576102a26116d7565b8281526101a0810161176b6020830161175e85611624565b6001600160401b03169052565b61177760208401611624565b6001600160401b03811660408401525061179360408401611624565b6001600160401b0381166060840152506117af60608401611624565b6001600160401b0381166080840152506117cb60808401611624565b6001600160401b03811660a08401525060a083013560c08381019190915283013560e080840191909152830135610100808401919091528301356101208084019190915261181a908401611624565b6001600160401b038116610140840152506118386101408401611624565b6001600160401b0381166101608401525061016092909201356101809190910152919050565b5f6001820161186f5761186f6116d7565b5060010190565b634e487b7160e01b5f52604160045260245ffd5b81515f90829060208501835b828110156118b4578151845260209384019390910190600101611896565b509195945050505050565b5f5f604083850312156118d0575f5ffd5b82516001600160401b038111156118e5575f5ffd5b8301601f810185136118f5575f5ffd5b80516001600160401b0381111561190e5761190e611876565b604051601f8201601f19908116603f011681016001600160401b038111828210171561193c5761193c611876565b604052818152828201602001871015611953575f5ffd5b8160208401602083015e5f60209282018301529401519395939450505050565b5f81518060208401855e5f93019283525090919050565b5f61114b6119aa6119a461199e858a611973565b88611973565b86611973565b84611973565b5f610be38284611973565b80516020808301519190811015611603575f1960209190910360031b1b16919050565b5f6119ec6119aa8386611973565b949350505050565b5f6119ff8285611973565b60f89390931b6001600160f81b03191683525050600101919050565b5f611a2f611a298389611973565b87611973565b60f086901b6001600160f01b031916815260f885901b6001600160f81b0319166002820152611a616003820185611973565b98975050505050505050565b5f60208284031215611a7d575f5ffd5b5051919050565b83815260f883901b6001600160f81b03191660208201525f6110276021830184611973565b87815286602082015285604082015284606082015283608082015260ff60f81b8360f81b1660a08201525f611ae160a1830184611973565b9998505050505050505050565b6fffffffffffffffffffffffffffffffff19831681525f6119ec601083018461197356fe534855545445525f5630315f424c53313233383147315f584d443a5348412d3235365f535357555f524f5f00000000000000000000000000000000024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bdb80000000000000000000000000000000013e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b7e000000000000000000000000000000000d1b3cc2c7027888be51d9ef691d77bcb679afda66c73f17f9ee3837a55024f78c71363275a75d75d86bab79f74782aa0000000000000000000000000000000013fa4d4a0ad8b1ce186ed5061789213d993923066dddaf1040bc3ff59f825c78df74f2d75467e25e0f55f8a00fa030ed1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaaba26469706673582212201652e5b15aed2e1f39caaf3e60833ef7505b09a73112ac31b5514c9b8378f7d064736f6c63430008250033",
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
	ABI: "[{\"inputs\":[{\"internalType\":\"contractIBatches\",\"name\":\"inbox_\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"withdrawDelay_\",\"type\":\"uint64\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"withdrawNonce\",\"type\":\"uint64\"}],\"name\":\"AlreadyClaimed\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"BadProof\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"index\",\"type\":\"uint64\"}],\"name\":\"BatchNotAccepted\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"TransferFailed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"claimableAt\",\"type\":\"uint64\"}],\"name\":\"WithdrawTooEarly\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"index\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"frozenFrom\",\"type\":\"uint64\"}],\"name\":\"WithdrawalsFrozen\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroAddress\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroAmount\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"depositIndex\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"builder\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"CollateralDeposited\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"depositIndex\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Deposited\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Funded\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"withdrawNonce\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"batchIndex\",\"type\":\"uint64\"}],\"name\":\"Withdrawn\",\"type\":\"event\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"name\":\"claimed\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"deposit\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"depositIndex\",\"type\":\"uint64\"}],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"builder\",\"type\":\"address\"}],\"name\":\"depositCollateral\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"depositIndex\",\"type\":\"uint64\"}],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"fund\",\"outputs\":[],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"inbox\",\"outputs\":[{\"internalType\":\"contractIBatches\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"nextDepositIndex\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"components\":[{\"internalType\":\"uint64\",\"name\":\"chainId\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"eon\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"index\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"firstSlot\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"lastSlot\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"parent\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"recordsRoot\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"dataHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"withdrawalsRoot\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"forcedUpTo\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"l1Applied\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"appHash\",\"type\":\"bytes32\"}],\"internalType\":\"structStatements.Batch\",\"name\":\"header\",\"type\":\"tuple\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"uint64\",\"name\":\"withdrawNonce\",\"type\":\"uint64\"}],\"internalType\":\"structDepositVault.Withdrawal\",\"name\":\"w\",\"type\":\"tuple\"},{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"size\",\"type\":\"uint256\"},{\"internalType\":\"bytes32[]\",\"name\":\"path\",\"type\":\"bytes32[]\"}],\"name\":\"withdraw\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"withdrawDelay\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	Bin: "0x6080604052348015600e575f5ffd5b50604051610e02380380610e02833981016040819052602b916087565b6001600160a01b03821660515760405163d92e233d60e01b815260040160405180910390fd5b5f80546001600160401b03909216600160a01b026001600160e01b03199092166001600160a01b039093169290921717905560d2565b5f5f604083850312156097575f5ffd5b82516001600160a01b038116811460ac575f5ffd5b60208401519092506001600160401b038116811460c7575f5ffd5b809150509250929050565b610d23806100df5f395ff3fe608060405260043610610079575f3560e01c8063b60d42881161004c578063b60d428814610112578063cc3c0f061461011a578063f340fa0114610158578063fb0e722b1461016b575f5ffd5b80630288a39c1461007d57806366294904146100bf5780636c4668a3146100e057806397d475d7146100ff575b5f5ffd5b348015610088575f5ffd5b505f546100a290600160a01b90046001600160401b031681565b6040516001600160401b0390911681526020015b60405180910390f35b3480156100ca575f5ffd5b506100de6100d9366004610a0f565b6101a1565b005b3480156100eb575f5ffd5b506001546100a2906001600160401b031681565b6100a261010d366004610ac8565b6106cb565b6100de610729565b348015610125575f5ffd5b50610148610134366004610af5565b60026020525f908152604090205460ff1681565b60405190151581526020016100b6565b6100a2610166366004610ac8565b610780565b348015610176575f5ffd5b505f54610189906001600160a01b031681565b6040516001600160a01b0390911681526020016100b6565b5f80546040516366fd49bb60e01b81526001600160a01b03909116906366fd49bb906101d1908a90600401610b33565b602060405180830381865afa1580156101ec573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906102109190610c2c565b9050806001600160401b03165f0361025c576102326060880160408901610c47565b60405163638ebd9f60e01b81526001600160401b0390911660048201526024015b60405180910390fd5b5f5f5f9054906101000a90046001600160a01b03166001600160a01b031663fdc9ab9a6040518163ffffffff1660e01b8152600401602060405180830381865afa1580156102ac573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906102d09190610c2c565b90506001600160401b0381166102ec60608a0160408b01610c47565b6001600160401b0316106103375761030a6060890160408a01610c47565b604051630710995b60e31b81526001600160401b0391821660048201529082166024820152604401610253565b5f805461035490600160a01b90046001600160401b031684610c76565b9050806001600160401b031642101561038b576040516383042abd60e01b81526001600160401b0382166004820152602401610253565b5f61039960208a018a610ac8565b6103a960808b0160608c01610c47565b6040516020016103e492919060609290921b6bffffffffffffffffffffffff1916825260c01b6001600160c01b0319166014820152601c0190565b60408051601f1981840301815291815281516020928301205f818152600290935291205490915060ff16156104635761042060208a018a610ac8565b61043060808b0160608c01610c47565b604051635166026b60e11b81526001600160a01b0390921660048301526001600160401b03166024820152604401610253565b5f61047160208b018b610ac8565b61048160408c0160208d01610ac8565b60408c013561049660808e0160608f01610c47565b604051606094851b6bffffffffffffffffffffffff1990811660208301529390941b9092166034840152604883015260c01b6001600160c01b031916606882015260700160405160208183030381529060405290506105378b61010001356104fd836107d1565b8b8b8b8b808060200260200160405190810160405280939291908181526020018383602002808284375f9201919091525061080392505050565b61055457604051637ca55c7760e01b815260040160405180910390fd5b5f828152600260205260409020805460ff1916600117905561057c60808b0160608c01610c47565b6001600160401b031661059260208c018c610ac8565b6001600160a01b03167f56e5c918f2e28c15f2a2b383d6f8f6a2a7ca98d1bda9a4048b8f97e83a4699cc6105cc60408e0160208f01610ac8565b8d604001358f60400160208101906105e49190610c47565b604080516001600160a01b03909416845260208401929092526001600160401b03169082015260600160405180910390a35f61062660408c0160208d01610ac8565b6001600160a01b03168b604001356040515f6040518083038185875af1925050503d805f8114610671576040519150601f19603f3d011682016040523d82523d5f602084013e610676565b606091505b50509050806106bd5761068f60408c0160208d01610ac8565b60408051630e21dcbb60e11b81526001600160a01b0390921660048301528c01356024820152604401610253565b505050505050505050505050565b5f6106d582610987565b9050816001600160a01b0316816001600160401b03167f902bfbf57fa774e48c208b8757f653054a6646d10f4b6a40b46d8e59785600193460405161071c91815260200190565b60405180910390a3919050565b345f0361074957604051631f2a200560e01b815260040160405180910390fd5b60405134815233907f5af8184bef8e4b45eb9f6ed7734d04da38ced226495548f46e0c8ff8d7d9a5249060200160405180910390a2565b5f61078a82610987565b9050816001600160a01b0316816001600160401b03167fe007c38a05fbf2010d1c1ed20f91e675c91d41699926124738a8c3fe9fc791b43460405161071c91815260200190565b6040515f906107e69082908490602001610c9b565b604051602081830303815290604052805190602001209050919050565b5f82841061081257505f61097e565b835f61081f600186610cc6565b9050865f5b855181101561096a57825f03610840575f94505050505061097e565b836001166001148061085157508284145b156108f257600160f81b86828151811061086d5761086d610cd9565b6020026020010151836040516020016108a5939291906001600160f81b03199390931683526001830191909152602182015260410190565b604051602081830303815290604052805190602001209150836001165f036108ed575b600184161580156108d857508315155b156108ed57600193841c939290921c916108c8565b61095a565b600160f81b8287838151811061090a5761090a610cd9565b6020026020010151604051602001610941939291906001600160f81b03199390931683526001830191909152602182015260410190565b6040516020818303038152906040528051906020012091505b600193841c9392831c9201610824565b508115801561097857508881145b93505050505b95945050505050565b5f345f036109a857604051631f2a200560e01b815260040160405180910390fd5b6001600160a01b0382166109cf5760405163d92e233d60e01b815260040160405180910390fd5b50600180546001600160401b0316906109e9908290610c76565b6001805467ffffffffffffffff19166001600160401b0392909216919091179055919050565b5f5f5f5f5f5f868803610260811215610a26575f5ffd5b610180811215610a34575f5ffd5b879650608061017f1982011215610a49575f5ffd5b5061018087019450610200870135935061022087013592506102408701356001600160401b03811115610a7a575f5ffd5b8701601f81018913610a8a575f5ffd5b80356001600160401b03811115610a9f575f5ffd5b8960208260051b8401011115610ab3575f5ffd5b60208201935080925050509295509295509295565b5f60208284031215610ad8575f5ffd5b81356001600160a01b0381168114610aee575f5ffd5b9392505050565b5f60208284031215610b05575f5ffd5b5035919050565b6001600160401b0381168114610b20575f5ffd5b50565b8035610b2e81610b0c565b919050565b6101808101610b5282610b4585610b23565b6001600160401b03169052565b610b5e60208401610b23565b6001600160401b03166020830152610b7860408401610b23565b6001600160401b03166040830152610b9260608401610b23565b6001600160401b03166060830152610bac60808401610b23565b6001600160401b0316608083015260a0838101359083015260c0808401359083015260e080840135908301526101008084013590830152610bf06101208401610b23565b6001600160401b0316610120830152610c0c6101408401610b23565b6001600160401b0381166101408401525061016092830135919092015290565b5f60208284031215610c3c575f5ffd5b8151610aee81610b0c565b5f60208284031215610c57575f5ffd5b8135610aee81610b0c565b634e487b7160e01b5f52601160045260245ffd5b6001600160401b038181168382160190811115610c9557610c95610c62565b92915050565b6001600160f81b03198316815281515f908060208501600185015e5f92016001019182525092915050565b81810381811115610c9557610c95610c62565b634e487b7160e01b5f52603260045260245ffdfea26469706673582212208341d5efe48b087919227422bc652e8d078f052e2a6320083859db54164279f964736f6c63430008250033",
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
	ABI: "[{\"inputs\":[{\"components\":[{\"internalType\":\"uint256\",\"name\":\"minFeePerGas\",\"type\":\"uint256\"},{\"internalType\":\"uint64\",\"name\":\"forcedGas\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"targetGas\",\"type\":\"uint64\"},{\"internalType\":\"uint32\",\"name\":\"maxItemBytes\",\"type\":\"uint32\"}],\"internalType\":\"structForcedInclusionQueue.Config\",\"name\":\"c\",\"type\":\"tuple\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[],\"name\":\"BadConfig\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"EmptyItem\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"gas\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"forcedGas\",\"type\":\"uint64\"}],\"name\":\"GasTooHigh\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"gas\",\"type\":\"uint64\"},{\"internalType\":\"uint256\",\"name\":\"minimum\",\"type\":\"uint256\"}],\"name\":\"GasTooLow\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"maxItemBytes\",\"type\":\"uint256\"}],\"name\":\"ItemTooLarge\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"RefundFailed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"required\",\"type\":\"uint256\"}],\"name\":\"Underpaid\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"forcedIndex\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"gas\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"pricePerGas\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"timestamp\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"item\",\"type\":\"bytes\"}],\"name\":\"Enqueued\",\"type\":\"event\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"item\",\"type\":\"bytes\"},{\"internalType\":\"uint64\",\"name\":\"gas\",\"type\":\"uint64\"}],\"name\":\"enqueue\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"forcedIndex\",\"type\":\"uint64\"}],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"forcedGas\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"maxItemBytes\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"\",\"type\":\"uint32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"minFeePerGas\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"nextForcedIndex\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"pricePerGas\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"p\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"targetGas\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	Bin: "0x608060405234801561000f575f5ffd5b5060405161097338038061097383398101604081905261002e91610135565b8051158061004a575061520881602001516001600160401b0316105b80610060575060408101516001600160401b0316155b806100735750606081015163ffffffff16155b15610091576040516301f30c8760e21b815260040160405180910390fd5b80515f819055602082015160018054604085015160609095015163ffffffff16600160801b0263ffffffff60801b196001600160401b0396871668010000000000000000026001600160801b031990931694871694909417919091179290921691909117905560025560038054439092166001600160401b0319929092169190911790556101c0565b80516001600160401b0381168114610130575f5ffd5b919050565b5f6080828403128015610146575f5ffd5b50604051608081016001600160401b038111828210171561017557634e487b7160e01b5f52604160045260245ffd5b604052825181526101886020840161011a565b60208201526101996040840161011a565b6040820152606083015163ffffffff811681146101b4575f5ffd5b60608201529392505050565b6107a6806101cd5f395ff3fe60806040526004361061006e575f3560e01c806365dcd84d1161004c57806365dcd84d146100f65780636b111e221461010a578063a69d2cbf1461011d578063d1f6b07914610143575f5ffd5b8063154ecca1146100725780633068ad37146100995780636330d59d146100d0575b5f5ffd5b34801561007d575f5ffd5b5061008661017b565b6040519081526020015b60405180910390f35b3480156100a4575f5ffd5b506001546100b8906001600160401b031681565b6040516001600160401b039091168152602001610090565b3480156100db575f5ffd5b506001546100b890600160401b90046001600160401b031681565b348015610101575f5ffd5b506100865f5481565b6100b86101183660046105bc565b61018a565b348015610128575f5ffd5b506001546100b890600160a01b90046001600160401b031681565b34801561014e575f5ffd5b5060015461016690600160801b900463ffffffff1681565b60405163ffffffff9091168152602001610090565b5f61018461045e565b50919050565b5f8281036101ab57604051635ab458fb60e01b815260040160405180910390fd5b600154600160801b900463ffffffff168311156101f9576001546040516379c32c8d60e11b815260048101859052600160801b90910463ffffffff1660248201526044015b60405180910390fd5b5f610205846010610658565b61021190615208610675565b905080836001600160401b0316101561024f576040516311e069a760e31b81526001600160401b0384166004820152602481018290526044016101f0565b6001546001600160401b039081169084161115610296576001546040516314f2a21d60e31b81526001600160401b03808616600483015290911660248201526044016101f0565b5f5f6102a061045e565b90925090505f6102b96001600160401b03871684610658565b9050803410156102e557604051633cfaf0e160e21b8152346004820152602481018290526044016101f0565b60028390556003805467ffffffffffffffff1916436001600160401b03161790556103108683610688565b600380546fffffffffffffffff00000000000000001916600160401b6001600160401b039384160217905560018054600160a01b9004909116906014610355836106a7565b91906101000a8154816001600160401b0302191690836001600160401b031602179055509450336001600160a01b0316856001600160401b03167f4d131dcda9f3d806ecf4da5a33082d1259fb6dd4441093d5a89750149a0b9a5e8886428d8d6040516103c69594939291906106d1565b60405180910390a35f6103d98234610726565b90508015610452576040515f90339083908381818185875af1925050503d805f8114610420576040519150601f19603f3d011682016040523d82523d5f602084013e610425565b606091505b5050905080610450576040516357b9d85960e11b8152336004820152602481018390526044016101f0565b505b50505050509392505050565b6002546003545f906001600160401b0316430361048f57506003549091600160401b9091046001600160401b031690565b6001546003546001600160401b03600160401b928390048116929091041681811115610504575f6008836104c38185610726565b6104cd9088610658565b6104d79190610739565b6104e19190610739565b905080156104ef57806104f2565b60015b6104fc9086610675565b94505061053c565b6008826105118382610726565b61051b9087610658565b6105259190610739565b61052f9190610739565b6105399085610726565b93505b6003545f90600190610557906001600160401b031643610726565b6105619190610726565b90505f5b818110801561057457505f5486115b156105a257610584600887610739565b61058e9087610726565b95508061059a81610758565b915050610565565b505f548510156105b1575f5494505b5092935f9350915050565b5f5f5f604084860312156105ce575f5ffd5b83356001600160401b038111156105e3575f5ffd5b8401601f810186136105f3575f5ffd5b80356001600160401b03811115610608575f5ffd5b866020828401011115610619575f5ffd5b6020918201945092508401356001600160401b0381168114610639575f5ffd5b809150509250925092565b634e487b7160e01b5f52601160045260245ffd5b808202811582820484141761066f5761066f610644565b92915050565b8082018082111561066f5761066f610644565b6001600160401b03818116838216019081111561066f5761066f610644565b5f6001600160401b0382166001600160401b0381036106c8576106c8610644565b60010192915050565b6001600160401b03861681528460208201526001600160401b038416604082015260806060820152816080820152818360a08301375f81830160a090810191909152601f909201601f19160101949350505050565b8181038181111561066f5761066f610644565b5f8261075357634e487b7160e01b5f52601260045260245ffd5b500490565b5f6001820161076957610769610644565b506001019056fea264697066735822122063024ca2d17becda66768927b5f4154562ade376dfc880e51ca78504620f063964736f6c63430008250033",
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
	Bin: "0x6080604052348015600e575f5ffd5b506111678061001c5f395ff3fe608060405234801561000f575f5ffd5b506004361061004a575f3560e01c80633aca3c591461004e5780634ce3870514610076578063834c465f14610089578063f1718662146100aa575b5f5ffd5b61006161005c366004610bf6565b6100ca565b60405190151581526020015b60405180910390f35b610061610084366004610c8f565b61014c565b61009c610097366004610d4c565b6101c9565b60405190815260200161006d565b6100bd6100b8366004610d86565b6101dd565b60405161006d9190610dc5565b5f610140888888888080601f0160208091040260200160405190810160405280939291908181526020018383808284375f9201919091525050604080516020601f8b018190048102820181019092528981528b9350915089908990819084018382808284375f9201919091525061022692505050565b98975050505050505050565b5f6101408861018f89898080601f0160208091040260200160405190810160405280939291908181526020018383808284375f920191909152506103ba92505050565b87878787808060200260200160405190810160405280939291908181526020018383602002808284375f920191909152506103ec92505050565b5f6101d584848461056b565b949350505050565b606061021d83838080601f0160208091040260200160405190810160405280939291908181526020018383808284375f920191909152506105cc92505050565b90505b92915050565b5f8351610100146102585783516040516311b0727960e31b815260040161024f91815260200190565b60405180910390fd5b815160801461027f578151604051633e89287f60e11b815260040161024f91815260200190565b610288826106ba565b806102975750610297846106ba565b156102a357505f6103b1565b5f6102e7600160f81b6102b789898861056b565b6040516001600160f81b0319909216602083015260218201526041016040516020818303038152906040526105cc565b90505f5f600f6001600160a01b0316620191f48660405180610120016040528061010081526020016110026101009139868b60405160200161032c9493929190610e11565b60408051601f198184030181529082905261034691610e37565b5f604051808303818686fa925050503d805f811461037f576040519150601f19603f3d011682016040523d82523d5f602084013e610384565b606091505b5091509150818015610397575080516020145b80156103ab57506103a781610e42565b6001145b93505050505b95945050505050565b6040515f906103cf9082908490602001610e68565b604051602081830303815290604052805190602001209050919050565b5f8284106103fb57505f6103b1565b835f610408600186610e83565b9050865f5b855181101561055357825f03610429575f9450505050506103b1565b836001166001148061043a57508284145b156104db57600160f81b86828151811061045657610456610ea2565b60200260200101518360405160200161048e939291906001600160f81b03199390931683526001830191909152602182015260410190565b604051602081830303815290604052805190602001209150836001165f036104d6575b600184161580156104c157508315155b156104d657600193841c939290921c916104b1565b610543565b600160f81b828783815181106104f3576104f3610ea2565b602002602001015160405160200161052a939291906001600160f81b03199390931683526001830191909152602182015260410190565b6040516020818303038152906040528051906020012091505b600193841c9392831c920161040d565b50811580156103ab5750909714979650505050505050565b6040516b7665696c2f7369676e2f763160a01b60208201526001600160c01b031960c085811b8216602c84015284901b166034820152603c81018290525f90605c016040516020818303038152906040528051906020012090509392505050565b60605f6105d8836106f1565b90505f6105ed6105e8835f6109e5565b610afb565b90505f6105fe6105e88460406109e5565b90505f5f600b6001600160a01b03166101778585604051602001610623929190610eb6565b60408051601f198184030181529082905261063d91610e37565b5f604051808303818686fa925050503d805f8114610676576040519150601f19603f3d011682016040523d82523d5f602084013e61067b565b606091505b509150915081158061068f57508051608014155b156106b0576040516375c6821d60e11b8152600b600482015260240161024f565b9695505050505050565b5f6001905060208201825181015b808210156106ea578151156106df575f92506106ea565b6020820191506106c8565b5050919050565b60605f6040518060600160405280602b8152602001610fd7602b91396040518060600160405280602b8152602001610fd7602b913951604051602001610738929190610ec4565b60408051808303601f1901815281835260608301825292505f91600291602082018180368337505060405161077a92915087906080905f908890602001610eeb565b60408051601f198184030181529082905261079491610e37565b602060405180830381855afa1580156107af573d5f5f3e3d5ffd5b5050506040513d601f19601f820116820180604052508101906107d29190610f31565b90505f6002826001856040516020016107ed93929190610f48565b60408051601f198184030181529082905261080791610e37565b602060405180830381855afa158015610822573d5f5f3e3d5ffd5b5050506040513d601f19601f820116820180604052508101906108459190610f31565b90505f600282841860028660405160200161086293929190610f48565b60408051601f198184030181529082905261087c91610e37565b602060405180830381855afa158015610897573d5f5f3e3d5ffd5b5050506040513d601f19601f820116820180604052508101906108ba9190610f31565b90505f60028285186003876040516020016108d793929190610f48565b60408051601f19818403018152908290526108f191610e37565b602060405180830381855afa15801561090c573d5f5f3e3d5ffd5b5050506040513d601f19601f8201168201806040525081019061092f9190610f31565b90505f600282861860048860405160200161094c93929190610f48565b60408051601f198184030181529082905261096691610e37565b602060405180830381855afa158015610981573d5f5f3e3d5ffd5b5050506040513d601f19601f820116820180604052508101906109a49190610f31565b6040805160208101879052908101859052606081018490526080810182905290915060a0016040516020818303038152906040529650505050505050919050565b60605f5f8360208601015191508360408601015190505f5f60056001600160a01b03166040600160308787600160405180606001604052806030815260200161110260309139604051602001610a419796959493929190610f6d565b60408051601f1981840301815290829052610a5b91610e37565b5f60405180830381855afa9150503d805f8114610a93576040519150601f19603f3d011682016040523d82523d5f602084013e610a98565b606091505b5091509150811580610aac57508051603014155b15610acd576040516375c6821d60e11b81526005600482015260240161024f565b604051610ae0905f908390602001610fb2565b60405160208183030381529060405294505050505092915050565b60605f5f60106001600160a01b031661157c85604051610b1b9190610e37565b5f604051808303818686fa925050503d805f8114610b54576040519150601f19603f3d011682016040523d82523d5f602084013e610b59565b606091505b5091509150811580610b6d57508051608014155b15610b8e576040516375c6821d60e11b81526010600482015260240161024f565b9392505050565b803567ffffffffffffffff81168114610bac575f5ffd5b919050565b5f5f83601f840112610bc1575f5ffd5b50813567ffffffffffffffff811115610bd8575f5ffd5b602083019150836020828501011115610bef575f5ffd5b9250929050565b5f5f5f5f5f5f5f60a0888a031215610c0c575f5ffd5b610c1588610b95565b9650610c2360208901610b95565b9550604088013567ffffffffffffffff811115610c3e575f5ffd5b610c4a8a828b01610bb1565b90965094505060608801359250608088013567ffffffffffffffff811115610c70575f5ffd5b610c7c8a828b01610bb1565b989b979a50959850939692959293505050565b5f5f5f5f5f5f5f60a0888a031215610ca5575f5ffd5b87359650602088013567ffffffffffffffff811115610cc2575f5ffd5b610cce8a828b01610bb1565b9097509550506040880135935060608801359250608088013567ffffffffffffffff811115610cfb575f5ffd5b8801601f81018a13610d0b575f5ffd5b803567ffffffffffffffff811115610d21575f5ffd5b8a60208260051b8401011115610d35575f5ffd5b602082019350809250505092959891949750929550565b5f5f5f60608486031215610d5e575f5ffd5b610d6784610b95565b9250610d7560208501610b95565b929592945050506040919091013590565b5f5f60208385031215610d97575f5ffd5b823567ffffffffffffffff811115610dad575f5ffd5b610db985828601610bb1565b90969095509350505050565b602081525f82518060208401528060208501604085015e5f604082850101526040601f19601f83011684010191505092915050565b5f81518060208401855e5f93019283525090919050565b5f6106b0610e31610e2b610e25858a610dfa565b88610dfa565b86610dfa565b84610dfa565b5f61021d8284610dfa565b80516020808301519190811015610e62575f198160200360031b1b821691505b50919050565b6001600160f81b0319831681525f6101d56001830184610dfa565b8181038181111561022057634e487b7160e01b5f52601160045260245ffd5b634e487b7160e01b5f52603260045260245ffd5b5f6101d5610e318386610dfa565b5f610ecf8285610dfa565b60f89390931b6001600160f81b03191683525050600101919050565b5f610eff610ef98389610dfa565b87610dfa565b60f086901b6001600160f01b031916815260f885901b6001600160f81b03191660028201526101406003820185610dfa565b5f60208284031215610f41575f5ffd5b5051919050565b83815260f883901b6001600160f81b03191660208201525f6103b16021830184610dfa565b87815286602082015285604082015284606082015283608082015260ff60f81b8360f81b1660a08201525f610fa560a1830184610dfa565b9998505050505050505050565b6fffffffffffffffffffffffffffffffff19831681525f6101d56010830184610dfa56fe534855545445525f5630315f424c53313233383147315f584d443a5348412d3235365f535357555f524f5f00000000000000000000000000000000024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bdb80000000000000000000000000000000013e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b7e000000000000000000000000000000000d1b3cc2c7027888be51d9ef691d77bcb679afda66c73f17f9ee3837a55024f78c71363275a75d75d86bab79f74782aa0000000000000000000000000000000013fa4d4a0ad8b1ce186ed5061789213d993923066dddaf1040bc3ff59f825c78df74f2d75467e25e0f55f8a00fa030ed1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaaba2646970667358221220e040f36c81a909ea388fa34e98f0ed52df5ceb4bf410deacbce6aac6c8bcb6a564736f6c63430008250033",
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
	ABI: "[{\"inputs\":[{\"components\":[{\"internalType\":\"uint64\",\"name\":\"chainId\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"salt\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"minStake\",\"type\":\"uint256\"},{\"internalType\":\"uint64\",\"name\":\"exitDelay\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"inbox\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"genesisEon\",\"type\":\"uint64\"},{\"internalType\":\"bytes\",\"name\":\"genesisKey\",\"type\":\"bytes\"}],\"internalType\":\"structSequencerRegistry.Config\",\"name\":\"c\",\"type\":\"tuple\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"keyper\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"cometPubKey\",\"type\":\"bytes32\"},{\"internalType\":\"bytes\",\"name\":\"publicShare\",\"type\":\"bytes\"}],\"internalType\":\"structStatements.Member[]\",\"name\":\"genesisMembers\",\"type\":\"tuple[]\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"registration\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"requestedAt\",\"type\":\"uint64\"}],\"name\":\"AlreadyExiting\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"keyper\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"registration\",\"type\":\"uint64\"}],\"name\":\"AlreadyRegistered\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"}],\"name\":\"BadEonKeyLength\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"}],\"name\":\"BadProofLength\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"eon\",\"type\":\"uint64\"}],\"name\":\"BadSignature\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"}],\"name\":\"BadSignatureLength\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"EonKeyAtInfinity\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"eon\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"latestEon\",\"type\":\"uint64\"}],\"name\":\"EonNotNew\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"eon\",\"type\":\"uint64\"}],\"name\":\"EonNotRetired\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NoMembers\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"registration\",\"type\":\"uint64\"}],\"name\":\"NotExiting\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"keyper\",\"type\":\"address\"}],\"name\":\"NotRegistered\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"registration\",\"type\":\"uint64\"}],\"name\":\"NothingToWithdraw\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"precompile\",\"type\":\"address\"}],\"name\":\"PrecompileFailed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"evidenceHash\",\"type\":\"bytes32\"}],\"name\":\"SlashReplayed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"minStake\",\"type\":\"uint256\"}],\"name\":\"StakeTooLow\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"TransferFailed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"registration\",\"type\":\"uint64\"}],\"name\":\"UnknownRegistration\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"availableAt\",\"type\":\"uint64\"}],\"name\":\"WithdrawTooEarly\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroAddress\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroCometKey\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"eon\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"signer\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"publicKey\",\"type\":\"bytes\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"keypersRoot\",\"type\":\"bytes32\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"keyper\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"cometPubKey\",\"type\":\"bytes32\"},{\"internalType\":\"bytes\",\"name\":\"publicShare\",\"type\":\"bytes\"}],\"indexed\":false,\"internalType\":\"structStatements.Member[]\",\"name\":\"members\",\"type\":\"tuple[]\"}],\"name\":\"EonRegistered\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"registration\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"keyper\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"requestedAt\",\"type\":\"uint64\"}],\"name\":\"ExitRequested\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"registration\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"keyper\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"cometPubKey\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"cometSig\",\"type\":\"bytes\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"stake\",\"type\":\"uint256\"}],\"name\":\"Registered\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"registration\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"keyper\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"height\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"evidenceHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Slashed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"registration\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"keyper\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"StakeWithdrawn\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"chainId\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"domainSeparator\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"eon\",\"type\":\"uint64\"}],\"name\":\"eonKey\",\"outputs\":[{\"internalType\":\"bytes\",\"name\":\"publicKey\",\"type\":\"bytes\"},{\"internalType\":\"bytes32\",\"name\":\"keypersRoot\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"name\":\"evidenceUsed\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"exitDelay\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"genesisEon\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"inbox\",\"outputs\":[{\"internalType\":\"contractIEonSchedule\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"keyper\",\"type\":\"address\"}],\"name\":\"lastEonOfKeyper\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"eon\",\"type\":\"uint64\"},{\"internalType\":\"bool\",\"name\":\"ok\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"latestEon\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"minStake\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"cometPubKey\",\"type\":\"bytes32\"},{\"internalType\":\"bytes\",\"name\":\"cometSig\",\"type\":\"bytes\"}],\"name\":\"register\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"registration\",\"type\":\"uint64\"}],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"eon\",\"type\":\"uint64\"},{\"internalType\":\"bytes\",\"name\":\"publicKey\",\"type\":\"bytes\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"keyper\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"cometPubKey\",\"type\":\"bytes32\"},{\"internalType\":\"bytes\",\"name\":\"publicShare\",\"type\":\"bytes\"}],\"internalType\":\"structStatements.Member[]\",\"name\":\"members\",\"type\":\"tuple[]\"},{\"internalType\":\"bytes\",\"name\":\"sigma\",\"type\":\"bytes\"}],\"name\":\"registerEon\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"registrationCount\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"keyper\",\"type\":\"address\"}],\"name\":\"registrationOf\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"registration\",\"type\":\"uint64\"},{\"internalType\":\"bool\",\"name\":\"ok\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"name\":\"registrations\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"keyper\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"exitRequestedAt\",\"type\":\"uint64\"},{\"internalType\":\"bool\",\"name\":\"slashed\",\"type\":\"bool\"},{\"internalType\":\"bool\",\"name\":\"withdrawn\",\"type\":\"bool\"},{\"internalType\":\"bytes32\",\"name\":\"cometPubKey\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"stake\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"requestExit\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"registration\",\"type\":\"uint64\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"registration\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"height\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"evidenceHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes\",\"name\":\"sigma\",\"type\":\"bytes\"}],\"name\":\"slash\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"slashedTotal\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"withdrawStake\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	Bin: "0x608060405234801561000f575f5ffd5b5060405161369438038061369483398101604081905261002e916108af565b60808201516001600160a01b03166100595760405163d92e233d60e01b815260040160405180910390fd5b81515f80546001600160401b0319166001600160401b0383161790556020830151610084919061010f565b600155604082015160025560608201516003805460808501516001600160a01b031668010000000000000000026001600160e01b03199091166001600160401b039384161717905560a0830151600480549282166001600160401b0319939093169290921790915560c08301516101089190819061010281866101c1565b85610320565b5050610cb5565b604080517fa604fff5a27d5951f334ccda7abff3286a8af29caeeb196a6f2b40a1dce7612b60208201527fc5050e6b0e39b3906fb1f21151438ca9b73e45fa74fe918dbb23a6eb5af30027918101919091527fc89efdaa54c0f20c7adf612882df0950f5a951637e0307cdcb4c672f298b8bc660608201526001600160401b038316608082015260a081018290525f9060c0016040516020818303038152906040528051906020012090505b92915050565b5f8251610100146101f35782516040516311b0727960e31b81526004016101ea91815260200190565b60405180910390fd5b81515f0361021457604051630292d7c360e51b815260040160405180910390fd5b60015f5b610100811080156102265750815b1561024757602081860181015115925061024090826109b1565b9050610218565b5080156102675760405163b05efdd360e01b815260040160405180910390fd5b5f83516001600160401b0381111561028157610281610690565b6040519080825280602002602001820160405280156102aa578160200160208202803683370190505b5090505f5b845181101561030d576102e86102e38683815181106102d0576102d06109c4565b602002602001015161048c60201b60201c565b6104c4565b8282815181106102fa576102fa6109c4565b60209081029190910101526001016102af565b50610317816104f6565b95945050505050565b60408051808201825284815260208082018590526001600160401b0388165f908152600990915291909120815181906103599082610a67565b506020919091015160019091015560048054600160401b600160801b031916680100000000000000006001600160401b038816021790555f5b815181101561043d575f8282815181106103ae576103ae6109c4565b60200260200101515f015190508660016103c89190610b25565b6001600160a01b0382165f908152600860205260409020546001600160401b0391821691161015610434576103fe876001610b25565b6001600160a01b0382165f90815260086020526040902080546001600160401b0319166001600160401b03929092169190911790555b50600101610392565b50846001600160401b03167f96fad5b2d08cafae247d1a5431f91d347638ba6873f5cd3e2d8dd58d95ecab2f8585858560405161047d9493929190610b72565b60405180910390a25050505050565b6060815f0151826020015183604001516040516020016104ae93929190610c41565b6040516020818303038152906040529050919050565b6040515f906104d99082908490602001610c67565b604051602081830303815290604052805190602001209050919050565b80515f9080820361052957507fc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a47092915050565b600181111561066e575f805b826105418260016109b1565b101561060c57600160f81b85828151811061055e5761055e6109c4565b60200260200101518683600161057491906109b1565b81518110610584576105846109c4565b60200260200101516040516020016105bb939291906001600160f81b03199390931683526001830191909152602182015260410190565b604051602081830303815290604052805190602001208583806105dd90610c8a565b9450815181106105ef576105ef6109c4565b60209081029190910101526106056002826109b1565b9050610535565b50816001166001036106675783610624600184610ca2565b81518110610634576106346109c4565b602002602001015184828061064890610c8a565b93508151811061065a5761065a6109c4565b6020026020010181815250505b9050610529565b825f81518110610680576106806109c4565b6020026020010151915050919050565b634e487b7160e01b5f52604160045260245ffd5b604051606081016001600160401b03811182821017156106c6576106c6610690565b60405290565b60405160e081016001600160401b03811182821017156106c6576106c6610690565b604051601f8201601f191681016001600160401b038111828210171561071657610716610690565b604052919050565b80516001600160401b0381168114610734575f5ffd5b919050565b80516001600160a01b0381168114610734575f5ffd5b5f82601f83011261075e575f5ffd5b81516001600160401b0381111561077757610777610690565b61078a601f8201601f19166020016106ee565b81815284602083860101111561079e575f5ffd5b8160208501602083015e5f918101602001919091529392505050565b5f82601f8301126107c9575f5ffd5b81516001600160401b038111156107e2576107e2610690565b8060051b6107f2602082016106ee565b9182526020818501810192908101908684111561080d575f5ffd5b6020860192505b838310156108a55782516001600160401b03811115610831575f5ffd5b86016060818903601f19011215610846575f5ffd5b61084e6106a4565b61085a60208301610739565b81526040820151602082015260608201516001600160401b0381111561087e575f5ffd5b61088d8a60208386010161074f565b60408301525083525060209283019290910190610814565b9695505050505050565b5f5f604083850312156108c0575f5ffd5b82516001600160401b038111156108d5575f5ffd5b830160e081860312156108e6575f5ffd5b6108ee6106cc565b6108f78261071e565b815260208281015190820152604080830151908201526109196060830161071e565b606082015261092a60808301610739565b608082015261093b60a0830161071e565b60a082015260c08201516001600160401b03811115610958575f5ffd5b6109648782850161074f565b60c083015250602085015190935090506001600160401b03811115610987575f5ffd5b610993858286016107ba565b9150509250929050565b634e487b7160e01b5f52601160045260245ffd5b808201808211156101bb576101bb61099d565b634e487b7160e01b5f52603260045260245ffd5b600181811c908216806109ec57607f821691505b602082108103610a0a57634e487b7160e01b5f52602260045260245ffd5b50919050565b601f821115610a625782821115610a6257805f5260205f20601f840160051c6020851015610a3b57505f5b90810190601f840160051c035f5b81811015610a5e575f83820155600101610a49565b5050505b505050565b81516001600160401b03811115610a8057610a80610690565b610a9481610a8e84546109d8565b84610a10565b6020601f821160018114610ac6575f8315610aaf5750848201515b5f19600385901b1c1916600184901b178455610b1e565b5f84815260208120601f198516915b82811015610af55787850151825560209485019460019092019101610ad5565b5084821015610b1257868401515f19600387901b60f8161c191681555b505060018360011b0184555b5050505050565b6001600160401b0381811683821601908111156101bb576101bb61099d565b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b6001600160401b03851681526080602082018190525f90610b9590830186610b44565b846040840152828103606084015280845180835260208301915060208160051b840101602087015f5b83811015610c1a57858303601f19018552815180516001600160a01b0316845260208082015190850152604090810151606091850182905290610c0390850182610b44565b602096870196909450929092019150600101610bbe565b50909a9950505050505050505050565b5f81518060208401855e5f93019283525090919050565b606084901b6001600160601b0319168152601481018390525f6103176034830184610c2a565b6001600160f81b0319831681525f610c826001830184610c2a565b949350505050565b5f60018201610c9b57610c9b61099d565b5060010190565b818103818111156101bb576101bb61099d565b6129d280610cc25f395ff3fe608060405260043610610110575f3560e01c80639a8a05921161009d578063d9a9d91411610062578063d9a9d91414610300578063f31f4f111461031f578063f4ddb5be1461033e578063f698da25146103a4578063fb0e722b146103b9575f5ffd5b80639a8a05921461025a578063b53fab2914610278578063bb7f7bd91461029e578063bc4562d2146102cb578063bed9d861146102ec575f5ffd5b8063375b3c0a116100e3578063375b3c0a146101a057806365fb54aa146101b55780637f8e3b4e146101ca57806392c090d3146101de57806399f723501461021c575f5ffd5b80630d3eafd6146101145780631997398414610137578063283886301461016e5780632a28e5a31461018d575b5f5ffd5b34801561011f575f5ffd5b506006545b6040519081526020015b60405180910390f35b348015610142575f5ffd5b50600454610156906001600160401b031681565b6040516001600160401b03909116815260200161012e565b348015610179575f5ffd5b50600354610156906001600160401b031681565b61015661019b366004611f31565b6103f7565b3480156101ab575f5ffd5b5061012460025481565b3480156101c0575f5ffd5b5061012460055481565b3480156101d5575f5ffd5b50610156610667565b3480156101e9575f5ffd5b5061020c6101f8366004611f78565b600a6020525f908152604090205460ff1681565b604051901515815260200161012e565b348015610227575f5ffd5b5061023b610236366004611faa565b610759565b604080516001600160401b03909316835290151560208301520161012e565b348015610265575f5ffd5b505f54610156906001600160401b031681565b348015610283575f5ffd5b5060045461015690600160401b90046001600160401b031681565b3480156102a9575f5ffd5b506102bd6102b8366004611fda565b6107a9565b60405161012e929190612023565b3480156102d6575f5ffd5b506102ea6102e5366004612044565b610861565b005b3480156102f7575f5ffd5b50610124610b44565b34801561030b575f5ffd5b5061023b61031a366004611faa565b610e40565b34801561032a575f5ffd5b50610124610339366004612123565b610e74565b348015610349575f5ffd5b5061035d610358366004611f78565b6110ad565b604080516001600160a01b0390971687526001600160401b0390951660208701529215159385019390935215156060840152608083019190915260a082015260c00161012e565b3480156103af575f5ffd5b5061012460015481565b3480156103c4575f5ffd5b506003546103df90600160401b90046001600160a01b031681565b6040516001600160a01b03909116815260200161012e565b5f60025434101561042d5760025460405163829f116360e01b815234600482015260248101919091526044015b60405180910390fd5b8361044b5760405163012882db60e71b815260040160405180910390fd5b6040821461046f5760405163a8f394fb60e01b815260048101839052602401610424565b335f908152600760205260409020546001600160401b031680156104cc57336104996001836121a4565b604051633b5b264560e11b81526001600160a01b0390921660048301526001600160401b03166024820152604401610424565b600680546040805160c0810182523381525f6020820181815292820181815260608301828152608084018c81523460a0860190815260018089018a55989094529351600387027ff652222313e28459528d920b65115c16c04f3efc82aaedc97be59f3f377c0d3f810180549751945193511515600160e81b0260ff60e81b19941515600160e01b029490941661ffff60e01b196001600160401b0396909616600160a01b026001600160e01b03199099166001600160a01b0394909416939093179790971793909316171790935590517ff652222313e28459528d920b65115c16c04f3efc82aaedc97be59f3f377c0d40830155517ff652222313e28459528d920b65115c16c04f3efc82aaedc97be59f3f377c0d419091015592506105f39083906121c3565b335f8181526007602052604090819020805467ffffffffffffffff19166001600160401b039485161790555190918416907f41ea924595d78525d7ab13b5308e7850997288dc474fb462349b938cc46d5f5d906106579089908990899034906121e2565b60405180910390a3509392505050565b5f61067061110d565b90505f6006826001600160401b03168154811061068f5761068f612220565b5f91825260209091206003909102018054909150600160a01b90046001600160401b0316156106ef578054604051635f0b9a3f60e11b81526001600160401b038085166004830152600160a01b9092049091166024820152604401610424565b805467ffffffffffffffff60a01b1916600160a01b426001600160401b039081168202929092178084556040519190048216815233918416907fe09776ced651265728af090b9948a27b39c9db656a9e14f6f8032fc576f085d79060200160405180910390a35090565b6001600160a01b0381165f9081526007602052604081205481906001600160401b031680156107925761078d6001826121a4565b610794565b5f5b946001600160401b0390911615159350915050565b6001600160401b0381165f908152600960205260408120600181015481546060939291829182906107d990612234565b80601f016020809104026020016040519081016040528092919081815260200182805461080590612234565b80156108505780601f1061082757610100808354040283529160200191610850565b820191905f5260205f20905b81548152906001019060200180831161083357829003601f168201915b505050505091509250925050915091565b6004546001600160401b03600160401b9091048116908816116108b9576004805460405163c590871760e01b81526001600160401b03808b1693820193909352600160401b9091049091166024820152604401610424565b5f600360089054906101000a90046001600160a01b03166001600160a01b031663a22922586040518163ffffffff1660e01b8152600401602060405180830381865afa15801561090b573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061092f919061226c565b90505f61097c88888080601f0160208091040260200160405190810160405280939291908181526020018383808284375f9201919091525061097792508991508a90506122f3565b611158565b90505f6109d76001545f5f9054906101000a90046001600160401b03168c8c8c8080601f0160208091040260200160405190810160405280939291908181526020018383808284375f920191909152508992506112aa915050565b5f80546001600160401b038681168352600960205260409092208054939450610ac3939290911691869190610a0b90612234565b80601f0160208091040260200160405190810160405280929190818152602001828054610a3790612234565b8015610a825780601f10610a5957610100808354040283529160200191610a82565b820191905f5260205f20905b815481529060010190602001808311610a6557829003601f168201915b50505050508489898080601f0160208091040260200160405190810160405280939291908181526020018383808284375f9201919091525061136a92505050565b610aeb576040516369f7e10760e11b81526001600160401b0384166004820152602401610424565b610b388a848b8b8080601f0160208091040260200160405190810160405280939291908181526020018383808284375f92019190915250889250610b3391508c90508d6122f3565b61154f565b50505050505050505050565b5f5f610b4e61110d565b90505f6006826001600160401b031681548110610b6d57610b6d612220565b5f9182526020822060039091020180549092506001600160401b03600160a01b909104169003610bbb576040516315f5ef2160e11b81526001600160401b0383166004820152602401610424565b8054600160e01b900460ff1680610bda57508054600160e81b900460ff165b15610c0357604051631ca93f3f60e01b81526001600160401b0383166004820152602401610424565b8054335f908152600860205260409020546001600160401b03600160a01b909204821691168015610d14576003545f908190600160401b90046001600160a01b031663ae4b98b0610c556001866121a4565b6040516001600160e01b031960e084901b1681526001600160401b0390911660048201526024016040805180830381865afa158015610c96573d5f5f3e3d5ffd5b505050506040513d601f19601f82011682018060405250810190610cba9190612426565b9150915080610cf357610cce6001846121a4565b604051631d52811760e21b81526001600160401b039091166004820152602401610424565b836001600160401b0316826001600160401b03161115610d11578193505b50505b6003545f90610d2c906001600160401b0316846121c3565b9050806001600160401b0316421015610d63576040516383042abd60e01b81526001600160401b0382166004820152602401610424565b6002840180545f909155845460ff60e81b1916600160e81b17855560405190965033906001600160401b038716907f6981e126db69d907c3a1b0006870da7176da5b13c2aefd597ab845fe2bdb32df90610dc0908a815260200190565b60405180910390a36040515f90339088908381818185875af1925050503d805f8114610e07576040519150601f19603f3d011682016040523d82523d5f602084013e610e0c565b606091505b5050905080610e3757604051630e21dcbb60e11b815233600482015260248101889052604401610424565b50505050505090565b6001600160a01b0381165f9081526008602052604081205481906001600160401b031680156107925761078d6001826121a4565b6006545f906001600160401b03871610610eac57604051631173515360e21b81526001600160401b0387166004820152602401610424565b5f848152600a602052604090205460ff1615610ede57604051633055cd5d60e01b815260048101859052602401610424565b5f600360089054906101000a90046001600160a01b03166001600160a01b031663a22922586040518163ffffffff1660e01b8152600401602060405180830381865afa158015610f30573d5f5f3e3d5ffd5b505050506040513d601f19601f82011682018060405250810190610f54919061226c565b6001545f805492935091610f7491906001600160401b03168a8a8a6116bd565b5f80546001600160401b038581168352600960205260409092208054939450610fa8939290911691859190610a0b90612234565b610fd0576040516369f7e10760e11b81526001600160401b0383166004820152602401610424565b5f868152600a60205260408120805460ff19166001179055600680546001600160401b038b1690811061100557611005612220565b5f918252602082206002600390920201908101805490839055815460ff60e01b1916600160e01b17825560058054919750919350869290611047908490612462565b90915550508054604080516001600160401b038b81168252602082018890528a936001600160a01b031692908d16917fa75c42eb2ed31c9daa19d2b2cee7da2010e47663c8176cfffe2930f30fc8466c910160405180910390a450505095945050505050565b600681815481106110bc575f80fd5b5f9182526020909120600390910201805460018201546002909201546001600160a01b03821693506001600160401b03600160a01b8304169260ff600160e01b8404811693600160e81b9004169186565b335f908152600760205260408120546001600160401b03168082036111475760405163bfc6c33760e01b8152336004820152602401610424565b6111526001826121a4565b91505090565b5f8251610100146111815782516040516311b0727960e31b815260040161042491815260200190565b81515f036111a257604051630292d7c360e51b815260040160405180910390fd5b60015f5b610100811080156111b45750815b156111d55760208186018101511592506111ce9082612462565b90506111a6565b5080156111f55760405163b05efdd360e01b815260040160405180910390fd5b5f83516001600160401b0381111561120f5761120f612287565b604051908082528060200260200182016040528015611238578160200160208202803683370190505b5090505f5b84518110156112955761127061126b86838151811061125e5761125e612220565b6020026020010151611720565b611758565b82828151811061128257611282612220565b602090810291909101015260010161123d565b5061129f8161178a565b925050505b92915050565b8151602080840191909120604080517f473c0eb71741adf22ffcc9fe60d6675d63662f680bff5ac11cf4c7ffc34f0570938101939093526001600160401b038088169184019190915285166060830152608082015260a081018290525f9061135e90879060c0015b60408051601f19818403018152828252805160209182012061190160f01b8483015260228401949094526042808401949094528151808403909401845260629092019052815191012090565b90505b95945050505050565b5f8351610100146113935783516040516311b0727960e31b815260040161042491815260200190565b81516080146113ba578151604051633e89287f60e11b815260040161042491815260200190565b6113c382611924565b806113d257506113d284611924565b156113de57505f611361565b5f61147e600160f81b61144e8989886040516b7665696c2f7369676e2f763160a01b60208201526001600160c01b031960c085811b8216602c84015284901b166034820152603c81018290525f90605c016040516020818303038152906040528051906020012090509392505050565b6040516001600160f81b03199092166020830152602182015260410160405160208183030381529060405261195b565b90505f5f600f6001600160a01b0316620191f486604051806101200160405280610100815260200161286d6101009139868b6040516020016114c3949392919061248c565b60408051601f19818403018152908290526114dd916124b2565b5f604051808303818686fa925050503d805f8114611516576040519150601f19603f3d011682016040523d82523d5f602084013e61151b565b606091505b509150915081801561152e575080516020145b8015611542575061153e816124bd565b6001145b9998505050505050505050565b60408051808201825284815260208082018590526001600160401b0388165f908152600990915291909120815181906115889082612537565b5060209190910151600190910155600480546fffffffffffffffff00000000000000001916600160401b6001600160401b038816021790555f5b815181101561166e575f8282815181106115de576115de612220565b60200260200101515f015190508660016115f891906121c3565b6001600160a01b0382165f908152600860205260409020546001600160401b03918216911610156116655761162e8760016121c3565b6001600160a01b0382165f908152600860205260409020805467ffffffffffffffff19166001600160401b03929092169190911790555b506001016115c2565b50846001600160401b03167f96fad5b2d08cafae247d1a5431f91d347638ba6873f5cd3e2d8dd58d95ecab2f858585856040516116ae94939291906125f5565b60405180910390a25050505050565b604080517f132cd175326ddac389e4a1d6439af4662522f44a92b3ef650f4706ed9614d0b260208201526001600160401b03808716928201929092528185166060820152908316608082015260a081018290525f9061135e90879060c001611312565b6060815f015182602001518360400151604051602001611742939291906126ab565b6040516020818303038152906040529050919050565b6040515f9061176d90829084906020016126d4565b604051602081830303815290604052805190602001209050919050565b80515f908082036117bd57507fc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a47092915050565b6001811115611902575f805b826117d5826001612462565b10156118a057600160f81b8582815181106117f2576117f2612220565b6020026020010151868360016118089190612462565b8151811061181857611818612220565b602002602001015160405160200161184f939291906001600160f81b03199390931683526001830191909152602182015260410190565b60405160208183030381529060405280519060200120858380611871906126f7565b94508151811061188357611883612220565b6020908102919091010152611899600282612462565b90506117c9565b50816001166001036118fb57836118b860018461270f565b815181106118c8576118c8612220565b60200260200101518482806118dc906126f7565b9350815181106118ee576118ee612220565b6020026020010181815250505b90506117bd565b825f8151811061191457611914612220565b6020026020010151915050919050565b5f6001905060208201825181015b8082101561195457815115611949575f9250611954565b602082019150611932565b5050919050565b60605f61196783611a49565b90505f61197c611977835f611d3d565b611e53565b90505f61198d611977846040611d3d565b90505f5f600b6001600160a01b031661017785856040516020016119b2929190612722565b60408051601f19818403018152908290526119cc916124b2565b5f604051808303818686fa925050503d805f8114611a05576040519150601f19603f3d011682016040523d82523d5f602084013e611a0a565b606091505b5091509150811580611a1e57508051608014155b15611a3f576040516375c6821d60e11b8152600b6004820152602401610424565b9695505050505050565b60605f6040518060600160405280602b8152602001612842602b91396040518060600160405280602b8152602001612842602b913951604051602001611a90929190612730565b60408051808303601f1901815281835260608301825292505f916002916020820181803683375050604051611ad292915087906080905f908890602001612757565b60408051601f1981840301815290829052611aec916124b2565b602060405180830381855afa158015611b07573d5f5f3e3d5ffd5b5050506040513d601f19601f82011682018060405250810190611b2a91906127a9565b90505f600282600185604051602001611b45939291906127c0565b60408051601f1981840301815290829052611b5f916124b2565b602060405180830381855afa158015611b7a573d5f5f3e3d5ffd5b5050506040513d601f19601f82011682018060405250810190611b9d91906127a9565b90505f6002828418600286604051602001611bba939291906127c0565b60408051601f1981840301815290829052611bd4916124b2565b602060405180830381855afa158015611bef573d5f5f3e3d5ffd5b5050506040513d601f19601f82011682018060405250810190611c1291906127a9565b90505f6002828518600387604051602001611c2f939291906127c0565b60408051601f1981840301815290829052611c49916124b2565b602060405180830381855afa158015611c64573d5f5f3e3d5ffd5b5050506040513d601f19601f82011682018060405250810190611c8791906127a9565b90505f6002828618600488604051602001611ca4939291906127c0565b60408051601f1981840301815290829052611cbe916124b2565b602060405180830381855afa158015611cd9573d5f5f3e3d5ffd5b5050506040513d601f19601f82011682018060405250810190611cfc91906127a9565b6040805160208101879052908101859052606081018490526080810182905290915060a0016040516020818303038152906040529650505050505050919050565b60605f5f8360208601015191508360408601015190505f5f60056001600160a01b03166040600160308787600160405180606001604052806030815260200161296d60309139604051602001611d9997969594939291906127e5565b60408051601f1981840301815290829052611db3916124b2565b5f60405180830381855afa9150503d805f8114611deb576040519150601f19603f3d011682016040523d82523d5f602084013e611df0565b606091505b5091509150811580611e0457508051603014155b15611e25576040516375c6821d60e11b815260056004820152602401610424565b604051611e38905f90839060200161281d565b60405160208183030381529060405294505050505092915050565b60605f5f60106001600160a01b031661157c85604051611e7391906124b2565b5f604051808303818686fa925050503d805f8114611eac576040519150601f19603f3d011682016040523d82523d5f602084013e611eb1565b606091505b5091509150811580611ec557508051608014155b15611ee6576040516375c6821d60e11b815260106004820152602401610424565b9392505050565b5f5f83601f840112611efd575f5ffd5b5081356001600160401b03811115611f13575f5ffd5b602083019150836020828501011115611f2a575f5ffd5b9250929050565b5f5f5f60408486031215611f43575f5ffd5b8335925060208401356001600160401b03811115611f5f575f5ffd5b611f6b86828701611eed565b9497909650939450505050565b5f60208284031215611f88575f5ffd5b5035919050565b80356001600160a01b0381168114611fa5575f5ffd5b919050565b5f60208284031215611fba575f5ffd5b611ee682611f8f565b6001600160401b0381168114611fd7575f5ffd5b50565b5f60208284031215611fea575f5ffd5b8135611ee681611fc3565b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b604081525f6120356040830185611ff5565b90508260208301529392505050565b5f5f5f5f5f5f5f6080888a03121561205a575f5ffd5b873561206581611fc3565b965060208801356001600160401b0381111561207f575f5ffd5b61208b8a828b01611eed565b90975095505060408801356001600160401b038111156120a9575f5ffd5b8801601f81018a136120b9575f5ffd5b80356001600160401b038111156120ce575f5ffd5b8a60208260051b84010111156120e2575f5ffd5b6020919091019450925060608801356001600160401b03811115612104575f5ffd5b6121108a828b01611eed565b989b979a50959850939692959293505050565b5f5f5f5f5f60808688031215612137575f5ffd5b853561214281611fc3565b9450602086013561215281611fc3565b93506040860135925060608601356001600160401b03811115612173575f5ffd5b61217f88828901611eed565b969995985093965092949392505050565b634e487b7160e01b5f52601160045260245ffd5b6001600160401b0382811682821603908111156112a4576112a4612190565b6001600160401b0381811683821601908111156112a4576112a4612190565b84815260606020820152826060820152828460808301375f608084830101525f6080601f19601f860116830101905082604083015295945050505050565b634e487b7160e01b5f52603260045260245ffd5b600181811c9082168061224857607f821691505b60208210810361226657634e487b7160e01b5f52602260045260245ffd5b50919050565b5f6020828403121561227c575f5ffd5b8151611ee681611fc3565b634e487b7160e01b5f52604160045260245ffd5b604051606081016001600160401b03811182821017156122bd576122bd612287565b60405290565b604051601f8201601f191681016001600160401b03811182821017156122eb576122eb612287565b604052919050565b5f6001600160401b0383111561230b5761230b612287565b8260051b61231b602082016122c3565b84815290830190602081019036831115612333575f5ffd5b845b8381101561241c5780356001600160401b03811115612352575f5ffd5b86016060368290031215612364575f5ffd5b61236c61229b565b61237582611f8f565b81526020828101359082015260408201356001600160401b03811115612399575f5ffd5b919091019036601f8301126123ac575f5ffd5b81356001600160401b038111156123c5576123c5612287565b6123d8601f8201601f19166020016122c3565b8181523660208386010111156123ec575f5ffd5b816020850160208301375f6020838301015280604084015250508085525050602083019250602081019050612335565b5095945050505050565b5f5f60408385031215612437575f5ffd5b825161244281611fc3565b60208401519092508015158114612457575f5ffd5b809150509250929050565b808201808211156112a4576112a4612190565b5f81518060208401855e5f93019283525090919050565b5f61135e6124ac6124a66124a0858a612475565b88612475565b86612475565b84612475565b5f611ee68284612475565b80516020808301519190811015612266575f1960209190910360031b1b16919050565b601f821115612532578282111561253257805f5260205f20601f840160051c602085101561250b57505f5b90810190601f840160051c035f5b8181101561252e575f83820155600101612519565b5050505b505050565b81516001600160401b0381111561255057612550612287565b6125648161255e8454612234565b846124e0565b6020601f821160018114612596575f831561257f5750848201515b5f19600385901b1c1916600184901b1784556125ee565b5f84815260208120601f198516915b828110156125c557878501518255602094850194600190920191016125a5565b50848210156125e257868401515f19600387901b60f8161c191681555b505060018360011b0184555b5050505050565b6001600160401b0385168152608060208201525f6126166080830186611ff5565b846040840152828103606084015280845180835260208301915060208160051b840101602087015f5b8381101561269b57858303601f19018552815180516001600160a01b031684526020808201519085015260409081015160609185018290529061268490850182611ff5565b60209687019690945092909201915060010161263f565b50909a9950505050505050505050565b6bffffffffffffffffffffffff198460601b1681528260148201525f6113616034830184612475565b6001600160f81b0319831681525f6126ef6001830184612475565b949350505050565b5f6001820161270857612708612190565b5060010190565b818103818111156112a4576112a4612190565b5f6126ef6124ac8386612475565b5f61273b8285612475565b60f89390931b6001600160f81b03191683525050600101919050565b5f61276b6127658389612475565b87612475565b60f086901b6001600160f01b031916815260f885901b6001600160f81b031916600282015261279d6003820185612475565b98975050505050505050565b5f602082840312156127b9575f5ffd5b5051919050565b83815260f883901b6001600160f81b03191660208201525f6113616021830184612475565b87815286602082015285604082015284606082015283608082015260ff60f81b8360f81b1660a08201525f61154260a1830184612475565b6fffffffffffffffffffffffffffffffff19831681525f6126ef601083018461247556fe534855545445525f5630315f424c53313233383147315f584d443a5348412d3235365f535357555f524f5f00000000000000000000000000000000024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bdb80000000000000000000000000000000013e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b7e000000000000000000000000000000000d1b3cc2c7027888be51d9ef691d77bcb679afda66c73f17f9ee3837a55024f78c71363275a75d75d86bab79f74782aa0000000000000000000000000000000013fa4d4a0ad8b1ce186ed5061789213d993923066dddaf1040bc3ff59f825c78df74f2d75467e25e0f55f8a00fa030ed1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaaba26469706673582212203bd06ea0250460cb86998c8616707268b3abc03e2caccefc813d2a711a7bae7164736f6c63430008250033",
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
