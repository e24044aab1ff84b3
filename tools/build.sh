#!/usr/bin/env bash
# Configures (once) and builds Aduan into ./build. Incremental after the
# first run. Usage: tools/build.sh [ninja targets…]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f build/build.ninja ]; then
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
jobs="${ADUAN_BUILD_JOBS:-$(nproc)}"
cmake --build build -j "$jobs" ${1:+--target "$@"}
