package store

import (
	"encoding/binary"
	"errors"
	"strings"
	"testing"

	"github.com/syndtr/goleveldb/leveldb"
)

func TestBucketsAreIsolatedAndDurable(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	a, b := s.Bucket("a"), s.Bucket("ab")
	if err := a.Put([]byte("k"), []byte("1")); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Get([]byte("k")); !errors.Is(err, ErrNotFound) {
		t.Fatalf("bucket ab sees bucket a's key: %v", err)
	}
	w := s.NewBatch()
	w.Put(a, []byte("x1"), []byte("2"))
	w.Put(b, []byte("x2"), []byte("3"))
	w.Delete(a, []byte("k"))
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Get([]byte("x1")); !errors.Is(err, ErrClosed) {
		t.Fatalf("Get after Close = %v, want ErrClosed", err)
	}

	s, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a, b = s.Bucket("a"), s.Bucket("ab")
	var keys []string
	if err := a.Iterate(nil, func(k, v []byte) error { keys = append(keys, string(k)+"="+string(v)); return nil }); err != nil {
		t.Fatal(err)
	}
	if strings.Join(keys, ",") != "x1=2" {
		t.Fatalf("bucket a after reopen = %v, want [x1=2]", keys)
	}
	if v, err := b.Get([]byte("x2")); err != nil || string(v) != "3" {
		t.Fatalf("bucket ab x2 = %q, %v", v, err)
	}
	if n, _ := b.Count(nil); n != 1 {
		t.Fatalf("bucket ab has %d keys, want 1", n)
	}
}

func TestOtherSchemaVersionRefusesToOpen(t *testing.T) {
	dir := t.TempDir()
	db, err := leveldb.OpenFile(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	var v [4]byte
	binary.BigEndian.PutUint32(v[:], SchemaVersion+1)
	if err := db.Put(schemaKey, v[:], nil); err != nil {
		t.Fatal(err)
	}
	db.Close()
	_, err = Open(dir)
	if err == nil || !strings.Contains(err.Error(), "schema version 2") {
		t.Fatalf("Open of a newer schema = %v, want a schema version error", err)
	}
}
