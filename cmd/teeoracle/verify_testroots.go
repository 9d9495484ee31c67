package main

import (
	"errors"

	"github.com/teeoracle/teeoracle/verifier"
)

// testRootsOptions returns the simulated attesters' INSECURE test roots for
// `verify --insecure-test-roots`. This stub is the only place that knows about test
// roots; it is replaced by a version that returns verifier/testing's roots.
func testRootsOptions() (*verifier.Roots, error) {
	return nil, errors.New("test roots not built in")
}
