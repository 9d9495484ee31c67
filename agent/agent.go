// Package agent is the in-TEE half of teeoracle: it holds the workload's subject key, asks
// the TEE for evidence whose report_data binds that key to a chain, a registry and a nonce
// (docs/protocol.md section 3), serves that evidence over HTTP (section 8), and signs the
// workload's own messages with the subject key.
//
// It is a library first: a Go sequencer links it and calls Evidence and SignDigest directly;
// `teeoracle agent` is the same Agent behind Handler as a sidecar.
//
// The TEE is reached through a Provider. Providers live in subpackages so that an embedder
// links only the one it needs: agent/sevsnp (go-sev-guest), agent/tdx (go-tdx-guest) and
// agent/simulated (the verifier's TEST ONLY attesters, refused without an explicit opt-in).
package agent

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/teeoracle/teeoracle/protocol"
	"github.com/teeoracle/teeoracle/verifier"
)

// Provider is a TEE that produces evidence over caller-chosen report_data.
//
// Attest returns the raw report or quote exactly as the TEE produced it (its keccak256 is
// the on-chain quote hash) and, for SEV-SNP, the extended-report certificate table (nil if
// the host serves none). Implementations must return evidence over exactly reportData or an
// error. The Agent never calls Attest concurrently, since TEE guest devices are serial
// resources, but it may give up waiting on ctx before Attest returns.
type Provider interface {
	TEE() verifier.TEEType
	Attest(ctx context.Context, reportData [64]byte) (quote, certs []byte, err error)
}

// Errors an Agent returns, to be matched with errors.Is. The HTTP handler maps them to
// 400, 403 and 503; an embedder decides for itself.
var (
	// ErrInvalidRequest: a parameter is malformed or out of range (chain id 0, zero registry).
	ErrInvalidRequest = errors.New("invalid request")
	// ErrNotAllowed: the chain or registry is outside the agent's allow lists.
	ErrNotAllowed = errors.New("not allowed")
	// ErrUnavailable: the TEE did not produce evidence (device error, busy, timed out).
	ErrUnavailable = errors.New("TEE unavailable")
)

// Defaults for Options.
const (
	DefaultAttestTimeout = 30 * time.Second
	DefaultMaxWaiting    = 16
)

// Options configures New. Only Provider is required.
type Options struct {
	Provider Provider
	// Key is the subject key. Nil means generate a fresh secp256k1 key inside the TEE, which
	// is the point: a key that never existed outside the TEE is what the quote vouches for.
	// Pass one only to keep a key across restarts (for example one unsealed by the caller).
	Key *ecdsa.PrivateKey
	// SealPath, if set, keeps the subject key across restarts: the key is sealed there with a
	// secret only this guest image on this machine can derive (the Provider must implement
	// Sealer), and unsealed on the next start. Exclusive with Key.
	SealPath string
	// AppData supplies report_data[32:64] for each piece of evidence, for example the hash
	// of a second key the workload wants bound to its subject. Nil means zero.
	AppData func() common.Hash
	// AllowedChains and AllowedRegistries, when non-empty, are the only chain ids and
	// registries the agent binds evidence to. A compromised or confused relayer cannot
	// then obtain evidence bound to some other deployment.
	AllowedChains     []uint64
	AllowedRegistries []common.Address
	// AttestTimeout bounds one call for evidence, including waiting for the device
	// (zero means DefaultAttestTimeout).
	AttestTimeout time.Duration
	// MaxWaiting bounds how many calls may queue for the device before further calls fail
	// fast with ErrUnavailable (zero means DefaultMaxWaiting).
	MaxWaiting int
	// PublicURL is the base URL relayers reach this agent at (http://host:port, no path
	// beyond where Handler is mounted). Evidence served over HTTP then carries the subject
	// key's signature claiming it (protocol.AgentURLDigest), which relayers require before
	// recording the URL for re-attestation requests. Empty: no claim, and relayers will not
	// record this agent's URL.
	PublicURL string
}

