package api

import (
	"net/http/httptest"
	"net/netip"
	"testing"
)

// Rate limits key on the client: X-Forwarded-For counts only when a trusted proxy sent it,
// and only its entries the trusted proxies appended (the rest the client wrote itself).
func TestClientIP(t *testing.T) {
	trusted := []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8"), netip.MustParsePrefix("192.0.2.7/32")}
	for _, tc := range []struct {
		name, remote string
		xff          []string
		trusted      []netip.Prefix
		want         string
	}{
		{"no trusted proxies: the peer", "203.0.113.5:1234", []string{"198.51.100.1"}, nil, "203.0.113.5"},
		{"untrusted peer: its header is ignored", "203.0.113.5:1234", []string{"198.51.100.1"}, trusted, "203.0.113.5"},
		{"trusted proxy: the client it names", "10.1.2.3:80", []string{"198.51.100.1"}, trusted, "198.51.100.1"},
		{"client-written entries are skipped", "10.1.2.3:80", []string{"1.1.1.1, 198.51.100.1"}, trusted, "198.51.100.1"},
		{"a chain of trusted proxies", "10.1.2.3:80", []string{"198.51.100.1, 192.0.2.7", "10.9.9.9"}, trusted, "198.51.100.1"},
		{"trusted proxy without the header", "10.1.2.3:80", nil, trusted, "10.1.2.3"},
		{"garbage hop: the proxy", "10.1.2.3:80", []string{"1.1.1.1, not-an-ip"}, trusted, "10.1.2.3"},
		{"only trusted hops: the proxy", "10.1.2.3:80", []string{"10.4.4.4"}, trusted, "10.1.2.3"},
		{"IPv4-mapped IPv6", "[::ffff:10.1.2.3]:80", []string{"::ffff:198.51.100.1"}, trusted, "198.51.100.1"},
	} {
		req := httptest.NewRequest("GET", "/v1/challenge", nil)
		req.RemoteAddr = tc.remote
		for _, v := range tc.xff {
			req.Header.Add("X-Forwarded-For", v)
		}
		if got := clientIP(req, tc.trusted); got != tc.want {
			t.Errorf("%s: clientIP = %s, want %s", tc.name, got, tc.want)
		}
	}
}
