// Package txmgr sends the relayer's transactions and sees them through to confirmation:
// nonce assignment, EIP-1559 pricing with fee bumps up to a ceiling, resubmission on a timer,
// confirmation depth, reorg handling, and classification of node errors. Every in-flight
// transaction is journaled before it is broadcast, so after a crash Reconcile finds out what
// became of it (by receipt) before anything new is sent. It is modelled on op-service's txmgr.
package txmgr

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
)

// Backend is what the Manager needs from a node. Both *ethclient.Client and the simulated
// backend's client satisfy it.
type Backend interface {
	bind.ContractBackend
	bind.DeployBackend
	NonceAt(ctx context.Context, account common.Address, blockNumber *big.Int) (uint64, error)
	BalanceAt(ctx context.Context, account common.Address, blockNumber *big.Int) (*big.Int, error)
	ChainID(ctx context.Context) (*big.Int, error)
}

// Candidate is a call to send.
type Candidate struct {
	// ID is the idempotency key, e.g. "attest/<subject>/<nonce>": while a candidate with
	// this ID is in flight or confirmed, sending it again joins it instead of sending twice.
	ID       string
	To       common.Address
	Data     []byte
	GasLimit uint64   // 0 = estimate, plus Config.GasMarginPercent
	Value    *big.Int // nil = zero
}

// Config configures a Manager. Zero durations and percentages take the defaults below.
type Config struct {
	From   common.Address // the sender; pays gas
	Signer bind.SignerFn  // signs for From: a local key or a remote signer

	ChainID *big.Int // nil: asked from the backend

	MaxFeePerGas     *big.Int // required: the ceiling on the fee cap, bumps included
	MinTipCap        *big.Int // optional floor on the priority fee
	FeeBumpPercent   uint64   // rise of both fee fields per bump; default and minimum 10 (geth's replacement rule)
	GasMarginPercent uint64   // added to estimates; default 20

	Confirmations    uint64        // blocks on top of and including the receipt's; default 1
	ResubmitInterval time.Duration // bump when no receipt after this long; default 30s
	PollInterval     time.Duration // receipt polling; default 1s
	NetworkTimeout   time.Duration // per RPC call; default 10s

	Metrics Metrics      // default: none
	Logger  *slog.Logger // default: discard
}

const (
	defaultResubmit      = 30 * time.Second
	defaultPoll          = time.Second
	defaultTimeout       = 10 * time.Second
	minFeeBumpPercent    = 10
	defaultGasMargin     = 20
	estimateAttempts     = 5
	maxNonceResyncs      = 3
	maxNonceLostResends  = 3
	maxUnderpricedRebump = 3
)

