package e2e

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/teeoracle/teeoracle/relayer/registry"
)

// The whole loop over the wire: a real anvil node, and teeoracle's relayer and agents as
// real processes talking JSON-RPC and HTTP, driven through the CLI as an operator would.

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// teeoracleBin builds ./cmd/teeoracle once per test binary.
func teeoracleBin(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "teeoracle-e2e-bin-")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "teeoracle")
		out, err := exec.Command("go", "build", "-o", binPath, "../cmd/teeoracle").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

// anvilBin finds anvil from the pinned npm package. CI installs it, so there its absence is
// a failure; elsewhere the test is skipped with the command that installs it.
func anvilBin(t *testing.T) string {
	t.Helper()
	p, _ := filepath.Abs("../node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil")
	if _, err := os.Stat(p); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("anvil missing at %s: run npm ci", p)
		}
		t.Skipf("anvil missing at %s: run npm ci to include the over-the-wire tests", p)
	}
	return p
}

func freePort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// proc is a child process whose output goes to a log file shown when the test fails.
type proc struct {
	cmd *exec.Cmd
	log *bytes.Buffer
	mu  sync.Mutex
}

type lockedWriter struct{ p *proc }

func (w lockedWriter) Write(b []byte) (int, error) {
	w.p.mu.Lock()
	defer w.p.mu.Unlock()
	return w.p.log.Write(b)
}

func start(t *testing.T, name string, args ...string) *proc {
	t.Helper()
	p := &proc{log: new(bytes.Buffer)}
	p.cmd = exec.Command(args[0], args[1:]...)
	p.cmd.Stdout, p.cmd.Stderr = lockedWriter{p}, lockedWriter{p}
	if err := p.cmd.Start(); err != nil {
		t.Fatalf("start %s: %v", name, err)
	}
	t.Cleanup(func() {
		p.kill()
		if t.Failed() {
			p.mu.Lock()
			t.Logf("--- %s output ---\n%s", name, p.log.String())
			p.mu.Unlock()
		}
	})
	return p
}

func (p *proc) kill() {
	if p.cmd.ProcessState == nil && p.cmd.Process != nil {
		_ = p.cmd.Process.Kill()
		_ = p.cmd.Wait()
	}
}

