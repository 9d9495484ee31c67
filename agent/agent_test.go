package agent_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/teeoracle/teeoracle/agent"
	"github.com/teeoracle/teeoracle/agent/simulated"
	"github.com/teeoracle/teeoracle/protocol"
	"github.com/teeoracle/teeoracle/verifier"
	verifiertesting "github.com/teeoracle/teeoracle/verifier/testing"
	"github.com/teeoracle/teeoracle/verifier/verify"
)

var (
	testNow      = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	testChain    = uint64(31337)
	testRegistry = common.HexToAddress("0x5FbDB2315678afecb367f032d93F642f64180aa3")
	testNonce    = common.HexToHash("0x8b1a944cf13a9a1c08facb2c9e98623ef3254d2ddb48113885c3e8e97fec8db9")
	testApp      = common.HexToHash("0xa99")
)

// simulatedAgent returns an Agent on a simulated TEE and a verifier that accepts its evidence
// under the test roots, at testNow.
func simulatedAgent(t *testing.T, tee verifier.TEEType, opts agent.Options) (*agent.Agent, *verify.Verifier) {
	t.Helper()
	p, err := simulated.New(simulated.Options{Insecure: true, TEE: tee, Measurement: [48]byte{0x42}, Seed: []byte("agent test")})
	if err != nil {
		t.Fatal(err)
	}
	var getter verifier.HTTPSGetter
	if tee == verifier.TEETDX {
		coll, err := p.TDX().Collateral(verifiertesting.TDXCollateralOptions{IssueDate: testNow.Add(-24 * time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
		getter = verifiertesting.Getter(coll)
	} else {
		getter = verifiertesting.Getter()
	}
	v, err := verify.New(verify.Options{
		Now:       func() time.Time { return testNow },
		Getter:    getter,
		TestRoots: verifiertesting.Roots(),
	})
	if err != nil {
		t.Fatal(err)
	}
	opts.Provider = p
	a, err := agent.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	return a, v
}

func checkClaims(t *testing.T, c *verifier.Claims, a *agent.Agent, tee verifier.TEEType, appData common.Hash) {
	t.Helper()
	if !c.Bound || c.TEE != tee || c.ChainID != testChain || c.Registry != testRegistry ||
		c.Subject != a.Subject() || c.Nonce != testNonce || c.AppData != appData {
		t.Errorf("claims bound=%v tee=%v chain=%d registry=%s subject=%s nonce=%x appData=%x, want true %v %d %s %s %x %x",
			c.Bound, c.TEE, c.ChainID, c.Registry.Hex(), c.Subject.Hex(), c.Nonce, c.AppData,
			tee, testChain, testRegistry.Hex(), a.Subject().Hex(), testNonce, appData)
	}
	want := protocol.Binding{ChainID: testChain, Registry: testRegistry, Subject: a.Subject(), Nonce: testNonce, AppData: appData}.ReportData()
	if c.ReportData != want {
		t.Errorf("report_data %x, want %x", c.ReportData, want)
	}
	if !c.TestRoots {
		t.Error("claims not marked as verified under test roots")
	}
}

func TestSimulatedEvidenceVerifiesEndToEnd(t *testing.T) {
	for _, tee := range []verifier.TEEType{verifier.TEESEVSNP, verifier.TEETDX} {
		t.Run(tee.String(), func(t *testing.T) {
			a, v := simulatedAgent(t, tee, agent.Options{AppData: func() common.Hash { return testApp }})
			ev, err := a.Evidence(context.Background(), testNonce, testChain, testRegistry)
			if err != nil {
				t.Fatal(err)
			}
			if ev.TEE != tee || a.TEE() != tee {
				t.Fatalf("evidence TEE %v, agent TEE %v, want %v", ev.TEE, a.TEE(), tee)
			}
			if tee == verifier.TEESEVSNP && len(ev.Certs) == 0 {
				t.Error("SEV-SNP evidence has no certificate table")
			}
			// Through the wire format, as the relayer receives it.
			env, err := verifier.EncodeEnvelope(ev)
			if err != nil {
				t.Fatal(err)
			}
			c, err := v.VerifyBytes(context.Background(), env)
			if err != nil {
				t.Fatalf("verify: %v", err)
			}
			checkClaims(t, c, a, tee, testApp)

			// Evidence for one nonce must not pass for another: the binding is real.
			ev.Binding.Nonce[0] ^= 1
			if _, err := v.Verify(context.Background(), ev); !errors.Is(err, &verifier.Error{Reason: verifier.ReasonBinding}) {
				t.Errorf("evidence with a changed nonce: got %v, want a binding rejection", err)
			}
		})
	}
}

func TestEachAgentHasItsOwnSubjectKey(t *testing.T) {
	a1, _ := simulatedAgent(t, verifier.TEESEVSNP, agent.Options{})
	a2, _ := simulatedAgent(t, verifier.TEESEVSNP, agent.Options{})
	if a1.Subject() == a2.Subject() || a1.Subject() == (common.Address{}) {
		t.Errorf("subjects %s and %s, want two distinct generated keys", a1.Subject(), a2.Subject())
	}
	key, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	a3, _ := simulatedAgent(t, verifier.TEESEVSNP, agent.Options{Key: key})
	if a3.Subject() != crypto.PubkeyToAddress(key.PublicKey) {
		t.Errorf("subject %s, want the given key's %s", a3.Subject(), crypto.PubkeyToAddress(key.PublicKey))
	}
}

func TestNewRejectsBadOptions(t *testing.T) {
	p256, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		opts agent.Options
		want string
	}{
		{"no provider", agent.Options{}, "no TEE provider"},
		{"bad TEE", agent.Options{Provider: &fakeProvider{tee: 7}}, "want sev-snp or tdx"},
		{"P-256 key", agent.Options{Provider: &fakeProvider{}, Key: p256}, "not a secp256k1 key"},
		{"chain 0 allowed", agent.Options{Provider: &fakeProvider{}, AllowedChains: []uint64{1, 0}}, "chain id 0"},
		{"sealing without a sealer", agent.Options{Provider: &fakeProvider{}, SealPath: "/nonexistent/k"}, "cannot seal"},
		{"key and seal path", agent.Options{Provider: &fakeProvider{}, Key: p256, SealPath: "/nonexistent/k"}, "both Key and SealPath"},
		{"public URL without scheme", agent.Options{Provider: &fakeProvider{}, PublicURL: "agent.example:8080"}, "not an http(s) base URL"},
		{"public URL with a query", agent.Options{Provider: &fakeProvider{}, PublicURL: "https://agent.example/?x=1"}, "not an http(s) base URL"},
	} {
		if _, err := agent.New(tc.opts); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want an error containing %q", tc.name, err, tc.want)
		}
	}
}

func TestSignDigestRecoversToSubject(t *testing.T) {
	a, _ := simulatedAgent(t, verifier.TEESEVSNP, agent.Options{})
	digest := crypto.Keccak256Hash([]byte("sequencer batch 17"))
	sig, err := a.SignDigest(digest)
	if err != nil {
		t.Fatal(err)
	}
	if len(sig) != 65 || (sig[64] != 27 && sig[64] != 28) {
		t.Fatalf("signature %x, want 65 bytes with v 27 or 28", sig)
	}
	got, err := protocol.Recover(digest, sig)
	if err != nil {
		t.Fatal(err)
	}
	if got != a.Subject() {
		t.Errorf("signature recovers to %s, want the subject %s", got, a.Subject())
	}
}

func TestSimulatedProviderRefusedWithoutInsecure(t *testing.T) {
	_, err := simulated.New(simulated.Options{TEE: verifier.TEETDX})
	if !errors.Is(err, simulated.ErrInsecureNotSet) || !strings.Contains(err.Error(), "--insecure-simulated") {
		t.Errorf("got %v, want ErrInsecureNotSet naming --insecure-simulated", err)
	}
}

func TestEvidenceChecksTarget(t *testing.T) {
	a, _ := simulatedAgent(t, verifier.TEESEVSNP, agent.Options{
		AllowedChains: []uint64{testChain}, AllowedRegistries: []common.Address{testRegistry},
	})
	ctx := context.Background()
	for _, tc := range []struct {
		chain    uint64
		registry common.Address
		want     error
	}{
		{0, testRegistry, agent.ErrInvalidRequest},
		{testChain, common.Address{}, agent.ErrInvalidRequest},
		{1, testRegistry, agent.ErrNotAllowed},
		{testChain, common.HexToAddress("0x1"), agent.ErrNotAllowed},
	} {
		if _, err := a.Evidence(ctx, testNonce, tc.chain, tc.registry); !errors.Is(err, tc.want) {
			t.Errorf("chain %d registry %s: got %v, want %v", tc.chain, tc.registry.Hex(), err, tc.want)
		}
	}
}

// fakeProvider is a TEE whose behaviour a test scripts: it counts overlapping calls, can
// block until released, and can fail.
type fakeProvider struct {
	tee      verifier.TEEType
	err      error
	release  chan struct{} // if non-nil, Attest waits for a value
	inflight atomic.Int32
	maxSeen  atomic.Int32
	calls    atomic.Int32
	delay    time.Duration
}

func (f *fakeProvider) TEE() verifier.TEEType {
	if f.tee == 0 {
		return verifier.TEETDX
	}
	return f.tee
}

func (f *fakeProvider) Attest(_ context.Context, rd [64]byte) ([]byte, []byte, error) {
	n := f.inflight.Add(1)
	defer f.inflight.Add(-1)
	f.calls.Add(1)
	for {
		m := f.maxSeen.Load()
		if n <= m || f.maxSeen.CompareAndSwap(m, n) {
			break
		}
	}
	if f.release != nil {
		<-f.release
	}
	time.Sleep(f.delay)
	if f.err != nil {
		return nil, nil, f.err
	}
	return append([]byte("quote:"), rd[:]...), nil, nil
}

func TestAttestTimesOutButKeepsTheDeviceSerial(t *testing.T) {
	f := &fakeProvider{release: make(chan struct{})}
	a, err := agent.New(agent.Options{Provider: f, AttestTimeout: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	_, err = a.Evidence(ctx, testNonce, testChain, testRegistry)
	if !errors.Is(err, agent.ErrUnavailable) || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("got %v, want ErrUnavailable from the deadline", err)
	}
	// The first call still holds the device: a second one must time out waiting for it
	// rather than reach the provider alongside.
	_, err = a.Evidence(ctx, testNonce, testChain, testRegistry)
	if !errors.Is(err, agent.ErrUnavailable) || !strings.Contains(err.Error(), "waiting for the TEE device") {
		t.Fatalf("got %v, want a timeout waiting for the device", err)
	}
	if n := f.calls.Load(); n != 1 {
		t.Fatalf("provider called %d times, want 1 while the device is busy", n)
	}
	close(f.release) // the device returns; the next call goes through
	if _, err := a.Evidence(ctx, testNonce, testChain, testRegistry); err != nil {
		t.Fatalf("after the device freed: %v", err)
	}
	if m := f.maxSeen.Load(); m != 1 {
		t.Errorf("%d overlapping provider calls, want 1", m)
	}
}

func TestTooManyWaitersFailFast(t *testing.T) {
	f := &fakeProvider{release: make(chan struct{})}
	a, err := agent.New(agent.Options{Provider: f, MaxWaiting: 1})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var wg sync.WaitGroup
	errs := make(chan error, 2)
	// One call holds the device, one waits for it: the third has no room.
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := a.Evidence(ctx, testNonce, testChain, testRegistry)
			errs <- err
		}()
		waitFor(t, func() bool { return f.calls.Load() == 1 })
	}
	time.Sleep(20 * time.Millisecond) // let the second caller queue
	_, err = a.Evidence(ctx, testNonce, testChain, testRegistry)
	if !errors.Is(err, agent.ErrUnavailable) || !strings.Contains(err.Error(), "already wait") {
		t.Errorf("got %v, want a fast ErrUnavailable", err)
	}
	f.release <- struct{}{}
	f.release <- struct{}{}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Errorf("queued call: %v", err)
		}
	}
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatal("condition not reached in 5s")
}