func (c Config) withDefaults() (Config, error) {
	if c.Signer == nil {
		return c, errors.New("txmgr: Config.Signer is required")
	}
	if c.From == (common.Address{}) {
		return c, errors.New("txmgr: Config.From is required")
	}
	if c.MaxFeePerGas == nil || c.MaxFeePerGas.Sign() <= 0 {
		return c, errors.New("txmgr: Config.MaxFeePerGas is required: the most the sender may pay per gas")
	}
	if c.FeeBumpPercent == 0 {
		c.FeeBumpPercent = minFeeBumpPercent
	}
	if c.FeeBumpPercent < minFeeBumpPercent {
		return c, fmt.Errorf("txmgr: FeeBumpPercent is %d, want at least %d: nodes refuse smaller replacements",
			c.FeeBumpPercent, minFeeBumpPercent)
	}
	if c.GasMarginPercent == 0 {
		c.GasMarginPercent = defaultGasMargin
	}
	if c.Confirmations == 0 {
		c.Confirmations = 1
	}
	if c.ResubmitInterval == 0 {
		c.ResubmitInterval = defaultResubmit
	}
	if c.PollInterval == 0 {
		c.PollInterval = defaultPoll
	}
	if c.NetworkTimeout == 0 {
		c.NetworkTimeout = defaultTimeout
	}
	if c.Metrics == nil {
		c.Metrics = noMetrics{}
	}
	if c.Logger == nil {
		c.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	return c, nil
}

// Manager sends transactions from one account. It is safe for concurrent use: concurrent
// Sends get distinct nonces.
type Manager struct {
	cfg     Config
	backend Backend
	journal Journal
	chainID *big.Int
	log     *slog.Logger

	// sendMu serializes nonce assignment, journal write and broadcast of new transactions,
	// so nonces are handed out in the order the node sees them.
	sendMu sync.Mutex
	next   *uint64 // next nonce to assign; nil = ask the node

	mu         sync.Mutex // guards the fields below
	inflight   map[string]*op
	reconciled bool
	closed     bool

	ready  chan struct{} // closed when Reconcile is done
	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

// op is one candidate being driven to an outcome by a goroutine of the Manager. Callers wait
// on it; the goroutine outlives a caller that gives up, so a journaled transaction is always
// followed while the process runs.
type op struct {
	done     chan struct{}
	rcpt     *types.Receipt
	err      error
	nonce    uint64 // guarded by Manager.mu
	hasNonce bool
}

// New returns a Manager. Call Reconcile before Send: Sends wait until it has run.
func New(ctx context.Context, backend Backend, journal Journal, cfg Config) (*Manager, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	chainID := cfg.ChainID
	if chainID == nil {
		rctx, cancel := context.WithTimeout(ctx, cfg.NetworkTimeout)
		defer cancel()
		if chainID, err = backend.ChainID(rctx); err != nil {
			return nil, fmt.Errorf("txmgr: read chain id: %w", err)
		}
	}
	mctx, mcancel := context.WithCancel(context.Background())
	return &Manager{
		cfg: cfg, backend: backend, journal: journal, chainID: chainID,
		log:      cfg.Logger.With("from", cfg.From.Hex()),
		inflight: map[string]*op{}, ready: make(chan struct{}),
		ctx: mctx, cancel: mcancel,
	}, nil
}

// Close stops following in-flight transactions and waits for the Manager's goroutines. The
// journal keeps them; the next Manager's Reconcile resumes them.
func (m *Manager) Close() {
	m.mu.Lock()
	m.closed = true
	m.mu.Unlock()
	m.cancel()
	m.wg.Wait()
}

// From returns the sending address.
func (m *Manager) From() common.Address { return m.cfg.From }

// Send sends c and blocks until it is confirmed at the configured depth, or fails in a way no
// retry fixes: a *RevertError (at estimation or mined), ErrInsufficientFunds, ErrRejected,
// ErrNonceConsumed. Fee bumps, rebroadcasts, nonce resyncs and reorgs are handled inside.
//
// If ctx ends first, Send returns its error but the transaction is still followed in the
// background (it may already be in a node's pool); Wait(c.ID) picks it up again.
func (m *Manager) Send(ctx context.Context, c Candidate) (*types.Receipt, error) {
	if c.ID == "" {
		return nil, errors.New("txmgr: candidate has no ID")
	}
	c.Data = append([]byte(nil), c.Data...)
	if c.Value == nil {
		c.Value = new(big.Int)
	} else {
		c.Value = new(big.Int).Set(c.Value)
	}
	select {
	case <-m.ready:
	case <-ctx.Done():
		return nil, fmt.Errorf("txmgr: waiting for Reconcile before sending %s: %w", c.ID, ctx.Err())
	case <-m.ctx.Done():
		return nil, ErrClosed
	}
	o := m.launch(c.ID, nil, func(ctx context.Context, o *op) (*types.Receipt, error) {
		return m.execute(ctx, o, c)
	})
	return m.await(ctx, c.ID, o)
}

// Wait waits for the outcome of the candidate with the given ID: one in flight (sent
// earlier, or resumed by Reconcile), or one already confirmed.
func (m *Manager) Wait(ctx context.Context, id string) (*types.Receipt, error) {
	m.mu.Lock()
	o := m.inflight[id]
	m.mu.Unlock()
	if o != nil {
		return m.await(ctx, id, o)
	}
	rec, err := getRecord(m.journal, id)
	if err != nil {
		return nil, err
	}
	if rec == nil || rec.State != stateConfirmed {
		return nil, fmt.Errorf("%w: %q", ErrUnknownID, id)
	}
	return m.confirmedReceipt(ctx, rec)
}

func (m *Manager) await(ctx context.Context, id string, o *op) (*types.Receipt, error) {
	select {
	case <-o.done:
		return o.rcpt, o.err
	case <-ctx.Done():
		return nil, fmt.Errorf("txmgr: %s still in flight: %w", id, ctx.Err())
	}
}

// launch starts fn for id unless an op for id is already running, in which case the caller
// joins it.
func (m *Manager) launch(id string, nonce *uint64, fn func(context.Context, *op) (*types.Receipt, error)) *op {
	m.mu.Lock()
	defer m.mu.Unlock()
	if o := m.inflight[id]; o != nil {
		return o
	}
	o := &op{done: make(chan struct{})}
	if m.closed {
		o.err = ErrClosed
		close(o.done)
		return o
	}
	if nonce != nil {
		o.nonce, o.hasNonce = *nonce, true
	}
	m.inflight[id] = o
	m.wg.Add(1)
	go func() {
		defer m.wg.Done()
		rcpt, err := fn(m.ctx, o)
		if err != nil && m.ctx.Err() != nil && errors.Is(err, context.Canceled) {
			err = fmt.Errorf("%w while following %s (it stays journaled)", ErrClosed, id)
		}
		m.mu.Lock()
		delete(m.inflight, id)
		m.mu.Unlock()
		o.rcpt, o.err = rcpt, err
		close(o.done)
	}()
	return o
}

func (m *Manager) setNonce(o *op, n uint64, ok bool) {
	m.mu.Lock()
	o.nonce, o.hasNonce = n, ok
	m.mu.Unlock()
}

// rpc bounds one node call.
func (m *Manager) rpc(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(ctx, m.cfg.NetworkTimeout)
}

// execute drives a new candidate: estimate, send, follow; and re-send under a fresh nonce if
// another transaction took the nonce before any attempt of ours was mined.
func (m *Manager) execute(ctx context.Context, o *op, c Candidate) (*types.Receipt, error) {
	rec, err := getRecord(m.journal, c.ID)
	if err != nil {
		return nil, err
	}
	if rec != nil {
		if rec.State == stateConfirmed {
			return m.confirmedReceipt(ctx, rec)
		}
		// Journaled but not followed (Reconcile left it to us): rebroadcast and follow.
		m.setNonce(o, rec.Nonce, true)
		return m.followResumed(ctx, rec, true)
	}
	if c.GasLimit == 0 {
		if c.GasLimit, err = m.estimate(ctx, c); err != nil {
			if _, ok := err.(*RevertError); ok {
				m.cfg.Metrics.Failed()
			}
			return nil, err
		}
	}
	for lost := 0; ; lost++ {
		rec, delivered, err := m.broadcastNew(ctx, o, c)
		if err != nil {
			return nil, err
		}
		rcpt, err := m.follow(ctx, rec, !delivered)
		if !errors.Is(err, errNonceLost) {
			return rcpt, err
		}
		if lost >= maxNonceLostResends {
			_ = deleteRecord(m.journal, c.ID)
			m.cfg.Metrics.Failed()
			return nil, fmt.Errorf("%w: %s lost nonce %d, %d times", ErrNonceConsumed, c.ID, rec.Nonce, lost+1)
		}
		m.log.Warn("nonce taken by another transaction before ours was mined; re-sending under a new nonce",
			"id", c.ID, "nonce", rec.Nonce)
		// Our local nonce is stale too.
		m.sendMu.Lock()
		m.next = nil
		m.sendMu.Unlock()
	}
}

func (m *Manager) estimate(ctx context.Context, c Candidate) (uint64, error) {
	msg := ethereum.CallMsg{From: m.cfg.From, To: &c.To, Data: c.Data, Value: c.Value}
	var lastErr error
	for i := 0; i < estimateAttempts; i++ {
		rctx, cancel := m.rpc(ctx)
		gas, err := m.backend.EstimateGas(rctx, msg)
		cancel()
		if err == nil {
			return gas + gas*m.cfg.GasMarginPercent/100, nil
		}
		switch classify(err) {
		case classReverted:
			return 0, &RevertError{ID: c.ID, Reason: decodeRevert(err)}
		case classInsufficientFunds:
			m.cfg.Metrics.Failed()
			return 0, fmt.Errorf("%w: estimating gas for %s: %v", ErrInsufficientFunds, c.ID, err)
		}
		lastErr = err
		if err := sleep(ctx, m.cfg.PollInterval); err != nil {
			return 0, err
		}
	}
	return 0, fmt.Errorf("txmgr: estimate gas for %s (%d attempts): %w", c.ID, estimateAttempts, lastErr)
}

// nextNonce returns the nonce for a new transaction. Caller holds sendMu. It never hands out
// a nonce an op of ours still holds, even when the node's pending nonce lags (an attempt that
// never reached the pool).
func (m *Manager) nextNonce(ctx context.Context) (uint64, error) {
	var n uint64
	if m.next != nil {
		n = *m.next
	} else {
		rctx, cancel := m.rpc(ctx)
		pending, err := m.backend.PendingNonceAt(rctx, m.cfg.From)
		cancel()
		if err != nil {
			return 0, fmt.Errorf("txmgr: read pending nonce of %s: %w", m.cfg.From.Hex(), err)
		}
		n = pending
	}
	m.mu.Lock()
	for _, o := range m.inflight {
		if o.hasNonce && o.nonce >= n {
			n = o.nonce + 1
		}
	}
	m.mu.Unlock()
	return n, nil
}

func (m *Manager) prices(ctx context.Context) (tip, baseFee *big.Int, err error) {
	rctx, cancel := m.rpc(ctx)
	defer cancel()
	head, err := m.backend.HeaderByNumber(rctx, nil)
	if err != nil {
		return nil, nil, fmt.Errorf("txmgr: read head: %w", err)
	}
	if head.BaseFee == nil {
		return nil, nil, errors.New("txmgr: head has no base fee; the chain must run EIP-1559")
	}
	if tip, err = m.backend.SuggestGasTipCap(rctx); err != nil {
		return nil, nil, fmt.Errorf("txmgr: suggest tip: %w", err)
	}
	return tip, head.BaseFee, nil
}

// broadcastNew assigns a nonce, prices, signs, journals and broadcasts a new transaction.
// delivered is false when the node's answer left it unclear whether it holds the
// transaction: the caller rebroadcasts the same bytes.
func (m *Manager) broadcastNew(ctx context.Context, o *op, c Candidate) (rec *record, delivered bool, err error) {
	m.sendMu.Lock()
	defer m.sendMu.Unlock()
	m.setNonce(o, 0, false)
	for resync := 0; ; resync++ {
		nonce, err := m.nextNonce(ctx)
		if err != nil {
			return nil, false, err
		}
		sugTip, baseFee, err := m.prices(ctx)
		if err != nil {
			return nil, false, err
		}
		tip, feeCap := initialFees(sugTip, m.cfg.MinTipCap, baseFee, m.cfg.MaxFeePerGas)
		if feeCap.Cmp(baseFee) < 0 {
			m.log.Warn("fee ceiling is below the base fee; the transaction waits until the base fee falls",
				"id", c.ID, "maxFeePerGas", m.cfg.MaxFeePerGas, "baseFee", baseFee)
		}
		if err := m.checkBalance(ctx, c, feeCap); err != nil {
			return nil, false, err
		}
		tx, err := m.sign(nonce, c, tip, feeCap)
		if err != nil {
			return nil, false, err
		}
		rec = &record{
			ID: c.ID, State: statePending, Nonce: nonce, To: c.To, Data: c.Data,
			Value: (*hexutil.Big)(c.Value), Gas: c.GasLimit, Created: time.Now(),
		}
		if err := rec.addAttempt(tx); err != nil {
			return nil, false, err
		}
		// Journal first: once the node may have the transaction, a crash must not lose it.
		if err := putRecord(m.journal, rec); err != nil {
			return nil, false, err
		}
		m.setNonce(o, nonce, true)
		rctx, cancel := m.rpc(ctx)
		err = m.backend.SendTransaction(rctx, tx)
		cancel()
		failpoint("after-broadcast")
		log := m.log.With("id", c.ID, "nonce", nonce, "tx", tx.Hash().Hex())
		switch cls := classify(err); cls {
		case classOK, classAlreadyKnown:
			m.advance(nonce)
			m.cfg.Metrics.Sent()
			log.Info("transaction sent", "tip", tip, "feeCap", feeCap, "gas", c.GasLimit)
			return rec, true, nil
		case classNonceTooLow, classReplacementUnderpriced:
			// Someone else sends from this key too: our nonce view is stale. This attempt
			// never entered a pool, so the record is replaced under a fresh nonce.
			m.setNonce(o, 0, false)
			m.next = nil
			if resync >= maxNonceResyncs {
				_ = deleteRecord(m.journal, c.ID)
				return nil, false, fmt.Errorf("txmgr: %s: nonce still stale after %d resyncs: %w", c.ID, resync, err)
			}
			log.Warn("nonce in use; resyncing from the node", "err", err)
			continue
		case classInsufficientFunds:
			m.setNonce(o, 0, false)
			_ = deleteRecord(m.journal, c.ID)
			m.cfg.Metrics.Failed()
			return nil, false, fmt.Errorf("%w: %s: %v", ErrInsufficientFunds, c.ID, err)
		case classRejected, classReverted:
			m.setNonce(o, 0, false)
			_ = deleteRecord(m.journal, c.ID)
			m.cfg.Metrics.Failed()
			return nil, false, fmt.Errorf("%w: %s: %v", ErrRejected, c.ID, err)
		default:
			// Underpriced, or a network error after which the node may or may not have it:
			// the nonce is ours either way; follow will rebroadcast or bump.
			m.advance(nonce)
			m.cfg.Metrics.Sent()
			log.Warn("broadcast not confirmed by the node; will retry", "err", err)
			return rec, false, nil
		}
	}
}

func (m *Manager) advance(nonce uint64) {
	n := nonce + 1
	m.next = &n
}

func (m *Manager) checkBalance(ctx context.Context, c Candidate, feeCap *big.Int) error {
	rctx, cancel := m.rpc(ctx)
	bal, err := m.backend.BalanceAt(rctx, m.cfg.From, nil)
	cancel()
	if err != nil {
		return fmt.Errorf("txmgr: read balance of %s: %w", m.cfg.From.Hex(), err)
	}
	cost := new(big.Int).Mul(new(big.Int).SetUint64(c.GasLimit), feeCap)
	cost.Add(cost, c.Value)
	if bal.Cmp(cost) < 0 {
		m.cfg.Metrics.Failed()
		return fmt.Errorf("%w: %s needs up to %s wei (gas %d x fee cap %s + value %s), %s has %s",
			ErrInsufficientFunds, c.ID, cost, c.GasLimit, feeCap, c.Value, m.cfg.From.Hex(), bal)
	}
	return nil
}

func (m *Manager) sign(nonce uint64, c Candidate, tip, feeCap *big.Int) (*types.Transaction, error) {
	to := c.To
	unsigned := types.NewTx(&types.DynamicFeeTx{
		ChainID: m.chainID, Nonce: nonce, GasTipCap: tip, GasFeeCap: feeCap,
		Gas: c.GasLimit, To: &to, Value: c.Value, Data: c.Data,
	})
	tx, err := m.cfg.Signer(m.cfg.From, unsigned)
	if err != nil {
		return nil, fmt.Errorf("txmgr: sign %s: %w", c.ID, err)
	}
	// A remote signer is trusted to sign, not to choose: check it signed what we asked, as From.
	s := types.LatestSignerForChainID(m.chainID)
	if s.Hash(tx) != s.Hash(unsigned) {
		return nil, fmt.Errorf("txmgr: signer returned a different transaction for %s than requested", c.ID)
	}
	if from, err := types.Sender(s, tx); err != nil || from != m.cfg.From {
		return nil, fmt.Errorf("txmgr: signed %s recovers to %s (%v), want %s", c.ID, from.Hex(), err, m.cfg.From.Hex())
	}
	return tx, nil
}

var errNonceLost = errors.New("nonce taken by another transaction")

// followResumed follows a transaction found in the journal. Unlike a fresh send it is not
// re-sent under a new nonce when its nonce is lost: the caller decides whether to send again.
func (m *Manager) followResumed(ctx context.Context, rec *record, rebroadcastFirst bool) (*types.Receipt, error) {
	rcpt, err := m.follow(ctx, rec, rebroadcastFirst)
	if errors.Is(err, errNonceLost) {
		if derr := deleteRecord(m.journal, rec.ID); derr != nil {
			m.log.Error("could not drop a lost transaction from the journal", "id", rec.ID, "err", derr)
		}
		m.cfg.Metrics.Failed()
		return nil, fmt.Errorf("%w: nonce %d of %s is used and none of its %d attempts was mined",
			ErrNonceConsumed, rec.Nonce, rec.ID, len(rec.Attempts))
	}
	return rcpt, err
}

// follow polls for a receipt of any attempt of rec until one is confirmed at depth, bumping
// fees on the resubmit timer while none is mined and rebroadcasting after a reorg.
//
// It never gives up while an attempt is mined: "nonce too low" from a bump only means our
// own transaction got there first. It returns errNonceLost only when the nonce has been
// used for a full resubmit interval with no receipt of ours.
func (m *Manager) follow(ctx context.Context, rec *record, rebroadcastFirst bool) (*types.Receipt, error) {
	log := m.log.With("id", rec.ID, "nonce", rec.Nonce)
	lastSend := time.Now()
	if rebroadcastFirst {
		m.rebroadcast(ctx, rec)
	}
	var mined *types.Receipt
	var nonceGoneSince time.Time
	ticker := time.NewTicker(m.cfg.PollInterval)
	defer ticker.Stop()
	for {
		rcpt, err := m.findReceipt(ctx, rec)
		if err != nil {
			// Unknown is not "gone": no reorg conclusions, but the resubmit timer still runs
			// (a bump of a tx that is in fact mined just meets "nonce too low").
			log.Warn("receipt lookup failed; retrying", "err", err)
		}
		switch {
		case err != nil:
			if mined == nil && time.Since(lastSend) >= m.cfg.ResubmitInterval {
				lastSend = time.Now()
				m.resubmit(ctx, rec)
			}
		case rcpt != nil:
			nonceGoneSince = time.Time{}
			if mined == nil || mined.BlockHash != rcpt.BlockHash {
				log.Info("transaction mined", "tx", rcpt.TxHash.Hex(), "block", rcpt.BlockNumber)
			}
			mined = rcpt
			done, err := m.confirmed(ctx, rcpt)
			if err != nil {
				log.Warn("confirmation check failed; retrying", "err", err)
			} else if done {
				failpoint("before-confirm")
				return m.finish(ctx, rec, rcpt)
			}
		case mined != nil:
			// The block holding our transaction left the canonical chain; its pool may
			// not have kept the transaction, so send it again.
			m.cfg.Metrics.Reorged()
			log.Warn("mined transaction reorged out; re-sending", "tx", mined.TxHash.Hex(), "block", mined.BlockNumber)
			mined = nil
			lastSend = time.Now()
			if m.rebroadcast(ctx, rec) == classNonceTooLow {
				nonceGoneSince = time.Now()
			}
		case time.Since(lastSend) >= m.cfg.ResubmitInterval:
			lastSend = time.Now()
			if m.resubmit(ctx, rec) == classNonceTooLow && nonceGoneSince.IsZero() {
				nonceGoneSince = time.Now()
			}
		}
		if mined == nil && !nonceGoneSince.IsZero() && time.Since(nonceGoneSince) >= m.cfg.ResubmitInterval {
			if lost, err := m.nonceUsedElsewhere(ctx, rec); err == nil && lost {
				return nil, errNonceLost
			}
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-ticker.C:
		}
	}
}

// findReceipt returns the receipt of any attempt of rec, newest first; nil, nil if none is
// mined on the canonical chain.
func (m *Manager) findReceipt(ctx context.Context, rec *record) (*types.Receipt, error) {
	for i := len(rec.Attempts) - 1; i >= 0; i-- {
		rctx, cancel := m.rpc(ctx)
		rcpt, err := m.backend.TransactionReceipt(rctx, rec.Attempts[i].Hash)
		cancel()
		if err == nil && rcpt != nil {
			return rcpt, nil
		}
		if err != nil && !errors.Is(err, ethereum.NotFound) {
			return nil, err
		}
	}
	return nil, nil
}

// confirmed reports whether rcpt is Confirmations deep and still canonical.
func (m *Manager) confirmed(ctx context.Context, rcpt *types.Receipt) (bool, error) {
	rctx, cancel := m.rpc(ctx)
	defer cancel()
	head, err := m.backend.HeaderByNumber(rctx, nil)
	if err != nil {
		return false, err
	}
	depth := new(big.Int).Sub(head.Number, rcpt.BlockNumber)
	if depth.Sign() < 0 || depth.Uint64()+1 < m.cfg.Confirmations {
		return false, nil
	}
	// Receipt lookups answer from the canonical chain only: if it still points at the same
	// block, that block was not reorged out while we counted.
	again, err := m.backend.TransactionReceipt(rctx, rcpt.TxHash)
	if errors.Is(err, ethereum.NotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return again.BlockHash == rcpt.BlockHash, nil
}

// nonceUsedElsewhere reports whether the chain's nonce has passed rec's while no attempt of
// ours is mined.
func (m *Manager) nonceUsedElsewhere(ctx context.Context, rec *record) (bool, error) {
	rctx, cancel := m.rpc(ctx)
	n, err := m.backend.NonceAt(rctx, m.cfg.From, nil)
	cancel()
	if err != nil || n <= rec.Nonce {
		return false, err
	}
	// Look again after reading the nonce: our attempt may be what used it.
	rcpt, err := m.findReceipt(ctx, rec)
	return err == nil && rcpt == nil, err
}

func (m *Manager) finish(ctx context.Context, rec *record, rcpt *types.Receipt) (*types.Receipt, error) {
	latency := time.Since(rec.Created)
	if rcpt.Status == types.ReceiptStatusSuccessful {
		rec.State, rec.Mined = stateConfirmed, rcpt.TxHash
		for i := range rec.Attempts {
			rec.Attempts[i].Raw = nil
		}
		if err := putRecord(m.journal, rec); err != nil {
			// Harmless: the next Reconcile finds the receipt and confirms again.
			m.log.Error("could not journal a confirmation", "id", rec.ID, "err", err)
		}
		m.cfg.Metrics.Confirmed(latency)
		m.log.Info("transaction confirmed", "id", rec.ID, "tx", rcpt.TxHash.Hex(), "block", rcpt.BlockNumber,
			"confirmations", m.cfg.Confirmations, "latency", latency)
		return rcpt, nil
	}
	reason := m.revertReason(ctx, rec, rcpt)
	if err := deleteRecord(m.journal, rec.ID); err != nil {
		m.log.Error("could not drop a reverted transaction from the journal", "id", rec.ID, "err", err)
	}
	m.cfg.Metrics.Failed()
	m.log.Warn("transaction reverted", "id", rec.ID, "tx", rcpt.TxHash.Hex(), "reason", reason)
	return rcpt, &RevertError{ID: rec.ID, Receipt: rcpt, Reason: reason}
}

// revertReason replays the call on the state before the block to learn why it reverted.
func (m *Manager) revertReason(ctx context.Context, rec *record, rcpt *types.Receipt) error {
	to := rec.To
	msg := ethereum.CallMsg{From: m.cfg.From, To: &to, Data: rec.Data, Value: rec.value(), Gas: rec.Gas}
	parent := new(big.Int).Sub(rcpt.BlockNumber, big.NewInt(1))
	rctx, cancel := m.rpc(ctx)
	defer cancel()
	if _, err := m.backend.CallContract(rctx, msg, parent); err != nil {
		return decodeRevert(err)
	}
	if rcpt.GasUsed >= rec.Gas {
		return fmt.Errorf("out of gas (used all %d)", rec.Gas)
	}
	return errors.New("reverted in its block, but a replay on the parent block succeeds: " +
		"the revert depended on a transaction earlier in the same block")
}

// rebroadcast sends the latest attempt again, unchanged.
func (m *Manager) rebroadcast(ctx context.Context, rec *record) class {
	tx, err := rec.latestTx()
	if err != nil {
		m.log.Error("cannot rebroadcast", "err", err)
		return classRejected
	}
	rctx, cancel := m.rpc(ctx)
	err = m.backend.SendTransaction(rctx, tx)
	cancel()
	cls := classify(err)
	if cls != classOK && cls != classAlreadyKnown {
		m.log.Warn("rebroadcast refused", "id", rec.ID, "tx", tx.Hash().Hex(), "err", err)
	}
	return cls
}

// resubmit replaces the latest attempt with one paying more, or rebroadcasts it when the
// ceiling leaves no room for a valid replacement.
func (m *Manager) resubmit(ctx context.Context, rec *record) class {
	sugTip, baseFee, err := m.prices(ctx)
	if err != nil {
		m.log.Warn("cannot price a bump; rebroadcasting", "id", rec.ID, "err", err)
		return m.rebroadcast(ctx, rec)
	}
	last := rec.latest()
	tip, feeCap, ok := bumpFees(last.TipCap.ToInt(), last.FeeCap.ToInt(), sugTip, baseFee, m.cfg.MaxFeePerGas, m.cfg.FeeBumpPercent)
	for i := 0; ; i++ {
		if !ok {
			m.log.Warn("fee ceiling reached; rebroadcasting without a bump", "id", rec.ID,
				"maxFeePerGas", m.cfg.MaxFeePerGas, "baseFee", baseFee)
			return m.rebroadcast(ctx, rec)
		}
		tx, err := m.sign(rec.Nonce, rec.candidate(), tip, feeCap)
		if err != nil {
			m.log.Error("cannot sign a bump; rebroadcasting", "id", rec.ID, "err", err)
			return m.rebroadcast(ctx, rec)
		}
		if err := rec.addAttempt(tx); err != nil {
			return m.rebroadcast(ctx, rec)
		}
		if err := putRecord(m.journal, rec); err != nil {
			rec.Attempts = rec.Attempts[:len(rec.Attempts)-1]
			m.log.Error("cannot journal a bump; rebroadcasting", "id", rec.ID, "err", err)
			return m.rebroadcast(ctx, rec)
		}
		rctx, cancel := m.rpc(ctx)
		err = m.backend.SendTransaction(rctx, tx)
		cancel()
		cls := classify(err)
		log := m.log.With("id", rec.ID, "nonce", rec.Nonce, "tx", tx.Hash().Hex(), "tip", tip, "feeCap", feeCap)
		switch cls {
		case classOK, classAlreadyKnown:
			m.cfg.Metrics.Bumped()
			log.Info("fees bumped")
			return cls
		case classReplacementUnderpriced, classUnderpriced:
			// The node wants more than one bump: drop this attempt, it never entered a pool.
			m.dropLatest(rec)
			if i >= maxUnderpricedRebump {
				log.Warn("bump still underpriced; will retry on the next resubmit", "err", err)
				return cls
			}
			tip, feeCap, ok = bumpFees(tip, feeCap, sugTip, baseFee, m.cfg.MaxFeePerGas, m.cfg.FeeBumpPercent)
		case classInsufficientFunds, classRejected, classReverted:
			// The earlier attempts are still valid; keep waiting for them.
			m.dropLatest(rec)
			log.Warn("bump refused; keeping the previous attempt", "err", err)
			return cls
		default:
			// Nonce too low (handled by follow) or a network error: the node may hold
			// this attempt, so it stays in the journal and its receipt is looked for.
			log.Warn("bump broadcast failed", "err", err)
			return cls
		}
	}
}

func (m *Manager) dropLatest(rec *record) {
	rec.Attempts = rec.Attempts[:len(rec.Attempts)-1]
	if err := putRecord(m.journal, rec); err != nil {
		m.log.Error("could not drop a refused attempt from the journal", "id", rec.ID, "err", err)
	}
}

func (m *Manager) confirmedReceipt(ctx context.Context, rec *record) (*types.Receipt, error) {
	rctx, cancel := m.rpc(ctx)
	defer cancel()
	rcpt, err := m.backend.TransactionReceipt(rctx, rec.Mined)
	if err != nil {
		return nil, fmt.Errorf("txmgr: %s was confirmed in %s, but its receipt is unavailable: %w", rec.ID, rec.Mined.Hex(), err)
	}
	return rcpt, nil
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
