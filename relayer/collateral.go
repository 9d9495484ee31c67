package relayer

import (
	"context"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"log/slog"
	"time"

	"github.com/teeoracle/teeoracle/relayer/store"
	"github.com/teeoracle/teeoracle/verifier"
)

// collateralCache sits under the verifier's own in-memory caches and keeps what was fetched
// from AMD KDS and Intel PCS (VCEKs, CRLs, TCB info, QE identity) in the store, so a restart
// does not refetch it and a PCS outage does not stop verification while collateral is valid.
// It serves a body only until the expiry the body itself states (nextUpdate, NotAfter); the
// verifier checks signatures and validity again on every use, so the cache adds no trust.
type collateralCache struct {
	inner verifier.HTTPSGetter
	b     *store.Bucket
	now   func() time.Time
	log   *slog.Logger
}

type cachedBody struct {
	Header  map[string][]string `json:"header,omitempty"`
	Body    []byte              `json:"body"`
	Fetched time.Time           `json:"fetched"`
	Expires time.Time           `json:"expires"`
}

// defaultCollateralTTL applies to bodies that state no expiry; minCollateralTTL is the least
// any fetched body is kept, so a stale upstream is not asked again on every verification.
const (
	defaultCollateralTTL = time.Hour
	minCollateralTTL     = 5 * time.Minute
)

func (c *collateralCache) GetContext(ctx context.Context, url string) (map[string][]string, []byte, error) {
	if rec, err := getJSON[cachedBody](c.b, []byte(url)); err == nil && c.now().Before(rec.Expires) {
		return rec.Header, rec.Body, nil
	}
	return c.fetch(ctx, url)
}

func (c *collateralCache) fetch(ctx context.Context, url string) (map[string][]string, []byte, error) {
	hdr, body, err := c.inner.GetContext(ctx, url)
	if err != nil {
		return nil, nil, err
	}
	now := c.now()
	exp := collateralExpiry(body, now)
	if exp.Before(now.Add(minCollateralTTL)) {
		// Already (or about to be) past its stated expiry: the verifier will reject it, but a
		// short stay keeps every submission from triggering another fetch.
		exp = now.Add(minCollateralTTL)
	}
	rec := cachedBody{Header: hdr, Body: body, Fetched: now, Expires: exp}
	if err := c.b.Put([]byte(url), mustJSON(rec)); err != nil {
		c.log.Warn("collateral cache: store", "url", url, "err", err)
	}
	return hdr, body, nil
}

// refresh refetches every cached body that is past three quarters of its life, so the
// verifier finds fresh collateral and CRLs before the old ones expire; bodies that have
// expired and cannot be refetched are dropped.
func (c *collateralCache) refresh(ctx context.Context) {
	var due []string
	now := c.now()
	_ = c.b.Iterate(nil, func(k, v []byte) error {
		var rec cachedBody
		if json.Unmarshal(v, &rec) == nil && now.After(rec.Fetched.Add(rec.Expires.Sub(rec.Fetched)*3/4)) {
			due = append(due, string(k))
		}
		return nil
	})
	for _, url := range due {
		if _, _, err := c.fetch(ctx, url); err != nil {
			c.log.Warn("collateral refresh failed; the cached copy serves until it expires", "url", url, "err", err)
			if rec, gerr := getJSON[cachedBody](c.b, []byte(url)); gerr == nil && !now.Before(rec.Expires) {
				_ = c.b.Delete([]byte(url))
			}
		}
	}
	if len(due) > 0 {
		c.log.Info("collateral refreshed", "bodies", len(due))
	}
}

// collateralExpiry reads the expiry a body states: a CRL's or a PCS document's nextUpdate, a
// certificate's NotAfter; otherwise now + defaultCollateralTTL.
func collateralExpiry(body []byte, now time.Time) time.Time {
	der := body
	if blk, _ := pem.Decode(body); blk != nil {
		der = blk.Bytes
	}
	if crl, err := x509.ParseRevocationList(der); err == nil && !crl.NextUpdate.IsZero() {
		return crl.NextUpdate
	}
	if cert, err := x509.ParseCertificate(der); err == nil {
		return cert.NotAfter
	}
	var doc struct {
		TCBInfo struct {
			NextUpdate time.Time `json:"nextUpdate"`
		} `json:"tcbInfo"`
		EnclaveIdentity struct {
			NextUpdate time.Time `json:"nextUpdate"`
		} `json:"enclaveIdentity"`
	}
	if json.Unmarshal(body, &doc) == nil {
		for _, t := range []time.Time{doc.TCBInfo.NextUpdate, doc.EnclaveIdentity.NextUpdate} {
			if !t.IsZero() {
				return t
			}
		}
	}
	return now.Add(defaultCollateralTTL)
}
