package tdx

import (
	"context"
	"crypto/ecdsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"math/big"
	"net/url"
	"strings"
	"time"

	"github.com/google/go-tdx-guest/pcs"
	"github.com/teeoracle/teeoracle/verifier"
)

// DefaultPCSBaseURL is Intel's Provisioning Certification Service. A PCCS or caching
// service that mirrors its /sgx and /tdx paths can replace it.
const DefaultPCSBaseURL = "https://api.trustedservices.intel.com"

const (
	tcbInfoChainHeader = "Tcb-Info-Issuer-Chain"
	qeIDChainHeader    = "Sgx-Enclave-Identity-Issuer-Chain"
	tcbSigningCN       = "Intel SGX TCB Signing"
)

// Collateral is verified TCB info and QE identity for one FMSPC.
type Collateral struct {
	FMSPC      string
	TCBInfo    pcs.TcbInfo
	QEIdentity pcs.EnclaveIdentity
	// Signer is the TCB signing certificate that signed both (checked against the root CRL).
	Signers []*x509.Certificate
	// NotAfter is the earliest nextUpdate or signer expiry.
	NotAfter time.Time
}

// TCBInfoURL and the others build PCS URLs under a base.
func TCBInfoURL(base, fmspc string) string {
	return base + "/tdx/certification/v4/tcb?fmspc=" + fmspc
}

// QEIdentityURL is the TDX QE identity URL under base.
func QEIdentityURL(base string) string { return base + "/tdx/certification/v4/qe/identity" }

// PCKCRLURL is the PCK CRL URL for a CA ("platform" or "processor") under base.
func PCKCRLURL(base, ca string) string {
	return base + "/sgx/certification/v4/pckcrl?ca=" + ca + "&encoding=der"
}

func headerValue(h map[string][]string, name string) (string, bool) {
	for k, v := range h {
		if strings.EqualFold(k, name) && len(v) == 1 {
			return v[0], true
		}
	}
	return "", false
}

// signingCert reads an issuer-chain header (URL-escaped PEM: signing cert, root) and
// returns the signing certificate after checking it chains to a pinned root. The root in
// the header is ignored: only the pinned one counts.
func signingCert(h map[string][]string, header string, roots *x509.CertPool, now time.Time) (*x509.Certificate, error) {
	v, ok := headerValue(h, header)
	if !ok {
		return nil, verifier.Errorf(verifier.ReasonCollateral, "response has no single %s header carrying the signing chain", header)
	}
	chain, err := url.QueryUnescape(v)
	if err != nil {
		return nil, verifier.Wrap(verifier.ReasonCollateral, err, "%s header is not URL-escaped PEM", header)
	}
	block, _ := pem.Decode([]byte(chain))
	if block == nil || block.Type != "CERTIFICATE" {
		return nil, verifier.Errorf(verifier.ReasonCollateral, "%s header has no PEM certificate", header)
	}
	cert, err := x509.ParseCertificate(block.Bytes)
	if err != nil {
		return nil, verifier.Wrap(verifier.ReasonCollateral, err, "%s signing certificate does not parse", header)
	}
	if cert.Subject.CommonName != tcbSigningCN {
		return nil, verifier.Errorf(verifier.ReasonCollateral, "collateral signer is %q, want %q", cert.Subject.CommonName, tcbSigningCN)
	}
	if now.Before(cert.NotBefore) || now.After(cert.NotAfter) {
		return nil, verifier.Errorf(verifier.ReasonExpired, "collateral signing certificate is valid %s .. %s, verification time is %s",
			cert.NotBefore.UTC().Format(time.RFC3339), cert.NotAfter.UTC().Format(time.RFC3339), now.UTC().Format(time.RFC3339))
	}
	if _, err := cert.Verify(x509.VerifyOptions{Roots: roots, CurrentTime: now, KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageAny}}); err != nil {
		return nil, verifier.Wrap(verifier.ReasonRoot, err, "collateral signing certificate does not chain to the pinned Intel SGX Root CA")
	}
	return cert, nil
}

