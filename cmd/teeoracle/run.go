package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/teeoracle/teeoracle/relayer"
	"github.com/teeoracle/teeoracle/relayer/api"
	"github.com/teeoracle/teeoracle/relayer/config"
	"github.com/teeoracle/teeoracle/relayer/signer"
	"github.com/teeoracle/teeoracle/relayer/store"
	"github.com/teeoracle/teeoracle/verifier"
	"github.com/teeoracle/teeoracle/verifier/verify"
)

// runRun is `teeoracle run --config FILE`: the relayer daemon against a real chain.
func runRun(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	cfg, once, err := loadRunConfig(args, stderr)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 2
		}
		fmt.Fprintln(stderr, "teeoracle run:", err)
		return 2
	}
	log := newLogger(stderr, cfg.LogLevel, cfg.LogFormat)
	log.Info("effective configuration", "config", cfg.Redacted())
	if once.resyncFrom != nil {
		if err := resync(cfg, *once.resyncFrom, log); err != nil {
			log.Error("resync failed; nothing was changed", "err", err)
			return 1
		}
		cfg.StartBlock = *once.resyncFrom
	}
	if err := serveRelayer(ctx, cfg, once.insecure, log); err != nil {
		log.Error("relayer stopped", "err", err)
		return 1
	}
	return 0
}

// runOnce holds the flags of one invocation that are not settings: they never come from
// the file or the environment.
type runOnce struct {
	insecure   bool
	resyncFrom *uint64
}

// loadRunConfig applies defaults, then the file, then TEEORACLE_* variables, then flags.
func loadRunConfig(args []string, stderr io.Writer) (config.Config, runOnce, error) {
	var once runOnce
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var fromFlags config.Config
	fromFlags.RegisterFlags(fs)
	path := fs.String("config", os.Getenv("TEEORACLE_CONFIG"), "YAML configuration file")
	fs.BoolVar(&once.insecure, "insecure-test-roots", false, "INSECURE: also accept evidence under the simulated attesters' test roots (never in production)")
	fs.Func("resync-from", "forget the chain-derived state (watcher checkpoint, subjects, pending requests) and replay the registry's events from this block; the way back after a finality violation", func(v string) error {
		n, err := strconv.ParseUint(v, 10, 64)
		if err != nil {
			return fmt.Errorf("want a block number, got %q", v)
		}
		once.resyncFrom = &n
		return nil
	})
	if err := fs.Parse(args); err != nil {
		return config.Config{}, once, err
	}
	if fs.NArg() > 0 {
		return config.Config{}, once, fmt.Errorf("unexpected arguments %v; settings go in --config or flags", fs.Args())
	}
	cfg := config.Default()
	if *path != "" {
		if err := cfg.LoadFile(*path); err != nil {
			return cfg, once, err
		}
	}
	if err := cfg.LoadEnv(os.LookupEnv); err != nil {
		return cfg, once, err
	}
	final := flag.NewFlagSet("run", flag.ContinueOnError)
	final.SetOutput(io.Discard)
	cfg.RegisterFlags(final)
	var setErr error
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "config" || f.Name == "insecure-test-roots" || f.Name == "resync-from" {
			return
		}
		if err := final.Set(f.Name, f.Value.String()); err != nil && setErr == nil {
			setErr = fmt.Errorf("--%s: %w", f.Name, err)
		}
	})
	if setErr != nil {
		return cfg, once, setErr
	}
	if err := cfg.Check(); err != nil {
		return cfg, once, fmt.Errorf("invalid configuration:\n%w", err)
	}
	return cfg, once, nil
}

// resync clears the chain-derived state of the store at cfg.DataDir before the relayer
// opens it; the relayer then starts watching at block from.
func resync(cfg config.Config, from uint64, log *slog.Logger) error {
	st, err := store.Open(cfg.DataDir)
	if err != nil {
		return err
	}
	defer st.Close()
	subjects, requests, err := relayer.Resync(st)
	if err != nil {
		return err
	}
	log.Warn("resync: forgot the watcher checkpoint and the chain-derived state; replaying the registry's events",
		"from_block", from, "subjects", subjects, "requests", requests)
	return nil
}

