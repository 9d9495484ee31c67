package verify_test

import (
	"context"
	"encoding/binary"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/google/go-sev-guest/abi"
	sevtestdata "github.com/google/go-sev-guest/verify/testdata"
	tdxtestdata "github.com/google/go-tdx-guest/testing/testdata"
	"github.com/google/uuid"
	"github.com/teeoracle/teeoracle/verifier"
	"github.com/teeoracle/teeoracle/verifier/verify"
)

// Expected hashes are computed here from raw offsets with go-ethereum's keccak, not with
// the verifier's own parsers, so a parser bug cannot agree with itself.
func snpHashByHand(raw []byte) string {
	return crypto.Keccak256Hash([]byte{1}, raw[0x90:0xC0], raw[0xC0:0xE0]).Hex()
}

func tdxHashByHand(raw []byte) string {
	body := 48
	if binary.LittleEndian.Uint16(raw[0:2]) == 5 {
		body += 6
	}
	r := func(off int) []byte { return raw[body+off : body+off+48] }
	return crypto.Keccak256Hash([]byte{2}, r(136), r(328), r(376), r(424), r(472), r(184), r(232), r(280)).Hex()
}

func TestGoSevGuestMilanSample(t *testing.T) {
	raw := sevtestdata.AttestationBytes
	certs := (&abi.CertTable{Entries: []abi.CertTableEntry{{GUID: uuid.MustParse(abi.VcekGUID), RawCert: sevtestdata.VcekBytes}}}).Marshal()
	ev := &verifier.Evidence{TEE: verifier.TEESEVSNP, Quote: raw, Certs: certs}
	p := verifier.DefaultPolicy()
	p.SNP.CheckRevocations = false // no AMD CRL ships with the sample
	v, err := verify.New(verify.Options{Now: at("2023-06-01T00:00:00Z"), Policy: &p})
	if err != nil {
		t.Fatal(err)
	}
	c, err := v.Verify(context.Background(), ev)
	if !errors.Is(err, verifier.ErrDebug) || !strings.Contains(err.Error(), "DEBUG") {
		t.Fatalf("default policy: got %v, want a debug rejection (the sample's policy has DEBUG set)", err)
	}
	if c.MeasurementHash.Hex() != snpHashByHand(raw) || c.QuoteHash != crypto.Keccak256Hash(raw) {
		t.Errorf("hashes %s %s", c.MeasurementHash, c.QuoteHash)
	}
	p.SNP.AllowDebug = true
	v, _ = verify.New(verify.Options{Now: at("2023-06-01T00:00:00Z"), Policy: &p})
	if c, err = v.Verify(context.Background(), ev); err != nil {
		t.Fatalf("debug allowed: %v", err)
	}
	if c.Signer != "VCEK" || c.Platform != "Milan" || c.Version != 2 || c.TCBStatus != 0 {
		t.Errorf("claims %+v", c)
	}
	// After the VCEK's NotAfter (2029-09-24) the same evidence is expired.
	v, _ = verify.New(verify.Options{Now: at("2030-01-01T00:00:00Z"), Policy: &p})
	if _, err := v.Verify(context.Background(), ev); !errors.Is(err, verifier.ErrExpired) {
		t.Errorf("2030: got %v, want expired", err)
	}
}

// withoutExtra drops what follows the signed data: go-tdx-guest's v4 sample carries
// "extra bytes(only for testing purpose)", which this verifier rejects as non-zero padding.
func withoutExtra(raw []byte) []byte {
	off := 48 + 584
	if binary.LittleEndian.Uint16(raw[0:2]) == 5 {
		off = 48 + 6 + int(binary.LittleEndian.Uint32(raw[50:54]))
	}
	return raw[:off+4+int(binary.LittleEndian.Uint32(raw[off:off+4]))]
}

func TestGoTdxGuestSamples(t *testing.T) {
	noColl := verifier.DefaultPolicy()
	noColl.TDX.RequireCollateral, noColl.TDX.CheckRevocations, noColl.TDX.MinTCBStatus = false, false, 0
	for _, tc := range []struct {
		name    string
		raw     []byte
		at      string
		version uint32
	}{
		{"v4 SPR", tdxtestdata.RawQuote, "2023-07-01T01:00:00Z", 4},
		{"v5", tdxtestdata.RawQuoteV5, "2026-02-03T01:00:00Z", 5},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v, err := verify.New(verify.Options{Now: at(tc.at), Policy: &noColl})
			if err != nil {
				t.Fatal(err)
			}
			c, err := v.VerifyBytes(context.Background(), tc.raw)
			if tc.version == 4 {
				if !errors.Is(err, verifier.ErrMalformed) || !strings.Contains(err.Error(), "not all zero") {
					t.Fatalf("sample with non-zero extra bytes: got %v, want malformed", err)
				}
				c, err = v.VerifyBytes(context.Background(), withoutExtra(tc.raw))
			}
			if err != nil {
				t.Fatalf("got %v, want accepted", err)
			}
			if c.Version != tc.version || c.MeasurementHash.Hex() != tdxHashByHand(tc.raw) || c.TCBStatus != 0 {
				t.Errorf("claims %+v, want hash %s", c, tdxHashByHand(tc.raw))
			}
		})
	}
	// With the library's collateral the v4 sample's platform (CPUSVN 03 03 02 02 …) is
	// older than every TCB level of the sample TCB info: that is a rejection, never
	// "no status".
	p := verifier.DefaultPolicy()
	v, _ := verify.New(verify.Options{Now: at("2023-07-01T01:00:00Z"), Policy: &p, Getter: libGetter{}})
	if _, err := v.VerifyBytes(context.Background(), withoutExtra(tdxtestdata.RawQuote)); !errors.Is(err, verifier.ErrTCBBelowMinimum) || !strings.Contains(err.Error(), "no TCB level") {
		t.Errorf("sample with collateral: got %v, want no matching TCB level", err)
	}
	// The collateral itself verified (signatures, CRLs): a later time makes it stale.
	v, _ = verify.New(verify.Options{Now: func() time.Time { return time.Date(2023, 8, 1, 0, 0, 0, 0, time.UTC) }, Policy: &p, Getter: libGetter{}})
	if _, err := v.VerifyBytes(context.Background(), withoutExtra(tdxtestdata.RawQuote)); !errors.Is(err, verifier.ErrCollateral) && !errors.Is(err, verifier.ErrExpired) {
		t.Errorf("a month later: got %v, want stale collateral", err)
	}
}
