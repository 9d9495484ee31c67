package verify_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"errors"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	sevtesting "github.com/google/go-sev-guest/testing"
	"github.com/google/go-tdx-guest/pcs"
	"github.com/teeoracle/teeoracle/verifier"
	verifiertesting "github.com/teeoracle/teeoracle/verifier/testing"
	"github.com/teeoracle/teeoracle/verifier/verify"
)

var (
	testNow      = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	testRegistry = common.HexToAddress("0x00000000000000000000000000000000000000aa")
	testSubject  = common.HexToAddress("0x00000000000000000000000000000000000000bb")
	testNonce    = [32]byte{1, 2, 3}
	testApp      = [32]byte{9}
)

func testBinding() *verifier.Binding {
	return &verifier.Binding{ChainID: 31337, Registry: testRegistry, Subject: testSubject, Nonce: testNonce, AppData: testApp}
}

// testRoots converts the simulated attesters' roots into verifier.Roots.
func testRoots() *verifier.Roots { return verifiertesting.Roots() }

// testGetter serves the simulated AMD KDS and Intel PCS; overrides win by URL.
type testGetter struct {
	tdx       verifier.HTTPSGetter
	overrides map[string][]byte
}

func (g *testGetter) GetContext(ctx context.Context, u string) (map[string][]string, []byte, error) {
	if b, ok := g.overrides[u]; ok {
		return nil, b, nil
	}
	if strings.HasPrefix(u, "https://kdsintf.amd.com/") {
		b, err := verifiertesting.SNPGetter().Get(u)
		return nil, b, err
	}
	if g.tdx == nil {
		return nil, nil, errors.New("test getter: no TDX collateral for " + u)
	}
	return g.tdx.GetContext(ctx, u)
}

