package main

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/teeoracle/teeoracle/protocol"
	"github.com/teeoracle/teeoracle/relayer/registry"
)

const registryUsage = `usage: teeoracle registry SUBCOMMAND [flags] [ARGS]

subcommands:
  deploy  --relayers ADDR[,ADDR…] [--threshold K] [--admin ADDR] [limits]   deploy a registry
  allow   --tee sev-snp|tdx MEASUREMENT_HASH                                 allowlist a measurement
  revoke  MEASUREMENT_HASH | SUBJECT_ADDRESS                                 revoke a measurement or a subject
  sunset  --at RFC3339|UNIX MEASUREMENT_HASH                                 retire a measurement at a time
  request SUBJECT_ADDRESS                                                    request re-attestation
  status  [SUBJECT_ADDRESS]                                                  registry settings, or a subject's record
  set-relayers --relayers ADDR[,ADDR…] --threshold K                         replace the relayer set
  set-limits [--max-attestation-age S] [--max-validity S]
             [--response-window S] [--cooldown S]                            change limits (unset ones stay)
  set-min-tcb --tee sev-snp|tdx STATUS                                       minimum TCB status (name or 0-6; 0: none)
  grant ROLE ADDRESS                                                         grant admin, governor or requester
  revoke-role ROLE ADDRESS                                                   revoke admin, governor or requester

common flags (each also from the environment):
  --rpc URL            TEEORACLE_RPC_URL      JSON-RPC endpoint (default http://127.0.0.1:8545)
  --registry ADDR      TEEORACLE_REGISTRY     registry address (all but deploy)
  --private-key HEX    TEEORACLE_PRIVATE_KEY  sender key, or:
  --keystore FILE      TEEORACLE_KEYSTORE     go-ethereum keystore file, with
  --password-file FILE TEEORACLE_PASSWORD_FILE
  --json                                      print one JSON object
  --timeout DURATION                          give up waiting after this long (default 2m)`

// registryCmd holds what every registry subcommand shares.
type registryCmd struct {
	fs                                  *flag.FlagSet
	rpc, registry, key, keystore, pwdFl string
	asJSON                              bool
	timeout                             time.Duration
	stdout, stderr                      io.Writer
}

func newRegistryCmd(name string, stdout, stderr io.Writer) *registryCmd {
	c := &registryCmd{fs: flag.NewFlagSet("registry "+name, flag.ContinueOnError), stdout: stdout, stderr: stderr}
	c.fs.SetOutput(stderr)
	c.fs.Usage = func() { fmt.Fprintln(stderr, registryUsage) }
	c.fs.StringVar(&c.rpc, "rpc", envOr("TEEORACLE_RPC_URL", "http://127.0.0.1:8545"), "JSON-RPC endpoint")
	c.fs.StringVar(&c.registry, "registry", os.Getenv("TEEORACLE_REGISTRY"), "registry address")
	c.fs.StringVar(&c.key, "private-key", os.Getenv("TEEORACLE_PRIVATE_KEY"), "sender private key (hex)")
	c.fs.StringVar(&c.keystore, "keystore", os.Getenv("TEEORACLE_KEYSTORE"), "sender keystore file")
	c.fs.StringVar(&c.pwdFl, "password-file", os.Getenv("TEEORACLE_PASSWORD_FILE"), "keystore password file")
	c.fs.BoolVar(&c.asJSON, "json", false, "print one JSON object")
	c.fs.DurationVar(&c.timeout, "timeout", 2*time.Minute, "how long to wait for the node")
	return c
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

// usageError is a bad command line: exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

func runRegistry(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprintln(stderr, registryUsage)
		return 2
	}
	subs := map[string]func(context.Context, *registryCmd) error{
		"deploy": registryDeploy, "allow": registryAllow, "revoke": registryRevoke,
		"sunset": registrySunset, "request": registryRequest, "status": registryStatus,
		"set-relayers": registrySetRelayers, "set-limits": registrySetLimits, "set-min-tcb": registrySetMinTcb,
		"grant": registryGrant, "revoke-role": registryRevokeRole,
	}
	sub, ok := subs[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "teeoracle registry: unknown subcommand %q\n%s\n", args[0], registryUsage)
		return 2
	}
	c := newRegistryCmd(args[0], stdout, stderr)
	extra := registryFlags[args[0]]
	if extra != nil {
		extra(c)
	}
	if err := c.fs.Parse(args[1:]); err != nil {
		return 2
	}
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	if err := sub(ctx, c); err != nil {
		fmt.Fprintf(stderr, "teeoracle registry %s: %s\n", args[0], oneLine(err))
		if errors.As(err, new(usageError)) {
			return 2
		}
		return 1
	}
	return 0
}

