package registry_test

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient/simulated"

	"github.com/teeoracle/teeoracle/protocol"
	"github.com/teeoracle/teeoracle/relayer/registry"
)

type chain struct {
	sim     *simulated.Backend
	admin   *bind.TransactOpts
	relayer *ecdsa.PrivateKey
	reg     *registry.Client
	domain  protocol.Domain
}

func newChain(t *testing.T) *chain {
	t.Helper()
	adminKey, _ := crypto.GenerateKey()
	relayerKey, _ := crypto.GenerateKey()
	adminAddr := crypto.PubkeyToAddress(adminKey.PublicKey)
	sim := simulated.NewBackend(types.GenesisAlloc{adminAddr: {Balance: new(big.Int).Lsh(big.NewInt(1), 100)}})
	t.Cleanup(func() { sim.Close() })
	client := sim.Client()
	chainID, err := client.ChainID(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	admin := bind.NewKeyedTransactor(adminKey, chainID)
	addr, _, err := registry.Deploy(admin, client, registry.DeployParams{
		Admin: adminAddr, Relayers: []common.Address{crypto.PubkeyToAddress(relayerKey.PublicKey)},
		Threshold: 1, Limits: registry.DefaultLimits,
	})
	if err != nil {
		t.Fatal(err)
	}
	sim.Commit()
	c := &chain{sim: sim, admin: admin, relayer: relayerKey, reg: registry.New(client, addr)}
	if c.domain, err = c.reg.Domain(context.Background()); err != nil {
		t.Fatal(err)
	}
	return c
}

// mine returns a function that commits the block holding tx and fails the test unless it
// succeeded; call as c.mine(t)(c.reg.Something(...)).
func (c *chain) mine(t *testing.T) func(*types.Transaction, error) *types.Receipt {
	return func(tx *types.Transaction, err error) *types.Receipt {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		c.sim.Commit()
		rcpt, err := c.reg.Wait(context.Background(), tx)
		if err != nil {
			t.Fatal(err)
		}
		return rcpt
	}
}

func (c *chain) now(t *testing.T) uint64 {
	h, err := c.sim.Client().HeaderByNumber(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return h.Time
}

func (c *chain) attestation(t *testing.T, m common.Hash) *protocol.Attestation {
	now := c.now(t)
	return &protocol.Attestation{
		Subject: common.HexToAddress("0x5eb7ec7"), TEEType: protocol.TEETDX, MeasurementHash: m,
		TCBStatus: protocol.TCBUpToDate, IssuedAt: now, ExpiresAt: now + 3600,
		Nonce: common.HexToHash("0x6e6f6e6365"), QuoteHash: common.HexToHash("0x71756f7465"),
	}
}

func TestGoDigestAndSignatureAreWhatTheContractAccepts(t *testing.T) {
	c := newChain(t)
	ctx := context.Background()
	m := common.HexToHash("0x1234")
	c.mine(t)(c.reg.AllowMeasurement(c.admin, m, protocol.TEETDX))
	a := c.attestation(t, m)
	a.AppData = common.HexToHash("0xa99")

	onChain, err := c.reg.HashAttestation(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	if got := c.domain.Digest(a); got != onChain {
		t.Fatalf("Go digest %s, contract digest %s", got.Hex(), onChain.Hex())
	}
	sig, err := protocol.Sign(c.relayer, c.domain.Digest(a))
	if err != nil {
		t.Fatal(err)
	}
	if signer, err := protocol.Recover(c.domain.Digest(a), sig); err != nil || signer != crypto.PubkeyToAddress(c.relayer.PublicKey) {
		t.Fatalf("Recover = %s, %v; want the relayer", signer.Hex(), err)
	}
	if ok, _ := c.reg.IsAttested(ctx, a.Subject); ok {
		t.Fatal("isAttested true before any attestation")
	}
	c.mine(t)(c.reg.Attest(c.admin, a, [][]byte{sig}))
	if ok, err := c.reg.IsAttested(ctx, a.Subject); err != nil || !ok {
		t.Fatalf("isAttested = %v, %v after a valid attestation", ok, err)
	}
	if ok, err := c.reg.IsAttestedFor(ctx, a.Subject, m); err != nil || !ok {
		t.Fatalf("isAttestedFor = %v, %v", ok, err)
	}
	rec, err := c.reg.AttestationOf(ctx, a.Subject)
	if err != nil {
		t.Fatal(err)
	}
	if rec.MeasurementHash != m || rec.IssuedAt != a.IssuedAt || rec.ExpiresAt != a.ExpiresAt ||
		rec.TeeType != uint8(protocol.TEETDX) || rec.TcbStatus != uint8(protocol.TCBUpToDate) {
		t.Fatalf("attestationOf = %+v, want the posted attestation", rec)
	}
}

// Each case signs a digest that differs from what the contract computes in one input; the
// contract must recover someone else and name them as an unauthorized signer.
func TestContractRejectsSignaturesOverAnythingElse(t *testing.T) {
	c := newChain(t)
	m := common.HexToHash("0x1234")
	c.mine(t)(c.reg.AllowMeasurement(c.admin, m, protocol.TEETDX))

	cases := []struct {
		name   string
		domain func(protocol.Domain) protocol.Domain
		change func(*protocol.Attestation)
	}{
		{"chain id", func(d protocol.Domain) protocol.Domain { d.ChainID++; return d }, nil},
		{"registry", func(d protocol.Domain) protocol.Domain { d.Registry[0] ^= 1; return d }, nil},
		{"subject", nil, func(a *protocol.Attestation) { a.Subject[19] ^= 1 }},
		{"nonce", nil, func(a *protocol.Attestation) { a.Nonce[0] ^= 1 }},
		{"measurement", nil, func(a *protocol.Attestation) { a.MeasurementHash[31] ^= 1 }},
		{"tcb status", nil, func(a *protocol.Attestation) { a.TCBStatus = protocol.TCBOutOfDate }},
		{"expiry", nil, func(a *protocol.Attestation) { a.ExpiresAt++ }},
		{"quote hash", nil, func(a *protocol.Attestation) { a.QuoteHash[0] ^= 1 }},
		{"app data", nil, func(a *protocol.Attestation) { a.AppData[0] ^= 1 }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			posted := c.attestation(t, m)
			signed := *posted
			d := c.domain
			if tc.domain != nil {
				d = tc.domain(d)
			}
			if tc.change != nil {
				tc.change(&signed)
			}
			sig, err := protocol.Sign(c.relayer, d.Digest(&signed))
			if err != nil {
				t.Fatal(err)
			}
			_, err = c.reg.Attest(c.admin, posted, [][]byte{sig})
			var re *registry.RevertError
			if !errors.As(err, &re) || re.Name != "UnauthorizedSigner" {
				t.Fatalf("attest with a signature over another %s: err = %v, want UnauthorizedSigner", tc.name, err)
			}
		})
	}
}

func TestRevertsAreDecodedWithArguments(t *testing.T) {
	c := newChain(t)
	a := c.attestation(t, common.HexToHash("0xdead"))
	sig, _ := protocol.Sign(c.relayer, c.domain.Digest(a))
	_, err := c.reg.Attest(c.admin, a, [][]byte{sig})
	var re *registry.RevertError
	if !errors.As(err, &re) {
		t.Fatalf("err = %v, want a decoded revert", err)
	}
	want := "MeasurementNotAllowed(measurementHash=" + common.HexToHash("0xdead").Hex() + ")"
	if re.Reason() != want {
		t.Fatalf("reason = %q, want %q", re.Reason(), want)
	}
}

func TestBatchReportsPerItemFailures(t *testing.T) {
	c := newChain(t)
	ctx := context.Background()
	m := common.HexToHash("0x1234")
	c.mine(t)(c.reg.AllowMeasurement(c.admin, m, protocol.TEETDX))
	good := c.attestation(t, m)
	bad := c.attestation(t, common.HexToHash("0xbad"))
	bad.Subject = common.HexToAddress("0xb0b")
	sigGood, _ := protocol.Sign(c.relayer, c.domain.Digest(good))
	sigBad, _ := protocol.Sign(c.relayer, c.domain.Digest(bad))
	rcpt := c.mine(t)(c.reg.AttestBatch(c.admin, []*protocol.Attestation{good, bad}, [][][]byte{{sigGood}, {sigBad}}))
	var rejected []string
	for _, l := range rcpt.Logs {
		if ev, err := registry.ABI().UnpackAttestationRejectedEvent(l); err == nil {
			rejected = append(rejected, registry.ErrorName(ev.Reason))
		}
	}
	if len(rejected) != 1 || rejected[0] != "MeasurementNotAllowed" {
		t.Fatalf("rejected = %v, want [MeasurementNotAllowed]", rejected)
	}
	if ok, _ := c.reg.IsAttested(ctx, good.Subject); !ok {
		t.Fatal("good item of the batch did not land")
	}
	if ok, _ := c.reg.IsAttested(ctx, bad.Subject); ok {
		t.Fatal("bad item of the batch landed")
	}
}

func TestExpiryEndsAttestation(t *testing.T) {
	c := newChain(t)
	ctx := context.Background()
	m := common.HexToHash("0x1234")
	c.mine(t)(c.reg.AllowMeasurement(c.admin, m, protocol.TEETDX))
	a := c.attestation(t, m)
	a.ExpiresAt = a.IssuedAt + 60
	sig, _ := protocol.Sign(c.relayer, c.domain.Digest(a))
	c.mine(t)(c.reg.Attest(c.admin, a, [][]byte{sig}))
	if ok, _ := c.reg.IsAttested(ctx, a.Subject); !ok {
		t.Fatal("not attested right after attest")
	}
	if err := c.sim.AdjustTime(61 * time.Second); err != nil {
		t.Fatal(err)
	}
	c.sim.Commit()
	if ok, _ := c.reg.IsAttested(ctx, a.Subject); ok {
		t.Fatal("still attested after expiresAt")
	}
}
