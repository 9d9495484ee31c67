package protocol

import (
	"fmt"
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/common/math"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"
)

func TestTCBMeets(t *testing.T) {
	cases := []struct {
		s, m TCBStatus
		want bool
	}{
		{TCBNotEvaluated, 0, true}, {TCBOutOfDate, 0, true},
		{TCBNotEvaluated, TCBUpToDate, false}, {TCBUpToDate, TCBUpToDate, true},
		{TCBSWHardeningNeeded, TCBUpToDate, false}, {TCBSWHardeningNeeded, TCBSWHardeningNeeded, true},
		{TCBOutOfDate, TCBSWHardeningNeeded, false}, {TCBOutOfDateConfigurationNeeded, TCBOutOfDateConfigurationNeeded, true},
	}
	for _, c := range cases {
		if got := c.s.Meets(c.m); got != c.want {
			t.Errorf("%s.Meets(%s) = %v, want %v", c.s, c.m, got, c.want)
		}
	}
}

func TestParseTEEType(t *testing.T) {
	for _, tee := range []TEEType{TEESevSnp, TEETDX} {
		if got, err := ParseTEEType(tee.String()); err != nil || got != tee {
			t.Errorf("ParseTEEType(%q) = %v, %v", tee.String(), got, err)
		}
	}
	if _, err := ParseTEEType("sgx"); err == nil {
		t.Error("ParseTEEType(sgx) accepted an unknown TEE")
	}
}

func TestParseTCBStatus(t *testing.T) {
	for s := TCBNotEvaluated; s <= TCBOutOfDateConfigurationNeeded; s++ {
		for _, in := range []string{s.String(), strings.ToLower(s.String()), fmt.Sprint(uint8(s))} {
			if got, err := ParseTCBStatus(in); err != nil || got != s {
				t.Errorf("ParseTCBStatus(%q) = %v, %v, want %v", in, got, err, s)
			}
		}
	}
	for _, in := range []string{"", "7", "-1", "Revoked", "uptodate2"} {
		if _, err := ParseTCBStatus(in); err == nil {
			t.Errorf("ParseTCBStatus(%q) accepted it", in)
		}
	}
}

// ReportData must equal keccak256(abi.encode(tag, chainId, registry, subject, nonce)) || appData,
// computed here with go-ethereum's ABI encoder rather than by hand.
func TestReportDataMatchesABIEncoding(t *testing.T) {
	b := Binding{ChainID: 31337, Registry: common.HexToAddress("0x5FbDB2315678afecb367f032d93F642f64180aa3"),
		Subject: common.HexToAddress("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"),
		Nonce:   common.HexToHash("0xfeed"), AppData: common.HexToHash("0xa11ce")}
	ty := func(s string) abi.Type { t, _ := abi.NewType(s, "", nil); return t }
	args := abi.Arguments{{Type: ty("bytes32")}, {Type: ty("uint256")}, {Type: ty("address")}, {Type: ty("address")}, {Type: ty("bytes32")}}
	enc, err := args.Pack(crypto.Keccak256Hash([]byte("teeoracle.attestation.v1")), new(big.Int).SetUint64(b.ChainID), b.Registry, b.Subject, b.Nonce)
	if err != nil {
		t.Fatal(err)
	}
	rd := b.ReportData()
	if want := crypto.Keccak256(enc); !equal(rd[:32], want) {
		t.Fatalf("report_data[0:32] = %x, want %x", rd[:32], want)
	}
	if !equal(rd[32:], b.AppData[:]) {
		t.Fatalf("report_data[32:64] = %x, want appData %x", rd[32:], b.AppData)
	}
	// Every bound field changes the binding.
	for name, change := range map[string]func(*Binding){
		"chain": func(b *Binding) { b.ChainID++ }, "registry": func(b *Binding) { b.Registry[0] ^= 1 },
		"subject": func(b *Binding) { b.Subject[0] ^= 1 }, "nonce": func(b *Binding) { b.Nonce[0] ^= 1 },
	} {
		c := b
		change(&c)
		if c.ReportData() == rd {
			t.Errorf("changing the %s does not change report_data", name)
		}
	}
}

func equal(a, b []byte) bool { return string(a) == string(b) }

