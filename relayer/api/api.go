// Package api is the relayer's HTTP interface (SPEC §8): challenges, evidence submission
// with a status resource, subject and quote views, co-signing for quorum, health and metrics.
// Bodies are size-limited, clients are rate-limited per IP, and bad input gets a 4xx with a
// reason in {"error": "..."}.
package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"golang.org/x/time/rate"

	"github.com/teeoracle/teeoracle/relayer"
	"github.com/teeoracle/teeoracle/relayer/store"
)

// Relayer is what the API serves; *relayer.Service implements it.
type Relayer interface {
	Challenge(subject common.Address) (common.Hash, time.Time, error)
	Submit(ctx context.Context, raw []byte, agentURL string) (*relayer.Job, error)
	Job(id string) (*relayer.Job, error)
	SubjectStatus(ctx context.Context, subject common.Address) (*relayer.SubjectView, error)
	Quote(h common.Hash) (*relayer.Archived, error)
	Cosign(ctx context.Context, req *relayer.CosignRequest) ([]byte, error)
	Ready() error
	Metrics() *relayer.Metrics
}

// Options tune the server.
type Options struct {
	MaxBodyBytes int64   // default 256 KiB
	RateLimit    float64 // requests per second per client IP; 0: unlimited
	RateBurst    int
	// TrustedProxies are the reverse proxies whose X-Forwarded-For names the client; from
	// anyone else the header is ignored, so a client cannot pick its own rate-limit bucket.
	TrustedProxies []netip.Prefix
	Logger         *slog.Logger
}

// Handler returns the API's http.Handler.
func Handler(r Relayer, o Options) http.Handler {
	if o.MaxBodyBytes <= 0 {
		o.MaxBodyBytes = 256 << 10
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	h := &handler{r: r, o: o, limiters: map[string]*rate.Limiter{}}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v1/challenge", h.challenge)
	mux.HandleFunc("POST /v1/attestations", h.submit)
	mux.HandleFunc("GET /v1/attestations/{id}", h.job)
	mux.HandleFunc("GET /v1/subjects/{address}", h.subject)
	mux.HandleFunc("GET /v1/quotes/{hash}", h.quote)
	mux.HandleFunc("POST /v1/cosign", h.cosign)
	mux.HandleFunc("GET /livez", func(w http.ResponseWriter, _ *http.Request) { writeJSON(w, 200, map[string]string{"status": "ok"}) })
	mux.HandleFunc("GET /readyz", h.ready)
	mux.Handle("GET /metrics", promhttp.HandlerFor(r.Metrics().Registry, promhttp.HandlerOpts{}))
	return h.limit(mux)
}

type handler struct {
	r        Relayer
	o        Options
	mu       sync.Mutex
	limiters map[string]*rate.Limiter
}

type errorBody struct {
	Error  string `json:"error"`
	Reason string `json:"reason,omitempty"`
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(v)
}

func fail(w http.ResponseWriter, code int, format string, args ...any) {
	writeJSON(w, code, errorBody{Error: fmt.Sprintf(format, args...)})
}

// clientIP is the address a request is limited by: the peer's, or, when the peer is a
// trusted proxy, the nearest address in X-Forwarded-For that is not a trusted proxy
// (entries further left were written by the client and prove nothing).
func clientIP(req *http.Request, trusted []netip.Prefix) string {
	host, _, err := net.SplitHostPort(req.RemoteAddr)
	if err != nil {
		host = req.RemoteAddr
	}
	isTrusted := func(s string) bool {
		a, err := netip.ParseAddr(strings.TrimSpace(s))
		if err != nil {
			return false
		}
		a = a.Unmap()
		for _, p := range trusted {
			if p.Contains(a) {
				return true
			}
		}
		return false
	}
	if len(trusted) == 0 || !isTrusted(host) {
		return host
	}
	var hops []string
	for _, v := range req.Header.Values("X-Forwarded-For") {
		hops = append(hops, strings.Split(v, ",")...)
	}
	for i := len(hops) - 1; i >= 0; i-- {
		hop := strings.TrimSpace(hops[i])
		if a, err := netip.ParseAddr(hop); err != nil {
			return host // garbage from a client: limit by the proxy rather than trust it
		} else if !isTrusted(hop) {
			return a.Unmap().String()
		}
	}
	return host
}

// limit applies the per-client-IP token bucket (health and metrics are exempt, so probes never
// starve).
func (h *handler) limit(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if h.o.RateLimit > 0 && strings.HasPrefix(req.URL.Path, "/v1/") {
			ip := clientIP(req, h.o.TrustedProxies)
			h.mu.Lock()
			l, ok := h.limiters[ip]
			if !ok {
				if len(h.limiters) > 100_000 { // bound memory under a flood of sources
					h.limiters = map[string]*rate.Limiter{}
				}
				l = rate.NewLimiter(rate.Limit(h.o.RateLimit), max(h.o.RateBurst, 1))
				h.limiters[ip] = l
			}
			h.mu.Unlock()
			if !l.Allow() {
				w.Header().Set("Retry-After", "1")
				fail(w, http.StatusTooManyRequests, "rate limit of %g requests per second exceeded", h.o.RateLimit)
				return
			}
		}
		next.ServeHTTP(w, req)
	})
}

func parseAddress(s string) (common.Address, error) {
	b, err := hexutil.Decode(s)
	if err != nil || len(b) != 20 {
		return common.Address{}, fmt.Errorf("want a 0x-prefixed 20-byte address, got %q", s)
	}
	return common.BytesToAddress(b), nil
}

