package tdx

import (
	"bytes"

	"github.com/teeoracle/teeoracle/verifier"
)

// Validate applies the TDX policy to a verified quote and its TCB status. The
// measurement allowlist and the binding are TEE-neutral and applied by the caller.
func Validate(q *Quote, status verifier.TCBStatus, p *verifier.TDXPolicy) error {
	if q.Debug() && !p.AllowDebug {
		return verifier.Errorf(verifier.ReasonDebug, "TD_ATTRIBUTES %x has DEBUG (bit 0) set: the host can read and alter the TD; want a production TD (tdx.allowDebug is false)", q.TdAttributes())
	}
	for _, reg := range q.Registers().List() {
		allow := p.RegisterAllowlist(reg.Name)
		if len(allow) == 0 {
			continue
		}
		ok := false
		for _, a := range allow {
			if bytes.Equal(a, reg.Value) {
				ok = true
				break
			}
		}
		if !ok {
			return verifier.Errorf(verifier.ReasonMeasurement, "%s %x is not in the policy allowlist of %d values (tdx.%s)", reg.Name, []byte(reg.Value), len(allow), lower(reg.Name))
		}
	}
	if !status.Meets(p.MinTCBStatus) {
		if status == verifier.TCBNotEvaluated {
			return verifier.Errorf(verifier.ReasonTCBBelowMinimum, "TCB status was not evaluated (no collateral) but policy wants status 1..%d (tdx.minTcbStatus); enable tdx.requireCollateral or set tdx.minTcbStatus to 0", p.MinTCBStatus)
		}
		return verifier.Errorf(verifier.ReasonTCBBelowMinimum, "TCB status is %d (%v), policy accepts 1..%d (tdx.minTcbStatus)", status, status, p.MinTCBStatus)
	}
	return nil
}

func lower(s string) string { return string(bytes.ToLower([]byte(s))) }
