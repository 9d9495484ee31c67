// Package relayer is the daemon node operators run (`teeoracle run`): it verifies evidence
// submitted over its API, posts k-of-n signed attestations to the registry, follows the
// registry's events (re-attestation requests above all) reorg-safely, fetches fresh evidence
// from workloads' agents, and re-attests subjects before they expire.
//
// The pieces live in sub-packages (store, watch, txmgr, signer, registry, config, api); this
// package wires them into a Service with Start and Stop.
package relayer

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"net/http"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/robfig/cron/v3"

	"github.com/teeoracle/teeoracle/protocol"
	"github.com/teeoracle/teeoracle/relayer/config"
	"github.com/teeoracle/teeoracle/relayer/registry"
	"github.com/teeoracle/teeoracle/relayer/store"
	"github.com/teeoracle/teeoracle/relayer/txmgr"
	"github.com/teeoracle/teeoracle/relayer/watch"
	"github.com/teeoracle/teeoracle/verifier"
	"github.com/teeoracle/teeoracle/verifier/verify"
)

// Backend is what the relayer needs from a node: a JSON-RPC client (or, in tests and dev
// mode, the simulated backend's client).
type Backend interface {
	registry.Backend
	txmgr.Backend
	watch.Client
}

// Options are the relayer's collaborators; cmd/teeoracle builds them from the Config.
type Options struct {
	Config   config.Config
	Backend  Backend
	Store    *store.Store
	Attester Attester // signs attestations
	// Sender pays gas: its address and a signing function (local key or remote signer).
	SenderAddress common.Address
	SenderSign    bind.SignerFn
	Verifier      verify.Options
	// AllowTestRoots accepts evidence verified under test roots (SPEC §9: dev mode and tests
	// only); Verifier.TestRoots must be set too.
	AllowTestRoots bool
	Logger         *slog.Logger
	HTTPClient     *http.Client
	Now            func() time.Time
}

// Service is a running relayer.
type Service struct {
	opts     Options
	cfg      config.Config
	log      *slog.Logger
	eth      Backend
	st       *store.Store
	state    *state
	reg      *registry.Client
	verifier *verify.Verifier
	attester Attester
	txm      *txmgr.Manager
	watcher  *watch.Watcher
	metrics  *Metrics
	http     *http.Client
	cron     *cron.Cron
	// collateral is the store-backed cache under the verifier's getter (nil without a getter).
	collateral *collateralCache

	domain    protocol.Domain
	govMu     sync.RWMutex // guards the three below, which follow the registry's events
	threshold uint8
	limits    registry.Limits
	// relayerProblem is set while the relayer set excludes this relayer's key or needs more
	// signatures than it can gather.
	relayerProblem error
	// govRead is the head when New read the governance state: events up to it are already
	// in it (a watcher replaying history must not roll it back).
	govRead uint64

	queue       chan item
	requestPoke chan struct{}
	sendCtx     context.Context // outlives intake so confirmations finish on Stop
	stopSend    context.CancelFunc
	cancel      context.CancelFunc
	wg          sync.WaitGroup
	stopping    atomic.Bool
	rpcOK       atomic.Int64 // unix time of the last successful RPC round trip
	started     time.Time    // when Start ran: jobs last written before it belong to a dead run
	stats       struct{ verified, rejected, confirmed, served, missed, gas atomic.Uint64 }
}

// setRelayers records a relayer set change: the threshold, and whether this relayer can
// still take part (its key in the set, enough peers for the threshold).
func (s *Service) setRelayers(relayers []common.Address, threshold uint8, block uint64) {
	if block <= s.govRead {
		return
	}
	var problem error
	if !slices.Contains(relayers, s.attester.Address()) {
		problem = fmt.Errorf("signing key %s was removed from the registry's relayer set at block %d: nothing it signs is accepted; configure an authorized key or retire this relayer",
			s.attester.Address().Hex(), block)
	} else if int(threshold) > 1+len(s.cfg.Peers) {
		problem = fmt.Errorf("the registry needs %d relayer signatures since block %d but only %d peers are configured", threshold, block, len(s.cfg.Peers))
	}
	s.govMu.Lock()
	s.threshold, s.relayerProblem = threshold, problem
	s.govMu.Unlock()
	s.log.Info("relayer set updated", "relayers", relayers, "threshold", threshold, "block", block)
	if problem != nil {
		s.log.Error("relayer set changed: this relayer cannot attest any more", "err", problem)
	}
}

