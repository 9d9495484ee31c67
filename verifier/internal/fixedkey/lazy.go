package fixedkey

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"math/big"
	"sync/atomic"
)

// Budget bounds the memory of the tables built through Lazy slots that share it.
type Budget struct {
	Bytes int64
	used  atomic.Int64
}

// Reset forgets every table charged so far; call it when the cache holding the slots
// drops them.
func (b *Budget) Reset() { b.used.Store(0) }

func (b *Budget) take(n int64) bool {
	for {
		used := b.used.Load()
		if used+n > b.Bytes {
			return false
		}
		if b.used.CompareAndSwap(used, used+n) {
			return true
		}
	}
}

// Lazy is the table slot of one cached public key. A key seen once is checked with
// crypto/ecdsa; its second valid signature builds the table (worth about six checks of
// work), if the budget allows, and every later check uses it.
type Lazy struct {
	valid atomic.Int32
	key   atomic.Pointer[table]
}

type table struct {
	k interface {
		Verify(digest []byte, r, s *big.Int) bool
	}
}

// Verify reports whether (r, s) is a valid signature of digest by pub, which must be the
// same key on every call for the same slot.
func (l *Lazy) Verify(pub *ecdsa.PublicKey, digest []byte, r, s *big.Int, b *Budget) bool {
	if t := l.key.Load(); t != nil {
		return t.k.Verify(digest, r, s)
	}
	if !ecdsa.Verify(pub, digest, r, s) {
		return false
	}
	// Counting stops at 2, so the hot path of a key left without a table (budget spent)
	// only reads the counter.
	if l.valid.Load() < 2 && l.valid.Add(1) == 2 {
		// A key that fails to build (it cannot: it verified a signature) keeps its charge
		// until the next Reset rather than race one with a refund.
		if size := tableBytes(pub.Curve); size > 0 && b.take(size) {
			if t, err := build(pub); err == nil {
				l.key.Store(t)
			}
		}
	}
	return true
}

// Built reports whether the slot has its table.
func (l *Lazy) Built() bool { return l.key.Load() != nil }

func tableBytes(c elliptic.Curve) int64 {
	switch c {
	case elliptic.P256():
		return P256TableBytes
	case elliptic.P384():
		return P384TableBytes
	}
	return 0
}

func build(pub *ecdsa.PublicKey) (*table, error) {
	raw, err := pub.Bytes()
	if err != nil {
		return nil, err
	}
	if pub.Curve == elliptic.P256() {
		k, err := NewP256(raw)
		return &table{k}, err
	}
	k, err := NewP384(raw)
	return &table{k}, err
}
