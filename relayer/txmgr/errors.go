package txmgr

import (
	"errors"
	"fmt"
	"strings"

	"github.com/ethereum/go-ethereum/core/types"

	"github.com/teeoracle/teeoracle/relayer/registry"
)

var (
	// ErrClosed is returned by Send and Wait once the Manager is closed. A transaction that
	// was in flight stays in the journal and is picked up by the next Manager's Reconcile.
	ErrClosed = errors.New("txmgr: manager closed")

	// ErrInsufficientFunds means the sender cannot pay gas * fee cap + value. Nothing was
	// broadcast and no nonce was consumed.
	ErrInsufficientFunds = errors.New("txmgr: sender has insufficient funds")

	// ErrNonceConsumed means another transaction took the nonce of a journaled transaction
	// and none of its attempts was mined: the candidate was not executed.
	ErrNonceConsumed = errors.New("txmgr: nonce consumed by another transaction")

	// ErrRejected means the node refused the transaction for a reason no retry or fee bump
	// can fix (intrinsic gas too low, over the block gas limit, bad chain id, ...).
	ErrRejected = errors.New("txmgr: transaction rejected by the node")

	// ErrUnknownID is returned by Wait for an ID that is neither in flight nor confirmed.
	ErrUnknownID = errors.New("txmgr: unknown candidate id")
)

// RevertError is a deterministic revert: found when estimating gas (Receipt is nil, nothing
// was sent) or a transaction that was mined and reverted (Receipt set, confirmed at the
// configured depth). Send never retries it. Reason is a *registry.RevertError when the
// revert data names one of the registry's custom errors, so
// errors.As(err, new(*registry.RevertError)) works on the result of Send.
type RevertError struct {
	ID      string
	Receipt *types.Receipt
	Reason  error
}

func (e *RevertError) Error() string {
	where := "at gas estimation"
	if e.Receipt != nil {
		where = fmt.Sprintf("in tx %s (block %v)", e.Receipt.TxHash.Hex(), e.Receipt.BlockNumber)
	}
	reason := "no reason given"
	if e.Reason != nil {
		reason = e.Reason.Error()
	}
	return fmt.Sprintf("txmgr: %s reverted %s: %s", e.ID, where, reason)
}

func (e *RevertError) Unwrap() error { return e.Reason }

// class is what a node's answer to eth_sendRawTransaction (or eth_estimateGas) means for
// the next step.
type class int

const (
	classOK                     class = iota // accepted
	classAlreadyKnown                        // the node has it already: as good as accepted
	classNonceTooLow                         // the nonce is used: by us (mined) or by someone else
	classReplacementUnderpriced              // a tx with this nonce is pooled; bump more
	classUnderpriced                         // below the pool's or the block's price floor: bump
	classInsufficientFunds                   // cannot pay for gas * fee cap + value
	classReverted                            // execution reverted: deterministic
	classRejected                            // permanently invalid
	classTransient                           // network trouble or unknown: retry
)

// classify matches on message text as well as sentinel errors because over JSON-RPC the
// node's error types are lost and only their messages survive.
func classify(err error) class {
	if err == nil {
		return classOK
	}
	if _, ok := registry.RevertData(err); ok {
		return classReverted
	}
	var re *registry.RevertError
	if errors.As(err, &re) {
		return classReverted
	}
	msg := strings.ToLower(err.Error())
	has := func(subs ...string) bool {
		for _, s := range subs {
			if strings.Contains(msg, s) {
				return true
			}
		}
		return false
	}
	switch {
	case has("already known", "already imported", "known transaction"):
		return classAlreadyKnown
	case has("nonce too low", "nonce is too low", "invalid nonce"):
		return classNonceTooLow
	case has("replacement transaction underpriced", "replacement underpriced"):
		return classReplacementUnderpriced
	case has("insufficient funds"):
		return classInsufficientFunds
	case has("execution reverted"):
		return classReverted
	case has("transaction underpriced", "max fee per gas less than block base fee",
		"fee cap less than block base fee", "gas tip cap", "tip too low"):
		return classUnderpriced
	case has("intrinsic gas too low", "exceeds block gas limit", "gas limit reached",
		"invalid sender", "invalid chain id", "chain id mismatch", "oversized data",
		"negative value", "higher than max fee per gas", "exceeds the configured cap",
		"nonce too high", "nonce has max value"):
		return classRejected
	}
	return classTransient
}