func waitUntil(t *testing.T, what string, limit time.Duration, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		if cond() {
			return
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Fatalf("timed out after %s waiting for %s", limit, what)
}

// cluster is anvil plus the registry, with helpers to run the CLI against it.
type cluster struct {
	t        *testing.T
	bin      string
	rpc      string
	eth      *ethclient.Client
	reg      *registry.Client
	govKey   string              // hex, anvil's first dev account
	relayer  *ecdsa.PrivateKey   // relayers[0]
	relayers []*ecdsa.PrivateKey // every authorized relayer's signing key
	chainID  uint64
	registry common.Address
}

const anvilKey0 = "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"

func newCluster(t *testing.T, limits ...string) *cluster {
	t.Helper()
	return newQuorumCluster(t, 1, 1, limits...)
}

// newQuorumCluster deploys a registry with n relayers of which k must sign.
func newQuorumCluster(t *testing.T, n, k int, limits ...string) *cluster {
	t.Helper()
	bin := teeoracleBin(t)
	addr := freePort(t)
	start(t, "anvil", anvilBin(t), "--host", "127.0.0.1", "--port", strings.Split(addr, ":")[1], "--block-time", "1", "--silent")
	c := &cluster{t: t, bin: bin, rpc: "http://" + addr, govKey: anvilKey0}
	waitUntil(t, "anvil", 20*time.Second, func() bool {
		eth, err := ethclient.Dial(c.rpc)
		if err != nil {
			return false
		}
		id, err := eth.ChainID(context.Background())
		if err != nil {
			eth.Close()
			return false
		}
		c.eth, c.chainID = eth, id.Uint64()
		return true
	})
	t.Cleanup(c.eth.Close)
	var addrs []string
	for i := 0; i < n; i++ {
		key, _ := crypto.GenerateKey()
		c.relayers = append(c.relayers, key)
		c.fund(crypto.PubkeyToAddress(key.PublicKey))
		addrs = append(addrs, crypto.PubkeyToAddress(key.PublicKey).Hex())
	}
	c.relayer = c.relayers[0]
	args := append([]string{"registry", "deploy", "--relayers", strings.Join(addrs, ","), "--threshold", fmt.Sprint(k)}, limits...)
	c.registry = common.HexToAddress(strings.TrimSpace(c.cli(args...)))
	c.reg = registry.New(c.eth, c.registry)
	return c
}

// cli runs a teeoracle command with the cluster's RPC, registry and governor key.
func (c *cluster) cli(args ...string) string {
	c.t.Helper()
	out, err := c.cliErr(args...)
	if err != nil {
		c.t.Fatalf("teeoracle %v: %v\n%s", args, err, out)
	}
	return out
}

func (c *cluster) cliErr(args ...string) (string, error) {
	cmd := exec.Command(c.bin, args...)
	cmd.Env = append(os.Environ(), "TEEORACLE_RPC_URL="+c.rpc, "TEEORACLE_PRIVATE_KEY="+c.govKey,
		"TEEORACLE_REGISTRY="+c.registry.Hex())
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	return out.String(), err
}

func (c *cluster) fund(to common.Address) {
	c.t.Helper()
	key, _ := crypto.HexToECDSA(c.govKey)
	from := crypto.PubkeyToAddress(key.PublicKey)
	ctx := context.Background()
	nonce, err := c.eth.PendingNonceAt(ctx, from)
	if err != nil {
		c.t.Fatal(err)
	}
	tip := big.NewInt(1e9)
	head, err := c.eth.HeaderByNumber(ctx, nil)
	if err != nil {
		c.t.Fatal(err)
	}
	fee := new(big.Int).Add(new(big.Int).Mul(head.BaseFee, big.NewInt(2)), tip)
	tx := types.MustSignNewTx(key, types.LatestSignerForChainID(new(big.Int).SetUint64(c.chainID)), &types.DynamicFeeTx{
		Nonce: nonce, To: &to, Value: new(big.Int).Lsh(big.NewInt(1), 62), Gas: 21000, GasTipCap: tip, GasFeeCap: fee})
	if err := c.eth.SendTransaction(ctx, tx); err != nil {
		c.t.Fatal(err)
	}
	waitUntil(c.t, "funding", 20*time.Second, func() bool {
		r, err := c.eth.TransactionReceipt(ctx, tx.Hash())
		return err == nil && r.Status == 1
	})
}

// agentProc is a simulated agent process.
type agentProc struct {
	p       *proc
	url     string
	subject common.Address
}

func (c *cluster) startAgent(measurement string) *agentProc {
	c.t.Helper()
	addr := freePort(c.t)
	p := start(c.t, "agent "+measurement, c.bin, "agent", "--provider", "simulated", "--insecure-simulated", "--tee", "sev-snp",
		"--measurement", measurement, "--listen", addr)
	a := &agentProc{p: p, url: "http://" + addr}
	waitUntil(c.t, "agent", 20*time.Second, func() bool {
		resp, err := http.Get(a.url + "/v1/subject")
		if err != nil {
			return false
		}
		defer resp.Body.Close()
		var s struct{ Subject common.Address }
		return json.NewDecoder(resp.Body).Decode(&s) == nil && s.Subject != (common.Address{}) && func() bool { a.subject = s.Subject; return true }()
	})
	return a
}

// evidence fetches an envelope from an agent, as a relayer would.
func (c *cluster) evidence(a *agentProc, nonce common.Hash) []byte {
	c.t.Helper()
	resp, err := http.Get(fmt.Sprintf("%s/v1/evidence?nonce=%s&chainId=%d&registry=%s", a.url, nonce.Hex(), c.chainID, c.registry.Hex()))
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		c.t.Fatalf("agent evidence: %s %s", resp.Status, b)
	}
	return b
}

// allow puts the agent's measurement on the allowlist, computed from its evidence with
// `teeoracle measure` as an operator would.
func (c *cluster) allow(a *agentProc) common.Hash {
	c.t.Helper()
	f := filepath.Join(c.t.TempDir(), "evidence.json")
	os.WriteFile(f, c.evidence(a, common.Hash{1}), 0o600)
	var m struct{ MeasurementHash common.Hash }
	if err := json.Unmarshal([]byte(c.cli("measure", "--json", f)), &m); err != nil {
		c.t.Fatal(err)
	}
	c.cli("registry", "allow", "--tee", "sev-snp", m.MeasurementHash.Hex())
	return m.MeasurementHash
}

