// Package sevsnp is an agent.Provider for AMD SEV-SNP guests, through go-sev-guest's client:
// the configfs-tsm report interface (Linux 6.7+) or the /dev/sev-guest ioctls. It asks for
// the extended report, so the evidence carries the host's certificate table (the VCEK or
// VLEK) and the verifier need not fetch it.
package sevsnp

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"

	"github.com/google/go-sev-guest/abi"
	"github.com/google/go-sev-guest/client"

	"github.com/teeoracle/teeoracle/verifier"
)

// Options configures New. With neither QuoteProvider nor Device set, New discovers the
// guest's interface: configfs-tsm first, then /dev/sev-guest (client.GetQuoteProvider).
type Options struct {
	// QuoteProvider returns the report followed by the certificate table, as go-sev-guest's
	// configfs-tsm and ioctl providers do (and its testing.QuoteProvider fake).
	QuoteProvider client.QuoteProvider
	// Device is an open /dev/sev-guest (client.OpenDevice, or go-sev-guest's testing.Device
	// fake), used with the extended-report ioctl. The Provider does not close it.
	Device client.Device
	// VMPL, if set, is the privilege level to request the report at; nil means the driver's
	// default (VMPL 0 in a guest without an SVSM). With a QuoteProvider it must implement
	// client.LeveledQuoteProvider.
	VMPL *uint
}

// Provider produces SEV-SNP extended attestation reports. It implements agent.Provider.
type Provider struct {
	qp     client.QuoteProvider
	device client.Device
	vmpl   *uint
}

// New returns a Provider over the given interface, or over the one the guest offers.
func New(opts Options) (*Provider, error) {
	if opts.QuoteProvider != nil && opts.Device != nil {
		return nil, errors.New("sevsnp: both a QuoteProvider and a Device given, want one")
	}
	p := &Provider{qp: opts.QuoteProvider, device: opts.Device, vmpl: opts.VMPL}
	if p.qp == nil && p.device == nil {
		qp, err := client.GetQuoteProvider()
		if err != nil {
			return nil, fmt.Errorf("sevsnp: no SEV-SNP guest interface, want configfs-tsm (/sys/kernel/config/tsm/report with provider sev_guest) or /dev/sev-guest: %w", err)
		}
		p.qp = qp
	}
	if p.qp != nil && p.vmpl != nil {
		if _, ok := p.qp.(client.LeveledQuoteProvider); !ok {
			return nil, fmt.Errorf("sevsnp: quote provider %T cannot request a VMPL", p.qp)
		}
	}
	return p, nil
}

// TEE is verifier.TEESEVSNP.
func (p *Provider) TEE() verifier.TEEType { return verifier.TEESEVSNP }

// Attest returns a report over reportData and the certificate table the host supplied (nil
// if none: the verifier then fetches the VCEK from AMD KDS).
func (p *Provider) Attest(_ context.Context, reportData [64]byte) (report, certs []byte, err error) {
	if p.qp != nil {
		var raw []byte
		if p.vmpl != nil {
			raw, err = p.qp.(client.LeveledQuoteProvider).GetRawQuoteAtLevel(reportData, *p.vmpl)
		} else {
			raw, err = p.qp.GetRawQuote(reportData)
		}
		if err != nil {
			return nil, nil, fmt.Errorf("SEV-SNP extended report: %w", err)
		}
		if len(raw) < abi.ReportSize {
			return nil, nil, fmt.Errorf("SEV-SNP quote provider returned %d bytes, want at least a %d-byte report", len(raw), abi.ReportSize)
		}
		report, certs = raw[:abi.ReportSize], raw[abi.ReportSize:]
	} else {
		vmpl := 0
		if p.vmpl != nil {
			vmpl = int(*p.vmpl)
		}
		report, certs, err = client.GetRawExtendedReportAtVmpl(p.device, reportData, vmpl)
		if err != nil || len(report) == 0 {
			// A host that stores no certificates fails the extended request (or, through
			// go-sev-guest, answers it with no report at all); a plain report still
			// verifies, with the VCEK fetched from AMD KDS.
			var plainErr error
			report, plainErr = client.GetRawReportAtVmpl(p.device, reportData, vmpl)
			if plainErr != nil {
				if err == nil {
					err = errors.New("no report")
				}
				return nil, nil, fmt.Errorf("SEV-SNP extended report: %w (plain report: %v)", err, plainErr)
			}
			certs = nil
		}
	}
	if certs, err = check(report, certs, reportData); err != nil {
		return nil, nil, err
	}
	return report, certs, nil
}