// relayerSetProblem is why the current relayer set leaves this relayer unable to attest.
func (s *Service) relayerSetProblem() error {
	s.govMu.RLock()
	defer s.govMu.RUnlock()
	return s.relayerProblem
}

// setLimits records a LimitsUpdated event newer than the state read at startup.
func (s *Service) setLimits(l registry.Limits, block uint64) {
	if block <= s.govRead {
		return
	}
	s.govMu.Lock()
	s.limits = l
	s.govMu.Unlock()
	s.log.Info("registry limits updated", "maxValidity", l.MaxValidity, "maxAttestationAge", l.MaxAttestationAge, "block", block)
}

// Governance returns the registry's threshold and limits as last seen: read at startup,
// then followed through RelayersUpdated and LimitsUpdated events.
func (s *Service) Governance() (uint8, registry.Limits) {
	s.govMu.RLock()
	defer s.govMu.RUnlock()
	return s.threshold, s.limits
}

// Stats returns running totals since start.
func (s *Service) Stats() Stats {
	return Stats{Verified: s.stats.verified.Load(), Rejected: s.stats.rejected.Load(), Confirmed: s.stats.confirmed.Load(),
		RequestsServed: s.stats.served.Load(), RequestsMissed: s.stats.missed.Load(), GasUsed: s.stats.gas.Load()}
}

// New checks the chain, the registry and the keys, and builds the service. It refuses to
// start on the wrong chain, without registry code, or with a signing key the registry does
// not authorize, saying which.
func New(ctx context.Context, opts Options) (*Service, error) {
	cfg := opts.Config
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.HTTPClient == nil {
		opts.HTTPClient = &http.Client{Timeout: cfg.AgentTimeout}
	}
	// Agents and peers are addressed directly; following redirects would let an agent URL
	// send the relayer anywhere.
	hc := *opts.HTTPClient
	hc.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	opts.HTTPClient = &hc
	s := &Service{opts: opts, cfg: cfg, log: opts.Logger, eth: opts.Backend, st: opts.Store, state: newState(opts.Store),
		attester: opts.Attester, metrics: newMetrics(), http: opts.HTTPClient,
		queue: make(chan item, 4*cfg.BatchMax), requestPoke: make(chan struct{}, 1)}

	id, err := s.eth.ChainID(ctx)
	if err != nil {
		return nil, fmt.Errorf("startup: node at %s does not answer eth_chainId: %w", cfg.RPCURL, err)
	}
	if id.Uint64() != cfg.ChainID {
		return nil, fmt.Errorf("startup: the node is on chain %d but chain_id is %d: wrong rpc_url or chain_id", id, cfg.ChainID)
	}
	regAddr := common.HexToAddress(cfg.Registry)
	s.reg = registry.New(s.eth, regAddr)
	if ok, err := s.reg.HasCode(ctx); err != nil {
		return nil, fmt.Errorf("startup: read registry code: %w", err)
	} else if !ok {
		return nil, fmt.Errorf("startup: no contract at registry %s on chain %d", regAddr.Hex(), cfg.ChainID)
	}
	s.domain = protocol.Domain{ChainID: cfg.ChainID, Registry: regAddr}
	head, err := s.eth.HeaderByNumber(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("startup: read the head: %w", err)
	}
	s.govRead = head.Number.Uint64()
	relayers, threshold, err := s.reg.RelayerSet(ctx)
	if err != nil {
		return nil, fmt.Errorf("startup: read relayer set (is %s an AttestationRegistry?): %w", regAddr.Hex(), err)
	}
	authorized := false
	for _, r := range relayers {
		authorized = authorized || r == s.attester.Address()
	}
	if !authorized {
		return nil, fmt.Errorf("startup: signing key %s is not an authorized relayer of %s (relayers: %v)",
			s.attester.Address().Hex(), regAddr.Hex(), relayers)
	}
	if int(threshold) > 1+len(cfg.Peers) {
		return nil, fmt.Errorf("startup: the registry needs %d relayer signatures but only %d peers are configured", threshold, len(cfg.Peers))
	}
	s.threshold = threshold
	if s.limits, err = s.reg.Limits(ctx); err != nil {
		return nil, fmt.Errorf("startup: read registry limits: %w", err)
	}
	bal, err := s.eth.BalanceAt(ctx, opts.SenderAddress, nil)
	if err != nil {
		return nil, fmt.Errorf("startup: read sender balance: %w", err)
	}
	s.metrics.balance.Set(weiFloat(bal))
	if bal.Cmp(cfg.MinBalance()) < 0 {
		return nil, fmt.Errorf("startup: sender %s holds %s wei, below min_balance_wei %s", opts.SenderAddress.Hex(), bal, cfg.MinBalanceWei)
	}

	vopts := opts.Verifier
	if vopts.Getter != nil {
		s.collateral = &collateralCache{inner: vopts.Getter, b: s.st.Bucket("collateral"), now: time.Now, log: s.log}
		vopts.Getter = s.collateral
	}
	if s.verifier, err = verify.New(vopts); err != nil {
		return nil, fmt.Errorf("startup: verifier: %w", err)
	}
	maxFee := new(big.Float).Mul(big.NewFloat(cfg.MaxFeeGwei), big.NewFloat(1e9))
	maxFeeWei, _ := maxFee.Int(nil)
	s.txm, err = txmgr.New(ctx, s.eth, s.st.Bucket("txmgr"), txmgr.Config{
		From: opts.SenderAddress, Signer: opts.SenderSign, ChainID: id, MaxFeePerGas: maxFeeWei,
		Confirmations: cfg.TxConfirmations, ResubmitInterval: cfg.ResubmitAfter, PollInterval: cfg.PollInterval / 2,
		Metrics: txMetrics{s.metrics}, Logger: s.log.With("part", "txmgr"),
	})
	if err != nil {
		return nil, fmt.Errorf("startup: transaction manager: %w", err)
	}
	// MaxBackoff: after an RPC outage the watcher must be back within a few polls, not after
	// watch's 30 s default, or requests filed during the outage wait that long.
	s.watcher, err = watch.New(watch.Config{Registry: regAddr, StartBlock: cfg.StartBlock, Confirmations: cfg.Confirmations,
		PollInterval: cfg.PollInterval, MaxBackoff: 4 * cfg.PollInterval}, s.eth, s.st, events{s}, s.log.With("part", "watch"))
	if err != nil {
		return nil, fmt.Errorf("startup: watcher: %w", err)
	}
	s.rpcOK.Store(time.Now().Unix())
	return s, nil
}

