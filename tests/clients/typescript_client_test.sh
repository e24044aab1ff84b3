#!/usr/bin/env bash
# Builds the TypeScript client in clients/typescript and runs its tests
# (node:test) against the aduand that tests/e2e/with_server.sh started:
#   npm ci             when node_modules is missing or older than the lock file
#                      (registry packages only; no install scripts run)
#   npm run build      types from the protos, then tsc into dist/
#   node --test dist/test/lapor-import.test.js
# Concurrent runs share the package folder under a lock.
#
#   tests/e2e/with_server.sh build/aduand tests/clients/typescript_client_test.sh
set -euo pipefail
pkg="$(cd "$(dirname "$0")/../../clients/typescript" && pwd)"
cd "$pkg"
exec 9<"$pkg"
flock 9
stamp=node_modules/.aduan-package-lock.json
if ! cmp -s package-lock.json "$stamp"; then
  npm ci --ignore-scripts --no-audit --no-fund --prefer-offline
  cp package-lock.json "$stamp"
fi
npm run --silent build
flock -s 9
node --test dist/test/lapor-import.test.js
