package verifiertesting_test

import (
	"fmt"
	"time"

	"github.com/google/go-sev-guest/abi"
	sevverify "github.com/google/go-sev-guest/verify"
	tdxverify "github.com/google/go-tdx-guest/verify"
	verifiertesting "github.com/teeoracle/teeoracle/verifier/testing"
)

func ExampleNewSNPAttester() {
	a, err := verifiertesting.NewSNPAttester(verifiertesting.SNPOptions{
		Measurement: [48]byte{0x01},
		HostData:    [32]byte{0x02},
	})
	if err != nil {
		panic(err)
	}
	var reportData [64]byte // SPEC §3 binding goes here
	report, certTable, err := a.Report(reportData)
	if err != nil {
		panic(err)
	}
	att, err := abi.ReportCertsToProto(append(report, certTable...))
	if err != nil {
		panic(err)
	}
	// SNPVerifyOptions is {TrustedRoots: SNPRoots(), Getter: SNPGetter(), Now: now,
	// CheckRevocations: true}.
	err = sevverify.SnpAttestation(att, verifiertesting.SNPVerifyOptions(time.Now()))
	fmt.Println(len(report), err)
	// Output: 1184 <nil>
}

func ExampleNewTDXAttester() {
	a, err := verifiertesting.NewTDXAttester(verifiertesting.TDXOptions{MRTD: [48]byte{0x03}})
	if err != nil {
		panic(err)
	}
	quote, err := a.Quote([64]byte{})
	if err != nil {
		panic(err)
	}
	// Collateral issued now, UpToDate, valid 30 days. VerifyOptions is {TrustedRoots:
	// TDXRoots(), GetCollateral: true, CheckRevocations: true, Getter: c.Getter(),
	// Now: TDXTimeSet(now)}.
	c, err := a.Collateral(verifiertesting.TDXCollateralOptions{})
	if err != nil {
		panic(err)
	}
	fmt.Println(tdxverify.RawTdxQuote(quote, c.VerifyOptions(time.Now())))
	// Output: <nil>
}
