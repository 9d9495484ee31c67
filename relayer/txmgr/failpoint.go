package txmgr

// Failpoint, when set, is called at named stages of a transaction's life; the relayer sets
// it only for its test-only crash points (relayer/failpoint.go). Nil in production.
var Failpoint func(stage string)

func failpoint(stage string) {
	if Failpoint != nil {
		Failpoint(stage)
	}
}
