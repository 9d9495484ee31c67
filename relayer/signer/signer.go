// Package signer holds the relayer's keys: the attester key that signs EIP-712 attestation
// digests (SPEC section 4) and the sender key that signs transactions and pays gas, which may
// be the same key or live in a remote signer (clef, Web3Signer). Keys come from go-ethereum
// keystore files; raw hex keys are refused unless the caller opts in for development.
//
// Nothing here prints a secret: every type that holds a key redacts it in String, GoString
// and LogValue.
package signer

import (
	"crypto/ecdsa"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"os"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/teeoracle/teeoracle/protocol"
)

// ErrRawKeyRefused is returned by FromHex without allowRaw.
var ErrRawKeyRefused = errors.New("raw hex keys are for development only and need allow_raw_keys (--allow-raw-keys); use a keystore file and a password file")

// LoadKeystore decrypts a go-ethereum keystore (v3 JSON) file with the password on the first
// line of passwordFile. Only a trailing line break is stripped: spaces are part of a password.
func LoadKeystore(file, passwordFile string) (*ecdsa.PrivateKey, error) {
	blob, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("read keystore file: %w", err)
	}
	pw, err := os.ReadFile(passwordFile)
	if err != nil {
		return nil, fmt.Errorf("read password file: %w", err)
	}
	password, _, _ := strings.Cut(string(pw), "\n")
	password = strings.TrimSuffix(password, "\r")
	key, err := keystore.DecryptKey(blob, password)
	if errors.Is(err, keystore.ErrDecrypt) {
		return nil, fmt.Errorf("decrypt keystore %s: wrong password (the first line of %s does not decrypt it)", file, passwordFile)
	}
	if err != nil {
		return nil, fmt.Errorf("decrypt keystore %s: %w (want a go-ethereum v3 keystore JSON file)", file, err)
	}
	return key.PrivateKey, nil
}

// FromHex parses a raw hex private key (with or without 0x). It refuses unless allowRaw,
// because a key in a config file or flag ends up in shell history, process lists and
// backups; production keys belong in a keystore. Errors never echo the input.
func FromHex(hex string, allowRaw bool) (*ecdsa.PrivateKey, error) {
	if !allowRaw {
		return nil, ErrRawKeyRefused
	}
	hex = strings.TrimPrefix(strings.TrimSpace(hex), "0x")
	if len(hex) != 64 {
		return nil, fmt.Errorf("raw key is %d hex characters, want 64 (32 bytes)", len(hex))
	}
	key, err := crypto.HexToECDSA(hex)
	if err != nil {
		return nil, errors.New("raw key is not a valid secp256k1 private key in hex")
	}
	return key, nil
}

// Attester signs attestation digests with the relayer's signing key (an authorized relayer
// address on the registry).
type Attester interface {
	Address() common.Address
	// SignDigest returns a 65-byte r||s||v signature with v = 27 or 28 and low s, the form
	// the registry accepts.
	SignDigest(digest common.Hash) ([]byte, error)
}

// Sender signs transactions for the account that pays gas.
type Sender interface {
	Address() common.Address
	SignTx(tx *types.Transaction, chainID *big.Int) (*types.Transaction, error)
}

// LocalKey is an in-memory secp256k1 key; it is both an Attester and a Sender.
type LocalKey struct {
	key  *ecdsa.PrivateKey
	addr common.Address
}

var (
	_ Attester = (*LocalKey)(nil)
	_ Sender   = (*LocalKey)(nil)
)

// NewLocalKey wraps key.
func NewLocalKey(key *ecdsa.PrivateKey) *LocalKey {
	return &LocalKey{key: key, addr: crypto.PubkeyToAddress(key.PublicKey)}
}

// Address returns the key's address.
func (k *LocalKey) Address() common.Address { return k.addr }

// SignDigest signs an EIP-712 digest.
func (k *LocalKey) SignDigest(digest common.Hash) ([]byte, error) {
	return protocol.Sign(k.key, digest)
}

// SignTx signs tx for chainID.
func (k *LocalKey) SignTx(tx *types.Transaction, chainID *big.Int) (*types.Transaction, error) {
	if chainID == nil {
		return nil, errors.New("sign tx: no chain id")
	}
	return types.SignTx(tx, types.LatestSignerForChainID(chainID), k.key)
}

func (k *LocalKey) String() string   { return "local key " + k.addr.Hex() + " (private key redacted)" }
func (k *LocalKey) GoString() string { return "signer.LocalKey{" + k.addr.Hex() + ", <redacted>}" }

// LogValue keeps the key out of structured logs.
func (k *LocalKey) LogValue() slog.Value {
	return slog.GroupValue(slog.String("kind", "local"), slog.String("address", k.addr.Hex()))
}

// Format covers every verb (%x, %+v on a value copy, ...) so no formatting path prints the key.
func (k *LocalKey) Format(f fmt.State, verb rune) {
	if verb == 'v' && f.Flag('#') {
		fmt.Fprint(f, k.GoString())
		return
	}
	fmt.Fprint(f, k.String())
}

// SignerFn adapts a Sender to the bind.SignerFn the transaction manager takes. It refuses to
// sign for any address but the sender's.
func SignerFn(s Sender, chainID *big.Int) bind.SignerFn {
	return func(from common.Address, tx *types.Transaction) (*types.Transaction, error) {
		if from != s.Address() {
			return nil, fmt.Errorf("sender %s asked to sign for %s", s.Address().Hex(), from.Hex())
		}
		return s.SignTx(tx, chainID)
	}
}
