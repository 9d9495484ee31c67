package sevsnp

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/google/go-sev-guest/abi"
	"github.com/google/go-sev-guest/kds"
	"github.com/teeoracle/teeoracle/verifier"
	"github.com/teeoracle/teeoracle/verifier/internal/fixedkey"
	"github.com/teeoracle/teeoracle/verifier/internal/flight"
)

// DefaultKDSBaseURL is AMD's Key Distribution Service.
const DefaultKDSBaseURL = "https://kdsintf.amd.com"

// maxCacheEntries bounds each cache; on overflow the cache is simply cleared, which only
// costs a re-verification.
const maxCacheEntries = 4096

// keyTableBytes bounds the memory of endorsement-key tables (fixedkey.P384TableBytes,
// about 217 KB, each): 128 keys, 28 MB.
const keyTableBytes = 128 * fixedkey.P384TableBytes

// Options configure a Verifier.
type Options struct {
	// Roots maps product lines to pinned roots. Nil means ProductionRoots().
	Roots map[string]verifier.AMDRoots
	// Getter fetches VCEKs and CRLs from the KDS. Nil means no network: evidence must
	// carry its certificate table and CRL checks fail.
	Getter verifier.HTTPSGetter
	// KDSBaseURL replaces https://kdsintf.amd.com (a caching proxy, for example).
	KDSBaseURL string
}

// Verifier verifies SEV-SNP reports. It is safe for concurrent use; its caches are shared.
type Verifier struct {
	roots   map[string]verifier.AMDRoots
	lines   []string // product lines in a fixed order, for deterministic errors
	getter  verifier.HTTPSGetter
	kdsBase string

	mu   sync.RWMutex
	eks  map[string]*Endorsement // by endorsement key DER
	vcek map[string][]byte       // fetched VCEK DER by KDS URL
	crls map[string]*crlEntry    // by CRL URL
	// keyTables bounds the endorsement-key tables of the entries in eks.
	keyTables fixedkey.Budget
	// flights makes concurrent misses of the caches above share one fetch or check.
	flights flight.Group
}

// NewVerifier checks the roots and returns a Verifier.
func NewVerifier(opts Options) (*Verifier, error) {
	roots := opts.Roots
	if roots == nil {
		var err error
		if roots, err = ProductionRoots(); err != nil {
			return nil, err
		}
	}
	v := &Verifier{
		roots:   roots,
		getter:  opts.Getter,
		kdsBase: strings.TrimRight(opts.KDSBaseURL, "/"),
		eks:     map[string]*Endorsement{},
		vcek:    map[string][]byte{},
		crls:    map[string]*crlEntry{},
	}
	v.keyTables.Bytes = keyTableBytes
	for _, line := range []string{"Milan", "Genoa", "Turin"} {
		if _, ok := roots[line]; ok {
			v.lines = append(v.lines, line)
		}
	}
	for line, r := range roots {
		if line != "Milan" && line != "Genoa" && line != "Turin" {
			v.lines = append(v.lines, line)
		}
		if err := CheckRoots(line, r); err != nil {
			return nil, err
		}
	}
	return v, nil
}

// Endorsement is a verified endorsement key (VCEK or VLEK) and the window in which the
// chain that vouches for it is valid.
type Endorsement struct {
	Signer      abi.ReportSigner
	ProductLine string
	Cert        *x509.Certificate
	ICA         *x509.Certificate // ASK or ASVK
	ARK         *x509.Certificate
	TCB         kds.TCBVersion
	HWID        []byte
	NotBefore   time.Time
	NotAfter    time.Time
	pub         *ecdsa.PublicKey
	pubTable    fixedkey.Lazy
	// crlChecked memoizes the last CRL this key was found not revoked in.
	crlChecked atomic.Pointer[crlEntry]
}

// Verified is the outcome of Verify: the endorsement and the earliest expiry of what the
// verdict rests on (certificates and, if checked, the CRL).
type Verified struct {
	Endorsement *Endorsement
	NotAfter    time.Time
}

