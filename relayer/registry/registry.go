// Package registry is the Go client of the AttestationRegistry contract: deployment, the
// governance and posting calls, consumer views, and decoding of the contract's custom errors
// into readable reasons. It works against any bind.ContractBackend: a JSON-RPC node or the
// simulated backend.
package registry

import (
	"context"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/teeoracle/teeoracle/bindings"
	"github.com/teeoracle/teeoracle/protocol"
)

// Backend is what the client needs from a node.
type Backend interface {
	bind.ContractBackend
	bind.DeployBackend
	ChainID(ctx context.Context) (*big.Int, error)
}

// Limits are the registry's freshness and validity limits, in seconds.
type Limits struct {
	MaxAttestationAge uint32 // how old issuedAt may be when posted
	MaxValidity       uint32 // cap on expiresAt - issuedAt
	ResponseWindow    uint32 // time a subject has to answer a re-attestation request
	Cooldown          uint32 // minimum time between requests for one subject
}

// DefaultLimits suit a production deployment: a quote must be posted within 10 minutes, an
// attestation lives at most a day, a request is answered within 10 minutes, at most one
// request per subject per hour.
var DefaultLimits = Limits{MaxAttestationAge: 600, MaxValidity: 86400, ResponseWindow: 600, Cooldown: 3600}

// DeployParams configure a new registry.
type DeployParams struct {
	Admin     common.Address // DEFAULT_ADMIN_ROLE and GOVERNOR_ROLE
	Relayers  []common.Address
	Threshold uint8
	Limits    Limits
}

var abiRegistry = bindings.NewAttestationRegistry()

// ABI returns the registry binding (ABI packing and unpacking).
func ABI() *bindings.AttestationRegistry { return abiRegistry }

// Deploy sends the deployment transaction and returns the future address and the transaction.
func Deploy(opts *bind.TransactOpts, backend bind.ContractBackend, p DeployParams) (common.Address, *types.Transaction, error) {
	input := abiRegistry.PackConstructor(p.Admin, p.Relayers, p.Threshold,
		p.Limits.MaxAttestationAge, p.Limits.MaxValidity, p.Limits.ResponseWindow, p.Limits.Cooldown)
	addr, tx, err := bind.DeployContract(opts, common.FromHex(bindings.AttestationRegistryMetaData.Bin), backend, input)
	if err != nil {
		return common.Address{}, nil, fmt.Errorf("deploy AttestationRegistry: %w", Decode(err))
	}
	return addr, tx, nil
}

// Client talks to one deployed registry.
type Client struct {
	Address  common.Address
	backend  Backend
	contract *bind.BoundContract
}

// New returns a client for the registry at addr.
func New(backend Backend, addr common.Address) *Client {
	return &Client{Address: addr, backend: backend, contract: abiRegistry.Instance(backend, addr)}
}

// Domain returns the EIP-712 domain of this registry on the backend's chain.
func (c *Client) Domain(ctx context.Context) (protocol.Domain, error) {
	id, err := c.backend.ChainID(ctx)
	if err != nil {
		return protocol.Domain{}, fmt.Errorf("read chain id: %w", err)
	}
	return protocol.Domain{ChainID: id.Uint64(), Registry: c.Address}, nil
}

// ToBinding converts a protocol attestation to the contract's struct.
func ToBinding(a *protocol.Attestation) bindings.IAttestationRegistryAttestation {
	return bindings.IAttestationRegistryAttestation{
		Subject: a.Subject, TeeType: uint8(a.TEEType), MeasurementHash: a.MeasurementHash,
		TcbStatus: uint8(a.TCBStatus), IssuedAt: a.IssuedAt, ExpiresAt: a.ExpiresAt,
		Nonce: a.Nonce, QuoteHash: a.QuoteHash, AppData: a.AppData,
	}
}

// PackAttest returns the calldata of attest(a, sigs).
func PackAttest(a *protocol.Attestation, sigs [][]byte) []byte {
	return abiRegistry.PackAttest(ToBinding(a), sigs)
}

// PackAttestBatch returns the calldata of attestBatch(as, sigs).
func PackAttestBatch(as []*protocol.Attestation, sigs [][][]byte) []byte {
	items := make([]bindings.IAttestationRegistryAttestation, len(as))
	for i, a := range as {
		items[i] = ToBinding(a)
	}
	return abiRegistry.PackAttestBatch(items, sigs)
}

