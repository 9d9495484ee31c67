package fixedkey

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/sha512"
	"fmt"
	"math/big"
	"runtime"
	"testing"
)

type verifierKey interface {
	Verify(digest []byte, r, s *big.Int) bool
}

type curve struct {
	name   string
	c      elliptic.Curve
	hash   func([]byte) []byte
	newKey func([]byte) (verifierKey, error)
	bytes  int // P256TableBytes or P384TableBytes
}

var curves = []curve{
	{"P-256", elliptic.P256(), func(b []byte) []byte { h := sha256.Sum256(b); return h[:] },
		func(b []byte) (verifierKey, error) { return NewP256(b) }, P256TableBytes},
	{"P-384", elliptic.P384(), func(b []byte) []byte { h := sha512.Sum384(b); return h[:] },
		func(b []byte) (verifierKey, error) { return NewP384(b) }, P384TableBytes},
}

// testKey derives a key from seed, with its table.
func (c curve) testKey(t testing.TB, seed string) (*ecdsa.PrivateKey, verifierKey) {
	t.Helper()
	d := c.hash([]byte(seed))
	priv, err := ecdsa.ParseRawPrivateKey(c.c, d)
	if err != nil {
		t.Fatal(err)
	}
	pub, err := priv.PublicKey.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	k, err := c.newKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	return priv, k
}

func sign(t testing.TB, priv *ecdsa.PrivateKey, digest []byte) (r, s *big.Int) {
	t.Helper()
	r, s, err := ecdsa.Sign(rand.Reader, priv, digest)
	if err != nil {
		t.Fatal(err)
	}
	return r, s
}

func TestVerifyAgreesWithCryptoECDSA(t *testing.T) {
	for _, c := range curves {
		t.Run(c.name, func(t *testing.T) {
			priv, k := c.testKey(t, "a")
			other, _ := c.testKey(t, "b")
			n := c.c.Params().N
			digest := c.hash([]byte("quote"))
			r, s := sign(t, priv, digest)
			or, os := sign(t, other, digest)
			one := big.NewInt(1)
			// A digest of exactly n reduces to e = 0, so u1 = 0 and u1·G is the point at infinity.
			nDigest := n.FillBytes(make([]byte, len(digest)))
			nr, ns := sign(t, priv, nDigest)
			long := append(bytes.Clone(digest), 0xff, 0xee) // truncated to the order's size

			cases := []struct {
				name   string
				digest []byte
				r, s   *big.Int
				want   bool
			}{
				{"valid", digest, r, s, true},
				{"high s (crypto/ecdsa accepts it)", digest, r, new(big.Int).Sub(n, s), true},
				{"digest reducing to zero", nDigest, nr, ns, true},
				{"long digest truncated", long, r, s, true},
				{"short digest", digest[:20], r, s, false},
				{"other digest", c.hash([]byte("other")), r, s, false},
				{"other key's signature", digest, or, os, false},
				{"r = 0", digest, new(big.Int), s, false},
				{"s = 0", digest, r, new(big.Int), false},
				{"r < 0", digest, new(big.Int).Neg(r), s, false},
				{"s < 0", digest, r, new(big.Int).Neg(s), false},
				{"r = n", digest, n, s, false},
				{"s = n", digest, r, n, false},
				{"r + n", digest, new(big.Int).Add(r, n), s, false},
				{"r = n-1", digest, new(big.Int).Sub(n, one), s, false},
				{"r and s swapped", digest, s, r, false},
			}
			for _, tc := range cases {
				std := ecdsa.Verify(&priv.PublicKey, tc.digest, tc.r, tc.s)
				if std != tc.want {
					t.Fatalf("%s: crypto/ecdsa says %v, the case expects %v", tc.name, std, tc.want)
				}
				if got := k.Verify(tc.digest, tc.r, tc.s); got != std {
					t.Fatalf("%s: Verify = %v, crypto/ecdsa = %v", tc.name, got, std)
				}
			}
		})
	}
}

