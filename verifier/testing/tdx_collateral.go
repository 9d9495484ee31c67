package verifiertesting

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"math/big"
	"strings"
	"time"

	"github.com/google/go-tdx-guest/pcs"
	tdxverify "github.com/google/go-tdx-guest/verify"
	tdxtrust "github.com/google/go-tdx-guest/verify/trust"
)

// TDXCollateralOptions chooses what the simulated Intel PCS says about a platform. Every
// field has a usable zero value: an UpToDate platform, collateral issued now and valid for
// 30 days, nothing revoked.
type TDXCollateralOptions struct {
	// Status is the TCB status the TCB info assigns to the attester's TCB (its SGX TCB
	// components and PCESVN, its TEE_TCB_SVN and, when TEE_TCB_SVN[1] > 0, its TDX module's
	// SVN); empty means UpToDate. Any pcs.TcbComponentStatus value is allowed, Revoked too.
	// go-tdx-guest's verify.TdxQuote accepts only UpToDate; the others are for verifiers that
	// grade the status themselves (e.g. through verify.SupportedTcbLevelsFromCollateral).
	Status pcs.TcbComponentStatus
	// QEStatus is the status the QE identity assigns to the quoting enclave's ISVSVN; empty
	// means UpToDate.
	QEStatus pcs.TcbComponentStatus
	// IssueDate and NextUpdate bound TCB info, QE identity and both CRLs. Zero IssueDate
	// means now (to the second); zero NextUpdate means IssueDate + 30 days, Intel's cadence.
	IssueDate, NextUpdate time.Time
	// RevokePCK lists the attester's PCK certificate in the PCK CRL.
	RevokePCK bool
	// RevokedPCKSerials are further serials for the PCK CRL.
	RevokedPCKSerials []*big.Int
	// TCBEvaluationDataNumber is Intel's collateral generation counter (zero means 17).
	TCBEvaluationDataNumber int
}

// TDXCollateral is everything Intel PCS would serve for one TDX platform, signed under the
// TEST ONLY Intel PKI: response bodies as the PCS sends them plus their issuer chains.
type TDXCollateral struct {
	// FMSPC is the platform's FMSPC in lowercase hex, as in the TCB info URL.
	FMSPC string
	// TCBInfo and QEIdentity are the JSON bodies of the TCB info and QE identity responses,
	// {"tcbInfo": {...}, "signature": "..."}; the signature covers the inner object's bytes.
	TCBInfo, QEIdentity []byte
	// PCKCRL (issued by the PCK Platform CA) and RootCACRL (issued by the root) are DER.
	PCKCRL, RootCACRL []byte
	// The issuer chains as PEM, signer first then root, as the PCS headers carry them
	// (URL-escaped) in TCB-Info-Issuer-Chain, SGX-Enclave-Identity-Issuer-Chain and
	// SGX-PCK-CRL-Issuer-Chain.
	TCBInfoIssuerChain, QEIdentityIssuerChain, PCKCRLIssuerChain []byte
}

