#!/usr/bin/env bash
# Prints the grpcurl programs the tests of tools/grpcurl/ run against, one
# absolute path a line: every one named in GRPCURL and GRPCURLS (a
# space-separated list; .ci/run puts every ../shared/bin/grpcurl-* there),
# else `grpcurl` on PATH, else the stand-in next to this file (for machines
# without a real grpcurl). A named program that is not executable is an
# error (exit 1): a typo must not quietly fall back to the stand-in.
#
# Usage: tests/grpcurl/find_grpcurls.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
named=()
# shellcheck disable=SC2206  # GRPCURLS is a space-separated list
named+=(${GRPCURL:-} ${GRPCURLS:-})
if [ "${#named[@]}" -gt 0 ]; then
  for g in "${named[@]}"; do
    path="$(command -v "$g" || true)"
    if [ -z "$path" ] || [ ! -x "$path" ]; then
      echo "find_grpcurls.sh: $g (from GRPCURL or GRPCURLS) is not an executable program" >&2
      exit 1
    fi
    realpath "$path"
  done
  exit 0
fi
# grpcurl on PATH, but not the stand-in itself.
found="$(PATH="$(printf '%s' "$PATH" | tr ':' '\n' | grep -vxF "$here" | paste -sd:)" \
  command -v grpcurl || true)"
if [ -n "$found" ]; then
  realpath "$found"
else
  echo "$here/grpcurl"
fi
