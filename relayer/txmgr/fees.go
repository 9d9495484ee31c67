package txmgr

import "math/big"

// initialFees prices a new transaction: the suggested tip (at least minTip), and a fee cap of
// twice the base fee plus the tip, so the transaction stays includable through several
// full blocks of base-fee growth. Both are capped at maxFee.
func initialFees(suggestedTip, minTip, baseFee, maxFee *big.Int) (tip, feeCap *big.Int) {
	tip = new(big.Int).Set(suggestedTip)
	if minTip != nil && tip.Cmp(minTip) < 0 {
		tip.Set(minTip)
	}
	feeCap = new(big.Int).Mul(baseFee, big.NewInt(2))
	feeCap.Add(feeCap, tip)
	return clampFees(tip, feeCap, maxFee)
}

// bumpFees prices a replacement. Nodes accept a replacement only if both the tip and the fee
// cap rise by their price-bump percentage (10% in geth), so both rise by at least pct, and
// further if the market (suggested tip, base fee) asks for more. ok is false when the
// ceiling leaves no room for a valid replacement: the caller then rebroadcasts instead.
func bumpFees(oldTip, oldCap, suggestedTip, baseFee, maxFee *big.Int, pct uint64) (tip, feeCap *big.Int, ok bool) {
	minTip, minCap := raise(oldTip, pct), raise(oldCap, pct)
	tip = maxBig(minTip, suggestedTip)
	feeCap = new(big.Int).Mul(baseFee, big.NewInt(2))
	feeCap = maxBig(minCap, feeCap.Add(feeCap, tip))
	tip, feeCap = clampFees(tip, feeCap, maxFee)
	return tip, feeCap, tip.Cmp(minTip) >= 0 && feeCap.Cmp(minCap) >= 0
}

// raise returns v increased by pct percent, rounded up so a tiny value still grows
// (a 1 wei tip becomes 2, not 1).
func raise(v *big.Int, pct uint64) *big.Int {
	out := new(big.Int).Mul(v, new(big.Int).SetUint64(100+pct))
	out.Add(out, big.NewInt(99))
	return out.Div(out, big.NewInt(100))
}

func clampFees(tip, feeCap, maxFee *big.Int) (*big.Int, *big.Int) {
	if feeCap.Cmp(maxFee) > 0 {
		feeCap = new(big.Int).Set(maxFee)
	}
	if tip.Cmp(feeCap) > 0 {
		tip = new(big.Int).Set(feeCap)
	}
	return tip, feeCap
}

func maxBig(a, b *big.Int) *big.Int {
	if a.Cmp(b) >= 0 {
		return new(big.Int).Set(a)
	}
	return new(big.Int).Set(b)
}
