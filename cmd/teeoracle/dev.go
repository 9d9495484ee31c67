package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/teeoracle/teeoracle/agent"
	"github.com/teeoracle/teeoracle/agent/simulated"
	"github.com/teeoracle/teeoracle/cmd/internal/devchain"
	"github.com/teeoracle/teeoracle/protocol"
	"github.com/teeoracle/teeoracle/relayer"
	"github.com/teeoracle/teeoracle/relayer/api"
	"github.com/teeoracle/teeoracle/relayer/config"
	"github.com/teeoracle/teeoracle/relayer/registry"
	"github.com/teeoracle/teeoracle/relayer/signer"
	"github.com/teeoracle/teeoracle/relayer/store"
	"github.com/teeoracle/teeoracle/verifier"
	verifiertesting "github.com/teeoracle/teeoracle/verifier/testing"
	"github.com/teeoracle/teeoracle/verifier/verify"
)

// devSummary is what `teeoracle dev --json` prints when it ends.
type devSummary struct {
	Subjects          int    `json:"subjects"`
	RequestsServed    uint64 `json:"requestsServed"`
	RequestsMissed    uint64 `json:"requestsMissed"`
	Rejected          uint64 `json:"rejected"`
	GasPerAttestation uint64 `json:"gasPerAttestation"`
	Attestations      uint64 `json:"attestations"`
	Blocks            uint64 `json:"blocks"`
	RPCURL            string `json:"rpcUrl"`
	Registry          string `json:"registry"`
}

// devAgent is one simulated workload: an in-process agent served over HTTP.
type devAgent struct {
	name        string
	a           *agent.Agent
	url         string
	srv         *http.Server
	measurement common.Hash
	down        bool // fault injection: the agent is unreachable
}

// dev is the state of one `teeoracle dev` run.
type dev struct {
	out    io.Writer
	log    *slog.Logger
	ch     *devchain.Chain
	reg    *registry.Client
	svc    *relayer.Service
	apiURL string
	client *api.Client
	agents []*devAgent
	events []string // recent events for the live view
	mu     sync.Mutex
	blocks uint64
	rpcURL string
	live   bool
	quiet  bool // --json: only the summary goes to stdout
}

// runDev is `teeoracle dev`: the whole loop on an embedded chain with simulated TEEs.
func runDev(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("dev", flag.ContinueOnError)
	fs.SetOutput(stderr)
	rpcAddr := fs.String("rpc", "127.0.0.1:8545", "serve the chain's JSON-RPC here (port 0: any free port)")
	apiAddr := fs.String("api", "127.0.0.1:8080", "serve the relayer API and /metrics here (port 0: any free port)")
	agents := fs.Int("agents", 4, "simulated agents, alternating SEV-SNP and TDX")
	blockTime := fs.Duration("block-time", time.Second, "time between blocks")
	every := fs.Int("request-every", 4, "blocks between re-attestation requests")
	duration := fs.Duration("duration", 0, "stop after this long (0: until Ctrl-C)")
	asJSON := fs.Bool("json", false, "print one JSON summary object at the end instead of the live view")
	faults := fs.Bool("faults", true, "inject faults now and then: a bad quote, a revoked measurement, an agent outage")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *agents < 1 || *agents > 64 || *every < 1 || *blockTime < 10*time.Millisecond {
		fmt.Fprintln(stderr, "teeoracle dev: want 1..64 agents, --request-every >= 1 and --block-time >= 10ms")
		return 2
	}
	if *duration > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, *duration)
		defer cancel()
	}
	st, _ := os.Stdout.Stat()
	d := &dev{out: stdout, quiet: *asJSON, live: !*asJSON && st != nil && st.Mode()&os.ModeCharDevice != 0,
		log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	if !d.live && !*asJSON {
		// dev's own event lines say what happens; the relayer only adds its errors.
		d.log = slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelError}))
	}
	sum, err := d.run(ctx, *rpcAddr, *apiAddr, *agents, *blockTime, *every, *faults, *asJSON)
	if err != nil {
		fmt.Fprintln(stderr, "teeoracle dev:", err)
		return 1
	}
	if *asJSON {
		return printJSON(stdout, stderr, sum)
	}
	fmt.Fprintf(stdout, "\nstopped: %d subjects attested, %d requests served, %d missed, %d rejected, %d gas per attestation\n",
		sum.Subjects, sum.RequestsServed, sum.RequestsMissed, sum.Rejected, sum.GasPerAttestation)
	return 0
}