func oneLine(err error) string {
	var re *registry.RevertError
	if errors.As(err, &re) {
		return "reverted: " + re.Reason()
	}
	return strings.ReplaceAll(err.Error(), "\n", " ")
}

// Subcommand-specific flags, registered before parsing.
var (
	deployRelayers, deployAdmin, sunsetAt, allowTEE string
	deployThreshold                                 uint
	deployLimits                                    = registry.DefaultLimits
	newLimits                                       registry.Limits // set-limits
)

var registryFlags = map[string]func(*registryCmd){
	"deploy": func(c *registryCmd) {
		c.fs.StringVar(&deployRelayers, "relayers", "", "comma-separated relayer signing addresses")
		c.fs.UintVar(&deployThreshold, "threshold", 1, "signatures required per attestation")
		c.fs.StringVar(&deployAdmin, "admin", "", "admin and governor (default: the sender)")
		uint32Var(c.fs, &deployLimits.MaxAttestationAge, "max-attestation-age", "seconds an attestation may wait before it is posted")
		uint32Var(c.fs, &deployLimits.MaxValidity, "max-validity", "cap on expiresAt - issuedAt, seconds")
		uint32Var(c.fs, &deployLimits.ResponseWindow, "response-window", "seconds to answer a re-attestation request")
		uint32Var(c.fs, &deployLimits.Cooldown, "cooldown", "seconds between requests for one subject")
	},
	"allow":  func(c *registryCmd) { c.fs.StringVar(&allowTEE, "tee", "", "TEE type: sev-snp or tdx") },
	"sunset": func(c *registryCmd) { c.fs.StringVar(&sunsetAt, "at", "", "when: RFC 3339 time or unix seconds") },
	"set-relayers": func(c *registryCmd) {
		c.fs.StringVar(&deployRelayers, "relayers", "", "comma-separated relayer signing addresses")
		c.fs.UintVar(&deployThreshold, "threshold", 0, "signatures required per attestation")
	},
	"set-limits": func(c *registryCmd) {
		uint32Var(c.fs, &newLimits.MaxAttestationAge, "max-attestation-age", "seconds an attestation may wait before it is posted")
		uint32Var(c.fs, &newLimits.MaxValidity, "max-validity", "cap on expiresAt - issuedAt, seconds")
		uint32Var(c.fs, &newLimits.ResponseWindow, "response-window", "seconds to answer a re-attestation request")
		uint32Var(c.fs, &newLimits.Cooldown, "cooldown", "seconds between requests for one subject")
	},
	"set-min-tcb": func(c *registryCmd) { c.fs.StringVar(&allowTEE, "tee", "", "TEE type: sev-snp or tdx") },
}

type uint32Flag struct{ p *uint32 }

func (f uint32Flag) String() string {
	if f.p == nil {
		return "0"
	}
	return strconv.FormatUint(uint64(*f.p), 10)
}

func (f uint32Flag) Set(s string) error {
	v, err := strconv.ParseUint(s, 10, 32)
	if err != nil {
		return fmt.Errorf("want seconds as a whole number below 2^32, got %q", s)
	}
	*f.p = uint32(v)
	return nil
}

func uint32Var(fs *flag.FlagSet, p *uint32, name, usage string) { fs.Var(uint32Flag{p}, name, usage) }

func (c *registryCmd) dial(ctx context.Context) (*ethclient.Client, error) {
	client, err := ethclient.DialContext(ctx, c.rpc)
	if err != nil {
		return nil, fmt.Errorf("connect to %s: %w", c.rpc, err)
	}
	if _, err := client.ChainID(ctx); err != nil {
		client.Close()
		return nil, fmt.Errorf("node at %s does not answer eth_chainId: %w", c.rpc, err)
	}
	return client, nil
}

func (c *registryCmd) client(ctx context.Context) (*registry.Client, *ethclient.Client, error) {
	if !common.IsHexAddress(c.registry) {
		return nil, nil, usagef("--registry (or TEEORACLE_REGISTRY) must be the registry address, got %q", c.registry)
	}
	eth, err := c.dial(ctx)
	if err != nil {
		return nil, nil, err
	}
	reg := registry.New(eth, common.HexToAddress(c.registry))
	if ok, err := reg.HasCode(ctx); err != nil {
		return nil, nil, err
	} else if !ok {
		return nil, nil, fmt.Errorf("%w %s on %s", registry.ErrNoCode, c.registry, c.rpc)
	}
	return reg, eth, nil
}

