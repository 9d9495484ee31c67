package relayer

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/teeoracle/teeoracle/bindings"
	"github.com/teeoracle/teeoracle/relayer/registry"
	"github.com/teeoracle/teeoracle/relayer/store"
	"github.com/teeoracle/teeoracle/relayer/watch"
	"github.com/teeoracle/teeoracle/verifier"
)

// events is the watch.Handler: it keeps pending requests and known subjects in the store,
// written in the same batch as the watcher's checkpoint so a restart never loses or repeats
// an event.
type events struct{ s *Service }

func (e events) Apply(ctx context.Context, b watch.Block, logs []types.Log, batch *store.Batch) error {
	s := e.s
	// Reads see the store before this block; requests and subjects staged earlier in the same
	// block are tracked here, so a request answered in its own block is not left pending and a
	// subject attested and revoked in one block ends revoked.
	staged := map[string]bool{}
	subjects := map[common.Address]*Subject{}
	for i := range logs {
		l := &logs[i]
		ev, err := watch.Decode(l)
		if err != nil || ev == nil {
			continue
		}
		switch ev := ev.(type) {
		case *bindings.AttestationRegistryReattestationRequested:
			r := &Request{Subject: ev.Subject, Nonce: ev.Nonce, Deadline: ev.Deadline, Block: b.Number}
			// A new request replaces an older one for the subject (the registry only accepts the
			// newest nonce).
			_ = s.state.requests.Iterate(ev.Subject.Bytes(), func(k, _ []byte) error {
				batch.Delete(s.state.requests, append([]byte(nil), k...))
				return nil
			})
			dropStaged(batch, s.state.requests, staged, ev.Subject)
			batch.Put(s.state.requests, requestKey(r.Subject, r.Nonce), mustJSON(r))
			staged[string(requestKey(r.Subject, r.Nonce))] = true
			s.log.Info("re-attestation requested", "subject", r.Subject, "nonce", r.Nonce, "deadline", r.Deadline, "block", b.Number)
		case *bindings.AttestationRegistryAttested:
			sub := &Subject{Subject: ev.Subject, TEE: ev.TeeType, MeasurementHash: ev.MeasurementHash, TCBStatus: ev.TcbStatus,
				IssuedAt: ev.IssuedAt, ExpiresAt: ev.ExpiresAt, QuoteHash: ev.QuoteHash, Block: b.Number}
			batch.Put(s.state.subjects, ev.Subject.Bytes(), mustJSON(sub))
			subjects[ev.Subject] = sub
			key := requestKey(ev.Subject, ev.Nonce)
			if ok, _ := s.state.requests.Has(key); ok || staged[string(key)] {
				delete(staged, string(key))
				batch.Delete(s.state.requests, key)
				s.metrics.requestsServed.Inc()
				s.stats.served.Add(1)
				s.log.Info("re-attestation request served", "subject", ev.Subject, "nonce", common.Hash(ev.Nonce), "block", b.Number)
			}
		case *bindings.AttestationRegistryRelayersUpdated:
			s.setRelayers(ev.Relayers, ev.Threshold, b.Number)
		case *bindings.AttestationRegistryLimitsUpdated:
			s.setLimits(registry.Limits{MaxAttestationAge: ev.MaxAttestationAge, MaxValidity: ev.MaxValidity,
				ResponseWindow: ev.ResponseWindow, Cooldown: ev.Cooldown}, b.Number)
		case *bindings.AttestationRegistryAttestationRevoked:
			// A revoked subject's request will never be answered.
			_ = s.state.requests.Iterate(ev.Subject.Bytes(), func(k, _ []byte) error {
				batch.Delete(s.state.requests, append([]byte(nil), k...))
				return nil
			})
			dropStaged(batch, s.state.requests, staged, ev.Subject)
			sub := subjects[ev.Subject]
			if sub == nil {
				sub, _ = getJSON[Subject](s.state.subjects, ev.Subject.Bytes())
			}
			if sub != nil {
				sub.Revoked, sub.Block = true, b.Number
				batch.Put(s.state.subjects, ev.Subject.Bytes(), mustJSON(sub))
				subjects[ev.Subject] = sub
			}
		}
	}
	s.pokeRequests()
	return nil
}

// dropStaged deletes the subject's requests staged earlier in the same block.
func dropStaged(batch *store.Batch, requests *store.Bucket, staged map[string]bool, subject common.Address) {
	for k := range staged {
		if bytes.HasPrefix([]byte(k), subject.Bytes()) {
			batch.Delete(requests, []byte(k))
			delete(staged, k)
		}
	}
}

