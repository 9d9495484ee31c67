// Package watch follows the AttestationRegistry's events and hands them, block by block and
// in order, to a Handler that derives the relayer's state from them (pending re-attestation
// requests, the allowlist, the relayer set).
//
// Polling is the source of truth; a head subscription, when the node offers one, only wakes
// the poller early. Blocks are delivered as soon as they are the head, not once confirmed,
// because a re-attestation request must be answered within a few blocks. The price is reorgs:
// the watcher remembers the hashes of the last Confirmations blocks it processed, notices when
// the chain no longer builds on them, asks the handler to Rewind to the common ancestor and
// then delivers the canonical blocks. A reorg reaching below what it remembers breaks the
// finality assumption: the watcher stops advancing and reports a FinalityViolationError.
//
// # Exactly once
//
// Each call to Handler.Apply or Handler.Rewind receives a *store.Batch. The watcher adds its
// checkpoint to that batch and commits it after the call returns nil, so a handler that
// writes its derived state only through the batch sees every block's logs exactly once
// across crashes and restarts: either the block's effects and the checkpoint past it are
// both on disk, or neither is and the block is delivered again. If the call returns an
// error the batch is dropped, the checkpoint stays before the block and it is retried later.
// The same holds when the commit itself fails. Anything a handler does outside the batch
// (memory, channels, network) may therefore be repeated for the same block, and must be
// keyed by (Block.Hash, log index) or otherwise idempotent.
package watch

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/event"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/teeoracle/teeoracle/relayer/store"
)

// Block is the header data a handler gets with a block's logs.
type Block struct {
	Number     uint64
	Hash       common.Hash
	ParentHash common.Hash
	Time       uint64
}

// ID returns the block's number and hash.
func (b Block) ID() BlockID { return BlockID{Number: b.Number, Hash: b.Hash} }

// Handler derives state from registry logs. Calls come from one goroutine, one at a time.
// See the package documentation for the exactly-once contract.
type Handler interface {
	// Apply delivers one block's registry logs, in log order; it is only called for blocks
	// that have some. Writes added to batch are committed atomically with the checkpoint
	// past b. Returning an error keeps the watcher before b; it retries later. Reads from
	// the store see the state after the previous block: writes staged in batch are not
	// visible, so an effect of one log on a later log of the same block (a request answered
	// in its own block) must be tracked by the handler itself.
	Apply(ctx context.Context, b Block, logs []types.Log, batch *store.Batch) error
	// Rewind undoes everything derived from blocks above ancestor, which a reorg orphaned.
	// Writes added to batch are committed atomically with the checkpoint moving back to
	// ancestor. The canonical blocks above ancestor are then delivered through Apply.
	Rewind(ctx context.Context, ancestor uint64, batch *store.Batch) error
}

// Client is what the watcher needs from a node. *ethclient.Client and the simulated
// backend's client satisfy it.
type Client interface {
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
	FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error)
}

// HeadSubscriber is implemented by clients that can push new heads (a websocket or IPC
// connection). The watcher uses it only to poll sooner.
type HeadSubscriber interface {
	SubscribeNewHead(ctx context.Context, ch chan<- *types.Header) (ethereum.Subscription, error)
}

// Defaults for zero Config fields.
const (
	DefaultConfirmations = 64 // two Ethereum epochs: past this, mainnet blocks are finalized
	DefaultChunkSize     = 2000
	DefaultPollInterval  = time.Second
	DefaultMaxBackoff    = 30 * time.Second
	DefaultBucket        = "watch"
)