// The EIP-712 digest must match go-ethereum's independent typed-data implementation.
func TestDigestMatchesTypedData(t *testing.T) {
	d := Domain{ChainID: 8453, Registry: common.HexToAddress("0x00000000000000000000000000000000000c0ffe")}
	a := &Attestation{Subject: common.HexToAddress("0x5eb7ec7"), TEEType: TEETDX, MeasurementHash: common.HexToHash("0x6d"),
		TCBStatus: TCBSWHardeningNeeded, IssuedAt: 1_790_000_000, ExpiresAt: 1_790_086_400,
		Nonce: common.HexToHash("0x6e"), QuoteHash: common.HexToHash("0x71"), AppData: common.HexToHash("0xa0")}
	td := apitypes.TypedData{
		Types: apitypes.Types{
			"EIP712Domain": {{Name: "name", Type: "string"}, {Name: "version", Type: "string"}, {Name: "chainId", Type: "uint256"}, {Name: "verifyingContract", Type: "address"}},
			"Attestation": {{Name: "subject", Type: "address"}, {Name: "teeType", Type: "uint8"}, {Name: "measurementHash", Type: "bytes32"},
				{Name: "tcbStatus", Type: "uint8"}, {Name: "issuedAt", Type: "uint64"}, {Name: "expiresAt", Type: "uint64"},
				{Name: "nonce", Type: "bytes32"}, {Name: "quoteHash", Type: "bytes32"}, {Name: "appData", Type: "bytes32"}},
		},
		PrimaryType: "Attestation",
		Domain: apitypes.TypedDataDomain{Name: "teeoracle AttestationRegistry", Version: "1",
			ChainId: math.NewHexOrDecimal256(int64(d.ChainID)), VerifyingContract: d.Registry.Hex()},
		Message: apitypes.TypedDataMessage{
			"subject": a.Subject.Hex(), "teeType": "2", "measurementHash": a.MeasurementHash.Hex(), "tcbStatus": "2",
			"issuedAt": "1790000000", "expiresAt": "1790086400", "nonce": a.Nonce.Hex(), "quoteHash": a.QuoteHash.Hex(), "appData": a.AppData.Hex(),
		},
	}
	want, _, err := apitypes.TypedDataAndHash(td)
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Digest(a); !equal(got[:], want) {
		t.Fatalf("Digest = %s, typed-data hash = %s", got.Hex(), hexutil.Encode(want))
	}
}

func TestSignRecoverAndMalleability(t *testing.T) {
	key, _ := crypto.GenerateKey()
	digest := crypto.Keccak256Hash([]byte("x"))
	sig, err := Sign(key, digest)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := Recover(digest, sig); err != nil || got != crypto.PubkeyToAddress(key.PublicKey) {
		t.Fatalf("Recover = %s, %v", got.Hex(), err)
	}
	// The high-s twin of a valid signature recovers the same key but must be refused.
	high := append([]byte(nil), sig...)
	s := new(big.Int).SetBytes(high[32:64])
	new(big.Int).Sub(crypto.S256().Params().N, s).FillBytes(high[32:64])
	high[64] ^= 1
	if _, err := Recover(digest, high); err == nil {
		t.Fatal("Recover accepted a high-s signature")
	}
	if _, err := Recover(digest, sig[:64]); err == nil {
		t.Fatal("Recover accepted a 64-byte signature")
	}
}

func TestMeasurementHashes(t *testing.T) {
	var m [48]byte
	var hd [32]byte
	m[0], hd[31] = 0xaa, 0xbb
	want := crypto.Keccak256Hash(append(append([]byte{1}, m[:]...), hd[:]...))
	if got := SNPMeasurementHash(m, hd); got != want {
		t.Fatalf("SNPMeasurementHash = %s, want %s", got.Hex(), want.Hex())
	}
	var r TDXRegisters
	r.MRTD[0], r.RTMR3[47], r.MROwnerConfig[5] = 1, 2, 3
	buf := []byte{2}
	for _, reg := range [][48]byte{r.MRTD, r.RTMR0, r.RTMR1, r.RTMR2, r.RTMR3, r.MRConfigID, r.MROwner, r.MROwnerConfig} {
		buf = append(buf, reg[:]...)
	}
	if got, want := TDXMeasurementHash(r), crypto.Keccak256Hash(buf); got != want {
		t.Fatalf("TDXMeasurementHash = %s, want %s", got.Hex(), want.Hex())
	}
	if len(buf) != 1+8*48 {
		t.Fatalf("TDX preimage is %d bytes, want 385", len(buf))
	}
}

// The agent URL claim commits to every field: changing any one changes the digest, and the
// layout is the documented packed encoding.
func TestAgentURLDigest(t *testing.T) {
	b := Binding{ChainID: 31337, Registry: common.HexToAddress("0x5FbDB2315678afecb367f032d93F642f64180aa3"),
		Subject: common.HexToAddress("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"), Nonce: common.HexToHash("0x01")}
	url := "https://agent.example:8443"
	packed := append(crypto.Keccak256([]byte("teeoracle.agent-url.v1")), 0, 0, 0, 0, 0, 0, 0x7a, 0x69)
	packed = append(append(append(packed, b.Registry[:]...), b.Subject[:]...), b.Nonce[:]...)
	packed = append(packed, crypto.Keccak256([]byte(url))...)
	d := AgentURLDigest(b, url)
	if d != crypto.Keccak256Hash(packed) {
		t.Fatalf("digest %s, want keccak256 of the packed fields", d)
	}
	other := []Binding{b, b, b, b}
	other[0].ChainID++
	other[1].Registry[0] ^= 1
	other[2].Subject[0] ^= 1
	other[3].Nonce[0] ^= 1
	for i, o := range other {
		if AgentURLDigest(o, url) == d {
			t.Errorf("field %d changed, digest did not", i)
		}
	}
	if AgentURLDigest(b, url+"/") == d {
		t.Error("the URL changed, digest did not")
	}
}
