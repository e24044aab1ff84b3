#!/usr/bin/env bash
# Any method, with a JSON body written by hand, using the settings of
# common.sh (address, token, TLS).
set -euo pipefail
usage="Usage: call.sh SERVICE/METHOD [JSON]

Calls a method with the given JSON body (default {}), e.g.
  call.sh aduan.v1.AdminService/GetOffice '{\"code\": \"KNG\"}'
JSON - reads the body from stdin. A change needs its own \"request_id\"
in the body (this script adds none)."
# shellcheck source=tools/grpcurl/common.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/common.sh"

case "${1:-}" in -h | --help) aduan_help ;; -*) aduan_usage_error "unknown option $1" ;; esac
aduan_expect_args 1 2 "$#"
body="${2:-}"
if [ -z "$body" ]; then
  body='{}'
elif [ "$body" = - ]; then
  body="$(cat)"
fi
aduan_call "$1" "$body"
