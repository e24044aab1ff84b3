#!/usr/bin/env bash
# A complaint's history, oldest first (ComplaintService/ListComplaintEvents).
set -euo pipefail
usage="Usage: history.sh TRACKING_CODE [--page-size N] [--page-token TOKEN]

Prints the events of the complaint: who did what in which role, the states
before and after, the note. A further page is asked for with the
next_page_token of the answer."
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
aduan_call aduan.v1.ComplaintService/ListComplaintEvents "$(json_object \
  tracking_code "$(json_str "${args[0]}")" \
  page_size "$(json_int "$page_size")" \
  page_token "$(json_opt_str "$page_token")")"