// Dev keys: account 0 governs the registry, account 1 is the relayer. They are derived from
// a public seed, so never fund them anywhere real.
const (
	devGovernor = 0
	devRelayer  = 1
	devUser     = 2 // printed in the banner, for the user's own transactions
)

func (d *dev) run(ctx context.Context, rpcAddr, apiAddr string, nAgents int, blockTime time.Duration, every int, faults, quiet bool) (*devSummary, error) {
	// The chain, with its JSON-RPC on loopback.
	rpcLn, err := net.Listen("tcp", rpcAddr) // find a free port when asked for 0
	if err != nil {
		return nil, fmt.Errorf("JSON-RPC address %s: %w", rpcAddr, err)
	}
	rpcAddr = rpcLn.Addr().String()
	rpcLn.Close()
	d.ch = devchain.NewWithRPC(3, "teeoracle dev", rpcAddr)
	defer d.ch.Close()
	d.rpcURL = "http://" + rpcAddr

	gov := d.ch.Opts(devGovernor)
	addr, tx, err := registry.Deploy(gov, d.ch.Client, registry.DeployParams{Admin: d.ch.Address(devGovernor),
		Relayers: []common.Address{d.ch.Address(devRelayer)}, Threshold: 1,
		Limits: registry.Limits{MaxAttestationAge: 300, MaxValidity: 3600, ResponseWindow: uint32(max(8*blockTime/time.Second, 10)), Cooldown: 0}})
	if err != nil {
		return nil, err
	}
	if _, err := d.ch.Mine(tx, nil); err != nil {
		return nil, err
	}
	d.reg = registry.New(d.ch.Client, addr)

	// Simulated agents; their measurements go on the allowlist.
	tdxPlatform, err := verifiertesting.NewTDXAttester(verifiertesting.TDXOptions{})
	if err != nil {
		return nil, err
	}
	coll, err := tdxPlatform.Collateral(verifiertesting.TDXCollateralOptions{})
	if err != nil {
		return nil, err
	}
	for i := 0; i < nAgents; i++ {
		a, err := d.startAgent(ctx, i)
		if err != nil {
			return nil, err
		}
		d.agents = append(d.agents, a)
		if m, _ := d.reg.MeasurementOf(ctx, a.measurement); !m.Allowed {
			if _, err := d.ch.Mine(d.reg.AllowMeasurement(gov, a.measurement, protocol.TEEType(a.a.TEE()))); err != nil {
				return nil, err
			}
		}
	}
	defer func() {
		for _, a := range d.agents {
			a.srv.Close()
		}
	}()

	// Blocks every blockTime.
	runCtx, stopRun := context.WithCancel(ctx)
	defer stopRun()
	var mining sync.WaitGroup
	mining.Add(1)
	go func() {
		defer mining.Done()
		t := time.NewTicker(blockTime)
		defer t.Stop()
		for {
			select {
			case <-runCtx.Done():
				return
			case <-t.C:
				d.ch.Sim.Commit()
				d.mu.Lock()
				d.blocks++
				d.mu.Unlock()
			}
		}
	}()
	defer func() { stopRun(); mining.Wait() }() // stop mining on every return, errors included

	// The relayer, in process, with its API on loopback.
	cfg := config.Default()
	cfg.ChainID, cfg.RPCURL, cfg.Registry = d.ch.ChainID.Uint64(), d.rpcURL, addr.Hex()
	cfg.PollInterval, cfg.BatchWait, cfg.Confirmations = blockTime/4, blockTime/4, 8
	cfg.Validity, cfg.RefreshSchedule, cfg.ResubmitAfter = 10*time.Minute, "@every 10s", 4*blockTime
	st, err := store.OpenMemory()
	if err != nil {
		return nil, err
	}
	defer st.Close()
	relayerKey := signer.NewLocalKey(d.ch.Keys[devRelayer])
	d.svc, err = relayer.New(ctx, relayer.Options{Config: cfg, Backend: d.ch.Client, Store: st, Attester: relayerKey,
		SenderAddress: relayerKey.Address(), SenderSign: signer.SignerFn(relayerKey, d.ch.ChainID),
		Verifier:       verify.Options{Getter: verifiertesting.Getter(coll), TestRoots: verifiertesting.Roots(), Policy: devPolicy()},
		AllowTestRoots: true, Logger: d.log})
	if err != nil {
		return nil, err
	}
	if err := d.svc.Start(runCtx); err != nil {
		return nil, err
	}
	defer func() {
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = d.svc.Stop(sctx)
	}()
	apiLn, err := net.Listen("tcp", apiAddr)
	if err != nil {
		return nil, fmt.Errorf("API address %s: %w", apiAddr, err)
	}
	apiSrv := &http.Server{Handler: api.Handler(d.svc, api.Options{Logger: d.log}), ReadHeaderTimeout: 5 * time.Second}
	go apiSrv.Serve(apiLn)
	defer apiSrv.Close()
	d.apiURL = "http://" + apiLn.Addr().String()
	d.client = api.NewClient(d.apiURL)

	if !quiet {
		fmt.Fprintf(d.out, "teeoracle dev: an in-process chain with the registry, %d simulated agents and a relayer (TEST ROOTS, not for production)\n", nAgents)
		fmt.Fprintf(d.out, "  JSON-RPC   %s (chain id %d)\n  registry   %s\n  relayer    %s  (/v1/…, /metrics, /readyz)\n",
			d.rpcURL, d.ch.ChainID, addr.Hex(), d.apiURL)
		fmt.Fprintf(d.out, "  funded key %s (public test key: use it here only)\n", hexutil.Encode(crypto.FromECDSA(d.ch.Keys[devUser])))
		fmt.Fprintf(d.out, "  try        cast call %s 'isAttested(address)(bool)' %s --rpc-url %s\n", addr.Hex(), d.agents[0].a.Subject().Hex(), d.rpcURL)
		fmt.Fprintf(d.out, "  example    go run ./examples/sequencer --insecure-simulated --rpc %s --relayer %s --registry %s --private-key <funded key>\n\n",
			d.rpcURL, d.apiURL, addr.Hex())
	}

	// Register every agent through the relayer's API, as a workload would.
	for _, a := range d.agents {
		if err := d.register(ctx, a); err != nil {
			d.event("register %s: %v", a.name, err)
		}
	}

	// The show: a request every few blocks, faults now and then, the view every second.
	view := time.NewTicker(time.Second)
	defer view.Stop()
	var lastRequestBlock uint64
	cycle := 0
	for {
		select {
		case <-ctx.Done():
			return d.summary(ctx, addr), nil
		case <-view.C:
		}
		d.mu.Lock()
		blocks := d.blocks
		d.mu.Unlock()
		if blocks >= lastRequestBlock+uint64(every) {
			lastRequestBlock = blocks
			cycle++
			d.request(ctx, d.agents[cycle%len(d.agents)])
			if faults {
				d.fault(ctx, cycle)
			}
		}
		if d.live {
			d.render(ctx)
		}
	}
}

