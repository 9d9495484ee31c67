#!/usr/bin/env bash
# Regenerates bindings/ from forge's artifacts with abigen --v2 (pinned as a go.mod tool).
# Run after changing contracts/src; CI fails when the committed bindings are stale.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
scripts/forge build --quiet
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# name:package:output. Each contract gets its own package: abigen v2 names helper types after
# functions (Eip712DomainOutput), which clash when two contracts share a function.
for spec in AttestationRegistry:bindings:bindings/attestation_registry.go \
            SequencerInbox:sequencerinbox:bindings/sequencerinbox/sequencer_inbox.go; do
  IFS=: read -r name pkg out <<<"$spec"
  node -e '
    const fs = require("fs");
    const a = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
    fs.writeFileSync(process.argv[2], JSON.stringify(a.abi));
    fs.writeFileSync(process.argv[3], a.bytecode.object.replace(/^0x/, ""));
  ' "contracts/out/$name.sol/$name.json" "$tmp/$name.abi" "$tmp/$name.bin"
  mkdir -p "$(dirname "$out")"
  go tool abigen --v2 --abi "$tmp/$name.abi" --bin "$tmp/$name.bin" --pkg "$pkg" --type "$name" --out "$out"
done
