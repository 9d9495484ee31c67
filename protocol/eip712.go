package protocol

import (
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// Attestation is the EIP-712 message relayers sign (docs/protocol.md section 4). Its fields
// mirror the registry's Attestation struct.
type Attestation struct {
	Subject         common.Address
	TEEType         TEEType
	MeasurementHash common.Hash
	TCBStatus       TCBStatus
	IssuedAt        uint64
	ExpiresAt       uint64
	Nonce           common.Hash
	QuoteHash       common.Hash
	AppData         common.Hash
}

// Domain is the EIP-712 domain of one registry deployment.
type Domain struct {
	ChainID  uint64
	Registry common.Address
}

const (
	domainName    = "teeoracle AttestationRegistry"
	domainVersion = "1"
)

var (
	domainTypeHash = crypto.Keccak256Hash([]byte(
		"EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"))
	// AttestationTypeHash is keccak256 of the EIP-712 type string of Attestation.
	AttestationTypeHash = crypto.Keccak256Hash([]byte(
		"Attestation(address subject,uint8 teeType,bytes32 measurementHash,uint8 tcbStatus," +
			"uint64 issuedAt,uint64 expiresAt,bytes32 nonce,bytes32 quoteHash,bytes32 appData)"))
	nameHash    = crypto.Keccak256Hash([]byte(domainName))
	versionHash = crypto.Keccak256Hash([]byte(domainVersion))
)

// Separator returns the EIP-712 domain separator.
func (d Domain) Separator() common.Hash {
	var buf [5 * 32]byte
	copy(buf[0:32], domainTypeHash[:])
	copy(buf[32:64], nameHash[:])
	copy(buf[64:96], versionHash[:])
	new(big.Int).SetUint64(d.ChainID).FillBytes(buf[96:128])
	copy(buf[128+12:160], d.Registry[:])
	return crypto.Keccak256Hash(buf[:])
}

// StructHash returns hashStruct(a).
func (a *Attestation) StructHash() common.Hash {
	var buf [10 * 32]byte
	w := func(i int) []byte { return buf[i*32 : (i+1)*32] }
	copy(w(0), AttestationTypeHash[:])
	copy(w(1)[12:], a.Subject[:])
	w(2)[31] = byte(a.TEEType)
	copy(w(3), a.MeasurementHash[:])
	w(4)[31] = byte(a.TCBStatus)
	new(big.Int).SetUint64(a.IssuedAt).FillBytes(w(5))
	new(big.Int).SetUint64(a.ExpiresAt).FillBytes(w(6))
	copy(w(7), a.Nonce[:])
	copy(w(8), a.QuoteHash[:])
	copy(w(9), a.AppData[:])
	return crypto.Keccak256Hash(buf[:])
}

// Digest returns the EIP-712 digest of a under d: keccak256(0x1901 || separator || hashStruct(a)).
func (d Domain) Digest(a *Attestation) common.Hash {
	sep := d.Separator()
	sh := a.StructHash()
	return crypto.Keccak256Hash([]byte{0x19, 0x01}, sep[:], sh[:])
}

// Sign signs digest with key, returning the 65-byte r||s||v signature (v = 27 or 28, low s)
// that the registry accepts.
func Sign(key *ecdsa.PrivateKey, digest common.Hash) ([]byte, error) {
	sig, err := crypto.Sign(digest[:], key)
	if err != nil {
		return nil, fmt.Errorf("sign attestation digest: %w", err)
	}
	sig[64] += 27
	return sig, nil
}

// secp256k1 half order: signatures with s above it are malleable and the registry rejects them.
var secp256k1HalfN = new(big.Int).Rsh(crypto.S256().Params().N, 1)

// Recover returns the address that produced sig over digest, applying the registry's rules:
// 65 bytes, v of 27 or 28, s in the lower half of the curve order.
func Recover(digest common.Hash, sig []byte) (common.Address, error) {
	if len(sig) != 65 {
		return common.Address{}, fmt.Errorf("signature is %d bytes, want 65 (r||s||v)", len(sig))
	}
	if v := sig[64]; v != 27 && v != 28 {
		return common.Address{}, fmt.Errorf("signature v is %d, want 27 or 28", v)
	}
	if new(big.Int).SetBytes(sig[32:64]).Cmp(secp256k1HalfN) > 0 {
		return common.Address{}, errors.New("signature s is in the upper half of the curve order (malleable)")
	}
	norm := append([]byte(nil), sig...)
	norm[64] -= 27
	pub, err := crypto.SigToPub(digest[:], norm)
	if err != nil {
		return common.Address{}, fmt.Errorf("recover signer: %w", err)
	}
	return crypto.PubkeyToAddress(*pub), nil
}
