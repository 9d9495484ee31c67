package sevsnp

import (
	"errors"
	"testing"

	"github.com/google/go-sev-guest/abi"
	"github.com/google/go-sev-guest/verify/testdata"
	"github.com/google/uuid"
	"github.com/teeoracle/teeoracle/verifier"
)

func sampleTable() []byte {
	return (&abi.CertTable{Entries: []abi.CertTableEntry{
		{GUID: uuid.MustParse(abi.VcekGUID), RawCert: testdata.VcekBytes},
		{GUID: uuid.MustParse(abi.ArkGUID), RawCert: []byte{1, 2, 3}},
	}}).Marshal()
}

func TestParseCertTable(t *testing.T) {
	tbl, err := ParseCertTable(sampleTable())
	if err != nil {
		t.Fatal(err)
	}
	if string(tbl.VCEK) != string(testdata.VcekBytes) || len(tbl.ARK) != 3 {
		t.Fatalf("table %+v", tbl)
	}
	bad := sampleTable()
	bad[16+4], bad[16+5], bad[16+6], bad[16+7] = 0xff, 0xff, 0xff, 0xff // length wraps offset+length
	if _, err := ParseCertTable(bad); !errors.Is(err, verifier.ErrMalformed) {
		t.Fatalf("got %v, want malformed", err)
	}
}

func TestParseReportSample(t *testing.T) {
	r, err := ParseReport(testdata.AttestationBytes)
	if err != nil {
		t.Fatal(err)
	}
	if r.Version != 2 || !r.Debug() || r.Signer != abi.VcekReportSigner || r.ProductLine != "" {
		t.Fatalf("report %+v", r)
	}
	if _, err := ParseReport(testdata.AttestationBytes[:100]); !errors.Is(err, verifier.ErrMalformed) {
		t.Fatalf("truncated: %v", err)
	}
}

func FuzzParseReport(f *testing.F) {
	f.Add(testdata.AttestationBytes)
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := ParseReport(b)
		if err == nil && len(r.Raw) != abi.ReportSize {
			t.Fatalf("accepted a %d-byte report", len(r.Raw))
		}
	})
}

func FuzzParseCertTable(f *testing.F) {
	f.Add(sampleTable())
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		tbl, err := ParseCertTable(b)
		if err == nil && len(tbl.VCEK) > len(b) {
			t.Fatal("entry larger than the table")
		}
	})
}
