package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/teeoracle/teeoracle/protocol"
	"github.com/teeoracle/teeoracle/relayer/registry"
)

// The governance settings beyond the allowlist: relayers, limits, TCB floors and roles.
// Every one is a GOVERNOR_ROLE (roles: the role's admin) transaction that relayers follow
// from its event.

func registrySetRelayers(ctx context.Context, c *registryCmd) error {
	if c.fs.NArg() != 0 {
		return usagef("set-relayers takes no arguments")
	}
	relayers, err := relayerFlags()
	if err != nil {
		return err
	}
	rcpt, _, err := c.send(ctx, func(r *registry.Client, o *bind.TransactOpts) (*types.Transaction, error) {
		return r.SetRelayers(o, relayers, uint8(deployThreshold))
	})
	if err != nil {
		return err
	}
	return c.print(map[string]any{"relayers": relayers, "threshold": deployThreshold, "tx": rcpt.TxHash},
		fmt.Sprintf("relayers are now %d of %v (tx %s)", deployThreshold, relayers, rcpt.TxHash.Hex()))
}

func registrySetLimits(ctx context.Context, c *registryCmd) error {
	if c.fs.NArg() != 0 {
		return usagef("set-limits takes no arguments")
	}
	set := map[string]bool{}
	c.fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if !set["max-attestation-age"] && !set["max-validity"] && !set["response-window"] && !set["cooldown"] {
		return usagef("set-limits needs at least one of --max-attestation-age, --max-validity, --response-window, --cooldown")
	}
	var lim registry.Limits
	rcpt, _, err := c.send(ctx, func(r *registry.Client, o *bind.TransactOpts) (*types.Transaction, error) {
		cur, err := r.Limits(ctx)
		if err != nil {
			return nil, err
		}
		lim = cur
		pick := func(name string, field *uint32, v uint32) {
			if set[name] {
				*field = v
			}
		}
		pick("max-attestation-age", &lim.MaxAttestationAge, newLimits.MaxAttestationAge)
		pick("max-validity", &lim.MaxValidity, newLimits.MaxValidity)
		pick("response-window", &lim.ResponseWindow, newLimits.ResponseWindow)
		pick("cooldown", &lim.Cooldown, newLimits.Cooldown)
		return r.SetLimits(o, lim)
	})
	if err != nil {
		return err
	}
	return c.print(map[string]any{"maxAttestationAge": lim.MaxAttestationAge, "maxValidity": lim.MaxValidity,
		"responseWindow": lim.ResponseWindow, "cooldown": lim.Cooldown, "tx": rcpt.TxHash},
		fmt.Sprintf("limits are now max age %ds, max validity %ds, response window %ds, cooldown %ds (tx %s)",
			lim.MaxAttestationAge, lim.MaxValidity, lim.ResponseWindow, lim.Cooldown, rcpt.TxHash.Hex()))
}

func registrySetMinTcb(ctx context.Context, c *registryCmd) error {
	s, err := c.arg("the minimum TCB status (UpToDate, SWHardeningNeeded, …, or 0-6; 0: none)")
	if err != nil {
		return err
	}
	status, err := protocol.ParseTCBStatus(s)
	if err != nil {
		return usagef("%v", err)
	}
	tee, err := protocol.ParseTEEType(allowTEE)
	if err != nil {
		return usagef("--tee: %v", err)
	}
	rcpt, _, err := c.send(ctx, func(r *registry.Client, o *bind.TransactOpts) (*types.Transaction, error) {
		return r.SetMinTcbStatus(o, tee, status)
	})
	if err != nil {
		return err
	}
	return c.print(map[string]any{"tee": tee.String(), "minTcbStatus": uint8(status), "tx": rcpt.TxHash},
		fmt.Sprintf("%s subjects now need TCB status %s or better (tx %s)", tee, status, rcpt.TxHash.Hex()))
}

func registryGrant(ctx context.Context, c *registryCmd) error { return registryRole(ctx, c, true) }

func registryRevokeRole(ctx context.Context, c *registryCmd) error {
	return registryRole(ctx, c, false)
}

func registryRole(ctx context.Context, c *registryCmd, grant bool) error {
	if c.fs.NArg() != 2 {
		return usagef("want two arguments, ROLE (admin, governor or requester) and ADDRESS; got %d", c.fs.NArg())
	}
	name, who := c.fs.Arg(0), c.fs.Arg(1)
	role, ok := registry.Roles[name]
	if !ok {
		return usagef("unknown role %q, want admin, governor or requester", name)
	}
	if !common.IsHexAddress(who) {
		return usagef("want an account address, got %q", who)
	}
	account := common.HexToAddress(who)
	rcpt, _, err := c.send(ctx, func(r *registry.Client, o *bind.TransactOpts) (*types.Transaction, error) {
		if grant {
			return r.GrantRole(o, role, account)
		}
		return r.RevokeRole(o, role, account)
	})
	if err != nil {
		return err
	}
	verb := "revoked from"
	if grant {
		verb = "granted to"
	}
	return c.print(map[string]any{"role": name, "account": account, "hasRole": grant, "tx": rcpt.TxHash},
		fmt.Sprintf("%s %s %s (tx %s)", name, verb, account.Hex(), rcpt.TxHash.Hex()))
}