func evidenceURL(base string, nonce common.Hash, chain uint64, registry common.Address) string {
	return fmt.Sprintf("%s/v1/evidence?nonce=%s&chainId=%d&registry=%s", base, nonce.Hex(), chain, registry.Hex())
}

func get(t *testing.T, method, url string) (int, http.Header, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header, body
}

func TestHandlerServesVerifiableEnvelope(t *testing.T) {
	for _, tee := range []verifier.TEEType{verifier.TEESEVSNP, verifier.TEETDX} {
		t.Run(tee.String(), func(t *testing.T) {
			a, v := simulatedAgent(t, tee, agent.Options{})
			srv := httptest.NewServer(a.Handler())
			defer srv.Close()
			status, hdr, body := get(t, http.MethodGet, evidenceURL(srv.URL, testNonce, testChain, testRegistry))
			if status != http.StatusOK || hdr.Get("Content-Type") != "application/json" {
				t.Fatalf("status %d content type %q body %s, want 200 JSON", status, hdr.Get("Content-Type"), body)
			}
			ev, err := verifier.DecodeEnvelope(body)
			if err != nil {
				t.Fatalf("envelope does not decode: %v\n%s", err, body)
			}
			c, err := v.Verify(context.Background(), ev)
			if err != nil {
				t.Fatalf("served envelope does not verify: %v", err)
			}
			checkClaims(t, c, a, tee, common.Hash{})

			status, _, body = get(t, http.MethodGet, srv.URL+"/v1/subject")
			var sub struct{ Subject, TEE string }
			if err := json.Unmarshal(body, &sub); err != nil || status != 200 {
				t.Fatalf("subject: status %d body %s err %v", status, body, err)
			}
			if sub.Subject != a.Subject().Hex() || sub.TEE != tee.String() {
				t.Errorf("subject %+v, want %s %s", sub, a.Subject().Hex(), tee)
			}
		})
	}
}

