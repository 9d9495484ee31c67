package verifier

import (
	"context"
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// AMDRoots are the pinned certificates of one AMD product line.
type AMDRoots struct {
	ARK  *x509.Certificate // AMD Root Key, self-signed
	ASK  *x509.Certificate // signs VCEKs
	ASVK *x509.Certificate // signs VLEKs; may be nil
}

// Roots are trust anchors. They are pinned: certificates that come with the evidence are
// never trusted as roots. A nil *Roots in options means the production roots embedded in
// go-sev-guest and go-tdx-guest.
type Roots struct {
	// AMD maps a product line ("Milan", "Genoa", "Turin") to its roots.
	AMD map[string]AMDRoots
	// Intel holds the Intel SGX Root CA certificate(s) that PCK chains and collateral
	// signing chains must end at.
	Intel []*x509.Certificate
}

// HTTPSGetter fetches a URL (AMD KDS, Intel PCS or a PCCS). It has the shape of
// go-tdx-guest's trust.ContextHTTPSGetter; tests inject an in-memory one.
type HTTPSGetter interface {
	GetContext(ctx context.Context, url string) (header map[string][]string, body []byte, err error)
}

// MaxFetchSize bounds any fetched endorsement or collateral body.
const MaxFetchSize = 1 << 20

// NetGetter is the production getter: plain HTTPS GET with a timeout and a size limit.
type NetGetter struct {
	Client *http.Client
}

// NewNetGetter returns a NetGetter with a 30 s timeout.
func NewNetGetter() *NetGetter {
	return &NetGetter{Client: &http.Client{Timeout: 30 * time.Second}}
}

// GetContext implements HTTPSGetter.
func (g *NetGetter) GetContext(ctx context.Context, url string) (map[string][]string, []byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, nil, err
	}
	c := g.Client
	if c == nil {
		c = http.DefaultClient
	}
	resp, err := c.Do(req)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, nil, fmt.Errorf("GET %s: status %d, want 200", url, resp.StatusCode)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, MaxFetchSize+1))
	if err != nil {
		return nil, nil, err
	}
	if len(body) > MaxFetchSize {
		return nil, nil, fmt.Errorf("GET %s: body over %d bytes", url, MaxFetchSize)
	}
	return resp.Header, body, nil
}

// NoNetwork is a getter that refuses every URL, for offline verification.
type NoNetwork struct{}

// GetContext implements HTTPSGetter.
func (NoNetwork) GetContext(_ context.Context, url string) (map[string][]string, []byte, error) {
	return nil, nil, fmt.Errorf("offline: refusing to fetch %s", url)
}

// ParseRootsPEM reads pinned roots from PEM: the Intel SGX Root CA and, per AMD product
// line, "ARK-<line>", "SEV-<line>" (ASK) and "SEV-VLEK-<line>" (ASVK), recognized by
// subject common name. Certificates it does not recognize are an error, so a wrong file
// cannot pass as an empty root set.
func ParseRootsPEM(b []byte) (*Roots, error) {
	r := &Roots{AMD: map[string]AMDRoots{}}
	for {
		var block *pem.Block
		block, b = pem.Decode(b)
		if block == nil {
			break
		}
		if block.Type != "CERTIFICATE" {
			continue
		}
		c, err := x509.ParseCertificate(block.Bytes)
		if err != nil {
			return nil, err
		}
		cn := c.Subject.CommonName
		switch {
		case cn == "Intel SGX Root CA":
			r.Intel = append(r.Intel, c)
		case strings.HasPrefix(cn, "ARK-"):
			a := r.AMD[cn[4:]]
			a.ARK = c
			r.AMD[cn[4:]] = a
		case strings.HasPrefix(cn, "SEV-VLEK-"):
			a := r.AMD[cn[9:]]
			a.ASVK = c
			r.AMD[cn[9:]] = a
		case strings.HasPrefix(cn, "SEV-"):
			a := r.AMD[cn[4:]]
			a.ASK = c
			r.AMD[cn[4:]] = a
		default:
			return nil, fmt.Errorf("root certificate %q is neither the Intel SGX Root CA nor an AMD ARK/ASK/ASVK", cn)
		}
	}
	if len(r.Intel) == 0 && len(r.AMD) == 0 {
		return nil, fmt.Errorf("no root certificates found in PEM")
	}
	return r, nil
}
