package main

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/teeoracle/teeoracle/agent"
	"github.com/teeoracle/teeoracle/agent/sevsnp"
	"github.com/teeoracle/teeoracle/agent/simulated"
	"github.com/teeoracle/teeoracle/agent/tdx"
	"github.com/teeoracle/teeoracle/verifier"
)

// agentEnvPrefix prefixes the environment variable mirroring each agent flag:
// --chain-id is TEEORACLE_AGENT_CHAIN_ID. A flag on the command line wins.
const agentEnvPrefix = "TEEORACLE_AGENT_"

// agentStarted is the one JSON line `teeoracle agent` prints on stdout once it serves, for
// scripts and supervisors; humans read the log on stderr.
type agentStarted struct {
	Subject string `json:"subject"`
	TEE     string `json:"tee"`
	URL     string `json:"url"`
}

// runAgent is `teeoracle agent`: the in-TEE agent as a sidecar (SPEC §7, §8). It exits 0
// after a graceful shutdown on ctx, 1 if it cannot serve, 2 on a usage error.
func runAgent(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("agent", flag.ContinueOnError)
	fs.SetOutput(stderr)
	provider := fs.String("provider", "", "TEE provider: sev-snp, tdx or simulated")
	listen := fs.String("listen", "127.0.0.1:7777", "address to serve GET /v1/evidence on")
	chains := fs.String("chain-id", "", "comma-separated chain ids evidence may be bound to (empty: any)")
	registries := fs.String("registry", "", "comma-separated registry addresses evidence may be bound to (empty: any)")
	attestTimeout := fs.Duration("attest-timeout", agent.DefaultAttestTimeout, "longest wait for the TEE per evidence request")
	appData := fs.String("app-data", "", "32 bytes of hex for report_data[32:64] (default zero)")
	signListen := fs.String("sign-listen", "", "loopback address for POST /v1/sign, the workload's signing with the subject key (empty: off)")
	publicURL := fs.String("public-url", "", "base URL relayers reach this agent at, claimed with the subject key so relayers record it (default: http://LISTEN when --listen names a host)")
	vmpl := fs.Int("vmpl", -1, "sev-snp: VMPL to request reports at (-1: the driver's default)")
	sealPath := fs.String("seal-path", "", "sev-snp: keep the subject key across restarts, sealed to this guest image and chip in this file")
	insecure := fs.Bool("insecure-simulated", false, "INSECURE: allow --provider simulated, whose evidence is signed under public test roots")
	simTEE := fs.String("tee", "sev-snp", "simulated: TEE to simulate, sev-snp or tdx")
	simMeasurement := fs.String("measurement", "", "simulated: 48-byte hex SEV-SNP MEASUREMENT or TDX MRTD")
	simHostData := fs.String("host-data", "", "simulated: 32-byte hex SEV-SNP HOST_DATA")
	simSeed := fs.String("seed", "", "simulated: seed making the simulated chip reproducible (default random)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: teeoracle agent --provider sev-snp|tdx|simulated [--listen ADDR] [--chain-id N,...] [--registry ADDR,...] [--insecure-simulated --tee sev-snp|tdx --measurement HEX]")
		fmt.Fprintf(stderr, "every flag may also be set as %sNAME (for example %sPROVIDER)\n", agentEnvPrefix, agentEnvPrefix)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() != 0 {
		fs.Usage()
		return exitUsage
	}
	usage := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "teeoracle agent: "+format+"\n", a...)
		return exitUsage
	}
	set, err := agentFlagsFromEnv(fs)
	if err != nil {
		return usage("%v", err)
	}
	for _, name := range []string{"tee", "measurement", "host-data", "seed"} {
		if set[name] && *provider != "simulated" {
			return usage("--%s applies only to --provider simulated", name)
		}
	}
	for _, name := range []string{"vmpl", "seal-path"} {
		if set[name] && *provider != "sev-snp" {
			return usage("--%s applies only to --provider sev-snp", name)
		}
	}

	opts := agent.Options{AttestTimeout: *attestTimeout, SealPath: *sealPath}
	if opts.AllowedChains, err = agentParseChains(*chains); err != nil {
		return usage("--chain-id: %v", err)
	}
	if opts.AllowedRegistries, err = agentParseRegistries(*registries); err != nil {
		return usage("--registry: %v", err)
	}
	if *appData != "" {
		b, err := agentHex(*appData, 32)
		if err != nil {
			return usage("--app-data: %v", err)
		}
		h := common.BytesToHash(b)
		opts.AppData = func() common.Hash { return h }
	}

	log := slog.New(slog.NewTextHandler(stderr, nil))
	switch *provider {
	case "sev-snp":
		o := sevsnp.Options{}
		if *vmpl >= 0 {
			v := uint(*vmpl)
			o.VMPL = &v
		}
		opts.Provider, err = sevsnp.New(o)
	case "tdx":
		opts.Provider, err = tdx.New(tdx.Options{})
	case "simulated":
		if !*insecure {
			return usage("--provider simulated needs --insecure-simulated: its evidence is signed under public TEST ONLY roots and proves nothing about real hardware")
		}
		so := simulated.Options{Insecure: true}
		if so.TEE, err = verifier.ParseTEEType(*simTEE); err != nil {
			return usage("--tee: %v", err)
		}
		if *simMeasurement != "" {
			b, err := agentHex(*simMeasurement, 48)
			if err != nil {
				return usage("--measurement: %v", err)
			}
			copy(so.Measurement[:], b)
		}
		if *simHostData != "" {
			b, err := agentHex(*simHostData, 32)
			if err != nil {
				return usage("--host-data: %v", err)
			}
			copy(so.HostData[:], b)
		}
		if *simSeed != "" {
			so.Seed = []byte(*simSeed)
		}
		opts.Provider, err = simulated.New(so)
		if err == nil {
			log.Warn("INSECURE: simulated TEE; evidence is signed under public test roots and only a relayer trusting test roots accepts it", "tee", so.TEE)
		}
	case "":
		return usage("--provider is required: sev-snp, tdx or simulated")
	default:
		return usage("--provider %q is unknown, want sev-snp, tdx or simulated", *provider)
	}
	if err != nil {
		fmt.Fprintf(stderr, "teeoracle agent: %v\n", err)
		return 1
	}

	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		fmt.Fprintf(stderr, "teeoracle agent: %v\n", err)
		return 1
	}
	url := "http://" + ln.Addr().String()
	opts.PublicURL = *publicURL
	if host, _, _ := net.SplitHostPort(*listen); opts.PublicURL == "" {
		if ip := net.ParseIP(host); host != "" && (ip == nil || !ip.IsUnspecified()) {
			opts.PublicURL = url
		} else {
			log.Warn("no --public-url and --listen names no host: relayers will not record this agent's URL for re-attestation requests", "listen", *listen)
		}
	}
	a, err := agent.New(opts)
	if err != nil {
		ln.Close()
		fmt.Fprintf(stderr, "teeoracle agent: %v\n", err)
		return 1
	}
	srv := &http.Server{
		Handler:           agentAccessLog(log, a.Handler()),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		// A response may wait for the device for up to the attest timeout.
		WriteTimeout:   *attestTimeout + 10*time.Second,
		IdleTimeout:    time.Minute,
		MaxHeaderBytes: 8 << 10, // the longest valid request line is under 300 bytes
		ErrorLog:       slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	if *signListen != "" {
		// The signing endpoint signs any digest with the attested key: only the workload on
		// this machine may reach it.
		host, _, err := net.SplitHostPort(*signListen)
		if ip := net.ParseIP(host); err != nil || (host != "localhost" && (ip == nil || !ip.IsLoopback())) {
			fmt.Fprintf(stderr, "teeoracle agent: --sign-listen %q must be a loopback address such as 127.0.0.1:7778\n", *signListen)
			_ = srv.Close()
			return 2
		}
		sln, err := net.Listen("tcp", *signListen)
		if err != nil {
			fmt.Fprintf(stderr, "teeoracle agent: %v\n", err)
			_ = srv.Close()
			return 1
		}
		signSrv := &http.Server{Handler: agentAccessLog(log, a.SignHandler()), ReadHeaderTimeout: 5 * time.Second}
		go func() { served <- signSrv.Serve(sln) }()
		defer signSrv.Close()
		log.Info("signing endpoint", "url", "http://"+sln.Addr().String()+"/v1/sign")
	}

	log.Info("agent serving", "subject", a.Subject().Hex(), "tee", a.TEE().String(), "url", url, "publicUrl", a.PublicURL(),
		"evidence", url+"/v1/evidence?nonce=0x…&chainId=…&registry=0x…",
		"allowedChains", opts.AllowedChains, "allowedRegistries", opts.AllowedRegistries)
	line, _ := json.Marshal(agentStarted{Subject: a.Subject().Hex(), TEE: a.TEE().String(), URL: url})
	fmt.Fprintf(stdout, "%s\n", line)

	select {
	case err := <-served:
		fmt.Fprintf(stderr, "teeoracle agent: %v\n", err)
		return 1
	case <-ctx.Done():
	}
	log.Info("agent shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		fmt.Fprintf(stderr, "teeoracle agent: shutdown: %v\n", err)
		return 1
	}
	return 0
}

