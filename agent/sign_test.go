package agent_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/teeoracle/teeoracle/agent"
	"github.com/teeoracle/teeoracle/agent/simulated"
	"github.com/teeoracle/teeoracle/protocol"
)

func TestSignHandlerSignsWithTheSubjectKey(t *testing.T) {
	p, err := simulated.New(simulated.Options{Insecure: true})
	if err != nil {
		t.Fatal(err)
	}
	a, err := agent.New(agent.Options{Provider: p})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(a.SignHandler())
	defer srv.Close()
	digest := crypto.Keccak256Hash([]byte("batch 7"))
	resp, err := http.Post(srv.URL+"/v1/sign", "application/json", bytes.NewReader([]byte(`{"digest":"`+digest.Hex()+`"}`)))
	if err != nil {
		t.Fatal(err)
	}
	var out struct {
		Signature hexutil.Bytes
		Subject   common.Address
	}
	json.NewDecoder(resp.Body).Decode(&out)
	resp.Body.Close()
	if resp.StatusCode != 200 || out.Subject != a.Subject() {
		t.Fatalf("sign: %d %+v", resp.StatusCode, out)
	}
	if who, err := protocol.Recover(digest, out.Signature); err != nil || who != a.Subject() {
		t.Fatalf("signature recovers to %s (%v), want the subject %s", who.Hex(), err, a.Subject().Hex())
	}
	for _, bad := range []string{`{"digest":"0x1234"}`, `{"digest":"` + digest.Hex() + `","x":1}`, `not json`} {
		resp, err := http.Post(srv.URL+"/v1/sign", "application/json", bytes.NewReader([]byte(bad)))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusBadRequest {
			t.Errorf("body %s: %d, want 400", bad, resp.StatusCode)
		}
	}
	if resp, _ := http.Get(srv.URL + "/v1/sign"); resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("GET /v1/sign: %d, want 405", resp.StatusCode)
	}
	// The evidence handler does not sign.
	ev := httptest.NewServer(a.Handler())
	defer ev.Close()
	if resp, _ := http.Post(ev.URL+"/v1/sign", "application/json", bytes.NewReader([]byte(`{"digest":"`+digest.Hex()+`"}`))); resp.StatusCode == 200 {
		t.Fatal("the network-facing handler signs")
	}
}
