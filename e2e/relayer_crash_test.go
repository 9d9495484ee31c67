package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
)

// Crash recovery of the relayer process (the "killed at each stage" list): a relayer
// started with TEEORACLE_FAILPOINT=STAGE SIGKILLs itself at that stage of answering a
// re-attestation request (relayer/failpoint.go); restarted without it on the same data
// directory, it must see the request answered by exactly one Attested event: none lost, none
// answered twice.
func TestRelayerKilledAtEachStageAnswersEveryRequestOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("starts anvil and real processes")
	}
	c := newCluster(t, "--cooldown", "0", "--response-window", "120")
	a := c.startAgent("0x" + strings.Repeat("0c", 48))
	c.allow(a)
	dir := t.TempDir()
	r := c.startRelayer(dir)
	if code, out := c.register(r, a); code != http.StatusAccepted {
		t.Fatalf("register: %d %v", code, out)
	}
	waitUntil(t, "isAttested after registration", 20*time.Second, func() bool { return c.attested(a.subject) })
	r.p.kill()

	for _, stage := range []string{"after-verify", "after-sign", "after-store", "after-broadcast", "before-confirm"} {
		t.Run(stage, func(t *testing.T) {
			c.t = t
			doomed := startRelayerWithFailpoint(c, dir, stage)
			nonce := c.request(a.subject)
			waitKilledAt(t, doomed, stage, 20*time.Second)

			r := c.startRelayer(dir)
			defer r.p.kill()
			waitUntil(t, fmt.Sprintf("request %s answered after the restart", nonce.Hex()), 30*time.Second,
				func() bool { return c.answers(a.subject, nonce) >= 1 })
			// Give a duplicate answer (a resumed transaction plus a fresh one) time to land.
			time.Sleep(2500 * time.Millisecond)
			if n := c.answers(a.subject, nonce); n != 1 {
				t.Fatalf("request %s answered by %d Attested events after a crash at %s, want exactly 1", nonce.Hex(), n, stage)
			}
			rec, err := c.reg.AttestationOf(context.Background(), a.subject)
			if err != nil {
				t.Fatal(err)
			}
			if rec.PendingDeadline != 0 {
				t.Fatalf("request still pending on chain after its answer: %+v", rec)
			}
			if !c.attested(a.subject) {
				t.Fatal("subject not attested after the request was answered")
			}
		})
		c.t = t
		if t.Failed() {
			return
		}
	}
}

// startRelayerWithFailpoint starts `teeoracle run` with TEEORACLE_FAILPOINT=stage on the
// cluster's chain, waits until it is ready and returns it.
func startRelayerWithFailpoint(c *cluster, dir, stage string) *relayerProc {
	c.t.Helper()
	// The child takes its environment at start; the test's own stays clean.
	if err := os.Setenv("TEEORACLE_FAILPOINT", stage); err != nil {
		c.t.Fatal(err)
	}
	defer os.Unsetenv("TEEORACLE_FAILPOINT")
	return c.startRelayer(dir)
}

// waitKilledAt waits for a relayer process to die by SIGKILL from its failpoint.
func waitKilledAt(t *testing.T, r *relayerProc, stage string, limit time.Duration) {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- r.p.cmd.Wait() }()
	select {
	case err := <-done:
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			t.Fatalf("relayer with failpoint %s exited with %v, want a SIGKILL", stage, err)
		}
		ws, ok := ee.Sys().(syscall.WaitStatus)
		if !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
			t.Fatalf("relayer with failpoint %s ended with %v, want a SIGKILL", stage, err)
		}
		r.p.mu.Lock()
		log := r.p.log.String()
		r.p.mu.Unlock()
		if !strings.Contains(log, "TEEORACLE_FAILPOINT: killing the relayer at "+stage) {
			t.Fatalf("relayer was SIGKILLed but not by failpoint %s:\n%s", stage, log)
		}
	case <-time.After(limit):
		t.Fatalf("relayer with failpoint %s still running after %s: the stage was never reached", stage, limit)
	}
}

// Wrong chain id: `teeoracle run` refuses to start, naming both ids.
func TestRelayerRefusesTheWrongChainID(t *testing.T) {
	if testing.Short() {
		t.Skip("starts anvil")
	}
	bin := teeoracleBin(t)
	addr := freePort(t)
	start(t, "anvil", anvilBin(t), "--host", "127.0.0.1", "--port", strings.Split(addr, ":")[1], "--silent")
	rpc := "http://" + addr
	var chainID uint64
	waitUntil(t, "anvil", 20*time.Second, func() bool {
		var err error
		chainID, err = chainIDOf(rpc)
		return err == nil
	})
	key, _ := crypto.GenerateKey()
	cmd := exec.Command(bin, "run", "--insecure-test-roots", "--allow-raw-keys", "--signing-key", hexutil.Encode(crypto.FromECDSA(key)),
		"--chain-id", "999", "--rpc-url", rpc, "--registry", common.Address{1}.Hex(), "--data-dir", t.TempDir(),
		"--listen", freePort(t))
	out, err := runWithTimeout(cmd, 30*time.Second)
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() == 0 {
		t.Fatalf("teeoracle run --chain-id 999 against chain %d: %v, want a non-zero exit\n%s", chainID, err, out)
	}
	for _, want := range []string{"999", fmt.Sprint(chainID), "wrong rpc_url or chain_id"} {
		if !strings.Contains(out, want) {
			t.Errorf("teeoracle run output does not mention %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "relayer started") || strings.Contains(out, "API listening") {
		t.Fatalf("teeoracle run started on the wrong chain:\n%s", out)
	}
}

func chainIDOf(rpc string) (uint64, error) {
	resp, err := http.Post(rpc, "application/json", strings.NewReader(`{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}`))
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	var out struct{ Result hexutil.Uint64 }
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return 0, err
	}
	if out.Result == 0 {
		return 0, errors.New("no chain id")
	}
	return uint64(out.Result), nil
}

func runWithTimeout(cmd *exec.Cmd, limit time.Duration) (string, error) {
	var out lockedBuffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		return "", err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		return out.String(), err
	case <-time.After(limit):
		_ = cmd.Process.Kill()
		<-done
		return out.String(), fmt.Errorf("still running after %s", limit)
	}
}

// lockedBuffer collects a child's output from its stdout and stderr copiers.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
