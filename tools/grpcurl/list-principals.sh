#!/usr/bin/env bash
# Principals by name (AdminService/ListPrincipals).
set -euo pipefail
usage="Usage: list-principals.sh [--office CODE] [--page-size N] [--page-token TOKEN]

Lists principals (admin) with their role bindings, by name; --office keeps
those with a binding in that office."
# shellcheck source=tools/grpcurl/common.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/common.sh"

office="" page_size="" page_token=""
while [ "$#" -gt 0 ]; do
  case "$1" in
    -h | --help) aduan_help ;;
    -*) aduan_need_value "$1" "$#" ;;
    *) aduan_usage_error "unexpected argument $1" ;;
  esac
  case "$1" in
    --office) office="$2" ;;
    --page-size) aduan_check_int "$1" "$2"; page_size="$2" ;;
    --page-token) page_token="$2" ;;
    *) aduan_usage_error "unknown option $1" ;;
  esac
  shift 2
done
aduan_call aduan.v1.AdminService/ListPrincipals "$(json_object \
  office_code "$(json_opt_str "$office")" \
  page_size "$(json_int "$page_size")" \
  page_token "$(json_opt_str "$page_token")")"
