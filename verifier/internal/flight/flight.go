// Package flight makes concurrent cache misses for the same key share one fetch or one
// verification: a burst of first quotes from a new platform asks AMD's KDS or Intel's PCS
// once, not once per quote (both rate-limit), and checks the chain once.
package flight

import (
	"context"
	"time"

	"golang.org/x/sync/singleflight"
)

// MaxWork bounds a shared call, which runs without its callers' cancellation.
const MaxWork = 2 * time.Minute

// Group holds the calls in flight. The zero value is ready to use.
type Group struct {
	g singleflight.Group
}

// Do runs fn once for all callers that ask for key while it runs and gives each the
// result. fn gets a context without the callers' cancellation, bounded by MaxWork, so
// one caller giving up does not fail the others; each caller stops waiting when its own
// ctx ends.
func Do[T any](ctx context.Context, g *Group, key string, fn func(ctx context.Context) (T, error)) (T, error) {
	ch := g.g.DoChan(key, func() (any, error) {
		wctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), MaxWork)
		defer cancel()
		return fn(wctx)
	})
	select {
	case r := <-ch:
		if r.Err != nil {
			var zero T
			return zero, r.Err
		}
		return r.Val.(T), nil
	case <-ctx.Done():
		var zero T
		return zero, ctx.Err()
	}
}