// Config configures a Watcher.
type Config struct {
	Registry common.Address
	// Events are the registry event names to follow; empty means DefaultEvents.
	Events []string
	// StartBlock is where to begin when the store has no checkpoint (the registry's
	// deployment block). With a checkpoint it is ignored.
	StartBlock uint64
	// Confirmations is the reorg window: how many blocks below the last processed one are
	// remembered by hash. A reorg replacing up to this many blocks is rewound; a deeper one
	// is a finality violation.
	Confirmations uint64
	// ChunkSize is the most blocks one eth_getLogs range query covers during backfill.
	ChunkSize uint64
	// PollInterval is the time between polls once caught up.
	PollInterval time.Duration
	// MaxBackoff caps the wait after errors and between resubscription attempts.
	MaxBackoff time.Duration
	// Bucket is the store bucket holding the checkpoint; empty means DefaultBucket.
	Bucket string
}

// ErrFinalityViolation matches (errors.Is) a FinalityViolationError.
var ErrFinalityViolation = errors.New("finality violation")

// FinalityViolationError reports a reorg deeper than the confirmation depth: none of the
// blocks the watcher remembers is on the node's canonical chain any more, so it cannot tell
// what to undo. It stops advancing until the node is back on the chain it processed or an
// operator resets the checkpoint and the handler's state.
type FinalityViolationError struct {
	Processed     BlockID // the last block processed, no longer canonical
	Oldest        BlockID // the oldest block remembered, no longer canonical either
	Confirmations uint64
}

func (e *FinalityViolationError) Error() string {
	return fmt.Sprintf("finality violation: processed block %d (%s) and every remembered block down to %d (%s) "+
		"left the canonical chain, a reorg deeper than the %d-block confirmation depth; not advancing",
		e.Processed.Number, e.Processed.Hash.Hex(), e.Oldest.Number, e.Oldest.Hash.Hex(), e.Confirmations)
}

// Is makes errors.Is(err, ErrFinalityViolation) hold.
func (e *FinalityViolationError) Is(target error) bool { return target == ErrFinalityViolation }

// Status is a snapshot of the watcher's progress.
type Status struct {
	Head      uint64  // latest head the node reported
	Processed BlockID // last block processed; Hash is zero if it was skipped as empty in a backfill
	Next      uint64  // first block not yet processed
	Lag       uint64  // Head - Processed.Number
	// Subscribed reports a live head subscription (wake-ups only; polling runs regardless).
	Subscribed bool
	// FinalityViolation is set while the node's chain contradicts the remembered window.
	FinalityViolation error
	// LastError is the outcome of the last poll: nil if it succeeded.
	LastError error
	// LastPoll is when the last poll finished, successful or not.
	LastPoll time.Time
	// LastSuccess is when the last successful poll finished (zero: none yet).
	LastSuccess time.Time
}

// Ready returns why the watcher's view of the chain cannot be trusted, or nil.
func (s Status) Ready() error {
	if s.FinalityViolation != nil {
		return s.FinalityViolation
	}
	if s.LastPoll.IsZero() {
		return errors.New("watcher has not polled the node yet")
	}
	return nil
}

// Watcher follows the registry. Create it with New and start it with Run.
type Watcher struct {
	cfg    Config
	client Client
	st     *store.Store
	bucket *store.Bucket
	h      Handler
	log    *slog.Logger
	query  ethereum.FilterQuery
	poke   chan struct{}

	running atomic.Bool
	// Used by the Run goroutine only.
	chunk, chunkOK uint64

	mu         sync.Mutex
	cp         checkpoint // written under mu by the Run goroutine
	head       uint64
	subscribed bool
	violation  error
	lastErr    error
	lastPoll   time.Time
	lastOK     time.Time
}