func (c *registryCmd) senderKey() (*ecdsa.PrivateKey, error) {
	switch {
	case c.key != "":
		k, err := crypto.HexToECDSA(strings.TrimPrefix(strings.TrimSpace(c.key), "0x"))
		if err != nil {
			return nil, usagef("--private-key is not a hex secp256k1 key: %v", err)
		}
		return k, nil
	case c.keystore != "":
		return loadKeystore(c.keystore, c.pwdFl)
	}
	return nil, usagef("a sender key is needed: --private-key or --keystore with --password-file")
}

func loadKeystore(file, passwordFile string) (*ecdsa.PrivateKey, error) {
	js, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("read keystore: %w", err)
	}
	if passwordFile == "" {
		return nil, usagef("--keystore needs --password-file")
	}
	pw, err := os.ReadFile(passwordFile)
	if err != nil {
		return nil, fmt.Errorf("read password file: %w", err)
	}
	k, err := keystore.DecryptKey(js, strings.TrimRight(string(pw), "\r\n"))
	if err != nil {
		return nil, fmt.Errorf("decrypt keystore %s: %w", file, err)
	}
	return k.PrivateKey, nil
}

func (c *registryCmd) transactor(ctx context.Context, eth *ethclient.Client) (*bind.TransactOpts, error) {
	key, err := c.senderKey()
	if err != nil {
		return nil, err
	}
	id, err := eth.ChainID(ctx)
	if err != nil {
		return nil, err
	}
	opts := bind.NewKeyedTransactor(key, id)
	opts.Context = ctx
	return opts, nil
}

// send runs one governance transaction and waits for it.
func (c *registryCmd) send(ctx context.Context, do func(*registry.Client, *bind.TransactOpts) (*types.Transaction, error)) (*types.Receipt, *registry.Client, error) {
	reg, eth, err := c.client(ctx)
	if err != nil {
		return nil, nil, err
	}
	defer eth.Close()
	opts, err := c.transactor(ctx, eth)
	if err != nil {
		return nil, nil, err
	}
	tx, err := do(reg, opts)
	if err != nil {
		return nil, nil, err
	}
	rcpt, err := reg.Wait(ctx, tx)
	return rcpt, reg, err
}

func (c *registryCmd) print(v any, text string) error {
	if c.asJSON {
		return json.NewEncoder(c.stdout).Encode(v)
	}
	_, err := fmt.Fprintln(c.stdout, text)
	return err
}

func (c *registryCmd) arg(what string) (string, error) {
	if c.fs.NArg() != 1 {
		return "", usagef("want exactly one argument, %s; got %d", what, c.fs.NArg())
	}
	return c.fs.Arg(0), nil
}

func parseHash(s string) (common.Hash, error) {
	b, err := hexutil.Decode(s)
	if err != nil || len(b) != 32 {
		return common.Hash{}, usagef("want a 0x-prefixed 32-byte hash, got %q", s)
	}
	return common.BytesToHash(b), nil
}

func registryDeploy(ctx context.Context, c *registryCmd) error {
	if c.fs.NArg() != 0 {
		return usagef("deploy takes no arguments")
	}
	relayers, err := relayerFlags()
	if err != nil {
		return err
	}
	eth, err := c.dial(ctx)
	if err != nil {
		return err
	}
	defer eth.Close()
	opts, err := c.transactor(ctx, eth)
	if err != nil {
		return err
	}
	admin := opts.From
	if deployAdmin != "" {
		if !common.IsHexAddress(deployAdmin) {
			return usagef("--admin: %q is not an address", deployAdmin)
		}
		admin = common.HexToAddress(deployAdmin)
	}
	addr, tx, err := registry.Deploy(opts, eth, registry.DeployParams{
		Admin: admin, Relayers: relayers, Threshold: uint8(deployThreshold), Limits: deployLimits,
	})
	if err != nil {
		return err
	}
	if _, err := registry.New(eth, addr).Wait(ctx, tx); err != nil {
		return err
	}
	return c.print(map[string]any{"registry": addr, "tx": tx.Hash(), "admin": admin, "relayers": relayers,
		"threshold": deployThreshold}, addr.Hex())
}

