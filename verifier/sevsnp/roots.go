package sevsnp

import (
	"bytes"
	"crypto/x509"
	"fmt"
	"sync"

	"github.com/google/go-sev-guest/kds"
	"github.com/google/go-sev-guest/verify/trust"
	"github.com/teeoracle/teeoracle/verifier"
)

var (
	prodOnce  sync.Once
	prodRoots map[string]verifier.AMDRoots
	prodErr   error
)

// ProductionRoots returns the AMD ARK, ASK and ASVK of Milan, Genoa and Turin, built
// explicitly from go-sev-guest's embedded KDS bundles. trust.DefaultRootCerts is not
// used because it omits the ASVKs, so it cannot verify a VLEK.
func ProductionRoots() (map[string]verifier.AMDRoots, error) {
	prodOnce.Do(func() {
		prodRoots, prodErr = buildProductionRoots()
	})
	return prodRoots, prodErr
}

func buildProductionRoots() (map[string]verifier.AMDRoots, error) {
	bundles := []struct {
		line       string
		vcek, vlek []byte
	}{
		{"Milan", trust.AskArkMilanVcekBytes, trust.AskArkMilanVlekBytes},
		{"Genoa", trust.AskArkGenoaVcekBytes, trust.AskArkGenoaVlekBytes},
		{"Turin", trust.AskArkTurinVcekBytes, trust.AskArkTurinVlekBytes},
	}
	out := map[string]verifier.AMDRoots{}
	for _, b := range bundles {
		ask, ark, err := parseBundle(b.vcek)
		if err != nil {
			return nil, fmt.Errorf("embedded %s VCEK bundle: %v", b.line, err)
		}
		asvk, ark2, err := parseBundle(b.vlek)
		if err != nil {
			return nil, fmt.Errorf("embedded %s VLEK bundle: %v", b.line, err)
		}
		if !ark.Equal(ark2) {
			return nil, fmt.Errorf("embedded %s VCEK and VLEK bundles carry different ARKs", b.line)
		}
		r := verifier.AMDRoots{ARK: ark, ASK: ask, ASVK: asvk}
		if err := CheckRoots(b.line, r); err != nil {
			return nil, err
		}
		out[b.line] = r
	}
	return out, nil
}

// parseBundle reads a KDS cert_chain (ASK or ASVK, then ARK). The Turin VLEK bundle ends
// in CRLF CRLF, which kds.ParseProductCertChain rejects as trailing bytes.
func parseBundle(pemBytes []byte) (ica, ark *x509.Certificate, err error) {
	trimmed := append(bytes.TrimRight(pemBytes, "\r\n"), '\n')
	icaDER, arkDER, err := kds.ParseProductCertChain(trimmed)
	if err != nil {
		return nil, nil, err
	}
	if ica, err = x509.ParseCertificate(icaDER); err != nil {
		return nil, nil, err
	}
	if ark, err = x509.ParseCertificate(arkDER); err != nil {
		return nil, nil, err
	}
	return ica, ark, nil
}

// CheckRoots checks that a product line's roots are self-consistent: the ARK is
// self-signed and signs the ASK and ASVK.
func CheckRoots(line string, r verifier.AMDRoots) error {
	if r.ARK == nil || r.ASK == nil {
		return fmt.Errorf("AMD roots for %s need an ARK and an ASK", line)
	}
	if err := r.ARK.CheckSignatureFrom(r.ARK); err != nil {
		return fmt.Errorf("%s ARK is not self-signed: %v", line, err)
	}
	if err := r.ASK.CheckSignatureFrom(r.ARK); err != nil {
		return fmt.Errorf("%s ASK is not signed by the ARK: %v", line, err)
	}
	if r.ASVK != nil {
		if err := r.ASVK.CheckSignatureFrom(r.ARK); err != nil {
			return fmt.Errorf("%s ASVK is not signed by the ARK: %v", line, err)
		}
	}
	return nil
}
