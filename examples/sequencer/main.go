// Command sequencer is an example rollup sequencer that embeds the teeoracle agent: it
// generates its batch-signing key inside the (here simulated) TEE, registers that key through
// a teeoracle relayer, and submits batches to a SequencerInbox contract that accepts them only
// while the key is attested. Run it against `teeoracle dev`:
//
//	go run ./cmd/teeoracle dev                       # prints the registry and a funded test key
//	go run ./examples/sequencer --insecure-simulated \
//	    --registry 0x… --private-key 0x…             # defaults match teeoracle dev's ports
//
// A real sequencer swaps the simulated provider for agent/sevsnp or agent/tdx and drops
// --insecure-simulated; nothing else changes.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/teeoracle/teeoracle/agent"
	"github.com/teeoracle/teeoracle/agent/simulated"
	"github.com/teeoracle/teeoracle/bindings/sequencerinbox"
	"github.com/teeoracle/teeoracle/relayer/api"
	"github.com/teeoracle/teeoracle/relayer/registry"
	"github.com/teeoracle/teeoracle/verifier"
)

func main() {
	rpc := flag.String("rpc", "http://127.0.0.1:8545", "chain JSON-RPC")
	relayerURL := flag.String("relayer", "http://127.0.0.1:8080", "teeoracle relayer API")
	registryAddr := flag.String("registry", "", "AttestationRegistry address")
	key := flag.String("private-key", "", "funded key that deploys the inbox and pays for batch transactions")
	batches := flag.Int("batches", 5, "batches to submit")
	insecure := flag.Bool("insecure-simulated", false, "use the simulated TEE (development only)")
	image := flag.String("image", "teeoracle dev image 0", "simulated image name; teeoracle dev allowlists \"teeoracle dev image 0\"")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, *rpc, *relayerURL, *registryAddr, *key, *image, *batches, *insecure); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context, rpc, relayerURL, registryAddr, keyHex, image string, batches int, insecure bool) error {
	if !common.IsHexAddress(registryAddr) {
		return errors.New("--registry must be the AttestationRegistry address (teeoracle dev prints it)")
	}
	payer, err := crypto.HexToECDSA(strings.TrimPrefix(keyHex, "0x"))
	if err != nil {
		return errors.New("--private-key must be a funded hex key (teeoracle dev prints one)")
	}
	eth, err := ethclient.DialContext(ctx, rpc)
	if err != nil {
		return err
	}
	chainID, err := eth.ChainID(ctx)
	if err != nil {
		return err
	}

	// 1. The agent, embedded: its key is born inside the TEE and never leaves it.
	var m [48]byte
	copy(m[:], image)
	provider, err := simulated.New(simulated.Options{Insecure: insecure, TEE: verifier.TEESEVSNP, Measurement: m})
	if err != nil {
		return fmt.Errorf("%w (a real sequencer uses agent/sevsnp or agent/tdx)", err)
	}
	// Its evidence endpoint lets the relayer answer re-attestation requests; the agent claims
	// the endpoint's URL with the subject key, which relayers require before recording it.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	agentURL := "http://" + ln.Addr().String()
	a, err := agent.New(agent.Options{Provider: provider, PublicURL: agentURL})
	if err != nil {
		return err
	}
	go http.Serve(ln, a.Handler())
	log.Printf("sequencer key %s (generated in the TEE), agent at %s", a.Subject().Hex(), agentURL)

	// 2. The inbox that gates on the registry.
	reg := registry.New(eth, common.HexToAddress(registryAddr))
	opts := bind.NewKeyedTransactor(payer, chainID)
	opts.Context = ctx
	inboxABI := sequencerinbox.NewSequencerInbox()
	inboxAddr, tx, err := bind.DeployContract(opts, common.FromHex(sequencerinbox.SequencerInboxMetaData.Bin), eth,
		inboxABI.PackConstructor(reg.Address, [32]byte{}))
	if err != nil {
		return fmt.Errorf("deploy SequencerInbox: %w", registry.Decode(err))
	}
	if _, err := bind.WaitDeployed(ctx, eth, tx.Hash()); err != nil {
		return err
	}
	inbox := inboxABI.Instance(eth, inboxAddr)
	log.Printf("SequencerInbox at %s", inboxAddr.Hex())

	// Before registration the inbox refuses the key.
	if err := submit(ctx, eth, inbox, inboxABI, a, opts, 0); err == nil {
		return errors.New("the inbox accepted a batch from an unattested key")
	} else {
		log.Printf("before registration the inbox refuses: %v", err)
	}

	// 3. Register: a relayer challenge, evidence bound to it, submitted with our agent's URL.
	job, err := api.NewClient(relayerURL).Register(ctx, a, chainID.Uint64(), reg.Address, agentURL)
	if err != nil {
		return err
	}
	log.Printf("evidence accepted by the relayer: job %s", job)
	for {
		ok, err := reg.IsAttested(ctx, a.Subject())
		if err != nil {
			return err
		}
		if ok {
			break
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(500 * time.Millisecond):
		}
	}
	log.Printf("registered: isAttested(%s) = true", a.Subject().Hex())

	// 4. Batches, each signed with the attested key.
	for seq := uint64(0); seq < uint64(batches); seq++ {
		if err := submit(ctx, eth, inbox, inboxABI, a, opts, seq); err != nil {
			return fmt.Errorf("batch %d: %w", seq, err)
		}
		log.Printf("batch %d accepted", seq)
	}
	return nil
}

func submit(ctx context.Context, eth *ethclient.Client, inbox *bind.BoundContract, abi *sequencerinbox.SequencerInbox,
	a *agent.Agent, opts *bind.TransactOpts, seq uint64) error {
	data := []byte(fmt.Sprintf("rollup batch %d at %s", seq, time.Now().UTC().Format(time.RFC3339Nano)))
	digest, err := bind.Call(inbox, &bind.CallOpts{Context: ctx}, abi.PackBatchDigest(seq, data), abi.UnpackBatchDigest)
	if err != nil {
		return err
	}
	sig, err := a.SignDigest(digest)
	if err != nil {
		return err
	}
	tx, err := bind.Transact(inbox, opts, abi.PackSubmitBatch(seq, data, sig))
	if err != nil {
		if data, ok := registry.RevertData(err); ok {
			if e, uerr := abi.UnpackError(data); uerr == nil {
				return fmt.Errorf("reverted: %T%+v", e, e)
			}
		}
		return err
	}
	rcpt, err := bind.WaitMined(ctx, eth, tx.Hash())
	if err != nil {
		return err
	}
	if rcpt.Status != 1 {
		return fmt.Errorf("transaction %s reverted", tx.Hash().Hex())
	}
	return nil
}
