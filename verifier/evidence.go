package verifier

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/ethereum/go-ethereum/common"
)

// Size limits. They bound memory per request before any parsing happens.
const (
	MaxEnvelopeSize = 64 << 10
	// MaxQuoteSize bounds a raw report/quote inside an envelope or a bare file.
	MaxQuoteSize = 16 << 10
	// MaxCertsSize bounds the SNP certificate table (VCEK, ASK, ARK are ~1.4 KB each).
	MaxCertsSize = 16 << 10
	// MaxTDXQuoteSize caps a TDX quote including trailing zero padding: configfs-tsm
	// returns a fixed 8000-byte buffer on GCP, and 8 KiB covers every real quote seen.
	MaxTDXQuoteSize = 8 << 10
	// SNPReportSize is the fixed size of an SEV-SNP attestation report.
	SNPReportSize = 0x4A0

	// EnvelopeVersion is the only envelope version this verifier reads.
	EnvelopeVersion = 1
)

type envelopeJSON struct {
	Version  *int    `json:"version"`
	TEE      *string `json:"tee"`
	Quote    *string `json:"quote"`
	Certs    *string `json:"certs,omitempty"`
	Subject  *string `json:"subject"`
	Nonce    *string `json:"nonce"`
	AppData  *string `json:"appData,omitempty"`
	ChainID  *uint64 `json:"chainId"`
	Registry *string `json:"registry"`
}

// DecodeEvidence reads an envelope (JSON, SPEC §6) or a bare raw report/quote, telling
// them apart by the first non-space byte: a raw TDX quote starts with 0x04/0x05 and an
// SNP report with 0x02..0x05, never with '{'.
func DecodeEvidence(b []byte) (*Evidence, error) {
	trimmed := bytes.TrimLeft(b, " \t\r\n")
	if len(trimmed) > 0 && trimmed[0] == '{' {
		return DecodeEnvelope(b)
	}
	if len(b) > MaxQuoteSize {
		return nil, Errorf(ReasonOversized, "bare evidence is %d bytes, want at most %d", len(b), MaxQuoteSize)
	}
	tee, err := DetectTEE(b)
	if err != nil {
		return nil, err
	}
	return &Evidence{TEE: tee, Quote: b}, nil
}

// DetectTEE tells a raw TDX quote from a raw SNP report by their headers.
func DetectTEE(b []byte) (TEEType, error) {
	if len(b) >= 8 {
		version := binary.LittleEndian.Uint16(b[0:2])
		keyType := binary.LittleEndian.Uint16(b[2:4])
		teeType := binary.LittleEndian.Uint32(b[4:8])
		if (version == 4 || version == 5) && keyType == 2 && teeType == 0x81 {
			return TEETDX, nil
		}
	}
	if len(b) == SNPReportSize {
		version := binary.LittleEndian.Uint32(b[0:4])
		sigAlgo := binary.LittleEndian.Uint32(b[0x34:0x38])
		if version >= 1 && version <= 0xff && sigAlgo == 1 {
			return TEESEVSNP, nil
		}
	}
	return 0, Errorf(ReasonMalformed,
		"bare evidence of %d bytes is neither a TDX quote (version 4/5, key type 2, TEE type 0x81) nor a %d-byte SEV-SNP report (signature algorithm 1)",
		len(b), SNPReportSize)
}

