package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/teeoracle/teeoracle/verifier"
	verifiertesting "github.com/teeoracle/teeoracle/verifier/testing"
	"github.com/teeoracle/teeoracle/verifier/verify"
)

// agentLockedBuffer is a bytes.Buffer the agent's goroutines may write while the test reads.
type agentLockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *agentLockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *agentLockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func TestAgentCLIRefusesSimulatedWithoutInsecureFlag(t *testing.T) {
	var out, errb bytes.Buffer
	code := runAgent(context.Background(), []string{"--provider", "simulated", "--listen", "127.0.0.1:0"}, &out, &errb)
	if code != exitUsage || !strings.Contains(errb.String(), "--insecure-simulated") {
		t.Errorf("exit %d stderr %q, want %d naming --insecure-simulated", code, errb.String(), exitUsage)
	}
}

func TestAgentCLIUsageErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{nil, "--provider is required"},
		{[]string{"--provider", "sgx"}, "unknown"},
		{[]string{"--provider", "tdx", "--measurement", "00"}, "only to --provider simulated"},
		{[]string{"--provider", "simulated", "--insecure-simulated", "--tee", "sgx"}, "--tee"},
		{[]string{"--provider", "simulated", "--insecure-simulated", "--measurement", "0x01"}, "1 bytes, want 48"},
		{[]string{"--provider", "simulated", "--insecure-simulated", "--chain-id", "1,x"}, "want a decimal integer > 0"},
		{[]string{"--provider", "simulated", "--insecure-simulated", "--registry", "0x12"}, "want 0x followed by 40 hex digits"},
		{[]string{"--provider", "tdx", "extra"}, "usage"},
	} {
		var out, errb bytes.Buffer
		code := runAgent(context.Background(), tc.args, &out, &errb)
		if code != exitUsage || !strings.Contains(errb.String(), tc.want) {
			t.Errorf("%v: exit %d stderr %q, want %d containing %q", tc.args, code, errb.String(), exitUsage, tc.want)
		}
	}
}

// The simulated agent, configured partly from the environment, serves evidence that verifies
// under the test roots, enforces its allow list, and shuts down cleanly.
func TestAgentCLIServesVerifiableEvidence(t *testing.T) {
	registry := common.HexToAddress("0x5FbDB2315678afecb367f032d93F642f64180aa3")
	t.Setenv("TEEORACLE_AGENT_PROVIDER", "simulated")
	t.Setenv("TEEORACLE_AGENT_INSECURE_SIMULATED", "true")
	t.Setenv("TEEORACLE_AGENT_CHAIN_ID", "999") // the flag below wins
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	var errb agentLockedBuffer
	done := make(chan int, 1)
	go func() {
		done <- runAgent(ctx, []string{"--listen", "127.0.0.1:0", "--tee", "tdx", "--chain-id", "31337",
			"--registry", registry.Hex(), "--measurement", strings.Repeat("ab", 48)}, pw, &errb)
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatalf("no start line on stdout (%v); stderr: %s", err, errb.String())
	}
	go io.Copy(io.Discard, pr)
	var started agentStarted
	if err := json.Unmarshal([]byte(line), &started); err != nil || started.TEE != "tdx" || !common.IsHexAddress(started.Subject) {
		t.Fatalf("start line %q (%v), want {subject, tee: tdx, url}", line, err)
	}
	if !strings.Contains(errb.String(), "INSECURE") || !strings.Contains(errb.String(), started.Subject) {
		t.Errorf("stderr %q, want an INSECURE warning and the subject", errb.String())
	}

	nonce := common.HexToHash("0x0102")
	resp, err := http.Get(started.URL + "/v1/evidence?nonce=" + nonce.Hex() + "&chainId=31337&registry=" + registry.Hex())
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d body %s, want 200", resp.StatusCode, body)
	}
	ev, err := verifier.DecodeEnvelope(body)
	if err != nil {
		t.Fatal(err)
	}
	// The verifier needs the simulated platform's collateral; any default simulated TD
	// shares its FMSPC and TCB, so a fresh attester's collateral serves.
	td, err := verifiertesting.NewTDXAttester(verifiertesting.TDXOptions{})
	if err != nil {
		t.Fatal(err)
	}
	coll, err := td.Collateral(verifiertesting.TDXCollateralOptions{})
	if err != nil {
		t.Fatal(err)
	}
	v, err := verify.New(verify.Options{Getter: verifiertesting.Getter(coll), TestRoots: verifiertesting.Roots()})
	if err != nil {
		t.Fatal(err)
	}
	c, err := v.Verify(context.Background(), ev)
	if err != nil {
		t.Fatalf("served evidence does not verify: %v", err)
	}
	if c.Subject.Hex() != started.Subject || c.Nonce != nonce || c.ChainID != 31337 || c.Registry != registry {
		t.Errorf("claims bound to %s %x %d %s, want %s %x 31337 %s", c.Subject.Hex(), c.Nonce, c.ChainID, c.Registry.Hex(), started.Subject, nonce, registry.Hex())
	}
	if c.Registers[0].Name != "MRTD" || c.Registers[0].Value[0] != 0xab {
		t.Errorf("first register %s = %x, want MRTD from --measurement", c.Registers[0].Name, c.Registers[0].Value)
	}

	resp, err = http.Get(started.URL + "/v1/evidence?nonce=" + nonce.Hex() + "&chainId=999&registry=" + registry.Hex())
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("chain outside --chain-id: status %d, want 403", resp.StatusCode)
	}

	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit %d after shutdown, want 0; stderr: %s", code, errb.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatal("agent did not shut down within 15s of cancellation")
	}
}

func TestAgentCLISignListenMustBeLoopback(t *testing.T) {
	var out, errb bytes.Buffer
	code := runAgent(context.Background(), []string{"--provider", "simulated", "--insecure-simulated",
		"--listen", "127.0.0.1:0", "--sign-listen", "0.0.0.0:0"}, &out, &errb)
	if code != 2 || !strings.Contains(errb.String(), "loopback") {
		t.Fatalf("--sign-listen 0.0.0.0:0: exit %d, %q; want 2 and a loopback message", code, errb.String())
	}
}
