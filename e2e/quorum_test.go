package e2e

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/teeoracle/teeoracle/bindings"
	"github.com/teeoracle/teeoracle/protocol"
	"github.com/teeoracle/teeoracle/relayer/registry"
)

// 2-of-3 over the wire: three relayer processes, each verifying the evidence itself. An
// attestation lands only with two relayers' signatures; a peer whose policy rejects the
// measurement blocks it when it is the only other peer reachable.
func TestTwoOfThreeRelayersOverTheWire(t *testing.T) {
	if testing.Short() {
		t.Skip("starts anvil and real processes")
	}
	c := newQuorumCluster(t, 3, 2, "--cooldown", "0")
	a := c.startAgent("0x" + strings.Repeat("03", 48))
	m := c.allow(a)

	addrs := []string{freePort(t), freePort(t), freePort(t)}
	peersOf := func(i int) string {
		var p []string
		for j, addr := range addrs {
			if j != i {
				p = append(p, "http://"+addr)
			}
		}
		return strings.Join(p, ",")
	}
	// Relayer 1's policy allows another measurement only: it refuses to co-sign this one.
	policy := filepath.Join(t.TempDir(), "policy.json")
	os.WriteFile(policy, []byte(`{"measurements":["`+common.HexToHash("0x01").Hex()+`"]}`), 0o600)
	r0 := c.startRelayerAt(addrs[0], c.relayers[0], t.TempDir(), "--peers", peersOf(0))
	r1 := c.startRelayerAt(addrs[1], c.relayers[1], t.TempDir(), "--peers", peersOf(1), "--policy-file", policy)

	t.Log("relayer 2 down: the only other peer rejects the measurement, so nothing is posted")
	before := c.attestedCount()
	code, out := c.register(r0, a)
	if code != http.StatusUnprocessableEntity || out["reason"] != "quorum" || !strings.Contains(out["error"].(string), "measurement") {
		t.Fatalf("register without a second accepting relayer: %d %v, want 422 quorum naming the measurement", code, out)
	}
	time.Sleep(2 * time.Second)
	if n := c.attestedCount(); n != before {
		t.Fatalf("%d attestations posted without two verifications", n-before)
	}
	_ = r1

	t.Log("relayer 2 up: two independent verifications, the attestation lands")
	c.startRelayerAt(addrs[2], c.relayers[2], t.TempDir(), "--peers", peersOf(2))
	code, out = c.register(r0, a)
	if code != http.StatusAccepted {
		t.Fatalf("register with two accepting relayers: %d %v", code, out)
	}
	waitUntil(t, "the 2-of-3 attestation", 30*time.Second, func() bool { return c.attested(a.subject) })
	if ok, _ := c.reg.IsAttestedFor(context.Background(), a.subject, m); !ok {
		t.Fatal("not attested for its measurement")
	}
	// The posted transaction carries signatures of relayers 0 and 2 over the attestation.
	signers := c.attestationSigners(a.subject)
	want := map[common.Address]bool{crypto.PubkeyToAddress(c.relayers[0].PublicKey): true, crypto.PubkeyToAddress(c.relayers[2].PublicKey): true}
	if len(signers) != 2 || !want[signers[0]] || !want[signers[1]] {
		t.Fatalf("signers %v, want relayers 0 and 2", signers)
	}
}

// attestationSigners recovers who signed the attestation that made subject attested.
func (c *cluster) attestationSigners(subject common.Address) []common.Address {
	c.t.Helper()
	ctx := context.Background()
	logs, err := c.eth.FilterLogs(ctx, ethereumAttested(c.registry, subject))
	if err != nil || len(logs) == 0 {
		c.t.Fatalf("no Attested log: %v", err)
	}
	tx, _, err := c.eth.TransactionByHash(ctx, logs[len(logs)-1].TxHash)
	if err != nil {
		c.t.Fatal(err)
	}
	parsed := registry.ABI().GetABI()
	method, err := parsed.MethodById(tx.Data()[:4])
	if err != nil {
		c.t.Fatal(err)
	}
	args, err := method.Inputs.Unpack(tx.Data()[4:])
	if err != nil {
		c.t.Fatal(err)
	}
	var att bindings.IAttestationRegistryAttestation
	var sigs [][]byte
	if method.Name == "attest" {
		att = *abi.ConvertType(args[0], new(bindings.IAttestationRegistryAttestation)).(*bindings.IAttestationRegistryAttestation)
		sigs = args[1].([][]byte)
	} else {
		atts := *abi.ConvertType(args[0], new([]bindings.IAttestationRegistryAttestation)).(*[]bindings.IAttestationRegistryAttestation)
		sigss := args[1].([][][]byte)
		for i := range atts {
			if atts[i].Subject == subject {
				att, sigs = atts[i], sigss[i]
				break
			}
		}
	}
	d := protocol.Domain{ChainID: c.chainID, Registry: c.registry}
	digest := d.Digest(&protocol.Attestation{Subject: att.Subject, TEEType: protocol.TEEType(att.TeeType), MeasurementHash: att.MeasurementHash,
		TCBStatus: protocol.TCBStatus(att.TcbStatus), IssuedAt: att.IssuedAt, ExpiresAt: att.ExpiresAt, Nonce: att.Nonce,
		QuoteHash: att.QuoteHash, AppData: att.AppData})
	var out []common.Address
	for _, s := range sigs {
		who, err := protocol.Recover(digest, s)
		if err != nil {
			c.t.Fatal(err)
		}
		out = append(out, who)
	}
	return out
}

func ethereumAttested(reg, subject common.Address) ethereum.FilterQuery {
	return ethereum.FilterQuery{Addresses: []common.Address{reg},
		Topics: [][]common.Hash{{registry.ABI().GetABI().Events["Attested"].ID}, {common.BytesToHash(subject.Bytes())}}}
}
