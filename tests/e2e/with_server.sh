#!/usr/bin/env bash
# Runs a command against a live aduand: a fresh work folder with an embedded
# SQLite database, the first admin bootstrapped, the server listening on a
# free loopback port. The command sees
#   ADUAN_ADDR         127.0.0.1:<port> (plaintext, loopback)
#   ADUAN_ADMIN_TOKEN  the bootstrap admin's bearer token (office KNG)
#   ADUAN_WORKDIR      the server's work folder (its log is aduand.log there)
# and its exit status is this script's. A moment pinned for the whole run
# (ADUAN_TEST_CLOCK, e.g. running@2026-12-07T10:00:00+07:00, as
# tools/test.sh --at sets it) is the server's time (--testing_clock). The server is stopped afterwards,
# also when the command fails; its log is printed when the command fails.
#
# Usage: with_server.sh <path to aduand> <command> [args...]
set -euo pipefail
aduand="$(realpath "$1")"
shift
work="$(mktemp -d "${TMPDIR:-/tmp}/aduan-script-e2e.XXXXXX")"
pid=""
cleanup() {
  if [ -n "$pid" ]; then
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

cd "$work"
"$aduand" migrate --db=sqlite://var/aduan.db 2>bootstrap.log
"$aduand" bootstrap-admin --db=sqlite://var/aduan.db --name=admin \
  --office=KNG >bootstrap.out 2>bootstrap.log
ADUAN_ADMIN_TOKEN="$(sed -n 's/^token: //p' bootstrap.out)"
"$aduand" serve --db=sqlite://var/aduan.db --listen=127.0.0.1:0 \
  --port_file="$work/port" ${ADUAN_TEST_CLOCK:+"--testing_clock=$ADUAN_TEST_CLOCK"} \
  >aduand.log 2>&1 &
pid=$!
for _ in $(seq 1 300); do
  [ -s "$work/port" ] && break
  if ! kill -0 "$pid" 2>/dev/null; then
    cat aduand.log >&2
    echo "with_server.sh: aduand exited early" >&2
    exit 1
  fi
  sleep 0.1
done
if [ ! -s "$work/port" ]; then
  cat aduand.log >&2
  echo "with_server.sh: aduand did not report a port" >&2
  exit 1
fi
export ADUAN_ADDR="127.0.0.1:$(cat "$work/port")"
export ADUAN_ADMIN_TOKEN ADUAN_WORKDIR="$work"
cd - >/dev/null
status=0
"$@" || status=$?
if [ "$status" -ne 0 ]; then
  echo "---- aduand log ----" >&2
  cat "$work/aduand.log" >&2
fi
exit "$status"
