package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/teeoracle/teeoracle/verifier/verifybench"
)

func runBenchVerify(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bench verify", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print one JSON object")
	per := fs.Duration("time", 300*time.Millisecond, "time per measurement")
	rounds := fs.Int("rounds", 5, "interleaved rounds; the best of each is kept")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	r, err := verifybench.Run(ctx, verifybench.Config{PerMeasurement: *per, Rounds: *rounds})
	if err != nil {
		fmt.Fprintln(stderr, "bench verify:", err)
		return 1
	}
	if *asJSON {
		return printJSON(stdout, stderr, r)
	}
	fmt.Fprintf(stdout, "verification of one piece of evidence, warm caches (simulated evidence, collateral and CRLs from memory):\n")
	fmt.Fprintf(stdout, "  SEV-SNP  ours %8.0f ns  raw go-sev-guest %8.0f ns  speedup %.2fx (goal >= 2.5x)  floor (P-384 verify) %8.0f ns  ours/floor %.2f (goal <= 1.2)\n",
		r.SNPNsPerOp, r.SNPRawNsPerOp, r.SNPSpeedup, r.SNPFloorNsPerOp, r.SNPNsPerOp/r.SNPFloorNsPerOp)
	fmt.Fprintf(stdout, "  TDX      ours %8.0f ns  raw go-tdx-guest %8.0f ns  speedup %.2fx (goal >= 20x)   floor (P-256 verify) %8.0f ns  ours/floor %.2f (goal <= 1.2)\n",
		r.TDXNsPerOp, r.TDXRawNsPerOp, r.TDXSpeedup, r.TDXFloorNsPerOp, r.TDXNsPerOp/r.TDXFloorNsPerOp)
	return 0
}
