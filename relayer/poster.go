package relayer

import (
	"context"
	"errors"
	"sort"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/teeoracle/teeoracle/protocol"
	"github.com/teeoracle/teeoracle/relayer/registry"
	"github.com/teeoracle/teeoracle/relayer/txmgr"
)

// item is one attestation waiting to be posted.
type item struct {
	job *Job
	p   *prepared
}

// poster gathers prepared attestations into attest / attestBatch transactions: it waits up
// to BatchWait for more after the first, sends at most BatchMax per transaction, and keeps a
// few transactions in flight (txmgr gives each its nonce).
func (s *Service) poster(ctx context.Context) {
	sem := make(chan struct{}, 4)
	for {
		var batch []item
		select {
		case <-ctx.Done():
			s.drainQueue()
			return
		case it := <-s.queue:
			batch = append(batch, it)
		}
		timer := time.NewTimer(s.cfg.BatchWait)
	gather:
		for len(batch) < s.cfg.BatchMax {
			select {
			case it := <-s.queue:
				batch = append(batch, it)
			case <-timer.C:
				break gather
			case <-ctx.Done():
				break gather
			}
		}
		timer.Stop()
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
			s.failAll(batch, "relayer stopping before the attestation was sent")
			return
		}
		s.wg.Add(1)
		go func() {
			defer func() { <-sem; s.wg.Done() }()
			s.post(s.sendCtx, batch)
		}()
	}
}

// drainQueue marks attestations that will not be sent any more as failed, so their status
// says so (a request's answer is retried by the next run; a client resubmits).
func (s *Service) drainQueue() {
	for {
		select {
		case it := <-s.queue:
			s.failAll([]item{it}, "relayer stopped before the attestation was sent; submit again")
		default:
			return
		}
	}
}

func (s *Service) failAll(batch []item, reason string) {
	for _, it := range batch {
		it.job.State, it.job.Reason = JobFailed, reason
		_ = s.state.putJob(it.job)
	}
}

// post sends one transaction for batch and records each item's outcome.
func (s *Service) post(ctx context.Context, batch []item) {
	ids := make([]string, len(batch))
	for i, it := range batch {
		ids[i] = it.job.ID
	}
	sort.Strings(ids)
	var data []byte
	if len(batch) == 1 {
		data = registry.PackAttest(batch[0].p.att, batch[0].p.sigs)
	} else {
		as := make([]*protocol.Attestation, len(batch))
		sigs := make([][][]byte, len(batch))
		for i, it := range batch {
			as[i], sigs[i] = it.p.att, it.p.sigs
		}
		data = registry.PackAttestBatch(as, sigs)
	}
	id := "post/" + crypto.Keccak256Hash([]byte(strings.Join(ids, ","))).Hex()
	for _, it := range batch {
		it.job.State = JobSubmitted
		_ = s.state.putJob(it.job)
	}
	rcpt, err := s.txm.Send(ctx, txmgr.Candidate{ID: id, To: s.domain.Registry, Data: data})
	if err != nil {
		reason := err.Error()
		var re *registry.RevertError
		if errors.As(err, &re) {
			reason = re.Reason()
		}
		state := JobFailed
		if errors.As(err, new(*txmgr.RevertError)) {
			state = JobRejected
		}
		s.log.Warn("attestation transaction failed", "id", id, "items", len(batch), "reason", reason)
		for _, it := range batch {
			it.job.State, it.job.Reason = state, reason
			_ = s.state.putJob(it.job)
			s.metrics.attestations.WithLabelValues(state).Inc()
		}
		return
	}
	s.metrics.gasUsed.Add(float64(rcpt.GasUsed))
	s.stats.gas.Add(rcpt.GasUsed)
	rejected := rejectedItems(rcpt)
	for i, it := range batch {
		tx := rcpt.TxHash
		it.job.Tx, it.job.Block = &tx, rcpt.BlockNumber.Uint64()
		if reason, bad := rejected[uint64(i)]; bad && len(batch) > 1 {
			it.job.State, it.job.Reason = JobRejected, reason
			s.metrics.attestations.WithLabelValues("rejected").Inc()
			s.stats.rejected.Add(1)
		} else {
			it.job.State = JobConfirmed
			s.metrics.attestations.WithLabelValues("confirmed").Inc()
			s.stats.confirmed.Add(1)
		}
		_ = s.state.putJob(it.job)
	}
	s.log.Info("attestations posted", "tx", rcpt.TxHash, "block", rcpt.BlockNumber, "items", len(batch),
		"rejected", len(rejected), "gas", rcpt.GasUsed)
}

// rejectedItems reads attestBatch's per-item failures from the receipt.
func rejectedItems(rcpt *types.Receipt) map[uint64]string {
	out := map[uint64]string{}
	for _, l := range rcpt.Logs {
		if ev, err := registry.ABI().UnpackAttestationRejectedEvent(l); err == nil {
			out[ev.Index.Uint64()] = registry.ErrorName(ev.Reason)
		}
	}
	return out
}

// enqueue hands a prepared attestation to the poster.
func (s *Service) enqueue(ctx context.Context, job *Job, p *prepared) error {
	job.State = JobVerified
	job.Subject, job.TEE, job.MeasurementHash = p.att.Subject, p.att.TEEType.String(), p.att.MeasurementHash
	job.TCBStatus, job.QuoteHash, job.Nonce = uint8(p.att.TCBStatus), p.att.QuoteHash, p.att.Nonce
	job.IssuedAt, job.ExpiresAt, job.TestRoots = p.att.IssuedAt, p.att.ExpiresAt, p.claims.TestRoots
	if err := s.state.putJob(job); err != nil {
		return err
	}
	failpoint("after-store")
	select {
	case s.queue <- item{job: job, p: p}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
