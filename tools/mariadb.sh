#!/usr/bin/env bash
# A private MariaDB server for tests and development: its own data folder,
# socket and loopback port; no system service is touched.
#
#   tools/mariadb.sh start   # initialises (once) and starts; prints the URL
#   tools/mariadb.sh stop    # stops it (waits until it is gone)
#   tools/mariadb.sh url     # prints the admin URL for ADUAN_TEST_MYSQL_URL
#
# Environment: ADUAN_MARIADB_DIR (default ./var/mariadb), ADUAN_MARIADB_PORT
# (default 33306).
set -euo pipefail

dir="${ADUAN_MARIADB_DIR:-$PWD/var/mariadb}"
port="${ADUAN_MARIADB_PORT:-33306}"
sock="$dir/mysqld.sock"
pidfile="$dir/mysqld.pid"
user=aduan
password=aduan-test

url() { echo "mysql://$user:$password@127.0.0.1:$port/aduan_admin"; }

running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

start() {
  mkdir -p "$dir"
  if [ ! -d "$dir/data/mysql" ]; then
    mariadb-install-db --no-defaults --datadir="$dir/data" --user="$(id -un)" \
      --auth-root-authentication-method=socket --skip-test-db \
      >"$dir/install.log" 2>&1 || { cat "$dir/install.log"; exit 1; }
  fi
  if ! running; then
    mariadbd --no-defaults --datadir="$dir/data" --socket="$sock" \
      --port="$port" --bind-address=127.0.0.1 --pid-file="$pidfile" \
      --log-error="$dir/error.log" --user="$(id -un)" \
      --innodb-flush-log-at-trx-commit=1 --innodb-buffer-pool-size=256M \
      --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
      --skip-name-resolve --max-connections=500 >/dev/null 2>&1 &
    for _ in $(seq 1 120); do
      mariadb-admin --no-defaults --socket="$sock" -uroot ping >/dev/null 2>&1 && break
      sleep 0.5
    done
    mariadb-admin --no-defaults --socket="$sock" -uroot ping >/dev/null 2>&1 || {
      echo "MariaDB did not start; see $dir/error.log" >&2; tail -20 "$dir/error.log" >&2; exit 1; }
  fi
  mariadb --no-defaults --socket="$sock" -uroot <<SQL
CREATE USER IF NOT EXISTS '$user'@'127.0.0.1' IDENTIFIED BY '$password';
GRANT ALL PRIVILEGES ON *.* TO '$user'@'127.0.0.1' WITH GRANT OPTION;
CREATE DATABASE IF NOT EXISTS aduan_admin CHARACTER SET utf8mb4;
SQL
  url
}

stop() {
  if running; then
    local pid; pid="$(cat "$pidfile")"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) url ;;
  *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
