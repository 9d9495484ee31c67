package verifiertesting

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha512"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/pem"
	"fmt"
	"math/big"
	"sync"
	"time"

	"github.com/google/go-sev-guest/abi"
	"github.com/google/go-sev-guest/kds"
	spb "github.com/google/go-sev-guest/proto/sevsnp"
	sevtesting "github.com/google/go-sev-guest/testing"
	sevverify "github.com/google/go-sev-guest/verify"
	sevtrust "github.com/google/go-sev-guest/verify/trust"
	"github.com/google/uuid"
	"google.golang.org/protobuf/types/known/wrapperspb"
)

// SNPProductLines are the AMD product lines the simulated attester supports. Turin is left
// out because its VCEK URL and TCB layout differ and nothing here needs it yet.
var SNPProductLines = []string{"Milan", "Genoa"}

// DefaultSNPTCB is the TCB a simulated SEV-SNP chip reports unless SNPOptions.TCB says
// otherwise; the values resemble a patched Milan host.
var DefaultSNPTCB = kds.TCBParts{BlSpl: 4, TeeSpl: 0, SnpSpl: 23, UcodeSpl: 213}

// snpTestEpoch is the creation time of the test AMD chain; fixed so certificates validate at
// any plausible "now" a test picks and keep doing so for decades.
var snpTestEpoch = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)

// snpTestEnd bounds VCEK and CRL lifetimes, far past any test's fixed clock.
var snpTestEnd = time.Date(2049, 12, 31, 23, 59, 59, 0, time.UTC)

// testOnlyOID is the X.520 "description" attribute. AMD's checks look only at C, L, ST, O, OU
// and CN, so a description is where a TEST ONLY label can live in an AMD-shaped name.
var testOnlyOID = asn1.ObjectIdentifier{2, 5, 4, 13}

// SNPOptions configures NewSNPAttester. Every field has a usable zero value.
type SNPOptions struct {
	// ProductLine is "Milan" (default) or "Genoa".
	ProductLine string
	// Stepping is the CPU stepping encoded in the report's CPUID and the VCEK's product
	// name (default 1, i.e. B1).
	Stepping uint8
	// ReportVersion is the ATTESTATION_REPORT version: 2, 3 (default) or 5. Version 2 has no
	// CPUID fields, so the attester adds an ExtraPlatformInfo entry to the certificate table
	// to tell verifiers the product.
	ReportVersion uint32
	// Seed makes the chip reproducible: the VCEK key, CHIP_ID and REPORT_ID derive from it.
	// Nil means a fresh random chip.
	Seed []byte
	// ChipID overrides the seed-derived CHIP_ID.
	ChipID *[abi.ChipIDSize]byte
	// TCB is the platform TCB (reported, current, committed and launch); the zero value means
	// DefaultSNPTCB. The VCEK is certified for exactly this TCB, as AMD KDS does.
	TCB kds.TCBParts

	// The initial values of the SNPAttester fields of the same names.
	Measurement [abi.MeasurementSize]byte
	HostData    [abi.HostDataSize]byte
	VMPL        uint32
	GuestSVN    uint32
	FamilyID    [abi.FamilyIDSize]byte
	ImageID     [abi.ImageIDSize]byte
	// Policy is the guest policy; nil means {SMT: true}, the common launch policy 0x30000.
	Policy *abi.SnpPolicy
	// Debug sets the policy's debug bit, which a verifier must reject by default.
	Debug bool
}

// SNPAttester is a TEST ONLY simulated SEV-SNP guest on a simulated AMD chip.
//
// The exported fields are the launch-time guest state the report carries; change them
// between Report calls to simulate another guest on the same chip, but not while another
// goroutine calls Report. The chip identity (CHIP_ID, TCB, VCEK) is fixed at construction.
type SNPAttester struct {
	Measurement [abi.MeasurementSize]byte
	HostData    [abi.HostDataSize]byte
	VMPL        uint32
	GuestSVN    uint32
	FamilyID    [abi.FamilyIDSize]byte
	ImageID     [abi.ImageIDSize]byte
	Policy      abi.SnpPolicy

	pki      *snpProductPKI
	product  *spb.SevProduct
	version  uint32
	chipID   [abi.ChipIDSize]byte
	tcb      kds.TCBParts
	reportID [32]byte
	vcekKey  *ecdsa.PrivateKey
	vcek     *x509.Certificate
	certs    []byte
}

