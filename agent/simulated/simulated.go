// Package simulated is an agent.Provider backed by the verifier's TEST ONLY SEV-SNP and TDX
// attesters (verifier/testing). Its evidence chains to throwaway roots whose private keys
// are public, so it proves nothing about real hardware: it exists for `teeoracle dev`,
// local development and tests, and New refuses to build one without Options.Insecure.
//
// It is the only part of the agent that links verifier/testing (ARCHITECTURE.md); an
// embedder that imports agent and agent/sevsnp or agent/tdx never carries the test roots.
package simulated

import (
	"context"
	"errors"
	"fmt"

	"github.com/teeoracle/teeoracle/verifier"
	verifiertesting "github.com/teeoracle/teeoracle/verifier/testing"
)

// ErrInsecureNotSet is returned by New without Options.Insecure.
var ErrInsecureNotSet = errors.New("simulated TEE provider refused: its evidence is signed under public TEST ONLY roots and proves nothing; " +
	"set Options.Insecure (teeoracle agent --insecure-simulated) to use it for development")

// Options configures New.
type Options struct {
	// Insecure must be true: it is the caller's statement that fake evidence is wanted.
	Insecure bool
	// TEE is the simulated TEE: verifier.TEESEVSNP (the default) or verifier.TEETDX.
	TEE verifier.TEEType
	// Measurement is the SEV-SNP MEASUREMENT or the TDX MRTD the simulated guest reports.
	Measurement [48]byte
	// HostData is the SEV-SNP HOST_DATA (ignored for TDX).
	HostData [32]byte
	// Seed makes the simulated chip or platform reproducible (nil: a fresh random one).
	Seed []byte
	// SNP or TDX, when set, is used as is instead of building an attester from the fields
	// above, for tests that need the attester itself (its collateral, its registers).
	SNP *verifiertesting.SNPAttester
	TDX *verifiertesting.TDXAttester
}

// Provider is a simulated TEE. It implements agent.Provider.
type Provider struct {
	tee verifier.TEEType
	snp *verifiertesting.SNPAttester
	tdx *verifiertesting.TDXAttester
}

// New builds a simulated provider, or fails with ErrInsecureNotSet unless opts.Insecure.
func New(opts Options) (*Provider, error) {
	if !opts.Insecure {
		return nil, ErrInsecureNotSet
	}
	tee := opts.TEE
	switch {
	case opts.SNP != nil && opts.TDX != nil:
		return nil, errors.New("simulated: both an SNP and a TDX attester given, want one")
	case opts.SNP != nil:
		tee = verifier.TEESEVSNP
	case opts.TDX != nil:
		tee = verifier.TEETDX
	case tee == 0:
		tee = verifier.TEESEVSNP
	}
	p := &Provider{tee: tee, snp: opts.SNP, tdx: opts.TDX}
	var err error
	switch tee {
	case verifier.TEESEVSNP:
		if p.snp == nil {
			p.snp, err = verifiertesting.NewSNPAttester(verifiertesting.SNPOptions{
				Seed: opts.Seed, Measurement: opts.Measurement, HostData: opts.HostData,
			})
		}
	case verifier.TEETDX:
		if p.tdx == nil {
			p.tdx, err = verifiertesting.NewTDXAttester(verifiertesting.TDXOptions{Seed: opts.Seed, MRTD: opts.Measurement})
		}
	default:
		return nil, fmt.Errorf("simulated: TEE %s is not simulated, want sev-snp or tdx", tee)
	}
	if err != nil {
		return nil, fmt.Errorf("simulated %s attester: %w", tee, err)
	}
	return p, nil
}

// TEE is the simulated TEE type.
func (p *Provider) TEE() verifier.TEEType { return p.tee }

// SNP is the SEV-SNP attester, nil for a TDX provider.
func (p *Provider) SNP() *verifiertesting.SNPAttester { return p.snp }

// TDX is the TDX attester, nil for an SEV-SNP provider.
func (p *Provider) TDX() *verifiertesting.TDXAttester { return p.tdx }

// Attest returns a freshly signed simulated report (with its certificate table) or quote.
func (p *Provider) Attest(ctx context.Context, reportData [64]byte) (quote, certs []byte, err error) {
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	if p.snp != nil {
		return p.snp.Report(reportData)
	}
	quote, err = p.tdx.Quote(reportData)
	return quote, nil, err
}
