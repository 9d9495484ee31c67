// Code generated via abigen V2 - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package bindings

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

// IAttestationRegistryAttestation is an auto generated low-level Go binding around an user-defined struct.
type IAttestationRegistryAttestation struct {
	Subject         common.Address
	TeeType         uint8
	MeasurementHash [32]byte
	TcbStatus       uint8
	IssuedAt        uint64
	ExpiresAt       uint64
	Nonce           [32]byte
	QuoteHash       [32]byte
	AppData         [32]byte
}

// IAttestationRegistryAttestationRecord is an auto generated low-level Go binding around an user-defined struct.
type IAttestationRegistryAttestationRecord struct {
	TeeType         uint8
	TcbStatus       uint8
	MeasurementHash [32]byte
	IssuedAt        uint64
	ExpiresAt       uint64
	Revoked         bool
	PendingNonce    [32]byte
	PendingDeadline uint64
}

// AttestationRegistryMetaData contains all meta data concerning the AttestationRegistry contract.
var AttestationRegistryMetaData = bind.MetaData{
	ABI: "[{\"type\":\"constructor\",\"inputs\":[{\"name\":\"admin\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"relayers\",\"type\":\"address[]\",\"internalType\":\"address[]\"},{\"name\":\"threshold\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"maxAttestationAge\",\"type\":\"uint32\",\"internalType\":\"uint32\"},{\"name\":\"maxValidity\",\"type\":\"uint32\",\"internalType\":\"uint32\"},{\"name\":\"responseWindow\",\"type\":\"uint32\",\"internalType\":\"uint32\"},{\"name\":\"cooldown\",\"type\":\"uint32\",\"internalType\":\"uint32\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"ATTESTATION_TYPEHASH\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"DEFAULT_ADMIN_ROLE\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"GOVERNOR_ROLE\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"MAX_TCB_STATUS\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint8\",\"internalType\":\"uint8\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"REQUESTER_ROLE\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"TEE_SEV_SNP\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint8\",\"internalType\":\"uint8\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"TEE_TDX\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint8\",\"internalType\":\"uint8\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"allowMeasurement\",\"inputs\":[{\"name\":\"measurementHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"teeType\",\"type\":\"uint8\",\"internalType\":\"uint8\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"attest\",\"inputs\":[{\"name\":\"a\",\"type\":\"tuple\",\"internalType\":\"structIAttestationRegistry.Attestation\",\"components\":[{\"name\":\"subject\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"teeType\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"measurementHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"tcbStatus\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"issuedAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"expiresAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"nonce\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"quoteHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"appData\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"name\":\"signatures\",\"type\":\"bytes[]\",\"internalType\":\"bytes[]\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"attestBatch\",\"inputs\":[{\"name\":\"a\",\"type\":\"tuple[]\",\"internalType\":\"structIAttestationRegistry.Attestation[]\",\"components\":[{\"name\":\"subject\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"teeType\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"measurementHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"tcbStatus\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"issuedAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"expiresAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"nonce\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"quoteHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"appData\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"name\":\"signatures\",\"type\":\"bytes[][]\",\"internalType\":\"bytes[][]\"}],\"outputs\":[{\"name\":\"reasons\",\"type\":\"bytes4[]\",\"internalType\":\"bytes4[]\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"attestationOf\",\"inputs\":[{\"name\":\"subject\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"rec\",\"type\":\"tuple\",\"internalType\":\"structIAttestationRegistry.AttestationRecord\",\"components\":[{\"name\":\"teeType\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"tcbStatus\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"measurementHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"issuedAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"expiresAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"revoked\",\"type\":\"bool\",\"internalType\":\"bool\"},{\"name\":\"pendingNonce\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"pendingDeadline\",\"type\":\"uint64\",\"internalType\":\"uint64\"}]}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"eip712Domain\",\"inputs\":[],\"outputs\":[{\"name\":\"fields\",\"type\":\"bytes1\",\"internalType\":\"bytes1\"},{\"name\":\"name\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"version\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"chainId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"verifyingContract\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"salt\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"extensions\",\"type\":\"uint256[]\",\"internalType\":\"uint256[]\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"getRoleAdmin\",\"inputs\":[{\"name\":\"role\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"grantRole\",\"inputs\":[{\"name\":\"role\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"hasRole\",\"inputs\":[{\"name\":\"role\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"hashAttestation\",\"inputs\":[{\"name\":\"a\",\"type\":\"tuple\",\"internalType\":\"structIAttestationRegistry.Attestation\",\"components\":[{\"name\":\"subject\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"teeType\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"measurementHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"tcbStatus\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"issuedAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"expiresAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"nonce\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"quoteHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"appData\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]}],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"isAttested\",\"inputs\":[{\"name\":\"subject\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"isAttestedFor\",\"inputs\":[{\"name\":\"subject\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"measurementHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"isRelayer\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"limits\",\"inputs\":[],\"outputs\":[{\"name\":\"maxAttestationAge\",\"type\":\"uint32\",\"internalType\":\"uint32\"},{\"name\":\"maxValidity\",\"type\":\"uint32\",\"internalType\":\"uint32\"},{\"name\":\"responseWindow\",\"type\":\"uint32\",\"internalType\":\"uint32\"},{\"name\":\"cooldown\",\"type\":\"uint32\",\"internalType\":\"uint32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"measurementOf\",\"inputs\":[{\"name\":\"measurementHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"id\",\"type\":\"uint32\",\"internalType\":\"uint32\"},{\"name\":\"teeType\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"allowed\",\"type\":\"bool\",\"internalType\":\"bool\"},{\"name\":\"sunsetAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"minTcbStatus\",\"inputs\":[{\"name\":\"teeType\",\"type\":\"uint8\",\"internalType\":\"uint8\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint8\",\"internalType\":\"uint8\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"relayerSet\",\"inputs\":[],\"outputs\":[{\"name\":\"relayers\",\"type\":\"address[]\",\"internalType\":\"address[]\"},{\"name\":\"threshold\",\"type\":\"uint8\",\"internalType\":\"uint8\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"renounceRole\",\"inputs\":[{\"name\":\"role\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"callerConfirmation\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"requestReattestation\",\"inputs\":[{\"name\":\"subject\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"nonce\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"revoke\",\"inputs\":[{\"name\":\"subject\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"revokeMeasurement\",\"inputs\":[{\"name\":\"measurementHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"revokeRole\",\"inputs\":[{\"name\":\"role\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"setLimits\",\"inputs\":[{\"name\":\"maxAttestationAge\",\"type\":\"uint32\",\"internalType\":\"uint32\"},{\"name\":\"maxValidity\",\"type\":\"uint32\",\"internalType\":\"uint32\"},{\"name\":\"responseWindow\",\"type\":\"uint32\",\"internalType\":\"uint32\"},{\"name\":\"cooldown\",\"type\":\"uint32\",\"internalType\":\"uint32\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"setMinTcbStatus\",\"inputs\":[{\"name\":\"teeType\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"status\",\"type\":\"uint8\",\"internalType\":\"uint8\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"setRelayers\",\"inputs\":[{\"name\":\"relayers\",\"type\":\"address[]\",\"internalType\":\"address[]\"},{\"name\":\"threshold\",\"type\":\"uint8\",\"internalType\":\"uint8\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"sunsetMeasurement\",\"inputs\":[{\"name\":\"measurementHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"sunsetAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"supportsInterface\",\"inputs\":[{\"name\":\"interfaceId\",\"type\":\"bytes4\",\"internalType\":\"bytes4\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"event\",\"name\":\"AttestationRejected\",\"inputs\":[{\"name\":\"subject\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"index\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"reason\",\"type\":\"bytes4\",\"indexed\":false,\"internalType\":\"bytes4\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"AttestationRevoked\",\"inputs\":[{\"name\":\"subject\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"Attested\",\"inputs\":[{\"name\":\"subject\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"measurementHash\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"teeType\",\"type\":\"uint8\",\"indexed\":false,\"internalType\":\"uint8\"},{\"name\":\"tcbStatus\",\"type\":\"uint8\",\"indexed\":false,\"internalType\":\"uint8\"},{\"name\":\"issuedAt\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"},{\"name\":\"expiresAt\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"},{\"name\":\"nonce\",\"type\":\"bytes32\",\"indexed\":false,\"internalType\":\"bytes32\"},{\"name\":\"quoteHash\",\"type\":\"bytes32\",\"indexed\":false,\"internalType\":\"bytes32\"},{\"name\":\"appData\",\"type\":\"bytes32\",\"indexed\":false,\"internalType\":\"bytes32\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"EIP712DomainChanged\",\"inputs\":[],\"anonymous\":false},{\"type\":\"event\",\"name\":\"LimitsUpdated\",\"inputs\":[{\"name\":\"maxAttestationAge\",\"type\":\"uint32\",\"indexed\":false,\"internalType\":\"uint32\"},{\"name\":\"maxValidity\",\"type\":\"uint32\",\"indexed\":false,\"internalType\":\"uint32\"},{\"name\":\"responseWindow\",\"type\":\"uint32\",\"indexed\":false,\"internalType\":\"uint32\"},{\"name\":\"cooldown\",\"type\":\"uint32\",\"indexed\":false,\"internalType\":\"uint32\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"MeasurementAllowed\",\"inputs\":[{\"name\":\"measurementHash\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"teeType\",\"type\":\"uint8\",\"indexed\":false,\"internalType\":\"uint8\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"MeasurementRevoked\",\"inputs\":[{\"name\":\"measurementHash\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"MeasurementSunset\",\"inputs\":[{\"name\":\"measurementHash\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"sunsetAt\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"MinTcbStatusUpdated\",\"inputs\":[{\"name\":\"teeType\",\"type\":\"uint8\",\"indexed\":true,\"internalType\":\"uint8\"},{\"name\":\"status\",\"type\":\"uint8\",\"indexed\":false,\"internalType\":\"uint8\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"ReattestationRequested\",\"inputs\":[{\"name\":\"subject\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"nonce\",\"type\":\"bytes32\",\"indexed\":false,\"internalType\":\"bytes32\"},{\"name\":\"deadline\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"RelayersUpdated\",\"inputs\":[{\"name\":\"relayers\",\"type\":\"address[]\",\"indexed\":false,\"internalType\":\"address[]\"},{\"name\":\"threshold\",\"type\":\"uint8\",\"indexed\":false,\"internalType\":\"uint8\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"RoleAdminChanged\",\"inputs\":[{\"name\":\"role\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"previousAdminRole\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"newAdminRole\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"RoleGranted\",\"inputs\":[{\"name\":\"role\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"account\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"sender\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"RoleRevoked\",\"inputs\":[{\"name\":\"role\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"account\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"sender\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"}],\"anonymous\":false},{\"type\":\"error\",\"name\":\"AccessControlBadConfirmation\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"AccessControlUnauthorizedAccount\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"neededRole\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"AlreadyExpired\",\"inputs\":[{\"name\":\"expiresAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"blockTime\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"AttestationTooOld\",\"inputs\":[{\"name\":\"issuedAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"blockTime\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"maxAttestationAge\",\"type\":\"uint32\",\"internalType\":\"uint32\"}]},{\"type\":\"error\",\"name\":\"DuplicateRelayer\",\"inputs\":[{\"name\":\"relayer\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"DuplicateSigner\",\"inputs\":[{\"name\":\"signer\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"ExpiryBeyondCap\",\"inputs\":[{\"name\":\"expiresAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"cap\",\"type\":\"uint64\",\"internalType\":\"uint64\"}]},{\"type\":\"error\",\"name\":\"HighSSignature\",\"inputs\":[{\"name\":\"index\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"InvalidExpiry\",\"inputs\":[{\"name\":\"issuedAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"expiresAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"}]},{\"type\":\"error\",\"name\":\"InvalidLimits\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"InvalidRelayerSet\",\"inputs\":[{\"name\":\"relayers\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"threshold\",\"type\":\"uint8\",\"internalType\":\"uint8\"}]},{\"type\":\"error\",\"name\":\"InvalidShortString\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"InvalidSignature\",\"inputs\":[{\"name\":\"index\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"InvalidTcbStatus\",\"inputs\":[{\"name\":\"tcbStatus\",\"type\":\"uint8\",\"internalType\":\"uint8\"}]},{\"type\":\"error\",\"name\":\"InvalidTeeType\",\"inputs\":[{\"name\":\"teeType\",\"type\":\"uint8\",\"internalType\":\"uint8\"}]},{\"type\":\"error\",\"name\":\"IssuedInFuture\",\"inputs\":[{\"name\":\"issuedAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"blockTime\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"LengthMismatch\",\"inputs\":[{\"name\":\"attestations\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"signatureSets\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"MalformedAttestation\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"MeasurementIdsExhausted\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"MeasurementNotAllowed\",\"inputs\":[{\"name\":\"measurementHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"MeasurementSunsetPassed\",\"inputs\":[{\"name\":\"measurementHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"sunsetAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"}]},{\"type\":\"error\",\"name\":\"MeasurementTeeTypeMismatch\",\"inputs\":[{\"name\":\"measurementHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"allowedTeeType\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"teeType\",\"type\":\"uint8\",\"internalType\":\"uint8\"}]},{\"type\":\"error\",\"name\":\"NonceMismatch\",\"inputs\":[{\"name\":\"nonce\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"pendingNonce\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"NotAttestedSubject\",\"inputs\":[{\"name\":\"subject\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"NotRequester\",\"inputs\":[{\"name\":\"caller\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"RequestCooldown\",\"inputs\":[{\"name\":\"subject\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"availableAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"}]},{\"type\":\"error\",\"name\":\"RequestPending\",\"inputs\":[{\"name\":\"subject\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"deadline\",\"type\":\"uint64\",\"internalType\":\"uint64\"}]},{\"type\":\"error\",\"name\":\"StaleAttestation\",\"inputs\":[{\"name\":\"issuedAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"currentIssuedAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"}]},{\"type\":\"error\",\"name\":\"StringTooLong\",\"inputs\":[{\"name\":\"str\",\"type\":\"string\",\"internalType\":\"string\"}]},{\"type\":\"error\",\"name\":\"SubjectRevoked\",\"inputs\":[{\"name\":\"subject\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"SunsetOutOfRange\",\"inputs\":[{\"name\":\"sunsetAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"}]},{\"type\":\"error\",\"name\":\"TcbStatusBelowMinimum\",\"inputs\":[{\"name\":\"tcbStatus\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"minimum\",\"type\":\"uint8\",\"internalType\":\"uint8\"}]},{\"type\":\"error\",\"name\":\"TooFewSignatures\",\"inputs\":[{\"name\":\"valid\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"threshold\",\"type\":\"uint8\",\"internalType\":\"uint8\"}]},{\"type\":\"error\",\"name\":\"UnauthorizedSigner\",\"inputs\":[{\"name\":\"signer\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"ZeroRelayer\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"ZeroSubject\",\"inputs\":[]}]",
	ID:  "AttestationRegistry",
	Bin: "0x61016080604052346105b457615a49803803809161001d82856105d0565b833981019060e0818303126105b457610035816105f3565b60208201519092906001600160401b0381116105b45782019181601f840112156105b4578251916001600160401b0383116104ec578260051b936040519361008060208701866105d0565b84526020840190602082968201019283116105b457602001905b8282106105b85750505060408101519360ff85168095036105b4576100c160608301610607565b6100cd60808401610607565b6101da6100e860c06100e160a08801610607565b9601610607565b936040516100f76040826105d0565b601d815260208101907f7465656f7261636c65204174746573746174696f6e52656769737472790000008252604051916101326040846105d0565b600183526020830191603160f81b835261014b8161074d565b610120526101588461074d565b61014052519020918260e05251902080610100524660a0526040519060208201927f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f8452604083015260608201524660808201523060a082015260a081526101c160c0826105d0565b5190206080523060c0526101d481610618565b5061068e565b50861580156105aa575b610592575f5b600b548110156102215780610200600192610721565b838060a01b0391549060031b1c165f52600a6020525f6040812055016101ea565b5086955f5b865181101561029757600581901b8701602001516001600160a01b0316801561028857805f52600a60205260405f2054610276575f908152600a60205260409020600160ff1b9055600101610226565b632c5ce02960e21b5f5260045260245ffd5b639d799ba360e01b5f5260045ffd5b50855186919088906001600160401b0381116104ec576801000000000000000081116104ec57600b5481600b55808210610567575b5082600b5f5260205f205f5b83811061054a57505050508060ff1960035416176003556102f76107b8565b60405192604084019060408552518091526060840192905f5b81811061052b575050509180917f62c04421a750c941966163268652d1ff1669cf0b727b010e14af6cbcbbafedc09360208301520390a163ffffffff8216918215801561051d575b801561050f575b6105005760405160e08101949091906001600160401b038611838710176104ec577f67420d812b0f1f7fcff0b6d4896026bcd59d3d18b78673cfb81f2af1ff3b209c966effffffff000000000000000000000060c0956080986040526affffffff0000000000000060035460ff81169687895260ff8260081c1660208a015260ff8260101c1660408a01528a60608a015263ffffffff841697888d8b015263ffffffff8716998a60a082015263ffffffff89169b8c91015260ff19600354161760035566ffffffff0000006003549763ffffffff60781b9060781b169763ffffffff60781b199362ff000088199287199061ff0084169066ffffffffffff0019161716911617169160181b1617169160381b16179160581b1617176003556104856107b8565b604051938452602084015260408301526060820152a16040516151ea90816107ff823960805181613785015260a05181613842015260c05181613756015260e051816137d4015261010051816137fa01526101205181611ebe01526101405181611ee70152f35b634e487b7160e01b5f52604160045260245ffd5b63e773e0a960e01b5f5260045ffd5b5063ffffffff85161561035f565b5063ffffffff821615610358565b82516001600160a01b0316855260209485019490920191600101610310565b82516001600160a01b0316818301556020909201916001016102d8565b600b5f52818060205f20019103905f5b8281106105855750506102cc565b5f82820155600101610577565b86855163b05eca5f60e01b5f5260045260245260445ffd5b50845187116101e4565b5f80fd5b602080916105c5846105f3565b81520191019061009a565b601f909101601f19168101906001600160401b038211908210176104ec57604052565b51906001600160a01b03821682036105b457565b519063ffffffff821682036105b457565b6001600160a01b0381165f9081525f516020615a295f395f51905f52602052604090205460ff16610689576001600160a01b03165f8181525f516020615a295f395f51905f5260205260408120805460ff191660011790553391905f5160206159e95f395f51905f528180a4600190565b505f90565b6001600160a01b0381165f9081525f516020615a095f395f51905f52602052604090205460ff16610689576001600160a01b03165f8181525f516020615a095f395f51905f5260205260408120805460ff191660011790553391907f6f81ecc569398ff894db819a3a311c40cad11f54cf7795a905af7c27500b956f905f5160206159e95f395f51905f529080a4600190565b600b5481101561073957600b5f5260205f2001905f90565b634e487b7160e01b5f52603260045260245ffd5b601f815111610778576020815191015160208210610769571790565b5f198260200360031b1b161790565b604460209160405192839163305a27a960e01b83528160048401528051918291826024860152018484015e5f828201840152601f01601f19168101030190fd5b600354600160ff1b175f5b600b548110156107fa57806107d9600192610721565b838060a01b0391549060031b1c165f52600a6020528260405f2055016107c3565b505056fe6080806040526004361015610012575f80fd5b5f3560e01c90816301ffc9a7146130325750806307090c1f14612fda57806312a5146a14612f1c57806317ec992b14612db55780631de416b614612a26578063248a9ca3146129d65780632bbfe646146129385780632f2ff15d146128dd57806335dd336c1461258b57806336568abe146125035780633c23afba146124095780634430db7e146123b15780634d042eb414612233578063541d5548146121ac5780635ea769171461212457806365c4d07f146120eb57806374a8f10314611ff35780637821a45b14611fba57806384b0196e14611e88578063860aefcf14611e075780638cfced2e14611b7f57806391d1485414611b0b578063967984a5146110f9578063a217fddf146110c1578063c6a4ac8f14610f83578063c736630c146109d0578063ccc5749014610978578063cfcc75c514610750578063d4b7b23c14610469578063d547741f14610407578063e20e91d014610210578063e439a3a7146101c45763f828e8bb14610187575f80fd5b346101c0575f7ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126101c057602060405160018152f35b5f80fd5b346101c05760207ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126101c057602061020561020061318d565b6133d4565b60ff60405191168152f35b346101c05760207ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126101c05761010073ffffffffffffffffffffffffffffffffffffffff61025f6131c0565b5f60e060405161026e81613242565b8281528260208201528260408201528260608201528260808201528260a08201528260c0820152015216805f52600460205267ffffffffffffffff60405f2091604051926102bb84613242565b5464ffffffffff81168452602084019164ffffffffff8260281c16835283604086019264ffffffffff8160501c16845264ffffffffff8160781c1660608801528163ffffffff8260a01c16958660808a015260ff8360c01c16988960a082015260ff8460c81c16978860c083015260ff60e083019560d01c16151585525f52600860205264ffffffffff8060405f2054925116925116935115159564ffffffffff88511615155f146103f7575f52600560205260ff64ffffffffff60405f2054985b51169860e060405161038e81613242565b8d81526020810192835260408101948552606081019586526080810197885260a08101998a5260c081019a8b5201998a526040519b8c52511660208b01525160408a0152511660608801525116608086015251151560a08501525160c0840152511660e0820152f35b5060ff64ffffffffff5f9861037d565b346101c05760407ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126101c05761046760043561044461319d565b9061046261045d825f525f602052600160405f20015490565b6134b6565b613606565b005b346101c05760407ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126101c05760043560243567ffffffffffffffff8116908181036101c0576104b961342e565b825f52600660205260405f2090604051916104d383613226565b549063ffffffff8216835260ff8260201c16602084015260ff8260281c16158015604085015264ffffffffff606085019360301c1683526107245764ffffffffff8251168015158061071a575b6106eb57504284118015906106dd575b6106b1576020927fea2f6e562188ef4bcc3e7b9ba09efdd0f3bf5a643f95ef8d6a937a783736696d949264ffffffffff6106a893169052855f52600660205260405f2063ffffffff8251169063ffffffff82167fffffffffffffffffffffffffffffffffffffffffffffffffffffffff0000000082541617815560208301805192825492604086019465ff00000000008651151560281b1660608801957fffffffffffffffffffffffffffffffffffffffffff00000000000000ffffffff64ff000000006affffffffff000000000000895160301b169460201b16911617171790555f52600760205263ffffffff8060405f20955116167fffffffffffffffffffffffffffffffffffffffffffffffffffffffff0000000085541617845551917fffffffffffffffffffffffffffffffffffffffffff00000000000000ffffffff64ff000000006affffffffff00000000000065ff000000000087549451151560281b16945160301b169460201b1691161717179055565b604051908152a2005b837fcf125d50000000000000000000000000000000000000000000000000000000005f5260045260245ffd5b5064ffffffffff8411610530565b857f29d9cb0d000000000000000000000000000000000000000000000000000000005f5260045260245260445ffd5b5080421015610520565b847f9bdbf576000000000000000000000000000000000000000000000000000000005f5260045260245ffd5b346101c05760207ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126101c05760043561078a61342e565b805f52600660205260405f20604051906107a382613226565b549063ffffffff8216815260ff8260201c166020820152604081019164ffffffffff60ff8260281c1615918215855260301c16606083015261094c575f6109269252825f52600660205260405f2063ffffffff8251169063ffffffff82167fffffffffffffffffffffffffffffffffffffffffffffffffffffffff0000000082541617815560208301805192825492604086019465ff00000000008651151560281b1660608801957fffffffffffffffffffffffffffffffffffffffffff00000000000000ffffffff64ff000000006affffffffff000000000000895160301b169460201b16911617171790555f52600760205263ffffffff8060405f20955116167fffffffffffffffffffffffffffffffffffffffffffffffffffffffff0000000085541617845551917fffffffffffffffffffffffffffffffffffffffffff00000000000000ffffffff64ff000000006affffffffff00000000000065ff000000000087549451151560281b16945160301b169460201b1691161717179055565b7fd647711c0ef13ba6fb306e9195aed8a5d15d9cfd22b0ac0c2058f0bdc49363115f80a2005b827f9bdbf576000000000000000000000000000000000000000000000000000000005f5260045260245ffd5b346101c0575f7ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126101c05760206040517f6f81ecc569398ff894db819a3a311c40cad11f54cf7795a905af7c27500b956f8152f35b346101c05760207ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126101c05773ffffffffffffffffffffffffffffffffffffffff610a1c6131c0565b168033141580610f4b575b80610f13575b610ee757805f52600460205260405f209060405191610a4b83613242565b5464ffffffffff811692838152602081019164ffffffffff8160281c168352604082019264ffffffffff8260501c168452606083019564ffffffffff8360781c1687526080840163ffffffff8460a01c16815260a085019060ff8560c01c16825260c086019260ff8660c81c16845260ff60e088019660d01c161515865215610ebb578451610e8f5764ffffffffff87511680610e605750610aeb6132f3565b9864ffffffffff8151168015159081610e42575b50610dea577fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff4301438111610dbd57875164ffffffffff166040519060208201924484524060408301523060608301528b608083015260a082015260a08152610b6960c08261325f565b5190209960a0015163ffffffff164267ffffffffffffffff1690610b8c916133b2565b9764ffffffffff891681524264ffffffffff168252895f52600460205260405f20975164ffffffffff168854965160281b69ffffffffff000000000016915160501b6effffffffff0000000000000000000016925160781b73ffffffffff00000000000000000000000000000016935160a01b77ffffffff000000000000000000000000000000000000000016945160c01b78ff00000000000000000000000000000000000000000000000016955160c81b79ff0000000000000000000000000000000000000000000000000016967fffffffffffffffffffffffffffffffffff00000000000000000000000000000016177fffffffffffffffffffffffff0000000000ffffffffffffffffffffffffffffff16177fffffffffffffffff00000000ffffffffffffffffffffffffffffffffffffffff16177fffffffffffffff00ffffffffffffffffffffffffffffffffffffffffffffffff16177fffffffffffff00ffffffffffffffffffffffffffffffffffffffffffffffffff16171717825551151581549060d01b7aff000000000000000000000000000000000000000000000000000016907fffffffffff00ffffffffffffffffffffffffffffffffffffffffffffffffffff16179055815f5260056020528260405f2055604051610d8e8192858390929167ffffffffffffffff6020916040840195845216910152565b037f70e7acdf8f2002d0201ab9f98a2bc38df6106c10f4c69898c3460cb73598252491a2604051908152602090f35b7f4e487b71000000000000000000000000000000000000000000000000000000005f52601160045260245ffd5b88610e128b63ffffffff60c064ffffffffff67ffffffffffffffff96511692015116906133b2565b907f6e4da0ef000000000000000000000000000000000000000000000000000000005f526004521660245260445ffd5b610e58915063ffffffff60c08d01511690613364565b42108b610aff565b887ffd6d8731000000000000000000000000000000000000000000000000000000005f5260045260245260445ffd5b877fc6b9a89b000000000000000000000000000000000000000000000000000000005f5260045260245ffd5b877f3611c37c000000000000000000000000000000000000000000000000000000005f5260045260245ffd5b7fe7f1421f000000000000000000000000000000000000000000000000000000005f523360045260245ffd5b50335f9081527ffedf92bd655aff58d3ecc9b79086da425836581fbdefcabdf9f8384e52e4f55a602052604090205460ff1615610a2d565b50335f9081527f6c7c22a9888aadb0ebb10ace4c9102016a9500d39ecb7aa5e2df22e7e1f7adcb602052604090205460ff1615610a27565b346101c05760407ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126101c05773ffffffffffffffffffffffffffffffffffffffff610fcf6131c0565b165f526004602052602060405f205463ffffffff8160a01c169081151591826110a2575b5081611005575b506040519015158152f35b61109c915063ffffffff8160a01c165f52600760205260405f20546003549164ffffffffff8160501c169060ff64ffffffffff8460301c169481808460c81c16916107f88560bd1c161c1690818111901517901515169480421015901515169360281c161591804211901515169064ffffffffff8160281c164210159064ffffffffff60ff8260d01c169116151717171717171590565b82610ffa565b9091506024355f526006835263ffffffff60405f205416149083610ff3565b346101c0575f7ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126101c05760206040515f8152f35b346101c05760407ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126101c05767ffffffffffffffff600435116101c0573660236004350112156101c05767ffffffffffffffff60043560040135116101c05736602461012060043560040135026004350101116101c05760243567ffffffffffffffff81116101c05761119390369060040161314c565b806004356004013503611ad657506111a96132b8565b6111b161373f565b81526111c2600435600401356132a0565b906111d0604051928361325f565b6004803501358083527fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe090611204906132a0565b013660208401375f60043560040135611709575b60043560040135811061125c577fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe08301602081526004356004013560051b60400190f35b6024610120820260043501017fffffffff000000000000000000000000000000000000000000000000000000006112a28360051b87013587016020813591018487613ee0565b1690816116ae575b505060018101809111610dbd57806004356004013581106112cc575b50611218565b8060051b85019060018235870135146112e6575b506112c6565b909492939150604051927f20f6369df1ce6b90b3e88655ba21e764b8fc53fcb6fbb3610a0d78d64e2ee78d84527f19010000000000000000000000000000000000000000000000000000000000006101408501528451610142850152846102208501526004356004013560051b81016102408501526004602052602085015190602460608701519361012061138460808a015160408b01518a614281565b9d939a929a96919490969a94969d95026004350101915b6102408b015181101561169a5782355f5260405f2080547aff0000000000000000000000ffffffffff000000000000000000008116600184358b013518176116845789604086013518611623575b60205f60808f61012089858301376101408082206101628301526042908201206101a0820152600187358e01808601350160408181016101e085013783810135851a6101c08401526041867f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a06102006101a08701960151111592013514165a02fa5060203d145f51028b811861159e575b508e8c64ffffffffff831660808801351115914260a08901351115918a60808a01350160a08a013511918c60808b013503119060018b60608c01351c16159060208b01351873fffffffffffffffffffffffffffffffffffffffe7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff8c35011117171717171761158157918b60608e6020946101209673ffffffffff000000000000000000000000000000848b013560c81b6102608501511791161760a08a013560281b60808b013517179055015260408501358d7fc0119d8c908a8ef536832a5a98f406328645a2ea4b015f7e262537b645b2134b60e0606089359301a30192019161139b565b50509750999850505050509550508491505b0360051c84806112e0565b9a509d509350945097509150851561161257855f52600a60205260405f205460046020528060ff1c15611600576115ec906040886102208c015190606082015282608082015201518a614281565b95939a929a96919490969a94969d8e61147a565b50505092509550508491939250611593565b505092509550508491939250611593565b9450955098509a5094508791506102208201519460408101355f52600660205260405f2054600460205260408201359660408301356020820152816040820152608001516116719185614281565b909e939b919790965091949091906113e9565b5050975099985050505050955050849150611593565b975099985050505050955050849150611593565b604073ffffffffffffffffffffffffffffffffffffffff7f3af428b9751233d26626762cae967fdf0ab0983224455f26d9c466f37aa4103c92846116f2878a613371565b528251948686526020860152351692a284806112aa565b6001843585013503611218575091906040517f20f6369df1ce6b90b3e88655ba21e764b8fc53fcb6fbb3610a0d78d64e2ee78d81527f19010000000000000000000000000000000000000000000000000000000000006101408201528351610142820152836102208201526004356004013560051b830161024082015260046020526020840151936060810151946117aa6080830151604084015185614281565b600435602401999398949693949392855b6102408a0151811015611ac2578b355f5260405f2080547aff0000000000000000000000ffffffffff000000000000000000008116600184358b01351817611aac578e8e8b604082013518611a4a575b5f60808f60018e610120602096878501376101408084206101628501526042908401206101a0840152893501808601350160408181016101e085013783810135851a6101c08401526041867f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a06102006101a08701960151111592013514165a02fa5060203d145f51029081186119c4575b508a8e878f64ffffffffff851660808401351115934260a085013511159373fffffffffffffffffffffffffffffffffffffffe7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff60018d60808501350160a085013511968d608086013503119560608501351c161593602084013518923501111717171717176119a957916020918e6101209473ffffffffff0000000000000000000000000000008f610260606085013560c81b9101511791161790608060a082013560281b910135171790558a60608d01528d8c7fc0119d8c908a8ef536832a5a98f406328645a2ea4b015f7e262537b645b2134b60e06060604085013594359301a3019b019a6117bb565b50509750505050955095509550508491505b0360051c611218565b9d9c509d509850925050508815611a3957885f52600a60205260405f20549960046020528a60ff1c15611a2757611a158a9b60408b9c9d6102208c015190606082015282608082015201518a614281565b929c509299929491939092908a61189c565b509450955095509550508491506119bb565b9450955095509550508491506119bb565b95509c50945097508998508691506102208901519760408401355f52600660205260405f205460046020526040850135996040860135602082015281604082015260800151611a99918c614281565b929f939d5097919690955090919061180b565b50509750505050955095509550508491506119bb565b9750505050955095509550508491506119bb565b7fab8b67c6000000000000000000000000000000000000000000000000000000005f526004356004013560045260245260445ffd5b346101c05760407ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126101c057611b4261319d565b6004355f525f60205273ffffffffffffffffffffffffffffffffffffffff60405f2091165f52602052602060ff60405f2054166040519015158152f35b346101c05760807ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126101c05760043563ffffffff8116908181036101c0576024359063ffffffff82168083036101c0576044359063ffffffff8216918281036101c0576064359163ffffffff8316968784036101c057611c0061342e565b80158015611dff575b8015611df7575b611dcf577f67420d812b0f1f7fcff0b6d4896026bcd59d3d18b78673cfb81f2af1ff3b209c97611dca95604093611c456132f3565b936060850152608084015260a083015260c082015260ff8151167fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff00600354161760035560208101517fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff00ff61ff00806003549360081b161691161760035501517fffffffffffffffffffffffffffffffffffffffffffffffffffffffffff00ffff62ff0000806003549360101b16169116176003556003547fffffffffffffffffffffffffff00000000ffffffffffffffffffffffffffffff72ffffffff0000000000000000000000000000008460781b16917fffffffffffffffffffffffffffffffffff000000000000000000000000ffffff66ffffffff0000008860181b16911617166affffffff000000000000008760381b16176effffffff00000000000000000000008360581b161717600355611d9c6136ce565b6040805163ffffffff9586168152958516602087015290841690850152909116606083015281906080820190565b0390a1005b7fe773e0a9000000000000000000000000000000000000000000000000000000005f5260045ffd5b508415611c10565b508115611c09565b346101c0575f7ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126101c057611e3d6132f3565b60608181015160808084015160a085015160c0909501516040805163ffffffff95861681529285166020840152958416958201959095529390911691830191909152819081015b0390f35b346101c0575f7ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126101c057611f5e611ee27f0000000000000000000000000000000000000000000000000000000000000000615193565b611f0b7f0000000000000000000000000000000000000000000000000000000000000000615193565b6020611f6c60405192611f1e838561325f565b5f84525f3681376040519586957f0f00000000000000000000000000000000000000000000000000000000000000875260e08588015260e08701906131e3565b9085820360408701526131e3565b4660608501523060808501525f60a085015283810360c08501528180845192838152019301915f5b828110611fa357505050500390f35b835185528695509381019392810192600101611f94565b346101c0575f7ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126101c057602060405160068152f35b346101c05760207ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126101c05773ffffffffffffffffffffffffffffffffffffffff61203f6131c0565b61204761342e565b1680156120c357805f52600460205260405f207a0100000000000000000000000000000000000000000000000000007fffffffffff00ffffffffffffffffffffffffffffffffffffffffffffffffffff8254161790557f7f1464b9974f3e235177f6207caf769b11f3e7baf0f42b563023c5ab646ffde75f80a2005b7f8782a307000000000000000000000000000000000000000000000000000000005f5260045ffd5b346101c0575f7ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126101c057602060405160028152f35b346101c0577ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc360161014081126101c057610120136101c0576101243567ffffffffffffffff81116101c05761217e90369060040161314c565b6121866132b8565b9161218f61373f565b835261219c828285613868565b156121a357005b61046792613bb3565b346101c05760207ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126101c05773ffffffffffffffffffffffffffffffffffffffff6121f86131c0565b165f52600a60205260207f800000000000000000000000000000000000000000000000000000000000000060405f2054161515604051908152f35b346101c05760407ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126101c05761226a61318d565b61227261317d565b9061227b61342e565b60ff821690600682116123855760ff1691600183036122f4577f2700ffe3b635e417e53a971b3f8fe7d3f13eed6c5ab52c19ba4a286e9e368bb1916020917fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff00ff61ff006003549260081b169116176003555b6106a86136ce565b60028303612359577f2700ffe3b635e417e53a971b3f8fe7d3f13eed6c5ab52c19ba4a286e9e368bb1916020917fffffffffffffffffffffffffffffffffffffffffffffffffffffffffff00ffff62ff00006003549260101b169116176003556122ec565b827f55f4b95e000000000000000000000000000000000000000000000000000000005f5260045260245ffd5b507f98266cc9000000000000000000000000000000000000000000000000000000005f5260045260245ffd5b346101c0575f7ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126101c05760206040517fdba1da7f112172379bd64c4f59a886afadefa6fa913f8d4fe080b0ad8ca5754b8152f35b346101c05760207ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126101c05773ffffffffffffffffffffffffffffffffffffffff6124556131c0565b165f52600460205260206124f960405f205463ffffffff8160a01c165f52600760205260405f20546003549164ffffffffff8160501c169060ff64ffffffffff8460301c169481808460c81c16916107f88560bd1c161c1690818111901517901515169480421015901515169360281c161591804211901515169064ffffffffff8160281c164210159064ffffffffff60ff8260d01c169116151717171717171590565b6040519015158152f35b346101c05760407ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126101c05761253a61319d565b3373ffffffffffffffffffffffffffffffffffffffff8216036125635761046790600435613606565b7f6697b232000000000000000000000000000000000000000000000000000000005f5260045ffd5b346101c05760407ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126101c05760043560ff6125c761317d565b6125cf61342e565b166001811415806128d2575b6128a757815f52600660205260405f20604051906125f882613226565b549163ffffffff83169182815260ff8460201c16906020810191808352604082019460ff8760281c161515865264ffffffffff606084019760301c168752155f1461283057506009549163ffffffff83169563ffffffff8714612808576001602096865f947fffffffffffffffffffffffffffffffffffffffffffffffffffffffff000000006106a89863ffffffff867f25b790a615883cd3edcc1677d486efb838dd31be6249f15f00274fcdb9dd23df9e01169182911617600955808852865260088a528b60408720555b525252855f52600660205260405f2063ffffffff8251169063ffffffff82167fffffffffffffffffffffffffffffffffffffffffffffffffffffffff0000000082541617815560208301805192825492604086019465ff00000000008651151560281b1660608801957fffffffffffffffffffffffffffffffffffffffffff00000000000000ffffffff64ff000000006affffffffff000000000000895160301b169460201b16911617171790555f52600760205263ffffffff8060405f20955116167fffffffffffffffffffffffffffffffffffffffffffffffffffffffff0000000085541617845551917fffffffffffffffffffffffffffffffffffffffffff00000000000000ffffffff64ff000000006affffffffff00000000000065ff000000000087549451151560281b16945160301b169460201b1691161717179055565b7f12836acc000000000000000000000000000000000000000000000000000000005f5260045ffd5b838196949695939295036128735750925f859360016106a8947f25b790a615883cd3edcc1677d486efb838dd31be6249f15f00274fcdb9dd23df986020986126c4565b8590877fdee06ecf000000000000000000000000000000000000000000000000000000005f5260045260245260445260645ffd5b7f55f4b95e000000000000000000000000000000000000000000000000000000005f5260045260245ffd5b5060028114156125db565b346101c05760407ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126101c05761046760043561291a61319d565b9061293361045d825f525f602052600160405f20015490565b613534565b346101c05760207ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126101c0576004355f526006602052608060405f2060606040519161298683613226565b5463ffffffff81169283815260ff8260201c169081602082015264ffffffffff60ff8460281c1615159384604084015260301c169384910152604051938452602084015260408301526060820152f35b346101c05760207ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126101c0576020612a1e6004355f525f602052600160405f20015490565b604051908152f35b346101c05760407ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126101c05760043567ffffffffffffffff81116101c057612a7590369060040161314c565b90612a7e61317d565b90612a8761342e565b612a90836132a0565b90612a9e604051928361325f565b8382526020820190819460051b8101903682116101c057915b818310612d885750505060ff82169283158015612d7e575b612d4d575f5b600b54811015612b1b578073ffffffffffffffffffffffffffffffffffffffff612b0060019361351c565b90549060031b1c165f52600a6020525f604081205501612ad5565b5090915f5b8351811015612beb5773ffffffffffffffffffffffffffffffffffffffff612b488286613371565b51168015612bc357805f52600a60205260405f2054612b9857906001915f52600a6020527f800000000000000000000000000000000000000000000000000000000000000060405f205501612b20565b7fb17380a4000000000000000000000000000000000000000000000000000000005f5260045260245ffd5b7f9d799ba3000000000000000000000000000000000000000000000000000000005f5260045ffd5b50828481519367ffffffffffffffff8511612d2057680100000000000000008511612d205784600b5481600b55808210612cdf575b505093600b5f525f5b818110612c955750507f62c04421a750c941966163268652d1ff1669cf0b727b010e14af6cbcbbafedc093507fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff006003541617600355612c866136ce565b611dca604051928392836130ee565b600190602073ffffffffffffffffffffffffffffffffffffffff885116970196817f0175b7a638427703f0dbe7bb9bbf987a2551717b34e79f33b5b1008d1fa01db9015501612c29565b035f5b818110612cf157869150612c20565b5f8782017f0175b7a638427703f0dbe7bb9bbf987a2551717b34e79f33b5b1008d1fa01db90155600101612ce2565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52604160045260245ffd5b8382517fb05eca5f000000000000000000000000000000000000000000000000000000005f5260045260245260445ffd5b5081518411612acf565b823573ffffffffffffffffffffffffffffffffffffffff811681036101c057815260209283019201612ab7565b346101c0576101207ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126101c05760043573ffffffffffffffffffffffffffffffffffffffff81168091036101c05760243560ff8116908181036101c057506064359160ff8316928381036101c057506084359167ffffffffffffffff8316928381036101c0575060a4359267ffffffffffffffff8416908185036101c0576020956042955060405193878501957f20f6369df1ce6b90b3e88655ba21e764b8fc53fcb6fbb3610a0d78d64e2ee78d875260408601526060850152604435608085015260a084015260c083015260e082015260c43561010082015260e435610120820152610104356101408201526101408152612ed66101608261325f565b519020612ee161373f565b90604051917f190100000000000000000000000000000000000000000000000000000000000083526002830152602282015220604051908152f35b346101c0575f7ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126101c05760ff6003541660405180816020600b549283815201600b5f527f0175b7a638427703f0dbe7bb9bbf987a2551717b34e79f33b5b1008d1fa01db9925f5b818110612fab575050612f9c9250038261325f565b611e84604051928392836130ee565b845473ffffffffffffffffffffffffffffffffffffffff16835260019485019486945060209093019201612f87565b346101c0575f7ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126101c05760206040517f20f6369df1ce6b90b3e88655ba21e764b8fc53fcb6fbb3610a0d78d64e2ee78d8152f35b346101c05760207ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126101c057600435907fffffffff0000000000000000000000000000000000000000000000000000000082168092036101c057817f7965db0b00000000000000000000000000000000000000000000000000000000602093149081156130c4575b5015158152f35b7f01ffc9a700000000000000000000000000000000000000000000000000000000915014836130bd565b90929192604082016040835281518091526020606084019201905f5b8181106131205750505060ff6020919416910152565b825173ffffffffffffffffffffffffffffffffffffffff1684526020938401939092019160010161310a565b9181601f840112156101c05782359167ffffffffffffffff83116101c0576020808501948460051b0101116101c057565b6024359060ff821682036101c057565b6004359060ff821682036101c057565b6024359073ffffffffffffffffffffffffffffffffffffffff821682036101c057565b6004359073ffffffffffffffffffffffffffffffffffffffff821682036101c057565b907fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0601f602080948051918291828752018686015e5f8582860101520116010190565b6080810190811067ffffffffffffffff821117612d2057604052565b610100810190811067ffffffffffffffff821117612d2057604052565b90601f7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0910116810190811067ffffffffffffffff821117612d2057604052565b67ffffffffffffffff8111612d205760051b60200190565b6040519060a0820182811067ffffffffffffffff821117612d20576040525f6080838281528260208201528260408201528260608201520152565b6040519060e0820182811067ffffffffffffffff821117612d20576040528160c063ffffffff60035460ff8116845260ff8160081c16602085015260ff8160101c166040850152818160181c166060850152818160381c166080850152818160581c1660a085015260781c16910152565b91908201809211610dbd57565b80518210156133855760209160051b010190565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52603260045260245ffd5b9067ffffffffffffffff8091169116019067ffffffffffffffff8211610dbd57565b60ff169060018214613421576002821461341457507f55f4b95e000000000000000000000000000000000000000000000000000000005f5260045260245ffd5b60035460101c60ff169150565b60035460081c60ff169150565b335f9081527ffedf92bd655aff58d3ecc9b79086da425836581fbdefcabdf9f8384e52e4f55a602052604090205460ff161561346657565b7fe2517d3f000000000000000000000000000000000000000000000000000000005f52336004527f6f81ecc569398ff894db819a3a311c40cad11f54cf7795a905af7c27500b956f60245260445ffd5b805f525f60205260405f2073ffffffffffffffffffffffffffffffffffffffff33165f5260205260ff60405f205416156134ed5750565b7fe2517d3f000000000000000000000000000000000000000000000000000000005f523360045260245260445ffd5b600b5481101561338557600b5f5260205f2001905f90565b805f525f60205260405f2073ffffffffffffffffffffffffffffffffffffffff83165f5260205260ff60405f205416155f1461360057805f525f60205260405f2073ffffffffffffffffffffffffffffffffffffffff83165f5260205260405f2060017fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff0082541617905573ffffffffffffffffffffffffffffffffffffffff339216907f2f8788117e7eff1d82e926ec794901d17c78024a50270940304540a733656f0d5f80a4600190565b50505f90565b805f525f60205260405f2073ffffffffffffffffffffffffffffffffffffffff83165f5260205260ff60405f2054165f1461360057805f525f60205260405f2073ffffffffffffffffffffffffffffffffffffffff83165f5260205260405f207fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff00815416905573ffffffffffffffffffffffffffffffffffffffff339216907ff6391f5c32d9c69d2a47ea670b442974b53935d1edc7fd64eb21e047a839171b5f80a4600190565b6003547f8000000000000000000000000000000000000000000000000000000000000000175f5b600b5481101561373b578073ffffffffffffffffffffffffffffffffffffffff61372060019361351c565b90549060031b1c165f52600a6020528260405f2055016136f5565b5050565b73ffffffffffffffffffffffffffffffffffffffff7f00000000000000000000000000000000000000000000000000000000000000001630148061383f575b156137a7577f000000000000000000000000000000000000000000000000000000000000000090565b60405160208101907f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f82527f000000000000000000000000000000000000000000000000000000000000000060408201527f000000000000000000000000000000000000000000000000000000000000000060608201524660808201523060a082015260a0815261383960c08261325f565b51902090565b507f0000000000000000000000000000000000000000000000000000000000000000461461377e565b91600103613600575f915f9260443593604083019260208101600435958035019060408201359260608301355f1a9360208401359360417f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0831115913514169360808301958b60608501958b519b81518314158d1517613b95575b5050508a5f52600460205260405f209889549864ffffffffff8a60501c16613b87575050604051937f20f6369df1ce6b90b3e88655ba21e764b8fc53fcb6fbb3610a0d78d64e2ee78d85526020850190610120600483376101408620907f19010000000000000000000000000000000000000000000000000000000000008752516002870152602286015260428520855252604083015260608201525f92613b61575b5082519281518303613b33575b505050600160ff821611158160ff1c1515165b15908115613a51575b50613a48577fc0119d8c908a8ef536832a5a98f406328645a2ea4b015f7e262537b645b2134b9260e0926024359273ffffffffff0000000000000000000000000000006064359377ffffffff00000000000000000000000000000000000000008560c81b8760c01b179160a01b1617911660a43560281b6084351717179055604051918252602082015260a060846040830137a3600190565b50505050505f90565b613b2c91508285600491929082359060208401359360608101359060a0608082013591013564ffffffffff8460301c169560ff818960031b1c169760ff64ffffffffff8b168511159a60d01c1698808611861517901515169780421015901515169660ff82818960201c1614159760281c161595428511159563ffffffff8560381c16810186119563ffffffff828211159660181c168242031194428311946006851194600283146001841417159482159460401c9060401c179060081c179160081c9060a01c171717171717171717171717171717171590565b155f6139af565b90918093505f52600a60205260405f20549283928360ff1c613b56575b50613993565b5252805f8080613b50565b5f608060209260015afa613b76575b5f613986565b60203d03613b70575f519150613b70565b9650965050505050506139a6565b9091809c505f52600660205260405f20549b8c9252528b5f806138e3565b60443592602082018051851480613ed3575b15613eb757506040820151905b60043593613c7073ffffffffffffffffffffffffffffffffffffffff861692835f52600460205260405f209283549660428151604051907f20f6369df1ce6b90b3e88655ba21e764b8fc53fcb6fbb3610a0d78d64e2ee78d8252610120600460208401376101408220907f19010000000000000000000000000000000000000000000000000000000000008352600283015260228201522090614394565b64ffffffffff8660509493941c1615159281511590811591613dd5575b508015613db5575b613d4957509160e093917fc0119d8c908a8ef536832a5a98f406328645a2ea4b015f7e262537b645b2134b95936024359473ffffffffff0000000000000000000000000000006064359577ffffffff00000000000000000000000000000000000000008760c81b8960c01b179160a01b1617911660a43560281b6084351717179055613d36575b50604051918252602082015260a060846040830137a35f90565b5f5260056020525f60408120555f613d1c565b613d5586866004614aa1565b90815115613dad575b50805115613d6f575b602081519101fd5b506040517fe13ced0b00000000000000000000000000000000000000000000000000000000602082015260048152613da860248261325f565b613d67565b905081613d5e565b50828015613c955750835f52600560205260405f205460c4351415613c95565b613eb091508787600491929082359060208401359360608101359060a0608082013591013564ffffffffff8460301c169560ff818960031b1c169760ff64ffffffffff8b168511159a60d01c1698808611861517901515169780421015901515169660ff82818960201c1614159760281c161595428511159563ffffffff8560381c16810186119563ffffffff828211159660181c168242031194428311946006851194600283146001841417159482159460401c9060401c179060081c179160081c9060a01c171717171717171717171717171717171590565b155f613c8d565b90845f5260066020528460405f20549283604086015252613bd2565b5060408301511515613bc5565b9190915f93604084013593602083018051861480614274575b1561425857506040830151915b813594613fa273ffffffffffffffffffffffffffffffffffffffff871692835f52600460205260405f209283549760428151604051907f20f6369df1ce6b90b3e88655ba21e764b8fc53fcb6fbb3610a0d78d64e2ee78d82526101208a60208401376101408220907f19010000000000000000000000000000000000000000000000000000000000008352600283015260228201522090614394565b64ffffffffff8760509493941c1615159281511590811591614177575b508015614155575b61408157509260a09260e095927fc0119d8c908a8ef536832a5a98f406328645a2ea4b015f7e262537b645b2134b97956020840135966060850135948773ffffffffff000000000000000000000000000000608083019877ffffffff00000000000000000000000000000000000000008960c81b8d60c01b1791841b1617931691013560281b8735171717905561406e575b5060405193845260208401526040830137a390565b895260056020525f60408a20555f614059565b9850505050909192506140949350614aa1565b9081511561414d575b5080511561410f575b602081519101517fffffffff00000000000000000000000000000000000000000000000000000000811691600481106140de57505090565b7fffffffff000000000000000000000000000000000000000000000000000000009250829060040360031b1b161690565b506040517fe13ced0b0000000000000000000000000000000000000000000000000000000060208201526004815261414860248261325f565b6140a6565b90505f61409d565b50828015613fc75750835f52600560205260405f205460c08601351415613fc7565b614251915088888891929082359060208401359360608101359060a0608082013591013564ffffffffff8460301c169560ff818960031b1c169760ff64ffffffffff8b168511159a60d01c1698808611861517901515169780421015901515169660ff82818960201c1614159760281c161595428511159563ffffffff8560381c16810186119563ffffffff828211159660181c168242031194428311946006851194600283146001841417159482159460401c9060401c179060081c179160081c9060a01c171717171717171717171717171717171590565b155f613fbf565b91855f5260066020528560405f20549384604087015252613f06565b5060408401511515613ef9565b925f9160ff8160201c16946102608260a01b77ffffffff000000000000000000000000000000000000000078ff000000000000000000000000000000000000000000000000821691161791015263ffffffff8460181c1680421161438a575b508242039163ffffffff8560381c169160ff866107f883601d1c161c169586607f97614357575b5064ffffffffff8260301c16916780000000000000004210928042109015179160ff60028b1460018c14179260281c16151590600160ff821611159060ff1c16161616161561435257565b5f9450565b60019081011b7ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe01607e1696505f614307565b420392505f6142e0565b92919390935f936060958415614a4f5760018514614826576060946001811193846147d4575b60608401989197368290037fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe101925f5b8a811015614771578060051b840135858112156101c057840180359067ffffffffffffffff82116101c057602081019180360383136101c05760410361472557606060408201359101355f1a917f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a082116146d857601b831415806146cd575b614680576020925f92608092604051928c845286840152356040830152606082015282805260015afa156146755773ffffffffffffffffffffffffffffffffffffffff5f5116801561462a578c5173ffffffffffffffffffffffffffffffffffffffff168103614599578860808901515b8315614591575b506144f0575b506001016143ea565b5f5b8b838210614511578360019493925061450a91613371565b52906144e7565b73ffffffffffffffffffffffffffffffffffffffff614531838593613371565b511614614540576001016144f2565b509b505050505050505050915050604051917fe021c4f200000000000000000000000000000000000000000000000000000000602084015260248301526024825261458c60448361325f565b5f9190565b94505f6144e1565b805f52600a60205260405f20547f80000000000000000000000000000000000000000000000000000000000000008116156145de5780828f8c9360808d0152526144da565b509b505050505050505050915050604051917fe74c68bb00000000000000000000000000000000000000000000000000000000602084015260248301526024825261458c60448361325f565b509a5050505050505050915050604051917f52bf984800000000000000000000000000000000000000000000000000000000602084015260248301526024825261458c60448361325f565b6040513d5f823e3d90fd5b5050509a5050505050505050915050604051917f52bf984800000000000000000000000000000000000000000000000000000000602084015260248301526024825261458c60448361325f565b50601c831415614469565b5050509a5050505050505050915050604051917faac664e300000000000000000000000000000000000000000000000000000000602084015260248301526024825261458c60448361325f565b50509a5050505050505050915050604051917f52bf984800000000000000000000000000000000000000000000000000000000602084015260248301526024825261458c60448361325f565b50989697509850505050505060ff841680821061478c575050565b9192509250604051927fafe90aa2000000000000000000000000000000000000000000000000000000006020850152602484015260448301526044825261458c60648361325f565b95506147df816132a0565b6147ec604051918261325f565b8181527fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0614819836132a0565b01366020830137956143ba565b935093507f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a09194508035019160408301359260405191825260608101355f1a602083015260208101356040830152836060830152604160208360808160015afa9135149060203d1416169051029111614a0e5773ffffffffffffffffffffffffffffffffffffffff1680156149cd5760608201805173ffffffffffffffffffffffffffffffffffffffff168203614948575050608001515b60ff8116600181116149005750906040516148fa60208261325f565b5f815290565b919050604051917fafe90aa20000000000000000000000000000000000000000000000000000000060208401526001602484015260448301526044825261458c60648361325f565b815f52600a60205260405f2054927f800000000000000000000000000000000000000000000000000000000000000084161561498a57608084910152526148de565b5050919050604051917fe74c68bb00000000000000000000000000000000000000000000000000000000602084015260248301526024825261458c60448361325f565b5050604051907f52bf98480000000000000000000000000000000000000000000000000000000060208301525f60248301526024825261458c60448361325f565b5050604051907faac664e30000000000000000000000000000000000000000000000000000000060208301525f60248301526024825261458c60448361325f565b5050509250505060ff6003541690604051917fafe90aa20000000000000000000000000000000000000000000000000000000060208401525f602484015260448301526044825261458c60648361325f565b9160608335926020850135918501359060808601359260a0870135908160401c8560401c8560081c8360081c8a60a01c1717171761515357614ae16132f3565b928715615112576001821492831580615107575b6150bc57600686116150715742871161501757864203428111610dbd5763ffffffff606087015116809111614fb9575086811115614f5d57614b4163ffffffff60808701511688613364565b808211614f01575042811115614ea6575060408901359160ff8260281c1615614e5e5760ff8260201c16818103614e0757505060301c64ffffffffff169081151580614dfd575b614da257505060ff809281925f14614d97576020015116925b16911680158015614d83575b15614d3a57505060ff8260d01c16614ce25764ffffffffff821680821115614c6657505060501c64ffffffffff16614bf0575b50506040516148fa60208261325f565b73ffffffffffffffffffffffffffffffffffffffff165f52600560205260c060405f20549101359080820315614be057604051917fc256c19a0000000000000000000000000000000000000000000000000000000060208401526024830152604482015260448152614c6360648261325f565b90565b6040517f348ad52500000000000000000000000000000000000000000000000000000000602082015267ffffffffffffffff9283166024820152911660448201529250614c639150829050606481015b037fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0810183528261325f565b5050905073ffffffffffffffffffffffffffffffffffffffff604051917fc6b9a89b00000000000000000000000000000000000000000000000000000000602084015216602482015260248152614c6360448261325f565b935093505050604051917f9248ece90000000000000000000000000000000000000000000000000000000060208401526024830152604482015260448152614c6360648261325f565b508115158015614bad575080821115614bad565b604001511692614ba1565b6040517f29d9cb0d000000000000000000000000000000000000000000000000000000006020820152602481019190915267ffffffffffffffff90911660448201529650614c63955086945050606484019250614cb6915050565b5081421015614b88565b9650965050965050505060ff9250604051937fdee06ecf0000000000000000000000000000000000000000000000000000000060208601526024850152604484015216606482015260648152614c6360848261325f565b50509650505050505050604051907f9bdbf576000000000000000000000000000000000000000000000000000000006020830152602482015260248152614c6360448261325f565b6040517f7459569f00000000000000000000000000000000000000000000000000000000602082015267ffffffffffffffff90911660248201524260448201529850614c63975088965050606486019450614cb69350505050565b6040517f5ec9fa3800000000000000000000000000000000000000000000000000000000602082015267ffffffffffffffff9283166024820152911660448201529850614c63975088965050606486019450614cb69350505050565b6040517fb3179af100000000000000000000000000000000000000000000000000000000602082015267ffffffffffffffff97881660248201529616604487015250939650614c63955086945050606484019250614cb6915050565b985050505050505092505067ffffffffffffffff604051927f1209f8cd000000000000000000000000000000000000000000000000000000006020850152166024830152426044830152606482015260648152614c6360848261325f565b50506040517fa744348c00000000000000000000000000000000000000000000000000000000602082015267ffffffffffffffff9095166024860152505042604484015250909350614c6392508391505060648101614cb6565b5050505050935050505060ff604051917f98266cc900000000000000000000000000000000000000000000000000000000602084015216602482015260248152614c6360448261325f565b5050965050505050505060ff604051917f55f4b95e00000000000000000000000000000000000000000000000000000000602084015216602482015260248152614c6360448261325f565b506002831415614af5565b5050505050505050506040517f8782a30700000000000000000000000000000000000000000000000000000000602082015260048152614c6360248261325f565b50505050505050506040517fe13ced0b00000000000000000000000000000000000000000000000000000000602082015260048152614c6360248261325f565b60ff811690601f82116151c257604051916151af60408461325f565b6020808452838101919036833783525290565b7fb3512b0c000000000000000000000000000000000000000000000000000000005f5260045ffd2f8788117e7eff1d82e926ec794901d17c78024a50270940304540a733656f0dfedf92bd655aff58d3ecc9b79086da425836581fbdefcabdf9f8384e52e4f55aad3228b676f7d3cd4284a5443f17f1962b36e491b30a40b2405849e597ba5fb5",
}

