// Package verifybench measures the verifier's warm hot path against the raw go-sev-guest
// and go-tdx-guest libraries on the same evidence, for `teeoracle bench verify`.
//
// The evidence comes from verifier/testing's simulated attesters under their test roots,
// because the libraries' own real samples cannot pass a full check with collateral (the
// go-tdx-guest sample quote matches no TCB level of its sample TCB info, and no AMD CRL
// ships for the go-sev-guest sample). Both sides check revocation and, for TDX, Intel
// collateral, all served from memory. Only benchmarks and cmd import this package.
package verifybench

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/sha256"
	"crypto/sha512"
	"fmt"
	"math/big"
	"time"

	sevabi "github.com/google/go-sev-guest/abi"
	sevverify "github.com/google/go-sev-guest/verify"
	tdxverify "github.com/google/go-tdx-guest/verify"
	"github.com/teeoracle/teeoracle/verifier"
	"github.com/teeoracle/teeoracle/verifier/tdx"
	verifiertesting "github.com/teeoracle/teeoracle/verifier/testing"
	"github.com/teeoracle/teeoracle/verifier/verify"
)

// BenchTime is the fixed verification time.
var BenchTime = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

// Result holds the figures `teeoracle bench verify --json` prints.
type Result struct {
	SNPSpeedup      float64 `json:"snpSpeedup"`
	TDXSpeedup      float64 `json:"tdxSpeedup"`
	SNPNsPerOp      float64 `json:"snpNsPerOp"`
	TDXNsPerOp      float64 `json:"tdxNsPerOp"`
	SNPFloorNsPerOp float64 `json:"snpFloorNsPerOp"`
	TDXFloorNsPerOp float64 `json:"tdxFloorNsPerOp"`
	SNPRawNsPerOp   float64 `json:"snpRawNsPerOp"`
	TDXRawNsPerOp   float64 `json:"tdxRawNsPerOp"`
}

// Config bounds the run. Zero values mean 300 ms per measurement and 3 rounds.
type Config struct {
	PerMeasurement time.Duration
	Rounds         int
}

// Case is one thing to time, run once per op.
type Case func() error

// Cases builds the six measured operations on warm state (caches filled by one call).
type Cases struct {
	SNPOurs, SNPRaw, SNPFloor, TDXOurs, TDXRaw, TDXFloor Case
}