func TestHandlerRejectsMalformedParameters(t *testing.T) {
	a, err := agent.New(agent.Options{Provider: &fakeProvider{}, AllowedChains: []uint64{testChain, 1}})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(a.Handler())
	defer srv.Close()
	nonce, reg := testNonce.Hex(), strings.ToLower(testRegistry.Hex())
	for _, tc := range []struct {
		name, query string
		status      int
		want        string
	}{
		{"ok", "nonce=" + nonce + "&chainId=31337&registry=" + reg, 200, ""},
		{"hex chain id", "nonce=" + nonce + "&chainId=0x7a69&registry=" + testRegistry.Hex(), 200, ""},
		{"no nonce", "chainId=1&registry=" + reg, 400, "nonce is missing"},
		{"short nonce", "nonce=0x1234&chainId=1&registry=" + reg, 400, "has 4 hex digits, want 64"},
		{"nonce without 0x", "nonce=" + nonce[2:] + "&chainId=1&registry=" + reg, 400, "want 0x followed by 64 hex digits"},
		{"nonce not hex", "nonce=0x" + strings.Repeat("zz", 32) + "&chainId=1&registry=" + reg, 400, "is not hex"},
		{"two nonces", "nonce=" + nonce + "&nonce=" + nonce + "&chainId=1&registry=" + reg, 400, "given 2 times"},
		{"no chain", "nonce=" + nonce + "&registry=" + reg, 400, "chainId is missing"},
		{"chain 0", "nonce=" + nonce + "&chainId=0&registry=" + reg, 400, "chain id > 0"},
		{"negative chain", "nonce=" + nonce + "&chainId=-1&registry=" + reg, 400, "fits in 64 bits"},
		{"chain overflow", "nonce=" + nonce + "&chainId=18446744073709551616&registry=" + reg, 400, "fits in 64 bits"},
		{"chain words", "nonce=" + nonce + "&chainId=mainnet&registry=" + reg, 400, "decimal (or 0x-hex)"},
		{"empty 0x chain", "nonce=" + nonce + "&chainId=0x&registry=" + reg, 400, "hex digits after 0x"},
		{"no registry", "nonce=" + nonce + "&chainId=1", 400, "registry is missing"},
		{"short registry", "nonce=" + nonce + "&chainId=1&registry=0x1234", 400, "want 40"},
		{"zero registry", "nonce=" + nonce + "&chainId=1&registry=0x" + strings.Repeat("0", 40), 400, "zero address"},
		{"bad checksum", "nonce=" + nonce + "&chainId=1&registry=" + strings.Replace(testRegistry.Hex(), "F", "f", 1), 400, "EIP-55 checksum"},
		{"unknown parameter", "nonce=" + nonce + "&chainId=1&registry=" + reg + "&subject=0x1", 400, "unknown parameter \"subject\""},
		{"bad escape", "nonce=%zz&chainId=1&registry=" + reg, 400, "not URL-encoded"},
		{"chain not allowed", "nonce=" + nonce + "&chainId=10&registry=" + reg, 403, "chainId 10 is not one this agent attests for"},
	} {
		status, hdr, body := get(t, http.MethodGet, srv.URL+"/v1/evidence?"+tc.query)
		if status != tc.status {
			t.Errorf("%s: status %d body %s, want %d", tc.name, status, body, tc.status)
			continue
		}
		if tc.status == 200 {
			continue
		}
		var e struct{ Error string }
		if err := json.Unmarshal(body, &e); err != nil || hdr.Get("Content-Type") != "application/json" {
			t.Errorf("%s: body %s is not a JSON error: %v", tc.name, body, err)
		}
		if !strings.Contains(e.Error, tc.want) {
			t.Errorf("%s: error %q, want it to contain %q", tc.name, e.Error, tc.want)
		}
	}
}

