package verifier

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
)

// Policy is what verified claims must satisfy. It is a plain struct so it can be loaded
// from JSON (LoadPolicy) and compared in tests. DefaultPolicy returns secure defaults;
// a JSON file only needs the fields it changes.
type Policy struct {
	// Measurements, when not empty, is the allowlist of measurement hashes (SPEC §2).
	Measurements []common.Hash `json:"measurements,omitempty"`
	SNP          SNPPolicy     `json:"snp"`
	TDX          TDXPolicy     `json:"tdx"`
}

// SNPPolicy is the SEV-SNP part of a Policy.
type SNPPolicy struct {
	// AllowDebug accepts guests whose policy permits debugging (POLICY bit 19).
	// A debuggable guest's memory is readable by the host, so the default is false.
	AllowDebug bool `json:"allowDebug"`
	// AllowSMT accepts guests whose policy permits SMT (bit 16). Most clouds set it.
	AllowSMT bool `json:"allowSmt"`
	// AllowMigrationAgent accepts guests that may be bound to a migration agent (bit 18).
	AllowMigrationAgent bool `json:"allowMigrationAgent"`
	// MaxVMPL is the highest (least privileged) VMPL whose report is accepted.
	// AWS and GCP reports taken under a paravisor/SVSM are at VMPL 1.
	MaxVMPL uint8 `json:"maxVmpl"`
	// PermitProvisionalFirmware accepts reports whose COMMITTED_TCB is below CURRENT_TCB
	// (firmware that can still be rolled back). AWS reports have this.
	PermitProvisionalFirmware bool `json:"permitProvisionalFirmware"`
	// MinTCB, when set, is the minimum REPORTED_TCB. The TCB status is 1 (UpToDate) when
	// every component meets it and 5 (OutOfDate) when one does not; with MinTCB unset it
	// is 0 (not evaluated).
	MinTCB *SNPTCB `json:"minTcb,omitempty"`
	// MinTCBStatus rejects evidence whose normalized status does not meet it (SPEC §2).
	MinTCBStatus TCBStatus `json:"minTcbStatus"`
	// HostData, when not empty, is the allowlist of HOST_DATA values (32 bytes each).
	HostData []hexutil.Bytes `json:"hostData,omitempty"`
	// CheckRevocations fetches the product CRL (signed by the pinned ARK) and rejects a
	// revoked ASK/ASVK or endorsement key. Failing to get the CRL is a rejection.
	CheckRevocations bool `json:"checkRevocations"`
}

// SNPTCB holds the SEV-SNP TCB security patch levels.
type SNPTCB struct {
	Bootloader uint8 `json:"bootloader"`
	TEE        uint8 `json:"tee"`
	SNP        uint8 `json:"snp"`
	Microcode  uint8 `json:"microcode"`
}

// TDXPolicy is the TDX part of a Policy.
type TDXPolicy struct {
	// AllowDebug accepts TDs with TD_ATTRIBUTES.DEBUG set. Default false.
	AllowDebug bool `json:"allowDebug"`
	// RequireCollateral evaluates the TCB status from Intel's TCB info and QE identity.
	// Without it the status is 0 (not evaluated).
	RequireCollateral bool `json:"requireCollateral"`
	// CheckRevocations checks the PCK chain against the PCK CRL and the root CA CRL.
	// It needs RequireCollateral.
	CheckRevocations bool `json:"checkRevocations"`
	// MinTCBStatus rejects evidence whose normalized status does not meet it. The default,
	// 1, accepts only UpToDate (what go-tdx-guest accepts); 2..6 accept progressively
	// worse platforms. Revoked and "no matching TCB level" are always rejected.
	MinTCBStatus TCBStatus `json:"minTcbStatus"`
	// Register allowlists: when a list is not empty the register must equal one entry.
	MRTD          []hexutil.Bytes `json:"mrtd,omitempty"`
	RTMR0         []hexutil.Bytes `json:"rtmr0,omitempty"`
	RTMR1         []hexutil.Bytes `json:"rtmr1,omitempty"`
	RTMR2         []hexutil.Bytes `json:"rtmr2,omitempty"`
	RTMR3         []hexutil.Bytes `json:"rtmr3,omitempty"`
	MRCONFIGID    []hexutil.Bytes `json:"mrconfigid,omitempty"`
	MROWNER       []hexutil.Bytes `json:"mrowner,omitempty"`
	MROWNERCONFIG []hexutil.Bytes `json:"mrownerconfig,omitempty"`
}

