package main

import (
	"context"
	"fmt"
	"io"
)

var benches = map[string]func(ctx context.Context, args []string, stdout, stderr io.Writer) int{
	"gas":    runBenchGas,
	"verify": runBenchVerify,
	"relay":  runBenchRelay,
}

func runBench(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, "usage: teeoracle bench gas|verify|relay [--json]")
		return 2
	}
	b, ok := benches[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "teeoracle bench: unknown benchmark %q (have gas, verify, relay)\n", args[0])
		return 2
	}
	return b(ctx, args[1:], stdout, stderr)
}
