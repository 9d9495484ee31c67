package verifier

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// DirGetter serves collateral from a directory instead of the network, for offline
// verification (`teeoracle verify --collateral DIR`). It understands these files:
//
//	*tcbinfo.json              Intel PCS TDX TCB info body, picked by FMSPC and validity at Now
//	*qeidentity.json           Intel PCS TDX QE identity body, picked by validity at Now
//	*collateral-chain.pem      their issuer chain (TCB signing cert, root); the one with the
//	                           same prefix as the JSON file wins, else any
//	pckcrl-platform.der, pckcrl-processor.der (or pckcrl.der)   PCK CRLs
//	rootcrl.der (or IntelSGXRootCA.der)                         Intel root CA CRL
//	<Product>.crl, <Product>-vlek.crl                           AMD KDS CRLs (Milan, Genoa, Turin)
//	<hwid hex>.der, vcek.der, or the directory's only *.vcek.der  AMD KDS VCEK for a report
//	                           whose certificate table is missing (the verifier checks it
//	                           against the report, so a wrong file is a rejection, not a risk)
//
// Any other URL is refused: nothing reaches the network.
type DirGetter struct {
	Dir string
	Now func() time.Time
}

// GetContext implements HTTPSGetter.
func (d *DirGetter) GetContext(_ context.Context, u string) (map[string][]string, []byte, error) {
	pu, err := url.Parse(u)
	if err != nil {
		return nil, nil, err
	}
	p := pu.Path
	switch {
	case strings.HasSuffix(p, "/tdx/certification/v4/tcb"):
		return d.pcsJSON("tcbinfo.json", "tcbInfo", pu.Query().Get("fmspc"), "Tcb-Info-Issuer-Chain")
	case strings.HasSuffix(p, "/tdx/certification/v4/qe/identity"):
		return d.pcsJSON("qeidentity.json", "enclaveIdentity", "", "Sgx-Enclave-Identity-Issuer-Chain")
	case strings.HasSuffix(p, "/sgx/certification/v4/pckcrl"):
		return d.file("pckcrl-"+pu.Query().Get("ca")+".der", "pckcrl.der")
	case strings.HasSuffix(p, "IntelSGXRootCA.der") || strings.HasSuffix(p, "/rootcacrl"):
		return d.file("rootcrl.der", "IntelSGXRootCA.der")
	case strings.HasSuffix(p, "/crl"):
		// KDS: /vcek/v1/<Product>/crl or /vlek/v1/<Product>/crl
		parts := strings.Split(strings.Trim(p, "/"), "/")
		if len(parts) == 4 {
			name := parts[2] + ".crl"
			if parts[0] == "vlek" {
				name = parts[2] + "-vlek.crl"
			}
			return d.file(name)
		}
	}
	if parts := strings.Split(strings.Trim(p, "/"), "/"); len(parts) == 4 && parts[0] == "vcek" {
		names := []string{parts[3] + ".der", "vcek.der"}
		if only, _ := filepath.Glob(filepath.Join(d.Dir, "*.vcek.der")); len(only) == 1 {
			names = append(names, filepath.Base(only[0]))
		}
		return d.file(names...)
	}
	return nil, nil, fmt.Errorf("offline collateral directory %s has nothing for %s", d.Dir, u)
}

func (d *DirGetter) file(names ...string) (map[string][]string, []byte, error) {
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join(d.Dir, n))
		if err == nil {
			return nil, b, nil
		}
	}
	return nil, nil, fmt.Errorf("offline collateral directory %s has no %s", d.Dir, strings.Join(names, " or "))
}

// pcsJSON picks the best file ending in suffix: matching fmspc (if given), valid at Now,
// latest issueDate.
func (d *DirGetter) pcsJSON(suffix, member, fmspc, header string) (map[string][]string, []byte, error) {
	matches, _ := filepath.Glob(filepath.Join(d.Dir, "*"+suffix))
	now := time.Now()
	if d.Now != nil {
		now = d.Now()
	}
	var best string
	var bestBody []byte
	var bestIssued time.Time
	bestValid := false
	for _, m := range matches {
		b, err := os.ReadFile(m)
		if err != nil || len(b) > MaxFetchSize {
			continue
		}
		var body map[string]json.RawMessage
		var info struct {
			Fmspc      string    `json:"fmspc"`
			IssueDate  time.Time `json:"issueDate"`
			NextUpdate time.Time `json:"nextUpdate"`
		}
		if json.Unmarshal(b, &body) != nil || json.Unmarshal(body[member], &info) != nil {
			continue
		}
		if fmspc != "" && !strings.EqualFold(info.Fmspc, fmspc) {
			continue
		}
		valid := !now.Before(info.IssueDate) && !now.After(info.NextUpdate)
		if best == "" || (valid && !bestValid) || (valid == bestValid && info.IssueDate.After(bestIssued)) {
			best, bestBody, bestIssued, bestValid = m, b, info.IssueDate, valid
		}
	}
	if best == "" {
		return nil, nil, fmt.Errorf("offline collateral directory %s has no *%s for FMSPC %q", d.Dir, suffix, fmspc)
	}
	chainFile := strings.TrimSuffix(best, suffix) + "collateral-chain.pem"
	chain, err := os.ReadFile(chainFile)
	if err != nil {
		others, _ := filepath.Glob(filepath.Join(d.Dir, "*collateral-chain.pem"))
		if len(others) == 0 {
			return nil, nil, fmt.Errorf("offline collateral directory %s has no *collateral-chain.pem for %s", d.Dir, filepath.Base(best))
		}
		if chain, err = os.ReadFile(others[0]); err != nil {
			return nil, nil, err
		}
	}
	return map[string][]string{header: {url.QueryEscape(string(chain))}}, bestBody, nil
}