type crlEntry struct {
	crl  *x509.RevocationList
	ark  *x509.Certificate
	next time.Time
}

// Verify checks the report's endorsement key chain to the pinned roots, the CRL when
// checkCRL is set, and the report signature. certs is the extended-report certificate
// table; it may be empty, in which case a VCEK is fetched from the KDS.
func (v *Verifier) Verify(ctx context.Context, r *Report, certs []byte, now time.Time, checkCRL bool) (*Verified, error) {
	table, err := ParseCertTable(certs)
	if err != nil {
		return nil, err
	}
	ekDER, err := v.endorsementKeyDER(ctx, r, table)
	if err != nil {
		return nil, err
	}
	ek, err := v.endorsement(ekDER, r, now)
	if err != nil {
		return nil, err
	}
	if err := checkTableRoots(table, ek); err != nil {
		return nil, err
	}
	if err := matchReport(ek, r); err != nil {
		return nil, err
	}
	res := &Verified{Endorsement: ek, NotAfter: ek.NotAfter}
	if checkCRL {
		crl, err := v.checkRevocation(ctx, ek, now)
		if err != nil {
			return nil, err
		}
		if crl.next.Before(res.NotAfter) {
			res.NotAfter = crl.next
		}
	}
	sigR, sigS := r.signature()
	if !ek.pubTable.Verify(ek.pub, r.digest(), sigR, sigS, &v.keyTables) {
		return nil, verifier.Errorf(verifier.ReasonSignature,
			"report signature does not verify with the %v of chip %s… (serial %s); want a report signed by that key",
			ek.Signer, hex.EncodeToString(r.ChipID[:8]), ek.Cert.SerialNumber)
	}
	return res, nil
}

// endorsementKeyDER picks the VCEK/VLEK from the table or, for a VCEK, fetches it.
func (v *Verifier) endorsementKeyDER(ctx context.Context, r *Report, t *CertTable) ([]byte, error) {
	switch r.Signer {
	case abi.VlekReportSigner:
		if len(t.VLEK) == 0 {
			return nil, verifier.Errorf(verifier.ReasonChain, "report is signed by a VLEK but the certificate table has no VLEK entry; the VLEK cannot be fetched from the KDS, the host must supply it")
		}
		return t.VLEK, nil
	case abi.VcekReportSigner:
		if len(t.VCEK) > 0 {
			return t.VCEK, nil
		}
		return v.fetchVCEK(ctx, r)
	}
	return nil, verifier.Errorf(verifier.ReasonUnsupportedVersion, "report signer %v, want VCEK or VLEK", r.Signer)
}

func (v *Verifier) fetchVCEK(ctx context.Context, r *Report) ([]byte, error) {
	if r.ProductLine == "" {
		return nil, verifier.Errorf(verifier.ReasonChain, "v%d report carries no CPUID product and no VCEK; supply the certificate table", r.Version)
	}
	if r.MaskChipID {
		return nil, verifier.Errorf(verifier.ReasonChain, "report masks CHIP_ID, so its VCEK cannot be looked up; supply the certificate table")
	}
	url := v.kdsURL(kds.VCEKCertURL(r.ProductLine, r.ChipID[:], r.ReportedTCB))
	v.mu.RLock()
	der, ok := v.vcek[url]
	v.mu.RUnlock()
	if ok {
		return der, nil
	}
	if v.getter == nil {
		return nil, verifier.Errorf(verifier.ReasonUnavailable, "no certificate table and no KDS getter configured to fetch %s", url)
	}
	return flight.Do(ctx, &v.flights, "vcek "+url, func(ctx context.Context) ([]byte, error) {
		_, body, err := v.getter.GetContext(ctx, url)
		if err != nil {
			return nil, verifier.Wrap(verifier.ReasonUnavailable, err, "could not fetch the VCEK from %s", url)
		}
		v.mu.Lock()
		if len(v.vcek) >= maxCacheEntries {
			clear(v.vcek)
		}
		v.vcek[url] = body
		v.mu.Unlock()
		return body, nil
	})
}

