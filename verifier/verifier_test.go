package verifier_test

import (
	"bytes"
	"errors"
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/teeoracle/teeoracle/verifier"
)

// ReportData is cross-checked against go-ethereum's ABI encoder.
func TestReportDataMatchesABIEncode(t *testing.T) {
	registry := common.HexToAddress("0x5FbDB2315678afecb367f032d93F642f64180aa3")
	subject := common.HexToAddress("0x70997970C51812dc3A010C7d01b50e0d17dc79C8")
	nonce := [32]byte{0xde, 0xad}
	app := [32]byte{0xbe, 0xef}
	ty := func(s string) abi.Type { t, _ := abi.NewType(s, "", nil); return t }
	args := abi.Arguments{{Type: ty("bytes32")}, {Type: ty("uint256")}, {Type: ty("address")}, {Type: ty("address")}, {Type: ty("bytes32")}}
	enc, err := args.Pack(crypto.Keccak256Hash([]byte("teeoracle.attestation.v1")), big.NewInt(8453), registry, subject, nonce)
	if err != nil {
		t.Fatal(err)
	}
	got := verifier.ReportData(8453, registry, subject, nonce, app)
	if !bytes.Equal(got[:32], crypto.Keccak256(enc)) || !bytes.Equal(got[32:], app[:]) {
		t.Fatalf("ReportData = %x, want keccak256(abi.encode(...)) = %x || appData", got, crypto.Keccak256(enc))
	}
	b := &verifier.Binding{ChainID: 8453, Registry: registry, Subject: subject, Nonce: nonce, AppData: app}
	if err := verifier.CheckBinding(got, b); err != nil {
		t.Fatal(err)
	}
	b.Subject[0] ^= 1
	if err := verifier.CheckBinding(got, b); !errors.Is(err, verifier.ErrBinding) || !strings.Contains(err.Error(), "subject "+b.Subject.Hex()) {
		t.Fatalf("got %v, want a binding error naming the expected subject", err)
	}
}

func TestEnvelopeRoundTripAndStrictness(t *testing.T) {
	quote := make([]byte, verifier.SNPReportSize)
	quote[0], quote[0x34] = 3, 1
	ev := &verifier.Evidence{TEE: verifier.TEESEVSNP, Quote: quote, Certs: []byte{1, 2}, Binding: &verifier.Binding{ChainID: 1, Nonce: [32]byte{1}}}
	env, err := verifier.EncodeEnvelope(ev)
	if err != nil {
		t.Fatal(err)
	}
	got, err := verifier.DecodeEvidence(env)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Quote, quote) || !bytes.Equal(got.Certs, ev.Certs) || *got.Binding != *ev.Binding {
		t.Fatalf("round trip changed the evidence: %+v", got)
	}
	for name, tc := range map[string]struct {
		mutate string
		want   *verifier.Error
	}{
		"no 0x":          {strings.Replace(string(env), `"nonce":"0x`, `"nonce":"`, 1), verifier.ErrMalformed},
		"short nonce":    {strings.Replace(string(env), `"nonce":"0x01`, `"nonce":"0x`, 1), verifier.ErrMalformed},
		"zero chain":     {strings.Replace(string(env), `"chainId":1`, `"chainId":0`, 1), verifier.ErrMalformed},
		"unknown tee":    {strings.Replace(string(env), `"sev-snp"`, `"sgx"`, 1), verifier.ErrMalformed},
		"trailing data":  {string(env) + `{}`, verifier.ErrMalformed},
		"no subject":     {strings.Replace(string(env), `"subject"`, `"subjectx"`, 1), verifier.ErrMalformed},
		"bare garbage":   {"hello", verifier.ErrMalformed},
		"bare oversized": {strings.Repeat("\x04", verifier.MaxQuoteSize+1), verifier.ErrOversized},
	} {
		if _, err := verifier.DecodeEvidence([]byte(tc.mutate)); !errors.Is(err, tc.want) {
			t.Errorf("%s: got %v, want %s", name, err, tc.want.Reason)
		}
	}
}

func TestLoadPolicyRejectsUnknownFields(t *testing.T) {
	if _, err := verifier.LoadPolicy(strings.NewReader(`{"snp":{"allowDebugg":true}}`)); !errors.Is(err, verifier.ErrPolicy) {
		t.Fatalf("got %v, want a policy error", err)
	}
	p, err := verifier.LoadPolicy(strings.NewReader(`{"snp":{"maxVmpl":1},"tdx":{"minTcbStatus":2}}`))
	if err != nil {
		t.Fatal(err)
	}
	if p.SNP.MaxVMPL != 1 || p.TDX.MinTCBStatus != 2 || p.SNP.AllowDebug || !p.TDX.RequireCollateral || !p.SNP.CheckRevocations {
		t.Fatalf("policy %+v does not keep the secure defaults it did not change", p)
	}
}

func TestTCBStatusMeets(t *testing.T) {
	for _, tc := range []struct {
		s, m verifier.TCBStatus
		want bool
	}{{0, 0, true}, {5, 0, true}, {0, 1, false}, {1, 1, true}, {2, 1, false}, {2, 2, true}, {6, 5, false}} {
		if got := tc.s.Meets(tc.m); got != tc.want {
			t.Errorf("%d meets %d = %v, want %v", tc.s, tc.m, got, tc.want)
		}
	}
}

func FuzzDecodeEvidence(f *testing.F) {
	quote := make([]byte, verifier.SNPReportSize)
	quote[0], quote[0x34] = 3, 1
	env, _ := verifier.EncodeEnvelope(&verifier.Evidence{TEE: verifier.TEESEVSNP, Quote: quote, Binding: &verifier.Binding{ChainID: 1}})
	f.Add(env)
	f.Add([]byte(`{"version":1,"tee":"tdx","quote":"0x0400020081"}`))
	f.Add(quote)
	f.Fuzz(func(t *testing.T, b []byte) {
		ev, err := verifier.DecodeEvidence(b)
		if err != nil {
			var ve *verifier.Error
			if !errors.As(err, &ve) {
				t.Fatalf("error %v is not a *verifier.Error", err)
			}
			return
		}
		if len(ev.Quote) > verifier.MaxQuoteSize || len(ev.Certs) > verifier.MaxCertsSize {
			t.Fatalf("decoded past the size limits: %d %d", len(ev.Quote), len(ev.Certs))
		}
	})
}
