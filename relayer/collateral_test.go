package relayer

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/teeoracle/teeoracle/relayer/store"
)

type countingGetter struct {
	calls int
	body  []byte
	err   error
}

func (g *countingGetter) GetContext(context.Context, string) (map[string][]string, []byte, error) {
	g.calls++
	return map[string][]string{"Tcb-Info-Issuer-Chain": {"chain"}}, g.body, g.err
}

func TestCollateralCacheServesUntilTheBodysOwnExpiryAndRefreshes(t *testing.T) {
	st, err := store.OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	inner := &countingGetter{body: []byte(`{"tcbInfo":{"nextUpdate":"2026-01-31T00:00:00Z"},"signature":"00"}`)}
	c := &collateralCache{inner: inner, b: st.Bucket("collateral"), now: func() time.Time { return now },
		log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	ctx := context.Background()
	const url = "https://api.trustedservices.intel.com/tdx/certification/v4/tcb?fmspc=00806f050000"

	for i := 0; i < 3; i++ {
		hdr, body, err := c.GetContext(ctx, url)
		if err != nil || string(body) != string(inner.body) || hdr["Tcb-Info-Issuer-Chain"][0] != "chain" {
			t.Fatalf("get %d = %v %q %v", i, hdr, body, err)
		}
	}
	if inner.calls != 1 {
		t.Fatalf("%d fetches for three gets of fresh collateral, want 1", inner.calls)
	}
	// A new process (same store) does not refetch either.
	c2 := &collateralCache{inner: inner, b: st.Bucket("collateral"), now: c.now, log: c.log}
	if _, _, err := c2.GetContext(ctx, url); err != nil || inner.calls != 1 {
		t.Fatalf("after a restart: %v, %d fetches", err, inner.calls)
	}
	// Past three quarters of its life, refresh refetches it.
	now = now.Add(25 * 24 * time.Hour)
	c.refresh(ctx)
	if inner.calls != 2 {
		t.Fatalf("refresh made %d fetches in all, want 2", inner.calls)
	}
	// Past nextUpdate it is never served: the fetch error comes through.
	now = time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	inner.err = errors.New("PCS down")
	if _, _, err := c.GetContext(ctx, url); err == nil {
		t.Fatal("expired collateral served from the cache")
	}
	c.refresh(ctx)
	if n, _ := st.Bucket("collateral").Count(nil); n != 0 {
		t.Fatalf("%d expired bodies kept after a failed refresh, want 0", n)
	}
}
