package api

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"

	"github.com/ethereum/go-ethereum/common"

	"github.com/teeoracle/teeoracle/verifier"
)

// Client calls a relayer's API: what a workload (or a tool) needs to register its key.
type Client struct {
	BaseURL string
	HTTP    *http.Client
}

// NewClient returns a client of the relayer at baseURL (e.g. http://127.0.0.1:8080).
func NewClient(baseURL string) *Client { return &Client{BaseURL: baseURL, HTTP: http.DefaultClient} }

// Error is a relayer's refusal: the HTTP status and the reason it gave.
type Error struct {
	Status int
	Reason string // e.g. "signature", "nonce", "binding"; empty for plain HTTP errors
	Msg    string
}

func (e *Error) Error() string {
	if e.Reason != "" {
		return fmt.Sprintf("relayer refused (%d %s): %s", e.Status, e.Reason, e.Msg)
	}
	return fmt.Sprintf("relayer refused (%d): %s", e.Status, e.Msg)
}

func (c *Client) do(ctx context.Context, method, path string, body []byte, want int, out any) error {
	req, err := http.NewRequestWithContext(ctx, method, c.BaseURL+path, bytes.NewReader(body))
	if err != nil {
		return err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return err
	}
	if resp.StatusCode != want {
		var e errorBody
		_ = json.Unmarshal(raw, &e)
		if e.Error == "" {
			e.Error = string(raw)
		}
		return &Error{Status: resp.StatusCode, Reason: e.Reason, Msg: e.Error}
	}
	return json.Unmarshal(raw, out)
}

// Challenge asks for a single-use nonce for subject.
func (c *Client) Challenge(ctx context.Context, subject common.Address) (common.Hash, error) {
	var out struct{ Nonce common.Hash }
	err := c.do(ctx, http.MethodGet, "/v1/challenge?subject="+subject.Hex(), nil, http.StatusOK, &out)
	return out.Nonce, err
}

// Submit posts an evidence envelope (SPEC §6), with the agent URL the relayer should fetch
// fresh evidence from later (empty: none), and returns the job id.
func (c *Client) Submit(ctx context.Context, envelope []byte, agentURL string) (string, error) {
	body := envelope
	if agentURL != "" {
		var fields map[string]json.RawMessage
		if err := json.Unmarshal(envelope, &fields); err != nil {
			return "", fmt.Errorf("envelope is not a JSON object: %w", err)
		}
		fields["agentUrl"], _ = json.Marshal(agentURL)
		body, _ = json.Marshal(fields)
	}
	var out struct{ ID string }
	err := c.do(ctx, http.MethodPost, "/v1/attestations", body, http.StatusAccepted, &out)
	return out.ID, err
}

// EvidenceSource produces evidence bound to a nonce; an *agent.Agent is one.
type EvidenceSource interface {
	Subject() common.Address
	Evidence(ctx context.Context, nonce common.Hash, chainID uint64, registry common.Address) (*verifier.Evidence, error)
}

// Register does what a workload does at boot: take a challenge, produce evidence bound to
// it, and submit it with the agent's URL. It returns the job id.
func (c *Client) Register(ctx context.Context, src EvidenceSource, chainID uint64, registry common.Address, agentURL string) (string, error) {
	nonce, err := c.Challenge(ctx, src.Subject())
	if err != nil {
		return "", err
	}
	ev, err := src.Evidence(ctx, nonce, chainID, registry)
	if err != nil {
		return "", err
	}
	env, err := verifier.EncodeEnvelope(ev)
	if err != nil {
		return "", err
	}
	return c.Submit(ctx, env, agentURL)
}
