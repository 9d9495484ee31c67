package tdx

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/sha256"
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"math/big"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/google/go-tdx-guest/pcs"
	"github.com/teeoracle/teeoracle/verifier"
	"github.com/teeoracle/teeoracle/verifier/internal/fixedkey"
	"github.com/teeoracle/teeoracle/verifier/internal/flight"
)

const maxCacheEntries = 4096

// keyTableBytes bounds the memory of attestation-key tables (fixedkey.P256TableBytes,
// about 87 KB, each): 512 keys, 44 MB.
const keyTableBytes = 512 * fixedkey.P256TableBytes

// Options configure a Verifier.
type Options struct {
	// Roots are the pinned Intel SGX Root CA certificates. Nil means ProductionRoot().
	Roots []*x509.Certificate
	// Getter fetches collateral and CRLs. Nil means no network.
	Getter verifier.HTTPSGetter
	// PCSBaseURL replaces https://api.trustedservices.intel.com (a PCCS, for example).
	PCSBaseURL string
	// RootCRLURL replaces the root CA CRL distribution point of the pinned root.
	RootCRLURL string
}

// Verifier verifies TDX quotes. It is safe for concurrent use; its caches are shared.
// (go-tdx-guest's verify.Options carries per-call state and must not be shared; this
// verifier does not use it on any path.)
type Verifier struct {
	roots      []*x509.Certificate
	rootPool   *x509.CertPool
	getter     verifier.HTTPSGetter
	pcsBase    string
	rootCRLURL string

	mu   sync.RWMutex
	pcks map[string]*pckEntry   // by attestation key || certification data
	coll map[string]*Collateral // by FMSPC (lower case)
	crls map[string]*crlEntry   // by URL
	// keyTables bounds the attestation-key tables of the entries in pcks.
	keyTables fixedkey.Budget
	// flights makes concurrent misses of the caches above share one fetch or check.
	flights flight.Group
}

// NewVerifier returns a Verifier.
func NewVerifier(opts Options) (*Verifier, error) {
	roots := opts.Roots
	if len(roots) == 0 {
		roots = []*x509.Certificate{ProductionRoot()}
	}
	v := &Verifier{
		roots:      roots,
		rootPool:   x509.NewCertPool(),
		getter:     opts.Getter,
		pcsBase:    strings.TrimRight(opts.PCSBaseURL, "/"),
		rootCRLURL: opts.RootCRLURL,
		pcks:       map[string]*pckEntry{},
		coll:       map[string]*Collateral{},
		crls:       map[string]*crlEntry{},
	}
	v.keyTables.Bytes = keyTableBytes
	if v.pcsBase == "" {
		v.pcsBase = DefaultPCSBaseURL
	}
	for _, r := range roots {
		if err := r.CheckSignatureFrom(r); err != nil {
			return nil, fmt.Errorf("pinned Intel root %q is not self-signed: %v", r.Subject.CommonName, err)
		}
		v.rootPool.AddCert(r)
	}
	return v, nil
}

// pckEntry is what a quote's certification data proves, verified once and shared by
// every quote from the same quoting enclave and platform.
type pckEntry struct {
	leaf, inter, root *x509.Certificate
	exts              *pcs.PckExtensions
	ca                string // "platform" or "processor"
	attKey            *ecdsa.PublicKey
	attKeyTable       fixedkey.Lazy
	qeReport          []byte
	notBefore         time.Time
	notAfter          time.Time
	// checked memoizes the collateral and CRLs this entry was last checked against.
	checked atomic.Pointer[collCheck]
}

type collCheck struct {
	coll            *Collateral
	pckCRL, rootCRL *crlEntry
	qeStatus        verifier.TCBStatus
	notAfter        time.Time
}

// Verified is the outcome of Verify.
type Verified struct {
	FMSPC     string
	TCBStatus verifier.TCBStatus
	NotAfter  time.Time
}

