# Helpers of the tests of tools/grpcurl/ (sourced). Every call's output goes
# to $out/NAME.json (stdout) and $out/NAME.err (stderr), so that a failure
# shows what the script printed.
# shellcheck shell=bash

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# T (the scripts) and PY are used by the tests that source this file.
# shellcheck disable=SC2034
T="$root/tools/grpcurl"
PY=/usr/bin/python3

# grpcurl is the one each_grpcurl.sh put first on PATH (a real release, or
# the stand-in on machines without one), else the stand-in; nothing of the
# caller's environment leaks in.
export PATH="${ADUAN_TEST_GRPCURL_BIN:-$here}:$PATH"
unset GRPCURL ADUAN_TOKEN ADUAN_CACERT ADUAN_CERT ADUAN_KEY ADUAN_TLS \
  ADUAN_REQUEST_ID ADUAN_EMIT_DEFAULTS
: "${ADUAN_ADDR:?run through tests/e2e/with_server.sh}"

out="$(mktemp -d "${TMPDIR:-/tmp}/aduan-grpcurl-test.XXXXXX")"
trap 'rm -rf "$out"' EXIT

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# run STATUS NAME COMMAND...: runs COMMAND, which must exit with STATUS.
run() {
  local want="$1" name="$2" got=0
  shift 2
  "$@" >"$out/$name.json" 2>"$out/$name.err" || got=$?
  if [ "$got" != "$want" ]; then
    {
      echo "FAIL: $name: exit status $got, expected $want: $*"
      sed 's/^/  stdout: /' "$out/$name.json"
      sed 's/^/  stderr: /' "$out/$name.err"
    } >&2
    exit 1
  fi
}

# j NAME EXPRESSION: a Python expression over the JSON answer `r` of NAME;
# strings print as they are, everything else as JSON.
j() {
  "$PY" - "$out/$1.json" "$2" <<'PY'
import json, sys
with open(sys.argv[1], encoding="utf-8") as f:
    r = json.load(f)
v = eval(sys.argv[2], {"r": r, "json": json})
print(v if isinstance(v, str) else json.dumps(v))
PY
}

# expect WHAT ACTUAL EXPECTED
expect() {
  [ "$2" == "$3" ] || fail "$1: got '$2', expected '$3'"
}

# expect_j NAME EXPRESSION EXPECTED
expect_j() {
  expect "$1: $2" "$(j "$1" "$2")" "$3"
}

# expect_error NAME CODE TEXT: NAME failed with grpcurl's error format, the
# gRPC code name CODE, and a message containing TEXT.
expect_error() {
  local err="$out/$1.err"
  grep -qx 'ERROR:' "$err" || fail "$1: no 'ERROR:' line in: $(cat "$err")"
  grep -qx "  Code: $2" "$err" || fail "$1: not '  Code: $2' in: $(cat "$err")"
  grep -q "^  Message: .*$3" "$err" || fail "$1: message lacks '$3': $(cat "$err")"
}

# expect_grep NAME PATTERN: a line of NAME's stdout matches PATTERN (grep -E).
expect_grep() {
  grep -qE -- "$2" "$out/$1.json" || fail "$1: no line matches '$2' in: $(cat "$out/$1.json")"
}