// Collateral returns TCB info, QE identity and CRLs for the attester's platform, signed by
// the test "Intel SGX TCB Signing" certificate and test CAs, saying what opts chooses.
//
// Collateral describes a platform, not a TD: attesters that share FMSPC and TCB values (all
// defaults do) can share one collateral set.
func (a *TDXAttester) Collateral(opts TDXCollateralOptions) (*TDXCollateral, error) {
	status, err := collateralStatus(opts.Status)
	if err != nil {
		return nil, err
	}
	qeStatus, err := collateralStatus(opts.QEStatus)
	if err != nil {
		return nil, err
	}
	issue := opts.IssueDate
	if issue.IsZero() {
		issue = time.Now()
	}
	issue = issue.UTC().Truncate(time.Second)
	next := opts.NextUpdate
	if next.IsZero() {
		next = issue.Add(30 * 24 * time.Hour)
	}
	next = next.UTC().Truncate(time.Second)
	if !next.After(issue) {
		return nil, fmt.Errorf("collateral NextUpdate %v is not after IssueDate %v", next, issue)
	}
	evaluation := opts.TCBEvaluationDataNumber
	if evaluation == 0 {
		evaluation = 17
	}
	pki, err := testIntelPKI()
	if err != nil {
		return nil, err
	}

	tcbInfo, err := json.Marshal(a.tcbInfo(status, issue, next, evaluation))
	if err != nil {
		return nil, err
	}
	qeIdentity, err := json.Marshal(a.qeIdentity(qeStatus, issue, next, evaluation))
	if err != nil {
		return nil, err
	}
	c := &TDXCollateral{
		FMSPC:                 a.FMSPC(),
		TCBInfoIssuerChain:    pemCerts(pki.tcbSigning, pki.root),
		QEIdentityIssuerChain: pemCerts(pki.tcbSigning, pki.root),
		PCKCRLIssuerChain:     pemCerts(pki.platformCA, pki.root),
	}
	if c.TCBInfo, err = signedPCSBody("tcbInfo", tcbInfo, pki); err != nil {
		return nil, err
	}
	if c.QEIdentity, err = signedPCSBody("enclaveIdentity", qeIdentity, pki); err != nil {
		return nil, err
	}
	revoked := append([]*big.Int{}, opts.RevokedPCKSerials...)
	if opts.RevokePCK {
		revoked = append(revoked, a.pck.SerialNumber)
	}
	if c.PCKCRL, err = issueCRL(pki.platformCA, pki.platformCAKey, revoked, issue, next); err != nil {
		return nil, fmt.Errorf("signing test PCK CRL: %v", err)
	}
	if c.RootCACRL, err = issueCRL(pki.root, pki.rootKey, nil, issue, next); err != nil {
		return nil, fmt.Errorf("signing test root CA CRL: %v", err)
	}
	return c, nil
}

// Getter returns an in-memory stand-in for Intel PCS serving this collateral at the URLs
// go-tdx-guest builds, with the issuer chain headers it expects. Safe for concurrent use.
func (c *TDXCollateral) Getter() tdxtrust.HTTPSGetter { return TDXGetter(c) }

// TDXGetter serves several platforms' collateral from one in-memory PCS, e.g. for an e2e
// run with TDX attesters on different FMSPCs. TCB info is per FMSPC; QE identity and the
// CRLs are one document each on the real PCS, so the last collateral given wins for those.
func TDXGetter(collaterals ...*TDXCollateral) tdxtrust.HTTPSGetter {
	g := &pcsGetter{resources: map[string]pcsResource{}}
	jsonType := map[string][]string{"Content-Type": {"application/json"}}
	chain := func(name string, pem []byte) map[string][]string {
		return map[string][]string{name: {issuerChainHeader(pem)}}
	}
	for _, c := range collaterals {
		tcbInfoURL, qeIdentityURL, pckCRLURL, rootCRLURL := pcsURLs(c.FMSPC)
		g.resources[tcbInfoURL] = pcsResource{header: merge(jsonType, chain(pcs.TcbInfoIssuerChainPhrase, c.TCBInfoIssuerChain)), body: c.TCBInfo}
		g.resources[qeIdentityURL] = pcsResource{header: merge(jsonType, chain(pcs.SgxQeIdentityIssuerChainPhrase, c.QEIdentityIssuerChain)), body: c.QEIdentity}
		g.resources[pckCRLURL] = pcsResource{header: chain(pcs.SgxPckCrlIssuerChainPhrase, c.PCKCRLIssuerChain), body: c.PCKCRL}
		g.resources[rootCRLURL] = pcsResource{header: map[string][]string{}, body: c.RootCACRL}
	}
	return g
}