// NewSNPAttester returns a simulated SEV-SNP attester whose reports verify under SNPRoots.
// The first call per product line builds the test AMD chain (a few RSA-4096 signatures);
// later calls only certify a VCEK, or reuse one for a chip seen before.
func NewSNPAttester(opts SNPOptions) (*SNPAttester, error) {
	line := opts.ProductLine
	if line == "" {
		line = "Milan"
	}
	pki, err := snpPKI(line)
	if err != nil {
		return nil, err
	}
	version := opts.ReportVersion
	switch version {
	case 0:
		version = abi.ReportVersion3
	case abi.ReportVersion2, abi.ReportVersion3, abi.ReportVersion5:
	default:
		return nil, fmt.Errorf("SEV-SNP report version %d is not simulated; want 2, 3 or 5", version)
	}
	stepping := uint32(opts.Stepping)
	if opts.Stepping == 0 {
		stepping = 1
	}
	product := &spb.SevProduct{Name: pki.product.Name, MachineStepping: wrapperspb.UInt32(stepping)}
	if _, err := kds.ParseProductName(kds.ProductName(product), abi.VcekReportSigner); err != nil {
		return nil, fmt.Errorf("stepping %d of %s: %v", stepping, line, err)
	}
	tcb := opts.TCB
	if tcb == (kds.TCBParts{}) {
		tcb = DefaultSNPTCB
	}
	if _, err := kds.ComposeTCBParts(tcb); err != nil {
		return nil, err
	}

	a := &SNPAttester{
		Measurement: opts.Measurement,
		HostData:    opts.HostData,
		VMPL:        opts.VMPL,
		GuestSVN:    opts.GuestSVN,
		FamilyID:    opts.FamilyID,
		ImageID:     opts.ImageID,
		Policy:      abi.SnpPolicy{SMT: true},
		pki:         pki,
		product:     product,
		version:     version,
		tcb:         tcb,
	}
	if opts.Policy != nil {
		a.Policy = *opts.Policy
	}
	if opts.Debug {
		a.Policy.Debug = true
	}
	if opts.ChipID != nil {
		a.chipID = *opts.ChipID
	} else {
		copy(a.chipID[:], expand("snp/chip-id", opts.Seed, abi.ChipIDSize))
	}
	copy(a.reportID[:], expand("snp/report-id", opts.Seed, len(a.reportID)))
	if a.vcekKey, err = deriveKey(elliptic.P384(), "snp/vcek", opts.Seed); err != nil {
		return nil, err
	}
	if a.vcek, err = pki.vcekFor(product, a.chipID, tcb, a.vcekKey); err != nil {
		return nil, err
	}

	table := abi.CertTable{Entries: []abi.CertTableEntry{
		{GUID: uuid.MustParse(abi.VcekGUID), RawCert: a.vcek.Raw},
		{GUID: uuid.MustParse(abi.AskGUID), RawCert: pki.signer.Ask.Raw},
		{GUID: uuid.MustParse(abi.ArkGUID), RawCert: pki.signer.Ark.Raw},
	}}
	if version == abi.ReportVersion2 {
		info, err := (&abi.ExtraPlatformInfo{
			Size:      abi.ExtraPlatformInfoV0Size,
			Cpuid1Eax: abi.MaskedCpuid1EaxFromSevProduct(product),
		}).Marshal()
		if err != nil {
			return nil, err
		}
		table.Entries = append(table.Entries, abi.CertTableEntry{GUID: uuid.MustParse(abi.ExtraPlatformInfoGUID), RawCert: info})
	}
	a.certs = table.Marshal()
	return a, nil
}

// ProductLine is the chip's AMD product line ("Milan", "Genoa").
func (a *SNPAttester) ProductLine() string { return a.pki.line }

// ChipID is the CHIP_ID every report carries and the VCEK certifies.
func (a *SNPAttester) ChipID() [abi.ChipIDSize]byte { return a.chipID }

// TCB is the platform TCB every report carries and the VCEK certifies.
func (a *SNPAttester) TCB() kds.TCBParts { return a.tcb }

