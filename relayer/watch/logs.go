package watch

import (
	"context"
	"fmt"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/teeoracle/teeoracle/bindings"
	"github.com/teeoracle/teeoracle/relayer/registry"
)

// DefaultEvents are the registry events the relayer acts on: requests to answer, the
// attestations and revocations that settle them, and the allowlist, relayer-set and limit
// changes that change what it may post.
var DefaultEvents = []string{
	bindings.AttestationRegistryReattestationRequestedEventName,
	bindings.AttestationRegistryAttestedEventName,
	bindings.AttestationRegistryAttestationRevokedEventName,
	bindings.AttestationRegistryMeasurementAllowedEventName,
	bindings.AttestationRegistryMeasurementRevokedEventName,
	bindings.AttestationRegistryMeasurementSunsetEventName,
	bindings.AttestationRegistryRelayersUpdatedEventName,
	bindings.AttestationRegistryLimitsUpdatedEventName,
	bindings.AttestationRegistryMinTcbStatusUpdatedEventName,
}

// eventIDs resolves event names to their topic-0 hashes.
func eventIDs(names []string) ([]common.Hash, error) {
	events := registry.ABI().GetABI().Events
	ids := make([]common.Hash, 0, len(names))
	for _, name := range names {
		ev, ok := events[name]
		if !ok {
			return nil, fmt.Errorf("the registry ABI has no event %q", name)
		}
		ids = append(ids, ev.ID)
	}
	return ids, nil
}

// Decode unpacks a registry log into its binding struct, e.g.
// *bindings.AttestationRegistryReattestationRequested.
func Decode(l *types.Log) (any, error) {
	if len(l.Topics) == 0 {
		return nil, fmt.Errorf("log %d of block %d has no topics, want a registry event", l.Index, l.BlockNumber)
	}
	a := registry.ABI()
	parsed := a.GetABI()
	ev, err := parsed.EventByID(l.Topics[0])
	if err != nil {
		return nil, fmt.Errorf("log %d of block %d: %w", l.Index, l.BlockNumber, err)
	}
	switch ev.Name {
	case bindings.AttestationRegistryReattestationRequestedEventName:
		return a.UnpackReattestationRequestedEvent(l)
	case bindings.AttestationRegistryAttestedEventName:
		return a.UnpackAttestedEvent(l)
	case bindings.AttestationRegistryAttestationRevokedEventName:
		return a.UnpackAttestationRevokedEvent(l)
	case bindings.AttestationRegistryMeasurementAllowedEventName:
		return a.UnpackMeasurementAllowedEvent(l)
	case bindings.AttestationRegistryMeasurementRevokedEventName:
		return a.UnpackMeasurementRevokedEvent(l)
	case bindings.AttestationRegistryMeasurementSunsetEventName:
		return a.UnpackMeasurementSunsetEvent(l)
	case bindings.AttestationRegistryRelayersUpdatedEventName:
		return a.UnpackRelayersUpdatedEvent(l)
	case bindings.AttestationRegistryLimitsUpdatedEventName:
		return a.UnpackLimitsUpdatedEvent(l)
	case bindings.AttestationRegistryMinTcbStatusUpdatedEventName:
		return a.UnpackMinTcbStatusUpdatedEvent(l)
	case bindings.AttestationRegistryAttestationRejectedEventName:
		return a.UnpackAttestationRejectedEvent(l)
	}
	return nil, fmt.Errorf("log %d of block %d is a %s event, which watch does not decode", l.Index, l.BlockNumber, ev.Name)
}

// tooManyResults reports whether a node refused an eth_getLogs query for its size rather than
// for being wrong. Providers word this differently; a smaller range is the cure for all.
func tooManyResults(err error) bool {
	msg := strings.ToLower(err.Error())
	for _, s := range []string{
		"too many results",         // geth-style and many providers
		"query returned more than", // Infura, Alchemy
		"limit exceeded",           // "logs limit exceeded", "query limit exceeded"
		"response size",            // "response size exceeded", "response size should not greater than"
		"block range",              // "exceed maximum block range", "block range is too wide"
		"too many blocks",
	} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}

// growAfter is how many successful range queries in a row let the chunk size double again
// after a halving: dense ranges are usually local, so we creep back rather than jump.
const growAfter = 4

// filterRange queries registry logs from `from` up to at most `to`, halving the span while the
// node says the answer is too large. It returns the logs and the last block they cover.
func (w *Watcher) filterRange(ctx context.Context, from, to uint64) ([]types.Log, uint64, error) {
	for {
		end := to
		if span := w.chunk; end-from+1 > span {
			end = from + span - 1
		}
		q := w.query
		q.FromBlock, q.ToBlock = new(big.Int).SetUint64(from), new(big.Int).SetUint64(end)
		logs, err := w.client.FilterLogs(ctx, q)
		if err == nil {
			if w.chunk < w.cfg.ChunkSize {
				if w.chunkOK++; w.chunkOK >= growAfter {
					w.chunk, w.chunkOK = min(2*w.chunk, w.cfg.ChunkSize), 0
				}
			}
			return logs, end, nil
		}
		if ctx.Err() != nil || !tooManyResults(err) || end == from {
			return nil, 0, fmt.Errorf("eth_getLogs over blocks %d-%d: %w", from, end, err)
		}
		w.chunk, w.chunkOK = max((end-from+1)/2, 1), 0
		w.log.Debug("node refused a log range as too large; halving it", "from", from, "to", end, "next_span", w.chunk, "err", err)
	}
}

// blockLogs queries the registry logs of one block by hash, so the answer belongs to exactly
// that block even if the chain reorganizes while we ask.
func (w *Watcher) blockLogs(ctx context.Context, b Block) ([]types.Log, error) {
	q := w.query
	q.BlockHash = &b.Hash
	logs, err := w.client.FilterLogs(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("eth_getLogs for block %d (%s): %w", b.Number, b.Hash.Hex(), err)
	}
	return logs, nil
}

// checkLogs verifies that logs belong to block b, and orders them.
func checkLogs(b Block, logs []types.Log) error {
	for i := range logs {
		l := &logs[i]
		if l.Removed {
			return fmt.Errorf("node returned a removed log (index %d) for block %d", l.Index, b.Number)
		}
		if l.BlockNumber != b.Number || l.BlockHash != b.Hash {
			return fmt.Errorf("log %d says block %d (%s), want block %d (%s): the chain changed under the query",
				l.Index, l.BlockNumber, l.BlockHash.Hex(), b.Number, b.Hash.Hex())
		}
		if i > 0 && l.Index <= logs[i-1].Index {
			return fmt.Errorf("logs of block %d out of order (index %d after %d)", b.Number, l.Index, logs[i-1].Index)
		}
	}
	return nil
}