// Transact sends calldata to the registry; reverts come back decoded.
func (c *Client) Transact(opts *bind.TransactOpts, data []byte) (*types.Transaction, error) {
	tx, err := bind.Transact(c.contract, opts, data)
	if err != nil {
		return nil, Decode(err)
	}
	return tx, nil
}

// Attest posts one signed attestation.
func (c *Client) Attest(opts *bind.TransactOpts, a *protocol.Attestation, sigs [][]byte) (*types.Transaction, error) {
	return c.Transact(opts, PackAttest(a, sigs))
}

// AttestBatch posts several signed attestations; failures are reported per item on chain.
func (c *Client) AttestBatch(opts *bind.TransactOpts, as []*protocol.Attestation, sigs [][][]byte) (*types.Transaction, error) {
	return c.Transact(opts, PackAttestBatch(as, sigs))
}

// AllowMeasurement allowlists a measurement hash for a TEE type.
func (c *Client) AllowMeasurement(opts *bind.TransactOpts, h common.Hash, tee protocol.TEEType) (*types.Transaction, error) {
	return c.Transact(opts, abiRegistry.PackAllowMeasurement(h, uint8(tee)))
}

// RevokeMeasurement removes a measurement hash from the allowlist at once.
func (c *Client) RevokeMeasurement(opts *bind.TransactOpts, h common.Hash) (*types.Transaction, error) {
	return c.Transact(opts, abiRegistry.PackRevokeMeasurement(h))
}

// SunsetMeasurement retires a measurement hash at the given unix time.
func (c *Client) SunsetMeasurement(opts *bind.TransactOpts, h common.Hash, at uint64) (*types.Transaction, error) {
	return c.Transact(opts, abiRegistry.PackSunsetMeasurement(h, at))
}

// Revoke revokes a subject for good.
func (c *Client) Revoke(opts *bind.TransactOpts, subject common.Address) (*types.Transaction, error) {
	return c.Transact(opts, abiRegistry.PackRevoke(subject))
}

// RequestReattestation asks relayers for fresh evidence from subject.
func (c *Client) RequestReattestation(opts *bind.TransactOpts, subject common.Address) (*types.Transaction, error) {
	return c.Transact(opts, abiRegistry.PackRequestReattestation(subject))
}

// SetMinTcbStatus sets the minimum TCB status for a TEE type.
func (c *Client) SetMinTcbStatus(opts *bind.TransactOpts, tee protocol.TEEType, s protocol.TCBStatus) (*types.Transaction, error) {
	return c.Transact(opts, abiRegistry.PackSetMinTcbStatus(uint8(tee), uint8(s)))
}

// SetLimits sets the registry's limits.
func (c *Client) SetLimits(opts *bind.TransactOpts, l Limits) (*types.Transaction, error) {
	return c.Transact(opts, abiRegistry.PackSetLimits(l.MaxAttestationAge, l.MaxValidity, l.ResponseWindow, l.Cooldown))
}

// SetRelayers replaces the relayer set.
func (c *Client) SetRelayers(opts *bind.TransactOpts, relayers []common.Address, threshold uint8) (*types.Transaction, error) {
	return c.Transact(opts, abiRegistry.PackSetRelayers(relayers, threshold))
}

// Roles are the registry's AccessControl roles by the names the CLI uses.
var Roles = map[string]common.Hash{
	"admin":     {}, // DEFAULT_ADMIN_ROLE: grants and revokes every role
	"governor":  crypto.Keccak256Hash([]byte("teeoracle.role.governor")),
	"requester": crypto.Keccak256Hash([]byte("teeoracle.role.requester")),
}

// GrantRole grants role to account (the sender needs the role's admin role).
func (c *Client) GrantRole(opts *bind.TransactOpts, role common.Hash, account common.Address) (*types.Transaction, error) {
	return c.Transact(opts, abiRegistry.PackGrantRole(role, account))
}

// RevokeRole revokes role from account.
func (c *Client) RevokeRole(opts *bind.TransactOpts, role common.Hash, account common.Address) (*types.Transaction, error) {
	return c.Transact(opts, abiRegistry.PackRevokeRole(role, account))
}

// HasRole reports whether account holds role.
func (c *Client) HasRole(ctx context.Context, role common.Hash, account common.Address) (bool, error) {
	return call(ctx, c, abiRegistry.PackHasRole(role, account), abiRegistry.UnpackHasRole)
}