// Agent holds the subject key and serializes access to the TEE. It is safe for concurrent
// use. The private key has no accessor: it leaves the Agent only as signatures.
type Agent struct {
	provider      Provider
	key           *ecdsa.PrivateKey
	subject       common.Address
	appData       func() common.Hash
	chains        []uint64
	registries    []common.Address
	attestTimeout time.Duration
	publicURL     string

	// device is a one-slot semaphore held for the whole of a Provider.Attest call, even one
	// whose caller has given up: the next call must not reach the device before it is free.
	device chan struct{}
	// waiting is a semaphore bounding callers queued for device.
	waiting chan struct{}
}

// New builds an Agent, generating the subject key unless opts.Key is set.
func New(opts Options) (*Agent, error) {
	if opts.Provider == nil {
		return nil, errors.New("agent: no TEE provider; want agent/sevsnp, agent/tdx or agent/simulated")
	}
	switch tee := opts.Provider.TEE(); tee {
	case verifier.TEESEVSNP, verifier.TEETDX:
	default:
		return nil, fmt.Errorf("agent: provider reports TEE %s, want sev-snp or tdx", tee)
	}
	key := opts.Key
	switch {
	case key != nil && opts.SealPath != "":
		return nil, errors.New("agent: both Key and SealPath given, want one")
	case key != nil:
		if key.Curve != crypto.S256() {
			return nil, errors.New("agent: subject key is not a secp256k1 key; the registry recovers secp256k1 signatures only")
		}
	case opts.SealPath != "":
		s, ok := opts.Provider.(Sealer)
		if !ok {
			return nil, fmt.Errorf("agent: the %s provider cannot seal (it has no TEE-derived sealing key), so SealPath is unavailable", opts.Provider.TEE())
		}
		var err error
		if key, _, err = loadOrCreateSealedKey(opts.SealPath, s); err != nil {
			return nil, fmt.Errorf("agent: %w", err)
		}
	default:
		var err error
		if key, err = crypto.GenerateKey(); err != nil {
			return nil, fmt.Errorf("agent: generating the subject key: %w", err)
		}
	}
	publicURL := strings.TrimRight(opts.PublicURL, "/")
	if publicURL != "" {
		u, err := url.Parse(publicURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
			return nil, fmt.Errorf("agent: PublicURL %q is not an http(s) base URL (scheme://host[:port][/path], no query or credentials)", opts.PublicURL)
		}
	}
	for _, c := range opts.AllowedChains {
		if c == 0 {
			return nil, errors.New("agent: AllowedChains contains chain id 0, want ids > 0")
		}
	}
	a := &Agent{
		provider:      opts.Provider,
		key:           key,
		subject:       crypto.PubkeyToAddress(key.PublicKey),
		appData:       opts.AppData,
		chains:        slices.Clone(opts.AllowedChains),
		registries:    slices.Clone(opts.AllowedRegistries),
		attestTimeout: opts.AttestTimeout,
		publicURL:     publicURL,
		device:        make(chan struct{}, 1),
	}
	if a.attestTimeout <= 0 {
		a.attestTimeout = DefaultAttestTimeout
	}
	maxWaiting := opts.MaxWaiting
	if maxWaiting <= 0 {
		maxWaiting = DefaultMaxWaiting
	}
	a.waiting = make(chan struct{}, maxWaiting)
	return a, nil
}

// Subject is the address of the subject key: what the registry records as attested.
func (a *Agent) Subject() common.Address { return a.subject }

// TEE is the provider's TEE type.
func (a *Agent) TEE() verifier.TEEType { return a.provider.TEE() }