func (h *handler) challenge(w http.ResponseWriter, req *http.Request) {
	var subject common.Address
	if s := req.URL.Query().Get("subject"); s != "" {
		a, err := parseAddress(s)
		if err != nil {
			fail(w, 400, "subject: %v", err)
			return
		}
		subject = a
	}
	n, exp, err := h.r.Challenge(subject)
	if err != nil {
		fail(w, 500, "issue challenge: %v", err)
		return
	}
	writeJSON(w, 200, map[string]any{"nonce": n, "expires": exp, "subject": subject})
}

// readBody reads at most MaxBodyBytes; a larger body is a 413.
func (h *handler) readBody(w http.ResponseWriter, req *http.Request) ([]byte, bool) {
	body, err := io.ReadAll(http.MaxBytesReader(w, req.Body, h.o.MaxBodyBytes))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			fail(w, http.StatusRequestEntityTooLarge, "request body is over the %d-byte limit", h.o.MaxBodyBytes)
		} else {
			fail(w, 400, "read request body: %v", err)
		}
		return nil, false
	}
	return body, true
}

func (h *handler) submit(w http.ResponseWriter, req *http.Request) {
	body, ok := h.readBody(w, req)
	if !ok {
		return
	}
	// The body is an evidence envelope plus an optional agentUrl; the envelope decoder is strict,
	// so agentUrl is taken out first.
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(body, &fields); err != nil {
		fail(w, 400, "body must be a JSON evidence envelope (SPEC §6): %v", err)
		return
	}
	var agentURL string
	if raw, ok := fields["agentUrl"]; ok {
		if err := json.Unmarshal(raw, &agentURL); err != nil || !validAgentURL(agentURL) {
			fail(w, 400, "agentUrl must be an http(s) URL, got %s", raw)
			return
		}
		delete(fields, "agentUrl")
		body, _ = json.Marshal(fields)
	}
	job, err := h.r.Submit(req.Context(), body, agentURL)
	if err != nil {
		var rj *relayer.RejectError
		if errors.As(err, &rj) {
			code := http.StatusUnprocessableEntity
			if rj.Reason == "malformed" || rj.Reason == "oversized" || rj.Reason == "unsupported-version" || rj.Reason == "tee-mismatch" {
				code = http.StatusBadRequest
			}
			writeJSON(w, code, errorBody{Error: rj.Msg, Reason: rj.Reason})
			return
		}
		h.o.Logger.Error("submit evidence", "err", err)
		fail(w, http.StatusServiceUnavailable, "could not take the evidence now: %v", err)
		return
	}
	w.Header().Set("Location", "/v1/attestations/"+job.ID)
	writeJSON(w, http.StatusAccepted, map[string]string{"id": job.ID})
}

func validAgentURL(s string) bool {
	return (strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")) && len(s) < 2048
}

func (h *handler) job(w http.ResponseWriter, req *http.Request) {
	j, err := h.r.Job(req.PathValue("id"))
	if errors.Is(err, store.ErrNotFound) {
		fail(w, 404, "no attestation job %q", req.PathValue("id"))
		return
	}
	if err != nil {
		fail(w, 500, "%v", err)
		return
	}
	writeJSON(w, 200, j)
}

func (h *handler) subject(w http.ResponseWriter, req *http.Request) {
	a, err := parseAddress(req.PathValue("address"))
	if err != nil {
		fail(w, 400, "%v", err)
		return
	}
	v, err := h.r.SubjectStatus(req.Context(), a)
	if err != nil {
		fail(w, 503, "read the registry: %v", err)
		return
	}
	writeJSON(w, 200, v)
}

func (h *handler) quote(w http.ResponseWriter, req *http.Request) {
	b, err := hexutil.Decode(req.PathValue("hash"))
	if err != nil || len(b) != 32 {
		fail(w, 400, "want a 0x-prefixed 32-byte quote hash, got %q", req.PathValue("hash"))
		return
	}
	a, err := h.r.Quote(common.BytesToHash(b))
	if errors.Is(err, store.ErrNotFound) {
		fail(w, 404, "no archived evidence with quote hash %s", req.PathValue("hash"))
		return
	}
	if err != nil {
		fail(w, 500, "%v", err)
		return
	}
	writeJSON(w, 200, a)
}

func (h *handler) cosign(w http.ResponseWriter, req *http.Request) {
	body, ok := h.readBody(w, req)
	if !ok {
		return
	}
	var cr relayer.CosignRequest
	dec := json.NewDecoder(strings.NewReader(string(body)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&cr); err != nil {
		fail(w, 400, "body must be {\"evidence\": envelope, \"attestation\": {...}}: %v", err)
		return
	}
	sig, err := h.r.Cosign(req.Context(), &cr)
	if err != nil {
		var rj *relayer.RejectError
		if errors.As(err, &rj) {
			writeJSON(w, http.StatusUnprocessableEntity, errorBody{Error: rj.Msg, Reason: rj.Reason})
			return
		}
		fail(w, 503, "%v", err)
		return
	}
	writeJSON(w, 200, map[string]hexutil.Bytes{"signature": sig})
}

func (h *handler) ready(w http.ResponseWriter, _ *http.Request) {
	if err := h.r.Ready(); err != nil {
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "unready", "error": err.Error()})
		return
	}
	writeJSON(w, 200, map[string]string{"status": "ready"})
}
