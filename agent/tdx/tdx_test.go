package tdx_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/google/go-tdx-guest/abi"
	pb "github.com/google/go-tdx-guest/proto/tdx"
	tdxtest "github.com/google/go-tdx-guest/testing"

	"github.com/teeoracle/teeoracle/agent"
	"github.com/teeoracle/teeoracle/agent/tdx"
	"github.com/teeoracle/teeoracle/protocol"
	"github.com/teeoracle/teeoracle/verifier"
	verifiertesting "github.com/teeoracle/teeoracle/verifier/testing"
	"github.com/teeoracle/teeoracle/verifier/verify"
)

// sampleCases are the library's test cases re-keyed by the report_data its sample quote
// really carries (the library's own cases ask with other report_data).
func sampleCases(t *testing.T) []tdxtest.TestCase {
	tcs := tdxtest.TestCases()
	q, err := abi.QuoteToProto(tcs[0].Quote)
	if err != nil {
		t.Fatal(err)
	}
	copy(tcs[0].Input[:], q.(*pb.QuoteV4).GetTdQuoteBody().GetReportData())
	return tcs
}

// The library's fake configfs-tsm provider and fake /dev/tdx_guest, answering with its
// sample quote.
func TestAttestThroughLibraryFakes(t *testing.T) {
	tcs := sampleCases(t)
	qp, err := tdxtest.TcQuoteProvider(tcs)
	if err != nil {
		t.Fatal(err)
	}
	dev, err := tdxtest.TcDevice(tcs)
	if err != nil {
		t.Fatal(err)
	}
	for name, opts := range map[string]tdx.Options{"configfs-tsm": {QuoteProvider: qp}, "device": {Device: dev}} {
		t.Run(name, func(t *testing.T) {
			p, err := tdx.New(opts)
			if err != nil {
				t.Fatal(err)
			}
			if p.TEE() != verifier.TEETDX {
				t.Errorf("TEE %v, want tdx", p.TEE())
			}
			quote, certs, err := p.Attest(context.Background(), tcs[0].Input)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(quote, tcs[0].Quote) || certs != nil {
				t.Errorf("got a %d-byte quote and %d bytes of certs, want the sample's %d-byte quote and none", len(quote), len(certs), len(tcs[0].Quote))
			}
			if tee, err := verifier.DetectTEE(quote); err != nil || tee != verifier.TEETDX {
				t.Errorf("quote detected as %v (%v), want tdx", tee, err)
			}

			// The fakes have no answer for other report_data: an error, never a quote for
			// something else.
			other := tcs[0].Input
			other[0] ^= 1
			if _, _, err := p.Attest(context.Background(), other); err == nil {
				t.Error("attest for unprogrammed report_data succeeded, want an error")
			}
		})
	}
}

// The library's own cases answer report_data 0x00…01 with a sample quote bound to other
// report_data: exactly the device misbehaviour the provider must catch.
func TestAttestRejectsQuoteForOtherReportData(t *testing.T) {
	tcs := tdxtest.TestCases()
	asked := tcs[0].Input
	qp, err := tdxtest.TcQuoteProvider(tcs)
	if err != nil {
		t.Fatal(err)
	}
	p, err := tdx.New(tdx.Options{QuoteProvider: qp})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := p.Attest(context.Background(), asked); err == nil || !strings.Contains(err.Error(), "want the requested") {
		t.Errorf("got %v, want a report_data mismatch", err)
	}
}

func TestNewRejectsTwoSources(t *testing.T) {
	qp, _ := tdxtest.TcQuoteProvider(nil)
	dev, _ := tdxtest.TcDevice(nil)
	if _, err := tdx.New(tdx.Options{QuoteProvider: qp, Device: dev}); err == nil {
		t.Error("New with a QuoteProvider and a Device succeeded, want an error")
	}
}

// An Agent on the real provider code over the library's fake configfs-tsm, whose quote a
// simulated TD signed for exactly the agent's binding, verifies end to end.
func TestAgentEvidenceThroughFakeConfigfsVerifies(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	key, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	registry, nonce, chain := common.HexToAddress("0xaa"), common.HexToHash("0x77"), uint64(10)
	rd := protocol.Binding{ChainID: chain, Registry: registry, Subject: crypto.PubkeyToAddress(key.PublicKey), Nonce: nonce}.ReportData()
	td, err := verifiertesting.NewTDXAttester(verifiertesting.TDXOptions{Seed: []byte("agent tdx"), MRTD: [48]byte{3}})
	if err != nil {
		t.Fatal(err)
	}
	q, err := td.Quote(rd)
	if err != nil {
		t.Fatal(err)
	}
	qp, err := tdxtest.TcQuoteProvider([]tdxtest.TestCase{{Input: rd, Quote: q}})
	if err != nil {
		t.Fatal(err)
	}
	p, err := tdx.New(tdx.Options{QuoteProvider: qp})
	if err != nil {
		t.Fatal(err)
	}
	a, err := agent.New(agent.Options{Provider: p, Key: key})
	if err != nil {
		t.Fatal(err)
	}
	ev, err := a.Evidence(context.Background(), nonce, chain, registry)
	if err != nil {
		t.Fatal(err)
	}
	coll, err := td.Collateral(verifiertesting.TDXCollateralOptions{IssueDate: now.Add(-time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	v, err := verify.New(verify.Options{Now: func() time.Time { return now }, Getter: verifiertesting.Getter(coll), TestRoots: verifiertesting.Roots()})
	if err != nil {
		t.Fatal(err)
	}
	c, err := v.Verify(context.Background(), ev)
	if err != nil {
		t.Fatalf("verify: %v", err)
	}
	if c.Subject != a.Subject() || c.Nonce != nonce || c.ChainID != chain || c.Registry != registry {
		t.Errorf("claims bound to %s %x %d %s, want %s %x %d %s", c.Subject, c.Nonce, c.ChainID, c.Registry, a.Subject(), nonce, chain, registry)
	}
}
