#!/usr/bin/env bash
# Quick start: installs what is missing, builds, and runs aduand on
# 127.0.0.1:50051 with the embedded SQLite database ./var/aduan.db (created
# and seeded with Kecamatan Kanigaran on first start). Extra arguments are
# passed to aduand, e.g. tools/run-server.sh --log_level=debug
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
tools/build.sh aduand
exec build/aduand serve "$@"