func weiFloat(b *big.Int) float64 { f, _ := new(big.Float).SetInt(b).Float64(); return f }

// Start reconciles in-flight transactions, then runs the watcher, the request worker, the
// poster and the schedules until Stop.
func (s *Service) Start(ctx context.Context) error {
	s.started = time.Now()
	ctx, s.cancel = context.WithCancel(ctx)
	s.sendCtx, s.stopSend = context.WithCancel(context.Background())
	outcomes, err := s.txm.Reconcile(ctx)
	if err != nil {
		return fmt.Errorf("reconcile in-flight transactions: %w", err)
	}
	for _, o := range outcomes {
		s.log.Info("reconciled in-flight transaction", "outcome", fmt.Sprintf("%+v", o))
	}
	s.wg.Add(3)
	go func() { defer s.wg.Done(); _ = s.watcher.Run(ctx) }()
	go func() { defer s.wg.Done(); s.poster(ctx) }()
	go func() { defer s.wg.Done(); s.health(ctx) }()
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		// Answer requests only once the watcher has caught up, so events of transactions
		// sent before a restart are seen before anything is sent again.
		for s.watcher.Status().Lag > 1 && ctx.Err() == nil {
			time.Sleep(50 * time.Millisecond)
		}
		s.requestWorker(ctx)
	}()
	s.cron = cron.New(cron.WithChain(cron.SkipIfStillRunning(cron.DiscardLogger)))
	for _, job := range []struct {
		spec string
		fn   func()
	}{
		{s.cfg.RefreshSchedule, func() { s.refreshDue(ctx) }},
		{s.cfg.PruneSchedule, s.pruneArchive},
		{s.cfg.CollateralSchedule, func() {
			if s.collateral != nil {
				s.collateral.refresh(ctx)
			}
		}},
	} {
		if job.spec == "" {
			continue
		}
		if _, err := s.cron.AddFunc(job.spec, job.fn); err != nil {
			return fmt.Errorf("schedule %q: %w", job.spec, err)
		}
	}
	s.cron.Start()
	s.log.Info("relayer started", "chain", s.domain.ChainID, "registry", s.domain.Registry, "signer", s.attester.Address(),
		"sender", s.opts.SenderAddress, "threshold", s.threshold)
	return nil
}

