package relayer

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/teeoracle/teeoracle/protocol"
	"github.com/teeoracle/teeoracle/verifier"
)

// Attester signs EIP-712 attestation digests with the relayer's signing key (relayer/signer).
type Attester interface {
	Address() common.Address
	SignDigest(digest common.Hash) ([]byte, error)
}

// RejectError is evidence or an attestation the relayer refuses, with the reason a client
// sees (HTTP 422). Reason is a verifier reason code or a relayer one.
type RejectError struct {
	Reason string
	Msg    string
}

func (e *RejectError) Error() string { return e.Reason + ": " + e.Msg }

func reject(reason, format string, args ...any) error {
	return &RejectError{Reason: reason, Msg: fmt.Sprintf(format, args...)}
}

// prepared is a verified, signed attestation ready to post.
type prepared struct {
	att    *protocol.Attestation
	sigs   [][]byte
	claims *verifier.Claims
}

// verifyEvidence verifies ev and checks it is bound to this relayer's chain and registry.
func (s *Service) verifyEvidence(ctx context.Context, ev *verifier.Evidence) (*verifier.Claims, error) {
	claims, err := s.verifier.Verify(ctx, ev)
	tee := ev.TEE.String()
	if err != nil {
		var ve *verifier.Error
		if errors.As(err, &ve) {
			s.metrics.verifications.WithLabelValues(tee, string(ve.Reason)).Inc()
			s.stats.rejected.Add(1)
			return nil, &RejectError{Reason: string(ve.Reason), Msg: ve.Error()}
		}
		s.metrics.verifications.WithLabelValues(tee, "error").Inc()
		return nil, err
	}
	if !claims.Bound {
		s.metrics.verifications.WithLabelValues(tee, "binding").Inc()
		return nil, reject("binding", "evidence must come in an envelope bound to chain %d and registry %s (SPEC §3, §6); a bare quote proves nothing about the subject",
			s.domain.ChainID, s.domain.Registry.Hex())
	}
	if claims.ChainID != s.domain.ChainID || claims.Registry != s.domain.Registry {
		s.metrics.verifications.WithLabelValues(tee, "binding").Inc()
		return nil, reject("binding", "evidence is bound to chain %d registry %s; this relayer serves chain %d registry %s",
			claims.ChainID, claims.Registry.Hex(), s.domain.ChainID, s.domain.Registry.Hex())
	}
	if claims.TestRoots {
		if !s.opts.AllowTestRoots {
			return nil, reject("root", "evidence verified only under test roots, which this relayer does not accept")
		}
		s.log.Warn("evidence verified under INSECURE test roots", "subject", claims.Subject, "quoteHash", claims.QuoteHash)
	}
	s.metrics.verifications.WithLabelValues(tee, "accepted").Inc()
	s.stats.verified.Add(1)
	return claims, nil
}

// attestation builds the attestation for verified claims: issued at the chain's current time
// (so the registry never sees it in the future) and expiring after the configured validity,
// capped by the registry's limit and by the earliest expiry of what the verdict rests on.
func (s *Service) attestation(ctx context.Context, c *verifier.Claims) (*protocol.Attestation, error) {
	head, err := s.eth.HeaderByNumber(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("read chain head: %w", err)
	}
	issued := head.Time
	expires := issued + uint64(s.cfg.Validity/time.Second)
	_, limits := s.Governance()
	if limit := issued + uint64(limits.MaxValidity); expires > limit {
		expires = limit
	}
	if !c.NotAfter.IsZero() && uint64(c.NotAfter.Unix()) < expires {
		expires = uint64(c.NotAfter.Unix())
	}
	if expires <= issued {
		return nil, reject("expired", "the evidence's certificates or collateral expire at %s, before it could be attested",
			c.NotAfter.UTC().Format(time.RFC3339))
	}
	return &protocol.Attestation{
		Subject: c.Subject, TEEType: protocol.TEEType(c.TEE), MeasurementHash: c.MeasurementHash,
		TCBStatus: protocol.TCBStatus(c.TCBStatus), IssuedAt: issued, ExpiresAt: expires,
		Nonce: c.Nonce, QuoteHash: c.QuoteHash, AppData: c.AppData,
	}, nil
}

// prepare verifies ev, builds and signs the attestation and, when the registry wants more
// than one signature, collects the rest from peers.
// token, when the nonce is a challenge of this relayer's, goes to co-signing peers as proof
// that the nonce is fresh; nil for on-chain request nonces, which peers check themselves.
func (s *Service) prepare(ctx context.Context, ev *verifier.Evidence, envelope []byte, token *ChallengeToken) (*prepared, error) {
	if err := s.relayerSetProblem(); err != nil {
		return nil, err // posting would only buy a revert
	}
	claims, err := s.verifyEvidence(ctx, ev)
	if err != nil {
		return nil, err
	}
	failpoint("after-verify")
	att, err := s.attestation(ctx, claims)
	if err != nil {
		return nil, err
	}
	sig, err := s.attester.SignDigest(s.domain.Digest(att))
	if err != nil {
		return nil, fmt.Errorf("sign attestation: %w", err)
	}
	sigs := [][]byte{sig}
	if threshold, _ := s.Governance(); threshold > 1 {
		need := int(threshold)
		if sigs, err = s.cosign(ctx, envelope, att, token, sigs, need); err != nil {
			return nil, err
		}
	}
	failpoint("after-sign")
	return &prepared{att: att, sigs: sigs, claims: claims}, nil
}

