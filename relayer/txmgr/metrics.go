package txmgr

import (
	"sync/atomic"
	"time"
)

// Metrics receives the Manager's events. A Prometheus adapter implements it in the daemon;
// tests use Counters.
type Metrics interface {
	// Sent counts a new transaction reaching a node (not counting fee bumps).
	Sent()
	// Bumped counts a replacement with higher fees reaching a node.
	Bumped()
	// Confirmed counts a candidate confirmed at the configured depth, with the time from
	// its first broadcast.
	Confirmed(latency time.Duration)
	// Failed counts a candidate that ended without being executed successfully.
	Failed()
	// Reorged counts a mined attempt whose block left the canonical chain.
	Reorged()
}

// Counters is a Metrics that counts in memory. It is safe for concurrent use.
type Counters struct {
	SentTotal, BumpedTotal, ConfirmedTotal, FailedTotal, ReorgedTotal atomic.Uint64
	LatencyTotal                                                      atomic.Int64 // nanoseconds, summed over confirmations
}

func (c *Counters) Sent()   { c.SentTotal.Add(1) }
func (c *Counters) Bumped() { c.BumpedTotal.Add(1) }
func (c *Counters) Confirmed(latency time.Duration) {
	c.ConfirmedTotal.Add(1)
	c.LatencyTotal.Add(int64(latency))
}
func (c *Counters) Failed()  { c.FailedTotal.Add(1) }
func (c *Counters) Reorged() { c.ReorgedTotal.Add(1) }

type noMetrics struct{}

func (noMetrics) Sent()                   {}
func (noMetrics) Bumped()                 {}
func (noMetrics) Confirmed(time.Duration) {}
func (noMetrics) Failed()                 {}
func (noMetrics) Reorged()                {}