// NewCases prepares the operations; every case is checked to succeed once.
func NewCases(ctx context.Context) (*Cases, error) {
	c := &Cases{}
	roots := verifiertesting.Roots()
	sevRoots := verifiertesting.SNPRoots()

	// SEV-SNP: a simulated Milan report with its certificate table; revocation checked on
	// both sides against the same in-memory KDS CRL.
	snpA, err := verifiertesting.NewSNPAttester(verifiertesting.SNPOptions{Seed: []byte("bench")})
	if err != nil {
		return nil, err
	}
	report, certs, err := snpA.Report([64]byte{1})
	if err != nil {
		return nil, err
	}
	// TDX: a simulated quote and UpToDate collateral with CRLs, served from memory.
	tdxA, err := verifiertesting.NewTDXAttester(verifiertesting.TDXOptions{Seed: []byte("bench")})
	if err != nil {
		return nil, err
	}
	quote, err := tdxA.Quote([64]byte{2})
	if err != nil {
		return nil, err
	}
	coll, err := tdxA.Collateral(verifiertesting.TDXCollateralOptions{IssueDate: BenchTime.Add(-time.Hour)})
	if err != nil {
		return nil, err
	}
	getter := verifiertesting.Getter(coll)

	pol := verifier.DefaultPolicy()
	ours, err := verify.New(verify.Options{Now: func() time.Time { return BenchTime }, Policy: &pol, TestRoots: roots, Getter: getter})
	if err != nil {
		return nil, err
	}
	snpEv := &verifier.Evidence{TEE: verifier.TEESEVSNP, Quote: report, Certs: certs}
	c.SNPOurs = func() error { _, err := ours.Verify(ctx, snpEv); return err }
	c.SNPRaw = func() error {
		att, err := sevabi.ReportCertsToProto(append(bytes.Clone(report), certs...))
		if err != nil {
			return err
		}
		return sevverify.SnpAttestation(att, &sevverify.Options{CheckRevocations: true, Getter: verifiertesting.SNPGetter(), Now: BenchTime, TrustedRoots: sevRoots})
	}
	vcekPub := snpA.VCEK().PublicKey.(*ecdsa.PublicKey)
	sigDER, err := sevabi.ReportToSignatureDER(report)
	if err != nil {
		return nil, err
	}
	c.SNPFloor = func() error {
		d := sha512.Sum384(sevabi.SignedComponent(report))
		if !ecdsa.VerifyASN1(vcekPub, d[:], sigDER) {
			return fmt.Errorf("floor: signature does not verify")
		}
		return nil
	}

	tdxEv := &verifier.Evidence{TEE: verifier.TEETDX, Quote: quote}
	c.TDXOurs = func() error { _, err := ours.Verify(ctx, tdxEv); return err }
	// go-tdx-guest's verify.Options carries per-call state, so it is built per call.
	c.TDXRaw = func() error {
		return tdxverify.RawTdxQuote(quote, coll.VerifyOptions(BenchTime))
	}
	pq, err := tdx.ParseQuote(quote)
	if err != nil {
		return nil, err
	}
	attKey, err := ecdsa.ParseUncompressedPublicKey(elliptic.P256(), append([]byte{4}, pq.AttestationKey...))
	if err != nil {
		return nil, err
	}
	r, s := new(big.Int).SetBytes(pq.Signature[:32]), new(big.Int).SetBytes(pq.Signature[32:])
	c.TDXFloor = func() error {
		d := sha256.Sum256(pq.Signed)
		if !ecdsa.Verify(attKey, d[:], r, s) {
			return fmt.Errorf("floor: signature does not verify")
		}
		return nil
	}

	for name, f := range map[string]Case{"snp ours": c.SNPOurs, "snp raw": c.SNPRaw, "snp floor": c.SNPFloor,
		"tdx ours": c.TDXOurs, "tdx raw": c.TDXRaw, "tdx floor": c.TDXFloor} {
		if err := f(); err != nil {
			return nil, fmt.Errorf("%s does not verify the bench evidence: %v", name, err)
		}
	}
	return c, nil
}

// Run times the six operations, interleaved over several rounds so that background load
// hits them alike, and keeps each one's best round.
func Run(ctx context.Context, cfg Config) (Result, error) {
	if cfg.PerMeasurement <= 0 {
		cfg.PerMeasurement = 300 * time.Millisecond
	}
	if cfg.Rounds <= 0 {
		cfg.Rounds = 3
	}
	c, err := NewCases(ctx)
	if err != nil {
		return Result{}, err
	}
	cases := []Case{c.SNPOurs, c.SNPRaw, c.SNPFloor, c.TDXOurs, c.TDXRaw, c.TDXFloor}
	best := make([]float64, len(cases))
	for round := 0; round < cfg.Rounds; round++ {
		for i, f := range cases {
			ns, err := measure(ctx, f, cfg.PerMeasurement)
			if err != nil {
				return Result{}, err
			}
			if best[i] == 0 || ns < best[i] {
				best[i] = ns
			}
		}
	}
	return Result{
		SNPNsPerOp: best[0], SNPRawNsPerOp: best[1], SNPFloorNsPerOp: best[2],
		TDXNsPerOp: best[3], TDXRawNsPerOp: best[4], TDXFloorNsPerOp: best[5],
		SNPSpeedup: best[1] / best[0], TDXSpeedup: best[4] / best[3],
	}, nil
}

func measure(ctx context.Context, f Case, d time.Duration) (float64, error) {
	n := 0
	start := time.Now()
	for time.Since(start) < d {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		if err := f(); err != nil {
			return 0, err
		}
		n++
	}
	return float64(time.Since(start).Nanoseconds()) / float64(n), nil
}