func (v *Verifier) kdsURL(u string) string {
	if v.kdsBase == "" {
		return u
	}
	return strings.Replace(u, DefaultKDSBaseURL, v.kdsBase, 1)
}

// endorsement returns the verified endorsement for a DER certificate, from the cache when
// it is there and still valid at now.
func (v *Verifier) endorsement(der []byte, r *Report, now time.Time) (*Endorsement, error) {
	v.mu.RLock()
	ek, ok := v.eks[string(der)]
	v.mu.RUnlock()
	if ok && ek.Signer == r.Signer {
		if err := checkWindow(ek, now); err != nil {
			return nil, err
		}
		return ek, nil
	}
	key := fmt.Sprintf("ek %d %s %s", r.Signer, r.ProductLine, der)
	ek, err := flight.Do(context.Background(), &v.flights, key, func(context.Context) (*Endorsement, error) {
		return v.verifyEndorsement(der, r.Signer, r.ProductLine, now)
	})
	if err != nil {
		return nil, err
	}
	v.mu.Lock()
	if len(v.eks) >= maxCacheEntries {
		clear(v.eks)
		v.keyTables.Reset()
	}
	v.eks[string(der)] = ek
	v.mu.Unlock()
	return ek, nil
}

func checkWindow(ek *Endorsement, now time.Time) error {
	if now.Before(ek.NotBefore) || now.After(ek.NotAfter) {
		return verifier.Errorf(verifier.ReasonExpired, "%s %v chain is valid %s .. %s, verification time is %s",
			ek.ProductLine, ek.Signer, ek.NotBefore.UTC().Format(time.RFC3339), ek.NotAfter.UTC().Format(time.RFC3339), now.UTC().Format(time.RFC3339))
	}
	return nil
}