// New returns a watcher that resumes from the checkpoint in st, or starts at cfg.StartBlock.
func New(cfg Config, client Client, st *store.Store, h Handler, log *slog.Logger) (*Watcher, error) {
	switch {
	case cfg.Registry == (common.Address{}):
		return nil, errors.New("watch: no registry address configured")
	case client == nil || st == nil || h == nil:
		return nil, errors.New("watch: client, store and handler are all required")
	}
	if cfg.Confirmations == 0 {
		cfg.Confirmations = DefaultConfirmations
	}
	if cfg.ChunkSize == 0 {
		cfg.ChunkSize = DefaultChunkSize
	}
	if cfg.PollInterval <= 0 {
		cfg.PollInterval = DefaultPollInterval
	}
	if cfg.MaxBackoff <= 0 {
		cfg.MaxBackoff = DefaultMaxBackoff
	}
	if cfg.MaxBackoff < cfg.PollInterval {
		cfg.MaxBackoff = cfg.PollInterval
	}
	if cfg.Bucket == "" {
		cfg.Bucket = DefaultBucket
	}
	if len(cfg.Events) == 0 {
		cfg.Events = DefaultEvents
	}
	if log == nil {
		log = slog.Default()
	}
	ids, err := eventIDs(cfg.Events)
	if err != nil {
		return nil, fmt.Errorf("watch: %w", err)
	}
	w := &Watcher{
		cfg: cfg, client: client, st: st, bucket: st.Bucket(cfg.Bucket), h: h,
		log:   log.With("component", "watch", "registry", cfg.Registry.Hex()),
		query: ethereum.FilterQuery{Addresses: []common.Address{cfg.Registry}, Topics: [][]common.Hash{ids}},
		poke:  make(chan struct{}, 1),
		chunk: cfg.ChunkSize,
	}
	cp, found, err := loadCheckpoint(w.bucket, cfg.Registry, cfg.StartBlock)
	if err != nil {
		return nil, fmt.Errorf("watch: %w", err)
	}
	w.cp = cp
	if found {
		w.log.Info("resuming from checkpoint", "next", cp.Next, "remembered", len(cp.Recent))
	} else {
		w.log.Info("no checkpoint; starting from the configured block", "start", cfg.StartBlock)
	}
	return w, nil
}

// Status returns a snapshot of the watcher's progress.
func (w *Watcher) Status() Status {
	w.mu.Lock()
	defer w.mu.Unlock()
	s := Status{
		Head: w.head, Processed: w.cp.processed(), Next: w.cp.Next, Subscribed: w.subscribed,
		FinalityViolation: w.violation, LastError: w.lastErr, LastPoll: w.lastPoll, LastSuccess: w.lastOK,
	}
	if s.Head > s.Processed.Number {
		s.Lag = s.Head - s.Processed.Number
	}
	return s
}

// Poke makes the watcher poll now instead of at the next interval.
func (w *Watcher) Poke() {
	select {
	case w.poke <- struct{}{}:
	default:
	}
}

// Run polls until ctx is done, then returns nil. Errors are logged, reported in Status and
// retried with backoff; they never move the checkpoint past the block that failed.
func (w *Watcher) Run(ctx context.Context) error {
	if !w.running.CompareAndSwap(false, true) {
		return errors.New("watch: Run is already running")
	}
	defer w.running.Store(false)
	if s, ok := w.client.(HeadSubscriber); ok {
		stop := w.subscribe(s)
		defer stop()
	} else {
		w.log.Info("client cannot subscribe to new heads; polling only", "interval", w.cfg.PollInterval)
	}
	var backoff time.Duration
	for {
		err := w.poll(ctx)
		if ctx.Err() != nil {
			return nil
		}
		w.mu.Lock()
		w.lastErr, w.lastPoll = err, time.Now()
		if err == nil {
			w.lastOK = w.lastPoll
		}
		w.mu.Unlock()

		wait, wake := w.cfg.PollInterval, w.poke
		if err != nil {
			// Pokes do not cut a backoff short: new heads would otherwise hammer a failing node.
			backoff = min(max(2*backoff, w.cfg.PollInterval), w.cfg.MaxBackoff)
			wait, wake = backoff, nil
			level := slog.LevelWarn
			if errors.Is(err, ErrFinalityViolation) {
				level = slog.LevelError
			}
			w.log.Log(ctx, level, "poll failed; checkpoint not advanced past the failure", "err", err, "retry_in", backoff)
		} else {
			backoff = 0
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil
		case <-wake:
		case <-t.C:
		}
		t.Stop()
	}
}

