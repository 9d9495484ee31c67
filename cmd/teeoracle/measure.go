package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/teeoracle/teeoracle/verifier/verify"
)

// runMeasure prints the measurement hash of evidence and the registers it covers, so
// operators compute allowlist entries from a real quote, never by hand (SPEC §2). It
// verifies nothing.
func runMeasure(_ context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("measure", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print one JSON object")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: teeoracle measure [--json] EVIDENCE")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return exitUsage
	}
	b, err := readEvidence(fs.Arg(0))
	if err != nil {
		fmt.Fprintf(stderr, "teeoracle measure: %v\n", err)
		return exitUsage
	}
	c, err := verify.Measure(b)
	if err != nil {
		fmt.Fprintf(stderr, "teeoracle measure: %v\n", err)
		return exitRejected
	}
	if *asJSON {
		out, _ := json.Marshal(map[string]any{
			"tee":             c.TEE.String(),
			"version":         c.Version,
			"measurementHash": c.MeasurementHash.Hex(),
			"registers":       c.Registers,
			"quoteHash":       c.QuoteHash.Hex(),
			"reportData":      hexutil.Encode(c.ReportData[:]),
		})
		fmt.Fprintln(stdout, string(out))
		return exitAccepted
	}
	fmt.Fprintf(stdout, "tee:             %s (v%d)\n", c.TEE, c.Version)
	fmt.Fprintf(stdout, "measurementHash: %s\n", c.MeasurementHash.Hex())
	for _, r := range c.Registers {
		fmt.Fprintf(stdout, "%-16s %s\n", r.Name+":", r.Value)
	}
	fmt.Fprintf(stdout, "quoteHash:       %s\n", c.QuoteHash.Hex())
	return exitAccepted
}
