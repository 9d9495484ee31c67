package txmgr_test

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"math/big"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/params"

	"github.com/teeoracle/teeoracle/protocol"
	"github.com/teeoracle/teeoracle/relayer/registry"
	"github.com/teeoracle/teeoracle/relayer/store"
	"github.com/teeoracle/teeoracle/relayer/txmgr"
)

// env is a simulated chain with one funded sender and a journal in an in-memory store.
type env struct {
	sim      *simulated.Backend
	client   simulated.Client
	key      *ecdsa.PrivateKey
	from     common.Address
	chainID  *big.Int
	journal  *store.Bucket
	counters *txmgr.Counters
}

type simOption = func(*node.Config, *ethconfig.Config)

func withMinerMinTip(tip *big.Int) simOption { return simulated.WithMinerMinTip(tip) }

func newEnv(t *testing.T, opts ...simOption) *env {
	t.Helper()
	key, _ := crypto.GenerateKey()
	from := crypto.PubkeyToAddress(key.PublicKey)
	sim := simulated.NewBackend(types.GenesisAlloc{from: {Balance: big.NewInt(params.Ether)}}, opts...)
	t.Cleanup(func() { sim.Close() })
	st, err := store.OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	id, err := sim.Client().ChainID(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return &env{sim: sim, client: sim.Client(), key: key, from: from, chainID: id,
		journal: st.Bucket("txmgr"), counters: new(txmgr.Counters)}
}

func (e *env) config() txmgr.Config {
	return txmgr.Config{
		From:             e.from,
		Signer:           bind.NewKeyedTransactor(e.key, e.chainID).Signer,
		MaxFeePerGas:     big.NewInt(100 * params.GWei),
		Confirmations:    1,
		ResubmitInterval: 5 * time.Second, // long: tests that want bumps shorten it
		PollInterval:     10 * time.Millisecond,
		Metrics:          e.counters,
	}
}

// manager builds a Manager on backend (nil: the chain's client) and reconciles it.
func (e *env) manager(t *testing.T, backend txmgr.Backend, cfg txmgr.Config) *txmgr.Manager {
	t.Helper()
	if backend == nil {
		backend = e.client
	}
	m, err := txmgr.New(context.Background(), backend, e.journal, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(m.Close)
	if _, err := m.Reconcile(context.Background()); err != nil {
		t.Fatal(err)
	}
	return m
}

// autoMine commits a block every interval until the test ends.
func (e *env) autoMine(t *testing.T, every time.Duration) {
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		tk := time.NewTicker(every)
		defer tk.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tk.C:
				e.sim.Commit()
			}
		}
	}()
	t.Cleanup(func() { close(stop); <-done })
}