// CheckTarget reports whether evidence may be bound to chainID and registry: ErrInvalidRequest
// for a zero chain id or registry, ErrNotAllowed outside the allow lists.
func (a *Agent) CheckTarget(chainID uint64, registry common.Address) error {
	if chainID == 0 {
		return fmt.Errorf("%w: chainId is 0, want the id of the chain the registry is on", ErrInvalidRequest)
	}
	if registry == (common.Address{}) {
		return fmt.Errorf("%w: registry is the zero address, want the registry contract's address", ErrInvalidRequest)
	}
	if len(a.chains) > 0 && !slices.Contains(a.chains, chainID) {
		return fmt.Errorf("%w: chainId %d is not one this agent attests for, want one of %v", ErrNotAllowed, chainID, a.chains)
	}
	if len(a.registries) > 0 && !slices.Contains(a.registries, registry) {
		return fmt.Errorf("%w: registry %s is not one this agent attests for, want one of %v", ErrNotAllowed, registry.Hex(), a.registries)
	}
	return nil
}

// Evidence asks the TEE for evidence binding the subject key to chainID, registry and nonce
// (docs/protocol.md section 3) and returns it ready for verifier.EncodeEnvelope.
func (a *Agent) Evidence(ctx context.Context, nonce common.Hash, chainID uint64, registry common.Address) (*verifier.Evidence, error) {
	if err := a.CheckTarget(chainID, registry); err != nil {
		return nil, err
	}
	b := protocol.Binding{ChainID: chainID, Registry: registry, Subject: a.subject, Nonce: nonce}
	if a.appData != nil {
		b.AppData = a.appData()
	}
	quote, certs, err := a.attest(ctx, b.ReportData())
	if err != nil {
		return nil, err
	}
	if len(quote) == 0 {
		return nil, fmt.Errorf("%w: %s provider returned an empty quote", ErrUnavailable, a.TEE())
	}
	return &verifier.Evidence{
		TEE:   a.provider.TEE(),
		Quote: quote,
		Certs: certs,
		Binding: &verifier.Binding{
			ChainID: chainID, Registry: registry, Subject: a.subject, Nonce: nonce, AppData: b.AppData,
		},
	}, nil
}

type attestResult struct {
	quote, certs []byte
	err          error
}

// attest runs one Provider.Attest under the device semaphore and the attest timeout.
func (a *Agent) attest(ctx context.Context, reportData [64]byte) ([]byte, []byte, error) {
	ctx, cancel := context.WithTimeout(ctx, a.attestTimeout)
	defer cancel()
	select {
	case a.waiting <- struct{}{}:
	default:
		return nil, nil, fmt.Errorf("%w: %d requests already wait for the TEE device, try again later", ErrUnavailable, cap(a.waiting))
	}
	select {
	case a.device <- struct{}{}:
		<-a.waiting
	case <-ctx.Done():
		<-a.waiting
		return nil, nil, fmt.Errorf("%w: waiting for the TEE device: %w", ErrUnavailable, ctx.Err())
	}
	// Device calls (ioctls, configfs writes) ignore contexts, so the call runs on its own
	// and releases the device when it really returns; we stop waiting at the deadline.
	done := make(chan attestResult, 1)
	go func() {
		defer func() { <-a.device }()
		q, c, err := a.provider.Attest(ctx, reportData)
		done <- attestResult{q, c, err}
	}()
	select {
	case r := <-done:
		if r.err != nil {
			return nil, nil, fmt.Errorf("%w: %s: %w", ErrUnavailable, a.provider.TEE(), r.err)
		}
		return r.quote, r.certs, nil
	case <-ctx.Done():
		return nil, nil, fmt.Errorf("%w: %s evidence took longer than allowed: %w", ErrUnavailable, a.provider.TEE(), ctx.Err())
	}
}

// PublicURL is the base URL the agent claims to answer at ("" if none).
func (a *Agent) PublicURL() string { return a.publicURL }

// SignDigest signs a 32-byte digest of the workload's own message (a sequencer batch, say)
// with the subject key: 65 bytes r||s||v, v = 27 or 28, low s, so a contract that checks
// isAttested(ecrecover(digest, sig)) accepts it. The caller must hash with a domain of its
// own (EIP-191 or EIP-712): a raw digest could otherwise be anything, an attestation too.
func (a *Agent) SignDigest(digest common.Hash) ([]byte, error) {
	return protocol.Sign(a.key, digest)
}