// subscribe keeps a head subscription alive, resubscribing with backoff, and turns each head
// into a Poke. It returns a function that ends it.
func (w *Watcher) subscribe(s HeadSubscriber) (stop func()) {
	heads := make(chan *types.Header, 16)
	sub := event.ResubscribeErr(w.cfg.MaxBackoff, func(ctx context.Context, prev error) (event.Subscription, error) {
		w.setSubscribed(false)
		if prev != nil {
			w.log.Warn("head subscription dropped; resubscribing", "err", prev)
		}
		sub, err := s.SubscribeNewHead(ctx, heads)
		if errors.Is(err, rpc.ErrNotificationsUnsupported) {
			// An HTTP endpoint: no point retrying. A subscription that never fires keeps
			// ResubscribeErr idle until stop.
			w.log.Info("node does not push new heads; polling only", "interval", w.cfg.PollInterval)
			return event.NewSubscription(func(quit <-chan struct{}) error { <-quit; return nil }), nil
		}
		if err != nil {
			w.log.Debug("head subscription failed", "err", err)
			return nil, err
		}
		w.setSubscribed(true)
		return sub, nil
	})
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		for {
			select {
			case <-heads:
				w.Poke()
			case <-done:
				return
			}
		}
	}()
	return func() {
		sub.Unsubscribe()
		close(done)
		<-finished
		w.setSubscribed(false)
	}
}

func (w *Watcher) setSubscribed(v bool) {
	w.mu.Lock()
	w.subscribed = v
	w.mu.Unlock()
}

// errParentMismatch means the next block does not build on the last one processed: a reorg
// that happened between reading the head and walking up to it.
var errParentMismatch = errors.New("next block does not build on the last processed block")

// poll brings the watcher up to the node's head.
func (w *Watcher) poll(ctx context.Context) error {
	err := w.pollOnce(ctx)
	if errors.Is(err, errParentMismatch) {
		// Reconcile with a fresh head right away rather than after a backoff: this is a reorg,
		// and the handler should hear about it promptly.
		w.log.Info("reorg noticed while advancing; reconciling", "err", err)
		err = w.pollOnce(ctx)
	}
	return err
}

func (w *Watcher) pollOnce(ctx context.Context) error {
	head, err := w.client.HeaderByNumber(ctx, nil)
	if err != nil {
		return fmt.Errorf("read the chain head: %w", err)
	}
	headNum := head.Number.Uint64()
	w.mu.Lock()
	w.head = headNum
	w.mu.Unlock()

	if err := w.reconcile(ctx, head); err != nil {
		return err
	}
	for w.cp.Next <= headNum {
		if err := ctx.Err(); err != nil {
			return err
		}
		// Blocks within the reorg window of the head are walked one by one by hash, so each
		// is checked against its parent and its logs belong to exactly that block. Older
		// blocks go by chunked range queries: a reorg there is a finality violation anyway.
		var near uint64
		if headNum > w.cfg.Confirmations {
			near = headNum - w.cfg.Confirmations
		}
		if w.cp.Next < near {
			if err := w.backfill(ctx, w.cp.Next, near-1); err != nil {
				return err
			}
			continue
		}
		return w.follow(ctx, headNum)
	}
	return nil
}