// Many keys and messages are accepted, so every table row and digit value is used, and
// every single-bit change of r, s or the digest is rejected.
func TestVerifyManyKeysAndFlips(t *testing.T) {
	for _, c := range curves {
		t.Run(c.name, func(t *testing.T) {
			for i := 0; i < 4; i++ {
				priv, k := c.testKey(t, fmt.Sprint("key", i))
				for m := 0; m < 16; m++ {
					digest := c.hash([]byte{byte(i), byte(m)})
					r, s := sign(t, priv, digest)
					if !k.Verify(digest, r, s) {
						t.Fatalf("key %d message %d: valid signature rejected", i, m)
					}
					if m > 0 {
						continue
					}
					size := len(digest)
					for bit := 0; bit < size*8; bit++ {
						flip := new(big.Int).Lsh(big.NewInt(1), uint(bit))
						if k.Verify(digest, new(big.Int).Xor(r, flip), s) || k.Verify(digest, r, new(big.Int).Xor(s, flip)) {
							t.Fatalf("key %d: bit %d of r or s flipped and still accepted", i, bit)
						}
						bad := bytes.Clone(digest)
						bad[bit/8] ^= 1 << (bit % 8)
						if k.Verify(bad, r, s) {
							t.Fatalf("key %d: digest bit %d flipped and still accepted", i, bit)
						}
					}
				}
			}
		})
	}
}

func TestRecode(t *testing.T) {
	max256 := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1))
	max384 := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 384), big.NewInt(1))
	for _, u := range []*big.Int{big.NewInt(0), big.NewInt(1), big.NewInt(16), big.NewInt(17), big.NewInt(31), big.NewInt(32),
		max256, max384, new(big.Int).SetBytes(bytes.Repeat([]byte{0x88}, 48)), new(big.Int).SetBytes(bytes.Repeat([]byte{0xf7}, 48))} {
		sum := new(big.Int)
		for i, d := range recode(u, 77) {
			if d < -half || d > half {
				t.Fatalf("%x: digit %d is %d, want [-16, 16]", u, i, d)
			}
			sum.Add(sum, new(big.Int).Lsh(big.NewInt(int64(d)), uint(i*width)))
		}
		if sum.Cmp(u) != 0 {
			t.Fatalf("%x recodes to %x", u, sum)
		}
	}
}

func TestNewKeyRejects(t *testing.T) {
	for _, c := range curves {
		priv, _ := c.testKey(t, "a")
		pub, _ := priv.PublicKey.Bytes()
		offCurve := bytes.Clone(pub)
		offCurve[len(pub)-1] ^= 1
		compressed := elliptic.MarshalCompressed(c.c, priv.X, priv.Y)
		for name, b := range map[string][]byte{
			"empty": nil, "infinity": {0}, "compressed": compressed,
			"off curve": offCurve, "truncated": pub[:len(pub)-1], "wrong prefix": append([]byte{6}, pub[1:]...),
		} {
			if _, err := c.newKey(b); err == nil {
				t.Errorf("%s %s: accepted", c.name, name)
			}
		}
	}
	p384, _ := curves[1].testKey(t, "a")
	pub, _ := p384.PublicKey.Bytes()
	if _, err := NewP256(pub); err == nil {
		t.Error("NewP256 accepted a P-384 key")
	}
}

