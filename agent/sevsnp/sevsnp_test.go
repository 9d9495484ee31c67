package sevsnp_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/google/go-sev-guest/abi"
	labi "github.com/google/go-sev-guest/client/linuxabi"
	sevtest "github.com/google/go-sev-guest/testing"

	"github.com/teeoracle/teeoracle/agent"
	"github.com/teeoracle/teeoracle/agent/sevsnp"
	"github.com/teeoracle/teeoracle/protocol"
	"github.com/teeoracle/teeoracle/verifier"
)

var milanFMS = abi.MaskedCpuid1EaxFromSevProduct(abi.DefaultSevProduct())

// fakes returns go-sev-guest's fake configfs-tsm quote provider and fake /dev/sev-guest,
// both answering each reportData with a V3 report over it, signed by the fake AMD-SP.
func fakes(t *testing.T, cases ...sevtest.TestCase) map[string]sevsnp.Options {
	t.Helper()
	opts := &sevtest.DeviceOptions{Now: time.Now(), Product: abi.DefaultSevProduct()}
	qp, err := sevtest.TcQuoteProvider(cases, opts)
	if err != nil {
		t.Fatal(err)
	}
	dev, err := sevtest.TcDevice(cases, opts)
	if err != nil {
		t.Fatal(err)
	}
	return map[string]sevsnp.Options{"configfs-tsm": {QuoteProvider: qp}, "device": {Device: dev}}
}

func reportCase(rd [64]byte) sevtest.TestCase {
	return sevtest.TestCase{Input: rd, Output: sevtest.TestRawReportV3(rd, milanFMS)}
}

