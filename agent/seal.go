package agent

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/ecdsa"
	"crypto/rand"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/ethereum/go-ethereum/crypto"
)

// Sealer is implemented by providers whose TEE can derive a secret bound to the guest's
// identity, such as SEV-SNP's MSG_KEY_REQ (agent/sevsnp). TDX has no such facility, so a
// TDX subject key lives only as long as the process.
type Sealer interface {
	// SealingKey returns the same 32 bytes on every boot of the same guest image on the same
	// machine, and different bytes for any other image.
	SealingKey() ([32]byte, error)
}

// sealMagic heads a sealed key file; it is also the AES-GCM additional data, so a file of
// another format or version never decrypts as this one.
var sealMagic = []byte("teeoracle sealed subject key v2\n")

// sealMagicV1 headed files sealed before the SEV-SNP sealing key covered HOST_DATA.
var sealMagicV1 = []byte("teeoracle sealed subject key v1\n")

// loadOrCreateSealedKey returns the subject key sealed at path, or generates one and seals
// it there. The file holds AES-256-GCM(sealing key, secp256k1 scalar): readable by anyone
// who can read the disk, decryptable only inside the same guest image on the same machine.
func loadOrCreateSealedKey(path string, s Sealer) (key *ecdsa.PrivateKey, created bool, err error) {
	sk, err := s.SealingKey()
	if err != nil {
		return nil, false, fmt.Errorf("deriving the sealing key: %w", err)
	}
	block, err := aes.NewCipher(sk[:])
	if err != nil {
		return nil, false, err
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, false, err
	}
	b, err := os.ReadFile(path)
	switch {
	case err == nil:
		if bytes.HasPrefix(b, sealMagicV1) {
			return nil, false, fmt.Errorf("%s was sealed by an older agent (format v1, not bound to HOST_DATA) and is not read any more: move it away to seal a new subject key, and attest that key", path)
		}
		rest, ok := bytes.CutPrefix(b, sealMagic)
		if !ok || len(rest) < aead.NonceSize() {
			return nil, false, fmt.Errorf("%s is not a sealed subject key (want a file written by teeoracle agent)", path)
		}
		scalar, err := aead.Open(nil, rest[:aead.NonceSize()], rest[aead.NonceSize():], sealMagic)
		if err != nil {
			return nil, false, fmt.Errorf("%s does not unseal in this TEE: it was sealed by another guest image or machine, or altered", path)
		}
		key, err := crypto.ToECDSA(scalar)
		if err != nil {
			return nil, false, fmt.Errorf("%s holds an invalid secp256k1 key: %w", path, err)
		}
		return key, false, nil
	case errors.Is(err, fs.ErrNotExist):
	default:
		return nil, false, err
	}

	if key, err = crypto.GenerateKey(); err != nil {
		return nil, false, err
	}
	nonce := make([]byte, aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return nil, false, err
	}
	out := append(append(bytes.Clone(sealMagic), nonce...), aead.Seal(nil, nonce, crypto.FromECDSA(key), sealMagic)...)
	// Write then rename, so a crash never leaves a truncated file that would fail to unseal
	// and lose the key.
	tmp, err := os.CreateTemp(filepath.Dir(path), ".sealed-key-*")
	if err != nil {
		return nil, false, err
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return nil, false, err
	}
	if _, err := tmp.Write(out); err != nil {
		tmp.Close()
		return nil, false, err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return nil, false, err
	}
	if err := tmp.Close(); err != nil {
		return nil, false, err
	}
	// Link rather than rename: if another agent sealed a key at path meanwhile, keep that
	// one and fail, instead of silently replacing an attested subject.
	if err := os.Link(tmp.Name(), path); err != nil {
		return nil, false, fmt.Errorf("sealing the subject key to %s: %w", path, err)
	}
	return key, true, nil
}
