// Package store is the relayer's durable state in goleveldb: the watcher checkpoint, challenge
// nonces, pending re-attestation requests, in-flight transactions, agent URLs, the evidence
// archive and cached collateral. Each part of the relayer owns a named bucket (a key prefix)
// and encodes its own values; writes that must land together go in one Batch.
//
// The key layout is versioned. A store written by another schema version refuses to open, so
// an upgrade or downgrade never misreads state.
package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"sync"

	"github.com/syndtr/goleveldb/leveldb"
	"github.com/syndtr/goleveldb/leveldb/opt"
	"github.com/syndtr/goleveldb/leveldb/storage"
	"github.com/syndtr/goleveldb/leveldb/util"
)

// SchemaVersion is the key layout this code reads and writes.
const SchemaVersion uint32 = 1

// ErrNotFound is returned by Get for a missing key.
var ErrNotFound = errors.New("store: not found")

// ErrClosed is returned after Close.
var ErrClosed = errors.New("store: closed")

var schemaKey = []byte("\x00schema")

// Store is an open database. It is safe for concurrent use.
type Store struct {
	mu     sync.RWMutex
	db     *leveldb.DB
	closed bool
}

// Open opens (creating if needed) the store in dir. It fails if dir holds another schema.
func Open(dir string) (*Store, error) {
	db, err := leveldb.OpenFile(dir, &opt.Options{})
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", dir, err)
	}
	return initialize(db, dir)
}

// OpenMemory opens a store that lives in memory only (tests, dev mode).
func OpenMemory() (*Store, error) {
	db, err := leveldb.Open(storage.NewMemStorage(), nil)
	if err != nil {
		return nil, err
	}
	return initialize(db, "memory")
}

func initialize(db *leveldb.DB, where string) (*Store, error) {
	v, err := db.Get(schemaKey, nil)
	switch {
	case errors.Is(err, leveldb.ErrNotFound):
		var b [4]byte
		binary.BigEndian.PutUint32(b[:], SchemaVersion)
		if err := db.Put(schemaKey, b[:], &opt.WriteOptions{Sync: true}); err != nil {
			db.Close()
			return nil, fmt.Errorf("initialize store %s: %w", where, err)
		}
	case err != nil:
		db.Close()
		return nil, fmt.Errorf("read store schema in %s: %w", where, err)
	case len(v) != 4:
		db.Close()
		return nil, fmt.Errorf("store %s has a corrupt schema marker (%d bytes, want 4)", where, len(v))
	default:
		if got := binary.BigEndian.Uint32(v); got != SchemaVersion {
			db.Close()
			return nil, fmt.Errorf("store %s has schema version %d, this relayer reads version %d: "+
				"use the relayer release that wrote it, or migrate it", where, got, SchemaVersion)
		}
	}
	return &Store{db: db}, nil
}

// Close flushes and closes the store.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	return s.db.Close()
}

// Healthy reports whether the store is open and readable.
func (s *Store) Healthy() error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return ErrClosed
	}
	_, err := s.db.Get(schemaKey, nil)
	return err
}

// Bucket returns the bucket with the given name. Names must not be a prefix of one another
// in a way that overlaps; each is stored as "b/<name>/".
func (s *Store) Bucket(name string) *Bucket {
	return &Bucket{s: s, prefix: []byte("b/" + name + "/")}
}

// Bucket is a namespace of keys.
type Bucket struct {
	s      *Store
	prefix []byte
}

func (b *Bucket) key(k []byte) []byte {
	out := make([]byte, 0, len(b.prefix)+len(k))
	return append(append(out, b.prefix...), k...)
}

// Get returns the value for key, or ErrNotFound.
func (b *Bucket) Get(key []byte) ([]byte, error) {
	b.s.mu.RLock()
	defer b.s.mu.RUnlock()
	if b.s.closed {
		return nil, ErrClosed
	}
	v, err := b.s.db.Get(b.key(key), nil)
	if errors.Is(err, leveldb.ErrNotFound) {
		return nil, ErrNotFound
	}
	return v, err
}

// Has reports whether key exists.
func (b *Bucket) Has(key []byte) (bool, error) {
	_, err := b.Get(key)
	if errors.Is(err, ErrNotFound) {
		return false, nil
	}
	return err == nil, err
}

// Put writes key durably (fsync) before returning.
func (b *Bucket) Put(key, value []byte) error {
	batch := b.s.NewBatch()
	batch.Put(b, key, value)
	return batch.Commit()
}

// Delete removes key durably; deleting a missing key is not an error.
func (b *Bucket) Delete(key []byte) error {
	batch := b.s.NewBatch()
	batch.Delete(b, key)
	return batch.Commit()
}

// Iterate calls fn for every key with the given prefix, in key order. The slices are only
// valid during the call. Returning an error from fn stops the iteration with that error.
func (b *Bucket) Iterate(prefix []byte, fn func(key, value []byte) error) error {
	b.s.mu.RLock()
	defer b.s.mu.RUnlock()
	if b.s.closed {
		return ErrClosed
	}
	it := b.s.db.NewIterator(util.BytesPrefix(b.key(prefix)), nil)
	defer it.Release()
	for it.Next() {
		if err := fn(bytes.TrimPrefix(it.Key(), b.prefix), it.Value()); err != nil {
			return err
		}
	}
	return it.Error()
}

// Count returns the number of keys with the given prefix.
func (b *Bucket) Count(prefix []byte) (int, error) {
	n := 0
	err := b.Iterate(prefix, func(_, _ []byte) error { n++; return nil })
	return n, err
}

// Batch is a set of writes across buckets that land atomically.
type Batch struct {
	s *Store
	b leveldb.Batch
}

// NewBatch starts an atomic write.
func (s *Store) NewBatch() *Batch { return &Batch{s: s} }

// Put adds a write of key in bucket.
func (w *Batch) Put(b *Bucket, key, value []byte) { w.b.Put(b.key(key), value) }

// Delete adds a deletion of key in bucket.
func (w *Batch) Delete(b *Bucket, key []byte) { w.b.Delete(b.key(key)) }

// Len is the number of writes in the batch.
func (w *Batch) Len() int { return w.b.Len() }

// Commit writes the batch durably (fsync) and atomically.
func (w *Batch) Commit() error {
	w.s.mu.RLock()
	defer w.s.mu.RUnlock()
	if w.s.closed {
		return ErrClosed
	}
	return w.s.db.Write(&w.b, &opt.WriteOptions{Sync: true})
}
