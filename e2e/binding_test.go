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
