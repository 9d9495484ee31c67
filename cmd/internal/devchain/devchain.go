// Package devchain runs an in-process EVM chain (go-ethereum's simulated backend) with funded
// accounts, for `teeoracle dev` and `teeoracle bench`. It lives under cmd/ because nothing on
// the production path may depend on the simulated backend.
package devchain

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"net"
	"strconv"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/params"
)

// Chain is a simulated chain whose blocks are mined on Commit.
type Chain struct {
	Sim     *simulated.Backend
	Client  simulated.Client
	ChainID *big.Int
	Keys    []*ecdsa.PrivateKey // funded accounts
}

// New starts a chain with n funded accounts derived from seed, so addresses are stable across
// runs (dev keys only: they are public by construction).
func New(n int, seed string) *Chain { return NewWithRPC(n, seed, "") }

// NewWithRPC is New with the node's JSON-RPC served over HTTP on rpcAddr (host:port; port 0
// picks a free one), so cast, wallets and other processes can use the chain. Empty: no RPC.
func NewWithRPC(n int, seed, rpcAddr string) *Chain {
	alloc := types.GenesisAlloc{}
	keys := make([]*ecdsa.PrivateKey, n)
	for i := range keys {
		k, err := crypto.ToECDSA(crypto.Keccak256([]byte(fmt.Sprintf("%s/%d", seed, i))))
		if err != nil {
			panic(err) // keccak output is a valid key with overwhelming probability
		}
		keys[i] = k
		alloc[crypto.PubkeyToAddress(k.PublicKey)] = types.Account{Balance: new(big.Int).Lsh(big.NewInt(1), 100)}
	}
	opts := []func(*node.Config, *ethconfig.Config){simulated.WithBlockGasLimit(60_000_000), osaka}
	if rpcAddr != "" {
		host, port, err := net.SplitHostPort(rpcAddr)
		if err != nil {
			panic(fmt.Sprintf("devchain: rpc address %q: %v", rpcAddr, err))
		}
		p, _ := strconv.Atoi(port)
		opts = append(opts, func(nc *node.Config, _ *ethconfig.Config) {
			nc.HTTPHost, nc.HTTPPort = host, p
			nc.HTTPModules = []string{"eth", "net", "web3"}
			nc.HTTPVirtualHosts = []string{"localhost", host}
			nc.HTTPCors = []string{"*"}
		})
	}
	sim := simulated.NewBackend(alloc, opts...)
	client := sim.Client()
	id, err := client.ChainID(context.Background())
	if err != nil {
		panic(fmt.Sprintf("simulated backend has no chain id: %v", err))
	}
	return &Chain{Sim: sim, Client: client, ChainID: id, Keys: keys}
}

// osaka pins the chain to the Osaka rules that Ethereum mainnet runs. The simulated
// backend's default enables every scheduled fork, including state-access repricings
// (EIP-8037/8038) that no public chain runs yet, which would skew gas figures.
func osaka(_ *node.Config, eth *ethconfig.Config) { eth.Genesis.Config = osakaConfig }

var osakaConfig = func() *params.ChainConfig {
	cfg := *params.AllDevChainProtocolChanges
	cfg.AmsterdamTime, cfg.BogotaTime = nil, nil
	return &cfg
}()

// Close stops the chain.
func (c *Chain) Close() error { return c.Sim.Close() }

// Address returns account i's address.
func (c *Chain) Address(i int) common.Address { return crypto.PubkeyToAddress(c.Keys[i].PublicKey) }

// Opts returns transaction options for account i.
func (c *Chain) Opts(i int) *bind.TransactOpts { return bind.NewKeyedTransactor(c.Keys[i], c.ChainID) }

// Mine commits a block and returns tx's receipt.
func (c *Chain) Mine(tx *types.Transaction, err error) (*types.Receipt, error) {
	if err != nil {
		return nil, err
	}
	c.Sim.Commit()
	return c.Client.TransactionReceipt(context.Background(), tx.Hash())
}

// Advance moves the next block's time forward by d and mines it.
func (c *Chain) Advance(d time.Duration) error {
	if err := c.Sim.AdjustTime(d); err != nil {
		return err
	}
	c.Sim.Commit()
	return nil
}

// Now returns the latest block's timestamp.
func (c *Chain) Now(ctx context.Context) (uint64, error) {
	h, err := c.Client.HeaderByNumber(ctx, nil)
	if err != nil {
		return 0, err
	}
	return h.Time, nil
}

// Config returns the chain's fork configuration.
func (c *Chain) Config() *params.ChainConfig { return osakaConfig }
