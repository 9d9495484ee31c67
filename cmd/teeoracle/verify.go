package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/teeoracle/teeoracle/verifier"
	"github.com/teeoracle/teeoracle/verifier/verify"
)

// Exit codes of `teeoracle verify` (SPEC §7).
const (
	exitAccepted = 0
	exitRejected = 1
	exitUsage    = 2
)

// verifyResult is the single JSON object `verify --json` prints (SPEC §7).
type verifyResult struct {
	OK              bool    `json:"ok"`
	TEE             string  `json:"tee"`
	MeasurementHash string  `json:"measurementHash"`
	ReportData      string  `json:"reportData"`
	TCBStatus       uint8   `json:"tcbStatus"`
	Subject         *string `json:"subject"`
	QuoteHash       string  `json:"quoteHash"`
	Error           *string `json:"error"`
}

func runVerify(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("verify", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print one JSON object instead of text")
	rootsFile := fs.String("roots", "", "PEM file of pinned roots replacing the embedded AMD/Intel roots")
	collDir := fs.String("collateral", "", "directory of collateral (TCB info, QE identity, chain PEM, CRLs) used instead of the network")
	atFlag := fs.String("at", "", "verification time (RFC 3339) instead of now")
	policyFile := fs.String("policy", "", "JSON policy file (fields over the secure defaults)")
	insecure := fs.Bool("insecure-test-roots", false, "INSECURE: trust the simulated attesters' test roots")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: teeoracle verify [--json] [--roots PEM] [--collateral DIR] [--at RFC3339] [--policy FILE] [--insecure-test-roots] EVIDENCE")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return exitUsage
	}
	usage := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "teeoracle verify: "+format+"\n", a...)
		return exitUsage
	}

	opts := verify.Options{}
	if *atFlag != "" {
		t, err := time.Parse(time.RFC3339, *atFlag)
		if err != nil {
			return usage("--at %q is not RFC 3339: %v", *atFlag, err)
		}
		opts.Now = func() time.Time { return t }
	}
	if *policyFile != "" {
		f, err := os.Open(*policyFile)
		if err != nil {
			return usage("%v", err)
		}
		p, err := verifier.LoadPolicy(f)
		f.Close()
		if err != nil {
			return usage("policy %s: %v", *policyFile, err)
		}
		opts.Policy = &p
	}
	if *rootsFile != "" {
		b, err := os.ReadFile(*rootsFile)
		if err != nil {
			return usage("%v", err)
		}
		if opts.Roots, err = verifier.ParseRootsPEM(b); err != nil {
			return usage("roots %s: %v", *rootsFile, err)
		}
	}
	if *insecure {
		roots, err := testRootsOptions()
		if err != nil {
			return usage("--insecure-test-roots: %v", err)
		}
		opts.TestRoots = roots
		fmt.Fprintln(stderr, "teeoracle verify: WARNING: verifying under INSECURE test roots")
	}
	if *collDir != "" {
		if st, err := os.Stat(*collDir); err != nil || !st.IsDir() {
			return usage("--collateral %s is not a directory", *collDir)
		}
		now := opts.Now
		if now == nil {
			now = time.Now
		}
		opts.Getter = &verifier.DirGetter{Dir: *collDir, Now: now}
	} else if *insecure {
		// Test roots pair with the simulated AMD KDS, never with the real one.
		opts.Getter = testGetter()
	} else {
		opts.Getter = verifier.NewNetGetter()
	}

	evidence, err := readEvidence(fs.Arg(0))
	if err != nil {
		return usage("%v", err)
	}
	v, err := verify.New(opts)
	if err != nil {
		return usage("%v", err)
	}
	claims, verr := v.VerifyBytes(ctx, evidence)
	var vErr *verifier.Error
	if verr != nil && !errors.As(verr, &vErr) {
		// Only *verifier.Error is a verdict; anything else is a fault of ours or of I/O.
		return usage("%v", verr)
	}

	if *asJSON {
		res := verifyResult{OK: verr == nil}
		if claims != nil {
			res.TEE = claims.TEE.String()
			res.MeasurementHash = claims.MeasurementHash.Hex()
			res.ReportData = hexutil.Encode(claims.ReportData[:])
			res.TCBStatus = uint8(claims.TCBStatus)
			res.QuoteHash = claims.QuoteHash.Hex()
			if claims.Bound {
				s := claims.Subject.Hex()
				res.Subject = &s
			}
		}
		if verr != nil {
			s := verr.Error()
			res.Error = &s
		}
		b, _ := json.Marshal(res)
		fmt.Fprintln(stdout, string(b))
	} else if verr != nil {
		fmt.Fprintf(stdout, "rejected: %v\n", verr)
	} else {
		printClaims(stdout, claims)
	}
	if verr != nil {
		return exitRejected
	}
	return exitAccepted
}

func readEvidence(path string) ([]byte, error) {
	var r io.Reader = os.Stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	// Read one byte past the envelope limit so the decoder reports "oversized".
	return io.ReadAll(io.LimitReader(r, verifier.MaxEnvelopeSize+1))
}

func printClaims(w io.Writer, c *verifier.Claims) {
	fmt.Fprintf(w, "accepted\n")
	fmt.Fprintf(w, "tee:             %s (v%d, %s, %s)\n", c.TEE, c.Version, c.Signer, c.Platform)
	fmt.Fprintf(w, "measurementHash: %s\n", c.MeasurementHash.Hex())
	fmt.Fprintf(w, "tcbStatus:       %d (%v)\n", c.TCBStatus, c.TCBStatus)
	fmt.Fprintf(w, "quoteHash:       %s\n", c.QuoteHash.Hex())
	fmt.Fprintf(w, "reportData:      %s\n", hexutil.Encode(c.ReportData[:]))
	if c.Bound {
		fmt.Fprintf(w, "binding:         chainId %d, registry %s, subject %s, nonce %s\n", c.ChainID, c.Registry.Hex(), c.Subject.Hex(), c.Nonce.Hex())
	} else {
		fmt.Fprintf(w, "binding:         not checked (bare report/quote carries no binding)\n")
	}
	fmt.Fprintf(w, "notAfter:        %s\n", c.NotAfter.UTC().Format(time.RFC3339))
	if c.TestRoots {
		fmt.Fprintf(w, "WARNING:         verified under INSECURE test roots\n")
	}
}
