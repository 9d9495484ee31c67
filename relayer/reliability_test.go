package relayer_test

import (
	"context"
	"fmt"
	"math/big"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient/simulated"

	"github.com/teeoracle/teeoracle/protocol"
	"github.com/teeoracle/teeoracle/relayer"
	"github.com/teeoracle/teeoracle/relayer/config"
	"github.com/teeoracle/teeoracle/relayer/registry"
	"github.com/teeoracle/teeoracle/relayer/store"
	"github.com/teeoracle/teeoracle/relayer/watch"
	"github.com/teeoracle/teeoracle/verifier"
	verifiertesting "github.com/teeoracle/teeoracle/verifier/testing"
	"github.com/teeoracle/teeoracle/verifier/verify"
)

// The relayer's reliability scenarios on the simulated chain. The process-level ones (SIGKILL
// at each stage, `teeoracle run` on the wrong chain) are in e2e/relayer_crash_test.go. A stuck
// transaction (fees too low) being bumped and mined is proven by relayer/txmgr's tests
// (TestStuckTxIsBumpedAndMined, TestFeeCeilingStopsBumpsButKeepsRebroadcasting), not repeated here.

func TestWrongChainIDRefusesToStartNamingBothIDs(t *testing.T) {
	key, _ := crypto.GenerateKey()
	addr := crypto.PubkeyToAddress(key.PublicKey)
	sim := simulated.NewBackend(types.GenesisAlloc{addr: {Balance: big.NewInt(1e18)}})
	defer sim.Close()
	actual, err := sim.Client().ChainID(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	cfg := config.Default()
	cfg.ChainID, cfg.RPCURL, cfg.Registry = 999, "simulated", common.Address{1}.Hex()
	svc, err := relayer.New(context.Background(), relayer.Options{Config: cfg, Backend: sim.Client(), Store: st,
		Attester: keyAttester{key}, SenderAddress: addr, SenderSign: bind.NewKeyedTransactor(key, actual).Signer,
		Verifier: verify.Options{Getter: verifiertesting.Getter(), TestRoots: verifiertesting.Roots()}, AllowTestRoots: true,
		Logger: testLogger()})
	if err == nil {
		svc.Stop(context.Background())
		t.Fatalf("relayer.New with chain_id 999 on chain %s succeeded", actual)
	}
	for _, want := range []string{"999", actual.String(), "chain_id"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
}

// A watcher that restarts before its checkpoint delivers a block again. The relayer must still
// post one answer per request.
func TestDuplicateEventDeliveryPostsOnce(t *testing.T) {
	r := newRig(t, rigOptions{})
	r.register(0)
	n := r.nodes[0]
	h := n.svc.EventsHandler()
	ctx := context.Background()
	deliver := func(rcpt *types.Receipt) {
		t.Helper()
		head, err := r.client.HeaderByHash(ctx, rcpt.BlockHash)
		if err != nil {
			t.Fatal(err)
		}
		logs, err := r.client.FilterLogs(ctx, ethereum.FilterQuery{BlockHash: &rcpt.BlockHash, Addresses: []common.Address{r.reg.Address}})
		if err != nil {
			t.Fatal(err)
		}
		b := watch.Block{Number: head.Number.Uint64(), Hash: head.Hash(), ParentHash: head.ParentHash, Time: head.Time}
		batch := n.st.NewBatch()
		if err := h.Apply(ctx, b, logs, batch); err != nil {
			t.Fatal(err)
		}
		if err := batch.Commit(); err != nil {
			t.Fatal(err)
		}
	}

	// The request's block three times (the watcher's delivery and two more) while it is served.
	nonce, reqRcpt := r.requestNonce(r.request())
	deliver(reqRcpt)
	deliver(reqRcpt)
	r.answeredOnce(nonce)
	if s := n.svc.Stats(); s.RequestsServed != 1 {
		t.Fatalf("requests served = %d, want 1", s.RequestsServed)
	}

	// Both blocks again, in order, after the answer: still one answer and nothing left pending.
	var answer *types.Receipt
	r.waitFor("the answer's receipt", 10*time.Second, func() bool {
		_, out := r.do(0, "GET", "/v1/attestations/req-"+r.agent.subject.Hex()+"-"+nonce.Hex(), nil)
		tx, _ := out["tx"].(string)
		if tx == "" || out["state"] != "confirmed" {
			return false
		}
		rc, err := r.client.TransactionReceipt(ctx, common.HexToHash(tx))
		answer = rc
		return err == nil
	})
	deliver(reqRcpt)
	deliver(answer)
	deliver(answer)
	time.Sleep(500 * time.Millisecond)
	if got := r.answers(nonce); got != 1 {
		t.Fatalf("request %s answered %d times after duplicate deliveries, want 1", nonce.Hex(), got)
	}
	if p := r.pendingInRelayer(0); p != 0 {
		t.Fatalf("relayer still holds %d pending requests after the answer was delivered again", p)
	}
}

// A reorg orphans the block holding a request (and the block holding the relayer's answer);
// the request is mined again on the new branch. The canonical request is answered exactly once.
func TestReorgOrphaningARequestServesTheCanonicalOneOnce(t *testing.T) {
	r := newRig(t, rigOptions{})
	r.register(0)
	ctx := context.Background()
	relayerAddr := crypto.PubkeyToAddress(r.nodes[0].key.PublicKey)

	r.mineMu.Lock() // mine by hand from here
	locked := true
	defer func() {
		if locked {
			r.mineMu.Unlock()
		}
	}()
	tx := r.request()
	r.sim.Commit()
	orphanedNonce, rcpt := r.requestNonce(tx)
	requestBlock, err := r.client.HeaderByHash(ctx, rcpt.BlockHash)
	if err != nil {
		t.Fatal(err)
	}
	// The relayer answers in the next block.
	r.waitFor("the relayer's answer in the pool", 10*time.Second, func() bool {
		p, err1 := r.client.PendingNonceAt(ctx, relayerAddr)
		m, err2 := r.client.NonceAt(ctx, relayerAddr, nil)
		return err1 == nil && err2 == nil && p > m
	})
	r.sim.Commit()
	if got := r.answers(orphanedNonce); got != 1 {
		t.Fatalf("request answered %d times before the reorg, want 1", got)
	}
	r.waitFor("the relayer to take the answer in", 10*time.Second, func() bool { return r.pendingInRelayer(0) == 0 })

	// Reorg: a new branch from the request block's parent, longer than the old one.
	if err := r.sim.Fork(requestBlock.ParentHash); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		r.sim.Commit()
	}
	if h, _ := r.client.HeaderByNumber(ctx, requestBlock.Number); h == nil || h.Hash() == requestBlock.Hash() {
		t.Fatal("the request's block is still canonical after the fork")
	}
	// The pool may have re-mined the orphaned request (with a new nonce, since the nonce comes
	// from its block); if not, the requester sends it again on the new branch.
	canonical := r.requestsSince(requestBlock.Number.Uint64())
	if len(canonical) == 0 {
		tx := r.request()
		r.sim.Commit()
		n, _ := r.requestNonce(tx)
		canonical = []common.Hash{n}
	}
	r.mineMu.Unlock()
	locked = false

	nonce := canonical[len(canonical)-1]
	t.Logf("orphaned request %s; canonical requests since block %d: %v", orphanedNonce.Hex(), requestBlock.Number, canonical)
	r.answeredOnce(nonce)
	t.Logf("canonical Attested nonces: %v", r.attested())
	if nonce != orphanedNonce {
		if got := r.answers(orphanedNonce); got > 1 {
			t.Fatalf("the orphaned request's answer landed %d times on the canonical chain", got)
		}
	}
	r.waitFor("the relayer to hold no pending request", 10*time.Second, func() bool { return r.pendingInRelayer(0) == 0 })
	if ok, err := r.reg.IsAttested(ctx, r.agent.subject); err != nil || !ok {
		t.Fatalf("isAttested = %v, %v after the canonical request was answered", ok, err)
	}
	if s := r.nodes[0].svc.Stats(); s.RequestsMissed != 0 {
		t.Fatalf("%d requests counted as missed", s.RequestsMissed)
	}
}

// requestsSince returns the nonces of the subject's canonical ReattestationRequested events
// from block n on, oldest first.
func (r *rig) requestsSince(n uint64) []common.Hash {
	r.t.Helper()
	logs, err := r.client.FilterLogs(context.Background(), ethereum.FilterQuery{FromBlock: new(big.Int).SetUint64(n),
		Addresses: []common.Address{r.reg.Address}, Topics: [][]common.Hash{{registry.ABI().GetABI().Events["ReattestationRequested"].ID}}})
	if err != nil {
		r.t.Fatal(err)
	}
	var out []common.Hash
	for i := range logs {
		if ev, err := registry.ABI().UnpackReattestationRequestedEvent(&logs[i]); err == nil && ev.Subject == r.agent.subject {
			out = append(out, ev.Nonce)
		}
	}
	return out
}

// 2-of-3: relayer 0 proposes, relayer 1's policy rejects the measurement, relayer 2 accepts.
// The attestation lands with the signatures of 0 and 2; without 2, relayer 1 blocks it.
func TestTwoOfThreeNeedsTwoIndependentVerifications(t *testing.T) {
	other := common.HexToHash("0x1234")
	r := newRig(t, rigOptions{relayers: 3, threshold: 2, verifier: func(i int, o *verify.Options) {
		if i == 1 {
			p := verifier.DefaultPolicy()
			p.Measurements = []common.Hash{other}
			o.Policy = &p
		}
	}})
	ctx := context.Background()
	code, out := r.do(0, "POST", "/v1/attestations", r.envelope(r.challenge(0), `"agentUrl":"`+r.agentSv.URL+`"`))
	if code != http.StatusAccepted {
		t.Fatalf("POST with one rejecting and one agreeing peer = %d %v, want 202", code, out)
	}
	job := r.waitJob(0, out["id"].(string), "confirmed")
	signers := r.attestSigners(job)
	want := map[common.Address]bool{crypto.PubkeyToAddress(r.nodes[0].key.PublicKey): true, crypto.PubkeyToAddress(r.nodes[2].key.PublicKey): true}
	if len(signers) != 2 || !want[signers[0]] || !want[signers[1]] || signers[0] == signers[1] {
		t.Fatalf("attestation signed by %v, want relayers 0 and 2 (%v)", signers, want)
	}
	if ok, err := r.reg.IsAttested(ctx, r.agent.subject); err != nil || !ok {
		t.Fatalf("isAttested = %v, %v", ok, err)
	}

	// Relayer 2 goes away: relayer 1's rejection now blocks the attestation.
	r.nodes[2].api.Close()
	before := len(r.attested())
	code, out = r.do(0, "POST", "/v1/attestations", r.envelope(r.challenge(0), ""))
	if code != http.StatusUnprocessableEntity || out["reason"] != "quorum" {
		t.Fatalf("POST with only a rejecting peer = %d %v, want 422 reason quorum", code, out)
	}
	if msg, _ := out["error"].(string); !strings.Contains(msg, "1 of 2") || !strings.Contains(msg, "measurement") {
		t.Errorf("quorum error %q should say 1 of 2 signatures and the peer's reason (measurement)", msg)
	}
	time.Sleep(500 * time.Millisecond)
	if n := len(r.attested()); n != before {
		t.Fatalf("%d attestations posted without a quorum", n-before)
	}
}

// attestSigners recovers the relayers that signed the attest transaction of a confirmed job.
func (r *rig) attestSigners(job map[string]any) []common.Address {
	r.t.Helper()
	tx, _, err := r.client.TransactionByHash(context.Background(), common.HexToHash(job["tx"].(string)))
	if err != nil {
		r.t.Fatal(err)
	}
	m := registry.ABI().GetABI().Methods["attest"]
	if len(tx.Data()) < 4 || string(tx.Data()[:4]) != string(m.ID) {
		r.t.Fatalf("transaction %s is not an attest call", tx.Hash().Hex())
	}
	vals, err := m.Inputs.Unpack(tx.Data()[4:])
	if err != nil {
		r.t.Fatal(err)
	}
	sigs, ok := vals[1].([][]byte)
	if !ok {
		r.t.Fatalf("attest signatures have type %T", vals[1])
	}
	num := func(k string) uint64 { return uint64(job[k].(float64)) }
	att := &protocol.Attestation{Subject: common.HexToAddress(job["subject"].(string)), TEEType: protocol.TEESevSnp,
		MeasurementHash: common.HexToHash(job["measurementHash"].(string)), TCBStatus: protocol.TCBStatus(num("tcbStatus")),
		IssuedAt: num("issuedAt"), ExpiresAt: num("expiresAt"), Nonce: common.HexToHash(job["nonce"].(string)),
		QuoteHash: common.HexToHash(job["quoteHash"].(string))}
	digest := protocol.Domain{ChainID: r.chainID.Uint64(), Registry: r.reg.Address}.Digest(att)
	var out []common.Address
	for _, s := range sigs {
		who, err := protocol.Recover(digest, s)
		if err != nil {
			r.t.Fatalf("signature %x: %v", s, err)
		}
		out = append(out, who)
	}
	return out
}

// More bad input than TestBadInputGets4xxAndNothingIsPosted: an expired challenge, and
// evidence failing further verifier classes. Each gets a 4xx with its reason, nothing is
// posted, and the relayer still takes good evidence afterwards.
func TestMoreBadInputGets4xxWithTheReason(t *testing.T) {
	tdx, err := verifiertesting.NewTDXAttester(verifiertesting.TDXOptions{Seed: []byte("relayer tdx")})
	if err != nil {
		t.Fatal(err)
	}
	coll, err := tdx.Collateral(verifiertesting.TDXCollateralOptions{})
	if err != nil {
		t.Fatal(err)
	}
	r := newRig(t, rigOptions{relayers: 2, config: func(i int, c *config.Config) {
		c.ChallengeTTL = time.Second
		c.Peers = nil
	}, verifier: func(i int, o *verify.Options) {
		o.Getter = verifiertesting.Getter(coll)
		if i == 1 { // relayer 1 allowlists another image only
			p := verifier.DefaultPolicy()
			p.Measurements = []common.Hash{common.HexToHash("0x1234")}
			o.Policy = &p
		}
	}})
	d := protocol.Domain{ChainID: r.chainID.Uint64(), Registry: r.reg.Address}
	subject := r.agent.subject

	debugSNP, err := verifiertesting.NewSNPAttester(verifiertesting.SNPOptions{Seed: []byte("relayer debug"), Measurement: [48]byte{7}, Debug: true})
	if err != nil {
		t.Fatal(err)
	}
	snpEnvelope := func(att *verifiertesting.SNPAttester, nonce common.Hash) []byte {
		b := protocol.Binding{ChainID: d.ChainID, Registry: d.Registry, Subject: subject, Nonce: nonce}
		report, certs, err := att.Report(b.ReportData())
		if err != nil {
			t.Fatal(err)
		}
		env, err := verifier.EncodeEnvelope(&verifier.Evidence{TEE: verifier.TEESEVSNP, Quote: report, Certs: certs,
			Binding: &verifier.Binding{ChainID: d.ChainID, Registry: d.Registry, Subject: subject, Nonce: nonce}})
		if err != nil {
			t.Fatal(err)
		}
		return env
	}
	tdxEnvelope := func(nonce common.Hash, tamper func([]byte)) []byte {
		b := protocol.Binding{ChainID: d.ChainID, Registry: d.Registry, Subject: subject, Nonce: nonce}
		quote, err := tdx.Quote(b.ReportData())
		if err != nil {
			t.Fatal(err)
		}
		if tamper != nil {
			tamper(quote)
		}
		env, err := verifier.EncodeEnvelope(&verifier.Evidence{TEE: verifier.TEETDX, Quote: quote,
			Binding: &verifier.Binding{ChainID: d.ChainID, Registry: d.Registry, Subject: subject, Nonce: nonce}})
		if err != nil {
			t.Fatal(err)
		}
		return env
	}

	expired := r.challenge(0)
	time.Sleep(1100 * time.Millisecond)
	cases := []struct {
		name     string
		relayer  int
		body     func() []byte
		code     int
		reason   string
		contains string
	}{
		{"expired challenge", 0, func() []byte { return r.envelope(expired, "") }, 422, "nonce", "expired"},
		{"SEV-SNP debug guest", 0, func() []byte { return snpEnvelope(debugSNP, r.challenge(0)) }, 422, "debug", "DEBUG"},
		{"measurement not in the policy allowlist", 1, func() []byte { return r.envelope(r.challenge(1), "") }, 422, "measurement", r.m.Hex()},
		{"TDX quote with MRTD flipped", 0, func() []byte {
			return tdxEnvelope(r.challenge(0), func(q []byte) { q[0x30+0x88] ^= 0x01 })
		}, 422, "signature", ""},
		{"unknown TEE", 0, func() []byte {
			return []byte(strings.Replace(string(r.envelope(r.challenge(0), "")), `"sev-snp"`, `"sgx"`, 1))
		}, 400, "malformed", ""},
		{"malformed JSON", 0, func() []byte { return []byte(`{"version":1,"tee":`) }, 400, "", "JSON"},
		{"oversized", 0, func() []byte { return []byte(`{"pad":"` + strings.Repeat("x", 70<<10) + `"}`) }, 413, "", "limit"},
	}
	for _, c := range cases {
		code, out := r.do(c.relayer, "POST", "/v1/attestations", c.body())
		msg, _ := out["error"].(string)
		if code != c.code || (c.reason != "" && out["reason"] != c.reason) || msg == "" ||
			(c.contains != "" && !strings.Contains(strings.ToLower(msg), strings.ToLower(c.contains))) {
			t.Errorf("%s: got %d %v, want %d reason %q with an error mentioning %q", c.name, code, out, c.code, c.reason, c.contains)
		}
	}
	time.Sleep(300 * time.Millisecond)
	if n := len(r.attested()); n != 0 {
		t.Fatalf("%d attestations posted for rejected input", n)
	}
	// Nothing lost: the relayer is ready and good evidence, SEV-SNP and TDX, still goes through.
	for i := range r.nodes {
		if code, out := r.do(i, "GET", "/readyz", nil); code != 200 {
			t.Fatalf("relayer %d readyz = %d %v after bad input", i, code, out)
		}
	}
	r.register(0)
	code, out := r.do(0, "POST", "/v1/attestations", tdxEnvelope(r.challenge(0), nil))
	if code != http.StatusAccepted {
		t.Fatalf("untampered TDX quote = %d %v, want 202", code, out)
	}
	// Its measurement is not allowlisted, so the registry refuses it: verified, then rejected
	// on chain with the registry's reason.
	id := out["id"].(string)
	var job map[string]any
	r.waitFor("the TDX job to end", 20*time.Second, func() bool {
		_, job = r.do(0, "GET", "/v1/attestations/"+id, nil)
		return job["state"] == "rejected" || job["state"] == "failed" || job["state"] == "confirmed"
	})
	if job["state"] == "confirmed" || !strings.Contains(fmt.Sprint(job["reason"]), "Measurement") {
		t.Fatalf("TDX job with an unlisted measurement = %v (%v), want rejected by the registry's measurement check", job["state"], job["reason"])
	}
}

// attestedBlocks returns the block numbers of the canonical chain's Attested events for the
// subject, oldest first.
func (r *rig) attestedBlocks() []uint64 {
	r.t.Helper()
	logs, err := r.client.FilterLogs(context.Background(), ethereum.FilterQuery{
		Addresses: []common.Address{r.reg.Address}, Topics: [][]common.Hash{{registry.ABI().GetABI().Events["Attested"].ID}}})
	if err != nil {
		r.t.Fatal(err)
	}
	var out []uint64
	for i := range logs {
		if ev, err := registry.ABI().UnpackAttestedEvent(&logs[i]); err == nil && ev.Subject == r.agent.subject {
			out = append(out, logs[i].BlockNumber)
		}
	}
	return out
}

// A reorg deeper than the confirmation depth orphans an attestation the relayer recorded:
// the relayer stops (unready, finality violation) rather than guess what to undo. Resync,
// what `teeoracle run --resync-from` does, forgets the chain-derived state, and the
// restarted relayer rebuilds it from the canonical chain and is ready again.
func TestResyncRecoversFromAFinalityViolation(t *testing.T) {
	r := newRig(t, rigOptions{})
	r.register(0)
	ctx := context.Background()
	known := func() *relayer.Subject {
		v, err := r.nodes[0].svc.SubjectStatus(ctx, r.agent.subject)
		if err != nil {
			t.Fatal(err)
		}
		return v.Known
	}
	r.waitFor("the relayer to record the attestation", 10*time.Second, func() bool { return known() != nil })
	blocks := r.attestedBlocks()
	if len(blocks) != 1 {
		t.Fatalf("Attested events in blocks %v, want one", blocks)
	}
	attestedAt := blocks[0]
	r.waitFor("the attestation to leave the watcher's reorg window", 10*time.Second, func() bool {
		h, err := r.client.HeaderByNumber(ctx, nil)
		return err == nil && h.Number.Uint64() > attestedAt+12
	})

	// Replace everything from the attestation's block on.
	r.mineMu.Lock()
	head, _ := r.client.HeaderByNumber(ctx, nil)
	parent, err := r.client.HeaderByNumber(ctx, new(big.Int).SetUint64(attestedAt-1))
	if err != nil {
		t.Fatal(err)
	}
	if err := r.sim.Fork(parent.Hash()); err != nil {
		t.Fatal(err)
	}
	// The new branch revokes the subject, so its state differs from what the relayer
	// recorded whether or not the node mines the orphaned attestation again.
	if _, err := r.reg.Revoke(r.admin, r.agent.subject); err != nil {
		t.Fatal(err)
	}
	for n := attestedAt; n <= head.Number.Uint64()+2; n++ {
		r.sim.Commit()
	}
	r.mineMu.Unlock()

	var out map[string]any
	r.waitFor("readiness to turn 503 on the finality violation", 15*time.Second, func() bool {
		var code int
		code, out = r.do(0, "GET", "/readyz", nil)
		return code == 503 && strings.Contains(fmt.Sprint(out["error"]), "finality violation")
	})
	t.Logf("unready: %v", out["error"])

	if got := known(); got == nil || got.Revoked {
		t.Fatalf("before the resync the relayer records %+v, want the orphaned, unrevoked attestation", got)
	}
	r.stopNode(0)
	subjects, requests, err := relayer.Resync(r.nodes[0].st)
	if err != nil {
		t.Fatal(err)
	}
	if subjects != 1 || requests != 0 {
		t.Fatalf("Resync forgot %d subjects and %d requests, want 1 and 0", subjects, requests)
	}
	r.nodes[0].opts.Config.StartBlock = 0
	r.startNode(0)
	r.waitFor("readiness back after the resync", 15*time.Second, func() bool {
		code, _ := r.do(0, "GET", "/readyz", nil)
		return code == 200
	})
	// What the relayer knows now comes from the canonical chain: the orphaned attestation is
	// gone, unless the node mined its transaction again on the new branch, and then it is
	// that one. (Ready allows max_lag_blocks of catching up, so wait for it.)
	var canonical []uint64
	agrees := func() bool {
		canonical = r.attestedBlocks()
		got := known()
		if len(canonical) == 0 {
			return got == nil
		}
		return got != nil && got.Block == canonical[len(canonical)-1] && got.Revoked
	}
	if !waitUntil(10*time.Second, agrees) {
		rec, _ := r.reg.AttestationOf(ctx, r.agent.subject)
		t.Fatalf("after the resync the relayer records %+v; the canonical chain has Attested in blocks %v and the record %+v", known(), canonical, rec)
	}
	t.Logf("canonical Attested blocks after the reorg: %v", canonical)
}

func waitUntil(limit time.Duration, cond func() bool) bool {
	for deadline := time.Now().Add(limit); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if cond() {
			return true
		}
	}
	return cond()
}

