package verifier

import (
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto/keccak"
)

// Register sizes of SPEC §2.
const (
	SNPMeasurementSize = 48
	SNPHostDataSize    = 32
	TDXRegisterSize    = 48
)

// SNPMeasurementHash is keccak256(uint8(1) || MEASUREMENT[48] || HOST_DATA[32]).
func SNPMeasurementHash(measurement *[SNPMeasurementSize]byte, hostData *[SNPHostDataSize]byte) common.Hash {
	h := keccak.NewLegacyKeccak256()
	h.Write([]byte{byte(TEESEVSNP)})
	h.Write(measurement[:])
	h.Write(hostData[:])
	var out common.Hash
	h.Sum(out[:0])
	return out
}

// TDXRegisters are the registers covered by the TDX measurement hash, in hash order.
type TDXRegisters struct {
	MRTD, RTMR0, RTMR1, RTMR2, RTMR3, MRCONFIGID, MROWNER, MROWNERCONFIG [TDXRegisterSize]byte
}

// TDXMeasurementHash is keccak256(uint8(2) || MRTD || RTMR0..3 || MRCONFIGID || MROWNER || MROWNERCONFIG).
func TDXMeasurementHash(r *TDXRegisters) common.Hash {
	h := keccak.NewLegacyKeccak256()
	h.Write([]byte{byte(TEETDX)})
	for _, reg := range r.List() {
		h.Write(reg.Value)
	}
	var out common.Hash
	h.Sum(out[:0])
	return out
}

// List returns the registers with their names, in hash order.
func (r *TDXRegisters) List() []Register {
	return []Register{
		{"MRTD", r.MRTD[:]}, {"RTMR0", r.RTMR0[:]}, {"RTMR1", r.RTMR1[:]}, {"RTMR2", r.RTMR2[:]},
		{"RTMR3", r.RTMR3[:]}, {"MRCONFIGID", r.MRCONFIGID[:]}, {"MROWNER", r.MROWNER[:]},
		{"MROWNERCONFIG", r.MROWNERCONFIG[:]},
	}
}

// Keccak256 hashes b; the quote hash of SPEC §2 is Keccak256 of the raw bytes as given.
func Keccak256(b []byte) common.Hash {
	h := keccak.NewLegacyKeccak256()
	h.Write(b)
	var out common.Hash
	h.Sum(out[:0])
	return out
}
