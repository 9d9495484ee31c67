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
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"

	"github.com/teeoracle/teeoracle/protocol"
	"github.com/teeoracle/teeoracle/relayer"
	"github.com/teeoracle/teeoracle/relayer/api"
	"github.com/teeoracle/teeoracle/relayer/config"
	"github.com/teeoracle/teeoracle/relayer/registry"
	"github.com/teeoracle/teeoracle/relayer/store"
	verifiertesting "github.com/teeoracle/teeoracle/verifier/testing"
	"github.com/teeoracle/teeoracle/verifier/verify"
)

// rig is the reliability tests' harness: newHarness's pattern (simulated chain, registry, fake
// SNP agent, relayer services with their HTTP API) with the knobs those tests need: several
// relayers and a threshold, per-relayer config and verifier options, a backend between the
// relayer and the chain, and a miner (a block every 100 ms) the test can pause by holding
// mineMu to mine by hand (reorgs).
type rig struct {
	t        *testing.T
	sim      *simulated.Backend
	client   simulated.Client
	chainID  *big.Int
	admin    *bind.TransactOpts
	reg      *registry.Client
	agent    *fakeAgent
	agentSv  *httptest.Server
	m        common.Hash // the agent's measurement hash, allowlisted
	nodes    []*rigNode
	mineMu   sync.Mutex // held while the test mines by hand
	stopMine func()
}

// rigNode is one relayer.
type rigNode struct {
	key     *ecdsa.PrivateKey
	opts    relayer.Options
	svc     *relayer.Service
	st      *store.Store
	api     *httptest.Server
	handler atomic.Pointer[http.Handler]
	cancel  context.CancelFunc
}

type rigOptions struct {
	relayers  int   // default 1
	threshold uint8 // default 1
	limits    *registry.Limits
	// config, verifier and backend adjust relayer i before it is built.
	config   func(i int, c *config.Config)
	verifier func(i int, o *verify.Options)
	backend  func(i int, c simulated.Client) relayer.Backend
	// simNode adjusts the simulated node (to serve JSON-RPC over HTTP, say).
	simNode func(*node.Config, *ethconfig.Config)
}

func newRig(t *testing.T, o rigOptions) *rig {
	t.Helper()
	if o.relayers == 0 {
		o.relayers = 1
	}
	if o.threshold == 0 {
		o.threshold = 1
	}
	adminKey, _ := crypto.GenerateKey()
	fund := new(big.Int).Lsh(big.NewInt(1), 100)
	alloc := types.GenesisAlloc{crypto.PubkeyToAddress(adminKey.PublicKey): {Balance: fund}}
	r := &rig{t: t}
	var addrs []common.Address
	for i := 0; i < o.relayers; i++ {
		k, _ := crypto.GenerateKey()
		r.nodes = append(r.nodes, &rigNode{key: k})
		addrs = append(addrs, crypto.PubkeyToAddress(k.PublicKey))
		alloc[addrs[i]] = types.Account{Balance: fund}
	}
	var simOpts []func(*node.Config, *ethconfig.Config)
	if o.simNode != nil {
		simOpts = append(simOpts, o.simNode)
	}
	r.sim = simulated.NewBackend(alloc, simOpts...)
	t.Cleanup(func() { r.sim.Close() })
	r.client = r.sim.Client()
	ctx := context.Background()
	r.chainID, _ = r.client.ChainID(ctx)
	r.admin = bind.NewKeyedTransactor(adminKey, r.chainID)
	limits := registry.Limits{MaxAttestationAge: 600, MaxValidity: 86400, ResponseWindow: 120, Cooldown: 0}
	if o.limits != nil {
		limits = *o.limits
	}
	addr, _, err := registry.Deploy(r.admin, r.client, registry.DeployParams{Admin: r.admin.From, Relayers: addrs,
		Threshold: o.threshold, Limits: limits})
	if err != nil {
		t.Fatal(err)
	}
	r.sim.Commit()
	r.reg = registry.New(r.client, addr)
	snp, err := verifiertesting.NewSNPAttester(verifiertesting.SNPOptions{Seed: []byte("relayer test"), Measurement: [48]byte{7}})
	if err != nil {
		t.Fatal(err)
	}
	r.m = protocol.SNPMeasurementHash([48]byte{7}, [32]byte{})
	if _, err := r.reg.AllowMeasurement(r.admin, r.m, protocol.TEESevSnp); err != nil {
		t.Fatal(err)
	}
	r.sim.Commit()
	subjectKey, _ := crypto.GenerateKey()
	r.agent = &fakeAgent{att: snp, subject: crypto.PubkeyToAddress(subjectKey.PublicKey), key: subjectKey}
	r.agentSv = httptest.NewServer(r.agent)
	r.agent.url = r.agentSv.URL
	t.Cleanup(r.agentSv.Close)

	// API servers first, so every relayer can be told its peers' URLs.
	for _, n := range r.nodes {
		n := n
		n.api = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
			h := n.handler.Load()
			if h == nil {
				http.Error(w, "relayer not started", http.StatusServiceUnavailable)
				return
			}
			(*h).ServeHTTP(w, req)
		}))
		t.Cleanup(n.api.Close)
	}
	r.startMiner(100 * time.Millisecond)
	// Cleanups run last in, first out: the miner outlives the relayers, so their Stop sees
	// in-flight transactions confirm.
	t.Cleanup(r.stopMiner)
	for i, n := range r.nodes {
		cfg := config.Default()
		cfg.ChainID, cfg.RPCURL, cfg.Registry = r.chainID.Uint64(), "simulated", addr.Hex()
		cfg.PollInterval, cfg.BatchWait, cfg.Confirmations, cfg.TxConfirmations = 50*time.Millisecond, 20*time.Millisecond, 4, 1
		cfg.ResubmitAfter, cfg.AgentTimeout, cfg.RefreshSchedule = 5*time.Second, 5*time.Second, ""
		for j, p := range r.nodes {
			if j != i {
				cfg.Peers = append(cfg.Peers, p.api.URL)
			}
		}
		if o.config != nil {
			o.config(i, &cfg)
		}
		vopts := verify.Options{Getter: verifiertesting.Getter(), TestRoots: verifiertesting.Roots()}
		if o.verifier != nil {
			o.verifier(i, &vopts)
		}
		var backend relayer.Backend = r.client
		if o.backend != nil {
			backend = o.backend(i, r.client)
		}
		if n.st, err = store.OpenMemory(); err != nil {
			t.Fatal(err)
		}
		n.opts = relayer.Options{
			Config: cfg, Backend: backend, Store: n.st, Attester: keyAttester{n.key},
			SenderAddress: crypto.PubkeyToAddress(n.key.PublicKey), SenderSign: bind.NewKeyedTransactor(n.key, r.chainID).Signer,
			Verifier: vopts, AllowTestRoots: true, Logger: testLogger(),
		}
		r.startNode(i)
		t.Cleanup(func() {
			r.stopNode(i)
			n.st.Close()
		})
	}
	return r
}