// Rewind drops what orphaned blocks created: requests emitted there and subject records
// last written there (the canonical chain re-delivers whatever is still true).
func (e events) Rewind(ctx context.Context, ancestor uint64, batch *store.Batch) error {
	s := e.s
	reqs, err := s.state.pendingRequests()
	if err != nil {
		return err
	}
	for _, r := range reqs {
		if r.Block > ancestor {
			batch.Delete(s.state.requests, requestKey(r.Subject, r.Nonce))
		}
	}
	subs, err := s.state.subjectsAll()
	if err != nil {
		return err
	}
	for _, sub := range subs {
		if sub.Block <= ancestor {
			continue
		}
		// The record a orphaned block wrote is gone; the canonical chain's is what counts.
		rec, err := s.reg.AttestationOf(ctx, sub.Subject)
		if err != nil {
			return err // the watcher retries the rewind
		}
		if rec.IssuedAt == 0 {
			batch.Delete(s.state.subjects, sub.Subject.Bytes())
			continue
		}
		batch.Put(s.state.subjects, sub.Subject.Bytes(), mustJSON(&Subject{Subject: sub.Subject, TEE: rec.TeeType,
			MeasurementHash: rec.MeasurementHash, TCBStatus: rec.TcbStatus, IssuedAt: rec.IssuedAt,
			ExpiresAt: rec.ExpiresAt, Revoked: rec.Revoked, Block: ancestor}))
	}
	s.log.Warn("chain reorganized: rewound derived state", "ancestor", ancestor)
	return nil
}

func (s *Service) pokeRequests() {
	select {
	case s.requestPoke <- struct{}{}:
	default:
	}
}

// requestWorker answers pending re-attestation requests: for each, fetch fresh evidence bound
// to the request's nonce from the subject's agent, verify, sign and post, retrying with
// backoff until the deadline.
func (s *Service) requestWorker(ctx context.Context) {
	var mu sync.Mutex
	busy := map[string]bool{}
	next := map[string]time.Time{}
	missed := map[string]bool{} // counted once per request; kept in memory, never written back
	tick := time.NewTicker(s.cfg.PollInterval)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		case <-s.requestPoke:
		}
		reqs, err := s.state.pendingRequests()
		if err != nil {
			s.log.Error("read pending requests", "err", err)
			continue
		}
		s.metrics.pendingRequests.Set(float64(len(reqs)))
		head, err := s.eth.HeaderByNumber(ctx, nil)
		if err != nil {
			continue
		}
		live := map[string]bool{}
		for _, r := range reqs {
			key := string(requestKey(r.Subject, r.Nonce))
			live[key] = true
			mu.Lock()
			skip := busy[key] || time.Now().Before(next[key])
			if head.Time > r.Deadline && !missed[key] {
				// Counted once. The registry still accepts an answer with this nonce, which
				// restores the subject, so the relayer keeps trying, more slowly.
				missed[key] = true
				s.metrics.requestsMissed.Inc()
				s.stats.missed.Add(1)
				s.log.Error("re-attestation deadline missed; the subject fails closed until answered", "subject", r.Subject,
					"nonce", r.Nonce, "deadline", r.Deadline)
			}
			r.Missed = missed[key]
			mu.Unlock()
			if skip {
				continue
			}
			mu.Lock()
			busy[key] = true
			mu.Unlock()
			s.wg.Add(1)
			go func(r *Request) {
				defer s.wg.Done()
				err := s.serveRequest(ctx, r)
				mu.Lock()
				delete(busy, key)
				if err != nil {
					wait := backoff(err)
					if r.Missed {
						wait = 5 * time.Second
					}
					next[key] = time.Now().Add(wait)
				}
				mu.Unlock()
				if err != nil {
					s.log.Warn("re-attestation attempt failed; will retry before the deadline", "subject", r.Subject, "err", err)
				}
			}(r)
		}
		// Forget requests that are gone (answered, replaced, rewound).
		mu.Lock()
		for _, m := range []map[string]time.Time{next} {
			for k := range m {
				if !live[k] {
					delete(m, k)
				}
			}
		}
		for k := range missed {
			if !live[k] {
				delete(missed, k)
			}
		}
		mu.Unlock()
	}
}

// retryAfterRejection spaces out attempts at a request whose last attestation was refused.
const retryAfterRejection = 3 * time.Second

func backoff(err error) time.Duration {
	var rj *RejectError
	if errors.As(err, &rj) {
		return 5 * time.Second // the agent answered but its evidence was bad: do not hammer it
	}
	return time.Second
}

