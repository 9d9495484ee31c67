package verifiertesting

import (
	"context"
	"crypto/x509"
	"strings"

	tdxtrust "github.com/google/go-tdx-guest/verify/trust"

	"github.com/teeoracle/teeoracle/verifier"
)

// Roots returns the TEST ONLY AMD and Intel roots in the verifier's form. Evidence verified
// under them is marked as such (verifier Claims.TestRoots); production code never calls this.
func Roots() *verifier.Roots {
	r := &verifier.Roots{AMD: map[string]verifier.AMDRoots{}, Intel: []*x509.Certificate{TDXRootCert()}}
	for line, rs := range SNPRoots() {
		pc := rs[0].ProductCerts
		r.AMD[line] = verifier.AMDRoots{ARK: pc.Ark, ASK: pc.Ask, ASVK: pc.Asvk}
	}
	return r
}

// Getter serves the simulated AMD KDS (VCEKs, chains, CRL) and the given TDX platforms'
// collateral from memory, as a verifier.HTTPSGetter. With no collateral, TDX fetches fail.
func Getter(tdx ...*TDXCollateral) verifier.HTTPSGetter {
	g := getter{}
	if len(tdx) > 0 {
		g.tdx = TDXGetter(tdx...)
	}
	return g
}

type getter struct{ tdx tdxtrust.HTTPSGetter }

func (g getter) GetContext(ctx context.Context, u string) (map[string][]string, []byte, error) {
	if strings.HasPrefix(u, "https://kdsintf.amd.com/") {
		b, err := SNPGetter().Get(u)
		return nil, b, err
	}
	if g.tdx == nil {
		return nil, nil, &verifier.Error{Reason: verifier.ReasonUnavailable, Msg: "simulated PCS has no TDX collateral for " + u}
	}
	return tdxtrust.GetWith(ctx, g.tdx, u)
}
