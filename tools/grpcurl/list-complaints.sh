#!/usr/bin/env bash
# Complaints matching filters, newest first (ComplaintService/ListComplaints).
set -euo pipefail
usage="Usage: list-complaints.sh [options]

Lists the complaints the caller may see (personal data masked). Options of
one kind may be repeated and are ORed; different kinds are ANDed.
  --office CODE        office, e.g. KNG
  --state STATE        SUBMITTED, NEEDS_INFO, VERIFIED, REPORTED_TO_HEAD,
                       DISPOSED, IN_FOLLOW_UP, RESOLVED, INFORMED, ARCHIVED,
                       REJECTED, OUT_OF_SCOPE, DUPLICATE, WITHDRAWN
  --channel CHANNEL    OFFICE, ONLINE, EMAIL, PHONE, FACEBOOK, INSTAGRAM,
                       SP4N_LAPOR, GATEWAY
  --unit CODE          unit the complaint is disposed to
  --sla STATUS         ON_TIME, AT_RISK, BREACHED
  --query TEXT         text in tracking code, title or description (16 digits:
                       a NIK, for officer, secretary and head)
  --from TIME          submitted at or after TIME (RFC 3339, e.g.
                       2024-08-01T00:00:00Z)
  --to TIME            submitted before TIME
  --order-by ORDER     'create_time desc' (default), 'create_time asc',
                       'update_time desc', 'update_time asc'
  --page-size N        default 50, at most 500
  --page-token TOKEN   next_page_token of the previous page (same filters)
The answer's total_size counts every match over all pages."
# shellcheck source=tools/grpcurl/common.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/common.sh"

offices=() states=() channels=() units=() slas=()
query="" from="" to="" order_by="" page_size="" page_token=""
while [ "$#" -gt 0 ]; do
  case "$1" in
    -h | --help) aduan_help ;;
    -*) aduan_need_value "$1" "$#" ;;
    *) aduan_usage_error "unexpected argument $1" ;;
  esac
  case "$1" in
    --office) offices+=("$(json_str "$2")") ;;
    --state) states+=("$(json_enum "$2")") ;;
    --channel) channels+=("$(json_enum "$2")") ;;
    --unit) units+=("$(json_str "$2")") ;;
    --sla) slas+=("$(json_enum "$2")") ;;
    --query) query="$2" ;;
    --from) from="$2" ;;
    --to) to="$2" ;;
    --order-by) order_by="$2" ;;
    --page-size) aduan_check_int "$1" "$2"; page_size="$2" ;;
    --page-token) page_token="$2" ;;
    *) aduan_usage_error "unknown option $1" ;;
  esac
  shift 2
done

aduan_call aduan.v1.ComplaintService/ListComplaints "$(json_object \
  office_codes "$(json_array "${offices[@]}")" \
  states "$(json_array "${states[@]}")" \
  channels "$(json_array "${channels[@]}")" \
  unit_codes "$(json_array "${units[@]}")" \
  sla_statuses "$(json_array "${slas[@]}")" \
  query "$(json_opt_str "$query")" \
  create_time_from "$(json_opt_str "$from")" \
  create_time_to "$(json_opt_str "$to")" \
  order_by "$(json_opt_str "$order_by")" \
  page_size "$(json_int "$page_size")" \
  page_token "$(json_opt_str "$page_token")")"
