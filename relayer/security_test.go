package relayer_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/ethereum/go-ethereum/common"
	"github.com/teeoracle/teeoracle/relayer"
	"github.com/teeoracle/teeoracle/relayer/registry"
	"github.com/teeoracle/teeoracle/verifier/verify"
)

// A co-signer must not sign evidence whose nonce nobody proves fresh: otherwise anyone
// holding an old quote (the archive serves them) could have it attested again without the TEE.
func TestCosignRequiresAFreshNonce(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	proposal := func(nonce common.Hash) *relayer.CosignRequest {
		env := h.envelope(nonce, "")
		c, err := verify.Measure(env)
		if err != nil {
			t.Fatal(err)
		}
		head, err := h.sim.Client().HeaderByNumber(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		return &relayer.CosignRequest{Evidence: env, Attestation: relayer.AttestationJSON{
			Subject: h.agent.subject, TEEType: uint8(c.TEE), MeasurementHash: c.MeasurementHash, Nonce: nonce,
			QuoteHash: c.QuoteHash, IssuedAt: head.Time, ExpiresAt: head.Time + 600}}
	}
	wantReject := func(what string, req *relayer.CosignRequest) {
		t.Helper()
		_, err := h.svc.Cosign(ctx, req)
		var rj *relayer.RejectError
		if !errors.As(err, &rj) || rj.Reason != "nonce" {
			t.Fatalf("%s: Cosign = %v, want a nonce rejection", what, err)
		}
	}

	wantReject("a nonce no relayer issued", proposal(common.HexToHash("0x1234")))

	nonce := h.challenge()
	req := proposal(nonce)
	req.Challenge = h.svc.ChallengeToken(nonce)
	if req.Challenge == nil {
		t.Fatal("the relayer kept no token for its challenge")
	}
	forged := *req.Challenge
	forged.Nonce = common.HexToHash("0x99")
	wantReject("a token for another nonce", &relayer.CosignRequest{Evidence: req.Evidence, Attestation: req.Attestation, Challenge: &forged})

	sig, err := h.svc.Cosign(ctx, req)
	if err != nil || len(sig) != 65 {
		t.Fatalf("Cosign with a valid challenge = %x, %v", sig, err)
	}
	wantReject("the same challenge again", req)
}

// Anyone can submit a subject's evidence; they must not be able to point the subject's
// re-attestation requests at an agent that does not answer for it.
func TestAgentURLMustAnswerForTheSubject(t *testing.T) {
	h := newHarness(t)
	otherKey, _ := crypto.GenerateKey()
	other := httptest.NewServer(&fakeAgent{att: h.agent.att, subject: crypto.PubkeyToAddress(otherKey.PublicKey)})
	defer other.Close()
	code, out := h.do("POST", "/v1/attestations", h.envelope(h.challenge(), `"agentUrl":"`+other.URL+`"`))
	if code != http.StatusUnprocessableEntity || out["reason"] != "agent" {
		t.Fatalf("agentUrl of another subject's agent: %d %v, want 422 agent", code, out)
	}
	code, out = h.do("POST", "/v1/attestations", h.envelope(h.challenge(), `"agentUrl":"http://127.0.0.1:1"`))
	if code != http.StatusUnprocessableEntity || out["reason"] != "agent" {
		t.Fatalf("agentUrl that does not answer: %d %v, want 422 agent", code, out)
	}
	code, out = h.do("POST", "/v1/attestations", h.envelope(h.challenge(), `"agentUrl":"`+h.agentSv.URL+`"`))
	if code != http.StatusAccepted {
		t.Fatalf("the subject's own agent: %d %v, want 202", code, out)
	}
	if code, out := h.do("GET", "/v1/subjects/"+h.agent.subject.Hex(), nil); code != 200 || out["agentUrl"] != h.agentSv.URL {
		t.Fatalf("subject view = %d %v, want agentUrl %s", code, out, h.agentSv.URL)
	}

	// A proxy that forwards to the real agent serves fresh, valid evidence for the subject;
	// recorded, it could later stop forwarding and make the subject miss its requests. The
	// agent's signed claim names its own URL, so the proxy's is refused.
	target, _ := url.Parse(h.agentSv.URL)
	proxy := httptest.NewServer(httputil.NewSingleHostReverseProxy(target))
	defer proxy.Close()
	code, out = h.do("POST", "/v1/attestations", h.envelope(h.challenge(), `"agentUrl":"`+proxy.URL+`"`))
	if code != http.StatusUnprocessableEntity || out["reason"] != "agent" || !strings.Contains(fmt.Sprint(out["error"]), "claims to answer at "+h.agentSv.URL) {
		t.Fatalf("agentUrl of a forwarding proxy: %d %v, want 422 agent naming the agent's own URL", code, out)
	}
	// An agent that claims no URL, or claims one with another key, is not recorded either.
	unsigned := httptest.NewServer(&fakeAgent{att: h.agent.att, subject: h.agent.subject})
	defer unsigned.Close()
	forged := &fakeAgent{att: h.agent.att, subject: h.agent.subject, key: otherKey}
	forgedSv := httptest.NewServer(forged)
	defer forgedSv.Close()
	forged.url = forgedSv.URL
	for name, u := range map[string]string{"unsigned": unsigned.URL, "signed by another key": forgedSv.URL} {
		code, out = h.do("POST", "/v1/attestations", h.envelope(h.challenge(), `"agentUrl":"`+u+`"`))
		if code != http.StatusUnprocessableEntity || out["reason"] != "agent" {
			t.Fatalf("%s agent: %d %v, want 422 agent", name, code, out)
		}
	}
	if _, out := h.do("GET", "/v1/subjects/"+h.agent.subject.Hex(), nil); out["agentUrl"] != h.agentSv.URL {
		t.Fatalf("agentUrl became %v after refused claims, want %s kept", out["agentUrl"], h.agentSv.URL)
	}
}

// Evidence answering a request is public once posted (the archive serves it); it must not be
// accepted again, before or after the watcher has seen the answer.
func TestAnsweredRequestEvidenceIsNotAcceptedAgain(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	if code, out := h.do("POST", "/v1/attestations", h.envelope(h.challenge(), `"agentUrl":"`+h.agentSv.URL+`"`)); code != http.StatusAccepted {
		t.Fatalf("register: %d %v", code, out)
	}
	deadline := time.Now().Add(20 * time.Second)
	for ok := false; !ok && time.Now().Before(deadline); ok, _ = h.reg.IsAttested(ctx, h.agent.subject) {
		time.Sleep(50 * time.Millisecond)
	}
	tx, err := h.reg.RequestReattestation(h.admin, h.agent.subject)
	if err != nil {
		t.Fatal(err)
	}
	rcpt, err := bind.WaitMined(ctx, h.sim.Client(), tx.Hash())
	if err != nil {
		t.Fatal(err)
	}
	var nonce common.Hash
	for _, l := range rcpt.Logs {
		if ev, err := registry.ABI().UnpackReattestationRequestedEvent(l); err == nil {
			nonce = ev.Nonce
		}
	}
	for time.Now().Before(deadline) {
		if rec, _ := h.reg.AttestationOf(ctx, h.agent.subject); rec.PendingDeadline == 0 {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	before := len(h.attestedEvents(h.agent.subject))
	code, out := h.do("POST", "/v1/attestations", h.envelope(nonce, ""))
	if code != http.StatusUnprocessableEntity || out["reason"] != "nonce" {
		t.Fatalf("replayed request evidence: %d %v, want 422 nonce", code, out)
	}
	time.Sleep(500 * time.Millisecond)
	if n := len(h.attestedEvents(h.agent.subject)); n != before {
		t.Fatalf("%d attestations posted from replayed evidence", n-before)
	}
}
