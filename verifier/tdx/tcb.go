package tdx

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/google/go-tdx-guest/pcs"
	"github.com/teeoracle/teeoracle/verifier"
)

// normalize maps Intel's TCB status strings to SPEC §2 values. Revoked is not a status:
// the caller turns it into a rejection.
func normalize(s pcs.TcbComponentStatus) (verifier.TCBStatus, bool) {
	switch s {
	case pcs.TcbComponentStatusUpToDate:
		return verifier.TCBUpToDate, true
	case pcs.TcbComponentStatusSwHardeningNeeded:
		return verifier.TCBSWHardeningNeeded, true
	case pcs.TcbComponentStatusConfigurationNeeded:
		return verifier.TCBConfigurationNeeded, true
	case pcs.TcbComponentStatusConfigurationAndSWHardeningNeeded:
		return verifier.TCBConfigurationAndSWHardeningNeeded, true
	case pcs.TcbComponentStatusOutOfDate:
		return verifier.TCBOutOfDate, true
	case pcs.TcbComponentStatusOutOfDateConfigurationNeeded:
		return verifier.TCBOutOfDateConfigurationNeeded, true
	}
	return 0, false
}

// combine merges the statuses of two components (platform and TDX module, or platform
// and QE) into the status of the whole: out of date if either is, and carrying every
// "configuration needed" and "SW hardening needed" flag either has.
func combine(a, b verifier.TCBStatus) verifier.TCBStatus {
	has := func(set ...verifier.TCBStatus) bool {
		for _, s := range set {
			if a == s || b == s {
				return true
			}
		}
		return false
	}
	outOfDate := has(verifier.TCBOutOfDate, verifier.TCBOutOfDateConfigurationNeeded)
	config := has(verifier.TCBConfigurationNeeded, verifier.TCBConfigurationAndSWHardeningNeeded, verifier.TCBOutOfDateConfigurationNeeded)
	sw := has(verifier.TCBSWHardeningNeeded, verifier.TCBConfigurationAndSWHardeningNeeded)
	switch {
	case outOfDate && config:
		return verifier.TCBOutOfDateConfigurationNeeded
	case outOfDate:
		return verifier.TCBOutOfDate
	case config && sw:
		return verifier.TCBConfigurationAndSWHardeningNeeded
	case config:
		return verifier.TCBConfigurationNeeded
	case sw:
		return verifier.TCBSWHardeningNeeded
	}
	return verifier.TCBUpToDate
}

// platformTCB evaluates the TDX TCB level as Intel's TCB info documents it: the first
// level (levels are sorted best first) whose SGX components and PCESVN are met by the
// PCK certificate and whose TDX components are met by TEE_TCB_SVN. When TEE_TCB_SVN[1]
// (the TDX module major version) is set, components 0 and 1 belong to the module and are
// evaluated against its identity instead.
func platformTCB(info *pcs.TcbInfo, cpuSvn []byte, pceSvn uint16, teeTcbSvn []byte) (verifier.TCBStatus, error) {
	var found *pcs.TcbLevel
	for i := range info.TcbLevels {
		l := &info.TcbLevels[i]
		if len(l.Tcb.SgxTcbcomponents) != len(cpuSvn) || len(l.Tcb.TdxTcbcomponents) != len(teeTcbSvn) {
			continue
		}
		ok := pceSvn >= l.Tcb.Pcesvn
		for j := 0; ok && j < len(cpuSvn); j++ {
			ok = cpuSvn[j] >= l.Tcb.SgxTcbcomponents[j].Svn
		}
		start := 0
		if teeTcbSvn[1] > 0 {
			start = 2
		}
		for j := start; ok && j < len(teeTcbSvn); j++ {
			ok = teeTcbSvn[j] >= l.Tcb.TdxTcbcomponents[j].Svn
		}
		if ok {
			found = l
			break
		}
	}
	if found == nil {
		return 0, verifier.Errorf(verifier.ReasonTCBBelowMinimum,
			"no TCB level of FMSPC %s matches PCK CPUSVN %x, PCESVN %d and TEE_TCB_SVN %x: the platform is older than every level Intel lists",
			info.Fmspc, cpuSvn, pceSvn, teeTcbSvn)
	}
	if found.TcbStatus == pcs.TcbComponentStatusRevoked {
		return 0, verifier.Errorf(verifier.ReasonTCBRevoked, "TCB level %s of FMSPC %s (TEE_TCB_SVN %x) is Revoked", found.TcbDate, info.Fmspc, teeTcbSvn)
	}
	status, ok := normalize(found.TcbStatus)
	if !ok {
		return 0, verifier.Errorf(verifier.ReasonCollateral, "TCB level %s has unknown status %q", found.TcbDate, found.TcbStatus)
	}
	if teeTcbSvn[1] == 0 {
		return status, nil
	}
	id := fmt.Sprintf("TDX_%02X", teeTcbSvn[1])
	for _, m := range info.TdxModuleIdentities {
		if !strings.EqualFold(m.ID, id) {
			continue
		}
		for _, l := range m.TcbLevels {
			if uint32(teeTcbSvn[0]) < l.Tcb.Isvsvn {
				continue
			}
			if l.TcbStatus == pcs.TcbComponentStatusRevoked {
				return 0, verifier.Errorf(verifier.ReasonTCBRevoked, "TDX module %s at SVN %d is Revoked (TCB level %s)", id, teeTcbSvn[0], l.TcbDate)
			}
			ms, ok := normalize(l.TcbStatus)
			if !ok {
				return 0, verifier.Errorf(verifier.ReasonCollateral, "TDX module TCB level %s has unknown status %q", l.TcbDate, l.TcbStatus)
			}
			return combine(status, ms), nil
		}
		return 0, verifier.Errorf(verifier.ReasonTCBBelowMinimum, "no TCB level of TDX module %s matches its SVN %d", id, teeTcbSvn[0])
	}
	return 0, verifier.Errorf(verifier.ReasonCollateral, "TCB info of FMSPC %s has no identity for TDX module %s (TEE_TCB_SVN[1] = %d)", info.Fmspc, id, teeTcbSvn[1])
}

