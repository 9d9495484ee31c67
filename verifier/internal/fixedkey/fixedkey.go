// Package fixedkey verifies ECDSA signatures (P-256, P-384) made by a key that signs many
// messages: a TDX attestation key, an SEV-SNP VCEK or VLEK.
//
// A Key holds a table of multiples of its public point Q, built once: a fixed-base comb
// over signed 5-bit windows, table[i][j-1] = j·32^i·Q for j in 1..16. Verifying then
// costs one base-point multiplication plus one point addition per window (52 for P-256,
// 77 for P-384) instead of a variable-base multiplication's doubling per bit: about half
// the cost of crypto/ecdsa for P-256 and a third for P-384.
//
// The point arithmetic is filippo.io/nistec, the exported copy of the standard library's
// crypto/internal/fips140/nistec; this package only composes it, with the acceptance
// rules of crypto/ecdsa, which the tests check differentially. Nothing here is secret, so
// nothing here is constant-time.
package fixedkey

import (
	"crypto/elliptic"
	"fmt"
	"math/big"

	"filippo.io/nistec"
)

const (
	width = 5                // bits per window
	half  = 1 << (width - 1) // digits are in [-half, half]
)

// Point is what Key needs of a nistec point type.
type Point[T any] interface {
	*T
	Set(*T) *T
	Add(*T, *T) *T
	Double(*T) *T
	Negate(*T) *T
	SetBytes([]byte) (*T, error)
	ScalarBaseMult([]byte) (*T, error)
	BytesX() ([]byte, error)
}

// Key is a public key with its table. It is read-only after it is built and safe for
// concurrent use.
type Key[T any, P Point[T]] struct {
	newPoint func() P
	n        *big.Int // group order
	size     int      // scalar and coordinate bytes
	table    [][half]P
}

// P256 is a P-256 key.
type P256 = Key[nistec.P256Point, *nistec.P256Point]

// P384 is a P-384 key.
type P384 = Key[nistec.P384Point, *nistec.P384Point]

// Table sizes on the heap, for callers that bound how many keys they keep: 52 and 77
// rows of 16 points, each point a pointer to 96 bytes (P-256, three 4-limb elements) or
// to 24 bytes holding three pointers to 48-byte elements (P-384). A test measures them.
const (
	P256TableBytes = 52 * half * (8 + 96)
	P384TableBytes = 77 * half * (8 + 24 + 3*48)
)

// NewP256 builds the table of the uncompressed point 0x04 || X || Y (about six
// verifications' worth of work).
func NewP256(uncompressed []byte) (*P256, error) {
	return newKey(elliptic.P256(), nistec.NewP256Point, uncompressed)
}

// NewP384 builds the table of the uncompressed point 0x04 || X || Y.
func NewP384(uncompressed []byte) (*P384, error) {
	return newKey(elliptic.P384(), nistec.NewP384Point, uncompressed)
}

func newKey[T any, P Point[T]](c elliptic.Curve, newPoint func() P, uncompressed []byte) (*Key[T, P], error) {
	params := c.Params()
	size := (params.BitSize + 7) / 8
	if len(uncompressed) != 1+2*size || uncompressed[0] != 4 {
		return nil, fmt.Errorf("%s public key is %d bytes, want %d starting with 0x04 (uncompressed)", params.Name, len(uncompressed), 1+2*size)
	}
	base := newPoint()
	if _, err := base.SetBytes(uncompressed); err != nil {
		return nil, fmt.Errorf("%s public key: %v", params.Name, err)
	}
	k := &Key[T, P]{newPoint: newPoint, n: params.N, size: size}
	// Enough windows for an n-bit scalar plus the carry out of its top window.
	k.table = make([][half]P, (params.N.BitLen()+width)/width)
	for i := range k.table {
		row := &k.table[i]
		row[0] = newPoint()
		row[0].Set(base)
		for j := 1; j < half; j++ {
			row[j] = newPoint()
			row[j].Add(row[j-1], base)
		}
		base = newPoint()
		base.Double(row[half-1]) // 32·base, the next row's base
	}
	return k, nil
}

// Verify reports whether (r, s) is a valid signature of digest by k, with the rules of
// crypto/ecdsa.Verify: r and s in [1, n-1], any s (no low-s rule), a digest longer than
// the group order truncated to its leftmost bits.
func (k *Key[T, P]) Verify(digest []byte, r, s *big.Int) bool {
	if r.Sign() <= 0 || s.Sign() <= 0 || r.Cmp(k.n) >= 0 || s.Cmp(k.n) >= 0 {
		return false
	}
	// Both orders are a whole number of bytes, so truncation needs no bit shift.
	if len(digest) > k.size {
		digest = digest[:k.size]
	}
	e := new(big.Int).SetBytes(digest)
	w := new(big.Int).ModInverse(s, k.n)
	u1 := e.Mul(e, w)
	u1.Mod(u1, k.n)
	u2 := w.Mul(r, w)
	u2.Mod(u2, k.n)

	p := k.newPoint()
	if _, err := p.ScalarBaseMult(u1.FillBytes(make([]byte, k.size))); err != nil {
		return false
	}
	neg := k.newPoint()
	for i, d := range recode(u2, len(k.table)) {
		switch {
		case d > 0:
			p.Add(p, k.table[i][d-1])
		case d < 0:
			p.Add(p, neg.Negate(k.table[i][-d-1]))
		}
	}
	x, err := p.BytesX() // fails only for the point at infinity
	if err != nil {
		return false
	}
	xn := new(big.Int).SetBytes(x)
	return xn.Mod(xn, k.n).Cmp(r) == 0
}

// recode writes u (0 <= u < 2^(5·windows-1)) as the sum of d[i]·32^i with every d[i]
// in [-16, 16]: window i plus the carry from window i-1, less 32 (carrying 1 into window
// i+1) when that exceeds 16.
func recode(u *big.Int, windows int) []int8 {
	d := make([]int8, windows)
	carry := 0
	for i := range d {
		c := carry
		for b := 0; b < width; b++ {
			c += int(u.Bit(i*width+b)) << b
		}
		carry = 0
		if c > half {
			c, carry = c-2*half, 1
		}
		d[i] = int8(c)
	}
	return d
}
