package tdx

import (
	"encoding/binary"

	"github.com/teeoracle/teeoracle/verifier"
)

// Quote layout constants (Intel TDX DCAP quote v4/v5).
const (
	headerSize         = 48
	bodyV4Size         = 584
	bodyV5TDX15Size    = 648
	enclaveReportSize  = 384
	sigSize            = 64
	attKeySize         = 64
	teeTypeTDX         = 0x81
	attKeyTypeECDSA256 = 2
	certTypeQEReport   = 6
	certTypePCKChain   = 5
	// minSignedDataSize is signature, key, QE report cert-data header, QE report, its
	// signature, auth data size and the PCK cert-data header.
	minSignedDataSize = sigSize + attKeySize + 6 + enclaveReportSize + sigSize + 2 + 6
)

// Body offsets, shared by v4 and v5 bodies.
const (
	offTeeTcbSvn     = 0
	offMrSignerSeam  = 64
	offSeamAttrs     = 112
	offTdAttributes  = 120
	offMrTd          = 136
	offMrConfigID    = 184
	offMrOwner       = 232
	offMrOwnerConfig = 280
	offRtmr0         = 328
	offReportData    = 520
)

// Quote is a parsed TDX quote. Its slices alias the raw bytes given to ParseQuote.
type Quote struct {
	Raw     []byte
	Version uint16
	// Signed is the header and body (with the v5 body descriptor): what the attestation
	// key signs.
	Signed []byte
	Body   []byte
	// Signature is r||s (big-endian), AttestationKey is x||y of a P-256 key.
	Signature      []byte
	AttestationKey []byte
	// CertData is the QE report certification data that follows the attestation key;
	// with AttestationKey it identifies the signing quoting enclave and platform.
	CertData    []byte
	QEReport    []byte
	QEReportSig []byte
	QEAuthData  []byte
	PCKChain    []byte // PEM
	// Trailing is the zero padding after the signed data.
	Trailing int
}

// ParseQuote reads a raw quote. It accepts trailing bytes only when they are all zero
// and the quote stays within verifier.MaxTDXQuoteSize: configfs-tsm pads quotes to a
// fixed buffer, and a parser that rejected padding would reject most real quotes.
func ParseQuote(raw []byte) (*Quote, error) {
	if len(raw) > verifier.MaxTDXQuoteSize {
		return nil, verifier.Errorf(verifier.ReasonOversized, "TDX quote is %d bytes, want at most %d (padding included)", len(raw), verifier.MaxTDXQuoteSize)
	}
	if len(raw) < headerSize+2 {
		return nil, verifier.Errorf(verifier.ReasonMalformed, "TDX quote is %d bytes, shorter than its %d-byte header", len(raw), headerSize)
	}
	q := &Quote{Raw: raw, Version: binary.LittleEndian.Uint16(raw[0:2])}
	if q.Version != 4 && q.Version != 5 {
		return nil, verifier.Errorf(verifier.ReasonUnsupportedVersion, "TDX quote version is %d, want 4 or 5", q.Version)
	}
	if kt := binary.LittleEndian.Uint16(raw[2:4]); kt != attKeyTypeECDSA256 {
		return nil, verifier.Errorf(verifier.ReasonUnsupportedVersion, "TDX quote attestation key type is %d, want %d (ECDSA P-256)", kt, attKeyTypeECDSA256)
	}
	if tt := binary.LittleEndian.Uint32(raw[4:8]); tt != teeTypeTDX {
		return nil, verifier.Errorf(verifier.ReasonTEEMismatch, "quote TEE type is 0x%x, want 0x%x (TDX); SGX quotes are not accepted", tt, teeTypeTDX)
	}
	off := headerSize
	switch q.Version {
	case 4:
		if len(raw) < off+bodyV4Size+4 {
			return nil, truncated(len(raw), off+bodyV4Size+4, "v4 body")
		}
		q.Body = raw[off : off+bodyV4Size]
		off += bodyV4Size
	case 5:
		if len(raw) < off+6 {
			return nil, truncated(len(raw), off+6, "v5 body descriptor")
		}
		bodyType := binary.LittleEndian.Uint16(raw[off : off+2])
		bodySize := binary.LittleEndian.Uint32(raw[off+2 : off+6])
		var want uint32
		switch bodyType {
		case 2:
			want = bodyV4Size
		case 3:
			want = bodyV5TDX15Size
		default:
			return nil, verifier.Errorf(verifier.ReasonUnsupportedVersion, "TDX v5 body type is %d, want 2 (TDX 1.0) or 3 (TDX 1.5)", bodyType)
		}
		if bodySize != want {
			return nil, verifier.Errorf(verifier.ReasonMalformed, "TDX v5 body type %d has size %d, want %d", bodyType, bodySize, want)
		}
		off += 6
		if len(raw) < off+int(bodySize)+4 {
			return nil, truncated(len(raw), off+int(bodySize)+4, "v5 body")
		}
		q.Body = raw[off : off+int(bodySize)]
		off += int(bodySize)
	}
	q.Signed = raw[:off]
	sdLen := int(binary.LittleEndian.Uint32(raw[off : off+4]))
	off += 4
	if sdLen < minSignedDataSize {
		return nil, verifier.Errorf(verifier.ReasonMalformed, "TDX signed data size is %d, want at least %d", sdLen, minSignedDataSize)
	}
	if sdLen > len(raw)-off {
		return nil, truncated(len(raw), off+sdLen, "signed data")
	}
	sd := raw[off : off+sdLen]
	for _, b := range raw[off+sdLen:] {
		if b != 0 {
			return nil, verifier.Errorf(verifier.ReasonMalformed, "TDX quote has %d bytes after its signed data that are not all zero; only zero padding is accepted", len(raw)-off-sdLen)
		}
	}
	q.Trailing = len(raw) - off - sdLen

	q.Signature = sd[0:sigSize]
	q.AttestationKey = sd[sigSize : sigSize+attKeySize]
	p := sd[sigSize+attKeySize:]
	q.CertData = p
	if ct := binary.LittleEndian.Uint16(p[0:2]); ct != certTypeQEReport {
		return nil, verifier.Errorf(verifier.ReasonUnsupportedVersion, "TDX certification data type is %d, want %d (QE report certification data)", ct, certTypeQEReport)
	}
	if n := int(binary.LittleEndian.Uint32(p[2:6])); n != len(p)-6 {
		return nil, verifier.Errorf(verifier.ReasonMalformed, "TDX certification data size is %d, want %d (the rest of the signed data)", n, len(p)-6)
	}
	p = p[6:]
	q.QEReport = p[:enclaveReportSize]
	q.QEReportSig = p[enclaveReportSize : enclaveReportSize+sigSize]
	p = p[enclaveReportSize+sigSize:]
	authLen := int(binary.LittleEndian.Uint16(p[0:2]))
	if len(p) < 2+authLen+6 {
		return nil, truncated(len(p), 2+authLen+6, "QE auth data")
	}
	q.QEAuthData = p[2 : 2+authLen]
	p = p[2+authLen:]
	if ct := binary.LittleEndian.Uint16(p[0:2]); ct != certTypePCKChain {
		return nil, verifier.Errorf(verifier.ReasonUnsupportedVersion, "TDX QE certification data type is %d, want %d (PCK certificate chain)", ct, certTypePCKChain)
	}
	if n := int(binary.LittleEndian.Uint32(p[2:6])); n != len(p)-6 {
		return nil, verifier.Errorf(verifier.ReasonMalformed, "TDX PCK chain size is %d, want %d (the rest of the signed data)", n, len(p)-6)
	}
	q.PCKChain = p[6:]
	if len(q.PCKChain) == 0 {
		return nil, verifier.Errorf(verifier.ReasonMalformed, "TDX quote has an empty PCK certificate chain")
	}
	return q, nil
}

