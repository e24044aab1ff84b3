#!/usr/bin/env bash
# Who read a complaint's full personal data (AdminService/ListAccessLog).
set -euo pipefail
usage="Usage: access-log.sh TRACKING_CODE [--page-size N] [--page-token TOKEN]

Lists, oldest first, every FULL read of the complaint (show-complaint.sh
--full): who, in which role, when and with which reason (admin)."
# shellcheck source=tools/grpcurl/common.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/common.sh"

page_size="" page_token="" args=()
while [ "$#" -gt 0 ]; do
  case "$1" in
    -h | --help) aduan_help ;;
    --page-size) aduan_need_value "$1" "$#"; aduan_check_int "$1" "$2"; page_size="$2"; shift 2 ;;
    --page-token) aduan_need_value "$1" "$#"; page_token="$2"; shift 2 ;;
    -*) aduan_usage_error "unknown option $1" ;;
    *) args+=("$1"); shift ;;
  esac
done
aduan_expect_args 1 1 "${#args[@]}"
aduan_call aduan.v1.AdminService/ListAccessLog "$(json_object \
  tracking_code "$(json_str "${args[0]}")" \
  page_size "$(json_int "$page_size")" \
  page_token "$(json_opt_str "$page_token")")"
