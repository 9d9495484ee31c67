package verifier

import (
	"errors"
	"fmt"
)

// Reason is a stable, machine-readable code for why evidence was rejected.
// Callers (the relayer API, the CLI, metrics) switch on it; the message is for humans.
type Reason string

// Rejection reasons. The string values are part of the relayer API and the CLI output:
// do not rename them.
const (
	ReasonMalformed          Reason = "malformed"
	ReasonOversized          Reason = "oversized"
	ReasonUnsupportedVersion Reason = "unsupported-version"
	ReasonTEEMismatch        Reason = "tee-mismatch"
	ReasonSignature          Reason = "signature"
	ReasonRoot               Reason = "root"
	ReasonChain              Reason = "chain"
	ReasonExpired            Reason = "expired"
	ReasonRevoked            Reason = "revoked"
	ReasonCollateral         Reason = "collateral"
	ReasonTCBRevoked         Reason = "tcb-revoked"
	ReasonTCBBelowMinimum    Reason = "tcb-below-minimum"
	ReasonDebug              Reason = "debug"
	ReasonVMPL               Reason = "vmpl"
	ReasonMeasurement        Reason = "measurement"
	ReasonHostData           Reason = "host-data"
	ReasonBinding            Reason = "binding"
	ReasonPolicy             Reason = "policy"
	// ReasonUnavailable means a needed endorsement (VCEK, CRL, collateral) could not be
	// fetched. It is the only reason a caller may choose to retry.
	ReasonUnavailable Reason = "unavailable"
)

// Error is the only error type the verifier returns for a rejected piece of evidence.
// Msg says what was wrong and what was expected.
type Error struct {
	Reason Reason
	Msg    string
	Err    error // underlying library error, if any
}

func (e *Error) Error() string {
	s := string(e.Reason) + ": " + e.Msg
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

func (e *Error) Unwrap() error { return e.Err }

// Is makes errors.Is(err, verifier.ErrDebug) match any *Error with that reason, so callers
// need not care about the message.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	if !ok {
		return false
	}
	return t.Msg == "" && t.Err == nil && t.Reason == e.Reason
}

// Sentinels for errors.Is. They carry only a reason.
var (
	ErrMalformed          = &Error{Reason: ReasonMalformed}
	ErrOversized          = &Error{Reason: ReasonOversized}
	ErrUnsupportedVersion = &Error{Reason: ReasonUnsupportedVersion}
	ErrTEEMismatch        = &Error{Reason: ReasonTEEMismatch}
	ErrSignature          = &Error{Reason: ReasonSignature}
	ErrRoot               = &Error{Reason: ReasonRoot}
	ErrChain              = &Error{Reason: ReasonChain}
	ErrExpired            = &Error{Reason: ReasonExpired}
	ErrRevoked            = &Error{Reason: ReasonRevoked}
	ErrCollateral         = &Error{Reason: ReasonCollateral}
	ErrTCBRevoked         = &Error{Reason: ReasonTCBRevoked}
	ErrTCBBelowMinimum    = &Error{Reason: ReasonTCBBelowMinimum}
	ErrDebug              = &Error{Reason: ReasonDebug}
	ErrVMPL               = &Error{Reason: ReasonVMPL}
	ErrMeasurement        = &Error{Reason: ReasonMeasurement}
	ErrHostData           = &Error{Reason: ReasonHostData}
	ErrBinding            = &Error{Reason: ReasonBinding}
	ErrPolicy             = &Error{Reason: ReasonPolicy}
	ErrUnavailable        = &Error{Reason: ReasonUnavailable}
)

// Errorf builds an *Error with a formatted message.
func Errorf(reason Reason, format string, args ...any) *Error {
	return &Error{Reason: reason, Msg: fmt.Sprintf(format, args...)}
}

// Wrap builds an *Error that keeps the underlying error for errors.As/Unwrap.
func Wrap(reason Reason, err error, format string, args ...any) *Error {
	return &Error{Reason: reason, Msg: fmt.Sprintf(format, args...), Err: err}
}

// ReasonOf returns the reason of a verifier error, or "" if err is nil or not ours.
func ReasonOf(err error) Reason {
	var e *Error
	if errors.As(err, &e) {
		return e.Reason
	}
	return ""
}
