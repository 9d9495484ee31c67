package e2e

import (
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// The README's promise: examples/sequencer runs against `teeoracle dev` as is.
func TestSequencerExampleAgainstDev(t *testing.T) {
	if testing.Short() {
		t.Skip("runs teeoracle dev and the example as processes")
	}
	bin := teeoracleBin(t)
	example := filepath.Join(t.TempDir(), "sequencer")
	if out, err := exec.Command("go", "build", "-o", example, "../examples/sequencer").CombinedOutput(); err != nil {
		t.Fatalf("build the example: %v\n%s", err, out)
	}
	rpc, api := freePort(t), freePort(t)
	dev := start(t, "teeoracle dev", bin, "dev", "--rpc", rpc, "--api", api, "--faults=false", "--block-time", "300ms", "--agents", "2")
	var registry, key string
	waitUntil(t, "dev's banner", 30*time.Second, func() bool {
		dev.mu.Lock()
		banner := dev.log.String()
		dev.mu.Unlock()
		if m := regexp.MustCompile(`registry\s+(0x[0-9a-fA-F]{40})`).FindStringSubmatch(banner); m != nil {
			registry = m[1]
		}
		if m := regexp.MustCompile(`funded key (0x[0-9a-f]{64})`).FindStringSubmatch(banner); m != nil {
			key = m[1]
		}
		return registry != "" && key != "" && strings.Contains(banner, "registered subject")
	})
	cmd := exec.Command(example, "--insecure-simulated", "--rpc", "http://"+rpc, "--relayer", "http://"+api,
		"--registry", registry, "--private-key", key, "--batches", "2")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("example failed: %v\n%s", err, out)
	}
	for _, want := range []string{"before registration the inbox refuses", "NotAttested", "registered: isAttested", "batch 1 accepted"} {
		if !strings.Contains(string(out), want) {
			t.Fatalf("example output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(string(out), "batch 2 accepted") {
		t.Fatalf("example ignored --batches 2:\n%s", out)
	}
}
