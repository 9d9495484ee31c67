package tdx

import (
	"crypto/x509"
	_ "embed"
	"encoding/pem"
	"sync"
)

// intelRootPEM is the Intel SGX Root CA (2018-05-21 .. 2049-12-31, SHA-256
// 44A0196B2B99F889B8E149E95B807A350E7424964399E885A7CBB8CCFAB674D3), the same file
// go-tdx-guest embeds as verify/trusted_root.pem. Pinned by certificate, not by name:
// pre-production platforms carry a different key under the same subject.
//
//go:embed intel_sgx_root_ca.pem
var intelRootPEM []byte

var intelRoot = sync.OnceValue(func() *x509.Certificate {
	b, _ := pem.Decode(intelRootPEM)
	c, err := x509.ParseCertificate(b.Bytes)
	if err != nil {
		panic("tdx: embedded Intel SGX Root CA does not parse: " + err.Error())
	}
	return c
})

// ProductionRoot returns the pinned Intel SGX Root CA.
func ProductionRoot() *x509.Certificate { return intelRoot() }
