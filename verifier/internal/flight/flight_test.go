package flight

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestConcurrentCallersShareOneCall(t *testing.T) {
	var g Group
	var calls atomic.Int32
	release := make(chan struct{})
	fn := func(ctx context.Context) (int, error) {
		calls.Add(1)
		<-release
		return 42, nil
	}
	const n = 8
	var wg sync.WaitGroup
	results := make(chan int, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v, err := Do(context.Background(), &g, "k", fn)
			if err != nil {
				t.Error(err)
			}
			results <- v
		}()
	}
	time.Sleep(50 * time.Millisecond) // let every caller join the call in flight
	close(release)
	wg.Wait()
	close(results)
	for v := range results {
		if v != 42 {
			t.Fatalf("a caller got %d, want 42", v)
		}
	}
	if got := calls.Load(); got != 1 {
		t.Fatalf("fn ran %d times for %d concurrent callers, want 1", got, n)
	}
	// Once done, the next caller runs fn again: the group is not a cache.
	if _, err := Do(context.Background(), &g, "k", func(context.Context) (int, error) { calls.Add(1); return 1, nil }); err != nil || calls.Load() != 2 {
		t.Fatalf("a later call: err %v, calls %d, want a second call", err, calls.Load())
	}
}

// A caller that gives up returns at once; the shared call still completes for the
// others, with a context its cancellation did not reach.
func TestCallerCancellationDoesNotFailOthers(t *testing.T) {
	var g Group
	release := make(chan struct{})
	fn := func(ctx context.Context) (string, error) {
		<-release
		if err := ctx.Err(); err != nil {
			return "", err
		}
		return "ok", nil
	}
	leaderCtx, cancel := context.WithCancel(context.Background())
	leader := make(chan error, 1)
	go func() { _, err := Do(leaderCtx, &g, "k", fn); leader <- err }()
	time.Sleep(20 * time.Millisecond)
	follower := make(chan string, 1)
	go func() { v, _ := Do(context.Background(), &g, "k", fn); follower <- v }()
	time.Sleep(20 * time.Millisecond)
	cancel()
	select {
	case err := <-leader:
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("cancelled caller got %v, want context.Canceled", err)
		}
	case <-time.After(time.Second):
		t.Fatal("a cancelled caller kept waiting")
	}
	close(release)
	if v := <-follower; v != "ok" {
		t.Fatalf("the other caller got %q, want ok: the leader's cancellation reached the shared call", v)
	}
}

func TestErrorsAreShared(t *testing.T) {
	var g Group
	want := errors.New("KDS said 429")
	if _, err := Do(context.Background(), &g, "k", func(context.Context) (*int, error) { return nil, want }); !errors.Is(err, want) {
		t.Fatalf("got %v, want %v", err, want)
	}
}