type relayerProc struct {
	p   *proc
	api string
	dir string
}

func (c *cluster) startRelayer(dir string, extra ...string) *relayerProc {
	c.t.Helper()
	return c.startRelayerAt(freePort(c.t), c.relayer, dir, extra...)
}

// startRelayerAt runs a relayer with the given signing key and API address.
func (c *cluster) startRelayerAt(addr string, key *ecdsa.PrivateKey, dir string, extra ...string) *relayerProc {
	c.t.Helper()
	args := append([]string{c.bin, "run", "--insecure-test-roots", "--allow-raw-keys",
		"--signing-key", hexutil.Encode(crypto.FromECDSA(key)), "--chain-id", fmt.Sprint(c.chainID),
		"--rpc-url", c.rpc, "--ws-url", "ws://" + strings.TrimPrefix(c.rpc, "http://"), "--registry", c.registry.Hex(),
		"--data-dir", dir, "--listen", addr,
		"--poll-interval", "250ms", "--batch-wait", "100ms", "--confirmations", "4", "--refresh-schedule="}, extra...)
	r := &relayerProc{p: start(c.t, "relayer", args...), api: "http://" + addr, dir: dir}
	waitUntil(c.t, "relayer readiness", 30*time.Second, func() bool {
		resp, err := http.Get(r.api + "/readyz")
		if err != nil {
			return false
		}
		resp.Body.Close()
		return resp.StatusCode == 200
	})
	return r
}

// register takes a challenge, fetches evidence bound to it and submits it with the agent URL.
func (c *cluster) register(r *relayerProc, a *agentProc) (int, map[string]any) {
	c.t.Helper()
	resp, err := http.Get(r.api + "/v1/challenge?subject=" + a.subject.Hex())
	if err != nil {
		c.t.Fatal(err)
	}
	var ch struct{ Nonce common.Hash }
	json.NewDecoder(resp.Body).Decode(&ch)
	resp.Body.Close()
	var body map[string]any
	json.Unmarshal(c.evidence(a, ch.Nonce), &body)
	body["agentUrl"] = a.url
	return c.post(r, body)
}

func (c *cluster) post(r *relayerProc, body map[string]any) (int, map[string]any) {
	c.t.Helper()
	enc, _ := json.Marshal(body)
	resp, err := http.Post(r.api+"/v1/attestations", "application/json", bytes.NewReader(enc))
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	json.NewDecoder(resp.Body).Decode(&out)
	return resp.StatusCode, out
}

func (c *cluster) attested(s common.Address) bool {
	ok, err := c.reg.IsAttested(context.Background(), s)
	return err == nil && ok
}

// request files a re-attestation request through the CLI and returns its nonce.
func (c *cluster) request(s common.Address) common.Hash {
	c.t.Helper()
	var out struct{ Nonce common.Hash }
	if err := json.Unmarshal([]byte(c.cli("registry", "request", "--json", s.Hex())), &out); err != nil {
		c.t.Fatal(err)
	}
	return out.Nonce
}

// answers counts Attested events for subject carrying nonce.
func (c *cluster) answers(s common.Address, nonce common.Hash) int {
	c.t.Helper()
	logs, err := c.eth.FilterLogs(context.Background(), ethereum.FilterQuery{Addresses: []common.Address{c.registry},
		Topics: [][]common.Hash{{registry.ABI().GetABI().Events["Attested"].ID}, {common.BytesToHash(s.Bytes())}}})
	if err != nil {
		c.t.Fatal(err)
	}
	n := 0
	for i := range logs {
		if ev, err := registry.ABI().UnpackAttestedEvent(&logs[i]); err == nil && ev.Nonce == nonce {
			n++
		}
	}
	return n
}

func (c *cluster) attestedCount() int {
	logs, err := c.eth.FilterLogs(context.Background(), ethereum.FilterQuery{Addresses: []common.Address{c.registry},
		Topics: [][]common.Hash{{registry.ABI().GetABI().Events["Attested"].ID}}})
	if err != nil {
		c.t.Fatal(err)
	}
	return len(logs)
}

