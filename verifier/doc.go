// Package verifier turns raw TEE evidence into normalized claims or a named rejection.
//
// The work is split the way go-sev-guest splits it: parse (bytes to structs), verify
// (signatures, certificate chains, collateral) and validate (policy on verified claims).
// This package holds what every stage and both TEEs share: the evidence envelope
// (SPEC §6), claims, policy, trust roots, the report_data binding (SPEC §3), the
// measurement hash (SPEC §2) and typed errors. The TEE-specific stages live in
// verifier/sevsnp and verifier/tdx; verifier/verify picks one by TEE type.
//
// The package imports nothing else of teeoracle and never reaches the network on its
// own: endorsements and collateral come through an injected HTTPSGetter, and time
// through an injected clock.
package verifier
