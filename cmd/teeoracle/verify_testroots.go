package main

import (
	"github.com/teeoracle/teeoracle/verifier"
	verifiertesting "github.com/teeoracle/teeoracle/verifier/testing"
)

// testRootsOptions returns the simulated attesters' INSECURE test roots for
// `verify --insecure-test-roots` (SPEC §9: only with that explicit flag). cmd/ is the one
// production package allowed to know them.
func testRootsOptions() (*verifier.Roots, error) { return verifiertesting.Roots(), nil }

// testGetter serves the simulated attesters' endorsements (VCEKs, chains, CRL) from memory.
func testGetter() verifier.HTTPSGetter { return verifiertesting.Getter() }