// Verify checks the PCK chain, the QE report, the quote signature and, when
// withCollateral is set, Intel's collateral and the TCB status (CRLs too when checkCRL).
func (v *Verifier) Verify(ctx context.Context, q *Quote, now time.Time, withCollateral, checkCRL bool) (*Verified, error) {
	e, err := v.pck(q, now)
	if err != nil {
		return nil, err
	}
	d := sha256.Sum256(q.Signed)
	r := new(big.Int).SetBytes(q.Signature[:32])
	s := new(big.Int).SetBytes(q.Signature[32:])
	if !e.attKeyTable.Verify(e.attKey, d[:], r, s, &v.keyTables) {
		return nil, verifier.Errorf(verifier.ReasonSignature, "quote signature does not verify with the attestation key certified by the QE report; the header or TD body was altered")
	}
	res := &Verified{FMSPC: e.exts.FMSPC, NotAfter: e.notAfter}
	if !withCollateral {
		return res, nil
	}
	cc, err := v.checkCollateral(ctx, e, now, checkCRL)
	if err != nil {
		return nil, err
	}
	ti := &cc.coll.TCBInfo
	if !bytes.Equal(ti.TdxModule.Mrsigner.Bytes, q.MrSignerSeam()) {
		return nil, verifier.Errorf(verifier.ReasonCollateral, "MRSIGNERSEAM %x is not the TDX module signer in Intel's TCB info (%x)", q.MrSignerSeam(), ti.TdxModule.Mrsigner.Bytes)
	}
	attrs, mask := q.SeamAttributes(), ti.TdxModule.AttributesMask.Bytes
	if len(mask) != len(attrs) || len(ti.TdxModule.Attributes.Bytes) != len(attrs) {
		return nil, verifier.Errorf(verifier.ReasonCollateral, "TCB info TDX module attributes are %d bytes, want %d", len(mask), len(attrs))
	}
	for i := range attrs {
		if attrs[i]&mask[i] != ti.TdxModule.Attributes.Bytes[i] {
			return nil, verifier.Errorf(verifier.ReasonCollateral, "SEAMATTRIBUTES %x do not match Intel's TCB info (%x under mask %x)", attrs, ti.TdxModule.Attributes.Bytes, mask)
		}
	}
	status, err := platformTCB(ti, e.exts.TCB.CPUSvnComponents, e.exts.TCB.PCESvn, q.TeeTcbSvn())
	if err != nil {
		return nil, err
	}
	res.TCBStatus = combine(status, cc.qeStatus)
	res.NotAfter = earliest(res.NotAfter, cc.notAfter)
	return res, nil
}

// pck returns the verified certification data of q, from the cache when possible.
func (v *Verifier) pck(q *Quote, now time.Time) (*pckEntry, error) {
	key := q.Raw[len(q.Signed)+4+sigSize : len(q.Signed)+4+sigSize+attKeySize+len(q.CertData)]
	v.mu.RLock()
	e, ok := v.pcks[string(key)]
	v.mu.RUnlock()
	if !ok {
		var err error
		e, err = flight.Do(context.Background(), &v.flights, "pck "+string(key), func(context.Context) (*pckEntry, error) {
			return v.verifyPCK(q, now)
		})
		if err != nil {
			return nil, err
		}
		v.mu.Lock()
		if len(v.pcks) >= maxCacheEntries {
			clear(v.pcks)
			v.keyTables.Reset()
		}
		v.pcks[string(key)] = e
		v.mu.Unlock()
	}
	if now.Before(e.notBefore) || now.After(e.notAfter) {
		return nil, verifier.Errorf(verifier.ReasonExpired, "PCK chain is valid %s .. %s, verification time is %s",
			e.notBefore.UTC().Format(time.RFC3339), e.notAfter.UTC().Format(time.RFC3339), now.UTC().Format(time.RFC3339))
	}
	return e, nil
}

func parsePCKChain(b []byte) ([]*x509.Certificate, error) {
	var certs []*x509.Certificate
	rest := b
	for len(certs) < 3 {
		var block *pem.Block
		block, rest = pem.Decode(rest)
		if block == nil {
			break
		}
		if block.Type != "CERTIFICATE" {
			return nil, verifier.Errorf(verifier.ReasonMalformed, "PCK chain has a %q PEM block, want CERTIFICATE", block.Type)
		}
		c, err := x509.ParseCertificate(block.Bytes)
		if err != nil {
			return nil, verifier.Wrap(verifier.ReasonMalformed, err, "PCK chain certificate %d does not parse", len(certs))
		}
		certs = append(certs, c)
	}
	if len(certs) != 3 {
		return nil, verifier.Errorf(verifier.ReasonMalformed, "PCK chain has %d PEM certificates, want 3 (PCK, PCK CA, root)", len(certs))
	}
	// The chain may end with a NUL terminator.
	if r := bytes.TrimRight(bytes.TrimSpace(rest), "\x00"); len(r) != 0 {
		return nil, verifier.Errorf(verifier.ReasonMalformed, "PCK chain has %d bytes after its third certificate", len(r))
	}
	return certs, nil
}

