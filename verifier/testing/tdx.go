package verifiertesting

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"time"

	"github.com/google/go-tdx-guest/pcs"
)

// TD_ATTRIBUTES bits (Intel TDX module ABI): a verifier must reject DEBUG by default;
// SEPT_VE_DISABLE is what production TDs usually set.
const (
	TDAttributeDebug         uint64 = 1 << 0
	TDAttributeSEPTVEDisable uint64 = 1 << 28
)

// Defaults for a simulated TDX platform; they resemble a Sapphire Rapids host with a TDX 1.5
// module. TEE_TCB_SVN[1] > 0 makes go-tdx-guest evaluate the module's own TCB levels as well.
var (
	DefaultTDXFMSPC            = [6]byte{0x50, 0x80, 0x6f, 0x00, 0x00, 0x00}
	DefaultTDXPCESVN    uint16 = 11
	DefaultTDXSGXTCB           = [16]byte{3, 3, 2, 2, 2, 1, 0, 2}
	DefaultTDXTEETCBSVN        = [16]byte{5, 1, 3}
	DefaultTDXQESVN     uint16 = 4
	// defaultXFAM is x87, SSE, AVX, AVX-512, PKRU and AMX state: an XFAM of zero is not
	// architecturally possible, so zero in TDXOptions means "default".
	defaultXFAM uint64 = 0x61ae7
)

// The quoting enclave a real TDX host runs. Its MRSIGNER, product ID and attribute values are
// Intel's public ones, so the TD_QE identity this package signs looks like Intel's.
var (
	qeVendorID   = mustHex("939a7233f79c4ca9940a0db3957f0607")
	qeMRSigner   = mustHex("dc9e2a7c6f948f17474e34a7fc43ed030f7c1563f1babddf6340c82e0e54a8c5")
	qeAttributes = mustHex("11000000000000000000000000000000")
	qeISVProdID  = uint16(2)
	qeMRENCLAVE  = expand("tdx/qe-mrenclave", []byte("fixed"), 32)
	qeAuthData   = func() []byte {
		b := make([]byte, 32)
		for i := range b {
			b[i] = byte(i)
		}
		return b
	}()
)

// OIDs of the SGX extension in a PCK certificate, beyond those pcs exports.
var (
	oidSGXType            = asn1.ObjectIdentifier{1, 2, 840, 113741, 1, 13, 1, 5}
	oidPlatformInstanceID = asn1.ObjectIdentifier{1, 2, 840, 113741, 1, 13, 1, 6}
	oidConfiguration      = asn1.ObjectIdentifier{1, 2, 840, 113741, 1, 13, 1, 7}
)

// TDXOptions configures NewTDXAttester. Every field has a usable zero value.
type TDXOptions struct {
	// QuoteVersion is 4 (default) or 5.
	QuoteVersion uint16
	// BodyType selects the version 5 body: 2 (TDX 1.0, same fields as version 4) or 3
	// (TDX 1.5, default, adds TEE_TCB_SVN_2 and MRSERVICETD). Ignored for version 4.
	BodyType uint16
	// Seed makes the platform reproducible: the PCK and attestation keys, PPID, platform
	// instance ID and PCK serial derive from it. Nil means a fresh random platform.
	Seed []byte

	// The platform TCB. The PCK certificate certifies FMSPC, PCESVN and the SGX TCB
	// components; TDXAttester.Collateral assigns a TCB status to exactly these values.
	// Zero values mean the Default* variables.
	FMSPC            [6]byte
	PCESVN           uint16
	SGXTCBComponents [16]byte
	TEETCBSVN        [16]byte
	// QESVN is the quoting enclave's ISVSVN (zero means DefaultTDXQESVN).
	QESVN uint16
	// PCKNotAfter ends the PCK certificate's validity (zero: far in the future).
	PCKNotAfter time.Time

	// The initial values of the TDXAttester fields of the same names.
	MRTD, MRConfigID, MROwner, MROwnerConfig [48]byte
	RTMRs                                    [4][48]byte
	TEETCBSVN2                               [16]byte
	MRServiceTD                              [48]byte
	TDAttributes                             uint64
	// Debug adds TDAttributeDebug to TDAttributes.
	Debug bool
	// XFAM is zero for the default (see defaultXFAM).
	XFAM uint64
}