// devPolicy is the default policy with the simulated chips' TCB as the SEV-SNP minimum, so
// SEV-SNP subjects get an evaluated TCB status (UpToDate) as TDX ones do from collateral.
func devPolicy() *verifier.Policy {
	p := verifier.DefaultPolicy()
	t := verifiertesting.DefaultSNPTCB
	p.SNP.MinTCB = &verifier.SNPTCB{Bootloader: t.BlSpl, TEE: t.TeeSpl, SNP: t.SnpSpl, Microcode: t.UcodeSpl}
	return &p
}

func (d *dev) startAgent(ctx context.Context, i int) (*devAgent, error) {
	tee := verifier.TEESEVSNP
	if i%2 == 1 {
		tee = verifier.TEETDX
	}
	var m [48]byte
	copy(m[:], fmt.Sprintf("teeoracle dev image %d", i%2))
	p, err := simulated.New(simulated.Options{Insecure: true, TEE: tee, Measurement: m, Seed: []byte(fmt.Sprintf("dev agent %d", i))})
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	url := "http://" + ln.Addr().String()
	a, err := agent.New(agent.Options{Provider: p, PublicURL: url})
	if err != nil {
		ln.Close()
		return nil, err
	}
	ev, err := a.Evidence(ctx, common.Hash{1}, d.ch.ChainID.Uint64(), common.Address{1})
	if err != nil {
		ln.Close()
		return nil, err
	}
	raw, err := verifier.EncodeEnvelope(ev)
	if err != nil {
		ln.Close()
		return nil, err
	}
	claims, err := verify.Measure(raw)
	if err != nil {
		ln.Close()
		return nil, err
	}
	da := &devAgent{name: fmt.Sprintf("agent-%d (%s)", i, tee), a: a, url: url, measurement: claims.MeasurementHash}
	h := a.Handler()
	da.srv = &http.Server{ReadHeaderTimeout: 5 * time.Second, Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		d.mu.Lock()
		down := da.down
		d.mu.Unlock()
		if down {
			http.Error(w, "simulated outage", http.StatusServiceUnavailable)
			return
		}
		h.ServeHTTP(w, r)
	})}
	go da.srv.Serve(ln)
	return da, nil
}

