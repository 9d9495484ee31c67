// Package verifiertesting is TEST ONLY: it simulates SEV-SNP and TDX attesters whose
// evidence chains to throwaway test roots instead of AMD's and Intel's.
//
// Everything here exists so tests, `teeoracle dev` and the end-to-end suite can produce
// fresh, correctly signed evidence for any measurement and report_data, and check it with
// the real verification libraries (go-sev-guest and go-tdx-guest) by pointing them at the
// test roots and at in-memory stand-ins for AMD KDS and Intel PCS. Evidence from this
// package proves nothing about real hardware: the private keys of every "root" are public
// (the AMD ones come from go-sev-guest's testing package, the Intel ones are derived from
// fixed labels), so anyone can forge evidence under them.
//
// Production code must never import this package (ARCHITECTURE.md: only cmd/, e2e/ and
// tests may). Certificates carry "teeoracle TEST ONLY" in their subjects wherever the
// libraries' checks leave room for it; the common names must stay the vendor ones
// ("ARK-Milan", "Intel SGX Root CA", ...) because the libraries compare them.
//
// SEV-SNP: NewSNPAttester, (*SNPAttester).Report, SNPRoots, SNPGetter, SNPVerifyOptions.
// TDX: NewTDXAttester, (*TDXAttester).Quote, (*TDXAttester).Collateral, TDXRoots,
// (*TDXCollateral).Getter or TDXGetter, (*TDXCollateral).VerifyOptions.
package verifiertesting
