package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/teeoracle/teeoracle/agent"
	"github.com/teeoracle/teeoracle/agent/simulated"
	"github.com/teeoracle/teeoracle/cmd/internal/devchain"
	"github.com/teeoracle/teeoracle/protocol"
	"github.com/teeoracle/teeoracle/relayer/api"
	"github.com/teeoracle/teeoracle/relayer/registry"
	"github.com/teeoracle/teeoracle/verifier"
)

// relayFigures are what `bench relay` measures against a relayer running as its own process
// (`teeoracle run`) on an in-process chain served over JSON-RPC.
type relayFigures struct {
	LatencyBlocksP50 uint64  `json:"latencyBlocksP50"`
	LatencyBlocksP99 uint64  `json:"latencyBlocksP99"`
	RequestsPerBlock float64 `json:"requestsPerBlock"`
	RSSBytes10k      uint64  `json:"rssBytes10k"`
	// Extras.
	LatencySamples      int     `json:"latencySamples"`
	BurstRequests       int     `json:"burstRequests"`
	BurstBlocks         uint64  `json:"burstBlocks"`
	BurstGasPerItem     uint64  `json:"burstGasPerItem"`
	TrackedSubjects     int     `json:"trackedSubjects"`
	BlockTimeMillis     int64   `json:"blockTimeMillis"`
	MeanLatencyBlocks   float64 `json:"meanLatencyBlocks"`
	RelayerStartRSSByte uint64  `json:"relayerStartRssBytes"`
}

func runBenchRelay(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bench relay", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print one JSON object")
	samples := fs.Int("samples", 100, "re-attestation requests timed one by one")
	burst := fs.Int("burst", 1000, "requests filed at once for the throughput figure")
	tracked := fs.Int("tracked", 10000, "subjects the relayer tracks for the memory figure")
	blockTime := fs.Duration("block-time", 250*time.Millisecond, "time between blocks")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *samples < 1 || *burst < 1 || *tracked < 1 || *blockTime < 10*time.Millisecond {
		fmt.Fprintln(stderr, "bench relay: --samples, --burst and --tracked must be at least 1 and --block-time at least 10ms")
		return 2
	}
	b := &relayBench{out: stderr, blockTime: *blockTime}
	if *asJSON {
		b.out = io.Discard
	}
	f, err := b.run(ctx, *samples, *burst, *tracked)
	if err != nil {
		fmt.Fprintln(stderr, "bench relay:", err)
		return 1
	}
	if *asJSON {
		return printJSON(stdout, stderr, f)
	}
	fmt.Fprintf(stdout, "relayer (own process) on an in-process chain, one block every %s:\n", *blockTime)
	fmt.Fprintf(stdout, "  request -> Attested latency   p50 %d blocks, p99 %d blocks (goal p99 <= 2), mean %.2f, %d samples\n",
		f.LatencyBlocksP50, f.LatencyBlocksP99, f.MeanLatencyBlocks, f.LatencySamples)
	fmt.Fprintf(stdout, "  burst of %d requests          served in %d blocks: %.1f requests per block, %d gas per item\n",
		f.BurstRequests, f.BurstBlocks, f.RequestsPerBlock, f.BurstGasPerItem)
	fmt.Fprintf(stdout, "  resident memory               %.1f MB with %d tracked subjects (goal <= 150 MB; %.1f MB at start)\n",
		float64(f.RSSBytes10k)/1e6, f.TrackedSubjects, float64(f.RelayerStartRSSByte)/1e6)
	return 0
}

type relayBench struct {
	out       io.Writer
	blockTime time.Duration
	ch        *devchain.Chain
	reg       *registry.Client
	apiURL    string
	agentURL  string
	agents    []*agent.Agent
	proc      *exec.Cmd
	dataDir   string
	mu        sync.Mutex // serializes the governor's transactions
}

const (
	benchGovernor = 0
	benchRelayer  = 1
)

func freeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

func (b *relayBench) logf(format string, args ...any) { fmt.Fprintf(b.out, format+"\n", args...) }