func TestHandlerMethodsAndPaths(t *testing.T) {
	a, err := agent.New(agent.Options{Provider: &fakeProvider{}})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(a.Handler())
	defer srv.Close()
	url := evidenceURL(srv.URL, testNonce, testChain, testRegistry)
	for _, m := range []string{http.MethodPost, http.MethodPut, http.MethodDelete, http.MethodHead} {
		status, hdr, body := get(t, m, url)
		if status != http.StatusMethodNotAllowed || hdr.Get("Allow") != "GET" || (m != http.MethodHead && !strings.Contains(string(body), "want GET")) {
			t.Errorf("%s: status %d Allow %q body %s, want 405 with Allow: GET", m, status, hdr.Get("Allow"), body)
		}
	}
	if status, _, body := get(t, http.MethodGet, srv.URL+"/livez"); status != 200 || !strings.Contains(string(body), "true") {
		t.Errorf("livez: %d %s", status, body)
	}
	if status, _, _ := get(t, http.MethodGet, srv.URL+"/v1/nope"); status != http.StatusNotFound {
		t.Errorf("unknown path: status %d, want 404", status)
	}
}

func TestHandlerReportsProviderFailureAs503(t *testing.T) {
	a, err := agent.New(agent.Options{Provider: &fakeProvider{err: errors.New("ioctl SNP_GET_EXT_REPORT: EIO (firmware status 0x16)")}})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(a.Handler())
	defer srv.Close()
	status, _, body := get(t, http.MethodGet, evidenceURL(srv.URL, testNonce, testChain, testRegistry))
	if status != http.StatusServiceUnavailable || !strings.Contains(string(body), "firmware status 0x16") {
		t.Errorf("status %d body %s, want 503 naming the device error", status, body)
	}
}

