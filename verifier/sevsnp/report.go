package sevsnp

import (
	"crypto/sha512"
	"encoding/binary"
	"math/big"
	"slices"

	"github.com/google/go-sev-guest/abi"
	"github.com/google/go-sev-guest/kds"
	"github.com/teeoracle/teeoracle/verifier"
)

// Guest policy bits (SEV-SNP ABI, table "Guest Policy").
const (
	policySMTBit       = 16
	policyMigrateMABit = 18
	policyDebugBit     = 19
)

// signedSize is the part of the report covered by the signature.
const signedSize = 0x2A0

// Report is a parsed SEV-SNP attestation report. Raw is the caller's slice: do not
// modify it while the Report is in use.
type Report struct {
	Raw          []byte
	Version      uint32
	Policy       uint64
	VMPL         uint32
	CurrentTCB   kds.TCBVersion
	ReportedTCB  kds.TCBVersion
	CommittedTCB kds.TCBVersion
	Signer       abi.ReportSigner
	MaskChipID   bool
	ReportData   [64]byte
	Measurement  [48]byte
	HostData     [32]byte
	ChipID       [64]byte
	// ProductLine is derived from CPUID family/model for v3+ reports and empty for v2,
	// where the endorsement key's product-name extension is the only source.
	ProductLine string
}

// ParseReport reads a raw report. It checks the size, version, signature algorithm and
// reserved fields; it verifies nothing.
func ParseReport(raw []byte) (*Report, error) {
	if len(raw) > verifier.MaxQuoteSize {
		return nil, verifier.Errorf(verifier.ReasonOversized, "SEV-SNP report is %d bytes, want %d", len(raw), abi.ReportSize)
	}
	if len(raw) != abi.ReportSize {
		return nil, verifier.Errorf(verifier.ReasonMalformed, "SEV-SNP report is %d bytes, want %d", len(raw), abi.ReportSize)
	}
	version := binary.LittleEndian.Uint32(raw[0:4])
	if version < abi.MinSupportedReportVersion || version > abi.MaxSupportedReportVersion {
		return nil, verifier.Errorf(verifier.ReasonUnsupportedVersion, "SEV-SNP report version is %d, want %d..%d",
			version, abi.MinSupportedReportVersion, abi.MaxSupportedReportVersion)
	}
	if algo := abi.SignatureAlgo(raw); algo != abi.SignEcdsaP384Sha384 {
		return nil, verifier.Errorf(verifier.ReasonUnsupportedVersion, "SEV-SNP signature algorithm is %d, want %d (ECDSA P-384 with SHA-384)", algo, abi.SignEcdsaP384Sha384)
	}
	// The library checks every reserved (must-be-zero) field and the policy encoding.
	p, err := abi.ReportToProto(raw)
	if err != nil {
		return nil, verifier.Wrap(verifier.ReasonMalformed, err, "SEV-SNP report fields are not well formed")
	}
	info, err := abi.ParseSignerInfo(p.GetSignerInfo())
	if err != nil {
		return nil, verifier.Wrap(verifier.ReasonMalformed, err, "SEV-SNP signer info is not well formed")
	}
	r := &Report{
		Raw:          raw,
		Version:      version,
		Policy:       p.GetPolicy(),
		VMPL:         p.GetVmpl(),
		CurrentTCB:   kds.TCBVersion(p.GetCurrentTcb()),
		ReportedTCB:  kds.TCBVersion(p.GetReportedTcb()),
		CommittedTCB: kds.TCBVersion(p.GetCommittedTcb()),
		Signer:       info.SigningKey,
		MaskChipID:   info.MaskChipKey,
	}
	copy(r.ReportData[:], p.GetReportData())
	copy(r.Measurement[:], p.GetMeasurement())
	copy(r.HostData[:], p.GetHostData())
	copy(r.ChipID[:], p.GetChipId())
	if fms := p.GetCpuid1EaxFms(); fms != 0 {
		r.ProductLine = kds.ProductLineFromFms(fms)
	}
	if r.Signer != abi.VcekReportSigner && r.Signer != abi.VlekReportSigner {
		return nil, verifier.Errorf(verifier.ReasonUnsupportedVersion, "SEV-SNP report is signed by %v, want VCEK or VLEK", r.Signer)
	}
	return r, nil
}

// Debug reports whether the guest policy allows debugging.
func (r *Report) Debug() bool { return r.Policy&(1<<policyDebugBit) != 0 }

// MeasurementHash is the SPEC §2 measurement hash.
func (r *Report) MeasurementHash() [32]byte {
	return verifier.SNPMeasurementHash(&r.Measurement, &r.HostData)
}

// Registers lists what the measurement hash covers.
func (r *Report) Registers() []verifier.Register {
	return []verifier.Register{{Name: "MEASUREMENT", Value: r.Measurement[:]}, {Name: "HOST_DATA", Value: r.HostData[:]}}
}

// signature returns the report signature's r and s: 72-byte little-endian fields at
// 0x2A0 and 0x2E8.
func (r *Report) signature() (sigR, sigS *big.Int) {
	le := func(b []byte) *big.Int {
		be := slices.Clone(b)
		slices.Reverse(be)
		return new(big.Int).SetBytes(be)
	}
	return le(r.Raw[signedSize : signedSize+72]), le(r.Raw[signedSize+72 : signedSize+144])
}

func (r *Report) digest() []byte {
	h := sha512.Sum384(r.Raw[:signedSize])
	return h[:]
}
