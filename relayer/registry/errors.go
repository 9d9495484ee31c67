package registry

import (
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
)

// RevertError is a registry revert decoded into the custom error's name and arguments.
type RevertError struct {
	Name string // custom error name, e.g. "StaleAttestation"
	Args any    // the binding's struct for the error, nil when it has no arguments
	Data []byte // raw revert data
}

func (e *RevertError) Error() string {
	return "registry reverted: " + e.Name + formatArgs(e.Args)
}

// Reason returns the error's name with its arguments, e.g. "TooFewSignatures(valid=0, threshold=1)".
func (e *RevertError) Reason() string { return e.Name + formatArgs(e.Args) }

func formatArgs(args any) string {
	if args == nil {
		return "()"
	}
	v := reflect.Indirect(reflect.ValueOf(args))
	if v.Kind() != reflect.Struct {
		return fmt.Sprintf("(%v)", args)
	}
	parts := make([]string, 0, v.NumField())
	for i := 0; i < v.NumField(); i++ {
		f := v.Field(i)
		var s string
		switch x := f.Interface().(type) {
		case [32]byte:
			s = common.Hash(x).Hex()
		case [4]byte:
			s = hexutil.Encode(x[:])
		default:
			s = fmt.Sprint(x)
		}
		name := v.Type().Field(i).Name
		parts = append(parts, strings.ToLower(name[:1])+name[1:]+"="+s)
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

type dataError interface {
	ErrorData() interface{}
}

// RevertData extracts revert data from an RPC error, if it carries any.
func RevertData(err error) ([]byte, bool) {
	var de dataError
	if !errors.As(err, &de) {
		return nil, false
	}
	switch d := de.ErrorData().(type) {
	case string:
		b, herr := hexutil.Decode(d)
		return b, herr == nil
	case []byte:
		return d, true
	}
	return nil, false
}

// DecodeRevertData names the custom error in raw revert data.
func DecodeRevertData(data []byte) (*RevertError, bool) {
	if len(data) < 4 {
		return nil, false
	}
	for name, e := range abiRegistry.GetABI().Errors {
		if !bytesEqual(e.ID[:4], data[:4]) {
			continue
		}
		args, err := abiRegistry.UnpackError(data)
		if err != nil {
			return &RevertError{Name: name, Data: data}, true
		}
		if len(e.Inputs) == 0 {
			args = nil
		}
		return &RevertError{Name: name, Args: args, Data: data}, true
	}
	return nil, false
}

// ErrorName returns the custom error name for a 4-byte selector, as reported per item by
// attestBatch, or its hex when unknown.
func ErrorName(selector [4]byte) string {
	for name, e := range abiRegistry.GetABI().Errors {
		if bytesEqual(e.ID[:4], selector[:]) {
			return name
		}
	}
	return hexutil.Encode(selector[:])
}

func bytesEqual(a, b []byte) bool { return string(a) == string(b) }

// Decode turns an error carrying registry revert data into a *RevertError (wrapping the
// original); other errors are returned unchanged.
func Decode(err error) error {
	if err == nil {
		return nil
	}
	data, ok := RevertData(err)
	if !ok {
		return err
	}
	if re, ok := DecodeRevertData(data); ok {
		return re
	}
	return err
}
