package relayer

import (
	"fmt"
	"os"
	"syscall"

	"github.com/teeoracle/teeoracle/relayer/txmgr"
)

// Test-only crash points; unset in production.
//
// With TEEORACLE_FAILPOINT=STAGE in its environment, the relayer process kills itself with
// SIGKILL (no deferred calls, no graceful stop) the first time it reaches STAGE, so tests can
// prove that a crash at any stage loses and duplicates nothing (e2e/relayer_crash_test.go).
// The stages, in the order an attestation meets them:
//
//	after-verify     evidence verified, nothing signed (prepare)
//	after-sign       attestation signed (and co-signed), nothing stored (prepare)
//	after-store      job written to the store as verified, not yet sent (enqueue)
//	after-broadcast  transaction journaled and handed to the node (txmgr)
//	before-confirm   transaction mined, confirmation not yet journaled (txmgr)
//
// Unset (production), every hook is a comparison with the empty string.
var failpointStage = os.Getenv("TEEORACLE_FAILPOINT")

func init() {
	if failpointStage != "" {
		txmgr.Failpoint = failpoint
	}
}

// failpoint kills the process if stage is the configured crash point.
func failpoint(stage string) {
	if failpointStage == "" || stage != failpointStage {
		return
	}
	fmt.Fprintf(os.Stderr, "TEEORACLE_FAILPOINT: killing the relayer at %s\n", stage)
	_ = syscall.Kill(os.Getpid(), syscall.SIGKILL)
	select {} // SIGKILL is not delivered synchronously; never run past the stage
}