// VerifyOptions returns go-tdx-guest verification options that accept quotes this
// collateral covers: the test root, collateral and revocation checks on, this collateral's
// getter, every clock at now. Each call returns a new value; verify.TdxQuote writes to it.
func (c *TDXCollateral) VerifyOptions(now time.Time) *tdxverify.Options {
	return &tdxverify.Options{
		CheckRevocations: true,
		GetCollateral:    true,
		Getter:           c.Getter(),
		Now:              TDXTimeSet(now),
		TrustedRoots:     TDXRoots(),
	}
}

// TDXTimeSet is a go-tdx-guest TimeSet with every clock at t.
func TDXTimeSet(t time.Time) *tdxverify.TimeSet {
	return &tdxverify.TimeSet{PckCertChain: t, TcbInfo: t, QeIdentity: t, PckCrl: t, RootCaCrl: t}
}

func collateralStatus(s pcs.TcbComponentStatus) (pcs.TcbComponentStatus, error) {
	if s == "" {
		return pcs.TcbComponentStatusUpToDate, nil
	}
	var parsed pcs.TcbComponentStatus
	if err := parsed.UnmarshalJSON([]byte(fmt.Sprintf("%q", s))); err != nil {
		return "", fmt.Errorf("TCB status: %v", err)
	}
	return parsed, nil
}

// signedPCSBody wraps inner the way Intel PCS does, {"<name>":inner,"signature":"<hex r||s>"},
// signing inner's exact bytes: verifiers check the signature over the raw JSON they receive.
func signedPCSBody(name string, inner []byte, pki *intelPKI) ([]byte, error) {
	sig, err := signP256(pki.tcbSigningKey, inner)
	if err != nil {
		return nil, fmt.Errorf("signing test %s: %v", name, err)
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, `{"%s":`, name)
	b.Write(inner)
	fmt.Fprintf(&b, `,"signature":"%s"}`, hex.EncodeToString(sig))
	return b.Bytes(), nil
}

// The JSON shapes of Intel PCS TDX TCB info v3 and QE identity v2.
type (
	tcbComponentJSON struct {
		SVN      byte   `json:"svn"`
		Category string `json:"category,omitempty"`
		Type     string `json:"type,omitempty"`
	}
	platformTCBJSON struct {
		SGXTCBComponents []tcbComponentJSON `json:"sgxtcbcomponents"`
		PCESVN           uint16             `json:"pcesvn"`
		TDXTCBComponents []tcbComponentJSON `json:"tdxtcbcomponents"`
	}
	isvTCBJSON struct {
		ISVSVN uint16 `json:"isvsvn"`
	}
	tcbLevelJSON[T any] struct {
		TCB         T        `json:"tcb"`
		TCBDate     string   `json:"tcbDate"`
		TCBStatus   string   `json:"tcbStatus"`
		AdvisoryIDs []string `json:"advisoryIDs,omitempty"`
	}
	tdxModuleJSON struct {
		MRSigner       string `json:"mrsigner"`
		Attributes     string `json:"attributes"`
		AttributesMask string `json:"attributesMask"`
	}
	tdxModuleIdentityJSON struct {
		ID string `json:"id"`
		tdxModuleJSON
		TCBLevels []tcbLevelJSON[isvTCBJSON] `json:"tcbLevels"`
	}
	tcbInfoJSON struct {
		ID                      string                          `json:"id"`
		Version                 int                             `json:"version"`
		IssueDate               string                          `json:"issueDate"`
		NextUpdate              string                          `json:"nextUpdate"`
		FMSPC                   string                          `json:"fmspc"`
		PCEID                   string                          `json:"pceId"`
		TCBType                 int                             `json:"tcbType"`
		TCBEvaluationDataNumber int                             `json:"tcbEvaluationDataNumber"`
		TDXModule               tdxModuleJSON                   `json:"tdxModule"`
		TDXModuleIdentities     []tdxModuleIdentityJSON         `json:"tdxModuleIdentities,omitempty"`
		TCBLevels               []tcbLevelJSON[platformTCBJSON] `json:"tcbLevels"`
	}
	qeIdentityJSON struct {
		ID                      string                     `json:"id"`
		Version                 int                        `json:"version"`
		IssueDate               string                     `json:"issueDate"`
		NextUpdate              string                     `json:"nextUpdate"`
		TCBEvaluationDataNumber int                        `json:"tcbEvaluationDataNumber"`
		MiscSelect              string                     `json:"miscselect"`
		MiscSelectMask          string                     `json:"miscselectMask"`
		Attributes              string                     `json:"attributes"`
		AttributesMask          string                     `json:"attributesMask"`
		MRSigner                string                     `json:"mrsigner"`
		ISVProdID               uint16                     `json:"isvprodid"`
		TCBLevels               []tcbLevelJSON[isvTCBJSON] `json:"tcbLevels"`
	}
)

