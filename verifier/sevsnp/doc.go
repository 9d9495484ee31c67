// Package sevsnp parses, verifies and validates AMD SEV-SNP attestation reports.
//
// Parse (ParseReport, ParseCertTable) only reads bytes. Verifier.Verify checks the
// endorsement key (VCEK or VLEK) against the pinned AMD roots, optionally the product
// CRL, and the report signature; it caches the expensive, shared part (the verified
// endorsement key per certificate, the CRL per product) so a warm call costs one P-384
// signature check. Validate applies policy to a verified report.
//
// go-sev-guest v0.15.0 does the format parsing and KDS extension decoding. It cannot
// decode Turin VCEKs (FMC SPL extension, google/go-sev-guest#165), so Turin evidence is
// rejected with ReasonChain until upstream fixes it.
package sevsnp
