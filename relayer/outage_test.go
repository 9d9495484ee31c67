package relayer_test

import (
	"context"
	"errors"
	"io"
	"net"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"

	"github.com/teeoracle/teeoracle/relayer"
	"github.com/teeoracle/teeoracle/relayer/config"
	"github.com/teeoracle/teeoracle/relayer/registry"
)

// An RPC outage: the relayer reaches the chain's JSON-RPC through a proxy that, switched off,
// drops every connection. Readiness turns 503 (RPC unreachable for more than
// 3*poll_interval+5s), and once the proxy is back the relayer catches up and answers the
// request filed during the outage, once.
func TestRPCOutageTurnsReadinessOffThenCatchesUp(t *testing.T) {
	rpcAddr := freeAddr(t)
	var proxy *dropProxy
	r := newRig(t, rigOptions{
		// The simulated chain's clock runs ahead (a second per block), so the window is wide.
		limits: &registry.Limits{MaxAttestationAge: 600, MaxValidity: 86400, ResponseWindow: 3600},
		simNode: func(nc *node.Config, _ *ethconfig.Config) {
			host, port, _ := net.SplitHostPort(rpcAddr)
			nc.HTTPHost = host
			nc.HTTPPort, _ = strconv.Atoi(port)
			nc.HTTPModules = []string{"eth", "net", "web3"}
			nc.HTTPVirtualHosts = []string{"localhost", host}
		},
		backend: func(_ int, _ simulated.Client) relayer.Backend {
			proxy = newDropProxy(t, rpcAddr)
			c, err := ethclient.Dial("http://" + proxy.addr)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(c.Close)
			return c
		},
	})
	r.register(0)
	if code, out := r.do(0, "GET", "/readyz", nil); code != 200 {
		t.Fatalf("readyz before the outage = %d %v", code, out)
	}

	proxy.setDown(true)
	down := time.Now()
	nonce, _ := r.requestNonce(r.request()) // the chain goes on without the relayer
	var unready map[string]any
	r.waitFor("readiness to turn 503", 15*time.Second, func() bool {
		code, out := r.do(0, "GET", "/readyz", nil)
		unready = out
		return code == 503
	})
	t.Logf("readyz 503 after %s: %v", time.Since(down).Round(100*time.Millisecond), unready["error"])
	if n := r.answers(nonce); n != 0 {
		t.Fatalf("request answered %d times while the relayer had no RPC", n)
	}
	// The outage is 30 s; by default the test waits out only the readiness threshold.
	// OUTAGE=30s (any duration) runs the full one.
	outage := time.Since(down) + 2*time.Second
	if d, err := time.ParseDuration(os.Getenv("OUTAGE")); err == nil && d > outage {
		outage = d
	}
	time.Sleep(outage - time.Since(down))
	proxy.setDown(false)
	up := time.Now()

	r.waitFor("readiness back", 20*time.Second, func() bool {
		code, _ := r.do(0, "GET", "/readyz", nil)
		return code == 200
	})
	r.waitFor("the request filed during the outage answered", 20*time.Second, func() bool { return r.answers(nonce) >= 1 })
	caughtUp := time.Since(up)
	t.Logf("outage %s; request answered %s after the RPC came back", up.Sub(down).Round(100*time.Millisecond), caughtUp.Round(100*time.Millisecond))
	// A watcher backing off for as long as the outage lasted would still be asleep here.
	if caughtUp > 3*time.Second {
		t.Errorf("the request filed during the outage was answered %s after the RPC came back, want within 3 s", caughtUp.Round(100*time.Millisecond))
	}
	r.answeredOnce(nonce)
	r.waitFor("the relayer to hold no pending request", 10*time.Second, func() bool { return r.pendingInRelayer(0) == 0 })
	if s := r.nodes[0].svc.Stats(); s.RequestsMissed != 0 || s.RequestsServed != 1 {
		t.Fatalf("after the outage: %d requests served, %d missed; want 1 and 0", s.RequestsServed, s.RequestsMissed)
	}
	if ok, err := r.reg.IsAttested(context.Background(), r.agent.subject); err != nil || !ok {
		t.Fatalf("isAttested = %v, %v after catching up", ok, err)
	}
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// dropProxy forwards TCP to target; while down it closes every connection, open or new.
type dropProxy struct {
	addr   string
	target string
	down   atomic.Bool
	mu     sync.Mutex
	conns  map[net.Conn]bool
	ln     net.Listener
}

func newDropProxy(t *testing.T, target string) *dropProxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &dropProxy{addr: ln.Addr().String(), target: target, conns: map[net.Conn]bool{}, ln: ln}
	go p.serve()
	t.Cleanup(func() { ln.Close(); p.closeAll() })
	return p
}

func (p *dropProxy) serve() {
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		if p.down.Load() {
			c.Close()
			continue
		}
		up, err := net.Dial("tcp", p.target)
		if err != nil {
			c.Close()
			continue
		}
		p.track(c, up)
		go func() { io.Copy(up, c); up.Close() }()
		go func() { io.Copy(c, up); c.Close() }()
	}
}

func (p *dropProxy) track(cs ...net.Conn) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range cs {
		p.conns[c] = true
	}
}

func (p *dropProxy) closeAll() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for c := range p.conns {
		c.Close()
	}
	p.conns = map[net.Conn]bool{}
}

func (p *dropProxy) setDown(down bool) {
	p.down.Store(down)
	if down {
		p.closeAll()
	}
}

// logsFailing is a node that answers everything but eth_getLogs while fail is set.
type logsFailing struct {
	simulated.Client
	fail *atomic.Bool
}

func (c logsFailing) FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error) {
	if c.fail.Load() {
		return nil, errors.New("query timeout exceeded")
	}
	return c.Client.FilterLogs(ctx, q)
}

// A node that answers eth_blockNumber but not eth_getLogs leaves the RPC check green while
// no event is seen. Readiness must turn 503 with the watcher's error, and come back.
func TestFailingLogQueriesTurnReadinessOff(t *testing.T) {
	var fail atomic.Bool
	r := newRig(t, rigOptions{
		backend: func(_ int, c simulated.Client) relayer.Backend { return logsFailing{c, &fail} },
		// A chain with 12 s blocks takes hours to build the lag a fast test chain builds
		// in seconds: take the lag check out of the way.
		config: func(_ int, c *config.Config) { c.MaxLagBlocks = 1 << 20 },
	})
	r.waitFor("readiness", 10*time.Second, func() bool { code, _ := r.do(0, "GET", "/readyz", nil); return code == 200 })
	fail.Store(true)
	var out map[string]any
	r.waitFor("readiness to turn 503", 15*time.Second, func() bool {
		var code int
		code, out = r.do(0, "GET", "/readyz", nil)
		return code == 503
	})
	if msg, _ := out["error"].(string); !strings.Contains(msg, "watcher has not completed a poll") || !strings.Contains(msg, "query timeout exceeded") {
		t.Fatalf("readyz error %q, want the watcher's stall and its last error", msg)
	}
	fail.Store(false)
	r.waitFor("readiness back", 15*time.Second, func() bool { code, _ := r.do(0, "GET", "/readyz", nil); return code == 200 })
}
