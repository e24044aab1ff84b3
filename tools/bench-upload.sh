#!/usr/bin/env bash
# Upload benchmark: distinct 2 MiB JPEG photos at N concurrent clients (4 by
# default), in the same run: the baseline that writes and fsyncs the same
# bytes straight to files in the same folder tree, then aduand (embedded
# SQLite, blob store under var/bench-upload) under UploadAttachment load.
# Usage: tools/bench-upload.sh [clients] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
clients="${1:-4}"
seconds="${2:-10}"
tools/install-deps.sh
tools/build.sh aduand aduan_upload_bench >/dev/null
work="$PWD/var/bench-upload"
rm -rf "$work" && mkdir -p "$work" && chmod 700 "$work"
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null || true' EXIT

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "== 2 MiB photos, $clients clients, ${seconds}s"
build/aduan_upload_bench --mode=direct --dir="$work/direct" \
  --clients="$clients" --seconds="$seconds" --label=baseline

cd "$work"
../../build/aduand migrate --log_level=warn
admin_token="$(../../build/aduand bootstrap-admin --log_level=warn |
  sed -n 's/^token: //p')"
../../build/aduand serve --listen=127.0.0.1:0 --port_file="$work/port" \
  --intake_rate_per_minute=0 --log_level=warn >"$work/aduand.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do [ -s "$work/port" ] && break; sleep 0.1; done
cd - >/dev/null
build/aduan_upload_bench --mode=grpc --target="127.0.0.1:$(cat "$work/port")" \
  --admin_token="$admin_token" --clients="$clients" --seconds="$seconds" \
  --label=aduand
echo "blobs stored: $(find "$work/var/blobs" -type f -not -path '*/tmp/*' | wc -l)"