// CosignRequest is the body of POST /v1/cosign: the evidence and the attestation a peer
// proposes. The receiving relayer verifies the evidence itself and signs only an attestation
// that matches its own verdict.
type CosignRequest struct {
	Evidence    json.RawMessage `json:"evidence"`
	Attestation AttestationJSON `json:"attestation"`
	// Challenge proves the evidence's nonce is a fresh challenge issued by an authorized
	// relayer; omitted when the nonce is a pending on-chain request's.
	Challenge *ChallengeToken `json:"challenge,omitempty"`
}

// ChallengeToken is a relayer's signed statement that it issued nonce for subject (zero: any)
// and that it is good until Expires (unix seconds).
type ChallengeToken struct {
	Nonce     common.Hash    `json:"nonce"`
	Subject   common.Address `json:"subject"`
	Expires   uint64         `json:"expires"`
	Signature hexutil.Bytes  `json:"signature"`
}

// challengeDigest is what a relayer signs for a ChallengeToken: bound to the chain and registry
// so a token is good for one deployment only.
func challengeDigest(d protocol.Domain, t *ChallengeToken) common.Hash {
	var exp [8]byte
	binary.BigEndian.PutUint64(exp[:], t.Expires)
	var chain [8]byte
	binary.BigEndian.PutUint64(chain[:], d.ChainID)
	return crypto.Keccak256Hash([]byte("teeoracle.challenge.v1"), chain[:], d.Registry[:], t.Nonce[:], t.Subject[:], exp[:])
}

// maxChallengeTTL bounds how far in the future a peer's challenge may claim to expire.
const maxChallengeTTL = time.Hour

// checkFresh is a co-signer's freshness check: the nonce must be the subject's pending on-chain
// request nonce, or a challenge an authorized relayer issued, unexpired and not co-signed before.
func (s *Service) checkFresh(ctx context.Context, subject common.Address, nonce common.Hash, t *ChallengeToken) error {
	rec, err := s.reg.AttestationOf(ctx, subject)
	if err != nil {
		return err
	}
	if rec.PendingDeadline != 0 && common.Hash(rec.PendingNonce) == nonce {
		return nil
	}
	if t == nil {
		return reject("nonce", "nonce %s is neither the subject's pending request nor covered by a relayer challenge", nonce.Hex())
	}
	now := uint64(time.Now().Unix())
	switch {
	case t.Nonce != nonce:
		return reject("nonce", "the challenge is for nonce %s, the evidence for %s", t.Nonce.Hex(), nonce.Hex())
	case t.Subject != (common.Address{}) && t.Subject != subject:
		return reject("nonce", "the challenge was issued for subject %s, not %s", t.Subject.Hex(), subject.Hex())
	case t.Expires <= now:
		return reject("nonce", "the challenge expired at %d", t.Expires)
	case t.Expires > now+uint64(maxChallengeTTL/time.Second):
		return reject("nonce", "the challenge claims to live until %d, more than %s ahead", t.Expires, maxChallengeTTL)
	}
	issuer, err := protocol.Recover(challengeDigest(s.domain, t), t.Signature)
	if err != nil {
		return reject("nonce", "challenge signature: %v", err)
	}
	relayers, _, err := s.reg.RelayerSet(ctx)
	if err != nil {
		return err
	}
	authorized := false
	for _, r := range relayers {
		authorized = authorized || r == issuer
	}
	if !authorized {
		return reject("nonce", "the challenge was signed by %s, not an authorized relayer", issuer.Hex())
	}
	// Single use here too, so old evidence cannot be co-signed again.
	key := append([]byte("cosigned/"), t.Nonce.Bytes()...)
	if ok, _ := s.state.challenges.Has(key); ok {
		return reject("nonce", "nonce %s was already co-signed", t.Nonce.Hex())
	}
	return s.state.challenges.Put(key, mustJSON(challenge{Subject: subject, Expires: time.Unix(int64(t.Expires), 0)}))
}

// AttestationJSON is an attestation on the wire.
type AttestationJSON struct {
	Subject         common.Address `json:"subject"`
	TEEType         uint8          `json:"teeType"`
	MeasurementHash common.Hash    `json:"measurementHash"`
	TCBStatus       uint8          `json:"tcbStatus"`
	IssuedAt        uint64         `json:"issuedAt"`
	ExpiresAt       uint64         `json:"expiresAt"`
	Nonce           common.Hash    `json:"nonce"`
	QuoteHash       common.Hash    `json:"quoteHash"`
	AppData         common.Hash    `json:"appData"`
}

func toJSON(a *protocol.Attestation) AttestationJSON {
	return AttestationJSON{a.Subject, uint8(a.TEEType), a.MeasurementHash, uint8(a.TCBStatus), a.IssuedAt, a.ExpiresAt, a.Nonce, a.QuoteHash, a.AppData}
}