func truncated(have, want int, what string) error {
	return verifier.Errorf(verifier.ReasonMalformed, "TDX quote is truncated in its %s: need %d bytes, have %d", what, want, have)
}

// TeeTcbSvn is TEE_TCB_SVN of the TD.
func (q *Quote) TeeTcbSvn() []byte { return q.Body[offTeeTcbSvn : offTeeTcbSvn+16] }

// MrSignerSeam is the TDX module signer.
func (q *Quote) MrSignerSeam() []byte { return q.Body[offMrSignerSeam : offMrSignerSeam+48] }

// SeamAttributes of the TDX module.
func (q *Quote) SeamAttributes() []byte { return q.Body[offSeamAttrs : offSeamAttrs+8] }

// TdAttributes of the TD.
func (q *Quote) TdAttributes() []byte { return q.Body[offTdAttributes : offTdAttributes+8] }

// Debug reports TD_ATTRIBUTES.DEBUG (bit 0): a debug TD's state is readable by the host.
func (q *Quote) Debug() bool { return q.Body[offTdAttributes]&1 != 0 }

// ReportData returns REPORTDATA.
func (q *Quote) ReportData() (out [64]byte) {
	copy(out[:], q.Body[offReportData:offReportData+64])
	return out
}

// Registers returns the registers covered by the measurement hash.
func (q *Quote) Registers() *verifier.TDXRegisters {
	var r verifier.TDXRegisters
	copy(r.MRTD[:], q.Body[offMrTd:])
	copy(r.MRCONFIGID[:], q.Body[offMrConfigID:])
	copy(r.MROWNER[:], q.Body[offMrOwner:])
	copy(r.MROWNERCONFIG[:], q.Body[offMrOwnerConfig:])
	copy(r.RTMR0[:], q.Body[offRtmr0:])
	copy(r.RTMR1[:], q.Body[offRtmr0+48:])
	copy(r.RTMR2[:], q.Body[offRtmr0+96:])
	copy(r.RTMR3[:], q.Body[offRtmr0+144:])
	return &r
}

// QE report (SGX enclave report) fields.
func qeMiscSelect(r []byte) uint32 { return binary.LittleEndian.Uint32(r[16:20]) }
func qeAttributes(r []byte) []byte { return r[48:64] }
func qeMrSigner(r []byte) []byte   { return r[128:160] }
func qeIsvProdID(r []byte) uint16  { return binary.LittleEndian.Uint16(r[256:258]) }
func qeIsvSvn(r []byte) uint16     { return binary.LittleEndian.Uint16(r[258:260]) }
func qeReportData(r []byte) []byte { return r[320:384] }