func TestHandlerSerializesProviderCalls(t *testing.T) {
	f := &fakeProvider{delay: 5 * time.Millisecond}
	a, err := agent.New(agent.Options{Provider: f, MaxWaiting: 32})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(a.Handler())
	defer srv.Close()
	const n = 12
	var wg sync.WaitGroup
	statuses := make([]int, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			nonce := common.BigToHash(common.Big1).Bytes()
			nonce[0] = byte(i)
			resp, err := http.Get(evidenceURL(srv.URL, common.BytesToHash(nonce), testChain, testRegistry))
			if err != nil {
				t.Error(err)
				return
			}
			resp.Body.Close()
			statuses[i] = resp.StatusCode
		}()
	}
	wg.Wait()
	for i, s := range statuses {
		if s != http.StatusOK {
			t.Errorf("request %d: status %d, want 200", i, s)
		}
	}
	if got := f.calls.Load(); got != n {
		t.Errorf("provider called %d times, want %d", got, n)
	}
	if m := f.maxSeen.Load(); m != 1 {
		t.Errorf("%d provider calls overlapped, want 1 at a time", m)
	}
}

// With PublicURL set, evidence carries the subject key's claim to that URL, over this
// request's binding; without it, no claim.
func TestHandlerClaimsThePublicURL(t *testing.T) {
	a, _ := simulatedAgent(t, verifier.TEESEVSNP, agent.Options{PublicURL: "https://agent.example:8443/"})
	if a.PublicURL() != "https://agent.example:8443" {
		t.Fatalf("PublicURL() = %q, want the trailing slash dropped", a.PublicURL())
	}
	srv := httptest.NewServer(a.Handler())
	defer srv.Close()
	status, hdr, _ := get(t, http.MethodGet, evidenceURL(srv.URL, testNonce, testChain, testRegistry))
	if status != http.StatusOK || hdr.Get(protocol.AgentURLHeader) != a.PublicURL() {
		t.Fatalf("status %d, %s %q; want 200 and the public URL", status, protocol.AgentURLHeader, hdr.Get(protocol.AgentURLHeader))
	}
	sig, err := hexutil.Decode(hdr.Get(protocol.AgentURLSignatureHeader))
	if err != nil {
		t.Fatal(err)
	}
	b := protocol.Binding{ChainID: testChain, Registry: testRegistry, Subject: a.Subject(), Nonce: testNonce}
	if got, err := protocol.Recover(protocol.AgentURLDigest(b, a.PublicURL()), sig); err != nil || got != a.Subject() {
		t.Fatalf("claim recovers to %s (%v), want the subject %s", got, err, a.Subject())
	}
	// The claim is for this request only: another nonce or URL does not recover to the subject.
	for _, d := range []common.Hash{protocol.AgentURLDigest(protocol.Binding{ChainID: testChain, Registry: testRegistry, Subject: a.Subject(), Nonce: common.Hash{1}}, a.PublicURL()),
		protocol.AgentURLDigest(b, "https://proxy.example")} {
		if got, _ := protocol.Recover(d, sig); got == a.Subject() {
			t.Fatal("the claim also verifies for another nonce or URL")
		}
	}

	plain, _ := simulatedAgent(t, verifier.TEESEVSNP, agent.Options{})
	srv2 := httptest.NewServer(plain.Handler())
	defer srv2.Close()
	if _, hdr, _ := get(t, http.MethodGet, evidenceURL(srv2.URL, testNonce, testChain, testRegistry)); hdr.Get(protocol.AgentURLHeader) != "" || hdr.Get(protocol.AgentURLSignatureHeader) != "" {
		t.Fatalf("an agent without PublicURL claims %q", hdr.Get(protocol.AgentURLHeader))
	}
}
