// Package e2e holds whole-loop tests. The verifier and the protocol package each compute the
// report_data binding (neither may import the other); this checks they agree.
package e2e

import (
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/teeoracle/teeoracle/protocol"
	"github.com/teeoracle/teeoracle/verifier"
)

func TestVerifierAndProtocolAgreeOnReportData(t *testing.T) {
	for i := 0; i < 64; i++ {
		seed := crypto.Keccak256([]byte{byte(i)})
		b := protocol.Binding{
			ChainID:  uint64(i) * 0x1_0000_0001,
			Registry: common.BytesToAddress(seed[:20]),
			Subject:  common.BytesToAddress(seed[12:]),
			Nonce:    common.BytesToHash(crypto.Keccak256(seed)),
			AppData:  common.BytesToHash(seed),
		}
		got := verifier.ReportData(b.ChainID, b.Registry, b.Subject, b.Nonce, b.AppData)
		if got != b.ReportData() {
			t.Fatalf("binding %+v: verifier.ReportData = %x, protocol = %x", b, got, b.ReportData())
		}
	}
}

// The verifier and the protocol package each define the TEE types and TCB statuses (they may
// not import each other); the relayer converts between them by number, so they must agree.
func TestVerifierAndProtocolAgreeOnTypesAndStatuses(t *testing.T) {
	for i := 0; i < 8; i++ {
		v, p := verifier.TCBStatus(i), protocol.TCBStatus(i)
		if v.String() != p.String() {
			t.Errorf("TCB status %d: verifier %q, protocol %q", i, v, p)
		}
		for m := 0; m < 8; m++ {
			if v.Meets(verifier.TCBStatus(m)) != p.Meets(protocol.TCBStatus(m)) {
				t.Errorf("TCB status %d meets %d: verifier and protocol disagree", i, m)
			}
		}
	}
	for i := 1; i <= 2; i++ {
		if v, p := verifier.TEEType(i), protocol.TEEType(i); v.String() != p.String() {
			t.Errorf("TEE type %d: verifier %q, protocol %q", i, v, p)
		}
	}
}
