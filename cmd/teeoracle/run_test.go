package main

import (
	"io"
	"log/slog"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/teeoracle/teeoracle/relayer/store"
)

func runArgs(dir string, extra ...string) []string {
	return append([]string{"--chain-id", "31337", "--rpc-url", "http://127.0.0.1:8545",
		"--registry", common.BigToAddress(common.Big1).Hex(), "--signing-key", "0x01", "--allow-raw-keys=true",
		"--data-dir", dir}, extra...)
}

// --resync-from is a one-off action, never a setting: it parses to a block number, is
// refused otherwise, and clears the store's chain-derived state but nothing else.
func TestRunResyncFrom(t *testing.T) {
	dir := t.TempDir()
	cfg, once, err := loadRunConfig(runArgs(dir, "--resync-from", "42"), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if once.resyncFrom == nil || *once.resyncFrom != 42 || cfg.StartBlock != 0 {
		t.Fatalf("resyncFrom %v, start block %d; want 42 and the configured 0", once.resyncFrom, cfg.StartBlock)
	}
	if _, once, err := loadRunConfig(runArgs(dir), io.Discard); err != nil || once.resyncFrom != nil {
		t.Fatalf("without the flag: %v, %v", once.resyncFrom, err)
	}
	if _, _, err := loadRunConfig(runArgs(dir, "--resync-from", "latest"), io.Discard); err == nil {
		t.Fatal("--resync-from latest accepted")
	}

	// One key in each bucket; the relayer's chain-derived ones must go, the rest stay.
	entries := map[string]string{"watch": "checkpoint", "subjects": "s", "requests": "r", "agents": "a", "jobs": "j", "archive": "q", "txmgr": "t"}
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	for bucket, key := range entries {
		if err := st.Bucket(bucket).Put([]byte(key), []byte(`{}`)); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	if err := resync(cfg, 42, slog.New(slog.NewTextHandler(io.Discard, nil))); err != nil {
		t.Fatal(err)
	}
	st, err = store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for bucket, key := range entries {
		has, err := st.Bucket(bucket).Has([]byte(key))
		if err != nil {
			t.Fatal(err)
		}
		if want := bucket == "agents" || bucket == "jobs" || bucket == "archive" || bucket == "txmgr"; has != want {
			t.Errorf("after resync %s/%s present = %v, want %v", bucket, key, has, want)
		}
	}
}
