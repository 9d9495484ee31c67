package relayer_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"io"
	"log/slog"
	"math/big"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient/simulated"

	"github.com/teeoracle/teeoracle/protocol"
	"github.com/teeoracle/teeoracle/relayer"
	"github.com/teeoracle/teeoracle/relayer/api"
	"github.com/teeoracle/teeoracle/relayer/config"
	"github.com/teeoracle/teeoracle/relayer/registry"
	"github.com/teeoracle/teeoracle/relayer/store"
	"github.com/teeoracle/teeoracle/verifier"
	verifiertesting "github.com/teeoracle/teeoracle/verifier/testing"
	"github.com/teeoracle/teeoracle/verifier/verify"
)

type keyAttester struct{ k *ecdsa.PrivateKey }

func (a keyAttester) Address() common.Address                  { return crypto.PubkeyToAddress(a.k.PublicKey) }
func (a keyAttester) SignDigest(d common.Hash) ([]byte, error) { return protocol.Sign(a.k, d) }

// fakeAgent serves SPEC §8 agent evidence from a simulated SNP attester for one subject key.
// With key and url set it also claims url with the subject key, as agent.Options.PublicURL
// makes the real agent do.
type fakeAgent struct {
	att     *verifiertesting.SNPAttester
	subject common.Address
	key     *ecdsa.PrivateKey
	url     string
	mu      sync.Mutex
	calls   int
}

func (f *fakeAgent) evidence(chainID uint64, registry common.Address, nonce common.Hash) ([]byte, error) {
	b := protocol.Binding{ChainID: chainID, Registry: registry, Subject: f.subject, Nonce: nonce}
	report, certs, err := f.att.Report(b.ReportData())
	if err != nil {
		return nil, err
	}
	return verifier.EncodeEnvelope(&verifier.Evidence{TEE: verifier.TEESEVSNP, Quote: report, Certs: certs,
		Binding: &verifier.Binding{ChainID: chainID, Registry: registry, Subject: f.subject, Nonce: nonce}})
}

func (f *fakeAgent) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	f.calls++
	f.mu.Unlock()
	q := r.URL.Query()
	var chainID uint64
	json.Unmarshal([]byte(q.Get("chainId")), &chainID)
	registry, nonce := common.HexToAddress(q.Get("registry")), common.HexToHash(q.Get("nonce"))
	env, err := f.evidence(chainID, registry, nonce)
	if err != nil {
		http.Error(w, err.Error(), 500)
		return
	}
	if f.key != nil && f.url != "" {
		b := protocol.Binding{ChainID: chainID, Registry: registry, Subject: f.subject, Nonce: nonce}
		sig, _ := protocol.Sign(f.key, protocol.AgentURLDigest(b, f.url))
		w.Header().Set(protocol.AgentURLHeader, f.url)
		w.Header().Set(protocol.AgentURLSignatureHeader, hexutil.Encode(sig))
	}
	w.Write(env)
}

type harness struct {
	t       *testing.T
	sim     *simulated.Backend
	admin   *bind.TransactOpts
	reg     *registry.Client
	svc     *relayer.Service
	api     *httptest.Server
	agent   *fakeAgent
	agentSv *httptest.Server
	m       common.Hash
	stop    func()
}

