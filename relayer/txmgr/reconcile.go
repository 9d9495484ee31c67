package txmgr

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/core/types"

	"github.com/teeoracle/teeoracle/relayer/registry"
)

// OutcomeState is what Reconcile found for a journaled transaction.
type OutcomeState int

const (
	// Confirmed: an attempt was mined and is deep enough; it succeeded.
	Confirmed OutcomeState = iota + 1
	// Failed: mined and reverted (Err is a *RevertError), or its nonce was taken by
	// another transaction and nothing of ours was mined (Err wraps ErrNonceConsumed).
	Failed
	// Resumed: not final yet (mined but shallow, or rebroadcast); the Manager follows it,
	// and Wait(ID) returns its outcome.
	Resumed
)

func (s OutcomeState) String() string {
	switch s {
	case Confirmed:
		return "confirmed"
	case Failed:
		return "failed"
	case Resumed:
		return "resumed"
	}
	return fmt.Sprintf("OutcomeState(%d)", int(s))
}

// Outcome reports one journaled transaction found by Reconcile.
type Outcome struct {
	ID      string
	Nonce   uint64
	State   OutcomeState
	Receipt *types.Receipt // Confirmed, and Failed by revert
	Err     error          // Failed
}

// Reconcile runs once at startup, before any Send: it looks up every in-flight transaction
// in the journal by receipt. Mined ones are reported (confirmed or reverted); ones not mined
// are rebroadcast from their signed bytes and followed to an outcome in the background;
// ones whose nonce another transaction took are reported failed. Sends wait for it, so a
// new transaction never takes the nonce of one that is still out there.
//
// If Reconcile fails (the node is unreachable), nothing is marked and it may be called again.
func (m *Manager) Reconcile(ctx context.Context) ([]Outcome, error) {
	m.mu.Lock()
	done := m.reconciled
	m.mu.Unlock()
	if done {
		return nil, errors.New("txmgr: Reconcile already ran")
	}
	var pending []*record
	err := m.journal.Iterate(nil, func(k, v []byte) error {
		rec, err := decodeRecord(k, v)
		if err != nil {
			return err
		}
		if rec.State == statePending {
			pending = append(pending, rec)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("txmgr: read journal: %w", err)
	}
	var outcomes []Outcome
	for _, rec := range pending {
		out, err := m.reconcileOne(ctx, rec)
		if err != nil {
			return outcomes, fmt.Errorf("txmgr: reconcile %s (nonce %d): %w", rec.ID, rec.Nonce, err)
		}
		m.log.Info("reconciled journaled transaction", "id", out.ID, "nonce", out.Nonce, "state", out.State, "err", out.Err)
		outcomes = append(outcomes, out)
	}
	m.mu.Lock()
	m.reconciled = true
	m.mu.Unlock()
	close(m.ready)
	return outcomes, nil
}

func (m *Manager) reconcileOne(ctx context.Context, rec *record) (Outcome, error) {
	out := Outcome{ID: rec.ID, Nonce: rec.Nonce}
	// The account nonce settles "not mined" without receipt lookups, which a node that just
	// started may answer with "indexing in progress" for a while.
	var chainNonce uint64
	err := retry(ctx, m.cfg.PollInterval, func() (err error) {
		rctx, cancel := m.rpc(ctx)
		defer cancel()
		chainNonce, err = m.backend.NonceAt(rctx, m.cfg.From, nil)
		return err
	})
	if err != nil {
		return out, err
	}
	var rcpt *types.Receipt
	if chainNonce > rec.Nonce {
		// The nonce is used: by one of our attempts, or by another transaction.
		err := retry(ctx, m.cfg.PollInterval, func() (err error) {
			rcpt, err = m.findReceipt(ctx, rec)
			return err
		})
		if err != nil {
			return out, err
		}
		if rcpt == nil {
			if err := deleteRecord(m.journal, rec.ID); err != nil {
				return out, err
			}
			m.cfg.Metrics.Failed()
			out.State = Failed
			out.Err = fmt.Errorf("%w: nonce %d of %s is used and none of its %d attempts was mined",
				ErrNonceConsumed, rec.Nonce, rec.ID, len(rec.Attempts))
			return out, nil
		}
		ok, err := m.confirmed(ctx, rcpt)
		if err != nil {
			return out, err
		}
		if ok {
			r, err := m.finish(ctx, rec, rcpt)
			out.Receipt, out.Err, out.State = r, err, Confirmed
			if err != nil {
				out.State = Failed
			}
			return out, nil
		}
	} else {
		// Not mined and the nonce is free: the node may have lost it (restart, eviction),
		// so rebroadcast; follow bumps it if it stays stuck.
		m.rebroadcast(ctx, rec)
	}
	nonce := rec.Nonce
	m.launch(rec.ID, &nonce, func(ctx context.Context, o *op) (*types.Receipt, error) {
		return m.followResumed(ctx, rec, false)
	})
	out.State = Resumed
	return out, nil
}

func decodeRevert(err error) error { return registry.Decode(err) }

const reconcileAttempts = 30

// retry calls fn until it succeeds, ctx ends, or reconcileAttempts calls failed.
func retry(ctx context.Context, every time.Duration, fn func() error) error {
	var err error
	for i := 0; i < reconcileAttempts; i++ {
		if err = fn(); err == nil {
			return nil
		}
		if serr := sleep(ctx, every); serr != nil {
			return fmt.Errorf("%w (last error: %v)", serr, err)
		}
	}
	return err
}
