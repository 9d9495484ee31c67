package verifiertesting

import (
	"bytes"
	"crypto/x509"
	"math/big"
	"strings"
	"testing"
	"time"

	sevverify "github.com/google/go-sev-guest/verify"
	"github.com/google/go-tdx-guest/abi"
	"github.com/google/go-tdx-guest/pcs"
	pb "github.com/google/go-tdx-guest/proto/tdx"
	tdxverify "github.com/google/go-tdx-guest/verify"
)

func newTDX(t *testing.T, opts TDXOptions) *TDXAttester {
	t.Helper()
	a, err := NewTDXAttester(opts)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func collateral(t *testing.T, a *TDXAttester, opts TDXCollateralOptions) *TDXCollateral {
	t.Helper()
	if opts.IssueDate.IsZero() {
		opts.IssueDate = testNow.Add(-24 * time.Hour)
	}
	c, err := a.Collateral(opts)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func verifyQuote(raw []byte, opts *tdxverify.Options) error {
	q, err := abi.QuoteToProto(raw)
	if err != nil {
		return err
	}
	return tdxverify.TdxQuote(q, opts)
}

func TestTDXQuoteVerifiesUnderTestRoots(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts TDXOptions
	}{
		{"v4", TDXOptions{}},
		{"v4 module major 0", TDXOptions{TEETCBSVN: [16]byte{3, 0, 5}}},
		{"v5 tdx1.5", TDXOptions{QuoteVersion: 5}},
		{"v5 tdx1.0", TDXOptions{QuoteVersion: 5, BodyType: 2}},
		{"seeded", TDXOptions{Seed: []byte("tdx"), FMSPC: [6]byte{0x90, 0xc0, 0x6f, 0, 0, 0}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.opts.MRTD[0] = 1
			tc.opts.RTMRs[3][47] = 2
			tc.opts.MROwner[5] = 3
			a := newTDX(t, tc.opts)
			raw, err := a.Quote(testReportData(5))
			if err != nil {
				t.Fatal(err)
			}
			c := collateral(t, a, TDXCollateralOptions{})
			if err := verifyQuote(raw, c.VerifyOptions(testNow)); err != nil {
				t.Fatalf("TdxQuote: %v", err)
			}
		})
	}
}

func TestTDXQuoteLayout(t *testing.T) {
	opts := TDXOptions{Seed: []byte("layout"), TDAttributes: TDAttributeSEPTVEDisable}
	for i := range opts.RTMRs {
		opts.RTMRs[i][0] = byte(0x10 + i)
	}
	opts.MRTD[1], opts.MRConfigID[2], opts.MROwner[3], opts.MROwnerConfig[4] = 0xa1, 0xa2, 0xa3, 0xa4
	a := newTDX(t, opts)
	rd := testReportData(11)
	raw, err := a.Quote(rd)
	if err != nil {
		t.Fatal(err)
	}
	q, err := abi.QuoteToProto(raw)
	if err != nil {
		t.Fatal(err)
	}
	body := q.(*pb.QuoteV4).GetTdQuoteBody()
	for _, f := range []struct {
		name      string
		got, want []byte
	}{
		{"REPORTDATA", body.ReportData, rd[:]},
		{"MRTD", body.MrTd, opts.MRTD[:]},
		{"MRCONFIGID", body.MrConfigId, opts.MRConfigID[:]},
		{"MROWNER", body.MrOwner, opts.MROwner[:]},
		{"MROWNERCONFIG", body.MrOwnerConfig, opts.MROwnerConfig[:]},
		{"RTMR0", body.Rtmrs[0], opts.RTMRs[0][:]},
		{"RTMR3", body.Rtmrs[3], opts.RTMRs[3][:]},
		{"TEE_TCB_SVN", body.TeeTcbSvn, DefaultTDXTEETCBSVN[:]},
		{"TD_ATTRIBUTES", body.TdAttributes, []byte{0, 0, 0, 0x10, 0, 0, 0, 0}},
	} {
		if !bytes.Equal(f.got, f.want) {
			t.Errorf("%s = %x, want %x", f.name, f.got, f.want)
		}
	}
	// The quote must parse back to exactly the bytes produced.
	again, err := abi.QuoteToAbiBytes(q)
	if err != nil || !bytes.Equal(again, raw) {
		t.Errorf("quote does not round-trip through the library's ABI encoding (err %v)", err)
	}
	exts, err := pcs.PckCertificateExtensions(a.PCK())
	if err != nil {
		t.Fatal(err)
	}
	if exts.FMSPC != "50806f000000" || exts.PCEID != "0000" || exts.TCB.PCESvn != DefaultTDXPCESVN || !bytes.Equal(exts.TCB.CPUSvnComponents, DefaultTDXSGXTCB[:]) {
		t.Errorf("PCK extensions %+v do not carry the platform TCB", exts)
	}
	if b := newTDX(t, TDXOptions{Seed: []byte("layout")}); !bytes.Equal(b.PCK().RawSubjectPublicKeyInfo, a.PCK().RawSubjectPublicKeyInfo) {
		t.Errorf("seeded attesters have different PCK keys")
	}
	if !strings.Contains(TDXRootCert().Subject.String(), "TEST ONLY") {
		t.Errorf("root subject %q does not say TEST ONLY", TDXRootCert().Subject)
	}
}

func TestTDXDebugAttribute(t *testing.T) {
	a := newTDX(t, TDXOptions{Debug: true})
	raw, err := a.Quote(testReportData(0))
	if err != nil {
		t.Fatal(err)
	}
	q, err := abi.QuoteToProto(raw)
	if err != nil {
		t.Fatal(err)
	}
	if got := q.(*pb.QuoteV4).GetTdQuoteBody().TdAttributes[0]; got&1 != 1 {
		t.Errorf("TD_ATTRIBUTES[0] = %#x, want the debug bit", got)
	}
	// The signature is still valid: rejecting debug TDs is policy, not verification.
	if err := verifyQuote(raw, collateral(t, a, TDXCollateralOptions{}).VerifyOptions(testNow)); err != nil {
		t.Fatalf("debug quote does not verify: %v", err)
	}
}

func TestTDXRejections(t *testing.T) {
	a := newTDX(t, TDXOptions{})
	raw, err := a.Quote(testReportData(2))
	if err != nil {
		t.Fatal(err)
	}
	good := collateral(t, a, TDXCollateralOptions{})
	if err := verifyQuote(raw, good.VerifyOptions(testNow)); err != nil {
		t.Fatalf("untampered quote rejected: %v", err)
	}

	t.Run("tampered bytes", func(t *testing.T) {
		const qe = 0x27C + 0x86 // QE report inside the signed data
		for _, tc := range []struct {
			name    string
			off     int
			wantErr string
		}{
			{"TEE_TCB_SVN", 0x30, "unable to verify message digest"},
			{"MRTD", 0x30 + 0x88, "unable to verify message digest"},
			{"REPORTDATA", 0x30 + 0x208, "unable to verify message digest"},
			{"quote signature", 0x27C, "unable to verify message digest"},
			{"attestation key", 0x27C + 0x40, "attestation key in the quote is invalid"},
			{"QE report CPUSVN", qe, "error verifying QE report signature"},
			{"QE report REPORTDATA", qe + 0x140, "error verifying QE report signature"},
			{"QE report signature", qe + 0x180, "error verifying QE report signature"},
		} {
			tampered := bytes.Clone(raw)
			tampered[tc.off] ^= 0x01
			err := verifyQuote(tampered, good.VerifyOptions(testNow))
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("%s flipped: got %v, want %q", tc.name, err, tc.wantErr)
			}
		}
	})

	t.Run("revoked PCK", func(t *testing.T) {
		c := collateral(t, a, TDXCollateralOptions{RevokePCK: true})
		err := verifyQuote(raw, c.VerifyOptions(testNow))
		if err == nil || !strings.Contains(err.Error(), "PCK Leaf certificate in PCK certificate chain was revoked") {
			t.Errorf("revoked PCK: got %v, want a revocation error", err)
		}
		// Another platform's revocation does not touch this one.
		other := newTDX(t, TDXOptions{})
		c = collateral(t, a, TDXCollateralOptions{RevokedPCKSerials: []*big.Int{other.PCK().SerialNumber}})
		if err := verifyQuote(raw, c.VerifyOptions(testNow)); err != nil {
			t.Errorf("unrelated revocation rejected the quote: %v", err)
		}
	})

	t.Run("expired collateral", func(t *testing.T) {
		c := collateral(t, a, TDXCollateralOptions{
			IssueDate:  testNow.Add(-60 * 24 * time.Hour),
			NextUpdate: testNow.Add(-30 * 24 * time.Hour),
		})
		err := verifyQuote(raw, c.VerifyOptions(testNow))
		if err == nil || !strings.Contains(err.Error(), tdxverify.ErrTcbInfoExpired.Error()) {
			t.Errorf("expired collateral: got %v, want an expiry error", err)
		}
	})

	t.Run("wrong root", func(t *testing.T) {
		opts := good.VerifyOptions(testNow)
		opts.TrustedRoots = nil // go-tdx-guest falls back to Intel's real root
		if err := verifyQuote(raw, opts); err == nil || !strings.Contains(err.Error(), "unknown authority") {
			t.Errorf("under Intel's real root: got %v, want an unknown authority error", err)
		}
		opts = good.VerifyOptions(testNow)
		opts.TrustedRoots = x509.NewCertPool()
		opts.TrustedRoots.AddCert(a.PCK()) // any certificate but the root
		if err := verifyQuote(raw, opts); err == nil || !strings.Contains(err.Error(), "unknown authority") {
			t.Errorf("under a pool without the test root: got %v, want an unknown authority error", err)
		}
	})

	t.Run("expired PCK", func(t *testing.T) {
		b := newTDX(t, TDXOptions{PCKNotAfter: testNow.Add(-time.Hour)})
		q, err := b.Quote(testReportData(2))
		if err != nil {
			t.Fatal(err)
		}
		err = verifyQuote(q, collateral(t, b, TDXCollateralOptions{}).VerifyOptions(testNow))
		if err == nil || !strings.Contains(err.Error(), "certificate has expired") {
			t.Errorf("expired PCK: got %v, want an expiry error", err)
		}
	})
}