// Stop stops intake (readiness turns 503), lets in-flight transactions confirm until ctx
// ends, and closes the transaction manager. The store is the caller's to close.
func (s *Service) Stop(ctx context.Context) error {
	s.stopping.Store(true)
	if s.cancel != nil {
		s.cancel() // first, so a running scheduled job (a refresh sweep) stops promptly
	}
	if s.cron != nil {
		select {
		case <-s.cron.Stop().Done():
		case <-ctx.Done():
		}
	}
	done := make(chan struct{})
	go func() { s.wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-ctx.Done():
		if s.stopSend != nil {
			s.stopSend() // give up waiting for confirmations; txmgr's journal resumes them on restart
		}
		<-done
	}
	if s.stopSend != nil {
		s.stopSend()
	}
	s.txm.Close()
	return nil
}

// health refreshes the RPC liveness mark and the balance gauge.
func (s *Service) health(ctx context.Context) {
	t := time.NewTicker(s.cfg.PollInterval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		rctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		bal, err := s.eth.BalanceAt(rctx, s.opts.SenderAddress, nil)
		cancel()
		if err == nil {
			s.rpcOK.Store(time.Now().Unix())
			s.metrics.balance.Set(weiFloat(bal))
		}
		st := s.watcher.Status()
		s.metrics.lastBlock.Set(float64(st.Processed.Number))
		if st.FinalityViolation != nil {
			s.metrics.finalityViolation.Set(1)
		} else {
			s.metrics.finalityViolation.Set(0)
		}
	}
}

// Ready is nil when the relayer can serve: not stopping, RPC answered recently, the store is
// open, the watcher has completed a poll recently, is within max_lag_blocks of the head and
// has seen no finality violation.
func (s *Service) Ready() error {
	if s.stopping.Load() {
		return errors.New("shutting down")
	}
	stale := 3*s.cfg.PollInterval + 5*time.Second
	if age := time.Since(time.Unix(s.rpcOK.Load(), 0)); age > stale {
		return fmt.Errorf("RPC unreachable for %s", age.Round(time.Second))
	}
	if err := s.st.Healthy(); err != nil {
		return fmt.Errorf("store: %w", err)
	}
	if err := s.relayerSetProblem(); err != nil {
		return err
	}
	st := s.watcher.Status()
	if st.FinalityViolation != nil {
		return st.FinalityViolation
	}
	// The node may answer eth_blockNumber while the watcher's eth_getLogs or its store
	// writes fail: then requests go unseen although the RPC looks healthy.
	if st.LastError != nil {
		since := st.LastSuccess
		if since.IsZero() {
			since = s.started
		}
		if age := time.Since(since); age > stale {
			return fmt.Errorf("watcher has not completed a poll for %s: %v", age.Round(time.Second), st.LastError)
		}
	}
	if st.Lag > s.cfg.MaxLagBlocks {
		if st.LastError != nil {
			return fmt.Errorf("watcher is %d blocks behind the head (max %d); its last poll failed: %v", st.Lag, s.cfg.MaxLagBlocks, st.LastError)
		}
		return fmt.Errorf("watcher is %d blocks behind the head (max %d)", st.Lag, s.cfg.MaxLagBlocks)
	}
	return nil
}

// Metrics returns the Prometheus registry.
func (s *Service) Metrics() *Metrics { return s.metrics }

// Domain returns the chain and registry this relayer serves.
func (s *Service) Domain() protocol.Domain { return s.domain }

// Challenge issues a single-use nonce for subject (zero: any subject), valid for challenge_ttl,
// with a token signed by this relayer that lets co-signing peers check its freshness.
func (s *Service) Challenge(subject common.Address) (common.Hash, time.Time, error) {
	tok, err := s.newChallenge(subject)
	if err != nil {
		return common.Hash{}, time.Time{}, err
	}
	exp := time.Unix(int64(tok.Expires), 0).UTC()
	return tok.Nonce, exp, s.state.challenges.Put(tok.Nonce.Bytes(), mustJSON(challenge{Subject: subject, Expires: exp, Token: tok}))
}