const (
	pcsTime          = "2006-01-02T15:04:05Z"
	currentTCBDate   = "2025-02-12T00:00:00Z"
	olderTCBDate     = "2024-03-13T00:00:00Z"
	outdatedTCBDate  = "2018-01-04T00:00:00Z"
	testAdvisory     = "INTEL-SA-TEST-ONLY"
	seamModuleSigner = "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
)

func advisories(s pcs.TcbComponentStatus) []string {
	if s == pcs.TcbComponentStatusUpToDate {
		return nil
	}
	return []string{testAdvisory}
}

func components(svns []byte) []tcbComponentJSON {
	out := make([]tcbComponentJSON, len(svns))
	for i, svn := range svns {
		out[i] = tcbComponentJSON{SVN: svn}
	}
	return out
}

// tcbInfo lists, newest first: a newer UpToDate level when the attester's status is worse
// (so the list reads like Intel's), the attester's exact TCB at status, and an all-zero
// OutOfDate floor.
func (a *TDXAttester) tcbInfo(status pcs.TcbComponentStatus, issue, next time.Time, evaluation int) tcbInfoJSON {
	level := func(pceSVN uint16, sgx, tdx []byte, date string, s pcs.TcbComponentStatus) tcbLevelJSON[platformTCBJSON] {
		return tcbLevelJSON[platformTCBJSON]{
			TCB:         platformTCBJSON{SGXTCBComponents: components(sgx), PCESVN: pceSVN, TDXTCBComponents: components(tdx)},
			TCBDate:     date,
			TCBStatus:   string(s),
			AdvisoryIDs: advisories(s),
		}
	}
	var levels []tcbLevelJSON[platformTCBJSON]
	if status != pcs.TcbComponentStatusUpToDate && a.pceSVN < 0xffff {
		levels = append(levels, level(a.pceSVN+1, a.sgxTCB[:], a.teeTCBSVN[:], currentTCBDate, pcs.TcbComponentStatusUpToDate))
	}
	date := currentTCBDate
	if status != pcs.TcbComponentStatusUpToDate {
		date = olderTCBDate
	}
	levels = append(levels,
		level(a.pceSVN, a.sgxTCB[:], a.teeTCBSVN[:], date, status),
		level(0, make([]byte, 16), make([]byte, 16), outdatedTCBDate, pcs.TcbComponentStatusOutOfDate))

	module := tdxModuleJSON{MRSigner: seamModuleSigner, Attributes: "0000000000000000", AttributesMask: "FFFFFFFFFFFFFFFF"}
	info := tcbInfoJSON{
		ID:                      "TDX",
		Version:                 3,
		IssueDate:               issue.Format(pcsTime),
		NextUpdate:              next.Format(pcsTime),
		FMSPC:                   a.FMSPC(),
		PCEID:                   "0000",
		TCBType:                 0,
		TCBEvaluationDataNumber: evaluation,
		TDXModule:               module,
		TCBLevels:               levels,
	}
	// TEE_TCB_SVN[1] is the TDX module's major version; when it is set, go-tdx-guest takes
	// the status from the matching module identity, so that must say status too.
	if major := a.teeTCBSVN[1]; major > 0 {
		info.TDXModuleIdentities = []tdxModuleIdentityJSON{{
			ID:            "TDX_" + hex.EncodeToString([]byte{major}),
			tdxModuleJSON: module,
			TCBLevels:     isvLevels(uint16(a.teeTCBSVN[0]), status),
		}}
	}
	return info
}

