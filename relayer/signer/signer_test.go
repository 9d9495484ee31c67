package signer_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/google/uuid"

	"github.com/teeoracle/teeoracle/protocol"
	"github.com/teeoracle/teeoracle/relayer/signer"
)

func writeKeystore(t *testing.T, key *ecdsa.PrivateKey, password string) string {
	t.Helper()
	blob, err := keystore.EncryptKey(&keystore.Key{
		Id: uuid.New(), Address: crypto.PubkeyToAddress(key.PublicKey), PrivateKey: key,
	}, password, keystore.LightScryptN, keystore.LightScryptP)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "key.json")
	if err := os.WriteFile(path, blob, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func writeFile(t *testing.T, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "password")
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestKeystoreRoundtrip(t *testing.T) {
	key, _ := crypto.GenerateKey()
	// A trailing line break (as editors write) is not part of the password; inner spaces are.
	for _, content := range []string{"correct horse ", "correct horse \n", "correct horse \r\n"} {
		got, err := signer.LoadKeystore(writeKeystore(t, key, "correct horse "), writeFile(t, content))
		if err != nil {
			t.Fatalf("password file %q: %v", content, err)
		}
		if !got.Equal(key) {
			t.Fatalf("password file %q: decrypted a different key", content)
		}
	}
}

func TestKeystoreWrongPasswordSaysSo(t *testing.T) {
	key, _ := crypto.GenerateKey()
	ks := writeKeystore(t, key, "right")
	_, err := signer.LoadKeystore(ks, writeFile(t, "wrong\n"))
	if err == nil || !strings.Contains(err.Error(), "wrong password") || !strings.Contains(err.Error(), ks) {
		t.Fatalf("err = %v, want it to name the keystore and say the password is wrong", err)
	}
	if strings.Contains(err.Error(), "right") {
		t.Fatal("error leaks the password")
	}
	if _, err := signer.LoadKeystore(ks, filepath.Join(t.TempDir(), "missing")); err == nil ||
		!strings.Contains(err.Error(), "read password file") {
		t.Fatalf("missing password file: err = %v", err)
	}
	if _, err := signer.LoadKeystore(writeFile(t, "{not json"), writeFile(t, "x")); err == nil ||
		!strings.Contains(err.Error(), "want a go-ethereum v3 keystore") {
		t.Fatalf("garbage keystore: err = %v", err)
	}
}

func TestRawHexKeyRefusedWithoutDevFlag(t *testing.T) {
	key, _ := crypto.GenerateKey()
	hex := hexutil.Encode(crypto.FromECDSA(key))
	_, err := signer.FromHex(hex, false)
	if !errors.Is(err, signer.ErrRawKeyRefused) || !strings.Contains(err.Error(), "--allow-raw-keys") {
		t.Fatalf("err = %v, want ErrRawKeyRefused naming --allow-raw-keys", err)
	}
	for _, in := range []string{hex, hex[2:], " " + hex + "\n"} {
		got, err := signer.FromHex(in, true)
		if err != nil || !got.Equal(key) {
			t.Fatalf("FromHex(allowRaw) = %v, %v; want the key", got, err)
		}
	}
	bad := strings.Repeat("zz", 32)
	if _, err := signer.FromHex(bad, true); err == nil || strings.Contains(err.Error(), bad) {
		t.Fatalf("bad hex: err = %v, want an error that does not echo the input", err)
	}
}

var halfN = new(big.Int).Rsh(crypto.S256().Params().N, 1)

func TestAttesterSignatureRecoversAndIsLowS(t *testing.T) {
	key, _ := crypto.GenerateKey()
	var a signer.Attester = signer.NewLocalKey(key)
	if a.Address() != crypto.PubkeyToAddress(key.PublicKey) {
		t.Fatal("attester address is not the key's")
	}
	for i := 0; i < 64; i++ {
		digest := crypto.Keccak256Hash([]byte{byte(i)})
		sig, err := a.SignDigest(digest)
		if err != nil {
			t.Fatal(err)
		}
		if len(sig) != 65 || (sig[64] != 27 && sig[64] != 28) {
			t.Fatalf("signature %x: want 65 bytes ending in v = 27 or 28", sig)
		}
		if new(big.Int).SetBytes(sig[32:64]).Cmp(halfN) > 0 {
			t.Fatalf("signature %x has high s", sig)
		}
		got, err := protocol.Recover(digest, sig)
		if err != nil || got != a.Address() {
			t.Fatalf("Recover = %s, %v; want %s", got.Hex(), err, a.Address().Hex())
		}
	}
}

func TestSecretsAreRedacted(t *testing.T) {
	key, _ := crypto.GenerateKey()
	secret := fmt.Sprintf("%x", crypto.FromECDSA(key))
	k := signer.NewLocalKey(key)
	var logs bytes.Buffer
	slog.New(slog.NewJSONHandler(&logs, nil)).Info("loaded", "attester", k)
	outputs := []string{
		fmt.Sprint(k), fmt.Sprintf("%v %+v %#v %s %x", k, k, k, k, k),
		fmt.Sprintf("%+v", struct{ K *signer.LocalKey }{k}), logs.String(),
	}
	for _, out := range outputs {
		if strings.Contains(out, secret) || strings.Contains(out, key.D.String()) {
			t.Fatalf("output leaks the private key: %s", out)
		}
	}
	if !strings.Contains(logs.String(), k.Address().Hex()) {
		t.Fatalf("log %s does not name the address", logs.String())
	}
}

// remoteSigner is an eth_signTransaction endpoint in the style of clef / Web3Signer that
// signs with key. clefStyle answers {"raw", "tx"} instead of a bare hex string; signAs, when
// set, signs with another key (a misconfigured or hostile signer).
type remoteSigner struct {
	key       *ecdsa.PrivateKey
	signAs    *ecdsa.PrivateKey
	clefStyle bool
	calls     int
}

func (s *remoteSigner) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var req struct {
		ID     json.RawMessage `json:"id"`
		Method string          `json:"method"`
		Params []struct {
			From                 common.Address  `json:"from"`
			To                   *common.Address `json:"to"`
			Gas                  hexutil.Uint64  `json:"gas"`
			MaxFeePerGas         *hexutil.Big    `json:"maxFeePerGas"`
			MaxPriorityFeePerGas *hexutil.Big    `json:"maxPriorityFeePerGas"`
			Value                *hexutil.Big    `json:"value"`
			Nonce                hexutil.Uint64  `json:"nonce"`
			Data                 hexutil.Bytes   `json:"data"`
			ChainID              *hexutil.Big    `json:"chainId"`
		} `json:"params"`
	}
	reply := func(result any, rpcErr string) {
		out := map[string]any{"jsonrpc": "2.0", "id": req.ID}
		if rpcErr != "" {
			out["error"] = map[string]any{"code": -32000, "message": rpcErr}
		} else {
			out["result"] = result
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(out)
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil || req.Method != "eth_signTransaction" || len(req.Params) != 1 {
		reply(nil, "bad request")
		return
	}
	s.calls++
	p := req.Params[0]
	if p.From != crypto.PubkeyToAddress(s.key.PublicKey) {
		reply(nil, "unknown account")
		return
	}
	tx := types.NewTx(&types.DynamicFeeTx{
		ChainID: p.ChainID.ToInt(), Nonce: uint64(p.Nonce), GasTipCap: p.MaxPriorityFeePerGas.ToInt(),
		GasFeeCap: p.MaxFeePerGas.ToInt(), Gas: uint64(p.Gas), To: p.To, Value: p.Value.ToInt(), Data: p.Data,
	})
	k := s.key
	if s.signAs != nil {
		k = s.signAs
	}
	signed, err := types.SignTx(tx, types.LatestSignerForChainID(p.ChainID.ToInt()), k)
	if err != nil {
		reply(nil, err.Error())
		return
	}
	raw, _ := signed.MarshalBinary()
	if s.clefStyle {
		reply(map[string]any{"raw": hexutil.Bytes(raw), "tx": signed}, "")
		return
	}
	reply(hexutil.Bytes(raw), "")
}

func testTx() *types.Transaction {
	to := common.HexToAddress("0x5eb7ec7")
	return types.NewTx(&types.DynamicFeeTx{
		ChainID: big.NewInt(1337), Nonce: 7, GasTipCap: big.NewInt(1e9), GasFeeCap: big.NewInt(3e9),
		Gas: 100_000, To: &to, Value: big.NewInt(5), Data: []byte("attest"),
	})
}

func TestRemoteSenderRoundtrip(t *testing.T) {
	key, _ := crypto.GenerateKey()
	addr := crypto.PubkeyToAddress(key.PublicKey)
	chainID := big.NewInt(1337)
	for _, clef := range []bool{false, true} {
		srv := &remoteSigner{key: key, clefStyle: clef}
		ts := httptest.NewServer(srv)
		defer ts.Close()
		r, err := signer.DialRemote(context.Background(), ts.URL, addr)
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		signed, err := r.SignTx(testTx(), chainID)
		if err != nil {
			t.Fatalf("clef style %v: %v", clef, err)
		}
		// Signatures are deterministic (RFC 6979): the remote result equals a local signature.
		local, err := signer.NewLocalKey(key).SignTx(testTx(), chainID)
		if err != nil {
			t.Fatal(err)
		}
		if signed.Hash() != local.Hash() || srv.calls != 1 {
			t.Fatalf("clef style %v: remote tx %s, local %s, %d calls", clef, signed.Hash().Hex(), local.Hash().Hex(), srv.calls)
		}
		fn := signer.SignerFn(r, chainID)
		if _, err := fn(common.HexToAddress("0x01"), testTx()); err == nil {
			t.Fatal("SignerFn signed for another address")
		}
	}
}

func TestRemoteSenderRejectsWrongSignerAndErrors(t *testing.T) {
	key, _ := crypto.GenerateKey()
	other, _ := crypto.GenerateKey()
	addr := crypto.PubkeyToAddress(key.PublicKey)

	ts := httptest.NewServer(&remoteSigner{key: key, signAs: other})
	defer ts.Close()
	r, err := signer.DialRemote(context.Background(), ts.URL, addr)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if _, err := r.SignTx(testTx(), big.NewInt(1337)); err == nil || !strings.Contains(err.Error(), "want "+addr.Hex()) {
		t.Fatalf("tx signed by another key: err = %v, want it refused", err)
	}

	// The signer's own refusal comes back as an error; credentials in the URL never do.
	stranger, _ := crypto.GenerateKey()
	u := strings.Replace(ts.URL, "http://", "http://user:s3cret@", 1)
	r2, err := signer.DialRemote(context.Background(), u, crypto.PubkeyToAddress(stranger.PublicKey))
	if err != nil {
		t.Fatal(err)
	}
	defer r2.Close()
	_, err = r2.SignTx(testTx(), big.NewInt(1337))
	if err == nil || !strings.Contains(err.Error(), "unknown account") {
		t.Fatalf("err = %v, want the signer's refusal", err)
	}
	if strings.Contains(err.Error(), "s3cret") || strings.Contains(fmt.Sprint(r2), "s3cret") {
		t.Fatalf("credentials leaked: %v / %v", err, r2)
	}
}
