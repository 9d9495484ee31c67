package verifier

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
)

// TEEType is the on-chain TEE identifier of SPEC §2.
type TEEType uint8

// TEE types. 0 is invalid.
const (
	TEESEVSNP TEEType = 1
	TEETDX    TEEType = 2
)

// String returns the envelope spelling ("sev-snp", "tdx").
func (t TEEType) String() string {
	switch t {
	case TEESEVSNP:
		return "sev-snp"
	case TEETDX:
		return "tdx"
	}
	return fmt.Sprintf("invalid(%d)", uint8(t))
}

// ParseTEEType accepts the envelope spelling.
func ParseTEEType(s string) (TEEType, error) {
	switch s {
	case "sev-snp":
		return TEESEVSNP, nil
	case "tdx":
		return TEETDX, nil
	}
	return 0, Errorf(ReasonMalformed, "tee is %q, want \"sev-snp\" or \"tdx\"", s)
}

// MarshalJSON writes the envelope spelling.
func (t TEEType) MarshalJSON() ([]byte, error) { return json.Marshal(t.String()) }

// TCBStatus is the vendor-neutral TCB status of SPEC §2. Lower is better; 0 means not
// evaluated. Revoked is never a status: it is always a rejection.
type TCBStatus uint8

// Normalized TCB statuses.
const (
	TCBNotEvaluated                      TCBStatus = 0
	TCBUpToDate                          TCBStatus = 1
	TCBSWHardeningNeeded                 TCBStatus = 2
	TCBConfigurationNeeded               TCBStatus = 3
	TCBConfigurationAndSWHardeningNeeded TCBStatus = 4
	TCBOutOfDate                         TCBStatus = 5
	TCBOutOfDateConfigurationNeeded      TCBStatus = 6
)

var tcbNames = [...]string{"NotEvaluated", "UpToDate", "SWHardeningNeeded", "ConfigurationNeeded",
	"ConfigurationAndSWHardeningNeeded", "OutOfDate", "OutOfDateConfigurationNeeded"}

func (s TCBStatus) String() string {
	if int(s) < len(tcbNames) {
		return tcbNames[s]
	}
	return fmt.Sprintf("TCBStatus(%d)", uint8(s))
}

// Meets reports whether s satisfies the minimum m as SPEC §2 defines it:
// m == 0 means no requirement; otherwise 1 <= s <= m.
func (s TCBStatus) Meets(m TCBStatus) bool {
	return m == 0 || (s >= 1 && s <= m)
}

// Register is one measured register covered by the measurement hash, in hash order.
type Register struct {
	Name  string        `json:"name"`
	Value hexutil.Bytes `json:"value"`
}

// Claims are what a verified piece of evidence says, normalized across TEEs.
type Claims struct {
	TEE             TEEType     `json:"tee"`
	Version         uint32      `json:"version"` // report or quote format version
	MeasurementHash common.Hash `json:"measurementHash"`
	Registers       []Register  `json:"registers"`
	ReportData      [64]byte    `json:"-"`
	// Bound is true when the evidence came in an envelope and report_data was checked
	// against its chainId, registry, subject, nonce and appData. A bare quote carries no
	// binding, so Bound is false and the fields below are zero.
	Bound     bool           `json:"bound"`
	ChainID   uint64         `json:"chainId,omitempty"`
	Registry  common.Address `json:"registry"`
	Subject   common.Address `json:"subject"`
	Nonce     common.Hash    `json:"nonce"`
	AppData   common.Hash    `json:"appData"`
	TCBStatus TCBStatus      `json:"tcbStatus"`
	QuoteHash common.Hash    `json:"quoteHash"`
	// NotAfter is the earliest expiry among the certificates, CRLs and collateral the
	// verdict rests on: the verdict must not be reused past it.
	NotAfter   time.Time `json:"notAfter"`
	VerifiedAt time.Time `json:"verifiedAt"`
	// Signer names the key that signed the report: "VCEK", "VLEK" or "PCK".
	Signer string `json:"signer"`
	// Platform is the AMD product line or the Intel FMSPC.
	Platform string `json:"platform"`
	Debug    bool   `json:"debug"`
	VMPL     int    `json:"vmpl,omitempty"`
	// TestRoots is true when the evidence was verified under insecure test roots.
	// Such claims must be logged as such and never posted to a production registry.
	TestRoots bool `json:"testRoots"`
}

// ReportDataHex returns report_data as 0x-hex.
func (c *Claims) ReportDataHex() string { return hexutil.Encode(c.ReportData[:]) }

// Binding is what an envelope says report_data was bound to (SPEC §3).
type Binding struct {
	ChainID  uint64
	Registry common.Address
	Subject  common.Address
	Nonce    [32]byte
	AppData  [32]byte
}

// Evidence is a decoded envelope or bare report/quote.
type Evidence struct {
	TEE   TEEType
	Quote []byte // raw SNP report or TDX quote, exactly as given
	Certs []byte // SNP extended-report certificate table, optional
	// Binding is nil for a bare report/quote.
	Binding *Binding
}
