// Package tdx is an agent.Provider for Intel TDX guests, through go-tdx-guest's client: the
// configfs-tsm report interface (Linux 6.7+) or the /dev/tdx_guest ioctls. The quote carries
// its PCK certificate chain; collateral (TCB info, QE identity, CRLs) is the verifier's job.
package tdx

import (
	"bytes"
	"context"
	"errors"
	"fmt"

	"github.com/google/go-tdx-guest/abi"
	"github.com/google/go-tdx-guest/client"
	pb "github.com/google/go-tdx-guest/proto/tdx"

	"github.com/teeoracle/teeoracle/verifier"
)

// Options configures New. With neither set, New uses configfs-tsm, and go-tdx-guest falls
// back to /dev/tdx_guest on each call where configfs-tsm is not supported.
type Options struct {
	// QuoteProvider is configfs-tsm (client.GetQuoteProvider) or go-tdx-guest's
	// testing.TdxQuoteProvider fake.
	QuoteProvider client.QuoteProvider
	// Device is an open /dev/tdx_guest (client.OpenDevice, or go-tdx-guest's testing.Device
	// fake). The Provider does not close it.
	Device client.Device
}

// Provider produces TDX quotes. It implements agent.Provider.
type Provider struct {
	source any // client.QuoteProvider or client.Device, as client.GetRawQuote takes
}

// New returns a Provider over the given interface, or over configfs-tsm.
func New(opts Options) (*Provider, error) {
	switch {
	case opts.QuoteProvider != nil && opts.Device != nil:
		return nil, errors.New("tdx: both a QuoteProvider and a Device given, want one")
	case opts.Device != nil:
		return &Provider{source: opts.Device}, nil
	case opts.QuoteProvider != nil:
		return &Provider{source: opts.QuoteProvider}, nil
	}
	qp, err := client.GetQuoteProvider()
	if err != nil {
		return nil, fmt.Errorf("tdx: %w", err)
	}
	if err := qp.IsSupported(); err != nil {
		// Not fatal: GetRawQuote falls back to /dev/tdx_guest. But with neither there is
		// no TDX guest here, and saying so at start beats a 503 on the first request.
		d, derr := client.OpenDevice()
		if derr != nil {
			return nil, fmt.Errorf("tdx: no TDX guest interface, want configfs-tsm (/sys/kernel/config/tsm/report with provider tdx_guest: %v) or /dev/tdx_guest (%v)", err, derr)
		}
		d.Close()
	}
	return &Provider{source: qp}, nil
}

// TEE is verifier.TEETDX.
func (p *Provider) TEE() verifier.TEEType { return verifier.TEETDX }

// Attest returns a quote over reportData exactly as the quoting service produced it
// (configfs-tsm may pad it with zeros; the quote hash covers the padding too).
func (p *Provider) Attest(_ context.Context, reportData [64]byte) (quote, certs []byte, err error) {
	quote, err = client.GetRawQuote(p.source, reportData)
	if err != nil {
		return nil, nil, fmt.Errorf("TDX quote: %w", err)
	}
	if len(quote) == 0 {
		return nil, nil, errors.New("TDX quoting service returned an empty quote")
	}
	if err := check(quote, reportData); err != nil {
		return nil, nil, err
	}
	return quote, nil, nil
}

// check catches a quote for other report_data, or garbage, here rather than as a binding
// failure at the relayer.
func check(quote []byte, reportData [64]byte) error {
	parsed, err := abi.QuoteToProto(quote)
	if err != nil {
		return fmt.Errorf("TDX quoting service returned a malformed quote: %w", err)
	}
	var got []byte
	switch q := parsed.(type) {
	case *pb.QuoteV4:
		got = q.GetTdQuoteBody().GetReportData()
	case *pb.QuoteV5:
		got = q.GetTdQuoteBodyDescriptor().GetTdQuoteBodyV5().GetReportData()
	default:
		return fmt.Errorf("TDX quote of type %T is not supported, want version 4 or 5", parsed)
	}
	if !bytes.Equal(got, reportData[:]) {
		return fmt.Errorf("TDX quote carries report_data %x, want the requested %x", got, reportData)
	}
	return nil
}
