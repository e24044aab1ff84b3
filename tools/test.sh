#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds, starts a private
# MariaDB (data in ./var/test-mariadb, the first free loopback port from
# 33306), runs the tests with CTest against SQLite and MariaDB, and stops
# MariaDB again, also when tests fail.
#
#   tools/test.sh                  every test at the real time, then the
#                                  tests that depend on the server's clock
#                                  (CTest label `clock`: end to end, clients,
#                                  grpcurl) again at three pinned moments:
#                                  the next Monday 10:00 WIB (office hours),
#                                  the next Friday 13:55 WIB (five minutes
#                                  before Friday's closing) and the next
#                                  Saturday 02:00 WIB (a weekend night, when
#                                  the UTC date is still Friday's)
#   tools/test.sh -R storage       only the tests CTest selects, at the real
#                                  time (every other argument goes to ctest)
#   tools/test.sh --at MOMENT ...  the selected tests (default: all) with the
#                                  server's clock pinned at MOMENT, an RFC 3339
#                                  time (2026-12-07T10:00:00+07:00) or
#                                  anything `date -d` reads ("next monday
#                                  10:00"), read in WIB; --at may repeat
#
# A pinned moment is the servers' time (aduand --testing_clock=running@…,
# passed by the tests' harness from ADUAN_TEST_CLOCK); the clock runs on from
# there. Each pass first runs ClockE2eTest, which fails unless the servers'
# time is that moment and a fresh complaint's service clock runs (office
# hours) or stands still (closed) as it must. The log says how long each pass
# took.
set -euo pipefail
cd "$(dirname "$0")/.."

moments=()
ctest_args=()
while [ "$#" -gt 0 ]; do
  case "$1" in
    --at)
      [ "$#" -ge 2 ] || { echo "tools/test.sh: --at needs a moment" >&2; exit 2; }
      moments+=("$2")
      shift 2
      ;;
    --at=*) moments+=("${1#--at=}"); shift ;;
    *) ctest_args+=("$1"); shift ;;
  esac
done

# A moment as the pin aduand takes: running@<RFC 3339 time in WIB>.
pin_of() {
  local t
  t="$(TZ=Asia/Jakarta date -d "$1" +%Y-%m-%dT%H:%M:%S%:z)" \
    || { echo "tools/test.sh: not a moment: $1" >&2; exit 2; }
  printf 'running@%s' "$t"
}
passes=()   # "label|pin|ctest args…" for each pass, in order
if [ "${#moments[@]}" -gt 0 ]; then
  for m in "${moments[@]}"; do
    passes+=("$m|$(pin_of "$m")")
  done
elif [ "${#ctest_args[@]}" -gt 0 ]; then
  passes+=("real time|")
else
  # The moments are after now, so never before the test certificates are
  # made, and move with the calendar.
  passes+=("real time|"
           "office hours, Monday 10:00 WIB|$(pin_of 'next monday 10:00')|-L clock"
           "Friday 13:55 WIB, five minutes before closing|$(pin_of 'next friday 13:55')|-L clock"
           "weekend night, Saturday 02:00 WIB|$(pin_of 'next saturday 02:00')|-L clock")
fi

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

run_ctest() {
  ctest --test-dir build --output-on-failure -j 2 "$@"
}
status=0
for pass in "${passes[@]}"; do
  IFS='|' read -r label pin selection <<<"$pass"
  # shellcheck disable=SC2206  # the selection is words for ctest
  args=(${selection:-} "${ctest_args[@]}")
  export ADUAN_TEST_CLOCK="$pin"
  echo "=== pass: $label${pin:+ ($pin)}${args[*]:+, ctest ${args[*]}}"
  start=$SECONDS
  if ! run_ctest -R '^Backends/ClockE2eTest\.' ; then
    echo "=== pass: $label: the moment did not take effect; its tests were not run" >&2
    status=1
    continue
  fi
  run_ctest -E '^Backends/ClockE2eTest\.' "${args[@]}" || status=1
  echo "=== pass: $label: $((SECONDS - start)) s"
done
unset ADUAN_TEST_CLOCK
exit "$status"
