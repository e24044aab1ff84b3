#!/usr/bin/env bash
# Runs a test of tools/grpcurl/ once with every grpcurl that
# find_grpcurls.sh finds, each time as `grpcurl` first on PATH (as an
# operator has it) and with its own fresh server when the command is
# tests/e2e/with_server.sh. Stops at the first grpcurl that fails, naming it.
#
# Usage: each_grpcurl.sh COMMAND [ARGS...]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mapfile -t programs < <("$here/find_grpcurls.sh")
[ "${#programs[@]}" -gt 0 ] || { echo "each_grpcurl.sh: no grpcurl" >&2; exit 1; }
for program in "${programs[@]}"; do
  bin="$(mktemp -d "${TMPDIR:-/tmp}/aduan-grpcurl-bin.XXXXXX")"
  ln -s "$program" "$bin/grpcurl"
  echo "== with $program"
  status=0
  ADUAN_TEST_GRPCURL_BIN="$bin" "$@" || status=$?
  rm -rf "$bin"
  if [ "$status" -ne 0 ]; then
    echo "each_grpcurl.sh: failed with $program (exit $status)" >&2
    exit "$status"
  fi
done