// One block can attest a subject, ask for its re-attestation and revoke it. The handler reads
// the store as it was before the block, so it must carry what the block itself staged: the
// subject ends revoked and no request of a revoked subject is left to answer.
func TestOneBlockAttestingRequestingAndRevokingEndsRevoked(t *testing.T) {
	r := newRig(t, rigOptions{})
	n := r.nodes[0]
	abi := registry.ABI().GetABI()
	subject := common.BigToAddress(big.NewInt(0x5ab))
	topic := common.BytesToHash(subject.Bytes())
	mk := func(name string, topics []common.Hash, args ...any) types.Log {
		ev := abi.Events[name]
		data, err := ev.Inputs.NonIndexed().Pack(args...)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return types.Log{Address: r.reg.Address, Topics: append([]common.Hash{ev.ID}, topics...), Data: data, BlockNumber: 1 << 20}
	}
	nonce := [32]byte{9}
	logs := []types.Log{
		mk("Attested", []common.Hash{topic, r.m}, uint8(1), uint8(1), uint64(100), uint64(200), [32]byte{}, [32]byte{1}, [32]byte{}),
		mk("ReattestationRequested", []common.Hash{topic}, nonce, uint64(300)),
		mk("AttestationRevoked", []common.Hash{topic}),
	}
	batch := n.st.NewBatch()
	if err := n.svc.EventsHandler().Apply(context.Background(), watch.Block{Number: 1 << 20}, logs, batch); err != nil {
		t.Fatal(err)
	}
	if err := batch.Commit(); err != nil {
		t.Fatal(err)
	}
	v, err := n.svc.SubjectStatus(context.Background(), subject)
	if err != nil {
		t.Fatal(err)
	}
	if v.Known == nil || !v.Known.Revoked || v.Known.QuoteHash != (common.Hash{1}) {
		t.Fatalf("the relayer records %+v, want the block's attestation, revoked", v.Known)
	}
	if p := r.pendingInRelayer(0); p != 0 {
		t.Fatalf("%d requests of the revoked subject left pending", p)
	}
}