// DefaultPolicy is secure by default: no debug, VMPL 0, no migration agent, no
// provisional firmware, revocation checked, and for TDX collateral required and only
// UpToDate accepted.
func DefaultPolicy() Policy {
	return Policy{
		SNP: SNPPolicy{
			AllowSMT:         true,
			CheckRevocations: true,
		},
		TDX: TDXPolicy{
			RequireCollateral: true,
			CheckRevocations:  true,
			MinTCBStatus:      TCBUpToDate,
		},
	}
}

// LoadPolicy reads a JSON policy over DefaultPolicy. Unknown fields are rejected so a
// typo cannot silently weaken the policy.
func LoadPolicy(r io.Reader) (Policy, error) {
	p := DefaultPolicy()
	data, err := io.ReadAll(io.LimitReader(r, MaxEnvelopeSize+1))
	if err != nil {
		return p, err
	}
	if len(data) > MaxEnvelopeSize {
		return p, Errorf(ReasonOversized, "policy is over %d bytes", MaxEnvelopeSize)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		return p, Wrap(ReasonPolicy, err, "policy is not valid JSON with known fields")
	}
	if dec.More() {
		return p, Errorf(ReasonPolicy, "policy has data after the JSON object")
	}
	return p, p.Check()
}

// Check rejects policies that cannot be satisfied as written.
func (p *Policy) Check() error {
	for i, h := range p.SNP.HostData {
		if len(h) != SNPHostDataSize {
			return Errorf(ReasonPolicy, "snp.hostData[%d] is %d bytes, want %d", i, len(h), SNPHostDataSize)
		}
	}
	if p.SNP.MaxVMPL > 3 {
		return Errorf(ReasonPolicy, "snp.maxVmpl is %d, want 0..3", p.SNP.MaxVMPL)
	}
	if p.SNP.MinTCBStatus > TCBOutOfDateConfigurationNeeded || p.TDX.MinTCBStatus > TCBOutOfDateConfigurationNeeded {
		return Errorf(ReasonPolicy, "minTcbStatus must be 0..6")
	}
	if p.TDX.CheckRevocations && !p.TDX.RequireCollateral {
		return Errorf(ReasonPolicy, "tdx.checkRevocations needs tdx.requireCollateral (the CRLs are collateral)")
	}
	for name, list := range p.TDX.registerLists() {
		for i, v := range list {
			if len(v) != TDXRegisterSize {
				return Errorf(ReasonPolicy, "tdx.%s[%d] is %d bytes, want %d", name, i, len(v), TDXRegisterSize)
			}
		}
	}
	return nil
}

func (t *TDXPolicy) registerLists() map[string][]hexutil.Bytes {
	return map[string][]hexutil.Bytes{
		"MRTD": t.MRTD, "RTMR0": t.RTMR0, "RTMR1": t.RTMR1, "RTMR2": t.RTMR2, "RTMR3": t.RTMR3,
		"MRCONFIGID": t.MRCONFIGID, "MROWNER": t.MROWNER, "MROWNERCONFIG": t.MROWNERCONFIG,
	}
}

// RegisterAllowlist returns the allowlist for a named register (as in TDXRegisters.List).
// It is on the hot path, so it does not build a map.
func (t *TDXPolicy) RegisterAllowlist(name string) []hexutil.Bytes {
	switch name {
	case "MRTD":
		return t.MRTD
	case "RTMR0":
		return t.RTMR0
	case "RTMR1":
		return t.RTMR1
	case "RTMR2":
		return t.RTMR2
	case "RTMR3":
		return t.RTMR3
	case "MRCONFIGID":
		return t.MRCONFIGID
	case "MROWNER":
		return t.MROWNER
	case "MROWNERCONFIG":
		return t.MROWNERCONFIG
	}
	return nil
}

// CheckMeasurement applies the measurement allowlist.
func (p *Policy) CheckMeasurement(h common.Hash) error {
	if len(p.Measurements) == 0 {
		return nil
	}
	for _, m := range p.Measurements {
		if m == h {
			return nil
		}
	}
	return Errorf(ReasonMeasurement, "measurement hash %s is not in the policy allowlist of %d entries", h.Hex(), len(p.Measurements))
}