func newHarness(t *testing.T) *harness {
	t.Helper()
	adminKey, _ := crypto.GenerateKey()
	relayerKey, _ := crypto.GenerateKey()
	adminAddr := crypto.PubkeyToAddress(adminKey.PublicKey)
	relayerAddr := crypto.PubkeyToAddress(relayerKey.PublicKey)
	fund := new(big.Int).Lsh(big.NewInt(1), 100)
	sim := simulated.NewBackend(types.GenesisAlloc{adminAddr: {Balance: fund}, relayerAddr: {Balance: fund}})
	client := sim.Client()
	ctx := context.Background()
	chainID, _ := client.ChainID(ctx)
	admin := bind.NewKeyedTransactor(adminKey, chainID)
	addr, _, err := registry.Deploy(admin, client, registry.DeployParams{Admin: adminAddr, Relayers: []common.Address{relayerAddr},
		Threshold: 1, Limits: registry.Limits{MaxAttestationAge: 600, MaxValidity: 86400, ResponseWindow: 120, Cooldown: 0}})
	if err != nil {
		t.Fatal(err)
	}
	sim.Commit()
	reg := registry.New(client, addr)

	snp, err := verifiertesting.NewSNPAttester(verifiertesting.SNPOptions{Seed: []byte("relayer test"), Measurement: [48]byte{7}})
	if err != nil {
		t.Fatal(err)
	}
	m := protocol.SNPMeasurementHash([48]byte{7}, [32]byte{})
	if _, err := reg.AllowMeasurement(admin, m, protocol.TEESevSnp); err != nil {
		t.Fatal(err)
	}
	sim.Commit()

	cfg := config.Default()
	cfg.ChainID, cfg.RPCURL, cfg.Registry = chainID.Uint64(), "simulated", addr.Hex()
	cfg.PollInterval, cfg.BatchWait, cfg.Confirmations, cfg.TxConfirmations = 50*time.Millisecond, 20*time.Millisecond, 4, 1
	cfg.ResubmitAfter = 5 * time.Second
	cfg.AgentTimeout = 5 * time.Second
	st, err := store.OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	svc, err := relayer.New(ctx, relayer.Options{
		Config: cfg, Backend: client, Store: st, Attester: keyAttester{relayerKey},
		SenderAddress: relayerAddr, SenderSign: bind.NewKeyedTransactor(relayerKey, chainID).Signer,
		Verifier:       verify.Options{Getter: verifiertesting.Getter(), TestRoots: verifiertesting.Roots()},
		AllowTestRoots: true, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	if err != nil {
		t.Fatal(err)
	}
	runCtx, cancel := context.WithCancel(ctx)
	if err := svc.Start(runCtx); err != nil {
		t.Fatal(err)
	}
	// Mine a block every 100 ms, as a chain would.
	mined := make(chan struct{})
	go func() {
		defer close(mined)
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-runCtx.Done():
				return
			case <-tick.C:
				sim.Commit()
			}
		}
	}()
	subjectKey, _ := crypto.GenerateKey()
	agent := &fakeAgent{att: snp, subject: crypto.PubkeyToAddress(subjectKey.PublicKey), key: subjectKey}
	h := &harness{t: t, sim: sim, admin: admin, reg: reg, svc: svc, m: m, agent: agent,
		api: httptest.NewServer(api.Handler(svc, api.Options{MaxBodyBytes: 64 << 10})), agentSv: httptest.NewServer(agent)}
	agent.url = h.agentSv.URL
	h.stop = func() {
		h.api.Close()
		h.agentSv.Close()
		sctx, c := context.WithTimeout(ctx, 5*time.Second)
		defer c()
		svc.Stop(sctx)
		cancel()
		<-mined
		st.Close()
		sim.Close()
	}
	t.Cleanup(h.stop)
	return h
}

func (h *harness) do(method, path string, body []byte) (int, map[string]any) {
	h.t.Helper()
	req, _ := http.NewRequest(method, h.api.URL+path, bytes.NewReader(body))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	raw, _ := io.ReadAll(resp.Body)
	json.Unmarshal(raw, &out)
	return resp.StatusCode, out
}

func (h *harness) challenge() common.Hash {
	code, out := h.do("GET", "/v1/challenge?subject="+h.agent.subject.Hex(), nil)
	if code != 200 {
		h.t.Fatalf("challenge: %d %v", code, out)
	}
	return common.HexToHash(out["nonce"].(string))
}

func (h *harness) envelope(nonce common.Hash, extra string) []byte {
	d := h.svc.Domain()
	env, err := h.agent.evidence(d.ChainID, d.Registry, nonce)
	if err != nil {
		h.t.Fatal(err)
	}
	if extra != "" {
		env = append(env[:len(env)-1], []byte(","+extra+"}")...)
	}
	return env
}

func (h *harness) waitJob(id, want string) map[string]any {
	h.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		_, out := h.do("GET", "/v1/attestations/"+id, nil)
		if out["state"] == want {
			return out
		}
		if s := out["state"]; s == "rejected" || s == "failed" {
			h.t.Fatalf("job %s ended %v: %v", id, s, out["reason"])
		}
		time.Sleep(50 * time.Millisecond)
	}
	h.t.Fatalf("job %s did not reach %s", id, want)
	return nil
}

func (h *harness) attestedEvents(subject common.Address) []common.Hash {
	h.t.Helper()
	logs, err := h.sim.Client().FilterLogs(context.Background(), ethereumQuery(h.reg.Address))
	if err != nil {
		h.t.Fatal(err)
	}
	var nonces []common.Hash
	for _, l := range logs {
		if ev, err := registry.ABI().UnpackAttestedEvent(&l); err == nil && ev.Subject == subject {
			nonces = append(nonces, ev.Nonce)
		}
	}
	return nonces
}

