package relayer

import (
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/teeoracle/teeoracle/relayer/store"
	"github.com/teeoracle/teeoracle/relayer/watch"
)

// Buckets of the relayer's store (relayer/store); txmgr and watch keep their own.
const (
	bucketJobs       = "jobs"       // job id -> Job
	bucketChallenges = "challenges" // nonce -> challenge
	bucketRequests   = "requests"   // subject ‖ nonce -> Request
	bucketSubjects   = "subjects"   // subject -> Subject
	bucketAgents     = "agents"     // subject -> agent base URL
	bucketArchive    = "archive"    // quote hash -> archived evidence
)

// Job states, in order.
const (
	JobVerified  = "verified"
	JobRejected  = "rejected"
	JobSubmitted = "submitted"
	JobConfirmed = "confirmed"
	JobFailed    = "failed"
)

// Job is the status resource of one attestation (SPEC §8 GET /v1/attestations/{id}).
type Job struct {
	ID              string         `json:"id"`
	State           string         `json:"state"`
	Reason          string         `json:"reason,omitempty"`
	Subject         common.Address `json:"subject"`
	TEE             string         `json:"tee,omitempty"`
	MeasurementHash common.Hash    `json:"measurementHash"`
	TCBStatus       uint8          `json:"tcbStatus"`
	QuoteHash       common.Hash    `json:"quoteHash"`
	Nonce           common.Hash    `json:"nonce"`
	IssuedAt        uint64         `json:"issuedAt,omitempty"`
	ExpiresAt       uint64         `json:"expiresAt,omitempty"`
	Tx              *common.Hash   `json:"tx,omitempty"`
	Block           uint64         `json:"block,omitempty"`
	TestRoots       bool           `json:"testRoots,omitempty"`
	Created         time.Time      `json:"created"`
	Updated         time.Time      `json:"updated"`
}

// Request is a pending on-chain re-attestation request.
type Request struct {
	Subject  common.Address `json:"subject"`
	Nonce    common.Hash    `json:"nonce"`
	Deadline uint64         `json:"deadline"`
	Block    uint64         `json:"block"` // where it was emitted: undone if that block is orphaned
	Missed   bool           `json:"missed,omitempty"`
}

func requestKey(subject common.Address, nonce common.Hash) []byte {
	return append(subject.Bytes(), nonce.Bytes()...)
}

// Subject is what the relayer knows of an attested subject, from Attested events.
type Subject struct {
	Subject         common.Address `json:"subject"`
	TEE             uint8          `json:"tee"`
	MeasurementHash common.Hash    `json:"measurementHash"`
	TCBStatus       uint8          `json:"tcbStatus"`
	IssuedAt        uint64         `json:"issuedAt"`
	ExpiresAt       uint64         `json:"expiresAt"`
	QuoteHash       common.Hash    `json:"quoteHash"`
	Revoked         bool           `json:"revoked"`
	Block           uint64         `json:"block"`
}

type challenge struct {
	Subject common.Address  `json:"subject"`
	Expires time.Time       `json:"expires"`
	Token   *ChallengeToken `json:"token,omitempty"`
}

// Archived is raw evidence kept for audit (SPEC §8 GET /v1/quotes/{quoteHash}).
type Archived struct {
	QuoteHash common.Hash     `json:"quoteHash"`
	Received  time.Time       `json:"received"`
	Evidence  json.RawMessage `json:"evidence"`
}

// state wraps the store with typed accessors.
type state struct {
	st                                                    *store.Store
	jobs, challenges, requests, subjects, agents, archive *store.Bucket
	challengeMu                                           sync.Mutex
}

func newState(st *store.Store) *state {
	return &state{st: st, jobs: st.Bucket(bucketJobs), challenges: st.Bucket(bucketChallenges),
		requests: st.Bucket(bucketRequests), subjects: st.Bucket(bucketSubjects),
		agents: st.Bucket(bucketAgents), archive: st.Bucket(bucketArchive)}
}

