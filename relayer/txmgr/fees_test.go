package txmgr

import (
	"errors"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/txpool"
)

func TestBumpRaisesBothFeesByAtLeastTenPercent(t *testing.T) {
	gwei := big.NewInt(1e9)
	maxFee := new(big.Int).Mul(gwei, big.NewInt(1000))
	cases := []struct {
		name                       string
		oldTip, oldCap, sug, base  int64
		wantTipAtLeast, wantCapMin int64
	}{
		{"quiet market: +10% each", 1e9, 3e9, 1e9, 1e9, 1_100_000_000, 3_300_000_000},
		{"tiny values still move", 1, 2, 1, 0, 2, 3},
		{"market rose: follow it", 1e9, 3e9, 5e9, 10e9, 5e9, 25e9},
	}
	for _, tc := range cases {
		tip, feeCap, ok := bumpFees(big.NewInt(tc.oldTip), big.NewInt(tc.oldCap), big.NewInt(tc.sug), big.NewInt(tc.base), maxFee, 10)
		if !ok {
			t.Fatalf("%s: bump refused under a high ceiling", tc.name)
		}
		if tip.Cmp(big.NewInt(tc.wantTipAtLeast)) < 0 || feeCap.Cmp(big.NewInt(tc.wantCapMin)) < 0 {
			t.Fatalf("%s: bumped to tip %s cap %s, want at least %d / %d", tc.name, tip, feeCap, tc.wantTipAtLeast, tc.wantCapMin)
		}
		// geth's replacement rule: new >= old * 110 / 100 on both fields.
		for _, f := range []struct{ nu, old int64 }{{tip.Int64(), tc.oldTip}, {feeCap.Int64(), tc.oldCap}} {
			if f.nu*100 < f.old*110 {
				t.Fatalf("%s: %d is less than 110%% of %d", tc.name, f.nu, f.old)
			}
		}
	}
}

func TestBumpStopsAtTheCeiling(t *testing.T) {
	maxFee := big.NewInt(3_200_000_000)
	tip, feeCap, ok := bumpFees(big.NewInt(1e9), big.NewInt(3e9), big.NewInt(1e9), big.NewInt(1e9), maxFee, 10)
	if ok {
		t.Fatalf("bump to tip %s cap %s reported valid although 110%% of the cap exceeds the ceiling", tip, feeCap)
	}
	if feeCap.Cmp(maxFee) > 0 || tip.Cmp(feeCap) > 0 {
		t.Fatalf("tip %s cap %s break the ceiling %s", tip, feeCap, maxFee)
	}
	tip, feeCap = initialFees(big.NewInt(5e9), nil, big.NewInt(10e9), maxFee)
	if feeCap.Cmp(maxFee) != 0 || tip.Cmp(maxFee) > 0 {
		t.Fatalf("initial fees tip %s cap %s, want capped at %s", tip, feeCap, maxFee)
	}
}

func TestInitialFeesAreTwiceBaseFeePlusTip(t *testing.T) {
	tip, feeCap := initialFees(big.NewInt(1), big.NewInt(2e9), big.NewInt(7e9), big.NewInt(1e18))
	if tip.Int64() != 2e9 || feeCap.Int64() != 16e9 {
		t.Fatalf("tip %s cap %s, want the 2 gwei floor and 2*7+2 gwei", tip, feeCap)
	}
}

func TestClassifyNodeErrors(t *testing.T) {
	cases := []struct {
		err  error
		want class
	}{
		{nil, classOK},
		{txpool.ErrAlreadyKnown, classAlreadyKnown},
		{errors.New("nonce too low: next nonce 1, tx nonce 0"), classNonceTooLow},
		{core.ErrNonceTooLow, classNonceTooLow},
		{txpool.ErrReplaceUnderpriced, classReplacementUnderpriced},
		{errors.New("insufficient funds for gas * price + value: balance 0, tx cost 84000000000000, overshot 84000000000000"), classInsufficientFunds},
		{errors.New("transaction underpriced: gas tip cap 1, minimum needed 1000000000"), classUnderpriced},
		{errors.New("max fee per gas less than block base fee"), classUnderpriced},
		{errors.New("execution reverted"), classReverted},
		{errors.New("intrinsic gas too low: gas 0, minimum needed 21000"), classRejected},
		{errors.New("dial tcp: connection refused"), classTransient},
		{errors.New("transaction indexing is in progress"), classTransient},
	}
	for _, tc := range cases {
		if got := classify(tc.err); got != tc.want {
			t.Errorf("classify(%v) = %d, want %d", tc.err, got, tc.want)
		}
	}
}