// signedBody splits a PCS JSON body into the exact bytes of the signed member and the
// signature, and verifies the signature with the signing certificate.
func signedBody(body []byte, member string, signer *x509.Certificate) (json.RawMessage, error) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(body, &raw); err != nil {
		return nil, verifier.Wrap(verifier.ReasonCollateral, err, "%s response is not JSON", member)
	}
	m, ok := raw[member]
	if !ok {
		return nil, verifier.Errorf(verifier.ReasonCollateral, "response has no %q member", member)
	}
	var sigHex string
	if err := json.Unmarshal(raw["signature"], &sigHex); err != nil {
		return nil, verifier.Wrap(verifier.ReasonCollateral, err, "%s response has no signature string", member)
	}
	sig, err := hex.DecodeString(sigHex)
	if err != nil || len(sig) != 64 {
		return nil, verifier.Errorf(verifier.ReasonCollateral, "%s signature is not 64 bytes of hex", member)
	}
	pub, ok := signer.PublicKey.(*ecdsa.PublicKey)
	if !ok {
		return nil, verifier.Errorf(verifier.ReasonCollateral, "collateral signer key is %T, want ECDSA", signer.PublicKey)
	}
	d := sha256.Sum256(m)
	if !ecdsa.Verify(pub, d[:], new(big.Int).SetBytes(sig[:32]), new(big.Int).SetBytes(sig[32:])) {
		return nil, verifier.Errorf(verifier.ReasonSignature, "%s signature does not verify with %q: the collateral was altered", member, signer.Subject.CommonName)
	}
	return m, nil
}

// fetchCollateral gets and verifies TCB info and QE identity for an FMSPC.
func (v *Verifier) fetchCollateral(ctx context.Context, fmspc string, now time.Time) (*Collateral, error) {
	if v.getter == nil {
		return nil, verifier.Errorf(verifier.ReasonUnavailable, "collateral for FMSPC %s is needed but no getter is configured", fmspc)
	}
	c := &Collateral{FMSPC: fmspc}
	u := TCBInfoURL(v.pcsBase, fmspc)
	h, body, err := v.getter.GetContext(ctx, u)
	if err != nil {
		return nil, verifier.Wrap(verifier.ReasonUnavailable, err, "could not fetch TCB info from %s", u)
	}
	signer, err := signingCert(h, tcbInfoChainHeader, v.rootPool, now)
	if err != nil {
		return nil, err
	}
	m, err := signedBody(body, "tcbInfo", signer)
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(m, &c.TCBInfo); err != nil {
		return nil, verifier.Wrap(verifier.ReasonCollateral, err, "TCB info from %s does not parse", u)
	}
	ti := &c.TCBInfo
	if ti.ID != "TDX" || ti.Version != 3 {
		return nil, verifier.Errorf(verifier.ReasonCollateral, "TCB info is id %q version %d, want id \"TDX\" version 3", ti.ID, ti.Version)
	}
	if !strings.EqualFold(ti.Fmspc, fmspc) {
		return nil, verifier.Errorf(verifier.ReasonCollateral, "TCB info is for FMSPC %s, want %s (the PCK certificate's)", ti.Fmspc, fmspc)
	}
	if err := fresh("TCB info of FMSPC "+fmspc, ti.IssueDate, ti.NextUpdate, now); err != nil {
		return nil, err
	}
	c.Signers = append(c.Signers, signer)
	c.NotAfter = earliest(ti.NextUpdate, signer.NotAfter)

	u = QEIdentityURL(v.pcsBase)
	h, body, err = v.getter.GetContext(ctx, u)
	if err != nil {
		return nil, verifier.Wrap(verifier.ReasonUnavailable, err, "could not fetch QE identity from %s", u)
	}
	if signer, err = signingCert(h, qeIDChainHeader, v.rootPool, now); err != nil {
		return nil, err
	}
	if m, err = signedBody(body, "enclaveIdentity", signer); err != nil {
		return nil, err
	}
	if err := json.Unmarshal(m, &c.QEIdentity); err != nil {
		return nil, verifier.Wrap(verifier.ReasonCollateral, err, "QE identity from %s does not parse", u)
	}
	qi := &c.QEIdentity
	if qi.ID != "TD_QE" || qi.Version != 2 {
		return nil, verifier.Errorf(verifier.ReasonCollateral, "QE identity is id %q version %d, want id \"TD_QE\" version 2", qi.ID, qi.Version)
	}
	if err := fresh("QE identity", qi.IssueDate, qi.NextUpdate, now); err != nil {
		return nil, err
	}
	c.Signers = append(c.Signers, signer)
	c.NotAfter = earliest(c.NotAfter, qi.NextUpdate, signer.NotAfter)
	return c, nil
}