// DecodeEnvelope strictly decodes a JSON envelope: unknown fields, trailing data, missing
// required fields, hex without 0x and wrong lengths are all rejected.
func DecodeEnvelope(b []byte) (*Evidence, error) {
	if len(b) > MaxEnvelopeSize {
		return nil, Errorf(ReasonOversized, "envelope is %d bytes, want at most %d", len(b), MaxEnvelopeSize)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var env envelopeJSON
	if err := dec.Decode(&env); err != nil {
		return nil, Wrap(ReasonMalformed, err, "envelope is not valid JSON of SPEC §6")
	}
	if dec.More() {
		return nil, Errorf(ReasonMalformed, "envelope has data after the JSON object, want exactly one object")
	}
	if env.Version == nil {
		return nil, Errorf(ReasonMalformed, "envelope has no version, want %d", EnvelopeVersion)
	}
	if *env.Version != EnvelopeVersion {
		return nil, Errorf(ReasonUnsupportedVersion, "envelope version is %d, want %d", *env.Version, EnvelopeVersion)
	}
	if env.TEE == nil {
		return nil, Errorf(ReasonMalformed, "envelope has no tee, want \"sev-snp\" or \"tdx\"")
	}
	tee, err := ParseTEEType(*env.TEE)
	if err != nil {
		return nil, err
	}
	ev := &Evidence{TEE: tee}
	if env.Quote == nil {
		return nil, Errorf(ReasonMalformed, "envelope has no quote")
	}
	if ev.Quote, err = decodeHexField("quote", *env.Quote, -1, MaxQuoteSize); err != nil {
		return nil, err
	}
	if len(ev.Quote) == 0 {
		return nil, Errorf(ReasonMalformed, "envelope quote is empty")
	}
	if env.Certs != nil {
		if ev.Certs, err = decodeHexField("certs", *env.Certs, -1, MaxCertsSize); err != nil {
			return nil, err
		}
		if len(ev.Certs) > 0 && tee != TEESEVSNP {
			return nil, Errorf(ReasonMalformed, "envelope has certs for tee %q; certs are only defined for \"sev-snp\"", tee)
		}
	}
	// The quote must really be of the declared type: a TDX quote labelled sev-snp (or the
	// reverse) is a tee-mismatch, not a parse error deep in the wrong parser.
	if got, err := DetectTEE(ev.Quote); err == nil && got != tee {
		return nil, Errorf(ReasonTEEMismatch, "envelope says tee %q but the quote is a %s quote", tee, got)
	}

	bind := &Binding{}
	if env.ChainID == nil || *env.ChainID == 0 {
		return nil, Errorf(ReasonMalformed, "envelope chainId is missing or zero, want the chain id report_data is bound to")
	}
	bind.ChainID = *env.ChainID
	if bind.Registry, err = decodeAddress("registry", env.Registry); err != nil {
		return nil, err
	}
	if bind.Subject, err = decodeAddress("subject", env.Subject); err != nil {
		return nil, err
	}
	if env.Nonce == nil {
		return nil, Errorf(ReasonMalformed, "envelope has no nonce, want 32 bytes of 0x-hex")
	}
	nonce, err := decodeHexField("nonce", *env.Nonce, 32, 32)
	if err != nil {
		return nil, err
	}
	copy(bind.Nonce[:], nonce)
	if env.AppData != nil {
		app, err := decodeHexField("appData", *env.AppData, 32, 32)
		if err != nil {
			return nil, err
		}
		copy(bind.AppData[:], app)
	}
	ev.Binding = bind
	return ev, nil
}

func decodeAddress(name string, s *string) (common.Address, error) {
	if s == nil {
		return common.Address{}, Errorf(ReasonMalformed, "envelope has no %s, want a 20-byte 0x-hex address", name)
	}
	b, err := decodeHexField(name, *s, 20, 20)
	if err != nil {
		return common.Address{}, err
	}
	return common.BytesToAddress(b), nil
}

// decodeHexField decodes 0x-hex. want < 0 means any length up to limit bytes.
func decodeHexField(name, s string, want, limit int) ([]byte, error) {
	if !strings.HasPrefix(s, "0x") && !strings.HasPrefix(s, "0X") {
		return nil, Errorf(ReasonMalformed, "envelope %s is not 0x-prefixed hex", name)
	}
	s = s[2:]
	if len(s)/2 > limit {
		return nil, Errorf(ReasonOversized, "envelope %s is %d bytes, want at most %d", name, len(s)/2, limit)
	}
	b, err := hex.DecodeString(s)
	if err != nil {
		return nil, Wrap(ReasonMalformed, err, "envelope %s is not valid hex", name)
	}
	if want >= 0 && len(b) != want {
		return nil, Errorf(ReasonMalformed, "envelope %s is %d bytes, want %d", name, len(b), want)
	}
	return b, nil
}

// EncodeEnvelope is the inverse of DecodeEnvelope, for agents and tests.
func EncodeEnvelope(ev *Evidence) ([]byte, error) {
	if ev.Binding == nil {
		return nil, fmt.Errorf("evidence has no binding; an envelope must carry one")
	}
	enc := func(b []byte) *string { s := "0x" + hex.EncodeToString(b); return &s }
	v := EnvelopeVersion
	tee := ev.TEE.String()
	env := envelopeJSON{
		Version:  &v,
		TEE:      &tee,
		Quote:    enc(ev.Quote),
		Subject:  enc(ev.Binding.Subject[:]),
		Nonce:    enc(ev.Binding.Nonce[:]),
		AppData:  enc(ev.Binding.AppData[:]),
		ChainID:  &ev.Binding.ChainID,
		Registry: enc(ev.Binding.Registry[:]),
	}
	if len(ev.Certs) > 0 {
		env.Certs = enc(ev.Certs)
	}
	return json.Marshal(env)
}
