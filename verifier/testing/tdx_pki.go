package verifiertesting

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"fmt"
	"math/big"
	"net/url"
	"sync"
	"time"

	"github.com/google/go-tdx-guest/pcs"
)

// IntelRootCRLURL is the CRL distribution point of the test Intel root, the same address as
// the real one so collateral from this package has the shape of production collateral. Only
// the in-memory getter answers it with the test CRL.
const IntelRootCRLURL = "https://certificates.trustedservices.intel.com/IntelSGXRootCA.der"

// The common names go-tdx-guest insists on.
const (
	intelRootCN       = "Intel SGX Root CA"
	intelPlatformCACN = "Intel SGX PCK Platform CA"
	intelPCKCN        = "Intel SGX PCK Certificate"
	intelTCBSigningCN = "Intel SGX TCB Signing"
)

var (
	intelTestEpoch = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	intelTestEnd   = time.Date(2049, 12, 31, 23, 59, 59, 0, time.UTC)
)

// intelPKI is the TEST ONLY stand-in for Intel's SGX/TDX provisioning PKI: a root, the PCK
// Platform CA under it that issues PCK leaves, and the TCB Signing certificate that signs
// TCB info and QE identity. Keys derive from fixed labels, so they are the same in every run.
type intelPKI struct {
	rootKey, platformCAKey, tcbSigningKey *ecdsa.PrivateKey
	root, platformCA, tcbSigning          *x509.Certificate
}

var testIntelPKI = sync.OnceValues(newIntelPKI)

func mustIntelPKI() *intelPKI {
	p, err := testIntelPKI()
	if err != nil {
		panic(fmt.Sprintf("verifiertesting: building the test Intel PKI: %v", err))
	}
	return p
}

func intelTestName(cn string) pkix.Name {
	return pkix.Name{
		CommonName:         cn,
		Organization:       []string{"teeoracle TEST ONLY"},
		OrganizationalUnit: []string{"not Intel Corporation; never trust in production"},
		Locality:           []string{"Santa Clara"},
		Province:           []string{"CA"},
		Country:            []string{"US"},
	}
}

func newIntelPKI() (*intelPKI, error) {
	p := &intelPKI{
		rootKey:       mustDeriveKey(elliptic.P256(), "intel/root"),
		platformCAKey: mustDeriveKey(elliptic.P256(), "intel/pck-platform-ca"),
		tcbSigningKey: mustDeriveKey(elliptic.P256(), "intel/tcb-signing"),
	}
	fixed := []byte("teeoracle TEST ONLY fixed roots")
	rootTmpl := &x509.Certificate{
		SerialNumber:          serialFrom("intel/root", fixed),
		Subject:               intelTestName(intelRootCN),
		NotBefore:             intelTestEpoch,
		NotAfter:              intelTestEnd,
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
		BasicConstraintsValid: true,
		IsCA:                  true,
		MaxPathLen:            1,
		CRLDistributionPoints: []string{IntelRootCRLURL},
	}
	var err error
	if p.root, err = createCert(rootTmpl, rootTmpl, &p.rootKey.PublicKey, p.rootKey); err != nil {
		return nil, err
	}
	caTmpl := &x509.Certificate{
		SerialNumber:          serialFrom("intel/pck-platform-ca", fixed),
		Subject:               intelTestName(intelPlatformCACN),
		NotBefore:             intelTestEpoch,
		NotAfter:              intelTestEnd,
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
		BasicConstraintsValid: true,
		IsCA:                  true,
		MaxPathLenZero:        true,
		CRLDistributionPoints: []string{IntelRootCRLURL},
	}
	if p.platformCA, err = createCert(caTmpl, p.root, &p.platformCAKey.PublicKey, p.rootKey); err != nil {
		return nil, err
	}
	signingTmpl := &x509.Certificate{
		SerialNumber:          serialFrom("intel/tcb-signing", fixed),
		Subject:               intelTestName(intelTCBSigningCN),
		NotBefore:             intelTestEpoch,
		NotAfter:              intelTestEnd,
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageContentCommitment,
		BasicConstraintsValid: true,
		CRLDistributionPoints: []string{IntelRootCRLURL},
	}
	if p.tcbSigning, err = createCert(signingTmpl, p.root, &p.tcbSigningKey.PublicKey, p.rootKey); err != nil {
		return nil, err
	}
	return p, nil
}

func createCert(tmpl, parent *x509.Certificate, pub *ecdsa.PublicKey, signer *ecdsa.PrivateKey) (*x509.Certificate, error) {
	tmpl.SignatureAlgorithm = x509.ECDSAWithSHA256
	der, err := x509.CreateCertificate(rand.Reader, tmpl, parent, pub, signer)
	if err != nil {
		return nil, fmt.Errorf("issuing test %q: %v", tmpl.Subject.CommonName, err)
	}
	return x509.ParseCertificate(der)
}

// issueCRL signs a CRL from issuer listing revoked serials, valid from thisUpdate to nextUpdate.
func issueCRL(issuer *x509.Certificate, key *ecdsa.PrivateKey, revoked []*big.Int, thisUpdate, nextUpdate time.Time) ([]byte, error) {
	entries := make([]x509.RevocationListEntry, 0, len(revoked))
	for _, serial := range revoked {
		entries = append(entries, x509.RevocationListEntry{SerialNumber: serial, RevocationTime: thisUpdate})
	}
	return x509.CreateRevocationList(rand.Reader, &x509.RevocationList{
		SignatureAlgorithm:        x509.ECDSAWithSHA256,
		Number:                    big.NewInt(thisUpdate.Unix()),
		ThisUpdate:                thisUpdate,
		NextUpdate:                nextUpdate,
		RevokedCertificateEntries: entries,
	}, issuer, key)
}

// TDXRoots returns a new pool holding only the TEST ONLY Intel root, for go-tdx-guest's
// verify.Options.TrustedRoots.
func TDXRoots() *x509.CertPool {
	pool := x509.NewCertPool()
	pool.AddCert(TDXRootCert())
	return pool
}

// TDXRootCert is the TEST ONLY "Intel SGX Root CA".
func TDXRootCert() *x509.Certificate { return mustIntelPKI().root }

// TDXRootPEM is TDXRootCert in PEM, for a --roots file.
func TDXRootPEM() []byte { return pemCerts(TDXRootCert()) }

// pckCRLCA is the "ca" parameter of the PCK CRL URL for PCKs our Platform CA issues.
const pckCRLCA = "platform"

// issuerChainHeader is how Intel PCS sends an issuer chain: URL-escaped PEM, signer first.
func issuerChainHeader(pem []byte) string {
	return url.QueryEscape(string(pem))
}

// pcsURLs lists what an in-memory PCS serves for one platform.
func pcsURLs(fmspc string) (tcbInfo, qeIdentity, pckCRL, rootCRL string) {
	return pcs.TcbInfoURL(fmspc), pcs.QeIdentityURL(), pcs.PckCrlURL(pckCRLCA), IntelRootCRLURL
}
