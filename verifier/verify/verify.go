// Package verify is the entry point of the verifier: it decodes evidence, picks the
// SEV-SNP or TDX verifier by TEE type, applies the policy and the report_data binding,
// and returns claims or a *verifier.Error. It lives apart from package verifier because
// the TEE packages import verifier's types.
package verify

import (
	"context"
	"crypto/x509"
	"time"

	"github.com/teeoracle/teeoracle/verifier"
	"github.com/teeoracle/teeoracle/verifier/sevsnp"
	"github.com/teeoracle/teeoracle/verifier/tdx"
)

// Options configure a Verifier. The zero value verifies against the production roots
// with the default policy, the wall clock and no network.
type Options struct {
	// Now is the verification clock. Nil means time.Now.
	Now func() time.Time
	// Getter fetches VCEKs and CRLs from AMD KDS and collateral from Intel PCS/PCCS.
	// Nil means no network: use verifier.NewNetGetter() in production and an in-memory
	// getter (or verifier.DirGetter) in tests and offline tools.
	Getter verifier.HTTPSGetter
	// Policy is applied to every verified piece of evidence. Nil means DefaultPolicy().
	Policy *verifier.Policy
	// Roots replaces the embedded production roots (for example with roots read from a
	// PEM file). Claims do not mark these as test roots.
	Roots *verifier.Roots
	// TestRoots are insecure roots (the simulated attesters'). They are used only when set
	// explicitly, replace Roots, and every claim verified under them has TestRoots set.
	TestRoots *verifier.Roots
	// KDSBaseURL and PCSBaseURL point at a caching proxy or PCCS instead of AMD and Intel.
	KDSBaseURL string
	PCSBaseURL string
}

// Verifier verifies evidence. It is safe for concurrent use and caches what is shared
// across quotes; build one per process (or per set of roots) and reuse it.
type Verifier struct {
	now    func() time.Time
	policy verifier.Policy
	test   bool
	snp    *sevsnp.Verifier
	tdx    *tdx.Verifier
}

// New builds a Verifier.
func New(opts Options) (*Verifier, error) {
	v := &Verifier{now: opts.Now, policy: verifier.DefaultPolicy()}
	if v.now == nil {
		v.now = time.Now
	}
	if opts.Policy != nil {
		v.policy = *opts.Policy
	}
	if err := v.policy.Check(); err != nil {
		return nil, err
	}
	roots := opts.Roots
	if opts.TestRoots != nil {
		roots, v.test = opts.TestRoots, true
	}
	var amd map[string]verifier.AMDRoots
	var intel []*x509.Certificate
	if roots != nil {
		amd, intel = roots.AMD, roots.Intel
		// An explicit root set without AMD (or Intel) roots must not silently fall back to
		// production roots for the other vendor.
		if amd == nil {
			amd = map[string]verifier.AMDRoots{}
		}
	}
	var err error
	if v.snp, err = sevsnp.NewVerifier(sevsnp.Options{Roots: amd, Getter: opts.Getter, KDSBaseURL: opts.KDSBaseURL}); err != nil {
		return nil, err
	}
	if roots != nil && len(intel) == 0 {
		v.tdx = nil
	} else if v.tdx, err = tdx.NewVerifier(tdx.Options{Roots: intel, Getter: opts.Getter, PCSBaseURL: opts.PCSBaseURL}); err != nil {
		return nil, err
	}
	return v, nil
}

// Policy returns the policy in force.
func (v *Verifier) Policy() verifier.Policy { return v.policy }

// VerifyBytes decodes an envelope or bare report/quote and verifies it.
func (v *Verifier) VerifyBytes(ctx context.Context, b []byte) (*verifier.Claims, error) {
	ev, err := verifier.DecodeEvidence(b)
	if err != nil {
		return nil, err
	}
	return v.Verify(ctx, ev)
}