func TestTDXCollateralStatus(t *testing.T) {
	for _, svn := range [][16]byte{DefaultTDXTEETCBSVN, {3, 0, 5}} {
		a := newTDX(t, TDXOptions{TEETCBSVN: svn})
		raw, err := a.Quote(testReportData(4))
		if err != nil {
			t.Fatal(err)
		}
		for _, status := range []pcs.TcbComponentStatus{
			pcs.TcbComponentStatusUpToDate,
			pcs.TcbComponentStatusSwHardeningNeeded,
			pcs.TcbComponentStatusConfigurationNeeded,
			pcs.TcbComponentStatusConfigurationAndSWHardeningNeeded,
			pcs.TcbComponentStatusOutOfDate,
			pcs.TcbComponentStatusOutOfDateConfigurationNeeded,
			pcs.TcbComponentStatusRevoked,
		} {
			c := collateral(t, a, TDXCollateralOptions{Status: status})
			err := verifyQuote(raw, c.VerifyOptions(testNow))
			if (err == nil) != (status == pcs.TcbComponentStatusUpToDate) {
				t.Errorf("TEE_TCB_SVN %x, status %s: TdxQuote error %v", svn[:3], status, err)
			}
			// The status the library reads back must be the one the collateral was asked for.
			// SupportedTcbLevelsFromCollateral reads collateral a TdxQuote call stored in the
			// options, which it does before its UpToDate check fails.
			opts := c.VerifyOptions(testNow)
			q, _ := abi.QuoteToProto(raw)
			_ = tdxverify.TdxQuote(q, opts)
			tdxLevel, qeLevel, err := tdxverify.SupportedTcbLevelsFromCollateral(q, opts)
			if err != nil {
				t.Fatalf("SupportedTcbLevelsFromCollateral: %v", err)
			}
			if tdxLevel.TcbStatus != status || qeLevel.TcbStatus != pcs.TcbComponentStatusUpToDate {
				t.Errorf("TEE_TCB_SVN %x: collateral for %s reads back as TDX %s, QE %s", svn[:3], status, tdxLevel.TcbStatus, qeLevel.TcbStatus)
			}
		}
	}
	// The QE identity's status is chosen separately.
	a := newTDX(t, TDXOptions{})
	raw, _ := a.Quote(testReportData(4))
	c := collateral(t, a, TDXCollateralOptions{QEStatus: pcs.TcbComponentStatusOutOfDate})
	if err := verifyQuote(raw, c.VerifyOptions(testNow)); err == nil || !strings.Contains(err.Error(), "QE Identity reported by Intel PCS failed TCB status check") {
		t.Errorf("OutOfDate QE: got %v, want a QE TCB status error", err)
	}
	if _, err := a.Collateral(TDXCollateralOptions{Status: "Fine"}); err == nil {
		t.Errorf("unknown status accepted")
	}
}