func (v *Verifier) verifyPCK(q *Quote, now time.Time) (*pckEntry, error) {
	certs, err := parsePCKChain(q.PCKChain)
	if err != nil {
		return nil, err
	}
	e := &pckEntry{leaf: certs[0], inter: certs[1]}
	for _, r := range v.roots {
		if bytes.Equal(certs[2].Raw, r.Raw) {
			e.root = r
		}
	}
	if e.root == nil {
		got := sha256.Sum256(certs[2].Raw)
		want := sha256.Sum256(v.roots[0].Raw)
		return nil, verifier.Errorf(verifier.ReasonRoot,
			"PCK chain ends at %q (NotBefore %s, SHA-256 %X), not the pinned %q (NotBefore %s, SHA-256 %X): an unknown or pre-production root",
			certs[2].Subject.CommonName, certs[2].NotBefore.UTC().Format("2006-01-02"), got[:8],
			v.roots[0].Subject.CommonName, v.roots[0].NotBefore.UTC().Format("2006-01-02"), want[:8])
	}
	e.notBefore, e.notAfter = e.leaf.NotBefore, e.leaf.NotAfter
	for _, c := range []*x509.Certificate{e.inter, e.root} {
		if c.NotBefore.After(e.notBefore) {
			e.notBefore = c.NotBefore
		}
		if c.NotAfter.Before(e.notAfter) {
			e.notAfter = c.NotAfter
		}
	}
	if now.Before(e.notBefore) || now.After(e.notAfter) {
		return nil, verifier.Errorf(verifier.ReasonExpired, "PCK chain is valid %s .. %s, verification time is %s",
			e.notBefore.UTC().Format(time.RFC3339), e.notAfter.UTC().Format(time.RFC3339), now.UTC().Format(time.RFC3339))
	}
	inter := x509.NewCertPool()
	inter.AddCert(e.inter)
	if _, err := e.leaf.Verify(x509.VerifyOptions{Roots: v.rootPool, Intermediates: inter, CurrentTime: now, KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageAny}}); err != nil {
		return nil, verifier.Wrap(verifier.ReasonChain, err, "PCK certificate does not chain to the pinned Intel SGX Root CA through %q", e.inter.Subject.CommonName)
	}
	switch e.inter.Subject.CommonName {
	case "Intel SGX PCK Platform CA":
		e.ca = "platform"
	case "Intel SGX PCK Processor CA":
		e.ca = "processor"
	default:
		return nil, verifier.Errorf(verifier.ReasonChain, "PCK issuer is %q, want Intel SGX PCK Platform CA or Processor CA", e.inter.Subject.CommonName)
	}
	if e.exts, err = pcs.PckCertificateExtensions(e.leaf); err != nil {
		return nil, verifier.Wrap(verifier.ReasonChain, err, "PCK certificate SGX extensions do not parse")
	}
	leafKey, ok := e.leaf.PublicKey.(*ecdsa.PublicKey)
	if !ok || leafKey.Curve != elliptic.P256() {
		return nil, verifier.Errorf(verifier.ReasonChain, "PCK key is %T, want ECDSA P-256", e.leaf.PublicKey)
	}
	d := sha256.Sum256(q.QEReport)
	if !ecdsa.Verify(leafKey, d[:], new(big.Int).SetBytes(q.QEReportSig[:32]), new(big.Int).SetBytes(q.QEReportSig[32:])) {
		return nil, verifier.Errorf(verifier.ReasonSignature, "QE report signature does not verify with the PCK certificate; want a QE report signed by this platform's PCK key")
	}
	h := sha256.New()
	h.Write(q.AttestationKey)
	h.Write(q.QEAuthData)
	rd := qeReportData(q.QEReport)
	if !bytes.Equal(h.Sum(nil), rd[:32]) || !bytes.Equal(rd[32:], make([]byte, 32)) {
		return nil, verifier.Errorf(verifier.ReasonSignature, "QE report data is not SHA-256(attestation key || QE auth data) followed by zeros: the attestation key is not the one the QE certified")
	}
	e.attKey, err = ecdsa.ParseUncompressedPublicKey(elliptic.P256(), append([]byte{4}, q.AttestationKey...))
	if err != nil {
		return nil, verifier.Wrap(verifier.ReasonSignature, err, "attestation key is not a P-256 point")
	}
	e.qeReport = bytes.Clone(q.QEReport)
	return e, nil
}