// startNode builds relayer i from its options and starts it behind its API server.
func (r *rig) startNode(i int) {
	r.t.Helper()
	n := r.nodes[i]
	svc, err := relayer.New(context.Background(), n.opts)
	if err != nil {
		r.t.Fatalf("relayer %d: %v", i, err)
	}
	runCtx, cancel := context.WithCancel(context.Background())
	if err := svc.Start(runCtx); err != nil {
		r.t.Fatal(err)
	}
	n.svc, n.cancel = svc, cancel
	h := api.Handler(n.svc, api.Options{MaxBodyBytes: 64 << 10, Logger: testLogger()})
	n.handler.Store(&h)
}

// stopNode stops relayer i gracefully; its store stays open.
func (r *rig) stopNode(i int) {
	n := r.nodes[i]
	if n.svc == nil {
		return
	}
	n.handler.Store(nil)
	sctx, c := context.WithTimeout(context.Background(), 5*time.Second)
	defer c()
	n.svc.Stop(sctx)
	n.cancel()
	n.svc = nil
}

// testLogger discards the relayer's log unless RELAYER_TEST_LOG is set.
func testLogger() *slog.Logger {
	if os.Getenv("RELAYER_TEST_LOG") != "" {
		return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	return slog.New(slog.NewTextHandler(io.Discard, nil))
}

// startMiner mines a block every interval, as a chain would, except while the test holds
// mineMu.
func (r *rig) startMiner(every time.Duration) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				r.mineMu.Lock()
				r.sim.Commit()
				r.mineMu.Unlock()
			}
		}
	}()
	r.stopMine = func() { cancel(); <-done }
}

func (r *rig) stopMiner() {
	if r.stopMine != nil {
		r.stopMine()
		r.stopMine = nil
	}
}

// do sends a request to relayer i's API.
func (r *rig) do(i int, method, path string, body []byte) (int, map[string]any) {
	r.t.Helper()
	req, _ := http.NewRequest(method, r.nodes[i].api.URL+path, bytes.NewReader(body))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		r.t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	raw, _ := io.ReadAll(resp.Body)
	json.Unmarshal(raw, &out)
	return resp.StatusCode, out
}

func (r *rig) challenge(i int) common.Hash {
	r.t.Helper()
	code, out := r.do(i, "GET", "/v1/challenge?subject="+r.agent.subject.Hex(), nil)
	if code != 200 {
		r.t.Fatalf("challenge: %d %v", code, out)
	}
	return common.HexToHash(out["nonce"].(string))
}

func (r *rig) envelope(nonce common.Hash, extra string) []byte {
	r.t.Helper()
	env, err := r.agent.evidence(r.chainID.Uint64(), r.reg.Address, nonce)
	if err != nil {
		r.t.Fatal(err)
	}
	if extra != "" {
		env = append(env[:len(env)-1], []byte(","+extra+"}")...)
	}
	return env
}