func (b *relayBench) run(ctx context.Context, samples, burst, tracked int) (*relayFigures, error) {
	rpcAddr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	b.ch = devchain.NewWithRPC(2, "teeoracle bench relay", rpcAddr)
	defer b.ch.Close()
	gov := b.ch.Opts(benchGovernor)
	addr, tx, err := registry.Deploy(gov, b.ch.Client, registry.DeployParams{Admin: b.ch.Address(benchGovernor),
		Relayers: []common.Address{b.ch.Address(benchRelayer)}, Threshold: 1,
		Limits: registry.Limits{MaxAttestationAge: 600, MaxValidity: 86400, ResponseWindow: 3600, Cooldown: 0}})
	if err != nil {
		return nil, err
	}
	if _, err := b.ch.Mine(tx, nil); err != nil {
		return nil, err
	}
	b.reg = registry.New(b.ch.Client, addr)

	// Agents: simulated SEV-SNP workloads sharing one chip, each with its own subject key,
	// served under /a/{i}/.
	nAgents := max(burst, 32)
	var m [48]byte
	copy(m[:], "teeoracle bench image")
	agentAddr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	b.agentURL = "http://" + agentAddr
	mux := http.NewServeMux()
	for i := 0; i < nAgents; i++ {
		p, err := simulated.New(simulated.Options{Insecure: true, TEE: verifier.TEESEVSNP, Measurement: m, Seed: []byte("bench chip")})
		if err != nil {
			return nil, err
		}
		prefix := fmt.Sprintf("/a/%d", i)
		a, err := agent.New(agent.Options{Provider: p, PublicURL: b.agentURL + prefix})
		if err != nil {
			return nil, err
		}
		b.agents = append(b.agents, a)
		mux.Handle(prefix+"/", http.StripPrefix(prefix, a.Handler()))
	}
	agentSrv := &http.Server{Addr: agentAddr, Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go agentSrv.ListenAndServe()
	defer agentSrv.Close()
	if _, err := b.ch.Mine(b.reg.AllowMeasurement(gov, protocol.SNPMeasurementHash(m, [32]byte{}), protocol.TEESevSnp)); err != nil {
		return nil, err
	}

	// Blocks on a timer from here on, as on a real chain.
	runCtx, stop := context.WithCancel(ctx)
	defer stop()
	go func() {
		t := time.NewTicker(b.blockTime)
		defer t.Stop()
		for {
			select {
			case <-runCtx.Done():
				return
			case <-t.C:
				b.ch.Sim.Commit()
			}
		}
	}()

	if err := b.startRelayer(runCtx, rpcAddr, addr); err != nil {
		return nil, err
	}
	defer b.stopRelayer()
	f := &relayFigures{BlockTimeMillis: b.blockTime.Milliseconds(), RelayerStartRSSByte: rss(b.proc.Process.Pid)}

	b.logf("registering %d subjects through the relayer API", nAgents)
	if err := b.registerAll(runCtx); err != nil {
		return nil, err
	}

	b.logf("latency: %d requests, one at a time", samples)
	lat, err := b.latency(runCtx, samples)
	if err != nil {
		return nil, err
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	f.LatencySamples = len(lat)
	f.LatencyBlocksP50 = lat[len(lat)/2]
	f.LatencyBlocksP99 = lat[min(len(lat)-1, (len(lat)*99+99)/100-1)]
	var sum uint64
	for _, l := range lat {
		sum += l
	}
	f.MeanLatencyBlocks = float64(sum) / float64(len(lat))

	b.logf("throughput: %d requests at once", burst)
	if f.BurstBlocks, f.BurstGasPerItem, err = b.burst(runCtx, burst); err != nil {
		return nil, err
	}
	f.BurstRequests = burst
	f.RequestsPerBlock = float64(burst) / float64(f.BurstBlocks)

	b.logf("memory: the relayer tracks %d subjects", tracked)
	if f.TrackedSubjects, err = b.track(runCtx, tracked); err != nil {
		return nil, err
	}
	f.RSSBytes10k = rss(b.proc.Process.Pid)
	return f, nil
}

func (b *relayBench) startRelayer(ctx context.Context, rpcAddr string, registryAddr common.Address) error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	apiAddr, err := freeAddr()
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "teeoracle-bench-relay-")
	if err != nil {
		return err
	}
	b.dataDir = dir
	key := hexutil.Encode(crypto.FromECDSA(b.ch.Keys[benchRelayer]))
	b.proc = exec.Command(exe, "run", "--insecure-test-roots", "--allow-raw-keys", "--signing-key", key,
		"--chain-id", b.ch.ChainID.String(), "--rpc-url", "http://"+rpcAddr, "--registry", registryAddr.Hex(),
		"--data-dir", filepath.Join(dir, "data"), "--listen", apiAddr, "--log-level", "error",
		"--poll-interval", (b.blockTime / 5).String(), "--batch-wait", (b.blockTime / 5).String(),
		"--confirmations", "8", "--refresh-schedule=", "--rate-limit", "0", "--batch-max", "128")
	b.proc.Stderr = b.out
	if err := b.proc.Start(); err != nil {
		return err
	}
	b.apiURL = "http://" + apiAddr
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if resp, err := http.Get(b.apiURL + "/readyz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return nil
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	return errors.New("the relayer did not become ready within 30 s")
}

func (b *relayBench) stopRelayer() {
	if b.dataDir != "" {
		defer os.RemoveAll(b.dataDir)
	}
	if b.proc != nil && b.proc.Process != nil {
		_ = b.proc.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { _ = b.proc.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			_ = b.proc.Process.Kill()
		}
	}
}

// rss reads a process's resident set size from /proc (0 where there is none).
func rss(pid int) uint64 {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			kb, _ := strconv.ParseUint(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb * 1024
		}
	}
	return 0
}

