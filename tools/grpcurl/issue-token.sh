#!/usr/bin/env bash
# A bearer token for a principal (AdminService/IssueToken).
set -euo pipefail
usage="Usage: issue-token.sh PRINCIPAL_ID [--description TEXT] [--ttl-hours N]

Issues a bearer token (admin) and prints its record (token.token_id, tok_…)
and its secret (adn_…). The secret is shown this once and never again: hand
it over and do not keep it here. The holder sets ADUAN_TOKEN=<secret>.
  --description TEXT  what it is for, e.g. \"laptop meja pengaduan\"
  --ttl-hours N       it stops working after N hours (default: never)"
# shellcheck source=tools/grpcurl/common.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/common.sh"

description="" ttl="" args=()
while [ "$#" -gt 0 ]; do
  case "$1" in
    -h | --help) aduan_help ;;
    -*) aduan_need_value "$1" "$#" ;;
    *) args+=("$1"); shift; continue ;;
  esac
  case "$1" in
    --description) description="$2" ;;
    --ttl-hours) aduan_check_int "$1" "$2"; ttl="$(($2 * 3600))s" ;;
    *) aduan_usage_error "unknown option $1" ;;
  esac
  shift 2
done
aduan_expect_args 1 1 "${#args[@]}"
aduan_call aduan.v1.AdminService/IssueToken "$(json_object \
  request_id "$(json_str "$(aduan_request_id)")" \
  principal_id "$(json_str "${args[0]}")" \
  description "$(json_opt_str "$description")" \
  ttl "$(json_opt_str "$ttl")")"
