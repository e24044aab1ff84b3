#!/usr/bin/env bash
# The head sends a result back (DispositionService/ReturnForRework).
set -euo pipefail
usage="Usage: return-for-rework.sh TRACKING_CODE REASON [--etag ETAG]

Sends a RESOLVED complaint back to the unit (head): DISPOSED. REASON says
what is still to be done.
  --etag ETAG   the complaint's etag as last read (stale: Aborted)"
# shellcheck source=tools/grpcurl/common.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/common.sh"

etag="" args=()
while [ "$#" -gt 0 ]; do
  case "$1" in
    -h | --help) aduan_help ;;
    --etag) aduan_need_value "$1" "$#"; etag="$2"; shift 2 ;;
    --) shift; args+=("$@"); break ;;
    -*) aduan_usage_error "unknown option $1" ;;
    *) args+=("$1"); shift ;;
  esac
done
aduan_expect_args 2 2 "${#args[@]}"
aduan_call aduan.v1.DispositionService/ReturnForRework "$(json_object \
  request_id "$(json_str "$(aduan_request_id)")" \
  tracking_code "$(json_str "${args[0]}")" \
  etag "$(json_opt_str "$etag")" \
  reason "$(json_opt_str "${args[1]:-}")")"
