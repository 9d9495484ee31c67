package main

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/teeoracle/teeoracle/cmd/internal/devchain"
	"github.com/teeoracle/teeoracle/protocol"
	"github.com/teeoracle/teeoracle/relayer/registry"
)

// gasFigures are what `bench gas` measures: transaction gas from receipts (21k base
// included), and execution gas of the view.
type gasFigures struct {
	AttestFirst          uint64 `json:"attestFirst"`
	AttestRefresh        uint64 `json:"attestRefresh"`
	AttestBatch32PerItem uint64 `json:"attestBatch32PerItem"`
	IsAttested           uint64 `json:"isAttested"`
	// Extras.
	IsAttestedFor        uint64 `json:"isAttestedFor"`
	AttestFulfilRequest  uint64 `json:"attestFulfilRequest"`
	RequestReattestation uint64 `json:"requestReattestation"`
	AttestFirst2of3      uint64 `json:"attestFirst2of3"`
	AttestBatch32First   uint64 `json:"attestBatch32FirstPerItem"`
}

var gasGoals = []struct {
	name string
	get  func(*gasFigures) uint64
	goal uint64
	unit string
}{
	{"attestFirst", func(g *gasFigures) uint64 { return g.AttestFirst }, 65_000, "tx gas"},
	{"attestRefresh", func(g *gasFigures) uint64 { return g.AttestRefresh }, 45_000, "tx gas"},
	{"attestBatch32PerItem", func(g *gasFigures) uint64 { return g.AttestBatch32PerItem }, 18_000, "tx gas / item"},
	{"isAttested", func(g *gasFigures) uint64 { return g.IsAttested }, 8_000, "execution gas, cold"},
	{"isAttestedFor", func(g *gasFigures) uint64 { return g.IsAttestedFor }, 0, "execution gas, cold"},
	{"attestFulfilRequest", func(g *gasFigures) uint64 { return g.AttestFulfilRequest }, 0, "tx gas"},
	{"requestReattestation", func(g *gasFigures) uint64 { return g.RequestReattestation }, 0, "tx gas"},
	{"attestFirst2of3", func(g *gasFigures) uint64 { return g.AttestFirst2of3 }, 0, "tx gas"},
	{"attestBatch32FirstPerItem", func(g *gasFigures) uint64 { return g.AttestBatch32First }, 0, "tx gas / item"},
}

func runBenchGas(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bench gas", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print one JSON object")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	g, err := measureGas(ctx)
	if err != nil {
		fmt.Fprintln(stderr, "bench gas:", err)
		return 1
	}
	over := 0
	for _, row := range gasGoals {
		if row.goal != 0 && row.get(g) > row.goal {
			over++
		}
	}
	defer func() {
		if over > 0 {
			fmt.Fprintf(stderr, "bench gas: %d figure(s) over their goal\n", over)
		}
	}()
	if *asJSON {
		if code := printJSON(stdout, stderr, g); code != 0 {
			return code
		}
		return min(over, 1)
	}
	fmt.Fprintln(stdout, "AttestationRegistry gas on the simulated backend (threshold 1 unless noted):")
	for _, row := range gasGoals {
		goal := "-"
		if row.goal != 0 {
			verdict := "ok"
			if row.get(g) > row.goal {
				verdict = "OVER"
			}
			goal = fmt.Sprintf("<= %d %s", row.goal, verdict)
		}
		fmt.Fprintf(stdout, "  %-26s %8d  %-20s %s\n", row.name, row.get(g), row.unit, goal)
	}
	return min(over, 1)
}

func printJSON(stdout, stderr io.Writer, v any) int {
	enc := json.NewEncoder(stdout)
	if err := enc.Encode(v); err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	return 0
}

// gasBench is one registry on a fresh simulated chain. Account 0 is the governor and sender;
// accounts 1..3 are relayers.
type gasBench struct {
	ch       *devchain.Chain
	reg      *registry.Client
	domain   protocol.Domain
	relayers []*ecdsa.PrivateKey
	m        common.Hash
	seq      uint64
}