// newChallenge makes a fresh nonce and this relayer's signed token for it.
func (s *Service) newChallenge(subject common.Address) (*ChallengeToken, error) {
	tok := &ChallengeToken{Subject: subject, Expires: uint64(time.Now().Add(s.cfg.ChallengeTTL).Unix())}
	if _, err := rand.Read(tok.Nonce[:]); err != nil {
		return nil, err
	}
	sig, err := s.attester.SignDigest(challengeDigest(s.domain, tok))
	if err != nil {
		return nil, err
	}
	tok.Signature = sig
	return tok, nil
}

// Submit takes evidence from a client (SPEC §8 POST /v1/attestations): it must be bound to a
// challenge this relayer issued or to a pending on-chain request. Verification happens now, so
// bad evidence is refused with its reason; posting happens in the background.
func (s *Service) Submit(ctx context.Context, raw []byte, agentURL string) (*Job, error) {
	if s.stopping.Load() {
		return nil, errors.New("relayer is shutting down")
	}
	if err := s.relayerSetProblem(); err != nil {
		return nil, err
	}
	ev, err := verifier.DecodeEvidence(raw)
	if err != nil {
		return nil, reject("malformed", "%v", err)
	}
	if ev.Binding == nil {
		return nil, reject("binding", "submit an evidence envelope (SPEC §6) bound to a challenge nonce, not a bare quote")
	}
	b := ev.Binding
	if b.ChainID != s.domain.ChainID || b.Registry != s.domain.Registry {
		return nil, reject("binding", "envelope is for chain %d registry %s; this relayer serves chain %d registry %s",
			b.ChainID, b.Registry.Hex(), s.domain.ChainID, s.domain.Registry.Hex())
	}
	nonce := common.Hash(b.Nonce)
	key := requestKey(b.Subject, nonce)
	var token *ChallengeToken
	jobID := ""
	if ok, _ := s.state.requests.Has(key); ok {
		// Evidence answering an on-chain request: only while the registry still waits for that
		// nonce (the answer's evidence is public once posted), and once: the request worker
		// and any submitter share one job.
		rec, err := s.reg.AttestationOf(ctx, b.Subject)
		if err != nil {
			return nil, err
		}
		if rec.PendingDeadline == 0 || common.Hash(rec.PendingNonce) != nonce {
			return nil, reject("nonce", "the request for nonce %s is no longer pending", nonce.Hex())
		}
		jobID = "req-" + b.Subject.Hex() + "-" + nonce.Hex()
		if j, err := s.state.job(jobID); err == nil && j.State != JobRejected && j.State != JobFailed {
			return j, nil
		}
	} else if token, err = s.state.consumeChallenge(nonce, b.Subject, time.Now()); err != nil {
		return nil, reject("nonce", "%v", err)
	}
	p, err := s.prepare(ctx, ev, raw, token)
	if err != nil {
		return nil, err
	}
	s.archive(p.claims.QuoteHash, raw)
	if agentURL != "" {
		if err := s.setAgentURL(ctx, b.Subject, agentURL); err != nil {
			return nil, err
		}
	}
	if jobID == "" {
		jobID = "sub-" + p.claims.QuoteHash.Hex()
	}
	job := &Job{ID: jobID, Created: time.Now().UTC()}
	if err := s.enqueue(ctx, job, p); err != nil {
		return nil, err
	}
	return job, nil
}