// checkCollateral returns the collateral check for e at now, reusing the memo while the
// collateral and CRLs it rests on are the current cache entries.
func (v *Verifier) checkCollateral(ctx context.Context, e *pckEntry, now time.Time, checkCRL bool) (*collCheck, error) {
	coll, err := v.collateral(ctx, e.exts.FMSPC, now)
	if err != nil {
		return nil, err
	}
	var pckCRL, rootCRL *crlEntry
	if checkCRL {
		if pckCRL, err = v.crl(ctx, PCKCRLURL(v.pcsBase, e.ca), e.inter, now); err != nil {
			return nil, err
		}
		u := v.rootCRLURL
		if u == "" {
			if len(e.root.CRLDistributionPoints) == 0 {
				return nil, verifier.Errorf(verifier.ReasonCollateral, "pinned root has no CRL distribution point and no root CRL URL is configured")
			}
			u = e.root.CRLDistributionPoints[0]
		}
		if rootCRL, err = v.crl(ctx, u, e.root, now); err != nil {
			return nil, err
		}
	}
	if m := e.checked.Load(); m != nil && m.coll == coll && m.pckCRL == pckCRL && m.rootCRL == rootCRL {
		return m, nil
	}
	m := &collCheck{coll: coll, pckCRL: pckCRL, rootCRL: rootCRL, notAfter: coll.NotAfter}
	if !strings.EqualFold(coll.TCBInfo.PceID, e.exts.PCEID) {
		return nil, verifier.Errorf(verifier.ReasonCollateral, "TCB info PCEID %s does not match the PCK certificate's %s", coll.TCBInfo.PceID, e.exts.PCEID)
	}
	if m.qeStatus, err = checkQE(&coll.QEIdentity, e.qeReport); err != nil {
		return nil, err
	}
	if checkCRL {
		if err := pckCRL.revoked(e.leaf, "PCK certificate"); err != nil {
			return nil, err
		}
		if err := rootCRL.revoked(e.inter, "PCK CA certificate "+e.inter.Subject.CommonName); err != nil {
			return nil, err
		}
		for _, s := range coll.Signers {
			if err := rootCRL.revoked(s, "collateral signing certificate"); err != nil {
				return nil, err
			}
		}
		m.notAfter = earliest(m.notAfter, pckCRL.crl.NextUpdate, rootCRL.crl.NextUpdate)
	}
	e.checked.Store(m)
	return m, nil
}

func (v *Verifier) collateral(ctx context.Context, fmspc string, now time.Time) (*Collateral, error) {
	key := strings.ToLower(fmspc)
	v.mu.RLock()
	c := v.coll[key]
	v.mu.RUnlock()
	if c != nil && !now.After(c.NotAfter) && !now.Before(c.TCBInfo.IssueDate) && !now.Before(c.QEIdentity.IssueDate) {
		return c, nil
	}
	c, err := flight.Do(ctx, &v.flights, "collateral "+key, func(ctx context.Context) (*Collateral, error) {
		return v.fetchCollateral(ctx, fmspc, now)
	})
	if err != nil {
		return nil, err
	}
	v.mu.Lock()
	if len(v.coll) >= maxCacheEntries {
		clear(v.coll)
	}
	v.coll[key] = c
	v.mu.Unlock()
	return c, nil
}

func (v *Verifier) crl(ctx context.Context, u string, issuer *x509.Certificate, now time.Time) (*crlEntry, error) {
	v.mu.RLock()
	e := v.crls[u]
	v.mu.RUnlock()
	if e != nil && e.issuer.Equal(issuer) && !now.After(e.crl.NextUpdate) && !now.Before(e.crl.ThisUpdate) {
		return e, nil
	}
	e, err := flight.Do(ctx, &v.flights, "crl "+u, func(ctx context.Context) (*crlEntry, error) {
		return v.fetchCRL(ctx, u, issuer, now)
	})
	if err != nil {
		return nil, err
	}
	v.mu.Lock()
	v.crls[u] = e
	v.mu.Unlock()
	return e, nil
}