// relayerFlags reads --relayers and --threshold.
func relayerFlags() ([]common.Address, error) {
	var relayers []common.Address
	for _, r := range strings.Split(deployRelayers, ",") {
		if r = strings.TrimSpace(r); r == "" {
			continue
		}
		if !common.IsHexAddress(r) {
			return nil, usagef("--relayers: %q is not an address", r)
		}
		relayers = append(relayers, common.HexToAddress(r))
	}
	if len(relayers) == 0 {
		return nil, usagef("--relayers is required: the relayers' signing addresses")
	}
	if deployThreshold == 0 || deployThreshold > uint(len(relayers)) || deployThreshold > 255 {
		return nil, usagef("--threshold must be between 1 and the number of relayers (%d), got %d", len(relayers), deployThreshold)
	}
	return relayers, nil
}

func registryAllow(ctx context.Context, c *registryCmd) error {
	s, err := c.arg("the measurement hash (see `teeoracle measure`)")
	if err != nil {
		return err
	}
	h, err := parseHash(s)
	if err != nil {
		return err
	}
	tee, err := protocol.ParseTEEType(allowTEE)
	if err != nil {
		return usagef("--tee: %v", err)
	}
	rcpt, _, err := c.send(ctx, func(r *registry.Client, o *bind.TransactOpts) (*types.Transaction, error) {
		return r.AllowMeasurement(o, h, tee)
	})
	if err != nil {
		return err
	}
	return c.print(map[string]any{"measurementHash": h, "tee": tee.String(), "tx": rcpt.TxHash},
		fmt.Sprintf("allowed %s for %s in %s", h.Hex(), tee, rcpt.TxHash.Hex()))
}

func registryRevoke(ctx context.Context, c *registryCmd) error {
	s, err := c.arg("a measurement hash or a subject address")
	if err != nil {
		return err
	}
	b, derr := hexutil.Decode(s)
	switch {
	case derr == nil && len(b) == 32:
		h := common.BytesToHash(b)
		rcpt, _, err := c.send(ctx, func(r *registry.Client, o *bind.TransactOpts) (*types.Transaction, error) {
			return r.RevokeMeasurement(o, h)
		})
		if err != nil {
			return err
		}
		return c.print(map[string]any{"measurementHash": h, "tx": rcpt.TxHash},
			fmt.Sprintf("revoked measurement %s in %s", h.Hex(), rcpt.TxHash.Hex()))
	case derr == nil && len(b) == 20:
		a := common.BytesToAddress(b)
		rcpt, _, err := c.send(ctx, func(r *registry.Client, o *bind.TransactOpts) (*types.Transaction, error) {
			return r.Revoke(o, a)
		})
		if err != nil {
			return err
		}
		return c.print(map[string]any{"subject": a, "tx": rcpt.TxHash},
			fmt.Sprintf("revoked subject %s in %s", a.Hex(), rcpt.TxHash.Hex()))
	}
	return usagef("want a 32-byte measurement hash or a 20-byte subject address, got %q", s)
}

func registrySunset(ctx context.Context, c *registryCmd) error {
	s, err := c.arg("the measurement hash")
	if err != nil {
		return err
	}
	h, err := parseHash(s)
	if err != nil {
		return err
	}
	at, err := parseTime(sunsetAt)
	if err != nil {
		return err
	}
	rcpt, _, err := c.send(ctx, func(r *registry.Client, o *bind.TransactOpts) (*types.Transaction, error) {
		return r.SunsetMeasurement(o, h, uint64(at.Unix()))
	})
	if err != nil {
		return err
	}
	return c.print(map[string]any{"measurementHash": h, "sunsetAt": at.Unix(), "tx": rcpt.TxHash},
		fmt.Sprintf("measurement %s retires at %s (tx %s)", h.Hex(), at.UTC().Format(time.RFC3339), rcpt.TxHash.Hex()))
}

func parseTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, usagef("--at is required: an RFC 3339 time or unix seconds")
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return time.Unix(n, 0), nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, usagef("--at: want RFC 3339 (2026-12-31T00:00:00Z) or unix seconds, got %q", s)
	}
	return t, nil
}

