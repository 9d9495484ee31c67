package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/teeoracle/teeoracle/cmd/internal/devchain"
	"github.com/teeoracle/teeoracle/protocol"
	"github.com/teeoracle/teeoracle/relayer/registry"
)

// The governance subcommands change what `registry status` and the contract report, keep
// what they were not asked to change, exit 2 on a bad command line before sending
// anything, and exit 1 with the decoded reason when the registry refuses.
func TestRegistryGovernanceCommands(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	ch := devchain.NewWithRPC(4, "registry cli", addr)
	defer ch.Close()
	done := make(chan struct{})
	defer close(done)
	go func() { // mine while the CLI waits for receipts
		for {
			select {
			case <-done:
				return
			case <-time.After(20 * time.Millisecond):
				ch.Sim.Commit()
			}
		}
	}()
	rpc := "http://" + addr
	keyHex := func(i int) string { return fmt.Sprintf("%x", crypto.FromECDSA(ch.Keys[i])) }
	cli := func(want int, args ...string) string {
		t.Helper()
		args = append(args[:2:2], append([]string{"--rpc", rpc, "--private-key", keyHex(0)}, args[2:]...)...)
		code, out, errOut := runCLI(t, args...)
		if code != want {
			t.Fatalf("%v exited %d, want %d: %s%s", args, code, want, out, errOut)
		}
		return out + errOut
	}
	var dep struct{ Registry common.Address }
	if err := json.Unmarshal([]byte(cli(0, "registry", "deploy", "--relayers", ch.Address(1).Hex(), "--json")), &dep); err != nil {
		t.Fatal(err)
	}
	reg := dep.Registry.Hex()
	status := func() map[string]any {
		t.Helper()
		var s map[string]any
		if err := json.Unmarshal([]byte(cli(0, "registry", "status", "--registry", reg, "--json")), &s); err != nil {
			t.Fatal(err)
		}
		return s
	}

	cli(0, "registry", "set-relayers", "--registry", reg, "--relayers", ch.Address(1).Hex()+","+ch.Address(2).Hex(), "--threshold", "2")
	cli(0, "registry", "set-limits", "--registry", reg, "--cooldown", "7", "--response-window", "900")
	cli(0, "registry", "set-min-tcb", "--registry", reg, "--tee", "tdx", "SWHardeningNeeded")
	s := status()
	want := map[string]any{"threshold": 2.0, "cooldown": 7.0, "responseWindow": 900.0,
		"maxAttestationAge": float64(registry.DefaultLimits.MaxAttestationAge), "maxValidity": float64(registry.DefaultLimits.MaxValidity),
		"minTcbStatusTdx": float64(protocol.TCBSWHardeningNeeded), "minTcbStatusSevSnp": 0.0}
	for k, v := range want {
		if s[k] != v {
			t.Errorf("status %s = %v, want %v", k, s[k], v)
		}
	}
	if rs, _ := s["relayers"].([]any); len(rs) != 2 {
		t.Errorf("status relayers = %v, want two", s["relayers"])
	}

	client := registry.New(ch.Client, dep.Registry)
	hasRole := func(role string, who common.Address) bool {
		ok, err := client.HasRole(context.Background(), registry.Roles[role], who)
		if err != nil {
			t.Fatal(err)
		}
		return ok
	}
	// The Go role ids are the contract's.
	for name, pack := range map[string][]byte{"admin": registry.ABI().PackDEFAULTADMINROLE(),
		"governor": registry.ABI().PackGOVERNORROLE(), "requester": registry.ABI().PackREQUESTERROLE()} {
		got, err := ch.Client.CallContract(context.Background(), ethereum.CallMsg{To: &dep.Registry, Data: pack}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if common.BytesToHash(got) != registry.Roles[name] {
			t.Errorf("role %s is %x on chain, %x in Go", name, got, registry.Roles[name])
		}
	}
	cli(0, "registry", "grant", "--registry", reg, "requester", ch.Address(3).Hex())
	cli(0, "registry", "grant", "--registry", reg, "--json", "governor", ch.Address(3).Hex())
	if !hasRole("requester", ch.Address(3)) || !hasRole("governor", ch.Address(3)) {
		t.Fatal("grant did not grant")
	}
	cli(0, "registry", "revoke-role", "--registry", reg, "requester", ch.Address(3).Hex())
	if hasRole("requester", ch.Address(3)) || !hasRole("governor", ch.Address(3)) {
		t.Fatal("revoke-role revoked the wrong role")
	}

	// Usage errors: nothing is sent.
	for _, args := range [][]string{
		{"registry", "set-relayers", "--registry", reg, "--relayers", ch.Address(1).Hex(), "--threshold", "2"},
		{"registry", "set-limits", "--registry", reg},
		{"registry", "set-min-tcb", "--registry", reg, "--tee", "tdx", "Revoked"},
		{"registry", "set-min-tcb", "--registry", reg, "--tee", "sgx", "1"},
		{"registry", "grant", "--registry", reg, "root", ch.Address(3).Hex()},
		{"registry", "revoke-role", "--registry", reg, "governor"},
	} {
		cli(2, args...)
	}
	// Refusals by the registry, decoded.
	if out := cli(1, "registry", "set-limits", "--registry", reg, "--max-validity", "0"); !strings.Contains(out, "reverted: InvalidLimits") {
		t.Errorf("zero max validity: %s", out)
	}
	code, out, errOut := runCLI(t, "registry", "set-min-tcb", "--rpc", rpc, "--private-key", keyHex(2), "--registry", reg, "--tee", "tdx", "1")
	if code != 1 || !strings.Contains(errOut, "reverted: AccessControlUnauthorizedAccount") {
		t.Errorf("a non-governor: exit %d, %s%s", code, out, errOut)
	}
	if s := status(); s["minTcbStatusTdx"] != float64(protocol.TCBSWHardeningNeeded) || s["cooldown"] != 7.0 {
		t.Errorf("refused transactions changed the registry: %v", s)
	}
}
