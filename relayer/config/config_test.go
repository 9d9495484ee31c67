package config

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestPrecedenceFlagsOverEnvOverFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "relayer.yaml")
	os.WriteFile(path, []byte("chain_id: 1\nrpc_url: http://file\nregistry: \"0x5FbDB2315678afecb367f032d93F642f64180aa3\"\nvalidity: 2h\npeers: [http://a, http://b]\n"), 0o600)
	c := Default()
	if err := c.LoadFile(path); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"TEEORACLE_RPC_URL": "http://env", "TEEORACLE_CHAIN_ID": "5", "TEEORACLE_VALIDITY": "3h"}
	if err := c.LoadEnv(func(k string) (string, bool) { v, ok := env[k]; return v, ok }); err != nil {
		t.Fatal(err)
	}
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	c.RegisterFlags(fs)
	if err := fs.Parse([]string{"--chain-id", "7", "--allow-raw-keys"}); err != nil {
		t.Fatal(err)
	}
	if c.ChainID != 7 || c.RPCURL != "http://env" || c.Validity != 3*time.Hour || !c.AllowRawKeys ||
		strings.Join(c.Peers, ",") != "http://a,http://b" || c.Listen != "127.0.0.1:8080" {
		t.Fatalf("effective config = %+v", c)
	}
}

func TestUnknownKeysAndBadValuesAreRejected(t *testing.T) {
	path := filepath.Join(t.TempDir(), "relayer.yaml")
	os.WriteFile(path, []byte("chain_id: 1\nrpc_ulr: http://typo\n"), 0o600)
	c := Default()
	if err := c.LoadFile(path); err == nil || !strings.Contains(err.Error(), "rpc_ulr") {
		t.Fatalf("LoadFile with an unknown key = %v, want an error naming it", err)
	}
	c = Default()
	if err := c.LoadEnv(func(k string) (string, bool) { return "soon", k == "TEEORACLE_VALIDITY" }); err == nil ||
		!strings.Contains(err.Error(), "TEEORACLE_VALIDITY") {
		t.Fatalf("bad env duration = %v", err)
	}
	c = Default()
	c.SigningKey = "0xabc"
	err := c.Check()
	for _, want := range []string{"chain_id is required", "rpc_url is required", "registry must be", "allow_raw_keys"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Check() = %v, want it to say %q", err, want)
		}
	}
}

func TestRedactedHidesSecrets(t *testing.T) {
	c := Default()
	c.SigningKey = "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"
	r := c.Redacted()
	if r["signing_key"] != "<redacted>" || strings.Contains(strings.Join(values(r), " "), c.SigningKey) {
		t.Fatalf("Redacted leaks the key: %v", r["signing_key"])
	}
	if r["listen"] != "127.0.0.1:8080" {
		t.Fatalf("Redacted listen = %q", r["listen"])
	}
}

func values(m map[string]string) []string {
	var out []string
	for _, v := range m {
		out = append(out, v)
	}
	return out
}

func TestTrustedProxies(t *testing.T) {
	c := Default()
	if err := c.LoadEnv(func(k string) (string, bool) {
		return "10.0.0.0/8, 192.0.2.7,::1", k == "TEEORACLE_TRUSTED_PROXIES"
	}); err != nil {
		t.Fatal(err)
	}
	got, err := c.TrustedProxyPrefixes()
	if err != nil || len(got) != 3 || got[0].String() != "10.0.0.0/8" || got[1].String() != "192.0.2.7/32" || got[2].String() != "::1/128" {
		t.Fatalf("TrustedProxyPrefixes = %v, %v", got, err)
	}
	c.TrustedProxies = []string{"proxy.internal"}
	if err := c.Check(); err == nil || !strings.Contains(err.Error(), `trusted_proxies: "proxy.internal" is neither an IP nor a CIDR`) {
		t.Fatalf("Check() = %v, want the bad entry named", err)
	}
}
