package verifybench

import (
	"context"
	"testing"
)

func bench(b *testing.B, pick func(*Cases) Case) {
	c, err := NewCases(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	f := pick(c)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := f(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkVerifySNP(b *testing.B)      { bench(b, func(c *Cases) Case { return c.SNPOurs }) }
func BenchmarkVerifySNPRaw(b *testing.B)   { bench(b, func(c *Cases) Case { return c.SNPRaw }) }
func BenchmarkVerifySNPFloor(b *testing.B) { bench(b, func(c *Cases) Case { return c.SNPFloor }) }
func BenchmarkVerifyTDX(b *testing.B)      { bench(b, func(c *Cases) Case { return c.TDXOurs }) }
func BenchmarkVerifyTDXRaw(b *testing.B)   { bench(b, func(c *Cases) Case { return c.TDXRaw }) }
func BenchmarkVerifyTDXFloor(b *testing.B) { bench(b, func(c *Cases) Case { return c.TDXFloor }) }

func TestRunSmoke(t *testing.T) {
	r, err := Run(context.Background(), Config{PerMeasurement: 20_000_000, Rounds: 1})
	if err != nil {
		t.Fatal(err)
	}
	if r.SNPNsPerOp <= 0 || r.TDXNsPerOp <= 0 || r.SNPSpeedup <= 0 || r.TDXSpeedup <= 0 {
		t.Fatalf("%+v", r)
	}
	t.Logf("%+v", r)
}