// reconcile checks that the node's chain still contains the last block processed. If not, it
// rewinds to the common ancestor, or, when none is remembered, reports a finality violation.
func (w *Watcher) reconcile(ctx context.Context, head *types.Header) error {
	tip, ok := w.cp.tip()
	if !ok {
		// Nothing processed near a head yet; only deep, empty blocks were skipped.
		return nil
	}
	headNum := head.Number.Uint64()
	if headNum < tip.Number {
		// The node is behind us (a lagging or load-balanced endpoint) or its chain shrank.
		// Wait while its head is a block we processed: a real reorg shows as a different
		// block at some height we remember.
		if id, ok := w.cp.at(headNum); !ok || id.Hash == head.Hash() {
			return fmt.Errorf("node head %d is behind the last processed block %d; waiting for it to catch up", headNum, tip.Number)
		}
	} else {
		canonical, err := w.hashAt(ctx, tip.Number, head)
		if err != nil {
			return err
		}
		if canonical == tip.Hash {
			w.clearViolation()
			return nil
		}
	}
	// Reorg: the highest remembered block still canonical is the common ancestor.
	for i := len(w.cp.Recent) - 1; i >= 0; i-- {
		id := w.cp.Recent[i]
		if id.Number > headNum {
			continue
		}
		canonical, err := w.hashAt(ctx, id.Number, head)
		if errors.Is(err, ethereum.NotFound) {
			continue
		}
		if err != nil {
			return err
		}
		if canonical == id.Hash {
			return w.rewind(ctx, id.Number, tip)
		}
	}
	v := &FinalityViolationError{Processed: tip, Oldest: w.cp.Recent[0], Confirmations: w.cfg.Confirmations}
	w.mu.Lock()
	first := w.violation == nil
	w.violation = v
	w.mu.Unlock()
	if first {
		w.log.Error("reorg deeper than the confirmation depth; the watcher stops advancing",
			"processed", tip.Number, "processed_hash", tip.Hash, "oldest_remembered", v.Oldest.Number,
			"head", headNum, "head_hash", head.Hash(), "confirmations", w.cfg.Confirmations)
	}
	return v
}

func (w *Watcher) clearViolation() {
	w.mu.Lock()
	was := w.violation
	w.violation = nil
	w.mu.Unlock()
	if was != nil {
		w.log.Warn("node is back on the chain the watcher processed; finality violation cleared", "was", was)
	}
}

// hashAt returns the canonical hash at height n, reusing head when it is that block.
func (w *Watcher) hashAt(ctx context.Context, n uint64, head *types.Header) (common.Hash, error) {
	if n == head.Number.Uint64() {
		return head.Hash(), nil
	}
	h, err := w.client.HeaderByNumber(ctx, new(big.Int).SetUint64(n))
	if err != nil {
		return common.Hash{}, fmt.Errorf("read block %d: %w", n, err)
	}
	return h.Hash(), nil
}

// rewind asks the handler to undo the blocks above ancestor and moves the checkpoint back, in
// one batch.
func (w *Watcher) rewind(ctx context.Context, ancestor uint64, tip BlockID) error {
	batch := w.st.NewBatch()
	if err := w.h.Rewind(ctx, ancestor, batch); err != nil {
		return fmt.Errorf("handler failed to rewind to block %d: %w", ancestor, err)
	}
	next := w.cp.clone()
	next.rewind(ancestor)
	if err := w.commit(batch, next); err != nil {
		return err
	}
	w.clearViolation()
	w.log.Warn("chain reorganized; rewound to the common ancestor", "ancestor", ancestor,
		"orphaned_tip", tip.Number, "orphaned_hash", tip.Hash, "depth", tip.Number-ancestor)
	return nil
}

// backfill processes [from, to], which lies deeper than the reorg window, by range queries.
// Headers are fetched only for blocks that hold logs.
func (w *Watcher) backfill(ctx context.Context, from, to uint64) error {
	logs, end, err := w.filterRange(ctx, from, to)
	if err != nil {
		return err
	}
	sort.SliceStable(logs, func(i, j int) bool {
		if logs[i].BlockNumber != logs[j].BlockNumber {
			return logs[i].BlockNumber < logs[j].BlockNumber
		}
		return logs[i].Index < logs[j].Index
	})
	for len(logs) > 0 {
		n := logs[0].BlockNumber
		if n < from || n > end {
			return fmt.Errorf("eth_getLogs over blocks %d-%d returned a log of block %d", from, end, n)
		}
		k := 1
		for k < len(logs) && logs[k].BlockNumber == n {
			k++
		}
		b, err := w.block(ctx, n)
		if err != nil {
			return err
		}
		if err := checkLogs(b, logs[:k]); err != nil {
			return err
		}
		next := w.cp.clone()
		next.advance(b.ID(), w.cfg.Confirmations)
		if err := w.apply(ctx, b, logs[:k], next); err != nil {
			return err
		}
		logs = logs[k:]
	}
	if w.cp.Next <= end {
		next := w.cp.clone()
		next.skipTo(end+1, w.cfg.Confirmations)
		return w.commit(w.st.NewBatch(), next)
	}
	return nil
}

