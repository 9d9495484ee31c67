package tdx

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/teeoracle/teeoracle/verifier"
	verifiertesting "github.com/teeoracle/teeoracle/verifier/testing"
)

// From its second quote on, an attestation key is checked with its p256 table. Fresh
// quotes must still pass and every altered one must still fail on that path.
func TestQuoteSignatureWithKeyTable(t *testing.T) {
	a, err := verifiertesting.NewTDXAttester(verifiertesting.TDXOptions{Seed: []byte("table")})
	if err != nil {
		t.Fatal(err)
	}
	v, err := NewVerifier(Options{Roots: verifiertesting.Roots().Intel})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	quote := func(i byte) *Quote {
		raw, err := a.Quote([64]byte{i})
		if err != nil {
			t.Fatal(err)
		}
		q, err := ParseQuote(raw)
		if err != nil {
			t.Fatal(err)
		}
		return q
	}
	check := func(q *Quote) error {
		_, err := v.Verify(context.Background(), q, now, false, false)
		return err
	}
	entry := func() *pckEntry {
		v.mu.RLock()
		defer v.mu.RUnlock()
		if len(v.pcks) != 1 {
			t.Fatalf("%d cached PCK entries, want 1", len(v.pcks))
		}
		for _, e := range v.pcks {
			return e
		}
		return nil
	}
	for i := byte(1); i <= 2; i++ {
		if err := check(quote(i)); err != nil {
			t.Fatalf("quote %d: %v", i, err)
		}
	}
	if !entry().attKeyTable.Built() {
		t.Fatal("no key table after the key's second quote")
	}
	for i := byte(3); i < 20; i++ {
		q := quote(i)
		if err := check(q); err != nil {
			t.Fatalf("quote %d on the table path: %v", i, err)
		}
		// The signed part, then the signature itself, one bit each.
		for _, off := range []int{int(i) * 37 % len(q.Signed), len(q.Signed) + 4 + int(i)%sigSize} {
			bad := quote(i)
			bad.Raw[off] ^= 1 << (i % 8)
			if err := check(bad); !errors.Is(err, verifier.ErrSignature) {
				t.Fatalf("quote %d with byte %d flipped: %v, want %v", i, off, err, verifier.ErrSignature)
			}
		}
	}
}