func (v *Verifier) verifyEndorsement(der []byte, signer abi.ReportSigner, reportLine string, now time.Time) (*Endorsement, error) {
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, verifier.Wrap(verifier.ReasonChain, err, "%v certificate is not valid DER X.509", signer)
	}
	if cert.SignatureAlgorithm != x509.SHA384WithRSAPSS {
		return nil, verifier.Errorf(verifier.ReasonChain, "%v certificate signature algorithm is %v, want SHA384-RSAPSS", signer, cert.SignatureAlgorithm)
	}
	pub, ok := cert.PublicKey.(*ecdsa.PublicKey)
	if !ok || pub.Curve != elliptic.P384() {
		return nil, verifier.Errorf(verifier.ReasonChain, "%v certificate key is %T, want ECDSA P-384", signer, cert.PublicKey)
	}
	exts, err := kds.CertificateExtensions(cert, signer)
	if err != nil {
		if strings.Contains(err.Error(), "not an AMD KDS OID") {
			return nil, verifier.Wrap(verifier.ReasonChain, err,
				"%v certificate has a KDS extension go-sev-guest v0.15.0 cannot read (Turin FMC SPL, google/go-sev-guest#165); Turin evidence is not supported yet", signer)
		}
		return nil, verifier.Wrap(verifier.ReasonChain, err, "%v certificate extensions do not follow the AMD KDS specification", signer)
	}
	ek := &Endorsement{Signer: signer, Cert: cert, TCB: exts.TCBVersion, HWID: exts.HWID, pub: pub}

	// Try the report's product line first; v2 reports have none, so try them all. The
	// chain found decides the product line, never a certificate from the evidence.
	lines := v.lines
	if reportLine != "" {
		if _, ok := v.roots[reportLine]; !ok {
			return nil, verifier.Errorf(verifier.ReasonRoot, "report is from product line %s, which has no pinned AMD roots (have %s)", reportLine, strings.Join(v.lines, ", "))
		}
		lines = []string{reportLine}
	}
	var lastErr error
	for _, line := range lines {
		roots := v.roots[line]
		ica := roots.ASK
		if signer == abi.VlekReportSigner {
			ica = roots.ASVK
		}
		if ica == nil {
			lastErr = fmt.Errorf("%s has no pinned intermediate for %v", line, signer)
			continue
		}
		if err := cert.CheckSignatureFrom(ica); err != nil {
			lastErr = fmt.Errorf("%s %s: %v", line, ica.Subject.CommonName, err)
			continue
		}
		ek.ProductLine, ek.ICA, ek.ARK = line, ica, roots.ARK
		break
	}
	if ek.ICA == nil {
		return nil, verifier.Errorf(verifier.ReasonChain, "%v certificate (issuer %q) is not signed by the pinned %s of %s: %v",
			signer, cert.Issuer.CommonName, icaName(signer), strings.Join(lines, "/"), lastErr)
	}
	ek.NotBefore, ek.NotAfter = cert.NotBefore, cert.NotAfter
	for _, c := range []*x509.Certificate{ek.ICA, ek.ARK} {
		if c.NotBefore.After(ek.NotBefore) {
			ek.NotBefore = c.NotBefore
		}
		if c.NotAfter.Before(ek.NotAfter) {
			ek.NotAfter = c.NotAfter
		}
	}
	if err := checkWindow(ek, now); err != nil {
		return nil, err
	}
	// The full x509 path check (names, CA flags, key usage) on top of the signature above.
	pool := x509.NewCertPool()
	pool.AddCert(ek.ARK)
	inter := x509.NewCertPool()
	inter.AddCert(ek.ICA)
	if _, err := cert.Verify(x509.VerifyOptions{Roots: pool, Intermediates: inter, CurrentTime: now, KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageAny}}); err != nil {
		return nil, verifier.Wrap(verifier.ReasonChain, err, "%v certificate does not chain to the pinned %s ARK", signer, ek.ProductLine)
	}
	return ek, nil
}

func icaName(s abi.ReportSigner) string {
	if s == abi.VlekReportSigner {
		return "ASVK"
	}
	return "ASK"
}

// checkTableRoots rejects a certificate table whose ARK/ASK are not the pinned ones
// (the go-sev-guest #185 case): they are never used, but a table that carries a
// self-made root is forged evidence and says so.
func checkTableRoots(t *CertTable, ek *Endorsement) error {
	check := func(name string, der []byte, pinned *x509.Certificate) error {
		if len(der) == 0 || bytes.Equal(der, pinned.Raw) {
			return nil
		}
		got := sha256.Sum256(der)
		want := sha256.Sum256(pinned.Raw)
		return verifier.Errorf(verifier.ReasonRoot, "certificate table carries an %s with SHA-256 %x, want the pinned %s %s with SHA-256 %x; roots are never taken from evidence",
			name, got[:8], ek.ProductLine, name, want[:8])
	}
	if err := check("ARK", t.ARK, ek.ARK); err != nil {
		return err
	}
	// The ASK GUID holds the ASK for VCEK chains; VLEK tables (AWS) carry no ASK entry.
	if ek.Signer == abi.VcekReportSigner {
		return check("ASK", t.ASK, ek.ICA)
	}
	return nil
}

// matchReport checks that the endorsement key is the one for this chip and TCB: the
// signature alone does not say the key was issued for the TCB the report claims.
func matchReport(ek *Endorsement, r *Report) error {
	if r.ProductLine != "" && ek.ProductLine != r.ProductLine {
		return verifier.Errorf(verifier.ReasonChain, "%v chains to %s roots but the report's CPUID says %s", ek.Signer, ek.ProductLine, r.ProductLine)
	}
	if ek.TCB != r.ReportedTCB {
		return verifier.Errorf(verifier.ReasonChain, "%v is issued for TCB 0x%016x, report's REPORTED_TCB is 0x%016x; want the key for the reported TCB",
			ek.Signer, uint64(ek.TCB), uint64(r.ReportedTCB))
	}
	if ek.Signer == abi.VcekReportSigner && !r.MaskChipID && !bytes.Equal(ek.HWID, r.ChipID[:]) {
		return verifier.Errorf(verifier.ReasonChain, "VCEK is issued for chip %s…, report's CHIP_ID is %s…; want the VCEK of this chip",
			hex.EncodeToString(ek.HWID[:8]), hex.EncodeToString(r.ChipID[:8]))
	}
	return nil
}

