// Package config is the relayer's configuration: a YAML file, overlaid by TEEORACLE_*
// environment variables, overlaid by command-line flags (flags > env > file). Unknown keys
// are rejected, Check says what a bad value should be, and Redacted is what gets logged.
package config

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/big"
	"net/netip"
	"os"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/robfig/cron/v3"
	"gopkg.in/yaml.v3"
)

// Config is everything `teeoracle run` needs. Each field's yaml key is also its flag name (with
// "-" for "_") and, upper-cased with a TEEORACLE_ prefix, its environment variable.
type Config struct {
	// Chain and registry.
	ChainID    uint64 `yaml:"chain_id" help:"chain id the relayer must find at rpc_url (refuses to start otherwise)"`
	RPCURL     string `yaml:"rpc_url" help:"JSON-RPC endpoint (http(s):// or ws(s)://)"`
	WSURL      string `yaml:"ws_url" help:"optional websocket endpoint, used only to wake up on new heads"`
	Registry   string `yaml:"registry" help:"AttestationRegistry address"`
	StartBlock uint64 `yaml:"start_block" help:"first block to watch when the store has no checkpoint"`

	// Keys. The signing key signs EIP-712 attestations; the sender key pays gas (defaults to the
	// signing key). Raw hex keys are for development only and need allow_raw_keys.
	SigningKeystore     string `yaml:"signing_keystore" help:"go-ethereum keystore file of the signing key"`
	SigningPasswordFile string `yaml:"signing_password_file" help:"file holding the signing keystore's password"`
	SigningKey          string `yaml:"signing_key" secret:"true" help:"raw hex signing key (needs allow_raw_keys)"`
	SenderKeystore      string `yaml:"sender_keystore" help:"keystore file of a separate gas-paying sender key"`
	SenderPasswordFile  string `yaml:"sender_password_file" help:"file holding the sender keystore's password"`
	SenderKey           string `yaml:"sender_key" secret:"true" help:"raw hex sender key (needs allow_raw_keys)"`
	RemoteSigner        string `yaml:"remote_signer" help:"clef/Web3Signer URL that signs the sender's transactions (eth_signTransaction)"`
	RemoteSignerAddress string `yaml:"remote_signer_address" help:"sender address held by the remote signer"`
	AllowRawKeys        bool   `yaml:"allow_raw_keys" help:"accept raw hex keys (development only)"`

	// Storage and API.
	DataDir      string  `yaml:"data_dir" help:"directory of the relayer's goleveldb store"`
	Listen       string  `yaml:"listen" help:"HTTP API address"`
	MaxBodyBytes int64   `yaml:"max_body_bytes" help:"largest accepted request body"`
	RateLimit    float64 `yaml:"rate_limit" help:"requests per second per client IP (0: unlimited)"`
	RateBurst    int     `yaml:"rate_burst" help:"burst size of the per-client rate limit"`
	// TrustedProxies are reverse proxies (IPs or CIDRs) whose X-Forwarded-For names the client.
	TrustedProxies []string `yaml:"trusted_proxies" help:"reverse proxies (IPs or CIDRs, comma-separated) whose X-Forwarded-For names the client for rate limits"`
	LogLevel       string   `yaml:"log_level" help:"debug, info, warn or error"`
	LogFormat      string   `yaml:"log_format" help:"text or json"`

	// Watching and posting.
	Confirmations   uint64        `yaml:"confirmations" help:"reorg window in blocks; a deeper reorg is a finality violation"`
	PollInterval    time.Duration `yaml:"poll_interval" help:"how often to poll for new blocks"`
	MaxLagBlocks    uint64        `yaml:"max_lag_blocks" help:"readiness fails when the watcher is further behind the head"`
	BatchMax        int           `yaml:"batch_max" help:"most attestations per attestBatch transaction"`
	BatchWait       time.Duration `yaml:"batch_wait" help:"how long to gather attestations into one batch"`
	TxConfirmations uint64        `yaml:"tx_confirmations" help:"depth at which a posted transaction counts as final"`
	ResubmitAfter   time.Duration `yaml:"resubmit_after" help:"bump fees when a transaction is not mined after this long"`
	MaxFeeGwei      float64       `yaml:"max_fee_gwei" help:"ceiling on maxFeePerGas, in gwei"`
	MinBalanceWei   string        `yaml:"min_balance_wei" help:"refuse to start (and alert) below this sender balance"`

	// Attestation policy.
	Validity           time.Duration `yaml:"validity" help:"lifetime given to an attestation (capped by the registry and the evidence's certificates)"`
	RefreshFraction    float64       `yaml:"refresh_fraction" help:"re-attest a subject after this fraction of its validity"`
	RefreshSchedule    string        `yaml:"refresh_schedule" help:"cron schedule of the refresh-before-expiry sweep"`
	CollateralSchedule string        `yaml:"collateral_schedule" help:"cron schedule of the refresh of cached collateral and CRLs before they expire"`
	PruneSchedule      string        `yaml:"prune_schedule" help:"cron schedule of the evidence archive pruning"`
	ArchiveRetention   time.Duration `yaml:"archive_retention" help:"how long raw evidence is kept for audit"`
	ChallengeTTL       time.Duration `yaml:"challenge_ttl" help:"lifetime of a challenge nonce"`
	AgentTimeout       time.Duration `yaml:"agent_timeout" help:"timeout of one evidence fetch from an agent"`
	PolicyFile         string        `yaml:"policy_file" help:"verifier policy (JSON); default: the secure built-in policy"`
	PCSBaseURL         string        `yaml:"pcs_base_url" help:"Intel PCS or PCCS base URL for TDX collateral"`
	KDSBaseURL         string        `yaml:"kds_base_url" help:"AMD KDS base URL for VCEKs and CRLs"`
	Peers              []string      `yaml:"peers" help:"co-signing peer relayers' base URLs (comma-separated)"`
}