func getJSON[T any](b *store.Bucket, key []byte) (*T, error) {
	raw, err := b.Get(key)
	if err != nil {
		return nil, err
	}
	v := new(T)
	if err := json.Unmarshal(raw, v); err != nil {
		return nil, fmt.Errorf("corrupt record %x: %w", key, err)
	}
	return v, nil
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // only our own plain structs are encoded
	}
	return b
}

func (s *state) putJob(j *Job) error {
	j.Updated = time.Now().UTC()
	return s.jobs.Put([]byte(j.ID), mustJSON(j))
}

func (s *state) job(id string) (*Job, error) { return getJSON[Job](s.jobs, []byte(id)) }

// consumeChallenge deletes a live challenge for subject, so it is used at most once.
// consumeChallenge deletes a live challenge for subject, so it is used at most once, and
// returns its signed token for co-signing peers.
func (s *state) consumeChallenge(nonce common.Hash, subject common.Address, now time.Time) (*ChallengeToken, error) {
	s.challengeMu.Lock() // take is read-check-delete: one at a time, so a nonce is used once
	defer s.challengeMu.Unlock()
	c, err := getJSON[challenge](s.challenges, nonce.Bytes())
	if errors.Is(err, store.ErrNotFound) {
		return nil, errors.New("unknown or already used challenge nonce: get one from GET /v1/challenge")
	}
	if err != nil {
		return nil, err
	}
	if c.Subject != (common.Address{}) && c.Subject != subject {
		// Not used up: someone else's submission must not burn the subject's challenge.
		return nil, fmt.Errorf("challenge nonce was issued for subject %s, not %s", c.Subject.Hex(), subject.Hex())
	}
	if err := s.challenges.Delete(nonce.Bytes()); err != nil {
		return nil, err
	}
	if now.After(c.Expires) {
		return nil, fmt.Errorf("challenge nonce expired at %s: get a fresh one", c.Expires.Format(time.RFC3339))
	}
	return c.Token, nil
}

func (s *state) pendingRequests() ([]*Request, error) {
	var out []*Request
	err := s.requests.Iterate(nil, func(_, v []byte) error {
		r := new(Request)
		if err := json.Unmarshal(v, r); err != nil {
			return err
		}
		out = append(out, r)
		return nil
	})
	return out, err
}

func (s *state) subjectsAll() ([]*Subject, error) {
	var out []*Subject
	err := s.subjects.Iterate(nil, func(_, v []byte) error {
		x := new(Subject)
		if err := json.Unmarshal(v, x); err != nil {
			return err
		}
		out = append(out, x)
		return nil
	})
	return out, err
}

func (s *state) agentURL(subject common.Address) (string, error) {
	b, err := s.agents.Get(subject.Bytes())
	return string(b), err
}

// Resync forgets what the relayer derived from the chain, in one atomic batch: the watcher's
// checkpoint, the subjects and the pending requests. The next start replays the registry's
// events from the configured start block and builds them again. It is the way back after a
// finality violation (a reorg deeper than the confirmation depth), and it leaves jobs, the
// evidence archive, agents, challenges and the transaction journal alone.
func Resync(st *store.Store) (subjects, requests int, err error) {
	batch := st.NewBatch()
	watch.Reset(batch, st, "")
	for _, b := range []struct {
		name string
		n    *int
	}{{bucketSubjects, &subjects}, {bucketRequests, &requests}} {
		bucket := st.Bucket(b.name)
		if err := bucket.Iterate(nil, func(k, _ []byte) error {
			batch.Delete(bucket, append([]byte(nil), k...))
			*b.n++
			return nil
		}); err != nil {
			return 0, 0, fmt.Errorf("resync: read %s: %w", b.name, err)
		}
	}
	if err := batch.Commit(); err != nil {
		return 0, 0, fmt.Errorf("resync: %w", err)
	}
	return subjects, requests, nil
}
