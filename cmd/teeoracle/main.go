// Command teeoracle is the on-chain attestation oracle for confidential VMs: one binary for
// the relayer daemon, the in-TEE agent, offline verification, registry operations, the local
// dev loop and the benchmarks. See README.md and docs/.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"syscall"
)

type command struct {
	run  func(ctx context.Context, args []string, stdout, stderr io.Writer) int
	help string
}

var commands = map[string]command{
	"registry": {runRegistry, "operate a registry: deploy|allow|revoke|sunset|request|status"},
	"bench":    {runBench, "benchmarks: gas|verify|relay [--json]"},
	"verify":   {runVerify, "verify evidence offline: [--json] [--roots PEM] [--collateral DIR] [--at RFC3339] [--policy FILE] EVIDENCE"},
	"dev":      {runDev, "the whole loop on an embedded chain with simulated TEEs: [--agents N] [--duration D] [--json]"},
	"run":      {runRun, "the relayer daemon: --config FILE (flags and TEEORACLE_* override the file)"},
	"agent":    {runAgent, "the in-TEE agent: --provider sev-snp|tdx|simulated [--listen ADDR]"},
	"measure":  {runMeasure, "print the measurement hash of evidence and the registers it covers"},
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		return 2
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "teeoracle: unknown command %q\n", args[0])
		usage(stderr)
		return 2
	}
	return cmd.run(ctx, args[1:], stdout, stderr)
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: teeoracle COMMAND [flags]\n\ncommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-9s %s\n", n, commands[n].help)
	}
}
