package agent

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
)

// SignHandler serves the workload's own signing with the subject key:
//
//	POST /v1/sign {"digest": "0x<32 bytes>"} → {"signature": "0x<65 bytes r‖s‖v>", "subject": "0x…"}
//
// It signs whatever digest it is given with the attested key, so it must be reachable only by
// the workload inside the TEE (a loopback listener), never by the network: keep it off the
// listener that serves Handler. The digest should be an EIP-712 digest of the workload's own
// message (a sequencer's batch), so a signature cannot be mistaken for anything else.
func (a *Agent) SignHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/v1/sign", func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", "POST")
			writeError(w, http.StatusMethodNotAllowed, fmt.Sprintf("method %s is not allowed, want POST", r.Method))
			return
		}
		var req struct {
			Digest hexutil.Bytes `json:"digest"`
		}
		dec := json.NewDecoder(io.LimitReader(r.Body, 1024))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&req); err != nil || len(req.Digest) != 32 {
			writeError(w, http.StatusBadRequest, `body must be {"digest": "0x" + 64 hex digits}`)
			return
		}
		sig, err := a.SignDigest(common.BytesToHash(req.Digest))
		if err != nil {
			writeError(w, http.StatusInternalServerError, err.Error())
			return
		}
		writeJSON(w, http.StatusOK, map[string]string{"signature": hexutil.Encode(sig), "subject": a.subject.Hex()})
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, fmt.Sprintf("no such endpoint %s, want POST /v1/sign", r.URL.Path))
	})
	return mux
}
