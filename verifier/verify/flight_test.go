package verify_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/teeoracle/teeoracle/verifier"
	"github.com/teeoracle/teeoracle/verifier/verify"
)

// countingGetter counts fetches per URL and holds each one long enough for a burst of
// callers to pile up behind it.
type countingGetter struct {
	next  verifier.HTTPSGetter
	delay time.Duration
	mu    sync.Mutex
	calls map[string]int
}

func (g *countingGetter) GetContext(ctx context.Context, u string) (map[string][]string, []byte, error) {
	g.mu.Lock()
	g.calls[u]++
	g.mu.Unlock()
	time.Sleep(g.delay)
	return g.next.GetContext(ctx, u)
}

// A burst of first quotes from one new platform fetches each VCEK, CRL and collateral
// item once, not once per quote: AMD KDS and Intel PCS rate-limit, and a relayer that
// multiplied its fetches by its concurrency would be throttled exactly when it is busy.
func TestBurstOfNewEvidenceFetchesOnce(t *testing.T) {
	f := newFixture(t)
	opts := f.options(nil)
	g := &countingGetter{next: opts.Getter, delay: 100 * time.Millisecond, calls: map[string]int{}}
	opts.Getter = g
	v, err := verify.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	// The SEV-SNP envelopes carry no certificate table, so the VCEK comes from the KDS.
	var envs [][]byte
	for i := 0; i < 8; i++ {
		b := testBinding()
		b.Nonce[0] = byte(i)
		snp := mutateEnvelope(t, f.snpEnvelope(t, b), func(ev *verifier.Evidence) { ev.Certs = nil })
		envs = append(envs, snp, f.tdxEnvelope(t, b))
	}
	var wg sync.WaitGroup
	errs := make(chan error, len(envs))
	for _, env := range envs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := v.VerifyBytes(context.Background(), env)
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if len(g.calls) < 5 { // VCEK, AMD CRL, TCB info, QE identity, PCK CRL, root CRL
		t.Fatalf("fetched %v, want the VCEK, the AMD CRL and the TDX collateral", g.calls)
	}
	for u, n := range g.calls {
		if n != 1 {
			t.Errorf("%s fetched %d times by 8 concurrent verifications, want once", u, n)
		}
	}
}