// TDXAttester is a TEST ONLY simulated TD on a simulated TDX platform with its quoting
// enclave.
//
// The exported fields are the TD's registers that quotes report; change them between Quote
// calls, not while another goroutine calls Quote. The platform (PCK, TCB, keys) is fixed at
// construction.
type TDXAttester struct {
	MRTD, MRConfigID, MROwner, MROwnerConfig [48]byte
	RTMRs                                    [4][48]byte
	// TEETCBSVN2 and MRServiceTD appear only in version 5, body type 3 quotes.
	TEETCBSVN2   [16]byte
	MRServiceTD  [48]byte
	TDAttributes uint64
	XFAM         uint64

	version, bodyType uint16
	teeTCBSVN         [16]byte
	mrSeam            [48]byte
	fmspc             [6]byte
	pceSVN            uint16
	sgxTCB            [16]byte
	qeSVN             uint16
	attestationKey    *ecdsa.PrivateKey
	pck               *x509.Certificate
	// signedDataTail is everything after the quote signature: the attestation key and the
	// certification data, which depend only on the platform and so are built once.
	signedDataTail []byte
}

// NewTDXAttester returns a simulated TDX attester whose quotes verify under TDXRoots with
// collateral from its Collateral method. It costs a few ECDSA P-256 signatures.
func NewTDXAttester(opts TDXOptions) (*TDXAttester, error) {
	pki, err := testIntelPKI()
	if err != nil {
		return nil, fmt.Errorf("building the test Intel PKI: %v", err)
	}
	a := &TDXAttester{
		MRTD:          opts.MRTD,
		MRConfigID:    opts.MRConfigID,
		MROwner:       opts.MROwner,
		MROwnerConfig: opts.MROwnerConfig,
		RTMRs:         opts.RTMRs,
		TEETCBSVN2:    opts.TEETCBSVN2,
		MRServiceTD:   opts.MRServiceTD,
		TDAttributes:  opts.TDAttributes,
		XFAM:          opts.XFAM,
		version:       opts.QuoteVersion,
		bodyType:      opts.BodyType,
		teeTCBSVN:     opts.TEETCBSVN,
		fmspc:         opts.FMSPC,
		pceSVN:        opts.PCESVN,
		sgxTCB:        opts.SGXTCBComponents,
		qeSVN:         opts.QESVN,
	}
	if opts.Debug {
		a.TDAttributes |= TDAttributeDebug
	}
	if a.XFAM == 0 {
		a.XFAM = defaultXFAM
	}
	switch a.version {
	case 0:
		a.version = 4
	case 4, 5:
	default:
		return nil, fmt.Errorf("TDX quote version %d is not simulated; want 4 or 5", a.version)
	}
	switch a.bodyType {
	case 0:
		a.bodyType = 3
	case 2, 3:
	default:
		return nil, fmt.Errorf("TDX quote body type %d is not simulated; want 2 (TDX 1.0) or 3 (TDX 1.5)", a.bodyType)
	}
	if a.teeTCBSVN == ([16]byte{}) {
		a.teeTCBSVN = DefaultTDXTEETCBSVN
	}
	if a.fmspc == ([6]byte{}) {
		a.fmspc = DefaultTDXFMSPC
	}
	if a.pceSVN == 0 {
		a.pceSVN = DefaultTDXPCESVN
	}
	if a.sgxTCB == ([16]byte{}) {
		a.sgxTCB = DefaultTDXSGXTCB
	}
	if a.qeSVN == 0 {
		a.qeSVN = DefaultTDXQESVN
	}
	// Every simulated host runs the same TDX module, as a fleet on one module release does.
	copy(a.mrSeam[:], expand("tdx/mrseam", []byte("fixed"), len(a.mrSeam)))

	pckKey, err := deriveKey(elliptic.P256(), "tdx/pck", opts.Seed)
	if err != nil {
		return nil, err
	}
	if a.attestationKey, err = deriveKey(elliptic.P256(), "tdx/attestation-key", opts.Seed); err != nil {
		return nil, err
	}
	notAfter := opts.PCKNotAfter
	if notAfter.IsZero() {
		notAfter = intelTestEnd
	}
	if a.pck, err = a.issuePCK(pki, pckKey, opts.Seed, notAfter); err != nil {
		return nil, err
	}
	if a.signedDataTail, err = a.certificationData(pki, pckKey); err != nil {
		return nil, err
	}
	return a, nil
}

// PCK is the platform's PCK leaf certificate, issued by the test PCK Platform CA.
func (a *TDXAttester) PCK() *x509.Certificate { return a.pck }

// FMSPC is the platform's FMSPC as go-tdx-guest spells it in PCS URLs (lowercase hex).
func (a *TDXAttester) FMSPC() string { return hex.EncodeToString(a.fmspc[:]) }

// TEETCBSVN is the TEE_TCB_SVN every quote reports.
func (a *TDXAttester) TEETCBSVN() [16]byte { return a.teeTCBSVN }