func (b *relayBench) registerAll(ctx context.Context) error {
	errs := make(chan error, len(b.agents))
	sem := make(chan struct{}, 8)
	for i, a := range b.agents {
		sem <- struct{}{}
		go func(i int, a *agent.Agent) {
			defer func() { <-sem }()
			errs <- b.register(ctx, i, a)
		}(i, a)
	}
	for range b.agents {
		if err := <-errs; err != nil {
			return err
		}
	}
	// Wait until every subject is attested on chain.
	return b.waitFor(ctx, 60*time.Second, func() (bool, error) {
		for _, a := range b.agents {
			ok, err := b.reg.IsAttested(ctx, a.Subject())
			if err != nil || !ok {
				return false, err
			}
		}
		return true, nil
	})
}

func (b *relayBench) register(ctx context.Context, i int, a *agent.Agent) error {
	if _, err := api.NewClient(b.apiURL).Register(ctx, a, b.ch.ChainID.Uint64(), b.reg.Address, fmt.Sprintf("%s/a/%d", b.agentURL, i)); err != nil {
		return fmt.Errorf("register subject %d: %w", i, err)
	}
	return nil
}

func (b *relayBench) waitFor(ctx context.Context, limit time.Duration, cond func() (bool, error)) error {
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		ok, err := cond()
		if ok {
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		_ = err
		time.Sleep(b.blockTime / 2)
	}
	return fmt.Errorf("timed out after %s", limit)
}

// request files a re-attestation request and returns its nonce and block once mined.
func (b *relayBench) request(ctx context.Context, subject common.Address) (*types.Transaction, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.reg.RequestReattestation(b.ch.Opts(benchGovernor), subject)
}

