// Code generated via abigen V2 - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package sequencerinbox

import (
	"bytes"
	"errors"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// Reference imports to suppress errors if they are not otherwise used.
var (
	_ = bytes.Equal
	_ = errors.New
	_ = big.NewInt
	_ = common.Big1
	_ = types.BloomLookup
	_ = abi.ConvertType
)

// SequencerInboxMetaData contains all meta data concerning the SequencerInbox contract.
var SequencerInboxMetaData = bind.MetaData{
	ABI: "[{\"type\":\"constructor\",\"inputs\":[{\"name\":\"registry\",\"type\":\"address\",\"internalType\":\"contractIAttestationRegistry\"},{\"name\":\"measurement\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"BATCH_TYPEHASH\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"attestationRegistry\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"contractIAttestationRegistry\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"batchDigest\",\"inputs\":[{\"name\":\"sequence\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"data\",\"type\":\"bytes\",\"internalType\":\"bytes\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"eip712Domain\",\"inputs\":[],\"outputs\":[{\"name\":\"fields\",\"type\":\"bytes1\",\"internalType\":\"bytes1\"},{\"name\":\"name\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"version\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"chainId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"verifyingContract\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"salt\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"extensions\",\"type\":\"uint256[]\",\"internalType\":\"uint256[]\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"nextSequence\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"requiredMeasurement\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"submitBatch\",\"inputs\":[{\"name\":\"sequence\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"data\",\"type\":\"bytes\",\"internalType\":\"bytes\"},{\"name\":\"signature\",\"type\":\"bytes\",\"internalType\":\"bytes\"}],\"outputs\":[{\"name\":\"sequencer\",\"type\":\"address\",\"internalType\":\"address\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"event\",\"name\":\"BatchAccepted\",\"inputs\":[{\"name\":\"sequence\",\"type\":\"uint64\",\"indexed\":true,\"internalType\":\"uint64\"},{\"name\":\"sequencer\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"dataHash\",\"type\":\"bytes32\",\"indexed\":false,\"internalType\":\"bytes32\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"EIP712DomainChanged\",\"inputs\":[],\"anonymous\":false},{\"type\":\"error\",\"name\":\"BadSequencerSignature\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"InvalidShortString\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"NotAttested\",\"inputs\":[{\"name\":\"subject\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"NotAttestedFor\",\"inputs\":[{\"name\":\"subject\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"measurementHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"StringTooLong\",\"inputs\":[{\"name\":\"str\",\"type\":\"string\",\"internalType\":\"string\"}]},{\"type\":\"error\",\"name\":\"WrongSequence\",\"inputs\":[{\"name\":\"sequence\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"expected\",\"type\":\"uint64\",\"internalType\":\"uint64\"}]}]",
	ID:  "SequencerInbox",
	Bin: "0x6101a080604052346101a557604081610e4b803803809161002082856101a9565b8339810103126101a5578051906001600160a01b03821682036101a5576020015190604051906100516040836101a9565b60188252602082017f7465656f7261636c652053657175656e636572496e626f78000000000000000081526040519261008b6040856101a9565b600184526020840192603160f81b84526080526100a7816101e0565b610140526100b4846101e0565b6101605251902091826101005251902080610120524660c0526040519060208201927f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f8452604083015260608201524660808201523060a082015260a0815261011e60c0826101a9565b51902060a0523060e05261018052604051610bff908161024c823960805181818160b00152818161022601526103fe015260a05181610a1e015260c05181610adb015260e051816109ef01526101005181610a6d01526101205181610a9301526101405181610637015261016051816106600152610180518181816101a001526105410152f35b5f80fd5b601f909101601f19168101906001600160401b038211908210176101cc57604052565b634e487b7160e01b5f52604160045260245ffd5b601f81511161020b5760208151910151602082106101fc571790565b5f198260200360031b1b161790565b604460209160405192839163305a27a960e01b83528160048401528051918291826024860152018484015e5f828201840152601f01601f19168101030190fdfe60806040526004361015610011575f80fd5b5f3560e01c8063301f565e1461073357806384b0196e14610601578063b7848f32146105a9578063b9a51a8e14610564578063d410bfc91461050c578063e903226b146100d85763ed6d73f914610066575f80fd5b346100d4575f7ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126100d457602060405173ffffffffffffffffffffffffffffffffffffffff7f0000000000000000000000000000000000000000000000000000000000000000168152f35b5f80fd5b346100d45760607ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126100d45761010f61079e565b60243567ffffffffffffffff81116100d45761012f9036906004016107b5565b60443567ffffffffffffffff81116100d45761014f9036906004016107b5565b6002549467ffffffffffffffff80821693919087168085036104dd575061018d929161017f8688610187946108f8565b923691610894565b9061099e565b5060048194929410156104b057610488577f00000000000000000000000000000000000000000000000000000000000000008061039757506040517f3c23afba00000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff84169081600482015260208160248173ffffffffffffffffffffffffffffffffffffffff7f0000000000000000000000000000000000000000000000000000000000000000165afa90811561038c575f9161035d575b501561033257505b600182019467ffffffffffffffff8611610305576102eb602096957f5b3e539d011d9844f48092110bf30b0f4f2a75624ce096cbbe1cb9d20f5d79679373ffffffffffffffffffffffffffffffffffffffff937fffffffffffffffffffffffffffffffffffffffffffffffff000000000000000067ffffffffffffffff8b9a169116176002553691610894565b8581519101209316938493604051908152a3604051908152f35b7f4e487b71000000000000000000000000000000000000000000000000000000005f52601160045260245ffd5b7f7ca87361000000000000000000000000000000000000000000000000000000005f5260045260245ffd5b61037f915060203d602011610385575b6103778183610826565b810190610be7565b87610256565b503d61036d565b6040513d5f823e3d90fd5b6040517fc6a4ac8f00000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff85169081600482015282602482015260208160448173ffffffffffffffffffffffffffffffffffffffff7f0000000000000000000000000000000000000000000000000000000000000000165afa90811561038c575f91610469575b501561043b57505061025e565b7fe7cad1b6000000000000000000000000000000000000000000000000000000005f5260045260245260445ffd5b610482915060203d602011610385576103778183610826565b8861042e565b7ff2556e92000000000000000000000000000000000000000000000000000000005f5260045ffd5b7f4e487b71000000000000000000000000000000000000000000000000000000005f52602160045260245ffd5b847f3339693d000000000000000000000000000000000000000000000000000000005f5260045260245260445ffd5b346100d4575f7ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126100d45760206040517f00000000000000000000000000000000000000000000000000000000000000008152f35b346100d4575f7ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126100d457602067ffffffffffffffff60025416604051908152f35b346100d4575f7ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126100d45760206040517f26957912eeeaf7bdad77275797bbb3067d189f1c11966eb97d5129f33a0270268152f35b346100d4575f7ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126100d4576106d761065b7f0000000000000000000000000000000000000000000000000000000000000000610b01565b6106847f0000000000000000000000000000000000000000000000000000000000000000610b01565b60206106e5604051926106978385610826565b5f84525f3681376040519586957f0f00000000000000000000000000000000000000000000000000000000000000875260e08588015260e08701906107e3565b9085820360408701526107e3565b4660608501523060808501525f60a085015283810360c08501528180845192838152019301915f5b82811061071c57505050500390f35b83518552869550938101939281019260010161070d565b346100d45760407ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126100d45761076a61079e565b60243567ffffffffffffffff81116100d4576020916107906107969236906004016107b5565b916108f8565b604051908152f35b6004359067ffffffffffffffff821682036100d457565b9181601f840112156100d45782359167ffffffffffffffff83116100d457602083818601950101116100d457565b907fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0601f602080948051918291828752018686015e5f8582860101520116010190565b90601f7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0910116810190811067ffffffffffffffff82111761086757604052565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52604160045260245ffd5b92919267ffffffffffffffff821161086757604051916108dc601f82017fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe01660200184610826565b8294818452818301116100d4578281602093845f960137010152565b90610907906042933691610894565b602081519101206040519067ffffffffffffffff60208301937f26957912eeeaf7bdad77275797bbb3067d189f1c11966eb97d5129f33a027026855216604083015260608201526060815261095d608082610826565b5190206109686109d8565b90604051917f19010000000000000000000000000000000000000000000000000000000000008352600283015260228201522090565b81519190604183036109ce576109c79250602082015190606060408401519301515f1a90610b58565b9192909190565b50505f9160029190565b73ffffffffffffffffffffffffffffffffffffffff7f000000000000000000000000000000000000000000000000000000000000000016301480610ad8575b15610a40577f000000000000000000000000000000000000000000000000000000000000000090565b60405160208101907f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f82527f000000000000000000000000000000000000000000000000000000000000000060408201527f000000000000000000000000000000000000000000000000000000000000000060608201524660808201523060a082015260a08152610ad260c082610826565b51902090565b507f00000000000000000000000000000000000000000000000000000000000000004614610a17565b60ff811690601f8211610b305760405191610b1d604084610826565b6020808452838101919036833783525290565b7fb3512b0c000000000000000000000000000000000000000000000000000000005f5260045ffd5b91907f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a08411610bdc579160209360809260ff5f9560405194855216868401526040830152606082015282805260015afa1561038c575f5173ffffffffffffffffffffffffffffffffffffffff811615610bd257905f905f90565b505f906001905f90565b5050505f9160039190565b908160209103126100d4575180151581036100d4579056",
}

// SequencerInbox is an auto generated Go binding around an Ethereum contract.
type SequencerInbox struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *SequencerInbox) GetABI() abi.ABI {
	return c.abi
}