func (e *env) head(t *testing.T) *types.Header {
	t.Helper()
	h, err := e.client.HeaderByNumber(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func (e *env) nonce(t *testing.T) uint64 {
	t.Helper()
	n, err := e.client.NonceAt(context.Background(), e.from, nil)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func (e *env) pendingNonce(t *testing.T) uint64 {
	t.Helper()
	n, err := e.client.PendingNonceAt(context.Background(), e.from)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func (e *env) journalLen(t *testing.T) int {
	t.Helper()
	n, err := e.journal.Count(nil)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func (e *env) txOf(t *testing.T, h common.Hash) *types.Transaction {
	t.Helper()
	tx, _, err := e.client.TransactionByHash(context.Background(), h)
	if err != nil {
		t.Fatal(err)
	}
	return tx
}

// transfer is a candidate that cannot revert.
func transfer(id string) txmgr.Candidate {
	return txmgr.Candidate{ID: id, To: common.HexToAddress("0xbeef"), Value: big.NewInt(1), Data: []byte("teeoracle")}
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

type result struct {
	rcpt *types.Receipt
	err  error
}

func sendAsync(m *txmgr.Manager, c txmgr.Candidate) <-chan result {
	ch := make(chan result, 1)
	go func() {
		r, err := m.Send(context.Background(), c)
		ch <- result{r, err}
	}()
	return ch
}

func recv(t *testing.T, ch <-chan result) result {
	t.Helper()
	select {
	case r := <-ch:
		return r
	case <-time.After(10 * time.Second):
		t.Fatal("Send did not return")
		return result{}
	}
}

// backend wraps the simulated client to inject node behaviour.
type backend struct {
	simulated.Client
	tip          func() *big.Int                                        // overrides SuggestGasTipCap when set
	send         func(ctx context.Context, tx *types.Transaction) error // overrides SendTransaction when set
	hideReceipts atomic.Bool
	estimates    atomic.Int32
	sends        atomic.Int32
}

func (b *backend) SuggestGasTipCap(ctx context.Context) (*big.Int, error) {
	if b.tip != nil {
		return b.tip(), nil
	}
	return b.Client.SuggestGasTipCap(ctx)
}

func (b *backend) SendTransaction(ctx context.Context, tx *types.Transaction) error {
	b.sends.Add(1)
	if b.send != nil {
		return b.send(ctx, tx)
	}
	return b.Client.SendTransaction(ctx, tx)
}

func (b *backend) TransactionReceipt(ctx context.Context, h common.Hash) (*types.Receipt, error) {
	if b.hideReceipts.Load() {
		return nil, ethereum.NotFound
	}
	return b.Client.TransactionReceipt(ctx, h)
}

func (b *backend) EstimateGas(ctx context.Context, msg ethereum.CallMsg) (uint64, error) {
	b.estimates.Add(1)
	return b.Client.EstimateGas(ctx, msg)
}

func TestSendConfirmsAtDepthAndIsIdempotent(t *testing.T) {
	e := newEnv(t)
	cfg := e.config()
	cfg.Confirmations = 3
	m := e.manager(t, nil, cfg)
	e.autoMine(t, 20*time.Millisecond)

	rcpt, err := m.Send(context.Background(), transfer("transfer/1"))
	if err != nil {
		t.Fatal(err)
	}
	if rcpt.Status != types.ReceiptStatusSuccessful {
		t.Fatalf("receipt status %d, want success", rcpt.Status)
	}
	if depth := e.head(t).Number.Uint64() - rcpt.BlockNumber.Uint64() + 1; depth < 3 {
		t.Fatalf("Send returned at depth %d, want at least 3", depth)
	}
	if got := e.counters.SentTotal.Load(); got != 1 {
		t.Fatalf("sent = %d, want 1", got)
	}
	if got := e.counters.ConfirmedTotal.Load(); got != 1 {
		t.Fatalf("confirmed = %d, want 1", got)
	}
	if e.counters.LatencyTotal.Load() <= 0 {
		t.Fatal("no confirmation latency recorded")
	}

	// The same ID again is the same transaction, not a second one.
	again, err := m.Send(context.Background(), transfer("transfer/1"))
	if err != nil {
		t.Fatal(err)
	}
	if again.TxHash != rcpt.TxHash {
		t.Fatalf("second Send of the same ID gave %s, want %s", again.TxHash.Hex(), rcpt.TxHash.Hex())
	}
	if n := e.pendingNonce(t); n != 1 {
		t.Fatalf("sender's pending nonce %d after two Sends of one ID, want 1", n)
	}
	if w, err := m.Wait(context.Background(), "transfer/1"); err != nil || w.TxHash != rcpt.TxHash {
		t.Fatalf("Wait = %v, %v; want the confirmed receipt", w, err)
	}
	if n, err := m.Prune(time.Now().Add(-time.Hour)); err != nil || n != 0 {
		t.Fatalf("Prune of an hour ago = %d, %v; want nothing pruned", n, err)
	}
	if n, err := m.Prune(time.Now()); err != nil || n != 1 || e.journalLen(t) != 0 {
		t.Fatalf("Prune(now) = %d, %v, journal %d; want the confirmed record gone", n, err, e.journalLen(t))
	}
	if _, err := m.Wait(context.Background(), "transfer/1"); !errors.Is(err, txmgr.ErrUnknownID) {
		t.Fatalf("Wait after Prune = %v, want ErrUnknownID", err)
	}
}

func TestStuckTxIsBumpedAndMined(t *testing.T) {
	// The miner wants a 1 gwei tip; the node first suggests 1 wei (a fee spike the
	// estimate has not caught up with), so the first attempt sits unmined in the pool.
	e := newEnv(t, withMinerMinTip(big.NewInt(params.GWei)))
	var calls atomic.Int32
	b := &backend{Client: e.client, tip: func() *big.Int {
		if calls.Add(1) == 1 {
			return big.NewInt(1)
		}
		return big.NewInt(params.GWei)
	}}
	cfg := e.config()
	cfg.ResubmitInterval = 100 * time.Millisecond
	m := e.manager(t, b, cfg)
	e.autoMine(t, 20*time.Millisecond)

	rcpt, err := m.Send(context.Background(), transfer("stuck"))
	if err != nil {
		t.Fatal(err)
	}
	if got := e.counters.BumpedTotal.Load(); got < 1 {
		t.Fatalf("bumped = %d, want at least 1", got)
	}
	tx := e.txOf(t, rcpt.TxHash)
	if tx.GasTipCap().Cmp(big.NewInt(params.GWei)) < 0 {
		t.Fatalf("mined tip %s, want at least the miner's 1 gwei", tx.GasTipCap())
	}
	if tx.Nonce() != 0 || e.nonce(t) != 1 {
		t.Fatalf("mined nonce %d, account nonce %d: want one transaction at nonce 0", tx.Nonce(), e.nonce(t))
	}
}

func TestFeeCeilingStopsBumpsButKeepsRebroadcasting(t *testing.T) {
	// The ceiling is below what the miner asks: the tx must never exceed it.
	e := newEnv(t, withMinerMinTip(big.NewInt(params.GWei)))
	b := &backend{Client: e.client, tip: func() *big.Int { return big.NewInt(1) }}
	cfg := e.config()
	cfg.ResubmitInterval = 20 * time.Millisecond
	head := e.head(t)
	ceiling := new(big.Int).Add(new(big.Int).Mul(head.BaseFee, big.NewInt(2)), big.NewInt(5))
	cfg.MaxFeePerGas = ceiling
	m := e.manager(t, b, cfg)

	ctx, cancel := context.WithTimeout(context.Background(), 600*time.Millisecond)
	defer cancel()
	_, err := m.Send(ctx, transfer("capped"))
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Send under an unreachable ceiling = %v, want the caller's deadline", err)
	}
	sends := b.sends.Load()
	if sends < 3 {
		t.Fatalf("%d broadcasts, want rebroadcasts to continue at the ceiling", sends)
	}
	// Every pooled version respects the ceiling: the pool holds the latest.
	if n := e.pendingNonce(t); n != 1 {
		t.Fatalf("pending nonce %d, want the capped tx in the pool", n)
	}
	e.sim.Commit() // the miner skips it
	if n := e.nonce(t); n != 0 {
		t.Fatalf("capped tx was mined (nonce %d); the test's premise is broken", n)
	}
}

func TestSendResyncsNonceAfterExternalTxUsedIt(t *testing.T) {
	e := newEnv(t)
	m := e.manager(t, nil, e.config())
	e.autoMine(t, 20*time.Millisecond)
	if _, err := m.Send(context.Background(), transfer("first")); err != nil {
		t.Fatal(err)
	}
	// Another process with the same key takes nonce 1 behind the Manager's back.
	ext, _ := types.SignNewTx(e.key, types.LatestSignerForChainID(e.chainID), &types.DynamicFeeTx{
		ChainID: e.chainID, Nonce: 1, GasTipCap: big.NewInt(params.GWei), GasFeeCap: big.NewInt(10 * params.GWei),
		Gas: 21000, To: &common.Address{1},
	})
	if err := e.client.SendTransaction(context.Background(), ext); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the external tx to be mined", func() bool { return e.nonce(t) == 2 })

	rcpt, err := m.Send(context.Background(), transfer("second"))
	if err != nil {
		t.Fatal(err)
	}
	if n := e.txOf(t, rcpt.TxHash).Nonce(); n != 2 {
		t.Fatalf("second Send used nonce %d, want 2 after resyncing", n)
	}
}

func TestSendTreatsAlreadyKnownAsSent(t *testing.T) {
	// The first broadcast reaches the node but the answer is lost; the rebroadcast of the
	// same bytes gets "already known", which means sent, not failed.
	e := newEnv(t)
	var first atomic.Bool
	var replies []string
	var mu sync.Mutex
	b := &backend{Client: e.client}
	b.send = func(ctx context.Context, tx *types.Transaction) error {
		err := e.client.SendTransaction(ctx, tx)
		if !first.Swap(true) {
			return errors.New("read tcp 127.0.0.1:8545: i/o timeout")
		}
		mu.Lock()
		replies = append(replies, errString(err))
		mu.Unlock()
		return err
	}
	m := e.manager(t, b, e.config())
	done := sendAsync(m, transfer("lost-answer"))
	waitFor(t, "the rebroadcast", func() bool { return b.sends.Load() >= 2 })
	e.autoMine(t, 20*time.Millisecond)
	r := recv(t, done)
	if r.err != nil {
		t.Fatal(r.err)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(replies) == 0 || !strings.Contains(replies[0], "already known") {
		t.Fatalf("node replies to the rebroadcast: %q, want \"already known\"", replies)
	}
	if e.nonce(t) != 1 || e.counters.SentTotal.Load() != 1 || e.counters.BumpedTotal.Load() != 0 {
		t.Fatalf("nonce %d, sent %d, bumped %d: want one tx, sent once, never bumped",
			e.nonce(t), e.counters.SentTotal.Load(), e.counters.BumpedTotal.Load())
	}
}

func errString(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}

func TestInsufficientFundsIsATypedErrorAndConsumesNoNonce(t *testing.T) {
	e := newEnv(t)
	poorKey, _ := crypto.GenerateKey()
	cfg := e.config()
	cfg.From = crypto.PubkeyToAddress(poorKey.PublicKey)
	cfg.Signer = bind.NewKeyedTransactor(poorKey, e.chainID).Signer
	m := e.manager(t, nil, cfg)

	_, err := m.Send(context.Background(), transfer("poor"))
	if !errors.Is(err, txmgr.ErrInsufficientFunds) {
		t.Fatalf("err = %v, want ErrInsufficientFunds", err)
	}
	if n, _ := e.client.PendingNonceAt(context.Background(), cfg.From); n != 0 {
		t.Fatalf("pending nonce %d, want 0: nothing should have been sent", n)
	}
	if n := e.journalLen(t); n != 0 {
		t.Fatalf("journal holds %d entries after a refused send, want 0", n)
	}
}

// registryEnv deploys a registry whose only relayer is not the sender, so any attestation
// the sender signs itself is rejected with UnauthorizedSigner.
func registryEnv(t *testing.T, e *env) (common.Address, *protocol.Attestation, []byte) {
	t.Helper()
	ctx := context.Background()
	relayer, _ := crypto.GenerateKey()
	opts := bind.NewKeyedTransactor(e.key, e.chainID)
	addr, _, err := registry.Deploy(opts, e.client, registry.DeployParams{
		Admin: e.from, Relayers: []common.Address{crypto.PubkeyToAddress(relayer.PublicKey)},
		Threshold: 1, Limits: registry.DefaultLimits,
	})
	if err != nil {
		t.Fatal(err)
	}
	e.sim.Commit()
	reg := registry.New(e.client, addr)
	m := common.HexToHash("0x1234")
	if _, err := reg.AllowMeasurement(opts, m, protocol.TEETDX); err != nil {
		t.Fatal(err)
	}
	e.sim.Commit()
	now := e.head(t).Time
	a := &protocol.Attestation{
		Subject: common.HexToAddress("0x5eb7ec7"), TEEType: protocol.TEETDX, MeasurementHash: m,
		TCBStatus: protocol.TCBUpToDate, IssuedAt: now, ExpiresAt: now + 3600,
		Nonce: common.HexToHash("0x01"), QuoteHash: common.HexToHash("0x02"),
	}
	dom, err := reg.Domain(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sig, err := protocol.Sign(e.key, dom.Digest(a)) // the sender is not a relayer
	if err != nil {
		t.Fatal(err)
	}
	return addr, a, registry.PackAttest(a, [][]byte{sig})
}

func TestDeterministicRevertAtEstimationIsNotRetried(t *testing.T) {
	e := newEnv(t)
	addr, _, data := registryEnv(t, e)
	b := &backend{Client: e.client}
	m := e.manager(t, b, e.config())
	nonceBefore := e.pendingNonce(t)

	_, err := m.Send(context.Background(), txmgr.Candidate{ID: "attest/bad-sig", To: addr, Data: data})
	var te *txmgr.RevertError
	if !errors.As(err, &te) || te.Receipt != nil {
		t.Fatalf("err = %v, want a *txmgr.RevertError found at estimation", err)
	}
	var re *registry.RevertError
	if !errors.As(err, &re) || re.Name != "UnauthorizedSigner" {
		t.Fatalf("err = %v, want the decoded UnauthorizedSigner", err)
	}
	if got := b.estimates.Load(); got != 1 {
		t.Fatalf("estimated %d times, want 1: a deterministic revert is not retried", got)
	}
	if b.sends.Load() != 0 || e.pendingNonce(t) != nonceBefore || e.journalLen(t) != 0 {
		t.Fatalf("sends %d, nonce %d→%d, journal %d: want nothing sent or journaled",
			b.sends.Load(), nonceBefore, e.pendingNonce(t), e.journalLen(t))
	}
	if e.counters.FailedTotal.Load() != 1 {
		t.Fatalf("failed = %d, want 1", e.counters.FailedTotal.Load())
	}
}

func TestMinedRevertIsReturnedWithDecodedReason(t *testing.T) {
	e := newEnv(t)
	addr, _, data := registryEnv(t, e)
	m := e.manager(t, nil, e.config())
	e.autoMine(t, 20*time.Millisecond)

	// A fixed gas limit skips estimation, so the revert happens on chain.
	rcpt, err := m.Send(context.Background(), txmgr.Candidate{ID: "attest/mined-bad-sig", To: addr, Data: data, GasLimit: 500_000})
	var te *txmgr.RevertError
	if !errors.As(err, &te) || te.Receipt == nil || rcpt == nil || rcpt.Status != types.ReceiptStatusFailed {
		t.Fatalf("Send = %v, %v; want a failed receipt and a *txmgr.RevertError carrying it", rcpt, err)
	}
	var re *registry.RevertError
	if !errors.As(err, &re) || re.Name != "UnauthorizedSigner" {
		t.Fatalf("err = %v, want the decoded UnauthorizedSigner", err)
	}
	if e.journalLen(t) != 0 {
		t.Fatal("a reverted transaction stayed in the journal")
	}
}

func TestReorgedOutTxIsResentAndConfirmed(t *testing.T) {
	e := newEnv(t)
	b := &backend{Client: e.client}
	cfg := e.config()
	cfg.Confirmations = 3
	// Far above the time a reorg re-send takes even on a loaded machine, so the assertion
	// below tells a reorg re-send from a timer resubmission.
	cfg.ResubmitInterval = 30 * time.Second
	m := e.manager(t, b, cfg)

	done := sendAsync(m, transfer("reorged"))
	waitFor(t, "the tx in the pool", func() bool { return e.pendingNonce(t) == 1 })
	parent := e.head(t).Hash()
	e.sim.Commit()
	minedIn := e.head(t).Hash()
	if e.nonce(t) != 1 {
		t.Fatal("tx not mined in the first block")
	}
	time.Sleep(150 * time.Millisecond) // let the Manager see the receipt (polls every 10ms)

	// Reorg: drop the block and the pool's copy, as a node that never saw the tx would.
	if err := e.sim.Fork(parent); err != nil {
		t.Fatal(err)
	}
	forked := time.Now()
	waitFor(t, "an empty pool", func() bool { e.sim.Rollback(); return e.pendingNonce(t) == 0 })
	e.autoMine(t, 20*time.Millisecond)

	r := recv(t, done)
	if r.err != nil {
		t.Fatal(r.err)
	}
	// Faster than the resubmit timer: the reorg itself triggered the re-send.
	if took := time.Since(forked); took >= cfg.ResubmitInterval {
		t.Fatalf("re-sent %v after the reorg, want well under the %v resubmit interval", took, cfg.ResubmitInterval)
	}
	if r.rcpt.BlockHash == minedIn {
		t.Fatal("confirmed receipt points at the reorged-out block")
	}
	if canon, err := e.client.HeaderByNumber(context.Background(), r.rcpt.BlockNumber); err != nil || canon.Hash() != r.rcpt.BlockHash {
		t.Fatalf("confirmed receipt's block %s is not canonical", r.rcpt.BlockHash.Hex())
	}
	if e.counters.ReorgedTotal.Load() < 1 {
		t.Fatal("reorg not counted")
	}
	if b.sends.Load() < 2 {
		t.Fatalf("%d broadcasts, want the tx re-sent after the reorg", b.sends.Load())
	}
	if e.nonce(t) != 1 {
		t.Fatalf("account nonce %d, want exactly one tx", e.nonce(t))
	}
}

func TestRestartAfterTxMinedWhileDownReportsIt(t *testing.T) {
	e := newEnv(t)
	cfg := e.config()
	cfg.Confirmations = 2
	m1, err := txmgr.New(context.Background(), e.client, e.journal, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := m1.Reconcile(context.Background()); err != nil {
		t.Fatal(err)
	}
	done := sendAsync(m1, transfer("restart/mined"))
	waitFor(t, "the tx in the pool", func() bool { return e.pendingNonce(t) == 1 })
	m1.Close() // crash: nobody waits for the confirmation
	if r := recv(t, done); !errors.Is(r.err, txmgr.ErrClosed) {
		t.Fatalf("Send on a closed manager = %v, want ErrClosed", r.err)
	}
	if e.journalLen(t) != 1 {
		t.Fatal("in-flight tx not in the journal")
	}
	e.sim.Commit()
	e.sim.Commit()

	m2, err := txmgr.New(context.Background(), e.client, e.journal, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer m2.Close()
	outs, err := m2.Reconcile(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(outs) != 1 || outs[0].ID != "restart/mined" || outs[0].State != txmgr.Confirmed || outs[0].Receipt == nil {
		t.Fatalf("Reconcile = %+v, want restart/mined confirmed", outs)
	}
	// Sending it again is a no-op; a new candidate gets the next nonce.
	again, err := m2.Send(context.Background(), transfer("restart/mined"))
	if err != nil || again.TxHash != outs[0].Receipt.TxHash {
		t.Fatalf("re-Send after restart = %v, %v; want the reconciled receipt", again, err)
	}
	e.autoMine(t, 20*time.Millisecond)
	next, err := m2.Send(context.Background(), transfer("restart/next"))
	if err != nil {
		t.Fatal(err)
	}
	if n := e.txOf(t, next.TxHash).Nonce(); n != 1 {
		t.Fatalf("new Send after restart used nonce %d, want 1", n)
	}
}

func TestRestartAfterNodeLostTxRebroadcastsFromJournal(t *testing.T) {
	for _, tc := range []struct {
		name      string
		broadcast bool // whether the crashed Manager's broadcast reached the node
	}{
		{"crash after broadcast, node lost it", true},
		{"crash between journal write and broadcast", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t)
			b := &backend{Client: e.client}
			if !tc.broadcast {
				b.send = func(context.Context, *types.Transaction) error {
					return errors.New("dial tcp 127.0.0.1:8545: connection refused")
				}
			}
			cfg := e.config()
			m1, err := txmgr.New(context.Background(), b, e.journal, cfg)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := m1.Reconcile(context.Background()); err != nil {
				t.Fatal(err)
			}
			done := sendAsync(m1, transfer("restart/lost"))
			waitFor(t, "a broadcast", func() bool { return b.sends.Load() >= 1 && e.journalLen(t) == 1 })
			m1.Close()
			recv(t, done)
			// The node restarts with an empty pool. The pool settles asynchronously, so clear
			// until it reports nothing pending.
			waitFor(t, "an empty pool", func() bool { e.sim.Rollback(); return e.pendingNonce(t) == 0 })

			m2, err := txmgr.New(context.Background(), e.client, e.journal, cfg)
			if err != nil {
				t.Fatal(err)
			}
			defer m2.Close()
			outs, err := m2.Reconcile(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if len(outs) != 1 || outs[0].State != txmgr.Resumed {
				t.Fatalf("Reconcile = %+v, want restart/lost resumed", outs)
			}
			if e.pendingNonce(t) != 1 {
				t.Fatal("Reconcile did not rebroadcast the journaled tx")
			}
			// A new Send queued now must not take the resumed tx's nonce.
			newDone := sendAsync(m2, transfer("restart/new"))
			e.autoMine(t, 20*time.Millisecond)
			rcpt, err := m2.Wait(context.Background(), "restart/lost")
			if err != nil {
				t.Fatal(err)
			}
			if n := e.txOf(t, rcpt.TxHash).Nonce(); n != 0 {
				t.Fatalf("resumed tx mined with nonce %d, want 0", n)
			}
			r := recv(t, newDone)
			if r.err != nil {
				t.Fatal(r.err)
			}
			if n := e.txOf(t, r.rcpt.TxHash).Nonce(); n != 1 {
				t.Fatalf("new tx mined with nonce %d, want 1", n)
			}
			if e.nonce(t) != 2 {
				t.Fatalf("account nonce %d, want 2: each candidate exactly once", e.nonce(t))
			}
		})
	}
}

func TestReconcileMarksTxFailedWhenItsNonceWasTakenElsewhere(t *testing.T) {
	e := newEnv(t)
	b := &backend{Client: e.client, send: func(context.Context, *types.Transaction) error {
		return errors.New("connection reset by peer")
	}}
	cfg := e.config()
	m1, err := txmgr.New(context.Background(), b, e.journal, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := m1.Reconcile(context.Background()); err != nil {
		t.Fatal(err)
	}
	done := sendAsync(m1, transfer("restart/taken"))
	waitFor(t, "the journal entry", func() bool { return e.journalLen(t) == 1 })
	m1.Close()
	recv(t, done)

	ext, _ := types.SignNewTx(e.key, types.LatestSignerForChainID(e.chainID), &types.DynamicFeeTx{
		ChainID: e.chainID, Nonce: 0, GasTipCap: big.NewInt(params.GWei), GasFeeCap: big.NewInt(10 * params.GWei),
		Gas: 21000, To: &common.Address{2},
	})
	if err := e.client.SendTransaction(context.Background(), ext); err != nil {
		t.Fatal(err)
	}
	e.sim.Commit()

	m2, err := txmgr.New(context.Background(), e.client, e.journal, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer m2.Close()
	outs, err := m2.Reconcile(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(outs) != 1 || outs[0].State != txmgr.Failed || !errors.Is(outs[0].Err, txmgr.ErrNonceConsumed) {
		t.Fatalf("Reconcile = %+v, want restart/taken failed with ErrNonceConsumed", outs)
	}
	if e.journalLen(t) != 0 {
		t.Fatal("failed tx left in the journal")
	}
}

func TestSendDoesntAbortNonceTooLowAfterMiningTx(t *testing.T) {
	// The node's receipt index lags: our tx is mined, the resubmit's bump is refused with
	// "nonce too low", and only then does the receipt appear. The Manager must wait for it,
	// not give up or re-send under a new nonce.
	e := newEnv(t)
	b := &backend{Client: e.client}
	b.hideReceipts.Store(true)
	b.send = func(ctx context.Context, tx *types.Transaction) error {
		err := e.client.SendTransaction(ctx, tx)
		if err != nil && strings.Contains(err.Error(), "nonce too low") {
			time.AfterFunc(50*time.Millisecond, func() { b.hideReceipts.Store(false) })
		}
		return err
	}
	cfg := e.config()
	cfg.ResubmitInterval = 200 * time.Millisecond
	m := e.manager(t, b, cfg)
	e.autoMine(t, 20*time.Millisecond)

	rcpt, err := m.Send(context.Background(), transfer("lagging-receipts"))
	if err != nil {
		t.Fatal(err)
	}
	if n := e.txOf(t, rcpt.TxHash).Nonce(); n != 0 {
		t.Fatalf("confirmed tx has nonce %d, want the original 0", n)
	}
	if e.nonce(t) != 1 {
		t.Fatalf("account nonce %d, want 1: no re-send", e.nonce(t))
	}
}

func TestConcurrentSendsGetDistinctNonces(t *testing.T) {
	e := newEnv(t)
	m := e.manager(t, nil, e.config())
	e.autoMine(t, 20*time.Millisecond)
	const n = 8
	var wg sync.WaitGroup
	nonces := make(chan uint64, n)
	errs := make(chan error, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			rcpt, err := m.Send(context.Background(), transfer("concurrent/"+string(rune('a'+i))))
			if err != nil {
				errs <- err
				return
			}
			nonces <- e.txOf(t, rcpt.TxHash).Nonce()
		}(i)
	}
	wg.Wait()
	close(nonces)
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	seen := map[uint64]bool{}
	for nc := range nonces {
		if seen[nc] {
			t.Fatalf("nonce %d used twice", nc)
		}
		seen[nc] = true
	}
	if len(seen) != n || e.nonce(t) != n {
		t.Fatalf("%d distinct nonces, account nonce %d; want %d", len(seen), e.nonce(t), n)
	}
}

func TestSendWaitsForReconcile(t *testing.T) {
	e := newEnv(t)
	m, err := txmgr.New(context.Background(), e.client, e.journal, e.config())
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if _, err := m.Send(ctx, transfer("early")); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Send before Reconcile = %v, want it to wait (and hit the deadline)", err)
	}
	if e.pendingNonce(t) != 0 {
		t.Fatal("a tx was sent before Reconcile")
	}
}

func TestConfigRejectsSmallBumpsAndMissingCeiling(t *testing.T) {
	e := newEnv(t)
	for _, tc := range []struct {
		name   string
		change func(*txmgr.Config)
		want   string
	}{
		{"no ceiling", func(c *txmgr.Config) { c.MaxFeePerGas = nil }, "MaxFeePerGas is required"},
		{"5% bump", func(c *txmgr.Config) { c.FeeBumpPercent = 5 }, "want at least 10"},
		{"no signer", func(c *txmgr.Config) { c.Signer = nil }, "Signer is required"},
	} {
		cfg := e.config()
		tc.change(&cfg)
		if _, err := txmgr.New(context.Background(), e.client, e.journal, cfg); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want %q", tc.name, err, tc.want)
		}
	}
}