// VCEK is the chip's endorsement key certificate, issued by the test ASK.
func (a *SNPAttester) VCEK() *x509.Certificate { return a.vcek }

// CertTable returns the extended-report certificate table (VCEK, ASK, ARK; plus
// ExtraPlatformInfo for version 2 reports) that Report also returns.
func (a *SNPAttester) CertTable() []byte { return bytes.Clone(a.certs) }

// Report returns a freshly signed 1184-byte ATTESTATION_REPORT carrying reportData, and the
// certificate table an extended guest request would return with it. Together they verify
// offline: the table holds the VCEK, and SNPRoots holds the ASK and ARK it chains to.
func (a *SNPAttester) Report(reportData [abi.ReportDataSize]byte) (report []byte, certTable []byte, err error) {
	tcb, err := kds.ComposeTCBParts(a.tcb)
	if err != nil {
		return nil, nil, err
	}
	reportIDMA := bytes.Repeat([]byte{0xff}, 32) // all ones: no migration agent
	r := &spb.Report{
		Version:         a.version,
		GuestSvn:        a.GuestSVN,
		Policy:          abi.SnpPolicyToBytes(a.Policy),
		FamilyId:        a.FamilyID[:],
		ImageId:         a.ImageID[:],
		Vmpl:            a.VMPL,
		SignatureAlgo:   abi.SignEcdsaP384Sha384,
		CurrentTcb:      uint64(tcb),
		PlatformInfo:    1, // SMT enabled
		ReportData:      reportData[:],
		Measurement:     a.Measurement[:],
		HostData:        a.HostData[:],
		IdKeyDigest:     make([]byte, abi.IDKeyDigestSize),
		AuthorKeyDigest: make([]byte, abi.AuthorKeyDigestSize),
		ReportId:        a.reportID[:],
		ReportIdMa:      reportIDMA,
		ReportedTcb:     uint64(tcb),
		ChipId:          a.chipID[:],
		CommittedTcb:    uint64(tcb),
		CurrentBuild:    21,
		CurrentMinor:    55,
		CurrentMajor:    1,
		CommittedBuild:  21,
		CommittedMinor:  55,
		CommittedMajor:  1,
		LaunchTcb:       uint64(tcb),
		Signature:       make([]byte, abi.SignatureSize),
	}
	if a.version >= abi.ReportVersion3 {
		r.Cpuid1EaxFms = abi.MaskedCpuid1EaxFromSevProduct(a.product)
	}
	raw, err := abi.ReportToAbiBytes(r)
	if err != nil {
		return nil, nil, fmt.Errorf("encoding simulated report: %v", err)
	}
	digest := sha512.Sum384(abi.SignedComponent(raw))
	rr, ss, err := ecdsa.Sign(rand.Reader, a.vcekKey, digest[:])
	if err != nil {
		return nil, nil, fmt.Errorf("signing simulated report: %v", err)
	}
	if err := abi.SetSignature(rr, ss, raw); err != nil {
		return nil, nil, err
	}
	return raw, a.CertTable(), nil
}

// Attestation returns Report's output in the protobuf form go-sev-guest's verify and
// validate packages take.
func (a *SNPAttester) Attestation(reportData [abi.ReportDataSize]byte) (*spb.Attestation, error) {
	report, certs, err := a.Report(reportData)
	if err != nil {
		return nil, err
	}
	return abi.ReportCertsToProto(append(report, certs...))
}

// SNPRoots returns the TEST ONLY AMD roots (ARK and ASK per product line) in the form
// go-sev-guest's verify.Options.TrustedRoots takes. Each call returns fresh values, because
// the library caches a fetched CRL inside them.
func SNPRoots() map[string][]*sevtrust.AMDRootCerts {
	roots := map[string][]*sevtrust.AMDRootCerts{}
	for _, line := range SNPProductLines {
		pki, err := snpPKI(line)
		if err != nil {
			panic(err)
		}
		r := sevtrust.AMDRootCertsProduct(line)
		r.ProductCerts = &sevtrust.ProductCerts{Ark: pki.signer.Ark, Ask: pki.signer.Ask, Asvk: pki.signer.Asvk}
		roots[line] = []*sevtrust.AMDRootCerts{r}
	}
	return roots
}