// checkRevocation gets the product CRL (cached until its nextUpdate), verifies it with
// the pinned ARK and checks the intermediate and the endorsement key against it.
func (v *Verifier) checkRevocation(ctx context.Context, ek *Endorsement, now time.Time) (*crlEntry, error) {
	url := v.kdsURL(kds.CrlLinkByKey(ek.ProductLine, ek.Signer))
	v.mu.RLock()
	e := v.crls[url]
	v.mu.RUnlock()
	if e == nil || now.After(e.next) || e.ark != ek.ARK {
		var err error
		e, err = flight.Do(ctx, &v.flights, "crl "+url, func(ctx context.Context) (*crlEntry, error) {
			return v.fetchCRL(ctx, url, ek, now)
		})
		if err != nil {
			return nil, err
		}
	}
	if ek.crlChecked.Load() == e {
		return e, nil
	}
	for _, rc := range e.crl.RevokedCertificateEntries {
		if rc.SerialNumber.Cmp(ek.ICA.SerialNumber) == 0 {
			return nil, verifier.Errorf(verifier.ReasonRevoked, "%s %s (serial %s) is revoked since %s by the CRL at %s",
				ek.ProductLine, icaName(ek.Signer), ek.ICA.SerialNumber, rc.RevocationTime.UTC().Format(time.RFC3339), url)
		}
		if rc.SerialNumber.Cmp(ek.Cert.SerialNumber) == 0 {
			return nil, verifier.Errorf(verifier.ReasonRevoked, "%v (serial %s) is revoked since %s by the CRL at %s",
				ek.Signer, ek.Cert.SerialNumber, rc.RevocationTime.UTC().Format(time.RFC3339), url)
		}
	}
	ek.crlChecked.Store(e)
	return e, nil
}

func (v *Verifier) fetchCRL(ctx context.Context, url string, ek *Endorsement, now time.Time) (*crlEntry, error) {
	if v.getter == nil {
		return nil, verifier.Errorf(verifier.ReasonUnavailable, "revocation checking needs the CRL at %s but no getter is configured", url)
	}
	_, body, err := v.getter.GetContext(ctx, url)
	if err != nil {
		return nil, verifier.Wrap(verifier.ReasonUnavailable, err, "could not fetch the CRL at %s", url)
	}
	crl, err := x509.ParseRevocationList(body)
	if err != nil {
		return nil, verifier.Wrap(verifier.ReasonCollateral, err, "CRL from %s is not a DER CRL", url)
	}
	if err := crl.CheckSignatureFrom(ek.ARK); err != nil {
		return nil, verifier.Wrap(verifier.ReasonCollateral, err, "CRL from %s is not signed by the pinned %s ARK", url, ek.ProductLine)
	}
	if now.Before(crl.ThisUpdate) || now.After(crl.NextUpdate) {
		return nil, verifier.Errorf(verifier.ReasonCollateral, "CRL from %s is valid %s .. %s, verification time is %s; want a current CRL",
			url, crl.ThisUpdate.UTC().Format(time.RFC3339), crl.NextUpdate.UTC().Format(time.RFC3339), now.UTC().Format(time.RFC3339))
	}
	e := &crlEntry{crl: crl, ark: ek.ARK, next: crl.NextUpdate}
	v.mu.Lock()
	v.crls[url] = e
	v.mu.Unlock()
	return e, nil
}