// register submits challenge-bound evidence with the agent's URL to relayer i and waits for
// the job to be confirmed.
func (r *rig) register(i int) {
	r.t.Helper()
	code, out := r.do(i, "POST", "/v1/attestations", r.envelope(r.challenge(i), `"agentUrl":"`+r.agentSv.URL+`"`))
	if code != http.StatusAccepted {
		r.t.Fatalf("register: POST /v1/attestations = %d %v", code, out)
	}
	r.waitJob(i, out["id"].(string), "confirmed")
}

func (r *rig) waitJob(i int, id, want string) map[string]any {
	r.t.Helper()
	var out map[string]any
	r.waitFor("job "+id+" "+want, 20*time.Second, func() bool {
		_, out = r.do(i, "GET", "/v1/attestations/"+id, nil)
		if s := out["state"]; s != want && (s == "rejected" || s == "failed") {
			r.t.Fatalf("job %s ended %v: %v", id, s, out["reason"])
		}
		return out["state"] == want
	})
	return out
}

func (r *rig) waitFor(what string, limit time.Duration, cond func() bool) {
	r.t.Helper()
	deadline := time.Now().Add(limit)
	for !cond() {
		if time.Now().After(deadline) {
			r.t.Fatalf("timed out after %s waiting for %s", limit, what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// request sends requestReattestation and returns the transaction; while the test holds
// mineMu, it commits it.
func (r *rig) request() *types.Transaction {
	r.t.Helper()
	tx, err := r.reg.RequestReattestation(r.admin, r.agent.subject)
	if err != nil {
		r.t.Fatal(err)
	}
	return tx
}

// requestNonce returns the nonce of the ReattestationRequested event in a mined transaction.
func (r *rig) requestNonce(tx *types.Transaction) (common.Hash, *types.Receipt) {
	r.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	rcpt, err := bind.WaitMined(ctx, r.client, tx.Hash())
	if err != nil {
		r.t.Fatal(err)
	}
	for _, l := range rcpt.Logs {
		if ev, err := registry.ABI().UnpackReattestationRequestedEvent(l); err == nil {
			return ev.Nonce, rcpt
		}
	}
	r.t.Fatalf("transaction %s emitted no ReattestationRequested", tx.Hash().Hex())
	return common.Hash{}, nil
}

// attested returns the nonces of the canonical chain's Attested events for the subject.
func (r *rig) attested() []common.Hash {
	r.t.Helper()
	logs, err := r.client.FilterLogs(context.Background(), ethereum.FilterQuery{Addresses: []common.Address{r.reg.Address},
		Topics: [][]common.Hash{{registry.ABI().GetABI().Events["Attested"].ID}}})
	if err != nil {
		r.t.Fatal(err)
	}
	var nonces []common.Hash
	for i := range logs {
		if ev, err := registry.ABI().UnpackAttestedEvent(&logs[i]); err == nil && ev.Subject == r.agent.subject {
			nonces = append(nonces, ev.Nonce)
		}
	}
	return nonces
}

// answers counts the canonical Attested events carrying nonce.
func (r *rig) answers(nonce common.Hash) int {
	n := 0
	for _, x := range r.attested() {
		if x == nonce {
			n++
		}
	}
	return n
}

// pendingOnChain is the registry's pending request nonce for the subject (zero: none).
func (r *rig) pendingOnChain() common.Hash {
	r.t.Helper()
	rec, err := r.reg.AttestationOf(context.Background(), r.agent.subject)
	if err != nil {
		r.t.Fatal(err)
	}
	if rec.PendingDeadline == 0 {
		return common.Hash{}
	}
	return rec.PendingNonce
}

// pendingInRelayer counts the requests relayer i still holds as pending.
func (r *rig) pendingInRelayer(i int) int {
	r.t.Helper()
	n, err := r.nodes[i].st.Bucket("requests").Count(nil)
	if err != nil {
		r.t.Fatal(err)
	}
	return n
}

// answeredOnce waits for nonce's answer, lets any duplicate land, and checks there is one.
func (r *rig) answeredOnce(nonce common.Hash) {
	r.t.Helper()
	r.waitFor("an Attested event with nonce "+nonce.Hex(), 20*time.Second, func() bool { return r.answers(nonce) >= 1 })
	time.Sleep(600 * time.Millisecond) // several blocks: room for a second post to land
	if n := r.answers(nonce); n != 1 {
		r.t.Fatalf("request %s answered by %d Attested events, want exactly 1 (all: %v)", nonce.Hex(), n, r.attested())
	}
	if p := r.pendingOnChain(); p != (common.Hash{}) {
		r.t.Fatalf("a request is still pending on chain after the answer: %s", p.Hex())
	}
}
