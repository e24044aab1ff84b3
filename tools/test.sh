#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds, starts a private
# MariaDB (data in ./var/test-mariadb, loopback port 33306), runs every test
# with CTest against SQLite and MariaDB, and stops MariaDB again, also when
# tests fail. Extra arguments go to ctest, e.g. tools/test.sh -R storage
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
tools/build.sh

export ADUAN_MARIADB_DIR="${ADUAN_MARIADB_DIR:-$PWD/var/test-mariadb}"
export ADUAN_MARIADB_PORT="${ADUAN_MARIADB_PORT:-33306}"
trap 'tools/mariadb.sh stop' EXIT
ADUAN_TEST_MYSQL_URL="$(tools/mariadb.sh start)"
export ADUAN_TEST_MYSQL_URL
export ADUAN_TEST_REQUIRE_MYSQL=1

ctest --test-dir build --output-on-failure -j 2 "$@"
