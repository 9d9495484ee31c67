package verify_test

import (
	"context"

	tdxtesting "github.com/google/go-tdx-guest/testing"
)

// libGetter serves go-tdx-guest's sample collateral and CRLs.
type libGetter struct{}

func (libGetter) GetContext(_ context.Context, u string) (map[string][]string, []byte, error) {
	return tdxtesting.TestGetter.Get(u)
}