// SNPCertChainPEM returns the TEST ONLY ASK then ARK of a product line as PEM, the format
// AMD KDS serves at .../vcek/v1/{line}/cert_chain and that a --roots file would hold.
func SNPCertChainPEM(productLine string) ([]byte, error) {
	pki, err := snpPKI(productLine)
	if err != nil {
		return nil, err
	}
	return bytes.Clone(pki.vcekChainPEM), nil
}

// SNPGetter returns an in-memory stand-in for AMD KDS serving, for every supported product
// line, the test ASK/ARK chains, the ARK-signed CRL, and the VCEK of every chip this process
// has simulated. With it a verifier that fetches certificates or checks revocation works
// offline. It is safe for concurrent use.
func SNPGetter() sevtrust.HTTPSGetter { return snpKDS{} }

// SNPVerifyOptions returns go-sev-guest verification options that accept this package's
// reports: test roots, the in-memory KDS, revocation checking on, and the clock at now.
func SNPVerifyOptions(now time.Time) *sevverify.Options {
	return &sevverify.Options{
		CheckRevocations: true,
		Getter:           SNPGetter(),
		Now:              now,
		TrustedRoots:     SNPRoots(),
	}
}

// snpProductPKI is the test AMD chain of one product line.
type snpProductPKI struct {
	line         string
	product      *spb.SevProduct
	signer       *sevtesting.AmdSigner
	crl          []byte
	vcekChainPEM []byte
	vlekChainPEM []byte

	mu    sync.Mutex
	vceks map[string]*x509.Certificate // by KDS VCEK URL
}

var snpPKIs = func() map[string]func() (*snpProductPKI, error) {
	m := map[string]func() (*snpProductPKI, error){}
	for _, line := range SNPProductLines {
		m[line] = sync.OnceValues(func() (*snpProductPKI, error) { return newSNPProductPKI(line) })
	}
	return m
}()

func snpPKI(line string) (*snpProductPKI, error) {
	build, ok := snpPKIs[line]
	if !ok {
		return nil, fmt.Errorf("SEV-SNP product line %q is not simulated; want one of %v", line, SNPProductLines)
	}
	return build()
}

func amdTestName(commonName string, serial *big.Int) pkix.Name {
	return pkix.Name{
		Country:            []string{"US"},
		Locality:           []string{"Santa Clara"},
		Province:           []string{"CA"},
		Organization:       []string{"Advanced Micro Devices"},
		OrganizationalUnit: []string{"Engineering"},
		CommonName:         commonName,
		SerialNumber:       fmt.Sprintf("%x", serial),
		ExtraNames: []pkix.AttributeTypeAndValue{
			{Type: testOnlyOID, Value: "teeoracle TEST ONLY - not an AMD key"},
		},
	}
}

func newSNPProductPKI(line string) (*snpProductPKI, error) {
	product, err := kds.ParseProductLine(line)
	if err != nil {
		return nil, err
	}
	product.MachineStepping = wrapperspb.UInt32(1)
	keys := sevtesting.DefaultAmdKeys()
	// The builder always certifies a VLEK when it has a key for one; nothing here signs with
	// a VLEK, so skip that RSA signature.
	keys.Vlek = nil
	serial := big.NewInt(0xc0dec0de)
	arkName := amdTestName("ARK-"+line, serial)
	askName := amdTestName("SEV-"+line, serial)
	asvkName := amdTestName("SEV-VLEK-"+line, serial)
	b := &sevtesting.AmdSignerBuilder{
		Keys:             keys,
		ProductName:      kds.ProductName(product),
		ArkCreationTime:  snpTestEpoch,
		AskCreationTime:  snpTestEpoch,
		AsvkCreationTime: snpTestEpoch,
		VcekCreationTime: snpTestEpoch,
		ArkCustom:        sevtesting.CertOverride{Subject: &arkName, Issuer: &arkName},
		AskCustom:        sevtesting.CertOverride{Subject: &askName},
		AsvkCustom:       sevtesting.CertOverride{Subject: &asvkName},
	}
	signer, err := b.TestOnlyCertChain()
	if err != nil {
		return nil, fmt.Errorf("building the test AMD %s chain: %v", line, err)
	}
	crl, err := x509.CreateRevocationList(rand.Reader, &x509.RevocationList{
		SignatureAlgorithm: x509.SHA384WithRSAPSS,
		Number:             big.NewInt(1),
		ThisUpdate:         snpTestEpoch,
		NextUpdate:         snpTestEnd,
	}, signer.Ark, keys.Ark)
	if err != nil {
		return nil, fmt.Errorf("signing the test AMD %s CRL: %v", line, err)
	}
	return &snpProductPKI{
		line:         line,
		product:      product,
		signer:       signer,
		crl:          crl,
		vcekChainPEM: pemCerts(signer.Ask, signer.Ark),
		vlekChainPEM: pemCerts(signer.Asvk, signer.Ark),
		vceks:        map[string]*x509.Certificate{},
	}, nil
}

