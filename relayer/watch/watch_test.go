package watch_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient/simulated"

	"github.com/teeoracle/teeoracle/bindings"
	"github.com/teeoracle/teeoracle/protocol"
	"github.com/teeoracle/teeoracle/relayer/registry"
	"github.com/teeoracle/teeoracle/relayer/store"
	"github.com/teeoracle/teeoracle/relayer/watch"
)

// ---------------------------------------------------------------- chain

type chain struct {
	sim        *simulated.Backend
	admin      *bind.TransactOpts
	relayer    *ecdsa.PrivateKey
	reg        *registry.Client
	domain     protocol.Domain
	measure    common.Hash
	deployedAt uint64
	round      int
}

func newChain(t *testing.T) *chain {
	t.Helper()
	adminKey, _ := crypto.GenerateKey()
	relayerKey, _ := crypto.GenerateKey()
	adminAddr := crypto.PubkeyToAddress(adminKey.PublicKey)
	sim := simulated.NewBackend(types.GenesisAlloc{adminAddr: {Balance: new(big.Int).Lsh(big.NewInt(1), 100)}})
	t.Cleanup(func() { sim.Close() })
	client := sim.Client()
	chainID, err := client.ChainID(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	admin := bind.NewKeyedTransactor(adminKey, chainID)
	addr, tx, err := registry.Deploy(admin, client, registry.DeployParams{
		Admin: adminAddr, Relayers: []common.Address{crypto.PubkeyToAddress(relayerKey.PublicKey)},
		Threshold: 1, Limits: registry.DefaultLimits,
	})
	if err != nil {
		t.Fatal(err)
	}
	sim.Commit()
	c := &chain{sim: sim, admin: admin, relayer: relayerKey, reg: registry.New(client, addr), measure: common.HexToHash("0x1234")}
	rcpt, err := c.reg.Wait(context.Background(), tx)
	if err != nil {
		t.Fatal(err)
	}
	c.deployedAt = rcpt.BlockNumber.Uint64()
	if c.domain, err = c.reg.Domain(context.Background()); err != nil {
		t.Fatal(err)
	}
	c.mine(t)(c.reg.AllowMeasurement(admin, c.measure, protocol.TEETDX))
	return c
}

// mine commits the block holding tx and fails the test unless it succeeded.
func (c *chain) mine(t *testing.T) func(*types.Transaction, error) *types.Receipt {
	return func(tx *types.Transaction, err error) *types.Receipt {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		c.sim.Commit()
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		rcpt, err := c.reg.Wait(ctx, tx)
		if err != nil {
			t.Fatal(err)
		}
		return rcpt
	}
}

func (c *chain) empty(n int) {
	for range n {
		c.sim.Commit()
	}
}

func (c *chain) head(t *testing.T) *types.Header {
	t.Helper()
	h, err := c.sim.Client().HeaderByNumber(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func (c *chain) attestation(t *testing.T, subject common.Address, nonce common.Hash) (*protocol.Attestation, []byte) {
	t.Helper()
	now := c.head(t).Time
	a := &protocol.Attestation{
		Subject: subject, TEEType: protocol.TEETDX, MeasurementHash: c.measure, TCBStatus: protocol.TCBUpToDate,
		IssuedAt: now, ExpiresAt: now + 3600, Nonce: nonce, QuoteHash: common.HexToHash("0x71756f7465"),
	}
	sig, err := protocol.Sign(c.relayer, c.domain.Digest(a))
	if err != nil {
		t.Fatal(err)
	}
	return a, sig
}

func (c *chain) attest(t *testing.T, subject common.Address, nonce common.Hash) {
	t.Helper()
	a, sig := c.attestation(t, subject, nonce)
	c.mine(t)(c.reg.Attest(c.admin, a, [][]byte{sig}))
}

// attestTwo attests two subjects in one transaction: two Attested logs in one block.
func (c *chain) attestTwo(t *testing.T, s1, s2 common.Address) {
	t.Helper()
	a1, sig1 := c.attestation(t, s1, common.Hash{})
	a2, sig2 := c.attestation(t, s2, common.Hash{})
	rcpt := c.mine(t)(c.reg.AttestBatch(c.admin, []*protocol.Attestation{a1, a2}, [][][]byte{{sig1}, {sig2}}))
	if len(rcpt.Logs) != 2 {
		t.Fatalf("attestBatch of two emitted %d logs, want 2 Attested", len(rcpt.Logs))
	}
}

// request asks subject to re-attest and returns the request's block and nonce.
func (c *chain) request(t *testing.T, subject common.Address) (*types.Receipt, common.Hash) {
	t.Helper()
	rcpt := c.mine(t)(c.reg.RequestReattestation(c.admin, subject))
	for _, l := range rcpt.Logs {
		if ev, err := registry.ABI().UnpackReattestationRequestedEvent(l); err == nil {
			return rcpt, ev.Nonce
		}
	}
	t.Fatal("requestReattestation emitted no ReattestationRequested")
	return nil, common.Hash{}
}

func subject(i int) common.Address { return common.BigToAddress(big.NewInt(int64(0x5eb000 + i))) }

// script drives the registry through rounds of a subject's life: attest, a request, the
// answer, sometimes a revocation, with empty blocks in between.
func (c *chain) script(t *testing.T, rounds int) {
	t.Helper()
	for range rounds {
		c.round++
		s := subject(c.round)
		if c.round%2 == 0 {
			// Ordering within a block: a subject of its own and one never requested.
			c.attestTwo(t, s, subject(1000+c.round))
		} else {
			c.attest(t, s, common.Hash{})
		}
		c.empty(2)
		_, nonce := c.request(t, s)
		c.empty(1)
		c.attest(t, s, nonce)
		if c.round%3 == 0 {
			c.mine(t)(c.reg.Revoke(c.admin, s))
		}
	}
}

// logs returns the registry logs the watcher should deliver for blocks from..head.
func (c *chain) logs(t *testing.T, from uint64) []types.Log {
	t.Helper()
	var ids []common.Hash
	for _, name := range watch.DefaultEvents {
		ids = append(ids, registry.ABI().GetABI().Events[name].ID)
	}
	logs, err := c.sim.Client().FilterLogs(context.Background(), ethereum.FilterQuery{
		FromBlock: new(big.Int).SetUint64(from), ToBlock: c.head(t).Number,
		Addresses: []common.Address{c.reg.Address}, Topics: [][]common.Hash{ids},
	})
	if err != nil {
		t.Fatal(err)
	}
	return logs
}

// ---------------------------------------------------------------- clients

// pollingOnly hides everything but what watch.Client needs, SubscribeNewHead included.
type pollingOnly struct{ c simulated.Client }

func (p pollingOnly) HeaderByNumber(ctx context.Context, n *big.Int) (*types.Header, error) {
	return p.c.HeaderByNumber(ctx, n)
}

func (p pollingOnly) FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error) {
	return p.c.FilterLogs(ctx, q)
}

// flaky is a node that refuses wide log ranges and fails on demand.
type flaky struct {
	pollingOnly
	maxSpan   uint64       // refuse range queries over more blocks than this (0: no limit)
	failLogs  atomic.Int64 // fail this many FilterLogs calls
	failHeads atomic.Int64 // fail this many HeaderByNumber calls
	refused   atomic.Int64
	widest    atomic.Uint64 // widest range query answered
}

var errNodeDown = errors.New("connection refused (test)")

func (f *flaky) HeaderByNumber(ctx context.Context, n *big.Int) (*types.Header, error) {
	if f.failHeads.Add(-1) >= 0 {
		return nil, errNodeDown
	}
	return f.pollingOnly.HeaderByNumber(ctx, n)
}

func (f *flaky) FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error) {
	if f.failLogs.Add(-1) >= 0 {
		return nil, errNodeDown
	}
	if q.BlockHash == nil {
		span := q.ToBlock.Uint64() - q.FromBlock.Uint64() + 1
		if f.maxSpan > 0 && span > f.maxSpan {
			f.refused.Add(1)
			return nil, fmt.Errorf("query returned more than 10000 results. Try with this block range [%d, %d]",
				q.FromBlock.Uint64(), q.FromBlock.Uint64()+f.maxSpan-1)
		}
		for {
			w := f.widest.Load()
			if span <= w || f.widest.CompareAndSwap(w, span) {
				break
			}
		}
	}
	return f.pollingOnly.FilterLogs(ctx, q)
}

// hooked runs a hook, once, just before the node answers for a given block number.
type hooked struct {
	pollingOnly
	at   atomic.Uint64
	hook func()
	done chan struct{} // closed once the hook has run
}

func (h *hooked) HeaderByNumber(ctx context.Context, n *big.Int) (*types.Header, error) {
	if n != nil && h.at.CompareAndSwap(n.Uint64(), 0) {
		h.hook()
		close(h.done)
	}
	return h.pollingOnly.HeaderByNumber(ctx, n)
}

// ---------------------------------------------------------------- handler

// journal is a handler that keeps every delivered log in its own bucket, written through the
// watcher's batch, and fails the test on any duplicate or out-of-order delivery. The pending
// requests it derives come from that journal, so a rewind that forgets to undo shows.
type journal struct {
	t      *testing.T
	bucket *store.Bucket

	mu      sync.Mutex
	rewinds []uint64
	applied []watch.Block // every Apply call, including failed ones
	fail    func(b watch.Block) error
}

func newJournal(t *testing.T, st *store.Store) *journal {
	return &journal{t: t, bucket: st.Bucket("test-journal")}
}

func journalKey(block uint64, index uint) []byte {
	k := make([]byte, 12)
	binary.BigEndian.PutUint64(k, block)
	binary.BigEndian.PutUint32(k[8:], uint32(index))
	return k
}

func (j *journal) Apply(_ context.Context, b watch.Block, logs []types.Log, batch *store.Batch) error {
	var last []byte
	if err := j.bucket.Iterate(nil, func(k, _ []byte) error { last = append(last[:0], k...); return nil }); err != nil {
		return err
	}
	for _, l := range logs {
		k := journalKey(l.BlockNumber, l.Index)
		if bytes.Compare(k, last) <= 0 {
			j.t.Errorf("block %d log %d delivered after block %d log %d was already committed (duplicate or out of order)",
				l.BlockNumber, l.Index, binary.BigEndian.Uint64(last), binary.BigEndian.Uint32(last[8:]))
		}
		if l.BlockHash != b.Hash || l.BlockNumber != b.Number {
			j.t.Errorf("log of block %d (%s) delivered with block %d (%s)", l.BlockNumber, l.BlockHash, b.Number, b.Hash)
		}
		raw, err := json.Marshal(l)
		if err != nil {
			return err
		}
		batch.Put(j.bucket, k, raw)
		last = k
	}
	j.mu.Lock()
	j.applied = append(j.applied, b)
	fail := j.fail
	j.mu.Unlock()
	if fail != nil {
		// After staging writes: a failure must drop them.
		return fail(b)
	}
	return nil
}

func (j *journal) Rewind(_ context.Context, to uint64, batch *store.Batch) error {
	j.mu.Lock()
	j.rewinds = append(j.rewinds, to)
	j.mu.Unlock()
	return j.bucket.Iterate(nil, func(k, _ []byte) error {
		if binary.BigEndian.Uint64(k) > to {
			batch.Delete(j.bucket, append([]byte(nil), k...))
		}
		return nil
	})
}

func (j *journal) logs(t *testing.T) []types.Log {
	t.Helper()
	var out []types.Log
	err := j.bucket.Iterate(nil, func(_, v []byte) error {
		var l types.Log
		if err := json.Unmarshal(v, &l); err != nil {
			return err
		}
		out = append(out, l)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// pending replays the journal into the open re-attestation requests per subject.
func (j *journal) pending(t *testing.T) map[common.Address]common.Hash {
	t.Helper()
	open := map[common.Address]common.Hash{}
	for _, l := range j.logs(t) {
		ev, err := watch.Decode(&l)
		if err != nil {
			t.Fatal(err)
		}
		switch ev := ev.(type) {
		case *bindings.AttestationRegistryReattestationRequested:
			open[ev.Subject] = ev.Nonce
		case *bindings.AttestationRegistryAttested:
			if open[ev.Subject] == ev.Nonce {
				delete(open, ev.Subject)
			}
		case *bindings.AttestationRegistryAttestationRevoked:
			delete(open, ev.Subject)
		}
	}
	return open
}

func (j *journal) rewound() []uint64 {
	j.mu.Lock()
	defer j.mu.Unlock()
	return append([]uint64(nil), j.rewinds...)
}

func (j *journal) applies() int {
	j.mu.Lock()
	defer j.mu.Unlock()
	return len(j.applied)
}

// sameLogs fails unless got and want name the same logs of the same blocks, in order.
func sameLogs(t *testing.T, got, want []types.Log) {
	t.Helper()
	if len(want) == 0 {
		t.Fatal("test setup produced no logs")
	}
	if len(got) != len(want) {
		t.Fatalf("delivered %d logs, want %d", len(got), len(want))
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.BlockNumber != w.BlockNumber || g.Index != w.Index || g.BlockHash != w.BlockHash || g.TxHash != w.TxHash {
			t.Fatalf("log %d is block %d index %d (%s), want block %d index %d (%s)",
				i, g.BlockNumber, g.Index, g.BlockHash.Hex(), w.BlockNumber, w.Index, w.BlockHash.Hex())
		}
	}
}

// ---------------------------------------------------------------- running

func testLogger(t *testing.T) *slog.Logger {
	if testing.Verbose() || os.Getenv("WATCH_LOG") != "" {
		return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	return slog.New(slog.DiscardHandler)
}

func config(c *chain) watch.Config {
	return watch.Config{
		Registry: c.reg.Address, StartBlock: c.deployedAt, Confirmations: 4, ChunkSize: 5,
		PollInterval: 10 * time.Millisecond, MaxBackoff: 40 * time.Millisecond,
	}
}

func newWatcher(t *testing.T, cfg watch.Config, client watch.Client, st *store.Store, h watch.Handler) *watch.Watcher {
	t.Helper()
	w, err := watch.New(cfg, client, st, h, testLogger(t))
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// start runs w until the returned stop is called (or the test ends).
func start(t *testing.T, w *watch.Watcher) (stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- w.Run(ctx) }()
	var once sync.Once
	stop = func() {
		once.Do(func() {
			cancel()
			if err := <-done; err != nil {
				t.Errorf("Run returned %v after cancel, want nil", err)
			}
		})
	}
	t.Cleanup(stop)
	return stop
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// caughtUp waits until w has processed the chain's current head.
func caughtUp(t *testing.T, c *chain, w *watch.Watcher) {
	t.Helper()
	head := c.head(t)
	waitFor(t, fmt.Sprintf("the watcher to process head %d", head.Number), func() bool {
		p := w.Status().Processed
		return p.Number == head.Number.Uint64() && p.Hash == head.Hash()
	})
}

func memStore(t *testing.T) *store.Store {
	st, err := store.OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// ---------------------------------------------------------------- tests

func TestBackfillDeliversEveryEventOnceInOrder(t *testing.T) {
	c := newChain(t)
	c.script(t, 8)
	st := memStore(t)
	j := newJournal(t, st)
	cfg := config(c)
	w := newWatcher(t, cfg, pollingOnly{c.sim.Client()}, st, j)
	start(t, w)
	caughtUp(t, c, w)

	want := c.logs(t, cfg.StartBlock)
	sameLogs(t, j.logs(t), want)
	if head := c.head(t).Number.Uint64(); head-cfg.StartBlock < 5*cfg.ChunkSize {
		t.Fatalf("chain has only %d blocks past the start; the test wants many chunks", head-cfg.StartBlock)
	}
	if s := w.Status(); s.Lag != 0 || s.LastError != nil || s.Ready() != nil {
		t.Fatalf("status after catching up = %+v, want no lag, no error, ready", s)
	}

	// Following the head: new events are delivered as they are mined, without confirmations.
	c.script(t, 2)
	caughtUp(t, c, w)
	sameLogs(t, j.logs(t), c.logs(t, cfg.StartBlock))
}

func TestTooManyResultsHalvesTheRange(t *testing.T) {
	c := newChain(t)
	c.script(t, 8)
	st := memStore(t)
	j := newJournal(t, st)
	cfg := config(c)
	cfg.ChunkSize = 16
	node := &flaky{pollingOnly: pollingOnly{c.sim.Client()}, maxSpan: 3}
	w := newWatcher(t, cfg, node, st, j)
	start(t, w)
	caughtUp(t, c, w)

	sameLogs(t, j.logs(t), c.logs(t, cfg.StartBlock))
	if node.refused.Load() == 0 {
		t.Fatal("the node never refused a range: the test did not exercise halving")
	}
	if got := node.widest.Load(); got > node.maxSpan || got == 0 {
		t.Fatalf("widest answered range = %d blocks, want 1..%d", got, node.maxSpan)
	}
}

func TestReorgRewindsWhatOrphanedBlocksDerived(t *testing.T) {
	c := newChain(t)
	s := subject(100)
	c.attest(t, s, common.Hash{})
	c.empty(3)
	st := memStore(t)
	j := newJournal(t, st)
	cfg := config(c)
	w := newWatcher(t, cfg, pollingOnly{c.sim.Client()}, st, j)
	start(t, w)
	caughtUp(t, c, w)

	rcpt, orphanedNonce := c.request(t, s)
	orphaned := rcpt.BlockNumber.Uint64()
	waitFor(t, "the request to be pending", func() bool { return j.pending(t)[s] == orphanedNonce })

	// Orphan the request's block. The pool re-sends the request, so the canonical chain
	// carries it again one block later, with a nonce drawn from another block.
	orphanedHeader, err := c.sim.Client().HeaderByHash(context.Background(), rcpt.BlockHash)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.sim.Fork(orphanedHeader.ParentHash); err != nil {
		t.Fatal(err)
	}
	c.empty(1) // the replacement of the orphaned block: holds the re-sent request
	c.empty(2)
	caughtUp(t, c, w)

	rec, err := c.reg.AttestationOf(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	canonical := common.Hash(rec.PendingNonce)
	if canonical == (common.Hash{}) || canonical == orphanedNonce {
		t.Fatalf("setup: canonical pending nonce %s, want a fresh one (orphaned %s)", canonical.Hex(), orphanedNonce.Hex())
	}
	if got := j.pending(t); len(got) != 1 || got[s] != canonical {
		t.Fatalf("handler's pending requests = %v, want only %s: %s", got, s.Hex(), canonical.Hex())
	}
	if got := j.rewound(); len(got) != 1 || got[0] != orphaned-1 {
		t.Fatalf("rewinds = %v, want one to the common ancestor %d", got, orphaned-1)
	}
	sameLogs(t, j.logs(t), c.logs(t, cfg.StartBlock))
	for _, l := range j.logs(t) {
		if l.BlockHash == rcpt.BlockHash {
			t.Fatalf("a log of orphaned block %s survived the rewind", rcpt.BlockHash.Hex())
		}
	}
}

func TestReorgWithoutTheRequestLeavesNothingPending(t *testing.T) {
	c := newChain(t)
	s := subject(200)
	c.attest(t, s, common.Hash{})
	st := memStore(t)
	j := newJournal(t, st)
	cfg := config(c)
	w := newWatcher(t, cfg, pollingOnly{c.sim.Client()}, st, j)
	start(t, w)

	rcpt, nonce := c.request(t, s)
	waitFor(t, "the request to be pending", func() bool { return j.pending(t)[s] == nonce })
	orphanedTx := rcpt.TxHash
	tx, _, err := c.sim.Client().TransactionByHash(context.Background(), orphanedTx)
	if err != nil {
		t.Fatal(err)
	}
	orphaned, err := c.sim.Client().HeaderByHash(context.Background(), rcpt.BlockHash)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.sim.Fork(orphaned.ParentHash); err != nil {
		t.Fatal(err)
	}
	// Replace the re-sent request by a revocation with the same nonce and a higher fee: the
	// canonical chain never requests.
	opts := *c.admin
	opts.Nonce = new(big.Int).SetUint64(tx.Nonce())
	opts.GasTipCap = new(big.Int).Mul(tx.GasTipCap(), big.NewInt(3))
	opts.GasFeeCap = new(big.Int).Mul(tx.GasFeeCap(), big.NewInt(3))
	c.mine(t)(c.reg.Revoke(&opts, s))
	c.empty(2)
	caughtUp(t, c, w)

	if got := j.pending(t); len(got) != 0 {
		t.Fatalf("handler's pending requests = %v, want none: the only request was orphaned", got)
	}
	if got := j.rewound(); len(got) != 1 || got[0] != rcpt.BlockNumber.Uint64()-1 {
		t.Fatalf("rewinds = %v, want one to %d", got, rcpt.BlockNumber.Uint64()-1)
	}
	sameLogs(t, j.logs(t), c.logs(t, cfg.StartBlock))
}

// A reorg between reading the head and walking up to it shows as a block whose parent is not
// the last one processed; the watcher must not build on the orphaned block.
func TestReorgWhileAdvancingIsCaughtByParentHash(t *testing.T) {
	c := newChain(t)
	s := subject(600)
	c.attest(t, s, common.Hash{})
	st := memStore(t)
	j := newJournal(t, st)
	cfg := config(c)
	node := &hooked{pollingOnly: pollingOnly{c.sim.Client()}, done: make(chan struct{})}
	w := newWatcher(t, cfg, node, st, j)
	start(t, w)

	rcpt, orphanedNonce := c.request(t, s)
	waitFor(t, "the request to be pending", func() bool { return j.pending(t)[s] == orphanedNonce })
	orphaned, err := c.sim.Client().HeaderByHash(context.Background(), rcpt.BlockHash)
	if err != nil {
		t.Fatal(err)
	}
	// When the watcher asks for the block after the request's, the request's block is
	// replaced (by one re-sending the request) and a new block follows it.
	node.hook = func() {
		if err := c.sim.Fork(orphaned.ParentHash); err != nil {
			t.Error(err)
		}
		c.empty(2)
	}
	node.at.Store(orphaned.Number.Uint64() + 1)
	c.empty(1)
	w.Poke()
	select {
	case <-node.done:
	case <-time.After(10 * time.Second):
		t.Fatal("the watcher never asked for the block after the request's")
	}
	caughtUp(t, c, w)

	rec, err := c.reg.AttestationOf(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	if got := j.pending(t); len(got) != 1 || got[s] != rec.PendingNonce {
		t.Fatalf("handler's pending requests = %v, want only %s: %s", got, s.Hex(), common.Hash(rec.PendingNonce).Hex())
	}
	if got := j.rewound(); len(got) != 1 || got[0] != orphaned.Number.Uint64()-1 {
		t.Fatalf("rewinds = %v, want one to %d", got, orphaned.Number.Uint64()-1)
	}
	sameLogs(t, j.logs(t), c.logs(t, cfg.StartBlock))
}

// A reorg replacing exactly Confirmations blocks is still rewound; one more is not.
func TestReorgAtTheConfirmationDepth(t *testing.T) {
	const confirmations = 3
	for _, tc := range []struct {
		depth     uint64
		violation bool
	}{{confirmations, false}, {confirmations + 1, true}} {
		t.Run(fmt.Sprintf("depth %d", tc.depth), func(t *testing.T) {
			c := newChain(t)
			st := memStore(t)
			j := newJournal(t, st)
			cfg := config(c)
			cfg.Confirmations = confirmations
			w := newWatcher(t, cfg, pollingOnly{c.sim.Client()}, st, j)
			start(t, w)
			c.script(t, 2)
			caughtUp(t, c, w)
			tip := w.Status().Processed

			ancestor, err := c.sim.Client().HeaderByNumber(context.Background(), new(big.Int).SetUint64(tip.Number-tc.depth))
			if err != nil {
				t.Fatal(err)
			}
			if err := c.sim.Fork(ancestor.Hash()); err != nil {
				t.Fatal(err)
			}
			c.empty(int(tc.depth) + 1)
			if tc.violation {
				waitFor(t, "a finality violation", func() bool { return w.Status().FinalityViolation != nil })
				if got := j.rewound(); len(got) != 0 {
					t.Fatalf("rewinds = %v, want none", got)
				}
				return
			}
			caughtUp(t, c, w)
			if got := j.rewound(); len(got) != 1 || got[0] != ancestor.Number.Uint64() {
				t.Fatalf("rewinds = %v, want one to %d", got, ancestor.Number)
			}
			if s := w.Status(); s.FinalityViolation != nil {
				t.Fatalf("finality violation %v for a reorg within the window", s.FinalityViolation)
			}
			sameLogs(t, j.logs(t), c.logs(t, cfg.StartBlock))
		})
	}
}

func TestReorgDeeperThanConfirmationsIsAFinalityViolation(t *testing.T) {
	c := newChain(t)
	c.script(t, 1)
	st := memStore(t)
	j := newJournal(t, st)
	cfg := config(c)
	cfg.Confirmations = 2
	w := newWatcher(t, cfg, pollingOnly{c.sim.Client()}, st, j)
	start(t, w)
	c.script(t, 1)
	caughtUp(t, c, w)
	before := w.Status().Processed
	delivered := j.logs(t)

	// Replace the last 4 blocks: two more than the watcher remembers.
	ancestor, err := c.sim.Client().HeaderByNumber(context.Background(), new(big.Int).SetUint64(before.Number-4))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.sim.Fork(ancestor.Hash()); err != nil {
		t.Fatal(err)
	}
	c.empty(7)
	waitFor(t, "a finality violation", func() bool { return w.Status().FinalityViolation != nil })

	s := w.Status()
	if !errors.Is(s.FinalityViolation, watch.ErrFinalityViolation) || !errors.Is(s.Ready(), watch.ErrFinalityViolation) {
		t.Fatalf("FinalityViolation = %v, Ready() = %v; want both to be ErrFinalityViolation", s.FinalityViolation, s.Ready())
	}
	var fv *watch.FinalityViolationError
	if !errors.As(s.FinalityViolation, &fv) || fv.Processed != before {
		t.Fatalf("violation = %#v, want it to name the processed block %+v", s.FinalityViolation, before)
	}
	// It stays put: more blocks, more polls, no progress and no rewind.
	c.script(t, 1)
	n := j.applies()
	time.Sleep(150 * time.Millisecond)
	if s := w.Status(); s.Processed != before || s.FinalityViolation == nil {
		t.Fatalf("after more blocks: processed %+v, violation %v; want %+v and still violated", s.Processed, s.FinalityViolation, before)
	}
	if j.applies() != n || len(j.rewound()) != 0 {
		t.Fatalf("handler saw %d more applies and rewinds %v during a finality violation, want none", j.applies()-n, j.rewound())
	}
	sameLogs(t, j.logs(t), delivered)
}

func TestNodeErrorsNeverAdvanceTheCheckpoint(t *testing.T) {
	c := newChain(t)
	st := memStore(t)
	j := newJournal(t, st)
	cfg := config(c)
	node := &flaky{pollingOnly: pollingOnly{c.sim.Client()}}
	w := newWatcher(t, cfg, node, st, j)
	start(t, w)
	caughtUp(t, c, w)
	before := w.Status().Processed

	// The node answers heads but not logs, then not even heads.
	node.failLogs.Store(1 << 30)
	c.script(t, 2)
	waitFor(t, "a log query to fail", func() bool {
		s := w.Status()
		return s.LastError != nil && s.Head == c.head(t).Number.Uint64()
	})
	if s := w.Status(); s.Processed != before || !errors.Is(s.LastError, errNodeDown) {
		t.Fatalf("while logs fail: processed %+v, last error %v; want %+v and the node's error", s.Processed, s.LastError, before)
	}
	node.failLogs.Store(0)
	node.failHeads.Store(5)
	c.script(t, 1)
	caughtUp(t, c, w)
	if left := node.failHeads.Load(); left > 0 {
		t.Fatalf("%d header failures left unconsumed", left)
	}
	sameLogs(t, j.logs(t), c.logs(t, cfg.StartBlock))
	if s := w.Status(); s.LastError != nil {
		t.Fatalf("LastError = %v after recovering, want nil", s.LastError)
	}
}

func TestHandlerErrorsRetryTheSameBlock(t *testing.T) {
	c := newChain(t)
	st := memStore(t)
	j := newJournal(t, st)
	cfg := config(c)
	w := newWatcher(t, cfg, pollingOnly{c.sim.Client()}, st, j)
	start(t, w)
	caughtUp(t, c, w)

	s := subject(300)
	c.attest(t, s, common.Hash{})
	caughtUp(t, c, w)
	var failures atomic.Int32
	failed := make(chan watch.Block, 1)
	j.mu.Lock()
	j.fail = func(b watch.Block) error {
		if failures.Add(1) <= 3 {
			select {
			case failed <- b:
			default:
			}
			return errors.New("handler cannot take it yet (test)")
		}
		return nil
	}
	j.mu.Unlock()
	rcpt, nonce := c.request(t, s)
	b := <-failed
	if b.Hash != rcpt.BlockHash {
		t.Fatalf("failed block %d (%s), want the request's block %d", b.Number, b.Hash, rcpt.BlockNumber)
	}
	if p := w.Status().Processed; p.Number >= b.Number {
		t.Fatalf("processed %d after the handler failed on block %d", p.Number, b.Number)
	}
	waitFor(t, "the request to be pending", func() bool { return j.pending(t)[s] == nonce })
	if got := failures.Load(); got != 4 {
		t.Fatalf("handler called %d times for the block, want 3 failures and 1 success", got)
	}
	caughtUp(t, c, w)
	sameLogs(t, j.logs(t), c.logs(t, cfg.StartBlock))
}

func TestRestartResumesFromTheCheckpoint(t *testing.T) {
	c := newChain(t)
	c.script(t, 4)
	dir := t.TempDir()
	cfg := config(c)

	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	j := newJournal(t, st)
	// Crash on the fourth block with logs: its writes are staged but never committed.
	j.fail = func(watch.Block) error {
		if j.applies() >= 4 {
			return errors.New("crash (test)")
		}
		return nil
	}
	w := newWatcher(t, cfg, pollingOnly{c.sim.Client()}, st, j)
	stop := start(t, w)
	waitFor(t, "the crash", func() bool { return j.applies() >= 4 })
	stop()
	crashed := j.applied[3]
	if got := w.Status().Next; got > crashed.Number {
		t.Fatalf("checkpoint moved to %d, past block %d whose handler failed", got, crashed.Number)
	}
	firstRun := j.logs(t)
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}

	c.script(t, 2)
	st, err = store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	j2 := newJournal(t, st)
	if got := j2.logs(t); len(got) != len(firstRun) {
		t.Fatalf("reopened store holds %d logs, first run committed %d", len(got), len(firstRun))
	}
	w2 := newWatcher(t, cfg, pollingOnly{c.sim.Client()}, st, j2)
	start(t, w2)
	caughtUp(t, c, w2)
	if first := j2.applied[0]; first.Hash != crashed.Hash {
		t.Fatalf("after restart the first block delivered is %d, want %d, the one that was not committed", first.Number, crashed.Number)
	}
	// journal.Apply fails the test on any log delivered twice; here nothing may be missing.
	sameLogs(t, j2.logs(t), c.logs(t, cfg.StartBlock))
}

func TestSubscriptionWakesThePoller(t *testing.T) {
	c := newChain(t)
	st := memStore(t)
	j := newJournal(t, st)
	cfg := config(c)
	cfg.PollInterval = time.Hour // only a wake-up can make it poll again
	w := newWatcher(t, cfg, c.sim.Client(), st, j)
	start(t, w)
	caughtUp(t, c, w)
	waitFor(t, "the head subscription", func() bool { return w.Status().Subscribed })

	s := subject(400)
	c.attest(t, s, common.Hash{})
	_, nonce := c.request(t, s)
	waitFor(t, "the request, delivered on a wake-up", func() bool { return j.pending(t)[s] == nonce })
	caughtUp(t, c, w)
	sameLogs(t, j.logs(t), c.logs(t, cfg.StartBlock))
}

func TestPokeWakesAPollingOnlyWatcher(t *testing.T) {
	c := newChain(t)
	st := memStore(t)
	j := newJournal(t, st)
	cfg := config(c)
	cfg.PollInterval = time.Hour
	w := newWatcher(t, cfg, pollingOnly{c.sim.Client()}, st, j)
	start(t, w)
	caughtUp(t, c, w)
	if w.Status().Subscribed {
		t.Fatal("Subscribed with a client that cannot subscribe")
	}
	s := subject(500)
	c.attest(t, s, common.Hash{})
	w.Poke()
	caughtUp(t, c, w)
	sameLogs(t, j.logs(t), c.logs(t, cfg.StartBlock))
}

func TestCheckpointBelongsToOneRegistry(t *testing.T) {
	c := newChain(t)
	st := memStore(t)
	cfg := config(c)
	w := newWatcher(t, cfg, pollingOnly{c.sim.Client()}, st, newJournal(t, st))
	stop := start(t, w)
	caughtUp(t, c, w)
	stop()
	cfg.Registry = common.HexToAddress("0x0bad")
	if _, err := watch.New(cfg, pollingOnly{c.sim.Client()}, st, newJournal(t, st), testLogger(t)); err == nil {
		t.Fatal("New accepted a store whose checkpoint follows another registry")
	}
}
