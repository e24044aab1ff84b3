#!/usr/bin/env bash
# Installs the client package from a build folder into a fresh prefix,
# builds clients/cpp/example against it as a separate project, and runs it
# (and the installed aduanctl) against the live server of with_server.sh.
#
# Usage (under tests/e2e/with_server.sh): install_test.sh <build dir> <example dir>
set -euo pipefail
build="$1"
example="$2"
prefix="$(mktemp -d "${TMPDIR:-/tmp}/aduan-client-install.XXXXXX")"
trap 'rm -rf "$prefix"' EXIT

cmake --install "$build" --prefix "$prefix" --component aduan_client >/dev/null
test -f "$prefix/include/aduan/client/client.h"
test -f "$prefix/include/aduan/v1/complaint.pb.h"
test -f "$prefix/lib/cmake/aduan_client/aduan_clientConfig.cmake"

launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
cmake -S "$example" -B "$prefix/example-build" -G Ninja \
  -DCMAKE_PREFIX_PATH="$prefix" "${launcher[@]}" >/dev/null
cmake --build "$prefix/example-build" >/dev/null

# An officer, created with the installed aduanctl.
ctl="$prefix/bin/aduanctl"
id="$(ADUAN_TOKEN="$ADUAN_ADMIN_TOKEN" "$ctl" principals create \
  contoh.petugas --role OFFICER@KNG --json |
  sed -n 's/.*"principalId":"\([^"]*\)".*/\1/p')"
token="$(ADUAN_TOKEN="$ADUAN_ADMIN_TOKEN" "$ctl" tokens issue "$id" |
  sed -n 's/^token: //p')"

code="$(ADUAN_TOKEN="$token" "$prefix/example-build/example")"
echo "example submitted $code"
[[ "$code" =~ ^KNG-[0-9A-Z]{8}$ ]]
state="$(ADUAN_TOKEN="$token" "$ctl" get "$code" --json |
  sed -n 's/.*"state":"\([A-Z_]*\)".*/\1/p')"
[ "$state" = SUBMITTED ]
echo "install test: ok"