// serveRequest handles one request once. It first checks on chain that the request is still
// pending, so a request answered by a transaction sent before a restart is not answered twice.
func (s *Service) serveRequest(ctx context.Context, r *Request) error {
	jobID := "req-" + r.Subject.Hex() + "-" + r.Nonce.Hex()
	if j, err := s.state.job(jobID); err == nil {
		switch {
		case (j.State == JobVerified || j.State == JobSubmitted) && !j.Updated.Before(s.started):
			return nil // already on its way
		case j.State == JobSubmitted:
			// Left so by a run that died: its transaction, if it got one, was journaled and
			// Reconcile resumed it. Wait while the sender has transactions in the node's pool,
			// then let the chain say (below) whether the request still needs an answer. A job
			// left "verified" was never sent and is simply served again.
			if busy, err := s.senderBusy(ctx); err != nil || busy {
				return err
			}
		case (j.State == JobRejected || j.State == JobFailed) && time.Since(j.Updated) < retryAfterRejection:
			// The registry refused it (say, a measurement revoked for now): try again later,
			// not in a tight loop, while the deadline allows.
			return nil
		}
	}
	rec, err := s.reg.AttestationOf(ctx, r.Subject)
	if err != nil {
		return err
	}
	if rec.PendingDeadline == 0 || common.Hash(rec.PendingNonce) != r.Nonce {
		// Answered, replaced or revoked: the watcher clears it (and counts an answer) when it
		// reaches the event that says so.
		return nil
	}
	agent, err := s.state.agentURL(r.Subject)
	if err != nil {
		s.metrics.agentFetches.WithLabelValues("no-agent").Inc()
		return fmt.Errorf("no agent URL known for subject %s: submit evidence once with agentUrl", r.Subject.Hex())
	}
	raw, ev, _, err := s.fetchEvidence(ctx, agent, r.Nonce)
	if err != nil {
		s.metrics.agentFetches.WithLabelValues("error").Inc()
		return err
	}
	s.metrics.agentFetches.WithLabelValues("ok").Inc()
	if ev.Binding == nil || ev.Binding.Subject != r.Subject || common.Hash(ev.Binding.Nonce) != r.Nonce {
		return reject("binding", "agent %s answered with evidence for another subject or nonce", agent)
	}
	p, err := s.prepare(ctx, ev, raw, nil)
	if err != nil {
		return err
	}
	s.archive(p.claims.QuoteHash, raw)
	return s.enqueue(ctx, &Job{ID: jobID, Created: time.Now().UTC()}, p)
}

// senderBusy reports whether transactions of the sender wait in the node's pool.
func (s *Service) senderBusy(ctx context.Context) (bool, error) {
	pending, err := s.eth.PendingNonceAt(ctx, s.opts.SenderAddress)
	if err != nil {
		return false, err
	}
	mined, err := s.eth.NonceAt(ctx, s.opts.SenderAddress, nil)
	if err != nil {
		return false, err
	}
	return pending > mined, nil
}

// fetchEvidence asks an agent for evidence bound to nonce (SPEC §8 agent API).
// The response header carries the agent's URL claim (protocol.AgentURLHeader).
func (s *Service) fetchEvidence(ctx context.Context, agent string, nonce common.Hash) ([]byte, *verifier.Evidence, http.Header, error) {
	ctx, cancel := context.WithTimeout(ctx, s.cfg.AgentTimeout)
	defer cancel()
	q := url.Values{"nonce": {nonce.Hex()}, "chainId": {strconv.FormatUint(s.domain.ChainID, 10)}, "registry": {s.domain.Registry.Hex()}}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, agent+"/v1/evidence?"+q.Encode(), nil)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("agent URL %q: %w", agent, err)
	}
	resp, err := s.http.Do(req)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("fetch evidence from %s: %w", agent, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, s.cfg.MaxBodyBytes+1))
	if err != nil {
		return nil, nil, nil, fmt.Errorf("read evidence from %s: %w", agent, err)
	}
	if resp.StatusCode != http.StatusOK {
		return nil, nil, nil, fmt.Errorf("agent %s answered %s: %.200s", agent, resp.Status, raw)
	}
	if int64(len(raw)) > s.cfg.MaxBodyBytes {
		return nil, nil, nil, reject("oversized", "agent %s sent more than %d bytes", agent, s.cfg.MaxBodyBytes)
	}
	ev, err := verifier.DecodeEvidence(raw)
	if err != nil {
		return nil, nil, nil, reject("malformed", "agent %s: %v", agent, err)
	}
	return raw, ev, resp.Header, nil
}

