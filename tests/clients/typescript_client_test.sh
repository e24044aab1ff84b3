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
# A copy of the package outside the repository generates its types from the
# protos' folder it is given, and says so when it is given none.
copy="$(mktemp -d "${TMPDIR:-/tmp}/aduan-ts-copy.XXXXXX")"
trap 'rm -rf "$copy"' EXIT
cp -r scripts package.json "$copy/"
ln -s "$pkg/node_modules" "$copy/node_modules"
if sh "$copy/scripts/generate.sh" >"$copy/no-protos.err" 2>&1; then
  echo "FAIL: generate.sh outside the repository found protos" >&2; exit 1
fi
grep -q "give the protos' folder" "$copy/no-protos.err" \
  || { echo "FAIL: generate.sh without protos: $(cat "$copy/no-protos.err")" >&2; exit 1; }
ADUAN_PROTO_DIR="$pkg/../../protos" sh "$copy/scripts/generate.sh"
for f in "$pkg"/generated/types/aduan/v1/*.ts; do
  cmp -s "$f" "$copy/generated/types/aduan/v1/$(basename "$f")" \
    || { echo "FAIL: generate.sh with ADUAN_PROTO_DIR: $(basename "$f") differs" >&2; exit 1; }
done
echo "ok   generate.sh outside the repository: ADUAN_PROTO_DIR, and a clear refusal without it"
flock -s 9
node --test dist/test/lapor-import.test.js
