// Package protocol holds what the relayer, the agent and the registry contract must agree on
// byte for byte (docs/protocol.md sections 2-4): TEE types and TCB statuses, the report_data
// binding, measurement hashes and the EIP-712 Attestation digest and signatures.
//
// It imports nothing of teeoracle's, so every part can depend on it.
package protocol

import (
	"encoding/binary"
	"fmt"
	"math/big"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// TEEType identifies the kind of trusted execution environment (docs/protocol.md section 2).
type TEEType uint8

const (
	TEEInvalid TEEType = 0
	TEESevSnp  TEEType = 1
	TEETDX     TEEType = 2
)

// String returns the name used in evidence envelopes ("sev-snp", "tdx").
func (t TEEType) String() string {
	switch t {
	case TEESevSnp:
		return "sev-snp"
	case TEETDX:
		return "tdx"
	default:
		return fmt.Sprintf("tee(%d)", uint8(t))
	}
}

// ParseTEEType is the inverse of TEEType.String.
func ParseTEEType(s string) (TEEType, error) {
	switch s {
	case "sev-snp":
		return TEESevSnp, nil
	case "tdx":
		return TEETDX, nil
	default:
		return TEEInvalid, fmt.Errorf("unknown TEE type %q, want \"sev-snp\" or \"tdx\"", s)
	}
}

// TCBStatus is the vendor-neutral TCB status posted on chain; lower is better and 0 means not
// evaluated (docs/protocol.md section 2).
type TCBStatus uint8

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

// ParseTCBStatus is the inverse of TCBStatus.String; it also takes the number (0-6).
func ParseTCBStatus(s string) (TCBStatus, error) {
	for i, name := range tcbNames {
		if strings.EqualFold(s, name) || s == strconv.Itoa(i) {
			return TCBStatus(i), nil
		}
	}
	return 0, fmt.Errorf("unknown TCB status %q, want one of %s or its number 0-%d", s, strings.Join(tcbNames[:], ", "), len(tcbNames)-1)
}

// Meets reports whether s satisfies the minimum m: m == 0 accepts anything, otherwise
// 1 <= s <= m. The registry contract applies the same rule.
func (s TCBStatus) Meets(m TCBStatus) bool {
	return m == 0 || (s != 0 && s <= m)
}

// bindingDomain is keccak256("teeoracle.attestation.v1"), the domain tag of report_data.
var bindingDomain = crypto.Keccak256Hash([]byte("teeoracle.attestation.v1"))

// Binding is what a quote's report_data commits to (docs/protocol.md section 3).
type Binding struct {
	ChainID  uint64
	Registry common.Address
	Subject  common.Address
	Nonce    common.Hash
	AppData  common.Hash
}

// ReportData returns the 64 bytes a TEE must put in report_data for b:
// keccak256(abi.encode(domain, chainId, registry, subject, nonce)) followed by appData.
func (b Binding) ReportData() [64]byte {
	var words [5 * 32]byte
	copy(words[0:32], bindingDomain[:])
	new(big.Int).SetUint64(b.ChainID).FillBytes(words[32:64])
	copy(words[64+12:96], b.Registry[:])
	copy(words[96+12:128], b.Subject[:])
	copy(words[128:160], b.Nonce[:])
	var out [64]byte
	copy(out[:32], crypto.Keccak256(words[:]))
	copy(out[32:], b.AppData[:])
	return out
}

// SNPMeasurementHash is keccak256(uint8(1) || MEASUREMENT[48] || HOST_DATA[32]).
func SNPMeasurementHash(measurement [48]byte, hostData [32]byte) common.Hash {
	return crypto.Keccak256Hash([]byte{byte(TEESevSnp)}, measurement[:], hostData[:])
}

// TDXRegisters are the TD registers that make up a TDX measurement hash, in hash order.
type TDXRegisters struct {
	MRTD, RTMR0, RTMR1, RTMR2, RTMR3, MRConfigID, MROwner, MROwnerConfig [48]byte
}

// TDXMeasurementHash is keccak256(uint8(2) || MRTD || RTMR0..3 || MRCONFIGID || MROWNER || MROWNERCONFIG).
func TDXMeasurementHash(r TDXRegisters) common.Hash {
	return crypto.Keccak256Hash([]byte{byte(TEETDX)}, r.MRTD[:], r.RTMR0[:], r.RTMR1[:], r.RTMR2[:],
		r.RTMR3[:], r.MRConfigID[:], r.MROwner[:], r.MROwnerConfig[:])
}

// QuoteHash is keccak256 of the raw report or quote exactly as the TEE produced it.
func QuoteHash(raw []byte) common.Hash { return crypto.Keccak256Hash(raw) }

// Headers of an agent's GET /v1/evidence response that claim the URL it answers at
// (docs/protocol.md §10): the URL, and the subject key's signature over AgentURLDigest.
const (
	AgentURLHeader          = "Teeoracle-Agent-Url"
	AgentURLSignatureHeader = "Teeoracle-Agent-Url-Signature"
)

// agentURLTag is keccak256("teeoracle.agent-url.v1").
var agentURLTag = crypto.Keccak256Hash([]byte("teeoracle.agent-url.v1"))

// AgentURLDigest is what a subject key signs to claim that its agent answers at url, for
// one evidence request: keccak256(tag ‖ uint64 chainId ‖ registry ‖ subject ‖ nonce ‖
// keccak256(url)). A relayer records a subject's agent URL only with this signature, so a
// proxy that forwards to the real agent cannot have its own URL recorded.
func AgentURLDigest(b Binding, url string) common.Hash {
	var chain [8]byte
	binary.BigEndian.PutUint64(chain[:], b.ChainID)
	return crypto.Keccak256Hash(agentURLTag[:], chain[:], b.Registry[:], b.Subject[:], b.Nonce[:], crypto.Keccak256([]byte(url)))
}