func newLogger(w io.Writer, level, format string) *slog.Logger {
	var lv slog.Level
	_ = lv.UnmarshalText([]byte(level))
	opts := &slog.HandlerOptions{Level: lv}
	if format == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// relayerKeys loads the signing key and the sender (which defaults to the signing key).
func relayerKeys(ctx context.Context, cfg config.Config) (signer.Attester, signer.Sender, error) {
	var signing *signer.LocalKey
	switch {
	case cfg.SigningKeystore != "":
		k, err := signer.LoadKeystore(cfg.SigningKeystore, cfg.SigningPasswordFile)
		if err != nil {
			return nil, nil, err
		}
		signing = signer.NewLocalKey(k)
	default:
		k, err := signer.FromHex(cfg.SigningKey, cfg.AllowRawKeys)
		if err != nil {
			return nil, nil, err
		}
		signing = signer.NewLocalKey(k)
	}
	switch {
	case cfg.RemoteSigner != "":
		r, err := signer.DialRemote(ctx, cfg.RemoteSigner, common.HexToAddress(cfg.RemoteSignerAddress))
		return signing, r, err
	case cfg.SenderKeystore != "":
		k, err := signer.LoadKeystore(cfg.SenderKeystore, cfg.SenderPasswordFile)
		if err != nil {
			return nil, nil, err
		}
		return signing, signer.NewLocalKey(k), nil
	case cfg.SenderKey != "":
		k, err := signer.FromHex(cfg.SenderKey, cfg.AllowRawKeys)
		if err != nil {
			return nil, nil, err
		}
		return signing, signer.NewLocalKey(k), nil
	}
	return signing, signing, nil
}

// serveRelayer runs the relayer until ctx ends (first signal); a second signal forces exit.
func serveRelayer(ctx context.Context, cfg config.Config, insecure bool, log *slog.Logger) error {
	attester, sender, err := relayerKeys(ctx, cfg)
	if err != nil {
		return err
	}
	eth, err := ethclient.DialContext(ctx, cfg.RPCURL)
	if err != nil {
		return fmt.Errorf("connect to %s: %w", cfg.RPCURL, err)
	}
	defer eth.Close()
	var backend relayer.Backend = eth
	if cfg.WSURL != "" {
		// The websocket only wakes the watcher up on new heads; polling over rpc_url stays the
		// source of truth, so a dropped websocket costs latency, never events.
		ws, err := ethclient.DialContext(ctx, cfg.WSURL)
		if err != nil {
			return fmt.Errorf("connect to ws_url %s: %w", cfg.WSURL, err)
		}
		defer ws.Close()
		backend = wsHeads{Client: eth, ws: ws}
	}
	st, err := store.Open(cfg.DataDir)
	if err != nil {
		return err
	}
	defer st.Close()
	vopts := verify.Options{Getter: verifier.NewNetGetter(), PCSBaseURL: cfg.PCSBaseURL, KDSBaseURL: cfg.KDSBaseURL}
	if cfg.PolicyFile != "" {
		f, err := os.Open(cfg.PolicyFile)
		if err != nil {
			return fmt.Errorf("policy: %w", err)
		}
		p, err := verifier.LoadPolicy(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("policy %s: %w", cfg.PolicyFile, err)
		}
		vopts.Policy = &p
	}
	if insecure {
		if vopts.TestRoots, err = testRootsOptions(); err != nil {
			return err
		}
		vopts.Getter = testGetter()
		log.Warn("INSECURE: accepting evidence under the simulated attesters' test roots; never use this in production")
	}
	id := new(big.Int).SetUint64(cfg.ChainID)
	svc, err := relayer.New(ctx, relayer.Options{Config: cfg, Backend: backend, Store: st, Attester: attester,
		SenderAddress: sender.Address(), SenderSign: signer.SignerFn(sender, id), Verifier: vopts,
		AllowTestRoots: insecure, Logger: log})
	if err != nil {
		return err
	}
	return serve(ctx, svc, cfg, log)
}

// wsHeads is the RPC client with new-head subscriptions taken from a websocket connection.
type wsHeads struct {
	*ethclient.Client
	ws *ethclient.Client
}

func (w wsHeads) SubscribeNewHead(ctx context.Context, ch chan<- *types.Header) (ethereum.Subscription, error) {
	return w.ws.SubscribeNewHead(ctx, ch)
}

// serve runs svc and its API until ctx ends, then shuts down gracefully: intake stops and
// readiness turns 503 at once, in-flight confirmations get up to 30 s, and a second signal
// cuts that short.
func serve(ctx context.Context, svc *relayer.Service, cfg config.Config, log *slog.Logger) error {
	runCtx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if err := svc.Start(runCtx); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cfg.Listen)
	if err != nil {
		_ = svc.Stop(context.Background())
		return fmt.Errorf("listen on %s: %w", cfg.Listen, err)
	}
	proxies, _ := cfg.TrustedProxyPrefixes() // Check has parsed them
	srv := &http.Server{Handler: api.Handler(svc, api.Options{MaxBodyBytes: cfg.MaxBodyBytes, RateLimit: cfg.RateLimit,
		RateBurst: cfg.RateBurst, TrustedProxies: proxies, Logger: log}), ReadHeaderTimeout: 10 * time.Second}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error("API server", "err", err)
			cancel()
		}
	}()
	log.Info("relayer API listening", "url", "http://"+ln.Addr().String())
	select {
	case <-ctx.Done():
	case <-runCtx.Done():
	}
	log.Info("shutting down: intake stopped, finishing confirmations (signal again to force)")
	stopCtx, stopCancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer stopCancel()
	force := make(chan os.Signal, 1)
	signal.Notify(force, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(force)
	go func() {
		select {
		case <-force:
			log.Warn("second signal: forcing shutdown")
			stopCancel()
		case <-stopCtx.Done():
		}
	}()
	// Intake first (no submission may reach a stopped poster), then the service.
	_ = srv.Shutdown(stopCtx)
	err = svc.Stop(stopCtx)
	if err != nil && !strings.Contains(err.Error(), "context canceled") {
		return err
	}
	return nil
}
