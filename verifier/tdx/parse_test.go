package tdx

import (
	"bytes"
	"errors"
	"testing"

	"github.com/google/go-tdx-guest/abi"
	pb "github.com/google/go-tdx-guest/proto/tdx"
	"github.com/google/go-tdx-guest/testing/testdata"
	"github.com/teeoracle/teeoracle/verifier"
)

// The library parser and ours must agree on every field of the real samples.
func TestParseQuoteAgreesWithLibrary(t *testing.T) {
	for _, raw := range [][]byte{testdata.RawQuoteV5} {
		q, err := ParseQuote(raw)
		if err != nil {
			t.Fatal(err)
		}
		lib, err := abi.QuoteToProto(raw)
		if err != nil {
			t.Fatal(err)
		}
		v5 := lib.(*pb.QuoteV5)
		body := v5.GetTdQuoteBodyDescriptor().GetTdQuoteBodyV5()
		regs := q.Registers()
		if !bytes.Equal(q.AttestationKey, v5.GetSignedData().GetEcdsaAttestationKey()) ||
			!bytes.Equal(regs.MRTD[:], body.GetMrTd()) || !bytes.Equal(regs.RTMR3[:], body.GetRtmrs()[3]) ||
			!bytes.Equal(q.TeeTcbSvn(), body.GetTeeTcbSvn()) || !bytes.Equal(q.QEAuthData, v5.GetSignedData().GetCertificationData().GetQeReportCertificationData().GetQeAuthData().GetData()) {
			t.Fatal("our parse disagrees with go-tdx-guest's")
		}
		if q.Version != 5 || len(q.PCKChain) == 0 || q.Trailing != 0 {
			t.Fatalf("quote %+v", q)
		}
	}
	// The v4 sample ends with non-zero "extra bytes" after the signed data.
	if _, err := ParseQuote(testdata.RawQuote); !errors.Is(err, verifier.ErrMalformed) {
		t.Fatalf("v4 sample with non-zero trailing bytes: %v", err)
	}
	// Zero padding, as configfs-tsm produces, is accepted and counted.
	q, _ := ParseQuote(testdata.RawQuoteV5)
	padded := append(append([]byte{}, testdata.RawQuoteV5...), make([]byte, 3000)...)
	p, err := ParseQuote(padded)
	if err != nil || p.Trailing != 3000+q.Trailing {
		t.Fatalf("padded: %v %+v", err, p)
	}
	for n := 0; n < len(testdata.RawQuoteV5); n += 97 {
		if _, err := ParseQuote(testdata.RawQuoteV5[:n]); err == nil {
			t.Fatalf("accepted a quote truncated to %d bytes", n)
		}
	}
}

func FuzzParseQuote(f *testing.F) {
	f.Add(testdata.RawQuote)
	f.Add(testdata.RawQuoteV5)
	f.Fuzz(func(t *testing.T, b []byte) {
		q, err := ParseQuote(b)
		if err != nil {
			return
		}
		_ = q.Registers()
		_ = q.ReportData()
		if len(q.Raw) > verifier.MaxTDXQuoteSize {
			t.Fatal("accepted an oversized quote")
		}
	})
}
