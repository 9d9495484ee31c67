package verifiertesting

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha512"
	"encoding/binary"
	"fmt"
	"math/big"
)

// expand stretches (label, seed) into n pseudo-random bytes. A nil seed means "not
// reproducible": the bytes come from crypto/rand instead.
func expand(label string, seed []byte, n int) []byte {
	out := make([]byte, 0, n)
	if seed == nil {
		out = out[:n]
		if _, err := rand.Read(out); err != nil {
			panic(fmt.Sprintf("verifiertesting: crypto/rand failed: %v", err))
		}
		return out
	}
	for counter := uint32(0); len(out) < n; counter++ {
		h := sha512.New()
		// The label is NUL-terminated and the seed comes last, so distinct (label, seed)
		// pairs never hash the same input.
		h.Write([]byte("teeoracle TEST ONLY derivation\x00"))
		h.Write([]byte(label))
		h.Write([]byte{0})
		var c [4]byte
		binary.BigEndian.PutUint32(c[:], counter)
		h.Write(c[:])
		h.Write(seed)
		out = h.Sum(out)
	}
	return out[:n]
}

// deriveKey returns an ECDSA key reproducible from (label, seed), or a fresh random key when
// seed is nil. Reproducible keys make seeded attesters keep their identity across runs.
func deriveKey(curve elliptic.Curve, label string, seed []byte) (*ecdsa.PrivateKey, error) {
	if seed == nil {
		return ecdsa.GenerateKey(curve, rand.Reader)
	}
	size := (curve.Params().BitSize + 7) / 8
	// A candidate scalar is rejected only if it is zero or not below the group order,
	// which is astronomically rare; a few retries bound the loop.
	for attempt := 0; attempt < 8; attempt++ {
		d := expand(fmt.Sprintf("%s/key/%d", label, attempt), seed, size)
		if key, err := ecdsa.ParseRawPrivateKey(curve, d); err == nil {
			return key, nil
		}
	}
	return nil, fmt.Errorf("could not derive a %s key for %q", curve.Params().Name, label)
}

// mustDeriveKey is for the fixed test roots, whose derivation cannot fail.
func mustDeriveKey(curve elliptic.Curve, label string) *ecdsa.PrivateKey {
	key, err := deriveKey(curve, label, []byte("teeoracle TEST ONLY fixed roots"))
	if err != nil {
		panic(err)
	}
	return key
}

// serialFrom returns a positive 20-byte certificate serial number (the RFC 5280 maximum),
// reproducible when seed is non-nil.
func serialFrom(label string, seed []byte) *big.Int {
	b := expand(label+"/serial", seed, 20)
	b[0] &= 0x7f
	b[0] |= 0x01 // never zero, never negative, always 20 bytes long
	return new(big.Int).SetBytes(b)
}