// Default returns the defaults every layer starts from.
func Default() Config {
	return Config{
		DataDir: "teeoracle-data", Listen: "127.0.0.1:8080", MaxBodyBytes: 256 << 10,
		RateLimit: 20, RateBurst: 40, LogLevel: "info", LogFormat: "text",
		Confirmations: 12, PollInterval: 2 * time.Second, MaxLagBlocks: 20,
		BatchMax: 64, BatchWait: 500 * time.Millisecond, TxConfirmations: 1,
		ResubmitAfter: 30 * time.Second, MaxFeeGwei: 500, MinBalanceWei: "10000000000000000",
		Validity: 6 * time.Hour, RefreshFraction: 0.5, RefreshSchedule: "@every 1m",
		CollateralSchedule: "@every 10m", PruneSchedule: "@every 6h", ArchiveRetention: 30 * 24 * time.Hour,
		ChallengeTTL: 5 * time.Minute, AgentTimeout: 10 * time.Second,
	}
}

// LoadFile overlays the YAML file at path onto c; unknown keys are an error.
func (c *Config) LoadFile(path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read config: %w", err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(c); err != nil && !errors.Is(err, io.EOF) {
		return fmt.Errorf("config %s: %w", path, err)
	}
	return nil
}

// LoadEnv overlays TEEORACLE_<KEY> variables found by lookup (os.LookupEnv in production).
func (c *Config) LoadEnv(lookup func(string) (string, bool)) error {
	return c.each(func(key string, f reflect.Value, _ reflect.StructField) error {
		name := "TEEORACLE_" + strings.ToUpper(key)
		if v, ok := lookup(name); ok {
			if err := set(f, v); err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
		}
		return nil
	})
}

// RegisterFlags defines one flag per field on fs; flags that are set are applied by ApplyFlags.
func (c *Config) RegisterFlags(fs *flag.FlagSet) {
	_ = c.each(func(key string, f reflect.Value, sf reflect.StructField) error {
		fs.Var(flagValue{f}, strings.ReplaceAll(key, "_", "-"), sf.Tag.Get("help"))
		return nil
	})
}

type flagValue struct{ f reflect.Value }

func (v flagValue) String() string {
	if !v.f.IsValid() {
		return ""
	}
	return format(v.f)
}
func (v flagValue) Set(s string) error { return set(v.f, s) }
func (v flagValue) IsBoolFlag() bool   { return v.f.IsValid() && v.f.Kind() == reflect.Bool }

func (c *Config) each(fn func(key string, f reflect.Value, sf reflect.StructField) error) error {
	v := reflect.ValueOf(c).Elem()
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		if err := fn(t.Field(i).Tag.Get("yaml"), v.Field(i), t.Field(i)); err != nil {
			return err
		}
	}
	return nil
}

var durationType = reflect.TypeOf(time.Duration(0))

func set(f reflect.Value, s string) error {
	switch {
	case f.Type() == durationType:
		d, err := time.ParseDuration(s)
		if err != nil {
			return fmt.Errorf("want a duration like 30s or 5m, got %q", s)
		}
		f.SetInt(int64(d))
	case f.Kind() == reflect.String:
		f.SetString(s)
	case f.Kind() == reflect.Bool:
		b, err := strconv.ParseBool(s)
		if err != nil {
			return fmt.Errorf("want true or false, got %q", s)
		}
		f.SetBool(b)
	case f.Kind() == reflect.Int || f.Kind() == reflect.Int64:
		n, err := strconv.ParseInt(s, 0, 64)
		if err != nil {
			return fmt.Errorf("want a whole number, got %q", s)
		}
		f.SetInt(n)
	case f.Kind() == reflect.Uint64:
		n, err := strconv.ParseUint(s, 0, 64)
		if err != nil {
			return fmt.Errorf("want a non-negative whole number, got %q", s)
		}
		f.SetUint(n)
	case f.Kind() == reflect.Float64:
		n, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return fmt.Errorf("want a number, got %q", s)
		}
		f.SetFloat(n)
	case f.Kind() == reflect.Slice && f.Type().Elem().Kind() == reflect.String:
		var parts []string
		for _, p := range strings.Split(s, ",") {
			if p = strings.TrimSpace(p); p != "" {
				parts = append(parts, p)
			}
		}
		f.Set(reflect.ValueOf(parts))
	default:
		return fmt.Errorf("unsupported config field type %s", f.Type())
	}
	return nil
}

