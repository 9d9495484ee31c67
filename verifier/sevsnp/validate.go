package sevsnp

import (
	"bytes"

	"github.com/google/go-sev-guest/kds"
	"github.com/teeoracle/teeoracle/verifier"
)

// Validate applies the SEV-SNP policy to a verified report and returns its normalized
// TCB status. The measurement allowlist and the report_data binding are TEE-neutral and
// applied by the caller.
func Validate(r *Report, p *verifier.SNPPolicy) (verifier.TCBStatus, error) {
	if r.Debug() && !p.AllowDebug {
		return 0, verifier.Errorf(verifier.ReasonDebug, "guest policy 0x%x has DEBUG (bit 19) set: the host can read guest memory; want a non-debug guest (snp.allowDebug is false)", r.Policy)
	}
	if r.Policy&(1<<policySMTBit) != 0 && !p.AllowSMT {
		return 0, verifier.Errorf(verifier.ReasonPolicy, "guest policy 0x%x allows SMT (bit 16); policy wants SMT disabled (snp.allowSmt is false)", r.Policy)
	}
	if r.Policy&(1<<policyMigrateMABit) != 0 && !p.AllowMigrationAgent {
		return 0, verifier.Errorf(verifier.ReasonPolicy, "guest policy 0x%x allows a migration agent (bit 18); want none (snp.allowMigrationAgent is false)", r.Policy)
	}
	if r.VMPL > uint32(p.MaxVMPL) {
		return 0, verifier.Errorf(verifier.ReasonVMPL, "report was requested at VMPL %d, policy accepts VMPL 0..%d (snp.maxVmpl)", r.VMPL, p.MaxVMPL)
	}
	if r.CommittedTCB != r.CurrentTCB && !p.PermitProvisionalFirmware {
		return 0, verifier.Errorf(verifier.ReasonPolicy, "firmware is provisional: COMMITTED_TCB 0x%016x differs from CURRENT_TCB 0x%016x; want committed firmware (snp.permitProvisionalFirmware is false)",
			uint64(r.CommittedTCB), uint64(r.CurrentTCB))
	}
	if len(p.HostData) > 0 {
		found := false
		for _, h := range p.HostData {
			if bytes.Equal(h, r.HostData[:]) {
				found = true
				break
			}
		}
		if !found {
			return 0, verifier.Errorf(verifier.ReasonHostData, "HOST_DATA 0x%x is not in the policy allowlist of %d entries (snp.hostData)", r.HostData, len(p.HostData))
		}
	}
	status := verifier.TCBNotEvaluated
	if p.MinTCB != nil {
		got := kds.DecomposeTCBVersion(r.ReportedTCB)
		m := p.MinTCB
		status = verifier.TCBUpToDate
		if got.BlSpl < m.Bootloader || got.TeeSpl < m.TEE || got.SnpSpl < m.SNP || got.UcodeSpl < m.Microcode {
			status = verifier.TCBOutOfDate
		}
	}
	if !status.Meets(p.MinTCBStatus) {
		got := kds.DecomposeTCBVersion(r.ReportedTCB)
		return status, verifier.Errorf(verifier.ReasonTCBBelowMinimum,
			"TCB status is %d (%v): REPORTED_TCB bootloader %d, tee %d, snp %d, microcode %d against snp.minTcb %+v; policy wants status 1..%d",
			status, status, got.BlSpl, got.TeeSpl, got.SnpSpl, got.UcodeSpl, p.MinTCB, p.MinTCBStatus)
	}
	return status, nil
}