func (a *TDXAttester) qeIdentity(status pcs.TcbComponentStatus, issue, next time.Time, evaluation int) qeIdentityJSON {
	return qeIdentityJSON{
		ID:                      "TD_QE",
		Version:                 2,
		IssueDate:               issue.Format(pcsTime),
		NextUpdate:              next.Format(pcsTime),
		TCBEvaluationDataNumber: evaluation,
		MiscSelect:              "00000000",
		MiscSelectMask:          "FFFFFFFF",
		Attributes:              strings.ToUpper(hex.EncodeToString(qeAttributes)),
		AttributesMask:          "FBFFFFFFFFFFFFFF0000000000000000",
		MRSigner:                strings.ToUpper(hex.EncodeToString(qeMRSigner)),
		ISVProdID:               qeISVProdID,
		TCBLevels:               isvLevels(a.qeSVN, status),
	}
}

// isvLevels grades an ISVSVN the same way tcbInfo grades the platform: newer UpToDate level
// if needed, the given SVN at status, then an OutOfDate floor.
func isvLevels(svn uint16, status pcs.TcbComponentStatus) []tcbLevelJSON[isvTCBJSON] {
	var levels []tcbLevelJSON[isvTCBJSON]
	date := currentTCBDate
	if status != pcs.TcbComponentStatusUpToDate {
		date = olderTCBDate
		if svn < 0xffff {
			levels = append(levels, tcbLevelJSON[isvTCBJSON]{TCB: isvTCBJSON{svn + 1}, TCBDate: currentTCBDate, TCBStatus: string(pcs.TcbComponentStatusUpToDate)})
		}
	}
	levels = append(levels, tcbLevelJSON[isvTCBJSON]{TCB: isvTCBJSON{svn}, TCBDate: date, TCBStatus: string(status), AdvisoryIDs: advisories(status)})
	if svn > 0 {
		levels = append(levels, tcbLevelJSON[isvTCBJSON]{TCB: isvTCBJSON{0}, TCBDate: outdatedTCBDate, TCBStatus: string(pcs.TcbComponentStatusOutOfDate), AdvisoryIDs: []string{testAdvisory}})
	}
	return levels
}

type pcsResource struct {
	header map[string][]string
	body   []byte
}

// pcsGetter answers the Intel PCS URLs go-tdx-guest builds from a fixed set of responses.
type pcsGetter struct {
	resources map[string]pcsResource
}

func (g *pcsGetter) Get(url string) (map[string][]string, []byte, error) {
	r, ok := g.resources[url]
	if !ok {
		// PCS treats the FMSPC case-insensitively; so does this stand-in.
		for u, res := range g.resources {
			if strings.EqualFold(u, url) {
				r, ok = res, true
				break
			}
		}
	}
	if !ok {
		return nil, nil, fmt.Errorf("teeoracle TEST ONLY PCS: nothing at %q", url)
	}
	header := make(map[string][]string, len(r.header))
	for k, v := range r.header {
		header[k] = append([]string{}, v...)
	}
	return header, bytes.Clone(r.body), nil
}

func (g *pcsGetter) GetContext(ctx context.Context, url string) (map[string][]string, []byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	return g.Get(url)
}

func merge(ms ...map[string][]string) map[string][]string {
	out := map[string][]string{}
	for _, m := range ms {
		maps.Copy(out, m)
	}
	return out
}