func fromJSON(j AttestationJSON) *protocol.Attestation {
	return &protocol.Attestation{Subject: j.Subject, TEEType: protocol.TEEType(j.TEEType), MeasurementHash: j.MeasurementHash,
		TCBStatus: protocol.TCBStatus(j.TCBStatus), IssuedAt: j.IssuedAt, ExpiresAt: j.ExpiresAt, Nonce: j.Nonce,
		QuoteHash: j.QuoteHash, AppData: j.AppData}
}

// Cosign is the peer side of quorum: verify the evidence independently, check that the
// proposed attestation says exactly what the evidence says and is within this relayer's own
// limits, then sign it.
func (s *Service) Cosign(ctx context.Context, req *CosignRequest) ([]byte, error) {
	ev, err := verifier.DecodeEvidence(req.Evidence)
	if err != nil {
		return nil, reject("malformed", "%v", err)
	}
	if ev.Binding == nil {
		return nil, reject("binding", "co-signing needs an evidence envelope bound to a nonce")
	}
	if err := s.relayerSetProblem(); err != nil {
		return nil, err
	}
	// Freshness first, on the envelope's claimed binding: it is cheap, and it keeps strangers
	// replaying archived evidence from making this relayer verify (and fetch collateral).
	// Verification then proves the report really is bound to that subject and nonce.
	if err := s.checkFresh(ctx, ev.Binding.Subject, common.Hash(ev.Binding.Nonce), req.Challenge); err != nil {
		return nil, err
	}
	claims, err := s.verifyEvidence(ctx, ev)
	if err != nil {
		return nil, err
	}
	a := fromJSON(req.Attestation)
	want := &protocol.Attestation{Subject: claims.Subject, TEEType: protocol.TEEType(claims.TEE), MeasurementHash: claims.MeasurementHash,
		TCBStatus: protocol.TCBStatus(claims.TCBStatus), Nonce: claims.Nonce, QuoteHash: claims.QuoteHash, AppData: claims.AppData,
		IssuedAt: a.IssuedAt, ExpiresAt: a.ExpiresAt}
	if *a != *want {
		return nil, reject("mismatch", "the proposed attestation does not match this relayer's verdict on the evidence")
	}
	head, err := s.eth.HeaderByNumber(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("read chain head: %w", err)
	}
	_, limits := s.Governance()
	if a.IssuedAt > head.Time+60 || head.Time-min(head.Time, a.IssuedAt) > uint64(limits.MaxAttestationAge) {
		return nil, reject("stale", "issuedAt %d is not within this relayer's window around chain time %d", a.IssuedAt, head.Time)
	}
	maxExpiry := a.IssuedAt + uint64(s.cfg.Validity/time.Second)
	if !claims.NotAfter.IsZero() && uint64(claims.NotAfter.Unix()) < maxExpiry {
		maxExpiry = uint64(claims.NotAfter.Unix())
	}
	if a.ExpiresAt > maxExpiry {
		return nil, reject("expiry", "expiresAt %d is beyond this relayer's limit %d", a.ExpiresAt, maxExpiry)
	}
	return s.attester.SignDigest(s.domain.Digest(a))
}

// cosign asks peers for signatures until `need` distinct relayers have signed. A peer that
// rejects the evidence is not retried; if too few agree, the attestation is not posted.
func (s *Service) cosign(ctx context.Context, envelope []byte, att *protocol.Attestation, token *ChallengeToken, sigs [][]byte, need int) ([][]byte, error) {
	body := mustJSON(CosignRequest{Evidence: envelope, Attestation: toJSON(att), Challenge: token})
	digest := s.domain.Digest(att)
	signers := map[common.Address]bool{s.attester.Address(): true}
	var reasons []string
	for _, peer := range s.cfg.Peers {
		if len(sigs) >= need {
			break
		}
		sig, err := s.askPeer(ctx, peer, body)
		if err != nil {
			reasons = append(reasons, fmt.Sprintf("%s: %v", peer, err))
			continue
		}
		who, err := protocol.Recover(digest, sig)
		if err != nil || signers[who] {
			reasons = append(reasons, fmt.Sprintf("%s: unusable signature (%v)", peer, err))
			continue
		}
		signers[who] = true
		sigs = append(sigs, sig)
	}
	if len(sigs) < need {
		return nil, reject("quorum", "%d of %d required relayer signatures: %v", len(sigs), need, reasons)
	}
	return sigs, nil
}

func (s *Service) askPeer(ctx context.Context, peer string, body []byte) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, s.cfg.AgentTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, peer+"/v1/cosign", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := s.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	if err != nil {
		return nil, err
	}
	var out struct {
		Signature hexutil.Bytes `json:"signature"`
		Error     string        `json:"error"`
	}
	if err := json.Unmarshal(raw, &out); err != nil {
		return nil, fmt.Errorf("peer answered %s with a non-JSON body", resp.Status)
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("peer refused (%s): %s", resp.Status, out.Error)
	}
	return out.Signature, nil
}
