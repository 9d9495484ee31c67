package verifier

import (
	"bytes"
	"encoding/binary"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
)

// BindingDomain is keccak256("teeoracle.attestation.v1"), the first word of the binding.
var BindingDomain = Keccak256([]byte("teeoracle.attestation.v1"))

// ReportData computes the 64 report_data bytes of SPEC §3:
//
//	[0:32]  keccak256(abi.encode(keccak256("teeoracle.attestation.v1"), uint256 chainId,
//	        address registry, address subject, bytes32 nonce))
//	[32:64] appData
//
// The protocol package keeps its own copy (verifier may import nothing of ours); a test
// there cross-checks the two.
func ReportData(chainID uint64, registry, subject common.Address, nonce, appData [32]byte) [64]byte {
	var enc [5 * 32]byte
	copy(enc[0:32], BindingDomain[:])
	binary.BigEndian.PutUint64(enc[56:64], chainID)
	copy(enc[64+12:96], registry[:])
	copy(enc[96+12:128], subject[:])
	copy(enc[128:160], nonce[:])
	var out [64]byte
	h := Keccak256(enc[:])
	copy(out[0:32], h[:])
	copy(out[32:64], appData[:])
	return out
}

// CheckBinding compares report_data with what b says it must be. A mismatch in the first
// half can only be reported as a whole, since it is a hash: the message names every input.
func CheckBinding(reportData [64]byte, b *Binding) error {
	want := ReportData(b.ChainID, b.Registry, b.Subject, b.Nonce, b.AppData)
	if !bytes.Equal(reportData[0:32], want[0:32]) {
		return Errorf(ReasonBinding,
			"report_data[0:32] is %s, want %s = keccak256(abi.encode(keccak256(\"teeoracle.attestation.v1\"), chainId %d, registry %s, subject %s, nonce %s)): the evidence is not bound to this chain, registry, subject and nonce",
			hexutil.Encode(reportData[0:32]), hexutil.Encode(want[0:32]), b.ChainID, b.Registry.Hex(), b.Subject.Hex(), hexutil.Encode(b.Nonce[:]))
	}
	if !bytes.Equal(reportData[32:64], want[32:64]) {
		return Errorf(ReasonBinding, "report_data[32:64] is %s, want appData %s",
			hexutil.Encode(reportData[32:64]), hexutil.Encode(b.AppData[:]))
	}
	return nil
}