// AttestationRegistry is an auto generated Go binding around an Ethereum contract.
type AttestationRegistry struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *AttestationRegistry) GetABI() abi.ABI {
	return c.abi
}

// NewAttestationRegistry creates a new instance of AttestationRegistry.
func NewAttestationRegistry() *AttestationRegistry {
	parsed, err := AttestationRegistryMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &AttestationRegistry{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *AttestationRegistry) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address admin, address[] relayers, uint8 threshold, uint32 maxAttestationAge, uint32 maxValidity, uint32 responseWindow, uint32 cooldown) returns()
func (attestationRegistry *AttestationRegistry) PackConstructor(admin common.Address, relayers []common.Address, threshold uint8, maxAttestationAge uint32, maxValidity uint32, responseWindow uint32, cooldown uint32) []byte {
	enc, err := attestationRegistry.abi.Pack("", admin, relayers, threshold, maxAttestationAge, maxValidity, responseWindow, cooldown)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackATTESTATIONTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x07090c1f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function ATTESTATION_TYPEHASH() view returns(bytes32)
func (attestationRegistry *AttestationRegistry) PackATTESTATIONTYPEHASH() []byte {
	enc, err := attestationRegistry.abi.Pack("ATTESTATION_TYPEHASH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackATTESTATIONTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x07090c1f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function ATTESTATION_TYPEHASH() view returns(bytes32)
func (attestationRegistry *AttestationRegistry) TryPackATTESTATIONTYPEHASH() ([]byte, error) {
	return attestationRegistry.abi.Pack("ATTESTATION_TYPEHASH")
}

// UnpackATTESTATIONTYPEHASH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x07090c1f.
//
// Solidity: function ATTESTATION_TYPEHASH() view returns(bytes32)
func (attestationRegistry *AttestationRegistry) UnpackATTESTATIONTYPEHASH(data []byte) ([32]byte, error) {
	out, err := attestationRegistry.abi.Unpack("ATTESTATION_TYPEHASH", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackDEFAULTADMINROLE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa217fddf.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function DEFAULT_ADMIN_ROLE() view returns(bytes32)
func (attestationRegistry *AttestationRegistry) PackDEFAULTADMINROLE() []byte {
	enc, err := attestationRegistry.abi.Pack("DEFAULT_ADMIN_ROLE")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDEFAULTADMINROLE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa217fddf.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function DEFAULT_ADMIN_ROLE() view returns(bytes32)
func (attestationRegistry *AttestationRegistry) TryPackDEFAULTADMINROLE() ([]byte, error) {
	return attestationRegistry.abi.Pack("DEFAULT_ADMIN_ROLE")
}

// UnpackDEFAULTADMINROLE is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa217fddf.
//
// Solidity: function DEFAULT_ADMIN_ROLE() view returns(bytes32)
func (attestationRegistry *AttestationRegistry) UnpackDEFAULTADMINROLE(data []byte) ([32]byte, error) {
	out, err := attestationRegistry.abi.Unpack("DEFAULT_ADMIN_ROLE", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackGOVERNORROLE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xccc57490.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function GOVERNOR_ROLE() view returns(bytes32)
func (attestationRegistry *AttestationRegistry) PackGOVERNORROLE() []byte {
	enc, err := attestationRegistry.abi.Pack("GOVERNOR_ROLE")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGOVERNORROLE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xccc57490.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function GOVERNOR_ROLE() view returns(bytes32)
func (attestationRegistry *AttestationRegistry) TryPackGOVERNORROLE() ([]byte, error) {
	return attestationRegistry.abi.Pack("GOVERNOR_ROLE")
}

// UnpackGOVERNORROLE is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xccc57490.
//
// Solidity: function GOVERNOR_ROLE() view returns(bytes32)
func (attestationRegistry *AttestationRegistry) UnpackGOVERNORROLE(data []byte) ([32]byte, error) {
	out, err := attestationRegistry.abi.Unpack("GOVERNOR_ROLE", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackMAXTCBSTATUS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7821a45b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_TCB_STATUS() view returns(uint8)
func (attestationRegistry *AttestationRegistry) PackMAXTCBSTATUS() []byte {
	enc, err := attestationRegistry.abi.Pack("MAX_TCB_STATUS")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXTCBSTATUS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7821a45b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_TCB_STATUS() view returns(uint8)
func (attestationRegistry *AttestationRegistry) TryPackMAXTCBSTATUS() ([]byte, error) {
	return attestationRegistry.abi.Pack("MAX_TCB_STATUS")
}

// UnpackMAXTCBSTATUS is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7821a45b.
//
// Solidity: function MAX_TCB_STATUS() view returns(uint8)
func (attestationRegistry *AttestationRegistry) UnpackMAXTCBSTATUS(data []byte) (uint8, error) {
	out, err := attestationRegistry.abi.Unpack("MAX_TCB_STATUS", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackREQUESTERROLE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4430db7e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function REQUESTER_ROLE() view returns(bytes32)
func (attestationRegistry *AttestationRegistry) PackREQUESTERROLE() []byte {
	enc, err := attestationRegistry.abi.Pack("REQUESTER_ROLE")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackREQUESTERROLE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4430db7e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function REQUESTER_ROLE() view returns(bytes32)
func (attestationRegistry *AttestationRegistry) TryPackREQUESTERROLE() ([]byte, error) {
	return attestationRegistry.abi.Pack("REQUESTER_ROLE")
}

// UnpackREQUESTERROLE is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x4430db7e.
//
// Solidity: function REQUESTER_ROLE() view returns(bytes32)
func (attestationRegistry *AttestationRegistry) UnpackREQUESTERROLE(data []byte) ([32]byte, error) {
	out, err := attestationRegistry.abi.Unpack("REQUESTER_ROLE", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackTEESEVSNP is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf828e8bb.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function TEE_SEV_SNP() view returns(uint8)
func (attestationRegistry *AttestationRegistry) PackTEESEVSNP() []byte {
	enc, err := attestationRegistry.abi.Pack("TEE_SEV_SNP")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTEESEVSNP is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf828e8bb.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function TEE_SEV_SNP() view returns(uint8)
func (attestationRegistry *AttestationRegistry) TryPackTEESEVSNP() ([]byte, error) {
	return attestationRegistry.abi.Pack("TEE_SEV_SNP")
}

// UnpackTEESEVSNP is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf828e8bb.
//
// Solidity: function TEE_SEV_SNP() view returns(uint8)
func (attestationRegistry *AttestationRegistry) UnpackTEESEVSNP(data []byte) (uint8, error) {
	out, err := attestationRegistry.abi.Unpack("TEE_SEV_SNP", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackTEETDX is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x65c4d07f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function TEE_TDX() view returns(uint8)
func (attestationRegistry *AttestationRegistry) PackTEETDX() []byte {
	enc, err := attestationRegistry.abi.Pack("TEE_TDX")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTEETDX is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x65c4d07f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function TEE_TDX() view returns(uint8)
func (attestationRegistry *AttestationRegistry) TryPackTEETDX() ([]byte, error) {
	return attestationRegistry.abi.Pack("TEE_TDX")
}

// UnpackTEETDX is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x65c4d07f.
//
// Solidity: function TEE_TDX() view returns(uint8)
func (attestationRegistry *AttestationRegistry) UnpackTEETDX(data []byte) (uint8, error) {
	out, err := attestationRegistry.abi.Unpack("TEE_TDX", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackAllowMeasurement is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x35dd336c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function allowMeasurement(bytes32 measurementHash, uint8 teeType) returns()
func (attestationRegistry *AttestationRegistry) PackAllowMeasurement(measurementHash [32]byte, teeType uint8) []byte {
	enc, err := attestationRegistry.abi.Pack("allowMeasurement", measurementHash, teeType)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAllowMeasurement is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x35dd336c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function allowMeasurement(bytes32 measurementHash, uint8 teeType) returns()
func (attestationRegistry *AttestationRegistry) TryPackAllowMeasurement(measurementHash [32]byte, teeType uint8) ([]byte, error) {
	return attestationRegistry.abi.Pack("allowMeasurement", measurementHash, teeType)
}

// PackAttest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5ea76917.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function attest((address,uint8,bytes32,uint8,uint64,uint64,bytes32,bytes32,bytes32) a, bytes[] signatures) returns()
func (attestationRegistry *AttestationRegistry) PackAttest(a IAttestationRegistryAttestation, signatures [][]byte) []byte {
	enc, err := attestationRegistry.abi.Pack("attest", a, signatures)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAttest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5ea76917.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function attest((address,uint8,bytes32,uint8,uint64,uint64,bytes32,bytes32,bytes32) a, bytes[] signatures) returns()
func (attestationRegistry *AttestationRegistry) TryPackAttest(a IAttestationRegistryAttestation, signatures [][]byte) ([]byte, error) {
	return attestationRegistry.abi.Pack("attest", a, signatures)
}

// PackAttestBatch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x967984a5.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function attestBatch((address,uint8,bytes32,uint8,uint64,uint64,bytes32,bytes32,bytes32)[] a, bytes[][] signatures) returns(bytes4[] reasons)
func (attestationRegistry *AttestationRegistry) PackAttestBatch(a []IAttestationRegistryAttestation, signatures [][][]byte) []byte {
	enc, err := attestationRegistry.abi.Pack("attestBatch", a, signatures)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAttestBatch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x967984a5.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function attestBatch((address,uint8,bytes32,uint8,uint64,uint64,bytes32,bytes32,bytes32)[] a, bytes[][] signatures) returns(bytes4[] reasons)
func (attestationRegistry *AttestationRegistry) TryPackAttestBatch(a []IAttestationRegistryAttestation, signatures [][][]byte) ([]byte, error) {
	return attestationRegistry.abi.Pack("attestBatch", a, signatures)
}

// UnpackAttestBatch is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x967984a5.
//
// Solidity: function attestBatch((address,uint8,bytes32,uint8,uint64,uint64,bytes32,bytes32,bytes32)[] a, bytes[][] signatures) returns(bytes4[] reasons)
func (attestationRegistry *AttestationRegistry) UnpackAttestBatch(data []byte) ([][4]byte, error) {
	out, err := attestationRegistry.abi.Unpack("attestBatch", data)
	if err != nil {
		return *new([][4]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([][4]byte)).(*[][4]byte)
	return out0, nil
}

// PackAttestationOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe20e91d0.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function attestationOf(address subject) view returns((uint8,uint8,bytes32,uint64,uint64,bool,bytes32,uint64) rec)
func (attestationRegistry *AttestationRegistry) PackAttestationOf(subject common.Address) []byte {
	enc, err := attestationRegistry.abi.Pack("attestationOf", subject)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAttestationOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe20e91d0.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function attestationOf(address subject) view returns((uint8,uint8,bytes32,uint64,uint64,bool,bytes32,uint64) rec)
func (attestationRegistry *AttestationRegistry) TryPackAttestationOf(subject common.Address) ([]byte, error) {
	return attestationRegistry.abi.Pack("attestationOf", subject)
}

// UnpackAttestationOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe20e91d0.
//
// Solidity: function attestationOf(address subject) view returns((uint8,uint8,bytes32,uint64,uint64,bool,bytes32,uint64) rec)
func (attestationRegistry *AttestationRegistry) UnpackAttestationOf(data []byte) (IAttestationRegistryAttestationRecord, error) {
	out, err := attestationRegistry.abi.Unpack("attestationOf", data)
	if err != nil {
		return *new(IAttestationRegistryAttestationRecord), err
	}
	out0 := *abi.ConvertType(out[0], new(IAttestationRegistryAttestationRecord)).(*IAttestationRegistryAttestationRecord)
	return out0, nil
}

// PackEip712Domain is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x84b0196e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (attestationRegistry *AttestationRegistry) PackEip712Domain() []byte {
	enc, err := attestationRegistry.abi.Pack("eip712Domain")
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
func (attestationRegistry *AttestationRegistry) TryPackEip712Domain() ([]byte, error) {
	return attestationRegistry.abi.Pack("eip712Domain")
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
func (attestationRegistry *AttestationRegistry) UnpackEip712Domain(data []byte) (Eip712DomainOutput, error) {
	out, err := attestationRegistry.abi.Unpack("eip712Domain", data)
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

// PackGetRoleAdmin is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x248a9ca3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getRoleAdmin(bytes32 role) view returns(bytes32)
func (attestationRegistry *AttestationRegistry) PackGetRoleAdmin(role [32]byte) []byte {
	enc, err := attestationRegistry.abi.Pack("getRoleAdmin", role)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetRoleAdmin is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x248a9ca3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getRoleAdmin(bytes32 role) view returns(bytes32)
func (attestationRegistry *AttestationRegistry) TryPackGetRoleAdmin(role [32]byte) ([]byte, error) {
	return attestationRegistry.abi.Pack("getRoleAdmin", role)
}

// UnpackGetRoleAdmin is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x248a9ca3.
//
// Solidity: function getRoleAdmin(bytes32 role) view returns(bytes32)
func (attestationRegistry *AttestationRegistry) UnpackGetRoleAdmin(data []byte) ([32]byte, error) {
	out, err := attestationRegistry.abi.Unpack("getRoleAdmin", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackGrantRole is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2f2ff15d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function grantRole(bytes32 role, address account) returns()
func (attestationRegistry *AttestationRegistry) PackGrantRole(role [32]byte, account common.Address) []byte {
	enc, err := attestationRegistry.abi.Pack("grantRole", role, account)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGrantRole is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2f2ff15d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function grantRole(bytes32 role, address account) returns()
func (attestationRegistry *AttestationRegistry) TryPackGrantRole(role [32]byte, account common.Address) ([]byte, error) {
	return attestationRegistry.abi.Pack("grantRole", role, account)
}

// PackHasRole is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x91d14854.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function hasRole(bytes32 role, address account) view returns(bool)
func (attestationRegistry *AttestationRegistry) PackHasRole(role [32]byte, account common.Address) []byte {
	enc, err := attestationRegistry.abi.Pack("hasRole", role, account)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackHasRole is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x91d14854.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function hasRole(bytes32 role, address account) view returns(bool)
func (attestationRegistry *AttestationRegistry) TryPackHasRole(role [32]byte, account common.Address) ([]byte, error) {
	return attestationRegistry.abi.Pack("hasRole", role, account)
}

// UnpackHasRole is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x91d14854.
//
// Solidity: function hasRole(bytes32 role, address account) view returns(bool)
func (attestationRegistry *AttestationRegistry) UnpackHasRole(data []byte) (bool, error) {
	out, err := attestationRegistry.abi.Unpack("hasRole", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackHashAttestation is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x17ec992b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function hashAttestation((address,uint8,bytes32,uint8,uint64,uint64,bytes32,bytes32,bytes32) a) view returns(bytes32)
func (attestationRegistry *AttestationRegistry) PackHashAttestation(a IAttestationRegistryAttestation) []byte {
	enc, err := attestationRegistry.abi.Pack("hashAttestation", a)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackHashAttestation is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x17ec992b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function hashAttestation((address,uint8,bytes32,uint8,uint64,uint64,bytes32,bytes32,bytes32) a) view returns(bytes32)
func (attestationRegistry *AttestationRegistry) TryPackHashAttestation(a IAttestationRegistryAttestation) ([]byte, error) {
	return attestationRegistry.abi.Pack("hashAttestation", a)
}

// UnpackHashAttestation is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x17ec992b.
//
// Solidity: function hashAttestation((address,uint8,bytes32,uint8,uint64,uint64,bytes32,bytes32,bytes32) a) view returns(bytes32)
func (attestationRegistry *AttestationRegistry) UnpackHashAttestation(data []byte) ([32]byte, error) {
	out, err := attestationRegistry.abi.Unpack("hashAttestation", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackIsAttested is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3c23afba.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function isAttested(address subject) view returns(bool)
func (attestationRegistry *AttestationRegistry) PackIsAttested(subject common.Address) []byte {
	enc, err := attestationRegistry.abi.Pack("isAttested", subject)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackIsAttested is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3c23afba.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function isAttested(address subject) view returns(bool)
func (attestationRegistry *AttestationRegistry) TryPackIsAttested(subject common.Address) ([]byte, error) {
	return attestationRegistry.abi.Pack("isAttested", subject)
}

// UnpackIsAttested is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x3c23afba.
//
// Solidity: function isAttested(address subject) view returns(bool)
func (attestationRegistry *AttestationRegistry) UnpackIsAttested(data []byte) (bool, error) {
	out, err := attestationRegistry.abi.Unpack("isAttested", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackIsAttestedFor is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc6a4ac8f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function isAttestedFor(address subject, bytes32 measurementHash) view returns(bool)
func (attestationRegistry *AttestationRegistry) PackIsAttestedFor(subject common.Address, measurementHash [32]byte) []byte {
	enc, err := attestationRegistry.abi.Pack("isAttestedFor", subject, measurementHash)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackIsAttestedFor is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc6a4ac8f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function isAttestedFor(address subject, bytes32 measurementHash) view returns(bool)
func (attestationRegistry *AttestationRegistry) TryPackIsAttestedFor(subject common.Address, measurementHash [32]byte) ([]byte, error) {
	return attestationRegistry.abi.Pack("isAttestedFor", subject, measurementHash)
}

// UnpackIsAttestedFor is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc6a4ac8f.
//
// Solidity: function isAttestedFor(address subject, bytes32 measurementHash) view returns(bool)
func (attestationRegistry *AttestationRegistry) UnpackIsAttestedFor(data []byte) (bool, error) {
	out, err := attestationRegistry.abi.Unpack("isAttestedFor", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackIsRelayer is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x541d5548.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function isRelayer(address account) view returns(bool)
func (attestationRegistry *AttestationRegistry) PackIsRelayer(account common.Address) []byte {
	enc, err := attestationRegistry.abi.Pack("isRelayer", account)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackIsRelayer is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x541d5548.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function isRelayer(address account) view returns(bool)
func (attestationRegistry *AttestationRegistry) TryPackIsRelayer(account common.Address) ([]byte, error) {
	return attestationRegistry.abi.Pack("isRelayer", account)
}

// UnpackIsRelayer is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x541d5548.
//
// Solidity: function isRelayer(address account) view returns(bool)
func (attestationRegistry *AttestationRegistry) UnpackIsRelayer(data []byte) (bool, error) {
	out, err := attestationRegistry.abi.Unpack("isRelayer", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackLimits is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x860aefcf.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function limits() view returns(uint32 maxAttestationAge, uint32 maxValidity, uint32 responseWindow, uint32 cooldown)
func (attestationRegistry *AttestationRegistry) PackLimits() []byte {
	enc, err := attestationRegistry.abi.Pack("limits")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLimits is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x860aefcf.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function limits() view returns(uint32 maxAttestationAge, uint32 maxValidity, uint32 responseWindow, uint32 cooldown)
func (attestationRegistry *AttestationRegistry) TryPackLimits() ([]byte, error) {
	return attestationRegistry.abi.Pack("limits")
}

// LimitsOutput serves as a container for the return parameters of contract
// method Limits.
type LimitsOutput struct {
	MaxAttestationAge uint32
	MaxValidity       uint32
	ResponseWindow    uint32
	Cooldown          uint32
}

// UnpackLimits is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x860aefcf.
//
// Solidity: function limits() view returns(uint32 maxAttestationAge, uint32 maxValidity, uint32 responseWindow, uint32 cooldown)
func (attestationRegistry *AttestationRegistry) UnpackLimits(data []byte) (LimitsOutput, error) {
	out, err := attestationRegistry.abi.Unpack("limits", data)
	outstruct := new(LimitsOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.MaxAttestationAge = *abi.ConvertType(out[0], new(uint32)).(*uint32)
	outstruct.MaxValidity = *abi.ConvertType(out[1], new(uint32)).(*uint32)
	outstruct.ResponseWindow = *abi.ConvertType(out[2], new(uint32)).(*uint32)
	outstruct.Cooldown = *abi.ConvertType(out[3], new(uint32)).(*uint32)
	return *outstruct, nil
}

// PackMeasurementOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2bbfe646.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function measurementOf(bytes32 measurementHash) view returns(uint32 id, uint8 teeType, bool allowed, uint64 sunsetAt)
func (attestationRegistry *AttestationRegistry) PackMeasurementOf(measurementHash [32]byte) []byte {
	enc, err := attestationRegistry.abi.Pack("measurementOf", measurementHash)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMeasurementOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2bbfe646.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function measurementOf(bytes32 measurementHash) view returns(uint32 id, uint8 teeType, bool allowed, uint64 sunsetAt)
func (attestationRegistry *AttestationRegistry) TryPackMeasurementOf(measurementHash [32]byte) ([]byte, error) {
	return attestationRegistry.abi.Pack("measurementOf", measurementHash)
}

// MeasurementOfOutput serves as a container for the return parameters of contract
// method MeasurementOf.
type MeasurementOfOutput struct {
	Id       uint32
	TeeType  uint8
	Allowed  bool
	SunsetAt uint64
}

// UnpackMeasurementOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x2bbfe646.
//
// Solidity: function measurementOf(bytes32 measurementHash) view returns(uint32 id, uint8 teeType, bool allowed, uint64 sunsetAt)
func (attestationRegistry *AttestationRegistry) UnpackMeasurementOf(data []byte) (MeasurementOfOutput, error) {
	out, err := attestationRegistry.abi.Unpack("measurementOf", data)
	outstruct := new(MeasurementOfOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Id = *abi.ConvertType(out[0], new(uint32)).(*uint32)
	outstruct.TeeType = *abi.ConvertType(out[1], new(uint8)).(*uint8)
	outstruct.Allowed = *abi.ConvertType(out[2], new(bool)).(*bool)
	outstruct.SunsetAt = *abi.ConvertType(out[3], new(uint64)).(*uint64)
	return *outstruct, nil
}

// PackMinTcbStatus is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe439a3a7.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function minTcbStatus(uint8 teeType) view returns(uint8)
func (attestationRegistry *AttestationRegistry) PackMinTcbStatus(teeType uint8) []byte {
	enc, err := attestationRegistry.abi.Pack("minTcbStatus", teeType)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMinTcbStatus is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe439a3a7.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function minTcbStatus(uint8 teeType) view returns(uint8)
func (attestationRegistry *AttestationRegistry) TryPackMinTcbStatus(teeType uint8) ([]byte, error) {
	return attestationRegistry.abi.Pack("minTcbStatus", teeType)
}

// UnpackMinTcbStatus is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe439a3a7.
//
// Solidity: function minTcbStatus(uint8 teeType) view returns(uint8)
func (attestationRegistry *AttestationRegistry) UnpackMinTcbStatus(data []byte) (uint8, error) {
	out, err := attestationRegistry.abi.Unpack("minTcbStatus", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackRelayerSet is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x12a5146a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function relayerSet() view returns(address[] relayers, uint8 threshold)
func (attestationRegistry *AttestationRegistry) PackRelayerSet() []byte {
	enc, err := attestationRegistry.abi.Pack("relayerSet")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRelayerSet is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x12a5146a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function relayerSet() view returns(address[] relayers, uint8 threshold)
func (attestationRegistry *AttestationRegistry) TryPackRelayerSet() ([]byte, error) {
	return attestationRegistry.abi.Pack("relayerSet")
}

// RelayerSetOutput serves as a container for the return parameters of contract
// method RelayerSet.
type RelayerSetOutput struct {
	Relayers  []common.Address
	Threshold uint8
}

// UnpackRelayerSet is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x12a5146a.
//
// Solidity: function relayerSet() view returns(address[] relayers, uint8 threshold)
func (attestationRegistry *AttestationRegistry) UnpackRelayerSet(data []byte) (RelayerSetOutput, error) {
	out, err := attestationRegistry.abi.Unpack("relayerSet", data)
	outstruct := new(RelayerSetOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Relayers = *abi.ConvertType(out[0], new([]common.Address)).(*[]common.Address)
	outstruct.Threshold = *abi.ConvertType(out[1], new(uint8)).(*uint8)
	return *outstruct, nil
}

// PackRenounceRole is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x36568abe.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function renounceRole(bytes32 role, address callerConfirmation) returns()
func (attestationRegistry *AttestationRegistry) PackRenounceRole(role [32]byte, callerConfirmation common.Address) []byte {
	enc, err := attestationRegistry.abi.Pack("renounceRole", role, callerConfirmation)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRenounceRole is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x36568abe.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function renounceRole(bytes32 role, address callerConfirmation) returns()
func (attestationRegistry *AttestationRegistry) TryPackRenounceRole(role [32]byte, callerConfirmation common.Address) ([]byte, error) {
	return attestationRegistry.abi.Pack("renounceRole", role, callerConfirmation)
}

// PackRequestReattestation is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc736630c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function requestReattestation(address subject) returns(bytes32 nonce)
func (attestationRegistry *AttestationRegistry) PackRequestReattestation(subject common.Address) []byte {
	enc, err := attestationRegistry.abi.Pack("requestReattestation", subject)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRequestReattestation is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc736630c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function requestReattestation(address subject) returns(bytes32 nonce)
func (attestationRegistry *AttestationRegistry) TryPackRequestReattestation(subject common.Address) ([]byte, error) {
	return attestationRegistry.abi.Pack("requestReattestation", subject)
}

// UnpackRequestReattestation is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc736630c.
//
// Solidity: function requestReattestation(address subject) returns(bytes32 nonce)
func (attestationRegistry *AttestationRegistry) UnpackRequestReattestation(data []byte) ([32]byte, error) {
	out, err := attestationRegistry.abi.Unpack("requestReattestation", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackRevoke is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x74a8f103.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function revoke(address subject) returns()
func (attestationRegistry *AttestationRegistry) PackRevoke(subject common.Address) []byte {
	enc, err := attestationRegistry.abi.Pack("revoke", subject)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRevoke is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x74a8f103.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function revoke(address subject) returns()
func (attestationRegistry *AttestationRegistry) TryPackRevoke(subject common.Address) ([]byte, error) {
	return attestationRegistry.abi.Pack("revoke", subject)
}

// PackRevokeMeasurement is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xcfcc75c5.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function revokeMeasurement(bytes32 measurementHash) returns()
func (attestationRegistry *AttestationRegistry) PackRevokeMeasurement(measurementHash [32]byte) []byte {
	enc, err := attestationRegistry.abi.Pack("revokeMeasurement", measurementHash)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRevokeMeasurement is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xcfcc75c5.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function revokeMeasurement(bytes32 measurementHash) returns()
func (attestationRegistry *AttestationRegistry) TryPackRevokeMeasurement(measurementHash [32]byte) ([]byte, error) {
	return attestationRegistry.abi.Pack("revokeMeasurement", measurementHash)
}

// PackRevokeRole is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd547741f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function revokeRole(bytes32 role, address account) returns()
func (attestationRegistry *AttestationRegistry) PackRevokeRole(role [32]byte, account common.Address) []byte {
	enc, err := attestationRegistry.abi.Pack("revokeRole", role, account)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRevokeRole is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd547741f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function revokeRole(bytes32 role, address account) returns()
func (attestationRegistry *AttestationRegistry) TryPackRevokeRole(role [32]byte, account common.Address) ([]byte, error) {
	return attestationRegistry.abi.Pack("revokeRole", role, account)
}

// PackSetLimits is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8cfced2e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setLimits(uint32 maxAttestationAge, uint32 maxValidity, uint32 responseWindow, uint32 cooldown) returns()
func (attestationRegistry *AttestationRegistry) PackSetLimits(maxAttestationAge uint32, maxValidity uint32, responseWindow uint32, cooldown uint32) []byte {
	enc, err := attestationRegistry.abi.Pack("setLimits", maxAttestationAge, maxValidity, responseWindow, cooldown)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetLimits is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8cfced2e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setLimits(uint32 maxAttestationAge, uint32 maxValidity, uint32 responseWindow, uint32 cooldown) returns()
func (attestationRegistry *AttestationRegistry) TryPackSetLimits(maxAttestationAge uint32, maxValidity uint32, responseWindow uint32, cooldown uint32) ([]byte, error) {
	return attestationRegistry.abi.Pack("setLimits", maxAttestationAge, maxValidity, responseWindow, cooldown)
}

// PackSetMinTcbStatus is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4d042eb4.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setMinTcbStatus(uint8 teeType, uint8 status) returns()
func (attestationRegistry *AttestationRegistry) PackSetMinTcbStatus(teeType uint8, status uint8) []byte {
	enc, err := attestationRegistry.abi.Pack("setMinTcbStatus", teeType, status)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetMinTcbStatus is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4d042eb4.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setMinTcbStatus(uint8 teeType, uint8 status) returns()
func (attestationRegistry *AttestationRegistry) TryPackSetMinTcbStatus(teeType uint8, status uint8) ([]byte, error) {
	return attestationRegistry.abi.Pack("setMinTcbStatus", teeType, status)
}

// PackSetRelayers is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1de416b6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setRelayers(address[] relayers, uint8 threshold) returns()
func (attestationRegistry *AttestationRegistry) PackSetRelayers(relayers []common.Address, threshold uint8) []byte {
	enc, err := attestationRegistry.abi.Pack("setRelayers", relayers, threshold)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetRelayers is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1de416b6.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setRelayers(address[] relayers, uint8 threshold) returns()
func (attestationRegistry *AttestationRegistry) TryPackSetRelayers(relayers []common.Address, threshold uint8) ([]byte, error) {
	return attestationRegistry.abi.Pack("setRelayers", relayers, threshold)
}

// PackSunsetMeasurement is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd4b7b23c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function sunsetMeasurement(bytes32 measurementHash, uint64 sunsetAt) returns()
func (attestationRegistry *AttestationRegistry) PackSunsetMeasurement(measurementHash [32]byte, sunsetAt uint64) []byte {
	enc, err := attestationRegistry.abi.Pack("sunsetMeasurement", measurementHash, sunsetAt)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSunsetMeasurement is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd4b7b23c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function sunsetMeasurement(bytes32 measurementHash, uint64 sunsetAt) returns()
func (attestationRegistry *AttestationRegistry) TryPackSunsetMeasurement(measurementHash [32]byte, sunsetAt uint64) ([]byte, error) {
	return attestationRegistry.abi.Pack("sunsetMeasurement", measurementHash, sunsetAt)
}

// PackSupportsInterface is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x01ffc9a7.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function supportsInterface(bytes4 interfaceId) view returns(bool)
func (attestationRegistry *AttestationRegistry) PackSupportsInterface(interfaceId [4]byte) []byte {
	enc, err := attestationRegistry.abi.Pack("supportsInterface", interfaceId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSupportsInterface is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x01ffc9a7.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function supportsInterface(bytes4 interfaceId) view returns(bool)
func (attestationRegistry *AttestationRegistry) TryPackSupportsInterface(interfaceId [4]byte) ([]byte, error) {
	return attestationRegistry.abi.Pack("supportsInterface", interfaceId)
}

// UnpackSupportsInterface is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x01ffc9a7.
//
// Solidity: function supportsInterface(bytes4 interfaceId) view returns(bool)
func (attestationRegistry *AttestationRegistry) UnpackSupportsInterface(data []byte) (bool, error) {
	out, err := attestationRegistry.abi.Unpack("supportsInterface", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// AttestationRegistryAttestationRejected represents a AttestationRejected event raised by the AttestationRegistry contract.
type AttestationRegistryAttestationRejected struct {
	Subject common.Address
	Index   *big.Int
	Reason  [4]byte
	Raw     *types.Log // Blockchain specific contextual infos
}

const AttestationRegistryAttestationRejectedEventName = "AttestationRejected"

// ContractEventName returns the user-defined event name.
func (AttestationRegistryAttestationRejected) ContractEventName() string {
	return AttestationRegistryAttestationRejectedEventName
}

// UnpackAttestationRejectedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event AttestationRejected(address indexed subject, uint256 index, bytes4 reason)
func (attestationRegistry *AttestationRegistry) UnpackAttestationRejectedEvent(log *types.Log) (*AttestationRegistryAttestationRejected, error) {
	event := "AttestationRejected"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != attestationRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AttestationRegistryAttestationRejected)
	if len(log.Data) > 0 {
		if err := attestationRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range attestationRegistry.abi.Events[event].Inputs {
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

// AttestationRegistryAttestationRevoked represents a AttestationRevoked event raised by the AttestationRegistry contract.
type AttestationRegistryAttestationRevoked struct {
	Subject common.Address
	Raw     *types.Log // Blockchain specific contextual infos
}

const AttestationRegistryAttestationRevokedEventName = "AttestationRevoked"

// ContractEventName returns the user-defined event name.
func (AttestationRegistryAttestationRevoked) ContractEventName() string {
	return AttestationRegistryAttestationRevokedEventName
}

// UnpackAttestationRevokedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event AttestationRevoked(address indexed subject)
func (attestationRegistry *AttestationRegistry) UnpackAttestationRevokedEvent(log *types.Log) (*AttestationRegistryAttestationRevoked, error) {
	event := "AttestationRevoked"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != attestationRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AttestationRegistryAttestationRevoked)
	if len(log.Data) > 0 {
		if err := attestationRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range attestationRegistry.abi.Events[event].Inputs {
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

// AttestationRegistryAttested represents a Attested event raised by the AttestationRegistry contract.
type AttestationRegistryAttested struct {
	Subject         common.Address
	MeasurementHash [32]byte
	TeeType         uint8
	TcbStatus       uint8
	IssuedAt        uint64
	ExpiresAt       uint64
	Nonce           [32]byte
	QuoteHash       [32]byte
	AppData         [32]byte
	Raw             *types.Log // Blockchain specific contextual infos
}

const AttestationRegistryAttestedEventName = "Attested"

// ContractEventName returns the user-defined event name.
func (AttestationRegistryAttested) ContractEventName() string {
	return AttestationRegistryAttestedEventName
}

// UnpackAttestedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Attested(address indexed subject, bytes32 indexed measurementHash, uint8 teeType, uint8 tcbStatus, uint64 issuedAt, uint64 expiresAt, bytes32 nonce, bytes32 quoteHash, bytes32 appData)
func (attestationRegistry *AttestationRegistry) UnpackAttestedEvent(log *types.Log) (*AttestationRegistryAttested, error) {
	event := "Attested"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != attestationRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AttestationRegistryAttested)
	if len(log.Data) > 0 {
		if err := attestationRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range attestationRegistry.abi.Events[event].Inputs {
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

// AttestationRegistryEIP712DomainChanged represents a EIP712DomainChanged event raised by the AttestationRegistry contract.
type AttestationRegistryEIP712DomainChanged struct {
	Raw *types.Log // Blockchain specific contextual infos
}

const AttestationRegistryEIP712DomainChangedEventName = "EIP712DomainChanged"

// ContractEventName returns the user-defined event name.
func (AttestationRegistryEIP712DomainChanged) ContractEventName() string {
	return AttestationRegistryEIP712DomainChangedEventName
}

// UnpackEIP712DomainChangedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event EIP712DomainChanged()
func (attestationRegistry *AttestationRegistry) UnpackEIP712DomainChangedEvent(log *types.Log) (*AttestationRegistryEIP712DomainChanged, error) {
	event := "EIP712DomainChanged"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != attestationRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AttestationRegistryEIP712DomainChanged)
	if len(log.Data) > 0 {
		if err := attestationRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range attestationRegistry.abi.Events[event].Inputs {
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

// AttestationRegistryLimitsUpdated represents a LimitsUpdated event raised by the AttestationRegistry contract.
type AttestationRegistryLimitsUpdated struct {
	MaxAttestationAge uint32
	MaxValidity       uint32
	ResponseWindow    uint32
	Cooldown          uint32
	Raw               *types.Log // Blockchain specific contextual infos
}

const AttestationRegistryLimitsUpdatedEventName = "LimitsUpdated"

// ContractEventName returns the user-defined event name.
func (AttestationRegistryLimitsUpdated) ContractEventName() string {
	return AttestationRegistryLimitsUpdatedEventName
}

// UnpackLimitsUpdatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event LimitsUpdated(uint32 maxAttestationAge, uint32 maxValidity, uint32 responseWindow, uint32 cooldown)
func (attestationRegistry *AttestationRegistry) UnpackLimitsUpdatedEvent(log *types.Log) (*AttestationRegistryLimitsUpdated, error) {
	event := "LimitsUpdated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != attestationRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AttestationRegistryLimitsUpdated)
	if len(log.Data) > 0 {
		if err := attestationRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range attestationRegistry.abi.Events[event].Inputs {
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

// AttestationRegistryMeasurementAllowed represents a MeasurementAllowed event raised by the AttestationRegistry contract.
type AttestationRegistryMeasurementAllowed struct {
	MeasurementHash [32]byte
	TeeType         uint8
	Raw             *types.Log // Blockchain specific contextual infos
}

const AttestationRegistryMeasurementAllowedEventName = "MeasurementAllowed"

// ContractEventName returns the user-defined event name.
func (AttestationRegistryMeasurementAllowed) ContractEventName() string {
	return AttestationRegistryMeasurementAllowedEventName
}

// UnpackMeasurementAllowedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event MeasurementAllowed(bytes32 indexed measurementHash, uint8 teeType)
func (attestationRegistry *AttestationRegistry) UnpackMeasurementAllowedEvent(log *types.Log) (*AttestationRegistryMeasurementAllowed, error) {
	event := "MeasurementAllowed"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != attestationRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AttestationRegistryMeasurementAllowed)
	if len(log.Data) > 0 {
		if err := attestationRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range attestationRegistry.abi.Events[event].Inputs {
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

// AttestationRegistryMeasurementRevoked represents a MeasurementRevoked event raised by the AttestationRegistry contract.
type AttestationRegistryMeasurementRevoked struct {
	MeasurementHash [32]byte
	Raw             *types.Log // Blockchain specific contextual infos
}

const AttestationRegistryMeasurementRevokedEventName = "MeasurementRevoked"

// ContractEventName returns the user-defined event name.
func (AttestationRegistryMeasurementRevoked) ContractEventName() string {
	return AttestationRegistryMeasurementRevokedEventName
}

// UnpackMeasurementRevokedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event MeasurementRevoked(bytes32 indexed measurementHash)
func (attestationRegistry *AttestationRegistry) UnpackMeasurementRevokedEvent(log *types.Log) (*AttestationRegistryMeasurementRevoked, error) {
	event := "MeasurementRevoked"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != attestationRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AttestationRegistryMeasurementRevoked)
	if len(log.Data) > 0 {
		if err := attestationRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range attestationRegistry.abi.Events[event].Inputs {
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

// AttestationRegistryMeasurementSunset represents a MeasurementSunset event raised by the AttestationRegistry contract.
type AttestationRegistryMeasurementSunset struct {
	MeasurementHash [32]byte
	SunsetAt        uint64
	Raw             *types.Log // Blockchain specific contextual infos
}

const AttestationRegistryMeasurementSunsetEventName = "MeasurementSunset"

// ContractEventName returns the user-defined event name.
func (AttestationRegistryMeasurementSunset) ContractEventName() string {
	return AttestationRegistryMeasurementSunsetEventName
}

// UnpackMeasurementSunsetEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event MeasurementSunset(bytes32 indexed measurementHash, uint64 sunsetAt)
func (attestationRegistry *AttestationRegistry) UnpackMeasurementSunsetEvent(log *types.Log) (*AttestationRegistryMeasurementSunset, error) {
	event := "MeasurementSunset"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != attestationRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AttestationRegistryMeasurementSunset)
	if len(log.Data) > 0 {
		if err := attestationRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range attestationRegistry.abi.Events[event].Inputs {
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

// AttestationRegistryMinTcbStatusUpdated represents a MinTcbStatusUpdated event raised by the AttestationRegistry contract.
type AttestationRegistryMinTcbStatusUpdated struct {
	TeeType uint8
	Status  uint8
	Raw     *types.Log // Blockchain specific contextual infos
}

const AttestationRegistryMinTcbStatusUpdatedEventName = "MinTcbStatusUpdated"

// ContractEventName returns the user-defined event name.
func (AttestationRegistryMinTcbStatusUpdated) ContractEventName() string {
	return AttestationRegistryMinTcbStatusUpdatedEventName
}

// UnpackMinTcbStatusUpdatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event MinTcbStatusUpdated(uint8 indexed teeType, uint8 status)
func (attestationRegistry *AttestationRegistry) UnpackMinTcbStatusUpdatedEvent(log *types.Log) (*AttestationRegistryMinTcbStatusUpdated, error) {
	event := "MinTcbStatusUpdated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != attestationRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AttestationRegistryMinTcbStatusUpdated)
	if len(log.Data) > 0 {
		if err := attestationRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range attestationRegistry.abi.Events[event].Inputs {
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

// AttestationRegistryReattestationRequested represents a ReattestationRequested event raised by the AttestationRegistry contract.
type AttestationRegistryReattestationRequested struct {
	Subject  common.Address
	Nonce    [32]byte
	Deadline uint64
	Raw      *types.Log // Blockchain specific contextual infos
}

const AttestationRegistryReattestationRequestedEventName = "ReattestationRequested"

// ContractEventName returns the user-defined event name.
func (AttestationRegistryReattestationRequested) ContractEventName() string {
	return AttestationRegistryReattestationRequestedEventName
}

// UnpackReattestationRequestedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ReattestationRequested(address indexed subject, bytes32 nonce, uint64 deadline)
func (attestationRegistry *AttestationRegistry) UnpackReattestationRequestedEvent(log *types.Log) (*AttestationRegistryReattestationRequested, error) {
	event := "ReattestationRequested"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != attestationRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AttestationRegistryReattestationRequested)
	if len(log.Data) > 0 {
		if err := attestationRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range attestationRegistry.abi.Events[event].Inputs {
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

// AttestationRegistryRelayersUpdated represents a RelayersUpdated event raised by the AttestationRegistry contract.
type AttestationRegistryRelayersUpdated struct {
	Relayers  []common.Address
	Threshold uint8
	Raw       *types.Log // Blockchain specific contextual infos
}

const AttestationRegistryRelayersUpdatedEventName = "RelayersUpdated"

// ContractEventName returns the user-defined event name.
func (AttestationRegistryRelayersUpdated) ContractEventName() string {
	return AttestationRegistryRelayersUpdatedEventName
}

// UnpackRelayersUpdatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RelayersUpdated(address[] relayers, uint8 threshold)
func (attestationRegistry *AttestationRegistry) UnpackRelayersUpdatedEvent(log *types.Log) (*AttestationRegistryRelayersUpdated, error) {
	event := "RelayersUpdated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != attestationRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AttestationRegistryRelayersUpdated)
	if len(log.Data) > 0 {
		if err := attestationRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range attestationRegistry.abi.Events[event].Inputs {
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

// AttestationRegistryRoleAdminChanged represents a RoleAdminChanged event raised by the AttestationRegistry contract.
type AttestationRegistryRoleAdminChanged struct {
	Role              [32]byte
	PreviousAdminRole [32]byte
	NewAdminRole      [32]byte
	Raw               *types.Log // Blockchain specific contextual infos
}

const AttestationRegistryRoleAdminChangedEventName = "RoleAdminChanged"

// ContractEventName returns the user-defined event name.
func (AttestationRegistryRoleAdminChanged) ContractEventName() string {
	return AttestationRegistryRoleAdminChangedEventName
}

// UnpackRoleAdminChangedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RoleAdminChanged(bytes32 indexed role, bytes32 indexed previousAdminRole, bytes32 indexed newAdminRole)
func (attestationRegistry *AttestationRegistry) UnpackRoleAdminChangedEvent(log *types.Log) (*AttestationRegistryRoleAdminChanged, error) {
	event := "RoleAdminChanged"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != attestationRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AttestationRegistryRoleAdminChanged)
	if len(log.Data) > 0 {
		if err := attestationRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range attestationRegistry.abi.Events[event].Inputs {
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

// AttestationRegistryRoleGranted represents a RoleGranted event raised by the AttestationRegistry contract.
type AttestationRegistryRoleGranted struct {
	Role    [32]byte
	Account common.Address
	Sender  common.Address
	Raw     *types.Log // Blockchain specific contextual infos
}

const AttestationRegistryRoleGrantedEventName = "RoleGranted"

// ContractEventName returns the user-defined event name.
func (AttestationRegistryRoleGranted) ContractEventName() string {
	return AttestationRegistryRoleGrantedEventName
}

// UnpackRoleGrantedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RoleGranted(bytes32 indexed role, address indexed account, address indexed sender)
func (attestationRegistry *AttestationRegistry) UnpackRoleGrantedEvent(log *types.Log) (*AttestationRegistryRoleGranted, error) {
	event := "RoleGranted"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != attestationRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AttestationRegistryRoleGranted)
	if len(log.Data) > 0 {
		if err := attestationRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range attestationRegistry.abi.Events[event].Inputs {
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

// AttestationRegistryRoleRevoked represents a RoleRevoked event raised by the AttestationRegistry contract.
type AttestationRegistryRoleRevoked struct {
	Role    [32]byte
	Account common.Address
	Sender  common.Address
	Raw     *types.Log // Blockchain specific contextual infos
}

const AttestationRegistryRoleRevokedEventName = "RoleRevoked"

// ContractEventName returns the user-defined event name.
func (AttestationRegistryRoleRevoked) ContractEventName() string {
	return AttestationRegistryRoleRevokedEventName
}

// UnpackRoleRevokedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RoleRevoked(bytes32 indexed role, address indexed account, address indexed sender)
func (attestationRegistry *AttestationRegistry) UnpackRoleRevokedEvent(log *types.Log) (*AttestationRegistryRoleRevoked, error) {
	event := "RoleRevoked"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != attestationRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AttestationRegistryRoleRevoked)
	if len(log.Data) > 0 {
		if err := attestationRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range attestationRegistry.abi.Events[event].Inputs {
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
func (attestationRegistry *AttestationRegistry) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], attestationRegistry.abi.Errors["AccessControlBadConfirmation"].ID.Bytes()[:4]) {
		return attestationRegistry.UnpackAccessControlBadConfirmationError(raw[4:])
	}
	if bytes.Equal(raw[:4], attestationRegistry.abi.Errors["AccessControlUnauthorizedAccount"].ID.Bytes()[:4]) {
		return attestationRegistry.UnpackAccessControlUnauthorizedAccountError(raw[4:])
	}
	if bytes.Equal(raw[:4], attestationRegistry.abi.Errors["AlreadyExpired"].ID.Bytes()[:4]) {
		return attestationRegistry.UnpackAlreadyExpiredError(raw[4:])
	}
	if bytes.Equal(raw[:4], attestationRegistry.abi.Errors["AttestationTooOld"].ID.Bytes()[:4]) {
		return attestationRegistry.UnpackAttestationTooOldError(raw[4:])
	}
	if bytes.Equal(raw[:4], attestationRegistry.abi.Errors["DuplicateRelayer"].ID.Bytes()[:4]) {
		return attestationRegistry.UnpackDuplicateRelayerError(raw[4:])
	}
	if bytes.Equal(raw[:4], attestationRegistry.abi.Errors["DuplicateSigner"].ID.Bytes()[:4]) {
		return attestationRegistry.UnpackDuplicateSignerError(raw[4:])
	}
	if bytes.Equal(raw[:4], attestationRegistry.abi.Errors["ExpiryBeyondCap"].ID.Bytes()[:4]) {
		return attestationRegistry.UnpackExpiryBeyondCapError(raw[4:])
	}
	if bytes.Equal(raw[:4], attestationRegistry.abi.Errors["HighSSignature"].ID.Bytes()[:4]) {
		return attestationRegistry.UnpackHighSSignatureError(raw[4:])
	}
	if bytes.Equal(raw[:4], attestationRegistry.abi.Errors["InvalidExpiry"].ID.Bytes()[:4]) {
		return attestationRegistry.UnpackInvalidExpiryError(raw[4:])
	}
	if bytes.Equal(raw[:4], attestationRegistry.abi.Errors["InvalidLimits"].ID.Bytes()[:4]) {
		return attestationRegistry.UnpackInvalidLimitsError(raw[4:])
	}
	if bytes.Equal(raw[:4], attestationRegistry.abi.Errors["InvalidRelayerSet"].ID.Bytes()[:4]) {
		return attestationRegistry.UnpackInvalidRelayerSetError(raw[4:])
	}
	if bytes.Equal(raw[:4], attestationRegistry.abi.Errors["InvalidShortString"].ID.Bytes()[:4]) {
		return attestationRegistry.UnpackInvalidShortStringError(raw[4:])
	}
	if bytes.Equal(raw[:4], attestationRegistry.abi.Errors["InvalidSignature"].ID.Bytes()[:4]) {
		return attestationRegistry.UnpackInvalidSignatureError(raw[4:])
	}
	if bytes.Equal(raw[:4], attestationRegistry.abi.Errors["InvalidTcbStatus"].ID.Bytes()[:4]) {
		return attestationRegistry.UnpackInvalidTcbStatusError(raw[4:])
	}
	if bytes.Equal(raw[:4], attestationRegistry.abi.Errors["InvalidTeeType"].ID.Bytes()[:4]) {
		return attestationRegistry.UnpackInvalidTeeTypeError(raw[4:])
	}
	if bytes.Equal(raw[:4], attestationRegistry.abi.Errors["IssuedInFuture"].ID.Bytes()[:4]) {
		return attestationRegistry.UnpackIssuedInFutureError(raw[4:])
	}
	if bytes.Equal(raw[:4], attestationRegistry.abi.Errors["LengthMismatch"].ID.Bytes()[:4]) {
		return attestationRegistry.UnpackLengthMismatchError(raw[4:])
	}
	if bytes.Equal(raw[:4], attestationRegistry.abi.Errors["MalformedAttestation"].ID.Bytes()[:4]) {
		return attestationRegistry.UnpackMalformedAttestationError(raw[4:])
	}
	if bytes.Equal(raw[:4], attestationRegistry.abi.Errors["MeasurementIdsExhausted"].ID.Bytes()[:4]) {
		return attestationRegistry.UnpackMeasurementIdsExhaustedError(raw[4:])
	}
	if bytes.Equal(raw[:4], attestationRegistry.abi.Errors["MeasurementNotAllowed"].ID.Bytes()[:4]) {
		return attestationRegistry.UnpackMeasurementNotAllowedError(raw[4:])
	}
	if bytes.Equal(raw[:4], attestationRegistry.abi.Errors["MeasurementSunsetPassed"].ID.Bytes()[:4]) {
		return attestationRegistry.UnpackMeasurementSunsetPassedError(raw[4:])
	}
	if bytes.Equal(raw[:4], attestationRegistry.abi.Errors["MeasurementTeeTypeMismatch"].ID.Bytes()[:4]) {
		return attestationRegistry.UnpackMeasurementTeeTypeMismatchError(raw[4:])
	}
	if bytes.Equal(raw[:4], attestationRegistry.abi.Errors["NonceMismatch"].ID.Bytes()[:4]) {
		return attestationRegistry.UnpackNonceMismatchError(raw[4:])
	}
	if bytes.Equal(raw[:4], attestationRegistry.abi.Errors["NotAttestedSubject"].ID.Bytes()[:4]) {
		return attestationRegistry.UnpackNotAttestedSubjectError(raw[4:])
	}
	if bytes.Equal(raw[:4], attestationRegistry.abi.Errors["NotRequester"].ID.Bytes()[:4]) {
		return attestationRegistry.UnpackNotRequesterError(raw[4:])
	}
	if bytes.Equal(raw[:4], attestationRegistry.abi.Errors["RequestCooldown"].ID.Bytes()[:4]) {
		return attestationRegistry.UnpackRequestCooldownError(raw[4:])
	}
	if bytes.Equal(raw[:4], attestationRegistry.abi.Errors["RequestPending"].ID.Bytes()[:4]) {
		return attestationRegistry.UnpackRequestPendingError(raw[4:])
	}
	if bytes.Equal(raw[:4], attestationRegistry.abi.Errors["StaleAttestation"].ID.Bytes()[:4]) {
		return attestationRegistry.UnpackStaleAttestationError(raw[4:])
	}
	if bytes.Equal(raw[:4], attestationRegistry.abi.Errors["StringTooLong"].ID.Bytes()[:4]) {
		return attestationRegistry.UnpackStringTooLongError(raw[4:])
	}
	if bytes.Equal(raw[:4], attestationRegistry.abi.Errors["SubjectRevoked"].ID.Bytes()[:4]) {
		return attestationRegistry.UnpackSubjectRevokedError(raw[4:])
	}
	if bytes.Equal(raw[:4], attestationRegistry.abi.Errors["SunsetOutOfRange"].ID.Bytes()[:4]) {
		return attestationRegistry.UnpackSunsetOutOfRangeError(raw[4:])
	}
	if bytes.Equal(raw[:4], attestationRegistry.abi.Errors["TcbStatusBelowMinimum"].ID.Bytes()[:4]) {
		return attestationRegistry.UnpackTcbStatusBelowMinimumError(raw[4:])
	}
	if bytes.Equal(raw[:4], attestationRegistry.abi.Errors["TooFewSignatures"].ID.Bytes()[:4]) {
		return attestationRegistry.UnpackTooFewSignaturesError(raw[4:])
	}
	if bytes.Equal(raw[:4], attestationRegistry.abi.Errors["UnauthorizedSigner"].ID.Bytes()[:4]) {
		return attestationRegistry.UnpackUnauthorizedSignerError(raw[4:])
	}
	if bytes.Equal(raw[:4], attestationRegistry.abi.Errors["ZeroRelayer"].ID.Bytes()[:4]) {
		return attestationRegistry.UnpackZeroRelayerError(raw[4:])
	}
	if bytes.Equal(raw[:4], attestationRegistry.abi.Errors["ZeroSubject"].ID.Bytes()[:4]) {
		return attestationRegistry.UnpackZeroSubjectError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// AttestationRegistryAccessControlBadConfirmation represents a AccessControlBadConfirmation error raised by the AttestationRegistry contract.
type AttestationRegistryAccessControlBadConfirmation struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AccessControlBadConfirmation()
func AttestationRegistryAccessControlBadConfirmationErrorID() common.Hash {
	return common.HexToHash("0x6697b23232a647058342c0724fe7c415cab25915b54e5dbc03f233173d37b41c")
}

// UnpackAccessControlBadConfirmationError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AccessControlBadConfirmation()
func (attestationRegistry *AttestationRegistry) UnpackAccessControlBadConfirmationError(raw []byte) (*AttestationRegistryAccessControlBadConfirmation, error) {
	out := new(AttestationRegistryAccessControlBadConfirmation)
	if err := attestationRegistry.abi.UnpackIntoInterface(out, "AccessControlBadConfirmation", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AttestationRegistryAccessControlUnauthorizedAccount represents a AccessControlUnauthorizedAccount error raised by the AttestationRegistry contract.
type AttestationRegistryAccessControlUnauthorizedAccount struct {
	Account    common.Address
	NeededRole [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AccessControlUnauthorizedAccount(address account, bytes32 neededRole)
func AttestationRegistryAccessControlUnauthorizedAccountErrorID() common.Hash {
	return common.HexToHash("0xe2517d3fbfae6f8515ef5ff1ccedc3933ab0cbbda0b492c06eb54ad10ef03b3e")
}

// UnpackAccessControlUnauthorizedAccountError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AccessControlUnauthorizedAccount(address account, bytes32 neededRole)
func (attestationRegistry *AttestationRegistry) UnpackAccessControlUnauthorizedAccountError(raw []byte) (*AttestationRegistryAccessControlUnauthorizedAccount, error) {
	out := new(AttestationRegistryAccessControlUnauthorizedAccount)
	if err := attestationRegistry.abi.UnpackIntoInterface(out, "AccessControlUnauthorizedAccount", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AttestationRegistryAlreadyExpired represents a AlreadyExpired error raised by the AttestationRegistry contract.
type AttestationRegistryAlreadyExpired struct {
	ExpiresAt uint64
	BlockTime *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AlreadyExpired(uint64 expiresAt, uint256 blockTime)
func AttestationRegistryAlreadyExpiredErrorID() common.Hash {
	return common.HexToHash("0x7459569f86737b5c7f93877afcea359c56651358f9a07811feb92389a5508617")
}

// UnpackAlreadyExpiredError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AlreadyExpired(uint64 expiresAt, uint256 blockTime)
func (attestationRegistry *AttestationRegistry) UnpackAlreadyExpiredError(raw []byte) (*AttestationRegistryAlreadyExpired, error) {
	out := new(AttestationRegistryAlreadyExpired)
	if err := attestationRegistry.abi.UnpackIntoInterface(out, "AlreadyExpired", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AttestationRegistryAttestationTooOld represents a AttestationTooOld error raised by the AttestationRegistry contract.
type AttestationRegistryAttestationTooOld struct {
	IssuedAt          uint64
	BlockTime         *big.Int
	MaxAttestationAge uint32
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AttestationTooOld(uint64 issuedAt, uint256 blockTime, uint32 maxAttestationAge)
func AttestationRegistryAttestationTooOldErrorID() common.Hash {
	return common.HexToHash("0x1209f8cdf69c33e6f9752c5babdc649c6cfd8da8e5288915fd5124d7be1e668d")
}

// UnpackAttestationTooOldError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AttestationTooOld(uint64 issuedAt, uint256 blockTime, uint32 maxAttestationAge)
func (attestationRegistry *AttestationRegistry) UnpackAttestationTooOldError(raw []byte) (*AttestationRegistryAttestationTooOld, error) {
	out := new(AttestationRegistryAttestationTooOld)
	if err := attestationRegistry.abi.UnpackIntoInterface(out, "AttestationTooOld", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AttestationRegistryDuplicateRelayer represents a DuplicateRelayer error raised by the AttestationRegistry contract.
type AttestationRegistryDuplicateRelayer struct {
	Relayer common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error DuplicateRelayer(address relayer)
func AttestationRegistryDuplicateRelayerErrorID() common.Hash {
	return common.HexToHash("0xb17380a4ed4ee46fd3159463b7dffeeab73fbf2460675027036400ae095d7ea3")
}

// UnpackDuplicateRelayerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error DuplicateRelayer(address relayer)
func (attestationRegistry *AttestationRegistry) UnpackDuplicateRelayerError(raw []byte) (*AttestationRegistryDuplicateRelayer, error) {
	out := new(AttestationRegistryDuplicateRelayer)
	if err := attestationRegistry.abi.UnpackIntoInterface(out, "DuplicateRelayer", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AttestationRegistryDuplicateSigner represents a DuplicateSigner error raised by the AttestationRegistry contract.
type AttestationRegistryDuplicateSigner struct {
	Signer common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error DuplicateSigner(address signer)
func AttestationRegistryDuplicateSignerErrorID() common.Hash {
	return common.HexToHash("0xe021c4f2415a9d8c855bf74014e55359de4df1d596d9a3336e25c64ca04465d6")
}

// UnpackDuplicateSignerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error DuplicateSigner(address signer)
func (attestationRegistry *AttestationRegistry) UnpackDuplicateSignerError(raw []byte) (*AttestationRegistryDuplicateSigner, error) {
	out := new(AttestationRegistryDuplicateSigner)
	if err := attestationRegistry.abi.UnpackIntoInterface(out, "DuplicateSigner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AttestationRegistryExpiryBeyondCap represents a ExpiryBeyondCap error raised by the AttestationRegistry contract.
type AttestationRegistryExpiryBeyondCap struct {
	ExpiresAt uint64
	Cap       uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ExpiryBeyondCap(uint64 expiresAt, uint64 cap)
func AttestationRegistryExpiryBeyondCapErrorID() common.Hash {
	return common.HexToHash("0x5ec9fa38bbc44853563d1fe9561c7f565a6d486197f1e66f27f3f387cfcb4da5")
}

// UnpackExpiryBeyondCapError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ExpiryBeyondCap(uint64 expiresAt, uint64 cap)
func (attestationRegistry *AttestationRegistry) UnpackExpiryBeyondCapError(raw []byte) (*AttestationRegistryExpiryBeyondCap, error) {
	out := new(AttestationRegistryExpiryBeyondCap)
	if err := attestationRegistry.abi.UnpackIntoInterface(out, "ExpiryBeyondCap", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AttestationRegistryHighSSignature represents a HighSSignature error raised by the AttestationRegistry contract.
type AttestationRegistryHighSSignature struct {
	Index *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error HighSSignature(uint256 index)
func AttestationRegistryHighSSignatureErrorID() common.Hash {
	return common.HexToHash("0xaac664e35240a070a4a3440d74512f1dfb976e6cca1480140535f2d2eea07463")
}

// UnpackHighSSignatureError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error HighSSignature(uint256 index)
func (attestationRegistry *AttestationRegistry) UnpackHighSSignatureError(raw []byte) (*AttestationRegistryHighSSignature, error) {
	out := new(AttestationRegistryHighSSignature)
	if err := attestationRegistry.abi.UnpackIntoInterface(out, "HighSSignature", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AttestationRegistryInvalidExpiry represents a InvalidExpiry error raised by the AttestationRegistry contract.
type AttestationRegistryInvalidExpiry struct {
	IssuedAt  uint64
	ExpiresAt uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidExpiry(uint64 issuedAt, uint64 expiresAt)
func AttestationRegistryInvalidExpiryErrorID() common.Hash {
	return common.HexToHash("0xb3179af1e92a7cf6dc397f42d20a26a523c4d9c9a6e77b9e8e1ec98fe50c9614")
}

// UnpackInvalidExpiryError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidExpiry(uint64 issuedAt, uint64 expiresAt)
func (attestationRegistry *AttestationRegistry) UnpackInvalidExpiryError(raw []byte) (*AttestationRegistryInvalidExpiry, error) {
	out := new(AttestationRegistryInvalidExpiry)
	if err := attestationRegistry.abi.UnpackIntoInterface(out, "InvalidExpiry", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AttestationRegistryInvalidLimits represents a InvalidLimits error raised by the AttestationRegistry contract.
type AttestationRegistryInvalidLimits struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidLimits()
func AttestationRegistryInvalidLimitsErrorID() common.Hash {
	return common.HexToHash("0xe773e0a9ae121cd81ca04bd9aa3229df58d26b9322cf16184c8b97bd9cafe5b3")
}

// UnpackInvalidLimitsError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidLimits()
func (attestationRegistry *AttestationRegistry) UnpackInvalidLimitsError(raw []byte) (*AttestationRegistryInvalidLimits, error) {
	out := new(AttestationRegistryInvalidLimits)
	if err := attestationRegistry.abi.UnpackIntoInterface(out, "InvalidLimits", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AttestationRegistryInvalidRelayerSet represents a InvalidRelayerSet error raised by the AttestationRegistry contract.
type AttestationRegistryInvalidRelayerSet struct {
	Relayers  *big.Int
	Threshold uint8
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidRelayerSet(uint256 relayers, uint8 threshold)
func AttestationRegistryInvalidRelayerSetErrorID() common.Hash {
	return common.HexToHash("0xb05eca5ffb063e769ae15f5d2729bcdf736932215a76b93926de813bdc75ed6e")
}

// UnpackInvalidRelayerSetError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidRelayerSet(uint256 relayers, uint8 threshold)
func (attestationRegistry *AttestationRegistry) UnpackInvalidRelayerSetError(raw []byte) (*AttestationRegistryInvalidRelayerSet, error) {
	out := new(AttestationRegistryInvalidRelayerSet)
	if err := attestationRegistry.abi.UnpackIntoInterface(out, "InvalidRelayerSet", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AttestationRegistryInvalidShortString represents a InvalidShortString error raised by the AttestationRegistry contract.
type AttestationRegistryInvalidShortString struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidShortString()
func AttestationRegistryInvalidShortStringErrorID() common.Hash {
	return common.HexToHash("0xb3512b0c6163e5f0bafab72bb631b9d58cd7a731b082f910338aa21c83d5c274")
}

// UnpackInvalidShortStringError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidShortString()
func (attestationRegistry *AttestationRegistry) UnpackInvalidShortStringError(raw []byte) (*AttestationRegistryInvalidShortString, error) {
	out := new(AttestationRegistryInvalidShortString)
	if err := attestationRegistry.abi.UnpackIntoInterface(out, "InvalidShortString", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AttestationRegistryInvalidSignature represents a InvalidSignature error raised by the AttestationRegistry contract.
type AttestationRegistryInvalidSignature struct {
	Index *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidSignature(uint256 index)
func AttestationRegistryInvalidSignatureErrorID() common.Hash {
	return common.HexToHash("0x52bf9848f4f569cd5e845a26f8524878f8ac004dcaace7433d78683624c84a76")
}

// UnpackInvalidSignatureError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidSignature(uint256 index)
func (attestationRegistry *AttestationRegistry) UnpackInvalidSignatureError(raw []byte) (*AttestationRegistryInvalidSignature, error) {
	out := new(AttestationRegistryInvalidSignature)
	if err := attestationRegistry.abi.UnpackIntoInterface(out, "InvalidSignature", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AttestationRegistryInvalidTcbStatus represents a InvalidTcbStatus error raised by the AttestationRegistry contract.
type AttestationRegistryInvalidTcbStatus struct {
	TcbStatus uint8
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidTcbStatus(uint8 tcbStatus)
func AttestationRegistryInvalidTcbStatusErrorID() common.Hash {
	return common.HexToHash("0x98266cc9c454ec998fab8ca2cb08df8a031e0e65e46c0cdbdbc199b831e72152")
}

// UnpackInvalidTcbStatusError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidTcbStatus(uint8 tcbStatus)
func (attestationRegistry *AttestationRegistry) UnpackInvalidTcbStatusError(raw []byte) (*AttestationRegistryInvalidTcbStatus, error) {
	out := new(AttestationRegistryInvalidTcbStatus)
	if err := attestationRegistry.abi.UnpackIntoInterface(out, "InvalidTcbStatus", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AttestationRegistryInvalidTeeType represents a InvalidTeeType error raised by the AttestationRegistry contract.
type AttestationRegistryInvalidTeeType struct {
	TeeType uint8
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidTeeType(uint8 teeType)
func AttestationRegistryInvalidTeeTypeErrorID() common.Hash {
	return common.HexToHash("0x55f4b95e3f15869bfaa1766c71e31a1f9e890a28a895dbc06d82c77d4128092a")
}

// UnpackInvalidTeeTypeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidTeeType(uint8 teeType)
func (attestationRegistry *AttestationRegistry) UnpackInvalidTeeTypeError(raw []byte) (*AttestationRegistryInvalidTeeType, error) {
	out := new(AttestationRegistryInvalidTeeType)
	if err := attestationRegistry.abi.UnpackIntoInterface(out, "InvalidTeeType", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AttestationRegistryIssuedInFuture represents a IssuedInFuture error raised by the AttestationRegistry contract.
type AttestationRegistryIssuedInFuture struct {
	IssuedAt  uint64
	BlockTime *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error IssuedInFuture(uint64 issuedAt, uint256 blockTime)
func AttestationRegistryIssuedInFutureErrorID() common.Hash {
	return common.HexToHash("0xa744348c0174ea1f3b17965add9c11654672ea8e6414556f26c470d29d151033")
}

// UnpackIssuedInFutureError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error IssuedInFuture(uint64 issuedAt, uint256 blockTime)
func (attestationRegistry *AttestationRegistry) UnpackIssuedInFutureError(raw []byte) (*AttestationRegistryIssuedInFuture, error) {
	out := new(AttestationRegistryIssuedInFuture)
	if err := attestationRegistry.abi.UnpackIntoInterface(out, "IssuedInFuture", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AttestationRegistryLengthMismatch represents a LengthMismatch error raised by the AttestationRegistry contract.
type AttestationRegistryLengthMismatch struct {
	Attestations  *big.Int
	SignatureSets *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error LengthMismatch(uint256 attestations, uint256 signatureSets)
func AttestationRegistryLengthMismatchErrorID() common.Hash {
	return common.HexToHash("0xab8b67c6893c59617ef3ba4b4b942e9791f2572db2fdb32028356532f3b7396a")
}

// UnpackLengthMismatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error LengthMismatch(uint256 attestations, uint256 signatureSets)
func (attestationRegistry *AttestationRegistry) UnpackLengthMismatchError(raw []byte) (*AttestationRegistryLengthMismatch, error) {
	out := new(AttestationRegistryLengthMismatch)
	if err := attestationRegistry.abi.UnpackIntoInterface(out, "LengthMismatch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AttestationRegistryMalformedAttestation represents a MalformedAttestation error raised by the AttestationRegistry contract.
type AttestationRegistryMalformedAttestation struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error MalformedAttestation()
func AttestationRegistryMalformedAttestationErrorID() common.Hash {
	return common.HexToHash("0xe13ced0b3d2df7d603e1bf7f34d139799b5d71a26b8da2588f09491b3635f527")
}

// UnpackMalformedAttestationError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error MalformedAttestation()
func (attestationRegistry *AttestationRegistry) UnpackMalformedAttestationError(raw []byte) (*AttestationRegistryMalformedAttestation, error) {
	out := new(AttestationRegistryMalformedAttestation)
	if err := attestationRegistry.abi.UnpackIntoInterface(out, "MalformedAttestation", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AttestationRegistryMeasurementIdsExhausted represents a MeasurementIdsExhausted error raised by the AttestationRegistry contract.
type AttestationRegistryMeasurementIdsExhausted struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error MeasurementIdsExhausted()
func AttestationRegistryMeasurementIdsExhaustedErrorID() common.Hash {
	return common.HexToHash("0x12836acc8c05d9aae47748979309d4ee2606b729814f0bf80cfb2a3b5cff257e")
}

// UnpackMeasurementIdsExhaustedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error MeasurementIdsExhausted()
func (attestationRegistry *AttestationRegistry) UnpackMeasurementIdsExhaustedError(raw []byte) (*AttestationRegistryMeasurementIdsExhausted, error) {
	out := new(AttestationRegistryMeasurementIdsExhausted)
	if err := attestationRegistry.abi.UnpackIntoInterface(out, "MeasurementIdsExhausted", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AttestationRegistryMeasurementNotAllowed represents a MeasurementNotAllowed error raised by the AttestationRegistry contract.
type AttestationRegistryMeasurementNotAllowed struct {
	MeasurementHash [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error MeasurementNotAllowed(bytes32 measurementHash)
func AttestationRegistryMeasurementNotAllowedErrorID() common.Hash {
	return common.HexToHash("0x9bdbf576effa9578e0d2824c76ebb757a228f9d18398d4c5e67c2a83f4398936")
}

// UnpackMeasurementNotAllowedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error MeasurementNotAllowed(bytes32 measurementHash)
func (attestationRegistry *AttestationRegistry) UnpackMeasurementNotAllowedError(raw []byte) (*AttestationRegistryMeasurementNotAllowed, error) {
	out := new(AttestationRegistryMeasurementNotAllowed)
	if err := attestationRegistry.abi.UnpackIntoInterface(out, "MeasurementNotAllowed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AttestationRegistryMeasurementSunsetPassed represents a MeasurementSunsetPassed error raised by the AttestationRegistry contract.
type AttestationRegistryMeasurementSunsetPassed struct {
	MeasurementHash [32]byte
	SunsetAt        uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error MeasurementSunsetPassed(bytes32 measurementHash, uint64 sunsetAt)
func AttestationRegistryMeasurementSunsetPassedErrorID() common.Hash {
	return common.HexToHash("0x29d9cb0d7f82947ed98e4d36b291b9b44c00bcf1e2e399b5fb2328a7ed69ebfd")
}

// UnpackMeasurementSunsetPassedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error MeasurementSunsetPassed(bytes32 measurementHash, uint64 sunsetAt)
func (attestationRegistry *AttestationRegistry) UnpackMeasurementSunsetPassedError(raw []byte) (*AttestationRegistryMeasurementSunsetPassed, error) {
	out := new(AttestationRegistryMeasurementSunsetPassed)
	if err := attestationRegistry.abi.UnpackIntoInterface(out, "MeasurementSunsetPassed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AttestationRegistryMeasurementTeeTypeMismatch represents a MeasurementTeeTypeMismatch error raised by the AttestationRegistry contract.
type AttestationRegistryMeasurementTeeTypeMismatch struct {
	MeasurementHash [32]byte
	AllowedTeeType  uint8
	TeeType         uint8
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error MeasurementTeeTypeMismatch(bytes32 measurementHash, uint8 allowedTeeType, uint8 teeType)
func AttestationRegistryMeasurementTeeTypeMismatchErrorID() common.Hash {
	return common.HexToHash("0xdee06ecf6ba02a54bdb784cfce5bba7372ff72aa085affd13d3e8992a2dbdb9f")
}

// UnpackMeasurementTeeTypeMismatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error MeasurementTeeTypeMismatch(bytes32 measurementHash, uint8 allowedTeeType, uint8 teeType)
func (attestationRegistry *AttestationRegistry) UnpackMeasurementTeeTypeMismatchError(raw []byte) (*AttestationRegistryMeasurementTeeTypeMismatch, error) {
	out := new(AttestationRegistryMeasurementTeeTypeMismatch)
	if err := attestationRegistry.abi.UnpackIntoInterface(out, "MeasurementTeeTypeMismatch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AttestationRegistryNonceMismatch represents a NonceMismatch error raised by the AttestationRegistry contract.
type AttestationRegistryNonceMismatch struct {
	Nonce        [32]byte
	PendingNonce [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NonceMismatch(bytes32 nonce, bytes32 pendingNonce)
func AttestationRegistryNonceMismatchErrorID() common.Hash {
	return common.HexToHash("0xc256c19a5219783a3c912f009332c1370bc67151767931c93b4c738fec2f88b1")
}

// UnpackNonceMismatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NonceMismatch(bytes32 nonce, bytes32 pendingNonce)
func (attestationRegistry *AttestationRegistry) UnpackNonceMismatchError(raw []byte) (*AttestationRegistryNonceMismatch, error) {
	out := new(AttestationRegistryNonceMismatch)
	if err := attestationRegistry.abi.UnpackIntoInterface(out, "NonceMismatch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AttestationRegistryNotAttestedSubject represents a NotAttestedSubject error raised by the AttestationRegistry contract.
type AttestationRegistryNotAttestedSubject struct {
	Subject common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotAttestedSubject(address subject)
func AttestationRegistryNotAttestedSubjectErrorID() common.Hash {
	return common.HexToHash("0x3611c37c63bb729e3d47b374837e056c86cadb5d3f6da5c5ddb7fecc9b9d0927")
}

// UnpackNotAttestedSubjectError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotAttestedSubject(address subject)
func (attestationRegistry *AttestationRegistry) UnpackNotAttestedSubjectError(raw []byte) (*AttestationRegistryNotAttestedSubject, error) {
	out := new(AttestationRegistryNotAttestedSubject)
	if err := attestationRegistry.abi.UnpackIntoInterface(out, "NotAttestedSubject", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AttestationRegistryNotRequester represents a NotRequester error raised by the AttestationRegistry contract.
type AttestationRegistryNotRequester struct {
	Caller common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotRequester(address caller)
func AttestationRegistryNotRequesterErrorID() common.Hash {
	return common.HexToHash("0xe7f1421f72442396b7cd8fc54e89f513ecab56880dea9d325bcffa8ae531bd9e")
}

// UnpackNotRequesterError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotRequester(address caller)
func (attestationRegistry *AttestationRegistry) UnpackNotRequesterError(raw []byte) (*AttestationRegistryNotRequester, error) {
	out := new(AttestationRegistryNotRequester)
	if err := attestationRegistry.abi.UnpackIntoInterface(out, "NotRequester", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AttestationRegistryRequestCooldown represents a RequestCooldown error raised by the AttestationRegistry contract.
type AttestationRegistryRequestCooldown struct {
	Subject     common.Address
	AvailableAt uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RequestCooldown(address subject, uint64 availableAt)
func AttestationRegistryRequestCooldownErrorID() common.Hash {
	return common.HexToHash("0x6e4da0ef49ed41ca2b280c2777fe61a03d836c376e24262c5025bd517bcdee38")
}

// UnpackRequestCooldownError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RequestCooldown(address subject, uint64 availableAt)
func (attestationRegistry *AttestationRegistry) UnpackRequestCooldownError(raw []byte) (*AttestationRegistryRequestCooldown, error) {
	out := new(AttestationRegistryRequestCooldown)
	if err := attestationRegistry.abi.UnpackIntoInterface(out, "RequestCooldown", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AttestationRegistryRequestPending represents a RequestPending error raised by the AttestationRegistry contract.
type AttestationRegistryRequestPending struct {
	Subject  common.Address
	Deadline uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RequestPending(address subject, uint64 deadline)
func AttestationRegistryRequestPendingErrorID() common.Hash {
	return common.HexToHash("0xfd6d873192ff736beded4e94f9c86fce3413961b5009837899421fa1879ffccb")
}

// UnpackRequestPendingError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RequestPending(address subject, uint64 deadline)
func (attestationRegistry *AttestationRegistry) UnpackRequestPendingError(raw []byte) (*AttestationRegistryRequestPending, error) {
	out := new(AttestationRegistryRequestPending)
	if err := attestationRegistry.abi.UnpackIntoInterface(out, "RequestPending", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AttestationRegistryStaleAttestation represents a StaleAttestation error raised by the AttestationRegistry contract.
type AttestationRegistryStaleAttestation struct {
	IssuedAt        uint64
	CurrentIssuedAt uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error StaleAttestation(uint64 issuedAt, uint64 currentIssuedAt)
func AttestationRegistryStaleAttestationErrorID() common.Hash {
	return common.HexToHash("0x348ad5250b2eb772feeca604eac5e492198bed460bb8f9fe6497869e3223ca47")
}

// UnpackStaleAttestationError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error StaleAttestation(uint64 issuedAt, uint64 currentIssuedAt)
func (attestationRegistry *AttestationRegistry) UnpackStaleAttestationError(raw []byte) (*AttestationRegistryStaleAttestation, error) {
	out := new(AttestationRegistryStaleAttestation)
	if err := attestationRegistry.abi.UnpackIntoInterface(out, "StaleAttestation", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AttestationRegistryStringTooLong represents a StringTooLong error raised by the AttestationRegistry contract.
type AttestationRegistryStringTooLong struct {
	Str string
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error StringTooLong(string str)
func AttestationRegistryStringTooLongErrorID() common.Hash {
	return common.HexToHash("0x305a27a93f8e33b7392df0a0f91d6fc63847395853c45991eec52dbf24d72381")
}

// UnpackStringTooLongError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error StringTooLong(string str)
func (attestationRegistry *AttestationRegistry) UnpackStringTooLongError(raw []byte) (*AttestationRegistryStringTooLong, error) {
	out := new(AttestationRegistryStringTooLong)
	if err := attestationRegistry.abi.UnpackIntoInterface(out, "StringTooLong", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AttestationRegistrySubjectRevoked represents a SubjectRevoked error raised by the AttestationRegistry contract.
type AttestationRegistrySubjectRevoked struct {
	Subject common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SubjectRevoked(address subject)
func AttestationRegistrySubjectRevokedErrorID() common.Hash {
	return common.HexToHash("0xc6b9a89beb70964a9d56bda223e4f68d265f1e75ae42ab0eabec2bb8b65b2fe5")
}

// UnpackSubjectRevokedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SubjectRevoked(address subject)
func (attestationRegistry *AttestationRegistry) UnpackSubjectRevokedError(raw []byte) (*AttestationRegistrySubjectRevoked, error) {
	out := new(AttestationRegistrySubjectRevoked)
	if err := attestationRegistry.abi.UnpackIntoInterface(out, "SubjectRevoked", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AttestationRegistrySunsetOutOfRange represents a SunsetOutOfRange error raised by the AttestationRegistry contract.
type AttestationRegistrySunsetOutOfRange struct {
	SunsetAt uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SunsetOutOfRange(uint64 sunsetAt)
func AttestationRegistrySunsetOutOfRangeErrorID() common.Hash {
	return common.HexToHash("0xcf125d508a9b5af40f5bf2b693cc5ebc8780be1acb15e5cc46f4fd5fc0746072")
}

// UnpackSunsetOutOfRangeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SunsetOutOfRange(uint64 sunsetAt)
func (attestationRegistry *AttestationRegistry) UnpackSunsetOutOfRangeError(raw []byte) (*AttestationRegistrySunsetOutOfRange, error) {
	out := new(AttestationRegistrySunsetOutOfRange)
	if err := attestationRegistry.abi.UnpackIntoInterface(out, "SunsetOutOfRange", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AttestationRegistryTcbStatusBelowMinimum represents a TcbStatusBelowMinimum error raised by the AttestationRegistry contract.
type AttestationRegistryTcbStatusBelowMinimum struct {
	TcbStatus uint8
	Minimum   uint8
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error TcbStatusBelowMinimum(uint8 tcbStatus, uint8 minimum)
func AttestationRegistryTcbStatusBelowMinimumErrorID() common.Hash {
	return common.HexToHash("0x9248ece92611d5e4941371c0579e8adf3ba1eb1979c9962a8c4fadfa51d6fefd")
}

// UnpackTcbStatusBelowMinimumError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error TcbStatusBelowMinimum(uint8 tcbStatus, uint8 minimum)
func (attestationRegistry *AttestationRegistry) UnpackTcbStatusBelowMinimumError(raw []byte) (*AttestationRegistryTcbStatusBelowMinimum, error) {
	out := new(AttestationRegistryTcbStatusBelowMinimum)
	if err := attestationRegistry.abi.UnpackIntoInterface(out, "TcbStatusBelowMinimum", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AttestationRegistryTooFewSignatures represents a TooFewSignatures error raised by the AttestationRegistry contract.
type AttestationRegistryTooFewSignatures struct {
	Valid     *big.Int
	Threshold uint8
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error TooFewSignatures(uint256 valid, uint8 threshold)
func AttestationRegistryTooFewSignaturesErrorID() common.Hash {
	return common.HexToHash("0xafe90aa2bb618d53f6d34414e0cb669478e387bb8b204f1cd150572781c084bb")
}

// UnpackTooFewSignaturesError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error TooFewSignatures(uint256 valid, uint8 threshold)
func (attestationRegistry *AttestationRegistry) UnpackTooFewSignaturesError(raw []byte) (*AttestationRegistryTooFewSignatures, error) {
	out := new(AttestationRegistryTooFewSignatures)
	if err := attestationRegistry.abi.UnpackIntoInterface(out, "TooFewSignatures", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AttestationRegistryUnauthorizedSigner represents a UnauthorizedSigner error raised by the AttestationRegistry contract.
type AttestationRegistryUnauthorizedSigner struct {
	Signer common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UnauthorizedSigner(address signer)
func AttestationRegistryUnauthorizedSignerErrorID() common.Hash {
	return common.HexToHash("0xe74c68bb993e73919e866390e0cc22a439201221161fb990df5107b6ba4cfc3a")
}

// UnpackUnauthorizedSignerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UnauthorizedSigner(address signer)
func (attestationRegistry *AttestationRegistry) UnpackUnauthorizedSignerError(raw []byte) (*AttestationRegistryUnauthorizedSigner, error) {
	out := new(AttestationRegistryUnauthorizedSigner)
	if err := attestationRegistry.abi.UnpackIntoInterface(out, "UnauthorizedSigner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AttestationRegistryZeroRelayer represents a ZeroRelayer error raised by the AttestationRegistry contract.
type AttestationRegistryZeroRelayer struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroRelayer()
func AttestationRegistryZeroRelayerErrorID() common.Hash {
	return common.HexToHash("0x9d799ba3e28364d5f80f8ee1031162c0da8bb6b659646f70216862571d915901")
}

// UnpackZeroRelayerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroRelayer()
func (attestationRegistry *AttestationRegistry) UnpackZeroRelayerError(raw []byte) (*AttestationRegistryZeroRelayer, error) {
	out := new(AttestationRegistryZeroRelayer)
	if err := attestationRegistry.abi.UnpackIntoInterface(out, "ZeroRelayer", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AttestationRegistryZeroSubject represents a ZeroSubject error raised by the AttestationRegistry contract.
type AttestationRegistryZeroSubject struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroSubject()
func AttestationRegistryZeroSubjectErrorID() common.Hash {
	return common.HexToHash("0x8782a30736fc3516e88eb3dbb2b5fb043e2316fd6bb31ece74cd613512fb4520")
}

// UnpackZeroSubjectError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroSubject()
func (attestationRegistry *AttestationRegistry) UnpackZeroSubjectError(raw []byte) (*AttestationRegistryZeroSubject, error) {
	out := new(AttestationRegistryZeroSubject)
	if err := attestationRegistry.abi.UnpackIntoInterface(out, "ZeroSubject", raw); err != nil {
		return nil, err
	}
	return out, nil
}