// register does what a workload does at boot: take a challenge, get evidence bound to it
// from its agent, and submit it with the agent's URL.
func (d *dev) register(ctx context.Context, a *devAgent) error {
	if _, err := d.client.Register(ctx, a.a, d.ch.ChainID.Uint64(), d.reg.Address, a.url); err != nil {
		return err
	}
	d.event("%s registered subject %s", a.name, short(a.a.Subject()))
	return nil
}

func (d *dev) request(ctx context.Context, a *devAgent) {
	tx, err := d.reg.RequestReattestation(d.ch.Opts(devGovernor), a.a.Subject())
	if err != nil {
		var re *registry.RevertError
		if errors.As(err, &re) {
			d.event("request for %s refused by the registry: %s", a.name, re.Reason())
		}
		return
	}
	d.event("requested re-attestation of %s (tx %s)", a.name, short(tx.Hash()))
}

// fault injects one of the faults the system must survive, in turn.
func (d *dev) fault(ctx context.Context, cycle int) {
	gov := d.ch.Opts(devGovernor)
	switch cycle % 16 {
	case 3: // a tampered quote: the relayer must refuse it and post nothing
		a := d.agents[0]
		nonce, err := d.client.Challenge(ctx, a.a.Subject())
		if err != nil {
			return
		}
		ev, err := a.a.Evidence(ctx, nonce, d.ch.ChainID.Uint64(), d.reg.Address)
		if err != nil {
			return
		}
		ev.Quote = append([]byte(nil), ev.Quote...)
		ev.Quote[100] ^= 0xff // inside the signed part
		env, err := verifier.EncodeEnvelope(ev)
		if err != nil {
			return
		}
		_, err = d.client.Submit(ctx, env, "")
		d.event("fault: tampered quote → %v", trim(fmt.Sprint(err), 90))
	case 6: // an image is revoked: its subjects fail closed at once
		a := d.agents[len(d.agents)-1]
		if _, err := d.ch.Mine(d.reg.RevokeMeasurement(gov, a.measurement)); err == nil {
			d.event("fault: measurement %s revoked → its subjects are no longer attested", short(a.measurement))
		}
	case 8: // ... and allowed again
		a := d.agents[len(d.agents)-1]
		if _, err := d.ch.Mine(d.reg.AllowMeasurement(gov, a.measurement, protocol.TEEType(a.a.TEE()))); err == nil {
			d.event("measurement %s allowed again", short(a.measurement))
		}
	case 9: // an agent goes down and its request is asked for: the deadline passes, it fails closed
		a := d.agents[len(d.agents)/2]
		d.mu.Lock()
		a.down = true
		d.mu.Unlock()
		d.request(ctx, a)
		d.event("fault: %s is down while its re-attestation is requested", a.name)
	case 15: // the agent is back: the relayer answers the overdue request late, which restores it
		a := d.agents[len(d.agents)/2]
		d.mu.Lock()
		a.down = false
		d.mu.Unlock()
		d.event("%s is back: the relayer answers its overdue request", a.name)
	}
}

