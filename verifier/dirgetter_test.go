package verifier

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDirGetterServesTheVCEKOffline(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "chip.vcek.der"), []byte("vcek"), 0o600)
	g := &DirGetter{Dir: dir}
	_, b, err := g.GetContext(context.Background(), "https://kdsintf.amd.com/vcek/v1/Milan/abcd?blSPL=4&teeSPL=0&snpSPL=27&ucodeSPL=222")
	if err != nil || string(b) != "vcek" {
		t.Fatalf("VCEK from the only *.vcek.der = %q, %v", b, err)
	}
	os.WriteFile(filepath.Join(dir, "abcd.der"), []byte("by hwid"), 0o600)
	if _, b, _ := g.GetContext(context.Background(), "https://kdsintf.amd.com/vcek/v1/Milan/abcd"); string(b) != "by hwid" {
		t.Fatalf("VCEK named by HWID not preferred: %q", b)
	}
	if _, _, err := g.GetContext(context.Background(), "https://example.com/anything"); err == nil || !strings.Contains(err.Error(), "has nothing for") {
		t.Fatalf("unknown URL = %v, want a refusal", err)
	}
}