// check catches a device that answered for other report_data, or with garbage, here rather
// than as a binding failure at the relayer. It returns the certificate table re-encoded
// without the zero padding of the ioctl's page-sized buffer (nil if it has no entries).
func check(report, certs []byte, reportData [64]byte) ([]byte, error) {
	if len(report) != abi.ReportSize {
		return nil, fmt.Errorf("SEV-SNP report is %d bytes, want %d", len(report), abi.ReportSize)
	}
	parsed, err := abi.ReportToProto(report)
	if err != nil {
		return nil, fmt.Errorf("SEV-SNP device returned a malformed report: %w", err)
	}
	if !bytes.Equal(parsed.GetReportData(), reportData[:]) {
		return nil, fmt.Errorf("SEV-SNP report carries report_data %x, want the requested %x", parsed.GetReportData(), reportData)
	}
	if len(certs) == 0 {
		return nil, nil
	}
	table := new(abi.CertTable)
	if err := table.Unmarshal(certs); err != nil {
		return nil, fmt.Errorf("SEV-SNP host returned a malformed certificate table: %w", err)
	}
	return table.Marshal(), nil
}

// SealReportData is the report_data of the report SealingKey reads HOST_DATA from.
var SealReportData = func() (rd [64]byte) {
	copy(rd[:], "teeoracle: the HOST_DATA the subject key is sealed to")
	return rd
}()

// SealingKey implements agent.Sealer with an SEV-SNP derived key (MSG_KEY_REQ) rooted in the
// chip's VCEK secret and mixed with the guest's MEASUREMENT and policy, then hashed with the
// guest's HOST_DATA (the key request cannot select it, and the measurement hash covers it):
// the same image with the same host data on the same chip derives it again after a reboot;
// any other image, host data or chip cannot. Anyone running this exact launch on this chip
// can, which is who the quote vouches for anyway. It needs /dev/sev-guest (configfs-tsm has
// no key request) at the configured VMPL or 0.
func (p *Provider) SealingKey() ([32]byte, error) {
	report, _, err := p.Attest(context.Background(), SealReportData)
	if err != nil {
		return [32]byte{}, fmt.Errorf("SEV-SNP sealing reads HOST_DATA from a report: %w", err)
	}
	derived, err := p.derivedKey()
	if err != nil {
		return [32]byte{}, err
	}
	h := sha256.New()
	h.Write([]byte("teeoracle.seal.v2"))
	h.Write(derived[:])
	h.Write(report[hostDataOffset : hostDataOffset+32])
	return [32]byte(h.Sum(nil)), nil
}

// hostDataOffset is where HOST_DATA sits in an attestation report.
const hostDataOffset = 0xC0

func (p *Provider) derivedKey() ([32]byte, error) {
	d := p.device
	if d == nil {
		ld, err := client.OpenDevice()
		if err != nil {
			return [32]byte{}, fmt.Errorf("SEV-SNP sealing needs /dev/sev-guest: %w", err)
		}
		defer ld.Close()
		d = ld
	}
	var vmpl uint32
	if p.vmpl != nil {
		vmpl = uint32(*p.vmpl)
	}
	resp, err := client.GetDerivedKeyAcknowledgingItsLimitations(d, &client.SnpDerivedKeyReq{
		UseVCEK:          true,
		GuestFieldSelect: client.GuestFieldSelect{Measurement: true, GuestPolicy: true},
		Vmpl:             vmpl,
	})
	if err != nil {
		return [32]byte{}, fmt.Errorf("SEV-SNP derived key: %w", err)
	}
	if resp.Data == ([32]byte{}) {
		return [32]byte{}, errors.New("SEV-SNP derived key is all zeros, want key material from the AMD-SP")
	}
	return resp.Data, nil
}