type fixture struct {
	snp  *verifiertesting.SNPAttester
	tdx  *verifiertesting.TDXAttester
	coll *verifiertesting.TDXCollateral
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	snp, err := verifiertesting.NewSNPAttester(verifiertesting.SNPOptions{Seed: []byte("reject"), Measurement: [48]byte{7}, HostData: [32]byte{8}})
	if err != nil {
		t.Fatal(err)
	}
	tdx, err := verifiertesting.NewTDXAttester(verifiertesting.TDXOptions{Seed: []byte("reject"), MRTD: [48]byte{5}})
	if err != nil {
		t.Fatal(err)
	}
	coll, err := tdx.Collateral(verifiertesting.TDXCollateralOptions{IssueDate: testNow.Add(-24 * time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	return &fixture{snp, tdx, coll}
}

func (f *fixture) snpEnvelope(t *testing.T, b *verifier.Binding) []byte {
	rd := verifier.ReportData(b.ChainID, b.Registry, b.Subject, b.Nonce, b.AppData)
	rep, certs, err := f.snp.Report(rd)
	if err != nil {
		t.Fatal(err)
	}
	env, err := verifier.EncodeEnvelope(&verifier.Evidence{TEE: verifier.TEESEVSNP, Quote: rep, Certs: certs, Binding: b})
	if err != nil {
		t.Fatal(err)
	}
	return env
}

func (f *fixture) tdxEnvelope(t *testing.T, b *verifier.Binding) []byte {
	q, err := f.tdx.Quote(verifier.ReportData(b.ChainID, b.Registry, b.Subject, b.Nonce, b.AppData))
	if err != nil {
		t.Fatal(err)
	}
	env, err := verifier.EncodeEnvelope(&verifier.Evidence{TEE: verifier.TEETDX, Quote: q, Binding: b})
	if err != nil {
		t.Fatal(err)
	}
	return env
}

func (f *fixture) options(coll *verifiertesting.TDXCollateral) verify.Options {
	if coll == nil {
		coll = f.coll
	}
	return verify.Options{
		Now:       func() time.Time { return testNow },
		TestRoots: testRoots(),
		Getter:    &testGetter{tdx: coll.Getter().(verifier.HTTPSGetter)},
	}
}

func TestAcceptsFreshEvidenceUnderTestRoots(t *testing.T) {
	f := newFixture(t)
	for _, env := range [][]byte{f.snpEnvelope(t, testBinding()), f.tdxEnvelope(t, testBinding())} {
		v, err := verify.New(f.options(nil))
		if err != nil {
			t.Fatal(err)
		}
		c, err := v.VerifyBytes(context.Background(), env)
		if err != nil {
			t.Fatalf("got %v, want accepted", err)
		}
		if !c.Bound || c.Subject != testSubject || c.ChainID != 31337 || !c.TestRoots || c.Nonce != testNonce || c.AppData != testApp {
			t.Errorf("claims %+v", c)
		}
		if c.TEE == verifier.TEETDX && c.TCBStatus != verifier.TCBUpToDate {
			t.Errorf("TDX status %v, want UpToDate", c.TCBStatus)
		}
		if c.NotAfter.IsZero() || !c.NotAfter.After(testNow) {
			t.Errorf("NotAfter %v", c.NotAfter)
		}
	}
}

func mutateEnvelope(t *testing.T, env []byte, fn func(ev *verifier.Evidence)) []byte {
	ev, err := verifier.DecodeEnvelope(env)
	if err != nil {
		t.Fatal(err)
	}
	fn(ev)
	out, err := verifier.EncodeEnvelope(ev)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestRejections(t *testing.T) {
	f := newFixture(t)
	snpEnv := f.snpEnvelope(t, testBinding())
	tdxEnv := f.tdxEnvelope(t, testBinding())

	// A second, self-made AMD chain: the go-sev-guest #185 forged-root case.
	forged := forgedAMDChain(t)
	revokedASK := amdCRL(t, f, true)
	staleCRL := amdCRL(t, f, false)

	type tc struct {
		name     string
		evidence []byte
		opts     func(o *verify.Options)
		want     *verifier.Error
		msg      string
	}
	pol := func(fn func(p *verifier.Policy)) func(o *verify.Options) {
		return func(o *verify.Options) {
			p := verifier.DefaultPolicy()
			fn(&p)
			o.Policy = &p
		}
	}
	collWith := func(opts verifiertesting.TDXCollateralOptions) func(o *verify.Options) {
		if opts.IssueDate.IsZero() {
			opts.IssueDate = testNow.Add(-24 * time.Hour)
		}
		c, err := f.tdx.Collateral(opts)
		if err != nil {
			t.Fatal(err)
		}
		return func(o *verify.Options) { o.Getter = &testGetter{tdx: c.Getter().(verifier.HTTPSGetter)} }
	}
	cases := []tc{
		{name: "snp bad signature", evidence: mutateEnvelope(t, snpEnv, func(ev *verifier.Evidence) { ev.Quote[0x90] ^= 1 }),
			want: verifier.ErrSignature, msg: "report signature does not verify"},
		{name: "tdx bad signature", evidence: mutateEnvelope(t, tdxEnv, func(ev *verifier.Evidence) { ev.Quote[48+136] ^= 1 }),
			want: verifier.ErrSignature, msg: "quote signature does not verify"},
		{name: "snp forged ARK/ASK in cert table (#185)", evidence: mutateEnvelope(t, snpEnv, func(ev *verifier.Evidence) {
			ev.Certs = replaceCerts(t, ev.Certs, forged.Ark.Raw, forged.Ask.Raw, nil)
		}), want: verifier.ErrRoot, msg: "roots are never taken from evidence"},
		{name: "snp VCEK from a self-made chain", evidence: mutateEnvelope(t, snpEnv, func(ev *verifier.Evidence) {
			ev.Certs = replaceCerts(t, ev.Certs, forged.Ark.Raw, forged.Ask.Raw, forged.Vcek.Raw)
		}), want: verifier.ErrChain, msg: "is not signed by the pinned ASK"},
		{name: "tdx chain under another root", evidence: tdxEnv, opts: func(o *verify.Options) { o.TestRoots = nil },
			want: verifier.ErrRoot, msg: "not the pinned"},
		{name: "snp chain under production roots", evidence: snpEnv, opts: func(o *verify.Options) { o.TestRoots = nil },
			want: verifier.ErrChain, msg: "pinned ASK of Milan"},
		{name: "snp expired VCEK", evidence: snpEnv, opts: func(o *verify.Options) {
			o.Now = func() time.Time { return time.Date(2060, 1, 1, 0, 0, 0, 0, time.UTC) }
		},
			want: verifier.ErrExpired, msg: "verification time is 2060"},
		{name: "tdx expired PCK chain", evidence: tdxEnv, opts: func(o *verify.Options) {
			o.Now = func() time.Time { return time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC) }
		},
			want: verifier.ErrExpired, msg: "PCK chain is valid"},
		{name: "snp revoked ASK", evidence: snpEnv, opts: func(o *verify.Options) {
			o.Getter = &testGetter{overrides: map[string][]byte{"https://kdsintf.amd.com/vcek/v1/Milan/crl": revokedASK}}
		}, want: verifier.ErrRevoked, msg: "ASK (serial"},
		{name: "snp stale CRL", evidence: snpEnv, opts: func(o *verify.Options) {
			o.Getter = &testGetter{overrides: map[string][]byte{"https://kdsintf.amd.com/vcek/v1/Milan/crl": staleCRL}}
		}, want: verifier.ErrCollateral, msg: "want a current CRL"},
		{name: "tdx revoked PCK", evidence: tdxEnv, opts: collWith(verifiertesting.TDXCollateralOptions{RevokePCK: true}),
			want: verifier.ErrRevoked, msg: "PCK certificate (serial"},
		{name: "tdx stale collateral", evidence: tdxEnv, opts: collWith(verifiertesting.TDXCollateralOptions{
			IssueDate: testNow.Add(-40 * 24 * time.Hour), NextUpdate: testNow.Add(-24 * time.Hour)}),
			want: verifier.ErrCollateral, msg: "stale"},
		{name: "tdx collateral for another platform", evidence: tdxEnv, opts: func(o *verify.Options) {
			other, err := verifiertesting.NewTDXAttester(verifiertesting.TDXOptions{Seed: []byte("other"), FMSPC: [6]byte{0x90, 0xc0, 0x6f}})
			if err != nil {
				t.Fatal(err)
			}
			c, err := other.Collateral(verifiertesting.TDXCollateralOptions{IssueDate: testNow.Add(-time.Hour)})
			if err != nil {
				t.Fatal(err)
			}
			o.Getter = &testGetter{tdx: c.Getter().(verifier.HTTPSGetter)}
		}, want: verifier.ErrUnavailable, msg: "could not fetch TCB info"},
		{name: "tdx TCB revoked", evidence: tdxEnv, opts: collWith(verifiertesting.TDXCollateralOptions{Status: pcs.TcbComponentStatusRevoked}),
			want: verifier.ErrTCBRevoked, msg: "Revoked"},
		{name: "tdx QE revoked", evidence: tdxEnv, opts: collWith(verifiertesting.TDXCollateralOptions{QEStatus: pcs.TcbComponentStatusRevoked}),
			want: verifier.ErrTCBRevoked, msg: "quoting enclave"},
		{name: "tdx TCB below minimum", evidence: tdxEnv, opts: collWith(verifiertesting.TDXCollateralOptions{Status: pcs.TcbComponentStatusSwHardeningNeeded}),
			want: verifier.ErrTCBBelowMinimum, msg: "TCB status is 2 (SWHardeningNeeded), policy accepts 1..1"},
		{name: "snp TCB below minimum", evidence: snpEnv, opts: pol(func(p *verifier.Policy) {
			p.SNP.MinTCB = &verifier.SNPTCB{Bootloader: 200}
			p.SNP.MinTCBStatus = verifier.TCBUpToDate
		}), want: verifier.ErrTCBBelowMinimum, msg: "TCB status is 5 (OutOfDate)"},
		{name: "snp wrong measurement", evidence: snpEnv, opts: pol(func(p *verifier.Policy) { p.Measurements = []common.Hash{{1}} }),
			want: verifier.ErrMeasurement, msg: "not in the policy allowlist"},
		{name: "tdx wrong MRTD", evidence: tdxEnv, opts: pol(func(p *verifier.Policy) { p.TDX.MRTD = []hexutil.Bytes{make([]byte, 48)} }),
			want: verifier.ErrMeasurement, msg: "MRTD"},
		{name: "snp host data", evidence: snpEnv, opts: pol(func(p *verifier.Policy) { p.SNP.HostData = []hexutil.Bytes{make([]byte, 32)} }),
			want: verifier.ErrHostData, msg: "HOST_DATA"},
		{name: "snp vmpl", evidence: func() []byte {
			f.snp.VMPL = 2
			defer func() { f.snp.VMPL = 0 }()
			return f.snpEnvelope(t, testBinding())
		}(), want: verifier.ErrVMPL, msg: "VMPL 2, policy accepts VMPL 0..0"},
		{name: "snp debug", evidence: func() []byte {
			f.snp.Policy.Debug = true
			defer func() { f.snp.Policy.Debug = false }()
			return f.snpEnvelope(t, testBinding())
		}(), want: verifier.ErrDebug, msg: "DEBUG (bit 19)"},
		{name: "tdx debug", evidence: func() []byte {
			f.tdx.TDAttributes |= 1
			defer func() { f.tdx.TDAttributes &^= 1 }()
			return f.tdxEnvelope(t, testBinding())
		}(), want: verifier.ErrDebug, msg: "DEBUG (bit 0)"},
		{name: "snp not bound to this nonce", evidence: mutateEnvelope(t, snpEnv, func(ev *verifier.Evidence) { ev.Binding.Nonce[0] ^= 1 }),
			want: verifier.ErrBinding, msg: "chainId 31337, registry " + testRegistry.Hex() + ", subject " + testSubject.Hex()},
		{name: "tdx not bound to this chain", evidence: mutateEnvelope(t, tdxEnv, func(ev *verifier.Evidence) { ev.Binding.ChainID = 1 }),
			want: verifier.ErrBinding, msg: "not bound to this chain"},
		{name: "tdx appData mismatch", evidence: mutateEnvelope(t, tdxEnv, func(ev *verifier.Evidence) { ev.Binding.AppData[0] ^= 1 }),
			want: verifier.ErrBinding, msg: "want appData"},
		{name: "snp truncated", evidence: mutateEnvelope(t, snpEnv, func(ev *verifier.Evidence) { ev.Quote = ev.Quote[:1000] }),
			want: verifier.ErrMalformed, msg: "want 1184"},
		{name: "tdx truncated", evidence: mutateEnvelope(t, tdxEnv, func(ev *verifier.Evidence) { ev.Quote = ev.Quote[:2000] }),
			want: verifier.ErrMalformed, msg: "truncated"},
		{name: "tdx nonzero trailing bytes", evidence: mutateEnvelope(t, tdxEnv, func(ev *verifier.Evidence) { ev.Quote = append(ev.Quote, 0, 0, 1) }),
			want: verifier.ErrMalformed, msg: "not all zero"},
		{name: "tdx over 8 KiB", evidence: mutateEnvelope(t, tdxEnv, func(ev *verifier.Evidence) { ev.Quote = append(ev.Quote, make([]byte, 8<<10)...) }),
			want: verifier.ErrOversized, msg: "at most 8192"},
		{name: "oversized envelope", evidence: append(bytes.Clone(snpEnv[:len(snpEnv)-1]), []byte(`,"x":"`+strings.Repeat("a", 70<<10)+`"}`)...),
			want: verifier.ErrOversized, msg: "want at most 65536"},
		{name: "unknown envelope field", evidence: append(bytes.Clone(snpEnv[:len(snpEnv)-1]), []byte(`,"x":1}`)...),
			want: verifier.ErrMalformed, msg: "unknown field"},
		{name: "envelope version 2", evidence: bytes.Replace(snpEnv, []byte(`"version":1`), []byte(`"version":2`), 1),
			want: verifier.ErrUnsupportedVersion, msg: "want 1"},
		{name: "snp report version 9", evidence: mutateEnvelope(t, snpEnv, func(ev *verifier.Evidence) { ev.Quote[0] = 9 }),
			want: verifier.ErrUnsupportedVersion, msg: "version is 9"},
		{name: "tdx quote version 3", evidence: mutateEnvelope(t, tdxEnv, func(ev *verifier.Evidence) { ev.Quote[0] = 3 }),
			want: verifier.ErrUnsupportedVersion, msg: "want 4 or 5"},
		{name: "tdx quote labelled sev-snp", evidence: mutateEnvelope(t, tdxEnv, func(ev *verifier.Evidence) { ev.TEE = verifier.TEESEVSNP }),
			want: verifier.ErrTEEMismatch, msg: "envelope says tee \"sev-snp\" but the quote is a tdx quote"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := f.options(nil)
			if c.opts != nil {
				c.opts(&o)
			}
			v, err := verify.New(o)
			if err != nil {
				t.Fatal(err)
			}
			_, err = v.VerifyBytes(context.Background(), c.evidence)
			var ve *verifier.Error
			if !errors.As(err, &ve) {
				t.Fatalf("got %v, want a *verifier.Error with reason %s", err, c.want.Reason)
			}
			if !errors.Is(err, c.want) {
				t.Fatalf("reason %q (%v), want %q", ve.Reason, err, c.want.Reason)
			}
			if !strings.Contains(err.Error(), c.msg) {
				t.Errorf("message %q does not contain %q", err, c.msg)
			}
		})
	}
}

// forgedAMDChain is a self-made AMD-shaped chain with fresh keys, as an attacker would
// build to pass off a VCEK of their own.
func forgedAMDChain(t *testing.T) *sevtesting.AmdSigner {
	rsaKey := func() *rsa.PrivateKey {
		k, err := rsa.GenerateKey(rand.Reader, 2048)
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	vcek, err := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	epoch := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	b := &sevtesting.AmdSignerBuilder{
		Keys:        &sevtesting.AmdKeys{Ark: rsaKey(), Ask: rsaKey(), Asvk: rsaKey(), Vcek: vcek},
		ProductName: "Milan-B1", ArkCreationTime: epoch, AskCreationTime: epoch, AsvkCreationTime: epoch, VcekCreationTime: epoch,
	}
	s, err := b.TestOnlyCertChain()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// amdCRL signs a Milan CRL with the test ARK key: revoking the test ASK, or current but
// with nextUpdate in the past (stale).
func amdCRL(t *testing.T, f *fixture, revokeASK bool) []byte {
	roots := testRoots().AMD[f.snp.ProductLine()]
	tmpl := &x509.RevocationList{
		SignatureAlgorithm: x509.SHA384WithRSAPSS,
		Number:             big.NewInt(2),
		ThisUpdate:         testNow.Add(-48 * time.Hour),
		NextUpdate:         testNow.Add(24 * time.Hour),
	}
	if revokeASK {
		tmpl.RevokedCertificateEntries = []x509.RevocationListEntry{{SerialNumber: roots.ASK.SerialNumber, RevocationTime: testNow.Add(-time.Hour)}}
	} else {
		tmpl.NextUpdate = testNow.Add(-time.Hour)
	}
	der, err := x509.CreateRevocationList(rand.Reader, tmpl, roots.ARK, sevtesting.DefaultArk())
	if err != nil {
		t.Fatal(err)
	}
	return der
}

// replaceCerts rewrites a certificate table with the given ARK, ASK and (if not nil) VCEK.
func replaceCerts(t *testing.T, table, ark, ask, vcek []byte) []byte {
	var tbl abiCertTable
	tbl.parse(t, table)
	tbl.set("ark", ark)
	tbl.set("ask", ask)
	if vcek != nil {
		tbl.set("vcek", vcek)
	}
	return tbl.marshal()
}

// One Verifier serves concurrent callers (run with -race).
func TestConcurrentVerify(t *testing.T) {
	f := newFixture(t)
	envs := [][]byte{f.snpEnvelope(t, testBinding()), f.tdxEnvelope(t, testBinding())}
	v, err := verify.New(f.options(nil))
	if err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 8)
	for g := 0; g < 4; g++ {
		go func(g int) {
			var err error
			for i := 0; i < 5 && err == nil; i++ {
				_, err = v.VerifyBytes(context.Background(), envs[(g+i)%2])
			}
			errs <- err
		}(g)
	}
	for g := 0; g < 4; g++ {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
}

// A warm cache never outlives what it rests on: once the collateral's nextUpdate passes,
// the next call fetches again, and a revocation in the new CRL takes effect.
func TestCacheFollowsCollateral(t *testing.T) {
	f := newFixture(t)
	env := f.tdxEnvelope(t, testBinding())
	now := testNow
	g := &swapGetter{}
	g.set(t, f, verifiertesting.TDXCollateralOptions{IssueDate: now.Add(-time.Hour), NextUpdate: now.Add(time.Hour)})
	o := f.options(nil)
	o.Now = func() time.Time { return now }
	o.Getter = g
	v, err := verify.New(o)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 2; i++ {
		if _, err := v.VerifyBytes(context.Background(), env); err != nil {
			t.Fatal(err)
		}
	}
	if g.calls == 0 {
		t.Fatal("getter never called")
	}
	warm := g.calls
	if _, err := v.VerifyBytes(context.Background(), env); err != nil || g.calls != warm {
		t.Fatalf("warm call fetched again (%d -> %d) or failed: %v", warm, g.calls, err)
	}
	// Two hours later: the collateral is past nextUpdate; PCS now says the PCK is revoked.
	now = now.Add(2 * time.Hour)
	g.set(t, f, verifiertesting.TDXCollateralOptions{IssueDate: now.Add(-time.Minute), RevokePCK: true})
	if _, err := v.VerifyBytes(context.Background(), env); !errors.Is(err, verifier.ErrRevoked) {
		t.Fatalf("after nextUpdate: got %v, want the newly revoked PCK rejected", err)
	}
}

type swapGetter struct {
	inner verifier.HTTPSGetter
	calls int
}

func (s *swapGetter) set(t *testing.T, f *fixture, opts verifiertesting.TDXCollateralOptions) {
	c, err := f.tdx.Collateral(opts)
	if err != nil {
		t.Fatal(err)
	}
	s.inner = &testGetter{tdx: c.Getter().(verifier.HTTPSGetter)}
}

func (s *swapGetter) GetContext(ctx context.Context, u string) (map[string][]string, []byte, error) {
	s.calls++
	return s.inner.GetContext(ctx, u)
}
