#!/usr/bin/env bash
# One complaint (ComplaintService/GetComplaint).
set -euo pipefail
usage="Usage: show-complaint.sh TRACKING_CODE [--full REASON]

Prints the complaint as the caller may see it: NIK and KK numbers masked
(BASIC view). --full REASON asks for the FULL view (officer, secretary,
head); the reason is written to the access log (access-log.sh)."
# shellcheck source=tools/grpcurl/common.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/common.sh"

reason="" full=0 args=()
while [ "$#" -gt 0 ]; do
  case "$1" in
    -h | --help) aduan_help ;;
    --full) aduan_need_value "$1" "$#"; full=1; reason="$2"; shift 2 ;;
    -*) aduan_usage_error "unknown option $1" ;;
    *) args+=("$1"); shift ;;
  esac
done
aduan_expect_args 1 1 "${#args[@]}"
view=""
if [ "$full" = 1 ]; then
  view=FULL
fi
aduan_call aduan.v1.ComplaintService/GetComplaint "$(json_object \
  tracking_code "$(json_str "${args[0]}")" \
  view "$(json_enum "$view")" \
  access_reason "$(json_opt_str "$reason")")"