func TestTDXCollateralShape(t *testing.T) {
	a := newTDX(t, TDXOptions{})
	c := collateral(t, a, TDXCollateralOptions{})
	g := c.Getter()
	header, body, err := g.Get(pcs.TcbInfoURL(a.FMSPC()))
	if err != nil {
		t.Fatal(err)
	}
	if len(header[pcs.TcbInfoIssuerChainPhrase]) != 1 || !bytes.Equal(body, c.TCBInfo) {
		t.Errorf("TCB info response: header %v", header)
	}
	if _, _, err := g.Get(pcs.TcbInfoURL("000000000000")); err == nil {
		t.Errorf("getter served TCB info for an unknown FMSPC")
	}
	for _, url := range []string{pcs.QeIdentityURL(), pcs.PckCrlURL("platform"), IntelRootCRLURL} {
		if _, _, err := g.Get(url); err != nil {
			t.Errorf("%s: %v", url, err)
		}
	}
	if !bytes.HasPrefix(c.TCBInfo, []byte(`{"tcbInfo":{"id":"TDX","version":3,`)) {
		t.Errorf("TCB info body starts %q", c.TCBInfo[:40])
	}
}

func TestTDXGetterServesSeveralPlatforms(t *testing.T) {
	a := newTDX(t, TDXOptions{})
	b := newTDX(t, TDXOptions{FMSPC: [6]byte{0x90, 0xc0, 0x6f, 0, 0, 0}, PCESVN: 13})
	ca := collateral(t, a, TDXCollateralOptions{})
	cb := collateral(t, b, TDXCollateralOptions{Status: pcs.TcbComponentStatusOutOfDate})
	getter := TDXGetter(ca, cb)
	for _, tc := range []struct {
		name    string
		a       *TDXAttester
		wantErr string
	}{
		{"UpToDate platform", a, ""},
		{"OutOfDate platform", b, "OutOfDate"},
	} {
		raw, err := tc.a.Quote(testReportData(8))
		if err != nil {
			t.Fatal(err)
		}
		opts := ca.VerifyOptions(testNow)
		opts.Getter = getter
		err = verifyQuote(raw, opts)
		if (tc.wantErr == "") != (err == nil) || err != nil && !strings.Contains(err.Error(), tc.wantErr) {
			t.Errorf("%s: got %v, want %q", tc.name, err, tc.wantErr)
		}
	}
}

// Dev mode and e2e quote from several goroutines; run with -race.
func TestAttestersAreSafeForConcurrentUse(t *testing.T) {
	tdx := newTDX(t, TDXOptions{})
	snp, err := NewSNPAttester(SNPOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c := collateral(t, tdx, TDXCollateralOptions{})
	errs := make(chan error, 8)
	for i := range 4 {
		go func() {
			q, err := tdx.Quote(testReportData(byte(i)))
			if err == nil {
				err = verifyQuote(q, c.VerifyOptions(testNow))
			}
			errs <- err
		}()
		go func() {
			att, err := snp.Attestation(testReportData(byte(i)))
			if err == nil {
				err = sevverify.SnpAttestation(att, SNPVerifyOptions(testNow))
			}
			errs <- err
		}()
	}
	for range 8 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

func BenchmarkNewTDXAttester(b *testing.B) {
	if _, err := NewTDXAttester(TDXOptions{}); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := NewTDXAttester(TDXOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