func (d *dev) event(format string, args ...any) {
	line := time.Now().Format("15:04:05 ") + fmt.Sprintf(format, args...)
	d.mu.Lock()
	d.events = append(d.events, line)
	if len(d.events) > 8 {
		d.events = d.events[len(d.events)-8:]
	}
	d.mu.Unlock()
	if !d.live && !d.quiet {
		fmt.Fprintln(d.out, line)
	}
}

func (d *dev) render(ctx context.Context) {
	head, err := d.ch.Client.HeaderByNumber(ctx, nil)
	if err != nil {
		return
	}
	var b strings.Builder
	b.WriteString("\x1b[H\x1b[2J")
	fmt.Fprintf(&b, "teeoracle dev — block %d — registry %s — RPC %s — relayer %s (Ctrl-C to stop)\n\n", head.Number, d.reg.Address.Hex(), d.rpcURL, d.apiURL)
	fmt.Fprintf(&b, "%-20s %-44s %-8s %-18s %-10s %s\n", "agent", "subject", "attested", "TCB", "expires in", "request")
	for _, a := range d.agents {
		ok, _ := d.reg.IsAttested(ctx, a.a.Subject())
		rec, _ := d.reg.AttestationOf(ctx, a.a.Subject())
		exp := "-"
		if rec.ExpiresAt > head.Time {
			exp = (time.Duration(rec.ExpiresAt-head.Time) * time.Second).String()
		} else if rec.ExpiresAt != 0 {
			exp = "expired"
		}
		req := ""
		if rec.PendingDeadline != 0 {
			if head.Time > rec.PendingDeadline {
				req = "MISSED"
			} else {
				req = fmt.Sprintf("pending, %ds left", rec.PendingDeadline-head.Time)
			}
		}
		name := a.name
		if a.down {
			name += " DOWN"
		}
		fmt.Fprintf(&b, "%-20s %-44s %-8v %-18s %-10s %s\n", name, a.a.Subject().Hex(), ok, protocol.TCBStatus(rec.TcbStatus), exp, req)
	}
	s := d.svc.Stats()
	gas := uint64(0)
	if s.Confirmed > 0 {
		gas = s.GasUsed / s.Confirmed
	}
	d.mu.Lock()
	fmt.Fprintf(&b, "\nattestations %d · requests served %d · missed %d · rejected %d · gas spent %d (%d per attestation)\n\nrecent:\n",
		s.Confirmed, s.RequestsServed, s.RequestsMissed, s.Rejected, s.GasUsed, gas)
	for _, e := range d.events {
		b.WriteString("  " + e + "\n")
	}
	d.mu.Unlock()
	io.WriteString(d.out, b.String())
}

func (d *dev) summary(ctx context.Context, addr common.Address) *devSummary {
	s := d.svc.Stats()
	sum := &devSummary{RequestsServed: s.RequestsServed, RequestsMissed: s.RequestsMissed, Rejected: s.Rejected,
		Attestations: s.Confirmed, RPCURL: d.rpcURL, Registry: addr.Hex()}
	if s.Confirmed > 0 {
		sum.GasPerAttestation = s.GasUsed / s.Confirmed
	}
	d.mu.Lock()
	sum.Blocks = d.blocks
	d.mu.Unlock()
	cctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	seen := map[common.Address]bool{}
	for _, a := range d.agents {
		if rec, err := d.reg.AttestationOf(cctx, a.a.Subject()); err == nil && rec.IssuedAt != 0 {
			seen[a.a.Subject()] = true
		}
	}
	sum.Subjects = len(seen)
	return sum
}

func short(v interface{ Hex() string }) string {
	h := v.Hex()
	if len(h) > 12 {
		return h[:8] + "…" + h[len(h)-4:]
	}
	return h
}

func trim(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}