func TestSubmitChallengeBoundEvidenceGetsAttested(t *testing.T) {
	h := newHarness(t)
	nonce := h.challenge()
	code, out := h.do("POST", "/v1/attestations", h.envelope(nonce, `"agentUrl":"`+h.agentSv.URL+`"`))
	if code != http.StatusAccepted {
		t.Fatalf("POST /v1/attestations = %d %v, want 202", code, out)
	}
	job := h.waitJob(out["id"].(string), "confirmed")
	if job["measurementHash"] != h.m.Hex() {
		t.Fatalf("job measurement %v, want %s", job["measurementHash"], h.m.Hex())
	}
	if ok, err := h.reg.IsAttested(context.Background(), h.agent.subject); err != nil || !ok {
		t.Fatalf("isAttested = %v, %v after a confirmed job", ok, err)
	}
	// The same challenge cannot be used twice.
	code, out = h.do("POST", "/v1/attestations", h.envelope(nonce, ""))
	if code != http.StatusUnprocessableEntity || out["reason"] != "nonce" {
		t.Fatalf("replayed challenge = %d %v, want 422 nonce", code, out)
	}
	// The archive serves the raw evidence by quote hash.
	if code, out := h.do("GET", "/v1/quotes/"+job["quoteHash"].(string), nil); code != 200 || out["evidence"] == nil {
		t.Fatalf("GET quote = %d %v", code, out)
	}
	if code, out := h.do("GET", "/v1/subjects/"+h.agent.subject.Hex(), nil); code != 200 || out["isAttested"] != true {
		t.Fatalf("GET subject = %d %v", code, out)
	}
}