func newGasBench(ctx context.Context, threshold uint8) (*gasBench, error) {
	ch := devchain.New(4, "teeoracle bench gas")
	b := &gasBench{ch: ch, relayers: ch.Keys[1:4], m: protocol.TDXMeasurementHash(protocol.TDXRegisters{MRTD: [48]byte{1}})}
	addr, tx, err := registry.Deploy(ch.Opts(0), ch.Client, registry.DeployParams{
		Admin: ch.Address(0), Relayers: []common.Address{ch.Address(1), ch.Address(2), ch.Address(3)},
		Threshold: threshold, Limits: registry.DefaultLimits,
	})
	if err != nil {
		return nil, err
	}
	if _, err := b.mine(tx, nil); err != nil {
		return nil, err
	}
	b.reg = registry.New(ch.Client, addr)
	if b.domain, err = b.reg.Domain(ctx); err != nil {
		return nil, err
	}
	if _, err := b.mine(b.reg.AllowMeasurement(ch.Opts(0), b.m, protocol.TEETDX)); err != nil {
		return nil, err
	}
	return b, nil
}

func (b *gasBench) mine(tx *types.Transaction, err error) (*types.Receipt, error) {
	rcpt, err := b.ch.Mine(tx, err)
	if err != nil {
		return nil, err
	}
	if rcpt.Status != types.ReceiptStatusSuccessful {
		return nil, fmt.Errorf("transaction %s reverted", tx.Hash().Hex())
	}
	return rcpt, nil
}

func (b *gasBench) subject(i int) common.Address {
	return common.BytesToAddress(crypto.Keccak256([]byte(fmt.Sprintf("subject %d", i))))
}

// attestation returns a realistic attestation: random-looking nonce and quote hash, no app data.
func (b *gasBench) attestation(ctx context.Context, subject common.Address, nonce common.Hash) (*protocol.Attestation, error) {
	now, err := b.ch.Now(ctx)
	if err != nil {
		return nil, err
	}
	b.seq++
	if nonce == (common.Hash{}) {
		nonce = crypto.Keccak256Hash([]byte(fmt.Sprintf("nonce %d", b.seq)))
	}
	return &protocol.Attestation{
		Subject: subject, TEEType: protocol.TEETDX, MeasurementHash: b.m, TCBStatus: protocol.TCBUpToDate,
		IssuedAt: now, ExpiresAt: now + 3600, Nonce: nonce,
		QuoteHash: crypto.Keccak256Hash([]byte(fmt.Sprintf("quote %d", b.seq))),
	}, nil
}

func (b *gasBench) sign(a *protocol.Attestation, k int) ([][]byte, error) {
	sigs := make([][]byte, k)
	for i := range sigs {
		s, err := protocol.Sign(b.relayers[i], b.domain.Digest(a))
		if err != nil {
			return nil, err
		}
		sigs[i] = s
	}
	return sigs, nil
}

func (b *gasBench) attest(ctx context.Context, subject common.Address, nonce common.Hash, k int) (uint64, error) {
	a, err := b.attestation(ctx, subject, nonce)
	if err != nil {
		return 0, err
	}
	sigs, err := b.sign(a, k)
	if err != nil {
		return 0, err
	}
	rcpt, err := b.mine(b.reg.Attest(b.ch.Opts(0), a, sigs))
	if err != nil {
		return 0, fmt.Errorf("attest: %w", err)
	}
	return rcpt.GasUsed, nil
}

func (b *gasBench) batch(ctx context.Context, from, n int) (uint64, error) {
	as := make([]*protocol.Attestation, n)
	sigs := make([][][]byte, n)
	for i := range as {
		a, err := b.attestation(ctx, b.subject(from+i), common.Hash{})
		if err != nil {
			return 0, err
		}
		if sigs[i], err = b.sign(a, 1); err != nil {
			return 0, err
		}
		as[i] = a
	}
	rcpt, err := b.mine(b.reg.AttestBatch(b.ch.Opts(0), as, sigs))
	if err != nil {
		return 0, fmt.Errorf("attestBatch: %w", err)
	}
	for _, l := range rcpt.Logs {
		if ev, err := registry.ABI().UnpackAttestationRejectedEvent(l); err == nil {
			return 0, fmt.Errorf("attestBatch rejected item %d: %s", ev.Index, registry.ErrorName(ev.Reason))
		}
	}
	return rcpt.GasUsed, nil
}