// follow processes the blocks from the checkpoint up to head one at a time, each checked
// against its parent.
func (w *Watcher) follow(ctx context.Context, head uint64) error {
	next := w.cp.clone()
	dirty := false
	flush := func() error {
		if !dirty {
			return nil
		}
		dirty = false
		return w.commit(w.st.NewBatch(), next)
	}
	for n := w.cp.Next; n <= head; n++ {
		if err := ctx.Err(); err != nil {
			return errors.Join(err, flush())
		}
		b, err := w.block(ctx, n)
		if err != nil {
			return errors.Join(err, flush())
		}
		if prev, ok := next.tip(); ok && prev.Number == n-1 && b.ParentHash != prev.Hash {
			return errors.Join(fmt.Errorf("%w: block %d has parent %s, processed block %d is %s",
				errParentMismatch, n, b.ParentHash.Hex(), prev.Number, prev.Hash.Hex()), flush())
		}
		logs, err := w.blockLogs(ctx, b)
		if err == nil {
			err = checkLogs(b, logs)
		}
		if err != nil {
			return errors.Join(err, flush())
		}
		next.advance(b.ID(), w.cfg.Confirmations)
		if len(logs) == 0 {
			// Empty blocks only move the checkpoint; it is written with the next block that
			// has logs or at the end, since replaying an empty block costs nothing.
			dirty = true
			continue
		}
		if err := w.apply(ctx, b, logs, next); err != nil {
			// The blocks before b were processed; keep that progress.
			next.rewind(n - 1)
			return errors.Join(err, flush())
		}
		next, dirty = w.cp.clone(), false
	}
	return flush()
}

// block reads the header of block n.
func (w *Watcher) block(ctx context.Context, n uint64) (Block, error) {
	h, err := w.client.HeaderByNumber(ctx, new(big.Int).SetUint64(n))
	if err != nil {
		return Block{}, fmt.Errorf("read block %d: %w", n, err)
	}
	if h.Number == nil || h.Number.Uint64() != n {
		return Block{}, fmt.Errorf("asked the node for block %d, got block %v", n, h.Number)
	}
	return Block{Number: n, Hash: h.Hash(), ParentHash: h.ParentHash, Time: h.Time}, nil
}

// apply hands one block to the handler and commits its writes with next, the checkpoint past
// the block.
func (w *Watcher) apply(ctx context.Context, b Block, logs []types.Log, next checkpoint) error {
	batch := w.st.NewBatch()
	if err := w.h.Apply(ctx, b, logs, batch); err != nil {
		return fmt.Errorf("handler failed on block %d (%s): %w", b.Number, b.Hash.Hex(), err)
	}
	if err := w.commit(batch, next); err != nil {
		return err
	}
	w.log.Debug("applied block", "block", b.Number, "hash", b.Hash, "logs", len(logs))
	return nil
}

// commit writes next with batch and adopts it once durable.
func (w *Watcher) commit(batch *store.Batch, next checkpoint) error {
	if err := next.put(batch, w.bucket); err != nil {
		return err
	}
	if err := batch.Commit(); err != nil {
		return fmt.Errorf("commit watcher checkpoint at block %d: %w", next.Next, err)
	}
	w.mu.Lock()
	w.cp = next
	w.mu.Unlock()
	return nil
}