// Verify verifies decoded evidence. On rejection it returns the claims parsed so far
// (measurement hash, quote hash, report_data) together with the *verifier.Error, so an
// operator can see what was rejected; the claims must not be acted on.
func (v *Verifier) Verify(ctx context.Context, ev *verifier.Evidence) (*verifier.Claims, error) {
	now := v.now()
	c := &verifier.Claims{TEE: ev.TEE, QuoteHash: verifier.Keccak256(ev.Quote), VerifiedAt: now, TestRoots: v.test}
	var err error
	switch ev.TEE {
	case verifier.TEESEVSNP:
		err = v.verifySNP(ctx, ev, now, c)
	case verifier.TEETDX:
		err = v.verifyTDX(ctx, ev, now, c)
	default:
		err = verifier.Errorf(verifier.ReasonMalformed, "TEE type %d, want 1 (sev-snp) or 2 (tdx)", ev.TEE)
	}
	if err != nil {
		return c, err
	}
	if err := v.policy.CheckMeasurement(c.MeasurementHash); err != nil {
		return c, err
	}
	if ev.Binding != nil {
		if err := verifier.CheckBinding(c.ReportData, ev.Binding); err != nil {
			return c, err
		}
		b := ev.Binding
		c.Bound, c.ChainID, c.Registry, c.Subject, c.Nonce, c.AppData = true, b.ChainID, b.Registry, b.Subject, b.Nonce, b.AppData
	}
	return c, nil
}

func (v *Verifier) verifySNP(ctx context.Context, ev *verifier.Evidence, now time.Time, c *verifier.Claims) error {
	r, err := sevsnp.ParseReport(ev.Quote)
	if err != nil {
		return err
	}
	fillSNP(r, c)
	res, err := v.snp.Verify(ctx, r, ev.Certs, now, v.policy.SNP.CheckRevocations)
	if err != nil {
		return err
	}
	c.Signer, c.Platform, c.NotAfter = res.Endorsement.Signer.String(), res.Endorsement.ProductLine, res.NotAfter
	c.TCBStatus, err = sevsnp.Validate(r, &v.policy.SNP)
	return err
}

func fillSNP(r *sevsnp.Report, c *verifier.Claims) {
	c.Version = r.Version
	c.MeasurementHash = r.MeasurementHash()
	c.Registers = r.Registers()
	c.ReportData = r.ReportData
	c.Debug = r.Debug()
	c.VMPL = int(r.VMPL)
	c.Platform = r.ProductLine
}

func (v *Verifier) verifyTDX(ctx context.Context, ev *verifier.Evidence, now time.Time, c *verifier.Claims) error {
	q, err := tdx.ParseQuote(ev.Quote)
	if err != nil {
		return err
	}
	fillTDX(q, c)
	if v.tdx == nil {
		return verifier.Errorf(verifier.ReasonRoot, "no Intel roots are configured, so TDX evidence cannot be verified")
	}
	p := &v.policy.TDX
	res, err := v.tdx.Verify(ctx, q, now, p.RequireCollateral, p.CheckRevocations)
	if err != nil {
		return err
	}
	c.Signer, c.Platform, c.NotAfter, c.TCBStatus = "PCK", res.FMSPC, res.NotAfter, res.TCBStatus
	return tdx.Validate(q, res.TCBStatus, p)
}

func fillTDX(q *tdx.Quote, c *verifier.Claims) {
	regs := q.Registers()
	c.Version = uint32(q.Version)
	c.MeasurementHash = verifier.TDXMeasurementHash(regs)
	c.Registers = regs.List()
	c.ReportData = q.ReportData()
	c.Debug = q.Debug()
}

// Measure parses evidence without verifying it and returns the measurement claims
// (TEE, version, measurement hash, registers, report_data, quote hash). It is for
// computing allowlist entries from a real quote (`teeoracle measure`), never for trust.
func Measure(b []byte) (*verifier.Claims, error) {
	ev, err := verifier.DecodeEvidence(b)
	if err != nil {
		return nil, err
	}
	c := &verifier.Claims{TEE: ev.TEE, QuoteHash: verifier.Keccak256(ev.Quote)}
	switch ev.TEE {
	case verifier.TEESEVSNP:
		r, err := sevsnp.ParseReport(ev.Quote)
		if err != nil {
			return nil, err
		}
		fillSNP(r, c)
	case verifier.TEETDX:
		q, err := tdx.ParseQuote(ev.Quote)
		if err != nil {
			return nil, err
		}
		fillTDX(q, c)
	}
	return c, nil
}