func TestReattestationRequestIsServedOnceFromTheAgent(t *testing.T) {
	h := newHarness(t)
	code, out := h.do("POST", "/v1/attestations", h.envelope(h.challenge(), `"agentUrl":"`+h.agentSv.URL+`"`))
	if code != http.StatusAccepted {
		t.Fatalf("POST = %d %v", code, out)
	}
	h.waitJob(out["id"].(string), "confirmed")

	tx, err := h.reg.RequestReattestation(h.admin, h.agent.subject)
	if err != nil {
		t.Fatal(err)
	}
	rcpt, err := bind.WaitMined(context.Background(), h.sim.Client(), tx.Hash())
	if err != nil {
		t.Fatal(err)
	}
	var nonce common.Hash
	for _, l := range rcpt.Logs {
		if ev, err := registry.ABI().UnpackReattestationRequestedEvent(l); err == nil {
			nonce = ev.Nonce
		}
	}
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		rec, err := h.reg.AttestationOf(context.Background(), h.agent.subject)
		if err == nil && rec.PendingDeadline == 0 {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(500 * time.Millisecond) // let any duplicate post land before counting
	served := 0
	for _, n := range h.attestedEvents(h.agent.subject) {
		if n == nonce {
			served++
		}
	}
	if served != 1 {
		t.Fatalf("request %s answered by %d Attested events, want exactly 1", nonce.Hex(), served)
	}
	if ok, _ := h.reg.IsAttested(context.Background(), h.agent.subject); !ok {
		t.Fatal("subject not attested after serving the request")
	}
}

func TestBadInputGets4xxAndNothingIsPosted(t *testing.T) {
	h := newHarness(t)
	nonce := h.challenge()
	good := h.envelope(nonce, "")
	var tampered map[string]any
	json.Unmarshal(good, &tampered)
	q := tampered["quote"].(string)
	tampered["quote"] = q[:100] + map[bool]string{true: "1", false: "0"}[q[100] == '0'] + q[101:]
	tamperedBody, _ := json.Marshal(tampered)
	var wrongChain map[string]any
	json.Unmarshal(good, &wrongChain)
	wrongChain["chainId"] = 99
	wrongChainBody, _ := json.Marshal(wrongChain)

	cases := []struct {
		name   string
		body   []byte
		code   int
		reason string
	}{
		{"malformed JSON", []byte(`{"version":`), 400, ""},
		{"oversized", bytes.Repeat([]byte("x"), 70<<10), 413, ""},
		{"unknown TEE", []byte(strings.Replace(string(good), `"sev-snp"`, `"sgx"`, 1)), 400, "malformed"},
		{"bad signature", tamperedBody, 422, "signature"},
		{"wrong chain", wrongChainBody, 422, "binding"},
		{"unknown nonce", h.envelope(common.HexToHash("0xbad"), ""), 422, "nonce"},
		{"bad agentUrl", h.envelope(nonce, `"agentUrl":"file:///etc/passwd"`), 400, ""},
	}
	for _, c := range cases {
		code, out := h.do("POST", "/v1/attestations", c.body)
		if code != c.code || (c.reason != "" && out["reason"] != c.reason) || out["error"] == nil {
			t.Errorf("%s: got %d %v, want %d reason %q with an error message", c.name, code, out, c.code, c.reason)
		}
	}
	time.Sleep(300 * time.Millisecond)
	if n := len(h.attestedEvents(h.agent.subject)); n != 0 {
		t.Fatalf("%d attestations posted for rejected input", n)
	}
	if code, _ := h.do("GET", "/readyz", nil); code != 200 {
		t.Fatalf("readyz = %d after bad input", code)
	}
}

// Governance changes reach a running relayer through the registry's events: after
// setLimits lowers maxValidity, the next attestation is capped to it (the registry would
// refuse a longer one), with no restart.
func TestRunningRelayerFollowsSetLimits(t *testing.T) {
	h := newHarness(t)
	lim := registry.Limits{MaxAttestationAge: 600, MaxValidity: 1800, ResponseWindow: 120, Cooldown: 0}
	tx, err := h.reg.SetLimits(h.admin, lim)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.reg.Wait(context.Background(), tx); err != nil {
		t.Fatal(err)
	}
	// Wait until the watcher has passed the LimitsUpdated block (4 confirmations).
	deadline := time.Now().Add(10 * time.Second)
	for _, l := h.svc.Governance(); l != lim; _, l = h.svc.Governance() {
		if time.Now().After(deadline) {
			t.Fatalf("relayer still uses limits %+v, want %+v", l, lim)
		}
		time.Sleep(50 * time.Millisecond)
	}
	code, out := h.do("POST", "/v1/attestations", h.envelope(h.challenge(), ""))
	if code != http.StatusAccepted {
		t.Fatalf("POST = %d %v", code, out)
	}
	h.waitJob(out["id"].(string), "confirmed")
	rec, err := h.reg.AttestationOf(context.Background(), h.agent.subject)
	if err != nil {
		t.Fatal(err)
	}
	if got := rec.ExpiresAt - rec.IssuedAt; got > uint64(lim.MaxValidity) || got == 0 {
		t.Fatalf("attestation valid for %ds, want at most the new maxValidity %ds", got, lim.MaxValidity)
	}
}

// Governance removes this relayer's key from the relayer set: the relayer turns unready,
// says why, and takes no more evidence (everything it signed would revert); put back, it
// works again. No restart either way.
func TestRemovedRelayerKeyTurnsUnreadyAndStopsTakingEvidence(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	relayers, _, err := h.reg.RelayerSet(ctx)
	if err != nil {
		t.Fatal(err)
	}
	set := func(rs []common.Address) {
		t.Helper()
		tx, err := h.reg.SetRelayers(h.admin, rs, 1)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := h.reg.Wait(ctx, tx); err != nil {
			t.Fatal(err)
		}
	}
	readyz := func() (int, string) {
		code, out := h.do("GET", "/readyz", nil)
		msg, _ := out["error"].(string)
		return code, msg
	}
	set([]common.Address{common.HexToAddress("0x0000000000000000000000000000000000000bad")})
	deadline := time.Now().Add(10 * time.Second)
	for code, _ := readyz(); code != http.StatusServiceUnavailable; code, _ = readyz() {
		if time.Now().After(deadline) {
			t.Fatal("still ready after its key left the relayer set")
		}
		time.Sleep(50 * time.Millisecond)
	}
	if _, msg := readyz(); !strings.Contains(msg, "was removed from the registry's relayer set") {
		t.Fatalf("readyz says %q, want the removed key named", msg)
	}
	if code, out := h.do("POST", "/v1/attestations", h.envelope(h.challenge(), "")); code != http.StatusServiceUnavailable {
		t.Fatalf("POST with the key removed = %d %v, want 503", code, out)
	}

	set(relayers)
	deadline = time.Now().Add(10 * time.Second)
	for code, _ := readyz(); code != http.StatusOK; code, _ = readyz() {
		if time.Now().After(deadline) {
			t.Fatal("not ready again after its key came back")
		}
		time.Sleep(50 * time.Millisecond)
	}
	code, out := h.do("POST", "/v1/attestations", h.envelope(h.challenge(), ""))
	if code != http.StatusAccepted {
		t.Fatalf("POST with the key back = %d %v, want 202", code, out)
	}
	h.waitJob(out["id"].(string), "confirmed")
}