func fresh(what string, issued, next, now time.Time) error {
	if now.After(next) {
		return verifier.Errorf(verifier.ReasonCollateral, "%s is stale: its nextUpdate was %s, verification time is %s; want current collateral",
			what, next.UTC().Format(time.RFC3339), now.UTC().Format(time.RFC3339))
	}
	if now.Before(issued) {
		return verifier.Errorf(verifier.ReasonCollateral, "%s was issued %s, after the verification time %s", what, issued.UTC().Format(time.RFC3339), now.UTC().Format(time.RFC3339))
	}
	return nil
}

func earliest(ts ...time.Time) time.Time {
	out := ts[0]
	for _, t := range ts[1:] {
		if t.Before(out) {
			out = t
		}
	}
	return out
}

// crlEntry is a CRL whose signature was checked against issuer.
type crlEntry struct {
	url    string
	crl    *x509.RevocationList
	issuer *x509.Certificate
}

// fetchCRL gets a CRL and checks it is signed by issuer and current at now. PCS serves
// DER; some PCCS deployments serve PEM or hex, which are accepted too.
func (v *Verifier) fetchCRL(ctx context.Context, u string, issuer *x509.Certificate, now time.Time) (*crlEntry, error) {
	if v.getter == nil {
		return nil, verifier.Errorf(verifier.ReasonUnavailable, "revocation checking needs %s but no getter is configured", u)
	}
	_, body, err := v.getter.GetContext(ctx, u)
	if err != nil {
		return nil, verifier.Wrap(verifier.ReasonUnavailable, err, "could not fetch the CRL at %s", u)
	}
	der := body
	if b, _ := pem.Decode(body); b != nil {
		der = b.Bytes
	} else if h, err := hex.DecodeString(strings.TrimSpace(string(body))); err == nil {
		der = h
	}
	crl, err := x509.ParseRevocationList(der)
	if err != nil {
		return nil, verifier.Wrap(verifier.ReasonCollateral, err, "CRL at %s does not parse", u)
	}
	if err := crl.CheckSignatureFrom(issuer); err != nil {
		return nil, verifier.Wrap(verifier.ReasonCollateral, err, "CRL at %s is not signed by %q", u, issuer.Subject.CommonName)
	}
	if err := fresh("CRL at "+u, crl.ThisUpdate, crl.NextUpdate, now); err != nil {
		return nil, err
	}
	return &crlEntry{url: u, crl: crl, issuer: issuer}, nil
}

func (e *crlEntry) revoked(c *x509.Certificate, what string) error {
	for _, rc := range e.crl.RevokedCertificateEntries {
		if rc.SerialNumber.Cmp(c.SerialNumber) == 0 {
			return verifier.Errorf(verifier.ReasonRevoked, "%s (serial %x) is revoked since %s by the CRL at %s",
				what, c.SerialNumber, rc.RevocationTime.UTC().Format(time.RFC3339), e.url)
		}
	}
	return nil
}

func (e *crlEntry) String() string { return fmt.Sprintf("CRL %s next %s", e.url, e.crl.NextUpdate) }
