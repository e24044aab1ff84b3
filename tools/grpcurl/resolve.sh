#!/usr/bin/env bash
# Step 5 done: the unit reports the result (DispositionService/ResolveComplaint).
set -euo pipefail
usage="Usage: resolve.sh TRACKING_CODE RESULT [--etag ETAG] [--attachment ID]...

Reports the result of the follow-up (the unit): IN_FOLLOW_UP → RESOLVED.
RESULT is the result report.
  --etag ETAG       the complaint's etag as last read (stale: Aborted)
  --attachment ID   a RESULT document the unit uploaded (repeatable; the ids
                    are in show-complaint.sh's attachments)"
# shellcheck source=tools/grpcurl/common.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/common.sh"

etag="" args=() ids=()
while [ "$#" -gt 0 ]; do
  case "$1" in
    -h | --help) aduan_help ;;
    --etag) aduan_need_value "$1" "$#"; etag="$2"; shift 2 ;;
    --attachment)
      aduan_need_value "$1" "$#"
      ids+=("$(json_str "$2")")
      shift 2
      ;;
    --) shift; args+=("$@"); break ;;
    -*) aduan_usage_error "unknown option $1" ;;
    *) args+=("$1"); shift ;;
  esac
done
aduan_expect_args 2 2 "${#args[@]}"
aduan_call aduan.v1.DispositionService/ResolveComplaint "$(json_object \
  request_id "$(json_str "$(aduan_request_id)")" \
  tracking_code "$(json_str "${args[0]}")" \
  etag "$(json_opt_str "$etag")" \
  result "$(json_opt_str "${args[1]:-}")" \
  attachment_ids "$(json_array "${ids[@]}")")"