func TestWholeLoopOverTheWire(t *testing.T) {
	if testing.Short() {
		t.Skip("starts anvil and real processes")
	}
	// Attestations live 20 s at most and requests get 6 s, so expiry and missed deadlines
	// happen within the test.
	c := newCluster(t, "--max-validity", "20", "--response-window", "6", "--cooldown", "0")
	a1 := c.startAgent("0x" + strings.Repeat("01", 48))
	m1 := c.allow(a1)
	r := c.startRelayer(t.TempDir(), "--validity", "1m")

	t.Log("register → isAttested")
	if code, out := c.register(r, a1); code != http.StatusAccepted {
		t.Fatalf("register: %d %v", code, out)
	}
	waitUntil(t, "isAttested after registration", 20*time.Second, func() bool { return c.attested(a1.subject) })

	t.Log("request → answered before the deadline, exactly once")
	nonce := c.request(a1.subject)
	waitUntil(t, "the request's answer", 15*time.Second, func() bool { return c.answers(a1.subject, nonce) == 1 })
	if rec, _ := c.reg.AttestationOf(context.Background(), a1.subject); rec.PendingDeadline != 0 {
		t.Fatalf("request still pending after its answer: %+v", rec)
	}

	t.Log("a bad quote is rejected with its reason and nothing is posted")
	before := c.attestedCount()
	resp, _ := http.Get(r.api + "/v1/challenge?subject=" + a1.subject.Hex())
	var ch struct{ Nonce common.Hash }
	json.NewDecoder(resp.Body).Decode(&ch)
	resp.Body.Close()
	var bad map[string]any
	json.Unmarshal(c.evidence(a1, ch.Nonce), &bad)
	q, err := hexutil.Decode(bad["quote"].(string))
	if err != nil {
		t.Fatal(err)
	}
	q[100] ^= 0xff // inside the signed part of the report
	bad["quote"] = hexutil.Encode(q)
	if code, out := c.post(r, bad); code != http.StatusUnprocessableEntity || out["reason"] != "signature" {
		t.Fatalf("tampered quote: %d %v, want 422 reason signature", code, out)
	}
	time.Sleep(2 * time.Second)
	if n := c.attestedCount(); n != before {
		t.Fatalf("%d attestations posted after a rejected quote", n-before)
	}

	t.Log("measurement revoked → not attested")
	c.cli("registry", "revoke", m1.Hex())
	if c.attested(a1.subject) {
		t.Fatal("still attested after its measurement was revoked")
	}

	t.Log("re-registered under a new measurement")
	a2 := c.startAgent("0x" + strings.Repeat("02", 48))
	m2 := c.allow(a2)
	if m2 == m1 {
		t.Fatal("the new image has the old measurement")
	}
	if code, out := c.register(r, a2); code != http.StatusAccepted {
		t.Fatalf("register new image: %d %v", code, out)
	}
	waitUntil(t, "the new image attested", 20*time.Second, func() bool { return c.attested(a2.subject) })
	if ok, _ := c.reg.IsAttestedFor(context.Background(), a2.subject, m2); !ok {
		t.Fatal("isAttestedFor(new measurement) is false")
	}

	t.Log("relayer restart mid-loop: a request filed while it is down is answered once after")
	r.p.kill()
	nonce2 := c.request(a2.subject)
	r = c.startRelayer(r.dir, "--validity", "1m")
	waitUntil(t, "the request filed during the restart answered", 20*time.Second, func() bool { return c.answers(a2.subject, nonce2) >= 1 })
	time.Sleep(2 * time.Second)
	if n := c.answers(a2.subject, nonce2); n != 1 {
		t.Fatalf("request answered %d times across the restart, want 1", n)
	}

	t.Log("agent down past the deadline → fails closed")
	a2.p.kill()
	c.request(a2.subject)
	waitUntil(t, "fail closed after the missed deadline", 20*time.Second, func() bool { return !c.attested(a2.subject) })

	t.Log("expiry → not attested")
	a3 := c.startAgent("0x" + strings.Repeat("02", 48))
	if code, out := c.register(r, a3); code != http.StatusAccepted {
		t.Fatalf("register: %d %v", code, out)
	}
	waitUntil(t, "attested", 20*time.Second, func() bool { return c.attested(a3.subject) })
	rec, err := c.reg.AttestationOf(context.Background(), a3.subject)
	if err != nil || rec.ExpiresAt-rec.IssuedAt > 20 {
		t.Fatalf("expiry not capped by the registry's 20 s: %+v %v", rec, err)
	}
	waitUntil(t, "expiry", 40*time.Second, func() bool { return !c.attested(a3.subject) })
}
