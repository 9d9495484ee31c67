package sevsnp

import (
	"encoding/binary"

	"github.com/google/go-sev-guest/abi"
	"github.com/google/uuid"
	"github.com/teeoracle/teeoracle/verifier"
)

const (
	certEntrySize  = 24
	maxCertEntries = 32
)

var (
	guidVCEK = uuid.MustParse(abi.VcekGUID)
	guidVLEK = uuid.MustParse(abi.VlekGUID)
	guidASK  = uuid.MustParse(abi.AskGUID)
	guidARK  = uuid.MustParse(abi.ArkGUID)
)

// CertTable is an extended-report certificate table (GUID → DER), as go-sev-guest's
// abi.CertTable marshals it.
type CertTable struct {
	VCEK, VLEK, ASK, ARK []byte
	// Other holds entries with other GUIDs (ASVK uses the zero GUID only in test chains).
	Other map[uuid.UUID][]byte
}

// ParseCertTable reads a certificate table. It bounds the entry count and checks every
// range, because go-sev-guest's own parser can be driven out of range by a crafted
// offset+length that wraps around.
func ParseCertTable(b []byte) (*CertTable, error) {
	t := &CertTable{}
	if len(b) == 0 {
		return t, nil
	}
	if len(b) > verifier.MaxCertsSize {
		return nil, verifier.Errorf(verifier.ReasonOversized, "certificate table is %d bytes, want at most %d", len(b), verifier.MaxCertsSize)
	}
	type entry struct {
		guid        uuid.UUID
		off, length uint64
	}
	var entries []entry
	pos := 0
	for {
		if pos+certEntrySize > len(b) {
			return nil, verifier.Errorf(verifier.ReasonMalformed, "certificate table header is not terminated by an all-zero entry within %d bytes", len(b))
		}
		var e entry
		copy(e.guid[:], b[pos:pos+16])
		e.off = uint64(binary.LittleEndian.Uint32(b[pos+16 : pos+20]))
		e.length = uint64(binary.LittleEndian.Uint32(b[pos+20 : pos+24]))
		pos += certEntrySize
		if e.guid == (uuid.UUID{}) && e.off == 0 && e.length == 0 {
			break
		}
		if len(entries) == maxCertEntries {
			return nil, verifier.Errorf(verifier.ReasonMalformed, "certificate table has more than %d entries", maxCertEntries)
		}
		entries = append(entries, e)
	}
	for i, e := range entries {
		if e.off < uint64(pos) || e.off+e.length > uint64(len(b)) {
			return nil, verifier.Errorf(verifier.ReasonMalformed, "certificate table entry %d (%s) covers bytes %d..%d, want within %d..%d",
				i, e.guid, e.off, e.off+e.length, pos, len(b))
		}
		blob := b[e.off : e.off+e.length]
		var dst *[]byte
		switch e.guid {
		case guidVCEK:
			dst = &t.VCEK
		case guidVLEK:
			dst = &t.VLEK
		case guidASK:
			dst = &t.ASK
		case guidARK:
			dst = &t.ARK
		default:
			if t.Other == nil {
				t.Other = map[uuid.UUID][]byte{}
			}
			if _, dup := t.Other[e.guid]; dup {
				return nil, verifier.Errorf(verifier.ReasonMalformed, "certificate table has GUID %s twice", e.guid)
			}
			t.Other[e.guid] = blob
			continue
		}
		if *dst != nil {
			return nil, verifier.Errorf(verifier.ReasonMalformed, "certificate table has GUID %s twice", e.guid)
		}
		*dst = blob
	}
	return t, nil
}
