package relayer

import (
	"runtime/debug"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
)

// Metrics are the relayer's Prometheus metrics: teeoracle_ prefix, base units, _total counters.
type Metrics struct {
	Registry          *prometheus.Registry
	verifications     *prometheus.CounterVec
	attestations      *prometheus.CounterVec
	requestsServed    prometheus.Counter
	requestsMissed    prometheus.Counter
	pendingRequests   prometheus.Gauge
	lastBlock         prometheus.Gauge
	balance           prometheus.Gauge
	txSent, txBumped  prometheus.Counter
	txConfirmed       prometheus.Counter
	txFailed          prometheus.Counter
	txReorged         prometheus.Counter
	txLatency         prometheus.Histogram
	agentFetches      *prometheus.CounterVec
	finalityViolation prometheus.Gauge
	gasUsed           prometheus.Counter
}

func newMetrics() *Metrics {
	r := prometheus.NewRegistry()
	m := &Metrics{Registry: r,
		verifications: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "teeoracle_verifications_total",
			Help: "Evidence verifications by TEE and result (accepted or the rejection reason)."}, []string{"tee", "result"}),
		attestations: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "teeoracle_attestations_total",
			Help: "Attestations by outcome on chain (confirmed, rejected, failed)."}, []string{"outcome"}),
		requestsServed: prometheus.NewCounter(prometheus.CounterOpts{Name: "teeoracle_reattestation_requests_served_total",
			Help: "Re-attestation requests answered on chain before their deadline."}),
		requestsMissed: prometheus.NewCounter(prometheus.CounterOpts{Name: "teeoracle_reattestation_requests_missed_total",
			Help: "Re-attestation requests whose deadline passed unanswered."}),
		pendingRequests: prometheus.NewGauge(prometheus.GaugeOpts{Name: "teeoracle_reattestation_requests_pending",
			Help: "Re-attestation requests waiting for fresh evidence."}),
		lastBlock: prometheus.NewGauge(prometheus.GaugeOpts{Name: "teeoracle_last_processed_block",
			Help: "Last block whose registry events were processed."}),
		balance: prometheus.NewGauge(prometheus.GaugeOpts{Name: "teeoracle_sender_balance_wei",
			Help: "Balance of the gas-paying sender account, in wei."}),
		txSent:      prometheus.NewCounter(prometheus.CounterOpts{Name: "teeoracle_tx_sent_total", Help: "Transactions broadcast (fee bumps not counted)."}),
		txBumped:    prometheus.NewCounter(prometheus.CounterOpts{Name: "teeoracle_tx_fee_bumps_total", Help: "Fee-bumped replacements broadcast."}),
		txConfirmed: prometheus.NewCounter(prometheus.CounterOpts{Name: "teeoracle_tx_confirmed_total", Help: "Transactions confirmed at depth."}),
		txFailed:    prometheus.NewCounter(prometheus.CounterOpts{Name: "teeoracle_tx_failed_total", Help: "Transactions that ended without success."}),
		txReorged:   prometheus.NewCounter(prometheus.CounterOpts{Name: "teeoracle_tx_reorged_total", Help: "Mined transactions whose block left the canonical chain."}),
		txLatency: prometheus.NewHistogram(prometheus.HistogramOpts{Name: "teeoracle_tx_confirmation_seconds",
			Help: "Time from first broadcast to confirmation.", Buckets: prometheus.ExponentialBuckets(1, 2, 10)}),
		agentFetches: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "teeoracle_agent_fetches_total",
			Help: "Evidence fetches from agents by result."}, []string{"result"}),
		finalityViolation: prometheus.NewGauge(prometheus.GaugeOpts{Name: "teeoracle_finality_violation",
			Help: "1 while the watcher has seen a reorg deeper than its confirmation depth."}),
		gasUsed: prometheus.NewCounter(prometheus.CounterOpts{Name: "teeoracle_gas_used_total", Help: "Gas used by confirmed transactions."}),
	}
	version := "devel"
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		version = bi.Main.Version
	}
	build := prometheus.NewGauge(prometheus.GaugeOpts{Name: "teeoracle_build_info", Help: "Build information.",
		ConstLabels: prometheus.Labels{"version": version}})
	build.Set(1)
	r.MustRegister(m.verifications, m.attestations, m.requestsServed, m.requestsMissed, m.pendingRequests,
		m.lastBlock, m.balance, m.txSent, m.txBumped, m.txConfirmed, m.txFailed, m.txReorged, m.txLatency, m.agentFetches,
		m.finalityViolation, m.gasUsed, build, collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Stats are running totals for dashboards such as `teeoracle dev`.
type Stats struct {
	Verified, Rejected, Confirmed, RequestsServed, RequestsMissed, GasUsed uint64
}

// txMetrics adapts Metrics to txmgr.Metrics.
type txMetrics struct{ m *Metrics }

func (t txMetrics) Sent()   { t.m.txSent.Inc() }
func (t txMetrics) Bumped() { t.m.txBumped.Inc() }
func (t txMetrics) Confirmed(latency time.Duration) {
	t.m.txConfirmed.Inc()
	t.m.txLatency.Observe(latency.Seconds())
}
func (t txMetrics) Failed()  { t.m.txFailed.Inc() }
func (t txMetrics) Reorged() { t.m.txReorged.Inc() }