// NewSequencerInbox creates a new instance of SequencerInbox.
func NewSequencerInbox() *SequencerInbox {
	parsed, err := SequencerInboxMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &SequencerInbox{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *SequencerInbox) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address registry, bytes32 measurement) returns()
func (sequencerInbox *SequencerInbox) PackConstructor(registry common.Address, measurement [32]byte) []byte {
	enc, err := sequencerInbox.abi.Pack("", registry, measurement)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackBATCHTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb7848f32.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function BATCH_TYPEHASH() view returns(bytes32)
func (sequencerInbox *SequencerInbox) PackBATCHTYPEHASH() []byte {
	enc, err := sequencerInbox.abi.Pack("BATCH_TYPEHASH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBATCHTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb7848f32.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function BATCH_TYPEHASH() view returns(bytes32)
func (sequencerInbox *SequencerInbox) TryPackBATCHTYPEHASH() ([]byte, error) {
	return sequencerInbox.abi.Pack("BATCH_TYPEHASH")
}

// UnpackBATCHTYPEHASH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xb7848f32.
//
// Solidity: function BATCH_TYPEHASH() view returns(bytes32)
func (sequencerInbox *SequencerInbox) UnpackBATCHTYPEHASH(data []byte) ([32]byte, error) {
	out, err := sequencerInbox.abi.Unpack("BATCH_TYPEHASH", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackAttestationRegistry is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xed6d73f9.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function attestationRegistry() view returns(address)
func (sequencerInbox *SequencerInbox) PackAttestationRegistry() []byte {
	enc, err := sequencerInbox.abi.Pack("attestationRegistry")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAttestationRegistry is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xed6d73f9.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function attestationRegistry() view returns(address)
func (sequencerInbox *SequencerInbox) TryPackAttestationRegistry() ([]byte, error) {
	return sequencerInbox.abi.Pack("attestationRegistry")
}

// UnpackAttestationRegistry is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xed6d73f9.
//
// Solidity: function attestationRegistry() view returns(address)
func (sequencerInbox *SequencerInbox) UnpackAttestationRegistry(data []byte) (common.Address, error) {
	out, err := sequencerInbox.abi.Unpack("attestationRegistry", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackBatchDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x301f565e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function batchDigest(uint64 sequence, bytes data) view returns(bytes32)
func (sequencerInbox *SequencerInbox) PackBatchDigest(sequence uint64, data []byte) []byte {
	enc, err := sequencerInbox.abi.Pack("batchDigest", sequence, data)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBatchDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x301f565e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function batchDigest(uint64 sequence, bytes data) view returns(bytes32)
func (sequencerInbox *SequencerInbox) TryPackBatchDigest(sequence uint64, data []byte) ([]byte, error) {
	return sequencerInbox.abi.Pack("batchDigest", sequence, data)
}

// UnpackBatchDigest is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x301f565e.
//
// Solidity: function batchDigest(uint64 sequence, bytes data) view returns(bytes32)
func (sequencerInbox *SequencerInbox) UnpackBatchDigest(data []byte) ([32]byte, error) {
	out, err := sequencerInbox.abi.Unpack("batchDigest", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackEip712Domain is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x84b0196e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (sequencerInbox *SequencerInbox) PackEip712Domain() []byte {
	enc, err := sequencerInbox.abi.Pack("eip712Domain")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackEip712Domain is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x84b0196e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (sequencerInbox *SequencerInbox) TryPackEip712Domain() ([]byte, error) {
	return sequencerInbox.abi.Pack("eip712Domain")
}

// Eip712DomainOutput serves as a container for the return parameters of contract
// method Eip712Domain.
type Eip712DomainOutput struct {
	Fields            [1]byte
	Name              string
	Version           string
	ChainId           *big.Int
	VerifyingContract common.Address
	Salt              [32]byte
	Extensions        []*big.Int
}

// UnpackEip712Domain is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x84b0196e.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (sequencerInbox *SequencerInbox) UnpackEip712Domain(data []byte) (Eip712DomainOutput, error) {
	out, err := sequencerInbox.abi.Unpack("eip712Domain", data)
	outstruct := new(Eip712DomainOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Fields = *abi.ConvertType(out[0], new([1]byte)).(*[1]byte)
	outstruct.Name = *abi.ConvertType(out[1], new(string)).(*string)
	outstruct.Version = *abi.ConvertType(out[2], new(string)).(*string)
	outstruct.ChainId = abi.ConvertType(out[3], new(big.Int)).(*big.Int)
	outstruct.VerifyingContract = *abi.ConvertType(out[4], new(common.Address)).(*common.Address)
	outstruct.Salt = *abi.ConvertType(out[5], new([32]byte)).(*[32]byte)
	outstruct.Extensions = *abi.ConvertType(out[6], new([]*big.Int)).(*[]*big.Int)
	return *outstruct, nil
}

// PackNextSequence is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb9a51a8e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function nextSequence() view returns(uint64)
func (sequencerInbox *SequencerInbox) PackNextSequence() []byte {
	enc, err := sequencerInbox.abi.Pack("nextSequence")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackNextSequence is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb9a51a8e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function nextSequence() view returns(uint64)
func (sequencerInbox *SequencerInbox) TryPackNextSequence() ([]byte, error) {
	return sequencerInbox.abi.Pack("nextSequence")
}

// UnpackNextSequence is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xb9a51a8e.
//
// Solidity: function nextSequence() view returns(uint64)
func (sequencerInbox *SequencerInbox) UnpackNextSequence(data []byte) (uint64, error) {
	out, err := sequencerInbox.abi.Unpack("nextSequence", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackRequiredMeasurement is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd410bfc9.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function requiredMeasurement() view returns(bytes32)
func (sequencerInbox *SequencerInbox) PackRequiredMeasurement() []byte {
	enc, err := sequencerInbox.abi.Pack("requiredMeasurement")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRequiredMeasurement is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd410bfc9.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function requiredMeasurement() view returns(bytes32)
func (sequencerInbox *SequencerInbox) TryPackRequiredMeasurement() ([]byte, error) {
	return sequencerInbox.abi.Pack("requiredMeasurement")
}

// UnpackRequiredMeasurement is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xd410bfc9.
//
// Solidity: function requiredMeasurement() view returns(bytes32)
func (sequencerInbox *SequencerInbox) UnpackRequiredMeasurement(data []byte) ([32]byte, error) {
	out, err := sequencerInbox.abi.Unpack("requiredMeasurement", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackSubmitBatch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe903226b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function submitBatch(uint64 sequence, bytes data, bytes signature) returns(address sequencer)
func (sequencerInbox *SequencerInbox) PackSubmitBatch(sequence uint64, data []byte, signature []byte) []byte {
	enc, err := sequencerInbox.abi.Pack("submitBatch", sequence, data, signature)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSubmitBatch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe903226b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function submitBatch(uint64 sequence, bytes data, bytes signature) returns(address sequencer)
func (sequencerInbox *SequencerInbox) TryPackSubmitBatch(sequence uint64, data []byte, signature []byte) ([]byte, error) {
	return sequencerInbox.abi.Pack("submitBatch", sequence, data, signature)
}

// UnpackSubmitBatch is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe903226b.
//
// Solidity: function submitBatch(uint64 sequence, bytes data, bytes signature) returns(address sequencer)
func (sequencerInbox *SequencerInbox) UnpackSubmitBatch(data []byte) (common.Address, error) {
	out, err := sequencerInbox.abi.Unpack("submitBatch", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// SequencerInboxBatchAccepted represents a BatchAccepted event raised by the SequencerInbox contract.
type SequencerInboxBatchAccepted struct {
	Sequence  uint64
	Sequencer common.Address
	DataHash  [32]byte
	Raw       *types.Log // Blockchain specific contextual infos
}

const SequencerInboxBatchAcceptedEventName = "BatchAccepted"

// ContractEventName returns the user-defined event name.
func (SequencerInboxBatchAccepted) ContractEventName() string {
	return SequencerInboxBatchAcceptedEventName
}

// UnpackBatchAcceptedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event BatchAccepted(uint64 indexed sequence, address indexed sequencer, bytes32 dataHash)
func (sequencerInbox *SequencerInbox) UnpackBatchAcceptedEvent(log *types.Log) (*SequencerInboxBatchAccepted, error) {
	event := "BatchAccepted"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != sequencerInbox.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(SequencerInboxBatchAccepted)
	if len(log.Data) > 0 {
		if err := sequencerInbox.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range sequencerInbox.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// SequencerInboxEIP712DomainChanged represents a EIP712DomainChanged event raised by the SequencerInbox contract.
type SequencerInboxEIP712DomainChanged struct {
	Raw *types.Log // Blockchain specific contextual infos
}

const SequencerInboxEIP712DomainChangedEventName = "EIP712DomainChanged"

// ContractEventName returns the user-defined event name.
func (SequencerInboxEIP712DomainChanged) ContractEventName() string {
	return SequencerInboxEIP712DomainChangedEventName
}

// UnpackEIP712DomainChangedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event EIP712DomainChanged()
func (sequencerInbox *SequencerInbox) UnpackEIP712DomainChangedEvent(log *types.Log) (*SequencerInboxEIP712DomainChanged, error) {
	event := "EIP712DomainChanged"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != sequencerInbox.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(SequencerInboxEIP712DomainChanged)
	if len(log.Data) > 0 {
		if err := sequencerInbox.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range sequencerInbox.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (sequencerInbox *SequencerInbox) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], sequencerInbox.abi.Errors["BadSequencerSignature"].ID.Bytes()[:4]) {
		return sequencerInbox.UnpackBadSequencerSignatureError(raw[4:])
	}
	if bytes.Equal(raw[:4], sequencerInbox.abi.Errors["InvalidShortString"].ID.Bytes()[:4]) {
		return sequencerInbox.UnpackInvalidShortStringError(raw[4:])
	}
	if bytes.Equal(raw[:4], sequencerInbox.abi.Errors["NotAttested"].ID.Bytes()[:4]) {
		return sequencerInbox.UnpackNotAttestedError(raw[4:])
	}
	if bytes.Equal(raw[:4], sequencerInbox.abi.Errors["NotAttestedFor"].ID.Bytes()[:4]) {
		return sequencerInbox.UnpackNotAttestedForError(raw[4:])
	}
	if bytes.Equal(raw[:4], sequencerInbox.abi.Errors["StringTooLong"].ID.Bytes()[:4]) {
		return sequencerInbox.UnpackStringTooLongError(raw[4:])
	}
	if bytes.Equal(raw[:4], sequencerInbox.abi.Errors["WrongSequence"].ID.Bytes()[:4]) {
		return sequencerInbox.UnpackWrongSequenceError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// SequencerInboxBadSequencerSignature represents a BadSequencerSignature error raised by the SequencerInbox contract.
type SequencerInboxBadSequencerSignature struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BadSequencerSignature()
func SequencerInboxBadSequencerSignatureErrorID() common.Hash {
	return common.HexToHash("0xf2556e921e2ab736d73fa161c9bbe4298a6def04cc24c16c1deffb243ce30a56")
}

// UnpackBadSequencerSignatureError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BadSequencerSignature()
func (sequencerInbox *SequencerInbox) UnpackBadSequencerSignatureError(raw []byte) (*SequencerInboxBadSequencerSignature, error) {
	out := new(SequencerInboxBadSequencerSignature)
	if err := sequencerInbox.abi.UnpackIntoInterface(out, "BadSequencerSignature", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// SequencerInboxInvalidShortString represents a InvalidShortString error raised by the SequencerInbox contract.
type SequencerInboxInvalidShortString struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidShortString()
func SequencerInboxInvalidShortStringErrorID() common.Hash {
	return common.HexToHash("0xb3512b0c6163e5f0bafab72bb631b9d58cd7a731b082f910338aa21c83d5c274")
}

// UnpackInvalidShortStringError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidShortString()
func (sequencerInbox *SequencerInbox) UnpackInvalidShortStringError(raw []byte) (*SequencerInboxInvalidShortString, error) {
	out := new(SequencerInboxInvalidShortString)
	if err := sequencerInbox.abi.UnpackIntoInterface(out, "InvalidShortString", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// SequencerInboxNotAttested represents a NotAttested error raised by the SequencerInbox contract.
type SequencerInboxNotAttested struct {
	Subject common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotAttested(address subject)
func SequencerInboxNotAttestedErrorID() common.Hash {
	return common.HexToHash("0x7ca8736113091f9446ff6438d02db72e029588f05a04c4276fd8976b279c44ea")
}

// UnpackNotAttestedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotAttested(address subject)
func (sequencerInbox *SequencerInbox) UnpackNotAttestedError(raw []byte) (*SequencerInboxNotAttested, error) {
	out := new(SequencerInboxNotAttested)
	if err := sequencerInbox.abi.UnpackIntoInterface(out, "NotAttested", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// SequencerInboxNotAttestedFor represents a NotAttestedFor error raised by the SequencerInbox contract.
type SequencerInboxNotAttestedFor struct {
	Subject         common.Address
	MeasurementHash [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotAttestedFor(address subject, bytes32 measurementHash)
func SequencerInboxNotAttestedForErrorID() common.Hash {
	return common.HexToHash("0xe7cad1b62c29658204b0e0ebab4542aeeac78a4014d794cf7ba9ba76b1649e42")
}

// UnpackNotAttestedForError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotAttestedFor(address subject, bytes32 measurementHash)
func (sequencerInbox *SequencerInbox) UnpackNotAttestedForError(raw []byte) (*SequencerInboxNotAttestedFor, error) {
	out := new(SequencerInboxNotAttestedFor)
	if err := sequencerInbox.abi.UnpackIntoInterface(out, "NotAttestedFor", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// SequencerInboxStringTooLong represents a StringTooLong error raised by the SequencerInbox contract.
type SequencerInboxStringTooLong struct {
	Str string
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error StringTooLong(string str)
func SequencerInboxStringTooLongErrorID() common.Hash {
	return common.HexToHash("0x305a27a93f8e33b7392df0a0f91d6fc63847395853c45991eec52dbf24d72381")
}

// UnpackStringTooLongError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error StringTooLong(string str)
func (sequencerInbox *SequencerInbox) UnpackStringTooLongError(raw []byte) (*SequencerInboxStringTooLong, error) {
	out := new(SequencerInboxStringTooLong)
	if err := sequencerInbox.abi.UnpackIntoInterface(out, "StringTooLong", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// SequencerInboxWrongSequence represents a WrongSequence error raised by the SequencerInbox contract.
type SequencerInboxWrongSequence struct {
	Sequence uint64
	Expected uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error WrongSequence(uint64 sequence, uint64 expected)
func SequencerInboxWrongSequenceErrorID() common.Hash {
	return common.HexToHash("0x3339693d293ebd82dcddcd794e61cf7e82ab33f2097f7da5eb5f779c3b575dba")
}

// UnpackWrongSequenceError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error WrongSequence(uint64 sequence, uint64 expected)
func (sequencerInbox *SequencerInbox) UnpackWrongSequenceError(raw []byte) (*SequencerInboxWrongSequence, error) {
	out := new(SequencerInboxWrongSequence)
	if err := sequencerInbox.abi.UnpackIntoInterface(out, "WrongSequence", raw); err != nil {
		return nil, err
	}
	return out, nil
}
