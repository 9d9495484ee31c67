package agent

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/teeoracle/teeoracle/protocol"
	"github.com/teeoracle/teeoracle/verifier"
)

// Handler serves the agent's HTTP API (docs/protocol.md section 8):
//
//	GET /v1/evidence?nonce=0x…&chainId=…&registry=0x…  the SPEC §6 envelope
//	GET /v1/subject                                     {"subject": "0x…", "tee": "sev-snp"}
//	GET /livez                                          {"ok": true}
//
// Errors are JSON {"error": "…"} saying what was expected: 400 malformed parameters,
// 403 a chain or registry outside the allow lists, 404 unknown path, 405 wrong method,
// 503 the TEE did not produce evidence.
func (a *Agent) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/v1/evidence", getOnly(a.serveEvidence))
	mux.HandleFunc("/v1/subject", getOnly(a.serveSubject))
	mux.HandleFunc("/livez", getOnly(func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, map[string]bool{"ok": true})
	}))
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, fmt.Sprintf("no such endpoint %s, want /v1/evidence, /v1/subject or /livez", r.URL.Path))
	})
	return mux
}

// getOnly rejects every method but GET. HEAD too: on /v1/evidence it would spend a device
// call on a response nobody reads.
func getOnly(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet {
			w.Header().Set("Allow", "GET")
			writeError(w, http.StatusMethodNotAllowed, fmt.Sprintf("method %s is not allowed, want GET", r.Method))
			return
		}
		h(w, r)
	}
}

func (a *Agent) serveSubject(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"subject": a.subject.Hex(), "tee": a.TEE().String()})
}

func (a *Agent) serveEvidence(w http.ResponseWriter, r *http.Request) {
	nonce, chainID, registry, err := ParseEvidenceQuery(r.URL.RawQuery)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	ev, err := a.Evidence(r.Context(), nonce, chainID, registry)
	if err != nil {
		writeError(w, statusOf(err), err.Error())
		return
	}
	env, err := verifier.EncodeEnvelope(ev)
	if err != nil {
		writeError(w, http.StatusInternalServerError, err.Error())
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	if a.publicURL != "" {
		// The claim is over this request's binding, so it cannot be lifted onto another
		// request or URL; a forwarding proxy passes it on unchanged, naming this agent's URL.
		b := protocol.Binding{ChainID: chainID, Registry: registry, Subject: a.subject, Nonce: nonce}
		sig, err := protocol.Sign(a.key, protocol.AgentURLDigest(b, a.publicURL))
		if err != nil {
			writeError(w, http.StatusInternalServerError, err.Error())
			return
		}
		w.Header().Set(protocol.AgentURLHeader, a.publicURL)
		w.Header().Set(protocol.AgentURLSignatureHeader, hexutil.Encode(sig))
	}
	w.WriteHeader(http.StatusOK)
	w.Write(env)
}

func statusOf(err error) int {
	switch {
	case errors.Is(err, ErrInvalidRequest):
		return http.StatusBadRequest
	case errors.Is(err, ErrNotAllowed):
		return http.StatusForbidden
	case errors.Is(err, ErrUnavailable):
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

// ParseEvidenceQuery strictly parses the query of GET /v1/evidence: exactly the parameters
// nonce (0x + 64 hex digits), chainId (decimal, or 0x-hex, > 0) and registry (0x + 40 hex
// digits, EIP-55 checksummed if mixed case), each once. Anything else is an error wrapping
// ErrInvalidRequest that says what was expected. It is exported for clients and tests that
// build the same URL.
func ParseEvidenceQuery(rawQuery string) (nonce common.Hash, chainID uint64, registry common.Address, err error) {
	fail := func(format string, args ...any) (common.Hash, uint64, common.Address, error) {
		return common.Hash{}, 0, common.Address{}, fmt.Errorf("%w: "+format, append([]any{ErrInvalidRequest}, args...)...)
	}
	q, err := url.ParseQuery(rawQuery)
	if err != nil {
		return fail("query string is not URL-encoded: %v", err)
	}
	for name, vals := range q {
		switch name {
		case "nonce", "chainId", "registry":
			if len(vals) != 1 {
				return fail("%s is given %d times, want exactly once", name, len(vals))
			}
		default:
			return fail("unknown parameter %q, want only nonce, chainId and registry", name)
		}
	}
	get := func(name string) (string, bool) {
		v, ok := q[name]
		if !ok {
			return "", false
		}
		return v[0], true
	}

	s, ok := get("nonce")
	if !ok {
		return fail("nonce is missing, want 0x followed by 64 hex digits (32 bytes)")
	}
	b, err := fixedHex(s, 32)
	if err != nil {
		return fail("nonce %q: %v", clip(s), err)
	}
	nonce = common.BytesToHash(b)

	s, ok = get("chainId")
	if !ok {
		return fail("chainId is missing, want a decimal (or 0x-hex) chain id > 0")
	}
	if chainID, err = parseChainID(s); err != nil {
		return fail("chainId %q: %v", clip(s), err)
	}

	s, ok = get("registry")
	if !ok {
		return fail("registry is missing, want the registry contract's 0x-prefixed 20-byte address")
	}
	if b, err = fixedHex(s, 20); err != nil {
		return fail("registry %q: %v", clip(s), err)
	}
	registry = common.BytesToAddress(b)
	if hasUpper, hasLower := strings.ContainsAny(s[2:], "ABCDEF"), strings.ContainsAny(s[2:], "abcdef"); hasUpper && hasLower {
		// Mixed case claims an EIP-55 checksum; a wrong one means a mistyped address.
		if registry.Hex() != s {
			return fail("registry %q has a wrong EIP-55 checksum, want %s (or all lower case)", s, registry.Hex())
		}
	}
	return nonce, chainID, registry, nil
}

// fixedHex decodes "0x" followed by exactly 2*n hex digits.
func fixedHex(s string, n int) ([]byte, error) {
	if !strings.HasPrefix(s, "0x") {
		return nil, fmt.Errorf("want 0x followed by %d hex digits", 2*n)
	}
	if len(s)-2 != 2*n {
		return nil, fmt.Errorf("has %d hex digits, want %d (%d bytes)", len(s)-2, 2*n, n)
	}
	b, err := hex.DecodeString(s[2:])
	if err != nil {
		return nil, fmt.Errorf("is not hex, want 0x followed by %d hex digits", 2*n)
	}
	return b, nil
}

func parseChainID(s string) (uint64, error) {
	var (
		id  uint64
		err error
	)
	if rest, ok := strings.CutPrefix(s, "0x"); ok {
		if rest == "" || len(rest) > 16 {
			return 0, errors.New("want 1 to 16 hex digits after 0x")
		}
		id, err = strconv.ParseUint(rest, 16, 64)
	} else {
		id, err = strconv.ParseUint(s, 10, 64)
	}
	if err != nil {
		return 0, errors.New("want a decimal (or 0x-hex) integer that fits in 64 bits")
	}
	if id == 0 {
		return 0, errors.New("want a chain id > 0")
	}
	return id, nil
}

// clip keeps error messages (which echo the input) short whatever a client sends.
func clip(s string) string {
	if len(s) > 80 {
		return s[:80] + "…"
	}
	return s
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}
