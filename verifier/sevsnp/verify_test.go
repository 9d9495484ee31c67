package sevsnp

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/teeoracle/teeoracle/verifier"
	verifiertesting "github.com/teeoracle/teeoracle/verifier/testing"
)

// From its second report on, an endorsement key is checked with its fixedkey table.
// Fresh reports must still pass and every altered one must still fail on that path.
func TestReportSignatureWithKeyTable(t *testing.T) {
	a, err := verifiertesting.NewSNPAttester(verifiertesting.SNPOptions{Seed: []byte("table")})
	if err != nil {
		t.Fatal(err)
	}
	v, err := NewVerifier(Options{Roots: verifiertesting.Roots().AMD})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	report := func(i byte) (*Report, []byte) {
		raw, certs, err := a.Report([64]byte{i})
		if err != nil {
			t.Fatal(err)
		}
		r, err := ParseReport(raw)
		if err != nil {
			t.Fatal(err)
		}
		return r, certs
	}
	check := func(r *Report, certs []byte) error {
		_, err := v.Verify(context.Background(), r, certs, now, false)
		return err
	}
	for i := byte(1); i <= 2; i++ {
		if err := check(report(i)); err != nil {
			t.Fatalf("report %d: %v", i, err)
		}
	}
	v.mu.RLock()
	if len(v.eks) != 1 {
		t.Fatalf("%d cached endorsements, want 1", len(v.eks))
	}
	for _, ek := range v.eks {
		if !ek.pubTable.Built() {
			t.Fatal("no key table after the key's second report")
		}
	}
	v.mu.RUnlock()
	for i := byte(3); i < 12; i++ {
		if err := check(report(i)); err != nil {
			t.Fatalf("report %d on the table path: %v", i, err)
		}
		// REPORT_DATA (signed), then r and s of the signature, one bit each.
		for _, off := range []int{0x50 + int(i), signedSize + int(i), signedSize + 72 + int(i)} {
			bad, certs := report(i)
			bad.Raw[off] ^= 1 << (i % 8)
			if err := check(bad, certs); !errors.Is(err, verifier.ErrSignature) {
				t.Fatalf("report %d with byte %#x flipped: %v, want %v", i, off, err, verifier.ErrSignature)
			}
		}
	}
}
