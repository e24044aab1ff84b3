#!/usr/bin/env bash
# Intake benchmark: for MariaDB and SQLite, the direct-SOCI baseline (same
# validation and transaction, in process, no gRPC) and aduand under gRPC
# load, in the same run; on MariaDB also complete life cycles (submit →
# archive) with each role's token. Usage: tools/bench-intake.sh [clients]
# [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
clients="${1:-16}"
seconds="${2:-10}"
tools/install-deps.sh
tools/build.sh aduand aduan_loadgen >/dev/null
work="$PWD/var/bench"
rm -rf "$work" && mkdir -p "$work" && chmod 700 "$work"
export ADUAN_MARIADB_DIR="$work/mariadb" ADUAN_MARIADB_PORT=33307
trap 'kill $server 2>/dev/null || true; tools/mariadb.sh stop' EXIT
admin="$(tools/mariadb.sh start)"
sock="$ADUAN_MARIADB_DIR/mysqld.sock"
base="${admin%/*}"
for d in bench_direct bench_grpc; do
  mariadb --no-defaults --socket="$sock" -uroot -e "CREATE DATABASE $d CHARACTER SET utf8mb4"
done
build/aduand keygen --key_file="$work/bench.key" 2>/dev/null

run_server() {  # db-url; sets $server and $admin_token
  build/aduand migrate --db="$1" --log_level=warn
  build/aduand seed --db="$1" --key_file="$work/bench.key" --log_level=warn
  admin_token="$(build/aduand bootstrap-admin --db="$1" \
    --key_file="$work/bench.key" --log_level=warn | sed -n 's/^token: //p')"
  build/aduand serve --listen=127.0.0.1:0 --port_file="$work/port" \
    --db="$1" --db_pool_size="$clients" --key_file="$work/bench.key" \
    --intake_rate_per_minute=0 --log_level=warn >"$work/aduand.log" 2>&1 &
  server=$!
  for _ in $(seq 1 100); do [ -s "$work/port" ] && break; sleep 0.1; done
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "== MariaDB, $clients clients, ${seconds}s"
build/aduan_loadgen --mode=direct --db="$base/bench_direct" \
  --key_file="$work/bench.key" --clients="$clients" --seconds="$seconds" --label=mariadb
rm -f "$work/port"; run_server "$base/bench_grpc"
build/aduan_loadgen --mode=grpc --target="127.0.0.1:$(cat "$work/port")" \
  --admin_token="$admin_token" --clients="$clients" --seconds="$seconds" \
  --label=mariadb
build/aduan_loadgen --mode=lifecycle --target="127.0.0.1:$(cat "$work/port")" \
  --admin_token="$admin_token" --clients="$clients" --seconds="$seconds" \
  --label=mariadb
kill "$server"; wait "$server" 2>/dev/null || true

echo "== SQLite, $clients clients, ${seconds}s"
build/aduan_loadgen --mode=direct --db="sqlite://$work/direct.db" \
  --key_file="$work/bench.key" --clients="$clients" --seconds="$seconds" --label=sqlite
rm -f "$work/port"; run_server "sqlite://$work/grpc.db"
build/aduan_loadgen --mode=grpc --target="127.0.0.1:$(cat "$work/port")" \
  --admin_token="$admin_token" --clients="$clients" --seconds="$seconds" \
  --label=sqlite
