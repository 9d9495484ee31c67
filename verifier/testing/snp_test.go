package verifiertesting

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/x509/pkix"
	"strings"
	"testing"
	"time"

	"github.com/google/go-sev-guest/abi"
	"github.com/google/go-sev-guest/kds"
	sevvalidate "github.com/google/go-sev-guest/validate"
	sevverify "github.com/google/go-sev-guest/verify"
	sevtrust "github.com/google/go-sev-guest/verify/trust"
)

// testNow is the fixed clock of every verification in these tests.
var testNow = time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)

func testReportData(b byte) [64]byte {
	var d [64]byte
	for i := range d {
		d[i] = b + byte(i)
	}
	return d
}

func TestSNPReportVerifiesUnderTestRoots(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts SNPOptions
	}{
		{"milan v3", SNPOptions{}},
		{"milan v2", SNPOptions{ReportVersion: 2}},
		{"milan v5", SNPOptions{ReportVersion: 5}},
		{"genoa v3", SNPOptions{ProductLine: "Genoa"}},
		{"genoa v2 stepping 2", SNPOptions{ProductLine: "Genoa", ReportVersion: 2, Stepping: 2}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.opts.Measurement[0] = 0xaa
			tc.opts.HostData[31] = 0xbb
			a, err := NewSNPAttester(tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			rd := testReportData(7)
			att, err := a.Attestation(rd)
			if err != nil {
				t.Fatal(err)
			}
			if err := sevverify.SnpAttestation(att, SNPVerifyOptions(testNow)); err != nil {
				t.Fatalf("SnpAttestation: %v", err)
			}
			// The library's policy checks must agree with what the attester claims.
			if err := sevvalidate.SnpAttestation(att, &sevvalidate.Options{
				ReportData:  rd[:],
				Measurement: a.Measurement[:],
				HostData:    a.HostData[:],
				ChipID:      a.chipID[:],
				GuestPolicy: abi.SnpPolicy{SMT: true},
				VMPL:        nil,
				MinimumTCB:  DefaultSNPTCB,
			}); err != nil {
				t.Fatalf("validate.SnpAttestation: %v", err)
			}
		})
	}
}

func TestSNPReportLayout(t *testing.T) {
	opts := SNPOptions{Seed: []byte("layout"), VMPL: 2, GuestSVN: 3}
	opts.Measurement[47] = 0x48
	opts.HostData[0] = 0x32
	a, err := NewSNPAttester(opts)
	if err != nil {
		t.Fatal(err)
	}
	rd := testReportData(1)
	report, certs, err := a.Report(rd)
	if err != nil {
		t.Fatal(err)
	}
	if len(report) != abi.ReportSize {
		t.Fatalf("report is %d bytes, want %d", len(report), abi.ReportSize)
	}
	p, err := abi.ReportToProto(report)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(p.ReportData, rd[:]) || !bytes.Equal(p.Measurement, opts.Measurement[:]) || !bytes.Equal(p.HostData, opts.HostData[:]) {
		t.Errorf("report fields do not carry the chosen values: %v", p)
	}
	if p.Vmpl != 2 || p.GuestSvn != 3 || p.Version != 3 {
		t.Errorf("vmpl, guest svn, version = %d, %d, %d; want 2, 3, 3", p.Vmpl, p.GuestSvn, p.Version)
	}
	if pol, _ := abi.ParseSnpPolicy(p.Policy); pol.Debug {
		t.Errorf("debug policy bit is set by default")
	}
	if kds.ProductLineFromFms(p.Cpuid1EaxFms) != "Milan" {
		t.Errorf("CPUID says %q, want Milan", kds.ProductLineFromFms(p.Cpuid1EaxFms))
	}
	var table abi.CertTable
	if err := table.Unmarshal(certs); err != nil {
		t.Fatal(err)
	}
	for _, guid := range []string{abi.VcekGUID, abi.AskGUID, abi.ArkGUID} {
		if _, err := table.GetByGUIDString(guid); err != nil {
			t.Errorf("certificate table: %v", err)
		}
	}
	// The same seed must give the same chip.
	b, err := NewSNPAttester(SNPOptions{Seed: []byte("layout")})
	if err != nil {
		t.Fatal(err)
	}
	if b.ChipID() != a.ChipID() || !b.VCEK().PublicKey.(*ecdsa.PublicKey).Equal(a.VCEK().PublicKey) {
		t.Errorf("seeded attesters differ in chip identity")
	}
	if !saysTestOnly(a.VCEK().Subject) {
		t.Errorf("VCEK subject %q does not say TEST ONLY", a.VCEK().Subject)
	}
}

