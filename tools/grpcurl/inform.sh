#!/usr/bin/env bash
# Step 6: the officer informs the complainant (ArchiveService/InformComplainant).
set -euo pipefail
usage="Usage: inform.sh TRACKING_CODE METHOD MESSAGE [--etag ETAG]

Records how the complainant of a RESOLVED, REJECTED, OUT_OF_SCOPE or
DUPLICATE complaint was informed (officer): INFORMED. METHOD is IN_PERSON,
ONLINE_MEDIA, EMAIL, PHONE, LETTER or SP4N_LAPOR; MESSAGE is what they were
told.
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
aduan_expect_args 3 3 "${#args[@]}"
aduan_call aduan.v1.ArchiveService/InformComplainant "$(json_object \
  request_id "$(json_str "$(aduan_request_id)")" \
  tracking_code "$(json_str "${args[0]}")" \
  etag "$(json_opt_str "$etag")" \
  method "$(json_enum "${args[1]}")" \
  message "$(json_opt_str "${args[2]}")")"