// Quote returns a freshly signed TDX quote (version 4 or 5, as configured) carrying
// reportData, with a type 5 (PEM) PCK certificate chain inside, as a real QGS returns it.
func (a *TDXAttester) Quote(reportData [64]byte) ([]byte, error) {
	var q bytes.Buffer
	// Header (48 bytes).
	writeLE16(&q, a.version)
	writeLE16(&q, 2)          // attestation key type: ECDSA-256 with P-256
	writeLE32(&q, 0x81)       // TEE type: TDX
	q.Write(make([]byte, 4))  // reserved
	q.Write(qeVendorID)       // Intel's QE vendor ID
	q.Write(make([]byte, 20)) // user data
	if a.version == 5 {
		writeLE16(&q, a.bodyType)
		size := uint32(584)
		if a.bodyType == 3 {
			size = 648
		}
		writeLE32(&q, size)
	}
	// Body.
	q.Write(a.teeTCBSVN[:])
	q.Write(a.mrSeam[:])
	q.Write(make([]byte, 48)) // MRSIGNERSEAM: zero for an Intel-signed TDX module
	q.Write(make([]byte, 8))  // SEAMATTRIBUTES
	writeLE64(&q, a.TDAttributes)
	writeLE64(&q, a.XFAM)
	q.Write(a.MRTD[:])
	q.Write(a.MRConfigID[:])
	q.Write(a.MROwner[:])
	q.Write(a.MROwnerConfig[:])
	for _, r := range a.RTMRs {
		q.Write(r[:])
	}
	q.Write(reportData[:])
	if a.version == 5 && a.bodyType == 3 {
		q.Write(a.TEETCBSVN2[:])
		q.Write(a.MRServiceTD[:])
	}
	signed := q.Len()
	sig, err := signP256(a.attestationKey, q.Bytes()[:signed])
	if err != nil {
		return nil, fmt.Errorf("signing simulated quote: %v", err)
	}
	writeLE32(&q, uint32(len(sig)+len(a.signedDataTail)))
	q.Write(sig)
	q.Write(a.signedDataTail)
	return q.Bytes(), nil
}

// issuePCK certifies pckKey the way Intel's PCK Platform CA does, with the SGX extension
// go-tdx-guest parses: PPID, TCB (16 SGX TCB component SVNs, PCESVN, CPUSVN), PCE-ID, FMSPC,
// SGX type, platform instance ID and configuration.
func (a *TDXAttester) issuePCK(pki *intelPKI, pckKey *ecdsa.PrivateKey, seed []byte, notAfter time.Time) (*x509.Certificate, error) {
	tcb := make([]asn1.RawValue, 0, 18)
	for i, svn := range a.sgxTCB {
		tcb = append(tcb, mustRaw(struct {
			ID  asn1.ObjectIdentifier
			SVN int
		}{append(append(asn1.ObjectIdentifier{}, pcs.OidTCB...), i+1), int(svn)}))
	}
	tcb = append(tcb,
		mustRaw(struct {
			ID  asn1.ObjectIdentifier
			SVN int
		}{pcs.OidPCESvn, int(a.pceSVN)}),
		mustRaw(struct {
			ID     asn1.ObjectIdentifier
			CPUSVN []byte
		}{pcs.OidCPUSvn, a.sgxTCB[:]}),
	)
	octets := func(oid asn1.ObjectIdentifier, b []byte) asn1.RawValue {
		return mustRaw(struct {
			ID    asn1.ObjectIdentifier
			Value []byte
		}{oid, b})
	}
	flag := func(oid asn1.ObjectIdentifier, v bool) asn1.RawValue {
		return mustRaw(struct {
			ID    asn1.ObjectIdentifier
			Value bool
		}{oid, v})
	}
	sgx := []asn1.RawValue{
		octets(pcs.OidPPID, expand("tdx/ppid", seed, 16)),
		mustRaw(struct {
			ID         asn1.ObjectIdentifier
			Components []asn1.RawValue
		}{pcs.OidTCB, tcb}),
		octets(pcs.OidPCEID, []byte{0, 0}),
		octets(pcs.OidFMSPC, a.fmspc[:]),
		mustRaw(struct {
			ID   asn1.ObjectIdentifier
			Type asn1.Enumerated
		}{oidSGXType, 1}), // scalable, as on TDX-capable Xeons
		octets(oidPlatformInstanceID, expand("tdx/platform-instance-id", seed, 16)),
		mustRaw(struct {
			ID     asn1.ObjectIdentifier
			Values []asn1.RawValue
		}{oidConfiguration, []asn1.RawValue{
			flag(append(append(asn1.ObjectIdentifier{}, oidConfiguration...), 1), true),  // dynamic platform
			flag(append(append(asn1.ObjectIdentifier{}, oidConfiguration...), 2), false), // cached keys
			flag(append(append(asn1.ObjectIdentifier{}, oidConfiguration...), 3), true),  // SMT enabled
		}}),
	}
	sgxValue, err := asn1.Marshal(sgx)
	if err != nil {
		return nil, err
	}
	pub, err := x509.MarshalPKIXPublicKey(&pckKey.PublicKey)
	if err != nil {
		return nil, err
	}
	ski := sha1.Sum(pub)
	tmpl := &x509.Certificate{
		SerialNumber: serialFrom("tdx/pck", seed),
		Subject:      intelTestName(intelPCKCN),
		NotBefore:    intelTestEpoch,
		NotAfter:     notAfter,
		// Exactly the six extensions go-tdx-guest counts: AKI (from the issuer), CRL
		// distribution point, SKI, key usage, basic constraints and the SGX extension.
		SubjectKeyId:          ski[:],
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageContentCommitment,
		BasicConstraintsValid: true,
		CRLDistributionPoints: []string{pcs.PckCrlURL(pckCRLCA)},
		ExtraExtensions:       []pkix.Extension{{Id: pcs.OidSgxExtension, Value: sgxValue}},
	}
	return createCert(tmpl, pki.platformCA, &pckKey.PublicKey, pki.platformCAKey)
}