func TestSNPReportFetchingCertsFromTestKDS(t *testing.T) {
	a, err := NewSNPAttester(SNPOptions{ProductLine: "Genoa"})
	if err != nil {
		t.Fatal(err)
	}
	report, _, err := a.Report(testReportData(9))
	if err != nil {
		t.Fatal(err)
	}
	// Without the certificate table the library must fetch the VCEK and CRL from the getter.
	if err := sevverify.RawSnpReport(report, SNPVerifyOptions(testNow)); err != nil {
		t.Fatalf("RawSnpReport: %v", err)
	}
}

func TestSNPRejections(t *testing.T) {
	a, err := NewSNPAttester(SNPOptions{})
	if err != nil {
		t.Fatal(err)
	}
	report, certs, err := a.Report(testReportData(3))
	if err != nil {
		t.Fatal(err)
	}
	verifyRaw := func(report []byte, opts *sevverify.Options) error {
		att, err := abi.ReportCertsToProto(append(bytes.Clone(report), certs...))
		if err != nil {
			return err
		}
		return sevverify.SnpAttestation(att, opts)
	}
	if err := verifyRaw(report, SNPVerifyOptions(testNow)); err != nil {
		t.Fatalf("untampered report rejected: %v", err)
	}
	for _, tc := range []struct {
		name string
		off  int
	}{
		{"REPORT_DATA", 0x50},
		{"MEASUREMENT", 0x90},
		{"HOST_DATA", 0xC0},
		{"CHIP_ID", 0x1A0},
		{"SIGNATURE", 0x2A0},
	} {
		tampered := bytes.Clone(report)
		tampered[tc.off] ^= 0x01
		if err := verifyRaw(tampered, SNPVerifyOptions(testNow)); err == nil || !strings.Contains(err.Error(), "report signature verification error") {
			t.Errorf("%s flipped: got %v, want a signature error", tc.name, err)
		}
	}

	realAMD := SNPVerifyOptions(testNow)
	realAMD.TrustedRoots = nil // go-sev-guest falls back to AMD's real roots
	wrongLine := SNPVerifyOptions(testNow)
	wrongLine.TrustedRoots = map[string][]*sevtrust.AMDRootCerts{"Milan": SNPRoots()["Genoa"]}
	for _, tc := range []struct {
		name    string
		opts    *sevverify.Options
		wantErr string
	}{
		{"real AMD roots", realAMD, "certificate signed by unknown authority"},
		{"Genoa roots for a Milan VCEK", wrongLine, "issuer common name SEV-Milan not expected"},
		{"after the test chain expires", SNPVerifyOptions(time.Date(2060, 1, 1, 0, 0, 0, 0, time.UTC)), "certificate has expired"},
	} {
		if err := verifyRaw(report, tc.opts); err == nil || !strings.Contains(err.Error(), tc.wantErr) {
			t.Errorf("%s: got %v, want %q", tc.name, err, tc.wantErr)
		}
	}
}

func TestSNPDebugPolicy(t *testing.T) {
	a, err := NewSNPAttester(SNPOptions{Debug: true})
	if err != nil {
		t.Fatal(err)
	}
	att, err := a.Attestation(testReportData(0))
	if err != nil {
		t.Fatal(err)
	}
	if err := sevverify.SnpAttestation(att, SNPVerifyOptions(testNow)); err != nil {
		t.Fatalf("debug report does not verify: %v", err)
	}
	if err := sevvalidate.SnpAttestation(att, &sevvalidate.Options{GuestPolicy: abi.SnpPolicy{SMT: true}}); err == nil {
		t.Errorf("validation accepted a debug guest when policy forbids debug")
	}
}

func BenchmarkNewSNPAttester(b *testing.B) {
	if _, err := NewSNPAttester(SNPOptions{}); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := NewSNPAttester(SNPOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

func saysTestOnly(name pkix.Name) bool {
	for _, attr := range name.Names {
		if s, ok := attr.Value.(string); ok && strings.Contains(s, "TEST ONLY") {
			return true
		}
	}
	return false
}