// vcekFor certifies key as the VCEK of (chipID, tcb), or returns the certificate issued
// earlier for the same chip, TCB and key; RSA-4096 signing is the slow part of NewSNPAttester.
func (p *snpProductPKI) vcekFor(product *spb.SevProduct, chipID [abi.ChipIDSize]byte, tcb kds.TCBParts, key *ecdsa.PrivateKey) (*x509.Certificate, error) {
	version, err := kds.ComposeTCBParts(tcb)
	if err != nil {
		return nil, err
	}
	url := kds.VCEKCertURL(p.line, chipID[:], version)
	p.mu.Lock()
	defer p.mu.Unlock()
	if cert, ok := p.vceks[url]; ok && cert.PublicKey.(*ecdsa.PublicKey).Equal(&key.PublicKey) && productNameOf(cert) == kds.ProductName(product) {
		return cert, nil
	}
	serial := serialFrom("snp/vcek", []byte(url))
	tmpl := &x509.Certificate{
		Version:            3,
		SerialNumber:       serial,
		SignatureAlgorithm: x509.SHA384WithRSAPSS,
		Subject:            amdTestName("SEV-VCEK", serial),
		NotBefore:          snpTestEpoch,
		NotAfter:           snpTestEnd,
		ExtraExtensions:    sevtesting.CustomExtensions(tcb, chipID[:], "", kds.ProductName(product)),
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, p.signer.Ask, &key.PublicKey, p.signer.Keys.Ask)
	if err != nil {
		return nil, fmt.Errorf("certifying a test VCEK: %v", err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, err
	}
	// The latest VCEK for a URL wins, as on a real KDS after a chip's key changes.
	p.vceks[url] = cert
	return cert, nil
}

func productNameOf(cert *x509.Certificate) string {
	exts, err := kds.VcekCertificateExtensions(cert)
	if err != nil {
		return ""
	}
	return exts.ProductName
}

// snpKDS answers the AMD KDS URLs go-sev-guest builds.
type snpKDS struct{}

func (snpKDS) Get(url string) ([]byte, error) {
	for _, line := range SNPProductLines {
		switch url {
		case kds.ProductCertChainURL(abi.VcekReportSigner, line),
			kds.ProductCertChainURL(abi.VlekReportSigner, line),
			kds.CrlLinkByKey(line, abi.VcekReportSigner),
			kds.CrlLinkByKey(line, abi.VlekReportSigner):
			pki, err := snpPKI(line)
			if err != nil {
				return nil, err
			}
			switch url {
			case kds.ProductCertChainURL(abi.VcekReportSigner, line):
				return bytes.Clone(pki.vcekChainPEM), nil
			case kds.ProductCertChainURL(abi.VlekReportSigner, line):
				return bytes.Clone(pki.vlekChainPEM), nil
			default:
				return bytes.Clone(pki.crl), nil
			}
		}
	}
	if req, err := kds.ParseVCEKCertURL(url); err == nil {
		if pki, err := snpPKI(req.ProductLine); err == nil {
			pki.mu.Lock()
			cert, ok := pki.vceks[url]
			pki.mu.Unlock()
			if ok {
				return bytes.Clone(cert.Raw), nil
			}
		}
	}
	return nil, fmt.Errorf("teeoracle TEST ONLY KDS: nothing at %q", url)
}

func pemCerts(certs ...*x509.Certificate) []byte {
	var b bytes.Buffer
	for _, c := range certs {
		_ = pem.Encode(&b, &pem.Block{Type: "CERTIFICATE", Bytes: c.Raw})
	}
	return b.Bytes()
}