// setAgentURL records where subject's agent answers. Anyone can submit a subject's evidence,
// so a new URL is taken only once an agent there has produced fresh evidence for the subject,
// bound to a nonce of this relayer's, and claimed that URL with the subject key
// (protocol.AgentURLDigest): a stranger can neither point a subject's re-attestation
// requests at an address that does not answer for it, nor at a proxy of its own that
// forwards to the real agent until it chooses to stop.
func (s *Service) setAgentURL(ctx context.Context, subject common.Address, url string) error {
	url = strings.TrimRight(url, "/")
	if old, err := s.state.agentURL(subject); err == nil && old == url {
		return nil
	}
	var nonce common.Hash
	if _, err := rand.Read(nonce[:]); err != nil {
		return err
	}
	// The submitter chooses the URL, so what it answered is logged, never echoed back: the
	// relayer must not become a way to read other hosts' responses.
	_, ev, header, err := s.fetchEvidence(ctx, url, nonce)
	if err != nil {
		s.log.Warn("agentUrl check: no evidence", "subject", subject, "url", url, "err", err)
		return reject("agent", "agentUrl %s did not serve evidence for subject %s", url, subject.Hex())
	}
	claims, err := s.verifyEvidence(ctx, ev)
	if err != nil {
		s.log.Warn("agentUrl check: evidence does not verify", "subject", subject, "url", url, "err", err)
		return reject("agent", "agentUrl %s served evidence that does not verify", url)
	}
	if claims.Subject != subject || claims.Nonce != nonce {
		return reject("agent", "agentUrl %s answers for subject %s, not %s", url, claims.Subject.Hex(), subject.Hex())
	}
	claimed := header.Get(protocol.AgentURLHeader)
	if claimed == "" {
		return reject("agent", "the agent at %s does not claim a URL; start it with --public-url %s (agent.Options.PublicURL) so the subject key signs it", url, url)
	}
	if strings.TrimRight(claimed, "/") != url {
		return reject("agent", "the agent reached at %s claims to answer at %s: submit that URL, or start the agent with --public-url %s", url, claimed, url)
	}
	sig, err := hexutil.Decode(header.Get(protocol.AgentURLSignatureHeader))
	if err != nil {
		return reject("agent", "the agent at %s sent a malformed %s header, want 0x and 65 bytes", url, protocol.AgentURLSignatureHeader)
	}
	b := protocol.Binding{ChainID: s.domain.ChainID, Registry: s.domain.Registry, Subject: subject, Nonce: nonce}
	if signer, err := protocol.Recover(protocol.AgentURLDigest(b, claimed), sig); err != nil || signer != subject {
		return reject("agent", "the claim that subject %s answers at %s is not signed by the subject key", subject.Hex(), url)
	}
	return s.state.agents.Put(subject.Bytes(), []byte(url))
}

// Job returns a job's status.
func (s *Service) Job(id string) (*Job, error) { return s.state.job(id) }

// SubjectView is GET /v1/subjects/{address}: the registry's record and what this relayer knows.
type SubjectView struct {
	Subject    common.Address `json:"subject"`
	IsAttested bool           `json:"isAttested"`
	Record     RecordView     `json:"record"`
	Known      *Subject       `json:"known,omitempty"`
	AgentURL   string         `json:"agentUrl,omitempty"`
}

// RecordView is the registry's attestationOf record on the wire.
type RecordView struct {
	TEE             string      `json:"tee"`
	TCBStatus       uint8       `json:"tcbStatus"`
	MeasurementHash common.Hash `json:"measurementHash"`
	IssuedAt        uint64      `json:"issuedAt"`
	ExpiresAt       uint64      `json:"expiresAt"`
	Revoked         bool        `json:"revoked"`
	PendingNonce    common.Hash `json:"pendingNonce"`
	PendingDeadline uint64      `json:"pendingDeadline"`
}

// SubjectStatus reads a subject's on-chain record.
func (s *Service) SubjectStatus(ctx context.Context, subject common.Address) (*SubjectView, error) {
	ok, err := s.reg.IsAttested(ctx, subject)
	if err != nil {
		return nil, err
	}
	rec, err := s.reg.AttestationOf(ctx, subject)
	if err != nil {
		return nil, err
	}
	v := &SubjectView{Subject: subject, IsAttested: ok, Record: RecordView{TCBStatus: rec.TcbStatus,
		MeasurementHash: rec.MeasurementHash, IssuedAt: rec.IssuedAt, ExpiresAt: rec.ExpiresAt, Revoked: rec.Revoked,
		PendingNonce: rec.PendingNonce, PendingDeadline: rec.PendingDeadline}}
	if rec.TeeType != 0 {
		v.Record.TEE = protocol.TEEType(rec.TeeType).String()
	}
	if k, err := getJSON[Subject](s.state.subjects, subject.Bytes()); err == nil {
		v.Known = k
	}
	v.AgentURL, _ = s.state.agentURL(subject)
	return v, nil
}

// Quote returns archived evidence by quote hash.
func (s *Service) Quote(h common.Hash) (*Archived, error) {
	return getJSON[Archived](s.state.archive, h.Bytes())
}