func format(f reflect.Value) string {
	if f.Type() == durationType {
		return time.Duration(f.Int()).String()
	}
	if f.Kind() == reflect.Slice {
		return strings.Join(f.Interface().([]string), ",")
	}
	return fmt.Sprint(f.Interface())
}

// Check reports the first invalid setting, saying what is expected.
func (c *Config) Check() error {
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if c.ChainID == 0 {
		bad("chain_id is required: the chain id of the node at rpc_url")
	}
	if c.RPCURL == "" {
		bad("rpc_url is required")
	}
	if !common.IsHexAddress(c.Registry) {
		bad("registry must be the AttestationRegistry address, got %q", c.Registry)
	}
	if c.SigningKeystore == "" && c.SigningKey == "" {
		bad("a signing key is required: signing_keystore with signing_password_file")
	}
	if c.SigningKeystore != "" && c.SigningPasswordFile == "" {
		bad("signing_keystore needs signing_password_file")
	}
	if c.SenderKeystore != "" && c.SenderPasswordFile == "" {
		bad("sender_keystore needs sender_password_file")
	}
	if (c.SigningKey != "" || c.SenderKey != "") && !c.AllowRawKeys {
		bad("raw hex keys (signing_key, sender_key) are for development only: set allow_raw_keys, or use a keystore")
	}
	if c.RemoteSigner != "" && !common.IsHexAddress(c.RemoteSignerAddress) {
		bad("remote_signer needs remote_signer_address, the sender address it signs for")
	}
	if c.DataDir == "" {
		bad("data_dir is required")
	}
	if _, err := c.TrustedProxyPrefixes(); err != nil {
		bad("%v", err)
	}
	if c.MaxBodyBytes < 4096 {
		bad("max_body_bytes must be at least 4096, got %d", c.MaxBodyBytes)
	}
	if c.BatchMax < 1 || c.BatchMax > 256 {
		bad("batch_max must be between 1 and 256, got %d", c.BatchMax)
	}
	if c.Validity < time.Minute {
		bad("validity must be at least 1m, got %s", c.Validity)
	}
	if c.RefreshFraction <= 0 || c.RefreshFraction >= 1 {
		bad("refresh_fraction must be between 0 and 1 (exclusive), got %g", c.RefreshFraction)
	}
	if c.ChallengeTTL < time.Second {
		bad("challenge_ttl must be at least 1s, got %s", c.ChallengeTTL)
	}
	if c.PollInterval <= 0 {
		bad("poll_interval must be positive, got %s", c.PollInterval)
	}
	if _, ok := new(big.Int).SetString(c.MinBalanceWei, 10); !ok {
		bad("min_balance_wei must be a whole number of wei, got %q", c.MinBalanceWei)
	}
	for _, sch := range []struct{ key, spec string }{{"refresh_schedule", c.RefreshSchedule},
		{"collateral_schedule", c.CollateralSchedule}, {"prune_schedule", c.PruneSchedule}} {
		if sch.spec == "" {
			continue
		}
		if _, err := cron.ParseStandard(sch.spec); err != nil {
			bad("%s %q is not a cron schedule (e.g. \"@every 1m\" or \"*/5 * * * *\"): %v", sch.key, sch.spec, err)
		}
	}
	switch c.LogFormat {
	case "text", "json":
	default:
		bad("log_format must be text or json, got %q", c.LogFormat)
	}
	switch strings.ToLower(c.LogLevel) {
	case "debug", "info", "warn", "error":
	default:
		bad("log_level must be debug, info, warn or error, got %q", c.LogLevel)
	}
	return errors.Join(errs...)
}

// Redacted returns the effective configuration as key/value pairs with secrets hidden, for
// the startup log.
func (c *Config) Redacted() map[string]string {
	out := map[string]string{}
	_ = c.each(func(key string, f reflect.Value, sf reflect.StructField) error {
		v := format(f)
		if sf.Tag.Get("secret") == "true" && v != "" {
			v = "<redacted>"
		}
		out[key] = v
		return nil
	})
	return out
}

// MinBalance is MinBalanceWei as a number (valid after Check).
func (c *Config) MinBalance() *big.Int {
	n, _ := new(big.Int).SetString(c.MinBalanceWei, 10)
	return n
}

// TrustedProxyPrefixes parses TrustedProxies: each an IP (a one-address prefix) or a CIDR.
func (c *Config) TrustedProxyPrefixes() ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, s := range c.TrustedProxies {
		s = strings.TrimSpace(s)
		if p, err := netip.ParsePrefix(s); err == nil {
			out = append(out, p.Masked())
			continue
		}
		a, err := netip.ParseAddr(s)
		if err != nil {
			return nil, fmt.Errorf("trusted_proxies: %q is neither an IP nor a CIDR", s)
		}
		out = append(out, netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen()))
	}
	return out, nil
}