func call[T any](ctx context.Context, c *Client, data []byte, unpack func([]byte) (T, error)) (T, error) {
	v, err := bind.Call(c.contract, &bind.CallOpts{Context: ctx}, data, unpack)
	if err != nil {
		return v, Decode(err)
	}
	return v, nil
}

// IsAttested is the consumer view.
func (c *Client) IsAttested(ctx context.Context, subject common.Address) (bool, error) {
	return call(ctx, c, abiRegistry.PackIsAttested(subject), abiRegistry.UnpackIsAttested)
}

// IsAttestedFor is the consumer view pinned to a measurement.
func (c *Client) IsAttestedFor(ctx context.Context, subject common.Address, h common.Hash) (bool, error) {
	return call(ctx, c, abiRegistry.PackIsAttestedFor(subject, h), abiRegistry.UnpackIsAttestedFor)
}

// AttestationOf returns the subject's record.
func (c *Client) AttestationOf(ctx context.Context, subject common.Address) (bindings.IAttestationRegistryAttestationRecord, error) {
	return call(ctx, c, abiRegistry.PackAttestationOf(subject), abiRegistry.UnpackAttestationOf)
}

// HashAttestation asks the contract for the digest it expects relayers to sign.
func (c *Client) HashAttestation(ctx context.Context, a *protocol.Attestation) (common.Hash, error) {
	h, err := call(ctx, c, abiRegistry.PackHashAttestation(ToBinding(a)), abiRegistry.UnpackHashAttestation)
	return common.Hash(h), err
}

// RelayerSet returns the authorized relayers and the threshold.
func (c *Client) RelayerSet(ctx context.Context) ([]common.Address, uint8, error) {
	out, err := call(ctx, c, abiRegistry.PackRelayerSet(), abiRegistry.UnpackRelayerSet)
	return out.Relayers, out.Threshold, err
}

// Limits returns the registry's limits.
func (c *Client) Limits(ctx context.Context) (Limits, error) {
	out, err := call(ctx, c, abiRegistry.PackLimits(), abiRegistry.UnpackLimits)
	return Limits{out.MaxAttestationAge, out.MaxValidity, out.ResponseWindow, out.Cooldown}, err
}

// MeasurementOf returns a measurement's allowlist entry.
func (c *Client) MeasurementOf(ctx context.Context, h common.Hash) (bindings.MeasurementOfOutput, error) {
	return call(ctx, c, abiRegistry.PackMeasurementOf(h), abiRegistry.UnpackMeasurementOf)
}

// MinTcbStatus returns the minimum TCB status for a TEE type.
func (c *Client) MinTcbStatus(ctx context.Context, tee protocol.TEEType) (protocol.TCBStatus, error) {
	s, err := call(ctx, c, abiRegistry.PackMinTcbStatus(uint8(tee)), abiRegistry.UnpackMinTcbStatus)
	return protocol.TCBStatus(s), err
}

// HasCode reports whether a contract is deployed at the client's address.
func (c *Client) HasCode(ctx context.Context) (bool, error) {
	code, err := c.backend.CodeAt(ctx, c.Address, nil)
	return len(code) > 0, err
}

// Wait waits for tx to be mined and fails if it reverted, with the decoded reason when the
// node can replay it.
func (c *Client) Wait(ctx context.Context, tx *types.Transaction) (*types.Receipt, error) {
	rcpt, err := bind.WaitMined(ctx, c.backend, tx.Hash())
	if err != nil {
		return nil, fmt.Errorf("wait for %s: %w", tx.Hash().Hex(), err)
	}
	if rcpt.Status == types.ReceiptStatusSuccessful {
		return rcpt, nil
	}
	// Replay the call at the block before to learn why it reverted.
	msg := ethereum.CallMsg{To: tx.To(), Data: tx.Data(), Gas: tx.Gas(), Value: tx.Value()}
	if signer := types.LatestSignerForChainID(tx.ChainId()); signer != nil {
		if from, serr := types.Sender(signer, tx); serr == nil {
			msg.From = from
		}
	}
	prev := new(big.Int).Sub(rcpt.BlockNumber, big.NewInt(1))
	if _, cerr := c.backend.CallContract(ctx, msg, prev); cerr != nil {
		return rcpt, fmt.Errorf("transaction %s reverted: %w", tx.Hash().Hex(), Decode(cerr))
	}
	return rcpt, fmt.Errorf("transaction %s reverted", tx.Hash().Hex())
}

// ErrNoCode is returned when the registry address holds no contract.
var ErrNoCode = errors.New("no contract code at the registry address")