// latency files requests one at a time (a fresh subject each, every other block) and
// measures how many blocks pass between a request's block and its Attested event's block.
func (b *relayBench) latency(ctx context.Context, n int) ([]uint64, error) {
	var out []uint64
	for i := 0; i < n; i++ {
		a := b.agents[i%len(b.agents)]
		tx, err := b.request(ctx, a.Subject())
		if err != nil {
			return nil, fmt.Errorf("request %d: %w", i, err)
		}
		rcpt, err := b.receipt(ctx, tx.Hash())
		if err != nil {
			return nil, err
		}
		var nonce common.Hash
		for _, l := range rcpt.Logs {
			if ev, err := registry.ABI().UnpackReattestationRequestedEvent(l); err == nil {
				nonce = ev.Nonce
			}
		}
		var attestedAt uint64
		err = b.waitFor(ctx, 30*time.Second, func() (bool, error) {
			blk, err := b.attestedBlock(ctx, a.Subject(), nonce, rcpt.BlockNumber.Uint64())
			attestedAt = blk
			return blk != 0, err
		})
		if err != nil {
			return nil, fmt.Errorf("request %d was not answered: %w", i, err)
		}
		out = append(out, attestedAt-rcpt.BlockNumber.Uint64())
	}
	return out, nil
}

func (b *relayBench) receipt(ctx context.Context, h common.Hash) (*types.Receipt, error) {
	var rcpt *types.Receipt
	err := b.waitFor(ctx, 30*time.Second, func() (bool, error) {
		r, err := b.ch.Client.TransactionReceipt(ctx, h)
		rcpt = r
		return err == nil, nil
	})
	if err != nil {
		return nil, fmt.Errorf("transaction %s not mined: %w", h.Hex(), err)
	}
	return rcpt, nil
}

func (b *relayBench) attestedBlock(ctx context.Context, subject common.Address, nonce common.Hash, from uint64) (uint64, error) {
	logs, err := b.ch.Client.FilterLogs(ctx, ethereum.FilterQuery{FromBlock: new(big.Int).SetUint64(from), Addresses: []common.Address{b.reg.Address},
		Topics: [][]common.Hash{{registry.ABI().GetABI().Events["Attested"].ID}, {common.BytesToHash(subject.Bytes())}}})
	if err != nil {
		return 0, err
	}
	for i := range logs {
		if ev, err := registry.ABI().UnpackAttestedEvent(&logs[i]); err == nil && ev.Nonce == nonce {
			return logs[i].BlockNumber, nil
		}
	}
	return 0, nil
}

// burst files n requests at once and counts the blocks until the last is answered, and the
// gas the relayer's transactions used per answer.
func (b *relayBench) burst(ctx context.Context, n int) (blocks, gasPerItem uint64, err error) {
	start, err := b.ch.Client.BlockNumber(ctx)
	if err != nil {
		return 0, 0, err
	}
	b.mu.Lock()
	opts := b.ch.Opts(benchGovernor)
	nonce, err := b.ch.Client.PendingNonceAt(ctx, opts.From)
	if err != nil {
		b.mu.Unlock()
		return 0, 0, err
	}
	var lastTx *types.Transaction
	for i := 0; i < n; i++ {
		opts.Nonce = new(big.Int).SetUint64(nonce + uint64(i))
		opts.GasLimit = 120_000
		if lastTx, err = b.reg.RequestReattestation(opts, b.agents[i].Subject()); err != nil {
			b.mu.Unlock()
			return 0, 0, fmt.Errorf("burst request %d: %w", i, err)
		}
	}
	b.mu.Unlock()
	if _, err := b.receipt(ctx, lastTx.Hash()); err != nil {
		return 0, 0, err
	}
	var first, last uint64
	err = b.waitFor(ctx, 10*time.Minute, func() (bool, error) {
		pending := 0
		for _, a := range b.agents[:n] {
			rec, err := b.reg.AttestationOf(ctx, a.Subject())
			if err != nil {
				return false, err
			}
			if rec.PendingDeadline != 0 {
				pending++
			}
		}
		return pending == 0, nil
	})
	if err != nil {
		return 0, 0, fmt.Errorf("burst not served: %w", err)
	}
	head, err := b.ch.Client.BlockNumber(ctx)
	if err != nil {
		return 0, 0, err
	}
	// First block holding a request, last block holding an answer, and the relayer's gas.
	logs, err := b.ch.Client.FilterLogs(ctx, ethereum.FilterQuery{FromBlock: new(big.Int).SetUint64(start + 1),
		ToBlock: new(big.Int).SetUint64(head), Addresses: []common.Address{b.reg.Address}})
	if err != nil {
		return 0, 0, fmt.Errorf("logs of blocks %d..%d: %w", start+1, head, err)
	}
	txs := map[common.Hash]bool{}
	answered := 0
	for i := range logs {
		l := &logs[i]
		if _, err := registry.ABI().UnpackReattestationRequestedEvent(l); err == nil && first == 0 {
			first = l.BlockNumber
		}
		if _, err := registry.ABI().UnpackAttestedEvent(l); err == nil {
			last = max(last, l.BlockNumber)
			txs[l.TxHash] = true
			answered++
		}
	}
	var gas uint64
	for h := range txs {
		r, err := b.ch.Client.TransactionReceipt(ctx, h)
		if err != nil {
			return 0, 0, err
		}
		gas += r.GasUsed
	}
	if answered == 0 || last < first {
		return 0, 0, errors.New("no answers found on chain")
	}
	return last - first + 1, gas / uint64(answered), nil
}

