#!/usr/bin/env bash
# Runs every test teeoracle has, from a fresh clone: installs the pinned toolchain (npm ci) and
# Go modules, builds and tests the contracts, checks the gas snapshot and that the Go bindings
# match the contracts, then vets and tests the Go code (short fuzzing included).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

step() { printf '\n== %s\n' "$*"; }

step "toolchain: npm ci (solcjs, forge, anvil, cast, OpenZeppelin)"
if [ ! -x node_modules/@foundry-rs/forge-linux-amd64/bin/forge ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
go mod download

step "contracts: forge build, forge fmt --check"
scripts/forge build
scripts/forge fmt --check

step "contracts: forge test"
scripts/forge test

step "contracts: gas snapshot is current"
scripts/forge snapshot --check --no-match-test '^(testFuzz|invariant)_'

step "bindings are current"
scripts/bindings.sh
if [ -n "$(git status --porcelain -- bindings)" ]; then
  git status --short -- bindings
  echo "bindings/ differs from what scripts/bindings.sh generates: run it and commit the result" >&2
  exit 1
fi

step "go: gofmt, go vet"
unformatted=$(gofmt -l $(git ls-files '*.go'))
if [ -n "$unformatted" ]; then
  echo "gofmt would change: $unformatted" >&2
  exit 1
fi
go vet ./...

step "go: go test ./..."
go test -count=1 ./...

step "go: short fuzzing of the parsers"
fuzz_secs=${FUZZ_SECONDS:-10}
while read -r pkg target; do
  [ -n "$pkg" ] || continue
  go test -run='^$' -fuzz="^${target}\$" -fuzztime="${fuzz_secs}s" "$pkg"
done < <(grep -rl --include='*_test.go' '^func Fuzz' . | while read -r f; do
  pkg="./$(dirname "${f#./}")"
  grep -o '^func Fuzz[A-Za-z0-9_]*' "$f" | sed 's/^func //' | sed "s|^|$pkg |"
done)

echo
echo "all tests passed"
