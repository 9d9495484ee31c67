package signer

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"net/url"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"
)

// Remote is a Sender whose key lives in a remote signer reached over JSON-RPC
// eth_signTransaction (clef, Web3Signer): the relayer never holds the gas key.
type Remote struct {
	client  *rpc.Client
	addr    common.Address
	where   string        // endpoint with any credentials removed, for messages
	Timeout time.Duration // per signing request; default 10s
}

var _ Sender = (*Remote)(nil)

// DialRemote connects to the signer at endpoint (http(s), ws(s) or IPC path) that holds the
// key of addr.
func DialRemote(ctx context.Context, endpoint string, addr common.Address) (*Remote, error) {
	where := redactURL(endpoint)
	c, err := rpc.DialContext(ctx, endpoint)
	if err != nil {
		return nil, fmt.Errorf("dial remote signer %s: %w", where, err)
	}
	return &Remote{client: c, addr: addr, where: where, Timeout: 10 * time.Second}, nil
}

// Close closes the connection.
func (r *Remote) Close() { r.client.Close() }

// Address returns the sender address the remote signer signs for.
func (r *Remote) Address() common.Address { return r.addr }

// txArgs is eth_signTransaction's parameter, as clef's SendTxArgs and Web3Signer read it.
type txArgs struct {
	From                 common.Address  `json:"from"`
	To                   *common.Address `json:"to,omitempty"`
	Gas                  hexutil.Uint64  `json:"gas"`
	MaxFeePerGas         *hexutil.Big    `json:"maxFeePerGas"`
	MaxPriorityFeePerGas *hexutil.Big    `json:"maxPriorityFeePerGas"`
	Value                *hexutil.Big    `json:"value"`
	Nonce                hexutil.Uint64  `json:"nonce"`
	Data                 hexutil.Bytes   `json:"data"`
	ChainID              *hexutil.Big    `json:"chainId"`
}

// SignTx asks the remote signer to sign tx (an EIP-1559 transaction) and checks that what
// comes back is tx, signed by the sender, for chainID.
func (r *Remote) SignTx(tx *types.Transaction, chainID *big.Int) (*types.Transaction, error) {
	ctx, cancel := context.WithTimeout(context.Background(), r.timeout())
	defer cancel()
	return r.SignTxContext(ctx, tx, chainID)
}

// SignTxContext is SignTx with a caller's context.
func (r *Remote) SignTxContext(ctx context.Context, tx *types.Transaction, chainID *big.Int) (*types.Transaction, error) {
	if chainID == nil {
		return nil, errors.New("sign tx: no chain id")
	}
	if tx.Type() != types.DynamicFeeTxType {
		return nil, fmt.Errorf("remote signer: tx type %d, want %d (EIP-1559)", tx.Type(), types.DynamicFeeTxType)
	}
	args := txArgs{
		From: r.addr, To: tx.To(), Gas: hexutil.Uint64(tx.Gas()),
		MaxFeePerGas: (*hexutil.Big)(tx.GasFeeCap()), MaxPriorityFeePerGas: (*hexutil.Big)(tx.GasTipCap()),
		Value: (*hexutil.Big)(tx.Value()), Nonce: hexutil.Uint64(tx.Nonce()), Data: tx.Data(),
		ChainID: (*hexutil.Big)(chainID),
	}
	var res json.RawMessage
	if err := r.client.CallContext(ctx, &res, "eth_signTransaction", args); err != nil {
		return nil, fmt.Errorf("remote signer %s: eth_signTransaction: %w", r.where, err)
	}
	raw, err := rawFromResult(res)
	if err != nil {
		return nil, fmt.Errorf("remote signer %s: %w", r.where, err)
	}
	signed := new(types.Transaction)
	if err := signed.UnmarshalBinary(raw); err != nil {
		return nil, fmt.Errorf("remote signer %s returned an undecodable transaction: %w", r.where, err)
	}
	// Trust the signer to sign, not to choose: the result must be our tx, from our address.
	s := types.LatestSignerForChainID(chainID)
	want := types.NewTx(&types.DynamicFeeTx{
		ChainID: chainID, Nonce: tx.Nonce(), GasTipCap: tx.GasTipCap(), GasFeeCap: tx.GasFeeCap(),
		Gas: tx.Gas(), To: tx.To(), Value: tx.Value(), Data: tx.Data(), AccessList: tx.AccessList(),
	})
	if s.Hash(signed) != s.Hash(want) {
		return nil, fmt.Errorf("remote signer %s signed a different transaction than requested", r.where)
	}
	from, err := types.Sender(s, signed)
	if err != nil {
		return nil, fmt.Errorf("remote signer %s returned a bad signature: %w", r.where, err)
	}
	if from != r.addr {
		return nil, fmt.Errorf("remote signer %s signed as %s, want %s", r.where, from.Hex(), r.addr.Hex())
	}
	return signed, nil
}

// rawFromResult accepts both answers in use: the raw transaction as a hex string
// (Web3Signer) and clef's {"raw": "0x…", "tx": {…}}.
func rawFromResult(res json.RawMessage) ([]byte, error) {
	var s hexutil.Bytes
	if err := json.Unmarshal(res, &s); err == nil {
		return s, nil
	}
	var obj struct {
		Raw hexutil.Bytes `json:"raw"`
	}
	if err := json.Unmarshal(res, &obj); err != nil || len(obj.Raw) == 0 {
		return nil, errors.New(`eth_signTransaction result is neither a hex string nor {"raw": "0x…"}`)
	}
	return obj.Raw, nil
}

func (r *Remote) timeout() time.Duration {
	if r.Timeout > 0 {
		return r.Timeout
	}
	return 10 * time.Second
}

func (r *Remote) String() string { return "remote signer " + r.where + " for " + r.addr.Hex() }

// LogValue logs the endpoint without credentials.
func (r *Remote) LogValue() slog.Value {
	return slog.GroupValue(slog.String("kind", "remote"), slog.String("endpoint", r.where),
		slog.String("address", r.addr.Hex()))
}

// redactURL drops user:password from an endpoint URL; a signer endpoint may carry basic-auth
// credentials and must not leak them into errors or logs.
func redactURL(endpoint string) string {
	u, err := url.Parse(endpoint)
	if err != nil || u.User == nil {
		return endpoint
	}
	u.User = url.User("redacted")
	return u.String()
}