func (s *Service) archive(quoteHash common.Hash, raw []byte) {
	a := Archived{QuoteHash: quoteHash, Received: time.Now().UTC(), Evidence: json.RawMessage(raw)}
	if !json.Valid(raw) {
		a.Evidence = mustJSON(raw) // a bare quote: stored as a JSON string (base64)
	}
	if err := s.state.archive.Put(quoteHash.Bytes(), mustJSON(a)); err != nil {
		s.log.Error("archive evidence", "quoteHash", quoteHash, "err", err)
	}
}

// refreshDue re-attests subjects whose attestation has used up RefreshFraction of its
// lifetime, with a nonce of the relayer's own, before they expire.
func (s *Service) refreshDue(ctx context.Context) {
	subs, err := s.state.subjectsAll()
	if err != nil {
		s.log.Error("refresh: read subjects", "err", err)
		return
	}
	head, err := s.eth.HeaderByNumber(ctx, nil)
	if err != nil {
		return
	}
	for _, sub := range subs {
		life := sub.ExpiresAt - sub.IssuedAt
		due := sub.IssuedAt + uint64(float64(life)*s.cfg.RefreshFraction)
		if sub.Revoked || head.Time < due || head.Time >= sub.ExpiresAt {
			continue
		}
		agent, err := s.state.agentURL(sub.Subject)
		if err != nil {
			continue
		}
		// One refresh per record: the job id names the record it replaces, and the chain may
		// already hold a newer one that the watcher has not reached yet.
		jobID := fmt.Sprintf("refresh-%s-%d", sub.Subject.Hex(), sub.IssuedAt)
		if j, err := s.state.job(jobID); err == nil && (j.State != JobRejected && j.State != JobFailed ||
			time.Since(j.Updated) < retryAfterRejection) {
			continue
		}
		if rec, err := s.reg.AttestationOf(ctx, sub.Subject); err != nil || rec.IssuedAt > sub.IssuedAt || rec.PendingDeadline != 0 {
			continue // refreshed already, or a request is pending (its answer refreshes it)
		}
		token, err := s.newChallenge(sub.Subject)
		if err != nil {
			s.log.Error("refresh: sign challenge", "err", err)
			return
		}
		nonce := token.Nonce
		raw, ev, _, err := s.fetchEvidence(ctx, agent, nonce)
		if err == nil && (ev.Binding == nil || ev.Binding.Subject != sub.Subject || common.Hash(ev.Binding.Nonce) != nonce) {
			err = reject("binding", "agent answered with evidence for another subject or nonce")
		}
		var p *prepared
		if err == nil {
			p, err = s.prepare(ctx, ev, raw, token)
		}
		if err != nil {
			s.log.Warn("refresh before expiry failed", "subject", sub.Subject, "expiresAt", sub.ExpiresAt, "err", err)
			continue
		}
		s.archive(p.claims.QuoteHash, raw)
		if err := s.enqueue(ctx, &Job{ID: jobID, Created: time.Now().UTC()}, p); err != nil {
			return
		}
	}
}

// pruneArchive drops archived evidence older than the retention.
func (s *Service) pruneArchive() {
	cutoff := time.Now().Add(-s.cfg.ArchiveRetention)
	var old [][]byte
	_ = s.state.archive.Iterate(nil, func(k, v []byte) error {
		var a Archived
		if json.Unmarshal(v, &a) == nil && a.Received.Before(cutoff) {
			old = append(old, append([]byte(nil), k...))
		}
		return nil
	})
	for _, k := range old {
		_ = s.state.archive.Delete(k)
	}
	if len(old) > 0 {
		s.log.Info("pruned evidence archive", "removed", len(old))
	}
	// Finished jobs older than the retention go too.
	var jobs [][]byte
	_ = s.state.jobs.Iterate(nil, func(k, v []byte) error {
		var j Job
		if json.Unmarshal(v, &j) == nil && j.Updated.Before(cutoff) && (j.State == JobConfirmed || j.State == JobRejected || j.State == JobFailed) {
			jobs = append(jobs, append([]byte(nil), k...))
		}
		return nil
	})
	for _, k := range jobs {
		_ = s.state.jobs.Delete(k)
	}
	// Expired challenges go too.
	var stale [][]byte
	_ = s.state.challenges.Iterate(nil, func(k, v []byte) error {
		var c challenge
		if json.Unmarshal(v, &c) == nil && time.Now().After(c.Expires) {
			stale = append(stale, append([]byte(nil), k...))
		}
		return nil
	})
	for _, k := range stale {
		_ = s.state.challenges.Delete(k)
	}
}