// viewGas is the execution gas of one call of a view in its own transaction, so every slot it
// reads is cold: estimated gas minus the transaction's intrinsic gas.
func (b *gasBench) viewGas(ctx context.Context, data []byte) (uint64, error) {
	to := b.reg.Address
	est, err := b.ch.Client.EstimateGas(ctx, ethereum.CallMsg{From: b.ch.Address(0), To: &to, Data: data})
	if err != nil {
		return 0, err
	}
	head, err := b.ch.Client.HeaderByNumber(ctx, nil)
	if err != nil {
		return 0, err
	}
	rules := b.ch.Config().Rules(head.Number, true, head.Time)
	intrinsic, err := core.IntrinsicGas(data, nil, nil, b.ch.Address(0), &to, nil, rules)
	if err != nil {
		return 0, err
	}
	// EIP-7623: a call never costs less than its calldata floor.
	if floor, err := core.FloorDataGas(rules, b.ch.Address(0), &to, nil, data, nil); err == nil && floor > intrinsic {
		intrinsic = floor
	}
	return est - intrinsic, nil
}

func measureGas(ctx context.Context) (*gasFigures, error) {
	var g gasFigures
	b, err := newGasBench(ctx, 1)
	if err != nil {
		return nil, err
	}
	defer b.ch.Close()
	tick := func() error { return b.ch.Advance(time.Second) }

	if g.AttestFirst, err = b.attest(ctx, b.subject(0), common.Hash{}, 1); err != nil {
		return nil, err
	}
	if err := tick(); err != nil {
		return nil, err
	}
	if g.AttestRefresh, err = b.attest(ctx, b.subject(0), common.Hash{}, 1); err != nil {
		return nil, err
	}
	if g.IsAttested, err = b.viewGas(ctx, registry.ABI().PackIsAttested(b.subject(0))); err != nil {
		return nil, err
	}
	if g.IsAttestedFor, err = b.viewGas(ctx, registry.ABI().PackIsAttestedFor(b.subject(0), b.m)); err != nil {
		return nil, err
	}
	if ok, err := b.reg.IsAttested(ctx, b.subject(0)); err != nil || !ok {
		return nil, errors.New("bench subject is not attested after its attestations")
	}

	// Re-attestation request and its fulfilment.
	rcpt, err := b.mine(b.reg.RequestReattestation(b.ch.Opts(0), b.subject(0)))
	if err != nil {
		return nil, fmt.Errorf("requestReattestation: %w", err)
	}
	g.RequestReattestation = rcpt.GasUsed
	var nonce common.Hash
	for _, l := range rcpt.Logs {
		if ev, err := registry.ABI().UnpackReattestationRequestedEvent(l); err == nil {
			nonce = ev.Nonce
		}
	}
	if err := tick(); err != nil {
		return nil, err
	}
	if g.AttestFulfilRequest, err = b.attest(ctx, b.subject(0), nonce, 1); err != nil {
		return nil, err
	}

	// 32 subjects attested in one batch, then refreshed in another.
	first, err := b.batch(ctx, 100, 32)
	if err != nil {
		return nil, err
	}
	g.AttestBatch32First = first / 32
	if err := tick(); err != nil {
		return nil, err
	}
	refresh, err := b.batch(ctx, 100, 32)
	if err != nil {
		return nil, err
	}
	g.AttestBatch32PerItem = refresh / 32

	// 2-of-3 on its own registry.
	b2, err := newGasBench(ctx, 2)
	if err != nil {
		return nil, err
	}
	defer b2.ch.Close()
	if g.AttestFirst2of3, err = b2.attest(ctx, b2.subject(0), common.Hash{}, 2); err != nil {
		return nil, err
	}
	return &g, nil
}
