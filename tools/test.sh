#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds, starts a private
# MariaDB (data in ./var/test-mariadb, the first free loopback port from
# 33306), runs every test
# with CTest against SQLite and MariaDB, and stops MariaDB again, also when
# tests fail. Extra arguments go to ctest, e.g. tools/test.sh -R storage
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
tools/build.sh

export ADUAN_MARIADB_DIR="${ADUAN_MARIADB_DIR:-$PWD/var/test-mariadb}"
if [ -z "${ADUAN_MARIADB_PORT:-}" ]; then
  # The first free loopback port from 33306 on (another server may be there).
  for port in $(seq 33306 33399); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      ADUAN_MARIADB_PORT=$port
      break
    fi
  done
fi
export ADUAN_MARIADB_PORT
trap 'tools/mariadb.sh stop' EXIT
ADUAN_TEST_MYSQL_URL="$(tools/mariadb.sh start)"
export ADUAN_TEST_MYSQL_URL
export ADUAN_TEST_REQUIRE_MYSQL=1

ctest --test-dir build --output-on-failure -j 2 "$@"