func TestAttestThroughLibraryFakes(t *testing.T) {
	rd := [64]byte{1, 2, 3, 63: 0xee}
	for name, opts := range fakes(t, reportCase(rd)) {
		t.Run(name, func(t *testing.T) {
			p, err := sevsnp.New(opts)
			if err != nil {
				t.Fatal(err)
			}
			if p.TEE() != verifier.TEESEVSNP {
				t.Errorf("TEE %v, want sev-snp", p.TEE())
			}
			report, certs, err := p.Attest(context.Background(), rd)
			if err != nil {
				t.Fatal(err)
			}
			if len(report) != abi.ReportSize {
				t.Fatalf("report is %d bytes, want %d", len(report), abi.ReportSize)
			}
			parsed, err := abi.ReportToProto(report)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(parsed.GetReportData(), rd[:]) {
				t.Errorf("report_data %x, want %x", parsed.GetReportData(), rd)
			}
			if bytes.Equal(parsed.GetSignature(), make([]byte, abi.SignatureSize)) {
				t.Error("report is unsigned, want the fake AMD-SP's signature")
			}
			if tee, err := verifier.DetectTEE(report); err != nil || tee != verifier.TEESEVSNP {
				t.Errorf("report detected as %v (%v), want sev-snp", tee, err)
			}
			table := new(abi.CertTable)
			if err := table.Unmarshal(certs); err != nil {
				t.Fatalf("certificate table: %v", err)
			}
			if vcek, err := table.GetByGUIDString(abi.VcekGUID); err != nil || len(vcek) == 0 {
				t.Errorf("certificate table has no VCEK (%v), want the host's", err)
			}
			// The envelope the agent will build accepts these sizes.
			if _, err := verifier.EncodeEnvelope(&verifier.Evidence{TEE: verifier.TEESEVSNP, Quote: report, Certs: certs, Binding: &verifier.Binding{ChainID: 1}}); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestAttestRejectsDeviceMisbehaviour(t *testing.T) {
	asked := [64]byte{9}
	other := [64]byte{8}
	for _, tc := range []struct {
		name  string
		cases []sevtest.TestCase
		want  string
	}{
		{"report for other report_data", []sevtest.TestCase{{Input: asked, Output: sevtest.TestRawReportV3(other, milanFMS)}}, "want the requested"},
		{"firmware error", []sevtest.TestCase{{Input: asked, FwErr: abi.GuestRequestInvalidLength + 1}}, "SEV-SNP extended report"},
		{"no answer", nil, "no response"},
	} {
		for name, opts := range fakes(t, tc.cases...) {
			p, err := sevsnp.New(opts)
			if err != nil {
				t.Fatal(err)
			}
			_, _, err = p.Attest(context.Background(), asked)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("%s via %s: got %v, want an error containing %q", tc.name, name, err, tc.want)
			}
		}
	}
}

// A host that stores no certificates fails the extended request; the provider falls back to
// a plain report and the verifier fetches the VCEK itself.
func TestDeviceWithoutHostCertificates(t *testing.T) {
	rd := [64]byte{5}
	opts := fakes(t, reportCase(rd))["device"]
	opts.Device.(*sevtest.Device).Certs = nil
	p, err := sevsnp.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	report, certs, err := p.Attest(context.Background(), rd)
	if err != nil {
		t.Fatal(err)
	}
	if len(report) != abi.ReportSize || certs != nil || !bytes.Equal(report[0x50:0x90], rd[:]) {
		t.Errorf("got a %d-byte report over %x and %d bytes of certs, want a report over %x and no certs", len(report), report[0x50:0x90], len(certs), rd)
	}
}

func TestVMPLNeedsALeveledProvider(t *testing.T) {
	vmpl := uint(1)
	qp, err := sevtest.TcQuoteProvider(nil, &sevtest.DeviceOptions{Now: time.Now(), Product: abi.DefaultSevProduct()})
	if err != nil {
		t.Fatal(err)
	}
	// go-sev-guest's fake quote provider has no GetRawQuoteAtLevel.
	if _, err := sevsnp.New(sevsnp.Options{QuoteProvider: qp, VMPL: &vmpl}); err == nil || !strings.Contains(err.Error(), "cannot request a VMPL") {
		t.Errorf("got %v, want a refusal to ignore the VMPL", err)
	}
}

// An Agent on the real provider code over the fake configfs-tsm serves evidence bound to
// its subject, chain, registry and nonce.
func TestAgentEvidenceThroughFakeDevice(t *testing.T) {
	key, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	registry, nonce, chain := common.HexToAddress("0xaa"), common.HexToHash("0x77"), uint64(10)
	b := protocol.Binding{ChainID: chain, Registry: registry, Subject: crypto.PubkeyToAddress(key.PublicKey), Nonce: nonce}
	p, err := sevsnp.New(fakes(t, reportCase(b.ReportData()))["configfs-tsm"])
	if err != nil {
		t.Fatal(err)
	}
	a, err := agent.New(agent.Options{Provider: p, Key: key})
	if err != nil {
		t.Fatal(err)
	}
	ev, err := a.Evidence(context.Background(), nonce, chain, registry)
	if err != nil {
		t.Fatal(err)
	}
	env, err := verifier.EncodeEnvelope(ev)
	if err != nil {
		t.Fatal(err)
	}
	got, err := verifier.DecodeEnvelope(env)
	if err != nil {
		t.Fatalf("envelope does not decode: %v", err)
	}
	rd := b.ReportData()
	if got.TEE != verifier.TEESEVSNP || !bytes.Equal(got.Quote[0x50:0x90], rd[:]) || len(got.Certs) == 0 {
		t.Errorf("envelope tee %v report_data %x certs %d bytes, want sev-snp %x and a certificate table", got.TEE, got.Quote[0x50:0x90], len(got.Certs), rd)
	}
	if err := verifier.CheckBinding([64]byte(got.Quote[0x50:0x90]), got.Binding); err != nil {
		t.Error(err)
	}
}

// sealingDevice is the fake /dev/sev-guest answering what SealingKey asks: the derived key
// (the chip's secret mixed with the image) and a report showing the guest's HOST_DATA.
func sealingDevice(t *testing.T, secret, hostData byte) *sevtest.Device {
	t.Helper()
	opts := &sevtest.DeviceOptions{Now: time.Now(), Product: abi.DefaultSevProduct(), Keys: map[string][]byte{
		// VCEK root (0), MEASUREMENT|POLICY (bits 3 and 0), VMPL 0, no SVN or TCB.
		sevtest.DerivedKeyRequestToString(&labi.SnpDerivedKeyReqABI{RootKeySelect: 0, GuestFieldSelect: 0b1001}): bytes.Repeat([]byte{secret}, 32),
	}}
	report := reportCase(sevsnp.SealReportData)
	copy(report.Output[0xC0:0xE0], bytes.Repeat([]byte{hostData}, 32))
	d, err := sevtest.TcDevice([]sevtest.TestCase{report}, opts)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestSealedSubjectKeySurvivesRestartOnlyInTheSameTEE(t *testing.T) {
	path := filepath.Join(t.TempDir(), "subject.sealed")
	newAgentWith := func(secret, hostData byte) (*agent.Agent, error) {
		p, err := sevsnp.New(sevsnp.Options{Device: sealingDevice(t, secret, hostData)})
		if err != nil {
			t.Fatal(err)
		}
		return agent.New(agent.Options{Provider: p, SealPath: path})
	}
	newAgent := func(secret byte) (*agent.Agent, error) { return newAgentWith(secret, 0xdd) }
	first, err := newAgent(1)
	if err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("sealed key file mode %v, want 0600", st.Mode().Perm())
	}
	raw, _ := os.ReadFile(path)
	if bytes.Contains(raw, first.Subject().Bytes()) {
		t.Error("sealed file contains the subject address in the clear; want only ciphertext after the header")
	}
	again, err := newAgent(1)
	if err != nil {
		t.Fatal(err)
	}
	if again.Subject() != first.Subject() {
		t.Errorf("restarted agent has subject %s, want the sealed %s", again.Subject(), first.Subject())
	}
	// Another image (or chip) derives another sealing key and must not get the subject key.
	if _, err := newAgent(2); err == nil || !strings.Contains(err.Error(), "does not unseal") {
		t.Errorf("unsealing under another derived key: got %v, want a refusal", err)
	}
	// So does the same image launched with other host data: its measurement hash differs,
	// and the subject key attested under the first one must not follow it.
	if _, err := newAgentWith(1, 0xee); err == nil || !strings.Contains(err.Error(), "does not unseal") {
		t.Errorf("unsealing with other HOST_DATA: got %v, want a refusal", err)
	}
	// A file from the agent before HOST_DATA was bound is refused with what to do.
	v1 := filepath.Join(t.TempDir(), "v1.sealed")
	if err := os.WriteFile(v1, append([]byte("teeoracle sealed subject key v1\n"), make([]byte, 60)...), 0o600); err != nil {
		t.Fatal(err)
	}
	p, _ := sevsnp.New(sevsnp.Options{Device: sealingDevice(t, 1, 0xdd)})
	if _, err := agent.New(agent.Options{Provider: p, SealPath: v1}); err == nil || !strings.Contains(err.Error(), "older agent (format v1") {
		t.Errorf("a v1 sealed file: got %v, want it refused as the old format", err)
	}
	// A tampered file is refused too, rather than yielding some other key.
	raw[len(raw)-1] ^= 1
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := newAgent(1); err == nil || !strings.Contains(err.Error(), "does not unseal") {
		t.Errorf("tampered sealed file: got %v, want a refusal", err)
	}
}