// checkQE matches the QE report against Intel's QE identity and returns the QE's status.
func checkQE(id *pcs.EnclaveIdentity, report []byte) (verifier.TCBStatus, error) {
	if len(id.MiscselectMask.Bytes) != 4 || len(id.Miscselect.Bytes) != 4 ||
		len(id.AttributesMask.Bytes) != 16 || len(id.Attributes.Bytes) != 16 || len(id.Mrsigner.Bytes) != 32 {
		return 0, verifier.Errorf(verifier.ReasonCollateral, "QE identity fields have unexpected sizes")
	}
	le := func(b []byte) uint32 { return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24 }
	if qeMiscSelect(report)&le(id.MiscselectMask.Bytes) != le(id.Miscselect.Bytes) {
		return 0, verifier.Errorf(verifier.ReasonCollateral, "QE MISCSELECT 0x%08x does not match Intel's QE identity (0x%x under mask 0x%x)",
			qeMiscSelect(report), id.Miscselect.Bytes, id.MiscselectMask.Bytes)
	}
	attrs := qeAttributes(report)
	for i := range attrs {
		if attrs[i]&id.AttributesMask.Bytes[i] != id.Attributes.Bytes[i] {
			return 0, verifier.Errorf(verifier.ReasonCollateral, "QE ATTRIBUTES %x do not match Intel's QE identity (%x under mask %x)",
				attrs, id.Attributes.Bytes, id.AttributesMask.Bytes)
		}
	}
	if !bytes.Equal(qeMrSigner(report), id.Mrsigner.Bytes) {
		return 0, verifier.Errorf(verifier.ReasonCollateral, "QE MRSIGNER %x is not Intel's (%x)", qeMrSigner(report), id.Mrsigner.Bytes)
	}
	if qeIsvProdID(report) != id.IsvProdID {
		return 0, verifier.Errorf(verifier.ReasonCollateral, "QE ISVPRODID %d, want %d", qeIsvProdID(report), id.IsvProdID)
	}
	svn := uint32(qeIsvSvn(report))
	for _, l := range id.TcbLevels {
		if l.Tcb.Isvsvn > svn {
			continue
		}
		if l.TcbStatus == pcs.TcbComponentStatusRevoked {
			return 0, verifier.Errorf(verifier.ReasonTCBRevoked, "quoting enclave ISVSVN %d is Revoked (QE TCB level %s)", svn, l.TcbDate)
		}
		s, ok := normalize(l.TcbStatus)
		if !ok {
			return 0, verifier.Errorf(verifier.ReasonCollateral, "QE TCB level %s has unknown status %q", l.TcbDate, l.TcbStatus)
		}
		return s, nil
	}
	return 0, verifier.Errorf(verifier.ReasonTCBBelowMinimum, "no QE TCB level matches quoting enclave ISVSVN %d", svn)
}
