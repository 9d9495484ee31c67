// Package tdx parses, verifies and validates Intel TDX quotes (v4 and v5).
//
// ParseQuote reads the quote with bounds checks of its own and slices into the caller's
// bytes, so the hot path allocates little. Verifier.Verify checks the PCK chain to the
// pinned Intel SGX Root CA, the QE report and its binding to the attestation key, and
// the quote signature; with collateral it verifies Intel's TCB info and QE identity
// (and the CRLs) and evaluates the TCB level itself, because go-tdx-guest accepts only
// UpToDate while the policy may accept SWHardeningNeeded and worse.
//
// Everything that is shared across quotes is cached: the verified PCK chain and QE
// report per (attestation key, certification data), and collateral per FMSPC until its
// nextUpdate. A warm call costs one P-256 signature check, two hashes and policy checks.
package tdx