// The declared table sizes are what a table takes on the heap, within 10%.
func TestTableBytes(t *testing.T) {
	for _, c := range curves {
		priv, _ := c.testKey(t, "size")
		pub, _ := priv.PublicKey.Bytes()
		var before, after runtime.MemStats
		keys := make([]verifierKey, 8)
		runtime.GC()
		runtime.ReadMemStats(&before)
		for i := range keys {
			keys[i], _ = c.newKey(pub)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		per := float64(after.HeapAlloc-before.HeapAlloc) / float64(len(keys))
		if per < 0.9*float64(c.bytes) || per > 1.1*float64(c.bytes) {
			t.Errorf("%s: a table takes %.0f bytes, declared %d", c.name, per, c.bytes)
		}
		runtime.KeepAlive(keys)
	}
}

func FuzzVerify(f *testing.F) {
	type key struct {
		priv *ecdsa.PrivateKey
		k    verifierKey
	}
	var keys []key
	for _, c := range curves {
		priv, k := c.testKey(f, "fuzz")
		keys = append(keys, key{priv, k})
		d := c.hash([]byte("fuzz"))
		r, s := sign(f, priv, d)
		f.Add(len(keys)-1 == 1, d, r.Bytes(), s.Bytes())
		f.Add(len(keys)-1 == 1, c.c.Params().N.Bytes(), r.Bytes(), s.Bytes())
	}
	f.Add(false, []byte{}, []byte{1}, []byte{1})
	f.Fuzz(func(t *testing.T, p384 bool, d, rb, sb []byte) {
		k := keys[0]
		if p384 {
			k = keys[1]
		}
		r, s := new(big.Int).SetBytes(rb), new(big.Int).SetBytes(sb)
		if got, std := k.k.Verify(d, r, s), ecdsa.Verify(&k.priv.PublicKey, d, r, s); got != std {
			t.Fatalf("digest %x r %x s %x: Verify = %v, crypto/ecdsa = %v", d, rb, sb, got, std)
		}
	})
}

func BenchmarkVerify(b *testing.B) {
	for _, c := range curves {
		priv, k := c.testKey(b, "bench")
		digest := c.hash([]byte("bench"))
		r, s := sign(b, priv, digest)
		b.Run(c.name+"/table", func(b *testing.B) {
			for b.Loop() {
				if !k.Verify(digest, r, s) {
					b.Fatal("rejected")
				}
			}
		})
		b.Run(c.name+"/crypto-ecdsa", func(b *testing.B) {
			for b.Loop() {
				if !ecdsa.Verify(&priv.PublicKey, digest, r, s) {
					b.Fatal("rejected")
				}
			}
		})
		b.Run(c.name+"/new-key", func(b *testing.B) {
			pub, _ := priv.PublicKey.Bytes()
			for b.Loop() {
				if _, err := c.newKey(pub); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func TestLazyBuildsOnSecondValidSignature(t *testing.T) {
	for _, c := range curves {
		t.Run(c.name, func(t *testing.T) {
			b := &Budget{Bytes: int64(c.bytes)} // room for one table
			priv, _ := c.testKey(t, "lazy")
			other, _ := c.testKey(t, "lazy2")
			d := c.hash([]byte("m"))
			r, s := sign(t, priv, d)
			var l, l2 Lazy
			if l.Verify(&priv.PublicKey, d, s, r, b) || l.Verify(&priv.PublicKey, d, s, r, b) {
				t.Fatal("invalid signature accepted")
			}
			if !l.Verify(&priv.PublicKey, d, r, s, b) || l.Built() {
				t.Fatal("first valid signature: want accepted, no table (invalid ones do not count)")
			}
			if !l.Verify(&priv.PublicKey, d, r, s, b) || !l.Built() {
				t.Fatal("second valid signature: want accepted and the table built")
			}
			if l.Verify(&priv.PublicKey, d, s, r, b) || !l.Verify(&priv.PublicKey, d, r, s, b) {
				t.Fatal("the table path decides differently")
			}
			or, os := sign(t, other, d)
			for i := 0; i < 3; i++ {
				if !l2.Verify(&other.PublicKey, d, or, os, b) {
					t.Fatal("valid signature rejected with the budget spent")
				}
			}
			if l2.Built() {
				t.Fatal("a second table was built beyond the budget")
			}
			b.Reset()
			var l3 Lazy
			l3.Verify(&other.PublicKey, d, or, os, b)
			if !l3.Verify(&other.PublicKey, d, or, os, b) || !l3.Built() {
				t.Fatal("after Reset the budget has room again")
			}
		})
	}
}