// certificationData returns the attestation key followed by certification data type 6: the
// QE report (whose REPORT_DATA binds the attestation key), its PCK signature, the QE
// authentication data and the type 5 PEM PCK chain.
func (a *TDXAttester) certificationData(pki *intelPKI, pckKey *ecdsa.PrivateKey) ([]byte, error) {
	attKey := make([]byte, 64)
	a.attestationKey.PublicKey.X.FillBytes(attKey[:32])
	a.attestationKey.PublicKey.Y.FillBytes(attKey[32:])

	var qe bytes.Buffer   // SGX enclave report, 384 bytes
	qe.Write(a.sgxTCB[:]) // CPUSVN
	writeLE32(&qe, 0)     // MISCSELECT
	qe.Write(make([]byte, 28))
	qe.Write(qeAttributes)
	qe.Write(qeMRENCLAVE)
	qe.Write(make([]byte, 32))
	qe.Write(qeMRSigner)
	qe.Write(make([]byte, 96))
	writeLE16(&qe, qeISVProdID)
	writeLE16(&qe, a.qeSVN)
	qe.Write(make([]byte, 60))
	binding := sha256.Sum256(append(append([]byte{}, attKey...), qeAuthData...))
	qe.Write(binding[:])
	qe.Write(make([]byte, 32))
	qeSig, err := signP256(pckKey, qe.Bytes())
	if err != nil {
		return nil, fmt.Errorf("signing simulated QE report: %v", err)
	}

	// Real quotes end the PEM chain with a NUL byte; keep it so parsers meet the real shape.
	chain := append(pemCerts(a.pck, pki.platformCA, pki.root), 0)
	var qeData bytes.Buffer
	qeData.Write(qe.Bytes())
	qeData.Write(qeSig)
	writeLE16(&qeData, uint16(len(qeAuthData)))
	qeData.Write(qeAuthData)
	writeLE16(&qeData, 5)
	writeLE32(&qeData, uint32(len(chain)))
	qeData.Write(chain)

	var out bytes.Buffer
	out.Write(attKey)
	writeLE16(&out, 6)
	writeLE32(&out, uint32(qeData.Len()))
	out.Write(qeData.Bytes())
	return out.Bytes(), nil
}

// signP256 returns the raw r||s ECDSA-SHA256 signature Intel's formats use.
func signP256(key *ecdsa.PrivateKey, msg []byte) ([]byte, error) {
	digest := sha256.Sum256(msg)
	r, s, err := ecdsa.Sign(rand.Reader, key, digest[:])
	if err != nil {
		return nil, err
	}
	sig := make([]byte, 64)
	r.FillBytes(sig[:32])
	s.FillBytes(sig[32:])
	return sig, nil
}

func mustRaw(v any) asn1.RawValue {
	der, err := asn1.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("verifiertesting: encoding %T: %v", v, err))
	}
	return asn1.RawValue{FullBytes: der}
}

func mustHex(s string) []byte {
	b, err := hex.DecodeString(s)
	if err != nil {
		panic(err)
	}
	return b
}

func writeLE16(b *bytes.Buffer, v uint16) { b.Write(binary.LittleEndian.AppendUint16(nil, v)) }
func writeLE32(b *bytes.Buffer, v uint32) { b.Write(binary.LittleEndian.AppendUint32(nil, v)) }
func writeLE64(b *bytes.Buffer, v uint64) { b.Write(binary.LittleEndian.AppendUint64(nil, v)) }
