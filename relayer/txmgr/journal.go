package txmgr

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/teeoracle/teeoracle/relayer/store"
)

// Journal is where the Manager records every in-flight transaction before it is broadcast,
// so a restart can find out what happened to it. *store.Bucket satisfies it; Get must
// return an error matching store.ErrNotFound for a missing key.
type Journal interface {
	Get(key []byte) ([]byte, error)
	Put(key, value []byte) error
	Delete(key []byte) error
	Iterate(prefix []byte, fn func(key, value []byte) error) error
}

const journalVersion = 1

const (
	statePending   = "pending"   // broadcast (or about to be); outcome unknown
	stateConfirmed = "confirmed" // executed successfully at the configured depth
)

// record is one candidate's journal entry, keyed by its ID. It holds everything needed to
// rebroadcast or replace the transaction without the caller: the call itself, the nonce and
// every signed attempt.
type record struct {
	Version  int            `json:"v"`
	ID       string         `json:"id"`
	State    string         `json:"state"`
	Nonce    uint64         `json:"nonce"`
	To       common.Address `json:"to"`
	Data     hexutil.Bytes  `json:"data"`
	Value    *hexutil.Big   `json:"value"`
	Gas      uint64         `json:"gas"`
	Created  time.Time      `json:"created"`
	Attempts []attempt      `json:"attempts"`
	// Mined is the hash of the attempt that was confirmed (State confirmed).
	Mined common.Hash `json:"mined,omitempty"`
}

// attempt is one signed transaction for the record's nonce; each fee bump adds one.
type attempt struct {
	Hash   common.Hash   `json:"hash"`
	TipCap *hexutil.Big  `json:"tipCap"`
	FeeCap *hexutil.Big  `json:"feeCap"`
	Raw    hexutil.Bytes `json:"raw,omitempty"` // dropped once confirmed
}

func (r *record) candidate() Candidate {
	return Candidate{ID: r.ID, To: r.To, Data: r.Data, GasLimit: r.Gas, Value: r.Value.ToInt()}
}

func (r *record) latest() *attempt { return &r.Attempts[len(r.Attempts)-1] }

func (r *record) latestTx() (*types.Transaction, error) {
	tx := new(types.Transaction)
	if err := tx.UnmarshalBinary(r.latest().Raw); err != nil {
		return nil, fmt.Errorf("journal entry %q holds an undecodable transaction: %w", r.ID, err)
	}
	return tx, nil
}

func (r *record) addAttempt(tx *types.Transaction) error {
	raw, err := tx.MarshalBinary()
	if err != nil {
		return fmt.Errorf("encode signed tx: %w", err)
	}
	r.Attempts = append(r.Attempts, attempt{
		Hash: tx.Hash(), TipCap: (*hexutil.Big)(tx.GasTipCap()), FeeCap: (*hexutil.Big)(tx.GasFeeCap()), Raw: raw,
	})
	return nil
}

func (r *record) value() *big.Int { return r.Value.ToInt() }

func putRecord(j Journal, r *record) error {
	r.Version = journalVersion
	b, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("encode journal entry %q: %w", r.ID, err)
	}
	if err := j.Put([]byte(r.ID), b); err != nil {
		return fmt.Errorf("write journal entry %q: %w", r.ID, err)
	}
	return nil
}

func decodeRecord(key, b []byte) (*record, error) {
	r := new(record)
	if err := json.Unmarshal(b, r); err != nil {
		return nil, fmt.Errorf("decode journal entry %q: %w", key, err)
	}
	if r.Version != journalVersion {
		return nil, fmt.Errorf("journal entry %q has version %d, want %d", key, r.Version, journalVersion)
	}
	if r.State == statePending && len(r.Attempts) == 0 {
		return nil, fmt.Errorf("journal entry %q is pending with no attempts", key)
	}
	if r.Value == nil {
		r.Value = new(hexutil.Big)
	}
	return r, nil
}

// getRecord returns nil, nil when id is not journaled.
func getRecord(j Journal, id string) (*record, error) {
	b, err := j.Get([]byte(id))
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read journal entry %q: %w", id, err)
	}
	return decodeRecord([]byte(id), b)
}

func deleteRecord(j Journal, id string) error {
	if err := j.Delete([]byte(id)); err != nil {
		return fmt.Errorf("delete journal entry %q: %w", id, err)
	}
	return nil
}

// Prune drops the journal's records of candidates confirmed before cutoff. They are kept
// after confirmation so that sending the same ID again returns the receipt instead of a
// second transaction; pruning ends that guarantee for them.
func (m *Manager) Prune(cutoff time.Time) (int, error) {
	var old []string
	err := m.journal.Iterate(nil, func(k, v []byte) error {
		rec, err := decodeRecord(k, v)
		if err != nil {
			return err
		}
		if rec.State == stateConfirmed && rec.Created.Before(cutoff) {
			old = append(old, rec.ID)
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("txmgr: read journal: %w", err)
	}
	for i, id := range old {
		if err := deleteRecord(m.journal, id); err != nil {
			return i, err
		}
	}
	return len(old), nil
}