func registryRequest(ctx context.Context, c *registryCmd) error {
	s, err := c.arg("the subject address")
	if err != nil {
		return err
	}
	if !common.IsHexAddress(s) {
		return usagef("want a subject address, got %q", s)
	}
	subject := common.HexToAddress(s)
	rcpt, _, err := c.send(ctx, func(r *registry.Client, o *bind.TransactOpts) (*types.Transaction, error) {
		return r.RequestReattestation(o, subject)
	})
	if err != nil {
		return err
	}
	for _, l := range rcpt.Logs {
		if ev, err := registry.ABI().UnpackReattestationRequestedEvent(l); err == nil {
			return c.print(map[string]any{"subject": subject, "nonce": common.Hash(ev.Nonce), "deadline": ev.Deadline, "tx": rcpt.TxHash},
				fmt.Sprintf("requested re-attestation of %s: nonce %s, deadline %s", subject.Hex(),
					common.Hash(ev.Nonce).Hex(), time.Unix(int64(ev.Deadline), 0).UTC().Format(time.RFC3339)))
		}
	}
	return fmt.Errorf("transaction %s emitted no ReattestationRequested event", rcpt.TxHash.Hex())
}

func registryStatus(ctx context.Context, c *registryCmd) error {
	if c.fs.NArg() > 1 {
		return usagef("status takes at most one argument, a subject address")
	}
	reg, eth, err := c.client(ctx)
	if err != nil {
		return err
	}
	defer eth.Close()
	if c.fs.NArg() == 1 {
		return subjectStatus(ctx, c, reg, c.fs.Arg(0))
	}
	relayers, threshold, err := reg.RelayerSet(ctx)
	if err != nil {
		return err
	}
	lim, err := reg.Limits(ctx)
	if err != nil {
		return err
	}
	minSNP, err := reg.MinTcbStatus(ctx, protocol.TEESevSnp)
	if err != nil {
		return err
	}
	minTDX, err := reg.MinTcbStatus(ctx, protocol.TEETDX)
	if err != nil {
		return err
	}
	out := map[string]any{"registry": reg.Address, "relayers": relayers, "threshold": threshold,
		"maxAttestationAge": lim.MaxAttestationAge, "maxValidity": lim.MaxValidity,
		"responseWindow": lim.ResponseWindow, "cooldown": lim.Cooldown,
		"minTcbStatusSevSnp": uint8(minSNP), "minTcbStatusTdx": uint8(minTDX)}
	var b strings.Builder
	fmt.Fprintf(&b, "registry   %s\nrelayers   %d of %v\nlimits     max age %ds, max validity %ds, response window %ds, cooldown %ds\nmin TCB    sev-snp %s, tdx %s",
		reg.Address.Hex(), threshold, relayers, lim.MaxAttestationAge, lim.MaxValidity, lim.ResponseWindow, lim.Cooldown, minSNP, minTDX)
	return c.print(out, b.String())
}

func subjectStatus(ctx context.Context, c *registryCmd, reg *registry.Client, s string) error {
	if !common.IsHexAddress(s) {
		return usagef("want a subject address, got %q", s)
	}
	subject := common.HexToAddress(s)
	ok, err := reg.IsAttested(ctx, subject)
	if err != nil {
		return err
	}
	rec, err := reg.AttestationOf(ctx, subject)
	if err != nil {
		return err
	}
	out := map[string]any{"subject": subject, "isAttested": ok, "tee": protocol.TEEType(rec.TeeType).String(),
		"tcbStatus": rec.TcbStatus, "measurementHash": common.Hash(rec.MeasurementHash), "issuedAt": rec.IssuedAt,
		"expiresAt": rec.ExpiresAt, "revoked": rec.Revoked, "pendingNonce": common.Hash(rec.PendingNonce),
		"pendingDeadline": rec.PendingDeadline}
	if rec.IssuedAt == 0 {
		return c.print(out, fmt.Sprintf("subject %s: no attestation", subject.Hex()))
	}
	text := fmt.Sprintf("subject     %s\nattested    %v\ntee         %s, TCB %s\nmeasurement %s\nissued      %s\nexpires     %s\nrevoked     %v",
		subject.Hex(), ok, protocol.TEEType(rec.TeeType), protocol.TCBStatus(rec.TcbStatus),
		common.Hash(rec.MeasurementHash).Hex(), unixTime(rec.IssuedAt), unixTime(rec.ExpiresAt), rec.Revoked)
	if rec.PendingDeadline != 0 {
		text += fmt.Sprintf("\nrequest     nonce %s, deadline %s", common.Hash(rec.PendingNonce).Hex(), unixTime(rec.PendingDeadline))
	}
	return c.print(out, text)
}

func unixTime(t uint64) string { return time.Unix(int64(t), 0).UTC().Format(time.RFC3339) }