// track makes the relayer follow n subjects: it posts n attestations straight to the
// registry (signed with the relayer's key, as if another relayer instance had), and waits
// until the relayer's watcher has processed them.
func (b *relayBench) track(ctx context.Context, n int) (int, error) {
	dom := protocol.Domain{ChainID: b.ch.ChainID.Uint64(), Registry: b.reg.Address}
	var m [48]byte
	copy(m[:], "teeoracle bench image")
	mh := protocol.SNPMeasurementHash(m, [32]byte{})
	const per = 200
	var lastTx common.Hash
	for i := 0; i < n; i += per {
		head, err := b.ch.Client.HeaderByNumber(ctx, nil)
		if err != nil {
			return 0, err
		}
		var as []*protocol.Attestation
		var sigs [][][]byte
		for j := i; j < min(n, i+per); j++ {
			a := &protocol.Attestation{Subject: common.BytesToAddress(crypto.Keccak256([]byte(fmt.Sprintf("tracked %d", j)))),
				TEEType: protocol.TEESevSnp, MeasurementHash: mh, IssuedAt: head.Time, ExpiresAt: head.Time + 3600,
				Nonce: crypto.Keccak256Hash([]byte(fmt.Sprintf("n%d", j))), QuoteHash: crypto.Keccak256Hash([]byte(fmt.Sprintf("q%d", j)))}
			sig, err := protocol.Sign(b.ch.Keys[benchRelayer], dom.Digest(a))
			if err != nil {
				return 0, err
			}
			as = append(as, a)
			sigs = append(sigs, [][]byte{sig})
		}
		b.mu.Lock()
		opts := b.ch.Opts(benchGovernor)
		opts.GasLimit = 8_000_000
		tx, err := b.reg.AttestBatch(opts, as, sigs)
		b.mu.Unlock()
		if err != nil {
			return 0, err
		}
		lastTx = tx.Hash()
		if _, err := b.receipt(ctx, tx.Hash()); err != nil {
			return 0, err
		}
	}
	rcpt, err := b.receipt(ctx, lastTx)
	if err != nil {
		return 0, err
	}
	target := rcpt.BlockNumber.Uint64()
	err = b.waitFor(ctx, 5*time.Minute, func() (bool, error) {
		resp, err := http.Get(b.apiURL + "/metrics")
		if err != nil {
			return false, err
		}
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if rest, ok := strings.CutPrefix(sc.Text(), "teeoracle_last_processed_block "); ok {
				v, _ := strconv.ParseFloat(rest, 64)
				return uint64(v) >= target, nil
			}
		}
		return false, nil
	})
	if err != nil {
		return 0, fmt.Errorf("relayer did not process the tracked subjects' events: %w", err)
	}
	return n + len(b.agents), nil
}
