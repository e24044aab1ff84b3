#!/usr/bin/env bash
# The cost of one SubmitComplaint inside aduand, measured where a shared
# machine's noise does not reach: the database statements per call (MariaDB
# status counters) and the CPU instructions per call of every server thread
# (valgrind's callgrind, collection switched on after a warm-up). Run it on
# two builds to compare them. Usage:
#   tools/bench-call-cost.sh [BUILD_DIR] [sqlite|mysql]
# BUILD_DIR defaults to ./build; mysql uses a private MariaDB (tools/mariadb.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
build="$(realpath "${1:-build}")"
backend="${2:-mysql}"
command -v valgrind >/dev/null || apt-get install -y valgrind >/dev/null
work="$PWD/var/call-cost"
rm -rf "$work" && mkdir -p "$work" && chmod 700 "$work"
if [ "$backend" = mysql ]; then
  export ADUAN_MARIADB_DIR="$work/mariadb" ADUAN_MARIADB_PORT=33308
  trap 'tools/mariadb.sh stop >/dev/null 2>&1 || true' EXIT
  admin="$(tools/mariadb.sh start)"
  sock="$ADUAN_MARIADB_DIR/mysqld.sock"
  m() { mariadb --no-defaults --socket="$sock" -uroot "$@"; }
  m -e "CREATE DATABASE cost_q CHARACTER SET utf8mb4; CREATE DATABASE cost_i CHARACTER SET utf8mb4"
  db_q="${admin%/*}/cost_q" db_i="${admin%/*}/cost_i"
else
  db_q="sqlite://$work/q/aduan.db" db_i="sqlite://$work/i/aduan.db"
fi

# Prepares database $1 (key in $work), prints an admin token.
prepare() {
  "$build/aduand" keygen --key_file="$work/$2.key" --log_level=warn 2>/dev/null
  "$build/aduand" migrate --db="$1" --log_level=warn
  "$build/aduand" seed --db="$1" --key_file="$work/$2.key" --log_level=warn
  "$build/aduand" bootstrap-admin --db="$1" --key_file="$work/$2.key" \
    --log_level=warn | sed -n 's/^token: //p'
}
# Starts "$@ aduand serve" on database $1 with key $2; sets $server, $port.
serve() {
  local db="$1" key="$2"; shift 2
  rm -f "$work/port"
  "$@" "$build/aduand" serve --db="$db" --key_file="$work/$key.key" \
    --listen=127.0.0.1:0 --port_file="$work/port" --log_level=warn \
    --intake_rate_per_minute=0 --db_pool_size=4 --health_seconds=3600 \
    --sweep_seconds=3600 >"$work/$key.log" 2>&1 &
  server=$!
  for _ in $(seq 1 600); do [ -s "$work/port" ] && break; sleep 0.2; done
  port="$(cat "$work/port")"
}
load() {  # seconds label → calls answered OK
  "$build/aduan_loadgen" --mode=grpc --target="127.0.0.1:$port" \
    --admin_token="$token" --clients=2 --seconds="$1" --label="$2" |
    grep -o 'ok=[0-9]*' | head -1 | cut -d= -f2
}

echo "build: $build ($backend)"
if [ "$backend" = mysql ]; then
  token="$(prepare "$db_q" q)"
  serve "$db_q" q
  load 2 warm >/dev/null
  stat() { m -N -e "SHOW GLOBAL STATUS WHERE Variable_name IN ('Questions','Com_select','Com_insert','Com_update','Com_begin','Com_commit')"; }
  before="$(stat)"
  calls="$(load 5 statements)"
  after="$(stat)"
  kill -TERM "$server"; wait "$server" || true
  paste <(echo "$before") <(echo "$after") |
    awk -v n="$calls" '{printf "%s per call: %.2f\n", $1, ($4 - $2) / n}'
fi
token="$(prepare "$db_i" i)"
serve "$db_i" i valgrind --tool=callgrind --instr-atstart=no \
  --callgrind-out-file="$work/callgrind.out"
load 5 warm >/dev/null
callgrind_control -i on "$server" >/dev/null 2>&1
calls="$(load 20 instructions)"
callgrind_control -i off "$server" >/dev/null 2>&1
callgrind_control -d "$server" >/dev/null 2>&1
kill -TERM "$server"; wait "$server" || true
ir="$( (callgrind_annotate "$work/callgrind.out.1" 2>/dev/null || true) |
  awk '/PROGRAM TOTALS/ && !done {gsub(",", "", $1); print $1; done = 1}')"
echo "calls: $calls  instructions: $ir  instructions per call: $((ir / calls))"