// agentFlagsFromEnv sets every flag not given on the command line from its environment
// variable, and returns which flags ended up set either way.
func agentFlagsFromEnv(fs *flag.FlagSet) (map[string]bool, error) {
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	var err error
	fs.VisitAll(func(f *flag.Flag) {
		if set[f.Name] || err != nil {
			return
		}
		env := agentEnvPrefix + strings.ToUpper(strings.ReplaceAll(f.Name, "-", "_"))
		if v, ok := os.LookupEnv(env); ok {
			if e := fs.Set(f.Name, v); e != nil {
				err = fmt.Errorf("%s=%q: %v", env, v, e)
				return
			}
			set[f.Name] = true
		}
	})
	return set, err
}

func agentParseChains(s string) ([]uint64, error) {
	var out []uint64
	for _, part := range agentList(s) {
		id, err := strconv.ParseUint(part, 10, 64)
		if err != nil || id == 0 {
			return nil, fmt.Errorf("%q is not a chain id, want a decimal integer > 0", part)
		}
		out = append(out, id)
	}
	return out, nil
}

func agentParseRegistries(s string) ([]common.Address, error) {
	var out []common.Address
	for _, part := range agentList(s) {
		b, err := agentHex(part, 20)
		if err != nil || !strings.HasPrefix(part, "0x") {
			return nil, fmt.Errorf("%q is not an address, want 0x followed by 40 hex digits", part)
		}
		out = append(out, common.BytesToAddress(b))
	}
	return out, nil
}

func agentList(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ",") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

// agentHex decodes n bytes of hex, with or without 0x.
func agentHex(s string, n int) ([]byte, error) {
	b, err := hex.DecodeString(strings.TrimPrefix(s, "0x"))
	if err != nil {
		return nil, errors.New("not hex")
	}
	if len(b) != n {
		return nil, fmt.Errorf("%d bytes, want %d", len(b), n)
	}
	return b, nil
}

// agentAccessLog logs each request with its status, so an operator sees which relayer asked
// for evidence and why a request failed.
func agentAccessLog(log *slog.Logger, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &agentStatusRecorder{ResponseWriter: w, status: http.StatusOK}
		h.ServeHTTP(rec, r)
		level := slog.LevelInfo
		if rec.status >= 500 {
			level = slog.LevelWarn
		}
		log.Log(r.Context(), level, "request", "method", r.Method, "path", r.URL.Path, "query", r.URL.RawQuery,
			"status", rec.status, "remote", r.RemoteAddr, "took", time.Since(start).Round(time.Microsecond))
	})
}

type agentStatusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *agentStatusRecorder) WriteHeader(status int) {
	r.status = status
	r.ResponseWriter.WriteHeader(status)
}
