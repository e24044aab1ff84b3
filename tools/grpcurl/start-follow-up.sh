#!/usr/bin/env bash
# Step 5 begins: the unit starts its follow-up (DispositionService/StartFollowUp).
set -euo pipefail
usage="Usage: start-follow-up.sh TRACKING_CODE [NOTE] [--etag ETAG]

The unit a DISPOSED complaint is disposed to starts the follow-up:
IN_FOLLOW_UP. NOTE is optional.
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
aduan_expect_args 1 2 "${#args[@]}"
aduan_call aduan.v1.DispositionService/StartFollowUp "$(json_object \
  request_id "$(json_str "$(aduan_request_id)")" \
  tracking_code "$(json_str "${args[0]}")" \
  etag "$(json_opt_str "$etag")" \
  note "$(json_opt_str "${args[1]:-}")")"
